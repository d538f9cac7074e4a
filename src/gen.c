/* gen.c — the synthetic national-scale setup for benchmarks.
 *
 * Three steps: the hierarchy is drawn in memory and written as units.ini
 * with a theodoi.ini beside it; the store is created and the hierarchy
 * synchronised into it through hier_sync, as any user would; then the
 * documents and tasks are generated in batches, one write transaction per
 * batch.  A batch may run twice (the map grows): everything it changes in
 * memory is restored from a snapshot at its start.
 */
#include "gen.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "deadline.h"
#include "gen-internal.h"
#include "period.h"
#include "hier.h"
#include "model.h"
#include "outfile.h"
#include "store.h"
#include "timeliness.h"
#include "syserr.h"
#include "util.h"

#define DEFAULT_BATCH 20000L
#define MAX_UPDATES 6
/* Percentages that set the overdue share (about 40% of the open dated
 * tasks): tasks done among those whose deadline passed, and periodic
 * tasks that never reported. */
#define DONE_PAST 30
#define STALE_PERIODIC 45

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- the directory ---- */

/* Make dir if missing (*made set) and check it holds none of our files. */
static int prepare_dir(const char *dir, int *made, struct err *e)
{
	static const char *const taken[] = {"theodoi.ini", "units.ini", "store"};
	char path[PATH_MAX];
	struct stat sb;

	*made = mkdir(dir, 0777) == 0;
	if (!*made && errno != EEXIST)
		return err_at(e, ERR_IO, dir, 0, "không tạo được thư mục: %s", syserr_str(errno));
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return err_at(e, ERR_IO, dir, 0, "không phải là thư mục");
	for (size_t i = 0; i < COUNT(taken); i++) {
		snprintf(path, sizeof path, "%s/%s", dir, taken[i]);
		if (stat(path, &sb) == 0)
			return err_at(e, ERR_CONFLICT, path, 0,
			              "đã tồn tại: chọn một thư mục mới cho bộ dữ liệu sinh ra");
	}
	return 0;
}

/* What gen makes, in the order it makes it: removed (newest first) when it
 * fails or is stopped by SIGINT, SIGTERM or SIGHUP.  Killed outright, it
 * leaves a store marked unfinished, which every command refuses. */
#define GUARDS 6

static void guard_outputs(const char *dir, int made, int *guards)
{
	static const char *const names[] = {"units.ini", "theodoi.ini", "store", "store/data.mdb",
	                                    "store/lock.mdb"};
	char path[PATH_MAX];

	guards[0] = made ? outfile_guard(dir) : -1;
	for (size_t i = 0; i < COUNT(names); i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		guards[i + 1] = outfile_guard(path);
	}
}

/* ---- documents and tasks ---- */

