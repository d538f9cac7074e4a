/* Tests of the store: opening and creating, schema, meta and sequences,
 * units, documents, updates, extensions, indicators and the audit trail.
 * Tasks, indexes and counters: test_store_task.c; checking, rebuilding
 * and map growth: test_store_check.c. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <sys/stat.h>

#include "store-fixture.h"

TestSuite(store, .init = fx_setup, .fini = fx_teardown);

/* ---- opening ----------------------------------------------------------------- */

Test(store, create_then_reopen_keeps_data)
{
	uint32_t id = fx_unit("tinh-uy", 0);
	struct unit u;
	struct txn *t;

	store_close(fx_st);
	fx_st = NULL;
	cr_assert_eq(store_open(fx_path, 0, &fx_st, NULL), 0);
	t = fx_read();
	cr_assert_eq(store_unit_get(t, id, &u, NULL), 0);
	cr_assert_str_eq(u.code, "tinh-uy");
	unit_free(&u);
	store_read_end(t);
	cr_assert_str_eq(store_path(fx_st), fx_path);
}

Test(store, missing_store_without_create_names_the_path)
{
	struct store *st = NULL;
	struct err e = {0};
	char path[160];

	snprintf(path, sizeof path, "%s/khong-co", fx_dir);
	cr_assert_eq(store_open(path, 0, &st, &e), ERR_STORE);
	cr_assert_null(st);
	cr_assert(strstr(e.msg, path), "%s", e.msg);
	cr_assert(strstr(e.msg, "không tìm thấy"), "%s", e.msg);
	/* and nothing was created */
	struct stat sb;
	cr_assert_neq(stat(path, &sb), 0);
}

Test(store, empty_directory_without_create_is_refused)
{
	struct store *st = NULL;
	struct err e = {0};
	char path[160];

	snprintf(path, sizeof path, "%s/rong", fx_dir);
	cr_assert_eq(mkdir(path, 0700), 0);
	cr_assert_eq(store_open(path, 0, &st, &e), ERR_STORE);
	cr_assert(strstr(e.msg, path), "%s", e.msg);
	cr_assert_eq(store_open(path, STORE_CREATE, &st, &e), 0, "%s", e.msg);
	store_close(st);
}

static int w_schema(struct txn *t, void *ctx, struct err *e)
{
	return store_meta_put(t, "schema", ctx, e);
}

Test(store, newer_schema_is_refused)
{
	struct store *st = NULL;
	struct err e = {0};

	fx_write(w_schema, "99");
	store_close(fx_st);
	fx_st = NULL;
	cr_assert_eq(store_open(fx_path, 0, &st, &e), ERR_STORE);
	cr_assert_null(st);
	cr_assert(strstr(e.msg, "phiên bản mới hơn"), "%s", e.msg);
	cr_assert(strstr(e.msg, "lược đồ 99"), "%s", e.msg);
	cr_assert(strstr(e.msg, fx_path), "%s", e.msg);
	cr_assert_eq(store_open(fx_path, STORE_RDONLY, &st, &e), ERR_STORE);
}

Test(store, schema_is_recorded_at_creation)
{
	struct txn *t = fx_read();
	char *v = NULL;

	cr_assert_eq(store_meta_get(t, "schema", &v, NULL), 0);
	cr_assert_str_eq(v, "5");
	free(v);
	store_read_end(t);
}

Test(store, directory_with_other_files_is_not_a_store)
{
	struct store *st = NULL;
	struct err e = {0};
	char path[160], file[200];
	FILE *f;

	snprintf(path, sizeof path, "%s/home", fx_dir);
	cr_assert_eq(mkdir(path, 0700), 0);
	snprintf(file, sizeof file, "%s/notes.txt", path);
	f = fopen(file, "w");
	cr_assert_not_null(f);
	fputs("không phải kho\n", f);
	fclose(f);
	cr_assert_eq(store_open(path, STORE_CREATE, &st, &e), ERR_STORE);
	cr_assert_null(st);
	cr_assert(strstr(e.msg, "không phải là kho dữ liệu"), "%s", e.msg);
	cr_assert(strstr(e.msg, path), "%s", e.msg);
}

