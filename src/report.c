/* report.c — the report of results as data: periods, the tasks of the
 * scope with their period's notes, documents, indicators, missing plans
 * and figures.  Rendering is in report-render.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hier.h"
#include "history.h"
#include "ops.h"
#include "period.h"
#include "report.h"
#include "store.h"
#include "text.h"
#include "util.h"

/* ---- periods and words ------------------------------------------------- */

void report_period_year(int y, struct report_period *out)
{
	out->year = y;
	out->quarter = 0;
	out->half = 0;
	out->last_year = 0;
	out->from = date_make(y, 1, 1);
	out->to = date_year_end(y);
}

static int period_set(int y, int q, struct report_period *out)
{
	if (y < 1900 || y > 9999 || q < 0 || q > 4)
		return -1;
	report_period_year(y, out);
	if (q) {
		out->quarter = q;
		out->from = date_make(y, 3 * q - 2, 1);
		out->to = date_quarter_end(y, q);
	}
	return 0;
}

int report_period_parse(const char *s, struct report_period *out, struct err *e)
{
	long y = 0;
	int q = 0;
	const char *dash = s ? strchr(s, '-') : NULL, *slash = s ? strchr(s, '/') : NULL;
	char year[16] = "";
	if (s && !dash && !slash) {
		str_copy(year, s, sizeof year);
	} else if (dash && dash[1] >= '0' && dash[1] <= '9' && (size_t)(dash - s) < sizeof year) {
		/* several whole years: "2023-2025" */
		long last;
		memcpy(year, s, (size_t)(dash - s));
		year[dash - s] = '\0';
		if (str_to_long(year, 1900, 9999, &y) || str_to_long(dash + 1, 1900, 9999, &last) ||
		    last <= y || last - y >= 50) {
			y = -1;
		} else {
			report_period_year((int)y, out);
			out->last_year = (int)last;
			out->to = date_year_end((int)last);
			return 0;
		}
	} else if (dash && (dash[1] == 'H' || dash[1] == 'h') && (dash[2] == '1' || dash[2] == '2') &&
	           !dash[3] && (size_t)(dash - s) < sizeof year) {
		memcpy(year, s, (size_t)(dash - s));
		year[dash - s] = '\0';
		if (str_to_long(year, 1900, 9999, &y)) {
			y = -1;
		} else {
			report_period_year((int)y, out);
			out->half = dash[2] - '0';
			out->from = date_make((int)y, out->half == 1 ? 1 : 7, 1);
			out->to = out->half == 1 ? date_make((int)y, 6, 30) : date_year_end((int)y);
			return 0;
		}
	} else if (dash && (dash[1] == 'Q' || dash[1] == 'q') && (size_t)(dash - s) < sizeof year) {
		memcpy(year, s, (size_t)(dash - s));
		year[dash - s] = '\0';
		q = date_quarter_roman(dash + 2, strlen(dash + 2));
		if (!q)
			y = -1;
	} else if (slash && (size_t)(slash - s) < 8) {
		const char *qs = s + ((*s == 'Q' || *s == 'q') ? 1 : 0);
		q = date_quarter_roman(qs, (size_t)(slash - qs));
		str_copy(year, slash + 1, sizeof year);
		if (!q)
			y = -1;
	} else {
		y = -1;
	}
	if (y == 0 && str_to_long(year, 1900, 9999, &y))
		y = -1;
	if (y < 0 || period_set((int)y, q, out)) {
		if (e)
			str_copy(e->field, "--period", sizeof e->field);
		return err_set(e, ERR_USAGE, "kỳ báo cáo không hợp lệ: '%s' (ví dụ: 2026, 2026-Q3, 2026-H1 "
		               "hoặc 2023-2025)",
		               s ? s : "");
	}
	return 0;
}

