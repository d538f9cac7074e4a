/* deadline-parse.c — reading the deadline phrases of Vietnamese plans.
 *
 * The phrase is folded (lower case, no diacritics, see txt_fold_map) and
 * cut into tokens: words, numbers and single punctuation marks.  Matching
 * works on the folded tokens; text that is kept (the body in "theo yêu cầu
 * của Trung ương", a document number, a level) is cut from the NFC phrase
 * through the fold map, so it keeps its case and diacritics.
 *
 * A phrase can hold several readings ("hoàn thành trong quý II/2023 ...
 * thực hiện thường xuyên"); parse_single() tries the kinds in an order
 * that makes the more specific, dated one win.
 */
#include "deadline.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

#define YEAR_LO 1900
#define YEAR_HI 2199

struct tok {
	const char *f;      /* folded text (not NUL-terminated) */
	size_t fl;
	size_t a, b;        /* byte range in the folded phrase */
	int num;            /* value of an all-digit token (up to 9 digits), else -1 */
	int ndig;
	unsigned char skip; /* part of a document number or its date of issue */
};

struct lexed {
	char *src;          /* NFC copy of the phrase */
	size_t n;
	char *fold;
	size_t flen;
	size_t *map;        /* txt_fold_map() of src */
	struct tok *t;
	int nt;
};

/* A period named in the text: "năm 2024", "quý II/2023", "ngày 28/02/2023". */
struct period {
	date_t start, end;
	int year;
	int is_day;
};

/* ---- lexing ---------------------------------------------------------- */

static int word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Markdown marks carry no meaning in a deadline. */
static int ignored_byte(unsigned char c)
{
	return c == '*' || c == '_' || c == '#' || c == '`';
}

static void lex_push(struct lexed *lx, int *cap, size_t a, size_t b)
{
	struct tok *t;
	size_t k;

	if (lx->nt == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		lx->t = xrealloc(lx->t, (size_t)*cap * sizeof *lx->t);
	}
	t = &lx->t[lx->nt++];
	memset(t, 0, sizeof *t);
	t->f = lx->fold + a;
	t->fl = b - a;
	t->a = a;
	t->b = b;
	t->num = -1;
	if (t->fl > 9)
		return;
	for (k = 0; k < t->fl; k++)
		if (t->f[k] < '0' || t->f[k] > '9')
			return;
	t->ndig = (int)t->fl;
	t->num = 0;
	for (k = 0; k < t->fl; k++)
		t->num = t->num * 10 + (t->f[k] - '0');
}

static void lex(struct lexed *lx, const char *phrase)
{
	int cap = 0;
	size_t i = 0;

	memset(lx, 0, sizeof *lx);
	lx->src = txt_nfc(phrase, TXT_NUL, &lx->n);
	if (!lx->src) {
		lx->src = xstrdup(phrase);
		lx->n = strlen(phrase);
	}
	lx->fold = txt_fold_map(lx->src, lx->n, &lx->flen, &lx->map);
	while (i < lx->flen) {
		unsigned char c = (unsigned char)lx->fold[i];
		size_t j = i + 1;

		if (c == ' ' || ignored_byte(c)) {
			i++;
			continue;
		}
		if (word_byte(c))
			while (j < lx->flen && word_byte((unsigned char)lx->fold[j]))
				j++;
		lex_push(lx, &cap, i, j);
		i = j;
	}
}

static void lex_free(struct lexed *lx)
{
	free(lx->src);
	free(lx->fold);
	free(lx->map);
	free(lx->t);
}

/* ---- token tests ------------------------------------------------------ */

static int tok_is(const struct lexed *lx, int i, int hi, const char *w)
{
	return i >= 0 && i < hi && lx->t[i].fl == strlen(w) && memcmp(lx->t[i].f, w, lx->t[i].fl) == 0;
}

/* The punctuation character of token i, or 0 for a word or number. */
static char tok_punct(const struct lexed *lx, int i, int hi)
{
	if (i < 0 || i >= hi || lx->t[i].fl != 1 || word_byte((unsigned char)lx->t[i].f[0]))
		return 0;
	return lx->t[i].f[0];
}

