/* import-header.c — what surrounds the numbered body of a plan: the
 * header (number, place and date, kind, title), the preamble (what the
 * plan implements, who issues it), the recipients and the signature.
 */
#include "import-internal.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

/* ---- shared helpers ---------------------------------------------------- */

static int alpha(char c)
{
	return c >= 'a' && c <= 'z';
}

static int num(char c)
{
	return c >= '0' && c <= '9';
}

/* "52-ctr/tu", "05-qc/btctu-bdvtu", "726/kh-ubnd" (folded). */
static int docnum_str(const char *s, size_t n)
{
	size_t i = 0, k;

	while (i < n && num(s[i]))
		i++;
	if (i == 0 || i > 5 || i >= n)
		return 0;
	if (s[i] == '-') {
		k = ++i;
		while (i < n && (alpha(s[i]) || (unsigned char)s[i] >= 0x80))
			i++;
		if (i == k || i >= n || s[i] != '/')
			return 0;
		k = ++i;
		while (i < n && (alpha(s[i]) || s[i] == '-'))
			i++;
		return i == n && i > k;
	}
	if (s[i] == '/') {
		k = ++i;
		while (i < n && alpha(s[i]))
			i++;
		if (i == k || i >= n || s[i] != '-')
			return 0;
		k = ++i;
		while (i < n && (alpha(s[i]) || s[i] == '-'))
			i++;
		return i == n && i > k;
	}
	return 0;
}

int imp_tok_docnum(const struct imp_toks *tk, size_t i)
{
	if (i >= tk->nt || tk->t[i].punct)
		return 0;
	return docnum_str(tk->f + tk->t[i].a, tk->t[i].b - tk->t[i].a);
}

static const struct {
	const char *words; /* folded */
	const char *kind;
} kinds[] = {
	{ "chuong trinh hanh dong", "CTr" }, { "chuong trinh", "CTr" }, { "ke hoach", "KH" },
	{ "nghi quyet", "NQ" }, { "chi thi", "CT" }, { "ket luan", "KL" },
	{ "quyet dinh", "QĐ" }, { "quy dinh", "QĐi" }, { "quy che", "QC" },
	{ "thong tri", "TT" }, { "to trinh", "TTr" }, { "huong dan", "HD" },
	{ "bao cao", "BC" }, { "thong bao", "TB" }, { "cong van", "CV" }, { "de an", "ĐA" },
};

/* The kind named by the words at token i: index in kinds[] and its token
 * count, or -1. */
static int kind_at(const struct imp_toks *tk, size_t i, size_t *len)
{
	int best = -1;
	size_t bl = 0;

	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
		size_t l = imp_tok_seq(tk, i, kinds[k].words);

		if (l > bl) {
			bl = l;
			best = (int)k;
		}
	}
	*len = bl;
	return best;
}

int imp_is_closing(const char *s, size_t n)
{
	static const char *const sig[] = { "T/M", "TM.", "TM ", "K/T", "KT.", "KT ", "Q.", "TUQ.",
					   "TL.", "TM/", NULL };
	char *f;
	int yes;

	if (n == 0 || !strchr("TKQNn", s[0]))
		return 0;
	for (int k = 0; sig[k]; k++) {
		size_t l = strlen(sig[k]);

		if (n > l && !strncmp(s, sig[k], l) && imp_all_caps(s, n < 40 ? n : 40))
			return 1;
	}
	f = txt_fold(s, n < 64 ? n : 64, NULL);
	yes = !strncmp(f, "noi nhan", 8) && n < 64;
	free(f);
	return yes;
}

/* ---- body bounds ------------------------------------------------------- */

static int numbered_heading(const struct imp_block *b)
{
	struct imp_marker m;

	if (imp_marker_parse(b->text, b->len, &m))
		return m.kind == MK_ROMAN || m.kind == MK_DECIMAL;
	return imp_all_caps(b->text, b->len) &&
	       imp_section_keyword(b->text, b->len) != SK_NONE;
}

