/* test_import_samples.c — the two sample plans of ../shared/samples
 * against their hand-checked expected imports: at least 95 % of the tasks
 * found with the right lead, deadline and text; every miss and the score
 * are printed on stderr (a Criterion warning would fail the run).
 *
 * Each plan is scored in every shape an office receives it: the text, the
 * .docx (with typed and with automatic numbering), .odt, .doc and .pdf
 * (read by theodoi-extract, $BUILD/theodoi-extract), and the text in the
 * legacy encodings made here from the UTF-8 text (Windows-1258, TCVN3,
 * VNI, UTF-16, and UTF-8 that went through Windows-1252).  Text that went
 * through a page is made here too: the .pdf through pdftotext (plain and
 * -layout), the text hard-wrapped at nine widths, and the text with page
 * numbers and a running header between its pages.  One line per shape
 * goes to stderr: the table of the quality of the import. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcntl.h>
#include <iconv.h>
#include <sys/wait.h>
#include <unistd.h>

#include "import.h"
#include "intake.h"
#include "text.h"
#include "util.h"

#define SAMPLES "../shared/samples/"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = xmalloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static int str_eq_null(const json_t *a, const json_t *b)
{
	int an = !a || json_is_null(a), bn = !b || json_is_null(b);

	if (an || bn)
		return an && bn;
	if (json_is_string(a) && json_is_string(b))
		return txt_fold_eq(json_string_value(a), json_string_value(b));
	return json_equal((json_t *)a, (json_t *)b);
}

/* Does the deadline we produced (got) agree with an expected reading?
 * Every field the expected object names must match ("part" descriptions
 * excepted). */
static int dl_match(const json_t *want, const json_t *got)
{
	const char *key;
	json_t *v;

	json_object_foreach((json_t *)want, key, v) {
		json_t *g = json_object_get(got, key);

		if (!strcmp(key, "part"))
			continue;
		if (!strcmp(key, "parts")) {
			size_t i;
			json_t *p;

			if (!json_is_array(g) || json_array_size(g) != json_array_size(v))
				return 0;
			json_array_foreach(v, i, p)
				if (!dl_match(p, json_array_get(g, i)))
					return 0;
			continue;
		}
		if (!str_eq_null(v, g))
			return 0;
	}
	return 1;
}

static int dl_ok(const json_t *exp, const json_t *got)
{
	const json_t *alt = json_object_get(exp, "deadline_alt");
	size_t i;
	json_t *a;

	if (dl_match(json_object_get(exp, "deadline"), got))
		return 1;
	json_array_foreach((json_t *)alt, i, a)
		if (dl_match(a, got))
			return 1;
	return 0;
}

static const json_t *find_section(const json_t *tasks, const char *section)
{
	size_t i;
	json_t *t;

	json_array_foreach((json_t *)tasks, i, t)
		if (!strcmp(json_string_value(json_object_get(t, "section")), section))
			return t;
	return NULL;
}

/* The lead as expected: the same text, or, where the hand-checked lead is
 * null because no single unit leads, a group lead (lead_group) that the
 * importer keeps as text without a unit. */
static int lead_ok(const json_t *exp, const json_t *got)
{
	const json_t *want = json_object_get(exp, "lead");

	if (str_eq_null(want, json_object_get(got, "lead")))
		return 1;
	return json_is_null(want) && json_is_true(json_object_get(got, "lead_group")) &&
	       json_is_null(json_object_get(got, "lead_unit"));
}

static int starts_with(const char *text, const char *prefix)
{
	return text && prefix && !strncmp(text, prefix, strlen(prefix));
}

/* "... của Nhà nước. 3": a page number left after a sentence's end. */
static int page_number_tail(const char *t)
{
	size_t n = strlen(t), k = n;
	while (k > 0 && t[k - 1] >= '0' && t[k - 1] <= '9')
		k--;
	if (k == n || n - k > 3 || k < 3)
		return 0;
	return (t[k - 1] == ' ' || t[k - 1] == '\n') && (t[k - 2] == '.' || t[k - 2] == ';');
}

