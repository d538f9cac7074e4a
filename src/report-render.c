/* report-render.c — the report of results as Markdown and plain text (80
 * columns), and the phrases every format shares; CSV and JSON are in
 * report-data.c. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "output.h"
#include "ops.h"
#include "report.h"
#include "report-internal.h"
#include "text.h"
#include "util.h"

#define TXT_WIDTH 80

int report_format_parse(const char *s)
{
	if (!s)
		return -1;
	if (!strcmp(s, "md") || !strcmp(s, "markdown"))
		return RF_MD;
	if (!strcmp(s, "txt") || !strcmp(s, "text"))
		return RF_TXT;
	if (!strcmp(s, "csv"))
		return RF_CSV;
	if (!strcmp(s, "json"))
		return RF_JSON;
	return -1;
}

/* ---- plain text helpers --------------------------------------------------- */

struct wrap_ctx {
	struct sbuf *out;
	const char *first, *rest;
	int n;
};

static int wrap_line(const char *line, size_t len, void *ctx)
{
	struct wrap_ctx *w = ctx;
	sbuf_puts(w->out, w->n++ ? w->rest : w->first);
	sbuf_add(w->out, line, len);
	sbuf_putc(w->out, '\n');
	return 0;
}

void report_wrap(struct sbuf *out, const char *text, int width, const char *first,
                 const char *rest)
{
	char *clean = txt_sanitize_nl(text ? text : "", 1);
	int wf = txt_width(first), wr = txt_width(rest);
	struct wrap_ctx w = {out, first, rest, 0};
	if (!*clean)
		wrap_line("", 0, &w);
	else
		txt_wrap(clean, width - (wf > wr ? wf : wr), wrap_line, &w);
	free(clean);
}

struct center_ctx {
	struct sbuf *out;
	int width;
};

static int center_line(const char *line, size_t len, void *ctx)
{
	struct center_ctx *c = ctx;
	int pad = (c->width - txt_width_n(line, len)) / 2;
	for (int i = 0; i < pad; i++)
		sbuf_putc(c->out, ' ');
	sbuf_add(c->out, line, len);
	sbuf_putc(c->out, '\n');
	return 0;
}

static void center(struct sbuf *out, const char *text)
{
	char *clean = txt_sanitize(text);
	struct center_ctx c = {out, TXT_WIDTH};
	txt_wrap(clean, TXT_WIDTH, center_line, &c);
	free(clean);
}

/* ---- shared phrases ------------------------------------------------------- */

/* "Chương trình hành động số 15-CTr/TU ngày 10/08/2025 của Tỉnh ủy Sơn Hà" */
void report_doc_name(struct sbuf *b, const struct report_doc *d, int with_issuer)
{
	char date[11];
	if (!d->id) {
		sbuf_puts(b, d->title);
		return;
	}
	sbuf_puts(b, report_kind_label(d->kind));
	if (d->number[0])
		sbuf_printf(b, " số %s", d->number);
	if (d->date != DATE_NONE)
		sbuf_printf(b, " ngày %s", date_vn(d->date, date));
	if (with_issuer && d->issuer_name && *d->issuer_name)
		sbuf_printf(b, " của %s", d->issuer_name);
}

/* "đang thực hiện (30%), quá hạn 146 ngày; đã gia hạn đến 31/12/2026" */
void report_doc_ref(struct sbuf *b, uint64_t id, const char *number)
{
	if (!id)
		sbuf_puts(b, "ngoài văn bản");
	else
		sbuf_printf(b, "#%llu %s", (unsigned long long)id,
		            number && *number ? number : "(không số)");
}

