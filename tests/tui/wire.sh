#!/bin/sh
# Light on the wire: under script(1), count the bytes the screen sends per
# cursor move at 80x24 and 120x40 in the unit tree, the tasks pane and
# the overdue view.  A key that changes nothing sends (almost) nothing:
# only changed cells are redrawn, and the selection lights a row's first
# cells only, so that a move rewrites a few cells of the two rows it
# concerns.  The bounds leave a margin over what is measured (the detail
# area shows each task's text, so a move rewrites it; at 80x24 it shows
# the latest update only); make bench prints the figures
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
	# that scrolls in, and the detail: the task's facts, its whole text
	# and its latest update only (measured 549 on average, 760 at most;
	# tests/tui/bench-wire-parts.sh splits them).  Within 1 KB a move;
	# the 300 on average are out of reach while the detail shows the
	# whole text (165 bytes on average in the demo) beside a scrolled-in
	# row (about 130).
	if [ "$f" -eq 1 ]; then
		check tasks "$1" "$2" 640 1024
	else
		check tasks "$1" "$2" 1600 2300
	fi
	keys BTab BTab g o
	wait_for "Quá hạn — " || fail "$SIZE: o shows no overdue view"
	set -- $(bytes_per_key j 25)
	if [ "$f" -eq 1 ]; then
		check overdue "$1" "$2" 450 1024
	else
		check overdue "$1" "$2" 1100 2100
	fi
	tmux -L "$SOCK" kill-server 2>/dev/null
	sleep 0.3
done
pass
