/* ui-audit.c — the audit trail (`L`): who changed what and when, newest
 * first, for the selected task or for the whole store: time, login, role,
 * action, object and what changed (before → after), told in words by
 * audit-text.h as `theodoi log` tells them (units by name, documents by
 * number, days dd/mm/yyyy).  Every text from the store is made safe for
 * the terminal before it is drawn.  The entries
 * are read from the end of the trail (audit_latest) a screenful or two at
 * a time, more as the selection moves down.  Enter shows the entry's task.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit-text.h"
#include "audit.h"
#include "config.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "util.h"

struct ui_auditv {
	uint64_t task;           /* the entries about this task; 0: every entry */
	uint64_t opened_for;     /* the task the view was opened on, or 0 */
	int built;
	struct audit *v;         /* the newest nv entries, newest first */
	size_t nv;
	int complete;            /* v holds every entry that passes */
	struct audit_names *names; /* units by name, documents by number */
	struct ui_list l;
};

static struct ui_auditv *st(struct ui *u)
{
	return ui_view_state(u, UI_VIEW_AUDIT, sizeof(struct ui_auditv));
}

/* The state for reading: the zero state when the view was never opened. */
static const struct ui_auditv *cst(const struct ui *u)
{
	static const struct ui_auditv none;

	return u->vstate[UI_VIEW_AUDIT] ? u->vstate[UI_VIEW_AUDIT] : &none;
}

#define AUDIT_FIRST 200 /* entries read when the view opens */

static void auditv_free(struct ui *u)
{
	audit_list_free(st(u)->v, st(u)->nv);
	audit_names_free(st(u)->names);
	memset(st(u), 0, sizeof(struct ui_auditv));
}

static int auditv_open(struct ui *u, const struct ui_view_where *w)
{
	st(u)->task = w->task;
	st(u)->opened_for = w->task;
	return 0;
}

/* L in the view: between the task it was opened on and every entry. */
static void auditv_toggle(struct ui *u)
{
	uint64_t for_task = st(u)->opened_for, show;

	if (!for_task) {
		ui_msg(u, 0, "Nhật ký toàn bộ; để xem của một nhiệm vụ, chọn nhiệm vụ rồi nhấn L.");
		return;
	}
	show = st(u)->task ? 0 : for_task;
	auditv_free(u);
	st(u)->opened_for = for_task;
	st(u)->task = show;
}

