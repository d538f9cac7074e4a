/* backup-export.c — the whole store as JSON (format in backup.h): every
 * record with every field, written record by record in one read
 * transaction so that a large store never sits in memory as JSON. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "backup.h"
#include "ops.h"
#include "output.h"
#include "store.h"
#include "util.h"

struct exp {
	FILE *f;
	struct txn *t;
	struct err *e;
	int nrec;         /* records written in the current array */
	const char *kind; /* "tasks", for messages */
	uint64_t id;      /* record being written, for messages */
	const char *bad;  /* a field that could not be put in JSON */
};

/* Put v under key; remembers the key when v could not be made (a string
 * that is not UTF-8). */
static void set(struct exp *x, json_t *o, const char *key, json_t *v)
{
	if (!v && !x->bad)
		x->bad = key;
	json_object_set_new(o, key, v ? v : json_null());
}

static json_t *jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* A date: "YYYY-MM-DD", a day number outside years 1..9999, or null. */
static json_t *jdate(date_t d)
{
	char b[11];
	if (d == DATE_NONE)
		return json_null();
	date_iso(d, b);
	return *b ? json_string(b) : json_integer(d);
}

static json_t *jnum(double v)
{
	return isnan(v) ? json_null() : json_real(v);
}

static json_t *part_json(struct exp *x, const struct dl_part *p)
{
	json_t *o = json_object();
	set(x, o, "kind", json_string(dl_kind_name(p->kind)));
	if (p->level[0])
		set(x, o, "level", json_string(p->level));
	if (p->due != DATE_NONE)
		set(x, o, "due", jdate(p->due));
	if (p->start != DATE_NONE)
		set(x, o, "start", jdate(p->start));
	if (p->month)
		set(x, o, "month", json_integer(p->month));
	if (p->year)
		set(x, o, "year", json_integer(p->year));
	if (p->by[0])
		set(x, o, "by", json_string(p->by));
	if (p->ref[0])
		set(x, o, "ref", json_string(p->ref));
	return o;
}

static json_t *deadline_json(struct exp *x, const struct deadline *dl)
{
	json_t *o = part_json(x, &dl->d);
	if (dl->nparts > 0) {
		json_t *a = json_array();
		for (int i = 0; i < dl->nparts && i < DL_MAX_PARTS; i++)
			json_array_append_new(a, part_json(x, &dl->parts[i]));
		json_object_set_new(o, "parts", a);
	}
	return o;
}

static json_t *unit_json(struct exp *x, const struct unit *u)
{
	json_t *o = json_object();
	set(x, o, "id", json_integer(u->id));
	set(x, o, "code", json_string(u->code));
	set(x, o, "name", jstr(u->name));
	set(x, o, "abbrevs", jstr(u->abbrevs));
	set(x, o, "kind", json_string(unit_kind_key(u->kind)));
	set(x, o, "parent", json_integer(u->parent));
	set(x, o, "historical",
	    u->historical > 1 ? json_integer(u->historical) : json_boolean(u->historical));
	set(x, o, "successor", json_integer(u->successor));
	return o;
}

static json_t *doc_json(struct exp *x, const struct doc *d)
{
	json_t *o = json_object(), *impl = json_array();
	set(x, o, "id", json_integer((json_int_t)d->id));
	set(x, o, "kind", json_string(d->kind));
	set(x, o, "number", json_string(d->number));
	set(x, o, "date", jdate(d->date));
	set(x, o, "title", jstr(d->title));
	set(x, o, "issuer", json_integer(d->issuer));
	set(x, o, "issuer_text", jstr(d->issuer_text));
	set(x, o, "signer", jstr(d->signer));
	set(x, o, "signer_role", jstr(d->signer_role));
	for (int i = 0; i < d->nimplements; i++) {
		json_t *s = json_string(d->implements[i]);
		if (!s && !x->bad)
			x->bad = "implements";
		json_array_append_new(impl, s ? s : json_null());
	}
	set(x, o, "implements", impl);
	set(x, o, "plan_due", jdate(d->plan_due));
	set(x, o, "source", jstr(d->source));
	set(x, o, "created", json_integer((json_int_t)d->created));
	return o;
}

