/* store.h — the LMDB store: one environment in a directory, records in the
 * binary encoding of codec.h, and the secondary indexes and counters kept
 * in the same write transaction as the records they index.
 *
 * Concurrency is LMDB's: any number of processes read without blocking,
 * one writes at a time.  Keep read transactions short; every user action
 * is one write transaction (store_write), so it is all or nothing.
 *
 * Named databases:
 *   meta       "schema" -> decimal text, "seq.<name>" -> u64, config stamps,
 *              "alias.<folded name>" -> "<unit code>\t<name>" (store-alias.h)
 *   units      u32 id -> unit          unit_code  code -> u32 id
 *   docs       u64 id -> doc           doc_number folded number -> u64 id (dup)
 *                                      doc_issuer issuer u32|doc id -> ""
 *   tasks      u64 id -> task
 *   journal    task id|update id -> update  (the updates; ids in the ordered
 *              compact form: a byte count and the big-endian bytes, so the
 *              updates of a task are one range of keys, oldest first)
 *   extensions u64 id -> extension     ext_task   task id|ext id -> ""
 *   indicators u64 id -> indicator     ind_doc    doc id|indicator id -> ""
 *   measures   u64 id -> measure       meas_ind   indicator id|measure id -> ""
 *   audit      u64 seq -> audit entry
 *   due_tasks  due day -> task id|lead u32  (open tasks with a due date)
 *   lead_due   lead -> due day|task id      (open tasks with a due date)
 *   lead_tasks lead -> task id              (every task)
 *   doc_tasks  doc id -> task id            (every task)
 *              (these four hold sorted duplicates of a fixed size under the
 *              owner's key: an entry costs its value and no LMDB node;
 *              schema 4)
 *   task_partner partner u32|task id -> ""      (each distinct partner of a
 *              task; schema 3)
 *   counts     unit|slot -> u32 count, for the unit and each ancestor
 *              (unit 0 = the whole store); slot is a due day for open
 *              dated tasks, STORE_SLOT_NODUE for open undated ones,
 *              STORE_SLOT_CLOSED for done / on hold.
 *   trash      kind|id -> deleted record with what it owned (store-trash.h)
 *   unitsnap   "gen" -> u64, bumped by every write transaction that puts a
 *              unit or a linked name; "tree" -> the image of the unit tree
 *              (unitsnap.h) built from the units at that generation, in
 *              the same transaction: readers map it in place (hier.h)
 *   dict       u32 id -> string         dict_str  string -> u32 id
 *              (the dictionary of repeated strings of codec.h: deadline
 *              phrases, sections, units as written, logins; ids never
 *              reused; schema 4)
 * Keys are big-endian so that LMDB's byte order is numeric order; a day
 * in a key is stored as (uint32_t)day ^ 0x80000000 so that negative days
 * sort first and the STORE_SLOT_* values last.
 *
 * The map starts at 64 MiB and doubles whenever a write fills it.  The
 * environment variable THEODOI_MAPSIZE (bytes, or with a K, M or G
 * suffix), read by store_open, sets the starting size instead: tests use
 * a tiny map to exercise the growth.
 *
 * Bulk loads (a generated store of a million tasks) are the caller's
 * choice of batch: many store_task_put calls in one store_write are fine,
 * but keep a batch to some tens of thousands of records so that one
 * transaction's dirty pages stay within LMDB's limit; open with
 * STORE_NOSYNC for speed.
 */
#ifndef THEODOI_STORE_H
#define THEODOI_STORE_H

#include <stdint.h>
#include "model.h"

struct err;
struct store;
struct txn;

/* Schema 2 (the period rules): task.due is the period engine's due
 * (period.h) and a recurring task done for its period is counted open;
 * a schema 1 store is brought to 2 by per_migrate() at its first opening
 * by the program (cli_store).
 * Schema 3: the task_partner index (partner_migrate_3 fills it) and the
 * image of the unit tree (database unitsnap), which an older program would
 * leave stale (unitsnap_migrate_3, unitsnap.h).
 * Schema 4 (a store sized to its data): the updates journal keyed by
 * task, compact record versions, a dictionary of repeated strings and
 * indexes of sorted duplicates (store_compact_migrate_4).  A schema 2
 * store gets every step in the one migrating transaction; a store of
 * schema 3 (made by the development program between the two) the last.
 * Schema 5: due_rows, a row per entry of due_tasks with what a listing row
 * shows (store_due_row_get), so that the first page of `overdue` or `due`
 * reads a few pages instead of one task record per row; an older program
 * would leave it stale (cover_migrate_5 fills it). */
