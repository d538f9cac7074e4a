/* ui-ind.c — the indicators (`m`) of the selected document (or of the
 * selected unit's subtree): each chỉ tiêu with its goal, target year
 * ("hằng năm" for a yearly one), the latest measured value and the
 * judgement (đạt mức phấn đấu, đạt mức tối thiểu, đúng tiến độ, có nguy cơ
 * không đạt, không đạt ...; a yearly indicator's for the current year), a
 * symbol per judgement for monochrome.  The detail area shows the whole
 * text, minimum and aspiration, a yearly indicator's judgement year by
 * year, and the measurements so far.  u or Enter opens the measure form
 * (ui-form.c).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "indicator.h"
#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "ui-form.h"
#include "util.h"

struct ui_indv {
	uint64_t doc;            /* scope: a document's indicators, or ... */
	uint32_t unit;           /* ... those led in a unit's subtree */
	int built;
	struct indicator *v;
	struct ind_assessment *as;
	struct ui_list l;        /* l.n indicators */
};

static struct ui_indv *st(struct ui *u)
{
	return ui_view_state(u, UI_VIEW_IND, sizeof(struct ui_indv));
}

/* The state for reading: the zero state when the view was never opened. */
static const struct ui_indv *cst(const struct ui *u)
{
	static const struct ui_indv none;

	return u->vstate[UI_VIEW_IND] ? u->vstate[UI_VIEW_IND] : &none;
}

#define DETAIL_MEASURES 4

static void ind_free(struct ui *u)
{
	struct ui_indv *v = st(u);

	ind_list_free(v->v, v->l.n);
	free(v->as);
	memset(v, 0, sizeof(*v));
}

static int ind_open(struct ui *u, const struct ui_view_where *w)
{
	st(u)->doc = w->doc;
	st(u)->unit = w->doc ? 0 : w->unit;
	return 0;
}

static int ind_sync(struct ui *u, struct txn *t, struct err *e)
{
	struct ui_indv *v = st(u);
	struct indicator *list = NULL;
	uint64_t keep = ui_ind_selected(u) ? ui_ind_selected(u)->id : 0;
	size_t n = 0, i;
	int rc;

	if (v->built)
		return 0;
	rc = ind_list(t, u->units.h, v->doc, v->unit, &list, &n, e);
	if (rc)
		return rc;
	ind_list_free(v->v, v->l.n);
	free(v->as);
	v->v = list;
	v->as = xcalloc(n ? n : 1, sizeof(*v->as));
	for (i = 0; i < n; i++)
		if (ind_assess_stored(t, &list[i], u->ops->today, &v->as[i], NULL) != 0)
			v->as[i].state = IND_NO_DATA;
	v->l.n = n;
	v->built = 1;
	for (i = 0; keep && i < n; i++)
		if (list[i].id == keep)
			v->l.sel = i;
	ui_list_clamp(&v->l, ui_view_page(u));
	return 0;
}

const struct indicator *ui_ind_selected(const struct ui *u)
{
	const struct ui_indv *v = cst(u);

	return v->built && v->l.sel < v->l.n ? &v->v[v->l.sel] : NULL;
}

static const char *state_symbol(enum ind_state s, enum ui_color *c)
{
	switch (s) {
	case IND_MET_ASPIRATION: *c = UC_DONE; return "*";
	case IND_MET_MINIMUM: *c = UC_DONE; return "+";
	case IND_ON_TRACK: *c = UC_ONTRACK; return ">";
	case IND_AT_RISK: *c = UC_SOON; return "~";
	case IND_MISSED: *c = UC_OVERDUE; return "!";
	case IND_NOT_MET: *c = UC_WAIT; return "-";
	case IND_NO_DATA: *c = UC_MUTED; return "?";
	default: *c = UC_MUTED; return " ";
	}
}

static void ind_widths(int cols, int *widths)
{
	static const int wide[7] = { 5, 8, 0, 8, 16, 16, 22 }, narrow[7] = { 5, 8, 0, 8, 11, 11, 14 };

	memcpy(widths, cols < 100 ? narrow : wide, sizeof(wide));
	widths[2] = cols - (widths[0] + widths[1] + widths[3] + widths[4] + widths[5] +
	                    widths[6] + 6);
}

