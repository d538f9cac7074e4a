/* cli-rows.c — one row per task for the listing commands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-rows.h"
#include "cli.h"
#include "history.h"
#include "ops-group.h"
#include "store.h"
#include "text.h"
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
	out_init(t, task_cols, OUT_NCOLS(task_cols));
}

void rows_stream(struct out_table *t, int format, FILE *f)
{
	out_stream(t, task_cols, OUT_NCOLS(task_cols), format, f);
}

int rows_write_error(struct err *e)
{
	return err_set(e, ERR_IO, "không ghi được kết quả ra đầu ra chuẩn");
}

int rows_end(struct out_table *tab, struct err *e)
{
	return out_end(tab) ? rows_write_error(e) : 0;
}

/* v in decimal into buf (24 bytes at least); returns buf.  The rows of a
 * large listing are mostly numbers: this is snprintf's "%lld" without its
 * cost. */
static char *dec(char *buf, long long v)
{
	char tmp[24], *p = tmp + sizeof tmp;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	*--p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	memcpy(buf, p, (size_t)(tmp + sizeof tmp - p));
	return buf;
}

void rows_id_width(struct out_table *tab, uint64_t largest)
{
	char b[24];
	out_min_width(tab, 0, (int)strlen(dec(b, (long long)largest)));
}

static void drop_units(struct doc_cache *dc)
{
	for (size_t i = 0; i < dc->capunits; i++)
		free(dc->units[i].name);
	free(dc->units);
	dc->units = NULL;
	dc->nunits = dc->capunits = 0;
}

void doc_cache_free(struct doc_cache *dc)
{
	drop_units(dc);
	free(dc->docs);
	memset(dc, 0, sizeof *dc);
}

/* The first probe of id in a table of cap (a power of two) slots. */
static size_t slot_of(uint64_t id, size_t cap)
{
	return (size_t)((id * 0x9e3779b97f4a7c15ULL) >> 32) & (cap - 1);
}

/* Make room for one more entry: the table doubles while it is below the
 * bound, and starts over empty once it holds ROWS_CACHE_MAX entries.  The
 * entries are rehashed into the new table. */
static void grow_docs(struct doc_cache *dc)
{
	if (dc->ndocs >= (dc->max ? dc->max : ROWS_CACHE_MAX)) {
		memset(dc->docs, 0, dc->capdocs * sizeof *dc->docs);
		dc->ndocs = 0;
		return;
	}
	if (dc->capdocs && (dc->ndocs + 1) * 2 <= dc->capdocs)
		return;
	size_t cap = dc->capdocs ? dc->capdocs * 2 : 16;
	struct rows_doc_slot *v = xcalloc(cap, sizeof *v);
	for (size_t i = 0; i < dc->capdocs; i++) {
		if (!dc->docs[i].id)
			continue;
		size_t k = slot_of(dc->docs[i].id, cap);
		while (v[k].id)
			k = (k + 1) & (cap - 1);
		v[k] = dc->docs[i];
	}
	free(dc->docs);
	dc->docs = v;
	dc->capdocs = cap;
}

static void grow_units(struct doc_cache *dc)
{
	if (dc->nunits >= (dc->max ? dc->max : ROWS_CACHE_MAX)) {
		for (size_t i = 0; i < dc->capunits; i++)
			free(dc->units[i].name);
		memset(dc->units, 0, dc->capunits * sizeof *dc->units);
		dc->nunits = 0;
		return;
	}
	if (dc->capunits && (dc->nunits + 1) * 2 <= dc->capunits)
		return;
	size_t cap = dc->capunits ? dc->capunits * 2 : 16;
	struct rows_unit_slot *v = xcalloc(cap, sizeof *v);
	for (size_t i = 0; i < dc->capunits; i++) {
		if (!dc->units[i].id)
			continue;
		size_t k = slot_of(dc->units[i].id, cap);
		while (v[k].id)
			k = (k + 1) & (cap - 1);
		v[k] = dc->units[i];
	}
	free(dc->units);
	dc->units = v;
	dc->capunits = cap;
}

