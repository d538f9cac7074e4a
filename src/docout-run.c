/* docout-run.c — running theodoi-render to write a document (docout.h). */
#include "docout.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "output.h"
#include "subproc.h"
#include "util.h"

#ifndef THEODOI_LIBEXECDIR
#define THEODOI_LIBEXECDIR "/usr/local/libexec/theodoi"
#endif

/* Time the helper may take: LibreOffice starting cold on a busy server
 * is the slow part. */
#define DOCOUT_SECONDS 240

int docout_write(const json_t *spec, enum docout_format f, const char *path, const char *helper,
                 struct err *e)
{
	char prog[PATH_MAX + 32];
	if (helper)
		str_copy(prog, helper, sizeof prog);
	else
		subproc_helper_path("theodoi-render", THEODOI_LIBEXECDIR, prog, sizeof prog);
	char *json = out_json_dumps(spec, JSON_COMPACT);
	if (!json)
		return err_set(e, ERR_IO, "không tạo được mô tả văn bản");
	char *argv[] = {prog, (char *)docout_format_key(f), (char *)path, NULL};
	struct sbuf said = {0};
	struct subproc_result r;
	int rc = subproc_feed(argv, json, strlen(json), DOCOUT_SECONDS, 1 << 16, path, &said, &r, e);
	free(json);
	sbuf_free(&said);
	if (rc == ERR_NOTFOUND)
		return err_at(e, ERR_NOTFOUND, path, 0, "thiếu chương trình ghi văn bản (%s): hãy cài "
		              "lại theodoi (make install)", prog);
	if (rc)
		return rc;
	if (WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0)
		return 0;
	const char *msg = subproc_said(&r, path);
	int code = WIFEXITED(r.status) ? WEXITSTATUS(r.status) : 0;
	if (code != ERR_NOTFOUND && code != ERR_IO)
		code = ERR_INPUT;
	return err_at(e, code, path, 0, "%s",
	              msg[0] ? msg : "không ghi được văn bản (chương trình ghi văn bản dừng bất thường)");
}
