/* priv.c — the raised identity of an installed theodoi: what it trusts,
 * and giving it up for good. */
#define _GNU_SOURCE /* setresgid, getresgid */
#include "priv.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "syserr.h"
#include "util.h"

/* Given to the compiler by the Makefile (SYSCONFDIR, LOCALSTATEDIR of the
 * build, which `make install` rebuilds when they change). */
#ifndef THEODOI_SYSCONFDIR
#define THEODOI_SYSCONFDIR "/etc"
#endif
#ifndef THEODOI_LOCALSTATEDIR
#define THEODOI_LOCALSTATEDIR "/var/lib"
#endif

void priv_init(struct priv *p)
{
	p->ruid = getuid();
	p->euid = geteuid();
	p->rgid = getgid();
	p->egid = getegid();
	p->raised = p->ruid != p->euid || p->rgid != p->egid;
	p->started_raised = p->raised;
}

int priv_drop(struct priv *p, struct err *e)
{
	uid_t ru, eu, su;
	gid_t rg, eg, sg;

	if (!p->raised)
		return 0;
	/* the group first: after the user ids change, a setuid program may no
	 * longer have the right to change its groups */
	if (setresgid(p->rgid, p->rgid, p->rgid) != 0)
		return err_set(e, ERR_INTERNAL, "không bỏ được quyền của nhóm kho: %s",
		               syserr_str(errno));
	if (p->euid != p->ruid && setresuid(p->ruid, p->ruid, p->ruid) != 0)
		return err_set(e, ERR_INTERNAL, "không bỏ được quyền của chủ kho: %s",
		               syserr_str(errno));
	if (getresgid(&rg, &eg, &sg) != 0 || rg != p->rgid || eg != p->rgid || sg != p->rgid ||
	    getresuid(&ru, &eu, &su) != 0 || ru != p->ruid || eu != p->ruid || su != p->ruid)
		return err_set(e, ERR_INTERNAL, "bỏ quyền của nhóm kho không trọn vẹn");
	/* root may take any identity anyway; anyone else must not get the
	 * raised one back */
	if (p->ruid != 0 && ((p->egid != p->rgid && setegid(p->egid) == 0) ||
	                     (p->euid != p->ruid && seteuid(p->euid) == 0)))
		return err_set(e, ERR_INTERNAL, "quyền của nhóm kho vẫn lấy lại được sau khi bỏ");
	p->euid = p->ruid;
	p->egid = p->rgid;
	p->raised = 0;
	return 0;
}

const char *priv_system_config(void)
{
	return THEODOI_SYSCONFDIR "/theodoi/theodoi.ini";
}

const char *priv_system_store(void)
{
	return THEODOI_LOCALSTATEDIR "/theodoi/store";
}

int priv_fd_trusted(int fd, const char *path, struct err *e)
{
	struct stat sb;
	uid_t euid = geteuid();

	if (fstat(fd, &sb) != 0)
		return err_set(e, ERR_CONFIG, "không đọc được %s: %s", path, syserr_str(errno));
	if (!S_ISREG(sb.st_mode))
		return err_set(e, ERR_DENIED, "%s không phải tệp thường: theodoi chạy với quyền "
		               "của nhóm kho (setgid) chỉ tin tệp cấu hình thường thuộc root", path);
	if (sb.st_uid != 0 && !(sb.st_uid == euid && euid != getuid()))
		return err_set(e, ERR_DENIED, "%s không thuộc root (chủ sở hữu uid %u): theodoi chạy "
		               "với quyền của nhóm kho (setgid) chỉ tin tệp cấu hình thuộc root "
		               "(chown root)", path, (unsigned)sb.st_uid);
	if (sb.st_mode & (S_IWGRP | S_IWOTH))
		return err_set(e, ERR_DENIED, "%s ghi được bởi nhóm hoặc người khác (quyền %03o): "
		               "theodoi chạy với quyền của nhóm kho (setgid) chỉ tin tệp cấu hình "
		               "không ai ngoài root ghi được (chmod 644)", path,
		               (unsigned)(sb.st_mode & 0777));
	return 0;
}

int priv_same_dir(const char *given, const char *configured, struct err *e)
{
	struct stat a, b;

	if (stat(given, &a) == 0 && stat(configured, &b) == 0 && S_ISDIR(a.st_mode) &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino)
		return 0;
	return err_set(e, ERR_DENIED, "--store %s: theodoi chạy với quyền của nhóm kho (setgid) "
	               "chỉ mở kho dữ liệu chung đã cấu hình (%s)", given, configured);
}
