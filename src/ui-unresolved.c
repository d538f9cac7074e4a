/* ui-unresolved.c — the names not linked to a unit (`U`, "chưa gắn đơn
 * vị"): every lead, partner or issuer as a plan wrote it that the store
 * could not resolve (ops_unresolved, as `theodoi unresolved` lists them),
 * with the number of tasks and the documents it is in.  Enter lets an
 * administrator pick the unit it means in the tree (ui_pick_start); Enter
 * on the unit asks, and links the name (ops_link, ui-form-edit.c), which
 * remembers it for later imports; then the list comes back without it.
 *
 * The leads and issuers are read at once through their indexes; the
 * partners have no index, so the tasks are read for them a slice at a
 * time between keystrokes (ops_unres_step), the partner names joining
 * the list as they are found: the screen never waits on a store of a
 * million tasks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops-link.h"
#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "ui-form.h"
#include "util.h"

struct unres {
	int built;
	int pending;            /* the tasks are being read for partner names */
	struct ops_unres *scan; /* that reading, or NULL */
	size_t nseen;           /* partner names (with repeats) in the list */
	struct unresolved_name *v;
	struct ui_list l;
	char keep[512];         /* name to select at the next build (kept when the
	                           view closes for a unit to be picked), or "" */
};

static struct unres *st(struct ui *u)
{
	return ui_view_state(u, UI_VIEW_UNRESOLVED, sizeof(struct unres));
}

static const struct unres *cst(const struct ui *u)
{
	static const struct unres none;

	return u->vstate[UI_VIEW_UNRESOLVED] ? u->vstate[UI_VIEW_UNRESOLVED] : &none;
}

static void unres_free(struct ui *u)
{
	struct unres *s = u->vstate[UI_VIEW_UNRESOLVED];

	if (!s)
		return;
	ops_unresolved_free(s->v, s->l.n);
	ops_unres_free(s->scan);
	s->scan = NULL;
	s->pending = 0;
	s->v = NULL;
	s->built = 0;
	memset(&s->l, 0, sizeof(s->l));
}

static int unres_open(struct ui *u, const struct ui_view_where *w)
{
	(void)u;
	(void)w;
	return 0;
}

/* The list again from what the reading has found, keeping the selected
 * name. */
static void unres_take(struct ui *u, struct unres *s)
{
	struct unresolved_name *v = NULL;
	size_t n = 0, i;
	char keep[512];

	if (!s->keep[0] && s->l.sel < s->l.n)
		str_copy(keep, s->v[s->l.sel].name, sizeof(keep));
	else
		str_copy(keep, s->keep, sizeof(keep));
	ops_unres_names(s->scan, &v, &n);
	ops_unresolved_free(s->v, s->l.n);
	s->v = v;
	s->l.n = n;
	s->nseen = ops_unres_partners_seen(s->scan);
	for (i = 0; keep[0] && i < n; i++)
		if (strcmp(v[i].name, keep) == 0) {
			s->l.sel = i;
			if (s->keep[0] && strcmp(keep, s->keep) == 0)
				s->keep[0] = '\0'; /* found again: no longer looked for */
			break;
		}
	ui_list_clamp(&s->l, ui_view_page(u));
}

/* Read up to `budget` more tasks for their partners' names. */
static void unres_step(struct ui *u, struct txn *t, size_t budget)
{
	struct unres *s = st(u);
	struct err e;

	if (!s->pending || !s->scan)
		return;
	err_clear(&e);
	if (ops_unres_step(s->scan, t, budget, &e) != 0) {
		ui_msg_err(u, &e);
		s->pending = 0;
		return;
	}
	if (ops_unres_done(s->scan))
		s->pending = 0;
	if (!s->pending || ops_unres_partners_seen(s->scan) != s->nseen)
		unres_take(u, s);
	if (!s->pending)
		s->keep[0] = '\0'; /* every name is in: one not found is gone */
}

