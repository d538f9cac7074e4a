/* indicator.h — the measurable targets of a plan (chỉ tiêu): recording a
 * measured value, and judging each indicator against its minimum, its
 * aspiration and its target year, or year by year for a yearly one.
 *
 * The judgement (ind_assess), on a day `today`:
 * - the goal is the minimum ("tối thiểu") when stated, else the aspiration
 *   ("phấn đấu"); with neither the state is IND_NO_TARGET;
 * - higher is better, unless the aspiration is below the minimum ("không
 *   quá 10%, phấn đấu dưới 5%"), or, with only one of them, the text puts
 *   the figure under a ceiling ("dưới 5%", "không quá", "không vượt quá",
 *   "tối đa", "giảm còn", "giảm xuống"; see ind_lower_is_better);
 * - measurements dated after today are ignored; with none left, IND_NO_DATA;
 * - a value that reaches the aspiration is IND_MET_ASPIRATION; one that
 *   reaches the minimum but not the aspiration (or that reaches the
 *   minimum of an indicator without aspiration) is IND_MET_MINIMUM;
 * - once the target year is over (today after 31/12 of it), the value is
 *   the latest measured on or before 31/12 (or, when none was, the
 *   earliest after): one of the two above, else IND_MISSED;
 * - before that, the latest value: one of the two above; otherwise, with a
 *   target year, the expected value at its date on a straight line from
 *   the earliest measurement (the baseline) to the goal at 31/12 of the
 *   target year: IND_ON_TRACK if it reaches the expected value (equal
 *   counts), IND_AT_RISK if not; without a target year, IND_NOT_MET.
 * "Reaches" is >= (<= when lower is better), within rounding.
 *
 * A yearly indicator ("hằng năm", "hàng năm", "mỗi năm", "từng năm" in its
 * text; not "bình quân hằng năm", an average over the whole period: see
 * ind_text_yearly) is judged once per calendar year, each year on the
 * values measured in it alone, with 31/12 of that year as its target
 * day: a past year without a value is IND_NO_DATA, a past year below the
 * goal IND_MISSED; the current year is judged like a target year not yet
 * over.  Its years run from the plan's first year (the year its document
 * was issued) to the year of today, and stop at the target year when the
 * text names one ("hằng năm ... đến năm 2030").  The headline judgement
 * of a yearly indicator is that of the last of those years.
 */
#ifndef THEODOI_INDICATOR_H
#define THEODOI_INDICATOR_H

#include <stddef.h>
#include <stdint.h>
#include "model.h"

struct err;
struct txn;
struct hier;
struct ops_ctx;

/* Values are only ever appended (scripts read the keys). */
enum ind_state {
	IND_NO_TARGET = 0,  /* không có mức chỉ tiêu */
	IND_NO_DATA,        /* chưa có số liệu */
	IND_MET_MINIMUM,    /* đạt mức tối thiểu (not the aspiration) */
	IND_ON_TRACK,       /* đúng tiến độ */
	IND_AT_RISK,        /* có nguy cơ không đạt */
	IND_MISSED,         /* không đạt */
	IND_NOT_MET,        /* chưa đạt (no target year to judge the pace) */
	IND_MET_ASPIRATION, /* đạt mức phấn đấu */
	IND_COUNT
};
/* "met_minimum", "met_aspiration", "on_track", ... */
const char *ind_state_key(enum ind_state s);
/* "đạt mức tối thiểu", "đạt mức phấn đấu", "đúng tiến độ", ... */
const char *ind_state_label(enum ind_state s);

struct ind_assessment {
	enum ind_state state;
	int lower_better;
	int year;             /* the year judged (a yearly indicator), else 0 */
	double goal;          /* NAN when no target */
	date_t end;           /* 31/12 of the target year (of the year judged), or DATE_NONE */
	int nmeasures;        /* measurements considered (dated on or before today;
	                         for a yearly indicator, in the year judged) */
	int has_value;
	double value;         /* the value judged */
	date_t value_date;
	double base;          /* baseline: the earliest measurement */
	date_t base_date;
	double expected;      /* expected at value_date (IND_ON_TRACK / IND_AT_RISK), else NAN */
	int aspiration_met;
};

/* Judge indicator i from its measurements ms[0..n) (any order) on today:
 * the headline judgement (for a yearly indicator, that of its last year,
 * ind_last_year).  Pure: reads nothing else. */
void ind_assess(const struct indicator *i, const struct measure *ms, size_t n, date_t today,
                struct ind_assessment *out);

/* 1 if text (n bytes, or TXT_NUL for a NUL-terminated string)
 * states a yearly indicator: "hằng năm", "hàng năm", "mỗi năm", "từng
 * năm", but not "bình quân hằng năm" / "bình quân mỗi năm".  NULL: 0. */
int ind_text_yearly(const char *text, size_t n);

/* ind_text_yearly of i's text. */
int ind_is_yearly(const struct indicator *i);

