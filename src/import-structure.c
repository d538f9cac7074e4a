/* import-structure.c — the numbered body of a plan as a tree of sections
 * and items (I., 1., 1.1., (1), a), "-", "+", table rows) and what each
 * section holds (purpose, goals, indicators, tasks, implementation), from
 * the words of its heading.
 */
#include "import-internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define NO IMP_NO
#define MAX_DEPTH 32

static void idx_push(struct imp_idx_list *l, size_t x)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = x;
}

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

const char *imp_node_text(const struct imp_ctx *c, const struct imp_node *nd, size_t *len)
{
	const struct imp_block *b = &c->txt.blocks[nd->block];

	*len = b->len - nd->m.len;
	return b->text + nd->m.len;
}

/* Last significant character: closing quotes and spaces skipped. */
char imp_last_char(const char *s, size_t n)
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

size_t imp_word_count(const char *s, size_t n)
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
int imp_earlier_sentence(const char *s, size_t n)
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
int imp_introducer(const char *s, size_t n)
{
	return imp_last_char(s, n) == ':' && !imp_earlier_sentence(s, n);
}

int imp_heading_like(const char *s, size_t n)
{
	char l = imp_last_char(s, n);

	if (l == ':')
		return 1;
	return l != '.' && l != ';' && l != ')' && l != '!' && l != '?' && imp_word_count(s, n) <= 30;
}

/* The units a heading names ("2.1. Ban Tuyên giáo Tỉnh ủy", "Đối với Ban
 * Tổ chức:"): their text as written, or NULL. */
