/* import-replace.c — a new version of a stored document: which stored
 * document it replaces, and how its tasks match the stored ones (kept,
 * changed, removed, added).  import-diff.c shows that difference. */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hier.h"
#include "import-internal.h"
#include "ops-edit.h"
#include "ops-group.h"
#include "store.h"
#include "text.h"
#include "util.h"

/* ---- the target --------------------------------------------------------- */

static int empty(const char *s)
{
	return !s || !*s;
}

static int fold_eq_null(const char *a, const char *b)
{
	if (empty(a) || empty(b))
		return empty(a) && empty(b);
	return txt_fold_eq(a, b);
}

/* The same document: number, issuer and date (numbers restart each term);
 * without a number, the title too.  Loosely (for --replace), what only one
 * side carries is no difference: a document given its number, date or
 * issuer since it was imported (edit-doc, link) is still the one a file
 * without them repeats; without a number on either side, the title
 * decides. */
static int same_doc(const struct doc *d, const struct imp_doc *x, int loose)
{
	int both_numbers = !empty(d->number) && x->number[0];
	if (loose) {
		if (both_numbers ? !txt_fold_eq(d->number, x->number)
		                 : !fold_eq_null(d->title, x->title))
			return 0;
		if (d->date != DATE_NONE && x->date != DATE_NONE && d->date != x->date)
			return 0;
		if (d->issuer && x->issuer_unit)
			return d->issuer == x->issuer_unit;
		return d->issuer || x->issuer_unit || fold_eq_null(d->issuer_text, x->issuer);
	}
	if (!fold_eq_null(d->number, x->number) || d->date != x->date)
		return 0;
	if (d->issuer || x->issuer_unit) {
		if (d->issuer != x->issuer_unit)
			return 0;
	} else if (!fold_eq_null(d->issuer_text, x->issuer)) {
		return 0;
	}
	return x->number[0] || fold_eq_null(d->title, x->title);
}

/* The id of the stored document the parsed one repeats, or 0: the same
 * number, issuer and date; else, when `loose`, the only document that is
 * the same loosely (several: ERR_CONFLICT asking for --doc). */
static int find_same(struct txn *t, const struct imp_doc *x, int loose, uint64_t *found,
                     struct err *e)
{
	struct idvec l = {0};
	int rc = 0;
	*found = 0;
	if (x->number[0]) {
		uint64_t *ids = NULL;
		int n = 0;
		if ((rc = store_docs_by_number(t, x->number, &ids, &n, e)))
			return rc;
		for (int i = 0; i < n; i++)
			idvec_push(&l, ids[i]);
		free(ids);
	}
	if ((!x->number[0] || loose) &&
	    (rc = store_docs_by_issuer(t, x->issuer_unit, idvec_push_fn, &l, e))) {
		idvec_free(&l);
		return rc;
	}
	uint64_t other = 0;
	for (int pass = 0; pass < 1 + (loose != 0) && !*found && !rc; pass++)
		for (size_t i = 0; i < l.n && !rc; i++) {
			struct doc d = {0};
			if (!(rc = store_doc_get(t, l.v[i], &d, e)) && same_doc(&d, x, pass)) {
				if (!*found)
					*found = d.id;
				else if (pass && d.id != *found && !other)
					other = d.id;
			}
			doc_free(&d);
		}
	if (!rc && other)
		rc = err_set(e, ERR_CONFLICT, "văn bản trong tệp có thể là #%llu hoặc #%llu: chọn văn "
		             "bản được thay bằng --doc", (unsigned long long)*found,
		             (unsigned long long)other);
	idvec_free(&l);
	return rc;
}

/* "số 88-KH/TU của Ban Thường vụ Tỉnh ủy" (or "không số") into b. */
static void describe(struct sbuf *b, const char *number, const char *issuer)
{
	sbuf_printf(b, "%s%s", empty(number) ? "không số" : "số ", empty(number) ? "" : number);
	if (!empty(issuer))
		sbuf_printf(b, " của %s", issuer);
}

