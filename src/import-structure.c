/* import-structure.c — the numbered body of a plan as a tree of sections
 * and items (I., 1., 1.1., (1), a), "-", "+"), what each section holds
 * (purpose, goals, indicators, tasks, implementation), and the tasks and
 * indicators read from it: which items are tasks, their section paths,
 * their leads (unit headings, opening subjects, sections handed to a unit
 * in "Tổ chức thực hiện"), partners and deadlines.
 */
#include "import-internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define NO ((size_t)-1)
#define MAX_DEPTH 32
#define MAX_DL 16

struct idx_list {
	size_t *v;
	size_t n, cap;
};

static void idx_push(struct idx_list *l, size_t x)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = x;
}

/* A task row of a table: where its cells are in its paragraph. */
struct trow {
	struct imp_table tab;
	struct imp_cell cells[IMP_MAX_CELLS];
	size_t ncells;
	char *group_lead;      /* units of the group row above it, or NULL */
};

struct node {
	struct imp_marker m;
	size_t parent;
	size_t block;          /* its own paragraph */
	struct idx_list more;  /* unmarked paragraphs: body (numbered) or continuation */
	size_t nchildren;
	int nbullets;          /* bullets among its children so far */
	int ordinal;           /* bullets: rank among the parent's bullets */
	size_t time_block;     /* "Thời gian thực hiện: ..." of this section, or NO */
	enum imp_sk own, sk;   /* keyword of its heading; effective kind */
	char path[64];
	char *unit_lead;       /* text of the units its heading names, or NULL */
	int synthetic;         /* an unnumbered heading in capitals */
	struct trow *row;      /* MK_ROW: the cells of a table row */
};

struct tree {
	struct node *n;
	size_t nn, cap;
	int root_bullets;
	unsigned char *impl;   /* per task: from "Tổ chức thực hiện" */
	size_t implcap;
};

/* ---- section keywords --------------------------------------------------- */

enum imp_sk imp_section_keyword(const char *s, size_t n)
{
	static const struct {
		const char *words;
		enum imp_sk sk;
	} keys[] = {
		{ "muc dich", SK_PURPOSE }, { "yeu cau", SK_PURPOSE }, { "quan diem", SK_PURPOSE },
		{ "muc tieu", SK_GOALS }, { "chi tieu", SK_INDICATORS },
		{ "nhiem vu", SK_TASKS }, { "giai phap", SK_TASKS }, { "phan cong", SK_TASKS },
		{ "trach nhiem", SK_TASKS }, { "noi dung", SK_TASKS }, { "to chuc thuc hien", SK_IMPL },
		{ "kinh phi", SK_OTHER }, { "tinh hinh", SK_OTHER }, { "ket qua", SK_OTHER },
		{ "danh gia", SK_OTHER }, { "boi canh", SK_OTHER }, { "can cu", SK_OTHER },
		{ "phu luc", SK_TASKS },
	};
	size_t fl, off = 0;
	char *f = txt_fold(s, n < 200 ? n : 200, &fl);
	enum imp_sk sk = SK_NONE;

	for (int again = 1; again;) {
		again = 0;
		if (!strncmp(f + off, "cac ", 4)) {
			off += 4;
			again = 1;
		} else if (!strncmp(f + off, "mot so ", 7)) {
			off += 7;
			again = 1;
		} else if (!strncmp(f + off, "nhung ", 6)) {
			off += 6;
			again = 1;
		}
	}
	for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
		if (!strncmp(f + off, keys[k].words, strlen(keys[k].words))) {
			sk = keys[k].sk;
			break;
		}
	if (sk == SK_GOALS && strstr(f, "chi tieu"))
		sk = SK_INDICATORS;
	free(f);
	return sk;
}

/* ---- text helpers ------------------------------------------------------- */

static const char *own_text(const struct imp_ctx *c, const struct node *nd, size_t *len)
{
	const struct imp_block *b = &c->txt.blocks[nd->block];

	*len = b->len - nd->m.len;
	return b->text + nd->m.len;
}

/* Last significant character: closing quotes and spaces skipped. */
static char last_char(const char *s, size_t n)
{
	while (n > 0) {
		unsigned char ch = (unsigned char)s[n - 1];

		if (ch == ' ' || ch == '"' || ch == '\'') {
			n--;
		} else if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 &&
		           (unsigned char)s[n - 2] == 0x80 && (ch == 0x9D || ch == 0x99)) {
			n -= 3;
		} else if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 &&
		           (unsigned char)s[n - 2] == 0x80 && ch == 0xA6) {
			return '.';
		} else {
			return (char)ch;
		}
	}
	return 0;
}

