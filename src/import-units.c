/* import-units.c — unit names in plan text: where a list of units starts
 * and ends ("Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với ..."), and which
 * configured unit a name means, relative to the issuer of the document.
 */
#include "import-internal.h"

#include <stdlib.h>
#include <string.h>

#include "hier.h"
#include "text.h"

/* ---- unit phrases in text -------------------------------------------- */

/* Words that open a unit name (folded).  Longest match wins. */
static const char *const heads[] = {
	"ban thuong vu", "ban chap hanh", "ban can su dang", "ban can su", "ban bi thu",
	"bo chinh tri", "ban to chuc", "ban tuyen giao", "ban dan van", "ban noi chinh",
	"ban kinh te", "ban chi dao", "ban bao ve", "ban xay dung dang", "ban quan ly",
	"uy ban kiem tra", "uy ban nhan dan", "uy ban mat tran to quoc", "uy ban mttq",
	"uy ban thuong vu quoc hoi", "van phong", "trung tam chinh tri", "truong chinh tri",
	"dang doan", "dang uy khoi", "dang uy", "dang bo", "chi bo", "to chuc co so dang",
	"to chuc dang", "to chuc chinh tri", "to chuc doan the", "doan the", "cap uy",
	"thuong truc", "thuong vu", "tinh uy", "thanh uy", "thi uy", "huyen uy", "quan uy",
	"trung uong", "hoi dong nhan dan", "mat tran to quoc", "lien doan lao dong",
	"doan thanh nien", "tinh doan", "thanh doan", "huyen doan", "cong an",
	"bo chi huy quan su", "bo chi huy", "toa an", "vien kiem sat", "co quan chuyen trach",
	"co quan chuyen trach tham muu , giup viec", "co quan tham muu , giup viec",
	"co quan", "don vi", "dia phuong", "nganh", "so , nganh", "so , ban , nganh",
	"tap the lanh dao", "dong chi", "chinh quyen", "huyen , thi , thanh uy",
	"huyen , thi , thanh , dang uy",
	NULL
};

/* Abbreviations, accepted when written in capitals ("BTC", "HĐND"). */
static const char *const abbrev_heads[] = {
	"btc", "btg", "bdv", "bnc", "ubkt", "vp", "hdnd", "ubnd", "mttq", "mttqvn", "duk",
	"tccs", "btv", "bcsd", "dd", "tu", "thu", "hu", "du", "ttct", "vptu", "btctu", "btgtu",
	"ubkttu", "bdvtu", NULL
};

/* Head words that need a name after them, written with a capital: "Ban
 * Kinh tế", "Hội Nông dân", "Sở Nội vụ", "Phòng Nội vụ", "Ủy ban ...". */
static const char *const named_heads[] = { "ban", "hoi", "so", "phong", "uy ban", "bo", NULL };

/* Verbs and adverbs that end a unit name ("... tập trung lãnh đạo"). */
static const char *const verbs[] = {
	"tap trung", "tang cuong", "thuong xuyen", "ban hanh", "xay dung", "nghien cuu",
	"thuc hien", "chu tri", "phoi hop", "lanh dao", "chi dao", "tham muu", "quan triet",
	"trien khai", "chiu trach nhiem", "co trach nhiem", "can", "phai", "tiep tuc",
	"day manh", "nang cao", "kip thoi", "theo doi", "huong dan", "kiem tra", "giam sat",
	"ra soat", "cu the hoa", "bam sat", "chu dong", "doi moi", "quan tam", "phat huy",
	"khan truong", "dinh ky", "bao cao", "dam bao", "bao dam", "de xuat", "xem xet",
	"giup", "tham gia", "uu tien", "sap xep", "kien toan", "thong nhat", "duy tri",
	"tich cuc", "chuan bi", "tuyen truyen", "dong thoi", "phan cong", "hoan thanh",
	"tong ket", "so ket", "danh gia", "quan ly", "dieu hanh", "cap nhat", "to chuc",
	"tao", "gop phan", "nghiem tuc", "chu y", "chu trong", "van dong", "xu ly",
	"giai quyet", "tiep thu", "phe duyet", "bo tri", "dua", "lua chon", "gioi thieu",
	"thao luan", "thi hanh", "ho tro", "cung cap", "xac dinh", "ket hop", "lam",
	"se", "da", "duoc", "neu cao", "quan tri", "phat dong", "cung co", "rut kinh nghiem",
	"nam bat", "vao cuoc", "co ke hoach", "trien", "thuc hien tot", "lap", "soan thao",
	"tiep nhan", "theo", "cu", "gui", "nop", "tong hop", NULL
};

