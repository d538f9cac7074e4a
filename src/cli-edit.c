/* cli-edit.c — the commands that correct documents and tasks: edit-doc,
 * edit-task, move-task, delete-doc, delete-task, restore-doc, restore-task.
 * Thin: parsing and messages; the work is in ops-edit.h. */
#include <getopt.h>
#include <jansson.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

#include "audit-text.h"
#include "cli-edit.h"
#include "cli-opts.h"
#include "cli-rows.h"
#include "cli.h"
#include "hier.h"
#include "ops-edit.h"
#include "ops-group.h"
#include "output.h"
#include "store-trash.h"
#include "store.h"
#include "text.h"
#include "util.h"

/* The issuer of a document (units in it are named relative to it). */
static uint32_t issuer_of(struct cli *c, uint64_t doc)
{
	struct txn *t;
	struct doc d = {0};
	uint32_t id = 0;
	if (doc && store_read_begin(c->ops.st, &t, NULL) == 0) {
		if (store_doc_get(t, doc, &d, NULL) == 0)
			id = d.issuer;
		store_read_end(t);
	}
	doc_free(&d);
	return id;
}

static uint64_t doc_of_task(struct cli *c, uint64_t task)
{
	struct txn *t;
	struct task k = {0};
	uint64_t id = 0;
	if (store_read_begin(c->ops.st, &t, NULL) == 0) {
		if (store_task_get(t, task, &k, NULL) == 0)
			id = k.doc_id;
		store_read_end(t);
	}
	task_free(&k);
	return id;
}

/* ---- edit-task, move-task ---- */

static const char edit_task_help[] =
	"Cách dùng: theodoi edit-task NHIỆM_VỤ [--text \"NỘI DUNG\"] [--section MỤC]\n"
	"                                     [--lead ĐƠN_VỊ|--no-lead] [--partners ĐV,ĐV...]\n"
	"                                     [--deadline \"THỜI HẠN\"] [--doc VĂN_BẢN]\n"
	"Sửa một nhiệm vụ (quản trị): nội dung, mục, đơn vị chủ trì, đơn vị phối hợp (--partners\n"
	"\"\" để bỏ hết), thời hạn ghi như trong văn bản; --doc chuyển sang văn bản khác.  Hạn\n"
	"được tính lại, số liệu và chỉ mục cập nhật trong cùng một giao dịch; nhật ký ghi\n"
	"trước → sau.  Đơn vị được hiểu theo cơ quan ban hành văn bản (\"Ban Tổ chức\").\n";

static const char move_task_help[] =
	"Cách dùng: theodoi move-task NHIỆM_VỤ --doc VĂN_BẢN\n"
	"Chuyển nhiệm vụ (với lịch sử cập nhật, gia hạn) sang văn bản khác (quản trị).\n";

