/* ui-form-edit.c — the forms that correct records, for administrators
 * (and editors on the tasks their unit leads when [access] editors_edit
 * allows): E edits the selected document or task, M moves a task to
 * another document, D deletes a document or a task with a reason, Enter
 * in the view of what was deleted restores it, and a name of the
 * unresolved view is linked to the unit picked in the tree.
 *
 * Every form checks the actor first with the rules the command line uses
 * (ops_may, ops_require), shows the record's values to change, and saves
 * only what changed as one audited write of ops-edit.h or ops-link.h.
 * Units are typed as in the command line: a code, a name or an
 * abbreviation, or a name as the document's issuer would write it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "deadline.h"
#include "hier.h"
#include "import.h"
#include "ops-edit.h"
#include "ops-link.h"
#include "store-trash.h"
#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-form.h"
#include "util.h"

#define TEXT_MAX 20000  /* bytes of a task's text, as edit-task --text */
#define TITLE_MAX 2000  /* bytes of a document's title, as edit-doc --title */
#define REASON_MAX 2000 /* bytes of a reason for deleting */
#define TEXT_ROWS 3     /* lines a task's text shows, word-wrapped */

/* A text field holding `text` (NULL: empty) with the cursor at its end;
 * what it held is kept in f->orig[i] to tell what changed. */
static void field(struct ui_form *f, int i, const char *label, const char *text, size_t max,
                  int rows)
{
	struct ui_field *fd = &f->f[i];

	fd->kind = UFF_TEXT;
	fd->label = label;
	uil_init(&fd->line, text, max);
	fd->rows = rows;
	if (rows > 1 || max == TITLE_MAX)
		uil_home(&fd->line); /* a long text shows from its start */
	free(f->orig[i]);
	f->orig[i] = xstrdup(fd->line.s);
	if (i >= f->nf)
		f->nf = i + 1;
}

static int changed(const struct ui_form *f, int i)
{
	return strcmp(f->f[i].line.s, f->orig[i] ? f->orig[i] : "") != 0;
}

/* Name field i of the error e. */
static int in_field(const struct ui_form *f, int i, int rc, struct err *e)
{
	if (rc && e)
		str_copy(e->field, f->f[i].label, sizeof(e->field));
	return rc;
}

/* A unit typed by the user: a code, a name or an abbreviation, else a name
 * as a document of issuer `near` writes it. */
static int unit_typed(struct ui *u, const char *name, uint32_t near, uint32_t *id, struct err *e)
{
	const struct hier *h = u->units.h;
	size_t i = hier_find_code(h, name), cand[4], n;

	if (i == (size_t)-1)
		i = hier_resolve(h, name);
	if (i != (size_t)-1) {
		*id = hier_at(h, i)->id;
		return 0;
	}
	if (near && (*id = imp_resolve_unit(h, name, near)) != 0)
		return 0;
	n = hier_resolve_all(h, name, cand, 4);
	if (n > 1)
		return err_set(e, ERR_INPUT, "tên đơn vị '%s' không rõ, có thể là %s (%s) hoặc %s (%s); "
		               "hãy ghi mã đơn vị", name, hier_at(h, cand[0])->name,
		               hier_at(h, cand[0])->code, hier_at(h, cand[1])->name,
		               hier_at(h, cand[1])->code);
	return err_set(e, ERR_NOTFOUND, "không tìm thấy đơn vị '%s'", name);
}

/* A document typed by the user: its id (#12) or its number. */
static int doc_typed(struct ui *u, const char *s, uint64_t *id, struct err *e)
{
	struct txn *t;
	struct doc d;
	uint64_t *ids = NULL;
	long v;
	int n = 0, rc;

	if ((rc = store_read_begin(u->ops->st, &t, e)))
		return rc;
	memset(&d, 0, sizeof(d));
	if (str_to_long(*s == '#' ? s + 1 : s, 1, 0x7fffffffL, &v) == 0) {
		rc = store_doc_get(t, (uint64_t)v, &d, NULL);
		doc_free(&d);
		store_read_end(t);
		if (rc)
			return err_set(e, ERR_NOTFOUND, "không tìm thấy văn bản #%ld", v);
		*id = (uint64_t)v;
		return 0;
	}
	rc = store_docs_by_number(t, s, &ids, &n, e);
	store_read_end(t);
	if (rc == 0 && n == 1)
		*id = ids[0];
	else if (rc == 0 && n == 0)
		rc = err_set(e, ERR_NOTFOUND, "không tìm thấy văn bản số '%s'", s);
	else if (rc == 0)
		rc = err_set(e, ERR_INPUT, "có %d văn bản cùng số '%s': hãy ghi mã văn bản, ví dụ #%llu",
		             n, s, (unsigned long long)ids[0]);
	free(ids);
	return rc;
}

