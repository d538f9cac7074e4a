/* test_hier_cli.c — the stored image of the unit tree through the binary:
 * commands answer the same from a stale image (which they do not use),
 * check-store names it and --repair rebuilds it. */
#include "cli-run.c.inc"

#include <lmdb.h>

/* Bump the units generation behind the program's back, as a writer that
 * does not know the image would leave it: stale. */
static void make_stale(const char *store)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val k = {3, "gen"}, v;
	unsigned char gen[8];

	cr_assert_eq(mdb_env_create(&env), 0);
	cr_assert_eq(mdb_env_set_maxdbs(env, 64), 0);
	cr_assert_eq(mdb_env_open(env, store, 0, 0664), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	cr_assert_eq(mdb_dbi_open(txn, "unitsnap", 0, &dbi), 0);
	cr_assert_eq(mdb_get(txn, dbi, &k, &v), 0, "the demo store has a generation");
	cr_assert_eq(v.mv_size, 8);
	memcpy(gen, v.mv_data, 8);
	gen[7]++;
	v.mv_data = gen;
	cr_assert_eq(mdb_put(txn, dbi, &k, &v, 0), 0);
	cr_assert_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
}

static char *run_ok(const char *store, const char *a1, const char *a2, const char *a3,
                    const char *a4)
{
	struct run r = fx_run(NULL, store, a1, a2, a3, a4, NULL);
	cr_assert_eq(r.status, 0, "%s %s: %s", a1, a2 ? a2 : "", r.err);
	free(r.err);
	return r.out;
}

Test(hier_cli, a_stale_image_is_not_used_then_repaired)
{
	char store[600];
	snprintf(store, sizeof store, "%s", fx_demo());
	char *units = run_ok(store, "units", "--format", "json", NULL);
	char *own = run_ok(store, "overdue", "--count", "--unit", "Ban Tổ chức Tỉnh ủy");
	char *sub = run_ok(store, "overdue", "--unit", "hkl", "--subtree");
	char *ok = run_ok(store, "check-store", NULL, NULL, NULL);
	cr_assert(strstr(ok, "không phát hiện vấn đề"), "%s", ok);

	make_stale(store);
	char *u2 = run_ok(store, "units", "--format", "json", NULL);
	char *own2 = run_ok(store, "overdue", "--count", "--unit", "Ban Tổ chức Tỉnh ủy");
	char *sub2 = run_ok(store, "overdue", "--unit", "hkl", "--subtree");
	cr_assert_str_eq(u2, units);
	cr_assert_str_eq(own2, own);
	cr_assert_str_eq(sub2, sub);
	struct run r = fx_run(NULL, store, "check-store", NULL);
	cr_assert_neq(r.status, 0);
	cr_assert(strstr(r.out, "cây đơn vị lưu sẵn: đã cũ"), "%s", r.out);
	cr_assert(strstr(r.err, "--repair"), "%s", r.err);
	fx_free(&r);

	char *rep = run_ok(store, "check-store", "--repair", NULL, NULL);
	cr_assert(strstr(rep, "không phát hiện vấn đề"), "%s", rep);
	char *ok2 = run_ok(store, "check-store", NULL, NULL, NULL);
	cr_assert(strstr(ok2, "không phát hiện vấn đề"), "%s", ok2);
	char *u3 = run_ok(store, "units", "--format", "json", NULL);
	cr_assert_str_eq(u3, units);
	free(units), free(own), free(sub), free(ok), free(u2), free(own2), free(sub2);
	free(rep), free(ok2), free(u3);
}

/* The programs that write units leave a current image (check-store
 * verifies it): demo (which syncs units.ini) and link. */
Test(hier_cli, demo_and_link_leave_a_current_image)
{
	char store[600];
	snprintf(store, sizeof store, "%s", fx_demo());
	char *a = run_ok(store, "link", "Phòng Văn thư Tỉnh ủy Sơn Hà", "tu-vp", NULL);
	char *b = run_ok(store, "check-store", NULL, NULL, NULL);
	cr_assert(strstr(b, "không phát hiện vấn đề"), "%s", b);
	char *c = run_ok(store, "overdue", "--count", "--unit", "phong van thu tinh uy son ha");
	char *d = run_ok(store, "overdue", "--count", "--unit", "tu-vp");
	cr_assert_str_eq(c, d);
	free(a), free(b), free(c), free(d);
}