static int tok_num(const struct lexed *lx, int i, int hi)
{
	return (i >= 0 && i < hi) ? lx->t[i].num : -1;
}

static int tok_year(const struct lexed *lx, int i, int hi)
{
	int y = tok_num(lx, i, hi);

	return (y >= YEAR_LO && y <= YEAR_HI && lx->t[i].ndig == 4) ? y : 0;
}

/* Token i directly follows token i-1, with no space between. */
static int tok_glued(const struct lexed *lx, int i)
{
	return i > 0 && lx->t[i].a == lx->t[i - 1].b;
}

/* Number of tokens matched by the space-separated words at i, or 0. */
static int seq_at(const struct lexed *lx, int i, int hi, const char *words)
{
	int k = 0;
	const char *p = words;

	if (i < 0)
		return 0;
	while (*p) {
		const char *q = strchr(p, ' ');
		size_t len = q ? (size_t)(q - p) : strlen(p);

		if (i + k >= hi || lx->t[i + k].fl != len || memcmp(lx->t[i + k].f, p, len) != 0)
			return 0;
		k++;
		p += len;
		if (*p == ' ')
			p++;
	}
	return k;
}

/* First index in [lo, hi) where words occur, or -1. */
static int find_seq(const struct lexed *lx, int lo, int hi, const char *words)
{
	for (int i = lo; i < hi; i++)
		if (seq_at(lx, i, hi, words))
			return i;
	return -1;
}

/* Index of the first of list (NULL-terminated) matching at i: its token
 * count in *len.  -1 if none. */
static int seq_any(const struct lexed *lx, int i, int hi, const char *const *list, int *len)
{
	for (int k = 0; list[k]; k++) {
		int n = seq_at(lx, i, hi, list[k]);

		if (n) {
			if (len)
				*len = n;
			return k;
		}
	}
	return -1;
}

/* Copy the original text of tokens [i, j) into buf: Markdown marks are
 * left out and white space is collapsed to one space. */
static void cut(const struct lexed *lx, int i, int j, char *buf, size_t len)
{
	struct sbuf b = {0};
	size_t s, e, k;
	int space = 0;

	buf[0] = '\0';
	if (i >= j)
		return;
	txt_fold_span(lx->src, lx->n, lx->map, lx->t[i].a, lx->t[j - 1].b, &s, &e);
	for (k = s; k < e; k++) {
		unsigned char c = (unsigned char)lx->src[k];

		if (ignored_byte(c))
			continue;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = 1;
			continue;
		}
		if (space && b.len)
			sbuf_putc(&b, ' ');
		space = 0;
		sbuf_putc(&b, (char)c);
	}
	if (b.s)
		str_copy(buf, b.s, len);
	sbuf_free(&b);
}

/* ---- document numbers -------------------------------------------------- */

/* A document number starting at i: "121-KH/TU", "08-QĐ/TW", "726/KH-UBND",
 * "05-QC/BTCTU-BDVTU".  Returns the index after it, or i if none. */
static int docnum_end(const struct lexed *lx, int i, int hi)
{
	int j;
	char p;

	if (tok_num(lx, i, hi) < 0)
		return i;
	p = tok_punct(lx, i + 1, hi);
	if ((p != '-' && p != '/') || !tok_glued(lx, i + 1) || i + 2 >= hi || !tok_glued(lx, i + 2) ||
	    tok_punct(lx, i + 2, hi) || lx->t[i + 2].num >= 0)
		return i;
	j = i + 3;
	while (j + 1 < hi && tok_glued(lx, j) && tok_glued(lx, j + 1) &&
	       ((p = tok_punct(lx, j, hi)) == '-' || p == '/') && !tok_punct(lx, j + 1, hi))
		j += 2;
	return j;
}

