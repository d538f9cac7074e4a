/* history.h — the record of a past day: a task as it stood at the end of
 * day D, rebuilt from its journal (shared/domain.md, "Figures for a past
 * day are history").
 *
 * The task record holds the present; its updates hold every change (status
 * before and after, progress, confirmation after, and the day each was
 * recorded) and its extensions the day each was granted.  The state on D
 * is what those records held on D:
 *   - a task created after D (task.created, local day) did not exist;
 *   - status, progress and confirmation are those set by the last entry
 *     recorded on or before D (update.day, the day of recording, not the
 *     day the work was said to be done); a field no entry on or before D
 *     set has the value the first later entry found it with (status
 *     before), or the default (progress 0, no confirmation);
 *     (an update of record version 1 carries no confirmation: when none
 *     says otherwise the present confirmation is kept);
 *   - the done date is that of the entry that made the task done (its
 *     done_on when given, else its day);
 *   - the day of the latest update counts the unit's entries only: a
 *     confirmation or return (confirm_after confirmed / returned, the task
 *     not made done by it) is the office's act and does not move it, as
 *     in ops;
 *   - the extension in force is the last one granted on or before D (its
 *     decision day, or the day it was recorded when granted directly);
 *   - the due date follows from these (hist_due, the one place that asks).
 * Entries are taken in the order they were recorded, newest first, and the
 * walk stops at the first entry on or before D once every field that
 * changed after D has its value; a task with nothing recorded after D is
 * returned as it is without reading its journal beyond that first entry.
 */
#ifndef THEODOI_HISTORY_H
#define THEODOI_HISTORY_H

#include <stdint.h>
#include "model.h"
#include "timeliness.h"

struct err;
struct txn;

/* A past day asked for: the day and the reporting months the due dates of
 * periodic tasks are computed with (NULL: December). */
struct hist_day {
	date_t day;
	const struct periods *periods;
};

/* The day (local time) of a unix time; DATE_NONE for 0 (unknown). */
date_t hist_day_of_time(int64_t when);

/* The unix time to record as the creation of a record made on `today`
 * when the clock says `now`: now itself when today is the clock's day,
 * else the same time of day on `today` (an administrator entering old
 * records with --today). */
int64_t hist_stamp(date_t today, int64_t now);

/* The day the figures must be rebuilt for: `today` when it is before the
 * clock's day `clock` (a past day), DATE_NONE when today is the present
 * (or later), whose figures the records and counters give as they are. */
date_t hist_past_day(date_t today, date_t clock);

/* 1 if the task existed at the end of day d (created on or before d, or
 * of unknown creation); the same for a document. */
int hist_exists_on(const struct task *t, date_t d);
int hist_doc_exists_on(const struct doc *d, date_t day);

/* The due date task k (its state on `day`: deadline, extension, lead,
 * start) had on `day`, from the reports made by then (per_due of
 * period.h, as of day): the one call that the as-of figures make.  Reads
 * the lead's level and the task's updates.  Returns 0 or the store's
 * error. */
int hist_due(struct txn *t, const struct task *k, const struct periods *p, date_t day,
             date_t *out, struct err *e);

/* 1 when `cur` (as stored now) stood as it is at the end of day
 * when->day: it existed then, and nothing recorded after the day (an
 * update, a confirmation or return, an extension) can have changed it, so
 * that hist_task_as_of would give an exact copy.  Reads nothing. */
int hist_task_same_on(const struct task *cur, const struct hist_day *when);

/* The task `cur` (as stored now) as it stood at the end of day when->day:
 * *out receives a deep copy rebuilt from the journal (the caller frees it
 * with task_free) and *exists 1; or, for a task created after that day,
 * *exists 0 and *out zeroed.  Reads the task's updates newest first, only
 * as far as needed, and its extensions when it has one.  Returns 0 or the
 * store's error (then *out is zeroed). */
int hist_task_as_of(struct txn *t, const struct task *cur, const struct hist_day *when,
                    struct task *out, int *exists, struct err *e);

#endif
