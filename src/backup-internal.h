/* backup-internal.h — what backup.c and backup-json.c share: building a
 * store in a new directory beside its target and renaming it into place.
 * Not part of the public interface. */
#ifndef THEODOI_BACKUP_INTERNAL_H
#define THEODOI_BACKUP_INTERNAL_H

#include <stddef.h>

struct err;

/* What a target directory holds. */
enum bk_target {
	BK_MISSING = 0, /* nothing there */
	BK_EMPTY,       /* an empty directory (perhaps a lone lock.mdb) */
	BK_STORE,       /* a directory with data.mdb */
	BK_OTHER        /* a directory with other files, or not a directory */
};

/* What `dir` holds; ERR_IO when it cannot be read. */
int bk_target_state(const char *dir, enum bk_target *out, struct err *e);

/* Make a new directory beside `dir` named "<dir>.<tag>-<pid>[-n]", mode
 * 02775 less the umask (like a new store), into out. */
int bk_make_beside(const char *dir, const char *tag, char *out, size_t len, struct err *e);

/* Remove a directory made by bk_make_beside with the files a store puts
 * there (data.mdb, lock.mdb); quiet. */
void bk_remove_dir(const char *dir);

/* Put the complete store in `tmp` at `dir`, whose state is `state`
 * (BK_MISSING, BK_EMPTY, or BK_STORE: then the old store is first renamed
 * to "<dir>.before-<tag>-YYYYMMDD-HHMMSS", whose name goes to kept).  The
 * parent directory is fsync'd. */
int bk_place(const char *tmp, const char *dir, enum bk_target state, const char *tag,
             char *kept, size_t kept_len, struct err *e);

/* fsync the directory holding `path` (so a rename in it survives a crash). */
void bk_sync_parent(const char *path);

/* ---- backup-records.c: records of a JSON export back into structs ---- */

struct unit;
struct doc;
struct task;
struct update;
struct extension;
struct indicator;
struct measure;
struct audit;
typedef struct json_t json_t;

/* The record being read, for messages: "tasks[12].status". */
struct rctx {
	const char *path;  /* the export file */
	const char *kind;  /* "tasks" */
	size_t index;      /* position in its array */
	struct err *e;
};

/* ERR_INPUT at path with "kind[index].field: message" (field may be
 * NULL), the "kind[index].field" also in e->field. */
int bk_fail(struct rctx *r, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Each fills *out (zeroed first; the caller frees it with the matching
 * *_free(), also after a failure) from the JSON object o; 0 or ERR_INPUT. */
int bk_unit_from(struct rctx *r, json_t *o, struct unit *out);
int bk_doc_from(struct rctx *r, json_t *o, struct doc *out);
int bk_task_from(struct rctx *r, json_t *o, struct task *out);
int bk_update_from(struct rctx *r, json_t *o, struct update *out);
int bk_extension_from(struct rctx *r, json_t *o, struct extension *out);
int bk_indicator_from(struct rctx *r, json_t *o, struct indicator *out);
int bk_measure_from(struct rctx *r, json_t *o, struct measure *out);
int bk_audit_from(struct rctx *r, json_t *o, struct audit *out);

#endif
