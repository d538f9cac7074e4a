/* rd-docx.c — the document as a Word package (WordprocessingML, ECMA-376):
 * word/document.xml with the header table, the body and the signature;
 * styles (Times New Roman 14, Heading 1 and 2), numbering for the numbered
 * paragraphs, and a page header with the PAGE field that the first page
 * leaves out (titlePg). */
#include <string.h>

#include "render-internal.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* How a run of text looks. */
struct fmt {
	int bold, italic, underline;
	int half_points; /* font size in half points; 0: the default (14 pt) */
};

enum { AL_LEFT = 0, AL_CENTER, AL_RIGHT, AL_BOTH };

static void run_props(xmlTextWriterPtr w, const struct fmt *f)
{
	if (!f || (!f->bold && !f->italic && !f->underline && !f->half_points))
		return;
	rd_el(w, "w:rPr");
	if (f->bold)
		rd_empty(w, "w:b", NULL, NULL);
	if (f->italic)
		rd_empty(w, "w:i", NULL, NULL);
	if (f->underline)
		rd_empty(w, "w:u", "w:val", "single");
	if (f->half_points) {
		char sz[8];
		snprintf(sz, sizeof sz, "%d", f->half_points);
		rd_empty(w, "w:sz", "w:val", sz);
		rd_empty(w, "w:szCs", "w:val", sz);
	}
	rd_end(w);
}

/* One run; newlines in s become line breaks. */
static void run(xmlTextWriterPtr w, const struct fmt *f, const char *s)
{
	rd_el(w, "w:r");
	run_props(w, f);
	for (;;) {
		const char *nl = strchr(s, '\n');
		char *part = xstrndup(s, nl ? (size_t)(nl - s) : strlen(s));
		rd_el(w, "w:t");
		rd_at(w, "xml:space", "preserve");
		rd_text(w, part);
		rd_end(w);
		free(part);
		if (!nl)
			break;
		rd_empty(w, "w:br", NULL, NULL);
		s = nl + 1;
	}
	rd_end(w);
}

/* A paragraph: style (or NULL), alignment, space after in twentieths of a
 * point, numbered (0, or the list it is an item of: 1, 2, ...; each run of
 * numbered paragraphs is a list of its own, counting from 1), first-line
 * indent. */
struct para {
	const char *style;
	int align, after, numbered, indent, keep_next;
};

static void para_props(xmlTextWriterPtr w, const struct para *p)
{
	static const char *const al[] = {"left", "center", "right", "both"};
	char after[16];
	rd_el(w, "w:pPr");
	if (p->style)
		rd_empty(w, "w:pStyle", "w:val", p->style);
	if (p->keep_next)
		rd_empty(w, "w:keepNext", NULL, NULL);
	if (p->numbered) {
		char id[16];
		snprintf(id, sizeof id, "%d", p->numbered);
		rd_el(w, "w:numPr");
		rd_empty(w, "w:ilvl", "w:val", "0");
		rd_empty(w, "w:numId", "w:val", id);
		rd_end(w);
	}
	snprintf(after, sizeof after, "%d", p->after);
	rd_el(w, "w:spacing");
	rd_at(w, "w:before", "0");
	rd_at(w, "w:after", after);
	rd_end(w);
	if (p->indent)
		rd_empty(w, "w:ind", "w:firstLine", "567");
	rd_empty(w, "w:jc", "w:val", al[p->align]);
	rd_end(w);
}

static void paragraph(xmlTextWriterPtr w, const struct para *p, const struct fmt *f, const char *s)
{
	rd_el(w, "w:p");
	para_props(w, p);
	if (s && *s)
		run(w, f, s);
	rd_end(w);
}

static void cell_begin(xmlTextWriterPtr w, int twips)
{
	char width[16];
	snprintf(width, sizeof width, "%d", twips);
	rd_el(w, "w:tc");
	rd_el(w, "w:tcPr");
	rd_el(w, "w:tcW");
	rd_at(w, "w:w", width);
	rd_at(w, "w:type", "dxa");
	rd_end(w);
	rd_end(w);
}

