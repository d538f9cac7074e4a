/* ui-msg.c — messages, hints and notices drawn whole: wrapped where the
 * line is too narrow for them (the layout is ui_fmt_wrap_parts'). */
#include "ui-msg.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "util.h"

int ui_wrap_rows(const char *s, int w)
{
	return s ? ui_fmt_wrap_parts(s, w, NULL, NULL) : 0;
}

struct put_ctx {
	int y, x, w, left, total, drawn;
	attr_t a;
};

static int put_line(const char *line, size_t len, void *ctx)
{
	struct put_ctx *c = ctx;
	char *s = xstrndup(line, len);

	if (c->left == 1 && c->drawn + 1 < c->total) {
		/* the last row there is room for, with more to come */
		struct sbuf b = { 0 };
		size_t k = txt_fit(s, c->w - 1, NULL);

		sbuf_printf(&b, "%.*s…", (int)k, s);
		ui_put(c->y, c->x, c->w, b.s, c->a);
		sbuf_free(&b);
	} else {
		ui_put(c->y, c->x, c->w, s, c->a);
	}
	free(s);
	c->y++;
	c->drawn++;
	return --c->left <= 0;
}

int ui_put_wrap(int y, int x, int w, int rows, const char *s, attr_t a)
{
	struct put_ctx c = { y, x, w, rows, 0, 0, a };

	if (!s || rows < 1 || w < 1)
		return 0;
	c.total = ui_wrap_rows(s, w);
	ui_fmt_wrap_parts(s, w, put_line, &c);
	return c.drawn;
}

void ui_msg_draw(struct ui *u)
{
	const struct ui_layout *lo = &u->lo;
	attr_t a = u->msg_error ? ui_attr(u, UC_ERROR) : A_NORMAL;
	int n = ui_wrap_rows(u->msg, lo->cols), top;

	if (n <= 1) {
		ui_put(lo->msg_y, 0, lo->cols, u->msg, a);
		return;
	}
	top = lo->msg_y - n + 1;
	if (top < 1)
		top = 1; /* the rule, and the rest of the message below it */
	ui_hline(top - 1, 0, lo->cols);
	ui_put_wrap(top, 0, lo->cols, lo->msg_y - top + 1, u->msg, a);
}
