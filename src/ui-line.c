/* ui-line.c — the one-line UTF-8 editor behind every form field.
 *
 * Positions are byte offsets kept on grapheme cluster boundaries, found by
 * walking from the start of the line: lines are short (a note, a date), so
 * the walk costs nothing and cannot disagree with itself the way a
 * backward search could on malformed text.
 */
#include "ui-line.h"

#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "text.h"
#include "util.h"

/* Start of the grapheme cluster after byte offset `at` (len at the end). */
static size_t next_break(const char *s, size_t len, size_t at)
{
	const uint8_t *p, *end = (const uint8_t *)s + len;

	if (at >= len)
		return len;
	p = u8_grapheme_next((const uint8_t *)s + at, end);
	return p ? (size_t)(p - (const uint8_t *)s) : len;
}

/* The largest boundary strictly before `at` (0 if none). */
static size_t prev_break(const char *s, size_t len, size_t at)
{
	size_t b = 0, n;

	while (b < at) {
		n = next_break(s, len, b);
		if (n >= at)
			break;
		b = n;
	}
	return b;
}

/* The smallest boundary at or after `at`. */
static size_t snap_break(const char *s, size_t len, size_t at)
{
	size_t b = 0;

	while (b < at && b < len)
		b = next_break(s, len, b);
	return b < len ? b : len;
}

int uil_width(const char *s, size_t n)
{
	size_t i = 0;
	int w = 0;

	/* Per code point, so that a control character or an unassigned one
	 * (width -1) counts as one column instead of poisoning the sum. */
	while (i < n) {
		ucs4_t c;
		int k = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
		int cw = uc_width(c, "UTF-8");

		w += cw < 0 ? 1 : cw;
		i += k > 0 ? (size_t)k : 1;
	}
	return w;
}

static void reserve(struct ui_line *l, size_t need)
{
	if (need + 1 <= l->cap)
		return;
	l->cap = l->cap ? l->cap : 32;
	while (l->cap < need + 1)
		l->cap *= 2;
	l->s = xrealloc(l->s, l->cap);
}

static void init_with(struct ui_line *l, const char *text, size_t max, int multi)
{
	memset(l, 0, sizeof(*l));
	l->max = max;
	l->multi = multi;
	reserve(l, 0);
	l->s[0] = '\0';
	if (text)
		uil_insert(l, text, strlen(text));
	if (text && l->len == 0 && *text) {
		/* Too long: keep as many whole characters as fit. */
		size_t n = strlen(text), b = 0, nb;

		while ((nb = next_break(text, n, b)) <= max && nb > b)
			b = nb;
		uil_insert(l, text, b);
	}
	l->dirty = 0;
}

void uil_init(struct ui_line *l, const char *text, size_t max)
{
	init_with(l, text, max, 0);
}

void uil_init_multi(struct ui_line *l, const char *text, size_t max)
{
	init_with(l, text, max, 1);
}

void uil_free(struct ui_line *l)
{
	free(l->s);
	memset(l, 0, sizeof(*l));
}

void uil_set(struct ui_line *l, const char *text)
{
	size_t max = l->max;
	int multi = l->multi;

	uil_free(l);
	init_with(l, text, max, multi);
	l->dirty = 1;
}

static int is_control(ucs4_t c)
{
	return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029;
}

int uil_insert(struct ui_line *l, const char *utf8, size_t n)
{
	const uint8_t *p = (const uint8_t *)utf8;
	char *clean;
	size_t i = 0, m = 0;

	if (n == 0)
		return 0;
	if (u8_check(p, n) != NULL)
		return -1;
	clean = xmalloc(n);
	while (i < n) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p + i, n - i);

		if (!is_control(c) || (l->multi && c == '\n')) {
			memcpy(clean + m, p + i, (size_t)k);
			m += (size_t)k;
		}
		i += (size_t)k;
	}
	if (l->max && l->len + m > l->max) {
		free(clean);
		return -1;
	}
	reserve(l, l->len + m);
	memmove(l->s + l->cur + m, l->s + l->cur, l->len - l->cur + 1);
	memcpy(l->s + l->cur, clean, m);
	free(clean);
	l->len += m;
	/* A base letter typed before a lone combining mark joins it: keep the
	 * cursor on a boundary by moving past the whole new cluster. */
	l->cur = snap_break(l->s, l->len, l->cur + m);
	if (m)
		l->dirty = 1;
	return 0;
}

int uil_insert_char(struct ui_line *l, uint32_t c)
{
	uint8_t buf[6];
	int k = u8_uctomb(buf, (ucs4_t)c, (int)sizeof(buf));

	if (k <= 0)
		return -1;
	return uil_insert(l, (const char *)buf, (size_t)k);
}

int uil_newline(struct ui_line *l)
{
	return l->multi ? uil_insert(l, "\n", 1) : -1;
}

int uil_left(struct ui_line *l)
{
	if (l->cur == 0)
		return 0;
	l->cur = prev_break(l->s, l->len, l->cur);
	return 1;
}

int uil_right(struct ui_line *l)
{
	if (l->cur >= l->len)
		return 0;
	l->cur = next_break(l->s, l->len, l->cur);
	return 1;
}

void uil_home(struct ui_line *l)
{
	l->cur = 0;
}

void uil_end(struct ui_line *l)
{
	l->cur = l->len;
}

static void cut(struct ui_line *l, size_t from, size_t to)
{
	memmove(l->s + from, l->s + to, l->len - to + 1);
	l->len -= to - from;
	if (l->first >= to)
		l->first -= to - from;
	else if (l->first > from)
		l->first = from;
	l->first = snap_break(l->s, l->len, l->first);
	l->dirty = 1;
}

