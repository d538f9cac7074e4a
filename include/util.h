/* util.h — errors, checked allocation and a growable string buffer.
 *
 * Every fallible function of theodoi returns an int status (0 on success,
 * one of enum err_code otherwise) and, when given a non-NULL struct err,
 * fills it with a human message in Vietnamese and, for input errors, the
 * file, line, column or field at fault.  Only main() and the TUI decide how
 * to show it.
 */
#ifndef THEODOI_UTIL_H
#define THEODOI_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* Error codes; they double as the process exit status (see theodoi(1)). */
enum err_code {
	ERR_OK = 0,
	ERR_USAGE = 2,    /* bad command line */
	ERR_INPUT = 3,    /* bad input: dates, text, files to import */
	ERR_CONFIG = 4,   /* bad configuration */
	ERR_NOTFOUND = 5, /* a unit, document or task that does not exist */
	ERR_STORE = 6,    /* the store cannot be opened or is damaged */
	ERR_DENIED = 7,   /* the user's role does not allow it */
	ERR_CONFLICT = 8, /* already exists (an imported document, ...) */
	ERR_NOMEM = 9,
	ERR_IO = 10,
	ERR_INTERNAL = 70
};

struct err {
	int code;        /* enum err_code; 0 while no error was set */
	char file[256];  /* input file at fault, or "" */
	int line;        /* 1-based line in file, or 0 */
	int col;         /* 1-based column (characters), or 0 */
	char field[64];  /* field or option at fault, or "" */
	char msg[512];   /* the message, UTF-8, without location */
};

/* Clear e (may be NULL). */
void err_clear(struct err *e);

/* Set e->code and e->msg from a printf format; leaves the location fields
 * as they are.  Returns code, so callers can `return err_set(e, ...)`.
 * e may be NULL: then only the code is returned. */
int err_set(struct err *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Like err_set, and also records file and line (line 0: none). */
int err_at(struct err *e, int code, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Format e as "file:line:col: field: msg" (the parts that are set; the
 * field only when the message does not already name it) into buf. */
const char *err_str(const struct err *e, char *buf, size_t len);

/* Allocation that never returns NULL: on exhaustion prints a message and
 * aborts (out of memory is not bad input).  Free with free(). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);

/* qsort() that accepts an empty array given as NULL (qsort's pointer must
 * never be NULL, even for no elements): sorts n elements of base. */
void xqsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* A growable NUL-terminated byte buffer.  Zero-initialise ({0}) before use;
 * the caller owns buf->s and releases it with sbuf_free(). */
struct sbuf {
	char *s;
	size_t len, cap;
};
void sbuf_add(struct sbuf *b, const char *s, size_t n);
void sbuf_puts(struct sbuf *b, const char *s);
void sbuf_putc(struct sbuf *b, char c);
void sbuf_printf(struct sbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sbuf_reset(struct sbuf *b);          /* length 0, keeps capacity */
char *sbuf_detach(struct sbuf *b);        /* caller owns the result; b is emptied */
void sbuf_free(struct sbuf *b);

/* A growable array of 64-bit ids.  Zero-initialise ({0}); the caller owns
 * v and releases it with idvec_free(). */
struct idvec {
	uint64_t *v;
	size_t n, cap;
};
void idvec_push(struct idvec *l, uint64_t id);
/* idvec_push as a store_id_fn callback: ctx is the struct idvec; returns 0. */
int idvec_push_fn(uint64_t id, void *ctx);
/* Sort ascending. */
void idvec_sort(struct idvec *l);
void idvec_free(struct idvec *l);

/* strlcpy semantics: copies at most n-1 bytes, always terminates, never
 * cuts a UTF-8 sequence in half.  Returns strlen(src). */
size_t str_copy(char *dst, const char *src, size_t n);

/* Parse a whole string as a base-10 long within [min, max]; 0 on success. */
int str_to_long(const char *s, long min, long max, long *out);

#endif
