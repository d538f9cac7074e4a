/* Tests for util.c: errors, allocation, sbuf, str_copy, str_to_long. */
#include <criterion/criterion.h>

#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

Test(err, set_returns_code_and_formats_message)
{
	struct err e;

	err_clear(&e);
	cr_assert_eq(err_set(&e, ERR_NOTFOUND, "không tìm thấy nhiệm vụ %d", 42), ERR_NOTFOUND);
	cr_assert_eq(e.code, ERR_NOTFOUND);
	cr_assert_str_eq(e.msg, "không tìm thấy nhiệm vụ 42");
	cr_assert_str_eq(e.file, "");
	cr_assert_eq(e.line, 0);
}

Test(err, set_with_null_only_returns_code)
{
	cr_assert_eq(err_set(NULL, ERR_INPUT, "x"), ERR_INPUT);
	cr_assert_eq(err_at(NULL, ERR_IO, "f", 3, "x"), ERR_IO);
	err_clear(NULL);
}

Test(err, clear_zeroes_everything)
{
	struct err e;

	err_at(&e, ERR_INPUT, "a.txt", 3, "sai");
	e.col = 4;
	err_clear(&e);
	cr_assert_eq(e.code, 0);
	cr_assert_eq(e.line, 0);
	cr_assert_eq(e.col, 0);
	cr_assert_str_eq(e.msg, "");
	cr_assert_str_eq(e.file, "");
}

Test(err, at_records_file_and_line)
{
	struct err e = {0};
	char buf[600];

	err_at(&e, ERR_CONFIG, "theodoi.ini", 12, "khóa không hợp lệ: %s", "abc");
	cr_assert_str_eq(e.file, "theodoi.ini");
	cr_assert_eq(e.line, 12);
	cr_assert_str_eq(err_str(&e, buf, sizeof(buf)), "theodoi.ini:12: khóa không hợp lệ: abc");
	e.col = 5;
	cr_assert_str_eq(err_str(&e, buf, sizeof(buf)), "theodoi.ini:12:5: khóa không hợp lệ: abc");
}

Test(err, str_without_location_is_message)
{
	struct err e = {0};
	char buf[64];

	err_set(&e, ERR_INPUT, "ngày không tồn tại");
	cr_assert_str_eq(err_str(&e, buf, sizeof(buf)), "ngày không tồn tại");
}

Test(err, str_with_line_but_no_file_names_the_line)
{
	struct err e = {0};
	char buf[64];

	err_set(&e, ERR_INPUT, "sai");
	e.line = 2;
	e.col = 7;
	cr_assert_str_eq(err_str(&e, buf, sizeof(buf)), "dòng 2, cột 7: sai");
}

Test(err, str_truncates_without_cutting_utf8)
{
	struct err e = {0};
	char buf[6];

	err_set(&e, ERR_INPUT, "ngày");
	/* "ngày" is 5 bytes: it fits in 6. */
	err_str(&e, buf, sizeof(buf));
	cr_assert_str_eq(buf, "ngày");
	err_set(&e, ERR_INPUT, "mười");
	err_str(&e, buf, sizeof(buf));
	/* "mườ" is m + ư(2) + ờ(3) = 6 bytes: only "mư" (3 bytes) fits in 5. */
	cr_assert_str_eq(buf, "mư");
}

Test(err, long_message_is_cut_on_a_character_boundary)
{
	struct err e = {0};
	char big[1200];
	size_t i, n;

	for (i = 0; i + 2 < sizeof(big); i += 2)
		memcpy(big + i, "\xC3\xA0", 2); /* à */
	big[i] = '\0';
	err_set(&e, ERR_INPUT, "x%s", big);
	n = strlen(e.msg);
	cr_assert_lt(n, sizeof(e.msg));
	/* 'x' + whole 2-byte characters only. */
	cr_assert_eq((n - 1) % 2, 0);
	cr_assert_eq((unsigned char)e.msg[n - 1], 0xA0);
}

Test(alloc, xmalloc_zero_gives_a_pointer)
{
	void *p = xmalloc(0);

	cr_assert_not_null(p);
	free(p);
}

Test(alloc, xcalloc_zeroes)
{
	int *p = xcalloc(16, sizeof(int));
	int i;

	for (i = 0; i < 16; i++)
		cr_assert_eq(p[i], 0);
	free(p);
}

Test(alloc, xrealloc_keeps_content)
{
	char *p = xmalloc(4);

	memcpy(p, "abc", 4);
	p = xrealloc(p, 1000);
	cr_assert_str_eq(p, "abc");
	free(p);
}

