/* history.c — a task as it stood at the end of a past day, rebuilt from
 * its updates and extensions (see history.h for the rules). */
#include <string.h>
#include <time.h>

#include "history.h"
#include "period.h"
#include "store.h"
#include "util.h"

date_t hist_day_of_time(int64_t when)
{
	if (!when)
		return DATE_NONE;
	time_t tt = (time_t)when;
	struct tm tm;
	if (!localtime_r(&tt, &tm))
		return DATE_NONE;
	return date_make(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int64_t hist_stamp(date_t today, int64_t now)
{
	date_t clock = hist_day_of_time(now);
	if (today == DATE_NONE || clock == DATE_NONE || today == clock)
		return now;
	/* the same local time of day, (today - clock) days away; a change of
	 * offset in between moves it by that offset, within the day */
	return now + (int64_t)(today - clock) * 86400;
}

date_t hist_past_day(date_t today, date_t clock)
{
	return today != DATE_NONE && clock != DATE_NONE && today < clock ? today : DATE_NONE;
}

int hist_exists_on(const struct task *t, date_t d)
{
	date_t c = hist_day_of_time(t->created);
	return c == DATE_NONE || c <= d;
}

int hist_doc_exists_on(const struct doc *d, date_t day)
{
	date_t c = hist_day_of_time(d->created);
	return c == DATE_NONE || c <= day;
}

int hist_due(struct txn *t, const struct task *k, const struct periods *p, date_t day,
             date_t *out, struct err *e)
{
	/* the period engine, counting only the reports made by that day */
	struct per_task pt;
	struct per_log log = {0};
	int rc = per_task_load(t, k, p, &pt, &log, e);
	*out = rc ? DATE_NONE : per_due(&pt, &log, day);
	per_log_free(&log);
	return rc;
}

/* ---- the walk -------------------------------------------------------------- */

/* What the walk over the updates still has to find. */
struct walk {
	date_t day;
	struct task *t;
	int need_status, need_progress, need_confirm, need_last;
	int status_first;       /* status_before of the oldest later entry seen */
	uint32_t later;         /* entries recorded after the day */
};

/* An entry made by the monitoring office (a confirmation or a return),
 * which does not move the task's latest update: it sets the confirmation
 * without making the task done (a "hoàn thành" entered by the office
 * itself is confirmed at once, and is an update like any other). */
static int office_entry(const struct update *u)
{
	return (u->confirm_after == CF_CONFIRMED || u->confirm_after == CF_RETURNED) &&
	       u->status_after != ST_DONE;
}

static int walk_done(const struct walk *w)
{
	return !w->need_status && !w->need_progress && !w->need_confirm && !w->need_last;
}

static int take_update(const struct update *u, void *ctx)
{
	struct walk *w = ctx;
	struct task *t = w->t;
	if (u->day != DATE_NONE && u->day > w->day) {
		/* recorded after the day: what it changed must come from older
		 * entries */
		w->later++;
		if (u->status_after >= 0) {
			w->need_status = 1;
			w->status_first = u->status_before;
		}
		if (u->progress >= 0)
			w->need_progress = 1;
		if (u->confirm_after >= 0)
			w->need_confirm = 1;
		if (!office_entry(u))
			w->need_last = 1;
		return 0;
	}
	if (walk_done(w))
		return 1; /* nothing more to learn: stop */
	if (w->need_status && u->status_after >= 0) {
		w->need_status = 0;
		t->status = (uint8_t)u->status_after;
		t->done_date = DATE_NONE;
		if (u->status_after == ST_DONE)
			t->done_date = u->done_on != DATE_NONE ? u->done_on : u->day;
	}
	if (w->need_progress && u->progress >= 0) {
		w->need_progress = 0;
		t->progress = (uint8_t)u->progress;
	}
	if (w->need_confirm && u->confirm_after >= 0) {
		w->need_confirm = 0;
		t->confirm = (uint8_t)u->confirm_after;
	}
	if (w->need_last && !office_entry(u)) {
		w->need_last = 0;
		t->last_update = u->day;
	}
	return walk_done(w) ? 1 : 0;
}

/* Fields that no entry on or before the day set: as the task began. */
static void walk_defaults(struct walk *w)
{
	struct task *t = w->t;
	if (w->need_status) {
		t->status = w->status_first >= 0 && w->status_first < ST_COUNT ? (uint8_t)w->status_first
		                                                               : ST_NOT_STARTED;
		t->done_date = DATE_NONE;
	}
	if (w->need_progress)
		t->progress = 0;
	if (w->need_confirm)
		t->confirm = CF_NONE;
	if (w->need_last)
		t->last_update = DATE_NONE;
}

struct ext_walk {
	date_t day;
	date_t to; /* the extension in force on the day, or DATE_NONE */
};

static int take_extension(const struct extension *x, void *ctx)
{
	struct ext_walk *w = ctx;
	date_t granted = x->decided != DATE_NONE ? x->decided : x->day;
	if (x->state == EXT_GRANTED && granted != DATE_NONE && granted <= w->day)
		w->to = x->to; /* oldest first: the last one granted wins */
	return 0;
}

/* 1 when the journal may hold something recorded after day d: a unit's
 * update (it moves last_update), or the office's confirmation or return
 * (it leaves a confirm state). */
static int journal_after(const struct task *cur, date_t d)
{
	return cur->nupdates && ((cur->last_update != DATE_NONE && cur->last_update > d) ||
	                         cur->confirm == CF_CONFIRMED || cur->confirm == CF_RETURNED);
}

int hist_task_same_on(const struct task *cur, const struct hist_day *when)
{
	return hist_exists_on(cur, when->day) && !journal_after(cur, when->day) &&
	       cur->extended_to == DATE_NONE;
}

int hist_task_as_of(struct txn *t, const struct task *cur, const struct hist_day *when,
                    struct task *out, int *exists, struct err *e)
{
	date_t d = when->day;
	memset(out, 0, sizeof *out);
	*exists = hist_exists_on(cur, d);
	if (!*exists)
		return 0;
	task_copy(out, cur);
	int changed = 0, rc = 0;
	if (journal_after(cur, d)) {
		struct walk w = {d, out, 0, 0, 0, 0, -1, 0};
		rc = store_updates_of_task(t, cur->id, take_update, &w, e);
		if (rc == 1)
			rc = 0;
		if (!rc) {
			walk_defaults(&w);
			/* only a done task waits for confirmation (a version 1
			 * journal does not say when the claim was made) */
			if (out->status != ST_DONE && out->confirm == CF_PENDING)
				out->confirm = CF_NONE;
			out->nupdates = cur->nupdates >= w.later ? cur->nupdates - w.later : 0;
			changed = w.later > 0;
		}
	}
	if (!rc && cur->extended_to != DATE_NONE) {
		struct ext_walk x = {d, DATE_NONE};
		rc = store_extensions_of_task(t, cur->id, take_extension, &x, e);
		if (!rc && x.to != out->extended_to) {
			out->extended_to = x.to;
			changed = 1;
		}
	}
	if (rc) {
		task_free(out);
		memset(out, 0, sizeof *out);
		return rc;
	}
	if (changed && (rc = hist_due(t, out, when->periods, d, &out->due, e))) {
		task_free(out);
		memset(out, 0, sizeof *out);
		return rc;
	}
	return 0;
}
