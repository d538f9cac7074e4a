/* report-doc.c — the report and the letters as documents (report-doc.h). */
#include "report-doc.h"

#include <string.h>

#include "hier.h"
#include "ops.h"
#include "report-internal.h"
#include "report-text.h"
#include "rollup.h"
#include "text.h"
#include "timeliness.h"
#include "util.h"

#define NCOLS(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char *num(uint64_t n, char *buf, size_t len)
{
	return rollup_count_str(n, buf, len);
}

static void situation(json_t *spec, const struct report *r)
{
	struct sbuf b = {0};
	char p[32];
	docout_heading(spec, 1, "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN");
	if (!r->ndocs) {
		docout_para(spec, "Trong phạm vi báo cáo không có văn bản nào có nhiệm vụ được giao.", 0);
	} else {
		sbuf_printf(&b, "Trong phạm vi báo cáo có %zu văn bản được triển khai thực hiện:", r->ndocs);
		docout_para(spec, b.s, 0);
	}
	for (size_t i = 0; i < r->ndocs; i++) {
		const struct report_doc *d = &r->docs[i];
		sbuf_reset(&b);
		report_doc_name(&b, d, 1);
		if (d->id && d->title && *d->title)
			sbuf_printf(&b, " về %s", d->title);
		sbuf_printf(&b, ": %llu nhiệm vụ, đã hoàn thành %llu, quá hạn %llu",
		            (unsigned long long)d->r.total, (unsigned long long)d->r.done,
		            (unsigned long long)d->r.by_bucket[RB_DUE_OVERDUE]);
		if (d->r.due)
			sbuf_printf(&b, ", tỷ lệ hoàn thành %s", rollup_percent(d->r.due_done, d->r.due, p, sizeof p));
		sbuf_putc(&b, '.');
		docout_para(spec, b.s, 1);
	}
	if (r->nmissing) {
		docout_para(spec, "Các cấp ủy chưa ban hành kế hoạch thực hiện theo yêu cầu:", 0);
		for (size_t i = 0; i < r->nmissing; i++) {
			sbuf_reset(&b);
			report_missing_text(&b, &r->missing[i]);
			docout_para(spec, b.s, 1);
		}
	}
	sbuf_free(&b);
}

static void figures(json_t *spec, const struct report *r)
{
	static const char *const head[] = {"Nội dung", "Số nhiệm vụ", "Tỷ lệ"};
	static const int widths[] = {60, 20, 20};
	struct rollup_line lines[ROLLUP_LINES];
	size_t n = rollup_lines(&r->total, lines, ROLLUP_LINES);
	char *sentence = rollup_sentence(&r->total);
	docout_heading(spec, 2, "1. Số liệu chung");
	docout_para(spec, sentence, 0);
	free(sentence);
	json_t *rows = docout_table(spec, head, widths, NCOLS(head));
	char c[32], p[32];
	struct sbuf label = {0};
	for (size_t i = 0; i < n; i++) {
		sbuf_reset(&label);
		static const char *const marks[] = {"", "- ", "+ ", "  · "};
		sbuf_puts(&label, marks[lines[i].depth < 3 ? lines[i].depth : 3]);
		sbuf_puts(&label, lines[i].label);
		if (label.s[0] >= 'a' && label.s[0] <= 'z' && !lines[i].depth)
			label.s[0] = (char)(label.s[0] - 'a' + 'A');
		const char *cells[] = {label.s, num(lines[i].n, c, sizeof c),
		                       rollup_percent(lines[i].n, r->total.total, p, sizeof p)};
		docout_row(rows, cells, NCOLS(cells));
	}
	sbuf_free(&label);
	struct sbuf b = {0};
	report_period_line(&b, r);
	docout_para(spec, b.s, 0);
	sbuf_free(&b);
}

