/* fuzz_codec.c — libFuzzer target: every record decoder on arbitrary bytes.
 * The first byte picks the record kind; a decoded record is encoded again
 * and must decode to the same bytes (the encoding is canonical). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "model.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define ROUND_TRIP(type, dec, enc, fr)                                                    \
	do {                                                                              \
		struct type r;                                                            \
		memset(&r, 0, sizeof r);                                                  \
		if (dec(buf, n, &r, &e) == 0) {                                           \
			struct sbuf b = {0};                                              \
			struct type r2;                                                   \
			memset(&r2, 0, sizeof r2);                                        \
			if (enc(&r, &b, &e) == 0) {                                       \
				if (dec(b.s, b.len, &r2, &e) != 0)                        \
					abort();                                          \
				struct sbuf b2 = {0};                                     \
				if (enc(&r2, &b2, &e) != 0 || b2.len != b.len ||          \
				    memcmp(b.s, b2.s, b.len) != 0)                        \
					abort();                                          \
				sbuf_free(&b2);                                           \
				fr(&r2);                                                  \
			}                                                                 \
			sbuf_free(&b);                                                    \
		}                                                                         \
		fr(&r);                                                                   \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const uint8_t *buf = data + 1;
	size_t n = size - 1;
	struct err e;
	err_clear(&e);
	switch (data[0] % 8) {
	case 0: ROUND_TRIP(unit, codec_unit_decode, codec_unit_encode, unit_free); break;
	case 1: ROUND_TRIP(doc, codec_doc_decode, codec_doc_encode, doc_free); break;
	case 2: ROUND_TRIP(task, codec_task_decode, codec_task_encode, task_free); break;
	case 3: ROUND_TRIP(update, codec_update_decode, codec_update_encode, update_free); break;
	case 4: ROUND_TRIP(extension, codec_extension_decode, codec_extension_encode, extension_free); break;
	case 5: ROUND_TRIP(indicator, codec_indicator_decode, codec_indicator_encode, indicator_free); break;
	case 6: ROUND_TRIP(measure, codec_measure_decode, codec_measure_encode, measure_free); break;
	default: ROUND_TRIP(audit, codec_audit_decode, codec_audit_encode, audit_free); break;
	}
	return 0;
}
