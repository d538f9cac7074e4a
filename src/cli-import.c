/* cli-import.c — import: plan text files into the store, or a dry run that
 * shows what would be stored. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "hier.h"
#include "import.h"
#include "intake.h"
#include "ops-group.h"
#include "output.h"
#include "store.h"
#include "util.h"

struct group_ids {
	struct txn *t;
	struct sbuf *b;
	size_t n;
};


/* The columns the rows may fill: $COLUMNS when set (as ls takes it), else
 * the width of the terminal out is; 0 when neither (a pipe, a file). */
static int out_columns(FILE *out)
{
	const char *env = getenv("COLUMNS");
	char *end;
	long n = env && *env ? strtol(env, &end, 10) : 0;
	if (n > 0 && n < 10000 && !*end)
		return (int)n;
	struct winsize ws;
	if (isatty(fileno(out)) && !ioctl(fileno(out), TIOCGWINSZ, &ws) && ws.ws_col > 0)
		return ws.ws_col;
	return 0;
}

static int group_task(uint64_t id, void *ctx)
{
	struct group_ids *g = ctx;
	struct task k = {0};
	size_t total = 0, done = 0;
	if (store_task_get(g->t, id, &k, NULL) == 0 && !k.lead && k.lead_text &&
	    !strchr(k.section, '@') && imp_lead_is_group(k.lead_text) &&
	    ops_group_rollup(g->t, &k, &total, &done, NULL) == 0 && !total)
		sbuf_printf(g->b, "%s#%llu (mục %s)", g->n++ ? ", " : "", (unsigned long long)id,
		            k.section);
	task_free(&k);
	return 0;
}

/* The tasks of the document just stored whose lead is a group of bodies
 * that import could not open (a group theodoi does not know, a document
 * without an issuer unit): how to open them to their units. */
static void group_hint(struct cli *c, uint64_t doc)
{
	struct sbuf b = {0};
	struct txn *t;
	if (store_read_begin(c->ops.st, &t, NULL))
		return;
	struct group_ids g = {t, &b, 0};
	store_tasks_by_doc(t, doc, group_task, &g, NULL);
	store_read_end(t);
	if (g.n)
		fprintf(c->out, "  %zu nhiệm vụ chung của nhiều cơ quan chưa tách được: %s; gắn cơ quan "
		        "ban hành (theodoi edit-doc --issuer) hoặc đơn vị chủ trì (theodoi edit-task "
		        "--lead), hoặc tách: theodoi expand-task MÃ\n", g.n, b.s);
	sbuf_free(&b);
}

/* The tasks a re-import deleted, and how to bring one back. */
static void removed_list(struct cli *c, const struct imp_diff *d)
{
	struct sbuf b = {0};
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		if (d->rows[i].fate == IMP_REMOVED)
			sbuf_printf(&b, "%s#%llu (mục %s)", n++ ? ", " : "",
			            (unsigned long long)d->rows[i].old.id, d->rows[i].old.section);
	if (n)
		fprintf(c->out, "  đã xóa %zu nhiệm vụ không còn trong văn bản: %s; khôi phục: theodoi "
		        "restore-task MÃ\n", n, b.s);
	sbuf_free(&b);
}

static const char import_help[] =
	"Cách dùng: theodoi import TỆP... [--issuer ĐƠN_VỊ] [--dry-run] [--replace [--doc VĂN_BẢN]\n"
	"                              [--force]] [--encoding BẢNG_MÃ] [--format text|json]\n"
	"Nhập văn bản (kế hoạch, chương trình hành động) từ tệp Word (.docx, .doc), OpenDocument\n"
	"(.odt), PDF có lớp chữ, hoặc văn bản thuần (UTF-8, UTF-16, Windows-1258, TCVN3, VNI;\n"
	"định dạng và bảng mã được nhận ra từ nội dung tệp, không theo tên): số, ngày, trích\n"
	"yếu, các văn bản được thực hiện, cơ quan ban hành, người ký; các nhiệm vụ với đơn vị\n"
	"chủ trì, phối hợp và thời hạn ghi nguyên văn; các chỉ tiêu. Mỗi tệp được lưu trong một\n"
	"giao dịch, trọn vẹn hoặc không gì cả. Mỗi TỆP phải là tệp thường, tối đa 64 MB.\n"
	"Nhiệm vụ chung của nhiều cơ quan (\"các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc\",\n"
	"\"các tổ chức cơ sở đảng\", \"các ban xây dựng Đảng\", \"các ban cán sự đảng, đảng đoàn\")\n"
	"được tách ngay thành nghĩa vụ của từng đơn vị thuộc nhóm dưới cơ quan ban hành.\n"
	"  --dry-run   chỉ hiển thị kết quả đọc, không lưu; với --replace: những gì sẽ thay đổi\n"
	"              (các dòng nhiệm vụ rộng bằng màn hình, hay theo biến COLUMNS)\n"
	"  --issuer U  cơ quan ban hành (khi văn bản không ghi rõ)\n"
	"  --encoding B  bảng mã của tệp văn bản thuần, khi không muốn để tự nhận ra:\n"
	"              utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni\n"
	"  --replace   cập nhật tại chỗ văn bản đã có (cùng số, cơ quan ban hành và ngày): nhiệm\n"
	"              vụ khớp theo mục và nội dung (trùng từ ít nhất 50% khi cùng mục, 75% khi\n"
	"              khác mục) giữ mã, lịch sử và tình trạng, nhận nội dung, mục, chủ trì, phối\n"
	"              hợp, thời hạn mới (ghi nhật ký); nhiệm vụ không còn trong văn bản bị xóa\n"
	"              (khôi phục được bằng restore-task); nhiệm vụ mới được thêm; nhiệm vụ\n"
	"              chung đổi đơn vị chủ trì: nghĩa vụ của đơn vị không còn được giao bị\n"
	"              xóa, đơn vị mới được giao có nghĩa vụ\n"
	"  --doc D     văn bản được thay (mã hoặc số), khi số hoặc ngày đã đổi; chỉ một TỆP\n"
	"  --force     thay cả khi số hoặc cơ quan ban hành khác văn bản D, và xóa cả nhiệm vụ\n"
	"              đã ghi nhận kết quả\n";

