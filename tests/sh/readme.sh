#!/bin/sh
# readme.sh — the examples of README.md are what the program prints: every
# block between <!-- demo: ... --> and <!-- /demo --> (a command's output,
# or the screen at 80x24 in tmux) is made again on a demo store at the demo
# day and compared with the README (tests/readme-blocks.py; `make readme`
# rewrites them).  Run from the repository root:
#   sh tests/sh/readme.sh
set -u
BUILD=${BUILD:-build}
export BUILD
command -v python3 >/dev/null 2>&1 || { echo "readme: FAIL: python3 is not installed" >&2; exit 1; }
command -v tmux >/dev/null 2>&1 || { echo "readme: FAIL: tmux is not installed" >&2; exit 1; }
grep -q '^<!-- demo: ' README.md || { echo "readme: FAIL: README.md has no demo blocks" >&2; exit 1; }
python3 tests/readme-blocks.py check README.md
[ $? -eq 0 ] || exit 1

# The check can fail: a block whose text is not the program's is found,
# and `write` puts the program's text in its place.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/README.md" <<'EOS'
<!-- demo: overdue --count -->
```console
$ theodoi overdue --count
17
```
<!-- /demo -->
EOS
if python3 tests/readme-blocks.py check "$tmp/README.md" >"$tmp/out" 2>&1; then
	echo "readme: FAIL: a wrong count in a block passed the check" >&2
	exit 1
fi
grep -q '^+18$' "$tmp/out" || { echo "readme: FAIL: the diff does not show the count 18:" >&2; cat "$tmp/out" >&2; exit 1; }
python3 tests/readme-blocks.py write "$tmp/README.md" &&
	python3 tests/readme-blocks.py check "$tmp/README.md" >/dev/null ||
	{ echo "readme: FAIL: write did not make the block right" >&2; exit 1; }

# The quick start's commands run as written, from a source tree whose
# demo store was made as `make run` makes it (on a copy: conf/ and a build/
# holding the binary).
mkdir -p "$tmp/tree/conf" "$tmp/tree/build" || exit 1
cp conf/theodoi.ini conf/units.ini "$tmp/tree/conf/" || exit 1
ln -s "$(pwd)/$BUILD/theodoi" "$tmp/tree/build/theodoi"
me=$(id -un)
grep -q "^$me *=" "$tmp/tree/conf/theodoi.ini" || echo "$me = tu-vp, admin" >>"$tmp/tree/conf/theodoi.ini"
day=$(sed -n 's/^DEMO_TODAY *= *//p' Makefile)
[ -n "$day" ] || { echo "readme: FAIL: no DEMO_TODAY in the Makefile" >&2; exit 1; }
sed -n '/^B="build\/theodoi/,/^```/p' README.md | sed '$d' >"$tmp/quick.sh"
grep -q "^B=.*--today $day\"" "$tmp/quick.sh" ||
	{ echo "readme: FAIL: the quick start's B is not on the demo day $day" >&2; exit 1; }
[ "$(grep -c '^\$B ' "$tmp/quick.sh")" -ge 5 ] || { echo "readme: FAIL: no quick start commands found" >&2; exit 1; }
(
	cd "$tmp/tree" && build/theodoi --config conf/theodoi.ini --store build/demo/store --today "$day" demo >/dev/null &&
	while IFS= read -r line; do
		eval "$line" >/dev/null 2>"$tmp/err" || { echo "readme: FAIL: $line: $(cat "$tmp/err")" >&2; exit 1; }
	done <"$tmp/quick.sh"
) || exit 1
echo "readme: ok"
