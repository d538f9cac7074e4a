/* Tests for filekind.c: what a file is, from its first bytes. */
#include <criterion/criterion.h>

#include <string.h>

#include "filekind.h"

static enum filekind of(const char *s)
{
	return filekind_of((const unsigned char *)s, strlen(s));
}

Test(filekind, documents_and_exports_are_told_apart)
{
	cr_assert_eq(of(""), FK_EMPTY);
	cr_assert_eq(of(" \n\t"), FK_EMPTY);
	cr_assert_eq(of("{\"format\": \"theodoi-export\"}"), FK_JSON);
	cr_assert_eq(of("\xEF\xBB\xBF\n  [1, 2]"), FK_JSON);
	cr_assert_eq(of("PK\3\4rest"), FK_ZIP);
	cr_assert_eq(of("%PDF-1.4\n"), FK_PDF);
	cr_assert_eq(of("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1more"), FK_OLE);
	cr_assert_eq(of("KẾ HOẠCH\n1. Triển khai"), FK_TEXT);
	cr_assert_eq(of("\xff\xfe bad utf-8"), FK_OTHER);
	cr_assert_str_eq(filekind_command(FK_JSON), "theodoi import-json");
	cr_assert_str_eq(filekind_command(FK_PDF), "theodoi import");
	cr_assert_str_eq(filekind_command(FK_LMDB), "theodoi restore");
	cr_assert_null(filekind_command(FK_OTHER));
	cr_assert_null(filekind_command(FK_EMPTY));
}

Test(filekind, gzip_is_told_and_advised_to_unpack)
{
	static const unsigned char gz[] = {0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00};
	char buf[256];
	cr_assert_eq(filekind_of(gz, sizeof gz), FK_GZIP);
	cr_assert_str_eq(filekind_advice(FK_GZIP, "theodoi restore", buf, sizeof buf),
	                 "tệp này là tệp nén gzip, giải nén bằng gunzip rồi dùng theodoi restore");
	cr_assert_str_eq(filekind_advice(FK_TEXT, "theodoi import-json", buf, sizeof buf),
	                 "tệp này là văn bản thường, dùng theodoi import");
	cr_assert_null(filekind_advice(FK_OTHER, "theodoi restore", buf, sizeof buf));
	cr_assert_null(filekind_advice(FK_EMPTY, "theodoi restore", buf, sizeof buf));
}

Test(filekind, an_lmdb_meta_page_is_a_store)
{
	unsigned char page[64] = {0};
	page[16] = 0xDE, page[17] = 0xC0, page[18] = 0xEF, page[19] = 0xBE;
	cr_assert_eq(filekind_of(page, sizeof page), FK_LMDB);
	page[16] = 0;
	cr_assert_eq(filekind_of(page, sizeof page), FK_OTHER);
}

Test(filekind, a_character_cut_by_the_head_is_still_text)
{
	unsigned char head[FILEKIND_HEAD];
	memset(head, 'a', sizeof head);
	/* "ệ" is E1 BB 87: its first two bytes end the head */
	head[FILEKIND_HEAD - 2] = 0xE1;
	head[FILEKIND_HEAD - 1] = 0xBB;
	cr_assert_eq(filekind_of(head, sizeof head), FK_TEXT);
	/* the same bytes in a whole (short) file are not UTF-8 */
	cr_assert_eq(filekind_of(head, sizeof head - 1), FK_OTHER);
}
