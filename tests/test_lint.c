/* test_lint.c — "rõ việc, rõ người, rõ tiến độ": every rule firing and not
 * firing, at its boundaries, and over a store by document and unit. */
#include "lint.h"
#include "period.h"
#include "report-fixture.h"

TestSuite(lint, .init = rfx_open, .fini = rfx_close);
TestSuite(lint_task);

/* The engine's due of t with one report, on its last update (if any). */
static date_t due_of(const struct task *t, const struct periods *p)
{
	struct per_task pt;
	struct per_log l = {0};
	per_task_of(t, PER_LEVEL_NONE, p, &pt);
	if (t->last_update != DATE_NONE)
		per_log_add(&l, 1, t->last_update, DATE_NONE);
	date_t d = per_due(&pt, &l, DATE_NONE);
	per_log_free(&l);
	return d;
}

/* A task in memory: lead id (0 = none) and lead text, deadline phrase,
 * status, start and last update. */
static struct task mk(uint32_t lead, const char *lead_text, const char *phrase, int status,
                      date_t start, date_t last_update)
{
	struct task t;
	memset(&t, 0, sizeof t);
	t.lead = lead;
	t.lead_text = (char *)lead_text;
	dl_init(&t.dl);
	if (phrase)
		cr_assert_eq(dl_parse(phrase, &t.dl), 1, "%s", phrase);
	t.status = (uint8_t)status;
	t.extended_to = DATE_NONE;
	t.start = start;
	t.last_update = last_update;
	t.done_date = status == ST_DONE ? last_update : DATE_NONE;
	t.due = due_of(&t, NULL);
	return t;
}

#define BIT(r) (1u << (r))

Test(lint_task, a_clear_task_breaks_nothing)
{
	struct task t = mk(7, NULL, "hoàn thành trong năm 2026", ST_IN_PROGRESS, D(2026, 1, 5), DATE_NONE);
	cr_assert_eq(lint_task(&t, TODAY, NULL), 0);
}

Test(lint_task, no_lead_and_unresolved_lead)
{
	struct task t = mk(0, NULL, "hoàn thành trong năm 2026", ST_IN_PROGRESS, D(2026, 1, 5), DATE_NONE);
	cr_assert_eq(lint_task(&t, TODAY, NULL), BIT(LINT_NO_LEAD));
	t = mk(0, "", "hoàn thành trong năm 2026", ST_IN_PROGRESS, D(2026, 1, 5), DATE_NONE);
	cr_assert_eq(lint_task(&t, TODAY, NULL), BIT(LINT_NO_LEAD));
	t = mk(0, "Ban Kinh tế", "hoàn thành trong năm 2026", ST_DONE, D(2026, 1, 5), D(2026, 3, 1));
	cr_assert_eq(lint_task(&t, TODAY, NULL), BIT(LINT_UNRESOLVED_LEAD), "done tasks too");
	char buf[256];
	lint_detail(&t, LINT_UNRESOLVED_LEAD, TODAY, NULL, buf, sizeof buf);
	cr_assert(strstr(buf, "Ban Kinh tế"), "%s", buf);
	t = mk(0, "Văn phòng, các ban xây dựng Đảng của Tỉnh ủy", "hoàn thành trong năm 2026", ST_IN_PROGRESS,
	       D(2026, 1, 5), DATE_NONE);
	cr_assert_eq(lint_task(&t, TODAY, NULL), BIT(LINT_UNRESOLVED_LEAD));
	lint_detail(&t, LINT_UNRESOLVED_LEAD, TODAY, NULL, buf, sizeof buf);
	cr_assert(strstr(buf, "nhiệm vụ chung của nhiều cơ quan") && strstr(buf, "các ban"), "%s", buf);
}

Test(lint_task, no_deadline_unless_extended)
{
	struct task t = mk(7, NULL, NULL, ST_NOT_STARTED, D(2026, 1, 5), DATE_NONE);
	cr_assert_eq(lint_task(&t, TODAY, NULL), BIT(LINT_NO_DEADLINE));
	t.extended_to = D(2027, 1, 1);
	cr_assert_eq(lint_task(&t, TODAY, NULL), 0);
	t = mk(7, NULL, "theo yêu cầu của Trung ương", ST_NOT_STARTED, D(2026, 1, 5), DATE_NONE);
	cr_assert_eq(lint_task(&t, TODAY, NULL), 0, "a deadline of some kind is a deadline");
}

