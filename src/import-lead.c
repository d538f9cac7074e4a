/* import-lead.c — who leads and who helps, as a task's own text says it:
 * an opening subject ("Ban Thường vụ Tỉnh ủy tập trung ..."), an
 * assignment ("giao Ban Tổ chức chủ trì", "(Văn phòng Tỉnh ủy chủ trì)",
 * "Cơ quan chủ trì: ..."), and partners ("chủ trì, phối hợp với X, Y").
 * Which configured units these names mean is import-units.c's concern.
 */
#include "import-internal.h"

#include <stdlib.h>
#include <string.h>

#define MAX_ITEMS 24

static char *span_text(const struct imp_toks *tk, size_t a, size_t b)
{
	size_t s, e;

	imp_tok_span(tk, a, b, &s, &e);
	return xstrndup(tk->s + s, e - s);
}

static int all_generic(const struct imp_toks *tk, const struct imp_item *items, size_t cnt)
{
	for (size_t i = 0; i < cnt; i++)
		if (!imp_unit_generic(tk, &items[i]))
			return 0;
	return 1;
}

char *imp_subject(const struct imp_toks *tk)
{
	struct imp_item items[MAX_ITEMS];
	size_t end, cnt;
	char stop;

	cnt = imp_unit_list(tk, 0, items, MAX_ITEMS, &end, &stop);
	/* "... tập trung", "...; các ban cán sự đảng ...", "Ban Tổ chức: chủ trì ..." */
	if (!cnt || (stop != 'v' && stop != ';' && !(stop == ':' && end + 1 < tk->nt)))
		return NULL;
	/* "Cơ quan, đơn vị rà soát ...", "Các cơ quan tăng cường ...": nobody
	 * in particular */
	if (all_generic(tk, items, cnt))
		return NULL;
	return span_text(tk, items[0].a, items[cnt - 1].b);
}

static void add_partner(struct imp_task *task, char *name)
{
	for (int p = 0; p < task->npartners; p++)
		if (!strcmp(task->partners[p], name)) {
			free(name);
			return;
		}
	task->partners = xrealloc(task->partners, (size_t)(task->npartners + 1) *
	                                          sizeof *task->partners);
	task->partners[task->npartners++] = name;
}

/* A list of partners from token k; labels ("các đảng đoàn: ...") dropped. */
static void partner_list(const struct imp_toks *tk, size_t k, struct imp_task *task)
{
	struct imp_item items[MAX_ITEMS];
	size_t end, cnt;
	char stop;

	for (int guard = 0; guard < 8; guard++) {
		cnt = imp_unit_list(tk, k, items, MAX_ITEMS, &end, &stop);
		if (stop == ':' && cnt)
			cnt--; /* "các đảng đoàn: Ủy ban MTTQ ..., Hội ...": a label */
		for (size_t i = 0; i < cnt; i++)
			add_partner(task, span_text(tk, items[i].a, items[i].b));
		if (stop != ':')
			break;
		k = end + 1;
	}
}

void imp_partners(const struct imp_toks *tk, struct imp_task *task)
{
	static const char *const opens[] = {
		"chu tri , phoi hop voi", "chu tri phoi hop voi", "chu tri va phoi hop voi",
		"chu tri , phoi hop chat che voi", "chu tri , phoi hop cung",
		"co quan phoi hop :", "don vi phoi hop :", "phoi hop :", NULL
	};
	size_t l;

	for (size_t k = 0; k < tk->nt; k++)
		if (imp_tok_any(tk, k, opens, &l) >= 0) {
			partner_list(tk, k + l, task);
			k += l;
		}
	/* "(Ban Tổ chức chủ trì; Văn phòng, Ban Tuyên giáo phối hợp)" */
	for (size_t k = 0; k < tk->nt; k++) {
		struct imp_item items[MAX_ITEMS];
		size_t end, cnt;
		char stop;

		if (!imp_tok_punct(tk, k, ';') && !imp_tok_punct(tk, k, '('))
			continue;
		cnt = imp_unit_list(tk, k + 1, items, MAX_ITEMS, &end, &stop);
		if (cnt && imp_tok_seq(tk, end, "phoi hop") &&
		    (imp_tok_punct(tk, end + 2, ')') || imp_tok_punct(tk, end + 2, ';') ||
		     end + 2 >= tk->nt))
			for (size_t i = 0; i < cnt; i++)
				add_partner(task, span_text(tk, items[i].a, items[i].b));
	}
	if (task->npartners)
		task->partner_units = xcalloc((size_t)task->npartners, sizeof *task->partner_units);
}

