/* test_import_deadline.c — finding deadline phrases in task sentences,
 * one row per form: in italic or plain parentheses, as a clause of the
 * sentence, as a dated tail, and on a section line. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/import-internal.h"
#include "deadline.h"
#include "dl-vocab-table.h"
#include "import.h"
#include "util.h"

struct row {
	const char *sentence;
	const char *phrase;   /* the phrase found first, exactly as written; NULL: none */
	enum dl_kind kind;
	int y, m, d;          /* due date for dated kinds, or 0 */
	int month;            /* DL_ANNUAL: month, or 0 */
};

static const struct row rows[] = {
	/* parentheses, with and without Markdown italics */
	{ .sentence = "Tổ chức quán triệt Nghị quyết (*hoàn thành trong quý II/2023*).",
	  .phrase = "hoàn thành trong quý II/2023",
	  .kind = DL_BY,
	  .y = 2023,
	  .m = 6,
	  .d = 30,
	  .month = 0 },
	{ .sentence = "Rà soát các quy định (thực hiện thường xuyên).",
	  .phrase = "thực hiện thường xuyên",
	  .kind = DL_ONGOING },
	{ .sentence = "Tuyên truyền sâu rộng (tuyên truyền thường xuyên).",
	  .phrase = "tuyên truyền thường xuyên",
	  .kind = DL_ONGOING },
	{ .sentence = "Tăng cường kiểm tra (nhiệm vụ thường xuyên)",
	  .phrase = "nhiệm vụ thường xuyên",
	  .kind = DL_ONGOING },
	{ .sentence = "Tổng kết Quy chế (theo yêu cầu của Trung ương).",
	  .phrase = "theo yêu cầu của Trung ương",
	  .kind = DL_ON_REQUEST },
	{ .sentence = "Hoàn thiện mô hình (thực hiện ngay sau khi có quy định, hướng dẫn của Trung ương).",
	  .phrase = "thực hiện ngay sau khi có quy định, hướng dẫn của Trung ương",
	  .kind = DL_AFTER_DIRECTIVE },
	{ .sentence = "Lấy phiếu tín nhiệm (thực hiện sau khi có văn bản của Trung ương năm 2023).",
	  .phrase = "thực hiện sau khi có văn bản của Trung ương năm 2023",
	  .kind = DL_AFTER_DIRECTIVE },
	{ .sentence = "Chuẩn bị đại hội (thực hiện từ năm 2024 - 2026).",
	  .phrase = "thực hiện từ năm 2024 - 2026",
	  .kind = DL_RANGE,
	  .y = 2026,
	  .m = 12,
	  .d = 31 },
	{ .sentence = "Phát triển đảng viên (thực hiện từ năm 2023).",
	  .phrase = "thực hiện từ năm 2023",
	  .kind = DL_FROM },
	{ .sentence = "Giới thiệu cán bộ ứng cử (theo nhiệm kỳ).",
	  .phrase = "theo nhiệm kỳ",
	  .kind = DL_TERM },
	{ .sentence = "Sắp xếp tổ chức đảng (thực hiện theo Kế hoạch số 121-KH/TU ngày 10/8/2022 của Ban "
	  "Thường vụ Tỉnh ủy).",
	  .phrase = "thực hiện theo Kế hoạch số 121-KH/TU ngày 10/8/2022 của Ban Thường vụ Tỉnh ủy",
	  .kind = DL_PER_DOCUMENT },
	{ .sentence = "Sắp xếp đơn vị hành chính (thực hiện theo lộ trình).",
	  .phrase = "thực hiện theo lộ trình",
	  .kind = DL_ROADMAP },
	{ .sentence = "Ứng dụng công nghệ (thực hiện hằng năm).",
	  .phrase = "thực hiện hằng năm",
	  .kind = DL_ANNUAL },
	{ .sentence = "Hoàn thành sơ kết (hoàn thành năm 2024).",
	  .phrase = "hoàn thành năm 2024",
	  .kind = DL_BY,
	  .y = 2024,
	  .m = 12,
	  .d = 31 },
	{ .sentence = "Quán triệt (cấp tỉnh hoàn thành trong tháng 12/2022; cấp huyện hoàn thành trong tháng "
	  "01/2023; cấp cơ sở hoàn thành trước ngày 28/02/2023).",
	  .phrase = "cấp tỉnh hoàn thành trong tháng 12/2022; cấp huyện hoàn thành trong tháng 01/2023; cấp "
	  "cơ sở hoàn thành trước ngày 28/02/2023",
	  .kind = DL_MULTI,
	  .y = 2023,
	  .m = 2,
	  .d = 27 },
	/* a parenthesis that only lists documents is no deadline */
	{ .sentence = "Sơ kết các quy định (Quy định số 08-QĐ/TW; Quy định số 101-QĐ/TW) (hoàn thành trong "
	  "năm 2024).",
	  .phrase = "hoàn thành trong năm 2024",
	  .kind = DL_BY,
	  .y = 2024,
	  .m = 12,
	  .d = 31 },
	{ .sentence = "Thực hiện Nghị quyết Trung ương 4 (khóa XII, XIII).",
	  .phrase = NULL,
	  .kind = DL_NONE },
	/* inline in the sentence */
	{ .sentence = "Xây dựng kế hoạch cụ thể phù hợp với tình hình thực tế; hoàn thành trong quý II/2023.",
	  .phrase = "hoàn thành trong quý II/2023",
	  .kind = DL_BY,
	  .y = 2023,
	  .m = 6,
	  .d = 30 },
	{ .sentence = "Ban hành quy chế làm việc, hoàn thành trong tháng 3/2024.",
	  .phrase = "hoàn thành trong tháng 3/2024",
	  .kind = DL_BY,
	  .y = 2024,
	  .m = 3,
	  .d = 31 },
	{ .sentence = "Rà soát quy chế; thực hiện thường xuyên.",
	  .phrase = "thực hiện thường xuyên",
	  .kind = DL_ONGOING },
	{ .sentence = "Quán triệt Nghị quyết: cấp tỉnh hoàn thành trong tháng 12/2022; cấp huyện hoàn thành "
	  "trong tháng 01/2023; cấp cơ sở hoàn thành trước ngày 28/02/2023.",
	  .phrase = "cấp tỉnh hoàn thành trong tháng 12/2022; cấp huyện hoàn thành trong tháng 01/2023; cấp "
	  "cơ sở hoàn thành trước ngày 28/02/2023",
	  .kind = DL_MULTI,
	  .y = 2023,
	  .m = 2,
	  .d = 27 },
	/* a dated tail of a clause */
	{ .sentence = "Gửi báo cáo về Văn phòng Tỉnh ủy trước ngày 15/12/2023.",
	  .phrase = "trước ngày 15/12/2023",
	  .kind = DL_BY,
	  .y = 2023,
	  .m = 12,
	  .d = 14 },
	{ .sentence = "Báo cáo kết quả về Ban Thường vụ Tỉnh ủy vào tháng 12 hằng năm.",
	  .phrase = "vào tháng 12 hằng năm",
	  .kind = DL_ANNUAL,
	  .y = 0,
	  .m = 0,
	  .d = 0,
	  .month = 12 },
	{ .sentence = "Ban hành quy chế phối hợp trong quý III/2024.",
	  .phrase = "trong quý III/2024",
	  .kind = DL_BY,
	  .y = 2024,
	  .m = 9,
	  .d = 30 },
	{ .sentence = "Ban hành quy chế phối hợp trong quý hai năm 2024.",
	  .phrase = "trong quý hai năm 2024",
	  .kind = DL_BY,
	  .y = 2024,
	  .m = 6,
	  .d = 30 },
	{ .sentence = "Báo cáo kết quả về Ban Thường vụ Tỉnh ủy định kỳ hằng năm hoặc đột xuất.",
	  .phrase = "định kỳ hằng năm hoặc đột xuất",
	  .kind = DL_ANNUAL },
	{ .sentence = "Gửi báo cáo về Văn phòng Tỉnh ủy chậm nhất ngày 15/3/2024.",
	  .phrase = "chậm nhất ngày 15/3/2024",
	  .kind = DL_BY,
	  .y = 2024,
	  .m = 3,
	  .d = 15 },
	{ .sentence = "Báo cáo kết quả về Ban Thường vụ Tỉnh ủy hằng quý.",
	  .phrase = "hằng quý",
	  .kind = DL_ONGOING },
	/* words that only look like deadlines */
	{ .sentence = "Thành ủy thường xuyên lãnh đạo, cho chủ trương đổi mới những vấn đề lớn.",
	  .phrase = NULL,
	  .kind = DL_NONE },
	{ .sentence = "Thực hiện hiệu quả Chiến lược kiểm tra, giám sát của Đảng đến năm 2030; chú trọng "
	  "kiểm tra.",
	  .phrase = NULL,
	  .kind = DL_NONE },
	{ .sentence = "Xây dựng chuyên mục hỏi - đáp trên Cổng thông tin điện tử; cập nhật nội dung hằng tuần.",
	  .phrase = NULL,
	  .kind = DL_NONE },
	{ .sentence = "Hướng dẫn tổ chức đối thoại định kỳ giữa người đứng đầu cấp ủy với Nhân dân.",
	  .phrase = NULL,
	  .kind = DL_NONE },
	{ .sentence = "Tham mưu Ban Thường vụ thường xuyên rà soát, sửa đổi các quy định.",
	  .phrase = NULL,
	  .kind = DL_NONE },
	{ .sentence = "Khẩn trương, thường xuyên hoàn thiện Đề án vị trí việc làm.",
	  .phrase = NULL,
	  .kind = DL_NONE },
	{ .sentence = "Thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021.",
	  .phrase = NULL,
	  .kind = DL_NONE },
	{ .sentence = "Tổng kết việc thực hiện Kế hoạch số 12-KH/TW ngày 28/11/2022 của Bộ Chính trị.",
	  .phrase = NULL,
	  .kind = DL_NONE },
	{ .sentence = "Bố trí công tác đối với cán bộ sau khi bị kỷ luật...",
	  .phrase = NULL,
	  .kind = DL_NONE },
};

