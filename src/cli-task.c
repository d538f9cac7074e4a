/* cli-task.c — one task: show it, record progress; add documents and
 * tasks.  Extensions: cli-extend.c. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "cli-opts.h"
#include "ops-group.h"
#include "hier.h"
#include "import.h"
#include "output.h"
#include "store.h"
#include "period.h"
#include "text.h"
#include "util.h"

#define OPT_FORMAT 'F'

/* ---- show ---- */

static const char show_help[] =
	"Cách dùng: theodoi show NHIỆM_VỤ [--format text|json]\n"
	"Toàn bộ thông tin một nhiệm vụ: văn bản, mục, chủ trì, phối hợp, nội dung, thời hạn\n"
	"như ghi trong văn bản và ý nghĩa (với thời hạn theo cấp: cấp áp dụng cho đơn vị chủ trì),\n"
	"gia hạn, trạng thái, tình trạng, các kỳ báo cáo của nhiệm vụ định kỳ (đã báo cáo đúng hạn,\n"
	"báo cáo muộn N ngày, chưa báo cáo, chưa đến hạn), các lần cập nhật.\n";

struct show_ctx {
	json_t *arr;
	date_t today;
};

static int upd_json(const struct update *u, void *ctx)
{
	json_t *arr = ctx;
	char d[11];
	json_t *o = json_pack("{s:I, s:s, s:I, s:s}", "id", (json_int_t)u->id, "day",
	                      date_iso(u->day, d), "time", (json_int_t)u->time, "login", u->login);
	json_object_set_new(o, "note", u->note ? json_string(u->note) : json_null());
	json_object_set_new(o, "progress", u->progress >= 0 ? json_integer(u->progress) : json_null());
	json_object_set_new(o, "status_before",
	                    u->status_before >= 0 ? json_string(st_key(u->status_before)) : json_null());
	json_object_set_new(o, "status_after",
	                    u->status_after >= 0 ? json_string(st_key(u->status_after)) : json_null());
	json_object_set_new(o, "period",
	                    u->period != DATE_NONE ? json_string(date_iso(u->period, d)) : json_null());
	json_object_set_new(o, "done_on", u->done_on != DATE_NONE ? json_string(date_iso(u->done_on, d))
	                                                          : json_null());
	json_array_append_new(arr, o);
	return 0;
}

static int ext_json(const struct extension *x, void *ctx)
{
	json_t *arr = ctx;
	char d1[11], d2[11];
	json_t *o = json_pack("{s:I, s:I, s:s, s:s?, s:s, s:s}", "id", (json_int_t)x->id, "time",
	                      (json_int_t)x->time, "login", x->login, "from",
	                      x->from == DATE_NONE ? NULL : date_iso(x->from, d1), "to",
	                      date_iso(x->to, d2), "reason", x->reason ? x->reason : "");
	json_object_set_new(o, "day", x->day != DATE_NONE ? json_string(date_iso(x->day, d1)) : json_null());
	json_object_set_new(o, "state", json_string(ops_ext_state_key(x->state)));
	json_object_set_new(o, "state_label", json_string(ops_ext_state_label(x->state)));
	json_object_set_new(o, "late", json_boolean(x->late));
	json_object_set_new(o, "decided_by", x->decided_by[0] ? json_string(x->decided_by) : json_null());
	json_object_set_new(o, "decided",
	                    x->decided != DATE_NONE ? json_string(date_iso(x->decided, d1)) : json_null());
	json_object_set_new(o, "decision", x->decision ? json_string(x->decision) : json_null());
	json_array_append_new(arr, o);
	return 0;
}

static json_t *unit_json(const struct hier *h, uint32_t id, const char *text)
{
	const struct unit *u = id ? hier_unit(h, id) : NULL;
	if (!u)
		return json_pack("{s:n, s:s?}", "code", "name", text);
	return json_pack("{s:s, s:s}", "code", u->code, "name", u->name);
}

#define SHOW_PERIODS 60

static const char *const level_words[] = {
	[PER_LEVEL_NONE] = NULL, [PER_LEVEL_PROVINCE] = "cấp tỉnh",
	[PER_LEVEL_DISTRICT] = "cấp huyện", [PER_LEVEL_GRASSROOTS] = "cấp cơ sở",
};