/* Nouns after "tổ chức" that make it a unit, not the verb "to organise". */
static const char *const to_chuc_nouns[] = { "dang", "co so", "chinh tri", "doan the", "hoi",
					     "thanh vien", NULL };

static int is_caps_word(const struct imp_toks *tk, size_t i)
{
	size_t a = tk->map[tk->t[i].a], b = tk->map[tk->t[i].b];

	return imp_all_caps(tk->s + a, b - a);
}

static size_t verb_at(const struct imp_toks *tk, size_t i)
{
	size_t l = 0;

	if (imp_tok_any(tk, i, verbs, &l) < 0)
		return 0;
	if (imp_tok_is(tk, i, "to") && imp_tok_is(tk, i + 1, "chuc") &&
	    imp_tok_any(tk, i + 2, to_chuc_nouns, NULL) >= 0)
		return 0;
	return l;
}

/* Tokens of a unit head at i ("các" allowed before it), 0 if none. */
static size_t head_at(const struct imp_toks *tk, size_t i)
{
	size_t l = 0, k = i;

	if (imp_tok_is(tk, k, "cac") || imp_tok_is(tk, k, "nhung"))
		k++;
	if (k >= tk->nt || tk->t[k].punct)
		return 0;
	if (imp_tok_is(tk, k, "to") && imp_tok_is(tk, k + 1, "chuc") &&
	    imp_tok_any(tk, k + 2, to_chuc_nouns, NULL) < 0)
		return 0;
	if (imp_tok_any(tk, k, heads, &l) >= 0)
		return k - i + l;
	if (imp_tok_any(tk, k, abbrev_heads, &l) >= 0 && is_caps_word(tk, k))
		return k - i + l;
	if (imp_tok_any(tk, k, named_heads, &l) >= 0 && k + l < tk->nt &&
	    !tk->t[k + l].punct && tk->t[k + l].cap)
		return k - i + l + 1;
	/* "các ban, Văn phòng ...": a collective of the bodies the word
	 * names, with no name after it */
	if (k > i && imp_tok_any(tk, k, named_heads, &l) >= 0 &&
	    (k + l >= tk->nt || tk->t[k + l].punct || imp_tok_is(tk, k + l, "va")))
		return k - i + l;
	return 0;
}

int imp_unit_generic(const struct imp_toks *tk, const struct imp_item *it)
{
	static const char *const generic[] = {
		"co quan", "don vi", "dia phuong", "nganh", "to chuc", "cap", "ban", "so", "phong",
		"hoi", NULL
	};
	size_t k = it->a, l;

	if (imp_tok_is(tk, k, "cac") || imp_tok_is(tk, k, "nhung"))
		k++;
	return imp_tok_any(tk, k, generic, &l) >= 0 && k + l == it->b;
}

int imp_tok_verb(const struct imp_toks *tk, size_t i)
{
	return verb_at(tk, i) > 0;
}

int imp_unit_head(const struct imp_toks *tk, size_t i)
{
	return head_at(tk, i) > 0;
}

#define MAX_NAME_WORDS 14

