/* Tests of the binary record encoding (codec.h) and of model.c. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "model.h"
#include "util.h"

static void part_none(struct dl_part *p)
{
	memset(p, 0, sizeof *p);
	p->due = DATE_NONE;
	p->start = DATE_NONE;
}

static void deadline_none(struct deadline *dl)
{
	part_none(&dl->d);
	dl->nparts = 0;
	for (int i = 0; i < DL_MAX_PARTS; i++)
		part_none(&dl->parts[i]);
}

static void assert_str_or_null(const char *a, const char *b)
{
	if (!b)
		cr_assert_null(a);
	else {
		cr_assert_not_null(a);
		cr_assert_str_eq(a, b);
	}
}

static void assert_part_eq(const struct dl_part *a, const struct dl_part *b)
{
	cr_assert_eq(a->kind, b->kind);
	cr_assert_str_eq(a->level, b->level);
	cr_assert_eq(a->due, b->due);
	cr_assert_eq(a->start, b->start);
	cr_assert_eq(a->month, b->month);
	cr_assert_eq(a->year, b->year);
	cr_assert_eq(a->every, b->every);
	cr_assert_str_eq(a->by, b->by);
	cr_assert_str_eq(a->ref, b->ref);
}

static void assert_task_eq(const struct task *a, const struct task *b)
{
	cr_assert_eq(a->id, b->id);
	cr_assert_eq(a->doc_id, b->doc_id);
	cr_assert_str_eq(a->section, b->section);
	cr_assert_eq(a->lead, b->lead);
	assert_str_or_null(a->lead_text, b->lead_text);
	cr_assert_eq(a->npartners, b->npartners);
	for (int i = 0; i < a->npartners; i++)
		cr_assert_eq(a->partners[i], b->partners[i]);
	assert_str_or_null(a->partners_text, b->partners_text);
	assert_str_or_null(a->text, b->text);
	assert_str_or_null(a->dl_phrase, b->dl_phrase);
	assert_part_eq(&a->dl.d, &b->dl.d);
	cr_assert_eq(a->dl.nparts, b->dl.nparts);
	for (int i = 0; i < a->dl.nparts; i++)
		assert_part_eq(&a->dl.parts[i], &b->dl.parts[i]);
	cr_assert_eq(a->extended_to, b->extended_to);
	cr_assert_eq(a->status, b->status);
	cr_assert_eq(a->progress, b->progress);
	cr_assert_eq(a->confirm, b->confirm);
	cr_assert_eq(a->start, b->start);
	cr_assert_eq(a->last_update, b->last_update);
	cr_assert_eq(a->done_date, b->done_date);
	cr_assert_eq(a->due, b->due);
	cr_assert_eq(a->nupdates, b->nupdates);
	cr_assert_eq(a->created, b->created);
}

/* A task with every field set, a multi-level deadline and long text.
 * Caller frees with task_free. */
static void sample_task(struct task *t)
{
	struct sbuf long_text = {0};

	memset(t, 0, sizeof *t);
	t->id = 1234567890123ULL;
	t->doc_id = 42;
	strcpy(t->section, "III.2.1#3");
	t->lead = 17;
	t->lead_text = xstrdup("Ban Tổ chức Tỉnh ủy");
	t->npartners = 3;
	t->partners = xcalloc(3, sizeof *t->partners);
	t->partners[0] = 1;
	t->partners[1] = 300;
	t->partners[2] = UINT32_MAX;
	t->partners_text = xstrdup("Ban Tuyên giáo; Văn phòng");
	for (int i = 0; i < 2000; i++)
		sbuf_puts(&long_text, "Triển khai thực hiện nghiêm túc, hiệu quả. ");
	t->text = sbuf_detach(&long_text);
	t->dl_phrase = xstrdup("cấp tỉnh tháng 12/2022; cấp huyện tháng 01/2023");
	deadline_none(&t->dl);
	t->dl.d.kind = DL_MULTI;
	strcpy(t->dl.d.ref, "52-CTr/TU");
	t->dl.nparts = 3;
	t->dl.parts[0].kind = DL_BY;
	strcpy(t->dl.parts[0].level, "tỉnh");
	t->dl.parts[0].due = date_make(2022, 12, 31);
	t->dl.parts[1].kind = DL_RANGE;
	strcpy(t->dl.parts[1].level, "huyện");
	t->dl.parts[1].start = date_make(2023, 1, 1);
	t->dl.parts[1].due = date_make(2023, 1, 31);
	t->dl.parts[2].kind = DL_AFTER_DIRECTIVE;
	strcpy(t->dl.parts[2].by, "Trung ương");
	t->dl.parts[2].year = 2023;
	t->dl.parts[2].month = 12;
	t->extended_to = date_make(2023, 6, 30);
	t->status = ST_IN_PROGRESS;
	t->progress = 55;
	t->confirm = CF_PENDING;
	t->start = date_make(1969, 12, 31); /* a negative day number */
	t->last_update = date_make(2023, 3, 1);
	t->done_date = DATE_NONE;
	t->due = date_make(2023, 6, 30);
	t->nupdates = 7;
	t->created = -5; /* negative times survive */
}

static size_t encode_task(const struct task *t, struct sbuf *b)
{
	cr_assert_eq(codec_task_encode(t, b, NULL), 0);
	return b->len;
}

Test(codec, task_round_trips_with_multi_deadline_and_long_text)
{
	struct task t, back;
	struct sbuf b = {0};
	struct err e = {0};

	sample_task(&t);
	encode_task(&t, &b);
	cr_assert_eq(codec_task_decode(b.s, b.len, &back, &e), 0, "%s", e.msg);
	assert_task_eq(&back, &t);
	task_free(&back);
	task_free(&t);
	sbuf_free(&b);
}

Test(codec, task_with_null_strings_and_no_partners_round_trips)
{
	struct task t, back;
	struct sbuf b = {0};

	memset(&t, 0, sizeof t);
	deadline_none(&t.dl);
	t.id = 1;
	t.extended_to = t.start = t.last_update = t.done_date = t.due = DATE_NONE;
	t.status = ST_DONE;
	encode_task(&t, &b);
	cr_assert_eq(codec_task_decode(b.s, b.len, &back, NULL), 0);
	assert_task_eq(&back, &t);
	cr_assert_null(back.partners);
	task_free(&back);
	sbuf_free(&b);
}

Test(codec, empty_string_differs_from_null)
{
	struct task t, back;
	struct sbuf b = {0};

	memset(&t, 0, sizeof t);
	deadline_none(&t.dl);
	t.text = xstrdup("");
	encode_task(&t, &b);
	cr_assert_eq(codec_task_decode(b.s, b.len, &back, NULL), 0);
	cr_assert_not_null(back.text);
	cr_assert_str_eq(back.text, "");
	cr_assert_null(back.lead_text);
	task_free(&back);
	task_free(&t);
	sbuf_free(&b);
}

