/* cli-list.c — the reading commands: units, docs, tasks, overdue, due,
 * overview. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-opts.h"
#include "cli-rows.h"
#include "cli.h"
#include "hier.h"
#include "history.h"
#include "partner-walk.h"
#include "query-past.h"
#include "query.h"
#include "store.h"
#include "text.h"
#include "util.h"

#define OPT_FORMAT 'F'

/* ---- units ---- */

static const char units_help[] =
	"Cách dùng: theodoi units [--format text|csv|json]\n"
	"Cây đơn vị, mỗi đơn vị với số nhiệm vụ quá hạn, sắp đến hạn, đang mở và tổng số\n"
	"của cả cây đơn vị bên dưới. Đơn vị lịch sử (đã giải thể) được đánh dấu.\n"
	"Dòng cuối \"(chưa xác định đơn vị chủ trì)\": nhiệm vụ chưa gắn đơn vị chủ trì, không\n"
	"thuộc đơn vị nào; cộng với dòng gốc bằng số liệu của toàn kho (overdue --count, summary).\n";

static const struct out_col unit_cols[] = {
	{"code", "Mã", OUT_STR, 0, 0, 0},
	{"name", "Đơn vị", OUT_STR, 60, 0, 0},
	{"kind", "Loại", OUT_STR, 0, 0, 1},
	{"kind_label", "Loại", OUT_STR, 0, 0, 0},
	{"parent", "Cấp trên", OUT_STR, 0, 0, 1},
	{"depth", "Cấp", OUT_INT, 0, 0, 1},
	{"historical", "Lịch sử", OUT_RAW, 0, 0, 1},
	{"overdue", "Quá hạn", OUT_INT, 0, 1, 0},
	{"due_soon", "Sắp đến hạn", OUT_INT, 0, 1, 0},
	{"open", "Đang mở", OUT_INT, 0, 1, 0},
	{"total", "Tổng", OUT_INT, 0, 1, 0},
};

static void unit_row(struct out_table *tab, const char *code, const char *name, const char *kind,
                     const char *kind_label, const char *parent, int depth, int historical,
                     const struct store_counts *n)
{
	char d[8], ov[24], soon[24], open[24], total[24];
	snprintf(d, sizeof d, "%d", depth);
	snprintf(ov, sizeof ov, "%llu", (unsigned long long)n->overdue);
	snprintf(soon, sizeof soon, "%llu", (unsigned long long)n->soon);
	snprintf(open, sizeof open, "%llu", (unsigned long long)n->open);
	snprintf(total, sizeof total, "%llu", (unsigned long long)n->total);
	const char *cells[] = {code, name, kind, kind_label, parent, d, historical ? "true" : "false",
	                       ov, soon, open, total};
	out_row(tab, cells);
}

