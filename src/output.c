/* output.c — text, CSV and JSON tables for the command line, and the CSV
 * cells and JSON text every writer goes through. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "output.h"
#include "text.h"
#include "util.h"

void out_init(struct out_table *t, const struct out_col *cols, int ncols)
{
	memset(t, 0, sizeof *t);
	t->cols = cols;
	t->ncols = ncols;
}

static int stream_row(struct out_table *t, const char *const *cells);
static void fix_widths(struct out_table *t, int more);
static char *text_cell(const struct out_col *col, const char *v, int *width);

void out_min_width(struct out_table *t, int col, int width)
{
	if (col < 0 || col >= t->ncols)
		return;
	if (!t->minw)
		t->minw = xcalloc((size_t)t->ncols, sizeof *t->minw);
	t->minw[col] = width;
}

int out_row(struct out_table *t, const char *const *cells)
{
	if (t->f && t->format == FMT_TEXT && !t->w && t->nrows >= t->lookahead) {
		fix_widths(t, 1); /* a row past the look-ahead: the widths are fixed now */
		return stream_row(t, cells);
	}
	if (t->f && (t->format != FMT_TEXT || t->w))
		return stream_row(t, cells);
	/* a streamed text table keeps only the cells it shows, as it shows
	 * them (text_cell) and with their widths: text_head takes them so */
	int shown_only = t->f && t->format == FMT_TEXT;
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->cells = xrealloc(t->cells, t->cap * (size_t)t->ncols * sizeof *t->cells);
		if (shown_only)
			t->cellw = xrealloc(t->cellw, t->cap * (size_t)t->ncols * sizeof *t->cellw);
	}
	for (int i = 0; i < t->ncols; i++) {
		const char *v = cells[i] ? cells[i] : "";
		size_t k = t->nrows * (size_t)t->ncols + (size_t)i;
		if (!shown_only)
			t->cells[k] = xstrdup(v);
		else if (t->cols[i].hide_text > 0)
			t->cells[k] = NULL, t->cellw[k] = 0;
		else
			t->cells[k] = text_cell(&t->cols[i], v, &t->cellw[k]);
	}
	t->nrows++;
	return 0;
}

static void free_cells(struct out_table *t)
{
	for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++)
		free(t->cells[i]);
	t->nrows = 0;
}

void out_stream(struct out_table *t, const struct out_col *cols, int ncols, int format, FILE *f)
{
	out_init(t, cols, ncols);
	t->f = f;
	t->format = format;
	t->lookahead = OUT_LOOKAHEAD;
}

void out_free(struct out_table *t)
{
	free_cells(t);
	free(t->cells);
	free(t->cellw);
	free(t->w);
	free(t->minw);
	sbuf_free(&t->buf);
	memset(t, 0, sizeof *t);
}

static const char *cell(const struct out_table *t, size_t r, int c)
{
	return t->cells[r * (size_t)t->ncols + (size_t)c];
}

/* A CSV text cell begins a formula in spreadsheets when it starts with
 * one of these (OWASP, CSV injection). */
static int csv_formula_start(const char *s)
{
	return *s && strchr("=+-@\t\r", *s) != NULL;
}

/* "-12", "3.25": written unquoted as a number. */
static int csv_plain_number(const char *s)
{
	const char *p = s + (*s == '-');
	int digits = 0, dot = 0;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p == '.' && !dot && digits)
			dot = 1;
		else
			return 0;
	}
	return digits > 0 && p[-1] != '.';
}

/* sbuf_putc without a call while the buffer has room: CSV is written a
 * byte at a time between its cells. */
static inline void put1(struct sbuf *b, char c)
{
	if (b->len + 2 <= b->cap) {
		b->s[b->len++] = c;
		b->s[b->len] = '\0';
	} else {
		sbuf_putc(b, c);
	}
}

/* 1 for the bytes csv_clean cannot copy as they are. */
static int csv_special(unsigned char c)
{
	return c == '"' || c < 0x20 || c == 0x7f || c == 0xc2;
}

/* Append s to b with the control characters replaced (see output.h) and
 * every '"' doubled.  Runs of ordinary bytes are copied whole. */
