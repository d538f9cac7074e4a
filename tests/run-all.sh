#!/bin/sh
# Run every test of `make check`: the Criterion binaries given as
# arguments, then the end-to-end scripts (tests/tui/*.sh, tests/sh/*.sh).
# Prints one closing line "N passed, N failed" and exits non-zero on any
# failure.  Run from the repository root.  SKIP_TESTS="a b" leaves out the
# scripts of those names.
BUILD=${BUILD:-build}
export BUILD
passed=0
failed=0
failures=""
log=$(mktemp)
trap 'rm -f "$log"' EXIT

for bin in "$@"; do
	name=$(basename "$bin")
	"$bin" --jobs 2 >"$log" 2>&1
	rc=$?
	line=$(grep -a 'Synthesis:' "$log" | tail -n 1)
	p=$(echo "$line" | sed -n 's/.*Passing: \([0-9]*\).*/\1/p')
	f=$(echo "$line" | sed -n 's/.*Failing: \([0-9]*\).*/\1/p')
	c=$(echo "$line" | sed -n 's/.*Crashing: \([0-9]*\).*/\1/p')
	p=${p:-0}; f=${f:-0}; c=${c:-0}
	if [ "$rc" -ne 0 ] && [ $((f + c)) -eq 0 ]; then f=1; fi
	passed=$((passed + p))
	failed=$((failed + f + c))
	if [ "$rc" -ne 0 ] || [ $((f + c)) -ne 0 ]; then
		cat "$log"
		failures="$failures $name"
		echo "FAIL $name"
	else
		echo "ok   $name ($p)"
	fi
done

for script in tests/tui/*.sh tests/sh/*.sh; do
	[ -f "$script" ] || continue
	case $(basename "$script") in bench-*) continue;; esac
	name=$(basename "$script" .sh)
	case " ${SKIP_TESTS:-} " in *" $name "*) echo "skip $name"; continue;; esac
	if sh "$script" >"$log" 2>&1; then
		passed=$((passed + 1))
		echo "ok   $name"
	else
		failed=$((failed + 1))
		cat "$log"
		failures="$failures $name"
		echo "FAIL $name"
	fi
done

[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
