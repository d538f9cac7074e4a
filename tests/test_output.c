/* test_output.c — the output layer: CSV cells guarded against formulas and
 * control characters, numbers left as numbers, JSON with every control
 * character escaped; and the command line printing through it. */
#include "cli-run.c.inc"

#include "output.h"
#include "text.h"

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

/* ---- streamed tables ---- */

static const struct out_col stream_cols[] = {
	{"id", "Mã", OUT_INT, 0, 1, 0},
	{"shown", "Văn bản", OUT_STR, 0, 0, OUT_TEXT_ONLY},
	{"name", "Tên", OUT_STR, 12, 0, 0},
	{"code", "Mã ĐV", OUT_STR, 0, 0, 1},
	{"due", "Hạn", OUT_DATE, 0, 0, 0},
	{"list", "Danh sách", OUT_RAW, 0, 0, 1},
	{"note", "Ghi chú", OUT_STR, 0, 0, 0},
};

static void row_values(int k, char *id, char *name)
{
	snprintf(id, 24, "%d", k * 37 - 5);
	snprintf(name, 64, "Đơn vị số %d%s", k, k % 3 ? "" : " — \x1b[2J có tên rất dài");
}

/* Rows with every kind of cell: numbers (and a negative one), text that
 * is cut, control characters, dates, JSON arrays, empty cells. */
static void fill(struct out_table *t, int n)
{
	for (int k = 0; k < n; k++) {
		char id[24], name[64];
		row_values(k, id, name);
		const char *cells[] = {id,
		                       "#1 15-CTr/TU",
		                       name,
		                       k % 2 ? "tu-btc" : "=1+1",
		                       k % 4 ? "2026-11-23" : "",
		                       k % 2 ? "[\"a\", \"b\"]" : "[]",
		                       k % 5 ? "ghi chú\tmột, \"hai\"" : NULL};
		cr_assert_eq(out_row(t, cells), 0);
	}
}

static char *printed(int format, int n)
{
	struct out_table t;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	out_init(&t, stream_cols, OUT_NCOLS(stream_cols));
	fill(&t, n);
	cr_assert_eq(out_print(&t, format, f), 0);
	out_free(&t);
	fclose(f);
	return buf;
}

static char *streamed(int format, int n, size_t lookahead)
{
	struct out_table t;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	out_stream(&t, stream_cols, OUT_NCOLS(stream_cols), format, f);
	if (lookahead)
		t.lookahead = lookahead;
	fill(&t, n);
	cr_assert_eq(out_rows(&t), (size_t)n);
	cr_assert_eq(out_end(&t), 0);
	out_free(&t);
	fclose(f);
	return buf;
}

Test(output, streamed_tables_print_what_whole_tables_print)
{
	static const int sizes[] = {0, 1, 7, 3000};
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		for (int fmt = FMT_TEXT; fmt <= FMT_JSON; fmt++) {
			if (fmt == FMT_TEXT && sizes[i] > OUT_LOOKAHEAD)
				continue; /* beyond the look-ahead: the next test */
			char *want = printed(fmt, sizes[i]), *got = streamed(fmt, sizes[i], 0);
			cr_assert_str_eq(got, want, "format %d, %d rows", fmt, sizes[i]);
			free(want);
			free(got);
		}
	}
}

/* The n-th line of s (0 = first), malloc'd. */
static char *line_of(const char *s, int n)
{
	for (; n > 0 && s; n--)
		if ((s = strchr(s, '\n')))
			s++;
	cr_assert_not_null(s);
	return strndup(s, strcspn(s, "\n"));
}

Test(output, streamed_text_fixes_widths_on_its_look_ahead)
{
	/* Rows 0..2 (ids -5, 32, 69) fix the widths: the id column is 2 wide.
	 * Rows 3.. have 3-digit ids: each is printed whole and only its own
	 * line is pushed right by one.  The name column reached its max_width
	 * (12) in the look-ahead: later names are cut there, as out_print
	 * cuts them. */
	char *whole3 = printed(FMT_TEXT, 3), *got = streamed(FMT_TEXT, 8, 3);
	cr_assert(!strncmp(got, whole3, strlen(whole3)), "look-ahead rows differ:\n%s\n%s", got,
	          whole3);
	char *r0 = line_of(got, 1), *r2 = line_of(got, 3), *r3 = line_of(got, 4),
	     *r6 = line_of(got, 7);
	cr_assert(!strncmp(r0, "-5  #1 15-CTr/TU", 16), "'%s'", r0);
	cr_assert(!strncmp(r2, "69  #1 15-CTr/TU", 16), "'%s'", r2);
	cr_assert(!strncmp(r3, "106  #1 15-CTr/TU", 17), "'%s'", r3);
	cr_assert(!strncmp(r6, "217  #1 15-CTr/TU  Đơn vị số 6…  ", 37), "'%s'", r6);
	cr_assert_null(strstr(got, "\x1b"));
	free(r0), free(r2), free(r3), free(r6);
	free(whole3);
	free(got);
}

