/* Tests of date.c: day numbers, calendar rules, parsing and formatting. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "util.h"

Test(date, epoch_is_day_zero)
{
	cr_assert_eq(date_make(1970, 1, 1), 0);
	cr_assert_eq(date_make(1970, 1, 2), 1);
	cr_assert_eq(date_make(1969, 12, 31), -1);
}

Test(date, known_day_numbers)
{
	cr_assert_eq(date_make(2000, 3, 1), 11017);
	cr_assert_eq(date_make(2024, 2, 29), 19782);
	cr_assert_eq(date_make(1900, 1, 1), -25567);
	cr_assert_eq(date_make(1, 1, 1), -719162);
}

Test(date, leap_years_follow_gregorian_rules)
{
	cr_assert(date_is_leap(2024));
	cr_assert(date_is_leap(2000));
	cr_assert(!date_is_leap(1900));
	cr_assert(!date_is_leap(2100));
	cr_assert(!date_is_leap(2023));
	cr_assert(date_is_leap(1600));
}

Test(date, month_lengths)
{
	static const int len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	for (int m = 1; m <= 12; m++)
		cr_assert_eq(date_days_in_month(2023, m), len[m - 1], "month %d", m);
	cr_assert_eq(date_days_in_month(2024, 2), 29);
	cr_assert_eq(date_days_in_month(2000, 2), 29);
	cr_assert_eq(date_days_in_month(1900, 2), 28);
	cr_assert_eq(date_days_in_month(2023, 0), 0);
	cr_assert_eq(date_days_in_month(2023, 13), 0);
}

Test(date, nonexistent_dates_are_none)
{
	cr_assert_eq(date_make(2024, 2, 31), DATE_NONE);
	cr_assert_eq(date_make(2023, 2, 29), DATE_NONE);
	cr_assert_eq(date_make(1900, 2, 29), DATE_NONE);
	cr_assert_eq(date_make(2023, 13, 1), DATE_NONE);
	cr_assert_eq(date_make(2023, 0, 1), DATE_NONE);
	cr_assert_eq(date_make(2023, 4, 31), DATE_NONE);
	cr_assert_eq(date_make(2023, 1, 0), DATE_NONE);
	cr_assert_neq(date_make(2000, 2, 29), DATE_NONE);
}

Test(date, quarter_two_ends_june_30)
{
	cr_assert_eq(date_quarter_end(2023, 2), date_make(2023, 6, 30));
}

Test(date, quarter_ends)
{
	cr_assert_eq(date_quarter_end(2024, 1), date_make(2024, 3, 31));
	cr_assert_eq(date_quarter_end(2024, 3), date_make(2024, 9, 30));
	cr_assert_eq(date_quarter_end(2024, 4), date_make(2024, 12, 31));
	cr_assert_eq(date_quarter_end(2024, 0), DATE_NONE);
	cr_assert_eq(date_quarter_end(2024, 5), DATE_NONE);
}

Test(date, month_and_year_ends)
{
	cr_assert_eq(date_month_end(2024, 2), date_make(2024, 2, 29));
	cr_assert_eq(date_month_end(2023, 2), date_make(2023, 2, 28));
	cr_assert_eq(date_month_end(2023, 1), date_make(2023, 1, 31));
	cr_assert_eq(date_month_end(2023, 11), date_make(2023, 11, 30));
	cr_assert_eq(date_year_end(2024), date_make(2024, 12, 31));
	cr_assert_eq(date_month_end(2023, 13), DATE_NONE);
}

Test(date, split_round_trips_every_day_over_centuries)
{
	date_t first = date_make(1600, 1, 1), last = date_make(2400, 12, 31);
	int py = 1599, pm = 12, pd = 31;

	for (date_t t = first; t <= last; t++) {
		int y, m, d;

		date_split(t, &y, &m, &d);
		cr_assert_eq(date_make(y, m, d), t, "day %d gave %d-%d-%d", (int)t, y, m, d);
		/* Consecutive days: the next day of the previous one. */
		if (d == 1) {
			cr_assert_eq(pd, date_days_in_month(py, pm), "%d-%d-%d", y, m, d);
			cr_assert(m == pm + 1 || (m == 1 && pm == 12 && y == py + 1));
		} else {
			cr_assert(d == pd + 1 && m == pm && y == py);
		}
		py = y, pm = m, pd = d;
	}
}

Test(date, split_far_years)
{
	int y, m, d;

	date_split(date_make(1, 1, 1), &y, &m, &d);
	cr_assert(y == 1 && m == 1 && d == 1);
	date_split(date_make(9999, 12, 31), &y, &m, &d);
	cr_assert(y == 9999 && m == 12 && d == 31);
	date_split(DATE_NONE, &y, &m, &d);
	cr_assert(y == 0 && m == 0 && d == 0);
}

Test(date, parse_iso_and_vietnamese_forms)
{
	date_t t = DATE_NONE;

	cr_assert_eq(date_parse("2024-02-29", &t, NULL), 0);
	cr_assert_eq(t, date_make(2024, 2, 29));
	cr_assert_eq(date_parse("28/02/2023", &t, NULL), 0);
	cr_assert_eq(t, date_make(2023, 2, 28));
	cr_assert_eq(date_parse("1/7/2025", &t, NULL), 0);
	cr_assert_eq(t, date_make(2025, 7, 1));
	cr_assert_eq(date_parse("10/8/2022", &t, NULL), 0);
	cr_assert_eq(t, date_make(2022, 8, 10));
}

