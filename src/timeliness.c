/* timeliness.c — status words, reporting periods and derived timeliness. */
#include "timeliness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

struct word {
	const char *key;
	const char *label;
};

static const struct word status_words[ST_COUNT] = {
	[ST_NOT_STARTED] = { "not_started", "chưa thực hiện" },
	[ST_IN_PROGRESS] = { "in_progress", "đang thực hiện" },
	[ST_DONE] = { "done", "hoàn thành" },
	[ST_ON_HOLD] = { "on_hold", "tạm dừng" },
};

/* Symbols: ASCII, one column each, distinct; see tl_symbol() in timeliness.h. */
static const struct {
	const char *key, *label, *symbol;
} tl_words[TL_COUNT] = {
	[TL_DONE_ON_TIME] = { "done_on_time", "hoàn thành đúng hạn", "+" },
	[TL_DONE_LATE] = { "done_late", "hoàn thành quá hạn", "*" },
	[TL_ON_TRACK] = { "on_track", "trong hạn", " " },
	[TL_DUE_SOON] = { "due_soon", "sắp đến hạn", "~" },
	[TL_OVERDUE] = { "overdue", "quá hạn", "!" },
	[TL_UNREPORTED] = { "unreported", "chưa báo cáo", "#" },
	[TL_AWAITING] = { "awaiting", "chờ văn bản cấp trên", "^" },
	[TL_REVIEW] = { "review", "cần rà soát", "?" },
	[TL_UNDATED] = { "undated", "chưa xác định thời hạn", "-" },
	[TL_ON_HOLD] = { "on_hold", "tạm dừng", "=" },
};

/* ---- words ------------------------------------------------------------ */

const char *st_label(enum task_status s)
{
	return ((int)s >= 0 && s < ST_COUNT) ? status_words[s].label : "";
}

const char *st_key(enum task_status s)
{
	return ((int)s >= 0 && s < ST_COUNT) ? status_words[s].key : "";
}

/* Folded form of a key or label for comparison: "Hoàn  thành" and
 * "hoan_thanh" both give "hoan thanh".  Caller frees. */
static char *match_key(const char *s)
{
	char *f = txt_fold(s, TXT_NUL, NULL);

	for (char *p = f; *p; p++)
		if (*p == '_' || *p == '-')
			*p = ' ';
	return f;
}

/* Index in [0, n) whose key or label folds like s, or -1. */
static int find_word(const char *s, int n, const char *(*key)(int), const char *(*label)(int))
{
	char *want, *k;
	int found = -1;

	if (!s)
		return -1;
	want = match_key(s);
	for (int i = 0; i < n && found < 0; i++) {
		k = match_key(key(i));
		if (strcmp(k, want) == 0)
			found = i;
		free(k);
		k = match_key(label(i));
		if (found < 0 && strcmp(k, want) == 0)
			found = i;
		free(k);
	}
	free(want);
	return found;
}

static const char *st_key_i(int i) { return st_key((enum task_status)i); }
static const char *st_label_i(int i) { return st_label((enum task_status)i); }
static const char *tl_key_i(int i) { return tl_key((enum timeliness)i); }
static const char *tl_label_i(int i) { return tl_label((enum timeliness)i); }

int st_parse(const char *s)
{
	return find_word(s, ST_COUNT, st_key_i, st_label_i);
}

int st_is_open(enum task_status s)
{
	return s == ST_NOT_STARTED || s == ST_IN_PROGRESS;
}

const char *tl_label(enum timeliness t)
{
	return ((int)t >= 0 && t < TL_COUNT) ? tl_words[t].label : "";
}

const char *tl_key(enum timeliness t)
{
	return ((int)t >= 0 && t < TL_COUNT) ? tl_words[t].key : "";
}

const char *tl_symbol(enum timeliness t)
{
	return ((int)t >= 0 && t < TL_COUNT) ? tl_words[t].symbol : " ";
}

int tl_is_overdue(enum timeliness t)
{
	return t == TL_OVERDUE || t == TL_UNREPORTED;
}

int tl_parse(const char *s)
{
	return find_word(s, TL_COUNT, tl_key_i, tl_label_i);
}

/* ---- reporting periods ------------------------------------------------ */

static unsigned months_of(const struct periods *p)
{
	unsigned m = p ? (p->months & 0xfffu) : 0;

	return m ? m : 1u << 11; /* December only */
}

/* First last-day-of-a-month on or after t among the months in mask. */
static date_t month_end_on_or_after(unsigned mask, date_t t)
{
	int y, m;

	if (t == DATE_NONE)
		return DATE_NONE;
	date_split(t, &y, &m, NULL);
	/* The month of t ends on or after t, so the first set month from
	 * there on is the answer; a year later at the latest. */
	for (int k = 0; k < 13; k++, m++) {
		if (m > 12) {
			m = 1;
			y++;
		}
		if (mask & (1u << (m - 1)))
			return date_month_end(y, m);
	}
	return DATE_NONE;
}

date_t per_report_on_or_after(const struct periods *p, date_t t)
{
	return month_end_on_or_after(months_of(p), t);
}

/* The report dates of a periodic deadline: the reporting months, or the
 * annual task's own month. */
static unsigned report_mask(const struct deadline *dl, const struct periods *p)
{
	const struct dl_part *d = &dl->d;

	if (d->kind == DL_MULTI) {
		for (int i = 0; i < dl->nparts && i < DL_MAX_PARTS; i++)
			if (dl->parts[i].kind == DL_ANNUAL || dl->parts[i].kind == DL_ONGOING ||
			    dl->parts[i].kind == DL_FROM) {
				d = &dl->parts[i];
				break;
			}
	}
	if (d->kind == DL_ANNUAL && d->month >= 1 && d->month <= 12)
		return 1u << (d->month - 1);
	return months_of(p);
}

