/* obliged.h — every body a document obliges: the units that lead its
 * tasks (committees, boards, ban cán sự đảng, đảng đoàn, agencies alike,
 * and each unit's obligation of a group task opened by expand-task), with
 * how many tasks each owes, how many are done or overdue, and the next
 * deadline it owes.  Read through the document's task index. */
#ifndef THEODOI_OBLIGED_H
#define THEODOI_OBLIGED_H

#include <stddef.h>
#include <stdint.h>
#include "date.h"

struct err;
struct txn;

struct obliged_body {
	uint32_t unit;      /* lead unit id */
	size_t tasks, done, overdue;
	date_t next_due;    /* earliest due of its open tasks, or DATE_NONE */
};

struct obliged {
	struct obliged_body *v;  /* by first task of the unit in the document */
	size_t n;
	size_t no_unit;          /* tasks without a lead unit (a group not yet
	                            opened by expand-task, or a name not yet
	                            linked); an opened group task is not one */
};

struct hist_day;

/* The bodies document `doc` obliges as of `today`, with the reporting
 * months `periods` (NULL: December) for recurring duties; on a past day
 * (`past` not NULL, history.h) each task as it stood then, and one created
 * later not at all.  *out filled (caller frees with obliged_free). */
struct periods;
int obliged_of_doc(struct txn *t, uint64_t doc, date_t today, const struct periods *periods,
                   const struct hist_day *past, struct obliged *out, struct err *e);
void obliged_free(struct obliged *o);

#endif
