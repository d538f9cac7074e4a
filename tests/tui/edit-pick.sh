#!/bin/sh
# The lead and partners of a task picked from the unit tree (Ctrl-T in
# the edit form, E), at 80x24, as an administrator: the form steps aside
# for the tree, Enter on a unit writes its name into the field (appended
# to the partners), Esc leaves the field as it was; the form comes back
# over the list it was opened on, and the save is read back by `show`.
NAME=edit-pick
. tests/tui/lib.inc

setup
task_json() { cli show "$1" --format json; }
start_tui 80 24 own
wait_for "» Nhiệm vụ đơn vị chủ trì" || fail "the first screen is not the unit's tasks"
id=$(screen | sed -n 2p | sed -n 's/^...#\([0-9][0-9]*\) .*/\1/p')
[ -n "$id" ] || fail "no first task"
partners0=$(task_json "$id" | python3 -c 'import json,sys; print(" ".join(p["code"] for p in json.load(sys.stdin)["partners"]))')

keys E
wait_for "Sửa nhiệm vụ #$id" || fail "E opens no edit form on task #$id"
keys Tab Tab
wait_for "Ctrl-T: chọn đơn vị trong cây" || fail "the lead field does not offer the tree"
# Ctrl-T: the tree, then Esc: back to the form, the lead unchanged.
keys C-t
wait_gone "Sửa nhiệm vụ #$id" || fail "Ctrl-T does not put the form aside"
wait_for "Chọn đơn vị cho trường “Chủ trì”" || fail "the pick does not say what it is for"
screen | grep -qF "» Đơn vị" || fail "the tree does not have the focus for the pick"
keys Escape
wait_for "Sửa nhiệm vụ #$id" || fail "Esc does not bring the form back"
wait_for "trường “Chủ trì” giữ như cũ" || fail "Esc does not say the field is kept"
screen | grep -qF "Chủ trì     Văn phòng Tỉnh ủy" || fail "Esc changed the lead"
# Ctrl-T, find Ban Tổ chức Tỉnh ủy, Enter: the lead.
keys C-t
wait_for "Chọn đơn vị cho trường “Chủ trì”" || fail "Ctrl-T again opens no pick"
keys /
type_text "tu-btc"
keys Enter
wait_for "(Ban, mã tu-btc)" || fail "the search does not find tu-btc"
keys Enter
wait_for "Sửa nhiệm vụ #$id" || fail "Enter on a unit does not bring the form back"
screen | grep -qF "Chủ trì     Ban Tổ chức Tỉnh ủy" || fail "the picked unit is not in the lead field"
# The partners: one more picked, appended to those there.
keys Tab
keys C-t
wait_for "Chọn đơn vị cho trường “Phối hợp”" || fail "Ctrl-T on the partners opens no pick"
keys /
type_text "tu-bdv"
keys Enter
wait_for "(Ban, mã tu-bdv)" || fail "the search does not find tu-bdv"
keys Enter
wait_for "Sửa nhiệm vụ #$id" || fail "the form does not come back after the partner"
keys Enter
wait_for "Đã sửa nhiệm vụ #$id." || fail "the task was not saved: $(screen | tail -n 3)"
task_json "$id" >"$TMP/t.json"
python3 - "$TMP/t.json" "$partners0" <<'PY' || fail "show does not read the picked lead and partner back"
import json, sys
t = json.load(open(sys.argv[1]))
before = sys.argv[2].split()
assert t["lead"]["code"] == "tu-btc", t["lead"]
codes = [p["code"] for p in t["partners"]]
assert codes == before + ["tu-bdv"], (codes, before)
PY
# The form closed on the panes it was opened on: the unit's tasks.
wait_for "» Nhiệm vụ" || fail "the panes are not back after the save"
screen | grep -qF "Văn phòng Tỉnh ủy" || fail "the tree's selection was not put back"

# From a list view: P, E on a row, Ctrl-T, Esc: back to the form over P.
keys BTab BTab
wait_for "» Đơn vị" || fail "S-Tab does not reach the tree"
keys P
wait_for "Nhiệm vụ phối hợp — " || fail "P opens no list"
keys E
wait_for "Sửa nhiệm vụ #" || fail "E opens no form in the partner list"
keys Tab Tab C-t
wait_for "Chọn đơn vị cho trường “Chủ trì”" || fail "Ctrl-T from the list's form opens no pick"
keys Escape
wait_for "Sửa nhiệm vụ #" || fail "Esc does not bring the form back"
keys Escape
wait_for "Nhiệm vụ phối hợp — " || fail "the partner list is not under the form any more"
keys Escape
quit_and_check_restored
pass
