/* test_cli_edit_race.c — processes editing the same task at once through
 * the binary (edit-task against update, edit-task against edit-task):
 * every write that was acknowledged is in the store, in one order (each
 * audited change starts from what the one before left), nothing is lost,
 * and check-store finds the store exact; processes that make the same
 * change at once see one of them commit and the others told clearly that
 * nothing is left to change. */
#include "cli-run.c.inc"

#include <signal.h>

#include "util.h"

#define PLAN "tests/data/ui/thanh-uy-ke-hoach-nhap.txt"
#define ROUNDS 25

/* What a child does: ROUNDS commands of one kind on task 1. */
enum job { JOB_TEXT_A, JOB_TEXT_B, JOB_DEADLINE, JOB_UPDATE, JOB_SAME_TEXT };

static void run_job(const char *st, enum job job, int i, struct run *r)
{
	char arg[160], pct[8];
	switch (job) {
	case JOB_TEXT_A:
	case JOB_TEXT_B:
		snprintf(arg, sizeof arg, "Xây dựng thể lệ hội thi, bản %s số %d",
		         job == JOB_TEXT_A ? "A" : "B", i);
		*r = fx_run(NULL, st, "edit-task", "1", "--text", arg, NULL);
		break;
	case JOB_DEADLINE:
		snprintf(arg, sizeof arg, "trước ngày %d/12/2026", i + 1);
		*r = fx_run(NULL, st, "edit-task", "1", "--deadline", arg, NULL);
		break;
	case JOB_UPDATE:
		snprintf(arg, sizeof arg, "Ghi nhận số %d", i);
		snprintf(pct, sizeof pct, "%d", i + 1);
		*r = fx_run(NULL, st, "update", "1", "--note", arg, "--progress", pct, NULL);
		break;
	case JOB_SAME_TEXT:
		*r = fx_run(NULL, st, "edit-task", "1", "--text", "Cùng một nội dung mới", NULL);
		break;
	}
}

/* Start one child per job, all released at once; each runs `rounds`
 * commands and writes "JOB STATUS MESSAGE" per command to `log`. */
static void race(const char *st, const enum job *jobs, int n, int rounds, const char *log)
{
	int go[2];
	pid_t pid[16];
	cr_assert(n <= 16 && pipe(go) == 0);
	for (int k = 0; k < n; k++) {
		pid[k] = fork();
		cr_assert(pid[k] >= 0);
		if (pid[k] == 0) {
			char c;
			close(go[1]);
			if (read(go[0], &c, 1) < 0)
				_exit(2);
			FILE *f = fopen(log, "a");
			if (!f)
				_exit(2);
			for (int i = 0; i < rounds; i++) {
				struct run r;
				run_job(st, jobs[k], i, &r);
				char *nl = strchr(r.err, '\n');
				if (nl)
					*nl = '\0';
				fprintf(f, "%d %d %s\n", (int)jobs[k], r.status, r.err);
				fflush(f);
				fx_free(&r);
			}
			fclose(f);
			_exit(0); /* not exit: the test's temporary directory stays */
		}
	}
	close(go[0]);
	close(go[1]); /* every child reads EOF: they start together */
	for (int k = 0; k < n; k++) {
		int status;
		cr_assert_eq(waitpid(pid[k], &status, 0), pid[k]);
		cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child %d", k);
	}
}