Test(codec, task_encoding_is_compact)
{
	struct task t;
	struct sbuf b = {0};

	memset(&t, 0, sizeof t);
	deadline_none(&t.dl);
	t.id = 1000000;
	t.doc_id = 12;
	t.lead = 40;
	t.text = xstrdup("Rà soát");
	t.dl.d.kind = DL_BY;
	t.dl.d.due = date_make(2025, 12, 31);
	t.due = t.dl.d.due;
	t.extended_to = t.start = t.last_update = t.done_date = DATE_NONE;
	t.created = 1700000000;
	encode_task(&t, &b);
	cr_assert_lt(b.len, 48, "a small task takes %zu bytes", b.len);
	task_free(&t);
	sbuf_free(&b);
}

/* An ongoing task ("báo cáo hằng quý", no rhythm yet) as the release
 * before rhythms encoded it (commit 1948c53). */
static const unsigned char task_before_rhythms[] =
	"\x01\x07\x02\x00\x03\x00\x00\x00\x16\x42\xc3\xa1\x6f\x20\x63\xc3\xa1\x6f\x20\x68"
	"\xe1\xba\xb1\x6e\x67\x20\x71\x75\xc3\xbd\x16\x62\xc3\xa1\x6f\x20\x63\xc3\xa1\x6f"
	"\x20\x68\xe1\xba\xb1\x6e\x67\x20\x71\x75\xc3\xbd\x04\x00\x00\x00\x00\x00\x00\x00"
	"\x00\x00\x00\x00\x80\xc4\x9f\xd5\x0c";

static void task_before_rhythms_struct(struct task *t)
{
	memset(t, 0, sizeof *t);
	deadline_none(&t->dl);
	t->id = 7;
	t->doc_id = 2;
	t->lead = 3;
	t->text = xstrdup("Báo cáo hằng quý");
	t->dl_phrase = xstrdup("báo cáo hằng quý");
	t->dl.d.kind = DL_ONGOING;
	t->due = t->extended_to = t->start = t->last_update = t->done_date = DATE_NONE;
	t->created = 1700000000;
}

Test(codec, record_without_a_rhythm_is_read_and_written_as_before)
{
	struct task t, back;
	struct sbuf b = {0};
	struct err e = {0};
	size_t n = sizeof task_before_rhythms - 1;

	cr_assert_eq(codec_task_decode(task_before_rhythms, n, &back, &e), 0, "%s", e.msg);
	cr_assert_eq(back.dl.d.kind, DL_ONGOING);
	cr_assert_eq(back.dl.d.every, DL_EVERY_NONE);
	task_before_rhythms_struct(&t);
	assert_task_eq(&back, &t);
	/* written again it is a version 2 record: strings as dictionary
	 * strings (inline here: no dictionary), the rest byte for byte as
	 * before, a part without a rhythm included */
	encode_task(&t, &b);
	cr_assert_eq(b.s[0], 2);
	cr_assert_eq(b.len, n);
	cr_assert(memcmp(b.s + 1, task_before_rhythms + 1, 4) == 0, "ids, section, lead");
	cr_assert_eq((unsigned char)b.s[5], 0, "no lead as written");
	cr_assert_eq((unsigned char)b.s[6], 0, "no partners");
	cr_assert_eq((unsigned char)b.s[7], 0, "no partners as written");
	cr_assert(memcmp(b.s + 8, task_before_rhythms + 8, 22) == 0, "the text, inline as before");
	cr_assert_eq((unsigned char)b.s[30], 2 * (21 + 1), "the phrase inline: 2 * (length + 1)");
	cr_assert(memcmp(b.s + 31, task_before_rhythms + 31, n - 31) == 0);
	task_free(&t);
	task_free(&back);
	sbuf_free(&b);
}

Test(codec, rhythm_round_trips_in_the_whole_and_in_parts)
{
	struct task t, back;
	struct sbuf b = {0};
	struct err e = {0};

	task_before_rhythms_struct(&t);
	t.dl.d.every = DL_EVERY_QUARTER;
	encode_task(&t, &b);
	cr_assert_eq(codec_task_decode(b.s, b.len, &back, &e), 0, "%s", e.msg);
	cr_assert_eq(back.dl.d.every, DL_EVERY_QUARTER);
	assert_task_eq(&back, &t);
	task_free(&back);
	sbuf_free(&b);
	b = (struct sbuf){0};
	t.dl.d.kind = DL_MULTI;
	t.dl.d.every = 0;
	t.dl.nparts = 2;
	t.dl.parts[0].kind = DL_FROM;
	t.dl.parts[0].start = date_make(2024, 1, 1);
	t.dl.parts[0].every = DL_EVERY_MONTH;
	t.dl.parts[1].kind = DL_ONGOING;
	t.dl.parts[1].every = DL_EVERY_HALF;
	encode_task(&t, &b);
	cr_assert_eq(codec_task_decode(b.s, b.len, &back, &e), 0, "%s", e.msg);
	assert_task_eq(&back, &t);
	task_free(&t);
	task_free(&back);
	sbuf_free(&b);
}

Test(codec, rhythm_out_of_range_is_neither_written_nor_read)
{
	struct task t, back;
	struct sbuf b = {0};
	struct err e = {0};
	size_t at;

	task_before_rhythms_struct(&t);
	t.dl.d.every = DL_EVERY_COUNT;
	cr_assert_eq(codec_task_encode(&t, &b, &e), ERR_INTERNAL);
	cr_assert_eq(b.len, 0);
	t.dl.d.every = DL_EVERY_MONTH;
	encode_task(&t, &b);
	/* kind (byte 52 of the record before rhythms), flags, then the rhythm */
	cr_assert_eq(task_before_rhythms[52], DL_ONGOING);
	cr_assert_eq((unsigned char)b.s[53], 0x80, "flags: only the rhythm");
	at = 54;
	cr_assert_eq((unsigned char)b.s[at], DL_EVERY_MONTH, "byte %zu is %u", at, (unsigned char)b.s[at]);
	b.s[at] = DL_EVERY_COUNT;
	cr_assert_eq(codec_task_decode(b.s, b.len, &back, &e), ERR_STORE);
	cr_assert(strstr(e.msg, "nhịp báo cáo"), "%s", e.msg);
	b.s[at] = 0;
	cr_assert_eq(codec_task_decode(b.s, b.len, &back, &e), ERR_STORE);
	task_free(&t);
	sbuf_free(&b);
}

Test(codec, encode_appends_to_existing_buffer)
{
	struct task t, back;
	struct sbuf b = {0};

	sample_task(&t);
	sbuf_puts(&b, "xyz");
	encode_task(&t, &b);
	cr_assert_eq(memcmp(b.s, "xyz", 3), 0);
	cr_assert_eq(codec_task_decode(b.s + 3, b.len - 3, &back, NULL), 0);
	task_free(&back);
	task_free(&t);
	sbuf_free(&b);
}