#define STORE_SCHEMA 5

/* Most distinct partner units a task may have (store_task_put refuses
 * more: each is an index entry). */
#define STORE_PARTNERS_MAX 60

enum store_flags {
	STORE_CREATE = 1,   /* create the directory and an empty store if missing */
	STORE_RDONLY = 2,   /* open read-only (a viewer on a read-only file system) */
	STORE_NOSYNC = 4,   /* no fsync at commit (bulk generation only) */
	STORE_SHARED = 8,   /* the shared store of a raised program (priv.h): the
	                       directory, data.mdb and lock.mdb must belong to the
	                       raised group and be no symbolic links (ERR_STORE) */
	STORE_UNFINISHED = 16 /* a store being built (gen): created with the meta
	                         key "unfinished", and opened although it has it;
	                         without this flag such a store is refused
	                         (ERR_STORE, "kho ... chưa tạo xong") */
};

/* Open the store in directory dir.  Clears readers left by dead processes.
 * A store of a newer schema, a directory that is not a store (files but no
 * data.mdb, a data.mdb that is not LMDB or not ours), a missing store
 * without STORE_CREATE, or one the user cannot open gets ERR_STORE with a
 * message naming dir; a bad THEODOI_MAPSIZE gets ERR_CONFIG.
 * STORE_CREATE makes dir (one level, mode 02775 less the umask: setgid, so
 * the files inside keep the directory's group) and the databases, and
 * accepts an existing empty directory.  Files are created 0664 less the
 * umask.  On success *out is owned by the caller: store_close() it. */
int store_open(const char *dir, int flags, struct store **out, struct err *e);
void store_close(struct store *st);
const char *store_path(const struct store *st);

/* A read transaction; short-lived.  End with store_read_end().  Several
 * may be open at once, but none across a store_write of the same store
 * (growing the map remaps it) nor across a store_read_begin that finds the
 * map grown by another process. */
int store_read_begin(struct store *st, struct txn **out, struct err *e);
void store_read_end(struct txn *t);

/* Run fn(txn, ctx, e) in one write transaction and commit it.  If fn
 * returns non-zero the transaction is aborted and that code returned.  When
 * the map is full, the transaction is aborted, the map grown and fn run
 * again from the start: fn must have no effect outside the transaction
 * other than filling ctx afresh.  (The *_put and *_add functions that
 * assign an id write it back, and reset it to 0 when they fail.)  fn must
 * not call store_write itself. */
typedef int (*store_write_fn)(struct txn *t, void *ctx, struct err *e);
int store_write(struct store *st, store_write_fn fn, void *ctx, struct err *e);

/* Next value of the named sequence (1, 2, ...), inside a write txn. */
int store_seq_next(struct txn *t, const char *name, uint64_t *out, struct err *e);

/* Meta strings (config stamps and the like).  get returns ERR_NOTFOUND if
 * absent; the caller owns *out (free()).  Keys "schema" and "seq.*" belong
 * to the store. */
int store_meta_get(struct txn *t, const char *key, char **out, struct err *e);
int store_meta_put(struct txn *t, const char *key, const char *val, struct err *e);

/* ---- units ---- */
/* get: fills *out (caller frees with unit_free); ERR_NOTFOUND if absent. */
int store_unit_get(struct txn *t, uint32_t id, struct unit *out, struct err *e);
int store_unit_by_code(struct txn *t, const char *code, struct unit *out, struct err *e);
/* put: id 0 assigns a new id (written back to u->id).  Changing a unit's
 * parent does not move counters: call store_rebuild_counts() after. */
int store_unit_put(struct txn *t, struct unit *u, struct err *e);
/* Calls cb for every unit in id order; stops and returns cb's value if
 * non-zero.  The unit passed is valid only during the call. */
