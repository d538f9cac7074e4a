/* Tests of the stored image of the unit tree (unitsnap.c, store-unitsnap.c)
 * as hier.c reads it: after every kind of unit change and on a store
 * migrated from schema 2, the tree read in place from the image must
 * answer every lookup exactly as the tree built from the units does, and
 * both must agree with the unit records themselves.  Stale, damaged and
 * pinned images: test_hier_image.c. */
#include "hier-snap-fixture.h"

TestSuite(unitsnap, .init = setup, .fini = teardown);

/* ---- the hierarchy and its changes -------------------------------------------- */

Test(unitsnap, an_empty_store_has_an_empty_tree)
{
	struct hier *h = NULL;
	struct err e = {0};
	struct txn *t;
	char *report = NULL;

	cr_assert_eq(store_read_begin(st, &t, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_load(t, &h, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_count(h), 0);
	cr_assert_eq(hier_resolve(h, "tinh"), NPOS);
	cr_assert_eq(store_check(t, &report, &e), 0, "%s", report);
	free(report);
	store_read_end(t);
	hier_free(h);
}

Test(unitsnap, follows_units_added)
{
	sync_units(base_units);
	cr_assert_eq(image_is_current(), 8);
	sync_units("[tinh-btg]\nname = Ban Tuyên giáo Tỉnh ủy\nabbrevs = BTG Tỉnh ủy\nkind = ban\n"
	           "parent = tinh\n\n[xa-3]\nname = Đảng ủy xã Ba\nkind = dang_uy_co_so\n"
	           "parent = huyen-a\n\n" /* new units before the old ones in the file */
	           "[tinh]\nname = Tỉnh ủy Thử Nghiệm\nkind = tinh_uy\n\n"
	           "[tinh-btc]\nname = Ban Tổ chức Tỉnh ủy\nkind = ban\nparent = tinh\n\n"
	           "[huyen-a]\nname = Huyện ủy An Hòa\nkind = huyen_uy\nparent = tinh\n\n"
	           "[huyen-a-btc]\nname = Ban Tổ chức Huyện ủy An Hòa\nkind = ban\n"
	           "parent = huyen-a\n\n"
	           "[huyen-b]\nname = Huyện ủy Bình Lộc\nkind = huyen_uy\nparent = tinh\n\n"
	           "[huyen-b-btc]\nname = Ban Tổ chức Huyện ủy Bình Lộc\nkind = ban\n"
	           "parent = huyen-b\n\n"
	           "[xa-1]\nname = Đảng ủy xã Một\nkind = dang_uy_co_so\nparent = huyen-a\n\n"
	           "[xa-2]\nname = Đảng ủy xã Hai\nkind = dang_uy_co_so\nparent = huyen-b\n");
	cr_assert_eq(image_is_current(), 10);
}

Test(unitsnap, follows_units_renamed)
{
	struct hier *h = NULL;

	sync_units(base_units);
	sync_units("[tinh]\nname = Tỉnh ủy Sơn Hà\nabbrevs = TU Sơn Hà\nkind = tinh_uy\n\n"
	           "[tinh-btc]\nname = Ban Tổ chức Tỉnh ủy Sơn Hà\nkind = ban\nparent = tinh\n\n"
	           "[huyen-a]\nname = Huyện ủy An Hòa\nkind = huyen_uy\nparent = tinh\n\n"
	           "[huyen-a-btc]\nname = Ban Tổ chức Huyện ủy An Hòa\nabbrevs = Ban Tổ chức Huyện ủy\n"
	           "kind = ban\nparent = huyen-a\n\n"
	           "[huyen-b]\nname = Huyện ủy Bình Lộc\nkind = huyen_uy\nparent = tinh\n\n"
	           "[huyen-b-btc]\nname = Ban Tổ chức Huyện ủy Bình Lộc\nkind = ban\n"
	           "parent = huyen-b\n\n"
	           "[xa-1]\nname = Đảng ủy xã Một\nkind = dang_uy_co_so\nparent = huyen-a\n\n"
	           "[xa-2]\nname = Đảng ủy xã Hai\nkind = dang_uy_co_so\nparent = huyen-b\n");
	image_is_current();
	h = load_tree();
	cr_assert_eq(hier_resolve(h, "Tỉnh ủy Thử Nghiệm"), NPOS, "the old name is gone");
	cr_assert_eq(hier_resolve(h, "BTCTU"), NPOS, "and the old abbreviation");
	cr_assert_eq(hier_resolve(h, "ban to chuc tinh uy son ha"), hier_find_code(h, "tinh-btc"));
	cr_assert_eq(hier_resolve(h, "Ban Tổ chức Huyện ủy"), hier_find_code(h, "huyen-a-btc"),
	             "no longer ambiguous: Bình Lộc's lost the abbreviation");
	hier_free(h);
}

Test(unitsnap, follows_units_moved)
{
	struct hier *h = NULL;

	sync_units(base_units);
	/* xa-1 moves from huyen-a to huyen-b, huyen-a-btc to the province */
	sync_units("[tinh]\nname = Tỉnh ủy Thử Nghiệm\nabbrevs = Ban Thường vụ Tỉnh ủy, TU\n"
	           "kind = tinh_uy\n\n"
	           "[tinh-btc]\nname = Ban Tổ chức Tỉnh ủy\nabbrevs = BTC Tỉnh ủy, BTCTU\nkind = ban\n"
	           "parent = tinh\n\n"
	           "[huyen-a]\nname = Huyện ủy An Hòa\nkind = huyen_uy\nparent = tinh\n\n"
	           "[huyen-a-btc]\nname = Ban Tổ chức Huyện ủy An Hòa\nabbrevs = Ban Tổ chức Huyện ủy\n"
	           "kind = ban\nparent = tinh\n\n"
	           "[huyen-b]\nname = Huyện ủy Bình Lộc\nkind = huyen_uy\nparent = tinh\n\n"
	           "[huyen-b-btc]\nname = Ban Tổ chức Huyện ủy Bình Lộc\nabbrevs = Ban Tổ chức Huyện ủy\n"
	           "kind = ban\nparent = huyen-b\n\n"
	           "[xa-1]\nname = Đảng ủy xã Một\nkind = dang_uy_co_so\nparent = huyen-b\n\n"
	           "[xa-2]\nname = Đảng ủy xã Hai\nkind = dang_uy_co_so\nparent = huyen-b\n");
	image_is_current();
	h = load_tree();
	size_t a = hier_find_code(h, "huyen-a"), b = hier_find_code(h, "huyen-b");
	uint32_t xa1 = hier_at(h, hier_find_code(h, "xa-1"))->id;
	cr_assert_eq(hier_subtree_end(h, a), a + 1, "An Hòa has no unit left below it");
	cr_assert(hier_in_subtree(h, xa1, hier_at(h, b)->id));
	cr_assert(!hier_in_subtree(h, xa1, hier_at(h, a)->id));
	cr_assert_eq(hier_depth(h, hier_find_code(h, "huyen-a-btc")), 1);
	hier_free(h);
}

Test(unitsnap, follows_units_made_historical_and_given_a_successor)
{
	struct hier *h = NULL;

	sync_units(base_units);
	/* xa-2 dropped from the file; huyen-b-btc taken over by huyen-a-btc */
	sync_units("[tinh]\nname = Tỉnh ủy Thử Nghiệm\nabbrevs = Ban Thường vụ Tỉnh ủy, TU\n"
	           "kind = tinh_uy\n\n"
	           "[tinh-btc]\nname = Ban Tổ chức Tỉnh ủy\nabbrevs = BTC Tỉnh ủy, BTCTU\nkind = ban\n"
	           "parent = tinh\n\n"
	           "[huyen-a]\nname = Huyện ủy An Hòa\nkind = huyen_uy\nparent = tinh\n\n"
	           "[huyen-a-btc]\nname = Ban Tổ chức Huyện ủy An Hòa\nabbrevs = Ban Tổ chức Huyện ủy\n"
	           "kind = ban\nparent = huyen-a\n\n"
	           "[huyen-b]\nname = Huyện ủy Bình Lộc\nkind = huyen_uy\nparent = tinh\n\n"
	           "[huyen-b-btc]\nname = Ban Tổ chức Huyện ủy Bình Lộc\nabbrevs = Ban Tổ chức Huyện ủy\n"
	           "kind = ban\nparent = huyen-b\nsuccessor = huyen-a-btc\n\n"
	           "[xa-1]\nname = Đảng ủy xã Một\nkind = dang_uy_co_so\nparent = huyen-a\n");
	image_is_current();
	h = load_tree();
	const struct unit *xa2 = hier_at(h, hier_find_code(h, "xa-2"));
	const struct unit *old = hier_at(h, hier_find_code(h, "huyen-b-btc"));
	cr_assert(xa2->historical, "kept, as historical");
	cr_assert(old->historical);
	cr_assert_eq(old->successor, hier_at(h, hier_find_code(h, "huyen-a-btc"))->id);
	cr_assert_eq(hier_resolve(h, "Ban Tổ chức Huyện ủy"), hier_find_code(h, "huyen-a-btc"),
	             "a current unit beats a historical one");
	cr_assert_eq(hier_resolve_all(h, "Ban Tổ chức Huyện ủy", NULL, 0), 2);
	hier_free(h);
}

static int link_fn(struct txn *t, void *ctx, struct err *e)
{
	struct unit u = {0};
	int rc = store_unit_by_code(t, ctx, &u, e);

	if (!rc)
		rc = store_alias_put(t, "Phòng Tổ chức Huyện ủy An Hòa", u.id, NULL, e);
	unit_free(&u);
	return rc;
}

Test(unitsnap, follows_names_linked_to_a_unit)
{
	struct hier *h = NULL;
	struct err e = {0};

	sync_units(base_units);
	cr_assert_eq(store_write(st, link_fn, "huyen-a-btc", &e), 0, "%s", e.msg);
	image_is_current();
	h = load_tree();
	cr_assert(hier_stored(h));
	cr_assert_eq(hier_resolve(h, "phong to chuc huyen uy an hoa"),
	             hier_find_code(h, "huyen-a-btc"));
	hier_free(h);
}

static int add_sparse(struct txn *t, void *ctx, struct err *e)
{
	struct unit u = {0};

	(void)ctx;
	u.id = 3000000; /* far past the others: the image keeps (id, position) pairs */
	str_copy(u.code, "xa", sizeof u.code);
	u.name = "Chi bộ Xa";
	u.kind = UK_CHI_BO;
	u.parent = 1;
	return store_unit_put(t, &u, e);
}

Test(unitsnap, sparse_ids)
{
	sync_units(base_units);
	struct err e = {0};
	cr_assert_eq(store_write(st, add_sparse, NULL, &e), 0, "%s", e.msg);
	cr_assert_eq(image_is_current(), 9);
}

/* ---- schema 2 ---------------------------------------------------------------------- */

/* tests/data/schema2/data.mdb was made by the release before the image
 * (commit 731ba23, schema 2) with its theodoi.ini and units.ini beside it:
 * `demo` at 2026-11-23 on conf/units.ini, `link "Phòng Văn thư Tỉnh ủy"
 * tu-vp`, then hkl-xaha given the successor hkl-xaphuc and hpd-xatay
 * dropped from units.ini (historical), `backup`. */
Test(unitsnap, a_schema2_store_is_migrated_with_its_image)
{
	struct periods p = {1u << 11}; /* December, as the store was made */
	struct hier *h = NULL;
	struct err e = {0};
	struct txn *t;
	char cmd[3 * sizeof store_dir + 64];
	int migrated = -1;
	long schema;

	store_close(st);
	snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir '%s' && cp tests/data/schema2/data.mdb '%s/'",
	         store_dir, store_dir, store_dir);
	cr_assert_eq(system(cmd), 0);
	open_store();
	cr_assert_eq(store_read_begin(st, &t, &e), 0, "%s", e.msg);
	cr_assert_eq(store_schema(t, &schema, &e), 0, "%s", e.msg);
	cr_assert_eq(schema, 2);
	cr_assert_eq(hier_load(t, &h, &e), 0, "%s", e.msg);
	cr_assert(!hier_stored(h), "no image before the migration: built from the units");
	store_read_end(t);
	hier_free(h);

	cr_assert_eq(per_migrate(st, &p, &migrated, &e), 0, "%s", e.msg);
	cr_assert_eq(migrated, 3);
	cr_assert_eq(store_read_begin(st, &t, &e), 0, "%s", e.msg);
	cr_assert_eq(store_schema(t, &schema, &e), 0, "%s", e.msg);
	cr_assert_eq(schema, STORE_SCHEMA);
	store_read_end(t);
	cr_assert_eq(image_is_current(), 50);

	h = load_tree();
	cr_assert_eq(hier_resolve(h, "Phòng Văn thư Tỉnh ủy"), hier_find_code(h, "tu-vp"),
	             "the linked name");
	const struct unit *ha = hier_at(h, hier_find_code(h, "hkl-xaha"));
	cr_assert(ha->historical);
	cr_assert_eq(ha->successor, hier_at(h, hier_find_code(h, "hkl-xaphuc"))->id);
	cr_assert(hier_at(h, hier_find_code(h, "hpd-xatay"))->historical);
	hier_free(h);
	cr_assert_eq(per_migrate(st, &p, &migrated, &e), 0, "%s", e.msg);
	cr_assert_eq(migrated, 0, "once only");
}

Test(unitsnap, a_schema2_store_opened_read_only_asks_for_an_upgrade)
{
	struct store *ro = NULL;
	struct err e = {0};
	char cmd[3 * sizeof store_dir + 64];

	store_close(st);
	st = NULL;
	snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir '%s' && cp tests/data/schema2/data.mdb '%s/'",
	         store_dir, store_dir, store_dir);
	cr_assert_eq(system(cmd), 0);
	cr_assert_eq(store_open(store_dir, STORE_RDONLY, &ro, &e), ERR_STORE);
	cr_assert_not_null(strstr(e.msg, "lược đồ 2 của phiên bản trước"), "%s", e.msg);
	cr_assert_null(ro);
	open_store();
}
