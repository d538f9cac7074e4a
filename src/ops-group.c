/* ops-group.c — a task on a group of bodies, opened into one obligation
 * per unit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cascade.h"
#include "hier.h"
#include "history.h"
#include "import.h"
#include "ops-group.h"
#include "ops-internal.h"
#include "store.h"
#include "text.h"
#include "util.h"

static int has_word(const char *folded, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = strstr(folded, w); p; p = strstr(p + 1, w))
		if ((p == folded || p[-1] == ' ' || p[-1] == ',') &&
		    (p[n] == '\0' || p[n] == ' ' || p[n] == ',' || p[n] == ';'))
			return 1;
	return 0;
}

static int starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

enum { GW_COMMITTEES = 1, GW_BOARDS = 2, GW_BCSD = 4, GW_DOAN = 8 };

/* The kinds of bodies the lead text names as a group (GW_* bits). */
static unsigned group_words(const char *lead)
{
	if (!lead)
		return 0;
	char *f = txt_fold(lead, strlen(lead), NULL);
	unsigned what = 0;
	/* committees as a group: "các cấp ủy", "tổ chức (cơ sở) đảng", "các
	 * huyện ủy, ..."; not "(các ban) của Thành ủy", which names the owner */
	if (has_word(f, "cap uy") || has_word(f, "to chuc co so dang") ||
	    has_word(f, "to chuc dang") || has_word(f, "cac huyen uy") ||
	    has_word(f, "cac thi uy") || has_word(f, "cac thanh uy") ||
	    has_word(f, "cac quan uy") || has_word(f, "cac dang uy"))
		what |= GW_COMMITTEES;
	if (has_word(f, "ban xay dung dang"))
		what |= GW_BOARDS;
	if (has_word(f, "ban can su dang"))
		what |= GW_BCSD;
	if (has_word(f, "dang doan"))
		what |= GW_DOAN;
	free(f);
	return what;
}

int ops_group_names(const struct task *k)
{
	return !k->lead && !strchr(k->section, '@') && imp_lead_is_group(k->lead_text) &&
	       group_words(k->lead_text) != 0;
}

void ops_group_settle(struct task *k)
{
	if (k->group_open && !ops_group_names(k))
		k->group_open = 0;
}

size_t ops_group_units(const struct hier *h, const char *lead, uint32_t issuer,
                       uint32_t **units)
{
	*units = NULL;
	if (!h || !lead || !issuer || !imp_lead_is_group(lead))
		return 0;
	size_t ix = hier_find_id(h, issuer);
	if (ix == (size_t)-1)
		return 0;
	unsigned what = group_words(lead);
	int committees = !!(what & GW_COMMITTEES), boards = !!(what & GW_BOARDS);
	int bcsd = !!(what & GW_BCSD), doan = !!(what & GW_DOAN);
	if (!what)
		return 0;
	const struct unit *top = hier_at(h, ix);
	size_t n = 0, end = hier_subtree_end(h, ix);
	for (size_t k = ix + 1; k < end; k = hier_subtree_end(h, k)) {
		const struct unit *u = hier_at(h, k);
		if (u->historical)
			continue;
		char *name = txt_fold(u->name ? u->name : "", TXT_NUL, NULL);
		int in = (committees && cascade_must_plan(top, u)) ||
		         (boards && u->kind == UK_BAN && starts_with(name, "ban ")) ||
		         (bcsd && starts_with(name, "ban can su dang")) ||
		         (doan && starts_with(name, "dang doan"));
		free(name);
		if (in) {
			*units = xrealloc(*units, (n + 1) * sizeof **units);
			(*units)[n++] = u->id;
		}
	}
	return n;
}

/* ---- expanding ---------------------------------------------------------- */

struct expand_req {
	const struct ops_ctx *c;
	const struct hier *h;
	uint64_t task;
	size_t created, total;
};

/* The section of the obligation of unit `code` under group section `sec`;
 * 0 if it does not fit. */
static int obligation_section(const char *sec, const char *code, char *out, size_t len)
{
	int n = snprintf(out, len, "%s@%s", sec, code);
	return n > 0 && (size_t)n < len && (size_t)n < SECTION_LEN;
}

