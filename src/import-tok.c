/* import-tok.c — words of folded text, each mapped back to the text as
 * written, so that phrases are found ignoring case and diacritics and
 * kept exactly as written.
 */
#include "import-internal.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

static int word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* '/', '-', '.', '&' and '\'' inside a word: "28-nq/tw", "ii/2023", "gd&dt". */
static int joiner(unsigned char c)
{
	return c == '/' || c == '-' || c == '.' || c == '&';
}

static int upper_at(const char *s, size_t n)
{
	return imp_first_case(s, n > 4 ? 4 : n) > 0;
}

void imp_toks_init(struct imp_toks *tk, const char *s, size_t n)
{
	size_t i = 0, cap = 0;

	memset(tk, 0, sizeof *tk);
	tk->s = s;
	tk->n = n;
	tk->f = txt_fold_map(s, n, &tk->fn, &tk->map);
	while (i < tk->fn) {
		unsigned char c = (unsigned char)tk->f[i];
		struct imp_tok t = {0};

		if (c == ' ') {
			i++;
			continue;
		}
		t.a = (uint32_t)i;
		if (word_byte(c)) {
			while (i < tk->fn) {
				c = (unsigned char)tk->f[i];
				if (word_byte(c))
					i++;
				else if (joiner(c) && i + 1 < tk->fn &&
				         word_byte((unsigned char)tk->f[i + 1]) && i > t.a)
					i++;
				else
					break;
			}
			/* a trailing '.' of an abbreviation stays punctuation */
			t.cap = (char)upper_at(s + tk->map[t.a], n - tk->map[t.a]);
		} else {
			t.punct = (char)c;
			i++;
		}
		t.b = (uint32_t)i;
		if (tk->nt == cap) {
			cap = cap ? cap * 2 : 32;
			tk->t = xrealloc(tk->t, cap * sizeof *tk->t);
		}
		tk->t[tk->nt++] = t;
	}
}

void imp_toks_free(struct imp_toks *tk)
{
	free(tk->f);
	free(tk->map);
	free(tk->t);
	memset(tk, 0, sizeof *tk);
}

int imp_tok_is(const struct imp_toks *tk, size_t i, const char *w)
{
	size_t l;

	if (i >= tk->nt || tk->t[i].punct)
		return 0;
	l = strlen(w);
	return tk->t[i].b - tk->t[i].a == l && !memcmp(tk->f + tk->t[i].a, w, l);
}

int imp_tok_punct(const struct imp_toks *tk, size_t i, char c)
{
	return i < tk->nt && tk->t[i].punct == c;
}

size_t imp_tok_seq(const struct imp_toks *tk, size_t i, const char *seq)
{
	size_t k = i;
	const char *p = seq;

	/* most calls fail on the first byte */
	if (i >= tk->nt || tk->f[tk->t[i].a] != seq[0])
		return 0;
	while (*p) {
		const char *q = p;
		size_t l;

		while (*q && *q != ' ')
			q++;
		l = (size_t)(q - p);
		if (k >= tk->nt)
			return 0;
		if (l == 1 && !((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))) {
			if (tk->t[k].punct != *p)
				return 0;
		} else if (tk->t[k].punct || tk->t[k].b - tk->t[k].a != l ||
		           memcmp(tk->f + tk->t[k].a, p, l)) {
			return 0;
		}
		k++;
		p = *q ? q + 1 : q;
	}
	return k - i;
}

int imp_tok_any(const struct imp_toks *tk, size_t i, const char *const *list, size_t *len)
{
	size_t best = 0;
	int which = -1;

	for (int k = 0; list[k]; k++) {
		size_t l = imp_tok_seq(tk, i, list[k]);

		if (l > best) {
			best = l;
			which = k;
		}
	}
	if (len)
		*len = best;
	return which;
}

void imp_tok_span(const struct imp_toks *tk, size_t i, size_t j, size_t *start, size_t *end)
{
	txt_fold_span(tk->s, tk->n, tk->map, tk->t[i].a, tk->t[j - 1].b, start, end);
}

long imp_tok_num(const struct imp_toks *tk, size_t i)
{
	long v = 0;

	if (i >= tk->nt || tk->t[i].punct || tk->t[i].b - tk->t[i].a > 9)
		return -1;
	for (uint32_t k = tk->t[i].a; k < tk->t[i].b; k++) {
		if (tk->f[k] < '0' || tk->f[k] > '9')
			return -1;
		v = v * 10 + (tk->f[k] - '0');
	}
	return v;
}