static size_t word_count(const char *s, size_t n)
{
	size_t w = 0;
	int in = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ')
			in = 0;
		else if (!in) {
			in = 1;
			w++;
		}
	}
	return w;
}

/* A sentence ends before the last one: ". X" with X a capital. */
static int earlier_sentence(const char *s, size_t n)
{
	size_t end = n;

	while (end > 0 && s[end - 1] != '.' && s[end - 1] != ';')
		end--;
	for (size_t i = 0; i + 2 < n; i++)
		if ((s[i] == '.' || s[i] == ';') && s[i + 1] == ' ' && i + 2 < n &&
		    imp_first_case(s + i + 2, n - i - 2) > 0 && i < n - 2)
			return 1;
	(void)end;
	return 0;
}

/* Introduces what follows: "- Về tổ chức bộ máy:", "... các nội dung sau:". */
static int introducer(const char *s, size_t n)
{
	return last_char(s, n) == ':' && !earlier_sentence(s, n);
}

static int heading_like(const char *s, size_t n)
{
	char l = last_char(s, n);

	if (l == ':')
		return 1;
	return l != '.' && l != ';' && l != ')' && l != '!' && l != '?' && word_count(s, n) <= 30;
}

/* The units a heading names ("2.1. Ban Tuyên giáo Tỉnh ủy", "Đối với Ban
 * Tổ chức:"): their text as written, or NULL. */
static char *heading_units(const char *s, size_t n)
{
	static const char *const skip[] = { "doi voi", "giao", "trach nhiem cua", "nhiem vu cua",
					    "nhiem vu cho", NULL };
	struct imp_toks tk;
	struct imp_item items[16];
	size_t i = 0, l, end, a, b, cnt;
	char stop, *out = NULL;

	if (n == 0 || word_count(s, n) > 40)
		return NULL;
	imp_toks_init(&tk, s, n);
	if (imp_tok_any(&tk, 0, skip, &l) >= 0)
		i = l;
	cnt = imp_unit_list(&tk, i, items, 16, &end, &stop);
	if (cnt && (end == tk.nt || (stop == ':' && end + 1 == tk.nt) ||
	            (stop == '.' && end + 1 == tk.nt))) {
		imp_tok_span(&tk, items[0].a, items[cnt - 1].b, &a, &b);
		out = xstrndup(s + a, b - a);
	}
	imp_toks_free(&tk);
	return out;
}

/* ---- the tree ------------------------------------------------------------ */

static size_t new_node(struct tree *t, const struct imp_marker *m, size_t block, size_t parent)
{
	struct node *nd;

	if (t->nn == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->n = xrealloc(t->n, t->cap * sizeof *t->n);
	}
	nd = &t->n[t->nn];
	memset(nd, 0, sizeof *nd);
	nd->m = *m;
	nd->block = block;
	nd->parent = parent;
	nd->time_block = NO;
	if (parent != NO)
		t->n[parent].nchildren++;
	return t->nn++;
}

static int is_item(const struct node *nd)
{
	return nd->m.kind == MK_PAREN || nd->m.kind == MK_LETTER || nd->m.kind == MK_BULLET ||
	       nd->m.kind == MK_ROW;
}

static int same_style(const struct imp_marker *a, const struct imp_marker *b)
{
	if (a->kind != b->kind)
		return 0;
	return a->kind != MK_BULLET || a->style == b->style;
}

