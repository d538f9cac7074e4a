/* indicator.c — recording measured values of indicators, and judging
 * each against its minimum, aspiration and target year, or year by year. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "hier.h"
#include "indicator.h"
#include "ops.h"
#include "perm.h"
#include "store.h"
#include "text.h"
#include "util.h"

#define NOTE_MAX 2000

static const struct {
	const char *key, *label;
} state_words[IND_COUNT] = {
	[IND_NO_TARGET] = {"no_target", "không có mức chỉ tiêu"},
	[IND_NO_DATA] = {"no_data", "chưa có số liệu"},
	[IND_MET_MINIMUM] = {"met_minimum", "đạt mức tối thiểu"},
	[IND_ON_TRACK] = {"on_track", "đúng tiến độ"},
	[IND_AT_RISK] = {"at_risk", "có nguy cơ không đạt"},
	[IND_MISSED] = {"missed", "không đạt"},
	[IND_NOT_MET] = {"not_met", "chưa đạt"},
	[IND_MET_ASPIRATION] = {"met_aspiration", "đạt mức phấn đấu"},
};

const char *ind_state_key(enum ind_state s)
{
	return (int)s >= 0 && s < IND_COUNT ? state_words[s].key : "";
}

const char *ind_state_label(enum ind_state s)
{
	return (int)s >= 0 && s < IND_COUNT ? state_words[s].label : "";
}

/* ---- judging ------------------------------------------------------------- */

/* |x|, without libm */
static double absval(double x)
{
	return x < 0 ? -x : x;
}

/* v reaches g: at least g (at most, when lower is better), within rounding. */
static int reaches(double v, double g, int lower)
{
	double eps = 1e-9 * (absval(g) > 1 ? absval(g) : 1);
	return lower ? v <= g + eps : v >= g - eps;
}

