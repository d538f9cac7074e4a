/* test_backup.c — backup, restore, export and import-json end to end:
 * a backup made while another process writes restores to a sound store;
 * restore never overwrites without --force, keeps the old store and
 * refuses while the store is open; export -> import-json -> export gives
 * the same text plus the import's own audit entry; bad input is refused
 * naming the record, and leaves no store behind. */
#include <dirent.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "cli-run.c.inc"

#include "admin-conf.h"
#include "file-fixture.h"
#include "store.h"
#include "util.h"

/* Entries in directory dir whose names start with prefix. */
static int count_named(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;
	cr_assert_not_null(d);
	while ((de = readdir(d)))
		n += !strncmp(de->d_name, prefix, strlen(prefix));
	closedir(d);
	return n;
}

Test(backup, export_then_import_json_then_export_is_the_same_text)
{
	const char *st = fx_demo();
	const char *task = ac_open_task(NULL, st, "tu-btc");
	const char *conf = ac_conf("claims", "tu-btc", "editor", "confirm_done = yes");
	/* a pending claim and an extension beside what the demo holds */
	fx_ok(fx_run(conf, st, "update", task, "--status", "hoan-thanh", NULL), "claim");
	const char *a = fx_path("a.json"), *b = fx_path("b.json"), *nst = fx_path("copy/store");
	fx_ok(fx_run(NULL, st, "export", "--format", "json", "--out", a, NULL), "export");
	struct run r = fx_run(NULL, nst, "import-json", a, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "145 nhiệm vụ"), "%s", r.out);
	fx_free(&r);
	fx_check_store(NULL, nst);
	fx_ok(fx_run(NULL, nst, "export", "--out", b, NULL), "export again");
	char *ta = tf_read(a, NULL), *tb = tf_read(b, NULL);
	size_t la = strlen(ta);
	cr_assert(la > 10000);
	/* A is P "\n]\n}\n"; B must be P ",\n{import-json entry}" "\n]\n}\n" */
	cr_assert_str_eq(ta + la - 6, "}\n]\n}\n");
	cr_assert_eq(strncmp(ta, tb, la - 5), 0, "the export differs before its end");
	const char *tail = tb + la - 5;
	cr_assert(!strncmp(tail, ",\n{", 3) && strstr(tail, "\"action\":\"import-json\""), "%s", tail);
	cr_assert_str_eq(tb + strlen(tb) - 5, "\n]\n}\n");
	cr_assert_eq(strchr(tail + 2, '\n'), tb + strlen(tb) - 5, "one entry added: %s", tail);
	json_error_t je;
	json_t *j = json_loads(tb, 0, &je);
	cr_assert_not_null(j, "%s", je.text);
	json_decref(j);
	free(ta);
	free(tb);
	/* the copy works like the original */
	r = fx_run(NULL, nst, "show", task, "--format", "json", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "\"status\": \"done\""), "%s", r.out);
	fx_free(&r);
}

/* A copy of the text with the value of the first "key": after `after`
 * replaced by `val`: the old value ends at the next ',' or '}', or, when it
 * is a JSON string (which may hold them), at its closing quote. */
static char *edit(const char *text, const char *after, const char *key, const char *val)
{
	char pat[64];
	snprintf(pat, sizeof pat, "\"%s\":", key);
	const char *p = strstr(text, after);
	cr_assert_not_null(p, "%s", after);
	p = strstr(p, pat);
	cr_assert_not_null(p, "%s", pat);
	p += strlen(pat);
	while (*p == ' ')
		p++;
	const char *q;
	if (*p == '"') {
		for (q = p + 1; *q && *q != '"'; q++)
			if (*q == '\\')
				q++;
		q++;
	} else {
		q = p + strcspn(p, ",}");
	}
	size_t head = (size_t)(p - text);
	char *s = malloc(strlen(text) + strlen(val) + 1);
	memcpy(s, text, head);
	strcpy(s + head, val);
	strcat(s, q);
	return s;
}

