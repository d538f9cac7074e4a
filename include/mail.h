/* mail.h — sending documents through the system's mail transfer agent: the
 * sendmail(8) interface (Postfix, Exim, msmtp, nullmailer ... all provide
 * it), one MIME message per recipient with a plain-text body and the
 * document attached.  No shell is involved: the program is run with the
 * recipient as its one operand after "--", the message on its standard
 * input. */
#ifndef THEODOI_MAIL_H
#define THEODOI_MAIL_H

#include <stddef.h>

struct err;
struct sbuf;

/* Default path of the MTA's sendmail program ([mail] sendmail). */
#define MAIL_SENDMAIL "/usr/sbin/sendmail"

/* 1 when s is a mail address theodoi accepts: local@domain, the local part
 * of letters, digits and !#$%&'*+-/=?^_`{|}~. (no leading, trailing or
 * double dot), the domain of dot-separated labels of letters, digits and
 * '-', at most 254 bytes; nothing else (no names, spaces, quotes, angle
 * brackets, controls), so an address can never add a header or an option. */
int mail_address_ok(const char *s);

/* A message into *out (appended): From (may be NULL or "": the MTA's
 * default), To, Subject (UTF-8, encoded as RFC 2047), Date, Message-ID,
 * MIME-Version; a multipart/mixed body with `text` (UTF-8, base64) and the
 * attachment (bytes data[0..n), its file name in UTF-8 as RFC 2231 gives,
 * the media type `mime`), base64 in lines of 76. */
void mail_build(struct sbuf *out, const char *from, const char *to, const char *subject,
                const char *text, const char *data, size_t n, const char *filename,
                const char *mime);

/* The media type of a document file by its extension: .docx, .odt, .pdf;
 * "application/octet-stream" otherwise. */
const char *mail_mime_of(const char *filename);

/* Give the message to `sendmail` for `to`: "sendmail -oi -- to".  Returns
 * 0 when the MTA accepted it (exit status 0); ERR_IO with the MTA's exit
 * status and first line of its error output otherwise (what[] receives a
 * short status for the record: "sent", "exit 75: ...", "not run: ..."). */
int mail_send(const char *sendmail, const char *to, const struct sbuf *msg, char *status,
              size_t len, struct err *e);

#endif
