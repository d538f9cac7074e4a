/* test_files.c — the store's files on a shared server: what a user sees
 * when the store cannot be opened (permissions), when a crash left a lock
 * file, when the disk or the map is full, when the store is of a newer
 * schema or not a store at all — a clear message, no crash, nothing lost —
 * and the modes of a new store under the umask.  A setgid copy refuses
 * --config and $THEODOI_CONFIG (the whole setgid model is attacked by
 * tests/sh/setgid-attacks.sh). */
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "cli-run.c.inc"

#include "config.h"
#include "ops.h"
#include "priv.h"
#include "store.h"
#include "util.h"

#define NOBODY 65534

/* AddressSanitizer builds (make check-asan) cannot limit the address space
 * nor run setgid: those tests skip. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#endif

/* How to run the binary beyond fx_run. */
struct how {
	int drop;           /* run as uid/gid NOBODY (when root) */
	int umask;          /* -1: inherit */
	rlim_t fsize;       /* RLIM_INFINITY: no limit on file size */
	const char *bin;    /* NULL: fx_bin() */
	const char *conf;   /* NULL: conf/theodoi.ini; "": no --config */
};

static struct run run_how(const struct how *h, const char *store, ...)
{
	char *argv[32];
	int n = 0;
	argv[n++] = (char *)(h->bin ? h->bin : fx_bin());
	if (!h->conf || h->conf[0]) { /* "": no --config */
		argv[n++] = (char *)"--config";
		argv[n++] = (char *)(h->conf ? h->conf : "conf/theodoi.ini");
	}
	if (store) {
		argv[n++] = (char *)"--store";
		argv[n++] = (char *)store;
	}
	argv[n++] = (char *)"--today";
	argv[n++] = (char *)"2026-11-23";
	va_list ap;
	va_start(ap, store);
	const char *a;
	while ((a = va_arg(ap, const char *)) && n < 31)
		argv[n++] = (char *)a;
	va_end(ap);
	argv[n] = NULL;
	char outp[] = "/tmp/theodoi-out-XXXXXX", errp[] = "/tmp/theodoi-err-XXXXXX";
	int fo = mkstemp(outp), fe = mkstemp(errp);
	cr_assert(fo >= 0 && fe >= 0);
	unlink(outp);
	unlink(errp);
	pid_t pid = fork();
	cr_assert(pid >= 0);
	if (pid == 0) {
		if (h->umask >= 0)
			umask((mode_t)h->umask);
		if (h->fsize != RLIM_INFINITY) {
			struct rlimit rl = {h->fsize, h->fsize};
			signal(SIGXFSZ, SIG_IGN); /* stays ignored across exec: writes get EFBIG */
			if (setrlimit(RLIMIT_FSIZE, &rl))
				_exit(126);
		}
		if (h->drop && geteuid() == 0 &&
		    (setgroups(0, NULL) || setgid(NOBODY) || setuid(NOBODY)))
			_exit(126);
		dup2(fo, 1);
		dup2(fe, 2);
		execv(argv[0], argv);
		_exit(127);
	}
	int st;
	waitpid(pid, &st, 0);
	struct run r = {WIFEXITED(st) ? WEXITSTATUS(st) : -1, slurp(fo), slurp(fe)};
	close(fo);
	close(fe);
	return r;
}

static const struct how plain = {0, -1, RLIM_INFINITY, NULL, NULL};

static const char *file_in(const char *dir, const char *name)
{
	static char p[4][1100];
	static int k;
	char *s = p[k++ % 4];
	snprintf(s, 1100, "%s/%s", dir, name);
	return s;
}

