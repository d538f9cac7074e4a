/* The period engine through the writing actions and the store: the level
 * of the lead unit, reports attributed to periods, recurring tasks done
 * for their period, the stored dues and counters after random work, and
 * the migration of a schema 1 store. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops-fixture.h"
#include "period.h"
#include "rng.h"
#include "rollup.h"

#define D(y, m, d) date_make(y, m, d)
#define MULTI "cấp tỉnh hoàn thành trong tháng 12/2025; cấp huyện hoàn thành trong tháng " \
              "01/2026; cấp cơ sở hoàn thành trước ngày 28/02/2026"

/* Re-kind unit id. */
static void set_kind(uint32_t id, int kind)
{
	struct txn *t = fx_read();
	struct unit u = {0};
	struct err e = {0};
	cr_assert_eq(store_unit_get(t, id, &u, &e), 0, "%s", e.msg);
	store_read_end(t);
	u.kind = (uint8_t)kind;
	fx_write(fx_w_unit, &u);
	unit_free(&u);
}

static uint32_t unit_of_kind(const char *code, uint32_t parent, int kind)
{
	uint32_t id = fx_unit(code, parent);
	set_kind(id, kind);
	return id;
}

static void setup(void)
{
	ox_setup();
	set_kind(ox_unit[OU_TU], UK_TINH_UY);
	ox_as(ROLE_ADMIN, OU_VP);
	ox_cfg.confirm_done = 0;
}

TestSuite(period_store, .init = setup, .fini = ox_teardown);

/* A task of phrase led by lead, set on `start`; returns its id. */
static uint64_t add(const char *phrase, uint32_t lead, date_t start)
{
	struct task k;
	struct err e = {0};
	fx_task_init(&k, lead, 0, ST_NOT_STARTED, DATE_NONE);
	k.dl_phrase = xstrdup(phrase);
	cr_assert(dl_parse(phrase, &k.dl), "%s", phrase);
	k.start = start;
	date_t today = ox.today;
	ox.today = start;
	cr_assert_eq(ops_add_task(&ox, &k, &e), 0, "%s", e.msg);
	ox.today = today;
	uint64_t id = k.id;
	task_free(&k);
	return id;
}

static int report(uint64_t id, date_t day, int status, date_t period, struct err *e)
{
	struct ops_update_req q = {id, status, -1, "Báo cáo kết quả", DATE_NONE, period};
	date_t today = ox.today;
	ox.today = day;
	int rc = ops_update_req(&ox, &q, NULL, e);
	ox.today = today;
	return rc;
}

static int newest_period(const struct update *u, void *ctx)
{
	date_t *p = ctx;
	*p = u->period;
	return 1; /* newest first: stop at the first */
}

static date_t last_period(uint64_t id)
{
	struct txn *t = fx_read();
	date_t p = -1;
	struct err e = {0};
	store_updates_of_task(t, id, newest_period, &p, &e);
	store_read_end(t);
	return p;
}

/* store_check and the dues the engine gives agree with the store. */
static void assert_consistent(void)
{
	struct txn *t = fx_read();
	struct sbuf rep = {0};
	size_t nbad = 0;
	struct err e = {0};
	cr_assert_eq(per_check_dues(t, &ox_cfg.periods, &rep, &nbad, &e), 0, "%s", e.msg);
	store_read_end(t);
	cr_assert_eq(nbad, 0, "%s", rep.s ? rep.s : "");
	sbuf_free(&rep);
	fx_check_clean();
}

