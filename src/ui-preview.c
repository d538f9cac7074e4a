/* ui-preview.c — the preview under a list of tasks on a short screen.
 *
 * Below UI_SHORT_ROWS rows (80x24) a detail area that rewrote the task's
 * facts, its whole text and its latest update at every move could not
 * stay within the wire budget once the list scrolls.  There the tasks
 * pane, when it has the focus, gives the list the height and keeps under
 * it only what the selected row cannot show: one line of facts (the
 * timeliness in words, the status or the confirmation, the deadline as
 * written, an extension, the lead's full name) in cells that keep their
 * columns from task to task, so that curses leaves alone what two tasks
 * share, then the part of the text that the row cut, wrapped.  Under a
 * list shorter than the pane the lead and partners have a line of their
 * own and the text every row down to the message line.  Enter shows the
 * task in full; V brings the detail area back for the session.  The
 * overdue and due-soon views (ui-overdue.c) keep the same preview under
 * their rows, which show the unit and document as well.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "ops-group.h"
#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "util.h"

/* The facts line: the status in a cell of this width, then the deadline
 * and the lead, then the timeliness against the right edge. */
#define STATUS_COLS 14

int ui_preview_on(const struct ui *u)
{
	if (u->lo.rows >= UI_SHORT_ROWS || u->detail_full || u->small)
		return 0;
	/* the focused tasks pane, and the overdue and due-soon view */
	return u->view == UI_VIEW_PANES ? u->focus == UI_TASKS : u->view == UI_VIEW_DUE;
}

int ui_preview_layout(struct ui *u)
{
	int before = u->lo.pane_h;

	if (!ui_preview_on(u))
		return 0;
	if (u->view != UI_VIEW_PANES) {
		/* a view: its heading row, then its rows */
		const struct ui_list *l = ui_view_list(u);

		ui_layout_preview(&u->lo, (l && l->n ? l->n : 1) + 1, UI_PREVIEW_ROWS);
		return u->lo.pane_h != before;
	}
	/* The list alone (the panes left of it folded) has the rows it
	 * needs and the preview what it leaves; beside the tree and the
	 * documents it has them all, so that they are not cut short. */
	ui_layout_preview(&u->lo,
	                  u->lo.pane_w[UI_UNITS] > 0 || u->lo.pane_w[UI_DOCS] > 0 ? SIZE_MAX
	                                                                          : u->tasks.l.n,
	                  UI_PREVIEW_ROWS);
	return u->lo.pane_h != before;
}

/* The status cell: the status in words, or for a task reported done the
 * confirmation it waits for or got (the timeliness says it is done). */
static const char *status_words(const struct task *tk)
{
	if (tk->status == ST_DONE && (tk->confirm == CF_PENDING || tk->confirm == CF_CONFIRMED))
		return ops_confirm_label((enum confirm_state)tk->confirm);
	return st_label((enum task_status)tk->status);
}

/* The middle of the facts line into mid, in room columns: "«deadline as
 * written» · gia hạn đến dd/mm/yyyy · lead" (the lead only when
 * with_lead), what gives way first left out or cut (see facts_line). */
static void mid_fit(struct ui *u, const struct task *tk, int with_lead, int room, char *day,
                    struct sbuf *mid)
{
	struct sbuf lb = { 0 };
	const char *lead = NULL;
	char ext[48] = "";
	int lw, ew, left;

	if (with_lead && tk->group_open && tk->lead_text)
		lead = tk->lead_text; /* "nhiệm vụ chung" before it says the rest */
	else if (with_lead) {
		ui_task_lead(u, tk, &lb);
		lead = lb.s;
	}
	lw = lead ? txt_width(lead) : 0;

	if (tk->extended_to != DATE_NONE)
		snprintf(ext, sizeof(ext), "gia hạn đến %s", date_vn(tk->extended_to, day));
	ew = txt_width(ext);
	/* the lead's room first, then the extension's, then the phrase's */
	left = room - lw;
	if (ew && left < ew + (lead ? 3 : 0)) {
		ext[0] = '\0';
		ew = 0;
	}
	left -= ew ? ew + (lead ? 3 : 0) : 0;
	if (tk->dl_phrase && left >= ((lead || ew) ? 3 : 0) + 8) {
		/* «…» and " · " after it around the words that fit */
		int pw = left - ((lead || ew) ? 3 : 0) - 2;
		char *cut = txt_trunc(tk->dl_phrase, pw);

		sbuf_printf(mid, "«%s»", cut);
		free(cut);
		if (lead || ew)
			sbuf_puts(mid, " · ");
	}
	if (ew)
		sbuf_printf(mid, "%s%s", ext, lead ? " · " : "");
	if (lead)
		sbuf_puts(mid, lead);
	sbuf_free(&lb);
}

/* The facts line at row y; the lead's name only when with_lead (a grown
 * preview gives the lead a line of its own). */
