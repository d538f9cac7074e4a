/* test_report.c — the report of results (sections, figures, notes of the
 * period, late and missing items; Markdown, 80-column text, CSV and JSON
 * parsed back) and the reminder letters (recipients, items, text). */
#include <jansson.h>

#include "docout.h"
#include "output.h"
#include "remind.h"
#include "report-doc.h"
#include "report-fixture.h"
#include "report.h"
#include "text.h"

TestSuite(report, .init = rfx_open, .fini = rfx_close);
TestSuite(remind, .init = rfx_open, .fini = rfx_close);
TestSuite(report_period);

static uint64_t D1, D2, A, B, C, Dt, E, F;

static int put_indicator(struct txn *t, void *ctx, struct err *e)
{
	return store_indicator_put(t, ctx, e);
}

/* Two documents, six tasks, one indicator with a value. */
static void scenario(void)
{
	struct err e = {0};
	D1 = rfx_doc("15-CTr/TU", "CTr", "tu", D(2025, 3, 1), D(2025, 6, 30), "09-NQ/TW", NULL);
	D2 = rfx_doc("42-KH/ThU", "KH", "thu", D(2025, 6, 1), DATE_NONE, "15-CTr/TU", NULL);
	A = rfx_task(D1, "III.1#1", "tu-btc", NULL, "hoàn thành trong quý II/2026");
	rfx_update(A, D(2025, 12, 1), -1, 10, "Khởi động");
	rfx_update(A, D(2026, 6, 20), ST_DONE, -1, "Đã hoàn thành *đợt một* | xong");
	B = rfx_task(D1, "III.1#2", "tu-btc", NULL, "hoàn thành trong tháng 10/2026");
	rfx_update(B, D(2026, 8, 15), -1, 50, "Đang làm, đạt 50%");
	C = rfx_task(D1, "III.2#1", "tu-vp", NULL, "thực hiện thường xuyên");
	Dt = rfx_task(D2, "III#1", "thu-btc", NULL, "hoàn thành trước ngày 01/12/2026");
	rfx_update(Dt, D(2026, 11, 20), -1, 80, "Sắp xong, còn thẩm định, ký");
	E = rfx_task(D2, "III#2", "thu-p1", NULL, "hoàn thành trong quý I/2026");
	F = rfx_task(D1, "IV#1", NULL, "Sở Nội vụ", NULL);
	struct indicator i;
	memset(&i, 0, sizeof i);
	i.doc_id = D1;
	strcpy(i.section, "II#1");
	i.text = xstrdup("Tối thiểu 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ.");
	i.year = 2026;
	i.min = 90;
	i.target = NAN;
	strcpy(i.unit_of, "%");
	i.lead = rfx_unit("tu-btc");
	cr_assert_eq(store_write(fx.ops.st, put_indicator, &i, &e), 0, "%s", e.msg);
	cr_assert_eq(ind_measure_add(&fx.ops, i.id, 95, D(2026, 9, 30), "Báo cáo quý III", NULL, &e), 0,
	             "%s", e.msg);
	indicator_free(&i);
}

static void build(uint32_t unit, uint64_t doc, const char *period, struct report *r)
{
	struct err e = {0};
	struct report_opts o = {unit, doc, {0}, TODAY, 14, NULL, NULL};
	cr_assert_eq(report_period_parse(period, &o.period, &e), 0, "%s", e.msg);
	const struct hier *h = rfx_hier();
	struct txn *t = rfx_read();
	cr_assert_eq(report_build(t, h, &o, r, &e), 0, "%s", e.msg);
	store_read_end(t);
}

Test(report_period, years_and_quarters)
{
	struct report_period p;
	struct err e = {0};
	char b[48];
	cr_assert_eq(report_period_parse("2026", &p, &e), 0);
	cr_assert_eq(p.from, D(2026, 1, 1));
	cr_assert_eq(p.to, D(2026, 12, 31));
	cr_assert_str_eq(report_period_label(&p, b, sizeof b), "năm 2026");
	cr_assert_eq(report_period_parse("2026-Q3", &p, &e), 0);
	cr_assert_eq(p.from, D(2026, 7, 1));
	cr_assert_eq(p.to, D(2026, 9, 30));
	cr_assert_str_eq(report_period_label(&p, b, sizeof b), "quý III năm 2026");
	cr_assert_eq(report_period_parse("III/2026", &p, &e), 0);
	cr_assert_eq(p.quarter, 3);
	cr_assert_eq(report_period_parse("2026-q1", &p, &e), 0);
	cr_assert_eq(p.to, D(2026, 3, 31));
	static const char *bad[] = {"2026-Q5", "20x6", "", "2026-Q", "Q9/2026", "26"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		cr_assert_eq(report_period_parse(bad[i], &p, &e), ERR_USAGE, "%s", bad[i]);
		cr_assert_str_eq(e.field, "--period");
	}
}

