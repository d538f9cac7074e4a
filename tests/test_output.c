/* test_output.c — the output layer: CSV cells guarded against formulas and
 * control characters, numbers left as numbers, JSON with every control
 * character escaped; and the command line printing through it. */
#include "cli-run.c.inc"

#include "output.h"

static char *cell(const char *s, int numeric)
{
	struct sbuf b = {0};
	out_csv_cell(&b, s, numeric);
	return b.s ? sbuf_detach(&b) : strdup("");
}

static void cell_is(const char *in, int numeric, const char *want)
{
	char *got = cell(in, numeric);
	cr_assert_str_eq(got, want, "cell of '%s': got '%s', want '%s'", in, got, want);
	free(got);
}

Test(output, csv_formula_starts_are_quoted_as_text)
{
	cell_is("=HYPERLINK(\"http://x\",\"y\")", 0, "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	cell_is("+1", 0, "\"'+1\"");
	cell_is("-1", 0, "\"'-1\"");
	cell_is("@SUM(A1)", 0, "\"'@SUM(A1)\"");
	cell_is("\t=1", 0, "\"'\t=1\"");
	cell_is("\r=1", 0, "\"'\n=1\"");
	/* not at the start: plain text */
	cell_is("a=b", 0, "a=b");
	cell_is("Ban Tổ chức", 0, "Ban Tổ chức");
	cell_is("", 0, "");
}

Test(output, csv_numbers_stay_numbers_in_numeric_cells)
{
	cell_is("-3", 1, "-3");
	cell_is("12.5", 1, "12.5");
	cell_is("0", 1, "0");
	/* not a plain number: the text rule */
	cell_is("-3e5", 1, "\"'-3e5\"");
	cell_is("-", 1, "\"'-\"");
	cell_is("1.", 1, "1.");
	cell_is("=1", 1, "\"'=1\"");
}

Test(output, csv_never_emits_control_characters)
{
	/* ESC [2J, BEL, C1 CSI (U+009B), DEL; tab and newline stay */
	char *got = cell("admin\x1b[2J\x07\xc2\x9b\x7fok\tx\ny", 0);
	cr_assert_str_eq(got, "\"admin\xe2\x90\x9b[2J\xe2\x90\x87\xef\xbf\xbd\xe2\x90\xa1ok\tx\ny\"",
	                 "%s", got);
	for (const unsigned char *p = (const unsigned char *)got; *p; p++) {
		cr_assert(*p >= 0x20 || *p == '\t' || *p == '\n', "control 0x%02x in '%s'", *p, got);
		cr_assert(*p != 0x7f);
		cr_assert(!(p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f), "C1 in '%s'", got);
	}
	free(got);
	/* CR LF and a lone CR are LF */
	cell_is("a\r\nb\rc", 0, "\"a\nb\nc\"");
}

Test(output, table_csv_keeps_negative_integers_and_guards_text)
{
	static const struct out_col cols[] = {
		{"n", "Số", OUT_INT, 0, 1, 0},
		{"text", "Nội dung", OUT_STR, 0, 0, 0},
	};
	struct out_table t;
	out_init(&t, cols, 2);
	const char *r1[] = {"-5", "-5"};
	const char *r2[] = {"7", "=1+1"};
	out_row(&t, r1);
	out_row(&t, r2);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_eq(out_print(&t, FMT_CSV, f), 0);
	fclose(f);
	cr_assert_str_eq(buf, "n,text\r\n-5,\"'-5\"\r\n7,\"'=1+1\"\r\n", "%s", buf);
	free(buf);
	out_free(&t);
}

Test(output, json_escapes_del_c1_and_line_separators)
{
	json_t *j = json_pack("{s:s}", "t", "a\x1b\x7f\xc2\x85\xc2\x9f\xe2\x80\xa8\xe2\x80\xa9ỗ");
	char *s = out_json_dumps(j, JSON_COMPACT);
	cr_assert_str_eq(s, "{\"t\":\"a\\u001B\\u007F\\u0085\\u009F\\u2028\\u2029ỗ\"}", "%s", s);
	/* and it reads back to the same text */
	json_t *back = json_loads(s, 0, NULL);
	cr_assert(json_equal(j, back));
	json_decref(back);
	free(s);
	json_decref(j);
	/* nothing to escape: the same text as jansson's */
	j = json_pack("{s:s, s:i}", "t", "Tỉnh ủy", "n", -3);
	s = out_json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	cr_assert_str_eq(s, "{\"n\":-3,\"t\":\"Tỉnh ủy\"}", "%s", s);
	free(s);
	json_decref(j);
}

Test(output, json_print_writes_no_raw_c1)
{
	json_t *j = json_pack("[s]", "x\xc2\x9b" "2J");
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_eq(out_json_print(j, f), 0);
	fclose(f);
	cr_assert(strstr(buf, "x\\u009B2J"), "%s", buf);
	free(buf);
	json_decref(j);
}

/* End to end: a task text that is a formula comes out of `tasks` and
 * `report` in CSV as text. */
Test(output, cli_csv_outputs_quote_formulas)
{
	const char *st = fx_demo();
	struct run r = fx_run(NULL, st, "add-task", "--doc", "1", "--text",
	                      "=HYPERLINK(\"http://evil\",\"bấm\")", "--lead", "tu-btc", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "tasks", "--doc", "1", "--format", "csv", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "\"'=HYPERLINK("), "%s", r.out);
	cr_assert_null(strstr(r.out, ",=HYPERLINK"), "%s", r.out);
	cr_assert_null(strstr(r.out, ",\"=HYPERLINK"), "%s", r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "report", "--doc", "1", "--format", "csv", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "\"'=HYPERLINK("), "%s", r.out);
	fx_free(&r);
}
