/* config.c — finding and loading theodoi.ini: store, paths, tracking,
 * access and users; roles; the stamp of units.ini.
 *
 * Every key of theodoi.ini is one row of a table (section, key, parser);
 * the loader walks the file's sections and keys in file order, so the
 * first fault in the file is the one reported, with its line.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <iniparser.h>

#include "config-internal.h"
#include "mail.h"
#include "priv.h"
#include "text.h"
#include "syserr.h"
#include "util.h"

/* ---- roles ----------------------------------------------------------- */

static const struct {
	const char *key, *label;
} roles[] = {
	[ROLE_NONE] = { "none", "chưa đăng ký" },
	[ROLE_VIEWER] = { "viewer", "chỉ xem" },
	[ROLE_EDITOR] = { "editor", "cập nhật" },
	[ROLE_ADMIN] = { "admin", "quản trị" },
};
#define NROLES ((int)(sizeof roles / sizeof roles[0]))

const char *role_key(enum role r)
{
	return (int)r >= 0 && (int)r < NROLES ? roles[r].key : "none";
}

const char *role_label(enum role r)
{
	return (int)r >= 0 && (int)r < NROLES ? roles[r].label : roles[ROLE_NONE].label;
}

int role_parse(const char *s)
{
	int i;

	if (!s)
		return -1;
	/* the keys first: most files write them, and they need no folding */
	for (i = 0; i < NROLES; i++)
		if (!strcasecmp(s, roles[i].key))
			return i;
	for (i = 0; i < NROLES; i++)
		if (txt_fold_eq(s, roles[i].label))
			return i;
	return -1;
}

/* ---- finding theodoi.ini --------------------------------------------- */

static int is_file(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* Copy a path named explicitly (--config, $THEODOI_CONFIG), which must exist. */
static int find_explicit(const char *path, const char *how, char *out, size_t len,
			 struct err *e)
{
	if (!is_file(path))
		return err_set(e, ERR_CONFIG, "không tìm thấy tệp cấu hình %s: %s", how, path);
	if (str_copy(out, path, len) >= len)
		return err_set(e, ERR_CONFIG, "đường dẫn tệp cấu hình quá dài: %s", path);
	return 0;
}

int cfg_find(const char *opt, char *out, size_t len, struct err *e)
{
	struct sbuf cand[4] = { {0}, {0}, {0}, {0} };
	struct sbuf tried = {0};
	const char *env = getenv("THEODOI_CONFIG");
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	int n = 0, i, rc = -1;

	if (opt && opt[0])
		return find_explicit(opt, "(--config)", out, len, e);
	if (env && env[0])
		return find_explicit(env, "($THEODOI_CONFIG)", out, len, e);

	/* The XDG base directory spec ignores a relative $XDG_CONFIG_HOME. */
	if (xdg && xdg[0] == '/')
		sbuf_printf(&cand[n++], "%s/theodoi/theodoi.ini", xdg);
	else if (home && home[0])
		sbuf_printf(&cand[n++], "%s/.config/theodoi/theodoi.ini", home);
	sbuf_puts(&cand[n++], priv_system_config());
	sbuf_puts(&cand[n++], "conf/theodoi.ini");

	for (i = 0; i < n && rc < 0; i++) {
		if (!is_file(cand[i].s))
			continue;
		if (str_copy(out, cand[i].s, len) >= len)
			rc = err_set(e, ERR_CONFIG, "đường dẫn tệp cấu hình quá dài: %s", cand[i].s);
		else
			rc = 0;
	}
	if (rc < 0) {
		for (i = 0; i < n; i++)
			sbuf_printf(&tried, "%s%s", i ? ", " : "", cand[i].s);
		rc = err_set(e, ERR_CONFIG,
			     "không tìm thấy tệp cấu hình theodoi.ini; đã tìm: %s "
			     "(chỉ định bằng --config hoặc biến THEODOI_CONFIG)", tried.s);
	}
	for (i = 0; i < n; i++)
		sbuf_free(&cand[i]);
	sbuf_free(&tried);
	return rc;
}

/* ---- paths ----------------------------------------------------------- */

/* Length of the directory part of path ("" -> 0, "a.ini" -> 0, "/a" -> 1). */
static size_t dir_len(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return 0;
	return slash == path ? 1 : (size_t)(slash - path);
}

/* rel resolved against the directory of the ini file at `ini`. */
static int resolve(const char *ini, const char *rel, char *out, size_t len)
{
	size_t d = dir_len(ini);
	int n;

	if (rel[0] == '/' || d == 0)
		n = snprintf(out, len, "%s", rel);
	else if (d == 1 && ini[0] == '/')
		n = snprintf(out, len, "/%s", rel);
	else
		n = snprintf(out, len, "%.*s/%s", (int)d, ini, rel);
	return n < 0 || (size_t)n >= len ? -1 : 0;
}

/* ---- the keys of theodoi.ini ----------------------------------------- */

/* A value parser: 0, or -1 with the reason in why (Vietnamese). */
typedef int (*key_fn)(struct config *c, const char *val, char *why, size_t n);

/* The store when [store] path is unset or empty: where the install made
 * room for it (LOCALSTATEDIR) for the system's configuration, next to any
 * other one. */
static void default_store(struct config *c)
{
	if (!strcmp(c->path, priv_system_config()))
		str_copy(c->store, priv_system_store(), sizeof c->store);
	else
		resolve(c->path, CFG_STORE_DEFAULT, c->store, sizeof c->store);
}

static int parse_store(struct config *c, const char *val, char *why, size_t n)
{
	if (!val[0]) {
		default_store(c);
		return 0;
	}
	if (resolve(c->path, val, c->store, sizeof c->store)) {
		snprintf(why, n, "đường dẫn kho dữ liệu quá dài");
		return -1;
	}
	return 0;
}

static int parse_units(struct config *c, const char *val, char *why, size_t n)
{
	if (!val[0]) {
		snprintf(why, n, "thiếu đường dẫn tệp đơn vị (units)");
		return -1;
	}
	if (resolve(c->path, val, c->units_path, sizeof c->units_path)) {
		snprintf(why, n, "đường dẫn tệp đơn vị quá dài");
		return -1;
	}
	return 0;
}

static int parse_months(struct config *c, const char *val, char *why, size_t n)
{
	unsigned short months = 0;
	const char *p = val;

	while (1) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		char *item = cfg_strip_dup(p, len);
		long m;

		if (str_to_long(item, 1, 12, &m)) {
			snprintf(why, n, "tháng báo cáo không hợp lệ: '%s' (cần các số từ 1 đến 12, "
				 "cách nhau bằng dấu phẩy)", item);
			free(item);
			return -1;
		}
		free(item);
		months |= (unsigned short)(1u << (m - 1));
		if (!comma)
			break;
		p = comma + 1;
	}
	c->periods.months = months;
	return 0;
}

