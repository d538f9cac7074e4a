#!/bin/sh
# `?` at 80x24 starts with the keys of the screen it was asked on, from
# that screen's table (a list view's hints, a pane's keys), above the key
# table: what Enter does there and the view's own keys; Esc goes back to
# the list it was asked on, with the list as it was.
NAME=help-view
. tests/tui/lib.inc

setup
start_tui 80 24 own
# The tasks pane (the first screen): Enter opens the task in full.
keys '?'
wait_for "Trợ giúp — phím" || fail "? opens no help"
screen | sed -n 2p | grep -qF "Trong khung Nhiệm vụ:" || fail "the help does not start with the tasks pane's keys"
screen | grep -E '^  Enter  +xem đầy đủ nhiệm vụ' >/dev/null || fail "the help does not say what Enter does on a task"
wait_for "Mọi phím:" || fail "the key table does not follow the pane's keys"
screen | grep -qF "Enter  Space" || fail "the key table is not under the pane's keys at 80x24"
keys Escape
wait_for "» Nhiệm vụ" || fail "Esc does not go back to the panes"
# The unit tree.
keys BTab BTab
wait_for "» Đơn vị" || fail "S-Tab does not reach the unit tree"
keys '?'
wait_for "Trong khung Đơn vị:" || fail "the help does not start with the tree's keys"
screen | grep -E '^  Enter  +mở/đóng các đơn vị cấp dưới' >/dev/null || fail "the help does not say what Enter does in the tree"
screen | grep -E '^  P  +nhiệm vụ đơn vị đang chọn' >/dev/null || fail "the tree's keys lack P"
keys Escape
# A list view: the partner tasks of Văn phòng Tỉnh ủy.
keys P
wait_for "Nhiệm vụ phối hợp — " || fail "P opens no list"
keys j
sel=$(screen | grep -E '^» ' | head -n 1)
keys '?'
wait_for "Trong danh sách “Nhiệm vụ phối hợp”:" || fail "the help does not start with the partner list's keys"
screen | grep -E '^  Enter  +đến nhiệm vụ' >/dev/null || fail "the help does not say what Enter does in the list"
screen | grep -E '^  Esc/q  +đóng' >/dev/null || fail "the help does not say Esc/q close the list"
keys Escape
wait_for "Nhiệm vụ phối hợp — " || fail "Esc does not go back to the list the help was asked on"
[ -z "$sel" ] || screen | grep -qF -- "$sel" || fail "the list's selection was lost under the help"
keys Escape
wait_for "» Đơn vị" || fail "Esc does not close the list"
# The view of what was deleted: Enter restores.
keys R
wait_for "Đã xóa" || fail "R opens nothing"
keys '?'
wait_for "Trong danh sách “Đã xóa”:" || fail "the help does not start with the trash's keys"
screen | grep -E '^  Enter  +khôi phục' >/dev/null || fail "the help does not say Enter restores: $(screen | sed -n 2,6p)"
keys q
wait_for "Đã xóa" || fail "q does not go back to the list"
keys Escape
quit_and_check_restored
pass