static void check_row(const struct row *row)
{
	struct imp_dl_found f[8];
	size_t n = imp_dl_find(row->sentence, strlen(row->sentence), f, 8);

	if (!row->phrase) {
		cr_expect_eq(n, 0, "%s: found '%.*s'", row->sentence, n ? (int)(f[0].end - f[0].start) : 0,
		             n ? row->sentence + f[0].start : "");
		return;
	}
	cr_expect_geq(n, 1, "%s: nothing found", row->sentence);
	if (n == 0)
		return;
	cr_expect_eq(f[0].end - f[0].start, strlen(row->phrase), "%s: '%.*s'", row->sentence,
	             (int)(f[0].end - f[0].start), row->sentence + f[0].start);
	cr_expect_eq(strncmp(row->sentence + f[0].start, row->phrase, strlen(row->phrase)), 0,
	             "%s: '%.*s'", row->sentence, (int)(f[0].end - f[0].start),
	             row->sentence + f[0].start);
	cr_expect_eq(f[0].dl.d.kind, row->kind, "%s: kind %s", row->sentence,
	             dl_kind_name(f[0].dl.d.kind));
	if (row->y)
		cr_expect_eq(dl_due(&f[0].dl), date_make(row->y, row->m, row->d), "%s", row->sentence);
	if (row->month)
		cr_expect_eq(f[0].dl.d.month, row->month, "%s", row->sentence);
}

