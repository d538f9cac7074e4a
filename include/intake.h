/* intake.h — a plan file as the importer reads it: recognised by its bytes
 * (Word .docx, OpenDocument .odt, PDF, Word 97-2003 .doc, or text in any of
 * the encodings of encoding.h) and turned into UTF-8 paragraphs.
 *
 * Text is converted here.  The other formats are read by theodoi-extract,
 * a helper program run as a child (no shell, a time limit): the libraries
 * that read Word, OpenDocument and PDF files are loaded by it alone, never
 * by theodoi itself, so `overdue`, `update` and the TUI start as fast as
 * before.  The helper is looked up beside the theodoi binary first (a build
 * tree), then in THEODOI_LIBEXECDIR, the directory `make install` put it in.
 * The file is read with the identity of the user who runs theodoi.
 */
#ifndef THEODOI_INTAKE_H
#define THEODOI_INTAKE_H

#include <stddef.h>
#include <jansson.h>

#include "encoding.h"

struct err;

/* Largest file import reads, of any format. */
#define INTAKE_MAX_BYTES ((size_t)64 << 20)
/* Time a helper may take on one file. */
#define INTAKE_SECONDS 60

enum intake_format {
	IN_TEXT = 0, /* text in an encoding of encoding.h */
	IN_DOCX,     /* Word 2007 and later */
	IN_ODT,      /* OpenDocument text */
	IN_PDF,
	IN_DOC       /* Word 97-2003 */
};

struct intake {
	enum intake_format format;
	struct enc_guess enc; /* IN_TEXT: the encoding found */
	char *text;           /* UTF-8 NFC, NUL-terminated; owned */
	size_t len;
};

/* Short Vietnamese name of a format: "văn bản thuần", "Word (.docx)" ... */
const char *intake_format_label(enum intake_format f);
/* Stable ASCII key: "text", "docx", "odt", "pdf", "doc". */
const char *intake_format_key(enum intake_format f);

/* How to read: an encoding to force for a text file (an enum enc_kind),
 * or -1 to recognise it; the helper program to run, or NULL for the one
 * beside theodoi or in THEODOI_LIBEXECDIR. */
struct intake_opts {
	int encoding;
	const char *helper;
};

/* Read the plan file at path: recognise it and convert it.  o may be NULL
 * (recognise everything, default helper).
 * Returns 0 and fills *out (release with intake_free), or ERR_INPUT with
 * a message naming the file and what it is when it is not a plan we can
 * read (an image, a scanned PDF, a spreadsheet, a binary, garbled text,
 * too large), ERR_IO when it cannot be read. */
int intake_read(const char *path, const struct intake_opts *o, struct intake *out,
                struct err *e);
void intake_free(struct intake *in);

/* "Word (.docx)", "văn bản thuần, bảng mã TCVN3 (độ tin cậy 92%)", "văn bản
 * thuần, UTF-8 (đã sửa lỗi mã hóa, ...)" into buf.  Returns buf. */
char *intake_describe(const struct intake *in, char *buf, size_t len);
/* {"format": "docx", "encoding": "tcvn3" or null, "confidence": 92 or
 * null, "repaired": bool}.  New reference. */
json_t *intake_to_json(const struct intake *in);

/* What the bytes say a file is (first bytes of it, n of them): the format,
 * or -1 with *what set to a Vietnamese description of a file that is no
 * plan ("ảnh PNG", "tệp RTF"...; "" when unknown: then it is text). */
int intake_sniff(const unsigned char *head, size_t n, const char **what);

#endif