Test(lint_task, directive_overdue_after_its_expected_year_only)
{
	struct task t = mk(7, NULL, "sau khi có hướng dẫn của Trung ương (năm 2025)", ST_NOT_STARTED,
	                   D(2025, 1, 5), DATE_NONE);
	cr_assert_eq(lint_task(&t, D(2025, 12, 31), NULL), 0);
	cr_assert_eq(lint_task(&t, D(2026, 1, 1), NULL), BIT(LINT_DIRECTIVE_OVERDUE));
	char buf[256];
	lint_detail(&t, LINT_DIRECTIVE_OVERDUE, TODAY, NULL, buf, sizeof buf);
	cr_assert(strstr(buf, "Trung ương") && strstr(buf, "2025"), "%s", buf);
	t = mk(7, NULL, "sau khi có hướng dẫn của Trung ương", ST_NOT_STARTED, D(2025, 1, 5), DATE_NONE);
	cr_assert_eq(lint_task(&t, TODAY, NULL), 0, "no year: nothing to be late against");
	t = mk(7, NULL, "sau khi có hướng dẫn của Trung ương (năm 2025)", ST_DONE, D(2025, 1, 5),
	       D(2025, 6, 1));
	cr_assert_eq(lint_task(&t, TODAY, NULL), 0, "done tasks wait for nothing");
}

Test(lint_task, no_report_once_a_report_date_has_passed)
{
	/* December reports; 2025 reported on its last day: 2026 is owed on
	 * 31/12/2026, not yet on 23/11/2026 */
	struct task t = mk(7, NULL, "thực hiện thường xuyên", ST_IN_PROGRESS, D(2025, 3, 1), D(2025, 12, 31));
	cr_assert_eq(t.due, D(2026, 12, 31));
	cr_assert_eq(lint_task(&t, TODAY, NULL), 0);
	cr_assert_eq(lint_task(&t, D(2026, 12, 31), NULL), 0, "the report date itself is in time");
	cr_assert_eq(lint_task(&t, D(2027, 1, 1), NULL), BIT(LINT_NO_REPORT));
	char buf[256];
	lint_detail(&t, LINT_NO_REPORT, D(2027, 1, 2), NULL, buf, sizeof buf);
	cr_assert_str_eq(buf, "chưa báo cáo năm 2026 (hạn báo cáo 31/12/2026, trễ 2 ngày); lần cập nhật "
	                      "gần nhất 31/12/2025");
	/* never reported: 2025 is missed */
	t = mk(7, NULL, "thực hiện thường xuyên", ST_NOT_STARTED, D(2025, 3, 1), DATE_NONE);
	cr_assert_eq(lint_task(&t, TODAY, NULL), BIT(LINT_NO_REPORT));
	/* a report on 01/01/2026 settles the missed 2025, late */
	t = mk(7, NULL, "thực hiện thường xuyên", ST_IN_PROGRESS, D(2025, 3, 1), D(2026, 1, 1));
	cr_assert_eq(lint_task(&t, TODAY, NULL), 0);
}

Test(lint_task, annual_task_reports_at_the_end_of_its_own_month)
{
	/* "vào tháng 6 hằng năm" set in August 2025: the first report is due
	 * on 30/06/2026 */
	struct task t = mk(7, NULL, "vào tháng 6 hằng năm", ST_IN_PROGRESS, D(2025, 8, 1), DATE_NONE);
	cr_assert_eq(lint_task(&t, TODAY, NULL), BIT(LINT_NO_REPORT));
	t = mk(7, NULL, "vào tháng 6 hằng năm", ST_IN_PROGRESS, D(2025, 8, 1), D(2026, 6, 30));
	cr_assert_eq(t.due, D(2027, 6, 30));
	cr_assert_eq(lint_task(&t, TODAY, NULL), 0);
}

Test(lint_task, quarterly_reporting_moves_the_period)
{
	struct periods q = {(1u << 2) | (1u << 5) | (1u << 8) | (1u << 11)};
	struct task t = mk(7, NULL, "thực hiện thường xuyên", ST_IN_PROGRESS, D(2026, 7, 15), DATE_NONE);
	t.due = due_of(&t, &q);
	cr_assert_eq(t.due, D(2026, 9, 30));
	cr_assert_eq(lint_task(&t, TODAY, &q), BIT(LINT_NO_REPORT));
	t.last_update = D(2026, 9, 30);
	t.due = due_of(&t, &q);
	cr_assert_eq(lint_task(&t, TODAY, &q), 0, "the third quarter reported; the fourth not yet due");
	t.due = due_of(&t, NULL);
	cr_assert_eq(lint_task(&t, TODAY, NULL), 0, "yearly: owed on 31/12/2026");
}

