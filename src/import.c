/* import.c — imp_parse(): text, header, structure, then units resolved
 * against the hierarchy and what could not be settled listed as warnings.
 */
#include "import-internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hier.h"
#include "text.h"

void imp_warn(struct imp_ctx *c, int line, const char *fmt, ...)
{
	struct imp_result *r = c->r;
	struct sbuf b = {0};
	va_list ap;
	char tmp[1024];

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	sbuf_puts(&b, tmp);
	if (r->nwarnings == c->wcap) {
		c->wcap = c->wcap ? c->wcap * 2 : 16;
		r->warnings = xrealloc(r->warnings, c->wcap * sizeof *r->warnings);
	}
	r->warnings[r->nwarnings].line = line;
	r->warnings[r->nwarnings].msg = sbuf_detach(&b);
	r->nwarnings++;
}

struct imp_task *imp_task_new(struct imp_ctx *c)
{
	struct imp_result *r = c->r;
	struct imp_task *t;

	if (r->ntasks == c->tcap) {
		c->tcap = c->tcap ? c->tcap * 2 : 64;
		r->tasks = xrealloc(r->tasks, c->tcap * sizeof *r->tasks);
	}
	t = &r->tasks[r->ntasks++];
	memset(t, 0, sizeof *t);
	dl_init(&t->dl);
	return t;
}

struct imp_indicator *imp_indicator_new(struct imp_ctx *c)
{
	struct imp_result *r = c->r;
	struct imp_indicator *i;

	if (r->nindicators == c->icap) {
		c->icap = c->icap ? c->icap * 2 : 16;
		r->indicators = xrealloc(r->indicators, c->icap * sizeof *r->indicators);
	}
	i = &r->indicators[r->nindicators++];
	memset(i, 0, sizeof *i);
	i->min = i->target = NAN;
	return i;
}

const char *imp_dl_source_name(enum imp_dl_source s)
{
	switch (s) {
	case IMP_DL_INLINE:
		return "inline";
	case IMP_DL_SECTION:
		return "section";
	default:
		return "none";
	}
}

/* ---- units ------------------------------------------------------------- */

/* Names already reported as unresolved, so each is listed once. */
struct seen {
	char **keys;
	size_t n, cap;
};

/* At most this many names are listed: a pathological text cannot make the
 * check quadratic, and nobody reads more. */
#define MAX_LISTED 200

static int seen_add(struct seen *s, const char *name)
{
	char *k;

	if (s->n >= MAX_LISTED)
		return 0;
	k = txt_fold(name, strlen(name), NULL);

	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->keys[i], k)) {
			free(k);
			return 0;
		}
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->keys = xrealloc(s->keys, s->cap * sizeof *s->keys);
	}
	s->keys[s->n++] = k;
	return 1;
}

static void seen_free(struct seen *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->keys[i]);
	free(s->keys);
}

/* A lead that lists several units resolves to the first one; *several is
 * set when the others differ from it. */
static uint32_t resolve_lead(const struct imp_ctx *c, const char *lead, uint32_t issuer,
                             int *several)
{
	struct imp_toks tk;
	struct imp_item items[16];
	size_t end, cnt;
	char stop;
	uint32_t first = 0;

	*several = 0;
	imp_toks_init(&tk, lead, strlen(lead));
	cnt = imp_unit_list(&tk, 0, items, 16, &end, &stop);
	if (cnt <= 1) {
		imp_toks_free(&tk);
		return imp_units_resolve(c->units, lead, strlen(lead), issuer);
	}
	for (size_t i = 0; i < cnt; i++) {
		size_t a, b;
		uint32_t u;

		imp_tok_span(&tk, items[i].a, items[i].b, &a, &b);
		u = imp_units_resolve(c->units, lead + a, b - a, issuer);
		if (i == 0)
			first = u;
		else if (u != first)
			*several = 1;
	}
	imp_toks_free(&tk);
	if (!first)
		*several = 0;
	return first;
}

/* Each task's lead: a group, a unit, or a name that names none; the
 * counts of imp_result and, with a hierarchy, one warning per distinct
 * name per kind (see import.h).  A run of tasks under one heading shares
 * its lead: it is read once. */
