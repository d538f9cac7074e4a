#!/bin/sh
# bench-startup.sh — time from starting the TUI to its first frame.
#
#   sh tests/tui/bench-startup.sh [STORE_DIR [CONFIG]] [RUNS]
#
# STORE_DIR defaults to a fresh demo store; CONFIG to conf/theodoi.ini (use
# the theodoi.ini that `theodoi gen` wrote beside a generated store).  One
# private tmux server (its own -L socket) is started once, holding a
# 120x40 session; each run opens the TUI in a new window of it and the time
# is measured until the screen shows the units pane, RUNS times (default
# 5).  The median and the worst are printed as
#   tui-startup: median N ms, max N ms (RUNS runs, STORE_DIR)
# or, when it cannot be measured, one line "tui-startup: FAILED: why" and
# a non-zero exit status.  (A server started and killed for every run, as
# this script once did, failed about one start in four with "server exited
# unexpectedly": the next start raced the previous server's exit.)
BUILD=${BUILD:-build}
BIN=${BIN:-$BUILD/theodoi}
LC_ALL=C.UTF-8
LANG=C.UTF-8
export LC_ALL LANG
store=${1:-}
conf=${2:-conf/theodoi.ini}
runs=${3:-5}
sock="theodoi-bench-$$"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/theodoi-bench.XXXXXX") || exit 1
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT

failed() {
	echo "tui-startup: FAILED: $*"
	exit 1
}

command -v tmux >/dev/null 2>&1 || failed "tmux is not installed"
[ -x "$BIN" ] || failed "no binary at $BIN"
if [ -z "$store" ]; then
	store="$tmp/store"
	"$BIN" --config "$conf" --store "$store" demo >/dev/null 2>"$tmp/demo.log" ||
		failed "demo store: $(tail -n 1 "$tmp/demo.log")"
fi

# The server, once; a failed start is tried again (three times in all).
tries=0
until tmux -L "$sock" -f /dev/null new-session -d -s hold -x 120 -y 40 "sleep 3600" 2>"$tmp/tmux.log"; do
	tries=$((tries + 1))
	[ "$tries" -lt 3 ] || failed "tmux server did not start: $(tail -n 1 "$tmp/tmux.log")"
	tmux -L "$sock" kill-server 2>/dev/null
	sleep 0.5
done

now_ms() {
	t=$(date +%s%N)
	echo $((t / 1000000))
}

times=""
i=0
while [ "$i" -lt "$runs" ]; do
	start=$(now_ms)
	tmux -L "$sock" new-window -d -t hold -n "run$i" \
		"$BIN --config '$conf' --store '$store'; sleep 60" 2>"$tmp/tmux.log" ||
		failed "tmux new-window: $(tail -n 1 "$tmp/tmux.log")"
	drawn=""
	while [ $(( $(now_ms) - start )) -lt 30000 ]; do
		pane=$(tmux -L "$sock" capture-pane -p -t "hold:run$i" 2>/dev/null)
		if echo "$pane" | grep -qF "Đơn vị"; then
			drawn=$(( $(now_ms) - start ))
			break
		fi
		echo "$pane" | grep -q '^theodoi: ' && break # it refused to start
		sleep 0.01
	done
	screen=$(tmux -L "$sock" capture-pane -p -t "hold:run$i" 2>/dev/null | sed '/^$/d' | tail -n 1)
	tmux -L "$sock" kill-window -t "hold:run$i" 2>/dev/null
	[ -n "$drawn" ] || failed "no first frame (the screen showed: ${screen:-nothing})"
	times="$times $drawn"
	i=$((i + 1))
done
echo "$times" | tr ' ' '\n' | sed '/^$/d' | sort -n | awk -v runs="$runs" -v store="$store" '
	{ v[NR] = $1 }
	END { printf "tui-startup: median %d ms, max %d ms (%d runs, %s)\n", v[int((NR + 1) / 2)], v[NR], runs, store }'