Test(codec, every_truncation_of_a_task_fails_cleanly)
{
	struct task t, back;
	struct sbuf b = {0};
	struct err e;

	sample_task(&t);
	free(t.text);
	t.text = xstrdup("ngắn");
	encode_task(&t, &b);
	for (size_t n = 0; n < b.len; n++) {
		/* a private copy of exactly n bytes, so reading past it is caught
		 * by ASan/valgrind */
		char *cut = xmalloc(n ? n : 1);
		memcpy(cut, b.s, n);
		err_clear(&e);
		cr_assert_eq(codec_task_decode(cut, n, &back, &e), ERR_STORE, "length %zu", n);
		cr_assert_eq(e.code, ERR_STORE);
		cr_assert_neq(e.msg[0], '\0');
		cr_assert_null(back.text);
		cr_assert_null(back.partners);
		free(cut);
	}
	task_free(&t);
	sbuf_free(&b);
}

Test(codec, trailing_bytes_are_corruption)
{
	struct task t, back;
	struct sbuf b = {0};
	struct err e = {0};

	sample_task(&t);
	encode_task(&t, &b);
	/* one byte after the record is the flags of an opened group task
	 * (only 1 is valid); a byte after that is corruption */
	sbuf_putc(&b, 0);
	cr_assert_eq(codec_task_decode(b.s, b.len, &back, &e), ERR_STORE);
	cr_assert(strstr(e.msg, "cờ nhiệm vụ không hợp lệ"), "%s", e.msg);
	b.s[b.len - 1] = 1;
	sbuf_putc(&b, 0);
	cr_assert_eq(codec_task_decode(b.s, b.len, &back, &e), ERR_STORE);
	cr_assert(strstr(e.msg, "thừa 1 byte"), "%s", e.msg);
	task_free(&t);
	sbuf_free(&b);
}

Test(codec, newer_version_is_refused_with_a_clear_message)
{
	struct task t, back;
	struct sbuf b = {0};
	struct err e = {0};

	sample_task(&t);
	encode_task(&t, &b);
	b.s[0] = CODEC_VERSION_TASK + 1;
	cr_assert_eq(codec_task_decode(b.s, b.len, &back, &e), ERR_STORE);
	cr_assert(strstr(e.msg, "phiên bản 2"), "%s", e.msg);
	cr_assert(strstr(e.msg, "mới hơn"), "%s", e.msg);
	b.s[0] = 0;
	cr_assert_eq(codec_task_decode(b.s, b.len, &back, &e), ERR_STORE);
	task_free(&t);
	sbuf_free(&b);
}

Test(codec, out_of_range_status_is_refused)
{
	struct task t, back;
	struct sbuf b = {0};
	struct err e = {0};

	memset(&t, 0, sizeof t);
	deadline_none(&t.dl);
	t.extended_to = t.start = t.last_update = t.done_date = t.due = DATE_NONE;
	t.status = ST_ON_HOLD;
	encode_task(&t, &b);
	/* the status byte: find ST_ON_HOLD (3) followed by progress 0 and confirm 0 */
	char *p = memchr(b.s + 1, ST_ON_HOLD, b.len - 1);
	cr_assert_not_null(p);
	*p = ST_COUNT;
	cr_assert_eq(codec_task_decode(b.s, b.len, &back, &e), ERR_STORE);
	cr_assert(strstr(e.msg, "trạng thái"), "%s", e.msg);
	sbuf_free(&b);

	t.status = ST_COUNT;
	cr_assert_eq(codec_task_encode(&t, &b, &e), ERR_INTERNAL);
	cr_assert_eq(b.len, 0);
	sbuf_free(&b);
}

Test(codec, huge_counts_do_not_allocate)
{
	/* version, id 1, doc 0, section "", lead 0, lead_text NULL, then a
	 * partner count of 2^62 with nothing behind it */
	const unsigned char bad[] = {1, 1, 0, 0, 0, 0, 0x80, 0x80, 0x80, 0x80, 0x80,
	                             0x80, 0x80, 0x80, 0x40};
	unsigned char overlong[12];
	struct task back;
	struct err e = {0};

	cr_assert_eq(codec_task_decode(bad, sizeof bad, &back, &e), ERR_STORE);
	cr_assert(strstr(e.msg, "số phần tử"), "%s", e.msg);
	/* a varint longer than 64 bits */
	overlong[0] = 1;
	memset(overlong + 1, 0xff, sizeof overlong - 1);
	cr_assert_eq(codec_task_decode(overlong, sizeof overlong, &back, &e), ERR_STORE);
}

Test(codec, random_bytes_never_crash)
{
	unsigned char buf[200];
	struct task t;
	struct doc d;
	struct unit u;
	struct audit a;
	unsigned seed = 12345;

	for (int round = 0; round < 20000; round++) {
		size_t n = (size_t)(round % (int)sizeof buf);
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			buf[i] = (unsigned char)(seed >> 16);
		}
		if (n)
			buf[0] = 1;
		if (codec_task_decode(buf, n, &t, NULL) == 0)
			task_free(&t);
		if (codec_doc_decode(buf, n, &d, NULL) == 0)
			doc_free(&d);
		if (codec_unit_decode(buf, n, &u, NULL) == 0)
			unit_free(&u);
		if (codec_audit_decode(buf, n, &a, NULL) == 0)
			audit_free(&a);
	}
}

Test(codec, every_single_byte_change_of_a_task_is_safe)
{
	struct task t, back;
	struct sbuf b = {0};

	sample_task(&t);
	free(t.text);
	t.text = xstrdup("nội dung");
	encode_task(&t, &b);
	for (size_t i = 0; i < b.len; i++) {
		for (int v = 0; v < 256; v += 7) {
			char *copy = xmalloc(b.len);
			memcpy(copy, b.s, b.len);
			copy[i] = (char)v;
			if (codec_task_decode(copy, b.len, &back, NULL) == 0)
				task_free(&back);
			free(copy);
		}
	}
	task_free(&t);
	sbuf_free(&b);
}

