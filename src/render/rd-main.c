/* rd-main.c — theodoi-render: write a document the office sends.
 *
 *   theodoi-render docx|odt|pdf FILE  < description.json
 *
 * The description (docspec.h) comes on standard input; FILE is written as
 * the user who runs the program (temporary file beside it, then renamed;
 * a symbolic link or a device is refused).  Exit status 0, or an enum
 * err_code with one line on standard error.  theodoi runs it from
 * `report` and `remind`; it is not meant to be run by hand. */
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>

#include "render-internal.h"

/* Largest description read: far above any report. */
#define RD_MAX_INPUT ((size_t)64 << 20)

static int read_spec(json_t **out, struct err *e)
{
	struct sbuf in = {0};
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) {
		if (in.len + n > RD_MAX_INPUT) {
			sbuf_free(&in);
			return err_set(e, ERR_INPUT, "mô tả văn bản quá lớn");
		}
		sbuf_add(&in, buf, n);
	}
	json_error_t je;
	*out = json_loadb(in.s ? in.s : "", in.len, JSON_REJECT_DUPLICATES, &je);
	sbuf_free(&in);
	if (!*out)
		return err_set(e, ERR_INPUT, "mô tả văn bản không phải JSON hợp lệ (dòng %d): %s",
		               je.line, je.text);
	return 0;
}

int main(int argc, char **argv)
{
	struct err e;
	char msg[1024];
	json_t *spec = NULL;
	struct sbuf doc = {0}, pdf = {0};
	int rc;

	err_clear(&e);
	if (argc != 3 || (strcmp(argv[1], "docx") && strcmp(argv[1], "odt") && strcmp(argv[1], "pdf"))) {
		fprintf(stderr, "Cách dùng: theodoi-render docx|odt|pdf TỆP < mô-tả.json\n");
		return ERR_USAGE;
	}
	LIBXML_TEST_VERSION
	const char *fmt = argv[1], *path = argv[2];
	if (!(rc = read_spec(&spec, &e)) && !(rc = rd_check(spec, &e))) {
		if (!strcmp(fmt, "docx"))
			rc = rd_docx(spec, &doc, &e);
		else
			rc = rd_odt(spec, &doc, &e);
		if (!rc && !strcmp(fmt, "pdf"))
			rc = rd_pdf(&doc, &pdf, &e);
		if (!rc)
			rc = rd_write_file(path, strcmp(fmt, "pdf") ? &doc : &pdf, &e);
	}
	if (rc)
		fprintf(stderr, "%s\n", err_str(&e, msg, sizeof msg));
	json_decref(spec);
	sbuf_free(&doc);
	sbuf_free(&pdf);
	xmlCleanupParser();
	return rc;
}
