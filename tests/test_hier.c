/* Tests of hier.c and hier-sync.c: synchronising units.ini into a real
 * store (in a fresh mkdtemp directory per test: hier-snap-fixture.h), and
 * the in-memory tree. */
#include <criterion/criterion.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hier-snap-fixture.h"

static void load_config(void)
{
	struct err e = {0};

	cfg_free(&cfg);
	cr_assert_eq(cfg_load(ini_path, &cfg, &e), 0, "%s", e.msg);
}

TestSuite(hier_sync, .init = setup, .fini = teardown);
TestSuite(hier, .init = setup, .fini = teardown);

/* Load the configuration again and synchronise: 1 when the store changed. */
static int sync_changed(void)
{
	struct err e = {0};
	int changed = -1;

	load_config();
	cr_assert_eq(hier_sync(st, &cfg, "quan.tri", &changed, &e), 0, "%s:%d: %s", e.file,
		     e.line, e.msg);
	return changed;
}

static const struct unit *unit_of(const struct hier *h, const char *code)
{
	size_t i = hier_find_code(h, code);

	cr_assert_neq(i, NPOS, "no unit %s", code);
	return hier_at(h, i);
}

/* ---- tasks and counters ---------------------------------------------- */

struct new_task {
	uint32_t lead;
	int status;
	uint64_t id;
};

static int put_task(struct txn *t, void *ctx, struct err *e)
{
	struct new_task *nt = ctx;
	struct task tk = {0};
	int rc;

	dl_init(&tk.dl);
	tk.dl.d.kind = DL_BY;
	tk.dl.d.due = date_make(2030, 6, 30);
	tk.due = tk.dl.d.due;
	tk.extended_to = DATE_NONE;
	tk.start = date_make(2025, 1, 1);
	tk.last_update = DATE_NONE;
	tk.done_date = nt->status == ST_DONE ? date_make(2025, 3, 1) : DATE_NONE;
	tk.lead = nt->lead;
	tk.status = (uint8_t)nt->status;
	tk.text = xstrdup("Nhiệm vụ thử");
	rc = store_task_put(t, &tk, e);
	nt->id = tk.id;
	task_free(&tk);
	return rc;
}

static uint64_t add_task(uint32_t lead, int status)
{
	struct new_task nt = { lead, status, 0 };
	struct err e = {0};

	cr_assert_eq(store_write(st, put_task, &nt, &e), 0, "%s", e.msg);
	return nt.id;
}

static uint32_t lead_of(uint64_t task)
{
	struct err e = {0};
	struct task tk;
	struct txn *t;
	uint32_t lead;

	cr_assert_eq(store_read_begin(st, &t, &e), 0);
	cr_assert_eq(store_task_get(t, task, &tk, &e), 0, "%s", e.msg);
	store_read_end(t);
	lead = tk.lead;
	task_free(&tk);
	return lead;
}

static uint64_t count_of(uint32_t unit)
{
	struct err e = {0};
	struct txn *t;
	uint64_t n = 0;

	cr_assert_eq(store_read_begin(st, &t, &e), 0);
	cr_assert_eq(store_count(t, unit, DATE_NONE, DATE_NONE, &n, &e), 0, "%s", e.msg);
	store_read_end(t);
	return n;
}

struct audit_tally {
	const char *action;
	int n;
	char last_object[40];
};

static int tally(const struct audit *a, void *ctx)
{
	struct audit_tally *at = ctx;

	if (!strcmp(a->action, at->action)) {
		at->n++;
		strcpy(at->last_object, a->object);
		cr_assert_str_eq(a->login, "quan.tri");
		cr_assert_str_eq(a->role, "admin");
	}
	return 0;
}

static int audits(const char *action)
{
	struct audit_tally at = { action, 0, "" };
	struct err e = {0};
	struct txn *t;

	cr_assert_eq(store_read_begin(st, &t, &e), 0);
	cr_assert_eq(store_audit_each(t, 0, tally, &at, &e), 0, "%s", e.msg);
	store_read_end(t);
	return at.n;
}

