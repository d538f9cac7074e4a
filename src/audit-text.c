/* audit-text.c — an audit entry told for people: each stored key named in
 * Vietnamese, each value shown by its kind (a unit by name, a document by
 * number, a day as dd/mm/yyyy, a status by its label), the object of the
 * entry in words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit-text.h"
#include "audit.h"
#include "hier.h"
#include "indicator.h"
#include "ops.h"
#include "report-text.h"
#include "report.h"
#include "store-trash.h"
#include "store.h"
#include "text.h"
#include "timeliness.h"
#include "util.h"

#define EMPTY "(trống)"
#define NO_UNIT "(chưa gắn)"

/* ---- names of ids ------------------------------------------------------------ */

struct doc_name {
	uint64_t id;
	char *number; /* "" when the document has none or is gone */
};

struct audit_names {
	const struct hier *h;
	struct doc_name *docs; /* sorted by id */
	size_t ndocs, cap;
	int trash_read;        /* the deleted documents' numbers are in docs */
};

struct audit_names *audit_names_new(const struct hier *h)
{
	struct audit_names *n = xcalloc(1, sizeof *n);
	n->h = h;
	return n;
}

void audit_names_tree(struct audit_names *n, const struct hier *h)
{
	if (n)
		n->h = h;
}

void audit_names_reset(struct audit_names *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->ndocs; i++)
		free(n->docs[i].number);
	n->ndocs = 0;
	n->trash_read = 0;
}

void audit_names_free(struct audit_names *n)
{
	if (!n)
		return;
	audit_names_reset(n);
	free(n->docs);
	free(n);
}

