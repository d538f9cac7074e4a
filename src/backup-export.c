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
	struct sbuf rec;  /* the record being written straight as JSON */
	int first;        /* no member yet in the object being written */
};

/* ---- records written straight as JSON ----------------------------------------
 * Every record is written member by member into x->rec, byte for byte
 * what jansson would dump of the same object (JSON_COMPACT, keys in
 * order, strings as out_json_str, reals with 17 digits), without building
 * it first: units, documents, tasks, updates and the audit trail are the
 * bulk of an export. */

/* v in decimal, as jansson writes an integer (without printf's cost: an
 * export is mostly numbers). */
static void put_ll(struct sbuf *b, long long v)
{
	char tmp[24], *p = tmp + sizeof tmp;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	sbuf_add(b, p, (size_t)(tmp + sizeof tmp - p));
}

/* The separator and key of the next member of the current object. */
static void key(struct exp *x, const char *k)
{
	size_t n = strlen(k);
	char buf[40];
	char *p = buf;
	if (!x->first)
		*p++ = ',';
	x->first = 0;
	if (n > sizeof buf - 4) { /* keys are short ASCII literals */
		sbuf_add(&x->rec, buf, (size_t)(p - buf));
		sbuf_printf(&x->rec, "\"%s\":", k);
		return;
	}
	*p++ = '"';
	memcpy(p, k, n);
	p += n;
	*p++ = '"';
	*p++ = ':';
	sbuf_add(&x->rec, buf, (size_t)(p - buf));
}

static void obj_begin(struct exp *x)
{
	sbuf_putc(&x->rec, '{');
	x->first = 1;
}

static void obj_end(struct exp *x)
{
	sbuf_putc(&x->rec, '}');
	x->first = 0;
}

/* A string, or null for NULL; one that is not UTF-8 is remembered (the
 * record is refused) as `field`. */
static void str_val(struct exp *x, const char *s, const char *field)
{
	if (!s) {
		sbuf_puts(&x->rec, "null");
	} else if (out_json_str(&x->rec, s)) {
		if (!x->bad)
			x->bad = field;
		sbuf_puts(&x->rec, "null");
	}
}

static void w_str(struct exp *x, const char *k, const char *s)
{
	key(x, k);
	str_val(x, s, k);
}

static void w_int(struct exp *x, const char *k, long long v)
{
	key(x, k);
	put_ll(&x->rec, v);
}

static void w_null(struct exp *x, const char *k)
{
	key(x, k);
	sbuf_puts(&x->rec, "null");
}

static void w_bool(struct exp *x, const char *k, int v)
{
	key(x, k);
	sbuf_puts(&x->rec, v ? "true" : "false");
}

/* A date as jdate: "YYYY-MM-DD", a day number outside years 1..9999, or
 * null. */
static void w_date(struct exp *x, const char *k, date_t d)
{
	char b[11];
	if (d == DATE_NONE) {
		w_null(x, k);
		return;
	}
	date_iso(d, b);
	if (!*b) {
		w_int(x, k, d);
		return;
	}
	key(x, k);
	b[10] = '"';
	sbuf_putc(&x->rec, '"');
	sbuf_add(&x->rec, b, 11);
}

/* A real as jansson writes it (17 significant digits), or null for NaN;
 * one jansson refuses (infinite) is remembered (the record is refused) as
 * `k`. */
static void w_num(struct exp *x, const char *k, double v)
{
	json_t *j = isnan(v) ? NULL : json_real(v);
	char *s = j ? json_dumps(j, JSON_ENCODE_ANY | JSON_REAL_PRECISION(17)) : NULL;
	json_decref(j);
	key(x, k);
	if (!s && !isnan(v) && !x->bad)
		x->bad = k;
	sbuf_puts(&x->rec, s ? s : "null");
	free(s);
}

static void part_rec(struct exp *x, const struct dl_part *p)
{
	obj_begin(x);
	w_str(x, "kind", dl_kind_name(p->kind));
	if (p->level[0])
		w_str(x, "level", p->level);
	if (p->due != DATE_NONE)
		w_date(x, "due", p->due);
	if (p->start != DATE_NONE)
		w_date(x, "start", p->start);
	if (p->month)
		w_int(x, "month", p->month);
	if (p->year)
		w_int(x, "year", p->year);
	if (p->by[0])
		w_str(x, "by", p->by);
	if (p->ref[0])
		w_str(x, "ref", p->ref);
}

