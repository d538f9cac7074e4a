/* ui-fmt.c — list cursors, layout and width-exact row formatting. */
#include "ui-fmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text.h"

void ui_list_clamp(struct ui_list *l, int page)
{
	size_t p = page < 1 ? 1 : (size_t)page;

	if (l->n == 0) {
		l->sel = l->top = 0;
		return;
	}
	if (l->sel >= l->n)
		l->sel = l->n - 1;
	if (l->top > l->sel)
		l->top = l->sel;
	if (l->sel >= l->top + p)
		l->top = l->sel - p + 1;
	/* Do not leave empty rows at the bottom when the list could fill them. */
	if (l->top + p > l->n)
		l->top = l->n > p ? l->n - p : 0;
}

void ui_list_select(struct ui_list *l, size_t i, int page)
{
	l->sel = i;
	ui_list_clamp(l, page);
}

int ui_list_select_id(struct ui_list *l, const uint64_t *ids, uint64_t id, int page)
{
	for (size_t i = 0; i < l->n; i++)
		if (ids[i] == id) {
			ui_list_select(l, i, page);
			return 1;
		}
	return 0;
}

void ui_list_move(struct ui_list *l, long delta, int page)
{
	size_t step;

	if (l->n == 0)
		return;
	if (delta < 0) {
		step = (size_t)(-delta);
		l->sel = l->sel > step ? l->sel - step : 0;
	} else {
		step = (size_t)delta;
		l->sel = l->sel + step < l->n ? l->sel + step : l->n - 1;
	}
	ui_list_clamp(l, page);
}

int ui_layout(int cols, int rows, struct ui_layout *out)
{
	int avail, area, top;

	memset(out, 0, sizeof(*out));
	out->cols = cols;
	out->rows = rows;
	if (cols < UI_MIN_COLS || rows < UI_MIN_ROWS)
		return -1;
	avail = cols - 2; /* two one-column separators */
	/* Unit names need room more than document numbers do: on a narrow
	 * screen the units pane takes a larger share (36 % at 80 columns,
	 * falling evenly to 28 % at 120 and more), the documents pane a
	 * smaller one (21 % rising to 27 %). */
	{
		int over = (cols < 120 ? cols : 120) - UI_MIN_COLS; /* 0..40 */

		out->pane_w[0] = avail * (360 - 2 * over) / 1000;
		out->pane_w[1] = avail * (210 + 3 * over / 2) / 1000;
	}
	out->pane_w[2] = avail - out->pane_w[0] - out->pane_w[1];
	out->pane_x[0] = 0;
	out->pane_x[1] = out->pane_w[0] + 1;
	out->pane_x[2] = out->pane_x[1] + out->pane_w[1] + 1;
	area = rows - 2;
	top = area * 55 / 100;
	out->pane_y = 0;
	out->pane_h = top - 1;
	out->detail_y = top;
	out->detail_h = area - top - 1;
	out->msg_y = rows - 2;
	out->status_y = rows - 1;
	return 0;
}

int ui_layout_focus(int cols, int rows, int focus, int full, struct ui_layout *out)
{
	int w[3], i, x = 0, rest;

	if (ui_layout(cols, rows, out) != 0)
		return -1;
	if (focus <= 0 && !full && cols >= 100)
		return 0;
	if (focus < 0 || focus > 2)
		focus = 0;
	w[0] = w[1] = w[2] = 0;
	if (full) {
		w[focus] = cols;
	} else if (focus == 0) {
		/* The units below 100 columns: the tree takes the room its
		 * names need, the documents keep a column of numbers, the tasks
		 * fold away (a move in the tree then refills a narrow column,
		 * not two panes: light on the wire). */
		w[1] = 16;
		w[0] = cols - w[1] - 1;
	} else if (focus == 1) {
		/* The documents: number and title side by side. */
		w[0] = cols < 110 ? 22 : cols * 22 / 100;
		rest = cols - w[0] - 1;
		if (cols >= 110) {
			w[2] = rest * 40 / 100;
			w[1] = rest - w[2] - 1;
		} else {
			w[1] = rest;
		}
	} else if (cols >= 110) {
		/* The tasks, with a narrow column of units and of numbers. */
		w[0] = cols * 17 / 100;
		w[1] = 16;
		w[2] = cols - w[0] - w[1] - 2;
	} else {
		w[2] = cols;
	}
	for (i = 0; i < 3; i++) {
		out->pane_x[i] = x;
		out->pane_w[i] = w[i];
		if (w[i] > 0)
			x += w[i] + 1;
	}
	return 0;
}

