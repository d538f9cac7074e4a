/* import-json.c — the import JSON contract (see import.h). */
#include "import.h"

#include <math.h>

#include "hier.h"
#include "util.h"

static json_t *str_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

static json_t *num_or_null(double v)
{
	if (isnan(v))
		return json_null();
	/* whole numbers as integers ("100", not "100.0"); no libm needed */
	if (v > -1e15 && v < 1e15 && v == (double)(json_int_t)v)
		return json_integer((json_int_t)v);
	return json_real(v);
}

static json_t *unit_code(const struct hier *h, uint32_t id)
{
	const struct unit *u = h && id ? hier_unit(h, id) : NULL;

	return u ? json_string(u->code) : json_null();
}

static json_t *doc_json(const struct imp_doc *d)
{
	json_t *o = json_object(), *impl = json_array();
	char buf[16];

	json_object_set_new(o, "kind", str_or_null(d->kind));
	json_object_set_new(o, "number", str_or_null(d->number));
	json_object_set_new(o, "date",
	                    d->date == DATE_NONE ? json_null() : json_string(date_iso(d->date, buf)));
	json_object_set_new(o, "title", str_or_null(d->title));
	json_object_set_new(o, "issuer", str_or_null(d->issuer));
	for (int k = 0; k < d->nimplements; k++)
		json_array_append_new(impl, json_string(d->implements[k]));
	json_object_set_new(o, "implements", impl);
	json_object_set_new(o, "signer", str_or_null(d->signer));
	json_object_set_new(o, "signer_role", str_or_null(d->signer_role));
	return o;
}

static json_t *task_json(const struct imp_task *t, const struct hier *h)
{
	json_t *o = json_object(), *p = json_array();

	json_object_set_new(o, "section", json_string(t->section));
	json_object_set_new(o, "lead", str_or_null(t->lead));
	json_object_set_new(o, "lead_unit", unit_code(h, t->lead_unit));
	json_object_set_new(o, "lead_group", json_boolean(t->lead_group));
	for (int k = 0; k < t->npartners; k++)
		json_array_append_new(p, json_string(t->partners[k]));
	json_object_set_new(o, "partners", p);
	json_object_set_new(o, "text", json_string(t->text ? t->text : ""));
	json_object_set_new(o, "deadline_phrase", str_or_null(t->dl_phrase));
	json_object_set_new(o, "deadline", dl_to_json(&t->dl));
	return o;
}

static json_t *indicator_json(const struct imp_indicator *i)
{
	json_t *o = json_object();

	json_object_set_new(o, "text", json_string(i->text ? i->text : ""));
	json_object_set_new(o, "year", i->year ? json_integer(i->year) : json_null());
	json_object_set_new(o, "yearly", json_boolean(i->yearly));
	json_object_set_new(o, "min", num_or_null(i->min));
	json_object_set_new(o, "target", num_or_null(i->target));
	json_object_set_new(o, "unit", str_or_null(i->unit));
	return o;
}

json_t *imp_to_json(const struct imp_result *r, const struct hier *h)
{
	json_t *o = json_object(), *tasks = json_array(), *inds = json_array(),
	       *warns = json_array();

	json_object_set_new(o, "doc", doc_json(&r->doc));
	for (size_t k = 0; k < r->ntasks; k++)
		json_array_append_new(tasks, task_json(&r->tasks[k], h));
	json_object_set_new(o, "tasks", tasks);
	for (size_t k = 0; k < r->nindicators; k++)
		json_array_append_new(inds, indicator_json(&r->indicators[k]));
	json_object_set_new(o, "indicators", inds);
	for (size_t k = 0; k < r->nwarnings; k++) {
		json_t *w = json_object();

		/* a converted file (Word, PDF ...) has no lines to count: "where"
		 * says the section */
		json_object_set_new(w, "line", r->warnings[k].line && !r->converted
		                                   ? json_integer(r->warnings[k].line)
		                                   : json_null());
		json_object_set_new(w, "message", json_string(r->warnings[k].msg));
		struct sbuf where = {0};
		imp_warning_where(r, k, 0, &where);
		json_object_set_new(w, "where", where.len ? json_string(where.s) : json_null());
		sbuf_free(&where);
		json_array_append_new(warns, w);
	}
	json_object_set_new(o, "warnings", warns);
	json_object_set_new(o, "leads",
	                    json_pack("{s:I, s:I, s:I, s:I}", "none", (json_int_t)r->lead_tasks_none,
	                              "group", (json_int_t)r->lead_tasks_group, "unresolved",
	                              (json_int_t)r->lead_tasks_unresolved, "unresolved_names",
	                              (json_int_t)r->lead_names_unresolved));
	return o;
}
