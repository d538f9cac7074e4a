/* test_cli_ind.c — indicators end to end: a plan imported with a yearly
 * indicator, an aspiration-only one and a ceiling; `measure` and
 * `indicators` (text, CSV, JSON) judging the minimum and the aspiration,
 * year by year, and for a past day (--today); the report's indicators. */
#include "cli-run.c.inc"

#define RUN(...) fx_run(NULL, __VA_ARGS__, NULL)
#define RUN_JSON(...) fx_run_json(NULL, __VA_ARGS__, NULL)

static const char plan[] =
	"TỈNH ỦY SƠN HÀ                    ĐẢNG CỘNG SẢN VIỆT NAM\n"
	"*\n"
	"Số 77-KH/TU\n"
	"Sơn Hà, ngày 10 tháng 3 năm 2025\n"
	"\n"
	"KẾ HOẠCH\n"
	"về nâng cao chất lượng tổ chức cơ sở đảng giai đoạn 2025 - 2027\n"
	"\n"
	"I. MỤC ĐÍCH, YÊU CẦU\n"
	"\n"
	"1. Nâng cao năng lực lãnh đạo của tổ chức cơ sở đảng.\n"
	"\n"
	"II. CHỈ TIÊU\n"
	"\n"
	"1. Hằng năm, tối thiểu 80%, phấn đấu 90% chi bộ được xếp loại hoàn thành tốt nhiệm vụ "
	"trở lên.\n"
	"\n"
	"2. Đến năm 2026, phấn đấu 90% đảng viên được học tập, quán triệt nghị quyết.\n"
	"\n"
	"3. Đến năm 2026, tỷ lệ đảng viên vi phạm kỷ luật không quá 2%, phấn đấu dưới 1%.\n"
	"\n"
	"III. NHIỆM VỤ CỤ THỂ\n"
	"\n"
	"1. Ban Tổ chức Tỉnh ủy\n"
	"\n"
	"(1) Hướng dẫn đánh giá, xếp loại chất lượng chi bộ (hoàn thành trong quý II/2025).\n";

static const char *jstr(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

/* The demo store with the plan imported; ids[0..3) its indicators in the
 * order of the plan. */
static const char *store_with_plan(char ids[3][24])
{
	const char *st = fx_demo();
	char path[4096];
	snprintf(path, sizeof path, "%s/plan.txt", fx_tmpdir());
	FILE *f = fopen(path, "w");
	cr_assert(f);
	fputs(plan, f);
	fclose(f);
	struct run r = RUN(st, "import", path);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "3 chỉ tiêu"), "%s", r.out);
	fx_free(&r);
	r = RUN(st, "indicators", "--doc", "77-KH/TU", "--format", "json");
	cr_assert_eq(r.status, 0, "%s", r.err);
	json_t *j = fx_json(&r);
	cr_assert_eq(json_array_size(j), 3);
	for (size_t i = 0; i < 3; i++)
		snprintf(ids[i], 24, "%lld",
		         (long long)json_integer_value(json_object_get(json_array_get(j, i), "id")));
	json_t *y = json_array_get(j, 0);
	cr_assert(json_is_true(json_object_get(y, "yearly")));
	cr_assert_eq(json_integer_value(json_object_get(y, "judged_year")), 2026);
	cr_assert_str_eq(jstr(y, "state"), "no_data");
	cr_assert(json_is_false(json_object_get(json_array_get(j, 1), "yearly")));
	cr_assert(json_is_null(json_object_get(json_array_get(j, 1), "judged_year")));
	json_decref(j);
	fx_free(&r);
	return st;
}

static void measure(const char *st, const char *id, const char *value, const char *date,
                    const char *want)
{
	struct run r = RUN(st, "measure", id, value, "--date", date);
	cr_assert_eq(r.status, 0, "%s", r.err);
	if (want)
		cr_assert(strstr(r.out, want), "want '%s' in: %s", want, r.out);
	fx_free(&r);
}

