/* rollup.c — counts of tasks by group, status and timeliness for a scope,
 * by child unit, and the sentence of government reports. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hier.h"
#include "history.h"
#include "period.h"
#include "rollup.h"
#include "store.h"
#include "util.h"

static const struct {
	const char *key, *label;
} bucket_words[RB_COUNT] = {
	[RB_DUE_ON_TIME] = {"due_on_time", "đã đến hạn, hoàn thành đúng hạn"},
	[RB_DUE_LATE] = {"due_late", "đã đến hạn, hoàn thành quá hạn"},
	[RB_DUE_EXTENDED] = {"due_extended", "đã đến hạn, chưa hoàn thành, trong hạn gia hạn"},
	[RB_DUE_OVERDUE] = {"due_overdue", "đã đến hạn, chưa hoàn thành, quá hạn"},
	[RB_NOT_DUE_DONE] = {"not_due_done", "chưa đến hạn, đã hoàn thành trước hạn"},
	[RB_NOT_DUE_OPEN] = {"not_due_open", "chưa đến hạn, đang thực hiện"},
	[RB_NO_DATE_DONE] = {"no_date_done", "chưa có mốc thời hạn, đã hoàn thành"},
	[RB_NO_DATE_AWAITING] = {"no_date_awaiting", "chưa có mốc thời hạn, chờ văn bản cấp trên"},
	[RB_NO_DATE_REVIEW] = {"no_date_review", "chưa có mốc thời hạn, cần rà soát"},
	[RB_NO_DATE_OTHER] = {"no_date_other", "chưa có mốc thời hạn, chưa xác định thời hạn"},
	[RB_ON_HOLD] = {"on_hold", "tạm dừng"},
	[RB_DUE_PENDING] = {"due_pending", "đã đến hạn, chưa hoàn thành, chờ xác nhận"},
	[RB_NOT_DUE_PENDING] = {"not_due_pending", "chưa đến hạn, chờ xác nhận"},
	[RB_NO_DATE_PENDING] = {"no_date_pending", "chưa có mốc thời hạn, chờ xác nhận"},
};

const char *rollup_bucket_key(enum rollup_bucket b)
{
	return (int)b >= 0 && b < RB_COUNT ? bucket_words[b].key : "";
}

const char *rollup_bucket_label(enum rollup_bucket b)
{
	return (int)b >= 0 && b < RB_COUNT ? bucket_words[b].label : "";
}

/* ---- one task ---------------------------------------------------------- */

enum rollup_bucket rollup_classify(const struct task *t, const struct rollup_when *w,
                                   struct tl_result *tl)
{
	struct tl_input in = {(enum task_status)t->status, &t->dl, t->due, t->done_date, w->periods};
	struct tl_result r = tl_compute(&in, w->today, w->soon);
	/* The date before any extension: the original deadline, or the report
	 * date a recurring task owes. */
	date_t base = per_unextended_due(t, w->periods);
	int recurring = per_recurring(&t->dl);
	if (base == DATE_NONE)
		base = t->due; /* an undated task given a date by an extension */
	if (tl)
		*tl = r;
	if (t->status == ST_ON_HOLD)
		return RB_ON_HOLD;
	if (t->status == ST_DONE && t->confirm == CF_PENDING &&
	    (!recurring || r.tl == TL_DONE_ON_TIME)) {
		/* a claim: not done, in the group of its date, never overdue (a
		 * recurring task that still owes a missed period is judged by it) */
		if (base == DATE_NONE)
			return RB_NO_DATE_PENDING;
		if (base >= w->today && !recurring)
			return RB_NOT_DUE_PENDING;
		return RB_DUE_PENDING;
	}
	if (t->status == ST_DONE && recurring && r.tl == TL_DONE_ON_TIME)
		return RB_DUE_ON_TIME; /* this period reported done */
	if (t->status == ST_DONE && !recurring) {
		if (base == DATE_NONE)
			return RB_NO_DATE_DONE;
		if (base >= w->today)
			return RB_NOT_DUE_DONE;
		return r.tl == TL_DONE_LATE ? RB_DUE_LATE : RB_DUE_ON_TIME;
	}
	/* open, or a recurring task done for a period that is over */
	if (base == DATE_NONE)
		return r.tl == TL_AWAITING ? RB_NO_DATE_AWAITING
		       : r.tl == TL_REVIEW ? RB_NO_DATE_REVIEW
		                           : RB_NO_DATE_OTHER;
	if (base >= w->today)
		return RB_NOT_DUE_OPEN;
	return r.tl == TL_OVERDUE || r.tl == TL_UNREPORTED ? RB_DUE_OVERDUE : RB_DUE_EXTENDED;
}

