/* ui-detail.c — the detail area under the panes: the selected task (full
 * text wrapped, section, lead and partners, deadline as written and its
 * meaning, status and confirmation, timeliness, the latest periods of a
 * recurring task, what lint finds, the latest updates), or the selected document or unit when their pane has
 * the focus; in a list view, what its selected row is about.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "deadline.h"
#include "hier.h"
#include "lint.h"
#include "ops-group.h"
#include "period.h"
#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "util.h"

#define MAX_UPDATES 3
/* A detail area of fewer rows (9 at 80x24) shows one update. */
#define SHORT_ROWS 12
/* The preview's line of section, document and deadline: the columns of
 * its first two cells ("Mục III.2.6#1", "văn bản 15-CTr/TU"). */

struct upd_ctx {
	struct ui_lines *out;
	int left;
	attr_t a;
};

static int add_update(const struct update *up, void *ctx)
{
	struct upd_ctx *c = ctx;
	struct sbuf b = { 0 };
	char when[32];

	if (c->left-- <= 0)
		return 1;
	sbuf_printf(&b, "• %s %s:", ui_fmt_when(up->day, up->time, when, sizeof(when)),
	            up->login);
	if (up->progress >= 0)
		sbuf_printf(&b, " %d%%", up->progress);
	if (up->status_after >= 0 && up->status_after != up->status_before)
		sbuf_printf(&b, " → %s", st_label((enum task_status)up->status_after));
	if (up->note && *up->note)
		sbuf_printf(&b, " — %s", up->note);
	ui_lines_add(c->out, b.s, c->a);
	sbuf_free(&b);
	return 0;
}

/* "Rà soát: không có thời hạn; ..." for a task that breaks lint rules. */
static void lint_line(struct ui *u, const struct task *tk, struct ui_lines *l)
{
	unsigned m = lint_task(tk, u->ops->today, &u->ops->cfg->periods);
	struct sbuf b = { 0 };
	char buf[256];
	int r, first = 1;

	if (!m)
		return;
	sbuf_printf(&b, "%s Rà soát: ", ui_lint_marker(u, tk));
	for (r = 0; r < LINT_COUNT; r++)
		if (m & (1u << r)) {
			sbuf_printf(&b, "%s%s", first ? "" : "; ",
			            lint_detail(tk, (enum lint_rule)r, u->ops->today,
			                        &u->ops->cfg->periods, buf, sizeof(buf)));
			first = 0;
		}
	ui_lines_add(l, b.s, ui_attr(u, UC_WAIT));
	sbuf_free(&b);
}

/* "Kỳ báo cáo: năm 2025 báo cáo muộn 5 ngày · năm 2026 chưa báo cáo · ..."
 * for a recurring task: its latest periods and their state (period.h). */
static void periods_line(struct ui *u, struct txn *t, const struct task *tk, struct ui_lines *l)
{
	struct per_task pt;
	struct per_log log = {0};
	struct per_period v[4];
	struct sbuf b = {0};
	char name[48];
	size_t n;

	if (!per_recurring_part(&tk->dl) ||
	    per_task_load(t, tk, &u->ops->cfg->periods, &pt, &log, NULL) != 0)
		return;
	n = per_periods(&pt, &log, u->ops->today, v, 4);
	per_log_free(&log);
	if (!n)
		return;
	sbuf_puts(&b, "Kỳ báo cáo:");
	for (size_t i = 0; i < n; i++) {
		sbuf_printf(&b, "%s %s ", i ? " ·" : "", per_name(&pt, v[i].report, name, sizeof(name)));
		if (v[i].state == PER_LATE)
			sbuf_printf(&b, "báo cáo muộn %d ngày", v[i].late);
		else
			sbuf_puts(&b, per_state_label(v[i].state));
	}
	ui_lines_add(l, b.s, A_NORMAL);
	sbuf_free(&b);
}