char *report_period_label(const struct report_period *p, char *buf, size_t len)
{
	static const char *const roman[] = {"", "I", "II", "III", "IV"};
	if (p->last_year)
		snprintf(buf, len, "giai đoạn %d - %d", p->year, p->last_year);
	else if (p->half == 1 || p->half == 2)
		snprintf(buf, len, "sáu tháng %s năm %d", p->half == 1 ? "đầu" : "cuối", p->year);
	else if (p->quarter >= 1 && p->quarter <= 4)
		snprintf(buf, len, "quý %s năm %d", roman[p->quarter], p->year);
	else
		snprintf(buf, len, "năm %d", p->year);
	return buf;
}

char *report_period_key(const struct report_period *p, char *buf, size_t len)
{
	if (p->last_year)
		snprintf(buf, len, "%d-%d", p->year, p->last_year);
	else if (p->half)
		snprintf(buf, len, "%d-H%d", p->year, p->half);
	else if (p->quarter)
		snprintf(buf, len, "%d-Q%d", p->year, p->quarter);
	else
		snprintf(buf, len, "%d", p->year);
	return buf;
}

const char *report_kind_label(const char *kind)
{
	static const struct {
		const char *kind, *label;
	} kinds[] = {
		{"NQ", "Nghị quyết"}, {"CT", "Chỉ thị"}, {"KL", "Kết luận"}, {"QĐ", "Quyết định"},
		{"QĐi", "Quy định"}, {"QC", "Quy chế"}, {"TT", "Thông tri"}, {"TTr", "Tờ trình"},
		{"KH", "Kế hoạch"}, {"CTr", "Chương trình hành động"}, {"HD", "Hướng dẫn"},
		{"BC", "Báo cáo"}, {"TB", "Thông báo"}, {"CV", "Công văn"},
	};
	for (size_t i = 0; kind && i < sizeof kinds / sizeof kinds[0]; i++)
		if (!strcmp(kinds[i].kind, kind))
			return kinds[i].label;
	return "Văn bản";
}

char *report_date_words(date_t d, char *buf, size_t len)
{
	int y, m, dd;
	if (d == DATE_NONE) {
		str_copy(buf, "", len);
		return buf;
	}
	date_split(d, &y, &m, &dd);
	snprintf(buf, len, "ngày %02d tháng %02d năm %d", dd, m, y);
	return buf;
}

/* ---- gathering the tasks -------------------------------------------------- */

/* Where each document is in r->docs: an open-addressed table of indexes
 * by document id (a report meets every document once per task, and its
 * renderers once per late task).  Kept in the report (report_doc_number). */
struct report_index {
	size_t *slot;    /* index + 1 into r->docs, 0 for an empty slot */
	size_t mask;     /* capacity - 1 (a power of two), or 0 when empty */
};

struct build {
	struct txn *t;
	const struct hier *h;
	const struct report_opts *o;
	struct rollup_when w;
	struct report *r;
	size_t cap;
	size_t docs_cap;
	struct err *e;
};

static size_t doc_hash(uint64_t id, size_t mask)
{
	return (size_t)((id * 0x9E3779B97F4A7C15ull) >> 17) & mask;
}

/* The index in r->docs of document id, or (size_t)-1. */
static size_t doc_index_find(const struct report *r, uint64_t id)
{
	const struct report_index *x = r->index;
	if (!x)
		return (size_t)-1;
	for (size_t i = doc_hash(id, x->mask);; i = (i + 1) & x->mask) {
		size_t s = x->slot[i];
		if (!s)
			return (size_t)-1;
		if (r->docs[s - 1].id == id)
			return s - 1;
	}
}

/* Index every document of r->docs afresh (after it grew or was sorted). */
static void doc_index_rebuild(struct report *r)
{
	size_t cap = 16;
	while (cap < 2 * r->ndocs + 2)
		cap *= 2;
	if (!r->index)
		r->index = xcalloc(1, sizeof *r->index);
	free(r->index->slot);
	r->index->slot = xcalloc(cap, sizeof *r->index->slot);
	r->index->mask = cap - 1;
	for (size_t d = 0; d < r->ndocs; d++) {
		size_t i = doc_hash(r->docs[d].id, r->index->mask);
		while (r->index->slot[i])
			i = (i + 1) & r->index->mask;
		r->index->slot[i] = d + 1;
	}
}

