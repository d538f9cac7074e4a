/* gen-fixture.h — a generated store (gen.h) for the tests that read a
 * large one: gx_setup() builds it in a fresh mkdtemp directory, opens it,
 * begins a read transaction (gx_t) and loads the hierarchy (gx_h);
 * gx_teardown() undoes all of it.  Use them as a test's .init and .fini
 * (through a setup function of the test file).  Each test binary gets its
 * own copy. */
#ifndef THEODOI_TEST_GEN_FIXTURE_H
#define THEODOI_TEST_GEN_FIXTURE_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"
#include "hier.h"
#include "store.h"
#include "util.h"

#define GX_TODAY date_make(2026, 11, 23)

static char gx_dir[64];      /* the mkdtemp directory */
static struct store *gx_st;
static struct hier *gx_h;
static struct txn *gx_t;     /* a test may end it and set it NULL */

/* A store of `tasks` tasks over 300 units drawn from `seed`, made on
 * GX_TODAY, in /tmp/theodoi-<name>-XXXXXX. */
static inline void gx_setup(const char *name, long tasks, unsigned long seed)
{
	struct gen_opts o = {0};
	struct err e;
	char dir[128], path[160];

	err_clear(&e);
	snprintf(gx_dir, sizeof gx_dir, "/tmp/theodoi-%s-XXXXXX", name);
	cr_assert_not_null(mkdtemp(gx_dir));
	snprintf(dir, sizeof dir, "%s/g", gx_dir);
	o.units = 300;
	o.today = GX_TODAY;
	cr_assert_eq(gen_build(dir, tasks, seed, &o, NULL, &e), 0, "%s", e.msg);
	snprintf(path, sizeof path, "%s/store", dir);
	cr_assert_eq(store_open(path, 0, &gx_st, &e), 0, "%s", e.msg);
	cr_assert_eq(store_read_begin(gx_st, &gx_t, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_load(gx_t, &gx_h, &e), 0, "%s", e.msg);
}

static inline void gx_teardown(void)
{
	char cmd[128];

	hier_free(gx_h);
	if (gx_t)
		store_read_end(gx_t);
	store_close(gx_st);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", gx_dir);
	if (system(cmd) != 0)
		cr_log_warn("could not remove %s", gx_dir);
}

#endif
