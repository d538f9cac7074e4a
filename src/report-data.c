/* report-data.c — the report of results as data: CSV, one row per task,
 * and JSON, one object (report_render). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "output.h"
#include "report.h"
#include "report-internal.h"
#include "util.h"

/* ---- CSV -------------------------------------------------------------------- */

/* One record; numeric[i] marks the numeric columns (output.h). */
static void csv_row(struct sbuf *b, const char *const *cells, const int *numeric, int n)
{
	for (int i = 0; i < n; i++) {
		if (i)
			sbuf_putc(b, ',');
		out_csv_cell(b, cells[i], numeric ? numeric[i] : 0);
	}
	sbuf_puts(b, "\r\n");
}

/* The CSV into b; when f is not NULL, b is written to f and emptied
 * whenever it passes CSV_CHUNK bytes, so that it stays bounded.  Returns 0,
 * or -1 when writing to f failed. */
#define CSV_CHUNK (64 * 1024)
static int csv_render(const struct report *r, struct sbuf *b, FILE *f)
{
	int failed = 0;
	static const char *const head[] = {
		"doc_number", "section", "task_id", "lead_code", "lead_name", "text", "deadline_phrase",
		"due", "extended_to", "status", "progress", "timeliness", "days", "bucket", "notes",
		"original_due", "days_late_original", "doc_id"};
	/* task_id, progress, days, days_late_original and doc_id are numbers */
	static const int numeric[] = {0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 1};
	const int n = (int)(sizeof head / sizeof head[0]);
	csv_row(b, head, NULL, n);
	struct sbuf notes = {0};
	for (size_t d = 0; d < r->ndocs; d++) {
		const struct report_doc *doc = &r->docs[d];
		for (size_t i = doc->first; i < doc->first + doc->ntasks; i++) {
			const struct report_task *k = &r->tasks[i];
			char id[24], due[11], ext[11], prog[8], days[16], day[11], orig[11], late[16] = "",
			     did[24] = "";
			snprintf(id, sizeof id, "%llu", (unsigned long long)k->id);
			if (doc->id)
				snprintf(did, sizeof did, "%llu", (unsigned long long)doc->id);
			snprintf(prog, sizeof prog, "%u", (unsigned)k->progress);
			snprintf(days, sizeof days, "%d", k->tl.days);
			sbuf_reset(&notes);
			for (size_t j = 0; j < k->nnotes; j++)
				sbuf_printf(&notes, "%s%s: %s", j ? "\n" : "", date_iso(k->notes[j].day, day),
				            k->notes[j].text);
			const char *cells[] = {doc->number, k->section, id, k->lead_code, k->lead_name, k->text,
			                       k->dl_phrase, date_iso(k->due, due), date_iso(k->extended_to, ext),
			                       st_key((enum task_status)k->status), prog, tl_key(k->tl.tl), days,
			                       rollup_bucket_key(k->bucket), notes.s,
			                       date_iso(k->original_due, orig), late, did};
			if (k->original_due != DATE_NONE)
				snprintf(late, sizeof late, "%d", k->days_late_original);
			csv_row(b, cells, numeric, n);
			if (f && b->len >= CSV_CHUNK) {
				failed |= fwrite(b->s, 1, b->len, f) != b->len;
				sbuf_reset(b);
			}
		}
	}
	sbuf_free(&notes);
	return failed ? -1 : 0;
}

void report_render_csv(const struct report *r, struct sbuf *b)
{
	csv_render(r, b, NULL);
}

int report_write_csv(const struct report *r, FILE *f)
{
	struct sbuf b = {0};
	int rc = csv_render(r, &b, f);
	if (!rc && b.len && fwrite(b.s, 1, b.len, f) != b.len)
		rc = -1;
	sbuf_free(&b);
	return rc;
}

/* ---- JSON -------------------------------------------------------------------- */

static json_t *jdate(date_t d)
{
	char buf[11];
	return d == DATE_NONE ? json_null() : json_string(date_iso(d, buf));
}

static json_t *jstr(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

static json_t *task_json(const struct report_task *k, const char *doc_number)
{
	char tl[96];
	json_t *notes = json_array();
	for (size_t j = 0; j < k->nnotes; j++)
		json_array_append_new(notes, json_pack("{s:o, s:s}", "day", jdate(k->notes[j].day), "note",
		                                       k->notes[j].text));
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer((json_int_t)k->id));
	json_object_set_new(o, "doc_id", k->doc ? json_integer((json_int_t)k->doc) : json_null());
	json_object_set_new(o, "doc_number", jstr(doc_number));
	json_object_set_new(o, "section", json_string(k->section));
	json_object_set_new(o, "lead_code", jstr(k->lead_code));
	json_object_set_new(o, "lead_name", jstr(k->lead_name));
	json_object_set_new(o, "text", json_string(k->text));
	json_object_set_new(o, "deadline_phrase", jstr(k->dl_phrase));
	json_object_set_new(o, "due", jdate(k->due));
	json_object_set_new(o, "extended_to", jdate(k->extended_to));
	json_object_set_new(o, "original_due", jdate(k->original_due));
	json_object_set_new(o, "days_late_original",
	                    k->original_due != DATE_NONE ? json_integer(k->days_late_original) : json_null());
	json_object_set_new(o, "status", json_string(st_key((enum task_status)k->status)));
	json_object_set_new(o, "progress", json_integer(k->progress));
	json_object_set_new(o, "timeliness", json_string(tl_key(k->tl.tl)));
	json_object_set_new(o, "timeliness_label", json_string(tl_describe(k->tl, tl, sizeof tl)));
	json_object_set_new(o, "days", json_integer(k->tl.days));
	json_object_set_new(o, "bucket", json_string(rollup_bucket_key(k->bucket)));
	json_object_set_new(o, "done_in_period", json_boolean(k->done_in_period));
	json_object_set_new(o, "notes", notes);
	return o;
}

