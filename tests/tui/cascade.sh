#!/bin/sh
# The cascade (c) of the selected document, as a tree: every committee
# that `theodoi cascade DOC --format json` says has not issued its plan
# is shown as such (overdue ones with their days), the issued plans with
# their numbers; Enter on a plan shows it in the panes.
NAME=cascade
. tests/tui/lib.inc

setup
cli cascade 15-CTr/TU --format json >"$TMP/cascade.json" || fail "cli cascade"
start_tui 120 40
keys /
type_text "tinh uy son ha"
keys Enter
wait_for "Tỉnh ủy Sơn Hà (Tỉnh ủy, mã tu)" || fail "unit not found"
keys Tab
wait_for "Văn bản 15-CTr/TU" || fail "the program is not selected"
keys c
wait_for "Cây kế hoạch thực hiện 15-CTr/TU" || fail "c shows no cascade"
screen >"$TMP/screen.txt"
python3 - "$TMP/cascade.json" "$TMP/screen.txt" <<'PY' || fail "the tree differs from theodoi cascade"
import json, sys
root = json.load(open(sys.argv[1]))
lines = open(sys.argv[2]).read().split("\n")
nodes = []
def walk(n):
    nodes.append(n)
    for c in n.get("children", []):
        walk(c)
walk(root)
rows = lines[2:2 + len(nodes)]
missing = 0
# the symbols of `?`'s legend of the tree, apart from the tasks' "-"
# (chưa xác định thời hạn) and "=" (tạm dừng)
sym = {"root": "@", "on_time": "+", "late": "*", "issued": "+", "other": ".",
       "missing": "_", "overdue": "!", "undated": "+"}
for n, row in zip(nodes, rows):
    assert n["unit_name"][:20] in row, (n["unit_name"], row)
    assert row.lstrip("» ").startswith(sym[n["state"]]), (n["state"], row)
    if n["state"] in ("missing", "overdue"):
        missing += 1
        assert "chưa ban hành" in row, ("not shown as missing", row)
        assert n["number"] is None
        if n["state"] == "overdue":
            assert row.lstrip().startswith("!"), row
            assert "quá hạn %d ngày" % n["days"] in row, (n["days"], row)
    else:
        assert n["number"] in row, (n["number"], row)
assert missing > 0, "the demo has no missing plan"
PY
# ? lists the tree's symbols, each with its label
keys "?"
wait_for "Trợ giúp — phím" || fail "? opens no help in the tree"
keys End
wait_for "Ký hiệu cây kế hoạch (phím c):" || fail "the help has no legend of the tree"
for pair in "@ văn bản gốc" "_ chưa ban hành" "! chưa ban hành, quá hạn" "* đã ban hành chậm" \
	"+ đã ban hành (đúng hạn" ". văn bản khác thực hiện"; do
	screen | grep -qE "^ +$(printf '%s' "${pair%% *}" | sed 's/[.*+]/\\&/') +$(printf '%s' "${pair#* }" | sed 's/[(]/\\&/')" ||
		fail "the help does not give \"${pair#* }\" as ${pair%% *}"
done
keys Escape
wait_for "Cây kế hoạch thực hiện 15-CTr/TU" || fail "Esc does not go back to the tree"
# Thành ủy Bình Giang's plan (the first child): Enter shows it in the panes.
number=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["children"][0]["number"])' "$TMP/cascade.json")
keys j
keys Enter
wait_for "» Văn bản" || fail "Enter does not show the document in the panes"
wait_for "Văn bản $number" || fail "the panes do not select $number"
quit_and_check_restored
pass
