/* ops.c — the writing actions: permission, records, derived fields and
 * audit, each in one write transaction. */
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "ops.h"
#include "store.h"
#include "text.h"
#include "util.h"

#define NOTE_MAX 4000
#define REASON_MAX 2000

int ops_identify(struct ops_ctx *c, struct err *e)
{
	struct passwd *pw = getpwuid(getuid());
	memset(&c->who, 0, sizeof c->who);
	if (pw && pw->pw_name)
		str_copy(c->who.login, pw->pw_name, sizeof c->who.login);
	else
		snprintf(c->who.login, sizeof c->who.login, "uid%u", (unsigned)getuid());
	const struct cfg_user *u = c->cfg ? cfg_user(c->cfg, c->who.login) : NULL;
	if (!u)
		return 0;
	c->who.role = u->role;
	if (!c->st)
		return 0;
	struct txn *t;
	int rc = store_read_begin(c->st, &t, e);
	if (rc)
		return rc;
	struct unit unit = {0};
	rc = store_unit_by_code(t, u->unit, &unit, NULL);
	store_read_end(t);
	if (rc == 0)
		c->who.unit = unit.id;
	unit_free(&unit);
	if (rc && rc != ERR_NOTFOUND)
		return err_set(e, rc, "không đọc được đơn vị của người dùng %s", c->who.login);
	return 0;
}

void ops_refresh_due(const struct ops_ctx *c, struct task *t)
{
	static const struct periods dec = {1u << 11};
	const struct periods *p = c && c->cfg ? &c->cfg->periods : &dec;
	t->due = tl_effective_due(&t->dl, t->extended_to, t->start, t->last_update, p);
}

/* 1 if unit `u` is `root` or below it, walking parent ids in the store. */
static int in_subtree(struct txn *t, uint32_t u, uint32_t root)
{
	for (int depth = 0; u && depth < 64; depth++) {
		if (u == root)
			return 1;
		struct unit un = {0};
		if (store_unit_get(t, u, &un, NULL))
			return 0;
		u = un.parent;
		unit_free(&un);
	}
	return 0;
}

static int may_update_txn(struct txn *t, const struct ops_ctx *c, const struct task *task,
                          struct err *e)
{
	switch (c->who.role) {
	case ROLE_ADMIN:
		return 1;
	case ROLE_EDITOR:
		if (!c->who.unit)
			break;
		if (task->lead && in_subtree(t, task->lead, c->who.unit))
			return 1;
		for (int i = 0; i < task->npartners; i++)
			if (task->partners[i] == c->who.unit)
				return 1;
		err_set(e, ERR_DENIED,
		        "không có quyền: vai trò cập nhật chỉ được cập nhật nhiệm vụ do đơn vị "
		        "mình (hoặc đơn vị cấp dưới) chủ trì hoặc phối hợp");
		return 0;
	case ROLE_VIEWER:
		err_set(e, ERR_DENIED, "không có quyền: vai trò chỉ xem không được cập nhật nhiệm vụ");
		return 0;
	case ROLE_NONE:
		break;
	}
	err_set(e, ERR_DENIED, "không có quyền: tài khoản %s chưa được đăng ký trong cấu hình",
	        c->who.login);
	return 0;
}

int ops_may_update(const struct ops_ctx *c, const struct task *task, struct err *e)
{
	if (c->who.role == ROLE_ADMIN)
		return 1;
	struct txn *t;
	if (store_read_begin(c->st, &t, e))
		return 0;
	int ok = may_update_txn(t, c, task, e);
	store_read_end(t);
	return ok;
}

