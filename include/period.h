/* period.h — the period engine: what a task owes, period by period, and
 * by when (shared/domain.md, "Deadlines", "Recurring duties owe one
 * report per period", "A multi-level deadline ... applies the level of
 * the unit").
 *
 * The one place that knows these rules.  A recurring task (thường xuyên,
 * từ năm ..., hằng năm, or a multi-level deadline whose parts are all of
 * those) owes one report per period of its rhythm: a period ends on its
 * report date (the last day of a month) and begins the day after the
 * previous one.  Its first period is the one holding the task's start (or
 * the start of a "từ năm" deadline when later).  Every update of the task
 * by the unit is a report for one period (update.period); a report
 * settles its period, on time when made on or before the report date,
 * late by the days after it otherwise.  "Hoàn thành" settles a period
 * like any other report: the duty goes on (per_recurring).
 *
 * Everything is computed "as of" a day D given by the caller: only
 * updates made on or before D count.  Nothing here reads the clock.
 */
#ifndef THEODOI_PERIOD_H
#define THEODOI_PERIOD_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "deadline.h"
#include "timeliness.h"

struct task;

struct err;
struct txn;
struct update;

/* ---- rhythm ------------------------------------------------------------- */

/* How often a recurring part reports: every `every` months (12, 6, 3, 1)
 * with a report at the end of `month` (1..12) and every `every` months
 * from there; every 0: on the configured reporting months
 * ([tracking] report_months). */
struct per_rhythm {
	int every;
	int month;
};

/* The rhythm of one deadline part (dl_every): "hằng năm" in month M is
 * every 12 in M, "hằng năm" with no month every 12 in December (one report
 * a year at its end, whatever the reporting months); "6 tháng một lần"
 * every 6 (30/6, 31/12); "hằng quý" every 3 (quarter ends); "hằng tháng"
 * every 1 (month ends); "thường xuyên" and "từ năm ..." with no rhythm of
 * their own report on the configured months.  For a kind that does not
 * recur, {0, 0}. */
struct per_rhythm per_rhythm_of(const struct dl_part *d);

/* The report months of a rhythm as a mask (bit m-1 for month m); p gives
 * the configured months (NULL or 0: December). */
unsigned per_months(struct per_rhythm r, const struct periods *p);

/* First report date on or after t among the months of mask (0: December);
 * DATE_NONE for DATE_NONE. */
date_t per_report_in(unsigned mask, date_t t);

/* First configured report date on or after day t (DATE_NONE for
 * DATE_NONE); p may be NULL, months 0 means December. */
date_t per_report_on_or_after(const struct periods *p, date_t t);

/* ---- levels of a multi-level deadline ---------------------------------- */

/* Stored nowhere; the order is the hierarchy's. */
enum per_level {
	PER_LEVEL_NONE = 0,   /* unknown: no lead, or the lead's kind has no level */
	PER_LEVEL_PROVINCE,   /* Tỉnh ủy and its agencies */
	PER_LEVEL_DISTRICT,   /* Huyện ủy, Thành ủy / Thị ủy, Đảng ủy Khối, theirs */
	PER_LEVEL_GRASSROOTS  /* Đảng ủy cơ sở, Chi bộ */
};

/* The level of a unit kind (enum unit_kind); PER_LEVEL_NONE for Trung
 * ương and for an agency, ban or organisation, whose level is that of
 * the committee it belongs to. */
enum per_level per_level_of_kind(int unit_kind);

/* The level of unit `unit`: its kind's, or for an agency that of its
 * nearest committee ancestor.  Reads the unit and its parents up to the
 * first committee (one or two reads).  PER_LEVEL_NONE for unit 0 or an
 * absent unit.  Returns 0 or the store's error. */
int per_unit_level(struct txn *t, uint32_t unit, enum per_level *out, struct err *e);

/* The level a part of a multi-level deadline names ("tỉnh", "huyện",
 * "cơ sở", "xã"); PER_LEVEL_NONE if none. */
enum per_level per_level_of_part(const struct dl_part *p);

/* The part of a deadline that applies to a unit of level lv: the deadline
 * itself unless it is multi-level; for a multi-level one the part of
 * level lv, else (level unknown or not named) NULL: then the whole is
 * judged (its latest dated part, else its first recurring part). */
const struct dl_part *per_part(const struct deadline *dl, enum per_level lv);

