/* ui-import.c — the `i` form's steps: read and parse a plan's text
 * file into a preview, then store it and show it in the panes.  A file
 * that repeats a stored document (or replaces the document chosen in the
 * form) is previewed as the difference `theodoi import --replace
 * --dry-run` prints (imp_diff_text, word-wrapped), and stored as `import
 * --replace` stores it (imp_store_with); removing tasks that carry
 * recorded work asks first, and yes is --force.  A new document is
 * previewed as every task with its section, lead, deadline and text, then
 * the warnings, scrolled with the arrows.  The work is import.h's and
 * intake.h's (Word, OpenDocument, PDF and legacy encodings); this file
 * only reports.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "intake.h"
#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "ui-form.h"
#include "util.h"

/* The difference with the stored document the file replaces, and its text
 * as imp_diff_text words it, wrapped to the preview's width: each
 * paragraph keeps its indentation, its continuation lines two more. */
struct ui_reimport {
	struct imp_diff *d;
	char *text;
	struct diff_row {
		size_t off, len;      /* in text */
		int indent;
		int kind;             /* 0 a task, 1 a heading, 2 work to be deleted */
	} *rows;
	size_t nrows, cap;
	int width;                /* rows wrapped at this width; 0: not yet */
};

static void reimport_free(struct ui_reimport *re)
{
	if (!re)
		return;
	imp_diff_free(re->d);
	free(re->text);
	free(re->rows);
	free(re);
}

void ui_import_reset(struct ui_form *f)
{
	imp_free(f->imp);
	f->imp = NULL;
	reimport_free(f->re);
	f->re = NULL;
	f->stage = 0;
	f->ptop = 0;
	f->info[0] = '\0';
}

void ui_import_target_field(struct ui *u, struct ui_form *f, struct ui_field *fd)
{
	struct txn *t;

	fd->kind = UFF_CHOICE;
	fd->label = "Thay";
	fd->choices[0] = "văn bản đã có cùng số và cơ quan ban hành";
	fd->nchoices = 1;
	f->doc = 0;
	if (store_read_begin(u->ops->st, &t, NULL) != 0)
		return;
	uint64_t id = ui_pointed_doc(u, t);
	struct doc d = { 0 };
	if (id && store_doc_get(t, id, &d, NULL) == 0) {
		f->doc = id;
		snprintf(f->doc_label, sizeof(f->doc_label), "văn bản đang chọn: #%llu %s",
		         (unsigned long long)id, d.number[0] ? d.number : "(không số)");
		fd->choices[1] = f->doc_label;
		fd->nchoices = 2;
	}
	doc_free(&d);
	store_read_end(t);
}

/* What the file would replace, in one read transaction: the difference
 * `import --replace --dry-run` shows (f->re), or nothing for a new
 * document.  A refusal (another document over the chosen one, several
 * that match) is told in the form's info lines, with the way out. */
static int preview_replace(struct ui *u, struct ui_form *f, struct imp_result *r, struct err *e)
{
	uint64_t target = f->f[2].choice == 1 ? f->doc : 0;
	struct imp_store_opts o = { 1, target, 0, u->units.h };
	struct imp_diff *d = NULL;
	int rc = imp_replace_preview(u->ops->st, r, &o, &d, e);

	if (rc) {
		struct sbuf b = { 0 };
		if (target)
			sbuf_printf(&b, "%s. Chỉ làm được bằng lệnh import --replace --doc %llu --force.",
			            e->msg, (unsigned long long)target);
		else
			sbuf_printf(&b, "%s. Chọn văn bản cần thay ở khung Văn bản, mở lại biểu mẫu (i) "
			            "và chọn “văn bản đang chọn”.", e->msg);
		str_copy(f->info, b.s, sizeof(f->info));
		sbuf_free(&b);
		return err_set(e, rc, "Không thay được: lý do ở trên");
	}
	if (!d->doc) {
		imp_diff_free(d);
		return 0;
	}
	struct sbuf b = { 0 };
	imp_diff_text(d, r, u->units.h, &b);
	f->re = xcalloc(1, sizeof *f->re);
	f->re->d = d;
	f->re->text = sbuf_detach(&b);
	return 0;
}

