#!/bin/sh
# Another process commits (the command line records an update): within
# about a second the screen shows it, with the same task still selected.
NAME=refresh
. tests/tui/lib.inc

setup
start_tui 120 40
keys /
type_text "tinh uy son ha"
keys Enter
wait_for "Tỉnh ủy Sơn Hà (Tỉnh ủy, mã tu)" || fail "unit not found"
keys Tab Tab j j
wait_for "Chi tiết nhiệm vụ" || fail "no task detail"
id=$(screen | sed -n 's/.*Nhiệm vụ #\([0-9][0-9]*\) ·.*/\1/p' | head -n 1)
[ -n "$id" ] || fail "no selected task"
before=$(screen | grep -c "│.* #[0-9]")

cli update "$id" --progress 70 --note "cập nhật từ dòng lệnh" >/dev/null || fail "cli update"
wait_for "— cập nhật từ dòng lệnh" 3 || fail "the other process's update did not show within 3 s"
screen | grep -qF "Nhiệm vụ #$id ·" || fail "the selection moved off #$id"
screen | grep -qF "70%" || fail "the new progress is not shown"
[ "$(screen | grep -c "│.* #[0-9]")" -eq "$before" ] || fail "the task list changed length"
quit_and_check_restored
pass
