/* cli-docout.c — writing the report and the letters as documents
 * (report-doc.h) for `report` and `remind`, issuing them with a number,
 * and the `register` command that lists what was issued. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli-report.h"
#include "cli.h"
#include "config.h"
#include "docout.h"
#include "hier.h"
#include "mail.h"
#include "ops.h"
#include "outfile.h"
#include "output.h"
#include "perm.h"
#include "register.h"
#include "report-doc.h"
#include "report-text.h"
#include "sha256.h"
#include "store.h"
#include "text.h"
#include "syserr.h"
#include "util.h"

static int committee(enum unit_kind k)
{
	return k == UK_TINH_UY || k == UK_THANH_UY || k == UK_HUYEN_UY || k == UK_DANG_UY_KHOI ||
	       k == UK_DANG_UY_CO_SO;
}

uint32_t rcli_report_sender(const struct cli *c, const struct hier *h, uint32_t scope)
{
	if (scope)
		return scope;
	/* the committee the user's office works for */
	const struct unit *u = c->ops.who.unit ? hier_unit(h, c->ops.who.unit) : NULL;
	while (u && !committee((enum unit_kind)u->kind) && u->parent)
		u = hier_unit(h, u->parent);
	if (u)
		return u->id;
	return hier_count(h) ? hier_at(h, 0)->id : 0;
}

/* Issuing a document: in one write transaction, take the number, write
 * the file with it, record it with the file's checksum in the register
 * and the audit trail.  A failure anywhere takes no number and leaves no
 * numbered file behind. */
struct issue {
	struct cli *c;
	json_t *spec;
	const struct docout_sender *s;
	uint32_t from;
	const char *kind;
	enum docout_format format;
	const char *path;
	date_t day;
	struct reg_entry entry; /* filled */
	int written;
};

static int issue_fn(struct txn *t, void *ctx, struct err *e)
{
	struct issue *is = ctx;
	struct reg_entry *r = &is->entry;
	int y, rc;
	date_split(is->day, &y, NULL, NULL);
	memset(r, 0, sizeof *r);
	if ((rc = ops_require(&is->c->ops, PA_ADD_DOC, e)) ||
	    (rc = reg_take(t, is->from, is->kind, y, &r->number, e)))
		return rc;
	r->unit = is->from;
	str_copy(r->kind, is->kind, sizeof r->kind);
	r->year = y;
	r->date = is->day;
	r->time = (int64_t)time(NULL);
	snprintf(r->number_text, sizeof r->number_text, "%02u-%s/%s", (unsigned)r->number, is->kind,
	         is->s->symbol);
	str_copy(r->login, is->c->ops.who.login, sizeof r->login);
	str_copy(r->file, is->path, sizeof r->file);
	str_copy(r->format, docout_format_key(is->format), sizeof r->format);
	str_copy(r->subject, json_string_value(json_object_get(is->spec, "subject")), sizeof r->subject);
	docout_set_number(is->spec, r->number_text);
	if ((rc = docout_write(is->spec, is->format, is->path, NULL, e)))
		return rc;
	is->written = 1;
	if (sha256_file(is->path, r->sha256))
		return err_at(e, ERR_IO, is->path, 0, "không đọc lại được tệp vừa ghi: %s", syserr_str(errno));
	if ((rc = reg_record(t, r, e)))
		return rc;
	json_t *after = json_pack("{s:s, s:s, s:i, s:i, s:s, s:s, s:s}", "number", r->number_text,
	                          "kind", r->kind, "year", r->year, "unit", (int)r->unit, "file",
	                          r->file, "format", r->format, "sha256", r->sha256);
	char object[40];
	snprintf(object, sizeof object, "out:%.35s", r->number_text);
	return ops_audit(t, &is->c->ops, "issue", object, NULL, after, e);
}

/* The sender of `from`, units.ini read when this run has not read it yet
 * (the hierarchy is synchronised only when the file changes). */
static int sender(struct cli *c, const struct hier *h, uint32_t from, struct docout_sender *s,
                  struct err *e)
{
	int rc;
	if (!c->cfg.nunits && (rc = cfg_load_units(&c->cfg, e)))
		return rc;
	return docout_sender(h, &c->cfg, from, s, e);
}

int rcli_can_issue(struct cli *c, const struct hier *h, uint32_t from, struct err *e)
{
	struct docout_sender s;
	int rc = sender(c, h, from, &s, e);
	if (!rc && !s.signer[0])
		rc = err_set(e, ERR_CONFIG, "chưa cấu hình người ký văn bản của %s: thêm khóa signer "
		             "(và sign_title) vào mục của đơn vị trong units.ini trước khi ban hành "
		             "(--issue)", s.name);
	return rc;
}

