/* encoding.h — the character encodings plans arrive in, recognised from
 * their bytes and converted to UTF-8 in NFC.
 *
 * Offices keep plans in UTF-8 (with or without a byte order mark), in
 * UTF-16 (Word's "Unicode text", with a BOM), in Windows-1258, and in the
 * font encodings of the 1990s: TCVN3 (ABC, fonts ".VnTime") and VNI, whose
 * text reads as nonsense Latin letters in anything else.  Text that went
 * through a wrong 8-bit reading and was saved again as UTF-8 ("mojibake":
 * "Viá»‡t", "B¶o", "Vieät") is recognised too and repaired when the
 * original can be recovered.
 *
 * Recognition converts the text with each candidate and keeps the reading
 * that looks most like Vietnamese: common words ("của", "và", "các",
 * "thực hiện" ...) and Vietnamese letters count for it, characters a
 * Vietnamese text does not hold (symbols of the Latin-1 range, controls,
 * replacement characters) against it.
 */
#ifndef THEODOI_ENCODING_H
#define THEODOI_ENCODING_H

#include <stddef.h>

struct err;

/* Stored nowhere; the order is that of the names below. */
enum enc_kind {
	ENC_UTF8 = 0,
	ENC_UTF16LE,
	ENC_UTF16BE,
	ENC_CP1258,  /* Windows-1258 */
	ENC_TCVN3,   /* TCVN 5712 (ABC, .VnTime fonts) */
	ENC_VNI,     /* VNI-Windows (VNI-Times fonts) */
	ENC_COUNT
};

/* What recognition found. */
struct enc_guess {
	enum enc_kind kind;
	int bom;        /* the text began with a byte order mark */
	int repaired;   /* the bytes were UTF-8 holding text of `kind` read as
	                   Windows-1252 (mojibake), converted back */
	int confidence; /* 0..100: how clearly this reading beat the others
	                   (100 for a BOM, for plain ASCII, or when forced) */
};

/* "utf-8", "utf-16le", "utf-16be", "windows-1258", "tcvn3", "vni". */
const char *enc_name(enum enc_kind k);
/* A name given by a user (--encoding): the names above, any case, and
 * "utf8", "utf-16", "cp1258", "tcvn", "abc", "vni-windows".  -1 if
 * unknown. */
int enc_parse(const char *name);

/* Convert n bytes of text to UTF-8 NFC: in encoding `forced` (an enum
 * enc_kind), or recognised when forced is -1.  On success *out (malloc'd,
 * NUL-terminated, owned by the caller) and *outlen, and *g says what was
 * found.  Text that is recognisably garbled and cannot be repaired, or
 * that is not text at all (NUL bytes outside UTF-16), is ERR_INPUT with a
 * message naming `file` (may be NULL) and what to do. */
int enc_decode(const char *buf, size_t n, int forced, const char *file, char **out,
               size_t *outlen, struct enc_guess *g, struct err *e);

/* How Vietnamese a UTF-8 text looks: higher is more (see above).  For the
 * tests and for recognition. */
long enc_score(const char *s, size_t n);

#endif
