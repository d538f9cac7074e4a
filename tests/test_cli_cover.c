/* test_cli_cover.c — `overdue` and `due` in text build their rows from
 * due_rows (the rows beside the due index) and print exactly what the
 * records would give: a row changed behind the program's back shows in
 * the text listing and not in CSV, check-store reports it and --repair
 * puts it right; a row whose cut text would not fill the column is
 * passed over for the record; a schema-4 store made by the program before
 * the rows lists as that program listed it. */
#include <lmdb.h>
#include <stdlib.h>
#include <string.h>

#include "cli-run.c.inc"
#include "codec.h"
#include "date.h"
#include "model.h"
#include "store.h"
#include "util.h"

/* The present is the day the runs give with --today: the listings of a
 * past day read the records and the history, not the rows. */
static void at_today(void)
{
	setenv("THEODOI_TODAY", "2026-11-23", 1);
}

TestSuite(cli_cover, .init = at_today);

/* Rewrite the row of task id (due day `due`): its text becomes `text`,
 * with the flags `cut`. */
static void set_row(const char *store, date_t due, uint64_t id, const char *text, unsigned cut)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	cr_assert_eq(mdb_env_create(&env), 0);
	cr_assert_eq(mdb_env_set_maxdbs(env, 64), 0);
	cr_assert_eq(mdb_env_open(env, store, 0, 0664), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	cr_assert_eq(mdb_dbi_open(txn, "due_rows", 0, &dbi), 0);
	unsigned char key[12];
	uint32_t b = (uint32_t)due ^ 0x80000000u;
	for (int i = 0; i < 4; i++)
		key[i] = (unsigned char)(b >> (24 - 8 * i));
	for (int i = 0; i < 8; i++)
		key[4 + i] = (unsigned char)(id >> (56 - 8 * i));
	MDB_val k = {12, key}, v;
	cr_assert_eq(mdb_get(txn, dbi, &k, &v), 0, "task %llu has its row", (unsigned long long)id);
	struct task row;
	struct err e = {0};
	cr_assert_eq(codec_task_decode((const char *)v.mv_data + 1, v.mv_size - 1, &row, &e), 0,
	             "%s", e.msg);
	free(row.text);
	row.text = xstrdup(text);
	struct sbuf out = {0};
	sbuf_putc(&out, (char)cut);
	cr_assert_eq(codec_task_encode(&row, &out, &e), 0, "%s", e.msg);
	task_free(&row);
	v.mv_size = out.len;
	v.mv_data = out.s;
	cr_assert_eq(mdb_put(txn, dbi, &k, &v, 0), 0);
	cr_assert_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
	sbuf_free(&out);
}

/* The id and due of the first overdue task. */
static void first_overdue(const char *store, uint64_t *id, date_t *due)
{
	json_t *j = fx_run_json(NULL, store, "overdue", "--limit", "1", "--format", "json", NULL);
	json_t *o = json_array_get(j, 0);
	cr_assert_not_null(o);
	*id = (uint64_t)json_integer_value(json_object_get(o, "id"));
	cr_assert_eq(date_parse(json_string_value(json_object_get(o, "due")), due, NULL), 0);
	json_decref(j);
}

static char *run_out(const char *store, const char *a1, const char *a2, const char *a3)
{
	struct run r = fx_run(NULL, store, a1, a2, a3, NULL);
	cr_assert_eq(r.status, 0, "%s %s: %s", a1, a2 ? a2 : "", r.err);
	free(r.err);
	return r.out;
}

Test(cli_cover, the_text_listing_reads_the_rows)
{
	const char *store = fx_demo();
	char *text = run_out(store, "overdue", NULL, NULL);
	char *csv = run_out(store, "overdue", "--format", "csv");
	char *due = run_out(store, "due", "--within", "60");
	uint64_t id;
	date_t day;
	first_overdue(store, &id, &day);

	static const char mark[] = "DÒNG GHI TRONG due_rows, KHÁC VỚI BẢN GHI CỦA NHIỆM VỤ NÀY";
	set_row(store, day, id, mark, STORE_ROW_TEXT_CUT);
	char *t2 = run_out(store, "overdue", NULL, NULL);
	cr_assert(strstr(t2, "DÒNG GHI TRONG due_rows, KHÁC VỚI BẢN GHI"), "%s", t2);
	char *c2 = run_out(store, "overdue", "--format", "csv");
	cr_assert_str_eq(c2, csv, "CSV reads the records");
	free(t2);
	free(c2);

	struct run r = fx_run(NULL, store, "check-store", NULL);
	cr_assert_neq(r.status, 0);
	cr_assert(strstr(r.out, "due_rows") || strstr(r.err, "due_rows"), "%s\n%s", r.out, r.err);
	fx_free(&r);
	r = fx_run(NULL, store, "check-store", "--repair", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	t2 = run_out(store, "overdue", NULL, NULL);
	cr_assert_str_eq(t2, text, "repaired");
	free(t2);

	/* a cut text too narrow for the column: the record's is printed */
	set_row(store, day, id, "ngắn", STORE_ROW_TEXT_CUT);
	t2 = run_out(store, "overdue", NULL, NULL);
	cr_assert_str_eq(t2, text);
	free(t2);
	t2 = run_out(store, "due", "--within", "60");
	cr_assert_str_eq(t2, due);
	free(t2);
	free(text);
	free(csv);
	free(due);
}

Test(cli_cover, a_schema4_store_lists_as_before)
{
	char store[160], cmd[400];
	snprintf(store, sizeof store, "%s/s4", fx_tmpdir());
	snprintf(cmd, sizeof cmd, "mkdir -p '%s' && cp tests/data/schema4-demo/data.mdb '%s/'", store,
	         store);
	cr_assert_eq(system(cmd), 0);
	static const struct {
		const char *a1, *a2, *a3, *file;
	} runs[] = {
		{"overdue", NULL, NULL, "tests/data/schema4-demo/overdue.txt"},
		{"due", "--within", "30", "tests/data/schema4-demo/due.txt"},
	};
	for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
		char *got = run_out(store, runs[i].a1, runs[i].a2, runs[i].a3);
		FILE *f = fopen(runs[i].file, "r");
		cr_assert_not_null(f, "%s", runs[i].file);
		char want[65536];
		size_t n = fread(want, 1, sizeof want - 1, f);
		want[n] = '\0';
		fclose(f);
		cr_assert_str_eq(got, want, "%s", runs[i].a1);
		free(got);
	}
	fx_check_store(NULL, store);
}
