/* import-deadline.c — where a task's deadline is written: a phrase in
 * parentheses ("(*thực hiện thường xuyên*)"), a clause of the sentence
 * ("...; hoàn thành trong quý II/2023."), a dated tail ("... trước ngày
 * 15/12/2023"), or a section line ("Thời gian thực hiện: Thường xuyên.").
 * The phrase is kept exactly as written; dl_parse() reads its meaning.
 */
#include "import-internal.h"

#include <stdlib.h>
#include <string.h>

#include "deadline.h"

/* ---- token classes ---------------------------------------------------- */

static int tok_len(const struct imp_toks *tk, size_t i)
{
	return i < tk->nt && !tk->t[i].punct ? (int)(tk->t[i].b - tk->t[i].a) : 0;
}

static const char *tok_s(const struct imp_toks *tk, size_t i)
{
	return i < tk->nt ? tk->f + tk->t[i].a : "";
}

static int all_digits(const char *s, int n)
{
	if (n == 0)
		return 0;
	for (int k = 0; k < n; k++)
		if (s[k] < '0' || s[k] > '9')
			return 0;
	return 1;
}

static int year_str(const char *s, int n)
{
	return n == 4 && all_digits(s, 4) && (s[0] == '1' || s[0] == '2');
}

static int is_year(const struct imp_toks *tk, size_t i)
{
	return year_str(tok_s(tk, i), tok_len(tk, i));
}

/* "ii", "iv", "2" (a quarter), optionally glued to "/2023". */
static int quarter_str(const char *s, int n)
{
	static const char *const q[] = { "i", "ii", "iii", "iv", "1", "2", "3", "4" };

	for (size_t k = 0; k < sizeof q / sizeof *q; k++)
		if ((int)strlen(q[k]) == n && !memcmp(q[k], s, (size_t)n))
			return 1;
	return 0;
}

/* Split a token at its first '/' into head and tail lengths. */
static int slash(const char *s, int n, int *head)
{
	for (int k = 0; k < n; k++)
		if (s[k] == '/') {
			*head = k;
			return 1;
		}
	*head = n;
	return 0;
}

static int is_quarter(const struct imp_toks *tk, size_t i, int *glued)
{
	int n = tok_len(tk, i), h;
	const char *s = tok_s(tk, i);

	*glued = 0;
	if (!n)
		return 0;
	if (slash(s, n, &h)) {
		*glued = 1;
		return quarter_str(s, h) && year_str(s + h + 1, n - h - 1);
	}
	return quarter_str(s, n);
}

static int small_num(const char *s, int n, int max)
{
	int v = 0;

	if (n < 1 || n > 2 || !all_digits(s, n))
		return 0;
	for (int k = 0; k < n; k++)
		v = v * 10 + (s[k] - '0');
	return v >= 1 && v <= max;
}

/* "12", "12/2022", "28/02/2023", "10/3": month, month/year, date... */
static int slashes(const char *s, int n)
{
	int c = 0;

	for (int k = 0; k < n; k++)
		c += s[k] == '/';
	return c;
}

static int is_month(const struct imp_toks *tk, size_t i, int *glued)
{
	int n = tok_len(tk, i), h;
	const char *s = tok_s(tk, i);

	*glued = 0;
	if (!n)
		return 0;
	if (slash(s, n, &h)) {
		*glued = 1;
		return slashes(s, n) == 1 && small_num(s, h, 12) && year_str(s + h + 1, n - h - 1);
	}
	return small_num(s, n, 12);
}

static int is_date(const struct imp_toks *tk, size_t i)
{
	int n = tok_len(tk, i), h, h2;
	const char *s = tok_s(tk, i);

	if (!n || slashes(s, n) != 2)
		return 0;
	slash(s, n, &h);
	slash(s + h + 1, n - h - 1, &h2);
	return small_num(s, h, 31) && small_num(s + h + 1, h2, 12) &&
	       year_str(s + h + h2 + 2, n - h - h2 - 2);
}

/* "2024-2026" in one token */
static int is_year_range(const struct imp_toks *tk, size_t i)
{
	int n = tok_len(tk, i);
	const char *s = tok_s(tk, i);

	return n == 9 && year_str(s, 4) && s[4] == '-' && year_str(s + 5, 4);
}

/* ---- time expressions ------------------------------------------------ */

/* A point or period of time at token i: "năm 2024", "quý II/2023", "quý
 * II năm 2023", "tháng 12/2022", "tháng 01 năm 2023", "ngày 28/02/2023",
 * "28/02/2023", "6 tháng đầu năm 2023".  Returns the token after it, or i. */
