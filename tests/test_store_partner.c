/* test_store_partner.c — the task_partner index: kept by every write that
 * sets partners, checked and rebuilt by store_check, bounded, and built
 * for a schema 2 store by the migration to schema 3 (tests/data/schema2-demo,
 * made by the previous release). */

#include "period.h"
#include "store-fixture.h"

TestSuite(store_partner, .init = fx_setup, .fini = fx_teardown);
TestSuite(partner_migration);

static int collect(uint64_t id, void *ctx)
{
	struct idvec *l = ctx;
	idvec_push(l, id);
	return 0;
}

/* The ids of the tasks with `unit` among their partners, through the
 * index, as "1 3 4". */
static void by_partner(uint32_t unit, char *out, size_t len)
{
	struct err e = {0};
	struct idvec l = {0};
	struct txn *t = fx_read();
	cr_assert_eq(store_tasks_by_partner(t, unit, collect, &l, &e), 0, "%s", e.msg);
	store_read_end(t);
	out[0] = '\0';
	for (size_t i = 0; i < l.n; i++) {
		size_t n = strlen(out);
		snprintf(out + n, len - n, "%s%llu", i ? " " : "", (unsigned long long)l.v[i]);
	}
	idvec_free(&l);
}

static uint64_t task_with(uint32_t lead, const uint32_t *partners, int n)
{
	struct task k;
	fx_task_init(&k, lead, 0, ST_NOT_STARTED, DATE_NONE);
	k.npartners = n;
	k.partners = n ? xmalloc((size_t)n * sizeof *k.partners) : NULL;
	if (n)
		memcpy(k.partners, partners, (size_t)n * sizeof *k.partners);
	fx_write(fx_w_task, &k);
	uint64_t id = k.id;
	task_free(&k);
	return id;
}

static void set_partners(uint64_t id, const uint32_t *partners, int n)
{
	struct err e = {0};
	struct task k;
	struct txn *t = fx_read();
	cr_assert_eq(store_task_get(t, id, &k, &e), 0, "%s", e.msg);
	store_read_end(t);
	free(k.partners);
	k.npartners = n;
	k.partners = n ? xmalloc((size_t)n * sizeof *k.partners) : NULL;
	if (n)
		memcpy(k.partners, partners, (size_t)n * sizeof *k.partners);
	fx_write(fx_w_task, &k);
	task_free(&k);
}

Test(store_partner, the_index_follows_every_write)
{
	uint32_t tu = fx_unit("tu", 0), a = fx_unit("a", tu), b = fx_unit("b", tu),
	         c = fx_unit("c", tu);
	uint32_t ab[] = {a, b}, bb[] = {b, b, 0}, ca[] = {c, a};
	uint64_t t1 = task_with(tu, ab, 2), t2 = task_with(tu, bb, 3), t3 = task_with(a, NULL, 0);
	char got[128], want[128];
	by_partner(a, got, sizeof got);
	snprintf(want, sizeof want, "%llu", (unsigned long long)t1);
	cr_assert_str_eq(got, want);
	by_partner(b, got, sizeof got);
	snprintf(want, sizeof want, "%llu %llu", (unsigned long long)t1, (unsigned long long)t2);
	cr_assert_str_eq(got, want, "a partner named twice is one entry");
	by_partner(0, got, sizeof got);
	cr_assert_str_eq(got, "", "an unresolved partner (0) is not indexed");
	/* new partners move the entries */
	set_partners(t1, ca, 2);
	set_partners(t3, ab, 1);
	by_partner(a, got, sizeof got);
	snprintf(want, sizeof want, "%llu %llu", (unsigned long long)t1, (unsigned long long)t3);
	cr_assert_str_eq(got, want);
	by_partner(b, got, sizeof got);
	snprintf(want, sizeof want, "%llu", (unsigned long long)t2);
	cr_assert_str_eq(got, want);
	by_partner(c, got, sizeof got);
	snprintf(want, sizeof want, "%llu", (unsigned long long)t1);
	cr_assert_str_eq(got, want);
	/* a deleted task leaves the index */
	fx_write(fx_w_task_del, &t1);
	by_partner(c, got, sizeof got);
	cr_assert_str_eq(got, "");
	fx_check_clean();
}

