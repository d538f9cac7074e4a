/* store-check.c — verifying a store (every record readable and indexed,
 * every index entry pointing at a record that owns it, every record it
 * names present: no dangling references, counters equal to a recount,
 * sequences past every id) and rebuilding the indexes and
 * counters from the records. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store-impl.h"

#define REPORT_MAX_LINES 200

void store_report(struct sbuf *rep, size_t *nproblems, const char *fmt, ...)
{
	va_list ap;
	char line[512];

	if (++*nproblems > REPORT_MAX_LINES)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	sbuf_puts(rep, line);
	sbuf_putc(rep, '\n');
}

/* The record databases: their sequence and their name in reports. */
static const struct {
	enum store_db db;
	const char *seq;
	const char *label;
} record_dbs[] = {
	{DB_UNITS, "unit", "đơn vị"},
	{DB_DOCS, "doc", "văn bản"},
	{DB_TASKS, "task", "nhiệm vụ"},
	{DB_JOURNAL, "update", "cập nhật"},
	{DB_EXTENSIONS, "extension", "gia hạn"},
	{DB_INDICATORS, "indicator", "chỉ tiêu"},
	{DB_MEASURES, "measure", "số liệu chỉ tiêu"},
	{DB_AUDIT, "audit", "nhật ký"},
};
#define NRECORD_DBS (sizeof record_dbs / sizeof record_dbs[0])

static const char *record_label(enum store_db db)
{
	for (size_t i = 0; i < NRECORD_DBS; i++)
		if (record_dbs[i].db == db)
			return record_dbs[i].label;
	return store_db_table[db].name;
}

static size_t id_len(enum store_db db)
{
	return db == DB_UNITS ? 4 : 8;
}

static void id_key(enum store_db db, uint64_t id, unsigned char *key)
{
	if (db == DB_UNITS)
		be32_put(key, (uint32_t)id);
	else
		be64_put(key, id);
}

static uint64_t key_id(enum store_db db, const void *key)
{
	return db == DB_UNITS ? be32_get(key) : be64_get(key);
}

/* The record id a record key holds, and for the journal the task too
 * (else 0): 0, or -1 if the key is malformed. */
static int record_key(enum store_db db, const MDB_val *k, uint64_t *id, uint64_t *owner)
{
	*owner = 0;
	if (db == DB_JOURNAL)
		return journal_key_parse(k->mv_data, k->mv_size, owner, id);
	if (k->mv_size != id_len(db))
		return -1;
	*id = key_id(db, k->mv_data);
	return 0;
}

/* A record that a record refers to: database and id, and what it is to
 * the referring record ("đơn vị chủ trì"; NULL: the record's label). */
struct rec_ref {
	enum store_db db;
	uint64_t id;
	const char *what;
};

/* What a decoded record says about itself.  refs is malloc'd when it
 * holds more than the few of `fixed`: release with rec_info_free(). */
struct rec_info {
	uint64_t id;
	uint64_t owner; /* an update's task (the journal's key holds it too) */
	struct rec_ref fixed[6], *refs;
	int nrefs, cap;
	int is_task;
	uint32_t lead;
	date_t slot;
};

static void rec_info_free(struct rec_info *ri)
{
	if (ri->refs != ri->fixed)
		free(ri->refs);
	ri->refs = NULL;
	ri->nrefs = ri->cap = 0;
}

/* Note a reference; id 0 is "none" unless the reference is required. */
static void add_ref(struct rec_info *ri, enum store_db db, uint64_t id, const char *what,
                    int required)
{
	if (!id && !required)
		return;
	if (ri->nrefs == ri->cap) {
		int cap = ri->cap * 2;
		struct rec_ref *n = xcalloc((size_t)cap, sizeof *n);
		memcpy(n, ri->refs, (size_t)ri->nrefs * sizeof *n);
		if (ri->refs != ri->fixed)
			free(ri->refs);
		ri->refs = n;
		ri->cap = cap;
	}
	ri->refs[ri->nrefs++] = (struct rec_ref){db, id, what};
}

/* Decode the record v of database db into its index entries and info. */
static int record_info(struct txn *t, enum store_db db, const MDB_val *k, const MDB_val *v,
                       struct ixset *ix, struct rec_info *ri, struct err *e)
{
	const struct codec_dict *dict = store_dict(t);
	int rc = 0;

