/* Tests of timeliness.c: status words, reporting periods, effective due
 * dates and timeliness. */
#include <criterion/criterion.h>
#include <string.h>

#include "timeliness.h"

#define D(y, m, d) date_make(y, m, d)

static struct periods june_december = { .months = (1u << 5) | (1u << 11) };
static struct periods december = { .months = 1u << 11 };

static struct deadline parsed(const char *phrase)
{
	struct deadline dl;

	dl_parse(phrase, &dl);
	return dl;
}

/* ---- words ----------------------------------------------------------- */

Test(timeliness, status_labels_and_keys)
{
	cr_assert_str_eq(st_label(ST_NOT_STARTED), "chưa thực hiện");
	cr_assert_str_eq(st_label(ST_IN_PROGRESS), "đang thực hiện");
	cr_assert_str_eq(st_label(ST_DONE), "hoàn thành");
	cr_assert_str_eq(st_label(ST_ON_HOLD), "tạm dừng");
	cr_assert_str_eq(st_key(ST_NOT_STARTED), "not_started");
	cr_assert_str_eq(st_key(ST_IN_PROGRESS), "in_progress");
	cr_assert_str_eq(st_key(ST_DONE), "done");
	cr_assert_str_eq(st_key(ST_ON_HOLD), "on_hold");
	cr_assert_str_eq(st_label(ST_COUNT), "");
}

Test(timeliness, status_parse_accepts_keys_and_labels_in_any_form)
{
	static const struct { const char *s; int st; } t[] = {
		{ "done", ST_DONE }, { "DONE", ST_DONE }, { "hoàn thành", ST_DONE },
		{ "Hoan Thanh", ST_DONE }, { "  hoàn   thành ", ST_DONE }, { "hoan_thanh", ST_DONE },
		{ "in_progress", ST_IN_PROGRESS }, { "in-progress", ST_IN_PROGRESS },
		{ "in progress", ST_IN_PROGRESS }, { "đang thực hiện", ST_IN_PROGRESS },
		{ "dang thuc hien", ST_IN_PROGRESS }, { "ĐANG THỰC HIỆN", ST_IN_PROGRESS },
		{ "not_started", ST_NOT_STARTED }, { "chưa thực hiện", ST_NOT_STARTED },
		{ "chua thuc hien", ST_NOT_STARTED }, { "on_hold", ST_ON_HOLD },
		{ "tạm dừng", ST_ON_HOLD }, { "tam dung", ST_ON_HOLD },
		{ "xong", -1 }, { "", -1 }, { "hoàn", -1 }, { NULL, -1 },
	};

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		cr_expect_eq(st_parse(t[i].s), t[i].st, "'%s'", t[i].s ? t[i].s : "(null)");
}

Test(timeliness, status_open_means_not_started_or_in_progress)
{
	cr_assert(st_is_open(ST_NOT_STARTED));
	cr_assert(st_is_open(ST_IN_PROGRESS));
	cr_assert(!st_is_open(ST_DONE));
	cr_assert(!st_is_open(ST_ON_HOLD));
}

Test(timeliness, labels_keys_and_symbols)
{
	static const char *const labels[TL_COUNT] = {
		"hoàn thành đúng hạn", "hoàn thành quá hạn", "trong hạn", "sắp đến hạn", "quá hạn",
		"chưa báo cáo", "chờ văn bản cấp trên", "cần rà soát", "chưa xác định thời hạn",
		"tạm dừng",
	};
	static const char *const keys[TL_COUNT] = {
		"done_on_time", "done_late", "on_track", "due_soon", "overdue", "unreported",
		"awaiting", "review", "undated", "on_hold",
	};

	for (int i = 0; i < TL_COUNT; i++) {
		const char *sym = tl_symbol((enum timeliness)i);

		cr_expect_str_eq(tl_label((enum timeliness)i), labels[i]);
		cr_expect_str_eq(tl_key((enum timeliness)i), keys[i]);
		cr_expect_eq(strlen(sym), 1, "one character for %s", keys[i]);
		cr_expect((unsigned char)sym[0] >= 0x20 && (unsigned char)sym[0] < 0x7f, "ASCII");
		for (int j = 0; j < i; j++)
			cr_expect_str_neq(sym, tl_symbol((enum timeliness)j), "%s and %s share a symbol",
					  keys[i], keys[j]);
		cr_expect_eq(tl_parse(keys[i]), i);
		cr_expect_eq(tl_parse(labels[i]), i);
	}
	cr_expect_eq(tl_parse("qua han"), TL_OVERDUE);
	cr_expect_eq(tl_parse("Sắp đến hạn"), TL_DUE_SOON);
	cr_expect_eq(tl_parse("cho van ban cap tren"), TL_AWAITING);
	cr_expect_eq(tl_parse("due-soon"), TL_DUE_SOON);
	cr_expect_eq(tl_parse("muộn"), -1);
	cr_expect_eq(tl_parse(NULL), -1);
	cr_expect_str_eq(tl_label(TL_COUNT), "");
}

