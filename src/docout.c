/* docout.c — the description of a document the office sends, and who it
 * is from (docout.h). */
#include "docout.h"

#include <string.h>

#include "config.h"
#include "hier.h"
#include "remind.h"
#include "report.h"
#include "text.h"
#include "util.h"

int docout_format_parse(const char *s)
{
	static const char *const keys[] = {"docx", "odt", "pdf"};
	for (int i = 0; i < 3; i++)
		if (s && !strcmp(s, keys[i]))
			return i;
	return -1;
}

const char *docout_format_key(enum docout_format f)
{
	return f == DF_ODT ? "odt" : f == DF_PDF ? "pdf" : "docx";
}

static int is_committee(enum unit_kind k)
{
	return k == UK_TINH_UY || k == UK_THANH_UY || k == UK_HUYEN_UY || k == UK_DANG_UY_KHOI ||
	       k == UK_DANG_UY_CO_SO;
}

/* Upper-case copy of s into buf. */
static void upper_into(char *buf, size_t len, const char *s)
{
	char *u = txt_upper(s);
	str_copy(buf, u, len);
	free(u);
}

/* Byte offset of the word after the first "ủy" in name (folded "uy"), and
 * of that word's start; 0 when name has no such word. */
static size_t after_uy(const char *name, size_t *uy_start)
{
	size_t i = 0, n = strlen(name);
	while (i < n) {
		size_t j = i;
		while (j < n && name[j] != ' ')
			j++;
		char *f = txt_fold(name + i, j - i, NULL);
		int hit = !strcmp(f, "uy");
		free(f);
		if (hit && i > 0) {
			*uy_start = i;
			while (j < n && name[j] == ' ')
				j++;
			return j;
		}
		i = j;
		while (i < n && name[i] == ' ')
			i++;
	}
	return 0;
}

/* "ĐẢNG BỘ TỈNH SƠN HÀ" and "TỈNH ỦY" from "Tỉnh ủy Sơn Hà"; "ĐẢNG BỘ
 * THÀNH PHỐ ..." from "Thành ủy ..."; "ĐẢNG BỘ XÃ AN PHÚ" and "ĐẢNG ỦY"
 * from "Đảng ủy xã An Phú". */
static void committee_lines(const char *name, char *superior, size_t slen, char *issuer,
                            size_t ilen)
{
	size_t uy = 0, rest = after_uy(name, &uy);
	if (!rest) {
		upper_into(issuer, ilen, name);
		superior[0] = '\0';
		return;
	}
	char *head = xstrndup(name, uy);                      /* "Tỉnh " */
	char *words = xstrndup(name, rest);                   /* "Tỉnh ủy " */
	char *fh = txt_fold(head, strlen(head), NULL);
	const char *level = !strcmp(fh, "dang") ? "" : !strcmp(fh, "thanh") ? "thành phố "
	                  : !strcmp(fh, "thi") ? "thị xã " : NULL;
	struct sbuf b = {0};
	sbuf_puts(&b, "Đảng bộ ");
	sbuf_puts(&b, level ? level : head);
	sbuf_puts(&b, name + rest);
	upper_into(superior, slen, b.s);
	char *t = txt_trim(words, strlen(words), NULL);
	upper_into(issuer, ilen, t);
	free(t);
	sbuf_free(&b);
	free(fh);
	free(words);
	free(head);
}

/* Initials of the words of an issuer in capitals: "VĂN PHÒNG TỈNH ỦY" ->
 * "VPTU"; Đ stays Đ ("ĐẢNG ỦY" -> "ĐU"). */
static void initials(const char *s, char *buf, size_t len)
{
	size_t o = 0, n = strlen(s);
	buf[0] = '\0';
	for (size_t i = 0; i < n;) {
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		if (!strncmp(s + i, "Đ", strlen("Đ"))) {
			if (o + 3 < len) {
				memcpy(buf + o, "Đ", strlen("Đ"));
				o += strlen("Đ");
			}
		} else {
			size_t cl = txt_next(s, n, i) - i;
			char *f = txt_fold(s + i, cl, NULL);
			if (f[0] >= 'a' && f[0] <= 'z' && o + 1 < len)
				buf[o++] = (char)(f[0] - 'a' + 'A');
			else if (f[0] >= '0' && f[0] <= '9' && o + 1 < len)
				buf[o++] = f[0];
			free(f);
		}
		buf[o] = '\0';
		while (i < n && s[i] != ' ')
			i++;
	}
}

