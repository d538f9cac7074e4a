/* ops-confirm.c — confirmation of reported completions: confirm or return
 * a claim (chờ xác nhận / trả lại), and the queue of claims. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ops-internal.h"
#include "store.h"
#include "text.h"
#include "util.h"

static const struct {
	const char *key, *label;
} states[] = {
	[CF_NONE] = {"none", ""},
	[CF_PENDING] = {"pending", "chờ xác nhận"},
	[CF_CONFIRMED] = {"confirmed", "đã xác nhận"},
	[CF_RETURNED] = {"returned", "trả lại, thực hiện lại"},
};

const char *ops_confirm_label(enum confirm_state s)
{
	return (int)s >= 0 && s <= CF_RETURNED ? states[s].label : "";
}

const char *ops_confirm_key(enum confirm_state s)
{
	return (int)s >= 0 && s <= CF_RETURNED ? states[s].key : "none";
}

struct confirm_req {
	const struct ops_ctx *c;
	uint64_t task;
	int ret;           /* 1: return, 0: confirm */
	const char *text;  /* reason (return) or note (confirm), cleaned; may be NULL */
	uint64_t update_id;
};

/* The history entry of a confirmation or return.  It does not move the
 * task's last_update: it is the office's act, not the unit's report. */
static int history(struct txn *t, const struct confirm_req *r, const struct task *before,
                   const struct task *after, uint64_t *id, struct err *e)
{
	struct update u;
	struct sbuf note = {0};
	update_init(&u);
	sbuf_puts(&note, r->ret ? "Trả lại, yêu cầu thực hiện lại: " : "Đã xác nhận hoàn thành");
	if (r->text)
		sbuf_printf(&note, "%s%s", r->ret ? "" : ": ", r->text);
	u.task_id = before->id;
	u.time = (int64_t)time(NULL);
	u.day = ops_write_day(r->c);
	str_copy(u.login, r->c->who.login, sizeof u.login);
	u.note = sbuf_detach(&note);
	if (after->confirm != before->confirm)
		u.confirm_after = (int8_t)after->confirm;
	if (before->status != after->status) {
		u.status_before = (int8_t)before->status;
		u.status_after = (int8_t)after->status;
	}
	int rc = store_update_add(t, &u, e);
	*id = u.id;
	update_free(&u);
	return rc;
}

static int confirm_fn(struct txn *t, void *ctx, struct err *e)
{
	struct confirm_req *r = ctx;
	const struct ops_ctx *c = r->c;
	struct task task = {0}, old = {0};
	char obj[40];
	int rc = ops_load_task(t, r->task, &task, e);
	if (rc || (rc = ops_check_txn(t, c, PA_CONFIRM, &task, e)))
		goto out;
	if (task.status != ST_DONE || task.confirm != CF_PENDING) {
		rc = err_set(e, ERR_INPUT, "nhiệm vụ #%llu không chờ xác nhận (trạng thái: %s%s%s)",
		             (unsigned long long)task.id, st_label(task.status),
		             task.confirm != CF_NONE ? ", " : "", ops_confirm_label(task.confirm));
		goto out;
	}
	task_copy(&old, &task);
	if (r->ret) {
		task.status = ST_IN_PROGRESS;
		task.done_date = DATE_NONE;
		task.confirm = CF_RETURNED;
	} else {
		task.confirm = CF_CONFIRMED;
	}
	task.nupdates++;
	if ((rc = ops_refresh_due(t, c, &task, e)) ||
	    (rc = history(t, r, &old, &task, &r->update_id, e)) ||
	    (rc = store_task_put(t, &task, e)))
		goto out;
	json_t *after = ops_task_state(&task);
	if (r->text)
		json_object_set_new(after, r->ret ? "reason" : "note", json_string(r->text));
	rc = ops_audit(t, c, r->ret ? "return" : "confirm",
	               ops_task_object(task.id, obj, sizeof obj), ops_task_state(&old), after, e);
out:
	task_free(&task);
	task_free(&old);
	return rc;
}

static int run(struct ops_ctx *c, uint64_t task, int ret, const char *text, uint64_t *update_id,
               struct err *e)
{
	char *clean = NULL;
	int rc;
	if (text) {
		rc = txt_clean_input(text, ret ? OPS_REASON_MAX : OPS_NOTE_MAX, 1, &clean, e);
		if (rc) {
			if (e)
				str_copy(e->field, ret ? "reason" : "note", sizeof e->field);
			return rc;
		}
		if (!*clean) {
			free(clean);
			clean = NULL;
		}
	}
	if (ret && !clean) {
		if (e)
			str_copy(e->field, "reason", sizeof e->field);
		return err_set(e, ERR_INPUT, "trả lại cần nêu lý do");
	}
	struct confirm_req r = {c, task, ret, clean, 0};
	rc = store_write(c->st, confirm_fn, &r, e);
	free(clean);
	if (!rc && update_id)
		*update_id = r.update_id;
	return rc;
}

int ops_confirm(struct ops_ctx *c, uint64_t task, const char *note, uint64_t *update_id,
                struct err *e)
{
	return run(c, task, 0, note, update_id, e);
}

int ops_return(struct ops_ctx *c, uint64_t task, const char *reason, uint64_t *update_id,
               struct err *e)
{
	return run(c, task, 1, reason, update_id, e);
}

struct pending {
	const struct ops_ctx *c;
	struct txn *t;
	int mine;
	int (*cb)(const struct task *t, void *ctx);
	void *ctx;
	int rc; /* an error of ours, apart from cb's stop value */
	struct err *e;
};

static int pending_one(const struct task *task, void *ctx)
{
	struct pending *p = ctx;
	if (task->status != ST_DONE || task->confirm != CF_PENDING)
		return 0;
	if (p->mine) {
		struct err le;
		err_clear(&le);
		int rc = ops_check_txn(p->t, p->c, PA_CONFIRM, task, &le);
		if (rc == ERR_DENIED)
			return 0;
		if (rc) {
			if (p->e)
				*p->e = le;
			return p->rc = rc;
		}
	}
	return p->cb(task, p->ctx);
}

int ops_pending_each(const struct ops_ctx *c, int mine,
                     int (*cb)(const struct task *t, void *ctx), void *ctx, struct err *e)
{
	struct txn *t;
	int rc = store_read_begin(c->st, &t, e);
	if (rc)
		return rc;
	struct pending p = {c, t, mine, cb, ctx, 0, e};
	rc = store_tasks_each(t, pending_one, &p, e);
	store_read_end(t);
	return p.rc ? p.rc : rc;
}
