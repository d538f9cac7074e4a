/* deadline-parse.c — reading the deadline phrases of Vietnamese plans.
 *
 * The words of deadlines are recognised by dl-vocab.c, which the
 * importer's finder uses too; this file decides what a phrase means.  Text
 * that is kept (the body in "theo yêu cầu của Trung ương", a document
 * number, a level) is cut from the NFC phrase, so it keeps its case and
 * diacritics.
 *
 * A phrase can hold several readings ("hoàn thành trong quý II/2023 ...
 * thực hiện thường xuyên"); parse_single() tries the kinds in an order
 * that makes the more specific, dated one win.
 */
#include "deadline.h"

#include <stdlib.h>
#include <string.h>

#include "dl-vocab.h"
#include "text.h"
#include "util.h"

/* ---- the kinds ----------------------------------------------------------- */

/* Where the name of a body ends: at punctuation that closes the phrase,
 * before "năm 2023" or "trong năm 2024", or "về ...". */
static int body_end(const struct dv_text *lx, int i, int hi)
{
	static const char *const time_words[] = { "nam", "quy", "thang", "ngay", NULL };
	int j, k, f;

	for (j = i; j < hi; j++) {
		char p = dv_punct(lx, j, hi);

		if (p && strchr(";().:[]\"!?", p))
			break;
		if (dv_is(lx, j, hi, "nam") && dv_num(lx, j + 1, hi) >= 0)
			break;
		/* "trong năm", "vào quý", "từ 2024", "cuối năm": a time follows */
		k = dv_time_lead_at(lx, j, hi);
		if (!k)
			k = dv_start_at(lx, j, hi, &f);
		if (!k && (dv_is(lx, j, hi, "dau") || dv_is(lx, j, hi, "cuoi")))
			k = 1;
		if (k && (dv_any(lx, j + k, hi, time_words, NULL) >= 0 || dv_num(lx, j + k, hi) >= 0))
			break;
		if (dv_is(lx, j, hi, "ve") || dv_seq(lx, j, hi, "de thuc hien"))
			break;
	}
	while (j > i && (dv_punct(lx, j - 1, hi) == ',' || dv_punct(lx, j - 1, hi) == '-'))
		j--;
	return j;
}

/* The expected year in [lo, hi): the last period named there (not a date
 * of a document), or "(2023)".  0 if none. */
static int expected_year(const struct dv_text *lx, int lo, int hi)
{
	struct dv_period p;
	int y = 0, n, v;

	for (int i = lo; i < hi; i++) {
		if ((n = dv_period_at(lx, i, hi, 0, &p))) {
			y = p.year;
			i += n - 1;
		} else if (dv_punct(lx, i, hi) == '(' && (v = dv_year(lx, i + 1, hi)) &&
			   dv_punct(lx, i + 2, hi) == ')') {
			y = v;
		}
	}
	return y;
}

/* "của <body>" after p, before the phrase closes: the body into by. */
static void body_after_cua(const struct dv_text *lx, int p, int hi, char *by, size_t len)
{
	for (int j = p; j < hi; j++) {
		char c = dv_punct(lx, j, hi);

		if (c == ';' || c == '(' || c == ')')
			return;
		if (dv_is(lx, j, hi, "cua")) {
			dv_cut(lx, j + 1, body_end(lx, j + 1, hi), by, len);
			return;
		}
	}
}

/* "sau khi có văn bản của Trung ương (năm 2023)", "khi có chỉ đạo của ...",
 * "sau khi Trung ương sửa đổi ... vào năm 2025", "chờ hướng dẫn của ...". */
static int match_after_directive(const struct dv_text *lx, int lo, int hi, struct dl_part *d)
{
	static const char *const verbs[] = { "ban hanh", "sua doi", "bo sung", "co", "huong dan",
					     "chi dao", "phe duyet", "thong qua", NULL };

	for (int i = lo; i < hi; i++) {
		const struct dv_marker *m;
		int j = i + dv_marker_at(lx, i, hi, &m), v;

		if (j == i || !m || m->kind != DL_AFTER_DIRECTIVE)
			continue;
		if (!m->subject || dv_is(lx, j, hi, "co") || dv_directive_at(lx, j, hi)) {
			body_after_cua(lx, j, hi, d->by, sizeof d->by);
		} else {
			/* "sau khi Trung ương sửa đổi": the subject before the verb. */
			for (v = j + 1; v < hi && v <= j + 8; v++)
				if (dv_punct(lx, v, hi) || dv_any(lx, v, hi, verbs, NULL) >= 0)
					break;
			if (v >= hi || v > j + 8 || dv_punct(lx, v, hi))
				continue;
			dv_cut(lx, j, v, d->by, sizeof d->by);
		}
		d->kind = DL_AFTER_DIRECTIVE;
		d->year = expected_year(lx, i, hi);
		return 1;
	}
	return 0;
}