static int measure_order(const void *a, const void *b)
{
	const struct measure *x = *(const struct measure *const *)a;
	const struct measure *y = *(const struct measure *const *)b;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* The level v reaches: IND_MET_ASPIRATION, IND_MET_MINIMUM, or IND_COUNT
 * for neither. */
static enum ind_state level_reached(const struct indicator *i, double v, int lower)
{
	if (!isnan(i->target) && reaches(v, i->target, lower))
		return IND_MET_ASPIRATION;
	if (!isnan(i->min) && reaches(v, i->min, lower))
		return IND_MET_MINIMUM;
	return IND_COUNT;
}

/* Judge on v[0..n) (sorted, all on or before today).  yearly: v holds the
 * values of one year only, so nothing after a->end stands in for it. */
static void judge(const struct indicator *i, const struct measure **v, size_t n, date_t today,
                  int yearly, struct ind_assessment *a)
{
	if (isnan(a->goal)) {
		a->state = IND_NO_TARGET;
		return;
	}
	if (n == 0) {
		a->state = IND_NO_DATA;
		return;
	}
	const struct measure *pick = v[n - 1];
	if (!yearly && a->end != DATE_NONE && today > a->end) {
		pick = v[0];
		for (size_t k = 0; k < n && v[k]->date <= a->end; k++)
			pick = v[k];
	}
	a->value = pick->value;
	a->value_date = pick->date;
	a->aspiration_met = !isnan(i->target) && reaches(pick->value, i->target, a->lower_better);
	enum ind_state level = level_reached(i, pick->value, a->lower_better);
	if (level != IND_COUNT) {
		a->state = level;
		return;
	}
	if (a->end == DATE_NONE) {
		a->state = IND_NOT_MET;
		return;
	}
	if (today > a->end) {
		a->state = IND_MISSED;
		return;
	}
	if (a->end > a->base_date)
		a->expected = a->base + (a->goal - a->base) * (double)(pick->date - a->base_date) /
		                            (double)(a->end - a->base_date);
	else
		a->expected = a->goal;
	a->state = reaches(pick->value, a->expected, a->lower_better) ? IND_ON_TRACK : IND_AT_RISK;
}

/* Judge on the values of ms dated in [from, to] (DATE_NONE: unbounded
 * below), with end as the target day. */
static void assess_span(const struct indicator *i, const struct measure *ms, size_t n,
                        date_t from, date_t to, date_t end, int year, date_t today,
                        struct ind_assessment *out)
{
	memset(out, 0, sizeof *out);
	out->goal = isnan(i->min) ? i->target : i->min;
	out->lower_better = ind_lower_is_better(i);
	out->year = year;
	out->end = end;
	out->value = out->base = out->expected = NAN;
	out->value_date = out->base_date = DATE_NONE;
	const struct measure **v = xcalloc(n ? n : 1, sizeof *v);
	size_t k = 0;
	for (size_t j = 0; j < n; j++)
		if (ms[j].date != DATE_NONE && ms[j].date <= to &&
		    (from == DATE_NONE || ms[j].date >= from) && isfinite(ms[j].value))
			v[k++] = &ms[j];
	xqsort(v, k, sizeof *v, measure_order);
	out->nmeasures = (int)k;
	if (k) {
		out->base = v[0]->value;
		out->base_date = v[0]->date;
		out->has_value = 1;
		out->value = v[k - 1]->value;
		out->value_date = v[k - 1]->date;
	}
	judge(i, v, k, today, year != 0, out);
	free(v);
}

void ind_assess_year(const struct indicator *i, const struct measure *ms, size_t n, int year,
                     date_t today, struct ind_assessment *out)
{
	date_t end = date_year_end(year);
	assess_span(i, ms, n, date_make(year, 1, 1), today < end ? today : end, end, year, today,
	            out);
}

void ind_assess(const struct indicator *i, const struct measure *ms, size_t n, date_t today,
                struct ind_assessment *out)
{
	int last = ind_last_year(i, today);
	if (last) {
		ind_assess_year(i, ms, n, last, today, out);
		return;
	}
	assess_span(i, ms, n, DATE_NONE, today, i->year > 0 ? date_year_end(i->year) : DATE_NONE, 0,
	            today, out);
}

#define MAX_YEARS 50

void ind_assess_years(const struct indicator *i, const struct measure *ms, size_t n,
                      int first_year, date_t today, struct ind_assessment **out, size_t *nout)
{
	int last = ind_last_year(i, today);
	*out = NULL;
	*nout = 0;
	if (!last)
		return;
	if (first_year <= 0 || first_year > last) {
		first_year = last;
		for (size_t j = 0; j < n; j++) {
			int y, mo, d;
			if (ms[j].date == DATE_NONE || ms[j].date > today)
				continue;
			date_split(ms[j].date, &y, &mo, &d);
			if (y < first_year)
				first_year = y;
		}
	}
	if (last - first_year >= MAX_YEARS)
		first_year = last - MAX_YEARS + 1;
	size_t count = (size_t)(last - first_year + 1);
	*out = xcalloc(count, sizeof **out);
	for (size_t k = 0; k < count; k++)
		ind_assess_year(i, ms, n, first_year + (int)k, today, &(*out)[k]);
	*nout = count;
}

/* ---- the nature of an indicator, from its text ---------------------------- */

/* Offsets of the whole-word occurrences of word in folded f, one at a time:
 * the first at or after *from; -1 when none. */
static long next_word(const char *f, const char *word, size_t *from)
{
	size_t wl = strlen(word);
	const char *p = f + *from;
	while ((p = strstr(p, word)) != NULL) {
		size_t at = (size_t)(p - f);
		int before_ok = at == 0 || !(isalnum((unsigned char)f[at - 1]) || (f[at - 1] & 0x80));
		char c = f[at + wl];
		int after_ok = !(isalnum((unsigned char)c) || (c & 0x80));
		p++;
		if (before_ok && after_ok) {
			*from = at + 1;
			return (long)at;
		}
	}
	return -1;
}

/* 1 if word occurs in f as a whole word not right after "not_before"
 * (may be NULL) and, when number is set, right before a figure. */
static int says(const char *f, const char *word, const char *not_before, int number)
{
	size_t from = 0, wl = strlen(word), nl = not_before ? strlen(not_before) : 0;
	long at;
	while ((at = next_word(f, word, &from)) >= 0) {
		const char *after = f + at + wl;
		if (number && !(after[0] == ' ' && after[1] >= '0' && after[1] <= '9'))
			continue;
		if (nl && (size_t)at >= nl + 1 && !strncmp(f + at - nl - 1, not_before, nl) &&
		    f[at - 1] == ' ')
			continue;
		return 1;
	}
	return 0;
}

int ind_text_yearly(const char *text, size_t n)
{
	static const char *const words[] = {"hang nam", "moi nam", "tung nam"};
	if (!text)
		return 0;
	char *f = txt_fold(text, n, NULL);
	int yes = 0;
	for (size_t k = 0; k < sizeof words / sizeof *words && !yes; k++)
		yes = says(f, words[k], "binh quan", 0);
	free(f);
	return yes;
}

int ind_is_yearly(const struct indicator *i)
{
	return ind_text_yearly(i->text, TXT_NUL);
}

int ind_lower_is_better(const struct indicator *i)
{
	if (!isnan(i->min) && !isnan(i->target))
		return i->target < i->min;
	if (!i->text)
		return 0;
	static const char *const ceilings[] = {"khong qua", "khong vuot qua", "toi da", "giam con",
	                                       "giam xuong"};
	char *f = txt_fold(i->text, TXT_NUL, NULL);
	int lower = says(f, "duoi", "khong", 1) || says(f, "thap hon", "khong", 1);
	for (size_t k = 0; k < sizeof ceilings / sizeof *ceilings && !lower; k++)
		lower = says(f, ceilings[k], NULL, 1);
	free(f);
	return lower;
}

int ind_last_year(const struct indicator *i, date_t today)
{
	if (!ind_is_yearly(i) || today == DATE_NONE)
		return 0;
	int y, m, d;
	date_split(today, &y, &m, &d);
	return i->year > 0 && i->year < y ? i->year : y;
}

/* ---- reading ------------------------------------------------------------- */

struct mlist {
	struct measure *v;
	size_t n, cap;
};

static int take_measure(const struct measure *m, void *ctx)
{
	struct mlist *l = ctx;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	struct measure *c = &l->v[l->n++];
	*c = *m;
	c->note = m->note ? xstrdup(m->note) : NULL;
	return 0;
}

static int measure_cmp(const void *a, const void *b)
{
	const struct measure *x = a, *y = b;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

int ind_measures(struct txn *t, uint64_t indicator, struct measure **out, size_t *n,
                 struct err *e)
{
	struct mlist l = {0};
	int rc = store_measures_of(t, indicator, take_measure, &l, e);
	if (rc) {
		ind_measures_free(l.v, l.n);
		*out = NULL;
		*n = 0;
		return rc;
	}
	if (l.n > 1)
		xqsort(l.v, l.n, sizeof *l.v, measure_cmp);
	*out = l.v;
	*n = l.n;
	return 0;
}

void ind_measures_free(struct measure *ms, size_t n)
{
	for (size_t i = 0; i < n; i++)
		measure_free(&ms[i]);
	free(ms);
}

int ind_assess_stored(struct txn *t, const struct indicator *i, date_t today,
                      struct ind_assessment *out, struct err *e)
{
	struct measure *ms;
	size_t n;
	int rc = ind_measures(t, i->id, &ms, &n, e);
	if (rc)
		return rc;
	ind_assess(i, ms, n, today, out);
	ind_measures_free(ms, n);
	return 0;
}

int ind_first_year(struct txn *t, const struct indicator *i)
{
	struct doc d = {0};
	int y = 0, m, day;
	if (i->doc_id && store_doc_get(t, i->doc_id, &d, NULL) == 0 && d.date != DATE_NONE)
		date_split(d.date, &y, &m, &day);
	doc_free(&d);
	return y;
}

int ind_years_stored(struct txn *t, const struct indicator *i, date_t today,
                     struct ind_assessment **out, size_t *nout, struct err *e)
{
	struct measure *ms;
	size_t n;
	*out = NULL;
	*nout = 0;
	if (!ind_is_yearly(i))
		return 0;
	int rc = ind_measures(t, i->id, &ms, &n, e);
	if (rc)
		return rc;
	ind_assess_years(i, ms, n, ind_first_year(t, i), today, out, nout);
	ind_measures_free(ms, n);
	return 0;
}

struct ilist {
	const struct hier *h;
	uint64_t doc;
	uint32_t unit;
	struct indicator *v;
	size_t n, cap;
};

static int take_indicator(const struct indicator *i, void *ctx)
{
	struct ilist *l = ctx;
	if (l->doc && i->doc_id != l->doc)
		return 0;
	if (l->unit && !hier_in_subtree(l->h, i->lead, l->unit))
		return 0;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	struct indicator *c = &l->v[l->n++];
	*c = *i;
	c->text = i->text ? xstrdup(i->text) : NULL;
	return 0;
}

int ind_list(struct txn *t, const struct hier *h, uint64_t doc, uint32_t unit,
             struct indicator **out, size_t *n, struct err *e)
{
	struct ilist l = {h, doc, unit, NULL, 0, 0};
	*out = NULL;
	*n = 0;
	if (unit && !h)
		return err_set(e, ERR_INTERNAL, "thiếu cây đơn vị để lọc chỉ tiêu theo đơn vị");
	int rc = store_indicators_each(t, take_indicator, &l, e);
	if (rc) {
		ind_list_free(l.v, l.n);
		return rc;
	}
	*out = l.v;
	*n = l.n;
	return 0;
}

void ind_list_free(struct indicator *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		indicator_free(&v[i]);
	free(v);
}

/* ---- values as people write them ---------------------------------------- */

int ind_parse_value(const char *s, double *out, struct err *e)
{
	const char *p = s ? s : "";
	int neg = 0, nint = 0, nfrac = 0;
	unsigned long long whole = 0, frac = 0;
	char sep = 0;
	while (*p == ' ')
		p++;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	for (; *p >= '0' && *p <= '9'; p++, nint++)
		whole = whole * 10 + (unsigned long long)(*p - '0');
	if (*p == ',' || *p == '.') {
		sep = *p++;
		for (; *p >= '0' && *p <= '9'; p++, nfrac++)
			frac = frac * 10 + (unsigned long long)(*p - '0');
	}
	while (*p == ' ')
		p++;
	if (*p == '%')
		p++;
	while (*p == ' ')
		p++;
	if (*p || (nint == 0 && nfrac == 0) || (sep && nfrac == 0) || nint + nfrac > 15)
		return err_set(e, ERR_INPUT, "giá trị không hợp lệ: '%s' (ví dụ: 85 hoặc 85,5)", s ? s : "");
	if (sep == '.' && nfrac == 3 && whole != 0)
		return err_set(e, ERR_INPUT,
		               "giá trị '%s' không rõ nghĩa: viết %llu%03llu nếu là số nguyên, hoặc "
		               "%llu,%03llu nếu là số thập phân",
		               s, whole, frac, whole, frac);
	double v = (double)whole;
	if (nfrac) {
		double scale = 1;
		for (int k = 0; k < nfrac; k++)
			scale *= 10;
		v = (double)(whole * (unsigned long long)scale + frac) / scale;
	}
	*out = neg ? -v : v;
	return 0;
}

char *ind_format_value(double v, const char *unit_of, char *buf, size_t len)
{
	char num[64], grouped[96];
	if (!isfinite(v)) {
		str_copy(buf, "—", len);
		return buf;
	}
	long long hundredths = (long long)(absval(v) * 100 + 0.5);
	long long whole = hundredths / 100, frac = hundredths % 100;
	int neg = v < 0 && hundredths != 0;
	int nd = snprintf(num, sizeof num, "%lld", whole), k = 0;
	if (neg)
		grouped[k++] = '-';
	for (int i = 0; i < nd; i++) {
		if (i && (nd - i) % 3 == 0)
			grouped[k++] = '.';
		grouped[k++] = num[i];
	}
	if (frac) {
		grouped[k++] = ',';
		grouped[k++] = (char)('0' + frac / 10);
		if (frac % 10)
			grouped[k++] = (char)('0' + frac % 10);
	}
	grouped[k] = '\0';
	char tmp[160];
	if (!unit_of || !*unit_of)
		snprintf(tmp, sizeof tmp, "%s", grouped);
	else
		snprintf(tmp, sizeof tmp, "%s%s%s", grouped, strcmp(unit_of, "%") ? " " : "", unit_of);
	str_copy(buf, tmp, len);
	return buf;
}

/* ---- the values an indicator may take ------------------------------------ */

/* 1 if the text of i says it measures a change, which may be negative. */
static int measures_change(const struct indicator *i)
{
	static const char *const words[] = {"tang truong", "toc do tang", "toc do giam",
	                                    "so voi cung ky", "so voi nam", "chenh lech", "bien dong"};
	if (!i->text)
		return 0;
	char *f = txt_fold(i->text, TXT_NUL, NULL);
	int found = 0;
	for (size_t k = 0; k < sizeof words / sizeof *words && !found; k++)
		found = txt_contains(f, words[k]);
	free(f);
	return found;
}

void ind_value_range(const struct indicator *i, double *lo, double *hi)
{
	int change = measures_change(i);
	int negative_goal = (!isnan(i->min) && i->min < 0) || (!isnan(i->target) && i->target < 0);
	int above_whole = (!isnan(i->min) && i->min > 100) || (!isnan(i->target) && i->target > 100);
	*lo = change || negative_goal ? -INFINITY : 0;
	*hi = !strcmp(i->unit_of, "%") && !change && !above_whole ? 100 : INFINITY;
}

int ind_check_value(const struct indicator *i, double v, struct err *e)
{
	double lo, hi;
	char buf[64];
	ind_value_range(i, &lo, &hi);
	if (v >= lo && v <= hi)
		return 0;
	if (e)
		str_copy(e->field, "value", sizeof e->field);
	ind_format_value(v, i->unit_of, buf, sizeof buf);
	const char *why = isfinite(lo) && isfinite(hi) ? "tỷ lệ phần trăm phải từ 0 đến 100"
	                  : isfinite(hi)                 ? "tỷ lệ phần trăm không được lớn hơn 100"
	                                                 : "chỉ tiêu này không nhận giá trị âm";
	return err_set(e, ERR_INPUT, "giá trị %s không hợp lệ cho chỉ tiêu #%llu: %s", buf,
	               (unsigned long long)i->id, why);
}

/* ---- recording ----------------------------------------------------------- */

static int may_measure_txn(struct txn *t, const struct ops_ctx *c, const struct indicator *i,
                           struct err *e)
{
	switch (c->who.role) {
	case ROLE_ADMIN:
		return 1;
	case ROLE_EDITOR:
		if (perm_in_subtree(t, i->lead, c->who.unit))
			return 1;
		err_set(e, ERR_DENIED,
		        "không có quyền: vai trò cập nhật chỉ được ghi số liệu chỉ tiêu do đơn vị "
		        "mình (hoặc đơn vị cấp dưới) phụ trách");
		return 0;
	case ROLE_VIEWER:
		err_set(e, ERR_DENIED, "không có quyền: vai trò chỉ xem không được ghi số liệu chỉ tiêu");
		return 0;
	default:
		err_set(e, ERR_DENIED, "không có quyền: tài khoản %s chưa được đăng ký trong cấu hình",
		        c->who.login);
		return 0;
	}
}

int ind_may_measure(const struct ops_ctx *c, const struct indicator *i, struct err *e)
{
	if (c->who.role == ROLE_ADMIN)
		return 1;
	struct txn *t;
	if (store_read_begin(c->st, &t, e))
		return 0;
	int ok = may_measure_txn(t, c, i, e);
	store_read_end(t);
	return ok;
}

struct measure_req {
	const struct ops_ctx *c;
	uint64_t indicator;
	double value;
	date_t date;
	const char *note;
	uint64_t id;
};

static int measure_fn(struct txn *t, void *ctx, struct err *e)
{
	struct measure_req *r = ctx;
	struct indicator ind = {0};
	struct measure m = {0};
	int rc = store_indicator_get(t, r->indicator, &ind, e);
	if (rc == ERR_NOTFOUND)
		rc = err_set(e, ERR_NOTFOUND, "không tìm thấy chỉ tiêu #%llu", (unsigned long long)r->indicator);
	if (rc)
		goto out;
	if (!may_measure_txn(t, r->c, &ind, e)) {
		rc = ERR_DENIED;
		goto out;
	}
	if ((rc = ind_check_value(&ind, r->value, e)))
		goto out;
	m.indicator_id = ind.id;
	m.date = r->date;
	m.value = r->value;
	m.time = (int64_t)time(NULL);
	str_copy(m.login, r->c->who.login, sizeof m.login);
	m.note = r->note ? xstrdup(r->note) : NULL;
	if ((rc = store_measure_add(t, &m, e)))
		goto out;
	r->id = m.id;
	struct audit a = {0};
	char obj[40], day[11];
	a.time = m.time;
	str_copy(a.login, r->c->who.login, sizeof a.login);
	str_copy(a.role, role_key(r->c->who.role), sizeof a.role);
	str_copy(a.action, "measure", sizeof a.action);
	snprintf(obj, sizeof obj, "indicator:%llu", (unsigned long long)ind.id);
	str_copy(a.object, obj, sizeof a.object);
	json_t *after = json_pack("{s:I, s:f, s:s, s:s?}", "measure", (json_int_t)m.id, "value", m.value,
	                          "date", date_iso(m.date, day), "note", m.note);
	a.after = json_dumps(after, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(after);
	rc = store_audit_add(t, &a, e);
	audit_free(&a);
out:
	indicator_free(&ind);
	measure_free(&m);
	return rc;
}

int ind_measure_add(struct ops_ctx *c, uint64_t indicator, double value, date_t date,
                    const char *note, uint64_t *measure_id, struct err *e)
{
	char d1[11], d2[11];
	if (!isfinite(value))
		return err_set(e, ERR_INPUT, "giá trị chỉ tiêu không hợp lệ");
	date_t day = ops_write_day(c);
	if (date == DATE_NONE)
		date = day;
	if (date > day) {
		if (e)
			str_copy(e->field, "date", sizeof e->field);
		return err_set(e, ERR_INPUT, "ngày số liệu %s sau ngày hôm nay %s", date_vn(date, d1),
		               date_vn(day, d2));
	}
	char *clean = NULL;
	if (note) {
		int rc = txt_clean_input(note, NOTE_MAX, 0, &clean, e);
		if (rc) {
			if (e)
				str_copy(e->field, "note", sizeof e->field);
			return rc;
		}
		if (!*clean) {
			free(clean);
			clean = NULL;
		}
	}
	struct measure_req r = {c, indicator, value, date, clean, 0};
	int rc = store_write(c->st, measure_fn, &r, e);
	free(clean);
	if (!rc && measure_id)
		*measure_id = r.id;
	return rc;
}