/* Write spec to path: a draft, or issued with a number (one transaction). */
static int write_doc(struct cli *c, const struct hier *h, json_t *spec, const struct docout_sender *s, uint32_t from,
                     const char *kind, int format, const char *path, int issue,
                     struct reg_entry *issued, struct err *e)
{
	if (!issue)
		return docout_write(spec, (enum docout_format)format, path, NULL, e);
	int rc;
	if ((rc = rcli_can_issue(c, h, from, e)))
		return rc;
	struct issue is = {c, spec, s, from, kind, (enum docout_format)format, path, c->ops.today,
	                   {0}, 0};
	rc = store_write(c->ops.st, issue_fn, &is, e);
	if (rc && is.written)
		unlink(path); /* it carries a number the register does not hold */
	if (!rc)
		*issued = is.entry;
	return rc;
}

/* The texts of the report of `from` for r's period (NULL where none). */
static int load_texts(struct cli *c, const struct report *r, uint32_t from, char *texts[RT_COUNT],
                      struct err *e)
{
	struct txn *t;
	char period[24];
	for (int i = 0; i < RT_COUNT; i++)
		texts[i] = NULL;
	int rc = store_read_begin(c->ops.st, &t, e);
	if (rc)
		return rc;
	report_period_key(&r->period, period, sizeof period);
	for (int i = 0; i < RT_COUNT && !rc; i++)
		rc = rtext_get(t, from, period, (enum rtext_section)i, &texts[i], e);
	store_read_end(t);
	if (rc)
		for (int i = 0; i < RT_COUNT; i++) {
			free(texts[i]);
			texts[i] = NULL;
		}
	return rc;
}

/* The address of --mail TO: an address as it is, else a unit's email. */
static int mail_target(struct cli *c, const char *to, const char **addr, const char **code,
                       struct err *e)
{
	*code = NULL;
	if (strchr(to, '@')) {
		if (!mail_address_ok(to))
			return err_set(e, ERR_USAGE, "--mail: địa chỉ thư không hợp lệ: '%s'", to);
		*addr = to;
		return 0;
	}
	const struct hier *h;
	uint32_t id;
	int rc;
	if ((rc = cli_hier(c, &h, e)) || (rc = cli_unit(c, to, &id, e)))
		return rc;
	const struct unit *u = hier_unit(h, id);
	*code = u->code;
	if (!(*addr = rcli_unit_email(c, u)))
		return err_set(e, ERR_CONFIG, "--mail: %s chưa có địa chỉ thư (khóa email của [%s] trong "
		               "units.ini)", u->name, u->code);
	return 0;
}

int rcli_report_write(struct cli *c, const struct hier *h, const struct report *r, uint32_t from,
                      int format, const char *path, int issue, const char *mail_to,
                      struct err *e)
{
	const char *addr = NULL, *code = NULL;
	int mrc;
	if (mail_to && (mrc = mail_target(c, mail_to, &addr, &code, e)))
		return mrc; /* before anything is written or numbered */
	struct docout_sender s;
	struct reg_entry done;
	char *texts[RT_COUNT];
	int rc = sender(c, h, from, &s, e);
	if (rc || (issue && (rc = rcli_can_issue(c, h, from, e))) ||
	    (rc = load_texts(c, r, from, texts, e)))
		return rc;
	for (int i = 0; i < RT_COUNT && issue && !rc; i++)
		if (!texts[i]) {
			char period[24];
			rc = err_set(e, ERR_INPUT, "báo cáo của %s chưa có phần \"%s\": viết bằng theodoi "
			             "report-text --unit %s --period %s --section %s trước khi ban hành",
			             s.name, rtext_title((enum rtext_section)i), hier_unit(h, from)->code,
			             report_period_key(&r->period, period, sizeof period),
			             rtext_key((enum rtext_section)i));
		}
	json_t *spec = rc ? NULL : report_document(r, h, from, &s, c->ops.today, !issue, texts);
	for (int i = 0; i < RT_COUNT; i++)
		free(texts[i]);
	if (rc)
		return rc;
	rc = write_doc(c, h, spec, &s, from, "BC", format, path, issue, &done, e);
	json_decref(spec);
	if (!rc && issue)
		fprintf(c->out, "Đã ban hành báo cáo số %s của %s: %s (SHA-256 %s).\n", done.number_text,
		        s.name, path, done.sha256);
	else if (!rc)
		fprintf(c->out, "Đã ghi %s (dự thảo báo cáo của %s).\n", path, s.name);
	if (rc || !addr)
		return rc;
	struct sbuf subject = {0}, body = {0};
	if (issue)
		sbuf_printf(&subject, "Báo cáo số %s của %s", done.number_text, s.name);
	else
		sbuf_printf(&subject, "Dự thảo báo cáo của %s", s.name);
	sbuf_printf(&body, "%s.\n\n", subject.s);
	report_heading_title(&body, r);
	sbuf_puts(&body, ".\n");
	report_scope_line(&body, r);
	sbuf_printf(&body, "\n\nVăn bản đính kèm: %s\n", strrchr(path, '/') ? strrchr(path, '/') + 1 : path);
	rc = rcli_mail_file(c, addr, code, path, subject.s, body.s, e);
	if (!rc)
		fprintf(c->out, "Đã gửi tới %s.\n", addr);
	sbuf_free(&subject);
	sbuf_free(&body);
	return rc;
}

