/* Tests of config.c, config-units.c and config-ini.c: theodoi.ini and
 * units.ini, their defaults, every error kind with its file:line, the
 * search order and the shipped files.  Run from the repository root. */
#include <criterion/criterion.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "util.h"

#define D "tests/data/config/"

static const char *load_error(const char *path)
{
	static char buf[1024];
	struct config c;
	struct err e = {0};
	int rc = cfg_load(path, &c, &e);

	cfg_free(&c);
	cr_assert_eq(rc, ERR_CONFIG, "%s loaded (rc %d)", path, rc);
	return err_str(&e, buf, sizeof buf);
}

/* units.ini errors: a configuration without users, pointed at the file. */
static const char *units_error(const char *units)
{
	static char buf[1024];
	struct config c;
	struct err e = {0};
	int rc;

	cr_assert_eq(cfg_load(D "empty.ini", &c, &e), 0, "%s", e.msg);
	str_copy(c.units_path, units, sizeof c.units_path);
	rc = cfg_load_units(&c, &e);
	cr_assert_eq(rc, ERR_CONFIG, "%s loaded (rc %d)", units, rc);
	cr_assert_eq(c.nunits, 0, "a failed load keeps no units");
	cfg_free(&c);
	return err_str(&e, buf, sizeof buf);
}

static void load_ok(const char *path, struct config *c)
{
	struct err e = {0};
	char buf[1024];

	cr_assert_eq(cfg_load(path, c, &e), 0, "%s", err_str(&e, buf, sizeof buf));
}

static void units_ok(struct config *c)
{
	struct err e = {0};
	char buf[1024];

	cr_assert_eq(cfg_load_units(c, &e), 0, "%s", err_str(&e, buf, sizeof buf));
}

/* ---- defaults and values --------------------------------------------- */

Test(config, empty_file_gives_every_default)
{
	struct config c;

	load_ok(D "empty.ini", &c);
	cr_assert_str_eq(c.path, D "empty.ini");
	cr_assert_str_eq(c.units_path, D "units.ini");
	cr_assert_str_eq(c.store, D "theodoi-store", "the default, next to the ini");
	cr_assert_eq(c.periods.months, 1u << 11, "December only");
	cr_assert_eq(c.soon_days, 14);
	cr_assert_eq(c.unmapped_can_read, 1);
	cr_assert_eq(c.extend, CFG_EXTEND_MONITORS, "the monitoring office grants extensions");
	cr_assert_eq(c.confirm_done, 0);
	cr_assert_eq(c.nusers, 0);
	cr_assert_eq(c.nunits, 0);
	cfg_free(&c);
}

Test(config, every_key_is_read)
{
	struct config c;
	const struct cfg_user *u;

	load_ok(D "full.ini", &c);
	cr_assert_str_eq(c.store, D "data/store", "relative to the ini's directory");
	cr_assert_str_eq(c.units_path, D "units.ini");
	cr_assert_eq(c.periods.months, (1u << 2) | (1u << 5) | (1u << 8) | (1u << 11));
	cr_assert_eq(c.soon_days, 10, "decimal, never octal");
	cr_assert_eq(c.unmapped_can_read, 0);
	cr_assert_eq(c.extend, CFG_EXTEND_ADMINS, "the old editors_extend = no: admins only");
	cr_assert_eq(c.confirm_done, 1);
	cr_assert_eq(c.nusers, 3);
	u = cfg_user(&c, "Hoa.BTC");
	cr_assert_not_null(u, "the login keeps its case");
	cr_assert_str_eq(u->unit, "u-btc");
	cr_assert_eq(u->role, ROLE_EDITOR);
	cr_assert_eq(u->line, 18);
	u = cfg_user(&c, "lan");
	cr_assert_not_null(u);
	cr_assert_eq(u->role, ROLE_ADMIN, "a Vietnamese role label is accepted");
	cr_assert_null(cfg_user(&c, "nobody"));
	cfg_free(&c);
}

Test(config, repeated_section_adds_to_the_first)
{
	struct config c;

	load_ok(D "repeated-section.ini", &c);
	cr_assert_eq(c.periods.months, 1u << 5);
	cr_assert_eq(c.soon_days, 21);
	cr_assert_eq(c.nusers, 2);
	cr_assert_eq(cfg_user(&c, "lan")->role, ROLE_VIEWER);
	cr_assert_eq(cfg_user(&c, "lan")->line, 12);
	cfg_free(&c);
}

Test(config, absolute_store_path_is_kept)
{
	char dir[] = "/tmp/theodoi-cfg-XXXXXX", path[PATH_MAX];
	struct config c;
	FILE *f;

	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/theodoi.ini", dir);
	f = fopen(path, "w");
	fputs("[store]\npath = /var/lib/theodoi\n", f);
	fclose(f);
	load_ok(path, &c);
	cr_assert_str_eq(c.store, "/var/lib/theodoi");
	cfg_free(&c);
	unlink(path);
	rmdir(dir);
}

