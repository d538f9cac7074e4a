/* test_cascade.c — plans of plans: which subordinate committees issued
 * their implementing plan, on time or late, which have not, and numbers
 * that restart every term. */
#include "cascade.h"
#include "report-fixture.h"

TestSuite(cascade, .init = rfx_open, .fini = rfx_close);

static uint64_t D1, D2, D3, D4, D5, D6, D7, D8;

/* 15-CTr/TU of the Tỉnh ủy (plans due 30/06/2025) and the documents that
 * implement it, plus an older 15-CTr/TU of the previous term. */
static void scenario(void)
{
	D6 = rfx_doc("15-CTr/TU", "CTr", "tu", D(2020, 1, 10), DATE_NONE, NULL, NULL);
	D7 = rfx_doc("10-KH/HU", "KH", "hu", D(2020, 3, 1), DATE_NONE, "15-CTr/TU", NULL);
	D1 = rfx_doc("15-CTr/TU", "CTr", "tu", D(2025, 3, 1), D(2025, 6, 30), "09-NQ/TW", NULL);
	D2 = rfx_doc("42-KH/ThU", "KH", "thu", D(2025, 6, 1), DATE_NONE, "09-NQ/TW", "15-CTr/TU");
	D3 = rfx_doc("27-KH/HU", "KH", "hu", D(2025, 8, 1), DATE_NONE, "15-ctr/tu", NULL);
	D4 = rfx_doc("03-HD/BTCTU", "HD", "tu-btc", D(2025, 4, 1), DATE_NONE, "15-CTr/TU", NULL);
	D5 = rfx_doc("05-KH/ĐU", "KH", "thu-p1", D(2025, 7, 1), DATE_NONE, "42-KH/ThU", NULL);
	D8 = rfx_doc("12-KH/HU", "KH", "old", D(2025, 5, 1), DATE_NONE, "15-CTr/TU", NULL);
}

static void build(uint64_t doc, int depth, struct cascade *c)
{
	struct err e = {0};
	const struct hier *h = rfx_hier();
	struct txn *t = rfx_read();
	cr_assert_eq(cascade_build(t, h, doc, TODAY, depth, c, &e), 0, "%s", e.msg);
	store_read_end(t);
}

static void node_is(const struct cascade *c, size_t i, int depth, enum cascade_state st,
                    const char *unit, uint64_t doc)
{
	cr_assert_lt(i, c->n);
	const struct cascade_node *n = &c->nodes[i];
	cr_assert_eq(n->depth, depth, "node %zu depth %d", i, n->depth);
	cr_assert_eq(n->state, st, "node %zu state %s", i, cascade_state_key(n->state));
	cr_assert_eq(n->unit, rfx_unit(unit), "node %zu unit", i);
	cr_assert_eq(n->doc, doc, "node %zu doc %llu", i, (unsigned long long)n->doc);
}

Test(cascade, committees_issued_late_and_missing_as_a_tree)
{
	struct cascade c;
	scenario();
	build(D1, 0, &c);
	cr_assert_eq(c.n, 9);
	node_is(&c, 0, 0, CS_ROOT, "tu", D1);
	node_is(&c, 1, 1, CS_ON_TIME, "thu", D2);        /* 01/06 <= 30/06 */
	node_is(&c, 2, 2, CS_ISSUED, "thu-p1", D5);      /* D2 sets no date */
	node_is(&c, 3, 2, CS_MISSING, "thu-cb", 0);      /* a chi bộ cơ sở must plan */
	node_is(&c, 4, 1, CS_LATE, "hu", D3);            /* the number's case is ignored */
	cr_assert_eq(c.nodes[4].days, 32);               /* 01/08 against 30/06 */
	node_is(&c, 5, 2, CS_MISSING, "hu-x", 0);        /* hu-x-cb is inside a grassroots đảng ủy */
	node_is(&c, 6, 1, CS_OVERDUE, "duk", 0);
	cr_assert_eq(c.nodes[6].days, 511);              /* 23/11/2026 - 30/06/2025 */
	cr_assert_eq(c.nodes[6].due, D(2025, 6, 30));
	node_is(&c, 7, 1, CS_ON_TIME, "old", D8);        /* dissolved later, its plan stays */
	node_is(&c, 8, 1, CS_OTHER, "tu-btc", D4);       /* an agency's guidance */
	cr_assert_eq(c.nodes[2].parent, 1);
	cr_assert_eq(c.nodes[5].parent, 4);
	cr_assert_eq(c.required, 4);
	cr_assert_eq(c.issued, 3);
	cr_assert_eq(c.on_time, 2);
	cr_assert_eq(c.late, 1);
	cr_assert_eq(c.missing, 1);
	cr_assert_eq(c.overdue, 1);
	cascade_free(&c);
}

