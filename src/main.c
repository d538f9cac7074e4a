/* main.c — theodoi: global options, configuration, one command or the TUI. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "cli-init.h"
#include "hier.h"
#include "priv.h"
#include "screen.h"
#include "store.h"
#include "util.h"

#define THEODOI_VERSION "0.1.0"

static void usage(FILE *f)
{
	fprintf(f,
	        "Cách dùng: theodoi [--store THƯ_MỤC] [--config TỆP] [--today NGÀY] [LỆNH [THAM SỐ]]\n"
	        "Theo dõi, đôn đốc việc thực hiện các kế hoạch, chương trình hành động.\n"
	        "Không có LỆNH: mở giao diện màn hình (trên terminal) hoặc in tổng quan.\n\n"
	        "Tùy chọn chung (đặt ở bất kỳ đâu trên dòng lệnh):\n"
	        "  --store DIR     kho dữ liệu (mặc định: [store] path trong theodoi.ini)\n"
	        "  --config FILE   tệp cấu hình theodoi.ini (bản cài setgid: chỉ dùng cấu hình\n"
	        "                  của hệ thống, không nhận --config, THEODOI_CONFIG; xem man theodoi)\n"
	        "  --today DATE    coi ngày này là hôm nay (YYYY-MM-DD hoặc dd/mm/yyyy) khi xem số liệu;\n"
	        "                  việc ghi (cập nhật, hoàn thành, gia hạn...) luôn lấy ngày thật,\n"
	        "                  trừ vai trò quản trị (nhập hồ sơ cũ)\n"
	        "  --help, -h      trợ giúp;  --version  phiên bản\n\n"
	        "Lệnh:\n");
	for (const struct cli_cmd *c = cli_commands; c->name; c++)
		fprintf(f, "  %-12s %s\n", c->name, c->summary);
	/* In the source tree the manual is not installed yet: say how to
	 * read it from there. */
	if (access("man/theodoi.1", R_OK) == 0)
		fprintf(f, "\n\"theodoi LỆNH --help\" cho chi tiết từng lệnh.\n"
		           "Sổ tay: man -l man/theodoi.1 (sau make install: man theodoi).\n");
	else
		fprintf(f, "\n\"theodoi LỆNH --help\" cho chi tiết từng lệnh; man theodoi.\n");
}

/* Take the global options out of argv wherever they stand, so that
 * `theodoi overdue --today 2026-01-01` works as well as the canonical order.
 * Returns the new argc, or -1 with e set. */
static int take_globals(int argc, char **argv, const char **store, const char **config,
                        const char **today, int *help, int *version, struct err *e)
{
	int out = 1;
	int seen_cmd = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char **slot = NULL;
		const char *name = NULL;
		if (!strcmp(a, "--")) { /* the rest is the command and its arguments */
			while (++i < argc)
				argv[out++] = argv[i];
			break;
		}
		if (!strncmp(a, "--store", 7) && (a[7] == '\0' || a[7] == '='))
			slot = store, name = "--store";
		else if (!strncmp(a, "--config", 8) && (a[8] == '\0' || a[8] == '='))
			slot = config, name = "--config";
		else if (!strncmp(a, "--today", 7) && (a[7] == '\0' || a[7] == '='))
			slot = today, name = "--today";
		if (slot) {
			const char *eq = strchr(a, '=');
			if (eq)
				*slot = eq + 1;
			else if (i + 1 < argc)
				*slot = argv[++i];
			else
				return err_set(e, ERR_USAGE, "tùy chọn %s cần một giá trị", name), -1;
			continue;
		}
		if (!seen_cmd && (!strcmp(a, "--help") || !strcmp(a, "-h"))) {
			*help = 1;
			continue;
		}
		if (!seen_cmd && !strcmp(a, "--version")) {
			*version = 1;
			continue;
		}
		if (!seen_cmd && a[0] == '-')
			return err_set(e, ERR_USAGE, "tùy chọn không hợp lệ: %s (xem theodoi --help)", a), -1;
		seen_cmd = 1;
		argv[out++] = argv[i];
	}
	argv[out] = NULL;
	return out;
}

