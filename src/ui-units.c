/* ui-units.c — the "Đơn vị" pane: the unit tree, collapsible, each unit
 * with the overdue/total counts of its subtree (from the store's counters,
 * read only for the rows on screen and cached until the store changes),
 * and, after the tree, a row "(chưa xác định đơn vị chủ trì)" for the tasks no
 * unit leads, which belong to no unit's subtree: the roots' rows and that
 * one add up to the store's figures (`overdue --count`, `summary`), as
 * `theodoi units` shows them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hier.h"
#include "import.h"
#include "model.h"
#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "util.h"

static void free_folded(struct ui_units *p)
{
	size_t i;

	if (!p->folded)
		return;
	for (i = 0; i < p->count; i++)
		free(p->folded[i]);
	free(p->folded);
	p->folded = NULL;
}

/* Rebuild the visible rows from the open flags, keeping the selected unit
 * (or, if it is now hidden, its nearest visible ancestor). */
static void rebuild_rows(struct ui *u, uint32_t keep)
{
	struct ui_units *p = &u->units;
	size_t i = 0, n = 0, want = (size_t)-1, hi = keep ? hier_find_id(p->h, keep) : (size_t)-1;

	free(p->rows);
	p->rows = xmalloc((p->count + 1) * sizeof(*p->rows));
	while (i < p->count) {
		if (hi != (size_t)-1 && i <= hi && hi < hier_subtree_end(p->h, i))
			want = n; /* deepest visible row on the path to the kept unit */
		p->rows[n++] = i;
		i = p->open[i] ? i + 1 : hier_subtree_end(p->h, i);
	}
	if (p->rest_total)
		p->rows[n++] = UI_UNITS_NOLEAD;
	p->l.n = n;
	if (want != (size_t)-1)
		p->l.sel = want;
	ui_list_clamp(&p->l, ui_page(u));
}

/* The counts of the tasks without a lead unit: the store's (unit 0) less
 * every root's subtree. */
static int rest_counts(struct ui *u, struct txn *t, const struct hier *h, struct err *e)
{
	struct ui_units *p = &u->units;
	struct store_counts all, n;
	int rc;

	memset(&all, 0, sizeof(all));
	rc = store_unit_counts(t, 0, u->ops->today, u->ops->cfg->soon_days, &all, e);
	for (size_t i = 0; i < hier_count(h) && !rc; i = hier_subtree_end(h, i)) {
		memset(&n, 0, sizeof(n));
		if (!(rc = store_unit_counts(t, hier_at(h, i)->id, u->ops->today,
		                             u->ops->cfg->soon_days, &n, e))) {
			all.overdue -= n.overdue;
			all.total -= n.total;
		}
	}
	p->rest_overdue = rc ? 0 : all.overdue;
	p->rest_total = rc ? 0 : all.total;
	return rc;
}

int ui_units_load(struct ui *u, struct txn *t, struct err *e)
{
	struct ui_units *p = &u->units;
	struct hier *h;
	unsigned char *open;
	uint32_t keep = ui_units_selected(u);
	size_t i, n, j;
	int rc;

	rc = hier_load(t, &h, e);
	if (rc)
		return rc;
	if ((rc = rest_counts(u, t, h, e))) {
		hier_free(h);
		return rc;
	}
	hier_detach(h); /* kept while the screen waits on its user */
	n = hier_count(h);
	open = xcalloc(n ? n : 1, 1);
	if (p->h) {
		/* Keep what the user opened, by unit id. */
		for (i = 0; i < p->count; i++)
			if (p->open[i] && (j = hier_find_id(h, hier_at(p->h, i)->id)) != (size_t)-1)
				open[j] = 1;
	} else {
		/* First load: roots open, and the path to the user's own unit
		 * (its ancestors by their parent links: only those units are
		 * read from the tree). */
		const struct unit *k;
		for (i = 0; i < n; i = hier_subtree_end(h, i))
			open[i] = 1;
		keep = u->ops->who.unit;
		for (k = keep ? hier_unit(h, keep) : NULL; k && k->parent; k = hier_at(h, j)) {
			j = hier_find_id(h, k->parent);
			if (j == (size_t)-1 || open[j])
				break; /* a root's parent, or a cycle */
			open[j] = 1;
		}
	}
	free_folded(p);
	hier_free(p->h);
	free(p->open);
	free(p->overdue);
	free(p->total);
	free(p->have);
	p->h = h;
	p->count = n;
	p->open = open;
	p->overdue = xcalloc(n ? n : 1, sizeof(*p->overdue));
	p->total = xcalloc(n ? n : 1, sizeof(*p->total));
	p->have = xcalloc(n ? n : 1, 1);
	rebuild_rows(u, keep);
	return 0;
}

