/* ui-detail.c — the detail area under the panes: the selected task (full
 * text wrapped, section, lead and partners, deadline as written and its
 * meaning, status, timeliness, the latest updates), or the selected
 * document or unit when their pane has the focus.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "deadline.h"
#include "hier.h"
#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "util.h"

#define MAX_UPDATES 3

/* Lines to draw, each with its attribute; the text is owned. */
struct lines {
	char **s;
	attr_t *a;
	size_t n, cap;
};

static void add(struct lines *l, const char *s, attr_t a)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->s = xrealloc(l->s, l->cap * sizeof(*l->s));
		l->a = xrealloc(l->a, l->cap * sizeof(*l->a));
	}
	l->s[l->n] = txt_sanitize(s);
	l->a[l->n++] = a;
}

static void free_lines(struct lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->s[i]);
	free(l->s);
	free(l->a);
}

struct wrap_ctx {
	struct lines *out;
	attr_t a;
	int max; /* lines still allowed */
};

static int wrap_line(const char *line, size_t len, void *ctx)
{
	struct wrap_ctx *w = ctx;
	char *s;

	if (w->max <= 0)
		return 1;
	s = xstrndup(line, len);
	add(w->out, s, w->a);
	free(s);
	return --w->max <= 0;
}

/* Wrap text into at most max lines of width cols; the last one shown ends
 * in "…" when text was left out. */
static void add_wrapped(struct lines *l, const char *text, int cols, int max, attr_t a)
{
	struct wrap_ctx w = { l, a, max };
	int total;

	if (max <= 0)
		return;
	total = txt_wrap(text, cols, NULL, NULL);
	txt_wrap(text, cols, wrap_line, &w);
	if (total > max && l->n) {
		struct sbuf b = { 0 };
		char *cut = txt_trunc(l->s[l->n - 1], cols - 1);

		sbuf_printf(&b, "%s…", cut);
		free(cut);
		free(l->s[l->n - 1]);
		l->s[l->n - 1] = sbuf_detach(&b);
	}
}

struct upd_ctx {
	struct lines *out;
	int left;
	attr_t a;
};

static int add_update(const struct update *up, void *ctx)
{
	struct upd_ctx *c = ctx;
	struct sbuf b = { 0 };
	char when[32] = "";
	time_t tt = (time_t)up->time;
	struct tm tm;

	if (c->left-- <= 0)
		return 1;
	if (localtime_r(&tt, &tm))
		strftime(when, sizeof(when), "%d/%m/%Y %H:%M", &tm);
	sbuf_printf(&b, "• %s %s:", when, up->login);
	if (up->progress >= 0)
		sbuf_printf(&b, " %d%%", up->progress);
	if (up->status_after >= 0 && up->status_after != up->status_before)
		sbuf_printf(&b, " → %s", st_label((enum task_status)up->status_after));
	if (up->note && *up->note)
		sbuf_printf(&b, " — %s", up->note);
	add(c->out, b.s, c->a);
	sbuf_free(&b);
	return 0;
}