static void per_document(json_t *spec, const struct report *r)
{
	static const char *const head[] = {"TT", "Văn bản", "Tổng số", "Đã hoàn thành", "Quá hạn",
	                                   "Tỷ lệ hoàn thành"};
	static const int widths[] = {7, 41, 13, 13, 12, 14};
	if (!r->ndocs)
		return;
	docout_heading(spec, 2, "2. Kết quả theo văn bản");
	json_t *rows = docout_table(spec, head, widths, NCOLS(head));
	struct sbuf b = {0};
	for (size_t i = 0; i < r->ndocs; i++) {
		const struct report_doc *d = &r->docs[i];
		char k[24], t[32], dn[32], o[32], p[32];
		sbuf_reset(&b);
		report_doc_name(&b, d, 0);
		if (d->id)
			sbuf_printf(&b, " (#%llu)", (unsigned long long)d->id);
		snprintf(k, sizeof k, "%zu", i + 1);
		const char *cells[] = {k, b.s, num(d->r.total, t, sizeof t), num(d->r.done, dn, sizeof dn),
		                       num(d->r.by_bucket[RB_DUE_OVERDUE], o, sizeof o),
		                       d->r.due ? rollup_percent(d->r.due_done, d->r.due, p, sizeof p) : "—"};
		docout_row(rows, cells, NCOLS(cells));
	}
	sbuf_free(&b);
}

static int is_done(enum rollup_bucket b)
{
	return b == RB_DUE_ON_TIME || b == RB_DUE_LATE || b == RB_NOT_DUE_DONE || b == RB_NO_DATE_DONE;
}

static int is_pending(enum rollup_bucket b)
{
	return b == RB_DUE_PENDING || b == RB_NOT_DUE_PENDING || b == RB_NO_DATE_PENDING;
}

struct report_unit_tally *report_unit_tallies(const struct report *r, size_t *n)
{
	*n = 0;
	if (!r->ntasks)
		return NULL;
	struct report_unit_tally *u = xcalloc(r->ntasks, sizeof *u);
	for (size_t i = 0; i < r->ntasks; i++) {
		const struct report_task *k = &r->tasks[i];
		const char *name = *k->lead_name ? k->lead_name : "Chưa xác định đơn vị chủ trì";
		size_t j = 0;
		while (j < *n && strcmp(u[j].name, name))
			j++;
		if (j == *n)
			u[(*n)++].name = name;
		u[j].total++;
		u[j].done += is_done(k->bucket);
		u[j].pending += is_pending(k->bucket);
		u[j].overdue += k->bucket == RB_DUE_OVERDUE;
		u[j].soon += k->tl.tl == TL_DUE_SOON;
	}
	return u;
}

static void per_unit(json_t *spec, const struct report *r)
{
	static const char *const head[] = {"TT", "Đơn vị chủ trì", "Tổng số", "Đã hoàn thành",
	                                   "Chờ xác nhận", "Quá hạn"};
	static const int widths[] = {7, 43, 13, 13, 12, 12};
	size_t n;
	struct report_unit_tally *u = report_unit_tallies(r, &n);
	if (!u)
		return;
	docout_heading(spec, 2, "3. Kết quả theo đơn vị chủ trì");
	json_t *rows = docout_table(spec, head, widths, NCOLS(head));
	for (size_t j = 0; j < n; j++) {
		char k[24], t[32], d[32], p[32], o[32];
		snprintf(k, sizeof k, "%zu", j + 1);
		const char *cells[] = {k, u[j].name, num(u[j].total, t, sizeof t), num(u[j].done, d, sizeof d),
		                       num(u[j].pending, p, sizeof p), num(u[j].overdue, o, sizeof o)};
		docout_row(rows, cells, NCOLS(cells));
	}
	free(u);
}

static void indicators(json_t *spec, const struct report *r)
{
	static const char *const head[] = {"TT", "Văn bản", "Chỉ tiêu", "Mục tiêu", "Kết quả",
	                                   "Đánh giá"};
	static const int widths[] = {6, 14, 32, 18, 15, 15};
	if (!r->ninds)
		return;
	docout_heading(spec, 2, "4. Các chỉ tiêu");
	json_t *rows = docout_table(spec, head, widths, NCOLS(head));
	struct sbuf goal = {0}, res = {0}, doc = {0};
	for (size_t i = 0; i < r->ninds; i++) {
		const struct report_indicator *ri = &r->inds[i];
		char k[24];
		snprintf(k, sizeof k, "%zu", i + 1);
		sbuf_reset(&goal);
		sbuf_reset(&res);
		sbuf_reset(&doc);
		report_ind_goal(&goal, ri);
		report_ind_result(&res, ri);
		report_doc_ref(&doc, ri->ind.doc_id, ri->doc_number);
		const char *cells[] = {k, doc.s, ri->ind.text, goal.s, res.s, ind_state_label(ri->a.state)};
		docout_row(rows, cells, NCOLS(cells));
	}
	sbuf_free(&goal);
	sbuf_free(&res);
	sbuf_free(&doc);
}