/* Day date "28/02/2023" (also with '-' or '.') at i: tokens used, or 0. */
static int match_dmy(const struct lexed *lx, int i, int hi, date_t *out)
{
	const struct tok *t = lx->t + i;
	char s1, s2;
	date_t d;

	if (i < 0 || i + 4 >= hi)
		return 0;
	s1 = tok_punct(lx, i + 1, hi);
	s2 = tok_punct(lx, i + 3, hi);
	if (t[0].num < 0 || t[0].ndig > 2 || t[2].num < 0 || t[2].ndig > 2 ||
	    !tok_year(lx, i + 4, hi) || s1 != s2 || (s1 != '/' && s1 != '-' && s1 != '.'))
		return 0;
	d = date_make(t[4].num, t[2].num, t[0].num);
	if (d == DATE_NONE)
		return 0;
	*out = d;
	return 5;
}

/* Mark document numbers and the date of issue after them ("số 121-KH/TU
 * ngày 10/8/2022"): those dates are not deadlines. */
static void mark_documents(struct lexed *lx)
{
	for (int i = 0; i < lx->nt; i++) {
		int j = docnum_end(lx, i, lx->nt), k;
		date_t d;

		if (j == i)
			continue;
		k = j;
		if (tok_punct(lx, k, lx->nt) == ',')
			k++;
		if (tok_is(lx, k, lx->nt, "ngay") && match_dmy(lx, k + 1, lx->nt, &d))
			j = k + 6;
		for (k = i; k < j; k++)
			lx->t[k].skip = 1;
		i = j - 1;
	}
}

static const char *const doc_kinds[] = {
	"chuong trinh hanh dong", "ke hoach", "chuong trinh", "nghi quyet", "chi thi", "ket luan",
	"quyet dinh", "quy dinh", "huong dan", "thong bao", "cong van", "quy che", "thong tri",
	"de an", "van ban", "bao cao", "to trinh", "dieu le", "nghi dinh", "thong tu", "luat",
	NULL
};

/* Words naming what a unit waits for: the documents, and directions. */
static const char *const directive_words[] = {
	"chi dao", "y kien", "chu truong", "ke hoach", "chuong trinh", "nghi quyet", "chi thi",
	"ket luan", "quyet dinh", "quy dinh", "huong dan", "thong bao", "cong van", "quy che",
	"thong tri", "de an", "van ban", "nghi dinh", "thong tu", "luat", NULL
};

/* "theo Kế hoạch số 121-KH/TU": 1 and ref (maybe "") when found in [lo, hi). */
static int match_per_document(const struct lexed *lx, int lo, int hi, char *ref, size_t len)
{
	for (int i = lo; i < hi; i++) {
		int j, n, k;

		if (!tok_is(lx, i, hi, "theo"))
			continue;
		j = i + 1;
		if (tok_is(lx, j, hi, "cac"))
			j++;
		if (seq_any(lx, j, hi, doc_kinds, &n) < 0)
			continue;
		ref[0] = '\0';
		for (k = j + n; k < hi && k <= j + n + 6; k++) {
			int e = docnum_end(lx, k, hi);

			if (e > k) {
				cut(lx, k, e, ref, len);
				break;
			}
		}
		return 1;
	}
	return 0;
}

/* ---- periods ----------------------------------------------------------- */

static int quarter_word(const struct lexed *lx, int i, int hi)
{
	static const char *const words[] = { "mot", "hai", "ba", "tu", NULL };
	int k;

	if (i >= hi)
		return 0;
	if ((k = seq_any(lx, i, hi, words, NULL)) >= 0)
		return k + 1;
	return date_quarter_roman(lx->t[i].f, lx->t[i].fl);
}

/* A year after a month or quarter: "/2023", "-2023", "năm 2023".  Tokens
 * used, or 0. */
static int match_year_tail(const struct lexed *lx, int i, int hi, int *y)
{
	char p = tok_punct(lx, i, hi);

	if ((p == '/' || p == '-' || tok_is(lx, i, hi, "nam")) && (*y = tok_year(lx, i + 1, hi)))
		return 2;
	return 0;
}

/* The period named at token i, if any.  A bare year ("2026") counts only
 * when bare_year is set (after "giai đoạn", "từ", a dash).  Tokens used, or
 * 0.  Tokens of documents do not name periods. */
