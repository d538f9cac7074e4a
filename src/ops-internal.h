/* ops-internal.h — what ops.c and ops-confirm.c share: loading a task,
 * its state as audit JSON, and the permission check inside a write
 * transaction.  Not part of the public interface. */
#ifndef THEODOI_OPS_INTERNAL_H
#define THEODOI_OPS_INTERNAL_H

#include <jansson.h>

#include "ops.h"
#include "perm.h"

struct txn;

#define OPS_NOTE_MAX 4000
#define OPS_REASON_MAX 2000

/* store_task_get with "không tìm thấy nhiệm vụ #N" for a missing task. */
int ops_load_task(struct txn *t, uint64_t id, struct task *task, struct err *e);

/* ERR_INPUT naming `update` on an obligation when task is an opened group
 * task (group_open): its work is recorded on its obligations; else 0. */
int ops_refuse_group(const struct task *task, struct err *e);

/* {"status", "progress", "due", and "confirm" when set}: a new reference. */
json_t *ops_task_state(const struct task *t);

/* 0 if the actor may do `a` on `task` (NULL for actions on no task), else
 * ERR_DENIED naming the rule, or a store error. */
int ops_check_txn(struct txn *t, const struct ops_ctx *c, enum perm_action a,
                  const struct task *task, struct err *e);

/* "task:N" into buf (at least 40 bytes). */
const char *ops_task_object(uint64_t id, char *buf, size_t len);

#endif
