/* report-fixture.h — a small store for the report tests (rollup, cascade,
 * lint, indicator, report): the hierarchy of tests/data/report/units.ini
 * synchronised into a fresh store in a mkdtemp directory, and one-line
 * helpers that add documents and tasks and record updates through ops.h,
 * each on a chosen day.  Included by one test file per binary; run from the
 * repository root. */
#ifndef THEODOI_TEST_REPORT_FIXTURE_H
#define THEODOI_TEST_REPORT_FIXTURE_H

#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "deadline.h"
#include "hier.h"
#include "ops.h"
#include "store.h"
#include "util.h"

#define D(y, m, d) date_make((y), (m), (d))
#define TODAY D(2026, 11, 23)

struct rfx {
	char dir[64];
	struct config cfg;
	struct ops_ctx ops;
	struct hier *h;
};

static struct rfx fx;

static inline void rfx_open(void)
{
	struct err e = {0};
	char path[128];
	memset(&fx, 0, sizeof fx);
	strcpy(fx.dir, "/tmp/theodoi-report-XXXXXX");
	cr_assert_not_null(mkdtemp(fx.dir));
	cr_assert_eq(cfg_load("tests/data/report/theodoi.ini", &fx.cfg, &e), 0, "%s", e.msg);
	snprintf(path, sizeof path, "%s/store", fx.dir);
	cr_assert_eq(store_open(path, STORE_CREATE, &fx.ops.st, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_sync(fx.ops.st, &fx.cfg, "quan.tri", NULL, &e), 0, "%s", e.msg);
	fx.ops.cfg = &fx.cfg;
	str_copy(fx.ops.who.login, "quan.tri", sizeof fx.ops.who.login);
	fx.ops.who.role = ROLE_ADMIN;
	fx.ops.today = TODAY;
}

static inline void rfx_close(void)
{
	char cmd[128];
	if (fx.h)
		hier_free(fx.h);
	store_close(fx.ops.st);
	cfg_free(&fx.cfg);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx.dir);
	if (system(cmd) != 0)
		cr_log_warn("could not remove %s", fx.dir);
}

static inline struct txn *rfx_read(void)
{
	struct txn *t;
	struct err e = {0};
	cr_assert_eq(store_read_begin(fx.ops.st, &t, &e), 0, "%s", e.msg);
	return t;
}

/* The hierarchy as the store holds it now (reloaded on each call). */
static inline const struct hier *rfx_hier(void)
{
	struct err e = {0};
	struct txn *t = rfx_read();
	if (fx.h)
		hier_free(fx.h);
	fx.h = NULL;
	cr_assert_eq(hier_load(t, &fx.h, &e), 0, "%s", e.msg);
	store_read_end(t);
	return fx.h;
}

static inline uint32_t rfx_unit(const char *code)
{
	struct err e = {0};
	struct unit u = {0};
	struct txn *t = rfx_read();
	cr_assert_eq(store_unit_by_code(t, code, &u, &e), 0, "unit %s: %s", code, e.msg);
	store_read_end(t);
	uint32_t id = u.id;
	unit_free(&u);
	return id;
}

/* A document; impl1, impl2: numbers it implements (or NULL). */
static inline uint64_t rfx_doc(const char *number, const char *kind, const char *issuer,
                               date_t date, date_t plan_due, const char *impl1,
                               const char *impl2)
{
	struct err e = {0};
	struct doc d = {0};
	str_copy(d.number, number, sizeof d.number);
	str_copy(d.kind, kind, sizeof d.kind);
	d.date = date;
	d.plan_due = plan_due;
	d.title = xstrdup("Kế hoạch thử nghiệm");
	d.issuer = issuer ? rfx_unit(issuer) : 0;
	d.implements = xcalloc(2, sizeof *d.implements);
	if (impl1)
		str_copy(d.implements[d.nimplements++], impl1, DOCNUM_LEN);
	if (impl2)
		str_copy(d.implements[d.nimplements++], impl2, DOCNUM_LEN);
	cr_assert_eq(ops_add_doc(&fx.ops, &d, &e), 0, "%s", e.msg);
	uint64_t id = d.id;
	doc_free(&d);
	return id;
}

/* A task led by unit code `lead` (NULL: none; then lead_text is the lead
 * as written, or NULL), with the deadline phrase (NULL: none). */
static inline uint64_t rfx_task(uint64_t doc, const char *section, const char *lead,
                                const char *lead_text, const char *phrase)
{
	struct err e = {0};
	struct task t;
	memset(&t, 0, sizeof t);
	t.doc_id = doc;
	str_copy(t.section, section, sizeof t.section);
	t.lead = lead ? rfx_unit(lead) : 0;
	t.lead_text = lead_text ? xstrdup(lead_text) : NULL;
	t.text = xstrdup("Tổ chức thực hiện nhiệm vụ thử nghiệm");
	dl_init(&t.dl);
	if (phrase) {
		t.dl_phrase = xstrdup(phrase);
		cr_assert_eq(dl_parse(phrase, &t.dl), 1, "not a deadline: %s", phrase);
	}
	t.extended_to = DATE_NONE;
	t.start = DATE_NONE;
	t.last_update = DATE_NONE;
	t.done_date = DATE_NONE;
	t.status = ST_NOT_STARTED;
	cr_assert_eq(ops_add_task(&fx.ops, &t, &e), 0, "%s", e.msg);
	uint64_t id = t.id;
	task_free(&t);
	return id;
}

/* Record an update on `day` (status -1 / progress -1: unchanged). */
static inline void rfx_update(uint64_t task, date_t day, int status, int progress,
                              const char *note)
{
	struct err e = {0};
	date_t keep = fx.ops.today;
	fx.ops.today = day;
	cr_assert_eq(ops_update(&fx.ops, task, status, progress, note, NULL, &e), 0, "%s", e.msg);
	fx.ops.today = keep;
}

/* Extend a task on `day` to `to`. */
static inline void rfx_extend(uint64_t task, date_t day, date_t to)
{
	struct err e = {0};
	date_t keep = fx.ops.today;
	fx.ops.today = day;
	cr_assert_eq(ops_extend(&fx.ops, task, to, "Chờ ý kiến của Thường trực", &e), 0, "%s", e.msg);
	fx.ops.today = keep;
}

static inline void rfx_get_task(uint64_t id, struct task *out)
{
	struct err e = {0};
	struct txn *t = rfx_read();
	memset(out, 0, sizeof *out);
	cr_assert_eq(store_task_get(t, id, out, &e), 0, "%s", e.msg);
	store_read_end(t);
}

#endif