static const char *const verbs[] = {
	"Tổ chức quán triệt, tuyên truyền", "Rà soát, kiện toàn", "Xây dựng và ban hành",
	"Kiểm tra, giám sát việc thực hiện", "Tham mưu sơ kết, đánh giá",
	"Đẩy mạnh ứng dụng công nghệ thông tin trong", "Nâng cao chất lượng",
	"Đổi mới nội dung, phương thức", "Chỉ đạo triển khai", "Tổng hợp, báo cáo kết quả",
	"Hướng dẫn các tổ chức cơ sở đảng thực hiện", "Chủ trì, phối hợp triển khai",
};
static const char *const objects[] = {
	"công tác cán bộ ở cơ sở", "quy chế làm việc của cấp ủy",
	"thủ tục hành chính trên môi trường điện tử", "sinh hoạt chi bộ",
	"công tác phát triển đảng viên", "hệ thống quản lý văn bản và điều hành",
	"công tác dân vận của chính quyền", "công tác phòng, chống tham nhũng, tiêu cực",
	"dữ liệu đảng viên", "tổ chức bộ máy các cơ quan tham mưu, giúp việc",
	"công tác kiểm tra, giám sát của cấp ủy", "chuyển đổi số trong các cơ quan đảng",
	"đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên",
	"dịch vụ công trực tuyến toàn trình", "công tác bảo vệ chính trị nội bộ",
	"quy hoạch, đào tạo, bồi dưỡng cán bộ", "thực hiện dân chủ ở cơ sở",
};
static const char *const tails[] = {
	"gắn với nhiệm vụ chính trị của địa phương", "bảo đảm đúng quy định",
	"theo hướng tinh gọn, hoạt động hiệu lực, hiệu quả", "phù hợp với tình hình thực tế",
	"báo cáo kết quả về cấp ủy cấp trên", "khắc phục hạn chế đã được chỉ ra",
	"bảo đảm thiết thực, tránh hình thức", "lấy ý kiến Nhân dân trước khi ban hành",
};
static const char *const topics[] = {
	"xây dựng, chỉnh đốn Đảng và hệ thống chính trị", "chuyển đổi số",
	"cải cách hành chính", "công tác cán bộ", "công tác kiểm tra, giám sát",
	"công tác dân vận", "phòng, chống tham nhũng, lãng phí",
};
static const char *const notes[] = {
	"Đã ban hành kế hoạch triển khai", "Đang tổng hợp báo cáo", "Đã tổ chức hội nghị",
	"Đang lấy ý kiến các cơ quan phối hợp", "Đã hoàn thành dự thảo", "Đã báo cáo cấp ủy",
	"Chậm do chờ hướng dẫn", "Đã kiểm tra tại cơ sở",
};
static const char *const authorities[] = {
	"Trung ương", "Tỉnh ủy", "Ban Tổ chức Trung ương", "Ủy ban nhân dân tỉnh",
};

/* The generator's moving state: everything a batch changes in memory. */
struct cursor {
	struct rng rng;
	long tasks;          /* tasks written */
	long updates;
	long docs;
	long doc_left;       /* tasks still to write in the current document */
	uint64_t doc_id;
	int issuer;          /* unit index of the current document's issuer */
	int issuer_level;    /* 0 centre, 1 province, 2 district */
	int scope;           /* province or district index of the issuer */
	int lead;            /* unit index of the task being made */
	long doc_pos;        /* tasks written in the current document */
	date_t doc_date;
	uint32_t tw_docs;    /* numbers issued at the centre, and per province */
	uint32_t prov_docs[PROVINCES_MAX];
	char prov_last[PROVINCES_MAX][DOCNUM_LEN]; /* latest number of each province */
};

struct gen {
	struct hierarchy h;
	struct periods periods;
	date_t today;
	long ntasks, batch_end;
	struct cursor cur, saved;
	struct sbuf text, phrase;
};

static const char *issuer_suffix(const struct gen_unit *u)
{
	switch (u->kind) {
	case UK_TRUNG_UONG: return "TW";
	case UK_TINH_UY: return "TU";
	case UK_HUYEN_UY: return "HU";
	case UK_DANG_UY_KHOI: return "ĐUK";
	default: return "ThU";
	}
}

static const char *issuer_text(const struct gen_unit *u)
{
	switch (u->kind) {
	case UK_TRUNG_UONG: return "Bộ Chính trị";
	case UK_TINH_UY: return "Ban Thường vụ Tỉnh ủy";
	case UK_HUYEN_UY: return "Ban Thường vụ Huyện ủy";
	case UK_DANG_UY_KHOI: return "Ban Thường vụ Đảng ủy Khối";
	default: return "Ban Thường vụ Thành ủy";
	}
}

