/* import-internal.h — what the import modules share and nobody else needs:
 * the cleaned paragraphs of the input, numbering markers, word tokens over
 * folded text, the document tree, unit phrases and deadline phrases.
 */
#ifndef THEODOI_IMPORT_INTERNAL_H
#define THEODOI_IMPORT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "import.h"
#include "util.h"

struct hier;

/* ---- text (import-text.c) ------------------------------------------- */

/* A paragraph: hard-wrapped lines and page-break splits joined back, with
 * Markdown marks removed and white space collapsed. */
struct imp_block {
	char *text;      /* malloc'd, NFC */
	size_t len;
	int line;        /* 1-based line of its first line */
};

struct imp_text {
	char *source;    /* the whole text: NFC, LF, no BOM, controls blanked */
	size_t source_len;
	struct imp_block *blocks;
	size_t nblocks;
};

/* Decode, validate, normalise and split text into paragraphs.  ERR_INPUT
 * for invalid UTF-8 with e->file/line/col set.  Release with
 * imp_text_free() (also after a failure). */
int imp_text_read(const char *text, size_t len, const char *file, struct imp_text *out,
                  struct err *e);
void imp_text_free(struct imp_text *t);

/* Character class of the first letter of s[0..n): 1 upper-case, -1 lower-case,
 * 0 when the text does not start with a letter. */
int imp_first_case(const char *s, size_t n);
/* 1 if s[0..n) has at least two letters and no lower-case one. */
int imp_all_caps(const char *s, size_t n);

/* ---- page furniture and wrapping (import-page.c) ---------------------- */

/* A line of the input once its Markdown marks are cleaned. */
struct imp_line {
	size_t off, len;           /* in the cleaned buffer; len 0: a blank line */
	int no;                    /* 1-based line number in the input */
	size_t chars;              /* characters (code points) */
	unsigned char page_break;  /* a page starts here (a form feed, or furniture before) */
	unsigned char furniture;   /* a page number or a running header: not text */
	unsigned char rule_before; /* a rule ("----") opened the line: a paragraph starts */
};

/* 1 if s[0..n) is a page number on a line of its own: "2", "- 3 -",
 * "– 4 –", "Trang 5", "Trang 5/12".  "- 3" alone is not (a list item). */
int imp_page_number_line(const char *s, size_t n);

/* Mark the furniture among lines[0..n) of the cleaned text buf: page
 * numbers, the national heading ("ĐẢNG CỘNG SẢN VIỆT NAM") after its first
 * time, and lines repeated at the edges of page breaks (or copying the top
 * of the first page) as running headers and footers.  Lines that had
 * page_break set (after a form feed) are breaks too; on return page_break
 * is set on the first content line of every page after the first. */
void imp_page_furniture(const char *buf, struct imp_line *lines, size_t n);

/* The width in characters the text of lines[0..n) was hard-wrapped at
 * (the length most of its lines reach), or 0 when its lines are whole
 * paragraphs.  Furniture lines are not counted. */
size_t imp_wrap_width(const char *buf, const struct imp_line *lines, size_t n);

/* ---- side-by-side columns (import-layout.c) --------------------------- */

/* Text s[0..n) with its side-by-side columns (lines split by a gap of four
 * spaces or more, as pdftotext -layout leaves the header table and the
 * signature block) rewritten as the left column's lines, then the right
 * one's.  A new buffer (caller frees) with *outlen, or NULL when s has no
 * such columns. */
char *imp_layout_columns(const char *s, size_t n, size_t *outlen);

/* ---- numbering markers (import-mark.c) -------------------------------- */

enum imp_mk {
	MK_NONE = 0,
	MK_ROMAN,    /* "III." */
	MK_DECIMAL,  /* "2.", "2.1.", "1.1" */
	MK_PAREN,    /* "(3)", "3)" */
	MK_LETTER,   /* "a)", "(b)" */
	MK_BULLET,   /* "-", "+", "*", "•" ... */
	MK_ROW,      /* a row of a pipe table (import-table.c) */
	MK_LABEL     /* an unnumbered line naming units, items under it ("Ban Tổ chức:") */
};

#define IMP_MAX_COMP 6

struct imp_marker {
	enum imp_mk kind;
	int ncomp;                /* MK_DECIMAL: number of components */
	int comp[IMP_MAX_COMP];   /* MK_DECIMAL numbers; MK_ROMAN/MK_PAREN: comp[0] */
	char label[16];           /* "III", "2.1", "3", "a" */
	char style;               /* MK_BULLET: '-', '+', '*', 'o', '>' */
	size_t len;               /* bytes of the marker and the spaces after it */
};