	memset(ri, 0, sizeof *ri);
	ri->refs = ri->fixed;
	ri->cap = (int)(sizeof ri->fixed / sizeof ri->fixed[0]);
	ix->n = 0;
	switch (db) {
	case DB_UNITS: {
		struct unit u;
		if ((rc = codec_unit_decode(v->mv_data, v->mv_size, &u, e)))
			break;
		ix_of_unit(&u, ix);
		ri->id = u.id;
		add_ref(ri, DB_UNITS, u.parent, "đơn vị cấp trên", 0);
		add_ref(ri, DB_UNITS, u.successor, "đơn vị kế thừa", 0);
		unit_free(&u);
		break;
	}
	case DB_DOCS: {
		struct doc d;
		if ((rc = codec_doc_decode(v->mv_data, v->mv_size, &d, e)))
			break;
		ix_of_doc(&d, ix);
		ri->id = d.id;
		add_ref(ri, DB_UNITS, d.issuer, "đơn vị ban hành", 0);
		doc_free(&d);
		break;
	}
	case DB_TASKS: {
		struct task tk;
		if ((rc = codec_task_decode_d(v->mv_data, v->mv_size, dict, &tk, e)))
			break;
		ix_of_task(&tk, ix);
		ri->id = tk.id;
		add_ref(ri, DB_DOCS, tk.doc_id, NULL, 0);
		add_ref(ri, DB_UNITS, tk.lead, "đơn vị chủ trì", 0);
		for (int i = 0; i < tk.npartners; i++)
			add_ref(ri, DB_UNITS, tk.partners[i], "đơn vị phối hợp", 0);
		ri->is_task = 1;
		ri->lead = tk.lead;
		ri->slot = count_slot(&tk);
		task_free(&tk);
		break;
	}
	case DB_JOURNAL: {
		struct update u;
		uint64_t task = 0, id = 0;
		/* a malformed key is check_record's to report: ids 0 here */
		journal_key_parse(k->mv_data, k->mv_size, &task, &id);
		if ((rc = codec_update_decode_d(v->mv_data, v->mv_size, task, id, dict, &u, e)))
			break;
		ri->id = u.id;
		ri->owner = u.task_id;
		add_ref(ri, DB_TASKS, u.task_id, NULL, 1);
		update_free(&u);
		break;
	}
	case DB_EXTENSIONS: {
		struct extension x;
		if ((rc = codec_extension_decode(v->mv_data, v->mv_size, &x, e)))
			break;
		ix_of_extension(&x, ix);
		ri->id = x.id;
		add_ref(ri, DB_TASKS, x.task_id, NULL, 1);
		extension_free(&x);
		break;
	}
	case DB_INDICATORS: {
		struct indicator i;
		if ((rc = codec_indicator_decode(v->mv_data, v->mv_size, &i, e)))
			break;
		ix_of_indicator(&i, ix);
		ri->id = i.id;
		add_ref(ri, DB_DOCS, i.doc_id, NULL, 0);
		add_ref(ri, DB_UNITS, i.lead, "đơn vị chủ trì", 0);
		indicator_free(&i);
		break;
	}
	case DB_MEASURES: {
		struct measure m;
		if ((rc = codec_measure_decode(v->mv_data, v->mv_size, &m, e)))
			break;
		ix_of_measure(&m, ix);
		ri->id = m.id;
		add_ref(ri, DB_INDICATORS, m.indicator_id, NULL, 1);
		measure_free(&m);
		break;
	}
	case DB_AUDIT: {
		struct audit a;
		if ((rc = codec_audit_decode(v->mv_data, v->mv_size, &a, e)))
			break;
		ri->id = a.seq;
		audit_free(&a);
		break;
	}
	default:
		rc = err_set(e, ERR_INTERNAL, "không phải cơ sở dữ liệu bản ghi: %s",
		             store_db_table[db].name);
	}
	return rc;
}

/* ---- rebuilding ------------------------------------------------------------ */

struct rebuild {
	struct txn *t;
	enum store_db db;
	struct tally *ty;
};