static void refused(struct ui *u, struct err *e)
{
	ui_msg(u, 1, "Không được phép: %s", e->msg[0] ? e->msg : "vai trò không cho phép");
}

/* What E, M and D act on: the selected document when the documents pane
 * has the focus (docs only for E and D), else the selected task of the
 * tasks pane or of a task list view.  0 when nothing fits (said why). */
static int target(struct ui *u, int docs_too, uint64_t *task, uint64_t *doc)
{
	*task = *doc = 0;
	if (ui_view_is_list(u->view)) {
		*task = ui_view_task(u);
		if (!*task)
			ui_msg(u, 1, "Dòng đang chọn không phải một nhiệm vụ.");
		return *task != 0;
	}
	if (u->view == UI_VIEW_PANES && u->focus == UI_DOCS && docs_too)
		*doc = ui_docs_selected(u);
	else if (u->view == UI_VIEW_PANES && u->focus == UI_TASKS)
		*task = ui_tasks_selected(u);
	if (!*task && !*doc)
		ui_msg(u, 1, docs_too ? "Hãy chọn một văn bản (khung Văn bản) hoặc một nhiệm vụ (khung "
		                        "Nhiệm vụ)."
		                      : "Hãy chọn một nhiệm vụ trong khung Nhiệm vụ.");
	return *task || *doc;
}

/* Read task id and its document's issuer, and check action a on it. */
static int load_task(struct ui *u, uint64_t id, enum perm_action a, struct task *tk,
                     struct doc *d)
{
	struct txn *t;
	struct err e;
	int rc;

	err_clear(&e);
	if ((rc = store_read_begin(u->ops->st, &t, &e)) == 0) {
		rc = store_task_get(t, id, tk, &e);
		if (rc == 0 && tk->doc_id)
			store_doc_get(t, tk->doc_id, d, NULL);
		store_read_end(t);
	}
	if (rc) {
		ui_msg_err(u, &e);
		return -1;
	}
	if (!ops_may(u->ops, a, tk, &e)) {
		refused(u, &e);
		return -1;
	}
	return 0;
}

static int load_doc(struct ui *u, uint64_t id, enum perm_action a, struct doc *d)
{
	struct txn *t;
	struct err e;
	int rc;

	err_clear(&e);
	if (ops_require(u->ops, a, &e) != 0) {
		refused(u, &e);
		return -1;
	}
	if ((rc = store_read_begin(u->ops->st, &t, &e)) == 0) {
		rc = store_doc_get(t, id, d, &e);
		store_read_end(t);
	}
	if (rc) {
		ui_msg_err(u, &e);
		return -1;
	}
	return 0;
}

/* "Ban A; Ban B": a task's partners as written, else the names of its
 * partner units. */
static char *partners_of(struct ui *u, const struct task *tk)
{
	struct sbuf b = { 0 };
	int i;

	if (tk->partners_text && *tk->partners_text)
		return xstrdup(tk->partners_text);
	for (i = 0; i < tk->npartners; i++)
		sbuf_printf(&b, "%s%s", i ? "; " : "", ui_unit_name(u, tk->partners[i]));
	return b.s ? sbuf_detach(&b) : xstrdup("");
}

static const char *doc_label(const struct doc *d, char *buf, size_t len)
{
	snprintf(buf, len, "%s", d->number[0] ? d->number : "(không số)");
	return buf;
}