static int unres_sync(struct ui *u, struct txn *t, struct err *e)
{
	struct unres *s = st(u);
	int rc;

	if (s->built)
		return 0;
	if (!s->keep[0] && s->l.sel < s->l.n)
		str_copy(s->keep, s->v[s->l.sel].name, sizeof(s->keep));
	ops_unres_free(s->scan);
	s->scan = NULL;
	/* the leads and issuers now, through their indexes */
	if ((rc = ops_unres_open(u->ops, t, u->units.h, &s->scan, e)) != 0)
		return rc;
	s->built = 1;
	s->pending = !ops_unres_done(s->scan);
	unres_take(u, s);
	return 0;
}

static int unres_busy(const struct ui *u, char *msg, size_t len)
{
	const struct unres *s = cst(u);

	if (!s->pending || !s->scan)
		return 0;
	snprintf(msg, len, "Đang đọc tên phối hợp chưa gắn… đã đọc %zu nhiệm vụ (Esc: đóng)",
	         ops_unres_read(s->scan));
	return 1;
}

static const char *urole_label(enum unresolved_role r)
{
	switch (r) {
	case UR_LEAD: return "chủ trì";
	case UR_PARTNER: return "phối hợp";
	default: return "ban hành";
	}
}

static void widths(int cols, int *w)
{
	w[0] = 9;
	w[1] = 8;
	w[3] = cols < 100 ? 20 : 34;
	w[2] = cols - w[0] - w[1] - w[3] - 3;
}

static void unres_head(struct ui *u, struct txn *t, struct sbuf *title, struct sbuf *hb)
{
	const struct unres *s = cst(u);
	const char *head[4] = { "Vai trò", "Nhiệm vụ", "Tên như văn bản ghi", "Văn bản" };
	int w[4];

	(void)t;
	widths(u->lo.cols - 2, w);
	/* "3+ tên" while the tasks are read for partner names */
	sbuf_printf(title, " Chưa gắn đơn vị — %zu%s tên chủ trì, phối hợp, ban hành chưa gắn "
	                   "với đơn vị nào ", s->l.n, s->pending ? "+" : "");
	ui_fmt_cells(hb, head, w, 4, u->lo.cols - 2);
}

/* "42-KH/ThU, #7 (không số), ..." of a name's documents. */
static void docs_of(struct txn *t, const struct unresolved_name *nm, struct sbuf *b, size_t max)
{
	char num[DOCNUM_LEN];
	size_t i;

	for (i = 0; i < nm->ndocs && i < max; i++) {
		ui_view_doc_number(t, nm->docs[i], num, sizeof(num));
		sbuf_printf(b, "%s%s", i ? ", " : "", num);
		if (!strcmp(num, "(không số)"))
			sbuf_printf(b, " #%llu", (unsigned long long)nm->docs[i]);
	}
	if (nm->ndocs > max)
		sbuf_printf(b, ", … (%zu văn bản)", nm->ndocs);
}

static void unres_row(struct ui *u, struct txn *t, size_t i, int y, int sel)
{
	const struct unres *s = cst(u);
	const struct unresolved_name *nm = &s->v[i];
	struct sbuf row = { 0 }, docs = { 0 };
	const char *cells[4];
	char count[24], *name = txt_sanitize(nm->name);
	int w[4], cols = u->lo.cols - 2;
	attr_t a = sel ? ui_attr(u, UC_SEL) : A_NORMAL;

	widths(cols, w);
	if (nm->role == UR_ISSUER)
		count[0] = '\0';
	else
		snprintf(count, sizeof(count), "%zu", nm->ntasks);
	docs_of(t, nm, &docs, 4);
	cells[0] = urole_label(nm->role);
	cells[1] = count;
	cells[2] = name;
	cells[3] = docs.s ? docs.s : "";
	ui_fmt_cells_from(&row, cells, w, 4, cols, u->hskip, &u->hroom);
	ui_put(y, 0, 2, sel ? "»" : "", a);
	ui_put(y, 2, cols, row.s, a);
	free(name);
	sbuf_free(&row);
	sbuf_free(&docs);
}

