/* util.c — errors, checked allocation, growable strings, string helpers. */
#include "util.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void err_clear(struct err *e)
{
	if (e)
		memset(e, 0, sizeof(*e));
}

static void err_vset(struct err *e, int code, const char *fmt, va_list ap)
{
	e->code = code;
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	/* vsnprintf may have cut a multi-byte character at the end. */
	str_copy(e->msg, e->msg, sizeof(e->msg));
}

int err_set(struct err *e, int code, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return code;
	va_start(ap, fmt);
	err_vset(e, code, fmt, ap);
	va_end(ap);
	return code;
}

int err_at(struct err *e, int code, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return code;
	str_copy(e->file, file ? file : "", sizeof(e->file));
	e->line = line > 0 ? line : 0;
	va_start(ap, fmt);
	err_vset(e, code, fmt, ap);
	va_end(ap);
	return code;
}

const char *err_str(const struct err *e, char *buf, size_t len)
{
	struct sbuf b = {0};

	if (!buf || len == 0)
		return "";
	if (!e) {
		buf[0] = '\0';
		return buf;
	}
	if (e->file[0]) {
		sbuf_puts(&b, e->file);
		if (e->line > 0)
			sbuf_printf(&b, ":%d", e->line);
		if (e->line > 0 && e->col > 0)
			sbuf_printf(&b, ":%d", e->col);
		sbuf_puts(&b, ": ");
	} else if (e->line > 0) {
		sbuf_printf(&b, "dòng %d", e->line);
		if (e->col > 0)
			sbuf_printf(&b, ", cột %d", e->col);
		sbuf_puts(&b, ": ");
	}
	if (e->field[0] && !strstr(e->msg, e->field))
		sbuf_printf(&b, "%s: ", e->field);
	sbuf_puts(&b, e->msg);
	str_copy(buf, b.s, len);
	sbuf_free(&b);
	return buf;
}

/* Out of memory is not bad input: say so and stop (see util.h). */
static void oom(size_t n)
{
	fprintf(stderr, "theodoi: hết bộ nhớ (cần %zu byte)\n", n);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		oom(n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size)
		oom(SIZE_MAX);
	p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom(n * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		oom(n);
	return q;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = xmalloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* Make room for n more bytes plus the terminating NUL. */
static void sbuf_grow(struct sbuf *b, size_t n)
{
	size_t need, cap;

	if (n > SIZE_MAX - b->len - 1)
		oom(SIZE_MAX);
	need = b->len + n + 1;
	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	b->s = xrealloc(b->s, cap);
	b->cap = cap;
}

void sbuf_add(struct sbuf *b, const char *s, size_t n)
{
	uintptr_t p = (uintptr_t)s, base = (uintptr_t)b->s;

	if (b->s && p >= base && p < base + b->cap) {
		/* s lies inside the buffer: growing may move it. */
		size_t off = (size_t)(p - base);

		sbuf_grow(b, n);
		s = b->s + off;
	} else {
		sbuf_grow(b, n);
	}
	if (n)
		memmove(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void sbuf_puts(struct sbuf *b, const char *s)
{
	sbuf_add(b, s, strlen(s));
}

void sbuf_putc(struct sbuf *b, char c)
{
	sbuf_add(b, &c, 1);
}

void sbuf_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0) {
		sbuf_grow(b, 0);
		b->s[b->len] = '\0';
		return;
	}
	sbuf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void sbuf_reset(struct sbuf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

char *sbuf_detach(struct sbuf *b)
{
	char *s = b->s ? b->s : xstrdup("");

	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void sbuf_free(struct sbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

/* Length of the longest prefix of s[0..n) that does not end inside a UTF-8
 * sequence.  Only the tail is inspected: a lead byte near the end whose
 * sequence does not fit is dropped with its continuation bytes. */
static size_t utf8_cut(const char *s, size_t n)
{
	size_t i = n, need;
	unsigned char c;

	/* Step back over at most 3 continuation bytes to the lead byte. */
	while (i > 0 && n - i < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return n;
	c = (unsigned char)s[i - 1];
	if (c < 0xC0)
		return n; /* ASCII (or stray continuation bytes): nothing to cut */
	need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
	return n - (i - 1) >= need ? n : i - 1;
}

size_t str_copy(char *dst, const char *src, size_t n)
{
	size_t len = strlen(src), k;

	if (n == 0)
		return len;
	k = len < n - 1 ? len : utf8_cut(src, n - 1);
	memmove(dst, src, k);
	dst[k] = '\0';
	return len;
}

int str_to_long(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	if (!s || !*s)
		return ERR_INPUT;
	/* strtol skips leading space and accepts a sign: allow only the sign. */
	if (!(*s == '-' || *s == '+' || (*s >= '0' && *s <= '9')))
		return ERR_INPUT;
	if ((*s == '-' || *s == '+') && !(s[1] >= '0' && s[1] <= '9'))
		return ERR_INPUT;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno == ERANGE || *end != '\0' || v < min || v > max)
		return ERR_INPUT;
	if (out)
		*out = v;
	return 0;
}

void idvec_push(struct idvec *l, uint64_t id)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = id;
}

int idvec_push_fn(uint64_t id, void *ctx)
{
	idvec_push(ctx, id);
	return 0;
}

static int u64_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

void idvec_sort(struct idvec *l)
{
	if (l->n > 1)
		xqsort(l->v, l->n, sizeof *l->v, u64_cmp);
}

void idvec_free(struct idvec *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

void xqsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}
