/* period.c — the period engine: rhythms, levels, periods owed and
 * reported, and the effective due date (see period.h). */
#include "period.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "store.h"
#include "text.h"
#include "util.h"

/* ---- rhythm ------------------------------------------------------------- */

#define DECEMBER (1u << 11)

static int kind_recurs(enum dl_kind k)
{
	return k == DL_ONGOING || k == DL_FROM || k == DL_ANNUAL;
}

/* The one place that reads a part's rhythm (dl_every, deadline.h). */
struct per_rhythm per_rhythm_of(const struct dl_part *d)
{
	struct per_rhythm r = {0, 0};

	if (!d || !kind_recurs(d->kind))
		return r;
	switch (dl_every(d)) {
	case DL_EVERY_YEAR:
		r.every = 12;
		r.month = d->kind == DL_ANNUAL && d->month >= 1 && d->month <= 12 ? d->month : 12;
		break;
	case DL_EVERY_HALF:
		r.every = 6;
		r.month = 6;
		break;
	case DL_EVERY_QUARTER:
		r.every = 3;
		r.month = 3;
		break;
	case DL_EVERY_MONTH:
		r.every = 1;
		r.month = 1;
		break;
	default:
		break;
	}
	return r;
}

unsigned per_months(struct per_rhythm r, const struct periods *p)
{
	unsigned m = 0;

	if (r.every > 0 && r.every <= 12 && 12 % r.every == 0 && r.month >= 1 && r.month <= 12) {
		for (int k = (r.month - 1) % r.every; k < 12; k += r.every)
			m |= 1u << k;
		return m;
	}
	m = p ? (p->months & 0xfffu) : 0;
	return m ? m : DECEMBER;
}

date_t per_report_in(unsigned mask, date_t t)
{
	int y, m;

	mask &= 0xfffu;
	if (!mask)
		mask = DECEMBER;
	if (t == DATE_NONE)
		return DATE_NONE;
	date_split(t, &y, &m, NULL);
	/* The month of t ends on or after t: the first month of the mask from
	 * there on is the answer, a year later at the latest. */
	for (int k = 0; k < 13; k++, m++) {
		if (m > 12) {
			m = 1;
			y++;
		}
		if (mask & (1u << (m - 1)))
			return date_month_end(y, m);
	}
	return DATE_NONE;
}

/* The latest report date of mask strictly before t. */
static date_t report_before(unsigned mask, date_t t)
{
	int y, m;

	mask &= 0xfffu;
	if (!mask)
		mask = DECEMBER;
	if (t == DATE_NONE)
		return DATE_NONE;
	date_split(t - 1, &y, &m, NULL);
	for (int k = 0; k < 14; k++) {
		date_t end = date_month_end(y, m);
		if ((mask & (1u << (m - 1))) && end < t)
			return end;
		if (--m == 0) {
			m = 12;
			y--;
		}
	}
	return DATE_NONE;
}

date_t per_report_on_or_after(const struct periods *p, date_t t)
{
	return per_report_in(per_months((struct per_rhythm){0, 0}, p), t);
}

/* ---- levels ------------------------------------------------------------- */

enum per_level per_level_of_kind(int kind)
{
	switch (kind) {
	case UK_TINH_UY:
		return PER_LEVEL_PROVINCE;
	case UK_THANH_UY:
	case UK_HUYEN_UY:
	case UK_DANG_UY_KHOI:
		return PER_LEVEL_DISTRICT;
	case UK_DANG_UY_CO_SO:
	case UK_CHI_BO:
		return PER_LEVEL_GRASSROOTS;
	default:
		return PER_LEVEL_NONE;
	}
}

static int is_agency(int kind)
{
	return kind == UK_BAN || kind == UK_CO_QUAN || kind == UK_TO_CHUC;
}