/* A document as JSON, but for its "tasks" (streamed after these members:
 * jw_doc). */
static json_t *doc_json(const struct report_doc *d)
{
	json_t *impl = json_array();
	for (int k = 0; k < d->nimplements; k++)
		json_array_append_new(impl, json_string(d->implements[k]));
	json_t *o = json_object();
	json_object_set_new(o, "id", d->id ? json_integer((json_int_t)d->id) : json_null());
	json_object_set_new(o, "kind", jstr(d->kind));
	json_object_set_new(o, "number", jstr(d->number));
	json_object_set_new(o, "date", jdate(d->date));
	json_object_set_new(o, "title", jstr(d->title));
	json_object_set_new(o, "issuer", jstr(d->issuer_name));
	json_object_set_new(o, "implements", impl);
	json_object_set_new(o, "summary", rollup_to_json(&d->r));
	return o;
}

static json_t *ind_json(const struct report_indicator *ri)
{
	json_t *o = json_object();
	const struct indicator *i = &ri->ind;
	json_object_set_new(o, "id", json_integer((json_int_t)i->id));
	json_object_set_new(o, "doc_id", i->doc_id ? json_integer((json_int_t)i->doc_id) : json_null());
	json_object_set_new(o, "doc_number", jstr(ri->doc_number));
	json_object_set_new(o, "section", json_string(i->section));
	json_object_set_new(o, "text", jstr(i->text));
	json_object_set_new(o, "lead", jstr(ri->lead_name));
	json_object_set_new(o, "year", i->year ? json_integer(i->year) : json_null());
	json_object_set_new(o, "min", isnan(i->min) ? json_null() : json_real(i->min));
	json_object_set_new(o, "target", isnan(i->target) ? json_null() : json_real(i->target));
	json_object_set_new(o, "unit", json_string(i->unit_of));
	json_object_set_new(o, "value", ri->a.has_value ? json_real(ri->a.value) : json_null());
	json_object_set_new(o, "value_date", jdate(ri->a.has_value ? ri->a.value_date : DATE_NONE));
	json_object_set_new(o, "yearly", json_boolean(ri->a.year != 0));
	json_object_set_new(o, "judged_year", ri->a.year ? json_integer(ri->a.year) : json_null());
	json_object_set_new(o, "state", json_string(ind_state_key(ri->a.state)));
	json_object_set_new(o, "state_label", json_string(ind_state_label(ri->a.state)));
	return o;
}

/* The JSON is written as jansson would write the whole object (indented by
 * two, keys in order), but piece by piece: every value is built and dumped
 * alone, re-indented to its depth, and the pieces go to f (when not NULL)
 * whenever they pass JSON_CHUNK bytes, so that the tasks and the late list
 * are never held whole, as objects or as text. */
#define JSON_CHUNK (64 * 1024)
struct jw {
	struct sbuf *b;
	FILE *f;         /* NULL: everything stays in b */
	int failed;
	int first;       /* no member or item yet in the innermost open value */
};

static void jw_flush(struct jw *w, size_t at_least)
{
	if (w->f && w->b->len >= at_least) {
		w->failed |= fwrite(w->b->s, 1, w->b->len, w->f) != w->b->len;
		sbuf_reset(w->b);
	}
}

static void jw_indent(struct jw *w, int depth)
{
	sbuf_putc(w->b, '\n');
	for (int i = 0; i < depth; i++)
		sbuf_add(w->b, "  ", 2);
}

/* v (a new reference, taken) at `depth`. */
static void jw_value(struct jw *w, json_t *v, int depth)
{
	char *s = out_json_dumps(v, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10) |
	                                JSON_ENCODE_ANY);
	json_decref(v);
	for (const char *p = s ? s : "null"; *p;) {
		size_t run = strcspn(p, "\n");
		sbuf_add(w->b, p, run);
		p += run;
		if (*p) {
			jw_indent(w, depth);
			p++;
		}
	}
	free(s);
	jw_flush(w, JSON_CHUNK);
}

/* The separator before the next member or item of a value open at
 * `depth`, then the key when there is one. */