Test(files, a_store_the_user_may_not_open_gets_a_clear_message)
{
	const char *st = fx_demo();
	const char *dir = fx_tmpdir();
	struct how h = {1, -1, RLIM_INFINITY, NULL, NULL};
	int root = geteuid() == 0;
	chmod(dir, 0755); /* the configuration and the way to the store */
	/* a directory the user may not enter */
	cr_assert_eq(chmod(st, root ? 0700 : 0), 0);
	fx_expect(run_how(&h, st, "tasks", NULL), 6, "không có quyền mở kho dữ liệu", "directory");
	/* a directory the user may read, but files it may not write */
	cr_assert_eq(chmod(st, 02755), 0);
	if (!root) {
		chmod(file_in(st, "lock.mdb"), 0444);
		chmod(file_in(st, "data.mdb"), 0444);
	}
	fx_expect(run_how(&h, st, "tasks", NULL), 6, "không có quyền mở kho dữ liệu", "files");
	chmod(file_in(st, "lock.mdb"), 0664);
	chmod(file_in(st, "data.mdb"), 0664);
	/* nothing lost */
	fx_check_store(NULL, st);
	cr_assert(fx_nupdates(st, "12") > 0);
}

Test(files, a_lock_file_left_by_a_crash_does_no_harm)
{
	const char *st = fx_demo();
	long n = fx_nupdates(st, "12");
	/* garbage where the lock file was */
	int fd = open(file_in(st, "lock.mdb"), O_WRONLY | O_TRUNC);
	cr_assert(fd >= 0);
	char junk[8192];
	for (size_t i = 0; i < sizeof junk; i++)
		junk[i] = (char)(i * 131 + 7);
	cr_assert_eq(write(fd, junk, sizeof junk), (ssize_t)sizeof junk);
	close(fd);
	fx_ok(fx_run(NULL, st, "update", "12", "--note", "sau sự cố", NULL), "garbage lock");
	/* an empty one */
	cr_assert_eq(truncate(file_in(st, "lock.mdb"), 0), 0);
	fx_ok(fx_run(NULL, st, "update", "12", "--note", "lần nữa", NULL), "empty lock");
	/* none at all */
	cr_assert_eq(unlink(file_in(st, "lock.mdb")), 0);
	fx_ok(fx_run(NULL, st, "update", "12", "--note", "không khóa", NULL), "no lock");
	cr_assert_eq(fx_nupdates(st, "12"), n + 3);
	fx_check_store(NULL, st);
}

Test(files, a_full_disk_refuses_the_write_and_loses_nothing)
{
	const char *st = fx_demo();
	struct stat sb;
	cr_assert_eq(stat(file_in(st, "data.mdb"), &sb), 0);
	/* the data file may not grow: the first write that needs a new page at
	 * its end fails as on a full disk */
	struct how h = {0, -1, (rlim_t)sb.st_size, NULL, NULL};
	long n = fx_nupdates(st, "12"), ok = 0;
	char note[600];
	memset(note, 'x', sizeof note - 1);
	note[sizeof note - 1] = '\0';
	struct run r = {0, NULL, NULL};
	for (int i = 0; i < 400; i++) {
		r = run_how(&h, st, "update", "12", "--note", note, NULL);
		if (r.status)
			break;
		ok++;
		fx_free(&r);
	}
	cr_assert_eq(r.status, 6, "no write failed (exit %d): %s", r.status, r.err);
	cr_assert(strstr(r.err, "đĩa đầy") && strstr(r.err, "chưa được ghi"), "%s", r.err);
	fx_free(&r);
	fx_check_store(NULL, st);
	cr_assert_eq(fx_nupdates(st, "12"), n + ok, "every reported update and nothing else");
	/* room again: it writes */
	fx_ok(fx_run(NULL, st, "update", "12", "--note", "đã có chỗ", NULL), "after");
}


#ifndef UNDER_ASAN
/* Virtual memory of this process, in bytes. */
static rlim_t vm_size(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;
	cr_assert_not_null(f);
	while (fgets(line, sizeof line, f))
		if (!strncmp(line, "VmSize:", 7))
			kb = strtol(line + 7, NULL, 10);
	fclose(f);
	cr_assert(kb > 0);
	return (rlim_t)kb * 1024;
}
#endif

