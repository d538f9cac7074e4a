#!/bin/sh
# bench-writers.sh — updates committed per second with 1, 4 and 16
# concurrent writers, for `make bench` (called from tests/bench.sh):
#   process     each update is one `theodoi update` run, as staff type it:
#               start, configuration, identity, one durable commit, exit;
#               BENCH_WRITER_UPDATES updates in all (default 480), shared
#               among the writers;
#   in-process  each writer is a process calling ops_update in a loop
#               (tests/test_concurrency.c), BENCH_WRITER_EACH updates each
#               (default 2000: with 16 writers the full 16 × 2,000 run of
#               the concurrency test, which also checks that every update
#               is present, the indexes are consistent and no writer saw
#               an error).
# Every commit is durable (fsync).  Run from the repository root.
set -u
BUILD=${BUILD:-build}
BIN=$BUILD/theodoi
TOTAL=${BENCH_WRITER_UPDATES:-480}
EACH=${BENCH_WRITER_EACH:-2000}
export LC_ALL=C.UTF-8
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

make -s BUILD="$BUILD" "$BUILD/tests/test_concurrency" >/dev/null || exit 1

cat >"$dir/theodoi.ini" <<EOF
[paths]
units = $(pwd)/conf/units.ini
[users]
$(id -un) = tu-vp, admin
EOF
T="$BIN --config $dir/theodoi.ini --store $dir/store --today 2026-11-23"
$T demo >/dev/null || { echo "bench-writers: demo failed" >&2; exit 1; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# process W: TOTAL updates by W concurrent loops of `theodoi update`
process() {
	w=$1
	per=$((TOTAL / w))
	t0=$(now_ms)
	k=0
	pids=""
	while [ "$k" -lt "$w" ]; do
		k=$((k + 1))
		(
			i=0
			while [ "$i" -lt "$per" ]; do
				i=$((i + 1))
				$T update $((10 + (k + i) % 8)) --note "w$k-$i" >/dev/null || exit 1
			done
		) &
		pids="$pids $!"
	done
	ok=1
	for p in $pids; do wait "$p" || ok=0; done
	t1=$(now_ms)
	[ "$ok" -eq 1 ] || { echo "failed"; return 1; }
	awk -v n=$((per * w)) -v ms=$((t1 - t0)) 'BEGIN { printf "%.0f", n * 1000 / ms }'
}

# in_process W: W writer processes of EACH updates each
in_process() {
	w=$1
	rm -f "$dir/report"
	THEODOI_CONC_WRITERS=$w THEODOI_CONC_UPDATES=$EACH THEODOI_CONC_REPORT="$dir/report" \
		"$BUILD/tests/test_concurrency" --filter 'concurrency/sixteen_writers*' \
		>"$dir/log" 2>&1 || { cat "$dir/log" >&2; echo "failed"; return 1; }
	read -r _ n secs <"$dir/report"
	awk -v n="$n" -v s="$secs" 'BEGIN { printf "%.0f (%d in %.1f s)", n / s, n, s }'
}

echo "== concurrent writers: updates committed per second (durable commits) =="
printf "  %-8s %-26s %s\n" "writers" "process per update" "in-process, all checked"
status=0
for w in 1 4 16; do
	p=$(process $w) || status=1
	q=$(in_process $w) || status=1
	printf "  %-8s %-26s %s\n" "$w" "$p/s" "$q"
done
exit $status
