/* cli-report.c — the commands that sum up: summary, lint, report (cascade:
 * cli-cascade.c). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cascade.h"
#include "cli-report.h"
#include "cli-rows.h"
#include "obliged.h"
#include "cli.h"
#include "docout.h"
#include "hier.h"
#include "history.h"
#include "lint.h"
#include "output.h"
#include "report.h"
#include "rollup.h"
#include "store.h"
#include "text.h"
#include "util.h"

#define OPT_FORMAT 'F'

/* ---- shared ---------------------------------------------------------------- */

int rcli_json_print(json_t *j, struct cli *c, struct err *e)
{
	if (out_json_print(j, c->out))
		return err_set(e, ERR_IO, "không ghi được kết quả");
	return 0;
}

int rcli_need_hier(struct cli *c, const struct hier **h, struct err *e)
{
	int rc = cli_store(c, 0, e);
	return rc ? rc : cli_hier(c, h, e);
}

int rcli_print_sbuf(struct cli *c, struct sbuf *b, struct err *e)
{
	if (b->len && fwrite(b->s, 1, b->len, c->out) != b->len)
		return err_set(e, ERR_IO, "không ghi được kết quả");
	return 0;
}

void rcli_doc_title(struct sbuf *b, const char *kind, const char *number, date_t date)
{
	char d[11];
	sbuf_puts(b, report_kind_label(kind));
	if (number && *number)
		sbuf_printf(b, " số %s", number);
	if (date != DATE_NONE)
		sbuf_printf(b, " ngày %s", date_vn(date, d));
}

/* ---- summary ---------------------------------------------------------------- */

static const char summary_help[] =
	"Cách dùng: theodoi summary [--unit ĐƠN_VỊ] [--doc VĂN_BẢN] [--quick]\n"
	"                           [--format text|csv|json]\n"
	"Tổng hợp tình hình thực hiện nhiệm vụ của một đơn vị và các đơn vị trực thuộc (mặc định:\n"
	"toàn bộ kho), của một văn bản hoặc cả hai: số nhiệm vụ đã đến hạn, trong đó đã hoàn thành\n"
	"(đúng hạn, quá hạn) và chưa hoàn thành (trong hạn gia hạn, quá hạn), tỷ lệ hoàn thành,\n"
	"số chưa đến hạn, chưa có mốc thời hạn, tạm dừng; câu tổng hợp để đưa vào báo cáo; bảng\n"
	"theo từng đơn vị trực thuộc; các nhiệm vụ quá hạn lâu nhất.\n"
	"Một nhiệm vụ \"đã đến hạn\" khi thời hạn ban đầu (chưa tính gia hạn) đã qua; nhiệm vụ\n"
	"thường xuyên đến hạn ở mỗi kỳ báo cáo. Nhiệm vụ đơn vị báo cáo hoàn thành nhưng văn\n"
	"phòng chưa xác nhận được tính riêng là \"chờ xác nhận\", không tính là đã hoàn thành.\n"
	"--quick: chỉ dùng bộ đếm của kho (nhanh với kho lớn): tổng số, đã đóng (kể cả chờ xác\n"
	"nhận), quá hạn, sắp đến hạn theo đơn vị.\n"
	"Với --today là một ngày đã qua, số liệu là của ngày đó, theo đúng những gì hồ sơ ghi\n"
	"nhận đến hết ngày đó: công việc ghi nhận sau không làm thay đổi số liệu.\n";