char *imp_assigned_lead(const struct imp_toks *tk)
{
	static const char *const labels[] = { "co quan chu tri :", "don vi chu tri :",
					      "chu tri :", NULL };
	struct imp_item items[MAX_ITEMS];
	size_t end, cnt, l;
	char stop;

	for (size_t k = 0; k < tk->nt; k++) {
		/* "Cơ quan chủ trì: Ban Tổ chức Tỉnh ủy" */
		if (imp_tok_any(tk, k, labels, &l) >= 0) {
			cnt = imp_unit_list(tk, k + l, items, MAX_ITEMS, &end, &stop);
			if (cnt)
				return span_text(tk, items[0].a, items[cnt - 1].b);
		}
		/* "giao Ban Tổ chức Tỉnh ủy chủ trì", "(Văn phòng Tỉnh ủy chủ trì, ...)" */
		/* "giao" opens a clause; inside a name it is "Tuyên giáo" */
		if ((imp_tok_is(tk, k, "giao") &&
		     (k == 0 || tk->t[k - 1].punct || imp_tok_is(tk, k - 1, "va"))) ||
		    imp_tok_punct(tk, k, '(')) {
			cnt = imp_unit_list(tk, k + 1, items, MAX_ITEMS, &end, &stop);
			if (cnt && imp_tok_seq(tk, end, "chu tri"))
				return span_text(tk, items[0].a, items[cnt - 1].b);
		}
	}
	return NULL;
}

/* 1 if item i of a list is a collective ("các ban ...", "những ...") of
 * its own: not one that "và" joins to the unit before it ("Mặt trận Tổ
 * quốc và các tổ chức chính trị - xã hội": the Front with the bodies it
 * leads). */
static int collective_at(const struct imp_toks *tk, const struct imp_item *items, size_t i)
{
	size_t a = items[i].a;

	if (!imp_tok_is(tk, a, "cac") && !imp_tok_is(tk, a, "nhung"))
		return 0;
	return i == 0 || !imp_tok_is(tk, a - 1, "va");
}

/* 1 if item it of a list is a kind of party body alone, a group in a list
 * without "các" ("Cấp ủy, tổ chức đảng"; "Ban cán sự đảng, đảng đoàn"): no
 * name of its own follows the kind.  Alone as the whole lead such a word
 * may name one body ("Thành ủy"), so only an item of a list of several is
 * read so. */
static int bare_kind(const struct imp_toks *tk, const struct imp_item *it)
{
	static const char *const kinds[] = {
		"cap uy", "to chuc dang", "to chuc co so dang", "huyen uy", "thi uy", "quan uy",
		"dang uy", "dang uy truc thuoc", "ban can su dang", "dang doan",
		"ban xay dung dang", NULL
	};
	for (int i = 0; kinds[i]; i++) {
		size_t l = imp_tok_seq(tk, it->a, kinds[i]);
		if (l && it->a + l == it->b)
			return 1;
	}
	return 0;
}

int imp_lead_is_group(const char *lead)
{
	struct imp_toks tk;
	struct imp_item items[MAX_ITEMS];
	size_t end, cnt;
	char stop;
	int group = 0;

	if (!lead)
		return 0;
	imp_toks_init(&tk, lead, strlen(lead));
	cnt = imp_unit_list(&tk, 0, items, MAX_ITEMS, &end, &stop);
	for (size_t i = 0; i < cnt && !group; i++)
		group = collective_at(&tk, items, i) || (cnt > 1 && bare_kind(&tk, &items[i]));
	imp_toks_free(&tk);
	return group;
}