int per_unit_level(struct txn *t, uint32_t unit, enum per_level *out, struct err *e)
{
	*out = PER_LEVEL_NONE;
	/* An agency takes the level of the committee it belongs to: walk up
	 * through agencies only, a few steps at most. */
	for (int depth = 0; unit && depth < 16; depth++) {
		struct unit u = {0};
		int rc = store_unit_get(t, unit, &u, e);
		if (rc == ERR_NOTFOUND)
			return 0;
		if (rc)
			return rc;
		int kind = u.kind;
		uint32_t parent = u.parent;
		unit_free(&u);
		*out = per_level_of_kind(kind);
		if (!is_agency(kind))
			return 0;
		unit = parent;
	}
	return 0;
}

enum per_level per_level_of_part(const struct dl_part *p)
{
	enum per_level lv = PER_LEVEL_NONE;
	char *f;

	if (!p || !p->level[0])
		return PER_LEVEL_NONE;
	f = txt_fold(p->level, TXT_NUL, NULL);
	if (strstr(f, "tinh"))
		lv = PER_LEVEL_PROVINCE;
	else if (strstr(f, "huyen"))
		lv = PER_LEVEL_DISTRICT;
	else if (strstr(f, "co so") || strstr(f, "xa"))
		lv = PER_LEVEL_GRASSROOTS;
	free(f);
	return lv;
}

const struct dl_part *per_part(const struct deadline *dl, enum per_level lv)
{
	if (!dl)
		return NULL;
	if (dl->d.kind != DL_MULTI)
		return &dl->d;
	if (lv == PER_LEVEL_NONE)
		return NULL;
	for (int i = 0; i < dl->nparts && i < DL_MAX_PARTS; i++)
		if (per_level_of_part(&dl->parts[i]) == lv)
			return &dl->parts[i];
	return NULL;
}

int per_recurring(const struct deadline *dl)
{
	/* the deadline's own reading (deadline.h), which the store's counters
	 * use too (they sit below this module) */
	return dl_is_periodic(dl);
}

/* ---- the obligation ------------------------------------------------------- */

enum ob_kind { OB_NONE, OB_ONCE, OB_RECUR };

/* What a task owes, from its deadline and level. */
struct oblig {
	enum ob_kind kind;
	date_t due;     /* OB_ONCE */
	unsigned mask;  /* OB_RECUR: report months */
	date_t first;   /* OB_RECUR: report date of the first period, or DATE_NONE */
	date_t begins;  /* OB_RECUR: the day the duty begins (reports before it do not count) */
};

const struct dl_part *per_recurring_part(const struct deadline *dl)
{
	if (!dl)
		return NULL;
	if (dl->d.kind != DL_MULTI)
		return kind_recurs(dl->d.kind) ? &dl->d : NULL;
	for (int i = 0; i < dl->nparts && i < DL_MAX_PARTS; i++)
		if (kind_recurs(dl->parts[i].kind))
			return &dl->parts[i];
	return NULL;
}

static struct oblig oblig_of(const struct per_task *pt)
{
	struct oblig o = {OB_NONE, DATE_NONE, 0, DATE_NONE, DATE_NONE};
	const struct deadline *dl = pt->dl;
	const struct dl_part *d;

	if (!dl)
		return o;
	d = per_part(dl, pt->level);
	if (!d) { /* a multi-level deadline whose level is not known */
		if ((o.due = dl_due(dl)) != DATE_NONE) {
			o.kind = OB_ONCE;
			return o;
		}
		d = per_recurring_part(dl);
		if (!d)
			return o;
	}
	if (d->kind == DL_BY || d->kind == DL_RANGE) {
		o.due = d->due;
		o.kind = o.due != DATE_NONE ? OB_ONCE : OB_NONE;
		return o;
	}
	if (!kind_recurs(d->kind))
		return o;
	o.kind = OB_RECUR;
	o.mask = per_months(per_rhythm_of(d), pt->periods);
	date_t s = pt->start;
	if (d->kind == DL_FROM && d->start != DATE_NONE && (s == DATE_NONE || d->start > s))
		s = d->start;
	o.first = per_report_in(o.mask, s);
	o.begins = s;
	return o;
}

