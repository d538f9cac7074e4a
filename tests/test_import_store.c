/* test_import_store.c — units resolved against a real hierarchy, and
 * imports stored: each test syncs tests/data/import/units.ini into a
 * fresh store in a mkdtemp directory. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "file-fixture.h"
#include "import-fixture.h"
#include "hier.h"
#include "import.h"
#include "text.h"
#include "ops.h"
#include "store.h"
#include "util.h"

#define DATA "tests/data/import/"

static char dir[64];
static struct store *st;
static struct config cfg;
static struct hier *h;

static void setup(void)
{
	char path[PATH_MAX], store_dir[PATH_MAX];
	const char *ini = "[paths]\nunits = units.ini\n[users]\nquan.tri = tu-vp, admin\n"
	                  "bien.tap = tu-btc, editor\n";
	struct err e = {0};
	struct txn *t;
	size_t len;
	char *units;

	strcpy(dir, "/tmp/theodoi-import-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/theodoi.ini", dir);
	tf_write(path, ini, strlen(ini));
	units = tf_read(DATA "units.ini", &len);
	snprintf(path, sizeof path, "%s/units.ini", dir);
	tf_write(path, units, len);
	free(units);
	memset(&cfg, 0, sizeof cfg);
	snprintf(path, sizeof path, "%s/theodoi.ini", dir);
	cr_assert_eq(cfg_load(path, &cfg, &e), 0, "%s", e.msg);
	snprintf(store_dir, sizeof store_dir, "%s/store", dir);
	cr_assert_eq(store_open(store_dir, STORE_CREATE, &st, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_sync(st, &cfg, "quan.tri", NULL, &e), 0, "%s:%d: %s", e.file, e.line,
	             e.msg);
	cr_assert_eq(store_read_begin(st, &t, &e), 0, "%s", e.msg);
	cr_assert_eq(hier_load(t, &h, &e), 0, "%s", e.msg);
	store_read_end(t);
}

static void teardown(void)
{
	char cmd[128];

	hier_free(h);
	store_close(st);
	cfg_free(&cfg);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd))
		cr_log_warn("could not remove %s", dir);
}

TestSuite(import_units, .init = setup, .fini = teardown);
TestSuite(import_store, .init = setup, .fini = teardown);

static uint32_t id_of(const char *code)
{
	size_t i = hier_find_code(h, code);

	cr_assert_neq(i, (size_t)-1, "no unit %s", code);
	return hier_at(h, i)->id;
}

static struct imp_result *parse_text(const char *text, size_t len, uint32_t hint)
{
	struct imp_result *r = NULL;
	struct err e = {0};

	cr_assert_eq(imp_parse(text, len, "t.txt", h, hint, &r, &e), 0, "%s", e.msg);
	return r;
}

static struct imp_result *parse_file(const char *name, uint32_t hint)
{
	char path[256];
	size_t len;
	char *text;
	struct imp_result *r;

	snprintf(path, sizeof path, DATA "%s", name);
	text = tf_read(path, &len);
	r = parse_text(text, len, hint);
	free(text);
	return r;
}

/* ---- resolution --------------------------------------------------------- */

Test(import_units, leads_resolve_inside_the_issuers_subtree)
{
	struct imp_result *r = parse_file("huyen-uy-muc-so.txt", 0);
	const struct imp_task *t;

	/* "Ban Thường vụ Huyện ủy" is either district: the header line says Kim Lâm */
	cr_expect_eq(r->doc.issuer_unit, id_of("hkl"));
	/* "Ban Tổ chức Huyện ủy" is written by both districts: the issuer narrows it */
	cr_expect_eq(ix_task_at(r, "II.1(1)")->lead_unit, id_of("hkl-btc"));
	t = ix_task_at(r, "II.1(2)");
	cr_assert_eq(t->npartners, 2);
	cr_expect_eq(t->partner_units[0], id_of("hkl-vp"));
	cr_expect_eq(t->partner_units[1], id_of("hkl-ubkt"));
	cr_expect_eq(ix_task_at(r, "II.2(1)")->lead_unit, id_of("hkl-btg"));
	cr_expect_eq(ix_task_at(r, "II.3(1)")->lead_unit, id_of("hkl-ubnd"));
	/* a group is no unit: raw text kept, listed once as a warning */
	t = ix_task_at(r, "II.4(1)");
	cr_expect_eq(t->lead_unit, 0);
	cr_expect_str_eq(t->lead, "Các đảng ủy, chi bộ cơ sở trực thuộc Huyện ủy");
	cr_expect(ix_warned(r, "“Các đảng ủy, chi bộ cơ sở trực thuộc Huyện ủy”"));
	imp_free(r);
}

