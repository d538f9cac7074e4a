/* mail.c — MIME messages and the sendmail interface (mail.h). */
#include "mail.h"

#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "subproc.h"
#include "util.h"

/* Time the MTA may take to accept one message. */
#define MAIL_SECONDS 60

int mail_address_ok(const char *s)
{
	static const char local_ok[] = "!#$%&'*+-/=?^_`{|}~.";
	const char *at = s ? strrchr(s, '@') : NULL;
	size_t n = s ? strlen(s) : 0;
	if (!at || at == s || n > 254 || (size_t)(at - s) > 64 || !at[1])
		return 0;
	for (const char *p = s; p < at; p++) {
		unsigned char ch = (unsigned char)*p;
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
		      strchr(local_ok, ch)))
			return 0;
		if (ch == '.' && (p == s || p + 1 == at || p[1] == '.'))
			return 0;
	}
	/* labels: letters, digits, '-', not starting or ending with '-' */
	size_t label = 0;
	for (const char *p = at + 1;; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch == '.' || !ch) {
			if (!label || p[-1] == '-')
				return 0;
			if (!ch)
				return 1;
			label = 0;
			continue;
		}
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
		      (ch == '-' && label)) || ++label > 63)
			return 0;
	}
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* base64 of data, with "\r\n" after every 76 characters when wrap. */
static void base64(struct sbuf *out, const unsigned char *d, size_t n, int wrap)
{
	size_t col = 0;
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)d[i] << 16 | (i + 1 < n ? (unsigned)d[i + 1] << 8 : 0) |
		             (i + 2 < n ? d[i + 2] : 0);
		char q[4] = {b64[v >> 18 & 63], b64[v >> 12 & 63], i + 1 < n ? b64[v >> 6 & 63] : '=',
		             i + 2 < n ? b64[v & 63] : '='};
		sbuf_add(out, q, 4);
		if (wrap && (col += 4) == 76) {
			sbuf_puts(out, "\r\n");
			col = 0;
		}
	}
	if (wrap && col)
		sbuf_puts(out, "\r\n");
}

/* An RFC 2047 encoded word for a header: "=?UTF-8?B?...?=", split so that
 * no word passes 75 characters (at character boundaries). */
static void header_words(struct sbuf *out, const char *s)
{
	size_t n = strlen(s), i = 0;
	int first = 1;
	while (i < n) {
		size_t take = 0;
		/* 45 bytes give 60 base64 characters */
		while (i + take < n && take < 45) {
			size_t step = 1;
			while (i + take + step < n && ((unsigned char)s[i + take + step] & 0xC0) == 0x80)
				step++;
			if (take + step > 45)
				break;
			take += step;
		}
		sbuf_puts(out, first ? "=?UTF-8?B?" : "\r\n =?UTF-8?B?");
		base64(out, (const unsigned char *)s + i, take, 0);
		sbuf_puts(out, "?=");
		first = 0;
		i += take;
	}
}

/* RFC 2231: filename*=UTF-8''percent-encoded */
static void filename_param(struct sbuf *out, const char *name)
{
	sbuf_puts(out, "filename*=UTF-8''");
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~", *p))
			sbuf_putc(out, (char)*p);
		else
			sbuf_printf(out, "%%%02X", *p);
	}
}

void mail_build(struct sbuf *out, const char *from, const char *to, const char *subject,
                const char *text, const char *data, size_t n, const char *filename,
                const char *mime)
{
	char date[64], host[64] = "localhost";
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
	gethostname(host, sizeof host - 1);
	host[sizeof host - 1] = '\0';
	for (char *p = host; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      *p == '.' || *p == '-'))
			*p = '-';
	unsigned long long tag = (unsigned long long)now * 1000003ULL ^ (unsigned long long)getpid();
	char boundary[64];
	snprintf(boundary, sizeof boundary, "theodoi-%llx", tag);
	if (from && *from)
		sbuf_printf(out, "From: %s\r\n", from);
	sbuf_printf(out, "To: %s\r\nSubject: ", to);
	header_words(out, subject);
	sbuf_printf(out, "\r\nDate: %s\r\nMessage-ID: <%llx.%zx@%s>\r\nMIME-Version: 1.0\r\n"
	                 "Content-Type: multipart/mixed; boundary=\"%s\"\r\n\r\n",
	            date, tag, n, host, boundary);
	sbuf_printf(out, "--%s\r\nContent-Type: text/plain; charset=UTF-8\r\n"
	                 "Content-Transfer-Encoding: base64\r\n\r\n", boundary);
	base64(out, (const unsigned char *)text, strlen(text), 1);
	sbuf_printf(out, "--%s\r\nContent-Type: %s\r\nContent-Transfer-Encoding: base64\r\n"
	                 "Content-Disposition: attachment; ", boundary, mime);
	filename_param(out, filename);
	sbuf_puts(out, "\r\n\r\n");
	base64(out, (const unsigned char *)data, n, 1);
	sbuf_printf(out, "--%s--\r\n", boundary);
}

const char *mail_mime_of(const char *filename)
{
	const char *dot = strrchr(filename, '.');
	if (dot && !strcmp(dot, ".docx"))
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
	if (dot && !strcmp(dot, ".odt"))
		return "application/vnd.oasis.opendocument.text";
	if (dot && !strcmp(dot, ".pdf"))
		return "application/pdf";
	return "application/octet-stream";
}

int mail_send(const char *sendmail, const char *to, const struct sbuf *msg, char *status,
              size_t len, struct err *e)
{
	if (!mail_address_ok(to)) {
		snprintf(status, len, "địa chỉ không hợp lệ");
		return err_set(e, ERR_INPUT, "địa chỉ thư không hợp lệ: '%s'", to);
	}
	char *argv[] = {(char *)sendmail, "-oi", "--", (char *)to, NULL};
	struct sbuf said = {0};
	struct subproc_result r;
	int rc = subproc_feed(argv, msg->s ? msg->s : "", msg->len, MAIL_SECONDS, 1 << 16, sendmail,
	                      &said, &r, e);
	sbuf_free(&said);
	if (rc) {
		snprintf(status, len, "không chạy được: %s", e->msg);
		return rc == ERR_NOTFOUND ? err_set(e, ERR_IO, "không có chương trình gửi thư %s "
		                                    "(cài một MTA, hoặc đặt [mail] sendmail)", sendmail)
		                          : rc;
	}
	if (WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0) {
		snprintf(status, len, "sent");
		return 0;
	}
	char *nl = strchr(r.err, '\n');
	if (nl)
		*nl = '\0';
	int code = WIFEXITED(r.status) ? WEXITSTATUS(r.status) : -1;
	snprintf(status, len, "lỗi %d%s%s", code, r.err[0] ? ": " : "", r.err);
	return err_set(e, ERR_IO, "%s không nhận thư gửi %s (mã thoát %d)%s%s", sendmail, to, code,
	               r.err[0] ? ": " : "", r.err);
}
