/* test_group.c — an opened group task is a container (task.group_open):
 * its record keeps the mark, the counters, the due index, the roll-ups of
 * the present and of a past day leave it out, its obligations are counted
 * instead; ops_group_marks (the migration from schema 2, check-store,
 * --repair) marks exactly the group tasks that have obligations; deleting
 * the last obligation makes the group task ordinary again. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "hier.h"
#include "history.h"
#include "ops-edit.h"
#include "ops-fixture.h"
#include "ops-group.h"
#include "query-past.h"
#include "rollup.h"
#include "store-trash.h"

#define DUE date_make(2026, 6, 30) /* past on OX_TODAY: overdue when open */
#define GROUP_LEAD "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc"

static uint64_t doc_id;
static uint64_t group_id, obl_id[2];

/* A task of the document in section sec, led by lead (0: lead_text). */
static uint64_t add(const char *sec, uint32_t lead, const char *lead_text)
{
	struct task k;
	fx_task_init(&k, lead, doc_id, ST_NOT_STARTED, DUE);
	snprintf(k.section, sizeof k.section, "%s", sec);
	k.lead_text = lead_text ? xstrdup(lead_text) : NULL;
	k.start = date_make(2026, 1, 1);
	k.created = 1767225600; /* 2026-01-01 */
	fx_write(fx_w_task, &k);
	uint64_t id = k.id;
	task_free(&k);
	return id;
}

/* The layout a store of schema 2 holds after expand-task: a group task and
 * its two obligations, no mark. */
static void setup(void)
{
	ox_setup();
	doc_id = fx_doc("", ox_unit[OU_TU]);
	group_id = add("II.1", 0, GROUP_LEAD);
	obl_id[0] = add("II.1@tu-btc", ox_unit[OU_BTC], NULL);
	obl_id[1] = add("II.1@tu-btg", ox_unit[OU_BTG], NULL);
}

TestSuite(group, .init = setup, .fini = ox_teardown);

static int marks_fn(struct txn *t, void *ctx, struct err *e)
{
	return ops_group_marks(t, NULL, ctx, e);
}

/* Mark the store as the migration does; returns the tasks rewritten. */
static size_t mark(void)
{
	size_t n = 0;
	fx_write(marks_fn, &n);
	return n;
}

/* Wrong marks as check-store sees them (0: none), the report in rep. */
static size_t check_marks(char *rep, size_t len)
{
	struct txn *t = fx_read();
	struct sbuf b = {0};
	struct err e = {0};
	size_t n = 99;
	cr_assert_eq(ops_group_marks(t, &b, &n, &e), 0, "%s", e.msg);
	store_read_end(t);
	snprintf(rep, len, "%s", b.s ? b.s : "");
	sbuf_free(&b);
	return n;
}

static uint64_t all_tasks(void)
{
	return fx_count(0, DATE_NONE, DATE_NONE);
}

static int count_due(uint64_t id, date_t day, uint32_t lead, void *ctx)
{
	(void)day;
	(void)lead;
	(*(int *)ctx) += id == group_id ? 100 : 1;
	return 0;
}

/* Tasks in the due index up to today: 100 for the group task, 1 each
 * other. */
static int due_entries(void)
{
	struct txn *t = fx_read();
	struct err e = {0};
	int n = 0;
	cr_assert_eq(store_tasks_by_due(t, 0, DATE_NONE, OX_TODAY, count_due, &n, &e), 0, "%s",
	             e.msg);
	store_read_end(t);
	return n;
}

struct each {
	struct rollup *r;
	const struct rollup_when *w;
};

static int add_fn(const struct task *k, void *ctx)
{
	struct each *p = ctx;
	rollup_add(p->r, k, p->w);
	return 0;
}

/* The whole store's roll-up today, or as it stood on `past`. */
static struct rollup figures(date_t past)
{
	struct txn *t = fx_read();
	struct err e = {0};
	struct rollup r;
	struct rollup_when w = {OX_TODAY, 14, &ox_cfg.periods};
	struct hist_day hd = {past, &ox_cfg.periods};
	memset(&r, 0, sizeof r);
	struct rollup_scope scope = {0, 0, past == DATE_NONE ? NULL : &hd};
	struct each x = {&r, &w};
	cr_assert_eq(rollup_each_task(t, NULL, &scope, add_fn, &x, &e), 0, "%s", e.msg);
	store_read_end(t);
	return r;
}

