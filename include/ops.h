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
	date_t today; /* the day figures are read as of: --today, else the clock */
	date_t clock; /* the real day, for writes; 0 (a zeroed context): ask the
	                 system clock (date_clock()) at each write */
};

/* The day a write records (an update's day, a done date, a measurement's
 * default date, an extension's "after today", an imported task's start):
 * for an administrator c->today (so that old records can be entered with
 * --today), for anyone else the real clock, whatever --today or
 * $THEODOI_TODAY say.  Every writer takes its day from here. */
date_t ops_write_day(const struct ops_ctx *c);

/* Fill c->who from the real uid of the process (getpwuid(getuid()), never
 * $USER or $LOGNAME) and the configuration's [users]; c->cfg must be set,
 * c->st may be NULL (then the unit id stays 0).  A login that [users] does
 * not map gets ROLE_NONE; when [access] unmapped = none it is refused:
 * ERR_DENIED naming the rule "unmapped-none", so nothing can be read.
 * Running with another effective group or user than the real one (theodoi
 * installed setgid to the group that owns the store, priv.h), it refuses
 * (ERR_DENIED) a configuration that was not loaded by cfg_load_trusted(),
 * so that `--config ~/my.ini` cannot grant a role even to a caller that
 * forgot to refuse it. */
int ops_identify(struct ops_ctx *c, struct err *e);

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
 * ...) is ops_update_req with done_on and period DATE_NONE.  done_on, when
 * given, is only for the update that makes the task done; it may not be
 * after today nor before the task's start: else ERR_INPUT with field
 * "done_on" and nothing written.  The task's done_date becomes done_on
 * (its timeliness is judged by it); the update keeps done_on and, in
 * `day`, the day it was typed; the audit entry has both. */
int ops_update_req(struct ops_ctx *c, const struct ops_update_req *req, uint64_t *update_id,
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

/* ---- extensions (ops-extend.c) ----
 *
 * An extension (gia hạn) moves a task's due to a later day with a reason;
 * the original deadline stays on record (the task's deadline, and `from`
 * of its extensions).  Who grants is [access] extend (perm.h, PA_EXTEND):
 * by default the monitoring office of the task and admins.  The unit that
 * owes the task asks (PA_EXTEND_REQUEST): the request is an extension
 * record in state EXT_REQUESTED that changes no due date, until the
 * office grants it (EXT_GRANTED: the task's due becomes `to`; decided_by,
 * decided and decision say who, when and with what note) or refuses it
 * with a reason (EXT_REFUSED).  An extension asked for, or granted, when
 * the due in force had already passed is marked `late` (gia hạn sau khi
 * đã quá hạn).  Each call is one write transaction with its audit entry
 * ("extend", "extend-request", "extend-grant", "extend-refuse", object
 * "task:N").  Common refusals, all ERR_INPUT with the store unchanged: a
 * task already done, a new due not after the due in force or not after
 * today (field "to"), an empty reason (field "reason"), a second request
 * while one is pending, a direct grant while a request is pending (answer
 * the request), a decision on an extension that is not a pending request.
 */

/* Grant an extension at once: the task's due becomes `to`.  PA_EXTEND. */
int ops_extend(struct ops_ctx *c, uint64_t task, date_t to, const char *reason,
               struct err *e);

/* Ask for an extension to `to` with a reason.  PA_EXTEND_REQUEST.
 * *ext_id (may be NULL) receives the request's id. */
int ops_extend_request(struct ops_ctx *c, uint64_t task, date_t to, const char *reason,
                       uint64_t *ext_id, struct err *e);

/* Grant the pending request ext_id, to the day asked for (to DATE_NONE)
 * or to `to`, with an optional note.  PA_EXTEND on its task.
 * ERR_NOTFOUND for an unknown id. */
int ops_extend_grant(struct ops_ctx *c, uint64_t ext_id, date_t to, const char *note,
                     struct err *e);

/* Refuse the pending request ext_id with a reason (required).  PA_EXTEND
 * on its task; the task does not change. */
int ops_extend_refuse(struct ops_ctx *c, uint64_t ext_id, const char *reason, struct err *e);

/* Call cb for every pending request (EXT_REQUESTED), in id order, with
 * its task, in one read transaction; with `mine`, only those the actor may
 * decide (the queue of a monitoring office; every request for an admin).
 * Both are valid during the call; cb returns non-zero to stop (that value
 * is returned).  Costs one pass over the extensions of the store. */
int ops_extend_pending_each(const struct ops_ctx *c, int mine,
                            int (*cb)(const struct extension *x, const struct task *t, void *ctx),
                            void *ctx, struct err *e);

/* Vietnamese label ("đã gia hạn", "đề nghị gia hạn", "không chấp nhận gia
 * hạn") and stable key ("granted", "requested", "refused") of an
 * extension's state; "" for a value out of range. */
const char *ops_ext_state_label(enum ext_state s);
const char *ops_ext_state_key(enum ext_state s);

/* Lateness against the original deadline of an extended task: *original
 * receives the due the task would have without any extension (DATE_NONE
 * when it has no extension or no dated deadline); returns the days late
 * against it: of a done task, done_date - original; of an open task,
 * today - original; 0 when not late or not extended. */
int ops_late_original(const struct task *t, const struct periods *p, date_t today,
                      date_t *original);

/* The wording of that lateness into buf: "quá hạn 42 ngày so với thời hạn
 * ban đầu", or for a done task "hoàn thành quá hạn 42 ngày so với thời hạn
 * ban đầu"; "" when days <= 0.  Returns buf. */
char *ops_late_original_text(int days, int done, char *buf, size_t len);

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
