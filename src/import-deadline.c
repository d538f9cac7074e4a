/* import-deadline.c — where a task's deadline is written: a phrase in
 * parentheses ("(*thực hiện thường xuyên*)"), a clause of the sentence
 * ("...; hoàn thành trong quý II/2023."), a dated or recurring tail ("...
 * trước ngày 15/12/2023", "... vào tháng 12 hằng năm"), or a section line
 * ("Thời gian thực hiện: Thường xuyên.").
 *
 * This file only decides WHERE a phrase is: the words of deadlines are
 * recognised by dl-vocab.c, the same recognisers dl_parse() reads them
 * with, and a phrase is kept only when dl_parse() reads it.  The phrase is
 * kept exactly as written.
 */
#include "import-internal.h"

#include <stdlib.h>
#include <string.h>

#include "deadline.h"
#include "dl-vocab.h"

/* ---- punctuation ------------------------------------------------------ */

/* A mark that ends a clause (not one inside a word: "10.8", "1,5"). */
static int clause_punct(const struct dv_text *x, int i, const char *marks)
{
	char p = dv_punct(x, i, x->nt);

	return p && strchr(marks, p) && !dv_inside_word(x, i, x->nt);
}

static int clause_end(const struct dv_text *x, int i)
{
	return i >= x->nt || clause_punct(x, i, ",;.:()!?");
}

static int sentence_end(const struct dv_text *x, int i)
{
	return i >= x->nt || clause_punct(x, i, ";.()");
}

/* ---- deadline cores ----------------------------------------------------- */

enum core_kind { CORE_NONE = 0, CORE_FIXED, CORE_OPEN };

/* A dated core at i: [lead] period [range tail].  Its end, or i. */
static int dated_at(const struct dv_text *x, int i)
{
	struct dv_period p, q;
	int k = i + dv_time_lead_at(x, i, x->nt), n;

	if (!(n = dv_period_at(x, k, x->nt, dv_bare_year_ok(x, k, x->nt), &p)))
		return i;
	return dv_range_tail(x, k + n, x->nt, &q);
}

/* "từ năm 2023", "kể từ ngày 01/7/2025", "từ năm 2024 - 2026", "giai đoạn
 * 2021 - 2025" (dv_start_at, then a period): its end, or i. */
static int from_at(const struct dv_text *x, int i)
{
	struct dv_period p, q;
	int from, k = i + dv_start_at(x, i, x->nt, &from), n;

	if (k == i || !(n = dv_period_at(x, k, x->nt, 1, &p)))
		return i;
	return dv_range_tail(x, k + n, x->nt, &q);
}

/* After a recurring or open-ended core ending at e: further rhythms joined
 * by ",", "và", "hoặc" ("định kỳ 6 tháng, hằng năm", "từ năm 2024, báo
 * cáo hằng quý") belong to the same phrase.  The new end, or e. */
static int more_rhythms(const struct dv_text *x, int e)
{
	enum dl_every every;
	int month, alt, k, n;

	for (;;) {
		k = e;
		if (clause_punct(x, k, ",") || dv_is(x, k, x->nt, "va") || dv_is(x, k, x->nt, "hoac"))
			k++;
		k += dv_lead_in_at(x, k, x->nt);
		if (!(n = dv_recurring_at(x, k, x->nt, &every, &month, &alt)) &&
		    !(n = dv_ongoing_at(x, k, x->nt)))
			return e;
		e = k + n;
	}
}

/* A deadline core at token i: CORE_FIXED (its end in *end), CORE_OPEN (it
 * runs to the end of the sentence), or CORE_NONE. */
static enum core_kind core_at(const struct dv_text *x, int i, int *end)
{
	const struct dv_marker *m;
	enum dl_every every;
	int k, month, alt;

