/* test_audit_text.c — the audit entry told for people (audit-text.h): one
 * test per kind of entry the program writes (the shapes of ops.c,
 * ops-edit.c, ops-extend.c, ops-confirm.c, ops-group.c, ops-link.c,
 * import-store.c, hier-sync.c, indicator.c, report-text.c, cli-init.c,
 * cli-docout.c, backup*.c, demo*.c), each checked word for word, and no
 * stored key or id form in any of them. */
#include "store-fixture.h"

#include "audit-text.h"
#include "audit.h"
#include "hier.h"

static uint32_t u_tu, u_btg, u_vp, u_h1, u_h1btc, u_h2, u_h2btc;
static uint64_t d_numbered, d_bare;
static struct hier *names_h;

static uint32_t unit(const char *code, const char *name, uint32_t parent)
{
	struct unit u = {0};
	strcpy(u.code, code);
	u.name = xstrdup(name);
	u.kind = UK_BAN;
	u.parent = parent;
	fx_write(fx_w_unit, &u);
	uint32_t id = u.id;
	unit_free(&u);
	return id;
}

static void setup(void)
{
	fx_setup();
	u_tu = unit("tu", "Tỉnh ủy Sơn Hà", 0);
	u_btg = unit("tu-btg", "Ban Tuyên giáo Tỉnh ủy", u_tu);
	u_vp = unit("tu-vp", "Văn phòng Tỉnh ủy", u_tu);
	u_h1 = unit("h1", "Huyện ủy Kim Lâm", u_tu);
	u_h1btc = unit("h1-btc", "Ban Tổ chức Huyện ủy", u_h1);
	u_h2 = unit("h2", "Huyện ủy Ngọc Sơn", u_tu);
	u_h2btc = unit("h2-btc", "Ban Tổ chức Huyện ủy", u_h2);
	d_numbered = fx_doc("42-KH/ThU", 0);
	d_bare = fx_doc("", 0);
	struct err e = {0};
	struct txn *t = fx_read();
	cr_assert_eq(hier_load(t, &names_h, &e), 0, "%s", e.msg);
	store_read_end(t);
}

static void teardown(void)
{
	hier_free(names_h);
	fx_teardown();
}

TestSuite(audit_text, .init = setup, .fini = teardown);

/* The entry (action, object, before, after: JSON text or NULL) told,
 * values cut to max columns.  Caller frees. */
static char *tell_cut(const char *action, const char *object, const char *before,
                      const char *after, int max)
{
	struct audit a = {0};
	strcpy(a.login, "root");
	strcpy(a.role, "admin");
	strcpy(a.action, action);
	strcpy(a.object, object);
	a.before = (char *)before;
	a.after = (char *)after;
	struct audit_names *n = audit_names_new(names_h);
	struct txn *t = fx_read();
	char *s = audit_text(n, t, &a, max);
	store_read_end(t);
	audit_names_free(n);
	return s;
}

static char *tell(const char *action, const char *object, const char *before, const char *after)
{
	return tell_cut(action, object, before, after, 0);
}

/* Told as expected, and with no stored key ("lead_text:") in it. */
static void says(const char *action, const char *object, const char *before, const char *after,
                 const char *want)
{
	char *s = tell(action, object, before, after);
	cr_assert_str_eq(s, want, "%s:\n got  %s\n want %s", action, s, want);
	for (int side = 0; side < 2; side++) {
		json_t *j = json_loads(side ? after : before, 0, NULL);
		const char *k;
		json_t *v;
		json_object_foreach(j, k, v) {
			char key[64];
			snprintf(key, sizeof key, "%s:", k);
			cr_assert_null(strstr(s, key), "%s: the stored key %s shows: %s", action, k, s);
		}
		json_decref(j);
	}
	free(s);
}

static char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));
static char *fmt(const char *f, ...)
{
	static char buf[16][512];
	static int k;
	va_list ap;
	k = (k + 1) % 16;
	va_start(ap, f);
	vsnprintf(buf[k], sizeof buf[k], f, ap);
	va_end(ap);
	return buf[k];
}