static void resolve_units(struct imp_ctx *c)
{
	struct imp_result *r = c->r;
	uint32_t issuer = r->doc.issuer_unit;
	struct seen unresolved = {0}, groups = {0}, listed = {0}, partners = {0};

	for (size_t k = 0; k < r->ntasks; k++) {
		struct imp_task *t = &r->tasks[k];
		const struct imp_task *prev = k ? &r->tasks[k - 1] : NULL;
		int several = 0;

		if (!t->lead) {
			r->lead_tasks_none++;
		} else if (prev && prev->lead && !strcmp(t->lead, prev->lead)) {
			t->lead_group = prev->lead_group;
			t->lead_unit = prev->lead_unit;
		} else {
			t->lead_group = imp_lead_is_group(t->lead);
			if (!t->lead_group && c->units)
				t->lead_unit = resolve_lead(c, t->lead, issuer, &several);
		}
		if (t->lead && t->lead_group) {
			r->lead_tasks_group++;
			if (c->units && seen_add(&groups, t->lead))
				imp_warn(c, t->line,
				         "“%s” (mục %s) là nhiệm vụ chung của nhiều cơ quan: không gán "
				         "một đơn vị chủ trì, giữ nguyên văn bản",
				         t->lead, t->section);
		} else if (t->lead && !t->lead_unit) {
			r->lead_tasks_unresolved++;
			if (seen_add(&unresolved, t->lead)) {
				r->lead_names_unresolved++;
				if (c->units && strpbrk(t->lead, ",;"))
					/* link takes one name: a list is set task by task */
					imp_warn(c, t->line,
					         "không xác định được đơn vị chủ trì “%s” (mục %s): giữ "
					         "nguyên văn bản, chưa gắn với đơn vị nào (nêu nhiều đơn vị: "
					         "chọn đơn vị chủ trì bằng theodoi edit-task MÃ --lead "
					         "MÃ_ĐƠN_VỊ)", t->lead, t->section);
				else if (c->units)
					imp_warn(c, t->line,
					         "không xác định được đơn vị chủ trì “%s” (mục %s): giữ "
					         "nguyên văn bản, chưa gắn với đơn vị nào (gắn một lần cho "
					         "mọi nhiệm vụ: theodoi link \"%s\" MÃ_ĐƠN_VỊ)",
					         t->lead, t->section, t->lead);
			}
		} else if (several && seen_add(&listed, t->lead)) {
			const struct unit *u = hier_unit(c->h, t->lead_unit);

			imp_warn(c, t->line, "“%s” (mục %s) nêu nhiều đơn vị: lấy %s làm đơn vị chủ trì",
			         t->lead, t->section, u && u->name ? u->name : "đơn vị đầu tiên");
		}
		for (int p = 0; p < t->npartners && c->units; p++) {
			t->partner_units[p] = imp_units_resolve(c->units, t->partners[p],
			                                        strlen(t->partners[p]), issuer);
			if (!t->partner_units[p] && seen_add(&partners, t->partners[p]))
				imp_warn(c, t->line,
				         "không xác định được đơn vị phối hợp “%s” (mục %s)", t->partners[p],
				         t->section);
		}
	}
	seen_free(&unresolved);
	seen_free(&groups);
	seen_free(&listed);
	seen_free(&partners);
}

/* ---- document-level checks ----------------------------------------------- */

/* "12 nhiệm vụ chưa rõ ...: III.1.2, III.1.3, ..." */
/* A summary over the whole document, tagged with the file only (line 0):
 * no one section or line is where it is. */
static void list_sections(struct imp_ctx *c, const char *what, int (*pick)(const struct imp_task *))
{
	struct sbuf b = {0};
	size_t n = 0;

	for (size_t k = 0; k < c->r->ntasks; k++) {
		const struct imp_task *t = &c->r->tasks[k];

		if (!pick(t))
			continue;
		if (n < 12)
			sbuf_printf(&b, "%s%s", n ? ", " : "", t->section);
		n++;
	}
	if (n)
		imp_warn(c, 0, "%zu nhiệm vụ %s: %s%s", n, what, b.s, n > 12 ? ", ..." : "");
	sbuf_free(&b);
}

static int no_lead(const struct imp_task *t)
{
	return t->lead == NULL;
}

static int no_deadline(const struct imp_task *t)
{
	return t->dl.d.kind == DL_NONE;
}