Test(output, streamed_json_rows_made_as_json)
{
	struct out_table t;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	json_t *all = json_array();
	out_stream(&t, stream_cols, OUT_NCOLS(stream_cols), FMT_JSON, f);
	for (int k = 0; k < 3; k++) {
		json_t *o = json_pack("{s:i, s:s, s:[s, {s:n}]}", "seq", k, "text", "dòng\x7f\xc2\x85",
		                      "nested", "x", "y");
		json_array_append(all, o);
		cr_assert_eq(out_row_json(&t, o), 0);
	}
	cr_assert_eq(out_end(&t), 0);
	out_free(&t);
	fclose(f);
	char *want = NULL;
	size_t wlen = 0;
	FILE *g = open_memstream(&want, &wlen);
	cr_assert_eq(out_json_print(all, g), 0);
	fclose(g);
	cr_assert_str_eq(buf, want);
	json_decref(all);
	free(buf);
	free(want);
}

Test(output, streamed_table_reports_a_failed_write)
{
	FILE *f = fopen("/dev/full", "w");
	cr_assert_not_null(f);
	struct out_table t;
	out_stream(&t, stream_cols, OUT_NCOLS(stream_cols), FMT_CSV, f);
	int rc = 0;
	for (int k = 0; k < 5000 && !rc; k++) {
		const char *cells[] = {"1", "", "một dòng đủ dài để đầy bộ đệm", "", "", "", ""};
		rc = out_row(&t, cells);
	}
	cr_assert_eq(rc, ERR_IO, "the rows after a failed write are not refused");
	cr_assert_eq(out_end(&t), ERR_IO);
	out_free(&t);
	fclose(f);
}

/* out_min_width: the id column sized for an id the look-ahead has not seen
 * yet, only when rows come past the look-ahead. */
static char *streamed_min(int n, size_t lookahead, int minw)
{
	struct out_table t;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	out_stream(&t, stream_cols, OUT_NCOLS(stream_cols), FMT_TEXT, f);
	t.lookahead = lookahead;
	out_min_width(&t, 0, minw);
	fill(&t, n);
	cr_assert_eq(out_end(&t), 0);
	out_free(&t);
	fclose(f);
	return buf;
}

Test(output, streamed_text_minimum_width_for_rows_past_the_look_ahead)
{
	/* 8 rows past a look-ahead of 3: the id column is 4 wide from the
	 * start, so the 3-digit ids of rows 3.. line up with the first ones */
	char *got = streamed_min(8, 3, 4);
	char *hdr = line_of(got, 0), *r0 = line_of(got, 1), *r3 = line_of(got, 4);
	cr_assert(!strncmp(hdr, "  Mã  Văn bản", strlen("  Mã  Văn bản")), "'%s'", hdr);
	cr_assert(!strncmp(r0, "  -5  #1 15-CTr/TU", 18), "'%s'", r0);
	cr_assert(!strncmp(r3, " 106  #1 15-CTr/TU", 18), "'%s'", r3);
	free(hdr), free(r0), free(r3);
	free(got);
	/* within the look-ahead: exactly what out_print prints */
	char *small = streamed_min(3, 3, 4), *whole = printed(FMT_TEXT, 3);
	cr_assert_str_eq(small, whole);
	free(small);
	free(whole);
}

/* out_json_str writes what out_json_dumps writes of json_string(s), and
 * refuses what json_string refuses: random strings over the bytes that
 * matter (controls, quotes, DEL, the lead bytes of C1 and U+2028, UTF-8
 * of every length, invalid sequences). */
Test(output, json_str_is_the_dump_of_a_json_string)
{
	static const unsigned char pool[] = {
		'a', ' ', '"', '\\', '/', 0x01, 0x08, 0x09, 0x0a, 0x0c, 0x0d, 0x1b, 0x1f, 0x7f,
		0xc2, 0x80, 0x9b, 0x9f, 0xa0, 0xe2, 0xa8, 0xa9, 0xaa, 0xc3, 0xa1, 0xe1, 0xbb, 0x87,
		0xed, 0xa0, 0xf0, 0x9f, 0x98, 0x80, 0xf4, 0x90, 0xc0, 0xff, 0xe0};
	unsigned seed = 12345;
	int valid = 0, invalid = 0;
	for (int k = 0; k < 20000; k++) {
		char s[16];
		int n = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 15;
		for (int i = 0; i < n; i++)
			s[i] = (char)pool[((seed = seed * 1103515245u + 12345u) >> 16) % sizeof pool];
		s[n] = '\0';
		json_t *j = json_string(s);
		struct sbuf b = {0};
		sbuf_puts(&b, "x");
		int rc = out_json_str(&b, s);
		if (!j) {
			cr_assert_eq(rc, -1, "'%s' is not UTF-8 but was written", s);
			cr_assert_str_eq(b.s, "x", "a refused string left output");
			invalid++;
		} else {
			char *want = out_json_dumps(j, JSON_ENCODE_ANY | JSON_COMPACT);
			cr_assert_eq(rc, 0);
			cr_assert_str_eq(b.s + 1, want, "string #%d", k);
			free(want);
			valid++;
		}
		json_decref(j);
		sbuf_free(&b);
	}
	cr_assert_gt(valid, 1000);
	cr_assert_gt(invalid, 1000);
}

