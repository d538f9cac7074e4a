/* Tests for text.h: validation, normalisation, folding, display width,
 * truncation, padding, wrapping, sanitising and input cleaning. */
#include <criterion/criterion.h>

#include <stdlib.h>
#include <string.h>

#include <uniwidth.h>

#include "text.h"

/* The same words composed (NFC) and decomposed (NFD). */
#define TO_CHUC_NFC "T\xE1\xBB\x95 ch\xE1\xBB\xA9" "c"             /* Tổ chức */
#define TO_CHUC_NFD "To\xCC\x82\xCC\x89 chu\xCC\x9B\xCC\x81" "c"   /* To+^+? chu+horn+' c */

static char *fold(const char *s)
{
	return txt_fold(s, TXT_NUL, NULL);
}

static void assert_fold(const char *in, const char *want)
{
	char *f = fold(in);

	cr_assert_str_eq(f, want, "fold(\"%s\") = \"%s\", want \"%s\"", in, f, want);
	free(f);
}

/* ---- validation ------------------------------------------------------ */

Test(validate, accepts_vietnamese_and_empty)
{
	cr_assert_eq(txt_validate(TO_CHUC_NFC, TXT_NUL, NULL, NULL), 0);
	cr_assert_eq(txt_validate(TO_CHUC_NFD, strlen(TO_CHUC_NFD), NULL, NULL), 0);
	cr_assert_eq(txt_validate("", 0, NULL, NULL), 0);
}

Test(validate, reports_line_and_column_in_characters)
{
	/* Line 2: "Tổ " is 3 characters, so the bad byte is column 4. */
	const char *s = "dòng một\nTổ \xFF chức";
	int line = 0, col = 0;

	cr_assert_eq(txt_validate(s, strlen(s), &line, &col), ERR_INPUT);
	cr_assert_eq(line, 2);
	cr_assert_eq(col, 4);
}

Test(validate, first_byte_bad_is_line_1_col_1)
{
	int line = 0, col = 0;

	cr_assert_neq(txt_validate("\x80" "abc", 4, &line, &col), 0);
	cr_assert_eq(line, 1);
	cr_assert_eq(col, 1);
}

Test(validate, rejects_truncated_overlong_and_surrogates)
{
	int line, col;

	cr_assert_neq(txt_validate("ab\xE1\xBB", 4, &line, &col), 0, "truncated");
	cr_assert_eq(col, 3);
	cr_assert_neq(txt_validate("\xC0\xAF", 2, &line, &col), 0, "overlong '/'");
	cr_assert_neq(txt_validate("\xED\xA0\x80", 3, &line, &col), 0, "surrogate");
	cr_assert_neq(txt_validate("\xF4\x90\x80\x80", 4, &line, &col), 0, "above U+10FFFF");
}

Test(validate, reads_only_n_bytes)
{
	int line = 0, col = 0;

	cr_assert_eq(txt_validate("ab\xFF", 2, &line, &col), 0);
	cr_assert_eq(line, 0, "untouched on success");
}

/* ---- normalisation --------------------------------------------------- */

Test(nfc, composes_decomposed_vietnamese)
{
	size_t len = 0;
	char *s = txt_nfc(TO_CHUC_NFD, strlen(TO_CHUC_NFD), &len);

	cr_assert_str_eq(s, TO_CHUC_NFC);
	cr_assert_eq(len, strlen(TO_CHUC_NFC));
	free(s);
}

Test(nfc, keeps_composed_text)
{
	char *s = txt_nfc("Hội đồng nhân dân", TXT_NUL, NULL);

	cr_assert_str_eq(s, "Hội đồng nhân dân");
	free(s);
}

Test(nfc, empty_and_invalid)
{
	char *s = txt_nfc("", 0, NULL);

	cr_assert_str_eq(s, "");
	free(s);
	cr_assert_null(txt_nfc("a\xFF", 2, NULL));
}

Test(nfc, lower_and_upper_keep_diacritics)
{
	char *l = txt_lower("BAN TỔ CHỨC ĐUK"), *u = txt_upper(TO_CHUC_NFD);

	cr_assert_str_eq(l, "ban tổ chức đuk");
	cr_assert_str_eq(u, "TỔ CHỨC");
	free(l);
	free(u);
}

