/* store-trash.c — deleted documents and tasks kept whole, and put back. */
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "store-impl.h"
#include "store-trash.h"

static void trash_key(unsigned char key[9], enum trash_kind kind, uint64_t id)
{
	key[0] = (unsigned char)kind;
	be64_put(key + 1, id);
}

static void put_part(struct sbuf *b, char type, const void *p, size_t n)
{
	unsigned char len[4] = {(unsigned char)(n >> 24), (unsigned char)(n >> 16),
	                        (unsigned char)(n >> 8), (unsigned char)n};
	sbuf_putc(b, type);
	sbuf_add(b, (const char *)len, 4);
	sbuf_add(b, p, n);
}

/* The record `id` of db as a part of type `type`. */
static int add_record(struct txn *t, struct sbuf *b, enum store_db db, char type, uint64_t id,
                      struct err *e)
{
	unsigned char key[8];
	MDB_val v;
	be64_put(key, id);
	int rc = store_get(t, db, key, 8, &v, e);
	if (rc == MDB_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "không tìm thấy %s #%llu",
		               type == 'D' ? "văn bản" : type == 'T' ? "nhiệm vụ" : "bản ghi",
		               (unsigned long long)id);
	if (rc)
		return rc;
	put_part(b, type, v.mv_data, v.mv_size);
	return 0;
}

/* The records an owner index lists for `owner`, as parts of `type`. */
static int add_owned(struct txn *t, struct sbuf *b, enum store_db index, enum store_db db,
                     char type, uint64_t owner, struct err *e)
{
	unsigned char key[8];
	uint64_t *ids = NULL;
	size_t n = 0;
	be64_put(key, owner);
	int rc = store_prefix_ids(t, index, key, 8, 8, &ids, &n, e);
	for (size_t i = 0; i < n && !rc; i++)
		rc = add_record(t, b, db, type, ids[i], e);
	free(ids);
	return rc;
}

/* One update of the journal as a part 'J': its key (task id and update
 * id, which a version 3 update does not hold) and its value.  Parts 'U'
 * (an update of version 1 or 2, alone) come from before schema 4. */
static int add_update(const MDB_val *k, const MDB_val *v, void *ctx, struct err *e)
{
	struct sbuf part = {0};

	(void)e;
	sbuf_add(&part, k->mv_data, k->mv_size);
	sbuf_add(&part, v->mv_data, v->mv_size);
	put_part(ctx, 'J', part.s, part.len);
	sbuf_free(&part);
	return 0;
}

static int add_task(struct txn *t, struct sbuf *b, uint64_t id, struct err *e)
{
	int rc = add_record(t, b, DB_TASKS, 'T', id, e);
	if (!rc)
		rc = store_journal_each(t, id, 0, add_update, b, e);
	if (!rc)
		rc = add_owned(t, b, DB_EXT_TASK, DB_EXTENSIONS, 'X', id, e);
	return rc;
}

static int add_doc(struct txn *t, struct sbuf *b, uint64_t id, struct err *e)
{
	unsigned char key[8];
	uint64_t *ids = NULL;
	size_t n = 0;
	int rc = add_record(t, b, DB_DOCS, 'D', id, e);
	be64_put(key, id);
	if (!rc)
		rc = store_prefix_ids(t, DB_TASK_DOC, key, 8, 8, &ids, &n, e);
	for (size_t i = 0; i < n && !rc; i++)
		rc = add_task(t, b, ids[i], e);
	free(ids);
	ids = NULL;
	n = 0;
	if (!rc)
		rc = store_prefix_ids(t, DB_IND_DOC, key, 8, 8, &ids, &n, e);
	for (size_t i = 0; i < n && !rc; i++) {
		rc = add_record(t, b, DB_INDICATORS, 'I', ids[i], e);
		if (!rc)
			rc = add_owned(t, b, DB_MEAS_IND, DB_MEASURES, 'M', ids[i], e);
	}
	free(ids);
	return rc;
}

int trash_put(struct txn *t, enum trash_kind kind, uint64_t id, const char *note,
              struct err *e)
{
	unsigned char key[9];
	MDB_val v;
	struct sbuf b = {0};
	int rc;

	if ((rc = store_need_write(t, e)))
		return rc;
	trash_key(key, kind, id);
	rc = store_get(t, DB_TRASH, key, 9, &v, e);
	if (rc == 0)
		return err_set(e, ERR_CONFLICT, "%s #%llu đã có trong các bản ghi đã xóa",
		               kind == TRASH_DOC ? "văn bản" : "nhiệm vụ", (unsigned long long)id);
	if (rc != MDB_NOTFOUND)
		return rc;
	sbuf_putc(&b, 1);
	put_part(&b, 'N', note, strlen(note));
	rc = kind == TRASH_DOC ? add_doc(t, &b, id, e) : add_task(t, &b, id, e);
	if (!rc)
		rc = store_put(t, DB_TRASH, key, 9, b.s, b.len, 0, e);
	if (!rc)
		rc = kind == TRASH_DOC ? store_doc_del(t, id, e) : store_task_del(t, id, e);
	sbuf_free(&b);
	return rc;
}