static void task_form(struct ui *u, struct ui_form *f, const struct task *tk, const struct doc *d)
{
	char num[DOCNUM_LEN + 16], *partners = partners_of(u, tk);

	f->kind = UF_EDIT_TASK;
	f->unit = d->issuer;
	snprintf(f->title, sizeof(f->title), "Sửa nhiệm vụ #%llu (văn bản %s)",
	         (unsigned long long)tk->id, tk->doc_id ? doc_label(d, num, sizeof(num)) : "không có");
	field(f, 0, "Nội dung", tk->text, TEXT_MAX, TEXT_ROWS);
	field(f, 1, "Mục", tk->section, SECTION_LEN - 1, 0);
	field(f, 2, "Chủ trì", tk->lead ? ui_unit_name(u, tk->lead) : tk->lead_text, 1000, 0);
	field(f, 3, "Phối hợp", partners, 4000, 0);
	f->f[2].units = 1;
	f->f[3].units = 2;
	field(f, 4, "Thời hạn", tk->dl_phrase, 1000, 0);
	free(partners);
}

static void doc_form(struct ui *u, struct ui_form *f, const struct doc *d)
{
	struct sbuf impl = { 0 };
	char date[16] = "", due[16] = "";
	int i;

	f->kind = UF_EDIT_DOC;
	f->doc = d->id;
	snprintf(f->title, sizeof(f->title), "Sửa văn bản #%llu", (unsigned long long)d->id);
	for (i = 0; i < d->nimplements; i++)
		sbuf_printf(&impl, "%s%s", i ? ", " : "", d->implements[i]);
	if (d->date != DATE_NONE)
		date_vn(d->date, date);
	if (d->plan_due != DATE_NONE)
		date_vn(d->plan_due, due);
	field(f, 0, "Số", d->number, DOCNUM_LEN - 1, 0);
	field(f, 1, "Loại", d->kind, DOCKIND_LEN - 1, 0);
	field(f, 2, "Ngày", date, 10, 0);
	field(f, 3, "Ban hành", d->issuer ? ui_unit_name(u, d->issuer) : d->issuer_text, 1000, 0);
	f->f[3].units = 1;
	field(f, 4, "Thực hiện", impl.s, 2000, 0);
	field(f, 5, "Trích yếu", d->title, TITLE_MAX, 0);
	field(f, 6, "Hạn kế hoạch", due, 10, 0);
	sbuf_free(&impl);
}

/* D: a reason (required) and whether work already recorded goes too. */
static void delete_form(struct ui_form *f)
{
	field(f, 0, "Lý do", NULL, REASON_MAX, 3);
	f->f[1].kind = UFF_CHOICE;
	f->f[1].label = "Có kết quả";
	f->f[1].choices[0] = "không xóa nếu đã có kết quả";
	f->f[1].choices[1] = "vẫn xóa (kết quả giữ cùng bản ghi)";
	f->f[1].nchoices = 2;
	f->nf = 2;
}