static int match_period(const struct lexed *lx, int i, int hi, int bare_year, struct period *p)
{
	int y, m, q, n, k;
	date_t d;

	if (i < 0 || i >= hi || lx->t[i].skip)
		return 0;
	memset(p, 0, sizeof *p);
	k = tok_is(lx, i, hi, "ngay");
	if ((n = match_dmy(lx, i + k, hi, &d))) {
		p->start = p->end = d;
		p->is_day = 1;
		date_split(d, &p->year, NULL, NULL);
		return k + n;
	}
	if (tok_is(lx, i, hi, "thang") && (m = tok_num(lx, i + 1, hi)) >= 1 && m <= 12 &&
	    lx->t[i + 1].ndig <= 2 && (n = match_year_tail(lx, i + 2, hi, &y))) {
		p->start = date_make(y, m, 1);
		p->end = date_month_end(y, m);
		p->year = y;
		return 2 + n;
	}
	if (tok_is(lx, i, hi, "quy") && (q = quarter_word(lx, i + 1, hi)) &&
	    (n = match_year_tail(lx, i + 2, hi, &y))) {
		p->start = date_make(y, 3 * q - 2, 1);
		p->end = date_quarter_end(y, q);
		p->year = y;
		return 2 + n;
	}
	if (tok_is(lx, i, hi, "nam") && (y = tok_year(lx, i + 1, hi))) {
		p->start = date_make(y, 1, 1);
		p->end = date_year_end(y);
		p->year = y;
		return 2;
	}
	/* "6 tháng đầu năm 2024", "6 tháng cuối năm 2024", "nửa đầu năm 2024". */
	n = tok_num(lx, i, hi);
	k = 0;
	if (n >= 1 && n <= 12 && tok_is(lx, i + 1, hi, "thang"))
		k = 2;
	else if (tok_is(lx, i, hi, "nua") && (n = 6))
		k = 1;
	if (k) {
		int first = seq_at(lx, i + k, hi, "dau nam") ? 1 : seq_at(lx, i + k, hi, "cuoi nam") ? 2 : 0;

		if (first && (y = tok_year(lx, i + k + 2, hi))) {
			p->start = date_make(y, first == 1 ? 1 : 13 - n, 1);
			p->end = first == 1 ? date_month_end(y, n) : date_year_end(y);
			p->year = y;
			return k + 3;
		}
	}
	if (bare_year && (y = tok_year(lx, i, hi))) {
		p->start = date_make(y, 1, 1);
		p->end = date_year_end(y);
		p->year = y;
		return 1;
	}
	return 0;
}

/* After a period ending at j: "- 2026", "đến năm 2026", "đến hết quý IV/2025".
 * Fills *to and returns the index after it, or j if there is none. */
static int match_range_tail(const struct lexed *lx, int j, int hi, struct period *to)
{
	int k = j, n;

	if (tok_punct(lx, k, hi) == '-')
		k++;
	else if (tok_is(lx, k, hi, "den") || tok_is(lx, k, hi, "toi"))
		k++;
	else
		return j;
	if (tok_is(lx, k, hi, "het"))
		k++;
	if ((n = match_period(lx, k, hi, 1, to)))
		return k + n;
	return j;
}

/* ---- the kinds ----------------------------------------------------------- */

/* Where the name of a body ends: at punctuation that closes the phrase,
 * before "năm 2023" or "trong năm 2024", or "về ...". */
static int body_end(const struct lexed *lx, int i, int hi)
{
	static const char *const before_time[] = { "trong", "vao", "den", "truoc", "cham", "tu",
						   "dau", "cuoi", NULL };
	static const char *const time_words[] = { "nam", "quy", "thang", "ngay", NULL };
	int j;

	for (j = i; j < hi; j++) {
		char p = tok_punct(lx, j, hi);

		if (p && strchr(";().:[]\"!?", p))
			break;
		if (tok_is(lx, j, hi, "nam") && tok_num(lx, j + 1, hi) >= 0)
			break;
		if (seq_any(lx, j, hi, before_time, NULL) >= 0 &&
		    (seq_any(lx, j + 1, hi, time_words, NULL) >= 0 || tok_num(lx, j + 1, hi) >= 0))
			break;
		if (tok_is(lx, j, hi, "ve") || seq_at(lx, j, hi, "de thuc hien"))
			break;
	}
	while (j > i && (tok_punct(lx, j - 1, hi) == ',' || tok_punct(lx, j - 1, hi) == '-'))
		j--;
	return j;
}

