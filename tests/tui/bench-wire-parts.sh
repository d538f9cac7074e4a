#!/bin/sh
# bench-wire-parts.sh — what the bytes of a cursor move are made of, at
# 80x24 on the demo store under script(1), for the panes bench-bytes.sh
# measures: cursor addressing, attributes, erasing, scrolling and text,
# and the screen rows they go to (tests/tui/wire-parts.py).  A tool for
# whoever works on the wire budget; make check does not run it.
#   sh tests/tui/bench-wire-parts.sh [MOVES [PANES]]
# PANES: some of "units tasks overdue" (all three by default).
NAME=bench-wire-parts
. tests/tui/lib.inc

command -v python3 >/dev/null 2>&1 || fail "python3 is not installed"
MOVES=${1:-40}
PANES=${2:-units tasks overdue}
setup
# moves KEY N: send KEY N times, one every 0.25 s, and write the size of
# the typescript before and after each into $TMP/offsets.
moves() {
	stat -c %s "$TMP/typescript" >"$TMP/offsets"
	i=0
	while [ "$i" -lt "$2" ]; do
		tmux -L "$SOCK" send-keys -t "$SESSION" "$1"
		sleep 0.25
		stat -c %s "$TMP/typescript" >>"$TMP/offsets"
		i=$((i + 1))
	done
}
# The rows of the screen at 80x24: the title of the panes (0), their rows
# (1-11), the line over the detail area (12), the detail (13-21), the
# message line (22) and the status line (23); with the focus on a long
# list of tasks or in the overdue view, its rows (1-17, the view's
# heading row among them), the line over the preview (18) and the
# preview (19-21; ui-preview.c).
parts() {
	if [ "$1" != units ]; then
		set -- rows=1-17 rule=18-18 preview=19-21
	else
		set -- rows=1-11 rule=12-12 detail=13-21
	fi
	python3 tests/tui/wire-parts.py "$TMP/typescript" "$TMP/offsets" 24 \
		title=0-0 "$@" msg=22-22 status=23-23
}
# One pane: the keys that reach it from where the last one left off (as
# bench-bytes.sh goes), then the moves.  WIRE_DUMP=PREFIX keeps the
# typescript (PREFIX.ts) and each pane's offsets (PREFIX.PANE.off).
pane() {
	case $1 in
	units) keys BTab BTab g ;;
	tasks)
		# from the tree, at its top; at the start, the focus is on the
		# user's own tasks
		[ "$first" = tasks ] && keys BTab BTab
		keys g Tab Tab ;;
	overdue) keys BTab BTab g o ;;
	*) fail "unknown pane $1" ;;
	esac
	sleep 0.3
	moves j "$MOVES"
	echo "== $1"
	parts "$1"
	if [ -n "${WIRE_DUMP:-}" ]; then
		cp "$TMP/typescript" "$WIRE_DUMP.ts"
		cp "$TMP/offsets" "$WIRE_DUMP.$1.off"
	fi
}
start_tui_script 80 24
set -- $PANES
first=$1
for p in $PANES; do
	pane "$p"
done
