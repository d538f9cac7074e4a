/* test_import.c — the importer on plans written for these tests
 * (tests/data/import/), on hard input, and its JSON and text output. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/import-internal.h"
#include "file-fixture.h"
#include "import-fixture.h"
#include "import.h"
#include "text.h"
#include "util.h"

#define DATA "tests/data/import/"

static struct imp_result *parse_file(const char *name)
{
	char path[256];
	size_t len;
	char *text;
	struct imp_result *r = NULL;
	struct err e = {0};

	snprintf(path, sizeof path, DATA "%s", name);
	text = tf_read(path, &len);
	cr_assert_eq(imp_parse(text, len, path, NULL, 0, &r, &e), 0, "%s: %s", path, e.msg);
	free(text);
	return r;
}

static struct imp_result *parse_str(const char *text)
{
	struct imp_result *r = NULL;
	struct err e = {0};

	cr_assert_eq(imp_parse(text, strlen(text), "t.txt", NULL, 0, &r, &e), 0, "%s", e.msg);
	return r;
}

static int has_task(const struct imp_result *r, const char *section)
{
	for (size_t k = 0; k < r->ntasks; k++)
		if (!strcmp(r->tasks[k].section, section))
			return 1;
	return 0;
}

static void expect_lead(const struct imp_task *t, const char *lead)
{
	if (!lead)
		cr_expect_null(t->lead, "%s: lead %s", t->section, t->lead);
	else
		cr_expect(t->lead && !strcmp(t->lead, lead), "%s: lead %s, expected %s", t->section,
		          t->lead ? t->lead : "(null)", lead);
}

static void expect_due(const struct imp_task *t, int y, int m, int d)
{
	cr_expect_eq(dl_due(&t->dl), date_make(y, m, d), "%s: due %d", t->section,
	             (int)dl_due(&t->dl));
}

/* ---- plans of other shapes ------------------------------------------ */

Test(import_plans, numbered_items_under_unit_headings)
{
	struct imp_result *r = parse_file("huyen-uy-muc-so.txt");
	const struct imp_task *t;

	cr_expect_eq(r->ntasks, 10);
	t = ix_task_at(r, "II.1(1)");
	expect_lead(t, "Ban Tổ chức Huyện ủy");
	expect_due(t, 2023, 6, 30);
	cr_expect_str_eq(t->dl_phrase, "hoàn thành trong quý II/2023");
	cr_expect_eq(t->dl_source, IMP_DL_INLINE);
	t = ix_task_at(r, "II.1(2)");
	cr_assert_eq(t->npartners, 2);
	cr_expect_str_eq(t->partners[0], "Văn phòng Huyện ủy");
	cr_expect_str_eq(t->partners[1], "Ủy ban Kiểm tra Huyện ủy");
	cr_expect_eq(t->dl.d.kind, DL_ANNUAL);
	/* "trước ngày 30/11/2024": the day before */
	expect_due(ix_task_at(r, "II.1(3)"), 2024, 11, 29);
	expect_lead(ix_task_at(r, "II.2(2)"), "Ban Tuyên giáo Huyện ủy");
	cr_expect_eq(ix_task_at(r, "II.2(2)")->dl.d.kind, DL_ON_REQUEST);
	expect_lead(ix_task_at(r, "II.3(1)"), "Ủy ban nhân dân huyện");
	cr_expect_eq(ix_task_at(r, "II.3(1)")->dl.d.kind, DL_FROM);
	expect_lead(ix_task_at(r, "II.4(1)"), "Các đảng ủy, chi bộ cơ sở trực thuộc Huyện ủy");
	/* a reporting duty in "Tổ chức thực hiện" is a task with its own deadline */
	t = ix_task_at(r, "III.1");
	expect_lead(t, "Văn phòng Huyện ủy");
	cr_expect_eq(t->dl.d.kind, DL_ANNUAL);
	cr_expect_eq(t->dl.d.month, 12);
	cr_expect_str_eq(t->dl_phrase, "vào tháng 12 hằng năm");
	/* purpose gives no task */
	cr_expect(!has_task(r, "I.1") && !has_task(r, "I.2"));
	imp_free(r);
}

Test(import_plans, header_and_signature_read)
{
	struct imp_result *r = parse_file("huyen-uy-muc-so.txt");

	cr_expect_str_eq(r->doc.kind, "KH");
	cr_expect_str_eq(r->doc.number, "15-KH/HU");
	cr_expect_eq(r->doc.date, date_make(2023, 4, 5));
	cr_expect_str_eq(r->doc.issuer, "Ban Thường vụ Huyện ủy");
	cr_assert_eq(r->doc.nimplements, 2);
	cr_expect_str_eq(r->doc.implements[0], "254-KH/TU");
	cr_expect_str_eq(r->doc.implements[1], "09-HD/BTCTU");
	cr_expect_str_eq(r->doc.signer, "Lê Thị Hồng Nhung");
	cr_expect_str_eq(r->doc.signer_role, "PHÓ BÍ THƯ");
	cr_expect(r->doc.title && strstr(r->doc.title, "sinh hoạt chi bộ"));
	/* "xây dựng kế hoạch ... hoàn thành trong tháng 5/2023" */
	cr_expect_eq(r->doc.plan_due, date_make(2023, 5, 31));
	imp_free(r);
}

