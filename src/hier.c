/* hier.c — the unit hierarchy in memory: the store's units in pre-order,
 * with subtree ranges, lookup by id and code, and name resolution.
 *
 * Units are laid out in tree order, so the subtree of unit i is the range
 * [i, end[i]): "is u below r" is two comparisons.  Ids are found through
 * an open-addressing hash, codes through a sorted array, and names through
 * a sorted array of folded keys (code, name, each abbreviation).
 */
#include "hier.h"

#include <stdlib.h>
#include <string.h>

#include "store-alias.h"
#include "store.h"
#include "text.h"
#include "util.h"

#define NPOS ((size_t)-1)

/* What a folded key names: lower levels win when a name is resolved. */
enum key_level { KEY_CODE = 0, KEY_NAME, KEY_ABBREV };

struct name_key {
	char *folded;
	size_t pos;
	int level;
};

struct code_ix {
	const char *code;
	size_t pos;
};

struct hier {
	struct unit *u;       /* tree order */
	int *depth;
	size_t *end;
	size_t n;
	size_t *id_slot;      /* hash of ids: pos + 1, 0 = empty; nslots a power of 2 */
	size_t nslots;
	struct code_ix *by_code; /* sorted by code */
	struct name_key *keys; /* built on the first name lookup (keys_built) */
	size_t nkeys;
	int keys_built;
};

/* ---- reading the units ------------------------------------------------ */

struct unit_list {
	struct unit *v;
	size_t n, cap;
};

static int collect(const struct unit *u, void *ctx)
{
	struct unit_list *l = ctx;
	struct unit *d;

	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	d = &l->v[l->n++];
	*d = *u;
	d->name = u->name ? xstrdup(u->name) : NULL;
	d->abbrevs = u->abbrevs ? xstrdup(u->abbrevs) : NULL;
	return 0;
}

/* ---- id hash ----------------------------------------------------------- */

static size_t id_hash(uint32_t id, size_t mask)
{
	return (size_t)((id * 2654435761u) & mask);
}

static void id_insert(struct hier *h, uint32_t id, size_t pos)
{
	size_t mask = h->nslots - 1, i = id_hash(id, mask);

	while (h->id_slot[i])
		i = (i + 1) & mask;
	h->id_slot[i] = pos + 1;
}

size_t hier_find_id(const struct hier *h, uint32_t id)
{
	size_t mask, i;

	if (!h || !h->nslots || !id)
		return NPOS;
	mask = h->nslots - 1;
	for (i = id_hash(id, mask); h->id_slot[i]; i = (i + 1) & mask)
		if (h->u[h->id_slot[i] - 1].id == id)
			return h->id_slot[i] - 1;
	return NPOS;
}

/* ---- tree order ------------------------------------------------------- */

/* Lay the units of l (id order) out in pre-order into h.  A unit whose
 * parent is absent is a root; so is, defensively, the first unit met of a
 * parent cycle (units.ini rejects cycles, but the store is read as is). */
static void lay_out(struct hier *h, struct unit_list *l)
{
	size_t n = l->n, i, k, top, out = 0;
	size_t *first = xmalloc((n + 1) * sizeof *first); /* first child, NPOS if none */
	size_t *next = xmalloc((n + 1) * sizeof *next);   /* next sibling */
	size_t *last = xmalloc((n + 1) * sizeof *last);
	size_t *parent = xmalloc((n + 1) * sizeof *parent);
	size_t *stack = xmalloc((n + 1) * sizeof *stack); /* open positions in order[] */
	size_t *cursor = xmalloc((n + 1) * sizeof *cursor); /* next child to visit */
	size_t *order = xmalloc((n + 1) * sizeof *order);
	char *seen = xcalloc(n + 1, 1);
	struct hier tmp = { .u = l->v, .n = n, .nslots = h->nslots, .id_slot = h->id_slot };

	for (i = 0; i < n; i++)
		id_insert(&tmp, l->v[i].id, i);
	for (i = 0; i < n; i++)
		first[i] = next[i] = last[i] = NPOS;
	for (i = 0; i < n; i++) {
		size_t p = l->v[i].parent && l->v[i].parent != l->v[i].id
			   ? hier_find_id(&tmp, l->v[i].parent) : NPOS;

		parent[i] = p;
		if (p == NPOS)
			continue;
		if (first[p] == NPOS) /* children chained in id order */
			first[p] = i;
		else
			next[last[p]] = i;
		last[p] = i;
	}
	h->depth = xmalloc((n ? n : 1) * sizeof *h->depth);
	h->end = xmalloc((n ? n : 1) * sizeof *h->end);
	/* Two rounds: real roots first, then whatever a cycle left unseen. */
	for (k = 0; k < 2; k++) {
		for (i = 0; i < n; i++) {
			if (seen[i] || (k == 0 && parent[i] != NPOS))
				continue;
			seen[i] = 1;
			order[out] = i;
			h->depth[out] = 0;
			cursor[0] = first[i];
			stack[0] = out++;
			top = 1;
			while (top > 0) {
				size_t at = stack[top - 1], c = cursor[top - 1];

				while (c != NPOS && seen[c])
					c = next[c];
				if (c == NPOS) {
					h->end[at] = out;
					top--;
					continue;
				}
				cursor[top - 1] = next[c];
				seen[c] = 1;
				order[out] = c;
				h->depth[out] = h->depth[at] + 1;
				cursor[top] = first[c];
				stack[top++] = out++;
			}
		}
	}
	h->u = xmalloc((n ? n : 1) * sizeof *h->u);
	for (i = 0; i < n; i++)
		h->u[i] = l->v[order[i]];
	h->n = n;
	memset(h->id_slot, 0, h->nslots * sizeof *h->id_slot);
	for (i = 0; i < n; i++)
		id_insert(h, h->u[i].id, i);
	free(first);
	free(next);
	free(last);
	free(parent);
	free(stack);
	free(cursor);
	free(order);
	free(seen);
}