void ui_units_free(struct ui *u)
{
	struct ui_units *p = &u->units;

	free_folded(p);
	hier_free(p->h);
	free(p->open);
	free(p->rows);
	free(p->overdue);
	free(p->total);
	free(p->have);
	memset(p, 0, sizeof(*p));
}

uint32_t ui_units_selected(const struct ui *u)
{
	const struct ui_units *p = &u->units;

	if (!p->h || p->l.n == 0 || p->rows[p->l.sel] == UI_UNITS_NOLEAD)
		return 0;
	return hier_at(p->h, p->rows[p->l.sel])->id;
}

int ui_units_name_shown(const struct ui *u)
{
	const struct ui_units *p = &u->units;
	const struct unit *un;
	int w = u->lo.pane_w[UI_UNITS], step = w < 34 ? 1 : 2, depth, indent, room, rw = 0;
	size_t hi;
	char counts[32];
	struct sbuf b = { 0 };

	if (!p->h || p->l.n == 0 || w <= 0 || p->rows[p->l.sel] == UI_UNITS_NOLEAD)
		return 0;
	/* as ui_units_draw lays the row out: indent, mark, name, counts */
	hi = p->rows[p->l.sel];
	un = hier_at(p->h, hi);
	depth = hier_depth(p->h, hi);
	indent = (depth > 8 ? 8 : depth) * step;
	if (p->have && p->have[hi]) {
		ui_fmt_counts(p->overdue[hi], p->total[hi], counts, sizeof(counts));
		rw = txt_width(counts);
	} else {
		rw = 12; /* not counted yet: room for the widest */
	}
	room = rw + 6 > w ? w : w - rw - 1;
	sbuf_printf(&b, "  %s%s", un->name ? un->name : un->code, un->historical ? " (lịch sử)" : "");
	rw = indent + txt_width(b.s) <= room;
	sbuf_free(&b);
	return rw;
}

int ui_units_nolead(const struct ui *u)
{
	const struct ui_units *p = &u->units;

	return p->h && p->l.n && p->rows[p->l.sel] == UI_UNITS_NOLEAD;
}

void ui_units_forget_counts(struct ui *u)
{
	if (u->units.have)
		memset(u->units.have, 0, u->units.count ? u->units.count : 1);
}

void ui_units_toggle(struct ui *u)
{
	struct ui_units *p = &u->units;
	size_t i;

	if (p->l.n == 0)
		return;
	i = p->rows[p->l.sel];
	if (i == UI_UNITS_NOLEAD) { /* its tasks, led by no unit */
		if (u->pick.active)
			return; /* no unit to pick */
		u->tasks.led = 1;
		u->tasks.built = 0;
		u->focus = UI_TASKS;
		return;
	}
	if (hier_subtree_end(p->h, i) == i + 1)
		return; /* a leaf */
	p->open[i] = !p->open[i];
	rebuild_rows(u, hier_at(p->h, i)->id);
}

int ui_units_reveal(struct ui *u, uint32_t id)
{
	struct ui_units *p = &u->units;
	size_t i, hi = hier_find_id(p->h, id);

	if (hi == (size_t)-1)
		return 0;
	for (i = 0; i < hi; i++)
		if (hi < hier_subtree_end(p->h, i))
			p->open[i] = 1;
	rebuild_rows(u, id);
	return 1;
}

const char *ui_unit_name(const struct ui *u, uint32_t id)
{
	const struct unit *un;

	if (!id || !u->units.h)
		return "";
	un = hier_unit(u->units.h, id);
	return un && un->name ? un->name : "?";
}

