/* store-count.c — the counters: for every unit and each of its ancestors
 * (and unit 0, the whole store), how many tasks sit in each slot (a due
 * day for open dated tasks, STORE_SLOT_NODUE, STORE_SLOT_CLOSED).
 *
 * Writers adjust them per task (count_add, walking parents in the units
 * database); rebuilding and checking tally every task in memory against a
 * table of the hierarchy read once (struct tally). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store-impl.h"

/* ---- parent chains ------------------------------------------------------- */

/* Parent of unit id: *found 0 when the unit is absent (or unreadable). */
typedef int (*parent_fn)(void *ctx, uint32_t id, uint32_t *parent, int *found, struct err *e);

/* lead, its ancestors, then 0; just 0 for lead 0.  chain holds
 * STORE_MAX_DEPTH + 1 entries. */
static int chain_of(uint32_t lead, parent_fn pf, void *ctx, uint32_t *chain, int *n,
                    struct err *e)
{
	uint32_t u = lead;
	int rc;

	*n = 0;
	while (u != 0) {
		uint32_t parent = 0;
		int found = 0;

		for (int i = 0; i < *n; i++)
			if (chain[i] == u)
				return err_set(e, ERR_STORE, "cây đơn vị có vòng lặp ở đơn vị %u", u);
		if (*n >= STORE_MAX_DEPTH)
			return err_set(e, ERR_STORE, "cây đơn vị sâu quá %d cấp ở đơn vị %u",
			               STORE_MAX_DEPTH, lead);
		chain[(*n)++] = u;
		if ((rc = pf(ctx, u, &parent, &found, e)))
			return rc;
		if (!found)
			break;
		u = parent;
	}
	chain[(*n)++] = 0;
	return 0;
}

static int parent_in_db(void *ctx, uint32_t id, uint32_t *parent, int *found, struct err *e)
{
	struct txn *t = ctx;
	unsigned char key[4];
	MDB_val v;
	int rc;

	be32_put(key, id);
	rc = store_get(t, DB_UNITS, key, 4, &v, e);
	*found = 0;
	if (rc == MDB_NOTFOUND)
		return 0;
	if (rc)
		return rc;
	/* an unreadable unit ends the chain, as in the tally; store_check
	 * reports it */
	if (codec_unit_parent(v.mv_data, v.mv_size, parent, NULL) == 0)
		*found = 1;
	return 0;
}

static void count_key(unsigned char *key, uint32_t unit, date_t slot)
{
	be32_put(key, unit);
	be32_put(key + 4, day_bias(slot));
}

/* The chain of lead in this write transaction, from the cache. */
static int cached_chain(struct txn *t, uint32_t lead, const uint32_t **chain, int *n,
                        struct err *e)
{
	struct store *st = t->st;
	struct chain_slot *cs;
	int rc;

	if (!st->chains)
		st->chains = xcalloc(CHAIN_CACHE, sizeof *st->chains);
	cs = &st->chains[lead % CHAIN_CACHE];
	if (cs->gen != st->chain_gen || cs->lead != lead || cs->n == 0) {
		cs->n = 0;
		if ((rc = chain_of(lead, parent_in_db, t, cs->chain, &cs->n, e))) {
			cs->n = 0;
			return rc;
		}
		cs->gen = st->chain_gen;
		cs->lead = lead;
	}
	*chain = cs->chain;
	*n = cs->n;
	return 0;
}

int count_add(struct txn *t, uint32_t lead, date_t slot, int delta, struct err *e)
{
	const uint32_t *chain;
	MDB_cursor *c;
	int n, rc;

	if (slot == STORE_SLOT_UNCOUNTED)
		return 0;
	if ((rc = cached_chain(t, lead, &chain, &n, e)) || (rc = store_cursor(t, DB_COUNTS, &c, e)))
		return rc;
	/* one cursor for the chain: an existing counter is found once and
	 * overwritten in place */
	for (int i = 0; i < n && !rc; i++) {
		unsigned char key[8], val[4];
		MDB_val k = {8, key}, v;
		int64_t cnt = 0;

		count_key(key, chain[i], slot);
		rc = mdb_cursor_get(c, &k, &v, MDB_SET_KEY);
		if (rc == 0 && v.mv_size == 4)
			cnt = be32_get(v.mv_data);
		else if (rc && rc != MDB_NOTFOUND)
			break;
		int found = rc == 0;
		/* a counter that would go negative was damaged: clamp it, and
		 * leave the report to store_check */
		cnt += delta;
		v.mv_size = 4;
		v.mv_data = val;
		be32_put(val, cnt > UINT32_MAX ? UINT32_MAX : cnt < 0 ? 0 : (uint32_t)cnt);
		if (cnt <= 0)
			rc = found ? mdb_cursor_del(c, 0) : 0;
		else
			rc = mdb_cursor_put(c, &k, &v, found ? MDB_CURRENT : 0);
	}
	mdb_cursor_close(c);
	if (rc && rc != MDB_NOTFOUND)
		return store_lmdb_err(t, rc, e, "counts");
	return 0;
}

