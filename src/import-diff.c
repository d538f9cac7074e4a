/* import-diff.c — the difference a new version of a stored document
 * makes (import-replace.c), as the user reads it before it is written:
 * text and JSON. */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hier.h"
#include "import-internal.h"
#include "text.h"
#include "util.h"

static int empty(const char *s)
{
	return !s || !*s;
}

/* A lead as the user reads it: the unit's code and what is written. */
static void lead_str(struct sbuf *b, const struct hier *h, uint32_t unit, const char *text)
{
	const struct unit *u = unit && h ? hier_unit(h, unit) : NULL;
	if (u)
		sbuf_printf(b, "%s", u->code);
	if (!empty(text))
		sbuf_printf(b, "%s“%s”", u ? " " : "", text);
	if (!u && empty(text))
		sbuf_puts(b, "(không có)");
}

static void quoted(struct sbuf *b, const char *s)
{
	if (empty(s))
		sbuf_puts(b, "(không có)");
	else
		sbuf_printf(b, "“%s”", s);
}

static void short_text(struct sbuf *b, const char *s)
{
	char *cut = txt_trunc(s ? s : "", 70);
	sbuf_puts(b, cut);
	free(cut);
}

static void field_lines(struct sbuf *b, const struct imp_change *c, const struct imp_task *x,
                        const struct hier *h)
{
	if (c->fields & IMP_F_SECTION)
		sbuf_printf(b, "      mục: %s → %s\n", c->old.section, x->section);
	if (c->fields & IMP_F_TEXT) {
		sbuf_puts(b, "      nội dung: ");
		quoted(b, c->old.text);
		sbuf_puts(b, " → ");
		quoted(b, x->text);
		sbuf_putc(b, '\n');
	}
	if (c->fields & IMP_F_LEAD) {
		sbuf_puts(b, "      chủ trì: ");
		lead_str(b, h, c->old.lead, c->old.lead_text);
		sbuf_puts(b, " → ");
		lead_str(b, h, x->lead_unit, x->lead);
		sbuf_putc(b, '\n');
	}
	if (c->fields & IMP_F_PARTNERS) {
		char *pt = imp_partners_joined(x);
		sbuf_puts(b, "      phối hợp: ");
		quoted(b, c->old.partners_text);
		sbuf_puts(b, " → ");
		quoted(b, pt);
		sbuf_putc(b, '\n');
		free(pt);
	}
	if (c->fields & IMP_F_DEADLINE) {
		sbuf_puts(b, "      thời hạn: ");
		quoted(b, c->old.dl_phrase);
		sbuf_puts(b, " → ");
		quoted(b, x->dl_phrase);
		sbuf_putc(b, '\n');
	}
}

void imp_diff_text(const struct imp_diff *d, const struct imp_result *r, const struct hier *h,
                   struct sbuf *b)
{
	char day[11];
	if (!d->doc) {
		sbuf_printf(b, "Chưa có văn bản này trong kho: nhập mới %zu nhiệm vụ", d->added);
		if (d->obl_added)
			sbuf_printf(b, " (và %zu nghĩa vụ của từng đơn vị thuộc nhóm chủ trì)",
			            d->obl_added);
		sbuf_puts(b, ".\n");
		return;
	}
	sbuf_printf(b, "Thay văn bản #%llu (%s%s%s): giữ nguyên %zu, sửa %zu, xóa %zu, thêm %zu "
	            "nhiệm vụ.\n", (unsigned long long)d->doc,
	            d->old_doc.number[0] ? d->old_doc.number : "không số",
	            d->old_doc.date != DATE_NONE ? " ngày " : "",
	            d->old_doc.date != DATE_NONE ? date_vn(d->old_doc.date, day) : "", d->kept,
	            d->changed, d->removed, d->added);
	if (d->obl_added || d->obl_removed)
		sbuf_printf(b, "Nghĩa vụ của từng đơn vị thuộc nhóm chủ trì: xóa %zu của đơn vị không "
		            "còn được giao, thêm %zu.\n", d->obl_removed, d->obl_added);
	static const struct {
		enum imp_fate fate;
		const char *title;
	} parts[] = {
		{IMP_KEPT, "Giữ nguyên"},
		{IMP_CHANGED, "Sửa (cũ → mới)"},
		{IMP_REMOVED, "Xóa (không còn trong văn bản; giữ trong thùng rác, khôi phục bằng "
		              "restore-task)"},
		{IMP_ADDED, "Thêm"},
	};
	for (size_t p = 0; p < sizeof parts / sizeof parts[0]; p++) {
		int head = 0;
		for (size_t i = 0; i < d->n; i++) {
			const struct imp_change *c = &d->rows[i];
			if (c->fate != parts[p].fate || (c->obligation && c->fate == IMP_KEPT))
				continue;
			if (!head++)
				sbuf_printf(b, "%s:\n", parts[p].title);
			const struct imp_task *x = c->task >= 0 ? &r->tasks[c->task] : NULL;
			if (c->fate == IMP_ADDED && c->obligation) {
				const struct unit *u = h ? hier_unit(h, c->old.lead) : NULL;
				sbuf_printf(b, "  mục %s: nghĩa vụ của %s", c->old.section,
				            u && u->name ? u->name : strchr(c->old.section, '@') + 1);
			} else if (c->fate == IMP_ADDED) {
				sbuf_printf(b, "  mục %s: ", x->section);
				short_text(b, x->text);
			} else {
				sbuf_printf(b, "  #%llu mục %s", (unsigned long long)c->old.id, c->old.section);
				if (c->obligation && c->fate == IMP_REMOVED && c->task >= 0)
					sbuf_puts(b, " (nghĩa vụ của đơn vị không còn thuộc nhóm chủ trì)");
				else if (c->obligation)
					sbuf_puts(b, " (nghĩa vụ của nhiệm vụ chung)");
				sbuf_puts(b, ": ");
				short_text(b, c->old.text);
				if (c->worked)
					sbuf_puts(b, " [đã ghi nhận kết quả]");
			}
			sbuf_putc(b, '\n');
			if (c->fate == IMP_CHANGED) {
				if (c->obligation) {
					struct imp_change o = *c;
					o.fields &= IMP_F_SECTION | IMP_F_TEXT | IMP_F_DEADLINE;
					field_lines(b, &o, x, h);
				} else {
					field_lines(b, c, x, h);
				}
			}
		}
	}
	if (d->worked)
		sbuf_printf(b, "%zu nhiệm vụ bị xóa đã ghi nhận kết quả (cập nhật, hoàn thành hoặc xác "
		            "nhận): cần --force.\n", d->worked);
}

