/* ops-edit.c — editing, moving, deleting and restoring documents and
 * tasks, each one audited write transaction. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ops-edit.h"
#include "ops-group.h"
#include "ops-internal.h"
#include "store.h"
#include "util.h"

/* ---- tasks ---------------------------------------------------------------- */

struct task_edit_req {
	const struct ops_ctx *c;
	uint64_t id;
	const struct ops_task_edit *ed;
};

static int same_str(const char *a, const char *b)
{
	return !strcmp(a ? a : "", b ? b : "");
}

/* Record a changed field: name -> before and after in the audit objects. */
static void changed(json_t *before, json_t *after, const char *name, json_t *old, json_t *new)
{
	json_object_set_new(before, name, old);
	json_object_set_new(after, name, new);
}

static json_t *jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *jdate(date_t d)
{
	char buf[11];
	return d == DATE_NONE ? json_null() : json_string(date_iso(d, buf));
}

static int doc_exists(struct txn *t, uint64_t id, struct doc *out, struct err *e)
{
	int rc = store_doc_get(t, id, out, e);
	if (rc == ERR_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "không tìm thấy văn bản #%llu (xem: theodoi docs)",
		               (unsigned long long)id);
	return rc;
}

static int edit_task_fn(struct txn *t, void *ctx, struct err *e)
{
	struct task_edit_req *r = ctx;
	const struct ops_task_edit *ed = r->ed;
	struct task k = {0};
	char obj[40];
	int rc = ops_load_task(t, r->id, &k, e);
	if (rc || (rc = ops_check_txn(t, r->c, PA_EDIT, &k, e))) {
		task_free(&k);
		return rc;
	}
	json_t *before = json_object(), *after = json_object();
	int moved = 0;
	if (ed->text && !same_str(ed->text, k.text)) {
		changed(before, after, "text", jstr(k.text), jstr(ed->text));
		free(k.text);
		k.text = xstrdup(ed->text);
	}
	if (ed->section && !same_str(ed->section, k.section)) {
		changed(before, after, "section", jstr(k.section), jstr(ed->section));
		str_copy(k.section, ed->section, sizeof k.section);
	}
	if (ed->set_lead && (ed->lead != k.lead || !same_str(ed->lead_text, k.lead_text))) {
		/* the task must stay where the actor may correct it */
		struct task relead = k;
		relead.lead = ed->lead;
		if ((rc = ops_check_txn(t, r->c, PA_EDIT, &relead, e)))
			goto out;
		if (ed->lead) {
			struct unit u = {0};
			rc = store_unit_get(t, ed->lead, &u, e);
			unit_free(&u);
			if (rc)
				goto out;
		}
		changed(before, after, "lead", json_integer(k.lead), json_integer(ed->lead));
		changed(before, after, "lead_text", jstr(k.lead_text), jstr(ed->lead_text));
		k.lead = ed->lead;
		free(k.lead_text);
		k.lead_text = ed->lead_text ? xstrdup(ed->lead_text) : NULL;
	}
	if (ed->set_partners) {
		json_t *old = json_array(), *new = json_array();
		for (int i = 0; i < k.npartners; i++)
			json_array_append_new(old, json_integer(k.partners[i]));
		for (int i = 0; i < ed->npartners; i++)
			json_array_append_new(new, json_integer(ed->partners[i]));
		if (json_equal(old, new) && same_str(ed->partners_text, k.partners_text)) {
			json_decref(old);
			json_decref(new);
		} else {
			changed(before, after, "partners", old, new);
			changed(before, after, "partners_text", jstr(k.partners_text),
			        jstr(ed->partners_text));
			free(k.partners);
			k.partners = ed->npartners ? xmalloc((size_t)ed->npartners * sizeof *k.partners)
			                           : NULL;
			if (ed->npartners)
				memcpy(k.partners, ed->partners, (size_t)ed->npartners * sizeof *k.partners);
			k.npartners = ed->npartners;
			free(k.partners_text);
			k.partners_text = ed->partners_text ? xstrdup(ed->partners_text) : NULL;
		}
	}
	if (ed->dl_phrase && ed->dl && !same_str(ed->dl_phrase, k.dl_phrase)) {
		changed(before, after, "deadline", jstr(k.dl_phrase), jstr(ed->dl_phrase));
		free(k.dl_phrase);
		k.dl_phrase = xstrdup(ed->dl_phrase);
		k.dl = *ed->dl;
	}
	if (ed->doc && ed->doc != k.doc_id) {
		struct doc d = {0};
		/* moving between documents is for those who edit documents */
		if ((rc = ops_require(r->c, PA_EDIT, e)) || (rc = doc_exists(t, ed->doc, &d, e)))
			goto out;
		doc_free(&d);
		changed(before, after, "doc", json_integer((json_int_t)k.doc_id),
		        json_integer((json_int_t)ed->doc));
		k.doc_id = ed->doc;
		moved = 1;
	}
	if (json_object_size(after) == 0) {
		rc = err_set(e, ERR_INPUT, "không có gì thay đổi ở nhiệm vụ #%llu",
		             (unsigned long long)k.id);
		goto out;
	}
	date_t due = k.due;
	if ((rc = ops_refresh_due(t, r->c, &k, e)))
		goto out;
	if (k.due != due)
		changed(before, after, "due", jdate(due), jdate(k.due));
	/* a group task whose lead is no longer a group is counted again */
	if (k.group_open) {
		ops_group_settle(&k);
		if (!k.group_open)
			changed(before, after, "group_open", json_true(), json_false());
	}
	if ((rc = store_task_put(t, &k, e)))
		goto out;
	rc = ops_audit(t, r->c, moved && json_object_size(after) == 1 ? "move-task" : "edit-task",
	               ops_task_object(k.id, obj, sizeof obj), before, after, e);
	before = after = NULL;
out:
	json_decref(before);
	json_decref(after);
	task_free(&k);
	return rc;
}

