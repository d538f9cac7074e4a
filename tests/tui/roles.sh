#!/bin/sh
# Roles: a viewer reads but the update keys say why they are refused; a
# login the configuration does not map opens read-only and says so.
NAME=roles
. tests/tui/lib.inc

setup
me=$(id -un)
# Make the current login a viewer.
sed -i "/^$me *=/d" "$CONF"
echo "$me = tu, viewer" >>"$CONF"
start_tui 120 40
wait_for "chỉ xem" || fail "the status line does not show the viewer role"
keys /
type_text "tinh uy son ha"
keys Enter
keys Tab Tab
wait_for "Chi tiết nhiệm vụ" || fail "no task detail"
keys u
wait_for "Không được phép" || fail "u is not refused for a viewer"
screen | grep -qF "Cập nhật nhiệm vụ #" && fail "the update form opened for a viewer"
keys e
wait_for "Không được phép" || fail "e is not refused for a viewer"
keys i
wait_for "Không được phép" || fail "i is not refused for a viewer"
keys x
wait_for "Không được phép" || fail "x is not refused for a viewer"
# The views read: the queue says it is read only, a measure is refused.
keys p
wait_for "(chỉ xem: vai trò của bạn không xác nhận được)" || fail "the queue is not read only"
keys Escape
keys BTab
keys m
wait_for "Chỉ tiêu — văn bản" || fail "m shows no indicators to a viewer"
keys u
wait_for "Không được phép" || fail "a measure is not refused for a viewer"
screen | grep -qF "Ghi số liệu chỉ tiêu" && fail "the measure form opened for a viewer"
keys Escape
quit_and_check_restored
cleanup_session() { tmux -L "$SOCK" kill-session -t "$SESSION" 2>/dev/null; }
cleanup_session

# An unmapped login.
sed -i "/^$me *=/d" "$CONF"
start_tui 120 40
wait_for "chưa được đăng ký" || fail "an unmapped login is not told it reads only"
quit_and_check_restored
pass
