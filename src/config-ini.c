/* config-ini.c — reading ini files: our own line scanner for line numbers,
 * values and the checks iniparser does not make, and an iniparser
 * dictionary of what it read.
 *
 * The scanner follows iniparser 4.1's reading rules (fgets into a
 * 1024-byte buffer, trailing white space trimmed, a trailing backslash
 * joining the next line, then one of: empty, comment, [section],
 * key = value, values as iniparser_line() takes them).  The file is read
 * once, through one descriptor and the bounded reader (a regular file of
 * at most 64 MB; a UTF-8 byte order mark at its start is skipped), and
 * never by iniparser_load(): what a setgid program checked on that
 * descriptor is what it parses.
 */
#include "config-internal.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <iniparser.h>

#include "infile.h"
#include "model.h"
#include "priv.h"
#include "syserr.h"
#include "util.h"

/* ---- reading the file ------------------------------------------------ */

/* Read the whole file through one descriptor, with the bounded reader (a
 * regular file of at most INFILE_INI_MAX bytes).  A trusted read (a raised
 * program, priv.h) follows no symbolic link and checks owner and modes on
 * that same descriptor, so that the file checked is the file read. */
static int read_all(const char *path, int trusted, struct sbuf *b, struct err *e)
{
	/* no link followed when trusted, and never a wait on a FIFO: the
	 * checks below refuse it before a byte is read */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK |
			    (trusted ? O_NOFOLLOW : 0));
	int rc = 0;

	if (fd < 0 && trusted && errno == ELOOP)
		return err_at(e, ERR_DENIED, path, 0, "tệp cấu hình là liên kết tượng trưng: theodoi "
			      "chạy với quyền của nhóm kho (setgid) chỉ đọc tệp thật thuộc root");
	if (fd < 0)
		return err_at(e, ERR_CONFIG, path, 0, "không mở được tệp cấu hình: %s",
			      syserr_str(errno));
	if (trusted && (rc = priv_fd_trusted(fd, path, e))) {
		close(fd);
		return rc;
	}
	rc = infile_read_fd(fd, path, 0, INFILE_INI_MAX, "tệp cấu hình", b, e);
	close(fd);
	if (rc) {
		/* every fault of a configuration file is a configuration error */
		if (e)
			e->code = ERR_CONFIG;
		rc = ERR_CONFIG;
	}
	return rc;
}

/* ---- small string helpers -------------------------------------------- */

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

char *cfg_strip_dup(const char *s, size_t n)
{
	while (n > 0 && is_space(*s)) {
		s++;
		n--;
	}
	while (n > 0 && is_space(s[n - 1]))
		n--;
	return xstrndup(s, n);
}

void cfg_strip_into(char *out, size_t size, const char *s, size_t n)
{
	while (n > 0 && is_space(*s)) {
		s++;
		n--;
	}
	while (n > 0 && is_space(s[n - 1]))
		n--;
	if (size == 0)
		return;
	if (n >= size)
		n = size - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

void cfg_lower(char *out, const char *s, size_t len)
{
	size_t i;

	if (len == 0)
		return;
	for (i = 0; s[i] && i + 1 < len; i++)
		out[i] = (char)tolower((unsigned char)s[i]);
	out[i] = '\0';
}

int cfg_code_valid(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n >= CODE_LEN)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (!(c < 128 && (isalnum(c) || c == '.' || c == '_' || c == '-')))
			return 0;
	}
	return 1;
}

/* ---- the scanner ----------------------------------------------------- */

/* The strings of a scan live in blocks freed together: a file takes one
 * or a few allocations instead of five per line.  A block is sized from the
 * file (cfg_scan_file sets sc->block), so that the heap after it is not
 * spread over pages a small file never needed. */
struct cfg_strings {
	struct cfg_strings *next;
	size_t used, cap;
	char data[];
};

/* A copy of s[0..n), lower-cased if lower, in the scan's blocks. */
static char *scan_str(struct cfg_scan *sc, const char *s, size_t n, int lower)
{
	struct cfg_strings *b = sc->strings;
	if (!b || b->cap - b->used < n + 1) {
		size_t cap = n + 1 > sc->block ? n + 1 : sc->block;
		b = xmalloc(sizeof *b + cap);
		b->next = sc->strings;
		b->used = 0;
		b->cap = cap;
		sc->strings = b;
	}
	char *r = b->data + b->used;
	b->used += n + 1;
	for (size_t i = 0; i < n; i++)
		r[i] = lower ? (char)tolower((unsigned char)s[i]) : s[i];
	r[n] = '\0';
	return r;
}

/* s[0..n) without leading and trailing white space: *n shortened, the
 * start returned. */
static const char *strip(const char *s, size_t *n)
{
	while (*n > 0 && is_space(*s)) {
		s++;
		(*n)--;
	}
	while (*n > 0 && is_space(s[*n - 1]))
		(*n)--;
	return s;
}

/* Record an entry: sec is the current section, lower-cased (shared by its
 * entries), raw the section name or key as written (in the scan's
 * strings), val a key's value or NULL for a section; a key's lower-cased
 * copy is made here. */