static const char *jstr_of(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

/* Two edit-tasks of the text, one of the deadline and one update, at
 * once, ROUNDS times each: all commit; the task has every update and the
 * last text and deadline; the audit log holds every edit, each starting
 * from what the one before it left. */
Test(cli_edit_race, edits_and_updates_at_once_lose_nothing)
{
	const char *st = fx_store_with(PLAN);
	json_t *t0 = fx_show(st, "1");
	char *text = xstrdup(jstr_of(t0, "text")), *phrase = xstrdup(jstr_of(t0,
	                                                                      "deadline_phrase"));
	json_decref(t0);
	char log[600];
	snprintf(log, sizeof log, "%s/race.log", fx_tmpdir());
	static const enum job jobs[] = {JOB_TEXT_A, JOB_TEXT_B, JOB_DEADLINE, JOB_UPDATE};
	race(st, jobs, 4, ROUNDS, log);

	FILE *f = fopen(log, "r");
	cr_assert_not_null(f);
	char line[1024];
	int lines = 0;
	while (fgets(line, sizeof line, f)) {
		int job, status;
		cr_assert_eq(sscanf(line, "%d %d", &job, &status), 2, "%s", line);
		cr_assert_eq(status, 0, "job %d failed: %s", job, line);
		lines++;
	}
	fclose(f);
	cr_assert_eq(lines, 4 * ROUNDS);

	/* every update, in its order; the progress of the last */
	json_t *t = fx_show(st, "1");
	json_t *ups = json_object_get(t, "updates");
	cr_assert_eq(json_array_size(ups), ROUNDS, "updates lost");
	cr_assert_eq(json_integer_value(json_object_get(t, "progress")), ROUNDS);
	int seen[ROUNDS] = {0};
	size_t i;
	json_t *u;
	json_array_foreach(ups, i, u) {
		int k;
		if (sscanf(jstr_of(u, "note"), "Ghi nhận số %d", &k) == 1 && k >= 0 && k < ROUNDS)
			seen[k]++;
	}
	for (int k = 0; k < ROUNDS; k++)
		cr_assert_eq(seen[k], 1, "update %d seen %d times", k, seen[k]);

	/* the edits, oldest first: a chain from the imported text and deadline
	 * to what the task holds now */
	struct run r = fx_run(NULL, st, "log", "--action", "edit-task", "--format", "json", NULL);
	json_t *entries = fx_json(&r);
	fx_free(&r);
	int texts = 0, deadlines = 0;
	for (size_t k = json_array_size(entries); k-- > 0;) {
		json_t *e = json_array_get(entries, k);
		json_t *b = json_object_get(e, "before"), *a = json_object_get(e, "after");
		cr_assert_str_eq(jstr_of(e, "object"), "task:1");
		if (json_object_get(a, "text")) {
			cr_assert_str_eq(jstr_of(b, "text"), text, "an edit did not start from the last");
			free(text);
			text = xstrdup(jstr_of(a, "text"));
			texts++;
		}
		if (json_object_get(a, "deadline")) {
			cr_assert_str_eq(jstr_of(b, "deadline"), phrase);
			free(phrase);
			phrase = xstrdup(jstr_of(a, "deadline"));
			deadlines++;
		}
	}
	json_decref(entries);
	cr_assert_eq(texts, 2 * ROUNDS, "text edits lost");
	cr_assert_eq(deadlines, ROUNDS, "deadline edits lost");
	cr_assert_str_eq(jstr_of(t, "text"), text);
	cr_assert_str_eq(jstr_of(t, "deadline_phrase"), phrase);
	json_decref(t);
	free(text);
	free(phrase);
	fx_check_store(NULL, st);
}

/* Six edit-tasks making the same change at once: one commits, the others
 * are told that nothing is left to change, and the log has one edit. */
Test(cli_edit_race, the_same_edit_at_once_commits_once)
{
	const char *st = fx_store_with(PLAN);
	char log[600];
	snprintf(log, sizeof log, "%s/same.log", fx_tmpdir());
	static const enum job jobs[] = {JOB_SAME_TEXT, JOB_SAME_TEXT, JOB_SAME_TEXT,
	                                JOB_SAME_TEXT, JOB_SAME_TEXT, JOB_SAME_TEXT};
	race(st, jobs, 6, 1, log);
	FILE *f = fopen(log, "r");
	cr_assert_not_null(f);
	char line[1024];
	int ok = 0, told = 0;
	while (fgets(line, sizeof line, f)) {
		int job, status;
		cr_assert_eq(sscanf(line, "%d %d", &job, &status), 2, "%s", line);
		if (status == 0)
			ok++;
		else if (status == ERR_INPUT && strstr(line, "không có gì thay đổi ở nhiệm vụ #1"))
			told++;
		else
			cr_assert_fail("unexpected: %s", line);
	}
	fclose(f);
	cr_assert_eq(ok, 1);
	cr_assert_eq(told, 5);
	struct run r = fx_run(NULL, st, "log", "--action", "edit-task", "--format", "json", NULL);
	json_t *entries = fx_json(&r);
	fx_free(&r);
	cr_assert_eq(json_array_size(entries), 1);
	json_decref(entries);
	json_t *t = fx_show(st, "1");
	cr_assert_str_eq(jstr_of(t, "text"), "Cùng một nội dung mới");
	json_decref(t);
	fx_check_store(NULL, st);
}