/* The expected year in [lo, hi): the last period named there (not a date
 * of a document), or "(2023)".  0 if none. */
static int expected_year(const struct lexed *lx, int lo, int hi)
{
	struct period p;
	int y = 0, n, v;

	for (int i = lo; i < hi; i++) {
		if ((n = match_period(lx, i, hi, 0, &p))) {
			y = p.year;
			i += n - 1;
		} else if (tok_punct(lx, i, hi) == '(' && (v = tok_year(lx, i + 1, hi)) &&
			   tok_punct(lx, i + 2, hi) == ')') {
			y = v;
		}
	}
	return y;
}

/* "của <body>" after p, before the phrase closes: the body into by. */
static void body_after_cua(const struct lexed *lx, int p, int hi, char *by, size_t len)
{
	for (int j = p; j < hi; j++) {
		char c = tok_punct(lx, j, hi);

		if (c == ';' || c == '(' || c == ')')
			return;
		if (tok_is(lx, j, hi, "cua")) {
			cut(lx, j + 1, body_end(lx, j + 1, hi), by, len);
			return;
		}
	}
}

/* "sau khi có văn bản của Trung ương (năm 2023)", "khi có chỉ đạo của ...",
 * "sau khi Trung ương sửa đổi ... vào năm 2025", "chờ hướng dẫn của ...". */
static int match_after_directive(const struct lexed *lx, int lo, int hi, struct dl_part *d)
{
	static const char *const verbs[] = { "ban hanh", "sua doi", "bo sung", "co", "huong dan",
					     "chi dao", "phe duyet", "thong qua", NULL };

	for (int i = lo; i < hi; i++) {
		int j, n, v;

		if ((n = seq_at(lx, i, hi, "sau khi"))) {
			j = i + n;
			if (tok_is(lx, j, hi, "co") || seq_any(lx, j, hi, directive_words, NULL) >= 0) {
				body_after_cua(lx, j, hi, d->by, sizeof d->by);
			} else {
				/* "sau khi Trung ương sửa đổi": the subject before the verb. */
				for (v = j + 1; v < hi && v <= j + 8; v++)
					if (tok_punct(lx, v, hi) || seq_any(lx, v, hi, verbs, NULL) >= 0)
						break;
				if (v >= hi || v > j + 8 || tok_punct(lx, v, hi))
					continue;
				cut(lx, j, v, d->by, sizeof d->by);
			}
		} else if ((n = seq_at(lx, i, hi, "khi co")) || (n = tok_is(lx, i, hi, "cho"))) {
			j = i + n;
			if (seq_any(lx, j, hi, directive_words, NULL) < 0)
				continue;
			body_after_cua(lx, j, hi, d->by, sizeof d->by);
		} else {
			continue;
		}
		d->kind = DL_AFTER_DIRECTIVE;
		d->year = expected_year(lx, i, hi);
		return 1;
	}
	return 0;
}

/* "theo yêu cầu của Trung ương", "khi có yêu cầu". */
static int match_on_request(const struct lexed *lx, int lo, int hi, struct dl_part *d)
{
	int i = find_seq(lx, lo, hi, "yeu cau");

	if (i < 0 || !(tok_is(lx, i - 1, hi, "theo") || seq_at(lx, i - 2, hi, "khi co") ||
		       seq_at(lx, i - 2, hi, "khi duoc") || tok_is(lx, i - 1, hi, "khi")))
		return 0;
	d->kind = DL_ON_REQUEST;
	if (tok_is(lx, i + 2, hi, "cua"))
		cut(lx, i + 3, body_end(lx, i + 3, hi), d->by, sizeof d->by);
	return 1;
}

/* The first dated reading in [lo, hi): into *dated a DL_BY or DL_RANGE,
 * into *from a DL_FROM; each kind stays DL_NONE when there is none. */
