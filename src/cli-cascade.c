/* cli-cascade.c — cascade: which committees below issued their plan
 * implementing a document, and every body the document obliges. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cascade.h"
#include "cli-report.h"
#include "cli-rows.h"
#include "cli.h"
#include "hier.h"
#include "history.h"
#include "obliged.h"
#include "output.h"
#include "report.h"
#include "store.h"
#include "text.h"
#include "util.h"

#define OPT_FORMAT 'F'

/* ---- cascade ----------------------------------------------------------------- */

static const char cascade_help[] =
	"Cách dùng: theodoi cascade VĂN_BẢN [--depth N] [--format text|csv|json]\n"
	"Cây các văn bản thực hiện VĂN_BẢN: với mỗi cấp ủy trực thuộc cơ quan ban hành (thành ủy,\n"
	"huyện ủy, đảng ủy khối, đảng ủy cơ sở, chi bộ cơ sở), đã ban hành kế hoạch thực hiện\n"
	"chưa, số và ngày, đúng hạn hay chậm so với thời hạn văn bản yêu cầu; các cấp ủy chưa\n"
	"ban hành; các văn bản khác thực hiện VĂN_BẢN; và tiếp tục như vậy với kế hoạch của cấp\n"
	"dưới. VĂN_BẢN là mã (#12) hoặc số (15-CTr/TU). --depth: số cấp tối đa, 1..16 (mặc định\n"
	"hoặc 0: hết).  Kế hoạch thực hiện ghi mã văn bản (#12) trong phần thực hiện cũng được\n"
	"tính.  Sau cây: mọi đơn vị văn bản giao nhiệm vụ (kể cả nghĩa vụ từng đơn vị của nhiệm\n"
	"vụ chung, theodoi expand-task) với số nhiệm vụ, hoàn thành, quá hạn và hạn gần nhất.\n";

static void node_line(struct sbuf *b, const struct hier *h, const struct cascade_node *n)
{
	const struct unit *u = n->unit ? hier_unit(h, n->unit) : NULL;
	char d[11];
	if (n->depth > 0)
		sbuf_printf(b, "%s: ", u ? u->name : "(chưa xác định cơ quan ban hành)");
	if (n->doc)
		rcli_doc_title(b, n->kind, n->number, n->date);
	if (n->depth == 0)
		return;
	sbuf_printf(b, "%s%s", n->doc ? " — " : "", cascade_state_label(n->state));
	if (n->state == CS_LATE)
		sbuf_printf(b, " %d ngày (hạn %s)", n->days, date_vn(n->due, d));
	else if (n->state == CS_OVERDUE)
		sbuf_printf(b, " %d ngày (hạn %s)", n->days, date_vn(n->due, d));
	else if (n->state == CS_MISSING && n->due != DATE_NONE)
		sbuf_printf(b, ", hạn %s", date_vn(n->due, d));
	else if (n->state == CS_ON_TIME || n->state == CS_UNDATED)
		sbuf_printf(b, " (hạn %s)", date_vn(n->due, d));
}

/* 1 if node i is the last child of its parent. */
static int last_child(const struct cascade *c, size_t i)
{
	for (size_t k = i + 1; k < c->n; k++) {
		if (c->nodes[k].depth < c->nodes[i].depth)
			return 1;
		if (c->nodes[k].depth == c->nodes[i].depth)
			return 0;
	}
	return 1;
}

static void cascade_text(struct cli *c, const struct hier *h, const struct cascade *cs)
{
	struct sbuf out = {0}, line = {0}, first = {0}, rest = {0};
	const struct cascade_node *root = &cs->nodes[0];
	const struct unit *iu = root->unit ? hier_unit(h, root->unit) : NULL;
	char d[11];
	rcli_doc_title(&line, root->kind, root->number, root->date);
	if (iu)
		sbuf_printf(&line, " của %s", iu->name);
	report_wrap(&out, line.s, 80, "", "");
	sbuf_reset(&line);
	if (root->title)
		report_wrap(&out, root->title, 80, "", "");
	if (cs->plan_due != DATE_NONE)
		sbuf_printf(&line, "Thời hạn cấp ủy trực thuộc ban hành kế hoạch thực hiện: %s. ",
		            date_vn(cs->plan_due, d));
	cascade_headline(cs, &line);
	report_wrap(&out, line.s, 80, "", "");
	sbuf_putc(&out, '\n');
	fputs(out.s, c->out);
	sbuf_reset(&line);
	/* guides[k]: 1 when the ancestor at depth k still has siblings below */
	int guides[64] = {0};
	for (size_t i = 1; i < cs->n; i++) {
		const struct cascade_node *n = &cs->nodes[i];
		int last = last_child(cs, i), depth = n->depth < 64 ? n->depth : 63;
		sbuf_reset(&first);
		sbuf_reset(&rest);
		for (int k = 1; k < depth; k++) {
			sbuf_puts(&first, guides[k] ? "│   " : "    ");
			sbuf_puts(&rest, guides[k] ? "│   " : "    ");
		}
		sbuf_puts(&first, last ? "└── " : "├── ");
		sbuf_puts(&rest, last ? "    " : "│   ");
		guides[depth] = !last;
		node_line(&line, h, n);
		if (n->cut && n->doc)
			sbuf_puts(&line, " …");
		sbuf_reset(&out);
		report_wrap(&out, line.s, 80, first.s, rest.s);
		sbuf_reset(&line);
		fputs(out.s, c->out);
	}
	if (cs->n == 1)
		fputs("Chưa có văn bản nào thực hiện văn bản này và không có cấp ủy trực thuộc phải ban "
		      "hành kế hoạch.\n", c->out);
	sbuf_free(&out);
	sbuf_free(&line);
	sbuf_free(&first);
	sbuf_free(&rest);
}