int cmd_units(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, OPT_FORMAT}, {"help", no_argument, NULL, 'h'}, {0}};
	int fmt = FMT_TEXT, o, rc;
	while ((o = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (o == 'h')
			return fputs(units_help, c->out), 0;
		if (o != OPT_FORMAT)
			return cli_bad_option("units", e);
		if ((rc = cli_parse_format(optarg, &fmt, e)))
			return rc;
	}
	const struct hier *h;
	struct txn *t;
	if ((rc = cli_store(c, 0, e)) || (rc = cli_hier(c, &h, e)) ||
	    (rc = store_read_begin(c->ops.st, &t, e)))
		return rc;
	struct out_table tab;
	out_stream(&tab, unit_cols, OUT_NCOLS(unit_cols), fmt, c->out);
	/* Tasks whose lead was never resolved count for the whole store only:
	 * a last row shows them, so the tree adds up to the store. */
	struct store_counts rest = {0}, *sub = NULL;
	struct hist_day hd;
	if (rows_past(c, &hd))
		rc = qpast_unit_counts(t, h, &hd, c->cfg.soon_days, &sub, &rest, e);
	else if (!(rc = store_unit_counts(t, 0, c->ops.today, c->cfg.soon_days, &rest, e)))
		for (size_t i = 0; i < hier_count(h) && !rc; i = hier_subtree_end(h, i)) {
			struct store_counts n;
			if (!(rc = store_unit_counts(t, hier_at(h, i)->id, c->ops.today, c->cfg.soon_days, &n, e))) {
				rest.overdue -= n.overdue, rest.soon -= n.soon;
				rest.open -= n.open, rest.total -= n.total;
			}
		}
	for (size_t i = 0; i < hier_count(h) && !rc; i++) {
		const struct unit *u = hier_at(h, i);
		struct store_counts n;
		if (sub)
			n = sub[i];
		else if ((rc = store_unit_counts(t, u->id, c->ops.today, c->cfg.soon_days, &n, e)))
			break;
		const struct unit *p = u->parent ? hier_unit(h, u->parent) : NULL;
		char name[512];
		snprintf(name, sizeof name, "%*s%s%s", fmt == FMT_TEXT ? 2 * hier_depth(h, i) : 0, "", u->name,
		         fmt == FMT_TEXT && u->historical ? " (lịch sử)" : "");
		unit_row(&tab, u->code, name, unit_kind_key(u->kind), unit_kind_label(u->kind),
		         p ? p->code : "", hier_depth(h, i), u->historical, &n);
	}
	if (!rc && rest.total)
		unit_row(&tab, "", "(chưa xác định đơn vị chủ trì)", "", "", "", 0, 0, &rest);
	store_read_end(t);
	free(sub);
	if (!rc)
		rc = rows_end(&tab, e);
	out_free(&tab);
	return rc;
}

/* ---- docs ---- */

static const char docs_help[] =
	"Cách dùng: theodoi docs [--unit ĐƠN_VỊ] [--format text|csv|json]\n"
	"Các văn bản (kế hoạch, chương trình hành động...) trong kho; với --unit, chỉ văn bản\n"
	"do đơn vị đó ban hành. ĐƠN_VỊ là mã, tên hoặc tên viết tắt.\n";

static const struct out_col doc_cols[] = {
	{"id", "Mã", OUT_INT, 0, 1, 0},
	{"kind", "Loại", OUT_STR, 0, 0, 0},
	{"number", "Số", OUT_STR, 0, 0, 0},
	{"date", "Ngày", OUT_DATE, 0, 0, 0},
	{"issuer_code", "Mã ĐV", OUT_STR, 0, 0, 1},
	{"issuer", "Cơ quan ban hành", OUT_STR, 28, 0, 0},
	{"tasks", "Số NV", OUT_INT, 0, 1, 0},
	{"implements", "Thực hiện", OUT_RAW, 0, 0, 1},
	{"title", "Trích yếu", OUT_STR, 50, 0, 0},
};

struct docs_ctx {
	struct cli *c;
	struct txn *t;
	const struct hier *h;
	struct out_table *tab;
	struct err *e;
};

struct doc_count {
	struct txn *t;
	uint64_t n;
	int rc;
	struct err *e;
};

/* One task of the document, an opened group task not counted (its
 * obligations are). */
static int count_fn(uint64_t id, void *ctx)
{
	struct doc_count *c = ctx;
	struct task k = {0};
	if ((c->rc = store_task_get(c->t, id, &k, c->e)))
		return 1;
	c->n += !k.group_open;
	task_free(&k);
	return 0;
}

