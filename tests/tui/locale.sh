#!/bin/sh
# Locale and terminal: under a non-UTF-8 locale the screen does not open
# garbled but says why and how to fix it (LANG=C.UTF-8), with a non-zero
# exit; on a terminal without colours it opens and says that timeliness
# shows by symbols.  At 80x24 and 120x40.
NAME=locale
. tests/tui/lib.inc

setup
run_in_tmux() { # cols rows env...
	cols=$1
	rows=$2
	shift 2
	cat >"$TMP/run2.sh" <<EOS
env $* "$BIN" --config "$CONF" --store "$STORE" --today "$TODAY"
echo EXIT:\$?
sleep 600
EOS
	tmux -L "$SOCK" kill-server 2>/dev/null
	sleep 0.3
	tmux -L "$SOCK" -f /dev/null new-session -d -s "$SESSION" -x "$cols" -y "$rows" \
		"sh $TMP/run2.sh" || fail "tmux new-session"
}

for size in "80 24" "120 40"; do
	set -- $size
	run_in_tmux "$1" "$2" LC_ALL=C LANG=C
	wait_for "EXIT:" 5 || fail "$1x$2: LC_ALL=C: the screen opened"
	screen | grep -qF "EXIT:0" && fail "$1x$2: LC_ALL=C: exit status 0"
	screen | tr -d '\n' | grep -qF "không phải UTF-8" || fail "$1x$2: LC_ALL=C: no word of UTF-8"
	screen | tr -d '\n' | grep -qF "LANG=C.UTF-8" || fail "$1x$2: LC_ALL=C: no fix given"

	run_in_tmux "$1" "$2" TERM=vt100
	wait_for "?:trợ giúp" 5 || fail "$1x$2: TERM=vt100: no screen"
	screen | grep -qF "không có màu" || fail "$1x$2: TERM=vt100: the missing colours are not said"
	keys q
	wait_for "EXIT:0" 5 || fail "$1x$2: TERM=vt100: q does not quit"
done
tmux -L "$SOCK" kill-server 2>/dev/null
pass