/* 1 if the document's tasks (ids) hold a task with section `sec`. */
static int section_taken(struct txn *t, const struct idvec *ids, const char *sec, struct err *e,
                         int *rc)
{
	for (size_t i = 0; i < ids->n; i++) {
		struct task k = {0};
		if ((*rc = store_task_get(t, ids->v[i], &k, e)))
			return 0;
		int same = !strcmp(k.section, sec);
		task_free(&k);
		if (same)
			return 1;
	}
	return 0;
}

int ops_group_open(struct txn *t, const struct ops_ctx *c, const struct hier *h,
                   const struct task *g, const struct doc *d, size_t *created, size_t *total,
                   json_t *made, struct err *e)
{
	struct idvec ids = {0};
	uint32_t *units = NULL;
	int rc = 0;
	*created = 0;
	*total = g->lead || strchr(g->section, '@') ? 0
	                                             : ops_group_units(h, g->lead_text, d->issuer, &units);
	if (!*total)
		return 0;
	if ((rc = store_tasks_by_doc(t, g->doc_id, idvec_push_fn, &ids, e)))
		goto out;
	for (size_t i = 0; i < *total && !rc; i++) {
		const struct unit *u = hier_unit(h, units[i]);
		char sec[SECTION_LEN + 40];
		if (!u)
			continue;
		if (!obligation_section(g->section, u->code, sec, sizeof sec)) {
			rc = err_set(e, ERR_INPUT, "mục %s@%s quá dài (tối đa %d ký tự)", g->section,
			             u->code, SECTION_LEN - 1);
			break;
		}
		if (section_taken(t, &ids, sec, e, &rc) || rc)
			continue;
		struct task k;
		task_copy(&k, g);
		k.id = 0;
		str_copy(k.section, sec, sizeof k.section);
		k.lead = u->id;
		k.group_open = 0; /* an obligation is counted, whatever its group is */
		k.npartners = 0;
		free(k.partners);
		k.partners = NULL;
		free(k.partners_text);
		k.partners_text = NULL;
		k.extended_to = k.last_update = k.done_date = DATE_NONE;
		k.status = ST_NOT_STARTED;
		k.progress = 0;
		k.confirm = CF_NONE;
		k.nupdates = 0;
		k.created = hist_stamp(ops_write_day(c), (int64_t)time(NULL));
		if (!(rc = ops_refresh_due(t, c, &k, e)) && !(rc = store_task_put(t, &k, e))) {
			(*created)++;
			if (made)
				json_array_append_new(made, json_pack("{s:s, s:I}", "unit", u->code, "task",
				                                      (json_int_t)k.id));
		}
		task_free(&k);
	}
	/* the group task becomes a container, counted through its obligations
	 * (made now or before) */
	if (!rc && !g->group_open) {
		struct task gs = {0};
		if (!(rc = store_task_get(t, g->id, &gs, e)) && !gs.group_open) {
			gs.group_open = 1;
			rc = store_task_put(t, &gs, e);
		}
		task_free(&gs);
	}
out:
	free(units);
	idvec_free(&ids);
	return rc;
}

static int expand_fn(struct txn *t, void *ctx, struct err *e)
{
	struct expand_req *r = ctx;
	struct task g = {0};
	struct doc d = {0};
	uint32_t *units = NULL;
	json_t *made = NULL;
	char obj[40];
	int rc;

	r->created = r->total = 0;
	if ((rc = ops_load_task(t, r->task, &g, e)))
		goto out;
	if (!g.doc_id || (rc = store_doc_get(t, g.doc_id, &d, e)) || !d.issuer) {
		if (!rc)
			rc = err_set(e, ERR_INPUT, "nhiệm vụ #%llu: văn bản chưa rõ cơ quan ban hành (gắn "
			             "bằng theodoi edit-doc --issuer hoặc theodoi link)",
			             (unsigned long long)g.id);
		goto out;
	}
	if (g.lead || strchr(g.section, '@')) {
		rc = err_set(e, ERR_INPUT, "nhiệm vụ #%llu %s: chỉ tách nhiệm vụ chung của nhiều cơ "
		             "quan (đơn vị chủ trì ghi là một nhóm)", (unsigned long long)g.id,
		             g.lead ? "đã có đơn vị chủ trì" : "là nghĩa vụ của một đơn vị");
		goto out;
	}
	r->total = ops_group_units(r->h, g.lead_text, d.issuer, &units);
	if (!r->total && (!g.lead_text || !*g.lead_text)) {
		rc = err_set(e, ERR_INPUT, "nhiệm vụ #%llu không ghi đơn vị chủ trì: không có nhóm "
		             "đơn vị nào để tách (gán đơn vị: theodoi edit-task %llu --lead ĐƠN_VỊ)",
		             (unsigned long long)g.id, (unsigned long long)g.id);
		goto out;
	}
	if (!r->total) {
		rc = err_set(e, ERR_INPUT, "nhiệm vụ #%llu: không nhận ra nhóm đơn vị trong “%s” (các "
		             "cấp ủy, huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc; tổ chức cơ sở "
		             "đảng; ban xây dựng Đảng; ban cán sự đảng, đảng đoàn)",
		             (unsigned long long)g.id, g.lead_text ? g.lead_text : "");
		goto out;
	}
	made = json_array();
	if ((rc = ops_group_open(t, r->c, r->h, &g, &d, &r->created, &r->total, made, e)))
		goto out;
	json_t *after = json_pack("{s:o, s:I}", "obligations", made, "group_size",
	                          (json_int_t)r->total);
	made = NULL;
	rc = ops_audit(t, r->c, "expand-task", ops_task_object(g.id, obj, sizeof obj), NULL, after, e);
out:
	json_decref(made);
	free(units);
	task_free(&g);
	doc_free(&d);
	return rc;
}

