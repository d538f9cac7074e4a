/* cli-report.h — the commands of reports, reminders, the cascade and
 * indicators (src/cli-report.c, src/cli-remind.c), and the helpers they
 * share.  Each command is a cli_cmd_fn (cli.h). */
#ifndef THEODOI_CLI_REPORT_H
#define THEODOI_CLI_REPORT_H

#include <stdint.h>
#include <jansson.h>

struct cli;
struct err;

/* summary [--unit U] [--doc D] [--quick] [--format text|csv|json] */
int cmd_summary(struct cli *c, int argc, char **argv, struct err *e);
/* cascade DOC [--depth N] [--format text|csv|json] */
int cmd_cascade(struct cli *c, int argc, char **argv, struct err *e);
/* lint [DOC] [--unit U] [--rule R] [--format text|csv|json] */
int cmd_lint(struct cli *c, int argc, char **argv, struct err *e);
/* report [--unit U] [--doc D] [--period YYYY|YYYY-Qn] [--format md|txt|csv|json] */
int cmd_report(struct cli *c, int argc, char **argv, struct err *e);
/* remind [--unit U] [--days N] [--out DIR] [--quiet] [--format text|json] */
int cmd_remind(struct cli *c, int argc, char **argv, struct err *e);
/* measure IND VALUE [--date D] [--note TEXT] */
int cmd_measure(struct cli *c, int argc, char **argv, struct err *e);
/* indicators [IND] [--doc D] [--unit U] [--format text|csv|json] */
int cmd_indicators(struct cli *c, int argc, char **argv, struct err *e);

/* Shared by those commands. */

/* Print j to c->out, indented, reals with 10 significant digits; ERR_IO. */
int rcli_json_print(json_t *j, struct cli *c, struct err *e);

#endif
