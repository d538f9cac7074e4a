/* test_indicator.c — indicators: met, on track, at risk, missed at their
 * boundaries; values as people write them; recording a measurement with
 * its permission rules and audit entry. */
#include "indicator.h"
#include "report-fixture.h"
#include "text.h"

TestSuite(ind_assess);
TestSuite(ind_value);
TestSuite(ind_store, .init = rfx_open, .fini = rfx_close);

static struct indicator ind(double min, double target, int year)
{
	struct indicator i;
	memset(&i, 0, sizeof i);
	i.id = 1;
	i.min = min;
	i.target = target;
	i.year = year;
	strcpy(i.unit_of, "%");
	return i;
}

static struct measure m(date_t d, double v)
{
	static uint64_t next = 1;
	struct measure x;
	memset(&x, 0, sizeof x);
	x.id = next++;
	x.date = d;
	x.value = v;
	return x;
}

/* Baseline 50 on 01/01/2026, goal 90 on 31/12/2026 (364 days later): on
 * 02/07/2026 (182 days) the expected value is exactly 70. */
static enum ind_state judge_mid(double value, struct ind_assessment *a)
{
	struct indicator i = ind(90, NAN, 2026);
	struct measure ms[] = {m(D(2026, 7, 2), value), m(D(2026, 1, 1), 50)};
	ind_assess(&i, ms, 2, D(2026, 7, 10), a);
	return a->state;
}

Test(ind_assess, on_track_at_the_expected_value_at_risk_below)
{
	struct ind_assessment a;
	cr_assert_eq(judge_mid(70, &a), IND_ON_TRACK);
	cr_assert_float_eq(a.expected, 70, 1e-9);
	cr_assert_float_eq(a.base, 50, 1e-9);
	cr_assert_eq(a.base_date, D(2026, 1, 1));
	cr_assert_eq(a.value_date, D(2026, 7, 2));
	cr_assert_eq(a.nmeasures, 2);
	cr_assert_eq(judge_mid(69.9, &a), IND_AT_RISK);
	cr_assert_eq(judge_mid(89.99, &a), IND_ON_TRACK);
}

Test(ind_assess, met_at_the_minimum_and_aspiration_beyond)
{
	struct ind_assessment a;
	cr_assert_eq(judge_mid(90, &a), IND_MET_MINIMUM);
	cr_assert_not(a.aspiration_met);
	struct indicator i = ind(90, 95, 2026);
	struct measure ms[] = {m(D(2026, 1, 1), 50), m(D(2026, 7, 2), 95)};
	ind_assess(&i, ms, 2, D(2026, 7, 10), &a);
	cr_assert_eq(a.state, IND_MET_ASPIRATION);
	cr_assert(a.aspiration_met);
}

Test(ind_assess, missed_only_after_the_target_year)
{
	struct indicator i = ind(90, NAN, 2026);
	struct ind_assessment a;
	struct measure ms[] = {m(D(2026, 1, 1), 50), m(D(2026, 12, 31), 89.9), m(D(2027, 1, 1), 95)};
	ind_assess(&i, ms, 3, D(2026, 12, 31), &a);
	cr_assert_eq(a.state, IND_AT_RISK, "still the target year");
	ind_assess(&i, ms, 3, D(2027, 1, 1), &a);
	cr_assert_eq(a.state, IND_MISSED, "judged by the value at the year's end");
	cr_assert_float_eq(a.value, 89.9, 1e-9);
	ms[1].value = 90;
	ind_assess(&i, ms, 3, D(2027, 1, 1), &a);
	cr_assert_eq(a.state, IND_MET_MINIMUM);
	/* nothing measured by the end: the earliest value after it */
	struct measure late[] = {m(D(2027, 2, 1), 91)};
	ind_assess(&i, late, 1, D(2027, 3, 1), &a);
	cr_assert_eq(a.state, IND_MET_MINIMUM);
}

