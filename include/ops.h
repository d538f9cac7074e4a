/* ops.h — the user actions that write: each is one write transaction that
 * checks the actor's permission (perm.h), changes the records, keeps the
 * task's derived fields (effective due date) in step and appends an audit
 * entry in the same transaction.  Both the command line and the TUI write
 * only through here.
 *
 * Confirmation of completions ([access] confirm_done = yes): a task set to
 * "hoàn thành" by someone who may not confirm it becomes a claim:
 *   status ST_DONE, done_date the day it was reported, confirm CF_PENDING
 *   (chờ xác nhận).  A claim is closed like any done task: it leaves the
 *   overdue and due-soon lists and the open counters, its timeliness is
 *   judged by the day reported (done on time / late), and roll-ups count
 *   it as done and also as pending confirmation.
 * A user of the task's monitoring office (perm.h), or an admin, then
 *   confirms it (CF_CONFIRMED; nothing else changes), or
 *   returns it with a reason (trả lại, thực hiện lại): status back to
 *   ST_IN_PROGRESS, done_date cleared, confirm CF_RETURNED.  A returned
 *   task is open again and counts as not done (overdue when past its due
 *   date) until it is reported done again, which makes a new claim.
 * Setting "hoàn thành" as someone who may confirm the task confirms it at
 * once; with confirm_done = no, done is done (CF_NONE).  Moving a done
 * task to another status clears the confirmation (CF_NONE).  Confirming
 * and returning also add an update to the task's history (with the reason)
 * without counting as the unit's report for the period.
 */
#ifndef THEODOI_OPS_H
#define THEODOI_OPS_H

#include <jansson.h>

#include "config.h"
#include "model.h"
#include "perm.h"

struct err;
struct store;
struct txn;

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

/* Fill c->who from the real uid of the process (getpwuid(getuid()), never
 * $USER or $LOGNAME) and the configuration's [users]; c->cfg must be set,
 * c->st may be NULL (then the unit id stays 0).  A login that [users] does
 * not map gets ROLE_NONE; when [access] unmapped = none it is refused:
 * ERR_DENIED naming the rule "unmapped-none", so nothing can be read. */
int ops_identify(struct ops_ctx *c, struct err *e);

/* Running with another effective group or user than the real one (theodoi
 * installed setgid to the group that owns the store, staff outside that
 * group), ops_identify first requires theodoi.ini and units.ini to pass
 * this: owned by root (or by the effective user of a setuid install, never
 * by the real user) and writable by nobody else;
 * else ERR_DENIED, so that `--config ~/my.ini` cannot grant a role.
 * ERR_CONFIG when path cannot be read. */
int ops_file_trusted(const char *path, struct err *e);

/* Record progress on a task: status (enum task_status, or -1 to keep),
 * progress 0..100 (or -1 to keep), note (UTF-8, may be NULL).  At least one
 * must be given.  Setting ST_DONE records today as the done date (and
 * makes a claim, see above); progress 100 with no status given sets
 * ST_DONE.  A note on a task not started moves it to in progress when the
 * actor may change its status.  Permissions: PA_NOTE always, PA_PROGRESS
 * with a progress, PA_STATUS with a status (a partner unit may only add
 * notes).  ERR_NOTFOUND for an unknown task, ERR_DENIED when the role does
 * not allow it, ERR_INPUT for bad values.  *update_id (may be NULL)
 * receives the new update's id. */
int ops_update(struct ops_ctx *c, uint64_t task, int status, int progress, const char *note,
               uint64_t *update_id, struct err *e);

/* What an update says, for ops_update_req: the arguments of ops_update
 * and the days a user may state. */
struct ops_update_req {
	uint64_t task;
	int status;          /* enum task_status, or -1 to keep */
	int progress;        /* 0..100, or -1 to keep */
	const char *note;    /* UTF-8, or NULL */
	date_t done_on;      /* day the work was finished, or DATE_NONE: the day
	                        of the update (update --done-on) */
	date_t period;       /* periodic task: report date of the period this
	                        update reports for, or DATE_NONE for the default
	                        period (update --period) */
};
/* ops_update with every field of the request; ops_update(c, id, s, p, n,
 * ...) is ops_update_req with done_on and period DATE_NONE. */
int ops_update_req(struct ops_ctx *c, const struct ops_update_req *req, uint64_t *update_id,
                   struct err *e);

/* Extend a task's deadline to `to` (after today and after the current due)
 * with a reason; the original deadline stays on record.  PA_EXTEND. */
int ops_extend(struct ops_ctx *c, uint64_t task, date_t to, const char *reason,
               struct err *e);

