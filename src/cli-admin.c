/* cli-admin.c — log, backup, restore, export, import-json, confirm and
 * return: thin commands over audit.h, backup.h and ops.h. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "audit-text.h"
#include "audit.h"
#include "backup.h"
#include "cli-admin.h"
#include "cli-opts.h"
#include "cli-rows.h"
#include "cli.h"
#include "outfile.h"
#include "output.h"
#include "store.h"
#include "text.h"
#include "util.h"

/* Exactly one operand left after the options. */
static int one_operand(int argc, char **argv, const char *cmd, const char *what,
                       const char **out, struct err *e)
{
	if (optind != argc - 1)
		return err_set(e, ERR_USAGE, "lệnh %s cần đúng một %s (xem theodoi %s --help)", cmd,
		               what, cmd);
	*out = argv[optind];
	return 0;
}

/* Identity without opening the store (restore, import-json replace it). */
static int identify_only(struct cli *c, struct err *e)
{
	c->ops.cfg = &c->cfg;
	c->ops.st = NULL;
	int rc = ops_identify(&c->ops, e);
	return rc ? rc : cli_check_role(c, e);
}

/* ---- log ------------------------------------------------------------------------- */

static const char log_help[] =
	"Cách dùng: theodoi log [--task NHIỆM_VỤ] [--user TÀI_KHOẢN] [--action VIỆC]\n"
	"                       [--since NGÀY] [--until NGÀY] [--limit N]\n"
	"                       [--format text|csv|json]\n"
	"Nhật ký mọi thay đổi trong kho: thời gian, tài khoản, vai trò, việc, đối tượng và\n"
	"trước → sau của những gì thay đổi, mới nhất trước (theo thời gian, rồi số thứ tự),\n"
	"như màn hình (phím L).  Dạng text cho người đọc: ngày dd/mm/yyyy, vai trò, việc,\n"
	"đối tượng và tên trường bằng tiếng Việt, đơn vị theo tên, văn bản theo số; csv,\n"
	"json: ngày ISO, mã vai trò, mã việc, đối tượng và trước/sau như kho ghi (cột\n"
	"thay đổi của csv cùng lời như dạng text, đầy đủ).\n"
	"--since/--until: từ ngày / trước ngày (giờ địa phương);\n"
	"--limit N: chỉ N mục ghi sau cùng.  VIỆC: update, extend, extend-request,\n"
	"extend-grant, extend-refuse, confirm, return, add-doc, add-task, import, import-json,\n"
	"restore, repair, measure, init, edit-doc, edit-task, move-task, delete-doc, delete-task,\n"
	"restore-doc, restore-task, link, expand-task, report-text, issue, mail, unit.sync,\n"
	"unit.handover, demo.  Không lệnh nào sửa hay xóa được nhật ký.\n";

static const struct out_col log_cols[] = {
	{"seq", "Số", OUT_INT, 0, 1, 0},
	{"time", "Thời gian", OUT_STR, 0, 0, 0},
	{"login", "Tài khoản", OUT_STR, 20, 0, 0},
	{"role", "Vai trò", OUT_STR, 0, 0, 0},
	{"action", "Việc", OUT_STR, 0, 0, 0},
	{"object", "Đối tượng", OUT_STR, 28, 0, 0},
	{"change", "Thay đổi", OUT_STR, 90, 0, 0},
	{"before", "Trước", OUT_STR, 0, 0, 1},
	{"after", "Sau", OUT_STR, 0, 0, 1},
};
#define NLOG_COLS ((int)(sizeof log_cols / sizeof log_cols[0]))

struct log_out {
	int fmt;
	struct out_table tab; /* streamed, in every format */
	struct audit_names *names; /* text: units by name, documents by number */
	struct txn *t;
};

static int log_row(const struct audit *a, void *ctx)
{
	struct log_out *lo = ctx;
	if (lo->fmt == FMT_JSON)
		return out_row_json(&lo->tab, audit_to_json(a));
	char seq[24], when[32];
	int text = lo->fmt == FMT_TEXT;
	/* The change told in words (audit-text.h) in both: the CSV keeps its
	 * other columns as stored, and the change whole. */
	char *change = audit_text(lo->names, lo->t, a, text ? 60 : 0);
	char *object = text ? audit_object_text(lo->names, lo->t, a->object, 0) : NULL;
	snprintf(seq, sizeof seq, "%llu", (unsigned long long)a->seq);
	const char *cells[] = {seq,
	                       text ? audit_time_vn(a->time, when, sizeof when)
	                            : audit_time_str(a->time, when, sizeof when),
	                       a->login,
	                       text ? audit_role_label(a->role) : a->role,
	                       text ? audit_action_label(a->action) : a->action,
	                       text ? object : a->object,
	                       change,
	                       a->before,
	                       a->after};
	int rc = out_row(&lo->tab, cells);
	free(change);
	free(object);
	return rc;
}

