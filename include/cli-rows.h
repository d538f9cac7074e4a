/* cli-rows.h — task rows shared by the listing commands (tasks, overdue,
 * due, overview): one column set for text, CSV and JSON. */
#ifndef THEODOI_CLI_ROWS_H
#define THEODOI_CLI_ROWS_H

#include <stddef.h>
#include <stdint.h>
#include "date.h"
#include "output.h"

struct cli;
struct err;
struct txn;
struct task;
struct hist_day;

/* Document numbers and unit names looked up while listing, so that each is
 * read from the store once and found again in O(1) (open addressing keyed
 * by id), and the whole hierarchy need not be loaded.  Bounded: past
 * ROWS_CACHE_MAX documents (or units) the cache of that kind starts over,
 * so its memory does not grow with the store.  Zero-initialise; release
 * with doc_cache_free. */
#define ROWS_CACHE_MAX 32768
struct rows_doc_slot {
	uint64_t id; /* 0: empty */
	char number[48];
};
struct rows_unit_slot {
	uint32_t id; /* 0: empty */
	int found;   /* the store has the unit */
	char code[32];
	char *name;
};
struct doc_cache {
	struct rows_doc_slot *docs;
	size_t ndocs, capdocs; /* capacity a power of two, or 0 */
	struct rows_unit_slot *units;
	size_t nunits, capunits;
	size_t max; /* entries of each kind kept; 0: ROWS_CACHE_MAX */
};
void doc_cache_free(struct doc_cache *dc);

/* Unit `id` (not 0) through the cache: its code and name, or NULL when the
 * store has no such unit.  Valid until the next lookup. */
const struct rows_unit_slot *rows_unit(struct txn *t, struct doc_cache *dc, uint32_t id);
/* The number of document `id` through the cache: "" for id 0, for a
 * document without a number and for one the store does not have. */
const char *rows_doc_number(struct txn *t, struct doc_cache *dc, uint64_t id);

/* Start a task table with the task columns: collected (rows_init) or
 * streamed to f in `format` (rows_stream; see out_stream in output.h). */
void rows_init(struct out_table *t);
void rows_stream(struct out_table *t, int format, FILE *f);

/* Make column 0 of a streamed table (the id) as wide as `largest`, for
 * the rows past the look-ahead (out_min_width): for a listing in id order,
 * whose look-ahead sees only its smallest ids, the largest it will print
 * (the store's sequence for the whole store, the last of a list). */
void rows_id_width(struct out_table *tab, uint64_t largest);

/* Finish a streamed table (out_end of any listing's table), or report a
 * write that failed: 0 or ERR_IO with its message in e. */
int rows_end(struct out_table *tab, struct err *e);
/* ERR_IO with the message of a listing that could not be written. */
int rows_write_error(struct err *e);

/* Append one task as a row: id, document (text: "#id number", or "#id
 * (không số)"; CSV and JSON: doc_number, "" when the document has none,
 * and doc_id), section, lead code and name, text, deadline phrase,
 * effective due, status, progress, timeliness, days overdue.  0, or
 * ERR_IO when a streamed table could not be written. */
int rows_add(struct cli *c, struct txn *t, struct out_table *tab, struct doc_cache *dc,
             const struct task *task, struct err *e);

/* The past day the figures and listings answer for: when --today is
 * before the clock's day, *hd is filled (that day, the configured
 * reporting months) and returned; NULL for the present (history.h). */
const struct hist_day *rows_past(const struct cli *c, struct hist_day *hd);

/* Append the tasks with these ids (in order), reading each in t; on a past
 * day (rows_past) each as it stood then, and one created later not at all. */
int rows_add_ids(struct cli *c, struct txn *t, struct out_table *tab, const uint64_t *ids,
                 size_t n, struct err *e);

/* Append one task by id, as rows_add_ids does for each, with the caller's
 * cache and past day (rows_past; NULL for the present): for listings that
 * stream ids from an index one at a time. */
int rows_add_id(struct cli *c, struct txn *t, struct out_table *tab, struct doc_cache *dc,
                const struct hist_day *past, uint64_t id, struct err *e);

/* Append the task `id` that the due index holds under day `due`, as
 * rows_add_id does in the present: a streamed text table takes the row
 * from due_rows (store_due_row_get) when what it keeps prints as the
 * record would, so that a page of rows reads neighbouring entries; CSV,
 * JSON, a collected table, a past day and a task without such a row read
 * the record. */
int rows_add_due(struct cli *c, struct txn *t, struct out_table *tab, struct doc_cache *dc,
                 uint64_t id, date_t due, struct err *e);

#endif
