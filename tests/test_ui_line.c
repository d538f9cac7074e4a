/* Tests of the TUI's one-line UTF-8 editor (src/ui-line.c). */
#include <criterion/criterion.h>
#include <string.h>

#include "ui-line.h"

/* "ệ" decomposed: e + combining dot below + combining circumflex. */
#define E_NFD "e\xcc\xa3\xcc\x82"

Test(ui_line, starts_with_cursor_at_end_and_not_dirty)
{
	struct ui_line l;

	uil_init(&l, "họp", 0);
	cr_assert_str_eq(l.s, "họp");
	cr_assert_eq(l.cur, strlen("họp"));
	cr_assert_eq(l.dirty, 0);
	uil_free(&l);
}

Test(ui_line, typing_vietnamese_appends_whole_characters)
{
	struct ui_line l;
	const char *word = "đã họp";

	uil_init(&l, NULL, 0);
	cr_assert_eq(uil_insert(&l, word, strlen(word)), 0);
	cr_assert_eq(uil_insert_char(&l, 0x1EC7 /* ệ */), 0);
	cr_assert_str_eq(l.s, "đã họpệ");
	cr_assert_eq(uil_chars(&l), 7);
	cr_assert_eq(l.dirty, 1);
	uil_free(&l);
}

Test(ui_line, left_and_right_move_by_character_over_multibyte_letters)
{
	struct ui_line l;

	uil_init(&l, "Tổ", 0);
	cr_assert_eq(uil_left(&l), 1);
	cr_assert_eq(l.cur, 1); /* before "ổ" (3 bytes) */
	cr_assert_eq(uil_left(&l), 1);
	cr_assert_eq(l.cur, 0);
	cr_assert_eq(uil_left(&l), 0);
	cr_assert_eq(uil_right(&l), 1);
	cr_assert_eq(uil_right(&l), 1);
	cr_assert_eq(l.cur, strlen("Tổ"));
	cr_assert_eq(uil_right(&l), 0);
	uil_free(&l);
}

Test(ui_line, combining_marks_move_with_their_letter)
{
	struct ui_line l;

	uil_init(&l, "Vi" E_NFD "t", 0);
	cr_assert_eq(uil_chars(&l), 4);
	uil_left(&l); /* before t */
	uil_left(&l); /* before the decomposed ệ */
	cr_assert_eq(l.cur, 2);
	uil_right(&l);
	cr_assert_eq(l.cur, 2 + strlen(E_NFD));
	uil_free(&l);
}

Test(ui_line, backspace_deletes_a_whole_decomposed_character)
{
	struct ui_line l;

	uil_init(&l, "Vi" E_NFD "t", 0);
	uil_left(&l);
	cr_assert_eq(uil_backspace(&l), 1);
	cr_assert_str_eq(l.s, "Vit");
	cr_assert_eq(l.cur, 2);
	uil_free(&l);
}

Test(ui_line, delete_removes_the_character_under_the_cursor)
{
	struct ui_line l;

	uil_init(&l, "chức", 0);
	uil_home(&l);
	uil_right(&l);
	uil_right(&l);
	cr_assert_eq(uil_delete(&l), 1);
	cr_assert_str_eq(l.s, "chc");
	cr_assert_eq(uil_delete(&l), 1);
	cr_assert_str_eq(l.s, "ch");
	cr_assert_eq(uil_delete(&l), 0);
	uil_free(&l);
}

Test(ui_line, backspace_at_start_does_nothing)
{
	struct ui_line l;

	uil_init(&l, "a", 0);
	uil_home(&l);
	cr_assert_eq(uil_backspace(&l), 0);
	cr_assert_str_eq(l.s, "a");
	uil_free(&l);
}

Test(ui_line, combining_mark_typed_after_a_letter_joins_it)
{
	struct ui_line l;

	uil_init(&l, "a", 0);
	cr_assert_eq(uil_insert_char(&l, 0x0301), 0);
	cr_assert_eq(uil_chars(&l), 1);
	cr_assert_eq(l.cur, l.len);
	cr_assert_eq(uil_backspace(&l), 1);
	cr_assert_str_eq(l.s, "");
	uil_free(&l);
}

