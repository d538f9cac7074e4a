/* rd-zip.c — the zip package in memory (libzip), and writing the finished
 * file where the user asked, safely (render-internal.h). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zip.h>

#include "outfile.h"
#include "render-internal.h"
#include "syserr.h"

int rd_zip(const struct rd_part *parts, size_t n, struct sbuf *out, struct err *e)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (!mem) {
		zip_error_fini(&ze);
		return err_set(e, ERR_IO, "không tạo được gói zip");
	}
	zip_source_keep(mem); /* still ours after zip_close, to read back */
	zip_t *z = zip_open_from_source(mem, ZIP_TRUNCATE, &ze);
	int rc = 0;
	if (!z) {
		rc = err_set(e, ERR_IO, "không tạo được gói zip: %s", zip_error_strerror(&ze));
		goto done;
	}
	for (size_t i = 0; i < n && !rc; i++) {
		zip_source_t *s = zip_source_buffer(z, parts[i].data.s ? parts[i].data.s : "",
		                                    parts[i].data.len, 0);
		zip_int64_t idx = s ? zip_file_add(z, parts[i].name, s, ZIP_FL_ENC_UTF_8) : -1;
		if (idx < 0) {
			if (s)
				zip_source_free(s);
			rc = err_set(e, ERR_IO, "không thêm được %s vào gói: %s", parts[i].name, zip_strerror(z));
		} else if (parts[i].store) {
			zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
		}
	}
	if (rc) {
		zip_discard(z);
		goto done;
	}
	if (zip_close(z) < 0) {
		rc = err_set(e, ERR_IO, "không đóng được gói zip: %s", zip_strerror(z));
		zip_discard(z);
		goto done;
	}
	zip_stat_t st;
	if (zip_source_stat(mem, &st) < 0 || zip_source_open(mem) < 0) {
		rc = err_set(e, ERR_IO, "không đọc lại được gói zip");
		goto done;
	}
	char buf[65536];
	zip_int64_t got;
	while ((got = zip_source_read(mem, buf, sizeof buf)) > 0)
		sbuf_add(out, buf, (size_t)got);
	if (got < 0)
		rc = err_set(e, ERR_IO, "không đọc lại được gói zip");
	zip_source_close(mem);
done:
	zip_source_free(mem);
	zip_error_fini(&ze);
	return rc;
}

int rd_write_file(const char *path, const struct sbuf *bytes, struct err *e)
{
	struct stat st;
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return err_at(e, ERR_INPUT, path, 0, "không ghi đè: đây không phải tệp thường (%s)",
		              S_ISLNK(st.st_mode) ? "liên kết tượng trưng" :
		              S_ISDIR(st.st_mode) ? "thư mục" : "thiết bị hoặc tệp đặc biệt");
	char tmp[PATH_MAX];
	if ((size_t)snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= sizeof tmp)
		return err_at(e, ERR_INPUT, path, 0, "đường dẫn quá dài");
	int fd = mkstemp(tmp);
	if (fd < 0)
		return outfile_create_failed(path, errno, e);
	/* mkstemp makes it 0600: give it the mode a new file gets (umask) */
	mode_t um = umask(0);
	umask(um);
	fchmod(fd, 0666 & ~um);
	size_t off = 0;
	int bad = 0;
	while (off < bytes->len && !bad) {
		ssize_t w = write(fd, bytes->s + off, bytes->len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			bad = errno ? errno : EIO;
		else
			off += (size_t)w;
	}
	if (!bad && fsync(fd))
		bad = errno;
	if (close(fd) && !bad)
		bad = errno;
	if (!bad && rename(tmp, path))
		bad = errno;
	if (bad) {
		unlink(tmp);
		return err_at(e, ERR_IO, path, 0, "không ghi được tệp: %s", syserr_str(bad));
	}
	return 0;
}
