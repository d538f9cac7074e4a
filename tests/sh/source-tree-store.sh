#!/bin/sh
# source-tree-store.sh — in the source tree, the shipped configuration
# (conf/theodoi.ini) puts the store under build/ (build/demo/store, the
# store of `make run`), never beside itself in conf/: `theodoi demo` and
# the commands after it, without --store, leave conf/ as it was, so that
# `git status` stays clean.  Run on a copy of conf/ in a scratch tree;
# run from the repository root:
#   sh tests/sh/source-tree-store.sh
set -u
BUILD=${BUILD:-build}
BIN=$(pwd)/$BUILD/theodoi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "source-tree-store: FAIL: $*" >&2; exit 1; }

[ -x "$BIN" ] || fail "no binary at $BIN (run make)"
mkdir -p "$dir/conf" "$dir/build" || fail "mkdir"
cp conf/theodoi.ini conf/units.ini "$dir/conf/" || fail "cannot copy conf/"
before=$(ls -A "$dir/conf")
(cd "$dir" && "$BIN" --config conf/theodoi.ini --today 2026-11-23 demo >/dev/null 2>"$dir/err") ||
	fail "demo: $(cat "$dir/err")"
[ -f "$dir/build/demo/store/data.mdb" ] || fail "the demo store is not under build/demo/store"
[ "$(ls -A "$dir/conf")" = "$before" ] || fail "demo wrote into conf/: $(ls -A "$dir/conf")"
# the same store, from another directory too (the path is the file's, not the cwd's)
n=$(cd / && "$BIN" --config "$dir/conf/theodoi.ini" --today 2026-11-23 overdue --count) ||
	fail "overdue from /: $n"
[ "$n" -gt 0 ] 2>/dev/null || fail "overdue from /: '$n', not the demo store"
[ "$(ls -A "$dir/conf")" = "$before" ] || fail "a command wrote into conf/: $(ls -A "$dir/conf")"
echo "source-tree-store: the store is build/demo/store, conf/ untouched: ok"