static const struct cli_cmd *find_cmd(const char *name)
{
	for (const struct cli_cmd *c = cli_commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

/* Installed setgid to the store's group (priv.h): the system's
 * configuration only, checked on the descriptor it is read through, the
 * store it names only, checked likewise and opened; the caller then drops
 * the group.  Commands that make or replace a store directory are for the
 * administrator as root or with the group's own identity. */
static int open_raised(struct cli *c, const struct cli_cmd *cmd, const char *config,
                       const char *store, struct err *e)
{
	static const char why[] = "theodoi được cài setgid (quyền của nhóm kho) nên chỉ dùng "
	                          "cấu hình của hệ thống";
	const char *env = getenv("THEODOI_CONFIG");
	int rc;

	if (config)
		return err_set(e, ERR_DENIED, "không dùng được --config %s: %s %s", config, why,
		               priv_system_config());
	if (env && *env)
		return err_set(e, ERR_DENIED, "không dùng được biến THEODOI_CONFIG=%s: %s %s", env,
		               why, priv_system_config());
	if (cmd && (!strcmp(cmd->name, "restore") || !strcmp(cmd->name, "import-json") ||
	            !strcmp(cmd->name, "demo") || !strcmp(cmd->name, "init")))
		return err_set(e, ERR_DENIED, "lệnh %s tạo hoặc thay thư mục kho dữ liệu: với bản cài "
		               "setgid, quản trị chạy lệnh này với tài khoản root hoặc với nhóm kho "
		               "(sudo -g NHÓM_KHO theodoi %s ...)", cmd->name, cmd->name);
	unsigned how = CFG_TRUSTED | (cmd && (cmd->flags & CLI_LEAN_CONFIG) ? CFG_LEAN : 0);
	if ((rc = cfg_load_flags(priv_system_config(), how, &c->cfg, e)))
		return rc;
	c->ops.cfg = &c->cfg;
	if (store && (rc = priv_same_dir(store, c->cfg.store, e)))
		return rc;
	str_copy(c->store_dir, c->cfg.store, sizeof c->store_dir);
	c->store_flags = STORE_SHARED;
	return cli_store(c, 0, e);
}

static int run(int argc, char **argv, struct cli *c, struct priv *pv, struct err *e)
{
	const char *store = NULL, *config = NULL, *today = NULL;
	int help = 0, version = 0, rc;
	/* root needs no group to reach anything: an ordinary run */
	if (pv->raised && pv->ruid == 0 && (rc = priv_drop(pv, e)))
		return rc;
	argc = take_globals(argc, argv, &store, &config, &today, &help, &version, e);
	if (argc < 0)
		return e->code;
	if ((version || help) && (rc = priv_drop(pv, e)))
		return rc;
	if (version) {
		printf("theodoi %s (lược đồ kho %d)\n", THEODOI_VERSION, STORE_SCHEMA);
		return 0;
	}
	if (help) {
		usage(stdout);
		return 0;
	}
	const struct cli_cmd *cmd = NULL;
	if (argc > 1 && !(cmd = find_cmd(argv[1]))) {
		const char *near = cli_nearest_cmd(argv[1]);
		if (near)
			return err_set(e, ERR_USAGE, "lệnh không tồn tại: '%s'; có phải '%s'? (xem theodoi "
			               "--help)", argv[1], near);
		return err_set(e, ERR_USAGE, "lệnh không tồn tại: '%s' (xem theodoi --help)", argv[1]);
	}

	/* --today, else $THEODOI_TODAY, else the clock; a bad value is an
	 * error, never silently the clock. */
	const char *today_from = "--today";
	if (!today && (today = getenv("THEODOI_TODAY")) && *today)
		today_from = "THEODOI_TODAY";
	else if (today && !*today)
		today = NULL;
	c->ops.today = date_today();
	if (today && date_parse(today, &c->ops.today, e)) {
		str_copy(e->field, today_from, sizeof e->field);
		return ERR_USAGE;
	}
	if (cmd && (cmd->flags & CLI_NO_CONFIG)) {
		if ((rc = priv_drop(pv, e)))
			return rc;
		return cli_run(c, cmd, argc - 1, argv + 1, e);
	}
	if (pv->raised) {
		/* from here on, the user's own identity: whatever a command reads
		 * or writes, LMDB goes on through the descriptors it holds */
		struct err de;
		err_clear(&de);
		rc = open_raised(c, cmd, config, store, e);
		if (priv_drop(pv, &de))
			return *e = de, de.code;
		if (rc)
			return rc;
	} else {
		char path[PATH_MAX];
		unsigned how = cmd && (cmd->flags & CLI_LEAN_CONFIG) ? CFG_LEAN : 0;
		if ((rc = cfg_find(config, path, sizeof path, e)) ||
		    (rc = cfg_load_flags(path, how, &c->cfg, e)))
			return rc;
		c->ops.cfg = &c->cfg;
		if (store)
			str_copy(c->store_dir, store, sizeof c->store_dir);
		else if (c->cfg.store[0])
			str_copy(c->store_dir, c->cfg.store, sizeof c->store_dir);
		else
			return err_set(e, ERR_CONFIG, "%s: chưa chỉ định kho dữ liệu ([store] path) và "
			               "không có --store", c->cfg.path);
	}

	if (cmd)
		return cli_run(c, cmd, argc - 1, argv + 1, e);
	/* No command: the screen on a terminal, the overview otherwise. */
	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		if (!pv->raised && cli_store_missing(c) && (rc = cli_init_offer(c, e)))
			return rc;
		if ((rc = cli_store(c, 0, e)))
			return rc;
		/* started raised (dropped by now): the installed module only */
		return screen_run(&c->ops, pv->started_raised, e);
	}
	const struct cli_cmd *ov = find_cmd("overview");
	char *ov_argv[] = {(char *)"overview", NULL};
	return cli_run(c, ov, 1, ov_argv, e);
}

/* With $THEODOI_STATS set, report on stderr at the end (for `make bench`):
 * the time from main() to the end of the command, and memory: private
 * anonymous memory apart from RSS, which also counts the shared page cache
 * of the mapped store. */
static void print_stats(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long us = (long)((t1.tv_sec - t0->tv_sec) * 1000000L + (t1.tv_nsec - t0->tv_nsec) / 1000);
	FILE *f = fopen("/proc/self/smaps_rollup", "r");
	char line[256];
	long rss = -1, anon = -1;
	if (!f)
		return;
	while (fgets(line, sizeof line, f)) {
		if (!strncmp(line, "Rss:", 4))
			rss = strtol(line + 4, NULL, 10);
		else if (!strncmp(line, "Anonymous:", 10))
			anon = strtol(line + 10, NULL, 10);
	}
	fclose(f);
	fprintf(stderr, "stats: elapsed_us=%ld rss_kb=%ld anon_kb=%ld\n", us, rss, anon);
}

int main(int argc, char **argv)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	/* No setlocale here: what the commands print is UTF-8 of our own, with
	 * C-formatted numbers and dates, whatever the locale; only the screen
	 * takes the user's locale (ui_main), and loading it costs a dozen
	 * file reads that a count does not need. */
	struct cli c;
	memset(&c, 0, sizeof c);
	c.out = stdout;
	struct err e;
	err_clear(&e);
	struct priv pv;
	priv_init(&pv);
	int rc = run(argc, argv, &c, &pv, &e);
	if (pv.raised && priv_drop(&pv, &e)) /* before anything is written */
		rc = e.code;
	if (getenv("THEODOI_STATS"))
		print_stats(&t0); /* before the store is unmapped */
	if (fflush(stdout) != 0 && !rc)
		rc = err_set(&e, ERR_IO, "không ghi được kết quả ra đầu ra chuẩn");
	if (rc) {
		char buf[1024];
		if (!e.msg[0])
			err_set(&e, rc, "lỗi không xác định (mã %d)", rc);
		fprintf(stderr, "theodoi: %s\n", err_str(&e, buf, sizeof buf));
	}
	if (c.hier)
		hier_free(c.hier);
	if (c.ops.st)
		store_close(c.ops.st);
	cfg_free(&c.cfg);
	return rc;
}
