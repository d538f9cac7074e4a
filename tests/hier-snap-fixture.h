/* hier-snap-fixture.h — shared by the tests of the unit tree and its
 * stored image (test_hier.c, test_hier_snap.c, test_hier_image.c): a fresh
 * store and units.ini in a mkdtemp directory per test, and the checks that
 * a tree read from the image answers every lookup as the tree built from
 * the units does, and as the unit records themselves say.  Each test
 * binary includes it once. */
#ifndef THEODOI_TEST_HIER_SNAP_FIXTURE_H
#define THEODOI_TEST_HIER_SNAP_FIXTURE_H

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

/* Replace units.ini by writing a new file and renaming it over the old one,
 * as editors do: a new inode, so the stamp changes even within one clock
 * tick. */
static inline void write_units(const char *text)
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

static inline void open_store(void)
{
	struct err e = {0};
	cr_assert_eq(store_open(store_dir, STORE_CREATE, &st, &e), 0, "%s", e.msg);
}

static inline void setup(void)
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

static inline void teardown(void)
{
	char cmd[128];

	store_close(st);
	cfg_free(&cfg);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd))
		cr_log_warn("could not remove %s", dir);
}


static inline void sync_units(const char *text)
{
	struct err e = {0};

	write_units(text);
	cfg_free(&cfg);
	cr_assert_eq(cfg_load(ini_path, &cfg, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_sync(st, &cfg, "quan.tri", NULL, &e), 0, "%s", e.msg);
}

/* ---- the checks ------------------------------------------------------------- */

static inline int str_eq(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

/* Each name of unit u: its code, its name, each of its abbreviations. */
static inline void each_name(const struct unit *u, void (*fn)(const char *name, void *ctx),
                             void *ctx)
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

static inline void same_resolution(const char *name, void *ctx)
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
static inline void same_tree(const struct hier *a, const struct hier *b)
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

static inline int take_unit(const struct unit *u, void *ctx)
{
	struct records *r = ctx;

	r->v = xrealloc(r->v, (r->n + 1) * sizeof *r->v);
	r->v[r->n] = *u;
	r->v[r->n].name = u->name ? xstrdup(u->name) : NULL;
	r->v[r->n].abbrevs = u->abbrevs ? xstrdup(u->abbrevs) : NULL;
	r->n++;
	return 0;
}

static inline int take_alias(const char *name, uint32_t unit, void *ctx)
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

static inline int best_level(const struct unit *u, const char *f)
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

static inline void resolves_as_records_say(const char *name, void *ctx)
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

static inline void matches_records(struct txn *t, const struct hier *h)
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
static inline size_t image_is_current(void)
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

/* The tree as the program reads it from the store (hier_load); the caller
 * frees it with hier_free(). */
static inline struct hier *load_tree(void)
{
	struct hier *h = NULL;
	struct err e = {0};
	struct txn *t;

	cr_assert_eq(store_read_begin(st, &t, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_load(t, &h, &e), 0, "%s", e.msg);
	store_read_end(t);
	return h;
}

/* The hierarchy most tests start from. */
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

#endif
