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
#include "util.h"

#define DETAIL_MEASURES 4

void ui_ind_free(struct ui *u)
{
	struct ui_indv *v = &u->ind;

	ind_list_free(v->v, v->l.n);
	free(v->as);
	memset(v, 0, sizeof(*v));
}

void ui_ind_open(struct ui *u, uint64_t doc, uint32_t unit)
{
	ui_ind_free(u);
	u->ind.doc = doc;
	u->ind.unit = doc ? 0 : unit;
}

int ui_ind_sync(struct ui *u, struct txn *t, struct err *e)
{
	struct ui_indv *v = &u->ind;
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
	const struct ui_indv *v = &u->ind;

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

static void doc_number(struct txn *t, uint64_t doc, char *buf, size_t len)
{
	struct doc d;

	buf[0] = '\0';
	memset(&d, 0, sizeof(d));
	if (doc && store_doc_get(t, doc, &d, NULL) == 0) {
		str_copy(buf, d.number[0] ? d.number : "(không số)", len);
		doc_free(&d);
	}
}

void ui_ind_draw(struct ui *u, struct txn *t)
{
	struct ui_indv *v = &u->ind;
	const struct ui_layout *lo = &u->lo;
	int page = ui_view_page(u), r, cols = lo->cols - 2;
	const char *head[7] = { "Mã", "Mục", "Chỉ tiêu", "Năm", "Mục tiêu", "Kết quả", "Đánh giá" };
	int widths[7] = { 5, 8, 0, 8, 16, 16, 22 };
	struct sbuf title = { 0 }, hb = { 0 }, row = { 0 };
	char num[DOCNUM_LEN], dbuf[16];

	if (cols < 100) {
		widths[4] = 11;
		widths[5] = 11;
		widths[6] = 14;
	}
	widths[2] = cols - (widths[0] + widths[1] + widths[3] + widths[4] + widths[5] +
	                    widths[6] + 6);
	if (v->doc)
		doc_number(t, v->doc, num, sizeof(num));
	sbuf_printf(&title, " Chỉ tiêu — %s%s: %zu chỉ tiêu · đánh giá đến %s ",
	            v->doc ? "văn bản " : ui_unit_name(u, v->unit), v->doc ? num : " và cấp dưới",
	            v->l.n, date_vn(u->ops->today, dbuf));
	ui_fmt_cells(&hb, head, widths, 7, cols);
	ui_view_head(u, title.s, hb.s);
	for (r = 0; r < page; r++) {
		size_t i = v->l.top + (size_t)r;
		int y = lo->pane_y + 2 + r, sel = i == v->l.sel;
		const struct indicator *ind;
		const struct ind_assessment *as;
		const char *cells[7], *sym;
		char id[24], year[16], goal[48], val[48], *text;
		enum ui_color col;
		attr_t a = sel ? ui_attr(u, UC_SEL) : A_NORMAL;

		ui_blank(y, 0, lo->cols, A_NORMAL);
		if (i >= v->l.n)
			continue;
		ind = &v->v[i];
		as = &v->as[i];
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
		sbuf_reset(&row);
		ui_fmt_cells(&row, cells, widths, 7, cols);
		ui_put(y, 0, 1, sym, sel ? a : ui_attr(u, col));
		ui_put(y, 1, 1, " ", a);
		ui_put(y, 2, cols, row.s, sel ? a : ui_attr(u, col == UC_MUTED ? UC_NORMAL : col));
		free(text);
	}
	if (v->l.n == 0 && v->built)
		ui_put(lo->pane_y + 2, 2, cols, v->doc ? "Văn bản không có chỉ tiêu nào."
		                                       : "Đơn vị không phụ trách chỉ tiêu nào.",
		       ui_attr(u, UC_MUTED));
	sbuf_free(&title);
	sbuf_free(&hb);
	sbuf_free(&row);
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

void ui_ind_detail(struct ui *u, struct txn *t, struct ui_lines *l, int cols, int rows)
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
	as = &u->ind.as[u->ind.l.sel];
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