Test(import_plans, section_line_sets_the_deadline_of_its_section)
{
	struct imp_result *r = parse_file("khoi-thoi-gian.txt");
	const struct imp_task *t;

	/* "* Thời gian thực hiện: Thường xuyên." after the items of III.1 */
	t = ix_task_at(r, "III.1#1");
	cr_expect_eq(t->dl.d.kind, DL_ONGOING);
	cr_expect_eq(t->dl_source, IMP_DL_SECTION);
	cr_expect_str_eq(t->dl_phrase, "Thường xuyên");
	cr_expect_eq(ix_task_at(r, "III.1#2")->dl_source, IMP_DL_SECTION);
	/* "Thời gian thực hiện: Năm 2024." before the items of III.2 */
	t = ix_task_at(r, "III.2#1");
	expect_due(t, 2024, 12, 31);
	cr_expect_eq(t->dl_source, IMP_DL_SECTION);
	/* a task's own phrase wins over its section's */
	t = ix_task_at(r, "III.2#2");
	expect_due(t, 2023, 9, 30);
	cr_expect_eq(t->dl_source, IMP_DL_INLINE);
	expect_due(ix_task_at(r, "III.2#3"), 2024, 12, 31);
	/* the section line is no task, and the bullet count is not disturbed */
	cr_expect(!has_task(r, "III.1#3"));
	/* unnumbered paragraphs of "Tổ chức thực hiện" are tasks */
	t = ix_task_at(r, "IV#1");
	expect_lead(t, "Các đảng ủy, chi bộ cơ sở");
	expect_due(t, 2023, 7, 31);
	t = ix_task_at(r, "IV#2");
	expect_lead(t, "Văn phòng Đảng ủy Khối");
	cr_expect_eq(t->dl.d.kind, DL_ANNUAL);
	cr_expect_str_eq(t->dl_phrase, "trước ngày 15/12 hằng năm");
	/* partners and the "chỉ tiêu" section */
	t = ix_task_at(r, "III.3#1");
	cr_assert_eq(t->npartners, 2);
	cr_expect_str_eq(t->partners[1], "Sở Tài chính");
	cr_assert_eq(r->nindicators, 2);
	cr_expect_eq(r->indicators[0].year, 2025);
	cr_expect_eq(r->indicators[0].min, 70);
	cr_expect_eq(r->indicators[0].target, 85);
	cr_expect_str_eq(r->indicators[0].unit, "%");
	cr_expect_eq(r->indicators[1].min, 120);
	cr_expect_str_eq(r->indicators[1].unit, "đảng viên");
	cr_expect_str_eq(r->doc.number, "77-KH/ĐUK");
	imp_free(r);
}

Test(import_plans, implementation_hands_sections_to_units)
{
	struct imp_result *r = parse_file("tinh-uy-giao-muc.txt");
	const struct imp_task *t;

	/* "các giải pháp tại mục II.1": II.1's tasks without a lead */
	expect_lead(ix_task_at(r, "II.1#2"), "Ban Dân vận Tỉnh ủy");
	/* a task with its own subject keeps it */
	expect_lead(ix_task_at(r, "II.1#1"), "Các cấp ủy, tổ chức đảng");
	/* "các nội dung tại mục 2 phần II" */
	expect_lead(ix_task_at(r, "II.2#1"), "Đảng đoàn MTTQ tỉnh");
	expect_lead(ix_task_at(r, "II.2#2"), "Đảng đoàn MTTQ tỉnh");
	/* joined across a hard line break and a page break */
	t = ix_task_at(r, "II.2#2");
	cr_expect(strstr(t->text, "phát huy vai trò của Nhân dân") != NULL, "%s", t->text);
	cr_expect_eq(t->dl.d.kind, DL_ONGOING);
	t = ix_task_at(r, "II.1#2");
	cr_expect_str_eq(t->dl_phrase, "hoàn thành trong năm 2024");
	cr_expect(strstr(t->text, "chú trọng địa bàn") != NULL);
	t = ix_task_at(r, "III.2");
	cr_expect_eq(t->dl.d.kind, DL_ANNUAL);
	cr_expect_eq(t->dl.d.month, 12);
	expect_lead(ix_task_at(r, "III.3"), "BTC Tỉnh ủy");
	cr_expect_str_eq(r->doc.signer_role, "PHÓ BÍ THƯ THƯỜNG TRỰC");
	cr_expect_str_eq(r->doc.issuer, "Ban Thường vụ Tỉnh ủy");
	imp_free(r);
}

Test(import_plans, markdown_plan_with_sub_bullets_and_two_deadlines)
{
	struct imp_result *r = parse_file("thanh-uy-markdown.txt");
	const struct imp_task *t;

	cr_expect_str_eq(r->doc.kind, "CTr");
	cr_expect_str_eq(r->doc.number, "23-CTr/ThU");
	cr_expect_eq(r->doc.date, date_make(2023, 10, 2));
	cr_expect_str_eq(r->doc.signer, "Hoàng Văn Sơn");
	expect_lead(ix_task_at(r, "II.1.1"), "Các cấp ủy, tổ chức đảng");
	expect_due(ix_task_at(r, "II.1.1"), 2024, 3, 31);
	expect_lead(ix_task_at(r, "II.1.2"), NULL);
	/* an introducing bullet is no task; its "+" items are */
	cr_expect(!has_task(r, "II.2.1#2"));
	t = ix_task_at(r, "II.2.1#2+2");
	expect_lead(t, "Ban Tuyên giáo Thành ủy");
	cr_expect_eq(t->dl.d.month, 6);
	/* a dated phrase governs over "thường xuyên" */
	t = ix_task_at(r, "II.2.2#1");
	expect_due(t, 2024, 12, 31);
	cr_assert_eq(t->npartners, 2);
	cr_expect_str_eq(t->partners[0], "Ủy ban MTTQ Việt Nam thành phố");
	cr_expect_str_eq(t->partners[1], "các cơ quan liên quan");
	t = ix_task_at(r, "II.2.2#2");
	cr_expect_eq(t->dl.d.kind, DL_RANGE);
	cr_expect_eq(ix_task_at(r, "II.2.3#1")->dl.d.kind, DL_PER_DOCUMENT);
	cr_expect_eq(ix_task_at(r, "III.2")->dl.d.kind, DL_AFTER_DIRECTIVE);
	/* indicators of "2. Chỉ tiêu cụ thể" under "I. MỤC TIÊU" */
	cr_assert_eq(r->nindicators, 2);
	cr_expect_eq(r->indicators[0].min, 8);
	cr_expect_eq(r->indicators[0].target, 10);
	cr_expect_eq(r->indicators[1].target, 100);
	imp_free(r);
}

Test(import_plans, nfd_crlf_bom_tabs_and_nbsp_read_like_the_plain_text)
{
	struct imp_result *a = parse_file("thanh-uy-markdown.txt");
	struct imp_result *b = parse_file("thanh-uy-nfd-crlf.txt");
	json_t *ja = imp_to_json(a, NULL), *jb = imp_to_json(b, NULL);
	char *sa = json_dumps(ja, JSON_SORT_KEYS), *sb = json_dumps(jb, JSON_SORT_KEYS);

	cr_expect_str_eq(sb, sa);
	cr_expect_eq(a->ntasks, b->ntasks);
	/* the stored text is NFC with LF line ends and no BOM */
	cr_expect_null(memchr(b->source, '\r', b->source_len));
	cr_expect_neq(memcmp(b->source, "\xEF\xBB\xBF", 3), 0);
	cr_expect(strstr(b->source, "Thành ủy") != NULL);
	free(sa);
	free(sb);
	json_decref(ja);
	json_decref(jb);
	imp_free(a);
	imp_free(b);
}

