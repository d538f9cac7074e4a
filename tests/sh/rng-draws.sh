#!/bin/sh
# rng-draws.sh — no random draw of the generated stores (demo, gen) is left
# to the compiler's choice of order: tests/rng-draws.py finds none in the
# sources that draw from rng.h.  Two draws in the arguments of one call
# (their order is unspecified in C) made clang build another demo store
# than gcc; this catches such a draw with one compiler, before a store
# differs.  The checker is first shown to find the cases it must find and
# to pass the sequenced ones.  Run from the repository root.
set -u
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "rng-draws: FAIL: $*" >&2; exit 1; }
CHECK="python3 tests/rng-draws.py"

# Each line of bad.c below but the helpers' must be reported.
cat >"$dir/bad.c" <<'EOF'
static int pick(struct rng *r)
{
	return (int)rng_range(r, 0, 9);
}
static void bad(struct rng *r, struct demo *d)
{
	f(rng_range(r, 1, 2), rng_range(r, 3, 4));
	g(1, RNG_PICK(r, names), 2, (int)rng_pct(r));
	x = rng_range(r, 0, 9) - rng_range(r, 0, 9);
	a[rng_pct(r)] = pick(r);
	h(pick(r), c ? rng_pct(r) : 0);
	if (f(d->today - rng_range(r, 1, 20), rng_range(r, 1, 4)) > 0)
		y = 1;
	struct pair p = {rng_pct(r), rng_pct(r)};
	for (i = h(rng_pct(r), pick(r)); i < 3; i++)
		z = 0;
}
EOF
$CHECK "$dir/bad.c" >"$dir/out" && fail "nothing found in bad.c"
for line in 7 8 9 10 11 12 14 15; do
	grep -q "bad.c:$line:" "$dir/out" || fail "bad.c line $line not reported: $(cat "$dir/out")"
done
[ "$(wc -l <"$dir/out")" -eq 8 ] || fail "reports beyond the 8 expected: $(cat "$dir/out")"

cat >"$dir/good.c" <<'EOF'
static int pick(struct rng *r)
{
	return (int)rng_range(r, 0, 9);
}
static void good(struct rng *r)
{
	int a = (int)rng_range(r, 1, 2), b = pick(r);
	f(a, b, rng_pct(r));
	x = c ? rng_pct(r) : pick(r);
	y = rng_pct(r) < 50 && pick(r) > 3;
	n = pick(r), m = rng_pct(r);
	h(pick(r) ? 1 : 2);
	s = xstrdup(i == 0 ? RNG_PICK(r, first) : RNG_PICK(r, later));
	snprintf(buf, sizeof buf, "%s %s", a ? "x" : "y", RNG_PICK(r, names));
	walk(r, pick(r));
	q = f((const char *[]){"a", "b"}[rng_pct(r) % 2]);
}
EOF
$CHECK "$dir/good.c" >"$dir/out" || fail "sequenced draws reported: $(cat "$dir/out")"

# The sources: every file that draws (rng.c defines the draws).
files=$(grep -l -E 'rng_(next|range|pct)|RNG_PICK' src/*.c | grep -v '^src/rng\.c$')
for f in src/demo-history.c src/demo.c src/gen.c src/gen-units.c; do
	case " $(echo $files) " in *" $f "*) ;; *) fail "$f draws no more? the search missed it";; esac
done
$CHECK $files >"$dir/out" || fail "draws in no fixed order (put each in its own statement):
$(cat "$dir/out")"
echo "rng-draws: ok"