Test(codec, unit_round_trips_and_parent_is_read_without_decoding)
{
	struct unit u = {0}, back;
	struct sbuf b = {0};
	uint32_t parent = 0;

	u.id = 9;
	strcpy(u.code, "ban-tc-tu");
	u.name = xstrdup("Ban Tổ chức Tỉnh ủy");
	u.abbrevs = NULL;
	u.kind = UK_BAN;
	u.parent = 70000;
	u.historical = 1;
	u.successor = 12;
	cr_assert_eq(codec_unit_encode(&u, &b, NULL), 0);
	cr_assert_eq(codec_unit_decode(b.s, b.len, &back, NULL), 0);
	cr_assert_eq(back.id, 9);
	cr_assert_str_eq(back.code, "ban-tc-tu");
	cr_assert_str_eq(back.name, u.name);
	cr_assert_null(back.abbrevs);
	cr_assert_eq(back.kind, UK_BAN);
	cr_assert_eq(back.parent, 70000);
	cr_assert_eq(back.historical, 1);
	cr_assert_eq(back.successor, 12);
	cr_assert_eq(codec_unit_parent(b.s, b.len, &parent, NULL), 0);
	cr_assert_eq(parent, 70000);
	cr_assert_eq(codec_unit_parent(b.s, 3, &parent, NULL), ERR_STORE);
	unit_free(&back);
	unit_free(&u);
	sbuf_free(&b);
}

Test(codec, unit_kind_out_of_range_is_refused)
{
	struct unit u = {0}, back;
	struct sbuf b = {0};

	u.kind = UK_TO_CHUC;
	cr_assert_eq(codec_unit_encode(&u, &b, NULL), 0);
	/* kind is the byte after the two NULL strings: id 0, code "", parent 0,
	 * name 0, abbrevs 0, then kind */
	cr_assert_eq((unsigned char)b.s[6], UK_TO_CHUC);
	b.s[6] = UK_COUNT;
	cr_assert_eq(codec_unit_decode(b.s, b.len, &back, NULL), ERR_STORE);
	sbuf_free(&b);
}

Test(codec, doc_round_trips_with_implements)
{
	struct doc d = {0}, back;
	struct sbuf b = {0};
	struct err e = {0};

	d.id = 77;
	strcpy(d.kind, "KH");
	strcpy(d.number, "254-KH/TU");
	d.date = date_make(2023, 2, 17);
	d.title = xstrdup("Kế hoạch thực hiện Nghị quyết số 28-NQ/TW");
	d.issuer = 3;
	d.issuer_text = xstrdup("Ban Thường vụ Tỉnh ủy");
	d.signer = xstrdup("Nguyễn Văn A");
	d.signer_role = NULL;
	d.nimplements = 2;
	d.implements = xcalloc(2, DOCNUM_LEN);
	strcpy(d.implements[0], "28-NQ/TW");
	strcpy(d.implements[1], "52-CTr/TU");
	d.plan_due = DATE_NONE;
	d.source = xstrdup("văn bản gốc\n...");
	d.created = 1700000000;
	cr_assert_eq(codec_doc_encode(&d, &b, NULL), 0);
	cr_assert_eq(codec_doc_decode(b.s, b.len, &back, &e), 0, "%s", e.msg);
	cr_assert_eq(back.id, 77);
	cr_assert_str_eq(back.kind, "KH");
	cr_assert_str_eq(back.number, "254-KH/TU");
	cr_assert_eq(back.date, d.date);
	cr_assert_str_eq(back.title, d.title);
	cr_assert_eq(back.issuer, 3);
	cr_assert_str_eq(back.issuer_text, d.issuer_text);
	cr_assert_str_eq(back.signer, d.signer);
	cr_assert_null(back.signer_role);
	cr_assert_eq(back.nimplements, 2);
	cr_assert_str_eq(back.implements[0], "28-NQ/TW");
	cr_assert_str_eq(back.implements[1], "52-CTr/TU");
	cr_assert_eq(back.plan_due, DATE_NONE);
	cr_assert_str_eq(back.source, d.source);
	cr_assert_eq(back.created, 1700000000);
	doc_free(&back);
	for (size_t n = 0; n < b.len; n++)
		cr_assert_eq(codec_doc_decode(b.s, n, &back, NULL), ERR_STORE);
	/* the number alone, as listing rows read it; a record cut before
	 * the number's end is a fault */
	char number[DOCNUM_LEN];
	cr_assert_eq(codec_doc_number(b.s, b.len, number, NULL), 0);
	cr_assert_str_eq(number, "254-KH/TU");
	size_t end = 1 + 1 + 1 + 2 + 1 + strlen("254-KH/TU"); /* version, id, kind, number */
	for (size_t n = 0; n < end; n++)
		cr_assert_eq(codec_doc_number(b.s, n, number, NULL), ERR_STORE, "cut at %zu", n);
	cr_assert_eq(codec_doc_number(b.s, end, number, NULL), 0);
	cr_assert_str_eq(number, "254-KH/TU");
	doc_free(&d);
	sbuf_free(&b);
}

Test(codec, doc_with_unterminated_number_is_not_encoded)
{
	struct doc d = {0};
	struct sbuf b = {0};
	struct err e = {0};

	memset(d.number, 'x', sizeof d.number);
	cr_assert_eq(codec_doc_encode(&d, &b, &e), ERR_INTERNAL);
	cr_assert_eq(b.len, 0);
	cr_assert(strstr(e.msg, "số hiệu"), "%s", e.msg);
}

Test(codec, update_round_trips_with_unchanged_fields)
{
	struct update u = {0}, back;
	struct sbuf b = {0};

	u.id = 5;
	u.task_id = 99;
	u.time = 1700000123;
	u.day = date_make(2024, 2, 29);
	strcpy(u.login, "nguyenvana");
	u.note = xstrdup("Đã họp triển khai");
	u.progress = -1;
	u.status_before = ST_NOT_STARTED;
	u.status_after = -1;
	cr_assert_eq(codec_update_encode(&u, &b, NULL), 0);
	cr_assert_eq(b.s[0], CODEC_VERSION_UPDATE);
	/* version 3 holds no ids: the journal's key does */
	cr_assert_eq(codec_update_decode_d(b.s, b.len, 99, 5, NULL, &back, NULL), 0);
	cr_assert_eq(back.id, 5);
	cr_assert_eq(back.task_id, 99);
	cr_assert_eq(back.time, 1700000123);
	cr_assert_eq(back.day, u.day);
	cr_assert_str_eq(back.login, "nguyenvana");
	cr_assert_str_eq(back.note, u.note);
	cr_assert_eq(back.progress, -1);
	cr_assert_eq(back.status_before, ST_NOT_STARTED);
	cr_assert_eq(back.status_after, -1);
	update_free(&back);
	update_free(&back);
	cr_assert_eq(codec_update_decode(b.s, b.len, &back, NULL), 0);
	cr_assert_eq(back.id, 0, "without its key an update has no ids");
	cr_assert_eq(back.task_id, 0);
	update_free(&back);
	for (size_t n = 0; n < b.len; n++)
		cr_assert_eq(codec_update_decode(b.s, n, &back, NULL), ERR_STORE);
	update_free(&u);
	sbuf_free(&b);
}

