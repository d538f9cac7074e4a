/* text-display.c — display width, truncation, padding, wrapping and
 * sanitising of UTF-8 text for the terminal (the display half of text.h).
 */
#include "text.h"
#include "text-internal.h"

#include <string.h>

#include <uniwidth.h>

/* Columns of one code point.  uc_width with the "UTF-8" encoding is
 * locale-independent and treats East Asian ambiguous characters as narrow. */
static int char_width(uint32_t c)
{
	int w;

	if (c >= 0x20 && c < 0x7F) /* printable ASCII, as uc_width says */
		return 1;
	if (c == TXT_BAD)
		return 1;
	/* Latin letters with their marks, precomposed (all of Vietnamese),
	 * and the combining marks, without a search of uc_width's tables:
	 * the widths it gives them (tests/test_text.c compares them all) */
	if (c >= 0xA0 && c < 0x300)
		return c != 0xAD; /* the soft hyphen takes no column */
	if (c >= 0x300 && c < 0x370)
		return 0;
	if (c >= 0x1E00 && c < 0x1F00)
		return 1;
	if (txt_is_control(c))
		return 0;
	w = uc_width(c, "UTF-8");
	return w < 0 ? 0 : w;
}

/* The cluster starting at off in s[0..len): one character and the
 * zero-width, non-control characters after it.  Returns its end offset;
 * *w gets its width and *ctrl whether it is a control character. */
static size_t cluster(const char *s, size_t len, size_t off, int *w, int *ctrl)
{
	uint32_t c;
	size_t k;

	/* a printable ASCII character that no mark follows (one that does is
	 * a byte of 0x80 or more): one column, the common case */
	if ((unsigned char)s[off] >= 0x20 && (unsigned char)s[off] < 0x7F &&
	    (off + 1 == len || (unsigned char)s[off + 1] < 0x80)) {
		*w = 1;
		*ctrl = 0;
		return off + 1;
	}
	k = txt_dec(s + off, len - off, &c);

	*w = char_width(c);
	*ctrl = c != TXT_BAD && txt_is_control(c);
	off += k;
	/* an ASCII byte never continues a cluster (it is a character of its
	 * own, printable or a control) */
	while (off < len && (unsigned char)s[off] >= 0x80) {
		k = txt_dec(s + off, len - off, &c);
		if (c == TXT_BAD || txt_is_control(c) || char_width(c) != 0)
			break;
		off += k;
	}
	return off;
}

int txt_width_n(const char *s, size_t n)
{
	size_t i = 0;
	int w = 0;
	uint32_t c;

	if (n == TXT_NUL)
		n = strlen(s);
	while (i < n) {
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F) {
			i++, w++; /* printable ASCII: one column, as char_width says */
			continue;
		}
		i += txt_dec(s + i, n - i, &c);
		w += char_width(c);
	}
	return w;
}

int txt_width(const char *s)
{
	return txt_width_n(s, strlen(s));
}

size_t txt_fit(const char *s, int cols, int *used)
{
	size_t len = strlen(s), off = 0, end;
	int total = 0, w, ctrl;

	while (cols > 0 && off < len) {
		end = cluster(s, len, off, &w, &ctrl);
		if (total + w > cols)
			break;
		total += w;
		off = end;
	}
	if (used)
		*used = total;
	return off;
}

size_t txt_next(const char *s, size_t len, size_t off)
{
	int w, ctrl;

	if (off >= len)
		return len;
	return cluster(s, len, off, &w, &ctrl);
}

size_t txt_prev(const char *s, size_t len, size_t off)
{
	size_t at = 0, prev = 0;

	if (off > len)
		off = len;
	while (at < off) {
		prev = at;
		at = txt_next(s, len, at);
	}
	return prev;
}

/* Append to b the clusters of s[0..len) that fit in cols columns, leaving
 * out control characters.  Returns the width appended; *rest gets the
 * offset of the first cluster that did not fit (len if all did). */
