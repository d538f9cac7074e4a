/* hier.c — the unit hierarchy for the interfaces: the store's image of
 * the tree (unitsnap.h) read in place, or built from the units when the
 * image is missing or stale.
 *
 * Units are in tree order, so the subtree of unit i is the range
 * [i, end): "is u below r" is two comparisons.  Ids are found through the
 * image's table by id, codes and names by binary search of its sorted
 * tables (names folded: case and diacritics ignored).  Nothing is copied
 * or sorted at load: hier_at() makes a struct unit the first time a
 * position is asked for, so a command touches only the units it shows.
 */
#include "hier.h"

#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "text.h"
#include "unitsnap.h"
#include "util.h"

#define NPOS ((size_t)-1)

/* Strings of the units hier_at() made, freed together. */
struct chunk {
	struct chunk *next;
	size_t used, cap;
	char data[];
};

struct hier {
	struct store_pin *pin; /* the store's image, or NULL */
	struct sbuf own;       /* or an image built here from the units */
	const void *base;      /* the bytes v was made from */
	struct unitsnap v;
	int stored;
	struct unit *slot;     /* hier_at's units by position (id 0: not made yet) */
	struct chunk *strings;
};

/* The view, following the pinned bytes if the store moved them. */
static const struct unitsnap *snap(const struct hier *h)
{
	if (h->pin) {
		size_t len;
		const void *d = store_pin_data(h->pin, &len);

		if (d != h->base) {
			/* a hierarchy is always heap-allocated by hier_load(), so
			 * following through a const pointer is well defined */
			struct hier *mh = (struct hier *)h;
			if (unitsnap_view(d, len, &mh->v))
				memset(&mh->v, 0, sizeof mh->v); /* same bytes: cannot fail */
			mh->base = d;
		}
	}
	return &h->v;
}

/* ---- loading ------------------------------------------------------------- */

static int build_from_units(struct txn *t, struct hier *h, uint64_t gen, struct err *e)
{
	struct unit *v;
	size_t n;
	int rc = unitsnap_collect(t, &v, &n, e);

	if (rc)
		return rc;
	unitsnap_build(v, n, gen, &h->own);
	for (size_t i = 0; i < n; i++)
		unit_free(&v[i]);
	free(v);
	h->base = h->own.s;
	if (unitsnap_view(h->own.s, h->own.len, &h->v))
		return err_set(e, ERR_INTERNAL, "không dựng được cây đơn vị");
	return 0;
}

static int load(struct txn *t, int use_image, struct hier **out, struct err *e)
{
	struct hier *h = xcalloc(1, sizeof *h);
	uint64_t gen;
	int rc;

	*out = NULL;
	if ((rc = store_units_gen(t, &gen, e)))
		goto fail;
	if (use_image) {
		const void *d;
		size_t len;

		if ((rc = store_unitsnap_pin(t, &h->pin, e)))
			goto fail;
		d = store_pin_data(h->pin, &len);
		/* an image of other units than t's is stale: not used */
		if (d && !unitsnap_view(d, len, &h->v) && h->v.gen == gen) {
			h->base = d;
			h->stored = 1;
			*out = h;
			return 0;
		}
		store_pin_release(h->pin);
		h->pin = NULL;
	}
	if ((rc = build_from_units(t, h, gen, e)))
		goto fail;
	*out = h;
	return 0;
fail:
	hier_free(h);
	return rc;
}

int hier_load(struct txn *t, struct hier **out, struct err *e)
{
	return load(t, 1, out, e);
}

int hier_build(struct txn *t, struct hier **out, struct err *e)
{
	return load(t, 0, out, e);
}

void hier_detach(struct hier *h)
{
	if (h)
		store_pin_detach(h->pin); /* snap() follows the bytes */
}

int hier_stored(const struct hier *h)
{
	return h && h->stored;
}

