#!/bin/sh
# A crash signal or a kill leaves the terminal as it was: the handler
# restores it, then the process ends by the signal itself.  NO_COLOR
# turns colours off.
NAME=signals
. tests/tui/lib.inc

# The pid of theodoi under the pane's shell.
tui_pid() {
	ps -o pid= --ppid "$(pane_var '#{pane_pid}')" | awk '/[0-9]/ { print $1; exit }'
}

setup
for sig in TERM SEGV INT; do
	start_tui 100 30
	pid=$(tui_pid)
	[ -n "$pid" ] || fail "cannot find the TUI's pid"
	kill -s "$sig" "$pid"
	wait_for "EXIT:" 5 || fail "SIG$sig did not end the TUI"
	screen | grep -qF "TTY:same" || fail "SIG$sig left the terminal modes changed"
	[ "$(pane_var '#{alternate_on}')" = 0 ] || fail "SIG$sig left the alternate screen on"
	[ "$(pane_var '#{cursor_flag}')" = 1 ] || fail "SIG$sig left the cursor hidden"
	code=$(screen | sed -n 's/^EXIT:\([0-9]*\).*/\1/p')
	[ "$code" -gt 128 ] || fail "SIG$sig: exit status $code, not death by signal"
	tmux -L "$SOCK" kill-session -t "$SESSION"
done

# Colours, then none with NO_COLOR.
start_tui 100 30
tmux -L "$SOCK" capture-pane -e -p -t "$SESSION" | grep -q "$(printf '\033')\[[^m]*3[0-7]m\|;3[0-7]m\|;3[0-7];" ||
	fail "no colours without NO_COLOR"
quit_and_check_restored
# a server that outlives the killed session would keep its own environment,
# without NO_COLOR: start a new one
tmux -L "$SOCK" kill-server 2>/dev/null
NO_COLOR=1
export NO_COLOR
start_tui 100 30
tmux -L "$SOCK" capture-pane -e -p -t "$SESSION" | grep -q "$(printf '\033')\[[^m]*3[0-7]m\|;3[0-7]m\|;3[0-7];\|\[3[0-7];" &&
	fail "colours drawn with NO_COLOR set"
tmux -L "$SOCK" capture-pane -e -p -t "$SESSION" | grep -q "$(printf '\033')\[[0-9;]*7m\|;7;\|\[7;" ||
	fail "no reverse video for the focus with NO_COLOR"
quit_and_check_restored
pass
