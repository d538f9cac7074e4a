/* import-text.c — from the bytes of a plan to its paragraphs: UTF-8
 * validation, control characters and special spaces, NFC, Markdown marks,
 * and paragraphs rebuilt from hard line breaks and page breaks.
 */
#include "import-internal.h"

#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "text.h"

/* ---- characters ------------------------------------------------------ */

static size_t dec(const char *s, size_t n, ucs4_t *c)
{
	int k = u8_mbtouc(c, (const uint8_t *)s, n);

	return k > 0 ? (size_t)k : 1;
}

int imp_first_case(const char *s, size_t n)
{
	size_t i = 0;
	ucs4_t c;

	while (i < n) {
		i += dec(s + i, n - i, &c);
		if (uc_is_upper(c))
			return 1;
		if (uc_is_lower(c))
			return -1;
		if (uc_is_alpha(c) || uc_is_digit(c))
			return 0;
	}
	return 0;
}

int imp_all_caps(const char *s, size_t n)
{
	size_t i = 0;
	int letters = 0;
	ucs4_t c;

	while (i < n) {
		i += dec(s + i, n - i, &c);
		if (uc_is_lower(c))
			return 0;
		if (uc_is_upper(c))
			letters++;
	}
	return letters >= 2;
}

/* White space other than ASCII that plans carry (NBSP from Word, thin and
 * figure spaces), and characters that are better dropped (zero-width
 * spaces and joiners, soft hyphen, byte order marks). */
static int special_space(ucs4_t c)
{
	return c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
	       c == 0x3000 || c == 0x1680;
}

