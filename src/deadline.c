/* deadline.c — deadline kinds: names, meaning, description and JSON.
 * Reading phrases is in deadline-parse.c.
 */
#include "deadline.h"

#include <stdio.h>
#include <string.h>

#include "util.h"

static const char *const kind_names[DL_KIND_COUNT] = {
	[DL_NONE] = "none",
	[DL_BY] = "by",
	[DL_FROM] = "from",
	[DL_RANGE] = "range",
	[DL_ONGOING] = "ongoing",
	[DL_ANNUAL] = "annual",
	[DL_TERM] = "term",
	[DL_ON_REQUEST] = "on_request",
	[DL_AFTER_DIRECTIVE] = "after_directive",
	[DL_PER_DOCUMENT] = "per_document",
	[DL_ROADMAP] = "roadmap",
	[DL_MULTI] = "multi",
};

static const char *const every_names[DL_EVERY_COUNT] = {
	[DL_EVERY_NONE] = "none",
	[DL_EVERY_YEAR] = "year",
	[DL_EVERY_HALF] = "half",
	[DL_EVERY_QUARTER] = "quarter",
	[DL_EVERY_MONTH] = "month",
};

static void part_init(struct dl_part *p)
{
	memset(p, 0, sizeof *p);
	p->kind = DL_NONE;
	p->due = DATE_NONE;
	p->start = DATE_NONE;
}

void dl_init(struct deadline *dl)
{
	part_init(&dl->d);
	dl->nparts = 0;
	for (int i = 0; i < DL_MAX_PARTS; i++)
		part_init(&dl->parts[i]);
}

const char *dl_kind_name(enum dl_kind k)
{
	if ((int)k < 0 || k >= DL_KIND_COUNT)
		return "none";
	return kind_names[k];
}

int dl_kind_from_name(const char *name)
{
	if (!name)
		return -1;
	for (int k = 0; k < DL_KIND_COUNT; k++)
		if (strcmp(kind_names[k], name) == 0)
			return k;
	return -1;
}

const char *dl_every_name(enum dl_every e)
{
	if ((int)e < 0 || e >= DL_EVERY_COUNT)
		return "none";
	return every_names[e];
}

int dl_every_from_name(const char *name)
{
	if (!name)
		return -1;
	for (int k = 0; k < DL_EVERY_COUNT; k++)
		if (strcmp(every_names[k], name) == 0)
			return k;
	return -1;
}

enum dl_every dl_every(const struct dl_part *p)
{
	if (!p)
		return DL_EVERY_NONE;
	if (p->kind == DL_ANNUAL)
		return DL_EVERY_YEAR;
	if ((p->kind == DL_ONGOING || p->kind == DL_FROM) && p->every < DL_EVERY_COUNT)
		return (enum dl_every)p->every;
	return DL_EVERY_NONE;
}

/* ---- meaning ---------------------------------------------------------- */

date_t dl_due(const struct deadline *dl)
{
	date_t due = DATE_NONE;

	if (!dl)
		return DATE_NONE;
	switch (dl->d.kind) {
	case DL_BY:
	case DL_RANGE:
		return dl->d.due;
	case DL_MULTI:
		for (int i = 0; i < dl->nparts && i < DL_MAX_PARTS; i++) {
			const struct dl_part *p = &dl->parts[i];

			if ((p->kind == DL_BY || p->kind == DL_RANGE) && p->due != DATE_NONE &&
			    (due == DATE_NONE || p->due > due))
				due = p->due;
		}
		return due;
	default:
		return DATE_NONE;
	}
}

static int kind_is_periodic(enum dl_kind k)
{
	return k == DL_ONGOING || k == DL_FROM || k == DL_ANNUAL;
}

int dl_is_periodic(const struct deadline *dl)
{
	if (!dl)
		return 0;
	if (dl->d.kind != DL_MULTI)
		return kind_is_periodic(dl->d.kind);
	/* A multi-level deadline with a dated part is judged by that date. */
	if (dl_due(dl) != DATE_NONE)
		return 0;
	for (int i = 0; i < dl->nparts && i < DL_MAX_PARTS; i++)
		if (kind_is_periodic(dl->parts[i].kind))
			return 1;
	return 0;
}

/* ---- description -------------------------------------------------------- */

