/* hier-sync.c — bringing the store's units in line with units.ini.
 *
 * The store keeps every unit ever configured; units.ini is the current
 * hierarchy.  A sync runs only when the files changed (their stamp is kept
 * in the store's meta "units.stamp"), validates units.ini before touching
 * the store, then in one write transaction:
 *   1. gives each new unit an id (so that every parent id exists before it
 *      is referred to);
 *   2. writes name, abbreviations, kind, parent, successor and the
 *      historical flag of every configured unit that differs;
 *   3. marks units missing from the file as historical (never deleting);
 *   4. hands the open tasks of a unit with a successor to the end of its
 *      successor chain;
 *   5. rebuilds the counters if a parent changed, and stores the stamp.
 * The image of the tree (unitsnap.h) follows in the same transaction:
 * store_write rebuilds it after any unit put.
 * Every change is audited: "unit.sync" per unit, "unit.handover" per task.
 */
#include "hier.h"
#include "period.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <jansson.h>

#include "config.h"
#include "store.h"
#include "util.h"

#define STAMP_KEY "units.stamp"

struct code_pos {
	const char *code;
	size_t pos;
};

static int code_pos_cmp(const void *a, const void *b)
{
	return strcmp(((const struct code_pos *)a)->code, ((const struct code_pos *)b)->code);
}

/* Everything one run of the write callback works with.  store_write may
 * run the callback again from the start (when the map grows), so the
 * callback builds this afresh each time and frees it before returning. */
struct sync {
	struct config *c;
	const char *login, *stamp;
	char role[12];
	int changed;           /* units changed: the caller's *changed */
	int parents_changed;
	int levels_changed;  /* a unit's kind, or a task's lead: the level of a
	                        multi-level deadline may differ (period.h) */

	struct unit *old;      /* the store's units before the sync, id order */
	size_t nold, capold;
	struct code_pos *old_by_code;
	struct code_pos *cfg_by_code;

	uint32_t *id_of;       /* store id of c->units[i] */
	long *old_of;          /* index in old[] of c->units[i], or -1 if new */
	const char **code_of;  /* code by store id, 0..max_id */
	uint32_t max_id;
};

/* ---- lookups ---------------------------------------------------------- */

static long find_pos(const struct code_pos *ix, size_t n, const char *code)
{
	struct code_pos key = { code, 0 };
	const struct code_pos *hit = bsearch(&key, ix, n, sizeof *ix, code_pos_cmp);

	return hit ? (long)hit->pos : -1;
}

static long old_index(const struct sync *s, const char *code)
{
	return find_pos(s->old_by_code, s->nold, code);
}

static long cfg_index(const struct sync *s, const char *code)
{
	return find_pos(s->cfg_by_code, (size_t)s->c->nunits, code);
}

static const char *code_of(const struct sync *s, uint32_t id)
{
	return id && id <= s->max_id && s->code_of[id] ? s->code_of[id] : NULL;
}

/* ---- audit ------------------------------------------------------------ */

static json_t *unit_json(const struct sync *s, const struct unit *u)
{
	return json_pack("{s:s, s:s?, s:s?, s:s, s:s?, s:b, s:s?}",
			 "code", u->code, "name", u->name, "abbrevs", u->abbrevs,
			 "kind", unit_kind_key((enum unit_kind)u->kind),
			 "parent", code_of(s, u->parent), "historical", (int)u->historical,
			 "successor", code_of(s, u->successor));
}