/* Import a sample and score it; prints the misses.  Returns the share of
 * expected tasks matched. */
static double score_file(const char *name, const char *shape, const char *file, json_t **got_out,
                         json_t **exp_out)
{
	char path[256], helper[256];
	size_t i, matched = 0, n, extra = 0, found = 0, lead_ok_n = 0, dl_ok_n = 0, furniture = 0;
	struct imp_result *r = NULL;
	struct err e = {0};
	json_error_t je;
	json_t *exp, *got, *et, *gt;
	struct intake in;
	const char *build = getenv("BUILD");

	snprintf(helper, sizeof helper, "%s/theodoi-extract", build && *build ? build : "build");
	struct intake_opts io = {-1, helper, 0};
	cr_assert_eq(intake_read(file, &io, &in, &e), 0, "%s: %s", file, e.msg);
	cr_assert_eq(imp_parse(in.text, in.len, file, NULL, 0, &r, &e), 0, "%s", e.msg);
	intake_free(&in);
	snprintf(path, sizeof path, SAMPLES "%s.expected.json", name);
	exp = json_load_file(path, 0, &je);
	cr_assert_not_null(exp, "%s: %s", path, je.text);
	got = imp_to_json(r, NULL);
	n = json_array_size(json_object_get(exp, "tasks"));
	json_array_foreach(json_object_get(exp, "tasks"), i, et) {
		const char *sec = json_string_value(json_object_get(et, "section"));
		const char *why = NULL;

		gt = (json_t *)find_section(json_object_get(got, "tasks"), sec);
		found += gt != NULL;
		if (gt && lead_ok(et, gt))
			lead_ok_n++;
		if (gt && dl_ok(et, json_object_get(gt, "deadline")))
			dl_ok_n++;
		if (!gt)
			why = "không tìm thấy";
		else if (!lead_ok(et, gt))
			why = "đơn vị chủ trì khác";
		else if (!dl_ok(et, json_object_get(gt, "deadline")))
			why = "thời hạn khác";
		else if (!starts_with(json_string_value(json_object_get(gt, "text")),
		                      json_string_value(json_object_get(et, "text_start"))))
			why = "nội dung khác";
		if (!why) {
			matched++;
			continue;
		}
		{
			char *ws = json_dumps(et, JSON_COMPACT);
			char *gs = gt ? json_dumps(gt, JSON_COMPACT) : NULL;

			fprintf(stderr, "miss %s %s: %s\n  expected %s\n  got      %s\n", name, sec,
			        why, ws, gs ? gs : "(none)");
			free(ws);
			free(gs);
		}
	}
	json_array_foreach(json_object_get(got, "tasks"), i, gt) {
		const char *t = json_string_value(json_object_get(gt, "text"));
		if (!find_section(json_object_get(exp, "tasks"),
		                  json_string_value(json_object_get(gt, "section")))) {
			fprintf(stderr, "extra %s %s\n", name,
			        json_string_value(json_object_get(gt, "section")));
			extra++;
		}
		/* Page furniture glued into a task: a running header, or a page
		 * number after the end of a sentence. */
		if (t && (strstr(t, "ĐẢNG CỘNG SẢN") || strstr(t, "\f") || page_number_tail(t))) {
			fprintf(stderr, "furniture %s %s: %s\n", name,
			        json_string_value(json_object_get(gt, "section")), t);
			furniture++;
		}
	}
	fprintf(stderr, "%-22s %-14s found %3zu/%zu  lead %.3f  deadline %.3f  all %.3f  extra %zu  "
	        "furniture %zu\n", name, shape, found, n, n ? (double)lead_ok_n / (double)n : 0,
	        n ? (double)dl_ok_n / (double)n : 0, n ? (double)matched / (double)n : 0, extra,
	        furniture);
	cr_expect_leq(extra * 20, n, "%s: %zu tasks found that are not expected", name, extra);
	cr_expect_eq(furniture, 0, "%s (%s): page furniture in %zu tasks", name, shape, furniture);
	if (strcmp(shape, "text")) {
		/* every shape is held to each figure, not only to the whole */
		cr_expect_geq(n ? (double)lead_ok_n / (double)n : 0, 0.95, "%s (%s): lead", name, shape);
		cr_expect_geq(n ? (double)dl_ok_n / (double)n : 0, 0.95, "%s (%s): deadline", name,
		              shape);
		cr_expect_eq(extra, 0, "%s (%s): %zu extra tasks", name, shape, extra);
	}
	imp_free(r);
	*got_out = got;
	*exp_out = exp;
	return n ? (double)matched / (double)n : 0;
}

