/* store-impl.h — what the store-*.c files share and nothing else sees: the
 * environment and transaction structs, the table of named databases, key
 * packing, and the index and counter machinery. */
#ifndef THEODOI_STORE_IMPL_H
#define THEODOI_STORE_IMPL_H

#include <lmdb.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "codec.h"
#include "store.h"
#include "util.h"

enum store_db {
	DB_META, DB_UNITS, DB_UNIT_CODE, DB_DOCS, DB_DOC_NUMBER, DB_DOC_ISSUER, DB_TASKS,
	DB_JOURNAL, DB_EXTENSIONS, DB_EXT_TASK, DB_INDICATORS, DB_IND_DOC,
	DB_MEASURES, DB_MEAS_IND, DB_AUDIT, DB_DUE, DB_UNIT_DUE, DB_TASK_LEAD, DB_TASK_DOC,
	DB_COUNTS, DB_TRASH, DB_TASK_PARTNER, DB_UNITSNAP, DB_DICT, DB_DICT_STR,
	DB_DUE_ROW,
	DB_COUNT
};

/* Name and LMDB flags of each database, indexed by enum store_db. */
struct store_db_info {
	const char *name;
	unsigned flags;
	int is_index; /* derived data: dropped and rebuilt by store_rebuild_indexes */
};
extern const struct store_db_info store_db_table[DB_COUNT];

/* Deepest unit hierarchy the counters follow (a chain longer than this is
 * taken as a cycle). */
#define STORE_MAX_DEPTH 64

/* A lead unit's chain (itself, its ancestors, 0) remembered during one
 * write transaction: bulk loads put many tasks under the same few units. */
#define CHAIN_CACHE 64
struct chain_slot {
	unsigned gen; /* valid while equal to store.chain_gen */
	uint32_t lead;
	int n;
	uint32_t chain[STORE_MAX_DEPTH + 1];
};

struct store {
	MDB_env *env;
	MDB_dbi dbi[DB_COUNT];
	char *path;
	int flags;            /* enum store_flags */
	struct sbuf scratch;  /* record encoding inside the (single) write txn */
	struct chain_slot *chains; /* CHAIN_CACHE slots, or NULL */
	unsigned chain_gen;   /* bumped at each write txn and each unit put */
	struct store_pin *pins; /* attached pins (store-unitsnap.c) */
};

struct txn {
	struct store *st;
	MDB_txn *txn;
	int write;
	int map_full; /* an LMDB call hit MDB_MAP_FULL: store_write grows and retries */
	int units_dirty; /* a unit or linked name was put: rebuild the tree image */
	struct codec_dict dict; /* store_dict(): the dictionary in this txn */
	struct dict_slot *dict_cache; /* read txn: strings looked up, or NULL */
	MDB_cursor *row_cur; /* read txn: where store_due_row_get read last (the
	                        rows of a listing are neighbours), or NULL;
	                        closed by store_read_end */
};

/* A dictionary string found in a read transaction, where it stays put
 * until the transaction ends (store-dict.c). */
#define DICT_CACHE 1024
struct dict_slot {
	uint32_t id; /* 0: empty */
	uint32_t len;
	const char *s;
};

/* ---- keys: big-endian, days biased so that byte order is numeric ---- */