size_t imp_unit_list(const struct imp_toks *tk, size_t i, struct imp_item *items, size_t max,
                     size_t *end, char *stop)
{
	size_t n = 0, k = i, h;

	*stop = 'x';
	while (k < tk->nt && n < max) {
		size_t words = 0, last;

		h = head_at(tk, k);
		if (!h)
			break;
		items[n].a = k;
		k += h;
		last = k;
		/* modifiers up to a verb, punctuation, or "và" + another unit */
		while (k < tk->nt && words < MAX_NAME_WORDS) {
			if (tk->t[k].punct && tk->t[k].punct != '-' && tk->t[k].punct != '&')
				break;
			if (imp_tok_is(tk, k, "va") && head_at(tk, k + 1))
				break;
			/* a capital is part of a name ("Kim Lâm"), not a verb ("làm") */
			if (!tk->t[k].cap && verb_at(tk, k))
				break;
			k++;
			words++;
			if (!imp_tok_is(tk, k - 1, "va") && !tk->t[k - 1].punct)
				last = k;
		}
		items[n++].b = last;
		if (words >= MAX_NAME_WORDS) {
			*stop = 'x';
			*end = last;
			return n;
		}
		if (k >= tk->nt) {
			*stop = 'e';
			*end = k;
			return n;
		}
		if (!tk->t[k].cap && verb_at(tk, k)) {
			*stop = 'v';
			*end = k;
			return n;
		}
		if (imp_tok_is(tk, k, "va")) {
			k++;
			continue;
		}
		if (imp_tok_punct(tk, k, ',') && head_at(tk, k + 1)) {
			k++;
			continue;
		}
		if (imp_tok_punct(tk, k, ',') && imp_tok_is(tk, k + 1, "va") && head_at(tk, k + 2)) {
			k += 2;
			continue;
		}
		*stop = tk->t[k].punct ? tk->t[k].punct : 'x';
		*end = k;
		return n;
	}
	*end = k;
	if (k >= tk->nt)
		*stop = 'e';
	return n;
}

/* ---- resolution -------------------------------------------------------- */

struct ukey {
	char *key;       /* canonical folded name */
	size_t unit;     /* index in the hierarchy */
};

struct imp_units {
	const struct hier *h;
	struct ukey *keys;
	size_t nkeys;
	char **core;     /* per unit: canonical name without the level words */
	size_t nunits;
};

/* Abbreviations written in names, expanded word by word. */
static const struct {
	const char *abbr, *full;
} expand[] = {
	{ "btc", "ban to chuc" }, { "btg", "ban tuyen giao" }, { "bdv", "ban dan van" },
	{ "bnc", "ban noi chinh" }, { "ubkt", "uy ban kiem tra" }, { "vp", "van phong" },
	{ "hdnd", "hoi dong nhan dan" }, { "ubnd", "uy ban nhan dan" },
	{ "mttqvn", "mat tran to quoc" }, { "mttq", "mat tran to quoc" },
	{ "btv", "ban thuong vu" }, { "duk", "dang uy khoi" }, { "tccs", "to chuc co so" },
	{ "tp", "thanh pho" }, { "bcsd", "ban can su dang" }, { "ttct", "truong chinh tri" },
};

/* Words that name the body that leads, not a unit of its own. */
static const char *const prefixes[] = {
	"dang doan ", "ban can su dang ", "ban thuong vu ", "thuong truc ", "tap the lanh dao ",
	NULL
};

/* Level words: where the qualifier of a name begins. */
static const struct {
	const char *word;
	int kind;  /* enum unit_kind of the committee meant */
} levels[] = {
	{ "dang uy khoi", UK_DANG_UY_KHOI }, { "tinh uy", UK_TINH_UY }, { "thanh uy", UK_THANH_UY },
	{ "thi uy", UK_THANH_UY }, { "huyen uy", UK_HUYEN_UY }, { "quan uy", UK_HUYEN_UY },
	{ "trung uong", UK_TRUNG_UONG }, { "tinh", UK_TINH_UY }, { "thanh pho", UK_THANH_UY },
	{ "thi xa", UK_THANH_UY }, { "huyen", UK_HUYEN_UY }, { "quan", UK_HUYEN_UY },
};

static int word_at(const char *s, size_t at, const char *w)
{
	size_t l = strlen(w);

	return !strncmp(s + at, w, l) && (s[at + l] == ' ' || s[at + l] == '\0') &&
	       (at == 0 || s[at - 1] == ' ');
}

/* Canonical folded form: abbreviations expanded, the Front's long names
 * shortened, punctuation dropped.  Caller frees. */
