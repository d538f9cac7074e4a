/* cli-init.c — an office's first day: making the empty store, and what a
 * program started before that says. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <grp.h>
#include <pwd.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli-init.h"
#include "cli-opts.h"
#include "cli.h"
#include "hier.h"
#include "perm.h"
#include "store.h"
#include "syserr.h"
#include "util.h"

static const char init_help[] =
	"Cách dùng: theodoi init\n"
	"Tạo kho dữ liệu trống ở nơi cấu hình chỉ định ([store] path trong theodoi.ini, hoặc\n"
	"--store THƯ_MỤC), với các đơn vị của units.ini.  Thư mục kho có quyền 2770 và các tệp\n"
	"trong đó 660, thuộc nhóm của thư mục chứa nó (bản cài chung: nhóm kho), nên mọi\n"
	"người trong nhóm cùng đọc, ghi được.  Chỉ quản trị, hoặc root khi [users] không ghi\n"
	"vai trò cho root; với bản cài setgid: chạy bằng root hoặc với nhóm kho\n"
	"(sudo -g NHÓM_KHO theodoi init).  Nơi đó đã có bất cứ thứ gì (một kho, một tệp, một\n"
	"thư mục không trống) thì không làm gì và trả mã 8; units.ini sai thì không để lại gì.\n"
	"Sau đó: theodoi import TỆP_KẾ_HOẠCH (xem man theodoi, mục FIRST DAY).\n";

/* 1 if dir exists and holds no entry at all, 0 if it holds something,
 * -1 (errno set) if it cannot be read. */
static int dir_empty(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int empty = 1;
	if (!d)
		return -1;
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
			empty = 0;
			break;
		}
	closedir(d);
	return empty;
}

int cli_store_missing(const struct cli *c)
{
	struct stat sb;
	if (stat(c->store_dir, &sb) != 0)
		return errno == ENOENT;
	return S_ISDIR(sb.st_mode) && dir_empty(c->store_dir) == 1;
}

/* "a, b" (the admins of [users]) into b, or "" when there are none. */
static void admins_of(const struct config *cfg, struct sbuf *b)
{
	int n = 0;
	for (int i = 0; i < cfg->nusers; i++)
		if (cfg->users[i].role == ROLE_ADMIN)
			sbuf_printf(b, "%s%s", n++ ? ", " : "", cfg->users[i].login);
}

int cli_store_missing_err(const struct cli *c, int raised, struct err *e)
{
	struct sbuf who = {0};
	admins_of(&c->cfg, &who);
	err_set(e, ERR_STORE, "chưa có kho dữ liệu %s: quản trị tạo kho trống bằng lệnh "
	        "theodoi init%s; %s", c->store_dir,
	        raised ? " (bản cài setgid: chạy bằng root hoặc sudo -g NHÓM_KHO theodoi init)" : "",
	        who.s && who.s[0] ? "" : "theodoi.ini chưa có tài khoản quản trị nào trong [users]");
	if (who.s && who.s[0]) {
		size_t n = strlen(e->msg);
		snprintf(e->msg + n, sizeof e->msg - n, "hãy nhờ quản trị (%s)", who.s);
	}
	sbuf_free(&who);
	return e->code;
}

/* 1 for root when [users] does not give it a role: it may make any
 * directory anyway, so init is its to run. */
static int root_unlisted(const struct config *cfg)
{
	if (getuid() != 0)
		return 0;
	struct passwd *pw = getpwuid(0);
	return !cfg_user(cfg, pw && pw->pw_name ? pw->pw_name : "root");
}

/* Who runs init: root when not listed, anyone else by the command's rule
 * (admins). */
static int init_identify(struct cli *c, struct err *e)
{
	c->ops.cfg = &c->cfg;
	c->ops.st = NULL;
	if (root_unlisted(&c->cfg)) {
		memset(&c->ops.who, 0, sizeof c->ops.who);
		str_copy(c->ops.who.login, "root", sizeof c->ops.who.login);
		c->ops.who.role = ROLE_ADMIN;
		return 0;
	}
	int rc = ops_identify(&c->ops, e);
	return rc ? rc : cli_check_role(c, e);
}

/* 0 if dir is free for a new store (absent, or an empty directory),
 * *made set when it is absent. */
