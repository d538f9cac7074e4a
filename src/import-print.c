/* import-print.c — a readable summary of an import for `--format text`:
 * the document, then one line per task, the indicators and the warnings,
 * with Vietnamese labels and columns aligned by display width.
 */
#include "import.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hier.h"
#include "text.h"
#include "util.h"

#define SECTION_COLS_MAX 14
#define LEAD_COLS 26
#define DL_COLS 28
#define TEXT_COLS 64
#define TEXT_MIN_COLS 20
#define NARROW_COLS 16 /* the lead and deadline columns at their narrowest */
#define WIDE_COLS 40 /* the lead and deadline columns on a wide terminal */

static void field(struct sbuf *b, const char *label, int width, const char *value)
{
	if (!value || !*value)
		return;
	txt_pad(b, label, width, 0);
	sbuf_puts(b, " ");
	sbuf_puts(b, value);
	sbuf_putc(b, '\n');
}

static const char *code_of(const struct hier *h, uint32_t id)
{
	const struct unit *u = h && id ? hier_unit(h, id) : NULL;

	return u ? u->code : NULL;
}

static void doc_part(const struct imp_result *r, const struct hier *h, struct sbuf *b)
{
	static const char *const labels[] = { "Văn bản:", "Trích yếu:", "Cơ quan ban hành:",
					      "Thực hiện:", "Người ký:", "Hạn kế hoạch cấp dưới:" };
	const struct imp_doc *d = &r->doc;
	struct sbuf v = {0};
	char date[11];
	int w = 0;

	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		if (txt_width(labels[i]) > w)
			w = txt_width(labels[i]);
	sbuf_printf(&v, "%s%s%s", d->kind[0] ? d->kind : "", d->kind[0] ? " " : "",
	            d->number[0] ? d->number : (d->kind[0] ? "(không số)" : "(không rõ loại, số)"));
	if (d->date != DATE_NONE)
		sbuf_printf(&v, ", ngày %s", date_vn(d->date, date));
	field(b, labels[0], w, v.s);
	field(b, labels[1], w, d->title);
	sbuf_reset(&v);
	if (d->issuer) {
		sbuf_puts(&v, d->issuer);
		if (code_of(h, d->issuer_unit))
			sbuf_printf(&v, " (%s)", code_of(h, d->issuer_unit));
	} else if (code_of(h, d->issuer_unit)) {
		sbuf_puts(&v, code_of(h, d->issuer_unit));
	}
	field(b, labels[2], w, v.s);
	sbuf_reset(&v);
	for (int k = 0; k < d->nimplements; k++)
		sbuf_printf(&v, "%s%s", k ? ", " : "", d->implements[k]);
	field(b, labels[3], w, v.s);
	sbuf_reset(&v);
	if (d->signer_role || d->signer)
		sbuf_printf(&v, "%s%s%s", d->signer ? d->signer : "",
		            d->signer && d->signer_role ? ", " : "",
		            d->signer_role ? d->signer_role : "");
	field(b, labels[4], w, v.s);
	if (d->plan_due != DATE_NONE)
		field(b, labels[5], w, date_vn(d->plan_due, date));
	sbuf_free(&v);
}

/* The lead of t as the column shows it: the unit's code, or the name as
 * written with its marker ("(chung)": a group task, no single unit leads;
 * "(?)": it names no unit we know), cut to cols columns by cutting the
 * name, never the marker.  Malloc'd (NULL: no lead). */
static char *lead_cell(const struct imp_task *t, const struct hier *h, int cols)
{
	const char *code = code_of(h, t->lead_unit);
	if (code)
		return txt_trunc(code, cols);
	if (!t->lead)
		return NULL;
	const char *mark = t->lead_group ? " (chung)" : h ? " (?)" : "";
	char *name = txt_sanitize(t->lead);
	int room = cols - txt_width(mark);
	struct sbuf b = {0};
	if (room >= 2 || !*mark) {
		txt_trunc_into(&b, name, room > 0 ? room : cols);
		sbuf_puts(&b, mark);
	} else {
		txt_trunc_into(&b, name, cols);
	}
	free(name);
	return sbuf_detach(&b);
}

