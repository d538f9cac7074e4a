/* ui-queue.c — the queue of the monitoring office (`p`): tasks a unit
 * reported done that wait (chờ xác nhận) for the office to confirm them (x)
 * or return them with a reason (T, thực hiện lại), then the requests for
 * an extension (đề nghị gia hạn) that wait for the office to grant them
 * (x, to the day asked or another) or refuse them with a reason (T).  A
 * user who confirms (of a monitoring office of [access] monitors, or an
 * admin) sees what they may decide; anyone else sees everything, read
 * only.  Enter shows the task in its panes.
 *
 * The store keeps no index of claims: ops_pending_each reads every task
 * once, and ops_extend_pending_each every extension, when the view opens
 * and when the store changes while it is open.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hier.h"
#include "ops.h"
#include "perm.h"
#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "util.h"

struct ui_queue {
	int built;
	uint64_t *ids;           /* the task of each row (l.n): claims waiting for
	                            confirmation, then tasks with a request for
	                            an extension */
	uint64_t *exts;          /* per row: the pending extension request, or 0
	                            for a claim */
	size_t nclaims;          /* the first nclaims rows are claims */
	int all;                 /* every claim (an admin), not only the actor's office's */
	struct ui_list l;
};

static struct ui_queue *st(struct ui *u)
{
	return ui_view_state(u, UI_VIEW_QUEUE, sizeof(struct ui_queue));
}

/* The state for reading: the zero state when the view was never opened. */
static const struct ui_queue *cst(const struct ui *u)
{
	static const struct ui_queue none;

	return u->vstate[UI_VIEW_QUEUE] ? u->vstate[UI_VIEW_QUEUE] : &none;
}

int ui_may_confirm_some(const struct ui *u)
{
	const struct config *cfg = u->ops->cfg;
	const struct actor *who = &u->ops->who;
	struct perm_opts o = perm_opts_of(cfg);
	int i;

	if (perm_check(who->role, PA_CONFIRM, PR_ELSEWHERE, 0, &o) == NULL)
		return 1; /* confirms everywhere: an admin */
	if (perm_check(who->role, PA_CONFIRM, PR_ELSEWHERE, 1, &o) != NULL || !who->unit)
		return 0; /* not even as a monitoring office */
	/* A user of (a unit below) a monitoring office of [access] monitors. */
	for (i = 0; i < cfg->nmonitors; i++) {
		size_t k = hier_find_code(u->units.h, cfg->monitors[i].office);

		if (k != (size_t)-1 && hier_in_subtree(u->units.h, who->unit, hier_at(u->units.h, k)->id))
			return 1;
	}
	return 0;
}

static void queue_free(struct ui *u)
{
	free(st(u)->ids);
	free(st(u)->exts);
	memset(st(u), 0, sizeof(struct ui_queue));
}

static int queue_open(struct ui *u, const struct ui_view_where *w)
{
	(void)w;
	st(u)->all = !ui_may_confirm_some(u);
	if (!u->ops->cfg->confirm_done)
		ui_msg(u, 0, "Cấu hình không bật xác nhận hoàn thành ([access] confirm_done = no): "
		             "hàng chờ chỉ còn các báo cáo cũ, nếu có.");
	return 0;
}

static int push_task(const struct task *t, void *ctx)
{
	ui_ids_push(ctx, t->id);
	return 0;
}

struct reqs {
	struct ui_ids tasks, exts;
};

static int push_request(const struct extension *x, const struct task *t, void *ctx)
{
	struct reqs *r = ctx;

	ui_ids_push(&r->tasks, t->id);
	ui_ids_push(&r->exts, x->id);
	return 0;
}

static uint64_t queue_selected(const struct ui *u);

static int queue_sync(struct ui *u, struct txn *t, struct err *e)
{
	struct ui_queue *q = st(u);
	struct ui_ids ids = { 0 };
	struct reqs r = { { 0 }, { 0 } };
	uint64_t keep = queue_selected(u), keep_ext = ui_queue_selected_ext(u);
	size_t i;
	int rc;

	(void)t;
	if (q->built)
		return 0;
	rc = ops_pending_each(u->ops, !q->all, push_task, &ids, e);
	if (!rc)
		rc = ops_extend_pending_each(u->ops, !q->all, push_request, &r, e);
	if (rc) {
		free(ids.v);
		free(r.tasks.v);
		free(r.exts.v);
		return rc;
	}
	free(q->ids);
	free(q->exts);
	q->nclaims = ids.n;
	q->l.n = ids.n + r.tasks.n;
	q->ids = xcalloc(q->l.n + 1, sizeof(*q->ids));
	q->exts = xcalloc(q->l.n + 1, sizeof(*q->exts));
	for (i = 0; i < ids.n; i++)
		q->ids[i] = ids.v[i];
	for (i = 0; i < r.tasks.n; i++) {
		q->ids[ids.n + i] = r.tasks.v[i];
		q->exts[ids.n + i] = r.exts.v[i];
	}
	free(ids.v);
	free(r.tasks.v);
	free(r.exts.v);
	q->built = 1;
	for (i = 0; keep && i < q->l.n; i++)
		if (q->ids[i] == keep && q->exts[i] == keep_ext) {
			q->l.sel = i;
			break;
		}
	ui_list_clamp(&q->l, ui_view_page(u));
	return 0;
}

static uint64_t queue_selected(const struct ui *u)
{
	const struct ui_queue *q = cst(u);

	return q->built && q->l.sel < q->l.n ? q->ids[q->l.sel] : 0;
}

uint64_t ui_queue_selected_ext(const struct ui *u)
{
	const struct ui_queue *q = cst(u);

	return q->built && q->l.sel < q->l.n ? q->exts[q->l.sel] : 0;
}