char *imp_heading_units(const char *s, size_t n)
{
	static const char *const skip[] = { "doi voi", "giao", "trach nhiem cua", "nhiem vu cua",
					    "nhiem vu cho", NULL };
	struct imp_toks tk;
	struct imp_item items[16];
	size_t i = 0, l, end, a, b, cnt;
	char stop, *out = NULL;

	if (n == 0 || imp_word_count(s, n) > 40)
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

static size_t new_node(struct imp_tree *t, const struct imp_marker *m, size_t block, size_t parent)
{
	struct imp_node *nd;

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

int imp_node_is_item(const struct imp_node *nd)
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
static void make_path(struct imp_ctx *c, struct imp_tree *t, size_t k)
{
	struct imp_node *nd = &t->n[k];
	const struct imp_node *p = nd->parent != NO ? &t->n[nd->parent] : NULL;
	char buf[128];

	switch (nd->m.kind) {
	case MK_ROMAN:
		snprintf(buf, sizeof buf, "%s", nd->m.label);
		break;
	case MK_DECIMAL: {
		const struct imp_node *r = p;

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
	case MK_LABEL:
		snprintf(buf, sizeof buf, "%s", p ? p->path : "");
		break;
	case MK_ROW: {
		/* "PL#3": the row's own number when it has one */
		const struct imp_block *bl = &c->txt.blocks[nd->block];
		const struct imp_row *row = nd->row;
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

/* The counter that numbers bullets under `parent`: items under a unit
 * label go on counting under the label's section, so that "#k" stays
 * unique there. */
static int *bullet_counter(struct imp_tree *t, size_t parent)
{
	if (parent == NO)
		return &t->root_bullets;
	if (t->n[parent].m.kind == MK_LABEL) {
		size_t gp = t->n[parent].parent;

		return gp == NO ? &t->root_bullets : &t->n[gp].nbullets;
	}
	return &t->n[parent].nbullets;
}

/* Where the "Thời gian thực hiện" line of the current position belongs:
 * the nearest numbered section on the stack. */
static size_t time_owner(const struct imp_tree *t, const size_t *stack, int depth)
{
	for (int k = depth - 1; k >= 0; k--)
		if (!imp_node_is_item(&t->n[stack[k]]))
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
static void table_row(struct imp_ctx *c, struct imp_tree *t, struct cursor *cu, size_t b)
{
	const struct imp_block *bl = &c->txt.blocks[b];
	struct imp_cell cells[IMP_MAX_CELLS];
	size_t n = imp_table_cells(bl->text, bl->len, cells, IMP_MAX_CELLS), parent, k;
	struct imp_marker m;
	struct imp_row *row;
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
	if (!others && imp_heading_like(bl->text + cells[cu->tab.text].a,
	                            cells[cu->tab.text].b - cells[cu->tab.text].a)) {
		/* a group row: its units lead the rows under it */
		free(cu->group_lead);
		cu->group_lead = imp_heading_units(bl->text + cells[cu->tab.text].a,
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
	t->n[k].ordinal = ++*bullet_counter(t, parent);
	make_path(c, t, k);
}

/* An unnumbered short line that only names units, with items right after
 * it: a heading for them. */
static int unit_label(const struct imp_ctx *c, size_t b)
{
	const struct imp_block *bl = &c->txt.blocks[b];
	struct imp_marker m;
	char *u;

	if (b + 1 >= c->txt.nblocks || imp_word_count(bl->text, bl->len) > 20 ||
	    !imp_heading_like(bl->text, bl->len) ||
	    !imp_marker_parse(c->txt.blocks[b + 1].text, c->txt.blocks[b + 1].len, &m) ||
	    (m.kind != MK_BULLET && m.kind != MK_PAREN && m.kind != MK_LETTER))
		return 0;
	u = imp_heading_units(bl->text, bl->len);
	free(u);
	return u != NULL;
}

static void place(struct imp_ctx *c, struct imp_tree *t, struct cursor *cu, size_t b)
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
	if (!has && cu->depth && unit_label(c, b)) {
		/* "Ban Tổ chức Tỉnh ủy:" over the items it leads */
		while (cu->depth && (imp_node_is_item(&t->n[cu->stack[cu->depth - 1]]) ||
		                     t->n[cu->stack[cu->depth - 1]].m.kind == MK_LABEL))
			cu->depth--;
		memset(&m, 0, sizeof m);
		m.kind = MK_LABEL;
		parent = cu->depth ? cu->stack[cu->depth - 1] : NO;
		k = new_node(t, &m, b, parent);
		make_path(c, t, k);
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
			const struct imp_node *top = &t->n[cu->stack[cu->depth - 1]];
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
			if (!imp_node_is_item(&t->n[cu->stack[i]]))
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
		t->n[k].ordinal = ++*bullet_counter(t, parent);
	make_path(c, t, k);
	cu->stack[cu->depth++] = k;
}

static void build(struct imp_ctx *c, struct imp_tree *t)
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

int imp_node_is_heading(const struct imp_node *nd)
{
	return nd->nchildren > 0 || (nd->more.n > 0 && !imp_node_is_item(nd)) || nd->m.kind == MK_ROMAN;
}

static void classify(struct imp_ctx *c, struct imp_tree *t)
{
	int any_tasks = 0;

	for (size_t k = 0; k < t->nn; k++) {
		struct imp_node *nd = &t->n[k];
		size_t len;
		const char *s = imp_node_text(c, nd, &len);

		nd->own = SK_NONE;
		if (!imp_node_is_item(nd) && imp_node_is_heading(nd) && imp_heading_like(s, len))
			nd->own = imp_section_keyword(s, len);
		if (nd->own == SK_TASKS || nd->own == SK_IMPL)
			any_tasks = 1;
	}
	for (size_t k = 0; k < t->nn; k++) {
		struct imp_node *nd = &t->n[k];

		if (nd->own != SK_NONE)
			nd->sk = nd->own;
		else if (nd->parent != NO)
			nd->sk = t->n[nd->parent].sk;
		else
			nd->sk = any_tasks ? SK_OTHER : SK_TASKS;
	}
}

void imp_tree_build(struct imp_ctx *c, struct imp_tree *t)
{
	build(c, t);
	classify(c, t);
}

void imp_tree_free(struct imp_tree *t)
{
	for (size_t k = 0; k < t->nn; k++) {
		free(t->n[k].more.v);
		free(t->n[k].unit_lead);
		if (t->n[k].row)
			free(t->n[k].row->group_lead);
		free(t->n[k].row);
	}
	free(t->n);
	free(t->impl);
	memset(t, 0, sizeof *t);
}