const struct rows_unit_slot *rows_unit(struct txn *t, struct doc_cache *dc, uint32_t id)
{
	size_t k;
	if (dc->capunits) {
		for (k = slot_of(id, dc->capunits); dc->units[k].id; k = (k + 1) & (dc->capunits - 1))
			if (dc->units[k].id == id)
				return dc->units[k].found ? &dc->units[k] : NULL;
	}
	grow_units(dc);
	for (k = slot_of(id, dc->capunits); dc->units[k].id; k = (k + 1) & (dc->capunits - 1))
		;
	struct rows_unit_slot *s = &dc->units[k];
	struct unit u = {0};
	s->id = id;
	s->found = store_unit_get(t, id, &u, NULL) == 0;
	if (s->found) {
		str_copy(s->code, u.code, sizeof s->code);
		s->name = xstrdup(u.name ? u.name : "");
	}
	unit_free(&u);
	dc->nunits++;
	return s->found ? s : NULL;
}

const char *rows_doc_number(struct txn *t, struct doc_cache *dc, uint64_t id)
{
	size_t k;
	if (!id)
		return "";
	if (dc->capdocs) {
		for (k = slot_of(id, dc->capdocs); dc->docs[k].id; k = (k + 1) & (dc->capdocs - 1))
			if (dc->docs[k].id == id)
				return dc->docs[k].number;
	}
	grow_docs(dc);
	for (k = slot_of(id, dc->capdocs); dc->docs[k].id; k = (k + 1) & (dc->capdocs - 1))
		;
	struct rows_doc_slot *s = &dc->docs[k];
	char number[DOCNUM_LEN];
	s->id = id;
	/* the number, or "" for a document that has none (a draft, a copy
	 * whose header was lost): rows name it by its id then */
	if (store_doc_number(t, id, number, NULL) == 0)
		str_copy(s->number, number, sizeof s->number);
	else
		s->number[0] = '\0';
	dc->ndocs++;
	return s->number;
}

int rows_add(struct cli *c, struct txn *t, struct out_table *tab, struct doc_cache *dc,
             const struct task *task, struct err *e)
{
	const struct rows_unit_slot *lead = task->lead ? rows_unit(t, dc, task->lead) : NULL;
	struct tl_input in = {task->status, &task->dl, task->due, task->done_date, &c->cfg.periods};
	struct tl_result r = tl_compute(&in, c->ops.today, c->cfg.soon_days);
	char id[24], due[11], prog[24], days[24], tl[160], orig[11], late_orig[24] = "";
	dec(id, (long long)task->id);
	dec(prog, task->progress);
	days[0] = '\0';
	if (r.tl == TL_OVERDUE || r.tl == TL_UNREPORTED)
		dec(days, r.days);
	tl_describe(r, tl, sizeof tl);
	date_t od;
	int late = ops_late_original(task, &c->cfg.periods, c->ops.today, &od);
	if (od != DATE_NONE)
		dec(late_orig, late);
	if (late > 0) { /* an extended task: its lateness against the original too */
		char w[96];
		snprintf(tl + strlen(tl), sizeof tl - strlen(tl), "; %s",
		         ops_late_original_text(late, task->status == ST_DONE, w, sizeof w));
	}
	const char *st_k = st_key(task->status), *st_l = st_label(task->status), *tl_k = tl_key(r.tl);
	char group[64];
	if (task->group_open) { /* a container: its obligations' roll-up */
		size_t total = 0, done = 0;
		int rc = ops_group_rollup(t, task, &total, &done, e);
		if (rc)
			return rc;
		st_k = tl_k = OPS_GROUP_TL_KEY;
		st_l = ops_group_label(total, done, group, sizeof group);
		dec(prog, ops_group_percent(total, done));
		snprintf(tl, sizeof tl, "%s", OPS_GROUP_TL_LABEL);
		days[0] = '\0';
	}
	const char *number = rows_doc_number(t, dc, task->doc_id);
	char doc[80] = "", doc_id[24] = "";
	if (task->doc_id) {
		dec(doc_id, (long long)task->doc_id);
		/* "#id number": 1 + 20 + 1 + 47 bytes at most, within doc */
		doc[0] = '#';
		strcpy(doc + 1, doc_id);
		strcat(doc, " ");
		strcat(doc, *number ? number : "(không số)");
	}
	const char *cells[] = {
		id,
		doc,
		number,
		task->section,
		lead ? lead->code : "",
		lead ? lead->name : (task->lead_text ? task->lead_text : ""),
		task->text ? task->text : "",
		task->dl_phrase ? task->dl_phrase : "",
		task->due == DATE_NONE ? "" : date_iso(task->due, due),
		st_k,
		st_l,
		prog,
		tl_k,
		tl,
		days,
		od == DATE_NONE ? "" : date_iso(od, orig),
		late_orig,
		doc_id,
	};
	if (out_row(tab, cells))
		return rows_write_error(e);
	return 0;
}

