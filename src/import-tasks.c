/* import-tasks.c — tasks and indicators read from the section tree: which
 * items are tasks, their section paths, leads (an assignment in the text,
 * the unit heading above, the opening subject, a section handed to a unit
 * in "Tổ chức thực hiện"), partners and deadlines (the task's own phrase,
 * else its section's "Thời gian thực hiện").
 */
#include "import-internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define NO IMP_NO
#define MAX_DL 16

/* ---- deadlines ------------------------------------------------------------ */

/* The deadline of a task text: a dated phrase governs, else the first. */
static void inline_deadline(const struct imp_toks *tk, struct imp_task *task)
{
	struct imp_dl_found f[MAX_DL];
	size_t nf = imp_dl_find_toks(tk, f, MAX_DL), pick = 0;
	const char *s = tk->s;

	if (!nf)
		return;
	for (size_t k = 0; k < nf; k++)
		if (dl_due(&f[k].dl) != DATE_NONE) {
			pick = k;
			break;
		}
	task->dl = f[pick].dl;
	task->dl_phrase = xstrndup(s + f[pick].start, f[pick].end - f[pick].start);
	task->dl_source = IMP_DL_INLINE;
}

static void section_deadline(struct imp_ctx *c, const struct imp_tree *t, size_t k,
                             struct imp_task *task)
{
	for (; k != NO; k = t->n[k].parent) {
		const struct imp_block *b;
		struct imp_marker m;
		size_t s, e;
		char *phrase;
		struct deadline dl;

		if (t->n[k].time_block == NO)
			continue;
		b = &c->txt.blocks[t->n[k].time_block];
		imp_marker_parse(b->text, b->len, &m);
		if (!imp_dl_section_line(b->text + m.len, b->len - m.len, &s, &e))
			return;
		phrase = xstrndup(b->text + m.len + s, e - s);
		if (dl_parse(phrase, &dl)) {
			task->dl = dl;
			task->dl_phrase = phrase;
			task->dl_source = IMP_DL_SECTION;
		} else {
			free(phrase);
		}
		return;
	}
}

/* ---- tasks ------------------------------------------------------------------ */

static int bearing(enum imp_sk sk)
{
	return sk == SK_TASKS || sk == SK_IMPL;
}

/* The lead from the nearest heading above (or at) k that names units. */
static const char *heading_lead(const struct imp_tree *t, size_t k)
{
	for (; k != NO; k = t->n[k].parent)
		if (t->n[k].unit_lead)
			return t->n[k].unit_lead;
	return NULL;
}

/* By when subordinate units must issue their own plan: the earliest dated
 * task that asks for one ("xây dựng kế hoạch ... hoàn thành trong quý
 * II/2023"). */
static void plan_due(struct imp_ctx *c, const struct imp_toks *tk, const struct imp_task *task)
{
	static const char *const asks[] = { "xay dung ke hoach", "ban hanh ke hoach",
					    "xay dung chuong trinh", "ban hanh chuong trinh", NULL };
	date_t due = dl_due(&task->dl);

	if (due == DATE_NONE || (c->r->doc.plan_due != DATE_NONE && c->r->doc.plan_due <= due))
		return;
	for (size_t i = 0; i < tk->nt; i++)
		if (imp_tok_any(tk, i, asks, NULL) >= 0) {
			c->r->doc.plan_due = due;
			return;
		}
}

/* Make a task of text s[0..n) at section path, under node k. */
static void emit_task(struct imp_ctx *c, struct imp_tree *t, size_t k, const char *path,
                      const char *s, size_t n, int line, int own_heading_lead)
{
	struct imp_task *task;
	struct imp_toks tk;
	const char *hl;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0)
		return;
	task = imp_task_new(c);
	if (c->r->ntasks > t->implcap) {
		t->implcap = c->r->ntasks * 2;
		t->impl = xrealloc(t->impl, t->implcap);
	}
	t->impl[c->r->ntasks - 1] = t->n[k].sk == SK_IMPL;
	str_copy(task->section, path, sizeof task->section);
	task->text = xstrndup(s, n);
	task->line = line;
	imp_toks_init(&tk, task->text, n);
	/* an assignment in the task wins; then the unit heading above it; then
	 * the units that open it as its subject */
	task->lead = imp_assigned_lead(&tk);
	hl = heading_lead(t, own_heading_lead ? k : t->n[k].parent);
	if (!task->lead && hl)
		task->lead = xstrdup(hl);
	if (!task->lead)
		task->lead = imp_subject(&tk);
	imp_partners(&tk, task);
	inline_deadline(&tk, task);
	if (task->dl_source == IMP_DL_NONE)
		section_deadline(c, t, k, task);
	plan_due(c, &tk, task);
	imp_toks_free(&tk);
}