static int doc_row(const struct doc *d, void *ctx)
{
	struct docs_ctx *x = ctx;
	const struct unit *u = d->issuer ? hier_unit(x->h, d->issuer) : NULL;
	struct doc_count dc = {x->t, 0, 0, x->e};
	int rc = store_tasks_by_doc(x->t, d->id, count_fn, &dc, x->e);
	if (!rc)
		rc = dc.rc;
	if (rc)
		return rc;
	uint64_t ntasks = dc.n;
	json_t *impl = json_array();
	for (int i = 0; i < d->nimplements; i++)
		json_array_append_new(impl, json_string(d->implements[i]));
	char *impl_s = json_dumps(impl, JSON_COMPACT);
	json_decref(impl);
	char id[24], date[11], n[24];
	snprintf(id, sizeof id, "%llu", (unsigned long long)d->id);
	snprintf(n, sizeof n, "%llu", (unsigned long long)ntasks);
	const char *cells[] = {id, d->kind, d->number, d->date == DATE_NONE ? "" : date_iso(d->date, date),
	                       u ? u->code : "", u ? u->name : (d->issuer_text ? d->issuer_text : ""),
	                       n, impl_s, d->title ? d->title : ""};
	rc = out_row(x->tab, cells) ? rows_write_error(x->e) : 0;
	free(impl_s);
	return rc;
}

static int doc_id_row(uint64_t id, void *ctx)
{
	struct docs_ctx *x = ctx;
	struct doc d = {0};
	int rc = store_doc_get(x->t, id, &d, x->e);
	if (!rc)
		rc = doc_row(&d, ctx);
	doc_free(&d);
	return rc;
}

int cmd_docs(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"format", required_argument, NULL, OPT_FORMAT},
	                                     {"unit", required_argument, NULL, 'u'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {0}};
	int fmt = FMT_TEXT, o, rc;
	const char *unit = NULL;
	while ((o = getopt_long(argc, argv, "hu:", opts, NULL)) != -1) {
		if (o == 'h')
			return fputs(docs_help, c->out), 0;
		if (o == 'u')
			unit = optarg;
		else if (o != OPT_FORMAT)
			return cli_bad_option("docs", e);
		else if ((rc = cli_parse_format(optarg, &fmt, e)))
			return rc;
	}
	const struct hier *h;
	uint32_t uid = 0;
	struct txn *t;
	if ((rc = cli_store(c, 0, e)) || (rc = cli_hier(c, &h, e)) ||
	    (unit && (rc = cli_unit(c, unit, &uid, e))) || (rc = store_read_begin(c->ops.st, &t, e)))
		return rc;
	struct out_table tab;
	out_stream(&tab, doc_cols, OUT_NCOLS(doc_cols), fmt, c->out);
	uint64_t seq = 0;
	if (!unit && store_seq_peek(t, "doc", &seq, NULL) == 0) /* all, in id order */
		rows_id_width(&tab, seq);
	struct docs_ctx x = {c, t, h, &tab, e};
	rc = unit ? store_docs_by_issuer(t, uid, doc_id_row, &x, e) : store_docs_each(t, doc_row, &x, e);
	store_read_end(t);
	if (!rc)
		rc = rows_end(&tab, e);
	out_free(&tab);
	return rc;
}

/* ---- tasks ---- */

static const char tasks_help[] =
	"Cách dùng: theodoi tasks [--unit ĐƠN_VỊ | --partner ĐƠN_VỊ [--subtree]] [--doc VĂN_BẢN]\n"
	"                         [--status TT] [--limit N] [--format text|csv|json]\n"
	"Nhiệm vụ theo đơn vị chủ trì (--subtree: cả các đơn vị cấp dưới) và/hoặc theo văn bản.\n"
	"--partner: nhiệm vụ đơn vị tham gia phối hợp (--subtree: đơn vị đó hoặc cấp dưới).\n"
	"VĂN_BẢN là mã (#12) hoặc số văn bản (15-CTr/TU). --status: chua-thuc-hien, dang-thuc-hien,\n"
	"hoan-thanh, tam-dung (hoặc not_started, in_progress, done, on_hold).\n";

/* Task ids for --unit (not 0) with --subtree and/or --doc, in id order:
 * 8 bytes a task. */