Test(audit_text, edit_task_names_the_lead_and_says_the_days_for_people)
{
	says("edit-task", "task:208",
	     fmt("{\"lead\":0,\"lead_text\":\"Ban Tuyên giáo\",\"due\":\"2026-12-31\"}"),
	     fmt("{\"lead\":%u,\"lead_text\":\"Ban Tuyên giáo\",\"due\":\"2027-06-29\"}", u_btg),
	     "chủ trì: “Ban Tuyên giáo” (chưa gắn) → Ban Tuyên giáo Tỉnh ủy; "
	     "hạn: 31/12/2026 → 29/06/2027");
	says("edit-task", "task:208", fmt("{\"lead\":%u,\"lead_text\":\"VP\"}", u_vp),
	     "{\"lead\":0,\"lead_text\":null}", "chủ trì: Văn phòng Tỉnh ủy → (chưa gắn)");
}

Test(audit_text, a_shared_name_comes_with_its_code)
{
	says("edit-task", "task:9", fmt("{\"lead\":%u,\"lead_text\":null}", u_h1btc),
	     fmt("{\"lead\":%u,\"lead_text\":null}", u_h2btc),
	     "chủ trì: Ban Tổ chức Huyện ủy (h1-btc) → Ban Tổ chức Huyện ủy (h2-btc)");
}

Test(audit_text, only_the_written_name_changed)
{
	says("edit-task", "task:9", fmt("{\"lead\":%u,\"lead_text\":\"BTG\"}", u_btg),
	     fmt("{\"lead\":%u,\"lead_text\":\"Ban Tuyên giáo\"}", u_btg),
	     "chủ trì: Ban Tuyên giáo Tỉnh ủy (văn bản ghi “BTG”) → "
	     "Ban Tuyên giáo Tỉnh ủy (văn bản ghi “Ban Tuyên giáo”)");
}

Test(audit_text, partners_by_name)
{
	says("edit-task", "task:3", "{\"partners\":[],\"partners_text\":null}",
	     fmt("{\"partners\":[%u,%u],\"partners_text\":\"VP; BTG\"}", u_vp, u_btg),
	     "phối hợp: (trống) → Văn phòng Tỉnh ủy, Ban Tuyên giáo Tỉnh ủy");
	says("edit-task", "task:3", "{\"partners\":[],\"partners_text\":\"Sở Nội vụ\"}",
	     "{\"partners\":[],\"partners_text\":\"Sở Nội vụ; Sở Tư pháp\"}",
	     "phối hợp: “Sở Nội vụ” (chưa gắn) → “Sở Nội vụ; Sở Tư pháp” (chưa gắn)");
}

Test(audit_text, text_section_deadline_and_group)
{
	says("edit-task", "task:3",
	     "{\"text\":\"Cũ\",\"section\":\"III.2\",\"deadline\":\"trong năm 2026\",\"group_open\":true}",
	     "{\"text\":\"Mới\",\"section\":\"III.3\",\"deadline\":\"quý II/2027\",\"group_open\":false}",
	     "nội dung: Cũ → Mới; mục: III.2 → III.3; thời hạn: trong năm 2026 → quý II/2027; "
	     "nhiệm vụ chung tính theo nghĩa vụ từng đơn vị: có → không");
}

Test(audit_text, move_task_names_the_documents)
{
	says("move-task", "task:5", fmt("{\"doc\":%llu}", (unsigned long long)d_numbered),
	     fmt("{\"doc\":%llu}", (unsigned long long)d_bare),
	     fmt("văn bản: 42-KH/ThU (#%llu) → #%llu", (unsigned long long)d_numbered,
	         (unsigned long long)d_bare));
}

Test(audit_text, edit_doc_empty_values_read_the_same)
{
	says("edit-doc", "doc:5", "{\"number\":\"\",\"date\":null}",
	     "{\"number\":\"71-KH/ThU\",\"date\":\"2026-05-12\"}",
	     "số: (trống) → 71-KH/ThU; ngày: (trống) → 12/05/2026");
	says("edit-doc", "doc:5",
	     fmt("{\"issuer\":0,\"issuer_text\":\"Thành ủy\",\"implements\":[],\"plan_due\":null,"
	         "\"title\":\"A\",\"kind\":\"KH\"}"),
	     fmt("{\"issuer\":%u,\"issuer_text\":\"Tỉnh ủy Sơn Hà\",\"implements\":[\"15-CTr/TU\","
	         "\"#2\"],\"plan_due\":\"2026-03-31\",\"title\":\"B\",\"kind\":\"CTr\"}", u_tu),
	     "cơ quan ban hành: “Thành ủy” (chưa gắn) → Tỉnh ủy Sơn Hà; thực hiện văn bản: "
	     "(trống) → 15-CTr/TU, #2; hạn ban hành kế hoạch thực hiện: (trống) → 31/03/2026; "
	     "trích yếu: A → B; loại: KH → CTr");
}