/* ---- the obligation of one task ------------------------------------------ */

/* Whether a deadline recurs (per period) rather than falls due once: its
 * kind is ongoing, from or annual, or it is multi-level with no dated
 * part and a recurring one.  A recurring task that is "hoàn thành" is
 * done for the period it reported, and still owes the next one: it is
 * counted open, at its next report date. */
int per_recurring(const struct deadline *dl);

/* The recurring part of a deadline whose level is not known: the deadline
 * itself when it recurs, the first recurring part of a multi-level one;
 * NULL when none recurs. */
const struct dl_part *per_recurring_part(const struct deadline *dl);

/* What the engine needs to know about a task. */
struct per_task {
	const struct deadline *dl;
	enum per_level level;          /* of the lead unit (per_unit_level) */
	date_t start;                  /* task.start */
	date_t extended_to;            /* granted extension in force, or DATE_NONE */
	const struct periods *periods; /* configured reporting months; NULL: December */
};

/* The engine's view of task k, its lead's level lv and the configured
 * months p (NULL: December); pt->dl points into k. */
void per_task_of(const struct task *k, enum per_level lv, const struct periods *p,
                 struct per_task *pt);

/* One report of the task: an update that is the unit's report. */
struct per_entry {
	uint64_t id;
	date_t day;     /* day recorded */
	date_t period;  /* report date it reports for, or DATE_NONE: by its day */
};

/* The reports of a task, in the order they settle periods (day, then id). */
struct per_log {
	struct per_entry *v;
	size_t n, cap;
};

/* Whether an update is the unit's report (a confirmation or return by the
 * monitoring office is not). */
int per_is_report(const struct update *u);

/* Add one report (kept in day, id order). */
void per_log_add(struct per_log *l, uint64_t id, date_t day, date_t period);
/* Read the reports of task `task` from the store (one cursor pass over
 * its updates) into l, which the caller initialised to {0}; the caller
 * frees with per_log_free.  Returns 0 or the store's error. */
int per_log_load(struct txn *t, uint64_t task, struct per_log *l, struct err *e);
void per_log_free(struct per_log *l);

/* per_task_of with the lead's level read from the store (per_unit_level),
 * and, when log is not NULL, the task's reports (per_log_load; none for a
 * task not yet stored, id 0).  Returns 0 or the store's error. */
int per_task_load(struct txn *t, const struct task *k, const struct periods *p,
                  struct per_task *pt, struct per_log *log, struct err *e);

/* The due date task k has with every report counted (per_due with asof
 * DATE_NONE): what task.due holds.  Reads as per_task_load. */
int per_task_due(struct txn *t, const struct task *k, const struct periods *p, date_t *due,
                 struct err *e);

/* The state of one period. */
enum per_state {
	PER_ON_TIME = 0,  /* đã báo cáo đúng hạn */
	PER_LATE,         /* báo cáo muộn N ngày */
	PER_MISSED,       /* chưa báo cáo (its report date has passed) */
	PER_NOT_DUE       /* chưa đến hạn (the current period) */
};

/* "đã báo cáo đúng hạn", ...; stable key "on_time", "late", "missed", "not_due". */
const char *per_state_label(enum per_state s);
const char *per_state_key(enum per_state s);

struct per_period {
	date_t begin;     /* first day */
	date_t report;    /* report date (last day) */
	enum per_state state;
	date_t reported;  /* day of the report that settled it, or DATE_NONE */
	int late;         /* PER_LATE: days after the report date */
};

/* The effective due date of the task as of day asof (DATE_NONE: every
 * report counts):
 * - one-off parts (by, range): their due; an extension in force wins;
 * - recurring: the report date of the earliest period, from the first,
 *   not settled by a report made on or before asof; an extension in force
 *   wins while it is later (it is spent once the periods up to it are
 *   settled);
 * - every other kind: the extension, else DATE_NONE.
 * log may be NULL (no reports). */
date_t per_due(const struct per_task *pt, const struct per_log *log, date_t asof);

/* The same due without any extension (the original deadline). */
date_t per_base_due(const struct per_task *pt, const struct per_log *log, date_t asof);

/* The due date of stored task k before any extension, from task.due
 * alone (no read): k->due when no extension is in force or a recurring
 * task's extension is spent; for a recurring task within its extension,
 * the last report date on or before the extended date; for a one-off
 * task its deadline (a multi-level one: its latest dated part, the level
 * being unknown here). */