Test(group, the_mark_is_kept_by_the_record)
{
	struct task k;
	fx_task_init(&k, 0, 1, ST_NOT_STARTED, DUE);
	struct sbuf b = {0};
	cr_assert_eq(codec_task_encode(&k, &b, NULL), 0);
	size_t plain = b.len;
	k.group_open = 1;
	sbuf_reset(&b);
	cr_assert_eq(codec_task_encode(&k, &b, NULL), 0);
	cr_assert_eq(b.len, plain + 1, "one byte for the mark");
	struct task back;
	struct err e = {0};
	cr_assert_eq(codec_task_decode(b.s, b.len, &back, &e), 0, "%s", e.msg);
	cr_assert_eq(back.group_open, 1);
	task_free(&back);
	/* a record without the byte is an ordinary task; a flag byte other than 1
	 * is damage */
	cr_assert_eq(codec_task_decode(b.s, plain, &back, &e), 0, "%s", e.msg);
	cr_assert_eq(back.group_open, 0);
	task_free(&back);
	b.s[plain] = 2;
	cr_assert_eq(codec_task_decode(b.s, b.len, &back, &e), ERR_STORE);
	cr_assert(strstr(e.msg, "cờ"), "%s", e.msg);
	sbuf_free(&b);
	task_free(&k);
}

Test(group, an_opened_group_task_is_counted_through_its_obligations)
{
	/* before: the group task counts as one more overdue task */
	uint64_t before = all_tasks();
	cr_assert_eq(before, 4 + 3); /* the fixture's four, the group and its two */
	cr_assert_eq(due_entries(), 4 * 0 + 100 + 2); /* the fixture's are due in december */
	struct rollup r = figures(DATE_NONE);
	cr_assert_eq(r.total, 7);
	cr_assert_eq(mark(), 1);
	cr_assert_eq(all_tasks(), 6);
	cr_assert_eq(fx_count(0, DATE_NONE, OX_TODAY), 2, "only the obligations are overdue");
	cr_assert_eq(due_entries(), 2);
	r = figures(DATE_NONE);
	cr_assert_eq(r.total, 6);
	cr_assert_eq(r.due_open, 2);
	/* the history of a past day counts the obligations, not the group */
	r = figures(date_make(2026, 7, 15));
	cr_assert_eq(r.total, 6);
	struct task g = ox_get(group_id);
	cr_assert_eq(g.group_open, 1);
	task_free(&g);
	fx_check_clean();
	char rep[512];
	cr_assert_eq(check_marks(rep, sizeof rep), 0, "%s", rep);
	/* marking again changes nothing */
	cr_assert_eq(mark(), 0);
	cr_assert_eq(all_tasks(), 6);
}

Test(group, the_roll_up_is_the_obligations_done)
{
	mark();
	ox_set(obl_id[0], ST_DONE, CF_NONE);
	struct txn *t = fx_read();
	struct err e = {0};
	struct task g = ox_get(group_id);
	size_t total, done;
	cr_assert_eq(ops_group_rollup(t, &g, &total, &done, &e), 0, "%s", e.msg);
	store_read_end(t);
	task_free(&g);
	cr_assert_eq(total, 2);
	cr_assert_eq(done, 1);
	char buf[64];
	cr_assert_str_eq(ops_group_label(total, done, buf, sizeof buf), "1/2 đơn vị đã thực hiện");
	cr_assert_eq(ops_group_percent(total, done), 50);
}

Test(group, updating_the_group_task_itself_is_refused)
{
	mark();
	ox_as(ROLE_ADMIN, OU_VP);
	struct err e = {0};
	cr_assert_eq(ops_update(&ox, group_id, ST_DONE, 100, NULL, NULL, &e), ERR_INPUT);
	cr_assert(strstr(e.msg, "update") && strstr(e.msg, "nghĩa vụ"), "%s", e.msg);
	struct task g = ox_get(group_id);
	cr_assert_eq(g.status, ST_NOT_STARTED);
	cr_assert_eq(g.nupdates, 0);
	task_free(&g);
	/* an obligation is updated as any task */
	cr_assert_eq(ops_update(&ox, obl_id[1], ST_DONE, 100, NULL, NULL, &e), 0, "%s", e.msg);
}