static char *cell_text(const struct imp_block *bl, const struct imp_row *row, int col)
{
	const struct imp_cell *cl;

	if (col < 0 || (size_t)col >= row->ncells)
		return NULL;
	cl = &row->cells[col];
	return cl->b > cl->a ? xstrndup(bl->text + cl->a, cl->b - cl->a) : NULL;
}

static void free_partners(struct imp_task *task)
{
	for (int p = 0; p < task->npartners; p++)
		free(task->partners[p]);
	free(task->partners);
	free(task->partner_units);
	task->partners = NULL;
	task->partner_units = NULL;
	task->npartners = 0;
}

/* The partners cell: unit names, else whatever its commas separate. */
static void partner_cell(struct imp_task *task, const char *cell)
{
	struct imp_toks tk;
	struct imp_item items[24];
	size_t end, cnt, i = 0;
	char stop;

	free_partners(task);
	imp_toks_init(&tk, cell, strlen(cell));
	while (i < tk.nt) {
		cnt = imp_unit_list(&tk, i, items, 24, &end, &stop);
		if (!cnt) {
			/* not a unit name: up to the next separator, as written */
			size_t j = i;

			while (j < tk.nt && !imp_tok_punct(&tk, j, ',') && !imp_tok_punct(&tk, j, ';'))
				j++;
			if (j > i) {
				items[0].a = i;
				items[0].b = j;
				cnt = 1;
			}
			end = j;
		}
		for (size_t k = 0; k < cnt; k++) {
			size_t a, b;

			imp_tok_span(&tk, items[k].a, items[k].b, &a, &b);
			task->partners = xrealloc(task->partners, (size_t)(task->npartners + 1) *
			                                          sizeof *task->partners);
			task->partners[task->npartners++] = xstrndup(cell + a, b - a);
		}
		i = end > i ? end + 1 : i + 1;
	}
	imp_toks_free(&tk);
	if (task->npartners)
		task->partner_units = xcalloc((size_t)task->npartners, sizeof *task->partner_units);
}

/* A task row: its cells say what the text would otherwise have to. */
static void emit_row(struct imp_ctx *c, struct imp_tree *t, size_t k)
{
	const struct imp_node *nd = &t->n[k];
	const struct imp_row *row = nd->row;
	const struct imp_block *bl = &c->txt.blocks[nd->block];
	const struct imp_cell *tc = &row->cells[row->tab.text];
	size_t before = c->r->ntasks;
	struct imp_task *task;
	char *cell;
	struct deadline dl;

	emit_task(c, t, k, nd->path, bl->text + tc->a, tc->b - tc->a, bl->line, 0);
	if (c->r->ntasks == before)
		return;
	task = &c->r->tasks[c->r->ntasks - 1];
	if ((cell = cell_text(bl, row, row->tab.lead)) || (row->group_lead &&
	                                                   (cell = xstrdup(row->group_lead)))) {
		free(task->lead);
		task->lead = cell;
	}
	if ((cell = cell_text(bl, row, row->tab.partners))) {
		partner_cell(task, cell);
		free(cell);
	}
	if ((cell = cell_text(bl, row, row->tab.deadline))) {
		if (dl_parse(cell, &dl)) {
			free(task->dl_phrase);
			task->dl_phrase = cell;
			task->dl = dl;
			task->dl_source = IMP_DL_INLINE;
		} else {
			free(cell);
		}
	}
}