int ui_import_parse(struct ui *u, struct ui_form *f, struct err *e)
{
	char *path = NULL;
	struct intake in;
	uint32_t hint = f->f[1].choice == 1 ? ui_units_selected(u) : 0;
	struct imp_result *r = NULL;
	int rc;

	ui_import_reset(f);
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
		r->converted = in.format != IN_TEXT;
	if (rc == 0)
		intake_describe(&in, source, sizeof source);
	intake_free(&in);
	free(path);
	if (rc == 0 && (rc = preview_replace(u, f, r, e)) != 0)
		imp_free(r);
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
	f->imp = r;
	f->stage = 1;
	f->ptop = 0;
	return 0;
}

/* ---- the difference, wrapped ------------------------------------------ */

struct wrap_ctx {
	struct ui_reimport *re;
	const char *para;
	int indent, kind, first;
};

static int wrap_line(const char *line, size_t len, void *ctx)
{
	struct wrap_ctx *w = ctx;
	struct ui_reimport *re = w->re;

	if (re->nrows == re->cap) {
		re->cap = re->cap ? 2 * re->cap : 64;
		re->rows = xrealloc(re->rows, re->cap * sizeof *re->rows);
	}
	re->rows[re->nrows++] = (struct diff_row){ (size_t)(line - re->text), len,
	                                           w->indent + (w->first ? 0 : 2), w->kind };
	w->first = 0;
	return 0;
}

/* Wrap the difference's paragraphs to `width` columns (once per width). */
static void reimport_wrap(struct ui_reimport *re, int width)
{
	if (re->width == width)
		return;
	re->width = width;
	re->nrows = 0;
	for (char *p = re->text; p && *p;) {
		char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		struct wrap_ctx w = { re, p, 0, 0, 1 };
		char save = p[n];

		while (w.indent < (int)n && p[w.indent] == ' ')
			w.indent++;
		/* headings and the closing note start at the margin; a task
		 * removed with its recorded work is marked */
		w.kind = w.indent == 0 ? 1 : strstr(p, "[đã ghi nhận kết quả]") &&
		         (size_t)(strstr(p, "[đã ghi nhận kết quả]") - p) < n ? 2 : 0;
		p[n] = '\0';
		if (n > (size_t)w.indent)
			txt_wrap(p + w.indent, width - w.indent - 2 > 8 ? width - w.indent - 2 : 8,
			         wrap_line, &w);
		else
			wrap_line(p + n, 0, &w);
		p[n] = save;
		p += n + (end != NULL);
	}
}

size_t ui_import_rows(const struct ui_form *f)
{
	const struct imp_result *r = f->imp;
	size_t n;

	if (!r)
		return 0;
	n = f->re ? (f->re->width ? f->re->nrows : 1) : r->ntasks;
	return n + (r->nwarnings ? 1 + r->nwarnings : 0);
}

/* Row i of the warnings: their heading, then each. */
static void warning_row(struct ui *u, const struct imp_result *r, size_t i, struct sbuf *b,
                        attr_t *a)
{
	char *text;

	if (i == 0) {
		sbuf_printf(b, "Cảnh báo (%zu):", r->nwarnings);
		*a = A_BOLD;
		return;
	}
	i--;
	sbuf_puts(b, "  ");
	size_t at = b->len;
	imp_warning_where(r, i, 0, b);
	if (b->len > at)
		sbuf_puts(b, ": ");
	text = txt_sanitize(r->warnings[i].msg);
	sbuf_puts(b, text);
	free(text);
	*a = ui_attr(u, UC_MUTED);
}

/* Row i of the difference's preview. */
static void diff_row(struct ui *u, const struct ui_form *f, size_t i, struct sbuf *b, attr_t *a)
{
	const struct ui_reimport *re = f->re;

	if (i >= re->nrows) {
		warning_row(u, f->imp, i - re->nrows, b, a);
		return;
	}
	const struct diff_row *row = &re->rows[i];
	char *cut = xstrndup(re->text + row->off, row->len);
	char *text = txt_sanitize(cut);

	sbuf_printf(b, "%*s%s", row->indent, "", text);
	*a = row->kind == 1 ? A_BOLD : row->kind == 2 ? ui_attr(u, UC_ERROR) : A_NORMAL;
	free(text);
	free(cut);
}

/* One row of the preview of a new document: a task, or a warning. */
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
	if (i >= r->ntasks) {
		warning_row(u, r, i - r->ntasks, b, a);
		return;
	}
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
}

