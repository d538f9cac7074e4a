/* test_import_samples.c — the two sample plans of ../shared/samples
 * against their hand-checked expected imports: at least 95 % of the tasks
 * found with the right lead, deadline and text; every miss and the score
 * are printed on stderr (a Criterion warning would fail the run). */
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "text.h"
#include "util.h"

#define SAMPLES "../shared/samples/"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = xmalloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static int str_eq_null(const json_t *a, const json_t *b)
{
	int an = !a || json_is_null(a), bn = !b || json_is_null(b);

	if (an || bn)
		return an && bn;
	if (json_is_string(a) && json_is_string(b))
		return txt_fold_eq(json_string_value(a), json_string_value(b));
	return json_equal((json_t *)a, (json_t *)b);
}

/* Does the deadline we produced (got) agree with an expected reading?
 * Every field the expected object names must match ("part" descriptions
 * excepted). */
static int dl_match(const json_t *want, const json_t *got)
{
	const char *key;
	json_t *v;

	json_object_foreach((json_t *)want, key, v) {
		json_t *g = json_object_get(got, key);

		if (!strcmp(key, "part"))
			continue;
		if (!strcmp(key, "parts")) {
			size_t i;
			json_t *p;

			if (!json_is_array(g) || json_array_size(g) != json_array_size(v))
				return 0;
			json_array_foreach(v, i, p)
				if (!dl_match(p, json_array_get(g, i)))
					return 0;
			continue;
		}
		if (!str_eq_null(v, g))
			return 0;
	}
	return 1;
}

static int dl_ok(const json_t *exp, const json_t *got)
{
	const json_t *alt = json_object_get(exp, "deadline_alt");
	size_t i;
	json_t *a;

	if (dl_match(json_object_get(exp, "deadline"), got))
		return 1;
	json_array_foreach((json_t *)alt, i, a)
		if (dl_match(a, got))
			return 1;
	return 0;
}

static const json_t *find_section(const json_t *tasks, const char *section)
{
	size_t i;
	json_t *t;

	json_array_foreach((json_t *)tasks, i, t)
		if (!strcmp(json_string_value(json_object_get(t, "section")), section))
			return t;
	return NULL;
}

/* The lead as expected: the same text, or, where the hand-checked lead is
 * null because no single unit leads, a group lead (lead_group) that the
 * importer keeps as text without a unit. */
static int lead_ok(const json_t *exp, const json_t *got)
{
	const json_t *want = json_object_get(exp, "lead");

	if (str_eq_null(want, json_object_get(got, "lead")))
		return 1;
	return json_is_null(want) && json_is_true(json_object_get(got, "lead_group")) &&
	       json_is_null(json_object_get(got, "lead_unit"));
}

static int starts_with(const char *text, const char *prefix)
{
	return text && prefix && !strncmp(text, prefix, strlen(prefix));
}

/* Import a sample and score it; prints the misses.  Returns the share of
 * expected tasks matched. */
