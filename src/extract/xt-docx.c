/* xt-docx.c — Word (.docx, WordprocessingML) into paragraphs: body
 * paragraphs and tables in order, and automatic numbering rendered from
 * numbering.xml as Word shows it (levels, restarts, start overrides,
 * numbering that comes from a paragraph style). */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "extract-internal.h"

#define LEVELS 9

struct lvl {
	int start;
	char fmt[24];   /* numFmt: decimal, bullet, lowerLetter, ... */
	char text[48];  /* lvlText: "%1.", "(%1)", "-" */
};

struct absnum {
	int id;
	struct lvl lvl[LEVELS];
};

struct num {
	int id, abs;
	int start[LEVELS]; /* startOverride, or -1 */
	int overrides;     /* any startOverride: the list counts on its own */
};

struct counter {
	int key;           /* abstractNum id, or -(num id) - 1 for a num that restarts */
	int n[LEVELS];
	int used[LEVELS];
};

struct style {
	char id[64];
	char based[64];
	int num, ilvl;     /* numbering the style gives, num -1 if none */
};

struct docx {
	const char *path;
	struct absnum *abs;
	size_t nabs;
	struct num *nums;
	size_t nnums;
	struct counter *ctr;
	size_t nctr;
	struct style *styles;
	size_t nstyles;
	int italic;        /* inside an italic stretch of the current paragraph */
};

static int is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static const xmlNode *child(const xmlNode *n, const char *name)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (is(c, name))
			return c;
	return NULL;
}

/* w:val (or another attribute) into buf; "" when absent. */
static const char *attr(const xmlNode *n, const char *name, char *buf, size_t len)
{
	buf[0] = '\0';
	if (!n)
		return buf;
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	if (v) {
		str_copy(buf, (const char *)v, len);
		xmlFree(v);
	}
	return buf;
}

static int attr_int(const xmlNode *n, const char *name, int dflt)
{
	char b[32];
	if (!n || !*attr(n, name, b, sizeof b))
		return dflt;
	char *end;
	long v = strtol(b, &end, 10);
	return *end || v < -1000000 || v > 1000000 ? dflt : (int)v;
}

/* ---- numbering.xml and styles.xml -------------------------------------- */

static void read_numbering(struct docx *d, const xmlNode *root)
{
	for (const xmlNode *c = root ? root->children : NULL; c; c = c->next) {
		if (is(c, "abstractNum")) {
			d->abs = xrealloc(d->abs, (d->nabs + 1) * sizeof *d->abs);
			struct absnum *a = &d->abs[d->nabs++];
			memset(a, 0, sizeof *a);
			a->id = attr_int(c, "abstractNumId", -1);
			for (int i = 0; i < LEVELS; i++) {
				a->lvl[i].start = 1;
				strcpy(a->lvl[i].fmt, "decimal");
			}
			for (const xmlNode *l = c->children; l; l = l->next) {
				int il = is(l, "lvl") ? attr_int(l, "ilvl", -1) : -1;
				if (il < 0 || il >= LEVELS)
					continue;
				struct lvl *v = &a->lvl[il];
				v->start = attr_int(child(l, "start"), "val", 1);
				attr(child(l, "numFmt"), "val", v->fmt, sizeof v->fmt);
				if (!v->fmt[0])
					strcpy(v->fmt, "decimal");
				attr(child(l, "lvlText"), "val", v->text, sizeof v->text);
			}
		} else if (is(c, "num")) {
			d->nums = xrealloc(d->nums, (d->nnums + 1) * sizeof *d->nums);
			struct num *m = &d->nums[d->nnums++];
			memset(m, 0, sizeof *m);
			m->id = attr_int(c, "numId", -1);
			m->abs = attr_int(child(c, "abstractNumId"), "val", -1);
			for (int i = 0; i < LEVELS; i++)
				m->start[i] = -1;
			for (const xmlNode *o = c->children; o; o = o->next) {
				int il = is(o, "lvlOverride") ? attr_int(o, "ilvl", -1) : -1;
				const xmlNode *so = il >= 0 && il < LEVELS ? child(o, "startOverride") : NULL;
				if (so) {
					m->start[il] = attr_int(so, "val", 1);
					m->overrides = 1;
				}
			}
		}
	}
}

static void read_styles(struct docx *d, const xmlNode *root)
{
	for (const xmlNode *c = root ? root->children : NULL; c; c = c->next) {
		if (!is(c, "style"))
			continue;
		d->styles = xrealloc(d->styles, (d->nstyles + 1) * sizeof *d->styles);
		struct style *s = &d->styles[d->nstyles++];
		memset(s, 0, sizeof *s);
		attr(c, "styleId", s->id, sizeof s->id);
		attr(child(c, "basedOn"), "val", s->based, sizeof s->based);
		const xmlNode *np = child(child(c, "pPr"), "numPr");
		s->num = np ? attr_int(child(np, "numId"), "val", -1) : -1;
		s->ilvl = np ? attr_int(child(np, "ilvl"), "val", 0) : 0;
	}
}

