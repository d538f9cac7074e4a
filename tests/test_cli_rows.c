/* test_cli_rows.c — the lookups of the listing rows: unit names and
 * document numbers found again through the cache, which stays within its
 * bound however many distinct units and documents a listing names. */
#include "store-fixture.h"

#include "cli-rows.h"

TestSuite(cli_rows, .init = fx_setup, .fini = fx_teardown);

Test(cli_rows, lookups_answer_the_same_within_a_small_bound)
{
	enum { N = 40, MAX = 8 };
	uint32_t units[N];
	uint64_t docs[N];
	char code[32], want[48];
	for (int i = 0; i < N; i++) {
		snprintf(code, sizeof code, "dv-%02d", i);
		units[i] = fx_unit(code, 0);
		snprintf(want, sizeof want, "%d-KH/TU", i + 1);
		docs[i] = fx_doc(i % 5 == 4 ? "" : want, 0);
	}
	struct txn *t = fx_read();
	struct doc_cache dc = {0};
	dc.max = MAX;
	/* Three passes over every unit and document, in two orders: each
	 * answer is the store's, and the cache never holds more than MAX of a
	 * kind (nor a table more than twice that). */
	for (int pass = 0; pass < 3; pass++) {
		for (int k = 0; k < N; k++) {
			int i = pass == 1 ? N - 1 - k : (k * 7) % N;
			const struct rows_unit_slot *u = rows_unit(t, &dc, units[i]);
			snprintf(code, sizeof code, "dv-%02d", i);
			cr_assert_not_null(u, "unit %s", code);
			cr_assert_str_eq(u->code, code);
			cr_assert_str_eq(u->name, code);
			snprintf(want, sizeof want, "%d-KH/TU", i + 1);
			cr_assert_str_eq(rows_doc_number(t, &dc, docs[i]), i % 5 == 4 ? "" : want);
			cr_assert_leq(dc.nunits, MAX);
			cr_assert_leq(dc.ndocs, MAX);
			cr_assert_leq(dc.capunits, 2 * MAX);
			cr_assert_leq(dc.capdocs, 2 * MAX);
		}
	}
	/* within the bound, a second lookup reads nothing new */
	doc_cache_free(&dc);
	for (int i = 0; i < MAX - 1; i++)
		rows_unit(t, &dc, units[i]);
	size_t n = dc.nunits;
	for (int i = 0; i < MAX - 1; i++)
		rows_unit(t, &dc, units[i]);
	cr_assert_eq(dc.nunits, n);
	cr_assert_eq(n, MAX - 1);
	/* absent: NULL and "", remembered like the others */
	cr_assert_null(rows_unit(t, &dc, 99999));
	cr_assert_null(rows_unit(t, &dc, 99999));
	cr_assert_str_eq(rows_doc_number(t, &dc, 99999), "");
	cr_assert_str_eq(rows_doc_number(t, &dc, 0), "");
	doc_cache_free(&dc);
	store_read_end(t);
}
