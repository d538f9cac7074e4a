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

/* The panes' hints; E and D only for those who may use them (hint_shown). */
static const struct ui_hint pane_hints[] = {
	{ UA_HELP, UA_NONE, 0, NULL },
	{ UA_UPDATE, UA_NONE, 1, NULL },
	{ UA_STATUS, UA_NONE, 4, NULL },
	{ UA_OVERDUE, UA_NONE, 2, NULL },
	{ UA_SOON, UA_NONE, 3, NULL },
	{ UA_SEARCH, UA_NONE, 2, NULL },
	{ UA_FILTER, UA_NONE, 3, NULL },
	{ UA_DETAIL, UA_NONE, 2, NULL },
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

/* What the keys do in each pane, for `?` (a word of the pane's own where
 * the key table's help says more than the pane needs). */
static const struct ui_hint units_help[] = {
	{ UA_OPEN, UA_NONE, 0, "mở/đóng các đơn vị cấp dưới của đơn vị đang chọn" },
	{ UA_NEXT_PANE, UA_NONE, 0, "sang các văn bản của đơn vị" },
	{ UA_SEARCH, UA_NONE, 0, "tìm đơn vị theo tên, mã hoặc tên viết tắt" },
	{ UA_OVERDUE, UA_NONE, 0, NULL },
	{ UA_DASH, UA_NONE, 0, NULL },
	{ UA_PARTNER, UA_NONE, 0, NULL },
	{ UA_NONE, UA_NONE, 0, NULL },
};

static const struct ui_hint docs_help[] = {
	{ UA_OPEN, UA_NONE, 0, "sang các nhiệm vụ của văn bản đang chọn" },
	{ UA_DOC_MODE, UA_NONE, 0, NULL },
	{ UA_SOURCE, UA_NONE, 0, NULL },
	{ UA_CASCADE, UA_NONE, 0, NULL },
	{ UA_NONE, UA_NONE, 0, NULL },
};

static const struct ui_hint tasks_help[] = {
	{ UA_OPEN, UA_NONE, 0, "xem đầy đủ nhiệm vụ: nội dung, thời hạn, gia hạn, mọi cập nhật" },
	{ UA_UPDATE, UA_NONE, 0, NULL },
	{ UA_EXTEND, UA_NONE, 0, NULL },
	{ UA_AUDIT, UA_NONE, 0, "nhật ký thay đổi của nhiệm vụ đang chọn" },
	{ UA_TASK_MODE, UA_NONE, 0, NULL },
	{ UA_DETAIL, UA_NONE, 0, "chi tiết đầy đủ thay cho xem nhanh (màn hình dưới 30 dòng)" },
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

/* Whether u's user sees hint h: correcting the records is for
 * administrators, and for editors on their unit's tasks when [access]
 * editors_edit allows (deleting stays with administrators); V where it
 * does something. */
static int hint_shown(const struct ui *u, const struct ui_hint *h)
{
	int admin = u->ops->who.role == ROLE_ADMIN;

	if (h->act == UA_DELETE)
		return admin;
	if (h->act == UA_DETAIL) /* the tasks, and a list view that names it (o, d) */
		return (ui_view_is_list(u->view) || (u->view == UI_VIEW_PANES && u->focus == UI_TASKS)) &&
		       u->lo.rows < UI_SHORT_ROWS;
	if (h->act == UA_EDIT)
		return admin || (u->ops->who.role == ROLE_EDITOR && u->ops->cfg->editors_edit);
	return 1;
}

/* The hints of `list` up to `level` that u's user sees, into b. */
static void line_at(const struct ui *u, const struct ui_hint *list, int level, struct sbuf *b)
{
	size_t i;

	sbuf_reset(b);
	for (i = 0; list[i].act != UA_NONE; i++)
		if (list[i].level <= level && hint_shown(u, &list[i]))
			put_hint(&list[i], b);
}

static const struct ui_hint *hints_of(const struct ui *u)
{
	switch (u->view) {
	case UI_VIEW_PANES:
		return u->pick.active ? pick_hints : pane_hints;
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
		if (list[i].level > top && hint_shown(u, &list[i]))
			top = list[i].level;
	for (level = top; level >= 0; level--) {
		line_at(u, list, level, b);
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

const struct ui_hint *ui_hints_of_view(const struct ui *u, int view, const char **title)
{
	static const char *const panes[UI_NPANES] = {
		"Trong khung Đơn vị", "Trong khung Văn bản", "Trong khung Nhiệm vụ"
	};
	static const struct ui_hint *const pane_help[UI_NPANES] = { units_help, docs_help,
		                                                    tasks_help };
	const char *label = "";
	const struct ui_hint *h;

	if (ui_view_is_list(view)) {
		h = ui_view_hints_on(u, view, &label);
		*title = label;
		return h;
	}
	if (view == UI_VIEW_PANES && u->pick.active) {
		*title = "Khi chọn đơn vị trong cây";
		return pick_hints;
	}
	if (view == UI_VIEW_PANES && u->focus >= 0 && u->focus < UI_NPANES) {
		*title = panes[u->focus];
		return pane_help[u->focus];
	}
	*title = "";
	return text_hints;
}
