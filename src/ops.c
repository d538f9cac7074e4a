/* ops.c — the writing actions: identity, permission, records, derived
 * fields and audit, each in one write transaction.  Confirmation of
 * completions: ops-confirm.c; extensions: ops-extend.c. */
#include <errno.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "ops-internal.h"
#include "ops-group.h"
#include "history.h"
#include "login.h"
#include "period.h"
#include "store.h"
#include "text.h"
#include "util.h"

int ops_identify(struct ops_ctx *c, struct err *e)
{
	int rc;
	memset(&c->who, 0, sizeof c->who);
	/* Installed setgid (the store writable by its group only), the roles
	 * of a configuration the user could have written are not to be had:
	 * only one read under cfg_load_trusted's checks counts (main loads it
	 * so, before the raised group is dropped). */
	if (c->cfg && !c->cfg->trusted && (getegid() != getgid() || geteuid() != getuid()))
		return err_set(e, ERR_DENIED, "theodoi chạy với quyền của nhóm kho (setgid) nên chỉ "
		               "tin tệp cấu hình của hệ thống, đọc qua kiểm tra chủ sở hữu và quyền "
		               "(%s)", c->cfg->path);
	if (login_of_uid(getuid(), c->who.login, sizeof c->who.login) != 0)
		snprintf(c->who.login, sizeof c->who.login, "uid%u", (unsigned)getuid());
	const struct cfg_user *u = c->cfg ? cfg_user(c->cfg, c->who.login) : NULL;
	if (!u) {
		struct perm_opts o = perm_opts_of(c->cfg);
		const struct perm_rule *r = perm_check(ROLE_NONE, PA_READ, PR_ELSEWHERE, 0, &o);
		if (r)
			return err_set(e, ERR_DENIED, "không có quyền xem (quy tắc %s): tài khoản '%s' %s",
			               r->key, c->who.login,
			               "chưa được đăng ký trong [users] của theodoi.ini và cấu hình "
			               "không cho tài khoản chưa đăng ký xem ([access] unmapped = none); "
			               "hãy nhờ quản trị thêm tài khoản");
		return 0;
	}
	c->who.role = u->role;
	if (!c->st)
		return 0;
	struct txn *t;
	if ((rc = store_read_begin(c->st, &t, e)))
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

date_t ops_write_day(const struct ops_ctx *c)
{
	if (c->who.role == ROLE_ADMIN && c->today != DATE_NONE)
		return c->today;
	return c->clock != 0 && c->clock != DATE_NONE ? c->clock : date_clock();
}

/* The configured reporting months, or NULL (December). */
static const struct periods *periods_of(const struct ops_ctx *c)
{
	return c && c->cfg ? &c->cfg->periods : NULL;
}

int ops_refresh_due(struct txn *t, const struct ops_ctx *c, struct task *task, struct err *e)
{
	return per_task_due(t, task, periods_of(c), &task->due, e);
}

const char *ops_task_object(uint64_t id, char *buf, size_t len)
{
	snprintf(buf, len, "task:%llu", (unsigned long long)id);
	return buf;
}

int ops_check_txn(struct txn *t, const struct ops_ctx *c, enum perm_action a,
                  const struct task *task, struct err *e)
{
	struct perm_opts o = perm_opts_of(c->cfg);
	enum perm_rel rel = PR_ELSEWHERE;
	int monitor = 0, rc;
	char obj[40] = "";

	if (!perm_check(c->who.role, a, PR_OWN, 1, &o) &&
	    !perm_check(c->who.role, a, PR_ELSEWHERE, 0, &o))
		return 0; /* allowed whatever the relation: no need to read units */
	if (task) {
		snprintf(obj, sizeof obj, "nhiệm vụ #%llu", (unsigned long long)task->id);
		if ((rc = perm_task_rel(t, c->who.unit, task, &rel, e)))
			return rc;
		if ((a == PA_CONFIRM || a == PA_EXTEND) && c->who.unit) {
			uint32_t office;
			if ((rc = perm_monitor_office(t, c->cfg, task->lead, &office, e)))
				return rc;
			monitor = office && perm_in_subtree(t, c->who.unit, office);
		}
	}
	const struct perm_rule *r = perm_check(c->who.role, a, rel, monitor, &o);
	return r ? perm_deny(r, a, obj, e) : 0;
}

int ops_check_led(struct txn *t, const struct ops_ctx *c, enum perm_action a, uint32_t lead,
                  const char *object, struct err *e)
{
	struct perm_opts o = perm_opts_of(c->cfg);
	enum perm_rel rel;
	int rc = perm_rel_of(t, c->who.unit, lead, NULL, 0, &rel, e);
	if (rc)
		return rc;
	const struct perm_rule *r = perm_check(c->who.role, a, rel, 0, &o);
	return r ? perm_deny(r, a, object, e) : 0;
}

int ops_may(const struct ops_ctx *c, enum perm_action a, const struct task *task, struct err *e)
{
	struct txn *t;
	if (store_read_begin(c->st, &t, e))
		return 0;
	int rc = ops_check_txn(t, c, a, task, e);
	store_read_end(t);
	return rc == 0;
}

int ops_may_update(const struct ops_ctx *c, const struct task *task, struct err *e)
{
	return ops_may(c, PA_NOTE, task, e);
}

int ops_require(const struct ops_ctx *c, enum perm_action a, struct err *e)
{
	struct perm_opts o = perm_opts_of(c->cfg);
	const struct perm_rule *r = perm_check(c->who.role, a, PR_ELSEWHERE, 0, &o);
	return r ? perm_deny(r, a, NULL, e) : 0;
}

int ops_audit(struct txn *t, const struct ops_ctx *c, const char *action, const char *object,
              json_t *before, json_t *after, struct err *e)
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

json_t *ops_task_state(const struct task *t)
{
	char due[11];
	json_t *o = json_pack("{s:s, s:i, s:s?}", "status", st_key(t->status), "progress",
	                      (int)t->progress, "due",
	                      t->due == DATE_NONE ? NULL : date_iso(t->due, due));
	if (t->confirm != CF_NONE)
		json_object_set_new(o, "confirm", json_string(ops_confirm_key(t->confirm)));
	return o;
}

int ops_load_task(struct txn *t, uint64_t id, struct task *task, struct err *e)
{
	int rc = store_task_get(t, id, task, e);
	if (rc == ERR_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "không tìm thấy nhiệm vụ #%llu", (unsigned long long)id);
	return rc;
}

int ops_refuse_group(const struct task *task, struct err *e)
{
	if (!task->group_open)
		return 0;
	return err_set(e, ERR_INPUT, "nhiệm vụ #%llu là nhiệm vụ chung của nhiều đơn vị, đã tách "
	               "thành nghĩa vụ của từng đơn vị: cập nhật nghĩa vụ của đơn vị (theodoi update "
	               "NGHĨA_VỤ ...; danh sách: theodoi show %llu)",
	               (unsigned long long)task->id, (unsigned long long)task->id);
}

struct update_req {
	const struct ops_ctx *c;
	uint64_t task;
	int status, progress;
	const char *note;    /* cleaned */
	date_t done_on, period;
	uint64_t update_id;
};

/* The confirmation a task gets when it becomes done (see ops.h). */
static int confirm_on_done(struct txn *t, const struct ops_ctx *c, const struct task *task,
                           uint8_t *out, struct err *e)
{
	*out = CF_NONE;
	if (!c->cfg || !c->cfg->confirm_done)
		return 0;
	struct err le;
	err_clear(&le);
	int rc = ops_check_txn(t, c, PA_CONFIRM, task, &le);
	if (rc == 0)
		*out = CF_CONFIRMED;
	else if (rc == ERR_DENIED)
		*out = CF_PENDING;
	else if (e)
		*e = le;
	return rc == ERR_DENIED ? 0 : rc;
}

/* Permissions of an update: a note always, progress and status when given. */
static int check_update(struct txn *t, const struct update_req *r, const struct task *task,
                        struct err *e)
{
	int rc = ops_check_txn(t, r->c, PA_NOTE, task, e);
	if (!rc && r->progress >= 0)
		rc = ops_check_txn(t, r->c, PA_PROGRESS, task, e);
	if (!rc && r->status >= 0)
		rc = ops_check_txn(t, r->c, PA_STATUS, task, e);
	return rc;
}

/* Status and progress must agree once the update is applied: done is
 * 100 %, not started is 0 %, and 100 % is done.  Without a status,
 * progress 100 means done, progress below 100 on a done task reopens it,
 * and progress or a note on a task not started starts it (for those who
 * may set status); going back to "not started" resets progress to 0.  An
 * update that changes no status, gives no progress and says nothing is
 * refused, so the history holds no empty lines; the same progress again is
 * kept: for a periodic task it is the period's report.  `may_status` says
 * whether the actor may change the status. */
static int settle_update(const struct task *task, int *status, int *progress, int has_note,
                         int may_status, struct err *e)
{
	if ((*status < 0 || *status == task->status) && *progress < 0 && !has_note)
		return err_set(e, ERR_INPUT, "không có thay đổi nào để ghi (trạng thái như cũ)");
	if (*status < 0 && *progress == 100 && task->status != ST_DONE)
		*status = ST_DONE;
	else if (*status < 0 && *progress >= 0 && *progress < 100 && task->status == ST_DONE)
		*status = ST_IN_PROGRESS;
	else if (*status < 0 && task->status == ST_NOT_STARTED && (*progress > 0 || has_note) && may_status)
		*status = ST_IN_PROGRESS;
	if (*status == ST_DONE && *progress < 0)
		*progress = 100;
	if (*status == ST_NOT_STARTED && *progress < 0)
		*progress = 0;
	if (*status < 0 && *progress < 0)
		return 0; /* a note alone changes neither */
	int st = *status >= 0 ? *status : task->status;
	int pr = *progress >= 0 ? *progress : task->progress;
	if (st == ST_DONE && pr != 100)
		return err_set(e, ERR_INPUT, "nhiệm vụ hoàn thành thì tiến độ là 100%%, không phải %d%%", pr);
	if (st == ST_NOT_STARTED && pr != 0)
		return err_set(e, ERR_INPUT, "nhiệm vụ chưa thực hiện thì tiến độ là 0%%, không phải %d%%", pr);
	if (st != ST_DONE && pr == 100)
		return err_set(e, ERR_INPUT,
		               *progress == 100 ? "tiến độ 100%% nghĩa là hoàn thành: chọn trạng thái hoàn thành"
		                                : "nhiệm vụ đang ở mức 100%%: khi mở lại, hãy ghi tiến độ mới");
	return 0;
}

/* The period a report made on `today` is for: the one the user named
 * (checked against the task's periods), else for "hoàn thành" the current
 * one (the duty goes on: shared/domain.md), else the default (period.h);
 * DATE_NONE for a task that does not recur. */
static int report_period(const struct per_task *pt, const struct per_log *log, date_t asked,
                         int done, date_t today, date_t *out, struct err *e)
{
	char iso[11];

	if (asked == DATE_NONE) {
		*out = done ? per_current(pt, today) : per_attribute(pt, log, today);
		return 0;
	}
	return per_parse(pt, date_iso(asked, iso), today, out, e);
}

/* The day the work was finished (update --done-on), when given: only on
 * the update that makes the task done, not after the day of the update
 * nor before the task was set. */
static int check_done_on(const struct ops_ctx *c, const struct task *task, int status,
                         date_t done_on, struct err *e)
{
	char d1[11], d2[11];
	if (done_on == DATE_NONE)
		return 0;
	if (e)
		str_copy(e->field, "done_on", sizeof e->field);
	if (status != ST_DONE || task->status == ST_DONE)
		return err_set(e, ERR_INPUT, "ngày hoàn thành chỉ ghi khi báo nhiệm vụ hoàn thành "
		               "(trạng thái hoàn thành hoặc tiến độ 100%%)%s",
		               task->status == ST_DONE ? ": nhiệm vụ đã hoàn thành từ trước" : "");
	date_t today = ops_write_day(c);
	if (done_on > today)
		return err_set(e, ERR_INPUT, "ngày hoàn thành %s là ngày trong tương lai (hôm nay %s)",
		               date_vn(done_on, d1), date_vn(today, d2));
	if (task->start != DATE_NONE && done_on < task->start)
		return err_set(e, ERR_INPUT, "ngày hoàn thành %s trước ngày giao nhiệm vụ %s",
		               date_vn(done_on, d1), date_vn(task->start, d2));
	if (e)
		e->field[0] = '\0';
	return 0;
}

static int update_fn(struct txn *t, void *ctx, struct err *e)
{
	struct update_req *r = ctx;
	const struct ops_ctx *c = r->c;
	struct task task = {0};
	struct update u;
	struct per_task pt;
	struct per_log log = {0};
	json_t *before = NULL;
	update_init(&u);
	int rc = ops_load_task(t, r->task, &task, e);
	if (rc || (rc = ops_refuse_group(&task, e)) || (rc = check_update(t, r, &task, e)))
		goto out;
	before = ops_task_state(&task);
	int status = r->status, progress = r->progress;
	if ((rc = settle_update(&task, &status, &progress, r->note != NULL,
	                        ops_check_txn(t, c, PA_STATUS, &task, NULL) == 0, e)) ||
	    (rc = check_done_on(c, &task, status, r->done_on, e)))
		goto out;

	date_t day = ops_write_day(c);
	if ((rc = per_task_load(t, &task, periods_of(c), &pt, &log, e)) ||
	    (rc = report_period(&pt, &log, r->period, status == ST_DONE && task.status != ST_DONE,
	                        day, &u.period, e)))
		goto out;
	u.task_id = task.id;
	u.time = (int64_t)time(NULL);
	u.day = day;
	str_copy(u.login, c->who.login, sizeof u.login);
	u.note = r->note ? xstrdup(r->note) : NULL;
	u.progress = (int8_t)progress;
	uint8_t confirm_before = task.confirm;
	if (status >= 0 && status != task.status) {
		u.status_before = (int8_t)task.status;
		u.status_after = (int8_t)status;
		if (status == ST_DONE) {
			task.done_date = r->done_on != DATE_NONE ? r->done_on : day;
			u.done_on = r->done_on;
			if ((rc = confirm_on_done(t, c, &task, &task.confirm, e)))
				goto out;
		} else if (task.status == ST_DONE) {
			task.done_date = DATE_NONE;
			task.confirm = CF_NONE;
		}
		task.status = (uint8_t)status;
	}
	if (task.confirm != confirm_before)
		u.confirm_after = (int8_t)task.confirm;
	if (progress >= 0)
		task.progress = (uint8_t)progress;
	if (task.last_update == DATE_NONE || day > task.last_update)
		task.last_update = day;
	task.nupdates++;
	if ((rc = store_update_add(t, &u, e)))
		goto out;
	if (per_recurring_part(&task.dl))
		per_log_add(&log, u.id, u.day, u.period);
	task.due = per_due(&pt, &log, DATE_NONE);
	if ((rc = store_task_put(t, &task, e)))
		goto out;
	r->update_id = u.id;
	char obj[40];
	json_t *after = ops_task_state(&task);
	if (u.note)
		json_object_set_new(after, "note", json_string(u.note));
	if (u.done_on != DATE_NONE) {
		char d[11];
		json_object_set_new(after, "done_on", json_string(date_iso(u.done_on, d)));
		json_object_set_new(after, "day", json_string(date_iso(u.day, d)));
	}
	rc = ops_audit(t, c, "update", ops_task_object(task.id, obj, sizeof obj), before, after, e);
	before = NULL;
out:
	json_decref(before);
	per_log_free(&log);
	task_free(&task);
	update_free(&u);
	return rc;
}

int ops_update(struct ops_ctx *c, uint64_t task, int status, int progress, const char *note,
               uint64_t *update_id, struct err *e)
{
	struct ops_update_req q = {task, status, progress, note, DATE_NONE, DATE_NONE};
	return ops_update_req(c, &q, update_id, e);
}

int ops_update_req(struct ops_ctx *c, const struct ops_update_req *q, uint64_t *update_id,
                   struct err *e)
{
	uint64_t task = q->task;
	int status = q->status, progress = q->progress;
	const char *note = q->note;
	if (status < -1 || status >= ST_COUNT)
		return err_set(e, ERR_INPUT, "trạng thái không hợp lệ");
	if (progress < -1 || progress > 100) {
		if (e)
			str_copy(e->field, "progress", sizeof e->field);
		return err_set(e, ERR_INPUT, "tiến độ phải từ 0 đến 100 (%%), không phải %d", progress);
	}
	char *clean = NULL;
	if (note) {
		int rc = txt_clean_input(note, OPS_NOTE_MAX, 1, &clean, e);
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
	struct update_req r = {c, task, status, progress, clean, q->done_on, q->period, 0};
	int rc = store_write(c->st, update_fn, &r, e);
	free(clean);
	if (!rc && update_id)
		*update_id = r.update_id;
	return rc;
}

struct doc_req {
	const struct ops_ctx *c;
	struct doc *d;
};

static int add_doc_fn(struct txn *t, void *ctx, struct err *e)
{
	struct doc_req *r = ctx;
	r->d->id = 0;
	/* Numbers restart each term: a document is its number, issuer and
	 * date together, and the same three cannot be entered twice. */
	if (r->d->number[0]) {
		uint64_t *ids = NULL;
		int n = 0, rc = store_docs_by_number(t, r->d->number, &ids, &n, e);
		for (int i = 0; i < n && !rc; i++) {
			struct doc old = {0};
			if ((rc = store_doc_get(t, ids[i], &old, e)))
				break;
			if (old.issuer == r->d->issuer && old.date == r->d->date)
				rc = err_set(e, ERR_CONFLICT, "văn bản số %s cùng cơ quan ban hành và ngày đã có "
				             "trong kho (#%llu)", r->d->number, (unsigned long long)old.id);
			doc_free(&old);
		}
		free(ids);
		if (rc)
			return rc;
	}
	int rc = store_doc_put(t, r->d, e);
	if (rc)
		return rc;
	char obj[40], date[11];
	snprintf(obj, sizeof obj, "doc:%llu", (unsigned long long)r->d->id);
	json_t *after = json_pack("{s:s, s:s, s:s?}", "number", r->d->number, "kind", r->d->kind,
	                          "date", r->d->date == DATE_NONE ? NULL : date_iso(r->d->date, date));
	return ops_audit(t, r->c, "add-doc", obj, NULL, after, e);
}

int ops_add_doc(struct ops_ctx *c, struct doc *d, struct err *e)
{
	int rc = ops_require(c, PA_ADD_DOC, e);
	if (rc)
		return rc;
	if (!d->title || !*d->title)
		return err_set(e, ERR_INPUT, "văn bản cần có trích yếu (tiêu đề)");
	if (!d->created)
		d->created = hist_stamp(ops_write_day(c), (int64_t)time(NULL)); /* exists from that day */
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
		task->start = ops_write_day(r->c);
	if (task->lead) {
		struct unit u = {0};
		int rc = store_unit_get(t, task->lead, &u, e);
		unit_free(&u);
		if (rc)
			return err_set(e, rc, "không tìm thấy đơn vị chủ trì");
	}
	task->id = 0;
	int rc = ops_refresh_due(t, r->c, task, e);
	if (!rc)
		rc = store_task_put(t, task, e);
	if (rc)
		return rc;
	char obj[40];
	snprintf(obj, sizeof obj, "task:%llu", (unsigned long long)task->id);
	json_t *after = ops_task_state(task);
	json_object_set_new(after, "text", json_string(task->text));
	return ops_audit(t, r->c, "add-task", obj, NULL, after, e);
}

int ops_add_task(struct ops_ctx *c, struct task *task, struct err *e)
{
	int rc = ops_require(c, PA_ADD_TASK, e);
	if (rc)
		return rc;
	if (!task->text || !*task->text)
		return err_set(e, ERR_INPUT, "nhiệm vụ cần có nội dung");
	if (!task->created)
		task->created = hist_stamp(ops_write_day(c), (int64_t)time(NULL)); /* exists from that day */
	struct task_req r = {c, task};
	return store_write(c->st, add_task_fn, &r, e);
}

static int repair_fn(struct txn *t, void *ctx, struct err *e)
{
	const struct ops_ctx *c = ctx;
	struct store_stat before;
	int rc = store_stat(t, &before, e);
	uint64_t fixed = 0;
	size_t marks = 0;
	if (rc || (rc = store_rebuild_indexes(t, e)) ||
	    (rc = per_fix_dues(t, periods_of(c), &fixed, e)) ||
	    (rc = ops_group_marks(t, NULL, &marks, e)))
		return rc;
	json_t *after = json_pack("{s:I, s:I, s:I, s:I, s:I}", "units", (json_int_t)before.units,
	                          "docs", (json_int_t)before.docs, "tasks", (json_int_t)before.tasks,
	                          "dues_fixed", (json_int_t)fixed, "group_marks_fixed",
	                          (json_int_t)marks);
	return ops_audit(t, c, "repair", "store", NULL, after, e);
}

int ops_repair(struct ops_ctx *c, struct err *e)
{
	int rc = ops_require(c, PA_MAINTAIN, e);
	if (rc)
		return rc;
	return store_write(c->st, repair_fn, c, e);
}