Test(import_plans, assignments_in_the_text_and_an_appendix_table)
{
	struct imp_result *r = parse_file("thanh-uy-phu-luc.txt");
	const struct imp_task *t;

	/* "(Ban Tuyên giáo Thành ủy chủ trì, phối hợp với ...; hoàn thành ...)" */
	t = ix_task_at(r, "II.1#1");
	expect_lead(t, "Ban Tuyên giáo Thành ủy");
	cr_assert_eq(t->npartners, 1);
	cr_expect_str_eq(t->partners[0], "Văn phòng Thành ủy");
	cr_expect_str_eq(t->dl_phrase, "hoàn thành trong quý II/2024");
	/* "Cơ quan chủ trì: ... Cơ quan phối hợp: ... Thời gian hoàn thành: ..." */
	t = ix_task_at(r, "II.1#2");
	expect_lead(t, "Văn phòng Thành ủy");
	cr_assert_eq(t->npartners, 1);
	cr_expect_str_eq(t->partners[0], "Ban Tổ chức Thành ủy");
	expect_due(t, 2024, 9, 30);
	/* "Giao X chủ trì ..." */
	expect_lead(ix_task_at(r, "II.2"), "Ủy ban nhân dân thành phố");
	/* the table of the appendix after the signature */
	t = ix_task_at(r, "PL#1");
	cr_expect_str_eq(t->text, "Xây dựng cơ sở dữ liệu đảng viên");
	expect_lead(t, "Ban Tổ chức Thành ủy");
	cr_assert_eq(t->npartners, 2);
	cr_expect_str_eq(t->partners[1], "Đảng ủy phường An Phú");
	expect_due(t, 2024, 6, 30);
	cr_expect_str_eq(t->dl_phrase, "Quý II/2024");
	cr_expect_str_eq(ix_task_at(r, "PL#3")->text, "Bố trí kinh phí hằng năm");
	cr_expect_eq(ix_task_at(r, "PL#3")->dl.d.kind, DL_ANNUAL);
	/* a row with no lead takes the group row above it */
	t = ix_task_at(r, "PL#4");
	expect_lead(t, "Ủy ban nhân dân thành phố");
	cr_expect_eq(t->dl.d.kind, DL_ROADMAP);
	cr_expect_str_eq(r->doc.signer, "Hoàng Văn Sơn");
	cr_expect_eq(r->ntasks, 8);
	imp_free(r);
}

Test(import_plans, slash_numbers_and_lettered_items)
{
	struct imp_result *r = parse_str("KẾ HOẠCH\n\nII. NHIỆM VỤ CỤ THỂ\n"
	                                 "1/ Ban Tổ chức Tỉnh ủy\n"
	                                 "a. Tham mưu quy hoạch cán bộ (hoàn thành trong năm 2024).\n"
	                                 "b. Rà soát tiêu chuẩn chức danh (thực hiện thường xuyên).\n"
	                                 "2/ Văn phòng Tỉnh ủy\n"
	                                 "a) Tổng hợp báo cáo (thực hiện hằng năm).\n");

	cr_assert_eq(r->ntasks, 3);
	cr_expect_str_eq(r->tasks[0].section, "II.1.a");
	expect_lead(&r->tasks[0], "Ban Tổ chức Tỉnh ủy");
	expect_due(&r->tasks[0], 2024, 12, 31);
	cr_expect_str_eq(r->tasks[1].section, "II.1.b");
	cr_expect_str_eq(r->tasks[2].section, "II.2.a");
	expect_lead(&r->tasks[2], "Văn phòng Tỉnh ủy");
	imp_free(r);
}

Test(import_plans, unnumbered_unit_lines_lead_the_items_under_them)
{
	struct imp_result *r = parse_str("II. NHIỆM VỤ CỤ THỂ\n\n"
	                                 "2. Các ban xây dựng Đảng\n\n"
	                                 "**Ban Tổ chức Tỉnh ủy:**\n"
	                                 "- Tham mưu quy hoạch cán bộ (hoàn thành trong năm 2024).\n"
	                                 "- Rà soát tiêu chuẩn chức danh.\n\n"
	                                 "**Ban Tuyên giáo Tỉnh ủy:**\n"
	                                 "- Tuyên truyền kết quả (thực hiện thường xuyên).\n");

	cr_assert_eq(r->ntasks, 3);
	cr_expect_str_eq(r->tasks[0].section, "II.2#1");
	expect_lead(&r->tasks[0], "Ban Tổ chức Tỉnh ủy");
	cr_expect_str_eq(r->tasks[1].section, "II.2#2");
	expect_lead(&r->tasks[1], "Ban Tổ chức Tỉnh ủy");
	cr_expect_str_eq(r->tasks[2].section, "II.2#3");
	expect_lead(&r->tasks[2], "Ban Tuyên giáo Tỉnh ủy");
	cr_expect_str_eq(r->tasks[2].text, "Tuyên truyền kết quả (thực hiện thường xuyên).");
	imp_free(r);
}

/* ---- text that went through a page ------------------------------- */