Test(report, sections_figures_and_notes_of_the_year)
{
	struct report r;
	scenario();
	build(0, 0, "2026", &r);
	cr_assert_eq(r.ndocs, 2);
	cr_assert_eq(r.docs[0].id, D1, "oldest first");
	cr_assert_eq(r.docs[1].id, D2);
	cr_assert_eq(r.docs[0].ntasks, 4);
	cr_assert_eq(r.docs[1].ntasks, 2);
	cr_assert_eq(r.ntasks, 6);
	static const uint64_t *order[] = {&A, &B, &C, &F, &Dt, &E};
	for (size_t i = 0; i < 6; i++)
		cr_assert_eq(r.tasks[i].id, *order[i], "task %zu", i);
	cr_assert_eq(r.total.total, 6);
	cr_assert_eq(r.total.due, 4);
	cr_assert_eq(r.total.due_done, 1);
	cr_assert_eq(r.total.not_due, 1);
	cr_assert_eq(r.total.no_date, 1);
	cr_assert_eq(r.docs[0].r.total, 4);
	cr_assert_eq(r.docs[1].r.by_bucket[RB_DUE_OVERDUE], 1);
	/* the notes of 2026 only, oldest first */
	cr_assert_eq(r.tasks[0].nnotes, 1);
	cr_assert_eq(r.tasks[0].notes[0].day, D(2026, 6, 20));
	cr_assert_eq(r.tasks[1].nnotes, 1);
	cr_assert_eq(r.updates_in_period, 3);
	cr_assert_eq(r.done_in_period, 1);
	/* late: most days first */
	cr_assert_eq(r.nlate, 3);
	cr_assert_eq(r.tasks[r.late[0]].id, C);
	cr_assert_eq(r.tasks[r.late[0]].tl.days, 327);
	cr_assert_eq(r.tasks[r.late[1]].id, E);
	cr_assert_eq(r.tasks[r.late[2]].id, B);
	/* missing plans: the Huyện ủy and the Đảng ủy Khối, not the dissolved one */
	cr_assert_eq(r.nmissing, 2);
	cr_assert_eq(r.missing[0].unit, rfx_unit("hu"));
	cr_assert_eq(r.missing[1].unit, rfx_unit("duk"));
	cr_assert_eq(r.missing[0].state, CS_OVERDUE);
	cr_assert_eq(r.missing[0].days, 511);
	cr_assert_str_eq(r.missing[0].number, "15-CTr/TU");
	/* the indicator */
	cr_assert_eq(r.ninds, 1);
	cr_assert_eq(r.inds[0].a.state, IND_MET_MINIMUM);
	cr_assert_str_eq(r.inds[0].doc_number, "15-CTr/TU");
	report_free(&r);
}

Test(report, a_quarter_keeps_its_own_notes)
{
	struct report r;
	scenario();
	build(0, 0, "2026-Q3", &r);
	cr_assert_eq(r.tasks[0].nnotes, 0);
	cr_assert_eq(r.tasks[1].nnotes, 1);
	cr_assert_str_eq(r.tasks[1].notes[0].text, "Đang làm, đạt 50%");
	cr_assert_eq(r.updates_in_period, 1);
	cr_assert_eq(r.done_in_period, 0);
	report_free(&r);
}

Test(report, unit_and_document_scopes)
{
	struct report r;
	scenario();
	build(rfx_unit("thu"), 0, "2026", &r);
	cr_assert_eq(r.ndocs, 1);
	cr_assert_eq(r.docs[0].id, D2);
	cr_assert_eq(r.ntasks, 2);
	cr_assert_eq(r.nmissing, 0);
	cr_assert_eq(r.ninds, 0);
	cr_assert_str_eq(r.unit_name, "Thành ủy Bến Cát");
	report_free(&r);
	build(rfx_unit("hu"), 0, "2026", &r);
	cr_assert_eq(r.ntasks, 0);
	cr_assert_eq(r.nmissing, 1, "its own missing plan concerns it");
	report_free(&r);
	build(0, D1, "2026", &r);
	cr_assert_eq(r.ndocs, 1);
	cr_assert_eq(r.ntasks, 4);
	cr_assert_eq(r.ninds, 1);
	report_free(&r);
}