Test(import_units, issuer_hint_overrides_and_changes_what_names_mean)
{
	struct imp_result *r = parse_file("huyen-uy-muc-so.txt", id_of("hpd"));

	cr_expect_eq(r->doc.issuer_unit, id_of("hpd"));
	cr_expect_eq(ix_task_at(r, "II.1(1)")->lead_unit, id_of("hpd-btc"));
	imp_free(r);
}

Test(import_units, city_plan_resolves_its_own_agencies_and_the_front)
{
	struct imp_result *r = parse_file("thanh-uy-markdown.txt", 0);
	const struct imp_task *t;
	json_t *j;

	cr_expect_eq(r->doc.issuer_unit, id_of("ttu"));
	cr_expect_eq(ix_task_at(r, "II.2.1#1")->lead_unit, id_of("ttu-btg"));
	t = ix_task_at(r, "II.2.2#1");
	cr_expect_eq(t->lead_unit, id_of("ttu-ubnd"));
	cr_expect_eq(t->partner_units[0], id_of("ttu-mttq"));
	cr_expect_eq(t->partner_units[1], 0);
	cr_expect_eq(ix_task_at(r, "II.2.3#1")->lead_unit, id_of("ttu-anphu"));
	cr_expect_eq(ix_task_at(r, "III.2")->lead_unit, id_of("ttu-btc"));
	j = imp_to_json(r, h);
	cr_expect_str_eq(json_string_value(json_object_get(
		                 json_array_get(json_object_get(j, "tasks"), 2), "lead_unit")),
	                 "ttu-btg");
	json_decref(j);
	imp_free(r);
}

Test(import_units, abbreviations_and_short_names_resolve_relative_to_the_issuer)
{
	const char *text = "TỈNH ỦY SƠN HÀ\n\nKẾ HOẠCH\nvề công tác cán bộ\n\n"
	                   "II. NHIỆM VỤ CỤ THỂ\n\n"
	                   "1. BTC Tỉnh ủy\n- Tham mưu quy hoạch cán bộ (hoàn thành trong năm 2024).\n"
	                   "2. Ban Tuyên giáo\n- Tuyên truyền kết quả (thực hiện thường xuyên).\n"
	                   "3. HĐND tỉnh\n- Giám sát việc thực hiện (thực hiện hằng năm).\n"
	                   "4. ĐUK\n- Chỉ đạo các tổ chức cơ sở đảng thực hiện.\n"
	                   "5. Ban Kinh tế Tỉnh ủy\n- Tham mưu chính sách thu hút đầu tư.\n"
	                   "6. Ban Thường vụ Thành ủy, Thường trực Thành ủy\n- Lãnh đạo thực hiện.\n"
	                   "7. Văn phòng Tỉnh ủy, Ban Dân vận Tỉnh ủy\n- Theo dõi, tổng hợp.\n";
	struct imp_result *r = parse_text(text, strlen(text), 0);

	cr_expect_eq(r->doc.issuer_unit, id_of("tu"));
	cr_expect_eq(ix_task_at(r, "II.1#1")->lead_unit, id_of("tu-btc"));
	cr_expect_eq(ix_task_at(r, "II.2#1")->lead_unit, id_of("tu-btg"));
	cr_expect_eq(ix_task_at(r, "II.3#1")->lead_unit, id_of("tu-hdnd"));
	cr_expect_eq(ix_task_at(r, "II.4#1")->lead_unit, id_of("duk"));
	/* not configured: kept as written, never invented */
	cr_expect_eq(ix_task_at(r, "II.5#1")->lead_unit, 0);
	cr_expect_str_eq(ix_task_at(r, "II.5#1")->lead, "Ban Kinh tế Tỉnh ủy");
	cr_expect(ix_warned(r, "Ban Kinh tế Tỉnh ủy"));
	/* two names of one committee: that committee, no warning */
	cr_expect_eq(ix_task_at(r, "II.6#1")->lead_unit, id_of("ttu"));
	cr_expect(!ix_warned(r, "Thường trực Thành ủy"));
	/* two different units: the first leads, and the user is told */
	cr_expect_eq(ix_task_at(r, "II.7#1")->lead_unit, id_of("tu-vp"));
	cr_expect(ix_warned(r, "nêu nhiều đơn vị"));
	imp_free(r);
}

