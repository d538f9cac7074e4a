/* ui-search.c — `/`, `n`, `N`: find text in the current pane or the due
 * view, ignoring case and diacritics ("to chuc" finds "Tổ chức").
 *
 * Units are searched at once (their names are in memory).  Documents and
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
	default: return &u->due.l;
	}
}

static void begin(struct ui *u, int dir)
{
	struct ui_search *s = &u->search;
	struct ui_list *l;

	s->pane = u->view == UI_VIEW_DUE ? -1 : u->focus;
	s->dir = dir;
	if (s->pane == UI_UNITS) {
		s->running = 0;
		if (!ui_units_search(u))
			ui_msg(u, 1, "Không tìm thấy đơn vị: %s", s->needle);
		return;
	}
	l = target(u);
	if (l->n == 0) {
		ui_msg(u, 1, "Danh sách trống.");
		return;
	}
	s->pos = dir > 0 ? l->sel + 1 : l->sel + l->n - 1;
	s->left = l->n - 1 ? l->n - 1 : 1;
	s->running = 1;
}

void ui_search_start(struct ui *u, const char *text)
{
	char *needle = txt_fold(text ? text : "", TXT_NUL, NULL);

	if (!*needle) {
		free(needle);
		return;
	}
	free(u->search.needle);
	u->search.needle = needle;
	begin(u, 1);
}

void ui_search_again(struct ui *u, int dir)
{
	if (!u->search.needle) {
		ui_msg(u, 1, "Chưa có gì để tìm: nhấn / rồi gõ nội dung.");
		return;
	}
	begin(u, dir);
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
		found = ui_due_search_step(u, t, budget);
	if (found) {
		s->running = 0;
		u->msg[0] = '\0';
	} else if (s->left == 0) {
		s->running = 0;
		ui_msg(u, 1, "Không tìm thấy: %s", s->needle);
	}
}