/* ", báo cáo hằng quý" for a part with a rhythm finer than a year. */
static void describe_every(const struct dl_part *p, const char *sep, struct sbuf *b)
{
	switch (dl_every(p)) {
	case DL_EVERY_HALF:
		sbuf_printf(b, "%sbáo cáo 6 tháng một lần", sep);
		break;
	case DL_EVERY_QUARTER:
		sbuf_printf(b, "%sbáo cáo hằng quý", sep);
		break;
	case DL_EVERY_MONTH:
		sbuf_printf(b, "%sbáo cáo hằng tháng", sep);
		break;
	default:
		break;
	}
}

static void describe_part(const struct dl_part *p, struct sbuf *b)
{
	char d1[11], d2[11];

	switch (p->kind) {
	case DL_NONE:
		sbuf_puts(b, "chưa xác định thời hạn");
		break;
	case DL_BY:
		sbuf_printf(b, "hạn %s", date_vn(p->due, d1));
		break;
	case DL_FROM:
		sbuf_printf(b, "từ %s, ", date_vn(p->start, d1));
		if (dl_every(p) == DL_EVERY_NONE)
			sbuf_puts(b, "thường xuyên");
		describe_every(p, "", b);
		break;
	case DL_RANGE:
		sbuf_printf(b, "từ %s đến %s", date_vn(p->start, d1), date_vn(p->due, d2));
		break;
	case DL_ONGOING:
		if (dl_every(p) == DL_EVERY_NONE)
			sbuf_puts(b, "thường xuyên");
		describe_every(p, "", b);
		break;
	case DL_ANNUAL:
		sbuf_puts(b, "hằng năm");
		if (p->month >= 1 && p->month <= 12)
			sbuf_printf(b, ", tháng %d", p->month);
		break;
	case DL_TERM:
		sbuf_puts(b, "theo nhiệm kỳ");
		break;
	case DL_ON_REQUEST:
		sbuf_puts(b, "theo yêu cầu");
		if (p->by[0])
			sbuf_printf(b, " của %s", p->by);
		break;
	case DL_AFTER_DIRECTIVE:
		if (p->by[0])
			sbuf_printf(b, "chờ văn bản của %s", p->by);
		else
			sbuf_puts(b, "chờ văn bản cấp trên");
		if (p->year > 0)
			sbuf_printf(b, " (dự kiến %d)", p->year);
		break;
	case DL_PER_DOCUMENT:
		if (p->ref[0])
			sbuf_printf(b, "theo văn bản %s", p->ref);
		else
			sbuf_puts(b, "theo văn bản khác");
		break;
	case DL_ROADMAP:
		sbuf_puts(b, "theo lộ trình");
		break;
	case DL_MULTI:
	case DL_KIND_COUNT:
		sbuf_puts(b, "theo từng cấp");
		break;
	}
}

char *dl_describe(const struct deadline *dl, char *buf, size_t len)
{
	struct sbuf b = {0};

	if (!buf || len == 0)
		return buf;
	if (!dl) {
		describe_part(&(struct dl_part){ .kind = DL_NONE }, &b);
	} else if (dl->d.kind == DL_MULTI) {
		for (int i = 0; i < dl->nparts && i < DL_MAX_PARTS; i++) {
			if (i)
				sbuf_puts(&b, "; ");
			if (dl->parts[i].level[0])
				sbuf_printf(&b, "cấp %s: ", dl->parts[i].level);
			describe_part(&dl->parts[i], &b);
		}
		if (dl->nparts == 0)
			describe_part(&dl->d, &b);
		if (dl->d.ref[0])
			sbuf_printf(&b, " (theo %s)", dl->d.ref);
	} else {
		describe_part(&dl->d, &b);
	}
	str_copy(buf, b.s ? b.s : "", len);
	sbuf_free(&b);
	return buf;
}

/* ---- JSON -------------------------------------------------------------- */

static json_t *json_date(date_t t)
{
	char buf[11];

	if (t == DATE_NONE)
		return json_null();
	return json_string(date_iso(t, buf));
}

/* The rhythm of an ongoing or from part: null without one. */
static json_t *json_every(const struct dl_part *p)
{
	return p->every ? json_string(dl_every_name((enum dl_every)p->every)) : json_null();
}

static json_t *json_text(const char *s)
{
	return s[0] ? json_string(s) : json_null();
}

