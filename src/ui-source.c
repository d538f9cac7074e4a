/* ui-source.c — a document's original text (as imported), or a task in
 * full (ui-taskview.c), word-wrapped by
 * display width to the screen (txt_wrap: no line is cut at the edge) and
 * scrolled like a list; wrapped again after a resize, keeping the text at
 * the top of the screen in view. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "text.h"
#include "ui-ctx.h"
#include "ui-draw.h"
#include "util.h"

void ui_source_free(struct ui *u)
{
	struct ui_source *s = &u->src;

	free(s->text);
	free(s->lines);
	free(s->lens);
	memset(s, 0, sizeof(*s));
}

int ui_source_open(struct ui *u, struct txn *t, uint64_t doc, struct err *e)
{
	struct doc d;
	int rc;

	memset(&d, 0, sizeof(d));
	rc = store_doc_get(t, doc, &d, e);
	if (rc)
		return rc;
	if (!d.source) {
		ui_msg(u, 1, "Văn bản %s không có nguyên văn (không được nhập từ tệp).",
		       d.number[0] ? d.number : "(không số)");
		doc_free(&d);
		return 0;
	}
	ui_source_free(u);
	u->src.doc = doc;
	u->src.text = txt_sanitize_nl(d.source, 1);
	doc_free(&d);
	u->view = UI_VIEW_SOURCE;
	return 0;
}

struct wrap_ctx {
	struct ui_source *s;
	size_t cap;
};

static int add_line(const char *line, size_t len, void *ctx)
{
	struct wrap_ctx *w = ctx;
	struct ui_source *s = w->s;

	if (s->nlines == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 256;
		s->lines = xrealloc(s->lines, w->cap * sizeof(*s->lines));
		s->lens = xrealloc(s->lens, w->cap * sizeof(*s->lens));
	}
	s->lines[s->nlines] = (size_t)(line - s->text);
	s->lens[s->nlines++] = len;
	return 0;
}

void ui_source_draw(struct ui *u)
{
	struct ui_source *s = &u->src;
	const struct ui_layout *lo = &u->lo;
	int page = ui_view_page(u), r, w = lo->cols - 2;

	if (s->width != w) {
		/* Wrapped again for another width (a resize): keep the text
		 * that was at the top of the screen there. */
		struct wrap_ctx c = { s, 0 };
		size_t at = s->nlines && s->l.top < s->nlines ? s->lines[s->l.top] : 0, i;

		free(s->lines);
		free(s->lens);
		s->lines = NULL;
		s->lens = NULL;
		s->nlines = 0;
		txt_wrap(s->text ? s->text : "", w, add_line, &c);
		s->width = w;
		s->l.top = 0;
		for (i = 0; i < s->nlines && s->lines[i] <= at; i++)
			s->l.top = i;
		s->l.sel = s->l.top;
	}
	s->l.n = s->nlines;
	/* Scrolling stops when the last line reaches the bottom. */
	if (s->l.top + (size_t)page > s->nlines)
		s->l.top = s->nlines > (size_t)page ? s->nlines - (size_t)page : 0;
	s->l.sel = s->l.top;
	{
		char title[240], what[64];

		if (s->task)
			snprintf(what, sizeof(what), "Nhiệm vụ #%llu đầy đủ",
			         (unsigned long long)s->task);
		else
			str_copy(what, "Nguyên văn văn bản", sizeof(what));
		snprintf(title, sizeof(title),
		         " %s — dòng %zu–%zu/%zu · Esc: đóng", what,
		         s->nlines ? s->l.top + 1 : 0,
		         s->l.top + (size_t)page < s->nlines ? s->l.top + (size_t)page : s->nlines,
		         s->nlines);
		ui_put(0, 0, lo->cols, title, ui_attr(u, UC_TITLE_FOCUS));
	}
	for (r = 0; r < page; r++) {
		size_t row = s->l.top + (size_t)r;

		ui_blank(1 + r, 0, lo->cols, A_NORMAL);
		if (row < s->nlines) {
			char *line = xstrndup(s->text + s->lines[row], s->lens[row]);

			ui_put(1 + r, 1, w, line, A_NORMAL);
			free(line);
		}
	}
}