static int new_doc(struct gen *g, struct txn *t, struct err *e)
{
	struct cursor *c = &g->cur;
	struct doc d = {0};
	int x = rng_pct(&c->rng), rc;
	const struct gen_unit *iu;
	char title[320], signer[64], implements[2][DOCNUM_LEN];

	if (x < 2) {
		c->issuer_level = 0;
		c->issuer = 0;
	} else if (x < 30) {
		c->issuer_level = 1;
		c->scope = (int)rng_range(&c->rng, 0, g->h.np - 1);
		c->issuer = g->h.p[c->scope].unit;
	} else {
		c->issuer_level = 2;
		c->scope = (int)rng_range(&c->rng, 0, g->h.nd - 1);
		c->issuer = g->h.d[c->scope].unit;
	}
	iu = &g->h.u[c->issuer];
	c->doc_date = g->today - (date_t)rng_range(&c->rng, 20, 900);
	c->doc_left = rng_range(&c->rng, 10, 90);
	c->doc_pos = 0;
	if (c->issuer_level == 0) {
		c->tw_docs++;
		snprintf(d.number, sizeof d.number, "%u-KH/TW", c->tw_docs % 99 + 1);
		str_copy(d.kind, "KH", sizeof d.kind);
	} else {
		/* Numbers run per province (they restart each term in real life). */
		int pi = c->issuer_level == 1 ? c->scope : g->h.d[c->scope].province;
		const char *kind = x % 5 == 0 ? "CTr" : "KH";
		uint32_t no = ++c->prov_docs[pi] % 150 + 1;
		snprintf(d.number, sizeof d.number, "%u-%s/%s", no, kind, issuer_suffix(iu));
		str_copy(d.kind, kind, sizeof d.kind);
		snprintf(implements[0], DOCNUM_LEN, "%u-NQ/TW", (unsigned)rng_range(&c->rng, 1, 60));
		d.nimplements = 1;
		if (c->issuer_level == 2 && c->prov_last[pi][0]) {
			str_copy(implements[1], c->prov_last[pi], DOCNUM_LEN);
			d.nimplements = 2;
		}
		if (c->issuer_level == 1)
			str_copy(c->prov_last[pi], d.number, DOCNUM_LEN);
		d.implements = implements;
	}
	d.date = c->doc_date;
	snprintf(title, sizeof title, "%s thực hiện nghị quyết của cấp trên về %s",
	         d.kind[0] == 'C' ? "Chương trình hành động" : "Kế hoạch",
	         RNG_PICK(&c->rng, topics));
	d.title = title;
	d.issuer = iu->id;
	d.issuer_text = (char *)issuer_text(iu);
	gen_person_name(&c->rng, signer, sizeof signer);
	d.signer = signer;
	d.signer_role = (char *)(x % 3 ? "BÍ THƯ" : "PHÓ BÍ THƯ");
	/* Province and centre plans often set a date for the plans below. */
	d.plan_due = c->issuer_level < 2 && x % 2
	                 ? c->doc_date + (date_t)rng_range(&c->rng, 60, 150)
	                 : DATE_NONE;
	d.created = (int64_t)d.date * 86400 + 3600;
	rc = store_doc_put(t, &d, e);
	c->doc_id = d.id;
	c->docs++;
	return rc;
}

/* A lead for the current document's next task: one of the units below
 * its issuer. */
static int pick_lead(struct gen *g)
{
	struct cursor *c = &g->cur;
	const struct hierarchy *h = &g->h;
	int x = rng_pct(&c->rng);

	if (c->issuer_level == 0) {
		const struct gen_province *p = &h->p[rng_range(&c->rng, 0, h->np - 1)];
		return x < 40 ? p->unit : p->agencies + (int)rng_range(&c->rng, 0, 5);
	}
	if (c->issuer_level == 1) {
		const struct gen_province *p = &h->p[c->scope];
		const struct gen_district *d = &h->d[p->districts +
		                                     rng_range(&c->rng, 0, p->ndistricts - 1)];
		if (x < 45)
			return p->agencies + (int)rng_range(&c->rng, 0, AGENCIES_PROVINCE - 1);
		if (x < 65)
			return d->unit;
		return d->agencies + (int)rng_range(&c->rng, 0, d->nagencies - 1);
	}
	const struct gen_district *d = &h->d[c->scope];
	if (x < 40 || d->ngrass == 0)
		return d->agencies + (int)rng_range(&c->rng, 0, d->nagencies - 1);
	return d->grass + (int)rng_range(&c->rng, 0, d->ngrass - 1);
}