static const struct out_col sum_cols[] = {
	{"row", "Loại dòng", OUT_STR, 0, 0, 1},
	{"unit_code", "Mã", OUT_STR, 0, 0, 1},
	{"unit_name", "Đơn vị", OUT_STR, 26, 0, 0},
	{"total", "Tổng", OUT_INT, 0, 1, 0},
	{"due", "Đến hạn", OUT_INT, 0, 1, 0},
	{"due_done", "Đã HT", OUT_INT, 0, 1, 0},
	{"due_overdue", "Quá hạn", OUT_INT, 0, 1, 0},
	{"completion_rate", "Tỷ lệ", OUT_STR, 0, 1, 0},
	{"not_due", "Chưa ĐH", OUT_INT, 0, 1, 0},
	{"due_soon", "Sắp ĐH", OUT_INT, 0, 1, 0},
	{"no_date", "Chưa mốc", OUT_INT, 0, 1, 0},
	{"on_hold", "Dừng", OUT_INT, 0, 1, 0},
	{"due_on_time", "Đúng hạn", OUT_INT, 0, 1, 1},
	{"due_late", "HT quá hạn", OUT_INT, 0, 1, 1},
	{"due_extended", "Gia hạn", OUT_INT, 0, 1, 1},
	{"unreported", "Chưa báo cáo", OUT_INT, 0, 1, 1},
	{"not_due_done", "HT trước hạn", OUT_INT, 0, 1, 1},
	{"awaiting", "Chờ văn bản", OUT_INT, 0, 1, 1},
	{"review", "Cần rà soát", OUT_INT, 0, 1, 1},
};

static const struct out_col quick_cols[] = {
	{"row", "Loại dòng", OUT_STR, 0, 0, 1},
	{"unit_code", "Mã", OUT_STR, 0, 0, 1},
	{"unit_name", "Đơn vị", OUT_STR, 40, 0, 0},
	{"total", "Tổng", OUT_INT, 0, 1, 0},
	{"closed", "Đã đóng", OUT_INT, 0, 1, 0},
	{"overdue", "Quá hạn", OUT_INT, 0, 1, 0},
	{"due_soon", "Sắp đến hạn", OUT_INT, 0, 1, 0},
};


/* One row of the summary table; the rate in Vietnamese ("53,3%") for the
 * text table, as a number ("53.3") otherwise. */
static void sum_row(struct out_table *tab, const char *kind, const char *code, const char *name,
                    const struct rollup *r, int quick, int text)
{
	char v[19][32];
	if (quick) {
		snprintf(v[0], sizeof v[0], "%llu", (unsigned long long)r->total);
		snprintf(v[1], sizeof v[1], "%llu", (unsigned long long)r->done);
		snprintf(v[2], sizeof v[2], "%llu", (unsigned long long)r->by_tl[TL_OVERDUE]);
		snprintf(v[3], sizeof v[3], "%llu", (unsigned long long)r->due_soon);
		const char *cells[] = {kind, code, name, v[0], v[1], v[2], v[3]};
		out_row(tab, cells);
		return;
	}
	const uint64_t nums[] = {r->total, r->due, r->due_done, r->by_bucket[RB_DUE_OVERDUE], 0,
	                         r->not_due, r->due_soon, r->no_date, r->by_bucket[RB_ON_HOLD],
	                         r->by_bucket[RB_DUE_ON_TIME], r->by_bucket[RB_DUE_LATE],
	                         r->by_bucket[RB_DUE_EXTENDED], r->unreported,
	                         r->by_bucket[RB_NOT_DUE_DONE], r->by_bucket[RB_NO_DATE_AWAITING],
	                         r->by_bucket[RB_NO_DATE_REVIEW]};
	const char *cells[OUT_NCOLS(sum_cols)];
	cells[0] = kind, cells[1] = code, cells[2] = name;
	for (int i = 0; i < OUT_NCOLS(sum_cols) - 3; i++) {
		if (i == 4 && text)
			rollup_percent(r->due_done, r->due, v[i], sizeof v[i]);
		else if (i == 4)
			rollup_rate_number(r->due_done, r->due, v[i], sizeof v[i]);
		else
			snprintf(v[i], sizeof v[i], "%llu", (unsigned long long)nums[i]);
		cells[3 + i] = v[i];
	}
	out_row(tab, cells);
}

static int wrap_print(const char *line, size_t len, void *ctx)
{
	fprintf(ctx, "%.*s\n", (int)len, line);
	return 0;
}

