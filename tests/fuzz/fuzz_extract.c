/* fuzz_extract.c — libFuzzer target: the Word and OpenDocument readers of
 * theodoi-extract on arbitrary XML (the parts a .docx or .odt holds once
 * unzipped).  The first byte chooses the reader; the rest is parsed as XML
 * with the flags the helper uses and given as every part at once, so that
 * numbering, styles and body all come from the input.  Whatever it is,
 * the readers must return cleanly with valid UTF-8, never crash or leak.
 *
 *   make BUILD=build-fuzz CC=clang CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" \
 *        LDFLAGS="-fsanitize=address,undefined" build-fuzz/fuzz/fuzz_extract
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <unistr.h>

#include "../../src/extract/extract-internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct xt_out o = {0};
	struct err e;
	if (size < 1)
		return 0;
	xmlSetGenericErrorFunc(NULL, ignore);
	err_clear(&e);
	xmlDoc *doc = xmlReadMemory((const char *)data + 1, (int)(size - 1), "fuzz.xml", NULL,
	                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	                                XML_PARSE_COMPACT);
	if (doc) {
		int rc = data[0] & 1 ? xt_odt_parts("fuzz", doc, doc, &o, &e)
		                     : xt_docx_parts("fuzz", doc, doc, doc, &o, &e);
		if (!rc && o.text.len && u8_check((const uint8_t *)o.text.s, o.text.len))
			abort();
		xmlFreeDoc(doc);
	}
	xt_out_free(&o);
	return 0;
}