void report_task_state(struct sbuf *b, const struct report_task *k)
{
	char tl[96], d[11];
	tl_describe(k->tl, tl, sizeof tl);
	if (k->bucket == RB_DUE_PENDING || k->bucket == RB_NOT_DUE_PENDING ||
	    k->bucket == RB_NO_DATE_PENDING)
		sbuf_puts(b, "báo cáo hoàn thành, chờ xác nhận"); /* not yet done */
	else if (k->status == ST_DONE || k->status == ST_ON_HOLD)
		sbuf_puts(b, tl);
	else
		sbuf_printf(b, "%s (%u%%), %s", st_label((enum task_status)k->status),
		            (unsigned)k->progress, tl);
	if (k->extended_to != DATE_NONE)
		sbuf_printf(b, "; đã gia hạn đến %s", date_vn(k->extended_to, d));
	if (k->days_late_original > 0) {
		char w[96];
		sbuf_printf(b, ", %s (%s)",
		            ops_late_original_text(k->days_late_original, k->status == ST_DONE, w, sizeof w),
		            date_vn(k->original_due, d));
	}
}

/* "hoàn thành trong quý II/2026 (hạn 30/06/2026)" */
void report_task_deadline(struct sbuf *b, const struct report_task *k)
{
	char d[11];
	sbuf_puts(b, k->dl_phrase && *k->dl_phrase ? k->dl_phrase : "không ghi");
	if (k->due != DATE_NONE && k->extended_to == DATE_NONE)
		sbuf_printf(b, " (%s %s)", k->periodic ? "hạn báo cáo" : "hạn", date_vn(k->due, d));
}

/* "tối thiểu 80%, phấn đấu 90% đến năm 2027" */
void report_ind_goal(struct sbuf *b, const struct report_indicator *ri)
{
	const struct indicator *i = &ri->ind;
	char v[64];
	int parts = 0;
	if (!isnan(i->min)) {
		sbuf_printf(b, "%s %s", ri->a.lower_better ? "không quá" : "tối thiểu",
		            ind_format_value(i->min, i->unit_of, v, sizeof v));
		parts++;
	}
	if (!isnan(i->target))
		sbuf_printf(b, "%sphấn đấu %s", parts++ ? ", " : "", ind_format_value(i->target, i->unit_of, v, sizeof v));
	if (!parts)
		sbuf_puts(b, "không nêu mức");
	if (ri->a.year)
		sbuf_puts(b, " hằng năm");
	if (i->year > 0)
		sbuf_printf(b, " đến năm %d", i->year);
}

/* "85,5% (30/09/2026)" or "chưa có số liệu" */
void report_ind_result(struct sbuf *b, const struct report_indicator *ri)
{
	char v[64], d[11];
	if (!ri->a.has_value) {
		sbuf_puts(b, "chưa có số liệu");
		return;
	}
	sbuf_printf(b, "%s (%s)", ind_format_value(ri->a.value, ri->ind.unit_of, v, sizeof v),
	            date_vn(ri->a.value_date, d));
}

/* The section of a task without its item number: "III.2.1#3" -> "III.2.1". */
static void section_of(const char *s, char *buf, size_t len)
{
	size_t n = strcspn(s, "#");
	if (n >= len)
		n = len - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
}

/* 1 if task i starts a new (section, lead) group within its document. */
static int new_group(const struct report *r, const struct report_doc *d, size_t i)
{
	char a[SECTION_LEN], b[SECTION_LEN];
	if (i == d->first)
		return 1;
	section_of(r->tasks[i].section, a, sizeof a);
	section_of(r->tasks[i - 1].section, b, sizeof b);
	return strcmp(a, b) || r->tasks[i].lead != r->tasks[i - 1].lead ||
	       strcmp(r->tasks[i].lead_name, r->tasks[i - 1].lead_name);
}

static void group_title(struct sbuf *b, const struct report_task *k)
{
	char sec[SECTION_LEN];
	section_of(k->section, sec, sizeof sec);
	if (sec[0])
		sbuf_printf(b, "Mục %s", sec);
	else
		sbuf_puts(b, "Nhiệm vụ khác");
	if (!*k->lead_name)
		sbuf_puts(b, " — chưa xác định đơn vị chủ trì");
	else
		sbuf_printf(b, " — %s%s", k->lead_name, k->lead ? "" : " (chưa xác định được đơn vị)");
}