/* "theo yêu cầu của Trung ương", "khi có yêu cầu"; not in [alt, alt_end),
 * the alternative of a recurring duty ("hằng năm hoặc khi có yêu cầu"). */
static int match_on_request(const struct dv_text *lx, int lo, int hi, int alt, int alt_end,
			    struct dl_part *d)
{
	for (int i = lo; i < hi; i++) {
		const struct dv_marker *m;
		int j = i + dv_marker_at(lx, i, hi, &m);

		if (j == i || !m || m->kind != DL_ON_REQUEST || (i >= alt && i < alt_end))
			continue;
		d->kind = DL_ON_REQUEST;
		if (dv_is(lx, j, hi, "cua"))
			dv_cut(lx, j + 1, body_end(lx, j + 1, hi), d->by, sizeof d->by);
		return 1;
	}
	return 0;
}

/* The first dated reading in [lo, hi): into *dated a DL_BY or DL_RANGE,
 * into *from a DL_FROM; each kind stays DL_NONE when there is none. */
static void match_dated(const struct dv_text *lx, int lo, int hi, struct dl_part *dated,
			struct dl_part *from)
{
	for (int i = lo; i < hi; i++) {
		struct dv_period p, q;
		int after_tu = 0, n, e, f;

		for (int back = 1; back <= 3 && i - back >= 0; back++)
			if (dv_start_at(lx, i - back, hi, &f) == back) {
				after_tu = f;
				break;
			}
		n = dv_period_at(lx, i, hi, dv_bare_year_ok(lx, i, hi), &p);

		/* "Quy định số 08-QĐ/TW năm 2021": the document's year. */
		if (!n || (i - 1 >= lo && lx->t[i - 1].skip))
			continue;
		if ((e = dv_range_tail(lx, i + n, hi, &q)) > i + n && q.end >= p.start &&
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
			dated->due = dv_is(lx, i - 1, hi, "truoc") ? p.start - 1 : p.end;
		}
		i += n - 1;
	}
}

/* "theo Kế hoạch số 121-KH/TU": 1 and ref (maybe "") when found in [lo, hi). */
static int match_per_document(const struct dv_text *lx, int lo, int hi, char *ref, size_t len)
{
	for (int i = lo; i < hi; i++) {
		int j, n, k;

		if (!dv_is(lx, i, hi, "theo"))
			continue;
		j = i + 1 + dv_is(lx, i + 1, hi, "cac");
		if (!(n = dv_doc_kind_at(lx, j, hi)))
			continue;
		ref[0] = '\0';
		for (k = j + n; k < hi && k <= j + n + 6; k++) {
			int e = dv_docnum_end(lx, k, hi);

			if (e > k) {
				dv_cut(lx, k, e, ref, len);
				break;
			}
		}
		return 1;
	}
	return 0;
}

/* The recurring duty named in a phrase. */
struct rhythm {
	int found;
	enum dl_every every;  /* the finest rhythm named */
	int month;            /* of a yearly one, or 0 */
	int alt, alt_end;     /* tokens of the alternative ("hoặc khi có yêu cầu") */
};

/* The rhythms of [lo, hi): "hằng năm", "vào tháng 12 hằng năm", "định kỳ 6
 * tháng", "hằng quý hoặc đột xuất" (dv_recurring_at).  A yearly rhythm
 * whose month is elsewhere in the phrase ("hằng năm, báo cáo vào tháng 12")
 * takes it from there. */
static void find_rhythm(const struct dv_text *lx, int lo, int hi, struct rhythm *r)
{
	memset(r, 0, sizeof *r);
	r->alt = r->alt_end = hi;
	for (int i = lo; i < hi; i++) {
		enum dl_every e;
		int m, alt, n = dv_recurring_at(lx, i, hi, &e, &m, &alt);

		if (!n)
			continue;
		if (!r->found) {
			r->alt = alt;
			r->alt_end = i + n;
		}
		if (!r->found || e > r->every)
			r->every = e;
		if (!r->month)
			r->month = m;
		r->found = 1;
		i += n - 1;
	}
	for (int i = lo; r->found && r->every == DL_EVERY_YEAR && !r->month && i < hi; i++)
		dv_month_anchor_at(lx, i, hi, &r->month);
	if (r->every != DL_EVERY_YEAR)
		r->month = 0;
}