/* Add a document (d->id is set).  Admins only (PA_ADD_DOC). */
int ops_add_doc(struct ops_ctx *c, struct doc *d, struct err *e);

/* Add a task to a document (t->id is set).  t->due is computed here.
 * Admins only (PA_ADD_TASK). */
int ops_add_task(struct ops_ctx *c, struct task *t, struct err *e);

/* 1 if the actor may record updates (PA_NOTE) on this task, else 0 and,
 * if e is not NULL, ERR_DENIED with the rule that refuses it. */
int ops_may_update(const struct ops_ctx *c, const struct task *t, struct err *e);

/* 1 if the actor may do `a` on task t (NULL for actions that concern no
 * task), else 0 and, if e is not NULL, ERR_DENIED naming the rule (or the
 * store's error).  Uses a short read transaction of its own. */
int ops_may(const struct ops_ctx *c, enum perm_action a, const struct task *t, struct err *e);

/* Inside a transaction t of the caller: 0 if the actor may do `a` on an
 * object led by unit `lead` (0: none) that is no task (an indicator: pass
 * PA_MEASURE), else ERR_DENIED naming the rule and, in the message, the
 * object ("chỉ tiêu #4"; may be NULL).  For modules that write their own
 * records in their own write transactions. */
int ops_check_led(struct txn *t, const struct ops_ctx *c, enum perm_action a, uint32_t lead,
                  const char *object, struct err *e);

/* 0 if the actor may do `a`, an action that concerns no particular task
 * (PA_READ, PA_ADD_DOC, PA_IMPORT, PA_MAINTAIN, ...), else ERR_DENIED
 * naming the rule.  Needs no store. */
int ops_require(const struct ops_ctx *c, enum perm_action a, struct err *e);

/* Recompute task->due with the period engine (period.h) from its deadline,
 * the level of its lead (one or two unit reads), its extension and its
 * reports (one cursor pass over its updates; none for a task not yet
 * stored), in transaction t.  Returns 0 or the store's error. */
struct txn;
int ops_refresh_due(struct txn *t, const struct ops_ctx *c, struct task *task, struct err *e);

/* ---- confirmation (ops-confirm.c) ---- */

/* Confirm the claim on a task (CF_PENDING -> CF_CONFIRMED), with an
 * optional note.  PA_CONFIRM.  ERR_INPUT if the task is not waiting for
 * confirmation.  *update_id (may be NULL) receives the history entry. */
int ops_confirm(struct ops_ctx *c, uint64_t task, const char *note, uint64_t *update_id,
                struct err *e);

/* Return the claim on a task with a reason (required): see the header
 * comment.  PA_CONFIRM.  ERR_INPUT if the task is not waiting for
 * confirmation or the reason is empty. */
int ops_return(struct ops_ctx *c, uint64_t task, const char *reason, uint64_t *update_id,
               struct err *e);

/* Call cb for every task waiting for confirmation (CF_PENDING), in id
 * order, in one read transaction; with `mine`, only those the actor may
 * confirm (the queue of a monitoring office; every claim for an admin).
 * The task is valid during the call; cb returns non-zero to stop (that
 * value is returned).  Costs one pass over the tasks of the store. */
int ops_pending_each(const struct ops_ctx *c, int mine,
                     int (*cb)(const struct task *t, void *ctx), void *ctx, struct err *e);

/* Vietnamese label ("chờ xác nhận", "đã xác nhận", "trả lại, thực hiện
 * lại"; "" for CF_NONE) and stable key ("pending", "confirmed",
 * "returned", "none") of a confirmation state. */
const char *ops_confirm_label(enum confirm_state s);
const char *ops_confirm_key(enum confirm_state s);

/* Vietnamese label ("đã gia hạn", "đề nghị gia hạn", "không chấp nhận gia
 * hạn") and stable key ("granted", "requested", "refused") of an
 * extension's state; "" for a value out of range. */
const char *ops_ext_state_label(enum ext_state s);
const char *ops_ext_state_key(enum ext_state s);

/* ---- for other writers ---- */

/* Append an audit entry for the actor in the write transaction t: now,
 * login, role, action ("update"), object ("task:12"), before and after
 * (JSON objects, stolen: the function takes the references; NULL for
 * none).  Every write of the program goes with one. */
int ops_audit(struct txn *t, const struct ops_ctx *c, const char *action, const char *object,
              json_t *before, json_t *after, struct err *e);

/* Rebuild every index and counter from the records (check-store --repair)
 * in one write transaction, audited as "repair".  PA_MAINTAIN. */
int ops_repair(struct ops_ctx *c, struct err *e);

#endif