/* The parts of a trash value, one at a time. */
struct parts {
	const unsigned char *p, *end;
};

/* Next part: 1 with *type, *data, *n set; 0 at the end; -1 if damaged. */
static int next_part(struct parts *r, char *type, const unsigned char **data, size_t *n)
{
	if (r->p == r->end)
		return 0;
	if (r->end - r->p < 5)
		return -1;
	*type = (char)r->p[0];
	*n = (size_t)r->p[1] << 24 | (size_t)r->p[2] << 16 | (size_t)r->p[3] << 8 | r->p[4];
	if ((size_t)(r->end - r->p - 5) < *n)
		return -1;
	*data = r->p + 5;
	r->p += 5 + *n;
	return 1;
}

static int damaged(unsigned char kind, uint64_t id, struct err *e)
{
	return err_set(e, ERR_STORE, "bản ghi đã xóa %c#%llu bị hỏng", kind, (unsigned long long)id);
}

/* 1 if db holds a record under id. */
static int present(struct txn *t, enum store_db db, uint64_t id, struct err *e)
{
	unsigned char key[8];
	MDB_val v;
	be64_put(key, id);
	int rc = store_get(t, db, key, 8, &v, e);
	return rc == 0 ? 1 : rc == MDB_NOTFOUND ? 0 : -1;
}

static int restore_part(struct txn *t, char type, const unsigned char *data, size_t n,
                        struct err *e)
{
	int rc, here;
	switch (type) {
	case 'D': {
		struct doc d = {0};
		if ((rc = codec_doc_decode(data, n, &d, e)))
			return rc;
		if ((here = present(t, DB_DOCS, d.id, e)) != 0)
			rc = here < 0 ? ERR_STORE
			              : err_set(e, ERR_CONFLICT, "đã có văn bản #%llu", (unsigned long long)d.id);
		else
			rc = store_doc_put(t, &d, e);
		doc_free(&d);
		return rc;
	}
	case 'T': {
		struct task k = {0};
		if ((rc = codec_task_decode_d(data, n, store_dict(t), &k, e)))
			return rc;
		if ((here = present(t, DB_TASKS, k.id, e)) != 0)
			rc = here < 0 ? ERR_STORE
			              : err_set(e, ERR_CONFLICT, "đã có nhiệm vụ #%llu", (unsigned long long)k.id);
		else if (k.doc_id && (here = present(t, DB_DOCS, k.doc_id, e)) <= 0)
			rc = here < 0 ? ERR_STORE
			              : err_set(e, ERR_INPUT, "văn bản #%llu của nhiệm vụ #%llu không còn "
			                        "(đã xóa?): khôi phục văn bản trước (theodoi restore-doc %llu)",
			                        (unsigned long long)k.doc_id, (unsigned long long)k.id,
			                        (unsigned long long)k.doc_id);
		else
			rc = store_task_put(t, &k, e);
		task_free(&k);
		return rc;
	}
	case 'U':
	case 'J': {
		struct update u;
		uint64_t task = 0, id = 0;
		size_t a = 0, b = 0;
		if (type == 'J' && (!(a = oint_get(data, n, &task)) ||
		                    !(b = oint_get(data + a, n - a, &id))))
			return err_set(e, ERR_STORE, "cập nhật đã xóa bị hỏng");
		update_init(&u);
		if (!(rc = codec_update_decode_d(data + a + b, n - a - b, task, id, store_dict(t), &u,
		                                 e)))
			rc = store_update_add(t, &u, e);
		update_free(&u);
		return rc;
	}
	case 'X': {
		struct extension x;
		extension_init(&x);
		if (!(rc = codec_extension_decode(data, n, &x, e)))
			rc = store_extension_add(t, &x, e);
		extension_free(&x);
		return rc;
	}
	case 'I': {
		struct indicator i = {0};
		if (!(rc = codec_indicator_decode(data, n, &i, e)))
			rc = store_indicator_put(t, &i, e);
		indicator_free(&i);
		return rc;
	}
	case 'M': {
		struct measure m = {0};
		if (!(rc = codec_measure_decode(data, n, &m, e)))
			rc = store_measure_add(t, &m, e);
		measure_free(&m);
		return rc;
	}
	default:
		return -1;
	}
}

