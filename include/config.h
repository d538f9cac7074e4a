/* config.h — theodoi.ini (store, periods, users) and units.ini (the
 * hierarchy), INI files in iniparser's syntax, each read once through the
 * bounded reader (a regular file of at most 64 MB; a UTF-8 byte order mark
 * skipped).
 *
 * Errors name the file and line: "conf/units.ini:12: đơn vị cấp trên không
 * tồn tại: 'huyen-x'".  Nothing here touches the store.
 */
#ifndef THEODOI_CONFIG_H
#define THEODOI_CONFIG_H

#include <limits.h>
#include "model.h"
#include "timeliness.h"

struct err;

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

enum role { ROLE_NONE = 0, ROLE_VIEWER, ROLE_EDITOR, ROLE_ADMIN };
const char *role_key(enum role r);     /* "viewer", ...; "none" for ROLE_NONE */
const char *role_label(enum role r);   /* "chỉ xem", "cập nhật", "quản trị", "chưa đăng ký" */
int role_parse(const char *s);         /* -1 if unknown */

struct cfg_user {
	char login[LOGIN_LEN];
	char unit[CODE_LEN];   /* unit code */
	enum role role;
	int line;              /* line in theodoi.ini, for messages */
};

/* [access] monitors: the office (văn phòng theo dõi) that confirms or
 * returns the completions reported in the subtree of `root`. */
struct cfg_monitor {
	char office[CODE_LEN]; /* unit code of the monitoring office */
	char root[CODE_LEN];   /* unit code of the subtree it monitors */
	int line;              /* line in theodoi.ini, for messages */
};

/* The keys of a unit that say how its documents are signed and sent
 * (docout.h); each optional. */
enum cfg_doc_key {
	CFG_DOC_PLACE = 0,   /* place   the place name of the date line */
	CFG_DOC_SUPERIOR,    /* superior  the line above the issuing body */
	CFG_DOC_ISSUER,      /* issuer  the issuing body, as the header writes it */
	CFG_DOC_SYMBOL,      /* symbol  after the kind in a number: "TU" */
	CFG_DOC_AUTHORITY,   /* sign_authority  "T/M BAN THƯỜNG VỤ" */
	CFG_DOC_TITLE,       /* sign_title  "PHÓ BÍ THƯ" */
	CFG_DOC_SIGNER,      /* signer  the name of who signs */
	CFG_DOC_RECIPIENTS,  /* recipients  default "Nơi nhận" lines, '|' between */
	CFG_DOC_EMAIL,       /* email  where its documents are mailed (mail.h) */
	CFG_DOC_NKEYS
};
/* "place", "superior", ... (the units.ini key of k). */
const char *cfg_doc_key_name(enum cfg_doc_key k);

struct cfg_unit {
	char code[CODE_LEN];
	char *name;
	char *abbrevs;         /* comma-separated, or NULL */
	enum unit_kind kind;
	char parent[CODE_LEN]; /* "" for a root */
	char successor[CODE_LEN]; /* "" if none: set on a dissolved unit */
	char *doc[CFG_DOC_NKEYS]; /* enum cfg_doc_key values, or NULL when unset */
	int line;              /* line of the [section] header */
};

/* Who may grant an extension ([access] extend, see perm.h). */
enum cfg_extend { CFG_EXTEND_MONITORS = 0, CFG_EXTEND_EDITORS, CFG_EXTEND_ADMINS };