Test(config, empty_store_path_means_the_default)
{
	char dir[] = "/tmp/theodoi-cfg-XXXXXX", path[PATH_MAX], expect[PATH_MAX];
	struct config c;
	FILE *f;

	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/theodoi.ini", dir);
	f = fopen(path, "w");
	fputs("[store]\npath =\n", f);
	fclose(f);
	load_ok(path, &c);
	snprintf(expect, sizeof expect, "%s/theodoi-store", dir);
	cr_assert_str_eq(c.store, expect);
	cfg_free(&c);
	unlink(path);
	rmdir(dir);
}

Test(config, ini_in_the_working_directory_resolves_paths_plainly)
{
	char dir[] = "/tmp/theodoi-cfg-XXXXXX";
	struct config c;
	FILE *f;

	cr_assert_not_null(mkdtemp(dir));
	cr_assert_eq(chdir(dir), 0);
	f = fopen("theodoi.ini", "w");
	fputs("[paths]\nunits = don-vi.ini\n", f);
	fclose(f);
	load_ok("theodoi.ini", &c);
	cr_assert_str_eq(c.units_path, "don-vi.ini");
	cr_assert_str_eq(c.store, "theodoi-store");
	cfg_free(&c);
	unlink("theodoi.ini");
	rmdir(dir);
}

Test(config, continued_line_counts_from_its_first_line)
{
	/* report_months spans lines 2-3; the bad value is on line 5 */
	cr_assert_str_eq(load_error(D "continued.ini"),
			 D "continued.ini:5: unmapped: giá trị không hợp lệ: 'nothing' "
			   "(cần read hoặc none)");
}

/* ---- theodoi.ini errors ---------------------------------------------- */

Test(config, missing_file_is_an_error)
{
	struct config c;
	struct err e = {0};

	cr_assert_eq(cfg_load(D "no-such.ini", &c, &e), ERR_CONFIG);
	cr_assert_str_eq(e.file, D "no-such.ini");
	cfg_free(&c);
}

Test(config, unknown_section_names_its_line)
{
	cr_assert_str_eq(load_error(D "unknown-section.ini"),
			 D "unknown-section.ini:4: mục không xác định: [stor] (có các mục store, "
			   "paths, tracking, access, users, mail)");
}

Test(config, unknown_key_names_its_line)
{
	cr_assert_str_eq(load_error(D "unknown-key.ini"),
			 D "unknown-key.ini:3: khóa không xác định trong mục [tracking]: "
			   "'due_days'");
}

Test(config, bad_number_names_its_line)
{
	cr_assert_str_eq(load_error(D "bad-number.ini"),
			 D "bad-number.ini:3: due_soon_days: số ngày không hợp lệ: '14 ngày' "
			   "(cần số nguyên từ 0 đến 365)");
}

Test(config, number_out_of_range_is_an_error)
{
	cr_assert_str_eq(load_error(D "bad-number-range.ini"),
			 D "bad-number-range.ini:2: due_soon_days: số ngày không hợp lệ: '-1' "
			   "(cần số nguyên từ 0 đến 365)");
}

Test(config, bad_role_names_its_line)
{
	cr_assert_str_eq(load_error(D "bad-role.ini"),
			 D "bad-role.ini:3: vai trò không hợp lệ: 'boss' (cần viewer, editor "
			   "hoặc admin)");
}

Test(config, bad_report_month_names_its_line)
{
	cr_assert_str_eq(load_error(D "bad-month.ini"),
			 D "bad-month.ini:3: report_months: tháng báo cáo không hợp lệ: '13' "
			   "(cần các số từ 1 đến 12, cách nhau bằng dấu phẩy)");
}

Test(config, user_line_without_role_is_malformed)
{
	cr_assert_str_eq(load_error(D "user-malformed.ini"),
			 D "user-malformed.ini:4: dòng người dùng sai dạng: 'minh = u-btc' "
			   "(cần 'tài khoản = mã đơn vị, vai trò')");
}

Test(config, user_line_with_three_fields_is_malformed)
{
	cr_assert_str_eq(load_error(D "user-extra-field.ini"),
			 D "user-extra-field.ini:2: dòng người dùng sai dạng: 'minh = u-btc, "
			   "editor, admin' (cần 'tài khoản = mã đơn vị, vai trò')");
}

Test(config, login_with_space_is_rejected)
{
	cr_assert_str_eq(load_error(D "user-bad-login.ini"),
			 D "user-bad-login.ini:2: tên đăng nhập không hợp lệ: 'minh nguyen' "
			   "(chữ ASCII, số, '.', '_', '-'; tối đa 32 ký tự)");
}

Test(config, bad_boolean_is_an_error_not_a_first_letter_guess)
{
	cr_assert_str_eq(load_error(D "bad-bool.ini"),
			 D "bad-bool.ini:3: editors_extend: giá trị không hợp lệ: 'nope' "
			   "(cần yes hoặc no)");
}

