/* store-unit.c — unit records and the unit_code index.  Every put also
 * marks the transaction for a new image of the tree (store-unitsnap.c). */
#include <string.h>

#include "store-impl.h"

int store_unit_get(struct txn *t, uint32_t id, struct unit *out, struct err *e)
{
	unsigned char key[4];
	MDB_val v;
	int rc;

	memset(out, 0, sizeof *out);
	be32_put(key, id);
	rc = store_get(t, DB_UNITS, key, 4, &v, e);
	if (rc == MDB_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "không tìm thấy đơn vị %u", id);
	if (rc)
		return rc;
	return codec_unit_decode(v.mv_data, v.mv_size, out, e);
}

int store_unit_by_code(struct txn *t, const char *code, struct unit *out, struct err *e)
{
	size_t n = strlen(code);
	MDB_val v;
	int rc;

	memset(out, 0, sizeof *out);
	if (n == 0 || n >= CODE_LEN)
		return err_set(e, ERR_NOTFOUND, "không tìm thấy đơn vị có mã \"%s\"", code);
	rc = store_get(t, DB_UNIT_CODE, code, n, &v, e);
	if (rc == MDB_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "không tìm thấy đơn vị có mã \"%s\"", code);
	if (rc)
		return rc;
	if (v.mv_size != 4)
		return err_set(e, ERR_STORE, "kho dữ liệu bị hỏng: chỉ mục mã đơn vị \"%s\"", code);
	return store_unit_get(t, be32_get(v.mv_data), out, e);
}

/* ERR_CONFLICT if another unit already has u's code. */
static int code_free(struct txn *t, const struct unit *u, struct err *e)
{
	size_t n = strnlen(u->code, sizeof u->code);
	MDB_val v;
	int rc;

	if (n == 0)
		return 0;
	rc = store_get(t, DB_UNIT_CODE, u->code, n, &v, e);
	if (rc == MDB_NOTFOUND)
		return 0;
	if (rc)
		return rc;
	if (v.mv_size == 4 && be32_get(v.mv_data) != u->id)
		return err_set(e, ERR_CONFLICT, "mã đơn vị \"%s\" đã dùng cho đơn vị %u", u->code,
		               be32_get(v.mv_data));
	return 0;
}

static int unit_put(struct txn *t, struct unit *u, int fresh, struct err *e)
{
	struct ixset old = {0}, new;
	unsigned char key[4];
	MDB_val v;
	int rc;

	be32_put(key, u->id);
	if (!fresh) {
		struct unit prev;
		rc = store_get(t, DB_UNITS, key, 4, &v, e);
		if (rc == 0) {
			if ((rc = codec_unit_decode(v.mv_data, v.mv_size, &prev, e)))
				return rc;
			ix_of_unit(&prev, &old);
			unit_free(&prev);
		} else if (rc != MDB_NOTFOUND) {
			return rc;
		}
		if ((rc = store_seq_bump(t, "unit", u->id, e)))
			return rc;
	}
	if ((rc = code_free(t, u, e)))
		return rc;
	sbuf_reset(&t->st->scratch);
	if ((rc = codec_unit_encode(u, &t->st->scratch, e)))
		return rc;
	if ((rc = store_put_record(t, DB_UNITS, key, 4, &t->st->scratch, fresh, e)))
		return rc;
	ix_of_unit(u, &new);
	return ix_apply(t, &old, &new, e);
}

int store_unit_put(struct txn *t, struct unit *u, struct err *e)
{
	int rc, fresh = 0;

	if ((rc = store_need_write(t, e)) || (rc = store_units_touched(t, e)))
		return rc;
	t->st->chain_gen++; /* parents may change: forget cached chains */
	if (u->id == 0) {
		uint64_t id;
		if ((rc = store_seq_next(t, "unit", &id, e)))
			return rc;
		if (id > UINT32_MAX)
			return err_set(e, ERR_STORE, "đã hết mã đơn vị");
		u->id = (uint32_t)id;
		fresh = 1;
	}
	rc = unit_put(t, u, fresh, e);
	if (rc && fresh)
		u->id = 0; /* the transaction is lost: so is the id */
	return rc;
}

struct units_each {
	int (*cb)(const struct unit *u, void *ctx);
	void *ctx;
};

static int unit_raw(const MDB_val *k, const MDB_val *v, void *ctx, struct err *e)
{
	struct units_each *c = ctx;
	struct unit u;
	int rc;

	(void)k;
	if ((rc = codec_unit_decode(v->mv_data, v->mv_size, &u, e)))
		return rc;
	rc = c->cb(&u, c->ctx);
	unit_free(&u);
	return rc;
}

int store_units_each(struct txn *t, int (*cb)(const struct unit *u, void *ctx), void *ctx,
                     struct err *e)
{
	struct units_each c = {cb, ctx};
	return store_each_raw(t, DB_UNITS, NULL, 0, unit_raw, &c, e);
}