/* Own text plus continuation paragraphs, joined by newlines. */
static char *full_text(const struct imp_ctx *c, const struct imp_node *nd, size_t *len)
{
	struct sbuf b = {0};
	size_t l;
	const char *s = imp_node_text(c, nd, &l);

	sbuf_add(&b, s, l);
	for (size_t i = 0; i < nd->more.n; i++) {
		const struct imp_block *bl = &c->txt.blocks[nd->more.v[i]];

		sbuf_putc(&b, '\n');
		sbuf_add(&b, bl->text, bl->len);
	}
	*len = b.len;
	return sbuf_detach(&b);
}

static void indicator(struct imp_ctx *c, const char *path, const char *s, size_t n, int line)
{
	struct imp_indicator *ind = imp_indicator_new(c);

	str_copy(ind->section, path, sizeof ind->section);
	ind->text = xstrndup(s, n);
	ind->line = line;
	imp_indicator_read(s, n, ind);
}

static void body_paragraphs(struct imp_ctx *c, struct imp_tree *t, size_t k, int as_tasks)
{
	const struct imp_node *nd = &t->n[k];

	for (size_t i = 0; i < nd->more.n; i++) {
		const struct imp_block *bl = &c->txt.blocks[nd->more.v[i]];
		char path[96];

		if (nd->more.n == 1)
			snprintf(path, sizeof path, "%s", nd->path);
		else
			snprintf(path, sizeof path, "%s#%u", nd->path, (unsigned)(i + 1) % 100000u);
		if (as_tasks)
			emit_task(c, t, k, path, bl->text, bl->len, bl->line, 1);
		else if (nd->sk == SK_INDICATORS ||
		         (nd->sk == SK_GOALS && imp_indicator_like(bl->text, bl->len)))
			indicator(c, path, bl->text, bl->len, bl->line);
	}
}

static void extract(struct imp_ctx *c, struct imp_tree *t)
{
	for (size_t k = 0; k < t->nn; k++) {
		struct imp_node *nd = &t->n[k];
		size_t len, fl;
		const char *s = imp_node_text(c, nd, &len);
		int line = c->txt.blocks[nd->block].line, task; /* holds content of its own */
		char *full;

		if (nd->m.kind == MK_ROW) {
			if (bearing(nd->sk))
				emit_row(c, t, k);
			continue;
		}
		if (!imp_node_is_item(nd) && imp_node_is_heading(nd) && imp_heading_like(s, len))
			nd->unit_lead = imp_heading_units(s, len);
		else if (imp_node_is_item(nd) && nd->nchildren && imp_introducer(s, len))
			nd->unit_lead = imp_heading_units(s, len);
		if (nd->synthetic)
			continue;
		if (nd->nchildren) {
			/* a section or an item with items under it: a task only
			 * when it has a directive of its own before introducing them */
			task = imp_node_is_item(nd) ? !imp_introducer(s, len) && !(imp_heading_like(s, len) &&
			                                               imp_word_count(s, len) <= 15)
			                   : imp_last_char(s, len) == ':' && imp_earlier_sentence(s, len);
		} else if (!imp_node_is_item(nd) && nd->more.n && imp_heading_like(s, len)) {
			/* a heading with paragraphs: each paragraph is a task */
			if (bearing(nd->sk))
				body_paragraphs(c, t, k, 1);
			else
				body_paragraphs(c, t, k, 0);
			continue;
		} else if (imp_node_is_item(nd)) {
			task = !imp_introducer(s, len) && !nd->unit_lead;
		} else {
			/* a numbered paragraph: a task unless it is only a heading */
			char *u = imp_heading_units(s, len);

			task = u == NULL && !(imp_heading_like(s, len) && imp_word_count(s, len) <= 20);
			free(u);
		}
		if (!task)
			continue;
		full = full_text(c, nd, &fl);
		if (bearing(nd->sk))
			emit_task(c, t, k, nd->path, full, fl, line, 0);
		else if (nd->sk == SK_INDICATORS ||
		         (nd->sk == SK_GOALS && imp_indicator_like(full, fl)))
			indicator(c, nd->path, full, fl, line);
		free(full);
	}
}

/* ---- sections handed to a unit in "Tổ chức thực hiện" --------------------- */