void report_heading_title(struct sbuf *b, const struct report *r)
{
	char per[48];
	sbuf_puts(b, "Kết quả thực hiện ");
	if (r->doc && r->ndocs)
		report_doc_name(b, &r->docs[0], 1);
	else
		sbuf_puts(b, "các chương trình, kế hoạch");
	sbuf_printf(b, " %s", report_period_label(&r->period, per, sizeof per));
}

void report_scope_line(struct sbuf *b, const struct report *r)
{
	char today[11], from[11], to[11], per[48];
	if (r->unit_name)
		sbuf_printf(b, "Đơn vị: %s và các đơn vị trực thuộc. ", r->unit_name);
	sbuf_printf(b, "Kỳ báo cáo: %s (%s – %s). Số liệu tính đến ngày %s.",
	            report_period_label(&r->period, per, sizeof per), date_vn(r->period.from, from),
	            date_vn(r->period.to, to), date_vn(r->today, today));
}

static void doc_counts(struct sbuf *b, const struct report_doc *d)
{
	char p[32];
	sbuf_printf(b, "%llu nhiệm vụ, đã hoàn thành %llu, quá hạn %llu",
	            (unsigned long long)d->r.total, (unsigned long long)d->r.done,
	            (unsigned long long)d->r.by_bucket[RB_DUE_OVERDUE]);
	if (d->r.due)
		sbuf_printf(b, ", tỷ lệ hoàn thành %s", rollup_percent(d->r.due_done, d->r.due, p, sizeof p));
}

void report_period_line(struct sbuf *b, const struct report *r)
{
	char per[48];
	sbuf_printf(b, "Trong %s: %llu nhiệm vụ được báo cáo hoàn thành; %llu lượt cập nhật tiến độ.",
	            report_period_label(&r->period, per, sizeof per), (unsigned long long)r->done_in_period,
	            (unsigned long long)r->updates_in_period);
}

void report_missing_text(struct sbuf *b, const struct report_missing *m)
{
	char d[11];
	sbuf_printf(b, "%s: chưa ban hành kế hoạch thực hiện %s (hạn %s", m->unit_name, m->number,
	            date_vn(m->due, d));
	if (m->state == CS_OVERDUE)
		sbuf_printf(b, ", đã quá %d ngày", m->days);
	sbuf_puts(b, ").");
}

/* ---- Markdown ------------------------------------------------------------- */

/* Append s as Markdown inline text: one line, the marks escaped. */
static void md_text(struct sbuf *b, const char *s)
{
	static const char marks[] = "\\`*_[]<>|#";
	char *clean = txt_sanitize(s ? s : "");
	for (const char *p = clean; *p;) {
		size_t run = strcspn(p, marks); /* copied as is, up to the next mark */
		sbuf_add(b, p, run);
		p += run;
		if (*p) {
			char esc[2] = {'\\', *p++};
			sbuf_add(b, esc, 2);
		}
	}
	free(clean);
}

/* md_text of a built string */
static void md_buf(struct sbuf *b, struct sbuf *tmp)
{
	md_text(b, tmp->s ? tmp->s : "");
	sbuf_reset(tmp);
}

static void md_task(struct sbuf *b, struct sbuf *tmp, const struct report_task *k)
{
	char d[11];
	sbuf_printf(b, "- **#%llu** ", (unsigned long long)k->id);
	md_text(b, k->text);
	sbuf_puts(b, "  \n  *Thời hạn:* ");
	report_task_deadline(tmp, k);
	md_buf(b, tmp);
	sbuf_puts(b, ". *Tình hình:* ");
	report_task_state(tmp, k);
	md_buf(b, tmp);
	sbuf_puts(b, ".\n");
	for (size_t j = 0; j < k->nnotes; j++) {
		sbuf_printf(b, "  - %s: ", date_vn(k->notes[j].day, d));
		md_text(b, k->notes[j].text);
		sbuf_putc(b, '\n');
	}
}