static void unit_row(struct out_table *tab, const struct hier *h, const struct rollup_row *row,
                     int quick, int text)
{
	const struct unit *u = row->unit ? hier_unit(h, row->unit) : NULL;
	char name[320];
	if (!u)
		snprintf(name, sizeof name, "(chưa xác định đơn vị chủ trì)");
	else
		snprintf(name, sizeof name, "%s%s", u->name, row->own && text ? " (trực tiếp)" : "");
	sum_row(tab, row->own ? "own" : row->unit ? "subtree" : "unresolved", u ? u->code : "", name,
	        &row->r, quick, text);
}

struct sum_args {
	uint32_t unit;
	uint64_t doc;
	const char *doc_arg;
	int quick, fmt;
};

/* "Theo trạng thái: ..." and "Theo tình trạng: ...", the parts not zero. */
static void by_words(struct cli *c, const struct rollup *r)
{
	struct sbuf b = {0}, out = {0};
	sbuf_puts(&b, "Theo trạng thái:");
	for (int i = 0, k = 0; i < ST_COUNT; i++)
		if (r->by_status[i])
			sbuf_printf(&b, "%s %s %llu", k++ ? "," : "", st_label((enum task_status)i),
			            (unsigned long long)r->by_status[i]);
	sbuf_puts(&b, ".\nTheo tình trạng:");
	for (int i = 0, k = 0; i < TL_COUNT; i++)
		if (r->by_tl[i])
			sbuf_printf(&b, "%s %s %llu", k++ ? "," : "", tl_label((enum timeliness)i),
			            (unsigned long long)r->by_tl[i]);
	sbuf_putc(&b, '.');
	report_wrap(&out, b.s, 80, "", "");
	fprintf(c->out, "%s\n", out.s);
	sbuf_free(&b);
	sbuf_free(&out);
}

static void summary_text(struct cli *c, const struct sum_args *a, const struct hier *h,
                         const struct rollup *total, const struct out_table *tab,
                         const struct out_table *late)
{
	const struct unit *u = a->unit ? hier_unit(h, a->unit) : NULL;
	char d[11];
	struct sbuf head = {0}, out = {0};
	sbuf_printf(&head, "Tổng hợp tình hình thực hiện nhiệm vụ: %s%s%s%s; tính đến ngày %s",
	            u ? u->name : "toàn bộ kho", u ? " và các đơn vị trực thuộc" : "",
	            a->doc_arg ? ", văn bản " : "", a->doc_arg ? a->doc_arg : "", date_vn(c->ops.today, d));
	report_wrap(&out, head.s, 80, "", "");
	fprintf(c->out, "%s\n", out.s);
	sbuf_free(&head);
	sbuf_free(&out);
	if (a->quick) {
		fprintf(c->out, "Số liệu nhanh từ bộ đếm: tổng số %llu nhiệm vụ, đã đóng %llu (hoàn thành, "
		                "tạm dừng, chờ xác nhận), quá hạn %llu, sắp đến hạn (%d ngày) %llu.\n\n",
		        (unsigned long long)total->total, (unsigned long long)total->done,
		        (unsigned long long)total->by_tl[TL_OVERDUE], c->cfg.soon_days,
		        (unsigned long long)total->due_soon);
	} else {
		char *s = rollup_sentence(total), *clean = txt_sanitize(s);
		txt_wrap(clean, 80, wrap_print, c->out);
		free(s);
		free(clean);
		struct rollup_line lines[ROLLUP_LINES];
		size_t n = rollup_lines(total, lines, ROLLUP_LINES);
		fputc('\n', c->out);
		for (size_t i = 0; i < n; i++) {
			struct sbuf b = {0};
			char num[32];
			for (int k = 0; k < 2 + 2 * lines[i].depth; k++)
				sbuf_putc(&b, ' ');
			txt_pad(&b, lines[i].label, 46 - 2 * lines[i].depth, 0);
			txt_pad(&b, rollup_count_str(lines[i].n, num, sizeof num), 10, 1);
			fprintf(c->out, "%s\n", b.s);
			sbuf_free(&b);
		}
		fputc('\n', c->out);
		by_words(c, total);
	}
	fprintf(c->out, "Theo đơn vị:\n");
	out_print(tab, FMT_TEXT, c->out);
	if (late && late->nrows) {
		fprintf(c->out, "\nQuá hạn lâu nhất:\n");
		out_print(late, FMT_TEXT, c->out);
	}
}

