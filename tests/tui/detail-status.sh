#!/bin/sh
# The detail area's status line of a task on track (whose timeliness has
# no symbol in the list, a blank cell) at 80x24: "Trạng thái: đang thực
# hiện, 0% · còn N ngày", one space between its words, no blank symbol.
# A task with a symbol keeps it ("! quá hạn").
NAME=detail-status
. tests/tui/lib.inc

setup
start_tui 80 24 own
detail_area
found=""
i=0
while [ "$i" -lt 15 ]; do
	line=$(screen | grep -F "Trạng thái: " | head -n 1)
	case $line in *"% · còn "*|*"% ·   còn "*) found=$line; break;; esac
	keys j
	sleep 0.2
	i=$((i + 1))
done
[ -n "$found" ] || fail "no task on track among the first rows"
echo "$found" | grep -qE "Trạng thái: [^ ].*[0-9]+% · còn [0-9]+ ngày" ||
	fail "the status line of a task on track: $found"
echo "$found" | sed 's/^ *//; s/ *$//' | grep -qF "  " && fail "doubled spaces: $found"
keys Home
i=0
found=""
while [ "$i" -lt 15 ]; do
	line=$(screen | grep -F "Trạng thái: " | head -n 1)
	case $line in *" · ! "*) found=$line; break;; esac
	keys j
	sleep 0.2
	i=$((i + 1))
done
[ -n "$found" ] || fail "no overdue task with its symbol among the first rows"
quit_and_check_restored
pass
