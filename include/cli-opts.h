/* cli-opts.h — option parsing that several commands share: a command with
 * no option but --help, and one with --format alone.  Like the helpers of cli.h, each returns 0 or
 * ERR_USAGE with a message naming the option and the command. */
#ifndef THEODOI_CLI_OPTS_H
#define THEODOI_CLI_OPTS_H

struct cli;
struct err;

/* Parse the options of command `cmd`, which has none but --help: on
 * --help, `help` is printed on c->out and *done set to 1 (the command has
 * nothing more to do); else *done is 0.  An unknown option is ERR_USAGE.
 * Operands are left at argv[optind..]. */
int cli_opts_none(struct cli *c, int argc, char **argv, const char *cmd, const char *help,
                  int *done, struct err *e);

/* The same for a command whose only option is --format text|csv|json
 * (into *fmt, FMT_TEXT when absent) and which takes no operand. */
int cli_opts_format(struct cli *c, int argc, char **argv, const char *cmd, const char *help,
                    int *fmt, int *done, struct err *e);

#endif