/* ---- adding up ---------------------------------------------------------- */

static int late_before(const struct rollup_late *a, const struct rollup_late *b)
{
	return a->days > b->days || (a->days == b->days && a->task < b->task);
}

/* Insert x into the worst list if it belongs there. */
static void worst_insert(struct rollup *r, const struct rollup_late *x)
{
	size_t i = r->nworst;
	if (i == ROLLUP_WORST) {
		if (!late_before(x, &r->worst[i - 1]))
			return;
		i--;
	} else {
		r->nworst++;
	}
	while (i > 0 && late_before(x, &r->worst[i - 1])) {
		r->worst[i] = r->worst[i - 1];
		i--;
	}
	r->worst[i] = *x;
}

/* The group sums from the buckets. */
static void regroup(struct rollup *r)
{
	const uint64_t *b = r->by_bucket;
	r->due_done = b[RB_DUE_ON_TIME] + b[RB_DUE_LATE];
	r->due_open = b[RB_DUE_EXTENDED] + b[RB_DUE_OVERDUE] + b[RB_DUE_PENDING];
	r->due = r->due_done + r->due_open;
	r->not_due = b[RB_NOT_DUE_DONE] + b[RB_NOT_DUE_OPEN] + b[RB_NOT_DUE_PENDING];
	r->no_date = b[RB_NO_DATE_DONE] + b[RB_NO_DATE_AWAITING] + b[RB_NO_DATE_REVIEW] +
	             b[RB_NO_DATE_OTHER] + b[RB_NO_DATE_PENDING];
}

void rollup_add(struct rollup *r, const struct task *t, const struct rollup_when *w)
{
	struct tl_result tl;
	enum rollup_bucket b = rollup_classify(t, w, &tl);
	r->total++;
	int claim = b == RB_DUE_PENDING || b == RB_NOT_DUE_PENDING || b == RB_NO_DATE_PENDING;
	if (t->status < ST_COUNT)
		r->by_status[t->status]++;
	if (!claim && (int)tl.tl >= 0 && tl.tl < TL_COUNT)
		r->by_tl[tl.tl]++;
	r->by_bucket[b]++;
	if (claim)
		r->pending_confirm++;
	else if (t->status == ST_DONE)
		r->done += !per_recurring(&t->dl); /* closed, as the counters see it:
		                                     a recurring task owes the next period */
	if (b == RB_DUE_OVERDUE && tl.tl == TL_UNREPORTED)
		r->unreported++;
	if (b == RB_NOT_DUE_OPEN && tl.tl == TL_DUE_SOON)
		r->due_soon++;
	if (b == RB_DUE_OVERDUE) {
		struct rollup_late x = {t->id, t->lead, tl.days};
		worst_insert(r, &x);
	}
	regroup(r);
}

void rollup_merge(struct rollup *a, const struct rollup *b)
{
	a->total += b->total;
	for (int i = 0; i < ST_COUNT; i++)
		a->by_status[i] += b->by_status[i];
	for (int i = 0; i < TL_COUNT; i++)
		a->by_tl[i] += b->by_tl[i];
	for (int i = 0; i < RB_COUNT; i++)
		a->by_bucket[i] += b->by_bucket[i];
	a->unreported += b->unreported;
	a->due_soon += b->due_soon;
	a->done += b->done;
	a->pending_confirm += b->pending_confirm;
	for (size_t i = 0; i < b->nworst; i++)
		worst_insert(a, &b->worst[i]);
	a->counts_only = a->counts_only || b->counts_only;
	regroup(a);
}

