/* ui-help.c — the `?` screen, drawn from the key table (ui-keys.c) and
 * the timeliness legend, so that it always says what the keys do. */
#include <stdio.h>

#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "util.h"

/* Rows: the keys, a blank line, the legend title, one row per timeliness,
 * the lint marker, the unit tree's marks. */
size_t ui_help_rows(void)
{
	size_t n;

	ui_keys_table(&n);
	return n + 2 + TL_COUNT + 2;
}

static void help_row(struct ui *u, size_t i, int y, int w)
{
	size_t n;
	const struct ui_keydef *k = ui_keys_table(&n);
	char sym[64];

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

	u->help.n = ui_help_rows();
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