void ui_detail_task(struct ui *u, struct txn *t, uint64_t id, struct ui_lines *l, int cols,
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
		ui_lines_add(l, "Chưa chọn nhiệm vụ.", ui_attr(u, UC_MUTED));
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
	ui_lines_add(l, b.s, A_BOLD);

	r = ui_task_tl(u, &tk);
	sbuf_reset(&b);
	if (tk.group_open) { /* a container: the roll-up of its obligations */
		size_t total = 0, done = 0;
		ops_group_rollup(t, &tk, &total, &done, NULL);
		sbuf_printf(&b, "Trạng thái: %s, %d%% · %s",
		            ops_group_label(total, done, buf, sizeof(buf)),
		            ops_group_percent(total, done), OPS_GROUP_TL_LABEL);
		ui_lines_add(l, b.s, A_NORMAL);
	} else {
		sbuf_printf(&b, "Trạng thái: %s", st_label((enum task_status)tk.status));
		if (tk.confirm != CF_NONE)
			sbuf_printf(&b, " (%s)", ops_confirm_label((enum confirm_state)tk.confirm));
		/* the symbol of the list's column, but not its blank cell */
		sbuf_printf(&b, ", %d%% · ", tk.progress);
		if (strcmp(tl_symbol(r.tl), " ") != 0)
			sbuf_printf(&b, "%s ", tl_symbol(r.tl));
		sbuf_puts(&b, tl_describe(r, buf, sizeof(buf)));
		if (tk.confirm == CF_PENDING && ui_may_confirm_some(u))
			sbuf_puts(&b, " · x: xác nhận, T: trả lại");
		ui_lines_add(l, b.s, ui_attr(u, ui_tl_color(r.tl)));
	}

	sbuf_reset(&b);
	sbuf_printf(&b, "Thời hạn: %s%s%s — %s", tk.dl_phrase ? "«" : "",
	            tk.dl_phrase ? tk.dl_phrase : "(không ghi)", tk.dl_phrase ? "»" : "",
	            dl_describe(&tk.dl, buf, sizeof(buf)));
	if (tk.extended_to != DATE_NONE)
		sbuf_printf(&b, "; gia hạn đến %s", date_vn(tk.extended_to, dbuf));
	ui_lines_add(l, b.s, A_NORMAL);
	periods_line(u, t, &tk, l);

	sbuf_reset(&b);
	sbuf_puts(&b, "Chủ trì: ");
	ui_task_lead(u, &tk, &b);
	if (tk.npartners > 0 || tk.partners_text) {
		int i;

		sbuf_puts(&b, " · Phối hợp: ");
		if (tk.npartners > 0)
			for (i = 0; i < tk.npartners; i++)
				sbuf_printf(&b, "%s%s", i ? ", " : "", ui_unit_name(u, tk.partners[i]));
		else
			sbuf_puts(&b, tk.partners_text);
	}
	ui_lines_add(l, b.s, A_NORMAL);
	lint_line(u, &tk, l);

	/* The whole text first (the row cuts it), then the latest updates
	 * in the rows left: one at least, more where the area has room (a
	 * short area shows the latest only: each line of a note is new
	 * text on the wire at every move; Enter shows them all). */
	fixed = (int)l->n + 1;
	ui_lines_wrap(l, tk.text ? tk.text : "", cols, rows - fixed > 1 ? rows - fixed : 1,
	              A_NORMAL);
	if (tk.nupdates) {
		int room = rows - (int)l->n;
		struct upd_ctx c = { l, rows < SHORT_ROWS ? 1 : MAX_UPDATES, ui_attr(u, UC_MUTED) };

		if (room < c.left)
			c.left = room > 1 ? room : 1;
		store_updates_of_task(t, tk.id, add_update, &c, NULL);
	} else {
		ui_lines_add(l, "(chưa có cập nhật)", ui_attr(u, UC_MUTED));
	}
	sbuf_free(&b);
	task_free(&tk);
}