Test(files, a_full_map_that_cannot_grow_refuses_the_write_and_loses_nothing)
{
#ifdef UNDER_ASAN
	cr_skip_test("address space limits do not work under AddressSanitizer");
#else
	const char *st = fx_demo();
	long n = fx_nupdates(st, "12");
	int pipefd[2];
	cr_assert_eq(pipe(pipefd), 0);
	pid_t pid = fork();
	cr_assert(pid >= 0);
	if (pid == 0) {
		/* a writer whose map may not grow past a few MB */
		struct store *s;
		struct config cfg;
		struct ops_ctx c;
		struct err e = {0};
		char note[3000];
		long done = 0;
		setenv("THEODOI_MAPSIZE", "64K", 1);
		if (store_open(st, 0, &s, &e))
			_exit(2);
		memset(&cfg, 0, sizeof cfg);
		cfg.unmapped_can_read = 1;
		memset(&c, 0, sizeof c);
		c.st = s;
		c.cfg = &cfg;
		c.today = date_make(2026, 11, 23);
		c.who.role = ROLE_ADMIN;
		strcpy(c.who.login, "nv.test");
		memset(note, 'y', sizeof note - 1);
		note[sizeof note - 1] = '\0';
		struct rlimit rl = {vm_size() + (4u << 20), RLIM_INFINITY};
		if (setrlimit(RLIMIT_AS, &rl))
			_exit(3);
		int rc = 0;
		while (done < 20000 && !(rc = ops_update(&c, 12, -1, -1, note, NULL, &e)))
			done++;
		dprintf(pipefd[1], "%ld %d %s\n", done, rc, e.msg);
		_exit(0);
	}
	close(pipefd[1]);
	char buf[1024] = "";
	ssize_t k = read(pipefd[0], buf, sizeof buf - 1);
	close(pipefd[0]);
	int status;
	waitpid(pid, &status, 0);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the writer died: %d", status);
	cr_assert(k > 0);
	buf[k] = '\0';
	long done;
	int rc;
	cr_assert_eq(sscanf(buf, "%ld %d", &done, &rc), 2, "%s", buf);
	cr_assert_eq(rc, ERR_STORE, "%s", buf);
	cr_assert(strstr(buf, "đầy và không mở rộng được"), "%s", buf);
	cr_assert(done > 0, "%s", buf);
	fx_check_store(NULL, st);
	cr_assert_eq(fx_nupdates(st, "12"), n + done);
#endif
}

struct schema_req {
	const char *val;
};

static int put_schema(struct txn *t, void *ctx, struct err *e)
{
	return store_meta_put(t, "schema", ((struct schema_req *)ctx)->val, e);
}

Test(files, a_store_of_a_newer_schema_is_refused_untouched)
{
	const char *st = fx_demo();
	struct store *s;
	struct err e = {0};
	struct schema_req q = {"99"};
	cr_assert_eq(store_open(st, 0, &s, &e), 0, "%s", e.msg);
	cr_assert_eq(store_write(s, put_schema, &q, &e), 0, "%s", e.msg);
	store_close(s);
	struct stat before, after;
	cr_assert_eq(stat(file_in(st, "data.mdb"), &before), 0);
	fx_expect(fx_run(NULL, st, "update", "12", "--note", "x", NULL), 6, "phiên bản mới hơn",
	          "newer schema");
	fx_expect(fx_run(NULL, st, "tasks", NULL), 6, "hãy cập nhật theodoi",
	          "newer schema, reading");
	cr_assert_eq(stat(file_in(st, "data.mdb"), &after), 0);
	cr_assert_eq(before.st_mtim.tv_sec, after.st_mtim.tv_sec);
	cr_assert_eq(before.st_mtim.tv_nsec, after.st_mtim.tv_nsec, "the store was written");
}

Test(files, what_is_not_a_store_is_named_as_such)
{
	const char *dir = fx_tmpdir();
	char p[512];
	/* a plain file */
	snprintf(p, sizeof p, "%s/file", dir);
	FILE *f = fopen(p, "w");
	fputs("hello", f);
	fclose(f);
	fx_expect(fx_run(NULL, p, "tasks", NULL), 6, "không phải là thư mục kho", "a plain file");
	/* a directory of other files */
	snprintf(p, sizeof p, "%s/docs", dir);
	mkdir(p, 0755);
	f = fopen(file_in(p, "notes.txt"), "w");
	fclose(f);
	fx_expect(fx_run(NULL, p, "tasks", NULL), 6, "không phải là kho dữ liệu", "other files");
	fx_expect(fx_run(NULL, p, "demo", NULL), 6, "không phải là kho dữ liệu", "demo there");
	/* a data.mdb that is not LMDB's */
	snprintf(p, sizeof p, "%s/junk", dir);
	mkdir(p, 0755);
	f = fopen(file_in(p, "data.mdb"), "w");
	for (int i = 0; i < 3000; i++)
		fputs("không phải LMDB ", f);
	fclose(f);
	fx_expect(fx_run(NULL, p, "tasks", NULL), 6, "không phải tệp LMDB", "junk data.mdb");
	/* a store cut short */
	const char *st = fx_demo();
	struct stat sb;
	cr_assert_eq(stat(file_in(st, "data.mdb"), &sb), 0);
	cr_assert_eq(truncate(file_in(st, "data.mdb"), sb.st_size - 8192), 0);
	fx_expect(fx_run(NULL, st, "tasks", NULL), 6, "bị cắt cụt", "a truncated data file");
}