void hier_free(struct hier *h)
{
	if (!h)
		return;
	store_pin_release(h->pin);
	sbuf_free(&h->own);
	free(h->slot);
	while (h->strings) {
		struct chunk *c = h->strings;
		h->strings = c->next;
		free(c);
	}
	free(h);
}

/* ---- units by position ----------------------------------------------------- */

static char *keep_str(struct hier *h, const char *s)
{
	size_t n;
	char *p;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	if (!h->strings || h->strings->cap - h->strings->used < n) {
		size_t cap = n > 16384 ? n : 16384;
		struct chunk *c = xmalloc(sizeof *c + cap);
		c->next = h->strings;
		c->used = 0;
		c->cap = cap;
		h->strings = c;
	}
	p = h->strings->data + h->strings->used;
	memcpy(p, s, n);
	h->strings->used += n;
	return p;
}

size_t hier_count(const struct hier *h)
{
	return h ? snap(h)->n : 0;
}

const struct unit *hier_at(const struct hier *h, size_t i)
{
	const struct unitsnap *v;
	struct hier *mh = (struct hier *)h; /* heap-allocated: see snap() */
	struct unit *u;

	if (!h || i >= (v = snap(h))->n)
		return NULL;
	if (!h->slot)
		mh->slot = xcalloc(v->n, sizeof *h->slot);
	u = &mh->slot[i];
	if (!u->id) {
		const struct unitsnap_unit *s = &v->u[i];
		const char *code = unitsnap_str(v, s->code);

		u->id = s->id;
		str_copy(u->code, code ? code : "", sizeof u->code);
		u->name = keep_str(mh, unitsnap_str(v, s->name));
		u->abbrevs = keep_str(mh, unitsnap_str(v, s->abbrevs));
		u->kind = s->kind;
		u->parent = s->parent;
		u->historical = s->historical;
		u->successor = s->successor;
	}
	return u;
}

int hier_depth(const struct hier *h, size_t i)
{
	const struct unitsnap *v = h ? snap(h) : NULL;

	return v && i < v->n ? v->u[i].depth : 0;
}

/* The end of i's subtree, kept within the image. */
static size_t end_of(const struct unitsnap *v, size_t i)
{
	size_t end = v->u[i].end;

	return end > i && end <= v->n ? end : i + 1;
}

size_t hier_subtree_end(const struct hier *h, size_t i)
{
	const struct unitsnap *v = h ? snap(h) : NULL;

	return v && i < v->n ? end_of(v, i) : i;
}

/* ---- lookups --------------------------------------------------------------- */

static size_t find_id(const struct unitsnap *v, uint32_t id)
{
	size_t pos = NPOS;

	if (!id)
		return NPOS;
	if (v->dense) {
		if (id < v->nids && v->ids[id])
			pos = v->ids[id] - 1;
	} else {
		size_t a = 0, b = v->nids;

		while (a < b) {
			size_t m = a + (b - a) / 2;
			if (v->ids[2 * m] < id)
				a = m + 1;
			else
				b = m;
		}
		if (a < v->nids && v->ids[2 * a] == id)
			pos = v->ids[2 * a + 1];
	}
	return pos < v->n && v->u[pos].id == id ? pos : NPOS;
}

size_t hier_find_id(const struct hier *h, uint32_t id)
{
	return h ? find_id(snap(h), id) : NPOS;
}

/* The code of the unit at codes[k], "" for a damaged entry. */
static const char *code_at(const struct unitsnap *v, size_t k)
{
	uint32_t pos = v->codes[k];
	const char *s = pos < v->n ? unitsnap_str(v, v->u[pos].code) : NULL;

	return s ? s : "";
}

size_t hier_find_code(const struct hier *h, const char *code)
{
	const struct unitsnap *v;
	size_t a = 0, b;

	if (!h || !code)
		return NPOS;
	v = snap(h);
	b = v->n;
	while (a < b) {
		size_t m = a + (b - a) / 2;
		if (strcmp(code_at(v, m), code) < 0)
			a = m + 1;
		else
			b = m;
	}
	return a < v->n && !strcmp(code_at(v, a), code) && v->codes[a] < v->n ? v->codes[a] : NPOS;
}

