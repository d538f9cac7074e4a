/* test_gen.c — the synthetic benchmark setup: a consistent store of N
 * tasks, a units.ini the configuration loader accepts, the overdue share,
 * determinism, and refusals. */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "config.h"
#include "deadline.h"
#include "file-fixture.h"
#include "gen.h"
#include "store.h"
#include "store-digest.h"
#include "util.h"

#define TODAY date_make(2026, 11, 23)

struct setup {
	char tmp[64];
	char dir[128];
	struct gen_stats s;
};

static int build_in(struct setup *x, long ntasks, unsigned long seed, long units, struct err *e)
{
	struct gen_opts o = {0};
	o.units = units;
	o.today = TODAY;
	o.batch = 700; /* several transactions even for a small N */
	return gen_build(x->dir, ntasks, seed, &o, &x->s, e);
}

static void make(struct setup *x, long ntasks, unsigned long seed, long units)
{
	struct err e;
	err_clear(&e);
	memset(x, 0, sizeof *x);
	strcpy(x->tmp, "/tmp/theodoi-gen-XXXXXX");
	cr_assert_not_null(mkdtemp(x->tmp));
	snprintf(x->dir, sizeof x->dir, "%s/setup", x->tmp);
	cr_assert_eq(build_in(x, ntasks, seed, units, &e), 0, "%s", e.msg);
}

static void drop(struct setup *x)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", x->tmp);
	cr_assert_eq(system(cmd), 0);
}

static struct store *open_store(const struct setup *x)
{
	char path[160];
	struct store *st;
	struct err e;
	snprintf(path, sizeof path, "%s/store", x->dir);
	cr_assert_eq(store_open(path, STORE_RDONLY, &st, &e), 0, "%s", e.msg);
	return st;
}

Test(gen, builds_a_consistent_store_of_n_tasks)
{
	struct setup x;
	struct txn *t;
	struct store_stat ss;
	struct err e;
	char *report = NULL;
	make(&x, 2000, 7, 300);
	cr_assert_eq(x.s.tasks, 2000);
	struct store *st = open_store(&x);
	cr_assert_eq(store_read_begin(st, &t, &e), 0);
	cr_assert_eq(store_stat(t, &ss, &e), 0);
	cr_assert_eq(ss.tasks, 2000);
	cr_assert_eq((long)ss.docs, x.s.docs);
	cr_assert_eq((long)ss.units, x.s.units);
	cr_assert_eq((long)ss.updates, x.s.updates);
	cr_assert_gt(x.s.updates, 2 * 2000, "several updates per task: %ld", x.s.updates);
	cr_assert_gt(x.s.docs, 10);
	int rc = store_check(t, &report, &e);
	store_read_end(t);
	cr_assert_eq(rc, 0, "%s", report ? report : e.msg);
	free(report);
	store_close(st);
	drop(&x);
}

Test(gen, units_ini_is_accepted_by_the_configuration_loader)
{
	struct setup x;
	struct config c;
	struct err e;
	char ini[160];
	err_clear(&e);
	make(&x, 50, 3, 300);
	snprintf(ini, sizeof ini, "%s/theodoi.ini", x.dir);
	cr_assert_eq(cfg_load(ini, &c, &e), 0, "%s", e.msg);
	cr_assert_eq(cfg_load_units(&c, &e), 0, "%s:%d: %s", e.file, e.line, e.msg);
	cr_assert_eq(c.nunits, x.s.units);
	const struct cfg_user *root = cfg_user(&c, "root");
	cr_assert_not_null(root);
	cr_assert_str_eq(root->unit, "tw");
	cr_assert_eq(root->role, ROLE_ADMIN);
	int grass = 0;
	for (int i = 0; i < c.nunits; i++)
		grass += c.units[i].kind == UK_DANG_UY_CO_SO || c.units[i].kind == UK_CHI_BO;
	cr_assert_gt(grass, c.nunits / 2, "%d grassroots of %d", grass, c.nunits);
	cr_assert(strstr(c.store, "store"), "%s", c.store);
	cfg_free(&c);
	drop(&x);
}

Test(gen, unit_count_follows_the_request)
{
	struct setup x;
	make(&x, 10, 1, 3000);
	cr_assert(x.s.units > 2000 && x.s.units < 4000, "%ld units", x.s.units);
	drop(&x);
}

Test(gen, about_forty_percent_of_open_dated_tasks_are_overdue)
{
	struct setup x;
	struct txn *t;
	struct store_counts sc;
	uint64_t open_dated;
	struct err e;
	make(&x, 5000, 11, 300);
	struct store *st = open_store(&x);
	cr_assert_eq(store_read_begin(st, &t, &e), 0);
	cr_assert_eq(store_unit_counts(t, 0, TODAY, 14, &sc, &e), 0);
	cr_assert_eq(store_count(t, 0, DATE_NONE, STORE_SLOT_NODUE - 1, &open_dated, &e), 0);
	store_read_end(t);
	store_close(st);
	cr_assert_eq(sc.overdue, x.s.overdue);
	cr_assert_eq(open_dated, x.s.open_dated);
	double share = (double)sc.overdue / (double)open_dated;
	cr_assert(share > 0.30 && share < 0.50, "%llu of %llu", (unsigned long long)sc.overdue,
	          (unsigned long long)open_dated);
	cr_assert_gt(sc.soon, 0);
	cr_assert_gt(sc.closed, 0);
	drop(&x);
}

