/* tasklist.h — the tasks led in a unit's subtree, the most urgent first,
 * read a page at a time from the store's indexes: a screen over a million
 * tasks reads the rows it shows and never the whole list.
 *
 * The order: first the open tasks with a due date, earliest first (the
 * due index; ties by id), then, unless the list is cut at a day, every
 * other task (open without a due date, done, on hold) by lead unit in tree
 * order and id.  Every row carries its key, its place in that order;
 * tkl_next and tkl_prev read the rows after or before a key without
 * reading those in front of it.  The number of rows comes from the
 * store's counters (store_count), not from a count of rows.
 */
#ifndef THEODOI_TASKLIST_H
#define THEODOI_TASKLIST_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"

struct err;
struct hier;
struct txn;

/* A row's place in the order.  seg 0: a dated open task (due, id);
 * seg 1: another task (unit: the lead's hier index, id). */
struct tkl_key {
	int seg;
	date_t due;
	size_t unit;
	uint64_t id;
};

struct tkl_row {
	struct tkl_key k;
	uint64_t id;
};

/* One list.  Fill with tkl_open; it holds no memory of its own (the hier
 * is borrowed and must outlive it). */
struct tkl {
	const struct hier *h;
	uint32_t root;           /* unit whose subtree leads the tasks */
	size_t lo, hi;           /* hier indexes of the subtree: [lo, hi) */
	date_t first, last;      /* dated rows due in [first, last] (DATE_NONE:
	                            unbounded on that side) */
	int rest;                /* 1: the undated and closed tasks follow */
	int global;              /* walk the store-wide due index (a large share
	                            of the store's tasks), else each unit's */
	uint64_t ndated;         /* rows of segment 0, from the counters */
	uint64_t n;              /* every row, from the counters */
};

/* Open the list of the tasks led in the subtree of unit `root` (a unit of
 * h).  first, last: only the open tasks due in [first, last] and no rest
 * (the overdue ones: DATE_NONE, today - 1; those due soon: today, today +
 * days); both DATE_NONE: every task, the rest included.  ERR_NOTFOUND
 * when root is not in h. */
int tkl_open(struct tkl *l, struct txn *t, const struct hier *h, uint32_t root, date_t first,
             date_t last, struct err *e);

/* Up to `want` rows after key `after` (NULL: from the first row), in
 * order, into out[]; *got says how many (fewer only at the end). */
int tkl_next(const struct tkl *l, struct txn *t, const struct tkl_key *after, size_t want,
             struct tkl_row *out, size_t *got, struct err *e);

/* Up to `want` rows just before key `before` (NULL: the last rows), in
 * order (ascending) into out[]; *got says how many. */
int tkl_prev(const struct tkl *l, struct txn *t, const struct tkl_key *before, size_t want,
             struct tkl_row *out, size_t *got, struct err *e);

/* Where task `id` is in the list: its key and its row number (0 first),
 * counted from the counters and the rows of its day or unit only.
 * ERR_NOTFOUND when the task is not in the list. */
int tkl_locate(const struct tkl *l, struct txn *t, uint64_t id, struct tkl_key *key,
               uint64_t *pos, struct err *e);

/* Compare two keys in the list's order (<0, 0, >0). */
int tkl_cmp(const struct tkl_key *a, const struct tkl_key *b);

#endif