Test(alloc, xstrndup_stops_at_n_or_nul)
{
	char *a = xstrndup("abcdef", 3), *b = xstrndup("ab", 10), *c = xstrdup("Tổ");

	cr_assert_str_eq(a, "abc");
	cr_assert_str_eq(b, "ab");
	cr_assert_str_eq(c, "Tổ");
	free(a);
	free(b);
	free(c);
}

Test(alloc, xcalloc_overflow_aborts, .signal = SIGABRT)
{
	xcalloc(SIZE_MAX / 2, 4);
}

Test(sbuf, grows_past_initial_capacity)
{
	struct sbuf b = {0};
	size_t i;

	for (i = 0; i < 10000; i++)
		sbuf_putc(&b, (char)('a' + i % 26));
	cr_assert_eq(b.len, 10000);
	cr_assert_geq(b.cap, 10001);
	cr_assert_eq(strlen(b.s), 10000);
	cr_assert_eq(b.s[9999], 'a' + 9999 % 26);
	sbuf_free(&b);
	cr_assert_null(b.s);
	cr_assert_eq(b.len, 0);
}

Test(sbuf, add_puts_printf_concatenate)
{
	struct sbuf b = {0};

	sbuf_add(&b, "abcdef", 3);
	sbuf_puts(&b, "-Tổ-");
	sbuf_printf(&b, "%d/%s", 52, "CTr");
	cr_assert_str_eq(b.s, "abc-Tổ-52/CTr");
	cr_assert_eq(b.len, strlen("abc-Tổ-52/CTr"));
	sbuf_free(&b);
}

Test(sbuf, printf_of_long_text_is_complete)
{
	struct sbuf b = {0};
	char big[5000];

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	sbuf_puts(&b, "<");
	sbuf_printf(&b, "%s>", big);
	cr_assert_eq(b.len, 5001);
	cr_assert_eq(b.s[5000], '>');
	sbuf_free(&b);
}

Test(sbuf, printf_empty_keeps_a_terminated_string)
{
	struct sbuf b = {0};

	sbuf_printf(&b, "%s", "");
	cr_assert_not_null(b.s);
	cr_assert_str_eq(b.s, "");
	sbuf_free(&b);
}

Test(sbuf, add_may_copy_from_itself)
{
	struct sbuf b = {0};
	int i;

	sbuf_puts(&b, "ab");
	for (i = 0; i < 8; i++)
		sbuf_add(&b, b.s, b.len);
	cr_assert_eq(b.len, 512);
	cr_assert_eq(strncmp(b.s + 510, "ab", 2), 0);
	sbuf_free(&b);
}

Test(sbuf, reset_keeps_capacity)
{
	struct sbuf b = {0};
	size_t cap;

	sbuf_puts(&b, "hello world");
	cap = b.cap;
	sbuf_reset(&b);
	cr_assert_eq(b.len, 0);
	cr_assert_eq(b.cap, cap);
	cr_assert_str_eq(b.s, "");
	sbuf_puts(&b, "x");
	cr_assert_str_eq(b.s, "x");
	sbuf_free(&b);
}

Test(sbuf, detach_hands_over_and_empties)
{
	struct sbuf b = {0};
	char *s;

	sbuf_puts(&b, "Ban Tổ chức");
	s = sbuf_detach(&b);
	cr_assert_str_eq(s, "Ban Tổ chức");
	cr_assert_null(b.s);
	cr_assert_eq(b.len, 0);
	cr_assert_eq(b.cap, 0);
	free(s);
	s = sbuf_detach(&b);
	cr_assert_str_eq(s, "");
	free(s);
}

Test(str_copy, copies_short_strings_whole)
{
	char buf[16];

	cr_assert_eq(str_copy(buf, "Tổ chức", sizeof(buf)), strlen("Tổ chức"));
	cr_assert_str_eq(buf, "Tổ chức");
}

Test(str_copy, returns_source_length_when_truncating)
{
	char buf[4];

	cr_assert_eq(str_copy(buf, "abcdef", sizeof(buf)), 6);
	cr_assert_str_eq(buf, "abc");
}

Test(str_copy, never_cuts_a_two_byte_character)
{
	char buf[3];

	/* "đa": đ is 2 bytes; 2 bytes fit, so đ stays whole. */
	str_copy(buf, "đa", sizeof(buf));
	cr_assert_str_eq(buf, "đ");
	/* "ađ": only 'a' and the lead byte of đ would fit. */
	str_copy(buf, "ađ", sizeof(buf));
	cr_assert_str_eq(buf, "a");
}