static int select_tasks(struct txn *t, const struct hier *h, uint32_t unit, int subtree,
                        uint64_t doc, struct idvec *out, struct err *e)
{
	int rc = 0;
	size_t i = hier_find_id(h, unit);
	size_t end = subtree ? hier_subtree_end(h, i) : i + 1;
	for (; i < end && !rc; i++)
		rc = store_tasks_by_lead(t, hier_at(h, i)->id, idvec_push_fn, out, e);
	idvec_sort(out);
	if (doc && !rc) {
		struct idvec in_doc = {0};
		rc = store_tasks_by_doc(t, doc, idvec_push_fn, &in_doc, e);
		/* Both lists are in id order: keep the ids they share. */
		size_t k = 0, d = 0;
		for (size_t j = 0; j < out->n; j++) {
			while (d < in_doc.n && in_doc.v[d] < out->v[j])
				d++;
			if (d < in_doc.n && in_doc.v[d] == out->v[j])
				out->v[k++] = out->v[j];
		}
		out->n = k;
		idvec_free(&in_doc);
	}
	return rc;
}

struct tasks_ctx {
	struct cli *c;
	struct txn *t;
	struct out_table *tab;
	struct doc_cache dc;
	int status;   /* filter, or -1 */
	long limit;   /* 0 = no limit */
	long n;       /* rows written */
	struct err *e;
	uint64_t doc;           /* --doc with --partner: only that document's tasks */
};

static int task_row(const struct task *task, void *ctx)
{
	struct tasks_ctx *x = ctx;
	if (x->status >= 0 && task->status != x->status)
		return 0;
	if (x->doc && task->doc_id != x->doc)
		return 0;
	int rc = rows_add(x->c, x->t, x->tab, &x->dc, task, x->e);
	if (!rc && x->limit && ++x->n >= x->limit)
		return 1; /* enough: the walk stops here */
	return rc;
}

static int task_id_row(uint64_t id, void *ctx)
{
	struct tasks_ctx *x = ctx;
	struct task task = {0};
	int rc = store_task_get(x->t, id, &task, x->e);
	if (!rc)
		rc = task_row(&task, x);
	task_free(&task);
	return rc;
}

/* The tasks `unit` (or, with subtree, a unit below it) is a partner on,
 * in id order, written as the partner index gives them (partner-walk.h). */
static int partner_rows(struct tasks_ctx *x, const struct hier *h, uint32_t unit, int subtree)
{
	struct partner_walk w;
	uint64_t ids[256];
	size_t got, i;
	int rc = pw_open(&w, x->t, h, unit, subtree, x->e);

	while (!rc && !pw_done(&w)) {
		rc = pw_next(&w, x->t, sizeof(ids) / sizeof(ids[0]), ids, &got, x->e);
		for (i = 0; i < got && !rc; i++)
			rc = task_id_row(ids[i], x);
	}
	pw_free(&w);
	return rc;
}

