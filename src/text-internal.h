/* text-internal.h — helpers shared by text.c and text-display.c; not part
 * of the public API. */
#ifndef THEODOI_TEXT_INTERNAL_H
#define THEODOI_TEXT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

/* Code point stored by txt_dec for an invalid byte. */
#define TXT_BAD 0xFFFFFFFFu

/* txt_dec past its inline forms: libunistring's decoder. */
size_t txt_dec_other(const char *s, size_t n, uint32_t *c);

/* Decode the character at s[0..n), n >= 1, into *c; returns its length in
 * bytes.  An invalid or truncated sequence gives *c = TXT_BAD and length 1.
 * Inline for ASCII and the well-formed two- and three-byte sequences that
 * need no further check (all of Vietnamese: every text is read through
 * here); anything else, surrogates and overlong forms included, goes to
 * txt_dec_other. */
static inline size_t txt_dec(const char *s, size_t n, uint32_t *c)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n > 0 && u[0] < 0x80) {
		*c = u[0];
		return 1;
	}
	if (n >= 2 && u[0] >= 0xC2 && u[0] <= 0xDF && (u[1] & 0xC0) == 0x80) {
		*c = (uint32_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
		return 2;
	}
	if (n >= 3 && u[0] >= 0xE1 && u[0] <= 0xEC && (u[1] & 0xC0) == 0x80 &&
	    (u[2] & 0xC0) == 0x80) {
		*c = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
		return 3;
	}
	return txt_dec_other(s, n, c);
}

/* Non-zero for C0 controls, DEL and C1 controls. */
static inline int txt_is_control(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c < 0xA0);
}

#endif