/* A theodoi.ini of one [access] section with these lines, loaded. */
static int load_access(const char *lines, struct config *c, char *err, size_t len)
{
	char dir[] = "/tmp/theodoi-cfg-XXXXXX", path[PATH_MAX];
	struct err e = {0};
	FILE *f;
	int rc;

	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/theodoi.ini", dir);
	f = fopen(path, "w");
	fprintf(f, "[access]\n%s\n", lines);
	fclose(f);
	rc = cfg_load(path, c, &e);
	err_str(&e, err, len);
	unlink(path);
	rmdir(dir);
	return rc;
}

Test(config, access_extend_names_who_grants_and_wins_over_editors_extend)
{
	static const struct {
		const char *lines;
		int extend;
	} cases[] = {
		{"extend = monitors", CFG_EXTEND_MONITORS},
		{"extend = editors", CFG_EXTEND_EDITORS},
		{"extend = Admins", CFG_EXTEND_ADMINS},
		{"editors_extend = yes", CFG_EXTEND_EDITORS},
		{"editors_extend = no", CFG_EXTEND_ADMINS},
		{"editors_extend = yes\nextend = monitors", CFG_EXTEND_MONITORS},
		{"extend = monitors\neditors_extend = yes", CFG_EXTEND_MONITORS},
		{"extend = admins\neditors_extend = yes", CFG_EXTEND_ADMINS},
	};
	char err[1024];
	struct config c;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cr_assert_eq(load_access(cases[i].lines, &c, err, sizeof err), 0, "%s", err);
		cr_assert_eq(c.extend, cases[i].extend, "case %zu: %s", i, cases[i].lines);
		cfg_free(&c);
	}
	cr_assert_eq(load_access("extend = units", &c, err, sizeof err), ERR_CONFIG);
	cfg_free(&c);
	cr_assert(strstr(err, "theodoi.ini:2: extend: giá trị không hợp lệ: 'units'") &&
		  strstr(err, "monitors, editors hoặc admins"), "%s", err);
}

Test(config, bad_unmapped_access_is_an_error)
{
	cr_assert_str_eq(load_error(D "bad-unmapped.ini"),
			 D "bad-unmapped.ini:2: unmapped: giá trị không hợp lệ: 'write' "
			   "(cần read hoặc none)");
}

Test(config, repeated_key_names_both_lines)
{
	cr_assert_str_eq(load_error(D "duplicate-key.ini"),
			 D "duplicate-key.ini:4: khóa 'HOA.BTC' đã khai báo ở dòng 2");
}

Test(config, key_before_any_section_is_an_error)
{
	cr_assert_str_eq(load_error(D "key-outside.ini"),
			 D "key-outside.ini:2: khóa 'units' nằm ngoài mọi mục ([...])");
}

Test(config, syntax_error_names_its_line)
{
	cr_assert_str_eq(load_error(D "syntax-error.ini"),
			 D "syntax-error.ini:3: dòng không hợp lệ (cần [mục], khóa = giá trị "
			   "hoặc chú thích bắt đầu bằng ';'): 'this line has no equals sign'");
}

Test(config, line_over_iniparser_limit_names_its_line)
{
	cr_assert_str_eq(load_error(D "long-line.ini"),
			 D "long-line.ini:3: dòng quá dài: tối đa 1022 byte");
}

Test(config, line_at_iniparser_limit_loads)
{
	struct config c;

	load_ok(D "long-line-ok.ini", &c);
	cr_assert_eq(c.soon_days, 7);
	cfg_free(&c);
}

Test(config, continued_line_over_limit_names_the_line_that_overflows)
{
	cr_assert_str_eq(load_error(D "long-line-continued.ini"),
			 D "long-line-continued.ini:4: dòng quá dài (kể cả các dòng nối trước "
			   "nó): tối đa 1022 byte");
}

/* ---- units.ini ------------------------------------------------------- */

Test(config_units, small_hierarchy_loads_in_file_order)
{
	struct config c;

	load_ok(D "minimal.ini", &c);
	units_ok(&c);
	cr_assert_eq(c.nunits, 2);
	cr_assert_str_eq(c.units[0].code, "root");
	cr_assert_str_eq(c.units[0].name, "Tỉnh ủy Thử Nghiệm");
	cr_assert_str_eq(c.units[0].abbrevs, "Ban Thường vụ Tỉnh ủy, TU", "list tidied");
	cr_assert_eq(c.units[0].kind, UK_TINH_UY);
	cr_assert_str_eq(c.units[0].parent, "");
	cr_assert_eq(c.units[0].line, 2);
	cr_assert_str_eq(c.units[1].code, "u-btc");
	cr_assert_str_eq(c.units[1].parent, "root");
	cr_assert_eq(c.units[1].kind, UK_BAN);
	cr_assert_eq(c.units[1].line, 7);
	cr_assert_eq(cfg_unit(&c, "u-btc"), &c.units[1]);
	cr_assert_null(cfg_unit(&c, "u-btg"));
	cfg_free(&c);
}