/* The periods settled by the reports made on or before asof. */
struct settled {
	date_t *report, *day; /* sorted by report */
	size_t n, cap;
	date_t lo;            /* earliest period from the first not settled */
};

static size_t settled_find(const struct settled *s, date_t r)
{
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (s->report[mid] < r)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int settled_has(const struct settled *s, date_t r)
{
	size_t i = settled_find(s, r);
	return i < s->n && s->report[i] == r;
}

static void settled_add(struct settled *s, date_t r, date_t day)
{
	size_t i = settled_find(s, r);
	if (i < s->n && s->report[i] == r)
		return; /* settled already: the first report stands */
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 8;
		s->report = xrealloc(s->report, s->cap * sizeof *s->report);
		s->day = xrealloc(s->day, s->cap * sizeof *s->day);
	}
	memmove(s->report + i + 1, s->report + i, (s->n - i) * sizeof *s->report);
	memmove(s->day + i + 1, s->day + i, (s->n - i) * sizeof *s->day);
	s->report[i] = r;
	s->day[i] = day;
	s->n++;
}

static void settled_free(struct settled *s)
{
	free(s->report);
	free(s->day);
	memset(s, 0, sizeof *s);
}

/* Replay the reports made on or before asof (DATE_NONE: all) in order,
 * attributing those that name no period by the default rule. */
static void replay(const struct oblig *o, const struct per_log *l, date_t asof,
                   struct settled *s)
{
	memset(s, 0, sizeof *s);
	s->lo = o->first;
	if (o->kind != OB_RECUR || o->first == DATE_NONE || !l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		const struct per_entry *x = &l->v[i];
		date_t p;
		if (x->day == DATE_NONE)
			continue;
		if (asof != DATE_NONE && x->day > asof)
			break;
		if (x->day < o->begins)
			continue; /* made before the duty began */
		if (x->period != DATE_NONE)
			p = per_report_in(o->mask, x->period);
		else
			p = s->lo < x->day ? s->lo : per_report_in(o->mask, x->day);
		if (p == DATE_NONE || p < o->first)
			continue; /* made before the duty began */
		settled_add(s, p, x->day);
		while (settled_has(s, s->lo))
			s->lo = per_report_in(o->mask, s->lo + 1);
	}
}

date_t per_base_due(const struct per_task *pt, const struct per_log *log, date_t asof)
{
	struct oblig o = oblig_of(pt);
	struct settled s;

	if (o.kind == OB_ONCE)
		return o.due;
	if (o.kind != OB_RECUR)
		return DATE_NONE;
	replay(&o, log, asof, &s);
	date_t lo = s.lo;
	settled_free(&s);
	return lo;
}

date_t per_due(const struct per_task *pt, const struct per_log *log, date_t asof)
{
	date_t ext = pt->extended_to;
	date_t base = per_base_due(pt, log, asof);

	if (ext == DATE_NONE)
		return base;
	if (base != DATE_NONE && oblig_of(pt).kind == OB_RECUR && base > ext)
		return base; /* the extension is spent: its periods are settled */
	return ext;
}

size_t per_periods(const struct per_task *pt, const struct per_log *log, date_t asof,
                   struct per_period *out, size_t max)
{
	struct oblig o = oblig_of(pt);
	struct settled s;
	size_t total = 0, skip, k = 0;

	if (o.kind != OB_RECUR || o.first == DATE_NONE || asof == DATE_NONE || max == 0)
		return 0;
	date_t cur = per_report_in(o.mask, asof);
	if (cur < o.first)
		return 0;
	for (date_t r = o.first; r <= cur; r = per_report_in(o.mask, r + 1))
		total++;
	skip = total > max ? total - max : 0;
	replay(&o, log, asof, &s);
	date_t prev = report_before(o.mask, o.first);
	for (date_t r = o.first; r <= cur; prev = r, r = per_report_in(o.mask, r + 1)) {
		if (skip) {
			skip--;
			continue;
		}
		struct per_period *p = &out[k++];
		size_t i = settled_find(&s, r);
		p->begin = prev + 1;
		p->report = r;
		p->late = 0;
		p->reported = DATE_NONE;
		if (i < s.n && s.report[i] == r) {
			p->reported = s.day[i];
			p->state = s.day[i] <= r ? PER_ON_TIME : PER_LATE;
			if (p->state == PER_LATE)
				p->late = s.day[i] - r;
		} else {
			p->state = r < asof ? PER_MISSED : PER_NOT_DUE;
		}
	}
	settled_free(&s);
	return k;
}

