/* perm.c — the permission table (role × action × relation) and the
 * relations of tasks to units, read from the store. */
#include <string.h>

#include "perm.h"
#include "store.h"
#include "util.h"

/* The rules that refuse, in the order of enum rule_id. */
enum rule_id { R_ADMIN, R_VIEWER, R_UNMAPPED_READ, R_UNMAPPED_NONE, R_SUBTREE, R_PARTNER,
               R_EXTEND, R_MONITOR, R_EXPORT, R_EXTEND_ADMINS, R_COUNT };

static const struct perm_rule rules[R_COUNT] = {
	[R_ADMIN] = {"admin-only", "chỉ vai trò quản trị (admin) được làm việc này"},
	[R_VIEWER] = {"viewer-read", "vai trò chỉ xem (viewer) chỉ được xem, không được ghi"},
	[R_UNMAPPED_READ] = {"unmapped-read",
	                     "tài khoản chưa đăng ký trong [users] của theodoi.ini chỉ được xem"},
	[R_UNMAPPED_NONE] = {"unmapped-none",
	                     "tài khoản chưa đăng ký trong [users] của theodoi.ini và cấu hình "
	                     "không cho xem ([access] unmapped = none); hãy nhờ quản trị thêm "
	                     "tài khoản vào [users]"},
	[R_SUBTREE] = {"editor-subtree",
	               "vai trò cập nhật (editor) chỉ được ghi cho nhiệm vụ do đơn vị mình hoặc "
	               "đơn vị cấp dưới chủ trì (và ghi chú cho nhiệm vụ đơn vị mình phối hợp)"},
	[R_PARTNER] = {"editor-partner",
	               "đơn vị phối hợp chỉ được ghi chú cập nhật; tiến độ, trạng thái và gia hạn "
	               "thuộc đơn vị chủ trì"},
	[R_EXTEND] = {"extend-monitors",
	              "chỉ văn phòng theo dõi khối đơn vị chủ trì ([access] monitors) hoặc quản "
	              "trị được gia hạn ([access] extend = monitors); đơn vị chủ trì gửi đề nghị "
	              "gia hạn: theodoi extend --request"},
	[R_MONITOR] = {"monitor-only",
	               "chỉ văn phòng theo dõi khối đơn vị chủ trì ([access] monitors) hoặc "
	               "quản trị được xác nhận hay trả lại kết quả hoàn thành"},
	[R_EXPORT] = {"export-editors",
	              "chỉ vai trò cập nhật (editor) và quản trị (admin) được sao lưu hay xuất "
	              "toàn bộ kho"},
	[R_EXTEND_ADMINS] = {"extend-admins",
	                     "cấu hình chỉ cho quản trị gia hạn ([access] extend = admins); đơn "
	                     "vị chủ trì gửi đề nghị gia hạn: theodoi extend --request"},
};

/* The table: for each role and action, one cell per relation (own,
 * subtree, partner, elsewhere):
 *   y  allowed
 *   x  granting an extension, by [access] extend (see extend_cell())
 *   m  allowed when the actor's unit is the monitoring office, else R_MONITOR
 *   u  R_UNMAPPED_READ, or R_UNMAPPED_NONE when unmapped logins may not read
 *   r  allowed when unmapped logins may read, else R_UNMAPPED_NONE
 *   a v s p  R_ADMIN, R_VIEWER, R_SUBTREE, R_PARTNER
 *   c  R_EXPORT
 *   e  allowed with [access] editors_edit = yes, else R_ADMIN */
