#!/bin/sh
# start-libs.sh — the commands staff run most start without the libraries
# only the screen needs (ncursesw, tinfo: the module theodoi-ui.so) and
# without loading jansson, iniparser or libunistring at run time (linked
# from their static archives): the dynamic loader's own account
# (LD_DEBUG=libs) of what it initialises, for a count, the first rows as
# text and as JSON, one update, the unit tree and a task's detail, on the
# demo store.  Then the screen's module is where the program looks for it.
# Run from the repository root:
#   sh tests/sh/start-libs.sh
set -u
BUILD=${BUILD:-build}
BIN=$BUILD/theodoi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "start-libs: FAIL: $*" >&2; exit 1; }

[ -x "$BIN" ] || fail "no binary at $BIN (run make)"
T="$BIN --config conf/theodoi.ini --store $dir/store --today 2026-11-23"
$T demo >/dev/null 2>"$dir/err" || fail "demo: $(cat "$dir/err")"
task=$($T overdue --limit 1 --format csv | sed -n '2s/,.*//p')
[ -n "$task" ] || fail "no overdue task in the demo store"

# libs CMD...: the objects the loader initialised running CMD
libs() {
	LD_DEBUG=libs "$@" >/dev/null 2>"$dir/ld" || { cat "$dir/ld" >&2; fail "$* failed"; }
	sed -n 's/.*calling init: //p' "$dir/ld"
}
for cmd in "overdue --count" "due --within 14 --count" "overdue --limit 50" \
	"overdue --limit 50 --format json" "update $task --note start-libs" "units" "show $task"; do
	loaded=$(libs $T $cmd)
	# the account is there at all: the store's engine is always named
	echo "$loaded" | grep -q 'liblmdb' || fail "$cmd: no loader account of liblmdb: $loaded"
	for lib in libncursesw libtinfo libjansson libiniparser libunistring; do
		echo "$loaded" | grep -q "$lib" && fail "$cmd loads $lib"
	done
done
# the update was written, through the program's own JSON code
$T show "$task" | grep -q "start-libs" || fail "the update's note is not in the task"

# The module is beside the program in a build tree, with ncursesw as its own.
[ -f "$BUILD/theodoi-ui.so" ] || fail "no $BUILD/theodoi-ui.so"
ldd "$BUILD/theodoi-ui.so" | grep -q libncursesw || fail "theodoi-ui.so does not link ncursesw"
# The setgid program and its module bind every symbol at start and keep
# their GOT read-only (full RELRO): lazy binding would leave it writable.
if command -v readelf >/dev/null 2>&1; then
	for f in "$BIN" "$BUILD/theodoi-ui.so"; do
		readelf -d "$f" | grep -q 'BIND_NOW' || fail "$f is not linked -z now"
		readelf -lW "$f" | grep -q 'GNU_RELRO' || fail "$f has no RELRO segment"
	done
fi

# Without the module (a copy of the program alone): the commands work, and
# the screen says which file it lacks, with a non-zero status.
cp "$BIN" "$dir/theodoi" || fail "copy"
C="$dir/theodoi --config conf/theodoi.ini --store $dir/store --today 2026-11-23"
$C overdue --count >/dev/null || fail "a command needs the screen's module"
if [ -e /usr/local/libexec/theodoi/theodoi-ui.so ]; then
	echo "start-libs: an installed theodoi-ui.so is there: the missing module is not tried"
elif command -v script >/dev/null 2>&1; then
	printf q | TERM=xterm LANG=C.UTF-8 timeout 20 script -qec "$C" "$dir/typescript" >/dev/null 2>&1 &&
		fail "the screen without its module exited 0"
	grep -q "theodoi-ui.so" "$dir/typescript" || fail "the screen without its module: $(cat "$dir/typescript")"
fi

echo "start-libs: commands without curses, jansson, iniparser, libunistring at run time: ok"
