/* store-alias.c — names linked to units, remembered for later imports. */
#include <stdlib.h>
#include <string.h>

#include "store-alias.h"
#include "store-impl.h"
#include "text.h"

static uint32_t unit_of(const MDB_val *v)
{
	const unsigned char *p = v->mv_data;
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The key of a name: folded, at most what LMDB takes. */
static char *alias_key(const char *name, size_t *len)
{
	char *k = txt_fold(name, strlen(name), len);
	if (*len > 400)
		*len = 400;
	return k;
}

int store_alias_put(struct txn *t, const char *name, uint32_t unit, uint32_t *previous,
                    struct err *e)
{
	size_t klen;
	MDB_val v;
	int rc;
	if (previous)
		*previous = 0;
	if ((rc = store_need_write(t, e)))
		return rc;
	char *key = alias_key(name, &klen);
	if (klen == 0) {
		free(key);
		return err_set(e, ERR_INPUT, "tên đơn vị rỗng");
	}
	rc = store_get(t, DB_ALIAS, key, klen, &v, e);
	if (rc == 0 && v.mv_size >= 4 && previous)
		*previous = unit_of(&v);
	if (rc == 0 || rc == MDB_NOTFOUND) {
		size_t n = strlen(name);
		unsigned char *val = xmalloc(4 + n);
		val[0] = (unsigned char)(unit >> 24);
		val[1] = (unsigned char)(unit >> 16);
		val[2] = (unsigned char)(unit >> 8);
		val[3] = (unsigned char)unit;
		memcpy(val + 4, name, n);
		rc = store_put(t, DB_ALIAS, key, klen, val, 4 + n, 0, e);
		free(val);
	}
	free(key);
	return rc;
}

int store_alias_get(struct txn *t, const char *name, uint32_t *unit, struct err *e)
{
	size_t klen;
	MDB_val v;
	char *key = alias_key(name, &klen);
	int rc = klen ? store_get(t, DB_ALIAS, key, klen, &v, e) : MDB_NOTFOUND;
	free(key);
	if (rc == MDB_NOTFOUND || (rc == 0 && v.mv_size < 4))
		return ERR_NOTFOUND;
	if (rc)
		return rc;
	*unit = unit_of(&v);
	return 0;
}

struct each {
	int (*cb)(const char *name, uint32_t unit, void *ctx);
	void *ctx;
};

static int each_raw(const MDB_val *k, const MDB_val *v, void *ctx, struct err *e)
{
	struct each *x = ctx;
	(void)k;
	(void)e;
	if (v->mv_size < 4)
		return 0;
	char *name = xstrndup((const char *)v->mv_data + 4, v->mv_size - 4);
	int rc = x->cb(name, unit_of(v), x->ctx);
	free(name);
	return rc;
}

int store_aliases_each(struct txn *t, int (*cb)(const char *name, uint32_t unit, void *ctx),
                       void *ctx, struct err *e)
{
	struct each x = {cb, ctx};
	return store_each_raw(t, DB_ALIAS, NULL, 0, each_raw, &x, e);
}
