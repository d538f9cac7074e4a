/* backup-records.c — the records of a JSON export (backup.h) read back
 * into structs, strictly: every field present with the right type, no
 * field the format does not know, messages naming "tasks[12].status". */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "backup-internal.h"
#include "ops.h"
#include "util.h"

/* ---- the record being read, for messages ---------------------------------- */

int bk_fail(struct rctx *r, const char *field, const char *fmt, ...)
{
	char msg[400], where[96];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (field)
		snprintf(where, sizeof where, "%s[%zu].%s", r->kind, r->index, field);
	else
		snprintf(where, sizeof where, "%s[%zu]", r->kind, r->index);
	if (r->e)
		str_copy(r->e->field, where, sizeof r->e->field);
	return err_at(r->e, ERR_INPUT, r->path, 0, "%s: %s", where, msg);
}

/* Every key of o must be one of names (NULL-terminated). */
static int known_keys(struct rctx *r, json_t *o, const char *const *names)
{
	const char *key;
	json_t *v;
	json_object_foreach(o, key, v) {
		int ok = 0;
		for (const char *const *n = names; *n && !ok; n++)
			ok = !strcmp(*n, key);
		if (!ok)
			return bk_fail(r, key, "trường không có trong định dạng xuất (phiên bản 1)");
	}
	return 0;
}

static json_t *need(struct rctx *r, json_t *o, const char *key, int *rc)
{
	json_t *v = json_object_get(o, key);
	if (!v)
		*rc = bk_fail(r, key, "thiếu trường");
	return v;
}

static int get_u64(struct rctx *r, json_t *o, const char *key, uint64_t max, uint64_t *out)
{
	int rc = 0;
	json_t *v = need(r, o, key, &rc);
	if (rc)
		return rc;
	if (!json_is_integer(v) || json_integer_value(v) < 0 ||
	    (uint64_t)json_integer_value(v) > max)
		return bk_fail(r, key, "cần số nguyên từ 0 đến %llu", (unsigned long long)max);
	*out = (uint64_t)json_integer_value(v);
	return 0;
}

static int get_u32(struct rctx *r, json_t *o, const char *key, uint32_t *out)
{
	uint64_t v;
	int rc = get_u64(r, o, key, UINT32_MAX, &v);
	if (!rc)
		*out = (uint32_t)v;
	return rc;
}

static int get_i64(struct rctx *r, json_t *o, const char *key, int64_t *out)
{
	int rc = 0;
	json_t *v = need(r, o, key, &rc);
	if (rc)
		return rc;
	if (!json_is_integer(v))
		return bk_fail(r, key, "cần số nguyên");
	*out = (int64_t)json_integer_value(v);
	return 0;
}

static int get_int(struct rctx *r, json_t *o, const char *key, long min, long max, int null_as,
                   int *out)
{
	int rc = 0;
	json_t *v = need(r, o, key, &rc);
	if (rc)
		return rc;
	if (json_is_null(v) && null_as != INT_MIN) {
		*out = null_as;
		return 0;
	}
	if (!json_is_integer(v) || json_integer_value(v) < min || json_integer_value(v) > max)
		return bk_fail(r, key, "cần số nguyên từ %ld đến %ld", min, max);
	*out = (int)json_integer_value(v);
	return 0;
}

/* Refuse control characters in the text s of field key: C0 (but a tab
 * and a newline where the field is multiline text), DEL and C1. */
static int check_text(struct rctx *r, const char *key, const char *s, int multiline)
{
	size_t chars = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		unsigned c = *p;
		if ((c & 0xc0) != 0x80)
			chars++;
		int bad = c == 0x7f || (c < 0x20 && !(multiline && (c == '\t' || c == '\n')));
		if (c == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			bad = 1;
			c = p[1];
		}
		if (bad)
			return bk_fail(r, key, "ký tự điều khiển U+%04X ở ký tự thứ %zu không được phép%s",
			               c, chars,
			               multiline || (c != '\t' && c != '\n')
			                       ? ""
			                       : " (trường này không được xuống dòng, không có tab)");
	}
	return 0;
}

