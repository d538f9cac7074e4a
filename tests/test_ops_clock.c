/* test_ops_clock.c — writes record the clock: for anyone but an
 * administrator the day a write records is the real day (ops_write_day),
 * whatever --today says; an administrator's --today back-dates. */
#include "ops-fixture.h"

TestSuite(ops_clock, .init = ox_setup, .fini = ox_teardown);

#define CLOCK date_make(2026, 11, 23)
#define PAST date_make(2020, 1, 1)

Test(ops_clock, the_write_day_is_the_clock_except_for_admins)
{
	ox.today = PAST;
	ox.clock = CLOCK;
	ox_as(ROLE_EDITOR, OU_BTC);
	cr_assert_eq(ops_write_day(&ox), CLOCK);
	ox_as(ROLE_VIEWER, OU_BTC);
	cr_assert_eq(ops_write_day(&ox), CLOCK);
	ox_as(ROLE_NONE, -1);
	cr_assert_eq(ops_write_day(&ox), CLOCK);
	ox_as(ROLE_ADMIN, OU_VP);
	cr_assert_eq(ops_write_day(&ox), PAST);
	/* no clock in the context: the system's */
	ox_as(ROLE_EDITOR, OU_BTC);
	ox.clock = 0;
	cr_assert_eq(ops_write_day(&ox), date_clock());
	/* which $THEODOI_TODAY does not move */
	setenv("THEODOI_TODAY", "2020-01-01", 1);
	cr_assert_eq(ops_write_day(&ox), date_clock());
	cr_assert_neq(ops_write_day(&ox), PAST);
	unsetenv("THEODOI_TODAY");
}

Test(ops_clock, an_editor_cannot_back_date_a_completion)
{
	ox.today = PAST;
	ox.clock = CLOCK;
	ox_as(ROLE_EDITOR, OU_BTC);
	struct err e = {0};
	uint64_t uid = 0;
	cr_assert_eq(ops_update(&ox, ox_task[OX_OWN], ST_DONE, -1, "xong", &uid, &e), 0, "%s", e.msg);
	struct task k = ox_get(ox_task[OX_OWN]);
	cr_assert_eq(k.done_date, CLOCK);
	cr_assert_eq(k.last_update, CLOCK);
	task_free(&k);
	struct txn *t = fx_read();
	struct update u = {0};
	cr_assert_eq(store_update_get(t, ox_task[OX_OWN], uid, &u, &e), 0, "%s", e.msg);
	store_read_end(t);
	cr_assert_eq(u.day, CLOCK);
	update_free(&u);
}

Test(ops_clock, an_admin_enters_an_old_record_with_today)
{
	ox.today = PAST;
	ox.clock = CLOCK;
	ox_as(ROLE_ADMIN, OU_VP);
	struct err e = {0};
	uint64_t uid = 0;
	cr_assert_eq(ops_update(&ox, ox_task[OX_OWN], ST_DONE, -1, NULL, &uid, &e), 0, "%s", e.msg);
	struct task k = ox_get(ox_task[OX_OWN]);
	cr_assert_eq(k.done_date, PAST);
	task_free(&k);
	struct txn *t = fx_read();
	struct update u = {0};
	cr_assert_eq(store_update_get(t, ox_task[OX_OWN], uid, &u, &e), 0, "%s", e.msg);
	store_read_end(t);
	cr_assert_eq(u.day, PAST);
	update_free(&u);
}

Test(ops_clock, an_extension_is_after_the_real_day)
{
	/* --today far ahead does not make a valid new due date "past"; the
	 * editor may grant as [access] extend = editors allows */
	ox_as(ROLE_EDITOR, OU_BTC);
	ox_cfg.extend = CFG_EXTEND_EDITORS;
	ox.clock = CLOCK;
	ox.today = date_make(2030, 1, 1);
	struct err e = {0};
	cr_assert_eq(ops_extend(&ox, ox_task[OX_OWN], date_make(2027, 3, 31), "chờ số liệu", &e), 0,
	             "%s", e.msg);
}