static int has_ongoing(const struct dv_text *lx, int lo, int hi)
{
	for (int i = lo; i < hi; i++)
		if (dv_ongoing_at(lx, i, hi))
			return 1;
	return 0;
}

/* 1 if the noun of kind (dv_kind_noun_at) is in [lo, hi). */
static int has_noun(const struct dv_text *lx, int lo, int hi, enum dl_kind kind)
{
	enum dl_kind k;

	for (int i = lo; i < hi; i++)
		if (dv_kind_noun_at(lx, i, hi, &k) && k == kind)
			return 1;
	return 0;
}

/* One deadline read from tokens [lo, hi): 1 when found. */
static int parse_single(const struct dv_text *lx, int lo, int hi, struct dl_part *d)
{
	struct dl_part dated, from;
	struct rhythm r;
	char ref[DL_REF_LEN];

	memset(d, 0, sizeof *d);
	d->due = d->start = DATE_NONE;
	d->kind = DL_NONE;
	find_rhythm(lx, lo, hi, &r);
	if (match_after_directive(lx, lo, hi, d) || match_on_request(lx, lo, hi, r.alt, r.alt_end, d))
		return 1;
	dated = from = *d;
	match_dated(lx, lo, hi, &dated, &from);
	if (dated.kind != DL_NONE) {
		*d = dated;
		return 1;
	}
	if (r.found && r.every == DL_EVERY_YEAR) {
		d->kind = DL_ANNUAL;
		d->month = r.month;
		return 1;
	}
	if (from.kind != DL_NONE) {
		*d = from;
		d->every = (uint8_t)r.every;
		return 1;
	}
	if (r.found && r.every != DL_EVERY_NONE) {
		d->kind = DL_ONGOING;
		d->every = (uint8_t)r.every;
	} else if (match_per_document(lx, lo, hi, ref, sizeof ref)) {
		d->kind = DL_PER_DOCUMENT;
		memcpy(d->ref, ref, sizeof ref);
	} else if (has_noun(lx, lo, hi, DL_TERM)) {
		d->kind = DL_TERM;
	} else if (has_noun(lx, lo, hi, DL_ROADMAP)) {
		d->kind = DL_ROADMAP;
	} else if (r.found || has_ongoing(lx, lo, hi)) {
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
	       a->month == b->month && a->year == b->year && a->every == b->every &&
	       strcmp(a->by, b->by) == 0 &&
	       strcmp(a->ref, b->ref) == 0;
}

/* "cấp tỉnh ... tháng 12/2022; cấp huyện ... tháng 01/2023; cấp cơ sở ...":
 * 1 when at least two levels carry deadlines that differ. */
static int parse_multi(const struct dv_text *lx, struct deadline *dl)
{
	struct level_mark marks[DL_MAX_PARTS];
	int nmarks = 0, n, k, differ = 0;

	for (int i = 0; i < lx->nt && nmarks < DL_MAX_PARTS; i++)
		if ((n = dv_level_at(lx, i, lx->nt))) {
			marks[nmarks].at = i;
			marks[nmarks++].end = i + n;
			i += n - 1;
		}
	if (nmarks < 2)
		return 0;
	for (k = 0; k < nmarks; k++) {
		int hi = k + 1 < nmarks ? marks[k + 1].at : lx->nt;
		struct dl_part *p = &dl->parts[k];

		parse_single(lx, marks[k].end, hi, p);
		dv_cut(lx, marks[k].at + 1, marks[k].end, p->level, sizeof p->level);
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
	struct dv_text lx;
	char *src;
	size_t n;
	int found = 0;

	dl_init(dl);
	if (!phrase)
		return 0;
	src = txt_nfc(phrase, TXT_NUL, &n);
	if (!src) {
		src = xstrdup(phrase);
		n = strlen(phrase);
	}
	dv_lex(&lx, src, n);
	dv_mark_documents(&lx);
	if (lx.nt > 0) {
		if (parse_multi(&lx, dl)) {
			found = 1;
		} else {
			dl_init(dl);
			found = parse_single(&lx, 0, lx.nt, &dl->d);
		}
	}
	dv_free(&lx);
	free(src);
	if (!found)
		dl_init(dl);
	return found;
}