static const char *unres_empty(const struct ui *u)
{
	const struct unres *s = cst(u);

	if (s->l.n || !s->built || s->pending)
		return NULL;
	return "Mọi tên chủ trì, phối hợp, ban hành trong kho đều đã gắn với đơn vị.";
}

static void unres_detail(struct ui *u, struct txn *t, struct ui_lines *l, int cols, int rows)
{
	const struct unres *s = cst(u);
	const struct unresolved_name *nm;
	struct sbuf b = { 0 };

	if (!s->built || s->l.sel >= s->l.n)
		return;
	nm = &s->v[s->l.sel];
	ui_lines_wrap(l, nm->name, cols, 2, A_BOLD);
	if (nm->role == UR_ISSUER)
		sbuf_printf(&b, "Cơ quan ban hành của %zu văn bản: ", nm->ndocs);
	else
		sbuf_printf(&b, "Đơn vị %s của %zu nhiệm vụ, trong %zu văn bản: ", urole_label(nm->role),
		            nm->ntasks, nm->ndocs);
	docs_of(t, nm, &b, 20);
	ui_lines_wrap(l, b.s, cols, rows - 3, A_NORMAL);
	ui_lines_add(l, "Enter: chọn đơn vị trong cây để gắn tên này (quản trị) · theodoi link "
	                "làm việc này trên dòng lệnh", ui_attr(u, UC_MUTED));
	sbuf_free(&b);
}

/* Enter on a unit of the tree, picked for name `arg`: ask, then link. */
static int picked(struct ui *u, const char *arg, uint32_t unit)
{
	return ui_form_open_link(u, arg, unit);
}

static int unres_enter(struct ui *u, struct txn *t, struct err *e)
{
	struct unres *s = st(u);
	char prompt[400];
	struct err pe;

	(void)t;
	(void)e;
	if (s->l.sel >= s->l.n)
		return 0;
	err_clear(&pe);
	if (ops_require(u->ops, PA_HIERARCHY, &pe) != 0) {
		ui_msg(u, 1, "Không được phép: %s", pe.msg[0] ? pe.msg : "vai trò không cho phép");
		return 0;
	}
	snprintf(prompt, sizeof(prompt), "Chọn đơn vị cho “%s” trong cây: Enter để gắn, Space để "
	         "mở/đóng, Esc để hủy.", s->v[s->l.sel].name);
	/* back on the same name after Esc (the list closes meanwhile) */
	str_copy(s->keep, s->v[s->l.sel].name, sizeof(s->keep));
	ui_pick_start(u, s->v[s->l.sel].name, picked, UA_UNRESOLVED, prompt);
	return 0;
}

static void unres_words(struct ui *u, struct txn *t, size_t i, struct sbuf *b)
{
	const struct unres *s = cst(u);

	(void)t;
	if (i < s->l.n)
		sbuf_printf(b, "%s %s", s->v[i].name, urole_label(s->v[i].role));
}

static struct ui_list *unres_list(struct ui *u)
{
	return &st(u)->l;
}

static void unres_forget(struct ui *u)
{
	if (u->vstate[UI_VIEW_UNRESOLVED])
		st(u)->built = 0;
}

static const struct ui_hint *unres_hints(const struct ui *u)
{
	static const struct ui_hint admin[] = {
		{ UA_OPEN, UA_NONE, 0, "gắn đơn vị" },
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

const struct ui_view_ops ui_unres_view = {
	.name = "unresolved",
	.label = "Chưa gắn đơn vị",
	.opens = { UA_UNRESOLVED, UA_NONE },
	.scope = UVS_NONE,
	.detail_title = " Tên chưa gắn ",
	.open = unres_open,
	.sync = unres_sync,
	.list = unres_list,
	.head = unres_head,
	.row = unres_row,
	.empty = unres_empty,
	.detail = unres_detail,
	.enter = unres_enter,
	.words = unres_words,
	.busy = unres_busy,
	.step = unres_step,
	.forget = unres_forget,
	.free = unres_free,
	.hints = unres_hints,
};
