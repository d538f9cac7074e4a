/* ui-draw.h — width-aware drawing on the curses screen, and the colour
 * scheme.  Every colour comes with a symbol or an attribute that reads in
 * monochrome too; NO_COLOR turns colours off.
 */
#ifndef THEODOI_UI_DRAW_H
#define THEODOI_UI_DRAW_H

#include <curses.h>

#include "cascade.h"
#include "timeliness.h"

struct ui;

enum ui_color {
	UC_NORMAL = 0,
	UC_TITLE,        /* pane title, unfocused */
	UC_TITLE_FOCUS,  /* pane title of the focused pane */
	UC_SEL,          /* selected row in the focused pane */
	UC_SEL_DIM,      /* selected row in another pane */
	UC_OVERDUE,
	UC_SOON,
	UC_DONE,
	UC_ONTRACK,
	UC_WAIT,         /* awaiting a directive, needs review, undated, on hold */
	UC_MUTED,        /* historical units, hints */
	UC_ERROR,
	UC_STATUS,       /* status line */
	UC_FORM,         /* form box */
	UC_COUNT
};

/* Start colours if the terminal has them and NO_COLOR is unset or empty;
 * sets u->color. */
void ui_colors_init(struct ui *u);

/* The attribute for a colour role (with reverse/bold/underline so that it
 * reads without colour). */
attr_t ui_attr(const struct ui *u, enum ui_color c);

/* What every task row draws at (y, x) over w columns once its cells are
 * laid out in `line` (ui_fmt_cells_from): the timeliness symbol of r, the
 * lint marker of tk, a blank, then the cells.  The attribute `a` of a
 * selected row (sel) lights the first cell (lead_w columns) only, light on
 * the wire (the whole row when lead_w is 0).  ui_task_row and the partner
 * view's rows both end with it (ui-tasks.c). */
struct task;
void ui_task_row_put(struct ui *u, const struct task *tk, struct tl_result r, int y, int x,
                     int w, const char *line, int lead_w, int sel, attr_t a);

/* Colour role of a timeliness. */
enum ui_color ui_tl_color(enum timeliness tl);

/* (ui-cascade.c) The symbol of a plan's state in the tree of `c` ("@" the document,
 * "+" issued, "*" late, "_" not issued, "!" not issued and overdue, "."
 * another document), apart from the tasks' symbols but "+", "*", "!" that
 * mean the same there; its colour into *c. */
const char *ui_cascade_symbol(enum cascade_state s, enum ui_color *c);

/* Draw s at (y, x) in exactly w columns: cut with "…" and padded with
 * spaces, never splitting a character.  Control characters are not drawn. */
void ui_put(int y, int x, int w, const char *s, attr_t a);

/* Draw s at (y, x) cut to at most w columns, without padding; returns the
 * columns drawn. */
int ui_put_cut(int y, int x, int w, const char *s, attr_t a);
/* As ui_put, with the first match of the last search (u->search.needle,
 * folded: case and diacritics ignored) underlined and bold on top of a,
 * as less and vim mark what a search found. */
void ui_put_match(const struct ui *u, int y, int x, int w, const char *s, attr_t a);

/* Blank w columns at (y, x). */
void ui_blank(int y, int x, int w, attr_t a);

/* Lines of text prepared for an area of the screen (the detail area),
 * each with its attribute.  Zero-initialise; the text is owned and
 * released by ui_lines_free(). */
struct ui_lines {
	char **s;
	attr_t *a;
	size_t n, cap;
};
/* Append s made safe for the terminal (txt_sanitize). */
void ui_lines_add(struct ui_lines *l, const char *s, attr_t a);
/* Append text word-wrapped to cols columns, at most max lines; when text
 * is left out the last line shown ends in "…". */
void ui_lines_wrap(struct ui_lines *l, const char *text, int cols, int max, attr_t a);
void ui_lines_free(struct ui_lines *l);

/* Separator lines. */
void ui_vline(int y, int x, int h);
void ui_hline(int y, int x, int w);

#endif
