/* cli-remind.c — the commands that urge and measure: remind, measure,
 * indicators. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "cli-report.h"
#include "cli-rows.h"
#include "cli.h"
#include "docout.h"
#include "hier.h"
#include "history.h"
#include "indicator.h"
#include "outfile.h"
#include "output.h"
#include "remind.h"
#include "report-doc.h"
#include "report.h"
#include "store.h"
#include "text.h"
#include "syserr.h"
#include "util.h"

#define OPT_FORMAT 'F'

/* ---- remind ---------------------------------------------------------------- */

static const char remind_help[] =
	"Cách dùng: theodoi remind [--unit ĐƠN_VỊ] [--days N] [--out THƯ_MỤC] [--quiet] [--issue]\n"
	"                          [--mail] [--reply-days N]\n"
	"                          [--format text|json|docx|odt|pdf]\n"
	"Thư đôn đốc: mỗi đơn vị có nhiệm vụ quá hạn hoặc đến hạn trong N ngày tới (mặc định:\n"
	"due_soon_days trong theodoi.ini) nhận một thư gửi đích danh, liệt kê các nhiệm vụ, thời\n"
	"hạn như ghi trong văn bản và số ngày quá hạn, đề nghị báo cáo kết quả trước ngày hôm nay\n"
	"+ --reply-days (mặc định 7). --unit: chỉ các đơn vị thuộc ĐƠN_VỊ.\n"
	"--out: ghi mỗi thư vào một tệp THƯ_MỤC/<mã đơn vị>.txt (tạo thư mục nếu chưa có; không\n"
	"thay liên kết tượng trưng, thiết bị, FIFO hay thư mục) và in danh sách tệp\n"
	"(--quiet: không in gì). Dùng được trong cron, ví dụ hằng ngày lúc 7 giờ:\n"
	"  0 7 * * * theodoi remind --out /var/lib/theodoi/don-doc/$(date +\\%F) --quiet\n"
	"--format docx, odt hoặc pdf (cần --out): mỗi thư là một công văn đôn đốc theo thể thức văn\n"
	"bản của Đảng, THƯ_MỤC/<mã đơn vị>.docx (.odt, .pdf), dự thảo chưa có số, gửi từ văn phòng\n"
	"theo dõi đơn vị đó ([access] monitors), mặc định Văn phòng của cấp ủy cấp trên trực tiếp,\n"
	"không bao giờ tự gửi cho chính mình. pdf cần LibreOffice (libreoffice-writer-nogui).\n"
	"--issue: ban hành, mỗi thư lấy số tiếp theo trong sổ văn bản đi của đơn vị gửi (\"Số\n"
	"01-CV/VPTU\", theo loại và năm), ghi vào sổ cùng mã SHA-256 của tệp và nhật ký; cần người\n"
	"ký (khóa signer trong units.ini). Không có --issue: dự thảo, không lấy số.\n"
	"--mail (cần --out; mặc định --format docx): gửi mỗi thư tới địa chỉ của đơn vị nhận\n"
	"(khóa email trong units.ini) qua chương trình gửi thư của máy ([mail] sendmail trong\n"
	"theodoi.ini), kèm tệp văn bản và nội dung dạng văn bản thuần; đơn vị chưa có địa chỉ được\n"
	"liệt kê; mọi lần gửi ghi vào nhật ký (log) cùng kết quả; có thư chưa gửi được thì mã thoát\n"
	"khác 0.\n";

/* mkdir -p: the directory and any missing parents. */
static int make_dirs(const char *dir, struct err *e)
{
	char path[PATH_MAX];
	if (str_copy(path, dir, sizeof path) >= sizeof path)
		return err_set(e, ERR_USAGE, "đường dẫn quá dài: %s", dir);
	for (char *p = path + 1;; p++) {
		if (*p != '/' && *p)
			continue;
		char keep = *p;
		*p = '\0';
		if (mkdir(path, 0777) != 0 && errno != EEXIST)
			return err_set(e, ERR_IO, "không tạo được thư mục %s: %s", path, syserr_str(errno));
		*p = keep;
		if (!keep)
			return 0;
	}
}