static void task_lines(struct ui *u, struct txn *t, uint64_t id, struct lines *l, int cols,
                       int rows)
{
	struct task tk;
	struct doc d;
	struct tl_result r;
	struct sbuf b = { 0 };
	char buf[256], dbuf[16];
	int fixed;

	memset(&tk, 0, sizeof(tk));
	if (!id || store_task_get(t, id, &tk, NULL) != 0) {
		add(l, "Chưa chọn nhiệm vụ.", ui_attr(u, UC_MUTED));
		return;
	}
	memset(&d, 0, sizeof(d));
	sbuf_printf(&b, "Nhiệm vụ #%llu", (unsigned long long)tk.id);
	if (tk.section[0])
		sbuf_printf(&b, " · mục %s", tk.section);
	if (tk.doc_id && store_doc_get(t, tk.doc_id, &d, NULL) == 0) {
		sbuf_printf(&b, " · văn bản %s", d.number[0] ? d.number : "(không số)");
		doc_free(&d);
	}
	add(l, b.s, A_BOLD);

	r = ui_task_tl(u, &tk);
	sbuf_reset(&b);
	sbuf_printf(&b, "Trạng thái: %s, %d%% · %s %s", st_label((enum task_status)tk.status),
	            tk.progress, tl_symbol(r.tl), tl_describe(r, buf, sizeof(buf)));
	add(l, b.s, ui_attr(u, ui_tl_color(r.tl)));

	sbuf_reset(&b);
	sbuf_printf(&b, "Thời hạn: %s%s%s — %s", tk.dl_phrase ? "«" : "",
	            tk.dl_phrase ? tk.dl_phrase : "(không ghi)", tk.dl_phrase ? "»" : "",
	            dl_describe(&tk.dl, buf, sizeof(buf)));
	if (tk.extended_to != DATE_NONE)
		sbuf_printf(&b, "; gia hạn đến %s", date_vn(tk.extended_to, dbuf));
	add(l, b.s, A_NORMAL);

	sbuf_reset(&b);
	sbuf_printf(&b, "Chủ trì: %s",
	            tk.lead ? ui_unit_name(u, tk.lead)
	                    : tk.lead_text ? tk.lead_text : "(chưa xác định)");
	if (tk.npartners > 0 || tk.partners_text) {
		int i;

		sbuf_puts(&b, " · Phối hợp: ");
		if (tk.npartners > 0)
			for (i = 0; i < tk.npartners; i++)
				sbuf_printf(&b, "%s%s", i ? ", " : "", ui_unit_name(u, tk.partners[i]));
		else
			sbuf_puts(&b, tk.partners_text);
	}
	add(l, b.s, A_NORMAL);

	/* The text gets what is left after the fixed lines and the updates. */
	fixed = (int)l->n + (tk.nupdates ? (int)(tk.nupdates < MAX_UPDATES ? tk.nupdates
	                                                                    : MAX_UPDATES) : 1);
	add_wrapped(l, tk.text ? tk.text : "", cols, rows - fixed > 1 ? rows - fixed : 1,
	            A_NORMAL);
	if (tk.nupdates) {
		struct upd_ctx c = { l, MAX_UPDATES, ui_attr(u, UC_MUTED) };

		store_updates_of_task(t, tk.id, add_update, &c, NULL);
	} else {
		add(l, "(chưa có cập nhật)", ui_attr(u, UC_MUTED));
	}
	sbuf_free(&b);
	task_free(&tk);
}

static void doc_lines(struct ui *u, struct txn *t, uint64_t id, struct lines *l, int cols,
                      int rows)
{
	struct doc d;
	struct sbuf b = { 0 };
	char dbuf[16];
	int i;

	memset(&d, 0, sizeof(d));
	if (!id || store_doc_get(t, id, &d, NULL) != 0) {
		add(l, "Chưa chọn văn bản.", ui_attr(u, UC_MUTED));
		return;
	}
	sbuf_printf(&b, "Văn bản %s", d.number[0] ? d.number : "(không số)");
	if (d.date != DATE_NONE)
		sbuf_printf(&b, " ngày %s", date_vn(d.date, dbuf));
	add(l, b.s, A_BOLD);
	sbuf_reset(&b);
	sbuf_printf(&b, "Cơ quan ban hành: %s",
	            d.issuer ? ui_unit_name(u, d.issuer)
	                     : d.issuer_text ? d.issuer_text : "(chưa xác định)");
	if (d.signer)
		sbuf_printf(&b, " · người ký: %s", d.signer);
	add(l, b.s, A_NORMAL);
	if (d.nimplements > 0) {
		sbuf_reset(&b);
		sbuf_puts(&b, "Thực hiện: ");
		for (i = 0; i < d.nimplements; i++)
			sbuf_printf(&b, "%s%s", i ? ", " : "", d.implements[i]);
		add(l, b.s, A_NORMAL);
	}
	if (d.plan_due != DATE_NONE) {
		sbuf_reset(&b);
		sbuf_printf(&b, "Cấp dưới ban hành kế hoạch thực hiện trước: %s",
		            date_vn(d.plan_due, dbuf));
		add(l, b.s, A_NORMAL);
	}
	if (d.source)
		add(l, "Có nguyên văn: nhấn v để xem.", ui_attr(u, UC_MUTED));
	add_wrapped(l, d.title ? d.title : "", cols, rows - (int)l->n, A_NORMAL);
	sbuf_free(&b);
	doc_free(&d);
}

