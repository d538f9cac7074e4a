/* dl-vocab-table.h — the vocabulary of deadline phrases as one table, read
 * by both paths: tests/test_deadline.c checks what dl_parse() makes of each
 * phrase, tests/test_import_deadline.c that the importer's finder finds the
 * same phrase, whole, in a sentence and gives it the same meaning.  A form
 * added to dl-vocab.c gets its row here. */
#ifndef THEODOI_TEST_DL_VOCAB_TABLE_H
#define THEODOI_TEST_DL_VOCAB_TABLE_H

struct vocab_row {
	const char *phrase;  /* as a plan writes it */
	const char *json;    /* dl_to_json() of its meaning */
};

static const struct vocab_row vocab_rows[] = {
	/* quarters: Roman, digits, words; "/" or "năm" before the year */
	{ "hoàn thành trong quý II/2024", "{\"kind\":\"by\",\"due\":\"2024-06-30\"}" },
	{ "hoàn thành trong quý 2/2024", "{\"kind\":\"by\",\"due\":\"2024-06-30\"}" },
	{ "hoàn thành trong quý hai năm 2024", "{\"kind\":\"by\",\"due\":\"2024-06-30\"}" },
	{ "hoàn thành trong quý II năm 2024", "{\"kind\":\"by\",\"due\":\"2024-06-30\"}" },
	{ "hoàn thành trong quý 2 năm 2024", "{\"kind\":\"by\",\"due\":\"2024-06-30\"}" },
	{ "hoàn thành trong quý một năm 2025", "{\"kind\":\"by\",\"due\":\"2025-03-31\"}" },
	{ "hoàn thành trong quý ba năm 2025", "{\"kind\":\"by\",\"due\":\"2025-09-30\"}" },
	{ "hoàn thành trong quý tư năm 2025", "{\"kind\":\"by\",\"due\":\"2025-12-31\"}" },
	{ "hoàn thành trong quý IV-2025", "{\"kind\":\"by\",\"due\":\"2025-12-31\"}" },
	/* halves of a year */
	{ "hoàn thành trong 6 tháng đầu năm 2024", "{\"kind\":\"by\",\"due\":\"2024-06-30\"}" },
	{ "hoàn thành trong sáu tháng đầu năm 2024", "{\"kind\":\"by\",\"due\":\"2024-06-30\"}" },
	{ "hoàn thành trong 6 tháng cuối năm 2024", "{\"kind\":\"by\",\"due\":\"2024-12-31\"}" },
	{ "hoàn thành trong sáu tháng cuối năm 2024", "{\"kind\":\"by\",\"due\":\"2024-12-31\"}" },
	{ "hoàn thành trong nửa đầu năm 2025", "{\"kind\":\"by\",\"due\":\"2025-06-30\"}" },
	{ "hoàn thành cuối năm 2025", "{\"kind\":\"by\",\"due\":\"2025-12-31\"}" },
	{ "hoàn thành đầu năm 2025", "{\"kind\":\"by\",\"due\":\"2025-03-31\"}" },
	{ "hoàn thành giữa năm 2025", "{\"kind\":\"by\",\"due\":\"2025-06-30\"}" },
	/* months and years */
	{ "hoàn thành trong tháng 3/2024", "{\"kind\":\"by\",\"due\":\"2024-03-31\"}" },
	{ "hoàn thành trong tháng 02 năm 2024", "{\"kind\":\"by\",\"due\":\"2024-02-29\"}" },
	{ "hoàn thành trong năm 2024", "{\"kind\":\"by\",\"due\":\"2024-12-31\"}" },
	{ "hoàn thành năm 2025", "{\"kind\":\"by\",\"due\":\"2025-12-31\"}" },
	/* days */
	{ "hoàn thành trước ngày 28/02/2023", "{\"kind\":\"by\",\"due\":\"2023-02-27\"}" },
	{ "hoàn thành trước ngày 15 tháng 12 năm 2024", "{\"kind\":\"by\",\"due\":\"2024-12-14\"}" },
	{ "chậm nhất ngày 15/3/2024", "{\"kind\":\"by\",\"due\":\"2024-03-15\"}" },
	{ "chậm nhất trong quý III/2024", "{\"kind\":\"by\",\"due\":\"2024-09-30\"}" },
	/* "đến hết" */
	{ "thực hiện đến hết năm 2025", "{\"kind\":\"by\",\"due\":\"2025-12-31\"}" },
	{ "thực hiện đến hết quý II/2025", "{\"kind\":\"by\",\"due\":\"2025-06-30\"}" },
	/* from, range: "từ năm … đến năm …" */
	{ "thực hiện từ năm 2023", "{\"kind\":\"from\",\"start\":\"2023-01-01\",\"every\":null}" },
	{ "thực hiện từ quý III/2024", "{\"kind\":\"from\",\"start\":\"2024-07-01\",\"every\":null}" },
	{ "thực hiện từ năm 2024 đến năm 2026",
	  "{\"kind\":\"range\",\"start\":\"2024-01-01\",\"due\":\"2026-12-31\"}" },
	{ "thực hiện từ năm 2024 - 2026", "{\"kind\":\"range\",\"start\":\"2024-01-01\",\"due\":\"2026-12-31\"}" },
	{ "giai đoạn 2021 - 2025", "{\"kind\":\"range\",\"start\":\"2021-01-01\",\"due\":\"2025-12-31\"}" },
	{ "từ quý III/2024 đến hết quý II/2025",
	  "{\"kind\":\"range\",\"start\":\"2024-07-01\",\"due\":\"2025-06-30\"}" },
	/* yearly */
	{ "thực hiện hằng năm", "{\"kind\":\"annual\",\"month\":null}" },
	{ "thực hiện hàng năm", "{\"kind\":\"annual\",\"month\":null}" },
	{ "định kỳ hằng năm", "{\"kind\":\"annual\",\"month\":null}" },
	{ "báo cáo vào tháng 12 hằng năm", "{\"kind\":\"annual\",\"month\":12}" },
	{ "báo cáo hằng năm vào tháng 11", "{\"kind\":\"annual\",\"month\":11}" },
	{ "báo cáo trước ngày 15/12 hằng năm", "{\"kind\":\"annual\",\"month\":12}" },
	{ "định kỳ hằng năm hoặc đột xuất", "{\"kind\":\"annual\",\"month\":null}" },
	{ "định kỳ hằng năm hoặc khi có yêu cầu", "{\"kind\":\"annual\",\"month\":null}" },
	/* half-yearly */
	{ "báo cáo 6 tháng một lần", "{\"kind\":\"ongoing\",\"every\":\"half\"}" },
	{ "báo cáo sáu tháng một lần", "{\"kind\":\"ongoing\",\"every\":\"half\"}" },
	{ "định kỳ 6 tháng", "{\"kind\":\"ongoing\",\"every\":\"half\"}" },
	{ "định kỳ 6 tháng, hằng năm", "{\"kind\":\"ongoing\",\"every\":\"half\"}" },
	/* quarterly */
	{ "báo cáo hằng quý", "{\"kind\":\"ongoing\",\"every\":\"quarter\"}" },
	{ "báo cáo hàng quý", "{\"kind\":\"ongoing\",\"every\":\"quarter\"}" },
	{ "định kỳ hằng quý", "{\"kind\":\"ongoing\",\"every\":\"quarter\"}" },
	{ "hằng quý hoặc đột xuất", "{\"kind\":\"ongoing\",\"every\":\"quarter\"}" },
	{ "báo cáo mỗi quý một lần", "{\"kind\":\"ongoing\",\"every\":\"quarter\"}" },
	{ "báo cáo 6 tháng/lần", "{\"kind\":\"ongoing\",\"every\":\"half\"}" },
	/* monthly */
	{ "báo cáo hằng tháng", "{\"kind\":\"ongoing\",\"every\":\"month\"}" },
	{ "định kỳ hằng tháng", "{\"kind\":\"ongoing\",\"every\":\"month\"}" },
	/* a rhythm after a start */
	{ "thực hiện từ năm 2024, báo cáo hằng quý",
	  "{\"kind\":\"from\",\"start\":\"2024-01-01\",\"every\":\"quarter\"}" },
	/* no rhythm of its own: the configured reporting months */
	{ "báo cáo định kỳ", "{\"kind\":\"ongoing\",\"every\":null}" },
	{ "thực hiện thường xuyên", "{\"kind\":\"ongoing\",\"every\":null}" },
	{ "thường xuyên, liên tục", "{\"kind\":\"ongoing\",\"every\":null}" },
	/* the kinds without a date */
	{ "theo nhiệm kỳ", "{\"kind\":\"term\"}" },
	{ "theo yêu cầu của Trung ương", "{\"kind\":\"on_request\",\"by\":\"Trung ương\"}" },
	{ "sau khi có hướng dẫn của Trung ương",
	  "{\"kind\":\"after_directive\",\"by\":\"Trung ương\",\"year\":null}" },
	{ "chờ hướng dẫn của Tỉnh ủy", "{\"kind\":\"after_directive\",\"by\":\"Tỉnh ủy\",\"year\":null}" },
	{ "thực hiện theo lộ trình", "{\"kind\":\"roadmap\"}" },
	{ "thực hiện theo Kế hoạch số 121-KH/TU", "{\"kind\":\"per_document\",\"ref\":\"121-KH/TU\"}" },
	/* levels */
	{ "cấp tỉnh: hoàn thành trong quý II/2024; cấp huyện: hoàn thành trong quý III/2024",
	  "{\"kind\":\"multi\",\"parts\":["
	  "{\"level\":\"tỉnh\",\"kind\":\"by\",\"due\":\"2024-06-30\"},"
	  "{\"level\":\"huyện\",\"kind\":\"by\",\"due\":\"2024-09-30\"}]}" },
	{ "cấp tỉnh hoàn thành trong quý hai năm 2024; cấp huyện hoàn thành trong quý III/2024; cấp "
	  "cơ sở thực hiện hằng quý",
	  "{\"kind\":\"multi\",\"parts\":["
	  "{\"level\":\"tỉnh\",\"kind\":\"by\",\"due\":\"2024-06-30\"},"
	  "{\"level\":\"huyện\",\"kind\":\"by\",\"due\":\"2024-09-30\"},"
	  "{\"level\":\"cơ sở\",\"kind\":\"ongoing\",\"every\":\"quarter\"}]}" },
};

#define VOCAB_NROWS (sizeof vocab_rows / sizeof vocab_rows[0])

#endif