static double score(const char *name, json_t **got_out, json_t **exp_out)
{
	char path[256];
	snprintf(path, sizeof path, SAMPLES "%s.txt", name);
	if (access(path, R_OK))
		cr_skip_test("sample %s absent", path);
	return score_file(name, "text", path, got_out, exp_out);
}

static void check_doc(const json_t *exp, const json_t *got);
static void check_indicators(const json_t *exp, const json_t *got);
static void check_groups(const char *name, const json_t *got);

/* ---- the other shapes -------------------------------------------------- */

/* A temporary file holding bytes; the caller unlinks it. */
static void write_temp(char *path, size_t len, const char *bytes, size_t n)
{
	snprintf(path, len, "/tmp/theodoi-sample-XXXXXX");
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, bytes, n), (ssize_t)n);
	close(fd);
}

/* The sample text through iconv into `to`. */
static char *through_iconv(const char *to, const char *s, size_t n, size_t *outlen)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	cr_assert_neq(cd, (iconv_t)-1, "iconv to %s", to);
	size_t cap = n * 4 + 16, left = cap;
	char *out = xmalloc(cap), *op = out, *ip = (char *)s;
	size_t il = n;
	cr_assert_neq(iconv(cd, &ip, &il, &op, &left), (size_t)-1, "iconv to %s", to);
	iconv_close(cd);
	*outlen = (size_t)(op - out);
	return out;
}

/* VNI-Windows, written independently of the reader: each letter as its
 * base letter and the byte of its marks (the VNI keyboard's table). */