/* JSON of a deadline, for comparing meanings (caller frees). */
static char *dl_json(const struct deadline *dl)
{
	json_t *j = dl_to_json(dl);
	char *s = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);

	json_decref(j);
	return s;
}

static char *want_json(const char *text)
{
	json_t *j = json_loads(text, 0, NULL);
	char *s;

	cr_assert_not_null(j, "bad JSON in the table: %s", text);
	s = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	return s;
}

/* The finder's half of the shared vocabulary (dl-vocab-table.h): every
 * phrase is found whole in a sentence (in parentheses, in italics, as a
 * clause) with the meaning dl_parse gives the phrase alone. */
Test(import_deadline, finder_and_reader_agree_on_the_whole_vocabulary)
{
	static const char *const forms[] = {
		"Tổ chức thực hiện Nghị quyết (%s).",
		"Tổ chức thực hiện Nghị quyết (*%s*).",
		"Xây dựng kế hoạch cụ thể phù hợp với tình hình thực tế; %s.",
	};

	for (size_t i = 0; i < VOCAB_NROWS; i++) {
		const char *phrase = vocab_rows[i].phrase;
		char *want = want_json(vocab_rows[i].json), *read;
		struct deadline alone;

		dl_parse(phrase, &alone);
		read = dl_json(&alone);
		cr_expect_str_eq(read, want, "reader: '%s'", phrase);
		for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
			char sentence[512], *got;
			struct imp_dl_found f[8];
			size_t n;

			snprintf(sentence, sizeof sentence, forms[k], phrase);
			n = imp_dl_find(sentence, strlen(sentence), f, 8);
			cr_expect_geq(n, 1, "finder: nothing in '%s'", sentence);
			if (n == 0)
				continue;
			cr_expect(f[0].end - f[0].start == strlen(phrase) &&
			          strncmp(sentence + f[0].start, phrase, strlen(phrase)) == 0,
			          "finder: '%s' in '%s', want '%s'", sentence + f[0].start, sentence, phrase);
			got = dl_json(&f[0].dl);
			cr_expect_str_eq(got, read, "'%s'", sentence);
			free(got);
		}
		free(read);
		free(want);
	}
}