/* The periods of a recurring task as of today (the latest SHOW_PERIODS),
 * and for a multi-level deadline the level that applies, into o. */
static int periods_json(struct cli *c, struct txn *t, const struct task *k, json_t *o,
                        struct err *e)
{
	struct per_task pt;
	struct per_log log = {0};
	struct per_period v[SHOW_PERIODS];
	char name[48], d1[11], d2[11], d3[11];
	int rc = per_task_load(t, k, &c->cfg.periods, &pt, &log, e);
	if (rc)
		return rc;
	if (k->dl.d.kind == DL_MULTI)
		json_object_set_new(o, "level", level_words[pt.level] ? json_string(level_words[pt.level])
		                                                      : json_null());
	size_t n = per_periods(&pt, &log, c->ops.today, v, SHOW_PERIODS);
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *p = json_pack("{s:s, s:s, s:s, s:s, s:s}", "period",
		                      per_name(&pt, v[i].report, name, sizeof name), "begin",
		                      date_iso(v[i].begin, d1), "report", date_iso(v[i].report, d2),
		                      "state", per_state_key(v[i].state), "state_label",
		                      per_state_label(v[i].state));
		json_object_set_new(p, "reported", v[i].reported == DATE_NONE
		                                       ? json_null()
		                                       : json_string(date_iso(v[i].reported, d3)));
		json_object_set_new(p, "late_days",
		                    v[i].state == PER_LATE ? json_integer(v[i].late) : json_null());
		json_array_append_new(arr, p);
	}
	if (per_recurring_part(&k->dl))
		json_object_set_new(o, "periods", arr);
	else
		json_decref(arr);
	/* each update's period by name */
	size_t i;
	json_t *u;
	date_t d;
	json_array_foreach(json_object_get(o, "updates"), i, u) {
		const char *p = json_string_value(json_object_get(u, "period"));
		if (p && date_parse(p, &d, NULL) == 0)
			json_object_set_new(u, "period_name",
			                    json_string(per_name(&pt, d, name, sizeof name)));
	}
	per_log_free(&log);
	return 0;
}

