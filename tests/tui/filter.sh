#!/bin/sh
# One meaning of "quá hạn": on a unit whose only late task is a periodic
# one with its report missing (chưa báo cáo), the tree's count, the `o`
# view and the filter "quá hạn" all find it.  The filter dialog moves with
# j/k and picks with Enter or the letter shown; the active filter shows in
# the pane title and on the status line.  At 80x24 and 120x40.
NAME=filter
. tests/tui/lib.inc

setup
unit=tu-bnc
name="Ban Nội chính Tỉnh ủy"
json=$(cli tasks --unit "$unit" --subtree --format json) || fail "cli tasks"
read -r nlate nunrep <<EOS
$(echo "$json" | python3 -c 'import json,sys
t = json.load(sys.stdin)
print(sum(x["timeliness"] in ("overdue", "unreported") for x in t), sum(x["timeliness"] == "unreported" for x in t))')
EOS
[ "$nunrep" -ge 1 ] || fail "the demo store has no unreported task led by $unit"
n=$(cli overdue --unit "$unit" --subtree --count) || fail "cli overdue --count"
[ "$n" = "$nlate" ] || fail "cli overdue counts $n, the tasks' timeliness $nlate"

for size in "80 24" "120 40"; do
	set -- $size
	start_tui "$1" "$2"
	keys /
	type_text "ban noi chinh tinh uy"
	keys Enter
	wait_for "(Ban, mã $unit)" || fail "$1x$2: the unit was not selected"
	screen | grep -qE "Quá hạn +$n · " || fail "$1x$2: the unit's counts do not say $n overdue"
	keys t
	wait_for "» Nhiệm vụ đơn vị chủ trì" || fail "$1x$2: t does not list the unit's tasks"
	# j moves down the dialog (it does not pick an item "j"): nine rows
	# down from "tất cả" is the timeliness "quá hạn".
	keys f
	wait_for "Lọc nhiệm vụ" || fail "$1x$2: f opens no filter"
	keys j j j j j j j j j j k
	screen | grep -qF "l. quá hạn (cả chưa báo cáo)" || fail "$1x$2: the item is not lettered l"
	keys Enter
	wait_for "lọc tình trạng quá hạn: $n" || fail "$1x$2: the filter does not find the $n overdue tasks"
	screen | tail -n 1 | grep -qF "lọc: tình trạng quá hạn" ||
		fail "$1x$2: the status line does not show the filter"
	# The letter shown picks the same item; "a" clears.
	keys f a
	wait_gone "lọc tình trạng" || fail "$1x$2: a does not clear the filter"
	screen | tail -n 1 | grep -qF "lọc:" && fail "$1x$2: the status line still shows a filter"
	keys f l
	wait_for "lọc tình trạng quá hạn: $n" || fail "$1x$2: the letter l does not pick quá hạn"
	keys f a
	# o agrees.
	keys BTab BTab o
	wait_for "Quá hạn — $name và cấp dưới: $n nhiệm vụ" || fail "$1x$2: o does not count $n"
	keys Escape
	quit_and_check_restored
	tmux -L "$SOCK" kill-server 2>/dev/null
	sleep 0.3
done
pass
