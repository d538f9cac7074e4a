/* demo-history.c — what happened to each task of the demo plans: its
 * status, its updates on past days with their notes, its extension, and
 * the measured values of the indicators.  Deterministic: everything is
 * drawn from the demo's PRNG, seeded with today.
 *
 * The share of overdue tasks is steered, not left to chance: the tasks
 * whose one-off deadline has passed are the ones that can be overdue, and
 * just enough of them stay open for OVERDUE_SHARE of the open dated tasks
 * to be overdue, whatever today is.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deadline.h"
#include "demo-internal.h"
#include "period.h"
#include "timeliness.h"
#include "util.h"

#define MAX_UPDATES 8
#define OVERDUE_SHARE 0.20  /* of the open tasks with a due date */

/* Nearest integer, halves away from zero (the library links without libm). */
static double round_half(double x)
{
	return x < 0 ? (double)(long long)(x - 0.5) : (double)(long long)(x + 0.5);
}

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

static struct demo_pupdate *new_update(struct demo *d, int task, date_t day, const char *login)
{
	if (d->nups == d->capups) {
		d->capups = d->capups ? d->capups * 2 : 256;
		d->ups = xrealloc(d->ups, d->capups * sizeof *d->ups);
	}
	struct demo_pupdate *p = &d->ups[d->nups++];
	memset(p, 0, sizeof *p);
	update_init(&p->u);
	p->task = task;
	p->u.day = day;
	int minute = (int)rng_range(&d->rng, 0, 59);
	int hour = (int)rng_range(&d->rng, 8, 16);
	p->u.time = demo_unix_at(day, hour, minute);
	str_copy(p->u.login, login, sizeof p->u.login);
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
	const char *login = demo_author(d, pt->lead_code);

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
			p->u.note = xstrdup(RNG_PICK(&d->rng, notes_done));
			tk->done_date = days[i];
		} else if (last && finish == ST_ON_HOLD) {
			set_status(p, tk, ST_ON_HOLD);
			p->u.note = xstrdup("Tạm dừng: chờ chủ trương sắp xếp tổ chức bộ máy và bố trí "
			                    "lại nguồn vốn");
		} else if (final < 0) {
			p->u.note = xstrdup(i == 0 ? RNG_PICK(&d->rng, notes_first)
			                           : RNG_PICK(&d->rng, notes_periodic));
		} else {
			/* Progress rises in steps of 5 towards `final`, never back. */
			int pr = final * (i + 1) / n / 5 * 5;
			if (pr <= tk->progress)
				pr = tk->progress + 5;
			p->u.progress = (int8_t)(pr > 95 ? 95 : pr);
			if (tk->nupdates == 0) {
				p->u.note = xstrdup(RNG_PICK(&d->rng, notes_first));
			} else {
				snprintf(note, sizeof note, RNG_PICK(&d->rng, notes_middle),
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
	p->u.note = xstrdup(RNG_PICK(&d->rng, notes_late));
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
	int final = (int)rng_range(&d->rng, 30, 50);
	int n = (int)rng_range(&d->rng, 1, 2);
	history(d, ti, a, asked, n, final, -1);
	if (d->nexts == sizeof d->exts / sizeof d->exts[0])
		return;
	struct demo_pext *x = &d->exts[d->nexts++];
	memset(x, 0, sizeof *x);
	extension_init(&x->x);
	x->task = ti;
	x->x.day = asked;
	x->x.time = demo_unix_at(asked, 10, rng_range(&d->rng, 0, 59));
	str_copy(x->x.login, demo_author(d, d->plans[pt->doc].issuer), sizeof x->x.login);
	x->x.from = orig;
	x->x.to = d->today + rng_range(&d->rng, 25, 70);
	x->x.reason = xstrdup(RNG_PICK(&d->rng, reasons));
	tk->extended_to = x->x.to;
	if (asked + 10 < d->today) {
		final = (int)rng_range(&d->rng, 60, 85);
		n = (int)rng_range(&d->rng, 1, 2);
		history(d, ti, asked + 5, d->today - 1, n, final, -1);
	}
}

/* The due of task ti from its planned history (the level of its lead is
 * left out here; write_all sets the stored due with it). */
static void refresh_due(struct demo *d, int ti)
{
	struct task *tk = &d->tasks[ti].t;
	struct per_task pt;
	struct per_log log = {0};

	per_task_of(tk, PER_LEVEL_NONE, &d->periods, &pt);
	for (size_t i = (size_t)d->tasks[ti].first_update; i < d->nups; i++)
		if (d->ups[i].task == ti && per_is_report(&d->ups[i].u))
			per_log_add(&log, i, d->ups[i].u.day, d->ups[i].u.period);
	tk->due = per_due(&pt, &log, DATE_NONE);
	per_log_free(&log);
}

/* Histories of every task but SC_PAST. */
static void plan_present(struct demo *d, int ti)
{
	struct demo_ptask *pt = &d->tasks[ti];
	struct task *tk = &pt->t;
	date_t a = work_start(d, tk), due = dl_due(&tk->dl);
	int r = rng_pct(&d->rng), n, final;
	date_t last;

	pt->first_update = (int)d->nups;
	switch (pt->scenario) {
	case SC_FUTURE:
		if (r < 15 && a + 30 < d->today) {
			/* Finished ahead of time, in the last few months. */
			date_t from = a + 30 > d->today - 150 ? a + 30 : d->today - 150;
			date_t done = rng_range(&d->rng, from, d->today - 1);
			history(d, ti, a, done < due ? done : due, rng_range(&d->rng, 2, 4), 100, ST_DONE);
		} else if (r < 75 || due - d->today < 60) {
			final = (int)rng_range(&d->rng, 25, 85);
			n = (int)rng_range(&d->rng, 1, 4);
			last = d->today - rng_range(&d->rng, 1, 20);
			history(d, ti, a, last, n, final, -1);
		}
		break;
	case SC_PERIODIC: {
		/* A report every three or four months, the latest recent. */
		long every = rng_range(&d->rng, 90, 120);
		last = d->today - rng_range(&d->rng, 3, 40);
		history(d, ti, a, last, 1 + (int)((d->today - a) / every), -1, -1);
		break;
	}
	case SC_UNDATED:
		if (tk->dl.d.kind == DL_AFTER_DIRECTIVE)
			break; /* waits for the document from above */
		if (tk->dl.d.kind == DL_ON_REQUEST && r < 50) {
			n = (int)rng_range(&d->rng, 2, 3);
			last = d->today - rng_range(&d->rng, 20, 90);
			history(d, ti, a, last, n, 100, ST_DONE);
		} else if (tk->dl.d.kind != DL_NONE || r < 60) {
			final = (int)rng_range(&d->rng, 20, 80);
			n = (int)rng_range(&d->rng, 1, 4);
			last = d->today - rng_range(&d->rng, 2, 30);
			history(d, ti, a, last, n, final, -1);
		}
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
		n = (int)rng_range(&d->rng, 2, 3);
		last = d->today - 30;
		if (due != DATE_NONE && due < d->today)
			last = due - rng_range(&d->rng, 0, 10);
		history(d, ti, a, last, n, 100, ST_DONE);
		break;
	default:
		break;
	}
	refresh_due(d, ti);
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
			int final = (int)rng_range(&d->rng, 30, 80);
			int n = (int)rng_range(&d->rng, 1, 3);
			history(d, ti, a, last, n, final, -1);
			note_late(d, ti);
		}
	} else if (rng_pct(&d->rng) < 70) {
		date_t done = due - rng_range(&d->rng, 0, 40);
		history(d, ti, a, done > a ? done : a + 1, rng_range(&d->rng, 2, 5), 100, ST_DONE);
	} else {
		date_t done = due + rng_range(&d->rng, 3, 75);
		history(d, ti, a, done, rng_range(&d->rng, 2, 5), 100, ST_DONE);
	}
	refresh_due(d, ti);
}

static int is_open_dated(const struct task *tk)
{
	return st_is_open((enum task_status)tk->status) && tk->due != DATE_NONE;
}

/* Give every task its history, keeping OVERDUE_SHARE of the open dated
 * tasks overdue. */
void demo_plan_histories(struct demo *d)
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

void demo_plan_measures(struct demo *d, int ind, const struct demo_indicator *di, date_t from)
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
	const char *login = demo_author(d, di->lead);
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
		/* reported some days after the quarter, never after yesterday */
		pm->m.time = demo_unix_at(days[i] + 5 < d->today ? days[i] + 5 : d->today - 1, 9, 30);
		str_copy(pm->m.login, login, sizeof pm->m.login);
		snprintf(note, sizeof note, "Số liệu báo cáo quý %s/%d", demo_roman((m - 1) / 3 + 1), y);
		pm->m.note = xstrdup(note);
	}
}