static void deadline_rec(struct exp *x, const struct deadline *dl)
{
	part_rec(x, &dl->d);
	if (dl->nparts > 0) {
		key(x, "parts");
		sbuf_putc(&x->rec, '[');
		for (int i = 0; i < dl->nparts && i < DL_MAX_PARTS; i++) {
			if (i)
				sbuf_putc(&x->rec, ',');
			part_rec(x, &dl->parts[i]);
			obj_end(x);
		}
		sbuf_putc(&x->rec, ']');
	}
	obj_end(x);
}

static void unit_rec(struct exp *x, const struct unit *u)
{
	obj_begin(x);
	w_int(x, "id", u->id);
	w_str(x, "code", u->code);
	w_str(x, "name", u->name);
	w_str(x, "abbrevs", u->abbrevs);
	w_str(x, "kind", unit_kind_key(u->kind));
	w_int(x, "parent", u->parent);
	if (u->historical > 1)
		w_int(x, "historical", u->historical);
	else
		w_bool(x, "historical", u->historical);
	w_int(x, "successor", u->successor);
	obj_end(x);
}

static void doc_rec(struct exp *x, const struct doc *d)
{
	obj_begin(x);
	w_int(x, "id", (long long)d->id);
	w_str(x, "kind", d->kind);
	w_str(x, "number", d->number);
	w_date(x, "date", d->date);
	w_str(x, "title", d->title);
	w_int(x, "issuer", d->issuer);
	w_str(x, "issuer_text", d->issuer_text);
	w_str(x, "signer", d->signer);
	w_str(x, "signer_role", d->signer_role);
	key(x, "implements");
	sbuf_putc(&x->rec, '[');
	for (int i = 0; i < d->nimplements; i++) {
		if (i)
			sbuf_putc(&x->rec, ',');
		str_val(x, d->implements[i], "implements");
	}
	sbuf_putc(&x->rec, ']');
	w_date(x, "plan_due", d->plan_due);
	w_str(x, "source", d->source);
	w_int(x, "created", (long long)d->created);
	obj_end(x);
}

static void task_rec(struct exp *x, const struct task *t)
{
	obj_begin(x);
	w_int(x, "id", (long long)t->id);
	w_int(x, "doc_id", (long long)t->doc_id);
	w_str(x, "section", t->section);
	w_int(x, "lead", t->lead);
	w_str(x, "lead_text", t->lead_text);
	key(x, "partners");
	sbuf_putc(&x->rec, '[');
	for (int i = 0; i < t->npartners; i++) {
		if (i)
			sbuf_putc(&x->rec, ',');
		put_ll(&x->rec, (long long)t->partners[i]);
	}
	sbuf_putc(&x->rec, ']');
	w_str(x, "partners_text", t->partners_text);
	w_str(x, "text", t->text);
	w_str(x, "dl_phrase", t->dl_phrase);
	key(x, "deadline");
	deadline_rec(x, &t->dl);
	w_date(x, "extended_to", t->extended_to);
	w_str(x, "status", st_key(t->status));
	w_int(x, "progress", t->progress);
	w_str(x, "confirm", ops_confirm_key(t->confirm));
	w_date(x, "start", t->start);
	w_date(x, "last_update", t->last_update);
	w_date(x, "done_date", t->done_date);
	w_date(x, "due", t->due);
	w_int(x, "nupdates", t->nupdates);
	w_int(x, "created", (long long)t->created);
	obj_end(x);
}

/* A status, or null for -1 (unchanged). */
static void w_status(struct exp *x, const char *k, int s)
{
	if (s < 0)
		w_null(x, k);
	else
		w_str(x, k, st_key((enum task_status)s));
}

static void update_rec(struct exp *x, const struct update *u)
{
	obj_begin(x);
	w_int(x, "id", (long long)u->id);
	w_int(x, "task_id", (long long)u->task_id);
	w_int(x, "time", (long long)u->time);
	w_date(x, "day", u->day);
	w_str(x, "login", u->login);
	w_str(x, "note", u->note);
	if (u->progress < 0)
		w_null(x, "progress");
	else
		w_int(x, "progress", u->progress);
	w_status(x, "status_before", u->status_before);
	w_status(x, "status_after", u->status_after);
	w_date(x, "done_on", u->done_on);
	w_date(x, "period", u->period);
	if (u->confirm_after < 0)
		w_null(x, "confirm_after");
	else
		w_str(x, "confirm_after", ops_confirm_key((enum confirm_state)u->confirm_after));
	obj_end(x);
}

