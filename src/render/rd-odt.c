/* rd-odt.c — the document as OpenDocument text (ODF 1.2): content.xml with
 * the header table, the body and the signature; styles.xml with Times New
 * Roman 14, the headings, A4 pages whose header carries the page number,
 * and a first page without it. */
#include <string.h>

#include "render-internal.h"

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_SVG "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define MIME_ODT "application/vnd.oasis.opendocument.text"

/* Width of the text: A4 (21 cm) less margins of 3 cm and 2 cm. */
#define TEXT_MM 160

static void namespaces(xmlTextWriterPtr w)
{
	rd_at(w, "xmlns:office", NS_OFFICE);
	rd_at(w, "xmlns:style", NS_STYLE);
	rd_at(w, "xmlns:text", NS_TEXT);
	rd_at(w, "xmlns:table", NS_TABLE);
	rd_at(w, "xmlns:fo", NS_FO);
	rd_at(w, "xmlns:svg", NS_SVG);
	rd_at(w, "office:version", "1.2");
}

/* A paragraph style: name, alignment, size in pt (0: default), bold,
 * italic, underline, space below (cm, "0" for none), first-line indent. */
struct pstyle {
	const char *name, *align;
	int size, bold, italic, underline;
	const char *below, *indent;
	const char *master; /* the master page a paragraph of this style starts */
};

static const struct pstyle pstyles[] = {
	/* a draft opens with "DỰ THẢO": that paragraph starts the first page */
	{"PDraftFirst", "end", 13, 1, 0, 0, "0.2cm", NULL, "First_20_Page"},
	{"PSup", "center", 13, 0, 0, 0, "0", NULL, NULL},
	{"PIss", "center", 13, 1, 0, 0, "0", NULL, NULL},
	{"PNat", "center", 15, 1, 0, 1, "0", NULL, NULL},
	{"PDate", "center", 14, 0, 1, 0, "0", NULL, NULL},
	{"PKind", "center", 15, 1, 0, 0, "0", NULL, NULL},
	{"PSubj", "center", 14, 1, 0, 0, "0", NULL, NULL},
	{"PRule", "center", 14, 0, 0, 0, "0.4cm", NULL, NULL},
	{"PTo", "center", 14, 0, 0, 0, "0.2cm", NULL, NULL},
	{"PBody", "justify", 14, 0, 0, 0, "0.2cm", "1cm", NULL},
	{"PBodyB", "justify", 14, 1, 0, 0, "0.2cm", "1cm", NULL},
	{"PBodyI", "justify", 14, 0, 1, 0, "0.2cm", "1cm", NULL},
	{"PNum", "justify", 14, 0, 0, 0, "0.2cm", NULL, NULL},
	{"PTh", "center", 12, 1, 0, 0, "0", NULL, NULL},
	{"PTc", "center", 12, 0, 0, 0, "0", NULL, NULL},
	{"PTl", "start", 12, 0, 0, 0, "0", NULL, NULL},
	{"PRecvH", "start", 12, 1, 1, 0, "0", NULL, NULL},
	{"PRecv", "start", 11, 0, 0, 0, "0", NULL, NULL},
	{"PSign", "center", 14, 1, 0, 0, "0", NULL, NULL},
	{"PGap", "start", 14, 0, 0, 0, "0.2cm", NULL, NULL},
};

static void para_style(xmlTextWriterPtr w, const struct pstyle *p)
{
	char sz[16];
	rd_el(w, "style:style");
	rd_at(w, "style:name", p->name);
	rd_at(w, "style:family", "paragraph");
	rd_at(w, "style:parent-style-name", "Standard");
	if (p->master)
		rd_at(w, "style:master-page-name", p->master);
	rd_el(w, "style:paragraph-properties");
	rd_at(w, "fo:text-align", p->align);
	rd_at(w, "fo:margin-top", "0cm");
	rd_at(w, "fo:margin-bottom", p->below);
	if (p->indent)
		rd_at(w, "fo:text-indent", p->indent);
	rd_end(w);
	rd_el(w, "style:text-properties");
	snprintf(sz, sizeof sz, "%dpt", p->size);
	rd_at(w, "fo:font-size", sz);
	if (p->bold)
		rd_at(w, "fo:font-weight", "bold");
	if (p->italic)
		rd_at(w, "fo:font-style", "italic");
	if (p->underline) {
		rd_at(w, "style:text-underline-style", "solid");
		rd_at(w, "style:text-underline-width", "auto");
		rd_at(w, "style:text-underline-color", "font-color");
	}
	rd_end(w);
	rd_end(w);
}

