/* ops-link.c — unresolved names of a store, and linking them to units. */
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "ops-group.h"
#include "ops-link.h"
#include "ops-internal.h"
#include "store-alias.h"
#include "store.h"
#include "text.h"
#include "util.h"

/* ---- listing ---------------------------------------------------------- */

struct seen {
	char *folded, *name;
	uint64_t doc;
};

struct seen_list {
	struct txn *t;
	struct seen *v;
	size_t n, cap;
	struct err *e;
	int rc;
};

static void seen_add(struct seen_list *l, const char *name, uint64_t doc)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n].folded = txt_fold(name, strlen(name), NULL);
	l->v[l->n].name = xstrdup(name);
	l->v[l->n].doc = doc;
	l->n++;
}

static int lead_task(uint64_t id, void *ctx)
{
	struct seen_list *l = ctx;
	struct task k = {0};
	if ((l->rc = store_task_get(l->t, id, &k, l->e)))
		return 1;
	if (!k.lead && k.lead_text && *k.lead_text && !imp_lead_is_group(k.lead_text))
		seen_add(l, k.lead_text, k.doc_id);
	task_free(&k);
	return 0;
}

static int issuer_doc(uint64_t id, void *ctx)
{
	struct seen_list *l = ctx;
	struct doc d = {0};
	if ((l->rc = store_doc_get(l->t, id, &d, l->e)))
		return 1;
	if (!d.issuer && d.issuer_text && *d.issuer_text)
		seen_add(l, d.issuer_text, d.id);
	doc_free(&d);
	return 0;
}

static int by_name_then_doc(const void *a, const void *b)
{
	const struct seen *x = a, *y = b;
	int c = strcmp(x->folded, y->folded);
	return c ? c : (x->doc > y->doc) - (x->doc < y->doc);
}

static void seen_clear(struct seen_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].folded);
		free(l->v[i].name);
	}
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* Group the list into names, appended to *out; the list is sorted and
 * kept. */
static void group_kept(struct seen_list *l, enum unresolved_role role,
                       struct unresolved_name **out, size_t *n)
{
	xqsort(l->v, l->n, sizeof *l->v, by_name_then_doc);
	for (size_t i = 0; i < l->n;) {
		size_t j = i;
		struct unresolved_name u = {xstrdup(l->v[i].name), role, 0, 0, NULL};
		while (j < l->n && !strcmp(l->v[j].folded, l->v[i].folded)) {
			if (role != UR_ISSUER)
				u.ntasks++;
			if (!u.ndocs || u.docs[u.ndocs - 1] != l->v[j].doc) {
				u.docs = xrealloc(u.docs, (u.ndocs + 1) * sizeof *u.docs);
				u.docs[u.ndocs++] = l->v[j].doc;
			}
			j++;
		}
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[(*n)++] = u;
		i = j;
	}
}

/* Group a list into names, appended to *out, and empty it. */
static void group(struct seen_list *l, enum unresolved_role role, struct unresolved_name **out,
                  size_t *n)
{
	group_kept(l, role, out, n);
	seen_clear(l);
}

int ops_partner_names(const char *text, int (*cb)(const char *name, void *ctx), void *ctx)
{
	if (!text)
		return 0;
	char *copy = xstrdup(text), *save = NULL;
	int rc = 0;
	for (char *tok = strtok_r(copy, ";", &save); tok && !rc; tok = strtok_r(NULL, ";", &save)) {
		while (*tok == ' ')
			tok++;
		size_t len = strlen(tok);
		while (len && tok[len - 1] == ' ')
			tok[--len] = '\0';
		if (*tok)
			rc = cb(tok, ctx);
	}
	free(copy);
	return rc;
}

/* A partner name that names a group, not a unit: "các cơ quan liên quan". */
static int group_name(const char *name)
{
	char *f = txt_fold(name, strlen(name), NULL);
	int group = !strncmp(f, "cac ", 4) || !strncmp(f, "nhung ", 6) || imp_lead_is_group(name);
	free(f);
	return group;
}

struct partner_names {
	struct seen_list *l;
	const struct imp_units *r;
	uint64_t doc;       /* the document whose issuer is cached */
	uint32_t issuer;
	uint64_t task_doc;  /* the document of the task being read */
};

static int partner_name(const char *name, void *ctx)
{
	struct partner_names *w = ctx;
	if (!group_name(name) && !imp_resolver_find(w->r, name, w->issuer))
		seen_add(w->l, name, w->task_doc);
	return 0;
}