static char *to_vni(const char *s, size_t n, size_t *outlen)
{
	static const struct {
		const char *letter;
		const char *vni; /* Windows-1252 bytes */
	} t[] = {
		{"à", "a\xf8"}, {"á", "a\xf9"}, {"ả", "a\xfb"}, {"ã", "a\xf5"}, {"ạ", "a\xef"},
		{"â", "a\xe2"}, {"ầ", "a\xe0"}, {"ấ", "a\xe1"}, {"ẩ", "a\xe5"}, {"ẫ", "a\xe3"},
		{"ậ", "a\xe4"}, {"ă", "a\xea"}, {"ằ", "a\xe8"}, {"ắ", "a\xe9"}, {"ẳ", "a\xfa"},
		{"ẵ", "a\xfc"}, {"ặ", "a\xeb"}, {"è", "e\xf8"}, {"é", "e\xf9"}, {"ẻ", "e\xfb"},
		{"ẽ", "e\xf5"}, {"ẹ", "e\xef"}, {"ê", "e\xe2"}, {"ề", "e\xe0"}, {"ế", "e\xe1"},
		{"ể", "e\xe5"}, {"ễ", "e\xe3"}, {"ệ", "e\xe4"}, {"ì", "\xec"},  {"í", "\xed"},
		{"ỉ", "\xe6"},  {"ĩ", "\xf3"},  {"ị", "\xf2"},  {"ò", "o\xf8"}, {"ó", "o\xf9"},
		{"ỏ", "o\xfb"}, {"õ", "o\xf5"}, {"ọ", "o\xef"}, {"ô", "o\xe2"}, {"ồ", "o\xe0"},
		{"ố", "o\xe1"}, {"ổ", "o\xe5"}, {"ỗ", "o\xe3"}, {"ộ", "o\xe4"}, {"ơ", "\xf4"},
		{"ờ", "\xf4\xf8"}, {"ớ", "\xf4\xf9"}, {"ở", "\xf4\xfb"}, {"ỡ", "\xf4\xf5"},
		{"ợ", "\xf4\xef"}, {"ù", "u\xf8"}, {"ú", "u\xf9"}, {"ủ", "u\xfb"}, {"ũ", "u\xf5"},
		{"ụ", "u\xef"}, {"ư", "\xf6"},  {"ừ", "\xf6\xf8"}, {"ứ", "\xf6\xf9"},
		{"ử", "\xf6\xfb"}, {"ữ", "\xf6\xf5"}, {"ự", "\xf6\xef"}, {"ỳ", "y\xf8"},
		{"ý", "y\xf9"}, {"ỷ", "y\xfb"}, {"ỹ", "y\xf5"}, {"ỵ", "\xee"},  {"đ", "\xf1"},
		{"À", "A\xd8"}, {"Á", "A\xd9"}, {"Ả", "A\xdb"}, {"Ã", "A\xd5"}, {"Ạ", "A\xcf"},
		{"Â", "A\xc2"}, {"Ầ", "A\xc0"}, {"Ấ", "A\xc1"}, {"Ẩ", "A\xc5"}, {"Ẫ", "A\xc3"},
		{"Ậ", "A\xc4"}, {"Ă", "A\xca"}, {"Ằ", "A\xc8"}, {"Ắ", "A\xc9"}, {"Ẳ", "A\xda"},
		{"Ẵ", "A\xdc"}, {"Ặ", "A\xcb"}, {"È", "E\xd8"}, {"É", "E\xd9"}, {"Ẻ", "E\xdb"},
		{"Ẽ", "E\xd5"}, {"Ẹ", "E\xcf"}, {"Ê", "E\xc2"}, {"Ề", "E\xc0"}, {"Ế", "E\xc1"},
		{"Ể", "E\xc5"}, {"Ễ", "E\xc3"}, {"Ệ", "E\xc4"}, {"Ì", "\xcc"},  {"Í", "\xcd"},
		{"Ỉ", "\xc6"},  {"Ĩ", "\xd3"},  {"Ị", "\xd2"},  {"Ò", "O\xd8"}, {"Ó", "O\xd9"},
		{"Ỏ", "O\xdb"}, {"Õ", "O\xd5"}, {"Ọ", "O\xcf"}, {"Ô", "O\xc2"}, {"Ồ", "O\xc0"},
		{"Ố", "O\xc1"}, {"Ổ", "O\xc5"}, {"Ỗ", "O\xc3"}, {"Ộ", "O\xc4"}, {"Ơ", "\xd4"},
		{"Ờ", "\xd4\xd8"}, {"Ớ", "\xd4\xd9"}, {"Ở", "\xd4\xdb"}, {"Ỡ", "\xd4\xd5"},
		{"Ợ", "\xd4\xcf"}, {"Ù", "U\xd8"}, {"Ú", "U\xd9"}, {"Ủ", "U\xdb"}, {"Ũ", "U\xd5"},
		{"Ụ", "U\xcf"}, {"Ư", "\xd6"},  {"Ừ", "\xd6\xd8"}, {"Ứ", "\xd6\xd9"},
		{"Ử", "\xd6\xdb"}, {"Ữ", "\xd6\xd5"}, {"Ự", "\xd6\xcf"}, {"Ỳ", "Y\xd8"},
		{"Ý", "Y\xd9"}, {"Ỷ", "Y\xdb"}, {"Ỹ", "Y\xd5"}, {"Ỵ", "\xce"},  {"Đ", "\xd1"},
	};
	struct sbuf b = {0};
	for (size_t i = 0; i < n;) {
		size_t k = 0;
		for (size_t j = 0; j < sizeof t / sizeof t[0] && !k; j++) {
			size_t l = strlen(t[j].letter);
			if (i + l <= n && !memcmp(s + i, t[j].letter, l)) {
				sbuf_puts(&b, t[j].vni);
				k = l;
			}
		}
		if (!k) {
			/* anything else the plans hold is ASCII or typography that
			 * Windows-1252 has: keep ASCII, drop the rest to a space */
			if ((unsigned char)s[i] < 0x80)
				sbuf_putc(&b, s[i]);
			else
				sbuf_putc(&b, ' ');
			k = 1;
			while (i + k < n && ((unsigned char)s[i + k] & 0xc0) == 0x80)
				k++;
		}
		i += k;
	}
	*outlen = b.len;
	return sbuf_detach(&b);
}