/* ---- folding --------------------------------------------------------- */

Test(fold, removes_case_and_diacritics)
{
	assert_fold("Tổ chức", "to chuc");
	assert_fold("ĐẢNG ỦY KHỐI", "dang uy khoi");
	assert_fold("ĐUK", "duk");
	assert_fold("Ủy ban", "uy ban");
	assert_fold("Hội đồng nhân dân", "hoi dong nhan dan");
	assert_fold("Ban Thường vụ Tỉnh ủy", "ban thuong vu tinh uy");
	assert_fold("quý II/2023", "quy ii/2023");
}

Test(fold, nfd_folds_like_nfc)
{
	assert_fold(TO_CHUC_NFD, "to chuc");
}

Test(fold, collapses_and_trims_all_white_space)
{
	assert_fold("  Hội\xC2\xA0\xC2\xA0" "đồng\t\n nhân   dân \r\n", "hoi dong nhan dan");
	assert_fold("\xE2\x80\x83" "a\xE3\x80\x80" "b", "a b");
	assert_fold("   ", "");
	assert_fold("", "");
}

Test(fold, maps_punctuation_and_drops_invisible_characters)
{
	assert_fold("2024 \xE2\x80\x93 2026", "2024 - 2026");               /* en dash */
	assert_fold("\xE2\x80\x9CQuy ch\xE1\xBA\xBF\xE2\x80\x9D", "\"quy che\""); /* “Quy chế” */
	assert_fold("th\xC2\xAD\xE1\xBB\xB1" "c hi\xE1\xBB\x87n", "thuc hien");   /* soft hyphen */
	assert_fold("\xEF\xBB\xBF" "ab\xE2\x80\x8B" "c", "abc");                  /* BOM, ZWSP */
	assert_fold("a\x01" "b", "ab");
	assert_fold("v.v\xE2\x80\xA6", "v.v...");
}

Test(fold, invalid_bytes_give_question_marks)
{
	assert_fold("a\xFF" "b", "a?b");
}

Test(fold, result_is_ascii_for_vietnamese)
{
	const char *s = "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ";
	char *f = fold(s), *l = txt_lower(s), *fl = fold(l);
	const char *p;

	for (p = f; *p; p++)
		cr_assert_lt((unsigned char)*p, 0x80, "non-ASCII in \"%s\"", f);
	cr_assert_str_eq(f, "aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy");
	cr_assert_str_eq(fl, f);
	free(f);
	free(l);
	free(fl);
}

Test(fold, reads_only_n_bytes_and_reports_length)
{
	size_t len = 99;
	char *f = txt_fold("ABC DEF", 5, &len);

	cr_assert_str_eq(f, "abc d");
	cr_assert_eq(len, 5);
	free(f);
}

Test(fold, map_points_at_source_characters)
{
	const char *s = "  Tổ\xC2\xA0 chức";
	size_t len = 0, *map = NULL;
	char *f = txt_fold_map(s, strlen(s), &len, &map);

	cr_assert_str_eq(f, "to chuc");
	cr_assert_eq(len, 7);
	cr_assert_eq(map[0], 2);                 /* T */
	cr_assert_eq(map[1], 3);                 /* ổ */
	cr_assert_eq(map[2], 6);                 /* the NBSP starts the run */
	cr_assert_eq(map[3], 9);                 /* c */
	cr_assert_eq(map[5], 11);                /* ứ */
	cr_assert_eq(map[6], 14);                /* c */
	cr_assert_eq(map[7], strlen(s));
	free(f);
	free(map);
}

Test(fold, map_cuts_a_found_phrase_as_written)
{
	const char *s = "Giao Ban Tổ  chức Tỉnh ủy chủ trì";
	size_t len, *map, start, end;
	char *f = txt_fold_map(s, strlen(s), &len, &map);
	const char *hit = strstr(f, "ban to chuc tinh uy");
	size_t a, b;

	cr_assert_not_null(hit);
	a = (size_t)(hit - f);
	b = a + strlen("ban to chuc tinh uy");
	txt_fold_span(s, strlen(s), map, a, b, &start, &end);
	cr_assert_eq(end - start, strlen("Ban Tổ  chức Tỉnh ủy"));
	cr_assert_eq(strncmp(s + start, "Ban Tổ  chức Tỉnh ủy", end - start), 0);
	/* map[b] itself is the start of the next run of the original. */
	cr_assert_eq(map[b], end);
	free(f);
	free(map);
}

