/* ui-hints.c — the keys on the status line, drawn from the key table.
 *
 * Each screen has a list of hints (struct ui_hint): an action of the key
 * table, shown as its first key and its word ("u:cập nhật"), or a word of
 * the screen's own ("Enter:đến nhiệm vụ").  The panes and the text views
 * have their lists here; each list view gives its own (ui-view.h).  When
 * the line is short the hints of the highest level are left out first.
 * The report editor's keys are keys of the editor, not actions of the
 * table, and are written out here as they read.
 */
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "ui-ctx.h"
#include "util.h"

static const struct ui_hint pane_hints[] = {
	{ UA_HELP, UA_NONE, 0, NULL },
	{ UA_UPDATE, UA_NONE, 1, NULL },
	{ UA_STATUS, UA_NONE, 4, NULL },
	{ UA_OVERDUE, UA_NONE, 2, NULL },
	{ UA_SOON, UA_NONE, 3, NULL },
	{ UA_SEARCH, UA_NONE, 2, NULL },
	{ UA_FILTER, UA_NONE, 3, NULL },
	{ UA_QUIT, UA_NONE, 0, NULL },
	{ UA_NONE, UA_NONE, 0, NULL },
};

/* An administrator also sees the keys that correct the records. */
static const struct ui_hint admin_pane_hints[] = {
	{ UA_HELP, UA_NONE, 0, NULL },
	{ UA_UPDATE, UA_NONE, 1, NULL },
	{ UA_STATUS, UA_NONE, 4, NULL },
	{ UA_OVERDUE, UA_NONE, 2, NULL },
	{ UA_SOON, UA_NONE, 3, NULL },
	{ UA_SEARCH, UA_NONE, 2, NULL },
	{ UA_FILTER, UA_NONE, 3, NULL },
	{ UA_EDIT, UA_NONE, 5, NULL },
	{ UA_DELETE, UA_NONE, 5, NULL },
	{ UA_QUIT, UA_NONE, 0, NULL },
	{ UA_NONE, UA_NONE, 0, NULL },
};

/* Picking a unit for a form (ui_pick_start). */
static const struct ui_hint pick_hints[] = {
	{ UA_OPEN, UA_NONE, 0, "chọn đơn vị này" },
	{ UA_SEARCH, UA_NONE, 1, NULL },
	{ UA_BACK, UA_NONE, 0, "hủy" },
	{ UA_NONE, UA_NONE, 0, NULL },
};

/* An editor who may correct its unit's tasks ([access] editors_edit). */
static const struct ui_hint corrector_pane_hints[] = {
	{ UA_HELP, UA_NONE, 0, NULL },
	{ UA_UPDATE, UA_NONE, 1, NULL },
	{ UA_STATUS, UA_NONE, 4, NULL },
	{ UA_OVERDUE, UA_NONE, 2, NULL },
	{ UA_SOON, UA_NONE, 3, NULL },
	{ UA_SEARCH, UA_NONE, 2, NULL },
	{ UA_FILTER, UA_NONE, 3, NULL },
	{ UA_EDIT, UA_NONE, 5, NULL },
	{ UA_QUIT, UA_NONE, 0, NULL },
	{ UA_NONE, UA_NONE, 0, NULL },
};

static const struct ui_hint text_hints[] = {
	{ UA_DOWN, UA_UP, 2, "cuộn" },
	{ UA_PAGE_DOWN, UA_PAGE_UP, 2, "trang" },
	{ UA_BACK, UA_QUIT, 0, "đóng" },
	{ UA_NONE, UA_NONE, 0, NULL },
};

static const char *const rtext_lines[] = {
	"Tab:phần tiếp F2/Ctrl-O:lưu PgUp/PgDn:đơn vị trực thuộc Esc:đóng ",
	"Tab:phần tiếp F2/Ctrl-O:lưu Esc:đóng ",
	"F2:lưu Esc:đóng ",
	NULL
};
static const char *const period_lines[] = { "Enter:mở kỳ báo cáo Esc:đóng ", "Esc:đóng ", NULL };

/* "Esc/q:đóng " of hint h into b. */
static void put_hint(const struct ui_hint *h, struct sbuf *b)
{
	char k1[32], k2[32];
	const struct ui_keydef *d = ui_key_def(h->act);
	const char *label = h->label ? h->label : d && d->hint ? d->hint : "";

	ui_key_label(h->act, k1, sizeof(k1));
	sbuf_puts(b, k1);
	if (h->act2 != UA_NONE)
		sbuf_printf(b, "/%s", ui_key_label(h->act2, k2, sizeof(k2)));
	sbuf_printf(b, ":%s ", label);
}

/* The hints of `list` up to `level`, into b. */
static void line_at(const struct ui_hint *list, int level, struct sbuf *b)
{
	size_t i;

	sbuf_reset(b);
	for (i = 0; list[i].act != UA_NONE; i++)
		if (list[i].level <= level)
			put_hint(&list[i], b);
}

static const struct ui_hint *hints_of(const struct ui *u)
{
	switch (u->view) {
	case UI_VIEW_PANES:
		if (u->pick.active)
			return pick_hints;
		if (u->ops->who.role == ROLE_ADMIN)
			return admin_pane_hints;
		if (u->ops->who.role == ROLE_EDITOR && u->ops->cfg->editors_edit)
			return corrector_pane_hints;
		return pane_hints;
	case UI_VIEW_SOURCE:
	case UI_VIEW_HELP:
		return text_hints;
	default:
		return ui_view_hints(u);
	}
}

int ui_hints_line(const struct ui *u, int room, struct sbuf *b)
{
	const struct ui_hint *list;
	int top = 0, level;
	size_t i;

	sbuf_reset(b);
	if (u->rtext) {
		const char *const *lines = ui_rtext_asks_period(u) ? period_lines : rtext_lines;

		for (i = 0; lines[i]; i++)
			if (txt_width(lines[i]) <= room) {
				sbuf_puts(b, lines[i]);
				return (int)i;
			}
		return (int)i;
	}
	list = hints_of(u);
	for (i = 0; list[i].act != UA_NONE; i++)
		if (list[i].level > top)
			top = list[i].level;
	for (level = top; level >= 0; level--) {
		line_at(list, level, b);
		if (txt_width(b->s ? b->s : "") <= room)
			return top - level;
	}
	/* Not even the keys of level 0: the first alone, if it fits. */
	sbuf_reset(b);
	if (list[0].act != UA_NONE) {
		put_hint(&list[0], b);
		if (txt_width(b->s) > room)
			sbuf_reset(b);
	}
	return top + 1;
}
