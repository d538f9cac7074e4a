/* codec.c — the binary encoding of model.h records (see codec.h for the
 * layout).  Encoders check the struct first and then append; decoders read
 * through the bounds-checked cursor of codec-wire.h, so a record is
 * decoded field by field without a check after every call, and nothing is
 * allocated beyond what the remaining bytes could hold. */
#include <math.h>
#include <string.h>

#include "codec-wire.h"

/* ---- units ------------------------------------------------------------ */

static const char K_UNIT[] = "đơn vị";

int codec_unit_encode(const struct unit *u, struct sbuf *out, struct err *e)
{
	if (!cw_fixed_ok(u->code, sizeof u->code))
		return cw_bad_struct(e, K_UNIT, "mã");
	if (u->kind >= UK_COUNT)
		return cw_bad_struct(e, K_UNIT, "loại");
	cw_put_byte(out, CODEC_VERSION_UNIT);
	codec_put_uvarint(out, u->id);
	cw_put_fixed(out, u->code, sizeof u->code);
	codec_put_uvarint(out, u->parent); /* early: codec_unit_parent stops here */
	cw_put_str(out, u->name);
	cw_put_str(out, u->abbrevs);
	cw_put_byte(out, u->kind);
	cw_put_byte(out, u->historical);
	codec_put_uvarint(out, u->successor);
	return 0;
}

int codec_unit_decode(const void *buf, size_t n, struct unit *out, struct err *e)
{
	struct cw_rd r;

	memset(out, 0, sizeof *out);
	if (!cw_rd_begin(&r, buf, n, CODEC_VERSION_UNIT, K_UNIT, e))
		return ERR_STORE;
	out->id = cw_rd_u32(&r);
	cw_rd_fixed(&r, out->code, sizeof out->code, "mã");
	out->parent = cw_rd_u32(&r);
	out->name = cw_rd_str(&r);
	out->abbrevs = cw_rd_str(&r);
	out->kind = cw_rd_enum(&r, UK_COUNT, "loại đơn vị");
	out->historical = cw_rd_byte(&r);
	out->successor = cw_rd_u32(&r);
	if (cw_rd_end(&r, K_UNIT, e)) {
		unit_free(out);
		return ERR_STORE;
	}
	return 0;
}

int codec_unit_parent(const void *buf, size_t n, uint32_t *parent, struct err *e)
{
	struct cw_rd r;
	char code[CODE_LEN];

	*parent = 0;
	if (!cw_rd_begin(&r, buf, n, CODEC_VERSION_UNIT, K_UNIT, e))
		return ERR_STORE;
	cw_rd_u32(&r);
	cw_rd_fixed(&r, code, sizeof code, "mã");
	*parent = cw_rd_u32(&r);
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
	if (!cw_fixed_ok(d->kind, sizeof d->kind))
		return cw_bad_struct(e, K_DOC, "loại");
	if (!cw_fixed_ok(d->number, sizeof d->number))
		return cw_bad_struct(e, K_DOC, "số hiệu");
	if (d->nimplements < 0 || (d->nimplements > 0 && !d->implements))
		return cw_bad_struct(e, K_DOC, "danh sách văn bản thực hiện");
	for (int i = 0; i < d->nimplements; i++)
		if (!cw_fixed_ok(d->implements[i], DOCNUM_LEN))
			return cw_bad_struct(e, K_DOC, "số hiệu văn bản thực hiện");
	cw_put_byte(out, CODEC_VERSION_DOC);
	codec_put_uvarint(out, d->id);
	cw_put_fixed(out, d->kind, sizeof d->kind);
	cw_put_fixed(out, d->number, sizeof d->number);
	cw_put_date(out, d->date);
	cw_put_str(out, d->title);
	codec_put_uvarint(out, d->issuer);
	cw_put_str(out, d->issuer_text);
	cw_put_str(out, d->signer);
	cw_put_str(out, d->signer_role);
	codec_put_uvarint(out, (uint64_t)d->nimplements);
	for (int i = 0; i < d->nimplements; i++)
		cw_put_fixed(out, d->implements[i], DOCNUM_LEN);
	cw_put_date(out, d->plan_due);
	cw_put_str(out, d->source);
	codec_put_svarint(out, d->created);
	return 0;
}

