/* filekind.h — what a file given to the wrong command is, told from its
 * first bytes: an LMDB store (a backup), a JSON export, a Word or
 * OpenDocument file, a PDF, a Word 97 file, a gzip-compressed file, plain
 * text, or empty; so that `restore` given an export can say "dùng theodoi
 * import-json" instead of failing deep inside LMDB.
 */
#ifndef THEODOI_FILEKIND_H
#define THEODOI_FILEKIND_H

#include <stddef.h>

struct err;

enum filekind {
	FK_EMPTY,   /* no byte at all */
	FK_LMDB,    /* an LMDB data file (theodoi backup, a store's data.mdb) */
	FK_JSON,    /* a JSON document (theodoi export) */
	FK_ZIP,     /* a zip: .docx, .odt, ... */
	FK_PDF,
	FK_OLE,     /* a compound file: Word 97 .doc, old .xls */
	FK_TEXT,    /* UTF-8 text without NUL bytes */
	FK_GZIP,    /* gzip-compressed (an export or a backup put through gzip) */
	FK_OTHER
};

/* How many first bytes filekind_of() needs to see. */
#define FILEKIND_HEAD 4096

/* The kind of a file whose first n bytes (all of it if shorter than
 * FILEKIND_HEAD) are head. */
enum filekind filekind_of(const unsigned char *head, size_t n);

/* filekind_of() of the file at path, read through a descriptor opened
 * without following a final link to a device.  Returns 0 and sets *out;
 * ERR_NOTFOUND or ERR_IO (naming path) when it cannot be read. */
int filekind_of_path(const char *path, enum filekind *out, struct err *e);

/* What the file is, in words for a message ("bản xuất JSON"), and the
 * command that takes it ("theodoi import-json"); NULL for FK_OTHER, and
 * the command NULL for FK_EMPTY too.  Static strings. */
const char *filekind_name(enum filekind k);
const char *filekind_command(enum filekind k);

/* What to do with a file of kind k given to command `self` ("theodoi
 * restore"), as the end of a refusal, into buf: "tệp này là văn bản
 * thường, dùng theodoi import"; a compressed file: "tệp này là tệp nén
 * gzip, giải nén bằng gunzip rồi dùng theodoi restore".  Returns buf, or
 * NULL when there is nothing to advise (FK_EMPTY, FK_OTHER). */
const char *filekind_advice(enum filekind k, const char *self, char *buf, size_t len);

#endif