struct line_row {
	const char *line;
	const char *phrase; /* NULL: not a section line */
};

static const struct line_row line_rows[] = {
	{ "Thời gian thực hiện: Thường xuyên.", "Thường xuyên" },
	{ "Thời gian thực hiện: quý II/2023", "quý II/2023" },
	{ "Thời hạn hoàn thành: trước ngày 30/6/2024.", "trước ngày 30/6/2024" },
	{ "Tiến độ: năm 2024;", "năm 2024" },
	{ "Thời gian thực hiện: quý hai năm 2024.", "quý hai năm 2024" },
	{ "Thời gian thực hiện: Định kỳ hằng năm hoặc đột xuất.", "Định kỳ hằng năm hoặc đột xuất" },
	{ "Thời gian qua, công tác cán bộ có nhiều chuyển biến.", NULL },
	{ "Thời gian thực hiện:", NULL },
	{ "Tham mưu thời gian thực hiện: quý II", NULL },
};

static void check_line(const struct line_row *row)
{
	size_t s = 0, e = 0;
	int ok = imp_dl_section_line(row->line, strlen(row->line), &s, &e);

	if (!row->phrase) {
		cr_expect_eq(ok, 0, "%s", row->line);
		return;
	}
	cr_expect_eq(ok, 1, "%s", row->line);
	if (!ok)
		return;
	cr_expect_eq(e - s, strlen(row->phrase), "%s: '%.*s'", row->line, (int)(e - s),
	             row->line + s);
	cr_expect_eq(strncmp(row->line + s, row->phrase, e - s), 0);
}

Test(import_deadline, finds_the_phrase_in_every_form_of_sentence)
{
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
		check_row(&rows[i]);
}

Test(import_deadline, reads_section_lines)
{
	for (size_t i = 0; i < sizeof line_rows / sizeof *line_rows; i++)
		check_line(&line_rows[i]);
}

/* When one task carries a dated phrase and "thường xuyên", the dated one
 * is its deadline; otherwise the first. */
Test(import_deadline, dated_phrase_governs_over_ongoing)
{
	const char *text = "II. NHIỆM VỤ\n"
	                   "- Ban hành Quy chế phối hợp (thực hiện thường xuyên). Phối hợp tốt "
	                   "trong việc bổ nhiệm (hoàn thành trong quý II/2023).\n"
	                   "- Lãnh đạo bầu cử (theo nhiệm kỳ). Phát huy vai trò (thực hiện "
	                   "thường xuyên).\n";
	struct imp_result *r = NULL;
	struct err e = {0};

	cr_assert_eq(imp_parse(text, strlen(text), NULL, NULL, 0, &r, &e), 0, "%s", e.msg);
	cr_assert_eq(r->ntasks, 2);
	cr_expect_str_eq(r->tasks[0].dl_phrase, "hoàn thành trong quý II/2023");
	cr_expect_eq(r->tasks[1].dl.d.kind, DL_TERM);
	cr_expect_str_eq(r->tasks[1].dl_phrase, "theo nhiệm kỳ");
	imp_free(r);
}