static json_t *summary_json(struct cli *c, const struct sum_args *a, const struct hier *h,
                            const struct rollup *total, const struct rollup_row *rows, size_t n,
                            const struct out_table *late)
{
	const struct unit *u = a->unit ? hier_unit(h, a->unit) : NULL;
	char d[11];
	json_t *o = json_object(), *units = json_array();
	json_object_set_new(o, "unit", u ? json_string(u->code) : json_null());
	json_object_set_new(o, "unit_name", u ? json_string(u->name) : json_null());
	json_object_set_new(o, "doc", a->doc ? json_integer((json_int_t)a->doc) : json_null());
	json_object_set_new(o, "today", json_string(date_iso(c->ops.today, d)));
	json_object_set_new(o, "quick", json_boolean(a->quick));
	json_t *sum;
	if (a->quick)
		sum = json_pack("{s:I, s:I, s:I, s:I}", "total", (json_int_t)total->total, "closed",
		                (json_int_t)total->done, "overdue", (json_int_t)total->by_tl[TL_OVERDUE],
		                "due_soon", (json_int_t)total->due_soon);
	else
		sum = rollup_to_json(total);
	json_object_set_new(o, "summary", sum);
	for (size_t i = 0; i < n; i++) {
		const struct unit *cu = rows[i].unit ? hier_unit(h, rows[i].unit) : NULL;
		json_t *r = a->quick ? json_pack("{s:I, s:I, s:I, s:I}", "total", (json_int_t)rows[i].r.total,
		                                 "closed", (json_int_t)rows[i].r.done, "overdue",
		                                 (json_int_t)rows[i].r.by_tl[TL_OVERDUE], "due_soon",
		                                 (json_int_t)rows[i].r.due_soon)
		                     : rollup_to_json(&rows[i].r);
		json_array_append_new(units, json_pack("{s:o, s:o, s:b, s:o}", "unit_code",
		                                       cu ? json_string(cu->code) : json_null(), "unit_name",
		                                       cu ? json_string(cu->name) : json_null(), "own",
		                                       rows[i].own, "summary", r));
	}
	json_object_set_new(o, "units", units);
	json_object_set_new(o, "most_overdue", late ? out_json(late) : json_array());
	return o;
}