static void import_fails(const char *json, const char *name, const char *want)
{
	const char *file = fx_path(name), *target = fx_path("bad/store");
	tf_write(file, json, strlen(json));
	struct run r = fx_run(NULL, target, "import-json", file, NULL);
	cr_assert_eq(r.status, 3, "%s: %d %s", name, r.status, r.err);
	cr_assert(strstr(r.err, want), "%s: '%s' lacks '%s'", name, r.err, want);
	fx_free(&r);
	struct stat sb;
	cr_assert_neq(stat(target, &sb), 0, "%s: a failed import left a store", name);
	cr_assert_eq(count_named(fx_path("bad"), "store."), 0, "%s: a temporary store was left", name);
}

Test(backup, import_json_refuses_bad_input_naming_the_record)
{
	const char *st = fx_demo();
	const char *a = fx_path("a.json");
	fx_ok(fx_run(NULL, st, "export", "--out", a, NULL), "export");
	mkdir(fx_path("bad"), 0775);
	char *t = tf_read(a, NULL), *s;
	/* plain text: the line of its first word, and what it is */
	import_fails("\n\nnot json at all", "garbage.json",
	             "garbage.json:3: không phải bản xuất JSON: tệp này là văn bản thường");
	import_fails("{\"a\": 1}", "other.json", "không phải bản xuất JSON");
	import_fails("{\"tasks\": []}", "noformat.json", "thiếu \"format\"");
	/* jansson's reasons in Vietnamese, with the line */
	s = strndup(t, strlen(t) / 2);
	import_fails(s, "cut.json", "bản xuất JSON sai: tệp kết thúc giữa chừng");
	free(s);
	s = edit(t, "\"tasks\": [", "id", "1,\"id\":2");
	import_fails(s, "dupkey.json", "bản xuất JSON sai: một khóa có hai lần trong cùng đối tượng");
	free(s);
	s = edit(t, "\"tasks\": [", "id", "1,,");
	import_fails(s, "syntax.json", "bản xuất JSON sai: sai cú pháp JSON");
	free(s);
	s = edit(t, "", "version", "2");
	import_fails(s, "v2.json", "phiên bản 2 mới hơn");
	free(s);
	s = edit(t, "\"tasks\": [", "id", "1,\"color\":\"red\"");
	import_fails(s, "field.json", "tasks[0].color");
	free(s);
	s = edit(t, "\"tasks\": [", "status", "\"xong\"");
	import_fails(s, "status.json", "tasks[0].status");
	free(s);
	s = edit(t, "\"tasks\": [", "start", "\"2024-02-31\"");
	import_fails(s, "date.json", "tasks[0].start");
	free(s);
	s = edit(t, "\"tasks\": [", "progress", "101");
	import_fails(s, "progress.json", "tasks[0].progress");
	free(s);
	/* the first task twice */
	const char *p = strstr(t, "\"tasks\": [\n") + strlen("\"tasks\": [\n");
	const char *end = strchr(p, '\n');
	char *dup = malloc(strlen(t) + (size_t)(end - p) + 2);
	size_t head = (size_t)(p - t);
	memcpy(dup, t, head);
	memcpy(dup + head, p, (size_t)(end - p + 1));
	strcpy(dup + head + (size_t)(end - p + 1), p);
	import_fails(dup, "dup.json", "tasks: mã");
	free(dup);
	/* an update of a task that is not there */
	s = edit(t, "\"updates\": [", "task_id", "99999");
	import_fails(s, "orphan.json", "updates[0]");
	free(s);
	free(t);
	/* a target that holds a store */
	struct run r = fx_run(NULL, st, "import-json", a, NULL);
	cr_assert_eq(r.status, 8, "%d %s", r.status, r.err);
	cr_assert(strstr(r.err, "kho mới"), "%s", r.err);
	fx_free(&r);
}

/* Issue 14: import-json kept raw ESC, BEL and C1 controls and a lead that
 * does not exist.  Each is refused with the field named, and no store is
 * left behind. */
