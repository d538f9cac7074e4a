/* test_concurrency.c — many processes write one store at once: every
 * update is there afterwards, the indexes are consistent and no writer saw
 * an error; a reader killed in the middle of a read does not make the store
 * grow once the next process clears its slot.
 *
 * The writers test runs 16 processes × 200 updates in `make check`; set
 * THEODOI_CONC_WRITERS and THEODOI_CONC_UPDATES for other counts (`make
 * bench` runs 16 × 2,000 through tests/bench-writers.sh), and
 * THEODOI_CONC_REPORT to a file name to get "writers updates seconds"
 * written there. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "store-fixture.h"

#include "config.h"
#include "ops.h"

#define NTASKS 8

static long env_long(const char *name, long dflt)
{
	const char *s = getenv(name);
	long v;
	return s && !str_to_long(s, 1, 1000000, &v) ? v : dflt;
}

/* Units and NTASKS tasks; the store is closed afterwards (no environment
 * may cross a fork). */
static void make_store(uint64_t *ids)
{
	uint32_t tu = fx_unit("tu", 0);
	for (int i = 0; i < NTASKS; i++)
		ids[i] = fx_task(tu, 0, ST_IN_PROGRESS, date_make(2026, 12, 31));
	store_close(fx_st);
	fx_st = NULL;
}

static void ops_of(struct ops_ctx *c, struct config *cfg, struct store *st)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->unmapped_can_read = 1;
	cfg->extend = CFG_EXTEND_EDITORS;
	cfg->periods.months = 1u << 11;
	memset(c, 0, sizeof *c);
	c->st = st;
	c->cfg = cfg;
	c->today = date_make(2026, 11, 23);
	strcpy(c->who.login, "nv.test");
	c->who.role = ROLE_ADMIN;
}

/* One writer: waits for the start, then n updates to overlapping tasks. */
static void writer(int k, int n, const uint64_t *ids, int start_fd)
{
	char go;
	struct store *st;
	struct err e = {0};
	struct config cfg;
	struct ops_ctx c;
	if (read(start_fd, &go, 1) < 0)
		_exit(3);
	if (store_open(fx_path, 0, &st, &e)) {
		fprintf(stderr, "writer %d: %s\n", k, e.msg);
		_exit(1);
	}
	ops_of(&c, &cfg, st);
	for (int i = 0; i < n; i++) {
		char note[32];
		snprintf(note, sizeof note, "w%d-%d", k, i);
		uint64_t task = ids[(k * 3 + i) % NTASKS];
		if (ops_update(&c, task, -1, i % 100, note, NULL, &e)) {
			fprintf(stderr, "writer %d, update %d: %s\n", k, i, e.msg);
			_exit(2);
		}
	}
	store_close(st);
	_exit(0);
}

struct seen {
	unsigned char *got;
	int writers, per;
	long dup, bad, n;
};

static int seen_update(const struct update *u, void *ctx)
{
	struct seen *s = ctx;
	int k, i;
	s->n++;
	if (!u->note || sscanf(u->note, "w%d-%d", &k, &i) != 2 || k < 0 || k >= s->writers ||
	    i < 0 || i >= s->per) {
		s->bad++;
		return 0;
	}
	if (s->got[k * s->per + i]++)
		s->dup++;
	return 0;
}

struct walk {
	struct txn *t;
	struct seen *s;
	uint64_t nupdates;
};

static int walk_task(const struct task *task, void *ctx)
{
	struct walk *w = ctx;
	w->nupdates += task->nupdates;
	return store_updates_of_task(w->t, task->id, seen_update, w->s, NULL);
}

TestSuite(concurrency, .init = fx_setup, .fini = fx_teardown);