static int log_date(const char *s, const char *opt, int64_t *out, struct err *e)
{
	date_t d;
	int rc = date_parse(s, &d, e);
	if (rc) {
		str_copy(e->field, opt, sizeof e->field);
		return ERR_USAGE;
	}
	*out = audit_day_start(d);
	return 0;
}

int cmd_log(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"task", required_argument, NULL, 't'},
	                                     {"user", required_argument, NULL, 'u'},
	                                     {"action", required_argument, NULL, 'a'},
	                                     {"since", required_argument, NULL, 's'},
	                                     {"until", required_argument, NULL, 'U'},
	                                     {"limit", required_argument, NULL, 'n'},
	                                     {"format", required_argument, NULL, 'F'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {0}};
	struct audit_filter f = {0};
	struct log_out lo = {FMT_TEXT, {0}, NULL, NULL};
	long limit = 0;
	int o, rc;
	while ((o = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (o) {
		case 'h': return fputs(log_help, c->out), 0;
		case 't':
			if ((rc = cli_task_id(optarg, &f.task, e)))
				return rc;
			break;
		case 'u': f.login = optarg; break;
		case 'a': f.action = optarg; break;
		case 's':
			if ((rc = log_date(optarg, "--since", &f.since, e)))
				return rc;
			break;
		case 'U':
			if ((rc = log_date(optarg, "--until", &f.until, e)))
				return rc;
			break;
		case 'n':
			if (str_to_long(optarg, 1, 100000000L, &limit))
				return err_set(e, ERR_USAGE, "--limit cần số nguyên dương, không phải '%s'",
				               optarg);
			break;
		case 'F':
			if ((lo.fmt = cli_format(optarg)) < 0)
				return err_set(e, ERR_USAGE, "định dạng cho log: text, csv hoặc json");
			break;
		default: return cli_bad_option("log", e);
		}
	}
	if (optind != argc)
		return err_set(e, ERR_USAGE, "tham số thừa: '%s'", argv[optind]);
	const struct hier *h = NULL;
	if ((rc = cli_store(c, 0, e)) || (rc = ops_require(&c->ops, PA_READ, e)) ||
	    (lo.fmt != FMT_JSON && (rc = cli_hier(c, &h, e))))
		return rc;
	out_stream(&lo.tab, log_cols, NLOG_COLS, lo.fmt, c->out);
	lo.names = audit_names_new(h);
	struct txn *t;
	if ((rc = store_read_begin(c->ops.st, &t, e)))
		goto out;
	lo.t = t;
	{
		/* Newest first by time, as the screen shows the trail. */
		struct audit *v;
		size_t n;
		if (!(rc = audit_latest(t, &f, (size_t)limit, &v, &n, e))) {
			audit_sort_newest(v, n);
			for (size_t i = 0; i < n && !rc; i++)
				if (log_row(&v[i], &lo))
					rc = rows_write_error(e);
			audit_list_free(v, n);
		}
	}
	store_read_end(t);
	if (!rc)
		rc = rows_end(&lo.tab, e);
out:
	audit_names_free(lo.names);
	out_free(&lo.tab);
	return rc;
}

/* ---- backup and restore ----------------------------------------------------------- */

static const char backup_help[] =
	"Cách dùng: theodoi backup TỆP [--force]\n"
	"Sao lưu kho: ghi một bản sao nhất quán, đã nén (bỏ trang trống) của kho vào TỆP\n"
	"(hoặc TỆP/data.mdb nếu TỆP là thư mục) trong khi người khác vẫn làm việc.  Không ghi\n"
	"đè tệp đã có trừ khi có --force; không bao giờ thay liên kết tượng trưng, thiết bị,\n"
	"FIFO hay thư mục, kể cả với --force.  Ghi vào tệp tạm cạnh TỆP rồi mới đổi tên: bị\n"
	"ngắt thì không để lại gì.  Tệp sao lưu chỉ chủ và nhóm đọc được (0660).\n"
	"Vai trò cập nhật hoặc quản trị.\n"
	"Phục hồi: theodoi restore TỆP.\n";