Test(ind_assess, lower_is_better_when_the_aspiration_is_below_the_minimum)
{
	/* "không quá 10%, phấn đấu 5%": from 20 to 10 over the year */
	struct indicator i = ind(10, 5, 2026);
	struct ind_assessment a;
	struct measure ms[] = {m(D(2026, 1, 1), 20), m(D(2026, 7, 2), 15)};
	ind_assess(&i, ms, 2, D(2026, 7, 10), &a);
	cr_assert(a.lower_better);
	cr_assert_eq(a.state, IND_ON_TRACK);
	ms[1].value = 15.1;
	ind_assess(&i, ms, 2, D(2026, 7, 10), &a);
	cr_assert_eq(a.state, IND_AT_RISK);
	ms[1].value = 10;
	ind_assess(&i, ms, 2, D(2026, 7, 10), &a);
	cr_assert_eq(a.state, IND_MET_MINIMUM);
	cr_assert_not(a.aspiration_met);
	ms[1].value = 5;
	ind_assess(&i, ms, 2, D(2026, 7, 10), &a);
	cr_assert(a.aspiration_met);
	cr_assert_eq(a.state, IND_MET_ASPIRATION);
}

Test(ind_assess, no_target_no_data_no_year_and_future_values)
{
	struct ind_assessment a;
	struct indicator none = ind(NAN, NAN, 2026);
	struct measure one[] = {m(D(2026, 3, 1), 40)};
	ind_assess(&none, one, 1, TODAY, &a);
	cr_assert_eq(a.state, IND_NO_TARGET);
	cr_assert(a.has_value);
	struct indicator i = ind(NAN, 80, 2027); /* only an aspiration: it is the goal */
	ind_assess(&i, NULL, 0, TODAY, &a);
	cr_assert_eq(a.state, IND_NO_DATA);
	cr_assert_float_eq(a.goal, 80, 1e-9);
	struct measure future[] = {m(D(2026, 12, 1), 99)};
	ind_assess(&i, future, 1, TODAY, &a);
	cr_assert_eq(a.state, IND_NO_DATA, "a value dated after today is not counted");
	ind_assess(&i, one, 1, TODAY, &a);
	cr_assert_eq(a.state, IND_ON_TRACK, "a single value is its own baseline");
	struct indicator noyear = ind(90, NAN, 0);
	ind_assess(&noyear, one, 1, TODAY, &a);
	cr_assert_eq(a.state, IND_NOT_MET);
	cr_assert(isnan(a.expected));
}

Test(ind_value, parse_as_people_write_numbers)
{
	struct err e = {0};
	double v;
	cr_assert_eq(ind_parse_value("85", &v, NULL), 0);
	cr_assert_float_eq(v, 85, 1e-12);
	cr_assert_eq(ind_parse_value("85,5", &v, NULL), 0);
	cr_assert_float_eq(v, 85.5, 1e-12);
	cr_assert_eq(ind_parse_value(" 85.5 % ", &v, NULL), 0);
	cr_assert_float_eq(v, 85.5, 1e-12);
	cr_assert_eq(ind_parse_value("-2,25", &v, NULL), 0);
	cr_assert_float_eq(v, -2.25, 1e-12);
	cr_assert_eq(ind_parse_value("0.125", &v, NULL), 0);
	cr_assert_float_eq(v, 0.125, 1e-12);
	cr_assert_eq(ind_parse_value("2.500", &v, &e), ERR_INPUT);
	cr_assert(strstr(e.msg, "2500") && strstr(e.msg, "2,500"), "%s", e.msg);
	cr_assert_eq(ind_parse_value("abc", &v, NULL), ERR_INPUT);
	cr_assert_eq(ind_parse_value("", &v, NULL), ERR_INPUT);
	cr_assert_eq(ind_parse_value("1,5,6", &v, NULL), ERR_INPUT);
	cr_assert_eq(ind_parse_value("12,", &v, NULL), ERR_INPUT);
}

Test(ind_value, format_the_vietnamese_way)
{
	char b[64];
	cr_assert_str_eq(ind_format_value(85.5, "%", b, sizeof b), "85,5%");
	cr_assert_str_eq(ind_format_value(2500, "đảng viên", b, sizeof b), "2.500 đảng viên");
	cr_assert_str_eq(ind_format_value(12.25, NULL, b, sizeof b), "12,25");
	cr_assert_str_eq(ind_format_value(-0.5, "", b, sizeof b), "-0,5");
	cr_assert_str_eq(ind_format_value(1234567, "", b, sizeof b), "1.234.567");
	cr_assert_str_eq(ind_format_value(100, "%", b, sizeof b), "100%");
}

