/* rollup.h — the roll-up of tasks for a unit's subtree and/or a document:
 * counts by status and timeliness, the groups government task-tracking
 * reports state, the most overdue tasks, and the sentence a clerk pastes
 * into a report (shared/domain.md, "Status and timeliness").
 *
 * Every task falls in exactly one group, decided by its date before any
 * extension (per_unextended_due(), period.h: for a one-off deadline its
 * date, for a recurring one the report date it owes next):
 *
 *   on hold (tạm dừng)          status "tạm dừng", whatever its date;
 *   fallen due (đã đến hạn)     that date is before today (the due day is
 *                               inclusive: a task due today has not yet
 *                               fallen due), or the task is a recurring one
 *                               (thường xuyên, hằng năm, từ năm ...) reported
 *                               done for the current period (done for an
 *                               earlier period, it is judged by the period
 *                               it owes, as an open task);
 *   not yet due (chưa đến hạn)  that date is today or later;
 *   no date (chưa có mốc)       no date at all: chờ văn bản cấp trên, cần rà
 *                               soát, theo yêu cầu, theo lộ trình, theo nhiệm
 *                               kỳ, theo văn bản khác, or no deadline.
 *
 * Within fallen due: done on time / done late (hoàn thành đúng hạn / quá
 * hạn, as tl_compute() judges the done date against the due date with any
 * extension: done within an extension is on time); not done within an
 * extended deadline (trong hạn gia hạn: the original date has passed but an
 * extension runs to today or later); not done and overdue (quá hạn,
 * including periodic tasks whose report is missing, "chưa báo cáo").
 * Within not yet due: done ahead of time, or open (of which due soon).
 * Within no date: done, chờ văn bản cấp trên, cần rà soát, and the rest
 * (chưa xác định thời hạn).  A task with no date but an extension takes
 * the extension as its date.
 *
 * A "done" the unit reported that waits for the monitoring office to
 * confirm it (confirm_done = yes; chờ xác nhận) is not done: it counts in
 * no "hoàn thành" figure and not in the completion rate's numerator.  It
 * falls in the group its date gives, in a part of its own: fallen due,
 * not done, chờ xác nhận (beside trong hạn gia hạn and quá hạn: the unit
 * has reported, the wait is the office's, so it is not overdue); not yet
 * due, chờ xác nhận; no date, chờ xác nhận.  It has no timeliness in
 * by_tl, and pending_confirm counts them all.  The store's counters keep
 * such a claim among the closed tasks (not overdue, not due soon), which
 * agrees with this: the counters' "overdue" is the quá hạn part.
 *
 * The completion rate is done / fallen due.
 */
#ifndef THEODOI_ROLLUP_H
#define THEODOI_ROLLUP_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include "model.h"
#include "timeliness.h"

struct err;
struct txn;
struct hier;
struct hist_day;

/* The group and sub-group of one task (see the header comment). */
enum rollup_bucket {
	RB_DUE_ON_TIME = 0,  /* fallen due, done on time */
	RB_DUE_LATE,         /* fallen due, done late */
	RB_DUE_EXTENDED,     /* fallen due, not done, within an extension */
	RB_DUE_OVERDUE,      /* fallen due, not done, overdue or unreported */
	RB_NOT_DUE_DONE,     /* not yet due, done ahead of time */
	RB_NOT_DUE_OPEN,     /* not yet due, not done */
	RB_NO_DATE_DONE,     /* no date, done */
	RB_NO_DATE_AWAITING, /* no date, waiting for a directive from above */
	RB_NO_DATE_REVIEW,   /* no date, the directive's expected year has passed */
	RB_NO_DATE_OTHER,    /* no date: on request, roadmap, term, none, ... */
	RB_ON_HOLD,          /* tạm dừng */
	RB_DUE_PENDING,      /* fallen due, reported done, waiting for confirmation */
	RB_NOT_DUE_PENDING,  /* not yet due, reported done, waiting for confirmation */
	RB_NO_DATE_PENDING,  /* no date, reported done, waiting for confirmation */
	RB_COUNT
};