int cmd_backup(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {
		{"force", no_argument, NULL, 'f'}, {"help", no_argument, NULL, 'h'}, {0}};
	int o, rc, force = 0;
	const char *dest = NULL;
	uint64_t bytes = 0;
	while ((o = getopt_long(argc, argv, "hf", opts, NULL)) != -1) {
		if (o == 'h')
			return fputs(backup_help, c->out), 0;
		if (o != 'f')
			return cli_bad_option("backup", e);
		force = 1;
	}
	if ((rc = one_operand(argc, argv, "backup", "tệp sao lưu", &dest, e)) ||
	    (rc = cli_store(c, 0, e)) || (rc = backup_copy(&c->ops, dest, force, &bytes, e)))
		return rc;
	fprintf(c->out, "Đã sao lưu kho %s vào %s (%.1f MB).\n", store_path(c->ops.st), dest,
	        (double)bytes / (1024.0 * 1024.0));
	return 0;
}

static const char restore_help[] =
	"Cách dùng: theodoi restore TỆP [--force]\n"
	"Phục hồi kho từ tệp sao lưu (theodoi backup).  Tệp được kiểm tra trước (phải là kho\n"
	"theodoi toàn vẹn).  Nếu đã có kho, cần --force: kho hiện có được giữ lại bên cạnh\n"
	"dưới tên KHO.before-restore-NGÀY-GIỜ; không phục hồi khi có người đang mở kho.\n"
	"Tệp không phải bản sao lưu (bản xuất JSON, kế hoạch Word, PDF, văn bản thường) bị từ\n"
	"chối ngay, kèm lệnh dùng cho tệp đó (import-json, import); tệp nén gzip: giải nén\n"
	"bằng gunzip trước.\n"
	"Chỉ vai trò quản trị.\n";

int cmd_restore(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {
		{"force", no_argument, NULL, 'f'}, {"help", no_argument, NULL, 'h'}, {0}};
	int o, rc, force = 0;
	const char *src = NULL;
	char kept[PATH_MAX];
	while ((o = getopt_long(argc, argv, "hf", opts, NULL)) != -1) {
		if (o == 'h')
			return fputs(restore_help, c->out), 0;
		if (o != 'f')
			return cli_bad_option("restore", e);
		force = 1;
	}
	if ((rc = one_operand(argc, argv, "restore", "tệp sao lưu", &src, e)) ||
	    (rc = identify_only(c, e)) ||
	    (rc = backup_restore(&c->ops, src, c->store_dir, force, kept, sizeof kept, e)))
		return rc;
	fprintf(c->out, "Đã phục hồi kho %s từ %s.\n", c->store_dir, src);
	if (kept[0])
		fprintf(c->out, "Kho cũ được giữ lại ở %s.\n", kept);
	return 0;
}

/* ---- export and import-json ---------------------------------------------------------- */

static const char export_help[] =
	"Cách dùng: theodoi export [--format json] [--out TỆP]\n"
	"Xuất toàn bộ kho (đơn vị, văn bản, nhiệm vụ, cập nhật, gia hạn, chỉ tiêu, số liệu,\n"
	"nhật ký) thành JSON, ra đầu ra chuẩn hoặc TỆP (ghi trọn vẹn hoặc không gì cả; không\n"
	"thay liên kết tượng trưng, thiết bị, FIFO hay thư mục; báo tệp đã ghi trên đầu ra lỗi\n"
	"chuẩn).  Nhập lại vào kho mới:\n"
	"theodoi --store KHO_MỚI import-json TỆP.  Vai trò cập nhật hoặc quản trị.\n";

