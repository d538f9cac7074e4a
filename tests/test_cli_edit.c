/* test_cli_edit.c — correcting documents and tasks through the binary:
 * edit-task, move-task, edit-doc, delete-doc / delete-task with a reason
 * and restore-doc / restore-task; each keeps the counters and indexes
 * exact (check-store), is audited, and bad input leaves the store as it
 * was. */
#include "cli-run.c.inc"

#include "admin-conf.h"
#include "util.h"

/* The output of a command on the store (exit status 0 asserted); caller frees. */
static char *out_of(const char *conf, const char *st, const char *a1, const char *a2,
                    const char *a3, const char *a4)
{
	struct run r = fx_run(conf, st, a1, a2, a3, a4, NULL);
	cr_assert_eq(r.status, 0, "%s %s: %s", a1, a2 ? a2 : "", r.err);
	free(r.err);
	return r.out;
}

static long number_of(const char *st, const char *a1, const char *a2, const char *a3)
{
	char *s = out_of(NULL, st, a1, a2, a3, NULL);
	long v = strtol(s, NULL, 10);
	free(s);
	return v;
}

static size_t json_len_of(const char *st, const char *a1, const char *a2, const char *a3)
{
	char *s = out_of(NULL, st, a1, "--format=json", a2, a3);
	json_t *j = json_loads(s, 0, NULL);
	cr_assert_not_null(j, "%s", s);
	size_t n = json_array_size(j);
	json_decref(j);
	free(s);
	return n;
}

/* The whole store as JSON text (export), to compare before and after. */
static char *snapshot(const char *st)
{
	char *s = out_of(NULL, st, "export", NULL, NULL, NULL);
	/* the audit trail grows with reads of nothing; the records must not */
	return s;
}

/* The first task of `st` overdue, as text. */
static const char *an_overdue_task(const char *st)
{
	static char id[24];
	char *s = out_of(NULL, st, "overdue", "--format", "json", NULL);
	json_t *j = json_loads(s, 0, NULL);
	cr_assert(json_array_size(j) > 0);
	snprintf(id, sizeof id, "%lld",
	         (long long)json_integer_value(json_object_get(json_array_get(j, 0), "id")));
	json_decref(j);
	free(s);
	return id;
}

Test(cli_edit, edit_task_changes_fields_recomputes_due_and_counters)
{
	const char *st = fx_demo();
	const char *id = an_overdue_task(st);
	long overdue = number_of(st, "overdue", "--count", NULL);
	struct run r = fx_run(NULL, st, "edit-task", id, "--text", "Nội dung đã sửa", "--section",
	                      "II.9", "--deadline", "hoàn thành trước ngày 30/6/2027", "--partners",
	                      "tu-btg, tu-ubkt", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "Đã sửa nhiệm vụ"), "%s", r.out);
	fx_free(&r);
	json_t *j = fx_show(st, id);
	cr_assert_str_eq(json_string_value(json_object_get(j, "text")), "Nội dung đã sửa");
	cr_assert_str_eq(json_string_value(json_object_get(j, "section")), "II.9");
	cr_assert_str_eq(json_string_value(json_object_get(j, "due")), "2027-06-29");
	json_decref(j);
	/* no longer overdue: the counter follows */
	cr_assert_eq(number_of(st, "overdue", "--count", NULL), overdue - 1);
	fx_check_store(NULL, st);
	/* audited, before and after */
	r = fx_run(NULL, st, "log", "--task", id, "--format", "json", NULL);
	j = fx_json(&r);
	json_t *a = json_array_get(j, json_array_size(j) - 1);
	cr_assert_str_eq(json_string_value(json_object_get(a, "action")), "edit-task");
	cr_assert_str_eq(json_string_value(json_object_get(json_object_get(a, "after"), "text")),
	                 "Nội dung đã sửa");
	cr_assert(json_is_string(json_object_get(json_object_get(a, "before"), "text")));
	cr_assert_str_eq(json_string_value(json_object_get(json_object_get(a, "after"), "due")),
	                 "2027-06-29");
	json_decref(j);
	fx_free(&r);
	/* the lead, named as the document names it */
	r = fx_run(NULL, st, "edit-task", id, "--lead", "tu-btc", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	j = fx_show(st, id);
	cr_assert_str_eq(json_string_value(json_object_get(json_object_get(j, "lead"), "code")),
	                 "tu-btc", "%s", json_dumps(j, 0));
	json_decref(j);
	fx_check_store(NULL, st);
}