/* Bytes as Windows-1252 read them, saved as UTF-8 (its five undefined
 * bytes read as Latin-1): the mojibake of a wrong "open as". */
static char *as_cp1252_utf8(const char *s, size_t n, size_t *outlen)
{
	static const unsigned short hi[32] = {
		0x20ac, 0x81,   0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160,
		0x2039, 0x0152, 0x8d,   0x017d, 0x8f,   0x90,   0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
		0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,   0x017e, 0x0178};
	struct sbuf b = {0};
	for (size_t i = 0; i < n; i++) {
		unsigned c = (unsigned char)s[i];
		if (c >= 0x80 && c < 0xa0)
			c = hi[c - 0x80];
		if (c < 0x80) {
			sbuf_putc(&b, (char)c);
		} else if (c < 0x800) {
			sbuf_putc(&b, (char)(0xc0 | (c >> 6)));
			sbuf_putc(&b, (char)(0x80 | (c & 0x3f)));
		} else {
			sbuf_putc(&b, (char)(0xe0 | (c >> 12)));
			sbuf_putc(&b, (char)(0x80 | ((c >> 6) & 0x3f)));
			sbuf_putc(&b, (char)(0x80 | (c & 0x3f)));
		}
	}
	*outlen = b.len;
	return sbuf_detach(&b);
}

/* Lines of s longer than `width` characters broken at the last space
 * that fits, as a mail program or a copy from a page does: paragraphs
 * stay where they are, no blank line is added. */
static char *hard_wrap(const char *s, size_t n, size_t width, size_t *outlen)
{
	struct sbuf b = {0};
	size_t i = 0;

	while (i < n) {
		size_t end = i, cols = 0, brk = 0;

		while (end < n && s[end] != '\n')
			end++;
		/* emit [i, end) in pieces of at most `width` characters */
		for (size_t k = i; k < end; k++) {
			if (((unsigned char)s[k] & 0xc0) == 0x80)
				continue;
			if (s[k] == ' ')
				brk = k;
			if (++cols > width && brk > i) {
				sbuf_add(&b, s + i, brk - i);
				sbuf_putc(&b, '\n');
				i = brk + 1;
				k = i - 1;
				cols = 0;
				brk = 0;
			}
		}
		sbuf_add(&b, s + i, end - i);
		if (end < n)
			sbuf_putc(&b, '\n');
		i = end + 1;
	}
	*outlen = b.len;
	return sbuf_detach(&b);
}

/* s with a page break after every `every` lines, wherever it falls (in a
 * paragraph too): the page number as "- N -" (then a form feed) and the
 * running header of the next page, as text copied from a printed plan. */
static char *with_pages(const char *s, size_t n, int every, size_t *outlen)
{
	struct sbuf b = {0};
	int line = 0, page = 1;

	for (size_t i = 0; i < n; i++) {
		sbuf_putc(&b, s[i]);
		if (s[i] == '\n' && ++line % every == 0 && i + 1 < n) {
			char furniture[96];

			page++;
			snprintf(furniture, sizeof furniture,
			         page % 2 ? "- %d -\n\fĐẢNG CỘNG SẢN VIỆT NAM\n"
			                  : "                    - %d -\n\n\fĐẢNG CỘNG SẢN VIỆT NAM\n\n",
			         page);
			sbuf_puts(&b, furniture);
		}
	}
	*outlen = b.len;
	return sbuf_detach(&b);
}