Test(audit_text, delete_and_restore_in_one_phrase)
{
	says("delete-task", "task:7", NULL,
	     "{\"reason\":\"nhập nhầm\",\"tasks\":1,\"with_work\":1,\"file\":\"kh.docx\"}",
	     "lý do: nhập nhầm; số nhiệm vụ: 1; số nhiệm vụ đã ghi nhận kết quả: 1; tệp: kh.docx");
	says("delete-doc", "doc:4", NULL, "{\"reason\":\"thử\",\"tasks\":29,\"with_work\":26}",
	     "lý do: thử; số nhiệm vụ: 29; số nhiệm vụ đã ghi nhận kết quả: 26");
	says("restore-task", "task:7",
	     "{\"login\":\"root\",\"role\":\"admin\",\"time\":\"2026-12-07T01:07:08\","
	     "\"reason\":\"nhập nhầm\"}", NULL,
	     "khôi phục từ thùng rác, đã xóa bởi root (quản trị) lúc 07/12/2026 01:07:08; "
	     "lý do xóa: nhập nhầm");
	/* an older note: the time in unix seconds */
	char when[32], *want;
	int64_t t = audit_day_start(date_make(2026, 12, 7)) + 3600;
	audit_time_vn(t, when, sizeof when);
	cr_assert_str_eq(when, "07/12/2026 01:00:00");
	want = fmt("khôi phục từ thùng rác, đã xóa bởi hoa.btc (cập nhật) lúc %s", when);
	says("restore-doc", "doc:4",
	     fmt("{\"login\":\"hoa.btc\",\"role\":\"editor\",\"time\":%lld}", (long long)t), NULL, want);
}

Test(audit_text, obligations_by_unit_not_json)
{
	says("expand-task", "task:300", NULL,
	     "{\"obligations\":[{\"unit\":\"h1\",\"task\":308},{\"unit\":\"h2\",\"task\":309}],"
	     "\"group_size\":2,\"by\":\"import\"}",
	     "2 nghĩa vụ: Huyện ủy Kim Lâm (#308), Huyện ủy Ngọc Sơn (#309); "
	     "số đơn vị của nhóm: 2; qua: nhập văn bản");
}

Test(audit_text, import_and_reimport)
{
	says("import", "doc:2", NULL,
	     "{\"file\":\"kh.docx\",\"number\":\"42-KH/ThU\",\"kind\":\"KH\",\"date\":\"2025-10-19\","
	     "\"tasks\":38,\"indicators\":2,\"obligations\":6}",
	     "tệp: kh.docx; số: 42-KH/ThU; loại: KH; ngày: 19/10/2025; số nhiệm vụ: 38; "
	     "số chỉ tiêu: 2; số nghĩa vụ đã tạo: 6");
	says("import", "doc:2", "{\"number\":\"42-KH/ThU\",\"date\":\"2025-10-19\",\"tasks\":38}",
	     "{\"file\":\"kh2.docx\",\"number\":\"42-KH/ThU\",\"date\":\"2025-10-19\",\"tasks\":39,"
	     "\"indicators\":0,\"kept\":36,\"changed\":1,\"deleted\":1,\"added\":2}",
	     "tệp: kh2.docx; số nhiệm vụ: 38 → 39; số chỉ tiêu: 0; nhiệm vụ giữ nguyên: 36; "
	     "nhiệm vụ sửa: 1; nhiệm vụ xóa: 1; nhiệm vụ thêm: 2");
}

