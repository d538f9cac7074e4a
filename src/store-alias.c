/* store-alias.c — names linked to units, remembered for later imports:
 * meta entries "alias.<folded name>" -> "<unit code>\t<name as linked>",
 * so that backups, exports and JSON imports carry them like any meta. */
#include <stdlib.h>
#include <string.h>

#include "store-alias.h"
#include "store-impl.h"
#include "text.h"

#define ALIAS_PREFIX "alias."

/* The meta key of a name; NULL when it folds to nothing or is too long. */
static char *alias_key(const char *name)
{
	size_t n;
	char *f = txt_fold(name, strlen(name), &n);
	char *key = NULL;
	if (n && n + sizeof ALIAS_PREFIX <= 400) {
		key = xmalloc(n + sizeof ALIAS_PREFIX);
		memcpy(key, ALIAS_PREFIX, sizeof ALIAS_PREFIX - 1);
		memcpy(key + sizeof ALIAS_PREFIX - 1, f, n + 1);
	}
	free(f);
	return key;
}

/* The unit of an alias value "<code>\t<name>": 0 if its code is unknown. */
static uint32_t unit_of(struct txn *t, const char *val, size_t len)
{
	const char *tab = memchr(val, '\t', len);
	char code[CODE_LEN];
	size_t n = tab ? (size_t)(tab - val) : len;
	if (n == 0 || n >= sizeof code)
		return 0;
	memcpy(code, val, n);
	code[n] = '\0';
	struct unit u = {0};
	uint32_t id = store_unit_by_code(t, code, &u, NULL) == 0 ? u.id : 0;
	unit_free(&u);
	return id;
}

int store_alias_put(struct txn *t, const char *name, uint32_t unit, uint32_t *previous,
                    struct err *e)
{
	struct unit u = {0};
	char *old = NULL;
	int rc;
	if (previous)
		*previous = 0;
	char *key = alias_key(name);
	if (!key)
		return err_set(e, ERR_INPUT, "tên đơn vị rỗng hoặc quá dài");
	if ((rc = store_unit_get(t, unit, &u, e)))
		goto out;
	if (store_meta_get(t, key, &old, NULL) == 0 && previous)
		*previous = unit_of(t, old, strlen(old));
	size_t n = strlen(u.code) + 1 + strlen(name) + 1;
	char *val = xmalloc(n);
	snprintf(val, n, "%s\t%s", u.code, name);
	rc = store_meta_put(t, key, val, e);
	free(val);
out:
	free(old);
	free(key);
	unit_free(&u);
	return rc;
}

int store_alias_get(struct txn *t, const char *name, uint32_t *unit, struct err *e)
{
	char *key = alias_key(name), *val = NULL;
	if (!key)
		return ERR_NOTFOUND;
	int rc = store_meta_get(t, key, &val, NULL);
	free(key);
	if (rc == ERR_NOTFOUND || (!rc && !(*unit = unit_of(t, val, strlen(val))))) {
		free(val);
		return ERR_NOTFOUND;
	}
	free(val);
	(void)e;
	return rc;
}

struct each {
	struct txn *t;
	int (*cb)(const char *name, uint32_t unit, void *ctx);
	void *ctx;
	int stopped;
};

static int each_raw(const MDB_val *k, const MDB_val *v, void *ctx, struct err *e)
{
	struct each *x = ctx;
	(void)e;
	if (k->mv_size < sizeof ALIAS_PREFIX - 1 ||
	    memcmp(k->mv_data, ALIAS_PREFIX, sizeof ALIAS_PREFIX - 1))
		return x->stopped = 1; /* past the aliases */
	const char *val = v->mv_data, *tab = memchr(val, '\t', v->mv_size);
	uint32_t unit = unit_of(x->t, val, v->mv_size);
	if (!tab || !unit)
		return 0; /* a unit no longer known: nothing to resolve to */
	char *name = xstrndup(tab + 1, v->mv_size - (size_t)(tab + 1 - val));
	int rc = x->cb(name, unit, x->ctx);
	free(name);
	return rc;
}

int store_aliases_each(struct txn *t, int (*cb)(const char *name, uint32_t unit, void *ctx),
                       void *ctx, struct err *e)
{
	struct each x = {t, cb, ctx, 0};
	int rc = store_each_raw(t, DB_META, ALIAS_PREFIX, sizeof ALIAS_PREFIX - 1, each_raw, &x, e);
	return x.stopped && rc == 1 ? 0 : rc;
}