static size_t time_at(const struct imp_toks *tk, size_t i)
{
	int g;

	if (imp_tok_is(tk, i, "nam") && is_year(tk, i + 1))
		return i + 2;
	if (imp_tok_is(tk, i, "quy") && is_quarter(tk, i + 1, &g)) {
		if (g)
			return i + 2;
		if (imp_tok_is(tk, i + 2, "nam") && is_year(tk, i + 3))
			return i + 4;
		if (imp_tok_punct(tk, i + 2, '/') && is_year(tk, i + 3))
			return i + 4;
		return i;
	}
	if (imp_tok_is(tk, i, "thang") && is_month(tk, i + 1, &g)) {
		if (g)
			return i + 2;
		if (imp_tok_is(tk, i + 2, "nam") && is_year(tk, i + 3))
			return i + 4;
		return i;
	}
	if (imp_tok_is(tk, i, "ngay")) {
		if (is_date(tk, i + 1))
			return i + 2;
		if (small_num(tok_s(tk, i + 1), tok_len(tk, i + 1), 31) &&
		    imp_tok_is(tk, i + 2, "thang") && is_month(tk, i + 3, &g) && !g &&
		    imp_tok_is(tk, i + 4, "nam") && is_year(tk, i + 5))
			return i + 6;
		return i;
	}
	if (is_date(tk, i))
		return i + 1;
	if ((imp_tok_is(tk, i, "6") || imp_tok_is(tk, i, "9") || imp_tok_is(tk, i, "3")) &&
	    imp_tok_is(tk, i + 1, "thang") &&
	    (imp_tok_is(tk, i + 2, "dau") || imp_tok_is(tk, i + 2, "cuoi")) &&
	    imp_tok_is(tk, i + 3, "nam") && is_year(tk, i + 4))
		return i + 5;
	if ((imp_tok_is(tk, i, "dau") || imp_tok_is(tk, i, "cuoi") || imp_tok_is(tk, i, "giua")) &&
	    imp_tok_is(tk, i + 1, "nam") && is_year(tk, i + 2))
		return i + 3;
	return i;
}

/* ---- deadline cores ----------------------------------------------------- */

enum core_kind { CORE_NONE = 0, CORE_FIXED, CORE_OPEN };

/* Words that may open a deadline phrase before its core. */
static const char *const lead_ins[] = {
	"thuc hien", "hoan thanh", "nhiem vu", "tuyen truyen", "trien khai", "xong", "da", "se",
	"co ban hoan thanh", "thuc hien va hoan thanh", "to chuc thuc hien", NULL
};

static const char *const doc_kinds[] = {
	"ke hoach", "chuong trinh", "chuong trinh hanh dong", "nghi quyet", "chi thi", "ket luan",
	"quy dinh", "quyet dinh", "huong dan", "cong van", "thong bao", "de an", "thong tri",
	"quy che", NULL
};

/* "hằng năm", "hàng năm" (folded alike), "hằng quý", "hằng tháng" */
static size_t periodic_at(const struct imp_toks *tk, size_t i)
{
	if (imp_tok_is(tk, i, "hang") &&
	    (imp_tok_is(tk, i + 1, "nam") || imp_tok_is(tk, i + 1, "quy") ||
	     imp_tok_is(tk, i + 1, "thang")))
		return i + 2;
	return i;
}

/* An annual phrase: "hằng năm", "định kỳ hằng năm", "vào tháng 12 hằng năm",
 * "hằng năm vào tháng 12", "trước ngày 15/12 hằng năm". */
static size_t annual_at(const struct imp_toks *tk, size_t i)
{
	size_t k = i, e;
	int g;

	if (imp_tok_is(tk, k, "dinh") && imp_tok_is(tk, k + 1, "ky"))
		k += 2;
	if (imp_tok_is(tk, k, "vao") || imp_tok_is(tk, k, "truoc") || imp_tok_is(tk, k, "trong"))
		k++;
	if (imp_tok_is(tk, k, "thang") && is_month(tk, k + 1, &g) && !g)
		k += 2;
	else if (imp_tok_is(tk, k, "ngay") && tok_len(tk, k + 1) && slashes(tok_s(tk, k + 1),
	                                                                    tok_len(tk, k + 1)) == 1)
		k += 2;
	e = periodic_at(tk, k);
	if (e == k)
		return i;
	if (imp_tok_is(tk, e, "vao") && imp_tok_is(tk, e + 1, "thang") && is_month(tk, e + 2, &g) &&
	    !g)
		e += 3;
	return e;
}

/* A deadline core at token i: CORE_FIXED (its end in *end), CORE_OPEN (it
 * runs to the end of the sentence), or CORE_NONE. */