/* ---- codes and names --------------------------------------------------- */

static int code_ix_cmp(const void *a, const void *b)
{
	return strcmp(((const struct code_ix *)a)->code, ((const struct code_ix *)b)->code);
}

static void build_code_index(struct hier *h)
{
	size_t i;

	h->by_code = xmalloc((h->n ? h->n : 1) * sizeof *h->by_code);
	for (i = 0; i < h->n; i++) {
		h->by_code[i].code = h->u[i].code;
		h->by_code[i].pos = i;
	}
	xqsort(h->by_code, h->n, sizeof *h->by_code, code_ix_cmp);
}

size_t hier_find_code(const struct hier *h, const char *code)
{
	struct code_ix key = { code, 0 };
	const struct code_ix *hit;

	if (!h || !code)
		return NPOS;
	hit = bsearch(&key, h->by_code, h->n, sizeof *h->by_code, code_ix_cmp);
	return hit ? hit->pos : NPOS;
}

static void add_key(struct hier *h, size_t *cap, const char *s, size_t n, size_t pos, int level)
{
	char *f = txt_fold(s, n, NULL);

	if (!f[0]) {
		free(f);
		return;
	}
	if (h->nkeys == *cap) {
		*cap = *cap ? 2 * *cap : 128;
		h->keys = xrealloc(h->keys, *cap * sizeof *h->keys);
	}
	h->keys[h->nkeys].folded = f;
	h->keys[h->nkeys].pos = pos;
	h->keys[h->nkeys].level = level;
	h->nkeys++;
}

