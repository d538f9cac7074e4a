/* cli-demo.c — the two commands that make stores: demo (the sample
 * province with its plans) and gen (a synthetic national-scale setup for
 * benchmarks). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli-opts.h"
#include "cli.h"
#include "demo.h"
#include "gen.h"
#include "store.h"
#include "util.h"

/* ---- demo ---- */

static const char demo_help[] =
	"Cách dùng: theodoi demo\n"
	"Tạo dữ liệu trình diễn trong kho trống (--store DIR, hoặc [store] path trong\n"
	"theodoi.ini): bốn văn bản chỉ đạo theo tầng của tỉnh Sơn Hà (hư cấu) với khoảng 150\n"
	"nhiệm vụ, lịch sử cập nhật nhiều tháng, gia hạn, chỉ tiêu; mọi ngày tháng tính từ\n"
	"hôm nay (--today), nên một tỷ lệ nhiệm vụ luôn đang quá hạn. Cần hệ thống đơn vị\n"
	"mẫu conf/units.ini. Kho đã có văn bản thì không ghi gì và trả mã lỗi 8. Bị từ chối\n"
	"thì không để lại kho hay thư mục nào đã tạo.\n";

static int demo_summary(struct cli *c, struct err *e)
{
	struct txn *t;
	struct store_stat ss;
	struct store_counts sc;
	char day[11];
	int rc = store_read_begin(c->ops.st, &t, e);
	if (rc)
		return rc;
	if (!(rc = store_stat(t, &ss, e)))
		rc = store_unit_counts(t, 0, c->ops.today, c->cfg.soon_days, &sc, e);
	store_read_end(t);
	if (rc)
		return rc;
	fprintf(c->out,
	        "Đã tạo dữ liệu trình diễn trong %s: %llu văn bản, %llu nhiệm vụ, %llu lần cập nhật.\n"
	        "Ngày %s: %llu nhiệm vụ quá hạn, %llu sắp đến hạn, %llu đang thực hiện hoặc chưa "
	        "thực hiện.\n",
	        store_path(c->ops.st), (unsigned long long)ss.docs, (unsigned long long)ss.tasks,
	        (unsigned long long)ss.updates, date_vn(c->ops.today, day),
	        (unsigned long long)sc.overdue, (unsigned long long)sc.soon,
	        (unsigned long long)sc.open);
	return 0;
}

/* The shallowest directory of path that does not exist yet, into out ("" if
 * path exists): what creating path would make. */
static void first_missing(const char *path, char *out, size_t len)
{
	char p[PATH_MAX];
	struct stat sb;

	out[0] = '\0';
	if (str_copy(p, path, sizeof p) >= sizeof p || lstat(p, &sb) == 0)
		return;
	for (size_t n = strlen(p); n > 1 && p[n - 1] == '/';)
		p[--n] = '\0';
	for (;;) {
		str_copy(out, p, len);
		char *slash = strrchr(p, '/');
		while (slash && slash > p && slash[-1] == '/')
			slash--;
		if (!slash || slash == p)
			return;
		*slash = '\0';
		if (lstat(p, &sb) == 0)
			return;
	}
}

/* Undo what opening the store made: its files, the store directory and
 * the parents made for it, up to top (the first that was missing); only
 * the files when top is NULL (the directory was there before). */
static void remove_made(const char *store, const char *top)
{
	static const char *const files[] = {"data.mdb", "lock.mdb"};
	char p[PATH_MAX];

	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		if ((size_t)snprintf(p, sizeof p, "%s/%s", store, files[i]) < sizeof p)
			unlink(p);
	if (!top)
		return;
	str_copy(p, store, sizeof p);
	for (size_t n = strlen(p); n > 1 && p[n - 1] == '/';)
		p[--n] = '\0';
	for (;;) {
		if (rmdir(p) != 0 || !strcmp(p, top))
			return;
		char *slash = strrchr(p, '/');
		if (!slash || slash == p)
			return;
		*slash = '\0';
	}
}

int cmd_demo(struct cli *c, int argc, char **argv, struct err *e)
{
	char made[PATH_MAX];
	int done, rc = cli_opts_none(c, argc, argv, "demo", demo_help, &done, e);
	if (rc || done)
		return rc;
	if (optind < argc)
		return err_set(e, ERR_USAGE, "lệnh demo không nhận tham số: '%s'", argv[optind]);
	/* a refused demo leaves no directory behind, nor a store in an
	 * existing directory that had none */
	char data[PATH_MAX];
	struct stat sb;
	first_missing(c->store_dir, made, sizeof made);
	int had_store = (size_t)snprintf(data, sizeof data, "%s/data.mdb", c->store_dir) >=
	                        sizeof data ||
	                lstat(data, &sb) == 0;
	if ((rc = cli_store(c, 1, e)) || (rc = demo_build(&c->ops, e))) {
		if (made[0] || !had_store) {
			if (c->ops.st) {
				store_close(c->ops.st);
				c->ops.st = NULL;
			}
			remove_made(c->store_dir, made[0] ? made : NULL);
		}
		return rc;
	}
	return demo_summary(c, e);
}

/* ---- gen ---- */