Test(codec, extension_round_trips)
{
	struct extension x = {0}, back;
	struct sbuf b = {0};

	x.id = 3;
	x.task_id = 8;
	x.time = 1;
	strcpy(x.login, "vanphong");
	x.from = date_make(2023, 6, 30);
	x.to = date_make(2023, 12, 31);
	x.reason = xstrdup("Chờ hướng dẫn của Trung ương");
	cr_assert_eq(codec_extension_encode(&x, &b, NULL), 0);
	cr_assert_eq(codec_extension_decode(b.s, b.len, &back, NULL), 0);
	cr_assert_eq(back.id, 3);
	cr_assert_eq(back.task_id, 8);
	cr_assert_eq(back.time, 1);
	cr_assert_str_eq(back.login, "vanphong");
	cr_assert_eq(back.from, x.from);
	cr_assert_eq(back.to, x.to);
	cr_assert_str_eq(back.reason, x.reason);
	extension_free(&back);
	for (size_t n = 0; n < b.len; n++)
		cr_assert_eq(codec_extension_decode(b.s, n, &back, NULL), ERR_STORE);
	extension_free(&x);
	sbuf_free(&b);
}

Test(codec, update_version_2_fields_round_trip)
{
	struct update u, back;
	struct sbuf b = {0};

	update_init(&u);
	u.id = 6;
	u.task_id = 7;
	u.day = date_make(2026, 7, 5);
	u.done_on = date_make(2026, 6, 28);
	u.period = date_make(2026, 6, 30);
	u.confirm_after = CF_PENDING;
	u.status_before = ST_IN_PROGRESS;
	u.status_after = ST_DONE;
	u.progress = 100;
	cr_assert_eq(codec_update_encode(&u, &b, NULL), 0);
	cr_assert_eq(codec_update_decode(b.s, b.len, &back, NULL), 0);
	cr_assert_eq(back.done_on, u.done_on);
	cr_assert_eq(back.period, u.period);
	cr_assert_eq(back.confirm_after, CF_PENDING);
	update_free(&back);
	u.confirm_after = CF_RETURNED + 1;
	sbuf_free(&b);
	cr_assert_eq(codec_update_encode(&u, &b, NULL), ERR_INTERNAL);
	sbuf_free(&b);
}

/* A date as versions 1 and 2 wrote every date: 0, or zigzag(day) + 1. */
static void put_old_date(struct sbuf *b, date_t d)
{
	codec_put_uvarint(b, d == DATE_NONE ? 0 : (d < 0 ? ~((uint64_t)d << 1) : (uint64_t)d << 1) + 1);
}

/* An update as versions 1 and 2 wrote it (the stores of schema 1 and 2):
 * id, task id, time, day, login, note, progress, statuses; version 2 adds
 * done_on, period and confirm_after. */
static void old_update(struct sbuf *b, unsigned version, const struct update *u)
{
	b->len = 0;
	sbuf_putc(b, (char)version);
	codec_put_uvarint(b, u->id);
	codec_put_uvarint(b, u->task_id);
	codec_put_svarint(b, u->time);
	put_old_date(b, u->day);
	codec_put_uvarint(b, strlen(u->login));
	sbuf_puts(b, u->login);
	if (u->note) {
		codec_put_uvarint(b, strlen(u->note) + 1);
		sbuf_puts(b, u->note);
	} else {
		codec_put_uvarint(b, 0);
	}
	sbuf_putc(b, (char)u->progress);
	sbuf_putc(b, (char)u->status_before);
	sbuf_putc(b, (char)u->status_after);
	if (version >= 2) {
		put_old_date(b, u->done_on);
		put_old_date(b, u->period);
		sbuf_putc(b, (char)u->confirm_after);
	}
}

/* A record written by an older release (version 1): the same fields
 * without the ones version 2 appended.  It must decode with defaults. */
Test(codec, version_1_update_and_extension_decode_with_defaults)
{
	struct update u, back;
	struct extension x, xb;
	struct sbuf b = {0};

	update_init(&u);
	u.id = 9;
	u.task_id = 4;
	u.day = date_make(2025, 1, 5);
	strcpy(u.login, "vp");
	old_update(&b, 1, &u);
	/* the ids given by a key are ignored: a version 1 record holds its own */
	cr_assert_eq(codec_update_decode_d(b.s, b.len, 77, 78, NULL, &back, NULL), 0);
	cr_assert_eq(back.id, 9);
	cr_assert_eq(back.task_id, 4);
	cr_assert_eq(back.day, u.day);
	cr_assert_str_eq(back.login, "vp");
	cr_assert_eq(back.done_on, DATE_NONE);
	cr_assert_eq(back.period, DATE_NONE);
	cr_assert_eq(back.confirm_after, -1);
	update_free(&back);
	sbuf_free(&b);

	extension_init(&x);
	x.id = 2;
	x.task_id = 4;
	x.time = (int64_t)date_make(2025, 3, 10) * 86400 + 3600;
	strcpy(x.login, "vp");
	x.from = date_make(2025, 3, 31);
	x.to = date_make(2025, 6, 30);
	cr_assert_eq(codec_extension_encode(&x, &b, NULL), 0);
	/* day, state, late, decided_by "", decided, decision NULL: six bytes */
	b.s[0] = 1;
	cr_assert_eq(codec_extension_decode(b.s, b.len - 6, &xb, NULL), 0);
	cr_assert_eq(xb.state, EXT_GRANTED);
	cr_assert_eq(xb.day, date_make(2025, 3, 10));
	cr_assert_eq(xb.decided, DATE_NONE);
	cr_assert_null(xb.decision);
	cr_assert_eq(xb.to, x.to);
	extension_free(&xb);
	sbuf_free(&b);
}

Test(codec, indicator_round_trips_with_nan)
{
	struct indicator i = {0}, back;
	struct sbuf b = {0};

	i.id = 11;
	i.doc_id = 4;
	strcpy(i.section, "II.2");
	i.text = xstrdup("tối thiểu 80%, phấn đấu 90% thủ tục hành chính trực tuyến");
	i.year = 2025;
	i.min = 80.0;
	i.target = NAN;
	strcpy(i.unit_of, "%");
	i.lead = 6;
	cr_assert_eq(codec_indicator_encode(&i, &b, NULL), 0);
	cr_assert_eq(codec_indicator_decode(b.s, b.len, &back, NULL), 0);
	cr_assert_eq(back.id, 11);
	cr_assert_eq(back.doc_id, 4);
	cr_assert_str_eq(back.section, "II.2");
	cr_assert_str_eq(back.text, i.text);
	cr_assert_eq(back.year, 2025);
	cr_assert_float_eq(back.min, 80.0, 0.0);
	cr_assert(isnan(back.target));
	cr_assert_str_eq(back.unit_of, "%");
	cr_assert_eq(back.lead, 6);
	indicator_free(&back);
	for (size_t n = 0; n < b.len; n++)
		cr_assert_eq(codec_indicator_decode(b.s, n, &back, NULL), ERR_STORE);
	indicator_free(&i);
	sbuf_free(&b);
}

