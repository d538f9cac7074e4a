/* xt-odt.c — OpenDocument text (.odt) into paragraphs: paragraphs,
 * headings, lists (numbered from their list styles) and tables in order. */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "extract-internal.h"

#define LEVELS 10

struct odt_level {
	int bullet;
	char bullet_char[8];
	char fmt[8];           /* style:num-format: "1", "a", "A", "i", "I", "" */
	char prefix[16], suffix[16];
	int display;           /* text:display-levels */
	int start;
};

struct liststyle {
	char name[64];
	struct odt_level lvl[LEVELS];
};

struct odt {
	struct liststyle *ls;
	size_t nls;
	char (*italic)[64];        /* names of automatic text styles that are italic */
	size_t nitalic;
	int cur_italic;
	/* The list being read: its style and counters, per level. */
	const struct liststyle *style;
	int n[LEVELS];
};

static int is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static const char *prop(const xmlNode *n, const char *name, char *buf, size_t len)
{
	buf[0] = '\0';
	xmlChar *v = n ? xmlGetProp(n, (const xmlChar *)name) : NULL;
	if (v) {
		str_copy(buf, (const char *)v, len);
		xmlFree(v);
	}
	return buf;
}

static int prop_int(const xmlNode *n, const char *name, int dflt)
{
	char b[32];
	if (!*prop(n, name, b, sizeof b))
		return dflt;
	char *end;
	long v = strtol(b, &end, 10);
	return *end || v < 0 || v > 100000 ? dflt : (int)v;
}

static void read_styles(struct odt *d, const xmlNode *n, int depth)
{
	if (depth > 8)
		return;
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next) {
		if (is(c, "list-style")) {
			d->ls = xrealloc(d->ls, (d->nls + 1) * sizeof *d->ls);
			struct liststyle *s = &d->ls[d->nls++];
			memset(s, 0, sizeof *s);
			prop(c, "name", s->name, sizeof s->name);
			for (const xmlNode *l = c->children; l; l = l->next) {
				int lv = prop_int(l, "level", 0) - 1;
				if (lv < 0 || lv >= LEVELS)
					continue;
				if (is(l, "list-level-style-bullet")) {
					s->lvl[lv].bullet = 1;
					prop(l, "bullet-char", s->lvl[lv].bullet_char, sizeof s->lvl[lv].bullet_char);
				} else if (is(l, "list-level-style-number")) {
					prop(l, "num-format", s->lvl[lv].fmt, sizeof s->lvl[lv].fmt);
					prop(l, "num-prefix", s->lvl[lv].prefix, sizeof s->lvl[lv].prefix);
					prop(l, "num-suffix", s->lvl[lv].suffix, sizeof s->lvl[lv].suffix);
					s->lvl[lv].display = prop_int(l, "display-levels", 1);
					s->lvl[lv].start = prop_int(l, "start-value", 1);
				}
			}
		} else if (is(c, "style")) {
			char fam[16], name[64], it[16];
			prop(c, "family", fam, sizeof fam);
			prop(c, "name", name, sizeof name);
			for (const xmlNode *p = c->children; p; p = p->next)
				if (is(p, "text-properties") && !strcmp(fam, "text") &&
				    !strcmp(prop(p, "font-style", it, sizeof it), "italic")) {
					d->italic = xrealloc(d->italic, (d->nitalic + 1) * sizeof *d->italic);
					str_copy(d->italic[d->nitalic++], name, sizeof d->italic[0]);
				}
		} else if (is(c, "automatic-styles") || is(c, "styles")) {
			read_styles(d, c, depth + 1);
		}
	}
}

static const struct liststyle *find_list(const struct odt *d, const char *name)
{
	for (size_t i = 0; i < d->nls; i++)
		if (!strcmp(d->ls[i].name, name))
			return &d->ls[i];
	return NULL;
}

static int italic_style(const struct odt *d, const xmlNode *span)
{
	char name[64];
	prop(span, "style-name", name, sizeof name);
	for (size_t i = 0; name[0] && i < d->nitalic; i++)
		if (!strcmp(d->italic[i], name))
			return 1;
	return 0;
}

static void set_italic(struct odt *d, struct xt_out *o, int want)
{
	if (want != d->cur_italic) {
		xt_puts(o, "*");
		d->cur_italic = want;
	}
}

static void inline_text(struct odt *d, struct xt_out *o, const xmlNode *n, int italic)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE) {
			const char *s = (const char *)c->content;
			size_t len = strlen(s), lead = 0, end = len;
			while (lead < len && s[lead] == ' ')
				lead++;
			while (end > lead && s[end - 1] == ' ')
				end--;
			xt_add(o, s, lead);
			if (end > lead) {
				set_italic(d, o, italic);
				xt_add(o, s + lead, end - lead);
			}
			if (end < len && lead < len) {
				set_italic(d, o, 0);
				xt_add(o, s + end, len - end);
			}
		} else if (is(c, "span")) {
			inline_text(d, o, c, italic || italic_style(d, c));
		} else if (is(c, "a") || is(c, "meta") || is(c, "ruby-base")) {
			inline_text(d, o, c, italic);
		} else if (is(c, "s")) {
			int k = prop_int(c, "c", 1);
			for (int i = 0; i < k && i < 64; i++)
				xt_puts(o, " ");
		} else if (is(c, "tab")) {
			xt_puts(o, " ");
		} else if (is(c, "line-break")) {
			set_italic(d, o, 0);
			xt_newline(o);
		}
		/* notes, annotations, bookmarks, frames: not part of the text */
	}
}

