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

void ui_queue_free(struct ui *u)
{
	free(u->queue.ids);
	free(u->queue.exts);
	memset(&u->queue, 0, sizeof(u->queue));
}

void ui_queue_open(struct ui *u)
{
	ui_queue_free(u);
	u->queue.all = !ui_may_confirm_some(u);
	if (!u->ops->cfg->confirm_done)
		ui_msg(u, 0, "Cấu hình không bật xác nhận hoàn thành ([access] confirm_done = no): "
		             "hàng chờ chỉ còn các báo cáo cũ, nếu có.");
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

int ui_queue_sync(struct ui *u, struct txn *t, struct err *e)
{
	struct ui_queue *q = &u->queue;
	struct ui_ids ids = { 0 };
	struct reqs r = { { 0 }, { 0 } };
	uint64_t keep = ui_queue_selected(u), keep_ext = ui_queue_selected_ext(u);
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

uint64_t ui_queue_selected(const struct ui *u)
{
	const struct ui_queue *q = &u->queue;

	return q->built && q->l.sel < q->l.n ? q->ids[q->l.sel] : 0;
}

uint64_t ui_queue_selected_ext(const struct ui *u)
{
	const struct ui_queue *q = &u->queue;

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

static void doc_number(struct txn *t, uint64_t doc, char *buf, size_t len)
{
	struct doc d;

	buf[0] = '\0';
	memset(&d, 0, sizeof(d));
	if (doc && store_doc_get(t, doc, &d, NULL) == 0) {
		str_copy(buf, d.number[0] ? d.number : "(không số)", len);
		doc_free(&d);
	}
}

void ui_queue_draw(struct ui *u, struct txn *t)
{
	struct ui_queue *q = &u->queue;
	const struct ui_layout *lo = &u->lo;
	int page = ui_view_page(u), r, cols = lo->cols - 2;
	const char *head[5] = { "Báo ngày", "Mã", "Chủ trì", "Văn bản", "Nội dung" };
	int widths[5] = { 10, 7, 24, 13, 0 };
	struct sbuf title = { 0 }, hb = { 0 }, row = { 0 };

	if (cols < 100) {
		widths[2] = 16;
		widths[3] = 10;
	}
	sbuf_printf(&title, " Chờ xác nhận hoàn thành — %s: %zu nhiệm vụ",
	            q->all ? "mọi đơn vị" : "đơn vị bạn theo dõi", q->nclaims);
	if (q->l.n > q->nclaims)
		sbuf_printf(&title, " · đề nghị gia hạn: %zu", q->l.n - q->nclaims);
	sbuf_printf(&title, "%s ", q->all ? " (chỉ xem: vai trò của bạn không xác nhận được)" : "");
	ui_fmt_cells(&hb, head, widths, 5, cols);
	ui_view_head(u, title.s, hb.s);
	for (r = 0; r < page; r++) {
		size_t i = q->l.top + (size_t)r;
		int y = lo->pane_y + 2 + r;
		struct task tk;
		const char *cells[5];
		char day[16] = "", id[24], num[DOCNUM_LEN], *lead, *text;
		attr_t a = i == q->l.sel ? ui_attr(u, UC_SEL) : A_NORMAL;

		ui_blank(y, 0, lo->cols, A_NORMAL);
		if (i >= q->l.n)
			continue;
		memset(&tk, 0, sizeof(tk));
		if (store_task_get(t, q->ids[i], &tk, NULL) != 0)
			continue;
		if (q->exts[i] == 0 && tk.done_date != DATE_NONE)
			date_vn(tk.done_date, day);
		snprintf(id, sizeof(id), "#%llu", (unsigned long long)tk.id);
		doc_number(t, tk.doc_id, num, sizeof(num));
		lead = txt_sanitize(tk.lead ? ui_unit_name(u, tk.lead)
		                            : tk.lead_text ? tk.lead_text : "");
		text = q->exts[i] ? request_text(t, q->exts[i], &tk, day) : NULL;
		if (!text)
			text = txt_sanitize(tk.text ? tk.text : "");
		cells[0] = day;
		cells[1] = id;
		cells[2] = lead;
		cells[3] = num;
		cells[4] = text;
		sbuf_reset(&row);
		ui_fmt_cells_from(&row, cells, widths, 5, cols, u->hskip, &u->hroom);
		ui_put(y, 0, 2, q->exts[i] ? "+" : tk.confirm == CF_PENDING ? "?" : " ", a);
		ui_put(y, 2, cols, row.s, a);
		free(lead);
		free(text);
		task_free(&tk);
	}
	if (q->l.n == 0 && q->built)
		ui_put(lo->pane_y + 2, 2, cols,
		       "Không có nhiệm vụ nào chờ xác nhận, không có đề nghị gia hạn nào chờ quyết định.",
		       ui_attr(u, UC_MUTED));
	sbuf_free(&title);
	sbuf_free(&hb);
	sbuf_free(&row);
}