/* `indicators ID [--today D] --format json`, parsed. */
static json_t *one(const char *st, const char *id, const char *today)
{
	return today ? RUN_JSON(st, "indicators", id, "--today", today, "--format", "json")
	             : RUN_JSON(st, "indicators", id, "--format", "json");
}

Test(cli_ind, a_yearly_indicator_is_judged_year_by_year)
{
	char ids[3][24];
	const char *st = store_with_plan(ids);
	measure(st, ids[0], "85", "30/06/2025", "Đánh giá năm 2026: chưa có số liệu.");
	measure(st, ids[0], "92", "31/12/2025", NULL);
	measure(st, ids[0], "60", "31/03/2026", "Đánh giá năm 2026: đúng tiến độ.");
	measure(st, ids[0], "70", "30/09/2026", "Đánh giá năm 2026: có nguy cơ không đạt.");
	json_t *j = one(st, ids[0], NULL), *ys = json_object_get(j, "years");
	cr_assert_eq(json_array_size(ys), 2, "from the plan's year 2025 to 2026");
	json_t *y0 = json_array_get(ys, 0), *y1 = json_array_get(ys, 1);
	cr_assert_eq(json_integer_value(json_object_get(y0, "year")), 2025);
	cr_assert_str_eq(jstr(y0, "state"), "met_aspiration");
	cr_assert_str_eq(jstr(y0, "state_label"), "đạt mức phấn đấu");
	cr_assert_float_eq(json_real_value(json_object_get(y0, "value")), 92, 1e-9);
	cr_assert_eq(json_integer_value(json_object_get(y1, "year")), 2026);
	cr_assert_str_eq(jstr(y1, "state"), "at_risk");
	cr_assert_eq(json_integer_value(json_object_get(y1, "measures")), 2);
	/* the headline is this year's */
	cr_assert_str_eq(jstr(j, "state"), "at_risk");
	cr_assert_float_eq(json_real_value(json_object_get(j, "value")), 70, 1e-9);
	json_decref(j);
	struct run r = RUN(st, "indicators", ids[0]);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "Đánh giá theo từng năm:"), "%s", r.out);
	cr_assert(strstr(r.out, "  2025           92%  31/12/2025  đạt mức phấn đấu\n"), "%s", r.out);
	cr_assert(strstr(r.out, "  2026           70%  30/09/2026  có nguy cơ không đạt\n"), "%s", r.out);
	fx_free(&r);
	r = RUN(st, "indicators", "--doc", "77-KH/TU", "--format", "csv");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "2025: đạt mức phấn đấu; 2026: có nguy cơ không đạt"), "%s", r.out);
	fx_free(&r);
	/* the report of 2025 judges 2025, on 2025's values */
	r = RUN(st, "report", "--doc", "77-KH/TU", "--period", "2025", "--format", "json");
	cr_assert_eq(r.status, 0, "%s", r.err);
	j = fx_json(&r);
	json_t *ri = json_array_get(json_object_get(j, "indicators"), 0);
	cr_assert_eq(json_integer_value(json_object_get(ri, "judged_year")), 2025);
	cr_assert_str_eq(jstr(ri, "state"), "met_aspiration");
	cr_assert_float_eq(json_real_value(json_object_get(ri, "value")), 92, 1e-9);
	json_decref(j);
	fx_free(&r);
	/* at the start of 2027: 2026 ended at 70, below the minimum; 2027 has
	 * nothing measured yet */
	j = one(st, ids[0], "2027-01-01");
	ys = json_object_get(j, "years");
	cr_assert_eq(json_array_size(ys), 3);
	cr_assert_str_eq(jstr(json_array_get(ys, 1), "state"), "missed");
	cr_assert_str_eq(jstr(json_array_get(ys, 2), "state"), "no_data");
	cr_assert_eq(json_integer_value(json_object_get(j, "judged_year")), 2027);
	json_decref(j);
}