Test(fold, span_keeps_combining_marks_of_nfd_text)
{
	const char *s = TO_CHUC_NFD "  x";
	size_t len, *map, start, end;
	char *f = txt_fold_map(s, strlen(s), &len, &map);

	cr_assert_str_eq(f, "to chuc x");
	txt_fold_span(s, strlen(s), map, 0, 7, &start, &end);
	cr_assert_eq(start, 0);
	cr_assert_eq(end, strlen(TO_CHUC_NFD));
	/* A match ending in "chu" keeps the horn and acute after the u. */
	txt_fold_span(s, strlen(s), map, 3, 6, &start, &end);
	cr_assert_eq(strncmp(s + start, "chu\xCC\x9B\xCC\x81", end - start), 0);
	cr_assert_eq(end - start, 7);
	free(f);
	free(map);
}

Test(fold, map_of_empty_text_has_one_entry)
{
	size_t len = 9, *map = NULL;
	char *f = txt_fold_map("  ", 2, &len, &map);

	cr_assert_eq(len, 0);
	cr_assert_eq(map[0], 2);
	free(f);
	free(map);
}

Test(fold, contains_and_whole_words)
{
	char *hay = fold("Giao BTC Tỉnh ủy, Ban Tuyên giáo chủ trì");

	cr_assert(txt_contains(hay, "btc tinh uy"));
	cr_assert(txt_contains(hay, ""));
	cr_assert_not(txt_contains(hay, "ban to chuc"));
	cr_assert_eq(txt_find_word(hay, "btc"), 5);
	cr_assert_eq(txt_find_word(hay, "tuyen giao"), 22);
	cr_assert_eq(txt_find_word(hay, "tuyen gia"), -1);
	cr_assert_eq(txt_find_word(hay, "iao"), -1);
	cr_assert_eq(txt_find_word(hay, ""), -1);
	free(hay);
}

Test(fold, whole_word_search_skips_partial_hits)
{
	cr_assert_eq(txt_find_word("abtc btc", "btc"), 5);
	cr_assert_eq(txt_find_word("btc-tu", "btc"), 0);
	cr_assert_eq(txt_find_word("btcx", "btc"), -1);
}

Test(fold, eq_ignores_case_marks_and_spacing)
{
	cr_assert(txt_fold_eq("Ủy ban", " ủy\xC2\xA0 BAN "));
	cr_assert(txt_fold_eq(TO_CHUC_NFD, "TỔ CHỨC"));
	cr_assert_not(txt_fold_eq("Ủy ban", "Ủy ban kiểm tra"));
}

/* ---- width ----------------------------------------------------------- */

Test(width, counts_columns)
{
	cr_assert_eq(txt_width(""), 0);
	cr_assert_eq(txt_width("abc"), 3);
	cr_assert_eq(txt_width(TO_CHUC_NFC), 7);
	cr_assert_eq(txt_width("\xE6\x97\xA5\xE6\x9C\xAC"), 4);     /* 日本 */
	cr_assert_eq(txt_width("\xE2\x80\xA6"), 1);                 /* … */
	cr_assert_eq(txt_width("a\x1b" "b"), 2, "controls count 0");
	cr_assert_eq(txt_width("a\xFF"), 2, "an invalid byte counts 1");
	cr_assert_eq(txt_width_n("abcdef", 2), 2);
}

Test(width, nfd_equals_nfc)
{
	const char *nfd = "Hi\xCC\xA3\xCC\x82\xCC\x81i \xC4\x91o\xCC\x82\xCC\x80ng"; /* Hội đồng */

	cr_assert_eq(txt_width(TO_CHUC_NFD), txt_width(TO_CHUC_NFC));
	cr_assert_eq(txt_width(nfd), txt_width("Hội đồng"));
	cr_assert_eq(txt_width(nfd), 8);
}