Test(backup, import_json_refuses_controls_and_dangling_references)
{
	const char *st = fx_demo();
	const char *a = fx_path("a.json");
	fx_ok(fx_run(NULL, st, "export", "--out", a, NULL), "export");
	mkdir(fx_path("bad"), 0775);
	char *t = tf_read(a, NULL), *s;
	static const struct {
		const char *array, *key, *val, *want;
	} cases[] = {
		/* control characters: C0 (as JSON escapes), DEL and C1 raw */
		{"\"tasks\": [", "text", "\"a\\u001b[2Jb\"", "tasks[0].text: ký tự điều khiển U+001B"},
		{"\"tasks\": [", "text", "\"chuông\\u0007\"", "tasks[0].text: ký tự điều khiển U+0007"},
		{"\"tasks\": [", "text", "\"a\x7f\"", "tasks[0].text: ký tự điều khiển U+007F"},
		{"\"units\": [", "name", "\"Ban\xc2\x9b" "2J\"", "units[0].name: ký tự điều khiển U+009B"},
		{"\"units\": [", "name", "\"Ban\\tTổ\"", "units[0].name: ký tự điều khiển U+0009"},
		{"\"units\": [", "code", "\"tu\\r\"", "units[0].code: ký tự điều khiển U+000D"},
		{"\"updates\": [", "login", "\"admin\\u001b[2J\"", "updates[0].login"},
		{"\"audit\": [", "login", "\"admin\\u001b[2J\"", "audit[0].login"},
		{"\"audit\": [", "after", "\"{\\\"note\\\": \\\"x\\\\u009b\\\"}\"",
		 "audit[0].after: ký tự điều khiển U+009B"},
		/* dangling references */
		{"\"tasks\": [", "lead", "999", "tasks[0].lead: đơn vị 999 không tồn tại"},
		{"\"tasks\": [", "doc_id", "777", "tasks[0].doc_id: văn bản 777 không tồn tại"},
		{"\"tasks\": [", "partners", "[1, 998]", "tasks[0].partners: đơn vị 998 không tồn tại"},
		{"\"docs\": [", "issuer", "996", "docs[0].issuer: đơn vị 996 không tồn tại"},
		{"\"units\": [", "parent", "995", "units[0].parent: đơn vị 995 không tồn tại"},
		{"\"updates\": [", "task_id", "99999", "updates[0].task_id: nhiệm vụ 99999 không tồn tại"},
		{"\"extensions\": [", "task_id", "99998", "extensions[0].task_id: nhiệm vụ 99998"},
		{"\"indicators\": [", "lead", "994", "indicators[0].lead: đơn vị 994 không tồn tại"},
		{"\"measures\": [", "indicator_id", "993", "measures[0].indicator_id: chỉ tiêu 993"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char name[32];
		snprintf(name, sizeof name, "case%zu.json", i);
		s = edit(t, cases[i].array, cases[i].key, cases[i].val);
		import_fails(s, name, cases[i].want);
		free(s);
	}
	/* a newline and a tab where text may run over lines are kept */
	s = edit(t, "\"tasks\": [", "text", "\"Dòng một\\n\\tdòng hai\"");
	const char *ok = fx_path("multiline.json"), *nst = fx_path("ok/store");
	tf_write(ok, s, strlen(s));
	free(s);
	mkdir(fx_path("ok"), 0775);
	fx_ok(fx_run(NULL, nst, "import-json", ok, NULL), "import-json multiline");
	fx_check_store(NULL, nst);
	free(t);
}

Test(backup, backups_restore_to_a_sound_store_while_another_process_writes)
{
	const char *st = fx_demo();
	char task[24];
	snprintf(task, sizeof task, "%s", ac_open_task(NULL, st, "tu-btc"));
	pid_t w = fork();
	cr_assert(w >= 0);
	if (w == 0) {
		for (int i = 0; i < 40; i++) {
			char note[32];
			snprintf(note, sizeof note, "ghi %d", i);
			struct run r = fx_run(NULL, st, "update", task, "--note", note, NULL);
			if (r.status)
				_exit(1);
			fx_free(&r);
		}
		_exit(0);
	}
	char name[32];
	for (int i = 0; i < 3; i++) {
		snprintf(name, sizeof name, "b%d.mdb", i);
		fx_ok(fx_run(NULL, st, "backup", fx_path(name), NULL), "backup while writing");
	}
	int status;
	waitpid(w, &status, 0);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the writer failed");
	for (int i = 0; i < 3; i++) {
		char dir[32];
		snprintf(name, sizeof name, "b%d.mdb", i);
		snprintf(dir, sizeof dir, "r%d/store", i);
		struct stat sb;
		cr_assert_eq(stat(fx_path(name), &sb), 0);
		mode_t mask = umask(0);
		umask(mask);
		cr_assert_eq(sb.st_mode & 0777, 0660 & ~mask, "backup mode %o", sb.st_mode & 0777);
		fx_ok(fx_run(NULL, fx_path(dir), "restore", fx_path(name), NULL), "restore");
		fx_check_store(NULL, fx_path(dir));
	}
	/* after the writer: the backup has all 40 updates */
	fx_ok(fx_run(NULL, st, "backup", fx_path("last.mdb"), NULL), "backup");
	fx_ok(fx_run(NULL, fx_path("last/store"), "restore", fx_path("last.mdb"), NULL), "restore");
	struct run r = fx_run(NULL, fx_path("last/store"), "show", task, "--format", "json", NULL);
	for (int i = 0; i < 40; i++) {
		char note[40];
		snprintf(note, sizeof note, "\"ghi %d\"", i);
		cr_assert(strstr(r.out, note), "update %d missing from the restored store", i);
	}
	fx_free(&r);
	r = fx_run(NULL, fx_path("last/store"), "log", "--limit", "1", "--format", "json", NULL);
	cr_assert(strstr(r.out, "\"action\": \"restore\""), "%s", r.out);
	fx_free(&r);
}

Test(backup, backup_never_overwrites_without_force_and_writes_into_a_directory)
{
	const char *st = fx_demo();
	const char *f = fx_path("b.mdb");
	fx_ok(fx_run(NULL, st, "backup", f, NULL), "backup");
	struct run r = fx_run(NULL, st, "backup", f, NULL);
	cr_assert_eq(r.status, 8, "%d %s", r.status, r.err);
	cr_assert(strstr(r.err, "--force"), "%s", r.err);
	fx_free(&r);
	fx_ok(fx_run(NULL, st, "backup", f, "--force", NULL), "backup --force");
	mkdir(fx_path("dir"), 0775);
	fx_ok(fx_run(NULL, st, "backup", fx_path("dir"), NULL), "backup into a directory");
	struct stat sb;
	cr_assert_eq(stat(fx_path("dir/data.mdb"), &sb), 0);
	cr_assert_eq(count_named(fx_tmpdir(), "b.mdb.tmp"), 0, "no temporary file left");
	r = fx_run(NULL, st, "backup", fx_path("no/such/dir/b.mdb"), NULL);
	cr_assert_eq(r.status, 10, "%d %s", r.status, r.err);
	fx_free(&r);
}

Test(backup, restore_keeps_the_old_store_and_needs_force)
{
	const char *st = fx_demo();
	const char *f = fx_path("b.mdb");
	fx_ok(fx_run(NULL, st, "backup", f, NULL), "backup");
	fx_ok(fx_run(NULL, st, "update", "12", "--note", "sau khi sao lưu", NULL), "update");
	struct run r = fx_run(NULL, st, "restore", f, NULL);
	cr_assert_eq(r.status, 8, "%d %s", r.status, r.err);
	cr_assert(strstr(r.err, "--force"), "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "show", "12", "--format", "json", NULL);
	cr_assert(strstr(r.out, "sau khi sao lưu"), "refused restore changed the store");
	fx_free(&r);
	r = fx_run(NULL, st, "restore", f, "--force", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, ".before-restore-"), "%s", r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "show", "12", "--format", "json", NULL);
	cr_assert_null(strstr(r.out, "sau khi sao lưu"), "the restored store is the backup's");
	fx_free(&r);
	cr_assert_eq(count_named(fx_tmpdir(), "store.before-restore-"), 1, "the old store is kept");
	fx_check_store(NULL, st);
}

Test(backup, restore_refuses_while_the_store_is_open)
{
	const char *st = fx_demo();
	const char *f = fx_path("b.mdb");
	fx_ok(fx_run(NULL, st, "backup", f, NULL), "backup");
	struct store *open_st;
	struct err e = {0};
	cr_assert_eq(store_open(st, 0, &open_st, &e), 0, "%s", e.msg);
	struct run r = fx_run(NULL, st, "restore", f, "--force", NULL);
	cr_assert_eq(r.status, 8, "%d %s", r.status, r.err);
	cr_assert(strstr(r.err, "đang được dùng"), "%s", r.err);
	fx_free(&r);
	store_close(open_st);
	fx_ok(fx_run(NULL, st, "restore", f, "--force", NULL), "restore once closed");
}

Test(backup, restore_refuses_what_is_not_a_sound_backup)
{
	const char *st = fx_demo();
	const char *junk = fx_path("junk.mdb");
	tf_write(junk, "this is not a store", 19);
	struct run r = fx_run(NULL, fx_path("x/store"), "restore", junk, NULL);
	cr_assert_eq(r.status, 3, "%d %s", r.status, r.err);
	cr_assert(strstr(r.err, "không phải bản sao lưu"), "%s", r.err);
	fx_free(&r);
	struct stat sb;
	cr_assert_neq(stat(fx_path("x/store"), &sb), 0);
	/* a backup cut short */
	const char *f = fx_path("b.mdb");
	fx_ok(fx_run(NULL, st, "backup", f, NULL), "backup");
	cr_assert_eq(stat(f, &sb), 0);
	cr_assert_eq(truncate(f, sb.st_size / 2), 0);
	r = fx_run(NULL, fx_path("y/store"), "restore", f, NULL);
	cr_assert_eq(r.status, 3, "%d %s", r.status, r.err);
	fx_free(&r);
	cr_assert_neq(stat(fx_path("y/store"), &sb), 0);
	r = fx_run(NULL, fx_path("z/store"), "restore", fx_path("none.mdb"), NULL);
	cr_assert_eq(r.status, 5, "%d %s", r.status, r.err);
	fx_free(&r);
}

Test(backup, restore_and_import_json_are_for_admins)
{
	const char *st = fx_demo();
	const char *ed = ac_conf("editor", "tu-btc", "editor", "");
	const char *f = fx_path("b.mdb"), *a = fx_path("a.json");
	fx_ok(fx_run(ed, st, "backup", f, NULL), "an editor backs up");
	fx_ok(fx_run(ed, st, "export", "--out", a, NULL), "an editor exports");
	struct run r = fx_run(ed, fx_path("n/store"), "restore", f, NULL);
	cr_assert_eq(r.status, 7, "%d %s", r.status, r.err);
	cr_assert(strstr(r.err, "admin-only"), "%s", r.err);
	fx_free(&r);
	r = fx_run(ed, fx_path("m/store"), "import-json", a, NULL);
	cr_assert_eq(r.status, 7, "%d %s", r.status, r.err);
	fx_free(&r);
}

/* A record whose text is not UTF-8 (written past the checks, as a damaged
 * or hand-edited store might hold it) stops the export with the record
 * and field named, and writes no file. */
struct spoil {
	const char *field; /* "text", "lead_text" or "after" */
};

static int spoil_fn(struct txn *t, void *ctx, struct err *e)
{
	const struct spoil *sp = ctx;
	struct task task = {0};
	int rc = store_task_get(t, 3, &task, e);
	if (!rc) {
		int text = !strcmp(sp->field, "text");
		free(task.text);
		free(task.lead_text);
		task.text = xstrdup(text ? "Tổ chức \xff\xfe thực hiện" : "Tổ chức thực hiện");
		task.lead_text = xstrdup(text ? "Ban Tổ chức" : "Ban \xc3( Tổ chức");
		rc = store_task_put(t, &task, e);
	}
	task_free(&task);
	return rc;
}

Test(backup, export_refuses_a_record_that_is_not_utf8)
{
	static const char *const fields[] = {"text", "lead_text"};
	const char *st = fx_demo();
	for (size_t i = 0; i < 2; i++) {
		struct store *s = NULL;
		struct err e = {0};
		cr_assert_eq(store_open(st, 0, &s, &e), 0, "%s", e.msg);
		struct spoil sp = {fields[i]};
		int rc = store_write(s, spoil_fn, &sp, &e);
		store_close(s);
		cr_assert_eq(rc, 0, "%s", e.msg);
		const char *out = fx_path(i ? "b.json" : "a.json");
		struct run r = fx_run(NULL, st, "export", "--out", out, NULL);
		cr_assert_neq(r.status, 0, "export of a task with %s not UTF-8 succeeds", fields[i]);
		char want[96];
		snprintf(want, sizeof want, "tasks #3: trường %s không phải văn bản UTF-8", fields[i]);
		cr_assert(strstr(r.err, want), "%s", r.err);
		cr_assert_neq(access(out, F_OK), 0, "a partial export was left");
		fx_free(&r);
	}
}