/* A table's properties: full width, fixed layout, with or without borders. */
static void table_begin(xmlTextWriterPtr w, const int *widths, size_t n, int borders)
{
	rd_el(w, "w:tbl");
	rd_el(w, "w:tblPr");
	rd_el(w, "w:tblW");
	rd_at(w, "w:w", "5000");
	rd_at(w, "w:type", "pct");
	rd_end(w);
	rd_el(w, "w:tblBorders");
	static const char *const sides[] = {"w:top", "w:left", "w:bottom", "w:right", "w:insideH",
	                                    "w:insideV"};
	for (int i = 0; i < 6; i++) {
		rd_el(w, sides[i]);
		rd_at(w, "w:val", borders ? "single" : "nil");
		if (borders) {
			rd_at(w, "w:sz", "4");
			rd_at(w, "w:space", "0");
			rd_at(w, "w:color", "000000");
		}
		rd_end(w);
	}
	rd_end(w);
	rd_empty(w, "w:tblLayout", "w:type", "fixed");
	rd_end(w);
	rd_el(w, "w:tblGrid");
	for (size_t i = 0; i < n; i++) {
		char g[16];
		snprintf(g, sizeof g, "%d", widths[i]);
		rd_empty(w, "w:gridCol", "w:w", g);
	}
	rd_end(w);
}

/* Text width of the page: A4 (11906) less margins of 3 cm and 2 cm. */
#define TEXT_TWIPS (11906 - 1701 - 1134)

/* How each role of the layout looks. */
static const struct {
	struct para p;
	struct fmt f;
} looks[RD_NROLES] = {
	[RD_DRAFT] = {{NULL, AL_RIGHT, 120, 0, 0, 0}, {1, 0, 0, 26}},
	[RD_SUPERIOR] = {{NULL, AL_CENTER, 0, 0, 0, 0}, {0, 0, 0, 26}},
	[RD_ISSUER] = {{NULL, AL_CENTER, 0, 0, 0, 0}, {1, 0, 0, 26}},
	[RD_STAR] = {{NULL, AL_CENTER, 0, 0, 0, 0}, {0, 0, 0, 26}},
	[RD_NUMBER] = {{NULL, AL_CENTER, 0, 0, 0, 0}, {0, 0, 0, 26}},
	[RD_NATIONAL] = {{NULL, AL_CENTER, 0, 0, 0, 0}, {1, 0, 1, 30}},
	[RD_BLANK] = {{NULL, AL_CENTER, 0, 0, 0, 0}, {0, 0, 0, 0}},
	[RD_PLACE_DATE] = {{NULL, AL_CENTER, 0, 0, 0, 0}, {0, 1, 0, 28}},
	[RD_AFTER_HEADER] = {{NULL, AL_CENTER, 240, 0, 0, 0}, {0, 0, 0, 0}},
	[RD_KIND] = {{NULL, AL_CENTER, 0, 0, 0, 0}, {1, 0, 0, 30}},
	[RD_SUBJECT] = {{NULL, AL_CENTER, 0, 0, 0, 0}, {1, 0, 0, 28}},
	[RD_RULE] = {{NULL, AL_CENTER, 240, 0, 0, 0}, {0, 0, 0, 0}},
	[RD_TO] = {{NULL, AL_CENTER, 120, 0, 0, 0}, {0, 0, 0, 0}},
	[RD_CELL_HEAD] = {{NULL, AL_CENTER, 0, 0, 0, 0}, {1, 0, 0, 24}},
	[RD_CELL_FIGURE] = {{NULL, AL_CENTER, 0, 0, 0, 0}, {0, 0, 0, 24}},
	[RD_CELL_TEXT] = {{NULL, AL_LEFT, 0, 0, 0, 0}, {0, 0, 0, 24}},
	/* Word needs a paragraph between two tables */
	[RD_AFTER_TABLE] = {{NULL, AL_LEFT, 120, 0, 0, 0}, {0, 0, 0, 0}},
	[RD_RECIPIENTS_HEAD] = {{NULL, AL_LEFT, 0, 0, 0, 0}, {1, 1, 0, 24}},
	[RD_RECIPIENT] = {{NULL, AL_LEFT, 0, 0, 0, 0}, {0, 0, 0, 22}},
	[RD_SIGNER] = {{NULL, AL_CENTER, 0, 0, 0, 0}, {1, 0, 0, 28}},
};

