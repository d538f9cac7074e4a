#!/bin/sh
# make bench: generate stores of 10k, 100k and 1M tasks (cached in
# $BUILD/bench/N; BENCH_REGEN=1 makes them anew), load the same records
# into SQLite from `theodoi export` (tests/bench/sqlite-load.py: the schema
# an expert would use, partial indexes on the open tasks by due day and a
# precomputed ancestor table for subtrees), and ask both the questions
# staff ask most.  Every row is whole processes run in turn — /bin/true,
# theodoi, SQLite, /bin/true, theodoi, SQLite... (tests/bench/runs.py) —
# and shows the medians: theodoi, theodoi inside the process (from main()
# to the end of the command, as THEODOI_STATS reports it), SQLite, the
# ratio theodoi / SQLite and the process floor (/bin/true) of the same
# rounds, below which no whole-process figure can go.
#   BENCH_SIZES="10000 100000"   which sizes (default: 10000 100000 1000000)
#   BENCH_RUNS=15                rounds of each row (default 15)
#   BENCH_SLOW_RUNS=3            rounds of the whole-store listings (default 3)
# Every row also goes, tab-separated, to $BUILD/bench/results.tsv, from
# which `make bench-readme` (tests/bench/readme-table.py) writes README.md's
# table.
set -u
BUILD=${BUILD:-build}
BIN=$BUILD/theodoi
DIR=$BUILD/bench
RUNS=${BENCH_RUNS:-15}
SIZES=${BENCH_SIZES:-10000 100000 1000000}
TODAY=2026-11-23
# Dates in the SQLite file are integers YYYYMMDD.
TODAY_N=$(echo $TODAY | tr -d -)
SOON_N=$(date -u -d "$TODAY + 14 days" +%Y%m%d)
# The clock reads $TODAY too: the day measured is the present, answered
# from the counters and indexes, not a past day rebuilt from the journal.
THEODOI_TODAY=$TODAY
export LC_ALL=C.UTF-8 THEODOI_TODAY
mkdir -p "$DIR"
RUNPY="python3 tests/bench/runs.py"
RESULTS=$DIR/results.tsv
SECTION=""
: >"$RESULTS"

# record KIND LABEL VALUE...: a row of results.tsv, under $SECTION
record() {
	printf '%s' "$SECTION" >>"$RESULTS"
	for v in "$@"; do printf '\t%s' "$v" >>"$RESULTS"; done
	echo >>"$RESULTS"
}

div() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "-"; else printf "%.2f", a / b }'; }

now_us() { echo $(( $(date +%s%N) / 1000 )); }

# row LABEL THEODOI_MS IN_MS SQLITE_MS FLOOR_MS: one line of the table
row() {
	ratio=""
	[ "$4" != "" ] && ratio="$(div "$2" "$4")x"
	printf "  %-46s %9s %9s %9s %8s %7s\n" "$1" "$2" "$3" "$4" "$ratio" "$5"
	record time "$@"
}

# header [alone]: the columns of the rows below (alone: theodoi only)
header() {
	if [ "${1:-}" = alone ]; then
		printf "  %-46s %9s %9s %9s %8s %7s\n" "(ms, median of $RUNS rounds)" "theodoi" "in-proc" "" "" "floor"
	else
		printf "  %-46s %9s %9s %9s %8s %7s\n" "(ms, median of $RUNS rounds)" "theodoi" "in-proc" "SQLite" "ratio" "floor"
	fi
}

# failed LABEL: the row of a measure that could not be made, with the
# command's first error line and what runs.py or peakmem said (both in
# $DIR/err.txt): never an empty row
failed() {
	why=$(sed '/^$/d' "$DIR/err.txt" | tail -n 1)
	first=$(sed '/^$/d; /^stats: /d' "$DIR/err.txt" | head -n 1)
	[ "$first" = "$why" ] || why="$first — $why"
	printf "  %-46s FAILED: %s\n" "$1" "${why:-no reason given}"
	record text "$1" "FAILED: ${why:-no reason given}"
	return 1
}

