/* backup.h — copies of the whole store: a binary backup and its restore,
 * and an export as JSON with its import into a new store.
 *
 * A backup is a compacted copy of the store's data file (LMDB's data.mdb),
 * made in one read transaction while others keep reading and writing; it
 * is itself a store's data file.  A restore puts such a file in place of a
 * store: it is checked first (it must open as a theodoi store of a schema
 * this program knows, and pass store_check), never overwrites a store
 * without `force`, refuses while another process has the store open, and
 * keeps the store it replaces beside it under a new name.
 *
 * The JSON export holds every record of every kind with every field, the
 * sequences and the meta entries; importing it into a new store and
 * exporting that again gives the same text, except that the import
 * appends its own audit entry ("import-json") at the end of the trail.
 * The format (version 1):
 *   {"format": "theodoi-export", "version": 1, "schema": N,
 *    "meta": {key: string}, "sequences": {name: number},
 *    "units": [...], "docs": [...], "tasks": [...], "updates": [...],
 *    "extensions": [...], "indicators": [...], "measures": [...],
 *    "audit": [...]}
 * Dates are "YYYY-MM-DD" (or a day number outside years 1..9999), null
 * for none; enumerations by their keys ("in_progress", "ban", "pending");
 * absent text is null.  See theodoi(1), Administration.
 *
 * Writes into a store happen in an empty new directory beside the target
 * and are renamed into place only when complete and checked, so a failure
 * leaves the target as it was.
 */
#ifndef THEODOI_BACKUP_H
#define THEODOI_BACKUP_H

#include <stdint.h>
#include <stdio.h>

struct err;
struct store;
struct ops_ctx;

/* Copy the store to `dest`: a file path (the copy is that file), or an
 * existing directory (the copy is dest/data.mdb).  An existing file is
 * refused (ERR_CONFLICT) unless `force`.  Written to a temporary name in
 * the same directory, fsync'd and renamed, so `dest` is either absent or
 * whole.  *bytes (may be NULL) receives the copy's size.  Needs PA_EXPORT. */
int backup_copy(struct ops_ctx *c, const char *dest, int force, uint64_t *bytes,
                struct err *e);

/* Restore the backup `src` (a file, or a directory holding data.mdb) as
 * the store in directory `dir` (which c->st must not have open; c->st may
 * be NULL): PA_MAINTAIN.  When dir holds a store, ERR_CONFLICT unless
 * `force`; with force, ERR_CONFLICT still while another process has it
 * open, else it is renamed to "<dir>.before-restore-YYYYMMDD-HHMMSS" (the
 * name goes to kept, at least PATH_MAX bytes, "" when nothing was kept).
 * The restored store gets an audit entry "restore". */
int backup_restore(struct ops_ctx *c, const char *src, const char *dir, int force, char *kept,
                   size_t kept_len, struct err *e);

/* Write the whole store as JSON (the format above) to f, in one read
 * transaction.  Needs PA_EXPORT.  ERR_IO when f cannot be written. */
int backup_export_json(struct ops_ctx *c, FILE *f, struct err *e);

/* Counts of what an import brought in. */
struct backup_counts {
	uint64_t units, docs, tasks, updates, extensions, indicators, measures, audit;
};

/* Read an export (file `path`) into a new store in directory `dir`, which
 * must not exist or be an empty directory (else ERR_CONFLICT): PA_MAINTAIN
 * (c->st is not used).  Records keep their ids; the audit trail is copied
 * and then gets the entry "import-json".  Bad input is ERR_INPUT naming
 * the file and the record ("tasks[12].status: ...").  *n (may be NULL)
 * receives the counts. */
int backup_import_json(struct ops_ctx *c, const char *path, const char *dir,
                       struct backup_counts *n, struct err *e);

#endif