Test(cascade, numbers_restart_each_term_so_dates_decide)
{
	struct cascade c;
	scenario();
	build(D6, 0, &c);
	/* The 2020 program: only the 2020 plan of the Huyện ủy implements it. */
	cr_assert_eq(c.nodes[0].doc, D6);
	int found_d7 = 0;
	for (size_t i = 1; i < c.n; i++) {
		cr_assert_neq(c.nodes[i].doc, D2);
		cr_assert_neq(c.nodes[i].doc, D3);
		cr_assert_neq(c.nodes[i].doc, D4);
		if (c.nodes[i].doc == D7) {
			found_d7 = 1;
			cr_assert_eq(c.nodes[i].state, CS_ISSUED); /* no plan_due: no judgement */
		}
	}
	cr_assert(found_d7);
	/* thu and duk have not (no date was set: missing, not overdue) */
	cr_assert_eq(c.missing, 2);
	cr_assert_eq(c.overdue, 0);
	cascade_free(&c);
}

Test(cascade, dissolved_committee_without_a_plan_owes_nothing)
{
	struct cascade c;
	D1 = rfx_doc("15-CTr/TU", "CTr", "tu", D(2025, 3, 1), D(2025, 6, 30), NULL, NULL);
	build(D1, 0, &c);
	/* thu, hu, duk missing; old (historical) not listed */
	cr_assert_eq(c.n, 4);
	cr_assert_eq(c.missing, 3);
	cr_assert_eq(c.overdue, 3);
	for (size_t i = 1; i < c.n; i++)
		cr_assert_neq(c.nodes[i].unit, rfx_unit("old"));
	cascade_free(&c);
}

Test(cascade, missing_plan_is_not_overdue_until_the_day_after_due)
{
	struct cascade c;
	D1 = rfx_doc("15-CTr/TU", "CTr", "tu", D(2026, 3, 1), TODAY, NULL, NULL);
	build(D1, 1, &c);
	cr_assert_eq(c.overdue, 0);
	cr_assert_eq(c.missing, 3);
	cascade_free(&c);
	uint64_t d = rfx_doc("16-CTr/TU", "CTr", "tu", D(2026, 3, 1), TODAY - 1, NULL, NULL);
	build(d, 1, &c);
	cr_assert_eq(c.overdue, 3);
	cr_assert_eq(c.nodes[1].days, 1);
	cascade_free(&c);
}

Test(cascade, plan_on_the_due_day_is_on_time)
{
	struct cascade c;
	D1 = rfx_doc("15-CTr/TU", "CTr", "tu", D(2025, 3, 1), D(2025, 6, 30), NULL, NULL);
	rfx_doc("42-KH/ThU", "KH", "thu", D(2025, 6, 30), DATE_NONE, "15-CTr/TU", NULL);
	rfx_doc("27-KH/HU", "KH", "hu", D(2025, 7, 1), DATE_NONE, "15-CTr/TU", NULL);
	build(D1, 1, &c);
	cr_assert_eq(c.on_time, 1);
	cr_assert_eq(c.late, 1);
	cascade_free(&c);
}

Test(cascade, depth_limit_cuts_the_tree)
{
	struct cascade c;
	scenario();
	build(D1, 1, &c);
	for (size_t i = 0; i < c.n; i++)
		cr_assert_leq(c.nodes[i].depth, 1);
	cr_assert_eq(c.n, 6); /* the three nodes at depth 2 are gone */
	cr_assert(c.nodes[1].cut);
	cascade_free(&c);
}

Test(cascade, a_cycle_of_implements_stops)
{
	struct cascade c;
	uint64_t a = rfx_doc("01-KH/TU", "KH", "tu", D(2025, 1, 1), DATE_NONE, "02-KH/ThU", NULL);
	uint64_t b = rfx_doc("02-KH/ThU", "KH", "thu", DATE_NONE, DATE_NONE, "01-KH/TU", NULL);
	build(a, 0, &c);
	int seen_b = 0;
	for (size_t i = 0; i < c.n; i++)
		if (c.nodes[i].doc == b)
			seen_b = 1;
		else if (i > 0 && c.nodes[i].doc == a)
			cr_assert(c.nodes[i].cut, "the repeated root is cut");
	cr_assert(seen_b);
	cr_assert_lt(c.n, 40);
	cascade_free(&c);
}

Test(cascade, unknown_document_is_not_found)
{
	struct cascade c;
	struct err e = {0};
	const struct hier *h = rfx_hier();
	struct txn *t = rfx_read();
	cr_assert_eq(cascade_build(t, h, 999, TODAY, 0, &c, &e), ERR_NOTFOUND);
	store_read_end(t);
	cr_assert(strstr(e.msg, "999"), "%s", e.msg);
}

Test(cascade, which_units_must_plan)
{
	struct unit tinh = {.kind = UK_TINH_UY}, huyen = {.kind = UK_HUYEN_UY},
	            co_so = {.kind = UK_DANG_UY_CO_SO}, chi_bo = {.kind = UK_CHI_BO},
	            ban = {.kind = UK_BAN}, khoi = {.kind = UK_DANG_UY_KHOI};
	cr_assert(cascade_must_plan(&tinh, &huyen));
	cr_assert(cascade_must_plan(&tinh, &khoi));
	cr_assert(cascade_must_plan(&huyen, &co_so));
	cr_assert(cascade_must_plan(&huyen, &chi_bo));
	cr_assert_not(cascade_must_plan(&co_so, &chi_bo));
	cr_assert_not(cascade_must_plan(&tinh, &ban));
}