static void bounds(struct imp_ctx *c, size_t after_title)
{
	const struct imp_text *t = &c->txt;
	size_t i;

	c->body_start = t->nblocks;
	for (i = 0; i < t->nblocks; i++)
		if (numbered_heading(&t->blocks[i]) && !imp_is_closing(t->blocks[i].text,
		                                                       t->blocks[i].len)) {
			c->body_start = i;
			break;
		}
	if (c->body_start == t->nblocks) {
		/* no numbered sections: bullets after the title and preamble */
		struct imp_marker m;

		for (i = after_title; i < t->nblocks; i++)
			if (imp_marker_parse(t->blocks[i].text, t->blocks[i].len, &m) ||
			    imp_table_line(t->blocks[i].text, t->blocks[i].len)) {
				c->body_start = i;
				break;
			}
	}
	c->body_end = t->nblocks;
	c->appendix_start = t->nblocks;
	for (i = c->body_start; i < t->nblocks; i++) {
		struct imp_marker m;

		if (!imp_marker_parse(t->blocks[i].text, t->blocks[i].len, &m) &&
		    imp_is_closing(t->blocks[i].text, t->blocks[i].len)) {
			c->body_end = i;
			break;
		}
	}
	/* an appendix after the signature ("PHỤ LỤC", often a table of tasks) */
	for (i = c->body_end; i < t->nblocks; i++) {
		const struct imp_block *b = &t->blocks[i];

		if (b->len >= 7 && imp_all_caps(b->text, b->len < 40 ? b->len : 40)) {
			char *f = txt_fold(b->text, b->len < 16 ? b->len : 16, NULL);
			int yes = !strncmp(f, "phu luc", 7);

			free(f);
			if (yes) {
				c->appendix_start = i;
				break;
			}
		}
	}
}

/* ---- header ------------------------------------------------------------- */

/* Date of issue: "ngày 10 tháng 3 năm 2023" in block b. */
static date_t issue_date(const struct imp_block *b)
{
	struct imp_toks tk;
	date_t d = DATE_NONE;

	imp_toks_init(&tk, b->text, b->len);
	for (size_t i = 0; i + 5 < tk.nt && d == DATE_NONE; i++) {
		long dd, mm, yy;

		if (!imp_tok_is(&tk, i, "ngay") || !imp_tok_is(&tk, i + 2, "thang") ||
		    !imp_tok_is(&tk, i + 4, "nam"))
			continue;
		dd = imp_tok_num(&tk, i + 1);
		mm = imp_tok_num(&tk, i + 3);
		yy = imp_tok_num(&tk, i + 5);
		if (dd > 0 && mm > 0 && yy >= 1930 && yy <= 2200)
			d = date_make((int)yy, (int)mm, (int)dd);
	}
	imp_toks_free(&tk);
	return d;
}

/* The document's own number: "Số: 52-CTr/TU", or a block that is only a
 * number.  Copied as written into out. */
static int own_number(const struct imp_block *b, char *out, size_t len)
{
	struct imp_toks tk;
	int found = 0;

	imp_toks_init(&tk, b->text, b->len);
	for (size_t i = 0; i < tk.nt && !found; i++) {
		size_t k = i, s, e;

		if (imp_tok_is(&tk, i, "so") && tk.t[i].cap) {
			k = i + 1;
			if (imp_tok_punct(&tk, k, ':'))
				k++;
		} else if (i != 0) {
			continue;
		}
		if (imp_tok_docnum(&tk, k)) {
			imp_tok_span(&tk, k, k + 1, &s, &e);
			if (e - s < len) {
				memcpy(out, b->text + s, e - s);
				out[e - s] = '\0';
				found = 1;
			}
		}
	}
	imp_toks_free(&tk);
	return found;
}

/* Kind from a number: "52-CTr/TU" -> "CTr", "726/KH-UBND" -> "KH". */
static void kind_from_number(const char *number, char *kind, size_t len)
{
	const char *a = strchr(number, '-'), *b = strchr(number, '/');

	if (!a || !b)
		return;
	if (a < b)
		a++;
	else {
		const char *t = b + 1;

		b = a;
		a = t;
	}
	if (b > a && (size_t)(b - a) < len) {
		memcpy(kind, a, (size_t)(b - a));
		kind[b - a] = '\0';
	}
}

#define MAX_IMPLEMENTS 64

static void add_implements(struct imp_doc *d, const char *num, size_t n)
{
	if (d->nimplements >= MAX_IMPLEMENTS)
		return;
	for (int k = 0; k < d->nimplements; k++)
		if (strlen(d->implements[k]) == n && !memcmp(d->implements[k], num, n))
			return;
	if (n >= DOCNUM_LEN || (d->number[0] && strlen(d->number) == n &&
	                        !memcmp(d->number, num, n)))
		return;
	d->implements = xrealloc(d->implements, (size_t)(d->nimplements + 1) * DOCNUM_LEN);
	memcpy(d->implements[d->nimplements], num, n);
	d->implements[d->nimplements][n] = '\0';
	d->nimplements++;
}