/* ---- reporting periods --------------------------------------------------- */

Test(timeliness, report_dates_default_to_december)
{
	cr_assert_eq(per_report_on_or_after(NULL, D(2024, 3, 5)), D(2024, 12, 31));
	cr_assert_eq(per_report_on_or_after(&(struct periods){ 0 }, D(2024, 3, 5)), D(2024, 12, 31));
	cr_assert_eq(per_report_on_or_after(&december, D(2024, 12, 31)), D(2024, 12, 31));
	cr_assert_eq(per_report_on_or_after(&december, D(2025, 1, 1)), D(2025, 12, 31));
	cr_assert_eq(per_report_on_or_after(&december, DATE_NONE), DATE_NONE);
}

Test(timeliness, report_dates_june_and_december)
{
	cr_assert_eq(per_report_on_or_after(&june_december, D(2024, 1, 1)), D(2024, 6, 30));
	cr_assert_eq(per_report_on_or_after(&june_december, D(2024, 6, 30)), D(2024, 6, 30));
	cr_assert_eq(per_report_on_or_after(&june_december, D(2024, 7, 1)), D(2024, 12, 31));
	cr_assert_eq(per_report_on_or_after(&june_december, D(2024, 12, 31)), D(2024, 12, 31));
	cr_assert_eq(per_report_on_or_after(&june_december, D(2025, 1, 1)), D(2025, 6, 30));
}

Test(timeliness, report_dates_every_quarter_end_february_in_leap_year)
{
	struct periods quarters = { .months = (1u << 2) | (1u << 5) | (1u << 8) | (1u << 11) };
	struct periods february = { .months = 1u << 1 };

	cr_assert_eq(per_report_on_or_after(&quarters, D(2024, 4, 1)), D(2024, 6, 30));
	cr_assert_eq(per_report_on_or_after(&quarters, D(2024, 3, 31)), D(2024, 3, 31));
	cr_assert_eq(per_report_on_or_after(&february, D(2024, 2, 10)), D(2024, 2, 29));
	cr_assert_eq(per_report_on_or_after(&february, D(2024, 3, 1)), D(2025, 2, 28));
}

/* ---- effective due dates --------------------------------------------------- */

Test(timeliness, extension_wins)
{
	struct deadline dl = parsed("hoàn thành trong quý II/2023");

	cr_assert_eq(tl_effective_due(&dl, D(2023, 9, 30), DATE_NONE, DATE_NONE, NULL), D(2023, 9, 30));
	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, DATE_NONE, DATE_NONE, NULL), D(2023, 6, 30));
}

Test(timeliness, one_off_and_undated_kinds)
{
	struct deadline dl = parsed("thực hiện từ năm 2024 - 2026");

	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, D(2024, 1, 1), D(2024, 7, 1), &june_december),
		     D(2026, 12, 31), "updates do not move a one-off due date");
	dl = parsed("theo nhiệm kỳ");
	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, D(2024, 1, 1), DATE_NONE, NULL), DATE_NONE);
	dl = parsed("sau khi có văn bản của Trung ương năm 2023");
	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, D(2023, 1, 1), DATE_NONE, NULL), DATE_NONE);
	cr_assert_eq(tl_effective_due(NULL, DATE_NONE, D(2023, 1, 1), DATE_NONE, NULL), DATE_NONE);
}

Test(timeliness, periodic_without_update_reports_at_first_report_date_after_start)
{
	struct deadline dl = parsed("thực hiện thường xuyên");

	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, D(2024, 1, 10), DATE_NONE, &june_december),
		     D(2024, 6, 30));
	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, D(2024, 6, 30), DATE_NONE, &june_december),
		     D(2024, 6, 30));
	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, D(2024, 1, 10), DATE_NONE, NULL), D(2024, 12, 31));
	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, DATE_NONE, DATE_NONE, NULL), DATE_NONE);
}

