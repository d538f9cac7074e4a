/* cli-rows.c — one row per task for the listing commands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-rows.h"
#include "cli.h"
#include "hier.h"
#include "store.h"
#include "util.h"

static const struct out_col task_cols[] = {
	{"id", "Mã", OUT_INT, 0, 1, 0},
	{"doc_number", "Văn bản", OUT_STR, 14, 0, 0},
	{"section", "Mục", OUT_STR, 10, 0, 0},
	{"lead_code", "Mã ĐV", OUT_STR, 0, 0, 1},
	{"lead_name", "Chủ trì", OUT_STR, 24, 0, 0},
	{"text", "Nội dung", OUT_STR, 44, 0, 0},
	{"deadline_phrase", "Thời hạn ghi trong văn bản", OUT_STR, 0, 0, 1},
	{"due", "Hạn", OUT_STR, 0, 0, 0},
	{"status", "Trạng thái", OUT_STR, 0, 0, 1},
	{"status_label", "Trạng thái", OUT_STR, 0, 0, 0},
	{"progress", "%", OUT_INT, 0, 1, 0},
	{"timeliness", "Tình trạng", OUT_STR, 0, 0, 1},
	{"timeliness_label", "Tình trạng", OUT_STR, 0, 0, 0},
	{"days_overdue", "Số ngày quá hạn", OUT_INT, 0, 0, 1},
};

void rows_init(struct out_table *t)
{
	out_init(t, task_cols, (int)(sizeof task_cols / sizeof task_cols[0]));
}

void doc_cache_free(struct doc_cache *dc)
{
	free(dc->ids);
	free(dc->numbers);
	memset(dc, 0, sizeof *dc);
}

static const char *doc_number(struct txn *t, struct doc_cache *dc, uint64_t id)
{
	if (!id)
		return "";
	for (size_t i = 0; i < dc->n; i++)
		if (dc->ids[i] == id)
			return dc->numbers[i];
	if (dc->n == dc->cap) {
		dc->cap = dc->cap ? dc->cap * 2 : 16;
		dc->ids = xrealloc(dc->ids, dc->cap * sizeof *dc->ids);
		dc->numbers = xrealloc(dc->numbers, dc->cap * sizeof *dc->numbers);
	}
	struct doc d = {0};
	dc->ids[dc->n] = id;
	if (store_doc_get(t, id, &d, NULL) == 0)
		snprintf(dc->numbers[dc->n], sizeof dc->numbers[0], "%s",
		         d.number[0] ? d.number : (d.title ? d.title : ""));
	else
		snprintf(dc->numbers[dc->n], sizeof dc->numbers[0], "#%llu", (unsigned long long)id);
	doc_free(&d);
	return dc->numbers[dc->n++];
}

int rows_add(struct cli *c, struct txn *t, struct out_table *tab, struct doc_cache *dc,
             const struct task *task, struct err *e)
{
	const struct hier *h;
	int rc = cli_hier(c, &h, e);
	if (rc)
		return rc;
	const struct unit *lead = task->lead ? hier_unit(h, task->lead) : NULL;
	struct tl_input in = {task->status, &task->dl, task->due, task->done_date};
	struct tl_result r = tl_compute(&in, c->ops.today, c->cfg.soon_days);
	char id[24], due[11], prog[8], days[16], tl[64];
	snprintf(id, sizeof id, "%llu", (unsigned long long)task->id);
	snprintf(prog, sizeof prog, "%u", (unsigned)task->progress);
	days[0] = '\0';
	if (r.tl == TL_OVERDUE || r.tl == TL_UNREPORTED)
		snprintf(days, sizeof days, "%d", r.days);
	tl_describe(r, tl, sizeof tl);
	const char *cells[] = {
		id,
		doc_number(t, dc, task->doc_id),
		task->section,
		lead ? lead->code : "",
		lead ? lead->name : (task->lead_text ? task->lead_text : ""),
		task->text ? task->text : "",
		task->dl_phrase ? task->dl_phrase : "",
		task->due == DATE_NONE ? "" : date_iso(task->due, due),
		st_key(task->status),
		st_label(task->status),
		prog,
		tl_key(r.tl),
		tl,
		days,
	};
	out_row(tab, cells);
	return 0;
}

int rows_add_ids(struct cli *c, struct txn *t, struct out_table *tab, const uint64_t *ids,
                 size_t n, struct err *e)
{
	struct doc_cache dc = {0};
	int rc = 0;
	for (size_t i = 0; i < n && !rc; i++) {
		struct task task = {0};
		rc = store_task_get(t, ids[i], &task, e);
		if (!rc)
			rc = rows_add(c, t, tab, &dc, &task, e);
		task_free(&task);
	}
	doc_cache_free(&dc);
	return rc;
}
