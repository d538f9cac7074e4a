/* xt-main.c — theodoi-extract: print the text of a plan received as a Word,
 * OpenDocument, PDF or Word 97 file, as paragraphs (extract-internal.h).
 *
 *   theodoi-extract docx|odt|zip|pdf|doc FILE
 *
 * "zip" lets the program tell .docx from .odt by the members.  Exit status
 * 0 with the text on standard output, or an enum err_code with one line on
 * standard error.  theodoi runs it from `import`; it is not meant to be run
 * by hand, though nothing stops that. */
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <zip.h>

#include "extract-internal.h"

/* A zip archive: Word, OpenDocument text, or something else said plainly. */
static int zip_kind(const char *path, struct xt_out *o, struct err *e)
{
	struct zip *z;
	int rc = xt_zip_open(path, &z, e);
	if (rc)
		return rc;
	int word = zip_name_locate(z, "word/document.xml", 0) >= 0;
	int odf = zip_name_locate(z, "content.xml", 0) >= 0;
	int sheet = zip_name_locate(z, "xl/workbook.xml", 0) >= 0;
	int slides = zip_name_locate(z, "ppt/presentation.xml", 0) >= 0;
	char mime[128] = "";
	zip_file_t *f = zip_fopen(z, "mimetype", 0);
	if (f) {
		zip_int64_t n = zip_fread(f, mime, sizeof mime - 1);
		mime[n > 0 ? n : 0] = '\0';
		zip_fclose(f);
	}
	xt_zip_close(z);
	if (word)
		return xt_docx(path, o, e);
	if (odf && (!mime[0] || !strcmp(mime, "application/vnd.oasis.opendocument.text")))
		return xt_odt(path, o, e);
	if (sheet || strstr(mime, "spreadsheet"))
		return err_at(e, ERR_INPUT, path, 0, "đây là bảng tính, không phải văn bản: hãy nhập "
		              "tệp văn bản của kế hoạch (.docx, .odt, .pdf hoặc .txt)");
	if (slides || strstr(mime, "presentation"))
		return err_at(e, ERR_INPUT, path, 0, "đây là bản trình chiếu, không phải văn bản: hãy "
		              "nhập tệp văn bản của kế hoạch (.docx, .odt, .pdf hoặc .txt)");
	return err_at(e, ERR_INPUT, path, 0, "gói zip này không phải tệp Word (.docx) hay "
	              "OpenDocument (.odt)");
}

int main(int argc, char **argv)
{
	struct err e;
	struct xt_out o = {0};
	char msg[1024];
	int rc;

	err_clear(&e);
	if (argc != 3) {
		fprintf(stderr, "Cách dùng: theodoi-extract docx|odt|zip|pdf|doc TỆP\n");
		return ERR_USAGE;
	}
	LIBXML_TEST_VERSION
	const char *kind = argv[1], *path = argv[2];
	if (!strcmp(kind, "docx"))
		rc = xt_docx(path, &o, &e);
	else if (!strcmp(kind, "odt"))
		rc = xt_odt(path, &o, &e);
	else if (!strcmp(kind, "zip"))
		rc = zip_kind(path, &o, &e);
	else if (!strcmp(kind, "pdf"))
		rc = xt_pdf(path, &o, &e);
	else if (!strcmp(kind, "doc"))
		rc = xt_doc(path, &o, &e);
	else
		rc = err_set(&e, ERR_USAGE, "không biết định dạng %s", kind);
	if (!rc && o.text.len && fwrite(o.text.s, 1, o.text.len, stdout) != o.text.len)
		rc = err_set(&e, ERR_IO, "không ghi được kết quả");
	if (!rc && fflush(stdout))
		rc = err_set(&e, ERR_IO, "không ghi được kết quả");
	if (rc)
		fprintf(stderr, "%s\n", err_str(&e, msg, sizeof msg));
	xt_out_free(&o);
	xmlCleanupParser();
	return rc;
}