void ui_task_lead(const struct ui *u, const struct task *tk, struct sbuf *b)
{
	if (tk->lead) {
		sbuf_puts(b, ui_unit_name(u, tk->lead));
		return;
	}
	if (tk->lead_text && *tk->lead_text)
		sbuf_printf(b, "%s ", tk->lead_text);
	/* show's words and predicate (cli-task.c), so that both say the same */
	sbuf_puts(b, imp_lead_is_group(tk->lead_text) ? "(nhiệm vụ chung của nhiều cơ quan)"
	                                                : "(chưa xác định đơn vị)");
}

/* One abbreviation p[0..n) without its surrounding spaces, into out. */
static void copy_abbrev(const char *p, size_t n, char *out, size_t len)
{
	while (n && *p == ' ')
		p++, n--;
	while (n && p[n - 1] == ' ')
		n--;
	if (n >= len)
		n = len - 1;
	memcpy(out, p, n);
	out[n] = '\0';
}

char *ui_unit_short(const struct ui *u, uint32_t id, int maxw, char *buf, size_t len)
{
	const struct unit *un = id && u->units.h ? hier_unit(u->units.h, id) : NULL;
	const char *p;
	char one[128];
	int bestw = -1;

	buf[0] = '\0';
	if (!un) {
		str_copy(buf, id ? "?" : "", len);
		return buf;
	}
	for (p = un->abbrevs; p && *p;) {
		size_t n = strcspn(p, ",");
		int w;

		copy_abbrev(p, n, one, sizeof(one));
		w = txt_width(one);
		if (one[0] && w <= maxw) {
			str_copy(buf, one, len);
			return buf;
		}
		if (one[0] && (bestw < 0 || w < bestw)) {
			str_copy(buf, one, len);
			bestw = w;
		}
		p += n;
		if (*p == ',')
			p++;
	}
	if (bestw < 0)
		str_copy(buf, un->name ? un->name : un->code, len);
	return buf;
}

static void counts_of(struct ui *u, struct txn *t, size_t hi)
{
	struct ui_units *p = &u->units;
	struct store_counts sc;

	if (p->have[hi])
		return;
	memset(&sc, 0, sizeof(sc));
	if (store_unit_counts(t, hier_at(p->h, hi)->id, u->ops->today, u->ops->cfg->soon_days,
	                      &sc, NULL) == 0) {
		p->overdue[hi] = sc.overdue;
		p->total[hi] = sc.total;
	}
	p->have[hi] = 1;
}

const char *ui_tree_mark(const struct ui *u, int open)
{
	if (u->utf8)
		return open ? "▾" : "▸";
	return open ? "v" : ">";
}

/* The row after the tree: the tasks without a lead unit. */
static void nolead_draw(struct ui *u, int y, int sel, int focused)
{
	const struct ui_units *p = &u->units;
	int x = u->lo.pane_x[UI_UNITS], w = u->lo.pane_w[UI_UNITS], rw, room, tw;
	const char *name = "  (chưa xác định đơn vị chủ trì)";
	char counts[32];
	attr_t a = sel ? ui_attr(u, focused ? UC_SEL : UC_SEL_DIM) : ui_attr(u, UC_MUTED);

	ui_fmt_counts(p->rest_overdue, p->rest_total, counts, sizeof(counts));
	rw = txt_width(counts);
	room = rw + 6 > w ? w : w - rw - 1;
	tw = txt_width(name) < room ? txt_width(name) : room;
	ui_put(y, x, tw, name, a);
	ui_blank(y, x + tw, room - tw, A_NORMAL);
	if (room == w)
		return;
	ui_put(y, x + w - rw - 1, 1, " ", A_NORMAL);
	ui_put(y, x + w - rw, rw, counts, p->rest_overdue ? ui_attr(u, UC_OVERDUE) : A_NORMAL);
}

