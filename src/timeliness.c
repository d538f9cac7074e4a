/* timeliness.c — status words, reporting periods and derived timeliness. */
#include "timeliness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "period.h"
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

/* The report date of the period holding today, for a recurring deadline. */
static date_t recurring_current(const struct tl_input *in, date_t today)
{
	const struct dl_part *d = per_recurring_part(in->dl);

	return per_report_in(per_months(per_rhythm_of(d), in->periods), today);
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
	if (in->status == ST_DONE && per_recurring(in->dl) && due != DATE_NONE) {
		/* Done for its period: once the period holding today is
		 * settled (the due is a later report date) it is done on time;
		 * else the duty is judged open against its due. */
		if (today <= due && due > recurring_current(in, today)) {
			r.tl = TL_DONE_ON_TIME;
			return r;
		}
	} else if (in->status == ST_DONE) {
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
		r.tl = per_recurring(in->dl) ? TL_UNREPORTED : TL_OVERDUE;
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
