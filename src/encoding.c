/* encoding.c — recognise and convert the encodings of encoding.h. */
#include "encoding.h"

#include <errno.h>
#include <limits.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "text.h"
#include "util.h"

#define SCORE_SAMPLE (256u << 10) /* recognition reads the first 256 KiB */

static const char *const names[ENC_COUNT] = {"utf-8", "utf-16le", "utf-16be", "windows-1258",
                                             "tcvn3", "vni"};

const char *enc_name(enum enc_kind k)
{
	return (int)k >= 0 && k < ENC_COUNT ? names[k] : "";
}

int enc_parse(const char *name)
{
	static const struct {
		const char *alias;
		enum enc_kind k;
	} aliases[] = {{"utf8", ENC_UTF8},          {"utf-16", ENC_UTF16LE},
	               {"utf16", ENC_UTF16LE},      {"utf-16-le", ENC_UTF16LE},
	               {"utf-16-be", ENC_UTF16BE},  {"cp1258", ENC_CP1258},
	               {"windows1258", ENC_CP1258}, {"tcvn", ENC_TCVN3},
	               {"tcvn-3", ENC_TCVN3},       {"tcvn5712", ENC_TCVN3},
	               {"abc", ENC_TCVN3},          {"vni-windows", ENC_VNI}};
	if (!name)
		return -1;
	for (int k = 0; k < ENC_COUNT; k++)
		if (!txt_ascii_casecmp(name, names[k]))
			return k;
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (!txt_ascii_casecmp(name, aliases[i].alias))
			return (int)aliases[i].k;
	return -1;
}

/* ---- conversions ------------------------------------------------------- */

/* Through iconv; NULL when the bytes are not valid in `from`. */
static char *via_iconv(const char *from, const char *buf, size_t n, size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return NULL;
	size_t cap = n * 4 + 16, left = cap;
	char *out = xmalloc(cap + 1), *op = out;
	char *ip = (char *)buf;
	size_t il = n;
	int ok = 1;
	while (il > 0) {
		if (iconv(cd, &ip, &il, &op, &left) == (size_t)-1) {
			if (errno == E2BIG) {
				size_t used = (size_t)(op - out);
				cap *= 2;
				out = xrealloc(out, cap + 1);
				op = out + used;
				left = cap - used;
				continue;
			}
			ok = 0;
			break;
		}
	}
	if (ok)
		iconv(cd, NULL, NULL, &op, &left);
	iconv_close(cd);
	if (!ok) {
		free(out);
		return NULL;
	}
	*op = '\0';
	*outlen = (size_t)(op - out);
	return out;
}

/* Windows-1252 as code points (the five bytes it leaves undefined are
 * taken as Latin-1), the way a program that did not know better read it. */
static const uint16_t cp1252_hi[32] = {
	0x20ac, 0x81,   0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160,
	0x2039, 0x0152, 0x8d,   0x017d, 0x8f,   0x90,   0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
	0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,   0x017e, 0x0178};

static uint32_t cp1252_cp(unsigned char b)
{
	return b >= 0x80 && b < 0xa0 ? cp1252_hi[b - 0x80] : b;
}

/* The inverse: a code point back to its Windows-1252 byte, -1 if none.
 * C1 controls come back as themselves: a Latin-1 reading made them. */
static int cp1252_byte(uint32_t c)
{
	if (c <= 0xff)
		return (int)c;
	for (int i = 0; i < 32; i++)
		if (cp1252_hi[i] == c)
			return 0x80 + i;
	return -1;
}

/* VNI: a base letter followed by bytes that carry its marks. */
enum { M_CIRC = 1, M_BREVE = 2, M_HORN = 4 };
enum { T_NONE = 0, T_ACUTE, T_GRAVE, T_HOOK, T_TILDE, T_DOT };

static const uint32_t tone_mark[] = {0, 0x0301, 0x0300, 0x0309, 0x0303, 0x0323};

struct vni_mod {
	unsigned char lower, upper; /* the byte in lower- and upper-case text */
	int shape;                  /* M_CIRC or M_BREVE, or 0 */
	int tone;
};