/* ---- reading the tasks of a scope -------------------------------------- */

/* Where each task of the scope goes: rows by range of hierarchy indexes. */
struct gather {
	struct txn *t;
	const struct hier *h;
	const struct rollup_scope *scope;
	const struct rollup_when *w;
	size_t root;        /* hierarchy index of scope->unit, or (size_t)-1 */
	/* rows: [starts[k], ends[k]) of hierarchy indexes; a row with an empty
	 * range takes lead 0 */
	struct rollup_row *rows;
	size_t *starts, *ends;
	size_t nrows;
	struct rollup *total;
	struct err *e;
};

static struct rollup_row *row_of(struct gather *g, uint32_t lead)
{
	if (!g->nrows)
		return NULL;
	size_t i = lead ? hier_find_id(g->h, lead) : (size_t)-1;
	for (size_t k = 0; k < g->nrows; k++) {
		if (i == (size_t)-1 ? g->starts[k] == g->ends[k]
		                    : g->starts[k] <= i && i < g->ends[k])
			return &g->rows[k];
	}
	return NULL;
}

static int take_task(const struct task *t, void *ctx)
{
	struct gather *g = ctx;
	rollup_add(g->total, t, g->w);
	struct rollup_row *row = row_of(g, t->lead);
	if (row)
		rollup_add(&row->r, t, g->w);
	return 0;
}

/* What rollup_each_task carries to each task. */
struct each {
	struct txn *t;
	struct err *e;
	const struct hier *h;
	const struct rollup_scope *scope;
	int (*fn)(const struct task *task, void *ctx);
	void *ctx;
};

/* fn on the task if it belongs to the scope (its document and subtree),
 * as it stood on the scope's past day when there is one. */
static int each_in_scope(const struct task *t, void *ctx)
{
	const struct each *w = ctx;
	/* an opened group task is counted through its obligations */
	if (t->group_open)
		return 0;
	if (w->scope->doc && t->doc_id != w->scope->doc)
		return 0;
	if (w->scope->unit && !hier_in_subtree(w->h, t->lead, w->scope->unit))
		return 0;
	if (!w->scope->past || hist_task_same_on(t, w->scope->past))
		return w->fn(t, w->ctx); /* no copy when the day changes nothing */
	struct task then;
	int exists, rc = hist_task_as_of(w->t, t, w->scope->past, &then, &exists, w->e);
	if (!rc && exists)
		rc = w->fn(&then, w->ctx);
	task_free(&then);
	return rc;
}

/* Read the tasks with these ids and pass each on. */
static int each_of_ids(struct txn *t, const struct idvec *l, struct each *w, struct err *e)
{
	int rc = 0;
	for (size_t i = 0; i < l->n && !rc; i++) {
		struct task k = {0};
		if (!(rc = store_task_get(t, l->v[i], &k, e)))
			rc = each_in_scope(&k, w);
		task_free(&k);
	}
	return rc;
}

int rollup_each_task(struct txn *t, const struct hier *h, const struct rollup_scope *scope,
                     int (*fn)(const struct task *task, void *ctx), void *ctx, struct err *e)
{
	struct each w = {t, e, h, scope, fn, ctx};
	size_t root = (size_t)-1;
	if (scope->unit && !h)
		return err_set(e, ERR_INTERNAL, "thiếu cây đơn vị để đọc nhiệm vụ theo đơn vị");
	if (scope->unit && (root = hier_find_id(h, scope->unit)) == (size_t)-1)
		return err_set(e, ERR_NOTFOUND, "không tìm thấy đơn vị #%u", scope->unit);
	if (!scope->doc && !scope->unit)
		return store_tasks_each(t, each_in_scope, &w, e);
	struct idvec l = {0};
	int rc = 0;
	if (scope->doc) {
		if (!(rc = store_tasks_by_doc(t, scope->doc, idvec_push_fn, &l, e)))
			rc = each_of_ids(t, &l, &w, e);
	} else {
		/* unit by unit, so that the ids held stay few */
		for (size_t i = root, end = hier_subtree_end(h, root); i < end && !rc; i++) {
			l.n = 0;
			if (!(rc = store_tasks_by_lead(t, hier_at(h, i)->id, idvec_push_fn, &l, e)))
				rc = each_of_ids(t, &l, &w, e);
		}
	}
	idvec_free(&l);
	return rc;
}