static int partner_task(const struct task *k, void *ctx)
{
	struct partner_names *w = ctx;
	if (!k->partners_text || !*k->partners_text)
		return 0;
	if (k->doc_id != w->doc) {
		struct doc d = {0};
		w->doc = k->doc_id;
		w->issuer = k->doc_id && store_doc_get(w->l->t, k->doc_id, &d, NULL) == 0 ? d.issuer : 0;
		doc_free(&d);
	}
	w->task_doc = k->doc_id;
	return ops_partner_names(k->partners_text, partner_name, w);
}

struct ops_unres {
	const struct hier *h;
	struct imp_units *r;          /* resolves the partners' names (from h) */
	struct unresolved_name *fixed; /* the leads, then the issuers */
	size_t nlead, nfixed;
	struct seen_list partners;    /* partner names found so far */
	uint64_t next;                /* the tasks are read on from this id */
	size_t read;
	int done;
	uint64_t doc;                 /* the document whose issuer is cached */
	uint32_t issuer;
};

int ops_unres_open(const struct ops_ctx *c, struct txn *t, const struct hier *h,
                   struct ops_unres **out, struct err *e)
{
	struct seen_list l = {t, NULL, 0, 0, e, 0};
	struct ops_unres *s;
	int rc = ops_require(c, PA_READ, e);

	*out = NULL;
	if (rc)
		return rc;
	s = xcalloc(1, sizeof(*s));
	s->doc = (uint64_t)-1;
	rc = store_tasks_by_lead(t, 0, lead_task, &l, e);
	if (!rc)
		rc = l.rc;
	if (!rc) {
		group(&l, UR_LEAD, &s->fixed, &s->nfixed);
		s->nlead = s->nfixed;
		if (!(rc = store_docs_by_issuer(t, 0, issuer_doc, &l, e)))
			rc = l.rc;
	}
	if (!rc)
		group(&l, UR_ISSUER, &s->fixed, &s->nfixed);
	seen_clear(&l);
	s->h = h; /* the resolver is built at the first step: open stays quick */
	if (!h)
		s->done = 1; /* no tree: no partner name can be judged */
	if (rc) {
		ops_unres_free(s);
		return rc;
	}
	*out = s;
	return 0;
}

struct partner_slice {
	struct ops_unres *s;
	struct partner_names w;
	size_t left;
};

static int partner_slice_task(const struct task *k, void *ctx)
{
	struct partner_slice *x = ctx;
	int rc;

	if (x->left == 0)
		return 1; /* the slice is spent: go on from this task next time */
	x->left--;
	x->s->read++;
	x->s->next = k->id + 1;
	x->w.doc = x->s->doc;
	x->w.issuer = x->s->issuer;
	rc = partner_task(k, &x->w);
	x->s->doc = x->w.doc;
	x->s->issuer = x->w.issuer;
	return rc;
}

int ops_unres_step(struct ops_unres *s, struct txn *t, size_t budget, struct err *e)
{
	struct partner_slice x = { s, {&s->partners, s->r, 0, 0, 0}, budget ? budget : SIZE_MAX };
	int rc;

	if (s->done)
		return 0;
	if (!s->r)
		x.w.r = s->r = imp_resolver_new(s->h);
	s->partners.t = t;
	s->partners.e = e;
	s->partners.rc = 0;
	rc = store_tasks_each_from(t, s->next, partner_slice_task, &x, e);
	if (rc == 0)
		s->done = 1; /* every task read */
	else if (rc == 1)
		rc = 0;
	return rc;
}

int ops_unres_done(const struct ops_unres *s)
{
	return s->done;
}

size_t ops_unres_read(const struct ops_unres *s)
{
	return s->read;
}

size_t ops_unres_partners_seen(const struct ops_unres *s)
{
	return s->partners.n;
}

static void name_copy(struct unresolved_name *to, const struct unresolved_name *from)
{
	*to = *from;
	to->name = xstrdup(from->name);
	to->docs = from->ndocs ? xmalloc(from->ndocs * sizeof(*to->docs)) : NULL;
	if (from->ndocs)
		memcpy(to->docs, from->docs, from->ndocs * sizeof(*to->docs));
}

