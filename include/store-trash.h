/* store-trash.h — deleted documents and tasks, kept: a deleted record
 * leaves the records, indexes and counters of the store (so no listing or
 * count sees it) for the database `trash`, whole, with everything it owned
 * (a task's updates and extensions; a document's tasks with theirs, its
 * indicators with their measurements) and a note of who deleted it, when
 * and why.  Restoring puts every record back under its own id.
 *
 * A trash entry: key kind ('d' or 't') | id (8 bytes, big-endian); value
 * version byte 1, then parts, each a type byte, a 4-byte big-endian length
 * and the bytes: 'N' the note (JSON text), then the records in their
 * encoding of codec.h: 'D' document, 'T' task, 'U' update, 'X' extension,
 * 'I' indicator, 'M' measurement, each owner before what it owns.  Since
 * schema 4 an update is a part 'J', its journal key (task id and update
 * id, store.h) followed by its value; 'U' (versions 1 and 2, which hold
 * their ids) is still read.  A task's strings may name the store's
 * dictionary, which keeps every id for good.
 */
#ifndef THEODOI_STORE_TRASH_H
#define THEODOI_STORE_TRASH_H

#include <stdint.h>

struct err;
struct txn;

enum trash_kind { TRASH_DOC = 'd', TRASH_TASK = 't' };

/* Move a task (with its updates and extensions), or a document (with its
 * tasks and indicators and what they own), to the trash, inside the write
 * transaction t; `note` is JSON text (who, when, why).  ERR_NOTFOUND if
 * absent; ERR_CONFLICT if the trash already holds that kind and id. */
int trash_put(struct txn *t, enum trash_kind kind, uint64_t id, const char *note,
              struct err *e);

/* Put back everything trash_put moved for kind and id, under the same ids,
 * with every index and counter, and drop the trash entry.  ERR_NOTFOUND if
 * the trash holds no such entry; ERR_CONFLICT if a record with one of its
 * ids exists again; ERR_INPUT if a restored task's document is missing. */
int trash_restore(struct txn *t, enum trash_kind kind, uint64_t id, struct err *e);

/* The note of a trash entry (caller frees), or ERR_NOTFOUND. */
int trash_note(struct txn *t, enum trash_kind kind, uint64_t id, char **note, struct err *e);

/* What a listing shows of one trash entry; valid during the callback. */
struct trash_entry {
	enum trash_kind kind;
	uint64_t id;
	const char *note;        /* JSON text: login, role, time, reason */
	uint64_t doc;            /* a task's document (0: none); a document's id */
	const char *number;      /* a document's number, "" if none */
	const char *text;        /* a document's title, a task's text */
	size_t ntasks;           /* tasks kept with it (1 for a task) */
};

/* Every trash entry, documents first then tasks, each in id order:
 * cb(entry, ctx); stops at cb's non-zero and returns it.  A damaged entry
 * is ERR_STORE. */
int trash_each(struct txn *t, int (*cb)(const struct trash_entry *x, void *ctx), void *ctx,
               struct err *e);

#endif
