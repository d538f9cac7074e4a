/* ui-import.c — the `i` form's two steps: read and parse a plan's text
 * file into a preview (the figures the command line warns about, then
 * every task with its section, lead, deadline and text, and the
 * warnings, scrolled with the arrows), then store it and show it in the
 * panes.  The work is import.h's and intake.h's (Word, OpenDocument,
 * PDF and legacy encodings); this file only reports.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "intake.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "ui-form.h"
#include "util.h"

int ui_import_parse(struct ui *u, struct ui_form *f, struct err *e)
{
	char *path = NULL;
	struct intake in;
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
	rc = intake_read(path, NULL, &in, e);
	if (rc == 0)
		rc = imp_parse(in.text, in.len, path, u->units.h, hint, &r, e);
	char source[160] = "";
	if (rc == 0)
		intake_describe(&in, source, sizeof source);
	intake_free(&in);
	free(path);
	if (rc)
		return rc;
	/* The lead figures are the importer's, those `theodoi import` warns
	 * about: tasks naming no lead, lead names matching no unit (each
	 * warned once), tasks of a group of bodies. */
	snprintf(f->info, sizeof(f->info),
	         "%s%s: %zu nhiệm vụ, %zu chỉ tiêu, %zu cảnh báo; %zu nhiệm vụ chưa rõ đơn vị chủ "
	         "trì; %zu tên đơn vị chủ trì không xác định được (%zu nhiệm vụ); %zu nhiệm vụ "
	         "chung của nhiều cơ quan. Định dạng: %s.%s%s",
	         r->doc.number[0] ? "Văn bản " : "Văn bản không số", r->doc.number, r->ntasks,
	         r->nindicators, r->nwarnings, r->lead_tasks_none, r->lead_names_unresolved,
	         r->lead_tasks_unresolved, r->lead_tasks_group, source,
	         r->nwarnings ? " Cảnh báo đầu: " : "", r->nwarnings ? r->warnings[0].msg : "");
	imp_free(f->imp);
	f->imp = r;
	f->stage = 1;
	f->ptop = 0;
	return 0;
}

size_t ui_import_rows(const struct ui_form *f)
{
	const struct imp_result *r = f->imp;

	if (!r)
		return 0;
	return r->ntasks + (r->nwarnings ? 1 + r->nwarnings : 0);
}

/* One row of the preview: a task, or a warning. */
static void preview_row(struct ui *u, const struct imp_result *r, size_t i, struct sbuf *b,
                        int w, attr_t *a)
{
	const char *cells[4];
	int widths[4] = { 11, 24, 32, 0 };
	char *text;

	*a = A_NORMAL;
	if (w < 100) {
		widths[0] = 10;
		widths[1] = 16;
		widths[2] = 18;
	}
	if (i < r->ntasks) {
		const struct imp_task *t = &r->tasks[i];
		struct sbuf lead = { 0 };

		if (t->lead_unit)
			sbuf_puts(&lead, ui_unit_name(u, t->lead_unit));
		else if (t->lead && t->lead_group)
			sbuf_printf(&lead, "(chung) %s", t->lead);
		else if (t->lead)
			sbuf_printf(&lead, "? %s", t->lead);
		else
			sbuf_puts(&lead, "? (không ghi)");
		if (!t->lead_unit && !t->lead_group)
			*a = ui_attr(u, UC_WAIT);
		text = txt_sanitize(t->text ? t->text : "");
		cells[0] = t->section;
		cells[1] = lead.s;
		cells[2] = t->dl_phrase ? t->dl_phrase : "(không có thời hạn)";
		cells[3] = text;
		ui_fmt_cells(b, cells, widths, 4, w);
		free(text);
		sbuf_free(&lead);
		return;
	}
	i -= r->ntasks;
	if (i == 0) {
		sbuf_printf(b, "Cảnh báo (%zu):", r->nwarnings);
		*a = A_BOLD;
		return;
	}
	i--;
	if (r->warnings[i].line)
		sbuf_printf(b, "  dòng %d: ", r->warnings[i].line);
	else
		sbuf_puts(b, "  ");
	text = txt_sanitize(r->warnings[i].msg);
	sbuf_puts(b, text);
	free(text);
	*a = ui_attr(u, UC_MUTED);
}

void ui_import_draw(struct ui *u, struct ui_form *f, int y, int x, int h, int w)
{
	const struct imp_result *r = f->imp;
	size_t n = ui_import_rows(f), row;
	const char *cells[4] = { "Mục", "Chủ trì", "Thời hạn", "Nội dung" };
	int widths[4] = { 11, 24, 32, 0 }, k;
	struct sbuf b = { 0 };

	if (!r || h < 2)
		return;
	if (w < 100) {
		widths[0] = 10;
		widths[1] = 16;
		widths[2] = 18;
	}
	f->prows = h - 1;
	if (f->ptop + (size_t)f->prows > n)
		f->ptop = n > (size_t)f->prows ? n - (size_t)f->prows : 0;
	ui_fmt_cells(&b, cells, widths, 4, w);
	ui_put(y, x, w, b.s, ui_attr(u, UC_TITLE));
	for (k = 0; k < f->prows; k++) {
		attr_t a;

		row = f->ptop + (size_t)k;
		if (row >= n)
			break;
		sbuf_reset(&b);
		preview_row(u, r, row, &b, w, &a);
		ui_put(y + 1 + k, x, w, b.s, a);
	}
	if (n > (size_t)f->prows) {
		char pos[48];

		snprintf(pos, sizeof(pos), " %zu–%zu/%zu ", f->ptop + 1,
		         f->ptop + (size_t)k, n);
		ui_put_cut(y, x + w - txt_width(pos), txt_width(pos), pos, ui_attr(u, UC_TITLE));
	}
	sbuf_free(&b);
}

int ui_import_scroll(struct ui_form *f, struct ui_key k)
{
	size_t n = ui_import_rows(f), page = f->prows > 0 ? (size_t)f->prows : 1;
	size_t max = n > page ? n - page : 0;

	if (!k.fn)
		return 0;
	switch (k.ch) {
	case KEY_DOWN: f->ptop = f->ptop < max ? f->ptop + 1 : max; return 1;
	case KEY_UP: f->ptop = f->ptop ? f->ptop - 1 : 0; return 1;
	case KEY_NPAGE: f->ptop = f->ptop + page < max ? f->ptop + page : max; return 1;
	case KEY_PPAGE: f->ptop = f->ptop > page ? f->ptop - page : 0; return 1;
	case KEY_HOME: f->ptop = 0; return 1;
	case KEY_END: f->ptop = max; return 1;
	default: return 0;
	}
}

int ui_import_store(struct ui *u, struct ui_form *f, struct err *e)
{
	uint64_t doc = 0;
	uint32_t issuer = f->imp->doc.issuer_unit;
	size_t ntasks = f->imp->ntasks;
	char number[DOCNUM_LEN];
	int rc;

	str_copy(number, f->imp->doc.number, sizeof(number));
	struct imp_store_opts o = {0, 0, 0, u->units.h}; /* group tasks opened, as the CLI does */
	rc = imp_store_with(u->ops, f->imp, &o, &doc, NULL, e);
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
