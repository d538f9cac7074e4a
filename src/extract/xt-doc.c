/* xt-doc.c — Word 97-2003 (.doc) through antiword, run as a child process:
 * no shell, its own output read through a pipe (bounded), a time limit.
 * antiword writes each paragraph on one line (with -w 0) and tables as
 * "|cell|cell|" rows; the cells come out here column by column, each line
 * of a cell a paragraph, as the header table of a Party document reads. */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "extract-internal.h"
#include "subproc.h"

#define DOC_TIME_LIMIT 60          /* seconds */
#define DOC_OUTPUT_MAX ((size_t)64 << 20)

/* The cells of a run of "|...|...|" rows, column by column. */
static void table(struct xt_out *o, char **rows, size_t n)
{
	for (int col = 0; col < 16; col++) {
		int any = 0;
		for (size_t r = 0; r < n; r++) {
			char *p = rows[r];
			for (int c = 0; c <= col && p; c++)
				p = strchr(p + (c ? 1 : 0), '|');
			if (!p || !p[1])
				continue;
			char *end = strchr(p + 1, '|');
			if (!end)
				continue;
			any = 1;
			xt_add(o, p + 1, (size_t)(end - p - 1));
			xt_end_para(o);
		}
		if (!any)
			break;
	}
}

int xt_doc(const char *path, struct xt_out *o, struct err *e)
{
	struct sbuf out = {0};
	struct subproc_result res;
	/* "--" is not understood by antiword; a path starting with '-' is
	 * given as ./-name so it is never read as an option. */
	char *arg = path[0] == '-' ? NULL : (char *)path;
	char *tmp = NULL;
	if (!arg) {
		tmp = xmalloc(strlen(path) + 3);
		strcpy(tmp, "./");
		strcat(tmp, path);
		arg = tmp;
	}
	char *argv[] = {"antiword", "-w", "0", "-m", "UTF-8.txt", arg, NULL};
	int rc = subproc_capture(argv, DOC_TIME_LIMIT, DOC_OUTPUT_MAX, path, &out, &res, e);
	free(tmp);
	if (rc == ERR_NOTFOUND)
		rc = err_at(e, ERR_INPUT, path, 0, "cần chương trình antiword để đọc tệp Word 97-2003 "
		            "(.doc): apt-get install antiword, hoặc lưu tệp thành .docx");
	if (rc) {
		sbuf_free(&out);
		return rc;
	}
	if (!WIFEXITED(res.status) || WEXITSTATUS(res.status) != 0) {
		char *nl = strchr(res.err, '\n');
		if (nl)
			*nl = '\0';
		sbuf_free(&out);
		return err_at(e, ERR_INPUT, path, 0, "không đọc được tệp Word 97-2003: %s",
		              res.err[0] ? res.err : "antiword báo lỗi");
	}
	/* Lines: a blank line ends a paragraph; table rows go column-wise. */
	char *s = out.s ? out.s : "";
	char **rows = NULL;
	size_t nrows = 0, cap = 0;
	for (char *line = s; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (line[0] == '|') {
			if (nrows == cap) {
				cap = cap ? cap * 2 : 16;
				rows = xrealloc(rows, cap * sizeof *rows);
			}
			rows[nrows++] = line;
		} else {
			if (nrows) {
				xt_end_para(o);
				table(o, rows, nrows);
				nrows = 0;
			}
			if (!line[0] || line[0] == '\f') {
				xt_end_para(o);
			} else {
				if (o->para.len)
					xt_newline(o);
				xt_puts(o, line);
			}
		}
		line = nl ? nl + 1 : NULL;
	}
	if (nrows) {
		xt_end_para(o);
		table(o, rows, nrows);
	}
	xt_end_para(o);
	free(rows);
	sbuf_free(&out);
	return 0;
}
