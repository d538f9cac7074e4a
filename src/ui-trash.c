/* ui-trash.c — what was deleted (`R`, "đã xóa"): the documents and tasks
 * deleted with a reason (ops_delete), documents first, as `theodoi
 * deleted` lists them: the record, who deleted it, when and why.  Enter
 * asks an administrator to restore the selected one (ops_restore,
 * ui-form-edit.c), under its own id with its history.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit-text.h"
#include "store-trash.h"
#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "ui-form.h"
#include "util.h"

struct trash_row {
	int kind;                /* enum trash_kind */
	uint64_t id, doc;
	char number[DOCNUM_LEN];
	char *text, *login, *when, *reason; /* sanitised; owned */
	size_t ntasks;
};

struct trashv {
	int built;
	struct trash_row *v;
	size_t cap;
	struct ui_list l;
};

static struct trashv *st(struct ui *u)
{
	return ui_view_state(u, UI_VIEW_TRASH, sizeof(struct trashv));
}

static const struct trashv *cst(const struct ui *u)
{
	static const struct trashv none;

	return u->vstate[UI_VIEW_TRASH] ? u->vstate[UI_VIEW_TRASH] : &none;
}

static void rows_free(struct trashv *s)
{
	size_t i;

	for (i = 0; i < s->l.n; i++) {
		free(s->v[i].text);
		free(s->v[i].login);
		free(s->v[i].when);
		free(s->v[i].reason);
	}
	free(s->v);
	s->v = NULL;
	s->cap = s->l.n = 0;
}

static void trash_free(struct ui *u)
{
	struct trashv *s = u->vstate[UI_VIEW_TRASH];

	if (!s)
		return;
	rows_free(s);
	memset(s, 0, sizeof(*s));
}

static int trash_open(struct ui *u, const struct ui_view_where *w)
{
	(void)u;
	(void)w;
	return 0;
}

/* A string member of the note, sanitised ("" when absent). */
static char *note_str(json_t *n, const char *key)
{
	const char *v = json_string_value(json_object_get(n, key));

	return txt_sanitize(v ? v : "");
}

static int add_row(const struct trash_entry *x, void *ctx)
{
	struct trashv *s = ctx;
	struct trash_row *r;
	json_t *n = json_loads(x->note ? x->note : "{}", 0, NULL);
	char *when, buf[40];

	if (s->l.n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 32;
		s->v = xrealloc(s->v, s->cap * sizeof(*s->v));
	}
	r = &s->v[s->l.n++];
	memset(r, 0, sizeof(*r));
	r->kind = x->kind;
	r->id = x->id;
	r->doc = x->doc;
	str_copy(r->number, x->number ? x->number : "", sizeof(r->number));
	r->text = txt_sanitize(x->text ? x->text : "");
	r->ntasks = x->ntasks;
	r->login = note_str(n, "login");
	r->reason = note_str(n, "reason");
	/* "23/11/2026 10:05:00", as `theodoi deleted` and the audit trail */
	when = txt_sanitize(audit_note_time(json_object_get(n, "time"), buf, sizeof(buf)));
	r->when = when;
	json_decref(n);
	return 0;
}

static int trash_sync(struct ui *u, struct txn *t, struct err *e)
{
	struct trashv *s = st(u);
	int keep_kind = s->l.sel < s->l.n ? s->v[s->l.sel].kind : 0;
	uint64_t keep = s->l.sel < s->l.n ? s->v[s->l.sel].id : 0;
	size_t i;
	int rc;

	if (s->built)
		return 0;
	rows_free(s);
	if ((rc = trash_each(t, add_row, s, e)))
		return rc;
	s->built = 1;
	for (i = 0; keep && i < s->l.n; i++)
		if (s->v[i].id == keep && s->v[i].kind == keep_kind) {
			s->l.sel = i;
			break;
		}
	ui_list_clamp(&s->l, ui_view_page(u));
	return 0;
}