static const struct vni_mod vni_mods[] = {
	{0xf9, 0xd9, 0, T_ACUTE},       {0xf8, 0xd8, 0, T_GRAVE},       {0xfb, 0xdb, 0, T_HOOK},
	{0xf5, 0xd5, 0, T_TILDE},       {0xef, 0xcf, 0, T_DOT},         {0xe2, 0xc2, M_CIRC, 0},
	{0xe1, 0xc1, M_CIRC, T_ACUTE},  {0xe0, 0xc0, M_CIRC, T_GRAVE},  {0xe5, 0xc5, M_CIRC, T_HOOK},
	{0xe3, 0xc3, M_CIRC, T_TILDE},  {0xe4, 0xc4, M_CIRC, T_DOT},    {0xea, 0xca, M_BREVE, 0},
	{0xe9, 0xc9, M_BREVE, T_ACUTE}, {0xe8, 0xc8, M_BREVE, T_GRAVE}, {0xfa, 0xda, M_BREVE, T_HOOK},
	{0xfc, 0xdc, M_BREVE, T_TILDE}, {0xeb, 0xcb, M_BREVE, T_DOT}};

static const struct vni_mod *vni_mod_of(unsigned char b)
{
	for (size_t i = 0; i < sizeof vni_mods / sizeof vni_mods[0]; i++)
		if (vni_mods[i].lower == b || vni_mods[i].upper == b)
			return &vni_mods[i];
	return NULL;
}

static void put_cp(struct sbuf *b, uint32_t c)
{
	uint8_t u[6];
	int k = u8_uctomb(u, c, sizeof u);
	if (k > 0)
		sbuf_add(b, (const char *)u, (size_t)k);
}

/* Letters that stand alone in VNI: i with its tones, ỵ, đ, ơ, ư. */
static int vni_single(unsigned char b, uint32_t *base, int *shape, int *tone)
{
	static const struct {
		unsigned char b;
		uint32_t base;
		int shape, tone;
	} t[] = {{0xed, 'i', 0, T_ACUTE}, {0xec, 'i', 0, T_GRAVE}, {0xe6, 'i', 0, T_HOOK},
	         {0xf3, 'i', 0, T_TILDE}, {0xf2, 'i', 0, T_DOT},   {0xcd, 'I', 0, T_ACUTE},
	         {0xcc, 'I', 0, T_GRAVE}, {0xc6, 'I', 0, T_HOOK},  {0xd3, 'I', 0, T_TILDE},
	         {0xd2, 'I', 0, T_DOT},   {0xee, 'y', 0, T_DOT},   {0xce, 'Y', 0, T_DOT},
	         {0xf1, 0x111, 0, 0},     {0xd1, 0x110, 0, 0},     {0xf4, 'o', M_HORN, 0},
	         {0xd4, 'O', M_HORN, 0},  {0xf6, 'u', M_HORN, 0},  {0xd6, 'U', M_HORN, 0}};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (t[i].b == b) {
			*base = t[i].base;
			*shape = t[i].shape;
			*tone = t[i].tone;
			return 1;
		}
	return 0;
}

static char *from_vni(const char *buf, size_t n, size_t *outlen)
{
	struct sbuf b = {0};
	const unsigned char *p = (const unsigned char *)buf;
	for (size_t i = 0; i < n;) {
		uint32_t base = p[i];
		int shape = 0, tone = 0, single = vni_single(p[i], &base, &shape, &tone);
		int letter = single || strchr("aeouyAEOUY", (int)p[i]) != NULL;
		i++;
		if (letter && p[i - 1] != 0xf1 && p[i - 1] != 0xd1 && i < n) {
			/* at most one modifier byte follows a base letter */
			const struct vni_mod *m = vni_mod_of(p[i]);
			int base_a = base == 'a' || base == 'A';
			int base_eo = base == 'e' || base == 'E' || base == 'o' || base == 'O';
			if (m && !tone && ((m->shape == M_CIRC && (base_a || base_eo) && !shape) ||
			                   (m->shape == M_BREVE && base_a && !shape) ||
			                   (m->shape == 0 && (!single || shape == M_HORN)))) {
				shape |= m->shape;
				tone = m->tone;
				i++;
			}
		}
		if (!letter && base >= 0x80)
			base = cp1252_cp((unsigned char)base);
		put_cp(&b, base);
		if (shape & M_CIRC)
			put_cp(&b, 0x0302);
		if (shape & M_BREVE)
			put_cp(&b, 0x0306);
		if (shape & M_HORN)
			put_cp(&b, 0x031b);
		if (tone)
			put_cp(&b, tone_mark[tone]);
	}
	*outlen = b.len;
	return b.s ? sbuf_detach(&b) : xstrdup("");
}

