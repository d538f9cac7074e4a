/* Tests of deadline.c and deadline-parse.c: reading phrases, meaning,
 * description and JSON. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include "deadline.h"
#include "dl-vocab-table.h"
#include "util.h"

/* Phrase -> the exact JSON of dl_to_json (NULL: not a deadline). */
struct case_ {
	const char *phrase;
	const char *json;
};

static const struct case_ cases[] = {
	/* by */
	{ "hoàn thành trong năm 2024", "{\"kind\":\"by\",\"due\":\"2024-12-31\"}" },
	{ "thực hiện trong năm 2023", "{\"kind\":\"by\",\"due\":\"2023-12-31\"}" },
	{ "hoàn thành năm 2024", "{\"kind\":\"by\",\"due\":\"2024-12-31\"}" },
	{ "trong quý II/2023", "{\"kind\":\"by\",\"due\":\"2023-06-30\"}" },
	{ "hoàn thành trong quý I/2024", "{\"kind\":\"by\",\"due\":\"2024-03-31\"}" },
	{ "trong quý IV năm 2024", "{\"kind\":\"by\",\"due\":\"2024-12-31\"}" },
	{ "trong quý 3/2023", "{\"kind\":\"by\",\"due\":\"2023-09-30\"}" },
	{ "trong tháng 01/2023", "{\"kind\":\"by\",\"due\":\"2023-01-31\"}" },
	{ "tháng 12/2022", "{\"kind\":\"by\",\"due\":\"2022-12-31\"}" },
	{ "trong tháng 2/2024", "{\"kind\":\"by\",\"due\":\"2024-02-29\"}" },
	{ "tháng 6 năm 2025", "{\"kind\":\"by\",\"due\":\"2025-06-30\"}" },
	{ "trước ngày 28/02/2023", "{\"kind\":\"by\",\"due\":\"2023-02-27\"}" },
	{ "trước ngày 01/01/2024", "{\"kind\":\"by\",\"due\":\"2023-12-31\"}" },
	{ "trước 30/6/2024", "{\"kind\":\"by\",\"due\":\"2024-06-29\"}" },
	{ "trước quý III/2024", "{\"kind\":\"by\",\"due\":\"2024-06-30\"}" },
	{ "chậm nhất ngày 15/3/2024", "{\"kind\":\"by\",\"due\":\"2024-03-15\"}" },
	{ "đến ngày 15/3/2024", "{\"kind\":\"by\",\"due\":\"2024-03-15\"}" },
	{ "ngày 15/3/2024", "{\"kind\":\"by\",\"due\":\"2024-03-15\"}" },
	{ "đến năm 2025", "{\"kind\":\"by\",\"due\":\"2025-12-31\"}" },
	{ "6 tháng đầu năm 2024", "{\"kind\":\"by\",\"due\":\"2024-06-30\"}" },
	{ "trong 6 tháng cuối năm 2024", "{\"kind\":\"by\",\"due\":\"2024-12-31\"}" },
	/* from */
	{ "thực hiện từ năm 2023", "{\"kind\":\"from\",\"start\":\"2023-01-01\",\"every\":null}" },
	{ "từ quý III/2024", "{\"kind\":\"from\",\"start\":\"2024-07-01\",\"every\":null}" },
	{ "kể từ ngày 01/7/2025", "{\"kind\":\"from\",\"start\":\"2025-07-01\",\"every\":null}" },
	/* range */
	{ "thực hiện từ năm 2024 - 2026",
	  "{\"kind\":\"range\",\"start\":\"2024-01-01\",\"due\":\"2026-12-31\"}" },
	{ "thực hiện từ năm 2024-2026",
	  "{\"kind\":\"range\",\"start\":\"2024-01-01\",\"due\":\"2026-12-31\"}" },
	{ "giai đoạn 2024 - 2026", "{\"kind\":\"range\",\"start\":\"2024-01-01\",\"due\":\"2026-12-31\"}" },
	{ "giai đoạn 2021–2025", "{\"kind\":\"range\",\"start\":\"2021-01-01\",\"due\":\"2025-12-31\"}" },
	{ "từ năm 2024 đến năm 2026", "{\"kind\":\"range\",\"start\":\"2024-01-01\",\"due\":\"2026-12-31\"}" },
	{ "từ quý III/2024 đến hết quý II/2025",
	  "{\"kind\":\"range\",\"start\":\"2024-07-01\",\"due\":\"2025-06-30\"}" },
	/* ongoing */
	{ "thực hiện thường xuyên", "{\"kind\":\"ongoing\",\"every\":null}" },
	{ "thường xuyên liên tục", "{\"kind\":\"ongoing\",\"every\":null}" },
	{ "thực hiện thường xuyên liên tục", "{\"kind\":\"ongoing\",\"every\":null}" },
	{ "nhiệm vụ thường xuyên", "{\"kind\":\"ongoing\",\"every\":null}" },
	{ "tuyên truyền thường xuyên", "{\"kind\":\"ongoing\",\"every\":null}" },
	/* annual */
	{ "thực hiện hằng năm", "{\"kind\":\"annual\",\"month\":null}" },
	{ "hàng năm", "{\"kind\":\"annual\",\"month\":null}" },
	{ "định kỳ hàng năm", "{\"kind\":\"annual\",\"month\":null}" },
	{ "vào tháng 12 hằng năm", "{\"kind\":\"annual\",\"month\":12}" },
	{ "báo cáo trong quý IV hằng năm", "{\"kind\":\"annual\",\"month\":12}" },
	{ "trước ngày 15/12 hằng năm", "{\"kind\":\"annual\",\"month\":12}" },
	{ "báo cáo trước ngày 30/6 hằng năm", "{\"kind\":\"annual\",\"month\":6}" },
	{ "(*gửi báo cáo trước ngày 20/11 hàng năm*)", "{\"kind\":\"annual\",\"month\":11}" },
	{ "trước ngày 01/7 hằng năm", "{\"kind\":\"annual\",\"month\":6}" },
	{ "vào ngày 31/12 hằng năm", "{\"kind\":\"annual\",\"month\":12}" },
	{ "trước ngày 15 tháng 12 hằng năm", "{\"kind\":\"annual\",\"month\":12}" },
	/* term, roadmap */
	{ "theo nhiệm kỳ", "{\"kind\":\"term\"}" },
	{ "thực hiện theo lộ trình", "{\"kind\":\"roadmap\"}" },
	/* on_request */
	{ "theo yêu cầu của Trung ương", "{\"kind\":\"on_request\",\"by\":\"Trung ương\"}" },
	{ "khi có yêu cầu", "{\"kind\":\"on_request\",\"by\":null}" },
	/* after_directive */
	{ "sau khi có văn bản của Trung ương (năm 2023)",
	  "{\"kind\":\"after_directive\",\"by\":\"Trung ương\",\"year\":2023}" },
	{ "sau khi có quy định của Trung ương",
	  "{\"kind\":\"after_directive\",\"by\":\"Trung ương\",\"year\":null}" },
	{ "sau khi có hướng dẫn của Ban Tổ chức Trung ương (2024)",
	  "{\"kind\":\"after_directive\",\"by\":\"Ban Tổ chức Trung ương\",\"year\":2024}" },
	{ "khi có chỉ đạo của Văn phòng Trung ương, Văn phòng Tỉnh ủy",
	  "{\"kind\":\"after_directive\",\"by\":\"Văn phòng Trung ương, Văn phòng Tỉnh ủy\",\"year\":null}" },
	{ "thực hiện ngay sau khi có quy định, hướng dẫn của Trung ương",
	  "{\"kind\":\"after_directive\",\"by\":\"Trung ương\",\"year\":null}" },
	{ "sau khi có Quy định của Trung ương và Tỉnh ủy năm 2023",
	  "{\"kind\":\"after_directive\",\"by\":\"Trung ương và Tỉnh ủy\",\"year\":2023}" },
	{ "thực hiện sau khi có văn bản của Trung ương, Tỉnh ủy trong năm 2024",
	  "{\"kind\":\"after_directive\",\"by\":\"Trung ương, Tỉnh ủy\",\"year\":2024}" },
	{ "sau khi Trung ương sửa đổi, bổ sung Quy định số 10-QĐ/TW, ngày 12/12/2018 của Bộ Chính "
	  "trị vào năm 2025",
	  "{\"kind\":\"after_directive\",\"by\":\"Trung ương\",\"year\":2025}" },
	{ "chờ hướng dẫn của Tỉnh ủy", "{\"kind\":\"after_directive\",\"by\":\"Tỉnh ủy\",\"year\":null}" },
	/* per_document */
	{ "thực hiện theo Kế hoạch số 121-KH/TU ngày 10/8/2022 của Ban Thường vụ Tỉnh ủy",
	  "{\"kind\":\"per_document\",\"ref\":\"121-KH/TU\"}" },
	{ "theo Quyết định số 726/QĐ-UBND ngày 02/3/2023",
	  "{\"kind\":\"per_document\",\"ref\":\"726/QĐ-UBND\"}" },
	{ "theo Chương trình hành động số 52-CTr/TU", "{\"kind\":\"per_document\",\"ref\":\"52-CTr/TU\"}" },
	{ "theo kế hoạch", "{\"kind\":\"per_document\",\"ref\":null}" },
	/* multi */
	{ "cấp tỉnh hoàn thành trong tháng 12/2022; cấp huyện hoàn thành trong tháng 01/2023; cấp "
	  "cơ sở hoàn thành trước ngày 28/02/2023",
	  "{\"kind\":\"multi\",\"parts\":["
	  "{\"level\":\"tỉnh\",\"kind\":\"by\",\"due\":\"2022-12-31\"},"
	  "{\"level\":\"huyện\",\"kind\":\"by\",\"due\":\"2023-01-31\"},"
	  "{\"level\":\"cơ sở\",\"kind\":\"by\",\"due\":\"2023-02-27\"}]}" },
	{ "thực hiện theo Kế hoạch số 151-KH/TU ngày 16/11/2022 của Ban Thường vụ Tỉnh ủy; trong "
	  "đó, đối với cấp tỉnh đã hoàn thành trong tháng 12/2022; cấp huyện hoàn thành trong tháng "
	  "01/2023; cấp cơ sở hoàn thành trước ngày 28/02/2023",
	  "{\"kind\":\"multi\",\"ref\":\"151-KH/TU\",\"parts\":["
	  "{\"level\":\"tỉnh\",\"kind\":\"by\",\"due\":\"2022-12-31\"},"
	  "{\"level\":\"huyện\",\"kind\":\"by\",\"due\":\"2023-01-31\"},"
	  "{\"level\":\"cơ sở\",\"kind\":\"by\",\"due\":\"2023-02-27\"}]}" },
	{ "cấp tỉnh và cấp huyện trong quý II/2024; cấp cơ sở thực hiện thường xuyên",
	  "{\"kind\":\"multi\",\"parts\":["
	  "{\"level\":\"tỉnh\",\"kind\":\"by\",\"due\":\"2024-06-30\"},"
	  "{\"level\":\"huyện\",\"kind\":\"by\",\"due\":\"2024-06-30\"},"
	  "{\"level\":\"cơ sở\",\"kind\":\"ongoing\",\"every\":null}]}" },
	/* the dated reading wins over "thường xuyên" */
	{ "hoàn thành trong quý II/2023. Phối hợp tốt trong bổ nhiệm (thực hiện thường xuyên)",
	  "{\"kind\":\"by\",\"due\":\"2023-06-30\"}" },
	{ "thực hiện thường xuyên; hoàn thành trong năm 2025", "{\"kind\":\"by\",\"due\":\"2025-12-31\"}" },
	/* not deadlines */
	{ "(*Quy định số 08-QĐ/TW; Quy định số 101-QĐ/TW*)", NULL },
	{ "Nghị quyết số 28-NQ/TW, ngày 17/11/2022", NULL },
	{ "cấp tỉnh, cấp huyện", NULL },
	{ "", NULL },
	{ "   ", NULL },
	{ "đổi mới phương thức lãnh đạo", NULL },
	{ "trong tháng 13/2023", NULL },
	{ "trước ngày 31/02/2024", NULL },
};