static char *canon(const char *s, size_t n)
{
	size_t fl, i = 0;
	char *f = txt_fold(s, n, &fl);
	struct sbuf b = {0};
	char *out;

	sbuf_add(&b, "", 0);
	while (i < fl) {
		size_t j = i;
		int done = 0;

		if (!((f[i] >= 'a' && f[i] <= 'z') || (f[i] >= '0' && f[i] <= '9') ||
		      (unsigned char)f[i] >= 0x80)) {
			i++;
			continue;
		}
		while (j < fl && ((f[j] >= 'a' && f[j] <= 'z') || (f[j] >= '0' && f[j] <= '9') ||
		                  (unsigned char)f[j] >= 0x80))
			j++;
		if (b.len)
			sbuf_putc(&b, ' ');
		for (size_t k = 0; k < sizeof expand / sizeof *expand && !done; k++)
			if (strlen(expand[k].abbr) == j - i && !memcmp(f + i, expand[k].abbr, j - i)) {
				sbuf_puts(&b, expand[k].full);
				done = 1;
			}
		if (!done)
			sbuf_add(&b, f + i, j - i);
		i = j;
	}
	free(f);
	/* "uy ban mat tran to quoc viet nam" and its forms: "mat tran to quoc" */
	out = sbuf_detach(&b);
	{
		static const char *const front[] = { "uy ban mat tran to quoc viet nam",
						     "uy ban mat tran to quoc",
						     "mat tran to quoc viet nam", NULL };
		for (int k = 0; front[k]; k++) {
			char *p = strstr(out, front[k]);

			if (p && word_at(out, (size_t)(p - out), front[k])) {
				size_t l = strlen(front[k]), r = strlen("mat tran to quoc");

				memmove(p + r, p + l, strlen(p + l) + 1);
				memcpy(p, "mat tran to quoc", r);
				break;
			}
		}
	}
	return out;
}

/* The name without a leading body word ("Đảng đoàn HĐND tỉnh" -> "hoi dong
 * nhan dan tinh"); NULL if none applies.  Points into s. */
static const char *strip_prefix(const char *s)
{
	for (int k = 0; prefixes[k]; k++) {
		size_t l = strlen(prefixes[k]);

		if (!strncmp(s, prefixes[k], l) && s[l])
			return s + l;
	}
	return NULL;
}

/* Split a canonical name at its first level word: core length, and the
 * committee kind the level names (-1: none). */
static size_t split_level(const char *s, int *kind)
{
	*kind = -1;
	for (size_t at = 0; s[at]; at++) {
		if (at && s[at - 1] != ' ')
			continue;
		for (size_t k = 0; k < sizeof levels / sizeof *levels; k++)
			if (word_at(s, at, levels[k].word)) {
				*kind = levels[k].kind;
				return at ? at - 1 : 0;
			}
	}
	return strlen(s);
}

static void add_key(struct imp_units *u, size_t *cap, char *key, size_t unit)
{
	if (u->nkeys == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		u->keys = xrealloc(u->keys, *cap * sizeof *u->keys);
	}
	u->keys[u->nkeys].key = key;
	u->keys[u->nkeys].unit = unit;
	u->nkeys++;
}

static void add_name(struct imp_units *u, size_t *cap, const char *name, size_t len, size_t unit)
{
	char *c = canon(name, len);
	const char *p = strip_prefix(c);
	int kind;

	if (p)
		add_key(u, cap, xstrdup(p), unit);
	if (!u->core[unit]) {
		const char *base = p ? p : c;
		size_t l = split_level(base, &kind);

		u->core[unit] = xstrndup(base, l);
	}
	add_key(u, cap, c, unit);
}

struct imp_units *imp_units_new(const struct hier *h)
{
	struct imp_units *u;
	size_t cap = 0;

	if (!h)
		return NULL;
	u = xcalloc(1, sizeof *u);
	u->h = h;
	u->nunits = hier_count(h);
	u->core = xcalloc(u->nunits ? u->nunits : 1, sizeof *u->core);
	for (size_t i = 0; i < u->nunits; i++) {
		const struct unit *un = hier_at(h, i);
		const char *a;

		if (un->name)
			add_name(u, &cap, un->name, strlen(un->name), i);
		add_key(u, &cap, txt_fold(un->code, strlen(un->code), NULL), i);
		for (a = un->abbrevs; a && *a;) {
			const char *c = strchr(a, ',');
			size_t l = c ? (size_t)(c - a) : strlen(a);

			if (l)
				add_name(u, &cap, a, l, i);
			a = c ? c + 1 : a + l;
		}
	}
	return u;
}

