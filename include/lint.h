/* lint.h — "rõ việc, rõ người, rõ tiến độ": the tasks a plan leaves
 * unclear (shared/domain.md), each found with its document and section.
 *
 * The rules:
 *   no_lead            the task names no lead unit at all (không có đơn vị
 *                      chủ trì); every task, whatever its status;
 *   unresolved_lead    a lead is written but matches no unit (chưa xác định
 *                      được đơn vị chủ trì); every task; the detail says
 *                      when the lead is a group of bodies with no single
 *                      lead (imp_lead_is_group);
 *   no_deadline        no deadline of any kind, stated or inherited, and no
 *                      extension (không có thời hạn); every task;
 *   directive_overdue  an open task waiting for a document from above whose
 *                      expected year has passed (chờ văn bản quá năm dự
 *                      kiến: timeliness "cần rà soát");
 *   no_report          a recurring task (thường xuyên, hằng năm, từ năm
 *                      ...), not on hold, that owes a report whose date has
 *                      passed: the period engine (period.h) finds a period
 *                      not settled before today; exactly the tasks
 *                      `overdue` lists as "chưa báo cáo".
 * "Open" is chưa thực hiện or đang thực hiện.
 */
#ifndef THEODOI_LINT_H
#define THEODOI_LINT_H

#include <stddef.h>
#include <stdint.h>
#include "model.h"

struct err;
struct txn;
struct hier;
struct hist_day;

enum lint_rule {
	LINT_NO_LEAD = 0,
	LINT_UNRESOLVED_LEAD,
	LINT_NO_DEADLINE,
	LINT_DIRECTIVE_OVERDUE,
	LINT_NO_REPORT,
	LINT_COUNT
};

#define LINT_ALL ((1u << LINT_COUNT) - 1)

const char *lint_rule_key(enum lint_rule r);   /* "no_lead", ... */
const char *lint_rule_label(enum lint_rule r); /* "không có đơn vị chủ trì", ... */
/* A rule by key or label (diacritics and case ignored); -1 if unknown. */
int lint_rule_parse(const char *s);

/* The rules that one task breaks on `today`, as a bit mask (1u << rule).
 * p: reporting months (NULL: December).  For a marker beside a task. */
unsigned lint_task(const struct task *t, date_t today, const struct periods *p);

/* What is wrong, in Vietnamese, for a task that breaks rule r, e.g. "chưa
 * báo cáo năm 2025 (hạn báo cáo 31/12/2025, trễ 2 ngày); lần cập nhật gần
 * nhất 15/03/2025".
 * Into buf; returns buf. */
char *lint_detail(const struct task *t, enum lint_rule r, date_t today, const struct periods *p,
                  char *buf, size_t len);

/* One finding. */
struct lint_item {
	enum lint_rule rule;
	uint64_t task;
	uint64_t doc;
	char section[SECTION_LEN];
	uint32_t lead;
	char detail[256];
};

struct lint_opts {
	uint64_t doc;      /* one document; 0: all */
	uint32_t unit;     /* tasks led in this unit's subtree; 0: all (needs h) */
	unsigned rules;    /* mask of rules to check; 0: all */
	date_t today;
	const struct periods *periods;
	/* NULL, or the past day `today` is: the tasks as they stood then
	 * (history.h) */
	const struct hist_day *past;
};

/* Check the tasks of the scope; findings in document, then task order
 * (document id, task id), a task's rules in rule order.  With a unit, the
 * tasks with no resolved lead are out of scope.  A group task opened to
 * its units (ops-group.h) is no unresolved lead: each obligation has one.  *items is malloc'd (the
 * caller frees it); *n receives the count. */
int lint_run(struct txn *t, const struct hier *h, const struct lint_opts *o,
             struct lint_item **items, size_t *n, struct err *e);

#endif