static int append_fit(struct sbuf *b, const char *s, size_t len, int cols, size_t *rest)
{
	size_t off = 0, end, run = 0; /* s[run..off) fits and is not yet copied */
	int total = 0, w, ctrl;

	while (off < len) {
		/* a run of printable ASCII, as cluster() takes it, inline */
		while (off < len && total < cols && (unsigned char)s[off] >= 0x20 &&
		       (unsigned char)s[off] < 0x7F &&
		       (off + 1 == len || (unsigned char)s[off + 1] < 0x80))
			off++, total++;
		if (off == len)
			break;
		end = cluster(s, len, off, &w, &ctrl);
		if (total + w > cols)
			break;
		if (ctrl) {
			sbuf_add(b, s + run, off - run);
			run = end;
		}
		total += w;
		off = end;
	}
	sbuf_add(b, s + run, off - run);
	*rest = off;
	return total;
}

int txt_trunc_into(struct sbuf *b, const char *s, int cols)
{
	size_t len = strlen(s), rest, mark = b->len;
	int w;

	if (cols <= 0)
		return 0;
	w = append_fit(b, s, len, cols, &rest);
	if (rest == len)
		return w;
	b->len = mark;
	if (b->s)
		b->s[mark] = '\0';
	w = append_fit(b, s, len, cols - 1, &rest);
	sbuf_puts(b, "\xE2\x80\xA6");
	return w + 1;
}

int txt_cut_into(struct sbuf *b, const char *s, int cols)
{
	size_t rest;
	int w;

	if (cols <= 0)
		return 0;
	w = append_fit(b, s, strlen(s), cols - 1, &rest);
	sbuf_puts(b, "\xE2\x80\xA6");
	return w + 1;
}

char *txt_trunc(const char *s, int cols)
{
	struct sbuf b = {0};

	txt_trunc_into(&b, s, cols);
	return sbuf_detach(&b);
}

void txt_pad(struct sbuf *b, const char *s, int cols, int right_align)
{
	struct sbuf t = {0};
	int w, i;

	if (cols <= 0)
		return;
	if (!right_align) { /* the text, then the blanks: straight into b */
		for (w = txt_trunc_into(b, s, cols); w < cols; w++)
			sbuf_putc(b, ' ');
		return;
	}
	w = txt_trunc_into(&t, s, cols);
	if (!right_align && t.len)
		sbuf_add(b, t.s, t.len);
	for (i = w; i < cols; i++)
		sbuf_putc(b, ' ');
	if (right_align && t.len)
		sbuf_add(b, t.s, t.len);
	sbuf_free(&t);
}

/* ---- wrapping -------------------------------------------------------- */

struct wrap {
	txt_line_fn cb;
	void *ctx;
	int lines;
	int stop;
};

static void wrap_emit(struct wrap *st, const char *s, size_t len)
{
	st->lines++;
	if (st->cb && st->cb(s, len, st->ctx))
		st->stop = 1;
}

/* Wrap one paragraph s[0..len) (no newline inside). */
static void wrap_para(struct wrap *st, const char *s, size_t len, int cols)
{
	size_t i = 0, ls = 0, ce = 0, brk = 0, brk_next = 0, indent, end;
	int lw = 0, pend = 0, w, ctrl, emitted = 0;

	/* Indentation of the paragraph's first line, unless wider than cols. */
	while (i < len && s[i] == ' ')
		i++;
	indent = i;
	if ((int)i < cols)
		ce = i, lw = (int)i;
	else
		ls = ce = i;
	while (i < len && !st->stop) {
		if (s[i] == ' ') {
			size_t j = i;

			while (j < len && s[j] == ' ')
				j++;
			brk = ce;
			brk_next = j;
			pend = (int)(j - i);
			i = j;
			continue;
		}
		end = cluster(s, len, i, &w, &ctrl);
		if (lw + pend + w <= cols || ce == ls) {
			lw += pend + w;
			pend = 0;
			ce = i = end;
			continue;
		}
		if (ls == 0 && ce == indent) {
			/* Not even the first cluster fits after the indentation:
			 * drop the indentation rather than emit a blank line. */
			ls = ce = i;
			lw = 0;
			continue;
		}
		/* Overflow: break at the last space, or inside the word. */
		if (brk > ls) {
			wrap_emit(st, s + ls, brk - ls);
			i = brk_next;
		} else {
			wrap_emit(st, s + ls, ce - ls);
		}
		emitted = 1;
		ls = ce = i;
		lw = pend = 0;
		brk = brk_next = 0;
	}
	if (!st->stop && (ce > ls || !emitted))
		wrap_emit(st, s + ls, ce - ls);
}