/* The whole task as JSON, with its updates (newest first) and extensions. */
static int task_json(struct cli *c, struct txn *t, const struct hier *h, const struct task *k,
                     json_t **out, struct err *e)
{
	struct doc d = {0};
	if (k->doc_id && store_doc_get(t, k->doc_id, &d, e) != 0)
		memset(&d, 0, sizeof d);
	struct tl_input in = {k->status, &k->dl, k->due, k->done_date, &c->cfg.periods};
	struct tl_result r = tl_compute(&in, c->ops.today, c->cfg.soon_days);
	char due[11], done[11], ext[11], tl[64], desc[256];
	json_t *partners = json_array();
	for (int i = 0; i < k->npartners; i++)
		json_array_append_new(partners, unit_json(h, k->partners[i], NULL));
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer((json_int_t)k->id));
	json_object_set_new(o, "doc_id", k->doc_id ? json_integer((json_int_t)k->doc_id) : json_null());
	json_object_set_new(o, "doc_number", d.number[0] ? json_string(d.number) : json_null());
	json_object_set_new(o, "doc_title", d.title ? json_string(d.title) : json_null());
	json_object_set_new(o, "section", json_string(k->section));
	json_object_set_new(o, "lead", unit_json(h, k->lead, k->lead_text));
	if (!k->lead && imp_lead_is_group(k->lead_text)) /* no single unit leads it */
		json_object_set_new(json_object_get(o, "lead"), "group", json_true());
	json_object_set_new(o, "lead_text", k->lead_text ? json_string(k->lead_text) : json_null());
	json_object_set_new(o, "partners", partners);
	json_object_set_new(o, "partners_text", k->partners_text ? json_string(k->partners_text) : json_null());
	json_object_set_new(o, "text", json_string(k->text ? k->text : ""));
	json_object_set_new(o, "deadline_phrase", k->dl_phrase ? json_string(k->dl_phrase) : json_null());
	json_object_set_new(o, "deadline", dl_to_json(&k->dl));
	json_object_set_new(o, "deadline_meaning", json_string(dl_describe(&k->dl, desc, sizeof desc)));
	json_object_set_new(o, "extended_to",
	                    k->extended_to == DATE_NONE ? json_null() : json_string(date_iso(k->extended_to, ext)));
	json_object_set_new(o, "due", k->due == DATE_NONE ? json_null() : json_string(date_iso(k->due, due)));
	json_object_set_new(o, "status", json_string(st_key(k->status)));
	json_object_set_new(o, "status_label", json_string(st_label(k->status)));
	json_object_set_new(o, "progress", json_integer(k->progress));
	json_object_set_new(o, "confirm", json_string(ops_confirm_key(k->confirm)));
	json_object_set_new(o, "confirm_label", json_string(ops_confirm_label(k->confirm)));
	json_object_set_new(o, "done_date",
	                    k->done_date == DATE_NONE ? json_null() : json_string(date_iso(k->done_date, done)));
	json_object_set_new(o, "timeliness", json_string(tl_key(r.tl)));
	json_object_set_new(o, "timeliness_label", json_string(tl_describe(r, tl, sizeof tl)));
	json_object_set_new(o, "days_overdue",
	                    r.tl == TL_OVERDUE || r.tl == TL_UNREPORTED ? json_integer(r.days) : json_null());
	date_t orig;
	int late = ops_late_original(k, &c->cfg.periods, c->ops.today, &orig);
	json_object_set_new(o, "original_due", orig != DATE_NONE ? json_string(date_iso(orig, due)) : json_null());
	json_object_set_new(o, "days_late_original", orig != DATE_NONE ? json_integer(late) : json_null());
	size_t ob_total = 0, ob_done = 0;
	if (ops_group_rollup(t, k, &ob_total, &ob_done, NULL) == 0 && ob_total)
		json_object_set_new(o, "obligations", json_pack("{s:I, s:I}", "units",
		                                                (json_int_t)ob_total, "done",
		                                                (json_int_t)ob_done));
	if (k->group_open) { /* a container: its status is its obligations' */
		char lab[64];
		json_object_set_new(o, "group_open", json_true());
		json_object_set_new(o, "status", json_string(OPS_GROUP_TL_KEY));
		json_object_set_new(o, "status_label",
		                    json_string(ops_group_label(ob_total, ob_done, lab, sizeof lab)));
		json_object_set_new(o, "progress", json_integer(ops_group_percent(ob_total, ob_done)));
		json_object_set_new(o, "timeliness", json_string(OPS_GROUP_TL_KEY));
		json_object_set_new(o, "timeliness_label", json_string(OPS_GROUP_TL_LABEL));
		json_object_set_new(o, "days_overdue", json_null());
	}
	json_t *upd = json_array(), *exts = json_array();
	int rc = store_updates_of_task(t, k->id, upd_json, upd, e);
	if (!rc)
		rc = store_extensions_of_task(t, k->id, ext_json, exts, e);
	json_object_set_new(o, "updates", upd);
	json_object_set_new(o, "extensions", exts);
	if (!rc)
		rc = periods_json(c, t, k, o, e);
	doc_free(&d);
	if (rc) {
		json_decref(o);
		return rc;
	}
	*out = o;
	return 0;
}

static int wrap_line(const char *line, size_t len, void *ctx)
{
	fprintf(ctx, "    %.*s\n", (int)len, line);
	return 0;
}

struct field_wrap {
	FILE *f;
	const char *label;
	int first;
};

static int field_line(const char *line, size_t len, void *ctx)
{
	struct field_wrap *w = ctx;
	struct sbuf b = {0};
	txt_pad(&b, w->first ? w->label : "", 16, 0);
	fprintf(w->f, "%s %.*s\n", b.s, (int)len, line);
	sbuf_free(&b);
	w->first = 0;
	return 0;
}

/* "Label:          value", the value wrapped to 80 columns under itself. */
static void field(FILE *f, const char *label, const char *value)
{
	char *clean = txt_sanitize(value ? value : "");
	struct field_wrap w = {f, label, 1};
	txt_wrap(clean, 80 - 17, field_line, &w);
	if (w.first)
		field_line("", 0, &w);
	free(clean);
}

