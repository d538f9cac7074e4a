/* intake.c — recognise a plan file and turn it into text (intake.h). */
#include "intake.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jansson.h>

#include "infile.h"
#include "subproc.h"
#include "syserr.h"
#include "util.h"

#ifndef THEODOI_LIBEXECDIR
#define THEODOI_LIBEXECDIR "/usr/local/libexec/theodoi"
#endif

static const struct {
	const char *key, *label;
} formats[] = {
	[IN_TEXT] = {"text", "văn bản thuần"},
	[IN_DOCX] = {"docx", "Word (.docx)"},
	[IN_ODT] = {"odt", "OpenDocument (.odt)"},
	[IN_PDF] = {"pdf", "PDF"},
	[IN_DOC] = {"doc", "Word 97-2003 (.doc)"},
};

const char *intake_format_label(enum intake_format f)
{
	return (int)f >= 0 && f <= IN_DOC ? formats[f].label : "";
}

const char *intake_format_key(enum intake_format f)
{
	return (int)f >= 0 && f <= IN_DOC ? formats[f].key : "";
}

/* -2: a zip archive (Word or OpenDocument, told apart by the helper). */
#define SNIFF_ZIP (-2)

int intake_sniff(const unsigned char *h, size_t n, const char **what)
{
	static const struct {
		const char *magic;
		size_t len;
		int format;
		const char *what;
	} m[] = {
		{"%PDF-", 5, IN_PDF, ""},
		{"PK\x03\x04", 4, SNIFF_ZIP, ""},
		{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, IN_DOC, ""},
		{"{\\rtf", 5, -1, "tệp RTF: hãy mở bằng Word hoặc LibreOffice và lưu thành .docx"},
		{"\x89PNG\r\n\x1a\n", 8, -1, "ảnh PNG"},
		{"\xff\xd8\xff", 3, -1, "ảnh JPEG"},
		{"GIF8", 4, -1, "ảnh GIF"},
		{"II*\0", 4, -1, "ảnh TIFF"},
		{"MM\0*", 4, -1, "ảnh TIFF"},
		{"\x1f\x8b", 2, -1, "tệp nén gzip"},
		{"7z\xbc\xaf\x27\x1c", 6, -1, "tệp nén 7z"},
		{"Rar!", 4, -1, "tệp nén RAR"},
		{"\x7f" "ELF", 4, -1, "chương trình máy tính (ELF)"},
		{"PK\x05\x06", 4, -1, "gói zip rỗng"},
	};
	*what = "";
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
		if (n < m[i].len || memcmp(h, m[i].magic, m[i].len))
			continue;
		*what = m[i].what;
		return m[i].format;
	}
	return IN_TEXT;
}

static int run_helper(const char *path, const char *kind, const char *given, int seconds,
                      struct intake *out, struct err *e)
{
	char helper[PATH_MAX + 32];
	if (given)
		str_copy(helper, given, sizeof helper);
	else
		subproc_helper_path("theodoi-extract", THEODOI_LIBEXECDIR, helper, sizeof helper);
	/* A file name starting with '-' could be read as an option: the helper
	 * takes exactly two operands, so it is not, but keep it a path. */
	char *argv[] = {helper, (char *)kind, (char *)path, NULL};
	struct sbuf text = {0};
	struct subproc_result r;
	int rc = subproc_capture(argv, seconds > 0 ? seconds : INTAKE_SECONDS, INTAKE_MAX_BYTES * 2,
	                         path, &text, &r, e);
	if (rc == ERR_NOTFOUND)
		rc = err_at(e, ERR_INPUT, path, 0, "thiếu chương trình đọc tệp %s (%s): hãy cài lại "
		            "theodoi (make install)", intake_format_label(out->format), helper);
	if (rc) {
		sbuf_free(&text);
		if (!e->file[0])
			str_copy(e->file, path, sizeof e->file);
		return rc;
	}
	if (!WIFEXITED(r.status) || WEXITSTATUS(r.status) != 0) {
		sbuf_free(&text);
		const char *msg = subproc_said(&r, path);
		int code = WIFEXITED(r.status) ? WEXITSTATUS(r.status) : 0;
		return err_at(e, code == ERR_IO ? ERR_IO : ERR_INPUT, path, 0, "%s",
		              msg[0] ? msg : "không đọc được tệp (chương trình đọc tệp dừng bất thường)");
	}
	/* The helper prints UTF-8; check it like any text. */
	struct enc_guess g;
	rc = enc_decode(text.s ? text.s : "", text.len, ENC_UTF8, path, &out->text, &out->len, &g, e);
	sbuf_free(&text);
	return rc;
}

