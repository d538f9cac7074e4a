/* query-past.h — the questions of query.h (what was overdue, what fell due
 * soon, how many, for a unit or its subtree) asked of a past day.
 *
 * The due index and the counters describe the present: for a past day the
 * tasks of the scope are taken as they stood at its end (history.h) and
 * counted or listed by the same rules, which costs one pass over the tasks
 * of the scope.  The day of the question is past->day.
 */
#ifndef THEODOI_QUERY_PAST_H
#define THEODOI_QUERY_PAST_H

#include <stddef.h>
#include <stdint.h>
#include "date.h"

struct err;
struct txn;
struct hier;
struct hist_day;
struct store_counts;

/* The tasks open on the day with a due date in [from, to] (from DATE_NONE:
 * from the earliest), led in `root`'s subtree (root 0: the whole store), or
 * by `root` alone when own_only; earliest due first, ties by task id, as
 * q_due_ids orders them.  At most `limit` (0: all).  *ids is malloc'd,
 * caller frees; *n receives the count.  h is needed for a root. */
int qpast_due_ids(struct txn *t, const struct hier *h, const struct hist_day *past,
                  uint32_t root, int own_only, date_t from, date_t to, size_t limit,
                  uint64_t **ids, size_t *n, struct err *e);

/* What store_unit_counts gives for `root`'s subtree (0: the whole store),
 * as of the day: total, open, overdue (open, due before the day), due soon
 * (open, due from the day to `window` days after), closed (done, on hold,
 * or a claim waiting for confirmation). */
int qpast_counts(struct txn *t, const struct hier *h, const struct hist_day *past,
                 uint32_t root, int window, struct store_counts *out, struct err *e);

/* The same for every unit of h at once: (*sub)[i] for the subtree of
 * hierarchy index i (malloc'd, hier_count(h) entries; caller frees), and
 * *rest for the tasks whose lead is not in h. */
int qpast_unit_counts(struct txn *t, const struct hier *h, const struct hist_day *past,
                      int window, struct store_counts **sub, struct store_counts *rest,
                      struct err *e);

#endif