int cmd_export(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"format", required_argument, NULL, 'F'},
	                                     {"out", required_argument, NULL, 'o'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {0}};
	const char *out = NULL;
	int o, rc;
	while ((o = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		switch (o) {
		case 'h': return fputs(export_help, c->out), 0;
		case 'F':
			if (strcmp(optarg, "json"))
				return err_set(e, ERR_USAGE, "định dạng xuất: json");
			break;
		case 'o': out = optarg; break;
		default: return cli_bad_option("export", e);
		}
	}
	if (optind != argc)
		return err_set(e, ERR_USAGE, "tham số thừa: '%s'", argv[optind]);
	if ((rc = cli_store(c, 0, e)))
		return rc;
	if (!out)
		return backup_export_json(&c->ops, c->out, e);
	struct outfile of;
	if ((rc = outfile_open(&of, out, OUTFILE_REPLACE, 0666, e)))
		return rc;
	FILE *f = outfile_stream(&of);
	rc = f ? backup_export_json(&c->ops, f, e) : err_set(e, ERR_NOMEM, "hết bộ nhớ");
	if (rc) {
		outfile_abort(&of);
		return rc;
	}
	long bytes = ftell(f);
	if ((rc = outfile_commit(&of, e)))
		return rc;
	/* on stderr: standard output carries the export itself without --out */
	fprintf(stderr, "Đã xuất kho %s vào %s (%.1f MB).\n", store_path(c->ops.st), out,
	        bytes > 0 ? (double)bytes / (1024.0 * 1024.0) : 0.0);
	return 0;
}

static const char import_json_help[] =
	"Cách dùng: theodoi --store KHO_MỚI import-json TỆP\n"
	"Đọc bản xuất JSON (theodoi export) vào một kho mới: thư mục KHO_MỚI phải chưa có hoặc\n"
	"rỗng.  Giữ nguyên mã các bản ghi và nhật ký, rồi ghi thêm mục nhật ký import-json.\n"
	"Kho chỉ xuất hiện khi đã nhập xong và kiểm tra toàn vẹn.  Từ chối (nêu tên trường,\n"
	"ví dụ tasks[3].lead) ký tự điều khiển trong văn bản (trừ tab và xuống dòng ở trường\n"
	"nhiều dòng) và tham chiếu treo: đơn vị, văn bản, nhiệm vụ, chỉ tiêu không có trong bản\n"
	"xuất.  Chỉ vai trò quản trị.  TỆP phải là tệp thường, tối đa 16 GB; bản sao lưu hay kế\n"
	"hoạch Word, PDF, văn bản thường đưa nhầm bị từ chối ngay, kèm lệnh dùng cho tệp đó\n"
	"(restore, import); tệp nén gzip: giải nén bằng gunzip trước.  JSON hỏng bị từ chối ở\n"
	"dòng có lỗi, kèm lý do (tệp bị cắt cụt, sai cú pháp, không phải UTF-8, khóa lặp...).\n";

int cmd_import_json(struct cli *c, int argc, char **argv, struct err *e)
{
	const char *src = NULL;
	struct backup_counts n;
	int done, rc = cli_opts_none(c, argc, argv, "import-json", import_json_help, &done, e);
	if (rc || done)
		return rc;
	if ((rc = one_operand(argc, argv, "import-json", "tệp JSON", &src, e)) ||
	    (rc = identify_only(c, e)) ||
	    (rc = backup_import_json(&c->ops, src, c->store_dir, &n, e)))
		return rc;
	fprintf(c->out,
	        "Đã nhập vào kho %s: %llu đơn vị, %llu văn bản, %llu nhiệm vụ, %llu cập nhật, "
	        "%llu gia hạn, %llu chỉ tiêu, %llu số liệu, %llu mục nhật ký.\n",
	        c->store_dir, (unsigned long long)n.units, (unsigned long long)n.docs,
	        (unsigned long long)n.tasks, (unsigned long long)n.updates,
	        (unsigned long long)n.extensions, (unsigned long long)n.indicators,
	        (unsigned long long)n.measures, (unsigned long long)n.audit);
	return 0;
}

/* ---- confirm and return ----------------------------------------------------------------- */

static const char confirm_help[] =
	"Cách dùng: theodoi confirm NHIỆM_VỤ [--note \"GHI CHÚ\"]\n"
	"           theodoi confirm --list [--all] [--format text|csv|json]\n"
	"Xác nhận kết quả \"hoàn thành\" mà đơn vị báo cáo (nhiệm vụ chờ xác nhận).  Chỉ văn\n"
	"phòng theo dõi khối đơn vị chủ trì ([access] monitors) hoặc quản trị.\n"
	"--list: các nhiệm vụ chờ bạn xác nhận; --all: mọi nhiệm vụ chờ xác nhận.\n"
	"Trả lại để thực hiện lại: theodoi return NHIỆM_VỤ --reason \"LÝ DO\".\n";