Test(import_pages, page_numbers_form_feeds_and_running_headers_are_not_text)
{
	struct imp_result *r = parse_str(
		"ĐẢNG BỘ HUYỆN KIM LÂM\nĐẢNG CỘNG SẢN VIỆT NAM\n\nKẾ HOẠCH\n\n"
		"II. NHIỆM VỤ CỤ THỂ\n\n1. Ban Tổ chức Huyện ủy\n\n"
		"- Tham mưu quy hoạch cán bộ theo quy định của Đảng, pháp luật của Nhà nước.\n"
		"- 2 -\nĐẢNG CỘNG SẢN VIỆT NAM\n"
		"- Rà soát tiêu chuẩn chức danh (hoàn thành trong năm 2024).\n"
		"3\n\fKế hoạch số 15-KH/HU\n"
		"- Tổng hợp kết quả sinh hoạt chi bộ (thực hiện hằng quý).\n\n"
		"Trang 4\n\fKế hoạch số 15-KH/HU\n\n"
		"- Hướng dẫn đánh giá, xếp loại chi bộ\n\n– 5 –\n\fKế hoạch số 15-KH/HU\n\n"
		"vào cuối năm (thực hiện hằng năm).\n\n"
		"2. Văn phòng Huyện ủy\n\n- Theo dõi, đôn đốc việc thực hiện Kế hoạch.\n");

	/* "- 2 -" is no bullet: four tasks, none with furniture glued on */
	cr_assert_eq(r->ntasks, 5);
	cr_expect_str_eq(ix_task_at(r, "II.1#1")->text,
	                 "Tham mưu quy hoạch cán bộ theo quy định của Đảng, pháp luật của Nhà nước.");
	cr_expect_str_eq(ix_task_at(r, "II.1#2")->text,
	                 "Rà soát tiêu chuẩn chức danh (hoàn thành trong năm 2024).");
	expect_due(ix_task_at(r, "II.1#2"), 2024, 12, 31);
	cr_expect_str_eq(ix_task_at(r, "II.1#3")->text,
	                 "Tổng hợp kết quả sinh hoạt chi bộ (thực hiện hằng quý).");
	/* a paragraph cut by a page break is whole again */
	cr_expect_str_eq(ix_task_at(r, "II.1#4")->text,
	                 "Hướng dẫn đánh giá, xếp loại chi bộ vào cuối năm (thực hiện hằng năm).");
	expect_lead(ix_task_at(r, "II.2#1"), "Văn phòng Huyện ủy");
	imp_free(r);
}

Test(import_pages, a_dash_framed_number_alone_is_a_page_not_a_bullet)
{
	struct imp_marker m;

	cr_expect(!imp_marker_parse("- 8 -", 5, &m));
	cr_expect(imp_marker_parse("- 8 nhiệm vụ", strlen("- 8 nhiệm vụ"), &m));
}

/* Text hard-wrapped at 60 to 65 columns, with no blank line between its
 * paragraphs. */
static const char wrapped_plan[] =
	"KẾ HOẠCH\n"
	"thực hiện Nghị quyết số 12-NQ/HU của Huyện ủy\n"
	"\n"
	"II. NHIỆM VỤ CỤ THỂ\n"
	"1. Ban Tổ chức Huyện ủy\n"
	"Tham mưu rà soát, bổ sung quy hoạch cán bộ diện Ban Thường vụ\n"
	"Huyện ủy quản lý cho nhiệm kỳ 2025 - 2030 và các năm tiếp theo.\n"
	"Báo cáo kết quả về Thường trực Huyện ủy trước khi trình Ban\n"
	"Thường vụ Huyện ủy xem xét; hoàn thành trong quý IV/2024.\n"
	"2. Văn phòng Huyện ủy\n"
	"- Hướng dẫn các tổ chức cơ sở đảng thực hiện quy định về sinh\n"
	"hoạt chi bộ, bảo đảm sự tham gia của Mặt trận Tổ quốc và các\n"
	"tổ chức chính trị - xã hội ở cơ sở theo Quy định (khóa XII,\n"
	"XIII) của Ban Chấp hành Trung ương (thực hiện thường xuyên).\n"
	"- Theo dõi, đôn đốc việc thực hiện các chương trình công tác\n"
	"toàn khóa của Ban Chấp hành Đảng bộ huyện và tổ chức chính trị\n"
	"- xã hội; báo cáo định kỳ với Ban Thường vụ (thực hiện hằng quý).\n"
	"III. TỔ CHỨC THỰC HIỆN\n"
	"1. Ban Tuyên giáo Huyện ủy tham mưu ban hành kế hoạch thực hiện\n"
	"Nghị quyết số 12-NQ/HU trong toàn Đảng bộ huyện và hướng dẫn\n"
	"các chi bộ tổ chức học tập; hoàn thành trong quý II/2024.\n"
	"2. Văn phòng Huyện ủy chủ trì, phối hợp với các ban, Ủy ban Kiểm\n"
	"tra Huyện ủy theo dõi, tổng hợp tình hình thực hiện Kế hoạch.\n";

Test(import_pages, a_line_break_after_a_sentence_does_not_split_a_task)
{
	struct imp_result *r = parse_str(wrapped_plan);
	const struct imp_task *t = ix_task_at(r, "II.1");

	cr_expect(!has_task(r, "II.1#1") && !has_task(r, "II.1#2"));
	cr_expect(strstr(t->text, "các năm tiếp theo. Báo cáo kết quả") != NULL, "%s", t->text);
	cr_expect_str_eq(t->dl_phrase, "hoàn thành trong quý IV/2024");
	expect_due(t, 2024, 12, 31);
	imp_free(r);
}

Test(import_pages, wrapped_lines_that_start_like_items_go_on_the_line_before)
{
	struct imp_result *r = parse_str(wrapped_plan);

	/* "XIII)" and "- xã hội" at a line's start are not items */
	cr_expect_eq(r->ntasks, 5);
	cr_expect(strstr(ix_task_at(r, "II.2#1")->text, "(khóa XII, XIII) của Ban Chấp hành") != NULL);
	cr_expect_eq(ix_task_at(r, "II.2#1")->dl.d.kind, DL_ONGOING);
	cr_expect(strstr(ix_task_at(r, "II.2#2")->text, "tổ chức chính trị - xã hội; báo cáo") != NULL);
	cr_expect(!has_task(r, "II.2#3"));
	imp_free(r);
}