/* ---- recording ---- */

static int put_indicator(struct txn *t, void *ctx, struct err *e)
{
	return store_indicator_put(t, ctx, e);
}

static uint64_t stored_indicator(const char *lead)
{
	struct err e = {0};
	/* One document per test (each test is its own process): the same
	 * number, issuer and date cannot be entered twice. */
	static uint64_t doc;
	if (!doc)
		doc = rfx_doc("15-CTr/TU", "CTr", "tu", D(2026, 1, 1), DATE_NONE, NULL, NULL);
	struct indicator i = ind(90, 95, 2027);
	i.id = 0;
	i.doc_id = doc;
	strcpy(i.section, "II#1");
	i.text = xstrdup("Tối thiểu 90%, phấn đấu 95% hồ sơ được giải quyết trực tuyến.");
	i.lead = lead ? rfx_unit(lead) : 0;
	cr_assert_eq(store_write(fx.ops.st, put_indicator, &i, &e), 0, "%s", e.msg);
	uint64_t id = i.id;
	indicator_free(&i);
	return id;
}

static size_t measures_of(uint64_t id, struct measure **ms)
{
	struct err e = {0};
	size_t n;
	struct txn *t = rfx_read();
	cr_assert_eq(ind_measures(t, id, ms, &n, &e), 0, "%s", e.msg);
	store_read_end(t);
	return n;
}

struct last_audit {
	struct audit a;
	int seen;
};

static int keep_audit(const struct audit *a, void *ctx)
{
	struct last_audit *l = ctx;
	audit_free(&l->a);
	l->a = *a;
	l->a.before = a->before ? xstrdup(a->before) : NULL;
	l->a.after = a->after ? xstrdup(a->after) : NULL;
	l->seen = 1;
	return 0;
}

Test(ind_store, admin_records_a_value_with_an_audit_entry)
{
	struct err e = {0};
	uint64_t id = stored_indicator("thu-btc"), mid = 0;
	cr_assert_eq(ind_measure_add(&fx.ops, id, 72.5, D(2026, 9, 30), "Báo cáo quý III", &mid, &e), 0,
	             "%s", e.msg);
	cr_assert_neq(mid, 0);
	struct measure *ms;
	size_t n = measures_of(id, &ms);
	cr_assert_eq(n, 1);
	cr_assert_eq(ms[0].id, mid);
	cr_assert_float_eq(ms[0].value, 72.5, 1e-12);
	cr_assert_eq(ms[0].date, D(2026, 9, 30));
	cr_assert_str_eq(ms[0].note, "Báo cáo quý III");
	cr_assert_str_eq(ms[0].login, "quan.tri");
	ind_measures_free(ms, n);
	struct last_audit l = {{0}, 0};
	struct txn *t = rfx_read();
	cr_assert_eq(store_audit_each(t, 0, keep_audit, &l, &e), 0, "%s", e.msg);
	store_read_end(t);
	cr_assert(l.seen);
	cr_assert_str_eq(l.a.action, "measure");
	char obj[40];
	snprintf(obj, sizeof obj, "indicator:%llu", (unsigned long long)id);
	cr_assert_str_eq(l.a.object, obj);
	cr_assert(strstr(l.a.after, "72.5") && strstr(l.a.after, "2026-09-30"), "%s", l.a.after);
	audit_free(&l.a);
	/* no date: today */
	cr_assert_eq(ind_measure_add(&fx.ops, id, 80, DATE_NONE, NULL, NULL, &e), 0, "%s", e.msg);
	n = measures_of(id, &ms);
	cr_assert_eq(n, 2);
	cr_assert_eq(ms[1].date, TODAY);
	ind_measures_free(ms, n);
}

static int as(const char *login, enum role role, const char *unit, uint64_t id)
{
	struct err e = {0};
	str_copy(fx.ops.who.login, login, sizeof fx.ops.who.login);
	fx.ops.who.role = role;
	fx.ops.who.unit = unit ? rfx_unit(unit) : 0;
	return ind_measure_add(&fx.ops, id, 50, TODAY, NULL, NULL, &e);
}

