/* test_badinput.c — bad input through the command line, one test per case
 * of issue 5, item 8: invalid UTF-8, control and escape characters (never
 * stored, and never sent raw to the terminal when a store holds them), very
 * long text, empty required values, dates that do not exist, progress out
 * of range, ids that do not exist.  Each is refused with a clear message
 * and an exit status, and changes nothing. */
#include "cli-run.c.inc"

#include "admin-conf.h"
#include "store.h"
#include "util.h"

#define TASK "12" /* an open task of the demo, led by tu-btc */

static void refused(struct run r, int status, const char *want, const char *what)
{
	cr_assert_eq(r.status, status, "%s: exit %d, stderr: %s", what, r.status, r.err);
	cr_assert(strstr(r.err, want), "%s: '%s' lacks '%s'", what, r.err, want);
	cr_assert_eq(r.out[0], '\0', "%s printed: %s", what, r.out);
	fx_free(&r);
}

Test(badinput, invalid_utf8_is_refused_naming_the_column)
{
	const char *st = fx_demo();
	long n = fx_nupdates(st, TASK);
	refused(fx_run(NULL, st, "update", TASK, "--note", "ab\xff" "cd", NULL), 3, "cột 3",
	        "note");
	refused(fx_run(NULL, st, "update", TASK, "--note", "Đã \xc3\x28 xong", NULL), 3, "UTF-8",
	        "note, a bad continuation");
	refused(fx_run(NULL, st, "extend", TASK, "--to", "2027-12-31", "--reason", "\xed\xa0\x80",
	               NULL), 3, "UTF-8", "reason, a surrogate");
	refused(fx_run(NULL, st, "add-doc", "--title", "K\xc0\xaf", NULL), 3, "UTF-8",
	        "title, an overlong form");
	refused(fx_run(NULL, st, "add-task", "--doc", "1", "--text", "\xfe", NULL), 3, "UTF-8",
	        "task text");
	refused(fx_run(NULL, st, "return", TASK, "--reason", "x\x80", NULL), 3, "UTF-8",
	        "return reason");
	cr_assert_eq(fx_nupdates(st, TASK), n);
}

Test(badinput, control_and_escape_characters_are_refused)
{
	const char *st = fx_demo();
	long n = fx_nupdates(st, TASK);
	refused(fx_run(NULL, st, "update", TASK, "--note", "đỏ \x1b[31mchữ\x1b[0m", NULL), 3,
	        "ký tự điều khiển", "an escape sequence");
	refused(fx_run(NULL, st, "update", TASK, "--note", "chuông \a", NULL), 3,
	        "ký tự điều khiển", "BEL");
	refused(fx_run(NULL, st, "update", TASK, "--note", "C1 \xc2\x9b" "2J", NULL), 3,
	        "ký tự điều khiển", "a C1 CSI");
	refused(fx_run(NULL, st, "add-doc", "--title", "Hai\ndòng", NULL), 3, "xuống dòng",
	        "a newline in a title");
	cr_assert_eq(fx_nupdates(st, TASK), n);
}

/* Every byte that could drive a terminal: ESC, other C0 but '\n' (and
 * '\r', '\t' where CSV allows them), DEL; with c1, also the C1 CSI
 * (U+009B). */
static void no_raw_controls(const char *s, const char *what, int c1)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		cr_assert(!((*p < 0x20 && *p != '\n') || *p == 0x7f), "%s: byte 0x%02x at %ld", what, *p,
		          (long)(p - (const unsigned char *)s));
	if (c1)
		cr_assert_null(strstr(s, "\xc2\x9b"), "%s: a C1 CSI", what);
}

/* Write `text` as the text of task id, straight into the store: what a
 * store written by another program, or by an older import-json, holds. */
struct evil_text {
	uint64_t id;
	const char *text;
};

static int w_evil_text(struct txn *t, void *ctx, struct err *e)
{
	struct evil_text *x = ctx;
	struct task k;
	int rc = store_task_get(t, x->id, &k, e);
	if (rc)
		return rc;
	free(k.text);
	k.text = strdup(x->text);
	rc = store_task_put(t, &k, e);
	task_free(&k);
	return rc;
}