int codec_doc_number(const void *buf, size_t n, char *number, struct err *e)
{
	struct cw_rd r;
	char kind[DOCKIND_LEN];

	number[0] = '\0';
	if (!cw_rd_begin(&r, buf, n, CODEC_VERSION_DOC, K_DOC, e))
		return ERR_STORE;
	cw_rd_u64(&r);
	cw_rd_fixed(&r, kind, sizeof kind, "loại");
	cw_rd_fixed(&r, number, DOCNUM_LEN, "số hiệu");
	if (r.fault[0]) {
		number[0] = '\0';
		return err_set(e, ERR_STORE, "bản ghi %s bị hỏng: %s", K_DOC, r.fault);
	}
	return 0;
}

int codec_doc_decode(const void *buf, size_t n, struct doc *out, struct err *e)
{
	struct cw_rd r;

	memset(out, 0, sizeof *out);
	if (!cw_rd_begin(&r, buf, n, CODEC_VERSION_DOC, K_DOC, e))
		return ERR_STORE;
	out->id = cw_rd_u64(&r);
	cw_rd_fixed(&r, out->kind, sizeof out->kind, "loại");
	cw_rd_fixed(&r, out->number, sizeof out->number, "số hiệu");
	out->date = cw_rd_date(&r);
	out->title = cw_rd_str(&r);
	out->issuer = cw_rd_u32(&r);
	out->issuer_text = cw_rd_str(&r);
	out->signer = cw_rd_str(&r);
	out->signer_role = cw_rd_str(&r);
	int ni = cw_rd_count(&r, INT32_MAX, 1);
	if (ni > 0) {
		out->implements = xcalloc((size_t)ni, DOCNUM_LEN);
		out->nimplements = ni;
		for (int i = 0; i < ni; i++)
			cw_rd_fixed(&r, out->implements[i], DOCNUM_LEN, "số hiệu văn bản thực hiện");
	}
	out->plan_due = cw_rd_date(&r);
	out->source = cw_rd_str(&r);
	out->created = cw_rd_i64(&r);
	if (cw_rd_end(&r, K_DOC, e)) {
		doc_free(out);
		return ERR_STORE;
	}
	return 0;
}

/* ---- deadlines -------------------------------------------------------- */

enum {
	PF_LEVEL = 1, PF_DUE = 2, PF_START = 4, PF_MONTH = 8, PF_YEAR = 16, PF_BY = 32,
	PF_REF = 64, PF_EVERY = 128, PF_ALL = 255
};

static int part_ok(const struct dl_part *p)
{
	return (unsigned)p->kind < DL_KIND_COUNT && p->month >= 0 && p->month <= 12 &&
	       p->every < DL_EVERY_COUNT &&
	       cw_fixed_ok(p->level, sizeof p->level) && cw_fixed_ok(p->by, sizeof p->by) &&
	       cw_fixed_ok(p->ref, sizeof p->ref);
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
	f |= p->every ? PF_EVERY : 0;
	codec_put_uvarint(out, (uint64_t)p->kind);
	cw_put_byte(out, f);
	if (f & PF_LEVEL)
		cw_put_fixed(out, p->level, sizeof p->level);
	if (f & PF_DUE)
		cw_put_date(out, p->due);
	if (f & PF_START)
		cw_put_date(out, p->start);
	if (f & PF_MONTH)
		codec_put_svarint(out, p->month);
	if (f & PF_YEAR)
		codec_put_svarint(out, p->year);
	if (f & PF_BY)
		cw_put_fixed(out, p->by, sizeof p->by);
	if (f & PF_REF)
		cw_put_fixed(out, p->ref, sizeof p->ref);
	if (f & PF_EVERY)
		cw_put_byte(out, p->every);
}

