#!/bin/sh
# w scrolls the long column of a list sideways: in the audit trail (L) a
# long note cut on its row is read to its end by pressing w, the time and
# login staying in place; once nothing is cut any more, w brings the rows
# back to their start.  The same on the tasks pane of the first screen and
# on the help screen's long lines.
# At 80x24 and 120x40.
NAME=sideways
. tests/tui/lib.inc

setup
task=$(cli tasks --unit tu-vp --subtree --format json | python3 -c 'import json,sys
print([x["id"] for x in json.load(sys.stdin) if x["status"] in ("not_started", "in_progress")][0])') ||
	fail "no open task"
note="Đầu ghi chú: đã làm việc với các cơ quan phối hợp về lộ trình số hóa hồ sơ lưu trữ, phân công cán bộ theo dõi từng đầu việc và báo cáo kết quả về Văn phòng, cuối cùng là chữ KẾTTHÚCGHICHÚ"
cli update "$task" --note "$note" >/dev/null || fail "cli update"

# Press w until the first list row (screen line $2) shows $1; at most 20 times.
scroll_to() {
	n=0
	while ! screen | sed -n "$2p" | grep -qF -- "$1"; do
		[ "$n" -lt 20 ] || return 1
		keys w
		sleep 0.1
		n=$((n + 1))
	done
}

for size in "80 24" "120 40"; do
	set -- $size
	start_tui "$1" "$2"
	keys L
	wait_for "Nhật ký thay đổi — toàn bộ" || fail "$1x$2: L opens no audit trail"
	row=$(screen | sed -n 3p)
	echo "$row" | grep -qE "(NV|nhiệm vụ) #$task " || fail "$1x$2: the newest entry is not the update: $row"
	echo "$row" | grep -qF "KẾTTHÚCGHICHÚ" && fail "$1x$2: the row is not cut, nothing to test: $row"
	keys w
	wait_for "w: cuộn tiếp" || fail "$1x$2: w says nothing"
	scroll_to "KẾTTHÚCGHICHÚ" 3 || fail "$1x$2: w never reaches the end of the note: $(screen | sed -n 3p)"
	row=$(screen | sed -n 3p)
	echo "$row" | grep -qE "^  [0-9]{2}/[0-9]{2}/[0-9]{4} " || fail "$1x$2: the time moved: $row"
	echo "$row" | grep -qF "Đầu ghi" && fail "$1x$2: the start of the note is still shown: $row"
	keys w
	wait_for "trở về đầu dòng" || fail "$1x$2: w does not come back when nothing is cut"
	screen | sed -n 3p | grep -qF "Đầu ghi" || fail "$1x$2: the row is not back at its start"
	keys Escape
	quit_and_check_restored
	tmux -L "$SOCK" kill-server 2>/dev/null
	sleep 0.3
done

# The tasks pane of the first screen (the unit's own tasks) at 80x24.
start_tui 80 24 own
wait_for "» Nhiệm vụ đơn vị chủ trì" || fail "not on the unit's tasks"
line=$(screen | grep -nF "#$task " | head -n 1 | cut -d: -f1)
[ -n "$line" ] || fail "task #$task is not on the first screen"
text=$(cli show "$task" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["text"].split()[-1])')
screen | sed -n "${line}p" | grep -qF -- "$text" && fail "the task's row is not cut"
scroll_to "$text" "$line" || fail "w never reaches the end of task #$task's text: $(screen | sed -n "${line}p")"
screen | sed -n "${line}p" | grep -qF "#$task " || fail "the id moved off the row"
# The help screen (?): the help of Enter, cut at 80 columns, read to its
# end with w.
keys '?'
wait_for "Trợ giúp — phím" || fail "? opens no help"
line=$(screen | grep -nF "Enter  Space" | head -n 1 | cut -d: -f1)
[ -n "$line" ] || fail "the help has no row for Enter"
screen | sed -n "${line}p" | grep -qF "văn bản hoặc đơn vị cấp dưới" && fail "the help of Enter is not cut at 80 columns"
scroll_to "văn bản hoặc đơn vị cấp dưới" "$line" || fail "w never reaches the end of the help of Enter: $(screen | sed -n "${line}p")"
screen | sed -n "${line}p" | grep -qF "Enter  Space" || fail "the keys column moved"
keys Escape
quit_and_check_restored
pass
