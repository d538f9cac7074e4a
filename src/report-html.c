/* report-html.c — the report as one self-contained HTML page for leaders
 * who read it on a phone or print it (report-doc.h). */
#include "report-doc.h"

#include <string.h>

#include "hier.h"
#include "report-internal.h"
#include "report-text.h"
#include "rollup.h"
#include "text.h"
#include "timeliness.h"
#include "util.h"

/* Text as HTML: & < > " ' escaped, controls gone, newlines kept as given. */
static void esc(struct sbuf *b, const char *s)
{
	char *clean = txt_sanitize_nl(s ? s : "", 1);
	for (const char *p = clean; *p; p++) {
		switch (*p) {
		case '&': sbuf_puts(b, "&amp;"); break;
		case '<': sbuf_puts(b, "&lt;"); break;
		case '>': sbuf_puts(b, "&gt;"); break;
		case '"': sbuf_puts(b, "&quot;"); break;
		case '\'': sbuf_puts(b, "&#39;"); break;
		default: sbuf_putc(b, *p);
		}
	}
	free(clean);
}

static void tag_text(struct sbuf *b, const char *open, const char *s, const char *close)
{
	sbuf_puts(b, open);
	esc(b, s);
	sbuf_puts(b, close);
}

/* Paragraphs of a text, one <p> per line. */
static void paragraphs(struct sbuf *b, const char *s)
{
	char *clean = txt_sanitize_nl(s, 1);
	for (char *p = clean; *p;) {
		size_t n = strcspn(p, "\n");
		if (n) {
			char *line = xstrndup(p, n);
			tag_text(b, "<p>", line, "</p>\n");
			free(line);
		}
		p += n + (p[n] == '\n');
	}
	free(clean);
}

static const char style[] =
	"<style>\n"
	"body{font-family:'Times New Roman',Times,serif;margin:0 auto;max-width:52rem;padding:1rem;"
	"line-height:1.45;color:#111;background:#fff}\n"
	"header{display:flex;flex-wrap:wrap;justify-content:space-between;text-align:center;gap:1rem}\n"
	"header div{flex:1 1 14rem}.nat{font-weight:bold;text-decoration:underline}\n"
	".date{font-style:italic}.draft{text-align:right;font-weight:bold}\n"
	"h1{text-align:center;font-size:1.3rem;margin:1.2rem 0 .2rem}"
	".subject{text-align:center;font-weight:bold;margin:0 0 1rem}\n"
	"h2{font-size:1.1rem;margin-top:1.4rem}h3{font-size:1rem;font-style:italic}\n"
	"table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.95rem}\n"
	"th,td{border:1px solid #555;padding:.25rem .4rem;vertical-align:top}th{background:#eee}\n"
	"td.n{text-align:right;white-space:nowrap}\n"
	".bar{display:flex;height:.9rem;min-width:6rem;background:#e8e8e8}.bar span{display:block}\n"
	".done{background:#2e7d32}.late{background:#c62828}.soon{background:#f9a825}\n"
	".legend span{display:inline-block;width:.8rem;height:.8rem;margin:0 .2rem 0 .8rem}\n"
	".missing{color:#666;font-style:italic}\n"
	"@media (max-width:40rem){body{padding:.5rem;font-size:.95rem}td,th{padding:.2rem}}\n"
	"@media print{body{max-width:none;padding:0;font-size:12pt}@page{size:A4;margin:2cm 2cm 2cm 3cm}"
	"h2{break-after:avoid}tr{break-inside:avoid}thead{display:table-header-group}"
	".bar{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n"
	"</style>\n";

static void figures(struct sbuf *b, const struct report *r)
{
	struct rollup_line lines[ROLLUP_LINES];
	size_t n = rollup_lines(&r->total, lines, ROLLUP_LINES);
	char c[32], p[32];
	char *sentence = rollup_sentence(&r->total);
	sbuf_puts(b, "<h3>1. Số liệu chung</h3>\n");
	tag_text(b, "<p>", sentence, "</p>\n");
	free(sentence);
	sbuf_puts(b, "<table id=\"figures\"><thead><tr><th>Nội dung</th><th>Số nhiệm vụ</th>"
	             "<th>Tỷ lệ</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < n; i++) {
		sbuf_printf(b, "<tr data-key=\"%s\"><td style=\"padding-left:%drem\">", lines[i].key,
		            lines[i].depth + 1);
		esc(b, lines[i].label);
		sbuf_printf(b, "</td><td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n",
		            rollup_count_str(lines[i].n, c, sizeof c),
		            rollup_percent(lines[i].n, r->total.total, p, sizeof p));
	}
	sbuf_puts(b, "</tbody></table>\n");
}