static int write_file(const char *dir, const char *name, const char *text, struct err *e)
{
	char path[PATH_MAX];
	struct outfile o;
	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path)
		return err_set(e, ERR_USAGE, "đường dẫn quá dài: %s/%s", dir, name);
	int rc = outfile_open(&o, path, OUTFILE_REPLACE, 0666, e);
	if (rc)
		return rc;
	for (size_t len = strlen(text), off = 0; off < len;) {
		ssize_t n = write(o.fd, text + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			rc = err_set(e, ERR_IO, "không ghi được tệp %s: %s", path,
			             syserr_str(n < 0 ? errno : EIO));
			outfile_abort(&o);
			return rc;
		}
		off += (size_t)n;
	}
	return outfile_commit(&o, e);
}

static json_t *letter_json(const struct remind_letter *l, const char *file)
{
	json_t *items = json_array();
	for (size_t i = 0; i < l->n; i++) {
		const struct remind_item *it = &l->items[i];
		char d1[11], d2[11], tl[96];
		json_t *o = json_object();
		json_object_set_new(o, "task", json_integer((json_int_t)it->task));
		json_object_set_new(o, "doc_number", it->doc_number[0] ? json_string(it->doc_number) : json_null());
		json_object_set_new(o, "section", json_string(it->section));
		json_object_set_new(o, "text", json_string(it->text));
		json_object_set_new(o, "deadline_phrase", it->dl_phrase ? json_string(it->dl_phrase) : json_null());
		json_object_set_new(o, "due", json_string(date_iso(it->due, d1)));
		json_object_set_new(o, "extended_to",
		                    it->extended_to != DATE_NONE ? json_string(date_iso(it->extended_to, d2)) : json_null());
		json_object_set_new(o, "original_due", it->original_due != DATE_NONE
		                                           ? json_string(date_iso(it->original_due, d2)) : json_null());
		json_object_set_new(o, "days_late_original", it->original_due != DATE_NONE
		                                                 ? json_integer(it->days_late_original) : json_null());
		json_object_set_new(o, "timeliness", json_string(tl_key(it->tl.tl)));
		json_object_set_new(o, "timeliness_label", json_string(tl_describe(it->tl, tl, sizeof tl)));
		json_object_set_new(o, "days", json_integer(it->tl.days));
		json_array_append_new(items, o);
	}
	return json_pack("{s:s, s:s, s:s?, s:I, s:I, s:o}", "unit_code", l->code, "unit_name", l->name,
	                 "file", file, "overdue", (json_int_t)l->noverdue, "due_soon",
	                 (json_int_t)(l->n - l->noverdue), "items", items);
}

/* The letter as plain text, from `from`, with what is asked by when. */
static char *letter_text(struct cli *c, const struct hier *h, const struct remind_letter *l,
                         uint32_t from, int days, date_t reply_by)
{
	const struct unit *s = hier_unit(h, from);
	char place[128];
	remind_place(h, from, place, sizeof place);
	char *text = remind_text(l, s ? s->name : NULL, place, c->ops.today, days);
	struct sbuf b = {0}, line = {0};
	sbuf_puts(&b, text);
	free(text);
	remind_reply_line(&line, s ? s->name : "", reply_by);
	report_wrap(&b, line.s, 80, "", "");
	sbuf_free(&line);
	return sbuf_detach(&b);
}

/* Mail letter l, written to path, to its unit: 0 sent, 1 not (said why). */
static int mail_letter(struct cli *c, const struct hier *h, const struct remind_letter *l,
                       uint32_t from, const char *path, const char *number, int days,
                       date_t reply_by)
{
	const struct unit *u = hier_unit(h, l->unit), *s = hier_unit(h, from);
	const char *to = rcli_unit_email(c, u);
	if (!to) {
		fprintf(c->out, "%s: chưa gửi: %s chưa có địa chỉ thư (khóa email của [%s] trong "
		        "units.ini)\n", path, l->name, l->code);
		return 1;
	}
	char subject[512];
	char *body = letter_text(c, h, l, from, days, reply_by);
	snprintf(subject, sizeof subject, "%s đôn đốc thực hiện nhiệm vụ%s%s — %s",
	         number[0] ? "Công văn" : "Dự thảo công văn", number[0] ? " số " : "", number,
	         s ? s->name : "");
	struct err e;
	err_clear(&e);
	int rc = rcli_mail_file(c, to, l->code, path, subject, body, &e);
	free(body);
	char msg[1024];
	if (rc)
		fprintf(c->out, "%s: chưa gửi được tới %s: %s\n", path, to, err_str(&e, msg, sizeof msg));
	else
		fprintf(c->out, "%s: đã gửi tới %s (%s)\n", path, to, l->name);
	return rc != 0;
}