static int dropped(ucs4_t c)
{
	return c == 0xFEFF || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 ||
	       c == 0xAD || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* Line ends to LF, tabs, control characters and special spaces to a space,
 * invisible characters dropped.  s must be valid UTF-8. */
static char *blank_controls(const char *s, size_t n, size_t *outlen)
{
	struct sbuf b = {0};
	size_t i = 0, k;
	ucs4_t c;

	sbuf_add(&b, "", 0);
	while (i < n) {
		unsigned char ch = (unsigned char)s[i];
		size_t run = i;

		/* plain printable ASCII: copied in one go */
		while (run < n && (unsigned char)s[run] >= 0x20 && (unsigned char)s[run] < 0x7F)
			run++;
		if (run > i) {
			sbuf_add(&b, s + i, run - i);
			i = run;
			continue;
		}
		if (ch < 0x80) {
			if (ch == '\r') {
				sbuf_putc(&b, '\n');
				i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
				continue;
			}
			/* a form feed is kept: it is where a page ends */
			sbuf_putc(&b, (ch == '\n' || ch == '\f' || ch >= 0x20) && ch != 0x7F ? (char)ch
			                                                                       : ' ');
			i++;
			continue;
		}
		k = dec(s + i, n - i, &c);
		if (dropped(c))
			;
		else if (special_space(c) || (c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029)
			sbuf_putc(&b, c == 0x2028 || c == 0x2029 ? '\n' : ' ');
		else
			sbuf_add(&b, s + i, k);
		i += k;
	}
	*outlen = b.len;
	return sbuf_detach(&b);
}

/* 1 if s is already NFC for sure: every character is ASCII, precomposed
 * Latin (U+00A0..U+024F, U+1E00..U+1EFF: Vietnamese in NFC) or general
 * punctuation, none of which NFC changes.  Saves the normaliser's time on
 * the usual input; anything else (NFD marks above all) goes through it. */
static int stable_nfc(const char *s, size_t n)
{
	size_t i = 0;
	ucs4_t c;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		i += dec(s + i, n - i, &c);
		if (!((c >= 0xA0 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1EFF) ||
		      (c >= 0x2010 && c <= 0x205E) || c == 0x20AB))
			return 0;
	}
	return 1;
}

/* ---- Markdown -------------------------------------------------------- */

static int is_space(char c)
{
	return c == ' ';
}

/* "---", "***", "* * *", "___", "===": a rule or a decoration, no text. */
static int rule_line(const char *s, size_t n)
{
	size_t marks = 0;

	for (size_t i = 0; i < n; i++) {
		if (strchr("-*_=~", s[i]) && s[i])
			marks++;
		else if (!is_space(s[i]))
			return 0;
	}
	return marks >= 3 || (marks >= 1 && s[0] == '*');
}

/* Append line s[0..n) cleaned of Markdown to b: heading and quote marks,
 * emphasis stars (a leading "* " bullet is kept), backslash escapes, runs
 * of spaces.  A rule glued to the start of the text is dropped, with
 * *rule set.  Returns the number of bytes appended. */
static size_t clean_line(struct sbuf *b, const char *s, size_t n, unsigned char *rule)
{
	size_t i = 0, start = b->len, k;

	while (i < n && is_space(s[i]))
		i++;
	while (n > i && is_space(s[n - 1]))
		n--;
	k = i;
	while (k < n && s[k] == '#')
		k++;
	if (k > i && k - i <= 6 && (k == n || s[k] == ' ' || s[k] == '*'))
		i = k;
	if (i < n && s[i] == '>' && (i + 1 == n || s[i + 1] == ' '))
		i++;
	while (i < n && is_space(s[i]))
		i++;
	if (rule_line(s + i, n - i))
		return 0;
	if (rule) {
		/* "----Thực hiện …": a rule under the title glued to the text */
		size_t k2 = i;

		while (k2 < n && (s[k2] == '-' || s[k2] == '_'))
			k2++;
		if (k2 - i >= 3 && k2 < n) {
			*rule = 1;
			i = k2;
			while (i < n && is_space(s[i]))
				i++;
		}
	}
	if (i + 1 < n && s[i] == '*' && s[i + 1] == ' ') {
		sbuf_add(b, "* ", 2);
		i += 2;
	}
	for (; i < n; i++) {
		char ch = s[i];
		size_t run = i;

		/* ordinary bytes up to the next mark or space: copied in one go */
		while (run < n && s[run] != '*' && s[run] != '\\' && s[run] != ' ' && s[run] != '<')
			run++;
		if (run > i) {
			sbuf_add(b, s + i, run - i);
			i = run - 1;
			continue;
		}
		if (ch == '*')
			continue;
		if (ch == '<' && (!strncmp(s + i, "<br>", 4) || !strncmp(s + i, "<br/>", 5) ||
		                  !strncmp(s + i, "<br />", 6))) {
			/* an HTML line break inside a table cell */
			i += s[i + 3] == '>' ? 3 : s[i + 3] == '/' ? 4 : 5;
			ch = ' ';
		}
		if (ch == '\\') {
			if (i + 1 < n && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i + 1]) &&
			    s[i + 1]) {
				ch = s[++i];
				if (ch == '*')
					continue;
			} else if (i + 1 == n) {
				continue;
			}
		}
		if (ch == ' ' && (b->len == start || b->s[b->len - 1] == ' '))
			continue;
		sbuf_putc(b, ch);
	}
	while (b->len > start && b->s[b->len - 1] == ' ')
		b->s[--b->len] = '\0';
	/* Emphasis that wrapped a bullet ("**- text**") leaves "- text": fine.
	 * Emphasis before a leading space ("** text") leaves no space. */
	return b->len - start;
}

/* ---- paragraphs ------------------------------------------------------ */

/* Terminal punctuation: a paragraph that ends with it is complete. */
static int ends_complete(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ' '))
		n--;
	/* closing curly quotes U+201D / U+2019 */
	while (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
	       ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
		n -= 3;
	if (n == 0)
		return 1;
	if (n >= 3 && !memcmp(s + n - 3, "\xE2\x80\xA6", 3))
		return 1;
	return strchr(".:;!?)", s[n - 1]) != NULL && s[n - 1] != '\0';
}

static int heading_marker(const struct imp_marker *m)
{
	return m->kind == MK_ROMAN || m->kind == MK_DECIMAL;
}

/* What the joiner knows of the text: the width it was wrapped at, and the
 * numbering of the items so far (so that a wrapped line that happens to
 * start like "XIII)" or "- xã hội" is not taken for an item). */
