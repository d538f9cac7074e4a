/* codec-wire.c — the primitive forms of the record encoding (codec.h):
 * writing varints, dates, doubles and strings, and reading them back
 * through a bounds-checked cursor whose first fault sticks. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec-wire.h"

/* ---- writing ---------------------------------------------------------- */

static uint64_t cw_zigzag(int64_t v)
{
	return v < 0 ? ~((uint64_t)v << 1) : (uint64_t)v << 1;
}

static int64_t cw_unzigzag(uint64_t u)
{
	return (u & 1) ? -(int64_t)(u >> 1) - 1 : (int64_t)(u >> 1);
}

void codec_put_uvarint(struct sbuf *out, uint64_t v)
{
	unsigned char tmp[10];
	size_t n = 0;

	do {
		unsigned char c = v & 0x7f;
		v >>= 7;
		if (v)
			c |= 0x80;
		tmp[n++] = c;
	} while (v);
	sbuf_add(out, (const char *)tmp, n);
}

void codec_put_svarint(struct sbuf *out, int64_t v)
{
	codec_put_uvarint(out, cw_zigzag(v));
}

void cw_put_byte(struct sbuf *out, uint8_t v)
{
	sbuf_add(out, (const char *)&v, 1);
}

void cw_put_date(struct sbuf *out, date_t d)
{
	codec_put_uvarint(out, d == DATE_NONE ? 0 : cw_zigzag(d) + 1);
}

void cw_put_double(struct sbuf *out, double d)
{
	uint64_t bits;
	unsigned char tmp[8];

	memcpy(&bits, &d, sizeof bits);
	for (int i = 0; i < 8; i++)
		tmp[i] = (unsigned char)(bits >> (8 * i));
	sbuf_add(out, (const char *)tmp, 8);
}

void cw_put_str(struct sbuf *out, const char *s)
{
	if (!s) {
		codec_put_uvarint(out, 0);
		return;
	}
	size_t n = strlen(s);
	codec_put_uvarint(out, (uint64_t)n + 1);
	sbuf_add(out, s, n);
}

/* A fixed array known (checked by cw_fixed_ok) to hold a terminated string. */
void cw_put_fixed(struct sbuf *out, const char *s, size_t size)
{
	size_t n = strnlen(s, size);
	codec_put_uvarint(out, n);
	sbuf_add(out, s, n);
}

/* Dictionary strings: varint 0 NULL; even 2 * (length + 1) and the bytes
 * (fixed arrays: 2 * length); odd 2 * id + 1. */
static int cw_put_dict(struct sbuf *out, const char *s, size_t n, int fixed,
                       const struct codec_dict *d, struct err *e)
{
	uint32_t id;
	int rc;

	if (d && n > 0 && n <= CODEC_DICT_MAX_LEN) {
		if ((rc = d->intern(d->ctx, s, n, &id, e)))
			return rc;
		codec_put_uvarint(out, (uint64_t)id * 2 + 1);
		return 0;
	}
	codec_put_uvarint(out, ((uint64_t)n + (fixed ? 0 : 1)) * 2);
	sbuf_add(out, s, n);
	return 0;
}

int cw_put_dstr(struct sbuf *out, const char *s, const struct codec_dict *d, struct err *e)
{
	if (!s) {
		codec_put_uvarint(out, 0);
		return 0;
	}
	return cw_put_dict(out, s, strlen(s), 0, d, e);
}

int cw_put_dfixed(struct sbuf *out, const char *s, size_t size, const struct codec_dict *d,
                  struct err *e)
{
	return cw_put_dict(out, s, strnlen(s, size), 1, d, e);
}

int cw_fixed_ok(const char *s, size_t size)
{
	return strnlen(s, size) < size;
}

/* ---- reading ---------------------------------------------------------- */

void cw_rd_fail(struct cw_rd *r, const char *fmt, ...)
{
	va_list ap;

	if (r->fault[0])
		return;
	va_start(ap, fmt);
	vsnprintf(r->fault, sizeof r->fault, fmt, ap);
	va_end(ap);
	r->p = r->end; /* every later read fails too */
}

static size_t cw_rd_left(const struct cw_rd *r)
{
	return (size_t)(r->end - r->p);
}

size_t codec_get_uvarint(const void *buf, size_t n, uint64_t *v)
{
	const unsigned char *p = buf;
	uint64_t x = 0;

	for (size_t i = 0; i < n && i < 10; i++) {
		uint64_t c = p[i] & 0x7f;
		if (i == 9 && c > 1)
			return 0; /* more than 64 bits */
		x |= c << (7 * i);
		if (!(p[i] & 0x80)) {
			*v = x;
			return i + 1;
		}
	}
	return 0;
}

