/* cli-report-text.c — `report-text`: the prose of a report (đánh giá, hạn
 * chế, phương hướng, kiến nghị) a clerk writes, per unit and period. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli-report.h"
#include "cli.h"
#include "hier.h"
#include "ops.h"
#include "report-text.h"
#include "report.h"
#include "store.h"
#include "text.h"
#include "syserr.h"
#include "util.h"

extern char **environ;

static const char report_text_help[] =
	"Cách dùng: theodoi report-text --unit ĐƠN_VỊ --period KỲ --section PHẦN\n"
	"                               [--file TỆP | --show | --clear]\n"
	"Phần báo cáo do cán bộ viết, lưu theo đơn vị và kỳ, được đưa vào mọi báo cáo của đơn vị\n"
	"đó trong kỳ đó (report --unit ĐƠN_VỊ --period KỲ). PHẦN: danh-gia (kết quả đạt được),\n"
	"han-che (hạn chế, khuyết điểm và nguyên nhân), phuong-huong (phương hướng, nhiệm vụ thời\n"
	"gian tới), kien-nghi (kiến nghị, đề xuất). KỲ: 2026, 2026-Q3, 2026-H1 hoặc 2023-2025.\n"
	"--file: lấy nội dung từ TỆP (UTF-8, nhiều đoạn); không có --file: mở trình soạn thảo\n"
	"($VISUAL, $EDITOR, mặc định vi) với nội dung hiện có, bên dưới là nội dung các đơn vị\n"
	"trực thuộc để tham khảo (không được lưu). --show: in nội dung, rồi nội dung các đơn vị\n"
	"trực thuộc; --clear: xóa.\n"
	"Mỗi lần sửa được ghi vào nhật ký (log). Quản trị, hoặc cập nhật của đơn vị hoặc đơn vị\n"
	"cấp trên.\n"
	"Trên màn hình (theodoi không tham số): phím W mở cả bốn phần của một kỳ\n"
	"để viết, bên cạnh nội dung các đơn vị trực thuộc; F2 lưu.\n";

static int read_text_file(const char *path, char **out, struct err *e)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return err_at(e, ERR_IO, path, 0, "không mở được tệp: %s", syserr_str(errno));
	struct stat st;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		return err_at(e, ERR_INPUT, path, 0, "không phải tệp thường");
	}
	struct sbuf b = {0};
	char buf[8192];
	ssize_t n;
	while ((n = read(fd, buf, sizeof buf)) > 0) {
		if (b.len + (size_t)n > RTEXT_MAX * 2) {
			close(fd);
			sbuf_free(&b);
			return err_at(e, ERR_INPUT, path, 0, "tệp quá lớn (tối đa %zu KB)", RTEXT_MAX >> 10);
		}
		sbuf_add(&b, buf, (size_t)n);
	}
	close(fd);
	if (n < 0) {
		sbuf_free(&b);
		return err_at(e, ERR_IO, path, 0, "không đọc được tệp: %s", syserr_str(errno));
	}
	int rc = txt_clean_input(b.s ? b.s : "", RTEXT_MAX, 1, out, e);
	sbuf_free(&b);
	if (rc && !e->file[0])
		str_copy(e->file, path, sizeof e->file);
	return rc;
}

/* The line under which the editor shows what the units below wrote; it
 * and what follows it are not kept. */
static const char below_mark[] =
	"-------- Dưới dòng này: nội dung các đơn vị trực thuộc, để tham khảo (không được lưu) --------";

/* Let the user edit `current` in their editor, the texts of the units
 * below (`below`, or NULL) shown under below_mark; *out the text saved
 * above the mark. */