/* Every task of the scope, read once. */
static int gather(struct gather *g)
{
	return rollup_each_task(g->t, g->h, g->scope, take_task, g, g->e);
}

static int find_root(const struct hier *h, const struct rollup_scope *s, size_t *root,
                     struct err *e)
{
	*root = (size_t)-1;
	if (!s->unit)
		return 0;
	if (!h)
		return err_set(e, ERR_INTERNAL, "thiếu cây đơn vị để tổng hợp theo đơn vị");
	*root = hier_find_id(h, s->unit);
	if (*root == (size_t)-1)
		return err_set(e, ERR_NOTFOUND, "không tìm thấy đơn vị #%u", s->unit);
	return 0;
}

int rollup_compute(struct txn *t, const struct hier *h, const struct rollup_scope *scope,
                   const struct rollup_when *w, struct rollup *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	struct gather g = {t, h, scope, w, (size_t)-1, NULL, NULL, NULL, 0, out, e};
	int rc = find_root(h, scope, &g.root, e);
	return rc ? rc : gather(&g);
}

/* ---- by child unit ------------------------------------------------------ */

static void add_row(struct gather *g, uint32_t unit, int own, size_t start, size_t end)
{
	size_t k = g->nrows++;
	g->rows = xrealloc(g->rows, g->nrows * sizeof *g->rows);
	g->starts = xrealloc(g->starts, g->nrows * sizeof *g->starts);
	g->ends = xrealloc(g->ends, g->nrows * sizeof *g->ends);
	memset(&g->rows[k], 0, sizeof g->rows[k]);
	g->rows[k].unit = unit;
	g->rows[k].own = own;
	g->starts[k] = start;
	g->ends[k] = end;
}

/* Number of direct children of hierarchy index i (of the roots for -1). */
static size_t nchildren(const struct hier *h, size_t i)
{
	size_t first = i == (size_t)-1 ? 0 : i + 1;
	size_t end = i == (size_t)-1 ? hier_count(h) : hier_subtree_end(h, i), n = 0;
	for (size_t k = first; k < end; k = hier_subtree_end(h, k))
		n++;
	return n;
}

/* The rows of the scope: its own tasks, then each child (or each root).
 * A unit with a single child (the Trung ương above one Tỉnh ủy) says
 * little as a row: its own tasks get a row and its child is opened in
 * turn, down to the first unit with several children. */
static void lay_rows(struct gather *g)
{
	const struct hier *h = g->h;
	size_t at = g->root;
	if (at == (size_t)-1 && nchildren(h, at) == 1)
		at = 0;
	while (at != (size_t)-1) {
		add_row(g, hier_at(h, at)->id, 1, at, at + 1);
		if (nchildren(h, at) != 1)
			break;
		at++; /* the single child follows its parent in tree order */
	}
	size_t first = at == (size_t)-1 ? 0 : at + 1;
	size_t end = at == (size_t)-1 ? hier_count(h) : hier_subtree_end(h, at);
	for (size_t k = first; k < end; k = hier_subtree_end(h, k))
		add_row(g, hier_at(h, k)->id, 0, k, hier_subtree_end(h, k));
	if (g->root == (size_t)-1)
		add_row(g, 0, 0, 0, 0); /* unresolved leads */
}

