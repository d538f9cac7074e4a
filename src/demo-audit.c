/* demo-audit.c — the audit entries of the demo's history: every update,
 * extension and measured value the demo writes gets the entry the program
 * would have written for it (ops.c, ops-extend.c, indicator.c) at the time
 * it is dated, by the login that made it, so that the audit view tells the
 * same story as a task's detail.  The entries are added oldest first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "config.h"
#include "demo-internal.h"
#include "store.h"
#include "timeliness.h"
#include "util.h"

struct trail {
	struct audit *v;
	size_t n, cap;
};

/* The role of a login as the configuration gives it; the actor's role for
 * the actor or a login the configuration does not know. */
static const char *role_of(const struct demo *d, const char *login)
{
	const struct config *cfg = d->c->cfg;
	for (int i = 0; cfg && i < cfg->nusers; i++)
		if (!strcmp(cfg->users[i].login, login))
			return role_key(cfg->users[i].role);
	return d->actor_role;
}

/* A new entry (before and after taken over as JSON text). */
static void add(struct trail *tr, const struct demo *d, int64_t time, const char *login,
                const char *action, const char *object, json_t *before, json_t *after)
{
	if (tr->n == tr->cap) {
		tr->cap = tr->cap ? 2 * tr->cap : 256;
		tr->v = xrealloc(tr->v, tr->cap * sizeof *tr->v);
	}
	struct audit *a = &tr->v[tr->n++];
	memset(a, 0, sizeof *a);
	a->time = time;
	str_copy(a->login, login, sizeof a->login);
	str_copy(a->role, role_of(d, login), sizeof a->role);
	str_copy(a->action, action, sizeof a->action);
	str_copy(a->object, object, sizeof a->object);
	a->before = before ? json_dumps(before, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	a->after = after ? json_dumps(after, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(before);
	json_decref(after);
}

static json_t *state(int status, int progress)
{
	return json_pack("{s:s, s:i}", "status", st_key((enum task_status)status), "progress",
	                 progress);
}

/* The updates of every task, replayed from its state before the first. */
static void updates(struct trail *tr, const struct demo *d)
{
	int *status = xcalloc(d->ntasks ? d->ntasks : 1, sizeof *status);
	int *progress = xcalloc(d->ntasks ? d->ntasks : 1, sizeof *progress);
	for (size_t i = 0; i < d->nups; i++) {
		const struct update *u = &d->ups[i].u;
		int ti = d->ups[i].task;
		char obj[40];
		json_t *before = state(status[ti], progress[ti]);
		if (u->status_after >= 0)
			status[ti] = u->status_after;
		if (u->progress >= 0)
			progress[ti] = u->progress;
		json_t *after = state(status[ti], progress[ti]);
		if (u->note)
			json_object_set_new(after, "note", json_string(u->note));
		snprintf(obj, sizeof obj, "task:%llu", (unsigned long long)u->task_id);
		add(tr, d, u->time, u->login, "update", obj, before, after);
	}
	free(status);
	free(progress);
}

static void extensions(struct trail *tr, const struct demo *d)
{
	for (size_t i = 0; i < d->nexts; i++) {
		const struct extension *x = &d->exts[i].x;
		char obj[40], day[11];
		json_t *before = json_pack("{s:s}", "due", date_iso(x->from, day));
		json_t *after = json_pack("{s:s}", "due", date_iso(x->to, day));
		json_object_set_new(after, "extension", json_integer((json_int_t)x->id));
		json_object_set_new(after, "extension_state",
		                    json_string(ops_ext_state_key((enum ext_state)x->state)));
		json_object_set_new(after, "to", json_string(date_iso(x->to, day)));
		if (x->reason)
			json_object_set_new(after, "reason", json_string(x->reason));
		snprintf(obj, sizeof obj, "task:%llu", (unsigned long long)x->task_id);
		add(tr, d, x->time, x->login, "extend", obj, before, after);
	}
}

static void measures(struct trail *tr, const struct demo *d)
{
	for (size_t i = 0; i < d->nmeas; i++) {
		const struct measure *m = &d->meas[i].m;
		char obj[40], day[11];
		json_t *after = json_pack("{s:I, s:f, s:s, s:s?}", "measure", (json_int_t)m->id, "value",
		                          m->value, "date", date_iso(m->date, day), "note", m->note);
		snprintf(obj, sizeof obj, "indicator:%llu", (unsigned long long)m->indicator_id);
		add(tr, d, m->time, m->login, "measure", obj, NULL, after);
	}
}

static int oldest_first(const void *x, const void *y)
{
	const struct audit *a = x, *b = y;
	if (a->time != b->time)
		return a->time < b->time ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq; /* the order they were made */
}

int demo_write_history_audit(struct demo *d, struct txn *t, struct err *e)
{
	struct trail tr = {0};
	int rc = 0;
	updates(&tr, d);
	extensions(&tr, d);
	measures(&tr, d);
	for (size_t i = 0; i < tr.n; i++)
		tr.v[i].seq = i;
	xqsort(tr.v, tr.n, sizeof *tr.v, oldest_first);
	for (size_t i = 0; !rc && i < tr.n; i++) {
		tr.v[i].seq = 0;
		rc = store_audit_add(t, &tr.v[i], e);
	}
	audit_list_free(tr.v, tr.n);
	return rc;
}
