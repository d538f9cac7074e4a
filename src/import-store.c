/* import-store.c — imp_store(): a parsed plan into the store, in one
 * write transaction, refusing a document already stored unless it is to
 * be replaced; a replacement updates the stored document and its tasks in
 * place as import-replace.c matched them.
 */
#include "import.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "history.h"
#include "import-internal.h"
#include "ops.h"
#include "ops-edit.h"
#include "ops-group.h"
#include "store-trash.h"
#include "store.h"
#include "text.h"
#include "util.h"

struct req {
	struct ops_ctx *c;
	const struct imp_result *r;
	const struct imp_store_opts *o;
	int64_t now;
	/* filled afresh by each run of the transaction */
	uint64_t doc_id;
	struct imp_diff *diff;
	uint64_t *groups;      /* group tasks to open */
	size_t ngroups;
};

static void group_add(struct req *q, uint64_t id)
{
	q->groups = xrealloc(q->groups, (q->ngroups + 1) * sizeof *q->groups);
	q->groups[q->ngroups++] = id;
}

/* 1 for a stored task that import opens to its units (imp_group_lead). */
static int is_group(const struct task *k)
{
	return !strchr(k->section, '@') && imp_group_lead(k->lead, k->lead_text);
}

/* 1 if the difference opens obligations for new task `task` (an index of
 * r->tasks). */
static int opens(const struct imp_diff *d, long task)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->rows[i].obligation && d->rows[i].fate == IMP_ADDED && d->rows[i].task == task)
			return 1;
	return 0;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static int fold_eq_null(const char *a, const char *b)
{
	if (!a || !*a || !b || !*b)
		return (!a || !*a) && (!b || !*b);
	return txt_fold_eq(a, b);
}

