/* report.h — the "Báo cáo kết quả thực hiện" a clerk would otherwise
 * assemble by hand: built as data from the store (report_build), then
 * rendered as Markdown, plain text (80 columns, Vietnamese wrapped by
 * display width), CSV (one row per task) or JSON (report_render).
 *
 * What it holds, for a scope (a unit's subtree and/or one document) and a
 * period (a year or a quarter):
 *   - the documents implemented: those with tasks in the scope (and the
 *     document asked for), oldest first, each with its roll-up;
 *   - per document, per section and lead unit, the tasks with status,
 *     timeliness and the notes of the updates made within the period;
 *   - the indicators of those documents (led in the subtree), judged as
 *     of today, or of the period's last day when the period is over (only
 *     the values measured by then count; a yearly indicator is judged for
 *     that day's year);
 *   - the late and missing items: overdue tasks, most late first (periodic
 *     ones whose report is missing among them), and the subordinate
 *     committees that have not issued the implementing plan a document
 *     asked for by a date (plan_due);
 *   - the closing figures: the roll-up of the scope (rollup.h), its
 *     sentence, and what happened in the period (tasks done, updates).
 * Status and timeliness are as of `today` (the figures are "tính đến
 * ngày"); the period chooses the notes and the in-period figures.  The
 * caller makes `today` the end of a past period (report --period 2025
 * answers for 31/12/2025) and, for a day before the present, passes it as
 * `past`: every task is then taken as it stood that day (history.h), tasks
 * created later are left out, and only updates recorded on or before it
 * give notes, so that later work never changes the report of that day.
 */
#ifndef THEODOI_REPORT_H
#define THEODOI_REPORT_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include "cascade.h"
#include "indicator.h"
#include "model.h"
#include "rollup.h"
#include "util.h"

struct err;
struct txn;
struct hier;
struct report_chunk;
struct report_index;

/* ---- periods ---- */

struct report_period {
	int year;
	int quarter;       /* 1..4, or 0 for the whole year */
	int half;          /* 1 (sáu tháng đầu năm) or 2 (cuối năm), or 0 */
	int last_year;     /* a multi-year period (sơ kết, tổng kết 2023-2025):
	                      its last year (year is the first), else 0 */
	date_t from, to;   /* inclusive */
};

/* "2026", "2026-Q3" (also "2026-q3", "Q3/2026", "III/2026"), a half
 * year "2026-H1" / "2026-H2", or several whole years "2023-2025" (a sơ
 * kết or tổng kết: up to 50 years).  ERR_USAGE with a message naming s
 * otherwise. */
int report_period_parse(const char *s, struct report_period *out, struct err *e);
/* The whole year y. */
void report_period_year(int y, struct report_period *out);
/* "năm 2026", "quý III năm 2026", "sáu tháng đầu năm 2026", "sáu tháng
 * cuối năm 2026", "giai đoạn 2023 - 2025" into buf; returns buf. */
char *report_period_label(const struct report_period *p, char *buf, size_t len);
/* The period as the command line writes it, one key per period: "2026",
 * "2026-Q3", "2026-H1", "2023-2025".  Into buf; returns buf. */
char *report_period_key(const struct report_period *p, char *buf, size_t len);

/* "Chương trình hành động" for "CTr", "Kế hoạch" for "KH", ...; "Văn bản"
 * for a kind it does not know. */
const char *report_kind_label(const char *kind);

/* ---- the report as data ---- */

struct report_note {
	date_t day;
	char *text;
};

struct report_task {
	uint64_t id;
	uint64_t doc;
	char section[SECTION_LEN];
	uint32_t lead;               /* 0 when unresolved */
	char lead_code[CODE_LEN];    /* "" when unresolved */
	char *lead_name;             /* the unit's name, or the lead as written, or "" */
	char *text;
	char *dl_phrase;             /* as written, or NULL */
	date_t due;                  /* effective due, or DATE_NONE */
	date_t extended_to;
	date_t original_due;         /* due before any extension, when extended
	                                (ops_late_original), else DATE_NONE */
	int days_late_original;      /* days late against it, 0 if not late */
	int periodic;                /* a periodic deadline: due is a report date */
	uint8_t status, progress;
	struct tl_result tl;
	enum rollup_bucket bucket;
	int done_in_period;
	size_t nnotes;
	struct report_note *notes;   /* notes of the period's updates, oldest first */
};

struct report_doc {
	uint64_t id;
	char kind[DOCKIND_LEN];
	char number[DOCNUM_LEN];
	date_t date;
	char *title;
	uint32_t issuer;
	char *issuer_name;           /* the unit's name, or as written, or "" */
	int nimplements;
	char (*implements)[DOCNUM_LEN];
	struct rollup r;             /* its tasks in the scope */
	size_t first, ntasks;        /* its tasks: tasks[first .. first + ntasks) */
};

struct report_indicator {
	struct indicator ind;
	char doc_number[DOCNUM_LEN];
	char *lead_name;             /* or "" */
	struct ind_assessment a;
};

struct report_missing {
	uint64_t doc;                /* the document that asked for a plan */
	char number[DOCNUM_LEN];
	uint32_t unit;               /* the committee that has not issued it */
	char *unit_name;
	date_t due;                  /* plan_due */
	int days;                    /* days past due (CS_OVERDUE), else 0 */
	enum cascade_state state;    /* CS_MISSING or CS_OVERDUE */
};