Test(config_units, reloading_replaces_the_units)
{
	struct config c;

	load_ok(D "minimal.ini", &c);
	units_ok(&c);
	units_ok(&c);
	cr_assert_eq(c.nunits, 2);
	cfg_free(&c);
}

Test(config_units, parent_may_follow_its_children)
{
	struct config c;

	load_ok(D "empty.ini", &c);
	str_copy(c.units_path, D "units-forward-parent.ini", sizeof c.units_path);
	units_ok(&c);
	cr_assert_eq(c.nunits, 3);
	cr_assert_str_eq(c.units[0].parent, "mid");
	cfg_free(&c);
}

Test(config_units, decomposed_names_are_stored_composed)
{
	struct config c;

	load_ok(D "empty.ini", &c);
	str_copy(c.units_path, D "units-nfd.ini", sizeof c.units_path);
	units_ok(&c);
	cr_assert_str_eq(c.units[0].name, "Tỉnh ủy Sơn Hà");
	cr_assert_str_eq(c.units[0].abbrevs, "Ban Thường vụ");
	cfg_free(&c);
}

Test(config_units, quoted_value_keeps_semicolon_and_hash)
{
	struct config c;

	load_ok(D "empty.ini", &c);
	str_copy(c.units_path, D "units-quoted.ini", sizeof c.units_path);
	units_ok(&c);
	cr_assert_str_eq(c.units[0].name, "Ban A; Văn phòng # 2");
	cr_assert_str_eq(c.units[0].abbrevs, "BA", "an unquoted value ends at ';'");
	cr_assert_eq(c.units[0].kind, UK_TINH_UY, "and at '#'");
	cfg_free(&c);
}

Test(config_units, unknown_parent_names_its_line)
{
	cr_assert_str_eq(units_error(D "units-unknown-parent.ini"),
			 D "units-unknown-parent.ini:8: đơn vị cấp trên không tồn tại: 'huyen-x'");
}

Test(config_units, cycle_is_named_from_its_first_unit)
{
	cr_assert_str_eq(units_error(D "units-cycle.ini"),
			 D "units-cycle.ini:8: vòng lặp đơn vị cấp trên: c → a → b → c");
}

Test(config_units, unit_that_is_its_own_parent_is_a_cycle)
{
	cr_assert_str_eq(units_error(D "units-self-parent.ini"),
			 D "units-self-parent.ini:4: vòng lặp đơn vị cấp trên: root → root");
}

Test(config_units, codes_equal_ignoring_case_are_duplicates)
{
	cr_assert_str_eq(units_error(D "units-duplicate.ini"),
			 D "units-duplicate.ini:10: mã đơn vị trùng với mục ở dòng 5: [btc]");
}

Test(config_units, unknown_kind_names_its_line)
{
	cr_assert_str_eq(units_error(D "units-bad-kind.ini"),
			 D "units-bad-kind.ini:7: loại đơn vị không hợp lệ: 'phong_ban' (cần một "
			   "trong: trung_uong, tinh_uy, thanh_uy, huyen_uy, dang_uy_khoi, "
			   "dang_uy_co_so, chi_bo, ban, co_quan, to_chuc)");
}

Test(config_units, unknown_key_names_its_line)
{
	cr_assert_str_eq(units_error(D "units-unknown-key.ini"),
			 D "units-unknown-key.ini:4: khóa không xác định: 'short' (có các khóa "
			   "name, abbrevs, kind, parent, successor, place, superior, issuer, symbol, "
			   "sign_authority, sign_title, signer, recipients, email)");
}

Test(config_units, a_mail_address_that_is_not_one_names_its_line)
{
	const char *msg = units_error(D "units-bad-email.ini");
	cr_assert(strstr(msg, "units-bad-email.ini:4: email: địa chỉ thư không hợp lệ"), "%s", msg);
}

Test(config_units, document_keys_are_read_and_optional)
{
	struct config c;
	struct err e = {0};
	cr_assert_eq(cfg_load(D "empty.ini", &c, &e), 0, "%s", e.msg);
	str_copy(c.units_path, "conf/units.ini", sizeof c.units_path);
	units_ok(&c);
	const struct cfg_unit *tu = cfg_unit(&c, "tu"), *vp = cfg_unit(&c, "tu-vp"),
	                      *btc = cfg_unit(&c, "tu-btc");
	cr_assert_not_null(tu);
	cr_assert_str_eq(tu->doc[CFG_DOC_SIGNER], "Lê Văn Hòa");
	cr_assert_str_eq(tu->doc[CFG_DOC_TITLE], "PHÓ BÍ THƯ");
	cr_assert_not_null(strchr(tu->doc[CFG_DOC_RECIPIENTS], '|'));
	cr_assert_str_eq(vp->doc[CFG_DOC_AUTHORITY], "T/L BAN THƯỜNG VỤ");
	cr_assert_str_eq(vp->doc[CFG_DOC_EMAIL], "vanphong@tinhuy-sonha.example");
	for (int k = 0; k < CFG_DOC_NKEYS; k++)
		cr_assert_null(btc->doc[k], "tu-btc has %s", cfg_doc_key_name((enum cfg_doc_key)k));
	cfg_free(&c);
}

