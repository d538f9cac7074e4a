/* Tests of the stored image of the unit tree (unitsnap.c, store-unitsnap.c)
 * as hier.c reads it: after every kind of unit change, after a repair and
 * on a store migrated from schema 2, the tree read in place from the image
 * must answer every lookup exactly as the tree built from the units does,
 * and both must agree with the unit records themselves. */
#include <criterion/criterion.h>

#include <limits.h>
#include <lmdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "hier.h"
#include "period.h"
#include "store-alias.h"
#include "store.h"
#include "text.h"
#include "util.h"

#define NPOS ((size_t)-1)

static char dir[64];
static char ini_path[PATH_MAX], units_path[PATH_MAX], store_dir[PATH_MAX];
static struct store *st;
static struct config cfg;
static int units_version;

static void write_units(const char *text)
{
	char tmp[PATH_MAX + 16];
	FILE *f;

	snprintf(tmp, sizeof tmp, "%s.%d", units_path, ++units_version);
	f = fopen(tmp, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
	cr_assert_eq(rename(tmp, units_path), 0);
}

static void open_store(void)
{
	struct err e = {0};
	cr_assert_eq(store_open(store_dir, STORE_CREATE, &st, &e), 0, "%s", e.msg);
}

static void setup(void)
{
	FILE *f;

	strcpy(dir, "/tmp/theodoi-hsnap-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(ini_path, sizeof ini_path, "%s/theodoi.ini", dir);
	snprintf(units_path, sizeof units_path, "%s/units.ini", dir);
	snprintf(store_dir, sizeof store_dir, "%s/store", dir);
	f = fopen(ini_path, "w");
	cr_assert_not_null(f);
	fputs("[users]\nquan.tri = tinh, admin\n", f);
	fclose(f);
	memset(&cfg, 0, sizeof cfg);
	open_store();
}

static void teardown(void)
{
	char cmd[128];

	store_close(st);
	cfg_free(&cfg);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd))
		cr_log_warn("could not remove %s", dir);
}

TestSuite(unitsnap, .init = setup, .fini = teardown);