static void csv_clean(struct sbuf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	for (;;) {
		const unsigned char *run = p;
		while (*p && !csv_special(*p))
			p++;
		if (p > run)
			sbuf_add(b, (const char *)run, (size_t)(p - run));
		unsigned c = *p;
		if (!c)
			return;
		if (c == '"') {
			sbuf_add(b, "\"\"", 2);
			p++;
		} else if (c == '\r') {
			sbuf_putc(b, '\n');
			p += p[1] == '\n' ? 2 : 1;
		} else if (c == '\t' || c == '\n') {
			sbuf_putc(b, (char)c);
			p++;
		} else if (c < 0x20 || c == 0x7f) {
			/* the control picture: U+2400 + c, U+2421 for DEL */
			char pic[3] = {(char)0xe2, (char)0x90, (char)(c == 0x7f ? 0xa1 : 0x80 + c)};
			sbuf_add(b, pic, 3);
			p++;
		} else if (p[1] >= 0x80 && p[1] <= 0x9f) { /* 0xC2: a C1 control */
			sbuf_add(b, "\xef\xbf\xbd", 3); /* U+FFFD */
			p += 2;
		} else {
			sbuf_putc(b, (char)c);
			p++;
		}
	}
}

/* What a byte asks of a CSV cell: CSV_QUOTE, the cell is quoted; CSV_CLEAN,
 * csv_clean must rewrite it; CSV_END, the end of the string. */
enum { CSV_QUOTE = 1, CSV_CLEAN = 2, CSV_END = 4 };

static unsigned char csv_class(unsigned char c)
{
	if (c == 0)
		return CSV_END;
	if (c == ',')
		return CSV_QUOTE;
	if (c == '"' || c == '\n' || c == '\r')
		return CSV_QUOTE | CSV_CLEAN;
	return csv_special(c) ? CSV_CLEAN : 0;
}

void out_csv_cell(struct sbuf *b, const char *s, int numeric)
{
	static unsigned char cls[256];
	if (!cls[0]) /* filled once; always the same values */
		for (int c = 0; c < 256; c++)
			cls[c] = csv_class((unsigned char)c);
	if (!s)
		s = "";
	if (numeric && csv_plain_number(s)) {
		sbuf_puts(b, s);
		return;
	}
	int formula = csv_formula_start(s);
	/* One look at every byte: most cells are plain text, copied whole. */
	const unsigned char *p = (const unsigned char *)s;
	unsigned need = 0;
	for (;;) {
		while (!cls[*p])
			p++;
		if (!*p)
			break;
		need |= cls[*p++];
	}
	size_t n = (size_t)((const char *)p - s);
	if (formula || (need & CSV_QUOTE)) {
		put1(b, '"');
		if (formula)
			put1(b, '\'');
	}
	if (need & CSV_CLEAN)
		csv_clean(b, s);
	else
		sbuf_add(b, s, n);
	if (formula || (need & CSV_QUOTE))
		put1(b, '"');
}

int out_json_str(struct sbuf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	if (u8_check(p, n))
		return -1;
	put1(b, '"');
	for (;;) {
		const unsigned char *run = p;
		/* plain bytes: not '"', '\\', a control, DEL, nor the lead byte
		 * of a C1 control (0xC2) or of U+2028/9 (0xE2) */
		while (*p >= 0x20 && *p != '"' && *p != '\\' && *p != 0x7f && *p != 0xc2 && *p != 0xe2)
			p++;
		if (p > run)
			sbuf_add(b, (const char *)run, (size_t)(p - run));
		unsigned c = *p;
		char esc[8];
		if (!c)
			break;
		if (c == '"' || c == '\\') {
			esc[0] = '\\', esc[1] = (char)c, esc[2] = '\0';
		} else if (c < 0x20 || c == 0x7f) {
			char k = c == '\b' ? 'b' : c == '\f' ? 'f' : c == '\n' ? 'n' : c == '\r' ? 'r'
			       : c == '\t' ? 't' : 0;
			if (k)
				esc[0] = '\\', esc[1] = k, esc[2] = '\0';
			else
				snprintf(esc, sizeof esc, "\\u%04X", c);
		} else if (c == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			snprintf(esc, sizeof esc, "\\u%04X", (unsigned)p[1]);
			p++;
		} else if (c == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) {
			snprintf(esc, sizeof esc, "\\u%04X", p[2] == 0xa8 ? 0x2028u : 0x2029u);
			p += 2;
		} else { /* 0xC2 or 0xE2 leading another character */
			esc[0] = (char)c, esc[1] = '\0';
		}
		sbuf_puts(b, esc);
		p++;
	}
	put1(b, '"');
	return 0;
}