Test(config_units, missing_name_names_the_section)
{
	cr_assert_str_eq(units_error(D "units-missing-name.ini"),
			 D "units-missing-name.ini:5: đơn vị [a] thiếu khóa name (tên đơn vị)");
}

Test(config_units, missing_kind_names_the_section)
{
	cr_assert_str_eq(units_error(D "units-missing-kind.ini"),
			 D "units-missing-kind.ini:5: đơn vị [a] thiếu khóa kind (loại đơn vị)");
}

Test(config_units, unknown_successor_names_its_line)
{
	cr_assert_str_eq(units_error(D "units-successor-unknown.ini"),
			 D "units-successor-unknown.ini:9: đơn vị kế thừa không tồn tại: 'new'");
}

Test(config_units, unit_cannot_succeed_itself)
{
	cr_assert_str_eq(units_error(D "units-successor-self.ini"),
			 D "units-successor-self.ini:9: đơn vị kế thừa không thể là chính nó: "
			   "'old'");
}

Test(config_units, successor_cycle_is_an_error)
{
	cr_assert_str_eq(units_error(D "units-successor-cycle.ini"),
			 D "units-successor-cycle.ini:9: vòng lặp đơn vị kế thừa: x → y → x");
}

Test(config_units, code_outside_ascii_set_is_rejected)
{
	cr_assert_str_eq(units_error(D "units-bad-code.ini"),
			 D "units-bad-code.ini:5: mã đơn vị không hợp lệ: [ban-tổ-chức] (1 đến "
			   "31 ký tự: chữ ASCII, số, '.', '_', '-')");
}

Test(config_units, file_without_units_is_an_error)
{
	cr_assert_str_eq(units_error(D "units-empty.ini"),
			 D "units-empty.ini: tệp đơn vị không khai báo đơn vị nào");
}

Test(config_units, invalid_utf8_names_its_line)
{
	cr_assert_str_eq(units_error(D "units-bad-utf8.ini"),
			 D "units-bad-utf8.ini:2: name: không phải văn bản UTF-8 hợp lệ (ký tự "
			   "thứ 2)");
}

Test(config_units, long_line_is_reported_before_iniparser_sees_it)
{
	cr_assert_str_eq(units_error(D "units-long-line.ini"),
			 D "units-long-line.ini:4: dòng quá dài: tối đa 1022 byte");
}

Test(config_units, missing_units_file_is_an_error)
{
	const char *msg = units_error(D "no-such-units.ini");

	cr_assert(strncmp(msg, D "no-such-units.ini: không mở được tệp cấu hình",
			  strlen(D "no-such-units.ini: không mở được tệp cấu hình")) == 0, "%s", msg);
}

Test(config_units, user_of_missing_unit_names_the_line_in_theodoi_ini)
{
	struct config c;
	struct err e = {0};
	char buf[1024];

	load_ok(D "user-missing-unit.ini", &c);
	cr_assert_eq(cfg_load_units(&c, &e), ERR_CONFIG);
	cr_assert_str_eq(err_str(&e, buf, sizeof buf),
			 D "user-missing-unit.ini:6: tài khoản 'minh' gắn với đơn vị không có "
			   "trong units.ini: 'u-btg'");
	cfg_free(&c);
}

/* ---- the shipped files ----------------------------------------------- */

Test(config_shipped, conf_files_load_cleanly)
{
	struct config c;
	const struct cfg_user *root;
	int i, roots = 0;

	load_ok("conf/theodoi.ini", &c);
	cr_assert_str_eq(c.units_path, "conf/units.ini");
	units_ok(&c);
	cr_assert_geq(c.nunits, 50);
	root = cfg_user(&c, "root");
	cr_assert_not_null(root, "make run as root works");
	cr_assert_eq(root->role, ROLE_ADMIN);
	for (i = 0; i < c.nunits; i++)
		roots += c.units[i].parent[0] == '\0';
	cr_assert_eq(roots, 1, "one root: the central committee");
	cr_assert_str_eq(c.units[0].code, "tw");
	cr_assert_not_null(cfg_unit(&c, "ttu-cbbv"));
	cr_assert_str_eq(cfg_unit(&c, "hkl-btc")->name, "Ban Tổ chức Huyện ủy Kim Lâm");
	cr_assert_str_eq(cfg_unit(&c, "duk")->parent, "tu");
	cfg_free(&c);
}

/* ---- search order ---------------------------------------------------- */

