/* report-internal.h — what the report's renderers share (report-render.c,
 * report-data.c).  Not part of the public interface. */
#ifndef THEODOI_REPORT_INTERNAL_H
#define THEODOI_REPORT_INTERNAL_H

#include "report.h"

struct sbuf;

/* report_render for RF_CSV and RF_JSON: appended to b. */
void report_render_csv(const struct report *r, struct sbuf *b);
void report_render_json(const struct report *r, struct sbuf *b);

#endif
