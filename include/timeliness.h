/* timeliness.h — task status, reporting periods and derived timeliness.
 *
 * Status is what staff set; timeliness is derived from the status, the
 * dates and the deadline (shared/domain.md, "Status and timeliness").
 * The due date is inclusive: done on the due date is on time.
 */
#ifndef THEODOI_TIMELINESS_H
#define THEODOI_TIMELINESS_H

#include "date.h"
#include "deadline.h"

/* Stored (task.status, update.status_before/after): values are only ever
 * appended, never renumbered or reused. */
enum task_status {
	ST_NOT_STARTED = 0, /* chưa thực hiện */
	ST_IN_PROGRESS,     /* đang thực hiện */
	ST_DONE,            /* hoàn thành */
	ST_ON_HOLD,         /* tạm dừng */
	ST_COUNT
};

enum timeliness {
	TL_DONE_ON_TIME = 0, /* hoàn thành đúng hạn */
	TL_DONE_LATE,        /* hoàn thành quá hạn */
	TL_ON_TRACK,         /* trong hạn */
	TL_DUE_SOON,         /* sắp đến hạn */
	TL_OVERDUE,          /* quá hạn N ngày */
	TL_UNREPORTED,       /* chưa báo cáo (periodic task, period's report missing) */
	TL_AWAITING,         /* chờ văn bản cấp trên */
	TL_REVIEW,           /* cần rà soát (the directive's expected year has passed) */
	TL_UNDATED,          /* no date to judge by (term, on request, roadmap, none) */
	TL_ON_HOLD,          /* tạm dừng */
	TL_COUNT
};

/* Vietnamese label ("đang thực hiện") and stable ASCII key ("in_progress"). */
const char *st_label(enum task_status s);
const char *st_key(enum task_status s);
/* Parse a status given by a user: the key, the Vietnamese label with or
 * without diacritics, any case ("hoan thanh", "done").  -1 if unknown. */
int st_parse(const char *s);
/* Open = still to be done and judged by its date: not started or in progress. */
int st_is_open(enum task_status s);

const char *tl_label(enum timeliness t);   /* "quá hạn" */
const char *tl_key(enum timeliness t);     /* "overdue" */
/* One ASCII character per timeliness, for a narrow list column:
 *   "+" done on time     "*" done late        " " on track
 *   "~" due soon         "!" overdue          "#" unreported
 *   "^" awaiting (waits for a document from above)
 *   "?" review           "-" undated          "=" on hold
 * Out-of-range values give " ".  Labels and keys of out-of-range values
 * (st_label, st_key, tl_label, tl_key) are "". */
const char *tl_symbol(enum timeliness t);
/* The one meaning of "quá hạn" for counting and filtering: an open task
 * past its due date, a periodic one whose report is missing (chưa báo
 * cáo) included — what the store's overdue counters and `theodoi
 * overdue` count (open, due before today).  1 for TL_OVERDUE and
 * TL_UNREPORTED, else 0. */
int tl_is_overdue(enum timeliness t);
/* Key or label, with or without diacritics, any case, '_' or '-' or space
 * between words ("sap den han", "due-soon"); -1 if unknown. */
int tl_parse(const char *s);

/* Reporting periods: the months (1..12) whose last day is a report date
 * of "thường xuyên" duties ([tracking] report_months).  Default: December
 * only.  The period engine (period.h) reads them. */
struct periods {
	unsigned short months; /* bit m-1 set: month m is a reporting month */
};

struct tl_input {
	enum task_status status;
	const struct deadline *dl;
	date_t due;       /* per_due() (period.h): task.due */
	date_t done_date; /* day the task was reported done, for ST_DONE */
	const struct periods *periods; /* reporting months (NULL: December) */
};

struct tl_result {
	enum timeliness tl;
	int days; /* TL_OVERDUE/TL_UNREPORTED/TL_DONE_LATE: days late;
	             TL_ON_TRACK/TL_DUE_SOON: days left; else 0 */
};

/* Timeliness of a task on `today` with a "due soon" window of `soon` days
 * (negative is taken as 0).  The due date is inclusive:
 * - ST_ON_HOLD: TL_ON_HOLD;
 * - ST_DONE on a recurring deadline (per_recurring): done for its
 *   period: TL_DONE_ON_TIME while the period holding today is settled
 *   (due is a later report date), else judged as open below;
 * - ST_DONE otherwise: TL_DONE_ON_TIME when done_date <= due (or either is
 *   DATE_NONE), else TL_DONE_LATE with days = done_date - due;
 * - open, no due: TL_AWAITING for an after_directive deadline (or a
 *   multi-level one with no date and such a part) while today is on or
 *   before the end of its expected year (or no year is known), TL_REVIEW
 *   after; TL_UNDATED for everything else;
 * - open, today > due: TL_UNREPORTED for recurring deadlines, TL_OVERDUE
 *   otherwise, days = today - due;
 * - open, due - today <= soon: TL_DUE_SOON, else TL_ON_TRACK, with
 *   days = due - today (0: due today).
 * in->dl may be NULL (a task with no deadline). */
struct tl_result tl_compute(const struct tl_input *in, date_t today, int soon);

/* Human text: "quá hạn 12 ngày", "còn 5 ngày", "đến hạn hôm nay",
 * "chưa báo cáo, trễ 3 ngày", "hoàn thành quá hạn 2 ngày", or the label,
 * into buf (cut on a character boundary to len).  Returns buf. */
char *tl_describe(struct tl_result r, char *buf, size_t len);

#endif