/* Per document, the tasks: a bold line per section and lead unit, then the
 * tasks numbered, with their state and the notes of the period. */
static void task_lists(json_t *spec, const struct report *r)
{
	struct sbuf b = {0};
	char d[11];
	if (!r->ntasks)
		return;
	docout_heading(spec, 2, r->ninds ? "5. Kết quả thực hiện các nhiệm vụ"
	                                 : "4. Kết quả thực hiện các nhiệm vụ");
	for (size_t i = 0; i < r->ndocs; i++) {
		const struct report_doc *doc = &r->docs[i];
		sbuf_reset(&b);
		report_doc_name(&b, doc, 1);
		if (doc->id)
			sbuf_printf(&b, " (#%llu)", (unsigned long long)doc->id);
		docout_para_bold(spec, b.s);
		for (size_t t = doc->first; t < doc->first + doc->ntasks; t++) {
			const struct report_task *k = &r->tasks[t];
			sbuf_reset(&b);
			sbuf_printf(&b, "%s (%s", k->text, *k->lead_name ? k->lead_name : "chưa xác định đơn vị chủ trì");
			if (k->section[0])
				sbuf_printf(&b, ", mục %s", k->section);
			sbuf_puts(&b, "). Thời hạn: ");
			report_task_deadline(&b, k);
			sbuf_puts(&b, ". Tình hình: ");
			report_task_state(&b, k);
			sbuf_putc(&b, '.');
			for (size_t n = 0; n < k->nnotes; n++)
				sbuf_printf(&b, " %s: %s", date_vn(k->notes[n].day, d), k->notes[n].text);
			/* one paragraph per task: its notes' lines joined */
			for (char *p = b.s; *p; p++)
				if (*p == '\n')
					*p = ' ';
			docout_para(spec, b.s, 1);
		}
	}
	sbuf_free(&b);
}

static void late(json_t *spec, const struct report *r)
{
	static const char *const head[] = {"TT", "Văn bản", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn",
	                                   "Tình trạng"};
	static const int widths[] = {6, 14, 32, 18, 15, 15};
	docout_heading(spec, 1, "III. NHIỆM VỤ QUÁ HẠN, CHƯA THỰC HIỆN");
	if (!r->nlate) {
		docout_para(spec, "Không có nhiệm vụ quá hạn.", 0);
		return;
	}
	struct sbuf b = {0};
	sbuf_printf(&b, "Có %zu nhiệm vụ quá hạn chưa hoàn thành (xếp theo số ngày quá hạn):", r->nlate);
	docout_para(spec, b.s, 0);
	json_t *rows = docout_table(spec, head, widths, NCOLS(head));
	struct sbuf dl = {0}, st = {0};
	for (size_t i = 0; i < r->nlate; i++) {
		const struct report_task *k = &r->tasks[r->late[i]];
		char n[24], tl[96];
		const char *number = report_doc_number(r, k->doc);
		snprintf(n, sizeof n, "%zu", i + 1);
		sbuf_reset(&st);
		report_doc_ref(&st, k->doc, number);
		sbuf_reset(&dl);
		report_task_deadline(&dl, k);
		tl_describe(k->tl, tl, sizeof tl);
		const char *cells[] = {n, st.s, k->text, k->lead_name, dl.s, tl};
		docout_row(rows, cells, NCOLS(cells));
	}
	sbuf_free(&b);
	sbuf_free(&dl);
	sbuf_free(&st);
}