Test(width, chars_counts_code_points)
{
	cr_assert_eq(txt_chars(TO_CHUC_NFC, TXT_NUL), 7);
	cr_assert_eq(txt_chars(TO_CHUC_NFD, TXT_NUL), 11);
	cr_assert_eq(txt_chars("a\xFF", 2), 2);
}

/* ---- fit, truncation, padding ---------------------------------------- */

Test(fit, never_separates_base_and_marks)
{
	int used = -1;
	size_t n;

	/* "To" + two marks is one cluster: 2 columns take T and the o cluster. */
	n = txt_fit(TO_CHUC_NFD, 2, &used);
	cr_assert_eq(n, 6);
	cr_assert_eq(used, 2);
	n = txt_fit(TO_CHUC_NFD, 1, &used);
	cr_assert_eq(n, 1);
	cr_assert_eq(used, 1);
	cr_assert_eq(txt_fit(TO_CHUC_NFD, 0, &used), 0);
	cr_assert_eq(used, 0);
	cr_assert_eq(txt_fit(TO_CHUC_NFD, 100, &used), strlen(TO_CHUC_NFD));
	cr_assert_eq(used, 7);
}

Test(fit, does_not_split_wide_characters)
{
	int used;

	cr_assert_eq(txt_fit("a\xE6\x97\xA5" "b", 2, &used), 1);
	cr_assert_eq(used, 1);
	cr_assert_eq(txt_fit("a\xE6\x97\xA5" "b", 3, &used), 4);
	cr_assert_eq(used, 3);
}

Test(trunc, short_text_is_copied_unchanged)
{
	char *t = txt_trunc("Tổ chức", 7);

	cr_assert_str_eq(t, "Tổ chức");
	free(t);
}

Test(trunc, long_text_ends_with_ellipsis)
{
	char *t = txt_trunc("Ban Tổ chức Tỉnh ủy", 8);

	cr_assert_str_eq(t, "Ban Tổ …");
	cr_assert_eq(txt_width(t), 8);
	free(t);
	t = txt_trunc("abc", 1);
	cr_assert_str_eq(t, "…");
	free(t);
	t = txt_trunc("abc", 0);
	cr_assert_str_eq(t, "");
	free(t);
}

Test(trunc, keeps_combining_sequences_whole)
{
	int cols;

	for (cols = 1; cols <= 7; cols++) {
		char *t = txt_trunc(TO_CHUC_NFD, cols);
		size_t n = strlen(t);

		cr_assert_leq(txt_width(t), cols);
		if (cols < 7) {
			cr_assert_eq(strcmp(t + n - 3, "\xE2\x80\xA6"), 0, "ends in …");
			/* What precedes … is a prefix of the original ending on a
			 * cluster boundary: never followed by a mark there. */
			cr_assert_eq(strncmp(t, TO_CHUC_NFD, n - 3), 0);
			cr_assert_neq((unsigned char)TO_CHUC_NFD[n - 3], 0xCC,
				      "cut before a combining mark at cols=%d", cols);
		}
		free(t);
	}
}

Test(trunc, never_splits_a_wide_character)
{
	char *t = txt_trunc("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", 4); /* 日本語 */

	/* 3 columns for text: only one wide character fits, then … */
	cr_assert_str_eq(t, "\xE6\x97\xA5\xE2\x80\xA6");
	cr_assert_eq(txt_width(t), 3);
	free(t);
}

Test(trunc, leaves_out_control_characters)
{
	char *t = txt_trunc("a\x1b[31mb", 10);

	cr_assert_str_eq(t, "a[31mb");
	free(t);
}

Test(pad, pads_to_exact_width)
{
	struct sbuf b = {0};

	txt_pad(&b, "Tổ", 5, 0);
	cr_assert_str_eq(b.s, "Tổ   ");
	sbuf_reset(&b);
	txt_pad(&b, "Tổ", 5, 1);
	cr_assert_str_eq(b.s, "   Tổ");
	sbuf_reset(&b);
	txt_pad(&b, TO_CHUC_NFD, 9, 0);
	cr_assert_eq(txt_width(b.s), 9);
	sbuf_free(&b);
}

