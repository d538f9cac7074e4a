/* Tests for syserr.c: the Vietnamese reasons of system errors. */
#include <criterion/criterion.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "syserr.h"

Test(syserr, the_errors_a_clerk_meets_are_in_vietnamese)
{
	static const int common[] = {ENOENT, EACCES, EPERM, EEXIST, ENOTDIR, EISDIR, ENOSPC,
	                             EDQUOT, EROFS, ENAMETOOLONG, ELOOP, EMFILE, ENOMEM, EIO,
	                             EBUSY, ETXTBSY, EFBIG, EXDEV, EAGAIN, EINVAL};
	for (size_t i = 0; i < sizeof common / sizeof common[0]; i++) {
		const char *t = syserr_known(common[i]);
		cr_assert_not_null(t, "errno %d has no text", common[i]);
		cr_assert_str_neq(t, strerror(common[i]));
	}
	cr_assert_str_eq(syserr_known(ENOENT), "không có tệp hay thư mục này");
	cr_assert_str_eq(syserr_known(ENOSPC), "đĩa đầy");
	cr_assert_str_eq(syserr_known(EDQUOT), "hết hạn mức (quota) đĩa");
}

Test(syserr, an_unknown_error_keeps_the_c_text_and_its_number)
{
	char buf[SYSERR_LEN], want[SYSERR_LEN];
	cr_assert_null(syserr_known(EHOSTUNREACH));
	snprintf(want, sizeof want, "%s (mã lỗi %d)", strerror(EHOSTUNREACH), EHOSTUNREACH);
	cr_assert_str_eq(syserr_text(EHOSTUNREACH, buf, sizeof buf), want);
	cr_assert_str_eq(syserr_str(EHOSTUNREACH), want);
}

Test(syserr, a_short_buffer_is_cut_on_a_character)
{
	char buf[8];
	/* "không có…": 'ô' takes two bytes (the third and fourth) */
	syserr_text(ENOENT, buf, sizeof buf);
	cr_assert_str_eq(buf, "không ");
	syserr_text(ENOENT, buf, 4);
	cr_assert_str_eq(buf, "kh");
}