/* Where id is or would go in n->docs; 1 if it is there. */
static int doc_find(const struct audit_names *n, uint64_t id, size_t *at)
{
	size_t lo = 0, hi = n->ndocs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (n->docs[mid].id == id) {
			*at = mid;
			return 1;
		}
		if (n->docs[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	*at = lo;
	return 0;
}

static const char *doc_remember(struct audit_names *n, uint64_t id, const char *number)
{
	size_t at;
	if (doc_find(n, id, &at))
		return n->docs[at].number;
	if (n->ndocs == n->cap) {
		n->cap = n->cap ? 2 * n->cap : 16;
		n->docs = xrealloc(n->docs, n->cap * sizeof *n->docs);
	}
	memmove(n->docs + at + 1, n->docs + at, (n->ndocs - at) * sizeof *n->docs);
	n->docs[at].id = id;
	n->docs[at].number = xstrdup(number);
	n->ndocs++;
	return n->docs[at].number;
}

/* The deleted documents (listed first in the trash) into n->docs. */
static int trash_doc(const struct trash_entry *x, void *ctx)
{
	if (x->kind != TRASH_DOC)
		return 1;
	doc_remember(ctx, x->id, x->number);
	return 0;
}

/* The number of document id ("" if none or unknown), read once; a
 * deleted document's from the trash (the entries of its deletion and
 * restoration name it). */
static const char *doc_number(struct audit_names *n, struct txn *t, uint64_t id)
{
	size_t at;
	if (!n)
		return "";
	if (doc_find(n, id, &at))
		return n->docs[at].number;
	if (!t)
		return "";
	struct doc d = {0};
	struct err e = {0};
	int rc = store_doc_get(t, id, &d, &e);
	if (rc == ERR_NOTFOUND && !n->trash_read) {
		n->trash_read = 1;
		trash_each(t, trash_doc, n, &e);
		if (doc_find(n, id, &at)) {
			doc_free(&d);
			return n->docs[at].number;
		}
	}
	const char *num = doc_remember(n, id, rc ? "" : d.number);
	doc_free(&d);
	return num;
}

/* "42-KH/ThU (#2)", or "#2" for a document without a number. */
static void put_doc(struct sbuf *b, struct audit_names *n, struct txn *t, uint64_t id)
{
	const char *num = doc_number(n, t, id);
	if (*num)
		sbuf_printf(b, "%s (#%llu)", num, (unsigned long long)id);
	else
		sbuf_printf(b, "#%llu", (unsigned long long)id);
}

/* A unit by name, with its code when another unit answers to that name. */
static void put_unit(struct sbuf *b, const struct audit_names *n, const struct unit *u)
{
	const char *name = u->name && *u->name ? u->name : u->code;
	sbuf_puts(b, name);
	if (n && n->h && name != u->code && hier_resolve_all(n->h, name, NULL, 0) > 1)
		sbuf_printf(b, " (%s)", u->code);
}

/* The unit of v: a store id (integer) or a code (string).  0 if none. */
static int put_unit_value(struct sbuf *b, const struct audit_names *n, const json_t *v)
{
	const struct unit *u = NULL;
	if (json_is_integer(v) && json_integer_value(v) > 0) {
		u = n && n->h ? hier_unit(n->h, (uint32_t)json_integer_value(v)) : NULL;
		if (!u) {
			sbuf_printf(b, "đơn vị #%lld", (long long)json_integer_value(v));
			return 1;
		}
	} else if (json_is_string(v) && *json_string_value(v)) {
		size_t i = n && n->h ? hier_find_code(n->h, json_string_value(v)) : (size_t)-1;
		u = i != (size_t)-1 ? hier_at(n->h, i) : NULL;
		if (!u) {
			sbuf_puts(b, json_string_value(v));
			return 1;
		}
	}
	if (!u)
		return 0;
	put_unit(b, n, u);
	return 1;
}

/* ---- what a stored key means --------------------------------------------------- */

enum kind {
	K_TEXT, K_NUMBER, K_DATE, K_TIME, K_PERCENT, K_BOOL, K_STATUS, K_CONFIRM, K_EXTSTATE,
	K_UNIT, K_UNITS, K_DOC, K_ROLE, K_ACTION, K_UKIND, K_RTEXT, K_PERIOD, K_OBLIG, K_LIST,
	K_MAILSTATUS, K_SKIP
};

struct field {
	const char *key;
	const char *action; /* only in entries of this action; NULL: any */
	const char *label;
	enum kind kind;
	const char *text;   /* the companion key: the same thing as written */
};

/* The first row of a key for the entry's action wins over the generic one. */
static const struct field fields[] = {
	{"status", "mail", "kết quả gửi", K_MAILSTATUS, NULL},
	{"to", "mail", "gửi đến", K_TEXT, NULL},
	{"kind", "unit.sync", "loại", K_UKIND, NULL},
	{"name", "link", "tên như văn bản ghi", K_TEXT, NULL},
	{"unit", "link", "gắn với đơn vị", K_UNIT, NULL},
	{"section", "report-text", "phần", K_RTEXT, NULL},
	{"obligations", "import", "số nghĩa vụ đã tạo", K_NUMBER, NULL},

	{"status", NULL, "trạng thái", K_STATUS, NULL},
	{"progress", NULL, "tiến độ", K_PERCENT, NULL},
	{"due", NULL, "hạn", K_DATE, NULL},
	{"confirm", NULL, "xác nhận", K_CONFIRM, NULL},
	{"note", NULL, "ghi chú", K_TEXT, NULL},
	{"reason", NULL, "lý do", K_TEXT, NULL},
	{"text", NULL, "nội dung", K_TEXT, NULL},
	{"lead", NULL, "chủ trì", K_UNIT, "lead_text"},
	{"lead_text", NULL, "chủ trì (như văn bản ghi)", K_TEXT, NULL},
	{"partners", NULL, "phối hợp", K_UNITS, "partners_text"},
	{"partners_text", NULL, "phối hợp (như văn bản ghi)", K_TEXT, NULL},
	{"issuer", NULL, "cơ quan ban hành", K_UNIT, "issuer_text"},
	{"issuer_text", NULL, "cơ quan ban hành (như văn bản ghi)", K_TEXT, NULL},
	{"number", NULL, "số", K_TEXT, NULL},
	{"kind", NULL, "loại", K_TEXT, NULL},
	{"date", NULL, "ngày", K_DATE, NULL},
	{"title", NULL, "trích yếu", K_TEXT, NULL},
	{"plan_due", NULL, "hạn ban hành kế hoạch thực hiện", K_DATE, NULL},
	{"implements", NULL, "thực hiện văn bản", K_LIST, NULL},
	{"deadline", NULL, "thời hạn", K_TEXT, NULL},
	{"section", NULL, "mục", K_TEXT, NULL},
	{"doc", NULL, "văn bản", K_DOC, NULL},
	{"group_open", NULL, "nhiệm vụ chung tính theo nghĩa vụ từng đơn vị", K_BOOL, NULL},
	{"obligations", NULL, "nghĩa vụ", K_OBLIG, NULL},
	{"group_size", NULL, "số đơn vị của nhóm", K_NUMBER, NULL},
	{"by", NULL, "qua", K_ACTION, NULL},
	{"done_on", NULL, "ngày hoàn thành thực tế", K_DATE, NULL},
	{"day", NULL, "ngày nhập", K_DATE, NULL},
	{"extension", NULL, "lần gia hạn số", K_NUMBER, NULL},
	{"extension_state", NULL, "tình trạng gia hạn", K_EXTSTATE, NULL},
	{"to", NULL, "đến ngày", K_DATE, NULL},
	{"decision", NULL, "ý kiến", K_TEXT, NULL},
	{"late", NULL, "sau khi đã quá hạn", K_BOOL, NULL},
	{"measure", NULL, NULL, K_SKIP, NULL}, /* the measurement's id: nothing to read */
	{"value", NULL, "giá trị", K_NUMBER, NULL},
	{"tasks", NULL, "số nhiệm vụ", K_NUMBER, NULL},
	{"with_work", NULL, "số nhiệm vụ đã ghi nhận kết quả", K_NUMBER, NULL},
	{"indicators", NULL, "số chỉ tiêu", K_NUMBER, NULL},
	{"units", NULL, "số đơn vị", K_NUMBER, NULL},
	{"docs", NULL, "số văn bản", K_NUMBER, NULL},
	{"updates", NULL, "số lần cập nhật", K_NUMBER, NULL},
	{"audit", NULL, "số mục nhật ký", K_NUMBER, NULL},
	{"kept", NULL, "nhiệm vụ giữ nguyên", K_NUMBER, NULL},
	{"changed", NULL, "nhiệm vụ sửa", K_NUMBER, NULL},
	{"deleted", NULL, "nhiệm vụ xóa", K_NUMBER, NULL},
	{"added", NULL, "nhiệm vụ thêm", K_NUMBER, NULL},
	{"dues_fixed", NULL, "số hạn tính lại", K_NUMBER, NULL},
	{"group_marks_fixed", NULL, "số nhiệm vụ chung đánh dấu lại", K_NUMBER, NULL},
	{"file", NULL, "tệp", K_TEXT, NULL},
	{"path", NULL, "thư mục kho", K_TEXT, NULL},
	{"units_ini", NULL, "tệp đơn vị", K_TEXT, NULL},
	{"code", NULL, "mã", K_TEXT, NULL},
	{"name", NULL, "tên", K_TEXT, NULL},
	{"abbrevs", NULL, "tên viết tắt", K_TEXT, NULL},
	{"parent", NULL, "cấp trên", K_UNIT, NULL},
	{"historical", NULL, "đơn vị cũ (không còn trong cấu hình)", K_BOOL, NULL},
	{"successor", NULL, "đơn vị kế thừa", K_UNIT, NULL},
	{"unit", NULL, "đơn vị", K_UNIT, NULL},
	{"period", NULL, "kỳ", K_PERIOD, NULL},
	{"year", NULL, "năm", K_NUMBER, NULL},
	{"format", NULL, "định dạng", K_TEXT, NULL},
	{"sha256", NULL, "mã kiểm tra SHA-256", K_TEXT, NULL},
	{"login", NULL, "tài khoản", K_TEXT, NULL},
	{"role", NULL, "vai trò", K_ROLE, NULL},
	{"time", NULL, "thời điểm", K_TIME, NULL},
};

static const struct field *field_of(const char *key, const char *action)
{
	const struct field *any = NULL;
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		if (strcmp(fields[i].key, key))
			continue;
		if (fields[i].action && !strcmp(fields[i].action, action))
			return &fields[i];
		if (!fields[i].action && !any)
			any = &fields[i];
	}
	return any;
}

/* The field whose companion key is `key` (lead_text -> lead), or NULL. */
static const struct field *companion_of(const char *key)
{
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (fields[i].text && !strcmp(fields[i].text, key))
			return &fields[i];
	return NULL;
}

/* ---- values ------------------------------------------------------------------------ */

static int is_digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* "YYYY-MM-DD..." as "dd/mm/yyyy" and the rest as it is. */
static void put_day(struct sbuf *b, const char *s)
{
	if (strlen(s) >= 10 && is_digits(s, 4) && s[4] == '-' && is_digits(s + 5, 2) &&
	    s[7] == '-' && is_digits(s + 8, 2)) {
		sbuf_printf(b, "%.2s/%.2s/%.4s", s + 8, s + 5, s);
		s += 10;
		if (*s == 'T' || *s == ' ')
			sbuf_printf(b, " %s", s + 1);
		else
			sbuf_puts(b, s);
	} else {
		sbuf_puts(b, s);
	}
}

const char *audit_note_time(const json_t *time, char *buf, size_t len)
{
	struct sbuf b = {0};
	buf[0] = '\0';
	if (json_is_integer(time))
		return audit_time_vn((int64_t)json_integer_value(time), buf, len);
	if (json_is_string(time)) {
		put_day(&b, json_string_value(time));
		str_copy(buf, b.s ? b.s : "", len);
		sbuf_free(&b);
	}
	return buf;
}

static int is_empty(const json_t *v)
{
	return !v || json_is_null(v) || (json_is_string(v) && !*json_string_value(v)) ||
	       (json_is_array(v) && !json_array_size(v));
}

static void put_plain(struct sbuf *b, const json_t *v)
{
	if (json_is_string(v)) {
		sbuf_puts(b, json_string_value(v));
	} else if (json_is_integer(v)) {
		sbuf_printf(b, "%lld", (long long)json_integer_value(v));
	} else if (json_is_real(v)) {
		char num[64]; /* the decimal comma, as the indicators show it */
		sbuf_puts(b, ind_format_value(json_real_value(v), NULL, num, sizeof num));
	} else if (json_is_boolean(v)) {
		sbuf_puts(b, json_is_true(v) ? "có" : "không");
	} else if (json_is_array(v)) {
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x) {
			if (i)
				sbuf_puts(b, ", ");
			put_plain(b, x);
		}
	} else if (json_is_object(v)) {
		/* not a shape of this release: its members, named */
		const char *k;
		json_t *x;
		int first = 1;
		json_object_foreach((json_t *)v, k, x) {
			sbuf_printf(b, "%s%s: ", first ? "" : ", ", k);
			put_plain(b, x);
			first = 0;
		}
	}
}