static const char *jstr(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

/* An ISO date of o as dd/mm/yyyy (into buf), for the text form. */
static const char *jdate(json_t *o, const char *k, char *buf)
{
	date_t d;
	const char *s = jstr(o, k);
	return *s && date_parse(s, &d, NULL) == 0 ? date_vn(d, buf) : s;
}

/* Human form of task_json(). */
static void show_text(FILE *f, json_t *o)
{
	char buf[512], d1[16], d2[16];
	json_t *lead = json_object_get(o, "lead");
	fprintf(f, "Nhiệm vụ #%lld\n", (long long)json_integer_value(json_object_get(o, "id")));
	snprintf(buf, sizeof buf, "%s — %s",
	         *jstr(o, "doc_number") ? jstr(o, "doc_number") : "(không số)", jstr(o, "doc_title"));
	field(f, "Văn bản:", buf);
	field(f, "Mục:", jstr(o, "section"));
	const char *name = jstr(lead, "name");
	if (json_is_string(json_object_get(lead, "code")))
		snprintf(buf, sizeof buf, "%s (%s)", name, jstr(lead, "code"));
	else /* no unit: the name as written, if any, and why (no space before a lone note) */
		snprintf(buf, sizeof buf, "%s%s%s", name, *name ? " " : "",
		         json_is_true(json_object_get(lead, "group")) ? "(nhiệm vụ chung của nhiều cơ quan)"
		                                                      : "(chưa xác định đơn vị)");
	field(f, "Chủ trì:", buf);
	struct sbuf p = {0};
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(o, "partners"), i, v) {
		if (i)
			sbuf_puts(&p, ", ");
		sbuf_puts(&p, jstr(v, "name"));
	}
	if (!p.len && json_is_string(json_object_get(o, "partners_text")))
		sbuf_puts(&p, jstr(o, "partners_text"));
	field(f, "Phối hợp:", p.s ? p.s : "—");
	sbuf_free(&p);
	json_t *ob = json_object_get(o, "obligations");
	if (ob) { /* a group task opened to its units (expand-task) */
		snprintf(buf, sizeof buf, "%lld/%lld đơn vị đã thực hiện",
		         (long long)json_integer_value(json_object_get(ob, "done")),
		         (long long)json_integer_value(json_object_get(ob, "units")));
		field(f, "Các đơn vị:", buf);
	}
	fprintf(f, "Nội dung:\n");
	char *text = txt_sanitize(jstr(o, "text"));
	txt_wrap(text, 74, wrap_line, f);
	free(text);
	field(f, "Thời hạn:", json_is_string(json_object_get(o, "deadline_phrase")) ? jstr(o, "deadline_phrase") : "(không ghi)");
	field(f, "Nghĩa là:", jstr(o, "deadline_meaning"));
	if (json_is_string(json_object_get(o, "level")))
		field(f, "Áp dụng:", jstr(o, "level"));
	if (json_is_string(json_object_get(o, "original_due")))
		field(f, "Hạn ban đầu:", jdate(o, "original_due", d1));
	if (json_is_string(json_object_get(o, "extended_to")))
		field(f, "Gia hạn đến:", jdate(o, "extended_to", d1));
	field(f, "Hạn hiệu lực:", json_is_string(json_object_get(o, "due")) ? jdate(o, "due", d1) : "—");
	snprintf(buf, sizeof buf, "%s, %lld%%", jstr(o, "status_label"),
	         (long long)json_integer_value(json_object_get(o, "progress")));
	field(f, "Trạng thái:", buf);
	long long late = json_integer_value(json_object_get(o, "days_late_original"));
	if (late > 0) {
		char w[96];
		snprintf(buf, sizeof buf, "%s; %s", jstr(o, "timeliness_label"),
		         ops_late_original_text((int)late, !strcmp(jstr(o, "status"), "done"), w, sizeof w));
		field(f, "Tình trạng:", buf);
	} else {
		field(f, "Tình trạng:", jstr(o, "timeliness_label"));
	}
	if (strcmp(jstr(o, "confirm"), "none"))
		field(f, "Xác nhận:", jstr(o, "confirm_label"));
	json_array_foreach(json_object_get(o, "extensions"), i, v) {
		struct sbuf x = {0};
		sbuf_printf(&x, "#%lld %s → %s (%s", (long long)json_integer_value(json_object_get(v, "id")),
		            json_is_string(json_object_get(v, "from")) ? jdate(v, "from", d1) : "—",
		            jdate(v, "to", d2), jstr(v, "state_label"));
		if (json_is_string(json_object_get(v, "day")))
			sbuf_printf(&x, ", %s %s", jdate(v, "day", d1), jstr(v, "login"));
		if (json_is_true(json_object_get(v, "late")))
			sbuf_puts(&x, ", gia hạn sau khi đã quá hạn");
		sbuf_printf(&x, "): %s", jstr(v, "reason"));
		if (json_is_string(json_object_get(v, "decided_by"))) {
			sbuf_printf(&x, " — %s ngày %s", jstr(v, "decided_by"), jdate(v, "decided", d1));
			if (json_is_string(json_object_get(v, "decision")))
				sbuf_printf(&x, ": %s", jstr(v, "decision"));
		}
		field(f, i ? "" : "Các lần gia hạn:", x.s);
		sbuf_free(&x);
	}
	json_t *pers = json_object_get(o, "periods");
	if (json_is_array(pers))
		fprintf(f, "Các kỳ báo cáo (%zu):\n", json_array_size(pers));
	json_array_foreach(pers, i, v) {
		struct sbuf b = {0};
		sbuf_printf(&b, "  %s (hạn %s): ", jstr(v, "period"), jdate(v, "report", d1));
		if (!strcmp(jstr(v, "state"), "late"))
			sbuf_printf(&b, "báo cáo muộn %lld ngày (%s)",
			            (long long)json_integer_value(json_object_get(v, "late_days")),
			            jdate(v, "reported", d2));
		else if (!strcmp(jstr(v, "state"), "on_time"))
			sbuf_printf(&b, "%s (%s)", jstr(v, "state_label"), jdate(v, "reported", d2));
		else
			sbuf_puts(&b, jstr(v, "state_label"));
		fprintf(f, "%s\n", b.s);
		sbuf_free(&b);
	}
	json_t *upd = json_object_get(o, "updates");
	fprintf(f, "Cập nhật (%zu):\n", json_array_size(upd));
	json_array_foreach(upd, i, v) {
		struct sbuf b = {0};
		sbuf_printf(&b, "  %s %s:", jdate(v, "day", d1), jstr(v, "login"));
		if (json_is_string(json_object_get(v, "status_after"))) {
			int s = st_parse(jstr(v, "status_after"));
			sbuf_printf(&b, " [%s]", s >= 0 ? st_label(s) : "");
		}
		if (json_is_string(json_object_get(v, "period_name")))
			sbuf_printf(&b, " (báo cáo %s)", jstr(v, "period_name"));
		if (json_is_integer(json_object_get(v, "progress")))
			sbuf_printf(&b, " %lld%%", (long long)json_integer_value(json_object_get(v, "progress")));
		if (json_is_string(json_object_get(v, "done_on")))
			sbuf_printf(&b, " (xong ngày %s)", jdate(v, "done_on", d2));
		if (json_is_string(json_object_get(v, "note"))) {
			char *n = txt_sanitize(jstr(v, "note"));
			sbuf_printf(&b, " %s", n);
			free(n);
		}
		fprintf(f, "%s\n", b.s);
		sbuf_free(&b);
	}
}