const char *count_slot_str(date_t slot, char buf[16])
{
	if (slot == STORE_SLOT_NODUE)
		return "không hạn";
	if (slot == STORE_SLOT_CLOSED)
		return "đã đóng";
	return date_iso(slot, buf);
}

/* ---- reading counters ---------------------------------------------------- */

/* Call fn for every counter of unit with slot in [lo, hi] (biased). */
static int each_counter(struct txn *t, uint32_t unit, uint32_t lo, uint32_t hi,
                        void (*fn)(date_t slot, uint64_t n, void *ctx), void *ctx,
                        struct err *e)
{
	MDB_cursor *c;
	MDB_val k, v;
	unsigned char key[8];
	int rc;

	if (lo > hi)
		return 0;
	if ((rc = store_cursor(t, DB_COUNTS, &c, e)))
		return rc;
	be32_put(key, unit);
	be32_put(key + 4, lo);
	k.mv_size = 8;
	k.mv_data = key;
	for (rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE); rc == 0;
	     rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		if (k.mv_size != 8 || be32_get(k.mv_data) != unit)
			break;
		uint32_t s = be32_get((const unsigned char *)k.mv_data + 4);
		if (s > hi)
			break;
		fn(day_unbias(s), v.mv_size == 4 ? be32_get(v.mv_data) : 0, ctx);
	}
	mdb_cursor_close(c);
	if (rc && rc != MDB_NOTFOUND)
		return store_lmdb_err(t, rc, e, "counts");
	return 0;
}

static void sum_fn(date_t slot, uint64_t n, void *ctx)
{
	(void)slot;
	*(uint64_t *)ctx += n;
}

int store_count(struct txn *t, uint32_t unit, date_t from, date_t to, uint64_t *out,
                struct err *e)
{
	uint32_t lo = from == DATE_NONE ? 0 : day_bias(from);
	uint32_t hi = day_bias(to == DATE_NONE ? STORE_SLOT_CLOSED : to);

	*out = 0;
	return each_counter(t, unit, lo, hi, sum_fn, out, e);
}

struct unit_counts_ctx {
	struct store_counts *out;
	date_t today, soon_end;
};

static void unit_counts_fn(date_t slot, uint64_t n, void *ctx)
{
	struct unit_counts_ctx *c = ctx;

	c->out->total += n;
	if (slot == STORE_SLOT_CLOSED) {
		c->out->closed += n;
		return;
	}
	c->out->open += n;
	if (slot == STORE_SLOT_NODUE)
		return;
	if (slot < c->today)
		c->out->overdue += n;
	else if (slot <= c->soon_end)
		c->out->soon += n;
}

int store_unit_counts(struct txn *t, uint32_t unit, date_t today, int window,
                      struct store_counts *out, struct err *e)
{
	struct unit_counts_ctx c = {out, today, DATE_NONE};
	int64_t end = (int64_t)today + (window > 0 ? window : 0);

	memset(out, 0, sizeof *out);
	c.soon_end = end >= STORE_SLOT_NODUE ? STORE_SLOT_NODUE - 1 : (date_t)end;
	if (window < 0)
		c.soon_end = today - 1;
	return each_counter(t, unit, 0, UINT32_MAX, unit_counts_fn, &c, e);
}

/* ---- tally: counters recomputed in memory ----------------------------- */

struct tally {
	/* the hierarchy: ids ascending, parents beside them */
	uint32_t *ids, *parents;
	size_t nunits;
	/* open addressing: key unit << 32 | biased slot; count 0 = empty */
	uint64_t *keys, *counts;
	size_t cap, used;
};