const char *report_doc_number(const struct report *r, uint64_t id)
{
	size_t d = 0;
	if (r->index)
		d = doc_index_find(r, id);
	else /* a report not made by report_build */
		while (d < r->ndocs && r->docs[d].id != id)
			d++;
	return d < r->ndocs ? r->docs[d].number : "";
}

/* The strings of the tasks: copied into chunks of CHUNK_SIZE bytes (a
 * longer string gets a chunk of its own), so that a million tasks cost a
 * few hundred allocations, not millions, to build and to free. */
#define CHUNK_SIZE ((size_t)1 << 20)
struct report_chunk {
	struct report_chunk *next;
	size_t used, size;
	char data[];
};

static char *keep(struct report *r, const char *s)
{
	size_t n = strlen(s) + 1;
	struct report_chunk *c = r->strings;
	if (!c || c->size - c->used < n) {
		size_t size = n > CHUNK_SIZE / 4 ? n : CHUNK_SIZE;
		struct report_chunk *fresh = xmalloc(sizeof *fresh + size);
		fresh->used = 0;
		fresh->size = size;
		if (c && size != CHUNK_SIZE) { /* a big one: the current chunk stays first */
			fresh->next = c->next;
			c->next = fresh;
		} else {
			fresh->next = c;
			r->strings = fresh;
		}
		c = fresh;
	}
	char *p = c->data + c->used;
	memcpy(p, s, n);
	c->used += n;
	return p;
}

static char *unit_name(const struct hier *h, uint32_t id, const char *fallback)
{
	const struct unit *u = id ? hier_unit(h, id) : NULL;
	return xstrdup(u ? u->name : fallback ? fallback : "");
}

static int add_doc(struct build *b, uint64_t id, size_t *index);

static int take_task(const struct task *t, void *ctx)
{
	struct build *b = ctx;
	struct report *r = b->r;
	size_t d;
	int rc = add_doc(b, t->doc_id, &d);
	if (rc)
		return rc;
	rollup_add(&r->docs[d].r, t, &b->w);
	if (r->ntasks == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		r->tasks = xrealloc(r->tasks, b->cap * sizeof *r->tasks);
	}
	struct report_task *k = &r->tasks[r->ntasks++];
	memset(k, 0, sizeof *k);
	k->id = t->id;
	k->doc = t->doc_id;
	str_copy(k->section, t->section, sizeof k->section);
	k->lead = t->lead;
	const struct unit *u = t->lead ? hier_unit(b->h, t->lead) : NULL;
	if (u)
		str_copy(k->lead_code, u->code, sizeof k->lead_code);
	k->lead_name = keep(r, u ? u->name : t->lead_text ? t->lead_text : "");
	k->text = keep(r, t->text ? t->text : "");
	k->dl_phrase = t->dl_phrase ? keep(r, t->dl_phrase) : NULL;
	k->due = t->due;
	k->extended_to = t->extended_to;
	k->days_late_original = ops_late_original(t, b->w.periods, b->w.today, &k->original_due);
	k->periodic = per_recurring(&t->dl) && t->extended_to == DATE_NONE;
	k->status = t->status;
	k->progress = t->progress;
	k->bucket = rollup_classify(t, &b->w, &k->tl);
	k->done_in_period = t->status == ST_DONE && t->done_date != DATE_NONE &&
	                    t->done_date >= b->o->period.from && t->done_date <= b->o->period.to;
	rollup_add(&r->total, t, &b->w);
	r->done_in_period += (uint64_t)k->done_in_period;
	return 0;
}

/* The tasks of the scope, read once each. */
static int gather_tasks(struct build *b)
{
	struct rollup_scope scope = {b->o->unit, b->o->doc, b->o->past};
	return rollup_each_task(b->t, b->h, &scope, take_task, b, b->e);
}

struct notes_ctx {
	struct report *r; /* keeps the notes' texts */
	struct report_task *k;
	const struct report_period *p;
	date_t today;    /* updates recorded after it are not yet written */
	uint64_t *count;
};