static void scan_push(struct cfg_scan *s, int line, char *sec, int is_key, char *raw,
		      char *val)
{
	struct cfg_entry *en;

	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->v = xrealloc(s->v, (size_t)s->cap * sizeof *s->v);
	}
	en = &s->v[s->n++];
	en->line = line;
	en->sec = sec;
	en->key = is_key ? scan_str(s, raw, strlen(raw), 1) : NULL;
	en->raw = raw;
	en->val = val;
	en->dup_line = 0;
}

/* The value of a `key = value` line t (stripped, with a '=' after a
 * non-empty key), read as iniparser 4.1's iniparser_line() reads it: a
 * value in double or single quotes is taken as written up to the closing
 * quote; otherwise it stops at ';' or '#' and is stripped, and "" or ''
 * alone is empty.  Newly allocated. */
static char *line_value(struct cfg_scan *s, const char *t)
{
	const char *p = strchr(t, '=') + 1;
	const char *end;
	size_t n;

	while (*p && is_space(*p))
		p++;
	if ((*p == '"' || *p == '\'') && p[1] && p[1] != *p) {
		end = strchr(p + 1, *p);
		return scan_str(s, p + 1, end ? (size_t)(end - p - 1) : strlen(p + 1), 0);
	}
	n = strcspn(p, ";#");
	p = strip(p, &n);
	if (n == 2 && (!memcmp(p, "\"\"", 2) || !memcmp(p, "''", 2)))
		n = 0;
	return scan_str(s, p, n, 0);
}

/* Classify one logical line as iniparser_line() does and record it.
 * text is the logical line (n bytes and a NUL), stripped here in place.
 * *cur is the current section, lower-cased (in the scan's strings). */
static int scan_logical(struct cfg_scan *s, const char *path, int line, char *text,
			size_t n, char **cur, struct err *e)
{
	size_t len = n;
	char *t = (char *)strip(text, &len);
	int rc = 0;

	t[len] = '\0';
	if (len == 0 || t[0] == '#' || t[0] == ';') {
		/* empty or comment */
	} else if (t[0] == '[' && t[len - 1] == ']') {
		size_t nl = len - 2;
		const char *name = strip(t + 1, &nl);

		if (nl == 0) {
			rc = err_at(e, ERR_CONFIG, path, line, "tên mục trống: '%s'", t);
		} else {
			*cur = scan_str(s, name, nl, 1);
			scan_push(s, line, *cur, 0, scan_str(s, name, nl, 0), NULL);
		}
	} else {
		const char *eq = strchr(t, '=');

		if (!eq || eq == t) {
			rc = err_at(e, ERR_CONFIG, path, line,
				    "dòng không hợp lệ (cần [mục], khóa = giá trị hoặc chú thích "
				    "bắt đầu bằng ';'): '%s'", t);
		} else {
			size_t kl = (size_t)(eq - t);
			const char *k = strip(t, &kl);
			char *key = scan_str(s, k, kl, 0);

			scan_push(s, line, *cur, 1, key, line_value(s, t));
		}
	}
	return rc;
}

static int entry_cmp(const void *a, const void *b)
{
	const struct cfg_entry *x = *(const struct cfg_entry *const *)a;
	const struct cfg_entry *y = *(const struct cfg_entry *const *)b;
	int c;

	/* sections sort before keys; a NULL section (keys before any) first */
	if (!x->sec != !y->sec)
		return x->sec ? 1 : -1;
	if (x->sec && (c = strcmp(x->sec, y->sec)) != 0)
		return c;
	if (!x->key != !y->key)
		return x->key ? 1 : -1;
	if (x->key && (c = strcmp(x->key, y->key)) != 0)
		return c;
	return (x->line > y->line) - (x->line < y->line);
}

static int same_name(const struct cfg_entry *x, const struct cfg_entry *y)
{
	if (!x->sec != !y->sec || !x->key != !y->key)
		return 0;
	if (x->sec && strcmp(x->sec, y->sec))
		return 0;
	return !x->key || !strcmp(x->key, y->key);
}

/* Mark repeated keys within a section, and repeated sections, with the
 * line of their first occurrence.  Sorting keeps this O(n log n): a
 * units.ini may have thousands of keys. */
static void mark_duplicates(struct cfg_scan *s)
{
	struct cfg_entry **by;
	int i, first = 0;

	if (s->n < 2)
		return;
	by = xmalloc((size_t)s->n * sizeof *by);
	for (i = 0; i < s->n; i++)
		by[i] = &s->v[i];
	xqsort(by, (size_t)s->n, sizeof *by, entry_cmp);
	for (i = 1; i < s->n; i++) {
		if (same_name(by[first], by[i]))
			by[i]->dup_line = by[first]->line;
		else
			first = i;
	}
	free(by);
}

/* A UTF-8 byte order mark, as some editors on Windows write it. */
#define UTF8_BOM "\xEF\xBB\xBF"