date_t per_attribute(const struct per_task *pt, const struct per_log *log, date_t day)
{
	struct oblig o = oblig_of(pt);
	struct settled s;
	date_t p;

	if (o.kind != OB_RECUR || o.first == DATE_NONE || day == DATE_NONE || day < o.begins)
		return DATE_NONE;
	replay(&o, log, day, &s);
	p = s.lo < day ? s.lo : per_report_in(o.mask, day);
	settled_free(&s);
	return p >= o.first ? p : DATE_NONE;
}

date_t per_current(const struct per_task *pt, date_t day)
{
	struct oblig o = oblig_of(pt);

	if (o.kind != OB_RECUR || o.first == DATE_NONE || day == DATE_NONE || day < o.begins)
		return DATE_NONE;
	date_t p = per_report_in(o.mask, day);
	return p >= o.first ? p : DATE_NONE;
}

/* ---- states and names ----------------------------------------------------- */

static const struct {
	const char *key, *label;
} state_words[] = {
	[PER_ON_TIME] = {"on_time", "đã báo cáo đúng hạn"},
	[PER_LATE] = {"late", "báo cáo muộn"},
	[PER_MISSED] = {"missed", "chưa báo cáo"},
	[PER_NOT_DUE] = {"not_due", "chưa đến hạn"},
};

const char *per_state_label(enum per_state s)
{
	return (int)s >= 0 && s <= PER_NOT_DUE ? state_words[s].label : "";
}

const char *per_state_key(enum per_state s)
{
	return (int)s >= 0 && s <= PER_NOT_DUE ? state_words[s].key : "";
}

static const char *const roman[] = {"", "I", "II", "III", "IV"};

char *per_name(const struct per_task *pt, date_t r, char *buf, size_t len)
{
	struct oblig o = oblig_of(pt);
	int y, m, by, bm, bd;
	char d[11];

	if (!buf || len == 0)
		return buf;
	if (o.kind != OB_RECUR || r == DATE_NONE) {
		snprintf(buf, len, "%s", date_vn(r, d));
		return buf;
	}
	date_t begin = report_before(o.mask, r) + 1;
	date_split(r, &y, &m, NULL);
	date_split(begin, &by, &bm, &bd);
	int months = (y - by) * 12 + (m - bm) + 1;
	if (bd != 1 || by != y)
		snprintf(buf, len, "kỳ đến %s", date_vn(r, d));
	else if (months == 12)
		snprintf(buf, len, "năm %d", y);
	else if (months == 6 && m % 6 == 0)
		snprintf(buf, len, "6 tháng %s năm %d", m == 6 ? "đầu" : "cuối", y);
	else if (months == 3 && m % 3 == 0)
		snprintf(buf, len, "quý %s/%d", roman[m / 3], y);
	else if (months == 1)
		snprintf(buf, len, "tháng %d/%d", m, y);
	else
		snprintf(buf, len, "kỳ đến %s", date_vn(r, d));
	return buf;
}

/* The span [*from, *to] a period name covers, from the folded text:
 * 1 when read. */
