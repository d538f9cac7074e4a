#!/bin/sh
# bench-bytes.sh — bytes the screen sends per cursor move at 80x24 on the
# demo store, measured under script(1) (make bench runs it):
#   tui-bytes: <list> avg N max N (M moves)
# for the unit tree, the tasks pane (every task of the whole tree, the
# most urgent first) and the overdue view.
NAME=bench-bytes
. tests/tui/lib.inc

setup
report() {
	echo "tui-bytes: $1 avg $2 max $3 ($4 moves)"
}
start_tui_script 80 24
keys BTab BTab g
sleep 0.3
set -- $(bytes_per_key j 30)
report "units" "$1" "$2" 30
keys g Tab Tab
sleep 0.3
set -- $(bytes_per_key j 40)
report "tasks" "$1" "$2" 40
keys BTab BTab g o
sleep 0.3
set -- $(bytes_per_key j 40)
report "overdue" "$1" "$2" 40