int cmd_summary(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"format", required_argument, NULL, OPT_FORMAT},
	                                     {"unit", required_argument, NULL, 'u'},
	                                     {"doc", required_argument, NULL, 'd'},
	                                     {"quick", no_argument, NULL, 'q'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {0}};
	struct sum_args a = {0, 0, NULL, 0, FMT_TEXT};
	const char *unit = NULL;
	int o, rc;
	while ((o = getopt_long(argc, argv, "hu:d:q", opts, NULL)) != -1) {
		switch (o) {
		case 'h': return fputs(summary_help, c->out), 0;
		case 'u': unit = optarg; break;
		case 'd': a.doc_arg = optarg; break;
		case 'q': a.quick = 1; break;
		case OPT_FORMAT:
			if ((rc = cli_parse_format(optarg, &a.fmt, e)))
				return rc;
			break;
		default: return cli_bad_option("summary", e);
		}
	}
	if (optind < argc)
		return err_set(e, ERR_USAGE, "lệnh summary không nhận tham số '%s'", argv[optind]);
	if (a.quick && a.doc_arg)
		return err_set(e, ERR_USAGE, "--quick dùng bộ đếm theo đơn vị, không dùng được với --doc");
	const struct hier *h;
	struct txn *t;
	if ((rc = rcli_need_hier(c, &h, e)) || (unit && (rc = cli_unit(c, unit, &a.unit, e))) ||
	    (a.doc_arg && (rc = cli_doc(c, a.doc_arg, &a.doc, e))) ||
	    (rc = store_read_begin(c->ops.st, &t, e)))
		return rc;
	struct hist_day hd;
	struct rollup_scope scope = {a.unit, a.doc, rows_past(c, &hd)};
	struct rollup_when w = {c->ops.today, c->cfg.soon_days, &c->cfg.periods};
	struct rollup total;
	struct rollup_row *rows = NULL;
	size_t n = 0;
	struct out_table tab, late;
	out_init(&tab, a.quick ? quick_cols : sum_cols, a.quick ? OUT_NCOLS(quick_cols) : OUT_NCOLS(sum_cols));
	rows_init(&late);
	rc = rollup_children(t, h, &scope, &w, a.quick, &rows, &n, &total, e);
	if (!rc && a.fmt == FMT_CSV)
		sum_row(&tab, "total", "", "Tổng cộng", &total, a.quick, 0);
	for (size_t i = 0; i < n && !rc; i++)
		unit_row(&tab, h, &rows[i], a.quick, a.fmt == FMT_TEXT);
	if (!rc && !a.quick) {
		uint64_t ids[ROLLUP_WORST];
		for (size_t i = 0; i < total.nworst; i++)
			ids[i] = total.worst[i].task;
		rc = rows_add_ids(c, t, &late, ids, total.nworst, e);
	}
	store_read_end(t);
	if (!rc) {
		if (a.fmt == FMT_TEXT) {
			summary_text(c, &a, h, &total, &tab, a.quick ? NULL : &late);
		} else if (a.fmt == FMT_CSV) {
			rc = out_print(&tab, FMT_CSV, c->out);
		} else {
			json_t *j = summary_json(c, &a, h, &total, rows, n, a.quick ? NULL : &late);
			rc = rcli_json_print(j, c, e);
			json_decref(j);
		}
	}
	free(rows);
	out_free(&tab);
	out_free(&late);
	return rc;
}

/* ---- lint ---------------------------------------------------------------------- */

static const char lint_help[] =
	"Cách dùng: theodoi lint [VĂN_BẢN] [--unit ĐƠN_VỊ] [--rule QUY_TẮC]\n"
	"                        [--format text|csv|json]\n"
	"\"Rõ việc, rõ người, rõ tiến độ\": các nhiệm vụ chưa rõ, mỗi vấn đề với văn bản và mục.\n"
	"Quy tắc:\n"
	"  no_lead            không có đơn vị chủ trì\n"
	"  unresolved_lead    có ghi đơn vị chủ trì nhưng không khớp đơn vị nào\n"
	"  no_deadline        không có thời hạn nào (không ghi, không kế thừa)\n"
	"  directive_overdue  chờ văn bản cấp trên đã quá năm dự kiến\n"
	"  no_report          nhiệm vụ thường xuyên, định kỳ chưa có báo cáo trong kỳ hiện tại\n"
	"--rule (có thể lặp lại) chỉ kiểm tra các quy tắc đó.\n";

static const struct out_col lint_cols[] = {
	{"doc", "Văn bản", OUT_STR, 18, 0, OUT_TEXT_ONLY},
	{"doc_number", "Văn bản", OUT_STR, 14, 0, 1},
	{"section", "Mục", OUT_STR, 10, 0, 0},
	{"task_id", "NV", OUT_INT, 0, 1, 0},
	{"lead_code", "Mã ĐV", OUT_STR, 0, 0, 1},
	{"lead_name", "Chủ trì", OUT_STR, 22, 0, 0},
	{"rule", "Quy tắc", OUT_STR, 0, 0, 1},
	{"rule_label", "Vấn đề", OUT_STR, 0, 0, 1},
	{"detail", "Vấn đề", OUT_STR, 0, 0, 0},
	{"doc_id", "Mã văn bản", OUT_INT, 0, 0, 1},
};