struct joiner {
	size_t width;              /* hard-wrap width in characters, 0: lines are paragraphs */
	int roman, paren;          /* last Roman section, last "(n)" */
	int dec[IMP_MAX_COMP], ndec;  /* last decimal number */
	char letter;               /* last "a)" */
};

/* Is marker m the next one of its kind after those seen? */
static int in_sequence(const struct joiner *j, const struct imp_marker *m)
{
	switch (m->kind) {
	case MK_ROMAN:
		return m->comp[0] == j->roman + 1 || m->comp[0] == 1;
	case MK_DECIMAL: {
		int k = m->ncomp;

		if (k > j->ndec + 1)
			return 0;
		for (int c = 0; c < k - 1; c++)
			if (m->comp[c] != j->dec[c])
				return 0;
		return m->comp[k - 1] == (k - 1 < j->ndec ? j->dec[k - 1] : 0) + 1 ||
		       (k == 1 && m->comp[0] == 1);
	}
	case MK_PAREN:
		return m->comp[0] == j->paren + 1 || m->comp[0] == 1;
	case MK_LETTER:
		return (unsigned char)m->label[0] >= 0x80 || m->label[0] == 'a' ||
		       m->label[0] == j->letter + 1;
	default:
		return 1;
	}
}

/* A paragraph opens with marker m: the numbering goes on from it. */
static void saw_marker(struct joiner *j, const struct imp_marker *m)
{
	switch (m->kind) {
	case MK_ROMAN:
		j->roman = m->comp[0];
		j->ndec = 0;
		j->letter = 0;
		break;
	case MK_DECIMAL:
		j->ndec = m->ncomp;
		memcpy(j->dec, m->comp, sizeof j->dec);
		j->letter = 0;
		break;
	case MK_PAREN:
		j->paren = m->comp[0];
		break;
	case MK_LETTER:
		j->letter = m->label[0];
		break;
	default:
		break;
	}
}

/* Characters of the first word of s[0..n). */
static size_t first_word_chars(const char *s, size_t n)
{
	size_t k = 0;

	while (k < n && s[k] != ' ')
		k++;
	return txt_chars(s, k);
}

/* Did line prev end because the next word would not fit (a wrap), rather
 * than where its writer ended it?  Needs the wrap width; text from a PDF
 * has letters of different widths, hence the margin. */
static int full_line(const struct joiner *j, const struct imp_line *prev, const char *next,
                     size_t nn)
{
	size_t need = prev->chars + 1 + first_word_chars(next, nn);

	return j->width && need * 100 >= j->width * 88;
}

/* A numbered line that names units and nothing else ("8. Ban Tổ chức,
 * Ban Tuyên giáo") is a heading even when it fills its line, unless the
 * next line goes on with the names ("…, Ban Thường vụ" / "Thành đoàn";
 * "…, Thường trực" / "Thành ủy tăng cường"), not with a verb ("Lãnh đạo
 * …"). */
static int units_heading_ends(const char *s, size_t n, const char *next, size_t nn)
{
	char *alone = imp_heading_units(s, n);
	struct imp_toks tk;
	struct imp_item items[16];
	struct sbuf b = {0};
	size_t cnt, end, a, z, i;
	char stop;
	int ends = 1;

	if (!alone)
		return 0;
	free(alone);
	sbuf_add(&b, s, n);
	sbuf_putc(&b, ' ');
	sbuf_add(&b, next, nn);
	imp_toks_init(&tk, b.s, b.len);
	/* the first token of the next line */
	for (i = 0; i < tk.nt && tk.map[tk.t[i].a] <= n; i++)
		;
	if (i < tk.nt && !imp_tok_verb(&tk, i)) {
		for (size_t h = 0; h < tk.nt; h++) {
			if (!imp_unit_head(&tk, h))
				continue;
			cnt = imp_unit_list(&tk, h, items, 16, &end, &stop);
			if (cnt) {
				imp_tok_span(&tk, items[cnt - 1].a, items[cnt - 1].b, &a, &z);
				ends = z <= n;
			}
			break;
		}
	}
	imp_toks_free(&tk);
	sbuf_free(&b);
	return ends;
}

/* Join line `next` to paragraph para, whose last line is pl (no blank
 * line between them, or only the margin of a page break)? */
