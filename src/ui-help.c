/* ui-help.c — the `?` screen, drawn from the key table (ui-keys.c) and
 * the timeliness legend, so that it always says what the keys do. */
#include <stdio.h>

#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "util.h"

/* The plan tree's symbols (ui_cascade_symbol): "@ + * _ ! .". */
#define CASCADE_SYMBOLS 6

/* The keys of the view the help was opened on (ui_hints_of_view): how
 * many, and the list. */
static size_t view_keys(const struct ui *u, const struct ui_hint **list, const char **title)
{
	size_t n = 0;

	*list = ui_hints_of_view(u, u->help_from, title);
	if (!**title)
		return 0;
	while ((*list)[n].act != UA_NONE)
		n++;
	return n;
}

/* Rows: the view's keys under a heading, a blank line and the heading of
 * every key; the keys, a blank line, the legend title, one row per
 * timeliness, the lint marker, the unit tree's marks; the title of the
 * plan tree's legend (c) and one row per symbol of a plan's state. */
size_t ui_help_rows(const struct ui *u)
{
	const struct ui_hint *list;
	const char *title;
	size_t n, v = view_keys(u, &list, &title);

	ui_keys_table(&n);
	return (v ? v + 3 : 0) + n + 2 + TL_COUNT + 2 + 1 + CASCADE_SYMBOLS;
}

/* Row i of the view's keys: the heading, a key, the blank line or the
 * heading of the table. */
static void view_row(struct ui *u, size_t i, size_t nv, const struct ui_hint *list,
                     const char *title, int y, int w)
{
	char k1[32], k2[32], keys[72];
	struct sbuf b = { 0 };
	const struct ui_keydef *d;
	const char *cells[2] = { "", NULL };
	int widths[2] = { 15, 0 };

	if (i == 0) {
		if (ui_view_is_list(u->help_from))
			sbuf_printf(&b, "Trong danh sách “%s”:", title);
		else
			sbuf_printf(&b, "%s:", title);
		ui_put(y, 2, w - 2, b.s, A_BOLD);
	} else if (i <= nv) {
		const struct ui_hint *h = &list[i - 1];

		d = ui_key_def(h->act);
		ui_key_label(h->act, k1, sizeof(k1));
		if (h->act2 != UA_NONE)
			snprintf(keys, sizeof(keys), "%s/%s", k1, ui_key_label(h->act2, k2, sizeof(k2)));
		else
			snprintf(keys, sizeof(keys), "%s", k1);
		cells[1] = h->label ? h->label : d && d->help ? d->help : "";
		ui_fmt_cells_from(&b, cells, widths, 2, w - 2, u->hskip, &u->hroom);
		ui_put(y, 2, 16, keys, A_BOLD);
		ui_put(y, 18, w - 18, b.s + 16, A_NORMAL);
	} else if (i == nv + 1) {
		ui_blank(y, 0, w, A_NORMAL);
	} else {
		ui_put(y, 2, w - 2, "Mọi phím:", A_BOLD);
	}
	sbuf_free(&b);
}

static void help_row(struct ui *u, size_t i, int y, int w)
{
	size_t n;
	const struct ui_keydef *k = ui_keys_table(&n);
	const struct ui_hint *list;
	const char *title;
	size_t nv = view_keys(u, &list, &title);
	char sym[64];

	if (nv && i < nv + 3) {
		view_row(u, i, nv, list, title, y, w);
		return;
	}
	if (nv)
		i -= nv + 3;
	if (i < n) {
		/* what a key does, scrolled sideways with w when it is cut */
		struct sbuf b = { 0 };
		const char *cells[2] = { "", k[i].help };
		int widths[2] = { 15, 0 };

		ui_fmt_cells_from(&b, cells, widths, 2, w - 2, u->hskip, &u->hroom);
		ui_put(y, 2, 16, k[i].keys, A_BOLD);
		ui_put(y, 18, w - 18, b.s + 16, A_NORMAL);
		sbuf_free(&b);
	} else if (i == n) {
		ui_blank(y, 0, w, A_NORMAL);
	} else if (i == n + 1) {
		ui_put(y, 2, w - 2, "Ký hiệu tình trạng (màu chỉ để nhấn mạnh; ký hiệu đủ để đọc):",
		       A_BOLD);
	} else if (i == n + 2 + TL_COUNT + 2) {
		ui_put(y, 2, w - 2, "Ký hiệu cây kế hoạch (phím c):", A_BOLD);
	} else if (i > n + 2 + TL_COUNT + 2) {
		/* one row per symbol: the first state that has it, and the label
		 * that covers them all for "+" */
		static const struct {
			enum cascade_state cs;
			const char *label;
		} tree[CASCADE_SYMBOLS] = {
			{ CS_ROOT, NULL },
			{ CS_ON_TIME, "đã ban hành (đúng hạn, hoặc không có hạn, ngày để so)" },
			{ CS_LATE, NULL },
			{ CS_MISSING, NULL },
			{ CS_OVERDUE, NULL },
			{ CS_OTHER, NULL },
		};
		size_t at = i - (n + 2 + TL_COUNT + 3);
		enum ui_color c;

		if (at >= CASCADE_SYMBOLS)
			return;
		snprintf(sym, sizeof(sym), "  %s", ui_cascade_symbol(tree[at].cs, &c));
		ui_put(y, 2, 16, sym, ui_attr(u, c));
		ui_put(y, 18, w - 18,
		       tree[at].label ? tree[at].label : cascade_state_label(tree[at].cs), ui_attr(u, c));
	} else if (i == n + 2 + TL_COUNT + 1) {
		snprintf(sym, sizeof(sym), "  %s %s", ui_tree_mark(u, 0), ui_tree_mark(u, 1));
		ui_put(y, 2, 16, sym, A_NORMAL);
		ui_put(y, 18, w - 18, "(cây đơn vị) đơn vị đang thu gọn / đang mở: Enter để mở, đóng",
		       A_NORMAL);
	} else if (i == n + 2 + TL_COUNT) {
		ui_put(y, 2, 16, u->utf8 ? "   ×" : "   x", ui_attr(u, UC_WAIT));
		ui_put(y, 18, w - 18, "(cột thứ hai) nhiệm vụ chưa rõ người, rõ thời hạn hoặc chưa "
		                      "báo cáo trong kỳ: r để rà soát",
		       ui_attr(u, UC_WAIT));
	} else {
		enum timeliness tl = (enum timeliness)(i - n - 2);

		snprintf(sym, sizeof(sym), "  %s", tl_symbol(tl));
		ui_put(y, 2, 16, sym, ui_attr(u, ui_tl_color(tl)));
		ui_put(y, 18, w - 18, tl_label(tl), ui_attr(u, ui_tl_color(tl)));
	}
}

void ui_help_draw(struct ui *u)
{
	const struct ui_layout *lo = &u->lo;
	int page = ui_view_page(u), r;

	u->help.n = ui_help_rows(u);
	ui_list_clamp(&u->help, page);
	ui_put(0, 0, lo->cols, " Trợ giúp — phím (Esc, q hoặc ? để đóng; j/k: cuộn; w: cuộn ngang)",
	       ui_attr(u, UC_TITLE_FOCUS));
	for (r = 0; r < page; r++) {
		size_t row = u->help.top + (size_t)r;

		ui_blank(1 + r, 0, lo->cols, A_NORMAL);
		if (row < u->help.n)
			help_row(u, row, 1 + r, lo->cols);
	}
}