static int folded_prefix(const char *name, const char *prefix)
{
	char *f = txt_fold(name, strlen(name), NULL);
	int r = txt_starts_with(f, prefix);
	free(f);
	return r;
}

/* The nearest committee at or above unit i, or (size_t)-1. */
static size_t committee_of(const struct hier *h, size_t i)
{
	while (i != (size_t)-1) {
		const struct unit *u = hier_at(h, i);
		if (is_committee((enum unit_kind)u->kind))
			return i;
		i = u->parent ? hier_find_id(h, u->parent) : (size_t)-1;
	}
	return (size_t)-1;
}

/* What units.ini says of the unit overrides what the hierarchy gives. */
static void configured(const struct config *cfg, const char *code, struct docout_sender *s)
{
	const struct cfg_unit *cu = cfg ? cfg_unit(cfg, code) : NULL;
	if (!cu)
		return;
	struct {
		enum cfg_doc_key k;
		char *dst;
		size_t len;
	} map[] = {{CFG_DOC_PLACE, s->place, sizeof s->place},
	           {CFG_DOC_SUPERIOR, s->superior, sizeof s->superior},
	           {CFG_DOC_ISSUER, s->issuer, sizeof s->issuer},
	           {CFG_DOC_SYMBOL, s->symbol, sizeof s->symbol},
	           {CFG_DOC_AUTHORITY, s->authority, sizeof s->authority},
	           {CFG_DOC_TITLE, s->title, sizeof s->title},
	           {CFG_DOC_SIGNER, s->signer, sizeof s->signer},
	           {CFG_DOC_RECIPIENTS, s->recipients, sizeof s->recipients}};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (cu->doc[map[i].k])
			str_copy(map[i].dst, cu->doc[map[i].k], map[i].len);
}

int docout_sender(const struct hier *h, const struct config *cfg, uint32_t unit,
                  struct docout_sender *s, struct err *e)
{
	memset(s, 0, sizeof *s);
	size_t i = hier_find_id(h, unit);
	if (i == (size_t)-1)
		return err_set(e, ERR_NOTFOUND, "không có đơn vị #%u", (unsigned)unit);
	const struct unit *u = hier_at(h, i);
	str_copy(s->name, u->name, sizeof s->name);
	remind_place(h, unit, s->place, sizeof s->place);
	enum unit_kind k = (enum unit_kind)u->kind;
	if (is_committee(k)) {
		committee_lines(u->name, s->superior, sizeof s->superior, s->issuer, sizeof s->issuer);
		str_copy(s->authority, k == UK_DANG_UY_CO_SO ? "T/M ĐẢNG ỦY" : "T/M BAN THƯỜNG VỤ",
		         sizeof s->authority);
		/* its Văn phòng files the copy, when units.ini lists one */
		size_t end = hier_subtree_end(h, i);
		for (size_t c = i + 1; c < end; c++) {
			const struct unit *cu = hier_at(h, c);
			if (cu->parent == u->id && !cu->historical && folded_prefix(cu->name, "van phong")) {
				str_copy(s->office, cu->name, sizeof s->office);
				break;
			}
		}
		if (!s->office[0])
			snprintf(s->office, sizeof s->office, "Văn phòng %s", u->name);
	} else if (k == UK_TRUNG_UONG) {
		upper_into(s->issuer, sizeof s->issuer, u->name);
		str_copy(s->authority, "T/M BAN CHẤP HÀNH TRUNG ƯƠNG", sizeof s->authority);
		snprintf(s->office, sizeof s->office, "Văn phòng Trung ương Đảng");
	} else {
		upper_into(s->issuer, sizeof s->issuer, u->name);
		size_t c = u->parent ? committee_of(h, hier_find_id(h, u->parent)) : (size_t)-1;
		char dummy[256];
		if (c != (size_t)-1)
			committee_lines(hier_at(h, c)->name, s->superior, sizeof s->superior, dummy,
			                sizeof dummy);
		if (k == UK_CHI_BO)
			str_copy(s->authority, "T/M CHI ỦY", sizeof s->authority);
		else if (folded_prefix(u->name, "van phong"))
			str_copy(s->title, "CHÁNH VĂN PHÒNG", sizeof s->title);
		else if (folded_prefix(u->name, "uy ban kiem tra"))
			str_copy(s->title, "CHỦ NHIỆM", sizeof s->title);
		else if (folded_prefix(u->name, "ban "))
			str_copy(s->title, "TRƯỞNG BAN", sizeof s->title);
		str_copy(s->office, u->name, sizeof s->office);
	}
	initials(s->issuer, s->symbol, sizeof s->symbol);
	configured(cfg, u->code, s);
	return 0;
}