/* A label of a stored key among keys, or the key when unknown. */
static const char *label_of(const char *s, int n, const char *(*label)(int))
{
	return n >= 0 && *label(n) ? label(n) : s;
}

static const char *status_label(int n) { return st_label((enum task_status)n); }
static const char *ukind_label(int n) { return unit_kind_label((enum unit_kind)n); }
static const char *rtext_label(int n) { return rtext_title((enum rtext_section)n); }

static const char *confirm_label(const char *s)
{
	for (int x = CF_NONE; x <= CF_RETURNED; x++)
		if (!strcmp(s, ops_confirm_key((enum confirm_state)x)))
			return *ops_confirm_label((enum confirm_state)x) ? ops_confirm_label((enum confirm_state)x)
			                                                : EMPTY;
	return s;
}

static const char *ext_label(const char *s)
{
	for (int x = EXT_GRANTED; x <= EXT_REFUSED; x++)
		if (!strcmp(s, ops_ext_state_key((enum ext_state)x)))
			return ops_ext_state_label((enum ext_state)x);
	return s;
}

/* The label of a stored key of kind k ("done" -> "hoàn thành"); the key
 * itself when unknown. */
static const char *key_label(enum kind k, const char *s)
{
	switch (k) {
	case K_STATUS: return label_of(s, st_parse(s), status_label);
	case K_CONFIRM: return confirm_label(s);
	case K_EXTSTATE: return ext_label(s);
	case K_ROLE: return audit_role_label(s);
	case K_ACTION: return audit_action_label(s);
	case K_UKIND: return label_of(s, unit_kind_parse(s), ukind_label);
	case K_RTEXT: return label_of(s, rtext_parse(s), rtext_label);
	case K_MAILSTATUS: return !strcmp(s, "sent") ? "đã gửi" : s;
	default: return s;
	}
}

