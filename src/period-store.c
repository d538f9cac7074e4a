/* period-store.c — keeping the stored dues in step with the period
 * engine: checking them, repairing them, and migrating a store of the
 * previous schema (see period.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "ops-group.h"
#include "period.h"
#include "store.h"
#include "unitsnap.h"
#include "util.h"

struct due_fix {
	uint64_t id;
	date_t due;
};

struct scan {
	struct txn *t;
	const struct periods *p;
	struct err *e;
	struct sbuf *rep;        /* check: lines; NULL when fixing */
	size_t nbad;
	struct due_fix *v;       /* fix: tasks to rewrite */
	size_t n, cap;
};

static int scan_task(const struct task *k, void *ctx)
{
	struct scan *s = ctx;
	date_t due;
	char d1[11], d2[11];
	int rc = per_task_due(s->t, k, s->p, &due, s->e);

	if (rc)
		return rc;
	if (due == k->due)
		return 0;
	s->nbad++;
	if (s->rep && s->nbad <= 200)
		sbuf_printf(s->rep, "nhiệm vụ #%llu: hạn lưu trong kho %s, theo các kỳ báo cáo phải "
		            "là %s\n", (unsigned long long)k->id,
		            k->due == DATE_NONE ? "(không có)" : date_vn(k->due, d1),
		            due == DATE_NONE ? "(không có)" : date_vn(due, d2));
	if (!s->rep) {
		if (s->n == s->cap) {
			s->cap = s->cap ? s->cap * 2 : 64;
			s->v = xrealloc(s->v, s->cap * sizeof *s->v);
		}
		s->v[s->n++] = (struct due_fix){k->id, due};
	}
	return 0;
}

int per_check_dues(struct txn *t, const struct periods *p, struct sbuf *rep, size_t *nbad,
                   struct err *e)
{
	struct scan s = {t, p, e, rep, 0, NULL, 0, 0};
	int rc = store_tasks_each(t, scan_task, &s, e);

	if (s.nbad > 200)
		sbuf_printf(rep, "... và %zu nhiệm vụ khác có hạn lưu sai\n", s.nbad - 200);
	*nbad = s.nbad;
	return rc;
}

int per_fix_dues(struct txn *t, const struct periods *p, uint64_t *nfixed, struct err *e)
{
	struct scan s = {t, p, e, NULL, 0, NULL, 0, 0};
	/* Collect first: records are rewritten after the cursor is done. */
	int rc = store_tasks_each(t, scan_task, &s, e);

	for (size_t i = 0; i < s.n && !rc; i++) {
		struct task k = {0};
		if ((rc = store_task_get(t, s.v[i].id, &k, e)) == 0) {
			k.due = s.v[i].due;
			rc = store_task_put(t, &k, e);
		}
		task_free(&k);
	}
	if (nfixed)
		*nfixed = rc ? 0 : s.n;
	free(s.v);
	return rc;
}

#define MONTHS_KEY "report_months"

struct migration {
	const struct periods *p;
	int done;
};

/* The configured reporting months as stored beside the dues ("0x800"). */
static void months_text(const struct periods *p, char *buf, size_t len)
{
	unsigned m = p ? p->months & 0xfffu : 0;
	snprintf(buf, len, "0x%x", m ? m : 1u << 11);
}

/* What is to do: 2 migrate from schema 1, 1 recompute the dues (the
 * reporting months changed), 0 nothing of the dues; *schema the store's
 * schema (below STORE_SCHEMA: a step to do too). */
static int needs(struct txn *t, const struct periods *p, int *what, long *schema,
                 struct err *e)
{
	char *stored = NULL, want[16];
	int rc = store_schema(t, schema, e);

	*what = 0;
	if (rc)
		return rc;
	if (*schema < 2) {
		*what = 2;
		return 0;
	}
	months_text(p, want, sizeof want);
	rc = store_meta_get(t, MONTHS_KEY, &stored, NULL);
	if (rc == ERR_NOTFOUND || (rc == 0 && strcmp(stored, want)))
		*what = 1;
	free(stored);
	return rc == ERR_NOTFOUND ? 0 : rc;
}

int per_record_months(struct txn *t, const struct periods *p, struct err *e)
{
	char months[16];

	months_text(p, months, sizeof months);
	return store_meta_put(t, MONTHS_KEY, months, e);
}

static int migrate_fn(struct txn *t, void *ctx, struct err *e)
{
	struct migration *m = ctx;
	long schema;
	int what, rc = needs(t, m->p, &what, &schema, e);

	if (rc || (!what && schema >= STORE_SCHEMA))
		return rc; /* another process got here first */
	/* Below schema 4: the compact layout first, before anything reads an
	 * update or a task index (updates into their journal, records
	 * re-encoded, indexes and counters rebuilt under the open/closed rule
	 * of schema 2 with the stored dues, so that rewriting a task moves its
	 * entries from where they are).  Then, from schema 1, the new dues. */
	if (schema < 4 && (rc = store_compact_migrate_4(t, e)))
		return rc;
	if (what && ((rc = per_fix_dues(t, m->p, NULL, e)) || (rc = per_record_months(t, m->p, e))))
		return rc;
	/* 2 -> 3: the partner index and the image of the unit tree (each its
	 * own step) */
	if (schema < 3 && ((rc = partner_migrate_3(t, e)) || (rc = unitsnap_migrate_3(t, e))))
		return rc;
	/* -> 5: group tasks opened to their units (with obligations) marked,
	 * out of the counters and the due index (a store of this release's
	 * schema 4, made before the mark, gets it too); then the rows beside
	 * the due index, from the dues and marks now stored */
	size_t nmarked;
	if (schema < 5 && ((rc = ops_group_marks(t, NULL, &nmarked, e)) ||
	                   (rc = store_cover_migrate_5(t, e))))
		return rc;
	if (schema < STORE_SCHEMA && (rc = store_schema_set(t, STORE_SCHEMA, e)))
		return rc;
	m->done = what ? what : 3;
	return 0;
}

int per_migrate(struct store *st, const struct periods *p, int *migrated, struct err *e)
{
	struct migration m = {p, 0};
	struct txn *t;
	int what, rc;

	if (migrated)
		*migrated = 0;
	if ((rc = store_read_begin(st, &t, e)))
		return rc;
	long schema;
	rc = needs(t, p, &what, &schema, e);
	store_read_end(t);
	if (rc || (!what && schema >= STORE_SCHEMA))
		return rc;
	if ((rc = store_write(st, migrate_fn, &m, e)))
		return rc;
	if (migrated)
		*migrated = m.done;
	return 0;
}
