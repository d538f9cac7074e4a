/* ui-form-save.c — saving the forms: each writes once through ops.h (or
 * indicator.h for a measured value) and says on the message line what was
 * done; a refusal or bad input comes back as an error for the form to
 * show.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "indicator.h"
#include "ops.h"
#include "period.h"
#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-form.h"
#include "util.h"

#define NOTE_MAX 2000 /* bytes of a note or a reason */

static int clean_note(const struct ui_field *fd, char **out, struct err *e)
{
	int rc = txt_clean_input(fd->line.s, NOTE_MAX, 0, out, e);

	if (rc && e)
		str_copy(e->field, fd->label, sizeof(e->field));
	return rc;
}

/* The report date of the period typed in the update form's "Kỳ báo cáo"
 * (period.h, per_parse), or DATE_NONE when left empty: the default. */
static int form_period(struct ui *u, const struct ui_form *f, date_t *out, struct err *e)
{
	struct txn *t;
	struct task k = {0};
	struct per_task pt;
	int rc;

	*out = DATE_NONE;
	if (f->nf < 5 || f->f[4].line.len == 0)
		return 0;
	if ((rc = store_read_begin(u->ops->st, &t, e)))
		return rc;
	rc = store_task_get(t, f->task, &k, e);
	if (!rc && !(rc = per_task_load(t, &k, &u->ops->cfg->periods, &pt, NULL, e)))
		rc = per_parse(&pt, f->f[4].line.s, u->ops->today, out, e);
	store_read_end(t);
	task_free(&k);
	if (rc == ERR_INPUT && e)
		str_copy(e->field, f->f[4].label, sizeof(e->field));
	return rc;
}

/* A date field: DATE_NONE when empty; a bad date names the field. */
static int date_field(const struct ui_field *fd, date_t *out, struct err *e)
{
	int rc;

	*out = DATE_NONE;
	if (fd->line.len == 0)
		return 0;
	rc = date_parse(fd->line.s, out, e);
	if (rc && e)
		str_copy(e->field, fd->label, sizeof(e->field));
	return rc;
}

static int save_update(struct ui *u, struct ui_form *f, struct err *e)
{
	char *note = NULL;
	long progress = -1;
	int status = f->f[2].choice != f->f[2].initial ? f->f[2].choice : -1, rc;
	uint64_t uid = 0;
	struct ops_update_req q;

	memset(&q, 0, sizeof(q));
	if ((rc = date_field(&f->f[3], &q.done_on, e)) || (rc = form_period(u, f, &q.period, e)))
		return rc;
	rc = clean_note(&f->f[0], &note, e);
	if (rc)
		return rc;
	if (f->f[1].line.dirty) {
		if (f->f[1].line.len == 0 ||
		    str_to_long(f->f[1].line.s, 0, 100, &progress) != 0) {
			free(note);
			return err_set(e, ERR_INPUT, "tiến độ phải là số từ 0 đến 100");
		}
		if (progress == f->progress0 && status < 0 && !*note)
			progress = -1;
	}
	if (!*note && progress < 0 && status < 0 && q.done_on == DATE_NONE) {
		free(note);
		return err_set(e, ERR_INPUT, "chưa nhập gì để lưu");
	}
	q.task = f->task;
	q.status = status;
	q.progress = (int)progress;
	q.note = *note ? note : NULL;
	rc = ops_update_req(u->ops, &q, &uid, e);
	free(note);
	if (rc && e && !strcmp(e->field, "done_on"))
		str_copy(e->field, f->f[3].label, sizeof(e->field));
	if (rc == 0)
		ui_msg(u, 0, "Đã lưu cập nhật cho nhiệm vụ #%llu.", (unsigned long long)f->task);
	return rc;
}

static int save_status(struct ui *u, struct ui_form *f, struct err *e)
{
	int rc;

	if (f->f[0].choice == f->f[0].initial)
		return err_set(e, ERR_INPUT, "trạng thái không đổi");
	rc = ops_update(u->ops, f->task, f->f[0].choice, -1, NULL, NULL, e);
	if (rc == 0)
		ui_msg(u, 0, "Nhiệm vụ #%llu: %s.", (unsigned long long)f->task,
		       st_label((enum task_status)f->f[0].choice));
	return rc;
}

/* UF_EXTEND and UF_EXT_REQUEST: a day and a reason. */
static int save_extend(struct ui *u, struct ui_form *f, struct err *e)
{
	date_t to;
	char *reason = NULL, dbuf[16];
	uint64_t id = 0;
	int rc, ask = f->kind == UF_EXT_REQUEST;

	if (f->f[0].line.len == 0)
		return err_set(e, ERR_INPUT, "cần ghi ngày gia hạn (dd/mm/yyyy)");
	rc = date_field(&f->f[0], &to, e);
	if (rc)
		return rc;
	rc = clean_note(&f->f[1], &reason, e);
	if (rc)
		return rc;
	if (!*reason) {
		free(reason);
		return err_set(e, ERR_INPUT, "cần ghi lý do gia hạn");
	}
	rc = ask ? ops_extend_request(u->ops, f->task, to, reason, &id, e)
	         : ops_extend(u->ops, f->task, to, reason, e);
	free(reason);
	if (rc == 0 && ask)
		ui_msg(u, 0, "Đã gửi đề nghị gia hạn #%llu: nhiệm vụ #%llu đến %s, chờ văn phòng "
		       "theo dõi quyết định.", (unsigned long long)id, (unsigned long long)f->task,
		       date_vn(to, dbuf));
	else if (rc == 0)
		ui_msg(u, 0, "Đã gia hạn nhiệm vụ #%llu đến %s.", (unsigned long long)f->task,
		       date_vn(to, dbuf));
	return rc;
}

