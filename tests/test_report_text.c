/* test_report_text.c — the clerk's report texts through the library calls
 * the command line and the screen share: rtext_save (permission, one
 * audit entry per change, nothing written when unchanged) and rtext_below
 * (what the units directly below wrote). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "hier.h"
#include "ops-fixture.h"
#include "report-text.h"

static struct hier *h;

static void setup(void)
{
	ox_setup();
	struct txn *t = fx_read();
	struct err e = {0};
	cr_assert_eq(hier_load(t, &h, &e), 0, "%s", e.msg);
	store_read_end(t);
}

static void teardown(void)
{
	hier_free(h);
	ox_teardown();
}

TestSuite(report_text, .init = setup, .fini = teardown);

struct save {
	uint32_t unit;
	enum rtext_section s;
	const char *text;
	int changed;
};

static int save_fn(struct txn *t, void *ctx, struct err *e)
{
	struct save *s = ctx;
	return rtext_save(t, &ox, h, s->unit, "2026", s->s, s->text, &s->changed, e);
}

static int save(int unit, enum rtext_section s, const char *text, int *changed, struct err *e)
{
	struct save sv = {ox_unit[unit], s, text, -1};
	int rc = store_write(fx_st, save_fn, &sv, e);
	*changed = sv.changed;
	return rc;
}

static char *get(int unit, enum rtext_section s)
{
	struct txn *t = fx_read();
	struct err e = {0};
	char *out;
	cr_assert_eq(rtext_get(t, ox_unit[unit], "2026", s, &out, &e), 0, "%s", e.msg);
	store_read_end(t);
	return out;
}

Test(report_text, a_save_writes_once_and_audits_each_change)
{
	struct err e = {0};
	int changed;
	uint64_t audits = ox_audit_count();

	ox_as(ROLE_EDITOR, OU_BTC);
	cr_assert_eq(save(OU_BTC, RT_RESULTS, "Đã kiện toàn\nhai chi bộ.", &changed, &e), 0, "%s",
	             e.msg);
	cr_assert_eq(changed, 1);
	char *got = get(OU_BTC, RT_RESULTS);
	cr_assert_str_eq(got, "Đã kiện toàn\nhai chi bộ.");
	free(got);
	cr_assert_eq(ox_audit_count(), audits + 1);
	/* the same text again: nothing written, nothing audited */
	cr_assert_eq(save(OU_BTC, RT_RESULTS, "Đã kiện toàn\nhai chi bộ.", &changed, &e), 0);
	cr_assert_eq(changed, 0);
	cr_assert_eq(ox_audit_count(), audits + 1);
	/* "" removes it */
	cr_assert_eq(save(OU_BTC, RT_RESULTS, "", &changed, &e), 0);
	cr_assert_eq(changed, 1);
	cr_assert_null(get(OU_BTC, RT_RESULTS));
	cr_assert_eq(ox_audit_count(), audits + 2);
}

Test(report_text, only_the_unit_its_offices_and_admins_may_write)
{
	struct err e = {0};
	int changed;
	uint64_t audits = ox_audit_count();

	ox_as(ROLE_EDITOR, OU_BTC);
	cr_assert_eq(rtext_may_write(&ox, h, ox_unit[OU_BTC_P1], &e), 0, "its subtree: %s", e.msg);
	cr_assert_eq(save(OU_BTG, RT_LIMITS, "không phải việc của mình", &changed, &e), ERR_DENIED);
	cr_assert_null(get(OU_BTG, RT_LIMITS), "a refused save writes nothing");
	err_clear(&e);
	ox_as(ROLE_VIEWER, OU_BTC);
	cr_assert_eq(save(OU_BTC, RT_LIMITS, "chỉ xem", &changed, &e), ERR_DENIED);
	cr_assert_null(get(OU_BTC, RT_LIMITS));
	cr_assert_eq(ox_audit_count(), audits, "a refusal is not audited as a change");
	err_clear(&e);
	ox_as(ROLE_ADMIN, OU_VP);
	cr_assert_eq(save(OU_BTG, RT_LIMITS, "quản trị", &changed, &e), 0, "%s", e.msg);
}

Test(report_text, below_lists_what_the_direct_children_wrote)
{
	struct err e = {0};
	int changed;

	ox_as(ROLE_ADMIN, OU_VP);
	cr_assert_eq(save(OU_BTC, RT_DIRECTION, "BTC: tiếp tục.", &changed, &e), 0, "%s", e.msg);
	cr_assert_eq(save(OU_BTC_P1, RT_DIRECTION, "Phòng 1: không hiện ở tu.", &changed, &e), 0);
	cr_assert_eq(save(OU_BTG, RT_PROPOSALS, "BTG: phần khác.", &changed, &e), 0);
	struct txn *t = fx_read();
	struct sbuf b = {0};
	cr_assert_eq(rtext_below(&b, t, h, ox_unit[OU_TU], "2026", RT_DIRECTION, &e), 0, "%s", e.msg);
	store_read_end(t);
	cr_assert_not_null(b.s);
	cr_assert(strstr(b.s, "BTC: tiếp tục."), "%s", b.s);
	cr_assert_null(strstr(b.s, "Phòng 1"), "a grandchild is not listed: %s", b.s);
	cr_assert_null(strstr(b.s, "BTG"), "another section is not listed: %s", b.s);
	sbuf_free(&b);
}
