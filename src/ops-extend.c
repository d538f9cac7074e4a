/* ops-extend.c — extensions of a deadline (gia hạn): granted at once by
 * those who may grant, or asked for by the unit and then granted or
 * refused by the monitoring office; the queue of requests; and lateness
 * against the deadline before any extension. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ops-internal.h"
#include "period.h"
#include "store.h"
#include "text.h"
#include "util.h"

static const struct {
	const char *key, *label;
} ext_states[] = {
	[EXT_GRANTED] = {"granted", "đã gia hạn"},
	[EXT_REQUESTED] = {"requested", "đề nghị gia hạn"},
	[EXT_REFUSED] = {"refused", "không chấp nhận gia hạn"},
};

const char *ops_ext_state_label(enum ext_state s)
{
	return (int)s >= 0 && s <= EXT_REFUSED ? ext_states[s].label : "";
}

const char *ops_ext_state_key(enum ext_state s)
{
	return (int)s >= 0 && s <= EXT_REFUSED ? ext_states[s].key : "";
}

/* What one call asks for. */
enum ext_op { EO_GRANT_NOW, EO_REQUEST, EO_GRANT, EO_REFUSE };

struct ext_req {
	const struct ops_ctx *c;
	enum ext_op op;
	uint64_t task;      /* EO_GRANT_NOW, EO_REQUEST */
	uint64_t ext;       /* EO_GRANT, EO_REFUSE */
	date_t to;          /* new due; DATE_NONE for EO_GRANT: as asked */
	const char *text;   /* reason, or the note of a grant (may be NULL); cleaned */
	uint64_t out_id;    /* the extension written */
};

/* Finding a task's pending request. */
struct find_pending {
	uint64_t id;
};

static int pending_of(const struct extension *x, void *ctx)
{
	struct find_pending *f = ctx;
	if (x->state == EXT_REQUESTED) {
		f->id = x->id;
		return 1;
	}
	return 0;
}

static int task_pending(struct txn *t, uint64_t task, uint64_t *id, struct err *e)
{
	struct find_pending f = {0};
	int rc = store_extensions_of_task(t, task, pending_of, &f, e);
	*id = f.id;
	return rc == 1 ? 0 : rc;
}

/* The new due must be later than the one in force and than today; a done
 * task needs none. */
static int check_to(const struct ops_ctx *c, const struct task *task, date_t to, struct err *e)
{
	char d1[11], d2[11];
	if (task->status == ST_DONE)
		return err_set(e, ERR_INPUT, "nhiệm vụ #%llu đã hoàn thành, không cần gia hạn",
		               (unsigned long long)task->id);
	if (task->due != DATE_NONE && to <= task->due) {
		if (e)
			str_copy(e->field, "to", sizeof e->field);
		return err_set(e, ERR_INPUT, "hạn mới %s phải sau hạn hiện tại %s",
		               date_vn(to, d1), date_vn(task->due, d2));
	}
	if (to <= ops_write_day(c)) {
		if (e)
			str_copy(e->field, "to", sizeof e->field);
		return err_set(e, ERR_INPUT, "hạn mới %s phải sau ngày hôm nay %s", date_vn(to, d1),
		               date_vn(ops_write_day(c), d2));
	}
	return 0;
}

/* Asked for or granted after the deadline in force had passed. */
static int is_late(const struct ops_ctx *c, const struct task *task)
{
	return task->due != DATE_NONE && ops_write_day(c) > task->due;
}

static json_t *ext_after(const struct task *task, const struct extension *x)
{
	json_t *o = ops_task_state(task);
	char d[11];
	json_object_set_new(o, "extension", json_integer((json_int_t)x->id));
	json_object_set_new(o, "extension_state", json_string(ops_ext_state_key(x->state)));
	json_object_set_new(o, "to", json_string(date_iso(x->to, d)));
	if (x->reason)
		json_object_set_new(o, "reason", json_string(x->reason));
	if (x->decision)
		json_object_set_new(o, "decision", json_string(x->decision));
	if (x->late)
		json_object_set_new(o, "late", json_true());
	return o;
}

/* A request waiting on the task blocks a direct grant and a second
 * request: the office answers it first. */
static int no_pending(struct txn *t, const struct task *task, const char *what, struct err *e)
{
	uint64_t pend;
	int rc = task_pending(t, task->id, &pend, e);
	if (rc || !pend)
		return rc;
	return err_set(e, ERR_INPUT,
	               "nhiệm vụ #%llu đang có đề nghị gia hạn #%llu chờ quyết định: %s",
	               (unsigned long long)task->id, (unsigned long long)pend, what);
}