static void md_figures(struct sbuf *b, const struct rollup *r)
{
	struct rollup_line lines[ROLLUP_LINES];
	size_t n = rollup_lines(r, lines, ROLLUP_LINES);
	char num[32];
	sbuf_puts(b, "| Chỉ số | Số nhiệm vụ |\n|---|---:|\n");
	for (size_t i = 0; i < n; i++) {
		sbuf_puts(b, "| ");
		for (int k = 0; k < lines[i].depth; k++)
			sbuf_puts(b, "&nbsp;&nbsp;&nbsp;");
		sbuf_printf(b, "%s%s%s | %s |\n", lines[i].depth ? "" : "**", lines[i].label,
		            lines[i].depth ? "" : "**", rollup_count_str(lines[i].n, num, sizeof num));
	}
}

static void render_md(const struct report *r, struct sbuf *b)
{
	struct sbuf tmp = {0};
	char *s;
	if (r->unit_name) {
		s = txt_upper(r->unit_name);
		sbuf_puts(b, "**");
		md_text(b, s);
		sbuf_puts(b, "**\n\n");
		free(s);
	}
	sbuf_puts(b, "# BÁO CÁO\n\n## ");
	report_heading_title(&tmp, r);
	md_buf(b, &tmp);
	sbuf_puts(b, "\n\n*");
	report_scope_line(&tmp, r);
	md_buf(b, &tmp);
	sbuf_puts(b, "*\n\n### I. Các văn bản triển khai thực hiện\n\n");
	if (!r->ndocs)
		sbuf_puts(b, "Không có văn bản nào trong phạm vi báo cáo.\n");
	for (size_t i = 0; i < r->ndocs; i++) {
		const struct report_doc *d = &r->docs[i];
		sbuf_printf(b, "%zu. **", i + 1);
		report_doc_name(&tmp, d, 1);
		md_buf(b, &tmp);
		sbuf_puts(b, "**");
		if (d->id)
			sbuf_printf(b, " (#%llu)", (unsigned long long)d->id);
		if (d->id && d->title) {
			sbuf_puts(b, ": ");
			md_text(b, d->title);
		}
		sbuf_puts(b, ".");
		if (d->nimplements) {
			sbuf_puts(b, " Thực hiện: ");
			for (int k = 0; k < d->nimplements; k++) {
				sbuf_puts(b, k ? ", " : "");
				md_text(b, d->implements[k]);
			}
			sbuf_puts(b, ".");
		}
		sbuf_puts(b, " Nhiệm vụ: ");
		doc_counts(&tmp, d);
		md_buf(b, &tmp);
		sbuf_puts(b, ".\n");
	}
	sbuf_puts(b, "\n### II. Kết quả thực hiện nhiệm vụ\n");
	for (size_t i = 0; i < r->ndocs; i++) {
		const struct report_doc *d = &r->docs[i];
		sbuf_printf(b, "\n#### %zu. ", i + 1);
		report_doc_name(&tmp, d, 0);
		md_buf(b, &tmp);
		if (d->id)
			sbuf_printf(b, " (#%llu)", (unsigned long long)d->id);
		sbuf_puts(b, "\n\n");
		s = rollup_sentence(&d->r);
		sbuf_puts(b, "*");
		md_text(b, s);
		sbuf_puts(b, "*\n");
		free(s);
		for (size_t k = d->first; k < d->first + d->ntasks; k++) {
			if (new_group(r, d, k)) {
				sbuf_puts(b, "\n**");
				group_title(&tmp, &r->tasks[k]);
				md_buf(b, &tmp);
				sbuf_puts(b, "**\n\n");
			}
			md_task(b, &tmp, &r->tasks[k]);
		}
	}
	sbuf_puts(b, "\n### III. Các chỉ tiêu\n\n");
	if (!r->ninds)
		sbuf_puts(b, "Không có chỉ tiêu nào trong phạm vi báo cáo.\n");
	else
		sbuf_puts(b, "| Chỉ tiêu | Văn bản | Phụ trách | Mục tiêu | Kết quả | Đánh giá |\n"
		             "|---|---|---|---|---|---|\n");
	for (size_t i = 0; i < r->ninds; i++) {
		const struct report_indicator *ri = &r->inds[i];
		sbuf_puts(b, "| ");
		md_text(b, ri->ind.text);
		sbuf_puts(b, " | ");
		report_doc_ref(&tmp, ri->ind.doc_id, ri->doc_number);
		md_buf(b, &tmp);
		sbuf_puts(b, " | ");
		md_text(b, ri->lead_name);
		sbuf_puts(b, " | ");
		report_ind_goal(&tmp, ri);
		md_buf(b, &tmp);
		sbuf_puts(b, " | ");
		report_ind_result(&tmp, ri);
		md_buf(b, &tmp);
		if (ri->a.year)
			sbuf_printf(b, " | năm %d: %s |\n", ri->a.year, ind_state_label(ri->a.state));
		else
			sbuf_printf(b, " | %s |\n", ind_state_label(ri->a.state));
	}
	sbuf_puts(b, "\n### IV. Nhiệm vụ chậm tiến độ, còn thiếu\n\n");
	sbuf_printf(b, "**1. Nhiệm vụ quá hạn (%zu)**\n\n", r->nlate);
	if (!r->nlate)
		sbuf_puts(b, "Không có nhiệm vụ quá hạn.\n");
	for (size_t i = 0; i < r->nlate; i++) {
		const struct report_task *k = &r->tasks[r->late[i]];
		char tl[96];
		sbuf_printf(b, "- **#%llu** (", (unsigned long long)k->id);
		report_doc_ref(&tmp, k->doc, report_doc_number(r, k->doc));
		md_buf(b, &tmp);
		sbuf_puts(b, ") ");
		md_text(b, k->lead_name);
		sbuf_puts(b, ": ");
		md_text(b, k->text);
		sbuf_printf(b, " — *%s*.\n", tl_describe(k->tl, tl, sizeof tl));
	}
	sbuf_printf(b, "\n**2. Đơn vị chưa ban hành kế hoạch thực hiện (%zu)**\n\n", r->nmissing);
	if (!r->nmissing)
		sbuf_puts(b, "Không có.\n");
	for (size_t i = 0; i < r->nmissing; i++) {
		sbuf_puts(b, "- ");
		report_missing_text(&tmp, &r->missing[i]);
		md_buf(b, &tmp);
		sbuf_putc(b, '\n');
	}
	sbuf_puts(b, "\n### V. Tổng hợp\n\n");
	s = rollup_sentence(&r->total);
	md_text(b, s);
	free(s);
	sbuf_puts(b, "\n\n");
	md_figures(b, &r->total);
	sbuf_puts(b, "\n");
	report_period_line(&tmp, r);
	md_buf(b, &tmp);
	sbuf_putc(b, '\n');
	sbuf_free(&tmp);
}