/* The text of a PDF as pdftotext gives it (with -layout when layout), in
 * a temporary file. */
static void pdftotext(const char *pdf, int layout, char *out, size_t len)
{
	int fd;
	pid_t pid;
	int status;

	snprintf(out, len, "/tmp/theodoi-pdftotext-XXXXXX");
	fd = mkstemp(out);
	cr_assert_geq(fd, 0);
	close(fd);
	pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		int devnull = open("/dev/null", O_WRONLY);
		if (devnull >= 0)
			dup2(devnull, 2);
		if (layout)
			execlp("pdftotext", "pdftotext", "-enc", "UTF-8", "-layout", pdf, out,
			       (char *)NULL);
		else
			execlp("pdftotext", "pdftotext", "-enc", "UTF-8", pdf, out, (char *)NULL);
		_exit(127);
	}
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	          "pdftotext %s failed (is poppler-utils installed? make deps)", pdf);
}

enum shape { SH_DOCX, SH_AUTONUM, SH_ODT, SH_DOC, SH_PDF, SH_CP1258, SH_TCVN3, SH_VNI, SH_UTF16,
             SH_MOJIBAKE, SH_PDFTOTEXT, SH_PDFTOTEXT_LAYOUT, SH_PAGED, SH_WRAPPED_PAGED,
             SH_WRAPPED /* + width: SH_WRAPPED + 50 is the text wrapped at 50 columns */ };

/* Score sample `name` in one shape: a file of ../shared/samples, or its
 * text converted here. */
static void score_shape(const char *name, enum shape sh)
{
	static const char *const ext[] = {"docx", "autonum.docx", "odt", "doc", "pdf"};
	static const char *const label[] = {"docx", "autonum.docx", "odt", "doc", "pdf",
	                                    "windows-1258", "tcvn3", "vni", "utf-16", "mojibake",
	                                    "pdftotext", "pdftotext-layout", "pages",
	                                    "wrap 72+pages"};
	char path[256], tmp[64] = "", wlabel[32];
	const char *lab = sh < SH_WRAPPED ? label[sh] : wlabel;
	json_t *got, *exp;
	if (sh >= SH_WRAPPED)
		snprintf(wlabel, sizeof wlabel, "wrap %d", (int)(sh - SH_WRAPPED));
	if (sh == SH_PDFTOTEXT || sh == SH_PDFTOTEXT_LAYOUT) {
		snprintf(path, sizeof path, SAMPLES "%s.pdf", name);
		if (access(path, R_OK))
			cr_skip_test("sample %s absent", path);
		pdftotext(path, sh == SH_PDFTOTEXT_LAYOUT, tmp, sizeof tmp);
		str_copy(path, tmp, sizeof path);
	} else if (sh <= SH_PDF) {
		snprintf(path, sizeof path, SAMPLES "%s.%s", name, ext[sh]);
		if (access(path, R_OK))
			cr_skip_test("sample %s absent", path);
	} else {
		size_t len, n = 0;
		snprintf(path, sizeof path, SAMPLES "%s.txt", name);
		char *text = slurp(path, &len), *bytes = NULL;
		if (!text)
			cr_skip_test("sample %s absent", path);
		switch (sh) {
		case SH_CP1258: bytes = through_iconv("CP1258//TRANSLIT", text, len, &n); break;
		case SH_TCVN3: bytes = through_iconv("TCVN5712-1//TRANSLIT", text, len, &n); break;
		case SH_VNI: bytes = to_vni(text, len, &n); break;
		case SH_UTF16: bytes = through_iconv("UTF-16", text, len, &n); break;
		case SH_PAGED: bytes = with_pages(text, len, 45, &n); break;
		case SH_WRAPPED_PAGED: {
			size_t m;
			char *w = hard_wrap(text, len, 72, &m);
			bytes = with_pages(w, m, 45, &n);
			free(w);
			break;
		}
		case SH_MOJIBAKE: {
			size_t m;
			char *cp = through_iconv("CP1258//TRANSLIT", text, len, &m);
			bytes = as_cp1252_utf8(cp, m, &n);
			free(cp);
			break;
		}
		default: bytes = hard_wrap(text, len, (size_t)(sh - SH_WRAPPED), &n); break;
		}
		write_temp(tmp, sizeof tmp, bytes, n);
		free(bytes);
		free(text);
		str_copy(path, tmp, sizeof path);
	}
	double s = score_file(name, lab, path, &got, &exp);
	if (tmp[0])
		unlink(tmp);
	cr_expect_geq(s, 0.95, "%s (%s): score %.3f", name, lab, s);
	check_doc(exp, got);
	check_indicators(exp, got);
	check_groups(name, got);
	json_decref(got);
	json_decref(exp);
}

