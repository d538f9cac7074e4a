/* xt-out.c — the paragraph stream of theodoi-extract and list numbers. */
#include <string.h>

#include "extract-internal.h"

void xt_add(struct xt_out *o, const char *s, size_t n)
{
	sbuf_add(&o->para, s, n);
}

void xt_puts(struct xt_out *o, const char *s)
{
	sbuf_puts(&o->para, s);
}

void xt_newline(struct xt_out *o)
{
	sbuf_putc(&o->para, '\n');
}

static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Each line of the paragraph: spaces and tabs collapsed to one space,
 * trimmed; empty lines dropped. */
void xt_end_para(struct xt_out *o)
{
	const char *s = o->para.s ? o->para.s : "";
	size_t n = o->para.len, start = o->text.len;
	int line_has = 0, space = 0, any = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\n') {
			if (line_has)
				sbuf_putc(&o->text, '\n');
			line_has = space = 0;
		} else if (blank(c)) {
			space = line_has;
		} else {
			if (space)
				sbuf_putc(&o->text, ' ');
			sbuf_putc(&o->text, c);
			line_has = any = 1;
			space = 0;
		}
	}
	if (any) {
		while (o->text.len > start && o->text.s[o->text.len - 1] == '\n')
			o->text.len--;
		sbuf_puts(&o->text, "\n\n");
	} else {
		o->text.len = start;
		if (o->text.s)
			o->text.s[start] = '\0';
	}
	sbuf_reset(&o->para);
}

void xt_out_free(struct xt_out *o)
{
	sbuf_free(&o->text);
	sbuf_free(&o->para);
}

static void roman(struct sbuf *b, int n, int upper)
{
	static const struct {
		int v;
		const char *s;
	} r[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
	         {50, "l"},   {40, "xl"},  {10, "x"},  {9, "ix"},   {5, "v"},   {4, "iv"}, {1, "i"}};
	if (n <= 0 || n >= 4000) {
		sbuf_printf(b, "%d", n);
		return;
	}
	for (size_t i = 0; i < sizeof r / sizeof r[0]; i++)
		while (n >= r[i].v) {
			for (const char *p = r[i].s; *p; p++)
				sbuf_putc(b, upper ? (char)(*p - 'a' + 'A') : *p);
			n -= r[i].v;
		}
}

/* a, b, ..., z, aa, bb, ... as Word counts letters. */
static void letters(struct sbuf *b, int n, int upper)
{
	if (n <= 0) {
		sbuf_printf(b, "%d", n);
		return;
	}
	int reps = (n - 1) / 26 + 1;
	char c = (char)((upper ? 'A' : 'a') + (n - 1) % 26);
	for (int i = 0; i < reps && i < 64; i++)
		sbuf_putc(b, c);
}

void xt_format_number(struct sbuf *b, const char *fmt, int n)
{
	if (!strcmp(fmt, "lowerLetter") || !strcmp(fmt, "a"))
		letters(b, n, 0);
	else if (!strcmp(fmt, "upperLetter") || !strcmp(fmt, "A"))
		letters(b, n, 1);
	else if (!strcmp(fmt, "lowerRoman") || !strcmp(fmt, "i"))
		roman(b, n, 0);
	else if (!strcmp(fmt, "upperRoman") || !strcmp(fmt, "I"))
		roman(b, n, 1);
	else if (!strcmp(fmt, "decimalZero"))
		sbuf_printf(b, "%02d", n);
	else
		sbuf_printf(b, "%d", n);
}
