#!/bin/sh
# bench-bytes.sh — bytes the screen sends per cursor move at 80x24 on the
# demo store, measured under script(1) (make bench runs it):
#   tui-bytes: <list> avg N max N (M moves)
# for the unit tree, the tasks pane (every task of the whole tree, the
# most urgent first) and the overdue view.  Only the moves that move are
# counted: the count stops at the end of a list (a key there sends
# nothing), and M says how many moves moved.
NAME=bench-bytes
. tests/tui/lib.inc

setup
report() {
	echo "tui-bytes: $1 avg $2 max $3 ($4 moves)"
}
start_tui_script 80 24
keys BTab BTab g
sleep 0.3
set -- $(bytes_per_move j 40)
report "units" "$1" "$2" "$3"
keys g Tab Tab
sleep 0.3
set -- $(bytes_per_move j 40)
report "tasks" "$1" "$2" "$3"
keys BTab BTab g o
sleep 0.3
set -- $(bytes_per_move j 40)
report "overdue" "$1" "$2" "$3"