int rcli_remind_write(struct cli *c, const struct hier *h, uint32_t from,
                      const struct remind_letter *l, date_t today, int days, date_t reply_by,
                      int format, const char *path, int issue, char *number, size_t len,
                      struct err *e)
{
	struct docout_sender s;
	struct reg_entry done;
	int rc = sender(c, h, from, &s, e);
	if (rc)
		return rc;
	json_t *spec = remind_document(l, &s, today, days, reply_by, !issue);
	rc = write_doc(c, h, spec, &s, from, "CV", format, path, issue, &done, e);
	json_decref(spec);
	str_copy(number, !rc && issue ? done.number_text : "", len);
	return rc;
}

/* The Văn phòng among the units directly under committee unit i, or the
 * committee itself. */
static uint32_t office_of(const struct hier *h, size_t i)
{
	const struct unit *u = hier_at(h, i);
	size_t end = hier_subtree_end(h, i);
	for (size_t k = i + 1; k < end; k++) {
		const struct unit *cu = hier_at(h, k);
		if (cu->parent == u->id && !cu->historical) {
			char *f = txt_fold(cu->name, strlen(cu->name), NULL);
			int vp = txt_starts_with(f, "van phong");
			free(f);
			if (vp)
				return cu->id;
		}
	}
	return u->id;
}

uint32_t rcli_remind_sender(struct txn *t, const struct config *cfg, const struct hier *h,
                            uint32_t unit)
{
	uint32_t office = 0;
	struct err e;
	err_clear(&e);
	if (perm_monitor_office(t, cfg, unit, &office, &e))
		office = 0;
	if (office && office != unit)
		return office;
	/* the Văn phòng of the nearest committee above the unit, never the
	 * unit itself */
	const struct unit *u = hier_unit(h, unit);
	uint32_t up = u ? u->parent : 0;
	while (up) {
		size_t i = hier_find_id(h, up);
		if (i == (size_t)-1)
			break;
		const struct unit *p = hier_at(h, i);
		if (committee((enum unit_kind)p->kind) || !p->parent) {
			uint32_t o = office_of(h, i);
			/* the office itself is urged by its committee */
			return o != unit ? o : p->id;
		}
		up = p->parent;
	}
	return office ? office : unit;
}

/* ---- register ------------------------------------------------------------- */

static const char register_help[] =
	"Cách dùng: theodoi register [--unit ĐƠN_VỊ] [--year NĂM] [--format text|csv|json]\n"
	"Sổ văn bản đi: các báo cáo và công văn đã ban hành (report/remind --issue), theo đơn vị\n"
	"ban hành, loại và năm: số, ngày, trích yếu, người ban hành, tệp và mã SHA-256 của tệp.\n"
	"--unit: chỉ văn bản của đơn vị đó; --year: chỉ năm đó.\n";