/* Every string inside the JSON value v (keys too), checked as text. */
static int check_json_text(struct rctx *r, const char *key, json_t *v)
{
	const char *k;
	json_t *x;
	size_t i;
	int rc;
	if (json_is_string(v))
		return check_text(r, key, json_string_value(v), 1);
	if (json_is_array(v)) {
		json_array_foreach(v, i, x)
			if ((rc = check_json_text(r, key, x)))
				return rc;
	} else if (json_is_object(v)) {
		json_object_foreach(v, k, x)
			if ((rc = check_text(r, key, k, 0)) || (rc = check_json_text(r, key, x)))
				return rc;
	}
	return 0;
}

/* A string or null into a malloc'd copy (NULL for null); multiline: a tab
 * and a newline are allowed in it (check_text). */
static int get_text(struct rctx *r, json_t *o, const char *key, int multiline, char **out)
{
	int rc = 0;
	json_t *v = need(r, o, key, &rc);
	*out = NULL;
	if (rc)
		return rc;
	if (json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return bk_fail(r, key, "cần chuỗi hoặc null");
	if (strlen(json_string_value(v)) != json_string_length(v))
		return bk_fail(r, key, "chuỗi chứa ký tự NUL");
	int rc2 = check_text(r, key, json_string_value(v), multiline);
	if (rc2)
		return rc2;
	*out = xstrdup(json_string_value(v));
	return 0;
}

/* Text of one line (names, signers): no tab or newline either. */
static int get_str(struct rctx *r, json_t *o, const char *key, char **out)
{
	return get_text(r, o, key, 0, out);
}

/* Text that may run over several lines (task text, notes, reasons). */
static int get_long(struct rctx *r, json_t *o, const char *key, char **out)
{
	return get_text(r, o, key, 1, out);
}

/* A string into a fixed array of `size` bytes. */
static int get_fixed(struct rctx *r, json_t *o, const char *key, char *buf, size_t size)
{
	int rc = 0;
	json_t *v = need(r, o, key, &rc);
	if (rc)
		return rc;
	if (!json_is_string(v))
		return bk_fail(r, key, "cần chuỗi");
	if (json_string_length(v) >= size || strlen(json_string_value(v)) != json_string_length(v))
		return bk_fail(r, key, "chuỗi dài quá %zu byte hoặc chứa ký tự NUL", size - 1);
	if ((rc = check_text(r, key, json_string_value(v), 0)))
		return rc;
	memcpy(buf, json_string_value(v), json_string_length(v) + 1);
	return 0;
}

static int to_date(struct rctx *r, const char *key, json_t *v, date_t *out)
{
	if (json_is_null(v)) {
		*out = DATE_NONE;
		return 0;
	}
	if (json_is_integer(v) && json_integer_value(v) > INT32_MIN &&
	    json_integer_value(v) <= INT32_MAX) {
		*out = (date_t)json_integer_value(v);
		return 0;
	}
	if (json_is_string(v)) {
		struct err de;
		err_clear(&de);
		if (date_parse(json_string_value(v), out, &de) == 0)
			return 0;
		return bk_fail(r, key, "%s", de.msg);
	}
	return bk_fail(r, key, "cần ngày YYYY-MM-DD hoặc null");
}

static int get_date(struct rctx *r, json_t *o, const char *key, date_t *out)
{
	int rc = 0;
	json_t *v = need(r, o, key, &rc);
	return rc ? rc : to_date(r, key, v, out);
}

static int get_num(struct rctx *r, json_t *o, const char *key, double *out)
{
	int rc = 0;
	json_t *v = need(r, o, key, &rc);
	if (rc)
		return rc;
	if (json_is_null(v))
		*out = NAN;
	else if (json_is_number(v))
		*out = json_number_value(v);
	else
		return bk_fail(r, key, "cần số hoặc null");
	return 0;
}

static int get_bool(struct rctx *r, json_t *o, const char *key, int *out)
{
	int rc = 0;
	json_t *v = need(r, o, key, &rc);
	if (rc)
		return rc;
	if (!json_is_boolean(v))
		return bk_fail(r, key, "cần true hoặc false");
	*out = json_is_true(v);
	return 0;
}

/* An enumeration given by its key. */
static int get_enum(struct rctx *r, json_t *o, const char *key, int (*parse)(const char *),
                    int null_as, int *out)
{
	int rc = 0;
	json_t *v = need(r, o, key, &rc);
	if (rc)
		return rc;
	if (json_is_null(v) && null_as != INT_MIN) {
		*out = null_as;
		return 0;
	}
	if (!json_is_string(v) || (*out = parse(json_string_value(v))) < 0)
		return bk_fail(r, key, "giá trị không hợp lệ");
	return 0;
}

/* Keys, not labels: the export writes keys and nothing else is accepted. */
static int parse_status(const char *s)
{
	for (int i = 0; i < ST_COUNT; i++)
		if (!strcmp(s, st_key((enum task_status)i)))
			return i;
	return -1;
}

static int parse_confirm(const char *s)
{
	for (int i = CF_NONE; i <= CF_RETURNED; i++)
		if (!strcmp(s, ops_confirm_key((enum confirm_state)i)))
			return i;
	return -1;
}

static int parse_ext_state(const char *s)
{
	for (int i = EXT_GRANTED; i <= EXT_REFUSED; i++)
		if (!strcmp(s, ops_ext_state_key((enum ext_state)i)))
			return i;
	return -1;
}

/* Fields added after the first export format may be missing (an export of
 * an older release): then the record keeps its default. */
static int has(json_t *o, const char *key)
{
	return json_object_get(o, key) != NULL;
}

/* ---- records ---------------------------------------------------------------- */

static int part_from(struct rctx *r, json_t *o, struct dl_part *p, int top)
{
	static const char *const names[] = {"kind", "level", "due", "start", "month", "year",
	                                    "by", "ref", "parts", NULL};
	static const char *const part_names[] = {"kind", "level", "due", "start", "month",
	                                         "year", "by", "ref", NULL};
	json_t *v;
	int rc, k = 0;
	memset(p, 0, sizeof *p);
	p->due = p->start = DATE_NONE;
	if (!json_is_object(o))
		return bk_fail(r, "deadline", "cần đối tượng");
	if ((rc = known_keys(r, o, top ? names : part_names)) ||
	    (rc = get_enum(r, o, "kind", dl_kind_from_name, INT_MIN, &k)))
		return rc;
	p->kind = (enum dl_kind)k;
	if ((v = json_object_get(o, "level")) && (rc = get_fixed(r, o, "level", p->level, sizeof p->level)))
		return rc;
	if ((v = json_object_get(o, "due")) && (rc = to_date(r, "due", v, &p->due)))
		return rc;
	if ((v = json_object_get(o, "start")) && (rc = to_date(r, "start", v, &p->start)))
		return rc;
	if (json_object_get(o, "month") && (rc = get_int(r, o, "month", 0, 12, INT_MIN, &p->month)))
		return rc;
	if (json_object_get(o, "year") && (rc = get_int(r, o, "year", 0, 99999, INT_MIN, &p->year)))
		return rc;
	if (json_object_get(o, "by") && (rc = get_fixed(r, o, "by", p->by, sizeof p->by)))
		return rc;
	if (json_object_get(o, "ref") && (rc = get_fixed(r, o, "ref", p->ref, sizeof p->ref)))
		return rc;
	return 0;
}

static int deadline_from(struct rctx *r, json_t *o, struct deadline *dl)
{
	int rc = 0;
	json_t *v = need(r, o, "deadline", &rc), *parts;
	if (rc)
		return rc;
	dl_init(dl);
	if ((rc = part_from(r, v, &dl->d, 1)))
		return rc;
	parts = json_object_get(v, "parts");
	if (!parts)
		return 0;
	if (!json_is_array(parts) || json_array_size(parts) > DL_MAX_PARTS)
		return bk_fail(r, "deadline.parts", "cần mảng tối đa %d phần", DL_MAX_PARTS);
	for (size_t i = 0; i < json_array_size(parts); i++)
		if ((rc = part_from(r, json_array_get(parts, i), &dl->parts[i], 0)))
			return rc;
	dl->nparts = (int)json_array_size(parts);
	return 0;
}

int bk_unit_from(struct rctx *r, json_t *o, struct unit *u)
{
	static const char *const names[] = {"id", "code", "name", "abbrevs", "kind", "parent",
	                                    "historical", "successor", NULL};
	int rc, k = 0;
	json_t *h;
	memset(u, 0, sizeof *u);
	if ((rc = known_keys(r, o, names)) || (rc = get_u32(r, o, "id", &u->id)) ||
	    (rc = get_fixed(r, o, "code", u->code, sizeof u->code)) ||
	    (rc = get_str(r, o, "name", &u->name)) || (rc = get_str(r, o, "abbrevs", &u->abbrevs)) ||
	    (rc = get_enum(r, o, "kind", unit_kind_parse, INT_MIN, &k)) ||
	    (rc = get_u32(r, o, "parent", &u->parent)) ||
	    (rc = get_u32(r, o, "successor", &u->successor)))
		return rc;
	u->kind = (uint8_t)k;
	h = need(r, o, "historical", &rc);
	if (rc)
		return rc;
	if (json_is_boolean(h))
		u->historical = json_is_true(h);
	else if (json_is_integer(h) && json_integer_value(h) >= 0 && json_integer_value(h) <= 255)
		u->historical = (uint8_t)json_integer_value(h);
	else
		return bk_fail(r, "historical", "cần true hoặc false");
	if (!u->id)
		return bk_fail(r, "id", "mã 0 không hợp lệ");
	return 0;
}

int bk_doc_from(struct rctx *r, json_t *o, struct doc *d)
{
	static const char *const names[] = {"id", "kind", "number", "date", "title", "issuer",
	                                    "issuer_text", "signer", "signer_role", "implements",
	                                    "plan_due", "source", "created", NULL};
	int rc;
	memset(d, 0, sizeof *d);
	if ((rc = known_keys(r, o, names)) || (rc = get_u64(r, o, "id", INT64_MAX, &d->id)) ||
	    (rc = get_fixed(r, o, "kind", d->kind, sizeof d->kind)) ||
	    (rc = get_fixed(r, o, "number", d->number, sizeof d->number)) ||
	    (rc = get_date(r, o, "date", &d->date)) || (rc = get_long(r, o, "title", &d->title)) ||
	    (rc = get_u32(r, o, "issuer", &d->issuer)) ||
	    (rc = get_long(r, o, "issuer_text", &d->issuer_text)) ||
	    (rc = get_str(r, o, "signer", &d->signer)) ||
	    (rc = get_str(r, o, "signer_role", &d->signer_role)) ||
	    (rc = get_date(r, o, "plan_due", &d->plan_due)) ||
	    (rc = get_long(r, o, "source", &d->source)) ||
	    (rc = get_i64(r, o, "created", &d->created)))
		return rc;
	json_t *impl = need(r, o, "implements", &rc);
	if (rc)
		return rc;
	if (!json_is_array(impl))
		return bk_fail(r, "implements", "cần mảng");
	d->nimplements = (int)json_array_size(impl);
	d->implements = d->nimplements ? xcalloc((size_t)d->nimplements, sizeof *d->implements) : NULL;
	for (size_t i = 0; i < json_array_size(impl); i++) {
		json_t *s = json_array_get(impl, i);
		if (!json_is_string(s) || json_string_length(s) >= DOCNUM_LEN)
			return bk_fail(r, "implements", "cần các số văn bản (chuỗi dưới %d byte)", DOCNUM_LEN);
		if ((rc = check_text(r, "implements", json_string_value(s), 0)))
			return rc;
		str_copy(d->implements[i], json_string_value(s), DOCNUM_LEN);
	}
	if (!d->id)
		return bk_fail(r, "id", "mã 0 không hợp lệ");
	return 0;
}

int bk_task_from(struct rctx *r, json_t *o, struct task *t)
{
	static const char *const names[] = {
		"id", "doc_id", "section", "lead", "lead_text", "partners", "partners_text", "text",
		"dl_phrase", "deadline", "extended_to", "status", "progress", "confirm", "start",
		"last_update", "done_date", "due", "nupdates", "created", NULL};
	int rc, status = 0, progress = 0, confirm = 0;
	uint64_t nupd;
	memset(t, 0, sizeof *t);
	if ((rc = known_keys(r, o, names)) || (rc = get_u64(r, o, "id", INT64_MAX, &t->id)) ||
	    (rc = get_u64(r, o, "doc_id", INT64_MAX, &t->doc_id)) ||
	    (rc = get_fixed(r, o, "section", t->section, sizeof t->section)) ||
	    (rc = get_u32(r, o, "lead", &t->lead)) || (rc = get_long(r, o, "lead_text", &t->lead_text)) ||
	    (rc = get_long(r, o, "partners_text", &t->partners_text)) ||
	    (rc = get_long(r, o, "text", &t->text)) || (rc = get_long(r, o, "dl_phrase", &t->dl_phrase)) ||
	    (rc = deadline_from(r, o, &t->dl)) || (rc = get_date(r, o, "extended_to", &t->extended_to)) ||
	    (rc = get_enum(r, o, "status", parse_status, INT_MIN, &status)) ||
	    (rc = get_int(r, o, "progress", 0, 100, INT_MIN, &progress)) ||
	    (rc = get_enum(r, o, "confirm", parse_confirm, INT_MIN, &confirm)) ||
	    (rc = get_date(r, o, "start", &t->start)) ||
	    (rc = get_date(r, o, "last_update", &t->last_update)) ||
	    (rc = get_date(r, o, "done_date", &t->done_date)) || (rc = get_date(r, o, "due", &t->due)) ||
	    (rc = get_u64(r, o, "nupdates", UINT32_MAX, &nupd)) ||
	    (rc = get_i64(r, o, "created", &t->created)))
		return rc;
	t->status = (uint8_t)status;
	t->progress = (uint8_t)progress;
	t->confirm = (uint8_t)confirm;
	t->nupdates = (uint32_t)nupd;
	json_t *p = need(r, o, "partners", &rc);
	if (rc)
		return rc;
	if (!json_is_array(p))
		return bk_fail(r, "partners", "cần mảng mã đơn vị");
	t->npartners = (int)json_array_size(p);
	t->partners = t->npartners ? xcalloc((size_t)t->npartners, sizeof *t->partners) : NULL;
	for (size_t i = 0; i < json_array_size(p); i++) {
		json_t *v = json_array_get(p, i);
		if (!json_is_integer(v) || json_integer_value(v) <= 0 ||
		    json_integer_value(v) > UINT32_MAX)
			return bk_fail(r, "partners", "cần mảng mã đơn vị");
		t->partners[i] = (uint32_t)json_integer_value(v);
	}
	if (!t->id)
		return bk_fail(r, "id", "mã 0 không hợp lệ");
	return 0;
}

int bk_update_from(struct rctx *r, json_t *o, struct update *u)
{
	static const char *const names[] = {"id", "task_id", "time", "day", "login", "note",
	                                    "progress", "status_before", "status_after",
	                                    "done_on", "period", "confirm_after", NULL};
	int rc, progress = -1, sb = -1, sa = -1, ca = -1;
	update_init(u);
	if ((rc = known_keys(r, o, names)) || (rc = get_u64(r, o, "id", INT64_MAX, &u->id)) ||
	    (rc = get_u64(r, o, "task_id", INT64_MAX, &u->task_id)) ||
	    (rc = get_i64(r, o, "time", &u->time)) || (rc = get_date(r, o, "day", &u->day)) ||
	    (rc = get_fixed(r, o, "login", u->login, sizeof u->login)) ||
	    (rc = get_long(r, o, "note", &u->note)) ||
	    (rc = get_int(r, o, "progress", 0, 100, -1, &progress)) ||
	    (rc = get_enum(r, o, "status_before", parse_status, -1, &sb)) ||
	    (rc = get_enum(r, o, "status_after", parse_status, -1, &sa)) ||
	    (has(o, "done_on") && (rc = get_date(r, o, "done_on", &u->done_on))) ||
	    (has(o, "period") && (rc = get_date(r, o, "period", &u->period))) ||
	    (has(o, "confirm_after") &&
	     (rc = get_enum(r, o, "confirm_after", parse_confirm, -1, &ca))))
		return rc;
	u->progress = (int8_t)progress;
	u->status_before = (int8_t)sb;
	u->status_after = (int8_t)sa;
	u->confirm_after = (int8_t)ca;
	return u->id ? 0 : bk_fail(r, "id", "mã 0 không hợp lệ");
}

int bk_extension_from(struct rctx *r, json_t *o, struct extension *x)
{
	static const char *const names[] = {"id", "task_id", "time", "login", "from", "to",
	                                    "reason", "day", "state", "late", "decided_by",
	                                    "decided", "decision", NULL};
	int rc, state = EXT_GRANTED, late = 0;
	extension_init(x);
	if ((rc = known_keys(r, o, names)) || (rc = get_u64(r, o, "id", INT64_MAX, &x->id)) ||
	    (rc = get_u64(r, o, "task_id", INT64_MAX, &x->task_id)) ||
	    (rc = get_i64(r, o, "time", &x->time)) ||
	    (rc = get_fixed(r, o, "login", x->login, sizeof x->login)) ||
	    (rc = get_date(r, o, "from", &x->from)) || (rc = get_date(r, o, "to", &x->to)) ||
	    (rc = get_long(r, o, "reason", &x->reason)) ||
	    (has(o, "day") && (rc = get_date(r, o, "day", &x->day))) ||
	    (has(o, "state") && (rc = get_enum(r, o, "state", parse_ext_state, INT_MIN, &state))) ||
	    (has(o, "late") && (rc = get_bool(r, o, "late", &late))) ||
	    (has(o, "decided_by") &&
	     (rc = get_fixed(r, o, "decided_by", x->decided_by, sizeof x->decided_by))) ||
	    (has(o, "decided") && (rc = get_date(r, o, "decided", &x->decided))) ||
	    (has(o, "decision") && (rc = get_long(r, o, "decision", &x->decision))))
		return rc;
	if (!has(o, "day"))
		x->day = date_of_unix(x->time);
	x->state = (uint8_t)state;
	x->late = (uint8_t)late;
	return x->id ? 0 : bk_fail(r, "id", "mã 0 không hợp lệ");
}

int bk_indicator_from(struct rctx *r, json_t *o, struct indicator *i)
{
	static const char *const names[] = {"id", "doc_id", "section", "text", "year", "min",
	                                    "target", "unit_of", "lead", NULL};
	int rc;
	memset(i, 0, sizeof *i);
	if ((rc = known_keys(r, o, names)) || (rc = get_u64(r, o, "id", INT64_MAX, &i->id)) ||
	    (rc = get_u64(r, o, "doc_id", INT64_MAX, &i->doc_id)) ||
	    (rc = get_fixed(r, o, "section", i->section, sizeof i->section)) ||
	    (rc = get_long(r, o, "text", &i->text)) ||
	    (rc = get_int(r, o, "year", INT_MIN + 1, INT_MAX, INT_MIN, &i->year)) ||
	    (rc = get_num(r, o, "min", &i->min)) || (rc = get_num(r, o, "target", &i->target)) ||
	    (rc = get_fixed(r, o, "unit_of", i->unit_of, sizeof i->unit_of)) ||
	    (rc = get_u32(r, o, "lead", &i->lead)))
		return rc;
	return i->id ? 0 : bk_fail(r, "id", "mã 0 không hợp lệ");
}

int bk_measure_from(struct rctx *r, json_t *o, struct measure *m)
{
	static const char *const names[] = {"id", "indicator_id", "date", "value", "time", "login",
	                                    "note", NULL};
	int rc;
	memset(m, 0, sizeof *m);
	if ((rc = known_keys(r, o, names)) || (rc = get_u64(r, o, "id", INT64_MAX, &m->id)) ||
	    (rc = get_u64(r, o, "indicator_id", INT64_MAX, &m->indicator_id)) ||
	    (rc = get_date(r, o, "date", &m->date)) || (rc = get_num(r, o, "value", &m->value)) ||
	    (rc = get_i64(r, o, "time", &m->time)) ||
	    (rc = get_fixed(r, o, "login", m->login, sizeof m->login)) ||
	    (rc = get_long(r, o, "note", &m->note)))
		return rc;
	return m->id ? 0 : bk_fail(r, "id", "mã 0 không hợp lệ");
}

int bk_audit_from(struct rctx *r, json_t *o, struct audit *a)
{
	static const char *const names[] = {"seq", "time", "login", "role", "action", "object",
	                                    "before", "after", NULL};
	int rc;
	memset(a, 0, sizeof *a);
	if ((rc = known_keys(r, o, names)) || (rc = get_u64(r, o, "seq", INT64_MAX, &a->seq)) ||
	    (rc = get_i64(r, o, "time", &a->time)) ||
	    (rc = get_fixed(r, o, "login", a->login, sizeof a->login)) ||
	    (rc = get_fixed(r, o, "role", a->role, sizeof a->role)) ||
	    (rc = get_fixed(r, o, "action", a->action, sizeof a->action)) ||
	    (rc = get_fixed(r, o, "object", a->object, sizeof a->object)) ||
	    (rc = get_long(r, o, "before", &a->before)) || (rc = get_long(r, o, "after", &a->after)))
		return rc;
	/* before and after are JSON texts: what they hold is text too */
	const char *keys[2] = {"before", "after"};
	const char *vals[2] = {a->before, a->after};
	for (int i = 0; i < 2; i++) {
		json_t *j = vals[i] ? json_loads(vals[i], JSON_DECODE_ANY, NULL) : NULL;
		rc = j ? check_json_text(r, keys[i], j) : 0;
		json_decref(j);
		if (rc)
			return rc;
	}
	return 0;
}

