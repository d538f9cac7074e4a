/* xt-zip.c — members of a zip container (.docx, .odt) as XML trees. */
#include <string.h>

#include <libxml/parser.h>
#include <zip.h>

#include "extract-internal.h"

int xt_zip_open(const char *path, struct zip **out, struct err *e)
{
	int zerr = 0;
	*out = zip_open(path, ZIP_RDONLY, &zerr);
	if (!*out)
		return err_at(e, ERR_INPUT, path, 0, "tệp không phải gói zip hợp lệ (.docx/.odt) "
		              "hoặc bị hỏng (mã lỗi libzip %d)", zerr);
	return 0;
}

void xt_zip_close(struct zip *z)
{
	if (z)
		zip_discard(z); /* opened read-only: nothing to write back */
}

int xt_zip_xml(struct zip *z, const char *path, const char *name, xmlDoc **out, struct err *e)
{
	struct zip_stat st;
	*out = NULL;
	zip_stat_init(&st);
	if (zip_stat(z, name, 0, &st) != 0)
		return ERR_NOTFOUND;
	if (!(st.valid & ZIP_STAT_SIZE) || st.size > XT_MEMBER_MAX)
		return err_at(e, ERR_INPUT, path, 0, "phần %s của tệp quá lớn (tối đa %zu MB khi giải nén)",
		              name, XT_MEMBER_MAX >> 20);
	zip_file_t *f = zip_fopen(z, name, 0);
	if (!f)
		return err_at(e, ERR_INPUT, path, 0, "không đọc được phần %s của tệp: %s", name,
		              zip_strerror(z));
	size_t size = (size_t)st.size;
	char *buf = xmalloc(size + 1);
	size_t got = 0;
	zip_int64_t n;
	/* The stated size bounds what we read, whatever the stream says. */
	while (got < size && (n = zip_fread(f, buf + got, size - got)) > 0)
		got += (size_t)n;
	int bad = got != size;
	zip_fclose(f);
	if (bad) {
		free(buf);
		return err_at(e, ERR_INPUT, path, 0, "phần %s của tệp bị hỏng (giải nén không trọn)",
		              name);
	}
	*out = xmlReadMemory(buf, (int)size, name, NULL,
	                     XML_PARSE_NONET | XML_PARSE_NOERROR |
	                         XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
	free(buf);
	if (!*out)
		return err_at(e, ERR_INPUT, path, 0, "phần %s của tệp không phải XML hợp lệ", name);
	return 0;
}