static const struct style *find_style(const struct docx *d, const char *id)
{
	for (size_t i = 0; i < d->nstyles; i++)
		if (!strcmp(d->styles[i].id, id))
			return &d->styles[i];
	return NULL;
}

static const struct num *find_num(const struct docx *d, int id)
{
	for (size_t i = 0; i < d->nnums; i++)
		if (d->nums[i].id == id)
			return &d->nums[i];
	return NULL;
}

static const struct absnum *find_abs(const struct docx *d, int id)
{
	for (size_t i = 0; i < d->nabs; i++)
		if (d->abs[i].id == id)
			return &d->abs[i];
	return NULL;
}

/* The numbering of a paragraph: its own numPr, else its style's (through
 * basedOn, a bounded walk).  numId 0 means "no numbering". */
static void para_numbering(const struct docx *d, const xmlNode *ppr, int *num, int *ilvl)
{
	const xmlNode *np = child(ppr, "numPr");
	*num = -1;
	*ilvl = 0;
	if (np) {
		*num = attr_int(child(np, "numId"), "val", -1);
		*ilvl = attr_int(child(np, "ilvl"), "val", 0);
		if (*num >= 0)
			return;
	}
	char id[64];
	attr(child(ppr, "pStyle"), "val", id, sizeof id);
	for (int depth = 0; id[0] && depth < 16; depth++) {
		const struct style *s = find_style(d, id);
		if (!s)
			break;
		if (s->num >= 0) {
			*num = s->num;
			if (!np || !child(np, "ilvl"))
				*ilvl = s->ilvl;
			return;
		}
		str_copy(id, s->based, sizeof id);
	}
}

static struct counter *counter_for(struct docx *d, int key, const struct num *m,
                                   const struct absnum *a)
{
	for (size_t i = 0; i < d->nctr; i++)
		if (d->ctr[i].key == key)
			return &d->ctr[i];
	d->ctr = xrealloc(d->ctr, (d->nctr + 1) * sizeof *d->ctr);
	struct counter *c = &d->ctr[d->nctr++];
	memset(c, 0, sizeof *c);
	c->key = key;
	for (int i = 0; i < LEVELS; i++)
		c->n[i] = (m->start[i] >= 0 ? m->start[i] : a->lvl[i].start) - 1;
	return c;
}

/* Advance the list and write the paragraph's number ("1.", "(3)", "-")
 * followed by a space. */
static void render_number(struct docx *d, struct xt_out *o, int numid, int ilvl)
{
	const struct num *m = find_num(d, numid);
	const struct absnum *a = m ? find_abs(d, m->abs) : NULL;
	if (!a || ilvl < 0 || ilvl >= LEVELS)
		return;
	/* Lists that share an abstract definition continue one another's
	 * numbering, unless a list restarts it with a start override. */
	struct counter *c = counter_for(d, m->overrides ? -m->id - 1 : a->id, m, a);
	c->n[ilvl]++;
	c->used[ilvl] = 1;
	for (int i = ilvl + 1; i < LEVELS; i++) {
		c->n[i] = (m->start[i] >= 0 ? m->start[i] : a->lvl[i].start) - 1;
		c->used[i] = 0;
	}
	const struct lvl *v = &a->lvl[ilvl];
	if (!strcmp(v->fmt, "none"))
		return;
	struct sbuf b = {0};
	if (!strcmp(v->fmt, "bullet")) {
		/* Symbol-font bullets live in the private use area: show "•". */
		unsigned char c0 = (unsigned char)v->text[0];
		if (!v->text[0] || c0 == 0xef || c0 == 'o' || c0 == 0xc2)
			sbuf_puts(&b, "•");
		else
			sbuf_puts(&b, v->text);
	} else {
		for (const char *p = v->text; *p; p++) {
			if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
				int l = p[1] - '1';
				int n = c->n[l] < (a->lvl[l].start) ? a->lvl[l].start : c->n[l];
				xt_format_number(&b, a->lvl[l].fmt, n);
				p++;
			} else {
				sbuf_putc(&b, *p);
			}
		}
	}
	if (b.len) {
		xt_add(o, b.s, b.len);
		xt_puts(o, " ");
	}
	sbuf_free(&b);
}

/* ---- runs and paragraphs ------------------------------------------------ */

static int on(const xmlNode *flag)
{
	char v[16];
	if (!flag)
		return 0;
	attr(flag, "val", v, sizeof v);
	return !v[0] || !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0);
}

