#!/bin/sh
# make bench: generate stores of 10k, 100k and 1M tasks (cached in
# $BUILD/bench/N; BENCH_REGEN=1 makes them anew) and time what staff ask
# most, each as a whole process (wall time, median of BENCH_RUNS runs) and
# inside the process (from main() to the end of the command, as reported
# by THEODOI_STATS).  The process floor of this machine (/bin/true) is
# printed for scale: a whole-process time cannot be below it.
#   BENCH_SIZES="10000 100000"   which sizes (default: 10000 100000 1000000)
#   BENCH_SLOW_RUNS=3            runs of the whole-store reports (default 3)
set -u
BUILD=${BUILD:-build}
BIN=$BUILD/theodoi
DIR=$BUILD/bench
RUNS=${BENCH_RUNS:-21}
SIZES=${BENCH_SIZES:-10000 100000 1000000}
TODAY=2026-11-23
# The clock reads $TODAY too: the day measured is the present, answered
# from the counters and indexes, not a past day rebuilt from the journal.
THEODOI_TODAY=$TODAY
export LC_ALL=C.UTF-8 THEODOI_TODAY
mkdir -p "$DIR"

div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

now_us() { echo $(( $(date +%s%N) / 1000 )); }

# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print 0}'; }

# time_cmd LABEL CMD...: median wall ms and in-process ms over RUNS runs
time_cmd() {
	label=$1; shift
	: >"$DIR/wall.txt"; : >"$DIR/in.txt"
	i=0
	while [ $i -lt "$RUNS" ]; do
		t0=$(now_us)
		THEODOI_STATS=1 "$@" >/dev/null 2>"$DIR/stats.txt" || { cat "$DIR/stats.txt"; echo "bench: failed: $*" >&2; return 1; }
		t1=$(now_us)
		echo $((t1 - t0)) >>"$DIR/wall.txt"
		sed -n 's/.*elapsed_us=\([0-9]*\).*/\1/p' "$DIR/stats.txt" >>"$DIR/in.txt"
		i=$((i + 1))
	done
	wall=$(median <"$DIR/wall.txt"); inproc=$(median <"$DIR/in.txt")
	printf "  %-44s %9s ms %9s ms\n" "$label" "$(div "$wall" 1000)" "$(div "$inproc" 1000)"
}

# anon_of LABEL CMD...: the private (anonymous) memory of one run
anon_of() {
	label=$1; shift
	THEODOI_STATS=1 "$@" >/dev/null 2>"$DIR/stats.txt" || { cat "$DIR/stats.txt"; echo "bench: failed: $*" >&2; return 1; }
	anon=$(sed -n 's/.*anon_kb=\([0-9]*\).*/\1/p' "$DIR/stats.txt")
	printf "  %-44s %9s MiB\n" "$label" "$(div "${anon:-0}" 1024)"
}

floor() {
	: >"$DIR/wall.txt"
	i=0
	while [ $i -lt "$RUNS" ]; do
		t0=$(now_us); /bin/true; t1=$(now_us)
		echo $((t1 - t0)) >>"$DIR/wall.txt"; i=$((i + 1))
	done
	median <"$DIR/wall.txt"
}

echo "theodoi benchmark — $(nproc) cores, $(date -u +%Y-%m-%d), today=$TODAY"
printf "process floor (/bin/true): %s ms\n\n" "$(div "$(floor)" 1000)"

