/* store-index.c — the secondary index entries each record owns, and
 * bringing the indexes from a record's old version to its new one.
 *
 * One function per record kind says which entries it has (ix_of_*); the
 * writers, store_rebuild_indexes and store_check all use them, so the
 * three can never disagree about what an index should hold. */
#include <stdlib.h>
#include <string.h>

#include "deadline.h"
#include "store-impl.h"
#include "text.h"
#include "timeliness.h"

static struct ixent *ix_add(struct ixset *s, enum store_db db)
{
	struct ixent *x = &s->e[s->n++];
	x->db = db;
	x->klen = 0;
	x->vlen = 0;
	x->wide = 0;
	return x;
}

static void key32(struct ixent *x, uint32_t v)
{
	be32_put(x->key + x->klen, v);
	x->klen += 4;
}

static void key64(struct ixent *x, uint64_t v)
{
	be64_put(x->key + x->klen, v);
	x->klen += 8;
}

static void val32(struct ixent *x, uint32_t v)
{
	be32_put(x->val + x->vlen, v);
	x->vlen += 4;
}

static void val64(struct ixent *x, uint64_t v)
{
	be64_put(x->val + x->vlen, v);
	x->vlen += 8;
}

size_t ix_number_key(const char *number, unsigned char *key)
{
	size_t n = 0;
	char *f;

	if (!number[0])
		return 0;
	f = txt_fold(number, TXT_NUL, &n);
	if (n > IX_KEY_MAX)
		n = IX_KEY_MAX;
	memcpy(key, f, n);
	free(f);
	return n;
}

void ix_of_unit(const struct unit *u, struct ixset *s)
{
	size_t n = strnlen(u->code, sizeof u->code);

	s->n = 0;
	if (n > 0) {
		struct ixent *x = ix_add(s, DB_UNIT_CODE);
		memcpy(x->key, u->code, n);
		x->klen = (uint8_t)n;
		be32_put(x->val, u->id);
		x->vlen = 4;
	}
}

void ix_of_doc(const struct doc *d, struct ixset *s)
{
	struct ixent *x;
	unsigned char key[IX_KEY_MAX];
	size_t n = ix_number_key(d->number, key);

	s->n = 0;
	if (n > 0) {
		x = ix_add(s, DB_DOC_NUMBER);
		memcpy(x->key, key, n);
		x->klen = (uint8_t)n;
		be64_put(x->val, d->id);
		x->vlen = 8;
	}
	x = ix_add(s, DB_DOC_ISSUER);
	key32(x, d->issuer);
	key64(x, d->id);
}

date_t count_slot(const struct task *t)
{
	/* an opened group task is counted through its obligations */
	if (t->group_open)
		return STORE_SLOT_UNCOUNTED;
	/* A recurring task that is done is done for its period and owes the
	 * next one (period.h, per_recurring): it stays open at its due. */
	if (t->status == ST_ON_HOLD ||
	    (!st_is_open((enum task_status)t->status) && !dl_is_periodic(&t->dl)))
		return STORE_SLOT_CLOSED;
	if (t->due == DATE_NONE || t->due >= STORE_SLOT_NODUE)
		return STORE_SLOT_NODUE;
	return t->due;
}

void ix_of_task(const struct task *t, struct ixset *s)
{
	struct ixent *x;
	date_t slot = count_slot(t);

	/* duplicates under the owner's key (store.h) */
	s->n = 0;
	x = ix_add(s, DB_TASK_DOC);
	key64(x, t->doc_id);
	val64(x, t->id);
	x = ix_add(s, DB_TASK_LEAD);
	key32(x, t->lead);
	val64(x, t->id);
	/* each distinct partner unit once (store_task_put refuses more than
	 * STORE_PARTNERS_MAX of them) */
	for (int i = 0, n = 0; i < t->npartners && n < STORE_PARTNERS_MAX; i++) {
		int seen = !t->partners[i];
		for (int j = 0; j < i && !seen; j++)
			seen = t->partners[j] == t->partners[i];
		if (seen)
			continue;
		x = ix_add(s, DB_TASK_PARTNER);
		key32(x, t->partners[i]);
		key64(x, t->id);
		n++;
	}
	if (slot != STORE_SLOT_UNCOUNTED && slot < STORE_SLOT_NODUE) {
		x = ix_add(s, DB_DUE);
		key32(x, day_bias(slot));
		val64(x, t->id);
		val32(x, t->lead);
		x = ix_add(s, DB_UNIT_DUE);
		key32(x, t->lead);
		val32(x, day_bias(slot));
		val64(x, t->id);
	}
	/* the row beside due_tasks' entry, when there is one */
	cover_of_task(t, s);
}

static void ix_pair(struct ixset *s, enum store_db db, uint64_t owner, uint64_t id)
{
	struct ixent *x;

	s->n = 0;
	x = ix_add(s, db);
	key64(x, owner);
	key64(x, id);
}

void ix_of_extension(const struct extension *x, struct ixset *s)
{
	ix_pair(s, DB_EXT_TASK, x->task_id, x->id);
}

void ix_of_indicator(const struct indicator *i, struct ixset *s)
{
	ix_pair(s, DB_IND_DOC, i->doc_id, i->id);
}

void ix_of_measure(const struct measure *m, struct ixset *s)
{
	ix_pair(s, DB_MEAS_IND, m->indicator_id, m->id);
}

/* Entry identity: database and key, and the value too where one key holds
 * several values (doc_number). */
static int same_entry(const struct ixset *as, const struct ixent *a, const struct ixset *bs,
                      const struct ixent *b, int with_val)
{
	if (a->db != b->db || a->klen != b->klen || memcmp(a->key, b->key, a->klen) != 0)
		return 0;
	if (!with_val)
		return 1;
	return a->vlen == b->vlen && memcmp(ix_val(as, a), ix_val(bs, b), a->vlen) == 0;
}

/* Does s hold entry x of set xs? */
static int has_entry(const struct ixset *s, const struct ixset *xs, const struct ixent *x,
                     int with_val)
{
	for (int i = 0; s && i < s->n; i++)
		if (same_entry(s, &s->e[i], xs, x, with_val))
			return 1;
	return 0;
}

int ix_has(const struct ixset *s, enum store_db db, const void *key, size_t klen,
           const void *val, size_t vlen)
{
	for (int i = 0; i < s->n; i++) {
		const struct ixent *x = &s->e[i];
		if (x->db == db && x->klen == klen && memcmp(x->key, key, klen) == 0 &&
		    x->vlen == vlen && (vlen == 0 || memcmp(ix_val(s, x), val, vlen) == 0))
			return 1;
	}
	return 0;
}

static int is_dup(enum store_db db)
{
	return (store_db_table[db].flags & MDB_DUPSORT) != 0;
}

int ix_apply(struct txn *t, const struct ixset *old, const struct ixset *new, struct err *e)
{
	int rc;

	for (int i = 0; old && i < old->n; i++) {
		const struct ixent *x = &old->e[i];
		int dup = is_dup(x->db);
		if (has_entry(new, old, x, dup))
			continue;
		rc = store_del(t, x->db, x->key, x->klen, dup ? ix_val(old, x) : NULL, x->vlen, e);
		if (rc)
			return rc;
	}
	for (int i = 0; new && i < new->n; i++) {
		const struct ixent *x = &new->e[i];
		if (has_entry(old, new, x, 1))
			continue;
		rc = store_put(t, x->db, x->key, x->klen, ix_val(new, x), x->vlen, 0, e);
		if (rc)
			return rc;
	}
	return 0;
}