struct config {
	char path[PATH_MAX];        /* theodoi.ini as found */
	char units_path[PATH_MAX];  /* units.ini: [paths] units, relative to theodoi.ini */
	char store[PATH_MAX];       /* [store] path resolved against the directory of
	                               theodoi.ini; when unset, CFG_STORE_DEFAULT next
	                               to theodoi.ini (priv_system_store() for the
	                               system's configuration) */
	struct periods periods;     /* [tracking] report_months, default "12" */
	int soon_days;              /* [tracking] due_soon_days, default 14 */
	int unmapped_can_read;      /* [access] unmapped = read | none, default read */
	int extend;                 /* enum cfg_extend: [access] extend = monitors |
	                               editors | admins, default monitors; the
	                               old editors_extend = yes | no reads as
	                               editors | admins when extend is not set */
	int extend_set;             /* [access] extend was given */
	int confirm_done;           /* [access] confirm_done = yes | no, default no */
	char sendmail[PATH_MAX];    /* [mail] sendmail: the MTA's sendmail program,
	                               absolute; default MAIL_SENDMAIL */
	char mail_from[256];        /* [mail] from: the From address, or "" (the
	                               MTA's default for the user) */
	int editors_edit;           /* [access] editors_edit = yes | no, default no:
	                               editors correct the tasks of their unit and
	                               subtree (edit-task) */
	int nmonitors;              /* [access] monitors = office:root, ...; the
	                               nearest root above a task's lead unit names
	                               the office that confirms it (default none:
	                               admins only) */
	struct cfg_monitor *monitors;
	int nusers;
	struct cfg_user *users;
	int trusted;                /* loaded by cfg_load_trusted(): units.ini is
	                               read under the same checks */
	int nunits;                 /* 0 until cfg_load_units() */
	struct cfg_unit *units;     /* in file order */
};

/* Find theodoi.ini: `opt` (from --config) if given, else $THEODOI_CONFIG,
 * $XDG_CONFIG_HOME/theodoi/theodoi.ini (or ~/.config/...), the system's
 * (priv_system_config(): SYSCONFDIR/theodoi/theodoi.ini), ./conf/theodoi.ini.  Writes the path to out.
 * ERR_CONFIG if none exists (the message lists where it looked). */
int cfg_find(const char *opt, char *out, size_t len, struct err *e);

/* Load and validate theodoi.ini at path into *c (zeroed first).  Unknown
 * sections or keys, bad numbers, bad roles are errors with file:line.
 * The caller frees with cfg_free(), also after a failure. */
int cfg_load(const char *path, struct config *c, struct err *e);

/* cfg_load() for a program running with a raised identity (priv.h):
 * theodoi.ini, and later units.ini (cfg_load_units), are opened without
 * following a symbolic link, must pass priv_fd_trusted() on that
 * descriptor (root's, writable by no one else: ERR_DENIED otherwise), and
 * are parsed from the bytes read through it. */
int cfg_load_trusted(const char *path, struct config *c, struct err *e);

/* How cfg_load_flags() reads theodoi.ini. */
enum cfg_load_flag {
	CFG_TRUSTED = 1, /* as cfg_load_trusted() */
	CFG_LEAN = 2     /* without iniparser's dictionary: cfg_load() and
	                    cfg_load_trusted() fill one from the scanned values
	                    and read every value back from it; a command whose
	                    start-up counts (overdue, due, update: measured
	                    against a bare LMDB program in make bench) takes the
	                    scanned values themselves, the same strings, with
	                    every check made all the same */
};

/* cfg_load() with flags (enum cfg_load_flag, or-ed). */
int cfg_load_flags(const char *path, unsigned flags, struct config *c, struct err *e);

/* Load and validate c->units_path into c->units: unknown parent, cycle,
 * duplicate code, unknown kind, unknown key, missing name, bad successor,
 * users mapped to a unit that does not exist, and [access] monitors naming
 * a unit that does not exist, each with file:line. */
int cfg_load_units(struct config *c, struct err *e);

/* A stamp of units.ini (size and modification time) that changes when the
 * file does, without reading it; into buf (at least 64 bytes). */
int cfg_units_stamp(const struct config *c, char *buf, size_t len, struct err *e);

/* The entry of `login` (compared exactly, as written under [users]), or
 * NULL.  The pointer is into c->users: valid until cfg_free(). */
const struct cfg_user *cfg_user(const struct config *c, const char *login);

/* The unit of units.ini with this code (lower-case), or NULL (also before
 * cfg_load_units()).  The pointer is into c->units. */
const struct cfg_unit *cfg_unit(const struct config *c, const char *code);

/* Directory name of the store when [store] path is not set. */
#define CFG_STORE_DEFAULT "theodoi-store"

void cfg_free(struct config *c);

#endif