/* Fill a roll-up from the counters of unit (0: the whole store). */
static int from_counters(struct txn *t, uint32_t unit, const struct rollup_when *w,
                         struct rollup *r, struct err *e)
{
	struct store_counts c;
	int rc = store_unit_counts(t, unit, w->today, w->soon, &c, e);
	if (rc)
		return rc;
	memset(r, 0, sizeof *r);
	r->counts_only = 1;
	r->total = c.total;
	r->done = c.closed;
	r->due_soon = c.soon;
	r->by_tl[TL_OVERDUE] = c.overdue;
	return 0;
}

/* r -= s for the counter fields (a unit's own = subtree less children). */
static void counters_sub(struct rollup *r, const struct rollup *s)
{
	r->total -= s->total;
	r->done -= s->done;
	r->due_soon -= s->due_soon;
	r->by_tl[TL_OVERDUE] -= s->by_tl[TL_OVERDUE];
}

/* The counters of the children of hierarchy index i (the roots for -1),
 * added up. */
static int children_counts(struct gather *g, size_t i, struct rollup *sum)
{
	const struct hier *h = g->h;
	size_t first = i == (size_t)-1 ? 0 : i + 1;
	size_t end = i == (size_t)-1 ? hier_count(h) : hier_subtree_end(h, i);
	int rc = 0;
	memset(sum, 0, sizeof *sum);
	for (size_t k = first; k < end && !rc; k = hier_subtree_end(h, k)) {
		struct rollup r;
		rc = from_counters(g->t, hier_at(h, k)->id, g->w, &r, g->e);
		sum->total += r.total;
		sum->done += r.done;
		sum->due_soon += r.due_soon;
		sum->by_tl[TL_OVERDUE] += r.by_tl[TL_OVERDUE];
	}
	return rc;
}

/* Rows from the counters: a subtree row is its unit's counters; a unit's
 * own row is its counters less its children's; the unresolved row is the
 * whole store's less the roots'. */
static int children_from_counters(struct gather *g)
{
	int rc = from_counters(g->t, g->scope->unit, g->w, g->total, g->e);
	for (size_t k = 0; k < g->nrows && !rc; k++) {
		struct rollup_row *row = &g->rows[k];
		struct rollup sum;
		rc = from_counters(g->t, row->unit, g->w, &row->r, g->e);
		if (!rc && (row->own || !row->unit)) {
			rc = children_counts(g, row->unit ? g->starts[k] : (size_t)-1, &sum);
			counters_sub(&row->r, &sum);
		}
	}
	return rc;
}

/* Keep, of a roll-up made from the tasks, the figures the counters give
 * (as from_counters fills them): closed = done, on hold and claims waiting
 * for confirmation; overdue = open and past the due date (quá hạn, chưa
 * báo cáo); due soon. */
static void counts_only_of(struct rollup *r)
{
	struct rollup c;
	memset(&c, 0, sizeof c);
	c.counts_only = 1;
	c.total = r->total;
	c.done = r->by_status[ST_DONE] + r->by_status[ST_ON_HOLD];
	c.due_soon = r->by_tl[TL_DUE_SOON];
	c.by_tl[TL_OVERDUE] = r->by_tl[TL_OVERDUE] + r->by_tl[TL_UNREPORTED];
	*r = c;
}

static void counts_from_tasks(struct gather *g)
{
	counts_only_of(g->total);
	for (size_t k = 0; k < g->nrows; k++)
		counts_only_of(&g->rows[k].r);
}

/* Drop the row of the unit's own tasks and the unresolved row when empty. */
static void drop_empty(struct gather *g)
{
	size_t k = 0;
	for (size_t i = 0; i < g->nrows; i++) {
		if ((g->rows[i].own || !g->rows[i].unit) && g->rows[i].r.total == 0)
			continue;
		g->rows[k++] = g->rows[i];
	}
	g->nrows = k;
}