void ui_units_draw(struct ui *u, struct txn *t)
{
	struct ui_units *p = &u->units;
	const struct ui_layout *lo = &u->lo;
	int x = lo->pane_x[UI_UNITS], w = lo->pane_w[UI_UNITS], page = ui_page(u), r;
	int focused = u->focus == UI_UNITS && u->view == UI_VIEW_PANES;
	/* One column per level on a narrow pane: the names are what tell
	 * the units apart. */
	int step = w < 34 ? 1 : 2;
	struct sbuf b = { 0 };

	if (w <= 0)
		return;

	for (r = 0; r < page; r++) {
		size_t row = p->l.top + (size_t)r, hi;
		const struct unit *un;
		char counts[32];
		int y = lo->pane_y + 1 + r, depth, rw, leaf, indent, room;
		attr_t a, ca;

		if (row >= p->l.n) {
			ui_blank(y, x, w, A_NORMAL);
			continue;
		}
		hi = p->rows[row];
		if (hi == UI_UNITS_NOLEAD) {
			nolead_draw(u, y, row == p->l.sel, focused);
			continue;
		}
		un = hier_at(p->h, hi);
		depth = hier_depth(p->h, hi);
		leaf = hier_subtree_end(p->h, hi) == hi + 1;
		counts_of(u, t, hi);
		indent = (depth > 8 ? 8 : depth) * step;
		sbuf_reset(&b);
		sbuf_printf(&b, "%s %s%s", leaf ? " " : ui_tree_mark(u, p->open[hi]),
		            un->name ? un->name : un->code, un->historical ? " (lịch sử)" : "");
		ui_fmt_counts(p->overdue[hi], p->total[hi], counts, sizeof(counts));
		rw = txt_width(counts);
		if (row == p->l.sel)
			a = ui_attr(u, focused ? UC_SEL : UC_SEL_DIM);
		else
			a = ui_attr(u, un->historical ? UC_MUTED : UC_NORMAL);
		/* The counts keep their colour on the selected row, and the
		 * selection lights the name only, not the padding: a move
		 * rewrites two names (light on the wire). */
		ca = p->overdue[hi] ? ui_attr(u, UC_OVERDUE) : A_NORMAL;
		room = rw + 6 > w ? w : w - rw - 1;
		ui_blank(y, x, indent < room ? indent : room, A_NORMAL);
		if (indent < room) {
			int tw = txt_width(b.s);

			tw = tw < room - indent ? tw : room - indent;
			ui_put_match(u, y, x + indent, tw, b.s, a);
			ui_blank(y, x + indent + tw, room - indent - tw, A_NORMAL);
		}
		if (room == w)
			continue;
		ui_put(y, x + w - rw - 1, 1, " ", A_NORMAL);
		ui_put(y, x + w - rw, rw, counts, ca);
	}
	sbuf_free(&b);
}

static const char *folded_of(struct ui_units *p, size_t i)
{
	if (!p->folded)
		p->folded = xcalloc(p->count ? p->count : 1, sizeof(*p->folded));
	if (!p->folded[i]) {
		const struct unit *un = hier_at(p->h, i);
		struct sbuf b = { 0 };

		sbuf_printf(&b, "%s | %s | %s", un->name ? un->name : "", un->code,
		            un->abbrevs ? un->abbrevs : "");
		p->folded[i] = txt_fold(b.s, b.len, NULL);
		sbuf_free(&b);
	}
	return p->folded[i];
}

int ui_units_search(struct ui *u)
{
	struct ui_units *p = &u->units;
	size_t n = p->count, start, k, i;

	if (!n || !u->search.needle)
		return 0;
	start = p->l.n && p->rows[p->l.sel] != UI_UNITS_NOLEAD ? p->rows[p->l.sel] : n - 1;
	if (u->search.fresh)
		start = u->search.dir > 0 ? n - 1 : 0; /* from the first unit */
	for (k = 1; k <= n; k++) {
		i = u->search.dir > 0 ? (start + k) % n : (start + n - k % n) % n;
		if (txt_contains(folded_of(p, i), u->search.needle)) {
			ui_units_reveal(u, hier_at(p->h, i)->id);
			if (u->search.fresh)
				return 1;
			return (u->search.dir > 0 ? i <= start : i >= start) ? 2 : 1;
		}
	}
	return 0;
}