# time_cmd LABEL CMD...: a theodoi command alone, interleaved with the floor
time_cmd() {
	label=$1; shift
	wall=""; inproc=""
	out=$(THEODOI_STATS=1 $RUNPY time "$RUNS" /bin/true -- "$@" 2>"$DIR/err.txt") || { failed "$label"; return 1; }
	set -- $out
	wall=$3; inproc=$4
	row "$label" "$3" "$4" "" "$1"
}

# anon_of LABEL CMD...: the private (anonymous) memory of one run
anon_of() {
	label=$1; shift
	THEODOI_STATS=1 "$@" >/dev/null 2>"$DIR/stats.txt" || { cat "$DIR/stats.txt"; echo "bench: failed: $*" >&2; return 1; }
	anon=$(sed -n 's/.*anon_kb=\([0-9]*\).*/\1/p' "$DIR/stats.txt")
	printf "  %-44s %9s MiB\n" "$label" "$(div "${anon:-0}" 1024)"
}

# compare LABEL SQL CMD...: theodoi's CMD and the same question put to the
# SQLite file $DB as SQL, interleaved with the floor
compare() {
	label=$1; sql=$2; shift 2
	wall=""; inproc=""
	out=$(THEODOI_STATS=1 $RUNPY time "$RUNS" /bin/true -- "$@" -- sqlite3 -csv -header "$DB" "$sql" \
		2>"$DIR/err.txt") || { failed "$label"; return 1; }
	set -- $out
	wall=$3; inproc=$4
	row "$label" "$3" "$4" "$5" "$1"
}

# compare_mem LABEL SQL CMD...: the peak RSS and private memory of both
# (tests/bench/peakmem.c), in MiB
compare_mem() {
	label=$1; sql=$2; shift 2
	a=$("$BUILD/bench/peakmem" "$@" 2>"$DIR/err.txt") &&
		b=$("$BUILD/bench/peakmem" sqlite3 -csv -header "$DB" "$sql" 2>"$DIR/err.txt") || { failed "$label"; return 1; }
	set -- $a $b
	printf "  %-46s %9s %9s %9s %9s\n" "$label" "$(div "$1" 1024)" "$(div "$2" 1024)" \
		"$(div "$3" 1024)" "$(div "$4" 1024)"
	record mem "$label" "$(div "$1" 1024)" "$(div "$2" 1024)" "$(div "$3" 1024)" "$(div "$4" 1024)"
}

# size_row LABEL THEODOI SQLITE
size_row() {
	printf "  %-46s %9s %9s %9s %8s\n" "$1" "$2" "" "$3" "$(div "$2" "$3")x"
	record size "$@"
}

# The columns of a task row in CSV, as theodoi writes them: the SQLite side
# computes the same fields (dates back to YYYY-MM-DD, days late, the
# timeliness of the simple cases) so both do the same work per row.
ISO="printf('%04d-%02d-%02d', t.due / 10000, t.due / 100 % 100, t.due % 100)"
LATE="CAST(julianday('$TODAY') - julianday($ISO) AS INTEGER)"
ROW_SQL="SELECT t.id, d.number AS doc_number, t.section, u.code AS lead_code, u.name AS lead_name,
 t.text, t.dl_phrase AS deadline_phrase, $ISO AS due, s.key AS status, s.label AS status_label, t.progress,
 CASE WHEN t.status = 2 THEN (CASE WHEN t.done_date <= t.due THEN 'done_on_time' ELSE 'done_late' END)
  WHEN t.status = 3 THEN 'on_hold' WHEN t.due IS NULL THEN 'undated' WHEN t.due < $TODAY_N THEN 'overdue'
  WHEN t.due <= $SOON_N THEN 'due_soon' ELSE 'on_track' END AS timeliness,
 CASE WHEN t.status <= 1 AND t.due < $TODAY_N THEN 'quá hạn ' || $LATE || ' ngày' ELSE '' END AS timeliness_label,
 CASE WHEN t.status <= 1 AND t.due < $TODAY_N THEN $LATE END AS days_overdue,
 t.doc_id
 FROM tasks t JOIN docs d ON d.id = t.doc_id LEFT JOIN units u ON u.id = t.lead JOIN statuses s ON s.code = t.status"