/* ---- fixtures: hierarchies ------------------------------------------- */

static const char *const tree_units =
	"[tinh]\nname = Tỉnh ủy Thử Nghiệm\nabbrevs = Ban Thường vụ Tỉnh ủy, TU\nkind = tinh_uy\n\n"
	"[tinh-btc]\nname = Ban Tổ chức Tỉnh ủy\nabbrevs = BTC Tỉnh ủy, BTCTU\nkind = ban\n"
	"parent = tinh\n\n"
	"[huyen-a]\nname = Huyện ủy An Hòa\nkind = huyen_uy\nparent = tinh\n\n"
	"[huyen-a-btc]\nname = Ban Tổ chức Huyện ủy An Hòa\n"
	"abbrevs = Ban Tổ chức Huyện ủy, BTCHU\nkind = ban\nparent = huyen-a\n\n"
	"[huyen-b]\nname = Huyện ủy Bình Lộc\nkind = huyen_uy\nparent = tinh\n\n"
	"[huyen-b-btc]\nname = Ban Tổ chức Huyện ủy Bình Lộc\n"
	"abbrevs = Ban Tổ chức Huyện ủy, BTCHU\nkind = ban\nparent = huyen-b\n\n"
	"[xa-dong]\nname = Đảng ủy xã Đông Phong\nkind = dang_uy_co_so\nparent = huyen-a\n";

/* ---- sync ------------------------------------------------------------ */

Test(hier_sync, adds_every_unit_with_its_parent)
{
	struct hier *h;

	write_units(tree_units);
	cr_assert_eq(sync_changed(), 7);
	h = load_tree();
	cr_assert_eq(hier_count(h), 7);
	cr_assert_eq(unit_of(h, "tinh")->parent, 0);
	cr_assert_eq(unit_of(h, "xa-dong")->parent, unit_of(h, "huyen-a")->id);
	cr_assert_str_eq(unit_of(h, "tinh-btc")->name, "Ban Tổ chức Tỉnh ủy");
	cr_assert_str_eq(unit_of(h, "tinh-btc")->abbrevs, "BTC Tỉnh ủy, BTCTU");
	cr_assert_eq(unit_of(h, "huyen-a")->kind, UK_HUYEN_UY);
	cr_assert_eq(unit_of(h, "tinh")->id, 1, "ids follow the order of units.ini");
	cr_assert_eq(unit_of(h, "xa-dong")->id, 7);
	cr_assert_eq(audits("unit.sync"), 7);
	hier_free(h);
}

Test(hier_sync, child_listed_before_its_parent_gets_the_parent_id)
{
	struct hier *h;

	write_units("[leaf]\nname = Chi bộ\nkind = chi_bo\nparent = top\n\n"
		    "[top]\nname = Đảng ủy\nkind = dang_uy_co_so\n\n"
		    "[tinh]\nname = Tỉnh ủy\nkind = tinh_uy\n");
	cr_assert_eq(sync_changed(), 3);
	h = load_tree();
	cr_assert_eq(unit_of(h, "leaf")->parent, unit_of(h, "top")->id);
	cr_assert_eq(hier_find_code(h, "top"), 0, "roots in id order: top (id 2), tinh (id 3)");
	cr_assert_eq(hier_find_code(h, "leaf"), 1, "then the child of top");
	cr_assert_eq(hier_find_code(h, "tinh"), 2);
	hier_free(h);
}

Test(hier_sync, is_skipped_while_units_ini_is_unchanged)
{
	write_units(tree_units);
	cr_assert_eq(sync_changed(), 7);
	cr_assert_eq(sync_changed(), 0);
	cr_assert_eq(cfg.nunits, 0, "units.ini was not even read");
	cr_assert_eq(audits("unit.sync"), 7, "nothing audited again");
}