Test(files, a_new_store_is_shared_with_the_group_under_the_umask)
{
	static const struct {
		int mask;
		mode_t dir, file;
	} cases[] = {{002, 02775, 0664}, {022, 02755, 0644}, {027, 02750, 0640}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char p[512];
		snprintf(p, sizeof p, "%s/u%zu/store", fx_tmpdir(), i);
		struct how h = {0, cases[i].mask, RLIM_INFINITY, NULL, NULL};
		fx_expect(run_how(&h, p, "demo", NULL), 0, NULL, "demo");
		struct stat sb;
		cr_assert_eq(stat(p, &sb), 0);
		cr_assert_eq(sb.st_mode & 07777, cases[i].dir, "umask %03o: directory %o", cases[i].mask,
		             sb.st_mode & 07777);
		static const char *const files[] = {"data.mdb", "lock.mdb"};
		for (int k = 0; k < 2; k++) {
			cr_assert_eq(stat(file_in(p, files[k]), &sb), 0);
			cr_assert_eq(sb.st_mode & 07777, cases[i].file, "umask %03o: %s %o", cases[i].mask,
			             files[k], sb.st_mode & 07777);
		}
	}
	(void)plain;
}

#define STORE_GID 4321 /* the group that owns the store; staff are not in it */

/* Copy build/theodoi to path, setgid STORE_GID. */
static void setgid_copy(const char *path)
{
	char cmd[1200];
	snprintf(cmd, sizeof cmd, "cp '%s' '%s'", fx_bin(), path);
	cr_assert_eq(system(cmd), 0);
	cr_assert_eq(chown(path, 0, STORE_GID), 0);
	cr_assert_eq(chmod(path, 02755), 0);
}

/* A configuration at path mapping `nobody` as admin, owned by uid, mode. */
static void nobody_admin_conf(const char *path, uid_t uid, mode_t mode)
{
	char units[PATH_MAX], cmd[2 * PATH_MAX + 64];
	/* units.ini too, as root's with mode 644, whatever the checkout's modes */
	snprintf(units, sizeof units, "%s/units-root.ini", fx_tmpdir());
	snprintf(cmd, sizeof cmd, "cp conf/units.ini '%s' && chmod 644 '%s'", units, units);
	cr_assert_eq(system(cmd), 0);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fprintf(f, "[paths]\nunits = %s\n[users]\nnobody = tu-vp, admin\n", units);
	fclose(f);
	cr_assert_eq(chown(path, uid, 0), 0);
	cr_assert_eq(chmod(path, mode), 0);
}