Test(store_partner, too_many_partners_are_refused)
{
	uint32_t tu = fx_unit("tu", 0), p[STORE_PARTNERS_MAX + 1];
	for (int i = 0; i <= STORE_PARTNERS_MAX; i++) {
		char code[16];
		snprintf(code, sizeof code, "u%d", i);
		p[i] = fx_unit(code, tu);
	}
	task_with(tu, p, STORE_PARTNERS_MAX);
	struct task k;
	struct err e = {0};
	fx_task_init(&k, tu, 0, ST_NOT_STARTED, DATE_NONE);
	k.npartners = STORE_PARTNERS_MAX + 1;
	k.partners = xmalloc(sizeof p);
	memcpy(k.partners, p, sizeof p);
	cr_assert_eq(store_write(fx_st, fx_w_task, &k, &e), ERR_INPUT);
	cr_assert(strstr(e.msg, "đơn vị phối hợp"), "%s", e.msg);
	task_free(&k);
	fx_check_clean();
}

/* ---- damage, found and repaired ------------------------------------------ */

static int w_rebuild(struct txn *t, void *ctx, struct err *e)
{
	(void)ctx;
	return store_rebuild_indexes(t, e);
}

Test(store_partner, a_missing_or_stray_entry_is_reported_and_rebuilt)
{
	uint32_t tu = fx_unit("tu", 0), a = fx_unit("a", tu);
	uint32_t pa[] = {a};
	uint64_t t1 = task_with(tu, pa, 1);
	struct fx_raw r;
	fx_raw_begin(&r);
	unsigned char key[12];
	fx_be32(key, a);
	fx_be32(key + 4, 0);
	fx_be32(key + 8, (uint32_t)t1);
	fx_raw_del(&r, "task_partner", key, 12);
	fx_be32(key, tu); /* a stray entry: the task is no partner of the Tỉnh ủy */
	fx_raw_put(&r, "task_partner", key, 12, "", 0);
	fx_raw_end(&r);
	char *rep = fx_check_dirty();
	cr_assert(strstr(rep, "task_partner"), "%s", rep);
	free(rep);
	fx_write(w_rebuild, NULL);
	fx_check_clean();
	char got[64], want[64];
	by_partner(a, got, sizeof got);
	snprintf(want, sizeof want, "%llu", (unsigned long long)t1);
	cr_assert_str_eq(got, want);
	by_partner(tu, got, sizeof got);
	cr_assert_str_eq(got, "");
}

/* ---- the migration from schema 2 ------------------------------------------ */

struct scan {
	uint32_t unit;
	struct idvec ids;
};

static int scan_task(const struct task *k, void *ctx)
{
	struct scan *s = ctx;
	for (int i = 0; i < k->npartners; i++)
		if (k->partners[i] == s->unit) {
			idvec_push(&s->ids, k->id);
			break;
		}
	return 0;
}

static int count_partners(const struct task *k, void *ctx)
{
	uint32_t *first = ctx;
	if (!*first && k->npartners && k->partners[0])
		*first = k->partners[0];
	return 0;
}

/* tests/data/schema2-demo/data.mdb: the demo store (`theodoi demo`, today
 * 2026-11-23) made by the previous release (731ba23, schema 2). */
Test(partner_migration, a_schema2_store_gets_its_partner_index)
{
	struct err e = {0};
	fx_setup_from("tests/data/schema2-demo/data.mdb");
	cr_assert_eq(fx_schema(), 2);
	struct txn *t = fx_read();
	uint32_t unit = 0;
	cr_assert_eq(store_tasks_each(t, count_partners, &unit, &e), 0, "%s", e.msg);
	store_read_end(t);
	cr_assert_neq(unit, 0, "the demo store has tasks with partners");
	char got[4096];
	by_partner(unit, got, sizeof got);
	cr_assert_str_eq(got, "", "no index before the migration");
	struct periods dec = {1u << 11};
	int migrated = -1;
	cr_assert_eq(per_migrate(fx_st, &dec, &migrated, &e), 0, "%s", e.msg);
	cr_assert_eq(migrated, 3);
	cr_assert_eq(fx_schema(), STORE_SCHEMA);
	t = fx_read();
	struct scan s = {unit, {0}};
	cr_assert_eq(store_tasks_each(t, scan_task, &s, &e), 0, "%s", e.msg);
	store_read_end(t);
	char want[4096] = "";
	for (size_t i = 0; i < s.ids.n; i++) {
		size_t n = strlen(want);
		snprintf(want + n, sizeof want - n, "%s%llu", i ? " " : "",
		         (unsigned long long)s.ids.v[i]);
	}
	idvec_free(&s.ids);
	by_partner(unit, got, sizeof got);
	cr_assert_str_eq(got, want, "the index finds what a scan finds");
	fx_check_clean();
	cr_assert_eq(per_migrate(fx_st, &dec, &migrated, &e), 0, "%s", e.msg);
	cr_assert_eq(migrated, 0, "once only");
	fx_teardown();
}
