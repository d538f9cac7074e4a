#!/bin/sh
# The audit trail (L): an update just made in the TUI is the newest entry
# of its task's log, with the login, role, action and what changed, as
# `theodoi log --task ID --format json` records it; L again shows the whole
# trail with the same entry on top, and another process's write appears
# on top while it is open; Enter goes back to the task.
NAME=audit
. tests/tui/lib.inc

setup
me=$(id -un)
note="đã gửi báo cáo <b>sơ kết</b>"
start_tui 120 40
keys /
type_text "tinh uy son ha"
keys Enter
wait_for "Tỉnh ủy Sơn Hà (Tỉnh ủy, mã tu)" || fail "unit not found"
keys Tab Tab
wait_for "Chi tiết nhiệm vụ" || fail "no task detail"
id=$(screen | sed -n 's/.*Nhiệm vụ #\([0-9][0-9]*\) · mục.*/\1/p' | head -n 1)
[ -n "$id" ] || fail "no selected task"
keys u
wait_for "Cập nhật nhiệm vụ #$id" || fail "u opens no update form"
type_text "$note"
keys Tab
type_text 80
keys Enter
wait_for "Đã lưu cập nhật cho nhiệm vụ #$id." || fail "the update was not saved"

keys L
wait_for "Nhật ký thay đổi — nhiệm vụ #$id" || fail "L shows no log of task #$id"
cli log --task "$id" --format json >"$TMP/log.json" || fail "cli log"
screen >"$TMP/screen.txt"
python3 - "$TMP/log.json" "$TMP/screen.txt" "$me" "$note" <<'PY' || fail "the newest row is not the update just made"
import json, sys
log = json.load(open(sys.argv[1]))
last = log[0]  # newest first
assert last["action"] == "update" and last["login"] == sys.argv[3], last
row = open(sys.argv[2]).read().split("\n")[2]
assert sys.argv[3] in row, row
assert "quản trị" in row, row
assert "cập nhật" in row, row
assert "nhiệm vụ #" in row and "task:" not in row, row
screen = open(sys.argv[2]).read()
assert "→ 80" in screen, "the detail does not show the progress before → after"
assert sys.argv[4] in screen, "the note is not in the detail"
PY
keys L
wait_for "Nhật ký thay đổi — toàn bộ" || fail "L again shows no whole trail"
screen | sed -n 3p | grep -qF "nhiệm vụ #$id " || fail "the whole trail does not start with the update"
# Another process writes: the open trail shows it on top within a second
# or so, the selection staying on the newest entry.
other=$((id + 1))
cli update "$other" --note "ghi từ dòng lệnh" >/dev/null || fail "cli update $other"
# (the note, not "task:N": the demo's own updates name every task)
wait_for "ghi từ dòng lệnh" 3 || fail "the trail does not show the other process's update"
screen | sed -n 3p | grep -qF "nhiệm vụ #$other " || fail "the other process's update is not on top"
keys j
keys Enter
wait_for "» Nhiệm vụ" || fail "Enter does not go to the task"
wait_for "Nhiệm vụ #$id · mục" || fail "Enter does not select task #$id"
quit_and_check_restored
pass