int cmd_tasks(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"format", required_argument, NULL, OPT_FORMAT},
	                                     {"unit", required_argument, NULL, 'u'},
	                                     {"subtree", no_argument, NULL, 's'},
	                                     {"doc", required_argument, NULL, 'd'},
	                                     {"status", required_argument, NULL, 'S'},
	                                     {"limit", required_argument, NULL, 'n'},
	                                     {"partner", required_argument, NULL, 'p'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {0}};
	int fmt = FMT_TEXT, o, rc, subtree = 0, status = -1;
	long limit = 0;
	const char *unit = NULL, *doc = NULL, *partner = NULL;
	while ((o = getopt_long(argc, argv, "hu:sd:n:", opts, NULL)) != -1) {
		switch (o) {
		case 'h': return fputs(tasks_help, c->out), 0;
		case 'u': unit = optarg; break;
		case 's': subtree = 1; break;
		case 'd': doc = optarg; break;
		case 'p': partner = optarg; break;
		case 'S':
			if ((status = st_parse(optarg)) < 0)
				return err_set(e, ERR_INPUT, "trạng thái không hợp lệ: '%s'", optarg);
			break;
		case 'n':
			if ((rc = cli_parse_count(optarg, "--limit", 100000000L, &limit, e)))
				return rc;
			break;
		case OPT_FORMAT:
			if ((rc = cli_parse_format(optarg, &fmt, e)))
				return rc;
			break;
		default: return cli_bad_option("tasks", e);
		}
	}
	if (unit && partner)
		return err_set(e, ERR_USAGE, "--unit và --partner loại trừ nhau (xem theodoi tasks --help)");
	if (subtree && !unit && !partner)
		return err_set(e, ERR_USAGE, "--subtree cần --unit hoặc --partner");
	const struct hier *h;
	uint32_t uid = 0, pid = 0;
	uint64_t did = 0;
	struct txn *t;
	if ((rc = cli_store(c, 0, e)) || (rc = cli_hier(c, &h, e)) ||
	    (unit && (rc = cli_unit(c, unit, &uid, e))) ||
	    (partner && (rc = cli_unit(c, partner, &pid, e))) ||
	    (doc && (rc = cli_doc(c, doc, &did, e))) || (rc = store_read_begin(c->ops.st, &t, e)))
		return rc;
	struct out_table tab;
	rows_stream(&tab, fmt, c->out);
	struct tasks_ctx x = {c, t, &tab, {0}, status, limit, 0, e, pid ? did : 0};
	if (pid) {
		uint64_t seq = 0;
		if (store_seq_peek(t, "task", &seq, NULL) == 0)
			rows_id_width(&tab, seq);
		rc = partner_rows(&x, h, pid, subtree);
	} else if (!uid && !did) {
		uint64_t seq = 0;
		if (store_seq_peek(t, "task", &seq, NULL) == 0) /* the whole store, in id order */
			rows_id_width(&tab, seq);
		rc = store_tasks_each(t, task_row, &x, e);
	} else if (!uid || (!subtree && !did)) {
		/* one index in id order: each task read and written as it comes */
		rc = uid ? store_tasks_by_lead(t, uid, task_id_row, &x, e)
		         : store_tasks_by_doc(t, did, task_id_row, &x, e);
	} else {
		struct idvec ids = {0};
		rc = select_tasks(t, h, uid, subtree, did, &ids, e);
		if (!rc && ids.n)
			rows_id_width(&tab, ids.v[ids.n - 1]);
		for (size_t i = 0; i < ids.n && !rc; i++) {
			struct task task = {0};
			if (!(rc = store_task_get(t, ids.v[i], &task, e)))
				rc = task_row(&task, &x);
			task_free(&task);
		}
		idvec_free(&ids);
	}
	if (rc == 1)
		rc = 0;
	store_read_end(t);
	doc_cache_free(&x.dc);
	if (!rc)
		rc = rows_end(&tab, e);
	out_free(&tab);
	return rc;
}

/* ---- overdue, due ---- */

static const char overdue_help[] =
	"Cách dùng: theodoi overdue [--unit ĐƠN_VỊ] [--subtree] [--count] [--limit N]\n"
	"                           [--format text|csv|json]\n"
	"Nhiệm vụ quá hạn (kể cả nhiệm vụ thường xuyên chưa báo cáo kỳ này), quá hạn lâu nhất\n"
	"trước. Không có --unit: toàn bộ kho. --unit: nhiệm vụ do đơn vị chủ trì; --subtree:\n"
	"cả các đơn vị cấp dưới. --count: chỉ in số lượng.\n";

static const char due_help[] =
	"Cách dùng: theodoi due [--within NGÀY] [--unit ĐƠN_VỊ] [--subtree] [--count]\n"
	"                       [--limit N] [--format text|csv|json]\n"
	"Nhiệm vụ đến hạn từ hôm nay đến NGÀY ngày tới (mặc định: due_soon_days trong\n"
	"theodoi.ini), hạn gần nhất trước.\n";

/* The rows of a due listing, written as the index gives their ids. */
struct due_rows {
	struct cli *c;
	struct txn *t;
	struct out_table *tab;
	struct doc_cache dc;
	long left; /* rows still wanted; -1: no limit */
	struct err *e;
	int rc;
};

static int due_row(uint64_t id, date_t due, void *ctx)
{
	struct due_rows *d = ctx;
	return rows_add_due(d->c, d->t, d->tab, &d->dc, id, due, d->e);
}