/* The start of a periodic deadline's reporting: a "from" deadline starts
 * owing reports at its start date. */
static date_t periodic_start(const struct deadline *dl, date_t since)
{
	date_t start = DATE_NONE;

	if (dl->d.kind == DL_FROM)
		start = dl->d.start;
	for (int i = 0; dl->d.kind == DL_MULTI && i < dl->nparts && i < DL_MAX_PARTS; i++)
		if (dl->parts[i].kind == DL_FROM && dl->parts[i].start != DATE_NONE &&
		    (start == DATE_NONE || dl->parts[i].start < start))
			start = dl->parts[i].start;
	if (since == DATE_NONE || (start != DATE_NONE && start > since))
		return start;
	return since;
}

date_t tl_effective_due(const struct deadline *dl, date_t extended_to, date_t since,
			date_t last_update, const struct periods *p)
{
	unsigned mask;
	date_t start, period_end;

	if (extended_to != DATE_NONE)
		return extended_to;
	if (!dl)
		return DATE_NONE;
	if (dl_due(dl) != DATE_NONE)
		return dl_due(dl);
	if (!dl_is_periodic(dl))
		return DATE_NONE;
	mask = report_mask(dl, p);
	start = periodic_start(dl, since);
	if (last_update != DATE_NONE && (start == DATE_NONE || last_update >= start)) {
		if (dl->d.kind == DL_ANNUAL && dl->d.month >= 1 && dl->d.month <= 12) {
			/* A task done "vào tháng m hằng năm": an update counts for
			 * the year whose month m has begun, so work reported in
			 * March does not stand for December's; the next year's
			 * month m is due after it. */
			int y, m, d;
			date_split(last_update, &y, &m, &d);
			if (m < dl->d.month)
				y--;
			date_t next = date_month_end(y + 1, dl->d.month);
			date_t first = month_end_on_or_after(mask, start);
			return first != DATE_NONE && first > next ? first : next;
		}
		/* The update reported for its own period: the next one is due. */
		period_end = month_end_on_or_after(mask, last_update);
		return month_end_on_or_after(mask, period_end + 1);
	}
	return month_end_on_or_after(mask, start);
}

/* ---- timeliness ---------------------------------------------------------- */

/* The part of a deadline that waits for a directive, if the deadline as a
 * whole does: the whole, or, for a multi-level deadline with no date, its
 * first waiting part. */
static const struct dl_part *waiting_part(const struct deadline *dl)
{
	if (!dl)
		return NULL;
	if (dl->d.kind == DL_AFTER_DIRECTIVE)
		return &dl->d;
	if (dl->d.kind != DL_MULTI || dl_due(dl) != DATE_NONE)
		return NULL;
	for (int i = 0; i < dl->nparts && i < DL_MAX_PARTS; i++)
		if (dl->parts[i].kind == DL_AFTER_DIRECTIVE)
			return &dl->parts[i];
	return NULL;
}

struct tl_result tl_compute(const struct tl_input *in, date_t today, int soon)
{
	struct tl_result r = { TL_UNDATED, 0 };
	const struct dl_part *wait;
	date_t due = in->due;

	if (soon < 0)
		soon = 0;
	if (in->status == ST_ON_HOLD) {
		r.tl = TL_ON_HOLD;
		return r;
	}
	if (in->status == ST_DONE) {
		if (due == DATE_NONE || in->done_date == DATE_NONE || in->done_date <= due) {
			r.tl = TL_DONE_ON_TIME;
		} else {
			r.tl = TL_DONE_LATE;
			r.days = in->done_date - due;
		}
		return r;
	}
	if (due == DATE_NONE) {
		wait = waiting_part(in->dl);
		if (wait)
			r.tl = (wait->year <= 0 || today <= date_year_end(wait->year)) ? TL_AWAITING
										 : TL_REVIEW;
		return r;
	}
	if (today > due) {
		r.tl = dl_is_periodic(in->dl) ? TL_UNREPORTED : TL_OVERDUE;
		r.days = today - due;
	} else {
		r.tl = due - today <= soon ? TL_DUE_SOON : TL_ON_TRACK;
		r.days = due - today;
	}
	return r;
}

char *tl_describe(struct tl_result r, char *buf, size_t len)
{
	char tmp[96];

	if (!buf || len == 0)
		return buf;
	switch (r.tl) {
	case TL_DONE_LATE:
		if (r.days > 0)
			snprintf(tmp, sizeof tmp, "hoàn thành quá hạn %d ngày", r.days);
		else
			snprintf(tmp, sizeof tmp, "%s", tl_label(r.tl));
		break;
	case TL_ON_TRACK:
	case TL_DUE_SOON:
		if (r.days == 0)
			snprintf(tmp, sizeof tmp, "đến hạn hôm nay");
		else
			snprintf(tmp, sizeof tmp, "còn %d ngày", r.days);
		break;
	case TL_OVERDUE:
		snprintf(tmp, sizeof tmp, "quá hạn %d ngày", r.days);
		break;
	case TL_UNREPORTED:
		snprintf(tmp, sizeof tmp, "chưa báo cáo, trễ %d ngày", r.days);
		break;
	default:
		snprintf(tmp, sizeof tmp, "%s", tl_label(r.tl));
		break;
	}
	str_copy(buf, tmp, len);
	return buf;
}