int cmd_show(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, OPT_FORMAT}, {"help", no_argument, NULL, 'h'}, {0}};
	int fmt = FMT_TEXT, o, rc;
	while ((o = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (o == 'h')
			return fputs(show_help, c->out), 0;
		if (o != OPT_FORMAT || (fmt = cli_format(optarg)) < 0 || fmt == FMT_CSV)
			return err_set(e, ERR_USAGE, "định dạng cho show: text hoặc json");
	}
	uint64_t id;
	if ((rc = cli_one_operand(argc, "show", "mã nhiệm vụ", e)) ||
	    (rc = cli_task_id(argv[optind], &id, e)))
		return rc;
	const struct hier *h;
	struct txn *t;
	if ((rc = cli_store(c, 0, e)) || (rc = cli_hier(c, &h, e)) ||
	    (rc = store_read_begin(c->ops.st, &t, e)))
		return rc;
	struct task k = {0};
	json_t *j = NULL;
	rc = store_task_get(t, id, &k, e);
	if (rc == ERR_NOTFOUND)
		rc = err_set(e, ERR_NOTFOUND, "không tìm thấy nhiệm vụ #%llu", (unsigned long long)id);
	if (!rc)
		rc = task_json(c, t, h, &k, &j, e);
	store_read_end(t);
	task_free(&k);
	if (rc)
		return rc;
	if (fmt == FMT_JSON)
		rc = out_json_print(j, c->out);
	else
		show_text(c->out, j);
	json_decref(j);
	return rc;
}