Test(pad, truncates_long_text_to_exact_width)
{
	struct sbuf b = {0};

	txt_pad(&b, "Ban Tổ chức Tỉnh ủy", 8, 0);
	cr_assert_str_eq(b.s, "Ban Tổ …");
	sbuf_free(&b);
}

Test(pad, wide_characters_fill_exact_width)
{
	struct sbuf b = {0};
	int cols;

	/* 日本語 is 6 columns; every width from 1 to 8 comes out exact. */
	for (cols = 1; cols <= 8; cols++) {
		sbuf_reset(&b);
		sbuf_puts(&b, "|");
		txt_pad(&b, "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", cols, cols % 2);
		cr_assert_eq(txt_width(b.s), cols + 1, "cols=%d got \"%s\"", cols, b.s);
	}
	sbuf_reset(&b);
	txt_pad(&b, "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", 5, 0);
	cr_assert_str_eq(b.s, "\xE6\x97\xA5\xE6\x9C\xAC\xE2\x80\xA6" "", "日本… is 5 columns");
	sbuf_free(&b);
}

Test(pad, nothing_for_zero_columns)
{
	struct sbuf b = {0};

	txt_pad(&b, "abc", 0, 0);
	cr_assert_eq(b.len, 0);
	sbuf_free(&b);
}

Test(cursor, next_and_prev_step_over_clusters)
{
	const char *s = TO_CHUC_NFD;
	size_t len = strlen(s);

	cr_assert_eq(txt_next(s, len, 0), 1);
	cr_assert_eq(txt_next(s, len, 1), 6);   /* o + two marks */
	cr_assert_eq(txt_prev(s, len, 6), 1);
	cr_assert_eq(txt_prev(s, len, 1), 0);
	cr_assert_eq(txt_prev(s, len, 0), 0);
	cr_assert_eq(txt_next(s, len, len), len);
	cr_assert_eq(txt_prev(s, len, len), len - 1);
}

/* ---- wrapping -------------------------------------------------------- */

struct lines {
	char text[16][64];
	int n;
};

static int collect(const char *line, size_t len, void *ctx)
{
	struct lines *l = ctx;

	cr_assert_lt(len, sizeof(l->text[0]));
	memcpy(l->text[l->n], line, len);
	l->text[l->n][len] = '\0';
	l->n++;
	return l->n >= 16;
}

Test(wrap, breaks_at_spaces_within_width)
{
	struct lines l = {0};
	int n = txt_wrap("Ban Tổ chức Tỉnh ủy chủ trì, phối hợp", 12, collect, &l);
	int i;

	cr_assert_eq(n, 4);
	cr_assert_eq(l.n, 4);
	cr_assert_str_eq(l.text[0], "Ban Tổ chức");
	cr_assert_str_eq(l.text[1], "Tỉnh ủy chủ");
	cr_assert_str_eq(l.text[2], "trì, phối");
	cr_assert_str_eq(l.text[3], "hợp");
	for (i = 0; i < l.n; i++)
		cr_assert_leq(txt_width(l.text[i]), 12);
}

Test(wrap, nfd_text_wraps_like_nfc)
{
	struct lines a = {0}, b = {0};
	const char *nfd = TO_CHUC_NFD " " TO_CHUC_NFD;
	int i;

	txt_wrap(nfd, 8, collect, &a);
	txt_wrap(TO_CHUC_NFC " " TO_CHUC_NFC, 8, collect, &b);
	cr_assert_eq(a.n, b.n);
	cr_assert_eq(a.n, 2);
	for (i = 0; i < a.n; i++)
		cr_assert_eq(txt_width(a.text[i]), txt_width(b.text[i]));
}

Test(wrap, hard_breaks_long_words_by_character)
{
	struct lines l = {0};

	cr_assert_eq(txt_wrap("abcdefghij xy", 4, collect, &l), 4);
	cr_assert_str_eq(l.text[0], "abcd");
	cr_assert_str_eq(l.text[1], "efgh");
	cr_assert_str_eq(l.text[2], "ij");
	cr_assert_str_eq(l.text[3], "xy");
}