static void part_clear(struct dl_part *p)
{
	memset(p, 0, sizeof *p);
	p->kind = DL_NONE;
	p->due = DATE_NONE;
	p->start = DATE_NONE;
}

static void rd_part(struct cw_rd *r, struct dl_part *p)
{
	uint64_t kind = cw_rd_uv(r);
	uint8_t f = cw_rd_byte(r);

	part_clear(p);
	if (kind >= DL_KIND_COUNT)
		cw_rd_fail(r, "loại thời hạn ngoài phạm vi (%llu)", (unsigned long long)kind);
	if (f & ~PF_ALL)
		cw_rd_fail(r, "cờ thời hạn không hợp lệ (%u)", f);
	if (r->fault[0])
		return;
	p->kind = (enum dl_kind)kind;
	if (f & PF_LEVEL)
		cw_rd_fixed(r, p->level, sizeof p->level, "cấp");
	if (f & PF_DUE)
		p->due = cw_rd_date(r);
	if (f & PF_START)
		p->start = cw_rd_date(r);
	if (f & PF_MONTH) {
		p->month = cw_rd_int(r);
		if (p->month < 0 || p->month > 12) {
			cw_rd_fail(r, "tháng ngoài phạm vi (%d)", p->month);
			p->month = 0;
		}
	}
	if (f & PF_YEAR)
		p->year = cw_rd_int(r);
	if (f & PF_BY)
		cw_rd_fixed(r, p->by, sizeof p->by, "cơ quan yêu cầu");
	if (f & PF_REF)
		cw_rd_fixed(r, p->ref, sizeof p->ref, "văn bản tham chiếu");
	if (f & PF_EVERY) {
		p->every = cw_rd_byte(r);
		if (p->every == 0 || p->every >= DL_EVERY_COUNT) {
			cw_rd_fail(r, "nhịp báo cáo ngoài phạm vi (%u)", p->every);
			p->every = 0;
		}
	}
}

static void put_deadline(struct sbuf *out, const struct deadline *dl)
{
	put_part(out, &dl->d);
	codec_put_uvarint(out, (uint64_t)dl->nparts);
	for (int i = 0; i < dl->nparts; i++)
		put_part(out, &dl->parts[i]);
}

static void rd_deadline(struct cw_rd *r, struct deadline *dl)
{
	for (int i = 0; i < DL_MAX_PARTS; i++)
		part_clear(&dl->parts[i]);
	dl->nparts = 0;
	rd_part(r, &dl->d);
	dl->nparts = cw_rd_count(r, DL_MAX_PARTS, 2);
	for (int i = 0; i < dl->nparts; i++)
		rd_part(r, &dl->parts[i]);
}

/* ---- tasks ------------------------------------------------------------ */

static const char K_TASK[] = "nhiệm vụ";

/* The due of a version 2 task: 0 for none, 1 for the deadline's own due
 * (most tasks: the period engine gives it back), else a date form plus 1. */
static void put_due(struct sbuf *out, date_t due, date_t own)
{
	if (due == DATE_NONE) {
		codec_put_uvarint(out, 0);
	} else if (due == own) {
		codec_put_uvarint(out, 1);
	} else {
		int64_t v = due;
		codec_put_uvarint(out, (v < 0 ? ~((uint64_t)v << 1) : (uint64_t)v << 1) + 2);
	}
}

static date_t rd_due(struct cw_rd *r, date_t own)
{
	uint64_t u = cw_rd_uv(r);
	int64_t d;

	if (u == 0)
		return DATE_NONE;
	if (u == 1) {
		if (own == DATE_NONE)
			cw_rd_fail(r, "hạn dựa vào thời hạn không có ngày");
		return own;
	}
	u -= 2;
	d = (u & 1) ? -(int64_t)(u >> 1) - 1 : (int64_t)(u >> 1);
	if (d < INT32_MIN || d > INT32_MAX || d == DATE_NONE) {
		cw_rd_fail(r, "ngày ngoài phạm vi");
		return DATE_NONE;
	}
	return (date_t)d;
}