Test(badinput, controls_already_in_a_store_never_reach_the_terminal_raw)
{
	/* import-json refuses them now (test_backup.c): put them in the store
	 * as another program could */
	const char *st = fx_demo();
	const char *nst = st;
	struct store *sto = NULL;
	struct err e = {0};
	cr_assert_eq(store_open(st, 0, &sto, &e), 0, "%s", e.msg);
	struct task k;
	struct txn *t;
	cr_assert_eq(store_read_begin(sto, &t, &e), 0, "%s", e.msg);
	cr_assert_eq(store_task_get(t, 12, &k, &e), 0, "%s", e.msg);
	store_read_end(t);
	struct sbuf b = {0};
	sbuf_printf(&b, "\x1b]0;pwned\x07\x1b[2J\xc2\x9b" "31m\r\x08X\x7f%s", k.text);
	char *evil = sbuf_detach(&b);
	task_free(&k);
	struct evil_text x = {12, evil};
	cr_assert_eq(store_write(sto, w_evil_text, &x, &e), 0, "%s", e.msg);
	store_close(sto);
	free(evil);
	struct run r;
	static const char *const cmds[][4] = {{"show", TASK, NULL, NULL},
	                                      {"show", TASK, "--format", "json"},
	                                      {"tasks", "--unit", "tu-btc", NULL},
	                                      {"tasks", "--unit", "tu-btc", "--format=json"},
	                                      {"tasks", "--unit", "tu-btc", "--format=csv"},
	                                      {"report", "--unit", "tu-btc", "--format=csv"},
	                                      {"report", "--unit", "tu-btc", "--format=json"},
	                                      {"export", NULL, NULL, NULL},
	                                      {"log", "--limit", "3", NULL}};
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		r = fx_run(NULL, nst, cmds[i][0], cmds[i][1], cmds[i][2], cmds[i][3], NULL);
		cr_assert_eq(r.status, 0, "%s: %s", cmds[i][0], r.err);
		/* CSV ends its records with CR LF: take those out first */
		for (char *q = r.out; (q = strstr(q, "\r\n")); q++)
			*q = ' ';
		no_raw_controls(r.out, cmds[i][0], 1);
		fx_free(&r);
	}
	r = fx_run(NULL, nst, "show", TASK, NULL);
	cr_assert(strstr(r.out, "Tham mưu sắp xếp"), "the visible text stays: %s", r.out);
	cr_assert(strstr(r.out, "␛]0;pwned␇␛[2J"), "the controls are shown for what they are: %s",
	          r.out);
	fx_free(&r);
}

static int w_lost_lead(struct txn *t, void *ctx, struct err *e)
{
	(void)ctx;
	struct task k;
	int rc = store_task_get(t, 12, &k, e);
	if (rc)
		return rc;
	k.lead = 999;
	rc = store_task_put(t, &k, e);
	task_free(&k);
	return rc;
}

