#!/bin/sh
# The note field wraps: a long Vietnamese note typed in the update form
# shows whole over several lines (its start and its end at once), is saved
# with Enter and reads back the same with `theodoi show`.  At 80x24 and
# 120x40.
NAME=note
. tests/tui/lib.inc

setup
for size in "80 24" "120 40"; do
	set -- $size
	note="Kỳ $1: đã họp triển khai với các cơ quan phối hợp, thống nhất lộ trình số hóa hồ sơ lưu trữ và phân công cán bộ theo dõi từng đầu việc"
	start_tui "$1" "$2" own
	keys u
	wait_for "Ghi chú" || fail "$1x$2: u opens no form"
	# the task the form updates, as its title names it
	id=$(screen | sed -n 's/.*Cập nhật nhiệm vụ #\([0-9][0-9]*\).*/\1/p' | head -n 1)
	[ -n "$id" ] || fail "$1x$2: no task selected"
	type_text "$note"
	s=$(screen)
	echo "$s" | grep -qF "Kỳ $1: đã họp" || fail "$1x$2: the note's start is not shown while typing"
	echo "$s" | grep -qF "theo dõi từng đầu việc" || fail "$1x$2: the note's end is not shown"
	keys Enter
	wait_gone "Ghi chú" || fail "$1x$2: Enter does not save"
	cli show "$id" | tr '\n' ' ' | tr -s ' ' | grep -qF "$note" || fail "$1x$2: show does not read the note back"
	quit_and_check_restored
	tmux -L "$SOCK" kill-server 2>/dev/null
	sleep 0.3
done
pass