char *out_json_dumps(const json_t *j, size_t flags)
{
	char *raw = json_dumps(j, flags);
	if (!raw)
		return NULL;
	/* jansson escapes C0 but writes DEL, C1 and U+2028/9 raw.  Outside
	 * strings its output is ASCII, and 0xC2 and 0xE2 only ever lead a
	 * UTF-8 sequence, so these bytes are always characters of a string. */
	struct sbuf b = {0};
	const unsigned char *p = (const unsigned char *)raw;
	size_t run = 0; /* bytes of p[-run..0) not yet copied */
	for (; *p; p++) {
		const char *esc = NULL;
		char buf[8];
		int skip = 1;
		if (*p == 0x7f) {
			esc = "\\u007F";
		} else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			snprintf(buf, sizeof buf, "\\u%04X", (unsigned)p[1]);
			esc = buf;
			skip = 2;
		} else if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) {
			esc = p[2] == 0xa8 ? "\\u2028" : "\\u2029";
			skip = 3;
		}
		if (!esc) {
			run++;
			continue;
		}
		sbuf_add(&b, (const char *)p - run, run);
		sbuf_puts(&b, esc);
		run = 0;
		p += skip - 1;
	}
	if (!b.s) /* nothing escaped */
		return raw;
	sbuf_add(&b, (const char *)p - run, run);
	free(raw);
	return sbuf_detach(&b);
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
			if (t->cols[c].hide_text >= 0)
				json_object_set_new(o, t->cols[c].key, cell_json(&t->cols[c], cell(t, r, c)));
		json_array_append_new(arr, o);
	}
	return arr;
}

int out_json_print(json_t *j, FILE *f)
{
	/* 10 significant digits: 53.3, not 53.299999999999997 */
	char *s = out_json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10) |
	                                JSON_ENCODE_ANY);
	if (!s)
		return ERR_IO;
	fputs(s, f);
	free(s);
	fputc('\n', f);
	return ferror(f) ? ERR_IO : 0;
}

/* The text of a cell as the text format shows it: a date as dd/mm/yyyy,
 * control characters made harmless (malloc'd); its width into *width. */
static char *text_cell(const struct out_col *col, const char *v, int *width)
{
	/* an ISO date YYYY-MM-DD as DD/MM/YYYY, digit for digit */
	if (col->type == OUT_DATE && strlen(v) == 10 && v[4] == '-' && v[7] == '-') {
		static const int pos[] = {8, 9, -1, 5, 6, -1, 0, 1, 2, 3};
		char vn[11];
		int ok = 1;
		for (int i = 0; i < 10; i++) {
			vn[i] = pos[i] < 0 ? '/' : v[pos[i]];
			ok &= pos[i] < 0 || (vn[i] >= '0' && vn[i] <= '9');
		}
		vn[10] = '\0';
		if (ok) {
			*width = 10;
			return xstrdup(vn);
		}
	}
	return txt_sanitize_width(v, width);
}

/* The display width a cell of width w asks of its column: w capped by the
 * column's max_width. */
static int cell_width(const struct out_col *col, int w)
{
	return col->max_width && w > col->max_width ? col->max_width : w;
}

/* Width of column c in text format: the widest of the header and the
 * nrows rows whose cells have the widths cw, capped. */
static int col_width(const struct out_table *t, int c, const int *cw, size_t nrows)
{
	int w = cell_width(&t->cols[c], txt_width(t->cols[c].label));
	for (size_t r = 0; r < nrows; r++) {
		int x = cell_width(&t->cols[c], cw[r * (size_t)t->ncols + (size_t)c]);
		if (x > w)
			w = x;
	}
	return w;
}