/* The writer's state through the layout: the widths of the table being
 * written, in twips. */
struct docx {
	xmlTextWriterPtr w;
	int *widths;
};

static void dx_para(void *ctx, enum rd_role role, const char *text)
{
	struct docx *d = ctx;
	paragraph(d->w, &looks[role].p, &looks[role].f, text);
}

static void dx_heading(void *ctx, int level, const char *text)
{
	struct docx *d = ctx;
	struct para hp = {level == 2 ? "Heading2" : "Heading1", AL_BOTH, 120, 0, 1, 1};
	paragraph(d->w, &hp, NULL, text);
}

static void dx_text(void *ctx, const char *text, int bold, int italic, int list)
{
	struct docx *d = ctx;
	struct para pp = {NULL, AL_BOTH, 120, list, !list, 0};
	struct fmt f = {bold, italic, 0, 0};
	paragraph(d->w, &pp, &f, text);
}

/* A list is its paragraphs' numbering (numbering.xml): nothing around it. */
static void dx_list_begin(void *ctx, int list)
{
	(void)ctx;
	(void)list;
}

static void dx_list_end(void *ctx)
{
	(void)ctx;
}

static void dx_table_begin(void *ctx, enum rd_table kind, const json_t *table, size_t index)
{
	struct docx *d = ctx;
	size_t n = rd_table_columns(kind, table);
	(void)index;
	d->widths = xcalloc(n, sizeof *d->widths);
	for (size_t i = 0; i < n; i++)
		d->widths[i] = rd_column_width(kind, table, i, TEXT_TWIPS);
	table_begin(d->w, d->widths, n, kind == RD_BODY_TABLE);
}

static void dx_table_end(void *ctx)
{
	struct docx *d = ctx;
	rd_end(d->w);
	free(d->widths);
	d->widths = NULL;
}

static void dx_row_begin(void *ctx, enum rd_row kind)
{
	struct docx *d = ctx;
	rd_el(d->w, "w:tr");
	if (kind == RD_ROW_PLAIN)
		return;
	rd_el(d->w, "w:trPr");
	rd_empty(d->w, kind == RD_ROW_HEAD ? "w:tblHeader" : "w:cantSplit", NULL, NULL);
	rd_end(d->w);
}

static void dx_row_end(void *ctx, enum rd_row kind)
{
	struct docx *d = ctx;
	(void)kind;
	rd_end(d->w);
}

static void dx_cell_begin(void *ctx, size_t col)
{
	struct docx *d = ctx;
	cell_begin(d->w, d->widths[col]);
}

static void dx_cell_end(void *ctx)
{
	struct docx *d = ctx;
	rd_end(d->w);
}

static const struct rd_look docx_look = {
	dx_para, dx_heading, dx_text, dx_list_begin, dx_list_end, dx_table_begin, dx_table_end,
	dx_row_begin, dx_row_end, dx_cell_begin, dx_cell_end,
};

static void document_xml(xmlTextWriterPtr w, const void *arg)
{
	const json_t *spec = arg;
	rd_el(w, "w:document");
	rd_at(w, "xmlns:w", W_NS);
	rd_at(w, "xmlns:r", R_NS);
	rd_el(w, "w:body");
	struct docx d = {w, NULL};
	rd_layout(spec, &docx_look, &d);
	/* A4 portrait; margins 2 cm top and bottom, 3 cm left, 2 cm right;
	 * the page header (page number) on every page but the first */
	rd_el(w, "w:sectPr");
	rd_el(w, "w:headerReference");
	rd_at(w, "w:type", "default");
	rd_at(w, "r:id", "rIdHeader");
	rd_end(w);
	rd_el(w, "w:pgSz");
	rd_at(w, "w:w", "11906");
	rd_at(w, "w:h", "16838");
	rd_end(w);
	rd_el(w, "w:pgMar");
	rd_at(w, "w:top", "1134");
	rd_at(w, "w:right", "1134");
	rd_at(w, "w:bottom", "1134");
	rd_at(w, "w:left", "1701");
	rd_at(w, "w:header", "567");
	rd_at(w, "w:footer", "567");
	rd_at(w, "w:gutter", "0");
	rd_end(w);
	rd_empty(w, "w:titlePg", NULL, NULL);
	rd_end(w);
	rd_end(w);
	rd_end(w);
}