Test(hier_sync, rewritten_file_with_same_content_changes_nothing)
{
	write_units(tree_units);
	cr_assert_eq(sync_changed(), 7);
	write_units(tree_units);
	cr_assert_eq(sync_changed(), 0);
	cr_assert_eq(cfg.nunits, 7, "read this time: the stamp changed");
	cr_assert_eq(audits("unit.sync"), 7);
}

Test(hier_sync, renamed_unit_is_updated_and_audited)
{
	struct hier *h;
	struct audit_tally at = { "unit.sync", 0, "" };
	struct err e = {0};
	struct txn *t;

	write_units(tree_units);
	sync_changed();
	write_units("[tinh]\nname = Tỉnh ủy Thử Nghiệm Mới\nkind = tinh_uy\n\n"
		    "[tinh-btc]\nname = Ban Tổ chức Tỉnh ủy\nabbrevs = BTC Tỉnh ủy, BTCTU\n"
		    "kind = ban\nparent = tinh\n\n"
		    "[huyen-a]\nname = Huyện ủy An Hòa\nkind = huyen_uy\nparent = tinh\n\n"
		    "[huyen-a-btc]\nname = Ban Tổ chức Huyện ủy An Hòa\n"
		    "abbrevs = Ban Tổ chức Huyện ủy, BTCHU\nkind = ban\nparent = huyen-a\n\n"
		    "[huyen-b]\nname = Huyện ủy Bình Lộc\nkind = huyen_uy\nparent = tinh\n\n"
		    "[huyen-b-btc]\nname = Ban Tổ chức Huyện ủy Bình Lộc\n"
		    "abbrevs = Ban Tổ chức Huyện ủy, BTCHU\nkind = ban\nparent = huyen-b\n\n"
		    "[xa-dong]\nname = Đảng ủy xã Đông Phong\nkind = dang_uy_co_so\n"
		    "parent = huyen-a\n");
	cr_assert_eq(sync_changed(), 1);
	h = load_tree();
	cr_assert_str_eq(unit_of(h, "tinh")->name, "Tỉnh ủy Thử Nghiệm Mới");
	cr_assert_null(unit_of(h, "tinh")->abbrevs);
	hier_free(h);
	cr_assert_eq(store_read_begin(st, &t, &e), 0);
	cr_assert_eq(store_audit_each(t, 0, tally, &at, &e), 0);
	store_read_end(t);
	cr_assert_eq(at.n, 8);
	cr_assert_str_eq(at.last_object, "unit:tinh");
}

Test(hier_sync, removed_unit_becomes_historical_and_keeps_its_tasks)
{
	struct hier *h;
	uint32_t xa;
	uint64_t open_task, done_task;

	write_units(tree_units);
	sync_changed();
	h = load_tree();
	xa = unit_of(h, "xa-dong")->id;
	hier_free(h);
	open_task = add_task(xa, ST_IN_PROGRESS);
	done_task = add_task(xa, ST_DONE);
	/* the same file without [xa-dong] */
	write_units("[tinh]\nname = Tỉnh ủy Thử Nghiệm\nabbrevs = Ban Thường vụ Tỉnh ủy, TU\n"
		    "kind = tinh_uy\n\n"
		    "[tinh-btc]\nname = Ban Tổ chức Tỉnh ủy\nabbrevs = BTC Tỉnh ủy, BTCTU\n"
		    "kind = ban\nparent = tinh\n\n"
		    "[huyen-a]\nname = Huyện ủy An Hòa\nkind = huyen_uy\nparent = tinh\n\n"
		    "[huyen-a-btc]\nname = Ban Tổ chức Huyện ủy An Hòa\n"
		    "abbrevs = Ban Tổ chức Huyện ủy, BTCHU\nkind = ban\nparent = huyen-a\n\n"
		    "[huyen-b]\nname = Huyện ủy Bình Lộc\nkind = huyen_uy\nparent = tinh\n\n"
		    "[huyen-b-btc]\nname = Ban Tổ chức Huyện ủy Bình Lộc\n"
		    "abbrevs = Ban Tổ chức Huyện ủy, BTCHU\nkind = ban\nparent = huyen-b\n");
	cr_assert_eq(sync_changed(), 1);
	h = load_tree();
	cr_assert_eq(hier_count(h), 7, "never deleted");
	cr_assert_eq(unit_of(h, "xa-dong")->historical, 1);
	cr_assert_eq(unit_of(h, "xa-dong")->parent, unit_of(h, "huyen-a")->id,
		     "stays under its last parent");
	cr_assert_eq(unit_of(h, "huyen-a")->historical, 0);
	hier_free(h);
	cr_assert_eq(lead_of(open_task), xa);
	cr_assert_eq(lead_of(done_task), xa);
	cr_assert_eq(audits("unit.handover"), 0);
}

