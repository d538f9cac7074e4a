#!/bin/bash
# make bench, start-up: the hot commands against a bare LMDB program
# (tests/bench/ref-count.c for the counts and the write, ref-rows.c for
# the first rows) on the stores tests/bench.sh generated, in
# interleaved rounds so that both see the same load.  Each row is the
# median wall time of the whole process and its ratio to the reference
# (target: 1.5 or less); /bin/true is the process floor of the same run.
# Bash for $EPOCHREALTIME: no process is started to read the clock.
#   BENCH_SIZES, BENCH_RUNS, BUILD: as for tests/bench.sh
set -u
BUILD=${BUILD:-build}
BIN=$BUILD/theodoi
REF=$BUILD/ref-count
ROWS=$BUILD/ref-rows
DIR=$BUILD/bench
RUNS=${BENCH_RUNS:-21}
SIZES=${BENCH_SIZES:-10000 100000 1000000}
export LC_ALL=C.UTF-8 THEODOI_TODAY=${THEODOI_TODAY:-2026-11-23}
for r in "$REF" "$ROWS"; do
	[ -x "$r" ] || { echo "bench-start: $r missing (make $r)" >&2; exit 1; }
done

us() { local t=${EPOCHREALTIME/[.,]/}; echo "${t#0}"; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print 0}'; }
ms() { awk -v a="$1" 'BEGIN { printf "%.2f", a / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b ? a / b : 0 }'; }

for n in $SIZES; do
	d=$DIR/$n
	[ -f "$d/.done" ] || continue
	T=("$BIN" --config "$d/theodoi.ini")
	task=$("${T[@]}" overdue --limit 1 --format csv | sed -n '2s/,.*//p')
	want=$("$REF" "$d/store") got=$("${T[@]}" overdue --count)
	[ "$want" = "$got" ] || echo "bench-start: $n: reference counts $want, theodoi $got" >&2
	names=(floor ref refr refw count due first50 update)
	cmds=("/bin/true" "$REF $d/store" "$ROWS $d/store 50" "$REF $d/store --write"
	      "overdue --count" "due --within 14 --count" "overdue --limit 50"
	      "update $task --note bench-start")
	for k in "${!names[@]}"; do : >"$DIR/start-${names[$k]}.txt"; done
	for ((i = 0; i < RUNS; i++)); do
		for k in "${!names[@]}"; do
			case ${names[$k]} in
			floor | ref | refr | refw) t0=$(us); ${cmds[$k]} >/dev/null; t1=$(us) ;;
			*) t0=$(us); "${T[@]}" ${cmds[$k]} >/dev/null; t1=$(us) ;;
			esac
			echo $((t1 - t0)) >>"$DIR/start-${names[$k]}.txt"
		done
	done
	declare -A med
	for k in "${names[@]}"; do med[$k]=$(median <"$DIR/start-$k.txt"); done
	echo "== start-up against a bare LMDB program, $n tasks (medians of $RUNS interleaved rounds) =="
	printf "  %-40s %9s ms\n" "process floor (/bin/true)" "$(ms "${med[floor]}")"
	printf "  %-40s %9s ms\n" "reference: LMDB reader, overdue count" "$(ms "${med[ref]}")"
	printf "  %-40s %9s ms\n" "reference: LMDB reader, first 50 rows" "$(ms "${med[refr]}")"
	printf "  %-40s %9s ms\n" "reference: LMDB durable write" "$(ms "${med[refw]}")"
	for k in 4 5; do
		printf "  %-40s %9s ms %6s x reader\n" "${cmds[$k]}" "$(ms "${med[${names[$k]}]}")" \
			"$(ratio "${med[${names[$k]}]}" "${med[ref]}")"
	done
	printf "  %-40s %9s ms %6s x rows\n" "${cmds[6]}" "$(ms "${med[first50]}")" \
		"$(ratio "${med[first50]}" "${med[refr]}")"
	printf "  %-40s %9s ms %6s x write\n" "update (one durable write)" "$(ms "${med[update]}")" \
		"$(ratio "${med[update]}" "${med[refw]}")"
done
