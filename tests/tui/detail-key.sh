#!/bin/sh
# V works under the overdue (o) and due-soon (d) views' lists as under the
# tasks pane's on a short screen: `?` says so in the view's own keys and
# in the key table's row of V; V there brings the detail area, V again
# the preview.  At 80x24 (on a tall screen V has nothing to do: it is not
# among the view's hints there).
NAME=detail-key
. tests/tui/lib.inc

setup
start_tui 80 24
for view in o d; do
	keys "$view"
	wait_for "── Xem nhanh · Enter: đến nhiệm vụ · V: khung chi tiết" ||
		fail "$view: no preview under the list"
	keys '?'
	wait_for "Trong danh sách “Quá hạn, sắp đến hạn”:" || fail "$view: the help does not start with the view's keys"
	screen | grep -qE '^  V  +chi tiết đầy đủ thay cho xem nhanh' ||
		fail "$view: the view's keys in the help do not list V"
	# the key table's row of V, scrolled sideways to its words on o and d
	i=0
	while ! screen | grep -qE '^  V  +màn hình thấp' && [ "$i" -lt 80 ]; do
		keys j
		i=$((i + 1))
	done
	screen | grep -qE '^  V  +màn hình thấp' || fail "$view: no row of V in the key table"
	keys w
	wait_for "Cột nội dung từ ký tự" || fail "$view: w does not scroll the help"
	screen | grep -E '^  V  ' | grep -qF "quá hạn (o) và sắp" ||
		fail "$view: the key table's V does not name the overdue and due-soon views: $(screen | grep -E '^  V  ')"
	keys Escape
	wait_for "── Xem nhanh · Enter: đến nhiệm vụ" || fail "$view: Esc does not go back to the view"
	keys V
	wait_for "Khung chi tiết dưới danh sách nhiệm vụ" || fail "$view: V brings no detail area"
	wait_for "Nhiệm vụ #" || fail "$view: the detail area shows no task"
	keys V
	wait_for "── Xem nhanh" || fail "$view: V again does not bring the preview back"
	keys Escape
	wait_gone "── Xem nhanh · Enter: đến nhiệm vụ" || fail "$view: Esc does not close the view"
done
quit_and_check_restored
pass
