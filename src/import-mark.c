/* import-mark.c — the numbering that opens a paragraph: Roman "III.",
 * decimal "2.", "2.1.", parenthesised "(3)", lettered "a)", and bullets
 * "-", "+", "*", "•".
 */
#include "import-internal.h"

#include <stdio.h>
#include <string.h>

static int digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Value of a Roman numeral made of I, V and X (1..39), or 0. */
static int roman_value(const char *s, size_t n)
{
	static const char *const romans[] = {
		"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
		"XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
	};

	for (size_t k = 0; k < sizeof romans / sizeof *romans; k++)
		if (strlen(romans[k]) == n && !memcmp(romans[k], s, n))
			return (int)k + 1;
	return 0;
}

/* After a marker: spaces, or the end; returns the bytes to skip, or -1
 * when text follows without a space and `need_space`. */
static long after(const char *s, size_t n, size_t i, int need_space)
{
	size_t k = i;

	while (k < n && s[k] == ' ')
		k++;
	if (k == i && k < n && need_space)
		return -1;
	return (long)k;
}

static int roman(const char *s, size_t n, struct imp_marker *m)
{
	size_t i = 0;
	long k;

	while (i < n && i < 6 && (s[i] == 'I' || s[i] == 'V' || s[i] == 'X'))
		i++;
	if (i == 0 || i >= n || (s[i] != '.' && s[i] != ')' && s[i] != ':' && s[i] != '-'))
		return 0;
	m->comp[0] = roman_value(s, i);
	if (!m->comp[0])
		return 0;
	memcpy(m->label, s, i);
	m->label[i] = '\0';
	k = after(s, n, i + 1, 1);
	if (k < 0 || (size_t)k == i + 1)
		return 0; /* "I.2" or "V.I.Lenin": not a heading */
	m->kind = MK_ROMAN;
	m->len = (size_t)k;
	return 1;
}

static int decimal(const char *s, size_t n, struct imp_marker *m)
{
	size_t i = 0, digits;
	int nc = 0, v;
	long k;
	char term = 0;

	for (;;) {
		digits = 0;
		v = 0;
		while (i < n && digit(s[i]) && digits < 9) {
			v = v * 10 + (s[i++] - '0');
			digits++;
		}
		/* "1000)" is an item like "(1000)" (nine digits at most);
		 * otherwise one or two digits: "2025." is a year, "100%" a
		 * figure */
		if (i < n && digit(s[i]))
			return 0;
		if (digits > 2 && !(nc == 0 && i < n && s[i] == ')'))
			return 0;
		if (digits == 0 || nc == IMP_MAX_COMP)
			return 0;
		m->comp[nc++] = v;
		if (i + 1 < n && s[i] == '.' && digit(s[i + 1])) {
			i++;
			continue;
		}
		break;
	}
	if (i < n && (s[i] == '.' || s[i] == ')'))
		term = s[i++];
	else if (nc == 1 && i + 1 < n && s[i] == '/' && s[i + 1] == ' ')
		term = s[i++]; /* "1/ Ban Tổ chức" */
	if (!term && nc < 2)
		return 0;
	if (term == ')' && nc == 1) {
		/* "3)": a numbered item like "(3)" */
		k = after(s, n, i, 1);
		if (k < 0 || (size_t)k == n)
			return 0;
		m->kind = MK_PAREN;
		snprintf(m->label, sizeof m->label, "%d", m->comp[0]);
		m->len = (size_t)k;
		return 1;
	}
	k = after(s, n, i, 0);
	if ((size_t)k == i && i < n) {
		/* "1.Ban": accept only before a capital (not "1.5%" or "2.000"). */
		unsigned char c = (unsigned char)s[i];

		if (!(c >= 0x80 || (c >= 'A' && c <= 'Z')) || imp_first_case(s + i, n - i) <= 0)
			return 0;
	}
	if ((size_t)k == n)
		return 0; /* a bare number */
	m->kind = MK_DECIMAL;
	m->ncomp = nc;
	m->label[0] = '\0';
	for (int c = 0, off = 0; c < nc && off < (int)sizeof m->label; c++)
		off += snprintf(m->label + off, sizeof m->label - (size_t)off, c ? ".%d" : "%d",
		                m->comp[c]);
	m->len = (size_t)k;
	return 1;
}