uint64_t cw_rd_uv(struct cw_rd *r)
{
	uint64_t v = 0;
	size_t used;

	if (r->fault[0])
		return 0;
	used = codec_get_uvarint(r->p, cw_rd_left(r), &v);
	if (!used) {
		if (cw_rd_left(r) >= 10)
			cw_rd_fail(r, "số nguyên quá lớn");
		else
			cw_rd_fail(r, "dữ liệu bị cắt cụt");
		return 0;
	}
	r->p += used;
	return v;
}

uint64_t cw_rd_u64(struct cw_rd *r)
{
	return cw_rd_uv(r);
}

uint32_t cw_rd_u32(struct cw_rd *r)
{
	uint64_t v = cw_rd_uv(r);
	if (v > UINT32_MAX) {
		cw_rd_fail(r, "số nguyên quá lớn");
		return 0;
	}
	return (uint32_t)v;
}

int64_t cw_rd_i64(struct cw_rd *r)
{
	return cw_unzigzag(cw_rd_uv(r));
}

int cw_rd_int(struct cw_rd *r)
{
	int64_t v = cw_rd_i64(r);
	if (v < INT32_MIN || v > INT32_MAX) {
		cw_rd_fail(r, "số nguyên quá lớn");
		return 0;
	}
	return (int)v;
}

date_t cw_rd_date(struct cw_rd *r)
{
	uint64_t u = cw_rd_uv(r);
	int64_t d;

	if (u == 0)
		return DATE_NONE;
	d = cw_unzigzag(u - 1);
	if (d < INT32_MIN || d > INT32_MAX) {
		cw_rd_fail(r, "ngày ngoài phạm vi");
		return DATE_NONE;
	}
	return (date_t)d;
}

uint8_t cw_rd_byte(struct cw_rd *r)
{
	if (r->fault[0])
		return 0;
	if (r->p == r->end) {
		cw_rd_fail(r, "dữ liệu bị cắt cụt");
		return 0;
	}
	return *r->p++;
}

/* An enumeration stored as one byte, checked to be below count. */
uint8_t cw_rd_enum(struct cw_rd *r, unsigned count, const char *what)
{
	uint8_t v = cw_rd_byte(r);
	if (v >= count) {
		cw_rd_fail(r, "%s ngoài phạm vi (%u)", what, v);
		return 0;
	}
	return v;
}

/* An int8 that is -1 ("unchanged") or in [0, count). */
int8_t cw_rd_opt_enum(struct cw_rd *r, int count, const char *what)
{
	int8_t v = (int8_t)cw_rd_byte(r);
	if (v < -1 || v >= count) {
		cw_rd_fail(r, "%s ngoài phạm vi (%d)", what, v);
		return -1;
	}
	return v;
}

double cw_rd_double(struct cw_rd *r)
{
	uint64_t bits = 0;
	double d;

	if (r->fault[0])
		return NAN;
	if (cw_rd_left(r) < 8) {
		cw_rd_fail(r, "dữ liệu bị cắt cụt");
		return NAN;
	}
	for (int i = 0; i < 8; i++)
		bits |= (uint64_t)r->p[i] << (8 * i);
	r->p += 8;
	memcpy(&d, &bits, sizeof d);
	return d;
}

/* Length-checked span of n bytes without NUL inside; NULL on fault. */
static const unsigned char *cw_rd_span(struct cw_rd *r, uint64_t n)
{
	const unsigned char *s = r->p;

	if (r->fault[0])
		return NULL;
	if (n > cw_rd_left(r)) {
		cw_rd_fail(r, "dữ liệu bị cắt cụt");
		return NULL;
	}
	if (memchr(s, 0, (size_t)n)) {
		cw_rd_fail(r, "chuỗi chứa byte NUL");
		return NULL;
	}
	r->p += n;
	return s;
}

char *cw_rd_str(struct cw_rd *r)
{
	uint64_t n = cw_rd_uv(r);
	const unsigned char *s;

	if (n == 0)
		return NULL;
	s = cw_rd_span(r, n - 1);
	if (!s)
		return NULL;
	return xstrndup((const char *)s, (size_t)(n - 1));
}