/* A deadline phrase as plans write them, for a task of a document issued
 * on doc_date. */
static void make_phrase(struct gen *g, struct sbuf *b)
{
	struct cursor *c = &g->cur;
	date_t target = c->doc_date + (date_t)rng_range(&c->rng, 20, 540);
	int y, m, d, x = rng_pct(&c->rng);
	char day[11];

	date_split(target, &y, &m, &d);
	sbuf_reset(b);
	if (x < 12)
		sbuf_printf(b, "hoàn thành trong năm %d", y);
	else if (x < 26)
		sbuf_printf(b, "hoàn thành trong quý %s/%d",
		            (const char *[]){"I", "II", "III", "IV"}[(m - 1) / 3], y);
	else if (x < 36)
		sbuf_printf(b, "hoàn thành trong tháng %02d/%d", m, y);
	else if (x < 48)
		sbuf_printf(b, "trước ngày %s", date_vn(target, day));
	else if (x < 54) {
		int y0;
		date_split(c->doc_date, &y0, &m, &d);
		sbuf_printf(b, "thực hiện từ năm %d - %d", y0, y0 + (int)rng_range(&c->rng, 1, 3));
	} else if (x < 56) {
		int y2, m2, d2;
		date_split(target + 40, &y2, &m2, &d2);
		sbuf_printf(b, "cấp tỉnh hoàn thành trong tháng %02d/%d; cấp huyện hoàn thành trong "
		               "tháng %02d/%d; cấp cơ sở hoàn thành trước ngày %s",
		            m, y, m2, y2, date_vn(target + 75, day));
	} else if (x < 72)
		sbuf_puts(b, RNG_PICK(&c->rng, ((const char *[]){"thực hiện thường xuyên", "thường xuyên",
		                                             "tuyên truyền thường xuyên",
		                                             "thường xuyên, liên tục"})));
	else if (x < 77) {
		date_split(c->doc_date, &y, &m, &d);
		sbuf_printf(b, "thực hiện từ năm %d", y);
	} else if (x < 84)
		sbuf_puts(b, x % 2 ? "vào tháng 12 hằng năm" : "thực hiện hằng năm");
	else if (x < 86)
		sbuf_puts(b, "theo nhiệm kỳ");
	else if (x < 89)
		sbuf_printf(b, "theo yêu cầu của %s", RNG_PICK(&c->rng, authorities));
	else if (x < 93)
		sbuf_printf(b, "sau khi có hướng dẫn của %s (năm %d)", RNG_PICK(&c->rng, authorities),
		            y);
	else if (x < 96)
		sbuf_printf(b, "thực hiện theo Kế hoạch số %d-KH/TU ngày %s",
		            (int)rng_range(&c->rng, 1, 200), date_vn(c->doc_date - 60, day));
	else if (x < 98)
		sbuf_puts(b, "thực hiện theo lộ trình");
	/* else: no deadline stated */
}

/* A task's status and its updates (kept in ups[], at most MAX_UPDATES;
 * task ids are filled in when written).  Returns the number of updates. */