Test(wrap, keeps_wide_and_combining_clusters_whole)
{
	struct lines l = {0};
	int i;

	txt_wrap("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", 3, collect, &l); /* 日本語 */
	cr_assert_eq(l.n, 3);
	for (i = 0; i < l.n; i++)
		cr_assert_eq(txt_width(l.text[i]), 2);
	memset(&l, 0, sizeof(l));
	txt_wrap("\xE6\x97\xA5", 1, collect, &l);
	cr_assert_eq(l.n, 1, "a cluster wider than cols goes alone");
	memset(&l, 0, sizeof(l));
	txt_wrap(TO_CHUC_NFD, 1, collect, &l);
	cr_assert_eq(l.n, 6);
	cr_assert_str_eq(l.text[1], "o\xCC\x82\xCC\x89");
}

Test(wrap, newlines_make_paragraphs)
{
	struct lines l = {0};

	cr_assert_eq(txt_wrap("một\r\n\nhai ba\n", 20, collect, &l), 3);
	cr_assert_str_eq(l.text[0], "một");
	cr_assert_str_eq(l.text[1], "");
	cr_assert_str_eq(l.text[2], "hai ba");
	cr_assert_eq(txt_wrap("", 20, NULL, NULL), 0);
}

Test(wrap, keeps_indentation_and_drops_spaces_at_breaks)
{
	struct lines l = {0};

	txt_wrap("  aaa   bbb ccc  ", 7, collect, &l);
	cr_assert_eq(l.n, 2);
	cr_assert_str_eq(l.text[0], "  aaa");
	cr_assert_str_eq(l.text[1], "bbb ccc");
}

Test(wrap, callback_can_stop_and_null_callback_counts)
{
	struct lines l = {0};
	char text[2048];
	int i;

	for (i = 0; i < 100; i++)
		memcpy(text + i * 4, "ab  ", 4);
	text[400] = '\0';
	cr_assert_eq(txt_wrap(text, 2, NULL, NULL), 100);
	cr_assert_eq(txt_wrap(text, 2, collect, &l), 16, "stops when asked");
	cr_assert_eq(l.n, 16);
}

/* ---- sanitising ------------------------------------------------------ */

/* What a store holds is shown, never obeyed: an escape sequence reads as
 * "␛[1;31m" and no ESC byte reaches the terminal. */
Test(sanitize, escape_sequences_show_and_do_nothing)
{
	char *s = txt_sanitize("a\x1b[1;31mđỏ\x1b[0m b\x1b]0;title\x07" "c\x1b]8;;x\x1b\\d");

	cr_assert_str_eq(s, "a␛[1;31mđỏ␛[0m b␛]0;title␇c␛]8;;x␛\\d");
	cr_assert_null(strchr(s, 0x1b));
	cr_assert_null(strchr(s, 0x07));
	free(s);
}

Test(sanitize, charset_and_keypad_escapes_show)
{
	char *s = txt_sanitize("a\x1b(Bb\x1b=c\x1b#8d\x1b\x01" "e");

	cr_assert_str_eq(s, "a␛(Bb␛=c␛#8d␛␁e");
	free(s);
}

Test(sanitize, c1_controls_show_as_replacement_characters)
{
	char *s = txt_sanitize("a\xC2\x9B" "31mb\xC2\x9D" "0;t\xC2\x9C" "c\xC2\x85" "d");

	cr_assert_str_eq(s, "a\xEF\xBF\xBD" "31mb\xEF\xBF\xBD" "0;t\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d");
	cr_assert_null(strstr(s, "\xC2\x9B"));
	free(s);
}

Test(sanitize, tabs_newlines_and_controls)
{
	char *s = txt_sanitize("a\tb\nc\r\nd\x01" "e\x7f");
	char *k = txt_sanitize_nl("a\tb\nc\r\nd\re", 1);

	cr_assert_str_eq(s, "a b c d␁e␡");
	cr_assert_str_eq(k, "a b\nc\nd\ne");
	free(s);
	free(k);
}

Test(sanitize, drops_bidi_overrides_and_replaces_invalid_bytes)
{
	char *s = txt_sanitize("a\xE2\x80\xAE" "b\xE2\x81\xA6" "c\xFF" "Tổ");

	cr_assert_str_eq(s, "abc\xEF\xBF\xBDTổ");
	free(s);
}