static char *parse_json(const char *phrase, int *found)
{
	struct deadline dl;
	json_t *j;
	char *s;

	*found = dl_parse(phrase, &dl);
	j = dl_to_json(&dl);
	s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	return s;
}

static void check_case(const struct case_ *c)
{
	int found;
	char *got = parse_json(c->phrase, &found);
	json_t *want, *have;

	if (!c->json) {
		cr_expect_eq(found, 0, "'%s' is not a deadline, got %s", c->phrase, got);
		cr_expect_str_eq(got, "{\"kind\":\"none\"}", "'%s'", c->phrase);
		free(got);
		return;
	}
	want = json_loads(c->json, 0, NULL);
	have = json_loads(got, 0, NULL);
	cr_assert_not_null(want, "bad expected JSON for '%s'", c->phrase);
	cr_expect_eq(found, 1, "'%s' not read as a deadline", c->phrase);
	cr_expect(json_equal(want, have), "'%s'\n  want %s\n  got  %s", c->phrase, c->json, got);
	json_decref(want);
	json_decref(have);
	free(got);
}

Test(deadline, every_kind_and_form_reads_as_the_table_says)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check_case(&cases[i]);
}

/* The shared vocabulary (dl-vocab-table.h): the reader's half.  The
 * finder's half is in test_import_deadline.c. */