static void unit_lines(struct ui *u, struct txn *t, uint32_t id, struct lines *l)
{
	const struct unit *un = id ? hier_unit(u->units.h, id) : NULL;
	struct store_counts sc;
	struct sbuf b = { 0 };

	if (!un) {
		add(l, "Chưa chọn đơn vị.", ui_attr(u, UC_MUTED));
		return;
	}
	sbuf_printf(&b, "%s (%s, mã %s)%s", un->name ? un->name : "",
	            unit_kind_label((enum unit_kind)un->kind), un->code,
	            un->historical ? " — đơn vị lịch sử" : "");
	add(l, b.s, A_BOLD);
	if (un->abbrevs) {
		sbuf_reset(&b);
		sbuf_printf(&b, "Tên viết tắt: %s", un->abbrevs);
		add(l, b.s, A_NORMAL);
	}
	memset(&sc, 0, sizeof(sc));
	if (store_unit_counts(t, id, u->ops->today, u->ops->cfg->soon_days, &sc, NULL) == 0) {
		sbuf_reset(&b);
		sbuf_printf(&b, "Đơn vị và cấp dưới: %llu nhiệm vụ; đang mở %llu; quá hạn %llu; "
		            "sắp đến hạn (%d ngày) %llu; đã đóng %llu",
		            (unsigned long long)sc.total, (unsigned long long)sc.open,
		            (unsigned long long)sc.overdue, u->ops->cfg->soon_days,
		            (unsigned long long)sc.soon, (unsigned long long)sc.closed);
		add(l, b.s, sc.overdue ? ui_attr(u, UC_OVERDUE) : A_NORMAL);
	}
	add(l, "o: quá hạn · d: sắp đến hạn · t: mọi nhiệm vụ do đơn vị chủ trì",
	    ui_attr(u, UC_MUTED));
	sbuf_free(&b);
}

void ui_detail_draw(struct ui *u, struct txn *t)
{
	const struct ui_layout *lo = &u->lo;
	struct lines l = { 0 };
	const char *title;
	int r, cols = lo->cols - 2;

	if (u->view == UI_VIEW_DUE) {
		title = " Chi tiết nhiệm vụ ";
		task_lines(u, t, ui_due_selected(u), &l, cols, lo->detail_h);
	} else if (u->focus == UI_UNITS) {
		title = " Đơn vị ";
		unit_lines(u, t, ui_units_selected(u), &l);
	} else if (u->focus == UI_DOCS) {
		title = " Chi tiết văn bản ";
		doc_lines(u, t, ui_docs_selected(u), &l, cols, lo->detail_h);
	} else {
		title = " Chi tiết nhiệm vụ ";
		task_lines(u, t, ui_tasks_selected(u), &l, cols, lo->detail_h);
	}
	ui_hline(lo->detail_y, 0, lo->cols);
	ui_put_cut(lo->detail_y, 2, lo->cols - 4, title, A_BOLD);
	for (r = 0; r < lo->detail_h; r++) {
		int y = lo->detail_y + 1 + r;

		ui_blank(y, 0, lo->cols, A_NORMAL);
		if ((size_t)r < l.n)
			ui_put(y, 1, cols, l.s[r], l.a[r]);
	}
	free_lines(&l);
}
