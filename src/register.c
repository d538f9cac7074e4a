/* register.c — the register of outgoing documents (register.h). */
#include "register.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "output.h"
#include "store.h"
#include "util.h"

static int kind_ok(const char *kind)
{
	size_t n = strlen(kind);
	if (!n || n >= DOCKIND_LEN)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((kind[i] >= 'A' && kind[i] <= 'Z') || (kind[i] >= 'a' && kind[i] <= 'z')))
			return 0;
	return 1;
}

int reg_take(struct txn *t, uint32_t unit, const char *kind, int year, uint32_t *number,
             struct err *e)
{
	char key[64], *val = NULL, next[24];
	long last = 0;
	if (!kind_ok(kind))
		return err_set(e, ERR_USAGE, "loại văn bản không hợp lệ cho sổ văn bản đi: '%s'", kind);
	snprintf(key, sizeof key, "regno.%u.%s.%d", (unsigned)unit, kind, year);
	int rc = store_meta_get(t, key, &val, e);
	if (rc == ERR_NOTFOUND) {
		err_clear(e);
		rc = 0;
	} else if (!rc && str_to_long(val, 1, 999999, &last)) {
		rc = err_set(e, ERR_STORE, "sổ văn bản đi %s hỏng: '%s'", key, val);
	}
	free(val);
	if (rc)
		return rc;
	if (last >= 999999)
		return err_set(e, ERR_STORE, "sổ văn bản đi %s đã hết số", key);
	snprintf(next, sizeof next, "%ld", last + 1);
	/* the write transaction holds the store: a second issuer waits for
	 * this one to commit, then reads this number */
	if ((rc = store_meta_put(t, key, next, e)))
		return rc;
	*number = (uint32_t)(last + 1);
	return 0;
}

int reg_record(struct txn *t, const struct reg_entry *r, struct err *e)
{
	char key[64], day[11];
	snprintf(key, sizeof key, "reg.%u.%s.%d.%06u", (unsigned)r->unit, r->kind, r->year,
	         (unsigned)r->number);
	json_t *j = json_pack("{s:I, s:s, s:i, s:I, s:s, s:s, s:I, s:s, s:s, s:s, s:s, s:s}", "unit",
	                      (json_int_t)r->unit, "kind", r->kind, "year", r->year, "number",
	                      (json_int_t)r->number, "number_text", r->number_text, "date",
	                      date_iso(r->date, day), "time", (json_int_t)r->time, "login", r->login,
	                      "file", r->file, "format", r->format, "sha256", r->sha256, "subject",
	                      r->subject);
	if (!j)
		return err_set(e, ERR_INPUT, "bản ghi sổ văn bản đi không hợp lệ (văn bản không phải UTF-8)");
	char *s = out_json_dumps(j, JSON_COMPACT);
	json_decref(j);
	if (!s)
		return err_set(e, ERR_INTERNAL, "không ghi được bản ghi sổ văn bản đi");
	int rc = store_meta_put(t, key, s, e);
	free(s);
	return rc;
}

struct list_ctx {
	uint32_t unit;
	int year;
	struct reg_entry *v;
	size_t n, cap;
};

static void copy_str(json_t *o, const char *k, char *dst, size_t len)
{
	const char *s = json_string_value(json_object_get(o, k));
	str_copy(dst, s ? s : "", len);
}

static int each(const char *key, const void *val, size_t len, void *ctx)
{
	struct list_ctx *l = ctx;
	unsigned unit;
	char kind[DOCKIND_LEN];
	int year, used = 0;
	unsigned number;
	if (strncmp(key, "reg.", 4) ||
	    sscanf(key, "reg.%u.%7[A-Za-z].%d.%u%n", &unit, kind, &year, &number, &used) != 4 ||
	    key[used] || (l->unit && unit != l->unit) || (l->year && year != l->year))
		return 0;
	json_t *o = json_loadb(val, len, 0, NULL);
	if (!o)
		return 0;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	struct reg_entry *r = &l->v[l->n++];
	memset(r, 0, sizeof *r);
	r->unit = unit;
	str_copy(r->kind, kind, sizeof r->kind);
	r->year = year;
	r->number = number;
	copy_str(o, "number_text", r->number_text, sizeof r->number_text);
	char day[16];
	copy_str(o, "date", day, sizeof day);
	struct err ignore;
	if (date_parse(day, &r->date, &ignore))
		r->date = DATE_NONE;
	r->time = (int64_t)json_integer_value(json_object_get(o, "time"));
	copy_str(o, "login", r->login, sizeof r->login);
	copy_str(o, "file", r->file, sizeof r->file);
	copy_str(o, "format", r->format, sizeof r->format);
	copy_str(o, "sha256", r->sha256, sizeof r->sha256);
	copy_str(o, "subject", r->subject, sizeof r->subject);
	json_decref(o);
	return 0;
}

static int entry_cmp(const void *a, const void *b)
{
	const struct reg_entry *x = a, *y = b;
	if (x->unit != y->unit)
		return x->unit < y->unit ? -1 : 1;
	int k = strcmp(x->kind, y->kind);
	if (k)
		return k;
	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
	return x->number < y->number ? -1 : x->number > y->number;
}

int reg_list(struct txn *t, uint32_t unit, int year, struct reg_entry **out, size_t *n,
             struct err *e)
{
	struct list_ctx l = {unit, year, NULL, 0, 0};
	int rc = store_meta_each(t, each, &l, e);
	if (rc) {
		free(l.v);
		return rc;
	}
	if (l.n)
		xqsort(l.v, l.n, sizeof *l.v, entry_cmp);
	*out = l.v;
	*n = l.n;
	return 0;
}
