/* ui-source.c — a document's original text (as imported), wrapped to the
 * screen and scrolled like a list. */
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
		struct wrap_ctx c = { s, 0 };

		free(s->lines);
		free(s->lens);
		s->lines = NULL;
		s->lens = NULL;
		s->nlines = 0;
		txt_wrap(s->text ? s->text : "", w, add_line, &c);
		s->width = w;
	}
	s->l.n = s->nlines;
	ui_list_clamp(&s->l, page);
	ui_put(0, 0, lo->cols, " Nguyên văn văn bản (Esc hoặc q để đóng; j/k, PgUp/PgDn để cuộn)",
	       ui_attr(u, UC_TITLE_FOCUS));
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