int ops_edit_task(struct ops_ctx *c, uint64_t id, const struct ops_task_edit *ed,
                  struct err *e)
{
	if (ed->text && !*ed->text)
		return err_set(e, ERR_INPUT, "nội dung nhiệm vụ không được để trống");
	struct task_edit_req r = {c, id, ed};
	return store_write(c->st, edit_task_fn, &r, e);
}

/* ---- documents ------------------------------------------------------------ */

struct doc_edit_req {
	const struct ops_ctx *c;
	uint64_t id;
	const struct ops_doc_edit *ed;
	date_t old_date;
};

/* Tasks that started with the document start with its new date. */
static int shift_task(uint64_t id, void *ctx);

struct shift {
	struct txn *t;
	const struct doc_edit_req *r;
	date_t to;
	struct err *e;
	int rc;
};

static int shift_task(uint64_t id, void *ctx)
{
	struct shift *s = ctx;
	struct task k = {0};
	if ((s->rc = store_task_get(s->t, id, &k, s->e)))
		return 1;
	if (k.start == s->r->old_date && k.start != s->to && s->to != DATE_NONE) {
		k.start = s->to;
		if (!(s->rc = ops_refresh_due(s->t, s->r->c, &k, s->e)))
			s->rc = store_task_put(s->t, &k, s->e);
	}
	task_free(&k);
	return s->rc ? 1 : 0;
}

