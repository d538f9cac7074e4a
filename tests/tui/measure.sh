#!/bin/sh
# Indicators (m) of a document: the rows and judgements of `theodoi
# indicators --doc`; u opens the measure form (value, date, source), Enter
# writes it once, and `theodoi indicators ID --format json` reads the new
# value back with its date and note; a bad value is refused in the form.
NAME=measure
. tests/tui/lib.inc

setup
cli indicators --doc 42-KH/ThU --format json >"$TMP/ind.json" || fail "cli indicators"
read -r n id label <<EOS
$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d), d[0]["id"], d[0]["state_label"])' "$TMP/ind.json")
EOS
[ "$n" -gt 0 ] || fail "the demo plan has no indicator"
note="Số liệu tháng 11, Văn phòng Thành ủy"
start_tui 120 40
keys /
type_text "thanh uy binh giang"
keys Enter
wait_for "Thành ủy Bình Giang (Thành ủy, mã ttu)" || fail "unit not found"
keys Tab
wait_for "Văn bản 42-KH/ThU" || fail "the plan is not selected"
keys m
wait_for "Chỉ tiêu — văn bản 42-KH/ThU: $n chỉ tiêu" || fail "m does not list $n indicators"
screen | sed -n 3p | grep -qF "#$id " || fail "the first row is not indicator #$id"
screen | sed -n 3p | grep -qF "$label" || fail "the first row is not judged '$label'"

keys u
wait_for "Ghi số liệu chỉ tiêu #$id" || fail "u opens no measure form"
type_text "2.500"
keys Enter
wait_for "không rõ nghĩa" || fail "an ambiguous value is not refused in the form"
keys C-u
type_text "91,5"
keys Tab
keys C-u
type_text "20/11/2026"
keys Tab
type_text "$note"
keys Enter
wait_for "Đã ghi số liệu chỉ tiêu #$id ngày 20/11/2026." || fail "the value was not saved"
wait_for "20/11/2026 $(id -un): 91,5% — $note" || fail "the detail does not show the new value"
cli indicators "$id" --format json >"$TMP/one.json" || fail "cli indicators $id"
python3 - "$TMP/one.json" "$note" <<'PY' || fail "the command line does not read the value back"
import json, sys
d = json.load(open(sys.argv[1]))
m = [x for x in d["measures"] if x["date"] == "2026-11-20"]
assert len(m) == 1, d["measures"]
assert m[0]["value"] == 91.5 and m[0]["note"] == sys.argv[2], m
assert d["value"] == 91.5, d
PY
keys Escape
wait_for "» Văn bản" || fail "Esc does not close the indicators"
quit_and_check_restored
pass
