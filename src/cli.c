/* cli.c — what every command shares: the store, the hierarchy, parsing of
 * units, task ids and formats. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli-admin.h"
#include "cli-edit.h"
#include "cli-init.h"
#include "cli-link.h"
#include "cli-report.h"
#include "hier.h"
#include "import.h"
#include "period.h"
#include "perm.h"
#include "store.h"
#include "util.h"

int cli_store(struct cli *c, int create, struct err *e)
{
	if (c->ops.st)
		return 0;
	struct store *st = NULL;
	int rc = store_open(c->store_dir, (create ? STORE_CREATE : 0) | (int)c->store_flags, &st, e);
	if (rc && !create && cli_store_missing(c))
		return cli_store_missing_err(c, (c->store_flags & STORE_SHARED) != 0, e);
	if (rc)
		return rc;
	c->ops.cfg = &c->cfg;
	c->ops.st = st;
	/* A store of the previous release is migrated before anything
	 * writes to it (period.h). */
	if ((rc = per_migrate(st, &c->cfg.periods, NULL, e)))
		goto fail;
	/* Identify first (the sync is audited under the login); only a sync
	 * that changed units can change the user's unit id: then again. */
	int changed = 0;
	if ((rc = ops_identify(&c->ops, e)) || (rc = cli_check_role(c, e)) ||
	    (rc = hier_sync(st, &c->cfg, c->ops.who.login, &changed, e)) ||
	    (changed && (rc = ops_identify(&c->ops, e))))
		goto fail;
	return 0;
fail:
	c->ops.st = NULL;
	store_close(st);
	return rc;
}

int cli_check_role(struct cli *c, struct err *e)
{
	const char *name = c->cmd ? c->cmd->name : "(màn hình)";
	int need = c->cmd ? c->cmd->perm : CLI_NEEDS(PA_READ);
	if (need == CLI_NEEDS_NOTHING && c->cmd && (c->cmd->flags & CLI_NO_CONFIG))
		return 0;
	if (need < CLI_NEEDS(0) || need > CLI_NEEDS(PA_COUNT - 1))
		return err_set(e, ERR_DENIED, "lệnh %s chưa có quy tắc phân quyền: không chạy", name);
	enum perm_action a = (enum perm_action)(need - 1);
	struct perm_opts o = perm_opts_of(c->ops.cfg);
	const struct perm_rule *r = perm_check_any(c->ops.who.role, a, &o);
	if (!r)
		return 0;
	struct err pe;
	err_clear(&pe);
	perm_deny(r, a, NULL, &pe);
	return err_set(e, ERR_DENIED, "lệnh %s: %s (tài khoản %s, vai trò %s)", name, pe.msg,
	               c->ops.who.login, role_label(c->ops.who.role));
}

/* Edit distance of two short ASCII strings (option names). */
static int distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	int row[64];
	if (la >= 63 || lb >= 63)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int diag = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int up = row[j], best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[lb];
}

/* The text of `theodoi CMD --help` (malloc'd), or NULL. */
static char *help_of(struct cli *c, const struct cli_cmd *cmd)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len), *out = c->out;
	char *av[] = {(char *)cmd->name, (char *)"--help", NULL};
	struct err e2;
	if (!f)
		return NULL;
	err_clear(&e2);
	c->out = f;
	optind = 0;
	cmd->fn(c, 2, av, &e2);
	c->out = out;
	fclose(f);
	return buf;
}

/* A command refused an option (getopt's '?'): say which, in Vietnamese,
 * and the documented option nearest to it ("--unti": "--unit"). */
