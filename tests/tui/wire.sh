#!/bin/sh
# Light on the wire: under script(1), count the bytes the screen sends per
# cursor move at 80x24 and 120x40 in the unit tree, the tasks pane and
# the overdue view.  A key that changes nothing sends (almost) nothing:
# only changed cells are redrawn, and the selection lights a row's first
# cells only, so that a move rewrites a few cells of the two rows it
# concerns.  At 80x24 the unit tree and the tasks pane are held to the
# budget of 300 bytes a move on average and 1 KB for any one (the tasks
# pane keeps a preview under its list there, not the detail area); the
# other bounds leave a margin over what is measured (a detail area shows
# each task's text, so a move rewrites it); make bench prints the figures
# (tests/tui/bench-bytes.sh).
NAME=wire
. tests/tui/lib.inc

setup
check() { # what avg max avg_bound max_bound
	[ "$2" -le "$4" ] || fail "$SIZE $1: $2 bytes per move on average (bound $4)"
	[ "$3" -le "$5" ] || fail "$SIZE $1: $3 bytes for one move (bound $5)"
}
for size in "80 24" "120 40"; do
	set -- $size
	SIZE="$1x$2"
	f=$(( $1 * $2 / 1920 ))   # 1 at 80x24, 2 at 120x40
	start_tui_script "$1" "$2"
	# At the top of the list, k moves nothing: nothing to send.
	keys g
	set -- $(bytes_per_key k 5)
	[ "$2" -le 16 ] || fail "$SIZE: k at the top of the list sends $2 bytes"
	keys BTab BTab g
	set -- $(bytes_per_key j 20)
	# At 80x24 the tree has the width (the tasks fold away): the budget
	# of 300 bytes a move on average and 1 KB for any one.
	if [ "$f" -eq 1 ]; then
		check units "$1" "$2" 300 1024
	else
		check units "$1" "$2" 1400 5000
	fi
	keys g Tab Tab
	set -- $(bytes_per_key j 25)
	# At 80x24 a move sends the two ids whose highlight changed, the row
	# that scrolls in, and the preview under the list: a line of facts
	# and the text the row cut (ui-preview.c; tests/tui/bench-wire-parts.sh
	# splits them).  The budget: 300 bytes a move on average, 1 KB for
	# any one.  At 120x40 the detail area shows the task whole.
	if [ "$f" -eq 1 ]; then
		check tasks "$1" "$2" 300 1024
	else
		check tasks "$1" "$2" 1600 2300
	fi
	keys BTab BTab g o
	wait_for "Quá hạn — " || fail "$SIZE: o shows no overdue view"
	set -- $(bytes_per_key j 25)
	# The overdue view keeps its detail area (the task whole, as the
	# tasks pane's at 120x40): measured 355 a move here, where 8 of the
	# 25 moves are past its 18th and last row and send nothing, so about
	# 520 a move that moves; within 1 KB.
	if [ "$f" -eq 1 ]; then
		check overdue "$1" "$2" 450 1024
	else
		check overdue "$1" "$2" 1100 2100
	fi
	tmux -L "$SOCK" kill-server 2>/dev/null
	sleep 0.3
done
pass
