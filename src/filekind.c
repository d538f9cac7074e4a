/* filekind.c — telling what a file is from its first bytes. */
#include "filekind.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <unistr.h>

#include "syserr.h"
#include "util.h"

/* LMDB's meta page: a 16-byte page header, then the magic. */
#define LMDB_MAGIC 0xBEEFC0DEu
#define LMDB_MAGIC_AT 16

static int is_lmdb(const unsigned char *h, size_t n)
{
	uint32_t magic;
	if (n < LMDB_MAGIC_AT + sizeof magic)
		return 0;
	memcpy(&magic, h + LMDB_MAGIC_AT, sizeof magic);
	return magic == LMDB_MAGIC;
}

/* n less the bytes of a character cut short at the end of h. */
static size_t whole_chars(const unsigned char *h, size_t n)
{
	size_t i = n, need;
	while (i > 0 && n - i < 3 && (h[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0 || h[i - 1] < 0xC0)
		return n;
	need = h[i - 1] >= 0xF0 ? 4 : h[i - 1] >= 0xE0 ? 3 : 2;
	return n - (i - 1) < need ? i - 1 : n;
}

enum filekind filekind_of(const unsigned char *head, size_t n)
{
	size_t i = 0;
	if (n == 0)
		return FK_EMPTY;
	if (is_lmdb(head, n))
		return FK_LMDB;
	if (n >= 4 && !memcmp(head, "PK\3\4", 4))
		return FK_ZIP;
	if (n >= 5 && !memcmp(head, "%PDF-", 5))
		return FK_PDF;
	if (n >= 8 && !memcmp(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
		return FK_OLE;
	if (n >= 2 && head[0] == 0x1F && head[1] == 0x8B)
		return FK_GZIP;
	if (memchr(head, '\0', n))
		return FK_OTHER;
	/* text: valid UTF-8, but for a character the head cut in two */
	if (u8_check(head, n == FILEKIND_HEAD ? whole_chars(head, n) : n))
		return FK_OTHER;
	if (n >= 3 && !memcmp(head, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < n && strchr(" \t\r\n", head[i]))
		i++;
	if (i < n && (head[i] == '{' || head[i] == '['))
		return FK_JSON;
	return i == n ? FK_EMPTY : FK_TEXT;
}

int filekind_of_path(const char *path, enum filekind *out, struct err *e)
{
	unsigned char head[FILEKIND_HEAD];
	size_t n = 0;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return err_set(e, errno == ENOENT ? ERR_NOTFOUND : ERR_IO, "không đọc được %s: %s",
		               path, syserr_str(errno));
	while (n < sizeof head) {
		ssize_t k = read(fd, head + n, sizeof head - n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			int err = errno;
			close(fd);
			return err_set(e, ERR_IO, "không đọc được %s: %s", path, syserr_str(err));
		}
		if (k == 0)
			break;
		n += (size_t)k;
	}
	close(fd);
	*out = filekind_of(head, n);
	return 0;
}

const char *filekind_name(enum filekind k)
{
	switch (k) {
	case FK_EMPTY: return "tệp rỗng";
	case FK_JSON: return "bản xuất JSON";
	case FK_ZIP: return "văn bản Word hay OpenDocument (.docx, .odt)";
	case FK_PDF: return "văn bản PDF";
	case FK_OLE: return "văn bản Word 97 (.doc)";
	case FK_TEXT: return "văn bản thường";
	case FK_LMDB: return "bản sao lưu (kho LMDB)";
	case FK_GZIP: return "tệp nén gzip";
	case FK_OTHER: break;
	}
	return NULL;
}

const char *filekind_command(enum filekind k)
{
	switch (k) {
	case FK_JSON: return "theodoi import-json";
	case FK_LMDB: return "theodoi restore";
	case FK_ZIP:
	case FK_PDF:
	case FK_OLE:
	case FK_TEXT: return "theodoi import";
	case FK_GZIP:
	case FK_EMPTY:
	case FK_OTHER: break;
	}
	return NULL;
}

const char *filekind_advice(enum filekind k, const char *self, char *buf, size_t len)
{
	if (k == FK_GZIP)
		snprintf(buf, len, "tệp này là %s, giải nén bằng gunzip rồi dùng %s", filekind_name(k),
		         self);
	else if (filekind_command(k))
		snprintf(buf, len, "tệp này là %s, dùng %s", filekind_name(k), filekind_command(k));
	else
		return NULL;
	return buf;
}