int codec_task_encode_d(const struct task *t, const struct codec_dict *d, struct sbuf *out,
                        struct err *e)
{
	size_t start = out->len;
	int rc;

	if (!cw_fixed_ok(t->section, sizeof t->section))
		return cw_bad_struct(e, K_TASK, "mục");
	if (t->npartners < 0 || (t->npartners > 0 && !t->partners))
		return cw_bad_struct(e, K_TASK, "danh sách đơn vị phối hợp");
	if (!deadline_ok(&t->dl))
		return cw_bad_struct(e, K_TASK, "thời hạn");
	if (t->status >= ST_COUNT)
		return cw_bad_struct(e, K_TASK, "trạng thái");
	if (t->progress > 100)
		return cw_bad_struct(e, K_TASK, "tiến độ");
	if (t->confirm > CF_RETURNED)
		return cw_bad_struct(e, K_TASK, "trạng thái xác nhận");
	cw_put_byte(out, CODEC_VERSION_TASK);
	codec_put_uvarint(out, t->id);
	codec_put_uvarint(out, t->doc_id);
	if ((rc = cw_put_dfixed(out, t->section, sizeof t->section, d, e)))
		goto fail;
	codec_put_uvarint(out, t->lead);
	if ((rc = cw_put_dstr(out, t->lead_text, d, e)))
		goto fail;
	codec_put_uvarint(out, (uint64_t)t->npartners);
	for (int i = 0; i < t->npartners; i++)
		codec_put_uvarint(out, t->partners[i]);
	if ((rc = cw_put_dstr(out, t->partners_text, d, e)))
		goto fail;
	cw_put_str(out, t->text);
	if ((rc = cw_put_dstr(out, t->dl_phrase, d, e)))
		goto fail;
	put_deadline(out, &t->dl);
	cw_put_date(out, t->extended_to);
	cw_put_byte(out, t->status);
	cw_put_byte(out, t->progress);
	cw_put_byte(out, t->confirm);
	cw_put_date(out, t->start);
	cw_put_date(out, t->last_update);
	cw_put_date(out, t->done_date);
	put_due(out, t->due, t->dl.d.due);
	codec_put_uvarint(out, t->nupdates);
	codec_put_svarint(out, t->created);
	/* version 2: a trailing byte of flags, written only when one is set
	 * (so a record without it is an ordinary task) */
	if (t->group_open)
		cw_put_byte(out, 1);
	return 0;
fail:
	out->len = start;
	return rc;
}

int codec_task_encode(const struct task *t, struct sbuf *out, struct err *e)
{
	return codec_task_encode_d(t, NULL, out, e);
}

int codec_task_decode_d(const void *buf, size_t n, const struct codec_dict *d,
                        struct task *out, struct err *e)
{
	struct cw_rd r;
	unsigned v;