json_t *docout_new(const struct docout_sender *s, const char *kind_code, const char *kind_title,
                   const char *subject, date_t day, int draft)
{
	char number[128], when[64], place_date[256];
	/* a draft leaves room for the number the register gives at issue */
	snprintf(number, sizeof number, "Số %s-%s/%s", draft ? "      " : "", kind_code, s->symbol);
	report_date_words(day, when, sizeof when);
	if (s->place[0])
		snprintf(place_date, sizeof place_date, "%s, %s", s->place, when);
	else
		snprintf(place_date, sizeof place_date, "%c%s", 'N', when + 1);
	char *subj = txt_sanitize(subject);
	json_t *j = json_pack("{s:b, s:s, s:s, s:s, s:s, s:s, s:s, s:[], s:[], s:[],"
	                      " s:{s:s, s:s, s:s}}",
	                      "draft", draft, "superior", s->superior, "issuer", s->issuer, "number",
	                      number, "place_date", place_date, "kind", kind_title ? kind_title : "",
	                      "subject", subj, "to", "body", "recipients", "sign", "authority",
	                      s->authority, "title", s->title, "name", s->signer);
	free(subj);
	return j;
}

void docout_set_number(json_t *spec, const char *number_text)
{
	char number[160];
	snprintf(number, sizeof number, "Số %s", number_text);
	json_object_set_new(spec, "number", json_string(number));
	json_object_set_new(spec, "draft", json_false());
}

static void add_block(json_t *spec, json_t *block)
{
	json_array_append_new(json_object_get(spec, "body"), block);
}

void docout_heading(json_t *spec, int level, const char *text)
{
	char *t = txt_sanitize(text);
	add_block(spec, json_pack("{s:s, s:i}", "h", t, "level", level == 2 ? 2 : 1));
	free(t);
}

static void para(json_t *spec, const char *text, int numbered, int bold, int italic)
{
	char *t = txt_sanitize_nl(text, 1);
	/* every line its own paragraph: a line break in justified text
	 * spreads the words of the line before it */
	for (char *p = t; *p;) {
		size_t n = strcspn(p, "\n");
		if (n) {
			char *line = xstrndup(p, n);
			add_block(spec, json_pack("{s:s, s:b, s:b, s:b}", "p", line, "num", numbered, "bold",
			                          bold, "italic", italic));
			free(line);
		}
		p += n + (p[n] == '\n');
	}
	free(t);
}

void docout_para(json_t *spec, const char *text, int numbered)
{
	para(spec, text, numbered, 0, 0);
}

void docout_para_bold(json_t *spec, const char *text)
{
	para(spec, text, 0, 1, 0);
}

void docout_para_italic(json_t *spec, const char *text)
{
	para(spec, text, 0, 0, 1);
}

json_t *docout_table(json_t *spec, const char *const *head, const int *widths, int n)
{
	json_t *h = json_array(), *w = json_array(), *rows = json_array();
	for (int i = 0; i < n; i++) {
		json_array_append_new(h, json_string(head[i]));
		json_array_append_new(w, json_integer(widths ? widths[i] : 0));
	}
	add_block(spec, json_pack("{s:{s:o, s:o, s:o}}", "table", "head", h, "widths", w, "rows", rows));
	return rows;
}

void docout_row(json_t *rows, const char *const *cells, int n)
{
	json_t *r = json_array();
	for (int i = 0; i < n; i++) {
		char *t = txt_sanitize(cells[i] ? cells[i] : "");
		json_array_append_new(r, json_string(t));
		free(t);
	}
	json_array_append_new(rows, r);
}

static void add_line(json_t *spec, const char *key, const char *line)
{
	char *t = txt_sanitize(line);
	json_array_append_new(json_object_get(spec, key), json_string(t));
	free(t);
}

void docout_to(json_t *spec, const char *line)
{
	add_line(spec, "to", line);
}

void docout_recipient(json_t *spec, const char *line)
{
	add_line(spec, "recipients", line);
}