static int parent_in_tally(void *ctx, uint32_t id, uint32_t *parent, int *found,
                           struct err *e)
{
	struct tally *ty = ctx;
	size_t lo = 0, hi = ty->nunits;

	(void)e;
	*found = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ty->ids[mid] < id) {
			lo = mid + 1;
		} else if (ty->ids[mid] > id) {
			hi = mid;
		} else {
			*parent = ty->parents[mid];
			*found = 1;
			break;
		}
	}
	return 0;
}

int tally_new(struct txn *t, struct tally **out, struct err *e)
{
	struct tally *ty = xcalloc(1, sizeof *ty);
	MDB_cursor *c;
	MDB_val k, v;
	size_t cap = 0;
	int rc;

	*out = NULL;
	if ((rc = store_cursor(t, DB_UNITS, &c, e))) {
		free(ty);
		return rc;
	}
	for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		uint32_t parent;
		if (k.mv_size != 4 || codec_unit_parent(v.mv_data, v.mv_size, &parent, NULL))
			continue; /* unreadable: absent, as for count_add */
		if (ty->nunits == cap) {
			cap = cap ? 2 * cap : 64;
			ty->ids = xrealloc(ty->ids, cap * sizeof *ty->ids);
			ty->parents = xrealloc(ty->parents, cap * sizeof *ty->parents);
		}
		ty->ids[ty->nunits] = be32_get(k.mv_data);
		ty->parents[ty->nunits++] = parent;
	}
	mdb_cursor_close(c);
	if (rc != MDB_NOTFOUND) {
		tally_free(ty);
		return store_lmdb_err(t, rc, e, "units");
	}
	ty->cap = 1024;
	ty->keys = xcalloc(ty->cap, sizeof *ty->keys);
	ty->counts = xcalloc(ty->cap, sizeof *ty->counts);
	*out = ty;
	return 0;
}

void tally_free(struct tally *ty)
{
	if (!ty)
		return;
	free(ty->ids);
	free(ty->parents);
	free(ty->keys);
	free(ty->counts);
	free(ty);
}

static size_t hash_slot(uint64_t key, size_t cap)
{
	key ^= key >> 33;
	key *= 0xff51afd7ed558ccdULL;
	key ^= key >> 33;
	return (size_t)key & (cap - 1);
}

/* The cell of key (empty if absent). */
static size_t tally_find(const struct tally *ty, uint64_t key)
{
	size_t i = hash_slot(key, ty->cap);
	while (ty->counts[i] && ty->keys[i] != key)
		i = (i + 1) & (ty->cap - 1);
	return i;
}

static void tally_grow(struct tally *ty)
{
	uint64_t *keys = ty->keys, *counts = ty->counts;
	size_t cap = ty->cap;

	ty->cap *= 2;
	ty->keys = xcalloc(ty->cap, sizeof *ty->keys);
	ty->counts = xcalloc(ty->cap, sizeof *ty->counts);
	for (size_t i = 0; i < cap; i++) {
		if (!counts[i])
			continue;
		size_t j = tally_find(ty, keys[i]);
		ty->keys[j] = keys[i];
		ty->counts[j] = counts[i];
	}
	free(keys);
	free(counts);
}

static uint64_t tally_key(uint32_t unit, date_t slot)
{
	return (uint64_t)unit << 32 | day_bias(slot);
}