Test(cli_edit, bad_edits_are_refused_and_change_nothing)
{
	const char *st = fx_demo();
	const char *id = an_overdue_task(st);
	char *before = snapshot(st);
	struct {
		int status;
		const char *args[6];
		const char *want;
	} cases[] = {
		{ERR_NOTFOUND, {"edit-task", "99999", "--text", "x"}, "không tìm thấy nhiệm vụ #99999"},
		{ERR_NOTFOUND, {"edit-task", id, "--lead", "khong-co-don-vi"}, "khong-co-don-vi"},
		{ERR_INPUT, {"edit-task", id, "--deadline", "khi nào rảnh"}, "không hiểu thời hạn"},
		{ERR_INPUT, {"edit-task", id, "--text", "   "}, "trống"},
		{ERR_USAGE, {"edit-task", id}, "không có gì để sửa"},
		{ERR_USAGE, {"edit-task", id, "--lead", "tu-btc", "--no-lead"}, "loại trừ"},
		{ERR_NOTFOUND, {"move-task", id, "--doc", "#999"}, "#999"},
		{ERR_USAGE, {"move-task", id}, "--doc"},
		{ERR_NOTFOUND, {"edit-doc", "#999", "--title", "x"}, "#999"},
		{ERR_NOTFOUND, {"edit-doc", "1", "--issuer", "khong-co"}, "khong-co"},
		{ERR_INPUT, {"edit-doc", "1", "--date", "31/02/2026"}, "31/02/2026"},
		{ERR_USAGE, {"delete-task", id}, "--reason"},
		{ERR_USAGE, {"delete-doc", "1", "--reason", ""}, "--reason"},
		{ERR_CONFLICT, {"delete-doc", "1", "--reason", "nhầm"}, "--force"},
		{ERR_NOTFOUND, {"restore-task", id}, "đã xóa"},
		{ERR_NOTFOUND, {"restore-doc", "1"}, "đã xóa"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char **a = cases[i].args;
		struct run r = fx_run(NULL, st, a[0], a[1], a[2], a[3], a[4], a[5], NULL);
		cr_assert_eq(r.status, cases[i].status, "%s %s: status %d, %s", a[0], a[1], r.status,
		             r.err);
		cr_assert(strstr(r.err, cases[i].want), "%s %s: %s", a[0], a[1], r.err);
		fx_free(&r);
	}
	char *after = snapshot(st);
	cr_assert_str_eq(before, after, "a refused correction changed the store");
	free(before);
	free(after);
}

Test(cli_edit, only_admins_correct)
{
	const char *st = fx_demo();
	const char *id = ac_open_task(NULL, st, "tu-btc");
	const char *ed = ac_conf("editor", "tu-btc", "editor", NULL);
	const char *cmds[][5] = {
		{"edit-task", id, "--text", "x", NULL},
		{"move-task", id, "--doc", "2", NULL},
		{"edit-doc", "1", "--title", "x", NULL},
		{"delete-task", id, "--reason", "x", NULL},
		{"delete-doc", "1", "--reason", "x", NULL},
		{"restore-task", id, NULL, NULL, NULL},
	};
	char *before = snapshot(st);
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		struct run r = fx_run(ed, st, cmds[i][0], cmds[i][1], cmds[i][2], cmds[i][3], NULL);
		cr_assert_eq(r.status, ERR_DENIED, "%s: %d %s", cmds[i][0], r.status, r.err);
		fx_free(&r);
	}
	char *after = snapshot(st);
	cr_assert_str_eq(before, after);
	free(before);
	free(after);
}