static enum core_kind core_at(const struct imp_toks *tk, size_t i, size_t *end)
{
	size_t k, l;

	*end = i;
	if (i >= tk->nt || tk->t[i].punct)
		return CORE_NONE;
	/* thường xuyên[, liên tục] */
	if ((k = i + imp_tok_seq(tk, i, "thuong xuyen")) > i ||
	    (k = i + imp_tok_seq(tk, i, "lien tuc")) > i) {
		if (imp_tok_punct(tk, k, ',') && imp_tok_seq(tk, k + 1, "lien tuc"))
			k += 3;
		else if (imp_tok_seq(tk, k, "lien tuc"))
			k += 2;
		*end = k;
		return CORE_FIXED;
	}
	/* dated: [trong|đến|vào|trước|chậm nhất ...] time */
	k = i;
	if (imp_tok_seq(tk, k, "cham nhat"))
		k += 2;
	if (imp_tok_is(tk, k, "trong") || imp_tok_is(tk, k, "den") || imp_tok_is(tk, k, "vao") ||
	    imp_tok_is(tk, k, "truoc"))
		k++;
	if ((l = time_at(tk, k)) > k) {
		size_t a = annual_at(tk, i);

		*end = a > l ? a : l;
		return CORE_FIXED;
	}
	if ((l = annual_at(tk, i)) > i) {
		*end = l;
		return CORE_FIXED;
	}
	/* từ năm 2023[ - 2026 | đến năm 2026] ; giai đoạn 2021 - 2025 */
	if (imp_tok_is(tk, i, "tu") || imp_tok_seq(tk, i, "giai doan")) {
		k = i + (imp_tok_is(tk, i, "tu") ? 1 : 2);
		if (is_year_range(tk, k) || (imp_tok_is(tk, k, "nam") && is_year_range(tk, k + 1))) {
			*end = k + (imp_tok_is(tk, k, "nam") ? 2 : 1);
			return CORE_FIXED;
		}
		if (imp_tok_is(tk, k, "nam"))
			k++;
		if (!is_year(tk, k))
			return CORE_NONE;
		k++;
		l = k;
		if (imp_tok_punct(tk, l, '-') || imp_tok_is(tk, l, "den")) {
			l++;
			if (imp_tok_is(tk, l, "nam"))
				l++;
			if (is_year(tk, l))
				k = l + 1;
		}
		*end = k;
		return CORE_FIXED;
	}
	if (imp_tok_seq(tk, i, "theo nhiem ky") || imp_tok_seq(tk, i, "moi nhiem ky") ||
	    imp_tok_seq(tk, i, "ca nhiem ky")) {
		*end = i + 3;
		return CORE_FIXED;
	}
	if (imp_tok_seq(tk, i, "theo lo trinh"))
		return CORE_OPEN;
	if (imp_tok_seq(tk, i, "theo yeu cau cua") || imp_tok_seq(tk, i, "khi co yeu cau"))
		return CORE_OPEN;
	k = i;
	if (imp_tok_is(tk, k, "ngay"))
		k++;
	if (imp_tok_seq(tk, k, "sau khi") || imp_tok_seq(tk, k, "khi co"))
		return CORE_OPEN;
	if (imp_tok_is(tk, i, "theo") && imp_tok_any(tk, i + 1, doc_kinds, &l) >= 0 &&
	    imp_tok_is(tk, i + 1 + l, "so"))
		return CORE_OPEN;
	return CORE_NONE;
}

/* Lead-in words before a core ("thực hiện", "hoàn thành", "cấp tỉnh"). */
static size_t skip_lead_in(const struct imp_toks *tk, size_t i)
{
	size_t l;

	for (int guard = 0; guard < 3; guard++) {
		if (imp_tok_any(tk, i, lead_ins, &l) >= 0)
			i += l;
		else if (imp_tok_is(tk, i, "doi") && imp_tok_is(tk, i + 1, "voi") &&
		         imp_tok_is(tk, i + 2, "cap"))
			i += 2;
		else
			break;
	}
	return i;
}

/* "cấp tỉnh", "cấp huyện", "cấp cơ sở", "cấp xã": tokens, or 0. */
static size_t level_at(const struct imp_toks *tk, size_t i)
{
	static const char *const lv[] = { "cap tinh", "cap huyen", "cap co so", "cap xa",
					  "cap thanh pho", "cap trung uong", NULL };
	size_t l = 0, k = i;

	if (imp_tok_is(tk, k, "doi") && imp_tok_is(tk, k + 1, "voi"))
		k += 2;
	if (imp_tok_any(tk, k, lv, &l) < 0)
		return 0;
	return k - i + l;
}