int rollup_children(struct txn *t, const struct hier *h, const struct rollup_scope *scope,
                    const struct rollup_when *w, int counts_only, struct rollup_row **rows,
                    size_t *n, struct rollup *total, struct err *e)
{
	memset(total, 0, sizeof *total);
	*rows = NULL;
	*n = 0;
	if (!h)
		return err_set(e, ERR_INTERNAL, "thiếu cây đơn vị để tổng hợp theo đơn vị");
	struct gather g = {t, h, scope, w, (size_t)-1, NULL, NULL, NULL, 0, total, e};
	int rc = find_root(h, scope, &g.root, e);
	if (rc)
		return rc;
	lay_rows(&g);
	if (counts_only && !scope->doc && !scope->past) {
		rc = children_from_counters(&g);
	} else {
		rc = gather(&g);
		if (!rc && counts_only && !scope->doc)
			counts_from_tasks(&g); /* a past day: what the counters would say */
	}
	free(g.starts);
	free(g.ends);
	if (rc) {
		free(g.rows);
		memset(total, 0, sizeof *total);
		return rc;
	}
	drop_empty(&g);
	*rows = g.rows;
	*n = g.nrows;
	return 0;
}

/* ---- words ------------------------------------------------------------- */

char *rollup_count_str(uint64_t n, char *buf, size_t len)
{
	char digits[24], out[32];
	int nd = snprintf(digits, sizeof digits, "%llu", (unsigned long long)n), k = 0;
	for (int i = 0; i < nd; i++) {
		if (i && (nd - i) % 3 == 0)
			out[k++] = '.';
		out[k++] = digits[i];
	}
	out[k] = '\0';
	str_copy(buf, out, len);
	return buf;
}

/* num/den in tenths of a percent, rounded half up, in integers (den > 0). */
static unsigned long long rate_tenths(uint64_t num, uint64_t den)
{
	return (unsigned long long)((num * 2000 + den) / (2 * den));
}

/* The rate with `comma` before the tenth and `sign` after it. */
static char *rate_format(uint64_t num, uint64_t den, char comma, const char *sign, char *buf,
                         size_t len)
{
	if (!den) {
		str_copy(buf, "", len);
		return buf;
	}
	unsigned long long tenths = rate_tenths(num, den);
	char tmp[32];
	if (tenths % 10 == 0)
		snprintf(tmp, sizeof tmp, "%llu%s", tenths / 10, sign);
	else
		snprintf(tmp, sizeof tmp, "%llu%c%llu%s", tenths / 10, comma, tenths % 10, sign);
	str_copy(buf, tmp, len);
	return buf;
}

char *rollup_percent(uint64_t num, uint64_t den, char *buf, size_t len)
{
	return rate_format(num, den, ',', "%", buf, len);
}

char *rollup_rate_number(uint64_t num, uint64_t den, char *buf, size_t len)
{
	return rate_format(num, den, '.', "", buf, len);
}

/* Append ", label N" parts that are not zero to b; returns how many. */
static int nonzero_parts(struct sbuf *b, const char *const *labels, const uint64_t *v, int n)
{
	int k = 0;
	char num[32];
	for (int i = 0; i < n; i++) {
		if (!v[i])
			continue;
		sbuf_printf(b, "%s%s %s", k ? ", " : "", labels[i], rollup_count_str(v[i], num, sizeof num));
		k++;
	}
	return k;
}