/* The fields of one kind into o. */
static void part_to_json(const struct dl_part *p, json_t *o)
{
	json_object_set_new(o, "kind", json_string(dl_kind_name(p->kind)));
	switch (p->kind) {
	case DL_BY:
		json_object_set_new(o, "due", json_date(p->due));
		break;
	case DL_FROM:
		json_object_set_new(o, "start", json_date(p->start));
		json_object_set_new(o, "every", json_every(p));
		break;
	case DL_RANGE:
		json_object_set_new(o, "start", json_date(p->start));
		json_object_set_new(o, "due", json_date(p->due));
		break;
	case DL_ONGOING:
		json_object_set_new(o, "every", json_every(p));
		break;
	case DL_ANNUAL:
		json_object_set_new(o, "month", p->month ? json_integer(p->month) : json_null());
		break;
	case DL_ON_REQUEST:
		json_object_set_new(o, "by", json_text(p->by));
		break;
	case DL_AFTER_DIRECTIVE:
		json_object_set_new(o, "by", json_text(p->by));
		json_object_set_new(o, "year", p->year ? json_integer(p->year) : json_null());
		break;
	case DL_PER_DOCUMENT:
		json_object_set_new(o, "ref", json_text(p->ref));
		break;
	default:
		break;
	}
}

json_t *dl_to_json(const struct deadline *dl)
{
	json_t *o = json_object(), *parts;

	if (!dl || dl->d.kind != DL_MULTI) {
		struct dl_part none;

		if (!dl) {
			memset(&none, 0, sizeof none);
			none.kind = DL_NONE;
		}
		part_to_json(dl ? &dl->d : &none, o);
		return o;
	}
	json_object_set_new(o, "kind", json_string("multi"));
	if (dl->d.ref[0])
		json_object_set_new(o, "ref", json_string(dl->d.ref));
	parts = json_array();
	for (int i = 0; i < dl->nparts && i < DL_MAX_PARTS; i++) {
		json_t *p = json_object();

		json_object_set_new(p, "level", json_text(dl->parts[i].level));
		part_to_json(&dl->parts[i], p);
		json_array_append_new(parts, p);
	}
	json_object_set_new(o, "parts", parts);
	return o;
}

/* Error for field `name` (prefix names the part: "parts[1]."). */
static int field_err(struct err *e, const char *prefix, const char *name, const char *what)
{
	if (e)
		snprintf(e->field, sizeof e->field, "%s%s", prefix, name);
	return err_set(e, ERR_INPUT, "thời hạn: trường \"%s%s\" %s", prefix, name, what);
}

static int get_date(const json_t *o, const char *name, int required, date_t *out,
		    const char *prefix, struct err *e)
{
	const json_t *v = json_object_get(o, name);

	*out = DATE_NONE;
	if (!v || json_is_null(v))
		return required ? field_err(e, prefix, name, "bị thiếu") : 0;
	if (!json_is_string(v) || date_parse(json_string_value(v), out, NULL) != 0)
		return field_err(e, prefix, name, "phải là ngày hợp lệ dạng yyyy-mm-dd");
	return 0;
}

static int get_text(const json_t *o, const char *name, char *buf, size_t len,
		    const char *prefix, struct err *e)
{
	const json_t *v = json_object_get(o, name);

	buf[0] = '\0';
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return field_err(e, prefix, name, "phải là chuỗi");
	if (strlen(json_string_value(v)) >= len)
		return field_err(e, prefix, name, "quá dài");
	str_copy(buf, json_string_value(v), len);
	return 0;
}

static int get_int(const json_t *o, const char *name, int lo, int hi, int *out,
		   const char *prefix, struct err *e)
{
	const json_t *v = json_object_get(o, name);

	*out = 0;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi) {
		char what[64];

		snprintf(what, sizeof what, "phải là số nguyên từ %d đến %d", lo, hi);
		return field_err(e, prefix, name, what);
	}
	*out = (int)json_integer_value(v);
	return 0;
}

/* "every" of an ongoing or from part: "half", "quarter", "month" or null.
 * A yearly rhythm is the kind "annual". */