/* Every document number cited in block b, in order. */
static void cited_numbers(struct imp_doc *d, const struct imp_block *b)
{
	struct imp_toks tk;

	imp_toks_init(&tk, b->text, b->len);
	for (size_t i = 0; i < tk.nt; i++)
		if (imp_tok_docnum(&tk, i)) {
			size_t s, e;

			imp_tok_span(&tk, i, i + 1, &s, &e);
			add_implements(d, b->text + s, e - s);
		}
	imp_toks_free(&tk);
}

/* "..., Ban Thường vụ Thành ủy ban hành Kế hoạch ...": the issuer as
 * written, and the kind of what it issues. */
static void issuer_from_preamble(struct imp_ctx *c, const struct imp_block *b, char *kind,
                                 size_t klen)
{
	struct imp_toks tk;

	imp_toks_init(&tk, b->text, b->len);
	for (size_t i = 1; i + 1 < tk.nt; i++) {
		size_t start = i, end, s, e, l;
		struct imp_item items[8];
		char stop;
		int k;

		if (!imp_tok_is(&tk, i, "ban") || !imp_tok_is(&tk, i + 1, "hanh"))
			continue;
		/* back to the start of the clause; a subject is short */
		while (start > 0 && i - start < 40 && !imp_tok_punct(&tk, start - 1, ',') &&
		       !imp_tok_punct(&tk, start - 1, ';') && !imp_tok_punct(&tk, start - 1, ')'))
			start--;
		if (imp_unit_list(&tk, start, items, 8, &end, &stop) && end == i) {
			imp_tok_span(&tk, start, i, &s, &e);
			free(c->r->doc.issuer);
			c->r->doc.issuer = xstrndup(b->text + s, e - s);
			k = kind_at(&tk, i + 2, &l);
			if (k >= 0 && !kind[0])
				str_copy(kind, kinds[k].kind, klen);
			break;
		}
	}
	imp_toks_free(&tk);
}

/* A header line that names the issuing committee: "TỈNH ỦY SƠN HÀ",
 * "BAN THƯỜNG VỤ THÀNH ỦY".  "ĐẢNG CỘNG SẢN VIỆT NAM" is left out.
 * Returns the name as written (caller frees) or NULL. */
static char *issuer_from_line(const struct imp_block *b)
{
	struct imp_toks tk;
	struct imp_item items[4];
	size_t end, s, e, i = 0;
	char stop, *out = NULL;

	if (!imp_all_caps(b->text, b->len))
		return NULL;
	imp_toks_init(&tk, b->text, b->len);
	if (imp_tok_seq(&tk, 0, "dang cong san viet nam"))
		i = 5;
	if (imp_unit_list(&tk, i, items, 4, &end, &stop) && (stop == 'e' || stop == 'x')) {
		size_t stopat = end;

		/* "TỈNH ỦY SƠN HÀ ĐẢNG CỘNG SẢN VIỆT NAM" on one line */
		for (size_t k = items[0].a; k < end; k++)
			if (imp_tok_seq(&tk, k, "dang cong san viet nam")) {
				stopat = k;
				break;
			}
		if (stopat > items[0].a) {
			imp_tok_span(&tk, items[0].a, stopat, &s, &e);
			out = xstrndup(b->text + s, e - s);
		}
	}
	imp_toks_free(&tk);
	return out;
}

