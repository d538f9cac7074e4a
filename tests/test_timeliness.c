/* Tests of timeliness.c: status words, reporting periods and timeliness
 * (the periods and due dates themselves: test_period.c). */
#include <criterion/criterion.h>
#include <string.h>

#include "period.h"
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
		in.periods = NULL;
		r = tl_compute(&in, t[i].today, t[i].soon);
		cr_expect_eq(r.tl, t[i].want, "%s: got %s", t[i].what, tl_key(r.tl));
		cr_expect_eq(r.days, t[i].days, "%s: days %d", t[i].what, r.days);
		cr_expect_str_eq(tl_describe(r, buf, sizeof buf), t[i].text, "%s", t[i].what);
	}
}

Test(timeliness, describe_truncates_on_a_character_boundary)
{
	struct tl_result r = { TL_OVERDUE, 12 };
	char buf[4];

	/* "quá": q u á(2 bytes) needs 5 bytes with the NUL. */
	cr_assert_str_eq(tl_describe(r, buf, sizeof buf), "qu");
}

/* "Hoàn thành" on a recurring task is done for its period: done on time
 * while the period holding today is reported, then open again. */
Test(timeliness, recurring_done_is_done_for_its_period_only)
{
	struct deadline dl = parsed("báo cáo vào tháng 12 hằng năm");
	/* the 2026 report is in: 2027 is owed */
	struct tl_input in = {ST_DONE, &dl, D(2027, 12, 31), D(2026, 6, 10), &december};
	struct tl_result r = tl_compute(&in, D(2026, 11, 1), 14);

	cr_assert_eq(r.tl, TL_DONE_ON_TIME);
	r = tl_compute(&in, D(2027, 1, 2), 14);
	cr_assert_eq(r.tl, TL_ON_TRACK, "the duty goes on: got %s", tl_key(r.tl));
	cr_assert_eq(r.days, D(2027, 12, 31) - D(2027, 1, 2));
	r = tl_compute(&in, D(2028, 1, 3), 14);
	cr_assert_eq(r.tl, TL_UNREPORTED, "2027 was never reported: got %s", tl_key(r.tl));
	cr_assert_eq(r.days, 3);
	/* A one-off task done stays done. */
	struct deadline once = parsed("hoàn thành trong năm 2026");
	struct tl_input o = {ST_DONE, &once, D(2026, 12, 31), D(2026, 6, 10), &december};
	cr_assert_eq(tl_compute(&o, D(2028, 1, 3), 14).tl, TL_DONE_ON_TIME);
	(void)june_december;
}

Test(timeliness, overdue_predicate_is_the_counters_meaning)
{
	/* A periodic task whose report is missing is overdue for the counts,
	 * the `o` view and the filter alike; nothing else is. */
	date_t today = 1000;
	struct deadline dl;
	struct tl_input in = {0};
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
	/* a one-off task done is done; a recurring one done for its period
	 * owes the next report (period.h), so past that date it is overdue */
	struct deadline by;
	dl_init(&by);
	by.d.kind = DL_BY;
	by.d.due = today - 3;
	in.dl = &by;
	in.status = ST_DONE;
	in.due = today - 3;
	in.done_date = today - 5;
	cr_expect_not(tl_is_overdue(tl_compute(&in, today, 14).tl));
}
