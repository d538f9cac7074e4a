/* ops-group.h — obligations on many units: a task whose lead names a group
 * of bodies ("các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc"; "các ban
 * cán sự đảng, đảng đoàn"; "các tổ chức cơ sở đảng"; "các ban xây dựng
 * Đảng") opened into one obligation per unit of that group under the
 * document's issuer, each an ordinary task (its own status, updates,
 * timeliness) of the same document, text and deadline, led by that unit,
 * with section "SECTION@unit-code" under the group task. */
#ifndef THEODOI_OPS_GROUP_H
#define THEODOI_OPS_GROUP_H

#include <stddef.h>
#include "ops.h"

struct hier;
struct sbuf;

/* The units of the group `lead` names (imp_lead_is_group) under `issuer`,
 * in hierarchy order:
 * the committees directly under it that must plan (cascade_must_plan) for
 * "các cấp ủy", "các huyện ủy / thị ủy / thành ủy / đảng ủy", "tổ chức
 * (cơ sở) đảng"; its boards "Ban ..." for "các ban xây dựng Đảng"; its "Ban cán sự
 * đảng ..." and "Đảng đoàn ..." units for those words.  Historical units
 * are left out.  Returns the number found (0: the text names no group
 * theodoi knows); *units malloc'd (NULL when none), caller frees. */
size_t ops_group_units(const struct hier *h, const char *lead, uint32_t issuer,
                       uint32_t **units);

/* 1 if k is a group task: no lead unit, not an obligation (no '@' in its
 * section), and a lead text that names a group (imp_lead_is_group) of
 * bodies theodoi knows. */
int ops_group_names(const struct task *k);

/* Clear k->group_open when k is no longer a group task (ops_group_names):
 * a task whose lead was corrected to one unit, or whose lead text no
 * longer names a group, is counted again as an ordinary task.  Called on
 * every rewrite of a task's lead (edit-task, import --replace). */
void ops_group_settle(struct task *k);

/* Open group task `task` to its units (PA_ADD_TASK, admins), in one write
 * transaction: an obligation for each unit of the group that has none yet
 * (so running it again after units were added to the hierarchy adds only
 * theirs).  ERR_INPUT when the task's lead is not a group theodoi knows,
 * its document has no issuer unit, or a section would be too long;
 * ERR_NOTFOUND for an unknown task.  Audited as "expand-task".  *created
 * and *total (may be NULL) get the obligations made and the group's size. */
int ops_expand_task(struct ops_ctx *c, const struct hier *h, uint64_t task, size_t *created,
                    size_t *total, struct err *e);

/* What ops_expand_task does to group task g (stored, of document d), inside
 * the caller's write transaction t, without permission check or audit
 * entry (the caller's): an obligation for each unit of the group under
 * d->issuer that has none yet.  *total gets the group's size (0 when g is
 * no group task theodoi knows, or d has no issuer: nothing is done),
 * *created the obligations made; made (may be NULL) gets a {"unit",
 * "task"} object appended for each.  The stored group task is then marked
 * opened (group_open): a container, in no counter or due index, whose
 * status is the roll-up of its obligations (ops_group_rollup).  ERR_INPUT for a section that would be
 * too long, or a store error. */
int ops_group_open(struct txn *t, const struct ops_ctx *c, const struct hier *h,
                   const struct task *g, const struct doc *d, size_t *created, size_t *total,
                   json_t *made, struct err *e);

/* After an obligation (section "G@code" of document doc) was deleted or
 * restored in t: its group task G is marked opened while it has at least
 * one obligation, and is an ordinary task, counted again, when it has
 * none.  Nothing for a section without '@' or a group task not stored. */
int ops_group_resettle(struct txn *t, uint64_t doc, const char *section, struct err *e);

/* The opened-group marks of every task of the store, in t.  A task is
 * to be marked (group_open) when it is a group task (ops_group_names) with
 * at least one obligation stored ("SECTION@code" in its document), and
 * only then.  With rep: each task marked wrong is described there (at most
 * 200 lines) and counted in *nbad, nothing written.  With rep NULL (t a
 * write transaction): each is rewritten with the right mark (its counters
 * and due entries follow), *nbad the number rewritten.  The migration
 * from schema 2, check-store and check-store --repair use it. */
int ops_group_marks(struct txn *t, struct sbuf *rep, size_t *nbad, struct err *e);

/* The roll-up of group task `task` in the read transaction t: how many
 * obligations it has and how many are done.  0 and 0 for a task that has
 * none. */
int ops_group_rollup(struct txn *t, const struct task *task, size_t *total, size_t *done,
                     struct err *e);

/* An opened group task's status as shown: "12/15 đơn vị đã thực hiện"
 * into buf (len bytes); returns buf. */
const char *ops_group_label(size_t total, size_t done, char *buf, size_t len);

/* Its progress as shown: the share of its obligations done, 0..100. */
int ops_group_percent(size_t total, size_t done);

/* Its timeliness as shown, in place of a deadline's: it has none of its
 * own ("theo dõi qua nghĩa vụ của từng đơn vị"). */
#define OPS_GROUP_TL_KEY "group"
#define OPS_GROUP_TL_LABEL "nhiệm vụ chung: theo dõi qua nghĩa vụ của từng đơn vị"

#endif