Test(hier_sync, historical_unit_that_reappears_is_current_again)
{
	struct hier *h;
	const char *without = "[tinh]\nname = Tỉnh ủy\nkind = tinh_uy\n";
	const char *with = "[tinh]\nname = Tỉnh ủy\nkind = tinh_uy\n\n"
			   "[tinh-btc]\nname = Ban Tổ chức Tỉnh ủy\nkind = ban\nparent = tinh\n";

	write_units(with);
	sync_changed();
	write_units(without);
	cr_assert_eq(sync_changed(), 1);
	write_units(with);
	cr_assert_eq(sync_changed(), 1);
	h = load_tree();
	cr_assert_eq(hier_count(h), 2);
	cr_assert_eq(unit_of(h, "tinh-btc")->historical, 0);
	cr_assert_eq(unit_of(h, "tinh-btc")->id, 2, "the same record, not a new one");
	hier_free(h);
}

static const char *const dissolved_units =
	"[tinh]\nname = Tỉnh ủy\nkind = tinh_uy\n\n"
	"[huyen-a]\nname = Huyện ủy An Hòa\nkind = huyen_uy\nparent = tinh\nsuccessor = huyen-b\n\n"
	"[huyen-b]\nname = Huyện ủy Bình Lộc\nkind = huyen_uy\nparent = tinh\n";

Test(hier_sync, successor_takes_open_tasks_but_not_closed_ones)
{
	struct hier *h;
	uint32_t a, b;
	uint64_t not_started, in_progress, done, on_hold;

	write_units("[tinh]\nname = Tỉnh ủy\nkind = tinh_uy\n\n"
		    "[huyen-a]\nname = Huyện ủy An Hòa\nkind = huyen_uy\nparent = tinh\n\n"
		    "[huyen-b]\nname = Huyện ủy Bình Lộc\nkind = huyen_uy\nparent = tinh\n");
	sync_changed();
	h = load_tree();
	a = unit_of(h, "huyen-a")->id;
	b = unit_of(h, "huyen-b")->id;
	hier_free(h);
	not_started = add_task(a, ST_NOT_STARTED);
	in_progress = add_task(a, ST_IN_PROGRESS);
	done = add_task(a, ST_DONE);
	on_hold = add_task(a, ST_ON_HOLD);

	write_units(dissolved_units);
	cr_assert_eq(sync_changed(), 1);
	h = load_tree();
	cr_assert_eq(unit_of(h, "huyen-a")->historical, 1);
	cr_assert_eq(unit_of(h, "huyen-a")->successor, b);
	cr_assert_eq(unit_of(h, "huyen-b")->historical, 0);
	hier_free(h);
	cr_assert_eq(lead_of(not_started), b);
	cr_assert_eq(lead_of(in_progress), b);
	cr_assert_eq(lead_of(done), a, "a done task stays with the unit that did it");
	cr_assert_eq(lead_of(on_hold), a);
	cr_assert_eq(audits("unit.handover"), 2);
	cr_assert_eq(count_of(a), 2);
	cr_assert_eq(count_of(b), 2);
}