int cfg_scan_file(const char *path, int trusted, struct cfg_scan *out, struct err *e)
{
	struct sbuf file = {0}, logical = {0};
	char *cur = NULL;
	size_t pos = 0, last = 0;
	int lineno = 0, start = 0, rc;

	memset(out, 0, sizeof *out);
	rc = read_all(path, trusted, &file, e);
	if (rc)
		goto out;
	/* a key line's strings (the key twice and its value) take at most
	 * twice its bytes, with a NUL each */
	out->block = file.len * 2 + 256;
	if (file.len >= 3 && !memcmp(file.s, UTF8_BOM, 3)) {
		memmove(file.s, file.s + 3, file.len - 2); /* with the NUL */
		file.len -= 3;
	}
	if (memchr(file.s, '\0', file.len)) {
		rc = err_at(e, ERR_CONFIG, path, 0, "tệp cấu hình chứa byte NUL: không phải tệp văn bản");
		goto out;
	}
	while (pos < file.len) {
		const char *p = file.s + pos;
		const char *nl = memchr(p, '\n', file.len - pos);
		size_t plen = nl ? (size_t)(nl - p) + 1 : file.len - pos;
		size_t text = nl ? plen - 1 : plen;

		pos += plen;
		lineno++;
		/* iniparser skips a read of at most one byte (a bare newline) */
		if (last + plen <= 1)
			continue;
		/* fgets(line + last, 1024 - last) must reach the newline: a line
		 * that fills the buffer exactly, newline or not, is too long */
		if (plen + (nl ? 0 : 1) > CFG_LINE_MAX + 1 - last) {
			rc = err_at(e, ERR_CONFIG, path, lineno,
				    last ? "dòng quá dài (kể cả các dòng nối trước nó): tối đa %d byte"
					 : "dòng quá dài: tối đa %d byte", CFG_LINE_MAX);
			goto out;
		}
		if (last == 0)
			start = lineno;
		logical.len = last;
		sbuf_add(&logical, p, text);
		while (logical.len > 0 && is_space(logical.s[logical.len - 1]))
			logical.len--;
		logical.s[logical.len] = '\0';
		if (logical.len > 0 && logical.s[logical.len - 1] == '\\') {
			last = logical.len - 1; /* the next line overwrites the backslash */
			continue;
		}
		last = 0;
		rc = scan_logical(out, path, start, logical.s, logical.len, &cur, e);
		if (rc)
			goto out;
	}
	/* a file ending in a continued line: iniparser drops it, so do we */
	mark_duplicates(out);
out:
	sbuf_free(&logical);
	sbuf_free(&file);
	return rc;
}

void cfg_scan_free(struct cfg_scan *s)
{
	while (s->strings) {
		struct cfg_strings *next = s->strings->next;
		free(s->strings);
		s->strings = next;
	}
	free(s->v);
	memset(s, 0, sizeof *s);
}

/* ---- iniparser ------------------------------------------------------- */

dictionary *cfg_ini_load(const struct cfg_scan *scan, const char *path, struct err *e)
{
	dictionary *d = dictionary_new(0);
	struct sbuf k = {0};
	int i;

	for (i = 0; d && i < scan->n; i++) {
		const struct cfg_entry *en = &scan->v[i];
		int bad;

		sbuf_reset(&k);
		if (en->key) { /* "sec:key", without printf's cost per entry */
			sbuf_puts(&k, en->sec ? en->sec : "");
			sbuf_add(&k, ":", 1);
			sbuf_puts(&k, en->key);
		} else {
			sbuf_puts(&k, en->sec);
		}
		bad = dictionary_set(d, k.s, en->key ? en->val : NULL);
		if (bad) {
			dictionary_del(d);
			d = NULL;
		}
	}
	sbuf_free(&k);
	if (!d)
		err_at(e, ERR_NOMEM, path, 0, "không đủ bộ nhớ để đọc tệp cấu hình");
	return d;
}

const char *cfg_ini_get(const dictionary *d, const char *sec, const char *key)
{
	struct sbuf k = {0};
	const char *v;

	sbuf_printf(&k, "%s:%s", sec, key);
	v = iniparser_getstring(d, k.s, NULL);
	sbuf_free(&k);
	return v;
}

/* 1 if dictionary key k is "sec" (key NULL) or "sec:key" ("" for no sec). */
static int dict_key_is(const char *k, const char *sec, const char *key)
{
	size_t n = sec ? strlen(sec) : 0;

	if (!k || (n && strncmp(k, sec, n)))
		return 0;
	if (!key)
		return k[n] == '\0';
	return k[n] == ':' && !strcmp(k + n + 1, key);
}

const char *cfg_ini_value(struct cfg_ini_walk *w, const struct cfg_entry *en)
{
	const dictionary *d = w->d;
	const char *v;

	if (!d) /* a lean load (CFG_LEAN): the scanned value itself */
		return en->key ? (en->val ? en->val : "") : NULL;
	if (w->next < d->size && dict_key_is(d->key[w->next], en->sec, en->key)) {
		v = d->val[w->next++];
		return en->key ? (v ? v : "") : NULL;
	}
	if (!en->key)
		return NULL;
	v = cfg_ini_get(d, en->sec ? en->sec : "", en->key);
	return v ? v : "";
}