static void header_xml(xmlTextWriterPtr w, const void *arg)
{
	(void)arg;
	rd_el(w, "w:hdr");
	rd_at(w, "xmlns:w", W_NS);
	rd_el(w, "w:p");
	rd_el(w, "w:pPr");
	rd_empty(w, "w:jc", "w:val", "center");
	rd_end(w);
	rd_el(w, "w:fldSimple");
	rd_at(w, "w:instr", " PAGE ");
	run(w, NULL, "2");
	rd_end(w);
	rd_end(w);
	rd_end(w);
}

static void style(xmlTextWriterPtr w, const char *id, const char *name, int level)
{
	char lv[4];
	rd_el(w, "w:style");
	rd_at(w, "w:type", "paragraph");
	rd_at(w, "w:styleId", id);
	if (!level)
		rd_at(w, "w:default", "1");
	rd_empty(w, "w:name", "w:val", name);
	if (level) {
		rd_empty(w, "w:basedOn", "w:val", "Normal");
		rd_empty(w, "w:next", "w:val", "Normal");
		rd_empty(w, "w:qFormat", NULL, NULL);
		rd_el(w, "w:pPr");
		rd_empty(w, "w:keepNext", NULL, NULL);
		snprintf(lv, sizeof lv, "%d", level - 1);
		rd_empty(w, "w:outlineLvl", "w:val", lv);
		rd_end(w);
		rd_el(w, "w:rPr");
		rd_empty(w, "w:b", NULL, NULL);
		if (level == 2)
			rd_empty(w, "w:i", NULL, NULL);
		rd_end(w);
	} else {
		rd_empty(w, "w:qFormat", NULL, NULL);
	}
	rd_end(w);
}

static void styles_xml(xmlTextWriterPtr w, const void *arg)
{
	(void)arg;
	rd_el(w, "w:styles");
	rd_at(w, "xmlns:w", W_NS);
	rd_el(w, "w:docDefaults");
	rd_el(w, "w:rPrDefault");
	rd_el(w, "w:rPr");
	rd_el(w, "w:rFonts");
	rd_at(w, "w:ascii", "Times New Roman");
	rd_at(w, "w:hAnsi", "Times New Roman");
	rd_at(w, "w:cs", "Times New Roman");
	rd_at(w, "w:eastAsia", "Times New Roman");
	rd_end(w);
	rd_empty(w, "w:sz", "w:val", "28");
	rd_empty(w, "w:szCs", "w:val", "28");
	rd_empty(w, "w:lang", "w:val", "vi-VN");
	rd_end(w);
	rd_end(w);
	rd_el(w, "w:pPrDefault");
	rd_el(w, "w:pPr");
	rd_el(w, "w:spacing");
	rd_at(w, "w:after", "0");
	rd_at(w, "w:line", "264");
	rd_at(w, "w:lineRule", "auto");
	rd_end(w);
	rd_end(w);
	rd_end(w);
	rd_end(w);
	style(w, "Normal", "Normal", 0);
	style(w, "Heading1", "heading 1", 1);
	style(w, "Heading2", "heading 2", 2);
	rd_end(w);
}

/* Lists 1..n: "1.", "2.", ... indented as a paragraph of the body, each
 * restarting at 1. */
static void numbering_xml(xmlTextWriterPtr w, const void *arg)
{
	int n = *(const int *)arg;
	rd_el(w, "w:numbering");
	rd_at(w, "xmlns:w", W_NS);
	rd_el(w, "w:abstractNum");
	rd_at(w, "w:abstractNumId", "0");
	rd_el(w, "w:lvl");
	rd_at(w, "w:ilvl", "0");
	rd_empty(w, "w:start", "w:val", "1");
	rd_empty(w, "w:numFmt", "w:val", "decimal");
	rd_empty(w, "w:suff", "w:val", "space");
	rd_empty(w, "w:lvlText", "w:val", "%1.");
	rd_empty(w, "w:lvlJc", "w:val", "left");
	rd_el(w, "w:pPr");
	rd_el(w, "w:ind");
	rd_at(w, "w:left", "0");
	rd_at(w, "w:firstLine", "567");
	rd_end(w);
	rd_end(w);
	rd_end(w);
	rd_end(w);
	for (int i = 1; i <= n; i++) {
		char id[16];
		snprintf(id, sizeof id, "%d", i);
		rd_el(w, "w:num");
		rd_at(w, "w:numId", id);
		rd_empty(w, "w:abstractNumId", "w:val", "0");
		rd_el(w, "w:lvlOverride");
		rd_at(w, "w:ilvl", "0");
		rd_empty(w, "w:startOverride", "w:val", "1");
		rd_end(w);
		rd_end(w);
	}
	rd_end(w);
}

