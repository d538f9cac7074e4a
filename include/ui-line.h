/* ui-line.h — a one-line UTF-8 text editor for the TUI's form fields.
 *
 * Pure logic, no curses: the text is UTF-8, the cursor sits on a grapheme
 * cluster boundary (a base letter with its combining marks is one
 * "character": "ệ" typed as e + U+0323 + U+0302 moves and deletes as one),
 * and the view is a window of display columns that scrolls to keep the
 * cursor visible.  The form (ui-form.c) draws what uil_view() says.
 */
#ifndef THEODOI_UI_LINE_H
#define THEODOI_UI_LINE_H

#include <stddef.h>
#include <stdint.h>

struct ui_line {
	char *s;          /* the text, NUL-terminated UTF-8; owned */
	size_t len, cap;  /* bytes used (without the NUL) and allocated */
	size_t cur;       /* cursor: byte offset, at a grapheme boundary */
	size_t first;     /* first byte shown (grapheme boundary), see uil_view */
	size_t max;       /* most bytes the text may hold; 0 = no limit */
	int dirty;        /* set by every change of the text */
	int multi;        /* paragraphs: '\n' is kept (uil_init_multi) */
};

/* Start an editor with a copy of `text` (NULL = empty), the cursor at its
 * end.  max limits the length in bytes (0: none); a longer text is cut at
 * a character boundary.  Release with uil_free(). */
void uil_init(struct ui_line *l, const char *text, size_t max);
/* As uil_init, for a text of paragraphs: '\n' is kept (in `text` and
 * from uil_newline), every other control character dropped. */
void uil_init_multi(struct ui_line *l, const char *text, size_t max);
void uil_free(struct ui_line *l);

/* Enter in a text of paragraphs: a '\n' at the cursor.  0, or -1 (nothing
 * inserted) on a one-line editor or past the length limit. */
int uil_newline(struct ui_line *l);

/* Replace the whole text (cursor at the end); marks the line dirty. */
void uil_set(struct ui_line *l, const char *text);

/* Insert n bytes of UTF-8 at the cursor and move the cursor after them.
 * Control characters are dropped.  Returns 0, or -1 (nothing inserted)
 * when the bytes are not valid UTF-8 or would pass the length limit. */
int uil_insert(struct ui_line *l, const char *utf8, size_t n);
/* Insert one Unicode scalar value (a typed key); same returns. */
int uil_insert_char(struct ui_line *l, uint32_t c);

/* Cursor moves, by grapheme cluster.  Each returns 1 if it moved, else 0. */
int uil_left(struct ui_line *l);
int uil_right(struct ui_line *l);
void uil_home(struct ui_line *l);
void uil_end(struct ui_line *l);

/* Delete the character before (Backspace) or under (Delete) the cursor.
 * Returns 1 if something was deleted, else 0. */
int uil_backspace(struct ui_line *l);
int uil_delete(struct ui_line *l);
/* Delete from the cursor to the start of the line (Ctrl-U). */
void uil_kill_start(struct ui_line *l);

/* Number of characters (grapheme clusters) in the text, and the display
 * width of n bytes of UTF-8 at s (wide characters count 2, combining
 * marks 0). */
size_t uil_chars(const struct ui_line *l);
int uil_width(const char *s, size_t n);

/* Fit the view into `width` columns: adjusts l->first so that the cursor
 * is visible, then sets *start and *end to the bytes to draw (whole
 * characters whose width fits) and *col to the cursor column relative to
 * the view's left edge.  width < 1 is treated as 1. */
void uil_view(struct ui_line *l, int width, size_t *start, size_t *end, int *col);

/* The view of a field of `rows` lines (a note, a reason) in `width`
 * columns: the text word-wrapped (as txt_wrap() wraps it), scrolled so
 * that the cursor's line shows.  Fills start[i], len[i] (bytes of line i
 * shown, i < the return value <= rows) and *crow, *ccol, the cursor's row
 * among them and column.  rows and width < 1 are taken as 1. */
int uil_wrap_view(const struct ui_line *l, int width, int rows, size_t *start, size_t *len,
                  int *crow, int *ccol);

/* In a text of paragraphs wrapped to `width` columns (as uil_wrap_view
 * shows it; a text ending in '\n' ends with an empty line): move the
 * cursor drow lines down (up when negative) to the column nearest the one
 * it is at, stopping at the first or last line; returns 1 if it moved.
 * uil_wrap_edge moves it to the start (end 0) or end (end 1) of its line. */
int uil_wrap_move(struct ui_line *l, int width, int drow);
void uil_wrap_edge(struct ui_line *l, int width, int end);

#endif