static int parse_soon(struct config *c, const char *val, char *why, size_t n)
{
	long v;

	if (str_to_long(val, 0, 365, &v)) {
		snprintf(why, n, "số ngày không hợp lệ: '%s' (cần số nguyên từ 0 đến 365)", val);
		return -1;
	}
	c->soon_days = (int)v;
	return 0;
}

static int parse_unmapped(struct config *c, const char *val, char *why, size_t n)
{
	if (!strcasecmp(val, "read"))
		c->unmapped_can_read = 1;
	else if (!strcasecmp(val, "none"))
		c->unmapped_can_read = 0;
	else {
		snprintf(why, n, "giá trị không hợp lệ: '%s' (cần read hoặc none)", val);
		return -1;
	}
	return 0;
}

/* yes/no, also true/false, on/off, 1/0: never iniparser_getboolean, which
 * reads only the first character ("nope" would be no, "maybe" the default). */
static int parse_bool(const char *val, int *out, char *why, size_t n)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };
	size_t i;

	for (i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (!strcasecmp(val, yes[i])) {
			*out = 1;
			return 0;
		}
		if (!strcasecmp(val, no[i])) {
			*out = 0;
			return 0;
		}
	}
	snprintf(why, n, "giá trị không hợp lệ: '%s' (cần yes hoặc no)", val);
	return -1;
}

/* [access] extend: who grants extensions. */
static int parse_extend(struct config *c, const char *val, char *why, size_t n)
{
	static const char *const modes[] = { [CFG_EXTEND_MONITORS] = "monitors",
					     [CFG_EXTEND_EDITORS] = "editors",
					     [CFG_EXTEND_ADMINS] = "admins" };
	size_t i;

	for (i = 0; i < sizeof modes / sizeof modes[0]; i++)
		if (!strcasecmp(val, modes[i])) {
			c->extend = (int)i;
			c->extend_set = 1;
			return 0;
		}
	snprintf(why, n, "giá trị không hợp lệ: '%s' (cần monitors, editors hoặc admins)", val);
	return -1;
}