/* ---- update ---- */

static const char update_help[] =
	"Cách dùng: theodoi update NHIỆM_VỤ [--status TT] [--progress N] [--note \"GHI CHÚ\"]\n"
	"                       [--done-on NGÀY] [--period KỲ]\n"
	"Ghi nhận tiến độ: trạng thái (chua-thuc-hien, dang-thuc-hien, hoan-thanh, tam-dung),\n"
	"phần trăm hoàn thành 0..100, ghi chú. Tiến độ 100 nghĩa là hoàn thành.\n"
	"--done-on NGÀY: khi báo hoàn thành muộn, ngày công việc thực sự xong (không sau\n"
	"hôm nay, không trước ngày giao nhiệm vụ); đúng hạn hay quá hạn tính theo ngày đó,\n"
	"ngày nhập vẫn được ghi lại.\n"
	"Nhiệm vụ định kỳ (thường xuyên, hằng năm): mỗi cập nhật là báo cáo của một kỳ; mặc định là\n"
	"kỳ sớm nhất đã quá hạn mà chưa báo cáo, nếu không có thì kỳ hiện tại. --period chọn kỳ:\n"
	"ngày báo cáo (31/12/2025, 2025-12-31), năm (2025), quý (Q2/2026, \"quý II/2026\"),\n"
	"nửa năm (H1/2026), tháng (6/2026, \"tháng 6/2026\"); không được sau kỳ hiện tại.\n"
	"Hoàn thành một nhiệm vụ định kỳ là hoàn thành kỳ đó; kỳ sau vẫn phải báo cáo.\n";

/* The report date of the period named by text for task id (period.h,
 * per_parse); ops checks it again in its transaction. */
static int read_period(struct cli *c, uint64_t id, const char *text, date_t *out, struct err *e)
{
	struct txn *t;
	struct task k = {0};
	struct per_task pt;
	int rc = store_read_begin(c->ops.st, &t, e);
	if (rc)
		return rc;
	rc = store_task_get(t, id, &k, e);
	if (rc == ERR_NOTFOUND)
		rc = err_set(e, ERR_NOTFOUND, "không tìm thấy nhiệm vụ #%llu", (unsigned long long)id);
	if (!rc && !(rc = per_task_load(t, &k, &c->cfg.periods, &pt, NULL, e)))
		rc = per_parse(&pt, text, c->ops.today, out, e);
	store_read_end(t);
	task_free(&k);
	if (rc == ERR_INPUT) {
		char msg[sizeof e->msg];
		str_copy(msg, e->msg, sizeof msg);
		err_set(e, ERR_INPUT, "--period: %s", msg);
		str_copy(e->field, "--period", sizeof e->field);
	}
	return rc;
}