static void explain_bad_option(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv,
                               struct err *e)
{
	const char *bad = optind > 1 && optind <= argc ? argv[optind - 1] : NULL;
	char name[64], best[64] = "", *help;
	int bestd = 99, exact = 0;
	if (!bad || bad[0] != '-')
		return;
	if (bad[1] != '-') {
		err_set(e, ERR_USAGE, "lệnh %s không có tùy chọn -%c (xem theodoi %s --help)",
		        cmd->name, optopt ? optopt : '?', cmd->name);
		return;
	}
	size_t n = strcspn(bad, "=");
	if (n >= sizeof name)
		n = sizeof name - 1;
	memcpy(name, bad, n);
	name[n] = '\0';
	help = help_of(c, cmd);
	for (const char *p = help; p && (p = strstr(p, "--")) != NULL;) {
		char opt[64];
		size_t k = 2 + strspn(p + 2, "abcdefghijklmnopqrstuvwxyz0123456789-");
		if (k > 2 && k < sizeof opt) {
			memcpy(opt, p, k);
			opt[k] = '\0';
			int d = distance(name, opt);
			if (d == 0)
				exact = 1;
			else if (d < bestd) {
				bestd = d;
				str_copy(best, opt, sizeof best);
			}
		}
		p += k;
	}
	free(help);
	if (exact)
		err_set(e, ERR_USAGE, "tùy chọn %s của lệnh %s cần một giá trị (xem theodoi %s --help)",
		        name, cmd->name, cmd->name);
	else if (best[0] && bestd <= 2 + (int)strlen(name) / 6)
		err_set(e, ERR_USAGE, "lệnh %s không có tùy chọn %s; có phải %s? (xem theodoi %s --help)",
		        cmd->name, name, best, cmd->name);
	else
		err_set(e, ERR_USAGE, "lệnh %s không có tùy chọn %s (xem theodoi %s --help)", cmd->name,
		        name, cmd->name);
	str_copy(e->field, name, sizeof e->field);
}

const char *cli_nearest_cmd(const char *name)
{
	const char *best = NULL;
	int bestd = 99;
	for (const struct cli_cmd *k = cli_commands; k->name; k++) {
		int d = distance(name, k->name);
		if (d < bestd) {
			bestd = d;
			best = k->name;
		}
	}
	return best && bestd <= 1 + (int)strlen(name) / 4 ? best : NULL;
}

int cli_run(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv, struct err *e)
{
	c->cmd = cmd;
	optind = 0;
	opterr = 0; /* getopt's own messages are English: explain_bad_option says it */
	int rc = cmd->fn(c, argc, argv, e);
	if (rc == ERR_USAGE && !strncmp(e->msg, "tùy chọn không hợp lệ cho lệnh", 32)) {
		int at = optind;
		explain_bad_option(c, cmd, argc, argv, e);
		optind = at;
	}
	return rc;
}

int cli_hier(struct cli *c, const struct hier **out, struct err *e)
{
	if (!c->hier) {
		struct txn *t;
		int rc = store_read_begin(c->ops.st, &t, e);
		if (rc)
			return rc;
		rc = hier_load(t, &c->hier, e);
		store_read_end(t);
		if (rc)
			return rc;
	}
	*out = c->hier;
	return 0;
}

int cli_format(const char *s)
{
	if (!strcmp(s, "text"))
		return FMT_TEXT;
	if (!strcmp(s, "csv"))
		return FMT_CSV;
	if (!strcmp(s, "json"))
		return FMT_JSON;
	return -1;
}

/* The message for a name that matches no unit, or several. */
static int unit_not_found(const struct hier *h, const char *name, struct err *e)
{
	size_t cand[8];
	size_t n = hier_resolve_all(h, name, cand, 8);
	if (n < 2)
		return err_set(e, ERR_NOTFOUND, "không tìm thấy đơn vị '%s' (xem: theodoi units)", name);
	struct sbuf b = {0};
	for (size_t i = 0; i < n && i < 8; i++)
		sbuf_printf(&b, "%s%s (%s)", i ? ", " : "", hier_at(h, cand[i])->name, hier_at(h, cand[i])->code);
	err_set(e, ERR_INPUT, "tên đơn vị '%s' không rõ, có thể là: %s%s; hãy dùng mã đơn vị", name, b.s,
	        n > 8 ? ", ..." : "");
	sbuf_free(&b);
	return ERR_INPUT;
}

int cli_partners(struct cli *c, const char *list, uint32_t near, uint32_t **ids,
                          int *n, char **text, struct err *e)
{
	char *copy = xstrdup(list), *save = NULL;
	struct sbuf b = {0};
	int rc = 0;
	*ids = NULL;
	*n = 0;
	for (char *tok = strtok_r(copy, ",;", &save); tok && !rc; tok = strtok_r(NULL, ",;", &save)) {
		while (*tok == ' ')
			tok++;
		size_t len = strlen(tok);
		while (len && tok[len - 1] == ' ')
			tok[--len] = '\0';
		if (!*tok)
			continue;
		uint32_t id;
		if ((rc = cli_unit_near(c, tok, near, &id, e)))
			break;
		*ids = xrealloc(*ids, (size_t)(*n + 1) * sizeof **ids);
		(*ids)[(*n)++] = id;
		sbuf_printf(&b, "%s%s", b.len ? "; " : "", tok);
	}
	free(copy);
	*text = b.len ? sbuf_detach(&b) : NULL;
	sbuf_free(&b);
	return rc;
}

