/* import-store.c — imp_store(): a parsed plan into the store, in one
 * write transaction, refusing a document already stored unless it is to
 * be replaced, and then keeping what staff recorded on tasks that still
 * match.
 */
#include "import.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "history.h"
#include "ops.h"
#include "store-trash.h"
#include "store.h"
#include "text.h"
#include "util.h"

struct req {
	struct ops_ctx *c;
	const struct imp_result *r;
	int replace;
	int64_t now;
	/* filled afresh by each run of the transaction */
	uint64_t doc_id;
	size_t kept, deleted;
	struct task *old;
	size_t nold, oldcap;
	unsigned char *old_used;
	uint64_t *ids;
	size_t nids, idcap;
};

static void req_reset(struct req *q)
{
	for (size_t i = 0; i < q->nold; i++)
		task_free(&q->old[i]);
	free(q->old);
	free(q->old_used);
	free(q->ids);
	q->old = NULL;
	q->old_used = NULL;
	q->ids = NULL;
	q->nold = q->oldcap = q->nids = q->idcap = 0;
	q->doc_id = 0;
	q->kept = q->deleted = 0;
}

static int collect_id(uint64_t id, void *ctx)
{
	struct req *q = ctx;

	if (q->nids == q->idcap) {
		q->idcap = q->idcap ? q->idcap * 2 : 32;
		q->ids = xrealloc(q->ids, q->idcap * sizeof *q->ids);
	}
	q->ids[q->nids++] = id;
	return 0;
}

static int fold_eq_null(const char *a, const char *b)
{
	if (!a || !*a || !b || !*b)
		return (!a || !*a) && (!b || !*b);
	return txt_fold_eq(a, b);
}

/* The same document: number, issuer and date (numbers restart each term);
 * without a number, the title too. */