Test(sanitize, escape_at_end_shows)
{
	char *s = txt_sanitize("abc\x1b");
	char *t = txt_sanitize("abc\x1b[12");

	cr_assert_str_eq(s, "abc␛");
	cr_assert_str_eq(t, "abc␛[12");
	free(s);
	free(t);
}

/* ---- input cleaning -------------------------------------------------- */

Test(clean_input, normalises_and_trims)
{
	char *out = NULL;
	struct err e = {0};

	cr_assert_eq(txt_clean_input("\xC2\xA0 " TO_CHUC_NFD "\t ", 100, 0, &out, &e), 0);
	cr_assert_str_eq(out, TO_CHUC_NFC);
	free(out);
	cr_assert_eq(txt_clean_input("\xEF\xBB\xBF" "a\tb", 100, 0, &out, &e), 0);
	cr_assert_str_eq(out, "a b");
	free(out);
	cr_assert_eq(txt_clean_input("   ", 100, 0, &out, NULL), 0);
	cr_assert_str_eq(out, "");
	free(out);
}

Test(clean_input, rejects_control_character_with_column)
{
	char *out = (char *)1;
	struct err e = {0};

	cr_assert_eq(txt_clean_input("Tổ\x1b[31m", 100, 0, &out, &e), ERR_INPUT);
	cr_assert_null(out);
	cr_assert_eq(e.code, ERR_INPUT);
	cr_assert_eq(e.col, 3);
	cr_assert_str_eq(e.msg, "ký tự điều khiển không hợp lệ ở cột 3");
}

Test(clean_input, control_in_multiline_names_line_and_column)
{
	char *out;
	struct err e = {0};

	cr_assert_eq(txt_clean_input("dòng 1\r\nab\x07", 0, 1, &out, &e), ERR_INPUT);
	cr_assert_eq(e.line, 2);
	cr_assert_eq(e.col, 3);
	cr_assert_str_eq(e.msg, "ký tự điều khiển không hợp lệ ở dòng 2, cột 3");
}

Test(clean_input, newlines_only_when_allowed)
{
	char *out;
	struct err e = {0};

	cr_assert_eq(txt_clean_input("a\nb", 0, 0, &out, &e), ERR_INPUT);
	cr_assert_eq(e.col, 2);
	cr_assert_not_null(strstr(e.msg, "xuống dòng"));
	cr_assert_eq(txt_clean_input("a\r\nb\rc\n", 0, 1, &out, &e), 0);
	cr_assert_str_eq(out, "a\nb\nc");
	free(out);
}

Test(clean_input, rejects_invalid_utf8_with_column)
{
	char *out;
	struct err e = {0};

	cr_assert_eq(txt_clean_input("Tổ \xC3", 0, 0, &out, &e), ERR_INPUT);
	cr_assert_eq(e.col, 4);
	cr_assert_str_eq(e.msg, "văn bản không phải UTF-8 hợp lệ ở cột 4");
}

Test(clean_input, refuses_too_long_after_normalising)
{
	char *out;
	struct err e = {0};

	/* NFD "Tổ chức" is 19 bytes, NFC 11: it fits in 11 once composed. */
	cr_assert_eq(txt_clean_input(TO_CHUC_NFD, 11, 0, &out, &e), 0);
	free(out);
	cr_assert_eq(txt_clean_input(TO_CHUC_NFD, 10, 0, &out, &e), ERR_INPUT);
	cr_assert_null(out);
	cr_assert_str_eq(e.msg, "nội dung quá dài: 11 byte, tối đa 10 byte");
}

Test(trim, removes_unicode_spaces_at_both_ends)
{
	size_t len;
	char *t = txt_trim("\xC2\xA0\t Ủy ban \xE2\x80\x83\n", TXT_NUL, &len);

	cr_assert_str_eq(t, "Ủy ban");
	cr_assert_eq(len, strlen("Ủy ban"));
	free(t);
	cr_assert(txt_is_space(0xA0));
	cr_assert(txt_is_space(0x3000));
	cr_assert_not(txt_is_space(0x200B));
}

/* ---- ASCII helpers --------------------------------------------------- */

