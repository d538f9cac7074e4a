/* import-layout.c — text that keeps a page's layout (pdftotext -layout,
 * a copy from a print preview): where two columns stand side by side (the
 * header table, "Nơi nhận" beside the signature), each line holds a piece
 * of both.  The left column is read first, then the right one.
 */
#include "import-internal.h"

#include <stdlib.h>
#include <string.h>

#define GAP 4        /* spaces between two columns, at least */
#define SLACK 10     /* how far the right column's start may wander */

/* One line of the text, measured in characters. */
struct lay {
	size_t a, b;         /* bytes [a, b) of the line, without its '\n' */
	size_t split;        /* byte where the right column starts, or 0 */
	size_t rcol;         /* its column */
	size_t start, end;   /* columns of the first character and after the last */
	int blank;
};

static void measure(const char *s, struct lay *l)
{
	size_t col = 0, spaces = 0, i, words = 0;
	int seen = 0;

	l->split = 0;
	l->blank = 1;
	l->start = l->end = 0;
	for (i = l->a; i < l->b; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c & 0xC0) == 0x80)
			continue;
		if (c == ' ' || c == '\f') {
			spaces++;
			col++;
			continue;
		}
		if (!seen && c == '|') {
			/* a row of a pipe table: its gaps are cells, and it
			 * spans any columns */
			l->blank = 0;
			l->start = 0;
			l->end = (size_t)-1 / 2;
			return;
		}
		if (!seen) {
			l->start = col;
			seen = 1;
			l->blank = 0;
		} else if (spaces >= GAP && !l->split && words >= 2) {
			/* two words at least on the left: "1.    Ban Tổ chức"
			 * is a number set off from its item, not a column */
			l->split = i;
			l->rcol = col;
		}
		if (spaces > 0 || col == l->start)
			words++;
		spaces = 0;
		col++;
		l->end = col;
	}
}

/* Copy bytes [a, b) as one line, trimmed of spaces at its end. */
static void put_line(struct sbuf *out, const char *s, size_t a, size_t b)
{
	while (b > a && s[b - 1] == ' ')
		b--;
	sbuf_add(out, s + a, b - a);
	sbuf_putc(out, '\n');
}

/* Does line l belong to a column block whose right column starts at p? */
static int in_block(const struct lay *l, size_t p)
{
	if (l->blank)
		return 1;
	if (l->split)
		return l->rcol + SLACK >= p && l->rcol <= p + SLACK;
	return l->start + GAP >= p || l->end + 2 <= p;
}

char *imp_layout_columns(const char *s, size_t n, size_t *outlen)
{
	struct lay *v = NULL;
	size_t nl = 0, cap = 0, i, a = 0;
	struct sbuf out = {0};
	int any = 0;

	for (i = 0; i <= n; i++) {
		if (i < n && s[i] != '\n')
			continue;
		if (nl == cap) {
			cap = cap ? cap * 2 : 256;
			v = xrealloc(v, cap * sizeof *v);
		}
		v[nl].a = a;
		v[nl].b = i;
		measure(s, &v[nl]);
		any |= v[nl].split != 0;
		nl++;
		a = i + 1;
	}
	if (!any) {
		free(v);
		return NULL;
	}
	sbuf_add(&out, "", 0);
	for (i = 0; i < nl;) {
		size_t j, end, p;

		if (!v[i].split) {
			put_line(&out, s, v[i].a, v[i].b);
			i++;
			continue;
		}
		/* the block: lines up to the first that spans both columns */
		p = v[i].rcol;
		for (j = i + 1; j < nl && in_block(&v[j], p); j++)
			if (v[j].split && v[j].rcol < p)
				p = v[j].rcol;
		/* it ends with its right column: left-only lines after that
		 * are text under the block, not beside it */
		end = j;
		while (end > i + 1 && !v[end - 1].split && v[end - 1].start + GAP < p)
			end--;
		/* one line alone with a wide gap is a line, not two columns */
		if (end == i + 1) {
			put_line(&out, s, v[i].a, v[i].b);
			i++;
			continue;
		}
		for (j = i; j < end; j++) {
			if (v[j].split)
				put_line(&out, s, v[j].a, v[j].split);
			else if (!v[j].blank && v[j].start + GAP < p)
				put_line(&out, s, v[j].a, v[j].b);
		}
		/* a blank line between the columns keeps them apart */
		sbuf_putc(&out, '\n');
		for (j = i; j < end; j++) {
			if (v[j].split)
				put_line(&out, s, v[j].split, v[j].b);
			else if (!v[j].blank && v[j].start + GAP >= p)
				put_line(&out, s, v[j].a, v[j].b);
		}
		/* the block's blank lines make up for the lines it gained,
		 * so that the lines after it keep their numbers where they can */
		{
			size_t gained = 1, blanks = 0;

			for (j = i; j < end; j++) {
				gained += v[j].split != 0;
				blanks += v[j].blank;
			}
			for (; blanks > gained; blanks--)
				sbuf_putc(&out, '\n');
		}
		i = end;
	}
	free(v);
	if (out.len && n && s[n - 1] != '\n')
		out.s[--out.len] = '\0';
	*outlen = out.len;
	return sbuf_detach(&out);
}