Test(timeliness, periodic_update_covers_its_period_and_the_next_falls_due)
{
	struct deadline dl = parsed("thực hiện thường xuyên");
	date_t since = D(2024, 1, 10);

	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, since, D(2024, 6, 20), &june_december),
		     D(2024, 12, 31));
	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, since, D(2024, 6, 30), &june_december),
		     D(2024, 12, 31), "an update on the report date counts for that period");
	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, since, D(2024, 7, 1), &june_december),
		     D(2025, 6, 30));
	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, since, D(2024, 12, 31), &december),
		     D(2025, 12, 31));
	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, since, D(2025, 1, 1), &december),
		     D(2026, 12, 31));
}

Test(timeliness, annual_with_month_reports_at_end_of_that_month)
{
	struct deadline dl = parsed("báo cáo vào tháng 3 hằng năm");

	cr_assert_eq(dl.d.month, 3);
	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, D(2024, 5, 1), DATE_NONE, &june_december),
		     D(2025, 3, 31));
	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, D(2024, 2, 1), DATE_NONE, &june_december),
		     D(2024, 3, 31));
	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, D(2024, 2, 1), D(2024, 3, 20), &june_december),
		     D(2025, 3, 31));
	dl = parsed("thực hiện hằng năm");
	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, D(2024, 2, 1), DATE_NONE, &june_december),
		     D(2024, 6, 30), "without a month: the reporting periods");
}

Test(timeliness, from_reports_start_at_its_start)
{
	struct deadline dl = parsed("thực hiện từ năm 2025");

	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, D(2024, 5, 1), DATE_NONE, &june_december),
		     D(2025, 6, 30));
	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, D(2024, 5, 1), D(2024, 8, 1), &june_december),
		     D(2025, 6, 30), "an update before the start does not count");
	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, D(2025, 8, 1), DATE_NONE, &june_december),
		     D(2025, 12, 31));
	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, DATE_NONE, DATE_NONE, &june_december),
		     D(2025, 6, 30));
}

/* ---- timeliness ------------------------------------------------------------- */

struct tl_case {
	const char *what;
	const char *phrase;  /* NULL: no deadline */
	enum task_status st;
	date_t due;
	date_t done;
	date_t today;
	int soon;
	enum timeliness want;
	int days;
	const char *text;
};

