#!/bin/sh
# The forms that correct records, at 80x24, as an administrator: E on a
# task (lead and partners typed as in the command line; an empty text and
# an unknown unit refused with the field named; Esc asks before dropping
# a change), E on a document, M to another document, D with a reason
# (refused without one, and on recorded work until "vẫn xóa" is chosen),
# and the deleted task restored from R.  Each save is one audited write
# that `theodoi show`, `docs`, `deleted` and `log` read back.
NAME=edit-forms
. tests/tui/lib.inc

setup
logn() { cli log --format json | json_len; }
task_json() { cli show "$1" --format json; }
start_tui 80 24 own
wait_for "» Nhiệm vụ đơn vị chủ trì" || fail "the first screen is not the unit's tasks"
id=$(screen | sed -n 2p | sed -n 's/^...#\([0-9][0-9]*\) .*/\1/p')
[ -n "$id" ] || fail "no first task"

# E on the task: the form shows its fields.
keys E
wait_for "Sửa nhiệm vụ #$id" || fail "E opens no edit form on task #$id"
screen | grep -qF "Chủ trì     Văn phòng Tỉnh ủy" || fail "the form does not show the lead"
# An empty text is refused, naming the field.
keys C-e C-u
keys Enter
wait_for "Nội dung: nội dung nhiệm vụ không được để trống" || fail "an empty text is not refused"
keys Escape
wait_for "Bỏ nội dung đã nhập?" || fail "Esc drops a changed form without asking"
keys c
wait_gone "Sửa nhiệm vụ #$id" || fail "c does not close the form"
[ "$(task_json "$id" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["text"]) > 0)')" = True ] ||
	fail "the refused text reached the store"

# An unknown lead is refused; a known one and two partners are saved.
n0=$(logn)
keys E
wait_for "Sửa nhiệm vụ #$id" || fail "E does not open the form again"
keys Tab Tab C-u
type_text "Ban Không Có"
keys Enter
wait_for "Chủ trì: không tìm thấy đơn vị 'Ban Không Có'" || fail "an unknown lead is not refused"
keys C-u
type_text "Ban Tổ chức Tỉnh ủy"
keys Tab C-u
type_text "Ban Tuyên giáo Tỉnh ủy; tu-bdv"
keys Enter
wait_for "Đã sửa nhiệm vụ #$id." || fail "the task was not saved"
task_json "$id" >"$TMP/t.json"
python3 - "$TMP/t.json" <<'PY' || fail "show does not read the new lead and partners back"
import json, sys
t = json.load(open(sys.argv[1]))
assert t["lead"]["code"] == "tu-btc", t["lead"]
assert [p["code"] for p in t["partners"]] == ["tu-btg", "tu-bdv"], t["partners"]
PY
[ "$(logn)" = $((n0 + 1)) ] || fail "the save is not one audited write"
cli log --limit 1 | grep -qF "nhiệm vụ #$id " || fail "the audit entry does not name task #$id"

# M: to the other document (by number); the task follows.
doc2=$(cli docs --format json | python3 -c 'import json,sys
d = json.load(sys.stdin)
print([x["number"] for x in d if x["number"] and x["number"] != "15-CTr/TU"][0])')
keys t
wait_for "» Nhiệm vụ của văn bản" || fail "t does not show the document's tasks"
mid=$(screen | sed -n 2p | sed -n 's/^...#\([0-9][0-9]*\) .*/\1/p')
keys M
wait_for "Chuyển nhiệm vụ #$mid" || fail "M opens no move form"
type_text "không-có-số"
keys Enter
wait_for "Sang văn bản: không tìm thấy văn bản số 'không-có-số'" || fail "an unknown document is not refused"
keys C-u
type_text "$doc2"
keys Enter
wait_for "Đã chuyển nhiệm vụ #$mid sang văn bản" || fail "the task was not moved"
[ "$(task_json "$mid" | python3 -c 'import json,sys; print(json.load(sys.stdin)["doc_number"])')" = "$doc2" ] ||
	fail "show does not read the new document back"

# E on the document (documents pane): its number.
keys BTab
wait_for "» Văn bản" || fail "S-Tab does not reach the documents"
did=$(cli docs --format json | python3 -c 'import json,sys
print([x["id"] for x in json.load(sys.stdin) if x["number"] == "15-CTr/TU"][0])')
keys E
wait_for "Sửa văn bản #" || fail "E on a document opens no form"
screen | grep -qF "Hạn kế hoạch 31/12/2025" || fail "the document form does not show its plan due day"
keys Tab Tab
keys C-u
type_text "31/02/2026"
keys Enter
wait_for "Ngày:" || fail "a bad date is not refused with its field"
keys C-u
type_text "12/08/2025"
keys Enter
wait_for "Đã sửa văn bản #" || fail "the document was not saved"
cli docs --format json | python3 -c 'import json,sys
d = [x for x in json.load(sys.stdin) if x["number"] == "15-CTr/TU"][0]
assert d["date"] in ("2025-08-12", "12/08/2025"), d' || fail "docs does not read the new date back"

# D on a task with recorded work: a reason is required, then "vẫn xóa".
keys Tab
wait_for "» Nhiệm vụ" || fail "Tab does not come back to the tasks"
keys g
did_task=$(screen | sed -n 2p | sed -n 's/^...#\([0-9][0-9]*\) .*/\1/p')
keys D
wait_for "Xóa nhiệm vụ #$did_task" || fail "D opens no delete form"
keys Enter
wait_for "Lý do: cần ghi lý do xóa" || fail "a delete without a reason is not refused"
type_text "nhập nhầm từ bản dự thảo"
keys Enter
wait_for "Có kết quả: nhiệm vụ #$did_task đã có kết quả được ghi nhận" ||
	fail "a task with recorded work is deleted without choosing to"
cli show "$did_task" >/dev/null 2>&1 || fail "the refused delete reached the store"
keys Tab Right Enter
wait_for "Đã xóa nhiệm vụ #$did_task" || fail "the task was not deleted"
cli show "$did_task" >/dev/null 2>&1 && fail "show still finds the deleted task"
cli deleted | grep -qF "nhập nhầm từ bản dự thảo" || fail "deleted does not list the reason"

# R: the deleted task, restored with Enter.
keys R
wait_for "Đã xóa — 0 văn bản, 1 nhiệm vụ" || fail "R does not list the deleted task"
screen | grep -qF "#$did_task" || fail "the deleted task is not in the list"
# the time of the deletion to the second, as `theodoi deleted` writes it
when=$(cli deleted | grep -oE "[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2}" | head -n 1)
[ -n "$when" ] || fail "deleted writes no dd/mm/yyyy hh:mm:ss time"
screen | grep -qF "xóa lúc $when bởi" || fail "the trash's detail does not say when ($when)"
keys Enter
wait_for "Khôi phục nhiệm vụ #$did_task?" || fail "Enter does not ask to restore"
keys Enter
wait_for "Đã khôi phục nhiệm vụ #$did_task." || fail "the task was not restored"
cli show "$did_task" >/dev/null 2>&1 || fail "show does not find the restored task"
keys q
quit_and_check_restored
cli check-store >/dev/null || fail "check-store after the edits"
pass