/* ---- plain text ------------------------------------------------------------ */

static void txt_heading(struct sbuf *b, const char *s)
{
	sbuf_putc(b, '\n');
	report_wrap(b, s, TXT_WIDTH, "", "");
}

/* Wrap the built string tmp with the prefixes, and empty it. */
static void txt_buf(struct sbuf *b, struct sbuf *tmp, const char *first, const char *rest)
{
	report_wrap(b, tmp->s ? tmp->s : "", TXT_WIDTH, first, rest);
	sbuf_reset(tmp);
}

static void txt_task(struct sbuf *b, struct sbuf *tmp, const struct report_task *k)
{
	char d[11], first[32];
	snprintf(first, sizeof first, "  - #%llu ", (unsigned long long)k->id);
	report_wrap(b, k->text, TXT_WIDTH, first, "    ");
	sbuf_puts(tmp, "Thời hạn: ");
	report_task_deadline(tmp, k);
	sbuf_puts(tmp, ". Tình hình: ");
	report_task_state(tmp, k);
	sbuf_putc(tmp, '.');
	txt_buf(b, tmp, "    ", "    ");
	for (size_t j = 0; j < k->nnotes; j++) {
		sbuf_printf(tmp, "%s: %s", date_vn(k->notes[j].day, d), k->notes[j].text);
		txt_buf(b, tmp, "    + ", "      ");
	}
}