date_t per_unextended_due(const struct task *k, const struct periods *p);

/* The periods of a recurring task from its first up to the one holding
 * asof (at most `max`, the latest ones kept), with their state as of asof,
 * oldest first, into out.  Returns the number written; 0 for a task that
 * does not recur or has not started by asof. */
size_t per_periods(const struct per_task *pt, const struct per_log *log, date_t asof,
                   struct per_period *out, size_t max);

/* The period a report made on `day` settles by default: the earliest
 * period whose report date has passed and that no report settled yet,
 * else the one holding day.  DATE_NONE for a task that does not recur or
 * a day before its first period. */
date_t per_attribute(const struct per_task *pt, const struct per_log *log, date_t day);

/* The report date of the period holding `day` (the current period on
 * that day): the period a "hoàn thành" settles when it names none.
 * DATE_NONE for a task that does not recur or a day before its first
 * period. */
date_t per_current(const struct per_task *pt, date_t day);

/* Read a period the user names for a report made on `today`: a report date
 * ("2026-06-30", "30/06/2026"), or a period by name: a year "2025", a
 * quarter "Q2/2026", "quý II/2026", "quý 2/2026", a half "H1/2026",
 * "6 tháng đầu năm 2026" is not read: say "H1/2026"), a month "6/2026",
 * "tháng 6/2026", "06/2026".  The named span must hold exactly one report
 * date of the task's rhythm; the result is that report date.  Refused
 * (ERR_INPUT, e->field "period") for a task that does not recur, text that
 * names no period, a period the task does not have (before its first, or
 * not one of its periods), or one after the period holding today; the
 * message begins "kỳ báo cáo: ". */
int per_parse(const struct per_task *pt, const char *text, date_t today, date_t *out,
              struct err *e);

/* "năm 2025", "quý II/2026", "6 tháng đầu năm 2026", "tháng 6/2026", or
 * "kỳ đến 30/04/2026", for the period ending on report date r of a task's
 * rhythm, into buf.  Returns buf. */
char *per_name(const struct per_task *pt, date_t r, char *buf, size_t len);

/* ---- stored dues (period-store.c) ------------------------------------------ */

struct store;
struct sbuf;

/* Check that every task's stored due is what the engine gives it now
 * (per_task_due): one line per task that differs is added to rep, and
 * *nbad counts them.  Runs in any transaction; reads every task and the
 * updates of the recurring ones.  Returns 0 or the store's error. */
int per_check_dues(struct txn *t, const struct periods *p, struct sbuf *rep, size_t *nbad,
                   struct err *e);

/* Set every task's stored due to the engine's, keeping indexes and
 * counters in step; *nfixed (may be NULL) counts the tasks changed.  Write
 * transaction.  Returns 0 or the store's error. */
int per_fix_dues(struct txn *t, const struct periods *p, uint64_t *nfixed, struct err *e);

/* Keep the stored dues in step with the rules and the configured months,
 * at the program's opening of the store (cli_store), in one write
 * transaction when there is something to do:
 * - a store of schema 1 (the previous release) is brought to schema 2:
 *   indexes and counters rebuilt under the rule that a recurring task done
 *   for its period stays open, every due recomputed (*migrated = 2);
 * - when the reporting months p differ from those the dues were computed
 *   with (meta "report_months"), every due is recomputed (*migrated = 1);
 * - a store of schema 2 (the previous release) or 1 is brought to schema 3
 *   by partner_migrate_3 (store.h) and unitsnap_migrate_3 (unitsnap.h),
 *   and one below schema 4 to schema 4 by store_compact_migrate_4
 *   (store.h, first of all: updates into their journal, records in their
 *   compact versions, indexes and counters rebuilt), the schema recorded
 *   (*migrated = 3 when that is all there was to do).
 * Nothing to do: *migrated = 0 and no write.  *migrated may be NULL.
 * Returns 0 or the store's error (the store is then as it was). */
int per_migrate(struct store *st, const struct periods *p, int *migrated, struct err *e);

/* Record that the stored dues were computed with the reporting months p
 * (write txn): for a writer that sets every due itself (gen, import-json). */
int per_record_months(struct txn *t, const struct periods *p, struct err *e);

#endif