/* JSON rows written without jansson print what jansson prints: raw
 * literals and numbers (and the odd ones left to jansson), integers,
 * empty cells, a cell that is not UTF-8 (jansson leaves its member out). */
Test(output, streamed_json_rows_are_jansson_s)
{
	static const struct out_col cols[] = {
		{"n", "N", OUT_INT, 0, 0, 0},
		{"raw", "R", OUT_RAW, 0, 0, 1},
		{"s", "S", OUT_STR, 0, 0, 0},
		{"d", "D", OUT_DATE, 0, 0, 0},
	};
	static const char *const rows[][4] = {
		{"12", "true", "a\x7f\xc2\x85\xe2\x80\xa8", "2026-11-23"},
		{"-3", "false", "", ""},
		{"x", "null", "\xff", "2026-01-01"},
		{"", "-0", "\"q\"\\", NULL},
		{"007", "007", "ok", "bad\xc3"},
		{"1", "12345678901234567890", "\t", "2026-02-03"},
		{"2", "[1, {\"a\": [true]}]", "x", ""},
		{"3", "{}", "x", ""},
		{"4", "not json", "x", ""},
		{"\xff", "", "\xc3", "\xc3"},
	};
	struct out_table whole, st;
	char *a = NULL, *b = NULL;
	size_t la = 0, lb = 0;
	FILE *fa = open_memstream(&a, &la), *fb = open_memstream(&b, &lb);
	out_init(&whole, cols, OUT_NCOLS(cols));
	out_stream(&st, cols, OUT_NCOLS(cols), FMT_JSON, fb);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		out_row(&whole, rows[i]);
		cr_assert_eq(out_row(&st, rows[i]), 0);
	}
	cr_assert_eq(out_print(&whole, FMT_JSON, fa), 0);
	cr_assert_eq(out_end(&st), 0);
	out_free(&whole);
	out_free(&st);
	fclose(fa);
	fclose(fb);
	cr_assert_str_eq(b, a);
	free(a);
	free(b);
}

/* Every text cell is laid out as txt_pad (or, in the last column,
 * txt_trunc) lays out its sanitised text: wide characters, combining
 * marks, controls, cells that fit exactly, cells one column too wide,
 * right-aligned numbers, a hidden column between them. */
Test(output, text_cells_laid_out_as_txt_pad_does)
{
	static const struct out_col cols[] = {
		{"n", "Số", OUT_INT, 0, 1, 0},
		{"x", "X", OUT_STR, 0, 0, 1},
		{"name", "Tên", OUT_STR, 6, 0, 0},
		{"note", "Ghi chú", OUT_STR, 5, 0, 0},
	};
	static const char *const rows[][4] = {
		{"7", "ẩn", "中文字", "abcde"},             /* wide: 6 columns; exact fit */
		{"12345", "", "Tie\xcc\x82\xcc\x81n", "abcdef"}, /* marks; one too wide */
		{"-3", "x", "a\x1b[2Jb", "\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97"},
		{"0", "y", "中文字x", "ab\tc"},             /* 7 columns: cut */
	};
	struct out_table t;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	out_stream(&t, cols, OUT_NCOLS(cols), FMT_TEXT, f);
	for (size_t r = 0; r < 4; r++)
		cr_assert_eq(out_row(&t, rows[r]), 0);
	cr_assert_eq(out_end(&t), 0);
	out_free(&t);
	fclose(f);

	int w[] = {5, 0, 6, 5}; /* the widths the cells ask, capped */
	for (size_t r = 0; r < 4; r++) {
		struct sbuf want = {0};
		for (int c = 0; c < 4; c++) {
			if (c == 1)
				continue;
			char *clean = txt_sanitize(rows[r][c]);
			if (c)
				sbuf_puts(&want, "  ");
			if (c == 3) {
				char *cut = txt_trunc(clean, w[c]);
				sbuf_puts(&want, cut);
				free(cut);
			} else {
				txt_pad(&want, clean, w[c], cols[c].right);
			}
			free(clean);
		}
		while (want.len && want.s[want.len - 1] == ' ')
			want.s[--want.len] = '\0';
		char *got = line_of(buf, (int)r + 1);
		cr_assert_str_eq(got, want.s, "row %zu", r);
		free(got);
		sbuf_free(&want);
	}
	free(buf);
}
