/* rng.c — splitmix64 (Steele, Lea and Flood, 2014): a 64-bit counter run
 * through a mixing function; fast, and good enough to make test data. */
#include "rng.h"

void rng_seed(struct rng *r, uint64_t seed)
{
	r->s = seed;
	(void)rng_next(r);
}

uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

long rng_range(struct rng *r, long lo, long hi)
{
	if (hi <= lo)
		return lo;
	return lo + (long)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

int rng_pct(struct rng *r)
{
	return (int)(rng_next(r) % 100);
}
