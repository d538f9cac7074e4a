/* demo.h — the demo store: four cascading plans of an invented province
 * (Tỉnh ủy Sơn Hà, conf/units.ini) with about 150 tasks, months of update
 * history, extensions and indicators, all dated relative to "today" so the
 * demo always looks alive.
 *
 * The plans themselves are C tables (src/demo-plans.c): deadline phrases
 * and indicator texts are templates whose dates are filled in from today,
 * then read back with dl_parse() like any imported phrase.  Statuses,
 * update days and notes come from a fixed PRNG seeded with today, so one
 * today always gives the same store.
 */
#ifndef THEODOI_DEMO_H
#define THEODOI_DEMO_H

#include <stddef.h>
#include "date.h"

struct err;
struct ops_ctx;

/* Fill the empty store c->st with the demo plans, in one write
 * transaction.  The hierarchy must be the shipped conf/units.ini, already
 * synchronised (hier_sync) by the caller.  c->cfg gives the reporting
 * periods and the logins that author the updates (may be NULL: defaults,
 * and c->who.login authors everything); c->today (DATE_NONE: the clock)
 * is the day the history leads up to; c->who signs the audit entries.
 * Returns 0; ERR_CONFLICT when the store already holds documents;
 * ERR_CONFIG when a unit the plans need is missing from the store; store
 * errors as they come.  On failure the store is unchanged. */
int demo_build(struct ops_ctx *c, struct err *e);

/* ---- the plan tables (src/demo-plans.c) ----
 *
 * Templates: "{Y+n}" the year of today + n years ("2027"); "{Q+n}" the
 * quarter of today + n months ("II/2027"); "{M+n}" the month of today + n
 * months ("03/2027"); "{D+n}" the day today + n days ("05/12/2026").  n may
 * be negative ("{Q-9}"). */

/* Scenario hints that override the drawn status of a task. */
enum demo_hint {
	DH_NONE = 0,
	DH_HOLD,    /* tạm dừng */
	DH_EXTEND,  /* missed its deadline, was extended (gia hạn), in progress */
	DH_STALE,   /* periodic task whose report is missing (chưa báo cáo) */
	DH_DONE     /* done, whatever its deadline */
};

struct demo_task {
	const char *section;   /* "III.2.1#3" */
	const char *lead;      /* unit code */
	const char *partners;  /* comma-separated unit codes, or NULL */
	const char *text;
	const char *deadline;  /* template of the phrase as written, or NULL */
	int hint;              /* enum demo_hint */
};

struct demo_indicator {
	const char *section;
	const char *lead;      /* unit code */
	const char *text;      /* template */
	int year;              /* target year as an offset from today's year */
	double min, target;    /* NAN when not stated */
	const char *unit_of;   /* "%", "đảng viên", ... */
	double start;          /* the measured value when the plan was issued */
};

struct demo_plan {
	const char *kind;           /* "CTr", "KH" */
	const char *number;         /* "15-CTr/TU" */
	const char *issuer;         /* unit code */
	const char *issuer_text;    /* "Ban Thường vụ Tỉnh ủy" */
	const char *title;
	const char *signer, *signer_role;
	int age;                    /* days between the date of issue and today */
	const char *implements[4];  /* numbers, NULL-terminated */
	const char *plan_due;       /* template of the phrase by which subordinate
	                               committees must issue their plans, or NULL */
	const struct demo_task *tasks;
	size_t ntasks;
	const struct demo_indicator *indicators;
	size_t nindicators;
};

/* The plans, in the order they are written (each implements the ones
 * before it).  *n receives their number. */
const struct demo_plan *demo_plans(size_t *n);

/* Expand a template for `today` into buf (NUL-terminated, cut at len-1).
 * Returns 0, or ERR_INTERNAL (with e) for a malformed placeholder. */
int demo_expand(const char *tmpl, date_t today, char *buf, size_t len, struct err *e);

#endif
