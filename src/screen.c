/* screen.c — loading the full-screen interface (screen.h). */
#include "screen.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>

#include "subproc.h"
#include "util.h"

/* Given by the Makefile, as for the helpers (intake.c). */
#ifndef THEODOI_LIBEXECDIR
#define THEODOI_LIBEXECDIR "/usr/local/libexec/theodoi"
#endif

#define MODULE "theodoi-ui.so"

void screen_module_path(int installed_only, char *buf, size_t len)
{
	/* a raised program never looks beside itself: see screen.h */
	if (installed_only)
		snprintf(buf, len, "%s/" MODULE, THEODOI_LIBEXECDIR);
	else
		subproc_helper_path(MODULE, THEODOI_LIBEXECDIR, buf, len);
}

typedef int (*ui_main_fn)(struct ops_ctx *c, struct err *e);

int screen_run(struct ops_ctx *c, int installed_only, struct err *e)
{
	char path[PATH_MAX + 32];
	screen_module_path(installed_only, path, sizeof path);
	/* every symbol bound now: a module that does not fit this program
	 * is refused here, not in the middle of a session */
	void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		/* the loader's message names the file and why */
		const char *why = dlerror();
		return err_set(e, ERR_INTERNAL, "không nạp được giao diện màn hình: %s (cài lại "
		               "theodoi: make install)", why ? why : path);
	}
	ui_main_fn run;
	/* POSIX: the object pointer dlsym returns converts to a function */
	*(void **)&run = dlsym(h, "ui_main");
	if (!run)
		return err_set(e, ERR_INTERNAL, "giao diện màn hình %s không có hàm ui_main", path);
	return run(c, e);
}