/* Path of node k: "III.2.1#3", "III.1#4+2", "III.5.1(4)". */
static void make_path(struct imp_ctx *c, struct tree *t, size_t k)
{
	struct node *nd = &t->n[k];
	const struct node *p = nd->parent != NO ? &t->n[nd->parent] : NULL;
	char buf[128];

	switch (nd->m.kind) {
	case MK_ROMAN:
		snprintf(buf, sizeof buf, "%s", nd->m.label);
		break;
	case MK_DECIMAL: {
		const struct node *r = p;

		while (r && r->m.kind != MK_ROMAN)
			r = r->parent != NO ? &t->n[r->parent] : NULL;
		if (r && r->path[0])
			snprintf(buf, sizeof buf, "%s.%s", r->path, nd->m.label);
		else
			snprintf(buf, sizeof buf, "%s", nd->m.label);
		break;
	}
	case MK_PAREN:
		snprintf(buf, sizeof buf, "%s(%s)", p ? p->path : "", nd->m.label);
		break;
	case MK_LETTER:
		snprintf(buf, sizeof buf, "%s%s%s", p ? p->path : "", p && p->path[0] ? "." : "",
		         nd->m.label);
		break;
	case MK_BULLET:
		snprintf(buf, sizeof buf, "%s%c%d", p ? p->path : "",
		         p && p->m.kind == MK_BULLET ? '+' : '#', nd->ordinal);
		break;
	case MK_ROW: {
		/* "PL#3": the row's own number when it has one */
		const struct imp_block *bl = &c->txt.blocks[nd->block];
		const struct trow *row = nd->row;
		char num[12] = "";

		if (row && row->tab.num >= 0 && (size_t)row->tab.num < row->ncells) {
			const struct imp_cell *cl = &row->cells[row->tab.num];
			size_t l = cl->b - cl->a;

			if (l > 0 && l < sizeof num && strspn(bl->text + cl->a, "0123456789.") >= l) {
				memcpy(num, bl->text + cl->a, l);
				num[l] = '\0';
			}
		}
		if (num[0])
			snprintf(buf, sizeof buf, "%s#%s", p ? p->path : "", num);
		else
			snprintf(buf, sizeof buf, "%s#%d", p ? p->path : "", nd->ordinal);
		break;
	}
	default:
		buf[0] = '\0';
	}
	if (strlen(buf) >= sizeof nd->path) {
		imp_warn(c, c->txt.blocks[nd->block].line, "số mục quá dài, đã cắt: %s", buf);
		buf[sizeof nd->path - 1] = '\0';
	}
	memcpy(nd->path, buf, strlen(buf) + 1);
}

/* Where the "Thời gian thực hiện" line of the current position belongs:
 * the nearest numbered section on the stack. */
static size_t time_owner(const struct tree *t, const size_t *stack, int depth)
{
	for (int k = depth - 1; k >= 0; k--)
		if (!is_item(&t->n[stack[k]]))
			return stack[k];
	return depth ? stack[0] : NO;
}

/* Where the blocks go while the tree is built. */
struct cursor {
	size_t stack[MAX_DEPTH];
	int depth;
	int in_table;          /* inside a table whose header was read */
	struct imp_table tab;
	char *group_lead;      /* a row that only names units ("| 2 | Ban Tổ chức | | |") */
};

static void end_table(struct cursor *cu)
{
	cu->in_table = 0;
	free(cu->group_lead);
	cu->group_lead = NULL;
}

/* A row of a pipe table: the header, the rule, a group row or a task row. */
static void table_row(struct imp_ctx *c, struct tree *t, struct cursor *cu, size_t b)
{
	const struct imp_block *bl = &c->txt.blocks[b];
	struct imp_cell cells[IMP_MAX_CELLS];
	size_t n = imp_table_cells(bl->text, bl->len, cells, IMP_MAX_CELLS), parent, k;
	struct imp_marker m;
	struct trow *row;
	int others = 0;

	if (imp_table_rule(bl->text, cells, n))
		return;
	if (!cu->in_table) {
		cu->in_table = imp_table_header(bl->text, cells, n, &cu->tab);
		return;
	}
	if (cu->tab.text >= (int)n || cells[cu->tab.text].b == cells[cu->tab.text].a)
		return;
	for (size_t i = 0; i < n; i++)
		if ((int)i != cu->tab.text && (int)i != cu->tab.num && cells[i].b > cells[i].a)
			others = 1;
	if (!others && heading_like(bl->text + cells[cu->tab.text].a,
	                            cells[cu->tab.text].b - cells[cu->tab.text].a)) {
		/* a group row: its units lead the rows under it */
		free(cu->group_lead);
		cu->group_lead = heading_units(bl->text + cells[cu->tab.text].a,
		                               cells[cu->tab.text].b - cells[cu->tab.text].a);
		return;
	}
	memset(&m, 0, sizeof m);
	m.kind = MK_ROW;
	parent = cu->depth ? cu->stack[cu->depth - 1] : NO;
	k = new_node(t, &m, b, parent);
	row = xcalloc(1, sizeof *row);
	row->tab = cu->tab;
	row->ncells = n;
	memcpy(row->cells, cells, n * sizeof *cells);
	row->group_lead = cu->group_lead ? xstrdup(cu->group_lead) : NULL;
	t->n[k].row = row;
	t->n[k].ordinal = parent != NO ? ++t->n[parent].nbullets : ++t->root_bullets;
	make_path(c, t, k);
}

