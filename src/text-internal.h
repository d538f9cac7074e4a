/* text-internal.h — helpers shared by text.c and text-display.c; not part
 * of the public API. */
#ifndef THEODOI_TEXT_INTERNAL_H
#define THEODOI_TEXT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

/* Code point stored by txt_dec for an invalid byte. */
#define TXT_BAD 0xFFFFFFFFu

/* Decode the character at s[0..n), n >= 1, into *c; returns its length in
 * bytes.  An invalid or truncated sequence gives *c = TXT_BAD and length 1. */
size_t txt_dec(const char *s, size_t n, uint32_t *c);

/* Non-zero for C0 controls, DEL and C1 controls. */
int txt_is_control(uint32_t c);

#endif
