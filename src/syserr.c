/* syserr.c — Vietnamese texts of the errno values a user meets. */
#include "syserr.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

const char *syserr_known(int err)
{
	switch (err) {
	case ENOENT: return "không có tệp hay thư mục này";
	case EACCES: return "không có quyền truy cập";
	case EPERM: return "thao tác không được phép";
	case EEXIST: return "đã có tệp hay thư mục trùng tên";
	case ENOTDIR: return "một phần của đường dẫn không phải thư mục";
	case EISDIR: return "đây là một thư mục, không phải tệp";
	case ENOTEMPTY: return "thư mục không rỗng";
	case ENOSPC: return "đĩa đầy";
#ifdef EDQUOT
	case EDQUOT: return "hết hạn mức (quota) đĩa";
#endif
	case EROFS: return "ổ đĩa chỉ cho đọc, không ghi được";
	case ENAMETOOLONG: return "tên tệp hay đường dẫn quá dài";
	case ELOOP: return "đường dẫn là liên kết tượng trưng, hoặc có vòng liên kết";
	case EMFILE: return "chương trình đang mở quá nhiều tệp";
	case ENFILE: return "hệ thống đang mở quá nhiều tệp";
	case ENOMEM: return "không đủ bộ nhớ";
	case EIO: return "lỗi đọc ghi thiết bị (đĩa có thể bị hỏng)";
	case EBUSY: return "tệp hay thiết bị đang bận";
	case ETXTBSY: return "tệp chương trình đang được chạy";
	case EFBIG: return "tệp quá lớn";
	case EXDEV: return "không chuyển được sang ổ đĩa khác";
	case EAGAIN: return "tạm thời không làm được, hãy thử lại sau";
	case EINVAL: return "tham số không hợp lệ";
	case EINTR: return "bị ngắt giữa chừng";
	case ENXIO: return "không có thiết bị này";
	case ENODEV: return "không có thiết bị này";
	case EPIPE: return "đầu kia của ống dẫn đã đóng";
	case ENOEXEC: return "không phải tệp chương trình chạy được";
	case E2BIG: return "danh sách tham số quá dài";
	case EOVERFLOW: return "giá trị quá lớn";
	case ETIMEDOUT: return "hết thời gian chờ";
	case EMLINK: return "quá nhiều liên kết";
#ifdef ESTALE
	case ESTALE: return "tệp trên ổ mạng không còn hiệu lực";
#endif
	case ENOTSUP: return "thao tác không được hỗ trợ";
	}
	return NULL;
}

const char *syserr_text(int err, char *buf, size_t len)
{
	const char *known = syserr_known(err);
	if (known)
		str_copy(buf, known, len);
	else if (len > 0) {
		snprintf(buf, len, "%s (mã lỗi %d)", strerror(err), err);
		str_copy(buf, buf, len); /* a cut multi-byte character */
	}
	return buf;
}