/* Stable ASCII key ("due_overdue") and Vietnamese label ("quá hạn"). */
const char *rollup_bucket_key(enum rollup_bucket b);
const char *rollup_bucket_label(enum rollup_bucket b);

/* How the roll-up judges a task on a day. */
struct rollup_when {
	date_t today;
	int soon;                     /* "sắp đến hạn" window in days */
	const struct periods *periods; /* reporting months; NULL: December */
};

/* The bucket of one task, and (if tl is not NULL) its timeliness. */
enum rollup_bucket rollup_classify(const struct task *t, const struct rollup_when *w,
                                   struct tl_result *tl);

#define ROLLUP_WORST 10

/* An overdue task: id and days late (overdue or unreported). */
struct rollup_late {
	uint64_t task;
	uint32_t lead;
	int days;
};

struct rollup {
	uint64_t total;
	uint64_t by_status[ST_COUNT];
	uint64_t by_tl[TL_COUNT];
	uint64_t by_bucket[RB_COUNT];
	/* The groups (sums of buckets, kept for readers). */
	uint64_t due;          /* fallen due */
	uint64_t due_done;     /* of them done (on time + late) */
	uint64_t due_open;     /* of them not done (extended + overdue + pending) */
	uint64_t unreported;   /* of due_open overdue: periodic, report missing */
	uint64_t not_due;      /* not yet due (done ahead + open + pending) */
	uint64_t due_soon;     /* of not_due open: due within the window */
	uint64_t no_date;
	uint64_t done;         /* every done task, in any group (not the claims
	                          waiting for confirmation, nor a recurring task:
	                          done for its period, it owes the next) */
	uint64_t pending_confirm; /* reported done, waiting for the office to
	                             confirm (RB_*_PENDING) */
	/* The most overdue, most days late first, ties by task id. */
	size_t nworst;
	struct rollup_late worst[ROLLUP_WORST];
	/* 1 when filled from the counters alone (rollup_children with
	 * counts_only): then only total, done, due_soon and by_tl[TL_OVERDUE]
	 * (overdue or unreported) are set, and done is the closed tasks: the
	 * finished ones and the tasks on hold (the counters cannot tell them
	 * apart), so it is not the "done" of a roll-up read from the tasks. */
	int counts_only;
};

/* Add one task to r (r zeroed with memset before the first call). */
void rollup_add(struct rollup *r, const struct task *t, const struct rollup_when *w);

/* Add the counts of b to a (worst lists merged). */
void rollup_merge(struct rollup *a, const struct rollup *b);

/* What to roll up. */
struct rollup_scope {
	uint32_t unit;  /* a unit and its subtree; 0: the whole store */
	uint64_t doc;   /* one document; 0: every document */
	/* NULL: the tasks as they are now; else as they stood at the end of
	 * past->day (history.h): tasks created later are left out, the others
	 * rebuilt from their journal. */
	const struct hist_day *past;
};

/* Call fn(task, ctx) on every task of the scope, each read once and only
 * those: the tasks of the document (scope->doc), led in the subtree of
 * scope->unit (h needed then), or both; every task of the store when the
 * scope is empty.  Reads through the indexes of documents and leads, not
 * the whole store, when the scope has a document or a unit.  The task is
 * valid only during the call.  A non-zero return of fn stops the walk and
 * is returned.  With scope->past, each task is passed as it stood on that
 * day, and tasks that did not yet exist are skipped.  An opened group task
 * (task.group_open) is never passed: its obligations are counted instead,
 * on every day.  ERR_INTERNAL without
 * h for a unit, ERR_NOTFOUND for a unit not in h, or the store's error. */
int rollup_each_task(struct txn *t, const struct hier *h, const struct rollup_scope *scope,
                     int (*fn)(const struct task *task, void *ctx), void *ctx, struct err *e);

/* Roll up the tasks of the scope.  Reads only the tasks of the scope: the
 * tasks of a document, or of each unit of the subtree, or every task when
 * the scope is the whole store.  h is needed when scope->unit is set.
 * ERR_NOTFOUND for a unit not in h. */