static int take_update(const struct update *u, void *ctx)
{
	struct notes_ctx *n = ctx;
	if (u->day < n->p->from || u->day > n->p->to || u->day > n->today)
		return 0;
	(*n->count)++;
	if (!u->note || !*u->note)
		return 0;
	struct report_task *k = n->k;
	k->notes = xrealloc(k->notes, (k->nnotes + 1) * sizeof *k->notes);
	k->notes[k->nnotes].day = u->day;
	k->notes[k->nnotes].text = keep(n->r, u->note);
	k->nnotes++;
	return 0;
}

/* The notes of each task's updates within the period, oldest first. */
static int gather_notes(struct build *b)
{
	struct report *r = b->r;
	int rc = 0;
	for (size_t i = 0; i < r->ntasks && !rc; i++) {
		struct report_task *k = &r->tasks[i];
		struct notes_ctx n = {r, k, &b->o->period, b->o->today, &r->updates_in_period};
		rc = store_updates_of_task(b->t, k->id, take_update, &n, b->e);
		for (size_t a = 0, z = k->nnotes; a + 1 < z; a++, z--) {
			struct report_note tmp = k->notes[a];
			k->notes[a] = k->notes[z - 1];
			k->notes[z - 1] = tmp;
		}
	}
	return rc;
}

/* ---- documents ------------------------------------------------------------- */

/* The index of document `id` in r->docs, read and added on first use. */
static int add_doc(struct build *b, uint64_t id, size_t *index)
{
	struct report *r = b->r;
	size_t found = doc_index_find(r, id);
	if (found != (size_t)-1) {
		*index = found;
		return 0;
	}
	if (r->ndocs == b->docs_cap) {
		b->docs_cap = b->docs_cap ? b->docs_cap * 2 : 16;
		r->docs = xrealloc(r->docs, b->docs_cap * sizeof *r->docs);
	}
	struct report_doc *d = &r->docs[r->ndocs];
	memset(d, 0, sizeof *d);
	d->id = id;
	d->date = DATE_NONE;
	if (id) {
		struct doc doc = {0};
		int rc = store_doc_get(b->t, id, &doc, b->e);
		if (rc == ERR_NOTFOUND)
			rc = err_set(b->e, ERR_NOTFOUND, "không tìm thấy văn bản #%llu", (unsigned long long)id);
		if (rc)
			return rc;
		str_copy(d->kind, doc.kind, sizeof d->kind);
		str_copy(d->number, doc.number, sizeof d->number);
		d->date = doc.date;
		d->title = doc.title ? xstrdup(doc.title) : NULL;
		d->issuer = doc.issuer;
		d->issuer_name = unit_name(b->h, doc.issuer, doc.issuer_text);
		d->nimplements = doc.nimplements;
		if (doc.nimplements) {
			d->implements = xcalloc((size_t)doc.nimplements, sizeof *d->implements);
			memcpy(d->implements, doc.implements, (size_t)doc.nimplements * sizeof *d->implements);
		}
		doc_free(&doc);
	} else {
		d->title = xstrdup("Nhiệm vụ không thuộc văn bản nào");
		d->issuer_name = xstrdup("");
	}
	*index = r->ndocs++;
	if (!r->index || 2 * r->ndocs + 2 > r->index->mask + 1) {
		doc_index_rebuild(r);
	} else {
		size_t i = doc_hash(id, r->index->mask);
		while (r->index->slot[i])
			i = (i + 1) & r->index->mask;
		r->index->slot[i] = r->ndocs;
	}
	return 0;
}

