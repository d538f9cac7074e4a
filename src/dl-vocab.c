/* dl-vocab.c — the words of deadline phrases, in one place for the
 * importer's finder and for dl_parse (see dl-vocab.h).
 *
 * The word lists are folded (lower case, no diacritics), so "hằng năm" and
 * "hàng năm" are one entry; the few places where folding would merge two
 * words ("sáu" six and "sau" after) look at the text as written.
 */
#include "dl-vocab.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

#define YEAR_LO 1900
#define YEAR_HI 2199

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

static void lex_push(struct dv_text *x, int *cap, size_t a, size_t b)
{
	struct dv_tok *t;
	size_t k;

	if (x->nt == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		x->t = xrealloc(x->t, (size_t)*cap * sizeof *x->t);
	}
	t = &x->t[x->nt++];
	memset(t, 0, sizeof *t);
	t->f = x->fold + a;
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

void dv_lex(struct dv_text *x, const char *s, size_t n)
{
	int cap = 0;
	size_t i = 0;

	memset(x, 0, sizeof *x);
	x->src = s;
	x->n = n;
	x->fold = txt_fold_map(s, n, &x->flen, &x->map);
	while (i < x->flen) {
		unsigned char c = (unsigned char)x->fold[i];
		size_t j = i + 1;

		if (c == ' ' || ignored_byte(c)) {
			i++;
			continue;
		}
		if (word_byte(c))
			while (j < x->flen && word_byte((unsigned char)x->fold[j]))
				j++;
		lex_push(x, &cap, i, j);
		i = j;
	}
}

void dv_free(struct dv_text *x)
{
	free(x->fold);
	free(x->map);
	free(x->t);
	memset(x, 0, sizeof *x);
}

/* ---- tokens ------------------------------------------------------------ */

int dv_is(const struct dv_text *x, int i, int hi, const char *w)
{
	return i >= 0 && i < hi && i < x->nt && x->t[i].fl == strlen(w) &&
	       memcmp(x->t[i].f, w, x->t[i].fl) == 0;
}

char dv_punct(const struct dv_text *x, int i, int hi)
{
	if (i < 0 || i >= hi || i >= x->nt || x->t[i].fl != 1 || word_byte((unsigned char)x->t[i].f[0]))
		return 0;
	return x->t[i].f[0];
}

int dv_num(const struct dv_text *x, int i, int hi)
{
	return (i >= 0 && i < hi && i < x->nt) ? x->t[i].num : -1;
}

int dv_year(const struct dv_text *x, int i, int hi)
{
	int y = dv_num(x, i, hi);

	return (y >= YEAR_LO && y <= YEAR_HI && x->t[i].ndig == 4) ? y : 0;
}

int dv_glued(const struct dv_text *x, int i)
{
	return i > 0 && i < x->nt && x->t[i].a == x->t[i - 1].b;
}

int dv_inside_word(const struct dv_text *x, int i, int hi)
{
	return dv_punct(x, i, hi) && i + 1 < hi && i + 1 < x->nt && dv_glued(x, i) &&
	       dv_glued(x, i + 1) && !dv_punct(x, i - 1, hi) && !dv_punct(x, i + 1, hi);
}

int dv_seq(const struct dv_text *x, int i, int hi, const char *words)
{
	int k = 0;
	const char *p = words;

	if (hi > x->nt)
		hi = x->nt;
	/* most calls fail on the first byte */
	if (i < 0 || i >= hi || x->t[i].f[0] != words[0])
		return 0;
	while (*p) {
		const char *q = strchr(p, ' ');
		size_t len = q ? (size_t)(q - p) : strlen(p);

		if (i + k >= hi || x->t[i + k].fl != len || memcmp(x->t[i + k].f, p, len) != 0)
			return 0;
		k++;
		p += len;
		if (*p == ' ')
			p++;
	}
	return k;
}

int dv_find(const struct dv_text *x, int lo, int hi, const char *words)
{
	for (int i = lo < 0 ? 0 : lo; i < hi; i++)
		if (dv_seq(x, i, hi, words))
			return i;
	return -1;
}

int dv_any(const struct dv_text *x, int i, int hi, const char *const *list, int *len)
{
	int best = 0, which = -1;

	for (int k = 0; list[k]; k++) {
		int n = dv_seq(x, i, hi, list[k]);

		if (n > best) {
			best = n;
			which = k;
		}
	}
	if (len)
		*len = best;
	return which;
}

void dv_span(const struct dv_text *x, int i, int j, size_t *start, size_t *end)
{
	txt_fold_span(x->src, x->n, x->map, x->t[i].a, x->t[j - 1].b, start, end);
}

void dv_cut(const struct dv_text *x, int i, int j, char *buf, size_t len)
{
	struct sbuf b = {0};
	size_t s, e, k;
	int space = 0;

	buf[0] = '\0';
	if (i >= j)
		return;
	dv_span(x, i, j, &s, &e);
	for (k = s; k < e; k++) {
		unsigned char c = (unsigned char)x->src[k];

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

/* 1 if token i is written with one of the spellings (NFC, as written):
 * for the words that folding merges ("sáu" six, "sau" after). */
static int written_as(const struct dv_text *x, int i, int hi, const char *const *spellings)
{
	size_t s, e;

	if (i < 0 || i >= hi || i >= x->nt)
		return 0;
	dv_span(x, i, i + 1, &s, &e);
	for (int k = 0; spellings[k]; k++)
		if (e - s == strlen(spellings[k]) && memcmp(x->src + s, spellings[k], e - s) == 0)
			return 1;
	return 0;
}

/* ---- documents ----------------------------------------------------------- */

int dv_docnum_end(const struct dv_text *x, int i, int hi)
{
	int j;
	char p;

	if (dv_num(x, i, hi) < 0)
		return i;
	p = dv_punct(x, i + 1, hi);
	if ((p != '-' && p != '/') || !dv_glued(x, i + 1) || i + 2 >= hi || !dv_glued(x, i + 2) ||
	    dv_punct(x, i + 2, hi) || x->t[i + 2].num >= 0)
		return i;
	j = i + 3;
	while (j + 1 < hi && dv_glued(x, j) && dv_glued(x, j + 1) &&
	       ((p = dv_punct(x, j, hi)) == '-' || p == '/') && !dv_punct(x, j + 1, hi))
		j += 2;
	return j;
}

int dv_dmy_at(const struct dv_text *x, int i, int hi, date_t *out)
{
	const struct dv_tok *t;
	char s1, s2;
	date_t d;

	if (i < 0 || i + 4 >= hi || i + 4 >= x->nt)
		return 0;
	t = x->t + i;
	s1 = dv_punct(x, i + 1, hi);
	s2 = dv_punct(x, i + 3, hi);
	if (t[0].num < 0 || t[0].ndig > 2 || t[2].num < 0 || t[2].ndig > 2 ||
	    !dv_year(x, i + 4, hi) || s1 != s2 || (s1 != '/' && s1 != '-' && s1 != '.'))
		return 0;
	d = date_make(t[4].num, t[2].num, t[0].num);
	if (d == DATE_NONE)
		return 0;
	*out = d;
	return 5;
}

void dv_mark_documents(struct dv_text *x)
{
	for (int i = 0; i < x->nt; i++) {
		int j = dv_docnum_end(x, i, x->nt), k;
		date_t d;

		if (j == i)
			continue;
		k = j;
		if (dv_punct(x, k, x->nt) == ',')
			k++;
		if (dv_is(x, k, x->nt, "ngay") && dv_dmy_at(x, k + 1, x->nt, &d))
			j = k + 6;
		for (k = i; k < j; k++)
			x->t[k].skip = 1;
		i = j - 1;
	}
}

static const char *const doc_kinds[] = {
	"chuong trinh hanh dong", "ke hoach", "chuong trinh", "nghi quyet", "chi thi", "ket luan",
	"quyet dinh", "quy dinh", "huong dan", "thong bao", "cong van", "quy che", "thong tri",
	"de an", "van ban", "bao cao", "to trinh", "dieu le", "nghi dinh", "thong tu", "luat",
	NULL
};

/* What a unit waits for: documents and directions. */
static const char *const directive_words[] = {
	"chi dao", "y kien", "chu truong", "ke hoach", "chuong trinh", "nghi quyet", "chi thi",
	"ket luan", "quyet dinh", "quy dinh", "huong dan", "thong bao", "cong van", "quy che",
	"thong tri", "de an", "van ban", "nghi dinh", "thong tu", "luat", NULL
};

int dv_doc_kind_at(const struct dv_text *x, int i, int hi)
{
	int n;

	return dv_any(x, i, hi, doc_kinds, &n) >= 0 ? n : 0;
}

int dv_directive_at(const struct dv_text *x, int i, int hi)
{
	int n;

	return dv_any(x, i, hi, directive_words, &n) >= 0 ? n : 0;
}

/* ---- periods ----------------------------------------------------------- */

int dv_quarter_at(const struct dv_text *x, int i, int hi)
{
	static const char *const words[] = { "mot", "hai", "ba", "tu", "bon", NULL };
	static const int value[] = { 1, 2, 3, 4, 4 };
	int k, n;

	if (i < 0 || i >= hi || i >= x->nt)
		return 0;
	if ((k = dv_any(x, i, hi, words, NULL)) >= 0)
		return value[k];
	n = dv_num(x, i, hi);
	if (n >= 1 && n <= 4 && x->t[i].ndig == 1)
		return n;
	return date_quarter_roman(x->t[i].f, x->t[i].fl);
}

/* A year after a month or quarter: "/2023", "-2023", "năm 2023".  Tokens
 * used, or 0. */
static int year_tail(const struct dv_text *x, int i, int hi, int *y)
{
	char p = dv_punct(x, i, hi);

	if ((p == '/' || p == '-' || dv_is(x, i, hi, "nam")) && (*y = dv_year(x, i + 1, hi)))
		return 2;
	return 0;
}

/* A month number 1..12 of at most two digits at i, else 0. */
static int month_num(const struct dv_text *x, int i, int hi)
{
	int m = dv_num(x, i, hi);

	return m >= 1 && m <= 12 && x->t[i].ndig <= 2 ? m : 0;
}

/* A count of months before "tháng": 1..12 in digits, or "ba", "sáu",
 * "chín" written out.  0 if none. */
static int month_count(const struct dv_text *x, int i, int hi)
{
	static const char *const six[] = { "sáu", "Sáu", "SÁU", NULL };
	static const char *const nine[] = { "chín", "Chín", "CHÍN", NULL };
	int n = month_num(x, i, hi);

	if (n)
		return n;
	if (dv_is(x, i, hi, "ba"))
		return 3;
	if (dv_is(x, i, hi, "sau") && written_as(x, i, hi, six))
		return 6;
	if (dv_is(x, i, hi, "chin") && written_as(x, i, hi, nine))
		return 9;
	return 0;
}

static void set_period(struct dv_period *p, date_t start, date_t end)
{
	p->start = start;
	p->end = end;
	date_split(end, &p->year, NULL, NULL);
}

int dv_period_at(const struct dv_text *x, int i, int hi, int bare_year, struct dv_period *p)
{
	int y, m, q, n, k, d;
	date_t day;

	if (i < 0 || i >= hi || i >= x->nt || x->t[i].skip)
		return 0;
	memset(p, 0, sizeof *p);
	k = dv_is(x, i, hi, "ngay");
	if ((n = dv_dmy_at(x, i + k, hi, &day))) {
		set_period(p, day, day);
		p->is_day = 1;
		return k + n;
	}
	/* "ngày 15 tháng 12 năm 2024" */
	if (k && (d = dv_num(x, i + 1, hi)) >= 1 && d <= 31 && dv_is(x, i + 2, hi, "thang") &&
	    (m = month_num(x, i + 3, hi)) && dv_is(x, i + 4, hi, "nam") &&
	    (y = dv_year(x, i + 5, hi)) && (day = date_make(y, m, d)) != DATE_NONE) {
		set_period(p, day, day);
		p->is_day = 1;
		return 6;
	}
	if (dv_is(x, i, hi, "thang") && (m = month_num(x, i + 1, hi)) &&
	    (n = year_tail(x, i + 2, hi, &y))) {
		set_period(p, date_make(y, m, 1), date_month_end(y, m));
		return 2 + n;
	}
	if (dv_is(x, i, hi, "quy") && (q = dv_quarter_at(x, i + 1, hi)) &&
	    (n = year_tail(x, i + 2, hi, &y))) {
		set_period(p, date_make(y, 3 * q - 2, 1), date_quarter_end(y, q));
		return 2 + n;
	}
	if (dv_is(x, i, hi, "nam") && (y = dv_year(x, i + 1, hi))) {
		set_period(p, date_make(y, 1, 1), date_year_end(y));
		return 2;
	}
	/* "6 tháng đầu năm 2024", "sáu tháng cuối năm 2024", "nửa đầu năm 2024" */
	k = 0;
	if ((n = month_count(x, i, hi)) && dv_is(x, i + 1, hi, "thang"))
		k = 2;
	else if (dv_is(x, i, hi, "nua") && (n = 6))
		k = 1;
	if (k) {
		int first = dv_seq(x, i + k, hi, "dau nam") ? 1 : dv_seq(x, i + k, hi, "cuoi nam") ? 2 : 0;

		if (first && (y = dv_year(x, i + k + 2, hi))) {
			if (first == 1)
				set_period(p, date_make(y, 1, 1), date_month_end(y, n));
			else
				set_period(p, date_make(y, 13 - n, 1), date_year_end(y));
			return k + 3;
		}
		return 0;
	}
	/* "đầu năm 2024" (its first quarter), "giữa năm 2024", "cuối năm 2024" */
	if ((dv_is(x, i, hi, "dau") || dv_is(x, i, hi, "giua") || dv_is(x, i, hi, "cuoi")) &&
	    dv_is(x, i + 1, hi, "nam") && (y = dv_year(x, i + 2, hi))) {
		m = dv_is(x, i, hi, "dau") ? 3 : dv_is(x, i, hi, "giua") ? 6 : 12;
		set_period(p, date_make(y, 1, 1), date_month_end(y, m));
		return 3;
	}
	if (bare_year && (y = dv_year(x, i, hi))) {
		set_period(p, date_make(y, 1, 1), date_year_end(y));
		return 1;
	}
	return 0;
}

int dv_range_tail(const struct dv_text *x, int j, int hi, struct dv_period *to)
{
	int k = j, n;

	if (dv_punct(x, k, hi) == '-')
		k++;
	else if (dv_is(x, k, hi, "den") || dv_is(x, k, hi, "toi"))
		k++;
	else
		return j;
	if (dv_is(x, k, hi, "het"))
		k++;
	if ((n = dv_period_at(x, k, hi, 1, to)))
		return k + n;
	return j;
}

int dv_time_lead_at(const struct dv_text *x, int i, int hi)
{
	static const char *const leads[] = {
		"trong", "vao", "den", "den het", "toi", "truoc", "cham nhat", "cham nhat la",
		"cham nhat trong", "cham nhat vao", "cham nhat den", "trong thoi gian", "ngay trong",
		"xong trong", "xong truoc", "het", NULL
	};
	int n;

	return dv_any(x, i, hi, leads, &n) >= 0 ? n : 0;
}

int dv_start_at(const struct dv_text *x, int i, int hi, int *from)
{
	static const char *const starts[] = { "tu", "ke tu", "bat dau tu", "giai doan", NULL };
	int n, k = dv_any(x, i, hi, starts, &n);

	if (k < 0)
		return 0;
	*from = k != 3;
	return n;
}

int dv_bare_year_ok(const struct dv_text *x, int i, int hi)
{
	int f;

	for (int back = 1; back <= 3 && i - back >= 0; back++)
		if (dv_start_at(x, i - back, hi, &f) == back)
			return 1;
	return dv_is(x, i - 1, hi, "den") || dv_is(x, i - 1, hi, "toi") ||
	       (dv_year(x, i, hi) && dv_punct(x, i + 1, hi) == '-' && dv_year(x, i + 2, hi));
}

/* ---- recurring duties ---------------------------------------------------- */

struct rhythm_word {
	const char *words;
	enum dl_every every;
};

/* "hằng"/"hàng" fold alike; "định kỳ" before any of these is taken by
 * dv_rhythm_at itself. */
static const struct rhythm_word rhythms[] = {
	{ "hang nam", DL_EVERY_YEAR },
	{ "moi nam", DL_EVERY_YEAR },
	{ "nam mot lan", DL_EVERY_YEAR },
	{ "mot nam mot lan", DL_EVERY_YEAR },
	{ "1 nam 1 lan", DL_EVERY_YEAR },
	{ "moi nam mot lan", DL_EVERY_YEAR },
	{ "hang quy", DL_EVERY_QUARTER },
	{ "moi quy", DL_EVERY_QUARTER },
	{ "quy mot lan", DL_EVERY_QUARTER },
	{ "hang thang", DL_EVERY_MONTH },
	{ "moi thang", DL_EVERY_MONTH },
	{ "thang mot lan", DL_EVERY_MONTH },
	{ "nua nam mot lan", DL_EVERY_HALF },
	{ "hang tuan", DL_EVERY_NONE },
	{ NULL, DL_EVERY_NONE }
};

/* "một lần", "1 lần", "/lần" after a rhythm: tokens, or 0. */
static int once(const struct dv_text *x, int i, int hi)
{
	if (dv_seq(x, i, hi, "mot lan") || dv_seq(x, i, hi, "1 lan") || dv_seq(x, i, hi, "/ lan"))
		return 2;
	return 0;
}

/* "6 tháng một lần", "6 tháng 1 lần", "6 tháng/lần", "3 tháng một lần",
 * "mỗi 6 tháng": tokens with *every, or 0.  After "định kỳ" (dk set) the
 * bare "6 tháng" counts too. */
static int months_rhythm(const struct dv_text *x, int i, int hi, int dk, enum dl_every *every)
{
	int k = dv_is(x, i, hi, "moi"), n = month_count(x, i + k, hi), e;

	if ((n != 6 && n != 3 && n != 1) || !dv_is(x, i + k + 1, hi, "thang"))
		return 0;
	/* "6 tháng đầu năm 2024" is a period, not a rhythm */
	if (dv_is(x, i + k + 2, hi, "dau") || dv_is(x, i + k + 2, hi, "cuoi"))
		return 0;
	e = i + k + 2;
	if (once(x, e, hi))
		e += 2;
	else if (!dk && !k)
		return 0;
	*every = n == 6 ? DL_EVERY_HALF : n == 3 ? DL_EVERY_QUARTER : DL_EVERY_MONTH;
	return e - i;
}

int dv_rhythm_at(const struct dv_text *x, int i, int hi, enum dl_every *every)
{
	int dk = dv_seq(x, i, hi, "dinh ky"), n, best = 0;

	for (int k = 0; rhythms[k].words; k++)
		if ((n = dv_seq(x, i + dk, hi, rhythms[k].words)) > best) {
			best = n;
			*every = rhythms[k].every;
		}
	if (!best && (n = months_rhythm(x, i + dk, hi, dk, every)))
		best = n;
	/* "mỗi quý một lần" */
	if (best && (n = once(x, i + dk + best, hi)))
		best += n;
	if (best)
		return dk + best;
	if (dk) {
		*every = DL_EVERY_NONE;
		return dk;
	}
	return 0;
}

int dv_month_anchor_at(const struct dv_text *x, int i, int hi, int *month)
{
	int k = dv_time_lead_at(x, i, hi), before = k && dv_is(x, i + k - 1, hi, "truoc");
	int m, d, q, y;
	char p;

	if (dv_is(x, i + k, hi, "thang") && (m = month_num(x, i + k + 1, hi)) &&
	    !year_tail(x, i + k + 2, hi, &y)) {
		*month = m;
		return k + 2;
	}
	if (dv_is(x, i + k, hi, "quy") && (q = dv_quarter_at(x, i + k + 1, hi)) &&
	    !year_tail(x, i + k + 2, hi, &y)) {
		*month = 3 * q;
		return k + 2;
	}
	if (!dv_is(x, i + k, hi, "ngay") || (d = dv_num(x, i + k + 1, hi)) < 1 || d > 31)
		return 0;
	/* "ngày 15/12" or "ngày 15 tháng 12", with no year after */
	if (dv_punct(x, i + k + 2, hi) == '/' && (m = month_num(x, i + k + 3, hi))) {
		p = dv_punct(x, i + k + 4, hi);
		if (p == '/' || p == '-')
			return 0;
	} else if (!(dv_is(x, i + k + 2, hi, "thang") && (m = month_num(x, i + k + 3, hi)) &&
		     !year_tail(x, i + k + 4, hi, &y))) {
		return 0;
	}
	*month = before && d == 1 ? (m == 1 ? 12 : m - 1) : m;
	return k + 4;
}

/* What may follow a recurring duty as an alternative. */
static const char *const alternatives[] = {
	"hoac dot xuat", "va dot xuat", "hoac khi co yeu cau", "hoac theo yeu cau",
	"hoac khi can thiet", "va khi co yeu cau", "hoac khi duoc yeu cau", NULL
};

int dv_recurring_at(const struct dv_text *x, int i, int hi, enum dl_every *every, int *month,
		    int *alt_at)
{
	int k = i, n, a, m = 0, dk = dv_seq(x, i, hi, "dinh ky");
	enum dl_every e = DL_EVERY_NONE;

	*month = 0;
	/* a month before a yearly rhythm: "[định kỳ] vào tháng 12 hằng năm" */
	if ((a = dv_month_anchor_at(x, i + dk, hi, &m)) && dv_rhythm_at(x, i + dk + a, hi, &e) &&
	    e == DL_EVERY_YEAR)
		k = i + dk + a;
	else
		m = 0;
	if (!(n = dv_rhythm_at(x, k, hi, &e)))
		return 0;
	k += n;
	/* "hằng năm vào tháng 12" */
	if (e == DL_EVERY_YEAR && !m && (a = dv_month_anchor_at(x, k, hi, &m)))
		k += a;
	*every = e;
	*month = e == DL_EVERY_YEAR ? m : 0;
	*alt_at = k;
	if (dv_punct(x, k, hi) == ',' && dv_any(x, k + 1, hi, alternatives, &n) >= 0)
		k += 1 + n;
	else if (dv_any(x, k, hi, alternatives, &n) >= 0)
		k += n;
	return k - i;
}

int dv_ongoing_at(const struct dv_text *x, int i, int hi)
{
	int k;

	if ((k = dv_seq(x, i, hi, "thuong xuyen"))) {
		if (dv_punct(x, i + k, hi) == ',' && dv_seq(x, i + k + 1, hi, "lien tuc"))
			return k + 3;
		if (dv_seq(x, i + k, hi, "lien tuc"))
			return k + 2;
		return k;
	}
	return dv_seq(x, i, hi, "lien tuc");
}

/* ---- other kinds ------------------------------------------------------------ */

int dv_level_at(const struct dv_text *x, int i, int hi)
{
	static const char *const levels[] = { "tinh", "huyen", "co so", "xa", "thanh pho",
					      "trung uong", NULL };
	int n;

	if (!dv_is(x, i, hi, "cap") || dv_any(x, i + 1, hi, levels, &n) < 0)
		return 0;
	return 1 + n;
}

int dv_kind_noun_at(const struct dv_text *x, int i, int hi, enum dl_kind *kind)
{
	int n;

	if ((n = dv_seq(x, i, hi, "nhiem ky")))
		*kind = DL_TERM;
	else if ((n = dv_seq(x, i, hi, "lo trinh")))
		*kind = DL_ROADMAP;
	return n;
}

static const struct dv_marker markers[] = {
	{ "theo nhiem ky", DL_TERM, 0, 0 },
	{ "moi nhiem ky", DL_TERM, 0, 0 },
	{ "ca nhiem ky", DL_TERM, 0, 0 },
	{ "trong nhiem ky", DL_TERM, 0, 0 },
	{ "theo lo trinh", DL_ROADMAP, 1, 0 },
	{ "theo yeu cau", DL_ON_REQUEST, 1, 0 },
	{ "khi co yeu cau", DL_ON_REQUEST, 1, 0 },
	{ "khi duoc yeu cau", DL_ON_REQUEST, 1, 0 },
	{ "khi yeu cau", DL_ON_REQUEST, 1, 0 },
	{ "sau khi", DL_AFTER_DIRECTIVE, 1, 1 },
	{ "ngay sau khi", DL_AFTER_DIRECTIVE, 1, 1 },
	{ NULL, DL_NONE, 0, 0 }
};

int dv_wait_at(const struct dv_text *x, int i, int hi)
{
	static const char *const wait[] = { "chờ", "Chờ", "CHỜ", NULL };

	return dv_is(x, i, hi, "cho") && written_as(x, i, hi, wait) && dv_directive_at(x, i + 1, hi);
}

/* "khi có" and "chờ" count only before what a unit waits for. */
static const struct dv_marker wait_marker = { "khi co", DL_AFTER_DIRECTIVE, 1, 0 };

int dv_marker_at(const struct dv_text *x, int i, int hi, const struct dv_marker **m)
{
	int n, best = 0;

	*m = NULL;
	for (int k = 0; markers[k].words; k++)
		if ((n = dv_seq(x, i, hi, markers[k].words)) > best) {
			best = n;
			*m = &markers[k];
		}
	if (best)
		return best;
	if ((n = dv_seq(x, i, hi, "khi co")) && dv_directive_at(x, i + n, hi)) {
		*m = &wait_marker;
		return n;
	}
	if (dv_wait_at(x, i, hi)) {
		*m = &wait_marker;
		return 1;
	}
	/* "theo Kế hoạch số ...", "theo các Nghị quyết số ..." */
	n = dv_is(x, i, hi, "theo") ? 1 + dv_is(x, i + 1, hi, "cac") : 0;
	if (n && (best = dv_doc_kind_at(x, i + n, hi)) && dv_is(x, i + n + best, hi, "so"))
		return n + best + 1;
	return 0;
}

int dv_lead_in_at(const struct dv_text *x, int i, int hi)
{
	static const char *const lead_ins[] = {
		"thuc hien", "hoan thanh", "nhiem vu", "tuyen truyen", "trien khai", "xong", "da",
		"se", "co ban hoan thanh", "thuc hien va hoan thanh", "to chuc thuc hien", "bao cao",
		"gui bao cao", NULL
	};
	int n;

	return dv_any(x, i, hi, lead_ins, &n) >= 0 ? n : 0;
}

int dv_section_head_at(const struct dv_text *x, int i, int hi)
{
	static const char *const heads[] = {
		"thoi gian thuc hien", "thoi gian hoan thanh", "thoi han hoan thanh",
		"thoi han thuc hien", "thoi han", "thoi gian", "tien do thuc hien", "tien do",
		"thoi gian trien khai", NULL
	};
	int n;

	return dv_any(x, i, hi, heads, &n) >= 0 ? n : 0;
}