static int get_every(const json_t *o, uint8_t *out, const char *prefix, struct err *e)
{
	const json_t *v = json_object_get(o, "every");
	int k;

	*out = DL_EVERY_NONE;
	if (!v || json_is_null(v))
		return 0;
	k = json_is_string(v) ? dl_every_from_name(json_string_value(v)) : -1;
	if (k == DL_EVERY_YEAR)
		return field_err(e, prefix, "every", "\"year\" không dùng ở đây: hằng năm là loại \"annual\"");
	if (k < 0)
		return field_err(e, prefix, "every", "phải là \"half\", \"quarter\", \"month\" hoặc null");
	*out = (uint8_t)k;
	return 0;
}

/* One part (or the whole) from o; multi is refused inside a part. */
static int part_from_json(const json_t *o, struct dl_part *p, int in_multi, const char *prefix,
			  struct err *e)
{
	const json_t *k = json_object_get(o, "kind");
	int kind, rc = 0;

	part_init(p);
	if (!json_is_object(o)) {
		if (e)
			snprintf(e->field, sizeof e->field, "%.*s", (int)strcspn(prefix, "."), prefix);
		return err_set(e, ERR_INPUT, "thời hạn%s%.*s phải là một đối tượng JSON",
			       prefix[0] ? " " : "", (int)strcspn(prefix, "."), prefix);
	}
	if (!k || !json_is_string(k))
		return field_err(e, prefix, "kind", "bị thiếu hoặc không phải chuỗi");
	kind = dl_kind_from_name(json_string_value(k));
	if (kind < 0 || (in_multi && kind == DL_MULTI)) {
		char what[128];

		snprintf(what, sizeof what, "có loại thời hạn không hợp lệ: %.60s", json_string_value(k));
		return field_err(e, prefix, "kind", what);
	}
	p->kind = (enum dl_kind)kind;
	switch (p->kind) {
	case DL_BY:
		rc = get_date(o, "due", 1, &p->due, prefix, e);
		break;
	case DL_FROM:
		if (!(rc = get_date(o, "start", 1, &p->start, prefix, e)))
			rc = get_every(o, &p->every, prefix, e);
		break;
	case DL_ONGOING:
		rc = get_every(o, &p->every, prefix, e);
		break;
	case DL_RANGE:
		if (!(rc = get_date(o, "start", 1, &p->start, prefix, e)) &&
		    !(rc = get_date(o, "due", 1, &p->due, prefix, e)) && p->due < p->start)
			rc = field_err(e, prefix, "due", "không được trước ngày bắt đầu");
		break;
	case DL_ANNUAL:
		rc = get_int(o, "month", 1, 12, &p->month, prefix, e);
		break;
	case DL_ON_REQUEST:
		rc = get_text(o, "by", p->by, sizeof p->by, prefix, e);
		break;
	case DL_AFTER_DIRECTIVE:
		if (!(rc = get_text(o, "by", p->by, sizeof p->by, prefix, e)))
			rc = get_int(o, "year", 1900, 9999, &p->year, prefix, e);
		break;
	case DL_PER_DOCUMENT:
		rc = get_text(o, "ref", p->ref, sizeof p->ref, prefix, e);
		break;
	default:
		break;
	}
	if (!rc && in_multi)
		rc = get_text(o, "level", p->level, sizeof p->level, prefix, e);
	return rc;
}

int dl_from_json(const json_t *j, struct deadline *dl, struct err *e)
{
	const json_t *parts;
	size_t i;
	int rc;

	dl_init(dl);
	if ((rc = part_from_json(j, &dl->d, 0, "", e)))
		goto fail;
	if (dl->d.kind != DL_MULTI)
		return 0;
	if ((rc = get_text(j, "ref", dl->d.ref, sizeof dl->d.ref, "", e)))
		goto fail;
	parts = json_object_get(j, "parts");
	if (!json_is_array(parts) || json_array_size(parts) < 1 ||
	    json_array_size(parts) > DL_MAX_PARTS) {
		char what[96];

		snprintf(what, sizeof what, "phải là mảng từ 1 đến %d phần", DL_MAX_PARTS);
		rc = field_err(e, "", "parts", what);
		goto fail;
	}
	for (i = 0; i < json_array_size(parts); i++) {
		char prefix[32];

		snprintf(prefix, sizeof prefix, "parts[%zu].", i);
		if ((rc = part_from_json(json_array_get(parts, i), &dl->parts[i], 1, prefix, e)))
			goto fail;
	}
	dl->nparts = (int)i;
	return 0;
fail:
	dl_init(dl);
	return rc;
}