/* ---- scanning --------------------------------------------------------- */

static int clause_end(const struct imp_toks *tk, size_t i)
{
	return i >= tk->nt || imp_tok_punct(tk, i, ',') || imp_tok_punct(tk, i, ';') ||
	       imp_tok_punct(tk, i, '.') || imp_tok_punct(tk, i, ':') || imp_tok_punct(tk, i, '(') ||
	       imp_tok_punct(tk, i, ')') || imp_tok_punct(tk, i, '!') || imp_tok_punct(tk, i, '?');
}

static int sentence_end(const struct imp_toks *tk, size_t i)
{
	return i >= tk->nt || imp_tok_punct(tk, i, ';') || imp_tok_punct(tk, i, '.') ||
	       imp_tok_punct(tk, i, '(') || imp_tok_punct(tk, i, ')');
}

/* A deadline phrase that is a whole clause starting at token i (after
 * lead-in words): its end token, or i. */
static size_t clause_phrase(const struct imp_toks *tk, size_t i)
{
	size_t k = skip_lead_in(tk, i), e;
	enum core_kind ck = core_at(tk, k, &e);

	/* ", ngày 28/11/2022." closes a citation: a bare date is no deadline */
	if (ck == CORE_FIXED && k == i && (imp_tok_is(tk, k, "ngay") || is_date(tk, k)))
		return i;
	if (ck == CORE_OPEN) {
		while (!sentence_end(tk, e))
			e++;
		return e;
	}
	if (ck == CORE_FIXED && clause_end(tk, e))
		return e;
	return i;
}

/* A clause of one level ("cấp huyện hoàn thành trong tháng 01/2023"):
 * its end, or i. */
static size_t level_clause(const struct imp_toks *tk, size_t i)
{
	size_t l = level_at(tk, i);

	if (!l)
		return i;
	return clause_phrase(tk, i + l) > i + l ? clause_phrase(tk, i + l) : i;
}

/* Tail forms found anywhere in a clause: "... trước ngày 15/12/2023",
 * "... trong quý II/2023.", "... vào tháng 12 hằng năm". */
static size_t tail_phrase(const struct imp_toks *tk, size_t i)
{
	size_t e;
	int g;

	if (imp_tok_is(tk, i, "truoc") && imp_tok_is(tk, i + 1, "ngay") &&
	    (e = time_at(tk, i + 1)) > i + 1)
		return e;
	if (imp_tok_seq(tk, i, "cham nhat") && core_at(tk, i, &e) == CORE_FIXED)
		return e;
	if (imp_tok_is(tk, i, "trong") &&
	    (imp_tok_is(tk, i + 1, "quy") || imp_tok_is(tk, i + 1, "thang") ||
	     imp_tok_is(tk, i + 1, "nam")) &&
	    (e = time_at(tk, i + 1)) > i + 1 && clause_end(tk, e))
		return e;
	if ((imp_tok_is(tk, i, "vao") && imp_tok_is(tk, i + 1, "thang") && is_month(tk, i + 2, &g)) ||
	    (imp_tok_is(tk, i, "truoc") && imp_tok_is(tk, i + 1, "ngay")) ||
	    imp_tok_seq(tk, i, "dinh ky hang")) {
		e = annual_at(tk, i);
		if (e > i && e > i + 2)
			return e;
	}
	return i;
}

/* Does tokens [a, b) hold a deadline core anywhere? */
static int has_core(const struct imp_toks *tk, size_t a, size_t b)
{
	size_t e;

	for (size_t i = a; i < b; i++)
		if (core_at(tk, i, &e) != CORE_NONE || level_at(tk, i))
			return 1;
	return 0;
}

struct found_list {
	struct imp_dl_found *out;
	size_t n, max;
};

/* Parse s[start..end) and keep it when it states a deadline. */
static void keep(struct found_list *fl, const char *s, size_t start, size_t end)
{
	char *phrase;
	struct deadline dl;

	/* Markdown emphasis around the phrase ("(*...*)") and final punctuation */
	while (start < end && (s[start] == ' ' || s[start] == '*' || s[start] == '_'))
		start++;
	while (end > start && (s[end - 1] == ' ' || s[end - 1] == '.' || s[end - 1] == ',' ||
	                       s[end - 1] == ';' || s[end - 1] == '*' || s[end - 1] == '_'))
		end--;
	if (fl->n >= fl->max || end <= start)
		return;
	phrase = xstrndup(s + start, end - start);
	if (dl_parse(phrase, &dl)) {
		fl->out[fl->n].start = start;
		fl->out[fl->n].end = end;
		fl->out[fl->n].dl = dl;
		fl->n++;
	}
	free(phrase);
}