static int rebuild_record(const MDB_val *k, const MDB_val *v, void *ctx, struct err *e)
{
	struct rebuild *r = ctx;
	struct ixset ix;
	struct rec_info ri;
	int rc;

	if (record_info(r->t, r->db, k, v, &ix, &ri, NULL)) {
		rec_info_free(&ri);
		return 0; /* unreadable: left for store_check to report */
	}
	rec_info_free(&ri);
	if ((rc = ix_apply(r->t, NULL, &ix, e)))
		return rc;
	if (ri.is_task)
		return tally_task(r->ty, ri.lead, ri.slot, e);
	return 0;
}

int store_rebuild_indexes(struct txn *t, struct err *e)
{
	struct rebuild r = {t, DB_META, NULL};
	int rc;

	if ((rc = store_need_write(t, e)))
		return rc;
	for (int i = 0; i < DB_COUNT; i++) {
		if (!store_db_table[i].is_index)
			continue;
		if ((rc = mdb_drop(t->txn, t->st->dbi[i], 0)))
			return store_lmdb_err(t, rc, e, store_db_table[i].name);
	}
	if ((rc = tally_new(t, &r.ty, e)))
		return rc;
	for (size_t i = 0; i < NRECORD_DBS && !rc; i++) {
		r.db = record_dbs[i].db;
		rc = store_each_raw(t, r.db, NULL, 0, rebuild_record, &r, e);
	}
	if (!rc)
		rc = tally_write(t, r.ty, e);
	tally_free(r.ty);
	if (!rc)
		rc = store_dict_rebuild(t, e);
	if (!rc) /* and the tree image, at commit */
		rc = store_unitsnap_rebuild(t, e);
	return rc;
}

/* ---- checking ---------------------------------------------------------------- */

struct check {
	struct txn *t;
	enum store_db db;
	struct sbuf rep;
	size_t nproblems;
	uint64_t expected[DB_COUNT]; /* index entries the readable records own */
	uint64_t missing[DB_COUNT];  /* of those, how many were absent or wrong */
	uint64_t maxid[DB_COUNT];    /* the largest record id seen */
	struct tally *ty;
	int tally_broken;
};

/* 0 present, 1 absent, 2 present with another value; <0: LMDB error. */
static int entry_state(struct txn *t, const struct ixset *s, const struct ixent *x)
{
	MDB_val k = {x->klen, (void *)x->key}, v = {x->vlen, (void *)ix_val(s, x)};
	MDB_cursor *c;
	int rc;

	if (store_db_table[x->db].flags & MDB_DUPSORT) {
		if ((rc = mdb_cursor_open(t->txn, t->st->dbi[x->db], &c)))
			return -rc;
		rc = mdb_cursor_get(c, &k, &v, MDB_GET_BOTH);
		mdb_cursor_close(c);
		return rc == 0 ? 0 : rc == MDB_NOTFOUND ? 1 : -1;
	}
	rc = mdb_get(t->txn, t->st->dbi[x->db], &k, &v);
	if (rc == MDB_NOTFOUND)
		return 1;
	if (rc)
		return -1;
	if (v.mv_size != x->vlen || memcmp(v.mv_data, ix_val(s, x), x->vlen) != 0)
		return 2;
	return 0;
}

static int exists(struct txn *t, enum store_db db, uint64_t id, int *yes, struct err *e)
{
	unsigned char key[8];
	MDB_val v;
	int rc;

	id_key(db, id, key);
	rc = store_get(t, db, key, id_len(db), &v, e);
	*yes = rc == 0;
	return rc == MDB_NOTFOUND ? 0 : rc;
}

