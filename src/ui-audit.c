/* ui-audit.c — the audit trail (`L`): who changed what and when, newest
 * first, for the selected task or for the whole store: time, login, role,
 * action, object and what changed (before → after).  Every text from the
 * store is made safe for the terminal before it is drawn.  The entries
 * are read from the end of the trail (audit_latest) a screenful or two at
 * a time, more as the selection moves down.  Enter shows the entry's task.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "config.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "util.h"

#define AUDIT_FIRST 200 /* entries read when the view opens */

void ui_audit_free(struct ui *u)
{
	audit_list_free(u->audit.v, u->audit.nv);
	memset(&u->audit, 0, sizeof(u->audit));
}

void ui_audit_open(struct ui *u, uint64_t task)
{
	ui_audit_free(u);
	u->audit.task = task;
	u->audit.opened_for = task;
}

void ui_audit_toggle(struct ui *u)
{
	uint64_t for_task = u->audit.opened_for, show;

	if (!for_task) {
		ui_msg(u, 0, "Nhật ký toàn bộ; để xem của một nhiệm vụ, chọn nhiệm vụ rồi nhấn L.");
		return;
	}
	show = u->audit.task ? 0 : for_task;
	ui_audit_free(u);
	u->audit.opened_for = for_task;
	u->audit.task = show;
}

static int fetch(struct ui *u, struct txn *t, size_t want, struct err *e)
{
	struct ui_auditv *v = &u->audit;
	struct audit_filter f;
	struct audit *list = NULL;
	uint64_t keep = v->l.sel < v->nv && v->l.sel > 0 ? v->v[v->l.sel].seq : 0;
	size_t n = 0, i;
	int rc;

	memset(&f, 0, sizeof(f));
	f.task = v->task;
	rc = audit_latest(t, &f, want, &list, &n, e);
	if (rc)
		return rc;
	/* Newest first by time (a backdated entry, written with --today by an
	 * administrator, goes where its time says), then by sequence. */
	audit_sort_newest(list, n);
	audit_list_free(v->v, v->nv);
	v->v = list;
	v->nv = n;
	v->complete = n < want;
	v->l.n = n;
	for (i = 0; keep && i < n; i++)
		if (list[i].seq == keep) {
			v->l.sel = i;
			break;
		}
	ui_list_clamp(&v->l, ui_view_page(u));
	return 0;
}

int ui_audit_sync(struct ui *u, struct txn *t, struct err *e)
{
	struct ui_auditv *v = &u->audit;
	size_t page = (size_t)ui_view_page(u);
	int rc;

	if (!v->built) {
		rc = fetch(u, t, v->nv > AUDIT_FIRST ? v->nv : AUDIT_FIRST, e);
		if (rc)
			return rc;
		v->built = 1;
	}
	if (!v->complete && v->l.sel + page >= v->nv)
		return fetch(u, t, v->nv * 2 > v->l.sel + 2 * page ? v->nv * 2 : v->l.sel + 2 * page, e);
	return 0;
}

/* "23/11/2026 10:05" in local time. */
static const char *when(int64_t time, char *buf, size_t len)
{
	time_t tt = (time_t)time;
	struct tm tm;

	if (!localtime_r(&tt, &tm))
		snprintf(buf, len, "?");
	else
		strftime(buf, len, "%d/%m/%Y %H:%M", &tm);
	return buf;
}

static const char *role_of(const struct audit *a)
{
	return audit_role_label(a->role);
}

/* What changed, its days as dd/mm/yyyy. */
static char *describe(const struct audit *a, int max_value)
{
	char *d = audit_describe(a, max_value), *vn = audit_dates_vn(d);

	free(d);
	return vn;
}