Test(date, parse_rejects_nonexistent_dates_naming_them)
{
	struct err e;
	date_t t = 7;

	err_clear(&e);
	cr_assert_eq(date_parse("31/02/2024", &t, &e), ERR_INPUT);
	cr_assert_eq(e.code, ERR_INPUT);
	cr_assert(strstr(e.msg, "ngày không tồn tại") != NULL, "%s", e.msg);
	cr_assert(strstr(e.msg, "31/02/2024") != NULL, "%s", e.msg);
	cr_assert_eq(t, 7, "output untouched on error");

	err_clear(&e);
	cr_assert_eq(date_parse("00/13/2023", &t, &e), ERR_INPUT);
	cr_assert(strstr(e.msg, "00/13/2023") != NULL, "%s", e.msg);
	cr_assert_eq(date_parse("29/02/2023", &t, NULL), ERR_INPUT);
	cr_assert_eq(date_parse("2023-02-29", &t, NULL), ERR_INPUT);
}

Test(date, parse_rejects_malformed_text)
{
	static const char *const bad[] = {
		"", "2024", "2024-1-05", "24-01-05", "2024-01-05x", " 2024-01-05",
		"1/1/24", "123/1/2024", "1/123/2024", "1-1-2024", "01/01/20245",
		"hôm nay", "2024/01/05", "01/01/2024 ",
	};
	struct err e;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err_clear(&e);
		cr_assert_eq(date_parse(bad[i], NULL, &e), ERR_INPUT, "accepted '%s'", bad[i]);
		cr_assert(strstr(e.msg, "ngày không hợp lệ") != NULL, "%s", e.msg);
	}
	cr_assert_eq(date_parse(NULL, NULL, NULL), ERR_INPUT);
}

Test(date, format_iso_and_vietnamese)
{
	char buf[11];
	date_t t = date_make(2023, 6, 5);

	cr_assert_str_eq(date_iso(t, buf), "2023-06-05");
	cr_assert_str_eq(date_vn(t, buf), "05/06/2023");
	cr_assert_str_eq(date_iso(DATE_NONE, buf), "");
	cr_assert_str_eq(date_vn(DATE_NONE, buf), "");
	cr_assert_str_eq(date_iso(date_make(5, 1, 2), buf), "0005-01-02");
}

Test(date, format_and_parse_round_trip)
{
	char buf[11];
	date_t back;

	for (date_t t = date_make(1999, 1, 1); t < date_make(2031, 1, 1); t += 17) {
		cr_assert_eq(date_parse(date_iso(t, buf), &back, NULL), 0, "%s", buf);
		cr_assert_eq(back, t);
		cr_assert_eq(date_parse(date_vn(t, buf), &back, NULL), 0, "%s", buf);
		cr_assert_eq(back, t);
	}
}

Test(date, today_honours_environment)
{
	setenv("THEODOI_TODAY", "2024-03-15", 1);
	cr_assert_eq(date_today(), date_make(2024, 3, 15));
	setenv("THEODOI_TODAY", "15/03/2024", 1);
	cr_assert_eq(date_today(), date_make(2024, 3, 15));
}

Test(date, today_ignores_invalid_environment)
{
	date_t t;

	setenv("THEODOI_TODAY", "2023-02-29", 1);
	t = date_today();
	cr_assert_neq(t, DATE_NONE);
	cr_assert_neq(t, date_make(2023, 3, 1));
	cr_assert(t > date_make(2020, 1, 1), "the clock, not the bad value");
	unsetenv("THEODOI_TODAY");
	cr_assert_eq(date_today(), t);
}

Test(date, roman_quarters)
{
	cr_assert_eq(date_quarter_roman("I", 1), 1);
	cr_assert_eq(date_quarter_roman("II", 2), 2);
	cr_assert_eq(date_quarter_roman("iii", 3), 3);
	cr_assert_eq(date_quarter_roman("Iv", 2), 4);
	cr_assert_eq(date_quarter_roman("4", 1), 4);
	cr_assert_eq(date_quarter_roman("IIII", 4), 0);
	cr_assert_eq(date_quarter_roman("V", 1), 0);
	cr_assert_eq(date_quarter_roman("5", 1), 0);
	cr_assert_eq(date_quarter_roman("", 0), 0);
	cr_assert_eq(date_quarter_roman("IIx", 2), 2, "only n bytes are read");
}

Test(date, unix_time_to_day_floors_and_never_overflows)
{
	cr_assert_eq(date_of_unix(0), 0);
	cr_assert_eq(date_of_unix(86399), 0);
	cr_assert_eq(date_of_unix(86400), 1);
	cr_assert_eq(date_of_unix(-1), -1);
	cr_assert_eq(date_of_unix(-86400), -1);
	cr_assert_eq(date_of_unix(-86401), -2);
	cr_assert_eq(date_of_unix((int64_t)date_make(2025, 3, 10) * 86400 + 3600), date_make(2025, 3, 10));
	cr_assert_neq(date_of_unix(INT64_MIN), DATE_NONE);
	cr_assert_eq(date_of_unix(INT64_MAX), INT32_MAX);
}
