/* test_cli_reimport.c — import --replace through the binary: a corrected
 * version of a sample plan (one deadline, one lead changed, a task dropped,
 * one added) updates the stored document in place, ids and history kept;
 * --dry-run shows exactly that difference and writes nothing; a dropped
 * task with recorded work needs --force; another document given with --doc
 * needs --force; a document corrected since (edit-doc, link) is found and
 * keeps the corrections; obligations follow their group task. */
#include "cli-run.c.inc"

#include "util.h"

#define PLAN "../shared/samples/thanh-uy-ke-hoach.txt"

/* The corrections of the sample plan the tests make. */
#define DL_OLD "Quy định số 07-QĐ/TU*) (*hoàn thành trong năm 2024*)"
#define DL_NEW "Quy định số 07-QĐ/TU*) (*hoàn thành trong năm 2025*)"
#define LEAD_OLD "3. Ban Tuyên giáo Thành ủy chủ trì, phối hợp"
#define LEAD_NEW "3. Ban Dân vận Thành ủy chủ trì, phối hợp"
#define DROPPED "- Tham mưu tổng kết thực hiện Quy định về bầu cử trong Đảng theo chỉ đạo " \
                "của cấp trên (*hoàn thành trong năm 2024*).\n\n"
#define LAST_BTC "công tác tổ chức xây dựng Đảng (*nhiệm vụ thường xuyên*).\n\n"
#define ADDED "- Tham mưu tổng kết công tác xây dựng tổ chức cơ sở đảng trong doanh " \
              "nghiệp ngoài nhà nước (*hoàn thành trong quý IV năm 2025*).\n\n"

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "%s", path);
	struct sbuf b = {0};
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sbuf_add(&b, buf, n);
	fclose(f);
	return sbuf_detach(&b);
}

/* s with the first `from` replaced by `to` (s is freed). */
static char *subst(char *s, const char *from, const char *to)
{
	char *p = strstr(s, from);
	cr_assert_not_null(p, "no '%s'", from);
	struct sbuf b = {0};
	sbuf_add(&b, s, (size_t)(p - s));
	sbuf_puts(&b, to);
	sbuf_puts(&b, p + strlen(from));
	free(s);
	return sbuf_detach(&b);
}

