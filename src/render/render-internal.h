/* render-internal.h — theodoi-render, the writer of the documents the
 * office sends (Word .docx, OpenDocument .odt, and PDF through LibreOffice).
 *
 * theodoi builds a document as data (docspec.h) and sends it as JSON on the
 * standard input of this program, which alone links libzip and libxml2.
 * Each writer lays out the same parts: the header table (the issuing body
 * under its superior, "*", the number; "ĐẢNG CỘNG SẢN VIỆT NAM" underlined,
 * the place and date in italics), the kind and the trích yếu, the body
 * (headings, numbered paragraphs, tables whose header rows repeat on every
 * page), the signature block and "Nơi nhận"; A4, Times New Roman, the page
 * number at the top from page 2.
 */
#ifndef THEODOI_RENDER_INTERNAL_H
#define THEODOI_RENDER_INTERNAL_H

#include <stddef.h>
#include <jansson.h>
#include <libxml/xmlwriter.h>

#include "util.h"

/* One file of a zip package, its bytes owned by the writer's sbuf. */
struct rd_part {
	const char *name;
	struct sbuf data;
	int store; /* 1: stored uncompressed (the ODF "mimetype") */
};

/* The zip package of n parts, in order, into *out (appended).  0 or
 * ERR_IO with a message. */
int rd_zip(const struct rd_part *parts, size_t n, struct sbuf *out, struct err *e);

/* The document as Word (rd_docx) or OpenDocument (rd_odt) package bytes,
 * appended to *out.  spec is the validated JSON (rd_check).  0 or an error. */
int rd_docx(const json_t *spec, struct sbuf *out, struct err *e);
int rd_odt(const json_t *spec, struct sbuf *out, struct err *e);

/* Check the JSON description: every field of the expected type, tables
 * with rows as wide as their header.  ERR_INPUT naming the field. */
int rd_check(const json_t *spec, struct err *e);

/* Convert the document in `src` (a .odt written by rd_odt) to PDF with
 * LibreOffice, headless, in a private temporary directory; the PDF bytes
 * appended to *out.  ERR_NOTFOUND with how to install LibreOffice when
 * soffice is not found. */
int rd_pdf(const struct sbuf *src, struct sbuf *out, struct err *e);

/* Write bytes to path as the user running the program: refused when path
 * names a symbolic link or anything but a regular file; written to a
 * temporary file beside it, then renamed over it. */
int rd_write_file(const char *path, const struct sbuf *bytes, struct err *e);

/* ---- the layout both writers share (rd-layout.c) ---- */

/* What a paragraph outside the body's own text is there for: each writer
 * gives every role its look (alignment, size, weight, space below). */
enum rd_role {
	RD_DRAFT,           /* "DỰ THẢO" above the header */
	RD_SUPERIOR,        /* the issuing body's superior */
	RD_ISSUER,          /* the issuing body */
	RD_STAR,            /* the "*" under it */
	RD_NUMBER,          /* "Số ..." */
	RD_NATIONAL,        /* "ĐẢNG CỘNG SẢN VIỆT NAM", underlined */
	RD_BLANK,           /* an empty line in the header or the signature */
	RD_PLACE_DATE,      /* the place and date, in italics */
	RD_AFTER_HEADER,    /* the empty paragraph under the header table */
	RD_KIND,            /* "BÁO CÁO", "CÔNG VĂN"... */
	RD_SUBJECT,         /* the trích yếu */
	RD_RULE,            /* the "-----" under it */
	RD_TO,              /* a "Kính gửi" line */
	RD_CELL_HEAD,       /* a cell of a body table's header row */
	RD_CELL_FIGURE,     /* a cell of figures (centred) */
	RD_CELL_TEXT,       /* a cell of words */
	RD_AFTER_TABLE,     /* the empty paragraph under a body table */
	RD_RECIPIENTS_HEAD, /* "Nơi nhận:" */
	RD_RECIPIENT,       /* one of its lines */
	RD_SIGNER,          /* the authority, the signer's title and name */
	RD_NROLES
};