Test(audit_text, init_and_units)
{
	says("init", "store", NULL,
	     "{\"path\":\"/srv/theodoi\",\"units_ini\":\"/etc/theodoi/units.ini\",\"units\":12}",
	     "thư mục kho: /srv/theodoi; tệp đơn vị: /etc/theodoi/units.ini; số đơn vị: 12");
	says("unit.sync", "unit:duk-cbtp", NULL,
	     "{\"code\":\"duk-cbtp\",\"name\":\"Chi bộ Sở Tư pháp\",\"abbrevs\":\"CB Sở Tư pháp\","
	     "\"kind\":\"chi_bo\",\"parent\":\"tu\",\"historical\":false,\"successor\":null}",
	     "mã: duk-cbtp; tên: Chi bộ Sở Tư pháp; tên viết tắt: CB Sở Tư pháp; loại: Chi bộ; "
	     "cấp trên: Tỉnh ủy Sơn Hà");
	says("unit.sync", "unit:h2", "{\"code\":\"h2\",\"historical\":false,\"successor\":null}",
	     "{\"code\":\"h2\",\"historical\":true,\"successor\":\"h1\"}",
	     "đơn vị cũ (không còn trong cấu hình): không → có; đơn vị kế thừa: (chưa gắn) → "
	     "Huyện ủy Kim Lâm");
	says("unit.handover", "task:4", "{\"lead\":\"h2\"}", "{\"lead\":\"h1\"}",
	     "chủ trì: Huyện ủy Ngọc Sơn → Huyện ủy Kim Lâm");
	says("link", "unit:tu-btg", "{\"name\":\"BTG\",\"unit\":\"tu-vp\"}",
	     "{\"name\":\"BTG\",\"unit\":\"tu-btg\",\"tasks\":3,\"docs\":1}",
	     "gắn với đơn vị: Văn phòng Tỉnh ủy → Ban Tuyên giáo Tỉnh ủy; số nhiệm vụ: 3; "
	     "số văn bản: 1");
}

Test(audit_text, progress_and_its_kin)
{
	says("update", "task:80", "{\"status\":\"in_progress\",\"progress\":80}",
	     "{\"status\":\"done\",\"progress\":100,\"note\":\"Xong\",\"done_on\":\"2026-09-20\","
	     "\"day\":\"2026-11-23\"}",
	     "trạng thái: đang thực hiện → hoàn thành; tiến độ: 80% → 100%; ghi chú: Xong; "
	     "ngày hoàn thành thực tế: 20/09/2026; ngày nhập: 23/11/2026");
	says("add-task", "task:81", NULL,
	     "{\"status\":\"not_started\",\"progress\":0,\"due\":null,\"text\":\"Việc mới\"}",
	     "trạng thái: chưa thực hiện; tiến độ: 0%; nội dung: Việc mới");
	says("confirm", "task:80", "{\"status\":\"done\",\"progress\":100,\"confirm\":\"pending\"}",
	     "{\"status\":\"done\",\"progress\":100,\"confirm\":\"confirmed\",\"note\":\"Đạt\"}",
	     "xác nhận: chờ xác nhận → đã xác nhận; ghi chú: Đạt");
	says("return", "task:80", "{\"status\":\"done\",\"progress\":100,\"confirm\":\"pending\"}",
	     "{\"status\":\"in_progress\",\"progress\":100,\"confirm\":\"returned\",\"reason\":\"Thiếu\"}",
	     "trạng thái: hoàn thành → đang thực hiện; xác nhận: chờ xác nhận → trả lại, thực hiện "
	     "lại; lý do: Thiếu");
	says("extend-request", "task:30", "{\"status\":\"in_progress\",\"progress\":40,\"due\":\"2026-09-30\"}",
	     "{\"status\":\"in_progress\",\"progress\":40,\"due\":\"2026-09-30\",\"extension\":3,"
	     "\"extension_state\":\"requested\",\"to\":\"2027-01-26\",\"reason\":\"Chờ kinh phí\","
	     "\"late\":true}",
	     "lần gia hạn số: 3; tình trạng gia hạn: đề nghị gia hạn; đến ngày: 26/01/2027; "
	     "lý do: Chờ kinh phí; sau khi đã quá hạn: có");
	says("extend-grant", "task:30", "{\"status\":\"in_progress\",\"progress\":40,\"due\":\"2026-09-30\"}",
	     "{\"status\":\"in_progress\",\"progress\":40,\"due\":\"2027-01-26\",\"extension\":3,"
	     "\"extension_state\":\"granted\",\"to\":\"2027-01-26\",\"decision\":\"Đồng ý\"}",
	     "hạn: 30/09/2026 → 26/01/2027; lần gia hạn số: 3; tình trạng gia hạn: đã gia hạn; "
	     "đến ngày: 26/01/2027; ý kiến: Đồng ý");
	says("extend-refuse", "task:30", "{\"status\":\"in_progress\",\"progress\":40}",
	     "{\"status\":\"in_progress\",\"progress\":40,\"extension\":4,"
	     "\"extension_state\":\"refused\",\"to\":\"2027-06-30\",\"decision\":\"Chưa đủ lý do\"}",
	     "lần gia hạn số: 4; tình trạng gia hạn: không chấp nhận gia hạn; đến ngày: 30/06/2027; "
	     "ý kiến: Chưa đủ lý do");
	says("measure", "indicator:11", NULL,
	     "{\"measure\":42,\"value\":111.0,\"date\":\"2026-09-30\",\"note\":\"Quý III\"}",
	     "giá trị: 111; ngày: 30/09/2026; ghi chú: Quý III");
}