void imp_units_free(struct imp_units *u)
{
	if (!u)
		return;
	for (size_t i = 0; i < u->nkeys; i++)
		free(u->keys[i].key);
	for (size_t i = 0; i < u->nunits; i++)
		free(u->core[i]);
	free(u->core);
	free(u->keys);
	free(u);
}

static int committee_kind(int kind)
{
	return kind == UK_TRUNG_UONG || kind == UK_TINH_UY || kind == UK_THANH_UY ||
	       kind == UK_HUYEN_UY || kind == UK_DANG_UY_KHOI || kind == UK_DANG_UY_CO_SO ||
	       kind == UK_CHI_BO;
}

static size_t parent_index(const struct imp_units *u, size_t i)
{
	const struct unit *un = hier_at(u->h, i);

	return un->parent ? hier_find_id(u->h, un->parent) : (size_t)-1;
}

/* The committee a unit belongs to: itself if a committee, else the
 * nearest committee above it. */
static size_t committee_of(const struct imp_units *u, size_t i)
{
	size_t guard = 0;

	while (i != (size_t)-1 && guard++ < 64) {
		if (committee_kind(hier_at(u->h, i)->kind))
			return i;
		i = parent_index(u, i);
	}
	return (size_t)-1;
}

/* How far candidate c is from the committee ctx: 0 for ctx itself, small
 * inside its subtree, larger for units reached by going up. */
static int distance(const struct imp_units *u, size_t c, size_t ctx)
{
	size_t a = ctx;
	int up = 0;

	if (ctx == (size_t)-1)
		return 1000 + hier_depth(u->h, c);
	while (a != (size_t)-1) {
		if (c >= a && c < hier_subtree_end(u->h, a))
			return up * 100 + (hier_depth(u->h, c) - hier_depth(u->h, a));
		a = parent_index(u, a);
		up++;
	}
	return 10000;
}

/* The best of the units whose index is set in cand: nearest to ctx; ties
 * are ambiguous ((size_t)-1). */
static size_t nearest(const struct imp_units *u, const size_t *cand, size_t n, size_t ctx)
{
	size_t best = (size_t)-1;
	int bd = 0, tie = 0;

	for (size_t k = 0; k < n; k++) {
		int d;

		if (k && cand[k] == cand[k - 1])
			continue;
		d = distance(u, cand[k], ctx);
		if (best == (size_t)-1 || d < bd) {
			best = cand[k];
			bd = d;
			tie = 0;
		} else if (d == bd && cand[k] != best) {
			tie = 1;
		}
	}
	return tie ? (size_t)-1 : best;
}

/* The committee of kind `kind` around ctx (ctx or above it), else the only
 * unit of that kind. */
static size_t level_committee(const struct imp_units *u, int kind, size_t ctx)
{
	size_t a = ctx, found = (size_t)-1;
	int n = 0;

	while (a != (size_t)-1) {
		if (hier_at(u->h, a)->kind == kind)
			return a;
		a = parent_index(u, a);
	}
	for (size_t i = 0; i < u->nunits; i++)
		if (hier_at(u->h, i)->kind == kind && !hier_at(u->h, i)->historical) {
			found = i;
			n++;
		}
	return n == 1 ? found : (size_t)-1;
}

#define MAX_CAND 16

/* 1 for "tinh doan", "huyen doan", "tinh hoi ...": a level word followed by
 * "đoàn" or "hội" names the Youth Union or an association of that level,
 * never its Party committee. */
static int body_of_level(const char *base)
{
	const char *sp = strchr(base, ' ');
	return sp && (word_at(base, (size_t)(sp + 1 - base), "doan") ||
	              word_at(base, (size_t)(sp + 1 - base), "hoi"));
}

