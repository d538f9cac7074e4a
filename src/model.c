/* model.c — releasing and copying model.h records, and the names of the
 * unit kinds. */
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "util.h"

static const struct {
	const char *key;
	const char *label;
} unit_kinds[UK_COUNT] = {
	[UK_TRUNG_UONG] = {"trung_uong", "Trung ương"},
	[UK_TINH_UY] = {"tinh_uy", "Tỉnh ủy"},
	[UK_THANH_UY] = {"thanh_uy", "Thành ủy"},
	[UK_HUYEN_UY] = {"huyen_uy", "Huyện ủy"},
	[UK_DANG_UY_KHOI] = {"dang_uy_khoi", "Đảng ủy Khối"},
	[UK_DANG_UY_CO_SO] = {"dang_uy_co_so", "Đảng ủy cơ sở"},
	[UK_CHI_BO] = {"chi_bo", "Chi bộ"},
	[UK_BAN] = {"ban", "Ban"},
	[UK_CO_QUAN] = {"co_quan", "Cơ quan"},
	[UK_TO_CHUC] = {"to_chuc", "Tổ chức"},
};

const char *unit_kind_key(enum unit_kind k)
{
	return (unsigned)k < UK_COUNT ? unit_kinds[k].key : "";
}

const char *unit_kind_label(enum unit_kind k)
{
	return (unsigned)k < UK_COUNT ? unit_kinds[k].label : "";
}

int unit_kind_parse(const char *s)
{
	if (!s)
		return -1;
	for (int k = 0; k < UK_COUNT; k++)
		if (strcmp(s, unit_kinds[k].key) == 0)
			return k;
	return -1;
}

void unit_free(struct unit *u)
{
	if (!u)
		return;
	free(u->name);
	free(u->abbrevs);
	memset(u, 0, sizeof *u);
}

void doc_free(struct doc *d)
{
	if (!d)
		return;
	free(d->title);
	free(d->issuer_text);
	free(d->signer);
	free(d->signer_role);
	free(d->implements);
	free(d->source);
	memset(d, 0, sizeof *d);
}

void task_free(struct task *t)
{
	if (!t)
		return;
	free(t->lead_text);
	free(t->partners);
	free(t->partners_text);
	free(t->text);
	free(t->dl_phrase);
	memset(t, 0, sizeof *t);
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void task_copy(struct task *dst, const struct task *src)
{
	*dst = *src;
	dst->lead_text = dup_or_null(src->lead_text);
	dst->partners_text = dup_or_null(src->partners_text);
	dst->text = dup_or_null(src->text);
	dst->dl_phrase = dup_or_null(src->dl_phrase);
	dst->partners = NULL;
	if (src->npartners > 0 && src->partners) {
		dst->partners = xmalloc((size_t)src->npartners * sizeof *dst->partners);
		memcpy(dst->partners, src->partners, (size_t)src->npartners * sizeof *dst->partners);
	} else {
		dst->npartners = 0;
	}
}

void update_free(struct update *u)
{
	if (!u)
		return;
	free(u->note);
	memset(u, 0, sizeof *u);
}

void update_init(struct update *u)
{
	memset(u, 0, sizeof *u);
	u->day = u->done_on = u->period = DATE_NONE;
	u->progress = u->status_before = u->status_after = u->confirm_after = -1;
}

void extension_init(struct extension *x)
{
	memset(x, 0, sizeof *x);
	x->from = x->to = x->day = x->decided = DATE_NONE;
	x->state = EXT_GRANTED;
}

void extension_free(struct extension *x)
{
	if (!x)
		return;
	free(x->reason);
	free(x->decision);
	memset(x, 0, sizeof *x);
}

void indicator_free(struct indicator *i)
{
	if (!i)
		return;
	free(i->text);
	memset(i, 0, sizeof *i);
}

void measure_free(struct measure *m)
{
	if (!m)
		return;
	free(m->note);
	memset(m, 0, sizeof *m);
}

void audit_free(struct audit *a)
{
	if (!a)
		return;
	free(a->before);
	free(a->after);
	memset(a, 0, sizeof *a);
}