static void set_italic(struct docx *d, struct xt_out *o, int want)
{
	if (want != d->italic) {
		xt_puts(o, "*");
		d->italic = want;
	}
}

static void text_of(struct docx *d, struct xt_out *o, const xmlNode *n, int italic)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, "r")) {
			text_of(d, o, c, on(child(child(c, "rPr"), "i")));
		} else if (is(c, "t")) {
			xmlChar *s = xmlNodeGetContent(c);
			if (s && *s) {
				/* Spaces stay outside the emphasis marks. */
				const char *p = (const char *)s;
				size_t len = strlen(p), lead = 0;
				while (lead < len && p[lead] == ' ')
					lead++;
				size_t end = len;
				while (end > lead && p[end - 1] == ' ')
					end--;
				if (lead == len) {
					xt_add(o, p, len);
				} else {
					xt_add(o, p, lead);
					set_italic(d, o, italic);
					xt_add(o, p + lead, end - lead);
					if (end < len) {
						set_italic(d, o, 0);
						xt_add(o, p + end, len - end);
					}
				}
			}
			xmlFree(s);
		} else if (is(c, "tab") || is(c, "ptab")) {
			xt_puts(o, " ");
		} else if (is(c, "br") || is(c, "cr")) {
			char type[16];
			attr(c, "type", type, sizeof type);
			if (strcmp(type, "page") && strcmp(type, "column")) {
				set_italic(d, o, 0);
				xt_newline(o);
			}
		} else if (is(c, "noBreakHyphen")) {
			xt_puts(o, "-");
		} else if (is(c, "hyperlink") || is(c, "ins") || is(c, "smartTag") ||
		           is(c, "fldSimple") || is(c, "customXml") || is(c, "sdt") ||
		           is(c, "sdtContent") || is(c, "moveTo")) {
			text_of(d, o, c, italic);
		}
		/* w:pPr, w:rPr, w:del, w:moveFrom, w:instrText, footnote
		 * references, drawings: not part of the text. */
	}
}

static void paragraph(struct docx *d, struct xt_out *o, const xmlNode *p)
{
	int num, ilvl;
	para_numbering(d, child(p, "pPr"), &num, &ilvl);
	if (num > 0)
		render_number(d, o, num, ilvl);
	d->italic = 0;
	text_of(d, o, p, 0);
	set_italic(d, o, 0);
	xt_end_para(o);
}

/* Body, table cells, content controls: paragraphs and tables in order. */
static void block(struct docx *d, struct xt_out *o, const xmlNode *n, int depth)
{
	if (depth > 32)
		return; /* tables nested deeper than any real plan */
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (is(c, "p"))
			paragraph(d, o, c);
		else if (is(c, "tbl") || is(c, "tr") || is(c, "tc") || is(c, "sdt") ||
		         is(c, "sdtContent") || is(c, "customXml") || is(c, "ins"))
			block(d, o, c, depth + 1);
	}
}

int xt_docx_parts(const char *path, xmlDoc *doc, xmlDoc *num, xmlDoc *sty, struct xt_out *o,
                  struct err *e)
{
	struct docx d = {0};
	int rc = 0;
	d.path = path;
	if (num)
		read_numbering(&d, xmlDocGetRootElement(num));
	if (sty)
		read_styles(&d, xmlDocGetRootElement(sty));
	const xmlNode *body = child(xmlDocGetRootElement(doc), "body");
	if (!body)
		rc = err_at(e, ERR_INPUT, path, 0, "tệp Word không có phần thân văn bản (w:body)");
	else
		block(&d, o, body, 0);
	free(d.abs);
	free(d.nums);
	free(d.ctr);
	free(d.styles);
	return rc;
}

int xt_docx(const char *path, struct xt_out *o, struct err *e)
{
	struct zip *z = NULL;
	xmlDoc *doc = NULL, *num = NULL, *sty = NULL;
	int rc = xt_zip_open(path, &z, e);
	if (rc)
		return rc;
	if ((rc = xt_zip_xml(z, path, "word/document.xml", &doc, e))) {
		if (rc == ERR_NOTFOUND)
			rc = err_at(e, ERR_INPUT, path, 0, "gói zip không có word/document.xml: không "
			            "phải tệp Word (.docx)");
		goto out;
	}
	if ((rc = xt_zip_xml(z, path, "word/numbering.xml", &num, e)) && rc != ERR_NOTFOUND)
		goto out;
	if ((rc = xt_zip_xml(z, path, "word/styles.xml", &sty, e)) && rc != ERR_NOTFOUND)
		goto out;
	rc = xt_docx_parts(path, doc, num, sty, o, e);
out:
	xmlFreeDoc(doc);
	xmlFreeDoc(num);
	xmlFreeDoc(sty);
	xt_zip_close(z);
	return rc;
}