int uil_backspace(struct ui_line *l)
{
	size_t from;

	if (l->cur == 0)
		return 0;
	from = prev_break(l->s, l->len, l->cur);
	cut(l, from, l->cur);
	l->cur = from;
	return 1;
}

int uil_delete(struct ui_line *l)
{
	if (l->cur >= l->len)
		return 0;
	cut(l, l->cur, next_break(l->s, l->len, l->cur));
	return 1;
}

void uil_kill_start(struct ui_line *l)
{
	if (l->cur == 0)
		return;
	cut(l, 0, l->cur);
	l->cur = 0;
	l->first = 0;
}

size_t uil_chars(const struct ui_line *l)
{
	size_t n = 0, b = 0;

	while (b < l->len) {
		b = next_break(l->s, l->len, b);
		n++;
	}
	return n;
}

void uil_view(struct ui_line *l, int width, size_t *start, size_t *end, int *col)
{
	size_t b, nb;
	int w = 0;

	if (width < 1)
		width = 1;
	l->first = snap_break(l->s, l->len, l->first);
	if (l->cur < l->first)
		l->first = l->cur;
	/* The cursor needs a cell of its own: text before it gets width-1. */
	while (l->first < l->cur && uil_width(l->s + l->first, l->cur - l->first) > width - 1)
		l->first = next_break(l->s, l->len, l->first);
	/* Use free room at the right by showing more of the left. */
	while (l->first > 0) {
		b = prev_break(l->s, l->len, l->first);
		if (uil_width(l->s + b, l->len - b) > width - 1)
			break;
		l->first = b;
	}
	b = l->first;
	while (b < l->len) {
		nb = next_break(l->s, l->len, b);
		int cw = uil_width(l->s + b, nb - b);
		if (w + cw > width)
			break;
		w += cw;
		b = nb;
	}
	*start = l->first;
	*end = b;
	*col = uil_width(l->s + l->first, l->cur - l->first);
}

struct wrap_acc {
	const char *base;
	size_t *start, *len;
	size_t n, cap;
};

static int wrap_acc_line(const char *line, size_t len, void *ctx)
{
	struct wrap_acc *w = ctx;

	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 16;
		w->start = xrealloc(w->start, w->cap * sizeof(*w->start));
		w->len = xrealloc(w->len, w->cap * sizeof(*w->len));
	}
	w->start[w->n] = (size_t)(line - w->base);
	w->len[w->n++] = len;
	return 0;
}

/* The wrapped lines of l in width columns (at least one), and the
 * cursor's: the last that starts at or before it. */
static size_t wrap_lines(const struct ui_line *l, int width, struct wrap_acc *w)
{
	size_t i, row = 0;

	memset(w, 0, sizeof(*w));
	w->base = l->s;
	txt_wrap(l->s, width, wrap_acc_line, w);
	/* txt_wrap gives no line after a final newline: the cursor there
	 * stands on an empty line of its own. */
	if (w->n == 0 || (l->len && l->s[l->len - 1] == '\n'))
		wrap_acc_line(l->s + l->len, 0, w);
	for (i = 0; i < w->n; i++)
		if (w->start[i] <= l->cur)
			row = i;
	return row;
}

/* The boundary of line `row` nearest column col. */
static size_t at_column(const struct ui_line *l, const struct wrap_acc *w, size_t row, int col)
{
	size_t b = w->start[row], end = w->start[row] + w->len[row], nb;
	int c = 0;

	while (b < end) {
		nb = next_break(l->s, l->len, b);
		int cw = uil_width(l->s + b, nb - b);
		if (c + cw > col)
			break;
		c += cw;
		b = nb;
	}
	return b;
}

int uil_wrap_move(struct ui_line *l, int width, int drow)
{
	struct wrap_acc w;
	size_t row, to;
	long r;
	int col;

	row = wrap_lines(l, width < 1 ? 1 : width, &w);
	r = (long)row + drow;
	r = r < 0 ? 0 : r >= (long)w.n ? (long)w.n - 1 : r;
	to = (size_t)r;
	if (to != row) {
		col = uil_width(l->s + w.start[row], l->cur - w.start[row]);
		l->cur = at_column(l, &w, to, col);
	}
	free(w.start);
	free(w.len);
	return to != row;
}

void uil_wrap_edge(struct ui_line *l, int width, int end)
{
	struct wrap_acc w;
	size_t row = wrap_lines(l, width < 1 ? 1 : width, &w);

	l->cur = end ? w.start[row] + w.len[row] : w.start[row];
	free(w.start);
	free(w.len);
}

int uil_wrap_view(const struct ui_line *l, int width, int rows, size_t *start, size_t *len,
                  int *crow, int *ccol)
{
	struct wrap_acc w;
	size_t row, first;
	int col, n;

	if (width < 1)
		width = 1;
	if (rows < 1)
		rows = 1;
	row = wrap_lines(l, width, &w);
	first = row >= (size_t)rows ? row - (size_t)rows + 1 : 0;
	col = uil_width(l->s + w.start[row], l->cur - w.start[row]);
	if (col > width - 1)
		col = width - 1;
	for (n = 0; n < rows && first + (size_t)n < w.n; n++) {
		start[n] = w.start[first + (size_t)n];
		len[n] = w.len[first + (size_t)n];
	}
	*crow = (int)(row - first);
	*ccol = col;
	free(w.start);
	free(w.len);
	return n;
}
