/* Tests of the TUI's terminal-free drawing helpers (src/ui-fmt.c). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text.h"
#include "ui-fmt.h"

Test(ui_list, move_down_scrolls_to_keep_selection_visible)
{
	struct ui_list l = { .n = 100 };

	ui_list_move(&l, 12, 10);
	cr_assert_eq(l.sel, 12);
	cr_assert_eq(l.top, 3);
	ui_list_move(&l, -5, 10);
	cr_assert_eq(l.sel, 7);
	cr_assert_eq(l.top, 3);
	ui_list_move(&l, -100, 10);
	cr_assert_eq(l.sel, 0);
	cr_assert_eq(l.top, 0);
}

Test(ui_list, move_past_the_end_stops_at_the_last_row)
{
	struct ui_list l = { .n = 5 };

	ui_list_move(&l, 1000, 10);
	cr_assert_eq(l.sel, 4);
	cr_assert_eq(l.top, 0);
}

Test(ui_list, empty_list_stays_at_zero)
{
	struct ui_list l = { 0 };

	ui_list_move(&l, 3, 10);
	cr_assert_eq(l.sel, 0);
	cr_assert_eq(l.top, 0);
}

Test(ui_list, clamp_after_shrink_keeps_the_view_full)
{
	struct ui_list l = { .n = 100, .sel = 95, .top = 90 };

	l.n = 50;
	ui_list_clamp(&l, 10);
	cr_assert_eq(l.sel, 49);
	cr_assert_eq(l.top, 40);
}

Test(ui_list, clamp_keeps_scroll_when_the_selection_is_visible)
{
	struct ui_list l = { .n = 100, .sel = 25, .top = 20 };

	ui_list_clamp(&l, 10);
	cr_assert_eq(l.top, 20);
	cr_assert_eq(l.sel, 25);
}

Test(ui_layout, too_small_screen_is_refused)
{
	struct ui_layout lo;

	cr_assert_eq(ui_layout(60, 20, &lo), -1);
	cr_assert_eq(ui_layout(79, 24, &lo), -1);
	cr_assert_eq(ui_layout(80, 23, &lo), -1);
	cr_assert_eq(ui_layout(80, 24, &lo), 0);
}

Test(ui_layout, panes_and_separators_fill_the_width)
{
	struct ui_layout lo;
	int w;

	for (w = 80; w <= 300; w += 7) {
		cr_assert_eq(ui_layout(w, 30, &lo), 0);
		cr_assert_eq(lo.pane_x[0], 0);
		cr_assert_eq(lo.pane_x[1], lo.pane_w[0] + 1);
		cr_assert_eq(lo.pane_x[2], lo.pane_x[1] + lo.pane_w[1] + 1);
		cr_assert_eq(lo.pane_x[2] + lo.pane_w[2], w);
		cr_assert_geq(lo.pane_w[0], 20);
	}
}

Test(ui_layout, units_pane_gets_the_larger_share_on_a_narrow_screen)
{
	struct ui_layout lo;
	int w, prev = 0;

	ui_layout(80, 24, &lo);
	cr_assert_geq(lo.pane_w[0], 27, "units pane %d columns at 80", lo.pane_w[0]);
	cr_assert_gt(lo.pane_w[0], lo.pane_w[1]);
	cr_assert_geq(lo.pane_w[1], 15);
	cr_assert_geq(lo.pane_w[2], 30);
	/* Never narrower as the screen widens. */
	for (w = 80; w <= 200; w++) {
		ui_layout(w, 30, &lo);
		cr_assert_geq(lo.pane_w[0], prev, "units pane shrinks at %d columns", w);
		prev = lo.pane_w[0];
	}
}

