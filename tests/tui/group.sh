#!/bin/sh
# An opened group task in the screen: the program imported into the demo
# store opens its group tasks (#146 "Cấp ủy, tổ chức đảng" the first) into
# one obligation per unit; its detail and its full view show the roll-up
# of its obligations ("0/4 đơn vị đã thực hiện"), not a status of its own,
# and it moves as its obligations are done.
NAME=group
. tests/tui/lib.inc

setup
cli import ../shared/samples/tinh-uy-chuong-trinh.txt >/dev/null 2>&1 || fail "cli import"
id=$(cli tasks --format json | python3 -c '
import json, sys
r = json.load(sys.stdin)
print([x["id"] for x in r if x["status"] == "group"][0])')
[ -n "$id" ] || fail "no opened group task after the import"
# one of its obligations done
ob=$(cli tasks --format json | python3 -c '
import json, sys
r = json.load(sys.stdin)
g = [x for x in r if x["id"] == '"$id"'][0]
print([x["id"] for x in r if x["section"].startswith(g["section"] + "@")][0])')
cli update "$ob" --status done >/dev/null || fail "cli update $ob"
start_tui 120 40
keys /
type_text "tinh uy son ha"
keys Enter
wait_for "Tỉnh ủy Sơn Hà (Tỉnh ủy, mã tu)" || fail "unit not found"
keys Tab
wait_for "Văn bản 15-CTr/TU" || fail "the program is not selected"
keys j
wait_for "Văn bản (không số)" || fail "the imported program is not selected"
keys Tab
i=0
while ! screen | grep -qF "Nhiệm vụ #$id · mục" && [ "$i" -lt 40 ]; do
	keys j
	i=$((i + 1))
done
wait_for "Nhiệm vụ #$id · mục" || fail "group task #$id not selected"
wait_for "Trạng thái: 1/4 đơn vị đã thực hiện, 25% · nhiệm vụ chung" ||
	fail "the detail does not show the roll-up"
screen | grep -qF "Trạng thái: chưa thực hiện, 0%" && fail "the detail shows a status of its own"
keys Enter
wait_for "Nhiệm vụ #$id đầy đủ" || fail "Enter opens no full view"
wait_for "Trạng thái: 1/4 đơn vị đã thực hiện, 25%" || fail "the full view does not show the roll-up"
keys Escape
wait_gone "Nhiệm vụ #$id đầy đủ" || fail "Esc does not close the view"
quit_and_check_restored
pass