OPEN_LATE="t.status <= 1 AND t.due < $TODAY_N"

SQLITE="SQLite $(sqlite3 --version | cut -d' ' -f1)"
echo "theodoi benchmark — $(nproc) cores, $(date -u +%Y-%m-%d), today=$TODAY, $SQLITE"
record run "$(nproc)" "$(date -u +%Y-%m-%d)" "$SQLITE" "$RUNS" "${BENCH_SLOW_RUNS:-3}"

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
	DB="$d/sqlite.db"
	if [ ! -f "$d/.sqlite-done" ] || [ "$d/.done" -nt "$d/.sqlite-done" ]; then
		echo "loading the export of $n tasks into SQLite ($DB) ..."
		t0=$(now_us)
		$T export | python3 tests/bench/sqlite-load.py "$DB" >"$DIR/load.log" 2>&1 || { cat "$DIR/load.log"; exit 1; }
		t1=$(now_us)
		echo "  loaded in $(( (t1 - t0) / 1000000 )) s: $(cat "$DIR/load.log")"
		touch "$d/.sqlite-done"
	fi
	district=$(grep -m1 -o '^\[p01-d01\]' "$d/units.ini" | tr -d '[]')
	district=${district:-p01}
	task=$($T overdue --limit 1 --format csv | sed -n '2s/,.*//p')
	units=$(grep -c '^\[' "$d/units.ini")
	echo "== $n tasks, $units units =="
	SECTION="$n tasks"
	record tasks "$n" "$units"
	# Both answer the same question: the counts must agree.
	for q in "overdue --count|SELECT count(*) FROM tasks t WHERE $OPEN_LATE" \
		"overdue --count --unit $district --subtree|SELECT count(*) FROM unit_tree a JOIN tasks t ON t.lead = a.unit AND $OPEN_LATE WHERE a.ancestor = (SELECT id FROM units WHERE code = '$district')" \
		"due --within 14 --count|SELECT count(*) FROM tasks t WHERE t.status <= 1 AND t.due BETWEEN $TODAY_N AND $SOON_N"; do
		a=$($T ${q%%|*}); b=$(sqlite3 "$DB" "${q#*|}")
		echo "  ${q%%|*}: theodoi $a, SQLite $b"
		[ "$a" = "$b" ] || echo "  WARNING: the two disagree: the comparison below is not of the same question"
		record answer "${q%%|*}" "$a" "$b"
	done
	header
	compare "overdue --count (whole store)" "SELECT count(*) FROM tasks t WHERE $OPEN_LATE" \
		$T overdue --count
	compare "overdue --count --unit $district --subtree" \
		"SELECT count(*) FROM unit_tree a JOIN tasks t ON t.lead = a.unit AND $OPEN_LATE WHERE a.ancestor = (SELECT id FROM units WHERE code = '$district')" \
		$T overdue --count --unit "$district" --subtree
	# Without --subtree the count needs the unit tree (its children): read
	# in place from the store's image, it should cost next to nothing.
	sub_in=$inproc
	time_cmd "overdue --count --unit $district (the tree)" $T overdue --count --unit "$district"
	printf "  %-46s %9s\n" "  the tree + children's counts (in-process)" \
		"$(awk -v a="$inproc" -v b="$sub_in" 'BEGIN { printf "%.2f", a - b }')"
	compare "overdue --limit 50 (first 50 rows)" \
		"SELECT t.id, d.number, t.section, u.name, $ISO, $LATE, t.progress, substr(t.text, 1, 60) FROM tasks t JOIN docs d ON d.id = t.doc_id LEFT JOIN units u ON u.id = t.lead WHERE $OPEN_LATE ORDER BY t.due, t.id LIMIT 50" \
		$T overdue --limit 50
	time_cmd "tasks --partner $district --subtree" \
		$T tasks --partner "$district" --subtree --format csv
	compare "due --within 14 --count" \
		"SELECT count(*) FROM tasks t WHERE t.status <= 1 AND t.due BETWEEN $TODAY_N AND $SOON_N" \
		$T due --within 14 --count
	# One durable commit each: the update, the task's new state, the audit
	# entry (WAL, synchronous = FULL: fsync at every commit).
	UPDATE_SQL="PRAGMA synchronous = FULL; BEGIN IMMEDIATE;
 INSERT INTO updates (task_id, time, day, login, note) VALUES ($task, unixepoch(), $TODAY_N, 'bench', 'bench');
 UPDATE tasks SET last_update = $TODAY_N, nupdates = nupdates + 1 WHERE id = $task;
 INSERT INTO audit (time, login, role, action, object, after) VALUES (unixepoch(), 'bench', 'admin', 'task.update', 'task:$task', '{\"note\":\"bench\"}');
 COMMIT;"
	compare "update (one durable write)" "$UPDATE_SQL" $T update "$task" --note "bench"
	RUNS_ALL=$RUNS; RUNS=${BENCH_SLOW_RUNS:-3}
	compare "overdue --format csv (all overdue rows)" "$ROW_SQL WHERE $OPEN_LATE ORDER BY t.due, t.id" \
		$T overdue --format csv
	compare "tasks --format csv (the whole store)" "$ROW_SQL ORDER BY t.id" $T tasks --format csv
	# The report of a past year is rebuilt from the journal (history.h):
	# it must stay within 2x the report of the present year.
	year=${TODAY%%-*}
	time_cmd "report --period $year --format csv (present)" $T report --period "$year" --format csv
	now_ms=$wall
	time_cmd "report --period $((year - 1)) --format csv (past year)" $T report --period "$((year - 1))" --format csv
	printf "  %-46s %8sx\n" "past year / present year (goal: <= 2)" "$(div "$wall" "$now_ms")"
	record text "past year / present year (goal: <= 2)" "$(div "$wall" "$now_ms")x"
	time_cmd "summary (present)" $T summary
	time_cmd "summary --today $((year - 1))-12-31 (past day)" $T summary --today "$((year - 1))-12-31"
	# Listings stream (goal at 1M: tasks and export in at most 32 MiB of
	# private memory; the CSV rows are compared with SQLite above).
	time_cmd "export (whole store)" $T export
	anon_of "private memory, export" $T export
	RUNS=$RUNS_ALL
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
	if [ -f tests/tui/bench-startup.sh ]; then
		printf "  %-46s " "TUI start-up to first frame"
		out=$(BUILD=$BUILD sh tests/tui/bench-startup.sh "$d/store" "$d/theodoi.ini" 5 2>&1)
		echo "$out" | grep -q '^tui-startup: ' || out="tui-startup: FAILED: $(echo "$out" | tail -n 1)"
		out=$(echo "$out" | sed -n 's/^tui-startup: //p' | head -n 1 | sed 's/, [^,]*)$/)/')
		echo "$out"
		record text "TUI start-up to first frame (in tmux)" "$out"
	fi
	if [ -f tests/tui/bench-keys.sh ]; then
		printf "  %-44s " "TUI key to frame, 80x24 (gen's user root)"
		BUILD=$BUILD sh tests/tui/bench-keys.sh "$d/store" "$d/theodoi.ini" 2>&1 | sed -n 's/^tui-keys: //p' | head -n 1
	fi

	echo "  -- memory, MiB: peak RSS (counts the pages of the store read) and private (anonymous)"
	printf "  %-46s %9s %9s %9s %9s\n" "" "theodoi" "private" "SQLite" "private"
	compare_mem "overdue --count (whole store)" "SELECT count(*) FROM tasks t WHERE $OPEN_LATE" $T overdue --count
	compare_mem "overdue --limit 50 (first 50 rows)" \
		"SELECT t.id, d.number, t.section, u.name, $ISO, $LATE, t.progress, substr(t.text, 1, 60) FROM tasks t JOIN docs d ON d.id = t.doc_id LEFT JOIN units u ON u.id = t.lead WHERE $OPEN_LATE ORDER BY t.due, t.id LIMIT 50" \
		$T overdue --limit 50
	compare_mem "update (one durable write)" "$UPDATE_SQL" $T update "$task" --note "bench"
	compare_mem "overdue --format csv (all overdue rows)" "$ROW_SQL WHERE $OPEN_LATE ORDER BY t.due, t.id" \
		$T overdue --format csv
	compare_mem "tasks --format csv (the whole store)" "$ROW_SQL ORDER BY t.id" $T tasks --format csv

	# Size: the files as the disk holds them; per update, the pages of the
	# updates table and its index (mdb_stat, SQLite's dbstat) over their count.
	echo "  -- size"
	tasks=$(sqlite3 "$DB" "SELECT count(*) FROM tasks")
	nupd=$(sqlite3 "$DB" "SELECT count(*) FROM updates")
	size=$(du -k "$d/store/data.mdb" | cut -f1)
	ssize=$(cat "$DB" "$DB-wal" 2>/dev/null | wc -c)
	lupd=$(mdb_stat -a "$d/store" | awk '/^Status of / { db = $3 } /pages:/ && (db == "journal" || db == "updates" || db ~ /^upd/) { p += $NF } END { print p * 4096 }')
	supd=$(sqlite3 "$DB" "SELECT sum(pgsize) FROM dbstat WHERE name IN ('updates', 'updates_task')")
	printf "  %-46s %9s %9s %9s %8s\n" "" "theodoi" "" "SQLite" "ratio"
	size_row "store size, MiB" "$(div "$size" 1024)" "$(div "$ssize" 1048576)"
	size_row "bytes per task (whole store / tasks)" "$((size * 1024 / tasks))" "$((ssize / tasks))"
	size_row "bytes per update (table and index / updates)" "$((lupd / nupd))" "$((supd / nupd))"
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
SECTION="hierarchy"
header alone
time_cmd "load of a $(grep -c '^\[' "$d/units.ini")-unit units.ini" \
	sh -c 'touch "$1/units.ini" && exec "$2" --config "$1/theodoi.ini" --today "$3" overdue --count' \
	- "$d" "$BIN" "$TODAY"