int cmd_lint(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"format", required_argument, NULL, OPT_FORMAT},
	                                     {"unit", required_argument, NULL, 'u'},
	                                     {"rule", required_argument, NULL, 'r'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {0}};
	int fmt = FMT_TEXT, o, rc;
	unsigned rules = 0;
	const char *unit = NULL;
	while ((o = getopt_long(argc, argv, "hu:", opts, NULL)) != -1) {
		int r;
		switch (o) {
		case 'h': return fputs(lint_help, c->out), 0;
		case 'u': unit = optarg; break;
		case 'r':
			if ((r = lint_rule_parse(optarg)) < 0)
				return err_set(e, ERR_USAGE, "quy tắc không tồn tại: '%s' (xem theodoi lint --help)", optarg);
			rules |= 1u << r;
			break;
		case OPT_FORMAT:
			if ((rc = cli_parse_format(optarg, &fmt, e)))
				return rc;
			break;
		default: return cli_bad_option("lint", e);
		}
	}
	if (optind < argc - 1)
		return err_set(e, ERR_USAGE, "lệnh lint nhận nhiều nhất một văn bản");
	const struct hier *h;
	struct hist_day hd;
	struct lint_opts lo = {0, 0, rules, c->ops.today, &c->cfg.periods, rows_past(c, &hd)};
	struct txn *t;
	if ((rc = rcli_need_hier(c, &h, e)) || (unit && (rc = cli_unit(c, unit, &lo.unit, e))) ||
	    (optind < argc && (rc = cli_doc(c, argv[optind], &lo.doc, e))) ||
	    (rc = store_read_begin(c->ops.st, &t, e)))
		return rc;
	struct lint_item *items = NULL;
	size_t n = 0;
	struct out_table tab;
	out_stream(&tab, lint_cols, OUT_NCOLS(lint_cols), fmt, c->out);
	rc = lint_run(t, h, &lo, &items, &n, e);
	size_t ntasks = 0;
	for (size_t i = 0; i < n && !rc; i++) {
		const struct lint_item *it = &items[i];
		const struct unit *u = it->lead ? hier_unit(h, it->lead) : NULL;
		char id[24], number[DOCNUM_LEN] = "", doc[80] = "", doc_id[24] = "";
		struct doc d = {0};
		if (it->doc && store_doc_get(t, it->doc, &d, NULL) == 0)
			str_copy(number, d.number, sizeof number);
		doc_free(&d);
		if (it->doc) { /* the id always: a document without a number has only that */
			snprintf(doc, sizeof doc, "#%llu %s", (unsigned long long)it->doc,
			         number[0] ? number : "(không số)");
			snprintf(doc_id, sizeof doc_id, "%llu", (unsigned long long)it->doc);
		}
		snprintf(id, sizeof id, "%llu", (unsigned long long)it->task);
		ntasks += i == 0 || items[i - 1].task != it->task;
		const char *cells[] = {doc, number, it->section, id, u ? u->code : "",
		                       u ? u->name : "", lint_rule_key(it->rule),
		                       lint_rule_label(it->rule), it->detail, doc_id};
		if (out_row(&tab, cells))
			rc = rows_write_error(e);
	}
	store_read_end(t);
	if (!rc) {
		if (fmt != FMT_TEXT)
			rc = rows_end(&tab, e);
		else if (!n)
			fprintf(c->out, "Không phát hiện vấn đề: mọi nhiệm vụ đều rõ việc, rõ người, rõ tiến độ.\n");
		else if (!(rc = rows_end(&tab, e)))
			fprintf(c->out, "\n%zu vấn đề ở %zu nhiệm vụ.\n", n, ntasks);
	}
	free(items);
	out_free(&tab);
	return rc;
}

/* ---- report --------------------------------------------------------------------- */

