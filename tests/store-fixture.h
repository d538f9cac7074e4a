/* store-fixture.h — helpers shared by the store tests: a fresh store in a
 * mkdtemp directory per test, one-line writes and reads, and damage done
 * with the LMDB API behind the store's back.  Included by the tests that
 * build a store through the library (test_store*.c and others; each test
 * binary gets its own copy). */
#ifndef THEODOI_TEST_STORE_FIXTURE_H
#define THEODOI_TEST_STORE_FIXTURE_H

#include <criterion/criterion.h>
#include <lmdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model.h"
#include "store.h"
#include "util.h"

static char fx_dir[64];    /* the mkdtemp directory */
static char fx_path[128];  /* the store inside it */
static struct store *fx_st;

static inline void fx_open(int flags)
{
	struct err e = {0};
	int rc = store_open(fx_path, flags | STORE_CREATE, &fx_st, &e);
	cr_assert_eq(rc, 0, "store_open: %s", e.msg);
}

static inline void fx_setup(void)
{
	strcpy(fx_dir, "/tmp/theodoi-test-XXXXXX");
	cr_assert_not_null(mkdtemp(fx_dir));
	snprintf(fx_path, sizeof fx_path, "%s/store", fx_dir);
	fx_open(0);
}

/* A store a previous release made: `data` (a data.mdb under tests/data/)
 * copied into a fresh mkdtemp directory and opened there as it is (the
 * test migrates it); fx_teardown() removes it. */
static inline void fx_setup_from(const char *data)
{
	struct err e = {0};
	char cmd[512];

	strcpy(fx_dir, "/tmp/theodoi-test-XXXXXX");
	cr_assert_not_null(mkdtemp(fx_dir));
	snprintf(fx_path, sizeof fx_path, "%s/store", fx_dir);
	snprintf(cmd, sizeof cmd, "mkdir -p '%s' && cp '%s' '%s/'", fx_path, data, fx_path);
	cr_assert_eq(system(cmd), 0, "%s", cmd);
	cr_assert_eq(store_open(fx_path, 0, &fx_st, &e), 0, "%s", e.msg);
}

static inline void fx_teardown(void)
{
	char cmd[160];

	store_close(fx_st);
	fx_st = NULL;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx_dir);
	if (system(cmd) != 0)
		cr_log_warn("could not remove %s", fx_dir);
}

/* ---- raw LMDB access to the closed store, to damage it ---- */

struct fx_raw {
	MDB_env *env;
	MDB_txn *txn;
};

/* Close the store and open its LMDB environment with a write transaction. */
static inline void fx_raw_begin(struct fx_raw *r)
{
	store_close(fx_st);
	fx_st = NULL;
	cr_assert_eq(mdb_env_create(&r->env), 0);
	cr_assert_eq(mdb_env_set_maxdbs(r->env, 64), 0);
	cr_assert_eq(mdb_env_open(r->env, fx_path, 0, 0664), 0);
	cr_assert_eq(mdb_txn_begin(r->env, NULL, 0, &r->txn), 0);
}

static inline MDB_dbi fx_raw_dbi(struct fx_raw *r, const char *name)
{
	MDB_dbi dbi;
	cr_assert_eq(mdb_dbi_open(r->txn, name, 0, &dbi), 0, "no database %s", name);
	return dbi;
}

static inline void fx_raw_put(struct fx_raw *r, const char *db, const void *k, size_t kn,
                              const void *v, size_t vn)
{
	MDB_val key = {kn, (void *)k}, val = {vn, (void *)v};
	cr_assert_eq(mdb_put(r->txn, fx_raw_dbi(r, db), &key, &val, 0), 0);
}

static inline void fx_raw_del(struct fx_raw *r, const char *db, const void *k, size_t kn)
{
	MDB_val key = {kn, (void *)k};
	cr_assert_eq(mdb_del(r->txn, fx_raw_dbi(r, db), &key, NULL), 0);
}

/* Empty the database db. */
static inline void fx_raw_drop(struct fx_raw *r, const char *db)
{
	cr_assert_eq(mdb_drop(r->txn, fx_raw_dbi(r, db), 0), 0);
}

/* Commit, close, and reopen the store. */
static inline void fx_raw_end(struct fx_raw *r)
{
	cr_assert_eq(mdb_txn_commit(r->txn), 0);
	mdb_env_close(r->env);
	fx_open(0);
}

/* v big-endian into p[0..3], as the store's keys hold it. */
static inline void fx_be32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* ---- writes: each in its own transaction ---- */

static inline int fx_w_task(struct txn *t, void *ctx, struct err *e)
{
	return store_task_put(t, ctx, e);
}