static int paren(const char *s, size_t n, struct imp_marker *m)
{
	size_t i = 1;
	long k;

	if (n < 3 || s[0] != '(')
		return 0;
	if (digit(s[1])) {
		int v = 0;

		/* any number of items: "(1000)" follows "(999)"; nine digits
		 * at most */
		while (i < n && digit(s[i]) && i < 10)
			v = v * 10 + (s[i++] - '0');
		if (i >= n || s[i] != ')')
			return 0;
		m->kind = MK_PAREN;
		m->comp[0] = v;
		snprintf(m->label, sizeof m->label, "%d", v);
	} else if (s[1] >= 'a' && s[1] <= 'z' && s[2] == ')') {
		m->kind = MK_LETTER;
		m->label[0] = s[1];
		m->label[1] = '\0';
		i = 2;
	} else {
		return 0;
	}
	k = after(s, n, i + 1, 1);
	if (k < 0 || (size_t)k == n) {
		m->kind = MK_NONE;
		return 0;
	}
	m->len = (size_t)k;
	return 1;
}

static int letter(const char *s, size_t n, struct imp_marker *m)
{
	size_t i;
	long k;

	/* "a)", "đ)", and "a. " before a capital */
	if (n >= 3 && s[0] >= 'a' && s[0] <= 'z' && (s[1] == ')' || s[1] == '.'))
		i = 1;
	else if (n >= 4 && !memcmp(s, "\xC4\x91", 2) && (s[2] == ')' || s[2] == '.'))
		i = 2;
	else
		return 0;
	k = after(s, n, i + 1, 1);
	if (k < 0 || (size_t)k == n)
		return 0;
	if (s[i] == '.' && ((size_t)k == i + 1 || imp_first_case(s + k, n - (size_t)k) <= 0))
		return 0;
	m->kind = MK_LETTER;
	memcpy(m->label, s, i);
	m->label[i] = '\0';
	m->len = (size_t)k;
	return 1;
}

/* Bullet characters and the style they belong to. */
static const struct {
	const char *ch;
	char style;
} bullets[] = {
	{ "-", '-' }, { "\xE2\x80\x93", '-' }, { "\xE2\x80\x94", '-' }, { "\xE2\x88\x92", '-' },
	{ "+", '+' }, { "*", '*' },
	{ "\xE2\x80\xA2", 'o' }, { "\xC2\xB7", 'o' }, { "\xE2\x97\x8F", 'o' }, { "\xE2\x96\xAA", 'o' },
	{ "\xE2\x96\xA0", 'o' }, { "\xE2\x97\xA6", 'o' }, { "\xE2\x97\x8B", 'o' },
	{ "\xEF\x82\xB7", 'o' }, { "\xEF\x82\xA7", 'o' },
	{ "\xE2\x9E\xA2", '>' }, { "\xE2\x9E\xA4", '>' }, { "\xE2\x9C\x93", '>' },
	{ "\xE2\x9D\x96", '>' }, { "\xE2\x80\xBA", '>' },
};

static int bullet(const char *s, size_t n, struct imp_marker *m)
{
	for (size_t b = 0; b < sizeof bullets / sizeof *bullets; b++) {
		size_t l = strlen(bullets[b].ch);
		long k;

		if (n <= l || memcmp(s, bullets[b].ch, l))
			continue;
		k = after(s, n, l, 0);
		if ((size_t)k == n)
			return 0;
		if ((size_t)k == l) {
			/* "-Tham mưu": accept a dash glued to a capital; never "-5%" or "--". */
			if (bullets[b].style != '-' || imp_first_case(s + l, n - l) <= 0 ||
			    (unsigned char)s[l] < 'A')
				return 0;
		}
		m->kind = MK_BULLET;
		m->style = bullets[b].style;
		m->label[0] = bullets[b].style;
		m->label[1] = '\0';
		m->len = (size_t)k;
		return 1;
	}
	return 0;
}

int imp_marker_parse(const char *s, size_t n, struct imp_marker *m)
{
	memset(m, 0, sizeof *m);
	/* "- 8 -" is a page number, not a bullet */
	if (n == 0 || imp_page_number_line(s, n))
		return 0;
	if (roman(s, n, m) || decimal(s, n, m) || paren(s, n, m) || letter(s, n, m) ||
	    bullet(s, n, m))
		return 1;
	memset(m, 0, sizeof *m);
	return 0;
}