Test(ui_line, insert_in_the_middle_keeps_the_rest)
{
	struct ui_line l;

	uil_init(&l, "hp", 0);
	uil_left(&l);
	uil_insert_char(&l, 0x1ECD); /* ọ */
	cr_assert_str_eq(l.s, "họp");
	cr_assert_eq(l.cur, 1 + strlen("ọ"));
	uil_free(&l);
}

Test(ui_line, home_and_end_jump_to_the_edges)
{
	struct ui_line l;

	uil_init(&l, "Tổ chức", 0);
	uil_home(&l);
	cr_assert_eq(l.cur, 0);
	uil_end(&l);
	cr_assert_eq(l.cur, l.len);
	uil_free(&l);
}

Test(ui_line, invalid_utf8_and_overlong_input_are_refused)
{
	struct ui_line l;

	uil_init(&l, "ab", 4);
	cr_assert_eq(uil_insert(&l, "\xc3", 1), -1);
	cr_assert_eq(uil_insert(&l, "ổ", strlen("ổ")), -1); /* 2 + 3 > 4 */
	cr_assert_eq(uil_insert(&l, "cd", 2), 0);
	cr_assert_str_eq(l.s, "abcd");
	uil_free(&l);
}

Test(ui_line, control_characters_are_dropped)
{
	struct ui_line l;

	uil_init(&l, NULL, 0);
	cr_assert_eq(uil_insert(&l, "a\tb\x1b", 4), 0);
	cr_assert_str_eq(l.s, "ab");
	uil_free(&l);
}

Test(ui_line, too_long_initial_text_is_cut_at_a_character_boundary)
{
	struct ui_line l;

	uil_init(&l, "aổb", 3); /* "ổ" needs bytes 2..4 */
	cr_assert_str_eq(l.s, "a");
	uil_free(&l);
}

Test(ui_line, kill_start_removes_text_before_the_cursor)
{
	struct ui_line l;

	uil_init(&l, "đã họp", 0);
	uil_left(&l);
	uil_kill_start(&l);
	cr_assert_str_eq(l.s, "p");
	cr_assert_eq(l.cur, 0);
	uil_free(&l);
}

Test(ui_line, width_counts_wide_as_two_and_combining_as_zero)
{
	cr_assert_eq(uil_width("Tổ", strlen("Tổ")), 2);
	cr_assert_eq(uil_width(E_NFD, strlen(E_NFD)), 1);
	cr_assert_eq(uil_width("漢字", strlen("漢字")), 4);
}

Test(ui_line, short_text_shows_whole_with_cursor_after_it)
{
	struct ui_line l;
	size_t s, e;
	int col;

	uil_init(&l, "họp", 0);
	uil_view(&l, 10, &s, &e, &col);
	cr_assert_eq(s, 0);
	cr_assert_eq(e, l.len);
	cr_assert_eq(col, 3);
	uil_free(&l);
}

Test(ui_line, view_scrolls_to_keep_the_cursor_visible)
{
	struct ui_line l;
	size_t s, e;
	int col;

	uil_init(&l, "đã họp triển khai", 0); /* 17 columns */
	uil_view(&l, 8, &s, &e, &col);
	cr_assert_eq(col, 7);                 /* cursor in the last cell */
	cr_assert_eq(uil_width(l.s + s, e - s), 7);
	cr_assert_str_eq(l.s + s, "ển khai");
	uil_home(&l);
	uil_view(&l, 8, &s, &e, &col);
	cr_assert_eq(s, 0);
	cr_assert_eq(col, 0);
	cr_assert_eq(uil_width(l.s, e), 8);
	uil_free(&l);
}

Test(ui_line, view_never_splits_a_wide_character)
{
	struct ui_line l;
	size_t s, e;
	int col;

	uil_init(&l, "漢字漢字", 0);
	uil_home(&l);
	uil_view(&l, 5, &s, &e, &col);
	cr_assert_eq(e - s, strlen("漢字")); /* a third would need columns 5-6 */
	uil_free(&l);
}

Test(ui_line, view_pulls_back_left_after_deleting_at_the_end)
{
	struct ui_line l;
	size_t s, e;
	int col;

	uil_init(&l, "abcdefghij", 0);
	uil_view(&l, 5, &s, &e, &col);
	cr_assert_eq(s, 6);
	uil_backspace(&l);
	uil_backspace(&l);
	uil_backspace(&l);
	uil_view(&l, 5, &s, &e, &col);
	cr_assert_eq(s, 3);
	cr_assert_eq(col, 4);
	uil_free(&l);
}

