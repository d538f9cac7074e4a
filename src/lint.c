/* lint.c — tasks that are unclear about who, by when, or how far along. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hier.h"
#include "import.h"
#include "lint.h"
#include "period.h"
#include "rollup.h"
#include "store.h"
#include "text.h"
#include "util.h"

static const struct {
	const char *key, *label;
} rule_words[LINT_COUNT] = {
	[LINT_NO_LEAD] = {"no_lead", "không có đơn vị chủ trì"},
	[LINT_UNRESOLVED_LEAD] = {"unresolved_lead", "chưa xác định được đơn vị chủ trì"},
	[LINT_NO_DEADLINE] = {"no_deadline", "không có thời hạn"},
	[LINT_DIRECTIVE_OVERDUE] = {"directive_overdue", "chờ văn bản cấp trên quá năm dự kiến"},
	[LINT_NO_REPORT] = {"no_report", "chưa báo cáo trong kỳ"},
};

const char *lint_rule_key(enum lint_rule r)
{
	return (int)r >= 0 && r < LINT_COUNT ? rule_words[r].key : "";
}

const char *lint_rule_label(enum lint_rule r)
{
	return (int)r >= 0 && r < LINT_COUNT ? rule_words[r].label : "";
}

int lint_rule_parse(const char *s)
{
	for (int r = 0; s && r < LINT_COUNT; r++) {
		char *k = txt_fold(rule_words[r].key, TXT_NUL, NULL), *want = txt_fold(s, TXT_NUL, NULL);
		for (char *p = want; *p; p++)
			if (*p == '-')
				*p = '_';
		int hit = !strcmp(k, want) || txt_fold_eq(rule_words[r].label, s);
		free(k);
		free(want);
		if (hit)
			return r;
	}
	return -1;
}

/* ---- the reporting period ------------------------------------------------ */

static int is_open(const struct task *t)
{
	return st_is_open((enum task_status)t->status);
}

/* A recurring task that owes a report whose date has passed: the period
 * engine's answer, as `overdue` lists it ("chưa báo cáo"). */
static int no_report(const struct task *t, date_t today, const struct periods *p)
{
	struct tl_input in = {(enum task_status)t->status, &t->dl, t->due, t->done_date, p};
	return per_recurring(&t->dl) && tl_compute(&in, today, 0).tl == TL_UNREPORTED;
}

unsigned lint_task(const struct task *t, date_t today, const struct periods *p)
{
	unsigned m = 0;
	if (!t->lead) {
		int written = t->lead_text && *t->lead_text;
		m |= 1u << (written ? LINT_UNRESOLVED_LEAD : LINT_NO_LEAD);
	}
	if (t->dl.d.kind == DL_NONE && t->extended_to == DATE_NONE)
		m |= 1u << LINT_NO_DEADLINE;
	if (is_open(t)) {
		struct tl_input in = {(enum task_status)t->status, &t->dl, t->due, t->done_date, p};
		if (tl_compute(&in, today, 0).tl == TL_REVIEW)
			m |= 1u << LINT_DIRECTIVE_OVERDUE;
	}
	if (no_report(t, today, p))
		m |= 1u << LINT_NO_REPORT;
	return m;
}

/* The part of a deadline that waits for a directive. */
static const struct dl_part *waiting(const struct deadline *dl)
{
	if (dl->d.kind == DL_AFTER_DIRECTIVE)
		return &dl->d;
	for (int i = 0; dl->d.kind == DL_MULTI && i < dl->nparts && i < DL_MAX_PARTS; i++)
		if (dl->parts[i].kind == DL_AFTER_DIRECTIVE)
			return &dl->parts[i];
	return NULL;
}

char *lint_detail(const struct task *t, enum lint_rule r, date_t today, const struct periods *p,
                  char *buf, size_t len)
{
	char tmp[512], d1[11], d2[11];
	const struct dl_part *w;
	switch (r) {
	case LINT_NO_LEAD:
		snprintf(tmp, sizeof tmp, "nhiệm vụ không ghi đơn vị chủ trì");
		break;
	case LINT_UNRESOLVED_LEAD:
		if (imp_lead_is_group(t->lead_text))
			snprintf(tmp, sizeof tmp, "nhiệm vụ chung của nhiều cơ quan (\"%s\"): chưa có một "
			         "đơn vị chủ trì", t->lead_text);
		else
			snprintf(tmp, sizeof tmp, "không xác định được đơn vị chủ trì \"%s\"",
			         t->lead_text ? t->lead_text : "");
		break;
	case LINT_NO_DEADLINE:
		snprintf(tmp, sizeof tmp, "không ghi thời hạn, không kế thừa thời hạn của mục");
		break;
	case LINT_DIRECTIVE_OVERDUE:
		w = waiting(&t->dl);
		if (w && w->by[0])
			snprintf(tmp, sizeof tmp, "chờ văn bản của %s, dự kiến năm %d, đến nay chưa có", w->by,
			         w->year);
		else
			snprintf(tmp, sizeof tmp, "chờ văn bản cấp trên, dự kiến năm %d, đến nay chưa có",
			         w ? w->year : 0);
		break;
	case LINT_NO_REPORT: {
		struct per_task pt;
		char name[48];
		per_task_of(t, PER_LEVEL_NONE, p, &pt);
		per_name(&pt, t->due, name, sizeof name);
		date_vn(t->due, d1);
		if (t->last_update == DATE_NONE)
			snprintf(tmp, sizeof tmp, "chưa báo cáo %s (hạn báo cáo %s, trễ %d ngày); chưa cập "
			         "nhật lần nào", name, d1, today - t->due);
		else
			snprintf(tmp, sizeof tmp, "chưa báo cáo %s (hạn báo cáo %s, trễ %d ngày); lần cập "
			         "nhật gần nhất %s", name, d1, today - t->due, date_vn(t->last_update, d2));
		break;
	}
	default:
		tmp[0] = '\0';
	}
	str_copy(buf, tmp, len);
	return buf;
}