static int same_doc(const struct doc *d, const struct imp_doc *x)
{
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

/* The id of the stored document this one repeats, or 0. */
static int find_existing(struct txn *t, struct req *q, uint64_t *found, struct err *e)
{
	const struct imp_doc *x = &q->r->doc;
	int rc;

	*found = 0;
	q->nids = 0;
	if (x->number[0]) {
		uint64_t *ids = NULL;
		int n = 0;

		if ((rc = store_docs_by_number(t, x->number, &ids, &n, e)))
			return rc;
		for (int i = 0; i < n; i++)
			collect_id(ids[i], q);
		free(ids);
	} else if ((rc = store_docs_by_issuer(t, x->issuer_unit, collect_id, q, e))) {
		return rc;
	}
	for (size_t i = 0; i < q->nids && !*found; i++) {
		struct doc d;

		memset(&d, 0, sizeof d);
		if ((rc = store_doc_get(t, q->ids[i], &d, e)))
			return rc;
		if (same_doc(&d, x))
			*found = d.id;
		doc_free(&d);
	}
	return 0;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void fill_doc(struct doc *d, const struct req *q)
{
	const struct imp_doc *x = &q->r->doc;

	memset(d, 0, sizeof *d);
	str_copy(d->kind, x->kind, sizeof d->kind);
	str_copy(d->number, x->number, sizeof d->number);
	d->date = x->date;
	d->title = dup_or_null(x->title);
	d->issuer = x->issuer_unit;
	d->issuer_text = dup_or_null(x->issuer);
	d->signer = dup_or_null(x->signer);
	d->signer_role = dup_or_null(x->signer_role);
	d->nimplements = x->nimplements;
	if (x->nimplements) {
		d->implements = xmalloc((size_t)x->nimplements * DOCNUM_LEN);
		memcpy(d->implements, x->implements, (size_t)x->nimplements * DOCNUM_LEN);
	}
	d->plan_due = x->plan_due;
	d->source = q->r->source ? xstrndup(q->r->source, q->r->source_len) : NULL;
	d->created = hist_stamp(ops_write_day(q->c), q->now); /* exists from the day entered */
}

static void fill_task(struct task *t, const struct imp_task *x, uint64_t doc, date_t start,
                      int64_t now)
{
	struct sbuf pt = {0};

	memset(t, 0, sizeof *t);
	t->doc_id = doc;
	str_copy(t->section, x->section, sizeof t->section);
	t->lead = x->lead_unit;
	t->lead_text = dup_or_null(x->lead);
	for (int p = 0; p < x->npartners; p++) {
		sbuf_printf(&pt, "%s%s", p ? "; " : "", x->partners[p]);
		if (x->partner_units && x->partner_units[p]) {
			t->partners = xrealloc(t->partners, (size_t)(t->npartners + 1) *
			                                    sizeof *t->partners);
			t->partners[t->npartners++] = x->partner_units[p];
		}
	}
	t->partners_text = pt.len ? sbuf_detach(&pt) : NULL;
	sbuf_free(&pt);
	t->text = xstrdup(x->text ? x->text : "");
	t->dl_phrase = dup_or_null(x->dl_phrase);
	t->dl = x->dl;
	t->extended_to = DATE_NONE;
	t->status = ST_NOT_STARTED;
	t->confirm = CF_NONE;
	t->start = start;
	t->last_update = DATE_NONE;
	t->done_date = DATE_NONE;
	t->created = now;
}

/* Load the tasks the stored document has now. */
static int load_old(struct txn *t, struct req *q, uint64_t doc, struct err *e)
{
	int rc;

	q->nids = 0;
	if ((rc = store_tasks_by_doc(t, doc, collect_id, q, e)))
		return rc;
	q->old = xcalloc(q->nids ? q->nids : 1, sizeof *q->old);
	q->old_used = xcalloc(q->nids ? q->nids : 1, 1);
	for (size_t i = 0; i < q->nids; i++) {
		if ((rc = store_task_get(t, q->ids[i], &q->old[i], e)))
			return rc;
		q->nold++;
	}
	return 0;
}

/* An old task with the same section and text, not matched yet. */
static struct task *match_old(struct req *q, const struct imp_task *x)
{
	for (size_t i = 0; i < q->nold; i++)
		if (!q->old_used[i] && !strcmp(q->old[i].section, x->section) &&
		    fold_eq_null(q->old[i].text, x->text)) {
			q->old_used[i] = 1;
			return &q->old[i];
		}
	return NULL;
}

/* What staff recorded on a task survives the replacement. */
static void keep_progress(struct task *t, const struct task *old)
{
	t->id = old->id;
	t->status = old->status;
	t->progress = old->progress;
	t->confirm = old->confirm;
	t->extended_to = old->extended_to;
	t->start = old->start;
	t->last_update = old->last_update;
	t->done_date = old->done_date;
	t->nupdates = old->nupdates;
	t->created = old->created;
}

/* 1 for a unit's obligation of a group task (section "SECTION@code", made
 * by expand-task, ops-group.h) whose group task is still in the text: it is
 * no text of its own, so the replacement keeps it. */
static int obligation_kept(const struct imp_result *r, const struct task *old)
{
	const char *at = strchr(old->section, '@');
	if (!at)
		return 0;
	size_t n = (size_t)(at - old->section);
	for (size_t k = 0; k < r->ntasks; k++)
		if (strlen(r->tasks[k].section) == n && !strncmp(r->tasks[k].section, old->section, n))
			return 1;
	return 0;
}

static int put_tasks(struct txn *t, struct req *q, uint64_t doc, struct err *e)
{
	const struct imp_result *r = q->r;
	date_t start = r->doc.date != DATE_NONE ? r->doc.date : ops_write_day(q->c);
	int rc = 0;

	for (size_t k = 0; k < r->ntasks && !rc; k++) {
		struct task nt;
		const struct task *old = q->nold ? match_old(q, &r->tasks[k]) : NULL;

		fill_task(&nt, &r->tasks[k], doc, start, hist_stamp(ops_write_day(q->c), q->now));
		if (old) {
			keep_progress(&nt, old);
			q->kept++;
		}
		rc = ops_refresh_due(t, q->c, &nt, e);
		if (!rc)
			rc = store_task_put(t, &nt, e);
		task_free(&nt);
	}
	/* tasks gone from the new text leave like a deleted task: kept whole
	 * with who, when and why, and restore-task brings one back */
	char *note = NULL;
	for (size_t i = 0; i < q->nold && !rc; i++)
		if (!q->old_used[i] && !obligation_kept(r, &q->old[i])) {
			if (!note) {
				json_t *n = json_pack("{s:s, s:s, s:I, s:s}", "login", q->c->who.login, "role",
				                      role_key(q->c->who.role), "time", (json_int_t)q->now,
				                      "reason", "không còn trong văn bản nhập lại (import --replace)");
				note = json_dumps(n, JSON_COMPACT | JSON_PRESERVE_ORDER);
				json_decref(n);
			}
			rc = trash_put(t, TRASH_TASK, q->old[i].id, note, e);
			q->deleted++;
		}
	free(note);
	return rc;
}

struct old_ind {
	uint64_t doc;
	uint64_t *ids;
	char **texts;
	size_t n;
};

static int collect_ind(const struct indicator *i, void *ctx)
{
	struct old_ind *o = ctx;

	if (i->doc_id != o->doc)
		return 0;
	o->ids = xrealloc(o->ids, (o->n + 1) * sizeof *o->ids);
	o->texts = xrealloc(o->texts, (o->n + 1) * sizeof *o->texts);
	o->ids[o->n] = i->id;
	o->texts[o->n] = xstrdup(i->text ? i->text : "");
	o->n++;
	return 0;
}

static int put_indicators(struct txn *t, struct req *q, uint64_t doc, int existing,
                          struct err *e)
{
	struct old_ind o = { doc, NULL, NULL, 0 };
	int rc = 0;

	if (existing && (rc = store_indicators_each(t, collect_ind, &o, e)))
		goto out;
	for (size_t k = 0; k < q->r->nindicators && !rc; k++) {
		const struct imp_indicator *x = &q->r->indicators[k];
		struct indicator in;

		memset(&in, 0, sizeof in);
		for (size_t i = 0; i < o.n; i++)
			if (o.ids[i] && fold_eq_null(o.texts[i], x->text)) {
				in.id = o.ids[i]; /* keeps its measurements */
				o.ids[i] = 0;
				break;
			}
		in.doc_id = doc;
		str_copy(in.section, x->section, sizeof in.section);
		in.text = xstrdup(x->text ? x->text : "");
		in.year = x->year;
		in.min = x->min;
		in.target = x->target;
		str_copy(in.unit_of, x->unit, sizeof in.unit_of);
		rc = store_indicator_put(t, &in, e);
		indicator_free(&in);
	}
	for (size_t i = 0; i < o.n && !rc; i++)
		if (o.ids[i])
			rc = store_indicator_del(t, o.ids[i], e);
out:
	for (size_t i = 0; i < o.n; i++)
		free(o.texts[i]);
	free(o.texts);
	free(o.ids);
	return rc;
}

static int audit_import(struct txn *t, struct req *q, uint64_t existing, struct err *e)
{
	struct audit a;
	json_t *after;
	char date[11];
	int rc;

	memset(&a, 0, sizeof a);
	a.time = q->now;
	str_copy(a.login, q->c->who.login, sizeof a.login);
	str_copy(a.role, role_key(q->c->who.role), sizeof a.role);
	str_copy(a.action, "import", sizeof a.action);
	snprintf(a.object, sizeof a.object, "doc:%llu", (unsigned long long)q->doc_id);
	after = json_pack("{s:s?, s:s?, s:s?, s:s?, s:I, s:I}", "file",
	                  q->r->file[0] ? q->r->file : NULL, "number",
	                  q->r->doc.number[0] ? q->r->doc.number : NULL, "kind",
	                  q->r->doc.kind[0] ? q->r->doc.kind : NULL, "date",
	                  q->r->doc.date == DATE_NONE ? NULL : date_iso(q->r->doc.date, date),
	                  "tasks", (json_int_t)q->r->ntasks, "indicators",
	                  (json_int_t)q->r->nindicators);
	if (existing) {
		json_t *before = json_pack("{s:I}", "tasks", (json_int_t)q->nold);

		a.before = json_dumps(before, JSON_COMPACT);
		json_decref(before);
		json_object_set_new(after, "kept", json_integer((json_int_t)q->kept));
		json_object_set_new(after, "deleted", json_integer((json_int_t)q->deleted));
	}
	a.after = json_dumps(after, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(after);
	rc = store_audit_add(t, &a, e);
	audit_free(&a);
	return rc;
}

static int write_fn(struct txn *t, void *ctx, struct err *e)
{
	struct req *q = ctx;
	uint64_t existing = 0;
	struct doc d;
	int rc;

	req_reset(q);
	if ((rc = find_existing(t, q, &existing, e)))
		return rc;
	if (existing && !q->replace) {
		char buf[11];

		return err_set(e, ERR_CONFLICT,
		               "văn bản %s%s%s đã có trong kho (#%llu): dùng --replace để thay thế",
		               q->r->doc.number[0] ? q->r->doc.number : "không số",
		               q->r->doc.date != DATE_NONE ? " ngày " : "",
		               q->r->doc.date != DATE_NONE ? date_vn(q->r->doc.date, buf) : "",
		               (unsigned long long)existing);
	}
	if (existing && (rc = load_old(t, q, existing, e)))
		return rc;
	fill_doc(&d, q);
	if (existing) {
		struct doc old;

		memset(&old, 0, sizeof old);
		if ((rc = store_doc_get(t, existing, &old, e))) {
			doc_free(&d);
			return rc;
		}
		d.id = existing;
		d.created = old.created;
		doc_free(&old);
	}
	rc = store_doc_put(t, &d, e);
	q->doc_id = d.id;
	doc_free(&d);
	if (!rc)
		rc = put_tasks(t, q, q->doc_id, e);
	if (!rc)
		rc = put_indicators(t, q, q->doc_id, existing != 0, e);
	if (!rc)
		rc = audit_import(t, q, existing, e);
	return rc;
}

int imp_store(struct ops_ctx *c, const struct imp_result *r, int replace, uint64_t *doc_id,
              struct err *e)
{
	struct req q;
	int rc;

	if (c->who.role != ROLE_ADMIN)
		return err_set(e, ERR_DENIED,
		               "không có quyền: chỉ vai trò quản trị (admin) được nhập văn bản; "
		               "người dùng '%s' có vai trò '%s'",
		               c->who.login, role_label(c->who.role));
	memset(&q, 0, sizeof q);
	q.c = c;
	q.r = r;
	q.replace = replace;
	q.now = (int64_t)time(NULL);
	rc = store_write(c->st, write_fn, &q, e);
	if (!rc && doc_id)
		*doc_id = q.doc_id;
	req_reset(&q);
	return rc;
}
