/* demo.c — build the demo store from the plan tables of demo-plans.c.
 *
 * Two steps.  Planning, outside any transaction: templates are expanded
 * for today, deadlines parsed, and every task given a status and a history
 * of updates drawn from a PRNG seeded with today.  Writing: one write
 * transaction puts the documents, tasks, updates, extensions, indicators,
 * measures and audit entries, so the store gets all of it or none.
 *
 * The share of overdue tasks is steered, not left to chance: the tasks
 * whose deadline has passed are the only ones that can be overdue, and
 * just enough of them stay open for about a fifth of the open dated tasks
 * to be overdue, whatever today is.
 */
#include "demo.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "config.h"
#include "deadline.h"
#include "ops.h"
#include "store.h"
#include "timeliness.h"
#include "util.h"

#define MAX_UPDATES 8
#define OVERDUE_SHARE 0.20  /* of the open tasks with a due date */

/* ---- a small deterministic PRNG (splitmix64) ---- */

struct rng {
	uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

/* Uniform in [lo, hi]; lo when hi < lo. */
static int rng_range(struct rng *r, int lo, int hi)
{
	if (hi <= lo)
		return lo;
	return lo + (int)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

static int rng_pct(struct rng *r)
{
	return (int)(rng_next(r) % 100);
}

/* Nearest integer, halves away from zero (the library links without libm). */
static double round_half(double x)
{
	return x < 0 ? (double)(long long)(x - 0.5) : (double)(long long)(x + 0.5);
}

/* ---- templates ---- */

static const char *const roman[] = {"I", "II", "III", "IV"};

/* Year and month of today shifted by `months`. */
static void shift_month(date_t today, int months, int *y, int *m)
{
	int d;
	date_split(today, y, m, &d);
	int k = *y * 12 + (*m - 1) + months;
	*y = k / 12;
	*m = k % 12 + 1;
}

int demo_expand(const char *tmpl, date_t today, char *buf, size_t len, struct err *e)
{
	struct sbuf b = {0};
	const char *p = tmpl;

	while (*p) {
		const char *open = strchr(p, '{');
		if (!open) {
			sbuf_puts(&b, p);
			break;
		}
		sbuf_add(&b, p, (size_t)(open - p));
		const char *close = strchr(open, '}');
		char what = open[1];
		long n;
		char num[16];
		size_t nl = close ? (size_t)(close - open - 2) : 0;
		if (!close || nl == 0 || nl >= sizeof num || !strchr("YQMD", what) ||
		    (open[2] != '+' && open[2] != '-')) {
			sbuf_free(&b);
			return err_set(e, ERR_INTERNAL, "mẫu ngày không hợp lệ trong dữ liệu trình diễn: %s",
			               tmpl);
		}
		memcpy(num, open + 2, nl);
		num[nl] = '\0';
		if (str_to_long(num[0] == '+' ? num + 1 : num, -1000, 1000, &n)) {
			sbuf_free(&b);
			return err_set(e, ERR_INTERNAL, "mẫu ngày không hợp lệ trong dữ liệu trình diễn: %s",
			               tmpl);
		}
		int y, m, d;
		char day[11];
		switch (what) {
		case 'Y':
			date_split(today, &y, &m, &d);
			sbuf_printf(&b, "%d", y + (int)n);
			break;
		case 'Q':
			shift_month(today, (int)n, &y, &m);
			sbuf_printf(&b, "%s/%d", roman[(m - 1) / 3], y);
			break;
		case 'M':
			shift_month(today, (int)n, &y, &m);
			sbuf_printf(&b, "%02d/%d", m, y);
			break;
		default:
			sbuf_puts(&b, date_vn(today + (date_t)n, day));
			break;
		}
		p = close + 1;
	}
	str_copy(buf, b.s ? b.s : "", len);
	sbuf_free(&b);
	return 0;
}

/* ---- planning ---- */

/* What a task's history looks like. */
enum scenario {
	SC_PAST,      /* one-off deadline passed: done (on time or late) or overdue */
	SC_FUTURE,    /* one-off deadline ahead */
	SC_PERIODIC,  /* ongoing, from, annual: regular reports */
	SC_UNDATED,   /* term, on request, after directive, per document, roadmap, none */
	SC_HOLD,
	SC_EXTEND,
	SC_STALE,
	SC_DONE
};

struct demo_ptask {
	struct task t;
	int doc;            /* index in plans */
	int scenario;
	const char *lead_code;
	int first_update;   /* index of its first update in updates[] */
};

struct demo_pupdate {
	struct update u;
	int task;           /* index in tasks[] */
};

struct demo_pext {
	struct extension x;
	int task;
};

struct demo_pind {
	struct indicator i;
	int doc;
};

struct demo_pmeasure {
	struct measure m;
	int ind;
};

struct demo {
	struct ops_ctx *c;
	date_t today;
	struct periods periods;
	struct rng rng;
	const struct demo_plan *plans;
	size_t nplans;
	struct doc *docs;
	struct demo_ptask *tasks;
	size_t ntasks;
	struct demo_pupdate *ups;
	size_t nups, capups;
	struct demo_pext exts[8];
	size_t nexts;
	struct demo_pind *inds;
	size_t ninds;
	struct demo_pmeasure *meas;
	size_t nmeas, capmeas;
	char actor[LOGIN_LEN];
	char actor_role[12];
};

static int64_t unix_at(date_t day, int hour, int minute)
{
	/* Office hours in Vietnam (UTC+7). */
	return (int64_t)day * 86400 + (int64_t)(hour - 7) * 3600 + minute * 60;
}

/* A unit of the store by code; ERR_CONFIG when the hierarchy lacks it. */
static int unit_of(struct txn *t, const char *code, struct unit *out, struct err *e)
{
	int rc = store_unit_by_code(t, code, out, NULL);
	if (rc == ERR_NOTFOUND)
		return err_set(e, ERR_CONFIG,
		               "kho dữ liệu không có đơn vị '%s' mà dữ liệu trình diễn cần "
		               "(dùng conf/units.ini mẫu)",
		               code);
	if (rc)
		return err_set(e, rc, "không đọc được đơn vị '%s'", code);
	return 0;
}

/* The login that writes the updates of a task led by `code`: a user of that
 * unit, else one of the same committee (same code before the first '-'),
 * else any editor or admin, else the actor. */
static const char *author_for(struct demo *d, const char *code)
{
	const struct config *cfg = d->c->cfg;
	const struct cfg_user *pick[64];
	int n = 0;

	if (!cfg)
		return d->actor;
	size_t plen = strcspn(code, "-");
	for (int pass = 0; pass < 3 && n == 0; pass++) {
		for (int i = 0; i < cfg->nusers && n < 64; i++) {
			const struct cfg_user *u = &cfg->users[i];
			if (u->role < ROLE_EDITOR)
				continue;
			if (pass == 0 && strcmp(u->unit, code) != 0)
				continue;
			if (pass == 1 && (strncmp(u->unit, code, plen) != 0 ||
			                  (u->unit[plen] != '\0' && u->unit[plen] != '-')))
				continue;
			pick[n++] = u;
		}
	}
	if (n == 0)
		return d->actor;
	return pick[rng_range(&d->rng, 0, n - 1)]->login;
}

static int expand_dup(struct demo *d, const char *tmpl, char **out, struct err *e)
{
	char buf[1024];
	*out = NULL;
	if (!tmpl)
		return 0;
	int rc = demo_expand(tmpl, d->today, buf, sizeof buf, e);
	if (!rc)
		*out = xstrdup(buf);
	return rc;
}

static int plan_doc(struct demo *d, struct txn *t, size_t i, struct err *e)
{
	const struct demo_plan *p = &d->plans[i];
	struct doc *doc = &d->docs[i];
	struct unit u = {0};
	int rc = unit_of(t, p->issuer, &u, e);
	if (rc)
		return rc;
	doc->plan_due = DATE_NONE;
	str_copy(doc->kind, p->kind, sizeof doc->kind);
	str_copy(doc->number, p->number, sizeof doc->number);
	doc->date = d->today - p->age;
	doc->title = xstrdup(p->title);
	doc->issuer = u.id;
	unit_free(&u);
	doc->issuer_text = xstrdup(p->issuer_text);
	doc->signer = xstrdup(p->signer);
	doc->signer_role = xstrdup(p->signer_role);
	while (doc->nimplements < 4 && p->implements[doc->nimplements])
		doc->nimplements++;
	doc->implements = xcalloc((size_t)doc->nimplements + 1, sizeof *doc->implements);
	for (int k = 0; k < doc->nimplements; k++)
		str_copy(doc->implements[k], p->implements[k], DOCNUM_LEN);
	if (p->plan_due) {
		char phrase[256];
		struct deadline dl;
		if ((rc = demo_expand(p->plan_due, d->today, phrase, sizeof phrase, e)))
			return rc;
		dl_parse(phrase, &dl);
		doc->plan_due = dl_due(&dl);
	}
	doc->created = unix_at(doc->date, 8, 0);
	return 0;
}

/* Resolve the lead and partners of table task `dt` into task `tk`. */
static int plan_units(struct txn *t, const struct demo_task *dt, struct task *tk,
                      struct err *e)
{
	struct unit u = {0};
	int rc = unit_of(t, dt->lead, &u, e);
	if (rc)
		return rc;
	tk->lead = u.id;
	tk->lead_text = xstrdup(u.name);
	unit_free(&u);
	if (!dt->partners)
		return 0;
	struct sbuf names = {0};
	const char *p = dt->partners;
	while (*p) {
		char code[CODE_LEN];
		size_t n = strcspn(p, ", ");
		if (n == 0) {
			p++;
			continue;
		}
		str_copy(code, p, n + 1 < sizeof code ? n + 1 : sizeof code);
		p += n;
		if ((rc = unit_of(t, code, &u, e))) {
			sbuf_free(&names);
			return rc;
		}
		tk->partners = xrealloc(tk->partners, (size_t)(tk->npartners + 1) * sizeof *tk->partners);
		tk->partners[tk->npartners++] = u.id;
		if (names.len)
			sbuf_puts(&names, "; ");
		sbuf_puts(&names, u.name);
		unit_free(&u);
	}
	tk->partners_text = sbuf_detach(&names);
	return 0;
}

static int classify(const struct demo_task *dt, const struct task *tk, date_t today)
{
	switch (dt->hint) {
	case DH_HOLD:
		return SC_HOLD;
	case DH_EXTEND:
		return SC_EXTEND;
	case DH_STALE:
		return SC_STALE;
	case DH_DONE:
		return SC_DONE;
	default:
		break;
	}
	if (dl_is_periodic(&tk->dl))
		return SC_PERIODIC;
	date_t due = dl_due(&tk->dl);
	if (due == DATE_NONE)
		return SC_UNDATED;
	return due < today ? SC_PAST : SC_FUTURE;
}

static int plan_tasks(struct demo *d, struct txn *t, struct err *e)
{
	size_t n = 0;
	for (size_t i = 0; i < d->nplans; i++)
		n += d->plans[i].ntasks;
	d->tasks = xcalloc(n, sizeof *d->tasks);
	for (size_t i = 0; i < d->nplans; i++) {
		const struct demo_plan *p = &d->plans[i];
		for (size_t k = 0; k < p->ntasks; k++) {
			const struct demo_task *dt = &p->tasks[k];
			struct demo_ptask *pt = &d->tasks[d->ntasks++];
			struct task *tk = &pt->t;
			int rc;
			tk->extended_to = tk->last_update = tk->done_date = tk->due = DATE_NONE;
			pt->doc = (int)i;
			pt->lead_code = dt->lead;
			str_copy(tk->section, dt->section, sizeof tk->section);
			if ((rc = plan_units(t, dt, tk, e)))
				return rc;
			tk->text = xstrdup(dt->text);
			if ((rc = expand_dup(d, dt->deadline, &tk->dl_phrase, e)))
				return rc;
			if (tk->dl_phrase)
				dl_parse(tk->dl_phrase, &tk->dl);
			else
				dl_init(&tk->dl);
			tk->start = d->docs[i].date;
			tk->created = d->docs[i].created;
			pt->scenario = classify(dt, tk, d->today);
		}
	}
	return 0;
}

/* ---- histories ---- */

static const char *const notes_first[] = {
	"Đã ban hành kế hoạch triển khai",
	"Đã xây dựng dự thảo, xin ý kiến các cơ quan liên quan",
	"Đã phân công cán bộ theo dõi, chuẩn bị nội dung",
	"Đã tổ chức hội nghị triển khai, quán triệt",
	"Đã thành lập tổ giúp việc, xây dựng đề cương",
};
static const char *const notes_middle[] = {
	"Đạt %d%%, đang tổng hợp báo cáo",
	"Đã hoàn thành %d%% khối lượng, đang lấy ý kiến góp ý dự thảo",
	"Tiến độ %d%%, đã làm việc với các đơn vị phối hợp",
	"Đạt %d%%; đang hoàn thiện hồ sơ trình Thường trực",
	"Đã triển khai tại một số đơn vị, đạt %d%%",
};
static const char *const notes_done[] = {
	"Hoàn thành, đã báo cáo Ban Thường vụ",
	"Đã ban hành văn bản, gửi báo cáo kết quả về Văn phòng",
	"Hoàn thành; hồ sơ lưu tại đơn vị chủ trì",
	"Đã tổ chức thực hiện xong, có báo cáo kết quả kèm theo",
};
static const char *const notes_periodic[] = {
	"Báo cáo định kỳ: các nội dung được triển khai đều đặn",
	"Đã thực hiện trong kỳ, có báo cáo kết quả",
	"Tiếp tục triển khai; đã tổng hợp kết quả gửi Văn phòng",
	"Đã lồng ghép vào chương trình công tác tháng",
};
static const char *const notes_late[] = {
	"Chậm do chờ ý kiến các cơ quan phối hợp",
	"Còn vướng về kinh phí, đang đề xuất bổ sung",
	"Đang chỉnh sửa dự thảo theo ý kiến góp ý, chưa hoàn thành",
};
static const char *const reasons[] = {
	"Chờ Trung ương ban hành hướng dẫn về sắp xếp tổ chức bộ máy",
	"Nhà thầu chậm bàn giao thiết bị; đã có văn bản đôn đốc",
	"Điều chỉnh phạm vi theo chỉ đạo của Thường trực, cần thêm thời gian",
};

#define PICK(r, a) ((a)[rng_range((r), 0, (int)(sizeof(a) / sizeof((a)[0])) - 1)])

static struct demo_pupdate *new_update(struct demo *d, int task, date_t day, const char *login)
{
	if (d->nups == d->capups) {
		d->capups = d->capups ? d->capups * 2 : 256;
		d->ups = xrealloc(d->ups, d->capups * sizeof *d->ups);
	}
	struct demo_pupdate *p = &d->ups[d->nups++];
	memset(p, 0, sizeof *p);
	p->task = task;
	p->u.day = day;
	p->u.time = unix_at(day, rng_range(&d->rng, 8, 16), rng_range(&d->rng, 0, 59));
	str_copy(p->u.login, login, sizeof p->u.login);
	p->u.progress = -1;
	p->u.status_before = p->u.status_after = -1;
	return p;
}

/* n days spread over [a, b], ascending; the last is b when `end_at_b`. */
static void spread(struct rng *r, date_t a, date_t b, int n, int end_at_b, date_t *out)
{
	if (b < a)
		a = b;
	for (int i = 0; i < n; i++) {
		long span = (long)(b - a);
		date_t day = a + (date_t)(span * (i + 1) / n);
		int slack = (int)(span / (2 * n));
		if (!(end_at_b && i == n - 1))
			day -= rng_range(r, 0, slack);
		if (i > 0 && day < out[i - 1])
			day = out[i - 1];
		out[i] = day;
	}
}

static void set_status(struct demo_pupdate *p, struct task *tk, int status)
{
	if (tk->status == status)
		return;
	p->u.status_before = (int8_t)tk->status;
	p->u.status_after = (int8_t)status;
	tk->status = (uint8_t)status;
}

/* Updates of a task that is worked on from `a` to `b`: the first starts it,
 * later ones raise progress towards `final`; finish = ST_DONE reports it
 * done on b, ST_ON_HOLD suspends it on b, -1 leaves it in progress.
 * final < 0: reports without a percentage (periodic tasks). */
static void history(struct demo *d, int ti, date_t a, date_t b, int n, int final, int finish)
{
	struct demo_ptask *pt = &d->tasks[ti];
	struct task *tk = &pt->t;
	date_t days[MAX_UPDATES];
	const char *login = author_for(d, pt->lead_code);

	if (n > MAX_UPDATES)
		n = MAX_UPDATES;
	if (b >= d->today)
		b = d->today - 1;
	spread(&d->rng, a, b, n, finish >= 0, days);
	for (int i = 0; i < n; i++) {
		struct demo_pupdate *p = new_update(d, ti, days[i], login);
		char note[160];
		int last = i == n - 1;
		if (i == 0)
			set_status(p, tk, ST_IN_PROGRESS);
		if (last && finish == ST_DONE) {
			set_status(p, tk, ST_DONE);
			p->u.progress = 100;
			p->u.note = xstrdup(PICK(&d->rng, notes_done));
			tk->done_date = days[i];
		} else if (last && finish == ST_ON_HOLD) {
			set_status(p, tk, ST_ON_HOLD);
			p->u.note = xstrdup("Tạm dừng: chờ chủ trương sắp xếp tổ chức bộ máy và bố trí "
			                    "lại nguồn vốn");
		} else if (final < 0) {
			p->u.note = xstrdup(i == 0 ? PICK(&d->rng, notes_first)
			                           : PICK(&d->rng, notes_periodic));
		} else {
			/* Progress rises in steps of 5 towards `final`, never back. */
			int pr = final * (i + 1) / n / 5 * 5;
			if (pr <= tk->progress)
				pr = tk->progress + 5;
			p->u.progress = (int8_t)(pr > 95 ? 95 : pr);
			if (tk->nupdates == 0) {
				p->u.note = xstrdup(PICK(&d->rng, notes_first));
			} else {
				snprintf(note, sizeof note, PICK(&d->rng, notes_middle),
				         (int)p->u.progress);
				p->u.note = xstrdup(note);
			}
		}
		if (p->u.progress >= 0)
			tk->progress = (uint8_t)p->u.progress;
		tk->last_update = days[i];
		tk->nupdates++;
	}
}

/* The first day work could start: some days after the plan was issued. */
static date_t work_start(struct demo *d, const struct task *tk)
{
	return tk->start + rng_range(&d->rng, 5, 25);
}

static void note_late(struct demo *d, int ti)
{
	struct demo_pupdate *p = &d->ups[d->nups - 1];
	if (p->task != ti || p->u.status_after == ST_DONE)
		return;
	free(p->u.note);
	p->u.note = xstrdup(PICK(&d->rng, notes_late));
}

static void add_extension(struct demo *d, int ti)
{
	struct demo_ptask *pt = &d->tasks[ti];
	struct task *tk = &pt->t;
	date_t orig = dl_due(&tk->dl);
	date_t asked = orig - rng_range(&d->rng, 3, 15);
	date_t a = work_start(d, tk);
	if (asked <= a)
		asked = a + 1;
	/* Worked on until the extension was asked for, then after it. */
	history(d, ti, a, asked, rng_range(&d->rng, 1, 2), rng_range(&d->rng, 30, 50), -1);
	if (d->nexts == sizeof d->exts / sizeof d->exts[0])
		return;
	struct demo_pext *x = &d->exts[d->nexts++];
	memset(x, 0, sizeof *x);
	x->task = ti;
	x->x.time = unix_at(asked, 10, rng_range(&d->rng, 0, 59));
	str_copy(x->x.login, author_for(d, "tu-vp"), sizeof x->x.login);
	x->x.from = orig;
	x->x.to = d->today + rng_range(&d->rng, 25, 70);
	x->x.reason = xstrdup(PICK(&d->rng, reasons));
	tk->extended_to = x->x.to;
	if (asked + 10 < d->today)
		history(d, ti, asked + 5, d->today - 1, rng_range(&d->rng, 1, 2),
		        rng_range(&d->rng, 60, 85), -1);
}

static void refresh_due(struct demo *d, struct task *tk)
{
	tk->due = tl_effective_due(&tk->dl, tk->extended_to, tk->start, tk->last_update,
	                           &d->periods);
}

/* Histories of every task but SC_PAST. */
static void plan_present(struct demo *d, int ti)
{
	struct demo_ptask *pt = &d->tasks[ti];
	struct task *tk = &pt->t;
	date_t a = work_start(d, tk), due = dl_due(&tk->dl);
	int r = rng_pct(&d->rng);

	pt->first_update = (int)d->nups;
	switch (pt->scenario) {
	case SC_FUTURE:
		if (r < 15 && a + 30 < d->today) {
			/* Finished ahead of time, in the last few months. */
			date_t from = a + 30 > d->today - 150 ? a + 30 : d->today - 150;
			date_t done = rng_range(&d->rng, from, d->today - 1);
			history(d, ti, a, done < due ? done : due, rng_range(&d->rng, 2, 4), 100, ST_DONE);
		} else if (r < 75 || due - d->today < 60) {
			history(d, ti, a, d->today - rng_range(&d->rng, 1, 20), rng_range(&d->rng, 1, 4),
			        rng_range(&d->rng, 25, 85), -1);
		}
		break;
	case SC_PERIODIC:
		/* A report every three or four months, the latest recent. */
		history(d, ti, a, d->today - rng_range(&d->rng, 3, 40),
		        1 + (int)((d->today - a) / rng_range(&d->rng, 90, 120)), -1, -1);
		break;
	case SC_UNDATED:
		if (tk->dl.d.kind == DL_AFTER_DIRECTIVE)
			break; /* waits for the document from above */
		if (tk->dl.d.kind == DL_ON_REQUEST && r < 50)
			history(d, ti, a, d->today - rng_range(&d->rng, 20, 90), rng_range(&d->rng, 2, 3),
			        100, ST_DONE);
		else if (tk->dl.d.kind != DL_NONE || r < 60)
			history(d, ti, a, d->today - rng_range(&d->rng, 2, 30), rng_range(&d->rng, 1, 4),
			        rng_range(&d->rng, 20, 80), -1);
		break;
	case SC_HOLD:
		history(d, ti, a, d->today - rng_range(&d->rng, 30, 60), 3, 40, ST_ON_HOLD);
		break;
	case SC_EXTEND:
		add_extension(d, ti);
		break;
	case SC_STALE:
		break; /* never reported: the period's report is missing */
	case SC_DONE:
		history(d, ti, a, due != DATE_NONE && due < d->today ? due - rng_range(&d->rng, 0, 10)
		                                                      : d->today - 30,
		        rng_range(&d->rng, 2, 3), 100, ST_DONE);
		break;
	default:
		break;
	}
	refresh_due(d, tk);
}

/* A task whose deadline passed: done on time, done late, or still open. */
static void plan_past(struct demo *d, int ti, int stays_open)
{
	struct demo_ptask *pt = &d->tasks[ti];
	struct task *tk = &pt->t;
	date_t a = work_start(d, tk), due = dl_due(&tk->dl);

	pt->first_update = (int)d->nups;
	if (a >= due)
		a = due - 1;
	if (stays_open) {
		if (rng_pct(&d->rng) < 70) {
			date_t last = due + rng_range(&d->rng, -20, 30);
			history(d, ti, a, last, rng_range(&d->rng, 1, 3), rng_range(&d->rng, 30, 80), -1);
			note_late(d, ti);
		}
	} else if (rng_pct(&d->rng) < 70) {
		date_t done = due - rng_range(&d->rng, 0, 40);
		history(d, ti, a, done > a ? done : a + 1, rng_range(&d->rng, 2, 5), 100, ST_DONE);
	} else {
		date_t done = due + rng_range(&d->rng, 3, 75);
		history(d, ti, a, done, rng_range(&d->rng, 2, 5), 100, ST_DONE);
	}
	refresh_due(d, tk);
}

static int is_open_dated(const struct task *tk)
{
	return st_is_open((enum task_status)tk->status) && tk->due != DATE_NONE;
}

/* Give every task its history, keeping OVERDUE_SHARE of the open dated
 * tasks overdue. */
static void plan_histories(struct demo *d)
{
	size_t npast = 0, ahead = 0, behind = 0;
	int *past = xcalloc(d->ntasks ? d->ntasks : 1, sizeof *past);

	for (size_t i = 0; i < d->ntasks; i++) {
		if (d->tasks[i].scenario == SC_PAST) {
			past[npast++] = (int)i;
			continue;
		}
		plan_present(d, (int)i);
		const struct task *tk = &d->tasks[i].t;
		if (is_open_dated(tk))
			*(tk->due < d->today ? &behind : &ahead) += 1;
	}
	/* Open past tasks k: (behind + k) / (ahead + behind + k) = share. */
	double want = OVERDUE_SHARE * (double)ahead / (1.0 - OVERDUE_SHARE) - (double)behind;
	size_t k = want <= 0 ? 0 : (size_t)round_half(want);
	if (k > npast)
		k = npast;
	for (size_t i = npast; i > 1; i--) {
		size_t j = (size_t)rng_range(&d->rng, 0, (int)i - 1);
		int tmp = past[i - 1];
		past[i - 1] = past[j];
		past[j] = tmp;
	}
	for (size_t i = 0; i < npast; i++)
		plan_past(d, past[i], i < k);
	free(past);
}

/* ---- indicators ---- */

static void plan_measures(struct demo *d, int ind, const struct demo_indicator *di, date_t from)
{
	double goal = isnan(di->min) ? di->target : di->min;
	date_t days[4];
	int n = 0, y, m, dd;

	/* The quarter ends since the plan was issued, the latest four. */
	date_split(from, &y, &m, &dd);
	for (date_t q = date_quarter_end(y, (m - 1) / 3 + 1); q < d->today;) {
		if (n == 4)
			memmove(days, days + 1, 3 * sizeof *days), n = 3;
		days[n++] = q;
		date_split(q + 1, &y, &m, &dd);
		q = date_quarter_end(y, (m - 1) / 3 + 1);
	}
	const char *login = author_for(d, di->lead);
	for (int i = 0; i < n; i++) {
		double v;
		date_split(days[i], &y, &m, &dd);
		if (di->start == 0) /* counted over each year */
			v = round_half(goal * m / 12.0 * (0.8 + rng_pct(&d->rng) / 400.0));
		else
			v = round_half((di->start + (goal - di->start) * (i + 1) / (n + 1.5)) * 10) / 10;
		if (d->nmeas == d->capmeas) {
			d->capmeas = d->capmeas ? d->capmeas * 2 : 32;
			d->meas = xrealloc(d->meas, d->capmeas * sizeof *d->meas);
		}
		struct demo_pmeasure *pm = &d->meas[d->nmeas++];
		char note[96];
		memset(pm, 0, sizeof *pm);
		pm->ind = ind;
		pm->m.date = days[i];
		pm->m.value = v;
		pm->m.time = unix_at(days[i] + 5, 9, 30);
		str_copy(pm->m.login, login, sizeof pm->m.login);
		snprintf(note, sizeof note, "Số liệu báo cáo quý %s/%d", roman[(m - 1) / 3], y);
		pm->m.note = xstrdup(note);
	}
}

static int plan_indicators(struct demo *d, struct txn *t, struct err *e)
{
	size_t n = 0;
	for (size_t i = 0; i < d->nplans; i++)
		n += d->plans[i].nindicators;
	d->inds = xcalloc(n ? n : 1, sizeof *d->inds);
	for (size_t i = 0; i < d->nplans; i++) {
		const struct demo_plan *p = &d->plans[i];
		for (size_t k = 0; k < p->nindicators; k++) {
			const struct demo_indicator *di = &p->indicators[k];
			struct demo_pind *pi = &d->inds[d->ninds];
			struct unit u = {0};
			int y, m, dd, rc;
			pi->doc = (int)i;
			str_copy(pi->i.section, di->section, sizeof pi->i.section);
			if ((rc = expand_dup(d, di->text, &pi->i.text, e)) ||
			    (rc = unit_of(t, di->lead, &u, e)))
				return rc;
			pi->i.lead = u.id;
			unit_free(&u);
			date_split(d->today, &y, &m, &dd);
			pi->i.year = y + di->year;
			pi->i.min = di->min;
			pi->i.target = di->target;
			str_copy(pi->i.unit_of, di->unit_of, sizeof pi->i.unit_of);
			plan_measures(d, (int)d->ninds, di, d->docs[i].date);
			d->ninds++;
		}
	}
	return 0;
}

/* ---- writing ---- */

static int check_empty(struct txn *t, struct err *e)
{
	struct store_stat s;
	int rc = store_stat(t, &s, e);
	if (rc)
		return rc;
	if (s.docs > 0)
		return err_set(e, ERR_CONFLICT,
		               "kho dữ liệu %s đã có %llu văn bản: chỉ tạo dữ liệu trình diễn "
		               "trong kho trống (dùng --store với một thư mục mới)",
		               store_path(store_of(t)), (unsigned long long)s.docs);
	return 0;
}

static int write_audit(struct demo *d, struct txn *t, size_t i, struct err *e)
{
	struct audit a = {0};
	char date[11];
	size_t ntasks = d->plans[i].ntasks;
	a.time = unix_at(d->today, 8, 0);
	str_copy(a.login, d->actor, sizeof a.login);
	str_copy(a.role, d->actor_role, sizeof a.role);
	str_copy(a.action, "demo", sizeof a.action);
	snprintf(a.object, sizeof a.object, "doc:%llu", (unsigned long long)d->docs[i].id);
	json_t *after = json_pack("{s:s, s:s, s:I}", "number", d->docs[i].number, "date",
	                          date_iso(d->docs[i].date, date), "tasks", (json_int_t)ntasks);
	a.after = json_dumps(after, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(after);
	int rc = store_audit_add(t, &a, e);
	audit_free(&a);
	return rc;
}

/* The write transaction.  It may run more than once (the map grows): every
 * id is assigned afresh. */
static int write_all(struct txn *t, void *ctx, struct err *e)
{
	struct demo *d = ctx;
	int rc = check_empty(t, e);

	for (size_t i = 0; !rc && i < d->nplans; i++) {
		d->docs[i].id = 0;
		rc = store_doc_put(t, &d->docs[i], e);
	}
	for (size_t i = 0; !rc && i < d->ntasks; i++) {
		struct task *tk = &d->tasks[i].t;
		tk->id = 0;
		tk->doc_id = d->docs[d->tasks[i].doc].id;
		rc = store_task_put(t, tk, e);
	}
	for (size_t i = 0; !rc && i < d->nups; i++) {
		d->ups[i].u.id = 0;
		d->ups[i].u.task_id = d->tasks[d->ups[i].task].t.id;
		rc = store_update_add(t, &d->ups[i].u, e);
	}
	for (size_t i = 0; !rc && i < d->nexts; i++) {
		d->exts[i].x.id = 0;
		d->exts[i].x.task_id = d->tasks[d->exts[i].task].t.id;
		rc = store_extension_add(t, &d->exts[i].x, e);
	}
	for (size_t i = 0; !rc && i < d->ninds; i++) {
		d->inds[i].i.id = 0;
		d->inds[i].i.doc_id = d->docs[d->inds[i].doc].id;
		rc = store_indicator_put(t, &d->inds[i].i, e);
	}
	for (size_t i = 0; !rc && i < d->nmeas; i++) {
		d->meas[i].m.id = 0;
		d->meas[i].m.indicator_id = d->inds[d->meas[i].ind].i.id;
		rc = store_measure_add(t, &d->meas[i].m, e);
	}
	for (size_t i = 0; !rc && i < d->nplans; i++)
		rc = write_audit(d, t, i, e);
	return rc;
}

static void demo_free(struct demo *d)
{
	for (size_t i = 0; i < d->nplans && d->docs; i++)
		doc_free(&d->docs[i]);
	for (size_t i = 0; i < d->ntasks; i++)
		task_free(&d->tasks[i].t);
	for (size_t i = 0; i < d->nups; i++)
		update_free(&d->ups[i].u);
	for (size_t i = 0; i < d->nexts; i++)
		extension_free(&d->exts[i].x);
	for (size_t i = 0; i < d->ninds; i++)
		indicator_free(&d->inds[i].i);
	for (size_t i = 0; i < d->nmeas; i++)
		measure_free(&d->meas[i].m);
	free(d->docs);
	free(d->tasks);
	free(d->ups);
	free(d->inds);
	free(d->meas);
}

static int plan_all(struct demo *d, struct err *e)
{
	struct txn *t;
	int rc = store_read_begin(d->c->st, &t, e);
	if (rc)
		return rc;
	rc = check_empty(t, e);
	d->docs = xcalloc(d->nplans, sizeof *d->docs);
	for (size_t i = 0; !rc && i < d->nplans; i++)
		rc = plan_doc(d, t, i, e);
	if (!rc)
		rc = plan_tasks(d, t, e);
	if (!rc)
		rc = plan_indicators(d, t, e);
	store_read_end(t);
	if (!rc)
		plan_histories(d);
	return rc;
}

int demo_build(struct ops_ctx *c, struct err *e)
{
	struct demo d;
	memset(&d, 0, sizeof d);
	d.c = c;
	d.today = c->today != DATE_NONE ? c->today : date_today();
	d.periods = c->cfg ? c->cfg->periods : (struct periods){1u << 11};
	d.rng.s = 0x7468656f646f6931ull ^ (uint64_t)(uint32_t)d.today;
	d.plans = demo_plans(&d.nplans);
	str_copy(d.actor, c->who.login[0] ? c->who.login : "theodoi", sizeof d.actor);
	str_copy(d.actor_role, role_key(c->who.role), sizeof d.actor_role);

	int rc = plan_all(&d, e);
	if (!rc)
		rc = store_write(c->st, write_all, &d, e);
	demo_free(&d);
	return rc;
}
