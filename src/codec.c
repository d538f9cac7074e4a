/* codec.c — the binary encoding of model.h records (see codec.h for the
 * layout).  Encoders check the struct first and then append; decoders read
 * through a bounds-checked cursor whose first fault sticks, so a record is
 * decoded field by field without a check after every call, and nothing is
 * allocated beyond what the remaining bytes could hold. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"

/* ---- writing ---------------------------------------------------------- */

static uint64_t zigzag(int64_t v)
{
	return v < 0 ? ~((uint64_t)v << 1) : (uint64_t)v << 1;
}

static int64_t unzigzag(uint64_t u)
{
	return (u & 1) ? -(int64_t)(u >> 1) - 1 : (int64_t)(u >> 1);
}

void codec_put_uvarint(struct sbuf *out, uint64_t v)
{
	unsigned char tmp[10];
	size_t n = 0;

	do {
		unsigned char c = v & 0x7f;
		v >>= 7;
		if (v)
			c |= 0x80;
		tmp[n++] = c;
	} while (v);
	sbuf_add(out, (const char *)tmp, n);
}

void codec_put_svarint(struct sbuf *out, int64_t v)
{
	codec_put_uvarint(out, zigzag(v));
}

static void put_byte(struct sbuf *out, uint8_t v)
{
	sbuf_add(out, (const char *)&v, 1);
}

static void put_date(struct sbuf *out, date_t d)
{
	codec_put_uvarint(out, d == DATE_NONE ? 0 : zigzag(d) + 1);
}

static void put_double(struct sbuf *out, double d)
{
	uint64_t bits;
	unsigned char tmp[8];

	memcpy(&bits, &d, sizeof bits);
	for (int i = 0; i < 8; i++)
		tmp[i] = (unsigned char)(bits >> (8 * i));
	sbuf_add(out, (const char *)tmp, 8);
}

static void put_str(struct sbuf *out, const char *s)
{
	if (!s) {
		codec_put_uvarint(out, 0);
		return;
	}
	size_t n = strlen(s);
	codec_put_uvarint(out, (uint64_t)n + 1);
	sbuf_add(out, s, n);
}

/* A fixed array known (checked by fixed_ok) to hold a terminated string. */
static void put_fixed(struct sbuf *out, const char *s, size_t size)
{
	size_t n = strnlen(s, size);
	codec_put_uvarint(out, n);
	sbuf_add(out, s, n);
}

static int fixed_ok(const char *s, size_t size)
{
	return strnlen(s, size) < size;
}

/* ---- reading ---------------------------------------------------------- */

struct rd {
	const unsigned char *p, *end;
	char fault[96]; /* "" while every read succeeded */
};

