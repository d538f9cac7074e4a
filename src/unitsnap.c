/* unitsnap.c — building and checking the flat image of the unit tree
 * (format in unitsnap.h).  Building costs what loading the tree used to
 * cost every command (a sort of the units, folding every name); it runs
 * once per write transaction that changed a unit, and readers only map
 * the result.
 */
#include "unitsnap.h"

#include <stdlib.h>
#include <string.h>

#include "store-alias.h"
#include "store.h"
#include "text.h"
#include "util.h"

#define MAGIC 0x53554454u /* "TDUS" in a little-endian file */
#define NPOS ((size_t)-1)

struct head {
	uint32_t magic, version;
	uint64_t gen;
	uint32_t n, nkeys, nids, dense;
	uint32_t off_units, off_ids, off_codes, off_keys, off_str, nstr;
	uint32_t total, reserved;
};

/* ---- collecting the units ---------------------------------------------- */

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

static int id_cmp(const void *a, const void *b)
{
	uint32_t x = ((const struct unit *)a)->id, y = ((const struct unit *)b)->id;
	return (x > y) - (x < y);
}

/* A name the office linked to a unit reads as one more abbreviation of
 * that unit, so that names and imports resolve it. */
static int add_alias(const char *name, uint32_t unit, void *ctx)
{
	struct unit_list *l = ctx;
	struct unit key = {.id = unit}, *u;
	size_t a, n;

	if (strchr(name, ','))
		return 0; /* abbreviations are comma-separated; link refuses these */
	u = l->n ? bsearch(&key, l->v, l->n, sizeof *l->v, id_cmp) : NULL;
	if (!u)
		return 0;
	a = u->abbrevs ? strlen(u->abbrevs) : 0;
	n = strlen(name);
	u->abbrevs = xrealloc(u->abbrevs, a + n + 3);
	if (a)
		memcpy(u->abbrevs + a, ", ", 2), a += 2;
	memcpy(u->abbrevs + a, name, n + 1);
	return 0;
}

int unitsnap_collect(struct txn *t, struct unit **out, size_t *n, struct err *e)
{
	struct unit_list l = {0};
	int rc = store_units_each(t, collect, &l, e); /* id order */

	if (!rc)
		rc = store_aliases_each(t, add_alias, &l, e);
	if (rc) {
		for (size_t i = 0; i < l.n; i++)
			unit_free(&l.v[i]);
		free(l.v);
		l.v = NULL;
		l.n = 0;
	}
	*out = l.v;
	*n = l.n;
	return rc;
}

/* ---- tree order ---------------------------------------------------------- */

static size_t find_sorted(const struct unit *v, size_t n, uint32_t id)
{
	size_t a = 0, b = n;

	while (a < b) {
		size_t m = a + (b - a) / 2;
		if (v[m].id < id)
			a = m + 1;
		else
			b = m;
	}
	return a < n && v[a].id == id ? a : NPOS;
}

/* Pre-order of the units of v (id order): order[k] is the index in v of
 * the unit at position k, depth[k] its depth, end[k] one past its
 * subtree.  Real roots first, then whatever a parent cycle left unseen. */
static void lay_out(const struct unit *v, size_t n, size_t *order, uint16_t *depth, size_t *end)
{
	size_t *first = xmalloc((n + 1) * sizeof *first); /* first child, NPOS if none */
	size_t *next = xmalloc((n + 1) * sizeof *next);   /* next sibling */
	size_t *last = xmalloc((n + 1) * sizeof *last);
	size_t *parent = xmalloc((n + 1) * sizeof *parent);
	size_t *stack = xmalloc((n + 1) * sizeof *stack); /* open positions */
	size_t *cursor = xmalloc((n + 1) * sizeof *cursor); /* next child to visit */
	char *seen = xcalloc(n + 1, 1);
	size_t i, k, top, out = 0;

	for (i = 0; i < n; i++)
		first[i] = next[i] = last[i] = NPOS;
	for (i = 0; i < n; i++) {
		size_t p = v[i].parent && v[i].parent != v[i].id ? find_sorted(v, n, v[i].parent)
		                                                 : NPOS;
		parent[i] = p;
		if (p == NPOS)
			continue;
		if (first[p] == NPOS) /* children chained in id order */
			first[p] = i;
		else
			next[last[p]] = i;
		last[p] = i;
	}
	for (k = 0; k < 2; k++) {
		for (i = 0; i < n; i++) {
			if (seen[i] || (k == 0 && parent[i] != NPOS))
				continue;
			seen[i] = 1;
			order[out] = i;
			depth[out] = 0;
			cursor[0] = first[i];
			stack[0] = out++;
			top = 1;
			while (top > 0) {
				size_t at = stack[top - 1], c = cursor[top - 1];

				while (c != NPOS && seen[c])
					c = next[c];
				if (c == NPOS) {
					end[at] = out;
					top--;
					continue;
				}
				cursor[top - 1] = next[c];
				seen[c] = 1;
				order[out] = c;
				depth[out] = depth[at] < UINT16_MAX ? (uint16_t)(depth[at] + 1) : UINT16_MAX;
				cursor[top] = first[c];
				stack[top++] = out++;
			}
		}
	}
	free(first);
	free(next);
	free(last);
	free(parent);
	free(stack);
	free(cursor);
	free(seen);
}