static void facts_line(struct ui *u, struct txn *t, const struct task *tk, int y, int cols,
                       int with_lead)
{
	struct sbuf mid = { 0 };
	char tl[96], day[16];
	const char *status;
	attr_t tla = A_NORMAL;
	int x = 1 + STATUS_COLS + 1, tlw;

	if (tk->group_open) { /* a container: the roll-up of its obligations */
		size_t total = 0, done = 0;

		ops_group_rollup(t, tk, &total, &done, NULL);
		status = "nhiệm vụ chung";
		ops_group_label(total, done, tl, sizeof(tl));
	} else {
		struct tl_result r = ui_task_tl(u, tk);

		status = status_words(tk);
		tl_describe(r, tl, sizeof(tl));
		tla = ui_attr(u, ui_tl_color(r.tl));
	}
	/* The deadline as written first: the row has its day, not its words;
	 * then the lead's full name, of which the row has a short one.  When
	 * they do not fit beside the status and the timeliness, the deadline
	 * phrase gives way (cut with "…", or left out), then the extension:
	 * the lead's name stays whole (cut only when wider than all of it). */
	tlw = txt_width(tl);
	if (tlw > cols - x)
		tlw = 0;
	mid_fit(u, tk, with_lead, cols + 1 - x - (tlw ? tlw + 1 : 0), day, &mid);
	/* Each part starts at a column of its own (the timeliness ends at
	 * the edge): what two tasks share is not sent again. */
	ui_put(y, 1, STATUS_COLS, status, A_NORMAL);
	ui_put(y, x, cols + 1 - x - (tlw ? tlw + 1 : 0), mid.s, A_NORMAL);
	if (tlw)
		ui_put(y, cols + 1 - tlw, tlw, tl, tla);
	sbuf_free(&mid);
}

/* Where a row whose text cell is `cw` columns wide, scrolled sideways by
 * skip columns, cut `text` (sanitised): the byte the rest starts at, from
 * the start of the word the cut fell in; -1 when the row shows the end. */
static long cut_at(const char *text, int cw, int skip)
{
	int shown;
	size_t off, word;

	if (cw < 2)
		return -1;
	/* The row shows cw columns; past the cut, "…" takes the last one
	 * (and the first when scrolled sideways). */
	shown = skip > 0 ? skip + cw - 1 : cw;
	if (txt_width(text) <= shown)
		return -1;
	off = txt_fit(text, shown - 1, NULL);
	for (word = off; word > 0 && text[word - 1] != ' '; word--)
		;
	return (long)(word > 0 ? word : off);
}

/* The lead's full name and the partners, for a grown preview: the same
 * for most tasks of a unit's list, so that a move seldom sends it. */
static void lead_line(struct ui *u, const struct task *tk, struct ui_lines *l)
{
	struct sbuf b = { 0 };
	int i;

	sbuf_puts(&b, "Chủ trì: ");
	ui_task_lead(u, tk, &b);
	if (tk->npartners > 0) {
		sbuf_puts(&b, " · Phối hợp: ");
		for (i = 0; i < tk->npartners; i++)
			sbuf_printf(&b, "%s%s", i ? ", " : "", ui_unit_name(u, tk->partners[i]));
	} else if (tk->partners_text) {
		sbuf_printf(&b, " · Phối hợp: %s", tk->partners_text);
	}
	ui_lines_add(l, b.s, A_NORMAL);
	sbuf_free(&b);
}

void ui_preview_draw(struct ui *u, struct txn *t)
{
	const struct ui_layout *lo = &u->lo;
	int cols = lo->cols - 2, rows = lo->detail_h, r, view = u->view != UI_VIEW_PANES, grown;
	struct ui_lines l = { 0 };
	uint64_t id = view ? ui_view_task(u) : ui_tasks_selected(u);
	struct task tk;
	char *text = NULL;

	/* In the overdue view Enter goes to the task in its panes. */
	ui_hline(lo->detail_y, 0, lo->cols);
	ui_put_cut(lo->detail_y, 2, lo->cols - 4,
	           view ? " Xem nhanh · Enter: đến nhiệm vụ · V: khung chi tiết "
	                : " Xem nhanh · Enter: xem đầy đủ · V: khung chi tiết ",
	           A_BOLD);
	for (r = 0; r < rows; r++)
		ui_blank(lo->detail_y + 1 + r, 0, lo->cols, A_NORMAL);
	memset(&tk, 0, sizeof(tk));
	if (!id || store_task_get(t, id, &tk, NULL) != 0) {
		ui_put_cut(lo->detail_y + 1, 1, cols, "Chưa chọn nhiệm vụ.", ui_attr(u, UC_MUTED));
		return;
	}
	grown = rows > UI_PREVIEW_ROWS;
	facts_line(u, t, &tk, lo->detail_y + 1, cols, !grown);
	if (grown)
		lead_line(u, &tk, &l);
	text = txt_sanitize(tk.text ? tk.text : "");
	/* Under a list shorter than the pane (grown) the lead and partners
	 * take a line of their own, and the text every row down to the
	 * message line (the rows it needs: nothing is cut while rows stay
	 * empty).  The section and the updates stay for Enter and V: with
	 * them a move sent 470 bytes on average, each line new text on the
	 * wire, over the budget of 300 that the facts, lead and text keep. */
	if (rows > 1) {
		long off = cut_at(text, view ? ui_task_unit_row_text_cols(lo->cols)
		                             : ui_task_row_text_cols(lo->pane_w[UI_TASKS]),
		                  u->hskip);

		if (off >= 0) {
			struct sbuf rest = { 0 };

			sbuf_printf(&rest, "…%s", text + off);
			ui_lines_wrap(&l, rest.s, cols, rows - 1 - (int)l.n, A_NORMAL);
			sbuf_free(&rest);
		}
	}
	for (r = 0; (size_t)r < l.n && r < rows - 1; r++)
		ui_put_cut(lo->detail_y + 2 + r, 1, cols, l.s[r], l.a[r]);
	ui_lines_free(&l);
	free(text);
	task_free(&tk);
}