int rollup_compute(struct txn *t, const struct hier *h, const struct rollup_scope *scope,
                   const struct rollup_when *w, struct rollup *out, struct err *e);

/* One row of a roll-up by unit. */
struct rollup_row {
	uint32_t unit;   /* the unit; 0 for tasks whose lead is unresolved */
	int own;         /* 1: the tasks the scope's unit leads itself;
	                    0: the unit with its subtree */
	struct rollup r;
};

/* Roll up the scope by child unit: a row for the scope unit's own tasks
 * (when it has any), then one per direct child with its subtree (every
 * child, even with no task), in tree order; for the whole store the roots
 * of the hierarchy, and a row for unresolved leads when there are any.
 * *total receives the whole scope.  With counts_only and no document, the
 * rows and the total come from the store's counters without reading a task
 * (see struct rollup, counts_only); the counters describe the present, so
 * for a past day (scope->past) the same counts are taken from the tasks as
 * they stood then.  *rows is malloc'd: the caller frees it. */
int rollup_children(struct txn *t, const struct hier *h, const struct rollup_scope *scope,
                    const struct rollup_when *w, int counts_only, struct rollup_row **rows,
                    size_t *n, struct rollup *total, struct err *e);

/* A percentage in Vietnamese notation, one decimal when not whole:
 * "66,7%", "100%"; "" when den is 0.  Returns buf. */
char *rollup_percent(uint64_t num, uint64_t den, char *buf, size_t len);

/* The same percentage as a plain number for CSV and JSON, a '.' before
 * the tenth: "66.7", "100"; "" when den is 0.  Returns buf. */
char *rollup_rate_number(uint64_t num, uint64_t den, char *buf, size_t len);

/* A count with Vietnamese thousands separators: "1.234.567".  Returns buf. */
char *rollup_count_str(uint64_t n, char *buf, size_t len);

/* The sentence of government reports, e.g. "Tổng số 49 nhiệm vụ; đã đến
 * hạn 20 nhiệm vụ, trong đó đã hoàn thành 12 nhiệm vụ (đúng hạn 9, quá hạn
 * 3), chưa hoàn thành 8 nhiệm vụ (trong hạn gia hạn 1, quá hạn 7); tỷ lệ
 * hoàn thành đạt 60%; chưa đến hạn 21 nhiệm vụ (đã hoàn thành trước hạn 2);
 * 7 nhiệm vụ chưa có mốc thời hạn cụ thể (chờ văn bản cấp trên 1, cần rà
 * soát 1, chưa xác định thời hạn 5); tạm dừng 1 nhiệm vụ."  The parts
 * after the rate appear only when not zero.  Claims waiting for
 * confirmation, when there are any, are said after the total ("Tổng số 49
 * nhiệm vụ, trong đó 3 nhiệm vụ báo cáo hoàn thành đang chờ xác nhận; ...")
 * and as a part "chờ xác nhận N" of each group that has some.  malloc'd: the caller frees. */
char *rollup_sentence(const struct rollup *r);

/* The figures as lines of a table, in reading order: key (ASCII, for CSV
 * and JSON), Vietnamese label, count and depth (0 a group, 1 its parts,
 * 2 their parts, ...).  The lines of claims waiting for confirmation
 * ("due_pending", "not_due_pending", "no_date_pending") are there only
 * when pending_confirm is not zero.  Fills at most max lines of out;
 * returns how many there are (at most ROLLUP_LINES). */
#define ROLLUP_LINES 22
struct rollup_line {
	const char *key;
	const char *label;
	uint64_t n;
	int depth;
};
size_t rollup_lines(const struct rollup *r, struct rollup_line *out, size_t max);

/* The roll-up as a JSON object (new reference): every line of
 * rollup_lines by key (the pending ones always), "pending_confirm", "completion_rate" (percent as a number, null when
 * nothing fell due), "by_status" and "by_timeliness" (objects keyed by
 * st_key / tl_key), "most_overdue" ([{"task", "days"}]) and "sentence". */
json_t *rollup_to_json(const struct rollup *r);

#endif