int imp_parse(const char *text, size_t len, const char *filename, const struct hier *h,
              uint32_t issuer_hint, struct imp_result **out, struct err *e)
{
	struct imp_ctx c;
	struct imp_result *r;
	int rc;

	*out = NULL;
	memset(&c, 0, sizeof c);
	if (!text && len)
		return err_set(e, ERR_INTERNAL, "imp_parse: văn bản rỗng");
	r = xcalloc(1, sizeof *r);
	r->doc.date = DATE_NONE;
	r->doc.plan_due = DATE_NONE;
	if (filename)
		str_copy(r->file, filename, sizeof r->file);
	c.r = r;
	c.h = h;
	rc = imp_text_read(text ? text : "", len, filename, &c.txt, e);
	if (rc) {
		imp_text_free(&c.txt);
		imp_free(r);
		return rc;
	}
	c.units = imp_units_new(h);
	imp_header(&c);
	imp_structure(&c);
	if (r->ntasks == 0) {
		rc = err_at(e, ERR_INPUT, filename, 0,
		            "không tìm thấy nhiệm vụ nào trong văn bản (cần các mục \"Nhiệm vụ\", "
		            "\"Nhiệm vụ cụ thể\" hoặc \"Tổ chức thực hiện\" có đánh số hay gạch đầu "
		            "dòng)");
		imp_units_free(c.units);
		imp_text_free(&c.txt);
		free(c.issuer_alt[0]);
		free(c.issuer_alt[1]);
		imp_free(r);
		return rc;
	}
	if (issuer_hint) {
		r->doc.issuer_unit = issuer_hint;
		if (!r->doc.issuer && h && hier_unit(h, issuer_hint) &&
		    hier_unit(h, issuer_hint)->name)
			r->doc.issuer = xstrdup(hier_unit(h, issuer_hint)->name);
	} else if (r->doc.issuer && c.units) {
		r->doc.issuer_unit = imp_units_resolve(c.units, r->doc.issuer,
		                                       strlen(r->doc.issuer), 0);
		/* "Ban Thường vụ Huyện ủy": the header line says which one */
		for (int k = 0; k < 2 && !r->doc.issuer_unit; k++)
			if (c.issuer_alt[k])
				r->doc.issuer_unit = imp_units_resolve(c.units, c.issuer_alt[k],
				                                       strlen(c.issuer_alt[k]), 0);
	}
	if (!r->doc.issuer)
		imp_warn(&c, 0, "không tìm thấy cơ quan ban hành (dùng --issuer để chỉ rõ)");
	else if (h && !r->doc.issuer_unit)
		imp_warn(&c, 0, "không xác định được cơ quan ban hành “%s” (dùng --issuer để chỉ rõ)",
		         r->doc.issuer);
	if (!r->doc.number[0])
		imp_warn(&c, 0, "văn bản không ghi số hiệu");
	if (r->doc.date == DATE_NONE)
		imp_warn(&c, 0, "không tìm thấy ngày ban hành");
	resolve_units(&c);
	list_sections(&c, "chưa rõ đơn vị chủ trì", no_lead);
	list_sections(&c, "chưa có thời hạn", no_deadline);
	r->source = c.txt.source;
	r->source_len = c.txt.source_len;
	c.txt.source = NULL;
	imp_units_free(c.units);
	imp_text_free(&c.txt);
	free(c.issuer_alt[0]);
	free(c.issuer_alt[1]);
	*out = r;
	return 0;
}

void imp_free(struct imp_result *r)
{
	if (!r)
		return;
	free(r->doc.title);
	free(r->doc.issuer);
	free(r->doc.implements);
	free(r->doc.signer);
	free(r->doc.signer_role);
	for (size_t k = 0; k < r->ntasks; k++) {
		struct imp_task *t = &r->tasks[k];

		free(t->lead);
		for (int p = 0; p < t->npartners; p++)
			free(t->partners[p]);
		free(t->partners);
		free(t->partner_units);
		free(t->text);
		free(t->dl_phrase);
	}
	free(r->tasks);
	for (size_t k = 0; k < r->nindicators; k++)
		free(r->indicators[k].text);
	free(r->indicators);
	for (size_t k = 0; k < r->nwarnings; k++)
		free(r->warnings[k].msg);
	free(r->warnings);
	free(r->source);
	free(r);
}