/* ---- storing ------------------------------------------------------------ */

static struct ops_ctx admin(void)
{
	struct ops_ctx c;

	memset(&c, 0, sizeof c);
	c.st = st;
	c.cfg = &cfg;
	str_copy(c.who.login, "quan.tri", sizeof c.who.login);
	c.who.role = ROLE_ADMIN;
	c.who.unit = id_of("tu-vp");
	c.today = date_make(2024, 1, 15);
	return c;
}

static int collect(uint64_t id, void *ctx)
{
	uint64_t *v = ctx;

	v[++v[0]] = id;
	return 0;
}

struct last_audit {
	char action[24], object[40];
	int n;
};

static int last_audit_cb(const struct audit *a, void *ctx)
{
	struct last_audit *l = ctx;

	str_copy(l->action, a->action, sizeof l->action);
	str_copy(l->object, a->object, sizeof l->object);
	l->n++;
	return 0;
}

static int count_ind(const struct indicator *i, void *ctx)
{
	(void)i;
	(*(int *)ctx)++;
	return 0;
}

Test(import_store, stores_document_tasks_indicators_and_audit)
{
	struct ops_ctx c = admin();
	struct imp_result *r = parse_file("khoi-thoi-gian.txt", 0);
	struct err e = {0};
	uint64_t doc = 0, ids[256] = {0};
	struct txn *t;
	struct doc d;
	struct task task;
	struct last_audit la = {0};
	char obj[40];
	int nind = 0;

	cr_assert_eq(imp_store(&c, r, 0, &doc, &e), 0, "%s", e.msg);
	cr_assert_neq(doc, 0);
	cr_assert_eq(store_read_begin(st, &t, &e), 0, "%s", e.msg);
	memset(&d, 0, sizeof d);
	cr_assert_eq(store_doc_get(t, doc, &d, &e), 0, "%s", e.msg);
	cr_expect_str_eq(d.number, "77-KH/ĐUK");
	cr_expect_eq(d.issuer, id_of("duk"));
	cr_expect_eq(d.date, date_make(2023, 6, 12));
	cr_expect_str_eq(d.source, r->source);
	cr_expect_eq(d.nimplements, 2);
	doc_free(&d);
	cr_assert_eq(store_tasks_by_doc(t, doc, collect, ids, &e), 0, "%s", e.msg);
	cr_expect_eq(ids[0], r->ntasks);
	/* tasks keep their order; a dated one is due by its date */
	memset(&task, 0, sizeof task);
	cr_assert_eq(store_task_get(t, ids[4], &task, &e), 0, "%s", e.msg);
	cr_expect_str_eq(task.section, "III.2#2");
	cr_expect_eq(task.due, date_make(2023, 9, 30));
	cr_expect_eq(task.start, date_make(2023, 6, 12));
	cr_expect_str_eq(task.dl_phrase, "hoàn thành trong quý III/2023");
	task_free(&task);
	cr_assert_eq(store_task_get(t, ids[6], &task, &e), 0, "%s", e.msg);
	cr_expect_eq(task.lead, id_of("duk-vp"));
	cr_expect_str_eq(task.partners_text, "Ban Tổ chức Đảng ủy Khối; Sở Tài chính");
	cr_expect_eq(task.npartners, 2);
	task_free(&task);
	cr_assert_eq(store_indicators_each(t, count_ind, &nind, &e), 0, "%s", e.msg);
	cr_expect_eq(nind, 2);
	cr_assert_eq(store_audit_each(t, 0, last_audit_cb, &la, &e), 0, "%s", e.msg);
	snprintf(obj, sizeof obj, "doc:%llu", (unsigned long long)doc);
	cr_expect_str_eq(la.action, "import");
	cr_expect_str_eq(la.object, obj);
	store_read_end(t);
	imp_free(r);
}