void ops_unres_names(struct ops_unres *s, struct unresolved_name **out, size_t *n)
{
	size_t i;

	*out = NULL;
	*n = 0;
	for (i = 0; i < s->nlead; i++) {
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		name_copy(&(*out)[(*n)++], &s->fixed[i]);
	}
	group_kept(&s->partners, UR_PARTNER, out, n);
	for (i = s->nlead; i < s->nfixed; i++) {
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		name_copy(&(*out)[(*n)++], &s->fixed[i]);
	}
}

void ops_unres_free(struct ops_unres *s)
{
	if (!s)
		return;
	imp_resolver_free(s->r);
	ops_unresolved_free(s->fixed, s->nfixed);
	seen_clear(&s->partners);
	free(s);
}

int ops_unresolved(const struct ops_ctx *c, const struct hier *h, struct unresolved_name **out,
                   size_t *n, struct err *e)
{
	struct ops_unres *s = NULL;
	struct txn *t;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = ops_require(c, PA_READ, e)) || (rc = store_read_begin(c->st, &t, e)))
		return rc;
	if (!(rc = ops_unres_open(c, t, h, &s, e)) && !(rc = ops_unres_step(s, t, 0, e)))
		ops_unres_names(s, out, n);
	store_read_end(t);
	ops_unres_free(s);
	return rc;
}

void ops_unresolved_free(struct unresolved_name *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].docs);
	}
	free(v);
}

/* ---- linking ---------------------------------------------------------- */

struct link_req {
	const struct ops_ctx *c;
	const char *name;
	char *folded;
	uint32_t unit;
	uint32_t prev;   /* the unit an earlier link gave the name, or 0 */
	size_t ntasks, ndocs;
};

static int same_name(const char *text, const char *folded)
{
	if (!text)
		return 0;
	char *f = txt_fold(text, strlen(text), NULL);
	int same = !strcmp(f, folded);
	free(f);
	return same;
}

struct partner_match {
	const struct link_req *r;
	struct idvec *ids;
};

static int name_is(const char *name, void *ctx)
{
	return same_name(name, ctx);
}

/* Tasks naming r->name among their partners as written, without the unit. */
static int partner_match_task(const struct task *k, void *ctx)
{
	struct partner_match *m = ctx;
	for (int i = 0; i < k->npartners; i++)
		if (k->partners[i] == m->r->unit)
			return 0;
	if (k->partners_text && ops_partner_names(k->partners_text, name_is, m->r->folded))
		idvec_push(m->ids, k->id);
	return 0;
}