static int last_shown(const struct out_table *t)
{
	int last = 0;
	for (int c = 0; c < t->ncols; c++)
		if (t->cols[c].hide_text <= 0)
			last = c;
	return last;
}

/* One line of the table appended to out (directly: the trailing blanks
 * are taken back from out, never from text written before the line).
 * cw, when not NULL, holds the width of each cell of row, sanitised: a
 * cell within its column is then copied as it is, which is what cutting
 * it would give (a sanitised cell has no control character to leave out). */
static void text_line(struct sbuf *out, const struct out_table *t, const int *w,
                      const char *const *row, const int *cw)
{
	size_t start = out->len;
	int last = last_shown(t), first = 1;
	for (int c = 0; c < t->ncols; c++) {
		if (t->cols[c].hide_text > 0)
			continue;
		if (!first)
			sbuf_add(out, "  ", 2);
		first = 0;
		if (cw && cw[c] <= w[c]) {
			int pad = c == last && !t->cols[c].right ? 0 : w[c] - cw[c];
			if (t->cols[c].right)
				for (int i = 0; i < pad; i++)
					sbuf_putc(out, ' ');
			sbuf_puts(out, row[c]);
			if (!t->cols[c].right)
				for (int i = 0; i < pad; i++)
					sbuf_putc(out, ' ');
		} else if (cw && !t->cols[c].right && w[c] > 0) {
			/* too wide, as its width says: cut at once (no column is
			 * padded after a cut: it fills the column or falls one
			 * short before a wide character) */
			int used = txt_cut_into(out, row[c], w[c]);
			for (int i = used; c != last && i < w[c]; i++)
				sbuf_putc(out, ' ');
		} else if (c == last && !t->cols[c].right)
			txt_trunc_into(out, row[c], w[c]);
		else
			txt_pad(out, row[c], w[c], t->cols[c].right);
	}
	while (out->len > start && out->s[out->len - 1] == ' ')
		out->s[--out->len] = '\0';
	sbuf_putc(out, '\n');
}

/* The header and the first nrows rows of t->cells in text format into
 * out; the column widths into w (t->ncols of them), at least minw's when
 * minw is not NULL. */
static void text_head(const struct out_table *t, size_t nrows, const int *minw, int *w,
                      struct sbuf *out)
{
	size_t n = nrows * (size_t)t->ncols;
	int kept = t->f != NULL; /* a streamed table's cells: sanitised by out_row */
	char **clean = xcalloc(n ? n : 1, sizeof *clean);
	int *cw = xcalloc(n ? n : 1, sizeof *cw);
	for (size_t i = 0; i < n; i++) /* the columns shown only */
		if (t->cols[i % (size_t)t->ncols].hide_text > 0)
			continue;
		else if (kept)
			clean[i] = t->cells[i], cw[i] = t->cellw[i];
		else
			clean[i] = text_cell(&t->cols[i % (size_t)t->ncols], t->cells[i], &cw[i]);
	const char **hdr = xcalloc((size_t)t->ncols, sizeof *hdr);
	for (int c = 0; c < t->ncols; c++) {
		w[c] = t->cols[c].hide_text > 0 ? 0 : col_width(t, c, cw, nrows);
		if (minw && minw[c] > w[c])
			w[c] = minw[c];
		hdr[c] = t->cols[c].label;
	}
	text_line(out, t, w, hdr, NULL);
	for (size_t r = 0; r < nrows; r++) {
		text_line(out, t, w, (const char *const *)&clean[r * (size_t)t->ncols],
		          &cw[r * (size_t)t->ncols]);
		if (out->len > 65536 && t->f) { /* a streamed table writes as it goes */
			fwrite(out->s, 1, out->len, t->f);
			sbuf_reset(out);
		}
	}
	for (size_t i = 0; i < n && !kept; i++)
		free(clean[i]);
	free(clean);
	free(cw);
	free(hdr);
}

static int print_text(const struct out_table *t, FILE *f)
{
	struct sbuf b = {0};
	int *w = xcalloc((size_t)t->ncols, sizeof *w);
	text_head(t, t->nrows, NULL, w, &b);
	if (b.len)
		fwrite(b.s, 1, b.len, f);
	sbuf_free(&b);
	free(w);
	return ferror(f) ? ERR_IO : 0;
}

