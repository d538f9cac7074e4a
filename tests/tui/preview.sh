#!/bin/sh
# The tasks pane on a short screen: at 80x24 the focused list takes the
# height and a preview under it shows only what the selected row cannot
# (a line of facts, the text the row cut); V brings the detail area back
# for the session, and Enter still shows the task in full; a group task
# shows the roll-up of its obligations.  From 30 lines
# (120x40) the detail area stays as it was.
NAME=preview
. tests/tui/lib.inc

setup
# A task whose text fits in its row, led by the user's unit (tu-vp).
short=$(cli add-task --doc 15-CTr/TU --text "Họp giao ban quý." --lead tu-vp \
	--deadline "trước ngày 15/12/2026") || fail "add-task: $short"

# The 1-based line of the screen that holds $1 first.
line_of() {
	screen | grep -nF -- "$1" | head -n 1 | cut -d: -f1
}
# Line $1 of the screen.
line_at() {
	screen | sed -n "$1p"
}

start_tui 80 24 own
rule="── Xem nhanh · Enter: xem đầy đủ · V: khung chi tiết "
wait_for "$rule" || fail "80x24: no preview under the tasks"
screen | grep -qF "Chi tiết nhiệm vụ" && fail "80x24: the detail area shows beside the preview"
# The first task (#30): its row cuts the text after "văn bản và"; the
# preview gives its facts, then the text from the word the row cut.
r=$(line_of "$rule")
line_at 2 | grep -qF "#30 " || fail "the first row is not #30"
line_at 2 | grep -qF "quản lý văn bản và …" || fail "#30's row does not cut where expected"
# The list is short (9 tasks with the one added above): it has the rows
# it needs, the preview the rows under it down to the message line
# (grown): the facts without the lead, which has a line of its own with
# the partners (the same for most of a unit's tasks: a move seldom sends
# it), then the text from the word the row cut, wrapped over every row it
# needs.  The section and the updates are for Enter and V (with them a
# move sent 470 bytes).
[ "$r" -eq 11 ] || fail "9 tasks: the preview's rule is on line $r, not 11"
facts=$(line_at $((r + 1)))
echo "$facts" | grep -q "^ đang thực hiện «hoàn thành trong quý II/2026»  *quá hạn 146 ngày$" ||
	fail "#30's facts: $facts"
line_at $((r + 2)) | grep -q "^ Chủ trì: Văn phòng Tỉnh ủy$" ||
	fail "#30's lead line: $(line_at $((r + 2)))"
line_at $((r + 3)) | grep -q "^ …điều hành điện tử liên thông từ Tỉnh ủy" ||
	fail "the preview does not go on with the text the row cut: $(line_at $((r + 3)))"
line_at $((r + 4)) | grep -qF "môi trường mạng." || fail "the rest of #30's text is not wrapped"
screen | grep -qF "Chậm do chờ ý kiến" && fail "the preview shows an update"
# The preview does not repeat the detail's heading line.
screen | grep -qF "Nhiệm vụ #30 · mục" && fail "the preview repeats the detail's heading"
# No row left empty while something is cut: below the rule, either every
# row up to the message line has text, or no line ends in "…".
empty_or_cut() {
	from=$(line_of "$rule")
	screen | sed -n "$((from + 1)),22p" >"$TMP/below"
	if grep -q '^ *$' "$TMP/below" && grep -q '…$' "$TMP/below"; then
		fail "$1: rows left empty while a line is cut: $(cat "$TMP/below")"
	fi
}
empty_or_cut "#30"
# #32: its partners on the lead's line, at the same row
keys j
wait_for "Chủ trì: Văn phòng Tỉnh ủy · Phối hợp: Ban Tổ chức Tỉnh ủy" ||
	fail "#32's preview lacks its partners"
line_at $((r + 2)) | grep -qF "Chủ trì: Văn phòng Tỉnh ủy · Phối hợp:" ||
	fail "#32's lead line is not on the row of #30's"
empty_or_cut "#32"
keys g
wait_for "quá hạn 146 ngày" || fail "g does not come back to #30"
line_at $((r + 2)) | grep -q "^ Chủ trì: Văn phòng Tỉnh ủy$" || fail "#30's lead line after g"

# The task whose text fits: its facts, and no line of text under them.
keys /
type_text "hop giao ban"
keys Enter
wait_for "#$short " || fail "search does not find the new task"
wait_for "còn 21 ngày" || fail "the facts of #$short do not show"
facts=$(line_at $((r + 1)))
echo "$facts" | grep -q "^ chưa thực hiện «trước ngày 15/12/2026»  *còn 21 ngày$" ||
	fail "#$short's facts: $facts"
line_at $((r + 3)) | grep -q "^ *$" || fail "#$short fits its row, yet: $(line_at $((r + 3)))"
[ "$(screen | grep -cF "Họp giao ban quý.")" -eq 1 ] || fail "#$short's text shows twice"

# V: the detail area instead, for the session; V again: the preview.
keys V
wait_for "Chi tiết nhiệm vụ · Enter: xem đầy đủ · V: xem nhanh" || fail "V brings no detail area"
wait_for "Nhiệm vụ #$short · văn bản" || fail "the detail area does not show #$short"
screen | grep -qF "Khung chi tiết dưới danh sách nhiệm vụ (V: trở lại xem nhanh)." ||
	fail "V says nothing"
screen | grep -qF "Xem nhanh ·" && fail "the preview stays beside the detail area"
keys k
wait_for "Nhiệm vụ #32 · mục" || fail "the detail area does not follow the selection"
keys BTab Tab
wait_for "Nhiệm vụ #32 · mục" || fail "the detail area did not stay for the session"
keys V
wait_for "$rule" || fail "V again does not bring the preview back"
screen | grep -qF "Chi tiết nhiệm vụ" && fail "the detail area stays beside the preview"