Test(cascade, dated_plan_on_time_wins_over_undated_and_later_ones)
{
	struct cascade c;
	D1 = rfx_doc("15-CTr/TU", "CTr", "tu", D(2025, 3, 1), D(2025, 6, 30), NULL, NULL);
	uint64_t undated = rfx_doc("104-KH/ThU", "KH", "thu", DATE_NONE, DATE_NONE, "15-CTr/TU", NULL);
	uint64_t report = rfx_doc("07-BC/ThU", "BC", "thu", D(2025, 4, 1), DATE_NONE, "15-CTr/TU", NULL);
	uint64_t later = rfx_doc("50-KH/ThU", "KH", "thu", D(2025, 9, 1), DATE_NONE, "15-CTr/TU", NULL);
	uint64_t plan = rfx_doc("42-KH/ThU", "KH", "thu", D(2025, 6, 1), DATE_NONE, "15-CTr/TU", NULL);
	build(D1, 1, &c);
	node_is(&c, 1, 1, CS_ON_TIME, "thu", plan);     /* dated, the earliest plan, by the due date */
	node_is(&c, 2, 1, CS_OTHER, "thu", report);     /* a report is not the plan */
	node_is(&c, 3, 1, CS_OTHER, "thu", later);
	node_is(&c, 4, 1, CS_OTHER, "thu", undated);    /* undated ones come last */
	cr_assert_eq(c.issued, 1);
	cr_assert_eq(c.on_time, 1);
	cr_assert_eq(c.undated, 0);
	cascade_free(&c);
}

Test(cascade, undated_plan_counts_as_issued_with_no_date_and_the_counts_add_up)
{
	struct cascade c;
	D1 = rfx_doc("15-CTr/TU", "CTr", "tu", D(2025, 3, 1), D(2025, 6, 30), NULL, NULL);
	uint64_t undated = rfx_doc("104-KH/ThU", "KH", "thu", DATE_NONE, DATE_NONE, "15-CTr/TU", NULL);
	rfx_doc("27-KH/HU", "KH", "hu", D(2025, 8, 1), DATE_NONE, "15-CTr/TU", NULL);
	build(D1, 1, &c);
	node_is(&c, 1, 1, CS_UNDATED, "thu", undated);
	cr_assert_str_eq(cascade_state_key(CS_UNDATED), "undated");
	cr_assert_eq(c.issued, 2);
	cr_assert_eq(c.undated, 1);
	cr_assert_eq(c.late, 1);
	cr_assert_eq(c.issued, c.on_time + c.late + c.undated);
	cr_assert_eq(c.required, c.issued + c.missing);
	cascade_free(&c);
}

static char *headline_of(uint64_t doc)
{
	struct cascade c;
	struct sbuf b = {0};
	build(doc, 1, &c);
	cascade_headline(&c, &b);
	cascade_free(&c);
	return sbuf_detach(&b);
}

Test(cascade, headline_parts_add_up_to_their_whole)
{
	D1 = rfx_doc("15-CTr/TU", "CTr", "tu", D(2025, 3, 1), D(2025, 6, 30), NULL, NULL);
	rfx_doc("104-KH/ThU", "KH", "thu", DATE_NONE, DATE_NONE, "15-CTr/TU", NULL);
	rfx_doc("27-KH/HU", "KH", "hu", D(2025, 8, 1), DATE_NONE, "15-CTr/TU", NULL);
	char *s = headline_of(D1);
	cr_assert_str_eq(s, "Cấp ủy trực thuộc phải ban hành: 3; đã ban hành 2 (đúng hạn 0, chậm 1, "
	                    "chưa rõ ngày 1); chưa ban hành 1 (quá hạn 1).");
	free(s);
	/* due later than today: the missing ones are not yet due */
	uint64_t d = rfx_doc("16-CTr/TU", "CTr", "tu", D(2026, 3, 1), D(2027, 3, 31), NULL, NULL);
	s = headline_of(d);
	cr_assert_str_eq(s, "Cấp ủy trực thuộc phải ban hành: 3; đã ban hành 0; chưa ban hành 3 "
	                    "(quá hạn 0, chưa đến hạn 3).");
	free(s);
	/* no date set: no judgement */
	d = rfx_doc("17-CTr/TU", "CTr", "tu", D(2026, 3, 1), DATE_NONE, NULL, NULL);
	rfx_doc("50-KH/ThU", "KH", "thu", D(2026, 4, 1), DATE_NONE, "17-CTr/TU", NULL);
	s = headline_of(d);
	cr_assert_str_eq(s, "Cấp ủy trực thuộc phải ban hành: 3; đã ban hành 1; chưa ban hành 2.");
	free(s);
}
