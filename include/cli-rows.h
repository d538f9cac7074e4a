/* cli-rows.h — task rows shared by the listing commands (tasks, overdue,
 * due, overview): one column set for text, CSV and JSON. */
#ifndef THEODOI_CLI_ROWS_H
#define THEODOI_CLI_ROWS_H

#include <stddef.h>
#include <stdint.h>
#include "output.h"

struct cli;
struct err;
struct txn;
struct task;
struct hist_day;

/* Document numbers and unit names looked up while listing, so that each is
 * read from the store once, and the whole hierarchy need not be loaded. */
struct doc_cache {
	size_t n, cap;
	uint64_t *ids;
	char (*numbers)[48];
	size_t nu, capu;
	uint32_t *unit_ids;
	char (*unit_codes)[32];
	char **unit_names;
};
void doc_cache_free(struct doc_cache *dc);

/* Start a task table with the task columns. */
void rows_init(struct out_table *t);

/* Append one task as a row: id, document (text: "#id number", or "#id
 * (không số)"; CSV and JSON: doc_number, "" when the document has none,
 * and doc_id), section, lead code and name, text, deadline phrase,
 * effective due, status, progress, timeliness, days overdue. */
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

#endif