/* "4 nghĩa vụ: Thành ủy Bình Giang (#308), ..." or the number made. */
static void put_obligations(struct sbuf *b, const struct audit_names *n, const json_t *v)
{
	size_t i;
	json_t *x;
	if (!json_is_array(v)) {
		put_plain(b, v);
		return;
	}
	sbuf_printf(b, "%zu nghĩa vụ", json_array_size(v));
	json_array_foreach(v, i, x) {
		sbuf_puts(b, i ? ", " : ": ");
		if (!put_unit_value(b, n, json_object_get(x, "unit")))
			sbuf_puts(b, NO_UNIT);
		if (json_is_integer(json_object_get(x, "task")))
			sbuf_printf(b, " (#%lld)", (long long)json_integer_value(json_object_get(x, "task")));
	}
}

/* One value of field f (text: its companion, the same as written); `same`:
 * the unit is the same on both sides, so the written text is what
 * changed. */
static void put_kind(struct sbuf *b, struct audit_names *n, struct txn *t, const struct field *f,
                     const json_t *v, const json_t *text, int same)
{
	const char *s = json_is_string(v) ? json_string_value(v) : NULL;
	enum kind k = f ? f->kind : K_TEXT;
	if (k == K_UNIT || k == K_UNITS) {
		int any = 0;
		if (k == K_UNIT) {
			any = put_unit_value(b, n, v);
		} else {
			size_t i;
			json_t *x;
			json_array_foreach(v, i, x) {
				if (any)
					sbuf_puts(b, ", ");
				any |= put_unit_value(b, n, x);
			}
		}
		if (!is_empty(text) && (!any || same))
			sbuf_printf(b, "%s“%s”%s", any ? " (văn bản ghi " : "", json_string_value(text),
			            any ? ")" : " " NO_UNIT);
		else if (!any)
			sbuf_puts(b, k == K_UNIT ? NO_UNIT : EMPTY);
		return;
	}
	if (is_empty(v)) {
		sbuf_puts(b, EMPTY);
		return;
	}
	switch (k) {
	case K_DATE:
	case K_TIME:
		if (json_is_integer(v)) {
			char buf[32];
			sbuf_puts(b, audit_note_time(v, buf, sizeof buf));
		} else if (s) {
			put_day(b, s);
		} else {
			put_plain(b, v);
		}
		break;
	case K_PERCENT:
		put_plain(b, v);
		sbuf_putc(b, '%');
		break;
	case K_DOC:
		if (json_is_integer(v))
			put_doc(b, n, t, (uint64_t)json_integer_value(v));
		else
			put_plain(b, v);
		break;
	case K_OBLIG: put_obligations(b, n, v); break;
	case K_PERIOD: {
		struct report_period p;
		char buf[64];
		if (s && !report_period_parse(s, &p, NULL))
			sbuf_puts(b, report_period_label(&p, buf, sizeof buf));
		else
			put_plain(b, v);
		break;
	}
	case K_STATUS:
	case K_CONFIRM:
	case K_EXTSTATE:
	case K_ROLE:
	case K_ACTION:
	case K_UKIND:
	case K_RTEXT:
	case K_MAILSTATUS:
		if (s)
			sbuf_puts(b, key_label(k, s));
		else
			put_plain(b, v);
		break;
	default: put_plain(b, v); break;
	}
}