static int task_history(struct gen *g, struct task *tk, struct update *ups)
{
	struct cursor *c = &g->cur;
	date_t due = dl_due(&tk->dl);
	date_t a = tk->start + (date_t)rng_range(&c->rng, 3, 30), b = g->today - 1, done = DATE_NONE;
	int x = rng_pct(&c->rng), n = 0, final = 0, status = ST_IN_PROGRESS;
	int province = g->h.u[g->cur.lead].province;

	if (a > b)
		a = b;
	if (per_recurring(&tk->dl)) {
		if (x < STALE_PERIODIC)
			status = ST_NOT_STARTED; /* never reported: late once a period ends */
		else
			n = (int)rng_range(&c->rng, 1, MAX_UPDATES), a = a + (b - a) / 2;
	} else if (due != DATE_NONE && due < g->today) {
		if (x < DONE_PAST) {
			done = x < DONE_PAST * 4 / 5 ? due - (date_t)rng_range(&c->rng, 0, 40)
			                             : due + (date_t)rng_range(&c->rng, 1, 60);
			status = ST_DONE;
		} else if (x < DONE_PAST + 1) {
			status = ST_ON_HOLD;
		} else if (x < DONE_PAST + 4 && due > g->today - 60) {
			tk->extended_to = g->today + (date_t)rng_range(&c->rng, 10, 120);
		} else if (x < DONE_PAST + 25) {
			status = ST_NOT_STARTED;
		}
	} else if (due != DATE_NONE) {
		if (x < 10) {
			done = g->today - (date_t)rng_range(&c->rng, 1, 60);
			status = ST_DONE;
		} else if (x < 11) {
			status = ST_ON_HOLD;
		} else if (x < 45) {
			status = ST_NOT_STARTED;
		}
	} else if (x < 25) {
		status = ST_NOT_STARTED;
	} else if (x < 35) {
		done = g->today - (date_t)rng_range(&c->rng, 1, 200);
		status = ST_DONE;
	}
	if (done != DATE_NONE) {
		if (done <= a)
			done = a + 1;
		if (done > b)
			done = b;
		b = done;
	}
	if (status != ST_NOT_STARTED && n == 0)
		n = (int)rng_range(&c->rng, status == ST_DONE ? 2 : 1, 5);
	if (status == ST_IN_PROGRESS)
		final = (int)rng_range(&c->rng, 10, 90);
	if (b < a)
		a = b;
	for (int i = 0; i < n; i++) {
		struct update *u = &ups[i];
		int last = i == n - 1;
		update_init(u);
		u->day = a + (date_t)((long)(b - a) * (i + 1) / n);
		u->time = (int64_t)u->day * 86400 + 3600 + rng_range(&c->rng, 0, 8 * 3600);
		if (province < 0)
			str_copy(u->login, "root", sizeof u->login);
		else
			snprintf(u->login, sizeof u->login, "vp%02d", province + 1);
		u->note = (char *)RNG_PICK(&c->rng, notes);
		if (i == 0) {
			u->status_before = ST_NOT_STARTED;
			u->status_after = ST_IN_PROGRESS;
		}
		if (last && status != ST_IN_PROGRESS) {
			u->status_before = (int8_t)(i == 0 ? ST_NOT_STARTED : ST_IN_PROGRESS);
			u->status_after = (int8_t)status;
		}
		if (status == ST_DONE && last)
			u->progress = 100;
		else if (final)
			u->progress = (int8_t)(final * (i + 1) / n);
		if (u->progress >= 0)
			tk->progress = (uint8_t)u->progress;
		tk->last_update = u->day;
	}
	tk->status = (uint8_t)status;
	tk->nupdates = (uint32_t)n;
	tk->done_date = status == ST_DONE ? b : DATE_NONE;
	return n;
}

/* The level of unit index i: its kind's, or its committee's for an agency. */
static enum per_level gen_level(const struct gen *g, int i)
{
	enum per_level lv = PER_LEVEL_NONE;

	for (int depth = 0; i >= 0 && depth < 16; depth++) {
		int kind = g->h.u[i].kind;
		lv = per_level_of_kind(kind);
		if (kind != UK_BAN && kind != UK_CO_QUAN && kind != UK_TO_CHUC)
			break;
		i = g->h.u[i].parent;
	}
	return lv;
}

/* The due the period engine gives the task with its n updates. */
static date_t gen_due(const struct gen *g, const struct task *tk, const struct update *ups, int n)
{
	struct per_task pt;
	struct per_log log = {0};
	date_t due;

	per_task_of(tk, tk->dl.d.kind == DL_MULTI ? gen_level(g, g->cur.lead) : PER_LEVEL_NONE,
	            &g->periods, &pt);
	for (int i = 0; i < n && per_recurring_part(&tk->dl); i++)
		per_log_add(&log, (uint64_t)i, ups[i].day, ups[i].period);
	due = per_due(&pt, &log, DATE_NONE);
	per_log_free(&log);
	return due;
}