static void ind_head(struct ui *u, struct txn *t, struct sbuf *title, struct sbuf *hb)
{
	struct ui_indv *v = st(u);
	const char *head[7] = { "Mã", "Mục", "Chỉ tiêu", "Năm", "Mục tiêu", "Kết quả", "Đánh giá" };
	int widths[7], cols = u->lo.cols - 2;
	char num[DOCNUM_LEN] = "", dbuf[16];

	ind_widths(cols, widths);
	if (v->doc)
		ui_view_doc_number(t, v->doc, num, sizeof(num));
	sbuf_printf(title, " Chỉ tiêu — %s%s: %zu chỉ tiêu · đánh giá đến %s ",
	            v->doc ? "văn bản " : ui_unit_name(u, v->unit), v->doc ? num : " và cấp dưới",
	            v->l.n, date_vn(u->ops->today, dbuf));
	ui_fmt_cells(hb, head, widths, 7, cols);
}

static void ind_row(struct ui *u, struct txn *t, size_t i, int y, int sel)
{
	struct ui_indv *v = st(u);
	int widths[7], cols = u->lo.cols - 2;
	const struct indicator *ind = &v->v[i];
	const struct ind_assessment *as = &v->as[i];
	const char *cells[7], *sym;
	char id[24], year[16], goal[48], val[48], *text;
	struct sbuf row = { 0 };
	enum ui_color col;
	attr_t a = sel ? ui_attr(u, UC_SEL) : A_NORMAL;

	(void)t;
	ind_widths(cols, widths);
	sym = state_symbol(as->state, &col);
	snprintf(id, sizeof(id), "#%llu", (unsigned long long)ind->id);
	year[0] = '\0';
	if (as->year)
		str_copy(year, "hằng năm", sizeof(year));
	else if (ind->year)
		snprintf(year, sizeof(year), "%d", ind->year);
	goal[0] = val[0] = '\0';
	if (!isnan(as->goal))
		ind_format_value(as->goal, ind->unit_of, goal, sizeof(goal));
	if (as->has_value)
		ind_format_value(as->value, ind->unit_of, val, sizeof(val));
	text = txt_sanitize(ind->text ? ind->text : "");
	cells[0] = id;
	cells[1] = ind->section;
	cells[2] = text;
	cells[3] = year;
	cells[4] = goal;
	cells[5] = val;
	cells[6] = ind_state_label(as->state);
	ui_fmt_cells(&row, cells, widths, 7, cols);
	ui_put(y, 0, 1, sym, sel ? a : ui_attr(u, col));
	ui_put(y, 1, 1, " ", a);
	ui_put(y, 2, cols, row.s, sel ? a : ui_attr(u, col == UC_MUTED ? UC_NORMAL : col));
	free(text);
	sbuf_free(&row);
}

static const char *ind_empty(const struct ui *u)
{
	if (cst(u)->l.n || !cst(u)->built)
		return NULL;
	return cst(u)->doc ? "Văn bản không có chỉ tiêu nào." : "Đơn vị không phụ trách chỉ tiêu nào.";
}

/* "Theo năm: 2025 không đạt (78%) · 2026 đạt mức tối thiểu (82%)": every
 * year of a yearly indicator but the current one, which the line above
 * gives. */
static void years_line(struct ui *u, struct txn *t, const struct indicator *ind,
                       struct ui_lines *l)
{
	struct ind_assessment *ys = NULL;
	struct sbuf b = { 0 };
	char v[48];
	size_t n = 0, i;

	if (ind_years_stored(t, ind, u->ops->today, &ys, &n, NULL) == 0 && n > 1) {
		sbuf_puts(&b, "Theo năm:");
		for (i = 0; i + 1 < n; i++) {
			sbuf_printf(&b, "%s %d %s", i ? " ·" : "", ys[i].year, ind_state_label(ys[i].state));
			if (ys[i].has_value)
				sbuf_printf(&b, " (%s)", ind_format_value(ys[i].value, ind->unit_of, v, sizeof(v)));
		}
		ui_lines_add(l, b.s, A_NORMAL);
	}
	free(ys);
	sbuf_free(&b);
}