Test(hier_sync, successor_chain_hands_over_to_its_last_unit)
{
	struct hier *h;
	uint64_t task;

	write_units("[tinh]\nname = Tỉnh ủy\nkind = tinh_uy\n\n"
		    "[a]\nname = Huyện ủy A\nkind = huyen_uy\nparent = tinh\n");
	sync_changed();
	h = load_tree();
	task = add_task(unit_of(h, "a")->id, ST_NOT_STARTED);
	hier_free(h);
	write_units("[tinh]\nname = Tỉnh ủy\nkind = tinh_uy\n\n"
		    "[a]\nname = Huyện ủy A\nkind = huyen_uy\nparent = tinh\nsuccessor = b\n\n"
		    "[b]\nname = Huyện ủy B\nkind = huyen_uy\nparent = tinh\nsuccessor = c\n\n"
		    "[c]\nname = Thành ủy C\nkind = thanh_uy\nparent = tinh\n");
	cr_assert_eq(sync_changed(), 3, "a changed; b and c are new");
	h = load_tree();
	cr_assert_eq(lead_of(task), unit_of(h, "c")->id);
	cr_assert_eq(unit_of(h, "a")->successor, unit_of(h, "b")->id, "the direct successor");
	cr_assert_eq(unit_of(h, "b")->historical, 1);
	hier_free(h);
}

Test(hier_sync, reparenting_moves_the_counters)
{
	struct hier *h;
	uint32_t a, b;

	write_units(tree_units);
	sync_changed();
	h = load_tree();
	a = unit_of(h, "huyen-a")->id;
	b = unit_of(h, "huyen-b")->id;
	add_task(unit_of(h, "xa-dong")->id, ST_IN_PROGRESS);
	add_task(unit_of(h, "xa-dong")->id, ST_DONE);
	hier_free(h);
	cr_assert_eq(count_of(a), 2);
	cr_assert_eq(count_of(b), 0);

	/* xa-dong moves from huyen-a to huyen-b */
	write_units("[tinh]\nname = Tỉnh ủy Thử Nghiệm\nabbrevs = Ban Thường vụ Tỉnh ủy, TU\n"
		    "kind = tinh_uy\n\n"
		    "[tinh-btc]\nname = Ban Tổ chức Tỉnh ủy\nabbrevs = BTC Tỉnh ủy, BTCTU\n"
		    "kind = ban\nparent = tinh\n\n"
		    "[huyen-a]\nname = Huyện ủy An Hòa\nkind = huyen_uy\nparent = tinh\n\n"
		    "[huyen-a-btc]\nname = Ban Tổ chức Huyện ủy An Hòa\n"
		    "abbrevs = Ban Tổ chức Huyện ủy, BTCHU\nkind = ban\nparent = huyen-a\n\n"
		    "[huyen-b]\nname = Huyện ủy Bình Lộc\nkind = huyen_uy\nparent = tinh\n\n"
		    "[huyen-b-btc]\nname = Ban Tổ chức Huyện ủy Bình Lộc\n"
		    "abbrevs = Ban Tổ chức Huyện ủy, BTCHU\nkind = ban\nparent = huyen-b\n\n"
		    "[xa-dong]\nname = Đảng ủy xã Đông Phong\nkind = dang_uy_co_so\n"
		    "parent = huyen-b\n");
	cr_assert_eq(sync_changed(), 1);
	cr_assert_eq(count_of(a), 0);
	cr_assert_eq(count_of(b), 2);
	cr_assert_eq(count_of(0), 2, "the whole store");
}

Test(hier_sync, config_error_leaves_the_store_untouched)
{
	struct err e = {0};
	struct hier *h;

	write_units("[tinh]\nname = Tỉnh ủy\nkind = tinh_uy\n\n"
		    "[a]\nname = Ban A\nkind = ban\nparent = khong-co\n");
	load_config();
	cr_assert_eq(hier_sync(st, &cfg, "quan.tri", NULL, &e), ERR_CONFIG);
	cr_assert_str_eq(e.file, units_path);
	cr_assert_eq(e.line, 8);
	h = load_tree();
	cr_assert_eq(hier_count(h), 0);
	hier_free(h);
	/* fixed: the next run syncs, since no stamp was stored */
	write_units("[tinh]\nname = Tỉnh ủy\nkind = tinh_uy\n");
	cr_assert_eq(sync_changed(), 1);
}