/* "iii.1" -> "III.1" */
static void upper_path(char *p)
{
	for (; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
}

static int path_token(const struct imp_toks *tk, size_t i, char *out, size_t len)
{
	size_t l;
	const char *s;

	if (i >= tk->nt || tk->t[i].punct)
		return 0;
	l = tk->t[i].b - tk->t[i].a;
	s = tk->f + tk->t[i].a;
	if (l == 0 || l >= len)
		return 0;
	for (size_t k = 0; k < l; k++)
		if (!strchr("ivx0123456789.", s[k]))
			return 0;
	memcpy(out, s, l);
	out[l] = '\0';
	upper_path(out);
	return 1;
}

static int roman_path(const char *p)
{
	return p[0] == 'I' || p[0] == 'V' || p[0] == 'X';
}

static int under(const char *section, const char *p)
{
	size_t l = strlen(p);

	return l && !strncmp(section, p, l) &&
	       (section[l] == '\0' || strchr(".#(+", section[l]) != NULL);
}

/* Tasks of section path p without a lead get `lead`. */
static void assign(struct imp_ctx *c, const struct imp_tree *t, const char *p, const char *lead)
{
	for (size_t k = 0; k < c->r->ntasks; k++) {
		struct imp_task *task = &c->r->tasks[k];

		if (!task->lead && !t->impl[k] && under(task->section, p))
			task->lead = xstrdup(lead);
	}
}

#define MAX_REFS 8
#define PATH_LEN 16

/* "... các giải pháp tại mục III.1 của Kế hoạch này", "mục 1, 2 phần
 * III", "phần III": the paths a task of "Tổ chức thực hiện" refers to. */
static void references(struct imp_ctx *c, const struct imp_tree *t, const struct imp_toks *tk,
                       const char *lead)
{
	int refs = 0;

	for (size_t i = 0; i < tk->nt && refs < 16; i++) {
		char paths[MAX_REFS][PATH_LEN], part[PATH_LEN] = "", full[260];
		int np = 0;
		size_t j;

		if (imp_tok_is(tk, i, "phan")) {
			if (path_token(tk, i + 1, paths[0], PATH_LEN) && roman_path(paths[0])) {
				assign(c, t, paths[0], lead);
				refs++;
			}
			continue;
		}
		if (!imp_tok_is(tk, i, "muc"))
			continue;
		for (j = i + 1; j < tk->nt && np < MAX_REFS;) {
			if (path_token(tk, j, paths[np], PATH_LEN)) {
				np++;
				j++;
			} else if (imp_tok_punct(tk, j, ',') || imp_tok_is(tk, j, "va")) {
				j++;
			} else {
				break;
			}
		}
		if (imp_tok_is(tk, j, "phan"))
			path_token(tk, j + 1, part, PATH_LEN);
		else if (imp_tok_seq(tk, j, "cua phan"))
			path_token(tk, j + 2, part, PATH_LEN);
		for (int p = 0; p < np; p++) {
			if (part[0] && !roman_path(paths[p]))
				snprintf(full, sizeof full, "%s.%s", part, paths[p]);
			else
				snprintf(full, sizeof full, "%s", paths[p]);
			assign(c, t, full, lead);
			refs++;
		}
		i = j ? j - 1 : j;
	}
}

/* Paragraphs of "Tổ chức thực hiện" read for sections they hand over; a
 * plan has a handful, and the bound keeps a pathological text linear. */
#define MAX_HANDING 64

static void handed_sections(struct imp_ctx *c, const struct imp_tree *t)
{
	int read = 0;

	for (size_t k = 0; k < c->r->ntasks && read < MAX_HANDING; k++) {
		struct imp_toks tk;
		char *lead;

		if (!t->impl[k] || !c->r->tasks[k].lead)
			continue;
		read++;
		lead = xstrdup(c->r->tasks[k].lead);
		imp_toks_init(&tk, c->r->tasks[k].text, strlen(c->r->tasks[k].text));
		references(c, t, &tk, lead);
		imp_toks_free(&tk);
		free(lead);
	}
}

void imp_structure(struct imp_ctx *c)
{
	struct imp_tree t;

	memset(&t, 0, sizeof t);
	imp_tree_build(c, &t);
	extract(c, &t);
	handed_sections(c, &t);
	imp_tree_free(&t);
}