for n in $SIZES; do
	d="$DIR/$n"
	if [ ! -f "$d/.done" ] || [ -n "${BENCH_REGEN:-}" ]; then
		rm -rf "$d"
		echo "generating $n tasks in $d ..."
		t0=$(now_us)
		"$BIN" --today $TODAY gen --tasks "$n" "$d" >/dev/null 2>"$DIR/gen.log" || { cat "$DIR/gen.log"; exit 1; }
		t1=$(now_us)
		echo "  generated in $(( (t1 - t0) / 1000000 )) s"
		touch "$d/.done"
	fi
	T="$BIN --config $d/theodoi.ini --today $TODAY"
	district=$(grep -m1 -o '^\[p01-d01\]' "$d/units.ini" | tr -d '[]')
	district=${district:-p01}
	task=$($T overdue --limit 1 --format csv | sed -n '2s/,.*//p')
	echo "== $n tasks =="
	printf "  %-44s %12s %12s\n" "" "process" "in-process"
	time_cmd "overdue --count (whole store)" $T overdue --count
	echo "    = $($T overdue --count) overdue"
	time_cmd "overdue --count --unit $district --subtree" $T overdue --count --unit "$district" --subtree
	# Without --subtree the count needs the unit tree (its children): read
	# in place from the store's image, it should cost next to nothing.
	sub_in=$inproc
	time_cmd "overdue --count --unit $district (the tree)" $T overdue --count --unit "$district"
	printf "  %-44s %22s ms\n" "  the tree + children's counts (in-process)" "$(div $((inproc - sub_in)) 1000)"
	time_cmd "overdue --limit 50 (first 50 rows)" $T overdue --limit 50
	time_cmd "tasks --partner $district --subtree" \
		$T tasks --partner "$district" --subtree --format csv
	time_cmd "due --within 14 --count" $T due --within 14 --count
	time_cmd "update (one durable write)" $T update "$task" --note "bench"
	# The report of a past year is rebuilt from the journal (history.h):
	# it must stay within 2x the report of the present year.
	year=${TODAY%%-*}
	RUNS_ALL=$RUNS; RUNS=${BENCH_SLOW_RUNS:-3}
	time_cmd "report --period $year --format csv (present)" $T report --period "$year" --format csv
	now_ms=$wall
	time_cmd "report --period $((year - 1)) --format csv (past year)" $T report --period "$((year - 1))" --format csv
	printf "  %-44s %9s x\n" "past year / present year (goal: <= 2)" "$(div "$wall" "$now_ms")"
	time_cmd "summary (present)" $T summary
	time_cmd "summary --today $((year - 1))-12-31 (past day)" $T summary --today "$((year - 1))-12-31"
	# Listings stream (goal at 1M: all overdue rows as CSV within SQLite's
	# 0.79 s; tasks and export in at most 32 MiB of private memory).
	time_cmd "overdue --format csv (every row)" $T overdue --format csv
	anon_of "private memory, overdue --format csv" $T overdue --format csv
	time_cmd "tasks --format csv (whole store)" $T tasks --format csv
	anon_of "private memory, tasks --format csv" $T tasks --format csv
	time_cmd "export (whole store)" $T export
	anon_of "private memory, export" $T export
	RUNS=$RUNS_ALL
	THEODOI_STATS=1 $T overdue --limit 50 >/dev/null 2>"$DIR/stats.txt"
	rss=$(sed -n 's/.*rss_kb=\([0-9]*\).*/\1/p' "$DIR/stats.txt")
	anon=$(sed -n 's/.*anon_kb=\([0-9]*\).*/\1/p' "$DIR/stats.txt")
	size=$(du -k "$d/store/data.mdb" | cut -f1)
	printf "  %-44s %9s MiB\n" "store size" "$(div "$size" 1024)"
	# page faults of the first rows beyond those of the first one: the
	# pages a listing's rows touch (GNU time)
	if [ -x /usr/bin/time ]; then
		f1=$( { /usr/bin/time -f "%R" $T overdue --limit 1 >/dev/null; } 2>&1 | tail -n 1)
		f50=$( { /usr/bin/time -f "%R" $T overdue --limit 50 >/dev/null; } 2>&1 | tail -n 1)
		printf "  %-44s %9s\n" "page faults, overdue --limit 50 less --limit 1" "$((f50 - f1))"
	fi
	# bytes of pages per record (mdb_stat, lmdb-utils): pages in use less
	# the journal (an update's bytes) and the databases that do not grow
	# with the tasks (units, documents, audit ...), per task: its record,
	# dictionary strings, index entries and counters.  (The pages of
	# sorted duplicates are not in their database's own figures, hence
	# the subtraction.)
	if command -v mdb_stat >/dev/null 2>&1; then
		mdb_stat -efa "$d/store" | awk -v n="$n" '
			/Number of pages used:/ { used = $5 }
			/Free pages:/ { free = $3 }
			/^Status of / { db = $3 }
			/Branch pages:|Leaf pages:|Overflow pages:/ { pages[db] += $3 }
			/Entries:/ { if (db == "journal") upd = $2 }
			END {
				inuse = used - free
				fixed = pages["units"] + pages["unit_code"] + pages["docs"] + pages["doc_number"]
				fixed += pages["doc_issuer"] + pages["audit"] + pages["meta"] + pages["Main"] + pages["trash"]
				fixed += pages["extensions"] + pages["ext_task"] + pages["indicators"] + pages["ind_doc"]
				fixed += pages["measures"] + pages["meas_ind"] + pages["unitsnap"]
				printf "  %-44s %9.1f MiB\n", "pages in use (store size less free pages)", inuse * 4096 / 1048576
				printf "  %-44s %9.1f B\n", "bytes per task (record, strings, indexes)", (inuse - fixed - pages["journal"]) * 4096 / n
				printf "  %-44s %9.1f B\n", "  of which the rows beside the due index", pages["due_rows"] * 4096 / n
				if (upd) printf "  %-44s %9.1f B\n", "bytes per update (journal)", pages["journal"] * 4096 / upd
			}'
	else
		echo "  (bytes per task and per update: mdb_stat missing, make deps installs lmdb-utils)"
	fi
	printf "  %-44s %9s MiB\n" "private (anonymous) memory, overdue --limit 50" "$(div "$anon" 1024)"
	printf "  %-44s %9s MiB\n" "RSS (counts shared page cache of the map)" "$(div "$rss" 1024)"
	if [ -f tests/tui/bench-startup.sh ]; then
		printf "  %-44s " "TUI start-up to first frame"
		BUILD=$BUILD sh tests/tui/bench-startup.sh "$d/store" "$d/theodoi.ini" 5 2>&1 | sed -n 's/^tui-startup: //p' | head -n 1
	fi
	if [ -f tests/tui/bench-keys.sh ]; then
		printf "  %-44s " "TUI key to frame, 80x24 (gen's user root)"
		BUILD=$BUILD sh tests/tui/bench-keys.sh "$d/store" "$d/theodoi.ini" 2>&1 | sed -n 's/^tui-keys: //p' | head -n 1
	fi