static int edit_task(struct cli *c, int argc, char **argv, int move, struct err *e)
{
	static const struct option opts[] = {{"text", required_argument, NULL, 't'},
	                                     {"section", required_argument, NULL, 's'},
	                                     {"lead", required_argument, NULL, 'l'},
	                                     {"no-lead", no_argument, NULL, 'L'},
	                                     {"partners", required_argument, NULL, 'p'},
	                                     {"deadline", required_argument, NULL, 'D'},
	                                     {"doc", required_argument, NULL, 'd'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {0}};
	const char *name = move ? "move-task" : "edit-task";
	struct ops_task_edit ed = {0};
	struct deadline dl;
	char *text = NULL, *phrase = NULL, *ptext = NULL;
	uint32_t *pids = NULL;
	const char *lead = NULL, *partners = NULL, *doc = NULL;
	int o, rc = 0, no_lead = 0, nopt = 0;
	while (!rc && (o = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		nopt++;
		if (move && o != 'd' && o != 'h')
			o = '?';
		switch (o) {
		case 'h': return fputs(move ? move_task_help : edit_task_help, c->out), 0;
		case 't':
			free(text);
			if (!(rc = txt_clean_input(optarg, 20000, 1, &text, e)))
				ed.text = text;
			break;
		case 's':
			if (strlen(optarg) >= SECTION_LEN)
				rc = err_set(e, ERR_USAGE, "--section quá dài: '%s'", optarg);
			ed.section = optarg;
			break;
		case 'l': lead = optarg; break;
		case 'L': no_lead = 1; break;
		case 'p': partners = optarg; break;
		case 'd': doc = optarg; break;
		case 'D':
			rc = cli_deadline_opt(optarg, &phrase, &dl, e);
			ed.dl_phrase = phrase;
			ed.dl = &dl;
			break;
		default: rc = cli_bad_option(name, e);
		}
	}
	uint64_t id = 0, did = 0;
	if (!rc && lead && no_lead)
		rc = err_set(e, ERR_USAGE, "%s: --lead và --no-lead loại trừ nhau", name);
	if (!rc && move && !doc)
		rc = err_set(e, ERR_USAGE, "move-task cần --doc VĂN_BẢN");
	if (!rc && !nopt)
		rc = err_set(e, ERR_USAGE, "%s: không có gì để sửa (xem theodoi %s --help)", name, name);
	if (!rc)
		rc = cli_one_operand(argc, name, "mã nhiệm vụ", e);
	if (!rc)
		rc = cli_task_id(argv[optind], &id, e);
	if (!rc)
		rc = cli_store(c, 0, e);
	if (!rc && doc && !(rc = cli_doc(c, doc, &did, e)))
		ed.doc = did;
	/* units named as in the document the task will be in */
	uint32_t near = issuer_of(c, did ? did : (rc ? 0 : doc_of_task(c, id)));
	if (!rc && lead) {
		ed.set_lead = 1;
		ed.lead_text = lead;
		rc = cli_unit_near(c, lead, near, &ed.lead, e);
	}
	if (!rc && no_lead)
		ed.set_lead = 1;
	if (!rc && partners) {
		ed.set_partners = 1;
		rc = cli_partners(c, partners, near, &pids, &ed.npartners, &ptext, e);
		ed.partners = pids;
		ed.partners_text = ptext;
	}
	if (!rc && !(rc = ops_edit_task(&c->ops, id, &ed, e)))
		fprintf(c->out, move ? "Đã chuyển nhiệm vụ #%llu sang văn bản #%llu.\n"
		                     : "Đã sửa nhiệm vụ #%llu.\n",
		        (unsigned long long)id, (unsigned long long)did);
	free(text);
	free(phrase);
	free(ptext);
	free(pids);
	return rc;
}

int cmd_edit_task(struct cli *c, int argc, char **argv, struct err *e)
{
	return edit_task(c, argc, argv, 0, e);
}

int cmd_move_task(struct cli *c, int argc, char **argv, struct err *e)
{
	return edit_task(c, argc, argv, 1, e);
}

/* ---- edit-doc ---- */

static const char edit_doc_help[] =
	"Cách dùng: theodoi edit-doc VĂN_BẢN [--number SỐ] [--kind LOẠI] [--date NGÀY]\n"
	"                                   [--issuer ĐƠN_VỊ] [--implements SỐ,SỐ...]\n"
	"                                   [--title \"TRÍCH YẾU\"] [--plan-due NGÀY]\n"
	"Sửa một văn bản (quản trị), ví dụ thêm số và ngày cho bản dự thảo hay bản sao mất\n"
	"phần đầu.  NGÀY rỗng (\"\") để bỏ ngày.  Đổi ngày ban hành thì các nhiệm vụ bắt đầu\n"
	"từ ngày văn bản được tính lại hạn.  VĂN_BẢN: mã (#12) hoặc số văn bản.  --implements\n"
	"nhận cả mã văn bản (#12) để gắn với văn bản cấp trên chưa có số (theodoi cascade).\n";

static int opt_date(const char *s, date_t *d, const char *opt, struct err *e)
{
	if (!*s) {
		*d = DATE_NONE;
		return 0;
	}
	int rc = date_parse(s, d, e);
	if (rc && e)
		str_copy(e->field, opt, sizeof e->field);
	return rc;
}

int cmd_edit_doc(struct cli *c, int argc, char **argv, struct err *e)
{
	struct ops_doc_edit ed = {0};
	char *title = NULL;
	char (*impl)[DOCNUM_LEN] = NULL;
	const char *issuer = NULL;
	int o, rc = 0, nopt = 0;
	while (!rc && (o = getopt_long(argc, argv, "h", cli_doc_options, NULL)) != -1) {
		nopt++;
		switch (o) {
		case 'h': return fputs(edit_doc_help, c->out), 0;
		case 't':
			free(title);
			if (!(rc = txt_clean_input(optarg, 2000, 0, &title, e)))
				ed.title = title;
			break;
		case 'n':
			if (strlen(optarg) >= DOCNUM_LEN)
				rc = err_set(e, ERR_USAGE, "số văn bản quá dài: '%s'", optarg);
			ed.number = optarg;
			break;
		case 'k':
			if (strlen(optarg) >= DOCKIND_LEN)
				rc = err_set(e, ERR_USAGE, "loại văn bản quá dài: '%s'", optarg);
			ed.kind = optarg;
			break;
		case 'd': ed.set_date = 1; rc = opt_date(optarg, &ed.date, "--date", e); break;
		case 'P': ed.set_plan_due = 1; rc = opt_date(optarg, &ed.plan_due, "--plan-due", e); break;
		case 'i': issuer = optarg; break;
		case 'I':
			ed.set_implements = 1;
			free(impl);
			rc = cli_doc_numbers(optarg, &impl, &ed.nimplements, e);
			ed.implements = (const char (*)[DOCNUM_LEN])impl;
			break;
		default: rc = cli_bad_option("edit-doc", e);
		}
	}
	uint64_t id = 0;
	if (!rc && !nopt)
		rc = err_set(e, ERR_USAGE, "edit-doc: không có gì để sửa (xem theodoi edit-doc --help)");
	if (!rc)
		rc = cli_one_operand(argc, "edit-doc", "văn bản", e);
	if (!rc)
		rc = cli_store(c, 0, e);
	if (!rc)
		rc = cli_doc(c, argv[optind], &id, e);
	if (!rc && issuer) {
		ed.set_issuer = 1;
		rc = cli_unit(c, issuer, &ed.issuer, e);
	}
	if (!rc && !(rc = ops_edit_doc(&c->ops, id, &ed, e)))
		fprintf(c->out, "Đã sửa văn bản #%llu.\n", (unsigned long long)id);
	free(title);
	free(impl);
	return rc;
}

/* ---- delete-doc, delete-task, restore-doc, restore-task ---- */

static const char delete_help[] =
	"Cách dùng: theodoi delete-doc VĂN_BẢN --reason \"LÝ DO\" [--force]\n"
	"           theodoi delete-task NHIỆM_VỤ --reason \"LÝ DO\" [--force]\n"
	"Xóa văn bản (cùng các nhiệm vụ, chỉ tiêu của nó) hoặc nhiệm vụ nhập nhầm (quản trị):\n"
	"bản ghi ra khỏi mọi danh sách và số liệu nhưng vẫn được giữ trong kho với người xóa,\n"
	"thời điểm và lý do; khôi phục bằng restore-doc / restore-task.  Nhiệm vụ đã có kết quả\n"
	"(cập nhật, hoàn thành, xác nhận) chỉ xóa được với --force.\n";

static const char restore_rec_help[] =
	"Cách dùng: theodoi restore-doc VĂN_BẢN | theodoi restore-task NHIỆM_VỤ\n"
	"Khôi phục văn bản hoặc nhiệm vụ đã xóa, với mã, lịch sử cập nhật và gia hạn như cũ\n"
	"(quản trị).  VĂN_BẢN: mã văn bản (#12).  Nhiệm vụ của văn bản đã xóa: khôi phục văn\n"
	"bản.\n";

/* A document or task id ("12", "#12"): deleted records have no number to
 * look up by. */
static int record_id(const char *s, enum trash_kind kind, uint64_t *id, struct err *e)
{
	if (kind == TRASH_TASK)
		return cli_task_id(s, id, e);
	long v;
	if (*s == '#')
		s++;
	if (str_to_long(s, 1, 0x7fffffffL, &v))
		return err_set(e, ERR_INPUT, "mã văn bản không hợp lệ: '%s'", s);
	*id = (uint64_t)v;
	return 0;
}

static int delete_rec(struct cli *c, int argc, char **argv, enum trash_kind kind, struct err *e)
{
	static const struct option opts[] = {{"reason", required_argument, NULL, 'r'},
	                                     {"force", no_argument, NULL, 'f'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {0}};
	const char *name = kind == TRASH_DOC ? "delete-doc" : "delete-task";
	char *reason = NULL;
	int o, rc = 0, force = 0;
	while (!rc && (o = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (o) {
		case 'h': free(reason); return fputs(delete_help, c->out), 0;
		case 'r': free(reason); rc = txt_clean_input(optarg, 2000, 1, &reason, e); break;
		case 'f': force = 1; break;
		default: rc = cli_bad_option(name, e);
		}
	}
	uint64_t id = 0;
	size_t n = 0;
	if (!rc && (!reason || !*reason))
		rc = err_set(e, ERR_USAGE, "%s cần --reason \"LÝ DO\"", name);
	if (!rc)
		rc = cli_one_operand(argc, name, kind == TRASH_DOC ? "văn bản" : "mã nhiệm vụ", e);
	if (!rc)
		rc = cli_store(c, 0, e);
	if (!rc)
		rc = kind == TRASH_DOC ? cli_doc(c, argv[optind], &id, e)
		                       : cli_task_id(argv[optind], &id, e);
	if (!rc && !(rc = ops_delete(&c->ops, kind, id, reason, force, &n, e))) {
		if (kind == TRASH_DOC)
			fprintf(c->out, "Đã xóa văn bản #%llu cùng %zu nhiệm vụ (khôi phục: theodoi "
			        "restore-doc %llu).\n", (unsigned long long)id, n, (unsigned long long)id);
		else
			fprintf(c->out, "Đã xóa nhiệm vụ #%llu (khôi phục: theodoi restore-task %llu).\n",
			        (unsigned long long)id, (unsigned long long)id);
	}
	free(reason);
	return rc;
}

static int restore_rec(struct cli *c, int argc, char **argv, enum trash_kind kind, struct err *e)
{
	const char *name = kind == TRASH_DOC ? "restore-doc" : "restore-task";
	int done, rc = cli_opts_none(c, argc, argv, name, restore_rec_help, &done, e);
	if (done)
		return 0;
	uint64_t id = 0;
	if (!rc)
		rc = cli_one_operand(argc, name, kind == TRASH_DOC ? "mã văn bản" : "mã nhiệm vụ", e);
	if (!rc)
		rc = record_id(argv[optind], kind, &id, e);
	if (!rc)
		rc = cli_store(c, 0, e);
	if (!rc && !(rc = ops_restore(&c->ops, kind, id, e)))
		fprintf(c->out, "Đã khôi phục %s #%llu.\n", kind == TRASH_DOC ? "văn bản" : "nhiệm vụ",
		        (unsigned long long)id);
	return rc;
}

int cmd_delete_doc(struct cli *c, int argc, char **argv, struct err *e)
{
	return delete_rec(c, argc, argv, TRASH_DOC, e);
}

int cmd_delete_task(struct cli *c, int argc, char **argv, struct err *e)
{
	return delete_rec(c, argc, argv, TRASH_TASK, e);
}

int cmd_restore_doc(struct cli *c, int argc, char **argv, struct err *e)
{
	return restore_rec(c, argc, argv, TRASH_DOC, e);
}

int cmd_restore_task(struct cli *c, int argc, char **argv, struct err *e)
{
	return restore_rec(c, argc, argv, TRASH_TASK, e);
}

/* ---- expand-task ---- */

static const char expand_help[] =
	"Cách dùng: theodoi expand-task NHIỆM_VỤ\n"
	"Tách nhiệm vụ chung của nhiều cơ quan (đơn vị chủ trì ghi là một nhóm: \"các huyện ủy,\n"
	"thị ủy, thành ủy, đảng ủy trực thuộc\", \"các tổ chức cơ sở đảng\", \"các ban xây dựng\n"
	"Đảng\", \"các ban cán sự đảng, đảng đoàn\") thành nghĩa vụ của từng đơn vị thuộc nhóm đó\n"
	"dưới cơ quan ban hành văn bản (quản trị; lệnh import tự tách khi nhập).  Mỗi nghĩa vụ\n"
	"là một nhiệm vụ riêng (mục MỤC@mã-đơn-vị) với trạng thái, cập nhật, thời hạn của nó;\n"
	"nhiệm vụ chung hiện \"N/M đơn vị đã thực hiện\" (theodoi show).  Chạy lại sau khi thêm\n"
	"đơn vị vào units.ini, hoặc sau khi gắn cơ quan ban hành: chỉ tạo nghĩa vụ còn thiếu.\n"
	"Nhiệm vụ chung đã tách không còn được tính là một nhiệm vụ (tổng số, quá hạn, đến hạn,\n"
	"tổng hợp, báo cáo): các nghĩa vụ được tính thay; cập nhật ghi vào nghĩa vụ của từng\n"
	"đơn vị (theodoi update NGHĨA_VỤ), không ghi vào nhiệm vụ chung.\n";

int cmd_expand_task(struct cli *c, int argc, char **argv, struct err *e)
{
	int done, rc = cli_opts_none(c, argc, argv, "expand-task", expand_help, &done, e);
	if (done)
		return 0;
	uint64_t id = 0;
	size_t made = 0, total = 0;
	const struct hier *h = NULL;
	if (!rc)
		rc = cli_one_operand(argc, "expand-task", "mã nhiệm vụ", e);
	if (!rc)
		rc = cli_task_id(argv[optind], &id, e);
	if (!rc)
		rc = cli_store(c, 0, e);
	if (!rc)
		rc = cli_hier(c, &h, e);
	if (!rc && !(rc = ops_expand_task(&c->ops, h, id, &made, &total, e)))
		fprintf(c->out, "Nhiệm vụ #%llu: nhóm gồm %zu đơn vị; đã tạo %zu nghĩa vụ mới (xem: "
		        "theodoi show %llu).\n", (unsigned long long)id, total, made,
		        (unsigned long long)id);
	return rc;
}

/* ---- deleted ---- */

static const char deleted_help[] =
	"Cách dùng: theodoi deleted [--format text|csv|json]\n"
	"Các văn bản, nhiệm vụ đã xóa (delete-doc, delete-task, hoặc không còn trong văn bản\n"
	"nhập lại bằng import --replace), vẫn giữ trong kho: mã, nội dung, ai xóa, khi nào\n"
	"(dd/mm/yyyy hh:mm:ss; csv, json: ISO), vì sao.  Khôi phục: theodoi restore-doc MÃ /\n"
	"theodoi restore-task MÃ.\n";

static const struct out_col deleted_cols[] = {
	{"kind", "Loại", OUT_STR, 0, 0, 1},
	{"kind_label", "Loại", OUT_STR, 0, 0, 0},
	{"id", "Mã", OUT_INT, 0, 1, 0},
	{"doc_id", "Mã VB", OUT_INT, 0, 1, 0},
	{"number", "Số", OUT_STR, 14, 0, 0},
	{"text", "Nội dung", OUT_STR, 36, 0, 0},
	{"tasks", "Số NV", OUT_INT, 0, 1, 0},
	{"login", "Người xóa", OUT_STR, 16, 0, 0},
	{"time", "Thời điểm", OUT_STR, 0, 0, 0},
	{"reason", "Lý do", OUT_STR, 30, 0, 0},
};

static int deleted_row(const struct trash_entry *x, void *ctx)
{
	struct out_table *tab = ctx;
	json_error_t je;
	json_t *n = json_loads(x->note, 0, &je);
	char id[24], doc[24], tasks[24], when[32] = "";
	json_t *tm = json_object_get(n, "time");
	if (tab->format == FMT_TEXT) { /* for people: dd/mm/yyyy hh:mm:ss */
		audit_note_time(tm, when, sizeof when);
	} else if (json_is_string(tm)) {
		snprintf(when, sizeof when, "%s", json_string_value(tm));
	} else if (json_is_integer(tm)) { /* seconds: the import's note */
		time_t s = (time_t)json_integer_value(tm);
		struct tm lt;
		strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", localtime_r(&s, &lt));
	}
	snprintf(id, sizeof id, "%llu", (unsigned long long)x->id);
	snprintf(doc, sizeof doc, "%s", "");
	if (x->doc)
		snprintf(doc, sizeof doc, "%llu", (unsigned long long)x->doc);
	snprintf(tasks, sizeof tasks, "%zu", x->ntasks);
	const char *login = json_string_value(json_object_get(n, "login"));
	const char *reason = json_string_value(json_object_get(n, "reason"));
	const char *cells[] = {x->kind == TRASH_DOC ? "doc" : "task",
	                       x->kind == TRASH_DOC ? "văn bản" : "nhiệm vụ", id, doc, x->number,
	                       x->text, tasks, login ? login : "", when, reason ? reason : ""};
	out_row(tab, cells);
	json_decref(n);
	return 0;
}

int cmd_deleted(struct cli *c, int argc, char **argv, struct err *e)
{
	int done, fmt, rc = cli_opts_format(c, argc, argv, "deleted", deleted_help, &fmt, &done, e);
	struct txn *t;
	if (done)
		return 0;
	if (rc || (rc = cli_store(c, 0, e)) || (rc = store_read_begin(c->ops.st, &t, e)))
		return rc;
	struct out_table tab;
	out_stream(&tab, deleted_cols, (int)(sizeof deleted_cols / sizeof deleted_cols[0]), fmt, c->out);
	rc = trash_each(t, deleted_row, &tab, e);
	store_read_end(t);
	if (!rc && (out_rows(&tab) || fmt != FMT_TEXT))
		rc = rows_end(&tab, e);
	if (!rc && fmt == FMT_TEXT && !out_rows(&tab))
		fputs("Không có văn bản, nhiệm vụ nào đã xóa.\n", c->out);
	out_free(&tab);
	return rc;
}