Test(ind_store, editors_record_for_their_subtree_only)
{
	uint64_t own = stored_indicator("thu-btc"), other = stored_indicator("tu-vp"),
	         nobody = stored_indicator(NULL);
	cr_assert_eq(as("bien.tap", ROLE_EDITOR, "thu", own), 0);
	cr_assert_eq(as("bien.tap", ROLE_EDITOR, "thu-btc", own), 0);
	cr_assert_eq(as("bien.tap", ROLE_EDITOR, "thu", other), ERR_DENIED);
	cr_assert_eq(as("bien.tap2", ROLE_EDITOR, "hu", own), ERR_DENIED);
	cr_assert_eq(as("bien.tap", ROLE_EDITOR, "thu", nobody), ERR_DENIED);
	cr_assert_eq(as("chi.xem", ROLE_VIEWER, "tu", own), ERR_DENIED);
	cr_assert_eq(as("la", ROLE_NONE, NULL, own), ERR_DENIED);
	cr_assert_eq(as("quan.tri", ROLE_ADMIN, "tu-vp", nobody), 0);
	struct measure *ms;
	size_t n = measures_of(own, &ms);
	cr_assert_eq(n, 2, "refused writes leave nothing");
	ind_measures_free(ms, n);
	n = measures_of(other, &ms);
	cr_assert_eq(n, 0);
	ind_measures_free(ms, n);
	struct indicator i = ind(1, 1, 2026);
	i.lead = rfx_unit("thu-btc");
	fx.ops.who.role = ROLE_EDITOR;
	fx.ops.who.unit = rfx_unit("thu");
	cr_assert(ind_may_measure(&fx.ops, &i, NULL));
	fx.ops.who.unit = rfx_unit("hu");
	struct err e = {0};
	cr_assert_not(ind_may_measure(&fx.ops, &i, &e));
	cr_assert_eq(e.code, ERR_DENIED);
}

Test(ind_store, bad_values_dates_notes_and_ids_are_refused)
{
	struct err e = {0};
	uint64_t id = stored_indicator("thu-btc");
	cr_assert_eq(ind_measure_add(&fx.ops, id, 50, TODAY + 1, NULL, NULL, &e), ERR_INPUT);
	cr_assert_str_eq(e.field, "date");
	cr_assert_eq(ind_measure_add(&fx.ops, id, NAN, TODAY, NULL, NULL, &e), ERR_INPUT);
	cr_assert_eq(ind_measure_add(&fx.ops, id, 50, TODAY, "hai\ndòng", NULL, &e), ERR_INPUT);
	cr_assert_eq(ind_measure_add(&fx.ops, 9999, 50, TODAY, NULL, NULL, &e), ERR_NOTFOUND);
	cr_assert(strstr(e.msg, "9999"), "%s", e.msg);
	struct measure *ms;
	size_t n = measures_of(id, &ms);
	cr_assert_eq(n, 0);
	ind_measures_free(ms, n);
}

Test(ind_store, list_by_document_and_unit_and_judge_stored)
{
	struct err e = {0};
	uint64_t a = stored_indicator("thu-btc");
	stored_indicator("tu-vp");
	cr_assert_eq(ind_measure_add(&fx.ops, a, 95, TODAY, NULL, NULL, &e), 0, "%s", e.msg);
	const struct hier *h = rfx_hier();
	struct txn *t = rfx_read();
	struct indicator *v;
	size_t n;
	cr_assert_eq(ind_list(t, h, 0, 0, &v, &n, &e), 0, "%s", e.msg);
	cr_assert_eq(n, 2);
	ind_list_free(v, n);
	cr_assert_eq(ind_list(t, h, 0, rfx_unit("thu"), &v, &n, &e), 0, "%s", e.msg);
	cr_assert_eq(n, 1);
	cr_assert_eq(v[0].id, a);
	struct ind_assessment as_;
	cr_assert_eq(ind_assess_stored(t, &v[0], TODAY, &as_, &e), 0, "%s", e.msg);
	cr_assert_eq(as_.state, IND_MET_ASPIRATION);
	cr_assert(as_.aspiration_met);
	ind_list_free(v, n);
	store_read_end(t);
}