static void print_warnings(const struct imp_result *r)
{
	struct sbuf b = {0};
	for (size_t i = 0; i < r->nwarnings; i++) {
		sbuf_reset(&b);
		imp_warning_where(r, i, 1, &b);
		fprintf(stderr, "%s: cảnh báo: %s\n", b.s, r->warnings[i].msg);
	}
	sbuf_free(&b);
}

/* Import one file; prints what it did. */
static int import_one(struct cli *c, const char *path, uint32_t issuer, int dry,
                      const struct imp_store_opts *o, int encoding, int fmt, json_t *all,
                      struct err *e)
{
	struct intake in;
	const struct hier *h;
	struct imp_result *r = NULL;
	struct intake_opts io = {encoding, NULL, 0};
	int rc = intake_read(path, &io, &in, e);
	if (rc || (rc = cli_hier(c, &h, e)) ||
	    (rc = imp_parse(in.text, in.len, path, h, issuer, &r, e))) {
		intake_free(&in);
		return rc;
	}
	r->converted = in.format != IN_TEXT;
	struct imp_store_opts with_units = *o;
	with_units.h = h; /* group tasks are opened to their units */
	if (dry && o->replace) {
		struct imp_diff *d = NULL;
		intake_free(&in);
		rc = imp_replace_preview(c->ops.st, r, &with_units, &d, e);
		if (!rc && fmt == FMT_JSON) {
			json_t *j = imp_to_json(r, h);
			json_object_set_new(j, "replace", imp_diff_to_json(d, r, h));
			json_array_append_new(all, j);
		} else if (!rc) {
			struct sbuf b = {0};
			imp_diff_text(d, r, h, &b);
			fprintf(c->out, "== %s ==\n%s", path, b.s ? b.s : "");
			sbuf_free(&b);
			print_warnings(r);
		} else if (!e->file[0]) {
			str_copy(e->file, path, sizeof e->file);
		}
		imp_diff_free(d);
		imp_free(r);
		return rc;
	}
	if (dry) {
		char source[160];
		intake_describe(&in, source, sizeof source);
		if (fmt == FMT_JSON) {
			json_t *j = imp_to_json(r, h);
			json_object_set_new(j, "source", intake_to_json(&in));
			json_array_append_new(all, j);
		} else {
			struct sbuf b = {0};
			imp_text(r, h, out_columns(c->out), &b);
			fprintf(c->out, "== %s ==\nĐịnh dạng: %s\n%s", path, source, b.s ? b.s : "");
			sbuf_free(&b);
		}
		intake_free(&in);
		imp_free(r);
		return 0;
	}
	intake_free(&in);
	uint64_t id = 0;
	struct imp_diff *d = NULL;
	rc = imp_store_with(&c->ops, r, &with_units, &id, &d, e);
	if (!rc) {
		if (fmt == FMT_JSON) {
			json_t *j = json_pack("{s:s, s:I, s:I, s:I, s:I}", "file", path, "doc_id",
			                      (json_int_t)id, "tasks", (json_int_t)r->ntasks,
			                      "indicators", (json_int_t)r->nindicators, "warnings",
			                      (json_int_t)r->nwarnings);
			json_object_set_new(j, "groups_opened", json_integer((json_int_t)d->groups_opened));
			json_object_set_new(j, "obligations", json_integer((json_int_t)d->obligations_made));
			if (d->doc)
				json_object_set_new(j, "replace", imp_diff_to_json(d, r, h));
			json_array_append_new(all, j);
		} else {
			fprintf(c->out, "Đã nhập %s: văn bản #%llu %s, %zu nhiệm vụ, %zu chỉ tiêu, %zu cảnh báo.\n",
			        path, (unsigned long long)id,
			        r->doc.number[0] ? r->doc.number : "(không số)", r->ntasks,
			        r->nindicators, r->nwarnings);
			if (d->doc)
				fprintf(c->out, "  thay tại chỗ: giữ nguyên %zu, sửa %zu, xóa %zu, thêm %zu nhiệm "
				        "vụ (từng thay đổi: theodoi log --action edit-task, delete-task).\n",
				        d->kept, d->changed, d->removed, d->added);
			removed_list(c, d);
			if (d->groups_opened)
				fprintf(c->out, "  %zu nhiệm vụ chung của nhiều cơ quan đã tách thành %zu nghĩa vụ "
				        "của từng đơn vị.\n", d->groups_opened, d->obligations_made);
			group_hint(c, id);
		}
		print_warnings(r);
	} else if (!e->file[0]) {
		str_copy(e->file, path, sizeof e->file);
	}
	imp_diff_free(d);
	imp_free(r);
	return rc;
}