/* "Chương trình hành động" + "thực hiện Nghị quyết ...". */
static char *make_title(const char *kindline, size_t kl, const char *sub, size_t sl)
{
	static const char *const verbs[] = { "thuc", "ve", "tiep", "trien", "day", "tang",
					     "nang", "xay", "doi", "phat", "to", "cai", "lanh",
					     "chi", "huong", "bao", "quan", "ra", NULL };
	struct sbuf b = {0};
	char *f, *low, *first;
	size_t fl, w = 0;
	int lower_first = 0, k;

	f = txt_fold(sub, sl, &fl);
	while (w < fl && f[w] != ' ')
		w++;
	for (k = 0; verbs[k]; k++)
		if (strlen(verbs[k]) == w && !strncmp(f, verbs[k], w))
			lower_first = 1;
	free(f);
	if (imp_first_case(sub, sl) < 0)
		lower_first = 1;
	if (!lower_first || imp_all_caps(sub, sl) || !kindline)
		return xstrndup(sub, sl);
	/* the kind in sentence case */
	low = xstrndup(kindline, kl);
	first = txt_lower(low);
	free(low);
	{
		size_t cl = 1;
		char *up;

		while (first[cl] && ((unsigned char)first[cl] & 0xC0) == 0x80)
			cl++;
		low = xstrndup(first, cl);
		up = txt_upper(low);
		sbuf_puts(&b, up);
		sbuf_puts(&b, first + cl);
		free(up);
		free(low);
	}
	free(first);
	sbuf_putc(&b, ' ');
	{
		size_t cl = 1;
		char *one, *lw;

		while (cl < sl && ((unsigned char)sub[cl] & 0xC0) == 0x80)
			cl++;
		one = xstrndup(sub, cl);
		lw = txt_lower(one);
		sbuf_puts(&b, lw);
		sbuf_add(&b, sub + cl, sl - cl);
		free(one);
		free(lw);
	}
	return sbuf_detach(&b);
}

/* ---- signature ---------------------------------------------------------- */

static const char *const roles[] = {
	"pho bi thu thuong truc", "pho bi thu", "bi thu", "pho chu nhiem", "chu nhiem",
	"pho truong ban thuong truc", "pho truong ban", "truong ban", "pho chanh van phong",
	"chanh van phong", "pho chu tich", "chu tich", "pho giam doc", "giam doc", "uy vien",
	"truong phong", NULL
};

/* Byte offset where a known role ends block b (the role is at its end), or
 * (size_t)-1. */
static size_t role_suffix(const struct imp_block *b)
{
	struct imp_toks tk;
	size_t at = (size_t)-1;

	imp_toks_init(&tk, b->text, b->len);
	for (size_t i = 0; i < tk.nt && at == (size_t)-1; i++) {
		size_t l;

		if (imp_tok_any(&tk, i, roles, &l) >= 0 && i + l == tk.nt) {
			size_t s, e;

			imp_tok_span(&tk, i, i + l, &s, &e);
			at = s;
		}
	}
	imp_toks_free(&tk);
	return at;
}

/* A person's name: two to six capitalised words, no digits. */
static int person_name(const struct imp_block *b)
{
	struct imp_toks tk;
	int ok;

	if (imp_all_caps(b->text, b->len) || b->len > 80)
		return 0;
	imp_toks_init(&tk, b->text, b->len);
	ok = tk.nt >= 2 && tk.nt <= 6;
	for (size_t i = 0; ok && i < tk.nt; i++)
		if (tk.t[i].punct || !tk.t[i].cap || imp_tok_num(&tk, i) >= 0)
			ok = 0;
	imp_toks_free(&tk);
	return ok;
}

static void signature(struct imp_ctx *c)
{
	const struct imp_text *t = &c->txt;
	struct imp_doc *d = &c->r->doc;
	size_t i, role_block = (size_t)-1, at = 0;

	for (i = c->body_end; i < t->nblocks; i++) {
		const struct imp_block *b = &t->blocks[i];
		size_t r;

		if (!imp_all_caps(b->text, b->len))
			continue;
		r = role_suffix(b);
		if (r != (size_t)-1) {
			role_block = i;
			at = r;
			break;
		}
	}
	if (role_block == (size_t)-1)
		return;
	d->signer_role = xstrdup(t->blocks[role_block].text + at);
	{
		/* "T/M TỈNH ỦY" names the issuer */
		const struct imp_block *b = &t->blocks[role_block];
		size_t end = at;

		if (at == 0 && role_block > c->body_end) {
			b = &t->blocks[role_block - 1];
			end = b->len;
		}
		if (!strncmp(b->text, "T/M ", 4) || !strncmp(b->text, "TM. ", 4)) {
			while (end > 4 && b->text[end - 1] == ' ')
				end--;
			if (end > 4 && !c->issuer_alt[1])
				c->issuer_alt[1] = xstrndup(b->text + 4, end - 4);
		}
	}
	for (i = role_block + 1; i < t->nblocks; i++) {
		const struct imp_block *b = &t->blocks[i];
		char *f = txt_fold(b->text, b->len, NULL);
		struct imp_marker m;
		/* "(đã ký)", and the recipients' list where a PDF's text puts
		 * it between the role and the name */
		int skip = strstr(f, "da ky") != NULL || f[0] == '(' || imp_is_closing(b->text, b->len) ||
		           (imp_marker_parse(b->text, b->len, &m) && m.kind == MK_BULLET);

		free(f);
		if (skip)
			continue;
		if (person_name(b)) {
			d->signer = xstrdup(b->text);
			break;
		}
		if (!imp_all_caps(b->text, b->len))
			break;
	}
}