int intake_read(const char *path, const struct intake_opts *o, struct intake *out,
                struct err *e)
{
	int encoding = o ? o->encoding : -1;
	memset(out, 0, sizeof *out);
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return err_at(e, errno == ENOENT ? ERR_NOTFOUND : ERR_IO, path, 0,
		              "không mở được tệp: %s", syserr_str(errno));
	struct stat st;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		return err_at(e, ERR_INPUT, path, 0, "không phải tệp thường (thư mục, thiết bị, ống "
		              "dẫn...): hãy chỉ ra tệp văn bản cần nhập");
	}
	if ((size_t)st.st_size > INTAKE_MAX_BYTES) {
		close(fd);
		return err_at(e, ERR_INPUT, path, 0, "tệp quá lớn (%lld MB; tối đa %zu MB)",
		              (long long)(st.st_size >> 20), INTAKE_MAX_BYTES >> 20);
	}
	/* Read it all through the bounded reader: the limit holds whatever
	 * the size said (a file growing meanwhile). */
	struct sbuf b = {0};
	int rrc = infile_read_fd(fd, path, 0, INTAKE_MAX_BYTES, "tệp", &b, e);
	close(fd);
	if (rrc) {
		sbuf_free(&b);
		return rrc;
	}
	const char *what;
	int f = intake_sniff((const unsigned char *)(b.s ? b.s : ""), b.len, &what);
	int rc;
	if (f == -1) {
		rc = err_at(e, ERR_INPUT, path, 0, "đây là %s, không phải văn bản kế hoạch%s", what,
		            !strncmp(what, "ảnh", 5) ? ": cần nhận dạng chữ (OCR) trước khi nhập" : "");
	} else if (f == IN_TEXT) {
		out->format = IN_TEXT;
		rc = enc_decode(b.s ? b.s : "", b.len, encoding, path, &out->text, &out->len, &out->enc, e);
	} else {
		out->format = f == SNIFF_ZIP ? IN_DOCX : (enum intake_format)f;
		rc = run_helper(path, f == SNIFF_ZIP ? "zip" : intake_format_key(out->format),
		                o ? o->helper : NULL, o ? o->seconds : 0, out, e);
		/* The helper told Word from OpenDocument; so does the text it
		 * gives, but the label of a zip is the one that is likelier. */
		if (!rc && f == SNIFF_ZIP && b.len > 38 && !memcmp(b.s + 30, "mimetype", 8))
			out->format = IN_ODT;
	}
	sbuf_free(&b);
	if (rc)
		intake_free(out);
	return rc;
}

void intake_free(struct intake *in)
{
	if (!in)
		return;
	free(in->text);
	memset(in, 0, sizeof *in);
}

char *intake_describe(const struct intake *in, char *buf, size_t len)
{
	if (in->format != IN_TEXT) {
		snprintf(buf, len, "%s", intake_format_label(in->format));
		return buf;
	}
	snprintf(buf, len, "%s, bảng mã %s%s (độ tin cậy %d%%)%s", intake_format_label(IN_TEXT),
	         enc_name(in->enc.kind), in->enc.bom ? " có BOM" : "", in->enc.confidence,
	         in->enc.repaired ? "; đã sửa lỗi mã hóa: văn bản từng bị đọc sai bảng mã rồi "
	                            "lưu lại thành UTF-8" : "");
	return buf;
}

json_t *intake_to_json(const struct intake *in)
{
	int text = in->format == IN_TEXT;
	return json_pack("{s:s, s:o, s:o, s:b}", "format", intake_format_key(in->format), "encoding",
	                 text ? json_string(enc_name(in->enc.kind)) : json_null(), "confidence",
	                 text ? json_integer(in->enc.confidence) : json_null(), "repaired",
	                 text && in->enc.repaired);
}