Test(codec, measure_round_trips)
{
	struct measure m = {0}, back;
	struct sbuf b = {0};

	m.id = 2;
	m.indicator_id = 11;
	m.date = date_make(2024, 12, 31);
	m.value = 83.25;
	m.time = 1735600000;
	strcpy(m.login, "btc");
	m.note = NULL;
	cr_assert_eq(codec_measure_encode(&m, &b, NULL), 0);
	cr_assert_eq(codec_measure_decode(b.s, b.len, &back, NULL), 0);
	cr_assert_eq(back.id, 2);
	cr_assert_eq(back.indicator_id, 11);
	cr_assert_eq(back.date, m.date);
	cr_assert_float_eq(back.value, 83.25, 0.0);
	cr_assert_eq(back.time, m.time);
	cr_assert_str_eq(back.login, "btc");
	cr_assert_null(back.note);
	measure_free(&back);
	for (size_t n = 0; n < b.len; n++)
		cr_assert_eq(codec_measure_decode(b.s, n, &back, NULL), ERR_STORE);
	sbuf_free(&b);
}

Test(codec, audit_round_trips)
{
	struct audit a = {0}, back;
	struct sbuf b = {0};

	a.seq = 1ULL << 40;
	a.time = 1700000000;
	strcpy(a.login, "root");
	strcpy(a.role, "admin");
	strcpy(a.action, "update");
	strcpy(a.object, "task:123");
	a.before = xstrdup("{\"status\":\"not_started\"}");
	a.after = NULL;
	cr_assert_eq(codec_audit_encode(&a, &b, NULL), 0);
	cr_assert_eq(codec_audit_decode(b.s, b.len, &back, NULL), 0);
	cr_assert_eq(back.seq, 1ULL << 40);
	cr_assert_eq(back.time, a.time);
	cr_assert_str_eq(back.login, "root");
	cr_assert_str_eq(back.role, "admin");
	cr_assert_str_eq(back.action, "update");
	cr_assert_str_eq(back.object, "task:123");
	cr_assert_str_eq(back.before, a.before);
	cr_assert_null(back.after);
	audit_free(&back);
	for (size_t n = 0; n < b.len; n++)
		cr_assert_eq(codec_audit_decode(b.s, n, &back, NULL), ERR_STORE);
	audit_free(&a);
	sbuf_free(&b);
}

Test(codec, string_with_embedded_nul_is_corruption)
{
	struct audit a = {0}, back;
	struct sbuf b = {0};

	a.before = xstrdup("abc");
	cr_assert_eq(codec_audit_encode(&a, &b, NULL), 0);
	char *p = NULL;
	for (size_t i = 0; i + 3 <= b.len && !p; i++)
		if (memcmp(b.s + i, "abc", 3) == 0)
			p = b.s + i;
	cr_assert_not_null(p);
	p[1] = '\0';
	cr_assert_eq(codec_audit_decode(b.s, b.len, &back, NULL), ERR_STORE);
	audit_free(&a);
	sbuf_free(&b);
}

Test(codec, varints_round_trip_at_the_edges)
{
	const uint64_t values[] = {0, 1, 127, 128, 16383, 16384, UINT32_MAX, UINT64_MAX};
	struct sbuf b = {0};

	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		uint64_t v = 0;
		sbuf_reset(&b);
		codec_put_uvarint(&b, values[i]);
		cr_assert_eq(codec_get_uvarint(b.s, b.len, &v), b.len);
		cr_assert_eq(v, values[i]);
		cr_assert_eq(codec_get_uvarint(b.s, b.len - 1, &v), 0);
	}
	sbuf_reset(&b);
	codec_put_uvarint(&b, UINT64_MAX);
	cr_assert_eq(b.len, 10);
	sbuf_free(&b);
}

Test(model, unit_kinds_have_keys_and_labels)
{
	cr_assert_str_eq(unit_kind_key(UK_TINH_UY), "tinh_uy");
	cr_assert_str_eq(unit_kind_label(UK_TINH_UY), "Tỉnh ủy");
	cr_assert_str_eq(unit_kind_label(UK_DANG_UY_KHOI), "Đảng ủy Khối");
	cr_assert_str_eq(unit_kind_key(UK_TO_CHUC), "to_chuc");
	cr_assert_eq(unit_kind_parse("dang_uy_co_so"), UK_DANG_UY_CO_SO);
	cr_assert_eq(unit_kind_parse("chi_bo"), UK_CHI_BO);
	cr_assert_eq(unit_kind_parse("tinh-uy"), -1);
	cr_assert_eq(unit_kind_parse(NULL), -1);
	for (int k = 0; k < UK_COUNT; k++)
		cr_assert_eq(unit_kind_parse(unit_kind_key(k)), k);
	cr_assert_str_eq(unit_kind_key(UK_COUNT), "");
}

Test(model, task_copy_is_deep)
{
	struct task t, c;

	sample_task(&t);
	task_copy(&c, &t);
	cr_assert_neq(c.text, t.text);
	cr_assert_neq(c.partners, t.partners);
	assert_task_eq(&c, &t);
	task_free(&t);
	cr_assert_eq(c.partners[2], UINT32_MAX);
	cr_assert_str_eq(c.lead_text, "Ban Tổ chức Tỉnh ủy");
	task_free(&c);
	cr_assert_null(c.text);
	cr_assert_eq(c.id, 0);
}

/* ---- dictionary strings (task version 2, update version 3) ----------------- */

/* A dictionary in memory, as the store keeps one in LMDB. */
struct fake_dict {
	char *s[8];
	int n;
	int fail; /* intern fails (a full store, say) */
};

static int fake_intern(void *ctx, const char *s, size_t n, uint32_t *id, struct err *e)
{
	struct fake_dict *d = ctx;
	for (int i = 0; i < d->n; i++)
		if (strlen(d->s[i]) == n && !memcmp(d->s[i], s, n)) {
			*id = (uint32_t)i + 1;
			return 0;
		}
	if (d->fail || d->n == 8)
		return err_set(e, ERR_STORE, "từ điển đầy");
	d->s[d->n++] = xstrndup(s, n);
	*id = (uint32_t)d->n;
	return 0;
}

static int fake_lookup(void *ctx, uint32_t id, const char **s, size_t *n, struct err *e)
{
	struct fake_dict *d = ctx;
	if (id == 0 || id > (uint32_t)d->n)
		return err_set(e, ERR_STORE, "không có");
	*s = d->s[id - 1];
	*n = strlen(*s);
	return 0;
}

static void fake_free(struct fake_dict *d)
{
	for (int i = 0; i < d->n; i++)
		free(d->s[i]);
	d->n = 0;
}