int cmd_import(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"issuer", required_argument, NULL, 'i'},
	                                     {"dry-run", no_argument, NULL, 'n'},
	                                     {"replace", no_argument, NULL, 'r'},
	                                     {"doc", required_argument, NULL, 'd'},
	                                     {"force", no_argument, NULL, 'f'},
	                                     {"format", required_argument, NULL, 'F'},
	                                     {"encoding", required_argument, NULL, 'E'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {0}};
	int o, rc, dry = 0, fmt = FMT_TEXT, encoding = -1;
	const char *issuer = NULL, *doc = NULL;
	struct imp_store_opts so = {0, 0, 0, NULL};
	while ((o = getopt_long(argc, argv, "hi:n", opts, NULL)) != -1) {
		switch (o) {
		case 'h': return fputs(import_help, c->out), 0;
		case 'i': issuer = optarg; break;
		case 'n': dry = 1; break;
		case 'r': so.replace = 1; break;
		case 'd': doc = optarg; break;
		case 'f': so.force = 1; break;
		case 'F':
			fmt = cli_format(optarg);
			if (fmt != FMT_TEXT && fmt != FMT_JSON)
				return err_set(e, ERR_USAGE, "định dạng cho import: text hoặc json");
			break;
		case 'E':
			if ((encoding = enc_parse(optarg)) < 0) {
				str_copy(e->field, "--encoding", sizeof e->field);
				return err_set(e, ERR_USAGE, "bảng mã không hợp lệ: %s (utf-8, utf-16le, "
				               "utf-16be, windows-1258, tcvn3, vni)", optarg);
			}
			break;
		default: return err_set(e, ERR_USAGE, "tùy chọn không hợp lệ cho lệnh import");
		}
	}
	if (optind >= argc)
		return err_set(e, ERR_USAGE, "import cần ít nhất một tệp (xem theodoi import --help)");
	if ((doc || so.force) && !so.replace)
		return err_set(e, ERR_USAGE, "%s chỉ dùng với --replace (xem theodoi import --help)",
		               doc ? "--doc" : "--force");
	if (doc && argc - optind != 1)
		return err_set(e, ERR_USAGE, "--doc: chỉ thay một văn bản bằng một TỆP");
	uint32_t uid = 0;
	if ((rc = cli_store(c, 0, e)) || (issuer && (rc = cli_unit(c, issuer, &uid, e))) ||
	    (doc && (rc = cli_doc(c, doc, &so.doc, e))))
		return rc;
	json_t *all = json_array();
	int first_rc = 0;
	for (int i = optind; i < argc; i++) {
		struct err fe;
		err_clear(&fe);
		rc = import_one(c, argv[i], uid, dry, &so, encoding, fmt, all, &fe);
		if (rc && !first_rc) {
			first_rc = rc;
			*e = fe;
		} else if (rc) {
			char buf[1024];
			fprintf(stderr, "theodoi: %s\n", err_str(&fe, buf, sizeof buf));
		}
	}
	if (fmt == FMT_JSON) {
		json_t *j = json_array_size(all) == 1 && argc - optind == 1 ? json_array_get(all, 0) : all;
		int prc = out_json_print(j, c->out);
		if (!first_rc)
			first_rc = prc;
	}
	json_decref(all);
	return first_rc;
}