Test(files, installed_setgid_refuses_any_configuration_but_the_system_one)
{
	if (geteuid() != 0)
		cr_skip_test("needs root to make a setgid copy and to run as another user");
#ifdef UNDER_ASAN
	cr_skip_test("a sanitized program cannot run setgid");
#endif
	const char *st = fx_demo();
	const char *dir = fx_tmpdir();
	char bin[600], mine[600], sys[600];
	chmod(dir, 0755);
	snprintf(bin, sizeof bin, "%s/theodoi-sgid", dir);
	snprintf(mine, sizeof mine, "%s/mine.ini", dir);
	snprintf(sys, sizeof sys, "%s/sys.ini", dir);
	setgid_copy(bin);
	/* a configuration the user wrote grants nothing */
	nobody_admin_conf(mine, NOBODY, 0644);
	struct how via = {1, -1, RLIM_INFINITY, bin, mine};
	struct run r = run_how(&via, st, "update", "12", "--note", "tự cấp quyền", NULL);
	if (r.status == 6 && strstr(r.err, "không có quyền"))
		cr_skip_test("setgid has no effect here (a nosuid file system?)");
	cr_assert_eq(r.status, 7, "a user's own configuration: exit %d: %s", r.status, r.err);
	cr_assert(strstr(r.err, "--config"), "%s", r.err);
	fx_free(&r);
	/* neither does one root wrote elsewhere: only the compiled-in one */
	nobody_admin_conf(sys, 0, 0644);
	via.conf = sys;
	fx_expect(run_how(&via, st, "tasks", NULL), 7, "không dùng được --config",
	          "root's elsewhere");
	/* nor $THEODOI_CONFIG */
	setenv("THEODOI_CONFIG", sys, 1);
	via.conf = "";
	fx_expect(run_how(&via, st, "tasks", NULL), 7, "THEODOI_CONFIG", "$THEODOI_CONFIG");
	unsetenv("THEODOI_CONFIG");
	/* --help and --version still answer, after giving the group up */
	fx_expect(run_how(&via, NULL, "--version", NULL), 0, NULL, "--version");
}

/* priv_fd_trusted on a descriptor of the file at p. */
static int fd_trusted(const char *p)
{
	int fd = open(p, O_RDONLY);
	cr_assert(fd >= 0);
	int rc = priv_fd_trusted(fd, p, NULL);
	close(fd);
	return rc;
}

Test(files, trusted_files_are_owned_by_root_and_written_by_nobody_else)
{
	if (geteuid() != 0)
		cr_skip_test("needs root to give files away");
	char p[600];
	snprintf(p, sizeof p, "%s/t.ini", fx_tmpdir());
	nobody_admin_conf(p, 0, 0644);
	cr_assert_eq(fd_trusted(p), 0);
	cr_assert_eq(chmod(p, 0664), 0);
	cr_assert_eq(fd_trusted(p), ERR_DENIED);
	cr_assert_eq(chmod(p, 0646), 0);
	cr_assert_eq(fd_trusted(p), ERR_DENIED);
	cr_assert_eq(chmod(p, 0600), 0);
	cr_assert_eq(chown(p, NOBODY, 0), 0);
	cr_assert_eq(fd_trusted(p), ERR_DENIED);
	/* a directory is no configuration */
	cr_assert_eq(fd_trusted(fx_tmpdir()), ERR_DENIED);
}

Test(files, a_trusted_load_follows_no_link_and_checks_units_too)
{
	if (geteuid() != 0)
		cr_skip_test("needs root to give files away");
	char p[600], link[600], units[600];
	struct config c;
	struct err e = {0};
	snprintf(p, sizeof p, "%s/t.ini", fx_tmpdir());
	snprintf(link, sizeof link, "%s/link.ini", fx_tmpdir());
	snprintf(units, sizeof units, "%s/units-root.ini", fx_tmpdir());
	nobody_admin_conf(p, 0, 0644);
	cr_assert_eq(cfg_load_trusted(p, &c, &e), 0, "%s", e.msg);
	cr_assert(c.trusted);
	cr_assert_eq(cfg_load_units(&c, &e), 0, "%s", e.msg);
	cfg_free(&c);
	/* units.ini writable by its group: refused when the units are read */
	cr_assert_eq(chmod(units, 0664), 0);
	cr_assert_eq(cfg_load_trusted(p, &c, &e), 0, "%s", e.msg);
	cr_assert_eq(cfg_load_units(&c, &e), ERR_DENIED);
	cr_assert(strstr(e.msg, "units-root.ini"), "%s", e.msg);
	cfg_free(&c);
	/* the same file through a symbolic link: refused, an untrusted load
	 * still follows it */
	cr_assert_eq(symlink(p, link), 0);
	cr_assert_eq(cfg_load_trusted(link, &c, &e), ERR_DENIED);
	cr_assert(strstr(e.msg, "liên kết"), "%s", e.msg);
	cfg_free(&c);
	cr_assert_eq(cfg_load(link, &c, &e), 0, "%s", e.msg);
	cfg_free(&c);
}