/* ---- the whole header ----------------------------------------------------- */

void imp_header(struct imp_ctx *c)
{
	const struct imp_text *t = &c->txt;
	struct imp_doc *d = &c->r->doc;
	size_t i, kind_block = (size_t)-1, title_block = (size_t)-1, after_title = 0, klen = 0;
	size_t limit = t->nblocks;
	char kind[DOCKIND_LEN] = "";

	d->date = DATE_NONE;
	d->plan_due = DATE_NONE;
	/* the kind line: "KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG ..." in capitals */
	for (i = 0; i < t->nblocks && i < 40; i++) {
		const struct imp_block *b = &t->blocks[i];
		struct imp_toks tk;
		struct imp_marker m;
		size_t l, s = 0, e = 0;
		int k;

		if (imp_marker_parse(b->text, b->len, &m) && (m.kind == MK_ROMAN ||
		                                               m.kind == MK_DECIMAL))
			break;
		imp_toks_init(&tk, b->text, b->len);
		k = kind_at(&tk, 0, &l);
		if (k >= 0)
			imp_tok_span(&tk, 0, l, &s, &e);
		if (k >= 0 && imp_all_caps(b->text + s, e - s) &&
		    (l == tk.nt || !imp_all_caps(b->text, b->len) || tk.nt <= l + 8)) {
			str_copy(kind, kinds[k].kind, sizeof kind);
			kind_block = i;
			klen = e;
			if (l < tk.nt) {
				/* "KẾ HOẠCH thực hiện ...": the title on the same line */
				size_t ts, te;

				imp_tok_span(&tk, l, tk.nt, &ts, &te);
				d->title = make_title(b->text, e, b->text + ts, te - ts);
				title_block = i;
			}
		}
		imp_toks_free(&tk);
		if (kind_block != (size_t)-1)
			break;
	}
	if (kind_block != (size_t)-1) {
		limit = kind_block;
		after_title = kind_block + 1;
		if (title_block == (size_t)-1 && kind_block + 1 < t->nblocks) {
			const struct imp_block *b = &t->blocks[kind_block + 1];
			struct imp_marker m;

			if (!imp_marker_parse(b->text, b->len, &m) && b->len &&
			    b->text[b->len - 1] != ':') {
				d->title = make_title(t->blocks[kind_block].text, klen, b->text, b->len);
				title_block = kind_block + 1;
				after_title = kind_block + 2;
			}
		}
	}
	bounds(c, after_title);
	if (limit > c->body_start)
		limit = c->body_start;
	/* number and date before the kind line */
	for (i = 0; i < limit; i++) {
		if (!d->number[0])
			own_number(&t->blocks[i], d->number, sizeof d->number);
		if (d->date == DATE_NONE)
			d->date = issue_date(&t->blocks[i]);
	}
	if (d->date == DATE_NONE)
		for (i = c->body_end; i < t->nblocks && d->date == DATE_NONE; i++)
			d->date = issue_date(&t->blocks[i]);
	/* preamble: what this plan implements, and who issues it */
	for (i = after_title; i < c->body_start; i++) {
		cited_numbers(d, &t->blocks[i]);
		if (!d->issuer)
			issuer_from_preamble(c, &t->blocks[i], kind, sizeof kind);
	}
	if (title_block != (size_t)-1)
		cited_numbers(d, &t->blocks[title_block]);
	for (i = limit; i-- > 0 && !c->issuer_alt[0];)
		c->issuer_alt[0] = issuer_from_line(&t->blocks[i]);
	if (!kind[0] && d->number[0])
		kind_from_number(d->number, kind, sizeof kind);
	str_copy(d->kind, kind, sizeof d->kind);
	signature(c);
	for (i = 0; i < 2 && !d->issuer; i++)
		if (c->issuer_alt[i])
			d->issuer = xstrdup(c->issuer_alt[i]);
}