void ui_audit_draw(struct ui *u, struct txn *t)
{
	struct ui_auditv *v = &u->audit;
	const struct ui_layout *lo = &u->lo;
	int page = ui_view_page(u), r, cols = lo->cols - 2;
	const char *head[6] = { "Thời gian", "Tài khoản", "Vai trò", "Việc", "Đối tượng",
		                "Thay đổi (trước → sau)" };
	int widths[6] = { 16, 12, 9, 18, 12, 0 };
	struct sbuf title = { 0 }, hb = { 0 }, row = { 0 };

	(void)t;
	if (cols < 100) {
		widths[1] = 10;
		widths[3] = 12;
		widths[4] = 9;
	}
	if (v->task)
		sbuf_printf(&title, " Nhật ký thay đổi — nhiệm vụ #%llu: %zu%s mục, mới nhất trước ",
		            (unsigned long long)v->task, v->nv, v->complete ? "" : "+");
	else
		sbuf_printf(&title, " Nhật ký thay đổi — toàn bộ: %zu%s mục gần nhất, mới nhất trước ",
		            v->nv, v->complete ? "" : "+");
	ui_fmt_cells(&hb, head, widths, 6, cols);
	ui_view_head(u, title.s, hb.s);
	for (r = 0; r < page; r++) {
		size_t i = v->l.top + (size_t)r;
		int y = lo->pane_y + 2 + r;
		const struct audit *a;
		const char *cells[6];
		char tb[32], *login, *object, *what;
		attr_t at;

		ui_blank(y, 0, lo->cols, A_NORMAL);
		if (i >= v->nv)
			continue;
		a = &v->v[i];
		at = i == v->l.sel ? ui_attr(u, UC_SEL) : A_NORMAL;
		login = txt_sanitize(a->login);
		object = txt_sanitize(a->object);
		{
			char *d = describe(a, u->hskip ? 0 : 40); /* w: all of it */

			what = txt_sanitize(d);
			free(d);
		}
		cells[0] = when(a->time, tb, sizeof(tb));
		cells[1] = login;
		cells[2] = role_of(a);
		cells[3] = audit_action_label(a->action);
		cells[4] = object;
		cells[5] = what;
		sbuf_reset(&row);
		ui_fmt_cells_from(&row, cells, widths, 6, cols, u->hskip, &u->hroom);
		ui_put(y, 0, 2, "", at);
		ui_put(y, 2, cols, row.s, at);
		free(login);
		free(object);
		free(what);
	}
	if (v->nv == 0 && v->built)
		ui_put(lo->pane_y + 2, 2, cols, v->task ? "Nhiệm vụ chưa có thay đổi nào được ghi."
		                                        : "Nhật ký trống.",
		       ui_attr(u, UC_MUTED));
	sbuf_free(&title);
	sbuf_free(&hb);
	sbuf_free(&row);
}

void ui_audit_detail(struct ui *u, struct ui_lines *l, int cols, int rows)
{
	struct ui_auditv *v = &u->audit;
	const struct audit *a;
	struct sbuf b = { 0 };
	char tb[32], *what;

	if (!v->built || v->l.sel >= v->nv)
		return;
	a = &v->v[v->l.sel];
	sbuf_printf(&b, "#%llu · %s · %s (%s) · %s · %s", (unsigned long long)a->seq,
	            audit_time_vn(a->time, tb, sizeof(tb)), a->login, role_of(a),
	            audit_action_label(a->action), a->object);
	ui_lines_add(l, b.s, A_BOLD);
	what = describe(a, 0);
	ui_lines_wrap(l, *what ? what : "(không ghi nội dung thay đổi)", cols, rows - 2, A_NORMAL);
	free(what);
	if (ui_audit_task(u))
		ui_lines_add(l, "Enter: đến nhiệm vụ · L: nhật ký của nhiệm vụ / toàn bộ",
		             ui_attr(u, UC_MUTED));
	sbuf_free(&b);
}

uint64_t ui_audit_task(const struct ui *u)
{
	const struct ui_auditv *v = &u->audit;
	unsigned long long id;
	char tail;

	if (v->l.sel >= v->nv)
		return 0;
	if (sscanf(v->v[v->l.sel].object, "task:%llu%c", &id, &tail) != 1)
		return 0;
	return (uint64_t)id;
}