int cmd_update(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"status", required_argument, NULL, 's'},
	                                     {"progress", required_argument, NULL, 'p'},
	                                     {"note", required_argument, NULL, 'm'},
	                                     {"period", required_argument, NULL, 'P'},
	                                     {"done-on", required_argument, NULL, 'D'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {0}};
	int o, rc, status = -1;
	long progress = -1;
	const char *note = NULL, *period = NULL;
	date_t done_on = DATE_NONE;
	while ((o = getopt_long(argc, argv, "hs:p:m:", opts, NULL)) != -1) {
		switch (o) {
		case 'h': return fputs(update_help, c->out), 0;
		case 's':
			if ((status = st_parse(optarg)) < 0) {
				str_copy(e->field, "--status", sizeof e->field);
				return err_set(e, ERR_INPUT, "trạng thái không hợp lệ: '%s' (chua-thuc-hien, "
				               "dang-thuc-hien, hoan-thanh, tam-dung)", optarg);
			}
			break;
		case 'p':
			if (str_to_long(optarg, 0, 100, &progress)) {
				str_copy(e->field, "--progress", sizeof e->field);
				return err_set(e, ERR_INPUT, "tiến độ phải là số nguyên từ 0 đến 100, không phải '%s'",
				               optarg);
			}
			break;
		case 'm': note = optarg; break;
		case 'P': period = optarg; break;
		case 'D':
			if ((rc = date_parse(optarg, &done_on, e))) {
				str_copy(e->field, "--done-on", sizeof e->field);
				return ERR_INPUT;
			}
			break;
		default: return cli_bad_option("update", e);
		}
	}
	uint64_t id, uid;
	if ((rc = cli_one_operand(argc, "update", "mã nhiệm vụ", e)) ||
	    (rc = cli_task_id(argv[optind], &id, e)) || (rc = cli_store(c, 0, e)))
		return rc;
	struct ops_update_req q = {id, status, (int)progress, note, done_on, DATE_NONE};
	if (period && (rc = read_period(c, id, period, &q.period, e)))
		return rc;
	if ((rc = ops_update_req(&c->ops, &q, &uid, e))) {
		if (!strcmp(e->field, "done_on"))
			str_copy(e->field, "--done-on", sizeof e->field);
		return rc;
	}
	fprintf(c->out, "Đã ghi cập nhật #%llu cho nhiệm vụ #%llu.\n", (unsigned long long)uid,
	        (unsigned long long)id);
	return 0;
}

/* ---- add-doc ---- */

static const char add_doc_help[] =
	"Cách dùng: theodoi add-doc --title \"TRÍCH YẾU\" [--number SỐ] [--kind LOẠI]\n"
	"                           [--date NGÀY] [--issuer ĐƠN_VỊ] [--implements SỐ,SỐ...]\n"
	"                           [--plan-due NGÀY]\n"
	"Thêm một văn bản. LOẠI lấy từ số văn bản nếu không ghi (52-CTr/TU: CTr).\n"
	"--plan-due: hạn để các đơn vị cấp dưới ban hành kế hoạch thực hiện. In mã văn bản mới.\n";

/* "52-CTr/TU" -> "CTr"; "" if the number has no kind. */
static void kind_of_number(const char *num, char *kind, size_t len)
{
	const char *dash = strchr(num, '-'), *slash = dash ? strchr(dash, '/') : NULL;
	kind[0] = '\0';
	if (dash && slash && (size_t)(slash - dash - 1) < len && slash > dash + 1)
		snprintf(kind, len, "%.*s", (int)(slash - dash - 1), dash + 1);
}

int cmd_add_doc(struct cli *c, int argc, char **argv, struct err *e)
{
	struct doc d = {0};
	d.date = d.plan_due = DATE_NONE;
	const char *issuer = NULL, *impl = NULL;
	int o, rc = 0;
	while (!rc && (o = getopt_long(argc, argv, "ht:n:k:d:i:", cli_doc_options, NULL)) != -1) {
		switch (o) {
		case 'h': doc_free(&d); return fputs(add_doc_help, c->out), 0;
		case 't': free(d.title); rc = txt_clean_input(optarg, 2000, 0, &d.title, e); break;
		case 'n':
			if (strlen(optarg) >= sizeof d.number)
				rc = err_set(e, ERR_USAGE, "số văn bản quá dài: '%s'", optarg);
			else
				str_copy(d.number, optarg, sizeof d.number);
			break;
		case 'k': str_copy(d.kind, optarg, sizeof d.kind); break;
		case 'd': rc = date_parse(optarg, &d.date, e); break;
		case 'P': rc = date_parse(optarg, &d.plan_due, e); break;
		case 'i': issuer = optarg; break;
		case 'I': impl = optarg; break;
		default: rc = cli_bad_option("add-doc", e);
		}
	}
	if (!rc && !d.title)
		rc = err_set(e, ERR_USAGE, "add-doc cần --title");
	if (!rc && optind != argc)
		rc = err_set(e, ERR_USAGE, "tham số thừa: '%s'", argv[optind]);
	if (!rc && !d.kind[0])
		kind_of_number(d.number, d.kind, sizeof d.kind);
	if (!rc && impl)
		rc = cli_doc_numbers(impl, &d.implements, &d.nimplements, e);
	if (!rc)
		rc = cli_store(c, 0, e);
	if (!rc && issuer)
		rc = cli_unit(c, issuer, &d.issuer, e);
	if (!rc && !issuer)
		d.issuer = c->ops.who.unit;
	if (!rc && !(rc = ops_add_doc(&c->ops, &d, e)))
		fprintf(c->out, "%llu\n", (unsigned long long)d.id);
	doc_free(&d);
	return rc;
}

