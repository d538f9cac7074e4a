/* test_cli_partner_doc.c — listings through the binary: `tasks --partner`
 * (with --subtree) gives exactly the tasks a unit is a partner on, and
 * every task row of tasks, overdue, due and lint names its document by id
 * and number, "(không số)" for a document without one. */
#include "cli-run.c.inc"

#include "util.h"

static json_t *run_json(const char *st, const char *a, const char *b, const char *c,
                        const char *d)
{
	return fx_run_json(NULL, st, a, "--format", "json", b, c, d, NULL);
}

/* 1 if task `id` has a partner whose code starts with `prefix`. */
static int partner_of(const char *st, json_int_t id, const char *prefix)
{
	char s[24];
	snprintf(s, sizeof s, "%lld", (long long)id);
	struct run r = fx_run(NULL, st, "show", s, "--format", "json", NULL);
	json_t *j = fx_json(&r), *p;
	size_t i;
	int found = 0;
	json_array_foreach(json_object_get(j, "partners"), i, p)
		found |= !strncmp(json_string_value(json_object_get(p, "code")), prefix,
		                  strlen(prefix));
	json_decref(j);
	fx_free(&r);
	return found;
}

Test(cli_partner_doc, tasks_partner_lists_exactly_the_units_partner_tasks)
{
	const char *st = fx_demo();
	json_t *all = run_json(st, "tasks", NULL, NULL, NULL);
	json_t *mine = run_json(st, "tasks", "--partner", "tu-vp", NULL);
	cr_assert_gt(json_array_size(mine), 0);
	/* every task of the store: listed if and only if tu-vp is a partner */
	size_t i, listed = 0;
	json_t *row;
	json_array_foreach(all, i, row) {
		json_int_t id = json_integer_value(json_object_get(row, "id"));
		int in = 0;
		for (size_t k = 0; k < json_array_size(mine); k++)
			in |= json_integer_value(json_object_get(json_array_get(mine, k), "id")) == id;
		if (in)
			listed++;
		if (in != partner_of(st, id, "tu-vp"))
			cr_assert_fail("task %lld: listed %d, partner %d", (long long)id, in, !in);
	}
	cr_assert_eq(listed, json_array_size(mine));
	/* the subtree of the Thành ủy: its units as partners, no others */
	json_t *sub = run_json(st, "tasks", "--partner", "ttu", "--subtree");
	json_t *own = run_json(st, "tasks", "--partner", "ttu", NULL);
	cr_assert_gt(json_array_size(sub), json_array_size(own));
	json_array_foreach(sub, i, row)
		cr_assert(partner_of(st, json_integer_value(json_object_get(row, "id")), "ttu"));
	json_decref(all);
	json_decref(mine);
	json_decref(sub);
	json_decref(own);
	struct run r = fx_run(NULL, st, "tasks", "--partner", "tu-vp", "--unit", "tu", NULL);
	cr_assert_eq(r.status, ERR_USAGE, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "tasks", "--partner", "khong-co", NULL);
	cr_assert_eq(r.status, ERR_NOTFOUND, "%s", r.err);
	fx_free(&r);
}

Test(cli_partner_doc, rows_carry_the_document_id_and_number)
{
	const char *st = fx_demo();
	json_t *j = run_json(st, "overdue", NULL, NULL, NULL);
	json_t *row = json_array_get(j, 0);
	json_int_t doc = json_integer_value(json_object_get(row, "doc_id"));
	cr_assert_gt(doc, 0);
	const char *number = json_string_value(json_object_get(row, "doc_number"));
	cr_assert(number && *number);
	char want[96];
	snprintf(want, sizeof want, "#%lld %s", (long long)doc, number);
	json_decref(j);
	struct run r = fx_run(NULL, st, "overdue", NULL);
	cr_assert(strstr(r.out, want), "no '%s' in %s", want, r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "due", "--format", "csv", NULL);
	cr_assert(strstr(r.out, ",doc_id\r\n"), "%s", r.out);
	fx_free(&r);
	/* a document without a number: "(không số)" with its id */
	r = fx_run(NULL, st, "add-doc", "--title", "Bản sao mất phần đầu", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	long id = strtol(r.out, NULL, 10);
	fx_free(&r);
	char ids[24];
	snprintf(ids, sizeof ids, "%ld", id);
	r = fx_run(NULL, st, "add-task", "--doc", ids, "--text", "Việc đã quá hạn", "--deadline",
	           "hoàn thành trước ngày 30/6/2026", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "tasks", "--doc", ids, NULL);
	snprintf(want, sizeof want, "#%ld (không số)", id);
	cr_assert(strstr(r.out, want), "no '%s' in %s", want, r.out);
	fx_free(&r);
	j = run_json(st, "tasks", "--doc", ids, NULL);
	row = json_array_get(j, 0);
	cr_assert(json_is_null(json_object_get(row, "doc_number")));
	cr_assert_eq(json_integer_value(json_object_get(row, "doc_id")), id);
	json_decref(j);
	/* lint: the task has no lead; its row names the document the same way */
	r = fx_run(NULL, st, "lint", ids, NULL);
	cr_assert(strstr(r.out, want), "no '%s' in lint: %s", want, r.out);
	fx_free(&r);
	j = run_json(st, "lint", ids, NULL, NULL);
	cr_assert_gt(json_array_size(j), 0);
	cr_assert_eq(json_integer_value(json_object_get(json_array_get(j, 0), "doc_id")), id);
	json_decref(j);
}
