/* ui-draw.c — width-aware text on the curses screen, and colours.
 *
 * Text is fitted by display width with text.h, then handed to curses as
 * wide characters so that combining marks join their letter's cell.
 */
#include "ui-draw.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <wchar.h>

#include "text.h"
#include "ui-ctx.h"
#include "ui-line.h"
#include "util.h"

void ui_colors_init(struct ui *u)
{
	const char *nc = getenv("NO_COLOR");

	u->color = 0;
	if ((nc && *nc) || !has_colors() || start_color() == ERR)
		return;
	use_default_colors();
	init_pair(UC_TITLE, COLOR_BLACK, COLOR_WHITE);
	init_pair(UC_TITLE_FOCUS, COLOR_WHITE, COLOR_BLUE);
	init_pair(UC_SEL, COLOR_BLACK, COLOR_CYAN);
	init_pair(UC_SEL_DIM, -1, -1);
	init_pair(UC_OVERDUE, COLOR_RED, -1);
	init_pair(UC_SOON, COLOR_YELLOW, -1);
	init_pair(UC_DONE, COLOR_GREEN, -1);
	init_pair(UC_ONTRACK, -1, -1);
	init_pair(UC_WAIT, COLOR_MAGENTA, -1);
	init_pair(UC_MUTED, COLOR_BLUE, -1);
	init_pair(UC_ERROR, COLOR_WHITE, COLOR_RED);
	init_pair(UC_STATUS, COLOR_BLACK, COLOR_WHITE);
	init_pair(UC_FORM, -1, -1);
	u->color = 1;
}

attr_t ui_attr(const struct ui *u, enum ui_color c)
{
	/* The monochrome attribute of each role; colour is added on top. */
	static const attr_t mono[UC_COUNT] = {
		[UC_NORMAL] = A_NORMAL,
		[UC_TITLE] = A_UNDERLINE,
		[UC_TITLE_FOCUS] = A_REVERSE | A_BOLD,
		[UC_SEL] = A_REVERSE,
		[UC_SEL_DIM] = A_UNDERLINE,
		[UC_OVERDUE] = A_BOLD,
		[UC_SOON] = A_NORMAL,
		[UC_DONE] = A_NORMAL,
		[UC_ONTRACK] = A_NORMAL,
		[UC_WAIT] = A_NORMAL,
		[UC_MUTED] = A_DIM,
		[UC_ERROR] = A_REVERSE | A_BOLD,
		[UC_STATUS] = A_REVERSE,
		[UC_FORM] = A_NORMAL,
	};
	attr_t a;

	if ((int)c < 0 || c >= UC_COUNT)
		return A_NORMAL;
	a = mono[c];
	if (u->color && c != UC_NORMAL) {
		/* With colour the pairs carry the background: drop reverse. */
		if (c == UC_TITLE || c == UC_TITLE_FOCUS || c == UC_SEL || c == UC_ERROR ||
		    c == UC_STATUS)
			a &= ~(attr_t)A_REVERSE;
		a |= COLOR_PAIR(c);
	}
	return a;
}

enum ui_color ui_tl_color(enum timeliness tl)
{
	switch (tl) {
	case TL_OVERDUE:
	case TL_UNREPORTED:
	case TL_DONE_LATE:
		return UC_OVERDUE;
	case TL_DUE_SOON:
		return UC_SOON;
	case TL_DONE_ON_TIME:
		return UC_DONE;
	case TL_ON_TRACK:
		return UC_ONTRACK;
	default:
		return UC_WAIT;
	}
}

/* Hand UTF-8 to curses as wide characters. */
static void put_utf8(int y, int x, const char *s, size_t n, attr_t a)
{
	wchar_t stackbuf[256], *w = stackbuf;
	size_t i = 0, k = 0;

	if (n + 1 > sizeof(stackbuf) / sizeof(stackbuf[0]))
		w = xmalloc((n + 1) * sizeof(*w));
	while (i < n) {
		ucs4_t c;
		int len = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);

		w[k++] = (wchar_t)c;
		i += len > 0 ? (size_t)len : 1;
	}
	w[k] = L'\0';
	attrset(a);
	mvaddnwstr(y, x, w, (int)k);
	attrset(A_NORMAL);
	if (w != stackbuf)
		free(w);
}