Test(deadline, vocabulary_table_reads_as_the_table_says)
{
	for (size_t i = 0; i < VOCAB_NROWS; i++)
		check_case(&(struct case_){ vocab_rows[i].phrase, vocab_rows[i].json });
}

Test(deadline, quarter_in_words_reads_like_roman_and_digits)
{
	static const char *const forms[] = {
		"quý hai năm 2024", "quý II năm 2024", "quý 2 năm 2024", "quý II/2024", "quý 2/2024",
		"Quý Hai năm 2024", "QUÝ HAI NĂM 2024",
	};

	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		struct deadline dl;

		cr_expect_eq(dl_parse(forms[i], &dl), 1, "'%s'", forms[i]);
		cr_expect_eq(dl.d.kind, DL_BY, "'%s'", forms[i]);
		cr_expect_eq(dl.d.due, date_make(2024, 6, 30), "'%s'", forms[i]);
	}
}

Test(deadline, rhythm_of_each_recurring_kind)
{
	static const struct { const char *phrase; enum dl_kind kind; enum dl_every every; } r[] = {
		{ "thực hiện hằng năm", DL_ANNUAL, DL_EVERY_YEAR },
		{ "vào tháng 6 hằng năm", DL_ANNUAL, DL_EVERY_YEAR },
		{ "định kỳ 6 tháng một lần", DL_ONGOING, DL_EVERY_HALF },
		{ "báo cáo hằng quý", DL_ONGOING, DL_EVERY_QUARTER },
		{ "báo cáo hằng tháng", DL_ONGOING, DL_EVERY_MONTH },
		{ "thực hiện thường xuyên", DL_ONGOING, DL_EVERY_NONE },
		{ "định kỳ", DL_ONGOING, DL_EVERY_NONE },
		{ "từ năm 2025, định kỳ hằng tháng", DL_FROM, DL_EVERY_MONTH },
		{ "từ năm 2025", DL_FROM, DL_EVERY_NONE },
		{ "hoàn thành trong năm 2024, báo cáo hằng quý", DL_BY, DL_EVERY_NONE },
		{ "theo nhiệm kỳ", DL_TERM, DL_EVERY_NONE },
	};

	for (size_t i = 0; i < sizeof r / sizeof r[0]; i++) {
		struct deadline dl;

		cr_assert_eq(dl_parse(r[i].phrase, &dl), 1, "'%s'", r[i].phrase);
		cr_expect_eq(dl.d.kind, r[i].kind, "'%s': %s", r[i].phrase, dl_kind_name(dl.d.kind));
		cr_expect_eq(dl_every(&dl.d), r[i].every, "'%s': %s", r[i].phrase,
			     dl_every_name(dl_every(&dl.d)));
		cr_expect_eq(dl_is_periodic(&dl), r[i].every != DL_EVERY_NONE || r[i].kind == DL_ONGOING ||
			     r[i].kind == DL_FROM, "'%s'", r[i].phrase);
	}
	/* an annual part keeps `every` 0: its rhythm comes from the kind */
	struct deadline dl;

	dl_parse("hằng năm", &dl);
	cr_assert_eq(dl.d.every, 0);
	cr_assert_eq(dl_every(NULL), DL_EVERY_NONE);
}

