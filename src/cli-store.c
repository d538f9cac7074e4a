/* cli-store.c — check-store: verify the store, and repair its indexes. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "ops-group.h"
#include "period.h"
#include "store.h"
#include "util.h"

static const char check_help[] =
	"Cách dùng: theodoi check-store [--repair]\n"
	"Kiểm tra kho: mọi bản ghi đọc được, mọi mục chỉ mục trỏ tới bản ghi có thật, mọi bản ghi\n"
	"đều được lập chỉ mục, không bản ghi nào nhắc tới bản ghi không có (tham chiếu treo: đơn vị\n"
	"chủ trì, phối hợp, ban hành, cấp trên; văn bản, nhiệm vụ, chỉ tiêu), các bộ đếm khớp, hạn\n"
	"của mỗi nhiệm vụ đúng như tính lại theo các kỳ báo cáo, cây đơn vị lưu sẵn khớp với các\n"
	"bản ghi đơn vị, nhiệm vụ chung đã tách thành nghĩa vụ của từng đơn vị được đánh dấu\n"
	"(không đếm) và chỉ những nhiệm vụ đó.\n"
	"In các vấn đề và trả mã lỗi 6 nếu có.\n"
	"--repair: dựng lại toàn bộ chỉ mục, bộ đếm và cây đơn vị lưu sẵn từ các bản ghi,\n"
	"tính lại hạn của mọi nhiệm vụ, đánh dấu lại nhiệm vụ chung (quản trị), rồi kiểm tra lại.\n"
	"Bản ghi hỏng và tham chiếu treo thì --repair không sửa được: phục hồi từ bản sao lưu\n"
	"(theodoi restore), hoặc sửa bản xuất JSON rồi import-json vào kho mới.\n";

static int check(struct cli *c, int repaired, struct err *e)
{
	struct txn *t;
	char *report = NULL;
	int rc = store_read_begin(c->ops.st, &t, e);
	if (rc)
		return rc;
	rc = store_check(t, &report, e);
	if (rc == 0 || rc == ERR_STORE) {
		/* the dues the period engine gives, against the stored ones */
		struct sbuf dues = {0};
		size_t nbad = 0;
		int drc = per_check_dues(t, &c->cfg.periods, &dues, &nbad, e);
		if (drc)
			rc = drc;
		else if (nbad)
			rc = ERR_STORE;
		/* opened group tasks marked, and only those (ops-group.h) */
		if (!drc && !(drc = ops_group_marks(t, &dues, &nbad, e)) && nbad)
			rc = ERR_STORE;
		else if (drc)
			rc = drc;
		if (report && *report)
			fputs(report, c->out);
		if (dues.s)
			fputs(dues.s, c->out);
		free(dues.s);
	} else if (report && *report) {
		fputs(report, c->out);
	}
	store_read_end(t);
	free(report);
	if (rc == 0)
		fprintf(c->out, "Kho dữ liệu %s: không phát hiện vấn đề.\n", store_path(c->ops.st));
	else if (rc == ERR_STORE && !repaired)
		err_set(e, ERR_STORE, "kho dữ liệu %s có vấn đề (xem ở trên); thử: theodoi check-store --repair",
		        store_path(c->ops.st));
	else if (rc == ERR_STORE)
		err_set(e, ERR_STORE,
		        "kho dữ liệu %s còn vấn đề sau khi dựng lại chỉ mục (xem ở trên): --repair chỉ "
		        "sửa chỉ mục và bộ đếm; bản ghi hỏng và tham chiếu treo thì không: phục hồi từ "
		        "bản sao lưu (theodoi restore) hoặc sửa bản xuất JSON rồi import-json vào kho mới",
		        store_path(c->ops.st));
	return rc;
}

int cmd_check_store(struct cli *c, int argc, char **argv, struct err *e)
{
	static const struct option opts[] = {
		{"repair", no_argument, NULL, 'r'}, {"help", no_argument, NULL, 'h'}, {0}};
	int o, rc, repair = 0;
	while ((o = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (o == 'h')
			return fputs(check_help, c->out), 0;
		if (o != 'r')
			return err_set(e, ERR_USAGE, "tùy chọn không hợp lệ cho lệnh check-store");
		repair = 1;
	}
	if ((rc = cli_store(c, 0, e)))
		return rc;
	if (!repair)
		return check(c, 0, e);
	if ((rc = ops_repair(&c->ops, e)))
		return rc;
	fprintf(c->out, "Đã dựng lại chỉ mục và bộ đếm.\n");
	return check(c, 1, e);
}