int ui_form_edit_build(struct ui *u, struct ui_form *f)
{
	uint64_t task, doc;
	struct task tk;
	struct doc d;
	char num[DOCNUM_LEN + 16];
	int rc = -1;

	if (!target(u, f->kind != UF_MOVE, &task, &doc))
		return -1;
	memset(&tk, 0, sizeof(tk));
	memset(&d, 0, sizeof(d));
	if (doc) {
		if (load_doc(u, doc, f->kind == UF_EDIT ? PA_EDIT : PA_DELETE, &d) == 0) {
			rc = 0;
			if (f->kind == UF_EDIT) {
				doc_form(u, f, &d);
			} else {
				f->kind = UF_DELETE_DOC;
				f->doc = doc;
				snprintf(f->title, sizeof(f->title), "Xóa văn bản #%llu số %s (cùng các nhiệm "
				         "vụ, chỉ tiêu của nó)", (unsigned long long)doc,
				         doc_label(&d, num, sizeof(num)));
				delete_form(f);
			}
		}
		doc_free(&d);
		return rc;
	}
	if (f->kind == UF_MOVE) {
		/* moving between documents is for those who edit documents, as
		 * ops_edit_task decides */
		struct err e;

		err_clear(&e);
		if (ops_require(u->ops, PA_EDIT, &e) != 0) {
			refused(u, &e);
			return -1;
		}
	}
	if (load_task(u, task, f->kind == UF_DELETE ? PA_DELETE : PA_EDIT, &tk, &d) == 0) {
		rc = 0;
		f->task = task;
		if (f->kind == UF_EDIT) {
			task_form(u, f, &tk, &d);
		} else if (f->kind == UF_MOVE) {
			snprintf(f->title, sizeof(f->title), "Chuyển nhiệm vụ #%llu (đang ở văn bản %s) "
			         "sang văn bản khác", (unsigned long long)task,
			         tk.doc_id ? doc_label(&d, num, sizeof(num)) : "không có");
			field(f, 0, "Sang văn bản", NULL, DOCNUM_LEN + 1, 0);
			str_copy(f->info, "Ghi số văn bản (52-CTr/TU) hoặc mã văn bản (#12). Nhiệm vụ "
			         "chuyển đi cùng lịch sử cập nhật, gia hạn.", sizeof(f->info));
		} else {
			f->kind = UF_DELETE_TASK;
			snprintf(f->title, sizeof(f->title), "Xóa nhiệm vụ #%llu (mục %s)",
			         (unsigned long long)task, tk.section);
			delete_form(f);
		}
	}
	task_free(&tk);
	doc_free(&d);
	return rc;
}

/* ---- saving ---- */

static int save_task(struct ui *u, struct ui_form *f, struct err *e)
{
	struct ops_task_edit ed;
	struct deadline dl;
	struct sbuf names = { 0 };
	uint32_t *pids = NULL;
	char *text = NULL, *phrase = NULL;
	int rc = 0, n = 0;

	memset(&ed, 0, sizeof(ed));
	if (changed(f, 0) && !(rc = in_field(f, 0, txt_clean_input(f->f[0].line.s, TEXT_MAX, 1,
	                                                           &text, e), e))) {
		if (!*text)
			rc = in_field(f, 0, err_set(e, ERR_INPUT, "nội dung nhiệm vụ không được để trống"), e);
		ed.text = text;
	}
	if (!rc && changed(f, 1))
		ed.section = f->f[1].line.s;
	if (!rc && changed(f, 2)) {
		ed.set_lead = 1;
		if (f->f[2].line.len) {
			ed.lead_text = f->f[2].line.s;
			rc = in_field(f, 2, unit_typed(u, f->f[2].line.s, f->unit, &ed.lead, e), e);
		}
	}
	if (!rc && changed(f, 3)) {
		char *copy = xstrdup(f->f[3].line.s), *save = NULL, *tok;

		ed.set_partners = 1;
		for (tok = strtok_r(copy, ",;", &save); tok && !rc; tok = strtok_r(NULL, ",;", &save)) {
			char *name = txt_trim(tok, strlen(tok), NULL);
			uint32_t id;

			if (*name && !(rc = in_field(f, 3, unit_typed(u, name, f->unit, &id, e), e))) {
				pids = xrealloc(pids, (size_t)(n + 1) * sizeof(*pids));
				pids[n++] = id;
				sbuf_printf(&names, "%s%s", names.len ? "; " : "", name);
			}
			free(name);
		}
		free(copy);
		ed.npartners = n;
		ed.partners = pids;
		ed.partners_text = names.s;
	}
	if (!rc && changed(f, 4)) {
		dl_init(&dl);
		rc = txt_clean_input(f->f[4].line.s, 1000, 0, &phrase, e);
		if (!rc && !dl_parse(phrase, &dl))
			rc = err_set(e, ERR_INPUT, "không hiểu thời hạn '%s' (ví dụ: \"hoàn thành trong quý "
			             "II/2027\", \"trước ngày 30/6/2027\", \"thực hiện thường xuyên\")",
			             f->f[4].line.s);
		rc = in_field(f, 4, rc, e);
		ed.dl_phrase = phrase;
		ed.dl = &dl;
	}
	if (!rc && !ed.text && !ed.section && !ed.set_lead && !ed.set_partners && !ed.dl_phrase)
		rc = err_set(e, ERR_INPUT, "chưa sửa gì để lưu");
	if (!rc && (rc = ops_edit_task(u->ops, f->task, &ed, e)) == 0)
		ui_msg(u, 0, "Đã sửa nhiệm vụ #%llu.", (unsigned long long)f->task);
	free(text);
	free(phrase);
	free(pids);
	sbuf_free(&names);
	return rc;
}

