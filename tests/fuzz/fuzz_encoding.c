/* fuzz_encoding.c — libFuzzer target: recognising and converting the
 * encodings of encoding.h on arbitrary bytes, and each forced encoding.
 * The result, when there is one, must be valid UTF-8 of the length said;
 * anything else must be a clean error.
 *
 *   make BUILD=build-fuzz CC=clang CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" \
 *        LDFLAGS="-fsanitize=address,undefined" build-fuzz/fuzz/fuzz_encoding
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "encoding.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const char *buf, size_t n, int forced)
{
	struct enc_guess g;
	struct err e;
	char *out;
	size_t len;
	err_clear(&e);
	if (enc_decode(buf, n, forced, "fuzz", &out, &len, &g, &e) == 0) {
		if (strlen(out) != len || u8_check((const uint8_t *)out, len) || g.confidence < 0 ||
		    g.confidence > 100 || (int)g.kind < 0 || g.kind >= ENC_COUNT)
			abort();
		free(out);
	} else if (!e.msg[0]) {
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check((const char *)data, size, -1);
	if (size)
		check((const char *)data + 1, size - 1, data[0] % ENC_COUNT);
	return 0;
}