Test(ui_line, wrap_view_shows_the_cursor_line_of_a_long_note)
{
	struct ui_line l;
	size_t st[3], ln[3];
	int n, row, col;

	/* Three words of 9 columns, 10 wide: one word a line. */
	uil_init(&l, "đã họp xx tổng hợp báo cáo", 0);
	n = uil_wrap_view(&l, 10, 3, st, ln, &row, &col);
	cr_assert_eq(n, 3);
	cr_assert_eq(row, 2, "the cursor at the end is on the last line");
	cr_assert_eq(strncmp(l.s + st[0], "đã họp xx", ln[0]), 0);
	cr_assert_eq(strncmp(l.s + st[2], "báo cáo", ln[2]), 0);
	cr_assert_eq(col, 7);
	/* Only two rows: the view scrolls to keep the cursor's line. */
	n = uil_wrap_view(&l, 10, 2, st, ln, &row, &col);
	cr_assert_eq(n, 2);
	cr_assert_eq(row, 1);
	cr_assert_eq(strncmp(l.s + st[1], "báo cáo", ln[1]), 0);
	uil_home(&l);
	n = uil_wrap_view(&l, 10, 2, st, ln, &row, &col);
	cr_assert_eq(row, 0);
	cr_assert_eq(col, 0);
	cr_assert_eq(st[0], 0);
	uil_free(&l);
}

Test(ui_line, paragraphs_keep_newlines_a_line_does_not)
{
	struct ui_line one, multi;

	uil_init(&one, "a\nb", 0);
	cr_assert_str_eq(one.s, "ab", "a one-line field drops the newline");
	cr_assert_eq(uil_newline(&one), -1);
	uil_init_multi(&multi, "Đoạn một.\nĐoạn hai.\t", 0);
	cr_assert_str_eq(multi.s, "Đoạn một.\nĐoạn hai.", "newlines kept, other controls not");
	cr_assert_eq(uil_newline(&multi), 0);
	cr_assert_str_eq(multi.s, "Đoạn một.\nĐoạn hai.\n");
	uil_set(&multi, "x\ny");
	cr_assert_str_eq(multi.s, "x\ny", "uil_set keeps the kind of editor");
	uil_free(&one);
	uil_free(&multi);
}

Test(ui_line, wrap_view_puts_the_cursor_after_a_final_newline_on_its_own_line)
{
	struct ui_line l;
	size_t st[4], ln[4];
	int n, row, col;

	uil_init_multi(&l, "kết quả", 0);
	uil_newline(&l);
	n = uil_wrap_view(&l, 20, 4, st, ln, &row, &col);
	cr_assert_eq(n, 2);
	cr_assert_eq(row, 1);
	cr_assert_eq(col, 0);
	cr_assert_eq(ln[1], 0);
	uil_free(&l);
}

Test(ui_line, up_and_down_move_between_wrapped_lines_by_column)
{
	struct ui_line l;

	/* 10 wide: "đã họp xx" / "tổng hợp" / then the next paragraph "ab". */
	uil_init_multi(&l, "đã họp xx tổng hợp\nab", 0);
	uil_home(&l);
	uil_right(&l);
	uil_right(&l); /* after "đã" */
	cr_assert_eq(uil_wrap_move(&l, 10, 1), 1);
	cr_assert_eq(strncmp(l.s + l.cur, "ng hợp", strlen("ng hợp")), 0, "column 2 of line 2");
	cr_assert_eq(uil_wrap_move(&l, 10, 1), 1);
	cr_assert_eq(l.cur, l.len, "the short last line: its end");
	cr_assert_eq(uil_wrap_move(&l, 10, 1), 0, "no line below the last");
	cr_assert_eq(uil_wrap_move(&l, 10, -5), 1);
	cr_assert_eq(l.cur, strlen("đã"), "up to the first line at column 2: after \"đã\"");
	uil_wrap_edge(&l, 10, 1);
	cr_assert_eq(strncmp(l.s, "đã họp xx", l.cur), 0);
	cr_assert_eq(l.cur, strlen("đã họp xx"));
	uil_wrap_edge(&l, 10, 0);
	cr_assert_eq(l.cur, 0);
	uil_free(&l);
}