/* A table style: width, and the master page its first page takes. */
static void table_style(xmlTextWriterPtr w, const char *name, const char *master)
{
	char width[16];
	snprintf(width, sizeof width, "%dmm", TEXT_MM);
	rd_el(w, "style:style");
	rd_at(w, "style:name", name);
	rd_at(w, "style:family", "table");
	if (master)
		rd_at(w, "style:master-page-name", master);
	rd_el(w, "style:table-properties");
	rd_at(w, "style:width", width);
	rd_at(w, "table:align", "margins");
	rd_end(w);
	rd_end(w);
}

static void cell_style(xmlTextWriterPtr w, const char *name, int border)
{
	rd_el(w, "style:style");
	rd_at(w, "style:name", name);
	rd_at(w, "style:family", "table-cell");
	rd_el(w, "style:table-cell-properties");
	rd_at(w, "fo:border", border ? "0.5pt solid #000000" : "none");
	rd_at(w, "fo:padding", "0.1cm");
	rd_end(w);
	rd_end(w);
}

static void column_style(xmlTextWriterPtr w, const char *name, int mm)
{
	char width[16];
	snprintf(width, sizeof width, "%dmm", mm);
	rd_el(w, "style:style");
	rd_at(w, "style:name", name);
	rd_at(w, "style:family", "table-column");
	rd_empty(w, "style:table-column-properties", "style:column-width", width);
	rd_end(w);
}

/* Text of one line: ODF collapses runs of spaces, so the second and later
 * of each run are written as <text:s text:c="n"/>. */
static void line_text(xmlTextWriterPtr w, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && !(s[j] == ' ' && j + 1 < n && s[j + 1] == ' '))
			j++;
		if (j < n)
			j++; /* keep the first space of the run */
		char *part = xstrndup(s + i, j - i);
		rd_text(w, part);
		free(part);
		size_t k = j;
		while (k < n && s[k] == ' ')
			k++;
		if (k > j) {
			char c[24];
			snprintf(c, sizeof c, "%zu", k - j);
			rd_empty(w, "text:s", "text:c", c);
		}
		i = k;
	}
}

static void para(xmlTextWriterPtr w, const char *style, const char *s)
{
	rd_el(w, "text:p");
	rd_at(w, "text:style-name", style);
	for (const char *p = s; p && *p;) {
		const char *nl = strchr(p, '\n');
		line_text(w, p, nl ? (size_t)(nl - p) : strlen(p));
		if (!nl)
			break;
		rd_empty(w, "text:line-break", NULL, NULL);
		p = nl + 1;
	}
	rd_end(w);
}

/* The style of each role's paragraphs (pstyles[], or PSup). */
static const char *const role_style[RD_NROLES] = {
	[RD_DRAFT] = "PDraftFirst", [RD_SUPERIOR] = "PSup", [RD_ISSUER] = "PIss",
	[RD_STAR] = "PSup", [RD_NUMBER] = "PSup", [RD_NATIONAL] = "PNat", [RD_BLANK] = "PSup",
	[RD_PLACE_DATE] = "PDate", [RD_AFTER_HEADER] = "PGap", [RD_KIND] = "PKind",
	[RD_SUBJECT] = "PSubj", [RD_RULE] = "PRule", [RD_TO] = "PTo", [RD_CELL_HEAD] = "PTh",
	[RD_CELL_FIGURE] = "PTc", [RD_CELL_TEXT] = "PTl", [RD_AFTER_TABLE] = "PGap",
	[RD_RECIPIENTS_HEAD] = "PRecvH", [RD_RECIPIENT] = "PRecv", [RD_SIGNER] = "PSign",
};

/* The writer's state through the layout: the kind of table being
 * written (its cells' style). */
struct odt {
	xmlTextWriterPtr w;
	enum rd_table table;
};

