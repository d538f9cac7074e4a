/* cascade.c — the tree of implementing plans under a document. */
#include <stdlib.h>
#include <string.h>

#include "cascade.h"
#include "hier.h"
#include "history.h"
#include "store.h"
#include "text.h"
#include "util.h"

#define CASCADE_MAX_DEPTH 16

static const struct {
	const char *key, *label;
} state_words[CS_COUNT] = {
	[CS_ROOT] = {"root", "văn bản gốc"},
	[CS_ON_TIME] = {"on_time", "đã ban hành đúng hạn"},
	[CS_LATE] = {"late", "đã ban hành chậm"},
	[CS_ISSUED] = {"issued", "đã ban hành"},
	[CS_OTHER] = {"other", "văn bản khác thực hiện"},
	[CS_MISSING] = {"missing", "chưa ban hành"},
	[CS_OVERDUE] = {"overdue", "chưa ban hành, quá hạn"},
	[CS_UNDATED] = {"undated", "đã ban hành, chưa rõ ngày"},
};

const char *cascade_state_key(enum cascade_state s)
{
	return (int)s >= 0 && s < CS_COUNT ? state_words[s].key : "";
}

const char *cascade_state_label(enum cascade_state s)
{
	return (int)s >= 0 && s < CS_COUNT ? state_words[s].label : "";
}

int cascade_must_plan(const struct unit *parent, const struct unit *child)
{
	switch ((enum unit_kind)child->kind) {
	case UK_TINH_UY:
	case UK_THANH_UY:
	case UK_HUYEN_UY:
	case UK_DANG_UY_KHOI:
	case UK_DANG_UY_CO_SO:
		return 1;
	case UK_CHI_BO: /* a chi bộ cơ sở, not a chi bộ inside a grassroots đảng ủy */
		return parent->kind == UK_TRUNG_UONG || parent->kind == UK_TINH_UY ||
		       parent->kind == UK_THANH_UY || parent->kind == UK_HUYEN_UY ||
		       parent->kind == UK_DANG_UY_KHOI;
	default:
		return 0;
	}
}

/* ---- the documents' headers ---------------------------------------------- */

/* What the cascade needs of a document, copied out of the transaction. */
struct head {
	uint64_t id;
	char kind[DOCKIND_LEN];
	char number[DOCNUM_LEN];
	char *folded;        /* folded number, "" when none */
	date_t date;
	uint32_t issuer;
	date_t plan_due;
	char *title;
	int nimpl;
	char **impl;         /* folded numbers it implements */
};

/* A folded number and the document it belongs to (its own number, or one
 * it implements), sorted by key then index for binary search. */
struct ref {
	const char *key;
	size_t doc;
};

struct cascade_docs {
	struct head *v;
	size_t n, cap;
	date_t until;       /* documents entered after it are left out, or DATE_NONE */
	struct ref *nums;   /* each document's own number */
	struct ref *impls;  /* each number a document implements */
	size_t nnums, nimpls;
};

static int take_head(const struct doc *d, void *ctx)
{
	struct cascade_docs *hs = ctx;
	if (hs->until != DATE_NONE && !hist_doc_exists_on(d, hs->until))
		return 0;
	if (hs->n == hs->cap) {
		hs->cap = hs->cap ? hs->cap * 2 : 32;
		hs->v = xrealloc(hs->v, hs->cap * sizeof *hs->v);
	}
	struct head *h = &hs->v[hs->n++];
	memset(h, 0, sizeof *h);
	h->id = d->id;
	str_copy(h->kind, d->kind, sizeof h->kind);
	str_copy(h->number, d->number, sizeof h->number);
	h->folded = txt_fold(d->number, TXT_NUL, NULL);
	h->date = d->date;
	h->issuer = d->issuer;
	h->plan_due = d->plan_due;
	h->title = d->title ? xstrdup(d->title) : NULL;
	h->nimpl = d->nimplements;
	h->impl = xcalloc((size_t)(d->nimplements ? d->nimplements : 1), sizeof *h->impl);
	for (int k = 0; k < d->nimplements; k++)
		h->impl[k] = txt_fold(d->implements[k], TXT_NUL, NULL);
	return 0;
}

void cascade_docs_free(struct cascade_docs *hs)
{
	if (!hs)
		return;
	for (size_t i = 0; i < hs->n; i++) {
		free(hs->v[i].folded);
		free(hs->v[i].title);
		for (int k = 0; k < hs->v[i].nimpl; k++)
			free(hs->v[i].impl[k]);
		free(hs->v[i].impl);
	}
	free(hs->v);
	free(hs->nums);
	free(hs->impls);
	free(hs);
}