/* UF_EXT_GRANT (a day, empty: as asked, and a note) and UF_EXT_REFUSE (a
 * reason). */
static int save_decision(struct ui *u, struct ui_form *f, struct err *e)
{
	char *text = NULL;
	date_t to = DATE_NONE;
	int rc, grant = f->kind == UF_EXT_GRANT;

	if (grant && (rc = date_field(&f->f[0], &to, e)) != 0)
		return rc;
	rc = clean_note(&f->f[grant ? 1 : 0], &text, e);
	if (rc)
		return rc;
	if (!grant && !*text) {
		free(text);
		return err_set(e, ERR_INPUT, "cần ghi lý do không chấp nhận");
	}
	rc = grant ? ops_extend_grant(u->ops, f->ext, to, *text ? text : NULL, e)
	           : ops_extend_refuse(u->ops, f->ext, text, e);
	free(text);
	if (rc == 0)
		ui_msg(u, 0, "Đã %s đề nghị gia hạn #%llu (nhiệm vụ #%llu).",
		       grant ? "chấp nhận" : "không chấp nhận", (unsigned long long)f->ext,
		       (unsigned long long)f->task);
	return rc;
}

static int save_confirm(struct ui *u, struct ui_form *f, struct err *e)
{
	char *note = NULL;
	int rc = clean_note(&f->f[0], &note, e);

	if (rc)
		return rc;
	rc = ops_confirm(u->ops, f->task, *note ? note : NULL, NULL, e);
	free(note);
	if (rc == 0)
		ui_msg(u, 0, "Đã xác nhận hoàn thành nhiệm vụ #%llu.", (unsigned long long)f->task);
	return rc;
}

static int save_return(struct ui *u, struct ui_form *f, struct err *e)
{
	char *reason = NULL;
	int rc = clean_note(&f->f[0], &reason, e);

	if (rc)
		return rc;
	if (!*reason) {
		free(reason);
		return err_set(e, ERR_INPUT, "cần ghi lý do trả lại");
	}
	rc = ops_return(u->ops, f->task, reason, NULL, e);
	free(reason);
	if (rc == 0)
		ui_msg(u, 0, "Đã trả lại nhiệm vụ #%llu: thực hiện lại.", (unsigned long long)f->task);
	return rc;
}

static int save_measure(struct ui *u, struct ui_form *f, struct err *e)
{
	double v;
	date_t d = DATE_NONE;
	char *note = NULL, dbuf[16];
	int rc;

	if (f->f[0].line.len == 0)
		return err_set(e, ERR_INPUT, "cần ghi giá trị đo được");
	rc = ind_parse_value(f->f[0].line.s, &v, e);
	if (rc)
		return rc;
	if (f->f[1].line.len > 0) {
		rc = date_parse(f->f[1].line.s, &d, e);
		if (rc)
			return rc;
	}
	rc = clean_note(&f->f[2], &note, e);
	if (rc)
		return rc;
	rc = ind_measure_add(u->ops, f->indicator, v, d, *note ? note : NULL, NULL, e);
	free(note);
	if (rc == 0)
		ui_msg(u, 0, "Đã ghi số liệu chỉ tiêu #%llu ngày %s.",
		       (unsigned long long)f->indicator,
		       date_vn(d == DATE_NONE ? ops_write_day(u->ops) : d, dbuf));
	return rc;
}

/* The filter's list: "tất cả", then the statuses, then the timeliness. */
static void save_filter(struct ui *u, struct ui_form *f)
{
	int kind, value;

	ui_form_filter_of(f->f[0].choice, &kind, &value);
	ui_tasks_set_filter(u, kind, value);
	u->focus = UI_TASKS;
}

int ui_form_save(struct ui *u, struct ui_form *f, struct err *e)
{
	int rc = 0;

	switch (f->kind) {
	case UF_UPDATE: rc = save_update(u, f, e); break;
	case UF_STATUS: rc = save_status(u, f, e); break;
	case UF_EXTEND: case UF_EXT_REQUEST: rc = save_extend(u, f, e); break;
	case UF_EXT_GRANT: case UF_EXT_REFUSE: rc = save_decision(u, f, e); break;
	case UF_CONFIRM: rc = save_confirm(u, f, e); break;
	case UF_RETURN: rc = save_return(u, f, e); break;
	case UF_MEASURE: rc = save_measure(u, f, e); break;
	case UF_EDIT_TASK: case UF_EDIT_DOC: case UF_MOVE: case UF_DELETE_TASK: case UF_DELETE_DOC:
	case UF_RESTORE: case UF_LINK:
		rc = ui_form_edit_save(u, f, e);
		break;
	case UF_FILTER:
		save_filter(u, f);
		return 0;
	case UF_SEARCH:
		ui_search_start(u, f->f[0].line.s);
		return 0;
	case UF_IMPORT:
		if (f->stage == 0) {
			rc = ui_import_parse(u, f, e);
			return rc ? rc : 1; /* stay open on the preview */
		}
		return ui_import_store(u, f, e);
	default:
		return 0;
	}
	if (rc == 0)
		ui_reload(u); /* a write: read what is on screen again */
	return rc;
}