static const struct out_col cascade_cols[] = {
	{"depth", "Cấp", OUT_INT, 0, 1, 0},
	{"parent", "Cha", OUT_INT, 0, 1, 0},
	{"state", "Tình trạng", OUT_STR, 0, 0, 0},
	{"unit_code", "Mã", OUT_STR, 0, 0, 0},
	{"unit_name", "Đơn vị", OUT_STR, 30, 0, 0},
	{"doc_id", "Mã VB", OUT_INT, 0, 1, 0},
	{"number", "Số", OUT_STR, 0, 0, 0},
	{"date", "Ngày", OUT_STR, 0, 0, 0},
	{"due", "Hạn", OUT_STR, 0, 0, 0},
	{"days", "Số ngày", OUT_INT, 0, 1, 0},
};

static json_t *node_json(const struct hier *h, const struct cascade *cs, size_t i, size_t *next)
{
	const struct cascade_node *n = &cs->nodes[i];
	const struct unit *u = n->unit ? hier_unit(h, n->unit) : NULL;
	char d1[11], d2[11];
	json_t *o = json_object(), *kids = json_array();
	json_object_set_new(o, "state", json_string(cascade_state_key(n->state)));
	json_object_set_new(o, "unit_code", u ? json_string(u->code) : json_null());
	json_object_set_new(o, "unit_name", u ? json_string(u->name) : json_null());
	json_object_set_new(o, "doc_id", n->doc ? json_integer((json_int_t)n->doc) : json_null());
	json_object_set_new(o, "number", n->doc ? json_string(n->number) : json_null());
	json_object_set_new(o, "date", n->date != DATE_NONE ? json_string(date_iso(n->date, d1)) : json_null());
	json_object_set_new(o, "due", n->due != DATE_NONE ? json_string(date_iso(n->due, d2)) : json_null());
	json_object_set_new(o, "days", json_integer(n->days));
	size_t k = i + 1;
	while (k < cs->n && cs->nodes[k].depth > n->depth)
		json_array_append_new(kids, node_json(h, cs, k, &k));
	json_object_set_new(o, "children", kids);
	*next = k;
	return o;
}

/* The bodies a document obliges, after its tree. */
static void obliged_text(struct cli *c, const struct hier *h, const struct obliged *ob)
{
	char d[11];
	fprintf(c->out, "\nCác đơn vị được giao nhiệm vụ theo văn bản (%zu):\n", ob->n);
	for (size_t i = 0; i < ob->n; i++) {
		const struct obliged_body *b = &ob->v[i];
		const struct unit *u = hier_unit(h, b->unit);
		struct sbuf line = {0}, out = {0};
		sbuf_printf(&line, "%s: %zu nhiệm vụ, %zu hoàn thành, %zu quá hạn", u ? u->name : "?",
		            b->tasks, b->done, b->overdue);
		if (b->next_due != DATE_NONE)
			sbuf_printf(&line, "; hạn gần nhất %s", date_vn(b->next_due, d));
		report_wrap(&out, line.s, 80, "  ", "    ");
		fputs(out.s, c->out);
		sbuf_free(&line);
		sbuf_free(&out);
	}
	if (ob->no_unit) {
		struct sbuf line = {0}, out = {0};
		sbuf_printf(&line, "%zu nhiệm vụ chưa gắn đơn vị chủ trì (xem: theodoi unresolved; "
		            "nhiệm vụ chung của nhiều cơ quan: theodoi expand-task)", ob->no_unit);
		report_wrap(&out, line.s, 80, "  ", "    ");
		fputs(out.s, c->out);
		sbuf_free(&line);
		sbuf_free(&out);
	}
}