Test(audit_text, store_wide_entries)
{
	says("repair", "store", NULL,
	     "{\"units\":5,\"docs\":2,\"tasks\":9,\"dues_fixed\":1,\"group_marks_fixed\":0}",
	     "số đơn vị: 5; số văn bản: 2; số nhiệm vụ: 9; số hạn tính lại: 1; "
	     "số nhiệm vụ chung đánh dấu lại: 0");
	says("import-json", "store", NULL,
	     "{\"file\":\"x.json\",\"units\":5,\"docs\":2,\"tasks\":9,\"updates\":4,\"audit\":30}",
	     "tệp: x.json; số đơn vị: 5; số văn bản: 2; số nhiệm vụ: 9; số lần cập nhật: 4; "
	     "số mục nhật ký: 30");
	says("restore", "store", NULL, "{\"file\":\"b.mdb\",\"units\":5,\"docs\":2,\"tasks\":9,\"updates\":4}",
	     "tệp: b.mdb; số đơn vị: 5; số văn bản: 2; số nhiệm vụ: 9; số lần cập nhật: 4");
	says("demo", "doc:1", NULL, "{\"number\":\"15-CTr/TU\",\"date\":\"2025-08-10\",\"tasks\":49}",
	     "số: 15-CTr/TU; ngày: 10/08/2025; số nhiệm vụ: 49");
	says("add-doc", "doc:9", NULL, "{\"number\":\"\",\"kind\":\"KH\",\"date\":null}", "loại: KH");
}

Test(audit_text, documents_the_office_sends_and_texts_it_writes)
{
	says("issue", "out:01-BC/TU", NULL,
	     fmt("{\"number\":\"01-BC/TU\",\"kind\":\"BC\",\"year\":2026,\"unit\":%u,\"file\":\"bc.docx\","
	         "\"format\":\"docx\",\"sha256\":\"ab12\"}", u_tu),
	     "số: 01-BC/TU; loại: BC; năm: 2026; đơn vị: Tỉnh ủy Sơn Hà; tệp: bc.docx; "
	     "định dạng: docx; mã kiểm tra SHA-256: ab12");
	says("mail", "mail:btg@example.vn", NULL,
	     "{\"to\":\"btg@example.vn\",\"unit\":\"tu-btg\",\"file\":\"cv.pdf\",\"sha256\":\"cd\","
	     "\"status\":\"sent\"}",
	     "gửi đến: btg@example.vn; đơn vị: Ban Tuyên giáo Tỉnh ủy; tệp: cv.pdf; "
	     "mã kiểm tra SHA-256: cd; kết quả gửi: đã gửi");
	says("report-text", "text:tu:2026:han-che", "{\"text\":\"Cũ\"}",
	     "{\"unit\":\"tu\",\"period\":\"2026-Q3\",\"section\":\"han-che\",\"text\":\"Mới\"}",
	     "đơn vị: Tỉnh ủy Sơn Hà; kỳ: quý III năm 2026; phần: Hạn chế, khuyết điểm và nguyên "
	     "nhân; nội dung: Cũ → Mới");
}

