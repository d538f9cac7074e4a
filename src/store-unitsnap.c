/* store-unitsnap.c — the stored image of the unit tree (unitsnap.h):
 * the units generation, rebuilding the image at the end of a write
 * transaction that changed a unit, checking it, and pinning it so that a
 * reader maps it in place for as long as it needs it.
 *
 * Database "unitsnap": "gen" -> u64 (big-endian), bumped once by every
 * write transaction that puts a unit or a linked name; "tree" -> the image,
 * stamped with the generation it was built from.  An image whose stamp is
 * not the store's generation is stale: readers build the tree from the
 * units instead (hier.h), check-store reports it, --repair rebuilds it.
 *
 * A pin is a read transaction of its own that keeps the image's pages
 * readable after the caller's transaction ended.  Before the map moves
 * (it grows, or follows another process's growth) and when the store is
 * closed, every pin is detached: its image copied to the heap and its
 * transaction ended, so readers see the same bytes at a new address.
 */
#include <stdlib.h>
#include <string.h>

#include "store-impl.h"
#include "unitsnap.h"

static const char GEN_KEY[] = "gen", TREE_KEY[] = "tree";

struct store_pin {
	struct store *st;       /* NULL when detached or never attached */
	MDB_txn *txn;           /* keeps data readable while attached */
	const void *data;
	size_t len;
	void *copy;             /* heap copy, once detached */
	struct store_pin *next; /* the store's list of attached pins */
};

static int gen_read(struct txn *t, uint64_t *gen, struct err *e)
{
	MDB_val v;
	int rc = store_get(t, DB_UNITSNAP, GEN_KEY, sizeof GEN_KEY - 1, &v, e);

	*gen = 0;
	if (rc == MDB_NOTFOUND)
		return 0;
	if (rc)
		return rc;
	if (v.mv_size != 8)
		return err_set(e, ERR_STORE, "kho dữ liệu bị hỏng: thế hệ của cây đơn vị không đọc được");
	*gen = be64_get(v.mv_data);
	return 0;
}

int store_units_gen(struct txn *t, uint64_t *gen, struct err *e)
{
	return gen_read(t, gen, e);
}

int store_units_touched(struct txn *t, struct err *e)
{
	unsigned char buf[8];
	uint64_t gen;
	int rc;

	if (t->units_dirty)
		return 0;
	if ((rc = store_need_write(t, e)) || (rc = gen_read(t, &gen, e)))
		return rc;
	be64_put(buf, gen + 1);
	if ((rc = store_put(t, DB_UNITSNAP, GEN_KEY, sizeof GEN_KEY - 1, buf, 8, 0, e)))
		return rc;
	t->units_dirty = 1;
	return 0;
}

/* The image the units of t give, stamped with t's generation, into out. */
static int build(struct txn *t, struct sbuf *out, struct err *e)
{
	struct unit *v;
	size_t n;
	uint64_t gen;
	int rc;

	if ((rc = gen_read(t, &gen, e)) || (rc = unitsnap_collect(t, &v, &n, e)))
		return rc;
	unitsnap_build(v, n, gen, out);
	for (size_t i = 0; i < n; i++)
		unit_free(&v[i]);
	free(v);
	return 0;
}

int store_unitsnap_commit(struct txn *t, struct err *e)
{
	struct sbuf img = {0};
	int rc;

	if (!t->units_dirty)
		return 0;
	if (!(rc = build(t, &img, e)))
		rc = store_put(t, DB_UNITSNAP, TREE_KEY, sizeof TREE_KEY - 1, img.s, img.len, 0, e);
	sbuf_free(&img);
	return rc;
}

int store_unitsnap_rebuild(struct txn *t, struct err *e)
{
	return store_units_touched(t, e);
}