static void ind_detail(struct ui *u, struct txn *t, struct ui_lines *l, int cols, int rows)
{
	const struct indicator *ind = ui_ind_selected(u);
	const struct ind_assessment *as;
	struct measure *ms = NULL;
	struct sbuf b = { 0 };
	char v1[48], v2[48], d1[16];
	size_t n = 0, i, first;
	int left;

	if (!ind)
		return;
	as = &st(u)->as[st(u)->l.sel];
	sbuf_printf(&b, "Chỉ tiêu #%llu · mục %s%s%s", (unsigned long long)ind->id, ind->section,
	            ind->lead ? " · phụ trách: " : "", ind->lead ? ui_unit_name(u, ind->lead) : "");
	ui_lines_add(l, b.s, A_BOLD);
	sbuf_reset(&b);
	if (!isnan(ind->min))
		sbuf_printf(&b, "Tối thiểu %s", ind_format_value(ind->min, ind->unit_of, v1, sizeof(v1)));
	if (!isnan(ind->target))
		sbuf_printf(&b, "%sphấn đấu %s", b.len ? " · " : "",
		            ind_format_value(ind->target, ind->unit_of, v2, sizeof(v2)));
	if (as->year)
		sbuf_printf(&b, "%shằng năm%s", b.len ? " · " : "", ind->year ? " đến năm " : "");
	else if (ind->year)
		sbuf_printf(&b, "%snăm đạt ", b.len ? " · " : "");
	if (ind->year)
		sbuf_printf(&b, "%d", ind->year);
	if (as->year)
		sbuf_printf(&b, "%snăm %d", b.len ? " · " : "", as->year);
	sbuf_printf(&b, "%s%s", b.len ? (as->year ? ": " : " · ") : "", ind_state_label(as->state));
	if (as->has_value)
		sbuf_printf(&b, ": %s ngày %s", ind_format_value(as->value, ind->unit_of, v1, sizeof(v1)),
		            date_vn(as->value_date, d1));
	if (!isnan(as->expected))
		sbuf_printf(&b, " (theo lộ trình cần %s)",
		            ind_format_value(as->expected, ind->unit_of, v2, sizeof(v2)));
	ui_lines_add(l, b.s, A_NORMAL);
	if (as->year)
		years_line(u, t, ind, l);
	left = rows - 2 - DETAIL_MEASURES - (as->year ? 1 : 0);
	ui_lines_wrap(l, ind->text, cols, left > 1 ? left : 1, A_NORMAL);
	if (ind_measures(t, ind->id, &ms, &n, NULL) == 0 && n) {
		first = n > DETAIL_MEASURES ? n - DETAIL_MEASURES : 0;
		for (i = n; i-- > first;) { /* newest first */
			sbuf_reset(&b);
			sbuf_printf(&b, "• %s %s: %s", date_vn(ms[i].date, d1), ms[i].login,
			            ind_format_value(ms[i].value, ind->unit_of, v1, sizeof(v1)));
			if (ms[i].note && *ms[i].note)
				sbuf_printf(&b, " — %s", ms[i].note);
			ui_lines_add(l, b.s, ui_attr(u, UC_MUTED));
		}
	} else {
		ui_lines_add(l, "(chưa có số liệu)", ui_attr(u, UC_MUTED));
	}
	ind_measures_free(ms, n);
	sbuf_free(&b);
}

/* u and Enter record a value of the selected indicator. */
static int ind_key(struct ui *u, enum ui_act a)
{
	if (a != UA_OPEN && a != UA_UPDATE)
		return 0;
	ui_form_open(u, UF_MEASURE);
	return 1;
}

static void ind_words(struct ui *u, struct txn *t, size_t i, struct sbuf *b)
{
	(void)t;
	if (i < st(u)->l.n)
		sbuf_printf(b, "%s %s", st(u)->v[i].section, st(u)->v[i].text ? st(u)->v[i].text : "");
}

static struct ui_list *indv_list(struct ui *u)
{
	return &st(u)->l;
}

static void ind_forget(struct ui *u)
{
	st(u)->built = 0;
}

static const struct ui_hint *ind_hints(const struct ui *u)
{
	static const struct ui_hint writer[] = {
		{ UA_UPDATE, UA_OPEN, 1, "ghi số liệu" },
		{ UA_BACK, UA_QUIT, 0, "đóng" },
		{ UA_NONE, UA_NONE, 0, NULL },
	};
	static const struct ui_hint reader[] = {
		{ UA_BACK, UA_QUIT, 0, "đóng" },
		{ UA_NONE, UA_NONE, 0, NULL },
	};
	int w = u->ops->who.role == ROLE_EDITOR || u->ops->who.role == ROLE_ADMIN;

	return w ? writer : reader;
}

const struct ui_view_ops ui_ind_view = {
	.name = "indicators",
	.label = "Chỉ tiêu",
	.opens = { UA_INDICATORS, UA_NONE },
	.scope = UVS_DOC_OR_UNIT,
	.no_scope = "Chưa chọn văn bản hay đơn vị.",
	.detail_title = " Chỉ tiêu ",
	.open = ind_open,
	.sync = ind_sync,
	.list = indv_list,
	.head = ind_head,
	.row = ind_row,
	.empty = ind_empty,
	.detail = ind_detail,
	.key = ind_key,
	.words = ind_words,
	.forget = ind_forget,
	.free = ind_free,
	.hints = ind_hints,
};
