/* report-doc.h — the report (report.h) and the letters urging units
 * (remind.h) as documents the office sends (docout.h): the header of a
 * Party document, the body with headings, numbered items and tables, the
 * signature and "Nơi nhận". */
#ifndef THEODOI_REPORT_DOC_H
#define THEODOI_REPORT_DOC_H

#include <jansson.h>

#include "docout.h"
#include "remind.h"
#include "report.h"

struct hier;

/* The "Báo cáo kết quả thực hiện" of r from `s`, dated `day` (the day it
 * is written; the figures are those of r->today, which the text states):
 *   I.  the situation of implementation: the documents implemented, with
 *       their figures, and the committees that have not issued the plan a
 *       document asked for;
 *   II. the results: the figures of the scope (the sentence of government
 *       reports and a table of rollup_lines), a table per document and
 *       one per lead unit, the indicators with their judgement, and per
 *       document the tasks, numbered, with their state and the notes of
 *       the period;
 *   III. the late items: a table of the overdue tasks, most late first;
 *   IV. the assessment (kết quả, hạn chế), V. the direction, VI. the
 *       proposals: the texts[RT_*] the clerk wrote (report-text.h), or in
 *       a draft a line saying how to write a missing one.
 * "Nơi nhận": s->recipients when units.ini lists them, else the committee
 * above s (để báo cáo) when h has one; then the office's copy.  New reference (docout_write writes it). */
json_t *report_document(const struct report *r, const struct hier *h, uint32_t from,
                        const struct docout_sender *s, date_t day, int draft,
                        char *const texts[4]);

/* The report as one self-contained HTML page (src/report-html.c): no
 * external file, the header of the document, the figures of summary, a
 * bar per lead unit, the late items and the clerk's texts (texts[RT_*],
 * NULL where none); readable on a phone, with a print stylesheet (A4).
 * Appended to b.  Always a draft: issued reports are documents. */
struct sbuf;
void report_html(const struct report *r, const struct hier *h, uint32_t from,
                 const struct docout_sender *s, date_t day, char *const texts[4], struct sbuf *b);

/* The letter (công văn đôn đốc) to l's unit from `s`, dated today: "Kính
 * gửi", the items overdue and due within `days` days in a table (the
 * document and section, the task, the deadline as written, how late),
 * and what is asked by when (reply_by); "Nơi nhận": "Như trên" and the
 * office's copy.  New
 * reference. */
json_t *remind_document(const struct remind_letter *l, const struct docout_sender *s,
                        date_t today, int days, date_t reply_by, int draft);

/* "Kết quả thực hiện đề nghị báo cáo về <office> trước ngày dd/mm/yyyy.":
 * what a letter asks, by when.  Appended to b. */
void remind_reply_line(struct sbuf *b, const char *office, date_t reply_by);

#endif