static int one_task(struct gen *g, struct txn *t, struct err *e)
{
	struct cursor *c = &g->cur;
	struct task tk;
	struct update ups[MAX_UPDATES];
	uint32_t partner;
	int rc, n;

	if (c->doc_left == 0 && (rc = new_doc(g, t, e)))
		return rc;
	memset(&tk, 0, sizeof tk);
	c->lead = pick_lead(g);
	tk.doc_id = c->doc_id;
	/* Sections of about a dozen tasks: III.1#1 .. III.1#12, III.2#1 .. */
	c->doc_pos++;
	snprintf(tk.section, sizeof tk.section, "III.%ld#%ld", (c->doc_pos - 1) / 12 + 1,
	         (c->doc_pos - 1) % 12 + 1);
	tk.lead = g->h.u[c->lead].id;
	if (rng_pct(&c->rng) < 25) {
		partner = g->h.u[pick_lead(g)].id;
		if (partner != tk.lead) {
			tk.partners = &partner;
			tk.npartners = 1;
		}
	}
	sbuf_reset(&g->text);
	const char *tail = RNG_PICK(&c->rng, tails);
	const char *object = RNG_PICK(&c->rng, objects);
	const char *verb = RNG_PICK(&c->rng, verbs);
	sbuf_printf(&g->text, "%s %s, %s.", verb, object, tail);
	tk.text = g->text.s;
	make_phrase(g, &g->phrase);
	tk.dl_phrase = g->phrase.len ? g->phrase.s : NULL;
	if (!tk.dl_phrase || !dl_parse(tk.dl_phrase, &tk.dl))
		dl_init(&tk.dl);
	tk.start = c->doc_date;
	tk.extended_to = tk.last_update = tk.done_date = DATE_NONE;
	tk.created = (int64_t)c->doc_date * 86400 + 7200;
	n = task_history(g, &tk, ups);
	tk.due = gen_due(g, &tk, ups, n);
	if ((rc = store_task_put(t, &tk, e)))
		return rc;
	for (int i = 0; i < n; i++) {
		ups[i].task_id = tk.id;
		if ((rc = store_update_add(t, &ups[i], e)))
			return rc;
	}
	if (tk.extended_to != DATE_NONE) {
		struct extension x;
		extension_init(&x);
		x.task_id = tk.id;
		x.day = g->today - 30;
		x.time = (int64_t)(g->today - 30) * 86400 + 7200;
		str_copy(x.login, "root", sizeof x.login);
		x.from = dl_due(&tk.dl);
		x.to = tk.extended_to;
		x.reason = (char *)"Chờ hướng dẫn của cấp trên";
		if ((rc = store_extension_add(t, &x, e)))
			return rc;
	}
	c->updates += n;
	c->doc_left--;
	c->tasks++;
	return 0;
}

static int write_batch(struct txn *t, void *ctx, struct err *e)
{
	struct gen *g = ctx;
	g->cur = g->saved; /* a rerun after the map grew starts afresh */
	while (g->cur.tasks < g->batch_end) {
		int rc = one_task(g, t, e);
		if (rc)
			return rc;
	}
	return 0;
}
/* ---- the build ---- */

static void report(const struct gen_opts *o, const char *phase, long done, long total)
{
	if (o && o->progress)
		o->progress(o->progress_ctx, phase, done, total);
}

/* Store ids of the generated units, after the sync. */
static int map_ids(struct store *st, struct hierarchy *h, struct err *e)
{
	struct txn *t;
	int rc = store_read_begin(st, &t, e);
	for (int i = 0; !rc && i < h->n; i++) {
		struct unit u = {0};
		rc = store_unit_by_code(t, h->u[i].code, &u, e);
		h->u[i].id = u.id;
		unit_free(&u);
	}
	store_read_end(t);
	return rc;
}

