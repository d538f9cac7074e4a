/* text.c — UTF-8 validation, normalisation, matching keys and input
 * cleaning.  Display width, wrapping and sanitising are in text-display.c.
 */
#include "text.h"
#include "text-internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

/* libunistring reports exhaustion by returning NULL: treat it like xmalloc. */
static void *txt_chk(void *p)
{
	if (!p) {
		fputs("theodoi: hết bộ nhớ\n", stderr);
		abort();
	}
	return p;
}

size_t txt_dec_other(const char *s, size_t n, uint32_t *c)
{
	ucs4_t uc;
	int k;

	if (n == 0) {
		*c = TXT_BAD;
		return 1;
	}
	k = u8_mbtoucr(&uc, (const uint8_t *)s, n);

	if (k <= 0) {
		*c = TXT_BAD;
		return 1;
	}
	*c = uc;
	return (size_t)k;
}

int txt_is_space(uint32_t c)
{
	if (c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85)
		return 1;
	if (c < 0x80 || c >= 0x110000)
		return 0;
	return uc_is_general_category(c, UC_CATEGORY_Z);
}

/* Copy of s[0..n) with every invalid byte replaced by U+FFFD. */
static char *fix_utf8(const char *s, size_t n, size_t *outlen)
{
	struct sbuf b = {0};
	size_t i = 0, k;
	uint32_t c;

	while (i < n) {
		k = txt_dec(s + i, n - i, &c);
		if (c == TXT_BAD)
			sbuf_puts(&b, "\xEF\xBF\xBD");
		else
			sbuf_add(&b, s + i, k);
		i += k;
	}
	*outlen = b.len;
	return sbuf_detach(&b);
}

/* ---- validation and normalisation ------------------------------------ */

int txt_validate(const char *s, size_t n, int *line, int *col)
{
	size_t i = 0, k;
	int ln = 1, cl = 1;
	uint32_t c;

	if (n == TXT_NUL)
		n = strlen(s);
	while (i < n) {
		k = txt_dec(s + i, n - i, &c);
		if (c == TXT_BAD) {
			if (line)
				*line = ln;
			if (col)
				*col = cl;
			return ERR_INPUT;
		}
		if (c == '\n') {
			ln++;
			cl = 1;
		} else {
			cl++;
		}
		i += k;
	}
	return 0;
}

/* Copy of the libunistring result r[0..len) as a NUL-terminated string;
 * takes ownership of r. */
static char *terminate(uint8_t *r, size_t len, size_t *outlen)
{
	char *p = xrealloc(r, len + 1);

	p[len] = '\0';
	if (outlen)
		*outlen = len;
	return p;
}

char *txt_nfc(const char *s, size_t n, size_t *outlen)
{
	size_t len;
	uint8_t *r;

	if (n == TXT_NUL)
		n = strlen(s);
	if (u8_check((const uint8_t *)s, n))
		return NULL;
	if (n == 0) {
		if (outlen)
			*outlen = 0;
		return xstrdup("");
	}
	r = txt_chk(u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, &len));
	return terminate(r, len, outlen);
}

static char *change_case(const char *s, int upper)
{
	size_t n, len;
	char *fixed = fix_utf8(s, strlen(s), &n);
	uint8_t *r;

	if (n == 0)
		return fixed;
	if (upper)
		r = u8_toupper((uint8_t *)fixed, n, NULL, UNINORM_NFC, NULL, &len);
	else
		r = u8_tolower((uint8_t *)fixed, n, NULL, UNINORM_NFC, NULL, &len);
	free(fixed);
	return terminate(txt_chk(r), len, NULL);
}

char *txt_lower(const char *s)
{
	return change_case(s, 0);
}

char *txt_upper(const char *s)
{
	return change_case(s, 1);
}

/* ---- matching keys --------------------------------------------------- */

/* The folded text and, optionally, the source offset of each byte. */
struct fold {
	struct sbuf out;
	size_t *map;     /* NULL when no map is wanted */
	size_t mapcap;
	size_t space;    /* offset of a pending white-space run, or NONE */
	int any;         /* something other than space was emitted */
};

#define NONE ((size_t)-1)

static void fold_raw(struct fold *f, const char *bytes, size_t k, size_t off)
{
	size_t i;

	if (f->map) {
		while (f->out.len + k + 1 > f->mapcap) {
			f->mapcap *= 2;
			f->map = xrealloc(f->map, f->mapcap * sizeof(*f->map));
		}
		for (i = 0; i < k; i++)
			f->map[f->out.len + i] = off;
	}
	sbuf_add(&f->out, bytes, k);
}

/* Emit bytes produced by the character at off, after the space that a
 * preceding white-space run left pending (unless at the start). */
