/* cli-opts.h — option parsing that several commands share: a command with
 * no option but --help, one with --format alone, the fields of a document
 * (add-doc, edit-doc) with their list of document numbers (--implements),
 * and a task's deadline as written (--deadline).  Like the helpers of
 * cli.h, each returns 0 or ERR_USAGE with a message naming the option and
 * the command (cli_deadline_opt: ERR_INPUT). */
#ifndef THEODOI_CLI_OPTS_H
#define THEODOI_CLI_OPTS_H

#include <getopt.h>

#include "model.h" /* DOCNUM_LEN */

struct cli;
struct deadline;
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

/* The options of a document's fields, for getopt_long (add-doc and
 * edit-doc): --title 't', --number 'n', --kind 'k', --date 'd', --issuer
 * 'i', --implements 'I', --plan-due 'P', --help 'h'. */
extern const struct option cli_doc_options[];

/* --deadline "THỜI HẠN" of a task (add-task, edit-task): the phrase as
 * written, cleaned (one line, at most 1000 bytes), into *phrase (the old
 * one freed first; malloc'd, the caller frees it, also after a failure)
 * and read into *dl.  ERR_INPUT with examples when it states no deadline;
 * the errors of txt_clean_input. */
int cli_deadline_opt(const char *arg, char **phrase, struct deadline *dl, struct err *e);

/* A list of document numbers as the user writes it ("15-CTr/TU, 09-NQ/TW;
 * #12"): cut at ',' and ';', leading spaces dropped, empty pieces skipped.
 * *out (malloc'd, *n numbers) replaces nothing: the caller frees the old
 * list first, and frees *out, also after a failure.  A number of
 * DOCNUM_LEN bytes or more is ERR_USAGE. */
int cli_doc_numbers(const char *list, char (**out)[DOCNUM_LEN], int *n, struct err *e);

#endif