/* Decode n bytes in encoding k to UTF-8 NFC; NULL if they are not valid
 * in it. */
static char *decode_as(enum enc_kind k, const char *buf, size_t n, size_t *outlen)
{
	char *raw = NULL;
	size_t rawlen = 0;
	switch (k) {
	case ENC_UTF8:
		if (n >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3)) {
			buf += 3;
			n -= 3;
		}
		if (u8_check((const uint8_t *)buf, n))
			return NULL;
		raw = xmalloc(n + 1);
		memcpy(raw, buf, n);
		raw[n] = '\0';
		rawlen = n;
		break;
	case ENC_UTF16LE:
	case ENC_UTF16BE:
		if (n >= 2 && ((k == ENC_UTF16LE && !memcmp(buf, "\xff\xfe", 2)) ||
		               (k == ENC_UTF16BE && !memcmp(buf, "\xfe\xff", 2)))) {
			buf += 2;
			n -= 2;
		}
		raw = via_iconv(k == ENC_UTF16LE ? "UTF-16LE" : "UTF-16BE", buf, n, &rawlen);
		break;
	case ENC_CP1258:
		raw = via_iconv("CP1258", buf, n, &rawlen);
		break;
	case ENC_TCVN3:
		raw = via_iconv("TCVN5712-1", buf, n, &rawlen);
		break;
	case ENC_VNI:
		raw = from_vni(buf, n, &rawlen);
		break;
	default:
		return NULL;
	}
	if (!raw)
		return NULL;
	if (memchr(raw, '\0', rawlen)) { /* binary, whatever the encoding */
		free(raw);
		return NULL;
	}
	char *nfc = txt_nfc(raw, rawlen, outlen);
	free(raw);
	return nfc;
}

/* ---- recognition -------------------------------------------------------- */

static const char *const common[] = {
	"của", "và",   "các",  "những", "được", "trong", "thực", "hiện", "đảng", "năm",
	"với", "là",   "có",   "cho",   "không", "người", "việc", "công", "tác",  "tổ",
	"chức", "nhiệm", "vụ", "kế",    "hoạch", "theo",  "đến",  "một",  "này",  "về",
	"cấp", "ủy",   "ban",  "đồng",  "chí",  "từ",    "đã",   "để",   "tại",  "thành",
	"tỉnh", "nghị", "quyết", "lãnh", "đạo",  "chỉ",   "xây",  "dựng", "nâng", "cao"};

/* A letter of the Vietnamese alphabet beyond ASCII (precomposed, NFC). */
static int viet_letter(uint32_t c)
{
	static const uint16_t latin1[] = {0xc0, 0xc1, 0xc2, 0xc3, 0xc8, 0xc9, 0xca, 0xcc, 0xcd,
	                                  0xd2, 0xd3, 0xd4, 0xd5, 0xd9, 0xda, 0xdd};
	static const uint16_t more[] = {0x102, 0x110, 0x128, 0x168, 0x1a0, 0x1af};
	if (c >= 0x1ea0 && c <= 0x1ef9)
		return 1;
	for (size_t i = 0; i < sizeof latin1 / sizeof latin1[0]; i++)
		if (c == latin1[i] || c == latin1[i] + 0x20u)
			return 1;
	for (size_t i = 0; i < sizeof more / sizeof more[0]; i++)
		if (c == more[i] || c == more[i] + 1u)
			return 1;
	return 0;
}

/* Characters a Vietnamese text does not hold: what garbled text is made of. */
static int unlikely(uint32_t c)
{
	if (c == '\t' || c == '\n' || c == '\r' || c == '\f')
		return 0;
	if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0xfffd || (c >= 0xe000 && c <= 0xf8ff))
		return 1;
	if (c >= 0xa1 && c <= 0xbf && c != 0xab && c != 0xbb && c != 0xb0 && c != 0xa7)
		return 1;
	static const char odd[] = "ÄÅÆÇËÎÏÑÖØÛÜÞßäåæçëîïñöøûüþÿ";
	uint8_t u[6];
	int k = u8_uctomb(u, c, sizeof u);
	if (k <= 0)
		return 1;
	u[k] = 0;
	return c >= 0xc0 && c <= 0xff && strstr(odd, (const char *)u) != NULL;
}