int store_units_each(struct txn *t, int (*cb)(const struct unit *u, void *ctx), void *ctx,
                     struct err *e);

/* The units generation t sees (0 for a store that never had a unit): any
 * two transactions that see the same one see the same units and linked
 * names. */
int store_units_gen(struct txn *t, uint64_t *gen, struct err *e);
/* Have the tree image rebuilt at the end of the write transaction t
 * (store_write does so by itself after any unit put; this is for a
 * migration or a repair).  The generation is bumped. */
int store_unitsnap_rebuild(struct txn *t, struct err *e);

/* A pin: the stored tree image as the transaction t saw it, readable for
 * as long as the caller holds the pin, after t ended and across later
 * transactions of the store.  Usually read in place (the pin holds a
 * read transaction of its own, so keep it no longer than a command, or
 * store_pin_detach() it: a long reader makes the file grow); copied when t is
 * a write transaction, and moved to the heap when the map must move or
 * the store closes.  *out is the caller's: store_pin_release() it (before
 * or after store_close).  A store without an image gives a pin with no
 * data. */
struct store_pin;
int store_unitsnap_pin(struct txn *t, struct store_pin **out, struct err *e);
/* The pinned bytes (NULL, *len 0 if none).  The address may change after
 * any later call into the store: ask again rather than keep it.  8-byte
 * aligned. */
const void *store_pin_data(const struct store_pin *p, size_t *len);
/* Copy the pinned bytes to the heap now and end the pin's transaction
 * (nothing when they are there already): for a pin kept while the program
 * waits on its user. */
void store_pin_detach(struct store_pin *p);
void store_pin_release(struct store_pin *p);

/* ---- documents ---- */
int store_doc_put(struct txn *t, struct doc *d, struct err *e); /* id 0: new */
int store_doc_get(struct txn *t, uint64_t id, struct doc *out, struct err *e);
/* A document's number alone into number (DOCNUM_LEN bytes; "" when it has
 * none): what a listing row shows of it.  ERR_NOTFOUND if absent. */
int store_doc_number(struct txn *t, uint64_t id, char *number, struct err *e);
/* Delete a document, its tasks (with their updates and extensions) and
 * its indicators. */
int store_doc_del(struct txn *t, uint64_t id, struct err *e);
/* Ids of documents whose number folds to the same as `number` (case and
 * diacritics ignored), in id order; *ids is malloc'd, caller frees. */
int store_docs_by_number(struct txn *t, const char *number, uint64_t **ids, int *n,
                         struct err *e);
int store_docs_each(struct txn *t, int (*cb)(const struct doc *d, void *ctx), void *ctx,
                    struct err *e);
/* Iterates ids; see store_id_fn below. */
typedef int (*store_id_fn)(uint64_t id, void *ctx);
/* Ids of the documents issued by unit `issuer` (0: unresolved issuer), in
 * id order; cb as for the task iterators below. */
int store_docs_by_issuer(struct txn *t, uint32_t issuer, store_id_fn cb, void *ctx,
                         struct err *e);

/* ---- tasks ---- */
/* Insert (id 0: new id assigned) or replace a task, keeping every index and
 * counter in step with the previous version.  The caller sets t->due
 * (per_task_due, period.h) before; a due at or past STORE_SLOT_NODUE is
 * ERR_INPUT, and so are more than STORE_PARTNERS_MAX distinct partner
 * units.  A unit hierarchy with a cycle is ERR_STORE. */
int store_task_put(struct txn *t, struct task *task, struct err *e);
/* The migration step to schema 3 (run by per_migrate in its write
 * transaction t): the task_partner entries of every task.  Adding an entry
 * that is there already is harmless. */
int partner_migrate_3(struct txn *t, struct err *e);
int store_task_get(struct txn *t, uint64_t id, struct task *out, struct err *e);
/* Delete a task with its updates and extensions and index entries. */
int store_task_del(struct txn *t, uint64_t id, struct err *e);

/* Iterate task ids.  Each calls cb(id, ctx) in index order and stops when
 * cb returns non-zero (that value is returned; 1 is a plain "stop").
 * - by_doc: tasks of a document, in id order;
 * - by_lead: tasks led by one unit (not its subtree), in id order;
 * - by_due: open tasks with due in [from, to] (DATE_NONE = unbounded),
 *   earliest first, across the whole store (lead = 0) or led by one unit. */