static int push_task(const struct task *t, void *ctx)
{
	idvec_push(ctx, t->id);
	return 0;
}

static int confirm_list(struct cli *c, int all, int fmt, struct err *e)
{
	struct idvec ids = {0};
	struct out_table tab;
	struct txn *t;
	int rc = ops_pending_each(&c->ops, !all, push_task, &ids, e);
	if (rc) {
		idvec_free(&ids);
		return rc;
	}
	rows_stream(&tab, fmt, c->out);
	if (!(rc = store_read_begin(c->ops.st, &t, e))) {
		uint64_t largest = 0;
		for (size_t i = 0; i < ids.n; i++)
			largest = ids.v[i] > largest ? ids.v[i] : largest;
		rows_id_width(&tab, largest);
		rc = rows_add_ids(c, t, &tab, ids.v, ids.n, e);
		store_read_end(t);
	}
	if (!rc)
		rc = rows_end(&tab, e);
	if (!rc && fmt == FMT_TEXT)
		fprintf(c->out, "%zu nhiệm vụ chờ xác nhận%s.\n", ids.n, all ? "" : " của bạn");
	out_free(&tab);
	idvec_free(&ids);
	return rc;
}

int cmd_confirm(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"note", required_argument, NULL, 'm'},
	                                     {"list", no_argument, NULL, 'l'},
	                                     {"all", no_argument, NULL, 'a'},
	                                     {"format", required_argument, NULL, 'F'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {0}};
	const char *note = NULL, *arg = NULL;
	int o, rc, list = 0, all = 0, fmt = FMT_TEXT;
	uint64_t id, uid;
	while ((o = getopt_long(argc, argv, "hm:", opts, NULL)) != -1) {
		switch (o) {
		case 'h': return fputs(confirm_help, c->out), 0;
		case 'm': note = optarg; break;
		case 'l': list = 1; break;
		case 'a': all = 1; break;
		case 'F':
			if ((fmt = cli_format(optarg)) < 0)
				return err_set(e, ERR_USAGE, "định dạng: text, csv hoặc json");
			break;
		default: return cli_bad_option("confirm", e);
		}
	}
	if (list) {
		if (optind != argc || note)
			return err_set(e, ERR_USAGE, "confirm --list không nhận mã nhiệm vụ hay --note");
		if ((rc = cli_store(c, 0, e)))
			return rc;
		return confirm_list(c, all, fmt, e);
	}
	if ((rc = one_operand(argc, argv, "confirm", "mã nhiệm vụ", &arg, e)) ||
	    (rc = cli_task_id(arg, &id, e)) || (rc = cli_store(c, 0, e)) ||
	    (rc = ops_confirm(&c->ops, id, note, &uid, e)))
		return rc;
	fprintf(c->out, "Đã xác nhận hoàn thành nhiệm vụ #%llu.\n", (unsigned long long)id);
	return 0;
}

static const char return_help[] =
	"Cách dùng: theodoi return NHIỆM_VỤ --reason \"LÝ DO\"\n"
	"Trả lại kết quả \"hoàn thành\" đang chờ xác nhận, yêu cầu thực hiện lại: nhiệm vụ trở\n"
	"về \"đang thực hiện\" và được tính là chưa hoàn thành.  Lý do được ghi vào lịch sử.\n"
	"Chỉ văn phòng theo dõi khối đơn vị chủ trì hoặc quản trị.\n";

int cmd_return(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"reason", required_argument, NULL, 'r'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {0}};
	const char *reason = NULL, *arg = NULL;
	int o, rc;
	uint64_t id, uid;
	while ((o = getopt_long(argc, argv, "hr:", opts, NULL)) != -1) {
		switch (o) {
		case 'h': return fputs(return_help, c->out), 0;
		case 'r': reason = optarg; break;
		default: return cli_bad_option("return", e);
		}
	}
	if (!reason)
		return err_set(e, ERR_USAGE, "return cần --reason \"LÝ DO\"");
	if ((rc = one_operand(argc, argv, "return", "mã nhiệm vụ", &arg, e)) ||
	    (rc = cli_task_id(arg, &id, e)) || (rc = cli_store(c, 0, e)) ||
	    (rc = ops_return(&c->ops, id, reason, &uid, e)))
		return rc;
	fprintf(c->out, "Đã trả lại nhiệm vụ #%llu để thực hiện lại.\n", (unsigned long long)id);
	return 0;
}
