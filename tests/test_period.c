/* Tests of period.c: rhythms, the periods a task owes and reports, the
 * effective due date, the period a report is for, and the level of a
 * multi-level deadline. */
#include <criterion/criterion.h>
#include <string.h>

#include "model.h"
#include "period.h"
#include "util.h"

#define D(y, m, d) date_make(y, m, d)

static const struct periods december = {1u << 11};
static const struct periods june_december = {(1u << 5) | (1u << 11)};
static const struct periods quarters = {(1u << 2) | (1u << 5) | (1u << 8) | (1u << 11)};
static const struct periods every_month = {0xfff};
static const struct periods february = {1u << 1};

static struct deadline parsed(const char *phrase)
{
	struct deadline dl;

	dl_parse(phrase, &dl);
	return dl;
}

static struct per_task task_of(const struct deadline *dl, date_t start, const struct periods *p)
{
	struct per_task pt = {dl, PER_LEVEL_NONE, start, DATE_NONE, p};
	return pt;
}

/* A log of reports made on the days given (DATE_NONE-terminated), none
 * naming its period. */
static struct per_log log_of(const date_t *days)
{
	struct per_log l = {0};
	for (uint64_t i = 0; days && days[i] != DATE_NONE; i++)
		per_log_add(&l, i + 1, days[i], DATE_NONE);
	return l;
}

/* ---- rhythms and report dates ------------------------------------------- */

Test(period, rhythm_of_yearly_duties)
{
	struct deadline dl = parsed("báo cáo vào tháng 3 hằng năm");
	struct per_rhythm r = per_rhythm_of(&dl.d);

	cr_assert_eq(r.every, 12);
	cr_assert_eq(r.month, 3);
	cr_assert_eq(per_months(r, &quarters), 1u << 2, "its own month, not the configured ones");
	dl = parsed("thực hiện hằng năm");
	r = per_rhythm_of(&dl.d);
	cr_assert_eq(r.every, 12);
	cr_assert_eq(r.month, 12, "no month: once a year, in December");
	cr_assert_eq(per_months(r, &june_december), 1u << 11);
	dl = parsed("thực hiện thường xuyên");
	r = per_rhythm_of(&dl.d);
	cr_assert_eq(r.every, 0);
	cr_assert_eq(per_months(r, &june_december), june_december.months);
	cr_assert_eq(per_months(r, NULL), 1u << 11);
	cr_assert_eq(per_months((struct per_rhythm){3, 3}, NULL), quarters.months);
	cr_assert_eq(per_months((struct per_rhythm){6, 6}, NULL), june_december.months);
	cr_assert_eq(per_months((struct per_rhythm){1, 1}, NULL), 0xfffu);
	dl = parsed("hoàn thành trong năm 2026");
	cr_assert_eq(per_rhythm_of(&dl.d).every, 0);
	cr_assert(!per_recurring(&dl));
}