static void csv_header(const struct out_table *t, struct sbuf *b)
{
	int first = 1;
	for (int c = 0; c < t->ncols; c++) {
		if (t->cols[c].hide_text < 0)
			continue;
		if (!first)
			sbuf_putc(b, ',');
		first = 0;
		out_csv_cell(b, t->cols[c].key, 0);
	}
	sbuf_puts(b, "\r\n");
}

static void csv_line(const struct out_table *t, const char *const *row, struct sbuf *b)
{
	int first = 1;
	for (int c = 0; c < t->ncols; c++) {
		if (t->cols[c].hide_text < 0)
			continue;
		if (!first)
			put1(b, ',');
		first = 0;
		enum out_type ty = t->cols[c].type;
		out_csv_cell(b, row[c] ? row[c] : "", ty == OUT_INT || ty == OUT_RAW);
	}
	sbuf_puts(b, "\r\n");
}

static int print_csv(const struct out_table *t, FILE *f)
{
	struct sbuf b = {0};
	csv_header(t, &b);
	for (size_t r = 0; r < t->nrows; r++) {
		csv_line(t, (const char *const *)&t->cells[r * (size_t)t->ncols], &b);
		if (b.len > 65536) { /* never the whole table in memory twice */
			fwrite(b.s, 1, b.len, f);
			sbuf_reset(&b);
		}
	}
	if (b.len)
		fwrite(b.s, 1, b.len, f);
	sbuf_free(&b);
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

/* ---- streamed tables ---- */

/* Append o (consumed) as the next element of the JSON array that
 * out_json_print would print: the element dumped with the same flags,
 * each line indented by two more spaces (a dump holds no raw newline
 * inside a string). */
static int json_element(struct out_table *t, json_t *o)
{
	char *s = out_json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10) |
	                                JSON_ENCODE_ANY);
	json_decref(o);
	if (!s)
		return ERR_IO;
	sbuf_puts(&t->buf, t->written ? ",\n  " : "[\n  ");
	const char *p = s, *nl;
	while ((nl = strchr(p, '\n'))) {
		sbuf_add(&t->buf, p, (size_t)(nl - p) + 1);
		sbuf_puts(&t->buf, "  ");
		p = nl + 1;
	}
	sbuf_puts(&t->buf, p);
	free(s);
	t->written++;
	return 0;
}

/* A row as the object out_json makes of it. */
static json_t *row_object(const struct out_table *t, const char *const *row)
{
	json_t *o = json_object();
	for (int c = 0; c < t->ncols; c++)
		if (t->cols[c].hide_text >= 0)
			json_object_set_new(o, t->cols[c].key,
			                    cell_json(&t->cols[c], row[c] ? row[c] : ""));
	return o;
}

/* A raw cell that is written as it is: a literal or a plain integer. */
static int raw_plain(const char *v)
{
	if (!strcmp(v, "true") || !strcmp(v, "false") || !strcmp(v, "null"))
		return 1;
	const char *p = v + (*v == '-');
	if (!*p || (*p == '0' && (p[1] || p != v))) /* "01" and "-0" are not as jansson writes them */
		return 0;
	for (; *p; p++)
		if (*p < '0' || *p > '9')
			return 0;
	return strlen(v) < 19;
}

/* Append a row as json_element(t, row_object(t, row)) would, without
 * building it: the bulk of a JSON listing.  1 (nothing written) for a row
 * with a raw cell that is not a plain literal, left to jansson. */