void ui_put(int y, int x, int w, const char *s, attr_t a)
{
	struct sbuf b = { 0 };

	if (w <= 0)
		return;
	txt_pad(&b, s ? s : "", w, 0);
	put_utf8(y, x, b.s, b.len, a);
	sbuf_free(&b);
}

int ui_put_cut(int y, int x, int w, const char *s, attr_t a)
{
	char *t;
	int used;

	if (w <= 0 || !s)
		return 0;
	t = txt_trunc(s, w);
	used = txt_width(t);
	put_utf8(y, x, t, strlen(t), a);
	free(t);
	return used;
}

void ui_put_match(const struct ui *u, int y, int x, int w, const char *s, attr_t a)
{
	const char *needle = u->search.needle;
	struct sbuf b = { 0 };
	size_t flen, *map = NULL, ms, me;
	char *f, *hit;

	if (w <= 0)
		return;
	if (!needle || !*needle) {
		ui_put(y, x, w, s, a);
		return;
	}
	txt_pad(&b, s ? s : "", w, 0);
	f = txt_fold_map(b.s, b.len, &flen, &map);
	hit = strstr(f, needle);
	if (!hit) {
		put_utf8(y, x, b.s, b.len, a);
	} else {
		size_t fa = (size_t)(hit - f);
		int x1, x2;

		txt_fold_span(b.s, b.len, map, fa, fa + strlen(needle), &ms, &me);
		x1 = uil_width(b.s, ms);
		x2 = x1 + uil_width(b.s + ms, me - ms);
		put_utf8(y, x, b.s, ms, a);
		put_utf8(y, x + x1, b.s + ms, me - ms, a | A_UNDERLINE | A_BOLD);
		put_utf8(y, x + x2, b.s + me, b.len - me, a);
	}
	free(map);
	free(f);
	sbuf_free(&b);
}

void ui_blank(int y, int x, int w, attr_t a)
{
	if (w <= 0)
		return;
	attrset(a);
	mvhline(y, x, ' ', w);
	attrset(A_NORMAL);
}

void ui_vline(int y, int x, int h)
{
	if (h > 0)
		mvvline(y, x, ACS_VLINE, h);
}

void ui_hline(int y, int x, int w)
{
	if (w > 0)
		mvhline(y, x, ACS_HLINE, w);
}

/* ---- prepared lines ---- */

void ui_lines_add(struct ui_lines *l, const char *s, attr_t a)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->s = xrealloc(l->s, l->cap * sizeof(*l->s));
		l->a = xrealloc(l->a, l->cap * sizeof(*l->a));
	}
	l->s[l->n] = txt_sanitize(s ? s : "");
	l->a[l->n++] = a;
}

void ui_lines_free(struct ui_lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->s[i]);
	free(l->s);
	free(l->a);
	memset(l, 0, sizeof(*l));
}

struct wrap_ctx {
	struct ui_lines *out;
	attr_t a;
	int max; /* lines still allowed */
};

static int wrap_line(const char *line, size_t len, void *ctx)
{
	struct wrap_ctx *w = ctx;
	char *s;

	if (w->max <= 0)
		return 1;
	s = xstrndup(line, len);
	ui_lines_add(w->out, s, w->a);
	free(s);
	return --w->max <= 0;
}

void ui_lines_wrap(struct ui_lines *l, const char *text, int cols, int max, attr_t a)
{
	struct wrap_ctx w = { l, a, max };
	char *clean;
	int total;

	if (max <= 0)
		return;
	clean = txt_sanitize_nl(text ? text : "", 1);
	total = txt_wrap(clean, cols, NULL, NULL);
	txt_wrap(clean, cols, wrap_line, &w);
	free(clean);
	if (total > max && l->n) {
		struct sbuf b = { 0 };
		const char *last = l->s[l->n - 1];

		/* the line's first cols - 1 columns, then one "…" (txt_trunc
		 * would add its own when the line fills the width) */
		sbuf_printf(&b, "%.*s…", (int)txt_fit(last, cols - 1, NULL), last);
		free(l->s[l->n - 1]);
		l->s[l->n - 1] = sbuf_detach(&b);
	}
}
