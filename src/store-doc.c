/* store-doc.c — document records, the doc_number and doc_issuer indexes,
 * and deleting a document with everything that hangs from it. */
#include <stdlib.h>
#include <string.h>

#include "store-impl.h"

/* The stored record of document id in *v. */
static int doc_record(struct txn *t, uint64_t id, MDB_val *v, struct err *e)
{
	unsigned char key[8];
	int rc;

	be64_put(key, id);
	rc = store_get(t, DB_DOCS, key, 8, v, e);
	if (rc == MDB_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "không tìm thấy văn bản %llu", (unsigned long long)id);
	return rc;
}

int store_doc_get(struct txn *t, uint64_t id, struct doc *out, struct err *e)
{
	MDB_val v;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = doc_record(t, id, &v, e)))
		return rc;
	return codec_doc_decode(v.mv_data, v.mv_size, out, e);
}

int store_doc_number(struct txn *t, uint64_t id, char *number, struct err *e)
{
	MDB_val v;
	int rc;

	number[0] = '\0';
	if ((rc = doc_record(t, id, &v, e)))
		return rc;
	return codec_doc_number(v.mv_data, v.mv_size, number, e);
}

/* The index entries of the stored version of the document at key; none
 * (old->n == 0) when it is absent, as a stored document always has at least
 * its doc_issuer entry. */
static int old_doc_entries(struct txn *t, const unsigned char *key, struct ixset *old,
                           struct err *e)
{
	struct doc prev;
	MDB_val v;
	int rc = store_get(t, DB_DOCS, key, 8, &v, e);

	old->n = 0;
	if (rc == MDB_NOTFOUND)
		return 0;
	if (rc)
		return rc;
	if ((rc = codec_doc_decode(v.mv_data, v.mv_size, &prev, e)))
		return rc;
	ix_of_doc(&prev, old);
	doc_free(&prev);
	return 0;
}

int store_doc_put(struct txn *t, struct doc *d, struct err *e)
{
	struct ixset old = {0}, new;
	unsigned char key[8];
	int rc, fresh = 0;

	if ((rc = store_need_write(t, e)))
		return rc;
	if (d->id == 0) {
		if ((rc = store_seq_next(t, "doc", &d->id, e)))
			return rc;
		fresh = 1;
	}
	be64_put(key, d->id);
	if (!fresh && ((rc = old_doc_entries(t, key, &old, e)) ||
	               (rc = store_seq_bump(t, "doc", d->id, e))))
		return rc;
	sbuf_reset(&t->st->scratch);
	if (!(rc = codec_doc_encode(d, &t->st->scratch, e)) &&
	    !(rc = store_put_record(t, DB_DOCS, key, 8, &t->st->scratch, fresh, e))) {
		ix_of_doc(d, &new);
		rc = ix_apply(t, &old, &new, e);
	}
	if (rc && fresh)
		d->id = 0;
	return rc;
}

int store_doc_del(struct txn *t, uint64_t id, struct err *e)
{
	struct ixset old;
	unsigned char key[8];
	uint64_t *ids = NULL;
	size_t n = 0;
	int rc;

	if ((rc = store_need_write(t, e)))
		return rc;
	be64_put(key, id);
	if ((rc = old_doc_entries(t, key, &old, e)))
		return rc;
	if (old.n == 0)
		return err_set(e, ERR_NOTFOUND, "không tìm thấy văn bản %llu", (unsigned long long)id);
	/* its tasks, then its indicators: collect first, the cursor must not
	 * see the deletions */
	if ((rc = store_prefix_ids(t, DB_TASK_DOC, key, 8, 8, &ids, &n, e)))
		return rc;
	for (size_t i = 0; i < n && !rc; i++)
		rc = store_task_del(t, ids[i], e);
	free(ids);
	if (rc)
		return rc;
	if ((rc = store_prefix_ids(t, DB_IND_DOC, key, 8, 8, &ids, &n, e)))
		return rc;
	for (size_t i = 0; i < n && !rc; i++)
		rc = store_indicator_del(t, ids[i], e);
	free(ids);
	if (rc)
		return rc;
	if ((rc = ix_apply(t, &old, NULL, e)))
		return rc;
	return store_del(t, DB_DOCS, key, 8, NULL, 0, e);
}

int store_docs_by_number(struct txn *t, const char *number, uint64_t **ids, int *n,
                         struct err *e)
{
	unsigned char key[IX_KEY_MAX];
	size_t klen = ix_number_key(number, key), cap = 0;
	MDB_cursor *c;
	MDB_val k = {klen, key}, v;
	int rc;

	*ids = NULL;
	*n = 0;
	if (klen == 0)
		return 0;
	if ((rc = store_cursor(t, DB_DOC_NUMBER, &c, e)))
		return rc;
	for (rc = mdb_cursor_get(c, &k, &v, MDB_SET); rc == 0;
	     rc = mdb_cursor_get(c, &k, &v, MDB_NEXT_DUP)) {
		if (v.mv_size != 8)
			continue;
		if ((size_t)*n == cap) {
			cap = cap ? 2 * cap : 4;
			*ids = xrealloc(*ids, cap * sizeof **ids);
		}
		(*ids)[(*n)++] = be64_get(v.mv_data);
	}
	mdb_cursor_close(c);
	if (rc != MDB_NOTFOUND) {
		free(*ids);
		*ids = NULL;
		*n = 0;
		return store_lmdb_err(t, rc, e, "doc_number");
	}
	return 0;
}

int store_docs_by_issuer(struct txn *t, uint32_t issuer, store_id_fn cb, void *ctx,
                         struct err *e)
{
	unsigned char prefix[4];

	be32_put(prefix, issuer);
	return store_prefix_each(t, DB_DOC_ISSUER, prefix, 4, 4, 0, cb, ctx, e);
}

struct docs_each {
	int (*cb)(const struct doc *d, void *ctx);
	void *ctx;
};

static int doc_raw(const MDB_val *k, const MDB_val *v, void *ctx, struct err *e)
{
	struct docs_each *c = ctx;
	struct doc d;
	int rc;

	(void)k;
	if ((rc = codec_doc_decode(v->mv_data, v->mv_size, &d, e)))
		return rc;
	rc = c->cb(&d, c->ctx);
	doc_free(&d);
	return rc;
}

int store_docs_each(struct txn *t, int (*cb)(const struct doc *d, void *ctx), void *ctx,
                    struct err *e)
{
	struct docs_each c = {cb, ctx};
	return store_each_raw(t, DB_DOCS, NULL, 0, doc_raw, &c, e);
}