static void txt_figures(struct sbuf *b, const struct rollup *r)
{
	struct rollup_line lines[ROLLUP_LINES];
	size_t n = rollup_lines(r, lines, ROLLUP_LINES);
	char num[32];
	for (size_t i = 0; i < n; i++) {
		int indent = 2 + 2 * lines[i].depth;
		for (int k = 0; k < indent; k++)
			sbuf_putc(b, ' ');
		txt_pad(b, lines[i].label, 50 - indent, 0);
		txt_pad(b, rollup_count_str(lines[i].n, num, sizeof num), 12, 1);
		sbuf_putc(b, '\n');
	}
}

static void render_txt(const struct report *r, struct sbuf *b)
{
	struct sbuf tmp = {0};
	char num[32];
	char *s;
	if (r->unit_name) {
		s = txt_upper(r->unit_name);
		report_wrap(b, s, TXT_WIDTH, "", "");
		free(s);
		sbuf_putc(b, '\n');
	}
	center(b, "BÁO CÁO");
	report_heading_title(&tmp, r);
	center(b, tmp.s);
	sbuf_reset(&tmp);
	sbuf_putc(b, '\n');
	report_scope_line(&tmp, r);
	txt_buf(b, &tmp, "", "");
	txt_heading(b, "I. CÁC VĂN BẢN TRIỂN KHAI THỰC HIỆN");
	if (!r->ndocs)
		report_wrap(b, "Không có văn bản nào trong phạm vi báo cáo.", TXT_WIDTH, "", "");
	for (size_t i = 0; i < r->ndocs; i++) {
		const struct report_doc *d = &r->docs[i];
		report_doc_name(&tmp, d, 1);
		if (d->id)
			sbuf_printf(&tmp, " (#%llu)", (unsigned long long)d->id);
		if (d->id && d->title)
			sbuf_printf(&tmp, ": %s", d->title);
		sbuf_putc(&tmp, '.');
		if (d->nimplements) {
			sbuf_puts(&tmp, " Thực hiện: ");
			for (int k = 0; k < d->nimplements; k++)
				sbuf_printf(&tmp, "%s%s", k ? ", " : "", d->implements[k]);
			sbuf_putc(&tmp, '.');
		}
		sbuf_puts(&tmp, " Nhiệm vụ: ");
		doc_counts(&tmp, d);
		sbuf_putc(&tmp, '.');
		snprintf(num, sizeof num, "%zu. ", i + 1);
		txt_buf(b, &tmp, num, "   ");
	}
	txt_heading(b, "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ");
	for (size_t i = 0; i < r->ndocs; i++) {
		const struct report_doc *d = &r->docs[i];
		sbuf_putc(b, '\n');
		report_doc_name(&tmp, d, 0);
		if (d->id)
			sbuf_printf(&tmp, " (#%llu)", (unsigned long long)d->id);
		snprintf(num, sizeof num, "%zu. ", i + 1);
		txt_buf(b, &tmp, num, "   ");
		s = rollup_sentence(&d->r);
		report_wrap(b, s, TXT_WIDTH, "   ", "   ");
		free(s);
		for (size_t k = d->first; k < d->first + d->ntasks; k++) {
			if (new_group(r, d, k)) {
				sbuf_putc(b, '\n');
				group_title(&tmp, &r->tasks[k]);
				txt_buf(b, &tmp, "  ", "  ");
			}
			txt_task(b, &tmp, &r->tasks[k]);
		}
	}
	txt_heading(b, "III. CÁC CHỈ TIÊU");
	if (!r->ninds)
		report_wrap(b, "Không có chỉ tiêu nào trong phạm vi báo cáo.", TXT_WIDTH, "", "");
	for (size_t i = 0; i < r->ninds; i++) {
		const struct report_indicator *ri = &r->inds[i];
		snprintf(num, sizeof num, "%zu. ", i + 1);
		report_wrap(b, ri->ind.text, TXT_WIDTH, num, "   ");
		sbuf_puts(&tmp, "Văn bản: ");
		report_doc_ref(&tmp, ri->ind.doc_id, ri->doc_number);
		sbuf_printf(&tmp, ". Phụ trách: %s. Mục tiêu: ",
		            *ri->lead_name ? ri->lead_name : "chưa xác định");
		report_ind_goal(&tmp, ri);
		sbuf_puts(&tmp, ". Kết quả: ");
		report_ind_result(&tmp, ri);
		if (ri->a.year)
			sbuf_printf(&tmp, ". Đánh giá năm %d: %s.", ri->a.year, ind_state_label(ri->a.state));
		else
			sbuf_printf(&tmp, ". Đánh giá: %s.", ind_state_label(ri->a.state));
		txt_buf(b, &tmp, "   ", "   ");
	}
	txt_heading(b, "IV. NHIỆM VỤ CHẬM TIẾN ĐỘ, CÒN THIẾU");
	sbuf_printf(&tmp, "1. Nhiệm vụ quá hạn (%zu):", r->nlate);
	txt_buf(b, &tmp, "", "");
	if (!r->nlate)
		report_wrap(b, "Không có nhiệm vụ quá hạn.", TXT_WIDTH, "   ", "   ");
	for (size_t i = 0; i < r->nlate; i++) {
		const struct report_task *k = &r->tasks[r->late[i]];
		char tl[96];
		sbuf_printf(&tmp, "#%llu (", (unsigned long long)k->id);
		report_doc_ref(&tmp, k->doc, report_doc_number(r, k->doc));
		sbuf_printf(&tmp, ") %s: %s — %s.", k->lead_name, k->text,
		            tl_describe(k->tl, tl, sizeof tl));
		txt_buf(b, &tmp, "   - ", "     ");
	}
	sbuf_printf(&tmp, "2. Đơn vị chưa ban hành kế hoạch thực hiện (%zu):", r->nmissing);
	txt_buf(b, &tmp, "", "");
	if (!r->nmissing)
		report_wrap(b, "Không có.", TXT_WIDTH, "   ", "   ");
	for (size_t i = 0; i < r->nmissing; i++) {
		report_missing_text(&tmp, &r->missing[i]);
		txt_buf(b, &tmp, "   - ", "     ");
	}
	txt_heading(b, "V. TỔNG HỢP");
	s = rollup_sentence(&r->total);
	report_wrap(b, s, TXT_WIDTH, "", "");
	free(s);
	sbuf_putc(b, '\n');
	txt_figures(b, &r->total);
	sbuf_putc(b, '\n');
	report_period_line(&tmp, r);
	txt_buf(b, &tmp, "", "");
	sbuf_free(&tmp);
}

int report_render(const struct report *r, enum report_format f, struct sbuf *out, struct err *e)
{
	switch (f) {
	case RF_MD: render_md(r, out); return 0;
	case RF_TXT: render_txt(r, out); return 0;
	case RF_CSV: report_render_csv(r, out); return 0;
	case RF_JSON: report_render_json(r, out); return 0;
	}
	return err_set(e, ERR_INPUT, "định dạng báo cáo không hợp lệ");
}

int report_render_file(const struct report *r, enum report_format f, FILE *out, struct err *e)
{
	if (f == RF_CSV || f == RF_JSON)
		return (f == RF_CSV ? report_write_csv(r, out) : report_write_json(r, out))
		               ? err_set(e, ERR_IO, "không ghi được kết quả")
		               : 0;
	struct sbuf b = {0};
	int rc = report_render(r, f, &b, e);
	if (!rc && b.len && fwrite(b.s, 1, b.len, out) != b.len)
		rc = err_set(e, ERR_IO, "không ghi được kết quả");
	sbuf_free(&b);
	return rc;
}
