#!/bin/sh
# Who leads a task, on the screen as `show` says it: a group lead as
# written ("Cấp ủy, tổ chức đảng") marked "(nhiệm vụ chung của nhiều cơ
# quan)", a lead not resolved to a unit (or none at all) marked "(chưa xác
# định đơn vị)", in the preview, the detail area (V) and the full view
# (Enter), at 80x24 and 120x40.
NAME=lead-mark
. tests/tui/lib.inc

setup
cli import ../shared/samples/tinh-uy-chuong-trinh.txt >/dev/null 2>&1 || fail "import the program"
sed -n '/^TỈNH ỦY SƠN HÀ$/,/^Văn phòng Tỉnh ủy theo dõi/p' tests/tui/nolead.sh >"$TMP/plan.txt"
cli import "$TMP/plan.txt" >"$TMP/import.log" 2>&1 || fail "import: $(tail -n 1 "$TMP/import.log")"
ids=$(cli tasks --format json --limit 100000 | python3 -c 'import json, sys
r = json.load(sys.stdin)
g = [x["id"] for x in r if x["status"] == "group" and x["lead_name"] == "Cấp ủy, tổ chức đảng"][0]
u = [x["id"] for x in r if x["lead_name"] == "Ban Tuyên giáo Đảng ủy Khối"][0]
print(g, u)') || fail "no group task or unresolved lead"
group=${ids% *}
unres=${ids#* }
GROUP="Chủ trì: Cấp ủy, tổ chức đảng (nhiệm vụ chung của nhiều cơ quan)"
UNRES="Chủ trì: Ban Tuyên giáo Đảng ủy Khối (chưa xác định đơn vị)"
NONE="Chủ trì: (chưa xác định đơn vị)"
# what show says (its columns squeezed to one space)
cli show "$group" | tr -s ' ' | grep -qF "$GROUP" || fail "show $group does not say: $GROUP"
cli show "$unres" | tr -s ' ' | grep -qF "$UNRES" || fail "show $unres does not say: $UNRES"

for size in "80 24" "120 40"; do
	cols=${size% *}
	rows=${size#* }
	# the tasks no unit leads: #147 (no lead written) first, the unresolved last
	start_tui "$cols" "$rows"
	keys End
	wait_for "Nhiệm vụ chưa xác định đơn vị chủ trì (không thuộc" || fail "$size: no row of the tasks without a lead"
	keys Enter
	wait_for "» Nhiệm vụ đơn vị chủ trì" || fail "$size: Enter does not go to the tasks"
	wait_for "$NONE" || fail "$size: a task without a lead is not marked"
	keys End
	wait_for "$UNRES" || fail "$size: the unresolved lead is not marked"
	detail_area
	wait_for "Nhiệm vụ #$unres · mục" || fail "$size: #$unres not in the detail area"
	wait_for "$UNRES" || fail "$size: the detail area does not mark the unresolved lead"
	keys Enter
	wait_for "Nhiệm vụ #$unres đầy đủ" || fail "$size: Enter opens no full view"
	wait_for "$UNRES" || fail "$size: the full view does not mark the unresolved lead"
	keys Escape
	wait_gone "Nhiệm vụ #$unres đầy đủ" || fail "$size: Esc does not close the view"
	quit_and_check_restored
	tmux -L "$SOCK" kill-server 2>/dev/null
	sleep 0.3

	# the group task, the first of the imported program
	start_tui "$cols" "$rows"
	keys /
	type_text "tinh uy son ha"
	keys Enter
	wait_for "(Tỉnh ủy, mã tu)" || fail "$size: unit not found"
	keys Tab
	keys j
	wait_for "Văn bản (không số)" || fail "$size: the imported program is not selected"
	keys Tab
	if [ "$rows" -lt 30 ]; then
		# the preview under the list: its facts line's status says
		# "nhiệm vụ chung" before the lead, which is not cut
		wait_for "nhiệm vụ chung Cấp ủy, tổ chức đảng " ||
			fail "$size: the preview does not give the group lead"
		screen | grep -qF "Cấp ủy, tổ chức đảng (nhiệm vụ chung c…" &&
			fail "$size: the preview's facts line cuts the group lead's mark"
	fi
	detail_area
	wait_for "Nhiệm vụ #$group · mục" || fail "$size: #$group not selected"
	wait_for "$GROUP" || fail "$size: the detail area does not mark the group lead"
	keys Enter
	wait_for "Nhiệm vụ #$group đầy đủ" || fail "$size: Enter opens no full view"
	wait_for "$GROUP" || fail "$size: the full view does not mark the group lead"
	keys Escape
	quit_and_check_restored
	tmux -L "$SOCK" kill-server 2>/dev/null
	sleep 0.3
done
pass
