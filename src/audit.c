/* audit.c — reading the audit trail with filters, the newest entries, and
 * an entry as JSON (told in words: audit-text.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "config.h"
#include "ops.h"
#include "store.h"
#include "text.h"
#include "timeliness.h"
#include "util.h"

int audit_match(const struct audit *a, const struct audit_filter *f)
{
	if (!f)
		return 1;
	if (f->after_seq && a->seq <= f->after_seq)
		return 0;
	if (f->since && a->time < f->since)
		return 0;
	if (f->until && a->time >= f->until)
		return 0;
	if (f->login && strcmp(a->login, f->login))
		return 0;
	if (f->action && strcmp(a->action, f->action))
		return 0;
	if (f->object && strcmp(a->object, f->object))
		return 0;
	if (f->task) {
		char obj[40];
		snprintf(obj, sizeof obj, "task:%llu", (unsigned long long)f->task);
		if (strcmp(a->object, obj))
			return 0;
	}
	return 1;
}

struct each {
	const struct audit_filter *f;
	uint64_t upto; /* stop after this seq (0: no bound) */
	int (*cb)(const struct audit *a, void *ctx);
	void *ctx;
};

#define AUDIT_PAST 2 /* returned by each_one past `upto`: not the caller's value */

static int each_one(const struct audit *a, void *ctx)
{
	struct each *w = ctx;
	if (w->upto && a->seq > w->upto)
		return AUDIT_PAST;
	if (!audit_match(a, w->f))
		return 0;
	return w->cb(a, w->ctx);
}

int audit_each(struct txn *t, const struct audit_filter *f,
               int (*cb)(const struct audit *a, void *ctx), void *ctx, struct err *e)
{
	struct each w = {f, 0, cb, ctx};
	uint64_t from = f && f->after_seq ? f->after_seq + 1 : 0;
	return store_audit_each(t, from, each_one, &w, e);
}

/* ---- the newest entries ---------------------------------------------------- */

struct window {
	struct audit *v;
	size_t n, cap;
};

static int collect(const struct audit *a, void *ctx)
{
	struct window *w = ctx;
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 64;
		w->v = xrealloc(w->v, w->cap * sizeof *w->v);
	}
	struct audit *c = &w->v[w->n++];
	*c = *a;
	c->before = a->before ? xstrdup(a->before) : NULL;
	c->after = a->after ? xstrdup(a->after) : NULL;
	return 0;
}

void audit_list_free(struct audit *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		audit_free(&v[i]);
	free(v);
}

static int newest_first(const void *x, const void *y)
{
	const struct audit *a = x, *b = y;
	if (a->time != b->time)
		return a->time > b->time ? -1 : 1;
	return a->seq > b->seq ? -1 : a->seq < b->seq;
}

void audit_sort_newest(struct audit *v, size_t n)
{
	if (n > 1)
		xqsort(v, n, sizeof *v, newest_first);
}

#define WINDOW 4096

int audit_latest(struct txn *t, const struct audit_filter *f, size_t limit, struct audit **out,
                 size_t *n, struct err *e)
{
	struct store_stat ss;
	struct window res = {0};
	int rc = store_stat(t, &ss, e);
	*out = NULL;
	*n = 0;
	if (rc)
		return rc;
	/* Entries are numbered 1.. without gaps; the first window reads to the
	 * end in case a damaged trail numbers past its count. */
	uint64_t hi = 0, lo = ss.audit > WINDOW ? ss.audit - WINDOW + 1 : 1;
	uint64_t floor_seq = f && f->after_seq ? f->after_seq + 1 : 1;
	for (;;) {
		struct window w = {0};
		struct each ew = {f, hi, collect, &w};
		if (lo < floor_seq)
			lo = floor_seq;
		rc = store_audit_each(t, lo, each_one, &ew, e);
		if (rc == AUDIT_PAST)
			rc = 0;
		for (size_t i = w.n; i > 0 && !rc && !(limit && res.n == limit); i--) {
			if (res.n == res.cap) {
				res.cap = res.cap ? 2 * res.cap : 64;
				res.v = xrealloc(res.v, res.cap * sizeof *res.v);
			}
			res.v[res.n++] = w.v[i - 1];
			w.v[i - 1].before = w.v[i - 1].after = NULL; /* moved to res */
		}
		audit_list_free(w.v, w.n);
		if (rc || lo <= floor_seq || (limit && res.n == limit))
			break;
		hi = lo - 1;
		lo = hi > WINDOW ? hi - WINDOW + 1 : 1;
	}
	if (rc) {
		audit_list_free(res.v, res.n);
		return rc;
	}
	*out = res.v;
	*n = res.n;
	return 0;
}

