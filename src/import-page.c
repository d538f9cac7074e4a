/* import-page.c — what a printed page leaves in text copied from it: page
 * numbers on lines of their own, running headers and footers repeated at
 * every page break, the national heading repeated on later pages; and the
 * width the text was hard-wrapped at, from the lengths of its lines.
 */
#include "import-internal.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

static int digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A dash that frames a page number: '-', en dash, em dash, minus. */
static size_t dash_at(const char *s, size_t n)
{
	if (n >= 1 && s[0] == '-')
		return 1;
	if (n >= 3 && (!memcmp(s, "\xE2\x80\x93", 3) || !memcmp(s, "\xE2\x80\x94", 3) ||
	               !memcmp(s, "\xE2\x88\x92", 3)))
		return 3;
	return 0;
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

int imp_page_number_line(const char *s, size_t n)
{
	size_t i = 0, d, k;
	int lead = 0, trail = 0;

	if (n >= 5 && (!memcmp(s, "Trang", 5) || !memcmp(s, "trang", 5) ||
	               !memcmp(s, "TRANG", 5))) {
		i = skip_spaces(s, n, 5);
		if (i == 5)
			return 0;
	} else if ((d = dash_at(s, n)) > 0) {
		lead = 1;
		i = skip_spaces(s, n, d);
	}
	k = i;
	while (i < n && digit(s[i]))
		i++;
	/* a page number has one to three digits and does not start with 0 */
	if (i == k || i - k > 3 || s[k] == '0')
		return 0;
	if (i < n && s[i] == '/') {
		/* "Trang 3/12", "3/12" */
		size_t t = ++i;

		while (i < n && digit(s[i]))
			i++;
		if (i == t || i - t > 3)
			return 0;
	}
	i = skip_spaces(s, n, i);
	if ((d = dash_at(s + i, n - i)) > 0) {
		trail = 1;
		i = skip_spaces(s, n, i + d);
	}
	/* "- 3" alone is a number in a list, "- 3 -" a page */
	return i == n && lead == trail;
}

/* The heading every Party document opens with, and the state's two
 * lines: which of them s[0..n) is (1..3), or 0.  A copy of one after its
 * first is a header carried over to a later page. */
static int national_heading(const char *s, size_t n)
{
	static const char *const lines[] = {
		"dang cong san viet nam",
		"cong hoa xa hoi chu nghia viet nam",
		"doc lap - tu do - hanh phuc",
	};
	size_t fn;
	char *f;
	int hit = 0;

	/* they open with "Đ" (ĐẢNG, Độc lập) or "C" (CỘNG HÒA): other lines
	 * are not folded */
	if (n < 20 || n > 60 || !strchr("CcDd\xC4", s[0]) || !s[0])
		return 0;
	f = txt_fold(s, n, &fn);
	for (size_t k = 0; f && k < sizeof lines / sizeof *lines && !hit; k++)
		if (fn == strlen(lines[k]) && !memcmp(f, lines[k], fn))
			hit = (int)k + 1;
	free(f);
	return hit;
}

/* Blank, or furniture already. */
static int empty(const struct imp_line *l)
{
	return l->len == 0 || l->furniture;
}

/* Two lines alike as running headers are: the same text with its figures
 * (a page number, a date) taken as equal. */
static int same_furniture(const char *buf, const struct imp_line *a, const struct imp_line *b)
{
	const char *s = buf + a->off, *t = buf + b->off;

	if (a->len != b->len)
		return 0;
	for (size_t k = 0; k < a->len; k++)
		if (s[k] != t[k] && !(digit(s[k]) && digit(t[k])))
			return 0;
	return 1;
}

/* Lines a running header or footer can be: short, not an item, not the
 * lower-case rest of a sentence. */
static int furniture_candidate(const char *buf, const struct imp_line *l)
{
	struct imp_marker m;

	return !empty(l) && l->len <= 150 && imp_first_case(buf + l->off, l->len) >= 0 &&
	       !imp_marker_parse(buf + l->off, l->len, &m);
}

#define EDGE 2        /* lines at each side of a page break a header or footer may take */
#define FIRST_TOP 12  /* lines of the first page's top a running header may copy */

/* A page break: the lines [start, end) between two pages (page numbers,
 * blank lines, a form feed's line), end being the next page's first
 * content line. */
struct pbreak {
	size_t start, end;
};

/* The page breaks of the text: where a form feed or furniture is. */
static size_t page_breaks(const struct imp_line *lines, size_t n, struct pbreak **out)
{
	struct pbreak *v = NULL;
	size_t nb = 0;

	for (size_t i = 0; i < n; i++) {
		size_t j = i;

		if (!lines[i].furniture && !lines[i].page_break)
			continue;
		while (j < n && empty(&lines[j]))
			j++;
		v = xrealloc(v, (nb + 1) * sizeof *v);
		v[nb].start = i;
		v[nb].end = j;
		nb++;
		i = j;
	}
	*out = v;
	return nb;
}

/* The content lines at the edges of page break b: up to EDGE before it
 * and EDGE after it, within the pages it joins. */
static size_t edge_lines(const struct imp_line *lines, size_t n, const struct pbreak *b,
                         size_t *out)
{
	size_t k = 0, seen = 0, i = b->start;

	while (i > 0 && seen < EDGE) {
		i--;
		if (!empty(&lines[i])) {
			out[k++] = i;
			seen++;
			if (lines[i].page_break)
				break;
		}
	}
	for (i = b->end, seen = 0; i < n && seen < EDGE; i++) {
		if (i > b->end && (lines[i].page_break || lines[i].furniture))
			break;
		if (!empty(&lines[i])) {
			out[k++] = i;
			seen++;
		}
	}
	return k;
}

/* A line seen at a page's edge: its text's hash (figures taken as equal),
 * where it is, and which break (or the first page's top: NB_TOP) has it. */
struct seen {
	uint32_t hash;
	size_t line, brk;
};

#define NB_TOP ((size_t)-1)

static uint32_t furniture_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t k = 0; k < n; k++) {
		h ^= (unsigned char)(digit(s[k]) ? '0' : s[k]);
		h *= 16777619u;
	}
	return h;
}