static int joins(const struct joiner *j, const struct sbuf *para, const char *buf,
                 const struct imp_line *pl, const char *next, size_t nn)
{
	const char *prev = buf + pl->off;
	size_t pn = pl->len;
	struct imp_marker pm, nm;
	int ncase, full, complete;

	if (imp_table_line(prev, pn) || imp_table_line(next, nn) || imp_is_closing(next, nn) ||
	    imp_is_closing(prev, pn))
		return 0;
	full = full_line(j, pl, next, nn);
	complete = ends_complete(prev, pn);
	if (imp_marker_parse(next, nn, &nm)) {
		/* In wrapped text, a line that starts like an item after a
		 * clause cut short is an item only if it goes on with the
		 * numbering ("IV." after "III.", not "XIII)") and, for a bullet
		 * after a full line, with a capital ("- xã hội" is the end of
		 * "chính trị - xã hội"). */
		if (!j->width || complete || imp_all_caps(prev, pn))
			return 0; /* where lines are paragraphs, a marker opens one */
		if (imp_marker_parse(para->s, para->len, &pm) && heading_marker(&pm) && !full)
			return 0;
		if (nm.kind == MK_BULLET)
			return full && imp_first_case(next + nm.len, nn - nm.len) <= 0;
		return !in_sequence(j, &nm);
	}
	ncase = imp_first_case(next, nn);
	if (ncase <= 0)
		return 1;
	/* The next line starts with a capital. */
	if (imp_all_caps(prev, pn) || (imp_all_caps(next, nn) && !(full && !complete)))
		return 0;
	if (full && imp_marker_parse(prev, pn, &pm) && heading_marker(&pm))
		return !units_heading_ends(prev + pm.len, pn - pm.len, next, nn);
	if (full)
		return 1; /* a sentence wrapped */
	if (j->width && complete)
		return 0; /* a short line that ends a sentence ends its paragraph */
	if (complete && prev[pn - 1] != ')')
		return 0;
	/* a numbered paragraph whose last line ends short is a heading */
	if (imp_marker_parse(para->s, para->len, &pm) && heading_marker(&pm))
		return 0;
	return 1;
}

/* Join a paragraph that follows a blank line to the previous one?  Only
 * when the previous is cut mid-sentence and this one goes on in lower case
 * (a page break inside a paragraph). */
static int joins_across_blank(const char *prev, size_t pn, const char *next, size_t nn)
{
	struct imp_marker m;

	if (imp_marker_parse(next, nn, &m) || imp_table_line(prev, pn) || imp_table_line(next, nn))
		return 0;
	if (ends_complete(prev, pn) || imp_all_caps(prev, pn))
		return 0;
	if (imp_marker_parse(prev, pn, &m) && heading_marker(&m) && imp_first_case(next, nn) >= 0)
		return 0;
	return imp_first_case(next, nn) < 0;
}

static void push_block(struct imp_text *t, size_t *cap, struct sbuf *para, int line)
{
	if (para->len == 0)
		return;
	if (t->nblocks == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		t->blocks = xrealloc(t->blocks, *cap * sizeof *t->blocks);
	}
	t->blocks[t->nblocks].len = para->len;
	t->blocks[t->nblocks].text = sbuf_detach(para);
	t->blocks[t->nblocks].line = line;
	t->nblocks++;
}

