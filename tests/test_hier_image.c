/* Tests of the stored image of the unit tree when it cannot be trusted or
 * must outlive its transaction: written inside a write, stale, damaged,
 * missing or garbled images (never used wrongly, reported by check-store,
 * rebuilt by a repair), and pins across map growth, detaching and the
 * store's close. */
#include "hier-snap-fixture.h"

TestSuite(unitsnap_image, .init = setup, .fini = teardown);

/* ---- inside a write, stale and damaged images, repair --------------------------- */

static int load_inside(struct txn *t, void *ctx, struct err *e)
{
	struct hier **h = ctx;
	struct unit u = {0};
	int rc;

	str_copy(u.code, "moi", sizeof u.code);
	u.name = "Đơn vị Mới";
	u.kind = UK_BAN;
	u.parent = 1;
	if ((rc = store_unit_put(t, &u, e)))
		return rc;
	return hier_load(t, h, e);
}

Test(unitsnap_image, a_write_sees_its_own_units)
{
	struct hier *h = NULL;
	struct err e = {0};

	sync_units(base_units);
	cr_assert_eq(store_write(st, load_inside, &h, &e), 0, "%s", e.msg);
	cr_assert(!hier_stored(h), "the image is of the units before the write");
	cr_assert_neq(hier_find_code(h, "moi"), NPOS);
	cr_assert_eq(hier_resolve(h, "don vi moi"), hier_find_code(h, "moi"));
	hier_free(h);
	image_is_current();
}

/* Change the unitsnap database behind the store's back, as a program
 * that does not know it would (the store closed meanwhile). */
static void tamper(const char *key, const void *val, size_t len)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val k = {strlen(key), (void *)key}, v = {len, (void *)val};

	store_close(st);
	st = NULL;
	cr_assert_eq(mdb_env_create(&env), 0);
	cr_assert_eq(mdb_env_set_maxdbs(env, 64), 0);
	cr_assert_eq(mdb_env_open(env, store_dir, 0, 0664), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	cr_assert_eq(mdb_dbi_open(txn, "unitsnap", 0, &dbi), 0);
	cr_assert_eq(mdb_put(txn, dbi, &k, &v, 0), 0);
	cr_assert_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
	open_store();
}

static int repair(struct txn *t, void *ctx, struct err *e)
{
	(void)ctx;
	return store_rebuild_indexes(t, e);
}

/* The store's image is not used, the answers are still right (a tree built
 * from the units), check-store names the problem and a repair fixes it. */
