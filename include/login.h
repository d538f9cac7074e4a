/* login.h — the login name of a user id, as the system's user database
 * gives it.
 *
 * Where /etc/nsswitch.conf makes the plain file the first source of the
 * passwd database (the usual server), the name is read from /etc/passwd
 * directly: the same entry getpwuid(3) would return first, without the
 * name service daemon's socket and shared-memory probes.  Any other
 * setup (LDAP, SSSD first, no nsswitch.conf, the id not in the file)
 * asks getpwuid itself.  The id always comes from the kernel (getuid),
 * never from the environment ($USER, $LOGNAME).
 */
#ifndef THEODOI_LOGIN_H
#define THEODOI_LOGIN_H

#include <stddef.h>
#include <sys/types.h>

/* The login of uid into buf (len bytes, truncated if longer); 0, or -1
 * when no source knows the id (buf then empty). */
int login_of_uid(uid_t uid, char *buf, size_t len);

/* The same, reading the files given instead of /etc/nsswitch.conf and
 * /etc/passwd (tests); a NULL path means the system's. */
int login_of_uid_in(uid_t uid, const char *nsswitch, const char *passwd, char *buf,
                    size_t len);

#endif
