/* remind.c — reminder letters to the units with overdue or soon-due tasks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hier.h"
#include "ops.h"
#include "query.h"
#include "period.h"
#include "rollup.h"
#include "remind.h"
#include "report.h"
#include "store.h"
#include "text.h"
#include "util.h"

#define WIDTH 80

static int item_cmp(const void *a, const void *b)
{
	const struct remind_item *x = a, *y = b;
	int xl = x->tl.tl == TL_OVERDUE || x->tl.tl == TL_UNREPORTED;
	int yl = y->tl.tl == TL_OVERDUE || y->tl.tl == TL_UNREPORTED;
	if (xl != yl)
		return xl ? -1 : 1;
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	return x->task < y->task ? -1 : x->task > y->task;
}

/* The letters being gathered, and where each unit's letter is: by the
 * unit's place in the tree (a lookup per item, not a search through the
 * letters). */
struct letters {
	const struct hier *h;
	struct remind_letter **out;
	size_t *n, cap;
	size_t *at;      /* hier_count entries: letter index + 1, or 0 */
};

/* The letter of unit `lead`, added at the end of *out if it is new (the
 * ids come grouped by unit only per subtree walk). */
static struct remind_letter *letter_of(struct letters *ls, uint32_t lead)
{
	size_t pos = hier_find_id(ls->h, lead);
	if (pos != (size_t)-1 && ls->at[pos])
		return &(*ls->out)[ls->at[pos] - 1];
	if (pos == (size_t)-1) /* a unit no longer in the tree: rare, searched */
		for (size_t i = 0; i < *ls->n; i++)
			if ((*ls->out)[i].unit == lead)
				return &(*ls->out)[i];
	if (*ls->n == ls->cap) {
		ls->cap = ls->cap ? 2 * ls->cap : 16;
		*ls->out = xrealloc(*ls->out, ls->cap * sizeof **ls->out);
	}
	struct remind_letter *l = &(*ls->out)[(*ls->n)++];
	if (pos != (size_t)-1)
		ls->at[pos] = *ls->n;
	memset(l, 0, sizeof *l);
	const struct unit *u = hier_unit(ls->h, lead);
	l->unit = lead;
	str_copy(l->code, u ? u->code : "", sizeof l->code);
	l->name = xstrdup(u && u->name ? u->name : "");
	return l;
}

static int add_item(struct txn *t, struct remind_letter *l, const struct task *k,
                    const struct remind_opts *o, struct err *e)
{
	if (!(l->n & (l->n - 1))) /* at 0, 1, 2, 4, ...: room for as many again */
		l->items = xrealloc(l->items, (l->n ? 2 * l->n : 1) * sizeof *l->items);
	struct remind_item *it = &l->items[l->n++];
	memset(it, 0, sizeof *it);
	it->task = k->id;
	str_copy(it->section, k->section, sizeof it->section);
	it->text = xstrdup(k->text ? k->text : "");
	it->dl_phrase = k->dl_phrase ? xstrdup(k->dl_phrase) : NULL;
	it->due = k->due;
	it->extended_to = k->extended_to;
	it->days_late_original = ops_late_original(k, o->periods, o->today, &it->original_due);
	it->periodic = per_recurring(&k->dl) && k->extended_to == DATE_NONE;
	struct tl_input in = {(enum task_status)k->status, &k->dl, k->due, k->done_date, o->periods};
	it->tl = tl_compute(&in, o->today, 1 << 20);
	if (it->tl.tl == TL_OVERDUE || it->tl.tl == TL_UNREPORTED)
		l->noverdue++;
	if (k->doc_id) {
		struct doc d = {0};
		int rc = store_doc_get(t, k->doc_id, &d, e);
		if (rc)
			return rc;
		str_copy(it->doc_kind, d.kind, sizeof it->doc_kind);
		str_copy(it->doc_number, d.number, sizeof it->doc_number);
		doc_free(&d);
	}
	return 0;
}

/* A letter as the tree orders them: its unit's place (units no longer in
 * the tree last), then the order they were met in. */
struct letter_key {
	size_t pos, index;
};