/* A row per lead unit with a bar: done, overdue, due soon, the rest. */
static void unit_bars(struct sbuf *b, const struct report *r)
{
	size_t n;
	struct report_unit_tally *u = report_unit_tallies(r, &n);
	if (!u)
		return;
	sbuf_puts(b, "<h3>2. Theo đơn vị chủ trì</h3>\n<p class=\"legend\"><span class=\"done\"></span>"
	             "đã hoàn thành<span class=\"late\"></span>quá hạn<span class=\"soon\"></span>sắp "
	             "đến hạn</p>\n<table id=\"units\"><thead><tr><th>Đơn vị chủ trì</th><th>Tổng số"
	             "</th><th>Đã hoàn thành</th><th>Quá hạn</th><th></th></tr></thead><tbody>\n");
	for (size_t j = 0; j < n; j++) {
		double t = (double)u[j].total;
		sbuf_puts(b, "<tr><td>");
		esc(b, u[j].name);
		sbuf_printf(b, "</td><td class=\"n\">%llu</td><td class=\"n\">%llu</td><td class=\"n\">%llu"
		               "</td><td><div class=\"bar\" role=\"img\" aria-label=\"%llu/%llu\">"
		               "<span class=\"done\" style=\"width:%.1f%%\"></span>"
		               "<span class=\"late\" style=\"width:%.1f%%\"></span>"
		               "<span class=\"soon\" style=\"width:%.1f%%\"></span></div></td></tr>\n",
		            (unsigned long long)u[j].total, (unsigned long long)u[j].done,
		            (unsigned long long)u[j].overdue, (unsigned long long)u[j].done,
		            (unsigned long long)u[j].total, 100.0 * (double)u[j].done / t,
		            100.0 * (double)u[j].overdue / t, 100.0 * (double)u[j].soon / t);
	}
	sbuf_puts(b, "</tbody></table>\n");
	free(u);
}

static void late_list(struct sbuf *b, const struct report *r)
{
	struct sbuf dl = {0};
	char tl[96];
	sbuf_puts(b, "<h2>III. NHIỆM VỤ QUÁ HẠN, CHƯA THỰC HIỆN</h2>\n");
	if (!r->nlate) {
		sbuf_puts(b, "<p>Không có nhiệm vụ quá hạn.</p>\n");
		return;
	}
	sbuf_puts(b, "<table id=\"late\"><thead><tr><th>TT</th><th>Văn bản</th><th>Nhiệm vụ</th>"
	             "<th>Đơn vị chủ trì</th><th>Thời hạn</th><th>Tình trạng</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < r->nlate; i++) {
		const struct report_task *k = &r->tasks[r->late[i]];
		const char *number = report_doc_number(r, k->doc);
		sbuf_reset(&dl);
		report_doc_ref(&dl, k->doc, number);
		sbuf_printf(b, "<tr><td class=\"n\">%zu</td>", i + 1);
		tag_text(b, "<td>", dl.s, "</td>");
		sbuf_reset(&dl);
		report_task_deadline(&dl, k);
		tag_text(b, "<td>", k->text, "</td>");
		tag_text(b, "<td>", k->lead_name, "</td>");
		tag_text(b, "<td>", dl.s, "</td>");
		tag_text(b, "<td>", tl_describe(k->tl, tl, sizeof tl), "</td></tr>\n");
	}
	sbuf_puts(b, "</tbody></table>\n");
	sbuf_free(&dl);
	if (r->nmissing) {
		struct sbuf m = {0};
		sbuf_puts(b, "<p>Các cấp ủy chưa ban hành kế hoạch thực hiện theo yêu cầu:</p>\n<ol>\n");
		for (size_t i = 0; i < r->nmissing; i++) {
			sbuf_reset(&m);
			report_missing_text(&m, &r->missing[i]);
			tag_text(b, "<li>", m.s, "</li>\n");
		}
		sbuf_puts(b, "</ol>\n");
		sbuf_free(&m);
	}
}

