/* fuzz_import.c — libFuzzer target: imp_parse() on arbitrary bytes, then
 * the JSON and text outputs of what it read.  Invalid UTF-8 and texts
 * without tasks must come back as ERR_INPUT, never as a crash, a leak or
 * an out-of-bounds access; a result must hold what the contract says.
 *
 * Build and run by hand (tests/fuzz.sh does the same for `make fuzz`):
 *   make BUILD=build-fuzz CC=clang \
 *        CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" \
 *        LDFLAGS="-fsanitize=address,undefined" build-fuzz/fuzz/fuzz_import
 *   build-fuzz/fuzz/fuzz_import -max_len=65536 tests/fuzz/corpus/fuzz_import
 */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct imp_result *r = NULL;
	struct err e;
	struct sbuf b = {0};
	json_t *j;
	int rc;

	memset(&e, 0, sizeof e);
	rc = imp_parse((const char *)data, size, "fuzz.txt", NULL, 0, &r, &e);
	if (rc) {
		if (rc != ERR_INPUT || r)
			abort();
		return 0;
	}
	if (!r || r->ntasks == 0)
		abort();
	for (size_t k = 0; k < r->ntasks; k++)
		if (!r->tasks[k].text || strlen(r->tasks[k].section) >= SECTION_LEN)
			abort();
	j = imp_to_json(r, NULL);
	if (!j || json_array_size(json_object_get(j, "tasks")) != r->ntasks)
		abort();
	json_decref(j);
	imp_text(r, NULL, 72, &b); /* a narrow terminal: every column cut */
	sbuf_free(&b);
	imp_free(r);
	return 0;
}