Test(import_pages, items_in_lower_case_after_a_short_line_are_items)
{
	/* wrapped text: the line before the items ends short */
	struct imp_result *r = parse_str(
		"KẾ HOẠCH\n\nII. NHIỆM VỤ CỤ THỂ\n1. Ban Tổ chức Huyện ủy\n"
		"Tham mưu Ban Thường vụ Huyện ủy chỉ đạo rà soát, bổ sung quy\n"
		"hoạch cán bộ các cấp, tập trung vào các nội dung\n"
		"- rà soát tiêu chuẩn chức danh cán bộ thuộc diện quản lý của\n"
		"Ban Thường vụ Huyện ủy (hoàn thành trong quý II/2024);\n"
		"- đánh giá cán bộ trước khi đưa vào quy hoạch, bảo đảm công\n"
		"khai, dân chủ (thực hiện hằng năm).\n");

	cr_expect(has_task(r, "II.1#1") && has_task(r, "II.1#2"));
	imp_free(r);
	/* lines that are paragraphs: a marker always opens one */
	r = parse_str("KẾ HOẠCH\n\nII. NHIỆM VỤ CỤ THỂ\n\n1. Ban Tổ chức Huyện ủy\n\n"
	              "Tham mưu rà soát quy hoạch cán bộ, tập trung vào các nội dung\n"
	              "- rà soát tiêu chuẩn chức danh (hoàn thành trong quý II/2024);\n"
	              "- đánh giá cán bộ trước khi đưa vào quy hoạch (thực hiện hằng năm).\n");
	cr_expect(has_task(r, "II.1#1") && has_task(r, "II.1#2"));
	imp_free(r);
}

Test(import_pages, a_numbered_item_ending_before_a_capital_is_not_a_heading)
{
	struct imp_result *r = parse_str(wrapped_plan);
	const struct imp_task *t = ix_task_at(r, "III.1");

	expect_lead(t, "Ban Tuyên giáo Huyện ủy");
	cr_expect(strstr(t->text, "kế hoạch thực hiện Nghị quyết số 12-NQ/HU") != NULL, "%s",
	          t->text);
	expect_due(t, 2024, 6, 30);
	imp_free(r);
}

Test(import_pages, a_numbered_line_of_unit_names_stays_a_heading)
{
	struct imp_result *r = parse_str(
		"KẾ HOẠCH\n\nII. NHIỆM VỤ CỤ THỂ\n"
		"1. Ban Tổ chức Huyện ủy\n"
		"- Tham mưu rà soát, bổ sung quy hoạch cán bộ thuộc diện Ban\n"
		"Thường vụ Huyện ủy quản lý (hoàn thành trong quý IV/2024).\n"
		"2. Chi bộ Tòa án nhân dân huyện, Viện kiểm sát nhân dân huyện\n"
		"Lãnh đạo nâng cao chất lượng hoạt động xét xử, kiểm sát theo\n"
		"hướng chuyên nghiệp, hiện đại (nhiệm vụ thường xuyên).\n");

	expect_lead(ix_task_at(r, "II.2"), "Chi bộ Tòa án nhân dân huyện, Viện kiểm sát nhân dân huyện");
	cr_expect(!strncmp(ix_task_at(r, "II.2")->text, "Lãnh đạo nâng cao", 20), "%s",
	          ix_task_at(r, "II.2")->text);
	imp_free(r);
	/* a heading whose last line ends short, before a page break */
	r = parse_str("KẾ HOẠCH\n\nII. NHIỆM VỤ CỤ THỂ\n"
	              "1. Ban Tổ chức Huyện ủy\n"
	              "- Tham mưu rà soát, bổ sung quy hoạch cán bộ thuộc diện Ban\n"
	              "Thường vụ Huyện ủy quản lý (hoàn thành trong quý IV/2024).\n"
	              "2. Chi bộ Tòa án nhân dân huyện, Viện kiểm sát nhân dân\n"
	              "huyện\n\n- 2 -\n\f\n"
	              "Lãnh đạo nâng cao chất lượng hoạt động xét xử, kiểm sát theo\n"
	              "hướng chuyên nghiệp, hiện đại (nhiệm vụ thường xuyên).\n");
	expect_lead(ix_task_at(r, "II.2"), "Chi bộ Tòa án nhân dân huyện, Viện kiểm sát nhân dân huyện");
	imp_free(r);
	/* names that go on in the next line are one subject */
	r = parse_str("KẾ HOẠCH\n\nIII. TỔ CHỨC THỰC HIỆN\n"
	              "1. Ban Thường vụ Huyện ủy, Thường trực\n"
	              "Huyện ủy tăng cường lãnh đạo, chỉ đạo,\n"
	              "kiểm tra việc thực hiện Kế hoạch này.\n"
	              "2. Văn phòng Huyện ủy theo dõi, đôn đốc\n"
	              "và tổng hợp kết quả thực hiện hằng năm.\n");
	expect_lead(ix_task_at(r, "III.1"), "Ban Thường vụ Huyện ủy, Thường trực Huyện ủy");
	expect_lead(ix_task_at(r, "III.2"), "Văn phòng Huyện ủy");
	imp_free(r);
}

Test(import_pages, side_by_side_columns_are_read_left_then_right)
{
	struct imp_result *r = parse_str(
		"     HUYỆN ỦY KIM LÂM                 ĐẢNG CỘNG SẢN VIỆT NAM\n"
		"           *\n"
		"       Số 15-KH/HU                  Kim Lâm, ngày 05 tháng 4 năm 2023\n\n"
		"                           KẾ HOẠCH\n\n"
		"II. NHIỆM VỤ CỤ THỂ\n\n1. Ban Tổ chức Huyện ủy\n\n"
		"- Tham mưu quy hoạch cán bộ (hoàn thành trong năm 2024).\n\n"
		"Nơi nhận:                                  T/M BAN THƯỜNG VỤ\n"
		"- Ban Tổ chức Tỉnh ủy,                           BÍ THƯ\n"
		"- Lưu VP.\n"
		"                                           Nguyễn Văn An\n");

	cr_expect_str_eq(r->doc.number, "15-KH/HU");
	cr_expect(r->doc.signer && !strcmp(r->doc.signer, "Nguyễn Văn An"), "signer %s",
	          r->doc.signer ? r->doc.signer : "(null)");
	cr_expect(r->doc.signer_role && !strcmp(r->doc.signer_role, "BÍ THƯ"));
	cr_assert_eq(r->ntasks, 1);
	imp_free(r);
}

/* The paragraphs of a text, as the importer reads them. */
static int has_block(const struct imp_text *t, const char *text)
{
	for (size_t k = 0; k < t->nblocks; k++)
		if (!strcmp(t->blocks[k].text, text))
			return 1;
	return 0;
}