/* ---- building ------------------------------------------------------------ */

struct bkey {
	char *folded;
	uint32_t pos;
	int level;
};

struct bcode {
	const char *code;
	uint32_t pos;
};

struct builder {
	struct sbuf str;
	struct bkey *keys;
	size_t nkeys, cap;
};

static uint32_t put_str(struct sbuf *s, const char *p, size_t n)
{
	uint32_t off = (uint32_t)s->len;

	sbuf_add(s, p, n);
	sbuf_putc(s, '\0');
	return off;
}

static void add_key(struct builder *b, const char *s, size_t n, uint32_t pos, int level)
{
	char *f = txt_fold(s, n, NULL);

	if (!f[0]) {
		free(f);
		return;
	}
	if (b->nkeys == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 128;
		b->keys = xrealloc(b->keys, b->cap * sizeof *b->keys);
	}
	b->keys[b->nkeys++] = (struct bkey){f, pos, level};
}

static void add_keys(struct builder *b, const struct unit *u, uint32_t pos)
{
	const char *p = u->abbrevs;

	add_key(b, u->code, TXT_NUL, pos, USNAP_CODE);
	if (u->name)
		add_key(b, u->name, TXT_NUL, pos, USNAP_NAME);
	while (p && *p) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);

		add_key(b, p, len, pos, USNAP_ABBREV);
		p += len;
		if (*p == ',')
			p++;
	}
}

