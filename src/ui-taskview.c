/* ui-taskview.c — one task in full (Enter on a task): every fact the
 * detail area has to cut — the whole text, the deadline phrase and what
 * it means, every extension and request with its reason and decision,
 * every update with its note and period — as text that wraps to the
 * screen and scrolls like a document's original (ui-source.c draws it). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "deadline.h"
#include "ops.h"
#include "ops-group.h"
#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "util.h"

static int add_ext(const struct extension *x, void *ctx)
{
	struct sbuf *b = ctx;
	char d1[16], d2[16], d3[16];

	sbuf_printf(b, "• %s %s: %s → %s (%s%s)", date_vn(x->day, d1), x->login,
	            date_vn(x->from, d2), date_vn(x->to, d3),
	            ops_ext_state_label((enum ext_state)x->state),
	            x->late ? ", sau khi đã quá hạn" : "");
	if (x->reason && *x->reason)
		sbuf_printf(b, " — lý do: %s", x->reason);
	if (x->decided_by[0]) {
		sbuf_printf(b, "; %s quyết định", x->decided_by);
		if (x->decided != DATE_NONE)
			sbuf_printf(b, " ngày %s", date_vn(x->decided, d1));
		if (x->decision && *x->decision)
			sbuf_printf(b, ": %s", x->decision);
	}
	sbuf_putc(b, '\n');
	return 0;
}

static int add_upd(const struct update *up, void *ctx)
{
	struct sbuf *b = ctx;
	char when[32], d[16];

	sbuf_printf(b, "• %s %s:", ui_fmt_when(up->day, up->time, when, sizeof(when)), up->login);
	if (up->progress >= 0)
		sbuf_printf(b, " %d%%", up->progress);
	if (up->status_after >= 0 && up->status_after != up->status_before)
		sbuf_printf(b, " → %s", st_label((enum task_status)up->status_after));
	if (up->done_on != DATE_NONE)
		sbuf_printf(b, " (xong ngày %s)", date_vn(up->done_on, d));
	if (up->period != DATE_NONE)
		sbuf_printf(b, " · kỳ báo cáo đến %s", date_vn(up->period, d));
	if (up->note && *up->note)
		sbuf_printf(b, "\n    %s", up->note);
	sbuf_putc(b, '\n');
	return 0;
}

/* The task's facts as text, one paragraph a line. */
static void task_text(struct ui *u, struct txn *t, const struct task *tk, struct sbuf *b)
{
	struct doc d;
	struct tl_result r = ui_task_tl(u, tk);
	char buf[256], dbuf[16];
	int i;

	sbuf_printf(b, "Nhiệm vụ #%llu", (unsigned long long)tk->id);
	if (tk->section[0])
		sbuf_printf(b, " · mục %s", tk->section);
	memset(&d, 0, sizeof(d));
	if (tk->doc_id && store_doc_get(t, tk->doc_id, &d, NULL) == 0) {
		sbuf_printf(b, " · văn bản %s", d.number[0] ? d.number : "(không số)");
		if (d.title && *d.title)
			sbuf_printf(b, " — %s", d.title);
		doc_free(&d);
	}
	if (tk->group_open) { /* a container: the roll-up of its obligations */
		size_t total = 0, done = 0;
		ops_group_rollup(t, tk, &total, &done, NULL);
		sbuf_printf(b, "\n\nTrạng thái: %s, %d%% · %s\n",
		            ops_group_label(total, done, buf, sizeof(buf)),
		            ops_group_percent(total, done), OPS_GROUP_TL_LABEL);
	} else {
		sbuf_printf(b, "\n\nTrạng thái: %s", st_label((enum task_status)tk->status));
		if (tk->confirm != CF_NONE)
			sbuf_printf(b, " (%s)", ops_confirm_label((enum confirm_state)tk->confirm));
		sbuf_printf(b, ", %d%% · %s\n", tk->progress, tl_describe(r, buf, sizeof(buf)));
	}
	sbuf_printf(b, "Thời hạn (nguyên văn): %s\n", tk->dl_phrase ? tk->dl_phrase : "(không ghi)");
	sbuf_printf(b, "Nghĩa là: %s\n", dl_describe(&tk->dl, buf, sizeof(buf)));
	if (tk->due != DATE_NONE)
		sbuf_printf(b, "Hạn phải hoàn thành (hoặc báo cáo) hiện nay: %s\n",
		            date_vn(tk->due, dbuf));
	if (tk->extended_to != DATE_NONE)
		sbuf_printf(b, "Đã gia hạn đến: %s\n", date_vn(tk->extended_to, dbuf));
	sbuf_puts(b, "Chủ trì: ");
	ui_task_lead(u, tk, b);
	sbuf_putc(b, '\n');
	if (tk->npartners > 0) {
		sbuf_puts(b, "Phối hợp: ");
		for (i = 0; i < tk->npartners; i++)
			sbuf_printf(b, "%s%s", i ? ", " : "", ui_unit_name(u, tk->partners[i]));
		sbuf_putc(b, '\n');
	} else if (tk->partners_text) {
		sbuf_printf(b, "Phối hợp: %s\n", tk->partners_text);
	}
	sbuf_printf(b, "\nNội dung:\n%s\n", tk->text ? tk->text : "");
	sbuf_puts(b, "\nGia hạn và đề nghị gia hạn:\n");
	{
		size_t before = b->len;

		store_extensions_of_task(t, tk->id, add_ext, b, NULL);
		if (b->len == before)
			sbuf_puts(b, "(không có)\n");
	}
	sbuf_printf(b, "\nCập nhật (%u, mới nhất trước):\n", tk->nupdates);
	if (tk->nupdates)
		store_updates_of_task(t, tk->id, add_upd, b, NULL);
	else
		sbuf_puts(b, "(chưa có cập nhật)\n");
}

int ui_taskview_open(struct ui *u, struct txn *t, uint64_t id, struct err *e)
{
	struct task tk;
	struct sbuf b = { 0 };
	int rc;

	memset(&tk, 0, sizeof(tk));
	rc = store_task_get(t, id, &tk, e);
	if (rc)
		return rc;
	task_text(u, t, &tk, &b);
	task_free(&tk);
	ui_source_free(u);
	u->src.task = id;
	u->src.text = txt_sanitize_nl(b.s ? b.s : "", 1);
	sbuf_free(&b);
	u->view = UI_VIEW_SOURCE;
	return 0;
}