static int doc_cmp(const void *a, const void *b)
{
	const struct report_doc *x = a, *y = b;
	/* dated documents by date, undated after, the pseudo-document last */
	if ((x->id == 0) != (y->id == 0))
		return x->id == 0 ? 1 : -1;
	if ((x->date == DATE_NONE) != (y->date == DATE_NONE))
		return x->date == DATE_NONE ? 1 : -1;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* A task as the report sorts it: its document's rank, its id, and where it
 * is in r->tasks (the keys are sorted, then the tasks moved once). */
struct ranked {
	size_t rank;
	uint64_t id;
	size_t index;
};

static int ranked_cmp(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* The documents (the one asked for, and those of the tasks), oldest
 * first, and the tasks by document. */
static int order_docs(struct build *b)
{
	struct report *r = b->r;
	size_t ix;
	int rc = b->o->doc ? add_doc(b, b->o->doc, &ix) : 0;
	if (rc)
		return rc;
	if (r->ndocs > 1)
		xqsort(r->docs, r->ndocs, sizeof *r->docs, doc_cmp);
	doc_index_rebuild(r);
	struct ranked *v = xcalloc(r->ntasks ? r->ntasks : 1, sizeof *v);
	for (size_t i = 0; i < r->ntasks; i++) /* every task's document was added */
		v[i] = (struct ranked){doc_index_find(r, r->tasks[i].doc), r->tasks[i].id, i};
	xqsort(v, r->ntasks, sizeof *v, ranked_cmp);
	struct report_task *sorted = xcalloc(r->ntasks ? r->ntasks : 1, sizeof *sorted);
	for (size_t i = 0; i < r->ntasks; i++) {
		sorted[i] = r->tasks[v[i].index];
		struct report_doc *d = &r->docs[v[i].rank];
		if (!d->ntasks)
			d->first = i;
		d->ntasks++;
	}
	free(r->tasks);
	r->tasks = sorted;
	free(v);
	return 0;
}

/* ---- indicators, missing plans, the late -------------------------------------- */

static int gather_indicators(struct build *b)
{
	struct report *r = b->r;
	struct indicator *v;
	size_t n;
	int rc = ind_list(b->t, b->h, b->o->doc, b->o->unit, &v, &n, b->e);
	if (rc)
		return rc;
	/* a period already over is judged on what was measured by its end (a
	 * period left zeroed, or DATE_NONE, is no period) */
	date_t to = b->o->period.to, ind_day = to > 0 && to < b->o->today ? to : b->o->today;
	r->inds = xcalloc(n ? n : 1, sizeof *r->inds);
	for (size_t i = 0; i < n && !rc; i++) {
		struct report_indicator *ri = &r->inds[r->ninds++];
		ri->ind = v[i];
		memset(&v[i], 0, sizeof v[i]);
		ri->lead_name = unit_name(b->h, ri->ind.lead, NULL);
		size_t d = doc_index_find(r, ri->ind.doc_id);
		if (d != (size_t)-1)
			str_copy(ri->doc_number, r->docs[d].number, sizeof ri->doc_number);
		rc = ind_assess_stored(b->t, &ri->ind, ind_day, &ri->a, b->e);
	}
	ind_list_free(v, n);
	return rc;
}

struct plan_docs {
	const struct build *b;
	struct idvec ids;
};

static int take_plan_doc(const struct doc *d, void *ctx)
{
	struct plan_docs *p = ctx;
	if (p->b->o->past && !hist_doc_exists_on(d, p->b->o->today))
		return 0; /* entered after the day */
	if (d->plan_due != DATE_NONE && (!p->b->o->doc || d->id == p->b->o->doc))
		idvec_push(&p->ids, d->id);
	return 0;
}

/* 1 if a missing plan of `unit` for a document of `issuer` concerns the
 * scope: every one with no unit, else the unit's or the issuer's subtree. */
static int missing_in_scope(const struct build *b, uint32_t unit, uint32_t issuer)
{
	uint32_t root = b->o->unit;
	return !root || hier_in_subtree(b->h, unit, root) || hier_in_subtree(b->h, issuer, root);
}

static int gather_missing(struct build *b)
{
	struct report *r = b->r;
	struct plan_docs p = {b, {0}};
	struct cascade_docs *docs = NULL;
	int rc = store_docs_each(b->t, take_plan_doc, &p, b->e);
	if (!rc && p.ids.n)
		rc = cascade_docs_load_on(b->t, b->o->past ? b->o->today : DATE_NONE, &docs, b->e);
	for (size_t i = 0; i < p.ids.n && !rc; i++) {
		struct cascade c;
		if ((rc = cascade_build_from(docs, b->h, p.ids.v[i], b->o->today, 1, &c, b->e)))
			break;
		for (size_t k = 1; k < c.n; k++) {
			const struct cascade_node *n = &c.nodes[k];
			if ((n->state != CS_MISSING && n->state != CS_OVERDUE) ||
			    !missing_in_scope(b, n->unit, c.nodes[0].unit))
				continue;
			r->missing = xrealloc(r->missing, (r->nmissing + 1) * sizeof *r->missing);
			struct report_missing *m = &r->missing[r->nmissing++];
			memset(m, 0, sizeof *m);
			m->doc = c.nodes[0].doc;
			str_copy(m->number, c.nodes[0].number, sizeof m->number);
			m->unit = n->unit;
			m->unit_name = unit_name(b->h, n->unit, NULL);
			m->due = n->due;
			m->days = n->days;
			m->state = n->state;
		}
		cascade_free(&c);
	}
	cascade_docs_free(docs);
	idvec_free(&p.ids);
	return rc;
}

/* An overdue task as the late list sorts it (qsort has no context). */
struct late_key {
	int days;
	uint64_t id;
	size_t index;
};

static int late_cmp(const void *a, const void *b)
{
	const struct late_key *x = a, *y = b;
	if (x->days != y->days)
		return x->days > y->days ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* The overdue tasks, most late first, then by id (ids are unique: the
 * order is total). */
static void order_late(struct report *r)
{
	struct late_key *v = xcalloc(r->ntasks ? r->ntasks : 1, sizeof *v);
	for (size_t i = 0; i < r->ntasks; i++)
		if (r->tasks[i].bucket == RB_DUE_OVERDUE)
			v[r->nlate++] = (struct late_key){r->tasks[i].tl.days, r->tasks[i].id, i};
	xqsort(v, r->nlate, sizeof *v, late_cmp);
	r->late = xcalloc(r->ntasks ? r->ntasks : 1, sizeof *r->late);
	for (size_t i = 0; i < r->nlate; i++)
		r->late[i] = v[i].index;
	free(v);
}

int report_build(struct txn *t, const struct hier *h, const struct report_opts *o,
                 struct report *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	if (!h)
		return err_set(e, ERR_INTERNAL, "thiếu cây đơn vị để lập báo cáo");
	if (o->unit && hier_find_id(h, o->unit) == (size_t)-1)
		return err_set(e, ERR_NOTFOUND, "không tìm thấy đơn vị #%u", o->unit);
	out->unit = o->unit;
	out->unit_name = o->unit ? unit_name(h, o->unit, NULL) : NULL;
	out->doc = o->doc;
	out->period = o->period;
	out->today = o->today;
	struct build b = {t, h, o, {o->today, o->soon, o->periods}, out, 0, 0, e};
	int rc = gather_tasks(&b);
	if (!rc)
		rc = order_docs(&b);
	if (!rc)
		rc = gather_notes(&b);
	if (!rc)
		rc = gather_indicators(&b);
	if (!rc)
		rc = gather_missing(&b);
	if (!rc)
		order_late(out);
	if (rc)
		report_free(out);
	return rc;
}

void report_free(struct report *r)
{
	free(r->unit_name);
	for (size_t i = 0; i < r->ndocs; i++) {
		free(r->docs[i].title);
		free(r->docs[i].issuer_name);
		free(r->docs[i].implements);
	}
	free(r->docs);
	for (size_t i = 0; i < r->ntasks; i++)
		free(r->tasks[i].notes);
	free(r->tasks);
	for (size_t i = 0; i < r->ninds; i++) {
		indicator_free(&r->inds[i].ind);
		free(r->inds[i].lead_name);
	}
	free(r->inds);
	for (size_t i = 0; i < r->nmissing; i++)
		free(r->missing[i].unit_name);
	free(r->missing);
	free(r->late);
	if (r->index)
		free(r->index->slot);
	free(r->index);
	while (r->strings) {
		struct report_chunk *next = r->strings->next;
		free(r->strings);
		r->strings = next;
	}
	memset(r, 0, sizeof *r);
}