Test(ui_layout, rows_are_used_without_overlap)
{
	struct ui_layout lo;

	ui_layout(80, 24, &lo);
	cr_assert_geq(lo.pane_h, 8);
	cr_assert_geq(lo.detail_h, 6);
	cr_assert_eq(lo.detail_y, lo.pane_y + 1 + lo.pane_h);
	cr_assert_eq(lo.detail_y + 1 + lo.detail_h, lo.msg_y);
	cr_assert_eq(lo.msg_y + 1, lo.status_y);
	cr_assert_eq(lo.status_y, 23);
}

Test(ui_layout, preview_gives_a_long_list_the_height)
{
	struct ui_layout lo;

	/* 80x24: the title, the list, the rule, the preview (3 rows), then
	 * the message and status lines: 17 rows of list. */
	ui_layout_focus(80, 24, 2, 0, &lo);
	ui_layout_preview(&lo, 145, 3);
	cr_assert_eq(lo.pane_h, 17);
	cr_assert_eq(lo.detail_y, 18);
	cr_assert_eq(lo.detail_h, 3);
	cr_assert_eq(lo.detail_y + 1 + lo.detail_h, lo.msg_y);
	cr_assert_eq(lo.pane_w[2], 80, "the width is left as it was");
}

Test(ui_layout, preview_takes_the_rows_a_short_list_leaves)
{
	struct ui_layout lo;

	ui_layout_focus(80, 24, 2, 0, &lo);
	ui_layout_preview(&lo, 8, 3);
	cr_assert_eq(lo.pane_h, 8);
	cr_assert_eq(lo.detail_y, 9);
	cr_assert_eq(lo.detail_h, 12);
	/* an empty list keeps one row for what says it is empty */
	ui_layout_focus(80, 24, 2, 0, &lo);
	ui_layout_preview(&lo, 0, 3);
	cr_assert_eq(lo.pane_h, 1);
	cr_assert_eq(lo.detail_h, 19);
	cr_assert_eq(lo.detail_y + 1 + lo.detail_h, lo.msg_y);
}

Test(ui_fmt, lr_right_aligns_counts_and_pads_to_exact_width)
{
	struct sbuf b = { 0 };

	ui_fmt_lr(&b, "Ban Tổ chức", "3/12", 20);
	cr_assert_str_eq(b.s, "Ban Tổ chức     3/12");
	cr_assert_eq(txt_width(b.s), 20);
	sbuf_free(&b);
}

Test(ui_fmt, lr_cuts_long_left_text_with_an_ellipsis)
{
	struct sbuf b = { 0 };

	ui_fmt_lr(&b, "Ban Tuyên giáo Tỉnh ủy", "10/200", 16);
	cr_assert_str_eq(b.s, "Ban Tuyê… 10/200");
	cr_assert_eq(txt_width(b.s), 16);
	sbuf_free(&b);
}

Test(ui_fmt, lr_drops_the_right_part_when_too_narrow)
{
	struct sbuf b = { 0 };

	ui_fmt_lr(&b, "Đảng ủy", "100/2000", 10);
	cr_assert_str_eq(b.s, "Đảng ủy   ");
	sbuf_free(&b);
}

Test(ui_fmt, lr_measures_decomposed_text_by_display_width)
{
	struct sbuf b = { 0 };

	/* "Tổ" with o + U+0302 + U+0309: 2 columns, 5 bytes. */
	ui_fmt_lr(&b, "To\xcc\x82\xcc\x89", "1", 6);
	cr_assert_eq(txt_width(b.s), 6);
	cr_assert_eq(strncmp(b.s, "To\xcc\x82\xcc\x89", 5), 0);
	sbuf_free(&b);
}

Test(ui_fmt, cells_give_the_rest_to_the_flexible_cell)
{
	struct sbuf b = { 0 };
	const char *cells[] = { "#12", "quá hạn", "Tổ chức hội nghị" };
	int widths[] = { 4, 8, 0 };

	ui_fmt_cells(&b, cells, widths, 3, 24);
	cr_assert_str_eq(b.s, "#12  quá hạn  Tổ chức h…");
	cr_assert_eq(txt_width(b.s), 24);
	sbuf_free(&b);
}