static const char *const grid[ROLE_ADMIN + 1][PA_COUNT] = {
	[ROLE_NONE] = {
		[PA_READ] = "rrrr", [PA_NOTE] = "uuuu", [PA_PROGRESS] = "uuuu",
		[PA_STATUS] = "uuuu", [PA_EXTEND] = "uuuu", [PA_EXTEND_REQUEST] = "uuuu",
		[PA_CONFIRM] = "uuuu",
		[PA_MEASURE] = "uuuu", [PA_ADD_DOC] = "uuuu", [PA_ADD_TASK] = "uuuu",
		[PA_EDIT] = "uuuu", [PA_DELETE] = "uuuu", [PA_IMPORT] = "uuuu",
		[PA_HIERARCHY] = "uuuu", [PA_MAINTAIN] = "uuuu",
		[PA_EXPORT] = "uuuu",
	},
	[ROLE_VIEWER] = {
		[PA_READ] = "yyyy", [PA_NOTE] = "vvvv", [PA_PROGRESS] = "vvvv",
		[PA_STATUS] = "vvvv", [PA_EXTEND] = "vvvv", [PA_EXTEND_REQUEST] = "vvvv",
		[PA_CONFIRM] = "vvvv",
		[PA_MEASURE] = "vvvv", [PA_ADD_DOC] = "vvvv", [PA_ADD_TASK] = "vvvv",
		[PA_EDIT] = "vvvv", [PA_DELETE] = "vvvv", [PA_IMPORT] = "vvvv",
		[PA_HIERARCHY] = "vvvv", [PA_MAINTAIN] = "vvvv",
		[PA_EXPORT] = "cccc",
	},
	[ROLE_EDITOR] = {
		[PA_READ] = "yyyy", [PA_NOTE] = "yyys", [PA_PROGRESS] = "yyps",
		[PA_STATUS] = "yyps", [PA_EXTEND] = "xxxx", [PA_EXTEND_REQUEST] = "yyps",
		[PA_CONFIRM] = "mmmm",
		[PA_MEASURE] = "yyss", [PA_ADD_DOC] = "aaaa", [PA_ADD_TASK] = "aaaa",
		[PA_EDIT] = "eeaa", [PA_DELETE] = "aaaa", [PA_IMPORT] = "aaaa",
		[PA_HIERARCHY] = "aaaa", [PA_MAINTAIN] = "aaaa",
		[PA_EXPORT] = "yyyy",
	},
	[ROLE_ADMIN] = {
		[PA_READ] = "yyyy", [PA_NOTE] = "yyyy", [PA_PROGRESS] = "yyyy",
		[PA_STATUS] = "yyyy", [PA_EXTEND] = "yyyy", [PA_EXTEND_REQUEST] = "yyyy",
		[PA_CONFIRM] = "yyyy",
		[PA_MEASURE] = "yyyy", [PA_ADD_DOC] = "yyyy", [PA_ADD_TASK] = "yyyy",
		[PA_EDIT] = "yyyy", [PA_DELETE] = "yyyy", [PA_IMPORT] = "yyyy",
		[PA_HIERARCHY] = "yyyy", [PA_MAINTAIN] = "yyyy",
		[PA_EXPORT] = "yyyy",
	},
};

static const struct {
	const char *key, *label;
} actions[PA_COUNT] = {
	[PA_READ] = {"read", "xem"},
	[PA_NOTE] = {"note", "ghi cập nhật"},
	[PA_PROGRESS] = {"progress", "ghi tiến độ"},
	[PA_STATUS] = {"status", "đổi trạng thái"},
	[PA_EXTEND] = {"extend", "gia hạn"},
	[PA_EXTEND_REQUEST] = {"extend-request", "đề nghị gia hạn"},
	[PA_CONFIRM] = {"confirm", "xác nhận hoặc trả lại"},
	[PA_MEASURE] = {"measure", "ghi số liệu chỉ tiêu"},
	[PA_ADD_DOC] = {"add-doc", "thêm văn bản"},
	[PA_ADD_TASK] = {"add-task", "thêm nhiệm vụ"},
	[PA_EDIT] = {"edit", "sửa"},
	[PA_DELETE] = {"delete", "xóa"},
	[PA_IMPORT] = {"import", "nhập văn bản"},
	[PA_HIERARCHY] = {"hierarchy", "thay đổi cây đơn vị"},
	[PA_MAINTAIN] = {"maintain", "bảo trì kho (phục hồi, nhập JSON, sửa chỉ mục)"},
	[PA_EXPORT] = {"export", "sao lưu, xuất toàn bộ kho"},
};

static const char *const rel_keys[PR_COUNT] = {"own", "subtree", "partner", "elsewhere"};

struct perm_opts perm_opts_of(const struct config *cfg)
{
	struct perm_opts o = {1, CFG_EXTEND_MONITORS, 0};
	if (cfg) {
		o.unmapped_can_read = cfg->unmapped_can_read;
		o.extend = cfg->extend;
		o.editors_edit = cfg->editors_edit;
	}
	return o;
}

/* An editor granting an extension: the monitoring office unless only
 * admins grant; with extend = editors also the lead unit and those above
 * it, refused elsewhere as other writes are. */
static const struct perm_rule *extend_cell(enum perm_rel rel, int monitor,
                                           const struct perm_opts *o)
{
	if (o->extend == CFG_EXTEND_ADMINS)
		return &rules[R_EXTEND_ADMINS];
	if (monitor)
		return NULL;
	if (o->extend != CFG_EXTEND_EDITORS)
		return &rules[R_EXTEND];
	if (rel == PR_OWN || rel == PR_SUBTREE)
		return NULL;
	return &rules[rel == PR_PARTNER ? R_PARTNER : R_SUBTREE];
}