static int bkey_cmp(const void *a, const void *b)
{
	const struct bkey *x = a, *y = b;
	int c = strcmp(x->folded, y->folded);

	if (c)
		return c;
	if (x->level != y->level)
		return x->level - y->level;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

static int bcode_cmp(const void *a, const void *b)
{
	return strcmp(((const struct bcode *)a)->code, ((const struct bcode *)b)->code);
}

/* The offset of a section of len bytes placed at *at (8-aligned), and
 * *at moved past it. */
static uint32_t place(size_t *at, size_t len)
{
	size_t off = (*at + 7) / 8 * 8;

	*at = off + len;
	return (uint32_t)off;
}

void unitsnap_build(const struct unit *units, size_t n, uint64_t gen, struct sbuf *out)
{
	struct unit *v = xmalloc((n ? n : 1) * sizeof *v);
	size_t *order = xmalloc((n ? n : 1) * sizeof *order);
	size_t *end = xmalloc((n ? n : 1) * sizeof *end);
	uint16_t *depth = xmalloc((n ? n : 1) * sizeof *depth);
	struct unitsnap_unit *su = xcalloc(n ? n : 1, sizeof *su);
	struct bcode *bc = xmalloc((n ? n : 1) * sizeof *bc);
	uint32_t *codes = xmalloc((n ? n : 1) * sizeof *codes);
	struct builder b = {0};
	struct unitsnap_key *keys;
	uint32_t *ids, max_id = 0;
	size_t nids, i;
	struct head h = {0};

	if (n)
		memcpy(v, units, n * sizeof *v);
	xqsort(v, n, sizeof *v, id_cmp);
	lay_out(v, n, order, depth, end);
	sbuf_putc(&b.str, '\0'); /* offset 0: "" */
	for (i = 0; i < n; i++) {
		const struct unit *u = &v[order[i]];

		su[i].id = u->id;
		su[i].parent = u->parent;
		su[i].successor = u->successor;
		su[i].end = (uint32_t)end[i];
		su[i].code = put_str(&b.str, u->code, strnlen(u->code, sizeof u->code));
		su[i].name = u->name ? put_str(&b.str, u->name, strlen(u->name)) : UNITSNAP_NONE;
		su[i].abbrevs = u->abbrevs ? put_str(&b.str, u->abbrevs, strlen(u->abbrevs))
		                           : UNITSNAP_NONE;
		su[i].depth = depth[i];
		su[i].kind = u->kind;
		su[i].historical = u->historical;
		if (u->id > max_id)
			max_id = u->id;
		bc[i] = (struct bcode){u->code, (uint32_t)i};
		add_keys(&b, u, (uint32_t)i);
	}
	/* codes */
	xqsort(bc, n, sizeof *bc, bcode_cmp);
	for (i = 0; i < n; i++)
		codes[i] = bc[i].pos;
	/* ids: a table by id while ids are dense (they come from a sequence
	 * and units are never deleted), sorted pairs otherwise */
	h.dense = (uint64_t)max_id <= 4 * (uint64_t)n + 1024;
	nids = h.dense ? (size_t)max_id + 1 : n;
	ids = xcalloc(h.dense ? nids : 2 * nids + 1, sizeof *ids);
	if (h.dense) {
		for (i = 0; i < n; i++)
			ids[su[i].id] = (uint32_t)i + 1;
	} else { /* pairs in id order (v's order), each with its position */
		for (i = 0; i < n; i++)
			ids[2 * i] = v[i].id;
		for (i = 0; i < n; i++)
			ids[2 * find_sorted(v, n, su[i].id) + 1] = (uint32_t)i;
	}
	/* keys */
	xqsort(b.keys, b.nkeys, sizeof *b.keys, bkey_cmp);
	keys = xmalloc((b.nkeys ? b.nkeys : 1) * sizeof *keys);
	for (i = 0; i < b.nkeys; i++) {
		keys[i].folded = put_str(&b.str, b.keys[i].folded, strlen(b.keys[i].folded));
		keys[i].pos_level = b.keys[i].pos * 4 + (uint32_t)b.keys[i].level;
		free(b.keys[i].folded);
	}
	sbuf_putc(&b.str, '\0'); /* the area ends with a NUL */

	h.magic = MAGIC;
	h.version = UNITSNAP_VERSION;
	h.gen = gen;
	h.n = (uint32_t)n;
	h.nkeys = (uint32_t)b.nkeys;
	h.nids = (uint32_t)nids;
	/* one allocation of the final size, zeroed padding: the same units
	 * always give the same bytes (check-store compares them) */
	size_t at = sizeof h, lids = (h.dense ? nids : 2 * nids) * sizeof *ids;
	h.off_units = place(&at, n * sizeof *su);
	h.off_ids = place(&at, lids);
	h.off_codes = place(&at, n * sizeof *codes);
	h.off_keys = place(&at, b.nkeys * sizeof *keys);
	h.off_str = place(&at, b.str.len);
	h.nstr = (uint32_t)b.str.len;
	h.total = place(&at, 0);
	char *img = xcalloc((size_t)h.total + 1, 1); /* + the NUL an sbuf keeps */
	memcpy(img, &h, sizeof h);
	memcpy(img + h.off_units, su, n * sizeof *su);
	memcpy(img + h.off_ids, ids, lids);
	memcpy(img + h.off_codes, codes, n * sizeof *codes);
	memcpy(img + h.off_keys, keys, b.nkeys * sizeof *keys);
	memcpy(img + h.off_str, b.str.s, b.str.len);
	sbuf_free(out);
	out->s = img;
	out->len = h.total;
	out->cap = (size_t)h.total + 1;

	free(v);
	free(order);
	free(end);
	free(depth);
	free(su);
	free(bc);
	free(codes);
	free(ids);
	free(keys);
	free(b.keys);
	sbuf_free(&b.str);
}

/* ---- reading --------------------------------------------------------------- */

/* 1 if [off, off + count * size) lies within len and off is 8-aligned. */
static int fits(uint64_t off, uint64_t count, uint64_t size, uint64_t len)
{
	return off % 8 == 0 && off <= len && count <= (len - off) / (size ? size : 1);
}

int unitsnap_view(const void *data, size_t len, struct unitsnap *v)
{
	const unsigned char *p = data;
	struct head h;

	memset(v, 0, sizeof *v);
	if (!data || len < sizeof h || (uintptr_t)data % 8)
		return -1;
	memcpy(&h, p, sizeof h);
	if (h.magic != MAGIC || h.version != UNITSNAP_VERSION || h.total > len ||
	    h.off_units < sizeof h || !fits(h.off_units, h.n, sizeof *v->u, h.total) ||
	    !fits(h.off_ids, h.dense ? h.nids : 2 * (uint64_t)h.nids, 4, h.total) ||
	    !fits(h.off_codes, h.n, 4, h.total) ||
	    !fits(h.off_keys, h.nkeys, sizeof *v->keys, h.total) ||
	    !fits(h.off_str, h.nstr, 1, h.total) || h.nstr == 0 ||
	    p[h.off_str + h.nstr - 1] != '\0')
		return -1;
	v->gen = h.gen;
	v->n = h.n;
	v->nkeys = h.nkeys;
	v->nids = h.nids;
	v->dense = h.dense != 0;
	v->u = (const struct unitsnap_unit *)(const void *)(p + h.off_units);
	v->ids = (const uint32_t *)(const void *)(p + h.off_ids);
	v->codes = (const uint32_t *)(const void *)(p + h.off_codes);
	v->keys = (const struct unitsnap_key *)(const void *)(p + h.off_keys);
	v->str = (const char *)p + h.off_str;
	v->nstr = h.nstr;
	return 0;
}

const char *unitsnap_str(const struct unitsnap *v, uint32_t off)
{
	return off < v->nstr ? v->str + off : NULL;
}

int unitsnap_migrate_3(struct txn *t, struct err *e)
{
	return store_unitsnap_rebuild(t, e);
}
