#!/bin/sh
# bench-startup.sh — time from starting the TUI to its first frame.
#
#   sh tests/tui/bench-startup.sh [STORE_DIR [CONFIG]] [RUNS]
#
# STORE_DIR defaults to a fresh demo store; CONFIG to conf/theodoi.ini (use
# the theodoi.ini that `theodoi gen` wrote beside a generated store).  The
# TUI runs in a private tmux server at 120x40; the time is measured until
# the screen shows the units pane, RUNS times (default 5), and the median
# and the worst are printed as
#   tui-startup: median N ms, max N ms (RUNS runs, STORE_DIR)
# Exits non-zero if the TUI never draws.
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

command -v tmux >/dev/null 2>&1 || { echo "bench-startup: tmux is not installed" >&2; exit 1; }
[ -x "$BIN" ] || { echo "bench-startup: no binary at $BIN" >&2; exit 1; }
if [ -z "$store" ]; then
	store="$tmp/store"
	"$BIN" --config "$conf" --store "$store" demo >/dev/null || exit 1
fi

now_ms() {
	t=$(date +%s%N)
	echo $((t / 1000000))
}

times=""
i=0
while [ "$i" -lt "$runs" ]; do
	start=$(now_ms)
	tmux -L "$sock" -f /dev/null new-session -d -s b -x 120 -y 40 \
		"$BIN --config '$conf' --store '$store'; sleep 60" || exit 1
	drawn=""
	while [ $(( $(now_ms) - start )) -lt 30000 ]; do
		if tmux -L "$sock" capture-pane -p -t b 2>/dev/null | grep -qF "Đơn vị"; then
			drawn=$(( $(now_ms) - start ))
			break
		fi
		sleep 0.01
	done
	tmux -L "$sock" kill-server 2>/dev/null
	if [ -z "$drawn" ]; then
		echo "bench-startup: no first frame within 30 s" >&2
		exit 1
	fi
	times="$times $drawn"
	i=$((i + 1))
done
echo "$times" | tr ' ' '\n' | sed '/^$/d' | sort -n | awk -v runs="$runs" -v store="$store" '
	{ v[NR] = $1 }
	END { printf "tui-startup: median %d ms, max %d ms (%d runs, %s)\n", v[int((NR + 1) / 2)], v[NR], runs, store }'