/* A task led by the unit alone (not its subtree), from its own index. */
static int own_row(uint64_t id, date_t due, uint32_t lead, void *ctx)
{
	(void)lead;
	struct due_rows *d = ctx;
	if (d->left == 0)
		return 1;
	if ((d->rc = due_row(id, due, d)))
		return 1;
	if (d->left > 0)
		d->left--;
	return d->left == 0;
}

static int due_command(struct cli *c, int argc, char **argv, int overdue, struct err *e)
{
	static const struct option opts[] = {{"format", required_argument, NULL, OPT_FORMAT},
	                                     {"unit", required_argument, NULL, 'u'},
	                                     {"subtree", no_argument, NULL, 's'},
	                                     {"count", no_argument, NULL, 'c'},
	                                     {"limit", required_argument, NULL, 'n'},
	                                     {"within", required_argument, NULL, 'w'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {0}};
	const char *name = overdue ? "overdue" : "due";
	int fmt = FMT_TEXT, o, rc, subtree = 0, count = 0;
	long limit = 0, within = -1;
	const char *unit = NULL;
	while ((o = getopt_long(argc, argv, "hu:scn:w:", opts, NULL)) != -1) {
		switch (o) {
		case 'h': return fputs(overdue ? overdue_help : due_help, c->out), 0;
		case 'u': unit = optarg; break;
		case 's': subtree = 1; break;
		case 'c': count = 1; break;
		case 'n':
			if ((rc = cli_parse_count(optarg, "--limit", 100000000L, &limit, e)))
				return rc;
			break;
		case 'w':
			if (overdue)
				return cli_bad_option(name, e);
			if ((rc = cli_parse_count(optarg, "--within", 3660, &within, e)))
				return rc;
			break;
		case OPT_FORMAT:
			if ((rc = cli_parse_format(optarg, &fmt, e)))
				return rc;
			break;
		default: return cli_bad_option(name, e);
		}
	}
	if (subtree && !unit)
		return err_set(e, ERR_USAGE, "--subtree cần --unit");
	if (within < 0)
		within = c->cfg.soon_days;
	date_t today = c->ops.today;
	date_t from = overdue ? DATE_NONE : today, to = overdue ? today - 1 : today + (date_t)within;
	const struct hier *h = NULL;
	uint32_t uid = 0;
	struct txn *t;
	/* The hierarchy is loaded only when a subtree must be walked: counts
	 * of a subtree come from the counters alone. */
	struct hist_day hd;
	int past = rows_past(c, &hd) != NULL;
	int need_hier = past || (unit && (subtree ? !count : count));
	if ((rc = cli_store(c, 0, e)) || (unit && (rc = cli_unit(c, unit, &uid, e))) ||
	    (need_hier && (rc = cli_hier(c, &h, e))) || (rc = store_read_begin(c->ops.st, &t, e)))
		return rc;
	if (past) {
		/* the counters and the due index describe the present */
		uint64_t *ids = NULL;
		size_t n = 0;
		struct out_table tab;
		rows_stream(&tab, fmt, c->out);
		rc = qpast_due_ids(t, h, &hd, uid, !subtree && unit, from, to, count ? 0 : (size_t)limit,
		                   &ids, &n, e);
		if (!rc && !count)
			rc = rows_add_ids(c, t, &tab, ids, n, e);
		store_read_end(t);
		free(ids);
		if (!rc && count)
			fprintf(c->out, "%zu\n", n);
		else if (!rc)
			rc = rows_end(&tab, e);
		out_free(&tab);
		return rc;
	}
	if (count) {
		uint64_t n = 0;
		rc = store_count(t, uid, from, to, &n, e);
		if (!rc && uid && !subtree) {
			/* Own tasks only: the subtree's count less the children's. */
			size_t i = hier_find_id(h, uid), end = hier_subtree_end(h, i);
			for (size_t k = i + 1; k < end && !rc; k = hier_subtree_end(h, k)) {
				uint64_t sub = 0;
				rc = store_count(t, hier_at(h, k)->id, from, to, &sub, e);
				n -= sub;
			}
		}
		store_read_end(t);
		if (!rc)
			fprintf(c->out, "%llu\n", (unsigned long long)n);
		return rc;
	}
	/* Each row is written as the index gives its id. */
	struct out_table tab;
	rows_stream(&tab, fmt, c->out);
	struct due_rows d = {c, t, &tab, {0}, limit ? limit : -1, e, 0};
	if (uid && !subtree) {
		rc = store_tasks_by_due(t, uid, from, to, own_row, &d, e);
		rc = d.rc ? d.rc : rc == 1 ? 0 : rc;
	} else {
		rc = q_due_each(t, h, uid, from, to, (size_t)limit, due_row, &d, e);
	}
	store_read_end(t);
	doc_cache_free(&d.dc);
	if (!rc)
		rc = rows_end(&tab, e);
	out_free(&tab);
	return rc;
}

int cmd_overdue(struct cli *c, int argc, char **argv, struct err *e)
{
	return due_command(c, argc, argv, 1, e);
}

int cmd_due(struct cli *c, int argc, char **argv, struct err *e)
{
	return due_command(c, argc, argv, 0, e);
}

/* ---- overview ---- */

static const char overview_help[] =
	"Cách dùng: theodoi overview\n"
	"Tổng quan cho đơn vị của người dùng: số nhiệm vụ quá hạn, sắp đến hạn, đang thực hiện\n"
	"của đơn vị và các đơn vị cấp dưới, và các nhiệm vụ quá hạn lâu nhất.\n";

int cmd_overview(struct cli *c, int argc, char **argv, struct err *e)
{
	int done, rc = cli_opts_none(c, argc, argv, "overview", overview_help, &done, e);
	if (rc || done)
		return rc;
	const struct hier *h;
	struct txn *t;
	if ((rc = cli_store(c, 0, e)) || (rc = cli_hier(c, &h, e)) ||
	    (rc = store_read_begin(c->ops.st, &t, e)))
		return rc;
	uint32_t root = c->ops.who.unit;
	const struct unit *u = root ? hier_unit(h, root) : NULL;
	char today[11];
	fprintf(c->out, "Người dùng: %s — %s — %s — hôm nay %s\n", c->ops.who.login,
	        u ? u->name : "toàn bộ kho", role_label(c->ops.who.role), date_vn(c->ops.today, today));
	struct store_counts n;
	struct hist_day hd;
	const struct hist_day *past = rows_past(c, &hd);
	rc = past ? qpast_counts(t, h, past, root, c->cfg.soon_days, &n, e)
	          : store_unit_counts(t, root, c->ops.today, c->cfg.soon_days, &n, e);
	if (!rc)
		fprintf(c->out,
		        "Nhiệm vụ: %llu, đang mở %llu, quá hạn %llu, sắp đến hạn (%d ngày) %llu, "
		        "đã xong hoặc tạm dừng %llu\n",
		        (unsigned long long)n.total, (unsigned long long)n.open,
		        (unsigned long long)n.overdue, c->cfg.soon_days, (unsigned long long)n.soon,
		        (unsigned long long)n.closed);
	uint64_t *ids = NULL;
	size_t k = 0;
	struct out_table tab;
	rows_init(&tab);
	if (!rc && past)
		rc = qpast_due_ids(t, h, past, root, 0, DATE_NONE, c->ops.today - 1, 10, &ids, &k, e);
	else if (!rc)
		rc = q_overdue_ids(t, h, root, c->ops.today, 0, 10, &ids, &k, e);
	if (!rc && k) {
		fprintf(c->out, "\nQuá hạn lâu nhất:\n");
		rc = rows_add_ids(c, t, &tab, ids, k, e);
	}
	store_read_end(t);
	free(ids);
	if (!rc && k)
		rc = out_print(&tab, FMT_TEXT, c->out);
	out_free(&tab);
	return rc;
}