static void fold_emit(struct fold *f, const char *bytes, size_t k, size_t off)
{
	if (f->space != NONE && f->any)
		fold_raw(f, " ", 1, f->space);
	f->space = NONE;
	f->any = 1;
	fold_raw(f, bytes, k, off);
}

static void fold_space(struct fold *f, size_t off)
{
	if (f->space == NONE)
		f->space = off;
}

/* Punctuation with a plain ASCII stand-in, or NULL. */
static const char *fold_punct(uint32_t c)
{
	if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63 ||
	    c == 0xFF0D)
		return "-";
	if ((c >= 0x2018 && c <= 0x201B) || c == 0x2032)
		return "'";
	if ((c >= 0x201C && c <= 0x201F) || c == 0x2033 || c == 0xAB || c == 0xBB)
		return "\"";
	return NULL;
}

/* Fold one decomposed code point d coming from the character at off. */
static void fold_decomposed(struct fold *f, uint32_t d, size_t off)
{
	uint8_t buf[6];
	const char *p;
	int k;

	if (txt_is_space(d)) {
		fold_space(f, off);
		return;
	}
	if (uc_is_general_category(d, UC_CATEGORY_Mn) ||
	    uc_is_general_category(d, UC_CATEGORY_Me) || uc_combining_class(d) != 0)
		return;
	if ((p = fold_punct(d))) {
		fold_emit(f, p, 1, off);
		return;
	}
	d = uc_tolower(d);
	k = u8_uctomb(buf, d, sizeof(buf));
	if (k > 0)
		fold_emit(f, (const char *)buf, (size_t)k, off);
}

static void fold_char(struct fold *f, uint32_t c, size_t off)
{
	uint32_t dbuf[UC_DECOMPOSITION_MAX_LENGTH], *d;
	size_t dn = UC_DECOMPOSITION_MAX_LENGTH, i;
	char a;

	if (c == TXT_BAD) {
		fold_emit(f, "?", 1, off);
		return;
	}
	if (c < 0x80) {
		if (txt_is_space(c)) {
			fold_space(f, off);
		} else if (!txt_is_control(c)) {
			a = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
			fold_emit(f, &a, 1, off);
		}
		return;
	}
	if (txt_is_space(c)) {
		fold_space(f, off);
		return;
	}
	if (c == 0x110 || c == 0x111) {
		fold_emit(f, "d", 1, off);
		return;
	}
	if (txt_is_control(c) || uc_is_general_category(c, UC_CATEGORY_Cf))
		return;
	d = u32_normalize(UNINORM_NFKD, &c, 1, dbuf, &dn);
	txt_chk(d);
	for (i = 0; i < dn; i++)
		fold_decomposed(f, d[i], off);
	if (d != dbuf)
		free(d);
}

static char *fold_run(const char *s, size_t n, size_t *outlen, size_t **map)
{
	struct fold f = {.space = NONE};
	size_t i = 0, k;
	uint32_t c;

	if (n == TXT_NUL)
		n = strlen(s);
	if (map) {
		f.mapcap = 64;
		f.map = xmalloc(f.mapcap * sizeof(*f.map));
	}
	while (i < n) {
		k = txt_dec(s + i, n - i, &c);
		fold_char(&f, c, i);
		i += k;
	}
	if (map) {
		f.map[f.out.len] = n;
		*map = f.map;
	}
	if (outlen)
		*outlen = f.out.len;
	return sbuf_detach(&f.out);
}

char *txt_fold(const char *s, size_t n, size_t *outlen)
{
	return fold_run(s, n, outlen, NULL);
}

char *txt_fold_map(const char *s, size_t n, size_t *outlen, size_t **map)
{
	return fold_run(s, n, outlen, map);
}

void txt_fold_span(const char *s, size_t n, const size_t *map, size_t a, size_t b,
		   size_t *start, size_t *end)
{
	size_t e;
	uint32_t c;

	if (n == TXT_NUL)
		n = strlen(s);
	*start = map[a];
	if (b <= a) {
		*end = *start;
		return;
	}
	/* End after the character that produced the last byte, and after the
	 * combining marks that follow it. */
	e = map[b - 1];
	e += txt_dec(s + e, n - e, &c);
	while (e < n) {
		size_t k = txt_dec(s + e, n - e, &c);

		if (c == TXT_BAD || !(uc_is_general_category(c, UC_CATEGORY_Mn) ||
				      uc_is_general_category(c, UC_CATEGORY_Me)))
			break;
		e += k;
	}
	*end = e;
}

int txt_contains(const char *hay_folded, const char *needle_folded)
{
	return strstr(hay_folded, needle_folded) != NULL;
}

static int word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c >= 0x80;
}