# ? lists V among the keys of the tasks pane.
keys '?'
wait_for "Trong khung Nhiệm vụ:" || fail "? does not list the tasks pane's keys"
screen | grep -qE "^  V +chi tiết đầy đủ thay cho xem nhanh \(màn hình dưới 30 dòng\)" ||
	fail "? does not list V"
keys Escape
wait_for "$rule" || fail "Esc does not close the help"

# Enter still opens the task in full, and Esc comes back to the preview.
keys g Enter
wait_for "Nhiệm vụ #30 đầy đủ" || fail "Enter does not open the task in full"
wait_for "Cập nhật (2, mới nhất trước)" || fail "the full view lacks the updates"
keys Escape
wait_for "$rule" || fail "Esc does not come back to the preview"

# A long list (every task of the root's subtree) takes every row it can:
# 17 rows, the rule, 3 rows of preview, the message and status lines.
keys BTab BTab g g Tab Tab
wait_for "» Nhiệm vụ đơn vị chủ trì: Ban Chấp hành Trung ương" ||
	fail "no list of the root's tasks"
wait_for "$rule" || fail "no preview under the long list"
[ "$(line_of "$rule")" -eq 19 ] || fail "the long list has $(( $(line_of "$rule") - 2 )) rows, not 17"
# Where the focus leaves the tasks, the panes are as they were: the tree
# with the unit's detail area under it.
keys BTab BTab
wait_for "» Đơn vị" || fail "S-Tab does not reach the tree"
wait_for "── Đơn vị ──" || fail "the unit's detail area does not come back"
screen | grep -qF "Xem nhanh" && fail "the preview stays with the focus on the tree"
tmux -L "$SOCK" kill-server 2>/dev/null
sleep 0.3

# A short screen wide enough for the keys: V is on the status line while
# the tasks have the focus, and not elsewhere.
start_tui 120 24 own
wait_for "$rule" || fail "120x24: no preview under the tasks"
screen | tail -n 1 | grep -qF "V:chi tiết" || fail "120x24: V is not on the status line"
keys BTab
wait_for "» Văn bản" || fail "120x24: S-Tab does not reach the documents"
screen | tail -n 1 | grep -qF "V:chi tiết" && fail "120x24: V on the status line off the tasks"
tmux -L "$SOCK" kill-server 2>/dev/null
sleep 0.3

# 120x40: the detail area as before; V says why it does nothing there.
start_tui 120 40 own
wait_for "Chi tiết nhiệm vụ · Enter: xem đầy đủ ──" || fail "120x40: no detail area"
screen | grep -qF "Xem nhanh" && fail "120x40: a preview on a tall screen"
wait_for "Nhiệm vụ #30 · mục III.2.6#1" || fail "120x40: the detail lacks #30's heading"
keys V
wait_for "Màn hình đủ cao (từ 30 dòng): khung chi tiết luôn hiện đầy đủ." ||
	fail "120x40: V does not say why it does nothing"
screen | grep -qF "Nhiệm vụ #30 · mục III.2.6#1" || fail "120x40: V changed the detail area"
keys Enter
wait_for "Nhiệm vụ #30 đầy đủ" || fail "120x40: Enter does not open the task in full"
keys Escape
quit_and_check_restored
tmux -L "$SOCK" kill-server 2>/dev/null
sleep 0.3

# An opened group task (tests/tui/group.sh): its preview gives the
# roll-up of its obligations where a task has its status and timeliness.
cli import ../shared/samples/tinh-uy-chuong-trinh.txt >/dev/null 2>&1 || fail "cli import"
group=$(cli tasks --format json | python3 -c '
import json, sys
r = json.load(sys.stdin)
print([x["id"] for x in r if x["status"] == "group"][0])')
[ -n "$group" ] || fail "no opened group task after the import"
start_tui 80 24
keys /
type_text "tinh uy son ha"
keys Enter
wait_for "(Tỉnh ủy, mã tu)" || fail "unit tu not found"
# On a short screen the unit's detail does not repeat the name the tree
# shows whole; its figures keep their columns from unit to unit.
screen | grep -q "^ (Tỉnh ủy, mã tu)$" || fail "the unit's detail repeats its name: $(screen | grep -F 'mã tu)')"
screen | grep -q "^ Nhiệm vụ của đơn vị và cấp dưới: *[0-9]* · đang mở *[0-9]* · đã đóng *[0-9]*$" ||
	fail "the unit's figures: $(screen | grep -F 'Nhiệm vụ của đơn vị')"
col=$(screen | grep -F "Nhiệm vụ của đơn vị và cấp dưới" | sed 's/ · đang mở.*//' | wc -m)
keys j
wait_for "(Ban, mã tu-btc)" || fail "j does not go to the next unit"
[ "$(screen | grep -F "Nhiệm vụ của đơn vị và cấp dưới" | sed 's/ · đang mở.*//' | wc -m)" = "$col" ] ||
	fail "the label 'đang mở' moved from unit to unit"
keys k
wait_for "(Tỉnh ủy, mã tu)" || fail "k does not come back to tu"
keys Tab j
wait_for "Văn bản (không số)" || fail "the imported program is not selected"
keys Tab /
type_text "#$group "
keys Enter
wait_for "#$group " || fail "group task #$group not found"
wait_for "$rule" || fail "no preview under the imported program's tasks"
facts=$(line_at $(( $(line_of "$rule") + 1 )))
echo "$facts" | grep -q "^ nhiệm vụ chung .* 0/[0-9]* đơn vị đã thực hiện$" ||
	fail "#$group's facts: $facts"
quit_and_check_restored
pass
