/* query.h — the read questions staff ask: what is overdue, what falls due
 * soon, how many, for a unit or its subtree.  Built on the store's indexes
 * and counters: nothing here scans every task.
 */
#ifndef THEODOI_QUERY_H
#define THEODOI_QUERY_H

#include <stddef.h>
#include <stdint.h>
#include "date.h"

struct err;
struct txn;
struct hier;

/* Open tasks due in [from, to] led by `root`'s subtree (root 0: the whole
 * store), earliest due first (so, for overdue, most days late first), ties
 * by task id.  At most `limit` ids after skipping `offset`.  *ids is
 * malloc'd, caller frees; *n receives the count. */
int q_due_ids(struct txn *t, const struct hier *h, uint32_t root, date_t from, date_t to,
              size_t offset, size_t limit, uint64_t **ids, size_t *n, struct err *e);

/* The tasks of q_due_ids one at a time, in its order, without the list:
 * fn(id, due, ctx) for each of the first `limit` (0: all), due the day
 * the index holds the task under (its due); a non-zero return
 * of fn stops the walk and is returned.  The whole store (root 0) and a
 * large subtree are read in the order of the due index as they are
 * written; a small subtree's units are read one by one and their
 * (id, due) pairs sorted (16 bytes a task) before the first call. */
typedef int (*q_id_fn)(uint64_t id, date_t due, void *ctx);
int q_due_each(struct txn *t, const struct hier *h, uint32_t root, date_t from, date_t to,
               size_t limit, q_id_fn fn, void *ctx, struct err *e);

/* Overdue: due before today.  Due soon: today .. today + days. */
int q_overdue_ids(struct txn *t, const struct hier *h, uint32_t root, date_t today,
                  size_t offset, size_t limit, uint64_t **ids, size_t *n, struct err *e);
int q_soon_ids(struct txn *t, const struct hier *h, uint32_t root, date_t today, int days,
               size_t offset, size_t limit, uint64_t **ids, size_t *n, struct err *e);

/* Counts from the counters: open tasks overdue / due soon in the subtree. */
int q_overdue_count(struct txn *t, uint32_t root, date_t today, uint64_t *out,
                    struct err *e);
int q_soon_count(struct txn *t, uint32_t root, date_t today, int days, uint64_t *out,
                 struct err *e);

#endif