static void tasks_part(const struct imp_result *r, const struct hier *h, int width,
                       struct sbuf *b)
{
	int sw = txt_width("Mục"), lw = LEAD_COLS, dw = DL_COLS, tw = TEXT_COLS;
	int lneed = 0, dneed = 0, tneed = 0;
	char dl[128];

	for (size_t k = 0; k < r->ntasks; k++) {
		const struct imp_task *t = &r->tasks[k];
		int w = txt_width(t->section);

		if (w > sw)
			sw = w > SECTION_COLS_MAX ? SECTION_COLS_MAX : w;
		if (width <= 0)
			continue;
		char *lead = lead_cell(t, h, INT_MAX / 2), *one = txt_sanitize(t->text ? t->text : "");
		if (lead && txt_width(lead) > lneed)
			lneed = txt_width(lead);
		if (t->dl.d.kind != DL_NONE && txt_width(dl_describe(&t->dl, dl, sizeof dl)) > dneed)
			dneed = txt_width(dl);
		if (txt_width(one) > tneed)
			tneed = txt_width(one);
		free(lead);
		free(one);
	}
	if (width > 0) {
		/* the terminal's width: a wider one shows the lead and the
		 * deadline (up to WIDE_COLS each), then the text, whole as far as
		 * it goes; a narrower one cuts the text first */
		int spare = width - (sw + lw + dw + tw + 3);
		int more = (lneed < WIDE_COLS ? lneed : WIDE_COLS) - lw;
		more = more > 0 ? more : 0;
		if (spare > 0) {
			more = more < spare ? more : spare;
			lw += more;
			spare -= more;
			more = (dneed < WIDE_COLS ? dneed : WIDE_COLS) - dw;
			more = more > 0 ? (more < spare ? more : spare) : 0;
			dw += more;
			spare -= more;
			more = tneed > tw ? tneed - tw : 0;
			tw += more < spare ? more : spare;
		} else {
			/* narrower: the text down to TEXT_MIN_COLS, then the
			 * deadline and the lead down to NARROW_COLS */
			int *cols[] = {&tw, &dw, &lw}, least[] = {TEXT_MIN_COLS, NARROW_COLS, NARROW_COLS};
			for (int i = 0; i < 3 && spare < 0; i++) {
				int give = *cols[i] - least[i] < -spare ? *cols[i] - least[i] : -spare;
				*cols[i] -= give;
				spare += give;
			}
		}
	}
	sbuf_printf(b, "\nNhiệm vụ (%zu):\n", r->ntasks);
	txt_pad(b, "Mục", sw, 0);
	sbuf_putc(b, ' ');
	txt_pad(b, "Chủ trì", lw, 0);
	sbuf_putc(b, ' ');
	txt_pad(b, "Thời hạn", dw, 0);
	sbuf_puts(b, " Nội dung\n");
	for (size_t k = 0; k < r->ntasks; k++) {
		const struct imp_task *t = &r->tasks[k];
		char *lead = lead_cell(t, h, lw), *one;

		txt_pad(b, t->section, sw, 0);
		sbuf_putc(b, ' ');
		txt_pad(b, lead ? lead : "—", lw, 0);
		sbuf_putc(b, ' ');
		txt_pad(b, t->dl.d.kind == DL_NONE ? "—" : dl_describe(&t->dl, dl, sizeof dl), dw, 0);
		sbuf_putc(b, ' ');
		one = txt_sanitize(t->text ? t->text : "");
		txt_pad(b, one, tw, 0);
		while (b->len && b->s[b->len - 1] == ' ')
			b->s[--b->len] = '\0';
		sbuf_putc(b, '\n');
		free(one);
		free(lead);
	}
}

static void number(struct sbuf *b, double v)
{
	if (v > -1e15 && v < 1e15 && v == (double)(long long)v)
		sbuf_printf(b, "%lld", (long long)v);
	else
		sbuf_printf(b, "%g", v);
}