/* "- <committee above> (để báo cáo)," for a report going up. */
static void superior_recipient(json_t *spec, const struct hier *h, uint32_t from)
{
	const struct unit *u = hier_unit(h, from);
	const struct unit *up = u && u->parent ? hier_unit(h, u->parent) : NULL;
	/* an agency reports to its committee's superior through it */
	if (up && u->kind != UK_TINH_UY && u->kind != UK_THANH_UY && u->kind != UK_HUYEN_UY &&
	    u->kind != UK_DANG_UY_KHOI && u->kind != UK_DANG_UY_CO_SO) {
		struct sbuf b = {0};
		sbuf_printf(&b, "- Thường trực %s (để báo cáo),", up->name);
		docout_recipient(spec, b.s);
		sbuf_free(&b);
		return;
	}
	if (up) {
		struct sbuf b = {0};
		sbuf_printf(&b, "- %s (để báo cáo),", up->name);
		docout_recipient(spec, b.s);
		sbuf_free(&b);
	}
}

/* IV-VI: what the clerk wrote (report-text.h). */
static void written(json_t *spec, const struct report *r, const struct hier *h, uint32_t from,
                    char *const texts[RT_COUNT])
{
	static const struct {
		const char *heading;  /* a part of its own, or NULL: under the one before */
		const char *sub;      /* a numbered heading of level 2, or NULL */
	} parts[RT_COUNT] = {{"IV. ĐÁNH GIÁ CHUNG", "1. Kết quả đạt được"},
	                     {NULL, "2. Hạn chế, khuyết điểm và nguyên nhân"},
	                     {"V. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", NULL},
	                     {"VI. KIẾN NGHỊ, ĐỀ XUẤT", NULL}};
	const struct unit *u = hier_unit(h, from);
	char period[24];
	report_period_key(&r->period, period, sizeof period);
	for (int i = 0; i < RT_COUNT; i++) {
		if (parts[i].heading)
			docout_heading(spec, 1, parts[i].heading);
		if (parts[i].sub)
			docout_heading(spec, 2, parts[i].sub);
		if (texts && texts[i]) {
			docout_para(spec, texts[i], 0);
		} else {
			struct sbuf b = {0};
			sbuf_printf(&b, "(Chưa có nội dung: theodoi report-text --unit %s --period %s "
			            "--section %s)", u ? u->code : "?", period, rtext_key((enum rtext_section)i));
			docout_para_italic(spec, b.s);
			sbuf_free(&b);
		}
	}
}

json_t *report_document(const struct report *r, const struct hier *h, uint32_t from,
                        const struct docout_sender *s, date_t day, int draft,
                        char *const texts[RT_COUNT])
{
	struct sbuf b = {0};
	report_heading_title(&b, r);
	json_t *spec = docout_new(s, "BC", "BÁO CÁO", b.s, day, draft);
	sbuf_reset(&b);
	report_scope_line(&b, r);
	docout_para(spec, b.s, 0);
	situation(spec, r);
	docout_heading(spec, 1, "II. KẾT QUẢ THỰC HIỆN");
	figures(spec, r);
	per_document(spec, r);
	per_unit(spec, r);
	indicators(spec, r);
	task_lists(spec, r);
	late(spec, r);
	written(spec, r, h, from, texts);
	if (s->recipients[0]) {
		/* as units.ini lists them: "- " before each line that lacks it */
		for (const char *p = s->recipients; *p;) {
			size_t n = strcspn(p, "|");
			char *line = txt_trim(p, n, NULL);
			if (*line) {
				sbuf_reset(&b);
				sbuf_printf(&b, "%s%s", line[0] == '-' ? "" : "- ", line);
				docout_recipient(spec, b.s);
			}
			free(line);
			p += n + (p[n] == '|');
		}
	} else {
		superior_recipient(spec, h, from);
	}
	sbuf_reset(&b);
	sbuf_printf(&b, "- Lưu %s.", s->office);
	docout_recipient(spec, b.s);
	sbuf_free(&b);
	return spec;
}

void remind_reply_line(struct sbuf *b, const char *office, date_t reply_by)
{
	char d[11];
	sbuf_printf(b, "Kết quả thực hiện đề nghị báo cáo về %s trước ngày %s.", office,
	            date_vn(reply_by, d));
}

