/* ref-rows.c — the floor for `theodoi overdue --limit 50` (make bench only).
 *
 * A bare LMDB program that prints the first N overdue rows from the same
 * keys theodoi reads, and nothing more: it walks "due_rows" (the covering
 * entries beside "due_tasks", src/store-cover.c) from the first day up to
 * the day before today, decodes each entry's task, looks up its lead's
 * name in "units" and its document's number in "docs" (each unit and
 * document once per run, in a small table), and prints one text line per
 * row with plain printf widths.  It links liblmdb alone and reads no
 * configuration, so the gap between its time and theodoi's is what the
 * program adds around the rows.
 *
 *   ref-rows STORE_DIR [N]     (N rows, default 50; today: $THEODOI_TODAY,
 *                               else the clock)
 *
 * The layouts it reads (include/store.h, src/codec.c):
 *   due_rows  key: biased day (day ^ 0x80000000) | task id, big endian;
 *             value: a byte of cut flags, then the task record (below).
 *   units     key: unit id, u32 big endian; value: version byte, id, code
 *             (len + bytes), parent, name (len + 1, bytes), ...
 *   docs      key: doc id, u64 big endian; value: version byte, id, kind
 *             (len + bytes), number (len + bytes), ...
 *   task      version byte, id, doc id, section (2 * len, bytes: no
 *             dictionary in a row), lead, lead text (0 | 2 * (len + 1)),
 *             partners (count, ids), partners text, text (0 | len + 1),
 *             deadline phrase, deadline (part, count, parts), extended
 *             to, status byte, progress byte, ...
 * Numbers are unsigned LEB128 varints; dates zigzag + 1 (0: none). */
#include <lmdb.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ref-keys.h"

struct rd {
	const unsigned char *p, *end;
	int bad;
};

static uint64_t uv(struct rd *r)
{
	uint64_t v = 0;
	for (int shift = 0; r->p < r->end && shift < 64; shift += 7) {
		unsigned char c = *r->p++;
		v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return v;
	}
	r->bad = 1;
	return 0;
}

static unsigned byte(struct rd *r)
{
	if (r->p >= r->end) {
		r->bad = 1;
		return 0;
	}
	return *r->p++;
}

/* n bytes at the reader as a string view. */
static const char *bytes(struct rd *r, size_t n, int *len)
{
	const char *s = (const char *)r->p;
	if (n > (size_t)(r->end - r->p) || n > 4096) {
		r->bad = 1;
		*len = 0;
		return "";
	}
	r->p += n;
	*len = (int)n;
	return s;
}

/* A plain string (0: none, else length + 1). */
static const char *str(struct rd *r, int *len)
{
	uint64_t n = uv(r);
	return bytes(r, n ? n - 1 : 0, len);
}

/* A fixed array (length, bytes). */
static const char *fixed(struct rd *r, int *len)
{
	return bytes(r, uv(r), len);
}

/* A dictionary string as a row holds it: 0 none, 2 * (length + 1) for a
 * string, 2 * length for a fixed array (no dictionary ids in a row). */
static const char *dstr(struct rd *r, int is_fixed, int *len)
{
	uint64_t v = uv(r);
	if (v & 1) {
		r->bad = 1;
		*len = 0;
		return "";
	}
	v /= 2;
	if (!is_fixed && v)
		v--;
	return bytes(r, v, len);
}

/* One part of a deadline, skipped. */
static void skip_part(struct rd *r)
{
	int len;
	uv(r); /* kind */
	unsigned f = byte(r);
	if (f & 1)
		fixed(r, &len); /* level */
	if (f & 2)
		uv(r); /* due */
	if (f & 4)
		uv(r); /* start */
	if (f & 8)
		uv(r); /* month */
	if (f & 16)
		uv(r); /* year */
	if (f & 32)
		fixed(r, &len); /* by */
	if (f & 64)
		fixed(r, &len); /* ref */
	if (f & 128)
		byte(r); /* every */
}

static void put64(unsigned char *p, uint64_t v)
{
	put32(p, (uint32_t)(v >> 32));
	put32(p + 4, (uint32_t)v);
}