static void match_dated(const struct lexed *lx, int lo, int hi, struct dl_part *dated,
			struct dl_part *from)
{
	for (int i = lo; i < hi; i++) {
		struct period p, q;
		int after_tu = tok_is(lx, i - 1, hi, "tu");
		int bare = after_tu || tok_is(lx, i - 1, hi, "doan") || tok_is(lx, i - 1, hi, "den") ||
			   (tok_year(lx, i, hi) && tok_punct(lx, i + 1, hi) == '-' && tok_year(lx, i + 2, hi));
		int n = match_period(lx, i, hi, bare, &p), e;

		/* "Quy định số 08-QĐ/TW năm 2021": the document's year. */
		if (!n || (i - 1 >= lo && lx->t[i - 1].skip))
			continue;
		if ((e = match_range_tail(lx, i + n, hi, &q)) > i + n && q.end >= p.start &&
		    q.start > p.start) {
			if (dated->kind == DL_NONE) {
				dated->kind = DL_RANGE;
				dated->start = p.start;
				dated->due = q.end;
			}
			i = e - 1;
			continue;
		}
		if (after_tu) {
			if (from->kind == DL_NONE) {
				from->kind = DL_FROM;
				from->start = p.start;
			}
		} else if (dated->kind == DL_NONE) {
			dated->kind = DL_BY;
			dated->due = tok_is(lx, i - 1, hi, "truoc") ? p.start - 1 : p.end;
		}
		i += n - 1;
	}
}

/* The month of "ngày 15/12" (day and month, no year) at token i: the
 * month the date falls in, or, after "trước", the month of the day before
 * it ("trước ngày 01/7" is by 30/6).  0 when there is no such date. */
static int day_month_at(const struct lexed *lx, int i, int hi)
{
	int day = tok_num(lx, i + 1, hi), m = tok_num(lx, i + 3, hi);

	if (!tok_is(lx, i, hi, "ngay") || day < 1 || day > 31 || tok_punct(lx, i + 2, hi) != '/' ||
	    m < 1 || m > 12 || tok_punct(lx, i + 4, hi) == '/' || tok_punct(lx, i + 4, hi) == '-')
		return 0;
	if (tok_is(lx, i - 1, hi, "truoc") && day == 1)
		return m == 1 ? 12 : m - 1;
	return m;
}

/* "hằng năm", "hàng năm", "định kỳ hằng năm", "mỗi năm"; the month of
 * "vào tháng 12 hằng năm", of "trước ngày 15/12 hằng năm" (the day stays in
 * the phrase) or the last month of "quý IV hằng năm". */
static int match_annual(const struct lexed *lx, int lo, int hi, struct dl_part *d)
{
	int y;

	if (find_seq(lx, lo, hi, "hang nam") < 0 && find_seq(lx, lo, hi, "moi nam") < 0)
		return 0;
	d->kind = DL_ANNUAL;
	for (int i = lo; i < hi && !d->month; i++) {
		int m = tok_num(lx, i + 1, hi), q;

		if (tok_is(lx, i, hi, "thang") && m >= 1 && m <= 12 && !match_year_tail(lx, i + 2, hi, &y))
			d->month = m;
		else if ((m = day_month_at(lx, i, hi)))
			d->month = m;
		else if (tok_is(lx, i, hi, "quy") && (q = quarter_word(lx, i + 1, hi)) &&
			 !match_year_tail(lx, i + 2, hi, &y))
			d->month = 3 * q;
	}
	return 1;
}

static int has_any(const struct lexed *lx, int lo, int hi, const char *const *list)
{
	for (int i = lo; i < hi; i++)
		if (seq_any(lx, i, hi, list, NULL) >= 0)
			return 1;
	return 0;
}