int ops_expand_task(struct ops_ctx *c, const struct hier *h, uint64_t task, size_t *created,
                    size_t *total, struct err *e)
{
	int rc = ops_require(c, PA_ADD_TASK, e);
	if (rc)
		return rc;
	struct expand_req r = {c, h, task, 0, 0};
	if ((rc = store_write(c->st, expand_fn, &r, e)))
		return rc;
	if (created)
		*created = r.created;
	if (total)
		*total = r.total;
	return 0;
}

/* ---- the mark after deleting or restoring an obligation ----------------- */

struct resettle {
	struct txn *t;
	const char *prefix;
	size_t plen;
	uint64_t group;
	size_t nobl;
	struct err *e;
	int rc;
};

static int resettle_one(uint64_t id, void *ctx)
{
	struct resettle *r = ctx;
	struct task k = {0};
	if ((r->rc = store_task_get(r->t, id, &k, r->e)))
		return 1;
	if (!strncmp(k.section, r->prefix, r->plen)) {
		if (k.section[r->plen] == '\0' && !r->group)
			r->group = k.id;
		else if (k.section[r->plen] == '@')
			r->nobl++;
	}
	task_free(&k);
	return 0;
}

int ops_group_resettle(struct txn *t, uint64_t doc, const char *section, struct err *e)
{
	const char *at = strchr(section, '@');
	if (!doc || !at)
		return 0;
	char prefix[SECTION_LEN];
	size_t plen = (size_t)(at - section);
	memcpy(prefix, section, plen);
	prefix[plen] = '\0';
	struct resettle r = {t, prefix, plen, 0, 0, e, 0};
	int rc = store_tasks_by_doc(t, doc, resettle_one, &r, e);
	if (!rc)
		rc = r.rc;
	if (rc || !r.group)
		return rc;
	struct task g = {0};
	if (!(rc = store_task_get(t, r.group, &g, e))) {
		uint8_t want = r.nobl > 0 && ops_group_names(&g);
		if (g.group_open != want) {
			g.group_open = want;
			rc = store_task_put(t, &g, e);
		}
	}
	task_free(&g);
	return rc;
}

/* ---- the marks of the whole store ---------------------------------------- */

struct obl_key {
	uint64_t doc;
	char prefix[SECTION_LEN];
};

struct marks {
	struct obl_key *obl;          /* the (document, group section) of each obligation */
	size_t nobl, capobl;
	struct mark_cand {
		uint64_t id, doc;
		char section[SECTION_LEN];
		uint8_t marked, group;    /* as stored; 1 if a group task by its lead */
	} *cand;                      /* tasks marked, or without a lead unit */
	size_t ncand, capcand;
};

