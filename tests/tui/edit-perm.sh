#!/bin/sh
# Who may correct records from the screen, by the rules of the command
# line (perm.h): an editor of Văn phòng Tỉnh ủy is refused E, M and D
# while [access] editors_edit = no; with yes, E opens on a task its unit
# leads and saves (one audited write), but not on another unit's task nor
# on a document, and M and D stay refused.  The store is unchanged by every
# refusal.
NAME=edit-perm
. tests/tui/lib.inc

setup
me=$(id -un)
sed -i "/^$me *=/d" "$CONF"
echo "$me = tu-vp, editor" >>"$CONF"
grep -q "^editors_edit *= *no" "$CONF" || fail "the sample configuration does not say editors_edit = no"
n0=$(cli log --format json | json_len)

start_tui 80 24 own
wait_for "» Nhiệm vụ đơn vị chủ trì" || fail "the first screen is not the unit's tasks"
id=$(screen | sed -n 2p | sed -n 's/^...#\([0-9][0-9]*\) .*/\1/p')
for k in E M D; do
	keys "$k"
	wait_for "Không được phép" || fail "$k is not refused for an editor (editors_edit = no)"
	screen | grep -qE "Sửa nhiệm vụ|Chuyển nhiệm vụ|Xóa nhiệm vụ" && fail "$k opened a form"
done
quit_and_check_restored
tmux -L "$SOCK" kill-server 2>/dev/null
sleep 0.3
[ "$(cli log --format json | json_len)" = "$n0" ] || fail "a refusal wrote to the store"

sed -i "s/^editors_edit *= *no/editors_edit = yes/" "$CONF"
start_tui 80 24 own
wait_for "» Nhiệm vụ đơn vị chủ trì" || fail "no first screen"
detail_area
keys E
wait_for "Sửa nhiệm vụ #$id" || fail "E is refused on a task the editor's unit leads (editors_edit = yes)"
keys Tab
keys C-u
type_text "III.2.6#9"
keys Enter
wait_for "Đã sửa nhiệm vụ #$id." || fail "the editor's correction was not saved"
[ "$(cli show "$id" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["section"])')" = "III.2.6#9" ] ||
	fail "show does not read the new section back"
[ "$(cli log --format json | json_len)" = $((n0 + 1)) ] || fail "the save is not one audited write"
for k in D M; do
	keys "$k"
	wait_for "Không được phép" || fail "$k is not refused for an editor (editors_edit = yes)"
	screen | grep -qE "Chuyển nhiệm vụ|Xóa nhiệm vụ" && fail "$k opened a form for an editor"
done
# Another unit's task: the Tỉnh ủy's program, Ban Tuyên giáo's first task.
other=$(cli tasks --unit tu-btg --format json | json_first id)
keys o
wait_for "Quá hạn —" || fail "o opens nothing"
keys Escape
keys t
wait_for "» Nhiệm vụ của văn bản" || fail "t does not show the document's tasks"
keys /
type_text "#$other "
keys Enter
wait_for "Nhiệm vụ #$other · mục" || fail "task #$other not found"
keys E
wait_for "Không được phép" || fail "E is not refused on another unit's task"
# A document: admins only.
keys BTab
wait_for "» Văn bản" || fail "S-Tab does not reach the documents"
keys E
wait_for "Không được phép" || fail "E on a document is not refused for an editor"
quit_and_check_restored
[ "$(cli log --format json | json_len)" = $((n0 + 1)) ] || fail "a refusal wrote to the store"
pass