int store_tasks_by_doc(struct txn *t, uint64_t doc, store_id_fn cb, void *ctx, struct err *e);
int store_tasks_by_lead(struct txn *t, uint32_t lead, store_id_fn cb, void *ctx, struct err *e);
/* Tasks that have `unit` among their partners (not its subtree), in id
 * order, through the task_partner index. */
int store_tasks_by_partner(struct txn *t, uint32_t unit, store_id_fn cb, void *ctx,
                           struct err *e);
/* As store_tasks_by_partner, from the first task whose id is at least
 * `from`: a walk that goes on where an earlier one stopped. */
int store_tasks_by_partner_from(struct txn *t, uint32_t unit, uint64_t from, store_id_fn cb,
                                void *ctx, struct err *e);
typedef int (*store_due_fn)(uint64_t id, date_t due, uint32_t lead, void *ctx);
int store_tasks_by_due(struct txn *t, uint32_t lead, date_t from, date_t to,
                       store_due_fn cb, void *ctx, struct err *e);
int store_tasks_each(struct txn *t, int (*cb)(const struct task *task, void *ctx), void *ctx,
                     struct err *e);
/* As store_tasks_each, in id order from the first task whose id is at
 * least `from`: a scan that goes on where an earlier one stopped. */
int store_tasks_each_from(struct txn *t, uint64_t from,
                          int (*cb)(const struct task *task, void *ctx), void *ctx,
                          struct err *e);
/* As store_tasks_by_due, from a position: the entries strictly after
 * (dir > 0) or before (dir < 0) the entry (day, id), in that direction
 * (latest first when dir < 0), with day in [from, to].  day DATE_NONE
 * starts at the first (dir > 0) or last (dir < 0) entry.  The next page of
 * a long list, read without the rows before it. */
int store_tasks_by_due_from(struct txn *t, uint32_t lead, date_t day, uint64_t id, int dir,
                            date_t from, date_t to, store_due_fn cb, void *ctx,
                            struct err *e);
/* The row kept for task id beside its due_tasks entry (day `due`, the
 * day that index gave): into *out, a task as its record holds it except
 * that the partners, the deadline phrase, confirm, last_update, nupdates
 * and created are left out (NULL, 0, DATE_NONE), the lead as written is
 * kept only for a task without a lead unit, and the text and that lead
 * text are cut after their first STORE_ROW_TEXT_COLS and
 * STORE_ROW_LEAD_COLS display columns (txt_fit, text.h; and at most
 * STORE_ROW_TEXT_MAX and STORE_ROW_LEAD_MAX bytes, at a character
 * boundary); *cut says which were cut (STORE_ROW_TEXT_CUT,
 * STORE_ROW_LEAD_CUT).  The columns are those of the text listing (44 and
 * 24 at most, cli-rows.c) and three more.  0 (release out with
 * task_free), ERR_NOTFOUND when there is no such row (the caller reads the
 * record), ERR_STORE for one that does not decode.  The rows of a range of
 * days are neighbours in the store: reading them in the index's order
 * touches a few pages, where the records are scattered. */
#define STORE_ROW_TEXT_COLS 47
#define STORE_ROW_TEXT_MAX 160
#define STORE_ROW_LEAD_COLS 27
#define STORE_ROW_LEAD_MAX 96
#define STORE_ROW_TEXT_CUT 1u
#define STORE_ROW_LEAD_CUT 2u
int store_due_row_get(struct txn *t, date_t due, uint64_t id, struct task *out, unsigned *cut,
                      struct err *e);
/* Schema 4 -> 5 (per_migrate, in its write transaction): due_rows emptied
 * and filled again from the task records. */
int store_cover_migrate_5(struct txn *t, struct err *e);
/* The counters' slot of a task: its due day when it is in the due index
 * (open, with a due date), else STORE_SLOT_NODUE or STORE_SLOT_CLOSED;
 * STORE_SLOT_UNCOUNTED for an opened group task (task.group_open), which
 * is in no counter and not in the due index. */