static void place(struct imp_ctx *c, struct tree *t, struct cursor *cu, size_t b)
{
	const struct imp_block *bl = &c->txt.blocks[b];
	struct imp_marker m;
	size_t parent, k, ts, te;
	int has;

	if (imp_table_line(bl->text, bl->len)) {
		table_row(c, t, cu, b);
		return;
	}
	end_table(cu);
	has = imp_marker_parse(bl->text, bl->len, &m);
	if (imp_dl_section_line(bl->text + m.len, bl->len - m.len, &ts, &te)) {
		size_t owner = time_owner(t, cu->stack, cu->depth);

		if (owner != NO)
			t->n[owner].time_block = b;
		return;
	}
	if (!has && imp_all_caps(bl->text, bl->len) &&
	    imp_section_keyword(bl->text, bl->len) != SK_NONE) {
		/* an unnumbered section heading: "NHIỆM VỤ CỤ THỂ", "PHỤ LỤC" */
		char *f;

		if (cu->depth == 1 && t->n[cu->stack[0]].synthetic && !t->n[cu->stack[0]].nchildren &&
		    !t->n[cu->stack[0]].more.n)
			return; /* "PHỤ LỤC" / "NHIỆM VỤ CỤ THỂ": one heading on two lines */
		f = txt_fold(bl->text, bl->len < 16 ? bl->len : 16, NULL);
		memset(&m, 0, sizeof m);
		m.kind = MK_ROMAN;
		cu->depth = 0;
		k = new_node(t, &m, b, NO);
		t->n[k].synthetic = 1;
		if (!strncmp(f, "phu luc", 7))
			str_copy(t->n[k].path, "PL", sizeof t->n[k].path);
		free(f);
		cu->stack[cu->depth++] = k;
		return;
	}
	if (!has) {
		if (cu->depth)
			idx_push(&t->n[cu->stack[cu->depth - 1]].more, b);
		return;
	}
	if (m.kind == MK_ROMAN) {
		cu->depth = 0;
	} else if (m.kind == MK_DECIMAL) {
		while (cu->depth) {
			const struct node *top = &t->n[cu->stack[cu->depth - 1]];
			int keep = top->m.kind == MK_ROMAN;

			if (top->m.kind == MK_DECIMAL && top->m.ncomp < m.ncomp) {
				keep = 1;
				for (int i = 0; i < top->m.ncomp; i++)
					if (top->m.comp[i] != m.comp[i])
						keep = 0;
			}
			if (keep)
				break;
			cu->depth--;
		}
	} else {
		for (int i = cu->depth - 1; i >= 0; i--) {
			if (!is_item(&t->n[cu->stack[i]]))
				break;
			if (same_style(&t->n[cu->stack[i]].m, &m)) {
				cu->depth = i;
				break;
			}
		}
	}
	if (cu->depth == MAX_DEPTH)
		cu->depth--;
	parent = cu->depth ? cu->stack[cu->depth - 1] : NO;
	k = new_node(t, &m, b, parent);
	if (m.kind == MK_BULLET)
		t->n[k].ordinal = parent != NO ? ++t->n[parent].nbullets : ++t->root_bullets;
	make_path(c, t, k);
	cu->stack[cu->depth++] = k;
}

static void build(struct imp_ctx *c, struct tree *t)
{
	struct cursor cu;

	memset(&cu, 0, sizeof cu);
	for (size_t b = c->body_start; b < c->body_end; b++)
		place(c, t, &cu, b);
	/* an appendix after the signature: "PHỤ LỤC" and its table */
	cu.depth = 0;
	end_table(&cu);
	for (size_t b = c->appendix_start; b < c->txt.nblocks; b++)
		place(c, t, &cu, b);
	end_table(&cu);
}

/* ---- what each section holds ------------------------------------------ */

static int heading_node(const struct node *nd)
{
	return nd->nchildren > 0 || (nd->more.n > 0 && !is_item(nd)) || nd->m.kind == MK_ROMAN;
}

static void classify(struct imp_ctx *c, struct tree *t)
{
	int any_tasks = 0;

	for (size_t k = 0; k < t->nn; k++) {
		struct node *nd = &t->n[k];
		size_t len;
		const char *s = own_text(c, nd, &len);

		nd->own = SK_NONE;
		if (!is_item(nd) && heading_node(nd) && heading_like(s, len))
			nd->own = imp_section_keyword(s, len);
		if (nd->own == SK_TASKS || nd->own == SK_IMPL)
			any_tasks = 1;
	}
	for (size_t k = 0; k < t->nn; k++) {
		struct node *nd = &t->n[k];

		if (nd->own != SK_NONE)
			nd->sk = nd->own;
		else if (nd->parent != NO)
			nd->sk = t->n[nd->parent].sk;
		else
			nd->sk = any_tasks ? SK_OTHER : SK_TASKS;
	}
}

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