Test(ind_value, a_percentage_is_a_share_unless_its_nature_says_otherwise)
{
	struct err e = {0};
	struct indicator i = ind(90, 95, 2027);
	cr_assert_eq(ind_check_value(&i, 0, &e), 0);
	cr_assert_eq(ind_check_value(&i, 100, &e), 0);
	cr_assert_eq(ind_check_value(&i, 150, &e), ERR_INPUT);
	cr_assert(strstr(e.msg, "150%") && strstr(e.msg, "từ 0 đến 100"), "%s", e.msg);
	cr_assert_str_eq(e.field, "value");
	cr_assert_eq(ind_check_value(&i, -5, &e), ERR_INPUT);
	cr_assert(strstr(e.msg, "-5%"), "%s", e.msg);
	/* a count takes no negative value, but has no upper bound */
	strcpy(i.unit_of, "đảng viên");
	cr_assert_eq(ind_check_value(&i, 2500, &e), 0);
	cr_assert_eq(ind_check_value(&i, -1, &e), ERR_INPUT);
	cr_assert(strstr(e.msg, "-1 đảng viên") && strstr(e.msg, "âm"), "%s", e.msg);
	/* a growth rate may fall below zero and exceed 100% */
	struct indicator g = ind(7, 8, 2027);
	g.text = "Tốc độ tăng trưởng kinh tế bình quân đạt 7%, phấn đấu 8%/năm.";
	cr_assert_eq(ind_check_value(&g, -2.5, &e), 0);
	cr_assert_eq(ind_check_value(&g, 120, &e), 0);
	/* "đạt 105% dự toán": a ratio above the whole */
	struct indicator r = ind(100, 105, 2027);
	cr_assert_eq(ind_check_value(&r, 112, &e), 0);
	cr_assert_eq(ind_check_value(&r, -1, &e), ERR_INPUT);
}

Test(ind_store, a_percentage_outside_0_to_100_is_not_recorded)
{
	struct err e = {0};
	uint64_t id = stored_indicator("thu-btc");
	cr_assert_eq(ind_measure_add(&fx.ops, id, -5, TODAY, NULL, NULL, &e), ERR_INPUT);
	cr_assert(strstr(e.msg, "-5%"), "%s", e.msg);
	cr_assert_eq(ind_measure_add(&fx.ops, id, 150, TODAY, NULL, NULL, &e), ERR_INPUT);
	cr_assert(strstr(e.msg, "150%"), "%s", e.msg);
	cr_assert_eq(ind_measure_add(&fx.ops, id, 100, TODAY, NULL, NULL, &e), 0, "%s", e.msg);
	struct measure *ms;
	size_t n = measures_of(id, &ms);
	cr_assert_eq(n, 1);
	ind_measures_free(ms, n);
}

/* ---- minimum and aspiration, yearly indicators ---- */

/* "tối thiểu 80%, phấn đấu 90%" by 2026, from 50 on 01/01/2026, judged
 * on today with one more value v on 02/07/2026. */
static enum ind_state judge_80_90(double v, date_t today)
{
	struct indicator i = ind(80, 90, 2026);
	struct measure ms[] = {m(D(2026, 1, 1), 50), m(D(2026, 7, 2), v)};
	struct ind_assessment a;
	ind_assess(&i, ms, 2, today, &a);
	return a.state;
}