Test(period_store, multi_level_deadline_takes_the_level_of_the_lead)
{
	uint32_t hu = unit_of_kind("hu", ox_unit[OU_TU], UK_HUYEN_UY);
	uint32_t hu_ban = fx_unit("hu-btc", hu);
	uint32_t cb = unit_of_kind("hu-cb", hu, UK_CHI_BO);
	uint64_t a = add(MULTI, ox_unit[OU_BTC], D(2025, 6, 1));
	uint64_t b = add(MULTI, ox_unit[OU_BTC_P1], D(2025, 6, 1));
	uint64_t c = add(MULTI, hu_ban, D(2025, 6, 1));
	uint64_t d = add(MULTI, cb, D(2025, 6, 1));

	struct task k = ox_get(a);
	cr_assert_eq(k.due, D(2025, 12, 31), "an agency of the Tỉnh ủy: the provincial date");
	struct tl_input in = {k.status, &k.dl, k.due, k.done_date, &ox_cfg.periods};
	struct tl_result r = tl_compute(&in, D(2026, 1, 15), 14);
	cr_assert_eq(r.tl, TL_OVERDUE);
	cr_assert_eq(r.days, 15);
	task_free(&k);
	k = ox_get(b);
	cr_assert_eq(k.due, D(2025, 12, 31), "an office of an agency: still provincial");
	task_free(&k);
	k = ox_get(c);
	cr_assert_eq(k.due, D(2026, 1, 31), "an agency of a Huyện ủy: the district date");
	task_free(&k);
	k = ox_get(d);
	cr_assert_eq(k.due, D(2026, 2, 27), "a chi bộ: the grassroots date");
	cr_assert_str_eq(k.dl_phrase, MULTI, "the whole phrase is kept");
	task_free(&k);
	assert_consistent();
}

Test(period_store, reports_are_attributed_to_periods)
{
	uint64_t id = add("báo cáo vào tháng 12 hằng năm", ox_unit[OU_BTC], D(2025, 1, 10));
	struct err e = {0};

	cr_assert_eq(report(id, D(2026, 1, 5), -1, DATE_NONE, &e), 0, "%s", e.msg);
	cr_assert_eq(last_period(id), D(2025, 12, 31), "late, for the year it missed");
	struct task k = ox_get(id);
	cr_assert_eq(k.due, D(2026, 12, 31), "2026 is owed, not 2027");
	task_free(&k);
	cr_assert_eq(report(id, D(2026, 2, 1), -1, DATE_NONE, &e), 0, "%s", e.msg);
	cr_assert_eq(last_period(id), D(2026, 12, 31), "nothing missed: the current year");
	k = ox_get(id);
	cr_assert_eq(k.due, D(2027, 12, 31));
	cr_assert_eq(k.nupdates, 2);
	task_free(&k);
	assert_consistent();
}

Test(period_store, a_named_period_is_checked_and_a_bad_one_changes_nothing)
{
	uint64_t id = add("thực hiện thường xuyên", ox_unit[OU_BTC], D(2024, 3, 1));
	uint64_t once = add("hoàn thành trong năm 2026", ox_unit[OU_BTC], D(2025, 3, 1));
	struct err e;
	uint64_t audits = ox_audit_count();

	err_clear(&e);
	cr_assert_eq(report(id, D(2026, 3, 1), -1, D(2027, 12, 31), &e), ERR_INPUT, "a future period");
	cr_assert_str_eq(e.field, "period");
	err_clear(&e);
	cr_assert_eq(report(id, D(2026, 3, 1), -1, D(2023, 12, 31), &e), ERR_INPUT, "before the first");
	err_clear(&e);
	cr_assert_eq(report(id, D(2026, 3, 1), -1, D(2025, 6, 30), &e), ERR_INPUT, "not one of its periods");
	err_clear(&e);
	cr_assert_eq(report(once, D(2026, 3, 1), -1, D(2025, 12, 31), &e), ERR_INPUT, "a one-off task");
	cr_assert_str_eq(e.field, "period");
	struct task k = ox_get(id);
	cr_assert_eq(k.nupdates, 0, "the store is unchanged");
	cr_assert_eq(k.due, D(2024, 12, 31));
	task_free(&k);
	cr_assert_eq(ox_audit_count(), audits);

	err_clear(&e);
	cr_assert_eq(report(id, D(2026, 3, 1), -1, D(2025, 12, 31), &e), 0, "%s", e.msg);
	cr_assert_eq(last_period(id), D(2025, 12, 31));
	k = ox_get(id);
	cr_assert_eq(k.due, D(2024, 12, 31), "2024 is still missed");
	task_free(&k);
	assert_consistent();
}