/* The trash value of kind|id, copied (the caller frees *buf). */
static int trash_get(struct txn *t, enum trash_kind kind, uint64_t id, unsigned char **buf,
                     size_t *n, struct err *e)
{
	unsigned char key[9];
	MDB_val v;
	trash_key(key, kind, id);
	int rc = store_get(t, DB_TRASH, key, 9, &v, e);
	if (rc == MDB_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "không có %s #%llu trong các bản ghi đã xóa",
		               kind == TRASH_DOC ? "văn bản" : "nhiệm vụ", (unsigned long long)id);
	if (rc)
		return rc;
	if (v.mv_size < 1 || ((const unsigned char *)v.mv_data)[0] != 1)
		return damaged((unsigned char)kind, id, e);
	*buf = xmalloc(v.mv_size);
	memcpy(*buf, v.mv_data, v.mv_size);
	*n = v.mv_size;
	return 0;
}

int trash_restore(struct txn *t, enum trash_kind kind, uint64_t id, struct err *e)
{
	unsigned char *buf = NULL, key[9];
	size_t n = 0, len;
	const unsigned char *data;
	char type;
	int rc, more;

	if ((rc = store_need_write(t, e)) || (rc = trash_get(t, kind, id, &buf, &n, e)))
		return rc;
	struct parts r = {buf + 1, buf + n};
	while (!rc && (more = next_part(&r, &type, &data, &len)) != 0) {
		if (more < 0)
			rc = damaged((unsigned char)kind, id, e);
		else if (type != 'N' && (rc = restore_part(t, type, data, len, e)) < 0)
			rc = damaged((unsigned char)kind, id, e);
	}
	free(buf);
	trash_key(key, kind, id);
	if (!rc)
		rc = store_del(t, DB_TRASH, key, 9, NULL, 0, e);
	return rc;
}

struct walk {
	int (*cb)(const struct trash_entry *x, void *ctx);
	void *ctx;
	const struct codec_dict *dict;
};

static int each_raw(const MDB_val *k, const MDB_val *v, void *ctx, struct err *e)
{
	struct walk *w = ctx;
	const unsigned char *key = k->mv_data;
	struct trash_entry x = {0};
	struct doc d = {0};
	struct task tk = {0};
	char *note = NULL;
	const unsigned char *data;
	size_t len;
	char type;
	int rc = 0, more;

	if (k->mv_size != 9 || v->mv_size < 1 || ((const unsigned char *)v->mv_data)[0] != 1)
		return damaged(k->mv_size ? key[0] : '?', 0, e);
	x.kind = (enum trash_kind)key[0];
	x.id = be64_get(key + 1);
	x.number = "";
	x.text = "";
	struct parts r = {(const unsigned char *)v->mv_data + 1,
	                  (const unsigned char *)v->mv_data + v->mv_size};
	while (!rc && (more = next_part(&r, &type, &data, &len)) != 0) {
		if (more < 0) {
			rc = damaged(x.kind, x.id, e);
		} else if (type == 'N' && !note) {
			note = xstrndup((const char *)data, len);
		} else if (type == 'D' && !x.doc) {
			if (!(rc = codec_doc_decode(data, len, &d, e))) {
				x.doc = d.id;
				x.number = d.number;
				x.text = d.title ? d.title : "";
			}
		} else if (type == 'T') {
			x.ntasks++;
			if (x.kind == TRASH_TASK && !tk.id &&
			    !(rc = codec_task_decode_d(data, len, w->dict, &tk, e))) {
				x.doc = tk.doc_id;
				x.text = tk.text ? tk.text : "";
			}
		}
	}
	x.note = note ? note : "{}";
	if (!rc)
		rc = w->cb(&x, w->ctx);
	free(note);
	doc_free(&d);
	task_free(&tk);
	return rc;
}

int trash_each(struct txn *t, int (*cb)(const struct trash_entry *x, void *ctx), void *ctx,
               struct err *e)
{
	struct walk w = {cb, ctx, store_dict(t)};
	return store_each_raw(t, DB_TRASH, NULL, 0, each_raw, &w, e);
}

int trash_note(struct txn *t, enum trash_kind kind, uint64_t id, char **note, struct err *e)
{
	unsigned char *buf = NULL;
	size_t n = 0, len;
	const unsigned char *data;
	char type;
	int rc = trash_get(t, kind, id, &buf, &n, e);
	if (rc)
		return rc;
	struct parts r = {buf + 1, buf + n};
	if (next_part(&r, &type, &data, &len) != 1 || type != 'N') {
		free(buf);
		return damaged((unsigned char)kind, id, e);
	}
	*note = xmalloc(len + 1);
	memcpy(*note, data, len);
	(*note)[len] = '\0';
	free(buf);
	return 0;
}
