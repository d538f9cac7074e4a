/* test_docout.c — the description of a document (docout.h) and feeding a
 * child its input (subproc_feed). */
#include <criterion/criterion.h>
#include <signal.h>
#include <sys/wait.h>
#include <string.h>

#include "docout.h"
#include "subproc.h"
#include "util.h"

static struct docout_sender tu(void)
{
	struct docout_sender s;
	memset(&s, 0, sizeof s);
	strcpy(s.superior, "ĐẢNG BỘ TỈNH SƠN HÀ");
	strcpy(s.issuer, "TỈNH ỦY");
	strcpy(s.symbol, "TU");
	strcpy(s.place, "Sơn Hà");
	strcpy(s.authority, "T/M BAN THƯỜNG VỤ");
	strcpy(s.office, "Văn phòng Tỉnh ủy");
	return s;
}

Test(docout, formats_parse_and_name_their_extension)
{
	cr_assert_eq(docout_format_parse("docx"), DF_DOCX);
	cr_assert_eq(docout_format_parse("odt"), DF_ODT);
	cr_assert_eq(docout_format_parse("pdf"), DF_PDF);
	cr_assert_eq(docout_format_parse("doc"), -1);
	cr_assert_eq(docout_format_parse(NULL), -1);
	cr_assert_str_eq(docout_format_key(DF_ODT), "odt");
}

Test(docout, draft_leaves_room_for_the_number_and_dates_at_the_place)
{
	struct docout_sender s = tu();
	json_t *j = docout_new(&s, "BC", "BÁO CÁO", "Kết quả", date_make(2026, 11, 23), 1);
	cr_assert(json_is_true(json_object_get(j, "draft")));
	cr_assert_str_eq(json_string_value(json_object_get(j, "number")), "Số       -BC/TU");
	cr_assert_str_eq(json_string_value(json_object_get(j, "place_date")),
	                 "Sơn Hà, ngày 23 tháng 11 năm 2026");
	cr_assert_str_eq(json_string_value(json_object_get(j, "issuer")), "TỈNH ỦY");
	json_t *sign = json_object_get(j, "sign");
	cr_assert_str_eq(json_string_value(json_object_get(sign, "authority")), "T/M BAN THƯỜNG VỤ");
	json_decref(j);
}

Test(docout, issued_number_has_no_gap_and_no_place_says_ngay)
{
	struct docout_sender s = tu();
	s.place[0] = '\0';
	json_t *j = docout_new(&s, "CV", NULL, "V/v đôn đốc", date_make(2026, 1, 5), 0);
	cr_assert_str_eq(json_string_value(json_object_get(j, "number")), "Số -CV/TU");
	cr_assert_str_eq(json_string_value(json_object_get(j, "place_date")), "Ngày 05 tháng 01 năm 2026");
	cr_assert_str_eq(json_string_value(json_object_get(j, "kind")), "");
	json_decref(j);
}

Test(docout, paragraph_lines_become_paragraphs_and_controls_go)
{
	struct docout_sender s = tu();
	json_t *j = docout_new(&s, "BC", "BÁO CÁO", "x", date_make(2026, 1, 5), 1);
	docout_para(j, "một\nhai\x1b[31m\n\nba", 1);
	json_t *body = json_object_get(j, "body");
	cr_assert_eq(json_array_size(body), 3);
	cr_assert_str_eq(json_string_value(json_object_get(json_array_get(body, 0), "p")), "một");
	const char *two = json_string_value(json_object_get(json_array_get(body, 1), "p"));
	cr_assert_null(strchr(two, 0x1b), "escape kept: %s", two);
	cr_assert(json_is_true(json_object_get(json_array_get(body, 2), "num")));
	json_decref(j);
}

Test(docout, table_rows_have_the_width_of_the_head)
{
	struct docout_sender s = tu();
	json_t *j = docout_new(&s, "BC", "BÁO CÁO", "x", date_make(2026, 1, 5), 1);
	const char *head[] = {"A", "B"};
	json_t *rows = docout_table(j, head, NULL, 2);
	const char *cells[] = {"1", NULL};
	docout_row(rows, cells, 2);
	json_t *t = json_object_get(json_array_get(json_object_get(j, "body"), 0), "table");
	cr_assert_eq(json_array_size(json_object_get(t, "head")), 2);
	cr_assert_str_eq(json_string_value(json_array_get(json_array_get(json_object_get(t, "rows"), 0), 1)), "");
	json_decref(j);
}