long txt_find_word(const char *hay_folded, const char *needle_folded)
{
	size_t nl = strlen(needle_folded);
	const char *p = hay_folded;

	if (nl == 0)
		return -1;
	while ((p = strstr(p, needle_folded))) {
		int before = p > hay_folded && word_byte((unsigned char)p[-1]);
		int after = word_byte((unsigned char)p[nl]);

		if (!before && !after)
			return (long)(p - hay_folded);
		p++;
	}
	return -1;
}

int txt_fold_eq(const char *a, const char *b)
{
	char *fa = txt_fold(a, TXT_NUL, NULL), *fb = txt_fold(b, TXT_NUL, NULL);
	int eq = strcmp(fa, fb) == 0;

	free(fa);
	free(fb);
	return eq;
}

size_t txt_chars(const char *s, size_t n)
{
	size_t i = 0, count = 0;
	uint32_t c;

	if (n == TXT_NUL)
		n = strlen(s);
	while (i < n) {
		i += txt_dec(s + i, n - i, &c);
		count++;
	}
	return count;
}

/* ---- user input ------------------------------------------------------ */

char *txt_trim(const char *s, size_t n, size_t *outlen)
{
	size_t i = 0, k, start = NONE, end = 0;
	uint32_t c;

	if (n == TXT_NUL)
		n = strlen(s);
	while (i < n) {
		k = txt_dec(s + i, n - i, &c);
		if (!txt_is_space(c)) {
			if (start == NONE)
				start = i;
			end = i + k;
		}
		i += k;
	}
	if (start == NONE)
		start = end = 0;
	if (outlen)
		*outlen = end - start;
	return xstrndup(s + start, end - start);
}

/* Position message: "cột N", or "dòng L, cột N" for multi-line fields. */
static int input_error(struct err *e, int multi, int line, int col, const char *what)
{
	if (multi)
		err_set(e, ERR_INPUT, "%s ở dòng %d, cột %d", what, line, col);
	else
		err_set(e, ERR_INPUT, "%s ở cột %d", what, col);
	if (e) {
		e->line = multi ? line : 0;
		e->col = col;
	}
	return ERR_INPUT;
}

/* Step 2 of txt_clean_input: tabs, newlines and control characters. */
static int clean_controls(const char *s, size_t n, int allow_nl, struct sbuf *b, struct err *e)
{
	size_t i = 0, k;
	int line = 1, col = 1;
	uint32_t c;

	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		i = 3;
		col = 2;
	}
	while (i < n) {
		k = txt_dec(s + i, n - i, &c);
		if (c == '\t') {
			sbuf_putc(b, ' ');
		} else if (c == '\n' || c == '\r') {
			if (!allow_nl)
				return input_error(e, 0, line, col,
						   "không được xuống dòng trong trường này");
			if (c == '\r' && i + 1 < n && s[i + 1] == '\n') {
				i++;
				col++;
			}
			sbuf_putc(b, '\n');
			line++;
			col = 1;
			i += k;
			continue;
		} else if (txt_is_control(c)) {
			return input_error(e, allow_nl, line, col,
					   "ký tự điều khiển không hợp lệ");
		} else {
			sbuf_add(b, s + i, k);
		}
		col++;
		i += k;
	}
	return 0;
}

int txt_clean_input(const char *s, size_t maxbytes, int allow_newlines, char **out,
		    struct err *e)
{
	struct sbuf b = {0};
	size_t n, len, tlen;
	int line = 0, col = 0, rc;
	char *nfc, *trimmed;

	*out = NULL;
	if (!s)
		s = "";
	n = strlen(s);
	if (txt_validate(s, n, &line, &col))
		return input_error(e, allow_newlines, line, col,
				   "văn bản không phải UTF-8 hợp lệ");
	rc = clean_controls(s, n, allow_newlines, &b, e);
	if (rc) {
		sbuf_free(&b);
		return rc;
	}
	nfc = txt_nfc(b.s ? b.s : "", b.len, &len);
	sbuf_free(&b);
	trimmed = txt_trim(nfc, len, &tlen);
	free(nfc);
	if (maxbytes && tlen > maxbytes) {
		free(trimmed);
		return err_set(e, ERR_INPUT, "nội dung quá dài: %zu byte, tối đa %zu byte", tlen,
			       maxbytes);
	}
	*out = trimmed;
	return 0;
}

/* ---- ASCII helpers --------------------------------------------------- */

static int ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

int txt_ascii_ncasecmp(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int ca = ascii_lower((unsigned char)a[i]), cb = ascii_lower((unsigned char)b[i]);

		if (ca != cb)
			return ca - cb;
		if (ca == 0)
			break;
	}
	return 0;
}

int txt_ascii_casecmp(const char *a, const char *b)
{
	return txt_ascii_ncasecmp(a, b, (size_t)-1);
}

char *txt_ascii_lower(char *s)
{
	char *p;

	for (p = s; *p; p++)
		*p = (char)ascii_lower((unsigned char)*p);
	return s;
}

int txt_starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}