Test(deadline, words_that_fold_alike_are_told_apart)
{
	struct deadline dl;

	/* "cho" (to give) is not "chờ" (to wait for) */
	cr_expect_eq(dl_parse("cho chủ trương đổi mới những vấn đề lớn", &dl), 0, "%s",
		     dl_kind_name(dl.d.kind));
	cr_expect_eq(dl_parse("chờ chủ trương của Trung ương", &dl), 1);
	cr_expect_eq(dl.d.kind, DL_AFTER_DIRECTIVE);
	/* "sáu tháng" (six months) is not "sau tháng" (after the month) */
	cr_expect_eq(dl_parse("định kỳ sáu tháng", &dl), 1);
	cr_expect_eq(dl_every(&dl.d), DL_EVERY_HALF);
	cr_expect_eq(dl_parse("định kỳ sau tháng", &dl), 1);
	cr_expect_eq(dl_every(&dl.d), DL_EVERY_NONE);
}

Test(deadline, every_names_round_trip)
{
	for (int k = 0; k < DL_EVERY_COUNT; k++)
		cr_assert_eq(dl_every_from_name(dl_every_name((enum dl_every)k)), k);
	cr_assert_str_eq(dl_every_name(DL_EVERY_QUARTER), "quarter");
	cr_assert_str_eq(dl_every_name(DL_EVERY_COUNT), "none");
	cr_assert_eq(dl_every_from_name("weekly"), -1);
	cr_assert_eq(dl_every_from_name(NULL), -1);
}

