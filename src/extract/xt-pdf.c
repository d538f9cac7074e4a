/* xt-pdf.c — the text layer of a PDF into paragraphs, through poppler.
 *
 * A PDF has lines on pages, not paragraphs.  From each line's position
 * (poppler's layout: one rectangle per character) this reader
 *  - drops page furniture: page numbers ("2", "- 3 -", "Trang 4") at the
 *    top or bottom of a page, and lines repeated at the top or bottom of
 *    several pages (running headers and footers);
 *  - rebuilds paragraphs: a line that starts right of the body's left
 *    margin (a first-line indent, a centred line), a larger gap than the
 *    usual line spacing, or a previous line that stopped short of the right
 *    margin starts a new paragraph; consecutive centred lines stay one
 *    paragraph, line by line (a title);
 *  - rejoins a document number broken after its hyphen ("28-" / "NQ/TW").
 * A PDF without a text layer (a scan) is refused with what to do. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <poppler.h>

#include "extract-internal.h"

struct pline {
	char *text;       /* UTF-8, trimmed */
	int page;
	double x1, y1, x2, y2;
	double page_h;
	int drop;         /* page furniture */
};

struct plines {
	struct pline *v;
	size_t n, cap;
};

static void add_line(struct plines *L, const char *s, size_t n, int page, double x1, double y1,
                     double x2, double y2, double ph)
{
	while (n && (s[0] == ' ' || s[0] == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	if (!n)
		return;
	if (L->n == L->cap) {
		L->cap = L->cap ? L->cap * 2 : 256;
		L->v = xrealloc(L->v, L->cap * sizeof *L->v);
	}
	struct pline *l = &L->v[L->n++];
	l->text = xmalloc(n + 1);
	memcpy(l->text, s, n);
	l->text[n] = '\0';
	l->page = page;
	l->x1 = x1;
	l->y1 = y1;
	l->x2 = x2;
	l->y2 = y2;
	l->page_h = ph;
	l->drop = 0;
}

/* UTF-8 length of the character starting with byte c. */
static size_t u8len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

/* The lines of one page with their boxes.  Rectangles are per character
 * of the page text (not per byte). */
static void page_lines(PopplerPage *pg, int page, struct plines *L)
{
	double pw, ph;
	poppler_page_get_size(pg, &pw, &ph);
	char *text = poppler_page_get_text(pg);
	PopplerRectangle *r = NULL;
	guint nr = 0;
	if (!text)
		return;
	if (!poppler_page_get_text_layout(pg, &r, &nr))
		nr = 0;
	size_t start = 0, ci = 0, line_ci = 0;
	size_t len = strlen(text);
	for (size_t i = 0; i <= len; i += i < len ? u8len((unsigned char)text[i]) : 1) {
		if (i == len || text[i] == '\n') {
			double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
			int have = 0;
			for (size_t k = line_ci; k < ci && k < nr; k++) {
				if (r[k].x2 - r[k].x1 <= 0.01)
					continue;
				if (!have) {
					x1 = r[k].x1;
					y1 = r[k].y1;
					y2 = r[k].y2;
					have = 1;
				}
				x2 = r[k].x2 > x2 ? r[k].x2 : x2;
				y2 = r[k].y2 > y2 ? r[k].y2 : y2;
			}
			add_line(L, text + start, i - start, page, x1, y1, x2, y2, ph);
			start = i + 1;
			line_ci = ci + 1;
		}
		ci++;
	}
	g_free(r);
	g_free(text);
}

/* "2", "- 3 -", "– 4 –", "Trang 5", "5/12": a page number and nothing else. */
static int page_number(const char *s)
{
	const char *p = s;
	if (!strncmp(p, "Trang ", 6) || !strncmp(p, "trang ", 6))
		p += 6;
	while (*p == '-' || *p == ' ' || !strncmp(p, "–", 3))
		p += *p == '-' || *p == ' ' ? 1 : 3;
	int digits = 0;
	while (isdigit((unsigned char)*p)) {
		p++;
		digits++;
	}
	if (!digits || digits > 4)
		return 0;
	if (*p == '/')
		for (p++; isdigit((unsigned char)*p); p++)
			;
	while (*p == '-' || *p == ' ' || !strncmp(p, "–", 3))
		p += *p == '-' || *p == ' ' ? 1 : 3;
	return *p == '\0';
}

/* A line's text with its digits taken out, to see a running header or
 * footer that carries the page number ("Kế hoạch 12-KH/TU - trang 3"). */
static void shape(const char *s, char *out, size_t len)
{
	size_t j = 0;
	for (; *s && j + 1 < len; s++)
		if (!isdigit((unsigned char)*s))
			out[j++] = *s;
	out[j] = '\0';
}

static int in_margin(const struct pline *l)
{
	return l->y2 < l->page_h * 0.12 || l->y1 > l->page_h * 0.88;
}

static void drop_furniture(struct plines *L, int npages)
{
	for (size_t i = 0; i < L->n; i++) {
		struct pline *l = &L->v[i];
		int first = i == 0 || L->v[i - 1].page != l->page;
		int last = i + 1 == L->n || L->v[i + 1].page != l->page;
		if ((first || last || in_margin(l)) && page_number(l->text))
			l->drop = 1;
	}
	if (npages < 3)
		return;
	/* Running headers and footers: the same shape in the margin of at
	 * least a third of the pages (and of two at least). */
	char a[256], b[256];
	for (size_t i = 0; i < L->n; i++) {
		struct pline *l = &L->v[i];
		if (l->drop || !in_margin(l))
			continue;
		shape(l->text, a, sizeof a);
		int pages = 0, lastp = -1;
		for (size_t j = 0; j < L->n; j++) {
			if (!in_margin(&L->v[j]) || L->v[j].page == lastp)
				continue;
			shape(L->v[j].text, b, sizeof b);
			if (!strcmp(a, b)) {
				pages++;
				lastp = L->v[j].page;
			}
		}
		if (pages >= 2 && pages * 3 >= npages)
			for (size_t j = 0; j < L->n; j++) {
				shape(L->v[j].text, b, sizeof b);
				if (in_margin(&L->v[j]) && !strcmp(a, b))
					L->v[j].drop = 1;
			}
	}
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* "28-" at the end of prev and "NQ/TW" starting next: a number broken
 * after its hyphen, to be joined without a space. */
static int broken_number(const char *prev, const char *next)
{
	size_t n = strlen(prev);
	if (n < 2 || prev[n - 1] != '-' || !isdigit((unsigned char)prev[n - 2]))
		return 0;
	const char *p = next;
	while (isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80)
		p += (unsigned char)*p >= 0x80 ? u8len((unsigned char)*p) : 1;
	return p > next && *p == '/';
}

/* Where a page holds two columns side by side (the header table, the
 * signature block beside "Nơi nhận"), PDF text comes row by row, mixing
 * them.  A run of lines each of which keeps to one half of the body is
 * put in order: the left column, then the right one, as the document's
 * table reads. */
static void columns(struct plines *L, double left, double right)
{
	double mid = (left + right) / 2;
	size_t i = 0;
	while (i < L->n) {
		size_t j = i;
		int lefts = 0, rights = 0;
		while (j < L->n && L->v[j].page == L->v[i].page &&
		       (L->v[j].drop || L->v[j].x2 <= mid + 6 || L->v[j].x1 >= mid - 6)) {
			if (!L->v[j].drop) {
				lefts += L->v[j].x2 <= mid + 6;
				rights += L->v[j].x1 >= mid - 6 && L->v[j].x2 > mid + 6;
			}
			j++;
		}
		if (j - i >= 2 && lefts && rights) {
			struct pline *tmp = xmalloc((j - i) * sizeof *tmp);
			size_t k = 0;
			for (int pass = 0; pass < 2; pass++)
				for (size_t m = i; m < j; m++) {
					int is_right = !L->v[m].drop && L->v[m].x1 >= mid - 6 && L->v[m].x2 > mid + 6;
					if (is_right == pass)
						tmp[k++] = L->v[m];
				}
			memcpy(&L->v[i], tmp, (j - i) * sizeof *tmp);
			free(tmp);
		}
		i = j > i ? j : i + 1;
	}
}

static void paragraphs(struct plines *L, struct xt_out *o)
{
	/* The body's left margin: the most common left edge (to 1 pt); its
	 * right margin: the 90th percentile of right edges; the usual line
	 * spacing: the median gap between lines that follow on one page. */
	size_t n = 0;
	double *xs = xmalloc((L->n + 1) * sizeof *xs), *gaps = xmalloc((L->n + 1) * sizeof *gaps);
	double *rs = xmalloc((L->n + 1) * sizeof *rs);
	size_t ng = 0;
	const struct pline *prevk = NULL;
	for (size_t i = 0; i < L->n; i++) {
		const struct pline *l = &L->v[i];
		if (l->drop)
			continue;
		xs[n] = floor(l->x1);
		rs[n++] = l->x2;
		if (prevk && prevk->page == l->page && l->y1 > prevk->y1)
			gaps[ng++] = l->y1 - prevk->y1;
		prevk = l;
	}
	if (!n) {
		free(xs);
		free(gaps);
		free(rs);
		return;
	}
	xqsort(xs, n, sizeof *xs, cmp_double);
	double left = xs[0];
	size_t best = 0;
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i; j < n && xs[j] - xs[i] <= 1.0; j++)
			;
		if (j - i > best) {
			best = j - i;
			left = xs[i];
		}
	}
	xqsort(rs, n, sizeof *rs, cmp_double);
	double right = rs[n * 9 / 10];
	double gap = 14;
	if (ng) {
		xqsort(gaps, ng, sizeof *gaps, cmp_double);
		gap = gaps[ng / 2];
	}
	free(xs);
	free(gaps);
	free(rs);
	columns(L, left, right);

	const struct pline *prev = NULL;
	int prev_centred = 0;
	for (size_t i = 0; i < L->n; i++) {
		const struct pline *l = &L->v[i];
		if (l->drop)
			continue;
		int indented = l->x1 > left + 8;
		int centred = indented && fabs((l->x1 - left) - (right - l->x2)) < 24;
		int brk = 1;
		if (prev) {
			int same_page = prev->page == l->page;
			double g = same_page ? l->y1 - prev->y1 : gap;
			int short_prev = prev->x2 < right - 24;
			brk = indented || g > gap * 1.45 || (short_prev && !(prev_centred && centred));
			if (centred && prev_centred && g <= gap * 1.45)
				brk = 0;
		}
		if (brk && prev) {
			xt_end_para(o);
		} else if (prev) {
			if (centred && prev_centred)
				xt_newline(o);
			else if (!broken_number(prev->text, l->text))
				xt_puts(o, " ");
		}
		xt_puts(o, l->text);
		prev = l;
		prev_centred = centred;
	}
	xt_end_para(o);
}

/* Why poppler could not open a document, in Vietnamese (its own message
 * is English); another domain's message (a file error) as it is. */
static const char *pdf_reason(const GError *gerr)
{
	if (!gerr)
		return "lỗi không rõ";
	if (gerr->domain != POPPLER_ERROR)
		return gerr->message;
	switch (gerr->code) {
	case POPPLER_ERROR_DAMAGED: return "tệp bị hỏng hoặc không trọn vẹn";
	case POPPLER_ERROR_BAD_CATALOG: return "không đọc được mục lục của tệp (tệp hỏng)";
	case POPPLER_ERROR_OPEN_FILE: return "không mở được tệp";
	default: return "tệp không phải PDF hợp lệ hoặc bị hỏng";
	}
}

int xt_pdf(const char *path, struct xt_out *o, struct err *e)
{
	GError *gerr = NULL;
	char *uri = path[0] == '/' ? g_filename_to_uri(path, NULL, NULL) : NULL;
	if (!uri) {
		char *cwd = g_get_current_dir();
		char *abs = g_build_filename(cwd, path, NULL);
		uri = g_filename_to_uri(abs, NULL, NULL);
		g_free(abs);
		g_free(cwd);
	}
	PopplerDocument *doc = uri ? poppler_document_new_from_file(uri, NULL, &gerr) : NULL;
	g_free(uri);
	if (!doc) {
		int enc = gerr && gerr->code == POPPLER_ERROR_ENCRYPTED;
		int rc = err_at(e, ERR_INPUT, path, 0, enc ? "PDF có mật khẩu: hãy mở khóa rồi nhập lại"
		                                           : "không đọc được tệp PDF: %s",
		                pdf_reason(gerr));
		if (gerr)
			g_error_free(gerr);
		return rc;
	}
	int npages = poppler_document_get_n_pages(doc);
	if (npages > XT_PAGES_MAX) {
		g_object_unref(doc);
		return err_at(e, ERR_INPUT, path, 0, "PDF có %d trang, quá giới hạn %d trang", npages,
		              XT_PAGES_MAX);
	}
	struct plines L = {0};
	for (int p = 0; p < npages; p++) {
		PopplerPage *pg = poppler_document_get_page(doc, p);
		if (pg) {
			page_lines(pg, p, &L);
			g_object_unref(pg);
		}
	}
	g_object_unref(doc);
	int rc = 0;
	if (!L.n)
		rc = err_at(e, ERR_INPUT, path, 0, "PDF chỉ có ảnh quét, không có lớp chữ: cần nhận "
		            "dạng chữ (OCR) trước khi nhập");
	else {
		drop_furniture(&L, npages);
		paragraphs(&L, o);
	}
	for (size_t i = 0; i < L.n; i++)
		free(L.v[i].text);
	free(L.v);
	return rc;
}