static inline void be32_put(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static inline void be64_put(unsigned char *p, uint64_t v)
{
	be32_put(p, (uint32_t)(v >> 32));
	be32_put(p + 4, (uint32_t)v);
}

static inline uint32_t be32_get(const void *q)
{
	const unsigned char *p = q;
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static inline uint64_t be64_get(const void *q)
{
	const unsigned char *p = q;
	return (uint64_t)be32_get(p) << 32 | be32_get(p + 4);
}

static inline uint32_t day_bias(date_t d)
{
	return (uint32_t)d ^ 0x80000000u;
}

static inline date_t day_unbias(uint32_t v)
{
	uint32_t u = v ^ 0x80000000u;
	return u > INT32_MAX ? -(date_t)(~u) - 1 : (date_t)u;
}

/* ---- ordered compact integers (the keys of the updates journal) ---- */

/* An unsigned integer as its byte count (0..8) followed by that many
 * big-endian bytes, without leading zero bytes: byte order is numeric
 * order, and small ids take 2..4 bytes instead of 8. */
#define OINT_MAX 9
static inline size_t oint_put(unsigned char *p, uint64_t v)
{
	size_t n = 0;
	for (uint64_t x = v; x; x >>= 8)
		n++;
	p[0] = (unsigned char)n;
	for (size_t i = 0; i < n; i++)
		p[1 + i] = (unsigned char)(v >> (8 * (n - 1 - i)));
	return n + 1;
}

/* Read one from p[0..len): bytes used, or 0 if truncated or not minimal
 * (a leading zero byte, a count above 8). */
static inline size_t oint_get(const unsigned char *p, size_t len, uint64_t *v)
{
	size_t n;
	uint64_t x = 0;

	if (len < 1 || (n = p[0]) > 8 || len < n + 1 || (n > 0 && p[1] == 0))
		return 0;
	for (size_t i = 0; i < n; i++)
		x = x << 8 | p[1 + i];
	*v = x;
	return n + 1;
}

/* journal key: oint(task id) oint(update id).  The updates of a task are
 * one range of keys, oldest first. */
#define JOURNAL_KEY_MAX (2 * OINT_MAX)
static inline size_t journal_key(unsigned char *key, uint64_t task, uint64_t id)
{
	size_t n = oint_put(key, task);
	return n + oint_put(key + n, id);
}

/* 0 and the two ids if key is a well-formed journal key, else -1. */
static inline int journal_key_parse(const void *key, size_t len, uint64_t *task, uint64_t *id)
{
	const unsigned char *p = key;
	size_t a = oint_get(p, len, task), b;

	if (!a || !(b = oint_get(p + a, len - a, id)) || a + b != len)
		return -1;
	return 0;
}

/* ---- store.c: errors and raw access ---- */

/* Turn an LMDB error into ERR_STORE naming `what`; notes MDB_MAP_FULL on t
 * (t may be NULL).  Returns ERR_STORE. */
int store_lmdb_err(struct txn *t, int rc, struct err *e, const char *what);
/* store_lmdb_err() outside a transaction (a failed commit): an EIO on a
 * store whose file system is full is reported as the full disk it is. */
int store_write_err(struct store *st, int rc, struct err *e, const char *what);
/* ERR_INTERNAL unless t is a write transaction. */
int store_need_write(struct txn *t, struct err *e);
/* mdb_get: 0, MDB_NOTFOUND (no message) or ERR_STORE. */
int store_get(struct txn *t, enum store_db db, const void *key, size_t klen, MDB_val *val,
              struct err *e);
int store_put(struct txn *t, enum store_db db, const void *key, size_t klen, const void *val,
              size_t vlen, unsigned flags, struct err *e);
/* mdb_del; an absent entry is not an error.  val NULL: every value. */
int store_del(struct txn *t, enum store_db db, const void *key, size_t klen, const void *val,
              size_t vlen, struct err *e);
int store_cursor(struct txn *t, enum store_db db, MDB_cursor **out, struct err *e);
/* Put a record under an id key: MDB_APPEND when `fresh` (an id just taken
 * from its sequence, so larger than every key), else a plain put. */
int store_put_record(struct txn *t, enum store_db db, const void *key, size_t klen,
                     const struct sbuf *val, int fresh, struct err *e);
/* Delete every entry owner|id (8-byte owner) of an owner index and the
 * records (keyed by the 8-byte id) they name. */
int store_del_owned(struct txn *t, enum store_db index, enum store_db records,
                    const unsigned char *owner, struct err *e);
/* Call fn(key, value, ctx) for each entry from the first key >= start
 * (start NULL: the first entry) in key order; stops when fn returns
 * non-zero and returns that value. */
typedef int (*store_raw_fn)(const MDB_val *k, const MDB_val *v, void *ctx, struct err *e);
int store_each_raw(struct txn *t, enum store_db db, const void *start, size_t slen,
                   store_raw_fn fn, void *ctx, struct err *e);
/* Current value of sequence `name` (0 if never used). */
int store_seq_peek(struct txn *t, const char *name, uint64_t *v, struct err *e);
/* Raise sequence `name` to at least v (an id given by the caller). */
int store_seq_bump(struct txn *t, const char *name, uint64_t v, struct err *e);
/* Collect the 8-byte ids found at byte `off` of the keys that start with
 * the prefix; *ids malloc'd (NULL when none), caller frees. */
int store_prefix_ids(struct txn *t, enum store_db db, const void *prefix, size_t plen,
                     size_t off, uint64_t **ids, size_t *n, struct err *e);
/* Call cb(id at byte `off`, ctx) for each key that starts with the prefix,
 * in key order, or in reverse when `reverse`; stops at cb's non-zero.  In
 * a database of sorted duplicates whose key is the prefix, off counts on
 * into the value (the entry read as key then value). */
int store_prefix_each(struct txn *t, enum store_db db, const void *prefix, size_t plen,
                      size_t off, int reverse, store_id_fn cb, void *ctx, struct err *e);

/* ---- store-index.c: the index entries a record owns ---- */

#define IX_KEY_MAX 200
struct ixent {
	enum store_db db;
	unsigned char key[IX_KEY_MAX];
	unsigned char val[16];
	uint8_t klen;
	uint16_t vlen;
	uint8_t wide; /* the value is the set's `wide` buffer, not val (ix_val) */
};
/* A task owns 5 entries and one per distinct partner unit (at most
 * STORE_PARTNERS_MAX) */
#define IX_MAX (5 + STORE_PARTNERS_MAX)
/* Room for the one value of a set too large for an entry: a task's row in
 * due_rows (store-cover.c) */
#define IX_WIDE_MAX 512
struct ixset {
	int n;
	struct ixent e[IX_MAX];
	unsigned char wide[IX_WIDE_MAX];
};
/* The value bytes of entry x of set s. */
static inline const unsigned char *ix_val(const struct ixset *s, const struct ixent *x)
{
	return x->wide ? s->wide : x->val;
}

void ix_of_unit(const struct unit *u, struct ixset *s);
void ix_of_doc(const struct doc *d, struct ixset *s);
void ix_of_task(const struct task *t, struct ixset *s);
void ix_of_extension(const struct extension *x, struct ixset *s);
/* ---- store-cover.c: a task's row beside the due index ---- */
/* Add to s (which holds t's due_tasks entry, if any) t's entry of
 * due_rows: key day|id as due_tasks', value the row (store.h,
 * store_due_row_get).  Nothing for a task outside the due index. */
void cover_of_task(const struct task *t, struct ixset *s);
void ix_of_indicator(const struct indicator *i, struct ixset *s);
void ix_of_measure(const struct measure *m, struct ixset *s);
/* Bring the indexes from the entries of `old` (NULL: none) to `new` (NULL:
 * none): deletes what went, puts what came or changed. */
int ix_apply(struct txn *t, const struct ixset *old, const struct ixset *new, struct err *e);
/* 1 if s holds exactly this entry (database, key and value). */
int ix_has(const struct ixset *s, enum store_db db, const void *key, size_t klen,
           const void *val, size_t vlen);
/* Folded doc_number key of a number into key[IX_KEY_MAX]; its length (0
 * for a number that folds to nothing). */
size_t ix_number_key(const char *number, unsigned char *key);

/* ---- store-log.c: the updates journal ---- */

/* Call fn(key, value, ctx) for each update of task, oldest first or
 * newest first (reverse); stops at fn's non-zero value. */
int store_journal_each(struct txn *t, uint64_t task, int reverse, store_raw_fn fn, void *ctx,
                       struct err *e);
/* Delete every update of task. */
int store_journal_del(struct txn *t, uint64_t task, struct err *e);

/* ---- store-dict.c: the dictionary of repeated strings ---- */

/* The store's dictionary as seen by transaction t (interning needs a
 * write transaction), for the codec_*_d functions. */
const struct codec_dict *store_dict(struct txn *t);
/* Check that dict and dict_str are each other's inverse and the sequence
 * is past every id; problems go to rep. */
struct dict_check {
	struct txn *t;
	struct sbuf *rep;
	size_t *nproblems;
	uint32_t maxid;
};
int store_dict_check(struct dict_check *c, struct err *e);
/* Rebuild dict_str from dict (the first id of a string wins) and raise the
 * sequence past every id: part of store_rebuild_indexes. */
int store_dict_rebuild(struct txn *t, struct err *e);

/* ---- store-count.c: counters ---- */

/* The counter slot of a task (a due day or STORE_SLOT_*). */
date_t count_slot(const struct task *t);
/* Add delta to the counters of slot for lead, its ancestors and unit 0. */
int count_add(struct txn *t, uint32_t lead, date_t slot, int delta, struct err *e);

/* In-memory tally of counters, for rebuilding and checking them. */
struct tally;
/* Reads the unit hierarchy of the store; free with tally_free. */
int tally_new(struct txn *t, struct tally **out, struct err *e);
void tally_free(struct tally *ty);
/* Count one task (lead, slot) into the tally. */
int tally_task(struct tally *ty, uint32_t lead, date_t slot, struct err *e);
/* Write the tally into the (empty) counts database. */
int tally_write(struct txn *t, struct tally *ty, struct err *e);
/* Compare with the counts database; problem lines go to rep, *nproblems
 * is increased by their number. */
int tally_compare(struct txn *t, struct tally *ty, struct sbuf *rep, size_t *nproblems,
                  struct err *e);
/* Format a slot for messages ("2024-06-30", "không hạn", "đã đóng"). */
const char *count_slot_str(date_t slot, char buf[16]);
/* Tally every readable task of the store. */
int store_tally_tasks(struct txn *t, struct tally *ty, struct err *e);

/* ---- store-files.c ---- */

/* ERR_STORE when the data file at path (of the store in dir) is shorter
 * than its newest meta page says: LMDB would map it and fault on the
 * missing pages.  0 for a sound, empty, unreadable or foreign file (LMDB
 * reports those itself). */
int store_check_data_file(const char *path, const char *dir, struct err *e);
/* The same on a descriptor of the data file (LMDB's own, once the
 * environment is open: LMDB reads its meta pages with pread and maps no
 * data page before the first transaction). */
int store_check_data_fd(int fd, const char *dir, struct err *e);

/* The file data.mdb was when store_check_shared looked at it. */
struct store_ident {
	dev_t dev;
	ino_t ino;
	int known; /* 0: there was none yet */
};

/* For STORE_SHARED (a raised program, priv.h): the directory dir, and
 * data.mdb and lock.mdb in it when they exist, must belong to the raised
 * group (or user) and be writable by no one else; the files must be
 * regular files, not symbolic links (opened with O_NOFOLLOW, checked with
 * fstat on that descriptor).  ERR_STORE naming what is wrong.  *data
 * receives data.mdb's identity, for store_check_same_data. */
int store_check_shared(const char *dir, struct store_ident *data, struct err *e);

/* ERR_STORE unless the data file LMDB opened for env is the one that
 * store_check_shared checked (no swap in between). */
int store_check_same_data(MDB_env *env, const char *dir, const struct store_ident *data,
                          struct err *e);

/* ---- store-unitsnap.c ---- */

/* A unit or a linked name is about to be put in the write transaction t:
 * the first call bumps the units generation and marks t so that
 * store_write rebuilds the tree image before committing. */
int store_units_touched(struct txn *t, struct err *e);
/* Rebuild and put the tree image if t is so marked (store_write). */
int store_unitsnap_commit(struct txn *t, struct err *e);
/* Compare the stored image with the units (store_check). */
int store_unitsnap_check(struct txn *t, struct sbuf *rep, size_t *nproblems, struct err *e);
/* Copy every attached pin to the heap and end its transaction: before
 * the map moves, and when the store closes. */
void store_pins_detach(struct store *st);

/* ---- store-check.c ---- */

/* Append one problem line to rep (only the first few hundred are kept;
 * every one is counted in *nproblems). */
void store_report(struct sbuf *rep, size_t *nproblems, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