static void od_para(void *ctx, enum rd_role role, const char *text)
{
	struct odt *o = ctx;
	para(o->w, role_style[role], text);
}

static void od_heading(void *ctx, int level, const char *text)
{
	struct odt *o = ctx;
	rd_el(o->w, "text:h");
	rd_at(o->w, "text:style-name", level == 2 ? "Heading_20_2" : "Heading_20_1");
	rd_at(o->w, "text:outline-level", level == 2 ? "2" : "1");
	rd_text(o->w, text);
	rd_end(o->w);
}

static void od_text(void *ctx, const char *text, int bold, int italic, int list)
{
	struct odt *o = ctx;
	if (list) {
		rd_el(o->w, "text:list-item");
		para(o->w, "PNum", text);
		rd_end(o->w);
	} else {
		para(o->w, bold ? "PBodyB" : italic ? "PBodyI" : "PBody", text);
	}
}

static void od_list_begin(void *ctx, int list)
{
	struct odt *o = ctx;
	(void)list;
	rd_el(o->w, "text:list");
	rd_at(o->w, "text:style-name", "LNum");
}

/* The end of a list, a table or a cell. */
static void od_end(void *ctx)
{
	struct odt *o = ctx;
	rd_end(o->w);
}

/* Every table gets its own column styles: "<name>.<i>" (auto_styles()). */
static void od_table_begin(void *ctx, enum rd_table kind, const json_t *table, size_t index)
{
	struct odt *o = ctx;
	char name[32];
	if (kind == RD_BODY_TABLE)
		snprintf(name, sizeof name, "Table%zu", index);
	else
		str_copy(name, kind == RD_HEADER_TABLE ? "Header" : "Signature", sizeof name);
	o->table = kind;
	rd_el(o->w, "table:table");
	rd_at(o->w, "table:name", name);
	rd_at(o->w, "table:style-name", kind == RD_HEADER_TABLE ? "THeader"
	                                : kind == RD_SIGN_TABLE ? "TSign" : "TBody");
	for (size_t i = 0; i < rd_table_columns(kind, table); i++) {
		char col[64];
		snprintf(col, sizeof col, "%s.%zu", name, i);
		rd_empty(o->w, "table:table-column", "table:style-name", col);
	}
}

/* A body table's header row is in table-header-rows: repeated on every
 * page the table runs onto. */
static void od_row_begin(void *ctx, enum rd_row kind)
{
	struct odt *o = ctx;
	if (kind == RD_ROW_HEAD)
		rd_el(o->w, "table:table-header-rows");
	rd_el(o->w, "table:table-row");
}

static void od_row_end(void *ctx, enum rd_row kind)
{
	struct odt *o = ctx;
	rd_end(o->w);
	if (kind == RD_ROW_HEAD)
		rd_end(o->w);
}

/* The cells of the header and the signature have no border, those of the
 * body's tables a line. */
static void od_cell_begin(void *ctx, size_t col)
{
	struct odt *o = ctx;
	(void)col;
	rd_el(o->w, "table:table-cell");
	rd_at(o->w, "table:style-name", o->table == RD_BODY_TABLE ? "CLine" : "CNone");
	rd_at(o->w, "office:value-type", "string");
}

static const struct rd_look odt_look = {
	od_para, od_heading, od_text, od_list_begin, od_end, od_table_begin, od_end,
	od_row_begin, od_row_end, od_cell_begin, od_end,
};

/* The styles of a table's columns, "<name>.<i>" (od_table_begin()). */
static void column_styles(xmlTextWriterPtr w, enum rd_table kind, const json_t *table,
                          const char *name)
{
	for (size_t i = 0; i < rd_table_columns(kind, table); i++) {
		char col[64];
		snprintf(col, sizeof col, "%s.%zu", name, i);
		column_style(w, col, rd_column_width(kind, table, i, TEXT_MM));
	}
}

