#!/bin/sh
# listings.sh — every listing command in every format prints exactly what
# it printed before the listings were streamed: each command's output on a
# fixed store at a fixed day is compared byte for byte with the files under
# tests/data/listings/ (expected.text, expected.csv, expected.json,
# expected.other), recorded from the code that built each table whole
# before printing it.
#
# The store is tests/data/listings/demo.json (the export of `theodoi demo`
# at 2026-11-23 with the clock-dependent parts fixed: the login is "canbo",
# the units' synchronisation time a fixed one) read in with import-json, so
# that nothing depends on the clock, the login or the demo's later changes.
# LISTINGS_WRITE=1 rewrites the expected files: only for a change of output
# that is meant, and reviewed in the diff.  Run from the repository root.
set -u
BUILD=${BUILD:-build}
BIN=$BUILD/theodoi
DATA=tests/data/listings
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "listings: $*" >&2; exit 1; }
export TZ=UTC0

printf '[paths]\nunits = %s/conf/units.ini\n[users]\n%s = tu-vp, admin\ncanbo = tu-vp, admin\n' \
	"$(pwd)" "$(id -un)" >"$dir/theodoi.ini"
T="$BIN --config $dir/theodoi.ini --store $dir/store --today 2026-11-23"
$T import-json "$DATA/demo.json" >"$dir/said" 2>&1 || fail "import-json: $(cat "$dir/said")"

# run FORMAT ARGS...: the command's output under a heading, into the file
# of the format; a failing command is recorded with its exit status.
run() {
	fmt=$1
	shift
	out=$dir/got.$fmt
	echo "### $*" >>"$out"
	if [ "$fmt" = other ]; then
		$T "$@" >>"$out" 2>&1
	else
		$T "$@" --format "$fmt" >>"$out" 2>&1
	fi
	rc=$?
	[ $rc -eq 0 ] || echo "### exit $rc" >>"$out"
}

# every format of a listing
each() {
	for f in text csv json; do
		run $f "$@"
	done
}

each units
each units --today 2026-06-30
each docs
each docs --unit ttu
each tasks
each tasks --unit tu-btc
each tasks --unit ttu --subtree
each tasks --doc '#2'
each tasks --doc 15-CTr/TU --unit tu --subtree
each tasks --partner tu-vp
each tasks --partner ttu --subtree
each tasks --status hoan-thanh
each tasks --limit 7
each tasks --unit tu --subtree --status dang-thuc-hien --limit 5
each tasks --partner ttu --subtree --limit 3
each tasks --today 2026-06-30 --unit ttu --subtree
each overdue
each overdue --unit tu-bnc
each overdue --unit ttu --subtree
each overdue --unit ttu --subtree --limit 4
each overdue --limit 5
each overdue --today 2026-06-30
each overdue --today 2026-06-30 --unit ttu --subtree --limit 3
each due
each due --within 60
each due --unit ttu --subtree --within 90
each due --unit ttu --within 365
each due --limit 2
each log --user canbo
each log --user canbo --limit 30
each log --user canbo --task 5
each lint
each lint '#2'
each lint --rule no_deadline
each unresolved
each confirm --list --all
each deleted
each indicators
run other overdue --count
run other overdue --unit ttu --count
run other overdue --unit ttu --subtree --count
run other due --within 30 --count
run other overview
# the export, less what import-json added: its own entry of the trail
# (the clock's time, the login of whoever runs the test)
$T export >"$dir/export.json" 2>&1 || fail "export: $(cat "$dir/export.json")"
{
	echo "### export"
	grep -v '"action":"import-json"' "$dir/export.json" |
		sed 's/"units\.stamp":"[^"]*"/"units.stamp":""/'
} >>"$dir/got.other"
# overview names the login running the test
sed -i "s/^Người dùng: $(id -un) —/Người dùng: LOGIN —/" "$dir/got.other"

# a listing that cannot be written stops with a message and a non-zero status
for f in text csv json; do
	if [ -w /dev/full ]; then
		$T tasks --format $f >/dev/full 2>"$dir/err" && fail "tasks --format $f to a full disk succeeds"
		grep -q "không ghi được" "$dir/err" || fail "tasks --format $f to a full disk: $(cat "$dir/err")"
	fi
done

if [ "${LISTINGS_WRITE:-}" = 1 ]; then
	for f in text csv json other; do
		cp "$dir/got.$f" "$DATA/expected.$f"
	done
	echo "listings: expected files rewritten"
	exit 0
fi
bad=0
for f in text csv json other; do
	if ! cmp -s "$DATA/expected.$f" "$dir/got.$f"; then
		echo "listings: $f output differs from $DATA/expected.$f:" >&2
		diff -u "$DATA/expected.$f" "$dir/got.$f" | head -40 >&2
		bad=1
	fi
done
[ $bad -eq 0 ] || exit 1
echo "listings: every listing command and format as recorded: ok"
