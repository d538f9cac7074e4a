#!/bin/sh
# schema2-upgrade.sh — a store written by the previous release (schema 2,
# tests/data/schema2-store: the demo store at 23/11/2026 with task #12 deleted,
# made by main's binary at 731ba23 together with what that binary printed
# for it) opened by this one: migrated to the current schema at the first command, it
# passes check-store, prints exactly what the previous release printed
# (listing, a task's detail and history, the deleted records), exports the
# same JSON but for the schema number, and the deleted task comes back
# with its updates.  A second store shows that a read-only command migrates
# too and that the migration happens once; a third, that a schema-2 backup
# restores.  Run from the repository root.
set -u
BUILD=${BUILD:-build}
BIN=$BUILD/theodoi
D=tests/data/schema2-store
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "schema2-upgrade: $*" >&2; exit 1; }

mkdir "$dir/store"
cp "$D/data.mdb" "$dir/store/"
chmod u+w "$dir/store/data.mdb"
T="$BIN --config conf/theodoi.ini --store $dir/store --today 2026-11-23"
schema() { python3 -c "import json,sys; print(json.load(sys.stdin)['schema'])"; }
cur=$($BIN --version | sed -n 's/.*lược đồ kho \([0-9]*\).*/\1/p')

$T check-store >/dev/null || fail "check-store after the migration"
$T overdue --format csv >"$dir/overdue.csv" || fail "overdue"
cmp -s "$dir/overdue.csv" "$D/overdue.csv" || fail "overdue differs: $(diff "$D/overdue.csv" "$dir/overdue.csv" | head -5)"
$T show 13 --format json >"$dir/show.json" || fail "show"
cmp -s "$dir/show.json" "$D/show-13.json" || fail "show 13 differs: $(diff "$D/show-13.json" "$dir/show.json" | head -5)"
$T deleted >"$dir/deleted.txt" || fail "deleted"
# (the text writes its times dd/mm/yyyy hh:mm:ss since; the previous release ISO)
sed -E 's#([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9:]{8})#\3/\2/\1 \4#' "$D/deleted.txt" >"$dir/deleted.want"
cmp -s "$dir/deleted.txt" "$dir/deleted.want" ||
	fail "deleted differs: $(diff "$dir/deleted.want" "$dir/deleted.txt" | head -5)"
$T export >"$dir/export.json" || fail "export"
[ "$(schema <"$dir/export.json")" = "$cur" ] || fail "not schema $cur after the migration"
# The export as main's binary made it, but for the schema and the stamp of
# units.ini (its size, time and inode: those of the file in this checkout).
unstamp() { sed 's/"units.stamp":"[^"]*"/"units.stamp":""/'; }
sed 's/^{"format": "theodoi-export", "version": 1, "schema": '"$cur"',$/{"format": "theodoi-export", "version": 1, "schema": 2,/' \
	"$dir/export.json" | unstamp >"$dir/export2.json"
unstamp <"$D/export.json" >"$dir/export-main.json"
cmp -s "$dir/export2.json" "$dir/export-main.json" || fail "export differs: $(diff "$dir/export-main.json" "$dir/export2.json" | head -5)"

# the task deleted under schema 2 (its updates kept the old way) comes back
$T restore-task 12 >/dev/null || fail "restore-task 12"
n=$($T show 12 --format json | python3 -c "import json,sys; print(len(json.load(sys.stdin)['updates']))")
[ "$n" -gt 0 ] || fail "task 12 restored without its updates"
$T check-store >/dev/null || fail "check-store after restoring task 12"
# and the export of the migrated store imports into a new one unchanged
$T export >"$dir/again.json" || fail "export again"
$BIN --config conf/theodoi.ini --store "$dir/copy" import-json "$dir/again.json" >/dev/null ||
	fail "import-json of the migrated export"
$BIN --config conf/theodoi.ini --store "$dir/copy" --today 2026-11-23 check-store >/dev/null ||
	fail "check-store of the imported copy"
$BIN --config conf/theodoi.ini --store "$dir/copy" --today 2026-11-23 show 12 --format json \
	>"$dir/show12b.json" || fail "show 12 in the copy"
$T show 12 --format json | cmp -s - "$dir/show12b.json" || fail "task 12 differs in the copy"

# a read-only command migrates a second copy; the file is written once
mkdir "$dir/store2"
cp "$D/data.mdb" "$dir/store2/"
T2="$BIN --config conf/theodoi.ini --store $dir/store2 --today 2026-11-23"
$T2 overdue --count >/dev/null || fail "overdue --count on the second copy"
$T2 export | schema | grep -qx "$cur" || fail "second copy not migrated"
sum1=$(cksum <"$dir/store2/data.mdb")
$T2 overdue --count >/dev/null || fail "overdue --count again"
[ "$(cksum <"$dir/store2/data.mdb")" = "$sum1" ] || fail "the second command wrote to the store"
# a backup made by the previous release restores: migrated, then checked
$BIN --config conf/theodoi.ini --store "$dir/store3" --today 2026-11-23 restore "$D/data.mdb" \
	>/dev/null 2>"$dir/err" || fail "restore of a schema-2 backup: $(cat "$dir/err")"
$BIN --config conf/theodoi.ini --store "$dir/store3" --today 2026-11-23 overdue --format csv |
	cmp -s - "$D/overdue.csv" || fail "overdue differs after restoring a schema-2 backup"
echo "schema2-upgrade: ok"