/* A new extension record: granted now (EO_GRANT_NOW) or asked for. */
static int add_fn(struct txn *t, struct ext_req *r, struct task *task, struct extension *x,
                  struct err *e)
{
	const struct ops_ctx *c = r->c;
	int grant = r->op == EO_GRANT_NOW;
	int rc = ops_load_task(t, r->task, task, e);
	if (!rc)
		rc = ops_refuse_group(task, e);
	if (rc || (rc = ops_check_txn(t, c, grant ? PA_EXTEND : PA_EXTEND_REQUEST, task, e)) ||
	    (rc = check_to(c, task, r->to, e)) ||
	    (rc = no_pending(t, task, grant ? "hãy chấp nhận (extend --grant) hoặc không chấp "
	                                      "nhận (extend --refuse) đề nghị đó"
	                                    : "không gửi được đề nghị thứ hai", e)))
		return rc;
	x->task_id = task->id;
	x->time = (int64_t)time(NULL);
	x->day = ops_write_day(c);
	str_copy(x->login, c->who.login, sizeof x->login);
	x->from = task->due;
	x->to = r->to;
	x->reason = xstrdup(r->text);
	x->late = (uint8_t)is_late(c, task);
	x->state = grant ? EXT_GRANTED : EXT_REQUESTED;
	return 0;
}

/* A decision on a request: granted (maybe to another day) or refused. */
static int decide_fn(struct txn *t, struct ext_req *r, struct task *task, struct extension *x,
                     struct err *e)
{
	const struct ops_ctx *c = r->c;
	int rc = store_extension_get(t, r->ext, x, e);
	if (rc == ERR_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "không tìm thấy đề nghị gia hạn #%llu",
		               (unsigned long long)r->ext);
	if (rc || (rc = ops_load_task(t, x->task_id, task, e)) ||
	    (rc = ops_check_txn(t, c, PA_EXTEND, task, e)))
		return rc;
	if (x->state != EXT_REQUESTED)
		return err_set(e, ERR_INPUT, "gia hạn #%llu không phải đề nghị đang chờ quyết định (%s)",
		               (unsigned long long)x->id, ops_ext_state_label(x->state));
	if (r->op == EO_GRANT) {
		date_t to = r->to != DATE_NONE ? r->to : x->to;
		if ((rc = check_to(c, task, to, e)))
			return rc;
		x->from = task->due;
		x->to = to;
		x->late = (uint8_t)(x->late || is_late(c, task));
		x->state = EXT_GRANTED;
	} else {
		x->state = EXT_REFUSED;
	}
	str_copy(x->decided_by, c->who.login, sizeof x->decided_by);
	x->decided = ops_write_day(c);
	free(x->decision);
	x->decision = r->text ? xstrdup(r->text) : NULL;
	return 0;
}

static const char *const audit_actions[] = {
	[EO_GRANT_NOW] = "extend", [EO_REQUEST] = "extend-request",
	[EO_GRANT] = "extend-grant", [EO_REFUSE] = "extend-refuse",
};

static int ext_fn(struct txn *t, void *ctx, struct err *e)
{
	struct ext_req *r = ctx;
	struct task task = {0};
	struct extension x;
	json_t *before = NULL;
	char obj[40];
	extension_init(&x);
	int fresh = r->op == EO_GRANT_NOW || r->op == EO_REQUEST;
	int rc = fresh ? add_fn(t, r, &task, &x, e) : decide_fn(t, r, &task, &x, e);
	if (rc)
		goto out;
	before = ops_task_state(&task);
	if (x.state == EXT_GRANTED) {
		task.extended_to = x.to;
		if ((rc = ops_refresh_due(t, r->c, &task, e)))
			goto out;
	}
	rc = fresh ? store_extension_add(t, &x, e) : store_extension_put(t, &x, e);
	if (!rc && x.state == EXT_GRANTED)
		rc = store_task_put(t, &task, e);
	if (rc)
		goto out;
	r->out_id = x.id;
	rc = ops_audit(t, r->c, audit_actions[r->op], ops_task_object(task.id, obj, sizeof obj),
	               before, ext_after(&task, &x), e);
	before = NULL;
out:
	json_decref(before);
	task_free(&task);
	extension_free(&x);
	return rc;
}