const struct unit *hier_unit(const struct hier *h, uint32_t id)
{
	size_t i = hier_find_id(h, id);

	return i == NPOS ? NULL : hier_at(h, i);
}

int hier_in_subtree(const struct hier *h, uint32_t unit, uint32_t root)
{
	const struct unitsnap *v;
	size_t u, r;

	if (!h)
		return 0;
	v = snap(h);
	u = find_id(v, unit);
	r = find_id(v, root);
	return u != NPOS && r != NPOS && r <= u && u < end_of(v, r);
}

/* ---- names ------------------------------------------------------------------ */

static const char *key_str(const struct unitsnap *v, size_t k)
{
	const char *s = unitsnap_str(v, v->keys[k].folded);

	return s ? s : "";
}

/* [*lo, *hi) of the keys whose folded string equals that of name. */
static void key_range(const struct unitsnap *v, const char *name, size_t *lo, size_t *hi)
{
	char *f = txt_fold(name, TXT_NUL, NULL);
	size_t a = 0, b = v->nkeys;

	while (a < b) {
		size_t m = a + (b - a) / 2;
		if (strcmp(key_str(v, m), f) < 0)
			a = m + 1;
		else
			b = m;
	}
	*lo = a;
	for (b = a; b < v->nkeys && !strcmp(key_str(v, b), f); b++)
		;
	*hi = b;
	free(f);
}

/* Position of key k, NPOS for a damaged entry. */
static size_t key_pos(const struct unitsnap *v, size_t k)
{
	size_t pos = v->keys[k].pos_level / 4;

	return pos < v->n ? pos : NPOS;
}

/* Rank of a match: its level first (code, name, abbreviation), then
 * current units before historical ones. */
static int key_rank(const struct unitsnap *v, size_t k)
{
	return 2 * (int)(v->keys[k].pos_level % 4) + (v->u[key_pos(v, k)].historical ? 1 : 0);
}

size_t hier_resolve(const struct hier *h, const char *name)
{
	const struct unitsnap *v;
	size_t lo, hi, k, found = NPOS;
	int best = -1;

	if (!h || !name)
		return NPOS;
	v = snap(h);
	key_range(v, name, &lo, &hi);
	for (k = lo; k < hi; k++)
		if (key_pos(v, k) != NPOS && (best < 0 || key_rank(v, k) < best))
			best = key_rank(v, k);
	/* two distinct units at the best rank: the name is ambiguous */
	for (k = lo; k < hi; k++) {
		if (key_pos(v, k) == NPOS || key_rank(v, k) != best)
			continue;
		if (found != NPOS && found != key_pos(v, k))
			return NPOS;
		found = key_pos(v, k);
	}
	return found;
}

static int pos_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return (x > y) - (x < y);
}

size_t hier_resolve_all(const struct hier *h, const char *name, size_t *out, size_t max)
{
	const struct unitsnap *v;
	size_t lo, hi, k, n = 0, *pos;

	if (!h || !name)
		return 0;
	v = snap(h);
	key_range(v, name, &lo, &hi);
	if (lo == hi)
		return 0;
	pos = xmalloc((hi - lo) * sizeof *pos);
	for (k = lo; k < hi; k++)
		if (key_pos(v, k) != NPOS)
			pos[n++] = key_pos(v, k);
	xqsort(pos, n, sizeof *pos, pos_cmp); /* tree order, each unit once */
	size_t m = 0;
	for (k = 0; k < n; k++) {
		if (k && pos[k] == pos[k - 1])
			continue;
		if (m < max)
			out[m] = pos[k];
		m++;
	}
	free(pos);
	return m;
}