Test(deadline, quarter_two_ends_june_30)
{
	struct deadline dl;

	cr_assert_eq(dl_parse("hoàn thành trong quý II/2023", &dl), 1);
	cr_assert_eq(dl.d.kind, DL_BY);
	cr_assert_eq(dl.d.due, date_make(2023, 6, 30));
	cr_assert_eq(dl_due(&dl), date_make(2023, 6, 30));
}

Test(deadline, before_a_date_is_due_the_day_before)
{
	struct deadline dl;

	cr_assert_eq(dl_parse("trước ngày 01/3/2024", &dl), 1);
	cr_assert_eq(dl.d.due, date_make(2024, 2, 29));
}

Test(deadline, phrase_read_as_written_with_marks_case_and_punctuation)
{
	static const char *const forms[] = {
		"(hoàn thành trong quý II/2023)",
		"(*hoàn thành trong quý II/2023*)",
		"*(hoàn thành trong quý II/2023)*",
		"_hoàn thành trong quý II/2023_",
		"**HOÀN THÀNH TRONG QUÝ II/2023**.",
		"Hoàn thành trong Quý ii/2023;",
		"  hoàn thành\ntrong  quý II/2023 . ",
		"hoa\xcc\x80n tha\xcc\x80nh trong quy\xcc\x81 II/2023", /* NFD */
		"hoan thanh trong quy II/2023",
	};

	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		struct deadline dl;

		cr_expect_eq(dl_parse(forms[i], &dl), 1, "'%s'", forms[i]);
		cr_expect_eq(dl.d.kind, DL_BY, "'%s'", forms[i]);
		cr_expect_eq(dl.d.due, date_make(2023, 6, 30), "'%s'", forms[i]);
	}
}

Test(deadline, body_keeps_original_case_and_diacritics_in_nfc)
{
	struct deadline dl;

	/* NFD input, a line break and emphasis inside the body. */
	cr_assert_eq(dl_parse("(*theo yêu cầu của Ban Tô\xcc\x89 chư\xcc\x81" "c\nTRUNG ƯƠNG*)", &dl), 1);
	cr_assert_eq(dl.d.kind, DL_ON_REQUEST);
	cr_assert_str_eq(dl.d.by, "Ban Tổ chức TRUNG ƯƠNG");
	cr_assert_eq(dl_parse("sau khi có hướng dẫn của **Ủy ban Kiểm tra** Trung ương", &dl), 1);
	cr_assert_str_eq(dl.d.by, "Ủy ban Kiểm tra Trung ương");
}

Test(deadline, long_body_is_cut_on_a_character_boundary)
{
	struct deadline dl;
	char phrase[600];

	strcpy(phrase, "theo yêu cầu của");
	for (int i = 0; i < 30; i++)
		strcat(phrase, " Ủy ban");
	cr_assert_eq(dl_parse(phrase, &dl), 1);
	cr_assert_lt(strlen(dl.d.by), (size_t)DL_BY_LEN);
	cr_assert(strncmp(dl.d.by, "Ủy ban Ủy ban", strlen("Ủy ban Ủy ban")) == 0);
	/* The copy ends on a whole character: re-encoding it is lossless. */
	json_t *s = json_string(dl.d.by);
	cr_assert_not_null(s, "valid UTF-8: '%s'", dl.d.by);
	json_decref(s);
}

Test(deadline, null_phrase_is_not_a_deadline)
{
	struct deadline dl;

	cr_assert_eq(dl_parse(NULL, &dl), 0);
	cr_assert_eq(dl.d.kind, DL_NONE);
	cr_assert_eq(dl_due(&dl), DATE_NONE);
}

Test(deadline, kind_names_round_trip)
{
	for (int k = 0; k < DL_KIND_COUNT; k++)
		cr_assert_eq(dl_kind_from_name(dl_kind_name((enum dl_kind)k)), k);
	cr_assert_str_eq(dl_kind_name(DL_AFTER_DIRECTIVE), "after_directive");
	cr_assert_str_eq(dl_kind_name(DL_PER_DOCUMENT), "per_document");
	cr_assert_eq(dl_kind_from_name("sometime"), -1);
	cr_assert_eq(dl_kind_from_name(NULL), -1);
}

Test(deadline, due_of_multi_is_its_latest_dated_part)
{
	struct deadline dl;

	cr_assert_eq(dl_parse("cấp tỉnh trong tháng 12/2022; cấp huyện trong tháng 01/2023; cấp cơ sở "
			      "trước ngày 28/02/2023", &dl), 1);
	cr_assert_eq(dl.d.kind, DL_MULTI);
	cr_assert_eq(dl.nparts, 3);
	cr_assert_eq(dl_due(&dl), date_make(2023, 2, 27));
	cr_assert(!dl_is_periodic(&dl));
}