/* Clean the text; `required` names what is missing when it is empty. */
static int run(struct ops_ctx *c, struct ext_req *r, const char *text, const char *required,
               uint64_t *id, struct err *e)
{
	char *clean = NULL;
	int rc = txt_clean_input(text ? text : "", OPS_REASON_MAX, 1, &clean, e);
	if (rc) {
		if (e)
			str_copy(e->field, "reason", sizeof e->field);
		return rc;
	}
	if (!*clean) {
		free(clean);
		clean = NULL;
		if (required) {
			if (e)
				str_copy(e->field, "reason", sizeof e->field);
			return err_set(e, ERR_INPUT, "%s", required);
		}
	}
	r->c = c;
	r->text = clean;
	rc = store_write(c->st, ext_fn, r, e);
	free(clean);
	if (!rc && id)
		*id = r->out_id;
	return rc;
}

static int need_to(date_t to, struct err *e)
{
	if (to != DATE_NONE)
		return 0;
	if (e)
		str_copy(e->field, "to", sizeof e->field);
	return err_set(e, ERR_INPUT, "thiếu hạn mới");
}

int ops_extend(struct ops_ctx *c, uint64_t task, date_t to, const char *reason,
               struct err *e)
{
	struct ext_req r = {.op = EO_GRANT_NOW, .task = task, .to = to};
	int rc = need_to(to, e);
	return rc ? rc : run(c, &r, reason, "gia hạn cần nêu lý do", NULL, e);
}

int ops_extend_request(struct ops_ctx *c, uint64_t task, date_t to, const char *reason,
                       uint64_t *ext_id, struct err *e)
{
	struct ext_req r = {.op = EO_REQUEST, .task = task, .to = to};
	int rc = need_to(to, e);
	return rc ? rc : run(c, &r, reason, "đề nghị gia hạn cần nêu lý do", ext_id, e);
}

int ops_extend_grant(struct ops_ctx *c, uint64_t ext_id, date_t to, const char *note,
                     struct err *e)
{
	struct ext_req r = {.op = EO_GRANT, .ext = ext_id, .to = to};
	return run(c, &r, note, NULL, NULL, e);
}

int ops_extend_refuse(struct ops_ctx *c, uint64_t ext_id, const char *reason, struct err *e)
{
	struct ext_req r = {.op = EO_REFUSE, .ext = ext_id, .to = DATE_NONE};
	return run(c, &r, reason, "không chấp nhận gia hạn cần nêu lý do", NULL, e);
}

/* ---- the queue of requests ---- */

struct requests {
	const struct ops_ctx *c;
	struct txn *t;
	int mine;
	int (*cb)(const struct extension *x, const struct task *t, void *ctx);
	void *ctx;
	int rc; /* an error of ours, apart from cb's stop value */
	struct err *e;
};

static int request_one(const struct extension *x, void *ctx)
{
	struct requests *p = ctx;
	struct task task = {0};
	struct err le;
	if (x->state != EXT_REQUESTED)
		return 0;
	err_clear(&le);
	int rc = store_task_get(p->t, x->task_id, &task, &le);
	if (rc == ERR_NOTFOUND)
		return 0; /* a dangling record: check-store reports it */
	if (!rc && p->mine) {
		rc = ops_check_txn(p->t, p->c, PA_EXTEND, &task, &le);
		if (rc == ERR_DENIED) {
			task_free(&task);
			return 0;
		}
	}
	if (rc) {
		task_free(&task);
		if (p->e)
			*p->e = le;
		return p->rc = rc;
	}
	rc = p->cb(x, &task, p->ctx);
	task_free(&task);
	return rc;
}

int ops_extend_pending_each(const struct ops_ctx *c, int mine,
                            int (*cb)(const struct extension *x, const struct task *t, void *ctx),
                            void *ctx, struct err *e)
{
	struct txn *t;
	int rc = store_read_begin(c->st, &t, e);
	if (rc)
		return rc;
	struct requests p = {c, t, mine, cb, ctx, 0, e};
	rc = store_extensions_each(t, request_one, &p, e);
	store_read_end(t);
	return p.rc ? p.rc : rc;
}

/* ---- lateness against the original deadline ---- */

int ops_late_original(const struct task *t, const struct periods *p, date_t today,
                      date_t *original)
{
	*original = DATE_NONE;
	if (t->extended_to == DATE_NONE)
		return 0;
	date_t o = per_unextended_due(t, p);
	*original = o;
	if (o == DATE_NONE)
		return 0;
	if (t->status == ST_DONE)
		return t->done_date != DATE_NONE && t->done_date > o ? (int)(t->done_date - o) : 0;
	return st_is_open((enum task_status)t->status) && today > o ? (int)(today - o) : 0;
}

char *ops_late_original_text(int days, int done, char *buf, size_t len)
{
	if (len)
		buf[0] = '\0';
	if (days > 0)
		snprintf(buf, len, "%squá hạn %d ngày so với thời hạn ban đầu", done ? "hoàn thành " : "",
		         days);
	return buf;
}
