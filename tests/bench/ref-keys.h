/* ref-keys.h — what the bare LMDB reference programs of make bench
 * (ref-count.c, ref-rows.c) share: the store's big-endian key fields and
 * its day numbers (include/store.h, src/date.c keep them the same way). */
#ifndef THEODOI_REF_KEYS_H
#define THEODOI_REF_KEYS_H

#include <stdint.h>

static inline uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static inline void put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static inline int32_t day_of(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

#endif