Test(import_store, same_number_issuer_and_date_is_a_conflict)
{
	struct ops_ctx c = admin();
	struct imp_result *r = parse_file("huyen-uy-muc-so.txt", 0);
	struct err e = {0};
	uint64_t doc;

	cr_assert_eq(imp_store(&c, r, 0, &doc, &e), 0, "%s", e.msg);
	cr_expect_eq(imp_store(&c, r, 0, &doc, &e), ERR_CONFLICT);
	cr_expect(strstr(e.msg, "15-KH/HU") && strstr(e.msg, "--replace"), "%s", e.msg);
	/* the same number from another district is another document */
	imp_free(r);
	r = parse_file("huyen-uy-muc-so.txt", id_of("hpd"));
	err_clear(&e);
	cr_expect_eq(imp_store(&c, r, 0, &doc, &e), 0, "%s", e.msg);
	imp_free(r);
}

Test(import_store, only_administrators_import)
{
	struct ops_ctx c = admin();
	struct imp_result *r = parse_file("huyen-uy-muc-so.txt", 0);
	struct err e = {0};

	c.who.role = ROLE_EDITOR;
	str_copy(c.who.login, "bien.tap", sizeof c.who.login);
	cr_expect_eq(imp_store(&c, r, 0, NULL, &e), ERR_DENIED);
	cr_expect(strstr(e.msg, "quản trị") != NULL, "%s", e.msg);
	imp_free(r);
}

static char *replace_first(const char *s, const char *from, const char *to)
{
	const char *p = strstr(s, from);
	struct sbuf b = {0};

	cr_assert_not_null(p, "no '%s'", from);
	sbuf_add(&b, s, (size_t)(p - s));
	sbuf_puts(&b, to);
	sbuf_puts(&b, p + strlen(from));
	return sbuf_detach(&b);
}

Test(import_store, replace_keeps_progress_of_tasks_that_still_match)
{
	struct ops_ctx c = admin();
	struct err e = {0};
	size_t len;
	char *text = tf_read(DATA "huyen-uy-muc-so.txt", &len), *t2, *t3;
	struct imp_result *r = parse_text(text, len, 0), *r2;
	uint64_t doc, doc2, before[64] = {0}, after[64] = {0};
	struct txn *t;
	struct task task;

	cr_assert_eq(imp_store(&c, r, 0, &doc, &e), 0, "%s", e.msg);
	cr_assert_eq(store_read_begin(st, &t, &e), 0);
	cr_assert_eq(store_tasks_by_doc(t, doc, collect, before, &e), 0);
	store_read_end(t);
	cr_assert_eq(before[0], 10);
	/* progress on II.1(1) (first task) and II.2(1) (fourth) */
	cr_assert_eq(ops_update(&c, before[1], ST_IN_PROGRESS, 40, "đã có dự thảo", NULL, &e), 0,
	             "%s", e.msg);
	cr_assert_eq(ops_update(&c, before[4], ST_IN_PROGRESS, 10, NULL, NULL, &e), 0, "%s",
	             e.msg);
	/* the new version rewrites II.2(1) and drops II.1(3) */
	t2 = replace_first(text, "Biên soạn tài liệu", "Biên soạn và phát hành tài liệu");
	t3 = replace_first(t2, "(3) Tham mưu sơ kết 02 năm thực hiện Kế hoạch (hoàn thành trước "
	                       "ngày 30/11/2024).\n\n", "");
	r2 = parse_text(t3, strlen(t3), 0);
	cr_assert_eq(r2->ntasks, 9);
	cr_expect_eq(imp_store(&c, r2, 0, &doc2, &e), ERR_CONFLICT);
	cr_assert_eq(imp_store(&c, r2, 1, &doc2, &e), 0, "%s", e.msg);
	cr_expect_eq(doc2, doc);
	cr_assert_eq(store_read_begin(st, &t, &e), 0);
	cr_assert_eq(store_tasks_by_doc(t, doc, collect, after, &e), 0);
	cr_expect_eq(after[0], 9);
	memset(&task, 0, sizeof task);
	cr_assert_eq(store_task_get(t, before[1], &task, &e), 0, "%s", e.msg);
	cr_expect_eq(task.status, ST_IN_PROGRESS);
	cr_expect_eq(task.progress, 40);
	cr_expect_eq(task.nupdates, 1);
	task_free(&task);
	/* the rewritten task keeps its id and progress with the new text; the
	 * dropped one is gone */
	memset(&task, 0, sizeof task);
	cr_assert_eq(store_task_get(t, before[4], &task, &e), 0, "%s", e.msg);
	cr_expect_eq(task.progress, 10);
	cr_expect(strstr(task.text, "Biên soạn và phát hành tài liệu"), "%s", task.text);
	task_free(&task);
	cr_expect_eq(store_task_get(t, before[3], &task, &e), ERR_NOTFOUND);
	store_read_end(t);
	free(text);
	free(t2);
	free(t3);
	imp_free(r);
	imp_free(r2);
}

