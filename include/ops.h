/* ops.h — the user actions that write: each is one write transaction that
 * checks the actor's permission, changes the records, keeps the task's
 * derived fields (effective due date) in step and appends an audit entry.
 * Both the command line and the TUI write only through here.
 */
#ifndef THEODOI_OPS_H
#define THEODOI_OPS_H

#include "config.h"
#include "model.h"

struct err;
struct store;

/* Who is acting: the Unix login, and unit and role from the configuration. */
struct actor {
	char login[LOGIN_LEN];
	enum role role;      /* ROLE_NONE for a login the configuration does not map */
	uint32_t unit;       /* store id of the user's unit, 0 if none */
};

struct ops_ctx {
	struct store *st;
	const struct config *cfg;
	struct actor who;
	date_t today;
};

/* Fill c->who from the real uid of the process (getpwuid(getuid())) and the
 * configuration's [users]; c->st and c->cfg must be set. */
int ops_identify(struct ops_ctx *c, struct err *e);

/* Record progress on a task: status (enum task_status, or -1 to keep),
 * progress 0..100 (or -1 to keep), note (UTF-8, may be NULL).  At least one
 * must be given.  Setting ST_DONE records today as the done date; progress
 * 100 with no status given sets ST_DONE.  ERR_NOTFOUND for an unknown task,
 * ERR_DENIED when the role does not allow it, ERR_INPUT for bad values.
 * *update_id (may be NULL) receives the new update's id. */
int ops_update(struct ops_ctx *c, uint64_t task, int status, int progress, const char *note,
               uint64_t *update_id, struct err *e);

/* Extend a task's deadline to `to` (after today and after the current due)
 * with a reason; the original deadline stays on record. */
int ops_extend(struct ops_ctx *c, uint64_t task, date_t to, const char *reason,
               struct err *e);

/* Add a document (d->id is set).  Admins only. */
int ops_add_doc(struct ops_ctx *c, struct doc *d, struct err *e);

/* Add a task to a document (t->id is set).  t->due is computed here. */
int ops_add_task(struct ops_ctx *c, struct task *t, struct err *e);

/* 1 if the actor may record updates on this task, else 0 and, if e is not
 * NULL, ERR_DENIED with the rule that refuses it. */
int ops_may_update(const struct ops_ctx *c, const struct task *t, struct err *e);

/* Recompute t->due from its deadline, extension and updates. */
void ops_refresh_due(const struct ops_ctx *c, struct task *t);

#endif