# Bytes the screen sends per cursor move at 80x24 (demo store, script(1)).
if [ -f tests/tui/bench-bytes.sh ] && command -v tmux >/dev/null 2>&1 &&
	command -v script >/dev/null 2>&1; then
	echo "== screen: bytes per cursor move at 80x24 (demo store) =="
	SECTION="screen"
	out=$(BUILD=$BUILD sh tests/tui/bench-bytes.sh 2>&1)
	rc=$?
	echo "$out" | sed -n 's/^tui-bytes: /  /p'
	echo "$out" | sed -n 's/^tui-bytes: \([a-z]*\) \(.*\)/\1\t\2/p' | while IFS="$(printf '\t')" read -r k v; do
		record text "$k" "$v"
	done
	why=$(echo "$out" | grep -m 1 '^FAIL ' || echo "$out" | sed '/^$/d' | tail -n 1)
	[ "$rc" -eq 0 ] && echo "$out" | grep -q '^tui-bytes: ' || echo "  FAILED: ${why:-no output}"
fi

# Import throughput: the sample-sized plans of the tests, parsed (dry run).
plans=$(ls tests/data/import/*.txt 2>/dev/null)
if [ -n "$plans" ]; then
	echo "== import (dry run) =="
	SECTION="import"
	header alone
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
	SECTION="import per format"
	header alone
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
else
	echo "== import per format: FAILED: no ../shared/samples or no $BUILD/theodoi-extract =="
fi

# Start-up: the hot commands against a bare LMDB program, same stores.
BUILD=$BUILD BENCH_SIZES="$SIZES" BENCH_RUNS=$RUNS THEODOI_TODAY=$TODAY bash tests/bench-start.sh

# Concurrent writers: updates committed per second with 1, 4 and 16 writers.
SECTION="writers"
BUILD=$BUILD sh tests/bench-writers.sh >"$DIR/writers.txt"
status=$?
cat "$DIR/writers.txt"
grep '^  [0-9]' "$DIR/writers.txt" | while read -r w p rest; do
	record text "$w" "$p as processes, $rest in-process"
done
exit $status
