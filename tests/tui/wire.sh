#!/bin/sh
# Light on the wire: under script(1), count the bytes the screen sends per
# cursor move at 80x24 and 120x40 in the unit tree, the tasks pane and
# the overdue view.  A key that changes nothing sends (almost) nothing:
# only changed cells are redrawn, and the selection lights a row's first
# cells only, so that a move rewrites a few cells of the two rows it
# concerns.  Only the moves that move are counted (bytes_per_move stops
# at the end of a list), and each list must give at least 12 of them.
# At 80x24 the three are held to the budget of 300 bytes a move on
# average and 1 KB for any one: the tasks pane and the overdue view keep
# a preview under their list there (ui-preview.c), the unit tree's detail
# sends the figures that changed, not the name the tree shows; the bounds
# at 120x40 leave a margin over what is measured (a detail area shows
# each task's text, so a move rewrites it); make bench prints the figures
# (tests/tui/bench-bytes.sh).
NAME=wire
. tests/tui/lib.inc

setup
check() { # what avg max moves avg_bound max_bound [min_moves]
	[ "$4" -ge "${7:-12}" ] || fail "$SIZE $1: only $4 moves moved"
	[ "$2" -le "$5" ] || fail "$SIZE $1: $2 bytes per move on average (bound $5)"
	[ "$3" -le "$6" ] || fail "$SIZE $1: $3 bytes for one move (bound $6)"
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
	# The first screen's short list (the user's 8 tasks) does not scroll;
	# at 80x24 its preview has grown down to the message line (the lead
	# and partners on a line of their own, the text over the rows it
	# needs): held to the budget like every pane.
	set -- $(bytes_per_move j 20)
	if [ "$f" -eq 1 ]; then
		check "short list" "$1" "$2" "$3" 300 1024 5
	else
		check "short list" "$1" "$2" "$3" 1600 2300 5
	fi
	keys g
	keys BTab BTab g
	set -- $(bytes_per_move j 30)
	# At 80x24 the tree has the width (the tasks fold away), and its
	# detail area the unit's figures at fixed columns.
	if [ "$f" -eq 1 ]; then
		check units "$1" "$2" "$3" 300 1024
	else
		check units "$1" "$2" "$3" 1400 5000
	fi
	keys g Tab Tab
	set -- $(bytes_per_move j 25)
	# At 80x24 a move sends the two ids whose highlight changed, the row
	# that scrolls in, and the preview under the list: a line of facts
	# and the text the row cut (tests/tui/bench-wire-parts.sh splits
	# them).  At 120x40 the detail area shows the task whole.
	if [ "$f" -eq 1 ]; then
		check tasks "$1" "$2" "$3" 300 1024
	else
		check tasks "$1" "$2" "$3" 1600 2300
	fi
	keys BTab BTab g o
	wait_for "Quá hạn — " || fail "$SIZE: o shows no overdue view"
	set -- $(bytes_per_move j 30)
	# The overdue view: at 80x24 the same preview as the tasks pane; at
	# 120x40 its detail area, the task whole.
	if [ "$f" -eq 1 ]; then
		check overdue "$1" "$2" "$3" 300 1024
	else
		check overdue "$1" "$2" "$3" 1100 2100
	fi
	tmux -L "$SOCK" kill-server 2>/dev/null
	sleep 0.3
done
pass