static int check_record(const MDB_val *k, const MDB_val *v, void *ctx, struct err *e)
{
	struct check *c = ctx;
	const char *label = record_label(c->db);
	struct ixset ix;
	struct rec_info ri;
	struct err de = {0};
	unsigned long long kid;
	uint64_t id, owner;
	int rc, yes;

	if (record_key(c->db, k, &id, &owner)) {
		store_report(&c->rep, &c->nproblems, "%s: khóa sai dạng (%zu byte)", label,
		             k->mv_size);
		return 0;
	}
	kid = id;
	if (id > c->maxid[c->db])
		c->maxid[c->db] = id;
	if (record_info(c->t, c->db, k, v, &ix, &ri, &de)) {
		rec_info_free(&ri);
		store_report(&c->rep, &c->nproblems, "%s %llu: %s", label, kid, de.msg);
		return 0;
	}
	if (ri.id != kid)
		store_report(&c->rep, &c->nproblems, "%s %llu: bản ghi mang mã %llu", label, kid,
		             (unsigned long long)ri.id);
	if (ri.owner != owner)
		store_report(&c->rep, &c->nproblems, "%s %llu: bản ghi thuộc nhiệm vụ %llu, khóa "
		             "ghi nhiệm vụ %llu", label, kid, (unsigned long long)ri.owner,
		             (unsigned long long)owner);
	for (int i = 0; i < ix.n; i++) {
		const struct ixent *x = &ix.e[i];
		int st = entry_state(c->t, &ix, x);
		if (st < 0) {
			rec_info_free(&ri);
			return store_lmdb_err(c->t, -st, e, store_db_table[x->db].name);
		}
		c->expected[x->db]++;
		if (st == 0)
			continue;
		c->missing[x->db]++;
		store_report(&c->rep, &c->nproblems, "%s %llu: %s trong chỉ mục %s", label, kid,
		             st == 1 ? "thiếu mục" : "sai giá trị của mục",
		             store_db_table[x->db].name);
	}
	/* dangling references: records that a record names and the store
	 * does not hold (an update's task, a task's lead unit ...) */
	for (int i = 0; i < ri.nrefs; i++) {
		const struct rec_ref *r = &ri.refs[i];
		if ((rc = exists(c->t, r->db, r->id, &yes, e))) {
			rec_info_free(&ri);
			return rc;
		}
		if (!yes)
			store_report(&c->rep, &c->nproblems, "%s %llu: %s %llu không tồn tại", label, kid,
			             r->what ? r->what : record_label(r->db),
			             (unsigned long long)r->id);
	}
	rec_info_free(&ri);
	if (ri.is_task && !c->tally_broken && tally_task(c->ty, ri.lead, ri.slot, &de)) {
		c->tally_broken = 1;
		store_report(&c->rep, &c->nproblems, "counts: không đếm lại được: %s", de.msg);
	}
	return 0;
}

/* Where an index entry names its record: in the value (at byte off: the
 * indexes of sorted duplicates), or in the key at byte off. */
static const struct {
	enum store_db index, records;
	int in_val;
	size_t off;
} index_targets[] = {
	{DB_UNIT_CODE, DB_UNITS, 1, 0},   {DB_DOC_NUMBER, DB_DOCS, 1, 0},
	{DB_DOC_ISSUER, DB_DOCS, 0, 4},
	{DB_EXT_TASK, DB_EXTENSIONS, 0, 8}, {DB_IND_DOC, DB_INDICATORS, 0, 8},
	{DB_MEAS_IND, DB_MEASURES, 0, 8}, {DB_DUE, DB_TASKS, 1, 0},
	{DB_UNIT_DUE, DB_TASKS, 1, 4},    {DB_TASK_LEAD, DB_TASKS, 1, 0},
	{DB_TASK_DOC, DB_TASKS, 1, 0},    {DB_TASK_PARTNER, DB_TASKS, 0, 4},
	{DB_DUE_ROW, DB_TASKS, 0, 4},
};
#define NINDEX_TARGETS (sizeof index_targets / sizeof index_targets[0])

/* One entry of an index that has more entries than its records own: is
 * it one of them? */