Test(period_store, done_on_a_recurring_task_settles_its_period_and_the_duty_goes_on)
{
	uint64_t id = add("báo cáo vào tháng 12 hằng năm", ox_unit[OU_BTC], D(2026, 1, 10));
	struct err e = {0};
	struct store_counts sc;

	cr_assert_eq(report(id, D(2026, 6, 10), ST_DONE, DATE_NONE, &e), 0, "%s", e.msg);
	struct task k = ox_get(id);
	cr_assert_eq(k.status, ST_DONE);
	cr_assert_eq(k.due, D(2027, 12, 31));
	struct tl_input in = {k.status, &k.dl, k.due, k.done_date, &ox_cfg.periods};
	cr_assert_eq(tl_compute(&in, D(2026, 11, 1), 14).tl, TL_DONE_ON_TIME);
	cr_assert_eq(tl_compute(&in, D(2027, 3, 1), 14).tl, TL_ON_TRACK, "2027 is owed");
	cr_assert_eq(tl_compute(&in, D(2028, 1, 2), 14).tl, TL_UNREPORTED);
	task_free(&k);
	/* counted open, at its next report date: overdue on 2028-01-02 */
	struct txn *t = fx_read();
	cr_assert_eq(store_unit_counts(t, ox_unit[OU_BTC], D(2028, 1, 2), 14, &sc, &e), 0, "%s", e.msg);
	store_read_end(t);
	/* with the fixture's two one-off tasks of the subtree, due 31/12/2026 */
	cr_assert_eq(sc.open, 3, "the recurring task done for 2026 is open: %llu",
	             (unsigned long long)sc.open);
	cr_assert_eq(sc.overdue, 3);
	assert_consistent();
}

/* Random work on random tasks; the stored dues, indexes and counters stay
 * what a full recomputation gives. */
Test(period_store, random_work_keeps_dues_and_counters_exact)
{
	static const char *const phrases[] = {
		"thực hiện thường xuyên", "báo cáo vào tháng 6 hằng năm", "thực hiện hằng năm",
		"thực hiện từ năm 2025", "hoàn thành trong quý II/2026", MULTI,
		"sau khi có văn bản của Trung ương (năm 2026)",
	};
	uint32_t leads[] = {ox_unit[OU_BTC], ox_unit[OU_BTC_P1], ox_unit[OU_BTG],
	                    unit_of_kind("hu", ox_unit[OU_TU], UK_HUYEN_UY)};
	struct rng r;
	uint64_t ids[24];
	int n = 0;

	rng_seed(&r, 20261206);
	ox_cfg.periods.months = (1u << 5) | (1u << 11);
	ox_cfg.confirm_done = 1;
	for (; n < 24; n++)
		ids[n] = add(phrases[n % 7], leads[rng_range(&r, 0, 3)], D(2024, 1, 1) + (date_t)rng_range(&r, 0, 500));
	date_t day = D(2025, 6, 1);
	int done[5] = {0};
	for (int step = 0; step < 300; step++) {
		uint64_t id = ids[rng_range(&r, 0, n - 1)];
		struct err e;
		err_clear(&e);
		day += (date_t)rng_range(&r, 0, 4);
		ox.today = day;
		int what = rng_pct(&r);
		if (what < 50) {
			date_t period = DATE_NONE;
			if (rng_pct(&r) < 40)
				period = per_report_in((1u << 5) | (1u << 11), day - (date_t)rng_range(&r, 0, 700));
			int status = rng_pct(&r) < 35 ? ST_DONE : rng_pct(&r) < 10 ? ST_ON_HOLD : -1;
			ox_as(rng_pct(&r) < 50 ? ROLE_ADMIN : ROLE_EDITOR, rng_pct(&r) < 50 ? OU_BTC : OU_VP);
			done[0] += report(id, day, status, period, &e) == 0;
		} else if (what < 65) {
			ox_as(ROLE_ADMIN, OU_VP);
			done[1] += ops_extend(&ox, id, day + (date_t)rng_range(&r, 1, 200), "Chờ hướng dẫn", &e) == 0;
		} else if (what < 75) {
			ox_as(ROLE_ADMIN, OU_VP);
			done[3] += ops_return(&ox, id, "Chưa đủ hồ sơ", NULL, &e) == 0;
		} else if (what < 90) {
			ox_as(ROLE_ADMIN, OU_VP);
			done[2] += ops_confirm(&ox, id, NULL, NULL, &e) == 0;
		} else {
			ox_as(ROLE_ADMIN, OU_VP);
			done[4] += report(id, day, ST_IN_PROGRESS, DATE_NONE, &e) == 0;
		}
	}
	cr_log_info("reports %d, extensions %d, confirmations %d, returns %d, reopenings %d", done[0],
	            done[1], done[2], done[3], done[4]);
	cr_assert(done[0] > 50 && done[1] > 5 && done[2] + done[3] > 0 && done[4] > 0,
	          "the random work does something of each kind");
	assert_consistent();
	/* and a rebuild from the records gives the same counters */
	struct err e = {0};
	struct txn *t = fx_read();
	uint64_t before, after;
	cr_assert_eq(store_count(t, 0, DATE_NONE, D(2027, 1, 1), &before, &e), 0, "%s", e.msg);
	store_read_end(t);
	ox_as(ROLE_ADMIN, OU_VP);
	cr_assert_eq(ops_repair(&ox, &e), 0, "%s", e.msg);
	t = fx_read();
	cr_assert_eq(store_count(t, 0, DATE_NONE, D(2027, 1, 1), &after, &e), 0, "%s", e.msg);
	store_read_end(t);
	cr_assert_eq(before, after);
}