static void para(struct odt *d, struct xt_out *o, const xmlNode *p)
{
	d->cur_italic = 0;
	inline_text(d, o, p, 0);
	set_italic(d, o, 0);
	xt_end_para(o);
}

static void blocks(struct odt *d, struct xt_out *o, const xmlNode *n, int level, int depth);

/* One list item: its number or bullet before its first paragraph. */
static void list_item(struct odt *d, struct xt_out *o, const xmlNode *item, int level, int depth)
{
	int first = 1;
	if (level < LEVELS) {
		d->n[level]++;
		for (int i = level + 1; i < LEVELS; i++)
			d->n[i] = 0;
	}
	for (const xmlNode *c = item->children; c; c = c->next) {
		if ((is(c, "p") || is(c, "h")) && first && d->style && level < LEVELS) {
			const struct odt_level *v = &d->style->lvl[level];
			struct sbuf b = {0};
			if (v->bullet) {
				sbuf_puts(&b, v->bullet_char[0] && (unsigned char)v->bullet_char[0] < 0x80
				                  ? v->bullet_char : "•");
			} else if (v->fmt[0]) {
				sbuf_puts(&b, v->prefix);
				int from = level - (v->display > 0 ? v->display : 1) + 1;
				for (int l = from < 0 ? 0 : from; l <= level; l++) {
					const char *f = d->style->lvl[l].fmt[0] ? d->style->lvl[l].fmt : "1";
					int start = d->style->lvl[l].start ? d->style->lvl[l].start : 1;
					xt_format_number(&b, f, d->n[l] + start - 1);
					if (l < level)
						sbuf_putc(&b, '.');
				}
				sbuf_puts(&b, v->suffix);
			}
			if (b.len) {
				xt_add(o, b.s, b.len);
				xt_puts(o, " ");
			}
			sbuf_free(&b);
			first = 0;
			para(d, o, c);
		} else if (is(c, "p") || is(c, "h")) {
			para(d, o, c);
		} else if (is(c, "list")) {
			blocks(d, o, c, level + 1, depth + 1);
		}
	}
}

static void blocks(struct odt *d, struct xt_out *o, const xmlNode *n, int level, int depth)
{
	if (depth > 32)
		return;
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (is(c, "p") || is(c, "h")) {
			para(d, o, c);
		} else if (is(c, "list")) {
			char name[64], cont[8];
			const struct liststyle *saved = d->style;
			int saved_n[LEVELS];
			memcpy(saved_n, d->n, sizeof saved_n);
			if (*prop(c, "style-name", name, sizeof name))
				d->style = find_list(d, name);
			int continues = !strcmp(prop(c, "continue-numbering", cont, sizeof cont), "true") ||
			                *prop(c, "continue-list", name, sizeof name);
			if (level == 0 && !continues)
				memset(d->n, 0, sizeof d->n);
			for (const xmlNode *it = c->children; it; it = it->next)
				if (is(it, "list-item") || is(it, "list-header"))
					list_item(d, o, it, level, depth + 1);
			if (level > 0)
				memcpy(d->n, saved_n, sizeof saved_n);
			d->style = level > 0 ? saved : d->style;
		} else if (is(c, "table") || is(c, "table-row") || is(c, "table-cell") ||
		           is(c, "table-rows") || is(c, "table-header-rows") || is(c, "section") ||
		           is(c, "text")) {
			blocks(d, o, c, level, depth + 1);
		}
	}
}

int xt_odt_parts(const char *path, xmlDoc *content, xmlDoc *sty, struct xt_out *o, struct err *e)
{
	struct odt d = {0};
	int rc = 0;
	if (sty)
		read_styles(&d, xmlDocGetRootElement(sty), 0);
	const xmlNode *root = xmlDocGetRootElement(content);
	read_styles(&d, root, 0);
	const xmlNode *body = NULL;
	for (const xmlNode *c = root ? root->children : NULL; c; c = c->next)
		if (is(c, "body"))
			body = c;
	if (!body)
		rc = err_at(e, ERR_INPUT, path, 0, "tệp OpenDocument không có phần thân văn bản");
	else
		blocks(&d, o, body, 0, 0);
	free(d.ls);
	free(d.italic);
	return rc;
}

int xt_odt(const char *path, struct xt_out *o, struct err *e)
{
	struct zip *z = NULL;
	xmlDoc *doc = NULL, *sty = NULL;
	int rc = xt_zip_open(path, &z, e);
	if (rc)
		return rc;
	if ((rc = xt_zip_xml(z, path, "content.xml", &doc, e))) {
		if (rc == ERR_NOTFOUND)
			rc = err_at(e, ERR_INPUT, path, 0, "gói zip không có content.xml: không phải tệp "
			            "OpenDocument (.odt)");
		goto out;
	}
	if ((rc = xt_zip_xml(z, path, "styles.xml", &sty, e)) && rc != ERR_NOTFOUND)
		goto out;
	rc = xt_odt_parts(path, doc, sty, o, e);
out:
	xmlFreeDoc(doc);
	xmlFreeDoc(sty);
	xt_zip_close(z);
	return rc;
}
