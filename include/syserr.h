/* syserr.h — the reason a system call failed, in Vietnamese, for messages
 * the user reads ("không tạo được tệp X: không có quyền ghi").
 *
 * strerror() speaks the C library's language (English on the office
 * servers); the errno values a clerk meets — a missing file or directory,
 * no permission, a full disk — get a Vietnamese text here, and any other
 * value the C library's text with its number, so that the message can
 * still be looked up.
 */
#ifndef THEODOI_SYSERR_H
#define THEODOI_SYSERR_H

#include <stddef.h>

/* Room for any text syserr_text() writes. */
#define SYSERR_LEN 160

/* The Vietnamese text of errno value err (static, never freed), or NULL
 * when err is not one of the values translated. */
const char *syserr_known(int err);

/* The text of err into buf (len bytes, at least 1): syserr_known(err), or
 * for any other value "<C library text> (mã lỗi N)".  Returns buf. */
const char *syserr_text(int err, char *buf, size_t len);

/* syserr_text() into a buffer of the enclosing block (a compound literal):
 * valid until that block ends, which is all a message being formatted in
 * the same statement needs.  err is evaluated once. */
#define syserr_str(err) syserr_text((err), (char[SYSERR_LEN]){0}, SYSERR_LEN)

#endif