/* Recognise a numbering marker at the start of s[0..n).  Returns 1 and
 * fills m, or 0 (m->kind MK_NONE). */
int imp_marker_parse(const char *s, size_t n, struct imp_marker *m);

/* ---- pipe tables (import-table.c) -------------------------------------- */

struct imp_cell {
	size_t a, b;     /* byte range of the cell's text, trimmed */
};

/* Which column holds what (-1: none). */
struct imp_table {
	int ncols, num, text, lead, partners, deadline;
};

#define IMP_MAX_CELLS 16

/* 1 if paragraph s[0..n) is a table row ("| ... |"). */
int imp_table_line(const char *s, size_t n);
/* Split a row into its cells (at most max); returns their number. */
size_t imp_table_cells(const char *s, size_t n, struct imp_cell *cells, size_t max);
/* 1 for the rule under the header ("|---|:--:|"). */
int imp_table_rule(const char *s, const struct imp_cell *cells, size_t n);
/* 1 if the row is a header naming the task's text and its lead or
 * deadline columns ("Nội dung", "Cơ quan chủ trì", "Thời gian hoàn thành"),
 * with *t filled. */
int imp_table_header(const char *s, const struct imp_cell *cells, size_t n,
                     struct imp_table *t);

/* ---- word tokens over folded text (import-tok.c) --------------------- */

/* A token of the folded text: a word (letters, digits, and '/', '-', '.',
 * '&' between them) or one punctuation byte. */
struct imp_tok {
	uint32_t a, b;   /* folded byte range */
	char punct;      /* 0 for a word, else the punctuation byte */
	char cap;        /* word: 1 if its first original letter is upper-case */
};

struct imp_toks {
	const char *s;   /* original text (not owned) */
	size_t n;
	char *f;         /* folded text (owned) */
	size_t fn;
	size_t *map;     /* folded byte -> original byte (owned) */
	struct imp_tok *t;
	size_t nt;
};

void imp_toks_init(struct imp_toks *tk, const char *s, size_t n);
void imp_toks_free(struct imp_toks *tk);
/* 1 if token i is the word w (folded, no spaces). */
int imp_tok_is(const struct imp_toks *tk, size_t i, const char *w);
/* 1 if token i is punctuation c. */
int imp_tok_punct(const struct imp_toks *tk, size_t i, char c);
/* Number of tokens matched when the words of seq ("ban to chuc", words
 * separated by single spaces; "," and other punctuation are tokens too)
 * start at token i, else 0. */
size_t imp_tok_seq(const struct imp_toks *tk, size_t i, const char *seq);
/* The first entry of the NULL-terminated list that matches at i: its index,
 * with *len its token count; -1 if none. */
int imp_tok_any(const struct imp_toks *tk, size_t i, const char *const *list, size_t *len);
/* Original byte range of tokens [i, j) (j > i), trimmed. */
void imp_tok_span(const struct imp_toks *tk, size_t i, size_t j, size_t *start, size_t *end);
/* Value of a token that is all digits (at most 9), else -1. */
long imp_tok_num(const struct imp_toks *tk, size_t i);

/* ---- the parse under way (import.c) ---------------------------------- */

struct imp_units;

struct imp_ctx {
	const struct hier *h;
	struct imp_result *r;
	struct imp_text txt;
	struct imp_units *units;   /* index of h, or NULL */
	size_t tcap, icap, wcap;   /* capacities of r's arrays */
	size_t body_start;         /* first block of the numbered body */
	size_t body_end;           /* first block after it (recipients, signature) */
	size_t appendix_start;     /* "PHỤ LỤC" after the signature, or nblocks */
	char *issuer_alt[2];       /* other names of the issuer: header line, "T/M ..." */
};

