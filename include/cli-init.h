/* cli-init.h — an office's first day: `theodoi init` makes the empty store
 * the configuration names, and a program started where there is no store
 * yet says how to make one and whom to ask.  Conventions of cli.h. */
#ifndef THEODOI_CLI_INIT_H
#define THEODOI_CLI_INIT_H

struct cli;
struct err;

/* init: an empty store at c->store_dir (--store, else [store] path) with
 * the units of units.ini, the directory mode 2770 and its files 0660 (of
 * the group of the directory it is made in), audited as `init`.  Admins
 * and root only.  A place that holds anything is ERR_CONFLICT, a path
 * that is not a directory ERR_STORE; nothing is touched then. */
int cmd_init(struct cli *c, int argc, char **argv, struct err *e);

/* 1 if c->store_dir holds no store yet: missing, or an empty directory. */
int cli_store_missing(const struct cli *c);

/* When the store is missing: replace e's message by one that names the
 * place and says how to make the store (`theodoi init`, as root or with
 * the store's group for a setgid install when `raised`) and whom to ask
 * (the admins of [users]).  Returns e->code. */
int cli_store_missing_err(const struct cli *c, int raised, struct err *e);

/* The screen started on a missing store: tell the user, and when the user
 * may make it (an admin, or root), offer to on the terminal.  Returns 0
 * when the store was made (the screen may open), else an error set in e
 * with what to do. */
int cli_init_offer(struct cli *c, struct err *e);

#endif