static json_t *task_json(struct exp *x, const struct task *t)
{
	json_t *o = json_object(), *partners = json_array();
	set(x, o, "id", json_integer((json_int_t)t->id));
	set(x, o, "doc_id", json_integer((json_int_t)t->doc_id));
	set(x, o, "section", json_string(t->section));
	set(x, o, "lead", json_integer(t->lead));
	set(x, o, "lead_text", jstr(t->lead_text));
	for (int i = 0; i < t->npartners; i++)
		json_array_append_new(partners, json_integer(t->partners[i]));
	set(x, o, "partners", partners);
	set(x, o, "partners_text", jstr(t->partners_text));
	set(x, o, "text", jstr(t->text));
	set(x, o, "dl_phrase", jstr(t->dl_phrase));
	set(x, o, "deadline", deadline_json(x, &t->dl));
	set(x, o, "extended_to", jdate(t->extended_to));
	set(x, o, "status", json_string(st_key(t->status)));
	set(x, o, "progress", json_integer(t->progress));
	set(x, o, "confirm", json_string(ops_confirm_key(t->confirm)));
	set(x, o, "start", jdate(t->start));
	set(x, o, "last_update", jdate(t->last_update));
	set(x, o, "done_date", jdate(t->done_date));
	set(x, o, "due", jdate(t->due));
	set(x, o, "nupdates", json_integer(t->nupdates));
	set(x, o, "created", json_integer((json_int_t)t->created));
	return o;
}

static json_t *status_or_null(int s)
{
	return s < 0 ? json_null() : json_string(st_key((enum task_status)s));
}

static json_t *update_json(struct exp *x, const struct update *u)
{
	json_t *o = json_object();
	set(x, o, "id", json_integer((json_int_t)u->id));
	set(x, o, "task_id", json_integer((json_int_t)u->task_id));
	set(x, o, "time", json_integer((json_int_t)u->time));
	set(x, o, "day", jdate(u->day));
	set(x, o, "login", json_string(u->login));
	set(x, o, "note", jstr(u->note));
	set(x, o, "progress", u->progress < 0 ? json_null() : json_integer(u->progress));
	set(x, o, "status_before", status_or_null(u->status_before));
	set(x, o, "status_after", status_or_null(u->status_after));
	set(x, o, "done_on", jdate(u->done_on));
	set(x, o, "period", jdate(u->period));
	set(x, o, "confirm_after", u->confirm_after < 0 ? json_null()
	        : json_string(ops_confirm_key((enum confirm_state)u->confirm_after)));
	return o;
}

static json_t *extension_json(struct exp *x, const struct extension *e)
{
	json_t *o = json_object();
	set(x, o, "id", json_integer((json_int_t)e->id));
	set(x, o, "task_id", json_integer((json_int_t)e->task_id));
	set(x, o, "time", json_integer((json_int_t)e->time));
	set(x, o, "login", json_string(e->login));
	set(x, o, "from", jdate(e->from));
	set(x, o, "to", jdate(e->to));
	set(x, o, "reason", jstr(e->reason));
	set(x, o, "day", jdate(e->day));
	set(x, o, "state", json_string(ops_ext_state_key((enum ext_state)e->state)));
	set(x, o, "late", json_boolean(e->late));
	set(x, o, "decided_by", json_string(e->decided_by));
	set(x, o, "decided", jdate(e->decided));
	set(x, o, "decision", jstr(e->decision));
	return o;
}

static json_t *indicator_json(struct exp *x, const struct indicator *i)
{
	json_t *o = json_object();
	set(x, o, "id", json_integer((json_int_t)i->id));
	set(x, o, "doc_id", json_integer((json_int_t)i->doc_id));
	set(x, o, "section", json_string(i->section));
	set(x, o, "text", jstr(i->text));
	set(x, o, "year", json_integer(i->year));
	set(x, o, "min", jnum(i->min));
	set(x, o, "target", jnum(i->target));
	set(x, o, "unit_of", json_string(i->unit_of));
	set(x, o, "lead", json_integer(i->lead));
	return o;
}

