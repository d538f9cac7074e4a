/* cli-edit.h — correcting documents and tasks from the command line
 * (ops-edit.h does the work).  Conventions of cli.h. */
#ifndef THEODOI_CLI_EDIT_H
#define THEODOI_CLI_EDIT_H

struct cli;
struct err;

/* edit-task TASK [--text T] [--section S] [--lead U|--no-lead]
 *                [--partners U,U] [--deadline PHRASE] [--doc D] */
int cmd_edit_task(struct cli *c, int argc, char **argv, struct err *e);
/* move-task TASK --doc D */
int cmd_move_task(struct cli *c, int argc, char **argv, struct err *e);
/* edit-doc DOC [--number N] [--kind K] [--date D] [--issuer U]
 *              [--implements N,N] [--title T] [--plan-due D] */
int cmd_edit_doc(struct cli *c, int argc, char **argv, struct err *e);
/* delete-doc DOC --reason R [--force]; delete-task TASK --reason R [--force] */
int cmd_delete_doc(struct cli *c, int argc, char **argv, struct err *e);
int cmd_delete_task(struct cli *c, int argc, char **argv, struct err *e);
/* expand-task TASK */
int cmd_expand_task(struct cli *c, int argc, char **argv, struct err *e);
/* deleted [--format text|csv|json] */
int cmd_deleted(struct cli *c, int argc, char **argv, struct err *e);
/* restore-doc DOC; restore-task TASK */
int cmd_restore_doc(struct cli *c, int argc, char **argv, struct err *e);
int cmd_restore_task(struct cli *c, int argc, char **argv, struct err *e);

#endif
