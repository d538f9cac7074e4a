#!/bin/sh
# The TUI starts on the demo store with its three panes, the detail area
# and the status line (login, unit, role, today), and q hands the terminal
# back as it was (modes, main screen, cursor).
NAME=start
. tests/tui/lib.inc

setup
start_tui 120 40
s=$(screen)
for want in "Đơn vị" "Văn bản" "Nhiệm vụ" "Ban Chấp hành Trung ương" "$TODAY_VN" "$(id -un)" \
	"?:trợ giúp"; do
	echo "$s" | grep -qF -- "$want" || fail "first frame lacks '$want'"
done
# The help screen is drawn from the key table.
keys '?'
wait_for "Trợ giúp" || fail "? shows no help"
screen | grep -qF "cập nhật tiến độ" || fail "help lacks the update key"
keys Escape
wait_for "Đơn vị" || fail "Esc does not close the help"
quit_and_check_restored
pass