/* 1 if lower values are better for i (see the header comment). */
int ind_lower_is_better(const struct indicator *i);

/* The last year a yearly indicator is judged for on today: the year of
 * today, or the target year when that is earlier.  0 for an indicator
 * that is not yearly. */
int ind_last_year(const struct indicator *i, date_t today);

/* Judge indicator i for calendar year `year` alone, on the values of
 * ms[0..n) dated in that year and on or before today, with 31/12 of the
 * year as its target day (out->year = year).  Pure. */
void ind_assess_year(const struct indicator *i, const struct measure *ms, size_t n, int year,
                     date_t today, struct ind_assessment *out);

/* The judgement of a yearly indicator for each of its years, oldest first:
 * from first_year (the plan's first year; 0 or after the last year: the
 * year of the earliest measurement, else the last year alone) to
 * ind_last_year, at most 50 years.  *out is malloc'd (free it); *nout is
 * 0 and *out NULL for an indicator that is not yearly. */
void ind_assess_years(const struct indicator *i, const struct measure *ms, size_t n,
                      int first_year, date_t today, struct ind_assessment **out, size_t *nout);

/* The measurements of an indicator, oldest first (by date, then id).
 * *out is malloc'd: free each with measure_free, then the array
 * (ind_measures_free). */
int ind_measures(struct txn *t, uint64_t indicator, struct measure **out, size_t *n,
                 struct err *e);
void ind_measures_free(struct measure *ms, size_t n);

/* Read the measurements of i and judge it (the headline, ind_assess). */
int ind_assess_stored(struct txn *t, const struct indicator *i, date_t today,
                      struct ind_assessment *out, struct err *e);

/* The plan's first year for i: the year its document was issued, or 0
 * when unknown. */
int ind_first_year(struct txn *t, const struct indicator *i);

/* Read the measurements of i and its document, and judge each of its
 * years (ind_assess_years). */
int ind_years_stored(struct txn *t, const struct indicator *i, date_t today,
                     struct ind_assessment **out, size_t *nout, struct err *e);

/* The indicators of a document (0: all) led in the subtree of unit (0: any
 * lead; h needed otherwise), in id order.  *out is malloc'd: release with
 * ind_list_free. */
int ind_list(struct txn *t, const struct hier *h, uint64_t doc, uint32_t unit,
             struct indicator **out, size_t *n, struct err *e);
void ind_list_free(struct indicator *v, size_t n);

/* Parse a value typed by a user: "85", "85,5", "85.5", "-2", with an
 * optional trailing "%"; no thousands separators ("2.500" is refused as
 * ambiguous: ERR_INPUT asking for 2500 or 2,5).  Locale-independent. */
int ind_parse_value(const char *s, double *out, struct err *e);

/* Format a value the Vietnamese way with at most two decimals and its unit:
 * "85,5%", "2.500 đảng viên", "12".  unit_of may be NULL or "".  Returns buf. */
char *ind_format_value(double v, const char *unit_of, char *buf, size_t len);

/* The values a measurement of i may take, [*lo, *hi] (-INFINITY or
 * INFINITY when unbounded), by the indicator's nature:
 * - a change ("tăng trưởng", "tốc độ tăng", "tăng/giảm ... so với",
 *   "chênh lệch", "biến động" in its text), or an indicator whose minimum
 *   or aspiration is itself negative, may go below zero; every other
 *   indicator counts or measures a share, and takes no negative value;
 * - a percentage (unit "%") is a share of a whole: at most 100, unless it
 *   is a change or its minimum or aspiration is above 100 ("đạt 105% dự
 *   toán"), which makes it a ratio with no upper bound. */
void ind_value_range(const struct indicator *i, double *lo, double *hi);

/* 0 if v is a value i may take (ind_value_range), else ERR_INPUT with a
 * message naming the value as typed in the indicator's unit and the
 * range, field "value". */
int ind_check_value(const struct indicator *i, double v, struct err *e);

/* 1 if the actor may record measurements of i: an admin, or an editor
 * whose unit is i's lead unit or above it.  Else 0 and ERR_DENIED in e. */
int ind_may_measure(const struct ops_ctx *c, const struct indicator *i, struct err *e);

/* Record a measured value of indicator `indicator` on `date` (DATE_NONE:
 * today; not after today) with a note naming its source (may be NULL), in
 * one write transaction with an audit entry ("measure", "indicator:N").
 * ERR_NOTFOUND for an unknown indicator, ERR_DENIED (ind_may_measure),
 * ERR_INPUT for a value that is not finite or outside the indicator's
 * range (ind_check_value), a date after today or a bad note.  *measure_id (may be NULL) receives the new measurement's id. */
int ind_measure_add(struct ops_ctx *c, uint64_t indicator, double value, date_t date,
                    const char *note, uint64_t *measure_id, struct err *e);

#endif