static void auto_styles(xmlTextWriterPtr w, const json_t *spec)
{
	rd_el(w, "office:automatic-styles");
	for (size_t i = 0; i < sizeof pstyles / sizeof pstyles[0]; i++)
		para_style(w, &pstyles[i]);
	/* the document's first table starts it: on the page without a number */
	table_style(w, "THeader", rd_bool(spec, "draft") ? NULL : "First_20_Page");
	table_style(w, "TBody", NULL);
	table_style(w, "TSign", NULL);
	cell_style(w, "CNone", 0);
	cell_style(w, "CLine", 1);
	column_styles(w, RD_HEADER_TABLE, NULL, "Header");
	column_styles(w, RD_SIGN_TABLE, NULL, "Signature");
	const json_t *b, *t;
	size_t i, k = 0;
	json_array_foreach(rd_arr(spec, "body"), i, b) {
		if (!(t = rd_body_table(b)))
			continue;
		char name[32];
		snprintf(name, sizeof name, "Table%zu", ++k);
		column_styles(w, RD_BODY_TABLE, t, name);
	}
	rd_end(w);
}

static void content_xml(xmlTextWriterPtr w, const void *arg)
{
	const json_t *spec = arg;
	rd_el(w, "office:document-content");
	namespaces(w);
	auto_styles(w, spec);
	rd_el(w, "office:body");
	rd_el(w, "office:text");
	struct odt o = {w, RD_HEADER_TABLE};
	rd_layout(spec, &odt_look, &o);
	rd_end(w);
	rd_end(w);
	rd_end(w);
}

static void heading_style(xmlTextWriterPtr w, const char *name, const char *display, int level)
{
	char lv[4];
	snprintf(lv, sizeof lv, "%d", level);
	rd_el(w, "style:style");
	rd_at(w, "style:name", name);
	rd_at(w, "style:display-name", display);
	rd_at(w, "style:family", "paragraph");
	rd_at(w, "style:parent-style-name", "Standard");
	rd_at(w, "style:next-style-name", "Standard");
	rd_at(w, "style:default-outline-level", lv);
	rd_at(w, "style:class", "text");
	rd_el(w, "style:paragraph-properties");
	rd_at(w, "fo:text-align", "justify");
	rd_at(w, "fo:margin-top", "0.2cm");
	rd_at(w, "fo:margin-bottom", "0.2cm");
	rd_at(w, "fo:keep-with-next", "always");
	rd_end(w);
	rd_el(w, "style:text-properties");
	rd_at(w, "fo:font-size", "14pt");
	rd_at(w, "fo:font-weight", "bold");
	if (level == 2)
		rd_at(w, "fo:font-style", "italic");
	rd_end(w);
	rd_end(w);
}

static void master_page(xmlTextWriterPtr w, const char *name, const char *display, const char *next,
                        int numbered)
{
	rd_el(w, "style:master-page");
	rd_at(w, "style:name", name);
	rd_at(w, "style:display-name", display);
	rd_at(w, "style:page-layout-name", "PageA4");
	if (next)
		rd_at(w, "style:next-style-name", next);
	if (numbered) {
		rd_el(w, "style:header");
		rd_el(w, "text:p");
		rd_at(w, "text:style-name", "PageNumber");
		rd_el(w, "text:page-number");
		rd_at(w, "text:select-page", "current");
		rd_text(w, "2");
		rd_end(w);
		rd_end(w);
		rd_end(w);
	}
	rd_end(w);
}