Test(group, a_lead_that_stops_being_a_group_is_counted_again)
{
	mark();
	ox_as(ROLE_ADMIN, OU_VP);
	struct ops_task_edit ed = {0};
	ed.set_lead = 1;
	ed.lead = ox_unit[OU_BTC];
	struct err e = {0};
	cr_assert_eq(ops_edit_task(&ox, group_id, &ed, &e), 0, "%s", e.msg);
	struct task g = ox_get(group_id);
	cr_assert_eq(g.group_open, 0);
	task_free(&g);
	cr_assert_eq(all_tasks(), 7);
	cr_assert_eq(due_entries(), 100 + 2);
	fx_check_clean();
	char rep[512];
	cr_assert_eq(check_marks(rep, sizeof rep), 0, "%s", rep);
}

Test(group, the_last_obligation_deleted_makes_the_group_ordinary_and_restoring_marks_it)
{
	mark();
	ox_as(ROLE_ADMIN, OU_VP);
	struct err e = {0};
	cr_assert_eq(ops_delete(&ox, TRASH_TASK, obl_id[0], "nhầm", 0, NULL, &e), 0, "%s", e.msg);
	struct task g = ox_get(group_id);
	cr_assert_eq(g.group_open, 1, "one obligation left");
	task_free(&g);
	cr_assert_eq(ops_delete(&ox, TRASH_TASK, obl_id[1], "nhầm", 0, NULL, &e), 0, "%s", e.msg);
	g = ox_get(group_id);
	cr_assert_eq(g.group_open, 0);
	task_free(&g);
	cr_assert_eq(all_tasks(), 4 + 1);
	cr_assert_eq(ops_restore(&ox, TRASH_TASK, obl_id[1], &e), 0, "%s", e.msg);
	g = ox_get(group_id);
	cr_assert_eq(g.group_open, 1);
	task_free(&g);
	cr_assert_eq(all_tasks(), 4 + 1);
	fx_check_clean();
}

static int put_flag(struct txn *t, void *ctx, struct err *e)
{
	struct task k = {0};
	int rc = store_task_get(t, *(uint64_t *)ctx, &k, e);
	if (!rc) {
		k.group_open = !k.group_open;
		rc = store_task_put(t, &k, e);
	}
	task_free(&k);
	return rc;
}

Test(group, check_finds_a_wrong_mark_and_marking_repairs_it)
{
	char rep[1024];
	cr_assert_eq(check_marks(rep, sizeof rep), 1);
	cr_assert(strstr(rep, "chưa đánh dấu"), "%s", rep);
	mark();
	/* an obligation marked as a group: no group, not counted */
	fx_write(put_flag, &obl_id[0]);
	cr_assert_eq(all_tasks(), 5);
	cr_assert_eq(check_marks(rep, sizeof rep), 1);
	cr_assert(strstr(rep, "không phải một nhóm"), "%s", rep);
	cr_assert_eq(mark(), 1);
	cr_assert_eq(all_tasks(), 6);
	cr_assert_eq(check_marks(rep, sizeof rep), 0, "%s", rep);
	fx_check_clean();
}

/* A group task is one whose lead names a group (imp_lead_is_group): the
 * one name of one body of a kind ("Đảng đoàn ...", not yet linked) is
 * none, so it is never opened to every body of that kind; "Cấp ủy, tổ
 * chức đảng" is one, as import reads it. */
Test(group, only_a_lead_that_names_a_group_makes_a_group_task)
{
	struct task k;
	fx_task_init(&k, 0, doc_id, ST_NOT_STARTED, DUE);
	snprintf(k.section, sizeof k.section, "%s", "II.2");
	k.lead_text = xstrdup("Đảng đoàn Hội đồng nhân dân tỉnh");
	cr_expect(!ops_group_names(&k), "one body's name");
	free(k.lead_text);
	k.lead_text = xstrdup("Cấp ủy, tổ chức đảng");
	cr_expect(ops_group_names(&k), "a group without \"các\"");
	snprintf(k.section, sizeof k.section, "%s", "II.2@tu-btc");
	cr_expect(!ops_group_names(&k), "an obligation");
	task_free(&k);
	struct hier *h = NULL;
	struct txn *t = fx_read();
	struct err e = {0};
	cr_assert_eq(hier_load(t, &h, &e), 0, "%s", e.msg);
	store_read_end(t);
	uint32_t *units = NULL;
	cr_expect_eq(ops_group_units(h, "Đảng đoàn Hội đồng nhân dân tỉnh", ox_unit[OU_TU], &units), 0);
	cr_expect_null(units);
	hier_free(h);
}