char *rollup_sentence(const struct rollup *r)
{
	struct sbuf b = {0};
	char n1[32], n2[32], n3[32], pct[32];
	const uint64_t *bk = r->by_bucket;
	if (r->total == 0) {
		sbuf_puts(&b, "Chưa có nhiệm vụ nào.");
		return sbuf_detach(&b);
	}
	sbuf_printf(&b, "Tổng số %s nhiệm vụ", rollup_count_str(r->total, n1, sizeof n1));
	if (r->pending_confirm)
		sbuf_printf(&b, ", trong đó %s nhiệm vụ báo cáo hoàn thành đang chờ xác nhận",
		            rollup_count_str(r->pending_confirm, n1, sizeof n1));
	sbuf_puts(&b, "; ");
	if (r->due == 0) {
		sbuf_puts(&b, "chưa có nhiệm vụ nào đến hạn");
	} else {
		sbuf_printf(&b, "đã đến hạn %s nhiệm vụ, trong đó đã hoàn thành %s nhiệm vụ ",
		            rollup_count_str(r->due, n1, sizeof n1), rollup_count_str(r->due_done, n2, sizeof n2));
		sbuf_printf(&b, "(đúng hạn %s, quá hạn %s), ", rollup_count_str(bk[RB_DUE_ON_TIME], n1, sizeof n1),
		            rollup_count_str(bk[RB_DUE_LATE], n2, sizeof n2));
		sbuf_printf(&b, "chưa hoàn thành %s nhiệm vụ ", rollup_count_str(r->due_open, n3, sizeof n3));
		sbuf_printf(&b, "(trong hạn gia hạn %s, quá hạn %s",
		            rollup_count_str(bk[RB_DUE_EXTENDED], n1, sizeof n1),
		            rollup_count_str(bk[RB_DUE_OVERDUE], n2, sizeof n2));
		if (bk[RB_DUE_PENDING])
			sbuf_printf(&b, ", chờ xác nhận %s", rollup_count_str(bk[RB_DUE_PENDING], n1, sizeof n1));
		sbuf_puts(&b, "); ");
		sbuf_printf(&b, "tỷ lệ hoàn thành đạt %s", rollup_percent(r->due_done, r->due, pct, sizeof pct));
	}
	if (r->not_due) {
		sbuf_printf(&b, "; chưa đến hạn %s nhiệm vụ", rollup_count_str(r->not_due, n1, sizeof n1));
		static const char *const labels[] = {"đã hoàn thành trước hạn", "chờ xác nhận"};
		const uint64_t parts[] = {bk[RB_NOT_DUE_DONE], bk[RB_NOT_DUE_PENDING]};
		if (parts[0] || parts[1]) {
			sbuf_puts(&b, " (");
			nonzero_parts(&b, labels, parts, 2);
			sbuf_putc(&b, ')');
		}
	}
	if (r->no_date) {
		static const char *const labels[] = {"đã hoàn thành", "chờ văn bản cấp trên", "cần rà soát",
		                                     "chưa xác định thời hạn", "chờ xác nhận"};
		const uint64_t parts[] = {bk[RB_NO_DATE_DONE], bk[RB_NO_DATE_AWAITING], bk[RB_NO_DATE_REVIEW],
		                          bk[RB_NO_DATE_OTHER], bk[RB_NO_DATE_PENDING]};
		sbuf_printf(&b, "; %s nhiệm vụ chưa có mốc thời hạn cụ thể (",
		            rollup_count_str(r->no_date, n1, sizeof n1));
		nonzero_parts(&b, labels, parts, 5);
		sbuf_putc(&b, ')');
	}
	if (bk[RB_ON_HOLD])
		sbuf_printf(&b, "; tạm dừng %s nhiệm vụ", rollup_count_str(bk[RB_ON_HOLD], n1, sizeof n1));
	sbuf_putc(&b, '.');
	return sbuf_detach(&b);
}

/* ---- figures ------------------------------------------------------------- */