int cli_unit_near(struct cli *c, const char *name, uint32_t near, uint32_t *id, struct err *e)
{
	/* A code is looked up directly, without loading the whole hierarchy. */
	struct txn *t;
	int rc = store_read_begin(c->ops.st, &t, e);
	if (rc)
		return rc;
	struct unit u = {0};
	rc = store_unit_by_code(t, name, &u, NULL);
	store_read_end(t);
	*id = u.id;
	unit_free(&u);
	if (rc == 0)
		return 0;
	const struct hier *h;
	if ((rc = cli_hier(c, &h, e)))
		return rc;
	size_t i = hier_resolve(h, name);
	if (i != (size_t)-1) {
		*id = hier_at(h, i)->id;
		return 0;
	}
	if (near && (*id = imp_resolve_unit(h, name, near)) != 0)
		return 0;
	return unit_not_found(h, name, e);
}

int cli_unit(struct cli *c, const char *name, uint32_t *id, struct err *e)
{
	return cli_unit_near(c, name, 0, id, e);
}

int cli_task_id(const char *s, uint64_t *id, struct err *e)
{
	long v;
	if (s && *s == '#')
		s++;
	if (!s || str_to_long(s, 1, 0x7fffffffL, &v))
		return err_set(e, ERR_INPUT, "mã nhiệm vụ không hợp lệ: '%s'", s ? s : "");
	*id = (uint64_t)v;
	return 0;
}

int cli_doc(struct cli *c, const char *s, uint64_t *id, struct err *e)
{
	long v;
	const char *p = *s == '#' ? s + 1 : s;
	struct txn *t;
	int rc = store_read_begin(c->ops.st, &t, e);
	if (rc)
		return rc;
	if (str_to_long(p, 1, 0x7fffffffL, &v) == 0) {
		struct doc d = {0};
		rc = store_doc_get(t, (uint64_t)v, &d, e);
		store_read_end(t);
		doc_free(&d);
		if (rc == ERR_NOTFOUND)
			return err_set(e, ERR_NOTFOUND, "không tìm thấy văn bản #%ld (xem: theodoi docs)", v);
		*id = (uint64_t)v;
		return rc;
	}
	uint64_t *ids = NULL;
	int n = 0;
	rc = store_docs_by_number(t, s, &ids, &n, e);
	store_read_end(t);
	if (rc)
		return rc;
	if (n == 1)
		*id = ids[0];
	else if (n == 0)
		rc = err_set(e, ERR_NOTFOUND, "không tìm thấy văn bản số '%s' (xem: theodoi docs)", s);
	else
		rc = err_set(e, ERR_INPUT,
		             "có %d văn bản cùng số '%s' (số văn bản bắt đầu lại mỗi nhiệm kỳ): "
		             "dùng mã văn bản, ví dụ #%llu (xem: theodoi docs)",
		             n, s, (unsigned long long)ids[0]);
	free(ids);
	return rc;
}

int cli_bad_option(const char *cmd, struct err *e)
{
	return err_set(e, ERR_USAGE, "tùy chọn không hợp lệ cho lệnh %s (xem theodoi %s --help)",
	               cmd, cmd);
}

int cli_parse_format(const char *value, int *fmt, struct err *e)
{
	int f = cli_format(value);
	if (f < 0) {
		if (e)
			str_copy(e->field, "--format", sizeof e->field);
		return err_set(e, ERR_USAGE, "định dạng không hợp lệ: '%s' (text, csv hoặc json)", value);
	}
	*fmt = f;
	return 0;
}

int cli_parse_count(const char *value, const char *opt, long max, long *out, struct err *e)
{
	if (str_to_long(value, 0, max, out)) {
		if (e)
			str_copy(e->field, opt, sizeof e->field);
		return err_set(e, ERR_USAGE, "giá trị không hợp lệ cho %s: '%s' (số nguyên 0..%ld)", opt,
		               value, max);
	}
	return 0;
}

int cli_one_operand(int argc, const char *cmd, const char *what, struct err *e)
{
	if (optind != argc - 1)
		return err_set(e, ERR_USAGE, "lệnh %s cần đúng một %s (xem theodoi %s --help)", cmd, what,
		               cmd);
	return 0;
}