int imp_replace_target(struct txn *t, const struct imp_result *r,
                       const struct imp_store_opts *o, uint64_t *doc, struct err *e)
{
	const struct imp_doc *x = &r->doc;
	int rc;
	*doc = 0;
	if (o->doc && !o->replace)
		return err_set(e, ERR_USAGE, "văn bản #%llu chỉ được thay khi nhập lại (--replace)",
		               (unsigned long long)o->doc);
	if (!o->doc) {
		if ((rc = find_same(t, x, o->replace, doc, e)))
			return rc;
		if (*doc && !o->replace) {
			char buf[11];
			return err_set(e, ERR_CONFLICT,
			               "văn bản %s%s%s đã có trong kho (#%llu): dùng --replace để thay thế",
			               x->number[0] ? x->number : "không số",
			               x->date != DATE_NONE ? " ngày " : "",
			               x->date != DATE_NONE ? date_vn(x->date, buf) : "",
			               (unsigned long long)*doc);
		}
		return 0;
	}
	struct doc d = {0};
	rc = store_doc_get(t, o->doc, &d, e);
	if (rc == ERR_NOTFOUND)
		rc = err_set(e, ERR_NOTFOUND, "không tìm thấy văn bản #%llu (xem: theodoi docs)",
		             (unsigned long long)o->doc);
	if (rc)
		goto out;
	/* a number or an issuer on both sides that differ: another document */
	int other_number = !empty(d.number) && x->number[0] && !txt_fold_eq(d.number, x->number);
	int other_issuer = d.issuer && x->issuer_unit && d.issuer != x->issuer_unit;
	if ((other_number || other_issuer) && !o->force) {
		struct sbuf a = {0}, b = {0};
		describe(&a, x->number, x->issuer);
		describe(&b, d.number, d.issuer_text);
		rc = err_set(e, ERR_CONFLICT, "tệp là văn bản %s, khác văn bản #%llu (%s): %s khác nhau; "
		             "thay văn bản này bằng một văn bản khác cần --force", a.s,
		             (unsigned long long)d.id, b.s,
		             other_number && other_issuer ? "số và cơ quan ban hành"
		             : other_number ? "số" : "cơ quan ban hành");
		sbuf_free(&a);
		sbuf_free(&b);
		goto out;
	}
	*doc = d.id;
out:
	doc_free(&d);
	return rc;
}

/* ---- words and their overlap --------------------------------------------- */