	*end = i;
	if (i >= x->nt || dv_punct(x, i, x->nt))
		return CORE_NONE;
	if ((k = dv_ongoing_at(x, i, x->nt)) || (k = dv_recurring_at(x, i, x->nt, &every, &month, &alt))) {
		*end = more_rhythms(x, i + k);
		return CORE_FIXED;
	}
	if ((k = dated_at(x, i)) > i) {
		*end = k;
		return CORE_FIXED;
	}
	if ((k = from_at(x, i)) > i) {
		*end = more_rhythms(x, k);
		return CORE_FIXED;
	}
	if ((k = dv_marker_at(x, i, x->nt, &m))) {
		*end = i + k;
		return m && !m->open ? CORE_FIXED : CORE_OPEN;
	}
	return CORE_NONE;
}

/* Lead-in words before a core ("thực hiện", "hoàn thành", "đối với"). */
static int skip_lead_in(const struct dv_text *x, int i)
{
	int l;

	for (int guard = 0; guard < 3; guard++) {
		if ((l = dv_lead_in_at(x, i, x->nt)))
			i += l;
		else if (dv_seq(x, i, x->nt, "doi voi cap"))
			i += 2;
		else
			break;
	}
	return i;
}

/* "[đối với] cấp tỉnh": tokens, or 0. */
static int level_at(const struct dv_text *x, int i)
{
	int k = dv_seq(x, i, x->nt, "doi voi"), l = dv_level_at(x, i + k, x->nt);

	return l ? k + l : 0;
}

/* ---- scanning --------------------------------------------------------- */

/* A deadline phrase that is a whole clause starting at token i (after
 * lead-in words): its end token, or i. */
static int clause_phrase(const struct dv_text *x, int i)
{
	int k = skip_lead_in(x, i), e;
	enum core_kind ck = core_at(x, k, &e);
	date_t d;

	/* ", ngày 28/11/2022." closes a citation: a bare date is no deadline */
	if (ck == CORE_FIXED && k == i && (dv_is(x, k, x->nt, "ngay") || dv_dmy_at(x, k, x->nt, &d)))
		return i;
	if (ck == CORE_OPEN) {
		while (!sentence_end(x, e))
			e++;
		return e;
	}
	if (ck == CORE_FIXED && clause_end(x, e))
		return e;
	return i;
}

/* A clause of one level ("cấp huyện hoàn thành trong tháng 01/2023"):
 * its end, or i. */
static int level_clause(const struct dv_text *x, int i)
{
	int l = level_at(x, i), e;

	if (!l)
		return i;
	/* "cấp tỉnh: hoàn thành ..." */
	if (dv_punct(x, i + l, x->nt) == ':')
		l++;
	e = clause_phrase(x, i + l);
	return e > i + l ? e : i;
}

/* Forms found anywhere in a clause: "... trước ngày 15/12/2023", "...
 * chậm nhất ngày 15/3/2024", "... trong quý II/2023.", "... vào tháng 12
 * hằng năm", "... hằng quý.". */
static int tail_phrase(const struct dv_text *x, int i)
{
	enum dl_every every;
	int e, n, month, alt;

	/* leads that mark a deadline anywhere; "trong" only when the time
	 * closes the clause */
	if ((dv_seq(x, i, x->nt, "truoc ngay") || dv_seq(x, i, x->nt, "cham nhat")) &&
	    (e = dated_at(x, i)) > i)
		return e;
	/* not "đến năm 2030": "Chiến lược ... đến năm 2030" names a strategy */
	if (dv_is(x, i, x->nt, "trong") && (e = dated_at(x, i)) > i && clause_end(x, e))
		return e;
	/* a recurring duty: with its month, "định kỳ" or an alternative, or a
	 * rhythm closing the clause ("... hằng quý."; not "... hằng tuần.", the
	 * pace of the work rather than of its reports) */
	if ((n = dv_recurring_at(x, i, x->nt, &every, &month, &alt)) &&
	    (n > 2 || (clause_end(x, i + n) && every != DL_EVERY_NONE)))
		return i + n;
	return i;
}