Test(deadline, due_only_for_one_off_kinds)
{
	struct deadline dl;

	dl_parse("thực hiện từ năm 2024 - 2026", &dl);
	cr_assert_eq(dl_due(&dl), date_make(2026, 12, 31));
	dl_parse("thực hiện từ năm 2023", &dl);
	cr_assert_eq(dl_due(&dl), DATE_NONE);
	dl_parse("thực hiện thường xuyên", &dl);
	cr_assert_eq(dl_due(&dl), DATE_NONE);
	dl_parse("sau khi có văn bản của Trung ương năm 2023", &dl);
	cr_assert_eq(dl_due(&dl), DATE_NONE);
	cr_assert_eq(dl_due(NULL), DATE_NONE);
}

Test(deadline, periodic_kinds_are_ongoing_from_and_annual)
{
	struct deadline dl;

	dl_parse("thực hiện thường xuyên", &dl);
	cr_assert(dl_is_periodic(&dl));
	dl_parse("thực hiện từ năm 2023", &dl);
	cr_assert(dl_is_periodic(&dl));
	dl_parse("vào tháng 12 hằng năm", &dl);
	cr_assert(dl_is_periodic(&dl));
	dl_parse("hoàn thành trong năm 2024", &dl);
	cr_assert(!dl_is_periodic(&dl));
	dl_parse("theo nhiệm kỳ", &dl);
	cr_assert(!dl_is_periodic(&dl));
	dl_parse("cấp tỉnh thực hiện thường xuyên; cấp huyện theo nhiệm kỳ", &dl);
	cr_assert_eq(dl.d.kind, DL_MULTI);
	cr_assert(dl_is_periodic(&dl));
	cr_assert(!dl_is_periodic(NULL));
}

Test(deadline, describe_in_vietnamese)
{
	static const struct { const char *phrase, *text; } d[] = {
		{ "hoàn thành trong quý II/2023", "hạn 30/06/2023" },
		{ "thực hiện thường xuyên", "thường xuyên" },
		{ "vào tháng 12 hằng năm", "hằng năm, tháng 12" },
		{ "thực hiện hằng năm", "hằng năm" },
		{ "sau khi có văn bản của Trung ương năm 2023", "chờ văn bản của Trung ương (dự kiến 2023)" },
		{ "sau khi Bộ Chính trị ban hành", "chờ văn bản của Bộ Chính trị" },
		{ "thực hiện từ năm 2023", "từ 01/01/2023, thường xuyên" },
		{ "thực hiện từ năm 2024 - 2026", "từ 01/01/2024 đến 31/12/2026" },
		{ "theo nhiệm kỳ", "theo nhiệm kỳ" },
		{ "theo yêu cầu của Trung ương", "theo yêu cầu của Trung ương" },
		{ "thực hiện theo Kế hoạch số 121-KH/TU", "theo văn bản 121-KH/TU" },
		{ "thực hiện theo lộ trình", "theo lộ trình" },
		{ "báo cáo hằng quý", "báo cáo hằng quý" },
		{ "định kỳ 6 tháng một lần", "báo cáo 6 tháng một lần" },
		{ "định kỳ hằng tháng", "báo cáo hằng tháng" },
		{ "từ năm 2024, báo cáo hằng quý", "từ 01/01/2024, báo cáo hằng quý" },
		{ "", "chưa xác định thời hạn" },
		{ "theo Kế hoạch số 151-KH/TU; cấp tỉnh trong tháng 12/2022; cấp huyện trong tháng 01/2023",
		  "cấp tỉnh: hạn 31/12/2022; cấp huyện: hạn 31/01/2023 (theo 151-KH/TU)" },
	};
	char buf[256];

	for (size_t i = 0; i < sizeof d / sizeof d[0]; i++) {
		struct deadline dl;

		dl_parse(d[i].phrase, &dl);
		cr_expect_str_eq(dl_describe(&dl, buf, sizeof buf), d[i].text, "'%s'", d[i].phrase);
	}
}

Test(deadline, describe_truncates_on_a_character_boundary)
{
	struct deadline dl;
	char buf[8];

	dl_parse("thực hiện thường xuyên", &dl);
	/* "thường": t h ư (2 bytes) ờ (3 bytes) n g; 7 bytes hold "thườ", and
	 * one byte less must drop the whole "ờ". */
	cr_assert_str_eq(dl_describe(&dl, buf, sizeof buf), "thườ");
	cr_assert_str_eq(dl_describe(&dl, buf, sizeof buf - 1), "thư");
	cr_assert_str_eq(dl_describe(NULL, (char[64]){0}, 64), "chưa xác định thời hạn");
}