/* Append a warning (printf format, Vietnamese) at line (0: none). */
void imp_warn(struct imp_ctx *c, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Append a task / an indicator (zeroed) and return it. */
struct imp_task *imp_task_new(struct imp_ctx *c);
struct imp_indicator *imp_indicator_new(struct imp_ctx *c);

/* ---- header and signature (import-header.c) --------------------------- */

/* Find where the numbered body starts and ends (c->body_start/end), and
 * read kind, number, date, title, implements, issuer (text), signer. */
void imp_header(struct imp_ctx *c);

/* ---- structure (import-structure.c) ----------------------------------- */

/* What a section holds, from the words of its heading. */
enum imp_sk {
	SK_NONE = 0,     /* no keyword: inherits from the enclosing section */
	SK_PURPOSE,      /* Mục đích, yêu cầu; Quan điểm */
	SK_GOALS,        /* Mục tiêu */
	SK_INDICATORS,   /* Các chỉ tiêu cụ thể */
	SK_TASKS,        /* Nhiệm vụ, giải pháp; Nhiệm vụ cụ thể */
	SK_IMPL,         /* Tổ chức thực hiện */
	SK_OTHER         /* anything else at the top: Kinh phí, Kết quả ... */
};

/* The kind of section a heading text s[0..n) opens (SK_NONE if its words
 * say nothing). */
enum imp_sk imp_section_keyword(const char *s, size_t n);

/* 1 if paragraph s[0..n) is the recipients' heading ("Nơi nhận:") or the
 * start of the signature block ("T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ"). */
int imp_is_closing(const char *s, size_t n);

/* A document number ("52-CTr/TU", "726/KH-UBND") as token i: 1 or 0. */
int imp_tok_docnum(const struct imp_toks *tk, size_t i);

/* ---- the section tree (import-structure.c) ---------------------------- */

/* Indexes of paragraphs. */
struct imp_idx_list {
	size_t *v;
	size_t n, cap;
};

/* A task row of a table: where its cells are in its paragraph. */
struct imp_row {
	struct imp_table tab;
	struct imp_cell cells[IMP_MAX_CELLS];
	size_t ncells;
	char *group_lead;      /* units of the group row above it, or NULL */
};

/* A numbered section, an item, or a table row, in document order. */
struct imp_node {
	struct imp_marker m;
	size_t parent;
	size_t block;          /* its own paragraph */
	struct imp_idx_list more;  /* unmarked paragraphs: body (numbered) or continuation */
	size_t nchildren;
	int nbullets;          /* bullets among its children so far */
	int ordinal;           /* bullets: rank among the parent's bullets */
	size_t time_block;     /* "Thời gian thực hiện: ..." of this section, or IMP_NO */
	enum imp_sk own, sk;   /* keyword of its heading; effective kind */
	char path[64];
	char *unit_lead;       /* text of the units its heading names, or NULL */
	int synthetic;         /* an unnumbered heading in capitals */
	struct imp_row *row;   /* MK_ROW: the cells of a table row */
};

/* The body of a plan: its nodes, parents before children. */
struct imp_tree {
	struct imp_node *n;
	size_t nn, cap;
	int root_bullets;
	unsigned char *impl;   /* per task: from "Tổ chức thực hiện" */
	size_t implcap;
};

#define IMP_NO ((size_t)-1)

/* Build the tree of c->body_start..body_end and of the appendix, and set
 * each node's section kind.  Release with imp_tree_free(). */
void imp_tree_build(struct imp_ctx *c, struct imp_tree *t);
void imp_tree_free(struct imp_tree *t);

/* A node's own text, after its numbering marker. */
const char *imp_node_text(const struct imp_ctx *c, const struct imp_node *nd, size_t *len);
/* Items: "(n)", "a)", bullets, table rows; headings: nodes with items or
 * paragraphs under them, and Roman sections. */
int imp_node_is_item(const struct imp_node *nd);
int imp_node_is_heading(const struct imp_node *nd);
/* Last significant character of s[0..n) (closing quotes skipped; an
 * ellipsis reads as '.'), or 0. */
char imp_last_char(const char *s, size_t n);
size_t imp_word_count(const char *s, size_t n);
/* 1 if a sentence ends before the last one (". X" with X a capital). */
int imp_earlier_sentence(const char *s, size_t n);
/* Only introduces what follows: "- Về tổ chức bộ máy:". */
int imp_introducer(const char *s, size_t n);
/* Reads as a heading: no final full stop and short, or ends with ':'. */
int imp_heading_like(const char *s, size_t n);
/* The units a heading names ("2.1. Ban Tuyên giáo Tỉnh ủy", "Đối với Ban
 * Tổ chức:"), as written (caller frees), or NULL. */
char *imp_heading_units(const char *s, size_t n);

/* ---- tasks (import-tasks.c) -------------------------------------------- */

/* Build the section tree and extract tasks and indicators into c->r. */
void imp_structure(struct imp_ctx *c);

/* ---- indicators (import-indicator.c) ---------------------------------- */

/* Read year, minimum, target and unit of an indicator text into ind. */
void imp_indicator_read(const char *text, size_t n, struct imp_indicator *ind);
/* 1 if text looks like a measurable target (a year and a figure). */
int imp_indicator_like(const char *text, size_t n);

/* ---- units (import-units.c) ------------------------------------------- */

/* Build an index of h for resolution (NULL when h is NULL). */
struct imp_units *imp_units_new(const struct hier *h);
void imp_units_free(struct imp_units *u);

/* Resolve a unit written as name[0..n), relative to the issuer unit (0:
 * none): exact name or abbreviation, then the issuer's subtree, then
 * upwards.  Returns the unit id or 0. */
uint32_t imp_units_resolve(const struct imp_units *u, const char *name, size_t n,
                           uint32_t issuer);

/* A list of unit names at tokens [i, ...): "Ban Tổ chức Tỉnh ủy, Ban Tuyên
 * giáo và các cơ quan liên quan".  Fills the token ranges of the items
 * (at most max) and returns their number; *end gets the token after the
 * list, *stop why it ended: 'v' a verb, ';' a semicolon, 'e' the end of the
 * text, ':' a colon, 'x' anything else. */
struct imp_item {
	size_t a, b;     /* tokens [a, b) */
};
size_t imp_unit_list(const struct imp_toks *tk, size_t i, struct imp_item *items, size_t max,
                     size_t *end, char *stop);

/* 1 if the folded word sequence at token i starts a unit name. */
int imp_unit_head(const struct imp_toks *tk, size_t i);

/* 1 if a verb that ends a unit name ("tăng cường", "lãnh đạo") starts at
 * token i, whatever its case. */
int imp_tok_verb(const struct imp_toks *tk, size_t i);

/* 1 if item it of a unit list is a generic noun alone ("Cơ quan", "các
 * đơn vị", "Ngành"): it names no unit, so it never leads a task. */
int imp_unit_generic(const struct imp_toks *tk, const struct imp_item *it);

/* ---- leads and partners in a task's text (import-lead.c) ------------- */

/* The units that open a task as its subject ("Ban Thường vụ Tỉnh ủy tập
 * trung ...", "Các huyện ủy ...; các ban ..."): the first group as written
 * (caller frees), or NULL. */
char *imp_subject(const struct imp_toks *tk);
/* A lead the text assigns: "giao X chủ trì", "(X chủ trì, ...)", "Cơ quan
 * chủ trì: X".  As written (caller frees), or NULL. */
char *imp_assigned_lead(const struct imp_toks *tk);
/* Partners: "chủ trì, phối hợp với X, Y", "Cơ quan phối hợp: X", "(...; X
 * phối hợp)".  Sets task->partners, npartners and a zeroed partner_units. */
void imp_partners(const struct imp_toks *tk, struct imp_task *task);

/* ---- deadlines (import-deadline.c) ----------------------------------- */

struct imp_dl_found {
	size_t start, end;       /* byte range of the phrase in the text */
	struct deadline dl;
};

/* Find the deadline phrases of a task text s[0..n): parenthesised
 * phrases, and phrases that stand as a clause of the sentence.  Fills at
 * most max, in text order, and returns their number. */
size_t imp_dl_find(const char *s, size_t n, struct imp_dl_found *out, size_t max);
/* The same on a text already split into tokens (tk->s is the text). */
size_t imp_dl_find_toks(const struct imp_toks *tk, struct imp_dl_found *out, size_t max);

/* The phrase of a section line "Thời gian thực hiện: Thường xuyên."
 * s[0..n): 1 and the byte range of the phrase (after the colon, without
 * the final full stop) when s is such a line, else 0. */
int imp_dl_section_line(const char *s, size_t n, size_t *start, size_t *end);

/* The partners of a parsed task as one "; "-separated text, as a stored
 * task's partners_text reads (import-replace.c, import-diff.c).  Caller
 * frees; "" when none. */
struct imp_task;
char *imp_partners_joined(const struct imp_task *x);

/* 1 when a task led by lead_unit (0: none) as written lead_text may be on a
 * group of bodies that import opens to its units (ops-group.h): no unit
 * leads it and its lead is a group (imp_lead_is_group: "Các cấp ủy",
 * "Cấp ủy, tổ chức đảng").  A single name ("Đảng đoàn X" not yet linked)
 * never is: ops_group_units would read it as every đảng đoàn. */
int imp_group_lead(uint32_t lead_unit, const char *lead_text);

#endif