/* Append the value made safe and cut to max columns. */
static void put_value(struct sbuf *out, struct audit_names *n, struct txn *t, const struct field *f,
                      const json_t *v, const json_t *text, int same, int max)
{
	struct sbuf b = {0};
	put_kind(&b, n, t, f, v, text, same);
	char *clean = txt_sanitize(b.s ? b.s : "");
	if (max > 0 && txt_width(clean) > max) {
		char *cut = txt_trunc(clean, max);
		sbuf_puts(out, cut);
		free(cut);
	} else {
		sbuf_puts(out, clean);
	}
	free(clean);
	sbuf_free(&b);
}

/* ---- an entry ---------------------------------------------------------------------- */

/* A restore: the deletion it undid as one phrase. */
static void put_restore(struct sbuf *b, const json_t *note, int max)
{
	const char *login = json_string_value(json_object_get(note, "login"));
	const char *role = json_string_value(json_object_get(note, "role"));
	const char *reason = json_string_value(json_object_get(note, "reason"));
	char when[40];
	audit_note_time(json_object_get(note, "time"), when, sizeof when);
	sbuf_puts(b, "khôi phục từ thùng rác");
	if ((login && *login) || *when)
		sbuf_puts(b, ", đã xóa");
	if (login && *login) {
		char *l = txt_sanitize(login);
		sbuf_printf(b, " bởi %s", l);
		free(l);
		if (role && *role) {
			char *r = txt_sanitize(audit_role_label(role));
			sbuf_printf(b, " (%s)", r);
			free(r);
		}
	}
	if (*when)
		sbuf_printf(b, " lúc %s", when);
	if (reason && *reason) {
		json_t *r = json_string(reason);
		sbuf_puts(b, "; lý do xóa: ");
		put_value(b, NULL, NULL, NULL, r, NULL, 0, max);
		json_decref(r);
	}
}