Test(ui_fmt, cells_never_overflow_a_narrow_row)
{
	struct sbuf b = { 0 };
	const char *cells[] = { "123456", "abcdef", "x" };
	int widths[] = { 6, 6, 0 };

	ui_fmt_cells(&b, cells, widths, 3, 9);
	cr_assert_eq(txt_width(b.s), 9);
	sbuf_free(&b);
}

Test(ui_fmt, cells_from_scroll_the_last_cell_sideways)
{
	struct sbuf b = { 0 };
	const char *cells[] = { "#12", "Tổ chức học tập nghị quyết đến chi bộ" };
	int widths[] = { 4, 0 };
	int more = 0;

	/* 15 columns for the text: cut, and *more is its width */
	ui_fmt_cells_from(&b, cells, widths, 2, 20, 0, &more);
	cr_assert_str_eq(b.s, "#12  Tổ chức học tậ…");
	cr_assert_eq(more, 15);
	/* from column 14: the number stays, a "…" shows the start is left out */
	sbuf_reset(&b);
	more = 0;
	ui_fmt_cells_from(&b, cells, widths, 2, 20, 14, &more);
	cr_assert_str_eq(b.s, "#12  …p nghị quyết …");
	cr_assert_eq(txt_width(b.s), 20);
	cr_assert_eq(more, 15);
	/* the end in view: nothing more, *more left alone */
	sbuf_reset(&b);
	more = 0;
	ui_fmt_cells_from(&b, cells, widths, 2, 20, 27, &more);
	cr_assert_str_eq(b.s, "#12  …đến chi bộ    ");
	cr_assert_eq(txt_width(b.s), 20);
	cr_assert_eq(more, 0);
	sbuf_free(&b);
}

Test(ui_fmt, counts_shorten_large_numbers)
{
	char buf[32];

	cr_assert_str_eq(ui_fmt_counts(3, 120, buf, sizeof(buf)), "3/120");
	cr_assert_str_eq(ui_fmt_counts(12000, 2500000, buf, sizeof(buf)), "12k/2M");
}

Test(ui_fmt, ids_uniq_sorts_and_drops_duplicates)
{
	struct ui_ids a = { 0 };
	uint64_t in[] = { 5, 3, 5, 1, 3, 9 };
	size_t i;

	for (i = 0; i < 6; i++)
		ui_ids_push(&a, in[i]);
	ui_ids_uniq(&a);
	cr_assert_eq(a.n, 4);
	cr_assert_eq(a.v[0], 1);
	cr_assert_eq(a.v[1], 3);
	cr_assert_eq(a.v[2], 5);
	cr_assert_eq(a.v[3], 9);
	free(a.v);
}