Test(concurrency, sixteen_writers_lose_nothing_and_see_no_error, .timeout = 600)
{
	int writers = (int)env_long("THEODOI_CONC_WRITERS", 16);
	int per = (int)env_long("THEODOI_CONC_UPDATES", 200);
	uint64_t ids[NTASKS];
	int start[2];
	pid_t pids[256];
	cr_assert(writers <= 256);
	make_store(ids);
	cr_assert_eq(pipe(start), 0);
	for (int k = 0; k < writers; k++) {
		pids[k] = fork();
		cr_assert(pids[k] >= 0);
		if (pids[k] == 0) {
			close(start[1]);
			writer(k, per, ids, start[0]);
		}
	}
	close(start[0]);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	close(start[1]); /* every writer starts now */
	int failed = 0;
	for (int k = 0; k < writers; k++) {
		int st;
		waitpid(pids[k], &st, 0);
		failed += !WIFEXITED(st) || WEXITSTATUS(st) != 0;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	cr_assert_eq(failed, 0, "%d writers reported an error", failed);
	const char *report = getenv("THEODOI_CONC_REPORT");
	if (report) {
		FILE *f = fopen(report, "w");
		if (f) {
			fprintf(f, "%d %d %.3f\n", writers, writers * per, secs);
			fclose(f);
		}
	}
	fx_open(0);
	struct seen s = {calloc((size_t)writers * (size_t)per, 1), writers, per, 0, 0, 0};
	struct txn *t = fx_read();
	struct walk w = {t, &s, 0};
	cr_assert_eq(store_tasks_each(t, walk_task, &w, NULL), 0);
	struct store_stat ss;
	cr_assert_eq(store_stat(t, &ss, NULL), 0);
	store_read_end(t);
	long total = (long)writers * per, missing = 0;
	for (long i = 0; i < total; i++)
		missing += !s.got[i];
	cr_assert_eq(s.bad + s.dup + missing, 0, "%ld bad, %ld twice, %ld missing", s.bad, s.dup,
	             missing);
	cr_assert_eq(s.n, total);
	cr_assert_eq(w.nupdates, (uint64_t)total, "the tasks' update counts");
	cr_assert_eq(ss.updates, (uint64_t)total);
	cr_assert_eq(ss.audit, (uint64_t)total, "one audit entry per update");
	free(s.got);
	fx_check_clean();
}

/* Updates by this process: the task's record is rewritten each time, so
 * every commit frees the pages of the one before. */
static void churn(int n, uint64_t task)
{
	struct config cfg;
	struct ops_ctx c;
	struct err e = {0};
	ops_of(&c, &cfg, fx_st);
	for (int i = 0; i < n; i++)
		cr_assert_eq(ops_update(&c, task, -1, i % 100, "x", NULL, &e), 0, "%s", e.msg);
}

static uint64_t used_bytes(void)
{
	struct txn *t = fx_read();
	struct store_stat ss;
	cr_assert_eq(store_stat(t, &ss, NULL), 0);
	store_read_end(t);
	return ss.used_bytes;
}

/* A child that opens the store, begins a read transaction when `read` is
 * set, says so on fd and waits to be killed. */
static pid_t holder(int read_txn, int fd)
{
	pid_t pid = fork();
	cr_assert(pid >= 0);
	if (pid == 0) {
		struct store *st;
		struct txn *t;
		if (store_open(fx_path, 0, &st, NULL) || (read_txn && store_read_begin(st, &t, NULL)))
			_exit(1);
		if (write(fd, "r", 1) != 1)
			_exit(1);
		pause();
		_exit(0);
	}
	char c;
	cr_assert_eq(read(fd - 1, &c, 1), 1);
	return pid;
}

Test(concurrency, a_reader_killed_mid_read_does_not_make_the_store_grow)
{
	uint64_t ids[NTASKS];
	int ready[2];
	make_store(ids);
	cr_assert_eq(pipe(ready), 0);
	cr_assert_eq(ready[1], ready[0] + 1);
	/* another process keeps the store open, so that LMDB does not start a
	 * fresh lock file at the next open: the dead reader's slot stays */
	pid_t keep = holder(0, ready[1]);
	pid_t reader = holder(1, ready[1]);
	kill(reader, SIGKILL);
	waitpid(reader, NULL, 0);
	fx_open(0); /* clears the dead reader's slot (mdb_reader_check) */
	churn(200, ids[0]);
	uint64_t base = used_bytes();
	churn(2000, ids[0]);
	uint64_t grown = used_bytes() - base;
	kill(keep, SIGKILL);
	waitpid(keep, NULL, 0);
	/* 2,000 updates of which each appends an update record and an audit
	 * entry (about 100 bytes each) and rewrites one task: pinned pages would
	 * add some 30 MB; reused ones leave the growth to the new records. */
	cr_assert_lt(grown, (uint64_t)2 << 20, "the store grew by %llu bytes",
	             (unsigned long long)grown);
}

Test(concurrency, an_open_store_without_a_read_transaction_pins_nothing)
{
	uint64_t ids[NTASKS];
	make_store(ids);
	struct store *idle;
	struct err e = {0};
	cr_assert_eq(store_open(fx_path, 0, &idle, &e), 0, "%s", e.msg); /* like the TUI between keys */
	fx_open(0);
	churn(200, ids[1]);
	uint64_t base = used_bytes();
	churn(2000, ids[1]);
	cr_assert_lt(used_bytes() - base, (uint64_t)2 << 20);
	store_close(idle);
}

/* A writer that holds the store's write lock until fd `hold` closes. */
static int hold_lock(struct txn *t, void *ctx, struct err *e)
{
	int *fds = ctx;
	char c;
	(void)t;
	(void)e;
	if (write(fds[1], "w", 1) != 1)
		return ERR_IO;
	while (read(fds[0], &c, 1) > 0)
		;
	return 0;
}

Test(concurrency, opening_a_store_does_not_wait_for_a_writer, .timeout = 30)
{
	uint64_t ids[NTASKS];
	int ready[2], hold[2];
	make_store(ids);
	cr_assert_eq(pipe(ready), 0);
	cr_assert_eq(pipe(hold), 0);
	pid_t pid = fork();
	cr_assert(pid >= 0);
	if (pid == 0) {
		struct store *st;
		int fds[2] = {hold[0], ready[1]};
		close(hold[1]);
		if (store_open(fx_path, 0, &st, NULL) || store_write(st, hold_lock, fds, NULL))
			_exit(1);
		_exit(0);
	}
	close(hold[0]);
	char c;
	cr_assert_eq(read(ready[0], &c, 1), 1);
	/* an import, say, is writing: a reader opens the store and counts
	 * without waiting for it (were the open to take the writer's lock,
	 * the alarm would end the test) */
	alarm(10);
	struct store *st;
	struct txn *t;
	struct err e = {0};
	uint64_t n = 0;
	cr_assert_eq(store_open(fx_path, 0, &st, &e), 0, "%s", e.msg);
	cr_assert_eq(store_read_begin(st, &t, &e), 0, "%s", e.msg);
	cr_assert_eq(store_count(t, 0, DATE_NONE, STORE_SLOT_CLOSED, &n, &e), 0, "%s", e.msg);
	store_read_end(t);
	alarm(0);
	cr_assert_eq(n, NTASKS);
	store_close(st);
	close(hold[1]);
	int status;
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}