struct report {
	uint32_t unit;               /* scope: 0 = every unit */
	char *unit_name;             /* the scope unit's name, or NULL */
	uint64_t doc;                /* scope: 0 = every document */
	struct report_period period;
	date_t today;
	struct report_doc *docs;
	size_t ndocs;
	struct report_task *tasks;   /* by document (docs order), then task id */
	size_t ntasks;
	struct report_indicator *inds;
	size_t ninds;
	struct report_missing *missing;
	size_t nmissing;
	size_t *late;                /* indexes into tasks of the overdue, most late first */
	size_t nlate;
	struct rollup total;
	uint64_t done_in_period;     /* tasks reported done within the period */
	uint64_t updates_in_period;  /* updates recorded within the period */
	struct report_chunk *strings; /* where the tasks' texts, names, phrases
	                                and notes are kept (released by
	                                report_free, never one by one) */
	struct report_index *index;  /* the documents by id (report_doc_number) */
};

struct report_opts {
	uint32_t unit;               /* 0: every unit */
	uint64_t doc;                /* 0: every document */
	struct report_period period;
	date_t today;
	int soon;                    /* "sắp đến hạn" window */
	const struct periods *periods;
	const struct hist_day *past; /* NULL, or the past day `today` is */
};

/* Build the report.  Reads the tasks of the scope only (as rollup.h does),
 * their updates, the indicators and every document's header (for the
 * cascade).  h is required.  ERR_NOTFOUND for an unknown unit or
 * document.  The caller frees with report_free(). */
int report_build(struct txn *t, const struct hier *h, const struct report_opts *o,
                 struct report *out, struct err *e);
void report_free(struct report *r);

/* ---- rendering (src/report-render.c) ---- */

enum report_format { RF_MD = 0, RF_TXT, RF_CSV, RF_JSON };
/* "md", "txt", "csv", "json" (also "markdown", "text"); -1 if unknown. */
int report_format_parse(const char *s);

/* Append the report in format f to out (zero-initialised or in use).
 * Markdown and text are in Vietnamese; CSV has one row per task (RFC 4180,
 * CRLF, a header row of ASCII keys); JSON is one object.  Control
 * characters in stored texts are neutralised.  Returns 0, or ERR_INPUT for
 * an unknown format. */
int report_render(const struct report *r, enum report_format f, struct sbuf *out,
                  struct err *e);
/* report_render written to out as it is made: CSV and JSON in pieces of a
 * bounded size, so that a report of a million tasks is never held whole as
 * text (nor, for JSON, as objects); Markdown and text at once.  Returns 0, ERR_INPUT for an unknown
 * format, or ERR_IO when writing to out fails. */
int report_render_file(const struct report *r, enum report_format f, FILE *out,
                       struct err *e);

/* Append text (sanitised: controls and escapes removed, newlines kept as
 * paragraph breaks) word-wrapped to `width` display columns, the first
 * line after `first`, the others after `rest` (both counted in the width),
 * each line ending in "\n".  For plain-text documents (also remind.h). */
void report_wrap(struct sbuf *out, const char *text, int width, const char *first,
                 const char *rest);

/* Phrases of the report, appended to b (also for the documents of
 * report-doc.c):
 *   report_doc_name       "Chương trình hành động số 15-CTr/TU ngày
 *                         10/08/2025" (+ " của Tỉnh ủy Sơn Hà" with_issuer)
 *   report_task_state     "đang thực hiện (30%), quá hạn 146 ngày; đã gia
 *                         hạn đến 31/12/2026"
 *   report_task_deadline  the deadline as written, and its date
 *   report_ind_goal       "tối thiểu 80%, phấn đấu 90% đến năm 2027"
 *   report_ind_result     "85,5% (30/09/2026)" or "chưa có số liệu"
 *   report_heading_title  "Kết quả thực hiện ... năm 2026"
 *   report_scope_line     the unit, the period and the day of the figures
 *   report_period_line    what was done and updated within the period
 *   report_missing_text   "<unit>: chưa ban hành kế hoạch thực hiện ..."
 *   report_doc_ref        the document of a row: "#2 42-KH/ThU", "#5 (không
 *                         số)", or "ngoài văn bản" for id 0 */
void report_doc_name(struct sbuf *b, const struct report_doc *d, int with_issuer);
void report_doc_ref(struct sbuf *b, uint64_t id, const char *number);

/* The number of the report's document with id `id`: "" when it has none
 * or is not among r->docs.  Owned by r. */
const char *report_doc_number(const struct report *r, uint64_t id);
void report_task_state(struct sbuf *b, const struct report_task *k);
void report_task_deadline(struct sbuf *b, const struct report_task *k);
void report_ind_goal(struct sbuf *b, const struct report_indicator *ri);
void report_ind_result(struct sbuf *b, const struct report_indicator *ri);
void report_heading_title(struct sbuf *b, const struct report *r);
void report_scope_line(struct sbuf *b, const struct report *r);
void report_period_line(struct sbuf *b, const struct report *r);
void report_missing_text(struct sbuf *b, const struct report_missing *m);

/* "ngày 23 tháng 11 năm 2026" into buf; returns buf. */
char *report_date_words(date_t d, char *buf, size_t len);

#endif