/* Remove a test's mkdtemp directory and what it holds. */
static void remove_tree(const char *dir)
{
	char cmd[PATH_MAX + 16];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd))
		cr_log_warn("could not remove %s", dir);
}

static void write_file(const char *path)
{
	FILE *f = fopen(path, "w");

	cr_assert_not_null(f, "%s", path);
	fputs("[tracking]\n", f);
	fclose(f);
}

Test(config_find, option_wins_over_everything)
{
	char out[PATH_MAX];

	setenv("THEODOI_CONFIG", D "full.ini", 1);
	cr_assert_eq(cfg_find(D "empty.ini", out, sizeof out, NULL), 0);
	cr_assert_str_eq(out, D "empty.ini");
}

Test(config_find, missing_option_file_is_an_error)
{
	char out[PATH_MAX];
	struct err e = {0};

	cr_assert_eq(cfg_find(D "no-such.ini", out, sizeof out, &e), ERR_CONFIG);
	cr_assert_str_eq(e.msg, "không tìm thấy tệp cấu hình (--config): " D "no-such.ini");
}

Test(config_find, environment_variable_comes_next)
{
	char dir[] = "/tmp/theodoi-cfg-XXXXXX", xdg[PATH_MAX], out[PATH_MAX];

	cr_assert_not_null(mkdtemp(dir));
	snprintf(xdg, sizeof xdg, "%s/theodoi", dir);
	mkdir(xdg, 0700);
	strcat(xdg, "/theodoi.ini");
	write_file(xdg);
	setenv("XDG_CONFIG_HOME", dir, 1);
	setenv("THEODOI_CONFIG", D "full.ini", 1);
	cr_assert_eq(cfg_find(NULL, out, sizeof out, NULL), 0);
	cr_assert_str_eq(out, D "full.ini");
	remove_tree(dir);
}

Test(config_find, environment_variable_naming_a_missing_file_is_an_error)
{
	char out[PATH_MAX];
	struct err e = {0};

	setenv("THEODOI_CONFIG", "/nonexistent/theodoi.ini", 1);
	cr_assert_eq(cfg_find(NULL, out, sizeof out, &e), ERR_CONFIG);
	cr_assert_str_eq(e.msg, "không tìm thấy tệp cấu hình ($THEODOI_CONFIG): "
				"/nonexistent/theodoi.ini");
}

Test(config_find, xdg_config_home_comes_before_etc_and_conf)
{
	char dir[] = "/tmp/theodoi-cfg-XXXXXX", path[PATH_MAX], out[PATH_MAX];

	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/theodoi", dir);
	cr_assert_eq(mkdir(path, 0700), 0);
	strcat(path, "/theodoi.ini");
	write_file(path);
	unsetenv("THEODOI_CONFIG");
	setenv("XDG_CONFIG_HOME", dir, 1);
	cr_assert_eq(cfg_find(NULL, out, sizeof out, NULL), 0);
	cr_assert_str_eq(out, path);
	remove_tree(dir);
}

Test(config_find, home_config_is_used_without_xdg)
{
	char dir[] = "/tmp/theodoi-cfg-XXXXXX", path[PATH_MAX], out[PATH_MAX];

	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/.config", dir);
	cr_assert_eq(mkdir(path, 0700), 0);
	strcat(path, "/theodoi");
	cr_assert_eq(mkdir(path, 0700), 0);
	strcat(path, "/theodoi.ini");
	write_file(path);
	unsetenv("THEODOI_CONFIG");
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", dir, 1);
	cr_assert_eq(cfg_find(NULL, out, sizeof out, NULL), 0);
	cr_assert_str_eq(out, path);
	remove_tree(dir);
}

Test(config_find, falls_back_to_conf_in_the_working_directory)
{
	char dir[] = "/tmp/theodoi-cfg-XXXXXX", out[PATH_MAX];
	struct stat sb;

	if (stat("/etc/theodoi/theodoi.ini", &sb) == 0)
		cr_skip_test("/etc/theodoi/theodoi.ini exists on this machine");
	cr_assert_not_null(mkdtemp(dir));
	unsetenv("THEODOI_CONFIG");
	setenv("XDG_CONFIG_HOME", dir, 1); /* empty: nothing there */
	cr_assert_eq(cfg_find(NULL, out, sizeof out, NULL), 0);
	cr_assert_str_eq(out, "conf/theodoi.ini");
	remove_tree(dir);
}