static int ref_cmp(const void *a, const void *b)
{
	const struct ref *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->doc > y->doc) - (x->doc < y->doc);
}

/* [*lo, *hi) of refs[0..n) whose key is key. */
static void ref_range(const struct ref *refs, size_t n, const char *key, size_t *lo, size_t *hi)
{
	size_t a = 0, b = n;
	while (a < b) {
		size_t m = a + (b - a) / 2;
		if (strcmp(refs[m].key, key) < 0)
			a = m + 1;
		else
			b = m;
	}
	*lo = a;
	for (b = a; b < n && !strcmp(refs[b].key, key); b++)
		;
	*hi = b;
}

int cascade_docs_load(struct txn *t, struct cascade_docs **out, struct err *e)
{
	return cascade_docs_load_on(t, DATE_NONE, out, e);
}

int cascade_docs_load_on(struct txn *t, date_t day, struct cascade_docs **out, struct err *e)
{
	struct cascade_docs *hs = xcalloc(1, sizeof *hs);
	hs->until = day;
	int rc = store_docs_each(t, take_head, hs, e);
	if (rc) {
		cascade_docs_free(hs);
		*out = NULL;
		return rc;
	}
	size_t ni = 0;
	for (size_t i = 0; i < hs->n; i++)
		ni += (size_t)hs->v[i].nimpl;
	hs->nums = xcalloc(hs->n ? hs->n : 1, sizeof *hs->nums);
	hs->impls = xcalloc(ni ? ni : 1, sizeof *hs->impls);
	for (size_t i = 0; i < hs->n; i++) {
		hs->nums[hs->nnums++] = (struct ref){hs->v[i].folded, i};
		for (int k = 0; k < hs->v[i].nimpl; k++)
			hs->impls[hs->nimpls++] = (struct ref){hs->v[i].impl[k], i};
	}
	if (hs->nnums > 1)
		xqsort(hs->nums, hs->nnums, sizeof *hs->nums, ref_cmp);
	if (hs->nimpls > 1)
		xqsort(hs->impls, hs->nimpls, sizeof *hs->impls, ref_cmp);
	*out = hs;
	return 0;
}

/* 1 if y (which names x's number among what it implements) implements x:
 * y is not dated before x, and x is the latest document with that number
 * not dated after y. */
static int implements(const struct cascade_docs *hs, const struct head *y, const struct head *x)
{
	if (y == x || !x->folded[0])
		return 0;
	if (x->date == DATE_NONE || y->date == DATE_NONE)
		return 1;
	if (y->date < x->date)
		return 0;
	size_t lo, hi;
	ref_range(hs->nums, hs->nnums, x->folded, &lo, &hi);
	for (size_t i = lo; i < hi; i++) {
		const struct head *z = &hs->v[hs->nums[i].doc];
		if (z != x && z->date != DATE_NONE && z->date > x->date && z->date <= y->date)
			return 0; /* y implements the newer z of the same number */
	}
	return 1;
}

/* ---- building the tree --------------------------------------------------- */

struct builder {
	const struct cascade_docs *hs;
	const struct hier *h;
	date_t today;
	int max_depth;
	struct cascade *c;
	const struct head *path[CASCADE_MAX_DEPTH + 1];
};

static size_t add_node(struct cascade *c, int depth, size_t parent, enum cascade_state st,
                       uint32_t unit, const struct head *d, date_t due)
{
	c->nodes = xrealloc(c->nodes, (c->n + 1) * sizeof *c->nodes);
	struct cascade_node *n = &c->nodes[c->n];
	memset(n, 0, sizeof *n);
	n->depth = depth;
	n->parent = parent;
	n->state = st;
	n->unit = unit;
	n->date = DATE_NONE;
	n->due = due;
	if (d) {
		n->doc = d->id;
		str_copy(n->kind, d->kind, sizeof n->kind);
		str_copy(n->number, d->number, sizeof n->number);
		n->date = d->date;
		n->title = d->title ? xstrdup(d->title) : NULL;
	}
	return c->n++;
}