Test(hier_sync, user_of_a_unit_missing_from_units_ini_is_a_config_error)
{
	struct err e = {0};

	write_units("[khac]\nname = Tỉnh ủy\nkind = tinh_uy\n");
	load_config();
	cr_assert_eq(hier_sync(st, &cfg, "quan.tri", NULL, &e), ERR_CONFIG);
	cr_assert_str_eq(e.file, ini_path);
	cr_assert_eq(e.line, 2);
}

/* ---- the tree --------------------------------------------------------- */

Test(hier, tree_is_in_pre_order_with_siblings_in_file_order)
{
	static const char *const order[] = { "tinh", "tinh-btc", "huyen-a", "huyen-a-btc",
					     "xa-dong", "huyen-b", "huyen-b-btc" };
	static const int depth[] = { 0, 1, 1, 2, 2, 1, 2 };
	struct hier *h;
	size_t i;

	write_units(tree_units);
	sync_changed();
	h = load_tree();
	cr_assert_eq(hier_count(h), 7);
	for (i = 0; i < 7; i++) {
		cr_assert_str_eq(hier_at(h, i)->code, order[i], "position %zu", i);
		cr_assert_eq(hier_depth(h, i), depth[i], "depth of %s", order[i]);
	}
	cr_assert_null(hier_at(h, 7));
	hier_free(h);
}

Test(hier, subtree_ranges_cover_exactly_the_descendants)
{
	struct hier *h;
	size_t a;
	uint32_t tinh, ha, hb, xa;

	write_units(tree_units);
	sync_changed();
	h = load_tree();
	a = hier_find_code(h, "huyen-a");
	cr_assert_eq(a, 2);
	cr_assert_eq(hier_subtree_end(h, a), 5);
	cr_assert_eq(hier_subtree_end(h, 0), 7);
	cr_assert_eq(hier_subtree_end(h, 6), 7, "a leaf: itself only");
	tinh = unit_of(h, "tinh")->id;
	ha = unit_of(h, "huyen-a")->id;
	hb = unit_of(h, "huyen-b")->id;
	xa = unit_of(h, "xa-dong")->id;
	cr_assert(hier_in_subtree(h, xa, ha));
	cr_assert(hier_in_subtree(h, xa, tinh));
	cr_assert(hier_in_subtree(h, ha, ha), "a unit is in its own subtree");
	cr_assert_not(hier_in_subtree(h, xa, hb));
	cr_assert_not(hier_in_subtree(h, ha, xa), "not upwards");
	cr_assert_not(hier_in_subtree(h, 999, tinh));
	hier_free(h);
}

Test(hier, lookup_by_id_and_code)
{
	struct hier *h;
	size_t i;

	write_units(tree_units);
	sync_changed();
	h = load_tree();
	for (i = 0; i < hier_count(h); i++) {
		cr_assert_eq(hier_find_id(h, hier_at(h, i)->id), i);
		cr_assert_eq(hier_find_code(h, hier_at(h, i)->code), i);
		cr_assert_eq(hier_unit(h, hier_at(h, i)->id), hier_at(h, i));
	}
	cr_assert_eq(hier_find_id(h, 0), NPOS);
	cr_assert_eq(hier_find_id(h, 12345), NPOS);
	cr_assert_eq(hier_find_code(h, "khong-co"), NPOS);
	cr_assert_null(hier_unit(h, 12345));
	hier_free(h);
}

Test(hier, empty_store_gives_an_empty_tree)
{
	struct hier *h = load_tree();

	cr_assert_eq(hier_count(h), 0);
	cr_assert_eq(hier_find_code(h, "tinh"), NPOS);
	cr_assert_eq(hier_resolve(h, "tinh"), NPOS);
	hier_free(h);
}

