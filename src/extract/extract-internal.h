/* extract-internal.h — the readers of theodoi-extract, the helper program
 * that turns a Word, OpenDocument, PDF or Word 97 file into the paragraph
 * text the importer reads (import.h).  Only this program links libzip,
 * libxml2 and poppler; theodoi runs it (intake.h) when a file needs it, so
 * no command that does not import ever loads them.
 *
 * Output: UTF-8, one paragraph per block, blocks separated by a blank line;
 * a line break inside a paragraph is a newline.  Automatic numbering is
 * rendered as the reader would see it ("1. ", "(3) ", "- ", "+ ").  Page
 * furniture (page numbers, running headers) is left out.  Every reader
 * returns 0, or an enum err_code after filling e with a message naming
 * what is wrong with the file.
 */
#ifndef THEODOI_EXTRACT_INTERNAL_H
#define THEODOI_EXTRACT_INTERNAL_H

#include <stddef.h>

#include "util.h"

/* Limits: a member of a zip container larger than this once inflated is
 * refused (a "zip bomb" is not a plan), and so is a PDF of more pages. */
#define XT_MEMBER_MAX ((size_t)64 << 20)
#define XT_PAGES_MAX 2000

/* The paragraph stream under construction. */
struct xt_out {
	struct sbuf text; /* finished paragraphs */
	struct sbuf para; /* the paragraph being read */
};

/* Append n bytes to the current paragraph; tabs and runs of spaces are
 * kept as single spaces at paragraph level by xt_end_para. */
void xt_add(struct xt_out *o, const char *s, size_t n);
void xt_puts(struct xt_out *o, const char *s);
/* A line break inside the current paragraph. */
void xt_newline(struct xt_out *o);
/* End the current paragraph: trimmed, spaces collapsed, written to text
 * followed by a blank line; an empty paragraph writes nothing. */
void xt_end_para(struct xt_out *o);
void xt_out_free(struct xt_out *o);

/* Render counter n in a list format: "decimal", "lowerLetter",
 * "upperLetter", "lowerRoman", "upperRoman", "decimalZero" (OOXML names;
 * the ODF names "1", "a", "A", "i", "I" are accepted too).  Appends to b;
 * an unknown format renders as decimal. */
void xt_format_number(struct sbuf *b, const char *fmt, int n);

/* The readers.  path is the file (already recognised by its bytes). */
int xt_docx(const char *path, struct xt_out *o, struct err *e);
int xt_odt(const char *path, struct xt_out *o, struct err *e);
int xt_pdf(const char *path, struct xt_out *o, struct err *e);
int xt_doc(const char *path, struct xt_out *o, struct err *e);

/* ---- zip containers (xt-zip.c) ---- */
struct zip;
struct _xmlDoc;

/* The readers of .docx and .odt on their parsed parts (any may be NULL
 * but the document itself): what xt_docx and xt_odt do once they have
 * unzipped the file, and what the fuzz target exercises.  path names the
 * file in messages. */
int xt_docx_parts(const char *path, struct _xmlDoc *document, struct _xmlDoc *numbering,
                  struct _xmlDoc *styles, struct xt_out *o, struct err *e);
int xt_odt_parts(const char *path, struct _xmlDoc *content, struct _xmlDoc *styles,
                 struct xt_out *o, struct err *e);
/* Open the zip archive at path; ERR_INPUT naming the file if it is not one. */
int xt_zip_open(const char *path, struct zip **out, struct err *e);
void xt_zip_close(struct zip *z);
/* Read member `name` (at most XT_MEMBER_MAX bytes inflated) and parse it as
 * XML, without network access, DTD loading or entity expansion.  Returns 0
 * and *out (free with xmlFreeDoc), ERR_NOTFOUND when the member is absent
 * (*out NULL), or ERR_INPUT naming path and member. */
int xt_zip_xml(struct zip *z, const char *path, const char *name, struct _xmlDoc **out,
               struct err *e);

#endif
