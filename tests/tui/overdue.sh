#!/bin/sh
# The overdue view (o) of the root unit's subtree lists the most overdue
# task first, as `theodoi overdue --format json` does, with its unit and
# document; Enter shows that task in its panes.  d shows the due-soon
# view.  On a short screen (80x24) both views keep a preview under their
# list, as the tasks pane does (ui-preview.c): the list takes the height,
# the preview what the selected row cut; V brings the detail area back.
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
tmux -L "$SOCK" kill-server 2>/dev/null
sleep 0.3

# 80x24: the preview under the overdue view's list.
rule="── Xem nhanh · Enter: đến nhiệm vụ · V: khung chi tiết "
start_tui 80 24
keys g o
wait_for "Quá hạn — Ban Chấp hành Trung ương và cấp dưới: $count nhiệm vụ" ||
	fail "80x24: no overdue view"
wait_for "$rule" || fail "80x24: no preview under the overdue view"
screen | grep -qF "Chi tiết nhiệm vụ" && fail "80x24: the detail area beside the preview"
r=$(screen | grep -nF -- "$rule" | cut -d: -f1)
# the list takes the height: the rule under 17 rows (the heading among
# them) when the view has more tasks than that
if [ "$count" -ge 16 ]; then
	[ "$r" -eq 19 ] || fail "80x24: the preview's rule is on line $r, not 19"
fi
screen | sed -n 3p | grep -qF "#$id " || fail "80x24: first row is not #$id"
facts=$(screen | sed -n "$((r + 1))p")
echo "$facts" | grep -q " $days ngày\$" || fail "80x24: #$id's facts: $facts"
text=$(cli show "$id" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["text"])') ||
	fail "cli show $id"
# the preview goes on with the text from the word the row cut
next=$(screen | sed -n "$((r + 2))p")
echo "$next" | grep -q "^ …" || fail "80x24: the preview does not go on with #$id's text: $next"
word=$(echo "$next" | sed 's/^ …//' | cut -d' ' -f1-2)
case $text in *"$word"*) ;; *) fail "80x24: '$word' is not in #$id's text";; esac
keys V
wait_for "Chi tiết nhiệm vụ" || fail "80x24: V brings no detail area back in the view"
screen | grep -qF "$rule" && fail "80x24: the preview stays beside the detail area"
keys V
wait_for "$rule" || fail "80x24: V again does not bring the preview back"
# the due-soon view shares it
keys Escape d
wait_for "Sắp đến hạn — " || fail "80x24: d shows no due-soon view"
wait_for "$rule" || fail "80x24: no preview under the due-soon view"
keys Escape
wait_for "» Đơn vị" || fail "80x24: Esc does not close the due-soon view"
quit_and_check_restored
pass