	memset(out, 0, sizeof *out);
	if (!(v = cw_rd_begin(&r, buf, n, CODEC_VERSION_TASK, K_TASK, e)))
		return ERR_STORE;
	out->id = cw_rd_u64(&r);
	out->doc_id = cw_rd_u64(&r);
	if (v >= 2)
		cw_rd_dfixed(&r, out->section, sizeof out->section, d, "mục");
	else
		cw_rd_fixed(&r, out->section, sizeof out->section, "mục");
	out->lead = cw_rd_u32(&r);
	out->lead_text = v >= 2 ? cw_rd_dstr(&r, d) : cw_rd_str(&r);
	int np = cw_rd_count(&r, INT32_MAX, 1);
	if (np > 0) {
		out->partners = xcalloc((size_t)np, sizeof *out->partners);
		out->npartners = np;
		for (int i = 0; i < np; i++)
			out->partners[i] = cw_rd_u32(&r);
	}
	out->partners_text = v >= 2 ? cw_rd_dstr(&r, d) : cw_rd_str(&r);
	out->text = cw_rd_str(&r);
	out->dl_phrase = v >= 2 ? cw_rd_dstr(&r, d) : cw_rd_str(&r);
	rd_deadline(&r, &out->dl);
	out->extended_to = cw_rd_date(&r);
	out->status = cw_rd_enum(&r, ST_COUNT, "trạng thái");
	out->progress = cw_rd_enum(&r, 101, "tiến độ");
	out->confirm = cw_rd_enum(&r, CF_RETURNED + 1, "trạng thái xác nhận");
	out->start = cw_rd_date(&r);
	out->last_update = cw_rd_date(&r);
	out->done_date = cw_rd_date(&r);
	out->due = v >= 2 ? rd_due(&r, out->dl.d.due) : cw_rd_date(&r);
	out->nupdates = cw_rd_u32(&r);
	out->created = cw_rd_i64(&r);
	if (v >= 2 && !r.fault[0] && r.p != r.end) {
		uint8_t flags = cw_rd_byte(&r);
		if (flags != 1)
			cw_rd_fail(&r, "cờ nhiệm vụ không hợp lệ (%u)", (unsigned)flags);
		out->group_open = 1;
	}
	if (cw_rd_end(&r, K_TASK, e)) {
		task_free(out);
		return ERR_STORE;
	}
	return 0;
}

int codec_task_decode(const void *buf, size_t n, struct task *out, struct err *e)
{
	return codec_task_decode_d(buf, n, NULL, out, e);
}

/* ---- updates and extensions ------------------------------------------- */

static const char K_UPDATE[] = "cập nhật";
static const char K_EXT[] = "gia hạn";

/* Day of an update relative to the UTC day of its time: 0 for none, else
 * zigzag(difference) + 1 (one byte for the usual 0 or -1). */
static void put_day_near(struct sbuf *out, date_t day, int64_t time)
{
	if (day == DATE_NONE) {
		codec_put_uvarint(out, 0);
		return;
	}
	int64_t d = (int64_t)day - date_of_unix(time);
	codec_put_uvarint(out, (d < 0 ? ~((uint64_t)d << 1) : (uint64_t)d << 1) + 1);
}

static date_t rd_day_near(struct cw_rd *r, int64_t time)
{
	uint64_t u = cw_rd_uv(r);
	int64_t d, day;

	if (u == 0)
		return DATE_NONE;
	u--;
	d = (u & 1) ? -(int64_t)(u >> 1) - 1 : (int64_t)(u >> 1);
	/* the difference of two int32 days: within +-2^32 */
	if (d < -((int64_t)1 << 33) || d > ((int64_t)1 << 33)) {
		cw_rd_fail(r, "ngày ngoài phạm vi");
		return DATE_NONE;
	}
	day = (int64_t)date_of_unix(time) + d;
	if (day < INT32_MIN || day > INT32_MAX || day == DATE_NONE) {
		cw_rd_fail(r, "ngày ngoài phạm vi");
		return DATE_NONE;
	}
	return (date_t)day;
}

/* The statuses, the confirmation and which dates follow, of a version 3
 * update, as one number: (status_before + 1) + 5 (status_after + 1) +
 * 25 (confirm_after + 1), plus 125 when done_on follows and 250 when
 * period does; one byte for most updates. */
_Static_assert(ST_COUNT <= 4 && CF_RETURNED <= 3, "update state: five values per field");

static uint64_t update_state(const struct update *u)
{
	return (uint64_t)(u->status_before + 1) + 5 * (uint64_t)(u->status_after + 1) +
	       25 * (uint64_t)(u->confirm_after + 1) + (u->done_on != DATE_NONE ? 125 : 0) +
	       (u->period != DATE_NONE ? 250 : 0);
}