static void widths(int cols, int *w)
{
	w[0] = 9;
	w[1] = 7;
	w[2] = cols < 100 ? 10 : 14;
	w[3] = 16;
	w[4] = cols < 100 ? 10 : 12;
	w[5] = 0;
}

static void trash_head(struct ui *u, struct txn *t, struct sbuf *title, struct sbuf *hb)
{
	const struct trashv *s = cst(u);
	const char *head[6] = { "Loại", "Mã", "Số VB", "Xóa lúc", "Người xóa", "Nội dung — lý do" };
	int w[6];

	(void)t;
	widths(u->lo.cols - 2, w);
	size_t i, ndocs = 0;

	for (i = 0; i < s->l.n; i++)
		ndocs += s->v[i].kind == TRASH_DOC;
	/* the counts, then what they mean when the width has room for it */
	sbuf_printf(title, " Đã xóa — %zu văn bản, %zu nhiệm vụ", ndocs, s->l.n - ndocs);
	if (txt_width(title->s) + 40 <= u->lo.cols)
		sbuf_puts(title, " · vẫn giữ trong kho, khôi phục được");
	sbuf_putc(title, ' ');
	ui_fmt_cells(hb, head, w, 6, u->lo.cols - 2);
}

static void trash_row(struct ui *u, struct txn *t, size_t i, int y, int sel)
{
	const struct trashv *s = cst(u);
	const struct trash_row *r = &s->v[i];
	struct sbuf row = { 0 }, what = { 0 };
	const char *cells[6];
	char id[24], num[DOCNUM_LEN], when[24];
	int w[6], cols = u->lo.cols - 2;
	attr_t a = sel ? ui_attr(u, UC_SEL) : A_NORMAL;

	widths(cols, w);
	snprintf(id, sizeof(id), "#%llu", (unsigned long long)r->id);
	if (r->kind == TRASH_DOC)
		str_copy(num, r->number[0] ? r->number : "(không số)", sizeof(num));
	else
		ui_view_doc_number(t, r->doc, num, sizeof(num));
	if (r->kind == TRASH_DOC)
		sbuf_printf(&what, "%s (%zu nhiệm vụ) — %s", r->text, r->ntasks, r->reason);
	else
		sbuf_printf(&what, "%s — %s", r->text, r->reason);
	cells[0] = r->kind == TRASH_DOC ? "văn bản" : "nhiệm vụ";
	cells[1] = id;
	cells[2] = num;
	snprintf(when, sizeof(when), "%.16s", r->when); /* to the minute; the detail has all */
	cells[3] = when;
	cells[4] = r->login;
	cells[5] = what.s;
	ui_fmt_cells_from(&row, cells, w, 6, cols, u->hskip, &u->hroom);
	ui_put(y, 0, 2, sel ? "»" : "", a);
	ui_put(y, 2, cols, row.s, a);
	sbuf_free(&row);
	sbuf_free(&what);
}

static const char *trash_empty(const struct ui *u)
{
	const struct trashv *s = cst(u);

	return s->l.n || !s->built ? NULL : "Không có văn bản, nhiệm vụ nào đã xóa.";
}

static void trash_detail(struct ui *u, struct txn *t, struct ui_lines *l, int cols, int rows)
{
	const struct trashv *s = cst(u);
	const struct trash_row *r;
	struct sbuf b = { 0 };

	(void)t;
	if (!s->built || s->l.sel >= s->l.n)
		return;
	r = &s->v[s->l.sel];
	if (r->kind == TRASH_DOC)
		sbuf_printf(&b, "Văn bản #%llu số %s, cùng %zu nhiệm vụ", (unsigned long long)r->id,
		            r->number[0] ? r->number : "(không số)", r->ntasks);
	else
		sbuf_printf(&b, "Nhiệm vụ #%llu", (unsigned long long)r->id);
	sbuf_printf(&b, " · xóa lúc %s bởi %s", r->when, r->login);
	ui_lines_add(l, b.s, A_BOLD);
	sbuf_reset(&b);
	sbuf_printf(&b, "Lý do: %s", r->reason);
	ui_lines_wrap(l, b.s, cols, 2, A_NORMAL);
	ui_lines_wrap(l, r->text, cols, rows - 4, A_NORMAL);
	ui_lines_add(l, "Enter: khôi phục (quản trị)", ui_attr(u, UC_MUTED));
	sbuf_free(&b);
}

