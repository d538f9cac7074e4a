/* report-internal.h — what the report's renderers share (report-render.c,
 * report-data.c).  Not part of the public interface. */
#ifndef THEODOI_REPORT_INTERNAL_H
#define THEODOI_REPORT_INTERNAL_H

#include <stdio.h>

#include "report.h"

struct sbuf;

/* report_render for RF_CSV and RF_JSON: appended to b. */
void report_render_csv(const struct report *r, struct sbuf *b);
void report_render_json(const struct report *r, struct sbuf *b);
/* report_render_csv written to f in pieces of a bounded size (the whole
 * CSV is never held).  0, or -1 when a write failed. */
int report_write_csv(const struct report *r, FILE *f);
/* report_render_json likewise, written to f piece by piece. */
int report_write_json(const struct report *r, FILE *f);

#endif