Test(cli_ind, a_past_day_is_judged_on_the_values_known_then)
{
	char ids[3][24];
	const char *st = store_with_plan(ids);
	measure(st, ids[0], "85", "30/06/2025", NULL);
	measure(st, ids[0], "79", "31/12/2025", NULL);
	measure(st, ids[0], "95", "31/03/2026", NULL);
	json_t *j = one(st, ids[0], "2025-12-30");
	cr_assert_eq(json_integer_value(json_object_get(j, "judged_year")), 2025);
	cr_assert_str_eq(jstr(j, "state"), "met_minimum");
	cr_assert_float_eq(json_real_value(json_object_get(j, "value")), 85, 1e-9);
	cr_assert_eq(json_array_size(json_object_get(j, "years")), 1);
	json_decref(j);
	j = one(st, ids[0], "2026-03-30");
	json_t *ys = json_object_get(j, "years");
	cr_assert_str_eq(jstr(json_array_get(ys, 0), "state"), "missed", "2025 ended at 79");
	cr_assert_str_eq(jstr(json_array_get(ys, 1), "state"), "no_data", "95 came the next day");
	json_decref(j);
	j = one(st, ids[0], NULL);
	cr_assert_str_eq(jstr(j, "state"), "met_aspiration");
	json_decref(j);
	/* the list answers for the same day */
	struct run r = RUN(st, "indicators", "--doc", "77-KH/TU", "--today", "2025-12-30", "--format", "json");
	cr_assert_eq(r.status, 0, "%s", r.err);
	j = fx_json(&r);
	cr_assert_str_eq(jstr(json_array_get(j, 0), "state"), "met_minimum");
	json_decref(j);
	fx_free(&r);
}

Test(cli_ind, an_aspiration_alone_and_a_ceiling)
{
	char ids[3][24];
	const char *st = store_with_plan(ids);
	/* "phấn đấu 90%" alone, by 2026 */
	measure(st, ids[1], "50", "01/01/2026", NULL);
	measure(st, ids[1], "89,9", "20/11/2026", NULL);
	json_t *j = one(st, ids[1], NULL);
	cr_assert_str_eq(jstr(j, "state"), "on_track");
	json_decref(j);
	j = one(st, ids[1], "2027-01-01");
	cr_assert_str_eq(jstr(j, "state"), "missed");
	json_decref(j);
	measure(st, ids[1], "90", "23/11/2026", "Đánh giá: đạt mức phấn đấu.");
	/* "không quá 2%, phấn đấu dưới 1%": lower is better */
	measure(st, ids[2], "2", "30/06/2026", "Đánh giá: đạt mức tối thiểu.");
	measure(st, ids[2], "1", "30/09/2026", "Đánh giá: đạt mức phấn đấu.");
	measure(st, ids[2], "2,1", "23/11/2026", NULL);
	j = one(st, ids[2], "2027-01-01");
	cr_assert_str_eq(jstr(j, "state"), "missed");
	json_decref(j);
	/* the report's indicator part: the judged year of a yearly one */
	measure(st, ids[0], "81", "30/09/2026", NULL);
	struct run r = RUN(st, "report", "--doc", "77-KH/TU", "--format", "txt");
	cr_assert_eq(r.status, 0, "%s", r.err);
	/* (the text wraps at 80 columns) */
	cr_assert(strstr(r.out, "Đánh giá năm 2026: đạt mức tối"), "%s", r.out);
	cr_assert(strstr(r.out, "Mục tiêu: không quá 2%, phấn"), "%s", r.out);
	fx_free(&r);
	j = RUN_JSON(st, "report", "--doc", "77-KH/TU", "--format", "json");
	json_t *inds = json_object_get(j, "indicators");
	cr_assert_eq(json_array_size(inds), 3);
	cr_assert_eq(json_integer_value(json_object_get(json_array_get(inds, 0), "judged_year")), 2026);
	cr_assert_str_eq(jstr(json_array_get(inds, 0), "state"), "met_minimum");
	cr_assert_str_eq(jstr(json_array_get(inds, 1), "state"), "met_aspiration");
	json_decref(j);
}