/* The old [access] editors_extend = yes | no: editors | admins, unless
 * [access] extend says otherwise (it wins, wherever it stands). */
static int parse_editors_extend(struct config *c, const char *val, char *why, size_t n)
{
	int yes;

	if (parse_bool(val, &yes, why, n))
		return -1;
	if (!c->extend_set)
		c->extend = yes ? CFG_EXTEND_EDITORS : CFG_EXTEND_ADMINS;
	return 0;
}

static int parse_confirm(struct config *c, const char *val, char *why, size_t n)
{
	return parse_bool(val, &c->confirm_done, why, n);
}

static int parse_editors_edit(struct config *c, const char *val, char *why, size_t n)
{
	return parse_bool(val, &c->editors_edit, why, n);
}

/* "office:root, office:root": which office confirms completions reported
 * in which subtree.  Codes are checked against units.ini later
 * (cfg_load_units); here only their form. */
static int parse_monitors(struct config *c, const char *val, char *why, size_t n)
{
	const char *p = val;

	free(c->monitors);
	c->monitors = NULL;
	c->nmonitors = 0;
	while (*p) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		char *item = cfg_strip_dup(p, len);
		char *colon = strchr(item, ':');
		char *office, *root;
		struct cfg_monitor *m;

		if (!colon) {
			snprintf(why, n, "mục không hợp lệ: '%s' (cần 'mã văn phòng:mã đơn vị', ví dụ "
				 "tu-vp:tu)", item);
			free(item);
			return -1;
		}
		*colon = '\0';
		office = cfg_strip_dup(item, strlen(item));
		root = cfg_strip_dup(colon + 1, strlen(colon + 1));
		if (!cfg_code_valid(office) || !cfg_code_valid(root)) {
			snprintf(why, n, "mã đơn vị không hợp lệ trong '%s:%s' (chữ ASCII thường, số, "
				 "'.', '_', '-')", office, root);
			free(office);
			free(root);
			free(item);
			return -1;
		}
		c->monitors = xrealloc(c->monitors, (size_t)(c->nmonitors + 1) * sizeof *c->monitors);
		m = &c->monitors[c->nmonitors++];
		memset(m, 0, sizeof *m);
		cfg_lower(m->office, office, sizeof m->office);
		cfg_lower(m->root, root, sizeof m->root);
		for (int i = 0; i < c->nmonitors - 1; i++)
			if (!strcmp(c->monitors[i].root, m->root)) {
				snprintf(why, n, "đơn vị '%s' có hai văn phòng theo dõi: '%s' và '%s'",
					 m->root, c->monitors[i].office, m->office);
				free(office);
				free(root);
				free(item);
				return -1;
			}
		free(office);
		free(root);
		free(item);
		if (!comma)
			break;
		p = comma + 1;
	}
	return 0;
}

static int parse_sendmail(struct config *c, const char *val, char *why, size_t n)
{
	if (val[0] != '/' || strlen(val) >= sizeof c->sendmail) {
		snprintf(why, n, "cần đường dẫn tuyệt đối của chương trình sendmail: '%s'", val);
		return -1;
	}
	str_copy(c->sendmail, val, sizeof c->sendmail);
	return 0;
}

static int parse_mail_from(struct config *c, const char *val, char *why, size_t n)
{
	if (val[0] && !mail_address_ok(val)) {
		snprintf(why, n, "địa chỉ thư không hợp lệ: '%s' (dạng ten@mien.vn)", val);
		return -1;
	}
	str_copy(c->mail_from, val, sizeof c->mail_from);
	return 0;
}

static const struct cfg_keydef {
	const char *section, *key;
	key_fn parse;
} keydefs[] = {
	{ "store", "path", parse_store },
	{ "paths", "units", parse_units },
	{ "tracking", "report_months", parse_months },
	{ "tracking", "due_soon_days", parse_soon },
	{ "access", "unmapped", parse_unmapped },
	{ "access", "editors_extend", parse_editors_extend },
	{ "access", "extend", parse_extend },
	{ "access", "confirm_done", parse_confirm },
	{ "access", "editors_edit", parse_editors_edit },
	{ "access", "monitors", parse_monitors },
	{ "mail", "sendmail", parse_sendmail },
	{ "mail", "from", parse_mail_from },
};
#define NKEYDEFS (sizeof keydefs / sizeof keydefs[0])

