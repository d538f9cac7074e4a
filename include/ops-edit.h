/* ops-edit.h — correcting what was entered or imported: editing a
 * document's or a task's fields, moving a task to another document,
 * deleting a document or a task with a reason, and restoring it.  Each is
 * one write transaction with its permission check (PA_EDIT, PA_DELETE:
 * admins) and audit entry, as in ops.h; indexes and counters follow
 * (store_task_put), and a task's due date is recomputed (ops_refresh_due).
 *
 * Deleting is soft: the record leaves every listing and count but is kept
 * whole with who, when and why (store-trash.h), and restoring brings it
 * back under its own id with its history.
 */
#ifndef THEODOI_OPS_EDIT_H
#define THEODOI_OPS_EDIT_H

#include "ops.h"
#include "store-trash.h"

/* The fields of a task to change; NULL, 0 and "no set_" keep a field. */
struct ops_task_edit {
	const char *text;          /* task text (cleaned by the caller) */
	const char *section;       /* "III.2.1" */
	int set_lead;              /* change the lead: to `lead` (0: none, then
	                              lead_text is what stays written) */
	uint32_t lead;
	const char *lead_text;     /* the lead as it should read, or NULL */
	int set_partners;          /* replace the partners */
	int npartners;
	const uint32_t *partners;
	const char *partners_text; /* "; "-separated, or NULL */
	const char *dl_phrase;     /* a new deadline phrase, parsed into *dl */
	const struct deadline *dl;
	uint64_t doc;              /* move the task to this document (0: keep) */
};

/* Change a task.  ERR_NOTFOUND for an unknown task or document, ERR_INPUT
 * when nothing would change or a value is bad (empty text), ERR_DENIED by
 * the rules.  Audited as "edit-task" (or "move-task" for a move alone)
 * with the fields before and after. */
int ops_edit_task(struct ops_ctx *c, uint64_t id, const struct ops_task_edit *ed,
                  struct err *e);

/* The fields of a document to change; NULL and "no set_" keep a field. */
struct ops_doc_edit {
	const char *number, *kind, *title;
	int set_date;
	date_t date;               /* DATE_NONE: clear */
	int set_issuer;
	uint32_t issuer;
	int set_implements;
	int nimplements;
	const char (*implements)[DOCNUM_LEN];
	int set_plan_due;
	date_t plan_due;
};

/* Change a document.  A new date of issue moves the start of the tasks
 * that started with the document, and their due dates with it.  Audited
 * as "edit-doc". */
int ops_edit_doc(struct ops_ctx *c, uint64_t id, const struct ops_doc_edit *ed,
                 struct err *e);

/* Delete a document (with its tasks and indicators) or a task, keeping it
 * with the reason (required).  Work already recorded on it (updates, a
 * done or confirmed task) is kept too, but needs `force`: ERR_CONFLICT
 * counting it otherwise.  *ntasks (may be NULL) gets the number of tasks
 * that left.  Audited as "delete-doc" / "delete-task". */
int ops_delete(struct ops_ctx *c, enum trash_kind kind, uint64_t id, const char *reason,
               int force, size_t *ntasks, struct err *e);

/* 1 if work was recorded on the task (updates, done, a confirmation):
 * what deleting it needs `force` for. */
int ops_task_has_work(const struct task *k);

/* The note a deleted record keeps in the trash: JSON text {"login", "role",
 * "time", "reason"} for the actor of c, now.  The caller frees it. */
char *ops_trash_note(const struct ops_ctx *c, const char *reason);

/* Bring a deleted document or task back.  Audited as "restore-doc" /
 * "restore-task". */
int ops_restore(struct ops_ctx *c, enum trash_kind kind, uint64_t id, struct err *e);

#endif