/* A date field of the document form: empty clears it. */
static int date_of(const struct ui_form *f, int i, date_t *d, struct err *e)
{
	*d = DATE_NONE;
	if (f->f[i].line.len == 0)
		return 0;
	return in_field(f, i, date_parse(f->f[i].line.s, d, e), e);
}

static int save_doc(struct ui *u, struct ui_form *f, struct err *e)
{
	struct ops_doc_edit ed;
	char (*impl)[DOCNUM_LEN] = NULL, *title = NULL;
	int rc = 0, any = 0;

	memset(&ed, 0, sizeof(ed));
	if (changed(f, 0)) {
		ed.number = f->f[0].line.s;
		any = 1;
	}
	if (changed(f, 1)) {
		ed.kind = f->f[1].line.s;
		any = 1;
	}
	if (changed(f, 2)) {
		ed.set_date = any = 1;
		rc = date_of(f, 2, &ed.date, e);
	}
	if (!rc && changed(f, 3)) {
		ed.set_issuer = any = 1;
		if (f->f[3].line.len == 0)
			rc = in_field(f, 3, err_set(e, ERR_INPUT, "cần ghi cơ quan ban hành"), e);
		else
			rc = in_field(f, 3, unit_typed(u, f->f[3].line.s, 0, &ed.issuer, e), e);
	}
	if (!rc && changed(f, 4)) {
		char *copy = xstrdup(f->f[4].line.s), *save = NULL, *tok;

		ed.set_implements = any = 1;
		for (tok = strtok_r(copy, ",;", &save); tok && !rc; tok = strtok_r(NULL, ",;", &save)) {
			char *num = txt_trim(tok, strlen(tok), NULL);

			if (strlen(num) >= DOCNUM_LEN) {
				rc = in_field(f, 4, err_set(e, ERR_INPUT, "số văn bản quá dài: '%s'", num), e);
			} else if (*num) {
				impl = xrealloc(impl, (size_t)(ed.nimplements + 1) * sizeof(*impl));
				str_copy(impl[ed.nimplements++], num, DOCNUM_LEN);
			}
			free(num);
		}
		free(copy);
		ed.implements = (const char (*)[DOCNUM_LEN])impl;
	}
	if (!rc && changed(f, 5)) {
		any = 1;
		rc = in_field(f, 5, txt_clean_input(f->f[5].line.s, TITLE_MAX, 0, &title, e), e);
		ed.title = title;
	}
	if (!rc && changed(f, 6)) {
		ed.set_plan_due = any = 1;
		rc = date_of(f, 6, &ed.plan_due, e);
	}
	if (!rc && !any)
		rc = err_set(e, ERR_INPUT, "chưa sửa gì để lưu");
	if (!rc && (rc = ops_edit_doc(u->ops, f->doc, &ed, e)) == 0)
		ui_msg(u, 0, "Đã sửa văn bản #%llu.", (unsigned long long)f->doc);
	free(impl);
	free(title);
	return rc;
}

static int save_move(struct ui *u, struct ui_form *f, struct err *e)
{
	struct ops_task_edit ed;
	int rc;

	memset(&ed, 0, sizeof(ed));
	if (f->f[0].line.len == 0)
		return in_field(f, 0, err_set(e, ERR_INPUT, "cần ghi văn bản chuyển đến"), e);
	if ((rc = in_field(f, 0, doc_typed(u, f->f[0].line.s, &ed.doc, e), e)))
		return rc;
	rc = ops_edit_task(u->ops, f->task, &ed, e);
	if (rc == 0)
		ui_msg(u, 0, "Đã chuyển nhiệm vụ #%llu sang văn bản #%llu.", (unsigned long long)f->task,
		       (unsigned long long)ed.doc);
	return rc;
}