static void indicators_part(const struct imp_result *r, struct sbuf *b)
{
	if (!r->nindicators)
		return;
	sbuf_printf(b, "\nChỉ tiêu (%zu):\n", r->nindicators);
	for (size_t k = 0; k < r->nindicators; k++) {
		const struct imp_indicator *i = &r->indicators[k];
		struct sbuf v = {0};
		char *one;

		sbuf_add(&v, "", 0);
		if (i->yearly)
			sbuf_puts(&v, "hằng năm");
		if (i->year)
			sbuf_printf(&v, "%snăm %d", v.len ? " đến " : "", i->year);
		if (!isnan(i->min)) {
			int ceiling = !isnan(i->target) && i->target < i->min;

			sbuf_puts(&v, v.len ? ", " : "");
			sbuf_puts(&v, ceiling ? "không quá " : "tối thiểu ");
			number(&v, i->min);
			sbuf_puts(&v, i->unit);
		}
		if (!isnan(i->target)) {
			sbuf_puts(&v, v.len ? ", phấn đấu " : "phấn đấu ");
			number(&v, i->target);
			sbuf_puts(&v, i->unit);
		}
		txt_pad(b, v.len ? v.s : "—", 36, 0);
		sbuf_putc(b, ' ');
		one = txt_sanitize(i->text ? i->text : "");
		txt_pad(b, one, TEXT_COLS, 0);
		while (b->len && b->s[b->len - 1] == ' ')
			b->s[--b->len] = '\0';
		sbuf_putc(b, '\n');
		free(one);
		sbuf_free(&v);
	}
}

/* The first words of text, at most about 40 characters, "…" if cut. */
static void first_words(const char *text, struct sbuf *b)
{
	size_t n = 0, chars = 0, cut = 0;
	while (text[n] && text[n] != '\n' && chars < 40) {
		if (text[n] == ' ')
			cut = n;
		if ((text[n] & 0xC0) != 0x80)
			chars++;
		n++;
	}
	while (text[n] && (text[n] & 0xC0) == 0x80)
		n++;
	if (!text[n] || text[n] == '\n') {
		sbuf_add(b, text, n);
		return;
	}
	sbuf_add(b, text, cut ? cut : n);
	sbuf_puts(b, "…");
}

void imp_warning_where(const struct imp_result *r, size_t i, int with_file, struct sbuf *out)
{
	int line = r->warnings[i].line;
	const struct imp_task *t = NULL;
	const struct imp_indicator *ind = NULL;

	if (with_file)
		sbuf_puts(out, r->file[0] ? r->file : "-");
	if (line <= 0)
		return;
	if (!r->converted) {
		sbuf_printf(out, with_file ? ":%d" : "dòng %d", line);
		return;
	}
	for (size_t k = 0; k < r->ntasks && r->tasks[k].line <= line; k++)
		t = &r->tasks[k];
	for (size_t k = 0; k < r->nindicators; k++)
		if (r->indicators[k].line == line && (!t || t->line != line))
			ind = &r->indicators[k];
	const char *section = ind ? ind->section : t ? t->section : NULL;
	const char *text = ind ? ind->text : t ? t->text : NULL;
	if (!text)
		return;
	sbuf_printf(out, "%s%smục %s “", with_file ? ", " : "", ind || t->line == line ? "" : "sau ",
	            section);
	first_words(text, out);
	sbuf_puts(out, "”");
}

static void warnings_part(const struct imp_result *r, struct sbuf *b)
{
	if (!r->nwarnings)
		return;
	sbuf_printf(b, "\nCảnh báo (%zu):\n", r->nwarnings);
	for (size_t k = 0; k < r->nwarnings; k++) {
		sbuf_puts(b, "  ");
		imp_warning_where(r, k, 1, b);
		sbuf_printf(b, ": cảnh báo: %s\n", r->warnings[k].msg);
	}
}

void imp_text(const struct imp_result *r, const struct hier *h, int width, struct sbuf *out)
{
	sbuf_add(out, "", 0);
	doc_part(r, h, out);
	tasks_part(r, h, width, out);
	indicators_part(r, out);
	warnings_part(r, out);
}
