/* cli-rows.c — one row per task for the listing commands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-rows.h"
#include "cli.h"
#include "history.h"
#include "store.h"
#include "util.h"

static const struct out_col task_cols[] = {
	{"id", "Mã", OUT_INT, 0, 1, 0},
	{"doc", "Văn bản", OUT_STR, 18, 0, OUT_TEXT_ONLY},
	{"doc_number", "Văn bản", OUT_STR, 14, 0, 1},
	{"section", "Mục", OUT_STR, 10, 0, 0},
	{"lead_code", "Mã ĐV", OUT_STR, 0, 0, 1},
	{"lead_name", "Chủ trì", OUT_STR, 24, 0, 0},
	{"text", "Nội dung", OUT_STR, 44, 0, 0},
	{"deadline_phrase", "Thời hạn ghi trong văn bản", OUT_STR, 0, 0, 1},
	{"due", "Hạn", OUT_DATE, 0, 0, 0},
	{"status", "Trạng thái", OUT_STR, 0, 0, 1},
	{"status_label", "Trạng thái", OUT_STR, 0, 0, 0},
	{"progress", "%", OUT_INT, 0, 1, 0},
	{"timeliness", "Tình trạng", OUT_STR, 0, 0, 1},
	{"timeliness_label", "Tình trạng", OUT_STR, 0, 0, 0},
	{"days_overdue", "Số ngày quá hạn", OUT_INT, 0, 0, 1},
	{"original_due", "Hạn ban đầu", OUT_DATE, 0, 0, 1},
	{"days_late_original", "Số ngày quá hạn so với hạn ban đầu", OUT_INT, 0, 0, 1},
	{"doc_id", "Mã văn bản", OUT_INT, 0, 0, 1},
};

void rows_init(struct out_table *t)
{
	out_init(t, task_cols, (int)(sizeof task_cols / sizeof task_cols[0]));
}

void doc_cache_free(struct doc_cache *dc)
{
	free(dc->ids);
	free(dc->numbers);
	for (size_t i = 0; i < dc->nu; i++)
		free(dc->unit_names[i]);
	free(dc->unit_ids);
	free(dc->unit_codes);
	free(dc->unit_names);
	memset(dc, 0, sizeof *dc);
}

/* Index of unit `id` in the cache, reading it on first use; -1 if absent. */
static long unit_slot(struct txn *t, struct doc_cache *dc, uint32_t id)
{
	for (size_t i = 0; i < dc->nu; i++)
		if (dc->unit_ids[i] == id)
			return (long)i;
	struct unit u = {0};
	if (store_unit_get(t, id, &u, NULL) != 0)
		return -1;
	if (dc->nu == dc->capu) {
		dc->capu = dc->capu ? dc->capu * 2 : 16;
		dc->unit_ids = xrealloc(dc->unit_ids, dc->capu * sizeof *dc->unit_ids);
		dc->unit_codes = xrealloc(dc->unit_codes, dc->capu * sizeof *dc->unit_codes);
		dc->unit_names = xrealloc(dc->unit_names, dc->capu * sizeof *dc->unit_names);
	}
	dc->unit_ids[dc->nu] = id;
	str_copy(dc->unit_codes[dc->nu], u.code, sizeof dc->unit_codes[0]);
	dc->unit_names[dc->nu] = xstrdup(u.name ? u.name : "");
	unit_free(&u);
	return (long)dc->nu++;
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
	/* the number, or "" for a document that has none (a draft, a copy
	 * whose header was lost): rows name it by its id then */
	if (store_doc_get(t, id, &d, NULL) == 0)
		snprintf(dc->numbers[dc->n], sizeof dc->numbers[0], "%s", d.number);
	else
		dc->numbers[dc->n][0] = '\0';
	doc_free(&d);
	return dc->numbers[dc->n++];
}

int rows_add(struct cli *c, struct txn *t, struct out_table *tab, struct doc_cache *dc,
             const struct task *task, struct err *e)
{
	(void)e;
	long lead = task->lead ? unit_slot(t, dc, task->lead) : -1;
	struct tl_input in = {task->status, &task->dl, task->due, task->done_date, &c->cfg.periods};
	struct tl_result r = tl_compute(&in, c->ops.today, c->cfg.soon_days);
	char id[24], due[11], prog[8], days[16], tl[160], orig[11], late_orig[16] = "";
	snprintf(id, sizeof id, "%llu", (unsigned long long)task->id);
	snprintf(prog, sizeof prog, "%u", (unsigned)task->progress);
	days[0] = '\0';
	if (r.tl == TL_OVERDUE || r.tl == TL_UNREPORTED)
		snprintf(days, sizeof days, "%d", r.days);
	tl_describe(r, tl, sizeof tl);
	date_t od;
	int late = ops_late_original(task, &c->cfg.periods, c->ops.today, &od);
	if (od != DATE_NONE)
		snprintf(late_orig, sizeof late_orig, "%d", late);
	if (late > 0) { /* an extended task: its lateness against the original too */
		char w[96];
		snprintf(tl + strlen(tl), sizeof tl - strlen(tl), "; %s",
		         ops_late_original_text(late, task->status == ST_DONE, w, sizeof w));
	}
	const char *number = doc_number(t, dc, task->doc_id);
	char doc[80] = "", doc_id[24] = "";
	if (task->doc_id) {
		snprintf(doc, sizeof doc, "#%llu %s", (unsigned long long)task->doc_id,
		         *number ? number : "(không số)");
		snprintf(doc_id, sizeof doc_id, "%llu", (unsigned long long)task->doc_id);
	}
	const char *cells[] = {
		id,
		doc,
		number,
		task->section,
		lead >= 0 ? dc->unit_codes[lead] : "",
		lead >= 0 ? dc->unit_names[lead] : (task->lead_text ? task->lead_text : ""),
		task->text ? task->text : "",
		task->dl_phrase ? task->dl_phrase : "",
		task->due == DATE_NONE ? "" : date_iso(task->due, due),
		st_key(task->status),
		st_label(task->status),
		prog,
		tl_key(r.tl),
		tl,
		days,
		od == DATE_NONE ? "" : date_iso(od, orig),
		late_orig,
		doc_id,
	};
	out_row(tab, cells);
	return 0;
}

const struct hist_day *rows_past(const struct cli *c, struct hist_day *hd)
{
	hd->day = hist_past_day(c->ops.today, date_today());
	hd->periods = &c->cfg.periods;
	return hd->day == DATE_NONE ? NULL : hd;
}

int rows_add_ids(struct cli *c, struct txn *t, struct out_table *tab, const uint64_t *ids,
                 size_t n, struct err *e)
{
	struct doc_cache dc = {0};
	int rc = 0;
	struct hist_day hd;
	const struct hist_day *past = rows_past(c, &hd);
	for (size_t i = 0; i < n && !rc; i++) {
		struct task task = {0}, then = {0};
		int exists = 1;
		rc = store_task_get(t, ids[i], &task, e);
		if (!rc && past)
			rc = hist_task_as_of(t, &task, past, &then, &exists, e);
		if (!rc && exists)
			rc = rows_add(c, t, tab, &dc, past ? &then : &task, e);
		task_free(&task);
		task_free(&then);
	}
	doc_cache_free(&dc);
	return rc;
}
