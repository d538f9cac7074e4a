/* cli-extend.c — the extend command: grant an extension, ask for one,
 * grant or refuse a request, and the queue of requests (ops-extend.c). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-rows.h"
#include "cli.h"
#include "hier.h"
#include "output.h"
#include "store.h"
#include "text.h"
#include "util.h"

static const char extend_help[] =
	"Cách dùng: theodoi extend NHIỆM_VỤ --to NGÀY --reason \"LÝ DO\"\n"
	"           theodoi extend --request NHIỆM_VỤ --to NGÀY --reason \"LÝ DO\"\n"
	"           theodoi extend --grant ĐỀ_NGHỊ [--to NGÀY] [--note \"GHI CHÚ\"]\n"
	"           theodoi extend --refuse ĐỀ_NGHỊ --reason \"LÝ DO\"\n"
	"           theodoi extend --pending [--all] [--format text|csv|json]\n"
	"Gia hạn nhiệm vụ đến NGÀY (YYYY-MM-DD hoặc dd/mm/yyyy), có lý do; thời hạn ban đầu\n"
	"được giữ và báo cáo vẫn nêu số ngày quá hạn so với thời hạn ban đầu.  Ai được gia\n"
	"hạn do [access] extend quy định (mặc định: văn phòng theo dõi khối đơn vị chủ trì và\n"
	"quản trị).  Đơn vị chủ trì gửi đề nghị (--request); văn phòng theo dõi chấp nhận\n"
	"(--grant, có thể đổi ngày bằng --to) hoặc không chấp nhận (--refuse, nêu lý do).\n"
	"--pending: các đề nghị chờ bạn quyết định; --all: mọi đề nghị đang chờ.\n"
	"Đề nghị hay gia hạn khi đã quá hạn được ghi là \"gia hạn sau khi đã quá hạn\".\n";

static const struct out_col pending_cols[] = {
	{"id", "Đề nghị", OUT_INT, 0, 1, 0},
	{"task", "Nhiệm vụ", OUT_INT, 0, 1, 0},
	{"lead", "Chủ trì", OUT_STR, 28, 0, 0},
	{"due", "Hạn hiện tại", OUT_DATE, 0, 0, 0},
	{"to", "Đề nghị đến", OUT_DATE, 0, 0, 0},
	{"day", "Ngày đề nghị", OUT_DATE, 0, 0, 0},
	{"login", "Người đề nghị", OUT_STR, 16, 0, 0},
	{"late", "Ghi chú", OUT_STR, 0, 0, 0},
	{"reason", "Lý do", OUT_STR, 50, 0, 0},
};
#define NPENDING_COLS ((int)(sizeof pending_cols / sizeof pending_cols[0]))

struct pending_out {
	const struct hier *h;
	struct out_table tab;
	size_t n;
};

static int pending_row(const struct extension *x, const struct task *k, void *ctx)
{
	struct pending_out *p = ctx;
	const struct unit *u = k->lead ? hier_unit(p->h, k->lead) : NULL;
	char id[24], task[24], due[11], to[11], day[11];
	snprintf(id, sizeof id, "%llu", (unsigned long long)x->id);
	snprintf(task, sizeof task, "%llu", (unsigned long long)k->id);
	const char *cells[] = {id,
	                       task,
	                       u ? u->name : k->lead_text ? k->lead_text : "",
	                       date_iso(k->due, due),
	                       date_iso(x->to, to),
	                       date_iso(x->day, day),
	                       x->login,
	                       x->late ? "sau khi đã quá hạn" : "",
	                       x->reason ? x->reason : ""};
	out_row(&p->tab, cells);
	p->n++;
	return 0;
}

static int pending_list(struct cli *c, int all, int fmt, struct err *e)
{
	struct pending_out p = {0};
	int rc = cli_hier(c, &p.h, e);
	if (rc)
		return rc;
	out_stream(&p.tab, pending_cols, NPENDING_COLS, fmt, c->out);
	rc = ops_extend_pending_each(&c->ops, !all, pending_row, &p, e);
	if (!rc)
		rc = rows_end(&p.tab, e);
	if (!rc && fmt == FMT_TEXT)
		fprintf(c->out, "%zu đề nghị gia hạn chờ %s.\n", p.n,
		        all ? "quyết định" : "bạn quyết định");
	out_free(&p.tab);
	return rc;
}

/* An extension id: "12" or "#12". */
static int ext_id(const char *s, uint64_t *id, struct err *e)
{
	long v;
	if (s && *s == '#')
		s++;
	if (!s || str_to_long(s, 1, 0x7fffffffL, &v))
		return err_set(e, ERR_USAGE, "mã đề nghị gia hạn không hợp lệ: '%s'", s ? s : "");
	*id = (uint64_t)v;
	return 0;
}