Test(audit_text, objects_in_words)
{
	struct audit_names *n = audit_names_new(names_h);
	struct txn *t = fx_read();
	struct {
		const char *object;
		int brief;
		const char *want;
	} cases[] = {
		{"task:12", 0, "nhiệm vụ #12"},
		{"task:12", 1, "NV #12"},
		{fmt("doc:%llu", (unsigned long long)d_numbered), 0,
		 fmt("văn bản 42-KH/ThU (#%llu)", (unsigned long long)d_numbered)},
		{fmt("doc:%llu", (unsigned long long)d_numbered), 1, "VB 42-KH/ThU"},
		{fmt("doc:%llu", (unsigned long long)d_bare), 1, fmt("VB #%llu", (unsigned long long)d_bare)},
		{"doc:999", 0, "văn bản #999"},
		{"unit:tu-btg", 0, "đơn vị Ban Tuyên giáo Tỉnh ủy"},
		{"unit:h1-btc", 0, "đơn vị Ban Tổ chức Huyện ủy (h1-btc)"},
		{"indicator:11", 0, "chỉ tiêu #11"},
		{"store", 0, "kho"},
		{"out:01-BC/TU", 0, "văn bản đi 01-BC/TU"},
		{"mail:a@b.vn", 0, "thư gửi a@b.vn"},
		{"text:tu:2026:kien-nghi", 0, "Kiến nghị, đề xuất — Tỉnh ủy Sơn Hà, năm 2026"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = audit_object_text(n, t, cases[i].object, cases[i].brief);
		cr_assert_str_eq(s, cases[i].want, "%s", cases[i].object);
		free(s);
	}
	store_read_end(t);
	audit_names_free(n);
}

Test(audit_text, without_names_ids_stay_readable)
{
	struct audit a = {0};
	strcpy(a.action, "move-task");
	strcpy(a.object, "task:5");
	a.before = "{\"doc\":1,\"lead\":4}";
	a.after = "{\"doc\":2,\"lead\":0}";
	char *s = audit_text(NULL, NULL, &a, 0);
	cr_assert_str_eq(s, "văn bản: #1 → #2; chủ trì: đơn vị #4 → (chưa gắn)");
	free(s);
}

Test(audit_text, safe_for_a_terminal_and_cut)
{
	char *s = tell("update", "task:1", NULL, "{\"note\":\"a\\u001b[31mđỏ\\u0007 b\"}");
	cr_assert_null(strchr(s, '\033'), "%s", s);
	cr_assert_null(strchr(s, '\007'), "%s", s);
	free(s);
	s = tell_cut("update", "task:1", NULL, "{\"note\":\"Đã tổng hợp báo cáo sơ kết\"}", 10);
	cr_assert_str_eq(s, "ghi chú: Đã tổng h…");
	free(s);
	/* not JSON: shown as it is, made safe */
	s = tell("update", "task:1", "cũ\033[2J", "mới");
	cr_assert(!strchr(s, '\033') && strstr(s, "cũ") && strstr(s, " → mới"), "%s", s);
	free(s);
	/* a key of a later release: named as stored rather than dropped */
	s = tell("update", "task:1", NULL, "{\"new_field\":\"x\"}");
	cr_assert_str_eq(s, "new_field: x");
	free(s);
}

Test(audit_text, note_times)
{
	char buf[32];
	json_t *s = json_string("2026-12-07T01:07:04");
	cr_assert_str_eq(audit_note_time(s, buf, sizeof buf), "07/12/2026 01:07:04");
	json_decref(s);
	cr_assert_str_eq(audit_note_time(NULL, buf, sizeof buf), "");
}

Test(audit_text, every_action_written_has_a_vietnamese_name)
{
	/* the actions of every audit write of the program (grep ops_audit,
	 * store_audit_add) */
	static const char *const actions[] = {
		"update", "extend", "extend-request", "extend-grant", "extend-refuse", "confirm",
		"return", "add-doc", "add-task", "import", "import-json", "restore", "repair",
		"measure", "unit.sync", "unit.handover", "demo", "init", "edit-doc", "edit-task",
		"move-task", "delete-doc", "delete-task", "restore-doc", "restore-task", "link",
		"expand-task", "report-text", "issue", "mail",
	};
	for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++)
		cr_assert_str_neq(audit_action_label(actions[i]), actions[i], "%s", actions[i]);
}