/* The tables of a document: the header (issuer | national line), those of
 * the body, and the signature block (recipients | signer). */
enum rd_table { RD_HEADER_TABLE, RD_BODY_TABLE, RD_SIGN_TABLE };

/* Rows: of the header table; the header row of a body table (repeated on
 * every page); a row not to be split across pages. */
enum rd_row { RD_ROW_PLAIN, RD_ROW_HEAD, RD_ROW_KEEP };

/* A writer's side of the layout.  ctx is the writer's own state, given to
 * rd_layout() and passed back to every function; none may be NULL. */
struct rd_look {
	/* A paragraph in its role; text may hold newlines (line breaks). */
	void (*para)(void *ctx, enum rd_role role, const char *text);
	/* A heading of the body, level 1 or 2. */
	void (*heading)(void *ctx, int level, const char *text);
	/* A paragraph of the body; list: 0, or the list (1, 2, ...) it is an
	 * item of, between list_begin(list) and list_end().  Each list counts
	 * from 1. */
	void (*text)(void *ctx, const char *text, int bold, int italic, int list);
	void (*list_begin)(void *ctx, int list);
	void (*list_end)(void *ctx);
	/* A table; for a body table its JSON ({"head", "rows", "widths"}) and
	 * its number among the body's tables (1, 2, ...), else NULL and 0. */
	void (*table_begin)(void *ctx, enum rd_table kind, const json_t *table, size_t index);
	void (*table_end)(void *ctx);
	void (*row_begin)(void *ctx, enum rd_row kind);
	void (*row_end)(void *ctx, enum rd_row kind);
	/* The col-th cell (0, 1, ...) of the row. */
	void (*cell_begin)(void *ctx, size_t col);
	void (*cell_end)(void *ctx);
};

/* Lay out the document of spec (validated by rd_check) through look: the
 * draft mark, the header table, kind, subject and "Kính gửi", the body
 * (headings, paragraphs, runs of numbered paragraphs as lists, tables),
 * the signature block. */
void rd_layout(const json_t *spec, const struct rd_look *look, void *ctx);

/* The number of lists rd_layout() will open: the runs of numbered
 * paragraphs in the body. */
int rd_count_lists(const json_t *spec);

/* The table of an entry of the body; NULL when it is a heading or a
 * paragraph. */
const json_t *rd_body_table(const json_t *b);

/* The number of columns of a table: 2 for the header and the signature. */
size_t rd_table_columns(enum rd_table kind, const json_t *table);

/* Width of column col of a table whose text spans `total` (in the
 * writer's unit): two fifths and the rest for the header table, halves for
 * the signature, the percentages of a body table's "widths" (an equal
 * share where absent or 0). */
int rd_column_width(enum rd_table kind, const json_t *table, size_t col, int total);

/* ---- small helpers over xmlTextWriter (rd-xml.c) ---- */

/* Write one XML part: write(w, arg) into a fresh in-memory writer (the XML
 * declaration already written), the text appended to *out.  0, or ERR_IO
 * when memory or the writer fails. */
int rd_xml_part(void (*write)(xmlTextWriterPtr w, const void *arg), const void *arg,
                struct sbuf *out, struct err *e);
void rd_el(xmlTextWriterPtr w, const char *name);      /* start element */
void rd_end(xmlTextWriterPtr w);                       /* end element */
void rd_at(xmlTextWriterPtr w, const char *name, const char *value);
void rd_empty(xmlTextWriterPtr w, const char *name, const char *attr, const char *value);
void rd_text(xmlTextWriterPtr w, const char *s);

/* Field accessors on the spec: "" / empty array when absent. */
const char *rd_str(const json_t *o, const char *key);
int rd_bool(const json_t *o, const char *key);
const json_t *rd_arr(const json_t *o, const char *key);

#endif
