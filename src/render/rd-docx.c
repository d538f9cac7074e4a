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

static void header_table(xmlTextWriterPtr w, const json_t *spec)
{
	int widths[2] = {TEXT_TWIPS * 40 / 100, TEXT_TWIPS - TEXT_TWIPS * 40 / 100};
	struct para c = {NULL, AL_CENTER, 0, 0, 0, 0};
	struct fmt plain = {0, 0, 0, 26}, bold = {1, 0, 0, 26}, under = {1, 0, 1, 30},
	           ital = {0, 1, 0, 28};
	table_begin(w, widths, 2, 0);
	rd_el(w, "w:tr");
	cell_begin(w, widths[0]);
	if (*rd_str(spec, "superior"))
		paragraph(w, &c, &plain, rd_str(spec, "superior"));
	paragraph(w, &c, &bold, rd_str(spec, "issuer"));
	paragraph(w, &c, &plain, "*");
	paragraph(w, &c, &plain, rd_str(spec, "number"));
	rd_end(w);
	cell_begin(w, widths[1]);
	paragraph(w, &c, &under, "ĐẢNG CỘNG SẢN VIỆT NAM");
	paragraph(w, &c, NULL, "");
	paragraph(w, &c, &ital, rd_str(spec, "place_date"));
	rd_end(w);
	rd_end(w);
	rd_end(w);
}

static void body_table(xmlTextWriterPtr w, const json_t *t)
{
	const json_t *head = json_object_get(t, "head"), *rows = json_object_get(t, "rows"), *row, *v;
	const json_t *pct = json_object_get(t, "widths");
	size_t n = json_array_size(head), i, k;
	int *widths = xcalloc(n, sizeof *widths);
	for (i = 0; i < n; i++) {
		json_int_t p = json_integer_value(json_array_get(pct, i));
		widths[i] = p > 0 ? (int)(TEXT_TWIPS * p / 100) : TEXT_TWIPS / (int)n;
	}
	struct para c = {NULL, AL_CENTER, 0, 0, 0, 0}, l = {NULL, AL_LEFT, 0, 0, 0, 0};
	struct fmt hf = {1, 0, 0, 24}, cf = {0, 0, 0, 24};
	table_begin(w, widths, n, 1);
	/* the header row repeats at the top of every page the table runs onto */
	rd_el(w, "w:tr");
	rd_el(w, "w:trPr");
	rd_empty(w, "w:tblHeader", NULL, NULL);
	rd_end(w);
	json_array_foreach(head, i, v) {
		cell_begin(w, widths[i]);
		paragraph(w, &c, &hf, json_string_value(v));
		rd_end(w);
	}
	rd_end(w);
	json_array_foreach(rows, k, row) {
		rd_el(w, "w:tr");
		rd_el(w, "w:trPr");
		rd_empty(w, "w:cantSplit", NULL, NULL);
		rd_end(w);
		json_array_foreach(row, i, v) {
			const char *s = json_string_value(v);
			/* numbers read best centred, words from the left */
			int numeric = s[0] && strspn(s, "0123456789,.%-") == strlen(s);
			cell_begin(w, widths[i]);
			paragraph(w, numeric ? &c : &l, &cf, s);
			rd_end(w);
		}
		rd_end(w);
	}
	rd_end(w);
	free(widths);
	/* Word needs a paragraph between two tables */
	struct para gap = {NULL, AL_LEFT, 120, 0, 0, 0};
	paragraph(w, &gap, NULL, "");
}

/* The number of lists: runs of numbered paragraphs in the body. */
static int count_lists(const json_t *spec)
{
	const json_t *b;
	size_t i;
	int n = 0, in_list = 0;
	json_array_foreach(rd_arr(spec, "body"), i, b) {
		int num = json_is_string(json_object_get(b, "p")) && rd_bool(b, "num");
		n += num && !in_list;
		in_list = num;
	}
	return n;
}

static void body(xmlTextWriterPtr w, const json_t *spec)
{
	const json_t *b;
	size_t i;
	int list = 0, in_list = 0;
	json_array_foreach(rd_arr(spec, "body"), i, b) {
		int num = json_is_string(json_object_get(b, "p")) && rd_bool(b, "num");
		list += num && !in_list;
		in_list = num;
		const char *h = json_string_value(json_object_get(b, "h"));
		const char *p = json_string_value(json_object_get(b, "p"));
		if (h) {
			struct para hp = {json_integer_value(json_object_get(b, "level")) == 2 ? "Heading2"
			                                                                         : "Heading1",
			                  AL_BOTH, 120, 0, 1, 1};
			paragraph(w, &hp, NULL, h);
		} else if (p) {
			struct para pp = {NULL, AL_BOTH, 120, num ? list : 0, !num, 0};
			struct fmt f = {rd_bool(b, "bold"), rd_bool(b, "italic"), 0, 0};
			paragraph(w, &pp, &f, p);
		} else {
			body_table(w, json_object_get(b, "table"));
		}
	}
}

