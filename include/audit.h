/* audit.h — reading the audit trail: every write of theodoi appends one
 * entry (who, role, when, action, object, before -> after) in the same
 * transaction as the change (ops.h, import, hierarchy sync, ...).  This
 * module only reads: nothing in the program edits or deletes an entry.
 *
 * Filters select entries; audit_each walks them oldest first, and
 * audit_latest collects the newest (for a screen that shows the end of
 * the trail).  audit-text.h tells what changed for people (the text and
 * the CSV of `theodoi log`, the screen's L); audit_to_json gives the
 * stored values.
 */
#ifndef THEODOI_AUDIT_H
#define THEODOI_AUDIT_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "model.h"

struct err;
struct txn;

struct audit_filter {
	uint64_t task;       /* 0: any; else only entries about "task:N" */
	const char *object;  /* NULL: any; else this object exactly ("doc:4") */
	const char *login;   /* NULL: any; else this login exactly */
	const char *action;  /* NULL: any; else this action ("update", "import") */
	int64_t since;       /* unix time: entries at or after it; 0: no bound */
	int64_t until;       /* unix time: entries before it; 0: no bound */
	uint64_t after_seq;  /* only entries with seq > after_seq (0: all) */
};

/* 1 if the entry passes the filter (f NULL: every entry). */
int audit_match(const struct audit *a, const struct audit_filter *f);

/* Call cb for every entry that passes f (NULL: all), oldest first, in the
 * read or write transaction t.  The entry is valid during the call only.
 * cb returns non-zero to stop; that value is returned.  An entry that
 * cannot be decoded is ERR_STORE. */
int audit_each(struct txn *t, const struct audit_filter *f,
               int (*cb)(const struct audit *a, void *ctx), void *ctx, struct err *e);

/* The newest `limit` entries that pass f (limit 0: every one), newest
 * first, into *out (malloc'd; *n entries; the caller frees with
 * audit_list_free).  Reads from the end of the trail backwards in windows,
 * so a small limit costs little on a long trail. */
int audit_latest(struct txn *t, const struct audit_filter *f, size_t limit, struct audit **out,
                 size_t *n, struct err *e);
void audit_list_free(struct audit *v, size_t n);

/* Sort v newest first: by time (a backdated entry goes where its time
 * says), then by sequence.  The one order of the trail for people: the
 * screen's audit view and `theodoi log`. */
void audit_sort_newest(struct audit *v, size_t n);

/* The JSON object of a stored before/after text (NULL for none, for text
 * that is not JSON, or for JSON that is not an object); the caller owns the
 * reference (json_decref). */
json_t *audit_json_object(const char *s);

/* The entry as a JSON object {"seq", "time" (ISO 8601, local time with its
 * offset), "unix_time", "login", "role", "action", "object", "before",
 * "after"} with before and after parsed back to JSON (null when absent,
 * a string when not valid JSON).  New reference. */
json_t *audit_to_json(const struct audit *a);

/* Local time of unix time t as "YYYY-MM-DD HH:MM:SS" into buf (>= 20 bytes). */
const char *audit_time_str(int64_t t, char *buf, size_t len);

/* The same as "dd/mm/yyyy HH:MM:SS", for people (the log's text, the
 * screen). */
const char *audit_time_vn(int64_t t, char *buf, size_t len);

/* Vietnamese label of a stored role key ("admin" -> "quản trị"); the key
 * itself when unknown. */
const char *audit_role_label(const char *role);

/* The unix time at which local day d begins (for --since). */
int64_t audit_day_start(date_t d);

/* Vietnamese label of an action key ("update" -> "cập nhật"); the key
 * itself when unknown. */
const char *audit_action_label(const char *action);

#endif