static size_t by_key(const struct imp_units *u, const char *key, size_t ctx)
{
	size_t cand[MAX_CAND], n = 0;

	for (size_t k = 0; k < u->nkeys && n < MAX_CAND; k++)
		if (!strcmp(u->keys[k].key, key) && (n == 0 || cand[n - 1] != u->keys[k].unit))
			cand[n++] = u->keys[k].unit;
	return n ? nearest(u, cand, n, ctx) : (size_t)-1;
}

/* "Ban Tổ chức" in a document of ctx: the unit with that core among ctx's
 * children, then in its subtree, then (when `up`) around the committees
 * above.  A name that names its committee ("Ban Tuyên giáo Đảng ủy Khối")
 * is looked for inside that committee only: never silently the body of
 * the same name of another committee. */
static size_t by_core(const struct imp_units *u, const char *core, size_t ctx, int up)
{
	size_t cand[MAX_CAND], n = 0;

	if (ctx == (size_t)-1 || !*core)
		return (size_t)-1;
	for (size_t a = ctx; a != (size_t)-1; a = up ? parent_index(u, a) : (size_t)-1) {
		size_t end = hier_subtree_end(u->h, a);

		n = 0;
		/* direct children first */
		for (size_t i = a + 1; i < end && n < MAX_CAND; i++)
			if (hier_at(u->h, i)->parent == hier_at(u->h, a)->id && u->core[i] &&
			    !strcmp(u->core[i], core))
				cand[n++] = i;
		if (n == 1)
			return cand[0];
		if (n > 1)
			return (size_t)-1;
		for (size_t i = a + 1; i < end && n < MAX_CAND; i++)
			if (u->core[i] && !strcmp(u->core[i], core))
				cand[n++] = i;
		if (n)
			return n == 1 ? cand[0] : (size_t)-1;
	}
	return (size_t)-1;
}

uint32_t imp_units_resolve(const struct imp_units *u, const char *name, size_t n,
                           uint32_t issuer)
{
	size_t ctx = (size_t)-1, found, core_len;
	char *c, *core;
	const char *p;
	int kind;

	if (!u || !name || n == 0)
		return 0;
	if (issuer) {
		size_t i = hier_find_id(u->h, issuer);

		if (i != (size_t)-1)
			ctx = committee_of(u, i);
	}
	c = canon(name, n);
	if (!*c || !strncmp(c, "cac ", 4) || !strncmp(c, "nhung ", 6)) {
		free(c);
		return 0; /* a group: "các cơ quan liên quan" */
	}
	found = by_key(u, c, ctx);
	p = strip_prefix(c);
	if (found == (size_t)-1 && p)
		found = by_key(u, p, ctx);
	if (found == (size_t)-1) {
		const char *base = p ? p : c;

		core_len = split_level(base, &kind);
		core = xstrndup(base, core_len);
		if (kind >= 0)
			ctx = level_committee(u, kind, ctx);
		if (!*core && kind >= 0 && body_of_level(base))
			found = (size_t)-1; /* "Tỉnh đoàn", "Tỉnh hội": not the committee */
		else if (!*core && kind >= 0)
			found = ctx;
		else
			found = by_core(u, core, ctx, kind < 0);
		free(core);
	}
	free(c);
	return found == (size_t)-1 ? 0 : hier_at(u->h, found)->id;
}

int imp_name_level(const char *name)
{
	int kind = -1;
	if (!name)
		return -1;
	char *c = canon(name, strlen(name));
	const char *p = strip_prefix(c);
	split_level(p ? p : c, &kind);
	free(c);
	return kind;
}

struct imp_units *imp_resolver_new(const struct hier *h)
{
	return imp_units_new(h);
}

uint32_t imp_resolver_find(const struct imp_units *r, const char *name, uint32_t issuer)
{
	return name ? imp_units_resolve(r, name, strlen(name), issuer) : 0;
}

void imp_resolver_free(struct imp_units *r)
{
	imp_units_free(r);
}

uint32_t imp_resolve_unit(const struct hier *h, const char *name, uint32_t issuer)
{
	if (!h || !name)
		return 0;
	struct imp_units *u = imp_units_new(h);
	uint32_t id = imp_units_resolve(u, name, strlen(name), issuer);
	imp_units_free(u);
	return id;
}
