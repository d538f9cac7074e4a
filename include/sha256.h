/* sha256.h — SHA-256 (FIPS 180-4) of bytes and of files: the checksum the
 * register of outgoing documents keeps of each issued file. */
#ifndef THEODOI_SHA256_H
#define THEODOI_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t len;          /* bytes hashed so far */
	unsigned char buf[64];
	size_t nbuf;
};

void sha256_init(struct sha256 *s);
void sha256_add(struct sha256 *s, const void *data, size_t n);
/* The digest as 64 lower-case hex digits and a NUL into hex[65]. */
void sha256_hex(struct sha256 *s, char hex[65]);

/* The digest of the file at path (opened without following a symbolic
 * link) into hex[65].  0, or -1 with errno set. */
int sha256_file(const char *path, char hex[65]);

#endif