static int check_place(const char *dir, int *made, struct err *e)
{
	struct stat sb;
	*made = 0;
	if (lstat(dir, &sb) != 0) {
		if (errno != ENOENT)
			return err_set(e, ERR_STORE, "không kiểm tra được %s: %s", dir, syserr_str(errno));
		*made = 1;
		return 0;
	}
	if (!S_ISDIR(sb.st_mode))
		return err_set(e, ERR_CONFLICT, "%s đã có (không phải thư mục): không tạo kho dữ liệu "
		               "ở đó; chọn nơi khác ([store] path hoặc --store)", dir);
	int empty = dir_empty(dir);
	if (empty < 0)
		return err_set(e, ERR_STORE, "không đọc được thư mục %s: %s", dir, syserr_str(errno));
	if (!empty) {
		struct stat db;
		char data[PATH_MAX + 16];
		snprintf(data, sizeof data, "%s/data.mdb", dir);
		if (stat(data, &db) == 0)
			return err_set(e, ERR_CONFLICT, "đã có kho dữ liệu ở %s: không tạo lại (kho cũ "
			               "giữ nguyên; xem theodoi check-store)", dir);
		return err_set(e, ERR_CONFLICT, "thư mục %s không trống: chỉ tạo kho dữ liệu trong "
		               "thư mục chưa có hoặc rỗng", dir);
	}
	return 0;
}

/* The directory dir lives in, into out. */
static void parent_of(const char *dir, char *out, size_t len)
{
	str_copy(out, dir, len);
	size_t n = strlen(out);
	while (n > 1 && out[n - 1] == '/')
		out[--n] = '\0';
	char *slash = strrchr(out, '/');
	if (!slash)
		str_copy(out, ".", len);
	else if (slash == out)
		out[1] = '\0';
	else
		*slash = '\0';
}

/* The modes of a shared store: the directory 2770 and its files 0660, all
 * of group gid (the group of the directory it was made in). */
static int set_modes(const char *dir, gid_t gid, struct err *e)
{
	static const char *const files[] = {"data.mdb", "lock.mdb"};
	struct stat sb;
	char path[PATH_MAX + 16];
	for (size_t i = 0; i <= sizeof files / sizeof files[0]; i++) {
		int isdir = i == sizeof files / sizeof files[0];
		if (isdir)
			str_copy(path, dir, sizeof path);
		else
			snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		if (lstat(path, &sb) != 0) {
			if (!isdir && errno == ENOENT)
				continue;
			return err_set(e, ERR_STORE, "không đọc được %s: %s", path, syserr_str(errno));
		}
		if (sb.st_gid != gid && chown(path, (uid_t)-1, gid) != 0) {
			struct group *g = getgrgid(gid);
			return err_set(e, ERR_STORE, "không chuyển được %s sang nhóm %s (nhóm của thư "
			               "mục chứa kho): %s; hãy chạy theodoi init bằng root hoặc với "
			               "nhóm đó (sudo -g NHÓM_KHO)", path, g ? g->gr_name : "?",
			               syserr_str(errno));
		}
		if (chmod(path, isdir ? 02770 : 0660) != 0)
			return err_set(e, ERR_STORE, "không đặt được quyền cho %s: %s", path,
			               syserr_str(errno));
	}
	return 0;
}

/* Take back what a failed init made: the files, and the directory when
 * init made it. */
static void undo_place(const char *dir, int made)
{
	static const char *const files[] = {"data.mdb", "lock.mdb"};
	char path[PATH_MAX + 16];
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		unlink(path);
	}
	if (made)
		rmdir(dir);
}

struct init_audit {
	const struct cli *c;
	uint64_t units;
};

