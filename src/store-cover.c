/* store-cover.c — due_rows: beside each entry of due_tasks, the part of
 * its task that a listing row shows, so that the first rows of `overdue`
 * and `due` are read from neighbouring entries instead of scattered task
 * records.
 *
 * An entry is keyed like due_tasks' (biased day, then task id: both
 * big-endian, 12 bytes) and holds one byte of flags (STORE_ROW_*_CUT)
 * followed by the task in the record codec without a dictionary (so that
 * an entry is a function of the task alone, like every index entry), with
 * the partners, the deadline phrase, the confirmation, the day of the
 * latest update, the number of updates and the creation time left out and
 * the long texts cut.
 * It is one of the task's index entries (ix_of_task): written, moved and
 * deleted with the record in the same transaction, checked and rebuilt by
 * check-store like the others.  Whether a task has a row is due_tasks'
 * rule, in one place: it has one exactly when ix_of_task gave it a
 * due_tasks entry. */
#include <string.h>

#include "codec.h"
#include "store-impl.h"
#include "text.h"
#include "util.h"

/* The length of s cut after its first `cols` display columns, and to at
 * most max bytes, at a character boundary. */
static size_t cut_at(const char *s, int cols, size_t max)
{
	size_t n = txt_fit(s, cols, NULL);
	if (n <= max)
		return n;
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

void cover_of_task(const struct task *t, struct ixset *s)
{
	const struct ixent *due = NULL;
	for (int i = 0; i < s->n && !due; i++)
		if (s->e[i].db == DB_DUE)
			due = &s->e[i];
	if (!due || s->n >= IX_MAX)
		return;

	char text[STORE_ROW_TEXT_MAX + 1], lead[STORE_ROW_LEAD_MAX + 1];
	struct task row = *t;
	unsigned cut = 0;
	row.npartners = 0;
	row.partners = NULL;
	row.partners_text = NULL;
	row.dl_phrase = NULL;
	/* what no row shows */
	row.confirm = 0;
	row.last_update = DATE_NONE;
	row.nupdates = 0;
	row.created = 0;
	if (t->text) {
		size_t n = cut_at(t->text, STORE_ROW_TEXT_COLS, STORE_ROW_TEXT_MAX);
		cut |= n < strlen(t->text) ? STORE_ROW_TEXT_CUT : 0;
		memcpy(text, t->text, n);
		text[n] = '\0';
		row.text = text;
	}
	row.lead_text = NULL;
	if (!t->lead && t->lead_text) {
		size_t n = cut_at(t->lead_text, STORE_ROW_LEAD_COLS, STORE_ROW_LEAD_MAX);
		cut |= n < strlen(t->lead_text) ? STORE_ROW_LEAD_CUT : 0;
		memcpy(lead, t->lead_text, n);
		lead[n] = '\0';
		row.lead_text = lead;
	}

	struct ixent *x = &s->e[s->n];
	struct sbuf b = {0};
	x->db = DB_DUE_ROW;
	memcpy(x->key, due->key, 4); /* the biased day */
	be64_put(x->key + 4, t->id);
	x->klen = 12;
	x->wide = 1;
	sbuf_putc(&b, (char)cut);
	/* A task the codec refuses is refused by store_task_put before its
	 * entries are written; a row past the room (a deadline of many long
	 * parts) is kept as its flags alone: the reader goes to the record. */
	if (codec_task_encode(&row, &b, NULL) || b.len > IX_WIDE_MAX)
		b.len = 1;
	memcpy(s->wide, b.s, b.len);
	x->vlen = (uint16_t)b.len;
	sbuf_free(&b);
	s->n++;
}

/* The entry at key (12 bytes).  In a read transaction, through a cursor
 * kept in it: the entry after the one read last is tried first, one step
 * instead of a search from the root (a listing reads its rows in the
 * index's order). */
static int row_get(struct txn *t, const unsigned char *key, MDB_val *v, struct err *e)
{
	MDB_val k = {12, (void *)key};
	int rc;

	if (t->write || (!t->row_cur && mdb_cursor_open(t->txn, t->st->dbi[DB_DUE_ROW], &t->row_cur)))
		return store_get(t, DB_DUE_ROW, key, 12, v, e);
	rc = mdb_cursor_get(t->row_cur, &k, v, MDB_NEXT);
	if (rc == 0 && k.mv_size == 12 && !memcmp(k.mv_data, key, 12))
		return 0;
	k.mv_size = 12;
	k.mv_data = (void *)key;
	rc = mdb_cursor_get(t->row_cur, &k, v, MDB_SET_KEY);
	if (rc == 0 || rc == MDB_NOTFOUND)
		return rc;
	return store_lmdb_err(t, rc, e, store_db_table[DB_DUE_ROW].name);
}

int store_due_row_get(struct txn *t, date_t due, uint64_t id, struct task *out, unsigned *cut,
                      struct err *e)
{
	unsigned char key[12];
	MDB_val v;
	int rc;

	memset(out, 0, sizeof *out);
	*cut = 0;
	be32_put(key, day_bias(due));
	be64_put(key + 4, id);
	rc = row_get(t, key, &v, e);
	if (rc == MDB_NOTFOUND || (rc == 0 && v.mv_size <= 1))
		return ERR_NOTFOUND;
	if (rc)
		return rc;
	const unsigned char *p = v.mv_data;
	*cut = p[0];
	if ((rc = codec_task_decode(p + 1, v.mv_size - 1, out, e)))
		return rc;
	if (out->id != id) {
		task_free(out);
		return err_set(e, ERR_STORE, "due_rows: mục của nhiệm vụ %llu mang mã %llu",
		               (unsigned long long)id, (unsigned long long)out->id);
	}
	return 0;
}

/* One task's row, for the migration. */
struct cover_fill {
	struct txn *t;
	struct err *e;
	int rc;
};

static int fill_one(const struct task *task, void *ctx)
{
	struct cover_fill *f = ctx;
	struct ixset *all = xmalloc(sizeof *all), *mine = xmalloc(sizeof *mine);
	ix_of_task(task, all);
	mine->n = 0;
	for (int i = 0; i < all->n; i++)
		if (all->e[i].db == DB_DUE_ROW) {
			mine->e[mine->n++] = all->e[i];
			memcpy(mine->wide, all->wide, all->e[i].vlen);
		}
	f->rc = ix_apply(f->t, NULL, mine, f->e);
	free(all);
	free(mine);
	return f->rc ? 1 : 0;
}

int store_cover_migrate_5(struct txn *t, struct err *e)
{
	struct cover_fill f = {t, e, 0};
	int rc;
	if ((rc = store_need_write(t, e)))
		return rc;
	if ((rc = mdb_drop(t->txn, t->st->dbi[DB_DUE_ROW], 0)))
		return store_lmdb_err(t, rc, e, store_db_table[DB_DUE_ROW].name);
	rc = store_tasks_each(t, fill_one, &f, e);
	return f.rc ? f.rc : rc;
}