Test(ascii, case_insensitive_compare)
{
	cr_assert_eq(txt_ascii_casecmp("CTr", "ctr"), 0);
	cr_assert_lt(txt_ascii_casecmp("KH", "kl"), 0);
	cr_assert_gt(txt_ascii_casecmp("abc", "AB"), 0);
	cr_assert_eq(txt_ascii_ncasecmp("NQ/TW", "nq/tu", 4), 0);
	cr_assert_neq(txt_ascii_ncasecmp("NQ/TW", "nq/tu", 5), 0);
	cr_assert_neq(txt_ascii_casecmp("Đ", "đ"), 0, "only ASCII letters fold");
}

Test(ascii, lower_and_prefix)
{
	char s[] = "KH/TU-Đ";

	cr_assert_str_eq(txt_ascii_lower(s), "kh/tu-Đ");
	cr_assert(txt_starts_with("52-CTr/TU", "52-"));
	cr_assert_not(txt_starts_with("52", "52-"));
	cr_assert(txt_starts_with("x", ""));
}

/* The widths text-display.c gives the Latin ranges without uc_width are
 * uc_width's own, code point by code point. */
Test(width, latin_fast_path_agrees_with_uc_width)
{
	static const unsigned ranges[][2] = {{0xA0, 0x2FF}, {0x300, 0x36F}, {0x1E00, 0x1EFF}};
	for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
		for (unsigned c = ranges[r][0]; c <= ranges[r][1]; c++) {
			char s[4] = {(char)(0xC0 | (c >> 6)), (char)(0x80 | (c & 0x3F)), 0, 0};
			if (c >= 0x800) {
				s[0] = (char)(0xE0 | (c >> 12));
				s[1] = (char)(0x80 | ((c >> 6) & 0x3F));
				s[2] = (char)(0x80 | (c & 0x3F));
			}
			int want = uc_width(c, "UTF-8");
			cr_assert_eq(txt_width(s), want < 0 ? 0 : want, "U+%04X", c);
		}
}

/* Every code point of the two- and three-byte forms the decoder reads
 * itself (U+0080..U+07FF, U+1000..U+CFFF) measures as uc_width says (C1
 * controls: none), and cut sequences of those forms are one bad byte each. */
Test(width, decoder_fast_forms_agree_with_uc_width)
{
	for (unsigned c = 0x80; c <= 0xCFFF; c++) {
		char s[4] = {0};
		if (c >= 0x800 && c < 0x1000)
			continue;
		if (c < 0x800) {
			s[0] = (char)(0xC0 | (c >> 6));
			s[1] = (char)(0x80 | (c & 0x3F));
		} else {
			s[0] = (char)(0xE0 | (c >> 12));
			s[1] = (char)(0x80 | ((c >> 6) & 0x3F));
			s[2] = (char)(0x80 | (c & 0x3F));
		}
		int want = c < 0xA0 ? 0 : uc_width(c, "UTF-8");
		cr_assert_eq(txt_width(s), want < 0 ? 0 : want, "U+%04X", c);
	}
	cr_assert_eq(txt_width("\xE1\xBB"), 2);    /* a cut three-byte form */
	cr_assert_eq(txt_width("\xC3"), 1);        /* a cut two-byte form */
	cr_assert_eq(txt_width("\xE1\xBB" "a"), 3); /* cut, then a letter */
}

/* txt_sanitize_width gives txt_sanitize's copy and its txt_width, for
 * texts that need no change and texts that do. */
Test(sanitize, with_width_is_sanitize_and_width)
{
	static const char *const in[] = {"", "abc", "Tiến độ thực hiện", "中文 e\xcc\x81",
	                                 "a\tb\nc", "\x1b[2J", "x\xc2\x85y", "bad \xff byte",
	                                 "\xe2\x80\xaeRLO", "\xc2\xad soft", "\xe1\xbb"};
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
		int w = -1;
		char *got = txt_sanitize_width(in[i], &w), *want = txt_sanitize(in[i]);
		cr_assert_str_eq(got, want, "case %zu", i);
		cr_assert_eq(w, txt_width(want), "case %zu: %d", i, w);
		free(got);
		free(want);
	}
}