long enc_score(const char *s, size_t n)
{
	long hits = 0, viet = 0, bad = 0;
	char word[32];
	size_t wl = 0;
	if (n > SCORE_SAMPLE)
		n = SCORE_SAMPLE;
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	while (p <= end) {
		ucs4_t c = 0;
		int k = p < end ? u8_mbtouc(&c, p, (size_t)(end - p)) : 1;
		int letter = p < end && (uc_is_alpha(c));
		if (letter && wl + (size_t)k < sizeof word) {
			memcpy(word + wl, p, (size_t)k);
			wl += (size_t)k;
		} else if (!letter) {
			if (wl) {
				word[wl] = '\0';
				char *lw = txt_lower(word);
				for (size_t i = 0; i < sizeof common / sizeof common[0]; i++)
					if (!strcmp(lw, common[i])) {
						hits++;
						break;
					}
				free(lw);
			}
			wl = 0;
		}
		if (p < end) {
			if (c >= 0x80 && viet_letter(c))
				viet++;
			else if (unlikely(c))
				bad++;
		}
		p += k > 0 ? k : 1;
	}
	return hits * 100 + viet * 2 - bad * 60;
}

/* Text that went through Windows-1252 and was saved as UTF-8: every code
 * point maps back to one byte.  Returns those bytes, or NULL. */
static char *undo_cp1252(const char *s, size_t n, size_t *outlen)
{
	struct sbuf b = {0};
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	int high = 0;
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, (size_t)(end - p));
		int byte = cp1252_byte(c);
		if (byte < 0) {
			sbuf_free(&b);
			return NULL;
		}
		high |= byte >= 0x80;
		sbuf_putc(&b, (char)byte);
		p += k;
	}
	if (!high) {
		sbuf_free(&b);
		return NULL;
	}
	*outlen = b.len;
	return b.s ? sbuf_detach(&b) : xstrdup("");
}

static int garbled(long score, const char *s, size_t n)
{
	/* Below zero: more characters no Vietnamese text holds than signs of
	 * Vietnamese; a short text with none of either is left alone. */
	(void)s;
	return score < 0 && n > 0;
}

static int utf16_guess(const char *buf, size_t n, enum enc_kind *k, int *bom)
{
	*bom = 0;
	if (n >= 2 && !memcmp(buf, "\xff\xfe", 2)) {
		*k = ENC_UTF16LE;
		*bom = 1;
		return 1;
	}
	if (n >= 2 && !memcmp(buf, "\xfe\xff", 2)) {
		*k = ENC_UTF16BE;
		*bom = 1;
		return 1;
	}
	/* No BOM: ASCII-range text in UTF-16 has a NUL in every other byte. */
	size_t even = 0, odd = 0, m = n < 4096 ? n : 4096;
	for (size_t i = 0; i + 1 < m; i += 2) {
		even += buf[i] == 0;
		odd += buf[i + 1] == 0;
	}
	if (m >= 8 && odd * 3 > m && even * 20 < m) {
		*k = ENC_UTF16LE;
		return 1;
	}
	if (m >= 8 && even * 3 > m && odd * 20 < m) {
		*k = ENC_UTF16BE;
		return 1;
	}
	return 0;
}