static int edit_text(const char *current, const char *below, char **out, struct err *e)
{
	const char *ed = getenv("VISUAL");
	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
	const char *tmpdir = getenv("TMPDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/theodoi-bao-cao-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0)
		return err_set(e, ERR_IO, "không tạo được tệp tạm: %s", syserr_str(errno));
	struct sbuf init = {0};
	sbuf_puts(&init, current ? current : "");
	if (below && *below)
		sbuf_printf(&init, "%s\n\n%s\n%s", current ? "\n" : "", below_mark, below);
	int bad = init.len && write(fd, init.s, init.len) != (ssize_t)init.len;
	sbuf_free(&init);
	bad |= close(fd) != 0;
	if (bad) {
		unlink(path);
		return err_set(e, ERR_IO, "không ghi được tệp tạm %s", path);
	}
	/* as git does: the editor's value may carry options, run by the shell */
	struct sbuf cmd = {0};
	sbuf_printf(&cmd, "%s \"$1\"", ed);
	char *argv[] = {"sh", "-c", cmd.s, "sh", path, NULL};
	pid_t pid;
	int rc = posix_spawn(&pid, "/bin/sh", NULL, NULL, argv, environ), status = 0;
	sbuf_free(&cmd);
	if (rc) {
		unlink(path);
		return err_set(e, ERR_IO, "không chạy được trình soạn thảo %s: %s", ed, syserr_str(rc));
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		unlink(path);
		return err_set(e, ERR_INPUT, "trình soạn thảo %s dừng với lỗi: không lưu gì", ed);
	}
	/* what is under the mark was shown, not written */
	struct sbuf b = {0};
	int fd2 = open(path, O_RDONLY | O_CLOEXEC);
	if (fd2 < 0) {
		unlink(path);
		return err_set(e, ERR_IO, "không đọc lại được tệp tạm %s: %s", path, syserr_str(errno));
	}
	char buf[8192];
	ssize_t n;
	while ((n = read(fd2, buf, sizeof buf)) > 0 && b.len <= RTEXT_MAX * 2)
		sbuf_add(&b, buf, (size_t)n);
	close(fd2);
	unlink(path);
	char *cut = b.s ? strstr(b.s, below_mark) : NULL;
	if (cut)
		*cut = '\0';
	rc = txt_clean_input(b.s ? b.s : "", RTEXT_MAX, 1, out, e);
	sbuf_free(&b);
	return rc;
}

struct text_write {
	struct cli *c;
	const struct hier *h;
	uint32_t unit;
	const char *period;
	enum rtext_section section;
	const char *text;
	int changed;
};

static int text_fn(struct txn *t, void *ctx, struct err *e)
{
	struct text_write *w = ctx;
	return rtext_save(t, &w->c->ops, w->h, w->unit, w->period, w->section, w->text, &w->changed,
	                  e);
}

int cmd_report_text(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {{"unit", required_argument, NULL, 'u'},
	                                     {"period", required_argument, NULL, 'p'},
	                                     {"section", required_argument, NULL, 's'},
	                                     {"file", required_argument, NULL, 'f'},
	                                     {"show", no_argument, NULL, 'S'},
	                                     {"clear", no_argument, NULL, 'C'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {0}};
	const char *unit = NULL, *file = NULL;
	int o, rc, section = -1, show = 0, clear = 0, have_period = 0;
	struct report_period p;
	while ((o = getopt_long(argc, argv, "hu:p:s:f:", opts, NULL)) != -1) {
		switch (o) {
		case 'h': return fputs(report_text_help, c->out), 0;
		case 'u': unit = optarg; break;
		case 'p':
			if ((rc = report_period_parse(optarg, &p, e)))
				return rc;
			have_period = 1;
			break;
		case 's':
			if ((section = rtext_parse(optarg)) < 0) {
				str_copy(e->field, "--section", sizeof e->field);
				return err_set(e, ERR_USAGE, "phần không hợp lệ: '%s' (danh-gia, han-che, "
				               "phuong-huong hoặc kien-nghi)", optarg);
			}
			break;
		case 'f': file = optarg; break;
		case 'S': show = 1; break;
		case 'C': clear = 1; break;
		default: return cli_bad_option("report-text", e);
		}
	}
	if (optind < argc)
		return err_set(e, ERR_USAGE, "lệnh report-text không nhận tham số '%s'", argv[optind]);
	if (!unit || !have_period || section < 0)
		return err_set(e, ERR_USAGE, "lệnh report-text cần --unit, --period và --section "
		               "(xem theodoi report-text --help)");
	if (show + clear + (file != NULL) > 1)
		return err_set(e, ERR_USAGE, "chỉ dùng một trong --file, --show, --clear");
	const struct hier *h;
	struct txn *t;
	uint32_t uid;
	char period[24], *current = NULL, *text = NULL;
	report_period_key(&p, period, sizeof period);
	if ((rc = cli_store(c, 0, e)) || (rc = cli_hier(c, &h, e)) || (rc = cli_unit(c, unit, &uid, e)) ||
	    (rc = store_read_begin(c->ops.st, &t, e)))
		return rc;
	struct sbuf below = {0};
	rc = rtext_get(t, uid, period, (enum rtext_section)section, &current, e);
	if (!rc)
		rc = rtext_below(&below, t, h, uid, period, (enum rtext_section)section, e);
	store_read_end(t);
	if (!rc && show)
		fprintf(c->out, "%s\n%s", current ? current : "(chưa có nội dung)", below.s ? below.s : "");
	if (rc || show) {
		sbuf_free(&below);
		free(current);
		return rc;
	}
	if (clear)
		text = xstrdup("");
	else if (file)
		rc = read_text_file(file, &text, e);
	else
		rc = edit_text(current, below.s, &text, e);
	sbuf_free(&below);
	free(current);
	if (rc)
		return rc;
	struct text_write w = {c, h, uid, period, (enum rtext_section)section, text, 0};
	rc = store_write(c->ops.st, text_fn, &w, e);
	if (!rc) {
		const struct unit *u = hier_unit(h, uid);
		char label[48];
		fprintf(c->out, "%s: phần \"%s\" của %s, %s.\n",
		        !w.changed ? "Không có thay đổi" : text[0] ? "Đã lưu" : "Đã xóa",
		        rtext_title((enum rtext_section)section), u ? u->name : unit,
		        report_period_label(&p, label, sizeof label));
	}
	free(text);
	return rc;
}