struct kinds {
	int n[DL_KIND_COUNT];
	int reparsed_differently;
	int unled;
};

static int note_kind(const struct task *tk, void *ctx)
{
	struct kinds *k = ctx;
	struct deadline dl;
	k->n[tk->dl.d.kind]++;
	if (tk->dl_phrase) {
		dl_parse(tk->dl_phrase, &dl);
		k->reparsed_differently += dl.d.kind != tk->dl.d.kind || dl_due(&dl) != dl_due(&tk->dl);
	}
	k->unled += tk->lead == 0;
	return 0;
}

Test(gen, tasks_mix_every_deadline_kind_and_have_leads)
{
	struct setup x;
	struct txn *t;
	struct kinds k = {0};
	struct err e;
	make(&x, 3000, 5, 300);
	struct store *st = open_store(&x);
	cr_assert_eq(store_read_begin(st, &t, &e), 0);
	cr_assert_eq(store_tasks_each(t, note_kind, &k, &e), 0);
	store_read_end(t);
	store_close(st);
	for (int i = 0; i < DL_KIND_COUNT; i++)
		cr_assert_gt(k.n[i], 0, "no task of kind %s", dl_kind_name((enum dl_kind)i));
	cr_assert_gt(k.n[DL_BY], k.n[DL_ONGOING]);
	cr_assert_eq(k.reparsed_differently, 0);
	cr_assert_eq(k.unled, 0);
	drop(&x);
}

Test(gen, same_seed_gives_the_same_setup)
{
	struct setup a, b, c;
	make(&a, 1500, 42, 300);
	make(&b, 1500, 42, 300);
	make(&c, 1500, 43, 300);
	char pa[160], pb[160], pc[160];
	snprintf(pa, sizeof pa, "%s/units.ini", a.dir);
	snprintf(pb, sizeof pb, "%s/units.ini", b.dir);
	snprintf(pc, sizeof pc, "%s/units.ini", c.dir);
	char *ua = tf_read(pa, NULL), *ub = tf_read(pb, NULL), *uc = tf_read(pc, NULL);
	cr_assert_str_eq(ua, ub);
	cr_assert_str_neq(ua, uc);
	cr_assert_eq(a.s.updates, b.s.updates);
	cr_assert_eq(a.s.docs, b.s.docs);
	cr_assert_eq(a.s.overdue, b.s.overdue);
	free(ua);
	free(ub);
	free(uc);
	drop(&a);
	drop(&b);
	drop(&c);
}

/* The setup is the one the gcc build made for this seed, in every build:
 * units.ini, the units and every record of the store.  same_seed_... above
 * compares two setups of one binary and cannot see a draw whose place in
 * the sequence the compiler chooses; under clang (make check-asan) this
 * test does.  A change of gen that is meant changes the digests: take the
 * new ones from a gcc build's failure message, and check that a clang
 * build gives the same. */
Test(gen, the_setup_is_the_one_the_gcc_build_made)
{
	struct setup x;
	struct store *st;
	char path[160], hex[65];
	make(&x, 2000, 42, 1000);
	snprintf(path, sizeof path, "%s/units.ini", x.dir);
	cr_assert_eq(sha256_file(path, hex), 0, "%s", path);
	cr_assert_str_eq(hex, "44197a18cf2c5198606c744f2e4f4676e4a778ea93525090ca14abad9bfac4ac", "units.ini's digest is %s: it is no longer the gcc build's",
	                 hex);
	st = open_store(&x);
	sd_assert_digest(st, "gen-2000", "02b83fc26f6699b6bee0f834a869f0ac8f91e60ccf4bf729c14897795e114ed6");
	store_close(st);
	drop(&x);
}

Test(gen, batches_rerun_when_the_map_grows_without_changing_the_result)
{
	struct setup a, b;
	struct txn *t;
	struct err e;
	char *report = NULL;
	make(&a, 1500, 42, 300);
	setenv("THEODOI_MAPSIZE", "64K", 1);
	make(&b, 1500, 42, 300);
	unsetenv("THEODOI_MAPSIZE");
	cr_assert_eq(a.s.tasks, b.s.tasks);
	cr_assert_eq(a.s.docs, b.s.docs);
	cr_assert_eq(a.s.updates, b.s.updates);
	cr_assert_eq(a.s.overdue, b.s.overdue);
	struct store *st = open_store(&b);
	cr_assert_eq(store_read_begin(st, &t, &e), 0);
	int rc = store_check(t, &report, &e);
	store_read_end(t);
	cr_assert_eq(rc, 0, "%s", report ? report : e.msg);
	free(report);
	store_close(st);
	drop(&a);
	drop(&b);
}