static void check_doc(const json_t *exp, const json_t *got)
{
	const json_t *ed = json_object_get(exp, "doc"), *gd = json_object_get(got, "doc");

	cr_expect(str_eq_null(json_object_get(ed, "kind"), json_object_get(gd, "kind")));
	cr_expect(str_eq_null(json_object_get(ed, "number"), json_object_get(gd, "number")));
	cr_expect(str_eq_null(json_object_get(ed, "issuer"), json_object_get(gd, "issuer")),
	          "issuer %s", json_string_value(json_object_get(gd, "issuer")));
	cr_expect(json_equal(json_object_get(ed, "implements"), json_object_get(gd, "implements")));
	cr_expect(str_eq_null(json_object_get(ed, "signer"), json_object_get(gd, "signer")));
	cr_expect(str_eq_null(json_object_get(ed, "signer_role"),
	                      json_object_get(gd, "signer_role")));
}

/* The leads of each sample that name a group of bodies (lead_group, the
 * tasks theodoi opens to their units), checked by hand; every other lead
 * names one unit or none. */
static const char *const group_leads[][5] = {
	{"tinh-uy-chuong-trinh", "Cấp ủy, tổ chức đảng",
	 "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", NULL},
	{"thanh-uy-ke-hoach", "Các cấp ủy, tổ chức cơ sở đảng trực thuộc Thành ủy",
	 "Các cấp ủy, tổ chức đảng", "Thành ủy, Ban Thường vụ Thành ủy, các cấp ủy, tổ chức đảng",
	 "Văn phòng, các ban xây dựng Đảng của Thành ủy"},
};

static void check_groups(const char *name, const json_t *got)
{
	const char *const *g = NULL;
	size_t i, ngroup = 0;
	json_t *t;

	for (size_t s = 0; s < sizeof group_leads / sizeof group_leads[0]; s++)
		if (!strcmp(group_leads[s][0], name))
			g = group_leads[s] + 1;
	cr_assert_not_null(g, "no group leads listed for %s", name);
	json_array_foreach(json_object_get(got, "tasks"), i, t) {
		const char *lead = json_string_value(json_object_get(t, "lead"));
		int want = 0;
		for (int k = 0; lead && k < 4 && g[k]; k++)
			want |= starts_with(lead, g[k]);
		ngroup += want;
		cr_expect_eq(json_is_true(json_object_get(t, "lead_group")), want,
		             "%s %s: lead “%s” lead_group should be %d", name,
		             json_string_value(json_object_get(t, "section")), lead ? lead : "", want);
		if (want)
			cr_expect(json_is_null(json_object_get(t, "lead_unit")), "%s", lead);
	}
	cr_expect_geq(ngroup, 4, "%s: only %zu tasks on a group", name, ngroup);
}

