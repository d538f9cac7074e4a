/* cli-link.c — the commands unresolved and link. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli-link.h"
#include "cli-opts.h"
#include "cli-rows.h"
#include "cli.h"
#include "hier.h"
#include "ops-link.h"
#include "output.h"
#include "store.h"
#include "text.h"
#include "util.h"

static const char unresolved_help[] =
	"Cách dùng: theodoi unresolved [--format text|csv|json]\n"
	"Các tên đơn vị chủ trì, phối hợp và cơ quan ban hành mà kho chưa gắn được với đơn vị\n"
	"nào: tên như văn bản ghi, số nhiệm vụ, các văn bản có tên đó.  Gắn một lần cho mọi\n"
	"nhiệm vụ và các lần nhập sau: theodoi link \"TÊN\" MÃ_ĐƠN_VỊ.  Nhóm nhiều cơ quan\n"
	"(\"các huyện ủy, thị ủy...\", \"các cơ quan liên quan\") không có trong danh sách.\n";

static const struct out_col unresolved_cols[] = {
	{"role", "Vai trò", OUT_STR, 0, 0, 0},
	{"name", "Tên như văn bản ghi", OUT_STR, 60, 0, 0},
	{"tasks", "Số NV", OUT_INT, 0, 1, 0},
	{"docs", "Văn bản", OUT_STR, 50, 0, 0},
};

/* "#2 42-KH/ThU, #5 (không số)" */
static void doc_list(struct txn *t, const struct unresolved_name *u, struct sbuf *b)
{
	for (size_t i = 0; i < u->ndocs; i++) {
		struct doc d = {0};
		sbuf_printf(b, "%s#%llu ", i ? ", " : "", (unsigned long long)u->docs[i]);
		if (store_doc_get(t, u->docs[i], &d, NULL) == 0 && d.number[0])
			sbuf_puts(b, d.number);
		else
			sbuf_puts(b, "(không số)");
		doc_free(&d);
	}
}

int cmd_unresolved(struct cli *c, int argc, char **argv, struct err *e)
{
	int done, fmt;
	int rc = cli_opts_format(c, argc, argv, "unresolved", unresolved_help, &fmt, &done, e);
	if (done)
		return 0;
	struct unresolved_name *v = NULL;
	size_t n = 0;
	const struct hier *h = NULL;
	if (rc || (rc = cli_store(c, 0, e)) || (rc = cli_hier(c, &h, e)) ||
	    (rc = ops_unresolved(&c->ops, h, &v, &n, e)))
		return rc;
	struct out_table tab;
	struct txn *t;
	out_stream(&tab, unresolved_cols, 4, fmt, c->out);
	if (!(rc = store_read_begin(c->ops.st, &t, e))) {
		for (size_t i = 0; i < n; i++) {
			struct sbuf docs = {0};
			char count[24];
			doc_list(t, &v[i], &docs);
			snprintf(count, sizeof count, "%zu", v[i].ntasks);
			static const char *const roles[] = {"chủ trì", "phối hợp", "ban hành"};
			const char *cells[] = {roles[v[i].role], v[i].name,
			                       count, docs.s ? docs.s : ""};
			if (!rc && out_row(&tab, cells))
				rc = rows_write_error(e);
			sbuf_free(&docs);
		}
		store_read_end(t);
	}
	if (!rc && (n || fmt != FMT_TEXT))
		rc = rows_end(&tab, e);
	if (!rc && fmt == FMT_TEXT)
		fprintf(c->out, n ? "%zu tên chưa gắn với đơn vị; gắn: theodoi link \"TÊN\" MÃ_ĐƠN_VỊ\n"
		                  : "Mọi tên đơn vị chủ trì, cơ quan ban hành đã gắn với đơn vị.\n",
		        n);
	size_t lists = 0;
	for (size_t i = 0; i < n; i++) /* link takes one name: a list is set task by task */
		lists += v[i].role == UR_LEAD && strpbrk(v[i].name, ",;") != NULL;
	if (!rc && fmt == FMT_TEXT && lists)
		fprintf(c->out, "%zu tên chủ trì nêu nhiều đơn vị: chọn đơn vị chủ trì cho từng nhiệm vụ "
		        "(theodoi edit-task MÃ --lead MÃ_ĐƠN_VỊ)\n", lists);
	out_free(&tab);
	ops_unresolved_free(v, n);
	return rc;
}

static const char link_help[] =
	"Cách dùng: theodoi link \"TÊN\" ĐƠN_VỊ\n"
	"Gắn tên đơn vị như văn bản ghi (xem theodoi unresolved) với một đơn vị của units.ini\n"
	"(mã, tên hoặc tên viết tắt): mọi nhiệm vụ có đơn vị chủ trì hoặc phối hợp ghi đúng tên\n"
	"đó và mọi văn bản có cơ quan ban hành ghi đúng tên đó (không phân biệt hoa thường,\n"
	"dấu) được gắn với đơn vị, và tên được ghi nhớ trong kho cho các lần nhập sau.  Gắn lại\n"
	"tên đã gắn thì thay đơn vị cũ (các nhiệm vụ đã gắn chuyển theo).  Tên nêu cấp ủy (\"...\n"
	"Đảng ủy Khối\", \"... Huyện ủy X\") chỉ gắn với đơn vị thuộc cấp ủy loại đó.  Quản trị;\n"
	"ghi vào nhật ký.\n";

int cmd_link(struct cli *c, int argc, char **argv, struct err *e)
{
	int done, rc = cli_opts_none(c, argc, argv, "link", link_help, &done, e);
	if (done)
		return 0;
	if (!rc && optind != argc - 2)
		rc = err_set(e, ERR_USAGE, "lệnh link cần TÊN và ĐƠN_VỊ (xem theodoi link --help)");
	char *name = NULL;
	uint32_t unit = 0;
	size_t nt = 0, nd = 0;
	if (!rc)
		rc = txt_clean_input(argv[optind], 500, 0, &name, e);
	if (!rc)
		rc = cli_store(c, 0, e);
	if (!rc)
		rc = cli_unit(c, argv[optind + 1], &unit, e);
	if (!rc && !(rc = ops_link(&c->ops, name, unit, &nt, &nd, e))) {
		const struct hier *h;
		const struct unit *u = NULL;
		if (cli_hier(c, &h, NULL) == 0)
			u = hier_unit(h, unit);
		fprintf(c->out, "Đã gắn “%s” với %s (%s): %zu nhiệm vụ, %zu văn bản; các lần nhập sau "
		        "dùng tên này.\n", name, u && u->name ? u->name : "đơn vị",
		        u ? u->code : argv[optind + 1], nt, nd);
	}
	free(name);
	return rc;
}
