#!/bin/sh
# The overdue view (o) of the root unit's subtree lists the most overdue
# task first, as `theodoi overdue --format json` does, with its unit and
# document; Enter shows that task in its panes.  d shows the due-soon
# view.
NAME=overdue
. tests/tui/lib.inc

setup
start_tui 120 40
json=$(cli overdue --unit tw --subtree --format json) || fail "cli overdue"
id=$(echo "$json" | json_first id)
days=$(echo "$json" | json_first days_overdue)
doc=$(echo "$json" | json_first doc_number)
count=$(echo "$json" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ -n "$id" ] || fail "the demo store has no overdue task"

keys g          # the root unit: Ban Chấp hành Trung ương
keys o
wait_for "Quá hạn — Ban Chấp hành Trung ương và cấp dưới: $count nhiệm vụ" ||
	fail "overdue view title lacks the count $count"
# The first row of the list (third line of the screen).
row=$(screen | sed -n 3p)
echo "$row" | grep -qF "#$id " || fail "first row is not #$id: $row"
echo "$row" | grep -qF "$days ngày" || fail "first row lacks '$days ngày': $row"
echo "$row" | grep -qF "$doc" || fail "first row lacks document $doc: $row"
wait_for "Nhiệm vụ #$id" || fail "detail does not show #$id"

# Enter: the task in its panes.
keys Enter
wait_for "» Nhiệm vụ" || fail "Enter does not focus the tasks pane"
screen | grep -qF "Nhiệm vụ #$id" || fail "the task's detail is not shown after the jump"
screen | grep -qF "$doc" || fail "the task's document is not in the documents pane"

# Due soon view.
keys d
wait_for "Sắp đến hạn — " || fail "d shows no due-soon view"
keys Escape
wait_for "» Nhiệm vụ" || fail "Esc does not close the due-soon view"
quit_and_check_restored
pass