/* ops' field names as the options that set them. */
static int opt_field(int rc, struct err *e)
{
	if (!strcmp(e->field, "to"))
		str_copy(e->field, "--to", sizeof e->field);
	else if (!strcmp(e->field, "reason"))
		str_copy(e->field, "--reason", sizeof e->field);
	return rc;
}

enum mode { M_GRANT_NOW = 0, M_REQUEST, M_GRANT, M_REFUSE, M_PENDING };

int cmd_extend(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"to", required_argument, NULL, 't'},
	                                     {"reason", required_argument, NULL, 'r'},
	                                     {"note", required_argument, NULL, 'm'},
	                                     {"request", no_argument, NULL, 'R'},
	                                     {"grant", required_argument, NULL, 'G'},
	                                     {"refuse", required_argument, NULL, 'X'},
	                                     {"pending", no_argument, NULL, 'P'},
	                                     {"all", no_argument, NULL, 'a'},
	                                     {"format", required_argument, NULL, 'F'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {0}};
	int o, rc, mode = M_GRANT_NOW, modes = 0, all = 0, fmt = FMT_TEXT;
	date_t to = DATE_NONE;
	const char *reason = NULL, *note = NULL;
	uint64_t id = 0;
	while ((o = getopt_long(argc, argv, "ht:r:", opts, NULL)) != -1) {
		switch (o) {
		case 'h': return fputs(extend_help, c->out), 0;
		case 't':
			if ((rc = date_parse(optarg, &to, e))) {
				str_copy(e->field, "--to", sizeof e->field);
				return rc;
			}
			break;
		case 'r': reason = optarg; break;
		case 'm': note = optarg; break;
		case 'R':
			mode = M_REQUEST;
			modes++;
			break;
		case 'G':
		case 'X':
			if ((rc = ext_id(optarg, &id, e)))
				return rc;
			mode = o == 'G' ? M_GRANT : M_REFUSE;
			modes++;
			break;
		case 'P':
			mode = M_PENDING;
			modes++;
			break;
		case 'a': all = 1; break;
		case 'F':
			if ((rc = cli_parse_format(optarg, &fmt, e)))
				return rc;
			break;
		default: return cli_bad_option("extend", e);
		}
	}
	if (modes > 1)
		return err_set(e, ERR_USAGE, "chỉ dùng một trong --request, --grant, --refuse, --pending");
	char d[11];
	switch (mode) {
	case M_PENDING:
		if (optind != argc || to != DATE_NONE || reason || note)
			return err_set(e, ERR_USAGE, "extend --pending không nhận mã nhiệm vụ, --to, "
			               "--reason hay --note");
		if ((rc = cli_store(c, 0, e)))
			return rc;
		return pending_list(c, all, fmt, e);
	case M_GRANT:
	case M_REFUSE:
		if (optind != argc)
			return err_set(e, ERR_USAGE, "tham số thừa: '%s'", argv[optind]);
		if (mode == M_REFUSE && (!reason || to != DATE_NONE))
			return err_set(e, ERR_USAGE, "extend --refuse cần --reason \"LÝ DO\" (không nhận --to)");
		if ((rc = cli_store(c, 0, e)))
			return rc;
		rc = mode == M_GRANT ? ops_extend_grant(&c->ops, id, to, note ? note : reason, e)
		                     : ops_extend_refuse(&c->ops, id, reason, e);
		if (rc)
			return opt_field(rc, e);
		if (mode == M_GRANT)
			fprintf(c->out, "Đã chấp nhận đề nghị gia hạn #%llu.\n", (unsigned long long)id);
		else
			fprintf(c->out, "Đã không chấp nhận đề nghị gia hạn #%llu.\n",
			        (unsigned long long)id);
		return 0;
	default:
		break;
	}
	if (to == DATE_NONE || !reason)
		return err_set(e, ERR_USAGE, "extend%s cần --to NGÀY và --reason \"LÝ DO\"",
		               mode == M_REQUEST ? " --request" : "");
	if (note)
		return err_set(e, ERR_USAGE, "--note chỉ dùng với --grant");
	uint64_t task, req = 0;
	if ((rc = cli_one_operand(argc, "extend", "mã nhiệm vụ", e)) ||
	    (rc = cli_task_id(argv[optind], &task, e)) || (rc = cli_store(c, 0, e)))
		return rc;
	rc = mode == M_REQUEST ? ops_extend_request(&c->ops, task, to, reason, &req, e)
	                       : ops_extend(&c->ops, task, to, reason, e);
	if (rc)
		return opt_field(rc, e);
	if (mode == M_REQUEST)
		fprintf(c->out, "Đã gửi đề nghị gia hạn #%llu: nhiệm vụ #%llu đến %s, chờ văn phòng "
		        "theo dõi quyết định.\n", (unsigned long long)req, (unsigned long long)task,
		        date_vn(to, d));
	else
		fprintf(c->out, "Đã gia hạn nhiệm vụ #%llu đến %s.\n", (unsigned long long)task,
		        date_vn(to, d));
	return 0;
}