size_t rollup_lines(const struct rollup *r, struct rollup_line *out, size_t max)
{
	const uint64_t *b = r->by_bucket;
	const struct rollup_line all[ROLLUP_LINES] = {
		{"total", "Tổng số nhiệm vụ", r->total, 0},
		{"due", "Đã đến hạn", r->due, 0},
		{"due_done", "Đã hoàn thành", r->due_done, 1},
		{"due_on_time", "Đúng hạn", b[RB_DUE_ON_TIME], 2},
		{"due_late", "Quá hạn", b[RB_DUE_LATE], 2},
		{"due_open", "Chưa hoàn thành", r->due_open, 1},
		{"due_extended", "Trong hạn gia hạn", b[RB_DUE_EXTENDED], 2},
		{"due_overdue", "Quá hạn", b[RB_DUE_OVERDUE], 2},
		{"unreported", "Trong đó chưa báo cáo định kỳ", r->unreported, 3},
		{"due_pending", "Báo cáo hoàn thành, chờ xác nhận", b[RB_DUE_PENDING], 2},
		{"not_due", "Chưa đến hạn", r->not_due, 0},
		{"not_due_done", "Đã hoàn thành trước hạn", b[RB_NOT_DUE_DONE], 1},
		{"not_due_open", "Đang thực hiện", b[RB_NOT_DUE_OPEN], 1},
		{"due_soon", "Trong đó sắp đến hạn", r->due_soon, 2},
		{"not_due_pending", "Báo cáo hoàn thành, chờ xác nhận", b[RB_NOT_DUE_PENDING], 1},
		{"no_date", "Chưa có mốc thời hạn cụ thể", r->no_date, 0},
		{"no_date_done", "Đã hoàn thành", b[RB_NO_DATE_DONE], 1},
		{"awaiting", "Chờ văn bản cấp trên", b[RB_NO_DATE_AWAITING], 1},
		{"review", "Cần rà soát", b[RB_NO_DATE_REVIEW], 1},
		{"undated", "Chưa xác định thời hạn", b[RB_NO_DATE_OTHER], 1},
		{"no_date_pending", "Báo cáo hoàn thành, chờ xác nhận", b[RB_NO_DATE_PENDING], 1},
		{"on_hold", "Tạm dừng", b[RB_ON_HOLD], 0},
	};
	size_t n = 0;
	for (size_t i = 0; i < ROLLUP_LINES; i++) {
		/* the claims' lines only when there are claims */
		if (!r->pending_confirm && strstr(all[i].key, "_pending"))
			continue;
		if (n < max)
			out[n] = all[i];
		n++;
	}
	return n;
}

json_t *rollup_to_json(const struct rollup *r)
{
	struct rollup_line lines[ROLLUP_LINES];
	size_t n = rollup_lines(r, lines, ROLLUP_LINES);
	json_t *o = json_object();
	for (size_t i = 0; i < n; i++)
		json_object_set_new(o, lines[i].key, json_integer((json_int_t)lines[i].n));
	json_object_set_new(o, "due_pending", json_integer((json_int_t)r->by_bucket[RB_DUE_PENDING]));
	json_object_set_new(o, "not_due_pending",
	                    json_integer((json_int_t)r->by_bucket[RB_NOT_DUE_PENDING]));
	json_object_set_new(o, "no_date_pending",
	                    json_integer((json_int_t)r->by_bucket[RB_NO_DATE_PENDING]));
	json_object_set_new(o, "done", json_integer((json_int_t)r->done));
	json_object_set_new(o, "pending_confirm", json_integer((json_int_t)r->pending_confirm));
	/* tenths of a percent, as rollup_percent rounds */
	json_object_set_new(o, "completion_rate",
	                    r->due ? json_real((double)rate_tenths(r->due_done, r->due) / 10.0) : json_null());
	json_t *st = json_object(), *tl = json_object(), *worst = json_array();
	for (int i = 0; i < ST_COUNT; i++)
		json_object_set_new(st, st_key((enum task_status)i), json_integer((json_int_t)r->by_status[i]));
	for (int i = 0; i < TL_COUNT; i++)
		json_object_set_new(tl, tl_key((enum timeliness)i), json_integer((json_int_t)r->by_tl[i]));
	for (size_t i = 0; i < r->nworst; i++)
		json_array_append_new(worst, json_pack("{s:I, s:i}", "task", (json_int_t)r->worst[i].task,
		                                       "days", r->worst[i].days));
	json_object_set_new(o, "by_status", st);
	json_object_set_new(o, "by_timeliness", tl);
	json_object_set_new(o, "most_overdue", worst);
	char *s = rollup_sentence(r);
	json_object_set_new(o, "sentence", json_string(s));
	free(s);
	return o;
}