/* The dues were computed with these reporting months (period.h). */
static int months_fn(struct txn *t, void *ctx, struct err *e)
{
	return per_record_months(t, ctx, e);
}

/* The last transaction: the stamp, and the store no longer unfinished. */
static int stamp_fn(struct txn *t, void *ctx, struct err *e)
{
	int rc = store_meta_put(t, "generated", ctx, e);
	return rc ? rc : store_meta_put(t, "unfinished", "", e);
}

/* Replace the data file by a compacted copy: the batches leave freed
 * pages behind (the last transactions' copies of the pages they changed),
 * which a store sized to its data does not carry.  The store is closed
 * when this returns 0. */
static int compact_store(struct store **st, const char *path, struct err *e)
{
	char tmp[PATH_MAX], data[PATH_MAX];
	int fd, rc;

	if ((size_t)snprintf(tmp, sizeof tmp, "%s/data.mdb.compact", path) >= sizeof tmp ||
	    (size_t)snprintf(data, sizeof data, "%s/data.mdb", path) >= sizeof data)
		return err_set(e, ERR_IO, "đường dẫn kho quá dài: %s", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0664);
	if (fd < 0)
		return err_set(e, ERR_IO, "không tạo được kho %s: %s", path, syserr_str(errno));
	rc = store_copy_fd(*st, fd, 1, e);
	if (!rc && fsync(fd) != 0)
		rc = err_set(e, ERR_IO, "không ghi được kho %s: %s", path, syserr_str(errno));
	if (close(fd) != 0 && !rc)
		rc = err_set(e, ERR_IO, "không ghi được kho %s: %s", path, syserr_str(errno));
	if (rc) {
		unlink(tmp);
		return rc;
	}
	store_close(*st);
	*st = NULL;
	if (rename(tmp, data) != 0) {
		rc = err_set(e, ERR_IO, "không ghi được kho %s: %s", path, syserr_str(errno));
		unlink(tmp);
	}
	return rc;
}

/* Reopen with fsync and commit one small record: LMDB's commit then
 * flushes the whole data file, making the bulk load durable;
 * then the data file is compacted. */
static int make_durable(const char *path, const char *stamp, struct gen_stats *s,
                        struct err *e)
{
	struct store *st;
	struct txn *t;
	struct store_stat ss;
	int rc = store_open(path, STORE_UNFINISHED, &st, e);
	if (rc)
		return rc;
	rc = store_write(st, stamp_fn, (void *)stamp, e);
	if (!rc)
		rc = compact_store(&st, path, e);
	if (!rc && !(rc = store_open(path, 0, &st, e))) {
		if (!(rc = store_read_begin(st, &t, e))) {
			rc = store_stat(t, &ss, e);
			s->store_bytes = ss.used_bytes;
			store_read_end(t);
		}
	}
	if (st)
		store_close(st);
	return rc;
}

static int count_due(struct store *st, date_t today, int soon, struct gen_stats *s,
                     struct err *e)
{
	struct txn *t;
	struct store_counts sc;
	int rc = store_read_begin(st, &t, e);
	if (rc)
		return rc;
	rc = store_unit_counts(t, 0, today, soon, &sc, e);
	if (!rc)
		rc = store_count(t, 0, DATE_NONE, STORE_SLOT_NODUE - 1, &s->open_dated, e);
	s->overdue = sc.overdue;
	store_read_end(t);
	return rc;
}

static int load_store(struct gen *g, const char *dir, const struct gen_opts *o,
                      struct gen_stats *s, struct err *e)
{
	char ini[PATH_MAX], path[PATH_MAX], stamp[128];
	struct config cfg;
	struct store *st = NULL;
	long batch = o && o->batch > 0 ? o->batch : DEFAULT_BATCH;
	int rc;

