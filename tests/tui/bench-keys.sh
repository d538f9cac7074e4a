#!/bin/sh
# bench-keys.sh — key-to-frame times of the TUI on a large store.
#
#   sh tests/tui/bench-keys.sh [STORE_DIR [CONFIG]]
#
# Starts the TUI in a private tmux server at 80x24 on STORE_DIR (default: a
# fresh demo store) as the current user, who should be one whose unit
# leads many tasks (gen's config makes root the admin of the whole tree),
# and presses, each once the screen has settled: G (the last row of the
# tasks the unit leads), g, j, PgDn, the filter "quá hạn" (f l Enter), the
# filter cleared, then from the unit tree t twice (every task of the
# subtree).  THEODOI_FRAME_LOG records each frame's time from its key;
# printed as
#   tui-keys: start N ms, G N ms, g N ms, ... (STORE_DIR)
BUILD=${BUILD:-build}
BIN=${BIN:-$BUILD/theodoi}
LC_ALL=C.UTF-8
LANG=C.UTF-8
export LC_ALL LANG
store=${1:-}
conf=${2:-conf/theodoi.ini}
sock="theodoi-bkeys-$$"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/theodoi-bench.XXXXXX") || exit 1
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT

command -v tmux >/dev/null 2>&1 || { echo "bench-keys: tmux is not installed" >&2; exit 1; }
[ -x "$BIN" ] || { echo "bench-keys: no binary at $BIN" >&2; exit 1; }
if [ -z "$store" ]; then
	store="$tmp/store"
	"$BIN" --config "$conf" --store "$store" demo >/dev/null || exit 1
fi
log="$tmp/frames"
: >"$log"
frames() { wc -l <"$log"; }
# Wait until the log has $1 lines (10 s at most).
settle() {
	i=0
	while [ "$(frames)" -lt "$1" ] && [ "$i" -lt 1000 ]; do
		sleep 0.01
		i=$((i + 1))
	done
	sleep 0.3
}
tmux -L "$sock" -f /dev/null new-session -d -s b -x 80 -y 24 \
	"THEODOI_FRAME_LOG='$log' '$BIN' --config '$conf' --store '$store'; sleep 60" || exit 1
settle 1
n=1
# The keys mean what they say only on the tasks the user's unit leads.
if ! tmux -L "$sock" capture-pane -p -t b | grep -qF "» Nhiệm vụ đơn vị chủ trì"; then
	echo "bench-keys: the screen does not open on $(id -un)'s own work (not a user of $conf?)" >&2
	exit 1
fi
press() {
	tmux -L "$sock" send-keys -t b "$@"
	n=$((n + 1))
	settle "$n"
}
press G
press g
press j
press NPage
press f
press l
press Enter
press f
press a
press Enter
press BTab
press BTab
press g
press t
press t
tmux -L "$sock" send-keys -t b q
awk -v store="$store" '
	{ ms[NR] = sprintf("%.1f", $2 / 1000) }
	END {
		printf "tui-keys: start %s ms, G %s ms, g %s ms, j %s ms, PgDn %s ms, ", ms[1], ms[2], ms[3], ms[4], ms[5]
		printf "filter quá hạn %s ms, filter off %s ms, t %s ms, t at the root %s ms (%s)\n", ms[8], ms[11], ms[15], ms[16], store
	}' "$log"