static void jw_next(struct jw *w, int depth, const char *key)
{
	if (!w->first)
		sbuf_putc(w->b, ',');
	w->first = 0;
	jw_indent(w, depth + 1);
	if (key)
		sbuf_printf(w->b, "\"%s\": ", key);
}

static void jw_member(struct jw *w, int depth, const char *key, json_t *v)
{
	jw_next(w, depth, key);
	jw_value(w, v, depth + 1);
}

/* Close the value open at `depth` with c (']' or '}'); was_empty: it had
 * no member (jansson writes "[]" and "{}"). */
static void jw_close(struct jw *w, int depth, char c, int was_empty)
{
	if (!was_empty)
		jw_indent(w, depth);
	sbuf_putc(w->b, c);
	w->first = 0;
}

static json_t *late_json(const struct report *r, const struct report_task *k)
{
	return json_pack("{s:I, s:o, s:o, s:s, s:i, s:s}", "task", (json_int_t)k->id, "doc_id",
	                 k->doc ? json_integer((json_int_t)k->doc) : json_null(), "doc_number",
	                 jstr(report_doc_number(r, k->doc)), "lead", k->lead_name, "days", k->tl.days,
	                 "timeliness", tl_key(k->tl.tl));
}

/* One document at depth 2, its tasks streamed (the members of doc_json). */
static void jw_doc(struct jw *w, const struct report *r, const struct report_doc *d)
{
	json_t *o = doc_json(d);
	const char *key;
	json_t *v;
	sbuf_putc(w->b, '{');
	w->first = 1;
	json_object_foreach(o, key, v)
		jw_member(w, 2, key, json_incref(v));
	json_decref(o);
	jw_next(w, 2, "tasks");
	sbuf_putc(w->b, '[');
	w->first = 1;
	for (size_t i = d->first; i < d->first + d->ntasks; i++) {
		jw_next(w, 3, NULL);
		jw_value(w, task_json(&r->tasks[i], d->number), 4);
	}
	jw_close(w, 3, ']', !d->ntasks);
	jw_close(w, 2, '}', 0);
}

static int json_render(const struct report *r, struct sbuf *b, FILE *f)
{
	char per[48];
	struct jw w = {b, f, 0, 1};
	sbuf_putc(b, '{');
	jw_member(&w, 0, "unit", jstr(r->unit_name));
	jw_member(&w, 0, "doc", r->doc ? json_integer((json_int_t)r->doc) : json_null());
	jw_member(&w, 0, "period",
	          json_pack("{s:s, s:i, s:o, s:o, s:o, s:o}", "label",
	                    report_period_label(&r->period, per, sizeof per), "year", r->period.year,
	                    "quarter", r->period.quarter ? json_integer(r->period.quarter) : json_null(),
	                    "half", r->period.half ? json_integer(r->period.half) : json_null(), "from",
	                    jdate(r->period.from), "to", jdate(r->period.to)));
	jw_member(&w, 0, "today", jdate(r->today));
	jw_next(&w, 0, "documents");
	sbuf_putc(b, '[');
	w.first = 1;
	for (size_t i = 0; i < r->ndocs; i++) {
		jw_next(&w, 1, NULL);
		jw_doc(&w, r, &r->docs[i]);
	}
	jw_close(&w, 1, ']', !r->ndocs);
	json_t *inds = json_array();
	for (size_t i = 0; i < r->ninds; i++)
		json_array_append_new(inds, ind_json(&r->inds[i]));
	jw_member(&w, 0, "indicators", inds);
	jw_next(&w, 0, "late");
	sbuf_putc(b, '[');
	w.first = 1;
	for (size_t i = 0; i < r->nlate; i++) {
		jw_next(&w, 1, NULL);
		jw_value(&w, late_json(r, &r->tasks[r->late[i]]), 2);
	}
	jw_close(&w, 1, ']', !r->nlate);
	json_t *missing = json_array();
	for (size_t i = 0; i < r->nmissing; i++) {
		const struct report_missing *m = &r->missing[i];
		json_array_append_new(missing, json_pack("{s:I, s:s, s:s, s:o, s:s, s:i}", "doc_id",
		                                         (json_int_t)m->doc, "doc_number", m->number,
		                                         "unit", m->unit_name, "due", jdate(m->due), "state",
		                                         cascade_state_key(m->state), "days", m->days));
	}
	jw_member(&w, 0, "missing_plans", missing);
	json_t *sum = rollup_to_json(&r->total);
	json_object_set_new(sum, "done_in_period", json_integer((json_int_t)r->done_in_period));
	json_object_set_new(sum, "updates_in_period", json_integer((json_int_t)r->updates_in_period));
	jw_member(&w, 0, "summary", sum);
	jw_close(&w, 0, '}', 0);
	sbuf_putc(b, '\n');
	jw_flush(&w, 1);
	return w.failed ? -1 : 0;
}

void report_render_json(const struct report *r, struct sbuf *b)
{
	json_render(r, b, NULL);
}

int report_write_json(const struct report *r, FILE *f)
{
	struct sbuf b = {0};
	int rc = json_render(r, &b, f);
	sbuf_free(&b);
	return rc;
}