static inline int fx_w_unit(struct txn *t, void *ctx, struct err *e)
{
	return store_unit_put(t, ctx, e);
}

static inline int fx_w_doc(struct txn *t, void *ctx, struct err *e)
{
	return store_doc_put(t, ctx, e);
}

static inline int fx_w_task_del(struct txn *t, void *ctx, struct err *e)
{
	return store_task_del(t, *(uint64_t *)ctx, e);
}

static inline void fx_write(store_write_fn fn, void *ctx)
{
	struct err e = {0};
	int rc = store_write(fx_st, fn, ctx, &e);
	cr_assert_eq(rc, 0, "store_write: %s", e.msg);
}

/* A unit with the given code and parent; returns its id. */
static inline uint32_t fx_unit(const char *code, uint32_t parent)
{
	struct unit u = {0};
	strcpy(u.code, code);
	u.name = xstrdup(code);
	u.kind = UK_BAN;
	u.parent = parent;
	uint32_t id;

	fx_write(fx_w_unit, &u);
	id = u.id;
	unit_free(&u);
	return id;
}

/* A plan (KH) numbered `number` ("" for none), issued by `issuer` (0 for
 * none), undated, titled "Kế hoạch thử"; returns its id. */
static inline uint64_t fx_doc(const char *number, uint32_t issuer)
{
	struct doc d = {0};
	strcpy(d.kind, "KH");
	str_copy(d.number, number, sizeof d.number);
	d.issuer = issuer;
	d.date = DATE_NONE;
	d.plan_due = DATE_NONE;
	d.title = xstrdup("Kế hoạch thử");
	fx_write(fx_w_doc, &d);
	uint64_t id = d.id;
	doc_free(&d);
	return id;
}

/* A task (caller frees with task_free) with a BY deadline on due, or none
 * when due is DATE_NONE. */
static inline void fx_task_init(struct task *t, uint32_t lead, uint64_t doc, int status, date_t due)
{
	memset(t, 0, sizeof *t);
	t->lead = lead;
	t->doc_id = doc;
	t->status = (uint8_t)status;
	t->text = xstrdup("Tổ chức quán triệt, triển khai thực hiện");
	t->dl.d.kind = due == DATE_NONE ? DL_NONE : DL_BY;
	t->dl.d.due = due;
	t->dl.d.start = DATE_NONE;
	t->extended_to = DATE_NONE;
	t->start = DATE_NONE;
	t->last_update = DATE_NONE;
	t->done_date = DATE_NONE;
	t->due = due;
}

/* Store a new task; returns its id. */
static inline uint64_t fx_task(uint32_t lead, uint64_t doc, int status, date_t due)
{
	struct task t;
	uint64_t id;

	fx_task_init(&t, lead, doc, status, due);
	fx_write(fx_w_task, &t);
	id = t.id;
	task_free(&t);
	return id;
}

/* ---- reads ---- */

static inline struct txn *fx_read(void)
{
	struct txn *t;
	struct err e = {0};
	cr_assert_eq(store_read_begin(fx_st, &t, &e), 0, "%s", e.msg);
	return t;
}

/* The schema the open store records. */
static inline long fx_schema(void)
{
	struct txn *t = fx_read();
	struct err e = {0};
	long schema = -1;

	cr_assert_eq(store_schema(t, &schema, &e), 0, "%s", e.msg);
	store_read_end(t);
	return schema;
}

static inline uint64_t fx_count(uint32_t unit, date_t from, date_t to)
{
	struct txn *t = fx_read();
	struct err e = {0};
	uint64_t n = 0;

	cr_assert_eq(store_count(t, unit, from, to, &n, &e), 0, "%s", e.msg);
	store_read_end(t);
	return n;
}

/* Assert that store_check finds nothing. */
static inline void fx_check_clean(void)
{
	struct txn *t = fx_read();
	struct err e = {0};
	char *rep = NULL;
	int rc = store_check(t, &rep, &e);

	store_read_end(t);
	cr_assert_eq(rc, 0, "store_check: %s\n%s", e.msg, rep ? rep : "");
	cr_assert_str_eq(rep, "");
	free(rep);
}

/* Run store_check expecting problems; returns the report (caller frees). */
static inline char *fx_check_dirty(void)
{
	struct txn *t = fx_read();
	struct err e = {0};
	char *rep = NULL;
	int rc = store_check(t, &rep, &e);

	store_read_end(t);
	cr_assert_eq(rc, ERR_STORE, "store_check found nothing");
	cr_assert_neq(rep[0], '\0');
	return rep;
}

#endif