/* A request's cells: the day asked, and "gia hạn đến dd/mm/yyyy: lý do —
 * nội dung" (reason sanitised).  Fills day; returns the text (malloc'd),
 * or NULL when the request is gone. */
static char *request_text(struct txn *t, uint64_t ext, const struct task *tk, char *day)
{
	struct extension x;
	struct sbuf b = { 0 };
	char to[16];
	char *clean;

	if (store_extension_get(t, ext, &x, NULL) != 0)
		return NULL;
	if (x.day != DATE_NONE)
		date_vn(x.day, day);
	sbuf_printf(&b, "Đề nghị gia hạn đến %s%s: %s — %s", date_vn(x.to, to),
	            x.late ? " (sau khi đã quá hạn)" : "", x.reason ? x.reason : "",
	            tk->text ? tk->text : "");
	extension_free(&x);
	clean = txt_sanitize(b.s);
	sbuf_free(&b);
	return clean;
}

static void queue_widths(int cols, int *widths)
{
	static const int wide[5] = { 10, 7, 24, 13, 0 }, narrow[5] = { 10, 7, 16, 10, 0 };

	memcpy(widths, cols < 100 ? narrow : wide, sizeof(wide));
}

static void queue_head(struct ui *u, struct txn *t, struct sbuf *title, struct sbuf *hb)
{
	struct ui_queue *q = st(u);
	const char *head[5] = { "Báo ngày", "Mã", "Chủ trì", "Văn bản", "Nội dung" };
	int widths[5], cols = u->lo.cols - 2;

	(void)t;
	queue_widths(cols, widths);
	sbuf_printf(title, " Chờ xác nhận hoàn thành — %s: %zu nhiệm vụ",
	            q->all ? "mọi đơn vị" : "đơn vị bạn theo dõi", q->nclaims);
	if (q->l.n > q->nclaims)
		sbuf_printf(title, " · đề nghị gia hạn: %zu", q->l.n - q->nclaims);
	sbuf_printf(title, "%s ", q->all ? " (chỉ xem: vai trò của bạn không xác nhận được)" : "");
	ui_fmt_cells(hb, head, widths, 5, cols);
}

static void queue_row(struct ui *u, struct txn *t, size_t i, int y, int sel)
{
	struct ui_queue *q = st(u);
	int widths[5], cols = u->lo.cols - 2;
	struct task tk;
	struct sbuf row = { 0 };
	const char *cells[5];
	char day[16] = "", id[24], num[DOCNUM_LEN], *lead, *text;
	attr_t a = sel ? ui_attr(u, UC_SEL) : A_NORMAL;

	queue_widths(cols, widths);
	memset(&tk, 0, sizeof(tk));
	if (store_task_get(t, q->ids[i], &tk, NULL) != 0)
		return;
	if (q->exts[i] == 0 && tk.done_date != DATE_NONE)
		date_vn(tk.done_date, day);
	snprintf(id, sizeof(id), "#%llu", (unsigned long long)tk.id);
	ui_view_doc_number(t, tk.doc_id, num, sizeof(num));
	lead = txt_sanitize(tk.lead ? ui_unit_name(u, tk.lead) : tk.lead_text ? tk.lead_text : "");
	text = q->exts[i] ? request_text(t, q->exts[i], &tk, day) : NULL;
	if (!text)
		text = txt_sanitize(tk.text ? tk.text : "");
	cells[0] = day;
	cells[1] = id;
	cells[2] = lead;
	cells[3] = num;
	cells[4] = text;
	ui_fmt_cells_from(&row, cells, widths, 5, cols, u->hskip, &u->hroom);
	ui_put(y, 0, 2, q->exts[i] ? "+" : tk.confirm == CF_PENDING ? "?" : " ", a);
	ui_put(y, 2, cols, row.s, a);
	free(lead);
	free(text);
	task_free(&tk);
	sbuf_free(&row);
}

static const char *queue_empty(const struct ui *u)
{
	if (cst(u)->l.n || !cst(u)->built)
		return NULL;
	return "Không có nhiệm vụ nào chờ xác nhận, không có đề nghị gia hạn nào chờ quyết định.";
}

static void queue_words(struct ui *u, struct txn *t, size_t i, struct sbuf *b)
{
	if (i < st(u)->l.n)
		ui_view_task_words(t, st(u)->ids[i], b);
}

static struct ui_list *queue_list(struct ui *u)
{
	return &st(u)->l;
}

static void queue_forget(struct ui *u)
{
	st(u)->built = 0;
}

static const struct ui_hint *queue_hints(const struct ui *u)
{
	static const struct ui_hint confirmer[] = {
		{ UA_CONFIRM, UA_NONE, 0, "xác nhận/chấp nhận" },
		{ UA_RETURN, UA_NONE, 0, "trả lại/không chấp nhận" },
		{ UA_OPEN, UA_NONE, 2, "đến nhiệm vụ" },
		{ UA_BACK, UA_QUIT, 1, "đóng" },
		{ UA_NONE, UA_NONE, 0, NULL },
	};

	return ui_may_confirm_some(u) ? confirmer : NULL;
}

const struct ui_view_ops ui_queue_view = {
	.name = "queue",
	.label = "Chờ xác nhận",
	.opens = { UA_QUEUE, UA_NONE },
	.scope = UVS_NONE,
	.open = queue_open,
	.sync = queue_sync,
	.list = queue_list,
	.head = queue_head,
	.row = queue_row,
	.empty = queue_empty,
	.task = queue_selected,
	.words = queue_words,
	.forget = queue_forget,
	.free = queue_free,
	.hints = queue_hints,
};
