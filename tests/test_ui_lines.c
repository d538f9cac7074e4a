/* Tests of the screen's line buffers (src/ui-draw.c): text wrapped to a
 * width and cut to a number of lines. */
#include <criterion/criterion.h>
#include <curses.h>
#include <string.h>

#include "text.h"
#include "ui-draw.h"

/* The number of "…" in s. */
static int ellipses(const char *s)
{
	int n = 0;

	for (const char *p = s; (p = strstr(p, "…")); p += strlen("…"))
		n++;
	return n;
}

Test(ui_lines, text_cut_to_its_lines_ends_in_one_ellipsis)
{
	/* the last line kept fills its width ("tỉnh ủy và" is 10 columns):
	 * cut for the "…", it must not end "……" */
	struct ui_lines l = { 0 };

	ui_lines_wrap(&l, "Ban thường tỉnh ủy và các huyện ủy", 10, 2, A_NORMAL);
	cr_assert_eq(l.n, 2);
	cr_assert_str_eq(l.s[0], "Ban thường");
	cr_assert_eq(ellipses(l.s[1]), 1, "%s", l.s[1]);
	cr_assert_str_eq(l.s[1], "tỉnh ủy v…");
	cr_assert_eq(txt_width(l.s[1]), 10, "%s", l.s[1]);
	ui_lines_free(&l);
}

Test(ui_lines, text_that_fits_is_not_cut)
{
	struct ui_lines l = { 0 };

	ui_lines_wrap(&l, "Họp giao ban quý.", 30, 2, A_NORMAL);
	cr_assert_eq(l.n, 1);
	cr_assert_str_eq(l.s[0], "Họp giao ban quý.");
	ui_lines_free(&l);
}