Test(timeliness, compute_table)
{
	const struct tl_case t[] = {
		{ "due today", "trong năm 2024", ST_IN_PROGRESS, D(2024, 12, 31), DATE_NONE,
		  D(2024, 12, 31), 14, TL_DUE_SOON, 0, "đến hạn hôm nay" },
		{ "due today, no window", "trong năm 2024", ST_NOT_STARTED, D(2024, 12, 31), DATE_NONE,
		  D(2024, 12, 31), 0, TL_DUE_SOON, 0, "đến hạn hôm nay" },
		{ "due yesterday", "trong năm 2024", ST_IN_PROGRESS, D(2024, 12, 31), DATE_NONE,
		  D(2025, 1, 1), 14, TL_OVERDUE, 1, "quá hạn 1 ngày" },
		{ "overdue 12 days", "trong năm 2024", ST_NOT_STARTED, D(2024, 12, 31), DATE_NONE,
		  D(2025, 1, 12), 14, TL_OVERDUE, 12, "quá hạn 12 ngày" },
		{ "last day of the window", "trong năm 2024", ST_IN_PROGRESS, D(2024, 12, 31), DATE_NONE,
		  D(2024, 12, 17), 14, TL_DUE_SOON, 14, "còn 14 ngày" },
		{ "a day before the window", "trong năm 2024", ST_IN_PROGRESS, D(2024, 12, 31), DATE_NONE,
		  D(2024, 12, 16), 14, TL_ON_TRACK, 15, "còn 15 ngày" },
		{ "tomorrow, no window", "trong năm 2024", ST_IN_PROGRESS, D(2024, 12, 31), DATE_NONE,
		  D(2024, 12, 30), 0, TL_ON_TRACK, 1, "còn 1 ngày" },
		{ "negative window", "trong năm 2024", ST_IN_PROGRESS, D(2024, 12, 31), DATE_NONE,
		  D(2024, 12, 31), -3, TL_DUE_SOON, 0, "đến hạn hôm nay" },
		{ "done on the due date", "trong năm 2024", ST_DONE, D(2024, 12, 31), D(2024, 12, 31),
		  D(2025, 3, 1), 14, TL_DONE_ON_TIME, 0, "hoàn thành đúng hạn" },
		{ "done a day late", "trong năm 2024", ST_DONE, D(2024, 12, 31), D(2025, 1, 1),
		  D(2025, 3, 1), 14, TL_DONE_LATE, 1, "hoàn thành quá hạn 1 ngày" },
		{ "done early", "trong năm 2024", ST_DONE, D(2024, 12, 31), D(2024, 3, 1), D(2024, 3, 1),
		  14, TL_DONE_ON_TIME, 0, "hoàn thành đúng hạn" },
		{ "done with no due date", "theo nhiệm kỳ", ST_DONE, DATE_NONE, D(2024, 3, 1),
		  D(2024, 3, 1), 14, TL_DONE_ON_TIME, 0, "hoàn thành đúng hạn" },
		{ "on hold while overdue", "trong năm 2024", ST_ON_HOLD, D(2024, 12, 31), DATE_NONE,
		  D(2025, 6, 1), 14, TL_ON_HOLD, 0, "tạm dừng" },
		{ "no deadline", NULL, ST_IN_PROGRESS, DATE_NONE, DATE_NONE, D(2025, 6, 1), 14,
		  TL_UNDATED, 0, "chưa xác định thời hạn" },
		{ "term", "theo nhiệm kỳ", ST_NOT_STARTED, DATE_NONE, DATE_NONE, D(2025, 6, 1), 14,
		  TL_UNDATED, 0, "chưa xác định thời hạn" },
		{ "on request", "theo yêu cầu của Trung ương", ST_NOT_STARTED, DATE_NONE, DATE_NONE,
		  D(2025, 6, 1), 14, TL_UNDATED, 0, "chưa xác định thời hạn" },
		{ "awaiting in its year", "sau khi có văn bản của Trung ương năm 2024", ST_NOT_STARTED,
		  DATE_NONE, DATE_NONE, D(2024, 12, 31), 14, TL_AWAITING, 0, "chờ văn bản cấp trên" },
		{ "review once the year passed", "sau khi có văn bản của Trung ương năm 2024",
		  ST_NOT_STARTED, DATE_NONE, DATE_NONE, D(2025, 1, 1), 14, TL_REVIEW, 0, "cần rà soát" },
		{ "awaiting with no year", "khi có chỉ đạo của Tỉnh ủy", ST_IN_PROGRESS, DATE_NONE,
		  DATE_NONE, D(2030, 1, 1), 14, TL_AWAITING, 0, "chờ văn bản cấp trên" },
		{ "awaiting with an extension", "sau khi có văn bản của Trung ương năm 2024",
		  ST_IN_PROGRESS, D(2025, 3, 31), DATE_NONE, D(2025, 4, 3), 14, TL_OVERDUE, 3,
		  "quá hạn 3 ngày" },
		{ "periodic report missing", "thực hiện thường xuyên", ST_IN_PROGRESS, D(2024, 6, 30),
		  DATE_NONE, D(2024, 7, 1), 14, TL_UNREPORTED, 1, "chưa báo cáo, trễ 1 ngày" },
		{ "periodic report due soon", "thực hiện thường xuyên", ST_IN_PROGRESS, D(2024, 6, 30),
		  DATE_NONE, D(2024, 6, 25), 14, TL_DUE_SOON, 5, "còn 5 ngày" },
		{ "annual report missing", "vào tháng 12 hằng năm", ST_NOT_STARTED, D(2024, 12, 31),
		  DATE_NONE, D(2025, 1, 10), 14, TL_UNREPORTED, 10, "chưa báo cáo, trễ 10 ngày" },
		{ "multi, latest part due", "cấp tỉnh trong tháng 12/2022; cấp huyện trong tháng 01/2023",
		  ST_IN_PROGRESS, D(2023, 1, 31), DATE_NONE, D(2023, 2, 1), 14, TL_OVERDUE, 1,
		  "quá hạn 1 ngày" },
	};

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct deadline dl;
		struct tl_input in;
		struct tl_result r;
		char buf[80];

		if (t[i].phrase)
			dl_parse(t[i].phrase, &dl);
		in.status = t[i].st;
		in.dl = t[i].phrase ? &dl : NULL;
		in.due = t[i].due;
		in.done_date = t[i].done;
		r = tl_compute(&in, t[i].today, t[i].soon);
		cr_expect_eq(r.tl, t[i].want, "%s: got %s", t[i].what, tl_key(r.tl));
		cr_expect_eq(r.days, t[i].days, "%s: days %d", t[i].what, r.days);
		cr_expect_str_eq(tl_describe(r, buf, sizeof buf), t[i].text, "%s", t[i].what);
	}
}

