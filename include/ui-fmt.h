/* ui-fmt.h — the TUI's terminal-free helpers: list cursors, the screen
 * layout and row formatting by display width.
 *
 * Nothing here touches curses or the store, so the unit tests run them
 * without a terminal.  Widths are display columns as text.h measures them.
 */
#ifndef THEODOI_UI_FMT_H
#define THEODOI_UI_FMT_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "text.h"
#include "util.h"

/* The smallest screen the TUI draws on. */
#define UI_MIN_COLS 80
#define UI_MIN_ROWS 24

/* A cursor over n rows shown `page` at a time: sel is the selected row,
 * top the first row shown.  Invariants after any ui_list_* call:
 * sel < n (or 0 when n == 0), top <= sel < top + page. */
struct ui_list {
	size_t n, sel, top;
};

/* Move the selection by delta rows (negative: up), clamped to the list. */
void ui_list_move(struct ui_list *l, long delta, int page);
/* Select row i (clamped), scrolling as little as needed. */
void ui_list_select(struct ui_list *l, size_t i, int page);
/* Select the row whose id (ids[0..l->n)) is `id`; 0 if none has it. */
int ui_list_select_id(struct ui_list *l, const uint64_t *ids, uint64_t id, int page);
/* Re-establish the invariants after n or page changed (keeps sel and top
 * where possible: a refresh must not move what the user looks at). */
void ui_list_clamp(struct ui_list *l, int page);

/* Where everything goes on a cols x rows screen.  Panes are side by side
 * at the top (each with a one-line title), the detail area below them,
 * then the message line and the status line. */
struct ui_layout {
	int cols, rows;
	int pane_x[3], pane_w[3]; /* units, documents, tasks; widths exclude the separator */
	int pane_y, pane_h;       /* title line at pane_y, rows below it */
	int detail_y, detail_h;   /* detail title line at detail_y, text below */
	int msg_y, status_y;
};

/* Compute the layout.  Returns 0, or -1 when the screen is smaller than
 * UI_MIN_COLS x UI_MIN_ROWS (out is then only partly filled). */
int ui_layout(int cols, int rows, struct ui_layout *out);

/* The layout with the width given to the focused pane (0 units, 1
 * documents, 2 tasks), so that its rows can be read at 80 columns:
 * - units: as ui_layout() from 100 columns; below, the tree takes all
 *   but a 16-column documents pane (numbers) and the tasks fold away;
 * - documents: the units pane narrows, the tasks pane gets what is left
 *   (nothing below 110 columns);
 * - tasks: below 110 columns the units and documents panes fold away
 *   (width 0: the title names the unit and document instead), above it
 *   they keep a narrow column each.
 * full: the focused pane takes the whole width, the others 0.  Panes of
 * width 0 are not drawn and have no separator.  Returns as ui_layout(). */
int ui_layout_focus(int cols, int rows, int focus, int full, struct ui_layout *out);

/* A screen of fewer rows is short: there the tasks pane, when it has the
 * focus, gives the list the height and keeps a preview of UI_PREVIEW_ROWS
 * rows at least under it instead of the detail area (ui-preview.c), so
 * that a move that scrolls the list stays light on the wire. */
#define UI_SHORT_ROWS 30
#define UI_PREVIEW_ROWS 3

/* Turn the detail area of a layout made by ui_layout or ui_layout_focus
 * into a preview under the list: the list gets the rows its n entries
 * need (one at least), up to all but `min_rows` rows under its rule line,
 * and the area under the rule the rest (min_rows at least, when the screen
 * has them).  pane_h, detail_y and detail_h change; the rest stays. */
void ui_layout_preview(struct ui_layout *lo, size_t n, int min_rows);

/* Append to b exactly `cols` columns: `left` cut with "…" and padded, and
 * `right` (may be NULL) aligned to the right edge after at least one
 * space.  When there is no room for right and 4 columns of left, right is
 * dropped.  Control characters are left out. */
void ui_fmt_lr(struct sbuf *b, const char *left, const char *right, int cols);

/* Append the cells of a table row to b: ncells texts with their widths,
 * separated by one space; a width of 0 means "the rest of cols".  Each
 * cell is cut and padded to its width; the total is exactly cols. */
void ui_fmt_cells(struct sbuf *b, const char *const *cells, const int *widths, int ncells,
                  int cols);

/* As ui_fmt_cells, with the last cell (the long one: a task's text, what
 * changed) scrolled sideways: shown from its display column `skip` on,
 * after a "…" when skip > 0.  When that cell's text still goes past the
 * row's end, *more (may be NULL) is raised to the cell's width; it is left
 * alone otherwise. */
void ui_fmt_cells_from(struct sbuf *b, const char *const *cells, const int *widths, int ncells,
                       int cols, int skip, int *more);

/* A growable array of ids (task or document): zero-initialise, append
 * with ui_ids_push, take .v (caller frees) or free with free(v). */
struct ui_ids {
	uint64_t *v;
	size_t n, cap;
};
void ui_ids_push(struct ui_ids *a, uint64_t id);
/* Sort ascending and drop duplicates. */
void ui_ids_uniq(struct ui_ids *a);

/* "12/345": overdue and total counts, shortened past 9999 ("12k"). Into
 * buf (at least 24 bytes); returns buf. */
char *ui_fmt_counts(unsigned long long overdue, unsigned long long total, char *buf,
                    size_t len);

/* When an update was recorded, for the detail area: the day it was
 * recorded for ("dd/mm/yyyy", the day `theodoi show` prints, which honours
 * --today), then the local clock time of its commit ("HH:MM") only when
 * the commit happened on that same day, so that a --today other than the
 * real date never shows a contradicting date.  day DATE_NONE: the
 * commit's own local day and time.  Into buf (at least 20 bytes); returns
 * buf. */
char *ui_fmt_when(date_t day, int64_t time, char *buf, size_t len);

/* A bar of `width` cells split among n segments (counts v[0..n)) in
 * proportion to their share of total (total >= the sum; the cells of the
 * rest stay empty): cells[i] receives segment i's cells.  Every segment
 * with a count gets at least one cell when width allows; the cells sum
 * to round(width * sum / total), distributed by largest remainder.
 * total 0 or width < 1 gives no cells.  Returns the cells used. */
int ui_bar_split(const uint64_t *v, int n, uint64_t total, int width, int *cells);

/* Append the bar to b: cells[i] copies of glyph[i] for each segment, then
 * `rest` up to width columns (each glyph one column wide); cells past
 * width are left out.  Returns the columns appended (width, or 0 when
 * width < 1). */
int ui_fmt_bar(struct sbuf *b, const int *cells, const char *const *glyph, int n,
               const char *rest, int width);

/* A message or a hint laid out to be read whole in lines of at most cols
 * columns (cols < 1 taken as 1): the text's parts, separated by " · ", go
 * as many to a line as fit, never cut; a part wider than a line breaks
 * between its words (as txt_wrap); '\n' ends a line.  cb (may be NULL:
 * count only) gets each line, pointing into s; it may stop the walk by
 * returning non-zero.  Returns the number of lines given (0 for an empty
 * text). */
int ui_fmt_wrap_parts(const char *s, int cols, txt_line_fn cb, void *ctx);

#endif