static json_t *jimpl(int n, const char (*v)[DOCNUM_LEN])
{
	json_t *a = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

static int edit_doc_fn(struct txn *t, void *ctx, struct err *e)
{
	struct doc_edit_req *r = ctx;
	const struct ops_doc_edit *ed = r->ed;
	struct doc d = {0};
	char obj[40];
	int rc = doc_exists(t, r->id, &d, e);
	if (rc) {
		doc_free(&d);
		return rc;
	}
	r->old_date = d.date;
	json_t *before = json_object(), *after = json_object();
	if (ed->number && strcmp(ed->number, d.number)) {
		changed(before, after, "number", json_string(d.number), json_string(ed->number));
		str_copy(d.number, ed->number, sizeof d.number);
	}
	if (ed->kind && strcmp(ed->kind, d.kind)) {
		changed(before, after, "kind", json_string(d.kind), json_string(ed->kind));
		str_copy(d.kind, ed->kind, sizeof d.kind);
	}
	if (ed->title && !same_str(ed->title, d.title)) {
		changed(before, after, "title", jstr(d.title), jstr(ed->title));
		free(d.title);
		d.title = xstrdup(ed->title);
	}
	if (ed->set_date && ed->date != d.date) {
		changed(before, after, "date", jdate(d.date), jdate(ed->date));
		d.date = ed->date;
	}
	if (ed->set_plan_due && ed->plan_due != d.plan_due) {
		changed(before, after, "plan_due", jdate(d.plan_due), jdate(ed->plan_due));
		d.plan_due = ed->plan_due;
	}
	if (ed->set_issuer && ed->issuer != d.issuer) {
		struct unit u = {0};
		if ((rc = store_unit_get(t, ed->issuer, &u, e))) {
			unit_free(&u);
			goto out;
		}
		changed(before, after, "issuer", json_integer(d.issuer), json_integer(ed->issuer));
		changed(before, after, "issuer_text", jstr(d.issuer_text), jstr(u.name));
		d.issuer = ed->issuer;
		free(d.issuer_text);
		d.issuer_text = u.name ? xstrdup(u.name) : NULL;
		unit_free(&u);
	}
	for (int i = 0; ed->set_implements && i < ed->nimplements; i++) {
		/* "#12": the document with id 12, which must exist and not be this one */
		const char *ref = ed->implements[i];
		char *end;
		unsigned long long v = ref[0] == '#' ? strtoull(ref + 1, &end, 10) : 0;
		if (ref[0] != '#')
			continue;
		struct doc other = {0};
		if (!v || *end || v == d.id || doc_exists(t, v, &other, e)) {
			doc_free(&other);
			rc = err_set(e, v && !*end && v != d.id ? ERR_NOTFOUND : ERR_INPUT,
			             "--implements %s: %s", ref,
			             !v || *end ? "mã văn bản không hợp lệ"
			             : v == d.id ? "văn bản không thực hiện chính nó"
			                         : "không tìm thấy văn bản đó (xem: theodoi docs)");
			goto out;
		}
		doc_free(&other);
	}
	if (ed->set_implements) {
		json_t *old = jimpl(d.nimplements, (const char (*)[DOCNUM_LEN])d.implements),
		       *new = jimpl(ed->nimplements, ed->implements);
		if (json_equal(old, new)) {
			json_decref(old);
			json_decref(new);
		} else {
			changed(before, after, "implements", old, new);
			free(d.implements);
			d.implements = ed->nimplements
			                   ? xmalloc((size_t)ed->nimplements * sizeof *d.implements)
			                   : NULL;
			if (ed->nimplements)
				memcpy(d.implements, ed->implements,
				       (size_t)ed->nimplements * sizeof *d.implements);
			d.nimplements = ed->nimplements;
		}
	}
	if (json_object_size(after) == 0) {
		rc = err_set(e, ERR_INPUT, "không có gì thay đổi ở văn bản #%llu",
		             (unsigned long long)d.id);
		goto out;
	}
	if ((rc = store_doc_put(t, &d, e)))
		goto out;
	if (ed->set_date && r->old_date != DATE_NONE && ed->date != r->old_date) {
		struct idvec l = {0};
		struct shift s = {t, r, ed->date, e, 0};
		rc = store_tasks_by_doc(t, d.id, idvec_push_fn, &l, e);
		for (size_t i = 0; !rc && i < l.n; i++)
			if (shift_task(l.v[i], &s))
				rc = s.rc;
		idvec_free(&l);
		if (rc)
			goto out;
	}
	snprintf(obj, sizeof obj, "doc:%llu", (unsigned long long)d.id);
	rc = ops_audit(t, r->c, "edit-doc", obj, before, after, e);
	before = after = NULL;
out:
	json_decref(before);
	json_decref(after);
	doc_free(&d);
	return rc;
}

int ops_edit_doc(struct ops_ctx *c, uint64_t id, const struct ops_doc_edit *ed, struct err *e)
{
	int rc = ops_require(c, PA_EDIT, e);
	if (rc)
		return rc;
	if (ed->title && !*ed->title)
		return err_set(e, ERR_INPUT, "trích yếu văn bản không được để trống");
	struct doc_edit_req r = {c, id, ed, DATE_NONE};
	return store_write(c->st, edit_doc_fn, &r, e);
}

/* ---- deleting and restoring --------------------------------------------- */

struct delete_req {
	const struct ops_ctx *c;
	enum trash_kind kind;
	uint64_t id;
	const char *reason;
	int force;
	size_t ntasks, worked;
};

int ops_task_has_work(const struct task *k)
{
	return k->nupdates > 0 || k->status == ST_DONE || k->confirm != CF_NONE;
}

char *ops_trash_note(const struct ops_ctx *c, const char *reason)
{
	char when[32];
	time_t now = time(NULL);
	struct tm tm;
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", localtime_r(&now, &tm));
	json_t *note = json_pack("{s:s, s:s, s:s, s:s}", "login", c->who.login, "role",
	                         role_key(c->who.role), "time", when, "reason", reason);
	char *text = json_dumps(note, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(note);
	return text;
}

static int count_work(struct txn *t, uint64_t id, struct delete_req *r, struct err *e)
{
	struct task k = {0};
	int rc = ops_load_task(t, id, &k, e);
	if (!rc) {
		r->ntasks++;
		r->worked += ops_task_has_work(&k) != 0;
	}
	task_free(&k);
	return rc;
}

static int delete_fn(struct txn *t, void *ctx, struct err *e)
{
	struct delete_req *r = ctx;
	char obj[40];
	int rc;
	uint64_t doc = 0;
	char section[SECTION_LEN] = "";
	r->ntasks = r->worked = 0;
	if (r->kind == TRASH_TASK) {
		struct task k = {0};
		if ((rc = ops_load_task(t, r->id, &k, e)) ||
		    (rc = ops_check_txn(t, r->c, PA_DELETE, &k, e))) {
			task_free(&k);
			return rc;
		}
		doc = k.doc_id;
		str_copy(section, k.section, sizeof section);
		task_free(&k);
		if ((rc = count_work(t, r->id, r, e)))
			return rc;
		ops_task_object(r->id, obj, sizeof obj);
	} else {
		struct doc d = {0};
		rc = doc_exists(t, r->id, &d, e);
		doc_free(&d);
		if (rc)
			return rc;
		struct idvec l = {0};
		rc = store_tasks_by_doc(t, r->id, idvec_push_fn, &l, e);
		for (size_t i = 0; !rc && i < l.n; i++)
			rc = count_work(t, l.v[i], r, e);
		idvec_free(&l);
		if (rc)
			return rc;
		snprintf(obj, sizeof obj, "doc:%llu", (unsigned long long)r->id);
	}
	if (r->worked && !r->force)
		return r->kind == TRASH_DOC
		       ? err_set(e, ERR_CONFLICT, "văn bản #%llu có %zu nhiệm vụ đã có kết quả được ghi "
		                 "nhận (cập nhật, hoàn thành hoặc xác nhận): xóa cả những kết quả đó cần "
		                 "--force (vẫn khôi phục được)", (unsigned long long)r->id, r->worked)
		       : err_set(e, ERR_CONFLICT, "nhiệm vụ #%llu đã có kết quả được ghi nhận (cập nhật, "
		                 "hoàn thành hoặc xác nhận): xóa cả những kết quả đó cần --force (vẫn "
		                 "khôi phục được)", (unsigned long long)r->id);
	char *text = ops_trash_note(r->c, r->reason);
	rc = trash_put(t, r->kind, r->id, text, e);
	free(text);
	/* the last obligation of a group gone: the group task is counted again */
	if (!rc && r->kind == TRASH_TASK)
		rc = ops_group_resettle(t, doc, section, e);
	if (rc)
		return rc;
	json_t *after = json_pack("{s:s, s:I, s:I}", "reason", r->reason, "tasks",
	                          (json_int_t)r->ntasks, "with_work", (json_int_t)r->worked);
	return ops_audit(t, r->c, r->kind == TRASH_DOC ? "delete-doc" : "delete-task", obj, NULL,
	                 after, e);
}

int ops_delete(struct ops_ctx *c, enum trash_kind kind, uint64_t id, const char *reason,
               int force, size_t *ntasks, struct err *e)
{
	int rc = ops_require(c, PA_DELETE, e);
	if (rc)
		return rc;
	if (!reason || !*reason)
		return err_set(e, ERR_USAGE, "cần lý do xóa (--reason \"LÝ DO\"): bản ghi đã xóa giữ "
		               "lại ai xóa, khi nào và vì sao");
	struct delete_req r = {c, kind, id, reason, force, 0, 0};
	if ((rc = store_write(c->st, delete_fn, &r, e)))
		return rc;
	if (ntasks)
		*ntasks = r.ntasks;
	return 0;
}

struct restore_req {
	const struct ops_ctx *c;
	enum trash_kind kind;
	uint64_t id;
};

static int restore_fn(struct txn *t, void *ctx, struct err *e)
{
	struct restore_req *r = ctx;
	char obj[40], *note = NULL;
	int rc = trash_note(t, r->kind, r->id, &note, e);
	if (rc)
		return rc;
	if (!(rc = trash_restore(t, r->kind, r->id, e)) && r->kind == TRASH_TASK) {
		struct task k = {0};
		if (!(rc = store_task_get(t, r->id, &k, e)))
			rc = ops_group_resettle(t, k.doc_id, k.section, e);
		task_free(&k);
	}
	if (!rc) {
		json_error_t je;
		json_t *before = json_loads(note, 0, &je);
		if (r->kind == TRASH_DOC)
			snprintf(obj, sizeof obj, "doc:%llu", (unsigned long long)r->id);
		else
			ops_task_object(r->id, obj, sizeof obj);
		rc = ops_audit(t, r->c, r->kind == TRASH_DOC ? "restore-doc" : "restore-task", obj,
		               before, NULL, e);
	}
	free(note);
	return rc;
}

int ops_restore(struct ops_ctx *c, enum trash_kind kind, uint64_t id, struct err *e)
{
	int rc = ops_require(c, PA_DELETE, e);
	if (rc)
		return rc;
	struct restore_req r = {c, kind, id};
	return store_write(c->st, restore_fn, &r, e);
}