static void check_indicators(const json_t *exp, const json_t *got)
{
	const json_t *ei = json_object_get(exp, "indicators"), *gi = json_object_get(got, "indicators");
	size_t i;
	json_t *x;

	cr_assert_eq(json_array_size(gi), json_array_size(ei), "%zu indicators, expected %zu",
	             json_array_size(gi), json_array_size(ei));
	json_array_foreach((json_t *)ei, i, x) {
		const json_t *g = json_array_get(gi, i);

		cr_expect(starts_with(json_string_value(json_object_get(g, "text")),
		                      json_string_value(json_object_get(x, "text_start"))),
		          "indicator %zu text", i);
		cr_expect(str_eq_null(json_object_get(x, "year"), json_object_get(g, "year")),
		          "indicator %zu year", i);
		cr_expect(str_eq_null(json_object_get(x, "min"), json_object_get(g, "min")),
		          "indicator %zu min", i);
		cr_expect(str_eq_null(json_object_get(x, "target"), json_object_get(g, "target")),
		          "indicator %zu target", i);
		cr_expect(str_eq_null(json_object_get(x, "unit"), json_object_get(g, "unit")),
		          "indicator %zu unit", i);
	}
}

Test(import_samples, tinh_uy_program_at_least_95_percent_of_tasks_right)
{
	json_t *got, *exp;
	double s = score("tinh-uy-chuong-trinh", &got, &exp);

	cr_expect_geq(s, 0.95, "score %.3f", s);
	check_doc(exp, got);
	check_indicators(exp, got);
	check_groups("tinh-uy-chuong-trinh", got);
	json_decref(got);
	json_decref(exp);
}

Test(import_samples, thanh_uy_plan_at_least_95_percent_of_tasks_right)
{
	json_t *got, *exp;
	double s = score("thanh-uy-ke-hoach", &got, &exp);

	cr_expect_geq(s, 0.95, "score %.3f", s);
	check_doc(exp, got);
	check_indicators(exp, got);
	check_groups("thanh-uy-ke-hoach", got);
	json_decref(got);
	json_decref(exp);
}

#define SHAPE_TESTS(id, name)                                                                  \
	Test(import_formats, id##_docx) { score_shape(name, SH_DOCX); }                          \
	Test(import_formats, id##_docx_with_automatic_numbering) { score_shape(name, SH_AUTONUM); } \
	Test(import_formats, id##_odt) { score_shape(name, SH_ODT); }                            \
	Test(import_formats, id##_word_97_doc) { score_shape(name, SH_DOC); }                    \
	Test(import_formats, id##_pdf) { score_shape(name, SH_PDF); }                            \
	Test(import_formats, id##_windows_1258) { score_shape(name, SH_CP1258); }                \
	Test(import_formats, id##_tcvn3) { score_shape(name, SH_TCVN3); }                        \
	Test(import_formats, id##_vni) { score_shape(name, SH_VNI); }                            \
	Test(import_formats, id##_utf16) { score_shape(name, SH_UTF16); }                        \
	Test(import_formats, id##_windows_1258_read_as_1252_and_saved_as_utf8)                   \
	{                                                                                        \
		score_shape(name, SH_MOJIBAKE);                                                  \
	}                                                                                        \
	Test(import_formats, id##_pdftotext) { score_shape(name, SH_PDFTOTEXT); }                \
	Test(import_formats, id##_pdftotext_layout) { score_shape(name, SH_PDFTOTEXT_LAYOUT); }  \
	Test(import_formats, id##_page_numbers_and_running_headers) { score_shape(name, SH_PAGED); } \
	Test(import_formats, id##_wrapped_with_page_breaks) { score_shape(name, SH_WRAPPED_PAGED); } \
	Test(import_formats, id##_hard_wrapped_at_9_widths)                                      \
	{                                                                                        \
		for (int w = 50; w <= 90; w += 5)                                                 \
			score_shape(name, (enum shape)(SH_WRAPPED + w));                          \
	}

SHAPE_TESTS(tinh_uy, "tinh-uy-chuong-trinh")
SHAPE_TESTS(thanh_uy, "thanh-uy-ke-hoach")
