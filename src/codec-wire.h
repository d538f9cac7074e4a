/* codec-wire.h — the primitive forms shared by the record encoders and
 * decoders of codec.c (see codec.h for the layout).  Private to codec*.c.
 *
 * Writers append to an sbuf.  Readers work on a struct cw_rd: the first
 * fault (truncation, an out-of-range value, ...) is recorded in fault and
 * every later read returns a zero value without reading, so a decoder
 * reads all its fields and checks once at the end (cw_rd_end). */
#ifndef THEODOI_CODEC_WIRE_H
#define THEODOI_CODEC_WIRE_H

#include <stddef.h>
#include <stdint.h>

#include "codec.h"

/* ---- writing ---- */
void cw_put_byte(struct sbuf *out, uint8_t v);
void cw_put_date(struct sbuf *out, date_t d);     /* 0, or zigzag(d) + 1 */
void cw_put_double(struct sbuf *out, double d);   /* 8 bytes little-endian */
void cw_put_str(struct sbuf *out, const char *s); /* NULL: 0; else length + 1, bytes */
/* A fixed array already checked by cw_fixed_ok: length and bytes. */
void cw_put_fixed(struct sbuf *out, const char *s, size_t size);
/* 1 if the fixed array s[size] holds a terminated string. */
int cw_fixed_ok(const char *s, size_t size);
/* A string that the dictionary d may stand for (see codec.h, "dictionary
 * string"): NULL, inline, or an id from d->intern when d is given and the
 * string is short enough.  Returns 0 or intern's error. */
int cw_put_dstr(struct sbuf *out, const char *s, const struct codec_dict *d, struct err *e);
/* The same for a fixed array already checked by cw_fixed_ok ("" for an
 * empty one, never NULL). */
int cw_put_dfixed(struct sbuf *out, const char *s, size_t size, const struct codec_dict *d,
                  struct err *e);
/* ERR_INTERNAL "không ghi được bản ghi <kind>: <what> không hợp lệ". */
int cw_bad_struct(struct err *e, const char *kind, const char *what);

/* ---- reading ---- */
struct cw_rd {
	const unsigned char *p, *end;
	char fault[96]; /* "" while every read succeeded */
};

/* Record the first fault; later reads fail too. */
void cw_rd_fail(struct cw_rd *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
uint64_t cw_rd_uv(struct cw_rd *r);
uint64_t cw_rd_u64(struct cw_rd *r);
uint32_t cw_rd_u32(struct cw_rd *r);  /* fault if above UINT32_MAX */
int64_t cw_rd_i64(struct cw_rd *r);
int cw_rd_int(struct cw_rd *r);       /* fault outside the int32 range */
date_t cw_rd_date(struct cw_rd *r);
uint8_t cw_rd_byte(struct cw_rd *r);
/* One byte below count, else a fault naming what. */
uint8_t cw_rd_enum(struct cw_rd *r, unsigned count, const char *what);
/* One byte as int8: -1 or in [0, count), else a fault. */
int8_t cw_rd_opt_enum(struct cw_rd *r, int count, const char *what);
double cw_rd_double(struct cw_rd *r);
/* A heap string (malloc'd, caller frees) or NULL; no NUL inside. */
char *cw_rd_str(struct cw_rd *r);
/* A dictionary string (cw_put_dstr): a heap string or NULL.  An id that
 * d does not know (or any id when d is NULL) is a fault. */
char *cw_rd_dstr(struct cw_rd *r, const struct codec_dict *d);
/* Into dst[size] (cw_put_dfixed). */
void cw_rd_dfixed(struct cw_rd *r, char *dst, size_t size, const struct codec_dict *d,
                  const char *what);
/* Into dst[size]: length below size, no NUL inside. */
void cw_rd_fixed(struct cw_rd *r, char *dst, size_t size, const char *what);
/* A count of items of at least min_bytes each, at most max: never more
 * than the remaining bytes could hold. */
int cw_rd_count(struct cw_rd *r, uint64_t max, size_t min_bytes);
/* Start on buf[0..n): check and consume the version byte (known: the
 * newest this program reads).  Returns the version, or 0 after filling e
 * with ERR_STORE. */
unsigned cw_rd_begin(struct cw_rd *r, const void *buf, size_t n, unsigned known,
                     const char *kind, struct err *e);
/* 0 if everything was read without fault and nothing is left; else
 * ERR_STORE "bản ghi <kind> bị hỏng: <fault>". */
int cw_rd_end(struct cw_rd *r, const char *kind, struct err *e);

#endif
