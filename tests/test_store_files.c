/* test_store_files.c — the truncation check of store-files.c under load:
 * 16 writers grow data.mdb as fast as they can while other processes check
 * it over and over; a growing file must never be reported as cut short.
 * A file really cut short still is.  Bounded to a few seconds
 * (THEODOI_GROW_SECONDS to change it). */
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>

#include "store-fixture.h"

#include "../src/store-impl.h"

#define WRITERS 16
#define CHECKERS 4

TestSuite(store_files, .init = fx_setup, .fini = fx_teardown);

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct grow {
	int k;
	unsigned n;
};

/* One transaction that adds a few pages: a new key with a 12 KiB value. */
static int grow_one(struct txn *t, void *ctx, struct err *e)
{
	struct grow *g = ctx;
	char key[32], val[12 * 1024];
	memset(val, 'a' + g->k % 26, sizeof val - 1);
	val[sizeof val - 1] = '\0';
	snprintf(key, sizeof key, "grow-%d-%u", g->k, g->n);
	return store_meta_put(t, key, val, e);
}

/* Writer k: its own environment (none crosses a fork), writes until the
 * deadline; exits 1 on an error. */
static void writer(int k, double until)
{
	struct store *st = NULL;
	struct err e = {0};
	struct grow g = {k, 0};
	if (store_open(fx_path, 0, &st, &e))
		_exit(1);
	while (now() < until) {
		g.n++;
		if (store_write(st, grow_one, &g, &e)) {
			fprintf(stderr, "writer %d: %s\n", k, e.msg);
			_exit(1);
		}
	}
	store_close(st);
	_exit(0);
}

/* Checker: runs the check until the deadline; exits 2 on a false alarm. */
static void checker(const char *data, double until)
{
	struct err e = {0};
	while (now() < until) {
		if (store_check_data_file(data, fx_path, &e)) {
			fprintf(stderr, "false alarm: %s\n", e.msg);
			_exit(2);
		}
	}
	_exit(0);
}

Test(store_files, a_file_growing_under_sixteen_writers_is_never_called_cut_short)
{
	const char *s = getenv("THEODOI_GROW_SECONDS");
	double secs = s && atof(s) > 0 ? atof(s) : 2.0;
	char data[200];
	struct stat before, after;
	pid_t pids[WRITERS + CHECKERS];
	int alarms = 0, errors = 0;

	snprintf(data, sizeof data, "%s/data.mdb", fx_path);
	store_close(fx_st);
	fx_st = NULL;
	cr_assert_eq(stat(data, &before), 0);
	double until = now() + secs;
	for (int i = 0; i < WRITERS + CHECKERS; i++) {
		pids[i] = fork();
		cr_assert(pids[i] >= 0);
		if (pids[i] == 0) {
			if (i < WRITERS)
				writer(i, until);
			checker(data, until);
		}
	}
	for (int i = 0; i < WRITERS + CHECKERS; i++) {
		int st;
		cr_assert_eq(waitpid(pids[i], &st, 0), pids[i]);
		if (!WIFEXITED(st) || WEXITSTATUS(st) == 1)
			errors++;
		else if (WEXITSTATUS(st) == 2)
			alarms++;
	}
	cr_assert_eq(errors, 0, "%d writers failed", errors);
	cr_assert_eq(alarms, 0, "%d of %d checkers reported a growing file as cut short", alarms,
	             CHECKERS);
	/* the file did grow meanwhile, or the test proved nothing */
	cr_assert_eq(stat(data, &after), 0);
	cr_assert_gt(after.st_size, before.st_size);
	struct err e = {0};
	cr_assert_eq(store_check_data_file(data, fx_path, &e), 0, "%s", e.msg);
}

Test(store_files, a_file_really_cut_short_is_reported)
{
	char data[200];
	struct stat sb;
	struct grow g = {0, 0};
	for (g.n = 0; g.n < 50; g.n++)
		fx_write(grow_one, &g);
	store_close(fx_st);
	fx_st = NULL;
	snprintf(data, sizeof data, "%s/data.mdb", fx_path);
	cr_assert_eq(stat(data, &sb), 0);
	cr_assert_eq(truncate(data, sb.st_size / 2), 0);
	struct err e = {0};
	cr_assert_eq(store_check_data_file(data, fx_path, &e), ERR_STORE);
	cr_assert(strstr(e.msg, "cắt cụt"), "%s", e.msg);
}