void report_html(const struct report *r, const struct hier *h, uint32_t from,
                 const struct docout_sender *s, date_t day, char *const texts[4], struct sbuf *b)
{
	static const char *const parts[4] = {
		"IV. ĐÁNH GIÁ CHUNG — 1. Kết quả đạt được",
		"IV. ĐÁNH GIÁ CHUNG — 2. Hạn chế, khuyết điểm và nguyên nhân",
		"V. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "VI. KIẾN NGHỊ, ĐỀ XUẤT"};
	struct sbuf t = {0};
	char when[64], period[24];
	report_heading_title(&t, r);
	sbuf_puts(b, "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
	             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
	tag_text(b, "<title>", t.s, "</title>\n");
	sbuf_puts(b, style);
	sbuf_puts(b, "</head>\n<body>\n<p class=\"draft\">DỰ THẢO</p>\n<header><div>");
	tag_text(b, "<div>", s->superior, "</div>");
	tag_text(b, "<div><b>", s->issuer, "</b></div><div>*</div>");
	sbuf_printf(b, "<div>Số &nbsp;&nbsp;&nbsp;-BC/");
	esc(b, s->symbol);
	sbuf_puts(b, "</div></div><div><div class=\"nat\">ĐẢNG CỘNG SẢN VIỆT NAM</div>"
	             "<div class=\"date\">");
	report_date_words(day, when, sizeof when);
	if (s->place[0]) {
		esc(b, s->place);
		sbuf_puts(b, ", ");
		esc(b, when);
	} else {
		sbuf_putc(b, 'N');
		esc(b, when + 1);
	}
	sbuf_puts(b, "</div></div></header>\n<h1>BÁO CÁO</h1>\n");
	tag_text(b, "<p class=\"subject\">", t.s, "</p>\n");
	sbuf_reset(&t);
	report_scope_line(&t, r);
	tag_text(b, "<p>", t.s, "</p>\n");
	sbuf_puts(b, "<h2>I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN</h2>\n<ol>\n");
	for (size_t i = 0; i < r->ndocs; i++) {
		sbuf_reset(&t);
		report_doc_name(&t, &r->docs[i], 1);
		if (r->docs[i].id)
			sbuf_printf(&t, " (#%llu)", (unsigned long long)r->docs[i].id);
		if (r->docs[i].id && r->docs[i].title && *r->docs[i].title)
			sbuf_printf(&t, " về %s", r->docs[i].title);
		sbuf_printf(&t, ": %llu nhiệm vụ, đã hoàn thành %llu, quá hạn %llu.",
		            (unsigned long long)r->docs[i].r.total, (unsigned long long)r->docs[i].r.done,
		            (unsigned long long)r->docs[i].r.by_bucket[RB_DUE_OVERDUE]);
		tag_text(b, "<li>", t.s, "</li>\n");
	}
	sbuf_puts(b, "</ol>\n<h2>II. KẾT QUẢ THỰC HIỆN</h2>\n");
	figures(b, r);
	unit_bars(b, r);
	late_list(b, r);
	const struct unit *u = hier_unit(h, from);
	report_period_key(&r->period, period, sizeof period);
	for (int i = 0; i < 4; i++) {
		tag_text(b, "<h2>", parts[i], "</h2>\n");
		if (texts && texts[i]) {
			paragraphs(b, texts[i]);
		} else {
			sbuf_reset(&t);
			sbuf_printf(&t, "(Chưa có nội dung: theodoi report-text --unit %s --period %s "
			            "--section %s)", u ? u->code : "?", period, rtext_key((enum rtext_section)i));
			tag_text(b, "<p class=\"missing\">", t.s, "</p>\n");
		}
	}
	sbuf_puts(b, "</body>\n</html>\n");
	sbuf_free(&t);
}