/* ---- rendering ------------------------------------------------------------- */

static const struct {
	const char *key, *label;
} action_labels[] = {
	{"update", "cập nhật"},
	{"extend", "gia hạn"},
	{"extend-request", "đề nghị gia hạn"},
	{"extend-grant", "chấp nhận gia hạn"},
	{"extend-refuse", "không chấp nhận gia hạn"},
	{"confirm", "xác nhận hoàn thành"},
	{"return", "trả lại"},
	{"add-doc", "thêm văn bản"},
	{"add-task", "thêm nhiệm vụ"},
	{"import", "nhập văn bản"},
	{"import-json", "nhập kho từ JSON"},
	{"restore", "phục hồi kho"},
	{"repair", "sửa chỉ mục"},
	{"measure", "ghi số liệu chỉ tiêu"},
	{"unit.sync", "đồng bộ đơn vị"},
	{"unit.handover", "bàn giao nhiệm vụ"},
	{"demo", "dữ liệu minh họa"},
	{"init", "tạo kho"},
	{"edit-doc", "sửa văn bản"},
	{"edit-task", "sửa nhiệm vụ"},
	{"move-task", "chuyển nhiệm vụ"},
	{"delete-doc", "xóa văn bản"},
	{"delete-task", "xóa nhiệm vụ"},
	{"restore-doc", "khôi phục văn bản"},
	{"restore-task", "khôi phục nhiệm vụ"},
	{"link", "gắn tên với đơn vị"},
	{"expand-task", "tách nghĩa vụ từng đơn vị"},
	{"report-text", "ghi nội dung báo cáo"},
	{"issue", "ban hành văn bản"},
	{"mail", "gửi văn bản qua thư"},
};

const char *audit_action_label(const char *action)
{
	for (size_t i = 0; i < sizeof action_labels / sizeof action_labels[0]; i++)
		if (!strcmp(action_labels[i].key, action))
			return action_labels[i].label;
	return action;
}

json_t *audit_json_object(const char *s)
{
	if (!s)
		return NULL;
	json_t *j = json_loads(s, JSON_DECODE_ANY, NULL);
	if (j && !json_is_object(j)) {
		json_decref(j);
		return NULL;
	}
	return j;
}

const char *audit_time_str(int64_t t, char *buf, size_t len)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm) || !strftime(buf, len, "%Y-%m-%d %H:%M:%S", &tm))
		snprintf(buf, len, "%lld", (long long)t);
	return buf;
}

const char *audit_time_vn(int64_t t, char *buf, size_t len)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm) || !strftime(buf, len, "%d/%m/%Y %H:%M:%S", &tm))
		snprintf(buf, len, "%lld", (long long)t);
	return buf;
}

const char *audit_role_label(const char *role)
{
	int r = role_parse(role ? role : "");
	return r >= 0 ? role_label((enum role)r) : (role ? role : "");
}

static json_t *parse_any(const char *s)
{
	if (!s)
		return json_null();
	json_t *j = json_loads(s, JSON_DECODE_ANY, NULL);
	if (!j)
		j = json_string(s);
	return j ? j : json_null(); /* not even UTF-8 */
}

json_t *audit_to_json(const struct audit *a)
{
	char iso[40];
	time_t tt = (time_t)a->time;
	struct tm tm;
	if (!localtime_r(&tt, &tm) || !strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%S%z", &tm))
		snprintf(iso, sizeof iso, "%lld", (long long)a->time);
	json_t *o = json_object();
	json_object_set_new(o, "seq", json_integer((json_int_t)a->seq));
	json_object_set_new(o, "time", json_string(iso));
	json_object_set_new(o, "unix_time", json_integer((json_int_t)a->time));
	json_object_set_new(o, "login", json_string(a->login));
	json_object_set_new(o, "role", json_string(a->role));
	json_object_set_new(o, "action", json_string(a->action));
	json_object_set_new(o, "object", json_string(a->object));
	json_object_set_new(o, "before", parse_any(a->before));
	json_object_set_new(o, "after", parse_any(a->after));
	return o;
}

int64_t audit_day_start(date_t d)
{
	int y, m, dd;
	struct tm tm;
	date_split(d, &y, &m, &dd);
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = dd;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}