static int name_span(const char *f, date_t *from, date_t *to)
{
	int a, b, n = -1;
	char q[8];
	size_t len = strlen(f);

#define WHOLE(fmt, ...) (n = -1, sscanf(f, fmt "%n", __VA_ARGS__, &n) >= 1 && n == (int)len)
	if (WHOLE("%4d", &a) || WHOLE("nam %4d", &a)) {
		if (a < 1900 || a > 9999)
			return 0;
		*from = date_make(a, 1, 1);
		*to = date_year_end(a);
		return 1;
	}
	if (WHOLE("q%1d/%4d", &a, &b) || WHOLE("quy %1d/%4d", &a, &b) || WHOLE("quy %1d nam %4d", &a, &b) ||
	    ((WHOLE("quy %7[ivx]/%4d", q, &b) || WHOLE("quy %7[ivx] nam %4d", q, &b)) &&
	     (a = date_quarter_roman(q, strlen(q))) > 0)) {
		if (a < 1 || a > 4 || b < 1900 || b > 9999)
			return 0;
		*from = date_make(b, 3 * a - 2, 1);
		*to = date_quarter_end(b, a);
		return 1;
	}
	if (WHOLE("h%1d/%4d", &a, &b) || WHOLE("6 thang dau nam %4d", &b) ||
	    WHOLE("6 thang cuoi nam %4d", &b)) {
		if (f[0] == '6')
			a = strstr(f, "dau") ? 1 : 2;
		if (a < 1 || a > 2 || b < 1900 || b > 9999)
			return 0;
		*from = date_make(b, a == 1 ? 1 : 7, 1);
		*to = date_month_end(b, a == 1 ? 6 : 12);
		return 1;
	}
	if (WHOLE("%2d/%4d", &a, &b) || WHOLE("thang %2d/%4d", &a, &b) ||
	    WHOLE("thang %2d nam %4d", &a, &b) || WHOLE("t%2d/%4d", &a, &b)) {
		if (a < 1 || a > 12 || b < 1900 || b > 9999)
			return 0;
		*from = date_make(b, a, 1);
		*to = date_month_end(b, a);
		return 1;
	}
#undef WHOLE
	return 0;
}

/* ERR_INPUT naming the field "period"; msg is the message. */
static int period_err(struct err *e, const char *msg)
{
	int rc = err_set(e, ERR_INPUT, "kỳ báo cáo: %s", msg);
	if (e)
		str_copy(e->field, "period", sizeof e->field);
	return rc;
}

int per_parse(const struct per_task *pt, const char *text, date_t today, date_t *out,
              struct err *e)
{
	struct oblig o = oblig_of(pt);
	date_t from, to, r, d;
	char n1[48], n2[48], msg[320];
	struct err ignore;

	*out = DATE_NONE;
	if (o.kind != OB_RECUR || o.first == DATE_NONE)
		return period_err(e, "nhiệm vụ này không báo cáo theo kỳ (chỉ nhiệm vụ thường "
		                  "xuyên, hằng năm, định kỳ mới ghi kỳ báo cáo)");
	if (!text || !*text)
		return period_err(e, "thiếu kỳ báo cáo");
	err_clear(&ignore);
	if (date_parse(text, &d, &ignore) == 0) {
		from = d;
		to = d;
	} else {
		char *f = txt_fold(text, TXT_NUL, NULL);
		char *s = f;
		while (*s == ' ')
			s++;
		if (!strncmp(s, "ky ", 3))
			s += 3;
		for (char *p = s + strlen(s); p > s && p[-1] == ' ';)
			*--p = '\0';
		int ok = name_span(s, &from, &to);
		free(f);
		if (!ok) {
			snprintf(msg, sizeof msg, "không đọc được kỳ \"%.80s\" (ghi ngày báo cáo "
			         "30/06/2026, năm 2025, quý II/2026 hay Q2/2026, H1/2026, tháng 6/2026)",
			         text);
			return period_err(e, msg);
		}
	}
	r = per_report_in(o.mask, from);
	msg[0] = '\0';
	if (r == DATE_NONE || r > to)
		snprintf(msg, sizeof msg, "\"%.80s\" không phải một kỳ báo cáo của nhiệm vụ này "
		         "(các kỳ kết thúc như %s)", text, per_name(pt, o.first, n1, sizeof n1));
	else if (from != to && per_report_in(o.mask, r + 1) <= to)
		snprintf(msg, sizeof msg, "\"%.80s\" gồm nhiều kỳ báo cáo; hãy ghi một kỳ (ví dụ %s)",
		         text, per_name(pt, r, n1, sizeof n1));
	else if (r < o.first)
		snprintf(msg, sizeof msg, "%s trước kỳ đầu tiên của nhiệm vụ (%s)",
		         per_name(pt, r, n1, sizeof n1), per_name(pt, o.first, n2, sizeof n2));
	else if (today != DATE_NONE && r > per_report_in(o.mask, today))
		snprintf(msg, sizeof msg, "%s chưa đến (kỳ hiện tại là %s)",
		         per_name(pt, r, n1, sizeof n1),
		         per_name(pt, per_report_in(o.mask, today), n2, sizeof n2));
	if (msg[0])
		return period_err(e, msg);
	*out = r;
	return 0;
}

