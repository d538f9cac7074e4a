/* rng.h — a small deterministic pseudo-random generator (splitmix64) for
 * the generated stores (demo, gen): one seed always gives one sequence, on
 * every platform, unlike rand().  No global state: the caller owns the
 * struct rng.
 *
 * One seed gives one store only if every draw has a place in the sequence
 * that C fixes: draw each number in its own statement (or declarator),
 * never two in the arguments of one call nor in two operands of one
 * operator, whose order of evaluation C leaves to the compiler (gcc and
 * clang differ).  tests/sh/rng-draws.sh checks the sources for it.
 */
#ifndef THEODOI_RNG_H
#define THEODOI_RNG_H

#include <stdint.h>

struct rng {
	uint64_t s;
};

/* Start the sequence of `seed`. */
void rng_seed(struct rng *r, uint64_t seed);

/* Next 64 random bits. */
uint64_t rng_next(struct rng *r);

/* Uniform in [lo, hi]; lo when hi <= lo. */
long rng_range(struct rng *r, long lo, long hi);

/* Uniform in [0, 99]. */
int rng_pct(struct rng *r);

/* One element of a static array, at random. */
#define RNG_PICK(r, a) ((a)[rng_range((r), 0, (long)(sizeof(a) / sizeof((a)[0])) - 1)])

#endif