/* ---- add-task ---- */

static const char add_task_help[] =
	"Cách dùng: theodoi add-task --doc VĂN_BẢN --text \"NỘI DUNG\" [--section MỤC]\n"
	"                            [--lead ĐƠN_VỊ] [--partners ĐV,ĐV...] [--deadline \"THỜI HẠN\"]\n"
	"Thêm một nhiệm vụ vào văn bản. THỜI HẠN ghi như trong văn bản, ví dụ\n"
	"\"hoàn thành trong quý II/2027\", \"trong quý hai năm 2027\", \"trước ngày 30/6/2027\",\n"
	"\"thực hiện thường xuyên\", \"vào tháng 12 hằng năm\", \"báo cáo hằng quý\",\n"
	"\"định kỳ 6 tháng một lần\", \"theo yêu cầu của Trung ương\" (xem man theodoi,\n"
	"mục DEADLINES AND TIMELINESS). In mã nhiệm vụ mới.\n";

int cmd_add_task(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"doc", required_argument, NULL, 'd'},
	                                     {"text", required_argument, NULL, 't'},
	                                     {"section", required_argument, NULL, 's'},
	                                     {"lead", required_argument, NULL, 'l'},
	                                     {"partners", required_argument, NULL, 'p'},
	                                     {"deadline", required_argument, NULL, 'D'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {0}};
	struct task k = {0};
	dl_init(&k.dl);
	k.extended_to = k.start = k.last_update = k.done_date = k.due = DATE_NONE;
	const char *doc = NULL, *lead = NULL, *partners = NULL;
	int o, rc = 0;
	while (!rc && (o = getopt_long(argc, argv, "hd:t:s:l:p:", opts, NULL)) != -1) {
		switch (o) {
		case 'h': task_free(&k); return fputs(add_task_help, c->out), 0;
		case 'd': doc = optarg; break;
		case 't': free(k.text); rc = txt_clean_input(optarg, 20000, 1, &k.text, e); break;
		case 's': str_copy(k.section, optarg, sizeof k.section); break;
		case 'l': lead = optarg; break;
		case 'p': partners = optarg; break;
		case 'D': rc = cli_deadline_opt(optarg, &k.dl_phrase, &k.dl, e); break;
		default: rc = cli_bad_option("add-task", e);
		}
	}
	if (!rc && (!doc || !k.text))
		rc = err_set(e, ERR_USAGE, "add-task cần --doc và --text");
	if (!rc && optind != argc)
		rc = err_set(e, ERR_USAGE, "tham số thừa: '%s'", argv[optind]);
	uint64_t did = 0;
	if (!rc)
		rc = cli_store(c, 0, e);
	if (!rc)
		rc = cli_doc(c, doc, &did, e);
	k.doc_id = did;
	/* Units are named as in the document: relative to its issuer. */
	uint32_t issuer = 0;
	if (!rc) {
		struct txn *t;
		struct doc d = {0};
		if (!(rc = store_read_begin(c->ops.st, &t, e))) {
			rc = store_doc_get(t, did, &d, e);
			store_read_end(t);
		}
		if (rc == ERR_NOTFOUND)
			rc = err_set(e, ERR_NOTFOUND, "không tìm thấy văn bản #%llu", (unsigned long long)did);
		issuer = d.issuer;
		doc_free(&d);
	}
	if (!rc && lead) {
		rc = cli_unit_near(c, lead, issuer, &k.lead, e);
		if (!rc)
			k.lead_text = xstrdup(lead);
	}
	if (!rc && partners)
		rc = cli_partners(c, partners, issuer, &k.partners, &k.npartners, &k.partners_text, e);
	if (!rc && !(rc = ops_add_task(&c->ops, &k, e)))
		fprintf(c->out, "%llu\n", (unsigned long long)k.id);
	task_free(&k);
	return rc;
}
