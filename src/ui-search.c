/* ui-search.c — `/`, `n`, `N`: find text in the current pane or list
 * view, ignoring case and diacritics ("to chuc" finds "Tổ chức").
 *
 * A new search starts from the first row, as in less and vim, and runs
 * again as each character is typed; n and N go round the end of the list
 * and say so.  Units are searched at once (their names are in memory).  Documents and
 * tasks are read from the store, so their search runs in slices between
 * keystrokes (ui.c calls ui_search_step while no key is waiting) and Esc
 * stops it.
 */
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui-ctx.h"
#include "util.h"

/* Rows of the list being searched and its selection. */
static struct ui_list *target(struct ui *u)
{
	switch (u->search.pane) {
	case UI_UNITS: return &u->units.l;
	case UI_DOCS: return &u->docs.l;
	case UI_TASKS: return &u->tasks.l;
	default: return ui_view_list(u);
	}
}

/* Where a search runs: a pane, or a list view (-2). */
static int where(const struct ui *u)
{
	return ui_view_is_list(u->view) ? -2 : u->focus;
}

static void begin(struct ui *u, int dir, int fresh)
{
	struct ui_search *s = &u->search;
	struct ui_list *l;

	s->pane = where(u);
	s->dir = dir;
	s->fresh = fresh;
	if (s->pane == UI_UNITS) {
		int r;

		s->running = 0;
		r = ui_units_search(u);
		if (!r)
			ui_msg(u, 1, "Không tìm thấy đơn vị: %s", s->needle);
		else if (r > 1)
			ui_msg(u, 0, dir > 0 ? "Đã tìm đến cuối, tiếp tục từ đầu danh sách."
			                     : "Đã tìm đến đầu, tiếp tục từ cuối danh sách.");
		return;
	}
	l = target(u);
	if (!l || l->n == 0) {
		ui_msg(u, 1, "Danh sách trống.");
		return;
	}
	s->from = l->sel;
	/* A new search looks at every row from the first; n and N at every
	 * other row and then the selected one again, round the end. */
	s->pos = fresh ? (dir > 0 ? 0 : l->n - 1) : dir > 0 ? l->sel + 1 : l->sel + l->n - 1;
	s->left = l->n;
	s->running = 1;
}

static void set_needle(struct ui *u, const char *text)
{
	free(u->search.needle);
	u->search.needle = txt_fold(text ? text : "", TXT_NUL, NULL);
}

void ui_search_start(struct ui *u, const char *text)
{
	char *needle = txt_fold(text ? text : "", TXT_NUL, NULL);

	u->search.marked = 0;
	if (!*needle) {
		free(needle);
		return;
	}
	free(u->search.needle);
	u->search.needle = needle;
	begin(u, 1, 1);
}

void ui_search_again(struct ui *u, int dir)
{
	if (!u->search.needle || !*u->search.needle) {
		ui_msg(u, 1, "Chưa có gì để tìm: nhấn / rồi gõ nội dung.");
		return;
	}
	begin(u, dir, 0);
}

void ui_search_mark(struct ui *u)
{
	struct ui_search *s = &u->search;
	struct ui_list *l;

	s->marked = 1;
	s->origin_pane = where(u);
	s->pane = s->origin_pane;
	s->origin_unit = ui_units_selected(u);
	l = target(u);
	s->origin_sel = l ? l->sel : 0;
	s->origin_top = l ? l->top : 0;
}

/* Put the selection back where the search form opened. */
static void back_to_origin(struct ui *u)
{
	struct ui_search *s = &u->search;
	struct ui_list *l;

	s->running = 0;
	if (!s->marked)
		return;
	s->pane = s->origin_pane;
	if (s->pane == UI_UNITS) {
		if (s->origin_unit)
			ui_units_reveal(u, s->origin_unit);
		return;
	}
	l = target(u);
	if (l && s->origin_sel < l->n) {
		l->sel = s->origin_sel;
		l->top = s->origin_top;
	}
}

void ui_search_live(struct ui *u, const char *text)
{
	back_to_origin(u);
	set_needle(u, text);
	u->msg[0] = '\0';
	if (*u->search.needle)
		begin(u, 1, 1);
}

void ui_search_cancel(struct ui *u)
{
	back_to_origin(u);
	u->search.marked = 0;
	u->msg[0] = '\0';
}

void ui_search_step(struct ui *u, struct txn *t, size_t budget)
{
	struct ui_search *s = &u->search;
	int found;

	if (!s->running)
		return;
	if (s->pane == UI_DOCS)
		found = ui_docs_search_step(u, t, budget);
	else if (s->pane == UI_TASKS)
		found = ui_tasks_search_step(u, t, budget);
	else
		found = ui_view_search_step(u, t, budget);
	if (found && target(u)) {
		struct ui_list *l = target(u);
		int wrapped = !s->fresh && (s->dir > 0 ? l->sel <= s->from : l->sel >= s->from);

		s->running = 0;
		u->msg[0] = '\0';
		if (wrapped)
			ui_msg(u, 0, s->dir > 0 ? "Đã tìm đến cuối, tiếp tục từ đầu danh sách."
			                        : "Đã tìm đến đầu, tiếp tục từ cuối danh sách.");
	} else if (s->left == 0) {
		s->running = 0;
		ui_msg(u, 1, "Không tìm thấy: %s", s->needle);
	}
}