Test(store, data_file_that_is_not_lmdb_is_refused)
{
	struct store *st = NULL;
	struct err e = {0};
	char path[160], file[200];
	FILE *f;

	snprintf(path, sizeof path, "%s/fake", fx_dir);
	cr_assert_eq(mkdir(path, 0700), 0);
	snprintf(file, sizeof file, "%s/data.mdb", path);
	f = fopen(file, "w");
	cr_assert_not_null(f);
	for (int i = 0; i < 4096; i++)
		fputs("rác ", f);
	fclose(f);
	cr_assert_eq(store_open(path, 0, &st, &e), ERR_STORE);
	cr_assert_null(st);
	cr_assert(strstr(e.msg, "không phải"), "%s", e.msg);
}

Test(store, plain_file_is_not_a_store)
{
	struct store *st = NULL;
	struct err e = {0};
	char file[200];
	FILE *f;

	snprintf(file, sizeof file, "%s/tep", fx_dir);
	f = fopen(file, "w");
	cr_assert_not_null(f);
	fclose(f);
	cr_assert_eq(store_open(file, STORE_CREATE, &st, &e), ERR_STORE);
	cr_assert(strstr(e.msg, file), "%s", e.msg);
}

Test(store, new_directory_is_setgid_and_honours_umask)
{
	struct store *st = NULL;
	struct stat sb;
	char path[160], data[200];
	mode_t old = umask(027);

	snprintf(path, sizeof path, "%s/chung", fx_dir);
	cr_assert_eq(store_open(path, STORE_CREATE, &st, NULL), 0);
	umask(old);
	cr_assert_eq(stat(path, &sb), 0);
	cr_assert(sb.st_mode & S_ISGID, "mode %o", (unsigned)sb.st_mode);
	cr_assert_eq(sb.st_mode & 0777, 0750, "mode %o", (unsigned)sb.st_mode);
	snprintf(data, sizeof data, "%s/data.mdb", path);
	cr_assert_eq(stat(data, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0640, "mode %o", (unsigned)sb.st_mode);
	store_close(st);
}

Test(store, read_only_store_reads_and_refuses_writes)
{
	struct store *ro = NULL;
	struct txn *t;
	struct unit u = {0}, got;
	struct err e = {0};

	fx_unit("van-phong", 0);
	store_close(fx_st);
	fx_st = NULL;
	cr_assert_eq(store_open(fx_path, STORE_RDONLY, &ro, &e), 0, "%s", e.msg);
	cr_assert_eq(store_read_begin(ro, &t, NULL), 0);
	cr_assert_eq(store_unit_by_code(t, "van-phong", &got, NULL), 0);
	unit_free(&got);
	store_read_end(t);
	strcpy(u.code, "moi");
	cr_assert_eq(store_write(ro, fx_w_unit, &u, &e), ERR_STORE);
	cr_assert(strstr(e.msg, "chỉ để đọc"), "%s", e.msg);
	store_close(ro);
}

Test(store, bad_mapsize_variable_is_a_config_error)
{
	struct store *st = NULL;
	struct err e = {0};

	store_close(fx_st);
	fx_st = NULL;
	setenv("THEODOI_MAPSIZE", "nhiều", 1);
	cr_assert_eq(store_open(fx_path, 0, &st, &e), ERR_CONFIG);
	cr_assert(strstr(e.msg, "THEODOI_MAPSIZE"), "%s", e.msg);
	unsetenv("THEODOI_MAPSIZE");
}

/* ---- meta and sequences --------------------------------------------------- */

struct seqs {
	uint64_t a1, a2, b1;
};

static int w_seqs(struct txn *t, void *ctx, struct err *e)
{
	struct seqs *s = ctx;
	int rc;

	if ((rc = store_seq_next(t, "a", &s->a1, e)) || (rc = store_seq_next(t, "a", &s->a2, e)) ||
	    (rc = store_seq_next(t, "b", &s->b1, e)))
		return rc;
	return store_meta_put(t, "units.stamp", "12345:678", e);
}

Test(store, sequences_count_up_and_meta_strings_persist)
{
	struct seqs s = {0};
	struct txn *t;
	char *v = NULL;
	struct err e = {0};

	fx_write(w_seqs, &s);
	cr_assert_eq(s.a1, 1);
	cr_assert_eq(s.a2, 2);
	cr_assert_eq(s.b1, 1);
	fx_write(w_seqs, &s);
	cr_assert_eq(s.a1, 3);
	t = fx_read();
	cr_assert_eq(store_meta_get(t, "units.stamp", &v, NULL), 0);
	cr_assert_str_eq(v, "12345:678");
	free(v);
	cr_assert_eq(store_meta_get(t, "khong", &v, &e), ERR_NOTFOUND);
	cr_assert_null(v);
	/* a read transaction cannot take a number */
	cr_assert_eq(store_seq_next(t, "a", &s.a1, NULL), ERR_INTERNAL);
	store_read_end(t);
}

static int w_fail_after_put(struct txn *t, void *ctx, struct err *e)
{
	int rc = store_meta_put(t, "k", "v", e);
	(void)ctx;
	return rc ? rc : err_set(e, ERR_INPUT, "thôi");
}

Test(store, failed_write_function_leaves_nothing)
{
	struct err e = {0};
	struct txn *t;
	char *v = NULL;

	cr_assert_eq(store_write(fx_st, w_fail_after_put, NULL, &e), ERR_INPUT);
	cr_assert_str_eq(e.msg, "thôi");
	t = fx_read();
	cr_assert_eq(store_meta_get(t, "k", &v, NULL), ERR_NOTFOUND);
	store_read_end(t);
}

/* ---- units ------------------------------------------------------------------ */

static int collect_unit(const struct unit *u, void *ctx)
{
	struct sbuf *b = ctx;
	sbuf_printf(b, "%u:%s;", u->id, u->code);
	return 0;
}

Test(store, units_by_id_and_code_and_in_id_order)
{
	uint32_t tu = fx_unit("tinh-uy", 0);
	uint32_t btc = fx_unit("ban-tc", tu);
	struct unit u;
	struct txn *t = fx_read();
	struct sbuf b = {0};
	struct err e = {0};

	cr_assert_eq(tu, 1);
	cr_assert_eq(btc, 2);
	cr_assert_eq(store_unit_by_code(t, "ban-tc", &u, NULL), 0);
	cr_assert_eq(u.id, btc);
	cr_assert_eq(u.parent, tu);
	unit_free(&u);
	cr_assert_eq(store_unit_by_code(t, "khong-co", &u, &e), ERR_NOTFOUND);
	cr_assert(strstr(e.msg, "khong-co"), "%s", e.msg);
	cr_assert_eq(store_unit_get(t, 99, &u, &e), ERR_NOTFOUND);
	cr_assert_eq(store_units_each(t, collect_unit, &b, NULL), 0);
	cr_assert_str_eq(b.s, "1:tinh-uy;2:ban-tc;");
	sbuf_free(&b);
	store_read_end(t);
}

Test(store, renaming_a_unit_code_moves_its_index_entry)
{
	uint32_t id = fx_unit("cu", 0);
	struct unit u;
	struct txn *t = fx_read();

	cr_assert_eq(store_unit_get(t, id, &u, NULL), 0);
	store_read_end(t);
	strcpy(u.code, "moi");
	fx_write(fx_w_unit, &u);
	unit_free(&u);
	t = fx_read();
	cr_assert_eq(store_unit_by_code(t, "cu", &u, NULL), ERR_NOTFOUND);
	cr_assert_eq(store_unit_by_code(t, "moi", &u, NULL), 0);
	cr_assert_eq(u.id, id);
	unit_free(&u);
	store_read_end(t);
	fx_check_clean();
}

Test(store, duplicate_unit_code_is_a_conflict)
{
	struct unit u = {0};
	struct err e = {0};

	fx_unit("ban-tc", 0);
	strcpy(u.code, "ban-tc");
	cr_assert_eq(store_write(fx_st, fx_w_unit, &u, &e), ERR_CONFLICT);
	cr_assert(strstr(e.msg, "ban-tc"), "%s", e.msg);
	cr_assert_eq(u.id, 0, "a failed insert gives its id back");
}

/* ---- documents ---------------------------------------------------------------- */

static uint64_t put_doc(const char *number, uint32_t issuer)
{
	struct doc d = {0};
	uint64_t id;

	strcpy(d.kind, "KH");
	strcpy(d.number, number);
	d.date = date_make(2023, 2, 17);
	d.plan_due = DATE_NONE;
	d.title = xstrdup("Kế hoạch thực hiện");
	d.issuer = issuer;
	fx_write(fx_w_doc, &d);
	id = d.id;
	doc_free(&d);
	return id;
}

static int collect_id(uint64_t id, void *ctx)
{
	struct sbuf *b = ctx;
	sbuf_printf(b, "%llu;", (unsigned long long)id);
	return 0;
}

Test(store, documents_found_by_folded_number_and_by_issuer)
{
	uint32_t tu = fx_unit("tinh-uy", 0);
	uint64_t a = put_doc("52-CTr/TU", tu);
	uint64_t b = put_doc("52-ctr/tu", 0);
	uint64_t c = put_doc("254-KH/TU", tu);
	uint64_t *ids = NULL;
	int n = 0;
	struct sbuf s = {0};
	struct doc d;
	struct txn *t = fx_read();

	cr_assert_eq(store_docs_by_number(t, "52-CTR/TU", &ids, &n, NULL), 0);
	cr_assert_eq(n, 2);
	cr_assert_eq(ids[0], a);
	cr_assert_eq(ids[1], b);
	free(ids);
	cr_assert_eq(store_docs_by_number(t, "99-KH/TU", &ids, &n, NULL), 0);
	cr_assert_eq(n, 0);
	cr_assert_null(ids);
	cr_assert_eq(store_docs_by_issuer(t, tu, collect_id, &s, NULL), 0);
	cr_assert_str_eq(s.s, "1;3;");
	sbuf_reset(&s);
	cr_assert_eq(store_docs_by_issuer(t, 0, collect_id, &s, NULL), 0);
	cr_assert_str_eq(s.s, "2;");
	cr_assert_eq(store_doc_get(t, c, &d, NULL), 0);
	cr_assert_str_eq(d.number, "254-KH/TU");
	cr_assert_str_eq(d.title, "Kế hoạch thực hiện");
	doc_free(&d);
	sbuf_free(&s);
	store_read_end(t);
	fx_check_clean();
}

Test(store, document_numbers_fold_diacritics)
{
	uint64_t a = put_doc("77-KH/ĐUK", 0);
	uint64_t *ids = NULL;
	int n = 0;
	struct txn *t = fx_read();

	cr_assert_eq(store_docs_by_number(t, "77-kh/duk", &ids, &n, NULL), 0);
	cr_assert_eq(n, 1);
	cr_assert_eq(ids[0], a);
	free(ids);
	store_read_end(t);
}

Test(store, changing_a_document_number_and_issuer_moves_its_entries)
{
	uint64_t id = put_doc("01-KH/TU", 5);
	struct doc d;
	struct txn *t = fx_read();
	uint64_t *ids;
	int n;
	struct sbuf s = {0};

	cr_assert_eq(store_doc_get(t, id, &d, NULL), 0);
	store_read_end(t);
	strcpy(d.number, "02-KH/TU");
	d.issuer = 6;
	fx_write(fx_w_doc, &d);
	doc_free(&d);
	t = fx_read();
	cr_assert_eq(store_docs_by_number(t, "01-KH/TU", &ids, &n, NULL), 0);
	cr_assert_eq(n, 0);
	cr_assert_eq(store_docs_by_number(t, "02-KH/TU", &ids, &n, NULL), 0);
	cr_assert_eq(n, 1);
	free(ids);
	cr_assert_eq(store_docs_by_issuer(t, 5, collect_id, &s, NULL), 0);
	cr_assert_null(s.s);
	store_read_end(t);
	/* the indexes are sound; only the issuer, a unit this store does not
	 * hold, is reported (a dangling reference) */
	char *rep = fx_check_dirty(), want[96];
	snprintf(want, sizeof want, "văn bản %llu: đơn vị ban hành 6 không tồn tại\n",
	         (unsigned long long)id);
	cr_assert_str_eq(rep, want);
	free(rep);
}

struct doc_world {
	uint64_t doc, task, ind;
};

static int w_doc_world(struct txn *t, void *ctx, struct err *e)
{
	struct doc_world *w = ctx;
	struct update u = {0};
	struct extension x = {0};
	struct indicator i = {0};
	struct measure m = {0};
	int rc;

	u.task_id = x.task_id = w->task;
	u.progress = 10;
	u.status_before = u.status_after = -1;
	x.from = x.to = DATE_NONE;
	i.doc_id = w->doc;
	i.min = i.target = NAN;
	if ((rc = store_update_add(t, &u, e)) || (rc = store_extension_add(t, &x, e)) ||
	    (rc = store_indicator_put(t, &i, e)))
		return rc;
	w->ind = i.id;
	m.indicator_id = i.id;
	m.value = 81.5;
	m.date = DATE_NONE;
	return store_measure_add(t, &m, e);
}

static int w_doc_del(struct txn *t, void *ctx, struct err *e)
{
	return store_doc_del(t, *(uint64_t *)ctx, e);
}

Test(store, deleting_a_document_deletes_what_hangs_from_it)
{
	struct doc_world w = {0};
	struct txn *t;
	struct task task;
	struct doc d;
	struct store_stat ss;
	uint64_t other;
	struct err e = {0};

	w.doc = put_doc("52-CTr/TU", 0);
	w.task = fx_task(0, w.doc, ST_NOT_STARTED, date_make(2024, 6, 30));
	other = fx_task(0, 0, ST_NOT_STARTED, date_make(2024, 6, 30));
	fx_write(w_doc_world, &w);
	fx_check_clean();
	fx_write(w_doc_del, &w.doc);
	t = fx_read();
	cr_assert_eq(store_doc_get(t, w.doc, &d, NULL), ERR_NOTFOUND);
	cr_assert_eq(store_task_get(t, w.task, &task, NULL), ERR_NOTFOUND);
	cr_assert_eq(store_task_get(t, other, &task, NULL), 0);
	task_free(&task);
	struct indicator ind;
	cr_assert_eq(store_indicator_get(t, w.ind, &ind, NULL), ERR_NOTFOUND);
	cr_assert_eq(store_stat(t, &ss, NULL), 0);
	cr_assert_eq(ss.docs, 0);
	cr_assert_eq(ss.tasks, 1);
	cr_assert_eq(ss.updates, 0);
	store_read_end(t);
	fx_check_clean();
	cr_assert_eq(fx_count(0, DATE_NONE, DATE_NONE), 1);
	cr_assert_eq(store_write(fx_st, w_doc_del, &w.doc, &e), ERR_NOTFOUND);
}

/* ---- updates, extensions, indicators, measures ------------------------------ */

struct upd_ctx {
	uint64_t task;
	int n;
};

static int w_updates(struct txn *t, void *ctx, struct err *e)
{
	struct upd_ctx *c = ctx;
	for (int i = 0; i < c->n; i++) {
		struct update u = {0};
		u.task_id = c->task;
		u.time = 1700000000 + i;
		u.day = date_make(2024, 1, 1) + i;
		strcpy(u.login, "vanphong");
		u.progress = (int8_t)(10 * i);
		u.status_before = u.status_after = -1;
		u.note = xstrdup("Đã triển khai");
		int rc = store_update_add(t, &u, e);
		update_free(&u);
		if (rc)
			return rc;
	}
	return 0;
}

static int collect_update(const struct update *u, void *ctx)
{
	struct sbuf *b = ctx;
	sbuf_printf(b, "%llu:%d;", (unsigned long long)u->id, u->progress);
	return 0;
}

static int first_update_only(const struct update *u, void *ctx)
{
	*(uint64_t *)ctx = u->id;
	return 1;
}

Test(store, updates_of_a_task_come_newest_first)
{
	uint64_t a = fx_task(0, 0, ST_IN_PROGRESS, DATE_NONE);
	uint64_t b = fx_task(0, 0, ST_IN_PROGRESS, DATE_NONE);
	struct upd_ctx ca = {a, 3}, cb = {b, 2};
	struct sbuf s = {0};
	struct txn *t;
	struct update u;
	uint64_t first = 0;

	fx_write(w_updates, &ca);
	fx_write(w_updates, &cb);
	fx_write(w_updates, &ca);
	t = fx_read();
	cr_assert_eq(store_updates_of_task(t, a, collect_update, &s, NULL), 0);
	cr_assert_str_eq(s.s, "8:20;7:10;6:0;3:20;2:10;1:0;");
	sbuf_reset(&s);
	cr_assert_eq(store_updates_of_task(t, b, collect_update, &s, NULL), 0);
	cr_assert_str_eq(s.s, "5:10;4:0;");
	cr_assert_eq(store_updates_of_task(t, b, first_update_only, &first, NULL), 1);
	cr_assert_eq(first, 5);
	cr_assert_eq(store_update_get(t, a, 7, &u, NULL), 0);
	cr_assert_eq(u.task_id, a);
	cr_assert_str_eq(u.note, "Đã triển khai");
	update_free(&u);
	sbuf_free(&s);
	store_read_end(t);
	fx_check_clean();
}

Test(store, updates_of_the_last_task_id_are_found)
{
	/* the newest-first scan must not rely on a key after the task's */
	struct task task;
	struct upd_ctx c = {UINT64_MAX, 2};
	struct sbuf s = {0};
	struct txn *t;

	fx_task_init(&task, 0, 0, ST_NOT_STARTED, DATE_NONE);
	task.id = UINT64_MAX;
	fx_write(fx_w_task, &task);
	task_free(&task);
	fx_write(w_updates, &c);
	t = fx_read();
	cr_assert_eq(store_updates_of_task(t, UINT64_MAX, collect_update, &s, NULL), 0);
	cr_assert_str_eq(s.s, "2:10;1:0;");
	sbuf_free(&s);
	store_read_end(t);
}

Test(store, update_of_a_missing_task_is_refused)
{
	struct upd_ctx c = {42, 1};
	struct err e = {0};

	cr_assert_eq(store_write(fx_st, w_updates, &c, &e), ERR_NOTFOUND);
	cr_assert(strstr(e.msg, "42"), "%s", e.msg);
}

static int w_extension(struct txn *t, void *ctx, struct err *e)
{
	struct extension x = {0};
	int rc;

	x.task_id = *(uint64_t *)ctx;
	x.from = date_make(2024, 6, 30);
	x.to = date_make(2024, 12, 31);
	x.reason = xstrdup("Chờ hướng dẫn");
	rc = store_extension_add(t, &x, e);
	extension_free(&x);
	return rc;
}

static int collect_extension(const struct extension *x, void *ctx)
{
	struct sbuf *b = ctx;
	sbuf_printf(b, "%llu:%s;", (unsigned long long)x->id, x->reason);
	return 0;
}

Test(store, extensions_of_a_task_in_order)
{
	uint64_t a = fx_task(0, 0, ST_IN_PROGRESS, date_make(2024, 6, 30));
	struct sbuf s = {0};
	struct txn *t;

	fx_write(w_extension, &a);
	fx_write(w_extension, &a);
	t = fx_read();
	cr_assert_eq(store_extensions_of_task(t, a, collect_extension, &s, NULL), 0);
	cr_assert_str_eq(s.s, "1:Chờ hướng dẫn;2:Chờ hướng dẫn;");
	sbuf_free(&s);
	store_read_end(t);
	fx_write(fx_w_task_del, &a);
	fx_check_clean();
}

static int w_indicators(struct txn *t, void *ctx, struct err *e)
{
	struct indicator i = {0};
	int rc;

	(void)ctx;
	i.doc_id = 0;
	strcpy(i.section, "II.1");
	i.text = xstrdup("tối thiểu 80% thủ tục trực tuyến");
	i.year = 2025;
	i.min = 80;
	i.target = 90;
	strcpy(i.unit_of, "%");
	if ((rc = store_indicator_put(t, &i, e)))
		goto out;
	for (int k = 0; k < 3; k++) {
		struct measure m = {0};
		m.indicator_id = i.id;
		m.date = date_make(2023 + k, 12, 31);
		m.value = 70 + 5 * k;
		if ((rc = store_measure_add(t, &m, e)))
			goto out;
	}
	i.target = 95; /* replace */
	rc = store_indicator_put(t, &i, e);
out:
	indicator_free(&i);
	return rc;
}

static int collect_measure(const struct measure *m, void *ctx)
{
	struct sbuf *b = ctx;
	sbuf_printf(b, "%g;", m->value);
	return 0;
}

static int count_indicator(const struct indicator *i, void *ctx)
{
	cr_assert_float_eq(i->target, 95.0, 0.0);
	++*(int *)ctx;
	return 0;
}

static int w_ind_del(struct txn *t, void *ctx, struct err *e)
{
	(void)ctx;
	return store_indicator_del(t, 1, e);
}

Test(store, indicators_and_their_measures)
{
	struct sbuf s = {0};
	struct txn *t;
	int n = 0;
	struct err e = {0};

	fx_write(w_indicators, NULL);
	t = fx_read();
	cr_assert_eq(store_indicators_each(t, count_indicator, &n, NULL), 0);
	cr_assert_eq(n, 1);
	cr_assert_eq(store_measures_of(t, 1, collect_measure, &s, NULL), 0);
	cr_assert_str_eq(s.s, "70;75;80;");
	store_read_end(t);
	fx_check_clean();
	fx_write(w_ind_del, NULL);
	t = fx_read();
	sbuf_reset(&s);
	cr_assert_eq(store_measures_of(t, 1, collect_measure, &s, NULL), 0);
	cr_assert_str_eq(s.s, "");
	store_read_end(t);
	fx_check_clean();
	cr_assert_eq(store_write(fx_st, w_ind_del, NULL, &e), ERR_NOTFOUND);
	sbuf_free(&s);
}

/* ---- audit ------------------------------------------------------------------------ */

static int w_audit(struct txn *t, void *ctx, struct err *e)
{
	struct audit a = {0};
	int rc;

	a.time = 1700000000;
	strcpy(a.login, "root");
	strcpy(a.action, ctx);
	strcpy(a.object, "task:1");
	a.seq = 999; /* ignored: the store assigns it */
	rc = store_audit_add(t, &a, e);
	audit_free(&a);
	return rc;
}

static int collect_audit(const struct audit *a, void *ctx)
{
	struct sbuf *b = ctx;
	sbuf_printf(b, "%llu:%s;", (unsigned long long)a->seq, a->action);
	return 0;
}

Test(store, audit_is_appended_in_sequence)
{
	struct sbuf s = {0};
	struct txn *t;
	struct store_stat ss;

	fx_write(w_audit, "import");
	fx_write(w_audit, "update");
	fx_write(w_audit, "extend");
	t = fx_read();
	cr_assert_eq(store_audit_each(t, 0, collect_audit, &s, NULL), 0);
	cr_assert_str_eq(s.s, "1:import;2:update;3:extend;");
	sbuf_reset(&s);
	cr_assert_eq(store_audit_each(t, 2, collect_audit, &s, NULL), 0);
	cr_assert_str_eq(s.s, "2:update;3:extend;");
	cr_assert_eq(store_stat(t, &ss, NULL), 0);
	cr_assert_eq(ss.audit, 3);
	cr_assert_geq(ss.map_size, ss.used_bytes);
	cr_assert_gt(ss.used_bytes, 0);
	sbuf_free(&s);
	store_read_end(t);
	fx_check_clean();
}