static json_t *measure_json(struct exp *x, const struct measure *m)
{
	json_t *o = json_object();
	set(x, o, "id", json_integer((json_int_t)m->id));
	set(x, o, "indicator_id", json_integer((json_int_t)m->indicator_id));
	set(x, o, "date", jdate(m->date));
	set(x, o, "value", jnum(m->value));
	set(x, o, "time", json_integer((json_int_t)m->time));
	set(x, o, "login", json_string(m->login));
	set(x, o, "note", jstr(m->note));
	return o;
}

static json_t *audit_json(struct exp *x, const struct audit *a)
{
	json_t *o = json_object();
	set(x, o, "seq", json_integer((json_int_t)a->seq));
	set(x, o, "time", json_integer((json_int_t)a->time));
	set(x, o, "login", json_string(a->login));
	set(x, o, "role", json_string(a->role));
	set(x, o, "action", json_string(a->action));
	set(x, o, "object", json_string(a->object));
	set(x, o, "before", jstr(a->before));
	set(x, o, "after", jstr(a->after));
	return o;
}

/* ---- writing ---------------------------------------------------------------- */

static int io_err(struct exp *x)
{
	return err_set(x->e, ERR_IO, "không ghi được bản xuất JSON");
}

/* Write one record of the current array (o is consumed). */
static int put(struct exp *x, uint64_t id, json_t *o)
{
	x->id = id;
	if (x->bad) {
		json_decref(o);
		return err_set(x->e, ERR_STORE, "%s #%llu: trường %s không phải văn bản UTF-8 hợp lệ; "
		               "không xuất được", x->kind, (unsigned long long)id, x->bad);
	}
	char *s = out_json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17));
	json_decref(o);
	if (!s)
		return err_set(x->e, ERR_STORE, "%s #%llu: không xuất được (số không hữu hạn?)", x->kind,
		               (unsigned long long)id);
	int bad = fputs(x->nrec++ ? ",\n" : "\n", x->f) < 0 || fputs(s, x->f) < 0;
	free(s);
	return bad ? io_err(x) : 0;
}

static int begin_array(struct exp *x, const char *kind)
{
	x->kind = kind;
	x->nrec = 0;
	x->bad = NULL;
	return fprintf(x->f, ",\n\"%s\": [", kind) < 0 ? io_err(x) : 0;
}

static int end_array(struct exp *x)
{
	return fputs(x->nrec ? "\n]" : "]", x->f) < 0 ? io_err(x) : 0;
}

/* The callbacks of the store's iterators: the error code is kept in x. */
struct walk {
	struct exp *x;
	int rc;
};

#define WALKER(name, type, conv, idf)                              \
	static int name(const struct type *r, void *ctx)            \
	{                                                          \
		struct walk *w = ctx;                              \
		return w->rc = put(w->x, r->idf, conv(w->x, r));   \
	}
WALKER(w_unit, unit, unit_json, id)
WALKER(w_doc, doc, doc_json, id)
WALKER(w_update, update, update_json, id)
WALKER(w_extension, extension, extension_json, id)
WALKER(w_indicator, indicator, indicator_json, id)
WALKER(w_measure, measure, measure_json, id)
WALKER(w_audit, audit, audit_json, seq)

static int w_task(const struct task *r, void *ctx)
{
	struct walk *w = ctx;
	return w->rc = put(w->x, r->id, task_json(w->x, r));
}

/* Updates and extensions are written task by task, measures indicator by
 * indicator: the store indexes them by their owner. */
static int w_task_updates(const struct task *r, void *ctx)
{
	struct walk *w = ctx;
	int rc = store_updates_of_task(w->x->t, r->id, w_update, w, w->x->e);
	return w->rc ? w->rc : rc;
}

static int w_task_extensions(const struct task *r, void *ctx)
{
	struct walk *w = ctx;
	int rc = store_extensions_of_task(w->x->t, r->id, w_extension, w, w->x->e);
	return w->rc ? w->rc : rc;
}