static int key_cmp(const void *a, const void *b)
{
	const struct name_key *x = a, *y = b;
	int c = strcmp(x->folded, y->folded);

	if (c)
		return c;
	if (x->level != y->level)
		return x->level - y->level;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

static void build_name_keys(struct hier *h)
{
	size_t cap = 0, i;

	for (i = 0; i < h->n; i++) {
		const struct unit *u = &h->u[i];
		const char *p = u->abbrevs;

		add_key(h, &cap, u->code, TXT_NUL, i, KEY_CODE);
		if (u->name)
			add_key(h, &cap, u->name, TXT_NUL, i, KEY_NAME);
		while (p && *p) {
			const char *comma = strchr(p, ',');
			size_t len = comma ? (size_t)(comma - p) : strlen(p);

			add_key(h, &cap, p, len, i, KEY_ABBREV);
			p += len;
			if (*p == ',')
				p++;
		}
	}
	if (h->nkeys)
		xqsort(h->keys, h->nkeys, sizeof *h->keys, key_cmp);
}

/* ---- loading ----------------------------------------------------------- */

/* A name the office linked to a unit (store-alias.h) reads as one more
 * abbreviation of that unit, so that names and imports resolve it. */
static int add_alias(const char *name, uint32_t unit, void *ctx)
{
	struct unit_list *l = ctx;
	if (strchr(name, ','))
		return 0; /* abbreviations are comma-separated; link refuses these */
	for (size_t i = 0; i < l->n; i++) {
		struct unit *u = &l->v[i];
		if (u->id != unit)
			continue;
		size_t a = u->abbrevs ? strlen(u->abbrevs) : 0, n = strlen(name);
		u->abbrevs = xrealloc(u->abbrevs, a + n + 3);
		if (a)
			memcpy(u->abbrevs + a, ", ", 2), a += 2;
		memcpy(u->abbrevs + a, name, n + 1);
		break;
	}
	return 0;
}

int hier_load(struct txn *t, struct hier **out, struct err *e)
{
	struct unit_list l = {0};
	struct hier *h;
	size_t i;
	int rc;

	*out = NULL;
	rc = store_units_each(t, collect, &l, e);
	if (!rc)
		rc = store_aliases_each(t, add_alias, &l, e);
	if (rc) {
		for (i = 0; i < l.n; i++)
			unit_free(&l.v[i]);
		free(l.v);
		return rc;
	}
	h = xcalloc(1, sizeof *h);
	for (h->nslots = 16; h->nslots < 2 * l.n; h->nslots *= 2)
		;
	h->id_slot = xcalloc(h->nslots, sizeof *h->id_slot);
	lay_out(h, &l);
	free(l.v); /* the strings moved into h->u */
	build_code_index(h);
	*out = h;
	return 0;
}

void hier_free(struct hier *h)
{
	size_t i;

	if (!h)
		return;
	for (i = 0; i < h->n; i++)
		unit_free(&h->u[i]);
	for (i = 0; i < h->nkeys; i++)
		free(h->keys[i].folded);
	free(h->u);
	free(h->depth);
	free(h->end);
	free(h->id_slot);
	free(h->by_code);
	free(h->keys);
	free(h);
}

/* ---- queries ----------------------------------------------------------- */

size_t hier_count(const struct hier *h)
{
	return h ? h->n : 0;
}

const struct unit *hier_at(const struct hier *h, size_t i)
{
	return h && i < h->n ? &h->u[i] : NULL;
}

int hier_depth(const struct hier *h, size_t i)
{
	return h && i < h->n ? h->depth[i] : 0;
}

size_t hier_subtree_end(const struct hier *h, size_t i)
{
	return h && i < h->n ? h->end[i] : i;
}

const struct unit *hier_unit(const struct hier *h, uint32_t id)
{
	size_t i = hier_find_id(h, id);

	return i == NPOS ? NULL : &h->u[i];
}

int hier_in_subtree(const struct hier *h, uint32_t unit, uint32_t root)
{
	size_t u = hier_find_id(h, unit), r = hier_find_id(h, root);

	return u != NPOS && r != NPOS && r <= u && u < h->end[r];
}

/* [*lo, *hi) of h->keys whose folded key equals folded.  The keys are
 * folded on the first lookup, not at load: folding every name and
 * abbreviation of a national hierarchy costs more than most commands and
 * the screen's first frame can afford, and most never resolve a name.
 * The hierarchy is always heap-allocated by hier_load(), so building this
 * cache through a const pointer is well defined. */
static void key_range(const struct hier *h, const char *folded, size_t *lo, size_t *hi)
{
	if (!h->keys_built) {
		struct hier *mh = (struct hier *)h;
		build_name_keys(mh);
		mh->keys_built = 1;
	}
	size_t a = 0, b = h->nkeys;

	while (a < b) {
		size_t mid = a + (b - a) / 2;

		if (strcmp(h->keys[mid].folded, folded) < 0)
			a = mid + 1;
		else
			b = mid;
	}
	*lo = a;
	for (b = a; b < h->nkeys && !strcmp(h->keys[b].folded, folded); b++)
		;
	*hi = b;
}

/* Rank of a match: its level first (code, name, abbreviation), then
 * current units before historical ones. */
static int match_rank(const struct hier *h, const struct name_key *k)
{
	return 2 * k->level + (h->u[k->pos].historical ? 1 : 0);
}

size_t hier_resolve(const struct hier *h, const char *name)
{
	size_t lo, hi, k, found = NPOS;
	int best = -1;
	char *f;

	if (!h || !name)
		return NPOS;
	f = txt_fold(name, TXT_NUL, NULL);
	key_range(h, f, &lo, &hi);
	free(f);
	for (k = lo; k < hi; k++)
		if (best < 0 || match_rank(h, &h->keys[k]) < best)
			best = match_rank(h, &h->keys[k]);
	/* two distinct units at the best rank: the name is ambiguous */
	for (k = lo; k < hi; k++) {
		if (match_rank(h, &h->keys[k]) != best)
			continue;
		if (found != NPOS && found != h->keys[k].pos)
			return NPOS;
		found = h->keys[k].pos;
	}
	return found;
}

size_t hier_resolve_all(const struct hier *h, const char *name, size_t *out, size_t max)
{
	size_t lo, hi, k, j, n = 0;
	char *mark;
	char *f;

	if (!h || !name)
		return 0;
	f = txt_fold(name, TXT_NUL, NULL);
	key_range(h, f, &lo, &hi);
	free(f);
	if (lo == hi)
		return 0;
	mark = xcalloc(h->n, 1);
	for (k = lo; k < hi; k++)
		mark[h->keys[k].pos] = 1;
	for (j = 0; j < h->n; j++) {
		if (!mark[j])
			continue;
		if (n < max)
			out[n] = j;
		n++;
	}
	free(mark);
	return n;
}