static const char gen_help[] =
	"Cách dùng: theodoi gen --tasks N [--seed S] [--units U] DIR\n"
	"Sinh một bộ dữ liệu tổng hợp cỡ quốc gia để đo hiệu năng, trong thư mục DIR (tạo nếu\n"
	"chưa có; không được chứa sẵn theodoi.ini, units.ini hay store):\n"
	"  DIR/units.ini    hệ thống đơn vị hư cấu: Trung ương, 34 tỉnh, thành với các ban,\n"
	"                   các huyện ủy, đảng ủy khối và tổ chức cơ sở (mã dạng p12-d07-c31)\n"
	"  DIR/theodoi.ini  cấu hình trỏ tới units.ini và kho (người dùng root: quản trị)\n"
	"  DIR/store        kho dữ liệu với N nhiệm vụ, nhiều lần cập nhật mỗi nhiệm vụ,\n"
	"                   hạn quanh ngày hôm nay (--today), khoảng 40% số việc đang mở quá hạn\n"
	"Tùy chọn:\n"
	"  --tasks N   số nhiệm vụ (1..20000000), bắt buộc\n"
	"  --seed S    hạt giống ngẫu nhiên (mặc định 1): cùng S, N, U, ngày cho cùng dữ liệu\n"
	"  --units U   số đơn vị xấp xỉ (mặc định 20000)\n"
	"Tùy chọn chung --today đặt ngày làm mốc; --store không dùng cho lệnh này.\n"
	"Tiến độ in ra stderr. Sau đó: theodoi --config DIR/theodoi.ini overdue --count\n"
	"Kho được đánh dấu chưa tạo xong đến giao dịch cuối: gen bị giết giữa chừng để lại kho\n"
	"mà mọi lệnh từ chối; bị lỗi hoặc ngắt (SIGINT, SIGTERM, SIGHUP) thì xóa những gì đã tạo.\n";

struct gen_progress {
	int tty;
	int last_tenth;
};

static void gen_progress_print(void *ctx, const char *phase, long done, long total)
{
	struct gen_progress *p = ctx;
	int tenth = total > 0 ? (int)(done * 10 / total) : 10;

	if (p->tty) {
		fprintf(stderr, "\rtheodoi gen: %s %ld/%ld", phase, done, total);
		if (done == total)
			fputc('\n', stderr);
	} else if (done == 0 || done == total || tenth != p->last_tenth) {
		fprintf(stderr, "theodoi gen: %s %ld/%ld\n", phase, done, total);
	}
	p->last_tenth = done == total ? -1 : tenth;
	fflush(stderr);
}

static int gen_number(const char *opt, const char *v, long max, long *out, struct err *e)
{
	if (str_to_long(v, 1, max, out)) {
		err_set(e, ERR_USAGE, "giá trị không hợp lệ cho %s: '%s' (số nguyên 1..%ld)", opt, v, max);
		if (e)
			str_copy(e->field, opt, sizeof e->field);
		return ERR_USAGE;
	}
	return 0;
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

int cmd_gen(struct cli *c, int argc, char **argv, struct err *e)
{
	enum { OPT_TASKS = 't', OPT_SEED = 's', OPT_UNITS = 'u' };
	static const struct option opts[] = {
		{"tasks", required_argument, NULL, OPT_TASKS}, {"seed", required_argument, NULL, OPT_SEED},
		{"units", required_argument, NULL, OPT_UNITS}, {"help", no_argument, NULL, 'h'}, {0}};
	long ntasks = 0, seed = 1;
	struct gen_opts go = {0};
	struct gen_stats gs;
	struct gen_progress prog = {isatty(STDERR_FILENO), -1};
	struct timespec t0;
	int o, rc;

	while ((o = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (o) {
		case 'h':
			return fputs(gen_help, c->out), 0;
		case OPT_TASKS:
			if ((rc = gen_number("--tasks", optarg, GEN_MAX_TASKS, &ntasks, e)))
				return rc;
			break;
		case OPT_SEED:
			if ((rc = gen_number("--seed", optarg, 0x7fffffffL, &seed, e)))
				return rc;
			break;
		case OPT_UNITS:
			if ((rc = gen_number("--units", optarg, GEN_MAX_UNITS, &go.units, e)))
				return rc;
			break;
		default:
			return cli_bad_option("gen", e);
		}
	}
	if (ntasks == 0)
		return err_set(e, ERR_USAGE, "lệnh gen cần --tasks N (xem theodoi gen --help)");
	if (optind + 1 != argc)
		return err_set(e, ERR_USAGE, "lệnh gen cần đúng một thư mục DIR (xem theodoi gen --help)");
	go.today = c->ops.today;
	go.progress = gen_progress_print;
	go.progress_ctx = &prog;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((rc = gen_build(argv[optind], ntasks, (unsigned long)seed, &go, &gs, e)))
		return rc;
	fprintf(c->out,
	        "Đã sinh bộ dữ liệu trong %s sau %.1f giây: %ld đơn vị, %ld văn bản, %ld nhiệm vụ, "
	        "%ld lần cập nhật.\n"
	        "Nhiệm vụ đang mở có hạn: %llu, trong đó quá hạn %llu (%.1f%%). Kho: %.1f MiB.\n"
	        "Dùng: theodoi --config %s/theodoi.ini overdue --count\n",
	        argv[optind], seconds_since(&t0), gs.units, gs.docs, gs.tasks, gs.updates,
	        (unsigned long long)gs.open_dated, (unsigned long long)gs.overdue,
	        gs.open_dated ? 100.0 * (double)gs.overdue / (double)gs.open_dated : 0.0,
	        (double)gs.store_bytes / (1024.0 * 1024.0), argv[optind]);
	return 0;
}