static int w_ind_measures(const struct indicator *r, void *ctx)
{
	struct walk *w = ctx;
	int rc = store_measures_of(w->x->t, r->id, w_measure, w, w->x->e);
	return w->rc ? w->rc : rc;
}

/* Meta: "seq.<name>" into seqs (except the audit's, implied by its
 * entries, and the store's dictionary's, which the export does not
 * carry: strings are written out whole), "schema" left out, the rest as
 * strings into meta. */
struct meta_ctx {
	json_t *meta, *seqs;
	const char *bad;
};

static int w_meta(const char *key, const void *val, size_t len, void *ctx)
{
	struct meta_ctx *m = ctx;
	if (!strcmp(key, "schema"))
		return 0;
	if (!strncmp(key, "seq.", 4)) {
		const unsigned char *p = val;
		uint64_t v = 0;
		if (len != 8 || !strcmp(key + 4, "audit") || !strcmp(key + 4, "dict"))
			return 0;
		for (int i = 0; i < 8; i++)
			v = v << 8 | p[i];
		json_object_set_new(m->seqs, key + 4, json_integer((json_int_t)v));
		return 0;
	}
	json_t *s = json_stringn(val, len);
	if (!s) {
		m->bad = "meta";
		return 1;
	}
	json_object_set_new(m->meta, key, s);
	return 0;
}

static int write_header(struct exp *x)
{
	struct meta_ctx m = {json_object(), json_object(), NULL};
	int rc = store_meta_each(x->t, w_meta, &m, x->e);
	if (m.bad)
		rc = err_set(x->e, ERR_STORE, "giá trị meta không phải văn bản UTF-8: không xuất được");
	if (!rc) {
		char *meta = out_json_dumps(m.meta, JSON_COMPACT | JSON_SORT_KEYS);
		char *seqs = out_json_dumps(m.seqs, JSON_COMPACT | JSON_SORT_KEYS);
		if (fprintf(x->f, "{\"format\": \"theodoi-export\", \"version\": 1, \"schema\": %d,\n"
		                  "\"meta\": %s,\n\"sequences\": %s", STORE_SCHEMA, meta, seqs) < 0)
			rc = io_err(x);
		free(meta);
		free(seqs);
	}
	json_decref(m.meta);
	json_decref(m.seqs);
	return rc;
}

static int export_all(struct exp *x)
{
	struct walk w = {x, 0};
	int rc;
#define ARRAY(kind, call)                                                        \
	do {                                                                     \
		if ((rc = begin_array(x, kind)))                                 \
			return rc;                                               \
		w.rc = 0;                                                        \
		rc = call;                                                       \
		if (w.rc || rc)                                                  \
			return w.rc ? w.rc : rc;                                 \
		if ((rc = end_array(x)))                                         \
			return rc;                                               \
	} while (0)
	if ((rc = write_header(x)))
		return rc;
	ARRAY("units", store_units_each(x->t, w_unit, &w, x->e));
	ARRAY("docs", store_docs_each(x->t, w_doc, &w, x->e));
	ARRAY("tasks", store_tasks_each(x->t, w_task, &w, x->e));
	ARRAY("updates", store_tasks_each(x->t, w_task_updates, &w, x->e));
	ARRAY("extensions", store_tasks_each(x->t, w_task_extensions, &w, x->e));
	ARRAY("indicators", store_indicators_each(x->t, w_indicator, &w, x->e));
	ARRAY("measures", store_indicators_each(x->t, w_ind_measures, &w, x->e));
	ARRAY("audit", store_audit_each(x->t, 0, w_audit, &w, x->e));
#undef ARRAY
	if (fputs("\n}\n", x->f) < 0)
		return io_err(x);
	return 0;
}

int backup_export_json(struct ops_ctx *c, FILE *f, struct err *e)
{
	struct exp x = {0};
	int rc = ops_require(c, PA_EXPORT, e);
	if (rc)
		return rc;
	x.f = f;
	x.e = e;
	if ((rc = store_read_begin(c->st, &x.t, e)))
		return rc;
	rc = export_all(&x);
	store_read_end(x.t);
	if (!rc && (fflush(f) != 0 || ferror(f)))
		rc = io_err(&x);
	return rc;
}