static double score(const char *name, json_t **got_out, json_t **exp_out)
{
	char path[256];
	size_t len, i, matched = 0, n, extra = 0;
	char *text;
	struct imp_result *r = NULL;
	struct err e = {0};
	json_error_t je;
	json_t *exp, *got, *et, *gt;

	snprintf(path, sizeof path, SAMPLES "%s.txt", name);
	text = slurp(path, &len);
	if (!text)
		cr_skip_test("sample %s absent", path);
	cr_assert_eq(imp_parse(text, len, path, NULL, 0, &r, &e), 0, "%s", e.msg);
	snprintf(path, sizeof path, SAMPLES "%s.expected.json", name);
	exp = json_load_file(path, 0, &je);
	cr_assert_not_null(exp, "%s: %s", path, je.text);
	got = imp_to_json(r, NULL);
	n = json_array_size(json_object_get(exp, "tasks"));
	json_array_foreach(json_object_get(exp, "tasks"), i, et) {
		const char *sec = json_string_value(json_object_get(et, "section"));
		const char *why = NULL;

		gt = (json_t *)find_section(json_object_get(got, "tasks"), sec);
		if (!gt)
			why = "không tìm thấy";
		else if (!lead_ok(et, gt))
			why = "đơn vị chủ trì khác";
		else if (!dl_ok(et, json_object_get(gt, "deadline")))
			why = "thời hạn khác";
		else if (!starts_with(json_string_value(json_object_get(gt, "text")),
		                      json_string_value(json_object_get(et, "text_start"))))
			why = "nội dung khác";
		if (!why) {
			matched++;
			continue;
		}
		{
			char *ws = json_dumps(et, JSON_COMPACT);
			char *gs = gt ? json_dumps(gt, JSON_COMPACT) : NULL;

			fprintf(stderr, "miss %s %s: %s\n  expected %s\n  got      %s\n", name, sec,
			        why, ws, gs ? gs : "(none)");
			free(ws);
			free(gs);
		}
	}
	json_array_foreach(json_object_get(got, "tasks"), i, gt)
		if (!find_section(json_object_get(exp, "tasks"),
		                  json_string_value(json_object_get(gt, "section")))) {
			fprintf(stderr, "extra %s %s\n", name,
			        json_string_value(json_object_get(gt, "section")));
			extra++;
		}
	fprintf(stderr, "%s: %zu/%zu tasks matched, %zu extra\n", name, matched, n, extra);
	cr_expect_leq(extra * 20, n, "%s: %zu tasks found that are not expected", name, extra);
	imp_free(r);
	free(text);
	*got_out = got;
	*exp_out = exp;
	return n ? (double)matched / (double)n : 0;
}

static void check_doc(const json_t *exp, const json_t *got)
{
	const json_t *ed = json_object_get(exp, "doc"), *gd = json_object_get(got, "doc");

	cr_expect(str_eq_null(json_object_get(ed, "kind"), json_object_get(gd, "kind")));
	cr_expect(str_eq_null(json_object_get(ed, "number"), json_object_get(gd, "number")));
	cr_expect(str_eq_null(json_object_get(ed, "issuer"), json_object_get(gd, "issuer")),
	          "issuer %s", json_string_value(json_object_get(gd, "issuer")));
	cr_expect(json_equal(json_object_get(ed, "implements"), json_object_get(gd, "implements")));
	cr_expect(str_eq_null(json_object_get(ed, "signer"), json_object_get(gd, "signer")));
	cr_expect(str_eq_null(json_object_get(ed, "signer_role"),
	                      json_object_get(gd, "signer_role")));
}

static void check_indicators(const json_t *exp, const json_t *got)
{
	const json_t *ei = json_object_get(exp, "indicators"), *gi = json_object_get(got, "indicators");
	size_t i;
	json_t *x;

	cr_assert_eq(json_array_size(gi), json_array_size(ei), "%zu indicators, expected %zu",
	             json_array_size(gi), json_array_size(ei));
	json_array_foreach((json_t *)ei, i, x) {
		const json_t *g = json_array_get(gi, i);

		cr_expect(starts_with(json_string_value(json_object_get(g, "text")),
		                      json_string_value(json_object_get(x, "text_start"))),
		          "indicator %zu text", i);
		cr_expect(str_eq_null(json_object_get(x, "year"), json_object_get(g, "year")),
		          "indicator %zu year", i);
		cr_expect(str_eq_null(json_object_get(x, "min"), json_object_get(g, "min")),
		          "indicator %zu min", i);
		cr_expect(str_eq_null(json_object_get(x, "target"), json_object_get(g, "target")),
		          "indicator %zu target", i);
		cr_expect(str_eq_null(json_object_get(x, "unit"), json_object_get(g, "unit")),
		          "indicator %zu unit", i);
	}
}

Test(import_samples, tinh_uy_program_at_least_95_percent_of_tasks_right)
{
	json_t *got, *exp;
	double s = score("tinh-uy-chuong-trinh", &got, &exp);

	cr_expect_geq(s, 0.95, "score %.3f", s);
	check_doc(exp, got);
	check_indicators(exp, got);
	json_decref(got);
	json_decref(exp);
}

Test(import_samples, thanh_uy_plan_at_least_95_percent_of_tasks_right)
{
	json_t *got, *exp;
	double s = score("thanh-uy-ke-hoach", &got, &exp);

	cr_expect_geq(s, 0.95, "score %.3f", s);
	check_doc(exp, got);
	check_indicators(exp, got);
	json_decref(got);
	json_decref(exp);
}