Test(import_units, a_list_of_bodies_with_collectives_is_a_group_task_led_by_no_unit)
{
	const char *text =
		"THÀNH ỦY BÌNH GIANG\n\nKẾ HOẠCH\nvề công tác dân vận\n\n"
		"III. TỔ CHỨC THỰC HIỆN\n\n"
		"1. Văn phòng, các ban xây dựng Đảng của Thành ủy, Ủy ban nhân dân thành phố, Ủy ban "
		"MTTQ Việt Nam và các tổ chức chính trị - xã hội thành phố; các đảng ủy cơ sở trực "
		"thuộc Thành ủy tổ chức quán triệt và xây dựng kế hoạch thực hiện.\n\n"
		"2. Ủy ban MTTQ Việt Nam thành phố và các tổ chức chính trị - xã hội thành phố, "
		"Văn phòng Thành ủy tuyên truyền, vận động nhân dân thực hiện.\n\n"
		"3. Văn phòng Thành ủy, Ban Tổ chức Thành ủy theo dõi, tổng hợp.\n";
	struct imp_result *r = parse_text(text, strlen(text), 0);
	const struct imp_task *t = ix_task_at(r, "III.1");

	cr_expect(t->lead_group);
	cr_expect_eq(t->lead_unit, 0, "no single unit leads a group task");
	cr_expect(t->lead && txt_starts_with(t->lead, "Văn phòng, các ban xây dựng Đảng"), "%s", t->lead);
	cr_expect(ix_warned(r, "nhiệm vụ chung của nhiều cơ quan"));
	cr_expect(!ix_warned(r, "(mục III.1) nêu nhiều đơn vị"));
	cr_expect(ix_warned(r, "(mục III.3) nêu nhiều đơn vị"));
	/* the Front with the organisations it leads: the Front leads */
	t = ix_task_at(r, "III.2");
	cr_expect(!t->lead_group);
	cr_expect_eq(t->lead_unit, id_of("ttu-mttq"));
	/* two units named, no collective: the first leads */
	t = ix_task_at(r, "III.3");
	cr_expect(!t->lead_group);
	cr_expect_eq(t->lead_unit, id_of("ttu-vp"));
	cr_expect_eq(r->lead_tasks_group, 1);
	cr_expect_eq(r->lead_tasks_unresolved, 0);
	imp_free(r);
}

/* Warnings whose message contains needle. */
static size_t warned_n(const struct imp_result *r, const char *needle)
{
	size_t n = 0;

	for (size_t k = 0; k < r->nwarnings; k++)
		n += strstr(r->warnings[k].msg, needle) != NULL;
	return n;
}

