#!/bin/sh
# The status line names the user's unit by one rule on every screen: at
# 80x24 its short name ("VP Tỉnh ủy") on the main screen and in the views
# c, m, W, R and ? alike; at 160 columns the full name everywhere.
NAME=status-unit
. tests/tui/lib.inc

setup
# The status line (the last line of the screen).
status() {
	screen | tail -n 1
}
check_views() {
	want=$1
	other=$2
	for k in "" c m W R "?"; do
		if [ -n "$k" ]; then
			keys "$k"
			sleep 0.4
		fi
		wait_for "$want · quản trị" || fail "${k:-main screen} at $cols columns: $(status)"
		status | grep -qF "$other · quản trị" && fail "${k:-main screen}: $(status)"
		if [ -n "$k" ]; then
			keys Escape
			wait_for "?:trợ giúp" || fail "Esc does not close $k"
		fi
	done
}
start_tui 80 24
check_views " · VP Tỉnh ủy" " · Văn phòng Tỉnh ủy"
keys q
wait_for "EXIT:" || fail "did not quit"
tmux -L "$SOCK" kill-server 2>/dev/null
sleep 0.3
start_tui 160 40
check_views " · Văn phòng Tỉnh ủy" " · VP Tỉnh ủy"
quit_and_check_restored
pass