static const char *write_tmp(const char *name, const char *text)
{
	static char path[4][600];
	static int k;
	char *p = path[k++ % 4];
	snprintf(p, 600, "%s/%s", fx_tmpdir(), name);
	FILE *f = fopen(p, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
	return p;
}

/* The sample plan with one deadline and one lead changed, a task dropped
 * and one added. */
static const char *corrected(void)
{
	char *s = read_all(PLAN);
	s = subst(s, DL_OLD, DL_NEW);
	s = subst(s, LEAD_OLD, LEAD_NEW);
	s = subst(s, DROPPED, "");
	s = subst(s, LAST_BTC, LAST_BTC ADDED);
	const char *p = write_tmp("corrected.txt", s);
	free(s);
	return p;
}

/* The id of the task of document 1 whose text starts with `start`. */
static long long task_with(const char *st, const char *start)
{
	struct run r = fx_run(NULL, st, "tasks", "--doc", "1", "--format", "json", NULL);
	json_t *j = fx_json(&r), *row;
	size_t i;
	long long id = 0;
	json_array_foreach(j, i, row)
		if (!id && !strncmp(json_string_value(json_object_get(row, "text")), start,
		                    strlen(start)))
			id = json_integer_value(json_object_get(row, "id"));
	json_decref(j);
	fx_free(&r);
	return id;
}

static json_t *show(const char *st, long long id)
{
	char a[24];
	snprintf(a, sizeof a, "%lld", id);
	return fx_show(st, a);
}

static const char *jget(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

static char *export_of(const char *st)
{
	struct run r = fx_run(NULL, st, "export", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	char *out = r.out;
	r.out = NULL;
	fx_free(&r);
	return out;
}

#define T_DL "Tham mưu sơ kết, tổng kết các quy định của Trung ương"
#define T_LEAD "Ban Tuyên giáo Thành ủy chủ trì, phối hợp"
#define T_DROP "Tham mưu tổng kết thực hiện Quy định về bầu cử"
#define T_AFTER "Tiếp tục tham mưu sáp xếp, hoàn thiện tổ chức bộ máy"
#define T_ADD "Tham mưu tổng kết công tác xây dựng tổ chức cơ sở đảng trong doanh"

Test(cli_reimport, a_corrected_version_keeps_ids_and_history)
{
	const char *st = fx_store_with(PLAN);
	long long dl = task_with(st, T_DL), lead = task_with(st, T_LEAD),
	          drop = task_with(st, T_DROP), after = task_with(st, T_AFTER);
	cr_assert(dl && lead && drop && after);
	char a[24];
	snprintf(a, sizeof a, "%lld", lead);
	struct run r = fx_run(NULL, st, "update", a, "--progress", "40", "--note", "Đã có dự thảo",
	                      NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	json_t *before = show(st, after);
	const char *path = corrected();
	r = fx_run(NULL, st, "import", "--replace", path, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "văn bản #1") && strstr(r.out, "sửa 9, xóa 1, thêm 1"), "%s", r.out);
	char gone[96];
	snprintf(gone, sizeof gone, "đã xóa 1 nhiệm vụ không còn trong văn bản: #%lld (mục IV.1#4)",
	         drop);
	cr_assert(strstr(r.out, gone), "%s", r.out);
	fx_free(&r);
	/* one document, as many tasks as the new text */
	r = fx_run(NULL, st, "docs", "--format", "json", NULL);
	json_t *docs = fx_json(&r);
	cr_assert_eq(json_array_size(docs), 1);
	json_decref(docs);
	fx_free(&r);
	r = fx_run(NULL, st, "tasks", "--doc", "1", "--format", "json", NULL);
	json_t *tasks = fx_json(&r);
	cr_assert_eq(json_array_size(tasks), 72 + 19, "72 tasks and the obligations of 5 groups");
	json_decref(tasks);
	fx_free(&r);
	/* the deadline: same id, the new phrase and due date */
	json_t *t = show(st, dl);
	cr_assert_str_eq(jget(t, "deadline_phrase"), "hoàn thành trong năm 2025");
	cr_assert_str_eq(jget(t, "due"), "2025-12-31");
	json_decref(t);
	/* the lead: same id, new lead, progress and history kept */
	t = show(st, lead);
	cr_assert_str_eq(jget(t, "lead_text"), "Ban Dân vận Thành ủy");
	cr_assert(strstr(jget(t, "text"), "Ban Dân vận Thành ủy chủ trì"), "%s", jget(t, "text"));
	cr_assert_eq(json_integer_value(json_object_get(t, "progress")), 40);
	cr_assert_eq(json_array_size(json_object_get(t, "updates")), 1);
	json_decref(t);
	/* the task after the dropped one: same id, renumbered, nothing else */
	t = show(st, after);
	cr_assert_str_eq(jget(t, "text"), jget(before, "text"));
	cr_assert_str_neq(jget(t, "section"), jget(before, "section"));
	json_decref(t);
	json_decref(before);
	/* the dropped task is in the trash, the added one is new */
	snprintf(a, sizeof a, "%lld", drop);
	r = fx_run(NULL, st, "show", a, NULL);
	cr_assert_neq(r.status, 0);
	fx_free(&r);
	r = fx_run(NULL, st, "deleted", NULL);
	cr_assert(strstr(r.out, "không còn trong văn bản"), "%s", r.out);
	fx_free(&r);
	long long added = task_with(st, T_ADD);
	cr_assert_gt(added, 72);
	/* each change audited, naming the fields */
	r = fx_run(NULL, st, "log", "--format", "json", NULL);
	json_t *log = fx_json(&r), *row;
	size_t i;
	int edits = 0, deletes = 0, lead_named = 0;
	char obj[40];
	snprintf(obj, sizeof obj, "task:%lld", lead);
	json_array_foreach(log, i, row) {
		const char *action = jget(row, "action");
		edits += !strcmp(action, "edit-task");
		deletes += !strcmp(action, "delete-task");
		if (!strcmp(action, "edit-task") && !strcmp(jget(row, "object"), obj))
			lead_named = json_object_get(json_object_get(row, "after"), "lead") &&
			             json_object_get(json_object_get(row, "after"), "text");
	}
	json_decref(log);
	fx_free(&r);
	cr_assert_eq(edits, 9);
	cr_assert_eq(deletes, 1);
	cr_assert(lead_named);
	fx_check_store(NULL, st);
}

Test(cli_reimport, dry_run_shows_the_difference_and_writes_nothing)
{
	const char *st = fx_store_with(PLAN);
	long long lead = task_with(st, T_LEAD), drop = task_with(st, T_DROP);
	char *was = export_of(st);
	struct run r = fx_run(NULL, st, "import", "--replace", "--dry-run", corrected(), NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "giữ nguyên 62, sửa 9, xóa 1, thêm 1 nhiệm vụ"), "%s", r.out);
	cr_assert(strstr(r.out, "thời hạn: “hoàn thành trong năm 2024” → “hoàn thành trong năm "
	                        "2025”"), "%s", r.out);
	cr_assert(strstr(r.out, "chủ trì: ttu-btg “Ban Tuyên giáo Thành ủy” → ttu-bdv “Ban Dân vận "
	                        "Thành ủy”"), "%s", r.out);
	char want[200];
	snprintf(want, sizeof want, "#%lld mục IV.1#4: %s", drop, T_DROP);
	cr_assert(strstr(r.out, want), "%s", r.out);
	cr_assert(strstr(r.out, "Thêm:\n  mục IV.1#11: " T_ADD), "%s", r.out);
	fx_free(&r);
	/* JSON: the same difference */
	r = fx_run(NULL, st, "import", "--replace", "--dry-run", "--format", "json", corrected(),
	           NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	json_t *j = fx_json(&r), *d = json_object_get(j, "replace");
	cr_assert_eq(json_integer_value(json_object_get(d, "doc")), 1);
	cr_assert_eq(json_array_size(json_object_get(d, "kept")), 62);
	cr_assert_eq(json_array_size(json_object_get(d, "changed")), 9);
	cr_assert_eq(json_array_size(json_object_get(d, "added")), 1);
	json_t *rm = json_object_get(d, "removed");
	cr_assert_eq(json_array_size(rm), 1);
	cr_assert_eq(json_integer_value(json_object_get(json_array_get(rm, 0), "id")), drop);
	json_t *row;
	size_t i;
	int seen = 0;
	json_array_foreach(json_object_get(d, "changed"), i, row)
		if (json_integer_value(json_object_get(row, "id")) == lead) {
			json_t *l = json_object_get(json_object_get(row, "changes"), "lead");
			cr_assert_str_eq(jget(json_array_get(l, 0), "unit"), "ttu-btg");
			cr_assert_str_eq(jget(json_array_get(l, 1), "unit"), "ttu-bdv");
			seen = 1;
		}
	cr_assert(seen);
	json_decref(j);
	fx_free(&r);
	char *now = export_of(st);
	cr_assert_str_eq(was, now, "a dry run changed the store");
	free(was);
	free(now);
}

Test(cli_reimport, dropping_recorded_work_needs_force)
{
	const char *st = fx_store_with(PLAN);
	long long drop = task_with(st, T_DROP);
	char a[24];
	snprintf(a, sizeof a, "%lld", drop);
	struct run r = fx_run(NULL, st, "update", a, "--note", "Đã rà soát", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	char *was = export_of(st);
	r = fx_run(NULL, st, "import", "--replace", "--dry-run", corrected(), NULL);
	cr_assert(strstr(r.out, "[đã ghi nhận kết quả]") && strstr(r.out, "cần --force"), "%s",
	          r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "import", "--replace", corrected(), NULL);
	cr_assert_eq(r.status, ERR_CONFLICT, "%s", r.err);
	char want[64];
	snprintf(want, sizeof want, "#%lld (mục IV.1#4)", drop);
	cr_assert(strstr(r.err, want) && strstr(r.err, "--force"), "%s", r.err);
	fx_free(&r);
	char *now = export_of(st);
	cr_assert_str_eq(was, now, "a refused import changed the store");
	free(now);
	free(was);
	r = fx_run(NULL, st, "import", "--replace", "--force", corrected(), NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	/* back from the trash with its history */
	r = fx_run(NULL, st, "restore-task", a, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "show", a, NULL);
	cr_assert(strstr(r.out, "Đã rà soát"), "%s", r.out);
	fx_free(&r);
}

Test(cli_reimport, another_document_over_one_needs_force)
{
	const char *st = fx_store_with(PLAN);
	char *s = read_all("../shared/samples/tinh-uy-chuong-trinh.txt");
	const char *other = write_tmp("other.txt", s);
	free(s);
	char *was = export_of(st);
	struct run r = fx_run(NULL, st, "import", "--replace", "--doc", "1", other, NULL);
	cr_assert_eq(r.status, ERR_CONFLICT, "%s", r.err);
	cr_assert(strstr(r.err, "khác văn bản #1") && strstr(r.err, "--force"), "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "import", "--replace", "--doc", "9", PLAN, NULL);
	cr_assert_eq(r.status, ERR_NOTFOUND, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "import", "--doc", "1", PLAN, NULL);
	cr_assert_eq(r.status, ERR_USAGE, "%s", r.err);
	fx_free(&r);
	char *now = export_of(st);
	cr_assert_str_eq(was, now, "a refused import changed the store");
	free(now);
	free(was);
	/* forced: the document takes the other's number and tasks */
	r = fx_run(NULL, st, "import", "--replace", "--doc", "1", "--force", other, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "docs", "--format", "json", NULL);
	json_t *j = fx_json(&r);
	cr_assert_eq(json_array_size(j), 1);
	json_decref(j);
	fx_free(&r);
}

/* A document given its number and date since (edit-doc) is still the one
 * the file without them repeats: replaced in place, the corrections kept.
 * So are a lead set and a text corrected since (edit-task) while the file
 * reads as before; where the file changes them, the file wins. */
Test(cli_reimport, corrections_made_since_are_kept)
{
	const char *st = fx_store_with(PLAN);
	struct run r = fx_run(NULL, st, "edit-doc", "1", "--number", "15-KH/TU", "--date",
	                      "20/04/2023", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	long long court = task_with(st, "Lãnh đạo tiếp tục đổi mới tổ chức, nâng cao chất lượng "
	                                "hoạt động của"), lead = task_with(st, T_LEAD);
	char a[24], b[24];
	snprintf(a, sizeof a, "%lld", court);
	snprintf(b, sizeof b, "%lld", lead);
	json_t *t = show(st, court);
	cr_assert(!json_is_integer(json_object_get(t, "lead")) ||
	          !json_integer_value(json_object_get(t, "lead")), "the sample resolves it now");
	json_decref(t);
	r = fx_run(NULL, st, "edit-task", a, "--lead", "ttu-vp", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "edit-task", b, "--text", "Tổ chức học tập, quán triệt Nghị quyết số "
	           "28-NQ/TW (bản đã sửa).", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	/* the same text again: nothing to change */
	r = fx_run(NULL, st, "import", "--replace", "--dry-run", PLAN, NULL);
	cr_assert(strstr(r.out, "Thay văn bản #1 (15-KH/TU ngày 20/04/2023): giữ nguyên 72, sửa 0"),
	          "%s", r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "import", "--replace", PLAN, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "docs", "--format", "json", NULL);
	json_t *j = fx_json(&r);
	cr_assert_eq(json_array_size(j), 1);
	cr_assert_str_eq(jget(json_array_get(j, 0), "number"), "15-KH/TU");
	json_decref(j);
	fx_free(&r);
	t = show(st, court);
	cr_assert_str_eq(jget(t, "lead_text"), "ttu-vp");
	json_decref(t);
	t = show(st, lead);
	cr_assert(strstr(jget(t, "text"), "bản đã sửa"), "%s", jget(t, "text"));
	json_decref(t);
	/* the corrected version changes that task's text: the file wins */
	r = fx_run(NULL, st, "import", "--replace", "--force", corrected(), NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	t = show(st, lead);
	cr_assert(strstr(jget(t, "text"), "Ban Dân vận Thành ủy chủ trì"), "%s", jget(t, "text"));
	json_decref(t);
	t = show(st, court);
	cr_assert_str_eq(jget(t, "lead_text"), "ttu-vp");
	json_decref(t);
}

/* The obligations of a group task follow it: renumbered with it when a task
 * before it leaves, and gone with it. */
Test(cli_reimport, obligations_follow_their_group_task)
{
	const char *st = fx_store_with(PLAN);
	long long g = task_with(st, "Văn phòng, các ban xây dựng Đảng của Thành ủy");
	char a[24];
	snprintf(a, sizeof a, "%lld", g);
	struct run r = fx_run(NULL, st, "expand-task", a, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	json_t *t = show(st, g);
	cr_assert_str_eq(jget(t, "section"), "V.2");
	json_decref(t);
	/* V.1 leaves: the group task becomes V.1 and its obligations V.1@... */
	char *s = read_all(PLAN);
	char *p = strstr(s, "1. Ban Thường vụ Thành ủy, Thường trực Thành ủy tăng cường");
	cr_assert_not_null(p);
	char *end = strstr(p, "\n\n");
	memmove(p, end + 2, strlen(end + 2) + 1);
	s = subst(s, "2. Văn phòng, các ban xây dựng Đảng", "1. Văn phòng, các ban xây dựng Đảng");
	s = subst(s, "3. Ban Tuyên giáo Thành ủy chủ trì", "2. Ban Tuyên giáo Thành ủy chủ trì");
	s = subst(s, "4. Ban Tổ chức Thành ủy chủ trì", "3. Ban Tổ chức Thành ủy chủ trì");
	const char *path = write_tmp("v1-gone.txt", s);
	free(s);
	r = fx_run(NULL, st, "import", "--replace", path, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	t = show(st, g);
	cr_assert_str_eq(jget(t, "section"), "V.1");
	json_decref(t);
	r = fx_run(NULL, st, "tasks", "--doc", "1", "--format", "json", NULL);
	json_t *j = fx_json(&r), *row;
	size_t i;
	int moved = 0, stale = 0;
	json_array_foreach(j, i, row) {
		moved += !strncmp(jget(row, "section"), "V.1@", 4);
		stale += !strncmp(jget(row, "section"), "V.2@", 4);
	}
	json_decref(j);
	fx_free(&r);
	cr_assert_gt(moved, 0);
	cr_assert_eq(stale, 0);
	r = fx_run(NULL, st, "show", a, NULL);
	cr_assert(strstr(r.out, "đơn vị đã thực hiện"), "%s", r.out);
	fx_free(&r);
	/* the group task leaves the text: its obligations leave with it */
	s = read_all(path);
	p = strstr(s, "1. Văn phòng, các ban xây dựng Đảng");
	end = strstr(p, "\n\n");
	memmove(p, end + 2, strlen(end + 2) + 1);
	path = write_tmp("group-gone.txt", s);
	free(s);
	r = fx_run(NULL, st, "import", "--replace", path, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "tasks", "--doc", "1", "--format", "json", NULL);
	cr_assert(!strstr(r.out, "V.1@"), "obligations left behind");
	fx_free(&r);
	fx_check_store(NULL, st);
}

/* A group task new in the corrected version is opened to its units with
 * the re-import, in the same transaction. */
Test(cli_reimport, a_new_group_task_is_opened)
{
	const char *st = fx_store_with(PLAN);
	char *s = read_all(PLAN);
	s = subst(s, "chuyển đổi số trong các cơ quan, đơn vị, địa phương.\n\n",
	          "chuyển đổi số trong các cơ quan, đơn vị, địa phương.\n\n"
	          "- Báo cáo kết quả thực hiện Kế hoạch này về Ban Thường vụ Thành ủy (*trước ngày "
	          "30/11 hằng năm*).\n\n");
	const char *path = write_tmp("more.txt", s);
	free(s);
	struct run r = fx_run(NULL, st, "import", "--replace", path, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "thêm 1 nhiệm vụ") &&
	          strstr(r.out, "1 nhiệm vụ chung của nhiều cơ quan đã tách thành 4 nghĩa vụ"),
	          "%s", r.out);
	fx_free(&r);
	long long g = task_with(st, "Báo cáo kết quả thực hiện Kế hoạch này về Ban Thường vụ");
	json_t *t = show(st, g);
	char prefix[64];
	snprintf(prefix, sizeof prefix, "%s@", jget(t, "section"));
	json_decref(t);
	r = fx_run(NULL, st, "tasks", "--doc", "1", "--format", "json", NULL);
	json_t *j = fx_json(&r), *row;
	size_t i;
	int n = 0;
	json_array_foreach(j, i, row)
		n += !strncmp(jget(row, "section"), prefix, strlen(prefix));
	json_decref(j);
	fx_free(&r);
	cr_assert_eq(n, 4, "%s", prefix);
}

/* ---- a group task whose lead changes ------------------------------------ */

#define V2_LEAD "2. Văn phòng, các ban xây dựng Đảng của Thành ủy, Trung tâm chính trị thành " \
                "phố, HĐND, UBND thành phố, MTTQVN và các tổ chức chính trị - xã hội thành " \
                "phố; các cấp ủy, tổ chức cơ sở đảng trực thuộc Thành ủy xây dựng"
#define V2_TEXT "Văn phòng, các ban xây dựng Đảng của Thành ủy"

/* The sample plan with the lead of V.2 (a group of the Thành ủy's boards)
 * written as `lead`. */
static const char *v2_led_by(const char *name, const char *lead)
{
	char *s = read_all(PLAN);
	char l[400];
	snprintf(l, sizeof l, "2. %s xây dựng", lead);
	s = subst(s, V2_LEAD, l);
	const char *p = write_tmp(name, s);
	free(s);
	return p;
}

/* The ids of the obligations of V.2 by unit code ("ttu-btc=89 ..."), in
 * section order, into buf. */
static const char *v2_obligations(const char *st, char *buf, size_t len)
{
	struct run r = fx_run(NULL, st, "tasks", "--doc", "1", "--format", "json", NULL);
	json_t *j = fx_json(&r), *row;
	size_t i, n = 0;
	buf[0] = '\0';
	json_array_foreach(j, i, row)
		if (!strncmp(jget(row, "section"), "V.2@", 4))
			n += (size_t)snprintf(buf + n, len - n, "%s%s=%lld", n ? " " : "",
			                      jget(row, "section") + 4,
			                      (long long)json_integer_value(json_object_get(row, "id")));
	json_decref(j);
	fx_free(&r);
	return buf;
}

static long long id_of(const char *list, const char *code)
{
	char key[48];
	snprintf(key, sizeof key, "%s=", code);
	const char *p = strstr(list, key);
	return p ? atoll(p + strlen(key)) : 0;
}

/* V.2's lead becomes one board: the obligations of the three boards leave
 * (the one with recorded work only with --force), the task is the
 * board's; the dry run shows it first. */
Test(cli_reimport, a_group_lead_become_single_drops_obligations)
{
	const char *st = fx_store_with(PLAN);
	char obl[256];
	v2_obligations(st, obl, sizeof obl);
	cr_assert_str_eq(obl, "ttu-btc=89 ttu-btg=90 ttu-bdv=91", "the sample's V.2 obligations");
	long long g = task_with(st, V2_TEXT);
	struct run r = fx_run(NULL, st, "update", "90", "--note", "Ban Tuyên giáo đã dự thảo", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	const char *path = v2_led_by("single.txt", "Ban Tổ chức Thành ủy");
	r = fx_run(NULL, st, "import", "--replace", "--dry-run", path, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "giữ nguyên 71, sửa 1, xóa 0, thêm 0 nhiệm vụ.\nNghĩa vụ của từng "
	                        "đơn vị thuộc nhóm chủ trì: xóa 3 của đơn vị không còn được giao, "
	                        "thêm 0.\n"), "%s", r.out);
	cr_assert(strstr(r.out, "→ ttu-btc “Ban Tổ chức Thành ủy”"), "%s", r.out);
	cr_assert(strstr(r.out, "  #89 mục V.2@ttu-btc (nghĩa vụ của đơn vị không còn thuộc nhóm "
	                        "chủ trì): "), "%s", r.out);
	char *p = strstr(r.out, "  #90 mục V.2@ttu-btg (nghĩa vụ của đơn vị không còn thuộc nhóm");
	cr_assert(p && strstr(p, "[đã ghi nhận kết quả]") < strstr(p, "\n") &&
	          strstr(r.out, "1 nhiệm vụ bị xóa đã ghi nhận kết quả"), "%s", r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "import", "--replace", "--dry-run", "--format", "json", path, NULL);
	json_t *j = fx_json(&r), *row;
	size_t i;
	int removed = 0, worked = 0;
	json_array_foreach(json_object_get(json_object_get(j, "replace"), "obligations"), i, row)
		if (!strncmp(jget(row, "section"), "V.2@", 4)) {
			removed += !strcmp(jget(row, "fate"), "removed");
			worked += json_is_true(json_object_get(row, "worked"));
		}
	json_decref(j);
	fx_free(&r);
	cr_assert_eq(removed, 3);
	cr_assert_eq(worked, 1);
	/* refused without --force, naming the obligation; nothing written */
	char *was = export_of(st);
	r = fx_run(NULL, st, "import", "--replace", path, NULL);
	cr_assert_eq(r.status, ERR_CONFLICT, "%s", r.err);
	cr_assert(strstr(r.err, "#90 (mục V.2@ttu-btg)") && strstr(r.err, "--force"), "%s", r.err);
	fx_free(&r);
	char *now = export_of(st);
	cr_assert_str_eq(was, now, "a refused import changed the store");
	free(was);
	free(now);
	r = fx_run(NULL, st, "import", "--replace", "--force", path, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	cr_assert_str_eq(v2_obligations(st, obl, sizeof obl), "");
	json_t *t = show(st, g);
	cr_assert_str_eq(jget(json_object_get(t, "lead"), "code"), "ttu-btc");
	cr_assert_str_eq(jget(t, "section"), "V.2");
	json_decref(t);
	/* in the trash, with why; back with its work */
	r = fx_run(NULL, st, "deleted", "--format", "json", NULL);
	cr_assert(strstr(r.out, "đơn vị không còn trong nhóm chủ trì của văn bản nhập lại"), "%s",
	          r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "restore-task", "90", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "show", "90", NULL);
	cr_assert(strstr(r.out, "Ban Tuyên giáo đã dự thảo"), "%s", r.out);
	fx_free(&r);
	fx_check_store(NULL, st);
}

/* V.2's lead becomes the committees under the Thành ủy: the boards'
 * obligations leave, the committees' are opened in the same transaction
 * (audited as expand-task), as the dry run said. */
Test(cli_reimport, a_group_lead_become_another_group_swaps_obligations)
{
	const char *st = fx_store_with(PLAN);
	long long g = task_with(st, V2_TEXT);
	const char *path = v2_led_by("other.txt", "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực "
	                             "thuộc Thành ủy");
	struct run r = fx_run(NULL, st, "import", "--replace", "--dry-run", path, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "xóa 3 của đơn vị không còn được giao, thêm 4.\n"), "%s", r.out);
	cr_assert(strstr(r.out, "Thêm:\n  mục V.2@ttu-anphu: nghĩa vụ của Đảng ủy phường An Phú\n"
	                        "  mục V.2@ttu-donghoa: nghĩa vụ của Đảng ủy phường Đông Hòa\n"
	                        "  mục V.2@ttu-tanlap: nghĩa vụ của Đảng ủy xã Tân Lập\n"
	                        "  mục V.2@ttu-cbbv: nghĩa vụ của Chi bộ Bệnh viện Đa khoa thành "
	                        "phố\n"), "%s", r.out);
	cr_assert(!strstr(r.out, "cần --force"), "%s", r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "import", "--replace", path, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "1 nhiệm vụ chung của nhiều cơ quan đã tách thành 4 nghĩa vụ"),
	          "%s", r.out);
	fx_free(&r);
	char obl[256];
	v2_obligations(st, obl, sizeof obl);
	cr_assert(!id_of(obl, "ttu-btc") && !id_of(obl, "ttu-btg") && !id_of(obl, "ttu-bdv"), "%s",
	          obl);
	cr_assert(id_of(obl, "ttu-anphu") && id_of(obl, "ttu-donghoa") && id_of(obl, "ttu-tanlap") &&
	          id_of(obl, "ttu-cbbv"), "%s", obl);
	char a[24];
	snprintf(a, sizeof a, "%lld", g);
	r = fx_run(NULL, st, "show", a, NULL);
	cr_assert(strstr(r.out, "0/4 đơn vị đã thực hiện"), "%s", r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "log", "--action", "expand-task", "--format", "json", NULL);
	json_t *log = fx_json(&r), *row;
	size_t i;
	int expanded = 0;
	char obj[40];
	snprintf(obj, sizeof obj, "task:%lld", g);
	json_array_foreach(log, i, row)
		if (!strcmp(jget(row, "action"), "expand-task") && !strcmp(jget(row, "object"), obj))
			expanded += json_array_size(json_object_get(json_object_get(row, "after"),
			                                           "obligations")) == 4;
	json_decref(log);
	fx_free(&r);
	cr_assert(expanded, "no expand-task audit entry for the 4 new obligations");
	/* the same text again: nothing more to do */
	r = fx_run(NULL, st, "import", "--replace", "--dry-run", path, NULL);
	cr_assert(strstr(r.out, "giữ nguyên 72, sửa 0, xóa 0, thêm 0 nhiệm vụ.\nGiữ nguyên:"), "%s",
	          r.out);
	fx_free(&r);
	fx_check_store(NULL, st);
}

/* A group that grows keeps its obligations (same ids) and gains the new
 * units'; a task led by one unit whose lead becomes a group is opened. */
Test(cli_reimport, a_group_that_grows_gains_obligations)
{
	const char *st = fx_store_with(PLAN);
	char before[256], after[256];
	v2_obligations(st, before, sizeof before);
	char *s = read_all(PLAN);
	s = subst(s, V2_LEAD, "2. Các ban xây dựng Đảng của Thành ủy, các huyện ủy, thị ủy, thành "
	          "ủy, đảng ủy trực thuộc Thành ủy xây dựng");
	s = subst(s, "4. Ban Tổ chức Thành ủy chủ trì", "4. Các ban xây dựng Đảng của Thành ủy chủ trì");
	const char *path = write_tmp("grown.txt", s);
	free(s);
	long long v4 = task_with(st, "Ban Tổ chức Thành ủy chủ trì");
	struct run r = fx_run(NULL, st, "import", "--replace", "--dry-run", path, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "xóa 0 của đơn vị không còn được giao, thêm 7.\n"), "%s", r.out);
	cr_assert(strstr(r.out, "  mục V.4@ttu-btg: nghĩa vụ của Ban Tuyên giáo Thành ủy\n"), "%s",
	          r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "import", "--replace", path, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "2 nhiệm vụ chung của nhiều cơ quan đã tách thành 7 nghĩa vụ"), "%s",
	          r.out);
	fx_free(&r);
	v2_obligations(st, after, sizeof after);
	cr_assert(!strncmp(after, before, strlen(before)), "%s / %s", before, after);
	cr_assert(id_of(after, "ttu-anphu") && id_of(after, "ttu-cbbv"), "%s", after);
	char a[24];
	snprintf(a, sizeof a, "%lld", v4);
	r = fx_run(NULL, st, "show", a, NULL);
	cr_assert(strstr(r.out, "0/3 đơn vị đã thực hiện"), "%s", r.out);
	fx_free(&r);
	fx_check_store(NULL, st);
}

/* A group task already opened whose lead stays is left as it is: an
 * obligation deleted since is not made again by importing the same text. */
Test(cli_reimport, a_deleted_obligation_is_not_made_again)
{
	const char *st = fx_store_with(PLAN);
	struct run r = fx_run(NULL, st, "delete-task", "91", "--reason", "Ban Dân vận không phải "
	                      "xây dựng kế hoạch riêng", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	r = fx_run(NULL, st, "import", "--replace", "--dry-run", PLAN, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "giữ nguyên 72, sửa 0, xóa 0, thêm 0 nhiệm vụ.\nGiữ nguyên:"), "%s",
	          r.out);
	fx_free(&r);
	r = fx_run(NULL, st, "import", "--replace", PLAN, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	fx_free(&r);
	char obl[256];
	cr_assert_str_eq(v2_obligations(st, obl, sizeof obl), "ttu-btc=89 ttu-btg=90");
}