void ui_import_draw(struct ui *u, struct ui_form *f, int y, int x, int h, int w)
{
	const struct imp_result *r = f->imp;
	size_t n, row;
	const char *cells[4] = { "Mục", "Chủ trì", "Thời hạn", "Nội dung" };
	int widths[4] = { 11, 24, 32, 0 }, k;
	struct sbuf b = { 0 };

	if (!r || h < 2)
		return;
	if (f->re)
		reimport_wrap(f->re, w);
	n = ui_import_rows(f);
	if (w < 100) {
		widths[0] = 10;
		widths[1] = 16;
		widths[2] = 18;
	}
	f->prows = h - 1;
	if (f->ptop + (size_t)f->prows > n)
		f->ptop = n > (size_t)f->prows ? n - (size_t)f->prows : 0;
	if (f->re)
		sbuf_puts(&b, "Thay đổi so với văn bản đã lưu (như import --replace --dry-run):");
	else
		ui_fmt_cells(&b, cells, widths, 4, w);
	ui_put(y, x, w, b.s, ui_attr(u, UC_TITLE));
	for (k = 0; k < f->prows; k++) {
		attr_t a = A_NORMAL;

		row = f->ptop + (size_t)k;
		if (row >= n)
			break;
		sbuf_reset(&b);
		if (f->re)
			diff_row(u, f, row, &b, &a);
		else
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

const char *ui_import_hint(const struct ui_form *f)
{
	if (f->stage == 0)
		return "Enter: đọc tệp và xem trước · Tab: trường sau · Esc: hủy";
	return f->re ? "↑/↓ PgUp/PgDn: xem · Enter: thay văn bản đã lưu · Esc: hủy"
	             : "↑/↓ PgUp/PgDn: xem · Enter: lưu vào kho · Esc: hủy";
}

int ui_import_confirm(struct ui_form *f, struct ui_key k)
{
	f->err[0] = '\0';
	if (!k.fn && (k.ch == 'c' || k.ch == 'C'))
		return 1;
	f->stage = 1;
	str_copy(f->err, "Chưa lưu gì: nhiệm vụ đã ghi nhận kết quả vẫn giữ nguyên.", sizeof(f->err));
	return 0;
}

int ui_import_store(struct ui *u, struct ui_form *f, struct err *e)
{
	const struct imp_diff *pd = f->re ? f->re->d : NULL;
	uint64_t doc = 0;
	uint32_t issuer = f->imp->doc.issuer_unit;
	size_t ntasks = f->imp->ntasks;
	char number[DOCNUM_LEN];
	struct imp_diff *done = NULL;
	int rc;

	/* the document previewed, no other: a new one is stored without
	 * replacing (one stored meanwhile is refused), a re-import replaces the
	 * document its difference was read against */
	struct imp_store_opts o = { pd != NULL, pd ? pd->doc : 0, 0, u->units.h };
	if (pd && pd->worked && f->stage == 1) {
		f->stage = 2;
		snprintf(f->err, sizeof(f->err), "Xóa cả %zu nhiệm vụ đã ghi nhận kết quả (như "
		         "--force)? c: có · khác: không", pd->worked);
		return 1;
	}
	o.force = f->stage == 2;
	f->stage = 1;
	str_copy(number, f->imp->doc.number[0] || !pd ? f->imp->doc.number : pd->old_doc.number,
	         sizeof(number));
	rc = imp_store_with(u->ops, f->imp, &o, &doc, &done, e);
	if (rc == ERR_CONFLICT && !pd) {
		char why[sizeof e->msg];
		str_copy(why, e->msg, sizeof why); /* stored meanwhile by someone else */
		ui_import_reset(f);
		return err_set(e, rc, "%s — Enter: đọc lại tệp và xem những gì sẽ thay", why);
	}
	if (rc)
		return rc;
	ui_reload(u);
	/* Show the document: its issuer selected, documents as issued. */
	if (issuer)
		ui_units_reveal(u, issuer);
	u->docs.assigned = 0;
	u->docs.built = 0;
	u->docs.want = doc;
	u->focus = UI_DOCS;
	u->view = UI_VIEW_PANES;
	if (pd)
		ui_msg(u, 0, "Đã thay văn bản %s (#%llu): giữ nguyên %zu, sửa %zu, xóa %zu, thêm %zu "
		       "nhiệm vụ.", number[0] ? number : "(không số)", (unsigned long long)doc,
		       done->kept, done->changed, done->removed, done->added);
	else
		ui_msg(u, 0, "Đã nhập văn bản %s: %zu nhiệm vụ.", number[0] ? number : "(không số)",
		       ntasks);
	imp_diff_free(done);
	return 0;
}
