#!/bin/sh
# interrupted.sh — `gen` and `backup` stopped half-way leave nothing that
# looks complete.  gen stopped by SIGTERM or SIGHUP removes what it made
# (SIGINT, which sh's background jobs ignore, is tested in test_outfile.c);
# gen killed by SIGKILL leaves a store marked unfinished, which commands
# and check-store refuse with "chưa tạo xong".  backup stopped by SIGTERM
# leaves no temporary file; killed by SIGKILL, the next backup removes it.
# restore stopped by SIGTERM leaves no half-built store beside its place.
# Runs from the repository root; a few seconds.
set -u
BUILD=${BUILD:-build}
BIN=$BUILD/theodoi
dir=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
fail() { echo "interrupted: $*" >&2; exit 1; }

# Start gen big enough not to finish, wait until it writes tasks.
start_gen() {
	: >"$dir/gen.err" # now, not in the child: the wait below reads it
	"$BIN" --today 2026-11-23 gen --tasks 2000000 --units 2000 "$1" 2>"$dir/gen.err" &
	pid=$!
	i=0
	until grep -q "nhiệm vụ [1-9]" "$dir/gen.err" 2>/dev/null; do
		i=$((i + 1))
		[ "$i" -lt 600 ] || fail "gen wrote no task in a minute"
		kill -0 "$pid" 2>/dev/null || fail "gen ended early: $(cat "$dir/gen.err")"
		sleep 0.1
	done
}

for sig in TERM HUP; do
	start_gen "$dir/g-$sig"
	kill -"$sig" "$pid"
	wait "$pid" 2>/dev/null
	pid=""
	[ ! -e "$dir/g-$sig" ] || fail "gen stopped by SIG$sig left: $(ls -R "$dir/g-$sig")"
done

start_gen "$dir/g-kill"
kill -9 "$pid"
wait "$pid" 2>/dev/null
pid=""
[ -f "$dir/g-kill/store/data.mdb" ] || fail "gen killed early: no store to check"
for cmd in "check-store" "overdue --count"; do
	out=$("$BIN" --config "$dir/g-kill/theodoi.ini" $cmd 2>&1)
	rc=$?
	[ "$rc" -eq 6 ] || fail "$cmd on an unfinished store: exit $rc: $out"
	case $out in *"chưa tạo xong"*) ;; *) fail "$cmd: no 'chưa tạo xong' in: $out";; esac
done
# a finished gen is not refused
"$BIN" --today 2026-11-23 gen --tasks 50 --units 200 "$dir/g-ok" 2>/dev/null >/dev/null ||
	fail "small gen"
"$BIN" --config "$dir/g-ok/theodoi.ini" check-store >/dev/null || fail "check-store after gen"

# backup: a store big enough that the copy takes a moment
"$BIN" --today 2026-11-23 gen --tasks 150000 --units 2000 "$dir/big" 2>/dev/null >/dev/null ||
	fail "gen for backup"
B="$BIN --config $dir/big/theodoi.ini"
mkdir "$dir/bk"
for sig in TERM KILL; do
	$B backup "$dir/bk/b-$sig.mdb" >/dev/null 2>&1 &
	pid=$!
	i=0
	until ls "$dir/bk" | grep -q "b-$sig.mdb.tmp-"; do
		i=$((i + 1))
		[ "$i" -lt 3000 ] || fail "backup made no temporary file"
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.01
	done
	if ! kill -"$sig" "$pid" 2>/dev/null; then
		echo "interrupted: backup finished before SIG$sig; not tested" >&2
		pid=""
		rm -f "$dir/bk/"*
		continue
	fi
	wait "$pid" 2>/dev/null
	pid=""
	[ ! -e "$dir/bk/b-$sig.mdb" ] || fail "backup stopped by SIG$sig left a backup"
	left=$(ls "$dir/bk")
	if [ "$sig" = TERM ]; then
		[ -z "$left" ] || fail "backup stopped by SIGTERM left: $left"
	else
		[ -n "$left" ] || fail "SIGKILL cannot be caught, yet nothing was left"
		$B backup "$dir/bk/b-$sig.mdb" >/dev/null || fail "backup after a kill"
		[ "$(ls "$dir/bk")" = "b-$sig.mdb" ] ||
			fail "the stale temporary file stayed: $(ls "$dir/bk")"
	fi
done

# restore: the store is built beside its place; stopped, it is removed
backup=$(ls "$dir/bk"/*.mdb | head -n 1)
[ -n "$backup" ] || { $B backup "$dir/bk/r.mdb" >/dev/null || fail "backup for restore"; backup="$dir/bk/r.mdb"; }
mkdir "$dir/rs"
"$BIN" --config "$dir/big/theodoi.ini" --store "$dir/rs/store" restore "$backup" >/dev/null 2>&1 &
pid=$!
i=0
until ls "$dir/rs" | grep -q "store.restore-"; do
	i=$((i + 1))
	[ "$i" -lt 3000 ] || fail "restore made no directory"
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.01
done
if kill -TERM "$pid" 2>/dev/null; then
	wait "$pid" 2>/dev/null
	[ -z "$(ls "$dir/rs")" ] || fail "restore stopped by SIGTERM left: $(ls "$dir/rs")"
else
	echo "interrupted: restore finished before SIGTERM; not tested" >&2
fi
pid=""
exit 0