static json_t *jstr(const char *s)
{
	return empty(s) ? json_null() : json_string(s);
}

static json_t *jlead(const struct hier *h, uint32_t unit, const char *text)
{
	const struct unit *u = unit && h ? hier_unit(h, unit) : NULL;
	return json_pack("{s:o, s:o}", "unit", u ? json_string(u->code) : json_null(), "text",
	                 jstr(text));
}

static const char *fate_name(enum imp_fate f)
{
	switch (f) {
	case IMP_KEPT: return "kept";
	case IMP_CHANGED: return "changed";
	case IMP_ADDED: return "added";
	case IMP_REMOVED: return "removed";
	}
	return "?";
}

json_t *imp_diff_to_json(const struct imp_diff *d, const struct imp_result *r,
                         const struct hier *h)
{
	json_t *kept = json_array(), *changed = json_array(), *removed = json_array(),
	       *added = json_array(), *obligations = json_array();
	for (size_t i = 0; i < d->n; i++) {
		const struct imp_change *c = &d->rows[i];
		const struct imp_task *x = c->task >= 0 ? &r->tasks[c->task] : NULL;
		json_t *id = json_integer((json_int_t)c->old.id);
		if (c->obligation) {
			const struct unit *u = h && c->old.lead ? hier_unit(h, c->old.lead) : NULL;
			if (c->fate == IMP_ADDED) {
				json_decref(id);
				id = json_null();
			}
			json_array_append_new(obligations, json_pack("{s:o, s:s, s:o, s:s, s:b}", "id", id,
			                      "section", c->old.section, "unit",
			                      u ? json_string(u->code) : json_null(), "fate",
			                      fate_name(c->fate), "worked", c->worked));
			continue;
		}
		switch (c->fate) {
		case IMP_KEPT:
			json_array_append_new(kept, json_pack("{s:o, s:s}", "id", id, "section",
			                                      x->section));
			break;
		case IMP_ADDED:
			json_decref(id);
			json_array_append_new(added, json_pack("{s:s, s:o}", "section", x->section, "text",
			                                       jstr(x->text)));
			break;
		case IMP_REMOVED:
			json_array_append_new(removed, json_pack("{s:o, s:s, s:o, s:b}", "id", id,
			                      "section", c->old.section, "text", jstr(c->old.text),
			                      "worked", c->worked));
			break;
		case IMP_CHANGED: {
			json_t *f = json_object();
			if (c->fields & IMP_F_SECTION)
				json_object_set_new(f, "section", json_pack("[s, s]", c->old.section,
				                                            x->section));
			if (c->fields & IMP_F_TEXT)
				json_object_set_new(f, "text", json_pack("[o, o]", jstr(c->old.text),
				                                         jstr(x->text)));
			if (c->fields & IMP_F_LEAD)
				json_object_set_new(f, "lead", json_pack("[o, o]",
				                    jlead(h, c->old.lead, c->old.lead_text),
				                    jlead(h, x->lead_unit, x->lead)));
			if (c->fields & IMP_F_PARTNERS) {
				char *pt = imp_partners_joined(x);
				json_object_set_new(f, "partners", json_pack("[o, o]",
				                    jstr(c->old.partners_text), jstr(pt)));
				free(pt);
			}
			if (c->fields & IMP_F_DEADLINE)
				json_object_set_new(f, "deadline", json_pack("[o, o]",
				                    jstr(c->old.dl_phrase), jstr(x->dl_phrase)));
			json_array_append_new(changed, json_pack("{s:o, s:s, s:o}", "id", id, "section",
			                                         x->section, "changes", f));
			break;
		}
		}
	}
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}", "doc",
	                 d->doc ? json_integer((json_int_t)d->doc) : json_null(), "kept", kept,
	                 "changed", changed, "removed", removed, "added", added, "obligations",
	                 obligations);
}