Test(import_units, one_warning_per_unresolved_name_per_kind_and_counts_that_agree)
{
	const char *text =
		"TỈNH ỦY SƠN HÀ\n\nKẾ HOẠCH\nvề công tác cán bộ\n\n"
		"II. NHIỆM VỤ CỤ THỂ\n\n"
		"1. Ban Kinh tế Tỉnh ủy\n- Tham mưu chính sách (thực hiện thường xuyên).\n"
		"- Tổng hợp kết quả (thực hiện hằng năm).\n"
		"2. Ban Tổ chức Tỉnh ủy\n- Chủ trì, phối hợp với Ban Kinh tế Tỉnh ủy rà soát quy hoạch.\n"
		"3. BAN KINH TẾ TỈNH ỦY\n- Báo cáo tiến độ (thực hiện hằng năm).\n"
		"4. Ban Nội chính Tỉnh ủy\n- Theo dõi (thực hiện thường xuyên).\n"
		"5. Các huyện ủy trực thuộc Tỉnh ủy\n- Xây dựng kế hoạch (trong quý II/2024).\n"
		"- Báo cáo kết quả (thực hiện hằng năm).\n";
	struct imp_result *r = parse_text(text, strlen(text), 0);
	json_t *j, *leads;

	/* Ban Kinh tế: one lead warning for three tasks and two spellings, one partner warning */
	cr_expect_eq(warned_n(r, "đơn vị chủ trì “Ban Kinh tế Tỉnh ủy”"), 1);
	cr_expect_eq(warned_n(r, "“BAN KINH TẾ TỈNH ỦY”"), 0);
	cr_expect_eq(warned_n(r, "đơn vị phối hợp “Ban Kinh tế Tỉnh ủy”"), 1);
	cr_expect_eq(warned_n(r, "“Ban Nội chính Tỉnh ủy”"), 1);
	cr_expect_eq(warned_n(r, "nhiệm vụ chung của nhiều cơ quan"), 1);
	cr_expect_eq(r->lead_names_unresolved, 2);
	cr_expect_eq(r->lead_names_unresolved, warned_n(r, "không xác định được đơn vị chủ trì"));
	cr_expect_eq(r->lead_tasks_unresolved, 4);
	cr_expect_eq(r->lead_tasks_group, 2);
	cr_expect_eq(r->lead_tasks_none, 0);
	j = imp_to_json(r, h);
	leads = json_object_get(j, "leads");
	cr_expect_eq(json_integer_value(json_object_get(leads, "unresolved_names")), 2);
	cr_expect_eq(json_integer_value(json_object_get(leads, "group")), 2);
	json_decref(j);
	imp_free(r);
}

/* The one test of "this lead names a group" (imp_lead_is_group): a
 * collective, or a kind of party body standing alone in a list of
 * several; never one body's name, nor a kind word alone as the whole lead,
 * nor a list of named bodies. */
Test(import_units, a_group_lead_is_a_collective_or_a_bare_kind_in_a_list)
{
	static const char *const groups[] = {
		"Cấp ủy, tổ chức đảng", "Các cấp ủy, tổ chức đảng", "Ban cán sự đảng, đảng đoàn",
		"Huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc", "Các huyện ủy",
		"Văn phòng, các ban xây dựng Đảng của Thành ủy",
		"Thành ủy, Ban Thường vụ Thành ủy, các cấp ủy, tổ chức đảng",
	};
	static const char *const not_groups[] = {
		"Đảng đoàn Hội đồng nhân dân tỉnh", "Cấp ủy", "Thành ủy", "Ban Tổ chức Tỉnh ủy",
		"Đảng đoàn Hội đồng nhân dân tỉnh, Ban Tổ chức Tỉnh ủy",
		"Ủy ban MTTQ Việt Nam thành phố và các tổ chức chính trị - xã hội thành phố",
		"Chi bộ Tòa án nhân dân thành phố, Viện kiểm sát nhân dân thành phố",
	};
	for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
		cr_expect(imp_lead_is_group(groups[i]), "“%s” names a group", groups[i]);
	for (size_t i = 0; i < sizeof not_groups / sizeof not_groups[0]; i++)
		cr_expect(!imp_lead_is_group(not_groups[i]), "“%s” names no group", not_groups[i]);
	cr_expect(!imp_lead_is_group(NULL));
}