static int save_delete(struct ui *u, struct ui_form *f, struct err *e)
{
	int doc = f->kind == UF_DELETE_DOC, rc;
	uint64_t id = doc ? f->doc : f->task;
	char *reason = NULL;
	size_t n = 0;

	rc = in_field(f, 0, txt_clean_input(f->f[0].line.s, REASON_MAX, 1, &reason, e), e);
	if (!rc && !*reason)
		rc = in_field(f, 0, err_set(e, ERR_INPUT, "cần ghi lý do xóa"), e);
	if (!rc)
		rc = ops_delete(u->ops, doc ? TRASH_DOC : TRASH_TASK, id, reason, f->f[1].choice == 1,
		                &n, e);
	if (rc == ERR_CONFLICT) /* the form's word for the command's --force */
		in_field(f, 1, err_set(e, ERR_CONFLICT, "%s #%llu đã có kết quả được ghi nhận (cập nhật, "
		                       "hoàn thành hoặc xác nhận): chọn “vẫn xóa” để xóa cả những kết quả "
		                       "đó (vẫn khôi phục được)", doc ? "văn bản" : "nhiệm vụ",
		                       (unsigned long long)id), e);
	if (rc == 0 && doc)
		ui_msg(u, 0, "Đã xóa văn bản #%llu cùng %zu nhiệm vụ (khôi phục: R).",
		       (unsigned long long)id, n);
	else if (rc == 0)
		ui_msg(u, 0, "Đã xóa nhiệm vụ #%llu (khôi phục: R).", (unsigned long long)id);
	free(reason);
	return rc;
}

static int save_restore(struct ui *u, struct ui_form *f, struct err *e)
{
	int rc = ops_restore(u->ops, (enum trash_kind)f->rkind, f->rid, e);

	if (rc == 0)
		ui_msg(u, 0, "Đã khôi phục %s #%llu.", f->rkind == TRASH_DOC ? "văn bản" : "nhiệm vụ",
		       (unsigned long long)f->rid);
	return rc;
}

static int save_link(struct ui *u, struct ui_form *f, struct err *e)
{
	size_t nt = 0, nd = 0;
	int rc = ops_link(u->ops, f->name, f->unit, &nt, &nd, e);

	if (rc)
		return rc;
	/* back to the names left to link */
	ui_pick_end(u);
	ui_view_open_act(u, UA_UNRESOLVED);
	ui_msg(u, 0, "Đã gắn “%s” với %s: %zu nhiệm vụ, %zu văn bản; tên được nhớ cho lần nhập sau.",
	       f->name, ui_unit_name(u, f->unit), nt, nd);
	return 0;
}

int ui_form_edit_save(struct ui *u, struct ui_form *f, struct err *e)
{
	switch (f->kind) {
	case UF_EDIT_TASK: return save_task(u, f, e);
	case UF_EDIT_DOC: return save_doc(u, f, e);
	case UF_MOVE: return save_move(u, f, e);
	case UF_DELETE_TASK: case UF_DELETE_DOC: return save_delete(u, f, e);
	case UF_RESTORE: return save_restore(u, f, e);
	case UF_LINK: return save_link(u, f, e);
	default: return err_set(e, ERR_INPUT, "biểu mẫu không lưu được");
	}
}

/* ---- a unit picked in the tree for a field ---- */

/* What the field gets for a unit: its name when the name finds it again
 * (unit_typed), else its code. */
static const char *unit_words(struct ui *u, uint32_t unit)
{
	const struct hier *h = u->units.h;
	size_t i = hier_find_id(h, unit);

	if (i == (size_t)-1)
		return "";
	if (hier_find_code(h, hier_at(h, i)->name) == (size_t)-1 &&
	    hier_resolve(h, hier_at(h, i)->name) == i)
		return hier_at(h, i)->name;
	return hier_at(h, i)->code;
}

static int picked_for_field(struct ui *u, const char *arg, uint32_t unit)
{
	(void)arg;
	ui_form_pick_back(u, unit);
	return 0;
}