const struct cli_cmd cli_commands[] = {
	{"units", cmd_units, "units", "cây đơn vị với số nhiệm vụ quá hạn / tổng số", 0, CLI_NEEDS(PA_READ)},
	{"docs", cmd_docs, "docs [--unit U]", "các văn bản (kế hoạch, chương trình)", 0, CLI_NEEDS(PA_READ)},
	{"tasks", cmd_tasks, "tasks [--unit U [--subtree]] [--doc D]", "các nhiệm vụ theo đơn vị, văn bản", 0, CLI_NEEDS(PA_READ)},
	{"show", cmd_show, "show TASK", "chi tiết một nhiệm vụ và các lần cập nhật", 0, CLI_NEEDS(PA_READ)},
	{"overdue", cmd_overdue, "overdue [--unit U] [--subtree] [--count]", "nhiệm vụ quá hạn", CLI_LEAN_CONFIG, CLI_NEEDS(PA_READ)},
	{"due", cmd_due, "due [--within DAYS]", "nhiệm vụ sắp đến hạn", CLI_LEAN_CONFIG, CLI_NEEDS(PA_READ)},
	{"overview", cmd_overview, "overview", "tổng quan cho đơn vị của người dùng", 0, CLI_NEEDS(PA_READ)},
	{"update", cmd_update, "update TASK [--status S] [--progress N] [--note TEXT] [--done-on D]",
	 "ghi nhận tiến độ một nhiệm vụ", CLI_LEAN_CONFIG, CLI_NEEDS(PA_NOTE)},
	{"extend", cmd_extend,
	 "extend TASK --to DATE --reason TEXT | --request TASK ... | --grant ID | --refuse ID | --pending",
	 "gia hạn; đề nghị gia hạn và quyết định đề nghị", 0, CLI_NEEDS(PA_EXTEND_REQUEST)},
	{"add-doc", cmd_add_doc, "add-doc --title T [--number N] ...", "thêm văn bản", 0, CLI_NEEDS(PA_ADD_DOC)},
	{"add-task", cmd_add_task, "add-task --doc D --text T ...", "thêm nhiệm vụ vào văn bản", 0, CLI_NEEDS(PA_ADD_TASK)},
	{"edit-doc", cmd_edit_doc, "edit-doc DOC [--number N] [--date D] [--issuer U] ...", "sửa văn bản (số, ngày, cơ quan ban hành...)", 0, CLI_NEEDS(PA_EDIT)},
	{"edit-task", cmd_edit_task, "edit-task TASK [--text T] [--lead U] [--deadline P] ...", "sửa nhiệm vụ (nội dung, chủ trì, phối hợp, thời hạn)", 0, CLI_NEEDS(PA_EDIT)},
	{"move-task", cmd_move_task, "move-task TASK --doc D", "chuyển nhiệm vụ sang văn bản khác", 0, CLI_NEEDS(PA_EDIT)},
	{"expand-task", cmd_expand_task, "expand-task TASK", "tách nhiệm vụ chung thành nghĩa vụ của từng đơn vị", 0, CLI_NEEDS(PA_ADD_TASK)},
	{"delete-doc", cmd_delete_doc, "delete-doc DOC --reason R [--force]", "xóa văn bản nhập nhầm (giữ lại, khôi phục được)", 0, CLI_NEEDS(PA_DELETE)},
	{"delete-task", cmd_delete_task, "delete-task TASK --reason R [--force]", "xóa nhiệm vụ nhập nhầm (giữ lại, khôi phục được)", 0, CLI_NEEDS(PA_DELETE)},
	{"deleted", cmd_deleted, "deleted [--format F]", "văn bản, nhiệm vụ đã xóa: ai xóa, khi nào, vì sao", 0, CLI_NEEDS(PA_READ)},
	{"restore-doc", cmd_restore_doc, "restore-doc DOC", "khôi phục văn bản đã xóa", 0, CLI_NEEDS(PA_DELETE)},
	{"restore-task", cmd_restore_task, "restore-task TASK", "khôi phục nhiệm vụ đã xóa", 0, CLI_NEEDS(PA_DELETE)},
	{"unresolved", cmd_unresolved, "unresolved [--format F]", "tên đơn vị chủ trì, cơ quan ban hành chưa gắn với đơn vị", 0, CLI_NEEDS(PA_READ)},
	{"link", cmd_link, "link NAME UNIT", "gắn một tên như văn bản ghi với đơn vị, nhớ cho lần nhập sau", 0, CLI_NEEDS(PA_HIERARCHY)},
	{"import", cmd_import, "import FILE... [--dry-run] [--replace [--doc D] [--force]] [--encoding E]", "nhập kế hoạch từ tệp Word, OpenDocument, PDF hoặc văn bản", 0, CLI_NEEDS(PA_IMPORT)},
	{"summary", cmd_summary, "summary [--unit U] [--doc D] [--quick]",
	 "tổng hợp: đến hạn, hoàn thành, quá hạn, tỷ lệ hoàn thành", 0, CLI_NEEDS(PA_READ)},
	{"cascade", cmd_cascade, "cascade DOC [--depth N]", "cấp ủy trực thuộc đã / chưa ban hành kế hoạch thực hiện", 0, CLI_NEEDS(PA_READ)},
	{"lint", cmd_lint, "lint [DOC] [--unit U] [--rule R]", "nhiệm vụ chưa rõ người, rõ thời hạn, rõ tiến độ", 0, CLI_NEEDS(PA_READ)},
	{"report", cmd_report, "report [--unit U] [--doc D] [--period P] [--format F]",
	 "báo cáo kết quả thực hiện (md, txt, csv, json; docx, odt, pdf)", 0, CLI_NEEDS(PA_READ)},
	{"remind", cmd_remind, "remind [--unit U] [--days N] [--out DIR] [--format F] [--issue] [--mail]", "thư đôn đốc đơn vị có nhiệm vụ quá hạn, sắp đến hạn", 0, CLI_NEEDS(PA_READ)},
	{"report-text", cmd_report_text, "report-text --unit U --period P --section S [--file F]",
	 "phần đánh giá, phương hướng, kiến nghị của báo cáo do cán bộ viết", 0, CLI_NEEDS(PA_NOTE)},
	{"register", cmd_register, "register [--unit U] [--year Y]", "sổ văn bản đi: báo cáo, công văn đã ban hành", 0, CLI_NEEDS(PA_READ)},
	{"measure", cmd_measure, "measure IND VALUE [--date D] [--note TEXT]", "ghi số liệu một chỉ tiêu", 0, CLI_NEEDS(PA_MEASURE)},
	{"indicators", cmd_indicators, "indicators [IND] [--doc D] [--unit U]", "các chỉ tiêu và đánh giá", 0, CLI_NEEDS(PA_READ)},
	{"check-store", cmd_check_store, "check-store [--repair]", "kiểm tra tính toàn vẹn của kho", 0, CLI_NEEDS(PA_READ)},
	{"confirm", cmd_confirm, "confirm TASK [--note TEXT] | confirm --list [--all]",
	 "xác nhận kết quả hoàn thành đơn vị báo cáo", 0, CLI_NEEDS(PA_CONFIRM)},
	{"return", cmd_return, "return TASK --reason TEXT", "trả lại kết quả hoàn thành, yêu cầu thực hiện lại", 0, CLI_NEEDS(PA_CONFIRM)},
	{"log", cmd_log, "log [--task T] [--user U] [--since DATE] [--format text|csv|json]",
	 "nhật ký mọi thay đổi: ai, khi nào, trước → sau", 0, CLI_NEEDS(PA_READ)},
	{"backup", cmd_backup, "backup FILE [--force]", "sao lưu kho trong khi mọi người vẫn làm việc", 0, CLI_NEEDS(PA_EXPORT)},
	{"restore", cmd_restore, "restore FILE [--force]", "phục hồi kho từ bản sao lưu", 0, CLI_NEEDS(PA_MAINTAIN)},
	{"export", cmd_export, "export --format json [--out FILE]", "xuất toàn bộ kho thành JSON", 0, CLI_NEEDS(PA_EXPORT)},
	{"import-json", cmd_import_json, "import-json FILE", "nhập bản xuất JSON vào một kho mới", 0, CLI_NEEDS(PA_MAINTAIN)},
	{"init", cmd_init, "init", "tạo kho dữ liệu trống cho cơ quan (quản trị, root)", 0, CLI_NEEDS(PA_MAINTAIN)},
	{"demo", cmd_demo, "demo", "tạo kho dữ liệu minh họa", 0, CLI_NEEDS(PA_MAINTAIN)},
	{"gen", cmd_gen, "gen --tasks N [--seed S] [--units U] DIR",
	 "tạo bộ dữ liệu tổng hợp cỡ lớn để đo hiệu năng", CLI_NO_CONFIG, CLI_NEEDS_NOTHING},
	{NULL, NULL, NULL, NULL, 0, 0},
};