Test(str_copy, never_cuts_a_three_byte_character)
{
	char buf[8];
	size_t n;

	/* "Tổ" = T + ổ(3 bytes); "chức" = c h ứ(3) c. */
	for (n = 1; n <= sizeof(buf); n++) {
		str_copy(buf, "Tổ chức", n);
		cr_assert_lt(strlen(buf), n);
		cr_assert_eq(strncmp(buf, "Tổ chức", strlen(buf)), 0);
		/* The last byte is never the lead or a middle byte of ổ/ứ. */
		if (strlen(buf))
			cr_assert((unsigned char)buf[strlen(buf) - 1] < 0x80 ||
				  (unsigned char)buf[strlen(buf) - 1] == 0x95 ||
				  (unsigned char)buf[strlen(buf) - 1] == 0xA9,
				  "cut inside a character at n=%zu", n);
	}
	str_copy(buf, "Tổ chức", 4);
	cr_assert_str_eq(buf, "T");
	str_copy(buf, "Tổ chức", 5);
	cr_assert_str_eq(buf, "Tổ");
}

Test(str_copy, never_cuts_a_four_byte_character)
{
	char buf[5];

	str_copy(buf, "a\xF0\x9F\x98\x80", sizeof(buf));
	cr_assert_str_eq(buf, "a");
	str_copy(buf, "\xF0\x9F\x98\x80z", sizeof(buf));
	cr_assert_str_eq(buf, "\xF0\x9F\x98\x80");
}

Test(str_copy, size_zero_writes_nothing)
{
	char buf[2] = {'q', 'q'};

	cr_assert_eq(str_copy(buf, "abc", 0), 3);
	cr_assert_eq(buf[0], 'q');
	str_copy(buf, "abc", 1);
	cr_assert_str_eq(buf, "");
}

Test(str_to_long, parses_within_bounds)
{
	long v = 0;

	cr_assert_eq(str_to_long("42", 0, 100, &v), 0);
	cr_assert_eq(v, 42);
	cr_assert_eq(str_to_long("-7", -10, 10, &v), 0);
	cr_assert_eq(v, -7);
	cr_assert_eq(str_to_long("+7", -10, 10, &v), 0);
	cr_assert_eq(v, 7);
	cr_assert_eq(str_to_long("010", 0, 100, &v), 0);
	cr_assert_eq(v, 10, "base 10, not octal");
}

Test(str_to_long, accepts_the_bounds_themselves)
{
	long v = 0;

	cr_assert_eq(str_to_long("0", 0, 100, &v), 0);
	cr_assert_eq(v, 0);
	cr_assert_eq(str_to_long("100", 0, 100, &v), 0);
	cr_assert_eq(v, 100);
	cr_assert_eq(str_to_long("9223372036854775807", LONG_MIN, LONG_MAX, &v), 0);
	cr_assert_eq(v, LONG_MAX);
	cr_assert_eq(str_to_long("-9223372036854775808", LONG_MIN, LONG_MAX, &v), 0);
	cr_assert_eq(v, LONG_MIN);
}

Test(str_to_long, rejects_out_of_range_and_overflow)
{
	long v = 5;

	cr_assert_eq(str_to_long("101", 0, 100, &v), ERR_INPUT);
	cr_assert_eq(str_to_long("-1", 0, 100, &v), ERR_INPUT);
	cr_assert_eq(str_to_long("9223372036854775808", LONG_MIN, LONG_MAX, &v), ERR_INPUT);
	cr_assert_eq(str_to_long("-99999999999999999999", LONG_MIN, LONG_MAX, &v), ERR_INPUT);
	cr_assert_eq(v, 5, "untouched on error");
}

Test(str_to_long, rejects_junk)
{
	long v = 5;
	const char *bad[] = {"", " 1", "1 ", "1a", "a1", "0x10", "-", "+", "--1", "1.5",
			     "١", "1\n", "+-1"};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		cr_assert_eq(str_to_long(bad[i], LONG_MIN, LONG_MAX, &v), ERR_INPUT,
			     "accepted \"%s\"", bad[i]);
	cr_assert_eq(str_to_long(NULL, 0, 1, &v), ERR_INPUT);
	cr_assert_eq(v, 5);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* An empty list is often a NULL pointer: qsort may not be given one (the
 * sanitizer build of make check-asan catches it), xqsort may. */
Test(util, xqsort_takes_an_empty_null_array_and_sorts_the_rest)
{
	int *none = NULL, v[] = {3, 1, 2};
	xqsort(none, 0, sizeof *none, cmp_int);
	xqsort(v, 3, sizeof *v, cmp_int);
	cr_assert(v[0] == 1 && v[1] == 2 && v[2] == 3);
}