Test(hier, historical_units_stay_in_the_tree_under_their_last_parent)
{
	struct hier *h;

	write_units(dissolved_units);
	sync_changed();
	h = load_tree();
	cr_assert_eq(hier_count(h), 3);
	cr_assert_eq(hier_find_code(h, "huyen-a"), 1);
	cr_assert(hier_in_subtree(h, unit_of(h, "huyen-a")->id, unit_of(h, "tinh")->id));
	hier_free(h);
}

static int put_cycle(struct txn *t, void *ctx, struct err *e)
{
	struct unit a = {0}, b = {0};
	int rc;

	(void)ctx;
	strcpy(a.code, "a");
	a.name = "Đơn vị A";
	strcpy(b.code, "b");
	b.name = "Đơn vị B";
	if ((rc = store_unit_put(t, &a, e)) || (rc = store_unit_put(t, &b, e)))
		return rc;
	a.parent = b.id;
	b.parent = a.id;
	if ((rc = store_unit_put(t, &a, e)) || (rc = store_unit_put(t, &b, e)))
		return rc;
	return 0;
}

Test(hier, damaged_store_with_a_parent_cycle_still_loads_every_unit)
{
	struct err e = {0};
	struct hier *h;

	cr_assert_eq(store_write(st, put_cycle, NULL, &e), 0, "%s", e.msg);
	h = load_tree();
	cr_assert_eq(hier_count(h), 2);
	cr_assert_str_eq(hier_at(h, 0)->code, "a", "the first unit met becomes a root");
	cr_assert_str_eq(hier_at(h, 1)->code, "b");
	cr_assert_eq(hier_depth(h, 1), 1);
	cr_assert_eq(hier_subtree_end(h, 0), 2);
	hier_free(h);
}

/* ---- resolving names --------------------------------------------------- */

Test(hier, resolves_code_name_and_abbreviation_ignoring_case_and_diacritics)
{
	struct hier *h;
	size_t btc;

	write_units(tree_units);
	sync_changed();
	h = load_tree();
	btc = hier_find_code(h, "tinh-btc");
	cr_assert_eq(hier_resolve(h, "tinh-btc"), btc, "code");
	cr_assert_eq(hier_resolve(h, "TINH-BTC"), btc, "code, any case");
	cr_assert_eq(hier_resolve(h, "Ban Tổ chức Tỉnh ủy"), btc, "name");
	cr_assert_eq(hier_resolve(h, "ban to chuc tinh uy"), btc, "name without diacritics");
	cr_assert_eq(hier_resolve(h, "BAN TỔ CHỨC TỈNH ỦY"), btc, "name in capitals");
	cr_assert_eq(hier_resolve(h, "Ban Tổ chức Tỉnh uỷ"), btc, "old-style accent placement");
	cr_assert_eq(hier_resolve(h, "BTCTU"), btc, "abbreviation");
	cr_assert_eq(hier_resolve(h, "btc tinh uy"), btc, "abbreviation without diacritics");
	cr_assert_eq(hier_resolve(h, "  BTC   Tỉnh ủy "), btc, "spacing ignored");
	cr_assert_eq(hier_resolve(h, "ban thuong vu tinh uy"), hier_find_code(h, "tinh"));
	cr_assert_eq(hier_resolve(h, "Đảng ủy xã Đông Phong"), hier_find_code(h, "xa-dong"));
	cr_assert_eq(hier_resolve(h, "dang uy xa dong phong"), hier_find_code(h, "xa-dong"));
	cr_assert_eq(hier_resolve(h, "Ban Tổ chức"), NPOS, "only whole names match");
	cr_assert_eq(hier_resolve(h, "Ban Tuyên giáo Tỉnh ủy"), NPOS);
	hier_free(h);
}