date_t store_task_slot(const struct task *t);

/* ---- counters ---- */
#define STORE_SLOT_NODUE ((date_t)0x7ffffffe)
#define STORE_SLOT_CLOSED ((date_t)0x7fffffff)
#define STORE_SLOT_UNCOUNTED DATE_NONE
/* Number of tasks in the subtree of `unit` (0 = whole store) whose slot is
 * in [from, to]: open tasks due in that range, or the special slots.
 * from == DATE_NONE means from the earliest day; to == DATE_NONE means up to
 * and including STORE_SLOT_CLOSED (every task).  Costs one cursor step per
 * distinct slot, never a scan of tasks. */
int store_count(struct txn *t, uint32_t unit, date_t from, date_t to, uint64_t *out,
                struct err *e);

struct store_counts {
	uint64_t total;    /* every task */
	uint64_t open;     /* open (not started / in progress, or a recurring
	                      task done for its period: it owes the next one) */
	uint64_t overdue;  /* open, due before today */
	uint64_t soon;     /* open, due today .. today+window */
	uint64_t closed;   /* done (a one-off task) or on hold */
};
int store_unit_counts(struct txn *t, uint32_t unit, date_t today, int window,
                      struct store_counts *out, struct err *e);

/* Drop and rebuild every index and counter from the records (after a
 * change of hierarchy, or to repair), and the dictionary's reverse map
 * from the dictionary, in the write transaction t.
 * Unreadable records are left out (store_check names them).  For a
 * million tasks this is one large transaction of a few hundred MB of
 * dirty pages: within LMDB's limit. */
int store_rebuild_indexes(struct txn *t, struct err *e);
/* Drop and rebuild only the counters (after a unit changed parent): reads
 * every task once. */
int store_rebuild_counts(struct txn *t, struct err *e);

/* ---- updates, extensions ---- */
/* Add an update (id 0: assigned) of an existing task (else ERR_NOTFOUND). */
int store_update_add(struct txn *t, struct update *u, struct err *e);
/* One update by its task and id (*out owned by the caller: update_free);
 * ERR_NOTFOUND if that task has no such update. */
int store_update_get(struct txn *t, uint64_t task, uint64_t id, struct update *out,
                     struct err *e);
/* Updates of a task, newest first; cb gets an update valid during the call. */
int store_updates_of_task(struct txn *t, uint64_t task,
                          int (*cb)(const struct update *u, void *ctx), void *ctx,
                          struct err *e);
/* Add an extension (id 0: assigned) of an existing task; extensions of a
 * task come oldest first. */
int store_extension_add(struct txn *t, struct extension *x, struct err *e);
int store_extensions_of_task(struct txn *t, uint64_t task,
                             int (*cb)(const struct extension *x, void *ctx), void *ctx,
                             struct err *e);
/* One extension by id (*out owned by the caller: extension_free);
 * ERR_NOTFOUND if absent. */
int store_extension_get(struct txn *t, uint64_t id, struct extension *out, struct err *e);
/* Replace an existing extension (a request decided); its task may not
 * change.  ERR_NOTFOUND if absent, ERR_INPUT if the task differs. */
int store_extension_put(struct txn *t, const struct extension *x, struct err *e);
/* Every extension of the store, in id order (a scan: the extensions are
 * few beside the tasks); cb gets one valid during the call and returns
 * non-zero to stop. */
int store_extensions_each(struct txn *t, int (*cb)(const struct extension *x, void *ctx),
                          void *ctx, struct err *e);

/* ---- indicators ---- */
/* Insert (id 0: assigned) or replace an indicator. */
int store_indicator_put(struct txn *t, struct indicator *i, struct err *e);
int store_indicator_get(struct txn *t, uint64_t id, struct indicator *out, struct err *e);
int store_indicators_each(struct txn *t, int (*cb)(const struct indicator *i, void *ctx),
                          void *ctx, struct err *e);
/* Delete an indicator and its measures; ERR_NOTFOUND if absent. */
int store_indicator_del(struct txn *t, uint64_t id, struct err *e);
/* Add a measure (id 0: assigned) of an existing indicator (else
 * ERR_NOTFOUND); measures of an indicator come in id order. */