	memset(&cfg, 0, sizeof cfg);
	snprintf(ini, sizeof ini, "%s/theodoi.ini", dir);
	snprintf(path, sizeof path, "%s/store", dir);
	if ((rc = cfg_load(ini, &cfg, e)))
		goto out;
	g->periods = cfg.periods;
	if ((rc = store_open(path, STORE_CREATE | STORE_NOSYNC | STORE_UNFINISHED, &st, e)))
		goto out;
	report(o, "đơn vị", 0, g->h.n);
	if ((rc = hier_sync(st, &cfg, "root", NULL, e)) || (rc = map_ids(st, &g->h, e)))
		goto out;
	report(o, "đơn vị", g->h.n, g->h.n);
	while (g->cur.tasks < g->ntasks) {
		g->batch_end = g->cur.tasks + batch < g->ntasks ? g->cur.tasks + batch : g->ntasks;
		g->saved = g->cur;
		if ((rc = store_write(st, write_batch, g, e)))
			goto out;
		report(o, "nhiệm vụ", g->cur.tasks, g->ntasks);
	}
	if ((rc = store_write(st, months_fn, &g->periods, e)) ||
	    (rc = count_due(st, g->today, cfg.soon_days, s, e)))
		goto out;
	store_close(st);
	st = NULL;
	snprintf(stamp, sizeof stamp, "tasks=%ld units=%d docs=%ld updates=%ld", g->cur.tasks,
	         g->h.n, g->cur.docs, g->cur.updates);
	rc = make_durable(path, stamp, s, e);
out:
	if (st)
		store_close(st);
	cfg_free(&cfg);
	return rc;
}

int gen_build(const char *dir, long ntasks, unsigned long seed, const struct gen_opts *opts,
              struct gen_stats *out, struct err *e)
{
	struct gen g;
	struct gen_stats s;
	struct rng shape_rng;
	long units = opts && opts->units ? opts->units : GEN_DEFAULT_UNITS;
	char path[PATH_MAX];
	int guards[GUARDS];
	int rc, made;

	if (ntasks < 1 || ntasks > GEN_MAX_TASKS)
		return err_set(e, ERR_USAGE, "số nhiệm vụ phải từ 1 đến %ld, không phải %ld",
		               GEN_MAX_TASKS, ntasks);
	if (units < 1 || units > GEN_MAX_UNITS)
		return err_set(e, ERR_USAGE, "số đơn vị phải từ 1 đến %ld, không phải %ld",
		               GEN_MAX_UNITS, units);
	if ((rc = prepare_dir(dir, &made, e))) {
		if (made)
			rmdir(dir);
		return rc;
	}
	guard_outputs(dir, made, guards);
	memset(&g, 0, sizeof g);
	memset(&s, 0, sizeof s);
	g.ntasks = ntasks;
	g.today = opts && opts->today != DATE_NONE ? opts->today : date_today();
	g.periods.months = 1u << 11;
	rng_seed(&shape_rng, (uint64_t)seed * 0x2545F4914F6CDD1Dull + 1);
	rng_seed(&g.cur.rng, (uint64_t)seed ^ 0x67656e0000000000ull);
	gen_hierarchy(&g.h, &shape_rng, units);

	snprintf(path, sizeof path, "%s/units.ini", dir);
	if ((rc = gen_write_units_ini(path, &g.h, e)))
		goto out;
	snprintf(path, sizeof path, "%s/theodoi.ini", dir);
	if ((rc = gen_write_theodoi_ini(path, &g.h, ntasks, seed, e)))
		goto out;
	if ((rc = load_store(&g, dir, opts, &s, e)))
		goto out;
	s.units = g.h.n;
	s.docs = g.cur.docs;
	s.tasks = g.cur.tasks;
	s.updates = g.cur.updates;
	if (out)
		*out = s;
out:
	/* a failed gen leaves nothing behind; a finished one keeps it all */
	for (int i = GUARDS - 1; i >= 0; i--)
		outfile_unguard(guards[i], rc != 0);
	gen_free_hierarchy(&g.h);
	sbuf_free(&g.text);
	sbuf_free(&g.phrase);
	return rc;
}