/* A day number (ref-keys.h day_of) back to its civil date. */
static void civil(int32_t z, int *y, int *m, int *d)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static int32_t today(void)
{
	const char *s = getenv("THEODOI_TODAY");
	int y, m, d;
	if (s && sscanf(s, "%d-%d-%d", &y, &m, &d) == 3)
		return day_of(y, m, d);
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return day_of(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* The names and numbers read so far: a run of 50 rows meets a few dozen. */
#define SEEN_MAX 128
struct seen {
	uint64_t id;
	char text[64];
};

static const char *lookup(MDB_txn *txn, MDB_dbi dbi, struct seen *tab, int *n, uint64_t id,
                          int unit)
{
	for (int i = 0; i < *n; i++)
		if (tab[i].id == id)
			return tab[i].text;
	struct seen *s = &tab[*n < SEEN_MAX ? (*n)++ : SEEN_MAX - 1];
	unsigned char key[8];
	MDB_val k = {unit ? 4 : 8, key}, v;
	s->id = id;
	s->text[0] = '\0';
	if (unit)
		put32(key, (uint32_t)id);
	else
		put64(key, id);
	if (mdb_get(txn, dbi, &k, &v) == 0) {
		struct rd r = {v.mv_data, (const unsigned char *)v.mv_data + v.mv_size, 0};
		const char *t;
		int len;
		byte(&r); /* version */
		uv(&r);   /* id */
		fixed(&r, &len); /* unit: code; doc: kind */
		if (unit) {
			uv(&r); /* parent */
			t = str(&r, &len);
		} else {
			t = fixed(&r, &len); /* number */
		}
		if (!r.bad)
			snprintf(s->text, sizeof s->text, "%.*s", len, t);
	}
	return s->text;
}

int main(int argc, char **argv)
{
	static const char *const status[] = {"chưa thực hiện", "đang thực hiện", "hoàn thành",
	                                     "tạm dừng"};
	struct seen units[SEEN_MAX], docs[SEEN_MAX];
	int nunits = 0, ndocs = 0;
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi rows, udb, ddb;
	MDB_cursor *cur;
	MDB_val k, v;
	unsigned char key[12];
	long limit = argc > 2 ? strtol(argv[2], NULL, 10) : 50, shown = 0;
	int rc;

	if (argc < 2 || argc > 3 || limit <= 0) {
		fprintf(stderr, "usage: ref-rows STORE_DIR [N]\n");
		return 2;
	}
	int32_t now = today();
	if ((rc = mdb_env_create(&env)) || (rc = mdb_env_set_maxdbs(env, 64)) ||
	    (rc = mdb_env_open(env, argv[1], MDB_RDONLY | MDB_NOTLS, 0664)) ||
	    (rc = mdb_txn_begin(env, NULL, MDB_RDONLY, &txn)) ||
	    (rc = mdb_dbi_open(txn, "due_rows", 0, &rows)) ||
	    (rc = mdb_dbi_open(txn, "units", 0, &udb)) || (rc = mdb_dbi_open(txn, "docs", 0, &ddb)) ||
	    (rc = mdb_cursor_open(txn, rows, &cur))) {
		fprintf(stderr, "ref-rows: %s: %s\n", argv[1], mdb_strerror(rc));
		return 1;
	}
	memset(key, 0, sizeof key);
	k.mv_size = sizeof key;
	k.mv_data = key;
	uint32_t hi = (uint32_t)(now - 1) ^ 0x80000000u;
	printf("%6s  %-17s  %-8s  %-24s  %-44s  %-10s  %-14s  %3s  %s\n", "Mã", "Văn bản", "Mục",
	       "Chủ trì", "Nội dung", "Hạn", "Trạng thái", "%", "Tình trạng");
	for (rc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE); rc == 0 && shown < limit;
	     rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
		if (k.mv_size != 12 || get32(k.mv_data) > hi)
			break;
		struct rd r = {v.mv_data, (const unsigned char *)v.mv_data + v.mv_size, 0};
		int seclen, leadlen, textlen, len;
		byte(&r); /* cut flags */
		byte(&r); /* record version */
		uint64_t id = uv(&r), doc = uv(&r);
		const char *sec = dstr(&r, 1, &seclen);
		uint64_t lead = uv(&r);
		const char *lead_text = dstr(&r, 0, &leadlen);
		for (uint64_t np = uv(&r); np > 0 && !r.bad; np--)
			uv(&r);
		dstr(&r, 0, &len); /* partners text */
		const char *text = str(&r, &textlen);
		dstr(&r, 0, &len); /* deadline phrase */
		skip_part(&r);
		for (uint64_t np = uv(&r); np > 0 && !r.bad; np--)
			skip_part(&r);
		uv(&r); /* extended to */
		unsigned st = byte(&r), progress = byte(&r);
		if (r.bad || st > 3) {
			fprintf(stderr, "ref-rows: bad row of task %llu\n", (unsigned long long)id);
			return 1;
		}
		int32_t due = (int32_t)(get32(k.mv_data) ^ 0x80000000u);
		int y, m, d;
		civil(due, &y, &m, &d);
		const char *name = lead ? lookup(txn, udb, units, &nunits, lead, 1) : "";
		const char *number = doc ? lookup(txn, ddb, docs, &ndocs, doc, 0) : "";
		/* the stored prefixes as they are: cut to the columns by the store */
		printf("%6llu  #%llu %-12s  %-8.*s  %-24.*s  %-44.*s  %02d/%02d/%04d  %-14s  %3u  "
		       "quá hạn %d ngày\n",
		       (unsigned long long)id, (unsigned long long)doc, number, seclen, sec,
		       lead ? (int)strlen(name) : leadlen, lead ? name : lead_text, textlen, text, d,
		       m, y, status[st], progress, now - due);
		shown++;
	}
	mdb_cursor_close(cur);
	mdb_txn_abort(txn);
	mdb_env_close(env);
	if (rc && rc != MDB_NOTFOUND) {
		fprintf(stderr, "ref-rows: %s\n", mdb_strerror(rc));
		return 1;
	}
	return 0;
}