static int date_cmp(const void *a, const void *b)
{
	const struct head *x = *(const struct head *const *)a, *y = *(const struct head *const *)b;
	if ((x->date == DATE_NONE) != (y->date == DATE_NONE))
		return x->date == DATE_NONE ? 1 : -1; /* undated documents last */
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* 1 for kinds that report on, announce or submit rather than plan:
 * báo cáo, thông báo, công văn, tờ trình. */
static int not_a_plan(const struct head *y)
{
	static const char *const kinds[] = {"bc", "tb", "cv", "ttr"};
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (txt_ascii_casecmp(y->kind, kinds[i]) == 0)
			return 1;
	return 0;
}

/* 1 if y answers "has the committee issued its plan, and when?" better
 * than z (the order documented in cascade.h). */
static int better_plan(const struct head *y, const struct head *z)
{
	if (not_a_plan(y) != not_a_plan(z))
		return !not_a_plan(y);
	if ((y->date == DATE_NONE) != (z->date == DATE_NONE))
		return y->date != DATE_NONE;
	if (y->date != z->date)
		return y->date < z->date;
	return y->id < z->id;
}

static void expand(struct builder *b, const struct head *x, size_t node, int depth);

/* Add an implementing document y under `node` and expand it. */
static void add_plan(struct builder *b, const struct head *x, const struct head *y,
                     enum cascade_state st, size_t node, int depth)
{
	int days = 0;
	if (st == CS_ISSUED && x->plan_due != DATE_NONE && y->date == DATE_NONE) {
		st = CS_UNDATED;
	} else if (st == CS_ISSUED && x->plan_due != DATE_NONE) {
		st = y->date <= x->plan_due ? CS_ON_TIME : CS_LATE;
		days = st == CS_LATE ? y->date - x->plan_due : 0;
	}
	size_t k = add_node(b->c, depth, node, st, y->issuer, y, x->plan_due);
	b->c->nodes[k].days = days;
	expand(b, y, k, depth);
}

/* The committees that must issue a plan for x, and the documents that
 * implement x, as children of `node` (at depth+1). */
static void expand(struct builder *b, const struct head *x, size_t node, int depth)
{
	b->path[depth] = x;
	for (int i = 0; i < depth; i++)
		if (b->path[i] == x) {
			b->c->nodes[node].cut = 1; /* a cycle of "implements" */
			return;
		}
	if (depth >= CASCADE_MAX_DEPTH || (b->max_depth && depth >= b->max_depth)) {
		b->c->nodes[node].cut = 1;
		return;
	}
	const struct cascade_docs *hs = b->hs;
	size_t lo = 0, hi = 0, ni = 0, ilo = 0, ihi = 0;
	char by_id[24];
	if (x->folded[0])
		ref_range(hs->impls, hs->nimpls, x->folded, &lo, &hi);
	/* "#12" among what a document implements names x by its id: a plan
	 * without a number (a draft, a copy whose header was lost) can be
	 * implemented too, and the link is meant, whatever the dates */
	snprintf(by_id, sizeof by_id, "#%llu", (unsigned long long)x->id);
	ref_range(hs->impls, hs->nimpls, by_id, &ilo, &ihi);
	const struct head **impl = xcalloc(hi - lo + ihi - ilo + 1, sizeof *impl);
	for (size_t i = lo; i < hi; i++) {
		const struct head *y = &hs->v[hs->impls[i].doc];
		/* refs are sorted by document too: a number named twice is one */
		if ((i == lo || hs->impls[i - 1].doc != hs->impls[i].doc) && implements(hs, y, x))
			impl[ni++] = y;
	}
	for (size_t i = ilo; i < ihi; i++) {
		const struct head *y = &hs->v[hs->impls[i].doc];
		int seen = y == x;
		for (size_t j = 0; j < ni && !seen; j++)
			seen = impl[j] == y;
		if (!seen)
			impl[ni++] = y;
	}
	xqsort(impl, ni, sizeof *impl, date_cmp);
	char *used = xcalloc(ni ? ni : 1, 1);
	size_t ix = x->issuer && b->h ? hier_find_id(b->h, x->issuer) : (size_t)-1;
	size_t end = ix == (size_t)-1 ? ix : hier_subtree_end(b->h, ix);
	for (size_t k = ix + 1; ix != (size_t)-1 && k < end; k = hier_subtree_end(b->h, k)) {
		const struct unit *u = hier_at(b->h, k);
		if (!cascade_must_plan(hier_at(b->h, ix), u))
			continue;
		size_t best = ni;
		for (size_t j = 0; j < ni; j++)
			if (impl[j]->issuer == u->id && (best == ni || better_plan(impl[j], impl[best])))
				best = j;
		if (best < ni) {
			used[best] = 1;
			add_plan(b, x, impl[best], CS_ISSUED, node, depth + 1);
			for (size_t j = 0; j < ni; j++)
				if (impl[j]->issuer == u->id && !used[j]) {
					used[j] = 1;
					add_plan(b, x, impl[j], CS_OTHER, node, depth + 1);
				}
		}
		if (best < ni || u->historical)
			continue; /* a dissolved committee owes nothing */
		enum cascade_state st = CS_MISSING;
		int days = 0;
		if (x->plan_due != DATE_NONE && b->today > x->plan_due) {
			st = CS_OVERDUE;
			days = b->today - x->plan_due;
		}
		size_t m = add_node(b->c, depth + 1, node, st, u->id, NULL, x->plan_due);
		b->c->nodes[m].days = days;
	}
	for (size_t j = 0; j < ni; j++)
		if (!used[j])
			add_plan(b, x, impl[j], CS_OTHER, node, depth + 1);
	free(used);
	free(impl);
}

static void count_root(struct cascade *c)
{
	for (size_t i = 0; i < c->n; i++) {
		const struct cascade_node *n = &c->nodes[i];
		if (n->depth != 1)
			continue;
		switch (n->state) {
		case CS_ON_TIME: c->on_time++, c->issued++; break;
		case CS_LATE: c->late++, c->issued++; break;
		case CS_ISSUED: c->issued++; break;
		case CS_UNDATED: c->undated++, c->issued++; break;
		case CS_OVERDUE: c->overdue++, c->missing++; break;
		case CS_MISSING: c->missing++; break;
		default: break;
		}
	}
	c->required = c->issued + c->missing;
}

int cascade_build_from(const struct cascade_docs *hs, const struct hier *h, uint64_t doc,
                       date_t today, int max_depth, struct cascade *out, struct err *e)
{
	const struct head *root = NULL;
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < hs->n && !root; i++)
		if (hs->v[i].id == doc)
			root = &hs->v[i];
	if (!root)
		return err_set(e, ERR_NOTFOUND, "không tìm thấy văn bản #%llu", (unsigned long long)doc);
	struct builder b = {hs, h, today, max_depth, out, {0}};
	out->plan_due = root->plan_due;
	size_t k = add_node(out, 0, (size_t)-1, CS_ROOT, root->issuer, root, DATE_NONE);
	expand(&b, root, k, 0);
	count_root(out);
	return 0;
}