static int fetch(struct ui *u, struct txn *t, size_t want, struct err *e)
{
	struct ui_auditv *v = st(u);
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
	/* a document renumbered since: read the numbers again */
	audit_names_reset(v->names);
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

static int auditv_sync(struct ui *u, struct txn *t, struct err *e)
{
	struct ui_auditv *v = st(u);
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

/* The names of ids, with the screen's tree of the moment. */
static struct audit_names *names(struct ui *u)
{
	struct ui_auditv *v = st(u);

	if (!v->names)
		v->names = audit_names_new(NULL);
	audit_names_tree(v->names, u->units.h);
	return v->names;
}

/* What changed, told for people (audit-text.h). */
static char *describe(struct ui *u, struct txn *t, const struct audit *a, int max_value)
{
	return audit_text(names(u), t, a, max_value);
}

static void auditv_widths(int cols, int *widths)
{
	static const int wide[6] = { 16, 12, 9, 18, 12, 0 }, narrow[6] = { 16, 10, 9, 12, 9, 0 };

	memcpy(widths, cols < 100 ? narrow : wide, sizeof(wide));
}

static void auditv_head(struct ui *u, struct txn *t, struct sbuf *title, struct sbuf *hb)
{
	struct ui_auditv *v = st(u);
	const char *head[6] = { "Thời gian", "Tài khoản", "Vai trò", "Việc", "Đối tượng",
		                "Thay đổi (trước → sau)" };
	int widths[6], cols = u->lo.cols - 2;

	(void)t;
	auditv_widths(cols, widths);
	if (v->task)
		sbuf_printf(title, " Nhật ký thay đổi — nhiệm vụ #%llu: %zu%s mục, mới nhất trước ",
		            (unsigned long long)v->task, v->nv, v->complete ? "" : "+");
	else
		sbuf_printf(title, " Nhật ký thay đổi — toàn bộ: %zu%s mục gần nhất, mới nhất trước ",
		            v->nv, v->complete ? "" : "+");
	ui_fmt_cells(hb, head, widths, 6, cols);
}

static void auditv_row(struct ui *u, struct txn *t, size_t i, int y, int sel)
{
	struct ui_auditv *v = st(u);
	int widths[6], cols = u->lo.cols - 2;
	const struct audit *a;
	const char *cells[6];
	char tb[32], *login, *object, *what;
	struct sbuf row = { 0 };
	attr_t at;

	if (i >= v->nv)
		return;
	auditv_widths(cols, widths);
	a = &v->v[i];
	at = sel ? ui_attr(u, UC_SEL) : A_NORMAL;
	login = txt_sanitize(a->login);
	object = audit_object_text(names(u), t, a->object, cols < 100);
	what = describe(u, t, a, u->hskip ? 0 : 40); /* w: all of it */
	cells[0] = when(a->time, tb, sizeof(tb));
	cells[1] = login;
	cells[2] = role_of(a);
	cells[3] = audit_action_label(a->action);
	cells[4] = object;
	cells[5] = what;
	ui_fmt_cells_from(&row, cells, widths, 6, cols, u->hskip, &u->hroom);
	ui_put(y, 0, 2, "", at);
	ui_put(y, 2, cols, row.s, at);
	free(login);
	free(object);
	free(what);
	sbuf_free(&row);
}

static const char *auditv_empty(const struct ui *u)
{
	if (cst(u)->nv || !cst(u)->built)
		return NULL;
	return cst(u)->task ? "Nhiệm vụ chưa có thay đổi nào được ghi." : "Nhật ký trống.";
}

static uint64_t auditv_task(const struct ui *u);

static void auditv_detail(struct ui *u, struct txn *t, struct ui_lines *l, int cols, int rows)
{
	struct ui_auditv *v = st(u);
	const struct audit *a;
	struct sbuf b = { 0 };
	char tb[32], *what, *login, *object;

	if (!v->built || v->l.sel >= v->nv)
		return;
	a = &v->v[v->l.sel];
	login = txt_sanitize(a->login);
	object = audit_object_text(names(u), t, a->object, 0);
	sbuf_printf(&b, "#%llu · %s · %s (%s) · %s · %s", (unsigned long long)a->seq,
	            audit_time_vn(a->time, tb, sizeof(tb)), login, role_of(a),
	            audit_action_label(a->action), object);
	free(login);
	free(object);
	ui_lines_add(l, b.s, A_BOLD);
	what = describe(u, t, a, 0);
	ui_lines_wrap(l, *what ? what : "(không ghi nội dung thay đổi)", cols, rows - 2, A_NORMAL);
	free(what);
	if (auditv_task(u))
		ui_lines_add(l, "Enter: đến nhiệm vụ · L: nhật ký của nhiệm vụ / toàn bộ",
		             ui_attr(u, UC_MUTED));
	sbuf_free(&b);
}

/* The task of the selected entry ("task:N"), or 0. */
static uint64_t auditv_task(const struct ui *u)
{
	const struct ui_auditv *v = cst(u);
	unsigned long long id;
	char tail;

	if (v->l.sel >= v->nv)
		return 0;
	if (sscanf(v->v[v->l.sel].object, "task:%llu%c", &id, &tail) != 1)
		return 0;
	return (uint64_t)id;
}

static int auditv_enter(struct ui *u, struct txn *t, struct err *e)
{
	uint64_t id = auditv_task(u);

	if (!id) {
		ui_msg(u, 0, "Mục nhật ký này không nói về một nhiệm vụ.");
		return 0;
	}
	return ui_jump_task(u, t, id, e);
}

static int auditv_key(struct ui *u, enum ui_act a)
{
	if (a != UA_AUDIT)
		return 0;
	auditv_toggle(u);
	return 1;
}

/* Search: who, the object and what changed, as shown. */
static void auditv_words(struct ui *u, struct txn *t, size_t i, struct sbuf *b)
{
	char *d, *o;

	if (i >= st(u)->nv)
		return;
	d = describe(u, t, &st(u)->v[i], 0);
	o = audit_object_text(names(u), t, st(u)->v[i].object, 0);
	sbuf_printf(b, "%s %s %s", st(u)->v[i].login, o, d);
	free(d);
	free(o);
}

static struct ui_list *auditv_list(struct ui *u)
{
	return &st(u)->l;
}

static void auditv_forget(struct ui *u)
{
	st(u)->built = 0;
}

static const struct ui_hint *auditv_hints(const struct ui *u)
{
	static const struct ui_hint h[] = {
		{ UA_OPEN, UA_NONE, 1, "đến nhiệm vụ" },
		{ UA_AUDIT, UA_NONE, 2, "của nhiệm vụ/toàn bộ" },
		{ UA_HSCROLL, UA_NONE, 3, NULL },
		{ UA_BACK, UA_QUIT, 0, "đóng" },
		{ UA_NONE, UA_NONE, 0, NULL },
	};

	(void)u;
	return h;
}

const struct ui_view_ops ui_audit_view = {
	.name = "audit",
	.label = "Nhật ký thay đổi",
	.opens = { UA_AUDIT, UA_NONE },
	.scope = UVS_TASK,
	.detail_title = " Thay đổi ",
	.open = auditv_open,
	.sync = auditv_sync,
	.list = auditv_list,
	.head = auditv_head,
	.row = auditv_row,
	.empty = auditv_empty,
	.detail = auditv_detail,
	.task = auditv_task,
	.enter = auditv_enter,
	.key = auditv_key,
	.words = auditv_words,
	.forget = auditv_forget,
	.free = auditv_free,
	.hints = auditv_hints,
};