/* The folded words of a text as sorted 64-bit hashes (a multiset). */
struct words {
	uint64_t *h;
	size_t n;
	char *folded;
};

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static void words_make(struct words *w, const char *text)
{
	w->folded = txt_fold(text ? text : "", TXT_NUL, NULL);
	w->h = NULL;
	w->n = 0;
	size_t cap = 0;
	for (const char *p = w->folded; *p;) {
		/* a word: letters and digits (folded Vietnamese is ASCII; other
		 * scripts stay UTF-8, whose bytes count as letters) */
		while (*p && !((unsigned char)*p >= 0x80 || (*p >= 'a' && *p <= 'z') ||
		               (*p >= '0' && *p <= '9')))
			p++;
		if (!*p)
			break;
		uint64_t h = 1469598103934665603ULL;
		while ((unsigned char)*p >= 0x80 || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			h = (h ^ (unsigned char)*p++) * 1099511628211ULL;
		if (w->n == cap) {
			cap = cap ? 2 * cap : 16;
			w->h = xrealloc(w->h, cap * sizeof *w->h);
		}
		w->h[w->n++] = h;
	}
	xqsort(w->h, w->n, sizeof *w->h, cmp_u64);
}

static void words_free(struct words *w)
{
	free(w->h);
	free(w->folded);
}

/* The Dice coefficient of two word multisets: 1 for two empty texts. */
static double dice(const struct words *a, const struct words *b)
{
	if (!a->n && !b->n)
		return 1;
	size_t i = 0, j = 0, common = 0;
	while (i < a->n && j < b->n) {
		if (a->h[i] == b->h[j]) {
			common++;
			i++;
			j++;
		} else if (a->h[i] < b->h[j]) {
			i++;
		} else {
			j++;
		}
	}
	return 2.0 * (double)common / (double)(a->n + b->n);
}

/* ---- the difference ------------------------------------------------------ */

struct pair {
	size_t nw, old;
	double rank;
};

static int cmp_pair(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank < y->rank ? 1 : -1;
	if (x->nw != y->nw)
		return x->nw < y->nw ? -1 : 1;
	return x->old < y->old ? -1 : x->old > y->old;
}

/* The previous version of a new task: the task of the previously
 * imported text (the stored document's source, parsed again) with the
 * same text, or NULL. */
static const struct imp_task *previous(const struct imp_result *prev, const struct imp_task *x)
{
	for (size_t i = 0; prev && i < prev->ntasks; i++)
		if (fold_eq_null(prev->tasks[i].text, x->text))
			return &prev->tasks[i];
	return NULL;
}

/* The pairs of new and stored tasks that qualify, best first.  ow[j] are
 * the words stored task j was imported with.  pv[i] is the previous
 * version of new task i (or NULL): the stored task it was imported as
 * keeps its section, whatever was edited since, and pairs with it as an
 * equal text does. */
static size_t pairs_make(const struct imp_result *r, struct words *nw, const struct task *old,
                         struct words *ow, size_t nold, const struct imp_task **pv,
                         struct pair **out)
{
	size_t n = 0, cap = 0;
	*out = NULL;
	for (size_t i = 0; i < r->ntasks; i++)
		for (size_t j = 0; j < nold; j++) {
			int same = !strcmp(r->tasks[i].section, old[j].section);
			double rank;
			if (!strcmp(nw[i].folded, ow[j].folded)) {
				rank = 3 + same;
			} else if (pv[i] && !strcmp(pv[i]->section, old[j].section)) {
				rank = 3;
			} else {
				/* the coefficient can be at most 2 min / (a + b) */
				size_t lo = nw[i].n < ow[j].n ? nw[i].n : ow[j].n;
				double best = 2.0 * (double)lo / (double)(nw[i].n + ow[j].n);
				double need = same ? IMP_MATCH_SAME_SECTION : IMP_MATCH_ANY_SECTION;
				if (best < need)
					continue;
				double d = dice(&nw[i], &ow[j]);
				if (d < need)
					continue;
				rank = d + (same ? IMP_MATCH_SECTION_BONUS : 0);
			}
			if (n == cap) {
				cap = cap ? 2 * cap : 64;
				*out = xrealloc(*out, cap * sizeof **out);
			}
			(*out)[n++] = (struct pair){i, j, rank};
		}
	xqsort(*out, n, sizeof **out, cmp_pair);
	return n;
}

char *imp_partners_joined(const struct imp_task *x)
{
	struct sbuf b = {0};
	for (int p = 0; p < x->npartners; p++)
		sbuf_printf(&b, "%s%s", p ? "; " : "", x->partners[p]);
	return sbuf_detach(&b);
}

static int ids_within(const uint32_t *a, int na, const uint32_t *b, int nb)
{
	for (int i = 0; i < na; i++) {
		int found = !a[i];
		for (int j = 0; j < nb && !found; j++)
			found = a[i] == b[j];
		if (!found)
			return 0;
	}
	return 1;
}

static int same_partners(const struct imp_task *a, const struct imp_task *b)
{
	if (a->npartners != b->npartners)
		return 0;
	for (int i = 0; i < a->npartners; i++)
		if (!fold_eq_null(a->partners[i], b->partners[i]))
			return 0;
	return 1;
}

/* The fields a matched task changes.  When the new file reads a task as
 * the previous one did (p, its previous version, not NULL), what the
 * office corrected in the store since (edit-task, link) is kept: a field
 * changes only where the file changed it.  A lead or partner list written
 * the same way as stored keeps the units the store has (linked since). */
static unsigned fields_changed(const struct task *k, const struct imp_task *x,
                               const struct imp_task *p)
{
	unsigned f = 0;
	if (strcmp(k->text ? k->text : "", x->text ? x->text : "") && !p)
		f |= IMP_F_TEXT;
	if (strcmp(k->section, x->section))
		f |= IMP_F_SECTION;
	if ((!fold_eq_null(k->lead_text, x->lead) || (x->lead_unit && x->lead_unit != k->lead)) &&
	    !(p && fold_eq_null(p->lead, x->lead)))
		f |= IMP_F_LEAD;
	if (!fold_eq_null(k->dl_phrase, x->dl_phrase) && !(p && fold_eq_null(p->dl_phrase,
	                                                                     x->dl_phrase)))
		f |= IMP_F_DEADLINE;
	if (p && same_partners(p, x))
		return f;
	char *pt = imp_partners_joined(x);
	if (!fold_eq_null(k->partners_text, pt) ||
	    !ids_within(x->partner_units, x->partner_units ? x->npartners : 0, k->partners,
	                k->npartners))
		f |= IMP_F_PARTNERS;
	free(pt);
	return f;
}

static struct imp_change *row_add(struct imp_diff *d, size_t *cap)
{
	if (d->n == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		d->rows = xrealloc(d->rows, *cap * sizeof *d->rows);
	}
	struct imp_change *c = &d->rows[d->n++];
	memset(c, 0, sizeof *c);
	c->task = -1;
	return c;
}

/* The obligations (section "G@code") follow their group task G: its new
 * section, and its text and deadline where the group task takes the
 * file's. */
static void follow_groups(struct imp_diff *d, const struct imp_result *r, struct task *obl,
                          size_t nobl, size_t *cap)
{
	size_t nrows = d->n;
	for (size_t i = 0; i < nobl; i++) {
		size_t glen = (size_t)(strchr(obl[i].section, '@') - obl[i].section), gi = nrows;
		for (size_t k = 0; k < nrows && gi == nrows; k++) {
			const struct imp_change *c = &d->rows[k];
			if (c->fate != IMP_ADDED && strlen(c->old.section) == glen &&
			    !strncmp(c->old.section, obl[i].section, glen))
				gi = k;
		}
		struct imp_change *c = row_add(d, cap); /* may move d->rows */
		c->obligation = 1;
		c->old = obl[i];
		memset(&obl[i], 0, sizeof obl[i]);
		const struct imp_change *g = gi < nrows ? &d->rows[gi] : NULL;
		if (!g) {
			c->fate = IMP_KEPT; /* no group task stored: left as it is */
		} else if (g->fate == IMP_REMOVED) {
			c->fate = IMP_REMOVED;
			c->worked = ops_task_has_work(&c->old);
		} else {
			const struct imp_task *x = &r->tasks[g->task];
			c->task = g->task;
			if ((g->fields & IMP_F_TEXT) &&
			    strcmp(c->old.text ? c->old.text : "", x->text ? x->text : ""))
				c->fields |= IMP_F_TEXT;
			if (g->fields & IMP_F_SECTION)
				c->fields |= IMP_F_SECTION;
			if ((g->fields & IMP_F_DEADLINE) && !fold_eq_null(c->old.dl_phrase, x->dl_phrase))
				c->fields |= IMP_F_DEADLINE;
			c->fate = c->fields ? IMP_CHANGED : IMP_KEPT;
		}
	}
}

int imp_group_lead(uint32_t lead_unit, const char *lead_text)
{
	return !lead_unit && lead_text && *lead_text && imp_lead_is_group(lead_text);
}

/* The unit an obligation row is for: the code after '@' of its section. */
static const char *obligation_code(const struct imp_change *c)
{
	const char *at = strchr(c->old.section, '@');
	return at ? at + 1 : "";
}

/* The obligations of group row g that no longer apply, and those it lacks,
 * when the new version obliges units[0..n) (ops_group_units of its lead).
 * `drop`: its lead changed to a single unit, or to another group theodoi
 * reads, so obligations of units outside units[] leave (a lead changed to
 * a group theodoi cannot read keeps them: nothing says they no longer
 * apply). */
static void regroup_one(struct imp_diff *d, size_t g, const char *section, const struct hier *h,
                        const uint32_t *units, size_t n, int drop, size_t *cap)
{
	long task = d->rows[g].task;
	size_t nrows = d->n;
	for (size_t i = 0; i < nrows && drop; i++) {
		struct imp_change *c = &d->rows[i];
		if (!c->obligation || c->task != task || c->fate == IMP_REMOVED)
			continue;
		int in = 0;
		for (size_t k = 0; k < n && !in; k++) {
			const struct unit *u = hier_unit(h, units[k]);
			in = u && !strcmp(u->code, obligation_code(c));
		}
		if (in)
			continue;
		c->fate = IMP_REMOVED;
		c->fields = 0;
		c->worked = ops_task_has_work(&c->old);
		d->obl_removed++;
	}
	for (size_t k = 0; k < n; k++) {
		const struct unit *u = hier_unit(h, units[k]);
		int has = 0;
		if (!u)
			continue;
		for (size_t i = 0; i < nrows && !has; i++) {
			const struct imp_change *c = &d->rows[i];
			has = c->obligation && c->task == task && c->fate != IMP_REMOVED &&
			      !strcmp(obligation_code(c), u->code);
		}
		if (has)
			continue;
		struct imp_change *c = row_add(d, cap); /* may move d->rows */
		c->fate = IMP_ADDED;
		c->obligation = 1;
		c->task = task;
		c->old.lead = u->id;
		char sec[SECTION_LEN + 40]; /* too long: ops_group_open refuses it */
		snprintf(sec, sizeof sec, "%s@%s", section, u->code);
		str_copy(c->old.section, sec, sizeof c->old.section);
		d->obl_added++;
	}
}

/* Group tasks in their new version (the file's lead where it changes,
 * else the stored one) and their obligations: those of units no longer
 * obliged leave, units of the group without one get one, as
 * ops_group_open() makes them (ops-group.h).  Without a hierarchy nothing
 * is read as a group. */
static void regroup(struct imp_diff *d, const struct imp_result *r, const struct hier *h,
                    size_t *cap)
{
	uint32_t issuer = r->doc.issuer_unit ? r->doc.issuer_unit : d->old_doc.issuer;
	size_t nrows = d->n;
	if (!h)
		return;
	for (size_t g = 0; g < nrows; g++) {
		const struct imp_change *c = &d->rows[g];
		if (c->obligation || c->fate == IMP_REMOVED)
			continue;
		const struct imp_task *x = &r->tasks[c->task];
		int lead_new = c->fate == IMP_ADDED || (c->fields & IMP_F_LEAD);
		uint32_t lead = lead_new ? x->lead_unit : c->old.lead;
		const char *text = lead_new ? x->lead : c->old.lead_text;
		const char *section = c->fate == IMP_ADDED || (c->fields & IMP_F_SECTION)
		                      ? x->section : c->old.section;
		int changed = c->fate == IMP_CHANGED && (c->fields & IMP_F_LEAD), opened = 0;
		for (size_t i = 0; i < nrows && !opened; i++)
			opened = d->rows[i].obligation && d->rows[i].task == c->task &&
			         d->rows[i].fate != IMP_REMOVED;
		/* a group task already opened whose lead stays is left as it is:
		 * an obligation deleted since is not made again, and units added
		 * to the hierarchy get theirs from expand-task */
		int group = imp_group_lead(lead, text) && (changed || !opened);
		uint32_t *units = NULL;
		size_t n = group ? ops_group_units(h, text, issuer, &units) : 0;
		int drop = changed && (n || !imp_group_lead(lead, text));
		char sec[SECTION_LEN];
		str_copy(sec, section, sizeof sec);
		regroup_one(d, g, sec, h, units, n, drop, cap);
		free(units);
	}
}

int imp_diff_build(struct txn *t, const struct imp_result *r, uint64_t doc,
                   const struct hier *h, struct imp_diff **out, struct err *e)
{
	struct imp_diff *d = xcalloc(1, sizeof *d);
	struct idvec ids = {0};
	struct task *old = NULL, *obl = NULL;
	struct words *nw = NULL, *ow = NULL;
	struct pair *pairs = NULL;
	size_t nold = 0, nobl = 0, cap = 0;
	long *match = NULL;
	unsigned char *used = NULL;
	struct imp_result *prev = NULL;
	const struct imp_task **pv = NULL;
	int rc = 0;

	*out = NULL;
	d->doc = doc;
	if (doc && ((rc = store_doc_get(t, doc, &d->old_doc, e)) ||
	            (rc = store_tasks_by_doc(t, doc, idvec_push_fn, &ids, e))))
		goto out;
	old = xcalloc(ids.n + 1, sizeof *old);
	obl = xcalloc(ids.n + 1, sizeof *obl);
	for (size_t i = 0; i < ids.n; i++) {
		struct task k = {0};
		if ((rc = store_task_get(t, ids.v[i], &k, e))) {
			task_free(&k);
			goto out;
		}
		if (strchr(k.section, '@'))
			obl[nobl++] = k;
		else
			old[nold++] = k;
	}
	nw = xcalloc(r->ntasks + 1, sizeof *nw);
	ow = xcalloc(nold + 1, sizeof *ow);
	for (size_t i = 0; i < r->ntasks; i++)
		words_make(&nw[i], r->tasks[i].text);
	if (d->old_doc.source) {
		struct err pe = {0};
		if (imp_parse(d->old_doc.source, strlen(d->old_doc.source), NULL, NULL, 0, &prev, &pe))
			prev = NULL; /* then the file's fields win */
	}
	/* a stored task is compared by the text it was imported with (the
	 * previous version's task of its section), edited since or not */
	for (size_t j = 0; j < nold; j++) {
		const char *text = old[j].text;
		for (size_t k = 0; prev && k < prev->ntasks; k++)
			if (!strcmp(prev->tasks[k].section, old[j].section)) {
				text = prev->tasks[k].text;
				break;
			}
		words_make(&ow[j], text);
	}
	pv = xcalloc(r->ntasks + 1, sizeof *pv);
	for (size_t i = 0; i < r->ntasks; i++)
		pv[i] = previous(prev, &r->tasks[i]);
	size_t np = pairs_make(r, nw, old, ow, nold, pv, &pairs);
	match = xmalloc((r->ntasks + 1) * sizeof *match);
	for (size_t i = 0; i < r->ntasks; i++)
		match[i] = -1;
	used = xcalloc(nold + 1, 1);
	for (size_t p = 0; p < np; p++)
		if (match[pairs[p].nw] < 0 && !used[pairs[p].old]) {
			match[pairs[p].nw] = (long)pairs[p].old;
			used[pairs[p].old] = 1;
		}
	for (size_t i = 0; i < r->ntasks; i++) {
		struct imp_change *c = row_add(d, &cap);
		c->task = (long)i;
		if (match[i] < 0) {
			c->fate = IMP_ADDED;
			d->added++;
			continue;
		}
		task_copy(&c->old, &old[match[i]]);
		c->fields = fields_changed(&c->old, &r->tasks[i], pv[i]);
		c->fate = c->fields ? IMP_CHANGED : IMP_KEPT;
		if (c->fields)
			d->changed++;
		else
			d->kept++;
	}
	for (size_t j = 0; j < nold; j++)
		if (!used[j]) {
			struct imp_change *c = row_add(d, &cap);
			c->fate = IMP_REMOVED;
			task_copy(&c->old, &old[j]);
			c->worked = ops_task_has_work(&c->old);
			d->removed++;
			d->worked += c->worked != 0;
		}
	follow_groups(d, r, obl, nobl, &cap);
	regroup(d, r, h, &cap);
	for (size_t k = 0; k < d->n; k++)
		if (d->rows[k].obligation && d->rows[k].fate == IMP_REMOVED && d->rows[k].worked)
			d->worked++;
out:
	for (size_t i = 0; nw && i < r->ntasks; i++)
		words_free(&nw[i]);
	for (size_t j = 0; ow && j < nold; j++)
		words_free(&ow[j]);
	for (size_t j = 0; j < nold; j++)
		task_free(&old[j]);
	for (size_t j = 0; j < nobl; j++)
		task_free(&obl[j]);
	free(nw);
	free(ow);
	free(old);
	free(obl);
	free(pairs);
	free(match);
	free(used);
	free(pv);
	imp_free(prev);
	idvec_free(&ids);
	if (rc) {
		imp_diff_free(d);
		return rc;
	}
	*out = d;
	return 0;
}

void imp_diff_free(struct imp_diff *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++)
		task_free(&d->rows[i].old);
	free(d->rows);
	doc_free(&d->old_doc);
	free(d);
}

int imp_replace_preview(struct store *st, const struct imp_result *r,
                        const struct imp_store_opts *o, struct imp_diff **out, struct err *e)
{
	struct txn *t;
	uint64_t doc = 0;
	*out = NULL;
	int rc = store_read_begin(st, &t, e);
	if (rc)
		return rc;
	if (!(rc = imp_replace_target(t, r, o, &doc, e)))
		rc = imp_diff_build(t, r, doc, o->h, out, e);
	store_read_end(t);
	return rc;
}