static int check_entry(const MDB_val *k, const MDB_val *v, void *ctx, struct err *e)
{
	struct check *c = ctx;
	enum store_db rdb = DB_META;
	const char *iname = store_db_table[c->db].name;
	const void *idp = NULL;
	unsigned char key[8];
	struct ixset ix;
	struct rec_info ri;
	MDB_val rec;
	size_t n;
	int rc;

	for (size_t i = 0; i < NINDEX_TARGETS; i++) {
		if (index_targets[i].index != c->db)
			continue;
		rdb = index_targets[i].records;
		n = id_len(rdb);
		if (index_targets[i].in_val)
			idp = v->mv_size >= index_targets[i].off + n
			          ? (const unsigned char *)v->mv_data + index_targets[i].off
			          : NULL;
		else if (k->mv_size >= index_targets[i].off + n)
			idp = (const unsigned char *)k->mv_data + index_targets[i].off;
	}
	if (!idp) {
		store_report(&c->rep, &c->nproblems, "chỉ mục %s: mục có kích thước sai", iname);
		return 0;
	}
	unsigned long long id = key_id(rdb, idp);
	id_key(rdb, id, key);
	rc = store_get(c->t, rdb, key, id_len(rdb), &rec, e);
	if (rc == MDB_NOTFOUND) {
		store_report(&c->rep, &c->nproblems, "chỉ mục %s: mục thừa, %s %llu không tồn tại",
		             iname, record_label(rdb), id);
		return 0;
	}
	if (rc)
		return rc;
	MDB_val rk = {id_len(rdb), key};
	int bad = record_info(c->t, rdb, &rk, &rec, &ix, &ri, NULL);
	rec_info_free(&ri);
	if (bad) {
		store_report(&c->rep, &c->nproblems, "chỉ mục %s: trỏ tới %s %llu không đọc được",
		             iname, record_label(rdb), id);
		return 0;
	}
	if (!ix_has(&ix, c->db, k->mv_data, k->mv_size, v->mv_data, v->mv_size))
		store_report(&c->rep, &c->nproblems, "chỉ mục %s: mục thừa hoặc sai cho %s %llu",
		             iname, record_label(rdb), id);
	return 0;
}

/* Every sequence past the largest id its records hold (check_record
 * noted the largest: the journal's keys are not in id order). */
static int check_sequences(struct check *c, struct err *e)
{
	for (size_t i = 0; i < NRECORD_DBS; i++) {
		enum store_db db = record_dbs[i].db;
		uint64_t seq;
		int rc;

		if ((rc = store_seq_peek(c->t, record_dbs[i].seq, &seq, e)))
			return rc;
		if (c->maxid[db] > seq)
			store_report(&c->rep, &c->nproblems, "dãy số %s (%llu) nhỏ hơn mã lớn nhất (%llu)",
			             record_dbs[i].seq, (unsigned long long)seq,
			             (unsigned long long)c->maxid[db]);
	}
	return 0;
}

static int run_check(struct check *c, struct err *e)
{
	int rc;

	for (size_t i = 0; i < NRECORD_DBS; i++) {
		c->db = record_dbs[i].db;
		if ((rc = store_each_raw(c->t, c->db, NULL, 0, check_record, c, e)))
			return rc;
	}
	for (size_t i = 0; i < NINDEX_TARGETS; i++) {
		MDB_stat ms;
		c->db = index_targets[i].index;
		if ((rc = mdb_stat(c->t->txn, c->t->st->dbi[c->db], &ms)))
			return store_lmdb_err(c->t, rc, e, store_db_table[c->db].name);
		if (ms.ms_entries == c->expected[c->db] && !c->missing[c->db])
			continue;
		if ((rc = store_each_raw(c->t, c->db, NULL, 0, check_entry, c, e)))
			return rc;
	}
	if (!c->tally_broken && (rc = tally_compare(c->t, c->ty, &c->rep, &c->nproblems, e)))
		return rc;
	struct dict_check dc = {c->t, &c->rep, &c->nproblems, 0};
	if ((rc = store_dict_check(&dc, e)) ||
	    (rc = store_unitsnap_check(c->t, &c->rep, &c->nproblems, e)))
		return rc;
	return check_sequences(c, e);
}

int store_check(struct txn *t, char **report, struct err *e)
{
	struct check *c = xcalloc(1, sizeof *c);
	int rc;

	*report = NULL;
	c->t = t;
	if (!(rc = tally_new(t, &c->ty, e))) {
		rc = run_check(c, e);
		tally_free(c->ty);
	}
	if (!rc && c->nproblems > REPORT_MAX_LINES)
		sbuf_printf(&c->rep, "... và %zu vấn đề khác\n", c->nproblems - REPORT_MAX_LINES);
	if (!rc && c->nproblems)
		rc = err_set(e, ERR_STORE, "kho dữ liệu %s có %zu vấn đề", store_path(t->st),
		             c->nproblems);
	if (!c->rep.s)
		sbuf_puts(&c->rep, "");
	*report = sbuf_detach(&c->rep);
	free(c);
	return rc;
}