static void sync_units(const char *text)
{
	struct err e = {0};

	write_units(text);
	cfg_free(&cfg);
	cr_assert_eq(cfg_load(ini_path, &cfg, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_sync(st, &cfg, "quan.tri", NULL, &e), 0, "%s", e.msg);
}

/* ---- the checks ------------------------------------------------------------- */

static int str_eq(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

/* Each name of unit u: its code, its name, each of its abbreviations. */
static void each_name(const struct unit *u, void (*fn)(const char *name, void *ctx), void *ctx)
{
	char *copy = u->abbrevs ? xstrdup(u->abbrevs) : NULL, *save = NULL;

	fn(u->code, ctx);
	if (u->name)
		fn(u->name, ctx);
	for (char *p = copy ? strtok_r(copy, ",", &save) : NULL; p; p = strtok_r(NULL, ",", &save)) {
		while (*p == ' ')
			p++;
		fn(p, ctx);
	}
	free(copy);
}

struct pair {
	const struct hier *a, *b;
};

static void same_resolution(const char *name, void *ctx)
{
	struct pair *p = ctx;
	size_t ra[64], rb[64];
	size_t na = hier_resolve_all(p->a, name, ra, 64), nb = hier_resolve_all(p->b, name, rb, 64);

	cr_assert_eq(hier_resolve(p->a, name), hier_resolve(p->b, name), "resolve \"%s\"", name);
	cr_assert_eq(na, nb, "resolve_all \"%s\"", name);
	cr_assert_geq(na, 1, "\"%s\" resolves to its unit at least", name);
	for (size_t k = 0; k < na && k < 64; k++)
		cr_assert_eq(ra[k], rb[k], "resolve_all \"%s\" [%zu]", name, k);
	/* case and diacritics ignored, as before */
	char *f = txt_fold(name, TXT_NUL, NULL);
	cr_assert_eq(hier_resolve_all(p->a, f, NULL, 0), na, "folded \"%s\"", f);
	free(f);
}

/* a and b give the same answer to every question hier.h can ask. */
static void same_tree(const struct hier *a, const struct hier *b)
{
	size_t n = hier_count(a);
	struct pair p = {a, b};

	cr_assert_eq(n, hier_count(b));
	for (size_t i = 0; i < n; i++) {
		const struct unit *x = hier_at(a, i), *y = hier_at(b, i);

		cr_assert_eq(x->id, y->id, "position %zu", i);
		cr_assert_str_eq(x->code, y->code);
		cr_assert(str_eq(x->name, y->name), "%s: name", x->code);
		cr_assert(str_eq(x->abbrevs, y->abbrevs), "%s: abbrevs", x->code);
		cr_assert_eq(x->kind, y->kind, "%s: kind", x->code);
		cr_assert_eq(x->parent, y->parent, "%s: parent", x->code);
		cr_assert_eq(x->historical, y->historical, "%s: historical", x->code);
		cr_assert_eq(x->successor, y->successor, "%s: successor", x->code);
		cr_assert_eq(hier_depth(a, i), hier_depth(b, i), "%s: depth", x->code);
		cr_assert_eq(hier_subtree_end(a, i), hier_subtree_end(b, i), "%s: subtree", x->code);
		cr_assert_eq(hier_find_id(a, x->id), i);
		cr_assert_eq(hier_find_id(b, x->id), i);
		cr_assert_eq(hier_find_code(a, x->code), i);
		cr_assert_eq(hier_find_code(b, x->code), i);
		cr_assert_eq(hier_unit(a, x->id), x);
		each_name(x, same_resolution, &p);
	}
	cr_assert_eq(hier_at(a, n), NULL);
	cr_assert_eq(hier_find_id(a, 0), NPOS);
	cr_assert_eq(hier_find_id(a, 999999), NPOS);
	cr_assert_eq(hier_find_code(a, "khong-co"), NPOS);
	cr_assert_eq(hier_resolve(a, "Không có đơn vị này"), NPOS);
	cr_assert_eq(hier_resolve_all(a, "Không có đơn vị này", NULL, 0), 0);
}

/* The records themselves, with linked names appended as the tree shows
 * them: every unit once, its fields, its parent just above it, its
 * children right below it in id order. */
struct records {
	struct unit *v;
	size_t n;
};

static int take_unit(const struct unit *u, void *ctx)
{
	struct records *r = ctx;

	r->v = xrealloc(r->v, (r->n + 1) * sizeof *r->v);
	r->v[r->n] = *u;
	r->v[r->n].name = u->name ? xstrdup(u->name) : NULL;
	r->v[r->n].abbrevs = u->abbrevs ? xstrdup(u->abbrevs) : NULL;
	r->n++;
	return 0;
}

static int take_alias(const char *name, uint32_t unit, void *ctx)
{
	struct records *r = ctx;

	for (size_t i = 0; i < r->n; i++) {
		struct unit *u = &r->v[i];
		if (u->id != unit)
			continue;
		size_t a = u->abbrevs ? strlen(u->abbrevs) : 0;
		u->abbrevs = xrealloc(u->abbrevs, a + strlen(name) + 3);
		sprintf(u->abbrevs + a, "%s%s", a ? ", " : "", name);
	}
	return 0;
}

/* Name resolution worked out the slow way, from the records: every unit
 * one of whose names (code 0, name 1, abbreviation 2) folds to the same
 * as the query, the lowest level of each; the best rank (level, then
 * current before historical) must be held by one unit only. */
struct oracle {
	const struct hier *h;
	const struct records *r;
};

static int best_level(const struct unit *u, const char *f)
{
	int best = 9;
	char *x = txt_fold(u->code, TXT_NUL, NULL);

	if (!strcmp(x, f))
		best = 0;
	free(x);
	if (u->name && best > 1) {
		x = txt_fold(u->name, TXT_NUL, NULL);
		if (!strcmp(x, f))
			best = 1;
		free(x);
	}
	for (const char *p = u->abbrevs; p && *p && best > 2;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		x = txt_fold(p, len, NULL);
		if (!strcmp(x, f))
			best = 2;
		free(x);
		p += len;
		if (*p == ',')
			p++;
	}
	return best;
}

static void resolves_as_records_say(const char *name, void *ctx)
{
	struct oracle *o = ctx;
	char *f = txt_fold(name, TXT_NUL, NULL);
	size_t n = hier_count(o->h), want_n = 0, want = NPOS, got[64];
	int best = 99, at_best = 0;
	char *hit = xcalloc(n + 1, 1);

	for (size_t k = 0; k < o->r->n; k++) {
		const struct unit *u = &o->r->v[k];
		int lv = best_level(u, f);
		size_t pos = hier_find_id(o->h, u->id);
		if (lv > 2)
			continue;
		hit[pos] = 1;
		want_n++;
		int rank = 2 * lv + (u->historical ? 1 : 0);
		if (rank < best)
			best = rank, at_best = 1, want = pos;
		else if (rank == best)
			at_best++;
	}
	size_t got_n = hier_resolve_all(o->h, name, got, 64);
	cr_assert_eq(got_n, want_n, "\"%s\": %zu units, not %zu", name, got_n, want_n);
	for (size_t k = 0; k < got_n && k < 64; k++) {
		cr_assert(hit[got[k]], "\"%s\" matched a unit it names not", name);
		cr_assert(k == 0 || got[k] > got[k - 1], "\"%s\": tree order, each once", name);
	}
	cr_assert_eq(hier_resolve(o->h, name), at_best == 1 ? want : NPOS, "resolve \"%s\"", name);
	free(hit);
	free(f);
}

static void matches_records(struct txn *t, const struct hier *h)
{
	struct records r = {0};
	struct err e = {0};

	cr_assert_eq(store_units_each(t, take_unit, &r, &e), 0, "%s", e.msg);
	cr_assert_eq(store_aliases_each(t, take_alias, &r, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_count(h), r.n);
	for (size_t k = 0; k < r.n; k++) {
		const struct unit *u = &r.v[k];
		size_t i = hier_find_id(h, u->id), nchild = 0;
		const struct unit *x = hier_at(h, i);

		cr_assert_neq(i, NPOS, "unit %u", u->id);
		cr_assert_str_eq(x->code, u->code);
		cr_assert(str_eq(x->name, u->name), "%s", u->code);
		cr_assert(str_eq(x->abbrevs, u->abbrevs), "%s: %s / %s", u->code, x->abbrevs,
		          u->abbrevs);
		cr_assert_eq(x->kind, u->kind);
		cr_assert_eq(x->parent, u->parent);
		cr_assert_eq(x->historical, u->historical);
		cr_assert_eq(x->successor, u->successor);
		if (u->parent) {
			size_t p = hier_find_id(h, u->parent);
			cr_assert_neq(p, NPOS);
			cr_assert(p < i && i < hier_subtree_end(h, p), "%s inside its parent", u->code);
			cr_assert_eq(hier_depth(h, i), hier_depth(h, p) + 1);
			cr_assert(hier_in_subtree(h, u->id, u->parent));
			cr_assert(!hier_in_subtree(h, u->parent, u->id));
		} else {
			cr_assert_eq(hier_depth(h, i), 0);
		}
		/* children: the units whose parent is u, in id order */
		uint32_t prev = 0;
		for (size_t c = i + 1; c < hier_subtree_end(h, i); c = hier_subtree_end(h, c)) {
			cr_assert_eq(hier_at(h, c)->parent, u->id, "child of %s", u->code);
			cr_assert_gt(hier_at(h, c)->id, prev, "children in id order");
			prev = hier_at(h, c)->id;
			nchild++;
		}
		size_t want = 0;
		for (size_t j = 0; j < r.n; j++)
			want += r.v[j].parent == u->id;
		cr_assert_eq(nchild, want, "children of %s", u->code);
	}
	struct oracle o = {h, &r};
	for (size_t k = 0; k < r.n; k++)
		each_name(&r.v[k], resolves_as_records_say, &o);
	for (size_t k = 0; k < r.n; k++)
		unit_free(&r.v[k]);
	free(r.v);
}

/* The tree read from the image equals the tree built from the units and
 * the records; the image is current (hier_stored) and check-store finds
 * nothing.  Returns the number of units. */
static size_t image_is_current(void)
{
	struct hier *h = NULL, *b = NULL;
	struct err e = {0};
	struct txn *t;
	char *report = NULL;
	size_t n;

	cr_assert_eq(store_read_begin(st, &t, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_load(t, &h, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_build(t, &b, &e), 0, "%s", e.msg);
	cr_assert(hier_stored(h), "the tree is read from the image");
	cr_assert(!hier_stored(b));
	same_tree(h, b);
	matches_records(t, h);
	cr_assert_eq(store_check(t, &report, &e), 0, "%s\n%s", e.msg, report);
	free(report);
	store_read_end(t);
	n = hier_count(h);
	hier_free(h);
	hier_free(b);
	return n;
}

/* ---- the hierarchy and its changes -------------------------------------------- */

static const char base_units[] =
	"[tinh]\nname = Tỉnh ủy Thử Nghiệm\nabbrevs = Ban Thường vụ Tỉnh ủy, TU\nkind = tinh_uy\n\n"
	"[tinh-btc]\nname = Ban Tổ chức Tỉnh ủy\nabbrevs = BTC Tỉnh ủy, BTCTU\nkind = ban\n"
	"parent = tinh\n\n"
	"[huyen-a]\nname = Huyện ủy An Hòa\nkind = huyen_uy\nparent = tinh\n\n"
	"[huyen-a-btc]\nname = Ban Tổ chức Huyện ủy An Hòa\nabbrevs = Ban Tổ chức Huyện ủy\n"
	"kind = ban\nparent = huyen-a\n\n"
	"[huyen-b]\nname = Huyện ủy Bình Lộc\nkind = huyen_uy\nparent = tinh\n\n"
	"[huyen-b-btc]\nname = Ban Tổ chức Huyện ủy Bình Lộc\nabbrevs = Ban Tổ chức Huyện ủy\n"
	"kind = ban\nparent = huyen-b\n\n"
	"[xa-1]\nname = Đảng ủy xã Một\nkind = dang_uy_co_so\nparent = huyen-a\n\n"
	"[xa-2]\nname = Đảng ủy xã Hai\nkind = dang_uy_co_so\nparent = huyen-b\n";

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
	struct err e = {0};
	struct txn *t;

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
	cr_assert_eq(store_read_begin(st, &t, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_load(t, &h, &e), 0, "%s", e.msg);
	store_read_end(t);
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
	struct err e = {0};
	struct txn *t;

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
	cr_assert_eq(store_read_begin(st, &t, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_load(t, &h, &e), 0, "%s", e.msg);
	store_read_end(t);
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
	struct err e = {0};
	struct txn *t;

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
	cr_assert_eq(store_read_begin(st, &t, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_load(t, &h, &e), 0, "%s", e.msg);
	store_read_end(t);
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
	struct txn *t;

	sync_units(base_units);
	cr_assert_eq(store_write(st, link_fn, "huyen-a-btc", &e), 0, "%s", e.msg);
	image_is_current();
	cr_assert_eq(store_read_begin(st, &t, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_load(t, &h, &e), 0, "%s", e.msg);
	store_read_end(t);
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

Test(unitsnap, a_write_sees_its_own_units)
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

Test(unitsnap, a_stale_image_is_detected_and_repaired)
{
	unsigned char gen[8] = {0, 0, 0, 0, 0, 0, 0x10, 0};

	sync_units(base_units);
	tamper("gen", gen, sizeof gen); /* units written by someone unaware */
	detected_and_repaired("đã cũ");
}

Test(unitsnap, a_damaged_image_is_detected_and_repaired)
{
	char junk[4096];

	sync_units(base_units);
	memset(junk, 0x5a, sizeof junk);
	tamper("tree", junk, sizeof junk);
	detected_and_repaired("hỏng");
}

Test(unitsnap, a_missing_image_is_detected_and_repaired)
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

Test(unitsnap, a_garbled_image_with_a_good_stamp_is_read_safely)
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

Test(unitsnap, a_tree_outlives_growth_of_the_map_and_the_store)
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
Test(unitsnap, a_pin_is_moved_before_the_map_moves)
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
Test(unitsnap, a_detached_tree_keeps_its_answers)
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

	cr_assert_eq(store_read_begin(st, &t, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_load(t, &h, &e), 0, "%s", e.msg);
	store_read_end(t);
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