/* 1 if a and b are the same value, or both absent. */
static int same_json(const json_t *a, const json_t *b)
{
	return a == b || (a && b && json_equal((json_t *)a, (json_t *)b));
}

/* One field: "nhãn: trước → sau", or "nhãn: giá trị" when new. */
static void put_field(struct sbuf *b, struct audit_names *n, struct txn *t, const struct audit *a,
                      const char *key, const json_t *before, const json_t *after, int max)
{
	const struct field *f = field_of(key, a->action);
	const json_t *old = before ? json_object_get(before, key) : NULL;
	const json_t *now = after ? json_object_get(after, key) : NULL;
	const json_t *old_text = NULL, *now_text = NULL;
	if (f && f->kind == K_SKIP)
		return;
	if (f && f->text) {
		old_text = before ? json_object_get(before, f->text) : NULL;
		now_text = after ? json_object_get(after, f->text) : NULL;
	}
	int in_before = old || old_text, in_after = now || now_text;
	if (in_before && in_after && same_json(old, now) && same_json(old_text, now_text))
		return; /* unchanged */
	if (!before && ((is_empty(now) && is_empty(now_text)) || json_is_false(now)))
		return; /* a record made: its empty fields say nothing */
	if (f && f->kind == K_OBLIG && json_is_array(now) && !in_before) {
		/* "4 nghĩa vụ: ..." says what it is */
		sbuf_puts(b, b->len ? "; " : "");
		put_value(b, n, t, f, now, NULL, 0, max);
		return;
	}
	char *label = txt_sanitize(f ? f->label : key);
	sbuf_printf(b, "%s%s: ", b->len ? "; " : "", label);
	free(label);
	int same = same_json(old, now);
	if (in_before) {
		put_value(b, n, t, f, old, old_text, same, max);
		sbuf_puts(b, " → ");
	}
	if (in_after)
		put_value(b, n, t, f, now, now_text, same, max);
	else
		sbuf_puts(b, "(bỏ)");
}