Test(config_find, nothing_found_lists_where_it_looked)
{
	char dir[] = "/tmp/theodoi-cfg-XXXXXX", out[PATH_MAX], expect[2 * PATH_MAX];
	struct err e = {0};
	struct stat sb;

	if (stat("/etc/theodoi/theodoi.ini", &sb) == 0)
		cr_skip_test("/etc/theodoi/theodoi.ini exists on this machine");
	cr_assert_not_null(mkdtemp(dir));
	cr_assert_eq(chdir(dir), 0); /* no conf/ here */
	unsetenv("THEODOI_CONFIG");
	setenv("XDG_CONFIG_HOME", dir, 1);
	cr_assert_eq(cfg_find(NULL, out, sizeof out, &e), ERR_CONFIG);
	snprintf(expect, sizeof expect,
		 "không tìm thấy tệp cấu hình theodoi.ini; đã tìm: %s/theodoi/theodoi.ini, "
		 "/etc/theodoi/theodoi.ini, conf/theodoi.ini (chỉ định bằng --config hoặc "
		 "biến THEODOI_CONFIG)", dir);
	cr_assert_str_eq(e.msg, expect);
	remove_tree(dir);
}

/* ---- roles and stamp ------------------------------------------------- */

Test(config_roles, keys_labels_and_parsing_round_trip)
{
	enum role r;

	for (r = ROLE_NONE; r <= ROLE_ADMIN; r++) {
		cr_assert_eq(role_parse(role_key(r)), (int)r);
		cr_assert_eq(role_parse(role_label(r)), (int)r);
	}
	cr_assert_str_eq(role_label(ROLE_VIEWER), "chỉ xem");
	cr_assert_str_eq(role_label(ROLE_EDITOR), "cập nhật");
	cr_assert_str_eq(role_label(ROLE_ADMIN), "quản trị");
	cr_assert_str_eq(role_label(ROLE_NONE), "chưa đăng ký");
	cr_assert_eq(role_parse("ADMIN"), ROLE_ADMIN);
	cr_assert_eq(role_parse("quan tri"), ROLE_ADMIN, "without diacritics");
	cr_assert_eq(role_parse("boss"), -1);
	cr_assert_eq(role_parse(""), -1);
}

Test(config_stamp, changes_when_the_file_changes)
{
	char dir[] = "/tmp/theodoi-cfg-XXXXXX", a[64], b[64], c2[64];
	struct config c;
	FILE *f;

	cr_assert_not_null(mkdtemp(dir));
	memset(&c, 0, sizeof c);
	snprintf(c.units_path, sizeof c.units_path, "%s/units.ini", dir);
	f = fopen(c.units_path, "w");
	fputs("[a]\nname = A\nkind = ban\n", f);
	fclose(f);
	cr_assert_eq(cfg_units_stamp(&c, a, sizeof a, NULL), 0);
	cr_assert_eq(cfg_units_stamp(&c, b, sizeof b, NULL), 0);
	cr_assert_str_eq(a, b, "stable while the file is unchanged");
	f = fopen(c.units_path, "a");
	fputs("abbrevs = AA\n", f);
	fclose(f);
	cr_assert_eq(cfg_units_stamp(&c, c2, sizeof c2, NULL), 0);
	cr_assert_str_neq(a, c2);
	unlink(c.units_path);
	rmdir(dir);
}

Test(config_stamp, missing_file_is_an_error)
{
	struct config c;
	char buf[64];

	memset(&c, 0, sizeof c);
	str_copy(c.units_path, D "no-such-units.ini", sizeof c.units_path);
	cr_assert_eq(cfg_units_stamp(&c, buf, sizeof buf, NULL), ERR_CONFIG);
}

/* A theodoi.ini in a temporary directory with the given [store] and
 * [access] lines; the path into out. */
static void write_ini(char *out, size_t len, const char *body)
{
	char dir[] = "/tmp/theodoi-cfgval-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	snprintf(out, len, "%s/theodoi.ini", dir);
	FILE *f = fopen(out, "w");
	cr_assert_not_null(f);
	fputs(body, f);
	fclose(f);
}