static int letter_key_cmp(const void *a, const void *b)
{
	const struct letter_key *x = a, *y = b;
	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* What a walk over the tasks of a past day carries. */
struct past_walk {
	struct txn *t;
	const struct remind_opts *o;
	struct letters *ls;
	struct err *e;
};

/* A task as it stood on the past day: an item when it was open and due
 * by the end of the window (as the due index would have had it). */
static int past_task(const struct task *k, void *ctx)
{
	struct past_walk *w = ctx;
	int days = w->o->days < 0 ? 0 : w->o->days;
	if (!k->lead || !st_is_open((enum task_status)k->status) || k->due == DATE_NONE ||
	    k->due >= STORE_SLOT_NODUE || k->due > w->o->today + days)
		return 0;
	return add_item(w->t, letter_of(w->ls, k->lead), k, w->o, w->e);
}

/* The tasks that go in letters: from the due index for the present, from
 * the tasks as they stood for a past day. */
static int gather_items(struct txn *t, const struct hier *h, const struct remind_opts *o,
                        struct letters *ls, struct err *e)
{
	if (o->past) {
		struct rollup_scope scope = {o->root, 0, o->past};
		struct past_walk w = {t, o, ls, e};
		return rollup_each_task(t, h, &scope, past_task, &w, e);
	}
	uint64_t *ids = NULL;
	size_t nids = 0;
	int days = o->days < 0 ? 0 : o->days;
	int rc = q_due_ids(t, h, o->root, DATE_NONE, o->today + days, 0, SIZE_MAX / 2, &ids, &nids, e);
	for (size_t i = 0; i < nids && !rc; i++) {
		struct task k = {0};
		rc = store_task_get(t, ids[i], &k, e);
		if (!rc && k.lead && (!o->root || hier_in_subtree(h, k.lead, o->root)))
			rc = add_item(t, letter_of(ls, k.lead), &k, o, e);
		task_free(&k);
	}
	free(ids);
	return rc;
}

int remind_build(struct txn *t, const struct hier *h, const struct remind_opts *o,
                 struct remind_letter **out, size_t *n, struct err *e)
{
	*out = NULL;
	*n = 0;
	if (!h)
		return err_set(e, ERR_INTERNAL, "thiếu cây đơn vị để lập thư đôn đốc");
	if (o->root && hier_find_id(h, o->root) == (size_t)-1)
		return err_set(e, ERR_NOTFOUND, "không tìm thấy đơn vị #%u", o->root);
	struct letters ls = {h, out, n, 0, xcalloc(hier_count(h) + 1, sizeof(size_t))};
	int rc = gather_items(t, h, o, &ls, e);
	free(ls.at);
	if (rc) {
		remind_free(*out, *n);
		*out = NULL;
		*n = 0;
		return rc;
	}
	for (size_t i = 0; i < *n; i++)
		xqsort((*out)[i].items, (*out)[i].n, sizeof *(*out)[i].items, item_cmp);
	/* letters in tree order */
	struct letter_key *keys = xcalloc(*n ? *n : 1, sizeof *keys);
	for (size_t i = 0; i < *n; i++)
		keys[i] = (struct letter_key){hier_find_id(h, (*out)[i].unit), i};
	xqsort(keys, *n, sizeof *keys, letter_key_cmp);
	struct remind_letter *sorted = xcalloc(*n ? *n : 1, sizeof *sorted);
	for (size_t i = 0; i < *n; i++)
		sorted[i] = (*out)[keys[i].index];
	free(*out);
	*out = sorted;
	free(keys);
	return 0;
}

void remind_free(struct remind_letter *l, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < l[i].n; k++) {
			free(l[i].items[k].text);
			free(l[i].items[k].dl_phrase);
		}
		free(l[i].items);
		free(l[i].name);
	}
	free(l);
}

/* ---- the letter ------------------------------------------------------------ */

static void item_text(struct sbuf *b, const struct remind_item *it, size_t num)
{
	struct sbuf s = {0};
	char first[24], d[11], tl[96];
	if (it->doc_number[0])
		sbuf_printf(&s, "%s số %s", report_kind_label(it->doc_kind), it->doc_number);
	else
		sbuf_puts(&s, "Nhiệm vụ ngoài văn bản");
	if (it->section[0])
		sbuf_printf(&s, ", mục %s", it->section);
	sbuf_printf(&s, " (nhiệm vụ #%llu): %s", (unsigned long long)it->task, it->text);
	snprintf(first, sizeof first, "%zu. ", num);
	report_wrap(b, s.s, WIDTH, first, "   ");
	sbuf_reset(&s);
	if (it->dl_phrase && *it->dl_phrase)
		sbuf_printf(&s, "Thời hạn: \"%s\"", it->dl_phrase);
	else
		sbuf_puts(&s, "Thời hạn: không ghi");
	if (it->extended_to != DATE_NONE)
		sbuf_printf(&s, ", đã gia hạn đến %s", date_vn(it->extended_to, d));
	else
		sbuf_printf(&s, " (%s %s)", it->periodic ? "hạn báo cáo" : "hạn", date_vn(it->due, d));
	sbuf_printf(&s, " — %s", tl_describe(it->tl, tl, sizeof tl));
	if (it->days_late_original > 0)
		sbuf_printf(&s, "; %s (%s)", ops_late_original_text(it->days_late_original, 0, tl, sizeof tl),
		            date_vn(it->original_due, d));
	sbuf_putc(&s, '.');
	report_wrap(b, s.s, WIDTH, "   ", "   ");
	sbuf_free(&s);
}