/* ---- migration ------------------------------------------------------------ */

/* tests/data/schema1/data.mdb was made by the previous release (commit
 * 1948c53, schema 1): its demo store at 2026-11-23, plus document #5 with
 * task #146 "báo cáo vào tháng 12 hằng năm" (tu-btc) reported on
 * 05/01/2026, #147 the multi-level deadline led by tu-btc, and #148
 * "thực hiện thường xuyên" set done on 06/01/2026. */
static void open_schema1(void)
{
	char cmd[512];
	strcpy(fx_dir, "/tmp/theodoi-test-XXXXXX");
	cr_assert_not_null(mkdtemp(fx_dir));
	snprintf(fx_path, sizeof fx_path, "%s/store", fx_dir);
	snprintf(cmd, sizeof cmd, "mkdir -p '%s' && cp tests/data/schema1/data.mdb '%s/'", fx_path,
	         fx_path);
	cr_assert_eq(system(cmd), 0, "%s", cmd);
	struct err e = {0};
	cr_assert_eq(store_open(fx_path, 0, &fx_st, &e), 0, "%s", e.msg);
}

Test(migration, a_schema1_store_is_migrated_once)
{
	struct err e = {0};
	struct txn *t;
	int migrated = 0;

	open_schema1();
	cr_assert_eq(fx_schema(), 1);
	struct periods dec = {1u << 11};
	cr_assert_eq(per_migrate(fx_st, &dec, &migrated, &e), 0, "%s", e.msg);
	cr_assert_eq(migrated, 2);
	cr_assert_eq(fx_schema(), STORE_SCHEMA);
	t = fx_read();
	struct task k;
	cr_assert_eq(store_task_get(t, 147, &k, &e), 0, "%s", e.msg);
	cr_assert_eq(k.due, D(2025, 12, 31), "the provincial date, not 27/02/2026");
	task_free(&k);
	cr_assert_eq(store_task_get(t, 148, &k, &e), 0, "%s", e.msg);
	cr_assert_eq(k.status, ST_DONE);
	cr_assert_eq(k.due, D(2026, 12, 31), "done for 2025 only");
	task_free(&k);
	struct sbuf rep = {0};
	size_t nbad = 0;
	cr_assert_eq(per_check_dues(t, &dec, &rep, &nbad, &e), 0, "%s", e.msg);
	cr_assert_eq(nbad, 0, "%s", rep.s ? rep.s : "");
	sbuf_free(&rep);
	store_read_end(t);
	fx_check_clean();
	cr_assert_eq(per_migrate(fx_st, &dec, &migrated, &e), 0, "%s", e.msg);
	cr_assert_eq(migrated, 0, "once only");
	/* new reporting months: the ongoing task #148 (set on 02/01/2025, its
	 * one report on 06/01/2026) settled the first period, June 2025, late,
	 * and owes December 2025 */
	struct periods june_december = {(1u << 5) | (1u << 11)};
	cr_assert_eq(per_migrate(fx_st, &june_december, &migrated, &e), 0, "%s", e.msg);
	cr_assert_eq(migrated, 1);
	t = fx_read();
	cr_assert_eq(store_task_get(t, 148, &k, &e), 0, "%s", e.msg);
	cr_assert_eq(k.due, D(2025, 12, 31));
	task_free(&k);
	nbad = 0;
	cr_assert_eq(per_check_dues(t, &june_december, &rep, &nbad, &e), 0, "%s", e.msg);
	cr_assert_eq(nbad, 0, "%s", rep.s ? rep.s : "");
	sbuf_free(&rep);
	store_read_end(t);
	fx_check_clean();
	fx_teardown();
}