void ui_form_pick_unit(struct ui *u)
{
	struct ui_form *f = u->form;
	int view = u->view, focus = u->focus;
	uint32_t unit0 = ui_units_selected(u);
	char prompt[300];

	if (!f)
		return;
	if (!ui_view_is_list(view))
		view = UI_VIEW_PANES; /* a text view is not kept under the pick */
	snprintf(prompt, sizeof(prompt), "Chọn đơn vị cho trường “%s” trong cây: Enter để chọn, "
	         "Space để mở/đóng, / để tìm, Esc để trở lại biểu mẫu.", f->f[f->cur].label);
	u->form = NULL;
	/* the list view under the form stays as it is, to come back to */
	if (ui_view_is_list(u->view))
		u->view = UI_VIEW_PANES;
	ui_pick_start(u, "", picked_for_field, UA_NONE, prompt);
	u->pick.form = f;
	u->pick.field = f->cur;
	u->pick.view = view;
	u->pick.focus = focus;
	u->pick.unit0 = unit0;
}

void ui_form_pick_back(struct ui *u, uint32_t unit)
{
	struct ui_form *f = u->pick.form;
	struct ui_field *fd;
	const char *name;

	if (!f)
		return;
	u->pick.form = NULL;
	fd = &f->f[u->pick.field];
	if (unit && *(name = unit_words(u, unit))) {
		if (fd->units == 2 && fd->line.len) {
			struct sbuf b = { 0 };

			sbuf_printf(&b, "%s; %s", fd->line.s, name);
			uil_set(&fd->line, b.s);
			sbuf_free(&b);
		} else {
			uil_set(&fd->line, name);
		}
		uil_end(&fd->line);
		fd->fresh = 0;
	}
	if (u->pick.unit0)
		ui_units_reveal(u, u->pick.unit0);
	u->focus = u->pick.focus;
	u->view = u->pick.view;
	ui_pick_end(u);
	u->form = f;
	ui_msg(u, 0, unit ? "Đã chọn %s cho trường “%s”: Enter để lưu biểu mẫu."
	                  : "Không chọn đơn vị nào%s; trường “%s” giữ như cũ.",
	       unit ? ui_unit_name(u, unit) : "", fd->label);
}

/* ---- the forms that only ask ---- */

static struct ui_form *asking_form(struct ui *u, int kind, enum perm_action a)
{
	struct ui_form *f;
	struct err e;

	err_clear(&e);
	if (u->form)
		return NULL;
	if (ops_require(u->ops, a, &e) != 0) {
		refused(u, &e);
		return NULL;
	}
	f = xcalloc(1, sizeof(*f));
	f->kind = kind;
	return f;
}

int ui_form_open_restore(struct ui *u, int kind, uint64_t id, const char *what)
{
	struct ui_form *f = asking_form(u, UF_RESTORE, PA_DELETE);

	if (!f)
		return 0;
	f->rkind = kind;
	f->rid = id;
	snprintf(f->title, sizeof(f->title), "Khôi phục %s #%llu?",
	         kind == TRASH_DOC ? "văn bản" : "nhiệm vụ", (unsigned long long)id);
	snprintf(f->info, sizeof(f->info), "%s — trở lại mọi danh sách và số liệu với mã, lịch sử "
	         "cập nhật và gia hạn như cũ.", what);
	u->form = f;
	return 1;
}

int ui_form_open_link(struct ui *u, const char *name, uint32_t unit)
{
	struct ui_form *f = asking_form(u, UF_LINK, PA_HIERARCHY);
	const struct unit *un = hier_unit(u->units.h, unit);

	if (!f)
		return 0;
	f->name = xstrdup(name);
	f->unit = unit;
	snprintf(f->title, sizeof(f->title), "Gắn “%s” với %s (%s)?", name, ui_unit_name(u, unit),
	         un ? un->code : "?");
	str_copy(f->info, "Mọi nhiệm vụ, văn bản ghi tên này (chủ trì, phối hợp, ban hành) được gắn "
	         "với đơn vị; tên được nhớ để lần nhập sau tự hiểu.", sizeof(f->info));
	u->form = f;
	return 1;
}