int store_measure_add(struct txn *t, struct measure *m, struct err *e);
int store_measures_of(struct txn *t, uint64_t indicator,
                      int (*cb)(const struct measure *m, void *ctx), void *ctx, struct err *e);

/* ---- audit (append only) ---- */
/* Append an entry: a->seq is always assigned (the next in sequence). */
int store_audit_add(struct txn *t, struct audit *a, struct err *e);
/* Entries from seq `from` upwards (0 = the first). */
int store_audit_each(struct txn *t, uint64_t from, int (*cb)(const struct audit *a, void *ctx),
                     void *ctx, struct err *e);

/* ---- maintenance ---- */
struct store_stat {
	uint64_t units, docs, tasks, updates, audit;
	uint64_t map_size, used_bytes;
};
int store_stat(struct txn *t, struct store_stat *out, struct err *e);
/* Verify that every record decodes, every index entry points at a record
 * and every record is indexed, and that counters match; also that the
 * records a record names exist (a task's document, an update's task, a
 * unit's parent) and that sequences are past every id.  Problems are
 * written as lines to *report (always set, "" when clean; caller frees;
 * the first 200 lines, then a count); returns 0 when clean, ERR_STORE when
 * problems were found, another code if the check itself failed.  Runs in a
 * read transaction; costs one pass over every record. */
int store_check(struct txn *t, char **report, struct err *e);

/* ---- files: copies, use by others, raw meta (store-files.c) ---- */
/* Write a consistent copy of the store's data file to the open file
 * descriptor fd (mdb_env_copyfd2), compacted (free pages left out) when
 * `compact`.  Runs in a read transaction of its own, so other processes go
 * on reading and writing meanwhile.  The caller fsyncs and closes fd.
 * ERR_IO when the copy cannot be written (disk full: a message saying so). */
int store_copy_fd(struct store *st, int fd, int compact, struct err *e);
/* Whether another process has the store in directory dir open (it holds
 * LMDB's shared lock on dir/lock.mdb): *pid receives one such process id,
 * or 0 when none (also when dir has no lock file).  Never opens the
 * environment; a lock held by the calling process itself is not seen. */
int store_in_use(const char *dir, long *pid, struct err *e);
/* Call cb(key, value, len, ctx) for every meta entry in key order,
 * including "schema" and the sequences "seq.<name>" (8-byte big-endian
 * values); key is NUL-terminated, value valid during the call only.  Stops
 * and returns cb's non-zero value. */
int store_meta_each(struct txn *t, int (*cb)(const char *key, const void *val, size_t len,
                                              void *ctx),
                    void *ctx, struct err *e);
/* The current value of sequence `name` (0 if never used), and raising it
 * to at least v (write txn): for copying a store record by record. */
int store_seq_peek(struct txn *t, const char *name, uint64_t *v, struct err *e);
int store_seq_bump(struct txn *t, const char *name, uint64_t v, struct err *e);

/* The schema number the store records (1 for a store of the previous
 * release until it is migrated); and recording a new one (write txn), for
 * a migration only.  Return 0 or ERR_STORE. */
int store_schema(struct txn *t, long *out, struct err *e);
int store_schema_set(struct txn *t, long schema, struct err *e);

/* The store's own step of the migration to schema 4, in the write
 * transaction t that migrates (per_migrate): moves the updates into the
 * journal, re-encodes the records in their compact versions, drops the
 * databases schema 4 no longer has and rebuilds every index and counter.
 * Run on a store of schema 1 to 3, before anything else reads updates;
 * the caller records the new schema.  For a million tasks this is one
 * large transaction (within LMDB's limit, as store_rebuild_indexes). */
int store_compact_migrate_4(struct txn *t, struct err *e);

/* The transaction's store (to reach it from a write callback). */
struct store *store_of(struct txn *t);

/* The id of the store's latest committed write transaction, by any
 * process (mdb_env_info; no transaction needed, O(1)).  It grows with every
 * commit, so a reader that polls it knows when to reload.  Implemented in
 * store-info.c (owned by the TUI). */
int store_last_txn(struct store *st, uint64_t *out, struct err *e);

#endif