static void signature(xmlTextWriterPtr w, const json_t *spec)
{
	int widths[2] = {TEXT_TWIPS / 2, TEXT_TWIPS - TEXT_TWIPS / 2};
	const json_t *sign = json_object_get(spec, "sign"), *v;
	struct para l = {NULL, AL_LEFT, 0, 0, 0, 0}, c = {NULL, AL_CENTER, 0, 0, 0, 0};
	struct fmt head = {1, 1, 0, 24}, line = {0, 0, 0, 22}, bold = {1, 0, 0, 28};
	size_t i;
	table_begin(w, widths, 2, 0);
	rd_el(w, "w:tr");
	rd_el(w, "w:trPr");
	rd_empty(w, "w:cantSplit", NULL, NULL);
	rd_end(w);
	cell_begin(w, widths[0]);
	paragraph(w, &l, &head, "Nơi nhận:");
	json_array_foreach(rd_arr(spec, "recipients"), i, v)
		paragraph(w, &l, &line, json_string_value(v));
	rd_end(w);
	cell_begin(w, widths[1]);
	if (*rd_str(sign, "authority"))
		paragraph(w, &c, &bold, rd_str(sign, "authority"));
	if (*rd_str(sign, "title"))
		paragraph(w, &c, &bold, rd_str(sign, "title"));
	for (int k = 0; k < 4; k++)
		paragraph(w, &c, NULL, "");
	paragraph(w, &c, &bold, rd_str(sign, "name"));
	rd_end(w);
	rd_end(w);
	rd_end(w);
}

static int document_xml(const json_t *spec, struct sbuf *out, struct err *e)
{
	xmlBufferPtr buf;
	xmlTextWriterPtr w = rd_xml_begin(&buf);
	if (!w)
		return err_set(e, ERR_IO, "không đủ bộ nhớ");
	rd_el(w, "w:document");
	rd_at(w, "xmlns:w", W_NS);
	rd_at(w, "xmlns:r", R_NS);
	rd_el(w, "w:body");
	struct para c = {NULL, AL_CENTER, 0, 0, 0, 0}, r = {NULL, AL_RIGHT, 120, 0, 0, 0};
	struct fmt bold = {1, 0, 0, 28}, draft = {1, 0, 0, 26}, kind = {1, 0, 0, 30};
	if (rd_bool(spec, "draft"))
		paragraph(w, &r, &draft, "DỰ THẢO");
	header_table(w, spec);
	struct para gap = {NULL, AL_CENTER, 240, 0, 0, 0};
	paragraph(w, &gap, NULL, "");
	if (*rd_str(spec, "kind"))
		paragraph(w, &c, &kind, rd_str(spec, "kind"));
	paragraph(w, &c, &bold, rd_str(spec, "subject"));
	paragraph(w, &gap, NULL, "-----");
	const json_t *v;
	size_t i;
	json_array_foreach(rd_arr(spec, "to"), i, v) {
		struct para to = {NULL, AL_CENTER, 120, 0, 0, 0};
		paragraph(w, &to, NULL, json_string_value(v));
	}
	body(w, spec);
	signature(w, spec);
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
	return rd_xml_end(w, buf, out, e);
}

static int header_xml(struct sbuf *out, struct err *e)
{
	xmlBufferPtr buf;
	xmlTextWriterPtr w = rd_xml_begin(&buf);
	if (!w)
		return err_set(e, ERR_IO, "không đủ bộ nhớ");
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
	return rd_xml_end(w, buf, out, e);
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

static int styles_xml(struct sbuf *out, struct err *e)
{
	xmlBufferPtr buf;
	xmlTextWriterPtr w = rd_xml_begin(&buf);
	if (!w)
		return err_set(e, ERR_IO, "không đủ bộ nhớ");
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
	return rd_xml_end(w, buf, out, e);
}

/* Lists 1..n: "1.", "2.", ... indented as a paragraph of the body, each
 * restarting at 1. */
static int numbering_xml(int n, struct sbuf *out, struct err *e)
{
	xmlBufferPtr buf;
	xmlTextWriterPtr w = rd_xml_begin(&buf);
	if (!w)
		return err_set(e, ERR_IO, "không đủ bộ nhớ");
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
	return rd_xml_end(w, buf, out, e);
}

struct rel {
	const char *id, *type, *target;
};

static int rels_xml(const struct rel *r, size_t n, struct sbuf *out, struct err *e)
{
	xmlBufferPtr buf;
	xmlTextWriterPtr w = rd_xml_begin(&buf);
	if (!w)
		return err_set(e, ERR_IO, "không đủ bộ nhớ");
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
	return rd_xml_end(w, buf, out, e);
}

static int content_types_xml(struct sbuf *out, struct err *e)
{
	static const char *const over[][2] = {
		{"/word/document.xml",
		 "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"},
		{"/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"},
		{"/word/numbering.xml",
		 "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"},
		{"/word/header1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"},
	};
	xmlBufferPtr buf;
	xmlTextWriterPtr w = rd_xml_begin(&buf);
	if (!w)
		return err_set(e, ERR_IO, "không đủ bộ nhớ");
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
	return rd_xml_end(w, buf, out, e);
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
	int rc = content_types_xml(&parts[0].data, e);
	if (!rc)
		rc = rels_xml(pkg, 1, &parts[1].data, e);
	if (!rc)
		rc = rels_xml(doc, 3, &parts[2].data, e);
	if (!rc)
		rc = document_xml(spec, &parts[3].data, e);
	if (!rc)
		rc = styles_xml(&parts[4].data, e);
	if (!rc)
		rc = numbering_xml(count_lists(spec), &parts[5].data, e);
	if (!rc)
		rc = header_xml(&parts[6].data, e);
	if (!rc)
		rc = rd_zip(parts, n, out, e);
	for (size_t i = 0; i < n; i++)
		sbuf_free(&parts[i].data);
	return rc;
}
