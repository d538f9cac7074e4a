/* date.c — day numbers, the Gregorian calendar and Vietnamese date forms.
 *
 * Conversions use the era arithmetic of the proleptic Gregorian calendar
 * (400-year eras of 146097 days, years counted from March so that the leap
 * day comes last), which needs no tables and no mktime().
 */
#include "date.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util.h"

/* Years outside this range are not dates theodoi deals with, and keeping
 * them to four digits keeps the formats fixed-width. */
#define YEAR_MIN 1
#define YEAR_MAX 9999

int date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const unsigned char len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && date_is_leap(y))
		return 29;
	return len[m - 1];
}

/* Floor division for the negative years before the epoch era. */
static long floor_div(long a, long b)
{
	long q = a / b;

	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

date_t date_make(int y, int m, int d)
{
	long yy, era, yoe, doy, doe, mp;

	if (y < YEAR_MIN || y > YEAR_MAX || d < 1 || d > date_days_in_month(y, m))
		return DATE_NONE;
	/* Count years from March: January and February belong to the year before. */
	yy = m <= 2 ? y - 1 : y;
	era = floor_div(yy, 400);
	yoe = yy - era * 400;                      /* 0..399 */
	mp = (m + 9) % 12;                         /* March = 0 .. February = 11 */
	doy = (153 * mp + 2) / 5 + d - 1;          /* 0..365 */
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* 0..146096 */
	/* 719468 days from 0000-03-01 to 1970-01-01. */
	return (date_t)(era * 146097 + doe - 719468);
}

void date_split(date_t t, int *y, int *m, int *d)
{
	long z, era, doe, yoe, yy, doy, mp, mm, dd;

	if (t == DATE_NONE) {
		if (y) *y = 0;
		if (m) *m = 0;
		if (d) *d = 0;
		return;
	}
	z = (long)t + 719468;
	era = floor_div(z, 146097);
	doe = z - era * 146097;                                      /* 0..146096 */
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* 0..399 */
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               /* 0..365 */
	mp = (5 * doy + 2) / 153;                                    /* 0..11 */
	dd = doy - (153 * mp + 2) / 5 + 1;
	mm = mp < 10 ? mp + 3 : mp - 9;
	if (mm <= 2)
		yy++;
	if (y) *y = (int)yy;
	if (m) *m = (int)mm;
	if (d) *d = (int)dd;
}

date_t date_month_end(int y, int m)
{
	return date_make(y, m, date_days_in_month(y, m));
}

date_t date_quarter_end(int y, int q)
{
	if (q < 1 || q > 4)
		return DATE_NONE;
	return date_month_end(y, 3 * q);
}

date_t date_year_end(int y)
{
	return date_make(y, 12, 31);
}

/* Read exactly `min`..`max` ASCII digits at *p; -1 if there are none or
 * too many.  Advances *p past them. */
static int read_digits(const char **p, int min, int max)
{
	const char *s = *p;
	int v = 0, n = 0;

	while (*s >= '0' && *s <= '9') {
		if (++n > max)
			return -1;
		v = v * 10 + (*s - '0');
		s++;
	}
	if (n < min)
		return -1;
	*p = s;
	return v;
}

/* Split s into y, m, d if it has the shape of an ISO or Vietnamese date.
 * Returns 0 on shape, -1 otherwise. */
static int date_shape(const char *s, int *y, int *m, int *d)
{
	const char *p = s;
	int a, b, c;

	if ((a = read_digits(&p, 1, 4)) < 0)
		return -1;
	if (*p == '-' && p - s == 4) {
		p++;
		if ((b = read_digits(&p, 2, 2)) < 0 || *p++ != '-' ||
		    (c = read_digits(&p, 2, 2)) < 0 || *p != '\0')
			return -1;
		*y = a, *m = b, *d = c;
		return 0;
	}
	if (*p != '/' || p - s > 2)
		return -1;
	p++;
	if ((b = read_digits(&p, 1, 2)) < 0 || *p++ != '/' ||
	    (c = read_digits(&p, 4, 4)) < 0 || *p != '\0')
		return -1;
	*y = c, *m = b, *d = a;
	return 0;
}

int date_parse(const char *s, date_t *out, struct err *e)
{
	int y, m, d;
	date_t t;

	if (!s)
		return err_set(e, ERR_INPUT, "thiếu ngày");
	if (date_shape(s, &y, &m, &d) < 0)
		return err_set(e, ERR_INPUT, "ngày không hợp lệ: %s (cần dd/mm/yyyy hoặc yyyy-mm-dd)", s);
	t = date_make(y, m, d);
	if (t == DATE_NONE)
		return err_set(e, ERR_INPUT, "ngày không tồn tại: %s", s);
	if (out)
		*out = t;
	return 0;
}

/* Write v as exactly `width` decimal digits (v is non-negative and fits). */
static char *put_digits(char *p, int v, int width)
{
	for (int i = width - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + width;
}

/* Day numbers beyond the supported years format as "" like DATE_NONE. */
static int split_in_range(date_t t, int *y, int *m, int *d)
{
	if (t == DATE_NONE)
		return -1;
	date_split(t, y, m, d);
	return (*y < YEAR_MIN || *y > YEAR_MAX) ? -1 : 0;
}

char *date_iso(date_t t, char *buf)
{
	int y, m, d;
	char *p = buf;

	if (split_in_range(t, &y, &m, &d) < 0) {
		buf[0] = '\0';
		return buf;
	}
	p = put_digits(p, y, 4);
	*p++ = '-';
	p = put_digits(p, m, 2);
	*p++ = '-';
	p = put_digits(p, d, 2);
	*p = '\0';
	return buf;
}

char *date_vn(date_t t, char *buf)
{
	int y, m, d;
	char *p = buf;

	if (split_in_range(t, &y, &m, &d) < 0) {
		buf[0] = '\0';
		return buf;
	}
	p = put_digits(p, d, 2);
	*p++ = '/';
	p = put_digits(p, m, 2);
	*p++ = '/';
	p = put_digits(p, y, 4);
	*p = '\0';
	return buf;
}

date_t date_clock(void)
{
	time_t now = time(NULL);
	struct tm tm;

	if (!localtime_r(&now, &tm))
		return DATE_NONE;
	return date_make(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

date_t date_today(void)
{
	const char *env = getenv("THEODOI_TODAY");
	date_t t;

	if (env && *env && date_parse(env, &t, NULL) == 0)
		return t;
	return date_clock();
}

int date_quarter_roman(const char *s, size_t n)
{
	static const char *const roman[4] = { "i", "ii", "iii", "iv" };
	char low[4];

	if (!s || n == 0 || n > 3)
		return 0;
	if (n == 1 && s[0] >= '1' && s[0] <= '4')
		return s[0] - '0';
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		low[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	low[n] = '\0';
	for (int q = 0; q < 4; q++)
		if (strcmp(low, roman[q]) == 0)
			return q + 1;
	return 0;
}

date_t date_of_unix(int64_t t)
{
	/* -(t + 1) cannot overflow for negative t, unlike t - 86399. */
	int64_t d = t >= 0 ? t / 86400 : -1 - (-(t + 1)) / 86400;
	if (d > INT32_MAX)
		return INT32_MAX;
	if (d <= (int64_t)DATE_NONE)
		return DATE_NONE + 1;
	return (date_t)d;
}