static void section_deadline(struct imp_ctx *c, const struct tree *t, size_t k,
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
static const char *heading_lead(const struct tree *t, size_t k)
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
static void emit_task(struct imp_ctx *c, struct tree *t, size_t k, const char *path,
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

static char *cell_text(const struct imp_block *bl, const struct trow *row, int col)
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
static void emit_row(struct imp_ctx *c, struct tree *t, size_t k)
{
	const struct node *nd = &t->n[k];
	const struct trow *row = nd->row;
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
static char *full_text(const struct imp_ctx *c, const struct node *nd, size_t *len)
{
	struct sbuf b = {0};
	size_t l;
	const char *s = own_text(c, nd, &l);

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

static void body_paragraphs(struct imp_ctx *c, struct tree *t, size_t k, int as_tasks)
{
	const struct node *nd = &t->n[k];

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

static void extract(struct imp_ctx *c, struct tree *t)
{
	for (size_t k = 0; k < t->nn; k++) {
		struct node *nd = &t->n[k];
		size_t len, fl;
		const char *s = own_text(c, nd, &len);
		int line = c->txt.blocks[nd->block].line, task; /* holds content of its own */
		char *full;

		if (nd->m.kind == MK_ROW) {
			if (bearing(nd->sk))
				emit_row(c, t, k);
			continue;
		}
		if (!is_item(nd) && heading_node(nd) && heading_like(s, len))
			nd->unit_lead = heading_units(s, len);
		else if (is_item(nd) && nd->nchildren && introducer(s, len))
			nd->unit_lead = heading_units(s, len);
		if (nd->synthetic)
			continue;
		if (nd->nchildren) {
			/* a section or an item with items under it: a task only
			 * when it has a directive of its own before introducing them */
			task = is_item(nd) ? !introducer(s, len) && !(heading_like(s, len) &&
			                                               word_count(s, len) <= 15)
			                   : last_char(s, len) == ':' && earlier_sentence(s, len);
		} else if (!is_item(nd) && nd->more.n && heading_like(s, len)) {
			/* a heading with paragraphs: each paragraph is a task */
			if (bearing(nd->sk))
				body_paragraphs(c, t, k, 1);
			else
				body_paragraphs(c, t, k, 0);
			continue;
		} else if (is_item(nd)) {
			task = !introducer(s, len) && !nd->unit_lead;
		} else {
			/* a numbered paragraph: a task unless it is only a heading */
			char *u = heading_units(s, len);

			task = u == NULL && !(heading_like(s, len) && word_count(s, len) <= 20);
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
static void assign(struct imp_ctx *c, const struct tree *t, const char *p, const char *lead)
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
static void references(struct imp_ctx *c, const struct tree *t, const struct imp_toks *tk,
                       const char *lead)
{
	for (size_t i = 0; i < tk->nt; i++) {
		char paths[MAX_REFS][PATH_LEN], part[PATH_LEN] = "", full[260];
		int np = 0;
		size_t j;

		if (imp_tok_is(tk, i, "phan")) {
			if (path_token(tk, i + 1, paths[0], PATH_LEN) && roman_path(paths[0]))
				assign(c, t, paths[0], lead);
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
		}
		i = j ? j - 1 : j;
	}
}

static void handed_sections(struct imp_ctx *c, const struct tree *t)
{
	for (size_t k = 0; k < c->r->ntasks; k++) {
		struct imp_toks tk;
		char *lead;

		if (!t->impl[k] || !c->r->tasks[k].lead)
			continue;
		lead = xstrdup(c->r->tasks[k].lead);
		imp_toks_init(&tk, c->r->tasks[k].text, strlen(c->r->tasks[k].text));
		references(c, t, &tk, lead);
		imp_toks_free(&tk);
		free(lead);
	}
}

void imp_structure(struct imp_ctx *c)
{
	struct tree t = {0};

	build(c, &t);
	classify(c, &t);
	extract(c, &t);
	handed_sections(c, &t);
	for (size_t k = 0; k < t.nn; k++) {
		free(t.n[k].more.v);
		free(t.n[k].unit_lead);
		if (t.n[k].row)
			free(t.n[k].row->group_lead);
		free(t.n[k].row);
	}
	free(t.n);
	free(t.impl);
}