static void extension_rec(struct exp *x, const struct extension *e)
{
	obj_begin(x);
	w_int(x, "id", (long long)e->id);
	w_int(x, "task_id", (long long)e->task_id);
	w_int(x, "time", (long long)e->time);
	w_str(x, "login", e->login);
	w_date(x, "from", e->from);
	w_date(x, "to", e->to);
	w_str(x, "reason", e->reason);
	w_date(x, "day", e->day);
	w_str(x, "state", ops_ext_state_key((enum ext_state)e->state));
	w_bool(x, "late", e->late);
	w_str(x, "decided_by", e->decided_by);
	w_date(x, "decided", e->decided);
	w_str(x, "decision", e->decision);
	obj_end(x);
}

static void audit_rec(struct exp *x, const struct audit *a)
{
	obj_begin(x);
	w_int(x, "seq", (long long)a->seq);
	w_int(x, "time", (long long)a->time);
	w_str(x, "login", a->login);
	w_str(x, "role", a->role);
	w_str(x, "action", a->action);
	w_str(x, "object", a->object);
	w_str(x, "before", a->before);
	w_str(x, "after", a->after);
	obj_end(x);
}

static void indicator_rec(struct exp *x, const struct indicator *i)
{
	obj_begin(x);
	w_int(x, "id", (long long)i->id);
	w_int(x, "doc_id", (long long)i->doc_id);
	w_str(x, "section", i->section);
	w_str(x, "text", i->text);
	w_int(x, "year", i->year);
	w_num(x, "min", i->min);
	w_num(x, "target", i->target);
	w_str(x, "unit_of", i->unit_of);
	w_int(x, "lead", i->lead);
	obj_end(x);
}

static void measure_rec(struct exp *x, const struct measure *m)
{
	obj_begin(x);
	w_int(x, "id", (long long)m->id);
	w_int(x, "indicator_id", (long long)m->indicator_id);
	w_date(x, "date", m->date);
	w_num(x, "value", m->value);
	w_int(x, "time", (long long)m->time);
	w_str(x, "login", m->login);
	w_str(x, "note", m->note);
	obj_end(x);
}

/* ---- writing ---------------------------------------------------------------- */

static int io_err(struct exp *x)
{
	return err_set(x->e, ERR_IO, "không ghi được bản xuất JSON");
}

static int bad_utf8(struct exp *x, uint64_t id)
{
	return err_set(x->e, ERR_STORE, "%s #%llu: trường %s không phải văn bản UTF-8 hợp lệ; "
	               "không xuất được", x->kind, (unsigned long long)id, x->bad);
}

/* Write the record made in x->rec as the next of the current array. */
static int put_rec(struct exp *x, uint64_t id)
{
	x->id = id;
	if (x->bad)
		return bad_utf8(x, id);
	int bad = fputs(x->nrec++ ? ",\n" : "\n", x->f) < 0 ||
	          fwrite(x->rec.s, 1, x->rec.len, x->f) != x->rec.len;
	sbuf_reset(&x->rec);
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

#define REC_WALKER(name, type, write, idf)                         \
	static int name(const struct type *r, void *ctx)            \
	{                                                          \
		struct walk *w = ctx;                              \
		sbuf_reset(&w->x->rec);                            \
		write(w->x, r);                                    \
		return w->rc = put_rec(w->x, r->idf);              \
	}
REC_WALKER(w_unit, unit, unit_rec, id)
REC_WALKER(w_doc, doc, doc_rec, id)
REC_WALKER(w_update, update, update_rec, id)
REC_WALKER(w_extension, extension, extension_rec, id)
REC_WALKER(w_audit, audit, audit_rec, seq)
REC_WALKER(w_task, task, task_rec, id)
REC_WALKER(w_indicator, indicator, indicator_rec, id)
REC_WALKER(w_measure, measure, measure_rec, id)

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
	sbuf_free(&x.rec);
	if (!rc && (fflush(f) != 0 || ferror(f)))
		rc = io_err(&x);
	return rc;
}