/* ---- over a scope -------------------------------------------------------- */

/* The group sections of one document opened to their units (obligations
 * "SECTION@code", ops-group.h). */
struct opened {
	uint64_t doc;
	char (*sec)[SECTION_LEN];
	size_t n;
};

struct run {
	struct txn *t;
	struct err *e;
	const struct hier *h;
	const struct lint_opts *o;
	struct lint_item *v;
	size_t n, cap;
	struct opened *docs;     /* read once per document, when needed */
	size_t ndocs;
};

struct sections {
	struct txn *t;
	struct opened *d;
	struct err *e;
};

static int note_obligation(uint64_t id, void *ctx)
{
	struct sections *s = ctx;
	struct task k = {0};
	int rc = store_task_get(s->t, id, &k, s->e);
	const char *at = rc ? NULL : strchr(k.section, '@');
	if (at) {
		s->d->sec = xrealloc(s->d->sec, (s->d->n + 1) * sizeof *s->d->sec);
		size_t len = (size_t)(at - k.section);
		memcpy(s->d->sec[s->d->n], k.section, len);
		s->d->sec[s->d->n++][len] = '\0';
	}
	task_free(&k);
	return rc;
}

/* 1 if group task t has been opened to its units: its lead is then no
 * finding, each obligation has a unit. */
static int opened_group(struct run *r, const struct task *t, int *rc)
{
	struct opened *d = NULL;
	if (t->lead || !t->doc_id || strchr(t->section, '@'))
		return 0;
	for (size_t i = 0; i < r->ndocs && !d; i++)
		if (r->docs[i].doc == t->doc_id)
			d = &r->docs[i];
	if (!d) {
		r->docs = xrealloc(r->docs, (r->ndocs + 1) * sizeof *r->docs);
		d = &r->docs[r->ndocs++];
		memset(d, 0, sizeof *d);
		d->doc = t->doc_id;
		struct sections s = {r->t, d, r->e};
		if ((*rc = store_tasks_by_doc(r->t, t->doc_id, note_obligation, &s, r->e)))
			return 0;
	}
	for (size_t i = 0; i < d->n; i++)
		if (!strcmp(d->sec[i], t->section))
			return 1;
	return 0;
}

static int check_task(const struct task *t, void *ctx)
{
	struct run *r = ctx;
	const struct lint_opts *o = r->o;
	if (t->group_open)
		return 0; /* its obligations carry the findings */
	unsigned m = lint_task(t, o->today, o->periods) & (o->rules ? o->rules : LINT_ALL);
	int rc = 0;
	if ((m & (1u << LINT_UNRESOLVED_LEAD)) && opened_group(r, t, &rc))
		m &= ~(1u << LINT_UNRESOLVED_LEAD);
	if (rc)
		return rc;
	for (int k = 0; k < LINT_COUNT; k++) {
		if (!(m & (1u << k)))
			continue;
		if (r->n == r->cap) {
			r->cap = r->cap ? r->cap * 2 : 32;
			r->v = xrealloc(r->v, r->cap * sizeof *r->v);
		}
		struct lint_item *it = &r->v[r->n++];
		memset(it, 0, sizeof *it);
		it->rule = (enum lint_rule)k;
		it->task = t->id;
		it->doc = t->doc_id;
		it->lead = t->lead;
		str_copy(it->section, t->section, sizeof it->section);
		lint_detail(t, (enum lint_rule)k, o->today, o->periods, it->detail, sizeof it->detail);
	}
	return 0;
}

static int item_cmp(const void *a, const void *b)
{
	const struct lint_item *x = a, *y = b;
	if (x->doc != y->doc)
		return x->doc < y->doc ? -1 : 1;
	if (x->task != y->task)
		return x->task < y->task ? -1 : 1;
	return (int)x->rule - (int)y->rule;
}

int lint_run(struct txn *t, const struct hier *h, const struct lint_opts *o,
             struct lint_item **items, size_t *n, struct err *e)
{
	struct run r = {t, e, h, o, NULL, 0, 0, NULL, 0};
	struct rollup_scope scope = {o->unit, o->doc, o->past};
	*items = NULL;
	*n = 0;
	if (o->unit && (!h || hier_find_id(h, o->unit) == (size_t)-1))
		return err_set(e, ERR_NOTFOUND, "không tìm thấy đơn vị #%u", o->unit);
	int rc = rollup_each_task(t, h, &scope, check_task, &r, e);
	for (size_t i = 0; i < r.ndocs; i++)
		free(r.docs[i].sec);
	free(r.docs);
	if (rc) {
		free(r.v);
		return rc;
	}
	if (r.n > 1)
		xqsort(r.v, r.n, sizeof *r.v, item_cmp);
	*items = r.v;
	*n = r.n;
	return 0;
}