/* Issue 14: a lead that does not exist went unnoticed by check-store. */
Test(badinput, check_store_reports_a_dangling_lead_that_repair_cannot_mend)
{
	const char *st = fx_demo();
	struct store *sto = NULL;
	struct err e = {0};
	cr_assert_eq(store_open(st, 0, &sto, &e), 0, "%s", e.msg);
	cr_assert_eq(store_write(sto, w_lost_lead, NULL, &e), 0, "%s", e.msg);
	store_close(sto);
	struct run r = fx_run(NULL, st, "check-store", NULL);
	cr_assert_eq(r.status, 6, "%d %s %s", r.status, r.out, r.err);
	cr_assert(strstr(r.out, "nhiệm vụ 12: đơn vị chủ trì 999 không tồn tại"), "%s", r.out);
	cr_assert(strstr(r.err, "--repair"), "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "check-store", "--repair", NULL);
	cr_assert_eq(r.status, 6, "%d %s %s", r.status, r.out, r.err);
	cr_assert(strstr(r.out, "nhiệm vụ 12: đơn vị chủ trì 999 không tồn tại"), "%s", r.out);
	cr_assert(strstr(r.err, "tham chiếu treo thì không"), "%s", r.err);
	fx_free(&r);
}

Test(badinput, very_long_text_is_bounded_with_a_clear_message)
{
	const char *st = fx_demo();
	long n = fx_nupdates(st, TASK);
	char *big = malloc(30001);
	memset(big, 'a', 30000);
	big[30000] = '\0';
	big[4001] = '\0';
	refused(fx_run(NULL, st, "update", TASK, "--note", big, NULL), 3, "quá dài", "a note");
	big[4001] = 'a';
	big[2001] = '\0';
	refused(fx_run(NULL, st, "extend", TASK, "--to", "2027-12-31", "--reason", big, NULL), 3,
	        "quá dài", "a reason");
	big[2001] = 'a';
	refused(fx_run(NULL, st, "add-task", "--doc", "1", "--text", big, NULL), 3, "quá dài",
	        "a task's text");
	/* at the bound it is accepted */
	big[4000] = '\0';
	struct run r = fx_run(NULL, st, "update", TASK, "--note", big, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	free(big);
	cr_assert_eq(fx_nupdates(st, TASK), n + 1);
}

Test(badinput, empty_values_where_a_value_is_required)
{
	const char *st = fx_demo();
	long n = fx_nupdates(st, TASK);
	refused(fx_run(NULL, st, "update", TASK, "--note", "  \t ", NULL), 3, "cần ít nhất một",
	        "an empty note alone");
	refused(fx_run(NULL, st, "update", TASK, NULL), 3, "cần ít nhất một", "no value at all");
	refused(fx_run(NULL, st, "extend", TASK, "--to", "2027-12-31", "--reason", " ", NULL), 3,
	        "lý do", "an empty reason");
	refused(fx_run(NULL, st, "add-doc", "--title", " ", NULL), 3, "trích yếu", "an empty title");
	refused(fx_run(NULL, st, "add-task", "--doc", "1", "--text", "", NULL), 3, "nội dung",
	        "an empty task");
	refused(fx_run(NULL, st, "return", TASK, "--reason", "", NULL), 3, "lý do",
	        "an empty reason to return");
	refused(fx_run(NULL, st, "update", "", "--note", "x", NULL), 3, "mã nhiệm vụ", "no task");
	cr_assert_eq(fx_nupdates(st, TASK), n);
}

Test(badinput, dates_that_do_not_exist)
{
	const char *st = fx_demo();
	static const char *const bad[] = {"31/02/2024", "00/13/2023", "2023-02-29", "32/01/2025"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		refused(fx_run(NULL, st, "extend", TASK, "--to", bad[i], "--reason", "x", NULL), 3,
		        bad[i], "extend --to");
		refused(fx_run(NULL, st, "--today", bad[i], "overdue", NULL), 2, bad[i], "--today");
		refused(fx_run(NULL, st, "log", "--since", bad[i], NULL), 2, bad[i], "log --since");
		refused(fx_run(NULL, st, "add-doc", "--title", "K", "--date", bad[i], NULL), 3, bad[i],
		        "add-doc --date");
	}
	/* 29/02 of a leap year exists */
	struct run r = fx_run(NULL, st, "extend", TASK, "--to", "29/02/2028", "--reason", "x", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
}

Test(badinput, progress_outside_0_to_100)
{
	const char *st = fx_demo();
	long n = fx_nupdates(st, TASK);
	static const char *const bad[] = {"-1", "101", "abc", "50%", "", "1e2", " 50"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		refused(fx_run(NULL, st, "update", TASK, "--progress", bad[i], NULL), 3, "0 đến 100",
		        bad[i]);
	cr_assert_eq(fx_nupdates(st, TASK), n);
}

Test(badinput, ids_that_do_not_exist)
{
	const char *st = fx_demo();
	refused(fx_run(NULL, st, "update", "99999", "--note", "x", NULL), 5, "#99999", "update");
	refused(fx_run(NULL, st, "show", "99999", NULL), 5, "#99999", "show");
	refused(fx_run(NULL, st, "extend", "99999", "--to", "2027-12-31", "--reason", "x", NULL), 5,
	        "#99999", "extend");
	refused(fx_run(NULL, st, "confirm", "99999", NULL), 5, "#99999", "confirm");
	refused(fx_run(NULL, st, "return", "99999", "--reason", "x", NULL), 5, "#99999", "return");
	refused(fx_run(NULL, st, "update", "abc", "--note", "x", NULL), 3, "abc", "not a number");
	refused(fx_run(NULL, st, "update", "0", "--note", "x", NULL), 3, "'0'", "id 0");
	refused(fx_run(NULL, st, "update", "-4", "--note", "x", NULL), 2, "không có tùy chọn -4",
	        "a negative id reads as an option");
	refused(fx_run(NULL, st, "log", "--task", "12x", NULL), 3, "12x", "log --task");
	refused(fx_run(NULL, st, "tasks", "--unit", "khong-co", NULL), 5, "khong-co", "a unit");
	refused(fx_run(NULL, st, "add-task", "--doc", "9999", "--text", "x", NULL), 5, "9999",
	        "a document");
	refused(fx_run(NULL, st, "add-task", "--doc", "1", "--text", "x", "--lead", "khong-co", NULL),
	        5, "khong-co", "a lead unit");
}