static const char report_help[] =
	"Cách dùng: theodoi report [--unit ĐƠN_VỊ] [--doc VĂN_BẢN]\n"
	"                          [--period YYYY | YYYY-Qn | YYYY-Hn | YYYY-YYYY]\n"
	"                          [--format md|txt|csv|json | --format html [--out TỆP]]\n"
	"                          [--format docx|odt|pdf --out TỆP [--from ĐƠN_VỊ] [--issue]\n"
	"                           [--mail ĐỊA_CHỈ|ĐƠN_VỊ]]\n"
	"Báo cáo kết quả thực hiện: đầu báo cáo với đơn vị và kỳ; các văn bản triển khai; theo\n"
	"văn bản, mục và đơn vị chủ trì: các nhiệm vụ với trạng thái, tình trạng và nội dung cập\n"
	"nhật trong kỳ; các chỉ tiêu; nhiệm vụ quá hạn và cấp ủy chưa ban hành kế hoạch; phần\n"
	"tổng hợp với số liệu; các phần đánh giá, phương hướng, kiến nghị do cán bộ viết (xem\n"
	"theodoi report-text). --period: năm (2026), quý (2026-Q3), sáu tháng (2026-H1 đầu năm,\n"
	"2026-H2 cuối năm) hoặc nhiều năm (2023-2025: sơ kết, tổng kết), mặc định năm hiện tại.\n"
	"Số liệu của kỳ đã kết thúc tính đến ngày cuối kỳ, theo đúng những gì hồ sơ ghi nhận đến\n"
	"hết ngày đó: công việc ghi nhận sau không làm thay đổi báo cáo của kỳ đã qua. Nhiệm vụ\n"
	"báo cáo hoàn thành nhưng chưa được xác nhận được tính riêng là \"chờ xác nhận\", không\n"
	"tính là đã hoàn thành.\n"
	"--format: md (Markdown, mặc định), txt (văn bản 80 cột), csv (mỗi nhiệm vụ một dòng),\n"
	"json; html (một trang tự chứa, đọc được trên điện thoại và in được: số liệu, biểu đồ\n"
	"thanh theo đơn vị, danh sách quá hạn, các phần do cán bộ viết); docx (Word), odt (OpenDocument) hoặc pdf: văn bản theo thể thức văn bản của Đảng\n"
	"(khổ A4, Times New Roman, tiêu đề, trích yếu, các phần, bảng số liệu, chữ ký, nơi nhận),\n"
	"ghi vào TỆP (--out, bắt buộc với các định dạng này), là dự thảo chưa có số. pdf cần\n"
	"LibreOffice (gói libreoffice-writer-nogui). --from: đơn vị ban hành (mặc định: đơn vị của\n"
	"--unit, hoặc cấp ủy của đơn vị người dùng). --issue: ban hành, lấy số tiếp theo trong sổ\n"
	"văn bản đi của đơn vị ban hành (\"Số 01-BC/TU\", theo loại và năm, không cách quãng), ghi\n"
	"vào sổ cùng mã SHA-256 của tệp và nhật ký; cần người ký (khóa signer trong units.ini)\n"
	"và đủ bốn phần do cán bộ viết. --mail: gửi văn bản tới địa chỉ thư, hoặc tới địa chỉ của\n"
	"đơn vị (khóa email trong units.ini), qua [mail] sendmail; lần gửi được ghi vào nhật ký.\n"
	"Chỉ tiêu của kỳ đã qua được đánh giá theo số liệu đo đến ngày cuối kỳ.\n";

