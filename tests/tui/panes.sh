#!/bin/sh
# Move to a unit and check what the panes show against the command line:
# its documents, the tasks of the first one, its subtree's tasks (t), and
# expanding the unit with Enter.
NAME=panes
. tests/tui/lib.inc

setup
start_tui 120 40
unit=ttu
unit_name="Thành ủy Bình Giang"
doc_json=$(cli docs --unit "$unit" --format json) || fail "cli docs"
doc_id=$(echo "$doc_json" | json_first id)
doc_number=$(echo "$doc_json" | json_first number)
[ -n "$doc_number" ] || fail "the demo store has no document issued by $unit"
task_id=$(cli tasks --doc "$doc_id" --format json | json_first id)
ntasks=$(cli tasks --doc "$doc_id" --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
nsub=$(cli tasks --unit "$unit" --subtree --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
read -r ndone noverdue <<EOS
$(cli tasks --unit "$unit" --subtree --format json | python3 -c 'import json,sys
t = json.load(sys.stdin)
print(sum(x["status"] == "done" for x in t), sum(x["timeliness"] in ("overdue", "unreported") for x in t))')
EOS

# Find the unit by name (the units pane has the focus at start).
keys /
type_text "thanh uy binh giang"
keys Enter
wait_for "$unit_name (Thành ủy, mã $unit)" || fail "the unit was not selected"
wait_for "$doc_number" || fail "documents pane lacks $doc_number"
screen | grep -qF "#$task_id " || fail "tasks pane lacks the first task #$task_id"
screen | grep -qE "Nhiệm vụ của văn bản +$ntasks( |$)" || fail "tasks pane title does not count $ntasks"

# The document's detail when its pane has the focus.
keys Tab
wait_for "Văn bản $doc_number" || fail "no document detail"
keys Tab
wait_for "Nhiệm vụ #$task_id" || fail "no task detail for #$task_id"

# All tasks led by the unit and its subtree.
keys t
wait_for "Nhiệm vụ đơn vị chủ trì" || fail "t does not switch the tasks pane"
screen | grep -qE "Nhiệm vụ đơn vị chủ trì +$nsub( |$)" || fail "subtree task count is not $nsub"

# Filter by status: f, 4 (hoàn thành), Enter; then "tất cả" again.
keys f
wait_for "Lọc nhiệm vụ" || fail "f opens no filter"
keys 4
wait_for "lọc hoàn thành: $ndone" || fail "the filter does not count $ndone done tasks"
keys f 1
wait_gone "lọc hoàn thành" || fail "the filter is not cleared"
# Every item can be picked: the timeliness group by letter (l, the tenth:
# j and k move).  No two items carry one label ("tạm dừng" is a status;
# the timeliness of that name picks the same tasks and is not offered).
keys f
wait_for "Theo tình trạng (so với thời hạn):" || fail "the filter does not name the timeliness group"
screen | grep -qF "p. chưa xác định thời hạn" || fail "the last item is not shown as p"
[ "$(screen | grep -cF ". tạm dừng")" = 1 ] || fail "the filter lists \"tạm dừng\" twice"
dup=$(screen | grep -oE '│  [a-z]\. [^│]*' | sed 's/^│  [a-z]\. //; s/ *$//' | sort | uniq -d)
[ -z "$dup" ] || fail "the filter lists the same item twice: $dup"
keys l
wait_for "lọc tình trạng quá hạn: $noverdue" || fail "the filter does not count $noverdue overdue tasks"
keys f a
wait_gone "lọc tình trạng" || fail "a does not clear the filter"

# Expand the unit: its agencies appear under it.
keys BTab BTab
keys Enter
# The tree marks a unit open "▾" and collapsed "▸": not "-" and "+", the
# timeliness symbols of the tasks pane beside it.
wait_for "▾ $unit_name" || fail "Enter does not expand the unit (no ▾)"
screen | grep -qF -- "- $unit_name" && fail "the tree marks an open unit with the timeliness symbol -"
screen | grep -qE "^ +Ban Tổ chức Thành ủy +[0-9]+/[0-9]+ *│" || fail "no agency under the unit"
keys Space
wait_for "▸ $unit_name" || fail "Space does not collapse the unit (no ▸)"
screen | grep -qF -- "+ $unit_name" && fail "the tree marks a collapsed unit with the timeliness symbol +"
# The help screen's legend names the tree's marks with the timeliness symbols.
keys '?'
wait_for "Trợ giúp" || fail "? opens no help"
keys G
wait_for "▸ ▾" || fail "the help legend does not show the tree's marks"
screen | grep -qF "đang thu gọn / đang mở" || fail "the help legend does not say what ▸ ▾ mean"
keys Escape
quit_and_check_restored
pass