int store_unitsnap_check(struct txn *t, struct sbuf *rep, size_t *nproblems, struct err *e)
{
	struct sbuf img = {0};
	struct unitsnap v;
	uint64_t gen;
	MDB_val cur;
	int rc;

	if ((rc = gen_read(t, &gen, e)))
		return rc;
	rc = store_get(t, DB_UNITSNAP, TREE_KEY, sizeof TREE_KEY - 1, &cur, e);
	if (rc == MDB_NOTFOUND) {
		MDB_stat ms;
		/* a store that never had a unit has no tree yet */
		if ((rc = mdb_stat(t->txn, t->st->dbi[DB_UNITS], &ms)))
			return store_lmdb_err(t, rc, e, "units");
		if (ms.ms_entries)
			store_report(rep, nproblems, "cây đơn vị lưu sẵn: không có (các lệnh phải đọc "
			             "lại mọi đơn vị)");
		return 0;
	}
	if (rc)
		return rc;
	if ((rc = build(t, &img, e)))
		goto out;
	/* an image the map gives unaligned cannot be viewed: copy it */
	void *copy = xmalloc(cur.mv_size ? cur.mv_size : 1);
	memcpy(copy, cur.mv_data, cur.mv_size);
	if (unitsnap_view(copy, cur.mv_size, &v))
		store_report(rep, nproblems, "cây đơn vị lưu sẵn: hỏng hoặc không đọc được");
	else if (v.gen != gen)
		store_report(rep, nproblems, "cây đơn vị lưu sẵn: đã cũ (thế hệ %llu, các đơn vị ở "
		             "thế hệ %llu)", (unsigned long long)v.gen, (unsigned long long)gen);
	else if (cur.mv_size != img.len || memcmp(copy, img.s, img.len))
		store_report(rep, nproblems, "cây đơn vị lưu sẵn: khác với các bản ghi đơn vị");
	free(copy);
out:
	sbuf_free(&img);
	return rc;
}

/* ---- pins ---------------------------------------------------------------- */

static void pin_copy(struct store_pin *p, const void *data, size_t len)
{
	p->copy = xmalloc(len ? len : 1);
	if (len)
		memcpy(p->copy, data, len);
	p->data = len ? p->copy : NULL;
	p->len = len;
}

/* The image as t sees it, copied (a write transaction's pages change
 * under it; an unaligned value cannot be read in place). */
static int pin_from(struct txn *t, struct store_pin *p, struct err *e)
{
	MDB_val v;
	int rc = store_get(t, DB_UNITSNAP, TREE_KEY, sizeof TREE_KEY - 1, &v, e);

	if (rc == MDB_NOTFOUND)
		return 0;
	if (rc)
		return rc;
	pin_copy(p, v.mv_data, v.mv_size);
	return 0;
}

int store_unitsnap_pin(struct txn *t, struct store_pin **out, struct err *e)
{
	struct store_pin *p = xcalloc(1, sizeof *p);
	struct txn pt = {t->st, NULL, 0, 0, 0, {0}, NULL, NULL};
	uint64_t gen, pgen;
	MDB_val v;
	int rc;

	*out = NULL;
	if ((rc = gen_read(t, &gen, e)))
		goto fail;
	/* A read transaction of the pin's own, on the same units: same
	 * generation (usually the very same snapshot). */
	if (t->write || mdb_txn_begin(t->st->env, NULL, MDB_RDONLY, &pt.txn)) {
		rc = pin_from(t, p, e);
		goto done;
	}
	rc = gen_read(&pt, &pgen, e);
	if (!rc)
		rc = store_get(&pt, DB_UNITSNAP, TREE_KEY, sizeof TREE_KEY - 1, &v, e);
	if (rc || pgen != gen || (uintptr_t)v.mv_data % 8) {
		mdb_txn_abort(pt.txn);
		rc = rc > 0 ? rc : pin_from(t, p, e);
		goto done;
	}
	p->st = t->st;
	p->txn = pt.txn;
	p->data = v.mv_data;
	p->len = v.mv_size;
	p->next = t->st->pins;
	t->st->pins = p;
done:
	if (rc)
		goto fail;
	*out = p;
	return 0;
fail:
	free(p);
	return rc;
}

const void *store_pin_data(const struct store_pin *p, size_t *len)
{
	*len = p ? p->len : 0;
	return p ? p->data : NULL;
}

/* Copy an attached pin's bytes to the heap, end its transaction and take
 * it off its store's list. */
static void detach(struct store_pin *p)
{
	struct store_pin **at;

	for (at = &p->st->pins; *at && *at != p; at = &(*at)->next)
		;
	if (*at)
		*at = p->next;
	pin_copy(p, p->data, p->len);
	mdb_txn_abort(p->txn);
	p->txn = NULL;
	p->st = NULL;
	p->next = NULL;
}

void store_pin_detach(struct store_pin *p)
{
	if (p && p->st)
		detach(p);
}

void store_pins_detach(struct store *st)
{
	while (st->pins)
		detach(st->pins);
}

void store_pin_release(struct store_pin *p)
{
	struct store_pin **at;

	if (!p)
		return;
	if (p->st) {
		for (at = &p->st->pins; *at && *at != p; at = &(*at)->next)
			;
		if (*at)
			*at = p->next;
		mdb_txn_abort(p->txn);
	}
	free(p->copy);
	free(p);
}