/* The place in a committee's name: what follows one of the markers, or
 * "" when none is followed by a word. */
static void place_in_name(const char *name, char *buf, size_t len)
{
	static const char *const markers[] = {"tinh uy", "thanh uy", "thi uy", "huyen uy",
	                                      "quan uy", "dang uy xa", "dang uy phuong",
	                                      "dang uy thi tran"};
	size_t n = strlen(name), flen, *map;
	char *f = txt_fold_map(name, n, &flen, &map);
	buf[0] = '\0';
	for (size_t k = 0; k < sizeof markers / sizeof *markers && !buf[0]; k++) {
		long at = txt_find_word(f, markers[k]);
		if (at < 0)
			continue;
		size_t a = (size_t)at + strlen(markers[k]), start, end;
		if (f[a] != ' ' || a + 1 >= flen)
			continue; /* "Ban Tổ chức Tỉnh ủy": no place after it */
		a++;
		txt_fold_span(name, n, map, a, flen, &start, &end);
		char *place = txt_trim(name + start, end - start, NULL);
		str_copy(buf, place, len);
		free(place);
	}
	free(f);
	free(map);
}

char *remind_place(const struct hier *h, uint32_t unit, char *buf, size_t len)
{
	buf[0] = '\0';
	for (int depth = 0; unit && depth < 64 && !buf[0]; depth++) {
		const struct unit *u = hier_unit(h, unit);
		if (!u)
			break;
		if (u->name)
			place_in_name(u->name, buf, len);
		unit = u->parent;
	}
	return buf;
}

char *remind_text(const struct remind_letter *l, const char *sender, const char *place,
                  date_t today, int days)
{
	struct sbuf b = {0}, s = {0};
	char d[11], words[48];
	if (sender && *sender) {
		char *up = txt_upper(sender);
		report_wrap(&b, up, WIDTH, "", "");
		free(up);
	}
	report_date_words(today, words, sizeof words);
	if (place && *place) {
		sbuf_printf(&s, "%s, %s", place, words);
		report_wrap(&b, s.s, WIDTH, "", "");
		sbuf_reset(&s);
		sbuf_putc(&b, '\n');
	} else {
		words[0] = 'N'; /* "Ngày ..." at the start of a line */
		sbuf_printf(&b, "%s\n\n", words);
	}
	sbuf_puts(&b, "ĐÔN ĐỐC THỰC HIỆN NHIỆM VỤ\n\n");
	report_wrap(&b, l->name, WIDTH, "Kính gửi: ", "          ");
	sbuf_putc(&b, '\n');
	size_t nsoon = l->n - l->noverdue;
	sbuf_printf(&s, "Qua theo dõi việc thực hiện các chương trình, kế hoạch, tính đến ngày %s, %s có ",
	            date_vn(today, d), l->name);
	if (l->noverdue)
		sbuf_printf(&s, "%zu nhiệm vụ quá hạn", l->noverdue);
	if (l->noverdue && nsoon)
		sbuf_puts(&s, " và ");
	if (nsoon)
		sbuf_printf(&s, "%zu nhiệm vụ đến hạn trong %d ngày tới", nsoon, days);
	sbuf_puts(&s, ", cụ thể như sau:");
	report_wrap(&b, s.s, WIDTH, "", "");
	sbuf_reset(&s);
	for (size_t i = 0; i < l->n; i++) {
		if (i == 0 && l->noverdue)
			sbuf_puts(&b, "\nA. NHIỆM VỤ QUÁ HẠN\n");
		if (i == l->noverdue)
			sbuf_printf(&b, "\n%s. NHIỆM VỤ SẮP ĐẾN HẠN\n", l->noverdue ? "B" : "A");
		item_text(&b, &l->items[i], i < l->noverdue ? i + 1 : i - l->noverdue + 1);
	}
	sbuf_putc(&b, '\n');
	sbuf_printf(&s,
	            "Đề nghị %s khẩn trương chỉ đạo thực hiện các nhiệm vụ trên, cập nhật tiến độ "
	            "và báo cáo kết quả; nhiệm vụ không thể hoàn thành đúng hạn cần nêu rõ lý do và "
	            "đề xuất gia hạn.",
	            l->name);
	report_wrap(&b, s.s, WIDTH, "", "");
	sbuf_free(&s);
	return sbuf_detach(&b);
}

char *remind_file_name(const struct remind_letter *l, char *buf, size_t len)
{
	char tmp[CODE_LEN + 8];
	snprintf(tmp, sizeof tmp, "%s%s.txt", l->code[0] == '.' ? "_" : "",
	         l->code[0] == '.' ? l->code + 1 : (l->code[0] ? l->code : "_"));
	for (char *p = tmp; *p; p++)
		if (*p == '/')
			*p = '_';
	str_copy(buf, tmp, len);
	return buf;
}