static void doc_lines(struct ui *u, struct txn *t, uint64_t id, struct ui_lines *l, int cols,
                      int rows)
{
	struct doc d;
	struct sbuf b = { 0 };
	char dbuf[16];
	int i;

	memset(&d, 0, sizeof(d));
	if (!id || store_doc_get(t, id, &d, NULL) != 0) {
		ui_lines_add(l, "Chưa chọn văn bản.", ui_attr(u, UC_MUTED));
		return;
	}
	sbuf_printf(&b, "Văn bản %s", d.number[0] ? d.number : "(không số)");
	if (d.date != DATE_NONE)
		sbuf_printf(&b, " ngày %s", date_vn(d.date, dbuf));
	ui_lines_add(l, b.s, A_BOLD);
	sbuf_reset(&b);
	sbuf_printf(&b, "Cơ quan ban hành: %s",
	            d.issuer ? ui_unit_name(u, d.issuer)
	                     : d.issuer_text ? d.issuer_text : "(chưa xác định)");
	if (d.signer)
		sbuf_printf(&b, " · người ký: %s", d.signer);
	ui_lines_add(l, b.s, A_NORMAL);
	if (d.nimplements > 0) {
		sbuf_reset(&b);
		sbuf_puts(&b, "Thực hiện: ");
		for (i = 0; i < d.nimplements; i++)
			sbuf_printf(&b, "%s%s", i ? ", " : "", d.implements[i]);
		ui_lines_add(l, b.s, A_NORMAL);
	}
	if (d.plan_due != DATE_NONE) {
		sbuf_reset(&b);
		sbuf_printf(&b, "Cấp dưới ban hành kế hoạch thực hiện trước: %s",
		            date_vn(d.plan_due, dbuf));
		ui_lines_add(l, b.s, A_NORMAL);
	}
	if (d.source)
		ui_lines_add(l, "Có nguyên văn: nhấn v để xem.", ui_attr(u, UC_MUTED));
	ui_lines_wrap(l, d.title ? d.title : "", cols, rows - (int)l->n, A_NORMAL);
	sbuf_free(&b);
	doc_free(&d);
}

static void unit_lines(struct ui *u, struct txn *t, uint32_t id, struct ui_lines *l)
{
	const struct unit *un = id ? hier_unit(u->units.h, id) : NULL;
	struct store_counts sc;
	struct sbuf b = { 0 };

	if (!un && ui_units_nolead(u)) { /* the row after the tree */
		sbuf_printf(&b, "Nhiệm vụ chưa xác định đơn vị chủ trì (không thuộc đơn vị nào): %llu; "
		            "quá hạn %llu", (unsigned long long)u->units.rest_total,
		            (unsigned long long)u->units.rest_overdue);
		ui_lines_add(l, b.s, u->units.rest_overdue ? ui_attr(u, UC_OVERDUE) : A_BOLD);
		ui_lines_add(l, "Enter: xem các nhiệm vụ · U: gắn tên đơn vị như văn bản ghi",
		             ui_attr(u, UC_MUTED));
		sbuf_free(&b);
		return;
	}
	if (!un) {
		ui_lines_add(l, "Chưa chọn đơn vị.", ui_attr(u, UC_MUTED));
		return;
	}
	/* On a short screen, where the tree has the width and shows the
	 * name whole, the name is not sent again at every move: the kind
	 * and the code only. */
	if (u->lo.rows < UI_SHORT_ROWS && ui_units_name_shown(u))
		sbuf_printf(&b, "(%s, mã %s)%s", unit_kind_label((enum unit_kind)un->kind), un->code,
		            un->historical ? " — đơn vị lịch sử" : "");
	else
		sbuf_printf(&b, "%s (%s, mã %s)%s", un->name ? un->name : "",
		            unit_kind_label((enum unit_kind)un->kind), un->code,
		            un->historical ? " — đơn vị lịch sử" : "");
	ui_lines_add(l, b.s, A_BOLD);
	/* Light on the wire: the figures first, each right-aligned in a cell
	 * of its own after a label that keeps its column from unit to unit,
	 * so that a move sends the digits that changed (the tree's row has
	 * the overdue figure in colour); then the hint, the
	 * same for every unit; the abbreviations, of varying length, last. */
	memset(&sc, 0, sizeof(sc));
	if (store_unit_counts(t, id, u->ops->today, u->ops->cfg->soon_days, &sc, NULL) == 0) {
		sbuf_reset(&b);
		sbuf_printf(&b, "Nhiệm vụ của đơn vị và cấp dưới: %7llu · đang mở %7llu · đã đóng %7llu",
		            (unsigned long long)sc.total, (unsigned long long)sc.open,
		            (unsigned long long)sc.closed);
		ui_lines_add(l, b.s, A_NORMAL);
		sbuf_reset(&b);
		sbuf_printf(&b, "Quá hạn %7llu · sắp đến hạn (%d ngày) %7llu",
		            (unsigned long long)sc.overdue, u->ops->cfg->soon_days,
		            (unsigned long long)sc.soon);
		ui_lines_add(l, b.s, A_NORMAL); /* one colour: a change would resend it */
	}
	ui_lines_add(l, "o: quá hạn · d: sắp đến hạn · t: mọi nhiệm vụ do đơn vị chủ trì",
	    ui_attr(u, UC_MUTED));
	if (un->abbrevs) {
		sbuf_reset(&b);
		sbuf_printf(&b, "Tên viết tắt: %s", un->abbrevs);
		ui_lines_add(l, b.s, A_NORMAL);
	}
	sbuf_free(&b);
}

