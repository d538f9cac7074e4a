/* output.h — tabular output of the command line in three formats: text
 * lined up by display width (Vietnamese-aware), CSV (RFC 4180) and JSON (an
 * array of objects, typed by column).
 */
#ifndef THEODOI_OUTPUT_H
#define THEODOI_OUTPUT_H

#include <stddef.h>
#include <stdio.h>
#include <jansson.h>

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
	int hide_text;     /* text format: leave the column out */
};

/* A table under construction.  Cells are copied; the table owns them. */
struct out_table {
	const struct out_col *cols;
	int ncols;
	size_t nrows, cap;
	char **cells; /* nrows * ncols */
};

void out_init(struct out_table *t, const struct out_col *cols, int ncols);
/* Append a row: ncols strings (NULL is taken as ""). */
void out_row(struct out_table *t, const char *const *cells);
/* Print in the format (enum out_format of cli.h); text output control
 * characters are neutralised so no text can drive the terminal. */
int out_print(const struct out_table *t, int format, FILE *f);
/* The table as a JSON array (new reference). */
json_t *out_json(const struct out_table *t);
void out_free(struct out_table *t);

/* Print a JSON value with 2-space indentation and a newline; 0 or ERR_IO. */
int out_json_print(json_t *j, FILE *f);

/* Write one CSV field, quoted when needed. */
void out_csv_field(FILE *f, const char *s);

#endif