int enc_decode(const char *buf, size_t n, int forced, const char *file, char **out,
               size_t *outlen, struct enc_guess *g, struct err *e)
{
	const char *f = file ? file : "";
	memset(g, 0, sizeof *g);
	*out = NULL;
	*outlen = 0;
	if (forced >= 0) {
		if (forced >= ENC_COUNT)
			return err_set(e, ERR_USAGE, "bảng mã không hợp lệ");
		g->kind = (enum enc_kind)forced;
		g->confidence = 100;
		g->bom = (forced == ENC_UTF8 && n >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3)) ||
		         (forced != ENC_UTF8 && forced <= ENC_UTF16BE && n >= 2 &&
		          (!memcmp(buf, "\xff\xfe", 2) || !memcmp(buf, "\xfe\xff", 2)));
		if (!(*out = decode_as(g->kind, buf, n, outlen)))
			return err_at(e, ERR_INPUT, f, 0, "văn bản không đọc được theo bảng mã %s",
			              enc_name(g->kind));
		return 0;
	}
	enum enc_kind k16;
	int bom16;
	if (utf16_guess(buf, n, &k16, &bom16)) {
		g->kind = k16;
		g->bom = bom16;
		g->confidence = bom16 ? 100 : 90;
		if (!(*out = decode_as(k16, buf, n, outlen)))
			return err_at(e, ERR_INPUT, f, 0, "văn bản UTF-16 bị hỏng");
		return 0;
	}
	if (memchr(buf, '\0', n))
		return err_at(e, ERR_INPUT, f, 0, "tệp nhị phân, không phải văn bản (có byte NUL): "
		              "hãy nhập tệp .docx, .odt, .pdf hoặc văn bản");

	/* Candidates: UTF-8 as it is (and, if it is garbled, UTF-8 that went
	 * through Windows-1252), else the 8-bit encodings. */
	struct cand {
		enum enc_kind kind;
		int repaired;
		char *text;
		size_t len;
		long score;
	} c[8];
	int nc = 0;
	size_t ulen;
	char *u = decode_as(ENC_UTF8, buf, n, &ulen);
	if (u) {
		g->bom = n >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3);
		long s = enc_score(u, ulen);
		size_t blen;
		char *bytes = undo_cp1252(u, ulen, &blen);
		/* Vietnamese in UTF-8 always holds letters Windows-1252 lacks (ơ ư
		 * đ ă ệ ...); text that maps back byte for byte went through it. */
		if (!bytes && !garbled(s, u, ulen)) {
			/* Plain, sensible UTF-8: the common case, decided at once. */
			g->kind = ENC_UTF8;
			g->confidence = 100;
			*out = u;
			*outlen = ulen;
			return 0;
		}
		c[nc++] = (struct cand){ENC_UTF8, 0, u, ulen, s};
		if (bytes) {
			for (int k = ENC_UTF8; k < ENC_COUNT; k++) {
				if (k == ENC_UTF16LE || k == ENC_UTF16BE)
					continue;
				size_t l;
				char *t = decode_as((enum enc_kind)k, bytes, blen, &l);
				if (t)
					c[nc++] = (struct cand){(enum enc_kind)k, 1, t, l, enc_score(t, l)};
			}
			free(bytes);
		}
	} else {
		for (int k = ENC_CP1258; k < ENC_COUNT; k++) {
			size_t l;
			char *t = decode_as((enum enc_kind)k, buf, n, &l);
			if (t)
				c[nc++] = (struct cand){(enum enc_kind)k, 0, t, l, enc_score(t, l)};
		}
	}
	int best = -1;
	long second = LONG_MIN;
	for (int i = 0; i < nc; i++)
		if (best < 0 || c[i].score > c[best].score)
			best = i;
	for (int i = 0; i < nc; i++)
		if (i != best && c[i].score > second)
			second = c[i].score;
	int rc = 0;
	if (best < 0 || garbled(c[best].score, c[best].text, c[best].len)) {
		rc = err_at(e, ERR_INPUT, f, 0,
		            u ? "văn bản có vẻ bị lỗi mã hóa ký tự (đọc sai bảng mã rồi lưu lại) và không "
		                "khôi phục được: hãy lấy lại tệp gốc, hoặc ghi rõ --encoding"
		              : "văn bản không phải UTF-8 và không nhận ra bảng mã (Windows-1258, TCVN3, "
		                "VNI): hãy ghi rõ --encoding hoặc chuyển tệp về UTF-8");
	} else {
		g->kind = c[best].kind;
		g->repaired = c[best].repaired;
		long b = c[best].score;
		g->confidence = second == LONG_MIN || b <= 0 ? 100
		              : (int)(100 * (b - (second > 0 ? second : 0)) / b);
		*out = c[best].text;
		*outlen = c[best].len;
		c[best].text = NULL;
	}
	for (int i = 0; i < nc; i++)
		free(c[i].text);
	return rc;
}
