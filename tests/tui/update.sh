#!/bin/sh
# The daily update: u on a task, a note with Vietnamese accents, Tab, the
# progress, Enter.  One write; `theodoi show` reads it back exactly, and
# the detail area shows it under its day.  s changes the status only.
NAME=update
. tests/tui/lib.inc

setup
start_tui 120 40
note="đã họp triển khai"
# The first task of the Tỉnh ủy's program: select the unit, go to tasks.
keys /
type_text "tinh uy son ha"
keys Enter
wait_for "Tỉnh ủy Sơn Hà (Tỉnh ủy, mã tu)" || fail "unit not found"
keys Tab Tab
wait_for "Chi tiết nhiệm vụ" || fail "no task detail"
id=$(screen | sed -n 's/.*Nhiệm vụ #\([0-9][0-9]*\).*/\1/p' | head -n 1)
[ -n "$id" ] || fail "no selected task"

keys u
wait_for "Cập nhật nhiệm vụ #$id" || fail "u opens no update form"
type_text "$note"
keys Tab
type_text 60
keys Enter
wait_for "Đã lưu cập nhật cho nhiệm vụ #$id." || fail "the update was not saved"
wait_for "— $note" || fail "the detail does not show the new note"
# The update shows the day it was recorded for (--today), as `show` does,
# with the clock time only when that is also the real date.
screen | grep -qE "• $TODAY_VN( [0-9][0-9]:[0-9][0-9])? $(id -un): 60%( → [^—]+)? — $note" ||
	fail "the update is not shown under $TODAY_VN"

cli show "$id" --format json >"$TMP/show.json" || fail "cli show $id"
python3 - "$TMP/show.json" "$note" <<'PY' || fail "show does not read the update back"
import json, sys
t = json.load(open(sys.argv[1]))
u = t["updates"][0]
assert u["note"] == sys.argv[2], u
assert u["progress"] == 60, u
assert t["progress"] == 60, t
PY

# Status only: s, choose "tạm dừng" (4), Enter.
keys s
wait_for "Trạng thái nhiệm vụ #$id" || fail "s opens no status form"
keys 4
keys Enter
wait_for "Nhiệm vụ #$id: tạm dừng." || fail "the status was not saved"
[ "$(cli show "$id" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')" = on_hold ] ||
	fail "show does not read the status back"

# Esc on a form with typed text asks before dropping it.
keys u
type_text "chưa lưu"
keys Escape
wait_for "Bỏ nội dung đã nhập?" || fail "Esc drops typed text without asking"
keys c
wait_gone "Cập nhật nhiệm vụ" || fail "c does not close the form"
quit_and_check_restored
pass