Test(hier, ambiguous_abbreviation_resolves_to_none_but_lists_all)
{
	struct hier *h;
	size_t out[4];

	write_units(tree_units);
	sync_changed();
	h = load_tree();
	cr_assert_eq(hier_resolve(h, "BTCHU"), NPOS);
	cr_assert_eq(hier_resolve_all(h, "Ban to chuc huyen uy", out, 4), 2);
	cr_assert_eq(out[0], hier_find_code(h, "huyen-a-btc"), "tree order");
	cr_assert_eq(out[1], hier_find_code(h, "huyen-b-btc"));
	cr_assert_eq(hier_resolve_all(h, "BTCHU", NULL, 0), 2, "counted beyond max");
	cr_assert_eq(hier_resolve_all(h, "khong co", out, 4), 0);
	hier_free(h);
}

Test(hier, current_unit_wins_over_a_historical_one_of_the_same_name)
{
	struct hier *h;

	write_units("[tinh]\nname = Tỉnh ủy\nkind = tinh_uy\n\n"
		    "[old]\nname = Ban Dân vận Tỉnh ủy\nkind = ban\nparent = tinh\n");
	sync_changed();
	write_units("[tinh]\nname = Tỉnh ủy\nkind = tinh_uy\n\n"
		    "[new]\nname = Ban Dân vận Tỉnh ủy\nkind = ban\nparent = tinh\n");
	sync_changed();
	h = load_tree();
	cr_assert_eq(hier_resolve(h, "Ban Dân vận Tỉnh ủy"), hier_find_code(h, "new"));
	cr_assert_eq(hier_resolve(h, "old"), hier_find_code(h, "old"), "its code still finds it");
	hier_free(h);
}

Test(hier, code_match_wins_over_an_abbreviation)
{
	struct hier *h;

	write_units("[tinh]\nname = Tỉnh ủy\nkind = tinh_uy\n\n"
		    "[x]\nname = Trường Tỉnh\nabbrevs = Tinh\nkind = co_quan\nparent = tinh\n");
	sync_changed();
	h = load_tree();
	cr_assert_eq(hier_resolve(h, "TINH"), hier_find_code(h, "tinh"));
	cr_assert_eq(hier_resolve_all(h, "TINH", NULL, 0), 2);
	hier_free(h);
}

/* ---- the shipped hierarchy --------------------------------------------- */

Test(hier, shipped_units_ini_syncs_and_resolves)
{
	struct err e = {0};
	struct hier *h;
	char cwd[PATH_MAX];
	int changed = 0;

	cr_assert_not_null(getcwd(cwd, sizeof cwd));
	cfg_free(&cfg);
	cr_assert_eq(cfg_load("conf/theodoi.ini", &cfg, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_sync(st, &cfg, "root", &changed, &e), 0, "%s:%d: %s", e.file, e.line,
		     e.msg);
	cr_assert_eq(changed, cfg.nunits);
	h = load_tree();
	cr_assert_eq(hier_count(h), (size_t)cfg.nunits);
	cr_assert_str_eq(hier_at(h, 0)->code, "tw");
	cr_assert_eq(hier_subtree_end(h, 0), hier_count(h), "one tree under the centre");
	cr_assert_eq(hier_resolve(h, "ĐUK"), hier_find_code(h, "duk"));
	cr_assert_eq(hier_resolve(h, "BTC Tỉnh ủy"), hier_find_code(h, "tu-btc"));
	cr_assert_eq(hier_resolve(h, "Ban Tổ chức Huyện ủy Kim Lâm"), hier_find_code(h, "hkl-btc"));
	cr_assert_eq(hier_resolve(h, "UBND tinh"), hier_find_code(h, "tu-ubnd"));
	cr_assert_eq(hier_resolve(h, "Ban Tổ chức Huyện ủy"), NPOS, "two districts");
	cr_assert(hier_in_subtree(h, unit_of(h, "hkl-xaha")->id, unit_of(h, "tu")->id));
	hier_free(h);
}