/* A dictionary reference: the string of id, length-checked; NULL on fault. */
static const char *cw_rd_ref(struct cw_rd *r, uint64_t id, const struct codec_dict *d,
                             size_t *n)
{
	const char *s = NULL;

	if (r->fault[0])
		return NULL;
	if (!d || id == 0 || id > UINT32_MAX ||
	    d->lookup(d->ctx, (uint32_t)id, &s, n, NULL) != 0) {
		cw_rd_fail(r, "chuỗi số %llu không có trong từ điển", (unsigned long long)id);
		return NULL;
	}
	if (memchr(s, 0, *n)) {
		cw_rd_fail(r, "chuỗi chứa byte NUL");
		return NULL;
	}
	return s;
}

char *cw_rd_dstr(struct cw_rd *r, const struct codec_dict *d)
{
	uint64_t v = cw_rd_uv(r);
	const char *s;
	size_t n;

	if (v == 0 || r->fault[0])
		return NULL;
	if (v & 1) {
		s = cw_rd_ref(r, v >> 1, d, &n);
	} else {
		n = (size_t)(v / 2 - 1);
		s = (const char *)cw_rd_span(r, v / 2 - 1);
	}
	return s ? xstrndup(s, n) : NULL;
}

void cw_rd_dfixed(struct cw_rd *r, char *dst, size_t size, const struct codec_dict *d,
                  const char *what)
{
	uint64_t v = cw_rd_uv(r);
	const char *s;
	size_t n;

	dst[0] = '\0';
	if (r->fault[0])
		return;
	if (v & 1) {
		s = cw_rd_ref(r, v >> 1, d, &n);
	} else {
		n = (size_t)(v / 2);
		if (n >= size) {
			cw_rd_fail(r, "%s dài quá %zu byte", what, size - 1);
			return;
		}
		s = (const char *)cw_rd_span(r, n);
	}
	if (!s)
		return;
	if (n >= size) {
		cw_rd_fail(r, "%s dài quá %zu byte", what, size - 1);
		return;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
}

void cw_rd_fixed(struct cw_rd *r, char *dst, size_t size, const char *what)
{
	uint64_t n = cw_rd_uv(r);
	const unsigned char *s;

	dst[0] = '\0';
	if (r->fault[0])
		return;
	if (n >= size) {
		cw_rd_fail(r, "%s dài quá %zu byte", what, size - 1);
		return;
	}
	s = cw_rd_span(r, n);
	if (!s)
		return;
	memcpy(dst, s, (size_t)n);
	dst[n] = '\0';
}

/* Count of items that each take at least min_bytes: never more than the
 * remaining bytes could hold, so a corrupt count cannot make us allocate. */
int cw_rd_count(struct cw_rd *r, uint64_t max, size_t min_bytes)
{
	uint64_t n = cw_rd_uv(r);
	if (r->fault[0])
		return 0;
	if (n > max || n > cw_rd_left(r) / min_bytes) {
		cw_rd_fail(r, "số phần tử không hợp lệ (%llu)", (unsigned long long)n);
		return 0;
	}
	return (int)n;
}

/* Start reading a record: checks and consumes the version byte.  Returns
 * the version, or 0 after filling e. */
unsigned cw_rd_begin(struct cw_rd *r, const void *buf, size_t n, unsigned known,
                         const char *kind, struct err *e)
{
	unsigned v;

	r->p = buf;
	r->end = r->p + n;
	r->fault[0] = '\0';
	if (n == 0) {
		err_set(e, ERR_STORE, "bản ghi %s bị hỏng: bản ghi rỗng", kind);
		return 0;
	}
	v = *r->p++;
	if (v == 0) {
		err_set(e, ERR_STORE, "bản ghi %s bị hỏng: phiên bản 0 không hợp lệ", kind);
		return 0;
	}
	if (v > known) {
		err_set(e, ERR_STORE,
		        "bản ghi %s có phiên bản %u, mới hơn phiên bản %u mà chương trình "
		        "này đọc được: hãy dùng bản theodoi mới hơn", kind, v, known);
		return 0;
	}
	return v;
}

/* Finish: the record must have been read without fault and exactly. */
int cw_rd_end(struct cw_rd *r, const char *kind, struct err *e)
{
	if (!r->fault[0] && r->p != r->end)
		cw_rd_fail(r, "thừa %zu byte ở cuối", cw_rd_left(r));
	if (r->fault[0])
		return err_set(e, ERR_STORE, "bản ghi %s bị hỏng: %s", kind, r->fault);
	return 0;
}

int cw_bad_struct(struct err *e, const char *kind, const char *what)
{
	return err_set(e, ERR_INTERNAL, "không ghi được bản ghi %s: %s không hợp lệ", kind, what);
}