size_t imp_dl_find(const char *s, size_t n, struct imp_dl_found *out, size_t max)
{
	struct imp_toks tk;
	size_t found;

	imp_toks_init(&tk, s, n);
	found = imp_dl_find_toks(&tk, out, max);
	imp_toks_free(&tk);
	return found;
}

/* Does a phrase start at token i (emphasis marks skipped)? */
static int phrase_starts(const struct imp_toks *tk, size_t i)
{
	size_t e;

	while (imp_tok_punct(tk, i, '*') || imp_tok_punct(tk, i, '_'))
		i++;
	return core_at(tk, skip_lead_in(tk, i), &e) != CORE_NONE || level_at(tk, i);
}

#define MAX_NEST 4

/* Scan tokens [lo, hi) for phrases, in text order. */
static void scan(const struct imp_toks *tk, size_t lo, size_t hi, struct found_list *fl,
                 int nest)
{
	size_t i = lo, start, end;
	int clause_start = 1;

	while (i < hi && fl->n < fl->max) {
		if (imp_tok_punct(tk, i, '(')) {
			size_t j = i + 1, before = fl->n;
			int depth = 1;

			while (j < hi && depth) {
				if (imp_tok_punct(tk, j, '('))
					depth++;
				else if (imp_tok_punct(tk, j, ')'))
					depth--;
				if (depth)
					j++;
			}
			if (j > i + 1) {
				/* "(thực hiện thường xuyên)": the whole parenthesis; "(Ban
				 * Tổ chức chủ trì; hoàn thành trong năm 2024)": what is in it */
				if (!phrase_starts(tk, i + 1) && nest < MAX_NEST)
					scan(tk, i + 1, j, fl, nest + 1);
				if (fl->n == before && has_core(tk, i + 1, j)) {
					imp_tok_span(tk, i + 1, j, &start, &end);
					keep(fl, tk->s, start, end);
				}
			}
			i = j + 1;
			clause_start = 0;
			continue;
		}
		if (tk->t[i].punct) {
			clause_start = strchr(",;.:!?)", tk->t[i].punct) != NULL;
			i++;
			continue;
		}
		if (clause_start) {
			size_t e = level_clause(tk, i), k;

			if (e > i) {
				/* consecutive levels: one multi-level phrase */
				for (;;) {
					k = e;
					if (!imp_tok_punct(tk, k, ';') && !imp_tok_punct(tk, k, ','))
						break;
					if (level_clause(tk, k + 1) == k + 1)
						break;
					e = level_clause(tk, k + 1);
				}
			} else {
				e = clause_phrase(tk, i);
			}
			if (e > i) {
				imp_tok_span(tk, i, e, &start, &end);
				keep(fl, tk->s, start, end);
				i = e;
				clause_start = 0;
				continue;
			}
		}
		{
			size_t e = tail_phrase(tk, i);

			if (e > i) {
				imp_tok_span(tk, i, e, &start, &end);
				keep(fl, tk->s, start, end);
				i = e;
				clause_start = 0;
				continue;
			}
		}
		clause_start = 0;
		i++;
	}
}

size_t imp_dl_find_toks(const struct imp_toks *tk, struct imp_dl_found *out, size_t max)
{
	struct found_list fl = { out, 0, max };

	scan(tk, 0, tk->nt, &fl, 0);
	return fl.n;
}

int imp_dl_section_line(const char *s, size_t n, size_t *start, size_t *end)
{
	static const char *const heads[] = {
		"thoi gian thuc hien", "thoi gian hoan thanh", "thoi han hoan thanh",
		"thoi han thuc hien", "thoi han", "thoi gian", "tien do thuc hien", "tien do",
		"thoi gian trien khai", NULL
	};
	struct imp_toks tk;
	size_t l = 0;
	int ok = 0;

	/* "Thời gian ...", "Tiến độ ...": cheap test before folding */
	if (n < 8 || (s[0] != 'T' && s[0] != 't'))
		return 0;
	imp_toks_init(&tk, s, n);
	if (imp_tok_any(&tk, 0, heads, &l) >= 0 && imp_tok_punct(&tk, l, ':') && l + 1 < tk.nt) {
		imp_tok_span(&tk, l + 1, tk.nt, start, end);
		while (*end > *start && (s[*end - 1] == '.' || s[*end - 1] == ' ' ||
		                         s[*end - 1] == ';'))
			(*end)--;
		ok = *end > *start;
	}
	imp_toks_free(&tk);
	return ok;
}
