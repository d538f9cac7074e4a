/* perm.h — who may do what: the permission rules of theodoi as one table.
 *
 * A decision depends on the actor's role (config.h), the action, and how
 * the object relates to the actor's unit:
 *
 *   own        the task (or indicator) is led by the actor's unit;
 *   subtree    it is led by a unit below the actor's unit;
 *   partner    the actor's unit is one of its partners (phối hợp) and
 *              neither of the above holds;
 *   elsewhere  none of these (also: no lead unit, or an actor with no unit).
 *
 * and, for confirming a reported completion or granting an extension, whether the actor's unit is
 * (or is below) the monitoring office of the task ([access] monitors in
 * theodoi.ini: the office of the nearest monitored unit at or above the
 * task's lead unit).
 *
 * The rules:
 *   admin    everything.
 *   editor   reads everything; on tasks of its own unit or subtree: notes,
 *            progress, status, and requests for an extension; on tasks
 *            where its unit is a partner: notes only;
 *            measurements of indicators of its own unit or subtree;
 *            confirms or returns completions when its unit is the
 *            monitoring office; grants or refuses extensions as
 *            [access] extend says (below); corrects (PA_EDIT) the tasks of
 *            its own unit or subtree when [access] editors_edit = yes;
 *            nothing else that only admins do.
 *   viewer   reads everything, writes nothing, and may not copy the
 *            whole store out (backup, export).
 *   unmapped (a login not under [users]) reads everything when
 *            [access] unmapped = read, else nothing at all; never copies
 *            the whole store out.
 *   Backing up and exporting the whole store (PA_EXPORT): editors and
 *   admins.
 *
 * Who grants an extension (PA_EXTEND), by [access] extend:
 *   monitors (default)  the monitoring office of the task, and admins;
 *   editors             also editors on tasks of their own unit or subtree
 *                       (the old [access] editors_extend = yes);
 *   admins              admins only.
 *
 * The ops module (ops.h) applies these rules inside every write
 * transaction, so neither the command line nor the TUI can get around
 * them; the TUI may also ask beforehand to grey out what is refused.
 */
#ifndef THEODOI_PERM_H
#define THEODOI_PERM_H

#include "config.h"

struct err;

enum perm_action {
	PA_READ = 0,  /* read anything, the audit log too */
	PA_NOTE,      /* record an update on a task (a note) */
	PA_PROGRESS,  /* change a task's progress (%) */
	PA_STATUS,    /* change a task's status */
	PA_EXTEND,    /* extend a task's deadline (gia hạn), grant or refuse a request */
	PA_EXTEND_REQUEST, /* ask the monitoring office for an extension */
	PA_CONFIRM,   /* confirm or return a reported completion */
	PA_MEASURE,   /* record a measurement of an indicator */
	PA_ADD_DOC,   /* enter a document */
	PA_ADD_TASK,  /* enter a task */
	PA_EDIT,      /* edit a document's or task's fields */
	PA_DELETE,    /* delete a document or task */
	PA_IMPORT,    /* import a plan from text */
	PA_HIERARCHY, /* change the hierarchy of units, hand tasks over */
	PA_MAINTAIN,  /* restore a backup, import a JSON export, repair indexes */
	PA_EXPORT,    /* copy the whole store out: backup, export */
	PA_COUNT
};

enum perm_rel {
	PR_OWN = 0,
	PR_SUBTREE,
	PR_PARTNER,
	PR_ELSEWHERE,
	PR_COUNT
};

/* A rule that refuses: a stable ASCII key ("editor-subtree") that names it
 * in messages and tests, and the Vietnamese text of the rule. */
struct perm_rule {
	const char *key;
	const char *text;
};

/* The options of [access] that the rules read. */
struct perm_opts {
	int unmapped_can_read; /* [access] unmapped = read */
	int extend;            /* enum cfg_extend: [access] extend */
	int editors_edit;      /* [access] editors_edit: editors correct the
	                          tasks of their unit and subtree */
};

/* The options of a configuration (cfg NULL: the defaults, read and
 * monitors). */
struct perm_opts perm_opts_of(const struct config *cfg);

/* Decide: NULL when `role` may do `a` on an object in relation `rel` to
 * the actor's unit (monitor: the actor's unit is the object's monitoring
 * office, read for PA_CONFIRM and PA_EXTEND only), else the rule that refuses it (a
 * static entry of the table: never freed).  Actions that concern no task
 * (PA_ADD_DOC, PA_IMPORT, PA_READ, ...) ignore rel.  Out-of-range values
 * are refused. */
const struct perm_rule *perm_check(enum role role, enum perm_action a, enum perm_rel rel,
                                   int monitor, const struct perm_opts *o);

/* Decide whether `role` may do `a` on at least one object: NULL when some
 * relation allows it (the actor's unit counted as monitoring office), else
 * the rule that refuses it on the actor's own unit's objects.  For checks before any object is
 * known (the rule of a command, cli.h): the object's own check follows. */
const struct perm_rule *perm_check_any(enum role role, enum perm_action a,
                                       const struct perm_opts *o);

/* Fill e with ERR_DENIED and a message naming the action, the object (may
 * be NULL or "") and the rule:
 *   "không có quyền gia hạn nhiệm vụ #12 (quy tắc extend-monitors): ..."
 * Returns ERR_DENIED. */
int perm_deny(const struct perm_rule *r, enum perm_action a, const char *object,
              struct err *e);

/* Stable ASCII names ("status", "own") and Vietnamese labels ("đổi trạng
 * thái") of actions and relations; "" when out of range. */
const char *perm_action_key(enum perm_action a);
const char *perm_action_label(enum perm_action a);
const char *perm_rel_key(enum perm_rel r);

/* Every rule of the table, for documentation and tests: *n receives the
 * count. */
const struct perm_rule *perm_rules(int *n);

/* ---- relations, read from the store ---- */

struct txn;
struct task;

/* How an object led by `lead` (0: none) with the given partners relates
 * to unit `unit` (0: an actor without a unit), walking unit parents in
 * the store within transaction t.  Returns 0 and sets *out, or an error
 * of the store (a broken parent chain ends the walk: not an error). */
int perm_rel_of(struct txn *t, uint32_t unit, uint32_t lead, const uint32_t *partners,
                int npartners, enum perm_rel *out, struct err *e);

/* The same for a task. */
int perm_task_rel(struct txn *t, uint32_t unit, const struct task *task, enum perm_rel *out,
                  struct err *e);

/* The monitoring office of tasks led by `lead`: the office of the nearest
 * unit at or above `lead` that cfg->monitors names as a root; *office = 0
 * when none does (then only admins confirm).  Codes of cfg->monitors that
 * the store does not hold are skipped. */
int perm_monitor_office(struct txn *t, const struct config *cfg, uint32_t lead,
                        uint32_t *office, struct err *e);

/* 1 if unit `unit` is `root` or below it in the store (0 also for unit or
 * root 0). */
int perm_in_subtree(struct txn *t, uint32_t unit, uint32_t root);

#endif