Test(ind_assess, aspiration_and_minimum_at_their_boundaries)
{
	date_t during = D(2026, 7, 10), last = D(2026, 12, 31), after = D(2027, 1, 1);
	cr_assert_eq(judge_80_90(90, during), IND_MET_ASPIRATION, "exactly the aspiration");
	cr_assert_eq(judge_80_90(89.99, during), IND_MET_MINIMUM, "just below the aspiration");
	cr_assert_eq(judge_80_90(80, during), IND_MET_MINIMUM, "exactly the minimum");
	/* just below the minimum: the pace towards the minimum (65 expected) */
	cr_assert_eq(judge_80_90(79.99, during), IND_ON_TRACK);
	cr_assert_eq(judge_80_90(64.9, during), IND_AT_RISK);
	/* the last day of the target year still judges the pace; the next day
	 * the year is over */
	cr_assert_eq(judge_80_90(64.9, last), IND_AT_RISK);
	cr_assert_eq(judge_80_90(79.99, after), IND_MISSED);
	cr_assert_eq(judge_80_90(80, after), IND_MET_MINIMUM);
	cr_assert_eq(judge_80_90(90, after), IND_MET_ASPIRATION);
	cr_assert_str_eq(ind_state_label(IND_MET_ASPIRATION), "đạt mức phấn đấu");
	cr_assert_str_eq(ind_state_label(IND_MET_MINIMUM), "đạt mức tối thiểu");
	cr_assert_str_eq(ind_state_key(IND_MET_ASPIRATION), "met_aspiration");
	cr_assert_str_eq(ind_state_key(IND_MET_MINIMUM), "met_minimum");
}

Test(ind_assess, one_level_only_is_judged_on_what_it_has)
{
	struct ind_assessment a;
	/* "phấn đấu 90%" alone: reaching it is the aspiration, the pace and the
	 * year's end are measured against it */
	struct indicator asp = ind(NAN, 90, 2026);
	struct measure ms[] = {m(D(2026, 1, 1), 50), m(D(2026, 7, 2), 90)};
	ind_assess(&asp, ms, 2, D(2026, 7, 10), &a);
	cr_assert_eq(a.state, IND_MET_ASPIRATION);
	cr_assert_float_eq(a.goal, 90, 1e-9);
	ms[1].value = 70;
	ind_assess(&asp, ms, 2, D(2026, 7, 10), &a);
	cr_assert_eq(a.state, IND_ON_TRACK, "70 is the pace towards 90");
	ms[1].value = 69.9;
	ind_assess(&asp, ms, 2, D(2026, 7, 10), &a);
	cr_assert_eq(a.state, IND_AT_RISK);
	ms[1].value = 89.9;
	ind_assess(&asp, ms, 2, D(2027, 1, 1), &a);
	cr_assert_eq(a.state, IND_MISSED);
	/* "tối thiểu 80%" alone never reaches an aspiration */
	struct indicator min = ind(80, NAN, 2026);
	ms[1].value = 100;
	ind_assess(&min, ms, 2, D(2027, 1, 1), &a);
	cr_assert_eq(a.state, IND_MET_MINIMUM);
	/* no target year: reached or not yet */
	struct indicator noyear = ind(80, 90, 0);
	ind_assess(&noyear, ms, 2, D(2027, 1, 1), &a);
	cr_assert_eq(a.state, IND_MET_ASPIRATION);
	ms[1].value = 79;
	ind_assess(&noyear, ms, 2, D(2027, 1, 1), &a);
	cr_assert_eq(a.state, IND_NOT_MET);
}

Test(ind_assess, a_ceiling_in_the_text_makes_lower_better)
{
	struct ind_assessment a;
	struct indicator i = ind(NAN, 5, 2026);
	i.text = "Tỷ lệ hộ nghèo giảm còn dưới 5%.";
	cr_assert(ind_lower_is_better(&i));
	struct measure ms[] = {m(D(2026, 1, 1), 9), m(D(2026, 11, 1), 5)};
	ind_assess(&i, ms, 2, D(2027, 1, 1), &a);
	cr_assert(a.lower_better);
	cr_assert_eq(a.state, IND_MET_ASPIRATION);
	ms[1].value = 5.1;
	ind_assess(&i, ms, 2, D(2027, 1, 1), &a);
	cr_assert_eq(a.state, IND_MISSED);
	struct indicator k = ind(2, NAN, 2026);
	k.text = "Tỷ lệ đảng viên vi phạm kỷ luật không quá 2%.";
	cr_assert(ind_lower_is_better(&k));
	k.text = "Tỷ lệ đảng viên bị xử lý tối đa 2%.";
	cr_assert(ind_lower_is_better(&k));
	/* "không dưới", "cấp dưới", "tối đa" before no figure: higher is better */
	struct indicator h = ind(80, NAN, 2026);
	h.text = "Tỷ lệ tổ chức cơ sở đảng cấp dưới hoàn thành tốt nhiệm vụ không dưới 80%.";
	cr_assert_not(ind_lower_is_better(&h));
	h.text = "Huy động tối đa nguồn lực, 80% xã đạt chuẩn.";
	cr_assert_not(ind_lower_is_better(&h));
	h.text = NULL;
	cr_assert_not(ind_lower_is_better(&h));
}

