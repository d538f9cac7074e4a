/* partner-walk.h — the tasks a unit, or any unit of its subtree, takes
 * part in as a partner ("phối hợp"), in task id order, each once, read
 * through the task_partner index a few at a time.
 *
 * The index holds one sorted run of task ids per partner unit; the walk
 * merges the runs of the subtree's units (a heap of each unit's next id),
 * so the first rows come after one look at each unit, whatever the
 * number of tasks, and the next ones where the walk stopped.  Shared by
 * `theodoi tasks --partner U [--subtree]` and the screen's partner view.
 */
#ifndef THEODOI_PARTNER_WALK_H
#define THEODOI_PARTNER_WALK_H

#include <stddef.h>
#include <stdint.h>

struct err;
struct hier;
struct txn;

/* One walk.  Its state is ids only (no cursor): pw_next may be called in
 * a later transaction than pw_open (a screen reads a page per frame); a
 * task added meanwhile with a larger id is still found. */
struct pw_head {
	uint64_t next;  /* the unit's next task id not yet given */
	uint32_t unit;
};

struct partner_walk {
	struct pw_head *heap;   /* min-heap on next; owned */
	size_t n;
	uint64_t last;          /* the last id given (0: none yet) */
	size_t given;           /* ids given so far */
};

/* Start the walk over the tasks that have `unit` among their partners or,
 * with subtree, a unit of its subtree in h (a unit not in h: that unit
 * alone).  Reads the first entry of each unit's run.  On failure w holds
 * nothing.  Free with pw_free. */
int pw_open(struct partner_walk *w, struct txn *t, const struct hier *h, uint32_t unit,
            int subtree, struct err *e);

/* Up to `want` more task ids, ascending, into out[]; *got says how many
 * (fewer only when the walk is over: pw_done). */
int pw_next(struct partner_walk *w, struct txn *t, size_t want, uint64_t *out, size_t *got,
            struct err *e);

/* 1 when every id has been given. */
int pw_done(const struct partner_walk *w);

void pw_free(struct partner_walk *w);

#endif