/* Report dates across year ends, quarter, half and month ends, and 29/02. */
Test(period, report_dates_table)
{
	static const struct {
		unsigned mask;
		int y, m, d;
		int wy, wm, wd;
	} t[] = {
		{1u << 11, 2024, 3, 5, 2024, 12, 31},
		{1u << 11, 2024, 12, 31, 2024, 12, 31},
		{1u << 11, 2025, 1, 1, 2025, 12, 31},
		{(1u << 2) | (1u << 5) | (1u << 8) | (1u << 11), 2024, 3, 31, 2024, 3, 31},
		{(1u << 2) | (1u << 5) | (1u << 8) | (1u << 11), 2024, 4, 1, 2024, 6, 30},
		{(1u << 2) | (1u << 5) | (1u << 8) | (1u << 11), 2024, 10, 1, 2024, 12, 31},
		{(1u << 5) | (1u << 11), 2024, 7, 1, 2024, 12, 31},
		{(1u << 5) | (1u << 11), 2025, 1, 1, 2025, 6, 30},
		{0xfff, 2024, 2, 1, 2024, 2, 29},
		{0xfff, 2023, 2, 28, 2023, 2, 28},
		{0xfff, 2024, 4, 30, 2024, 4, 30},
		{0xfff, 2024, 5, 1, 2024, 5, 31},
		{1u << 1, 2024, 3, 1, 2025, 2, 28},
		{1u << 1, 2027, 3, 1, 2028, 2, 29},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		cr_expect_eq(per_report_in(t[i].mask, D(t[i].y, t[i].m, t[i].d)), D(t[i].wy, t[i].wm, t[i].wd),
		             "row %zu", i);
	cr_assert_eq(per_report_in(1u << 11, DATE_NONE), DATE_NONE);
	cr_assert_eq(per_report_on_or_after(&february, D(2024, 2, 10)), D(2024, 2, 29));
	cr_assert_eq(per_report_on_or_after(NULL, D(2024, 3, 5)), D(2024, 12, 31));
}

/* The periods of each recurring kind, their beginnings and states. */
Test(period, periods_of_a_quarterly_duty_cross_the_year_end)
{
	struct deadline dl = parsed("thực hiện thường xuyên");
	struct per_task pt = task_of(&dl, D(2024, 11, 5), &quarters);
	date_t days[] = {D(2025, 1, 3), D(2025, 3, 31), DATE_NONE};
	struct per_log l = log_of(days);
	struct per_period v[8];
	size_t n = per_periods(&pt, &l, D(2025, 8, 1), v, 8);

	cr_assert_eq(n, 4);
	cr_assert_eq(v[0].begin, D(2024, 10, 1));
	cr_assert_eq(v[0].report, D(2024, 12, 31));
	cr_assert_eq(v[0].state, PER_LATE, "reported on 03/01: late");
	cr_assert_eq(v[0].late, 3);
	cr_assert_eq(v[1].begin, D(2025, 1, 1));
	cr_assert_eq(v[1].report, D(2025, 3, 31));
	cr_assert_eq(v[1].state, PER_ON_TIME, "on the report date is on time");
	cr_assert_eq(v[2].report, D(2025, 6, 30));
	cr_assert_eq(v[2].state, PER_MISSED);
	cr_assert_eq(v[3].report, D(2025, 9, 30));
	cr_assert_eq(v[3].state, PER_NOT_DUE);
	cr_assert_eq(per_due(&pt, &l, DATE_NONE), D(2025, 6, 30), "the missed quarter is owed");
	cr_assert_eq(per_periods(&pt, &l, D(2025, 8, 1), v, 2), 2, "the latest ones kept");
	cr_assert_eq(v[0].report, D(2025, 6, 30));
	per_log_free(&l);
}

Test(period, monthly_duty_in_a_leap_february)
{
	struct deadline dl = parsed("thực hiện thường xuyên");
	struct per_task pt = task_of(&dl, D(2024, 1, 15), &every_month);
	date_t days[] = {D(2024, 1, 30), D(2024, 2, 29), D(2024, 3, 1), DATE_NONE};
	struct per_log l = log_of(days);
	struct per_period v[4];

	cr_assert_eq(per_periods(&pt, &l, D(2024, 3, 10), v, 4), 3);
	cr_assert_eq(v[1].begin, D(2024, 2, 1));
	cr_assert_eq(v[1].report, D(2024, 2, 29));
	cr_assert_eq(v[1].state, PER_ON_TIME);
	cr_assert_eq(v[2].state, PER_ON_TIME, "the report of 01/03 is March's");
	cr_assert_eq(per_due(&pt, &l, DATE_NONE), D(2024, 4, 30));
	per_log_free(&l);
}

Test(period, half_yearly_reporting_months)
{
	struct deadline dl = parsed("thực hiện thường xuyên");
	struct per_task pt = task_of(&dl, D(2024, 1, 10), &june_december);
	date_t none[] = {DATE_NONE};
	date_t june[] = {D(2024, 6, 28), DATE_NONE};
	date_t july[] = {D(2024, 7, 1), DATE_NONE};
	struct per_log l = log_of(none);

	cr_assert_eq(per_due(&pt, &l, DATE_NONE), D(2024, 6, 30));
	l = log_of(june);
	cr_assert_eq(per_due(&pt, &l, DATE_NONE), D(2024, 12, 31));
	per_log_free(&l);
	l = log_of(july);
	cr_assert_eq(per_due(&pt, &l, DATE_NONE), D(2024, 12, 31),
	             "a report after the June date settles June, late");
	per_log_free(&l);
}

Test(period, from_duty_owes_from_its_own_start)
{
	struct deadline dl = parsed("thực hiện từ năm 2025");
	struct per_task pt = task_of(&dl, D(2024, 5, 1), &june_december);
	date_t early[] = {D(2024, 8, 1), DATE_NONE};
	struct per_log l = log_of(early);

	cr_assert_eq(per_due(&pt, NULL, DATE_NONE), D(2025, 6, 30));
	cr_assert_eq(per_due(&pt, &l, DATE_NONE), D(2025, 6, 30), "a report before the start does not count");
	per_log_free(&l);
}

Test(period, one_off_and_undated_kinds)
{
	struct deadline dl = parsed("thực hiện từ năm 2024 - 2026");
	struct per_task pt = task_of(&dl, D(2024, 1, 1), &june_december);
	date_t days[] = {D(2024, 7, 1), DATE_NONE};
	struct per_log l = log_of(days);

	cr_assert_eq(per_due(&pt, &l, DATE_NONE), D(2026, 12, 31), "reports do not move a one-off date");
	cr_assert_eq(per_periods(&pt, &l, D(2025, 1, 1), NULL, 0), 0);
	pt.extended_to = D(2027, 3, 31);
	cr_assert_eq(per_due(&pt, &l, DATE_NONE), D(2027, 3, 31), "an extension wins");
	cr_assert_eq(per_base_due(&pt, &l, DATE_NONE), D(2026, 12, 31));
	dl = parsed("theo nhiệm kỳ");
	pt = task_of(&dl, D(2024, 1, 1), NULL);
	cr_assert_eq(per_due(&pt, &l, DATE_NONE), DATE_NONE);
	pt = task_of(NULL, D(2024, 1, 1), NULL);
	cr_assert_eq(per_due(&pt, NULL, DATE_NONE), DATE_NONE);
	per_log_free(&l);
}

Test(period, extension_of_a_recurring_duty_is_spent_once_its_periods_are_reported)
{
	struct deadline dl = parsed("báo cáo vào tháng 12 hằng năm");
	struct per_task pt = task_of(&dl, D(2025, 1, 10), &december);
	date_t days[] = {D(2026, 2, 20), DATE_NONE};
	struct per_log l = log_of(days);

	pt.extended_to = D(2026, 3, 31);
	cr_assert_eq(per_due(&pt, NULL, DATE_NONE), D(2026, 3, 31));
	cr_assert_eq(per_due(&pt, &l, DATE_NONE), D(2026, 12, 31));
	per_log_free(&l);
}

/* ---- the cases of issue 10 ----------------------------------------------- */

/* A yearly duty whose 2025 report arrives on 05/01/2026: 2025 is settled
 * late, and 2026 is owed on 31/12/2026, not 2027. */
Test(period, late_yearly_report_settles_its_own_year_only)
{
	struct deadline dl = parsed("báo cáo vào tháng 12 hằng năm");
	struct per_task pt = task_of(&dl, D(2025, 1, 10), &december);
	date_t days[] = {D(2026, 1, 5), DATE_NONE};
	struct per_log l = log_of(days);
	struct per_period v[4];

	cr_assert_eq(per_due(&pt, &l, DATE_NONE), D(2026, 12, 31));
	struct tl_input in = {ST_IN_PROGRESS, &dl, per_due(&pt, &l, DATE_NONE), DATE_NONE, &december};
	struct tl_result r = tl_compute(&in, D(2027, 1, 2), 14);
	cr_assert_eq(r.tl, TL_UNREPORTED, "got %s", tl_key(r.tl));
	cr_assert_eq(r.days, 2);
	cr_assert_eq(per_periods(&pt, &l, D(2027, 1, 2), v, 4), 3);
	cr_assert_eq(v[0].state, PER_LATE);
	cr_assert_eq(v[0].late, 5);
	cr_assert_eq(v[1].state, PER_MISSED);
	cr_assert_eq(v[2].state, PER_NOT_DUE);
	per_log_free(&l);
}

/* The default period of a report: the earliest missed one, else the
 * current one; a report names its own with update.period. */
Test(period, attribution_default_and_named)
{
	struct deadline dl = parsed("thực hiện thường xuyên");
	struct per_task pt = task_of(&dl, D(2024, 2, 1), &december);
	struct per_log l = {0};

	cr_assert_eq(per_attribute(&pt, &l, D(2026, 5, 1)), D(2024, 12, 31), "the earliest missed");
	per_log_add(&l, 1, D(2026, 5, 1), D(2026, 12, 31)); /* names the current year */
	cr_assert_eq(per_attribute(&pt, &l, D(2026, 5, 2)), D(2024, 12, 31));
	per_log_add(&l, 2, D(2026, 5, 2), DATE_NONE);
	per_log_add(&l, 3, D(2026, 5, 3), DATE_NONE);
	cr_assert_eq(per_due(&pt, &l, DATE_NONE), D(2027, 12, 31));
	cr_assert_eq(per_attribute(&pt, &l, D(2026, 5, 4)), D(2026, 12, 31), "nothing missed: current");
	cr_assert_eq(per_due(&pt, &l, D(2026, 5, 1)), D(2024, 12, 31), "as of a day: later reports do not count");
	cr_assert_eq(per_attribute(&pt, &l, D(2024, 1, 10)), DATE_NONE, "before the duty began");
	per_log_free(&l);
}

Test(period, period_names_read_and_checked)
{
	struct deadline dl = parsed("thực hiện thường xuyên");
	struct per_task pt = task_of(&dl, D(2025, 1, 10), &quarters);
	struct err e;
	date_t r;
	static const struct {
		const char *text;
		int y, m, d;
	} ok[] = {
		{"Q2/2026", 2026, 6, 30}, {"quý II/2026", 2026, 6, 30}, {"Quý 2/2026", 2026, 6, 30},
		{"quý ii năm 2026", 2026, 6, 30}, {"6/2026", 2026, 6, 30}, {"tháng 6/2026", 2026, 6, 30},
		{"30/06/2026", 2026, 6, 30}, {"2025-12-31", 2025, 12, 31}, {"Q1/2025", 2025, 3, 31},
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		err_clear(&e);
		cr_expect_eq(per_parse(&pt, ok[i].text, D(2026, 7, 1), &r, &e), 0, "%s: %s", ok[i].text, e.msg);
		cr_expect_eq(r, D(ok[i].y, ok[i].m, ok[i].d), "%s", ok[i].text);
	}
	static const char *const bad[] = {
		"2026",       /* four quarters */
		"H1/2026",    /* two */
		"5/2026",     /* no report in May */
		"30/05/2026", /* not a report date */
		"Q4/2026",    /* after the current period */
		"Q4/2024",    /* before the first */
		"quý V/2026", "abc", "",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err_clear(&e);
		cr_expect_eq(per_parse(&pt, bad[i], D(2026, 7, 1), &r, &e), ERR_INPUT, "%s", bad[i]);
		cr_expect_str_eq(e.field, "period", "%s", bad[i]);
		cr_expect(strstr(e.msg, "kỳ báo cáo") != NULL, "%s: %s", bad[i], e.msg);
	}
	dl = parsed("báo cáo vào tháng 12 hằng năm");
	pt = task_of(&dl, D(2025, 1, 10), &quarters);
	cr_assert_eq(per_parse(&pt, "2025", D(2026, 7, 1), &r, NULL), 0);
	cr_assert_eq(r, D(2025, 12, 31));
	cr_assert_eq(per_parse(&pt, "năm 2026", D(2026, 7, 1), &r, NULL), 0, "the current year");
	cr_assert_eq(per_parse(&pt, "H2/2025", D(2026, 7, 1), &r, NULL), 0);
	cr_assert_eq(r, D(2025, 12, 31));
	dl = parsed("hoàn thành trong năm 2026");
	pt = task_of(&dl, D(2025, 1, 10), &quarters);
	err_clear(&e);
	cr_assert_eq(per_parse(&pt, "2026", D(2026, 7, 1), &r, &e), ERR_INPUT, "a one-off task has no periods");
	cr_assert(strstr(e.msg, "không báo cáo theo kỳ") != NULL, "%s", e.msg);
}

Test(period, period_names_written)
{
	struct deadline dl = parsed("thực hiện thường xuyên");
	struct per_task pt = task_of(&dl, D(2025, 1, 10), &quarters);
	char buf[48];

	cr_assert_str_eq(per_name(&pt, D(2026, 6, 30), buf, sizeof buf), "quý II/2026");
	pt.periods = &june_december;
	cr_assert_str_eq(per_name(&pt, D(2026, 12, 31), buf, sizeof buf), "6 tháng cuối năm 2026");
	pt.periods = &every_month;
	cr_assert_str_eq(per_name(&pt, D(2024, 2, 29), buf, sizeof buf), "tháng 2/2024");
	pt.periods = NULL;
	cr_assert_str_eq(per_name(&pt, D(2026, 12, 31), buf, sizeof buf), "năm 2026");
	dl = parsed("báo cáo vào tháng 3 hằng năm");
	cr_assert_str_eq(per_name(&pt, D(2026, 3, 31), buf, sizeof buf), "kỳ đến 31/03/2026");
	cr_assert_str_eq(per_state_label(PER_ON_TIME), "đã báo cáo đúng hạn");
	cr_assert_str_eq(per_state_label(PER_MISSED), "chưa báo cáo");
	cr_assert_str_eq(per_state_label(PER_NOT_DUE), "chưa đến hạn");
}

/* ---- levels --------------------------------------------------------------- */

Test(period, levels_of_unit_kinds)
{
	cr_assert_eq(per_level_of_kind(UK_TINH_UY), PER_LEVEL_PROVINCE);
	cr_assert_eq(per_level_of_kind(UK_HUYEN_UY), PER_LEVEL_DISTRICT);
	cr_assert_eq(per_level_of_kind(UK_THANH_UY), PER_LEVEL_DISTRICT);
	cr_assert_eq(per_level_of_kind(UK_DANG_UY_KHOI), PER_LEVEL_DISTRICT);
	cr_assert_eq(per_level_of_kind(UK_DANG_UY_CO_SO), PER_LEVEL_GRASSROOTS);
	cr_assert_eq(per_level_of_kind(UK_CHI_BO), PER_LEVEL_GRASSROOTS);
	cr_assert_eq(per_level_of_kind(UK_BAN), PER_LEVEL_NONE, "an agency takes its committee's");
	cr_assert_eq(per_level_of_kind(UK_TRUNG_UONG), PER_LEVEL_NONE);
}

#define MULTI "cấp tỉnh hoàn thành trong tháng 12/2025; cấp huyện hoàn thành trong tháng " \
              "01/2026; cấp cơ sở hoàn thành trước ngày 28/02/2026"

Test(period, multi_level_deadline_applies_the_level)
{
	struct deadline dl = parsed(MULTI);
	struct per_task pt = task_of(&dl, D(2025, 6, 1), NULL);

	cr_assert_eq(dl.d.kind, DL_MULTI);
	pt.level = PER_LEVEL_PROVINCE;
	cr_assert_eq(per_due(&pt, NULL, DATE_NONE), D(2025, 12, 31));
	struct tl_input in = {ST_IN_PROGRESS, &dl, per_due(&pt, NULL, DATE_NONE), DATE_NONE, NULL};
	struct tl_result r = tl_compute(&in, D(2026, 1, 15), 14);
	cr_assert_eq(r.tl, TL_OVERDUE);
	cr_assert_eq(r.days, 15);
	pt.level = PER_LEVEL_DISTRICT;
	cr_assert_eq(per_due(&pt, NULL, DATE_NONE), D(2026, 1, 31));
	pt.level = PER_LEVEL_GRASSROOTS;
	cr_assert_eq(per_due(&pt, NULL, DATE_NONE), D(2026, 2, 27));
	pt.level = PER_LEVEL_NONE;
	cr_assert_eq(per_due(&pt, NULL, DATE_NONE), D(2026, 2, 27), "level unknown: the latest");
}

/* ---- rhythms of the phrase itself ---------------------------------------- */

/* "hằng quý", "6 tháng một lần", "hằng tháng" report on their own rhythm,
 * whatever the configured months; each table row: phrase, start, the day
 * of the only report, as of day, want due and number of periods. */
Test(period, phrase_rhythms_across_year_ends_and_leap_years)
{
	static const struct {
		const char *phrase;
		int sy, sm, sd, ry, rm, rd, ay, am, ad, wy, wm, wd;
		size_t nper;
	} t[] = {
		/* quarterly: Q4/2024 reported late in January, Q1 owed on 31/03 */
		{"định kỳ hằng quý", 2024, 11, 5, 2025, 1, 3, 2025, 2, 1, 2025, 3, 31, 2},
		/* ... and on 01/04 the first quarter is missed */
		{"định kỳ hằng quý", 2024, 11, 5, 2025, 1, 3, 2025, 4, 1, 2025, 3, 31, 3},
		/* half-yearly from February: the report of 31/12 settles the missed
		 * H1/2024 (late), so H2/2024 is owed and missed on 01/01 */
		{"báo cáo 6 tháng một lần", 2024, 2, 1, 2024, 12, 31, 2025, 1, 1, 2024, 12, 31, 3},
		/* from August: H2/2024 reported on its last day, H1/2025 next */
		{"báo cáo 6 tháng một lần", 2024, 8, 1, 2024, 12, 31, 2025, 1, 1, 2025, 6, 30, 2},
		/* monthly, leap February: reported 29/02, March next */
		{"báo cáo định kỳ hằng tháng", 2024, 2, 10, 2024, 2, 29, 2024, 3, 1, 2024, 3, 31, 2},
		/* monthly, a report on 01/03 is late for February (the earliest missed) */
		{"báo cáo định kỳ hằng tháng", 2023, 2, 10, 2023, 3, 1, 2023, 3, 2, 2023, 3, 31, 2},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct deadline dl = parsed(t[i].phrase);
		struct per_task pt = task_of(&dl, D(t[i].sy, t[i].sm, t[i].sd), &december);
		date_t days[] = {D(t[i].ry, t[i].rm, t[i].rd), DATE_NONE};
		struct per_log l = log_of(days);
		struct per_period v[16];
		date_t asof = D(t[i].ay, t[i].am, t[i].ad);
		cr_expect(per_recurring(&dl), "%s", t[i].phrase);
		cr_expect_eq(per_due(&pt, &l, asof), D(t[i].wy, t[i].wm, t[i].wd), "row %zu: %s", i,
		             t[i].phrase);
		cr_expect_eq(per_periods(&pt, &l, asof, v, 16), t[i].nper, "row %zu", i);
		per_log_free(&l);
	}
	struct deadline dl = parsed("định kỳ hằng quý");
	struct per_task pt = task_of(&dl, D(2025, 1, 1), &december);
	char buf[48];
	date_t r;
	cr_assert_str_eq(per_name(&pt, D(2025, 9, 30), buf, sizeof buf), "quý III/2025");
	cr_assert_eq(per_parse(&pt, "quý III/2025", D(2025, 10, 1), &r, NULL), 0);
	cr_assert_eq(r, D(2025, 9, 30));
	cr_assert_eq(per_parse(&pt, "2025", D(2026, 1, 1), &r, NULL), ERR_INPUT, "a year holds four");
}