char *audit_text(struct audit_names *n, struct txn *t, const struct audit *a, int max_value)
{
	struct sbuf b = {0};
	json_t *before = audit_json_object(a->before), *after = audit_json_object(a->after);
	const char *key;
	json_t *v;
	if ((a->before && !before) || (a->after && !after)) {
		/* not JSON objects: show them as they are */
		sbuf_puts(&b, a->before ? a->before : "");
		if (a->before && a->after)
			sbuf_puts(&b, " → ");
		sbuf_puts(&b, a->after ? a->after : "");
		char *raw = sbuf_detach(&b), *clean = txt_sanitize(raw ? raw : "");
		free(raw);
		json_decref(before);
		json_decref(after);
		return clean;
	}
	if (before && !after && (!strcmp(a->action, "restore-doc") || !strcmp(a->action, "restore-task"))) {
		put_restore(&b, before, max_value);
	} else {
		json_object_foreach(after, key, v) {
			const struct field *c = companion_of(key);
			if (c && (json_object_get(after, c->key) || (before && json_object_get(before, c->key))))
				continue; /* told with its unit */
			put_field(&b, n, t, a, key, before, after, max_value);
		}
		json_object_foreach(before, key, v) {
			const struct field *c = companion_of(key);
			if (after && json_object_get(after, key))
				continue;
			if (c && (json_object_get(before, c->key) || (after && json_object_get(after, c->key))))
				continue;
			put_field(&b, n, t, a, key, before, after, max_value);
		}
	}
	json_decref(before);
	json_decref(after);
	return b.s ? sbuf_detach(&b) : xstrdup("");
}

/* ---- the object ---------------------------------------------------------------------- */

char *audit_object_text(struct audit_names *n, struct txn *t, const char *object, int brief)
{
	struct sbuf b = {0};
	unsigned long long id;
	char tail;
	if (sscanf(object, "task:%llu%c", &id, &tail) == 1) {
		sbuf_printf(&b, "%s #%llu", brief ? "NV" : "nhiệm vụ", id);
	} else if (sscanf(object, "doc:%llu%c", &id, &tail) == 1) {
		sbuf_puts(&b, brief ? "VB " : "văn bản ");
		if (brief && *doc_number(n, t, id))
			sbuf_puts(&b, doc_number(n, t, id));
		else
			put_doc(&b, n, t, id);
	} else if (sscanf(object, "indicator:%llu%c", &id, &tail) == 1) {
		sbuf_printf(&b, "chỉ tiêu #%llu", id);
	} else if (!strncmp(object, "unit:", 5)) {
		json_t *code = json_string(object + 5);
		sbuf_puts(&b, brief ? "ĐV " : "đơn vị ");
		if (!code || !put_unit_value(&b, n, code))
			sbuf_puts(&b, object + 5);
		json_decref(code);
	} else if (!strcmp(object, "store")) {
		sbuf_puts(&b, "kho");
	} else if (!strncmp(object, "out:", 4)) {
		sbuf_printf(&b, "%s %s", brief ? "VB đi" : "văn bản đi", object + 4);
	} else if (!strncmp(object, "mail:", 5)) {
		sbuf_printf(&b, "thư gửi %s", object + 5);
	} else if (!strncmp(object, "text:", 5)) {
		/* text:<unit code>:<period>:<section> */
		char code[40] = "", period[40] = "", sec[40] = "";
		if (sscanf(object + 5, "%39[^:]:%39[^:]:%39s", code, period, sec) == 3) {
			int s = rtext_parse(sec);
			struct report_period p;
			char pl[64];
			json_t *c = json_string(code);
			sbuf_printf(&b, "%s — ", s >= 0 ? rtext_title((enum rtext_section)s) : sec);
			if (!c || !put_unit_value(&b, n, c))
				sbuf_puts(&b, code);
			json_decref(c);
			sbuf_printf(&b, ", %s", report_period_parse(period, &p, NULL) ? period
			                        : report_period_label(&p, pl, sizeof pl));
		} else {
			sbuf_puts(&b, object);
		}
	} else {
		sbuf_puts(&b, object);
	}
	char *raw = sbuf_detach(&b), *clean = txt_sanitize(raw ? raw : "");
	free(raw);
	return clean;
}