/* Each letter as a document DIR/<code>.<format>, from[i] its sender; each
 * numbered from the register when issue, and mailed to its unit when mail. */
static int remind_documents(struct cli *c, const struct hier *h, const struct remind_letter *ls,
                            size_t n, const uint32_t *from, int days, int dfmt, const char *dir,
                            int quiet, int issue, int mail, date_t reply_by, struct err *e)
{
	int unsent = 0;
	int rc = make_dirs(dir, e);
	/* every sender able to sign before the first number is taken */
	for (size_t i = 0; i < n && !rc && issue; i++)
		rc = rcli_can_issue(c, h, from[i], e);
	for (size_t i = 0; i < n && !rc; i++) {
		char name[CODE_LEN + 16], path[PATH_MAX];
		remind_file_name(&ls[i], name, sizeof name);
		char *dot = strrchr(name, '.');
		snprintf(dot, sizeof name - (size_t)(dot - name), ".%s",
		         docout_format_key((enum docout_format)dfmt));
		if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path)
			return err_set(e, ERR_USAGE, "đường dẫn quá dài: %s", dir);
		char number[96];
		rc = rcli_remind_write(c, h, from[i], &ls[i], c->ops.today, days, reply_by, dfmt, path,
		                       issue, number, sizeof number, e);
		const struct unit *s = hier_unit(h, from[i]);
		if (!rc && !quiet)
			fprintf(c->out, "%s: %s%s%s%s gửi %s (quá hạn %zu, sắp đến hạn %zu)\n", path,
			        number[0] ? "số " : "", number, number[0] ? " của " : "", s ? s->name : "?",
			        ls[i].name, ls[i].noverdue, ls[i].n - ls[i].noverdue);
		if (!rc && mail)
			unsent += mail_letter(c, h, &ls[i], from[i], path, number, days, reply_by);
	}
	if (!rc && unsent)
		return err_set(e, ERR_IO, "%d thư chưa gửi được (xem các dòng trên); các thư đã ghi vẫn ở %s",
		               unsent, dir);
	if (!rc && !n && !quiet)
		fprintf(c->out, "Không có đơn vị nào có nhiệm vụ quá hạn hoặc đến hạn trong %d ngày tới.\n", days);
	return rc;
}

