/* cli-link.h — unresolved names and linking them to units from the
 * command line (ops-link.h does the work).  Conventions of cli.h. */
#ifndef THEODOI_CLI_LINK_H
#define THEODOI_CLI_LINK_H

struct cli;
struct err;

/* unresolved [--format text|csv|json] */
int cmd_unresolved(struct cli *c, int argc, char **argv, struct err *e);
/* link NAME UNIT */
int cmd_link(struct cli *c, int argc, char **argv, struct err *e);

#endif
