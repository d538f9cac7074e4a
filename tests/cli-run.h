/* cli-run.h — run the real theodoi binary from a test and capture what it
 * prints.  Test-only helpers, included by the end-to-end test files. */
#ifndef THEODOI_TESTS_CLI_RUN_H
#define THEODOI_TESTS_CLI_RUN_H

#include <jansson.h>

struct run {
	int status;  /* exit status, or -1 if it did not exit normally */
	char *out;   /* everything printed on stdout (malloc'd) */
	char *err;   /* everything printed on stderr (malloc'd) */
};

/* A fresh demo store in a new temporary directory, built at today
 * 2026-11-23; returns the directory (static buffer of the process). */
const char *fx_demo(void);

/* A new store (init) in the test's temporary directory, with the plan
 * file `plan` imported into it unless plan is NULL; both exit 0 asserted.
 * Returns the store (static buffer of the process). */
const char *fx_store_with(const char *plan);

/* `show TASK --format json` of task (given as on the command line) in
 * store st, exit 0 asserted: a new reference. */
json_t *fx_show(const char *st, const char *task);

/* The number of updates `show TASK --format json` lists for task (given as
 * on the command line) in store st; exit 0 asserted. */
long fx_nupdates(const char *st, const char *task);

/* A temporary directory for this test, removed when the test process exits
 * (kept if $THEODOI_KEEP is set). */
const char *fx_tmpdir(void);

/* fx_tmpdir()/name, in one of 8 static buffers used in turn (valid until
 * the 8th call after it). */
const char *fx_path(const char *name);

/* Run `theodoi --config CONF --store STORE --today 2026-11-23 ARGS...`
 * (ARGS NULL-terminated).  conf NULL = conf/theodoi.ini. */
struct run fx_run(const char *conf, const char *store, ...);
void fx_free(struct run *r);

/* fx_run, exit 0 asserted, and what it printed parsed as JSON (asserting
 * success): a new reference. */
json_t *fx_run_json(const char *conf, const char *store, ...);

/* Assert that r exited with `status` and, unless needle is NULL, that its
 * standard error holds needle; a failure names the run by `what` and shows
 * what it printed.  Frees r. */
void fx_expect(struct run r, int status, const char *needle, const char *what);

/* fx_expect(r, 0, NULL, what): r succeeded. */
void fx_ok(struct run r, const char *what);

/* `check-store` on store (conf NULL: conf/theodoi.ini) finds nothing: exit
 * 0 asserted, its report shown otherwise. */
void fx_check_store(const char *conf, const char *store);

/* Parse r->out as JSON (asserting success). */
json_t *fx_json(const struct run *r);

/* Path of the binary: $BUILD/theodoi, default build/theodoi. */
const char *fx_bin(void);

#endif