/* ---- reports of a task ------------------------------------------------------ */

int per_is_report(const struct update *u)
{
	/* The office's confirmation or return is not the unit's report. */
	if ((u->confirm_after == CF_CONFIRMED || u->confirm_after == CF_RETURNED) &&
	    u->status_after != ST_DONE)
		return 0;
	return 1;
}

static int entry_before(const struct per_entry *a, const struct per_entry *b)
{
	return a->day < b->day || (a->day == b->day && a->id < b->id);
}

void per_log_add(struct per_log *l, uint64_t id, date_t day, date_t period)
{
	struct per_entry x = {id, day, period};
	size_t i;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	for (i = l->n; i > 0 && entry_before(&x, &l->v[i - 1]); i--)
		l->v[i] = l->v[i - 1];
	l->v[i] = x;
	l->n++;
}

static int entry_cmp(const void *a, const void *b)
{
	const struct per_entry *x = a, *y = b;
	return entry_before(x, y) ? -1 : entry_before(y, x) ? 1 : 0;
}

static int load_one(const struct update *u, void *ctx)
{
	struct per_log *l = ctx;

	if (!per_is_report(u))
		return 0;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = (struct per_entry){u->id, u->day, u->period};
	return 0;
}

int per_log_load(struct txn *t, uint64_t task, struct per_log *l, struct err *e)
{
	int rc = store_updates_of_task(t, task, load_one, l, e);
	if (rc)
		return rc;
	if (l->n > 1)
		xqsort(l->v, l->n, sizeof *l->v, entry_cmp);
	return 0;
}

void per_log_free(struct per_log *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

void per_task_of(const struct task *k, enum per_level lv, const struct periods *p,
                 struct per_task *pt)
{
	pt->dl = &k->dl;
	pt->level = lv;
	pt->start = k->start;
	pt->extended_to = k->extended_to;
	pt->periods = p;
}

date_t per_unextended_due(const struct task *k, const struct periods *p)
{
	struct per_task pt;

	if (k->extended_to == DATE_NONE || k->due != k->extended_to)
		return k->due;
	per_task_of(k, PER_LEVEL_NONE, p, &pt);
	struct oblig o = oblig_of(&pt);
	if (o.kind == OB_RECUR)
		return report_before(o.mask, k->extended_to + 1);
	return per_base_due(&pt, NULL, DATE_NONE);
}

int per_task_load(struct txn *t, const struct task *k, const struct periods *p,
                  struct per_task *pt, struct per_log *log, struct err *e)
{
	enum per_level lv = PER_LEVEL_NONE;
	int rc;

	/* The level matters only to a multi-level deadline. */
	if (k->dl.d.kind == DL_MULTI && (rc = per_unit_level(t, k->lead, &lv, e)))
		return rc;
	per_task_of(k, lv, p, pt);
	if (log && k->id && per_recurring_part(&k->dl) && (rc = per_log_load(t, k->id, log, e)))
		return rc;
	return 0;
}

int per_task_due(struct txn *t, const struct task *k, const struct periods *p, date_t *due,
                 struct err *e)
{
	struct per_task pt;
	struct per_log log = {0};
	int rc = per_task_load(t, k, p, &pt, &log, e);

	*due = rc ? DATE_NONE : per_due(&pt, &log, DATE_NONE);
	per_log_free(&log);
	return rc;
}