static int json_row_direct(struct out_table *t, const char *const *row)
{
	for (int c = 0; c < t->ncols; c++)
		if (t->cols[c].type == OUT_RAW && t->cols[c].hide_text >= 0 && row[c] && *row[c] &&
		    !raw_plain(row[c]))
			return 1;
	struct sbuf *b = &t->buf;
	int first = 1;
	sbuf_puts(b, t->written ? ",\n  {" : "[\n  {");
	for (int c = 0; c < t->ncols; c++) {
		const struct out_col *col = &t->cols[c];
		const char *v = row[c] ? row[c] : "";
		if (col->hide_text < 0)
			continue;
		size_t mark = b->len;
		sbuf_puts(b, first ? "\n    \"" : ",\n    \"");
		sbuf_puts(b, col->key);
		sbuf_puts(b, "\": ");
		if (!*v) {
			sbuf_puts(b, "null");
		} else if (col->type == OUT_INT) {
			sbuf_printf(b, "%lld", strtoll(v, NULL, 10));
		} else if (col->type == OUT_RAW) {
			sbuf_puts(b, v);
		} else if (out_json_str(b, v)) {
			/* not UTF-8: jansson makes no string of it, and the
			 * object gets no such member */
			b->len = mark;
			b->s[mark] = '\0';
			continue;
		}
		first = 0;
	}
	sbuf_puts(b, first ? "}" : "\n  }");
	t->written++;
	return 0;
}

/* A text row after the look-ahead: the fixed widths, widened for a cell
 * that needs more (up to its column's max_width). */
static void text_stream_line(struct out_table *t, const char *const *row)
{
	int *w = xmalloc((size_t)t->ncols * sizeof *w), *cw = xmalloc((size_t)t->ncols * sizeof *cw);
	char **clean = xmalloc((size_t)t->ncols * sizeof *clean);
	for (int c = 0; c < t->ncols; c++) {
		if (t->cols[c].hide_text > 0) {
			clean[c] = NULL;
			w[c] = cw[c] = 0;
			continue;
		}
		clean[c] = text_cell(&t->cols[c], row[c] ? row[c] : "", &cw[c]);
		int x = cell_width(&t->cols[c], cw[c]);
		w[c] = x > t->w[c] ? x : t->w[c];
	}
	text_line(&t->buf, t, w, (const char *const *)clean, cw);
	for (int c = 0; c < t->ncols; c++)
		free(clean[c]);
	free(clean);
	free(cw);
	free(w);
}

static int flush_buf(struct out_table *t)
{
	if (t->buf.len && fwrite(t->buf.s, 1, t->buf.len, t->f) != t->buf.len)
		t->failed = 1;
	sbuf_reset(&t->buf);
	if (ferror(t->f))
		t->failed = 1;
	return t->failed ? ERR_IO : 0;
}

/* A streamed text table: fix the widths from the rows kept (and the
 * minima of out_min_width when more rows are to come) and print those
 * rows under the header. */
static void fix_widths(struct out_table *t, int more)
{
	t->w = xcalloc((size_t)t->ncols, sizeof *t->w);
	text_head(t, t->nrows, more ? t->minw : NULL, t->w, &t->buf);
	t->written += t->nrows;
	free_cells(t);
}

/* Write one row of a streamed table (text: once its widths are fixed). */
static int stream_row(struct out_table *t, const char *const *row)
{
	if (t->failed)
		return ERR_IO;
	if (t->format == FMT_TEXT) {
		text_stream_line(t, row);
		t->written++;
	} else if (t->format == FMT_CSV) {
		if (!t->written)
			csv_header(t, &t->buf);
		csv_line(t, row, &t->buf);
		t->written++;
	} else if (json_row_direct(t, row) && json_element(t, row_object(t, row))) {
		return t->failed = 1, ERR_IO;
	}
	return t->buf.len > 65536 ? flush_buf(t) : 0;
}

int out_row_json(struct out_table *t, json_t *o)
{
	if (!t->f || t->format != FMT_JSON || t->failed) {
		json_decref(o);
		return ERR_IO;
	}
	if (json_element(t, o))
		return t->failed = 1, ERR_IO;
	return t->buf.len > 65536 ? flush_buf(t) : 0;
}

size_t out_rows(const struct out_table *t)
{
	return t->nrows + t->written;
}

int out_end(struct out_table *t)
{
	if (!t->f)
		return 0;
	if (t->failed)
		return ERR_IO;
	if (t->format == FMT_TEXT && !t->w)
		fix_widths(t, 0);
	else if (t->format == FMT_CSV && !t->written)
		csv_header(t, &t->buf);
	else if (t->format == FMT_JSON)
		sbuf_puts(&t->buf, t->written ? "\n]\n" : "[]\n");
	if (flush_buf(t) || fflush(t->f) != 0)
		return ERR_IO;
	return 0;
}