static json_t *obliged_json(const struct hier *h, const struct obliged *ob)
{
	json_t *a = json_array();
	char d[11];
	for (size_t i = 0; i < ob->n; i++) {
		const struct obliged_body *b = &ob->v[i];
		const struct unit *u = hier_unit(h, b->unit);
		json_array_append_new(
			a, json_pack("{s:s?, s:s?, s:I, s:I, s:I, s:s?}", "unit_code", u ? u->code : NULL,
			             "unit_name", u ? u->name : NULL, "tasks", (json_int_t)b->tasks, "done",
			             (json_int_t)b->done, "overdue", (json_int_t)b->overdue, "next_due",
			             b->next_due == DATE_NONE ? NULL : date_iso(b->next_due, d)));
	}
	return a;
}

int cmd_cascade(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"format", required_argument, NULL, OPT_FORMAT},
	                                     {"depth", required_argument, NULL, 'n'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {0}};
	int fmt = FMT_TEXT, o, rc;
	long depth = 0;
	while ((o = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (o == 'h')
			return fputs(cascade_help, c->out), 0;
		if (o == 'n') {
			if ((rc = cli_parse_count(optarg, "--depth", 16, &depth, e)))
				return rc;
		} else if (o != OPT_FORMAT) {
			return cli_bad_option("cascade", e);
		} else if ((rc = cli_parse_format(optarg, &fmt, e))) {
			return rc;
		}
	}
	if ((rc = cli_one_operand(argc, "cascade", "văn bản", e)))
		return rc;
	const struct hier *h;
	uint64_t doc;
	struct txn *t;
	if ((rc = rcli_need_hier(c, &h, e)) || (rc = cli_doc(c, argv[optind], &doc, e)) ||
	    (rc = store_read_begin(c->ops.st, &t, e)))
		return rc;
	struct cascade cs;
	struct hist_day hd;
	rc = rows_past(c, &hd) ? cascade_build_past(t, h, doc, c->ops.today, (int)depth, &cs, e)
	                       : cascade_build(t, h, doc, c->ops.today, (int)depth, &cs, e);
	store_read_end(t);
	if (rc)
		return rc;
	/* every body the document obliges, each task as it stood that day */
	struct obliged ob = {0};
	int bodies = 0;
	if (fmt != FMT_CSV && !(rc = store_read_begin(c->ops.st, &t, e))) {
		rc = obliged_of_doc(t, doc, c->ops.today, &c->cfg.periods, rows_past(c, &hd), &ob, e);
		store_read_end(t);
		bodies = !rc;
	}
	if (rc) {
		cascade_free(&cs);
		return rc;
	}
	if (fmt == FMT_TEXT) {
		cascade_text(c, h, &cs);
		if (bodies)
			obliged_text(c, h, &ob);
	} else if (fmt == FMT_JSON) {
		size_t next;
		json_t *j = node_json(h, &cs, 0, &next);
		if (bodies) {
			json_object_set_new(j, "bodies", obliged_json(h, &ob));
			json_object_set_new(j, "tasks_without_unit", json_integer((json_int_t)ob.no_unit));
		}
		json_object_set_new(j, "counts",
		                    json_pack("{s:i, s:i, s:i, s:i, s:i, s:i, s:i}", "required", cs.required,
		                              "issued", cs.issued, "on_time", cs.on_time, "late", cs.late,
		                              "undated", cs.undated, "missing", cs.missing, "overdue",
		                              cs.overdue));
		rc = rcli_json_print(j, c, e);
		json_decref(j);
	} else {
		struct out_table tab;
		out_init(&tab, cascade_cols, OUT_NCOLS(cascade_cols));
		for (size_t i = 0; i < cs.n; i++) {
			const struct cascade_node *n = &cs.nodes[i];
			const struct unit *u = n->unit ? hier_unit(h, n->unit) : NULL;
			char v[4][24], d1[11], d2[11];
			snprintf(v[0], sizeof v[0], "%d", n->depth);
			snprintf(v[1], sizeof v[1], "%s", "");
			if (n->parent != (size_t)-1)
				snprintf(v[1], sizeof v[1], "%zu", n->parent);
			snprintf(v[2], sizeof v[2], "%s", "");
			if (n->doc)
				snprintf(v[2], sizeof v[2], "%llu", (unsigned long long)n->doc);
			snprintf(v[3], sizeof v[3], "%d", n->days);
			const char *cells[] = {v[0], v[1], cascade_state_key(n->state), u ? u->code : "",
			                       u ? u->name : "", v[2], n->number, date_iso(n->date, d1),
			                       date_iso(n->due, d2), v[3]};
			out_row(&tab, cells);
		}
		rc = out_print(&tab, FMT_CSV, c->out);
		out_free(&tab);
	}
	obliged_free(&ob);
	cascade_free(&cs);
	return rc;
}