Test(ind_assess, yearly_is_read_from_the_text)
{
	cr_assert(ind_text_yearly("Hằng năm, tối thiểu 90% chi bộ ...", TXT_NUL));
	cr_assert(ind_text_yearly("Hàng năm kết nạp 300 đảng viên", TXT_NUL));
	cr_assert(ind_text_yearly("Mỗi năm kết nạp tối thiểu 2.500 đảng viên", TXT_NUL));
	cr_assert(ind_text_yearly("Số đảng viên mới tăng 5% từng năm", TXT_NUL));
	cr_assert_not(ind_text_yearly("Tốc độ tăng trưởng bình quân hằng năm đạt 7%", TXT_NUL));
	cr_assert_not(ind_text_yearly("Đến năm 2025, 80% thủ tục trực tuyến", TXT_NUL));
	cr_assert_not(ind_text_yearly("cả năm", TXT_NUL));
	cr_assert_not(ind_text_yearly(NULL, 0));
	struct indicator i = ind(80, 90, 0);
	cr_assert_eq(ind_last_year(&i, D(2026, 5, 1)), 0, "not yearly");
	i.text = "Hằng năm, tối thiểu 80%, phấn đấu 90% chi bộ xếp loại tốt.";
	cr_assert_eq(ind_last_year(&i, D(2026, 5, 1)), 2026);
	i.year = 2025; /* "hằng năm ... đến năm 2025" */
	cr_assert_eq(ind_last_year(&i, D(2026, 5, 1)), 2025);
	cr_assert_eq(ind_last_year(&i, D(2024, 5, 1)), 2024);
}

static struct indicator yearly(void)
{
	struct indicator i = ind(80, 90, 0);
	i.text = "Hằng năm, tối thiểu 80%, phấn đấu 90% chi bộ xếp loại hoàn thành tốt nhiệm vụ.";
	return i;
}

Test(ind_assess, a_yearly_indicator_is_judged_on_each_years_own_values)
{
	struct indicator i = yearly();
	struct measure ms[] = {m(D(2025, 6, 30), 85), m(D(2025, 12, 31), 92), m(D(2026, 3, 31), 60),
	                       m(D(2026, 9, 30), 70)};
	struct ind_assessment a, *ys;
	size_t n;
	ind_assess_years(&i, ms, 4, 2025, D(2026, 11, 23), &ys, &n);
	cr_assert_eq(n, 2);
	cr_assert_eq(ys[0].year, 2025);
	cr_assert_eq(ys[0].state, IND_MET_ASPIRATION, "2025 ended at 92");
	cr_assert_float_eq(ys[0].value, 92, 1e-9);
	cr_assert_eq(ys[0].nmeasures, 2);
	cr_assert_eq(ys[0].end, D(2025, 12, 31));
	/* 2026 on its own values: baseline 60 on 31/03, 80 at 31/12 */
	cr_assert_eq(ys[1].year, 2026);
	cr_assert_eq(ys[1].nmeasures, 2);
	cr_assert_float_eq(ys[1].base, 60, 1e-9);
	cr_assert_eq(ys[1].state, IND_AT_RISK);
	free(ys);
	/* the headline is the current year's judgement */
	ind_assess(&i, ms, 4, D(2026, 11, 23), &a);
	cr_assert_eq(a.year, 2026);
	cr_assert_eq(a.state, IND_AT_RISK);
	/* the same values on an indicator judged once would count 2025's */
	struct indicator once = ind(80, 90, 0);
	ind_assess(&once, ms, 4, D(2026, 11, 23), &a);
	cr_assert_eq(a.year, 0);
	cr_assert_eq(a.state, IND_NOT_MET);
	/* after the year's end: missed; a year with no value has no data */
	ind_assess_years(&i, ms, 4, 2024, D(2027, 1, 1), &ys, &n);
	cr_assert_eq(n, 4);
	cr_assert_eq(ys[0].year, 2024);
	cr_assert_eq(ys[0].state, IND_NO_DATA);
	cr_assert_eq(ys[2].state, IND_MISSED, "2026 ended at 70");
	cr_assert_eq(ys[3].year, 2027);
	cr_assert_eq(ys[3].state, IND_NO_DATA, "nothing measured in 2027 yet");
	free(ys);
	/* 2026 at exactly the minimum, then exactly the aspiration */
	ms[3].value = 80;
	ind_assess_year(&i, ms, 4, 2026, D(2027, 1, 1), &a);
	cr_assert_eq(a.state, IND_MET_MINIMUM);
	ms[3].value = 90;
	ind_assess_year(&i, ms, 4, 2026, D(2027, 1, 1), &a);
	cr_assert_eq(a.state, IND_MET_ASPIRATION);
}