json_t *remind_document(const struct remind_letter *l, const struct docout_sender *s,
                        date_t today, int days, date_t reply_by, int draft)
{
	static const char *const head[] = {"TT", "Văn bản, mục", "Nhiệm vụ", "Thời hạn", "Tình trạng"};
	static const int widths[] = {7, 20, 37, 18, 18};
	json_t *spec = docout_new(s, "CV", NULL, "V/v đôn đốc thực hiện nhiệm vụ", today, draft);
	struct sbuf b = {0}, dl = {0};
	char d[11], tl[96], w[96];
	sbuf_printf(&b, "Kính gửi: %s", l->name);
	docout_to(spec, b.s);
	sbuf_reset(&b);
	size_t nsoon = l->n - l->noverdue;
	sbuf_printf(&b, "Qua theo dõi việc thực hiện các chương trình, kế hoạch, tính đến ngày %s, %s có ",
	            date_vn(today, d), l->name);
	if (l->noverdue)
		sbuf_printf(&b, "%zu nhiệm vụ quá hạn", l->noverdue);
	if (l->noverdue && nsoon)
		sbuf_puts(&b, " và ");
	if (nsoon)
		sbuf_printf(&b, "%zu nhiệm vụ đến hạn trong %d ngày tới", nsoon, days);
	sbuf_puts(&b, ", cụ thể như sau:");
	docout_para(spec, b.s, 0);
	json_t *rows = NULL;
	for (size_t i = 0; i < l->n; i++) {
		const struct remind_item *it = &l->items[i];
		if (i == 0 && l->noverdue) {
			docout_heading(spec, 2, "1. Nhiệm vụ quá hạn");
			rows = docout_table(spec, head, widths, NCOLS(head));
		}
		if (i == l->noverdue) {
			docout_heading(spec, 2, l->noverdue ? "2. Nhiệm vụ sắp đến hạn" : "1. Nhiệm vụ sắp đến hạn");
			rows = docout_table(spec, head, widths, NCOLS(head));
		}
		char n[24];
		snprintf(n, sizeof n, "%zu", i < l->noverdue ? i + 1 : i - l->noverdue + 1);
		sbuf_reset(&b);
		if (it->doc_number[0])
			sbuf_printf(&b, "%s số %s", report_kind_label(it->doc_kind), it->doc_number);
		else
			sbuf_puts(&b, "Ngoài văn bản");
		if (it->section[0])
			sbuf_printf(&b, ", mục %s", it->section);
		sbuf_reset(&dl);
		sbuf_puts(&dl, it->dl_phrase && *it->dl_phrase ? it->dl_phrase : "không ghi");
		if (it->extended_to != DATE_NONE)
			sbuf_printf(&dl, " (đã gia hạn đến %s)", date_vn(it->extended_to, d));
		else
			sbuf_printf(&dl, " (%s %s)", it->periodic ? "hạn báo cáo" : "hạn", date_vn(it->due, d));
		tl_describe(it->tl, tl, sizeof tl);
		struct sbuf state = {0};
		sbuf_puts(&state, tl);
		if (it->days_late_original > 0)
			sbuf_printf(&state, "; %s (%s)", ops_late_original_text(it->days_late_original, 0, w, sizeof w),
			            date_vn(it->original_due, d));
		const char *cells[] = {n, b.s, it->text, dl.s, state.s};
		docout_row(rows, cells, NCOLS(cells));
		sbuf_free(&state);
	}
	sbuf_reset(&b);
	sbuf_printf(&b, "Đề nghị %s khẩn trương chỉ đạo thực hiện các nhiệm vụ trên, cập nhật tiến độ "
	            "và báo cáo kết quả; nhiệm vụ không thể hoàn thành đúng hạn cần nêu rõ lý do và "
	            "đề xuất gia hạn.", l->name);
	docout_para(spec, b.s, 0);
	sbuf_reset(&b);
	remind_reply_line(&b, s->name, reply_by);
	docout_para(spec, b.s, 0);
	docout_recipient(spec, "- Như trên,");
	sbuf_reset(&b);
	sbuf_printf(&b, "- Lưu %s.", s->office);
	docout_recipient(spec, b.s);
	sbuf_free(&b);
	sbuf_free(&dl);
	return spec;
}