const struct hist_day *rows_past(const struct cli *c, struct hist_day *hd)
{
	hd->day = hist_past_day(c->ops.today, date_today());
	hd->periods = &c->cfg.periods;
	return hd->day == DATE_NONE ? NULL : hd;
}

int rows_add_id(struct cli *c, struct txn *t, struct out_table *tab, struct doc_cache *dc,
                const struct hist_day *past, uint64_t id, struct err *e)
{
	struct task task = {0}, then = {0};
	int exists = 1;
	int rc = store_task_get(t, id, &task, e);
	if (!rc && past)
		rc = hist_task_as_of(t, &task, past, &then, &exists, e);
	if (!rc && exists)
		rc = rows_add(c, t, tab, dc, past ? &then : &task, e);
	task_free(&task);
	task_free(&then);
	return rc;
}

/* Column numbers in task_cols of the two cells a due row may hold cut. */
enum { COL_LEAD_NAME = 5, COL_TEXT = 6 };

/* Does a cut prefix print as the whole would in column col of a text
 * table?  It does when it is wider than the column can be (its max_width)
 * by two columns: the cell is cut before the prefix ends, whatever follows
 * (a cluster the cut split, a "\r" before its "\n"). */
static int prefix_fills(const char *prefix, int col)
{
	int w;
	char *clean = txt_sanitize_width(prefix ? prefix : "", &w);
	int ok = w >= task_cols[col].max_width + 2;
	free(clean);
	return ok;
}

int rows_add_due(struct cli *c, struct txn *t, struct out_table *tab, struct doc_cache *dc,
                 uint64_t id, date_t due, struct err *e)
{
	/* CSV and JSON print the whole text and the deadline phrase, which
	 * only the record holds */
	if (!tab->f || tab->format != FMT_TEXT || rows_past(c, &(struct hist_day){0}))
		return rows_add_id(c, t, tab, dc, NULL, id, e);
	struct task row;
	unsigned cut = 0;
	struct err de = {0};
	int rc = store_due_row_get(t, due, id, &row, &cut, &de);
	if (rc == 0 && (!(cut & STORE_ROW_TEXT_CUT) || prefix_fills(row.text, COL_TEXT)) &&
	    (!(cut & STORE_ROW_LEAD_CUT) || prefix_fills(row.lead_text, COL_LEAD_NAME))) {
		rc = rows_add(c, t, tab, dc, &row, e);
		task_free(&row);
		return rc;
	}
	if (rc == 0)
		task_free(&row);
	/* no row, one that does not decode (check-store reports it) or one
	 * whose cut text would show: the record */
	return rows_add_id(c, t, tab, dc, NULL, id, e);
}

int rows_add_ids(struct cli *c, struct txn *t, struct out_table *tab, const uint64_t *ids,
                 size_t n, struct err *e)
{
	struct doc_cache dc = {0};
	int rc = 0;
	struct hist_day hd;
	const struct hist_day *past = rows_past(c, &hd);
	for (size_t i = 0; i < n && !rc; i++)
		rc = rows_add_id(c, t, tab, &dc, past, ids[i], e);
	doc_cache_free(&dc);
	return rc;
}