Test(deadline, json_round_trips_every_table_case)
{
	size_t ncases = sizeof cases / sizeof cases[0];

	for (size_t i = 0; i < ncases + VOCAB_NROWS; i++) {
		const char *phrase = i < ncases ? cases[i].phrase : vocab_rows[i - ncases].phrase;
		struct deadline dl, back;
		struct err e;
		json_t *j, *j2;

		dl_parse(phrase, &dl);
		j = dl_to_json(&dl);
		err_clear(&e);
		cr_assert_eq(dl_from_json(j, &back, &e), 0, "'%s': %s", phrase, e.msg);
		j2 = dl_to_json(&back);
		cr_expect(json_equal(j, j2), "'%s'", phrase);
		cr_expect_eq(dl_due(&back), dl_due(&dl));
		json_decref(j);
		json_decref(j2);
	}
}

static int from_text(const char *text, struct deadline *dl, struct err *e)
{
	json_t *j = json_loads(text, 0, NULL);
	int rc;

	cr_assert_not_null(j, "%s", text);
	err_clear(e);
	rc = dl_from_json(j, dl, e);
	json_decref(j);
	return rc;
}

Test(deadline, from_json_ignores_unknown_fields_and_accepts_missing_optionals)
{
	struct deadline dl;
	struct err e;

	cr_assert_eq(from_text("{\"kind\":\"after_directive\",\"year\":2024}", &dl, &e), 0, "%s", e.msg);
	cr_assert_eq(dl.d.year, 2024);
	cr_assert_str_eq(dl.d.by, "");
	cr_assert_eq(from_text("{\"kind\":\"annual\"}", &dl, &e), 0);
	cr_assert_eq(dl.d.month, 0);
	/* the contract before rhythms: an ongoing part without "every" */
	cr_assert_eq(from_text("{\"kind\":\"ongoing\"}", &dl, &e), 0, "%s", e.msg);
	cr_assert_eq(dl_every(&dl.d), DL_EVERY_NONE);
	cr_assert_eq(from_text("{\"kind\":\"ongoing\",\"every\":\"half\"}", &dl, &e), 0, "%s", e.msg);
	cr_assert_eq(dl_every(&dl.d), DL_EVERY_HALF);
	/* "every" on a kind that has no rhythm is ignored like any other field */
	cr_assert_eq(from_text("{\"kind\":\"term\",\"every\":\"month\"}", &dl, &e), 0, "%s", e.msg);
	cr_assert_eq(dl.d.every, 0);
	cr_assert_eq(from_text("{\"kind\":\"multi\",\"parts\":[{\"part\":\"ban hành\",\"kind\":\"by\","
			       "\"due\":\"2023-06-30\"},{\"kind\":\"ongoing\"}]}", &dl, &e), 0, "%s", e.msg);
	cr_assert_eq(dl.nparts, 2);
	cr_assert_eq(dl.parts[0].due, date_make(2023, 6, 30));
	cr_assert_eq(dl.parts[1].kind, DL_ONGOING);
}