static int cmp_seen(const void *a, const void *b)
{
	const struct seen *x = a, *y = b;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	if (x->brk != y->brk)
		return x->brk < y->brk ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* Mark the running headers and footers: lines at the edges of page breaks
 * whose text comes back at the edges of at least half the breaks (two at
 * least), or copies a line of the first page's top.  A line of the text
 * that happens to end two pages ("(thực hiện thường xuyên).") is not one.
 * Sorted by hash, so that a text of many pages costs n log n; lines whose
 * hash collides with another text are left alone. */
static void running_lines(const char *buf, struct imp_line *lines, size_t n,
                          const struct pbreak *br, size_t nb, const size_t *top, size_t ntop)
{
	struct seen *v = xmalloc((nb * 2 * EDGE + ntop + 1) * sizeof *v);
	size_t m = 0, need = nb / 2 + nb % 2;

	if (need < 2)
		need = 2;
	for (size_t t = 0; t < ntop; t++)
		if (furniture_candidate(buf, &lines[top[t]]))
			v[m++] = (struct seen){furniture_hash(buf + lines[top[t]].off, lines[top[t]].len),
			                       top[t], NB_TOP};
	for (size_t b = 0; b < nb; b++) {
		size_t edge[2 * EDGE], ne = edge_lines(lines, n, &br[b], edge);

		for (size_t e = 0; e < ne; e++)
			if (furniture_candidate(buf, &lines[edge[e]]))
				v[m++] = (struct seen){
					furniture_hash(buf + lines[edge[e]].off, lines[edge[e]].len),
					edge[e], b};
	}
	xqsort(v, m, sizeof *v, cmp_seen);
	for (size_t i = 0; i < m;) {
		size_t j = i, breaks = 0, last = NB_TOP - 1;
		int at_top = 0;
		const struct imp_line *first = &lines[v[i].line];

		while (j < m && v[j].hash == v[i].hash)
			j++;
		for (size_t x = i; x < j; x++) {
			if (!same_furniture(buf, first, &lines[v[x].line]))
				continue;
			if (v[x].brk == NB_TOP)
				at_top = 1;
			else if (v[x].brk != last)
				breaks++;
			last = v[x].brk;
		}
		if (breaks >= need || (breaks >= 1 && at_top))
			for (size_t x = i; x < j; x++)
				if (v[x].brk != NB_TOP && same_furniture(buf, first, &lines[v[x].line]))
					lines[v[x].line].furniture = 2;
		i = j;
	}
	free(v);
}

void imp_page_furniture(const char *buf, struct imp_line *lines, size_t n)
{
	struct pbreak *br;
	size_t nb, top[FIRST_TOP], ntop = 0, i;
	int headings[3] = {0, 0, 0};

	/* Page numbers; then the national heading, except its first time on
	 * the first page. */
	for (i = 0; i < n; i++)
		if (lines[i].len && imp_page_number_line(buf + lines[i].off, lines[i].len))
			lines[i].furniture = 1;
	nb = page_breaks(lines, n, &br);
	for (i = 0; i < n; i++) {
		int k = lines[i].len ? national_heading(buf + lines[i].off, lines[i].len) : 0;

		if (k && (headings[k - 1]++ > 0 || (nb > 0 && i >= br[0].start)))
			lines[i].furniture = 1;
	}
	free(br);
	nb = page_breaks(lines, n, &br);
	/* The top of the first page, which a running header may repeat. */
	for (i = 0; i < n && ntop < FIRST_TOP && (nb == 0 || i < br[0].start); i++)
		if (!empty(&lines[i]))
			top[ntop++] = i;
	/* Running headers and footers: a line at the edge of one page break
	 * that is seen again at another, or at the top of the first page. */
	running_lines(buf, lines, n, br, nb, top, ntop);
	free(br);
	/* The first content line after furniture or a form feed starts a
	 * page: the paragraph joiner reads the blank lines before it as the
	 * page's margin, not as the end of a paragraph. */
	nb = page_breaks(lines, n, &br);
	for (size_t b = 0; b < nb; b++)
		if (br[b].end < n)
			lines[br[b].end].page_break = 1;
	free(br);
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* Ends like a complete sentence or clause, for the count of wraps. */
static int ends_open(const char *s, size_t n)
{
	char c = imp_last_char(s, n);

	return c && !strchr(".:;!?", c);
}

size_t imp_wrap_width(const char *buf, const struct imp_line *lines, size_t n)
{
	size_t *lens = xmalloc((n ? n : 1) * sizeof *lens), m = 0, wraps = 0, w, prev = IMP_NO;

	for (size_t i = 0; i < n; i++) {
		const struct imp_line *l = &lines[i];

		if (l->furniture)
			continue;
		if (l->len == 0) {
			prev = IMP_NO;
			continue;
		}
		lens[m++] = l->chars;
		if (prev != IMP_NO && imp_first_case(buf + l->off, l->len) < 0 &&
		    ends_open(buf + lines[prev].off, lines[prev].len))
			wraps++;
		prev = i;
	}
	if (m < 3) {
		free(lens);
		return 0;
	}
	xqsort(lens, m, sizeof *lens, cmp_size);
	w = lens[(m - 1) * 95 / 100];
	free(lens);
	/* Lines that are paragraphs are long and rarely go on in lower case. */
	if (w > 200 || wraps < 2 || wraps * 6 < m)
		return 0;
	return w;
}
