#!/bin/sh
# Nothing cut that cannot be read: a long note and a long extension
# reason, which the detail area cuts, read whole in the task's full view
# (Enter on the task), scrolled with j/k and G, closed with Esc.  At 80x24
# and 120x40.
NAME=taskview
. tests/tui/lib.inc

setup
id=30
note="Đã họp với các cơ quan phối hợp, thống nhất lộ trình kết nối liên thông văn bản điện tử tới toàn bộ đảng ủy cơ sở; còn chờ kinh phí nâng cấp máy chủ của Văn phòng, dự kiến hoàn tất trong quý I năm sau kèm báo cáo kết quả chạy thử"
reason="Chờ Bộ Thông tin và Truyền thông cấp chứng thư số chuyên dùng cho các đảng ủy cơ sở, việc này nằm ngoài khả năng của đơn vị chủ trì"
cli update "$id" --progress 55 --note "$note" >/dev/null || fail "cli update"
cli extend "$id" --to 2027-03-31 --reason "$reason" >/dev/null || fail "cli extend"
note_end="kèm báo cáo kết quả chạy thử"
reason_end="ngoài khả năng của đơn vị chủ trì"

for size in "80 24" "120 40"; do
	set -- $size
	start_tui "$1" "$2" own
	detail_area
	wait_for "#$id " || fail "$1x$2: #$id is not in the user's tasks"
	i=0
	while ! screen | grep -qF "Nhiệm vụ #$id · mục" && [ "$i" -lt 10 ]; do
		keys j
		i=$((i + 1))
	done
	# At 80x24 the detail area cannot show the whole note.
	[ "$1" = 80 ] && screen | tr -d '\n' | grep -qF "$note_end" && fail "$1x$2: the note is not long enough for this test"
	# The deadline line with its extension is wider than 80 columns: it
	# wraps onto a row the area has to spare instead of being cut.
	screen | sed -n '/Chi tiết nhiệm vụ/,$p' | grep -qF "31/03/2027" ||
		fail "$1x$2: the extension's date is cut in the detail while rows are empty"
	keys Enter
	wait_for "Nhiệm vụ #$id đầy đủ" || fail "$1x$2: Enter opens no full view"
	keys G
	s=$(screen | sed 's/^ *//' | tr '\n' ' ' | tr -s ' ')
	echo "$s" | grep -qF "$note_end" || fail "$1x$2: the note's end cannot be read"
	echo "$s" | grep -qF "$reason_end" || fail "$1x$2: the reason's end cannot be read"
	echo "$s" | grep -qF "31/03/2027" || fail "$1x$2: the extension's date is not shown"
	keys g
	wait_for "hoàn thành trong quý II/2026" || fail "$1x$2: g does not go back to the deadline phrase"
	[ "$(screen | max_width)" -le "$1" ] || fail "$1x$2: a line is wider than the screen"
	keys Escape
	wait_gone "Nhiệm vụ #$id đầy đủ" || fail "$1x$2: Esc does not close the view"
	wait_for "» Nhiệm vụ đơn vị chủ trì" || fail "$1x$2: not back on the tasks"
	quit_and_check_restored
	tmux -L "$SOCK" kill-server 2>/dev/null
	sleep 0.3
done
pass