Test(gen, refuses_a_directory_that_already_has_a_setup)
{
	struct setup x;
	struct err e;
	err_clear(&e);
	make(&x, 20, 1, 300);
	cr_assert_eq(build_in(&x, 20, 1, 300, &e), ERR_CONFLICT);
	cr_assert(strstr(e.file, x.dir), "%s", e.file);
	drop(&x);
}

Test(gen, bad_sizes_are_usage_errors)
{
	struct err e;
	err_clear(&e);
	cr_assert_eq(gen_build("/nonexistent/never", 0, 1, NULL, NULL, &e), ERR_USAGE);
	cr_assert_eq(gen_build("/nonexistent/never", GEN_MAX_TASKS + 1, 1, NULL, NULL, &e), ERR_USAGE);
	struct gen_opts o = {0};
	o.units = GEN_MAX_UNITS + 1;
	o.today = TODAY;
	cr_assert_eq(gen_build("/nonexistent/never", 10, 1, &o, NULL, &e), ERR_USAGE);
	cr_assert_eq(gen_build("/nonexistent/never", 10, 1, NULL, NULL, &e), ERR_IO);
}

struct seen {
	long last_done, total, calls;
};

static void on_progress(void *ctx, const char *phase, long done, long total)
{
	struct seen *s = ctx;
	if (strcmp(phase, "nhiệm vụ"))
		return;
	cr_assert_geq(done, s->last_done);
	s->last_done = done;
	s->total = total;
	s->calls++;
}

Test(gen, reports_progress_per_batch)
{
	struct setup x;
	struct seen s = {0};
	struct gen_opts o = {0};
	struct err e;
	memset(&x, 0, sizeof x);
	strcpy(x.tmp, "/tmp/theodoi-gen-XXXXXX");
	cr_assert_not_null(mkdtemp(x.tmp));
	snprintf(x.dir, sizeof x.dir, "%s/setup", x.tmp);
	o.units = 300;
	o.today = TODAY;
	o.batch = 250;
	o.progress = on_progress;
	o.progress_ctx = &s;
	cr_assert_eq(gen_build(x.dir, 1000, 9, &o, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(s.calls, 4);
	cr_assert_eq(s.last_done, 1000);
	cr_assert_eq(s.total, 1000);
	drop(&x);
}

/* ---- nothing half-made looks complete ---- */

Test(gen, a_finished_store_carries_no_unfinished_mark)
{
	struct setup x;
	struct txn *t;
	struct err e;
	char *v = NULL;
	make(&x, 30, 1, 300);
	struct store *st = open_store(&x);
	cr_assert_eq(store_read_begin(st, &t, &e), 0);
	cr_assert_eq(store_meta_get(t, "unfinished", &v, &e), 0, "%s", e.msg);
	cr_assert_str_eq(v, "", "cleared in the last transaction");
	free(v);
	store_read_end(t);
	store_close(st);
	drop(&x);
}

Test(gen, a_store_still_being_built_is_refused)
{
	char tmp[] = "/tmp/theodoi-gen-XXXXXX", path[64], cmd[96];
	struct store *st;
	struct err e;
	err_clear(&e);
	cr_assert_not_null(mkdtemp(tmp));
	snprintf(path, sizeof path, "%s/store", tmp);
	cr_assert_eq(store_open(path, STORE_CREATE | STORE_UNFINISHED, &st, &e), 0, "%s", e.msg);
	store_close(st);
	cr_assert_eq(store_open(path, 0, &st, &e), ERR_STORE);
	cr_assert(strstr(e.msg, "chưa tạo xong"), "%s", e.msg);
	err_clear(&e);
	cr_assert_eq(store_open(path, STORE_RDONLY, &st, &e), ERR_STORE, "read-only too");
	cr_assert_eq(store_open(path, STORE_UNFINISHED, &st, &e), 0, "gen itself goes on");
	store_close(st);
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmp);
	cr_assert_eq(system(cmd), 0);
}

Test(gen, a_gen_that_fails_leaves_nothing_behind)
{
	char tmp[] = "/tmp/theodoi-gen-XXXXXX", dir[64], cmd[96];
	cr_assert_not_null(mkdtemp(tmp));
	snprintf(dir, sizeof dir, "%s/setup", tmp);
	pid_t pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		/* files may not grow past 64 kB: the store cannot be written */
		struct rlimit rl = {64 << 10, 64 << 10};
		struct gen_opts o = {0};
		signal(SIGXFSZ, SIG_IGN);
		setrlimit(RLIMIT_FSIZE, &rl);
		o.units = 300;
		o.today = TODAY;
		_exit(gen_build(dir, 5000, 1, &o, NULL, NULL) == 0 ? 0 : 1);
	}
	int status;
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 1, "gen failed (status %d)", status);
	cr_assert_eq(access(dir, F_OK), -1, "the directory gen made is gone");
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmp);
	cr_assert_eq(system(cmd), 0);
}