/* One deadline read from tokens [lo, hi): 1 when found. */
static int parse_single(const struct lexed *lx, int lo, int hi, struct dl_part *d)
{
	static const char *const ongoing[] = { "thuong xuyen", "lien tuc", "hang thang", "hang quy",
					       "hang tuan", "dinh ky", "moi quy", NULL };
	static const char *const term[] = { "nhiem ky", NULL };
	static const char *const roadmap[] = { "lo trinh", NULL };
	struct dl_part dated, from;
	char ref[DL_REF_LEN];

	memset(d, 0, sizeof *d);
	d->due = d->start = DATE_NONE;
	d->kind = DL_NONE;
	if (match_after_directive(lx, lo, hi, d) || match_on_request(lx, lo, hi, d))
		return 1;
	dated = from = *d;
	match_dated(lx, lo, hi, &dated, &from);
	if (dated.kind != DL_NONE) {
		*d = dated;
		return 1;
	}
	if (match_annual(lx, lo, hi, d))
		return 1;
	if (from.kind != DL_NONE) {
		*d = from;
		return 1;
	}
	if (match_per_document(lx, lo, hi, ref, sizeof ref)) {
		d->kind = DL_PER_DOCUMENT;
		memcpy(d->ref, ref, sizeof ref);
	} else if (has_any(lx, lo, hi, term)) {
		d->kind = DL_TERM;
	} else if (has_any(lx, lo, hi, roadmap)) {
		d->kind = DL_ROADMAP;
	} else if (has_any(lx, lo, hi, ongoing)) {
		d->kind = DL_ONGOING;
	}
	return d->kind != DL_NONE;
}

/* ---- one deadline per level ------------------------------------------ */

struct level_mark {
	int at;  /* index of "cấp" */
	int end; /* index after the level's words */
};

static int same_part(const struct dl_part *a, const struct dl_part *b)
{
	return a->kind == b->kind && a->due == b->due && a->start == b->start &&
	       a->month == b->month && a->year == b->year && strcmp(a->by, b->by) == 0 &&
	       strcmp(a->ref, b->ref) == 0;
}

/* "cấp tỉnh ... tháng 12/2022; cấp huyện ... tháng 01/2023; cấp cơ sở ...":
 * 1 when at least two levels carry deadlines that differ. */
static int parse_multi(const struct lexed *lx, struct deadline *dl)
{
	static const char *const levels[] = { "tinh", "huyen", "co so", "xa", "trung uong", NULL };
	struct level_mark marks[DL_MAX_PARTS];
	int nmarks = 0, n, k, differ = 0;

	for (int i = 0; i < lx->nt && nmarks < DL_MAX_PARTS; i++)
		if (tok_is(lx, i, lx->nt, "cap") && seq_any(lx, i + 1, lx->nt, levels, &n) >= 0) {
			marks[nmarks].at = i;
			marks[nmarks++].end = i + 1 + n;
			i += n;
		}
	if (nmarks < 2)
		return 0;
	for (k = 0; k < nmarks; k++) {
		int hi = k + 1 < nmarks ? marks[k + 1].at : lx->nt;
		struct dl_part *p = &dl->parts[k];

		parse_single(lx, marks[k].end, hi, p);
		cut(lx, marks[k].at + 1, marks[k].end, p->level, sizeof p->level);
	}
	/* "cấp tỉnh và cấp huyện hoàn thành trong ...": a level with no words of
	 * its own shares the deadline of the next one. */
	for (k = nmarks - 2; k >= 0; k--)
		if (dl->parts[k].kind == DL_NONE) {
			char level[DL_LEVEL_LEN];

			memcpy(level, dl->parts[k].level, sizeof level);
			dl->parts[k] = dl->parts[k + 1];
			memcpy(dl->parts[k].level, level, sizeof level);
		}
	for (k = 0; k < nmarks; k++) {
		if (dl->parts[k].kind == DL_NONE)
			return 0;
		if (k && !same_part(&dl->parts[k], &dl->parts[0]))
			differ = 1;
	}
	if (!differ)
		return 0;
	dl->d.kind = DL_MULTI;
	dl->nparts = nmarks;
	match_per_document(lx, 0, lx->nt, dl->d.ref, sizeof dl->d.ref);
	return 1;
}

int dl_parse(const char *phrase, struct deadline *dl)
{
	struct lexed lx;
	int found = 0;

	dl_init(dl);
	if (!phrase)
		return 0;
	lex(&lx, phrase);
	mark_documents(&lx);
	if (lx.nt > 0) {
		if (parse_multi(&lx, dl)) {
			found = 1;
		} else {
			dl_init(dl);
			found = parse_single(&lx, 0, lx.nt, &dl->d);
		}
	}
	lex_free(&lx);
	if (!found)
		dl_init(dl);
	return found;
}
