/* cli.h — the command line: shared context and the commands.
 *
 * main() parses the global options, loads the configuration and calls one
 * command.  A command gets argv with argv[0] its own name, parses its own
 * options with getopt_long (optind reset by the caller), prints to c->out,
 * reports errors through struct err, and returns an exit status (enum
 * err_code: 0 success).  Commands are thin: the work is in the library.
 */
#ifndef THEODOI_CLI_H
#define THEODOI_CLI_H

#include <stdio.h>
#include "config.h"
#include "ops.h"
#include "output.h" /* enum out_format */

struct err;
struct hier;

struct cli {
	struct config cfg;        /* loaded by main */
	struct ops_ctx ops;       /* st (NULL until cli_store), cfg, who, today */
	char store_dir[PATH_MAX]; /* --store, else [store] path */
	struct hier *hier;        /* NULL until cli_hier */
	FILE *out;                /* stdout */
	const struct cli_cmd *cmd; /* the command running; NULL: the screen */
	unsigned store_flags;     /* added to store_open's flags (STORE_SHARED when
	                             the program runs setgid, priv.h) */
};

/* Open the store (creating it if `create`), synchronise the hierarchy from
 * units.ini, identify the user and check the role against the rule of the
 * running command (cli_check_role).  Idempotent. */
int cli_store(struct cli *c, int create, struct err *e);

/* 0 if the user (c->ops.who, identified) may run c->cmd: its rule
 * (struct cli_cmd perm) allows the role for at least one object
 * (perm_check_any); the screen (c->cmd NULL) needs PA_READ.  Else
 * ERR_DENIED naming the command and the rule; a command without a rule is
 * refused too. */
int cli_check_role(struct cli *c, struct err *e);

/* Run cmd with argv (argv[0] its name): sets c->cmd, resets getopt. */
int cli_run(struct cli *c, const struct cli_cmd *cmd, int argc, char **argv, struct err *e);

/* The hierarchy, loaded on first use (after cli_store). */
int cli_hier(struct cli *c, const struct hier **out, struct err *e);

/* Parse "--format" values: text, csv, json.  -1 if unknown. */
int cli_format(const char *s);

/* Resolve a unit given by code, name or abbreviation to its id; ERR_NOTFOUND
 * with a message naming `name` if none. */
int cli_unit(struct cli *c, const char *name, uint32_t *id, struct err *e);

/* Resolve a document given by id ("12", "#12") or number ("15-CTr/TU");
 * a number shared by several documents (numbers restart each term) is
 * ERR_INPUT asking for the id; none is ERR_NOTFOUND. */
int cli_doc(struct cli *c, const char *s, uint64_t *id, struct err *e);

/* Option helpers for the commands: each returns 0, or ERR_USAGE with a
 * message naming the option and the command. */
int cli_bad_option(const char *cmd, struct err *e);
int cli_parse_format(const char *value, int *fmt, struct err *e);
int cli_parse_count(const char *value, const char *opt, long max, long *out, struct err *e);
/* Exactly one operand left after the options (argv[optind]). */
int cli_one_operand(int argc, const char *cmd, const char *what, struct err *e);

/* Like cli_unit, but a name that is not a code, a full name or an
 * abbreviation is read relative to unit `near` (0: none) as plans write
 * it: "Ban Tổ chức" near the Tỉnh ủy is the Tỉnh ủy's.  An ambiguous name
 * is ERR_INPUT listing the candidates. */
int cli_unit_near(struct cli *c, const char *name, uint32_t near, uint32_t *id, struct err *e);

/* A list of partner units as written ("U, U; U", each read as cli_unit_near
 * reads it): *ids (malloc'd, *n of them) and *text, the names as written
 * joined by "; " (malloc'd, NULL for none); the caller frees both.  On an
 * unknown unit the error of cli_unit_near, and what was read so far is
 * still the caller's to free. */
int cli_partners(struct cli *c, const char *list, uint32_t near, uint32_t **ids, int *n,
                 char **text, struct err *e);

/* Parse a task id ("123" or "#123"); ERR_INPUT if malformed. */
int cli_task_id(const char *s, uint64_t *id, struct err *e);

typedef int (*cli_cmd_fn)(struct cli *c, int argc, char **argv, struct err *e);

enum cli_cmd_flags {
	CLI_NO_CONFIG = 1, /* runs without theodoi.ini (gen writes its own) */
	CLI_LEAN_CONFIG = 2 /* a hot command: theodoi.ini read with CFG_LEAN */
};

/* The rule of a command (struct cli_cmd perm): the permission it needs
 * (enum perm_action of perm.h), checked for the user's role before it
 * touches the store; or none at all, only for a command that runs without
 * theodoi.ini (CLI_NO_CONFIG) and so without roles.  0 is "no rule" and is
 * refused: every command must say. */
#define CLI_NEEDS(action) ((int)(action) + 1)
#define CLI_NEEDS_NOTHING (-1)

struct cli_cmd {
	const char *name;
	cli_cmd_fn fn;
	const char *usage;   /* "overdue [--unit U] [--subtree] [--count]" */
	const char *summary; /* one line, Vietnamese */
	unsigned flags;      /* enum cli_cmd_flags */
	int perm;            /* CLI_NEEDS(PA_...) or CLI_NEEDS_NOTHING */
};

/* The table of commands, terminated by a {NULL} entry. */
extern const struct cli_cmd cli_commands[];

/* The command whose name is nearest to a mistyped one ("overdu":
 * "overdue"), or NULL when none is near. */
const char *cli_nearest_cmd(const char *name);

/* The commands (argv[0] is the command's name). */
int cmd_units(struct cli *c, int argc, char **argv, struct err *e);
int cmd_docs(struct cli *c, int argc, char **argv, struct err *e);
int cmd_tasks(struct cli *c, int argc, char **argv, struct err *e);
int cmd_overdue(struct cli *c, int argc, char **argv, struct err *e);
int cmd_due(struct cli *c, int argc, char **argv, struct err *e);
int cmd_overview(struct cli *c, int argc, char **argv, struct err *e);
int cmd_show(struct cli *c, int argc, char **argv, struct err *e);
int cmd_update(struct cli *c, int argc, char **argv, struct err *e);
int cmd_extend(struct cli *c, int argc, char **argv, struct err *e);
int cmd_add_doc(struct cli *c, int argc, char **argv, struct err *e);
int cmd_add_task(struct cli *c, int argc, char **argv, struct err *e);
int cmd_check_store(struct cli *c, int argc, char **argv, struct err *e);
int cmd_import(struct cli *c, int argc, char **argv, struct err *e);
int cmd_demo(struct cli *c, int argc, char **argv, struct err *e);
int cmd_gen(struct cli *c, int argc, char **argv, struct err *e);

#endif