Test(ind_assess, a_past_day_uses_only_the_values_known_then)
{
	struct indicator i = yearly();
	struct measure ms[] = {m(D(2025, 6, 30), 85), m(D(2025, 12, 31), 79), m(D(2026, 3, 31), 95)};
	struct ind_assessment a, *ys;
	size_t n;
	ind_assess(&i, ms, 3, D(2025, 12, 30), &a);
	cr_assert_eq(a.year, 2025);
	cr_assert_eq(a.state, IND_MET_MINIMUM, "85 was the latest on 30/12/2025");
	cr_assert_eq(a.nmeasures, 1);
	ind_assess(&i, ms, 3, D(2025, 12, 31), &a);
	cr_assert_eq(a.state, IND_AT_RISK, "79 on the last day, the year not yet over");
	ind_assess_years(&i, ms, 3, 2025, D(2026, 3, 30), &ys, &n);
	cr_assert_eq(n, 2);
	cr_assert_eq(ys[0].state, IND_MISSED);
	cr_assert_eq(ys[1].state, IND_NO_DATA, "31/03/2026 is after the day asked");
	free(ys);
	/* no plan year: from the earliest value; not yearly: nothing */
	ind_assess_years(&i, ms, 3, 0, D(2026, 5, 1), &ys, &n);
	cr_assert_eq(n, 2);
	cr_assert_eq(ys[0].year, 2025);
	free(ys);
	struct indicator once = ind(80, 90, 2026);
	ind_assess_years(&once, ms, 3, 2025, D(2026, 5, 1), &ys, &n);
	cr_assert_eq(n, 0);
	cr_assert_null(ys);
}

Test(ind_store, a_yearly_indicator_runs_from_its_plans_year)
{
	struct err e = {0};
	uint64_t doc = rfx_doc("16-KH/TU", "KH", "tu", D(2025, 3, 10), DATE_NONE, NULL, NULL);
	struct indicator i = yearly();
	i.id = 0;
	i.doc_id = doc;
	strcpy(i.section, "II#1");
	i.text = xstrdup(i.text);
	i.lead = rfx_unit("thu-btc");
	cr_assert_eq(store_write(fx.ops.st, put_indicator, &i, &e), 0, "%s", e.msg);
	cr_assert_eq(ind_measure_add(&fx.ops, i.id, 81, D(2026, 6, 30), NULL, NULL, &e), 0, "%s", e.msg);
	struct txn *t = rfx_read();
	cr_assert_eq(ind_first_year(t, &i), 2025);
	struct ind_assessment *ys;
	size_t n;
	cr_assert_eq(ind_years_stored(t, &i, TODAY, &ys, &n, &e), 0, "%s", e.msg);
	cr_assert_eq(n, 2);
	cr_assert_eq(ys[0].year, 2025);
	cr_assert_eq(ys[0].state, IND_NO_DATA);
	cr_assert_eq(ys[1].state, IND_MET_MINIMUM);
	free(ys);
	struct ind_assessment a;
	cr_assert_eq(ind_assess_stored(t, &i, TODAY, &a, &e), 0, "%s", e.msg);
	cr_assert_eq(a.year, 2026);
	cr_assert_eq(a.state, IND_MET_MINIMUM);
	store_read_end(t);
	indicator_free(&i);
}