/* Lines wider than `cols` are cut; when the area of `rows` rows has rows
 * to spare, wrap them instead, top line first, each over as many rows as
 * are left (the last one cut), so that nothing is cut while rows stay
 * empty. */
static void wrap_if_room(struct ui_lines *l, int cols, int rows)
{
	struct ui_lines w = { 0 };
	size_t i;
	int spare = rows - (int)l->n, cut = 0;

	for (i = 0; i < l->n; i++)
		cut |= txt_width(l->s[i]) > cols;
	if (!cut || spare <= 0)
		return;
	for (i = 0; i < l->n; i++) {
		int n = txt_width(l->s[i]) > cols ? txt_wrap(l->s[i], cols, NULL, NULL) : 1;

		if (n > 1 && spare > 0) {
			n = n - 1 < spare ? n : spare + 1;
			spare -= n - 1;
			ui_lines_wrap(&w, l->s[i], cols, n, l->a[i]);
		} else {
			ui_lines_add(&w, l->s[i], l->a[i]);
		}
	}
	ui_lines_free(l);
	*l = w;
}

void ui_detail_draw(struct ui *u, struct txn *t)
{
	const struct ui_layout *lo = &u->lo;
	struct ui_lines l = { 0 };
	const char *title = " Chi tiết nhiệm vụ ";
	int r, cols = lo->cols - 2, rows = lo->detail_h;

	if (ui_preview_on(u)) {
		ui_preview_draw(u, t); /* a short screen (ui-preview.c) */
		return;
	}
	if (u->view == UI_VIEW_PANES) {
		if (u->focus == UI_UNITS) {
			title = " Đơn vị ";
			unit_lines(u, t, ui_units_selected(u), &l);
		} else if (u->focus == UI_DOCS) {
			title = " Chi tiết văn bản ";
			doc_lines(u, t, ui_docs_selected(u), &l, cols, rows);
		} else {
			/* The area shows what fits; Enter, everything (the title
			 * says so once: it never changes, so it costs no bytes
			 * on a move).  On a short screen V brought it back. */
			title = lo->rows < UI_SHORT_ROWS
			            ? " Chi tiết nhiệm vụ · Enter: xem đầy đủ · V: xem nhanh "
			            : " Chi tiết nhiệm vụ · Enter: xem đầy đủ ";
			ui_detail_task(u, t, ui_tasks_selected(u), &l, cols, rows);
		}
	} else {
		ui_view_detail(u, t, &l, cols, rows, &title); /* the list views (ui-view.h) */
	}
	wrap_if_room(&l, cols, rows);
	ui_hline(lo->detail_y, 0, lo->cols);
	ui_put_cut(lo->detail_y, 2, lo->cols - 4, title, A_BOLD);
	for (r = 0; r < rows; r++) {
		int y = lo->detail_y + 1 + r;

		/* Blank in the plain attribute and the text unpadded: the rest
		 * of a line is then cleared with one erase-to-end-of-line, not
		 * rewritten as coloured spaces. */
		ui_blank(y, 0, lo->cols, A_NORMAL);
		if ((size_t)r < l.n)
			ui_put_cut(y, 1, cols, l.s[r], l.a[r]);
	}
	ui_lines_free(&l);
}
