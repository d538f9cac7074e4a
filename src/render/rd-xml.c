/* rd-xml.c — the XML writer helpers and the check of the JSON description
 * (render-internal.h). */
#include <string.h>

#include "render-internal.h"

static xmlTextWriterPtr xml_begin(xmlBufferPtr *buf)
{
	*buf = xmlBufferCreate();
	if (!*buf)
		return NULL;
	xmlTextWriterPtr w = xmlNewTextWriterMemory(*buf, 0);
	if (!w) {
		xmlBufferFree(*buf);
		return NULL;
	}
	xmlTextWriterStartDocument(w, "1.0", "UTF-8", "yes");
	return w;
}

static int xml_end(xmlTextWriterPtr w, xmlBufferPtr buf, struct sbuf *out, struct err *e)
{
	int rc = xmlTextWriterEndDocument(w) < 0;
	xmlFreeTextWriter(w); /* flushes into buf */
	if (!rc)
		sbuf_add(out, (const char *)xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
	xmlBufferFree(buf);
	return rc ? err_set(e, ERR_IO, "không tạo được nội dung XML của văn bản") : 0;
}

int rd_xml_part(void (*write)(xmlTextWriterPtr w, const void *arg), const void *arg,
                struct sbuf *out, struct err *e)
{
	xmlBufferPtr buf;
	xmlTextWriterPtr w = xml_begin(&buf);
	if (!w)
		return err_set(e, ERR_IO, "không đủ bộ nhớ");
	write(w, arg);
	return xml_end(w, buf, out, e);
}

void rd_el(xmlTextWriterPtr w, const char *name)
{
	xmlTextWriterStartElement(w, BAD_CAST name);
}

void rd_end(xmlTextWriterPtr w)
{
	xmlTextWriterEndElement(w);
}

void rd_at(xmlTextWriterPtr w, const char *name, const char *value)
{
	xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST value);
}

void rd_empty(xmlTextWriterPtr w, const char *name, const char *attr, const char *value)
{
	rd_el(w, name);
	if (attr)
		rd_at(w, attr, value);
	rd_end(w);
}

/* XML 1.0 has no place for C0 controls but tab and newline: drop them. */
void rd_text(xmlTextWriterPtr w, const char *s)
{
	size_t n = strlen(s), j = 0;
	char *c = xmalloc(n + 1);
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x20 || s[i] == '\t' || s[i] == '\n')
			c[j++] = s[i];
	c[j] = '\0';
	xmlTextWriterWriteString(w, BAD_CAST c);
	free(c);
}

const char *rd_str(const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : "";
}

int rd_bool(const json_t *o, const char *key)
{
	return json_is_true(json_object_get(o, key));
}

const json_t *rd_arr(const json_t *o, const char *key)
{
	const json_t *a = json_object_get(o, key);
	return json_is_array(a) ? a : NULL;
}

static int want_strings(const json_t *a, const char *field, struct err *e)
{
	size_t i;
	const json_t *v;
	if (!a)
		return 0;
	if (!json_is_array(a))
		return err_set(e, ERR_INPUT, "mô tả văn bản: '%s' phải là một mảng", field);
	json_array_foreach(a, i, v)
		if (!json_is_string(v))
			return err_set(e, ERR_INPUT, "mô tả văn bản: %s[%zu] phải là chuỗi", field, i);
	return 0;
}

int rd_check(const json_t *spec, struct err *e)
{
	static const char *const strs[] = {"superior", "issuer", "number", "place_date", "kind",
	                                   "subject", NULL};
	if (!json_is_object(spec))
		return err_set(e, ERR_INPUT, "mô tả văn bản phải là một đối tượng JSON");
	for (int i = 0; strs[i]; i++) {
		const json_t *v = json_object_get(spec, strs[i]);
		if (v && !json_is_string(v))
			return err_set(e, ERR_INPUT, "mô tả văn bản: '%s' phải là chuỗi", strs[i]);
	}
	int rc;
	if ((rc = want_strings(json_object_get(spec, "to"), "to", e)) ||
	    (rc = want_strings(json_object_get(spec, "recipients"), "recipients", e)))
		return rc;
	const json_t *sign = json_object_get(spec, "sign");
	if (sign && !json_is_object(sign))
		return err_set(e, ERR_INPUT, "mô tả văn bản: 'sign' phải là một đối tượng");
	const json_t *body = json_object_get(spec, "body"), *b;
	size_t i;
	if (body && !json_is_array(body))
		return err_set(e, ERR_INPUT, "mô tả văn bản: 'body' phải là một mảng");
	json_array_foreach(body, i, b) {
		const json_t *t = json_object_get(b, "table");
		if (json_is_string(json_object_get(b, "h")) || json_is_string(json_object_get(b, "p")))
			continue;
		if (!json_is_object(t))
			return err_set(e, ERR_INPUT, "mô tả văn bản: body[%zu] không phải đề mục, đoạn "
			               "hay bảng", i);
		const json_t *head = json_object_get(t, "head"), *rows = json_object_get(t, "rows"), *r;
		size_t k;
		if (!json_is_array(head) || !json_array_size(head) || !json_is_array(rows))
			return err_set(e, ERR_INPUT, "mô tả văn bản: bảng body[%zu] thiếu 'head' hoặc 'rows'", i);
		if ((rc = want_strings(head, "head", e)))
			return rc;
		json_array_foreach(rows, k, r) {
			if ((rc = want_strings(r, "rows", e)))
				return rc;
			if (json_array_size(r) != json_array_size(head))
				return err_set(e, ERR_INPUT, "mô tả văn bản: bảng body[%zu], dòng %zu có %zu ô, "
				               "cần %zu", i, k + 1, json_array_size(r), json_array_size(head));
		}
	}
	return 0;
}