Test(cli_edit, move_task_and_edit_doc)
{
	const char *st = fx_demo();
	const char *id = ac_open_task(NULL, st, "tu-btc");
	size_t n1 = json_len_of(st, "tasks", "--doc", "1"), n2 = json_len_of(st, "tasks", "--doc", "2");
	struct run r = fx_run(NULL, st, "move-task", id, "--doc", "2", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "sang văn bản #2"), "%s", r.out);
	fx_free(&r);
	cr_assert_eq(json_len_of(st, "tasks", "--doc", "1"), n1 - 1);
	cr_assert_eq(json_len_of(st, "tasks", "--doc", "2"), n2 + 1);
	r = fx_run(NULL, st, "log", "--task", id, "--action", "move-task", "--format", "json", NULL);
	json_t *j = fx_json(&r);
	cr_assert_eq(json_array_size(j), 1, "%s", r.out);
	json_decref(j);
	fx_free(&r);
	/* a document given its number and date later */
	r = fx_run(NULL, st, "edit-doc", "4", "--number", "99-KH/HU", "--date", "01/02/2026",
	           "--implements", "15-CTr/TU, 09-NQ/TW", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "docs", "--format", "json", NULL);
	cr_assert(strstr(r.out, "99-KH/HU") && !strstr(r.out, "27-KH/HU"), "%s", r.out);
	cr_assert(strstr(r.out, "2026-02-01"), "%s", r.out);
	fx_free(&r);
	/* found by its new number, and not by the old */
	cr_assert_eq(json_len_of(st, "tasks", "--doc", "99-KH/HU"), json_len_of(st, "tasks", "--doc", "4"));
	r = fx_run(NULL, st, "tasks", "--doc", "27-KH/HU", NULL);
	cr_assert_eq(r.status, ERR_NOTFOUND, "%s", r.err);
	fx_free(&r);
	fx_check_store(NULL, st);
}