static json_t *jstr(const char *s)
{
	return s ? json_string(s) : json_null();
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

/* A stored task takes the fields of its new version that changed; the
 * audit objects get each one before and after, named as edit-task names
 * them. */
static void take_fields(struct task *k, const struct imp_task *x, unsigned f, json_t *before,
                        json_t *after)
{
	if (f & IMP_F_TEXT) {
		json_object_set_new(before, "text", jstr(k->text));
		json_object_set_new(after, "text", jstr(x->text));
		free(k->text);
		k->text = xstrdup(x->text ? x->text : "");
	}
	if (f & IMP_F_SECTION) {
		json_object_set_new(before, "section", json_string(k->section));
		json_object_set_new(after, "section", json_string(x->section));
		str_copy(k->section, x->section, sizeof k->section);
	}
	if (f & IMP_F_LEAD) {
		json_object_set_new(before, "lead", json_integer(k->lead));
		json_object_set_new(after, "lead", json_integer(x->lead_unit));
		json_object_set_new(before, "lead_text", jstr(k->lead_text));
		json_object_set_new(after, "lead_text", jstr(x->lead));
		k->lead = x->lead_unit;
		free(k->lead_text);
		k->lead_text = dup_or_null(x->lead);
	}
	if (f & IMP_F_PARTNERS) {
		struct task n;
		fill_task(&n, x, 0, DATE_NONE, 0);
		json_t *o = json_array(), *p = json_array();
		for (int i = 0; i < k->npartners; i++)
			json_array_append_new(o, json_integer(k->partners[i]));
		for (int i = 0; i < n.npartners; i++)
			json_array_append_new(p, json_integer(n.partners[i]));
		json_object_set_new(before, "partners", o);
		json_object_set_new(after, "partners", p);
		json_object_set_new(before, "partners_text", jstr(k->partners_text));
		json_object_set_new(after, "partners_text", jstr(n.partners_text));
		free(k->partners);
		free(k->partners_text);
		k->partners = n.partners;
		k->npartners = n.npartners;
		k->partners_text = n.partners_text;
		n.partners = NULL;
		n.partners_text = NULL;
		task_free(&n);
	}
	if (f & IMP_F_DEADLINE) {
		json_object_set_new(before, "deadline", jstr(k->dl_phrase));
		json_object_set_new(after, "deadline", jstr(x->dl_phrase));
		free(k->dl_phrase);
		k->dl_phrase = dup_or_null(x->dl_phrase);
		k->dl = x->dl;
	}
}

/* An obligation follows its group task: "G@code" becomes "G'@code", and
 * it takes the group's new text and deadline. */
static void follow_group(struct task *k, const struct imp_task *x, unsigned f, json_t *before,
                         json_t *after)
{
	if (f & IMP_F_SECTION) {
		char sec[SECTION_LEN + 40];
		snprintf(sec, sizeof sec, "%s%s", x->section, strchr(k->section, '@'));
		json_object_set_new(before, "section", json_string(k->section));
		json_object_set_new(after, "section", json_string(sec));
		str_copy(k->section, sec, sizeof k->section);
	}
	take_fields(k, x, f & (IMP_F_TEXT | IMP_F_DEADLINE), before, after);
}

/* Remove a task gone from the text, or the obligation of a unit its group
 * task no longer names (`unnamed`), as delete-task does. */
static int remove_task(struct txn *t, struct req *q, const struct task *k, int unnamed,
                       struct err *e)
{
	char obj[40];
	const char *reason = unnamed ? "đơn vị không còn trong nhóm chủ trì của văn bản nhập lại "
	                               "(import --replace)"
	                             : "không còn trong văn bản nhập lại (import --replace)";
	char *note = ops_trash_note(q->c, reason);
	int rc = trash_put(t, TRASH_TASK, k->id, note, e);
	free(note);
	if (rc)
		return rc;
	snprintf(obj, sizeof obj, "task:%llu", (unsigned long long)k->id);
	return ops_audit(t, q->c, "delete-task", obj, NULL,
	                 json_pack("{s:s, s:I, s:I, s:s?}", "reason", reason, "tasks", (json_int_t)1,
	                           "with_work", (json_int_t)ops_task_has_work(k), "file",
	                           q->r->file[0] ? q->r->file : NULL), e);
}

/* The stored tasks in their new version: matched ones updated in place
 * (audited), gone ones removed, new ones added. */
static int apply_diff(struct txn *t, struct req *q, uint64_t doc, date_t start, struct err *e)
{
	const struct imp_diff *d = q->diff;
	int rc = 0;
	for (size_t i = 0; i < d->n && !rc; i++) {
		const struct imp_change *c = &d->rows[i];
		const struct imp_task *x = c->task >= 0 ? &q->r->tasks[c->task] : NULL;
		struct task k;
		if (c->fate == IMP_REMOVED) {
			rc = remove_task(t, q, &c->old, c->obligation && c->task >= 0, e);
			continue;
		}
		if (c->fate == IMP_ADDED && c->obligation)
			continue; /* made by open_groups, as expand-task makes them */
		if (c->fate == IMP_ADDED) {
			fill_task(&k, x, doc, start, hist_stamp(ops_write_day(q->c), q->now));
			if (!(rc = ops_refresh_due(t, q->c, &k, e)))
				rc = store_task_put(t, &k, e);
			if (!rc && opens(d, c->task))
				group_add(q, k.id);
			task_free(&k);
			continue;
		}
		if (!c->obligation && opens(d, c->task))
			group_add(q, c->old.id);
		if (c->fate == IMP_KEPT)
			continue;
		json_t *before = json_object(), *after = json_object();
		char obj[40];
		task_copy(&k, &c->old);
		if (c->obligation)
			follow_group(&k, x, c->fields, before, after);
		else
			take_fields(&k, x, c->fields, before, after);
		date_t due = k.due;
		ops_group_settle(&k); /* a lead no longer a group: counted again */
		if (!(rc = ops_refresh_due(t, q->c, &k, e)) && !(rc = store_task_put(t, &k, e))) {
			if (k.due != due) {
				char a[11], b[11];
				json_object_set_new(before, "due", due == DATE_NONE ? json_null()
				                    : json_string(date_iso(due, a)));
				json_object_set_new(after, "due", k.due == DATE_NONE ? json_null()
				                    : json_string(date_iso(k.due, b)));
			}
			snprintf(obj, sizeof obj, "task:%llu", (unsigned long long)k.id);
			rc = ops_audit(t, q->c, "edit-task", obj, before, after, e);
			before = after = NULL;
		}
		json_decref(before);
		json_decref(after);
		task_free(&k);
	}
	return rc;
}

/* Open the group tasks of the document to their units, each audited as
 * expand-task does. */
static int open_groups(struct txn *t, struct req *q, struct err *e)
{
	struct doc d = {0};
	int rc = 0;
	if (!q->o->h || !q->ngroups)
		return 0;
	if ((rc = store_doc_get(t, q->doc_id, &d, e)))
		return rc;
	for (size_t i = 0; i < q->ngroups && !rc; i++) {
		struct task g = {0};
		size_t made = 0, total = 0;
		json_t *list = json_array();
		char obj[40];
		if (!(rc = store_task_get(t, q->groups[i], &g, e)) && is_group(&g))
			rc = ops_group_open(t, q->c, q->o->h, &g, &d, &made, &total, list, e);
		if (!rc && made) {
			q->diff->groups_opened++;
			q->diff->obligations_made += made;
			snprintf(obj, sizeof obj, "task:%llu", (unsigned long long)g.id);
			rc = ops_audit(t, q->c, "expand-task", obj, NULL,
			               json_pack("{s:O, s:I, s:s}", "obligations", list, "group_size",
			                         (json_int_t)total, "by", "import"), e);
		}
		json_decref(list);
		task_free(&g);
	}
	doc_free(&d);
	return rc;
}

/* The tasks a removal would take with their recorded work, named. */
static int refuse_worked(const struct imp_diff *d, struct err *e)
{
	struct sbuf b = {0};
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		if (d->rows[i].fate == IMP_REMOVED && d->rows[i].worked)
			sbuf_printf(&b, "%s#%llu (mục %s)", n++ ? ", " : "",
			            (unsigned long long)d->rows[i].old.id, d->rows[i].old.section);
	int rc = err_set(e, ERR_CONFLICT, "văn bản #%llu: %zu nhiệm vụ không còn trong văn bản mới đã "
	                 "ghi nhận kết quả (cập nhật, hoàn thành hoặc xác nhận): %s; xóa cả những kết "
	                 "quả đó cần --force (vẫn khôi phục được); xem trước: --dry-run",
	                 (unsigned long long)d->doc, n, b.s ? b.s : "");
	sbuf_free(&b);
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
	if (q->diff->obligations_made)
		json_object_set_new(after, "obligations",
		                    json_integer((json_int_t)q->diff->obligations_made));
	if (existing) {
		const struct imp_diff *d = q->diff;
		const struct doc *o = &d->old_doc;
		json_t *before = json_pack("{s:s?, s:s?, s:I}", "number",
		                           o->number[0] ? o->number : NULL, "date",
		                           o->date == DATE_NONE ? NULL : date_iso(o->date, date), "tasks",
		                           (json_int_t)(d->kept + d->changed + d->removed));
		a.before = json_dumps(before, JSON_COMPACT | JSON_PRESERVE_ORDER);
		json_decref(before);
		json_object_set_new(after, "kept", json_integer((json_int_t)d->kept));
		json_object_set_new(after, "changed", json_integer((json_int_t)d->changed));
		json_object_set_new(after, "deleted", json_integer((json_int_t)d->removed));
		json_object_set_new(after, "added", json_integer((json_int_t)d->added));
	}
	a.after = json_dumps(after, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(after);
	rc = store_audit_add(t, &a, e);
	audit_free(&a);
	return rc;
}

/* The stored document takes the file's fields; what the file leaves empty
 * (no number, no date, an issuer not resolved: corrected since with
 * edit-doc or link) keeps the stored value. */
static void merge_doc(struct doc *d, struct doc *old)
{
	d->id = old->id;
	d->created = old->created;
	if (!d->number[0])
		str_copy(d->number, old->number, sizeof d->number);
	if (!d->kind[0])
		str_copy(d->kind, old->kind, sizeof d->kind);
	if (d->date == DATE_NONE)
		d->date = old->date;
	if (!d->issuer && old->issuer) {
		d->issuer = old->issuer;
		free(d->issuer_text);
		d->issuer_text = old->issuer_text;
		old->issuer_text = NULL;
	}
	if (!d->nimplements && old->nimplements) {
		d->nimplements = old->nimplements;
		d->implements = old->implements;
		old->implements = NULL;
		old->nimplements = 0;
	}
	if (d->plan_due == DATE_NONE)
		d->plan_due = old->plan_due;
}

static int write_fn(struct txn *t, void *ctx, struct err *e)
{
	struct req *q = ctx;
	uint64_t existing = 0;
	struct doc d;
	int rc;

	imp_diff_free(q->diff);
	q->diff = NULL;
	q->doc_id = 0;
	free(q->groups);
	q->groups = NULL;
	q->ngroups = 0;
	if ((rc = imp_replace_target(t, q->r, q->o, &existing, e)))
		return rc;
	if ((rc = imp_diff_build(t, q->r, existing, q->o->h, &q->diff, e)))
		return rc;
	if (q->diff->worked && !q->o->force)
		return refuse_worked(q->diff, e);
	fill_doc(&d, q);
	if (existing)
		merge_doc(&d, &q->diff->old_doc);
	rc = store_doc_put(t, &d, e);
	q->doc_id = d.id;
	date_t start = d.date != DATE_NONE ? d.date : ops_write_day(q->c);
	doc_free(&d);
	if (!rc)
		rc = apply_diff(t, q, q->doc_id, start, e);
	if (!rc)
		rc = open_groups(t, q, e);
	if (!rc)
		rc = put_indicators(t, q, q->doc_id, existing != 0, e);
	if (!rc)
		rc = audit_import(t, q, existing, e);
	return rc;
}

int imp_store_with(struct ops_ctx *c, const struct imp_result *r,
                   const struct imp_store_opts *o, uint64_t *doc_id, struct imp_diff **diff,
                   struct err *e)
{
	struct req q;
	int rc;

	if (diff)
		*diff = NULL;
	if (c->who.role != ROLE_ADMIN)
		return err_set(e, ERR_DENIED,
		               "không có quyền: chỉ vai trò quản trị (admin) được nhập văn bản; "
		               "người dùng '%s' có vai trò '%s'",
		               c->who.login, role_label(c->who.role));
	memset(&q, 0, sizeof q);
	q.c = c;
	q.r = r;
	q.o = o;
	q.now = (int64_t)time(NULL);
	rc = store_write(c->st, write_fn, &q, e);
	if (!rc && doc_id)
		*doc_id = q.doc_id;
	if (!rc && diff) {
		*diff = q.diff;
		q.diff = NULL;
	}
	imp_diff_free(q.diff);
	free(q.groups);
	return rc;
}

int imp_store(struct ops_ctx *c, const struct imp_result *r, int replace, uint64_t *doc_id,
              struct err *e)
{
	struct imp_store_opts o = {replace, 0, 0, NULL};
	return imp_store_with(c, r, &o, doc_id, NULL, e);
}