int cmd_remind(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"format", required_argument, NULL, OPT_FORMAT},
	                                     {"unit", required_argument, NULL, 'u'},
	                                     {"days", required_argument, NULL, 'n'},
	                                     {"out", required_argument, NULL, 'o'},
	                                     {"quiet", no_argument, NULL, 'q'},
	                                     {"issue", no_argument, NULL, 'I'},
	                                     {"mail", no_argument, NULL, 'M'},
	                                     {"reply-days", required_argument, NULL, 'R'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {0}};
	int fmt = FMT_TEXT, dfmt = -1, o, rc, quiet = 0, issue = 0, mail = 0;
	long days = -1, reply = 7;
	const char *unit = NULL, *dir = NULL;
	while ((o = getopt_long(argc, argv, "hu:n:o:qIMR:", opts, NULL)) != -1) {
		switch (o) {
		case 'h': return fputs(remind_help, c->out), 0;
		case 'u': unit = optarg; break;
		case 'o': dir = optarg; break;
		case 'q': quiet = 1; break;
		case 'I': issue = 1; break;
		case 'M': mail = 1; break;
		case 'R':
			if ((rc = cli_parse_count(optarg, "--reply-days", 365, &reply, e)))
				return rc;
			break;
		case 'n':
			if ((rc = cli_parse_count(optarg, "--days", 3660, &days, e)))
				return rc;
			break;
		case OPT_FORMAT:
			if ((dfmt = docout_format_parse(optarg)) >= 0)
				break;
			if ((rc = cli_parse_format(optarg, &fmt, e)))
				return rc;
			if (fmt == FMT_CSV)
				return err_set(e, ERR_USAGE, "lệnh remind có định dạng text, json, docx, odt hoặc pdf");
			break;
		default: return cli_bad_option("remind", e);
		}
	}
	if (optind < argc)
		return err_set(e, ERR_USAGE, "lệnh remind không nhận tham số '%s'", argv[optind]);
	if (mail && dfmt < 0)
		dfmt = DF_DOCX; /* what is mailed is a document */
	if (issue && dfmt < 0)
		return err_set(e, ERR_USAGE, "--issue chỉ dùng với --format docx, odt hoặc pdf");
	if (dfmt >= 0 && !dir)
		return err_set(e, ERR_USAGE, "định dạng %s cần --out THƯ_MỤC (thư mục ghi các thư)",
		               docout_format_key((enum docout_format)dfmt));
	if (days < 0)
		days = c->cfg.soon_days;
	const struct hier *h;
	struct hist_day hd;
	struct remind_opts ro = {0, (int)days, c->ops.today, &c->cfg.periods, rows_past(c, &hd)};
	struct txn *t;
	if ((rc = cli_store(c, 0, e)) || (rc = cli_hier(c, &h, e)) ||
	    (unit && (rc = cli_unit(c, unit, &ro.root, e))) || (rc = store_read_begin(c->ops.st, &t, e)))
		return rc;
	struct remind_letter *ls;
	size_t n;
	rc = remind_build(t, h, &ro, &ls, &n, e);
	/* each letter from the office that follows its unit, never to itself */
	uint32_t *from = NULL;
	if (!rc) {
		from = xcalloc(n ? n : 1, sizeof *from);
		for (size_t i = 0; i < n; i++)
			from[i] = rcli_remind_sender(t, &c->cfg, h, ls[i].unit);
	}
	store_read_end(t);
	if (rc)
		return rc;
	if (dfmt >= 0) {
		rc = remind_documents(c, h, ls, n, from, (int)days, dfmt, dir, quiet, issue, mail,
		                      c->ops.today + (date_t)reply, e);
		free(from);
		remind_free(ls, n);
		return rc;
	}
	if (dir)
		rc = make_dirs(dir, e);
	json_t *arr = json_array();
	for (size_t i = 0; i < n && !rc; i++) {
		const struct unit *s = hier_unit(h, from[i]);
		char *text = letter_text(c, h, &ls[i], from[i], (int)days, c->ops.today + (date_t)reply);
		char name[CODE_LEN + 16];
		remind_file_name(&ls[i], name, sizeof name);
		if (dir)
			rc = write_file(dir, name, text, e);
		if (fmt == FMT_JSON) {
			json_t *l = letter_json(&ls[i], dir ? name : NULL);
			json_object_set_new(l, "from_code", json_string(s ? s->code : ""));
			json_object_set_new(l, "from_name", json_string(s ? s->name : ""));
			json_array_append_new(arr, l);
		}
		else if (dir && !quiet)
			fprintf(c->out, "%s/%s: %s (quá hạn %zu, sắp đến hạn %zu)\n", dir, name, ls[i].name,
			        ls[i].noverdue, ls[i].n - ls[i].noverdue);
		else if (!dir)
			fprintf(c->out, "%s%s", i ? "\n\f\n" : "", text);
		free(text);
	}
	if (!rc && fmt == FMT_JSON)
		rc = rcli_json_print(arr, c, e);
	else if (!rc && !n && !quiet)
		fprintf(c->out, "Không có đơn vị nào có nhiệm vụ quá hạn hoặc đến hạn trong %ld ngày tới.\n", days);
	json_decref(arr);
	free(from);
	remind_free(ls, n);
	return rc;
}

/* ---- measure ------------------------------------------------------------------ */

static const char measure_help[] =
	"Cách dùng: theodoi measure CHỈ_TIÊU GIÁ_TRỊ [--date NGÀY] [--note NGUỒN]\n"
	"Ghi số liệu đo được của một chỉ tiêu (mã chỉ tiêu: xem theodoi indicators). GIÁ_TRỊ viết\n"
	"85 hoặc 85,5 (hoặc 85.5), có thể kèm %; không dùng dấu phân cách hàng nghìn (2500, không\n"
	"phải 2.500). --date: ngày của số liệu (mặc định hôm nay, không sau hôm nay). --note:\n"
	"nguồn số liệu, ví dụ \"Báo cáo quý III của UBND tỉnh\". Quản trị, hoặc cập nhật của đơn\n"
	"vị phụ trách chỉ tiêu (hoặc đơn vị cấp trên).\n";