Test(cli_edit, delete_and_restore_keep_everything)
{
	const char *st = fx_demo();
	char *before = snapshot(st);
	long overdue = number_of(st, "overdue", "--count", NULL);
	size_t docs = json_len_of(st, "docs", NULL, NULL);
	size_t in2 = json_len_of(st, "tasks", "--doc", "2");
	/* a document with recorded work: only with --force */
	struct run r = fx_run(NULL, st, "delete-doc", "2", "--reason", "Nhập nhầm bản dự thảo",
	                      "--force", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "restore-doc 2"), "%s", r.out);
	fx_free(&r);
	cr_assert_eq(json_len_of(st, "docs", NULL, NULL), docs - 1);
	r = fx_run(NULL, st, "tasks", "--doc", "2", NULL);
	cr_assert_eq(r.status, ERR_NOTFOUND, "%s", r.err);
	fx_free(&r);
	long without = number_of(st, "overdue", "--count", NULL);
	cr_assert(without < overdue, "%ld overdue before, %ld after", overdue, without);
	fx_check_store(NULL, st);
	r = fx_run(NULL, st, "log", "--action", "delete-doc", "--format", "json", NULL);
	cr_assert(strstr(r.out, "Nhập nhầm bản dự thảo") && strstr(r.out, ac_login()), "%s", r.out);
	fx_free(&r);
	/* kept, with who and why */
	r = fx_run(NULL, st, "deleted", "--format", "json", NULL);
	json_t *del = fx_json(&r);
	cr_assert_eq(json_array_size(del), 1, "%s", r.out);
	json_t *d0 = json_array_get(del, 0);
	cr_assert_str_eq(json_string_value(json_object_get(d0, "kind")), "doc");
	cr_assert_eq(json_integer_value(json_object_get(d0, "id")), 2);
	cr_assert_eq(json_integer_value(json_object_get(d0, "tasks")), (json_int_t)in2);
	cr_assert_str_eq(json_string_value(json_object_get(d0, "reason")), "Nhập nhầm bản dự thảo");
	cr_assert_str_eq(json_string_value(json_object_get(d0, "login")), ac_login());
	json_decref(del);
	fx_free(&r);
	/* back, with every task, update and count */
	r = fx_run(NULL, st, "restore-doc", "2", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	cr_assert_eq(json_len_of(st, "tasks", "--doc", "2"), in2);
	cr_assert_eq(number_of(st, "overdue", "--count", NULL), overdue);
	cr_assert_eq(json_len_of(st, "deleted", NULL, NULL), 0);
	fx_check_store(NULL, st);
	/* a task alone */
	const char *id = an_overdue_task(st);
	r = fx_run(NULL, st, "delete-task", id, "--reason", "Trùng với nhiệm vụ khác", "--force",
	           NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	cr_assert_eq(number_of(st, "overdue", "--count", NULL), overdue - 1);
	r = fx_run(NULL, st, "show", id, NULL);
	cr_assert_eq(r.status, ERR_NOTFOUND, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "restore-task", id, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	cr_assert_eq(number_of(st, "overdue", "--count", NULL), overdue);
	fx_check_store(NULL, st);
	/* every record as it was: the export differs only by the audit trail */
	char *after = snapshot(st);
	char *a = strstr(before, "\"audit\""), *b = strstr(after, "\"audit\"");
	cr_assert(a && b);
	*a = *b = '\0';
	cr_assert_str_eq(before, after, "records differ after delete and restore");
	free(before);
	free(after);
}

Test(cli_edit, a_task_of_a_deleted_document_comes_back_with_it)
{
	const char *st = fx_demo();
	const char *id = ac_open_task(NULL, st, "tu-btc");
	char doc[24];
	json_t *j = fx_show(st, id);
	snprintf(doc, sizeof doc, "%lld", (long long)json_integer_value(json_object_get(j, "doc_id")));
	json_decref(j);
	struct run r = fx_run(NULL, st, "delete-task", id, "--reason", "thử", "--force", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "delete-doc", doc, "--reason", "thử", "--force", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "restore-task", id, NULL);
	cr_assert_eq(r.status, ERR_INPUT, "%s", r.err);
	cr_assert(strstr(r.err, "restore-doc"), "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "restore-doc", doc, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "restore-task", id, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	fx_check_store(NULL, st);
}

/* A plan without a number is implemented by id ("#1" in --implements), or
 * by the number it is given later; cascade sees the implementing plan. */
Test(cli_edit, a_plan_without_a_number_is_linked_by_id_or_a_number_given_later)
{
	const char *st = fx_store_with(NULL);
	struct run r = fx_run(NULL, st, "add-doc", "--title", "Chương trình (bản sao mất phần đầu)",
	                      "--issuer", "tu", "--plan-due", "30/06/2026", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "add-doc", "--title", "Kế hoạch thực hiện", "--number", "7-KH/ThU",
	           "--date", "01/03/2026", "--issuer", "ttu", "--implements", "52-CTr/TU", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	/* not linked: the upper plan has no number */
	r = fx_run(NULL, st, "cascade", "1", "--format", "json", NULL);
	cr_assert(strstr(r.out, "\"missing\"") && !strstr(r.out, "7-KH/ThU"), "%s", r.out);
	fx_free(&r);
	/* by id */
	r = fx_run(NULL, st, "edit-doc", "2", "--implements", "#1", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "cascade", "1", "--format", "json", NULL);
	json_t *j = fx_json(&r);
	json_t *ttu = json_array_get(json_object_get(j, "children"), 0);
	cr_assert_str_eq(json_string_value(json_object_get(ttu, "number")), "7-KH/ThU", "%s", r.out);
	cr_assert_str_eq(json_string_value(json_object_get(ttu, "state")), "on_time");
	json_decref(j);
	fx_free(&r);
	/* by the number given later */
	r = fx_run(NULL, st, "edit-doc", "2", "--implements", "52-CTr/TU", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "edit-doc", "1", "--number", "52-CTr/TU", "--date", "10/02/2026", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "cascade", "52-CTr/TU", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "7-KH/ThU"), "%s", r.out);
	fx_free(&r);
	/* a reference to nothing, or to itself */
	r = fx_run(NULL, st, "edit-doc", "2", "--implements", "#9", NULL);
	cr_assert_eq(r.status, ERR_NOTFOUND, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "edit-doc", "2", "--implements", "#2", NULL);
	cr_assert_eq(r.status, ERR_INPUT, "%s", r.err);
	fx_free(&r);
}

/* How many audit entries of `action` the log holds for task `id`. */
static size_t log_count(const char *st, const char *id, const char *action)
{
	json_t *j = fx_run_json(NULL, st, "log", "--task", id, "--format", "json", NULL), *a;
	size_t i, n = 0;
	json_array_foreach(j, i, a)
		n += !strcmp(json_string_value(json_object_get(a, "action")), action);
	json_decref(j);
	return n;
}

/* Two processes correct and update the same store at once: every write is
 * there afterwards, none saw an error, the counters stay exact. */
Test(cli_edit, two_processes_edit_at_once, .timeout = 120)
{
	const char *st = fx_demo();
	char x[24], y[24];
	snprintf(x, sizeof x, "%s", ac_open_task(NULL, st, "tu-btc"));
	snprintf(y, sizeof y, "%s", ac_open_task(NULL, st, "tu-btg"));
	enum { ROUNDS = 12 };
	size_t updates_before = log_count(st, x, "update");
	pid_t kids[2];
	for (int k = 0; k < 2; k++) {
		kids[k] = fork();
		cr_assert_neq(kids[k], -1);
		if (kids[k])
			continue;
		int bad = 0;
		for (int i = 0; i < ROUNDS; i++) {
			char text[64];
			struct run r;
			if (k == 0) {
				snprintf(text, sizeof text, "Nội dung sửa lần %d", i);
				r = fx_run(NULL, st, "edit-task", x, "--text", text, NULL);
				bad |= r.status != 0;
				fx_free(&r);
				r = fx_run(NULL, st, i % 2 ? "restore-task" : "delete-task", y,
				           i % 2 ? NULL : "--reason", "thử", "--force", NULL);
			} else {
				snprintf(text, sizeof text, "Ghi chú %d", i);
				r = fx_run(NULL, st, "update", x, "--note", text, NULL);
				bad |= r.status != 0;
				fx_free(&r);
				r = fx_run(NULL, st, "edit-task", x, "--deadline",
				           i % 2 ? "trước ngày 30/6/2027" : "trong quý IV/2027", NULL);
			}
			bad |= r.status != 0;
			fx_free(&r);
		}
		_exit(bad);
	}
	for (int k = 0; k < 2; k++) {
		int status;
		cr_assert_eq(waitpid(kids[k], &status, 0), kids[k]);
		cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "writer %d failed", k);
	}
	fx_check_store(NULL, st);
	struct run r = fx_run(NULL, st, "log", "--task", x, "--format", "json", NULL);
	json_t *j = fx_json(&r), *a;
	size_t i, edits = 0, updates = 0;
	json_array_foreach(j, i, a) {
		const char *act = json_string_value(json_object_get(a, "action"));
		edits += !strcmp(act, "edit-task");
		updates += !strcmp(act, "update");
	}
	cr_assert_eq(edits, 2 * ROUNDS, "%zu edits", edits);
	cr_assert_eq(updates, updates_before + ROUNDS, "%zu updates, %zu before", updates,
	             updates_before);
	json_decref(j);
	fx_free(&r);
	/* y was deleted and restored ROUNDS/2 times: it is back */
	r = fx_run(NULL, st, "show", y, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
}

/* [access] editors_edit = yes: an editor corrects the tasks of its unit,
 * and only those, and keeps them there. */
Test(cli_edit, editors_correct_their_own_tasks_when_the_configuration_allows)
{
	const char *st = fx_demo();
	char own[24], other[24];
	snprintf(own, sizeof own, "%s", ac_open_task(NULL, st, "tu-btc"));
	snprintf(other, sizeof other, "%s", ac_open_task(NULL, st, "tu-btg"));
	const char *ed = ac_conf("editor", "tu-btc", "editor", "editors_edit = yes");
	struct run r = fx_run(ed, st, "edit-task", own, "--text", "Sửa bởi Ban Tổ chức", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	json_t *j = fx_show(st, own);
	cr_assert_str_eq(json_string_value(json_object_get(j, "text")), "Sửa bởi Ban Tổ chức");
	json_decref(j);
	char *before = snapshot(st);
	const char *refused[][5] = {
		{"edit-task", other, "--text", "x", NULL},
		{"edit-task", own, "--lead", "tu-btg", NULL},
		{"move-task", own, "--doc", "2", NULL},
		{"edit-doc", "1", "--title", "x", NULL},
		{"delete-task", own, "--reason", "x", NULL},
	};
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		r = fx_run(ed, st, refused[i][0], refused[i][1], refused[i][2], refused[i][3], NULL);
		cr_assert_eq(r.status, ERR_DENIED, "%s %s: %d %s", refused[i][0], refused[i][2],
		             r.status, r.err);
		fx_free(&r);
	}
	char *after = snapshot(st);
	cr_assert_str_eq(before, after);
	free(before);
	free(after);
	/* a value that is not yes or no names the key */
	const char *bad = ac_conf("bad", "tu-btc", "editor", "editors_edit = maybe");
	r = fx_run(bad, st, "tasks", NULL);
	cr_assert_eq(r.status, ERR_CONFIG, "%s", r.err);
	cr_assert(strstr(r.err, "editors_edit"), "%s", r.err);
	fx_free(&r);
}

/* A task with recorded work is refused without --force in words that say
 * the task has results, not "task #30 has 1 task"; a document counts its
 * tasks with results. */
Test(cli_edit, deleting_recorded_work_is_said_plainly)
{
	const char *st = fx_demo();
	struct run r = fx_run(NULL, st, "delete-task", "30", "--reason", "thử", NULL);
	cr_assert_eq(r.status, ERR_CONFLICT, "%d %s", r.status, r.err);
	cr_assert(strstr(r.err, "nhiệm vụ #30 đã có kết quả được ghi nhận (cập nhật, hoàn thành "
	                        "hoặc xác nhận): xóa cả những kết quả đó cần --force"),
	          "%s", r.err);
	cr_assert_null(strstr(r.err, "có 1 nhiệm vụ"), "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "delete-doc", "2", "--reason", "thử", NULL);
	cr_assert_eq(r.status, ERR_CONFLICT, "%d %s", r.status, r.err);
	cr_assert(strstr(r.err, "văn bản #2 có ") && strstr(r.err, " nhiệm vụ đã có kết quả được ghi nhận"),
	          "%s", r.err);
	fx_free(&r);
}

/* show of a task that names no lead: its "Chủ trì:" value starts in the
 * column of the others */
Test(cli_edit, show_aligns_a_task_without_a_lead)
{
	const char *st = fx_store_with("../shared/samples/tinh-uy-chuong-trinh.txt");
	struct run r = fx_run(NULL, st, "tasks", "--format", "json", NULL);
	json_t *all = fx_json(&r), *x;
	size_t i;
	char id[24] = "";
	json_array_foreach(all, i, x)
		if (!strcmp(json_string_value(json_object_get(x, "section")), "III.1.2"))
			snprintf(id, sizeof id, "%lld", (long long)json_integer_value(json_object_get(x, "id")));
	json_decref(all);
	fx_free(&r);
	cr_assert(*id, "no task III.1.2");
	r = fx_run(NULL, st, "show", id, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "\nMục:             III.1.2\n"), "%s", r.out);
	cr_assert(strstr(r.out, "\nChủ trì:         (chưa xác định đơn vị)\n"), "%s", r.out);
	fx_free(&r);
}