void cascade_headline(const struct cascade *c, struct sbuf *b)
{
	int dated = c->plan_due != DATE_NONE;
	sbuf_printf(b, "Cấp ủy trực thuộc phải ban hành: %d; đã ban hành %d", c->required, c->issued);
	if (dated && c->issued) {
		sbuf_printf(b, " (đúng hạn %d, chậm %d", c->on_time, c->late);
		if (c->undated)
			sbuf_printf(b, ", chưa rõ ngày %d", c->undated);
		sbuf_putc(b, ')');
	}
	sbuf_printf(b, "; chưa ban hành %d", c->missing);
	if (dated && c->missing) {
		sbuf_printf(b, " (quá hạn %d", c->overdue);
		if (c->missing > c->overdue)
			sbuf_printf(b, ", chưa đến hạn %d", c->missing - c->overdue);
		sbuf_putc(b, ')');
	}
	sbuf_putc(b, '.');
}

/* The cascade over the documents held at the end of `until` (DATE_NONE:
 * every document). */
static int build_until(struct txn *t, const struct hier *h, uint64_t doc, date_t today,
                       date_t until, int max_depth, struct cascade *out, struct err *e)
{
	struct cascade_docs *hs;
	memset(out, 0, sizeof *out);
	int rc = cascade_docs_load_on(t, until, &hs, e);
	if (rc)
		return rc;
	rc = cascade_build_from(hs, h, doc, today, max_depth, out, e);
	cascade_docs_free(hs);
	return rc;
}

int cascade_build(struct txn *t, const struct hier *h, uint64_t doc, date_t today,
                  int max_depth, struct cascade *out, struct err *e)
{
	return build_until(t, h, doc, today, DATE_NONE, max_depth, out, e);
}

int cascade_build_past(struct txn *t, const struct hier *h, uint64_t doc, date_t today,
                       int max_depth, struct cascade *out, struct err *e)
{
	return build_until(t, h, doc, today, today, max_depth, out, e);
}

void cascade_free(struct cascade *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->nodes[i].title);
	free(c->nodes);
	memset(c, 0, sizeof *c);
}
