/* ui-queue.c — the confirmation queue (`p`): tasks a unit reported done
 * that wait (chờ xác nhận) for the monitoring office to confirm them (x)
 * or return them with a reason (T, thực hiện lại).  A user who confirms
 * (of a monitoring office of [access] monitors, or an admin) sees the
 * claims they may confirm; anyone else sees every claim, read only.  Enter shows the task
 * in its panes.
 *
 * The store keeps no index of claims: ops_pending_each reads every task
 * once, when the view opens and when the store changes while it is open.
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

int ui_queue_sync(struct ui *u, struct txn *t, struct err *e)
{
	struct ui_queue *q = &u->queue;
	struct ui_ids ids = { 0 };
	uint64_t keep = ui_queue_selected(u);
	size_t i;
	int rc;

	(void)t;
	if (q->built)
		return 0;
	rc = ops_pending_each(u->ops, !q->all, push_task, &ids, e);
	if (rc) {
		free(ids.v);
		return rc;
	}
	free(q->ids);
	q->ids = ids.v;
	q->l.n = ids.n;
	q->built = 1;
	for (i = 0; keep && i < ids.n; i++)
		if (ids.v[i] == keep) {
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
	sbuf_printf(&title, " Chờ xác nhận hoàn thành — %s: %zu nhiệm vụ%s ",
	            q->all ? "mọi đơn vị" : "đơn vị bạn theo dõi", q->l.n,
	            q->all ? " (chỉ xem: vai trò của bạn không xác nhận được)" : "");
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
		if (tk.done_date != DATE_NONE)
			date_vn(tk.done_date, day);
		snprintf(id, sizeof(id), "#%llu", (unsigned long long)tk.id);
		doc_number(t, tk.doc_id, num, sizeof(num));
		lead = txt_sanitize(tk.lead ? ui_unit_name(u, tk.lead)
		                            : tk.lead_text ? tk.lead_text : "");
		text = txt_sanitize(tk.text ? tk.text : "");
		cells[0] = day;
		cells[1] = id;
		cells[2] = lead;
		cells[3] = num;
		cells[4] = text;
		sbuf_reset(&row);
		ui_fmt_cells(&row, cells, widths, 5, cols);
		ui_put(y, 0, 2, tk.confirm == CF_PENDING ? "?" : " ", a);
		ui_put(y, 2, cols, row.s, a);
		free(lead);
		free(text);
		task_free(&tk);
	}
	if (q->l.n == 0 && q->built)
		ui_put(lo->pane_y + 2, 2, cols, "Không có nhiệm vụ nào chờ xác nhận.",
		       ui_attr(u, UC_MUTED));
	sbuf_free(&title);
	sbuf_free(&hb);
	sbuf_free(&row);
}
