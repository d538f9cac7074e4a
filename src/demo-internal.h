/* demo-internal.h — what demo.c (templates, plans, writing) and
 * demo-history.c (statuses and histories) share: the plan of the demo
 * store as it is built in memory before one write transaction puts it. */
#ifndef THEODOI_DEMO_INTERNAL_H
#define THEODOI_DEMO_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "demo.h"
#include "model.h"
#include "ops.h"
#include "rng.h"

struct txn;
struct err;

/* What a task's history looks like. */
enum scenario {
	SC_PAST,      /* one-off deadline passed: done (on time or late) or overdue */
	SC_FUTURE,    /* one-off deadline ahead */
	SC_PERIODIC,  /* ongoing, from, annual: regular reports */
	SC_UNDATED,   /* term, on request, after directive, per document, roadmap, none */
	SC_HOLD,
	SC_EXTEND,
	SC_STALE,
	SC_DONE
};

struct demo_ptask {
	struct task t;
	int doc;            /* index in plans */
	int scenario;
	const char *lead_code;
	int first_update;   /* index of its first update in updates[] */
};

struct demo_pupdate {
	struct update u;
	int task;           /* index in tasks[] */
};

struct demo_pext {
	struct extension x;
	int task;
};

struct demo_pind {
	struct indicator i;
	int doc;
};

struct demo_pmeasure {
	struct measure m;
	int ind;
};

struct demo {
	struct ops_ctx *c;
	date_t today;
	struct periods periods;
	struct rng rng;
	const struct demo_plan *plans;
	size_t nplans;
	struct doc *docs;
	struct demo_ptask *tasks;
	size_t ntasks;
	struct demo_pupdate *ups;
	size_t nups, capups;
	struct demo_pext exts[8];
	size_t nexts;
	struct demo_pind *inds;
	size_t ninds;
	struct demo_pmeasure *meas;
	size_t nmeas, capmeas;
	char actor[LOGIN_LEN];
	char actor_role[12];
};

/* Unix time of a day at hour:minute, Vietnam time (UTC+7). */
int64_t demo_unix_at(date_t day, int hour, int minute);

/* The login that writes the updates of a task led by unit `code`: a user of
 * that unit, else one of the same committee, else any editor or admin,
 * else the actor.  Draws from d->rng. */
const char *demo_author(struct demo *d, const char *code);

/* "I".."IV" for quarter 1..4. */
const char *demo_roman(int quarter);

/* Give every planned task its status and history of updates (and the
 * extended ones their extension), keeping about a fifth of the open dated
 * tasks overdue; sets each task's derived fields and due date. */
void demo_plan_histories(struct demo *d);

/* The measured values of indicator number `ind` (table entry di) since
 * `from`, the plan's date: one at each quarter end, the latest four. */
void demo_plan_measures(struct demo *d, int ind, const struct demo_indicator *di, date_t from);

/* Add to the trail, in the write transaction t, the audit entry of every
 * planned update, extension and measured value (their ids assigned), oldest
 * first, each at its own time by its own login. */
int demo_write_history_audit(struct demo *d, struct txn *t, struct err *e);

#endif