Test(lint_task, no_report_spares_tasks_on_hold_future_and_extended)
{
	/* done for 2025 (reported 01/06/2025): 2026 not yet due */
	struct task t = mk(7, NULL, "thực hiện thường xuyên", ST_DONE, D(2025, 3, 1), D(2025, 6, 1));
	cr_assert_eq(lint_task(&t, TODAY, NULL), 0);
	cr_assert_eq(lint_task(&t, D(2027, 1, 1), NULL), BIT(LINT_NO_REPORT), "done for 2025 only");
	t = mk(7, NULL, "thực hiện thường xuyên", ST_ON_HOLD, D(2025, 3, 1), DATE_NONE);
	cr_assert_eq(lint_task(&t, TODAY, NULL), 0);
	t = mk(7, NULL, "thực hiện từ năm 2027", ST_NOT_STARTED, D(2026, 1, 5), DATE_NONE);
	cr_assert_eq(lint_task(&t, TODAY, NULL), 0, "starts next year");
	t = mk(7, NULL, "thực hiện thường xuyên", ST_IN_PROGRESS, D(2025, 3, 1), DATE_NONE);
	t.extended_to = D(2027, 1, 1);
	t.due = due_of(&t, NULL);
	cr_assert_eq(lint_task(&t, TODAY, NULL), 0);
}

Test(lint_task, rules_by_key_and_label)
{
	cr_assert_eq(lint_rule_parse("no_lead"), LINT_NO_LEAD);
	cr_assert_eq(lint_rule_parse("no-report"), LINT_NO_REPORT);
	cr_assert_eq(lint_rule_parse("khong co thoi han"), LINT_NO_DEADLINE);
	cr_assert_eq(lint_rule_parse("bogus"), -1);
	for (int r = 0; r < LINT_COUNT; r++)
		cr_assert_eq(lint_rule_parse(lint_rule_key((enum lint_rule)r)), r);
}

/* ---- over a store ---- */

static void run(uint64_t doc, uint32_t unit, unsigned rules, struct lint_item **v, size_t *n)
{
	struct err e = {0};
	struct lint_opts o = {doc, unit, rules, TODAY, NULL, NULL};
	const struct hier *h = rfx_hier();
	struct txn *t = rfx_read();
	cr_assert_eq(lint_run(t, h, &o, v, n, &e), 0, "%s", e.msg);
	store_read_end(t);
}

Test(lint, findings_carry_document_and_section_in_order)
{
	uint64_t d1 = rfx_doc("15-CTr/TU", "CTr", "tu", D(2025, 3, 1), DATE_NONE, NULL, NULL);
	uint64_t d2 = rfx_doc("42-KH/ThU", "KH", "thu", D(2025, 6, 1), DATE_NONE, NULL, NULL);
	uint64_t a = rfx_task(d1, "III.1#1", NULL, NULL, NULL);          /* no lead, no deadline */
	uint64_t b = rfx_task(d1, "III.1#2", NULL, "Sở Kế hoạch", "hoàn thành trong năm 2026");
	rfx_task(d1, "III.1#3", "tu-btc", NULL, "hoàn thành trong năm 2026"); /* clear */
	uint64_t c = rfx_task(d2, "III#1", "thu-btc", NULL, "thực hiện thường xuyên"); /* no report */
	uint64_t d = rfx_task(d2, "III#2", "thu-btc", NULL, "thực hiện thường xuyên");
	rfx_update(d, D(2026, 4, 1), -1, 30, "Đã báo cáo quý I");                      /* reported */
	uint64_t f = rfx_task(d2, "IV#1", "thu", NULL, "sau khi có quy định của Trung ương (năm 2025)");
	struct lint_item *v;
	size_t n;
	run(0, 0, 0, &v, &n);
	cr_assert_eq(n, 5);
	cr_assert_eq(v[0].task, a);
	cr_assert_eq(v[0].rule, LINT_NO_LEAD);
	cr_assert_eq(v[0].doc, d1);
	cr_assert_str_eq(v[0].section, "III.1#1");
	cr_assert_eq(v[1].task, a);
	cr_assert_eq(v[1].rule, LINT_NO_DEADLINE);
	cr_assert_eq(v[2].task, b);
	cr_assert_eq(v[2].rule, LINT_UNRESOLVED_LEAD);
	cr_assert_eq(v[3].task, c);
	cr_assert_eq(v[3].rule, LINT_NO_REPORT);
	cr_assert_eq(v[3].doc, d2);
	cr_assert(strstr(v[3].detail, "chưa báo cáo năm 2025 (hạn báo cáo 31/12/2025"), "%s", v[3].detail);
	cr_assert_eq(v[4].task, f);
	cr_assert_eq(v[4].rule, LINT_DIRECTIVE_OVERDUE);
	free(v);
	/* one document; one rule; one subtree (unresolved leads are out of it) */
	run(d2, 0, 0, &v, &n);
	cr_assert_eq(n, 2);
	free(v);
	run(0, 0, BIT(LINT_NO_DEADLINE), &v, &n);
	cr_assert_eq(n, 1);
	cr_assert_eq(v[0].task, a);
	free(v);
	run(0, rfx_unit("tu"), 0, &v, &n);
	cr_assert_eq(n, 2);
	cr_assert_eq(v[0].task, c);
	free(v);
}