Test(subproc, feed_sends_the_input_to_the_child)
{
	char *argv[] = {"cat", NULL};
	struct sbuf out = {0};
	struct subproc_result r;
	struct err e = {0};
	size_t n = 300000; /* more than a pipe holds */
	char *in = xmalloc(n);
	for (size_t i = 0; i < n; i++)
		in[i] = (char)('a' + i % 26);
	cr_assert_eq(subproc_feed(argv, in, n, 30, n + 1, "cat", &out, &r, &e), 0, "%s", e.msg);
	cr_assert_eq(out.len, n);
	cr_assert_eq(memcmp(out.s, in, n), 0);
	free(in);
	sbuf_free(&out);
}

Test(subproc, child_that_does_not_read_is_no_sigpipe)
{
	char *argv[] = {"true", NULL};
	struct sbuf out = {0};
	struct subproc_result r;
	struct err e = {0};
	size_t n = 1 << 20;
	char *in = xcalloc(n, 1);
	cr_assert_eq(subproc_feed(argv, in, n, 30, 1024, "true", &out, &r, &e), 0, "%s", e.msg);
	cr_assert(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0);
	/* still alive, and SIGPIPE no longer pending or blocked */
	sigset_t cur;
	sigprocmask(SIG_SETMASK, NULL, &cur);
	cr_assert_not(sigismember(&cur, SIGPIPE));
	free(in);
	sbuf_free(&out);
}

#include "sha256.h"

static void digest(const char *s, char hex[65])
{
	struct sha256 h;
	sha256_init(&h);
	sha256_add(&h, s, strlen(s));
	sha256_hex(&h, hex);
}

Test(sha256, known_answers)
{
	char hex[65];
	digest("", hex);
	cr_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	digest("abc", hex);
	cr_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", hex);
	cr_assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

Test(sha256, pieces_give_the_digest_of_the_whole)
{
	char a[65], b[65];
	char big[1000];
	memset(big, 'a', sizeof big);
	struct sha256 h;
	sha256_init(&h);
	for (int i = 0; i < 1000; i++)
		sha256_add(&h, big, sizeof big); /* one million 'a' */
	sha256_hex(&h, a);
	cr_assert_str_eq(a, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	sha256_init(&h);
	sha256_add(&h, "ab", 2);
	sha256_add(&h, "c", 1);
	sha256_hex(&h, b);
	digest("abc", a);
	cr_assert_str_eq(a, b);
}

#include "mail.h"

Test(mail, addresses_that_could_add_a_header_or_an_option_are_refused)
{
	cr_assert(mail_address_ok("vanphong@tinhuy-sonha.example"));
	cr_assert(mail_address_ok("a.b+c@x.vn"));
	const char *bad[] = {"", "a", "@x.vn", "a@", "a@@x.vn", "a b@x.vn", "a@x.vn\nBcc: z@y.vn",
	                     "-oQ@x.vn>", "<a@x.vn>", "\"a\"@x.vn", "a@-x.vn", "a@x-.vn", "a@x..vn",
	                     ".a@x.vn", "a.@x.vn", "a..b@x.vn", "a@x.vn.", "nguyễn@x.vn", NULL};
	for (int i = 0; bad[i]; i++)
		cr_assert_not(mail_address_ok(bad[i]), "accepted: %s", bad[i]);
}

Test(mail, message_carries_the_document_and_an_encoded_subject)
{
	struct sbuf m = {0};
	mail_build(&m, "vp@x.vn", "btg@x.vn", "Công văn đôn đốc", "Nội dung", "PK\x03\x04", 4,
	           "thư đôn đốc.docx", mail_mime_of("a.docx"));
	cr_assert(strstr(m.s, "To: btg@x.vn\r\n"));
	cr_assert(strstr(m.s, "From: vp@x.vn\r\n"));
	cr_assert(strstr(m.s, "Subject: =?UTF-8?B?Q8O0bmcgdsSDbiDEkcO0biDEkeG7kWM=?="), "%s", m.s);
	cr_assert(strstr(m.s, "filename*=UTF-8''th%C6%B0%20%C4%91%C3%B4n%20%C4%91%E1%BB%91c.docx"), "%s", m.s);
	cr_assert(strstr(m.s, "UEsDBA==\r\n"), "attachment not base64: %s", m.s);
	cr_assert(strstr(m.s, "wordprocessingml.document"));
	sbuf_free(&m);
}