Test(codec, task_strings_go_to_the_dictionary_and_come_back)
{
	struct fake_dict fd = {0};
	struct codec_dict dict = {fake_intern, fake_lookup, &fd};
	struct task t, back;
	struct sbuf plain = {0}, coded = {0}, again = {0};
	struct err e = {0};

	sample_task(&t);
	cr_assert_eq(codec_task_encode(&t, &plain, &e), 0, "%s", e.msg);
	cr_assert_eq(codec_task_encode_d(&t, &dict, &coded, &e), 0, "%s", e.msg);
	cr_assert_eq(fd.n, 4, "section, lead and partners as written, the phrase; not the text");
	cr_assert_str_eq(fd.s[0], t.section);
	cr_assert_str_eq(fd.s[1], t.lead_text);
	cr_assert_str_eq(fd.s[2], t.partners_text);
	cr_assert_str_eq(fd.s[3], t.dl_phrase);
	cr_assert_lt(coded.len + strlen(t.section) + strlen(t.lead_text) +
	             strlen(t.partners_text) + strlen(t.dl_phrase), plain.len + 4 * 2);
	cr_assert_eq(codec_task_decode_d(coded.s, coded.len, &dict, &back, &e), 0, "%s", e.msg);
	assert_task_eq(&back, &t);
	task_free(&back);
	/* a second task with the same strings adds nothing */
	t.id++;
	cr_assert_eq(codec_task_encode_d(&t, &dict, &again, &e), 0, "%s", e.msg);
	cr_assert_eq(fd.n, 4);
	/* without the dictionary the references cannot be read */
	cr_assert_eq(codec_task_decode(coded.s, coded.len, &back, &e), ERR_STORE);
	cr_assert(strstr(e.msg, "từ điển"), "%s", e.msg);
	cr_assert_null(back.text);
	/* nor with one that lacks them */
	fake_free(&fd);
	cr_assert_eq(codec_task_decode_d(coded.s, coded.len, &dict, &back, &e), ERR_STORE);
	task_free(&t);
	sbuf_free(&plain);
	sbuf_free(&coded);
	sbuf_free(&again);
}

Test(codec, long_strings_stay_inline_and_a_failed_intern_appends_nothing)
{
	struct fake_dict fd = {0};
	struct codec_dict dict = {fake_intern, fake_lookup, &fd};
	struct task t, back;
	struct sbuf b = {0};
	struct err e = {0};
	char phrase[CODEC_DICT_MAX_LEN + 2];

	sample_task(&t);
	memset(phrase, 'a', sizeof phrase - 1);
	phrase[sizeof phrase - 1] = '\0';
	free(t.dl_phrase);
	t.dl_phrase = xstrdup(phrase);
	cr_assert_eq(codec_task_encode_d(&t, &dict, &b, &e), 0, "%s", e.msg);
	cr_assert_eq(fd.n, 3, "the phrase past CODEC_DICT_MAX_LEN stays in the record");
	cr_assert_eq(codec_task_decode_d(b.s, b.len, &dict, &back, &e), 0, "%s", e.msg);
	cr_assert_str_eq(back.dl_phrase, phrase);
	task_free(&back);
	/* a string that would be new while the dictionary cannot take it */
	sbuf_reset(&b);
	sbuf_puts(&b, "xy");
	fd.fail = 1;
	free(t.lead_text);
	t.lead_text = xstrdup("Ban Dân vận Tỉnh ủy");
	cr_assert_eq(codec_task_encode_d(&t, &dict, &b, &e), ERR_STORE);
	cr_assert_eq(b.len, 2, "nothing appended");
	fake_free(&fd);
	task_free(&t);
	sbuf_free(&b);
}

Test(codec, version_3_update_codes_login_and_day_compactly)
{
	struct fake_dict fd = {0};
	struct codec_dict dict = {fake_intern, fake_lookup, &fd};
	struct update u, back;
	struct sbuf v2 = {0}, v3 = {0};
	struct err e = {0};

	update_init(&u);
	u.id = 300000;
	u.task_id = 123456;
	u.time = (int64_t)date_make(2026, 3, 2) * 86400 + 7 * 3600;
	u.day = date_make(2026, 3, 2);
	strcpy(u.login, "hoa.btc");
	u.note = xstrdup("Đã tổ chức hội nghị triển khai");
	u.progress = 40;
	u.status_before = ST_NOT_STARTED;
	u.status_after = ST_IN_PROGRESS;
	u.period = date_make(2026, 6, 30);
	u.confirm_after = CF_NONE;
	old_update(&v2, 2, &u);
	cr_assert_eq(codec_update_encode_d(&u, &dict, &v3, &e), 0, "%s", e.msg);
	cr_assert_eq(fd.n, 1);
	cr_assert_str_eq(fd.s[0], "hoa.btc");
	cr_assert_eq(fd.n, 1, "the note stays inline");
	/* ids (3 + 3 bytes), login (8 -> 1), day (3 -> 1), statuses,
	 * confirmation and an absent done_on (4 -> 2: period follows) */
	cr_assert_eq(v3.len, v2.len - 6 - 7 - 2 - 2, "%zu against %zu", v3.len, v2.len);
	cr_assert_eq(codec_update_decode_d(v3.s, v3.len, u.task_id, u.id, &dict, &back, &e), 0,
	             "%s", e.msg);
	cr_assert_eq(back.id, u.id);
	cr_assert_eq(back.task_id, u.task_id);
	cr_assert_eq(back.time, u.time);
	cr_assert_eq(back.day, u.day);
	cr_assert_str_eq(back.login, "hoa.btc");
	cr_assert_str_eq(back.note, u.note);
	cr_assert_eq(back.progress, 40);
	cr_assert_eq(back.status_before, ST_NOT_STARTED);
	cr_assert_eq(back.status_after, ST_IN_PROGRESS);
	cr_assert_eq(back.period, u.period);
	cr_assert_eq(back.confirm_after, CF_NONE);
	update_free(&back);
	/* the same update as version 2 (a schema 2 store) reads the same */
	cr_assert_eq(codec_update_decode_d(v2.s, v2.len, 0, 0, &dict, &back, &e), 0, "%s", e.msg);
	cr_assert_eq(back.id, u.id);
	cr_assert_eq(back.task_id, u.task_id);
	cr_assert_eq(back.day, u.day);
	cr_assert_eq(back.period, u.period);
	cr_assert_str_eq(back.login, "hoa.btc");
	update_free(&back);
	/* a day far from the time (an old record entered today), and none */
	int64_t days[] = {date_make(1999, 1, 1) - date_make(2026, 3, 2), -1, 1, 40000};
	for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
		u.day = (date_t)(date_make(2026, 3, 2) + days[i]);
		sbuf_reset(&v3);
		cr_assert_eq(codec_update_encode_d(&u, &dict, &v3, &e), 0, "%s", e.msg);
		cr_assert_eq(codec_update_decode_d(v3.s, v3.len, 1, 2, &dict, &back, &e), 0, "%s",
		             e.msg);
		cr_assert_eq(back.day, u.day);
		update_free(&back);
	}
	u.day = DATE_NONE;
	sbuf_reset(&v3);
	cr_assert_eq(codec_update_encode_d(&u, &dict, &v3, &e), 0, "%s", e.msg);
	cr_assert_eq(codec_update_decode_d(v3.s, v3.len, 1, 2, &dict, &back, &e), 0, "%s", e.msg);
	cr_assert_eq(back.day, DATE_NONE);
	update_free(&back);
	/* truncated anywhere: refused */
	for (size_t n = 0; n < v3.len; n++)
		cr_assert_eq(codec_update_decode_d(v3.s, n, 1, 2, &dict, &back, NULL), ERR_STORE);
	update_free(&u);
	fake_free(&fd);
	sbuf_free(&v2);
	sbuf_free(&v3);
}

