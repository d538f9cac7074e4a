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

/* ---- small helpers over xmlTextWriter (rd-xml.c) ---- */

/* A writer into memory; rd_xml_end() appends its text to *out and frees it. */
xmlTextWriterPtr rd_xml_begin(xmlBufferPtr *buf);
int rd_xml_end(xmlTextWriterPtr w, xmlBufferPtr buf, struct sbuf *out, struct err *e);
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
