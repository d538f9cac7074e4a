/* ui.h — the full-screen terminal interface (ncursesw).
 *
 * The screen staff work in: the unit tree, the documents and tasks of the
 * selected unit, the detail of the selected task, the daily update forms,
 * the overdue and due-soon views.  A thin layer: every read goes through
 * store.h / hier.h / query.h, every write through ops.h.
 */
#ifndef THEODOI_UI_H
#define THEODOI_UI_H

#include "ops.h"

struct err;

/* Run the TUI on c (c->st open, c->cfg loaded, c->who identified, c->today
 * set) until the user quits.  Sets the locale from the environment, takes
 * over the terminal and restores it on every exit path, crash signals
 * included (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTERM, SIGINT,
 * SIGHUP, SIGQUIT: the terminal is restored, then the signal is raised
 * again with its default action).
 * Returns 0 on a normal quit, or an error code with e filled when the
 * store cannot be read at start (ERR_STORE) or the terminal cannot be
 * used (ERR_IO: not a terminal, or an unknown TERM). */
int ui_main(struct ops_ctx *c, struct err *e);

#endif