/* Does tokens [a, b) hold a deadline core anywhere? */
static int has_core(const struct dv_text *x, int a, int b)
{
	int e;

	for (int i = a; i < b; i++)
		if (core_at(x, i, &e) != CORE_NONE || level_at(x, i))
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

static void keep_tokens(struct found_list *fl, const struct dv_text *x, int i, int j)
{
	size_t start, end;

	dv_span(x, i, j, &start, &end);
	keep(fl, x->src, start, end);
}

/* Does a phrase start at token i? */
static int phrase_starts(const struct dv_text *x, int i)
{
	int e;

	return core_at(x, skip_lead_in(x, i), &e) != CORE_NONE || level_at(x, i);
}

#define MAX_NEST 4

/* Scan tokens [lo, hi) for phrases, in text order. */
static void scan(const struct dv_text *x, int lo, int hi, struct found_list *fl, int nest)
{
	int i = lo, clause_start = 1, e, k;

	while (i < hi && fl->n < fl->max) {
		if (dv_punct(x, i, hi) == '(') {
			int j = i + 1, depth = 1;
			size_t before = fl->n;

			while (j < hi && depth) {
				if (dv_punct(x, j, hi) == '(')
					depth++;
				else if (dv_punct(x, j, hi) == ')')
					depth--;
				if (depth)
					j++;
			}
			if (j > i + 1) {
				/* "(thực hiện thường xuyên)": the whole parenthesis; "(Ban
				 * Tổ chức chủ trì; hoàn thành trong năm 2024)": what is in it */
				if (!phrase_starts(x, i + 1) && nest < MAX_NEST)
					scan(x, i + 1, j, fl, nest + 1);
				if (fl->n == before && has_core(x, i + 1, j))
					keep_tokens(fl, x, i + 1, j);
			}
			i = j + 1;
			clause_start = 0;
			continue;
		}
		if (dv_punct(x, i, hi)) {
			clause_start = clause_punct(x, i, ",;.:!?)");
			i++;
			continue;
		}
		if (clause_start) {
			e = level_clause(x, i);
			if (e > i) {
				/* consecutive levels: one multi-level phrase */
				for (;;) {
					k = e;
					if (!clause_punct(x, k, ";,") || level_clause(x, k + 1) == k + 1)
						break;
					e = level_clause(x, k + 1);
				}
			} else {
				e = clause_phrase(x, i);
			}
			if (e > i) {
				keep_tokens(fl, x, i, e);
				i = e;
				clause_start = 0;
				continue;
			}
		}
		if ((e = tail_phrase(x, i)) > i) {
			keep_tokens(fl, x, i, e);
			i = e;
			clause_start = 0;
			continue;
		}
		clause_start = 0;
		i++;
	}
}

size_t imp_dl_find(const char *s, size_t n, struct imp_dl_found *out, size_t max)
{
	struct found_list fl = { out, 0, max };
	struct dv_text x;

	dv_lex(&x, s, n);
	dv_mark_documents(&x);
	scan(&x, 0, x.nt, &fl, 0);
	dv_free(&x);
	return fl.n;
}

size_t imp_dl_find_toks(const struct imp_toks *tk, struct imp_dl_found *out, size_t max)
{
	return imp_dl_find(tk->s, tk->n, out, max);
}

int imp_dl_section_line(const char *s, size_t n, size_t *start, size_t *end)
{
	struct dv_text x;
	int l, ok = 0;

	/* "Thời gian ...", "Tiến độ ...": cheap test before folding */
	if (n < 8 || (s[0] != 'T' && s[0] != 't'))
		return 0;
	dv_lex(&x, s, n);
	if ((l = dv_section_head_at(&x, 0, x.nt)) && dv_punct(&x, l, x.nt) == ':' && l + 1 < x.nt) {
		dv_span(&x, l + 1, x.nt, start, end);
		while (*end > *start && (s[*end - 1] == '.' || s[*end - 1] == ' ' ||
		                         s[*end - 1] == ';'))
			(*end)--;
		ok = *end > *start;
	}
	dv_free(&x);
	return ok;
}