int cmd_register(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"unit", required_argument, NULL, 'u'},
	                                     {"year", required_argument, NULL, 'y'},
	                                     {"format", required_argument, NULL, 'F'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {0}};
	static const struct out_col cols[] = {
		{"unit_code", "Đơn vị", OUT_STR, 0, 0, 0}, {"number", "Số", OUT_STR, 0, 0, 0},
		{"date", "Ngày", OUT_DATE, 0, 0, 0},        {"subject", "Trích yếu", OUT_STR, 48, 0, 0},
		{"login", "Người ban hành", OUT_STR, 0, 0, 0}, {"file", "Tệp", OUT_STR, 0, 0, 1},
		{"format", "Định dạng", OUT_STR, 0, 0, 1},  {"sha256", "SHA-256", OUT_STR, 12, 0, 0}};
	int fmt = FMT_TEXT, o, rc;
	long year = 0;
	const char *unit = NULL;
	uint32_t uid = 0;
	while ((o = getopt_long(argc, argv, "hu:y:", opts, NULL)) != -1) {
		switch (o) {
		case 'h': return fputs(register_help, c->out), 0;
		case 'u': unit = optarg; break;
		case 'y':
			if (str_to_long(optarg, 1900, 9999, &year)) {
				str_copy(e->field, "--year", sizeof e->field);
				return err_set(e, ERR_USAGE, "năm không hợp lệ: '%s'", optarg);
			}
			break;
		case 'F':
			if ((rc = cli_parse_format(optarg, &fmt, e)))
				return rc;
			break;
		default: return cli_bad_option("register", e);
		}
	}
	if (optind < argc)
		return err_set(e, ERR_USAGE, "lệnh register không nhận tham số '%s'", argv[optind]);
	const struct hier *h;
	struct txn *t;
	if ((rc = cli_store(c, 0, e)) || (rc = cli_hier(c, &h, e)) ||
	    (unit && (rc = cli_unit(c, unit, &uid, e))) || (rc = store_read_begin(c->ops.st, &t, e)))
		return rc;
	struct reg_entry *v;
	size_t n;
	rc = reg_list(t, uid, (int)year, &v, &n, e);
	store_read_end(t);
	if (rc)
		return rc;
	struct out_table tab;
	out_init(&tab, cols, (int)(sizeof cols / sizeof cols[0]));
	for (size_t i = 0; i < n; i++) {
		const struct unit *u = hier_unit(h, v[i].unit);
		char day[11];
		const char *cells[] = {u ? u->code : "?", v[i].number_text, date_iso(v[i].date, day),
		                       v[i].subject, v[i].login, v[i].file, v[i].format, v[i].sha256};
		out_row(&tab, cells);
	}
	if (fmt == FMT_TEXT && !n)
		fprintf(c->out, "Sổ văn bản đi chưa có văn bản nào%s.\n", unit || year ? " khớp điều kiện" : "");
	else
		rc = out_print(&tab, fmt, c->out) ? err_set(e, ERR_IO, "không ghi được kết quả") : 0;
	out_free(&tab);
	free(v);
	return rc;
}

