/* priv.h — least privilege for an installed theodoi: the program may be
 * setgid to the store's group (or setuid to its owner), so that staff who
 * are not in that group can still reach the shared store, but only through
 * theodoi's own permission rules.
 *
 * While it holds an identity it did not start with ("raised"), the program
 * trusts only the configuration compiled in (priv_system_config()), checks
 * it and the store's files on the descriptors it reads them through, opens
 * the store, and then drops the raised identity for good (priv_drop())
 * before it reads any file a user names or writes any output.  LMDB keeps
 * working through the descriptors it opened.
 */
#ifndef THEODOI_PRIV_H
#define THEODOI_PRIV_H

#include <sys/types.h>

struct err;

/* The identities the process started with. */
struct priv {
	uid_t ruid, euid;
	gid_t rgid, egid;
	int raised; /* egid != rgid or euid != ruid */
	int started_raised; /* raised at priv_init, kept after priv_drop: the
	                       program trusts installed files only (screen.h) */
};

/* Record the process's real and effective ids into *p. */
void priv_init(struct priv *p);

/* Give up the raised identity for good: real, effective and saved group
 * ids (and user ids, for a setuid install) all become the real ones, and
 * getting the raised one back is tried and must fail (skipped for root,
 * who may take any id anyway).  A no-op when nothing is raised.  ERR_INTERNAL
 * with a message if the kernel refuses or the identity could come back:
 * then the program must stop. */
int priv_drop(struct priv *p, struct err *e);

/* The configuration an installed program trusts:
 * SYSCONFDIR/theodoi/theodoi.ini, SYSCONFDIR as given to `make`. */
const char *priv_system_config(void);

/* The default store of that configuration: LOCALSTATEDIR/theodoi/store. */
const char *priv_system_store(void);

/* 0 if fd (opened from `path`, for messages) may be trusted by a raised
 * program: a regular file owned by root (or by the raised user of a setuid
 * install) that neither its group nor others may write.  ERR_DENIED
 * naming the file and what is wrong otherwise.  Checked with fstat on the
 * descriptor itself, so it is the file that will be read. */
int priv_fd_trusted(int fd, const char *path, struct err *e);

/* 0 if `given` (from --store) names the same directory as `configured`
 * (same device and inode, whatever the spelling or links); ERR_DENIED
 * otherwise, also when either cannot be found. */
int priv_same_dir(const char *given, const char *configured, struct err *e);

#endif