/* Split the cleaned lines into paragraphs, leaving out page furniture. */
static void paragraphs(struct imp_text *t, const char *buf, struct imp_line *lines,
                       size_t nlines)
{
	struct sbuf para = {0};
	size_t cap = 0, prev = (size_t)-1;
	int para_line = 0, blank = 0;
	struct joiner j = {0};

	imp_page_furniture(buf, lines, nlines);
	j.width = imp_wrap_width(buf, lines, nlines);
	for (size_t i = 0; i < nlines; i++) {
		const struct imp_line *l = &lines[i];
		const char *s = buf + l->off;
		struct imp_marker m;
		int join;

		if (l->furniture)
			continue;
		if (l->len == 0) {
			blank = 1;
			continue;
		}
		/* in wrapped text, the blank lines of a page's margins do not
		 * end a paragraph; where lines are paragraphs, they may */
		if (l->page_break && j.width)
			blank = 0;
		if (para.len == 0 || l->rule_before)
			join = 0;
		else if (blank)
			join = joins_across_blank(para.s, para.len, s, l->len);
		else
			join = joins(&j, &para, buf, &lines[prev], s, l->len);
		if (join) {
			sbuf_putc(&para, ' ');
			sbuf_add(&para, s, l->len);
		} else {
			push_block(t, &cap, &para, para_line);
			sbuf_add(&para, s, l->len);
			para_line = l->no;
			if (imp_marker_parse(s, l->len, &m))
				saw_marker(&j, &m);
		}
		prev = i;
		blank = 0;
	}
	push_block(t, &cap, &para, para_line);
	sbuf_free(&para);
}

int imp_text_read(const char *text, size_t len, const char *file, struct imp_text *out,
                  struct err *e)
{
	char *blanked, *nfc;
	size_t blen, nlen, nlines = 0, lcap = 0, i, start;
	struct sbuf clean = {0};
	struct imp_line *lines = NULL;
	int line = 0, col = 0, no = 1, page_break = 0;

	memset(out, 0, sizeof *out);
	if (txt_validate(text, len, &line, &col)) {
		if (e) {
			err_at(e, ERR_INPUT, file, line,
			       "văn bản không phải UTF-8 hợp lệ ở dòng %d, cột %d", line, col);
			e->col = col;
		}
		return ERR_INPUT;
	}
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
		text += 3;
		len -= 3;
	}
	blanked = blank_controls(text, len, &blen);
	if (stable_nfc(blanked, blen)) {
		nfc = blanked;
		nlen = blen;
	} else {
		nfc = txt_nfc(blanked, blen, &nlen);
		free(blanked);
	}
	if (!nfc)
		return err_at(e, ERR_INPUT, file, 0, "văn bản không phải UTF-8 hợp lệ");
	/* the source is kept as it came; its columns are read apart */
	out->source = nfc;
	out->source_len = nlen;
	{
		size_t clen;
		char *cols = imp_layout_columns(nfc, nlen, &clen);

		if (cols) {
			nfc = cols;
			nlen = clen;
		}
	}

	sbuf_add(&clean, "", 0);
	for (start = 0, i = 0; i <= nlen; i++) {
		if (i < nlen && nfc[i] != '\n' && nfc[i] != '\f')
			continue;
		if (i < nlen && nfc[i] == '\f' && i == start) {
			/* a form feed at a line's start: the page starts here */
			page_break = 1;
			start = i + 1;
			nfc[i] = ' ';
			continue;
		}
		if (nlines == lcap) {
			lcap = lcap ? lcap * 2 : 256;
			lines = xrealloc(lines, lcap * sizeof *lines);
		}
		memset(&lines[nlines], 0, sizeof *lines);
		lines[nlines].off = clean.len;
		lines[nlines].len =
			clean_line(&clean, nfc + start, i - start, &lines[nlines].rule_before);
		lines[nlines].chars = txt_chars(clean.s + lines[nlines].off, lines[nlines].len);
		lines[nlines].no = no;
		lines[nlines].page_break = (unsigned char)page_break;
		page_break = 0;
		if (i < nlen && nfc[i] == '\f') {
			/* a form feed after text on its line: a page break, the
			 * line goes on (for the line numbers) */
			page_break = 1;
			nfc[i] = ' ';
		} else {
			no++;
		}
		nlines++;
		start = i + 1;
	}
	paragraphs(out, clean.s, lines, nlines);
	if (nfc != out->source) {
		/* the columns were read from a copy; the source's form feeds
		 * are blanks like its other control characters */
		free(nfc);
		for (i = 0; i < out->source_len; i++)
			if (out->source[i] == '\f')
				out->source[i] = ' ';
	}
	free(lines);
	sbuf_free(&clean);
	return 0;
}

void imp_text_free(struct imp_text *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nblocks; i++)
		free(t->blocks[i].text);
	free(t->blocks);
	free(t->source);
	memset(t, 0, sizeof *t);
}