/* Append an audit entry; before/after are JSON objects (stolen), or NULL. */
static int audit(struct txn *t, const struct ops_ctx *c, const char *action,
                 const char *object, json_t *before, json_t *after, struct err *e)
{
	struct audit a = {0};
	a.time = (int64_t)time(NULL);
	str_copy(a.login, c->who.login, sizeof a.login);
	str_copy(a.role, role_key(c->who.role), sizeof a.role);
	str_copy(a.action, action, sizeof a.action);
	str_copy(a.object, object, sizeof a.object);
	a.before = before ? json_dumps(before, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	a.after = after ? json_dumps(after, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(before);
	json_decref(after);
	int rc = store_audit_add(t, &a, e);
	audit_free(&a);
	return rc;
}

static json_t *task_state_json(const struct task *t)
{
	char due[11];
	return json_pack("{s:s, s:i, s:s?}", "status", st_key(t->status), "progress",
	                 (int)t->progress, "due", t->due == DATE_NONE ? NULL : date_iso(t->due, due));
}

static int load_task(struct txn *t, uint64_t id, struct task *task, struct err *e)
{
	int rc = store_task_get(t, id, task, e);
	if (rc == ERR_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "không tìm thấy nhiệm vụ #%llu", (unsigned long long)id);
	return rc;
}

struct update_req {
	const struct ops_ctx *c;
	uint64_t task;
	int status, progress;
	const char *note;
	uint64_t update_id;
};

static int update_fn(struct txn *t, void *ctx, struct err *e)
{
	struct update_req *r = ctx;
	const struct ops_ctx *c = r->c;
	struct task task = {0};
	struct update u = {0};
	int rc = load_task(t, r->task, &task, e);
	if (rc)
		goto out;
	if (!may_update_txn(t, c, &task, e)) {
		rc = ERR_DENIED;
		goto out;
	}
	json_t *before = task_state_json(&task);
	int status = r->status, progress = r->progress;
	if (status < 0 && progress == 100 && task.status != ST_DONE)
		status = ST_DONE;
	if (status == ST_DONE && progress < 0)
		progress = 100;

	u.task_id = task.id;
	u.time = (int64_t)time(NULL);
	u.day = c->today;
	str_copy(u.login, c->who.login, sizeof u.login);
	u.note = r->note ? xstrdup(r->note) : NULL;
	u.progress = (int8_t)progress;
	u.status_before = u.status_after = -1;
	if (status >= 0 && status != task.status) {
		u.status_before = (int8_t)task.status;
		u.status_after = (int8_t)status;
		if (status == ST_DONE)
			task.done_date = c->today;
		else if (task.status == ST_DONE)
			task.done_date = DATE_NONE;
		task.status = (uint8_t)status;
	}
	if (progress >= 0)
		task.progress = (uint8_t)progress;
	if (task.status == ST_NOT_STARTED && (progress > 0 || r->note) && status < 0) {
		u.status_before = ST_NOT_STARTED;
		u.status_after = ST_IN_PROGRESS;
		task.status = ST_IN_PROGRESS;
	}
	if (task.last_update == DATE_NONE || c->today > task.last_update)
		task.last_update = c->today;
	task.nupdates++;
	ops_refresh_due(c, &task);
	if ((rc = store_update_add(t, &u, e)) || (rc = store_task_put(t, &task, e))) {
		json_decref(before);
		goto out;
	}
	r->update_id = u.id;
	char obj[40];
	snprintf(obj, sizeof obj, "task:%llu", (unsigned long long)task.id);
	json_t *after = task_state_json(&task);
	if (u.note)
		json_object_set_new(after, "note", json_string(u.note));
	rc = audit(t, c, "update", obj, before, after, e);
out:
	task_free(&task);
	update_free(&u);
	return rc;
}

int ops_update(struct ops_ctx *c, uint64_t task, int status, int progress, const char *note,
               uint64_t *update_id, struct err *e)
{
	if (status < -1 || status >= ST_COUNT)
		return err_set(e, ERR_INPUT, "trạng thái không hợp lệ");
	if (progress < -1 || progress > 100) {
		if (e)
			str_copy(e->field, "progress", sizeof e->field);
		return err_set(e, ERR_INPUT, "tiến độ phải từ 0 đến 100 (%%), không phải %d", progress);
	}
	char *clean = NULL;
	if (note) {
		int rc = txt_clean_input(note, NOTE_MAX, 1, &clean, e);
		if (rc) {
			if (e)
				str_copy(e->field, "note", sizeof e->field);
			return rc;
		}
		if (!*clean) {
			free(clean);
			clean = NULL;
		}
	}
	if (status < 0 && progress < 0 && !clean)
		return err_set(e, ERR_INPUT,
		               "cần ít nhất một trong: trạng thái, tiến độ, ghi chú");
	struct update_req r = {c, task, status, progress, clean, 0};
	int rc = store_write(c->st, update_fn, &r, e);
	free(clean);
	if (!rc && update_id)
		*update_id = r.update_id;
	return rc;
}

struct extend_req {
	const struct ops_ctx *c;
	uint64_t task;
	date_t to;
	const char *reason;
};

static int extend_fn(struct txn *t, void *ctx, struct err *e)
{
	struct extend_req *r = ctx;
	const struct ops_ctx *c = r->c;
	struct task task = {0};
	struct extension x = {0};
	char d1[11], d2[11];
	int rc = load_task(t, r->task, &task, e);
	if (rc)
		goto out;
	if (c->who.role == ROLE_EDITOR && !c->cfg->editors_extend) {
		rc = err_set(e, ERR_DENIED,
		             "không có quyền: cấu hình không cho vai trò cập nhật gia hạn nhiệm vụ");
		goto out;
	}
	if (!may_update_txn(t, c, &task, e)) {
		rc = ERR_DENIED;
		goto out;
	}
	if (task.status == ST_DONE) {
		rc = err_set(e, ERR_INPUT, "nhiệm vụ #%llu đã hoàn thành, không cần gia hạn",
		             (unsigned long long)task.id);
		goto out;
	}
	if (task.due != DATE_NONE && r->to <= task.due) {
		rc = err_set(e, ERR_INPUT, "hạn mới %s phải sau hạn hiện tại %s",
		             date_vn(r->to, d1), date_vn(task.due, d2));
		goto out;
	}
	json_t *before = task_state_json(&task);
	x.task_id = task.id;
	x.time = (int64_t)time(NULL);
	str_copy(x.login, c->who.login, sizeof x.login);
	x.from = task.due;
	x.to = r->to;
	x.reason = xstrdup(r->reason);
	task.extended_to = r->to;
	ops_refresh_due(c, &task);
	if ((rc = store_extension_add(t, &x, e)) || (rc = store_task_put(t, &task, e))) {
		json_decref(before);
		goto out;
	}
	char obj[40];
	snprintf(obj, sizeof obj, "task:%llu", (unsigned long long)task.id);
	json_t *after = task_state_json(&task);
	json_object_set_new(after, "reason", json_string(x.reason));
	rc = audit(t, c, "extend", obj, before, after, e);
out:
	task_free(&task);
	extension_free(&x);
	return rc;
}

int ops_extend(struct ops_ctx *c, uint64_t task, date_t to, const char *reason,
               struct err *e)
{
	char d[11];
	if (to == DATE_NONE)
		return err_set(e, ERR_INPUT, "thiếu hạn mới");
	if (to <= c->today)
		return err_set(e, ERR_INPUT, "hạn mới %s phải sau ngày hôm nay", date_vn(to, d));
	char *clean = NULL;
	int rc = txt_clean_input(reason ? reason : "", REASON_MAX, 1, &clean, e);
	if (rc)
		return rc;
	if (!*clean) {
		free(clean);
		if (e)
			str_copy(e->field, "reason", sizeof e->field);
		return err_set(e, ERR_INPUT, "gia hạn cần nêu lý do");
	}
	struct extend_req r = {c, task, to, clean};
	rc = store_write(c->st, extend_fn, &r, e);
	free(clean);
	return rc;
}

static int require_admin(const struct ops_ctx *c, const char *what, struct err *e)
{
	if (c->who.role == ROLE_ADMIN)
		return 0;
	return err_set(e, ERR_DENIED, "không có quyền: chỉ vai trò quản trị được %s", what);
}

struct doc_req {
	const struct ops_ctx *c;
	struct doc *d;
};

static int add_doc_fn(struct txn *t, void *ctx, struct err *e)
{
	struct doc_req *r = ctx;
	r->d->id = 0;
	int rc = store_doc_put(t, r->d, e);
	if (rc)
		return rc;
	char obj[40], date[11];
	snprintf(obj, sizeof obj, "doc:%llu", (unsigned long long)r->d->id);
	json_t *after = json_pack("{s:s, s:s, s:s?}", "number", r->d->number, "kind", r->d->kind,
	                          "date", r->d->date == DATE_NONE ? NULL : date_iso(r->d->date, date));
	return audit(t, r->c, "add-doc", obj, NULL, after, e);
}

int ops_add_doc(struct ops_ctx *c, struct doc *d, struct err *e)
{
	int rc = require_admin(c, "thêm văn bản", e);
	if (rc)
		return rc;
	if (!d->title || !*d->title)
		return err_set(e, ERR_INPUT, "văn bản cần có trích yếu (tiêu đề)");
	if (!d->created)
		d->created = (int64_t)time(NULL);
	struct doc_req r = {c, d};
	return store_write(c->st, add_doc_fn, &r, e);
}

struct task_req {
	const struct ops_ctx *c;
	struct task *task;
};

static int add_task_fn(struct txn *t, void *ctx, struct err *e)
{
	struct task_req *r = ctx;
	struct task *task = r->task;
	if (task->doc_id) {
		struct doc d = {0};
		int rc = store_doc_get(t, task->doc_id, &d, e);
		if (rc == ERR_NOTFOUND)
			return err_set(e, ERR_NOTFOUND, "không tìm thấy văn bản #%llu",
			               (unsigned long long)task->doc_id);
		if (rc)
			return rc;
		if (task->start == DATE_NONE)
			task->start = d.date;
		doc_free(&d);
	}
	if (task->start == DATE_NONE)
		task->start = r->c->today;
	if (task->lead) {
		struct unit u = {0};
		int rc = store_unit_get(t, task->lead, &u, e);
		unit_free(&u);
		if (rc)
			return err_set(e, rc, "không tìm thấy đơn vị chủ trì");
	}
	ops_refresh_due(r->c, task);
	task->id = 0;
	int rc = store_task_put(t, task, e);
	if (rc)
		return rc;
	char obj[40];
	snprintf(obj, sizeof obj, "task:%llu", (unsigned long long)task->id);
	json_t *after = task_state_json(task);
	json_object_set_new(after, "text", json_string(task->text));
	return audit(t, r->c, "add-task", obj, NULL, after, e);
}

int ops_add_task(struct ops_ctx *c, struct task *task, struct err *e)
{
	int rc = require_admin(c, "thêm nhiệm vụ", e);
	if (rc)
		return rc;
	if (!task->text || !*task->text)
		return err_set(e, ERR_INPUT, "nhiệm vụ cần có nội dung");
	if (!task->created)
		task->created = (int64_t)time(NULL);
	struct task_req r = {c, task};
	return store_write(c->st, add_task_fn, &r, e);
}
