/* login.c — the login name of a user id (login.h). */
#include "login.h"

#include <pwd.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

/* 1 if the "passwd:" line of the nsswitch file names "files" as its first
 * source (the default, when the line is absent, is files too, but then
 * glibc may also consult others: leave that to getpwuid). */
static int files_first(const char *path)
{
	FILE *f = fopen(path, "re");
	char line[512];
	int first = 0;

	if (!f)
		return 0;
	while (fgets(line, sizeof line, f)) {
		const char *p = line + strspn(line, " \t");
		if (strncmp(p, "passwd:", 7))
			continue;
		p += 7;
		p += strspn(p, " \t");
		size_t n = strcspn(p, " \t\n#");
		/* "files" alone, not "files [NOTFOUND=...]" subtleties: an action
		 * right after it changes nothing for a found entry */
		first = n == 5 && !strncmp(p, "files", 5);
		break;
	}
	fclose(f);
	return first;
}

/* The first entry of the passwd file for uid, as the files source reads
 * it: 1 if found. */
static int from_file(uid_t uid, const char *path, char *buf, size_t len)
{
	FILE *f = fopen(path, "re");
	struct passwd *pw;
	int found = 0;

	if (!f)
		return 0;
	while ((pw = fgetpwent(f)) != NULL) {
		if (pw->pw_uid == uid && pw->pw_name && pw->pw_name[0]) {
			str_copy(buf, pw->pw_name, len);
			found = 1;
			break;
		}
	}
	fclose(f);
	return found;
}

int login_of_uid_in(uid_t uid, const char *nsswitch, const char *passwd, char *buf,
                    size_t len)
{
	struct passwd *pw;

	if (len)
		buf[0] = '\0';
	if (files_first(nsswitch ? nsswitch : "/etc/nsswitch.conf") &&
	    from_file(uid, passwd ? passwd : "/etc/passwd", buf, len))
		return 0;
	pw = getpwuid(uid);
	if (!pw || !pw->pw_name || !pw->pw_name[0])
		return -1;
	str_copy(buf, pw->pw_name, len);
	return 0;
}

int login_of_uid(uid_t uid, char *buf, size_t len)
{
	return login_of_uid_in(uid, NULL, NULL, buf, len);
}