static const char *const sections[] = { "store", "paths", "tracking", "access", "users", "mail" };

static int known_section(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof sections / sizeof sections[0]; i++)
		if (!strcmp(s, sections[i]))
			return 1;
	return 0;
}

static const struct cfg_keydef *find_keydef(const char *sec, const char *key)
{
	size_t i;

	for (i = 0; i < NKEYDEFS; i++)
		if (!strcmp(keydefs[i].section, sec) && !strcmp(keydefs[i].key, key))
			return &keydefs[i];
	return NULL;
}

/* ---- users ----------------------------------------------------------- */

/* A Unix login as useradd accepts it: letters, digits, '.', '_', '-',
 * not starting with '-', and an optional final '$'. */
static int login_valid(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n >= LOGIN_LEN || s[0] == '-')
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch < 128 && (isalnum(ch) || ch == '.' || ch == '_' || ch == '-'))
			continue;
		if (ch == '$' && i == n - 1)
			continue;
		return 0;
	}
	return 1;
}

static int parse_user(struct config *c, const struct cfg_entry *en, const char *val,
		      struct err *e)
{
	const char *comma = strchr(val, ',');
	struct cfg_user *u;
	char unit[CFG_LINE_MAX + 1], role[CFG_LINE_MAX + 1];
	int r, rc = 0;

	if (!login_valid(en->raw))
		return err_at(e, ERR_CONFIG, c->path, en->line,
			      "tên đăng nhập không hợp lệ: '%s' (chữ ASCII, số, '.', '_', '-'; "
			      "tối đa %d ký tự)", en->raw, LOGIN_LEN - 1);
	if (!comma || strchr(comma + 1, ','))
		return err_at(e, ERR_CONFIG, c->path, en->line,
			      "dòng người dùng sai dạng: '%s = %s' (cần 'tài khoản = mã đơn vị, "
			      "vai trò')", en->raw, val);
	/* a value is shorter than its line: both fit */
	cfg_strip_into(unit, sizeof unit, val, (size_t)(comma - val));
	cfg_strip_into(role, sizeof role, comma + 1, strlen(comma + 1));
	r = role_parse(role);
	if (!unit[0] || !role[0])
		rc = err_at(e, ERR_CONFIG, c->path, en->line,
			    "dòng người dùng sai dạng: '%s = %s' (cần 'tài khoản = mã đơn vị, "
			    "vai trò')", en->raw, val);
	else if (!cfg_code_valid(unit))
		rc = err_at(e, ERR_CONFIG, c->path, en->line,
			    "mã đơn vị không hợp lệ: '%s' (chữ ASCII thường, số, '.', '_', '-')",
			    unit);
	else if (r <= ROLE_NONE)
		rc = err_at(e, ERR_CONFIG, c->path, en->line,
			    "vai trò không hợp lệ: '%s' (cần viewer, editor hoặc admin)", role);
	if (!rc) {
		/* room by doubling: 4, 8, 16... (a long [users] copies little) */
		if (c->nusers == 0 || (c->nusers >= 4 && !(c->nusers & (c->nusers - 1))))
			c->users = xrealloc(c->users, (size_t)(c->nusers ? 2 * c->nusers : 4) *
			                                      sizeof *c->users);
		u = &c->users[c->nusers++];
		memset(u, 0, sizeof *u);
		str_copy(u->login, en->raw, sizeof u->login);
		cfg_lower(u->unit, unit, sizeof u->unit);
		u->role = (enum role)r;
		u->line = en->line;
	}
	return rc;
}

const struct cfg_user *cfg_user(const struct config *c, const char *login)
{
	int i;

	if (!login)
		return NULL;
	for (i = 0; i < c->nusers; i++)
		if (!strcmp(c->users[i].login, login))
			return &c->users[i];
	return NULL;
}

/* ---- loading --------------------------------------------------------- */

static void set_defaults(struct config *c, const char *path)
{
	memset(c, 0, sizeof *c);
	str_copy(c->path, path, sizeof c->path);
	resolve(c->path, "units.ini", c->units_path, sizeof c->units_path);
	default_store(c);
	c->periods.months = 1u << 11; /* December */
	c->soon_days = 14;
	c->unmapped_can_read = 1;
	c->extend = CFG_EXTEND_MONITORS;
	c->confirm_done = 0;
	str_copy(c->sendmail, MAIL_SENDMAIL, sizeof c->sendmail);
}