Test(period_store, a_wrong_stored_due_is_found_and_repaired)
{
	uint64_t id = add("báo cáo vào tháng 12 hằng năm", ox_unit[OU_BTC], D(2025, 1, 10));
	struct task k = ox_get(id);
	cr_assert_eq(k.due, D(2025, 12, 31));
	k.due = D(2027, 12, 31); /* what the old rule could leave behind */
	fx_write(fx_w_task, &k);
	task_free(&k);
	struct txn *t = fx_read();
	struct sbuf rep = {0};
	size_t nbad = 0;
	struct err e = {0};
	cr_assert_eq(per_check_dues(t, &ox_cfg.periods, &rep, &nbad, &e), 0, "%s", e.msg);
	store_read_end(t);
	cr_assert_eq(nbad, 1);
	cr_assert(strstr(rep.s, "31/12/2027") && strstr(rep.s, "31/12/2025"), "%s", rep.s);
	sbuf_free(&rep);
	cr_assert_eq(ops_repair(&ox, &e), 0, "%s", e.msg);
	k = ox_get(id);
	cr_assert_eq(k.due, D(2025, 12, 31));
	task_free(&k);
	assert_consistent();
}

/* A claim of "hoàn thành" (waiting for confirmation) on a recurring task
 * that missed an earlier period: the claim is for the current period, the
 * missed one is still owed, and the roll-up counts the task overdue as the
 * counters do. */
Test(period_store, a_claim_on_a_recurring_task_leaves_the_missed_period_owed)
{
	uint64_t id = add("thực hiện thường xuyên", ox_unit[OU_BTC], D(2025, 3, 1));
	struct err e = {0};
	ox_cfg.confirm_done = 1;
	ox_as(ROLE_EDITOR, OU_BTC);
	cr_assert_eq(report(id, OX_TODAY, ST_DONE, DATE_NONE, &e), 0, "%s", e.msg);
	struct task k = ox_get(id);
	cr_assert_eq(k.confirm, CF_PENDING);
	cr_assert_eq(k.due, D(2025, 12, 31), "2025 was never reported");
	struct rollup_when w = {OX_TODAY, 14, &ox_cfg.periods};
	cr_assert_eq(rollup_classify(&k, &w, NULL), RB_DUE_OVERDUE);
	task_free(&k);
	struct store_counts sc;
	struct txn *t = fx_read();
	cr_assert_eq(store_unit_counts(t, ox_unit[OU_BTC], OX_TODAY, 14, &sc, &e), 0, "%s", e.msg);
	store_read_end(t);
	cr_assert_eq(sc.overdue, 1, "the counters see it overdue too");
	assert_consistent();
}