static char *render(const struct report *r, enum report_format f)
{
	struct sbuf b = {0};
	struct err e = {0};
	cr_assert_eq(report_render(r, f, &b, &e), 0, "%s", e.msg);
	return sbuf_detach(&b);
}

Test(report, markdown_has_every_section_and_escapes_marks)
{
	struct report r;
	scenario();
	build(0, 0, "2026", &r);
	char *md = render(&r, RF_MD);
	static const char *want[] = {
		"# BÁO CÁO", "## Kết quả thực hiện các chương trình, kế hoạch năm 2026",
		"### I. Các văn bản triển khai thực hiện", "### II. Kết quả thực hiện nhiệm vụ",
		"### III. Các chỉ tiêu", "### IV. Nhiệm vụ chậm tiến độ, còn thiếu", "### V. Tổng hợp",
		"**Mục III.1 — Ban Tổ chức Tỉnh ủy**", "**Mục IV — Sở Nội vụ (chưa xác định được đơn vị)**",
		"\\*đợt một\\* \\| xong", "tỷ lệ hoàn thành đạt 25%",
		"Huyện ủy Đồi Thông: chưa ban hành kế hoạch thực hiện 15-CTr/TU",
		"| **Tổng số nhiệm vụ** | 6 |", "chưa báo cáo, trễ 327 ngày",
		"Trong năm 2026: 1 nhiệm vụ được báo cáo hoàn thành; 3 lượt cập nhật tiến độ.",
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		cr_assert(strstr(md, want[i]), "missing \"%s\" in:\n%s", want[i], md);
	cr_assert_null(strstr(md, "Khởi động"), "a 2025 note in a 2026 report");
	free(md);
	report_free(&r);
}

struct width_ctx {
	int max;
};

Test(report, plain_text_fits_80_columns)
{
	struct report r;
	scenario();
	build(0, 0, "2026", &r);
	char *txt = render(&r, RF_TXT);
	int lines = 0;
	for (char *p = txt, *nl; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		cr_assert_not_null(nl, "every line ends in a newline");
		*nl = '\0';
		cr_assert_leq(txt_width(p), 80, "too wide: %s", p);
		lines++;
	}
	cr_assert_gt(lines, 40);
	free(txt);
	txt = render(&r, RF_TXT);
	cr_assert(strstr(txt, "V. TỔNG HỢP") && strstr(txt, "BÁO CÁO"), "%s", txt);
	cr_assert(strstr(txt, "    + 20/06/2026: Đã hoàn thành *đợt một* | xong"), "%s", txt);
	free(txt);
	report_free(&r);
}

/* Split RFC 4180 CSV into rows of fields; returns the number of rows.
 * fields[r][c] point into s, which is modified. */
static size_t csv_parse(char *s, char *fields[][24], size_t maxrows)
{
	size_t row = 0, col = 0;
	char *w = s, *start = s;
	while (*s && row < maxrows) {
		if (*s == '"') {
			for (s++;; s++) {
				if (*s == '"' && s[1] == '"')
					*w++ = '"', s++;
				else if (*s == '"') {
					s++;
					break;
				} else
					*w++ = *s;
			}
			continue;
		}
		if (*s == ',' || *s == '\r') {
			int eol = *s == '\r';
			*w++ = '\0'; /* may overwrite *s */
			fields[row][col++] = start;
			if (eol)
				s++, row++, col = 0;
			s++;
			start = w;
			continue;
		}
		*w++ = *s++;
	}
	return row;
}

Test(report, csv_is_one_row_per_task_and_parses_back)
{
	struct report r;
	scenario();
	build(0, 0, "2026", &r);
	char *csv = render(&r, RF_CSV);
	char *f[16][24];
	size_t n = csv_parse(csv, f, 16);
	cr_assert_eq(n, 7, "header and six tasks, not %zu", n);
	cr_assert_str_eq(f[0][0], "doc_number");
	cr_assert_str_eq(f[0][14], "notes");
	cr_assert_str_eq(f[1][0], "15-CTr/TU");
	cr_assert_eq(strtoull(f[1][2], NULL, 10), A);
	cr_assert_str_eq(f[1][9], "done");
	cr_assert_str_eq(f[1][13], "due_on_time");
	cr_assert_str_eq(f[1][14], "2026-06-20: Đã hoàn thành *đợt một* | xong");
	cr_assert_str_eq(f[5][0], "42-KH/ThU");
	cr_assert_str_eq(f[5][14], "2026-11-20: Sắp xong, còn thẩm định, ký");
	cr_assert_str_eq(f[5][11], "due_soon");
	free(csv);
	report_free(&r);
}

Test(report, json_parses_back_with_the_same_figures)
{
	struct report r;
	scenario();
	build(0, 0, "2026", &r);
	char *s = render(&r, RF_JSON);
	json_error_t je;
	json_t *j = json_loads(s, 0, &je);
	cr_assert_not_null(j, "%s", je.text);
	json_t *sum = json_object_get(j, "summary");
	cr_assert_eq(json_integer_value(json_object_get(sum, "total")), 6);
	cr_assert_eq(json_integer_value(json_object_get(sum, "due_overdue")), 3);
	cr_assert_float_eq(json_real_value(json_object_get(sum, "completion_rate")), 25.0, 1e-9);
	cr_assert_eq(json_integer_value(json_object_get(sum, "updates_in_period")), 3);
	json_t *docs = json_object_get(j, "documents");
	cr_assert_eq(json_array_size(docs), 2);
	json_t *tasks = json_object_get(json_array_get(docs, 0), "tasks");
	cr_assert_eq(json_array_size(tasks), 4);
	cr_assert_str_eq(json_string_value(json_object_get(json_array_get(tasks, 3), "lead_name")), "Sở Nội vụ");
	cr_assert_eq(json_array_size(json_object_get(j, "late")), 3);
	cr_assert_eq(json_array_size(json_object_get(j, "missing_plans")), 2);
	cr_assert_str_eq(json_string_value(json_object_get(json_object_get(j, "period"), "from")), "2026-01-01");
	json_t *ind = json_array_get(json_object_get(j, "indicators"), 0);
	cr_assert_str_eq(json_string_value(json_object_get(ind, "state")), "met_minimum");
	cr_assert_float_eq(json_real_value(json_object_get(ind, "value")), 95, 1e-9);
	json_decref(j);
	free(s);
	report_free(&r);
}

Test(report, unknown_unit_or_document_is_not_found)
{
	struct err e = {0};
	struct report r;
	struct report_opts o = {424242, 0, {0}, TODAY, 14, NULL, NULL};
	report_period_year(2026, &o.period);
	const struct hier *h = rfx_hier();
	struct txn *t = rfx_read();
	cr_assert_eq(report_build(t, h, &o, &r, &e), ERR_NOTFOUND);
	o.unit = 0;
	o.doc = 777;
	cr_assert_eq(report_build(t, h, &o, &r, &e), ERR_NOTFOUND);
	store_read_end(t);
}

/* ---- reminders ---- */

/* s with each line break and the indentation after it made one space, so
 * that phrases wrapped across lines can be searched; caller frees. */
static char *flatten(const char *s)
{
	char *out = xstrdup(s), *w = out;
	for (const char *p = s; *p; p++) {
		if (*p == '\n') {
			*w++ = ' ';
			while (p[1] == ' ')
				p++;
		} else {
			*w++ = *p;
		}
	}
	*w = '\0';
	return out;
}

static void letters(uint32_t root, int days, struct remind_letter **ls, size_t *n)
{
	struct err e = {0};
	struct remind_opts o = {root, days, TODAY, NULL, NULL};
	const struct hier *h = rfx_hier();
	struct txn *t = rfx_read();
	cr_assert_eq(remind_build(t, h, &o, ls, n, &e), 0, "%s", e.msg);
	store_read_end(t);
}

Test(remind, one_letter_per_unit_with_late_or_soon_tasks)
{
	struct remind_letter *ls;
	size_t n;
	scenario();
	letters(0, 14, &ls, &n);
	static const char *codes[] = {"tu-btc", "tu-vp", "thu-btc", "thu-p1"};
	cr_assert_eq(n, 4, "the task with no resolved lead has no addressee");
	for (size_t i = 0; i < n; i++)
		cr_assert_str_eq(ls[i].code, codes[i]);
	cr_assert_eq(ls[0].n, 1);
	cr_assert_eq(ls[0].items[0].task, B);
	cr_assert_eq(ls[0].noverdue, 1);
	cr_assert_eq(ls[0].items[0].tl.days, 23);
	cr_assert_eq(ls[1].items[0].tl.tl, TL_UNREPORTED);
	cr_assert_eq(ls[2].noverdue, 0);
	cr_assert_eq(ls[2].items[0].task, Dt);
	cr_assert_str_eq(ls[2].items[0].doc_number, "42-KH/ThU");
	remind_free(ls, n);
	letters(0, 0, &ls, &n);
	cr_assert_eq(n, 3, "due in 7 days is outside a 0-day window");
	remind_free(ls, n);
	letters(rfx_unit("thu"), 14, &ls, &n);
	cr_assert_eq(n, 2);
	cr_assert_str_eq(ls[0].code, "thu-btc");
	remind_free(ls, n);
}

Test(remind, letter_quotes_deadlines_and_says_how_late)
{
	struct remind_letter *ls;
	size_t n;
	scenario();
	rfx_task(D1, "III.1#3", "tu-btc", NULL, "hoàn thành trước ngày 01/12/2026");
	letters(0, 14, &ls, &n);
	char *s = remind_text(&ls[0], "Văn phòng Tỉnh ủy", NULL, TODAY, 14);
	static const char *want[] = {
		"ĐÔN ĐỐC THỰC HIỆN NHIỆM VỤ", "có 1 nhiệm vụ quá hạn và 1 nhiệm vụ đến hạn trong 14 ngày tới",
		"A. NHIỆM VỤ QUÁ HẠN", "B. NHIỆM VỤ SẮP ĐẾN HẠN",
		"Thời hạn: \"hoàn thành trong tháng 10/2026\" (hạn 31/10/2026) — quá hạn 23 ngày.",
		"còn 7 ngày", "Đề nghị Ban Tổ chức Tỉnh ủy khẩn trương",
	};
	char *flat = flatten(s);
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		cr_assert(strstr(flat, want[i]), "missing \"%s\" in:\n%s", want[i], s);
	free(flat);
	cr_assert(strstr(s, "VĂN PHÒNG TỈNH ỦY\nNgày 23 tháng 11 năm 2026\n"), "%s", s);
	cr_assert(strstr(s, "\nKính gửi: Ban Tổ chức Tỉnh ủy\n"), "%s", s);
	for (char *p = s, *nl; (nl = strchr(p, '\n')); p = nl + 1) {
		*nl = '\0';
		cr_assert_leq(txt_width(p), 80, "too wide: %s", p);
	}
	free(s);
	char name[64];
	cr_assert_str_eq(remind_file_name(&ls[0], name, sizeof name), "tu-btc.txt");
	struct remind_letter odd = {0};
	strcpy(odd.code, "..x");
	cr_assert_str_eq(remind_file_name(&odd, name, sizeof name), "_.x.txt");
	remind_free(ls, n);
}

Test(remind, letter_is_dated_at_the_committee_s_place)
{
	struct remind_letter *ls;
	size_t n;
	char place[64];
	scenario();
	letters(0, 14, &ls, &n);
	char *s = remind_text(&ls[0], "Văn phòng Tỉnh ủy", "Sơn Hà", TODAY, 14);
	cr_assert(strstr(s, "VĂN PHÒNG TỈNH ỦY\nSơn Hà, ngày 23 tháng 11 năm 2026\n\n"), "%s", s);
	free(s);
	remind_free(ls, n);
	const struct hier *h = rfx_hier();
	cr_assert_str_eq(remind_place(h, rfx_unit("tu"), place, sizeof place), "Thử Nghiệm");
	cr_assert_str_eq(remind_place(h, rfx_unit("tu-btc"), place, sizeof place), "Thử Nghiệm",
	                 "an agency takes its committee's place");
	cr_assert_str_eq(remind_place(h, rfx_unit("thu-btc"), place, sizeof place), "Bến Cát");
	cr_assert_str_eq(remind_place(h, rfx_unit("hu-x-cb"), place, sizeof place), "Đồi");
	cr_assert_str_eq(remind_place(h, rfx_unit("duk"), place, sizeof place), "Thử Nghiệm",
	                 "a bloc committee names no place: the province's");
	cr_assert_str_eq(remind_place(h, 0, place, sizeof place), "");
}

Test(report, a_period_over_judges_its_indicators_at_its_end)
{
	struct report r;
	scenario();
	/* the only value, 95, is dated 30/09/2026: unknown at the end of Q2 */
	build(0, 0, "2026-Q2", &r);
	cr_assert_eq(r.ninds, 1);
	cr_assert_eq(r.inds[0].a.state, IND_NO_DATA);
	report_free(&r);
	build(0, 0, "2026-Q3", &r);
	cr_assert_eq(r.inds[0].a.state, IND_MET_MINIMUM);
	cr_assert_eq(r.inds[0].a.value_date, D(2026, 9, 30));
	report_free(&r);
}

Test(report_period, several_years_for_a_review)
{
	struct report_period p;
	struct err e = {0};
	char buf[48];
	cr_assert_eq(report_period_parse("2023-2025", &p, &e), 0, "%s", e.msg);
	cr_assert_eq(p.year, 2023);
	cr_assert_eq(p.last_year, 2025);
	cr_assert_eq(p.from, date_make(2023, 1, 1));
	cr_assert_eq(p.to, date_make(2025, 12, 31));
	cr_assert_str_eq(report_period_label(&p, buf, sizeof buf), "giai đoạn 2023 - 2025");
	cr_assert_str_eq(report_period_key(&p, buf, sizeof buf), "2023-2025");
	cr_assert_eq(report_period_parse("2025-2023", &p, &e), ERR_USAGE);
	cr_assert_eq(report_period_parse("2025-2025", &p, &e), ERR_USAGE);
	cr_assert_eq(report_period_parse("1990-2060", &p, &e), ERR_USAGE);
}

Test(report_period, keys_name_each_period_once)
{
	struct report_period p;
	struct err e = {0};
	char buf[24];
	const char *in[] = {"2026", "2026-Q3", "III/2026", "2026-H1", "2026-h2"};
	const char *key[] = {"2026", "2026-Q3", "2026-Q3", "2026-H1", "2026-H2"};
	for (int i = 0; i < 5; i++) {
		cr_assert_eq(report_period_parse(in[i], &p, &e), 0, "%s", in[i]);
		cr_assert_str_eq(report_period_key(&p, buf, sizeof buf), key[i]);
		cr_assert_eq(p.last_year, 0);
	}
}

/* Every row of the report names its document by id and number, "(không
 * số)" for one without: the documents, the overdue tasks and the
 * indicators in Markdown, text, CSV, JSON, HTML and the document
 * (docx/odt) tables. */
Test(report, every_row_names_its_document_by_id_and_number)
{
	struct err e = {0};
	struct report r;
	scenario();
	uint64_t D3 = rfx_doc("", "KH", "tu", D(2026, 1, 5), DATE_NONE, NULL, NULL);
	uint64_t G = rfx_task(D3, "I#1", "tu-vp", NULL, "hoàn thành trong tháng 3/2026");
	struct indicator i;
	memset(&i, 0, sizeof i);
	i.doc_id = D3;
	strcpy(i.section, "II#1");
	i.text = xstrdup("100% chi bộ sinh hoạt chuyên đề.");
	i.year = 2026;
	i.min = 100;
	i.target = NAN;
	strcpy(i.unit_of, "%");
	cr_assert_eq(store_write(fx.ops.st, put_indicator, &i, &e), 0, "%s", e.msg);
	indicator_free(&i);
	build(0, 0, "2026", &r);
	char d1[48], d3[48], late_md[64], late_txt[64], head_md[64];
	snprintf(d1, sizeof d1, "#%llu 15-CTr/TU", (unsigned long long)D1);
	snprintf(d3, sizeof d3, "#%llu (không số)", (unsigned long long)D3);
	snprintf(late_md, sizeof late_md, "- **#%llu** (\\#%llu (không số))", (unsigned long long)G,
	         (unsigned long long)D3);
	snprintf(late_txt, sizeof late_txt, "- #%llu (#%llu (không số))", (unsigned long long)G,
	         (unsigned long long)D3);
	snprintf(head_md, sizeof head_md, "ngày 01/03/2025 (#%llu)\n", (unsigned long long)D1);
	char *md = render(&r, RF_MD);
	cr_assert(strstr(md, head_md), "no document id in the heading: %s", md);
	cr_assert(strstr(md, late_md), "no document on the overdue row: %s", md);
	cr_assert(strstr(md, "| \\#") && strstr(md, " 15-CTr/TU | Ban Tổ chức Tỉnh ủy |"),
	          "no document id on the indicator: %s", md);
	free(md);
	char *txt = render(&r, RF_TXT);
	cr_assert(strstr(txt, late_txt), "%s", txt);
	char want[80];
	snprintf(want, sizeof want, "Văn bản: %s.", d3);
	cr_assert(strstr(txt, want), "%s", txt);
	free(txt);
	/* CSV: doc_id, the last column */
	char *csv = render(&r, RF_CSV);
	char *f[16][24];
	size_t n = csv_parse(csv, f, 16);
	cr_assert_eq(n, 8);
	cr_assert_str_eq(f[0][17], "doc_id");
	for (size_t row = 1; row < n; row++) {
		uint64_t task = strtoull(f[row][2], NULL, 10), doc = strtoull(f[row][17], NULL, 10);
		cr_assert_eq(doc, task == G ? D3 : task == Dt || task == E ? D2 : D1, "row %zu", row);
	}
	free(csv);
	/* JSON: every task, overdue task and indicator */
	char *s = render(&r, RF_JSON);
	json_t *j = json_loads(s, 0, NULL), *row;
	size_t k;
	json_array_foreach(json_object_get(j, "late"), k, row) {
		cr_assert(json_is_integer(json_object_get(row, "doc_id")));
		if (json_integer_value(json_object_get(row, "task")) == (json_int_t)G)
			cr_assert(json_is_null(json_object_get(row, "doc_number")));
	}
	json_array_foreach(json_object_get(j, "indicators"), k, row)
		cr_assert(json_is_integer(json_object_get(row, "doc_id")));
	json_t *t0 = json_array_get(json_object_get(json_array_get(json_object_get(j, "documents"), 0),
	                                            "tasks"), 0);
	cr_assert_eq(json_integer_value(json_object_get(t0, "doc_id")), (json_int_t)D1);
	cr_assert_str_eq(json_string_value(json_object_get(t0, "doc_number")), "15-CTr/TU");
	json_decref(j);
	free(s);
	/* HTML: the overdue table's document column */
	struct docout_sender snd;
	memset(&snd, 0, sizeof snd);
	strcpy(snd.issuer, "TỈNH ỦY");
	strcpy(snd.symbol, "TU");
	strcpy(snd.office, "Văn phòng Tỉnh ủy");
	char *none[4] = {NULL, NULL, NULL, NULL};
	struct sbuf html = {0};
	report_html(&r, rfx_hier(), rfx_unit("tu"), &snd, TODAY, none, &html);
	cr_assert(strstr(html.s, "<th>Văn bản</th><th>Nhiệm vụ</th>"), "%s", html.s);
	snprintf(want, sizeof want, "<td>%s</td>", d3);
	cr_assert(strstr(html.s, want), "%s", html.s);
	sbuf_free(&html);
	/* docx/odt: the overdue and indicator tables have a document column */
	json_t *spec = report_document(&r, rfx_hier(), rfx_unit("tu"), &snd, TODAY, 1, none);
	char *dump = json_dumps(spec, 0);
	snprintf(want, sizeof want, "\"%s\"", d3);
	cr_assert(strstr(dump, want), "%s", dump);
	snprintf(want, sizeof want, "\"%s\"", d1);
	cr_assert(strstr(dump, want), "%s", dump);
	free(dump);
	json_decref(spec);
	report_free(&r);
}

/* The JSON, written piece by piece, is what jansson writes for the whole
 * object read back. */
static void json_same_as_jansson(const struct report *r)
{
	struct sbuf b = {0};
	struct err e = {0};
	cr_assert_eq(report_render(r, RF_JSON, &b, &e), 0, "%s", e.msg);
	json_error_t je;
	json_t *j = json_loads(b.s, 0, &je);
	cr_assert_not_null(j, "%s", je.text);
	char *whole = out_json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
	cr_assert_not_null(whole);
	cr_assert_eq(strlen(whole) + 1, b.len);
	cr_assert_eq(memcmp(whole, b.s, b.len - 1), 0, "the same bytes as jansson's");
	cr_assert_eq(b.s[b.len - 1], '\n');
	free(whole);
	json_decref(j);
	sbuf_free(&b);
}

Test(report, json_of_an_empty_scope_and_of_a_document_without_tasks)
{
	struct report r;
	scenario();
	build(rfx_unit("hu"), 0, "2026", &r);
	cr_assert_eq(r.ndocs, 0);
	json_same_as_jansson(&r);
	report_free(&r);
	build(rfx_unit("thu-p1"), D1, "2026", &r);
	cr_assert_eq(r.ndocs, 1);
	cr_assert_eq(r.docs[0].ntasks, 0);
	json_same_as_jansson(&r);
	report_free(&r);
	build(0, 0, "2026", &r);
	cr_assert_gt(r.ninds, 0);
	cr_assert_gt(r.nmissing, 0);
	json_same_as_jansson(&r);
	report_free(&r);
}

/* Twenty documents entered newest first, 25 overdue tasks each on three
 * due dates: the documents come oldest first, each with its tasks by id;
 * the late list is by days late, then id; and the CSV written in pieces
 * (more than one 64 KB piece here) is the CSV rendered whole. */
Test(report, many_documents_and_late_tasks_in_order)
{
	static const int months[] = {3, 7, 5};
	uint64_t docs[20];
	for (int d = 0; d < 20; d++) {
		char num[24];
		snprintf(num, sizeof num, "%d-KH/TU", d + 1);
		docs[d] = rfx_doc(num, "KH", "tu", D(2025, 1, 28 - d), DATE_NONE, NULL, NULL);
	}
	for (int i = 0; i < 500; i++) {
		char phrase[48];
		snprintf(phrase, sizeof phrase, "hoàn thành trong tháng %d/2026", months[i % 3]);
		rfx_task(docs[(i * 7) % 20], "I#1", "tu-btc", NULL, phrase);
	}
	struct report r;
	build(0, 0, "2026", &r);
	cr_assert_eq(r.ndocs, 20);
	cr_assert_eq(r.ntasks, 500);
	for (size_t d = 0; d < r.ndocs; d++) {
		cr_assert_eq(r.docs[d].id, docs[19 - d], "document %zu: oldest first", d);
		cr_assert_eq(r.docs[d].ntasks, 25);
		cr_assert_eq(r.docs[d].r.total, 25);
		for (size_t i = r.docs[d].first; i < r.docs[d].first + r.docs[d].ntasks; i++) {
			cr_assert_eq(r.tasks[i].doc, r.docs[d].id, "task %zu under its document", i);
			if (i > r.docs[d].first)
				cr_assert_lt(r.tasks[i - 1].id, r.tasks[i].id, "task %zu by id", i);
		}
	}
	cr_assert_eq(r.nlate, 500);
	for (size_t i = 1; i < r.nlate; i++) {
		const struct report_task *a = &r.tasks[r.late[i - 1]], *b = &r.tasks[r.late[i]];
		cr_assert(a->tl.days > b->tl.days || (a->tl.days == b->tl.days && a->id < b->id),
		          "late %zu: most late first, then by id", i);
	}
	cr_assert_neq(r.tasks[r.late[0]].tl.days, r.tasks[r.late[499]].tl.days);
	json_same_as_jansson(&r);
	for (int f = RF_CSV; f <= RF_JSON; f++) {
		struct sbuf whole = {0};
		struct err e = {0};
		cr_assert_eq(report_render(&r, (enum report_format)f, &whole, &e), 0, "%s", e.msg);
		FILE *tmp = tmpfile();
		cr_assert_not_null(tmp);
		cr_assert_eq(report_render_file(&r, (enum report_format)f, tmp, &e), 0, "%s", e.msg);
		long n = ftell(tmp);
		cr_assert_eq((size_t)n, whole.len, "format %d: as long as the whole", f);
		if (f == RF_CSV)
			cr_assert_gt(n, 64 * 1024, "more than one piece");
		char *back = xcalloc((size_t)n + 1, 1);
		rewind(tmp);
		cr_assert_eq(fread(back, 1, (size_t)n, tmp), (size_t)n);
		cr_assert_eq(memcmp(back, whole.s, (size_t)n), 0, "format %d: the same bytes", f);
		free(back);
		fclose(tmp);
		sbuf_free(&whole);
	}
	report_free(&r);
}

/* Tasks of six units entered in the reverse of the tree's order and
 * interleaved: one letter per unit, in the tree's order, each with all its
 * items, the overdue first, by due date then id. */
Test(remind, many_units_letters_in_tree_order)
{
	static const char *codes[] = {"tu-btc", "tu-vp", "thu-btc", "thu-p1", "thu-cb", "hu-x-cb"};
	static const int months[] = {5, 12, 9};
	uint64_t doc = rfx_doc("7-KH/TU", "KH", "tu", D(2025, 2, 1), DATE_NONE, NULL, NULL);
	for (int i = 0; i < 90; i++) {
		char phrase[48];
		snprintf(phrase, sizeof phrase, "hoàn thành trước ngày %02d/%02d/2026", 1 + i % 5,
		         months[i % 3]);
		rfx_task(doc, "I#1", codes[5 - i % 6], NULL, phrase);
	}
	struct remind_letter *ls;
	size_t n;
	letters(0, 30, &ls, &n);
	cr_assert_eq(n, 6);
	for (size_t i = 0; i < n; i++) {
		cr_assert_str_eq(ls[i].code, codes[i], "letter %zu in the tree's order", i);
		cr_assert_eq(ls[i].n, 15, "letter %zu has every item of its unit", i);
		for (size_t k = 1; k < ls[i].n; k++) {
			const struct remind_item *a = &ls[i].items[k - 1], *b = &ls[i].items[k];
			int al = a->tl.tl == TL_OVERDUE, bl = b->tl.tl == TL_OVERDUE;
			cr_assert(al > bl || (al == bl && (a->due < b->due ||
			                                   (a->due == b->due && a->task < b->task))),
			          "letter %zu item %zu in order", i, k);
		}
	}
	remind_free(ls, n);
}
