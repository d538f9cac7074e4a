/* output.c — text, CSV and JSON tables for the command line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "output.h"
#include "text.h"
#include "util.h"

void out_init(struct out_table *t, const struct out_col *cols, int ncols)
{
	memset(t, 0, sizeof *t);
	t->cols = cols;
	t->ncols = ncols;
}

void out_row(struct out_table *t, const char *const *cells)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->cells = xrealloc(t->cells, t->cap * (size_t)t->ncols * sizeof *t->cells);
	}
	for (int i = 0; i < t->ncols; i++)
		t->cells[t->nrows * (size_t)t->ncols + (size_t)i] = xstrdup(cells[i] ? cells[i] : "");
	t->nrows++;
}

void out_free(struct out_table *t)
{
	for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof *t);
}

static const char *cell(const struct out_table *t, size_t r, int c)
{
	return t->cells[r * (size_t)t->ncols + (size_t)c];
}

void out_csv_field(FILE *f, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static json_t *cell_json(const struct out_col *col, const char *s)
{
	if (!*s)
		return json_null();
	if (col->type == OUT_INT)
		return json_integer(strtoll(s, NULL, 10));
	if (col->type == OUT_RAW) {
		json_t *j = json_loads(s, JSON_DECODE_ANY, NULL);
		return j ? j : json_string(s);
	}
	return json_string(s);
}

json_t *out_json(const struct out_table *t)
{
	json_t *arr = json_array();
	for (size_t r = 0; r < t->nrows; r++) {
		json_t *o = json_object();
		for (int c = 0; c < t->ncols; c++)
			json_object_set_new(o, t->cols[c].key, cell_json(&t->cols[c], cell(t, r, c)));
		json_array_append_new(arr, o);
	}
	return arr;
}

int out_json_print(json_t *j, FILE *f)
{
	/* 10 significant digits: 53.3, not 53.299999999999997 */
	if (json_dumpf(j, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10)) < 0)
		return ERR_IO;
	fputc('\n', f);
	return ferror(f) ? ERR_IO : 0;
}

/* Width of column c in text format: the widest cell or header, capped. */
static int col_width(const struct out_table *t, int c, char **clean)
{
	int w = txt_width(t->cols[c].label);
	for (size_t r = 0; r < t->nrows; r++) {
		int cw = txt_width(clean[r * (size_t)t->ncols + (size_t)c]);
		if (cw > w)
			w = cw;
	}
	if (t->cols[c].max_width && w > t->cols[c].max_width)
		w = t->cols[c].max_width;
	return w;
}

static int last_shown(const struct out_table *t)
{
	int last = 0;
	for (int c = 0; c < t->ncols; c++)
		if (!t->cols[c].hide_text)
			last = c;
	return last;
}

static void text_line(FILE *f, const struct out_table *t, const int *w, const char *const *row)
{
	struct sbuf b = {0};
	int last = last_shown(t), first = 1;
	for (int c = 0; c < t->ncols; c++) {
		if (t->cols[c].hide_text)
			continue;
		if (!first)
			sbuf_puts(&b, "  ");
		first = 0;
		if (c == last && !t->cols[c].right) {
			char *cut = txt_trunc(row[c], w[c]);
			sbuf_puts(&b, cut);
			free(cut);
		} else {
			txt_pad(&b, row[c], w[c], t->cols[c].right);
		}
	}
	while (b.len && b.s[b.len - 1] == ' ')
		b.s[--b.len] = '\0';
	fprintf(f, "%s\n", b.s ? b.s : "");
	sbuf_free(&b);
}

static int print_text(const struct out_table *t, FILE *f)
{
	size_t n = t->nrows * (size_t)t->ncols;
	char **clean = xcalloc(n ? n : 1, sizeof *clean);
	for (size_t i = 0; i < n; i++) {
		const char *v = t->cells[i];
		char vn[16];
		int y, m, d;
		if (t->cols[i % (size_t)t->ncols].type == OUT_DATE && strlen(v) == 10 &&
		    sscanf(v, "%4d-%2d-%2d", &y, &m, &d) == 3) {
			snprintf(vn, sizeof vn, "%02d/%02d/%04d", d, m, y);
			v = vn;
		}
		clean[i] = txt_sanitize(v);
	}
	int *w = xcalloc((size_t)t->ncols, sizeof *w);
	const char **hdr = xcalloc((size_t)t->ncols, sizeof *hdr);
	for (int c = 0; c < t->ncols; c++) {
		w[c] = col_width(t, c, clean);
		hdr[c] = t->cols[c].label;
	}
	text_line(f, t, w, hdr);
	for (size_t r = 0; r < t->nrows; r++)
		text_line(f, t, w, (const char *const *)&clean[r * (size_t)t->ncols]);
	for (size_t i = 0; i < n; i++)
		free(clean[i]);
	free(clean);
	free(w);
	free(hdr);
	return ferror(f) ? ERR_IO : 0;
}

static int print_csv(const struct out_table *t, FILE *f)
{
	for (int c = 0; c < t->ncols; c++) {
		if (c)
			fputc(',', f);
		out_csv_field(f, t->cols[c].key);
	}
	fputs("\r\n", f);
	for (size_t r = 0; r < t->nrows; r++) {
		for (int c = 0; c < t->ncols; c++) {
			if (c)
				fputc(',', f);
			out_csv_field(f, cell(t, r, c));
		}
		fputs("\r\n", f);
	}
	return ferror(f) ? ERR_IO : 0;
}

int out_print(const struct out_table *t, int format, FILE *f)
{
	if (format == FMT_CSV)
		return print_csv(t, f);
	if (format == FMT_JSON) {
		json_t *j = out_json(t);
		int rc = out_json_print(j, f);
		json_decref(j);
		return rc;
	}
	return print_text(t, f);
}