void rcli_report_append_texts(struct cli *c, const struct hier *h, const struct report *r,
                              uint32_t from, int markdown, struct sbuf *out)
{
	static const char *const heads[RT_COUNT] = {
		"IV. ĐÁNH GIÁ CHUNG — 1. Kết quả đạt được",
		"IV. ĐÁNH GIÁ CHUNG — 2. Hạn chế, khuyết điểm và nguyên nhân",
		"V. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "VI. KIẾN NGHỊ, ĐỀ XUẤT"};
	char *texts[RT_COUNT], period[24];
	struct err e;
	err_clear(&e);
	if (load_texts(c, r, from, texts, &e))
		return; /* the figures stand without the prose */
	const struct unit *u = hier_unit(h, from);
	report_period_key(&r->period, period, sizeof period);
	for (int i = 0; i < RT_COUNT; i++) {
		sbuf_printf(out, markdown ? "\n## %s\n\n" : "\n%s\n\n", heads[i]);
		if (!texts[i]) {
			struct sbuf b = {0};
			sbuf_printf(&b, "(Chưa có nội dung: theodoi report-text --unit %s --period %s "
			            "--section %s)", u ? u->code : "?", period, rtext_key((enum rtext_section)i));
			report_wrap(out, b.s, 80, "", "");
			sbuf_free(&b);
			continue;
		}
		/* Markdown: each paragraph as text, its marks escaped at the start */
		char *clean = txt_sanitize_nl(texts[i], 1);
		for (char *p = clean; *p;) {
			size_t n = strcspn(p, "\n");
			if (n) {
				char *line = xstrndup(p, n);
				if (markdown) {
					if (strchr("#*-+>|`_=", line[0]) || (line[0] >= '0' && line[0] <= '9'))
						sbuf_putc(out, '\\');
					sbuf_printf(out, "%s\n\n", line);
				} else {
					report_wrap(out, line, 80, "", "");
				}
				free(line);
			}
			p += n + (p[n] == '\n');
		}
		free(clean);
		free(texts[i]);
	}
}

/* ---- mail ----------------------------------------------------------------- */

/* The address of a unit (units.ini email), or NULL. */
const char *rcli_unit_email(struct cli *c, const struct unit *u)
{
	struct err e;
	err_clear(&e);
	if (!u || (!c->cfg.nunits && cfg_load_units(&c->cfg, &e)))
		return NULL;
	const struct cfg_unit *cu = cfg_unit(&c->cfg, u->code);
	return cu ? cu->doc[CFG_DOC_EMAIL] : NULL;
}

struct mail_record {
	struct cli *c;
	const char *to, *unit, *file, *status;
	char sha256[65];
};

static int record_fn(struct txn *t, void *ctx, struct err *e)
{
	struct mail_record *m = ctx;
	char object[40];
	snprintf(object, sizeof object, "mail:%.34s", m->to);
	json_t *after = json_pack("{s:s, s:s?, s:s, s:s, s:s}", "to", m->to, "unit", m->unit, "file",
	                          m->file, "sha256", m->sha256, "status", m->status);
	return ops_audit(t, &m->c->ops, "mail", object, NULL, after, e);
}

int rcli_mail_file(struct cli *c, const char *to, const char *unit_code, const char *path,
                   const char *subject, const char *body, struct err *e)
{
	struct sbuf file = {0}, msg = {0};
	char status[600];
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return err_at(e, ERR_IO, path, 0, "không đọc được tệp để gửi: %s", syserr_str(errno));
	char buf[65536];
	ssize_t n;
	while ((n = read(fd, buf, sizeof buf)) > 0)
		sbuf_add(&file, buf, (size_t)n);
	close(fd);
	if (n < 0) {
		sbuf_free(&file);
		return err_at(e, ERR_IO, path, 0, "không đọc được tệp để gửi: %s", syserr_str(errno));
	}
	const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	mail_build(&msg, c->cfg.mail_from, to, subject, body, file.s ? file.s : "", file.len, name,
	           mail_mime_of(name));
	struct mail_record m = {c, to, unit_code, path, status, ""};
	struct sha256 h;
	sha256_init(&h);
	sha256_add(&h, file.s ? file.s : "", file.len);
	sha256_hex(&h, m.sha256);
	sbuf_free(&file);
	struct err se;
	err_clear(&se);
	int sent = mail_send(c->cfg.sendmail, to, &msg, status, sizeof status, &se);
	sbuf_free(&msg);
	/* every attempt is recorded, with the MTA's answer: a failure is never
	 * marked sent */
	int rc = store_write(c->ops.st, record_fn, &m, e);
	if (sent) {
		*e = se;
		return sent;
	}
	return rc;
}

/* ---- HTML ----------------------------------------------------------------- */

/* Write bytes to path: a link, a directory or a device there is refused;
 * a temporary file beside it, then renamed. */
static int write_whole(const char *path, const struct sbuf *b, struct err *e)
{
	struct stat st;
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return err_at(e, ERR_INPUT, path, 0, "không ghi đè: đây không phải tệp thường");
	char tmp[PATH_MAX];
	if ((size_t)snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= sizeof tmp)
		return err_at(e, ERR_INPUT, path, 0, "đường dẫn quá dài");
	int fd = mkstemp(tmp);
	if (fd < 0)
		return outfile_create_failed(path, errno, e);
	mode_t um = umask(0);
	umask(um);
	int bad = fchmod(fd, 0666 & ~um) != 0;
	bad |= write(fd, b->s ? b->s : "", b->len) != (ssize_t)b->len;
	bad |= close(fd) != 0;
	if (bad || rename(tmp, path)) {
		unlink(tmp);
		return err_at(e, ERR_IO, path, 0, "không ghi được tệp");
	}
	return 0;
}

int rcli_report_html(struct cli *c, const struct hier *h, const struct report *r, uint32_t from,
                     const char *path, struct err *e)
{
	struct docout_sender s;
	char *texts[RT_COUNT];
	int rc = sender(c, h, from, &s, e);
	if (rc || (rc = load_texts(c, r, from, texts, e)))
		return rc;
	struct sbuf b = {0};
	report_html(r, h, from, &s, c->ops.today, texts, &b);
	for (int i = 0; i < RT_COUNT; i++)
		free(texts[i]);
	if (path) {
		rc = write_whole(path, &b, e);
		if (!rc)
			fprintf(c->out, "Đã ghi %s (trang HTML của báo cáo của %s).\n", path, s.name);
	} else if (fwrite(b.s, 1, b.len, c->out) != b.len) {
		rc = err_set(e, ERR_IO, "không ghi được kết quả");
	}
	sbuf_free(&b);
	return rc;
}