int cmd_report(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"format", required_argument, NULL, OPT_FORMAT},
	                                     {"unit", required_argument, NULL, 'u'},
	                                     {"doc", required_argument, NULL, 'd'},
	                                     {"period", required_argument, NULL, 'p'},
	                                     {"out", required_argument, NULL, 'o'},
	                                     {"from", required_argument, NULL, 'f'},
	                                     {"issue", no_argument, NULL, 'I'},
	                                     {"mail", required_argument, NULL, 'M'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {0}};
	int fmt = RF_MD, dfmt = -1, o, rc, y, issue = 0, html = 0;
	const char *unit = NULL, *doc = NULL, *out = NULL, *from_arg = NULL, *mail_to = NULL;
	struct report_opts ro = {0};
	date_split(c->ops.today, &y, NULL, NULL);
	report_period_year(y, &ro.period);
	while ((o = getopt_long(argc, argv, "hu:d:p:o:f:IM:", opts, NULL)) != -1) {
		switch (o) {
		case 'h': return fputs(report_help, c->out), 0;
		case 'u': unit = optarg; break;
		case 'd': doc = optarg; break;
		case 'o': out = optarg; break;
		case 'f': from_arg = optarg; break;
		case 'I': issue = 1; break;
		case 'M': mail_to = optarg; break;
		case 'p':
			if ((rc = report_period_parse(optarg, &ro.period, e)))
				return rc;
			break;
		case OPT_FORMAT:
			html = !strcmp(optarg, "html");
			if (html || (dfmt = docout_format_parse(optarg)) >= 0)
				break;
			if ((fmt = report_format_parse(optarg)) < 0) {
				str_copy(e->field, "--format", sizeof e->field);
				return err_set(e, ERR_USAGE, "định dạng không hợp lệ: '%s' (md, txt, csv, json, "
				               "html, docx, odt hoặc pdf)", optarg);
			}
			break;
		default: return cli_bad_option("report", e);
		}
	}
	if (optind < argc)
		return err_set(e, ERR_USAGE, "lệnh report không nhận tham số '%s'", argv[optind]);
	if (dfmt >= 0 && !out)
		return err_set(e, ERR_USAGE, "định dạng %s cần --out TỆP (tệp văn bản sẽ ghi)",
		               docout_format_key((enum docout_format)dfmt));
	if (dfmt < 0 && ((out && !html) || (from_arg && !html) || issue || mail_to))
		return err_set(e, ERR_USAGE, "--out, --from, --issue và --mail chỉ dùng với --format "
		               "docx, odt hoặc pdf");
	const struct hier *h;
	struct txn *t;
	uint32_t from = 0;
	if ((rc = rcli_need_hier(c, &h, e)) || (unit && (rc = cli_unit(c, unit, &ro.unit, e))) ||
	    (from_arg && (rc = cli_unit(c, from_arg, &from, e))) ||
	    (doc && (rc = cli_doc(c, doc, &ro.doc, e))) || (rc = store_read_begin(c->ops.st, &t, e)))
		return rc;
	/* the figures of a period that has ended are those of its last day */
	ro.today = c->ops.today < ro.period.to ? c->ops.today : ro.period.to;
	ro.soon = c->cfg.soon_days;
	ro.periods = &c->cfg.periods;
	struct hist_day hd = {hist_past_day(ro.today, date_today()), &c->cfg.periods};
	ro.past = hd.day != DATE_NONE ? &hd : NULL;
	struct report r;
	rc = report_build(t, h, &ro, &r, e);
	store_read_end(t);
	if (rc)
		return rc;
	if (html) {
		rc = rcli_report_html(c, h, &r, from ? from : rcli_report_sender(c, h, ro.unit), out, e);
		report_free(&r);
		return rc;
	}
	if (dfmt >= 0) {
		rc = rcli_report_write(c, h, &r, from ? from : rcli_report_sender(c, h, ro.unit), dfmt, out, issue, mail_to, e);
		report_free(&r);
		return rc;
	}
	if (fmt == RF_CSV || fmt == RF_JSON) { /* nothing appended: written as made */
		rc = report_render_file(&r, (enum report_format)fmt, c->out, e);
		report_free(&r);
		return rc;
	}
	struct sbuf b = {0};
	rc = report_render(&r, (enum report_format)fmt, &b, e);
	if (!rc && (fmt == RF_MD || fmt == RF_TXT)) /* the clerk's parts IV-VI */
		rcli_report_append_texts(c, h, &r, from ? from : rcli_report_sender(c, h, ro.unit),
		                         fmt == RF_MD, &b);
	if (!rc)
		rc = rcli_print_sbuf(c, &b, e);
	sbuf_free(&b);
	report_free(&r);
	return rc;
}
