/* ui-msg.h — text the user must be able to read whole at any width: the
 * message line's message, a form's hint, error or question, the notice of
 * an empty list.  A text wider than its line is wrapped over as many lines
 * as it needs (ui_fmt_wrap_parts: a hint's parts whole, the rest between
 * words), never cut mid-word.
 */
#ifndef THEODOI_UI_MSG_H
#define THEODOI_UI_MSG_H

#include <curses.h>

struct ui;

/* Lines s takes in w columns. */
int ui_wrap_rows(const char *s, int w);

/* Draw s wrapped in w columns from (y, x), one line per row, each padded
 * to w; at most `rows` lines: when it needs more, the last one drawn ends
 * in "…".  Returns the lines drawn. */
int ui_put_wrap(int y, int x, int w, int rows, const char *s, attr_t a);

/* The message (u->msg) on the message line; one too long for it takes
 * the lines above as well, under a rule, as many as it needs (at most the
 * screen above the message line), until the next key clears it. */
void ui_msg_draw(struct ui *u);

#endif
