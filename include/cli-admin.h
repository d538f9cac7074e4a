/* cli-admin.h — the commands of shared use and administration: the audit
 * log, backups and their restore, JSON export and import, and the
 * confirmation of reported completions.  Conventions of cli.h. */
#ifndef THEODOI_CLI_ADMIN_H
#define THEODOI_CLI_ADMIN_H

struct cli;
struct err;

/* log [--task T] [--user U] [--action A] [--since DATE] [--until DATE]
 *     [--limit N] [--format text|csv|json] */
int cmd_log(struct cli *c, int argc, char **argv, struct err *e);
/* backup FILE [--force] */
int cmd_backup(struct cli *c, int argc, char **argv, struct err *e);
/* restore FILE [--force] */
int cmd_restore(struct cli *c, int argc, char **argv, struct err *e);
/* export [--format json] [--out FILE] */
int cmd_export(struct cli *c, int argc, char **argv, struct err *e);
/* import-json FILE */
int cmd_import_json(struct cli *c, int argc, char **argv, struct err *e);
/* confirm TASK [--note TEXT] | confirm --list [--all] [--format text|csv|json] */
int cmd_confirm(struct cli *c, int argc, char **argv, struct err *e);
/* return TASK --reason TEXT */
int cmd_return(struct cli *c, int argc, char **argv, struct err *e);

#endif