void ui_layout_preview(struct ui_layout *lo, size_t n, int min_rows)
{
	/* title, the list, the rule line, the preview: above the message line */
	int room = lo->msg_y - lo->pane_y - 2, list;

	if (min_rows < 1)
		min_rows = 1;
	if (room < min_rows + 1)
		return; /* not even one row of list beside the preview */
	list = room - min_rows;
	if (n < (size_t)list)
		list = n > 0 ? (int)n : 1;
	lo->pane_h = list;
	lo->detail_y = lo->pane_y + 1 + list;
	lo->detail_h = room - list;
}

void ui_fmt_lr(struct sbuf *b, const char *left, const char *right, int cols)
{
	int rw = right ? txt_width(right) : 0;

	if (cols <= 0)
		return;
	if (!right || rw + 1 + 4 > cols) {
		txt_pad(b, left ? left : "", cols, 0);
		return;
	}
	txt_pad(b, left ? left : "", cols - rw - 1, 0);
	sbuf_putc(b, ' ');
	txt_pad(b, right, rw, 0);
}

void ui_fmt_cells(struct sbuf *b, const char *const *cells, const int *widths, int ncells,
                  int cols)
{
	ui_fmt_cells_from(b, cells, widths, ncells, cols, 0, NULL);
}

void ui_fmt_cells_from(struct sbuf *b, const char *const *cells, const int *widths, int ncells,
                       int cols, int skip, int *more)
{
	int used = 0, i, fixed = ncells > 1 ? ncells - 1 : 0, flex, w;

	for (i = 0; i < ncells; i++)
		fixed += widths[i];
	flex = cols - fixed > 0 ? cols - fixed : 0;
	for (i = 0; i < ncells && used < cols; i++) {
		if (i) {
			sbuf_putc(b, ' ');
			used++;
		}
		w = widths[i] ? widths[i] : flex;
		if (i == ncells - 1 || w > cols - used)
			w = cols - used; /* the last cell fills the row */
		if (i == ncells - 1) {
			const char *c = cells[i] ? cells[i] : "";
			struct sbuf tail = { 0 };

			if (skip > 0 && *c) {
				/* from column `skip` on; a character across it is left out */
				int cut;
				size_t off = txt_fit(c, skip, &cut);

				if (cut < skip && c[off])
					off = txt_next(c, strlen(c), off);
				sbuf_puts(&tail, "…");
				sbuf_puts(&tail, c + off);
				c = tail.s;
			}
			if (more && txt_width(c) > w && *more < w)
				*more = w;
			txt_pad(b, c, w, 0);
			sbuf_free(&tail);
		} else {
			txt_pad(b, cells[i] ? cells[i] : "", w, 0);
		}
		used += w;
	}
	while (used < cols) {
		sbuf_putc(b, ' ');
		used++;
	}
}

static void fmt_num(unsigned long long v, char *buf, size_t len)
{
	if (v < 10000)
		snprintf(buf, len, "%llu", v);
	else if (v < 1000000)
		snprintf(buf, len, "%lluk", v / 1000);
	else
		snprintf(buf, len, "%lluM", v / 1000000);
}

char *ui_fmt_counts(unsigned long long overdue, unsigned long long total, char *buf,
                    size_t len)
{
	char a[24], t[24];

	fmt_num(overdue, a, sizeof(a));
	fmt_num(total, t, sizeof(t));
	snprintf(buf, len, "%s/%s", a, t);
	return buf;
}

void ui_ids_push(struct ui_ids *a, uint64_t id)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 64;
		a->v = xrealloc(a->v, a->cap * sizeof(*a->v));
	}
	a->v[a->n++] = id;
}

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return a < b ? -1 : a > b;
}

void ui_ids_uniq(struct ui_ids *a)
{
	size_t i, k = 0;

	if (a->n < 2)
		return;
	xqsort(a->v, a->n, sizeof(*a->v), cmp_u64);
	for (i = 0; i < a->n; i++)
		if (k == 0 || a->v[k - 1] != a->v[i])
			a->v[k++] = a->v[i];
	a->n = k;
}

char *ui_fmt_when(date_t day, int64_t time, char *buf, size_t len)
{
	time_t tt = (time_t)time;
	struct tm tm;
	int have = time > 0 && localtime_r(&tt, &tm) != NULL;
	date_t cday = have ? date_make(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) : DATE_NONE;
	char d[16];

	if (day == DATE_NONE)
		day = cday;
	if (day == DATE_NONE) {
		snprintf(buf, len, "?");
		return buf;
	}
	date_vn(day, d);
	if (have && cday == day)
		snprintf(buf, len, "%s %02d:%02d", d, tm.tm_hour, tm.tm_min);
	else
		snprintf(buf, len, "%s", d);
	return buf;
}