int txt_wrap(const char *s, int cols, txt_line_fn line_cb, void *ctx)
{
	struct wrap st = {line_cb, ctx, 0, 0};
	size_t len = strlen(s), p = 0, nl, end;

	if (cols < 1)
		cols = 1;
	while (p < len && !st.stop) {
		const char *q = memchr(s + p, '\n', len - p);

		nl = q ? (size_t)(q - s) : len;
		end = nl;
		if (end > p && s[end - 1] == '\r')
			end--;
		wrap_para(&st, s + p, end - p, cols);
		p = nl + 1;
	}
	return st.lines;
}

/* ---- sanitising ------------------------------------------------------ */




static int bidi_control(uint32_t c)
{
	return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* A control shown for what it is: C0 and DEL as their control pictures
 * (U+2400 + c, "␛" for ESC, "␡" for DEL), C1 as U+FFFD. */
static void put_visible(struct sbuf *b, uint32_t c)
{
	uint32_t v = c < 0x20 ? 0x2400 + c : c == 0x7F ? 0x2421 : 0xFFFD;
	char u[4] = {(char)(0xE0 | (v >> 12)), (char)(0x80 | ((v >> 6) & 0x3F)),
	             (char)(0x80 | (v & 0x3F)), 0};
	sbuf_puts(b, u);
}

char *txt_sanitize_nl(const char *s, int keep_newlines)
{
	struct sbuf b = {0};
	size_t len = strlen(s), i = 0, k;
	uint32_t c;

	size_t run = 0; /* start of the characters kept as they are, not yet copied */

	while (i < len) {
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F) {
			i++; /* printable ASCII, kept: most of every text */
			continue;
		}
		k = txt_dec(s + i, len - i, &c);
		if (c != TXT_BAD && !txt_is_control(c) && !bidi_control(c)) {
			i += k;
			continue;
		}
		sbuf_add(&b, s + run, i - run);
		if (c == TXT_BAD)
			sbuf_puts(&b, "\xEF\xBF\xBD");
		else if (c == '\t')
			sbuf_putc(&b, ' ');
		else if (c == '\r' && i + 1 < len && s[i + 1] == '\n')
			; /* the newline that follows stands for both */
		else if (c == '\n' || c == '\r')
			sbuf_putc(&b, keep_newlines ? '\n' : ' ');
		else if (txt_is_control(c))
			put_visible(&b, c); /* an escape sequence shows as "␛[2J": seen, inert */
		i += k;
		run = i;
	}
	sbuf_add(&b, s + run, i - run);
	return sbuf_detach(&b);
}

char *txt_sanitize_width(const char *s, int *width)
{
	size_t len = strlen(s), i = 0, k;
	uint32_t c;
	int w = 0;

	while (i < len) {
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F) {
			i++, w++;
			continue;
		}
		k = txt_dec(s + i, len - i, &c);
		if (c == TXT_BAD || txt_is_control(c) || bidi_control(c)) {
			/* a change to make: the copy made as txt_sanitize makes it */
			char *r = txt_sanitize_nl(s, 0);
			*width = txt_width(r);
			return r;
		}
		w += char_width(c);
		i += k;
	}
	*width = w;
	char *r = xmalloc(len + 1);
	memcpy(r, s, len + 1);
	return r;
}

char *txt_sanitize(const char *s)
{
	return txt_sanitize_nl(s, 0);
}