/* s cut to cols columns at the end of a word, with "…" (a word longer
 * than the whole width is cut between characters), appended to b. */
static void cut_at_word(struct sbuf *b, const char *s, int cols)
{
	size_t n, k;

	if (txt_width(s) <= cols) {
		sbuf_puts(b, s);
		return;
	}
	n = txt_fit(s, cols - 1, NULL);
	for (k = n; k > 0 && s[k] != ' '; k--)
		;
	while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == ',' || s[k - 1] == ';'))
		k--;
	if (k == 0)
		k = n;
	sbuf_printf(b, "%.*s…", (int)k, s);
}

static int trash_enter(struct ui *u, struct txn *t, struct err *e)
{
	const struct trashv *s = cst(u);
	const struct trash_row *r;
	struct sbuf b = { 0 };

	(void)t;
	(void)e;
	if (s->l.sel >= s->l.n)
		return 0;
	r = &s->v[s->l.sel];
	if (r->kind == TRASH_DOC)
		sbuf_printf(&b, "Văn bản số %s cùng %zu nhiệm vụ", r->number[0] ? r->number : "(không số)",
		            r->ntasks);
	else {
		/* the dialog's text is one line of its box (as wide as the form
		 * draws it at most 76 columns, 2 of border and margin each side):
		 * the task's text cut at a word with "…", the detail has it all */
		int inner = (u->lo.cols - 8 < 76 ? u->lo.cols - 8 : 76) - 4;

		sbuf_puts(&b, "Nhiệm vụ: ");
		cut_at_word(&b, r->text, inner - txt_width(b.s));
	}
	ui_form_open_restore(u, r->kind, r->id, b.s);
	sbuf_free(&b);
	return 0;
}

static void trash_words(struct ui *u, struct txn *t, size_t i, struct sbuf *b)
{
	const struct trashv *s = cst(u);

	(void)t;
	if (i < s->l.n)
		sbuf_printf(b, "#%llu %s %s %s %s", (unsigned long long)s->v[i].id, s->v[i].number,
		            s->v[i].text, s->v[i].login, s->v[i].reason);
}

static struct ui_list *trash_list(struct ui *u)
{
	return &st(u)->l;
}

static void trash_forget(struct ui *u)
{
	if (u->vstate[UI_VIEW_TRASH])
		st(u)->built = 0;
}

static const struct ui_hint *trash_hints(const struct ui *u)
{
	static const struct ui_hint admin[] = {
		{ UA_OPEN, UA_NONE, 0, "khôi phục" },
		{ UA_SEARCH, UA_NONE, 2, NULL },
		{ UA_HSCROLL, UA_NONE, 3, NULL },
		{ UA_BACK, UA_QUIT, 0, "đóng" },
		{ UA_NONE, UA_NONE, 0, NULL },
	};
	static const struct ui_hint reader[] = {
		{ UA_SEARCH, UA_NONE, 2, NULL },
		{ UA_BACK, UA_QUIT, 0, "đóng" },
		{ UA_NONE, UA_NONE, 0, NULL },
	};

	return u->ops->who.role == ROLE_ADMIN ? admin : reader;
}

const struct ui_view_ops ui_trash_view = {
	.name = "trash",
	.label = "Đã xóa",
	.opens = { UA_TRASH, UA_NONE },
	.scope = UVS_NONE,
	.detail_title = " Đã xóa ",
	.open = trash_open,
	.sync = trash_sync,
	.list = trash_list,
	.head = trash_head,
	.row = trash_row,
	.empty = trash_empty,
	.detail = trash_detail,
	.enter = trash_enter,
	.words = trash_words,
	.forget = trash_forget,
	.free = trash_free,
	.hints = trash_hints,
};