Test(config, values_read_as_iniparser_reads_them)
{
	/* the values are taken from the bytes the scanner read (one read of
	 * the file): quotes keep ';' and '#', a trailing comment is cut, ""
	 * alone is empty, a quote left open runs to the end of the line */
	static const struct {
		const char *line, *store;
	} cases[] = {
		{"path = \"/a b;c#d\" ; comment\n", "/a b;c#d"},
		{"path = '/q#r'\n", "/q#r"},
		{"path = /x/y   ; comment\n", "/x/y"},
		{"path = /x/y#z\n", "/x/y"},
		{"path = \"/open\n", "/open"},
		{"path=/tight\n", "/tight"},
		{"path = /with \"inner\" quotes\n", "/with \"inner\" quotes"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char path[PATH_MAX], body[512];
		struct config c;
		struct err e = {0};
		snprintf(body, sizeof body, "[store]\n%s[access]\nunmapped = \"none\"\n", cases[i].line);
		write_ini(path, sizeof path, body);
		cr_assert_eq(cfg_load(path, &c, &e), 0, "%s: %s", cases[i].line, e.msg);
		cr_assert_str_eq(c.store, cases[i].store, "%s", cases[i].line);
		cr_assert_eq(c.unmapped_can_read, 0);
		cfg_free(&c);
		unlink(path);
		*strrchr(path, '/') = '\0';
		rmdir(path);
	}
	/* "" and '' alone are empty: the default store next to the file */
	char path[PATH_MAX], want[PATH_MAX + 32];
	struct config c;
	struct err e = {0};
	write_ini(path, sizeof path, "[store]\npath = \"\"\n");
	cr_assert_eq(cfg_load(path, &c, &e), 0, "%s", e.msg);
	snprintf(want, sizeof want, "%.*s/%s", (int)(strrchr(path, '/') - path), path,
	         CFG_STORE_DEFAULT);
	cr_assert_str_eq(c.store, want);
	cfg_free(&c);
	unlink(path);
	*strrchr(path, '/') = '\0';
	rmdir(path);
}

/* A lean load (CFG_LEAN, the hot commands) reads every file of
 * tests/data/config as the full load does: the same result, the same
 * message, the same values, quoted, continued, repeated sections and all. */
static void same_load(const char *path)
{
	struct config full, lean;
	struct err ef = {0}, el = {0};
	int rf = cfg_load(path, &full, &ef), rl = cfg_load_flags(path, CFG_LEAN, &lean, &el);

	cr_assert_eq(rl, rf, "%s: lean %d, full %d", path, rl, rf);
	cr_assert_str_eq(el.msg, ef.msg, "%s", path);
	cr_assert_eq(el.line, ef.line, "%s", path);
	if (!rf) {
		cr_assert_str_eq(lean.store, full.store, "%s", path);
		cr_assert_str_eq(lean.units_path, full.units_path, "%s", path);
		cr_assert_eq(lean.periods.months, full.periods.months, "%s", path);
		cr_assert_eq(lean.soon_days, full.soon_days, "%s", path);
		cr_assert_eq(lean.unmapped_can_read, full.unmapped_can_read, "%s", path);
		cr_assert_eq(lean.extend, full.extend, "%s", path);
		cr_assert_eq(lean.confirm_done, full.confirm_done, "%s", path);
		cr_assert_eq(lean.editors_edit, full.editors_edit, "%s", path);
		cr_assert_str_eq(lean.sendmail, full.sendmail, "%s", path);
		cr_assert_str_eq(lean.mail_from, full.mail_from, "%s", path);
		cr_assert_eq(lean.nmonitors, full.nmonitors, "%s", path);
		for (int i = 0; i < full.nmonitors; i++)
			cr_assert(!memcmp(&lean.monitors[i], &full.monitors[i], sizeof full.monitors[i]),
			          "%s: monitor %d", path, i);
		cr_assert_eq(lean.nusers, full.nusers, "%s", path);
		for (int i = 0; i < full.nusers; i++)
			cr_assert(!memcmp(&lean.users[i], &full.users[i], sizeof full.users[i]),
			          "%s: user %d", path, i);
	}
	cfg_free(&full);
	cfg_free(&lean);
}

Test(config, lean_load_reads_every_file_as_the_full_load)
{
	static const char *const files[] = {
		"bad-bool.ini", "bad-month.ini", "bad-number-range.ini", "bad-number.ini",
		"bad-role.ini", "bad-unmapped.ini", "continued.ini", "duplicate-key.ini",
		"empty.ini", "full.ini", "key-outside.ini", "long-line-continued.ini",
		"long-line-ok.ini", "long-line.ini", "minimal.ini", "repeated-section.ini",
		"syntax-error.ini", "unknown-key.ini", "unknown-section.ini", "user-bad-login.ini",
		"user-extra-field.ini", "user-malformed.ini", "user-missing-unit.ini",
		"../../../conf/theodoi.ini"};
	char path[PATH_MAX];
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(path, sizeof path, D "%s", files[i]);
		same_load(path);
	}
}

/* Quoted values, comments after values and a repeated [users] section, in
 * a file of its own: the lean load takes the values as iniparser does. */
Test(config, lean_load_takes_values_as_iniparser_does)
{
	char path[] = "/tmp/theodoi-lean-XXXXXX";
	int fd = mkstemp(path);
	cr_assert(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("[mail]\nsendmail = \"/opt/mta;1/sendmail\"\n[tracking]\nreport_months = 6, 12 ; comment\n"
	      "[users]\nan = tu, admin\n[store]\npath = 'kho dữ liệu'\n[users]\nbinh = tu, viewer\n",
	      f);
	fclose(f);
	struct config c;
	struct err e = {0};
	int rc = cfg_load_flags(path, CFG_LEAN, &c, &e);
	same_load(path);
	unlink(path);
	cr_assert_eq(rc, 0, "%s", e.msg);
	cr_assert_str_eq(c.sendmail, "/opt/mta;1/sendmail");
	cr_assert_eq(c.periods.months, (1u << 5) | (1u << 11));
	cr_assert_str_eq(strrchr(c.store, '/') + 1, "kho dữ liệu");
	cr_assert_eq(c.nusers, 2);
	cr_assert_str_eq(c.users[1].login, "binh");
	cfg_free(&c);
}
