/* ui-import.c — the `i` form's two steps: read and parse a plan's text
 * file into a preview, then store it and show it in the panes.  The work
 * is import.h's; this file only reads the file and reports.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-form.h"
#include "util.h"

#define IMPORT_MAX_BYTES (16u << 20) /* a plan is a few hundred kB at most */

static int read_file(const char *path, char **out, size_t *len, struct err *e)
{
	FILE *fp = fopen(path, "rb");
	struct sbuf b = { 0 };
	char chunk[65536];
	size_t n;

	if (!fp)
		return err_set(e, ERR_IO, "không mở được tệp %s: %s", path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		if (b.len + n > IMPORT_MAX_BYTES) {
			fclose(fp);
			sbuf_free(&b);
			return err_set(e, ERR_INPUT, "tệp %s quá lớn (tối đa %u MB)", path,
			               IMPORT_MAX_BYTES >> 20);
		}
		sbuf_add(&b, chunk, n);
	}
	if (ferror(fp)) {
		fclose(fp);
		sbuf_free(&b);
		return err_set(e, ERR_IO, "không đọc được tệp %s", path);
	}
	fclose(fp);
	*len = b.len;
	*out = b.s ? sbuf_detach(&b) : xstrdup("");
	return 0;
}

int ui_import_parse(struct ui *u, struct ui_form *f, struct err *e)
{
	char *path = NULL, *text = NULL;
	size_t len = 0, i, unresolved = 0;
	uint32_t hint = f->f[1].choice == 1 ? ui_units_selected(u) : 0;
	struct imp_result *r = NULL;
	int rc;

	rc = txt_clean_input(f->f[0].line.s, 4096, 0, &path, e);
	if (rc)
		return rc;
	if (!*path) {
		free(path);
		return err_set(e, ERR_INPUT, "cần ghi đường dẫn tệp");
	}
	rc = read_file(path, &text, &len, e);
	if (rc == 0)
		rc = imp_parse(text, len, path, u->units.h, hint, &r, e);
	free(text);
	free(path);
	if (rc)
		return rc;
	for (i = 0; i < r->ntasks; i++)
		if (!r->tasks[i].lead_unit)
			unresolved++;
	snprintf(f->info, sizeof(f->info),
	         "%s%s: %zu nhiệm vụ (%zu chưa rõ đơn vị chủ trì), %zu chỉ tiêu, %zu cảnh báo.%s%s",
	         r->doc.number[0] ? "Văn bản " : "Văn bản không số", r->doc.number, r->ntasks,
	         unresolved, r->nindicators, r->nwarnings,
	         r->nwarnings ? " Cảnh báo đầu: " : "", r->nwarnings ? r->warnings[0].msg : "");
	imp_free(f->imp);
	f->imp = r;
	f->stage = 1;
	return 0;
}

int ui_import_store(struct ui *u, struct ui_form *f, struct err *e)
{
	uint64_t doc = 0;
	uint32_t issuer = f->imp->doc.issuer_unit;
	size_t ntasks = f->imp->ntasks;
	char number[DOCNUM_LEN];
	int rc;

	str_copy(number, f->imp->doc.number, sizeof(number));
	rc = imp_store(u->ops, f->imp, 0, &doc, e);
	if (rc == ERR_CONFLICT)
		return err_set(e, rc, "%s (để thay văn bản đã có, dùng lệnh: theodoi import "
		                      "--replace TỆP)", e->msg);
	if (rc)
		return rc;
	ui_reload(u);
	/* Show the new document: its issuer selected, documents as issued. */
	if (issuer)
		ui_units_reveal(u, issuer);
	u->docs.assigned = 0;
	u->docs.built = 0;
	u->docs.want = doc;
	u->focus = UI_DOCS;
	u->view = UI_VIEW_PANES;
	ui_msg(u, 0, "Đã nhập văn bản %s: %zu nhiệm vụ.", number[0] ? number : "(không số)",
	       ntasks);
	return 0;
}