static int mark_scan(const struct task *k, void *ctx)
{
	struct marks *m = ctx;
	const char *at = strchr(k->section, '@');
	if (at && k->doc_id) {
		if (m->nobl == m->capobl) {
			m->capobl = m->capobl ? 2 * m->capobl : 64;
			m->obl = xrealloc(m->obl, m->capobl * sizeof *m->obl);
		}
		struct obl_key *o = &m->obl[m->nobl++];
		memset(o, 0, sizeof *o);
		o->doc = k->doc_id;
		memcpy(o->prefix, k->section, (size_t)(at - k->section));
	}
	if (!k->group_open && (k->lead || at || !k->doc_id))
		return 0;
	if (m->ncand == m->capcand) {
		m->capcand = m->capcand ? 2 * m->capcand : 64;
		m->cand = xrealloc(m->cand, m->capcand * sizeof *m->cand);
	}
	struct mark_cand *c = &m->cand[m->ncand++];
	c->id = k->id;
	c->doc = k->doc_id;
	str_copy(c->section, k->section, sizeof c->section);
	c->marked = k->group_open;
	c->group = (uint8_t)ops_group_names(k);
	return 0;
}

static int obl_cmp(const void *a, const void *b)
{
	const struct obl_key *x = a, *y = b;
	if (x->doc != y->doc)
		return x->doc < y->doc ? -1 : 1;
	return strcmp(x->prefix, y->prefix);
}

int ops_group_marks(struct txn *t, struct sbuf *rep, size_t *nbad, struct err *e)
{
	struct marks m = {0};
	int rc = store_tasks_each(t, mark_scan, &m, e);
	*nbad = 0;
	if (!rc && m.nobl)
		xqsort(m.obl, m.nobl, sizeof *m.obl, obl_cmp);
	for (size_t i = 0; i < m.ncand && !rc; i++) {
		struct mark_cand *c = &m.cand[i];
		struct obl_key key = {0};
		key.doc = c->doc;
		str_copy(key.prefix, c->section, sizeof key.prefix);
		int has = m.nobl && bsearch(&key, m.obl, m.nobl, sizeof *m.obl, obl_cmp) != NULL;
		uint8_t want = c->group && has;
		if (want == c->marked)
			continue;
		(*nbad)++;
		if (rep) {
			if (*nbad <= 200)
				sbuf_printf(rep, "nhiệm vụ #%llu: %s\n", (unsigned long long)c->id,
				            want ? "nhiệm vụ chung đã tách thành nghĩa vụ của từng đơn vị nhưng "
				                   "chưa đánh dấu (vẫn được đếm)"
				                 : c->group ? "đánh dấu là nhiệm vụ chung đã tách nhưng không còn "
				                              "nghĩa vụ nào của đơn vị (không được đếm)"
				                            : "đánh dấu là nhiệm vụ chung đã tách nhưng đơn vị "
				                              "chủ trì không phải một nhóm (không được đếm)");
			continue;
		}
		struct task k = {0};
		if (!(rc = store_task_get(t, c->id, &k, e))) {
			k.group_open = want;
			rc = store_task_put(t, &k, e);
		}
		task_free(&k);
	}
	if (rep && *nbad > 200)
		sbuf_printf(rep, "... và %zu nhiệm vụ chung khác đánh dấu sai\n", *nbad - 200);
	free(m.obl);
	free(m.cand);
	return rc;
}

/* ---- the roll-up -------------------------------------------------------- */

struct rollup {
	struct txn *t;
	const struct task *g;
	size_t glen;
	size_t total, done;
	struct err *e;
	int rc;
};

static int count_obligation(uint64_t id, void *ctx)
{
	struct rollup *r = ctx;
	struct task k = {0};
	if ((r->rc = store_task_get(r->t, id, &k, r->e)))
		return 1;
	if (k.id != r->g->id && !strncmp(k.section, r->g->section, r->glen) &&
	    k.section[r->glen] == '@') {
		r->total++;
		r->done += k.status == ST_DONE;
	}
	task_free(&k);
	return 0;
}

int ops_group_rollup(struct txn *t, const struct task *task, size_t *total, size_t *done,
                     struct err *e)
{
	*total = *done = 0;
	if (!task->doc_id || task->lead || strchr(task->section, '@'))
		return 0;
	struct rollup r = {t, task, strlen(task->section), 0, 0, e, 0};
	int rc = store_tasks_by_doc(t, task->doc_id, count_obligation, &r, e);
	if (!rc)
		rc = r.rc;
	*total = r.total;
	*done = r.done;
	return rc;
}

const char *ops_group_label(size_t total, size_t done, char *buf, size_t len)
{
	snprintf(buf, len, "%zu/%zu đơn vị đã thực hiện", done, total);
	return buf;
}

int ops_group_percent(size_t total, size_t done)
{
	return total ? (int)(done * 100 / total) : 0;
}
