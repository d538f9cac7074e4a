/* report-internal.h — what the report's renderers share (report-render.c,
 * report-data.c, report-doc.c, report-html.c).  Not part of the public
 * interface. */
#ifndef THEODOI_REPORT_INTERNAL_H
#define THEODOI_REPORT_INTERNAL_H

#include <stdio.h>

#include "report.h"

struct sbuf;

/* The tasks of a report tallied by lead unit (report-doc.c), for the
 * tables of the document and the bars of the page. */
struct report_unit_tally {
	const char *name; /* the lead unit's name ("Chưa xác định đơn vị chủ
	                     trì" when none); points into the report */
	uint64_t total;
	uint64_t done;    /* done (on time, late, before due or without a date) */
	uint64_t pending; /* reported done, waiting for confirmation */
	uint64_t overdue;
	uint64_t soon;    /* due soon */
};

/* A tally per lead unit of r's tasks, in the order the units first appear
 * among them: a malloc'd array of *n (the caller frees it), NULL when r
 * has no task. */
struct report_unit_tally *report_unit_tallies(const struct report *r, size_t *n);

/* report_render for RF_CSV and RF_JSON: appended to b. */
void report_render_csv(const struct report *r, struct sbuf *b);
void report_render_json(const struct report *r, struct sbuf *b);
/* report_render_csv written to f in pieces of a bounded size (the whole
 * CSV is never held).  0, or -1 when a write failed. */
int report_write_csv(const struct report *r, FILE *f);
/* report_render_json likewise, written to f piece by piece. */
int report_write_json(const struct report *r, FILE *f);

#endif
