/* ui-fmt.c — list cursors, layout and width-exact row formatting. */
#include "ui-fmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	out->pane_w[0] = avail * 28 / 100;
	out->pane_w[1] = avail * 27 / 100;
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
		txt_pad(b, cells[i] ? cells[i] : "", w, 0);
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
	qsort(a->v, a->n, sizeof(*a->v), cmp_u64);
	for (i = 0; i < a->n; i++)
		if (k == 0 || a->v[k - 1] != a->v[i])
			a->v[k++] = a->v[i];
	a->n = k;
}
