/* date.h — calendar days, Vietnamese date forms, periods.
 *
 * A date is a day number: days since 1970-01-01 (proleptic Gregorian), so
 * comparing and subtracting dates is integer arithmetic.  DATE_NONE marks
 * "no date".
 */
#ifndef THEODOI_DATE_H
#define THEODOI_DATE_H

#include <stdint.h>
#include <stddef.h>

struct err;

typedef int32_t date_t;
#define DATE_NONE INT32_MIN

/* Day number of y-m-d; DATE_NONE when the date does not exist (31/02, 00/13). */
date_t date_make(int y, int m, int d);

/* Split a day number into year, month (1-12) and day (1-31). */
void date_split(date_t t, int *y, int *m, int *d);

int date_is_leap(int y);
int date_days_in_month(int y, int m);   /* 0 for a month outside 1..12 */

/* Last day of month m of year y, of quarter q (1-4), of year y. */
date_t date_month_end(int y, int m);
date_t date_quarter_end(int y, int q);
date_t date_year_end(int y);

/* Parse "YYYY-MM-DD" (ISO) or "dd/mm/yyyy" (Vietnamese; one-digit day and
 * month accepted) as a whole string.  Returns 0 and sets *out, or ERR_INPUT
 * with a message naming the text (e.g. "ngày không tồn tại: 31/02/2024"). */
int date_parse(const char *s, date_t *out, struct err *e);

/* Format as "YYYY-MM-DD" / "dd/mm/yyyy" into buf (at least 11 bytes).
 * DATE_NONE formats as "".  Returns buf. */
char *date_iso(date_t t, char *buf);
char *date_vn(date_t t, char *buf);

/* Today from the clock (local time), or from $THEODOI_TODAY when set and
 * valid.  The --today option is applied by the caller over this. */
date_t date_today(void);

/* The UTC day of a Unix time (floor division, so times before 1970 fall on
 * the day before), clamped to the range of date_t; never DATE_NONE. */
date_t date_of_unix(int64_t t);

/* Today from the clock (local time) alone, whatever $THEODOI_TODAY says:
 * the day writes record (ops_write_day, ops.h). */
date_t date_clock(void);

/* Parse a Roman quarter "I".."IV" (case-insensitive) or "1".."4": 1..4, 0 if not. */
int date_quarter_roman(const char *s, size_t n);

#endif