/* A task's due is written once when it is its deadline's own (the common
 * case), in full otherwise, and reads back either way. */
Test(codec, a_due_equal_to_the_deadline_is_not_written_twice)
{
	struct task t, back;
	struct sbuf same = {0}, other = {0};
	struct err e = {0};

	sample_task(&t);
	t.dl.nparts = 0;
	t.dl.d.kind = DL_BY;
	t.dl.d.due = date_make(2026, 6, 30);
	t.due = t.dl.d.due;
	cr_assert_eq(codec_task_encode(&t, &same, &e), 0, "%s", e.msg);
	t.due = date_make(2026, 12, 31); /* extended, or the period engine's */
	cr_assert_eq(codec_task_encode(&t, &other, &e), 0, "%s", e.msg);
	cr_assert_eq(same.len + 2, other.len);
	cr_assert_eq(codec_task_decode(same.s, same.len, &back, &e), 0, "%s", e.msg);
	cr_assert_eq(back.due, date_make(2026, 6, 30));
	task_free(&back);
	cr_assert_eq(codec_task_decode(other.s, other.len, &back, &e), 0, "%s", e.msg);
	cr_assert_eq(back.due, date_make(2026, 12, 31));
	task_free(&back);
	task_free(&t);
	sbuf_free(&same);
	sbuf_free(&other);
}

/* A time far outside the calendar (the UTC day of it clamped) beside an
 * ordinary day: the day, stored relative to the time's, reads back (the
 * fuzzer found that a difference past the int32 range was refused). */
Test(codec, a_day_far_from_its_time_reads_back)
{
	struct update u, back;
	struct sbuf b = {0};
	struct err e = {0};
	int64_t times[] = {-((int64_t)1 << 48), (int64_t)1 << 50, INT64_MIN, INT64_MAX};
	date_t days[] = {16383, -5, INT32_MAX, DATE_NONE + 1};

	update_init(&u);
	for (size_t i = 0; i < 4; i++)
		for (size_t j = 0; j < 4; j++) {
			u.time = times[i];
			u.day = days[j];
			sbuf_reset(&b);
			cr_assert_eq(codec_update_encode(&u, &b, &e), 0, "%s", e.msg);
			cr_assert_eq(codec_update_decode(b.s, b.len, &back, &e), 0, "%zu %zu: %s", i, j,
			             e.msg);
			cr_assert_eq(back.time, u.time);
			cr_assert_eq(back.day, u.day);
			update_free(&back);
		}
	sbuf_free(&b);
}

/* Every combination of statuses, confirmation and dates survives the one
 * number of version 3. */
Test(codec, every_update_state_round_trips)
{
	struct update u, back;
	struct sbuf b = {0};
	struct err e = {0};

	update_init(&u);
	u.time = 1790000000;
	for (int sb = -1; sb < ST_COUNT; sb++)
		for (int sa = -1; sa < ST_COUNT; sa++)
			for (int cf = -1; cf <= CF_RETURNED; cf++)
				for (int dates = 0; dates < 4; dates++) {
					u.status_before = (int8_t)sb;
					u.status_after = (int8_t)sa;
					u.confirm_after = (int8_t)cf;
					u.done_on = dates & 1 ? date_make(2026, 6, 28) : DATE_NONE;
					u.period = dates & 2 ? date_make(2026, 6, 30) : DATE_NONE;
					sbuf_reset(&b);
					cr_assert_eq(codec_update_encode(&u, &b, &e), 0, "%s", e.msg);
					cr_assert_eq(codec_update_decode(b.s, b.len, &back, &e), 0, "%s", e.msg);
					cr_assert_eq(back.status_before, sb);
					cr_assert_eq(back.status_after, sa);
					cr_assert_eq(back.confirm_after, cf);
					cr_assert_eq(back.done_on, u.done_on);
					cr_assert_eq(back.period, u.period);
					update_free(&back);
				}
	sbuf_free(&b);
}

Test(codec, a_dictionary_reference_out_of_range_is_refused)
{
	struct fake_dict fd = {0};
	struct codec_dict dict = {fake_intern, fake_lookup, &fd};
	struct update back;
	struct err e = {0};
	/* version 3: time 0, no day, login = reference to id 0, then id 5;
	 * no note, progress -1, state 0 (statuses and confirmation -1, no
	 * dates) */
	const unsigned char id0[] = {3, 0, 0, 1, 0, 0xff, 0};
	const unsigned char id5[] = {3, 0, 0, 11, 0, 0xff, 0};
	const unsigned char ok[] = {3, 0, 0, 4, 'v', 'p', 0, 0xff, 0};
	const unsigned char bad_state[] = {3, 0, 0, 4, 'v', 'p', 0, 0xff, 0xf4, 0x03};

	cr_assert_eq(codec_update_decode_d(id0, sizeof id0, 1, 1, &dict, &back, &e), ERR_STORE);
	cr_assert(strstr(e.msg, "từ điển"), "%s", e.msg);
	cr_assert_eq(codec_update_decode_d(id5, sizeof id5, 1, 1, &dict, &back, &e), ERR_STORE);
	cr_assert_eq(codec_update_decode_d(ok, sizeof ok, 1, 1, &dict, &back, &e), 0, "%s", e.msg);
	cr_assert_str_eq(back.login, "vp");
	cr_assert_eq(back.status_before, -1);
	cr_assert_eq(back.confirm_after, -1);
	cr_assert_eq(back.period, DATE_NONE);
	update_free(&back);
	/* a state of 500 (0xf4 0x03) is past every combination */
	cr_assert_eq(codec_update_decode_d(bad_state, sizeof bad_state, 1, 1, &dict, &back, &e),
	             ERR_STORE);
	cr_assert(strstr(e.msg, "trạng thái"), "%s", e.msg);
}