static void styles_xml(xmlTextWriterPtr w, const void *arg)
{
	(void)arg;
	rd_el(w, "office:document-styles");
	namespaces(w);
	rd_el(w, "office:font-face-decls");
	rd_el(w, "style:font-face");
	rd_at(w, "style:name", "Times New Roman");
	rd_at(w, "svg:font-family", "'Times New Roman'");
	rd_at(w, "style:font-family-generic", "roman");
	rd_end(w);
	rd_end(w);
	rd_el(w, "office:styles");
	rd_el(w, "style:default-style");
	rd_at(w, "style:family", "paragraph");
	rd_el(w, "style:text-properties");
	rd_at(w, "style:font-name", "Times New Roman");
	rd_at(w, "fo:font-size", "14pt");
	rd_at(w, "fo:language", "vi");
	rd_at(w, "fo:country", "VN");
	rd_end(w);
	rd_end(w);
	rd_el(w, "style:style");
	rd_at(w, "style:name", "Standard");
	rd_at(w, "style:family", "paragraph");
	rd_at(w, "style:class", "text");
	rd_end(w);
	heading_style(w, "Heading_20_1", "Heading 1", 1);
	heading_style(w, "Heading_20_2", "Heading 2", 2);
	rd_el(w, "style:style");
	rd_at(w, "style:name", "PageNumber");
	rd_at(w, "style:family", "paragraph");
	rd_at(w, "style:parent-style-name", "Standard");
	rd_empty(w, "style:paragraph-properties", "fo:text-align", "center");
	rd_end(w);
	rd_el(w, "text:list-style");
	rd_at(w, "style:name", "LNum");
	rd_el(w, "text:list-level-style-number");
	rd_at(w, "text:level", "1");
	rd_at(w, "style:num-format", "1");
	rd_at(w, "style:num-suffix", ".");
	rd_el(w, "style:list-level-properties");
	rd_at(w, "text:list-level-position-and-space-mode", "label-alignment");
	rd_el(w, "style:list-level-label-alignment");
	rd_at(w, "text:label-followed-by", "space");
	rd_at(w, "fo:text-indent", "0cm");
	rd_at(w, "fo:margin-left", "1cm");
	rd_end(w);
	rd_end(w);
	rd_end(w);
	rd_end(w);
	rd_end(w);
	rd_el(w, "office:automatic-styles");
	rd_el(w, "style:page-layout");
	rd_at(w, "style:name", "PageA4");
	rd_el(w, "style:page-layout-properties");
	rd_at(w, "fo:page-width", "21cm");
	rd_at(w, "fo:page-height", "29.7cm");
	rd_at(w, "style:print-orientation", "portrait");
	rd_at(w, "fo:margin-top", "1cm");
	rd_at(w, "fo:margin-bottom", "2cm");
	rd_at(w, "fo:margin-left", "3cm");
	rd_at(w, "fo:margin-right", "2cm");
	rd_end(w);
	rd_el(w, "style:header-style");
	rd_el(w, "style:header-footer-properties");
	rd_at(w, "fo:min-height", "0.6cm");
	rd_at(w, "fo:margin-bottom", "0.4cm");
	rd_end(w);
	rd_end(w);
	rd_end(w);
	rd_end(w);
	rd_el(w, "office:master-styles");
	master_page(w, "Standard", "Default Page Style", NULL, 1);
	master_page(w, "First_20_Page", "First Page", "Standard", 0);
	rd_end(w);
	rd_end(w);
}

static void manifest_xml(xmlTextWriterPtr w, const void *arg)
{
	static const char *const files[][2] = {
		{"/", MIME_ODT}, {"content.xml", "text/xml"}, {"styles.xml", "text/xml"}};
	(void)arg;
	rd_el(w, "manifest:manifest");
	rd_at(w, "xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
	rd_at(w, "manifest:version", "1.2");
	for (size_t i = 0; i < 3; i++) {
		rd_el(w, "manifest:file-entry");
		rd_at(w, "manifest:full-path", files[i][0]);
		if (!i)
			rd_at(w, "manifest:version", "1.2");
		rd_at(w, "manifest:media-type", files[i][1]);
		rd_end(w);
	}
	rd_end(w);
}

int rd_odt(const json_t *spec, struct sbuf *out, struct err *e)
{
	/* "mimetype" first and stored, as ODF requires */
	struct rd_part parts[] = {{"mimetype", {0}, 1}, {"META-INF/manifest.xml", {0}, 0},
	                          {"styles.xml", {0}, 0}, {"content.xml", {0}, 0}};
	size_t n = sizeof parts / sizeof parts[0];
	sbuf_puts(&parts[0].data, MIME_ODT);
	int rc = rd_xml_part(manifest_xml, NULL, &parts[1].data, e);
	if (!rc)
		rc = rd_xml_part(styles_xml, NULL, &parts[2].data, e);
	if (!rc)
		rc = rd_xml_part(content_xml, spec, &parts[3].data, e);
	if (!rc)
		rc = rd_zip(parts, n, out, e);
	for (size_t i = 0; i < n; i++)
		sbuf_free(&parts[i].data);
	return rc;
}