/* Unix time of local y-m-d h:m. */
static int64_t local_time(int y, int m, int d, int hh, int mm)
{
	struct tm tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = hh;
	tm.tm_min = mm;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

Test(ui_fmt, when_shows_the_time_of_a_commit_made_on_the_recorded_day)
{
	char buf[32];

	ui_fmt_when(date_make(2026, 11, 23), local_time(2026, 11, 23, 9, 5), buf, sizeof(buf));
	cr_assert_str_eq(buf, "23/11/2026 09:05");
}

Test(ui_fmt, when_shows_only_the_day_recorded_for_when_the_commit_was_another_day)
{
	char buf[32];

	/* Recorded for 23/11 (theodoi --today 2026-11-23) on the 24th. */
	ui_fmt_when(date_make(2026, 11, 23), local_time(2026, 11, 24, 1, 0), buf, sizeof(buf));
	cr_assert_str_eq(buf, "23/11/2026");
}

Test(ui_fmt, when_without_a_day_uses_the_commit_clock)
{
	char buf[32];

	ui_fmt_when(DATE_NONE, local_time(2025, 1, 2, 14, 30), buf, sizeof(buf));
	cr_assert_str_eq(buf, "02/01/2025 14:30");
}

Test(ui_bar, split_is_proportional_to_the_total)
{
	uint64_t v[3] = { 50, 25, 0 };
	int cells[3];

	cr_assert_eq(ui_bar_split(v, 3, 100, 20, cells), 15);
	cr_assert_eq(cells[0], 10);
	cr_assert_eq(cells[1], 5);
	cr_assert_eq(cells[2], 0);
}

Test(ui_bar, a_small_nonzero_segment_keeps_one_cell)
{
	uint64_t v[2] = { 1, 999 };
	int cells[2];

	cr_assert_eq(ui_bar_split(v, 2, 1000, 20, cells), 20);
	cr_assert_eq(cells[0], 1);
	cr_assert_eq(cells[1], 19);
}

Test(ui_bar, rounding_gives_the_cells_by_largest_remainder)
{
	uint64_t v[3] = { 1, 1, 1 };
	int cells[3];

	/* 10 * 3/3 = 10 cells for three equal thirds: 4, 3, 3. */
	cr_assert_eq(ui_bar_split(v, 3, 3, 10, cells), 10);
	cr_assert_eq(cells[0] + cells[1] + cells[2], 10);
	cr_assert_eq(cells[0], 4);
	cr_assert_eq(cells[1], 3);
	cr_assert_eq(cells[2], 3);
}

Test(ui_bar, empty_total_or_width_gives_no_cells)
{
	uint64_t v[2] = { 0, 0 };
	int cells[2] = { 7, 7 };

	cr_assert_eq(ui_bar_split(v, 2, 0, 10, cells), 0);
	cr_assert_eq(cells[0], 0);
	cr_assert_eq(cells[1], 0);
	v[0] = 5;
	cr_assert_eq(ui_bar_split(v, 2, 10, 0, cells), 0);
	cr_assert_eq(cells[0], 0);
}

Test(ui_bar, counts_past_the_total_fill_the_width_exactly)
{
	uint64_t v[2] = { 30, 30 };
	int cells[2];

	cr_assert_eq(ui_bar_split(v, 2, 40, 11, cells), 11);
	cr_assert_eq(cells[0] + cells[1], 11);
}

Test(ui_bar, format_draws_each_segment_then_the_rest_in_exact_width)
{
	struct sbuf b = { 0 };
	int cells[2] = { 3, 2 };
	const char *glyph[2] = { "█", "!" };

	cr_assert_eq(ui_fmt_bar(&b, cells, glyph, 2, "·", 8), 8);
	cr_assert_str_eq(b.s, "███!!···");
	cr_assert_eq(txt_width(b.s), 8);
	sbuf_reset(&b);
	cr_assert_eq(ui_fmt_bar(&b, cells, glyph, 2, ".", 4), 4);
	cr_assert_str_eq(b.s, "███!");
	sbuf_free(&b);
}

Test(ui_layout, the_focused_pane_gets_the_width)
{
	struct ui_layout lo;
	int w, p, x;

	/* At 80 columns the tasks take the whole width, the documents most. */
	cr_assert_eq(ui_layout_focus(80, 24, 2, 0, &lo), 0);
	cr_assert_eq(lo.pane_w[2], 80);
	cr_assert_eq(lo.pane_w[0] + lo.pane_w[1], 0);
	ui_layout_focus(80, 24, 1, 0, &lo);
	cr_assert_geq(lo.pane_w[1], 50);
	cr_assert_eq(lo.pane_w[2], 0);
	/* Focus on the units: below 100 columns the tree with a column of
	 * document numbers, the tasks folded; from 100 the plain layout. */
	ui_layout_focus(80, 24, 0, 0, &lo);
	cr_assert_eq(lo.pane_w[1], 16);
	cr_assert_eq(lo.pane_w[0], 63);
	cr_assert_eq(lo.pane_w[2], 0);
	{
		struct ui_layout plain;

		ui_layout(100, 30, &plain);
		ui_layout_focus(100, 30, 0, 0, &lo);
		cr_assert_eq(memcmp(&lo, &plain, sizeof(lo)), 0);
	}
	/* Every focus, every width: the shown panes and their separators fill
	 * the width exactly; z gives the focused pane all of it. */
	for (w = 80; w <= 240; w += 5)
		for (p = 0; p < 3; p++) {
			int full;

			for (full = 0; full < 2; full++) {
				int shown = 0;

				cr_assert_eq(ui_layout_focus(w, 30, p, full, &lo), 0);
				for (x = 0; x < 3; x++)
					if (lo.pane_w[x] > 0)
						shown += lo.pane_w[x] + 1;
				cr_assert_eq(shown - 1, w, "width %d focus %d full %d", w, p, full);
				cr_assert_geq(lo.pane_w[p], full ? w : p == 0 ? 27 : 40);
				if (p == 2 && w >= 110 && !full)
					cr_assert_geq(lo.pane_w[0], 18);
			}
		}
}

/* ---- ui_fmt_wrap_parts: messages and hints shown whole ---- */

struct wrapped {
	char lines[16][200];
	int n;
};

static int keep_line(const char *line, size_t len, void *ctx)
{
	struct wrapped *w = ctx;

	cr_assert_lt(w->n, 16);
	cr_assert_lt(len, sizeof(w->lines[0]));
	memcpy(w->lines[w->n], line, len);
	w->lines[w->n][len] = '\0';
	w->n++;
	return 0;
}

Test(ui_wrap, a_hint_breaks_between_its_parts_never_inside_one)
{
	const char *h = "Enter: lưu · Tab/↓: trường sau · Ctrl-T: chọn đơn vị trong cây · Esc: hủy";
	struct wrapped w = { .n = 0 };
	int n = ui_fmt_wrap_parts(h, 68, keep_line, &w);

	cr_assert_eq(n, 2);
	cr_assert_eq(w.n, 2);
	cr_assert_str_eq(w.lines[0], "Enter: lưu · Tab/↓: trường sau · Ctrl-T: chọn đơn vị trong cây");
	cr_assert_str_eq(w.lines[1], "Esc: hủy");
	/* wide enough: one line, the text as it is */
	w.n = 0;
	cr_assert_eq(ui_fmt_wrap_parts(h, 200, keep_line, &w), 1);
	cr_assert_str_eq(w.lines[0], h);
}

Test(ui_wrap, a_long_message_breaks_between_words_and_loses_nothing)
{
	const char *m = "Có kết quả: nhiệm vụ #30 đã có kết quả được ghi nhận (cập nhật, hoàn "
	                "thành, gia hạn); xóa cả kết quả thì chọn “xóa cả kết quả” ở trường sau.";
	struct wrapped w = { .n = 0 };
	char joined[400] = "";
	int i, n = ui_fmt_wrap_parts(m, 40, keep_line, &w);

	cr_assert_geq(n, 4);
	for (i = 0; i < w.n; i++) {
		cr_assert_leq(txt_width(w.lines[i]), 40, "line %d: %s", i, w.lines[i]);
		cr_assert_neq(w.lines[i][0], ' ');
		if (i)
			strcat(joined, " ");
		strcat(joined, w.lines[i]);
	}
	cr_assert_str_eq(joined, m);
}

Test(ui_wrap, newlines_end_lines_and_empty_text_has_none)
{
	struct wrapped w = { .n = 0 };

	cr_assert_eq(ui_fmt_wrap_parts("", 10, keep_line, &w), 0);
	cr_assert_eq(ui_fmt_wrap_parts("một\nhai", 80, keep_line, &w), 2);
	cr_assert_str_eq(w.lines[0], "một");
	cr_assert_str_eq(w.lines[1], "hai");
	/* counting only, and a width below 1 taken as 1 */
	cr_assert_eq(ui_fmt_wrap_parts("a b", 0, NULL, NULL), 2);
}