Test(import_pages, the_national_heading_is_kept_on_the_first_page_only)
{
	const char *text = "ỦY BAN NHÂN DÂN HUYỆN KIM LÂM\n\n"
	                   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
	                   "KẾ HOẠCH\n\nII. NHIỆM VỤ\n\n- Rà soát hồ sơ\n\f"
	                   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
	                   "lưu trữ (thực hiện thường xuyên).\n";
	struct imp_text t;
	struct err e = {0};

	cr_assert_eq(imp_text_read(text, strlen(text), "t.txt", &t, &e), 0, "%s", e.msg);
	cr_expect(has_block(&t, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
	cr_expect(has_block(&t, "Độc lập - Tự do - Hạnh phúc"));
	cr_expect(has_block(&t, "- Rà soát hồ sơ lưu trữ (thực hiện thường xuyên)."));
	imp_text_free(&t);
}

Test(import_pages, wide_spaces_inside_a_line_are_not_columns)
{
	struct imp_result *r = parse_str(
		"KẾ HOẠCH\n\nII. NHIỆM VỤ CỤ THỂ\n\n1.    Ban Tổ chức Tỉnh ủy\n\n"
		"-    Tham mưu rà soát quy chế làm việc     của cấp ủy (hoàn thành trong năm "
		"2024).\n");

	cr_assert_eq(r->ntasks, 1);
	cr_expect_str_eq(r->tasks[0].section, "II.1#1");
	expect_lead(&r->tasks[0], "Ban Tổ chức Tỉnh ủy");
	cr_expect_str_eq(r->tasks[0].text,
	                 "Tham mưu rà soát quy chế làm việc của cấp ủy (hoàn thành trong năm 2024).");
	imp_free(r);
}

/* ---- leads, partners and item numbers --------------------------------- */

Test(import_leads, partner_list_opening_with_a_collective_gives_every_partner)
{
	struct imp_result *r = parse_str(
		"KẾ HOẠCH\n\nII. NHIỆM VỤ CỤ THỂ\n\n1. Ban Dân vận Tỉnh ủy\n\n"
		"(1) Chủ trì, phối hợp với các ban, Văn phòng Tỉnh ủy tham mưu tổng kết.\n\n"
		"(2) Chủ trì, phối hợp với các ban xây dựng Đảng, Ủy ban Mặt trận Tổ quốc và "
		"các tổ chức chính trị - xã hội tỉnh tổ chức tập huấn.\n");
	const struct imp_task *t = ix_task_at(r, "II.1(1)");

	cr_assert_eq(t->npartners, 2);
	cr_expect_str_eq(t->partners[0], "các ban");
	cr_expect_str_eq(t->partners[1], "Văn phòng Tỉnh ủy");
	t = ix_task_at(r, "II.1(2)");
	cr_assert_eq(t->npartners, 3);
	cr_expect_str_eq(t->partners[0], "các ban xây dựng Đảng");
	cr_expect_str_eq(t->partners[1], "Ủy ban Mặt trận Tổ quốc");
	cr_expect_str_eq(t->partners[2], "các tổ chức chính trị - xã hội tỉnh");
	imp_free(r);
}

Test(import_leads, wrapped_partner_list_is_whole)
{
	struct imp_result *r = parse_str(wrapped_plan);
	const struct imp_task *t = ix_task_at(r, "III.2");

	expect_lead(t, "Văn phòng Huyện ủy");
	cr_assert_eq(t->npartners, 2);
	cr_expect_str_eq(t->partners[0], "các ban");
	cr_expect_str_eq(t->partners[1], "Ủy ban Kiểm tra Huyện ủy");
	imp_free(r);
}

Test(import_leads, a_generic_noun_alone_leads_nothing)
{
	struct imp_result *r = parse_str(
		"KẾ HOẠCH\n\nII. NHIỆM VỤ CỤ THỂ\n\n"
		"- Cơ quan, đơn vị rà soát thủ tục hành chính (thực hiện thường xuyên).\n"
		"- Các cơ quan tăng cường kỷ luật hành chính (thực hiện thường xuyên).\n"
		"- Cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy tổng hợp báo cáo.\n");

	expect_lead(ix_task_at(r, "II#1"), NULL);
	expect_lead(ix_task_at(r, "II#2"), NULL);
	expect_lead(ix_task_at(r, "II#3"), "Cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy");
	imp_free(r);
}

Test(import_leads, items_numbered_beyond_999_are_items)
{
	struct sbuf b = {0};
	struct imp_result *r = NULL;
	struct err e = {0};

	sbuf_puts(&b, "KẾ HOẠCH\n\nII. NHIỆM VỤ CỤ THỂ\n\n1. Ban Tổ chức Tỉnh ủy\n\n");
	for (int k = 1; k <= 1002; k++)
		sbuf_printf(&b, "(%d) Rà soát hồ sơ số %d (thực hiện hằng năm).\n\n", k, k);
	cr_assert_eq(imp_parse(b.s, b.len, NULL, NULL, 0, &r, &e), 0, "%s", e.msg);
	cr_expect_eq(r->ntasks, 1002);
	cr_expect_str_eq(ix_task_at(r, "II.1(999)")->text, "Rà soát hồ sơ số 999 (thực hiện hằng năm).");
	cr_expect_str_eq(ix_task_at(r, "II.1(1000)")->text,
	                 "Rà soát hồ sơ số 1000 (thực hiện hằng năm).");
	cr_expect_str_eq(ix_task_at(r, "II.1(1002)")->text,
	                 "Rà soát hồ sơ số 1002 (thực hiện hằng năm).");
	imp_free(r);
	sbuf_free(&b);
}

Test(import_leads, item_numbers_too_long_for_a_number_are_text)
{
	struct imp_marker m;

	cr_expect(imp_marker_parse("(123456789) x", 13, &m) && m.comp[0] == 123456789);
	cr_expect(imp_marker_parse("123456789) x", 12, &m) && m.comp[0] == 123456789);
	cr_expect(!imp_marker_parse("(99999999999999999999) x", 24, &m));
	cr_expect(!imp_marker_parse("99999999999999999999) x", 23, &m));
	cr_expect(!imp_marker_parse("99999999999999999999.1. x", 25, &m));
}

/* ---- hard input ------------------------------------------------------ */

Test(import_input, invalid_utf8_names_line_and_column)
{
	const char text[] = "KẾ HOẠCH\nII. NHIỆM VỤ\n- Tổ \xC3\x28 chức\n";
	struct imp_result *r = NULL;
	struct err e = {0};

	cr_assert_eq(imp_parse(text, sizeof text - 1, "x.txt", NULL, 0, &r, &e), ERR_INPUT);
	cr_expect_null(r);
	cr_expect_eq(e.line, 3);
	cr_expect_eq(e.col, 6);
	cr_expect_str_eq(e.file, "x.txt");
	cr_expect(strstr(e.msg, "UTF-8") != NULL, "%s", e.msg);
}

Test(import_input, no_tasks_is_an_input_error)
{
	const char *text = "KẾ HOẠCH\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Nâng cao nhận thức.\n\n"
	                   "Nơi nhận:\n- Lưu VP.\n";
	struct imp_result *r = NULL;
	struct err e = {0};

	cr_assert_eq(imp_parse(text, strlen(text), "y.txt", NULL, 0, &r, &e), ERR_INPUT);
	cr_expect_null(r);
	cr_expect(strstr(e.msg, "không tìm thấy nhiệm vụ nào") != NULL, "%s", e.msg);
	cr_expect_eq(imp_parse("", 0, NULL, NULL, 0, &r, &e), ERR_INPUT);
}

Test(import_input, control_characters_and_nul_bytes_are_blanks)
{
	const char text[] = "II. NHIỆM VỤ\n- Tổ chức\0 quán triệt \x01(thực hiện thường xuyên).\n";
	struct imp_result *r = NULL;
	struct err e = {0};

	cr_assert_eq(imp_parse(text, sizeof text - 1, NULL, NULL, 0, &r, &e), 0, "%s", e.msg);
	cr_assert_eq(r->ntasks, 1);
	cr_expect_str_eq(r->tasks[0].text, "Tổ chức quán triệt (thực hiện thường xuyên).");
	cr_expect_eq(r->tasks[0].dl.d.kind, DL_ONGOING);
	imp_free(r);
}

Test(import_input, pandoc_escapes_and_emphasis_are_removed)
{
	struct imp_result *r = parse_str("**KẾ HOẠCH**\n\n### II\\. NHIỆM VỤ\n\n"
	                                 "1\\. Ban Tổ chức Tỉnh ủy\n\n"
	                                 "\\- Tham mưu *ban hành* quy chế (*hoàn thành trong năm "
	                                 "2024*).\n");

	cr_assert_eq(r->ntasks, 1);
	cr_expect_str_eq(r->tasks[0].section, "II.1#1");
	cr_expect_str_eq(r->tasks[0].text, "Tham mưu ban hành quy chế (hoàn thành trong năm 2024).");
	expect_lead(&r->tasks[0], "Ban Tổ chức Tỉnh ủy");
	imp_free(r);
}

/* A plan of 100,000 lines: parsed in one pass (no quadratic work). */
Test(import_input, hundred_thousand_lines_parse_in_linear_time, .timeout = 60)
{
	struct sbuf b = {0};
	struct imp_result *r = NULL;
	struct err e = {0};
	size_t lines = 4;

	sbuf_puts(&b, "KẾ HOẠCH\nthực hiện Nghị quyết số 01-NQ/TU\n\nII. NHIỆM VỤ CỤ THỂ\n");
	for (int s = 1; lines < 100000; s++) {
		sbuf_printf(&b, "%d.%d. Ban Tổ chức Tỉnh ủy\n", s / 50 + 1, s % 50 + 1);
		lines++;
		for (int k = 0; k < 98 && lines < 99998; k++, lines++)
			sbuf_printf(&b, "- Nội dung %d (hoàn thành trong quý %s/2025).\n", k,
			            k % 2 ? "II" : "IV");
	}
	sbuf_puts(&b, "\nNơi nhận:\n- Lưu.\n");
	cr_assert_eq(imp_parse(b.s, b.len, NULL, NULL, 0, &r, &e), 0, "%s", e.msg);
	cr_expect_gt(r->ntasks, 95000);
	cr_expect_eq(r->tasks[r->ntasks - 1].dl.d.kind, DL_BY);
	imp_free(r);
	sbuf_free(&b);
}

Test(import_input, one_huge_paragraph_does_not_crash, .timeout = 60)
{
	struct sbuf b = {0};
	struct imp_result *r = NULL;
	struct err e = {0};

	sbuf_puts(&b, "II. NHIỆM VỤ\n- ");
	for (int k = 0; k < 40000; k++)
		sbuf_puts(&b, "Ban Tổ chức (thực hiện (lồng) thường xuyên), ");
	sbuf_puts(&b, "(hoàn thành trong năm 2024).\n");
	cr_assert_eq(imp_parse(b.s, b.len, NULL, NULL, 0, &r, &e), 0, "%s", e.msg);
	cr_assert_eq(r->ntasks, 1);
	imp_free(r);
	sbuf_free(&b);
}

/* ---- output ---------------------------------------------------------- */

static int has_keys(const json_t *o, const char *const *keys)
{
	size_t n = 0;

	for (; keys[n]; n++)
		if (!json_object_get(o, keys[n]))
			return 0;
	return json_object_size(o) == n;
}

Test(import_output, json_follows_the_contract)
{
	static const char *const top[] = { "doc", "tasks", "indicators", "warnings", "leads", NULL };
	static const char *const doc[] = { "kind", "number", "date", "title", "issuer",
					   "implements", "signer", "signer_role", NULL };
	static const char *const task[] = { "section", "lead", "lead_unit", "lead_group",
					    "partners", "text", "deadline_phrase", "deadline", NULL };
	static const char *const ind[] = { "text", "year", "yearly", "min", "target", "unit", NULL };
	struct imp_result *r = parse_file("khoi-thoi-gian.txt");
	json_t *j = imp_to_json(r, NULL), *t;

	cr_assert(has_keys(j, top));
	cr_expect(has_keys(json_object_get(j, "doc"), doc));
	cr_expect_str_eq(json_string_value(json_object_get(json_object_get(j, "doc"), "date")),
	                 "2023-06-12");
	t = json_array_get(json_object_get(j, "tasks"), 0);
	cr_expect(has_keys(t, task));
	cr_expect(json_is_null(json_object_get(t, "lead_unit")));
	cr_expect_str_eq(json_string_value(json_object_get(json_object_get(t, "deadline"), "kind")),
	                 "ongoing");
	cr_expect(has_keys(json_array_get(json_object_get(j, "indicators"), 0), ind));
	cr_expect(json_is_null(json_object_get(json_array_get(json_object_get(j, "indicators"), 1),
	                                       "target")));
	cr_expect_gt(json_array_size(json_object_get(j, "warnings")), 0);
	json_decref(j);
	imp_free(r);
}

Test(import_output, text_summary_has_labels_and_aligned_columns)
{
	struct imp_result *r = parse_file("huyen-uy-muc-so.txt");
	struct sbuf b = {0};
	char *line, *save = NULL;
	int col = -1, rows = 0;

	imp_text(r, NULL, 0, &b);
	cr_expect(strstr(b.s, "Văn bản:") && strstr(b.s, "Cơ quan ban hành:") &&
	          strstr(b.s, "Nhiệm vụ (10):") && strstr(b.s, "Người ký:"));
	cr_expect(strstr(b.s, "hạn 30/06/2023") != NULL);
	/* the deadline column starts at the same display column on every task row */
	for (line = strtok_r(b.s, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *p = strstr(line, "hạn ");

		if (strncmp(line, "II.", 3) || !p)
			continue;
		if (col < 0)
			col = txt_width_n(line, (size_t)(p - line));
		cr_expect_eq(txt_width_n(line, (size_t)(p - line)), col, "%s", line);
		rows++;
	}
	cr_expect_geq(rows, 3);
	sbuf_free(&b);
	imp_free(r);
}

Test(import_output, without_hierarchy_nothing_resolves_and_nothing_is_invented)
{
	struct imp_result *r = parse_file("huyen-uy-muc-so.txt");

	for (size_t k = 0; k < r->ntasks; k++)
		cr_expect_eq(r->tasks[k].lead_unit, 0);
	cr_expect_eq(r->doc.issuer_unit, 0);
	cr_expect(!ix_warned(r, "không xác định được đơn vị"));
	imp_free(r);
}

Test(import_plans, yearly_targets_and_ceilings_are_indicators)
{
	struct imp_result *r = parse_str(
		"TỈNH ỦY SƠN HÀ\n"
		"Số 78-KH/TU\n"
		"Sơn Hà, ngày 10 tháng 3 năm 2025\n"
		"KẾ HOẠCH\n"
		"về công tác xây dựng Đảng\n"
		"I. MỤC TIÊU\n"
		"1. Hằng năm kết nạp ít nhất 300 đảng viên.\n"
		"2. Đến năm 2026, tỷ lệ đảng viên vi phạm không quá 2%, phấn đấu dưới 1%.\n"
		"3. Huy động tối đa nguồn lực, đến năm 2027 có 80% xã đạt chuẩn.\n"
		"4. Hằng năm, quán triệt đầy đủ các nghị quyết.\n"
		"II. NHIỆM VỤ CỤ THỂ\n"
		"1. Ban Tổ chức Tỉnh ủy\n"
		"(1) Hướng dẫn kết nạp đảng viên (hoàn thành trong quý II/2025).\n");

	cr_assert_eq(r->nindicators, 3, "the yearly duty without a figure is no indicator");
	cr_expect(r->indicators[0].yearly);
	cr_expect_eq(r->indicators[0].year, 0);
	cr_expect_eq(r->indicators[0].min, 300);
	cr_expect_str_eq(r->indicators[0].unit, "đảng viên");
	cr_expect(!r->indicators[1].yearly);
	cr_expect_eq(r->indicators[1].min, 2, "a ceiling is the required level");
	cr_expect_eq(r->indicators[1].target, 1);
	/* "tối đa" before no figure is no ceiling: 80% stays the target */
	cr_expect(isnan(r->indicators[2].min));
	cr_expect_eq(r->indicators[2].target, 80);
	imp_free(r);
}

/* Where a warning is: FILE:LINE in a text file; in a converted document
 * (no lines a clerk can count) the section and the task's first words. */
Test(import, warning_where_names_the_line_or_the_section_and_task)
{
	struct imp_result *r = parse_str(
		"KẾ HOẠCH\nthực hiện công tác kiểm tra năm 2027\n\nI. NHIỆM VỤ\n"
		"1. Ban Tổ chức rà soát quy hoạch cán bộ các cấp trong toàn Đảng bộ, hoàn thành "
		"trong quý II năm 2027.\n2. Tổng hợp báo cáo.\n");
	struct sbuf b = {0};
	size_t k;

	/* "1 nhiệm vụ chưa có thời hạn: I.2" is about the whole document: no
	 * line, though I.2 is the first (and only) task it lists */
	for (k = 0; k < r->nwarnings && !strstr(r->warnings[k].msg, "chưa có thời hạn: I.2"); k++)
		;
	cr_assert(k < r->nwarnings, "no summary of the tasks without a deadline");
	cr_assert_eq(r->warnings[k].line, 0);
	r->warnings[k].line = r->tasks[1].line; /* as a warning on the second task's line */
	imp_warning_where(r, k, 1, &b);
	cr_assert_str_eq(b.s, "t.txt:6");
	sbuf_reset(&b);
	imp_warning_where(r, k, 0, &b);
	cr_assert_str_eq(b.s, "dòng 6");
	r->converted = 1;
	sbuf_reset(&b);
	imp_warning_where(r, k, 1, &b);
	cr_assert_str_eq(b.s, "t.txt, mục I.2 “Tổng hợp báo cáo.”");
	r->warnings[k].line = r->tasks[0].line;
	sbuf_reset(&b);
	imp_warning_where(r, k, 0, &b);
	cr_assert_str_eq(b.s, "mục I.1 “Ban Tổ chức rà soát quy hoạch cán bộ…”");
	r->warnings[k].line = r->tasks[1].line + 1; /* after a task: that task */
	sbuf_reset(&b);
	imp_warning_where(r, k, 0, &b);
	cr_assert_str_eq(b.s, "sau mục I.2 “Tổng hợp báo cáo.”");
	r->warnings[k].line = 0; /* the whole document */
	sbuf_reset(&b);
	imp_warning_where(r, k, 1, &b);
	cr_assert_str_eq(b.s, "t.txt");
	sbuf_free(&b);
	imp_free(r);
}