static void rd_update_state(struct cw_rd *r, struct update *u)
{
	uint64_t s = cw_rd_uv(r);

	if (r->fault[0])
		return;
	if (s >= 500) {
		cw_rd_fail(r, "trạng thái cập nhật ngoài phạm vi (%llu)", (unsigned long long)s);
		return;
	}
	u->status_before = (int8_t)(s % 5) - 1;
	u->status_after = (int8_t)(s / 5 % 5) - 1;
	u->confirm_after = (int8_t)(s / 25 % 5) - 1;
	if (s / 125 & 1) {
		u->done_on = cw_rd_date(r);
		if (u->done_on == DATE_NONE)
			cw_rd_fail(r, "ngày hoàn thành rỗng");
	}
	if (s / 250) {
		u->period = cw_rd_date(r);
		if (u->period == DATE_NONE)
			cw_rd_fail(r, "kỳ báo cáo rỗng");
	}
}

int codec_update_encode_d(const struct update *u, const struct codec_dict *d,
                          struct sbuf *out, struct err *e)
{
	size_t start = out->len;
	int rc;

	if (!cw_fixed_ok(u->login, sizeof u->login))
		return cw_bad_struct(e, K_UPDATE, "tên đăng nhập");
	if (u->progress < -1 || u->progress > 100)
		return cw_bad_struct(e, K_UPDATE, "tiến độ");
	if (u->status_before < -1 || u->status_before >= ST_COUNT || u->status_after < -1 ||
	    u->status_after >= ST_COUNT)
		return cw_bad_struct(e, K_UPDATE, "trạng thái");
	if (u->confirm_after < -1 || u->confirm_after > CF_RETURNED)
		return cw_bad_struct(e, K_UPDATE, "xác nhận");
	cw_put_byte(out, CODEC_VERSION_UPDATE);
	codec_put_svarint(out, u->time);
	put_day_near(out, u->day, u->time);
	if ((rc = cw_put_dfixed(out, u->login, sizeof u->login, d, e))) {
		out->len = start;
		return rc;
	}
	cw_put_str(out, u->note);
	cw_put_byte(out, (uint8_t)u->progress);
	codec_put_uvarint(out, update_state(u));
	if (u->done_on != DATE_NONE)
		cw_put_date(out, u->done_on);
	if (u->period != DATE_NONE)
		cw_put_date(out, u->period);
	return 0;
}

int codec_update_encode(const struct update *u, struct sbuf *out, struct err *e)
{
	return codec_update_encode_d(u, NULL, out, e);
}

int codec_update_decode_d(const void *buf, size_t n, uint64_t task, uint64_t id,
                          const struct codec_dict *d, struct update *out, struct err *e)
{
	struct cw_rd r;
	unsigned v;

	update_init(out);
	if (!(v = cw_rd_begin(&r, buf, n, CODEC_VERSION_UPDATE, K_UPDATE, e)))
		return ERR_STORE;
	if (v >= 3) {
		out->id = id;
		out->task_id = task;
		out->time = cw_rd_i64(&r);
		out->day = rd_day_near(&r, out->time);
		cw_rd_dfixed(&r, out->login, sizeof out->login, d, "tên đăng nhập");
	} else {
		out->id = cw_rd_u64(&r);
		out->task_id = cw_rd_u64(&r);
		out->time = cw_rd_i64(&r);
		out->day = cw_rd_date(&r);
		cw_rd_fixed(&r, out->login, sizeof out->login, "tên đăng nhập");
	}
	out->note = cw_rd_str(&r);
	out->progress = cw_rd_opt_enum(&r, 101, "tiến độ");
	if (v >= 3) {
		rd_update_state(&r, out);
	} else {
		out->status_before = cw_rd_opt_enum(&r, ST_COUNT, "trạng thái");
		out->status_after = cw_rd_opt_enum(&r, ST_COUNT, "trạng thái");
	}
	if (v == 2) {
		out->done_on = cw_rd_date(&r);
		out->period = cw_rd_date(&r);
		out->confirm_after = cw_rd_opt_enum(&r, CF_RETURNED + 1, "xác nhận");
	}
	if (cw_rd_end(&r, K_UPDATE, e)) {
		update_free(out);
		return ERR_STORE;
	}
	return 0;
}