static void rd_fail(struct rd *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void rd_fail(struct rd *r, const char *fmt, ...)
{
	va_list ap;

	if (r->fault[0])
		return;
	va_start(ap, fmt);
	vsnprintf(r->fault, sizeof r->fault, fmt, ap);
	va_end(ap);
	r->p = r->end; /* every later read fails too */
}

static size_t rd_left(const struct rd *r)
{
	return (size_t)(r->end - r->p);
}

size_t codec_get_uvarint(const void *buf, size_t n, uint64_t *v)
{
	const unsigned char *p = buf;
	uint64_t x = 0;

	for (size_t i = 0; i < n && i < 10; i++) {
		uint64_t c = p[i] & 0x7f;
		if (i == 9 && c > 1)
			return 0; /* more than 64 bits */
		x |= c << (7 * i);
		if (!(p[i] & 0x80)) {
			*v = x;
			return i + 1;
		}
	}
	return 0;
}

static uint64_t rd_uv(struct rd *r)
{
	uint64_t v = 0;
	size_t used;

	if (r->fault[0])
		return 0;
	used = codec_get_uvarint(r->p, rd_left(r), &v);
	if (!used) {
		if (rd_left(r) >= 10)
			rd_fail(r, "số nguyên quá lớn");
		else
			rd_fail(r, "dữ liệu bị cắt cụt");
		return 0;
	}
	r->p += used;
	return v;
}

static uint64_t rd_u64(struct rd *r)
{
	return rd_uv(r);
}

static uint32_t rd_u32(struct rd *r)
{
	uint64_t v = rd_uv(r);
	if (v > UINT32_MAX) {
		rd_fail(r, "số nguyên quá lớn");
		return 0;
	}
	return (uint32_t)v;
}

static int64_t rd_i64(struct rd *r)
{
	return unzigzag(rd_uv(r));
}

static int rd_int(struct rd *r)
{
	int64_t v = rd_i64(r);
	if (v < INT32_MIN || v > INT32_MAX) {
		rd_fail(r, "số nguyên quá lớn");
		return 0;
	}
	return (int)v;
}

static date_t rd_date(struct rd *r)
{
	uint64_t u = rd_uv(r);
	int64_t d;

	if (u == 0)
		return DATE_NONE;
	d = unzigzag(u - 1);
	if (d < INT32_MIN || d > INT32_MAX) {
		rd_fail(r, "ngày ngoài phạm vi");
		return DATE_NONE;
	}
	return (date_t)d;
}

static uint8_t rd_byte(struct rd *r)
{
	if (r->fault[0])
		return 0;
	if (r->p == r->end) {
		rd_fail(r, "dữ liệu bị cắt cụt");
		return 0;
	}
	return *r->p++;
}

/* An enumeration stored as one byte, checked to be below count. */
static uint8_t rd_enum(struct rd *r, unsigned count, const char *what)
{
	uint8_t v = rd_byte(r);
	if (v >= count) {
		rd_fail(r, "%s ngoài phạm vi (%u)", what, v);
		return 0;
	}
	return v;
}

/* An int8 that is -1 ("unchanged") or in [0, count). */
static int8_t rd_opt_enum(struct rd *r, int count, const char *what)
{
	int8_t v = (int8_t)rd_byte(r);
	if (v < -1 || v >= count) {
		rd_fail(r, "%s ngoài phạm vi (%d)", what, v);
		return -1;
	}
	return v;
}

static double rd_double(struct rd *r)
{
	uint64_t bits = 0;
	double d;

	if (r->fault[0])
		return NAN;
	if (rd_left(r) < 8) {
		rd_fail(r, "dữ liệu bị cắt cụt");
		return NAN;
	}
	for (int i = 0; i < 8; i++)
		bits |= (uint64_t)r->p[i] << (8 * i);
	r->p += 8;
	memcpy(&d, &bits, sizeof d);
	return d;
}

/* Length-checked span of n bytes without NUL inside; NULL on fault. */
static const unsigned char *rd_span(struct rd *r, uint64_t n)
{
	const unsigned char *s = r->p;

	if (r->fault[0])
		return NULL;
	if (n > rd_left(r)) {
		rd_fail(r, "dữ liệu bị cắt cụt");
		return NULL;
	}
	if (memchr(s, 0, (size_t)n)) {
		rd_fail(r, "chuỗi chứa byte NUL");
		return NULL;
	}
	r->p += n;
	return s;
}

static char *rd_str(struct rd *r)
{
	uint64_t n = rd_uv(r);
	const unsigned char *s;

	if (n == 0)
		return NULL;
	s = rd_span(r, n - 1);
	if (!s)
		return NULL;
	return xstrndup((const char *)s, (size_t)(n - 1));
}

static void rd_fixed(struct rd *r, char *dst, size_t size, const char *what)
{
	uint64_t n = rd_uv(r);
	const unsigned char *s;

	dst[0] = '\0';
	if (r->fault[0])
		return;
	if (n >= size) {
		rd_fail(r, "%s dài quá %zu byte", what, size - 1);
		return;
	}
	s = rd_span(r, n);
	if (!s)
		return;
	memcpy(dst, s, (size_t)n);
	dst[n] = '\0';
}

/* Count of items that each take at least min_bytes: never more than the
 * remaining bytes could hold, so a corrupt count cannot make us allocate. */
static int rd_count(struct rd *r, uint64_t max, size_t min_bytes)
{
	uint64_t n = rd_uv(r);
	if (r->fault[0])
		return 0;
	if (n > max || n > rd_left(r) / min_bytes) {
		rd_fail(r, "số phần tử không hợp lệ (%llu)", (unsigned long long)n);
		return 0;
	}
	return (int)n;
}

/* Start reading a record: checks and consumes the version byte.  Returns
 * the version, or 0 after filling e. */
static unsigned rd_begin(struct rd *r, const void *buf, size_t n, unsigned known,
                         const char *kind, struct err *e)
{
	unsigned v;

	r->p = buf;
	r->end = r->p + n;
	r->fault[0] = '\0';
	if (n == 0) {
		err_set(e, ERR_STORE, "bản ghi %s bị hỏng: bản ghi rỗng", kind);
		return 0;
	}
	v = *r->p++;
	if (v == 0) {
		err_set(e, ERR_STORE, "bản ghi %s bị hỏng: phiên bản 0 không hợp lệ", kind);
		return 0;
	}
	if (v > known) {
		err_set(e, ERR_STORE,
		        "bản ghi %s có phiên bản %u, mới hơn phiên bản %u mà chương trình "
		        "này đọc được: hãy dùng bản theodoi mới hơn", kind, v, known);
		return 0;
	}
	return v;
}

/* Finish: the record must have been read without fault and exactly. */
static int rd_end(struct rd *r, const char *kind, struct err *e)
{
	if (!r->fault[0] && r->p != r->end)
		rd_fail(r, "thừa %zu byte ở cuối", rd_left(r));
	if (r->fault[0])
		return err_set(e, ERR_STORE, "bản ghi %s bị hỏng: %s", kind, r->fault);
	return 0;
}

static int bad_struct(struct err *e, const char *kind, const char *what)
{
	return err_set(e, ERR_INTERNAL, "không ghi được bản ghi %s: %s không hợp lệ", kind, what);
}

/* ---- units ------------------------------------------------------------ */

static const char K_UNIT[] = "đơn vị";

int codec_unit_encode(const struct unit *u, struct sbuf *out, struct err *e)
{
	if (!fixed_ok(u->code, sizeof u->code))
		return bad_struct(e, K_UNIT, "mã");
	if (u->kind >= UK_COUNT)
		return bad_struct(e, K_UNIT, "loại");
	put_byte(out, CODEC_VERSION_UNIT);
	codec_put_uvarint(out, u->id);
	put_fixed(out, u->code, sizeof u->code);
	codec_put_uvarint(out, u->parent); /* early: codec_unit_parent stops here */
	put_str(out, u->name);
	put_str(out, u->abbrevs);
	put_byte(out, u->kind);
	put_byte(out, u->historical);
	codec_put_uvarint(out, u->successor);
	return 0;
}

int codec_unit_decode(const void *buf, size_t n, struct unit *out, struct err *e)
{
	struct rd r;

	memset(out, 0, sizeof *out);
	if (!rd_begin(&r, buf, n, CODEC_VERSION_UNIT, K_UNIT, e))
		return ERR_STORE;
	out->id = rd_u32(&r);
	rd_fixed(&r, out->code, sizeof out->code, "mã");
	out->parent = rd_u32(&r);
	out->name = rd_str(&r);
	out->abbrevs = rd_str(&r);
	out->kind = rd_enum(&r, UK_COUNT, "loại đơn vị");
	out->historical = rd_byte(&r);
	out->successor = rd_u32(&r);
	if (rd_end(&r, K_UNIT, e)) {
		unit_free(out);
		return ERR_STORE;
	}
	return 0;
}

int codec_unit_parent(const void *buf, size_t n, uint32_t *parent, struct err *e)
{
	struct rd r;
	char code[CODE_LEN];

	*parent = 0;
	if (!rd_begin(&r, buf, n, CODEC_VERSION_UNIT, K_UNIT, e))
		return ERR_STORE;
	rd_u32(&r);
	rd_fixed(&r, code, sizeof code, "mã");
	*parent = rd_u32(&r);
	if (r.fault[0]) {
		*parent = 0;
		return err_set(e, ERR_STORE, "bản ghi %s bị hỏng: %s", K_UNIT, r.fault);
	}
	return 0;
}

/* ---- documents -------------------------------------------------------- */

static const char K_DOC[] = "văn bản";

int codec_doc_encode(const struct doc *d, struct sbuf *out, struct err *e)
{
	if (!fixed_ok(d->kind, sizeof d->kind))
		return bad_struct(e, K_DOC, "loại");
	if (!fixed_ok(d->number, sizeof d->number))
		return bad_struct(e, K_DOC, "số hiệu");
	if (d->nimplements < 0 || (d->nimplements > 0 && !d->implements))
		return bad_struct(e, K_DOC, "danh sách văn bản thực hiện");
	for (int i = 0; i < d->nimplements; i++)
		if (!fixed_ok(d->implements[i], DOCNUM_LEN))
			return bad_struct(e, K_DOC, "số hiệu văn bản thực hiện");
	put_byte(out, CODEC_VERSION_DOC);
	codec_put_uvarint(out, d->id);
	put_fixed(out, d->kind, sizeof d->kind);
	put_fixed(out, d->number, sizeof d->number);
	put_date(out, d->date);
	put_str(out, d->title);
	codec_put_uvarint(out, d->issuer);
	put_str(out, d->issuer_text);
	put_str(out, d->signer);
	put_str(out, d->signer_role);
	codec_put_uvarint(out, (uint64_t)d->nimplements);
	for (int i = 0; i < d->nimplements; i++)
		put_fixed(out, d->implements[i], DOCNUM_LEN);
	put_date(out, d->plan_due);
	put_str(out, d->source);
	codec_put_svarint(out, d->created);
	return 0;
}

int codec_doc_decode(const void *buf, size_t n, struct doc *out, struct err *e)
{
	struct rd r;

	memset(out, 0, sizeof *out);
	if (!rd_begin(&r, buf, n, CODEC_VERSION_DOC, K_DOC, e))
		return ERR_STORE;
	out->id = rd_u64(&r);
	rd_fixed(&r, out->kind, sizeof out->kind, "loại");
	rd_fixed(&r, out->number, sizeof out->number, "số hiệu");
	out->date = rd_date(&r);
	out->title = rd_str(&r);
	out->issuer = rd_u32(&r);
	out->issuer_text = rd_str(&r);
	out->signer = rd_str(&r);
	out->signer_role = rd_str(&r);
	int ni = rd_count(&r, INT32_MAX, 1);
	if (ni > 0) {
		out->implements = xcalloc((size_t)ni, DOCNUM_LEN);
		out->nimplements = ni;
		for (int i = 0; i < ni; i++)
			rd_fixed(&r, out->implements[i], DOCNUM_LEN, "số hiệu văn bản thực hiện");
	}
	out->plan_due = rd_date(&r);
	out->source = rd_str(&r);
	out->created = rd_i64(&r);
	if (rd_end(&r, K_DOC, e)) {
		doc_free(out);
		return ERR_STORE;
	}
	return 0;
}

/* ---- deadlines -------------------------------------------------------- */

enum {
	PF_LEVEL = 1, PF_DUE = 2, PF_START = 4, PF_MONTH = 8, PF_YEAR = 16, PF_BY = 32,
	PF_REF = 64, PF_ALL = 127
};

static int part_ok(const struct dl_part *p)
{
	return (unsigned)p->kind < DL_KIND_COUNT && p->month >= 0 && p->month <= 12 &&
	       fixed_ok(p->level, sizeof p->level) && fixed_ok(p->by, sizeof p->by) &&
	       fixed_ok(p->ref, sizeof p->ref);
}

static int deadline_ok(const struct deadline *dl)
{
	if (!part_ok(&dl->d) || dl->nparts < 0 || dl->nparts > DL_MAX_PARTS)
		return 0;
	for (int i = 0; i < dl->nparts; i++)
		if (!part_ok(&dl->parts[i]))
			return 0;
	return 1;
}

static void put_part(struct sbuf *out, const struct dl_part *p)
{
	uint8_t f = 0;

	f |= p->level[0] ? PF_LEVEL : 0;
	f |= p->due != DATE_NONE ? PF_DUE : 0;
	f |= p->start != DATE_NONE ? PF_START : 0;
	f |= p->month ? PF_MONTH : 0;
	f |= p->year ? PF_YEAR : 0;
	f |= p->by[0] ? PF_BY : 0;
	f |= p->ref[0] ? PF_REF : 0;
	codec_put_uvarint(out, (uint64_t)p->kind);
	put_byte(out, f);
	if (f & PF_LEVEL)
		put_fixed(out, p->level, sizeof p->level);
	if (f & PF_DUE)
		put_date(out, p->due);
	if (f & PF_START)
		put_date(out, p->start);
	if (f & PF_MONTH)
		codec_put_svarint(out, p->month);
	if (f & PF_YEAR)
		codec_put_svarint(out, p->year);
	if (f & PF_BY)
		put_fixed(out, p->by, sizeof p->by);
	if (f & PF_REF)
		put_fixed(out, p->ref, sizeof p->ref);
}

static void part_clear(struct dl_part *p)
{
	memset(p, 0, sizeof *p);
	p->kind = DL_NONE;
	p->due = DATE_NONE;
	p->start = DATE_NONE;
}

static void rd_part(struct rd *r, struct dl_part *p)
{
	uint64_t kind = rd_uv(r);
	uint8_t f = rd_byte(r);

	part_clear(p);
	if (kind >= DL_KIND_COUNT)
		rd_fail(r, "loại thời hạn ngoài phạm vi (%llu)", (unsigned long long)kind);
	if (f & ~PF_ALL)
		rd_fail(r, "cờ thời hạn không hợp lệ (%u)", f);
	if (r->fault[0])
		return;
	p->kind = (enum dl_kind)kind;
	if (f & PF_LEVEL)
		rd_fixed(r, p->level, sizeof p->level, "cấp");
	if (f & PF_DUE)
		p->due = rd_date(r);
	if (f & PF_START)
		p->start = rd_date(r);
	if (f & PF_MONTH) {
		p->month = rd_int(r);
		if (p->month < 0 || p->month > 12) {
			rd_fail(r, "tháng ngoài phạm vi (%d)", p->month);
			p->month = 0;
		}
	}
	if (f & PF_YEAR)
		p->year = rd_int(r);
	if (f & PF_BY)
		rd_fixed(r, p->by, sizeof p->by, "cơ quan yêu cầu");
	if (f & PF_REF)
		rd_fixed(r, p->ref, sizeof p->ref, "văn bản tham chiếu");
}

static void put_deadline(struct sbuf *out, const struct deadline *dl)
{
	put_part(out, &dl->d);
	codec_put_uvarint(out, (uint64_t)dl->nparts);
	for (int i = 0; i < dl->nparts; i++)
		put_part(out, &dl->parts[i]);
}

static void rd_deadline(struct rd *r, struct deadline *dl)
{
	for (int i = 0; i < DL_MAX_PARTS; i++)
		part_clear(&dl->parts[i]);
	dl->nparts = 0;
	rd_part(r, &dl->d);
	dl->nparts = rd_count(r, DL_MAX_PARTS, 2);
	for (int i = 0; i < dl->nparts; i++)
		rd_part(r, &dl->parts[i]);
}

/* ---- tasks ------------------------------------------------------------ */

static const char K_TASK[] = "nhiệm vụ";

int codec_task_encode(const struct task *t, struct sbuf *out, struct err *e)
{
	if (!fixed_ok(t->section, sizeof t->section))
		return bad_struct(e, K_TASK, "mục");
	if (t->npartners < 0 || (t->npartners > 0 && !t->partners))
		return bad_struct(e, K_TASK, "danh sách đơn vị phối hợp");
	if (!deadline_ok(&t->dl))
		return bad_struct(e, K_TASK, "thời hạn");
	if (t->status >= ST_COUNT)
		return bad_struct(e, K_TASK, "trạng thái");
	if (t->progress > 100)
		return bad_struct(e, K_TASK, "tiến độ");
	if (t->confirm > CF_RETURNED)
		return bad_struct(e, K_TASK, "trạng thái xác nhận");
	put_byte(out, CODEC_VERSION_TASK);
	codec_put_uvarint(out, t->id);
	codec_put_uvarint(out, t->doc_id);
	put_fixed(out, t->section, sizeof t->section);
	codec_put_uvarint(out, t->lead);
	put_str(out, t->lead_text);
	codec_put_uvarint(out, (uint64_t)t->npartners);
	for (int i = 0; i < t->npartners; i++)
		codec_put_uvarint(out, t->partners[i]);
	put_str(out, t->partners_text);
	put_str(out, t->text);
	put_str(out, t->dl_phrase);
	put_deadline(out, &t->dl);
	put_date(out, t->extended_to);
	put_byte(out, t->status);
	put_byte(out, t->progress);
	put_byte(out, t->confirm);
	put_date(out, t->start);
	put_date(out, t->last_update);
	put_date(out, t->done_date);
	put_date(out, t->due);
	codec_put_uvarint(out, t->nupdates);
	codec_put_svarint(out, t->created);
	return 0;
}

int codec_task_decode(const void *buf, size_t n, struct task *out, struct err *e)
{
	struct rd r;

	memset(out, 0, sizeof *out);
	if (!rd_begin(&r, buf, n, CODEC_VERSION_TASK, K_TASK, e))
		return ERR_STORE;
	out->id = rd_u64(&r);
	out->doc_id = rd_u64(&r);
	rd_fixed(&r, out->section, sizeof out->section, "mục");
	out->lead = rd_u32(&r);
	out->lead_text = rd_str(&r);
	int np = rd_count(&r, INT32_MAX, 1);
	if (np > 0) {
		out->partners = xcalloc((size_t)np, sizeof *out->partners);
		out->npartners = np;
		for (int i = 0; i < np; i++)
			out->partners[i] = rd_u32(&r);
	}
	out->partners_text = rd_str(&r);
	out->text = rd_str(&r);
	out->dl_phrase = rd_str(&r);
	rd_deadline(&r, &out->dl);
	out->extended_to = rd_date(&r);
	out->status = rd_enum(&r, ST_COUNT, "trạng thái");
	out->progress = rd_enum(&r, 101, "tiến độ");
	out->confirm = rd_enum(&r, CF_RETURNED + 1, "trạng thái xác nhận");
	out->start = rd_date(&r);
	out->last_update = rd_date(&r);
	out->done_date = rd_date(&r);
	out->due = rd_date(&r);
	out->nupdates = rd_u32(&r);
	out->created = rd_i64(&r);
	if (rd_end(&r, K_TASK, e)) {
		task_free(out);
		return ERR_STORE;
	}
	return 0;
}

/* ---- updates and extensions ------------------------------------------- */

static const char K_UPDATE[] = "cập nhật";
static const char K_EXT[] = "gia hạn";

int codec_update_encode(const struct update *u, struct sbuf *out, struct err *e)
{
	if (!fixed_ok(u->login, sizeof u->login))
		return bad_struct(e, K_UPDATE, "tên đăng nhập");
	if (u->progress < -1 || u->progress > 100)
		return bad_struct(e, K_UPDATE, "tiến độ");
	if (u->status_before < -1 || u->status_before >= ST_COUNT || u->status_after < -1 ||
	    u->status_after >= ST_COUNT)
		return bad_struct(e, K_UPDATE, "trạng thái");
	put_byte(out, CODEC_VERSION_UPDATE);
	codec_put_uvarint(out, u->id);
	codec_put_uvarint(out, u->task_id);
	codec_put_svarint(out, u->time);
	put_date(out, u->day);
	put_fixed(out, u->login, sizeof u->login);
	put_str(out, u->note);
	put_byte(out, (uint8_t)u->progress);
	put_byte(out, (uint8_t)u->status_before);
	put_byte(out, (uint8_t)u->status_after);
	return 0;
}

int codec_update_decode(const void *buf, size_t n, struct update *out, struct err *e)
{
	struct rd r;

	memset(out, 0, sizeof *out);
	if (!rd_begin(&r, buf, n, CODEC_VERSION_UPDATE, K_UPDATE, e))
		return ERR_STORE;
	out->id = rd_u64(&r);
	out->task_id = rd_u64(&r);
	out->time = rd_i64(&r);
	out->day = rd_date(&r);
	rd_fixed(&r, out->login, sizeof out->login, "tên đăng nhập");
	out->note = rd_str(&r);
	out->progress = rd_opt_enum(&r, 101, "tiến độ");
	out->status_before = rd_opt_enum(&r, ST_COUNT, "trạng thái");
	out->status_after = rd_opt_enum(&r, ST_COUNT, "trạng thái");
	if (rd_end(&r, K_UPDATE, e)) {
		update_free(out);
		return ERR_STORE;
	}
	return 0;
}

int codec_extension_encode(const struct extension *x, struct sbuf *out, struct err *e)
{
	if (!fixed_ok(x->login, sizeof x->login))
		return bad_struct(e, K_EXT, "tên đăng nhập");
	put_byte(out, CODEC_VERSION_EXTENSION);
	codec_put_uvarint(out, x->id);
	codec_put_uvarint(out, x->task_id);
	codec_put_svarint(out, x->time);
	put_fixed(out, x->login, sizeof x->login);
	put_date(out, x->from);
	put_date(out, x->to);
	put_str(out, x->reason);
	return 0;
}

int codec_extension_decode(const void *buf, size_t n, struct extension *out, struct err *e)
{
	struct rd r;

	memset(out, 0, sizeof *out);
	if (!rd_begin(&r, buf, n, CODEC_VERSION_EXTENSION, K_EXT, e))
		return ERR_STORE;
	out->id = rd_u64(&r);
	out->task_id = rd_u64(&r);
	out->time = rd_i64(&r);
	rd_fixed(&r, out->login, sizeof out->login, "tên đăng nhập");
	out->from = rd_date(&r);
	out->to = rd_date(&r);
	out->reason = rd_str(&r);
	if (rd_end(&r, K_EXT, e)) {
		extension_free(out);
		return ERR_STORE;
	}
	return 0;
}

/* ---- indicators and measures ------------------------------------------ */

static const char K_IND[] = "chỉ tiêu";
static const char K_MEAS[] = "số liệu chỉ tiêu";

int codec_indicator_encode(const struct indicator *i, struct sbuf *out, struct err *e)
{
	if (!fixed_ok(i->section, sizeof i->section))
		return bad_struct(e, K_IND, "mục");
	if (!fixed_ok(i->unit_of, sizeof i->unit_of))
		return bad_struct(e, K_IND, "đơn vị tính");
	put_byte(out, CODEC_VERSION_INDICATOR);
	codec_put_uvarint(out, i->id);
	codec_put_uvarint(out, i->doc_id);
	put_fixed(out, i->section, sizeof i->section);
	put_str(out, i->text);
	codec_put_svarint(out, i->year);
	put_double(out, i->min);
	put_double(out, i->target);
	put_fixed(out, i->unit_of, sizeof i->unit_of);
	codec_put_uvarint(out, i->lead);
	return 0;
}

int codec_indicator_decode(const void *buf, size_t n, struct indicator *out, struct err *e)
{
	struct rd r;

	memset(out, 0, sizeof *out);
	if (!rd_begin(&r, buf, n, CODEC_VERSION_INDICATOR, K_IND, e))
		return ERR_STORE;
	out->id = rd_u64(&r);
	out->doc_id = rd_u64(&r);
	rd_fixed(&r, out->section, sizeof out->section, "mục");
	out->text = rd_str(&r);
	out->year = rd_int(&r);
	out->min = rd_double(&r);
	out->target = rd_double(&r);
	rd_fixed(&r, out->unit_of, sizeof out->unit_of, "đơn vị tính");
	out->lead = rd_u32(&r);
	if (rd_end(&r, K_IND, e)) {
		indicator_free(out);
		return ERR_STORE;
	}
	return 0;
}

int codec_measure_encode(const struct measure *m, struct sbuf *out, struct err *e)
{
	if (!fixed_ok(m->login, sizeof m->login))
		return bad_struct(e, K_MEAS, "tên đăng nhập");
	put_byte(out, CODEC_VERSION_MEASURE);
	codec_put_uvarint(out, m->id);
	codec_put_uvarint(out, m->indicator_id);
	put_date(out, m->date);
	put_double(out, m->value);
	codec_put_svarint(out, m->time);
	put_fixed(out, m->login, sizeof m->login);
	put_str(out, m->note);
	return 0;
}

int codec_measure_decode(const void *buf, size_t n, struct measure *out, struct err *e)
{
	struct rd r;

	memset(out, 0, sizeof *out);
	if (!rd_begin(&r, buf, n, CODEC_VERSION_MEASURE, K_MEAS, e))
		return ERR_STORE;
	out->id = rd_u64(&r);
	out->indicator_id = rd_u64(&r);
	out->date = rd_date(&r);
	out->value = rd_double(&r);
	out->time = rd_i64(&r);
	rd_fixed(&r, out->login, sizeof out->login, "tên đăng nhập");
	out->note = rd_str(&r);
	if (rd_end(&r, K_MEAS, e)) {
		measure_free(out);
		return ERR_STORE;
	}
	return 0;
}

/* ---- audit ------------------------------------------------------------ */

static const char K_AUDIT[] = "nhật ký";

int codec_audit_encode(const struct audit *a, struct sbuf *out, struct err *e)
{
	if (!fixed_ok(a->login, sizeof a->login) || !fixed_ok(a->role, sizeof a->role) ||
	    !fixed_ok(a->action, sizeof a->action) || !fixed_ok(a->object, sizeof a->object))
		return bad_struct(e, K_AUDIT, "trường văn bản cố định");
	put_byte(out, CODEC_VERSION_AUDIT);
	codec_put_uvarint(out, a->seq);
	codec_put_svarint(out, a->time);
	put_fixed(out, a->login, sizeof a->login);
	put_fixed(out, a->role, sizeof a->role);
	put_fixed(out, a->action, sizeof a->action);
	put_fixed(out, a->object, sizeof a->object);
	put_str(out, a->before);
	put_str(out, a->after);
	return 0;
}

int codec_audit_decode(const void *buf, size_t n, struct audit *out, struct err *e)
{
	struct rd r;

	memset(out, 0, sizeof *out);
	if (!rd_begin(&r, buf, n, CODEC_VERSION_AUDIT, K_AUDIT, e))
		return ERR_STORE;
	out->seq = rd_u64(&r);
	out->time = rd_i64(&r);
	rd_fixed(&r, out->login, sizeof out->login, "tên đăng nhập");
	rd_fixed(&r, out->role, sizeof out->role, "vai trò");
	rd_fixed(&r, out->action, sizeof out->action, "hành động");
	rd_fixed(&r, out->object, sizeof out->object, "đối tượng");
	out->before = rd_str(&r);
	out->after = rd_str(&r);
	if (rd_end(&r, K_AUDIT, e)) {
		audit_free(out);
		return ERR_STORE;
	}
	return 0;
}