static int link_fn(struct txn *t, void *ctx, struct err *e)
{
	struct link_req *r = ctx;
	struct idvec ids = {0};
	struct unit u = {0}, prev = {0};
	uint32_t before = 0;
	char obj[40];
	int rc;

	r->ntasks = r->ndocs = 0;
	if ((rc = store_unit_get(t, r->unit, &u, e)))
		goto out;
	if (u.historical) {
		rc = err_set(e, ERR_INPUT, "%s (%s) là đơn vị cũ, không còn trong units.ini: không gắn "
		             "tên mới cho nó", u.name, u.code);
		goto out;
	}
	/* a name that names its committee links only to a unit inside one of
	 * that kind: never to another committee's body of the same name */
	int level = imp_name_level(r->name);
	if (level >= 0) {
		int inside = 0;
		struct unit a = {0};
		uint32_t id = u.id;
		for (int guard = 0; id && !inside && guard < 64; guard++) {
			unit_free(&a);
			if ((rc = store_unit_get(t, id, &a, e)))
				goto out;
			inside = a.kind == level;
			id = a.parent;
		}
		unit_free(&a);
		if (!inside) {
			rc = err_set(e, ERR_INPUT, "“%s” nêu %s, nhưng %s (%s) không thuộc %s nào: chọn đơn "
			             "vị của %s đó (xem: theodoi units)", r->name,
			             unit_kind_label((enum unit_kind)level), u.name, u.code,
			             unit_kind_label((enum unit_kind)level),
			             unit_kind_label((enum unit_kind)level));
			goto out;
		}
	}
	/* collect first: the cursors must not see the changes */
	/* the tasks led by that name: unresolved ones, and those an earlier
	 * link of the name gave another unit (linking again moves them) */
	r->prev = 0;
	if (store_alias_get(t, r->name, &r->prev, NULL) != 0 || r->prev == r->unit)
		r->prev = 0;
	if ((rc = store_tasks_by_lead(t, 0, idvec_push_fn, &ids, e)) ||
	    (r->prev && (rc = store_tasks_by_lead(t, r->prev, idvec_push_fn, &ids, e))))
		goto out;
	for (size_t i = 0; i < ids.n && !rc; i++) {
		struct task k = {0};
		if (!(rc = store_task_get(t, ids.v[i], &k, e)) && (!k.lead || k.lead == r->prev) &&
		    same_name(k.lead_text, r->folded)) {
			k.lead = r->unit;
			ops_group_settle(&k); /* a group linked to one unit: counted again */
			if (!(rc = ops_refresh_due(t, r->c, &k, e)) && !(rc = store_task_put(t, &k, e)))
				r->ntasks++;
		}
		task_free(&k);
	}
	/* partners: no index, so one pass over the tasks, collecting first */
	ids.n = 0;
	struct partner_match pm = {r, &ids};
	if (!rc)
		rc = store_tasks_each(t, partner_match_task, &pm, e);
	for (size_t i = 0; i < ids.n && !rc; i++) {
		struct task k = {0};
		if (!(rc = store_task_get(t, ids.v[i], &k, e))) {
			/* the unit an earlier link gave the name makes way */
			int at = -1;
			for (int p = 0; p < k.npartners && at < 0; p++)
				if (r->prev && k.partners[p] == r->prev)
					at = p;
			if (at < 0) {
				k.partners = xrealloc(k.partners,
				                      (size_t)(k.npartners + 1) * sizeof *k.partners);
				at = k.npartners++;
			}
			k.partners[at] = r->unit;
			if (!(rc = store_task_put(t, &k, e)))
				r->ntasks++;
		}
		task_free(&k);
	}
	ids.n = 0;
	if (!rc)
		rc = store_docs_by_issuer(t, 0, idvec_push_fn, &ids, e);
	for (size_t i = 0; i < ids.n && !rc; i++) {
		struct doc d = {0};
		if (!(rc = store_doc_get(t, ids.v[i], &d, e)) && !d.issuer &&
		    same_name(d.issuer_text, r->folded)) {
			d.issuer = r->unit;
			if (!(rc = store_doc_put(t, &d, e)))
				r->ndocs++;
		}
		doc_free(&d);
	}
	if (rc || (rc = store_alias_put(t, r->name, r->unit, &before, e)))
		goto out;
	json_t *was = NULL;
	if (before && before != r->unit && store_unit_get(t, before, &prev, NULL) == 0)
		was = json_pack("{s:s, s:s}", "name", r->name, "unit", prev.code);
	json_t *after = json_pack("{s:s, s:s, s:I, s:I}", "name", r->name, "unit", u.code, "tasks",
	                          (json_int_t)r->ntasks, "docs", (json_int_t)r->ndocs);
	snprintf(obj, sizeof obj, "unit:%s", u.code);
	rc = ops_audit(t, r->c, "link", obj, was, after, e);
out:
	idvec_free(&ids);
	unit_free(&u);
	unit_free(&prev);
	return rc;
}

int ops_link(struct ops_ctx *c, const char *name, uint32_t unit, size_t *ntasks, size_t *ndocs,
             struct err *e)
{
	int rc = ops_require(c, PA_HIERARCHY, e);
	if (rc)
		return rc;
	if (!name || !*name)
		return err_set(e, ERR_INPUT, "cần tên đơn vị như văn bản ghi");
	if (imp_lead_is_group(name))
		return err_set(e, ERR_INPUT, "'%s' là nhiệm vụ chung của nhiều cơ quan, không phải tên "
		               "một đơn vị: không gắn (nhiệm vụ được tách thành nghĩa vụ của từng đơn "
		               "vị, xem: theodoi expand-task MÃ)", name);
	if (strchr(name, ',') || strchr(name, ';'))
		return err_set(e, ERR_INPUT, "'%s' là danh sách nhiều đơn vị: chọn đơn vị chủ trì cho "
		               "từng nhiệm vụ (theodoi edit-task MÃ --lead MÃ_ĐƠN_VỊ)", name);
	struct link_req r = {c, name, txt_fold(name, strlen(name), NULL), unit, 0, 0, 0};
	rc = store_write(c->st, link_fn, &r, e);
	free(r.folded);
	if (!rc && ntasks)
		*ntasks = r.ntasks;
	if (!rc && ndocs)
		*ndocs = r.ndocs;
	return rc;
}