int codec_update_decode(const void *buf, size_t n, struct update *out, struct err *e)
{
	return codec_update_decode_d(buf, n, 0, 0, NULL, out, e);
}

int codec_extension_encode(const struct extension *x, struct sbuf *out, struct err *e)
{
	if (!cw_fixed_ok(x->login, sizeof x->login) || !cw_fixed_ok(x->decided_by, sizeof x->decided_by))
		return cw_bad_struct(e, K_EXT, "tên đăng nhập");
	if (x->state > EXT_REFUSED)
		return cw_bad_struct(e, K_EXT, "trạng thái");
	cw_put_byte(out, CODEC_VERSION_EXTENSION);
	codec_put_uvarint(out, x->id);
	codec_put_uvarint(out, x->task_id);
	codec_put_svarint(out, x->time);
	cw_put_fixed(out, x->login, sizeof x->login);
	cw_put_date(out, x->from);
	cw_put_date(out, x->to);
	cw_put_str(out, x->reason);
	cw_put_date(out, x->day);
	cw_put_byte(out, x->state);
	cw_put_byte(out, x->late);
	cw_put_fixed(out, x->decided_by, sizeof x->decided_by);
	cw_put_date(out, x->decided);
	cw_put_str(out, x->decision);
	return 0;
}

int codec_extension_decode(const void *buf, size_t n, struct extension *out, struct err *e)
{
	struct cw_rd r;
	unsigned v;

	extension_init(out);
	if (!(v = cw_rd_begin(&r, buf, n, CODEC_VERSION_EXTENSION, K_EXT, e)))
		return ERR_STORE;
	out->id = cw_rd_u64(&r);
	out->task_id = cw_rd_u64(&r);
	out->time = cw_rd_i64(&r);
	cw_rd_fixed(&r, out->login, sizeof out->login, "tên đăng nhập");
	out->from = cw_rd_date(&r);
	out->to = cw_rd_date(&r);
	out->reason = cw_rd_str(&r);
	if (v >= 2) {
		out->day = cw_rd_date(&r);
		out->state = cw_rd_enum(&r, EXT_REFUSED + 1, "trạng thái gia hạn");
		out->late = cw_rd_byte(&r);
		cw_rd_fixed(&r, out->decided_by, sizeof out->decided_by, "người quyết định");
		out->decided = cw_rd_date(&r);
		out->decision = cw_rd_str(&r);
	} else {
		/* A version 1 extension was granted when it was written. */
		out->day = date_of_unix(out->time);
	}
	if (cw_rd_end(&r, K_EXT, e)) {
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
	if (!cw_fixed_ok(i->section, sizeof i->section))
		return cw_bad_struct(e, K_IND, "mục");
	if (!cw_fixed_ok(i->unit_of, sizeof i->unit_of))
		return cw_bad_struct(e, K_IND, "đơn vị tính");
	cw_put_byte(out, CODEC_VERSION_INDICATOR);
	codec_put_uvarint(out, i->id);
	codec_put_uvarint(out, i->doc_id);
	cw_put_fixed(out, i->section, sizeof i->section);
	cw_put_str(out, i->text);
	codec_put_svarint(out, i->year);
	cw_put_double(out, i->min);
	cw_put_double(out, i->target);
	cw_put_fixed(out, i->unit_of, sizeof i->unit_of);
	codec_put_uvarint(out, i->lead);
	return 0;
}

int codec_indicator_decode(const void *buf, size_t n, struct indicator *out, struct err *e)
{
	struct cw_rd r;

	memset(out, 0, sizeof *out);
	if (!cw_rd_begin(&r, buf, n, CODEC_VERSION_INDICATOR, K_IND, e))
		return ERR_STORE;
	out->id = cw_rd_u64(&r);
	out->doc_id = cw_rd_u64(&r);
	cw_rd_fixed(&r, out->section, sizeof out->section, "mục");
	out->text = cw_rd_str(&r);
	out->year = cw_rd_int(&r);
	out->min = cw_rd_double(&r);
	out->target = cw_rd_double(&r);
	cw_rd_fixed(&r, out->unit_of, sizeof out->unit_of, "đơn vị tính");
	out->lead = cw_rd_u32(&r);
	if (cw_rd_end(&r, K_IND, e)) {
		indicator_free(out);
		return ERR_STORE;
	}
	return 0;
}

int codec_measure_encode(const struct measure *m, struct sbuf *out, struct err *e)
{
	if (!cw_fixed_ok(m->login, sizeof m->login))
		return cw_bad_struct(e, K_MEAS, "tên đăng nhập");
	cw_put_byte(out, CODEC_VERSION_MEASURE);
	codec_put_uvarint(out, m->id);
	codec_put_uvarint(out, m->indicator_id);
	cw_put_date(out, m->date);
	cw_put_double(out, m->value);
	codec_put_svarint(out, m->time);
	cw_put_fixed(out, m->login, sizeof m->login);
	cw_put_str(out, m->note);
	return 0;
}

int codec_measure_decode(const void *buf, size_t n, struct measure *out, struct err *e)
{
	struct cw_rd r;

	memset(out, 0, sizeof *out);
	if (!cw_rd_begin(&r, buf, n, CODEC_VERSION_MEASURE, K_MEAS, e))
		return ERR_STORE;
	out->id = cw_rd_u64(&r);
	out->indicator_id = cw_rd_u64(&r);
	out->date = cw_rd_date(&r);
	out->value = cw_rd_double(&r);
	out->time = cw_rd_i64(&r);
	cw_rd_fixed(&r, out->login, sizeof out->login, "tên đăng nhập");
	out->note = cw_rd_str(&r);
	if (cw_rd_end(&r, K_MEAS, e)) {
		measure_free(out);
		return ERR_STORE;
	}
	return 0;
}

/* ---- audit ------------------------------------------------------------ */

static const char K_AUDIT[] = "nhật ký";

int codec_audit_encode(const struct audit *a, struct sbuf *out, struct err *e)
{
	if (!cw_fixed_ok(a->login, sizeof a->login) || !cw_fixed_ok(a->role, sizeof a->role) ||
	    !cw_fixed_ok(a->action, sizeof a->action) || !cw_fixed_ok(a->object, sizeof a->object))
		return cw_bad_struct(e, K_AUDIT, "trường văn bản cố định");
	cw_put_byte(out, CODEC_VERSION_AUDIT);
	codec_put_uvarint(out, a->seq);
	codec_put_svarint(out, a->time);
	cw_put_fixed(out, a->login, sizeof a->login);
	cw_put_fixed(out, a->role, sizeof a->role);
	cw_put_fixed(out, a->action, sizeof a->action);
	cw_put_fixed(out, a->object, sizeof a->object);
	cw_put_str(out, a->before);
	cw_put_str(out, a->after);
	return 0;
}

int codec_audit_decode(const void *buf, size_t n, struct audit *out, struct err *e)
{
	struct cw_rd r;

	memset(out, 0, sizeof *out);
	if (!cw_rd_begin(&r, buf, n, CODEC_VERSION_AUDIT, K_AUDIT, e))
		return ERR_STORE;
	out->seq = cw_rd_u64(&r);
	out->time = cw_rd_i64(&r);
	cw_rd_fixed(&r, out->login, sizeof out->login, "tên đăng nhập");
	cw_rd_fixed(&r, out->role, sizeof out->role, "vai trò");
	cw_rd_fixed(&r, out->action, sizeof out->action, "hành động");
	cw_rd_fixed(&r, out->object, sizeof out->object, "đối tượng");
	out->before = cw_rd_str(&r);
	out->after = cw_rd_str(&r);
	if (cw_rd_end(&r, K_AUDIT, e)) {
		audit_free(out);
		return ERR_STORE;
	}
	return 0;
}
