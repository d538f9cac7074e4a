/* output.h — the one output layer of theodoi: tables in three formats
 * (text lined up by display width, Vietnamese-aware; CSV, RFC 4180; JSON,
 * an array of objects typed by column), and the CSV cells and JSON text of
 * every other writer (reports, the JSON export, the audit log).
 *
 * What it guarantees, whatever the store holds:
 *   text  control characters and escape sequences never reach the
 *         terminal (txt_sanitize, text.h);
 *   CSV   no C0 or C1 control character and no DEL is written: a tab and a
 *         newline (LF) stay as they are (quoted), "\r\n" and a lone CR
 *         become LF, every other C0 control and DEL becomes its Unicode
 *         control picture (ESC is U+241B "␛", DEL U+2421 "␡"), a C1
 *         control (U+0080..U+009F) becomes U+FFFD "�".  A text cell that
 *         begins with = + - @, a tab or a CR is written quoted with a
 *         single quote ' before it (OWASP's rule against spreadsheet
 *         formulas: "'=HYPERLINK(...)" is text).  Numeric cells (OUT_INT,
 *         and OUT_RAW cells that are plain numbers) are written as they
 *         are, so -3 stays a number;
 *   JSON  every control character is \u-escaped: C0 (by jansson), and also
 *         DEL, C1 (U+0080..U+009F) and the line and paragraph separators
 *         U+2028, U+2029, which jansson writes raw.  Other non-ASCII text
 *         stays UTF-8.
 */
#ifndef THEODOI_OUTPUT_H
#define THEODOI_OUTPUT_H

#include <stddef.h>
#include <stdio.h>
#include <jansson.h>

#include "util.h"

/* The formats of --format. */
enum out_format { FMT_TEXT = 0, FMT_CSV, FMT_JSON };

enum out_type {
	OUT_STR = 0, /* JSON string; "" prints as null */
	OUT_INT,     /* JSON integer; "" prints as null */
	OUT_RAW,     /* JSON text already formed (arrays, objects) */
	OUT_DATE     /* "YYYY-MM-DD" in JSON and CSV, "dd/mm/yyyy" in text */
};

struct out_col {
	const char *key;   /* JSON key and CSV header: ASCII */
	const char *label; /* text header: Vietnamese */
	enum out_type type;
	int max_width;     /* text format: cut with "…" beyond this; 0 = no limit */
	int right;         /* text format: right-align */
	int hide_text;     /* 1: text format leaves the column out; -1 (OUT_TEXT_ONLY):
	                      only the text format shows it, CSV and JSON leave it out */
};
#define OUT_TEXT_ONLY (-1)

/* A table under construction, either collected or streamed.
 *
 * Collected (out_init): every row is kept until out_print prints the whole
 * table.  Streamed (out_stream): each row is written as it is added, so
 * that a listing of a million rows neither waits for its last row nor
 * holds them all: CSV and JSON rows at once (buffered in 64 KiB writes);
 * text rows after a look-ahead of the first OUT_LOOKAHEAD rows, which fixes
 * the column widths as out_print would for those rows (and out_min_width's
 * when more rows come).  A later cell wider
 * than its column (up to the column's max_width) is printed whole and
 * pushes the rest of its line right: nothing is cut that out_print would
 * not cut.  The bytes are those of out_print for any table of at most
 * OUT_LOOKAHEAD rows, and for CSV and JSON always.
 *
 * Cells are copied; the table owns them. */
struct out_table {
	const struct out_col *cols;
	int ncols;
	size_t nrows, cap;
	char **cells;     /* nrows * ncols: the rows kept (collected, or look-ahead) */
	int *cellw;       /* streamed text: the display width of each cell kept
	                     (sanitised as the text format shows it) */
	/* streamed only */
	FILE *f;          /* NULL: collected */
	int format;       /* enum out_format */
	size_t lookahead; /* text: rows kept before the widths are fixed */
	size_t written;   /* rows written */
	int *w;           /* text: the column widths once fixed, else NULL */
	int *minw;        /* text: out_min_width's, or NULL */
	int failed;       /* a write failed: later rows are dropped */
	struct sbuf buf;  /* output not yet written */
};

/* Rows a streamed text table keeps to fix its column widths. */
#define OUT_LOOKAHEAD 1000

/* The number of columns of a static array of struct out_col. */
#define OUT_NCOLS(a) ((int)(sizeof(a) / sizeof((a)[0])))

void out_init(struct out_table *t, const struct out_col *cols, int ncols);
/* Start a streamed table printed in `format` to f (see struct out_table).
 * Rows go through out_row; out_end writes what remains; out_free releases
 * it.  Nothing is written before the first row or out_end. */
void out_stream(struct out_table *t, const struct out_col *cols, int ncols, int format, FILE *f);
/* A streamed text table that outgrows its look-ahead makes column col at
 * least `width` wide: what the look-ahead cannot see but the caller knows,
 * such as the largest id of a listing in id order, so that later rows line
 * up.  A table within its look-ahead is printed as out_print prints it,
 * whatever the minimum. */
void out_min_width(struct out_table *t, int col, int width);
/* Append a row: ncols strings (NULL is taken as "").  0, or ERR_IO when a
 * streamed table could not be written (the caller may stop early). */
int out_row(struct out_table *t, const char *const *cells);
/* Append a row already made as JSON (o, consumed) to a streamed table of
 * FMT_JSON: written as the next element of its array, as out_json_print
 * would print it.  0, or ERR_IO (also for a table that is not a streamed
 * JSON one). */
int out_row_json(struct out_table *t, json_t *o);
/* Rows added so far: kept, and (streamed) written. */
size_t out_rows(const struct out_table *t);
/* Finish a streamed table: the look-ahead rows and header of a text table
 * not yet printed, the end of a JSON array, the buffered output; then
 * fflush.  0 or ERR_IO.  A collected table is left as it is (0). */
int out_end(struct out_table *t);
/* Print a collected table in the format (enum out_format) as the header
 * comment says. */
int out_print(const struct out_table *t, int format, FILE *f);
/* The table as a JSON array (new reference). */
json_t *out_json(const struct out_table *t);
void out_free(struct out_table *t);

/* Print a JSON value with 2-space indentation and a newline, escaped as
 * the header comment says; 0 or ERR_IO. */
int out_json_print(json_t *j, FILE *f);

/* json_dumps(j, flags) with DEL, C1 controls, U+2028 and U+2029 also
 * \u-escaped.  Malloc'd (the caller frees it), or NULL when jansson
 * cannot dump j. */
char *out_json_dumps(const json_t *j, size_t flags);

/* Append s to b as a JSON string, quoted, byte for byte as out_json_dumps
 * writes json_string(s): jansson's escapes (\" \\ \b \f \n \r \t, other C0
 * as \u00XX) and DEL, C1, U+2028 and U+2029 \u-escaped; for writers that
 * make their JSON without building it first.  0, or -1 (b unchanged) when
 * s is not valid UTF-8, which json_string refuses too. */
int out_json_str(struct sbuf *b, const char *s);

/* Append one CSV cell to b: a text cell (numeric 0) cleaned, guarded
 * against formulas and quoted when needed; a numeric cell (numeric 1)
 * as it is when it is a plain decimal number ("-3", "12.5"), else as
 * text. */
void out_csv_cell(struct sbuf *b, const char *s, int numeric);

#endif