static void detected_and_repaired(const char *problem)
{
	struct hier *h = NULL, *b = NULL;
	struct err e = {0};
	struct txn *t;
	char *report = NULL;

	cr_assert_eq(store_read_begin(st, &t, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_load(t, &h, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_build(t, &b, &e), 0, "%s", e.msg);
	cr_assert(!hier_stored(h), "a stale or damaged image is never used");
	same_tree(h, b);
	matches_records(t, h);
	cr_assert_eq(store_check(t, &report, &e), ERR_STORE, "%s", report);
	cr_assert_not_null(strstr(report, problem), "%s", report);
	free(report);
	store_read_end(t);
	hier_free(h);
	hier_free(b);
	cr_assert_eq(store_write(st, repair, NULL, &e), 0, "%s", e.msg);
	image_is_current();
}

Test(unitsnap_image, a_stale_image_is_detected_and_repaired)
{
	unsigned char gen[8] = {0, 0, 0, 0, 0, 0, 0x10, 0};

	sync_units(base_units);
	tamper("gen", gen, sizeof gen); /* units written by someone unaware */
	detected_and_repaired("đã cũ");
}

Test(unitsnap_image, a_damaged_image_is_detected_and_repaired)
{
	char junk[4096];

	sync_units(base_units);
	memset(junk, 0x5a, sizeof junk);
	tamper("tree", junk, sizeof junk);
	detected_and_repaired("hỏng");
}

Test(unitsnap_image, a_missing_image_is_detected_and_repaired)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val k = {4, "tree"};

	sync_units(base_units);
	store_close(st);
	st = NULL;
	cr_assert_eq(mdb_env_create(&env), 0);
	cr_assert_eq(mdb_env_set_maxdbs(env, 64), 0);
	cr_assert_eq(mdb_env_open(env, store_dir, 0, 0664), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	cr_assert_eq(mdb_dbi_open(txn, "unitsnap", 0, &dbi), 0);
	cr_assert_eq(mdb_del(txn, dbi, &k, NULL), 0);
	cr_assert_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
	open_store();
	detected_and_repaired("không có");
}

/* An image whose stamp is right but whose insides are garbage (a disk
 * error, a hand-edited file) is read, since nothing says it is stale:
 * every lookup must stay inside it, whatever it finds there, and
 * check-store must say it differs from the units. */
static void ask_everything(const char *name, void *ctx)
{
	const struct hier *h = ctx;
	size_t out[8];

	hier_resolve(h, name);
	hier_resolve_all(h, name, out, 8);
	hier_find_code(h, name);
}

Test(unitsnap_image, a_garbled_image_with_a_good_stamp_is_read_safely)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val k = {4, "tree"}, v;
	struct hier *h = NULL, *b = NULL;
	struct err e = {0};
	struct txn *t;
	char *report = NULL;

	sync_units(base_units);
	store_close(st);
	st = NULL;
	cr_assert_eq(mdb_env_create(&env), 0);
	cr_assert_eq(mdb_env_set_maxdbs(env, 64), 0);
	cr_assert_eq(mdb_env_open(env, store_dir, 0, 0664), 0);
	cr_assert_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	cr_assert_eq(mdb_dbi_open(txn, "unitsnap", 0, &dbi), 0);
	cr_assert_eq(mdb_get(txn, dbi, &k, &v), 0);
	size_t nw = v.mv_size / 4;
	uint32_t *w = xmalloc(nw * 4), x = 2463534242u;
	memcpy(w, v.mv_data, nw * 4);
	/* past the head (64 bytes), short of the final string's NUL */
	for (size_t i = 16; i + 2 < nw; i += 3) {
		x ^= x << 13, x ^= x >> 17, x ^= x << 5;
		w[i] = i % 2 ? x : x % 64;
	}
	v.mv_data = w;
	cr_assert_eq(mdb_put(txn, dbi, &k, &v, 0), 0);
	cr_assert_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
	free(w);
	open_store();

	cr_assert_eq(store_read_begin(st, &t, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_load(t, &h, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_build(t, &b, &e), 0, "%s", e.msg);
	cr_assert(hier_stored(h), "the stamp is right: the image is read");
	for (size_t i = 0; i < hier_count(h); i++) {
		const struct unit *u = hier_at(h, i);
		hier_depth(h, i);
		for (size_t c = i + 1; c < hier_subtree_end(h, i); c = hier_subtree_end(h, c))
			hier_at(h, c);
		hier_find_id(h, u->id);
		hier_in_subtree(h, u->id, hier_at(h, 0)->id);
		each_name(u, ask_everything, h);
	}
	for (size_t i = 0; i < hier_count(b); i++) {
		each_name(hier_at(b, i), ask_everything, h);
		hier_unit(h, hier_at(b, i)->id);
	}
	cr_assert_eq(store_check(t, &report, &e), ERR_STORE, "%s", report);
	cr_assert_not_null(strstr(report, "cây đơn vị lưu sẵn"), "%s", report);
	free(report);
	store_read_end(t);
	hier_free(h);
	hier_free(b);
}

/* ---- the pin: a tree outlives its transaction, map growth and the store ---------- */

static int big_meta(struct txn *t, void *ctx, struct err *e)
{
	return store_meta_put(t, "test.big", ctx, e);
}

Test(unitsnap_image, a_tree_outlives_growth_of_the_map_and_the_store)
{
	struct hier *h = NULL, *b = NULL;
	struct store_stat s0, s1;
	struct err e = {0};
	struct txn *t;

	store_close(st);
	setenv("THEODOI_MAPSIZE", "256K", 1);
	open_store();
	sync_units(base_units);
	cr_assert_eq(store_read_begin(st, &t, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_load(t, &h, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_build(t, &b, &e), 0, "%s", e.msg);
	cr_assert_eq(store_stat(t, &s0, &e), 0, "%s", e.msg);
	store_read_end(t);
	cr_assert(hier_stored(h));
	hier_at(h, 0); /* a unit made before the move */

	char *big = xmalloc(1 << 20);
	memset(big, 'x', (1 << 20) - 1);
	big[(1 << 20) - 1] = '\0';
	cr_assert_eq(store_write(st, big_meta, big, &e), 0, "%s", e.msg);
	free(big);
	cr_assert_eq(store_read_begin(st, &t, &e), 0, "%s", e.msg);
	cr_assert_eq(store_stat(t, &s1, &e), 0, "%s", e.msg);
	store_read_end(t);
	cr_assert_gt(s1.map_size, s0.map_size, "the map grew (and moved)");
	same_tree(h, b);

	sync_units("[tinh]\nname = Tỉnh ủy Khác\nkind = tinh_uy\n");
	same_tree(h, b); /* the tree is of the units when it was loaded */
	store_close(st);
	st = NULL;
	same_tree(h, b);
	hier_free(h);
	hier_free(b);
	open_store();
}

/* The mechanism under the tree: a pin read in place is moved to the heap,
 * same bytes, before the map moves, and again before the store closes. */
Test(unitsnap_image, a_pin_is_moved_before_the_map_moves)
{
	struct store_pin *p = NULL;
	struct err e = {0};
	struct txn *t;
	const void *at, *moved;
	size_t len, len2;

	store_close(st);
	setenv("THEODOI_MAPSIZE", "256K", 1);
	open_store();
	/* enough units for an image on pages of its own (LMDB keeps a small
	 * value inside a page, where it is copied rather than pinned) */
	struct sbuf u = {0};
	sbuf_puts(&u, "[tinh]\nname = Tỉnh ủy\nkind = tinh_uy\n\n");
	for (int i = 0; i < 200; i++)
		sbuf_printf(&u, "[ban-%d]\nname = Ban số %d của Tỉnh ủy\nkind = ban\nparent = tinh\n\n",
		            i, i);
	sync_units(u.s);
	sbuf_free(&u);
	cr_assert_eq(store_read_begin(st, &t, &e), 0, "%s", e.msg);
	cr_assert_eq(store_unitsnap_pin(t, &p, &e), 0, "%s", e.msg);
	store_read_end(t);
	at = store_pin_data(p, &len);
	cr_assert_not_null(at);
	void *before = xmalloc(len);
	memcpy(before, at, len);

	char *big = xmalloc(1 << 20);
	memset(big, 'x', (1 << 20) - 1);
	big[(1 << 20) - 1] = '\0';
	cr_assert_eq(store_write(st, big_meta, big, &e), 0, "%s", e.msg);
	free(big);
	moved = store_pin_data(p, &len2);
	cr_assert_neq(moved, at, "moved off the map");
	cr_assert_eq(len2, len);
	cr_assert_eq(memcmp(moved, before, len), 0);
	store_pin_release(p);

	/* closing the store moves a pin too */
	cr_assert_eq(store_read_begin(st, &t, &e), 0, "%s", e.msg);
	cr_assert_eq(store_unitsnap_pin(t, &p, &e), 0, "%s", e.msg);
	store_read_end(t);
	at = store_pin_data(p, &len);
	store_close(st);
	st = NULL;
	moved = store_pin_data(p, &len2);
	cr_assert_neq(moved, at);
	cr_assert_eq(memcmp(moved, before, len), 0);
	store_pin_release(p);
	free(before);
	open_store();
}

/* A detached tree (the screen's) holds no transaction and keeps its
 * answers while later writes reuse the pages its image was on. */
Test(unitsnap_image, a_detached_tree_keeps_its_answers)
{
	struct hier *h = NULL, *b = NULL;
	struct store_pin *p = NULL;
	struct err e = {0};
	struct txn *t;
	const void *at;
	size_t len;

	struct sbuf u = {0};
	sbuf_puts(&u, "[tinh]\nname = Tỉnh ủy\nkind = tinh_uy\n\n");
	for (int i = 0; i < 200; i++)
		sbuf_printf(&u, "[ban-%d]\nname = Ban số %d\nkind = ban\nparent = tinh\n\n", i, i);
	sync_units(u.s);
	sbuf_free(&u);
	cr_assert_eq(store_read_begin(st, &t, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_load(t, &h, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_build(t, &b, &e), 0, "%s", e.msg);
	cr_assert_eq(store_unitsnap_pin(t, &p, &e), 0, "%s", e.msg);
	store_read_end(t);
	at = store_pin_data(p, &len);
	store_pin_detach(p);
	cr_assert_neq(store_pin_data(p, &len), at, "the bytes moved to the heap");
	store_pin_release(p);
	hier_detach(h);
	for (int round = 0; round < 4; round++) {
		u = (struct sbuf){0};
		sbuf_puts(&u, "[tinh]\nname = Tỉnh ủy\nkind = tinh_uy\n\n");
		for (int i = 0; i < 200; i++)
			sbuf_printf(&u, "[khac-%d-%d]\nname = Đơn vị %d vòng %d\nkind = ban\n"
			            "parent = tinh\n\n", round, i, i, round);
		sync_units(u.s);
		sbuf_free(&u);
	}
	same_tree(h, b);
	cr_assert(hier_stored(h));
	hier_free(h);
	hier_free(b);
}