Test(deadline, from_json_errors_name_the_field)
{
	static const struct { const char *json, *field; } bad[] = {
		{ "{\"kind\":\"by\"}", "due" },
		{ "{\"kind\":\"by\",\"due\":\"2023-02-29\"}", "due" },
		{ "{\"kind\":\"by\",\"due\":20230630}", "due" },
		{ "{\"kind\":\"from\"}", "start" },
		{ "{\"kind\":\"range\",\"start\":\"2026-01-01\",\"due\":\"2024-12-31\"}", "due" },
		{ "{\"kind\":\"annual\",\"month\":13}", "month" },
		{ "{\"kind\":\"annual\",\"month\":\"12\"}", "month" },
		{ "{\"kind\":\"after_directive\",\"year\":\"2023\"}", "year" },
		{ "{\"kind\":\"on_request\",\"by\":5}", "by" },
		{ "{\"kind\":\"ongoing\",\"every\":\"year\"}", "every" },
		{ "{\"kind\":\"ongoing\",\"every\":\"weekly\"}", "every" },
		{ "{\"kind\":\"from\",\"start\":\"2024-01-01\",\"every\":3}", "every" },
		{ "{\"kind\":\"multi\",\"parts\":[{\"kind\":\"ongoing\",\"every\":\"\"}]}", "parts[0].every" },
		{ "{\"kind\":\"soon\"}", "kind" },
		{ "{\"due\":\"2023-06-30\"}", "kind" },
		{ "{\"kind\":\"multi\"}", "parts" },
		{ "{\"kind\":\"multi\",\"parts\":[]}", "parts" },
		{ "{\"kind\":\"multi\",\"parts\":[{\"kind\":\"ongoing\"},{\"kind\":\"by\"}]}", "parts[1].due" },
		{ "{\"kind\":\"multi\",\"parts\":[{\"kind\":\"multi\",\"parts\":[]}]}", "parts[0].kind" },
		{ "{\"kind\":\"multi\",\"parts\":[7]}", "parts[0]" },
		{ "[]", "" },
	};
	struct deadline dl;
	struct err e;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cr_expect_eq(from_text(bad[i].json, &dl, &e), ERR_INPUT, "%s", bad[i].json);
		cr_expect_str_eq(e.field, bad[i].field, "%s: %s", bad[i].json, e.msg);
		cr_expect(strstr(e.msg, "thời hạn") != NULL, "%s", e.msg);
		if (bad[i].field[0])
			cr_expect(strstr(e.msg, bad[i].field) != NULL, "%s", e.msg);
		cr_expect_eq(dl.d.kind, DL_NONE, "left empty after an error");
	}
}

/* ---- the hand-checked samples -------------------------------------------- */

#define SAMPLES "../shared/samples"

/* Every field of want is in have with the same value; arrays have the same
 * length and match element by element. */
static int json_subset(const json_t *want, const json_t *have)
{
	if (json_is_object(want)) {
		const char *key;
		json_t *v;

		if (!json_is_object(have))
			return 0;
		json_object_foreach((json_t *)want, key, v)
			if (!json_object_get(have, key) || !json_subset(v, json_object_get(have, key)))
				return 0;
		return 1;
	}
	if (json_is_array(want)) {
		if (!json_is_array(have) || json_array_size(want) != json_array_size(have))
			return 0;
		for (size_t i = 0; i < json_array_size(want); i++)
			if (!json_subset(json_array_get(want, i), json_array_get(have, i)))
				return 0;
		return 1;
	}
	return json_equal(want, have);
}

/* Check the tasks of one expected file; returns the number of misses. */
static int check_sample(const char *path, int *checked)
{
	json_error_t jerr;
	json_t *root = json_load_file(path, 0, &jerr), *tasks, *t;
	size_t i;
	int misses = 0;

	cr_assert_not_null(root, "%s: %s", path, jerr.text);
	tasks = json_object_get(root, "tasks");
	cr_assert(json_is_array(tasks), "%s: no tasks", path);
	json_array_foreach(tasks, i, t) {
		const json_t *phrase = json_object_get(t, "deadline_phrase"), *alt, *a;
		struct deadline dl;
		json_t *have;
		size_t k;
		int ok;

		if (!json_is_string(phrase))
			continue;
		dl_parse(json_string_value(phrase), &dl);
		have = dl_to_json(&dl);
		ok = json_subset(json_object_get(t, "deadline"), have);
		alt = json_object_get(t, "deadline_alt");
		json_array_foreach(alt, k, a)
			ok = ok || json_subset(a, have);
		if (!ok) {
			char *w = json_dumps(json_object_get(t, "deadline"), JSON_COMPACT);
			char *h = json_dumps(have, JSON_COMPACT);

			cr_log_warn("%s: '%s'\n  want %s\n  got  %s", path, json_string_value(phrase), w, h);
			free(w);
			free(h);
			misses++;
		}
		(*checked)++;
		json_decref(have);
	}
	json_decref(root);
	return misses;
}

Test(deadline, sample_plans_phrases_read_as_hand_checked)
{
	DIR *dir = opendir(SAMPLES);
	struct dirent *de;
	int files = 0, checked = 0, misses = 0;

	if (!dir)
		cr_skip_test("no samples at %s (run from the repository root)", SAMPLES);
	while ((de = readdir(dir))) {
		size_t n = strlen(de->d_name);
		char path[512];

		if (n < 14 || strcmp(de->d_name + n - 14, ".expected.json") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", SAMPLES, de->d_name);
		misses += check_sample(path, &checked);
		files++;
	}
	closedir(dir);
	if (files == 0)
		cr_skip_test("no *.expected.json in %s", SAMPLES);
	cr_assert_gt(checked, 0);
	cr_assert_eq(misses, 0, "%d of %d sample phrases read differently (see the warnings)", misses,
		     checked);
}
