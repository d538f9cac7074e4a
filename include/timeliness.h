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
const char *tl_symbol(enum timeliness t);  /* one ASCII-safe symbol: "!" "~" ... */
int tl_parse(const char *s);               /* key or label; -1 if unknown */

/* Reporting periods: the months (1..12) whose last day is a report date.
 * Default: December only. */
struct periods {
	unsigned short months; /* bit m-1 set: month m is a reporting month */
};

/* First report date on or after day t. */
date_t per_report_on_or_after(const struct periods *p, date_t t);

/* The date a task falls due now, as the store indexes it:
 * - an extension (extended_to != DATE_NONE) wins;
 * - one-off kinds: dl_due();
 * - periodic kinds (ongoing, from, annual): the report date of the period
 *   after the one the last update fell in, or, with no update since
 *   `since`, the first report date on or after `since` (the task's start);
 *   an annual task with a month reports at the end of that month;
 * - every other kind: DATE_NONE. */
date_t tl_effective_due(const struct deadline *dl, date_t extended_to,
                        date_t since, date_t last_update, const struct periods *p);

struct tl_input {
	enum task_status status;
	const struct deadline *dl;
	date_t due;       /* tl_effective_due() */
	date_t done_date; /* day the task was reported done, for ST_DONE */
};

struct tl_result {
	enum timeliness tl;
	int days; /* TL_OVERDUE/TL_UNREPORTED/TL_DONE_LATE: days late;
	             TL_ON_TRACK/TL_DUE_SOON: days left; else 0 */
};

/* Timeliness of a task on `today` with a "due soon" window of `soon` days. */
struct tl_result tl_compute(const struct tl_input *in, date_t today, int soon);

/* Human text: "quá hạn 12 ngày", "còn 5 ngày", "hoàn thành đúng hạn". */
char *tl_describe(struct tl_result r, char *buf, size_t len);

#endif