done

# Loading a national hierarchy: a units.ini of 150,000 units, read and
# checked, and synchronised into a store (touched before every run, so the
# stamp differs and the whole file is loaded).
d="$DIR/units150k"
if [ ! -f "$d/.done" ] || [ -n "${BENCH_REGEN:-}" ]; then
	rm -rf "$d"
	"$BIN" --today $TODAY gen --tasks 1 --units 150000 "$d" >/dev/null 2>"$DIR/gen.log" || { cat "$DIR/gen.log"; exit 1; }
	touch "$d/.done"
fi
echo "== hierarchy =="
time_cmd "load of a $(grep -c '^\[' "$d/units.ini")-unit units.ini" \
	sh -c 'touch "$1/units.ini" && exec "$2" --config "$1/theodoi.ini" --today "$3" overdue --count' \
	- "$d" "$BIN" "$TODAY"

# Bytes the screen sends per cursor move at 80x24 (demo store, script(1)).
if [ -f tests/tui/bench-bytes.sh ] && command -v tmux >/dev/null 2>&1 &&
	command -v script >/dev/null 2>&1; then
	echo "== screen: bytes per cursor move at 80x24 (demo store) =="
	BUILD=$BUILD sh tests/tui/bench-bytes.sh 2>&1 | sed -n 's/^tui-bytes: /  /p'
fi

# Import throughput: the sample-sized plans of the tests, parsed (dry run).
plans=$(ls tests/data/import/*.txt 2>/dev/null)
if [ -n "$plans" ]; then
	echo "== import (dry run) =="
	bytes=$(cat $plans | wc -c)
	count=$(echo "$plans" | wc -w)
	mkdir -p "$DIR/import" && rm -rf "$DIR/import/store"
	"$BIN" --config conf/theodoi.ini --store "$DIR/import/store" --today $TODAY demo >/dev/null
	time_cmd "import --dry-run of $count plans ($bytes bytes)" \
		"$BIN" --config conf/theodoi.ini --store "$DIR/import/store" --today $TODAY import --dry-run $plans
fi

# Import per format: each shape of the sample plans, whole process (the
# helper theodoi-extract included for Word, OpenDocument and PDF files).
# Target: a 10-page .docx or .pdf in 50 ms or less.
if [ -d ../shared/samples ] && [ -x "$BUILD/theodoi-extract" ]; then
	echo "== import per format (dry run, whole process) =="
	mkdir -p "$DIR/import" && rm -rf "$DIR/import/fmt"
	"$BIN" --config conf/theodoi.ini --store "$DIR/import/fmt" --today $TODAY demo >/dev/null
	for f in ../shared/samples/*.txt ../shared/samples/*.docx ../shared/samples/*.odt \
	         ../shared/samples/*.doc ../shared/samples/*.pdf; do
		[ -f "$f" ] || continue
		pages=""
		case $f in *.pdf) pages=" ($(pdfinfo "$f" 2>/dev/null | sed -n 's/^Pages: *//p') pages)";; esac
		time_cmd "$(basename "$f")$pages" \
			"$BIN" --config conf/theodoi.ini --store "$DIR/import/fmt" --today $TODAY import --dry-run "$f"
	done
fi

# Start-up: the hot commands against a bare LMDB program, same stores.
BUILD=$BUILD BENCH_SIZES="$SIZES" BENCH_RUNS=$RUNS THEODOI_TODAY=$TODAY bash tests/bench-start.sh

# Concurrent writers: updates committed per second with 1, 4 and 16 writers.
BUILD=$BUILD sh tests/bench-writers.sh