int tally_task(struct tally *ty, uint32_t lead, date_t slot, struct err *e)
{
	uint32_t chain[STORE_MAX_DEPTH + 1];
	int n, rc;

	if (slot == STORE_SLOT_UNCOUNTED)
		return 0;
	if ((rc = chain_of(lead, parent_in_tally, ty, chain, &n, e)))
		return rc;
	for (int i = 0; i < n; i++) {
		uint64_t key = tally_key(chain[i], slot);
		size_t j;

		if (2 * (ty->used + 1) > ty->cap)
			tally_grow(ty);
		j = tally_find(ty, key);
		if (!ty->counts[j]) {
			ty->keys[j] = key;
			ty->used++;
		}
		ty->counts[j]++;
	}
	return 0;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

int tally_write(struct txn *t, struct tally *ty, struct err *e)
{
	uint64_t *keys = xmalloc((ty->used ? ty->used : 1) * sizeof *keys);
	size_t n = 0;
	int rc = 0;

	for (size_t i = 0; i < ty->cap; i++)
		if (ty->counts[i])
			keys[n++] = ty->keys[i];
	xqsort(keys, n, sizeof *keys, cmp_u64);
	for (size_t i = 0; i < n && !rc; i++) {
		unsigned char key[8], val[4];
		uint64_t c = ty->counts[tally_find(ty, keys[i])];

		be64_put(key, keys[i]);
		be32_put(val, c > UINT32_MAX ? UINT32_MAX : (uint32_t)c);
		rc = store_put(t, DB_COUNTS, key, 8, val, 4, MDB_APPEND, e);
	}
	free(keys);
	return rc;
}

int tally_compare(struct txn *t, struct tally *ty, struct sbuf *rep, size_t *nproblems,
                  struct err *e)
{
	MDB_cursor *c;
	MDB_val k, v;
	size_t matched = 0;
	char buf[16];
	int rc;

	if ((rc = store_cursor(t, DB_COUNTS, &c, e)))
		return rc;
	for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
	     rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		if (k.mv_size != 8 || v.mv_size != 4) {
			store_report(rep, nproblems, "counts: mục có kích thước sai (khóa %zu, giá trị %zu byte)",
			             k.mv_size, v.mv_size);
			continue;
		}
		uint64_t key = be64_get(k.mv_data);
		uint64_t have = be32_get(v.mv_data);
		size_t j = tally_find(ty, key);
		uint64_t want = ty->counts[j];
		date_t slot = day_unbias((uint32_t)key);

		if (want)
			matched++;
		if (have == 0)
			store_report(rep, nproblems, "counts: đơn vị %u, %s: bộ đếm bằng 0 vẫn còn lưu",
			             (unsigned)(key >> 32), count_slot_str(slot, buf));
		else if (have != want)
			store_report(rep, nproblems, "counts: đơn vị %u, %s: bộ đếm %llu, đếm lại được %llu",
			             (unsigned)(key >> 32), count_slot_str(slot, buf),
			             (unsigned long long)have, (unsigned long long)want);
	}
	mdb_cursor_close(c);
	if (rc != MDB_NOTFOUND)
		return store_lmdb_err(t, rc, e, "counts");
	if (matched == ty->used)
		return 0;
	for (size_t i = 0; i < ty->cap; i++) {
		unsigned char key[8];
		if (!ty->counts[i])
			continue;
		be64_put(key, ty->keys[i]);
		rc = store_get(t, DB_COUNTS, key, 8, &v, e);
		if (rc == MDB_NOTFOUND)
			store_report(rep, nproblems, "counts: thiếu bộ đếm đơn vị %u, %s (đếm lại được %llu)",
			             (unsigned)(ty->keys[i] >> 32),
			             count_slot_str(day_unbias((uint32_t)ty->keys[i]), buf),
			             (unsigned long long)ty->counts[i]);
		else if (rc)
			return rc;
	}
	return 0;
}

/* ---- rebuilding ---------------------------------------------------------- */

int store_tally_tasks(struct txn *t, struct tally *ty, struct err *e)
{
	MDB_cursor *c;
	MDB_val k, v;
	int rc, ret = 0;

	if ((rc = store_cursor(t, DB_TASKS, &c, e)))
		return rc;
	for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0 && !ret;
	     rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		struct task task;
		if (codec_task_decode_d(v.mv_data, v.mv_size, store_dict(t), &task, NULL))
			continue; /* unreadable: store_check reports it */
		ret = tally_task(ty, task.lead, count_slot(&task), e);
		task_free(&task);
	}
	mdb_cursor_close(c);
	if (ret)
		return ret;
	if (rc != MDB_NOTFOUND)
		return store_lmdb_err(t, rc, e, "tasks");
	return 0;
}

int store_rebuild_counts(struct txn *t, struct err *e)
{
	struct tally *ty;
	int rc;

	if ((rc = store_need_write(t, e)))
		return rc;
	if ((rc = mdb_drop(t->txn, t->st->dbi[DB_COUNTS], 0)))
		return store_lmdb_err(t, rc, e, "counts");
	if ((rc = tally_new(t, &ty, e)))
		return rc;
	rc = store_tally_tasks(t, ty, e);
	if (!rc)
		rc = tally_write(t, ty, e);
	tally_free(ty);
	return rc;
}