const struct perm_rule *perm_check(enum role role, enum perm_action a, enum perm_rel rel,
                                   int monitor, const struct perm_opts *o)
{
	struct perm_opts dflt = perm_opts_of(NULL);
	if (!o)
		o = &dflt;
	if ((int)role < 0 || role > ROLE_ADMIN || (int)a < 0 || a >= PA_COUNT || (int)rel < 0 ||
	    rel >= PR_COUNT)
		return &rules[R_ADMIN];
	switch (grid[role][a][rel]) {
	case 'y': return NULL;
	case 'x': return extend_cell(rel, monitor, o);
	case 'm': return monitor ? NULL : &rules[R_MONITOR];
	case 'r': return o->unmapped_can_read ? NULL : &rules[R_UNMAPPED_NONE];
	case 'u': return &rules[o->unmapped_can_read ? R_UNMAPPED_READ : R_UNMAPPED_NONE];
	case 'v': return &rules[R_VIEWER];
	case 's': return &rules[R_SUBTREE];
	case 'p': return &rules[R_PARTNER];
	case 'c': return &rules[R_EXPORT];
	case 'e': return o->editors_edit ? NULL : &rules[R_ADMIN];
	default: return &rules[R_ADMIN];
	}
}

const struct perm_rule *perm_check_any(enum role role, enum perm_action a,
                                       const struct perm_opts *o)
{
	for (int rel = 0; rel < PR_COUNT; rel++)
		if (!perm_check(role, a, (enum perm_rel)rel, 1, o))
			return NULL;
	/* refused even on the actor's own unit's objects: that rule says why */
	return perm_check(role, a, PR_OWN, 1, o);
}

int perm_deny(const struct perm_rule *r, enum perm_action a, const char *object,
              struct err *e)
{
	if (!r)
		r = &rules[R_ADMIN];
	return err_set(e, ERR_DENIED, "không có quyền %s%s%s (quy tắc %s): %s",
	               perm_action_label(a), object && *object ? " " : "", object ? object : "",
	               r->key, r->text);
}

const char *perm_action_key(enum perm_action a)
{
	return (int)a >= 0 && a < PA_COUNT ? actions[a].key : "";
}

const char *perm_action_label(enum perm_action a)
{
	return (int)a >= 0 && a < PA_COUNT ? actions[a].label : "";
}

const char *perm_rel_key(enum perm_rel r)
{
	return (int)r >= 0 && r < PR_COUNT ? rel_keys[r] : "";
}

const struct perm_rule *perm_rules(int *n)
{
	*n = R_COUNT;
	return rules;
}

/* ---- relations ----------------------------------------------------------- */

int perm_in_subtree(struct txn *t, uint32_t unit, uint32_t root)
{
	if (!root)
		return 0;
	for (int depth = 0; unit && depth < 64; depth++) {
		if (unit == root)
			return 1;
		struct unit un = {0};
		if (store_unit_get(t, unit, &un, NULL))
			return 0;
		unit = un.parent;
		unit_free(&un);
	}
	return 0;
}

int perm_rel_of(struct txn *t, uint32_t unit, uint32_t lead, const uint32_t *partners,
                int npartners, enum perm_rel *out, struct err *e)
{
	(void)e;
	*out = PR_ELSEWHERE;
	if (!unit)
		return 0;
	if (lead && lead == unit) {
		*out = PR_OWN;
		return 0;
	}
	if (lead && perm_in_subtree(t, lead, unit)) {
		*out = PR_SUBTREE;
		return 0;
	}
	for (int i = 0; i < npartners; i++)
		if (partners[i] == unit) {
			*out = PR_PARTNER;
			return 0;
		}
	return 0;
}

int perm_task_rel(struct txn *t, uint32_t unit, const struct task *task, enum perm_rel *out,
                  struct err *e)
{
	return perm_rel_of(t, unit, task->lead, task->partners, task->npartners, out, e);
}

/* The office named for the monitored root `code`, or NULL. */
static const char *office_of_root(const struct config *cfg, const char *code)
{
	for (int i = 0; i < cfg->nmonitors; i++)
		if (!strcmp(cfg->monitors[i].root, code))
			return cfg->monitors[i].office;
	return NULL;
}

int perm_monitor_office(struct txn *t, const struct config *cfg, uint32_t lead,
                        uint32_t *office, struct err *e)
{
	*office = 0;
	if (!cfg || !cfg->nmonitors)
		return 0;
	for (int depth = 0; lead && depth < 64; depth++) {
		struct unit un = {0};
		struct err le;
		err_clear(&le);
		int rc = store_unit_get(t, lead, &un, &le);
		if (rc == ERR_NOTFOUND)
			return 0; /* a broken chain: no office above */
		if (rc) {
			if (e)
				*e = le;
			return rc;
		}
		const char *code = office_of_root(cfg, un.code);
		lead = un.parent;
		unit_free(&un);
		if (!code)
			continue;
		struct unit off = {0};
		rc = store_unit_by_code(t, code, &off, NULL);
		if (rc == 0)
			*office = off.id;
		unit_free(&off);
		if (rc == 0)
			return 0;
	}
	return 0;
}