static int indicator_id(const char *s, uint64_t *id, struct err *e)
{
	long v;
	if (s && *s == '#')
		s++;
	if (!s || str_to_long(s, 1, 0x7fffffffL, &v))
		return err_set(e, ERR_USAGE, "mã chỉ tiêu không hợp lệ: '%s'", s ? s : "");
	*id = (uint64_t)v;
	return 0;
}

int cmd_measure(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"date", required_argument, NULL, 'd'},
	                                     {"note", required_argument, NULL, 'm'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {0}};
	int o, rc;
	date_t date = DATE_NONE;
	const char *note = NULL;
	/* "+" stops at the first argument so that a negative value is not an option */
	while ((o = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		switch (o) {
		case 'h': return fputs(measure_help, c->out), 0;
		case 'd':
			if ((rc = date_parse(optarg, &date, e))) {
				str_copy(e->field, "--date", sizeof e->field);
				return ERR_USAGE;
			}
			break;
		case 'm': note = optarg; break;
		default: return cli_bad_option("measure", e);
		}
	}
	if (argc - optind < 2)
		return err_set(e, ERR_USAGE, "lệnh measure cần CHỈ_TIÊU và GIÁ_TRỊ (xem theodoi measure --help)");
	const char *ind_arg = argv[optind], *val_arg = argv[optind + 1];
	optind += 2;
	while ((o = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		if (o == 'd') {
			if ((rc = date_parse(optarg, &date, e))) {
				str_copy(e->field, "--date", sizeof e->field);
				return ERR_USAGE;
			}
		} else if (o == 'm') {
			note = optarg;
		} else {
			return cli_bad_option("measure", e);
		}
	}
	if (optind < argc)
		return err_set(e, ERR_USAGE, "lệnh measure không nhận thêm tham số '%s'", argv[optind]);
	uint64_t id, mid;
	double value;
	if ((rc = indicator_id(ind_arg, &id, e)))
		return rc;
	if ((rc = ind_parse_value(val_arg, &value, e)))
		return ERR_USAGE;
	if ((rc = cli_store(c, 0, e)) || (rc = ind_measure_add(&c->ops, id, value, date, note, &mid, e)))
		return rc;
	struct txn *t;
	if ((rc = store_read_begin(c->ops.st, &t, e)))
		return rc;
	struct indicator ind = {0};
	struct ind_assessment a;
	if (!(rc = store_indicator_get(t, id, &ind, e)))
		rc = ind_assess_stored(t, &ind, c->ops.today, &a, e);
	store_read_end(t);
	if (!rc) {
		char v[64], d[11];
		char when[16] = "";
		if (a.year)
			snprintf(when, sizeof when, " năm %d", a.year);
		fprintf(c->out, "Đã ghi số liệu chỉ tiêu #%llu: %s ngày %s (lần đo #%llu). Đánh giá%s: %s.\n",
		        (unsigned long long)id, ind_format_value(value, ind.unit_of, v, sizeof v),
		        date_vn(date == DATE_NONE ? ops_write_day(&c->ops) : date, d), (unsigned long long)mid, when,
		        ind_state_label(a.state));
	}
	indicator_free(&ind);
	return rc;
}

/* ---- indicators ------------------------------------------------------------------ */

static const char indicators_help[] =
	"Cách dùng: theodoi indicators [CHỈ_TIÊU] [--doc VĂN_BẢN] [--unit ĐƠN_VỊ]\n"
	"                              [--format text|csv|json]\n"
	"Các chỉ tiêu với mức tối thiểu, mức phấn đấu, năm đạt, số liệu mới nhất và đánh giá:\n"
	"đạt mức phấn đấu; đạt mức tối thiểu (chưa đến mức phấn đấu); đúng tiến độ (số liệu\n"
	"không thấp hơn mức dự kiến trên đường thẳng từ lần đo đầu tiên đến mức tối thiểu ngày\n"
	"31/12 của năm đạt); có nguy cơ không đạt; không đạt (đã qua năm đạt mà chưa đến mức\n"
	"tối thiểu); chưa đạt (không có năm đạt); chưa có số liệu. Chỉ tiêu chỉ có một mức được\n"
	"đánh giá theo mức đó; chỉ tiêu \"dưới\", \"không quá\", \"giảm còn\" ... càng thấp càng tốt.\n"
	"Chỉ tiêu hằng năm (\"hằng năm\", \"mỗi năm\"): đánh giá từng năm theo số liệu đo trong năm\n"
	"đó, từ năm ban hành văn bản đến năm của ngày đánh giá; cột Năm đánh giá là năm hiện tại.\n"
	"Với CHỈ_TIÊU: cả đánh giá từng năm và các lần đo. --today NGÀY: đánh giá tại ngày đó,\n"
	"chỉ với các lần đo đến hết ngày đó.\n"
	"--unit: chỉ tiêu do đơn vị hoặc đơn vị trực thuộc phụ trách.\n";

static const struct out_col ind_cols[] = {
	{"id", "Mã", OUT_INT, 0, 1, 0},
	{"doc_number", "Văn bản", OUT_STR, 12, 0, 0},
	{"section", "Mục", OUT_STR, 0, 0, 1},
	{"text", "Chỉ tiêu", OUT_STR, 36, 0, 0},
	{"lead_code", "Mã ĐV", OUT_STR, 0, 0, 1},
	{"year", "Năm", OUT_INT, 0, 0, 0},
	{"min", "Tối thiểu", OUT_RAW, 0, 0, 1},
	{"target", "Phấn đấu", OUT_RAW, 0, 0, 1},
	{"goal", "Mục tiêu", OUT_STR, 0, 1, 0},
	{"unit", "Đơn vị tính", OUT_STR, 0, 0, 1},
	{"value", "Giá trị", OUT_RAW, 0, 0, 1},
	{"value_text", "Kết quả", OUT_STR, 0, 1, 0},
	{"value_date", "Ngày", OUT_STR, 0, 0, 1},
	{"expected", "Dự kiến", OUT_RAW, 0, 0, 1},
	{"yearly", "Hằng năm", OUT_RAW, 0, 0, 1},
	{"judged_year", "Năm đánh giá", OUT_INT, 0, 0, 0},
	{"state", "Đánh giá", OUT_STR, 0, 0, 1},
	{"state_label", "Đánh giá", OUT_STR, 0, 0, 0},
	{"years", "Theo năm", OUT_STR, 0, 0, 1},
};

/* A number as JSON text (locale-independent), or "" for NAN. */
static void num_json(double v, char *buf, size_t len)
{
	if (isnan(v)) {
		buf[0] = '\0';
		return;
	}
	json_t *j = json_real(v);
	char *s = json_dumps(j, JSON_ENCODE_ANY | JSON_REAL_PRECISION(10));
	str_copy(buf, s ? s : "", len);
	free(s);
	json_decref(j);
}

/* "2025: không đạt; 2026: đạt mức tối thiểu" (for CSV; JSON gets years_json). */
static void years_text(const struct ind_assessment *ys, size_t n, struct sbuf *b)
{
	sbuf_add(b, "", 0);
	for (size_t k = 0; k < n; k++)
		sbuf_printf(b, "%s%d: %s", k ? "; " : "", ys[k].year, ind_state_label(ys[k].state));
}

static json_t *years_json(const struct ind_assessment *ys, size_t n)
{
	json_t *arr = json_array();
	for (size_t k = 0; k < n; k++) {
		char d[11];
		const struct ind_assessment *y = &ys[k];
		json_array_append_new(
			arr, json_pack("{s:i, s:o, s:o, s:i, s:o, s:s, s:s}", "year", y->year, "value",
		                       y->has_value ? json_real(y->value) : json_null(), "value_date",
		                       y->has_value ? json_string(date_iso(y->value_date, d)) : json_null(),
		                       "measures", y->nmeasures, "expected",
		                       isnan(y->expected) ? json_null() : json_real(y->expected), "state",
		                       ind_state_key(y->state), "state_label", ind_state_label(y->state)));
	}
	return arr;
}

static void ind_row(struct out_table *tab, const struct hier *h, const struct indicator *i,
                    const char *number, const struct ind_assessment *a,
                    const struct ind_assessment *ys, size_t nys)
{
	const struct unit *u = i->lead ? hier_unit(h, i->lead) : NULL;
	char id[24], year[8] = "", jy[8] = "", mn[40], tg[40], goal[64], val[40], vt[64], vd[11], ex[40];
	struct sbuf yt = {0};
	snprintf(id, sizeof id, "%llu", (unsigned long long)i->id);
	if (i->year)
		snprintf(year, sizeof year, "%d", i->year);
	if (a->year)
		snprintf(jy, sizeof jy, "%d", a->year);
	num_json(i->min, mn, sizeof mn);
	num_json(i->target, tg, sizeof tg);
	num_json(a->has_value ? a->value : NAN, val, sizeof val);
	num_json(a->expected, ex, sizeof ex);
	if (isnan(a->goal))
		goal[0] = '\0';
	else
		ind_format_value(a->goal, i->unit_of, goal, sizeof goal);
	if (a->has_value)
		ind_format_value(a->value, i->unit_of, vt, sizeof vt);
	else
		vt[0] = '\0';
	years_text(ys, nys, &yt);
	const char *cells[] = {id, number, i->section, i->text ? i->text : "", u ? u->code : "", year,
	                       mn, tg, goal, i->unit_of, val, vt,
	                       a->has_value ? date_iso(a->value_date, vd) : "", ex,
	                       a->year ? "true" : "false", jy, ind_state_key(a->state),
	                       ind_state_label(a->state), yt.s};
	out_row(tab, cells);
	sbuf_free(&yt);
}

/* Replace the "years" text of JSON row k by the array. */
static void row_years_json(json_t *rows, size_t k, const struct ind_assessment *ys, size_t n)
{
	json_t *o = json_array_get(rows, k);
	if (o)
		json_object_set_new(o, "years", years_json(ys, n));
}

static void doc_number_of(struct txn *t, uint64_t doc, char *buf, size_t len)
{
	struct doc d = {0};
	buf[0] = '\0';
	if (doc && store_doc_get(t, doc, &d, NULL) == 0)
		str_copy(buf, d.number, len);
	doc_free(&d);
}

/* One indicator with its measurements. */
static int show_indicator(struct cli *c, const struct hier *h, struct txn *t, uint64_t id,
                          int fmt, struct err *e)
{
	struct indicator ind = {0};
	struct measure *ms = NULL;
	size_t n = 0;
	int rc = store_indicator_get(t, id, &ind, e);
	if (rc == ERR_NOTFOUND)
		rc = err_set(e, ERR_NOTFOUND, "không tìm thấy chỉ tiêu #%llu", (unsigned long long)id);
	if (!rc)
		rc = ind_measures(t, id, &ms, &n, e);
	if (rc) {
		indicator_free(&ind);
		return rc;
	}
	struct ind_assessment a, *ys;
	size_t nys;
	ind_assess(&ind, ms, n, c->ops.today, &a);
	ind_assess_years(&ind, ms, n, ind_first_year(t, &ind), c->ops.today, &ys,
	                 &nys);
	char number[DOCNUM_LEN];
	doc_number_of(t, ind.doc_id, number, sizeof number);
	struct out_table tab;
	out_init(&tab, ind_cols, OUT_NCOLS(ind_cols));
	ind_row(&tab, h, &ind, number, &a, ys, nys);
	if (fmt == FMT_JSON) {
		json_t *rows = out_json(&tab), *o, *arr = json_array();
		row_years_json(rows, 0, ys, nys);
		o = json_array_get(rows, 0);
		json_incref(o);
		json_decref(rows);
		for (size_t i = 0; i < n; i++) {
			char d[11];
			json_array_append_new(arr, json_pack("{s:I, s:s, s:f, s:s, s:s?}", "id", (json_int_t)ms[i].id,
			                                     "date", date_iso(ms[i].date, d), "value", ms[i].value,
			                                     "login", ms[i].login, "note", ms[i].note));
		}
		json_object_set_new(o, "measures", arr);
		rc = rcli_json_print(o, c, e);
		json_decref(o);
	} else {
		rc = out_print(&tab, fmt, c->out);
		if (!rc && fmt == FMT_TEXT && nys) {
			fprintf(c->out, "\nĐánh giá theo từng năm:\n");
			for (size_t k = 0; k < nys; k++) {
				char v[64] = "—", d[11];
				if (ys[k].has_value)
					ind_format_value(ys[k].value, ind.unit_of, v, sizeof v);
				fprintf(c->out, "  %d  %12s  %-10s  %s\n", ys[k].year, v,
				        ys[k].has_value ? date_vn(ys[k].value_date, d) : "", ind_state_label(ys[k].state));
			}
		}
		if (!rc && fmt == FMT_TEXT && n) {
			fprintf(c->out, "\nCác lần đo:\n");
			for (size_t i = 0; i < n; i++) {
				char v[64], d[11];
				char *note = txt_sanitize(ms[i].note ? ms[i].note : "");
				fprintf(c->out, "  %s  %12s  %s%s%s\n", date_vn(ms[i].date, d),
				        ind_format_value(ms[i].value, ind.unit_of, v, sizeof v), ms[i].login,
				        *note ? " — " : "", note);
				free(note);
			}
		}
	}
	out_free(&tab);
	free(ys);
	ind_measures_free(ms, n);
	indicator_free(&ind);
	return rc;
}

int cmd_indicators(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"format", required_argument, NULL, OPT_FORMAT},
	                                     {"unit", required_argument, NULL, 'u'},
	                                     {"doc", required_argument, NULL, 'd'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {0}};
	int fmt = FMT_TEXT, o, rc;
	const char *unit = NULL, *doc = NULL;
	while ((o = getopt_long(argc, argv, "hu:d:", opts, NULL)) != -1) {
		switch (o) {
		case 'h': return fputs(indicators_help, c->out), 0;
		case 'u': unit = optarg; break;
		case 'd': doc = optarg; break;
		case OPT_FORMAT:
			if ((rc = cli_parse_format(optarg, &fmt, e)))
				return rc;
			break;
		default: return cli_bad_option("indicators", e);
		}
	}
	if (optind < argc - 1)
		return err_set(e, ERR_USAGE, "lệnh indicators nhận nhiều nhất một chỉ tiêu");
	uint64_t one = 0, did = 0;
	uint32_t uid = 0;
	if (optind < argc && (rc = indicator_id(argv[optind], &one, e)))
		return rc;
	const struct hier *h;
	struct txn *t;
	if ((rc = cli_store(c, 0, e)) || (rc = cli_hier(c, &h, e)) ||
	    (unit && (rc = cli_unit(c, unit, &uid, e))) || (doc && (rc = cli_doc(c, doc, &did, e))) ||
	    (rc = store_read_begin(c->ops.st, &t, e)))
		return rc;
	if (one) {
		rc = show_indicator(c, h, t, one, fmt, e);
		store_read_end(t);
		return rc;
	}
	struct indicator *v;
	size_t n;
	struct out_table tab;
	out_init(&tab, ind_cols, OUT_NCOLS(ind_cols));
	rc = ind_list(t, h, did, uid, &v, &n, e);
	struct ind_assessment **years = xcalloc(n ? n : 1, sizeof *years);
	size_t *nyears = xcalloc(n ? n : 1, sizeof *nyears);
	for (size_t i = 0; i < n && !rc; i++) {
		struct ind_assessment a;
		char number[DOCNUM_LEN];
		if ((rc = ind_assess_stored(t, &v[i], c->ops.today, &a, e)) ||
		    (rc = ind_years_stored(t, &v[i], c->ops.today, &years[i], &nyears[i], e)))
			break;
		doc_number_of(t, v[i].doc_id, number, sizeof number);
		ind_row(&tab, h, &v[i], number, &a, years[i], nyears[i]);
	}
	store_read_end(t);
	if (!rc && fmt == FMT_JSON) {
		json_t *j = out_json(&tab);
		for (size_t i = 0; i < n; i++)
			row_years_json(j, i, years[i], nyears[i]);
		rc = rcli_json_print(j, c, e);
		json_decref(j);
	} else if (!rc) {
		rc = out_print(&tab, fmt, c->out);
	}
	for (size_t i = 0; i < n; i++)
		free(years[i]);
	free(years);
	free(nyears);
	ind_list_free(v, n);
	out_free(&tab);
	return rc;
}
