/* screen.h — the full-screen interface, loaded when it is asked for.
 *
 * The screen (ui.h) and ncursesw live in a module of their own,
 * theodoi-ui.so, so that the commands start without mapping or binding
 * the curses libraries.  The module resolves the library's functions
 * against the program itself (linked whole, with its symbols exported).
 *
 * Where the module is looked for: beside the running program (a build
 * tree, where the linker leaves it executable), then
 * LIBEXECDIR/theodoi-ui.so as `make install` put it: subproc_helper_path,
 * as for the helper programs.  A program that was started with a raised
 * identity (installed setgid, priv.h) uses the installed module only: code
 * loaded into it would hold the store's descriptors, so it comes from no
 * directory but the one root installed.
 */
#ifndef THEODOI_SCREEN_H
#define THEODOI_SCREEN_H

#include <stddef.h>

struct ops_ctx;
struct err;

/* The module's file for this run into buf: installed_only as above. */
void screen_module_path(int installed_only, char *buf, size_t len);

/* Load the module and run ui_main(c, e) (ui.h) in it; the module stays
 * loaded until the program exits.  ERR_INTERNAL naming the file and the
 * loader's reason if the module cannot be loaded. */
int screen_run(struct ops_ctx *c, int installed_only, struct err *e);

#endif