static int check_entry(struct config *c, struct cfg_ini_walk *w, const struct cfg_entry *en,
		       struct err *e)
{
	const struct cfg_keydef *kd;
	const char *val = cfg_ini_value(w, en);
	char why[400];

	if (!en->key) {
		if (!known_section(en->sec))
			return err_at(e, ERR_CONFIG, c->path, en->line,
				      "mục không xác định: [%s] (có các mục store, paths, tracking, "
				      "access, users, mail)", en->raw);
		return 0;
	}
	if (!en->sec)
		return err_at(e, ERR_CONFIG, c->path, en->line,
			      "khóa '%s' nằm ngoài mọi mục ([...])", en->raw);
	if (!known_section(en->sec))
		return 0; /* reported at its header */
	if (en->dup_line)
		return err_at(e, ERR_CONFIG, c->path, en->line,
			      "khóa '%s' đã khai báo ở dòng %d", en->raw, en->dup_line);
	if (!strcmp(en->sec, "users"))
		return parse_user(c, en, val, e);
	kd = find_keydef(en->sec, en->key);
	if (!kd)
		return err_at(e, ERR_CONFIG, c->path, en->line,
			      "khóa không xác định trong mục [%s]: '%s'", en->sec, en->raw);
	if (kd->parse(c, val, why, sizeof why))
		return err_at(e, ERR_CONFIG, c->path, en->line, "%s: %s", en->raw, why);
	for (int i = 0; i < c->nmonitors; i++)
		if (!c->monitors[i].line)
			c->monitors[i].line = en->line;
	return 0;
}

static int load(const char *path, unsigned flags, struct config *c, struct err *e)
{
	int trusted = (flags & CFG_TRUSTED) != 0;
	struct cfg_scan scan;
	struct cfg_ini_walk w;
	dictionary *d = NULL;
	int i, rc;

	set_defaults(c, path);
	c->trusted = trusted;
	if (strlen(path) >= sizeof c->path)
		return err_set(e, ERR_CONFIG, "đường dẫn tệp cấu hình quá dài: %s", path);
	rc = cfg_scan_file(path, trusted, &scan, e);
	if (rc)
		goto out;
	if (!(flags & CFG_LEAN) && !(d = cfg_ini_load(&scan, path, e))) {
		rc = ERR_CONFIG;
		goto out;
	}
	w.d = d;
	w.next = 0;
	for (i = 0; i < scan.n && !rc; i++)
		rc = check_entry(c, &w, &scan.v[i], e);
out:
	if (d)
		iniparser_freedict(d);
	cfg_scan_free(&scan);
	return rc;
}

int cfg_load(const char *path, struct config *c, struct err *e)
{
	return load(path, 0, c, e);
}

int cfg_load_trusted(const char *path, struct config *c, struct err *e)
{
	return load(path, CFG_TRUSTED, c, e);
}

int cfg_load_flags(const char *path, unsigned flags, struct config *c, struct err *e)
{
	return load(path, flags, c, e);
}

/* ---- units.ini stamp ------------------------------------------------- */

int cfg_units_stamp(const struct config *c, char *buf, size_t len, struct err *e)
{
	struct stat sb;
	int n;

	if (stat(c->units_path, &sb))
		return err_at(e, ERR_CONFIG, c->units_path, 0, "không đọc được tệp đơn vị: %s",
			      syserr_str(errno));
	n = snprintf(buf, len, "%lld:%lld.%09ld:%llu", (long long)sb.st_size,
		     (long long)sb.st_mtim.tv_sec, (long)sb.st_mtim.tv_nsec,
		     (unsigned long long)sb.st_ino);
	if (n < 0 || (size_t)n >= len)
		return err_set(e, ERR_INTERNAL, "bộ đệm dấu thời gian tệp đơn vị quá nhỏ");
	return 0;
}

/* ---- freeing --------------------------------------------------------- */

void cfg_free_units(struct config *c)
{
	int i;

	for (i = 0; i < c->nunits; i++) {
		free(c->units[i].name);
		free(c->units[i].abbrevs);
		for (int k = 0; k < CFG_DOC_NKEYS; k++)
			free(c->units[i].doc[k]);
	}
	free(c->units);
	c->units = NULL;
	c->nunits = 0;
}

void cfg_free(struct config *c)
{
	if (!c)
		return;
	cfg_free_units(c);
	free(c->users);
	c->users = NULL;
	c->nusers = 0;
	free(c->monitors);
	c->monitors = NULL;
	c->nmonitors = 0;
}