/* The whole chain as the store uses it: effective due, then timeliness. */
static struct tl_result periodic_on(date_t last_update, date_t today)
{
	struct deadline dl = parsed("thực hiện thường xuyên");
	struct tl_input in = { ST_IN_PROGRESS, &dl, DATE_NONE, DATE_NONE };

	in.due = tl_effective_due(&dl, DATE_NONE, D(2024, 1, 10), last_update, &june_december);
	return tl_compute(&in, today, 14);
}

Test(timeliness, periodic_with_and_without_updates)
{
	struct tl_result r;

	r = periodic_on(DATE_NONE, D(2024, 7, 1));
	cr_assert_eq(r.tl, TL_UNREPORTED, "no report for the first half");
	cr_assert_eq(r.days, 1);
	r = periodic_on(D(2024, 6, 28), D(2024, 7, 1));
	cr_assert_eq(r.tl, TL_ON_TRACK, "reported in June: December is next");
	cr_assert_eq(r.days, D(2024, 12, 31) - D(2024, 7, 1));
	r = periodic_on(D(2024, 6, 28), D(2024, 12, 20));
	cr_assert_eq(r.tl, TL_DUE_SOON);
	cr_assert_eq(r.days, 11);
	r = periodic_on(D(2024, 6, 28), D(2025, 1, 2));
	cr_assert_eq(r.tl, TL_UNREPORTED, "no report for the second half");
	cr_assert_eq(r.days, 2);
	r = periodic_on(D(2024, 12, 30), D(2025, 1, 2));
	cr_assert_eq(r.tl, TL_ON_TRACK);
}

Test(timeliness, describe_truncates_on_a_character_boundary)
{
	struct tl_result r = { TL_OVERDUE, 12 };
	char buf[4];

	/* "quá": q u á(2 bytes) needs 5 bytes with the NUL. */
	cr_assert_str_eq(tl_describe(r, buf, sizeof buf), "qu");
}

Test(timeliness, annual_with_month_needs_a_report_in_that_month)
{
	struct deadline dl;
	struct periods dec = {1u << 11};
	cr_assert(dl_parse("vào tháng 12 hằng năm", &dl));
	date_t since = date_make(2025, 1, 15);
	/* Updated in March 2026: that is not December 2026's report. */
	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, since, date_make(2026, 3, 10), &dec),
	             date_make(2026, 12, 31));
	/* Updated in December 2026 (or late, in January 2027): next is 2027. */
	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, since, date_make(2026, 12, 5), &dec),
	             date_make(2027, 12, 31));
	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, since, date_make(2027, 1, 4), &dec),
	             date_make(2027, 12, 31));
	/* Never updated: the first December after the start. */
	cr_assert_eq(tl_effective_due(&dl, DATE_NONE, since, DATE_NONE, &dec), date_make(2025, 12, 31));
}

Test(timeliness, overdue_predicate_is_the_counters_meaning)
{
	/* A periodic task whose report is missing is overdue for the counts,
	 * the `o` view and the filter alike; nothing else is. */
	date_t today = 1000;
	struct deadline dl;
	struct tl_input in;
	int t;

	for (t = 0; t < TL_COUNT; t++)
		cr_expect_eq(tl_is_overdue((enum timeliness)t),
		             t == TL_OVERDUE || t == TL_UNREPORTED, "%s", tl_key((enum timeliness)t));
	dl_init(&dl);
	dl.d.kind = DL_ONGOING;
	in.status = ST_IN_PROGRESS;
	in.dl = &dl;
	in.due = today - 3;
	in.done_date = DATE_NONE;
	cr_expect(tl_is_overdue(tl_compute(&in, today, 14).tl));
	in.due = today;
	cr_expect_not(tl_is_overdue(tl_compute(&in, today, 14).tl));
	in.status = ST_DONE;
	in.due = today - 3;
	cr_expect_not(tl_is_overdue(tl_compute(&in, today, 14).tl));
}