int ui_bar_split(const uint64_t *v, int n, uint64_t total, int width, int *cells)
{
	uint64_t sum = 0, rem[16];
	int i, used = 0, target, nonzero = 0;

	for (i = 0; i < n; i++) {
		cells[i] = 0;
		sum += v[i];
		nonzero += v[i] > 0;
	}
	if (n > 16 || total == 0 || width < 1 || sum == 0)
		return 0;
	if (sum > total)
		total = sum;
	/* round(width * sum / total); width is small, so no overflow below
	 * for any count a store can hold. */
	target = (int)(((uint64_t)width * sum * 2 + total) / (total * 2));
	if (target < nonzero)
		target = nonzero <= width ? nonzero : width;
	for (i = 0; i < n; i++) {
		cells[i] = (int)((uint64_t)width * v[i] / total);
		rem[i] = (uint64_t)width * v[i] % total;
		used += cells[i];
	}
	while (used < target) { /* largest remainder first, earlier segment on ties */
		int best = -1;

		for (i = 0; i < n; i++)
			if (v[i] && (best < 0 || rem[i] > rem[best]))
				best = i;
		cells[best]++;
		rem[best] = 0;
		used++;
	}
	while (used > target) { /* floors never exceed the target: kept for safety */
		int big = 0;

		for (i = 1; i < n; i++)
			if (cells[i] > cells[big])
				big = i;
		cells[big]--;
		used--;
	}
	/* A segment with a count shows at least one cell, taken from the
	 * largest segment. */
	for (i = 0; i < n; i++)
		if (v[i] && cells[i] == 0) {
			int j, big = -1;

			for (j = 0; j < n; j++)
				if (cells[j] > 1 && (big < 0 || cells[j] > cells[big]))
					big = j;
			if (big < 0)
				break;
			cells[big]--;
			cells[i]++;
		}
	return used;
}

int ui_fmt_bar(struct sbuf *b, const int *cells, const char *const *glyph, int n,
               const char *rest, int width)
{
	int i, k, cols = 0;

	for (i = 0; i < n; i++)
		for (k = 0; k < cells[i] && cols < width; k++, cols++)
			sbuf_puts(b, glyph[i]);
	for (; cols < width; cols++)
		sbuf_puts(b, rest);
	return cols;
}

/* ---- messages and hints shown whole ---- */

struct part_wrap {
	const char *base;  /* the text given to ui_fmt_wrap_parts */
	const char *copy;  /* the part being word-wrapped (a NUL-terminated copy) */
	size_t off;        /* where that part starts in base */
	txt_line_fn cb;
	void *ctx;
	int n, stop;
};

static int part_emit(struct part_wrap *w, const char *line, size_t len)
{
	w->n++;
	if (!w->stop && w->cb && w->cb(line, len, w->ctx))
		w->stop = 1;
	return w->stop;
}

/* A line of a part that was word-wrapped: back into the caller's text. */
static int part_line(const char *line, size_t len, void *ctx)
{
	struct part_wrap *w = ctx;

	return part_emit(w, w->base + w->off + (size_t)(line - w->copy), len);
}

/* One paragraph s[0..n) (no '\n'): its parts packed as many a line as fit. */
static void wrap_paragraph(struct part_wrap *w, const char *s, size_t n, int cols)
{
	static const char sep[] = " · ";
	const size_t seplen = sizeof(sep) - 1;
	size_t at = 0, line0 = 0, line1 = 0;
	int have = 0;

	if (n == 0) {
		part_emit(w, s, 0);
		return;
	}
	while (at < n && !w->stop) {
		const char *hit = NULL, *p;
		size_t end;

		for (p = s + at; p + seplen <= s + n; p++)
			if (memcmp(p, sep, seplen) == 0) {
				hit = p;
				break;
			}
		end = hit ? (size_t)(hit - s) : n;
		if (have && txt_width_n(s + line0, end - line0) <= cols) {
			line1 = end; /* the part joins the line */
		} else {
			if (have && part_emit(w, s + line0, line1 - line0))
				return;
			have = 0;
			if (txt_width_n(s + at, end - at) <= cols) {
				line0 = at;
				line1 = end;
				have = 1;
			} else {
				/* wider than a line alone: between its words */
				char *copy = xstrndup(s + at, end - at);

				w->copy = copy;
				w->off = (size_t)(s - w->base) + at;
				txt_wrap(copy, cols, part_line, w);
				free(copy);
			}
		}
		at = hit ? end + seplen : n;
	}
	if (have && !w->stop)
		part_emit(w, s + line0, line1 - line0);
}

int ui_fmt_wrap_parts(const char *s, int cols, txt_line_fn cb, void *ctx)
{
	struct part_wrap w;
	const char *p = s, *nl;

	memset(&w, 0, sizeof(w));
	w.base = s;
	w.cb = cb;
	w.ctx = ctx;
	if (cols < 1)
		cols = 1;
	if (!s || !*s)
		return 0;
	while (!w.stop) {
		nl = strchr(p, '\n');
		wrap_paragraph(&w, p, nl ? (size_t)(nl - p) : strlen(p), cols);
		if (!nl || !nl[1])
			break;
		p = nl + 1;
	}
	return w.n;
}