static int write_init_audit(struct txn *t, void *ctx, struct err *e)
{
	struct init_audit *ia = ctx;
	struct audit a = {0};
	a.time = (int64_t)time(NULL);
	str_copy(a.login, ia->c->ops.who.login, sizeof a.login);
	str_copy(a.role, role_key(ia->c->ops.who.role), sizeof a.role);
	str_copy(a.action, "init", sizeof a.action);
	str_copy(a.object, "store", sizeof a.object);
	json_t *after = json_pack("{s:s, s:s, s:I}", "path", ia->c->store_dir, "units_ini",
	                          ia->c->cfg.units_path, "units", (json_int_t)ia->units);
	a.after = after ? json_dumps(after, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(after);
	int rc = store_audit_add(t, &a, e);
	audit_free(&a);
	return rc;
}

/* Make the store in the checked place: open with STORE_CREATE, the modes,
 * the units, the audit entry.  On failure the caller undoes the place. */
static int make_store(struct cli *c, gid_t gid, uint64_t *units, struct err *e)
{
	struct store *st = NULL;
	struct txn *t;
	struct store_stat ss;
	int rc = store_open(c->store_dir, STORE_CREATE, &st, e);
	if (rc)
		return rc;
	c->ops.st = st;
	if ((rc = set_modes(c->store_dir, gid, e)) ||
	    (rc = hier_sync(st, &c->cfg, c->ops.who.login, NULL, e)))
		return rc;
	if ((rc = store_read_begin(st, &t, e)))
		return rc;
	rc = store_stat(t, &ss, e);
	store_read_end(t);
	if (rc)
		return rc;
	*units = ss.units;
	struct init_audit ia = {c, ss.units};
	return store_write(st, write_init_audit, &ia, e);
}

static int init_store(struct cli *c, struct err *e)
{
	char parent[PATH_MAX];
	struct stat psb;
	uint64_t units = 0;
	int made, rc;

	if ((rc = check_place(c->store_dir, &made, e)))
		return rc;
	/* units.ini first: a bad hierarchy leaves nothing behind */
	if ((rc = cfg_load_units(&c->cfg, e)))
		return rc;
	parent_of(c->store_dir, parent, sizeof parent);
	/* the group of the store: that of the directory given, else that of a
	 * shared (setgid) parent such as LOCALSTATEDIR/theodoi, else the
	 * user's own, as mkdir gives it */
	gid_t gid = getegid();
	if (!made && stat(c->store_dir, &psb) != 0)
		return err_set(e, ERR_STORE, "không đọc được thư mục %s: %s", c->store_dir,
		               syserr_str(errno));
	if (!made)
		gid = psb.st_gid;
	else if (stat(parent, &psb) == 0 && (psb.st_mode & S_ISGID))
		gid = psb.st_gid;
	if ((rc = make_store(c, gid, &units, e))) {
		if (c->ops.st)
			store_close(c->ops.st);
		c->ops.st = NULL;
		undo_place(c->store_dir, made);
		return rc;
	}
	/* the user's unit, now that the store holds the units */
	if (!root_unlisted(&c->cfg) && (rc = ops_identify(&c->ops, e)))
		return rc;
	struct group *g = getgrgid(gid);
	char gname[64];
	if (g)
		str_copy(gname, g->gr_name, sizeof gname);
	else
		snprintf(gname, sizeof gname, "%u", (unsigned)gid);
	fprintf(c->out,
	        "Đã tạo kho dữ liệu trống %s: %llu đơn vị từ %s.\n"
	        "Thư mục kho thuộc nhóm %s, quyền 2770; các tệp trong đó quyền 660.\n"
	        "Tiếp theo: theodoi import TỆP_KẾ_HOẠCH (Word, OpenDocument, PDF hoặc văn bản).\n",
	        c->store_dir, (unsigned long long)units, c->cfg.units_path, gname);
	return 0;
}

int cmd_init(struct cli *c, int argc, char **argv, struct err *e)
{
	int done, rc = cli_opts_none(c, argc, argv, "init", init_help, &done, e);
	if (rc || done)
		return rc;
	if (optind < argc)
		return err_set(e, ERR_USAGE, "lệnh init không nhận tham số: '%s' (nơi đặt kho: "
		               "--store THƯ_MỤC hoặc [store] path)", argv[optind]);
	if ((rc = init_identify(c, e)))
		return rc;
	return init_store(c, e);
}

int cli_init_offer(struct cli *c, struct err *e)
{
	struct err ie;
	char line[64];
	err_clear(&ie);
	c->ops.cfg = &c->cfg;
	const struct cfg_user *u = NULL;
	int may = root_unlisted(&c->cfg);
	if (!may) {
		struct ops_ctx probe = c->ops;
		probe.st = NULL;
		if (ops_identify(&probe, &ie) == 0 && (u = cfg_user(&c->cfg, probe.who.login)) &&
		    u->role == ROLE_ADMIN)
			may = 1;
	}
	if (!may)
		return cli_store_missing_err(c, 0, e);
	fprintf(stdout, "Chưa có kho dữ liệu %s.\n"
	        "Quản trị tạo kho trống bằng lệnh: theodoi init (xem man theodoi, mục FIRST DAY).\n"
	        "Tạo kho ngay bây giờ? [c/K] ", c->store_dir);
	fflush(stdout);
	if (!fgets(line, sizeof line, stdin) || (line[0] != 'c' && line[0] != 'C' &&
	                                         line[0] != 'y' && line[0] != 'Y'))
		return err_set(e, ERR_STORE, "chưa tạo kho dữ liệu %s (tạo sau bằng: theodoi init)",
		               c->store_dir);
	static const struct cli_cmd init_cmd = {"init", cmd_init, "init", "", 0,
	                                        CLI_NEEDS(PA_MAINTAIN)};
	c->cmd = &init_cmd;
	int rc = init_identify(c, e);
	if (!rc)
		rc = init_store(c, e);
	c->cmd = NULL;
	if (rc)
		return rc;
	/* the screen opens the store itself, as on any other day */
	store_close(c->ops.st);
	c->ops.st = NULL;
	fputs("Nhấn Enter để mở màn hình theo dõi. ", stdout);
	fflush(stdout);
	if (!fgets(line, sizeof line, stdin))
		return err_set(e, ERR_IO, "không đọc được bàn phím");
	return 0;
}