/* Append an audit entry; before and after are stolen (may be NULL). */
static int audit(struct txn *t, const struct sync *s, const char *action, const char *object,
		 json_t *before, json_t *after, struct err *e)
{
	struct audit a = {0};
	int rc;

	a.time = (int64_t)time(NULL);
	str_copy(a.login, s->login ? s->login : "", sizeof a.login);
	str_copy(a.role, s->role, sizeof a.role);
	str_copy(a.action, action, sizeof a.action);
	str_copy(a.object, object, sizeof a.object);
	a.before = before ? json_dumps(before, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	a.after = after ? json_dumps(after, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(before);
	json_decref(after);
	rc = store_audit_add(t, &a, e);
	audit_free(&a);
	return rc;
}

/* ---- reading the store's units ---------------------------------------- */

static int collect_unit(const struct unit *u, void *ctx)
{
	struct sync *s = ctx;
	struct unit *d;

	if (s->nold == s->capold) {
		s->capold = s->capold ? 2 * s->capold : 64;
		s->old = xrealloc(s->old, s->capold * sizeof *s->old);
	}
	d = &s->old[s->nold++];
	*d = *u;
	d->name = u->name ? xstrdup(u->name) : NULL;
	d->abbrevs = u->abbrevs ? xstrdup(u->abbrevs) : NULL;
	return 0;
}

static void sync_free(struct sync *s)
{
	size_t i;

	for (i = 0; i < s->nold; i++)
		unit_free(&s->old[i]);
	free(s->old);
	free(s->old_by_code);
	free(s->cfg_by_code);
	free(s->id_of);
	free(s->old_of);
	free(s->code_of);
	s->old = NULL;
	s->old_by_code = s->cfg_by_code = NULL;
	s->id_of = NULL;
	s->old_of = NULL;
	s->code_of = NULL;
	s->nold = s->capold = 0;
}

static struct code_pos *index_codes(size_t n, const char *(*get)(const void *, size_t),
				    const void *arr)
{
	struct code_pos *ix = xmalloc((n ? n : 1) * sizeof *ix);
	size_t i;

	for (i = 0; i < n; i++) {
		ix[i].code = get(arr, i);
		ix[i].pos = i;
	}
	xqsort(ix, n, sizeof *ix, code_pos_cmp);
	return ix;
}

static const char *old_code(const void *arr, size_t i)
{
	return ((const struct unit *)arr)[i].code;
}

static const char *cfg_code(const void *arr, size_t i)
{
	return ((const struct cfg_unit *)arr)[i].code;
}

/* ---- the steps -------------------------------------------------------- */

/* Step 1: an id for every configured unit, inserting the new ones. */
static int assign_ids(struct txn *t, struct sync *s, struct err *e)
{
	struct config *c = s->c;
	int i, rc;

	for (i = 0; i < c->nunits; i++) {
		const struct cfg_unit *cu = &c->units[i];
		long o = old_index(s, cu->code);
		struct unit u = {0};

		s->old_of[i] = o;
		if (o >= 0) {
			s->id_of[i] = s->old[o].id;
			continue;
		}
		str_copy(u.code, cu->code, sizeof u.code);
		u.name = cu->name;
		u.abbrevs = cu->abbrevs;
		u.kind = (uint8_t)cu->kind;
		u.historical = cu->successor[0] != '\0';
		rc = store_unit_put(t, &u, e); /* parent and successor in step 2 */
		if (rc)
			return rc;
		s->id_of[i] = u.id;
	}
	return 0;
}

/* Codes by id, for the audit's JSON. */
static void map_codes(struct sync *s)
{
	size_t i;
	int k;

	s->max_id = 0;
	for (i = 0; i < s->nold; i++)
		if (s->old[i].id > s->max_id)
			s->max_id = s->old[i].id;
	for (k = 0; k < s->c->nunits; k++)
		if (s->id_of[k] > s->max_id)
			s->max_id = s->id_of[k];
	s->code_of = xcalloc((size_t)s->max_id + 1, sizeof *s->code_of);
	for (i = 0; i < s->nold; i++)
		s->code_of[s->old[i].id] = s->old[i].code;
	for (k = 0; k < s->c->nunits; k++)
		s->code_of[s->id_of[k]] = s->c->units[k].code;
}

static int str_eq(const char *a, const char *b)
{
	return !strcmp(a ? a : "", b ? b : "");
}

static int unit_eq(const struct unit *a, const struct unit *b)
{
	return str_eq(a->name, b->name) && str_eq(a->abbrevs, b->abbrevs) && a->kind == b->kind &&
	       a->parent == b->parent && a->historical == b->historical &&
	       a->successor == b->successor;
}

/* Step 2: write each configured unit whose record differs. */
static int update_units(struct txn *t, struct sync *s, struct err *e)
{
	struct config *c = s->c;
	char object[40];
	int i, rc;

	for (i = 0; i < c->nunits; i++) {
		const struct cfg_unit *cu = &c->units[i];
		const struct unit *old = s->old_of[i] >= 0 ? &s->old[s->old_of[i]] : NULL;
		struct unit u = {0};

		u.id = s->id_of[i];
		str_copy(u.code, cu->code, sizeof u.code);
		u.name = cu->name;
		u.abbrevs = cu->abbrevs;
		u.kind = (uint8_t)cu->kind;
		u.parent = cu->parent[0] ? s->id_of[cfg_index(s, cu->parent)] : 0;
		u.historical = cu->successor[0] != '\0';
		u.successor = cu->successor[0] ? s->id_of[cfg_index(s, cu->successor)] : 0;
		if (old && unit_eq(old, &u))
			continue;
		/* a new unit without parent or successor is already as it should be */
		if (old || u.parent || u.successor) {
			rc = store_unit_put(t, &u, e);
			if (rc)
				return rc;
		}
		if (old && old->parent != u.parent)
			s->parents_changed = 1;
		if (old && old->kind != u.kind)
			s->levels_changed = 1;
		snprintf(object, sizeof object, "unit:%s", u.code);
		rc = audit(t, s, "unit.sync", object, old ? unit_json(s, old) : NULL,
			   unit_json(s, &u), e);
		if (rc)
			return rc;
		s->changed++;
	}
	return 0;
}

/* Step 3: units gone from units.ini stay, as historical. */
static int retire_missing(struct txn *t, struct sync *s, struct err *e)
{
	char object[40];
	size_t i;
	int rc;

	for (i = 0; i < s->nold; i++) {
		const struct unit *old = &s->old[i];
		struct unit u;

		if (old->historical || cfg_index(s, old->code) >= 0)
			continue;
		u = *old;
		u.historical = 1;
		rc = store_unit_put(t, &u, e);
		if (rc)
			return rc;
		snprintf(object, sizeof object, "unit:%s", old->code);
		rc = audit(t, s, "unit.sync", object, unit_json(s, old), unit_json(s, &u), e);
		if (rc)
			return rc;
		s->changed++;
	}
	return 0;
}

/* The configured unit that finally takes over from c->units[i]: follow
 * successors until a unit without one (units.ini has no successor cycle). */
static int final_successor(const struct sync *s, int i)
{
	int steps;

	for (steps = 0; s->c->units[i].successor[0] && steps <= s->c->nunits; steps++)
		i = (int)cfg_index(s, s->c->units[i].successor);
	return i;
}

/* Move the open tasks led by c->units[from] to c->units[to]. */
static int hand_over(struct txn *t, struct sync *s, int from, int to, struct err *e)
{
	struct idvec ids = {0};
	char object[40];
	size_t k;
	int rc;

	rc = store_tasks_by_lead(t, s->id_of[from], idvec_push_fn, &ids, e);
	for (k = 0; k < ids.n && !rc; k++) {
		struct task task;

		rc = store_task_get(t, ids.v[k], &task, e);
		if (rc)
			break;
		if (st_is_open((enum task_status)task.status)) {
			task.lead = s->id_of[to];
			s->levels_changed = 1;
			rc = store_task_put(t, &task, e);
			snprintf(object, sizeof object, "task:%llu", (unsigned long long)task.id);
			if (!rc)
				rc = audit(t, s, "unit.handover", object,
					   json_pack("{s:s}", "lead", s->c->units[from].code),
					   json_pack("{s:s}", "lead", s->c->units[to].code), e);
		}
		task_free(&task);
	}
	idvec_free(&ids);
	return rc;
}

/* Step 4: every unit with a successor hands over its open tasks. */
static int hand_over_all(struct txn *t, struct sync *s, struct err *e)
{
	int i, rc;

	for (i = 0; i < s->c->nunits; i++) {
		if (!s->c->units[i].successor[0])
			continue;
		rc = hand_over(t, s, i, final_successor(s, i), e);
		if (rc)
			return rc;
	}
	return 0;
}

static int stamp_is(struct txn *t, const char *stamp, int *same, struct err *e)
{
	char *cur = NULL;
	int rc = store_meta_get(t, STAMP_KEY, &cur, NULL);

	*same = 0;
	if (rc == ERR_NOTFOUND)
		return 0;
	if (rc)
		return err_set(e, rc, "không đọc được dấu thời gian của danh sách đơn vị trong kho");
	*same = !strcmp(cur, stamp);
	free(cur);
	return 0;
}

static int sync_txn(struct txn *t, void *ctx, struct err *e)
{
	struct sync *s = ctx;
	int same, rc;

	s->changed = 0;
	s->parents_changed = 0;
	s->levels_changed = 0;
	/* another process may have synced since we looked */
	if ((rc = stamp_is(t, s->stamp, &same, e)) || same)
		return rc;
	rc = store_units_each(t, collect_unit, s, e);
	if (rc)
		goto out;
	s->old_by_code = index_codes(s->nold, old_code, s->old);
	s->cfg_by_code = index_codes((size_t)s->c->nunits, cfg_code, s->c->units);
	s->id_of = xcalloc((size_t)s->c->nunits, sizeof *s->id_of);
	s->old_of = xcalloc((size_t)s->c->nunits, sizeof *s->old_of);
	if ((rc = assign_ids(t, s, e)))
		goto out;
	map_codes(s);
	if ((rc = update_units(t, s, e)) || (rc = retire_missing(t, s, e)) ||
	    (rc = hand_over_all(t, s, e)))
		goto out;
	if (s->parents_changed && (rc = store_rebuild_counts(t, e)))
		goto out;
	/* the dues of multi-level deadlines follow the level of the lead */
	if ((s->parents_changed || s->levels_changed) &&
	    (rc = per_fix_dues(t, &s->c->periods, NULL, e)))
		goto out;
	rc = store_meta_put(t, STAMP_KEY, s->stamp, e);
out:
	sync_free(s);
	return rc;
}

/* The stamp of both files: units.ini, and theodoi.ini, whose [users] are
 * checked against the units when they are loaded. */
static int files_stamp(const struct config *c, char *buf, size_t len, struct err *e)
{
	struct stat sb;
	size_t n;
	int rc = cfg_units_stamp(c, buf, len, e);

	if (rc)
		return rc;
	if (stat(c->path, &sb))
		return 0; /* theodoi.ini was read already; its stamp is a bonus */
	n = strlen(buf);
	snprintf(buf + n, len - n, " %lld.%09ld:%llu", (long long)sb.st_mtim.tv_sec,
		 (long)sb.st_mtim.tv_nsec, (unsigned long long)sb.st_ino);
	return 0;
}

int hier_sync(struct store *st, struct config *c, const char *login, int *changed,
	      struct err *e)
{
	struct sync s = {0};
	const struct cfg_user *u = cfg_user(c, login);
	char stamp[160];
	struct txn *t;
	int same, rc;

	if (changed)
		*changed = 0;
	if ((rc = files_stamp(c, stamp, sizeof stamp, e)))
		return rc;
	if ((rc = store_read_begin(st, &t, e)))
		return rc;
	rc = stamp_is(t, stamp, &same, e);
	store_read_end(t);
	if (rc || same)
		return rc;
	if ((rc = cfg_load_units(c, e)))
		return rc;
	s.c = c;
	s.login = login;
	s.stamp = stamp;
	str_copy(s.role, role_key(u ? u->role : ROLE_NONE), sizeof s.role);
	rc = store_write(st, sync_txn, &s, e);
	if (!rc && changed)
		*changed = s.changed;
	return rc;
}