struct rel {
	const char *id, *type, *target;
};

/* The relationships of a part: n of them. */
struct rels {
	const struct rel *r;
	size_t n;
};

static void rels_xml(xmlTextWriterPtr w, const void *arg)
{
	const struct rel *r = ((const struct rels *)arg)->r;
	size_t n = ((const struct rels *)arg)->n;
	rd_el(w, "Relationships");
	rd_at(w, "xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
	for (size_t i = 0; i < n; i++) {
		rd_el(w, "Relationship");
		rd_at(w, "Id", r[i].id);
		rd_at(w, "Type", r[i].type);
		rd_at(w, "Target", r[i].target);
		rd_end(w);
	}
	rd_end(w);
}

static void content_types_xml(xmlTextWriterPtr w, const void *arg)
{
	static const char *const over[][2] = {
		{"/word/document.xml",
		 "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"},
		{"/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"},
		{"/word/numbering.xml",
		 "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"},
		{"/word/header1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"},
	};
	(void)arg;
	rd_el(w, "Types");
	rd_at(w, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
	rd_el(w, "Default");
	rd_at(w, "Extension", "rels");
	rd_at(w, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
	rd_end(w);
	rd_el(w, "Default");
	rd_at(w, "Extension", "xml");
	rd_at(w, "ContentType", "application/xml");
	rd_end(w);
	for (size_t i = 0; i < sizeof over / sizeof over[0]; i++) {
		rd_el(w, "Override");
		rd_at(w, "PartName", over[i][0]);
		rd_at(w, "ContentType", over[i][1]);
		rd_end(w);
	}
	rd_end(w);
}

int rd_docx(const json_t *spec, struct sbuf *out, struct err *e)
{
	static const struct rel pkg[] = {
		{"rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
		 "word/document.xml"}};
	static const struct rel doc[] = {
		{"rIdStyles", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
		 "styles.xml"},
		{"rIdNumbering",
		 "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering",
		 "numbering.xml"},
		{"rIdHeader", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
		 "header1.xml"}};
	struct rd_part parts[] = {
		{"[Content_Types].xml", {0}, 0}, {"_rels/.rels", {0}, 0},
		{"word/_rels/document.xml.rels", {0}, 0}, {"word/document.xml", {0}, 0},
		{"word/styles.xml", {0}, 0}, {"word/numbering.xml", {0}, 0},
		{"word/header1.xml", {0}, 0}};
	size_t n = sizeof parts / sizeof parts[0];
	const struct rels pkg_rels = {pkg, 1}, doc_rels = {doc, 3};
	int lists = rd_count_lists(spec);
	int rc = rd_xml_part(content_types_xml, NULL, &parts[0].data, e);
	if (!rc)
		rc = rd_xml_part(rels_xml, &pkg_rels, &parts[1].data, e);
	if (!rc)
		rc = rd_xml_part(rels_xml, &doc_rels, &parts[2].data, e);
	if (!rc)
		rc = rd_xml_part(document_xml, spec, &parts[3].data, e);
	if (!rc)
		rc = rd_xml_part(styles_xml, NULL, &parts[4].data, e);
	if (!rc)
		rc = rd_xml_part(numbering_xml, &lists, &parts[5].data, e);
	if (!rc)
		rc = rd_xml_part(header_xml, NULL, &parts[6].data, e);
	if (!rc)
		rc = rd_zip(parts, n, out, e);
	for (size_t i = 0; i < n; i++)
		sbuf_free(&parts[i].data);
	return rc;
}
