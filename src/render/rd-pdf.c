/* rd-pdf.c — PDF through LibreOffice, headless (render-internal.h).  The
 * OpenDocument file is converted in a private temporary directory, with a
 * LibreOffice profile of its own there, so that it neither touches the
 * user's profile nor collides with a LibreOffice already running. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "render-internal.h"
#include "subproc.h"
#include "syserr.h"

/* Time LibreOffice may take to start and convert one document. */
#define PDF_SECONDS 180

static const char *find_soffice(void)
{
	static const char *const where[] = {"/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice",
	                                    "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice"};
	const char *env = getenv("THEODOI_SOFFICE");
	if (env && *env)
		return access(env, X_OK) == 0 ? env : NULL;
	for (size_t i = 0; i < sizeof where / sizeof where[0]; i++)
		if (access(where[i], X_OK) == 0)
			return where[i];
	return NULL;
}

static int read_all(const char *path, struct sbuf *out)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW);
	if (fd < 0)
		return -1;
	char buf[65536];
	ssize_t n;
	while ((n = read(fd, buf, sizeof buf)) > 0)
		sbuf_add(out, buf, (size_t)n);
	close(fd);
	return n < 0 ? -1 : 0;
}

/* rm -r of the temporary directory (no links followed: unlinkat). */
static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *de;
		while ((de = readdir(d))) {
			if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
				continue;
			char p[PATH_MAX];
			snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
			struct stat st;
			if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
				remove_tree(p);
			else
				unlink(p);
		}
		closedir(d);
	}
	rmdir(dir);
}

int rd_pdf(const struct sbuf *src, struct sbuf *out, struct err *e)
{
	const char *soffice = find_soffice();
	if (!soffice)
		return err_set(e, ERR_NOTFOUND, "cần LibreOffice để tạo tệp PDF; hãy cài (quản trị máy "
		               "chủ): apt-get install libreoffice-writer-nogui, hoặc dùng --format docx "
		               "hay odt");
	const char *tmpdir = getenv("TMPDIR");
	char dir[PATH_MAX], odt[PATH_MAX + 16], pdf[PATH_MAX + 16], profile[PATH_MAX + 64];
	snprintf(dir, sizeof dir, "%s/theodoi-render.XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	if (!mkdtemp(dir))
		return err_set(e, ERR_IO, "không tạo được thư mục tạm %s: %s", dir, syserr_str(errno));
	snprintf(odt, sizeof odt, "%s/van-ban.odt", dir);
	snprintf(pdf, sizeof pdf, "%s/van-ban.pdf", dir);
	snprintf(profile, sizeof profile, "-env:UserInstallation=file://%s/profile", dir);
	int rc = rd_write_file(odt, src, e);
	if (!rc) {
		char *argv[] = {(char *)soffice, profile, "--headless", "--norestore", "--nolockcheck",
		                "--convert-to", "pdf", "--outdir", dir, odt, NULL};
		struct sbuf said = {0};
		struct subproc_result r;
		rc = subproc_capture(argv, PDF_SECONDS, 1 << 20, "LibreOffice", &said, &r, e);
		sbuf_free(&said);
		if (!rc && read_all(pdf, out))
			rc = err_set(e, ERR_IO, "LibreOffice không tạo được tệp PDF (mã thoát %d)%s%s",
			             WIFEXITED(r.status) ? WEXITSTATUS(r.status) : -1, r.err[0] ? ": " : "",
			             r.err);
	}
	remove_tree(dir);
	return rc;
}
