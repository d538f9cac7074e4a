/* backup-import.c — reading a JSON export (backup.h) into a new store.
 *
 * The file is mapped and read value by value (jansson parses one record at
 * a time), and records are written in batches of write transactions into
 * a new directory beside the target, which is renamed into place when the
 * whole file went in and the store passed store_check.  The records
 * themselves are read by backup-records.c. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>
#include <unistr.h>

#include "backup-internal.h"
#include "backup.h"
#include "filekind.h"
#include "infile.h"
#include "ops.h"
#include "ops-group.h"
#include "period.h"
#include "store.h"
#include "text.h"
#include "util.h"

#define BATCH 5000 /* records per write transaction */

/* ---- the input, value by value -------------------------------------------- */

struct rd {
	const char *b;
	size_t n, pos;
};

static void ws(struct rd *d)
{
	while (d->pos < d->n && (d->b[d->pos] == ' ' || d->b[d->pos] == '\n' ||
	                         d->b[d->pos] == '\r' || d->b[d->pos] == '\t'))
		d->pos++;
}

/* Line (1-based) of byte offset off. */
static int line_at(const struct rd *d, size_t off)
{
	int line = 1;
	for (size_t i = 0; i < off && i < d->n; i++)
		line += d->b[i] == '\n';
	return line;
}

static int syntax(const struct rd *d, const char *path, size_t off, const char *what,
                  struct err *e)
{
	return err_at(e, ERR_INPUT, path, line_at(d, off), "bản xuất JSON sai: %s", what);
}

/* The next character, after white space, must be c. */
static int expect(struct rd *d, char c, const char *path, struct err *e)
{
	char what[40];
	ws(d);
	if (d->pos < d->n && d->b[d->pos] == c) {
		d->pos++;
		return 0;
	}
	snprintf(what, sizeof what, "cần '%c'", c);
	return syntax(d, path, d->pos, what, e);
}

/* jansson's reason for a refused value, in Vietnamese, into buf; the
 * token it stopped at ("near '...'") kept when it is whole UTF-8. */
static const char *json_reason(const json_error_t *je, char *buf, size_t len)
{
	const char *why;
	switch (json_error_code(je)) {
	case json_error_premature_end_of_input:
		why = "tệp kết thúc giữa chừng (tệp bị cắt cụt hoặc chép chưa hết?)";
		break;
	case json_error_invalid_utf8: why = "có byte không phải UTF-8"; break;
	case json_error_invalid_syntax: why = "sai cú pháp JSON"; break;
	case json_error_wrong_type: why = "giá trị sai kiểu"; break;
	case json_error_duplicate_key: why = "một khóa có hai lần trong cùng đối tượng"; break;
	case json_error_null_character: why = "có ký tự NUL (\\u0000) trong chuỗi"; break;
	case json_error_null_byte_in_key: why = "có ký tự NUL trong tên khóa"; break;
	case json_error_numeric_overflow: why = "số quá lớn"; break;
	case json_error_stack_overflow: why = "các giá trị lồng nhau quá sâu"; break;
	case json_error_out_of_memory: why = "hết bộ nhớ"; break;
	case json_error_end_of_input_expected: why = "còn dữ liệu thừa sau giá trị"; break;
	default: why = "không đọc được giá trị JSON"; break;
	}
	const char *near = strstr(je->text, " near '");
	size_t n = near ? strlen(near + 7) : 0;
	if (n > 1 && near[7 + n - 1] == '\'' && !u8_check((const uint8_t *)near + 7, n - 1)) {
		char *tok = xstrndup(near + 7, n - 1), *clean = txt_sanitize(tok);
		snprintf(buf, len, "%s, gần “%s”", why, clean);
		free(clean);
		free(tok);
	} else {
		snprintf(buf, len, "%s", why);
	}
	return buf;
}

/* One JSON value at the current position. */
static int value(struct rd *d, json_t **out, const char *path, struct err *e)
{
	json_error_t je;
	ws(d);
	*out = json_loadb(d->b + d->pos, d->n - d->pos,
	                  JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &je);
	if (!*out) {
		char why[JSON_ERROR_TEXT_LENGTH + 128];
		return syntax(d, path, d->pos + (je.position > 0 ? (size_t)je.position : 0),
		              json_reason(&je, why, sizeof why), e);
	}
	d->pos += (size_t)je.position;
	return 0;
}

/* ---- the import --------------------------------------------------------------- */

enum kind { K_UNITS, K_DOCS, K_TASKS, K_UPDATES, K_EXTENSIONS, K_INDICATORS, K_MEASURES,
            K_AUDIT, K_COUNT };
static const char *const kind_names[K_COUNT] = {"units", "docs", "tasks", "updates",
                                                "extensions", "indicators", "measures", "audit"};

struct imp {
	struct ops_ctx *c; /* st: the new store */
	const char *path;
	struct rd rd;
	struct err *e;
	enum kind kind;    /* the array being read */
	size_t index;      /* its next element */
	int ended;         /* the array's ']' was read */
	uint64_t *ids;     /* ids of the array so far, to find duplicates */
	size_t nids, cap;
	uint64_t *known[K_COUNT]; /* the sorted ids of each array read, for */
	size_t nknown[K_COUNT];   /* the references of the later ones */
	struct unit_ref *urefs;   /* units' parents and successors, checked */
	size_t nurefs, curefs;    /* once the whole array is in */
	struct backup_counts n;
	json_t *meta, *seqs;
};

/* A unit's references to other units (the same array: known at its end). */
struct unit_ref {
	size_t index;
	uint32_t parent, successor;
};

static uint64_t *count_of(struct backup_counts *n, enum kind k)
{
	uint64_t *v[K_COUNT] = {&n->units, &n->docs, &n->tasks, &n->updates, &n->extensions,
	                        &n->indicators, &n->measures, &n->audit};
	return v[k];
}

static void note_id(struct imp *im, uint64_t id)
{
	if (im->nids == im->cap) {
		im->cap = im->cap ? 2 * im->cap : 1024;
		im->ids = xrealloc(im->ids, im->cap * sizeof *im->ids);
	}
	im->ids[im->nids++] = id;
}

static int cmp_id(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* 1 if an earlier array of kind k holds the id. */
static int known(const struct imp *im, enum kind k, uint64_t id)
{
	return im->nknown[k] && bsearch(&id, im->known[k], im->nknown[k], sizeof id, cmp_id);
}

/* Field `field` of the record refers to id in array k (0: none, allowed
 * unless required): ERR_INPUT "tasks[3].lead: đơn vị 999 không tồn tại"
 * when the export does not hold it. */
static int ref(const struct imp *im, struct rctx *r, const char *field, enum kind k, uint64_t id,
               int required)
{
	static const char *const what[K_COUNT] = {[K_UNITS] = "đơn vị", [K_DOCS] = "văn bản",
	                                          [K_TASKS] = "nhiệm vụ",
	                                          [K_INDICATORS] = "chỉ tiêu"};
	if ((!id && !required) || known(im, k, id))
		return 0;
	return bk_fail(r, field, "%s %llu không tồn tại (không có trong mảng \"%s\")", what[k],
	               (unsigned long long)id, kind_names[k]);
}

static int task_refs(const struct imp *im, struct rctx *r, const struct task *k)
{
	int rc;
	if ((rc = ref(im, r, "doc_id", K_DOCS, k->doc_id, 0)) ||
	    (rc = ref(im, r, "lead", K_UNITS, k->lead, 0)))
		return rc;
	for (int i = 0; i < k->npartners; i++)
		if ((rc = ref(im, r, "partners", K_UNITS, k->partners[i], 1)))
			return rc;
	return 0;
}

static void note_unit_refs(struct imp *im, const struct unit *u)
{
	if (!u->parent && !u->successor)
		return;
	if (im->nurefs == im->curefs) {
		im->curefs = im->curefs ? 2 * im->curefs : 256;
		im->urefs = xrealloc(im->urefs, im->curefs * sizeof *im->urefs);
	}
	im->urefs[im->nurefs++] = (struct unit_ref){im->index, u->parent, u->successor};
}

/* Convert and store one record of the current array. */
static int put_one(struct txn *t, struct imp *im, json_t *o, struct err *e)
{
	struct rctx r = {im->path, kind_names[im->kind], im->index, e};
	int rc;
	if (!json_is_object(o))
		return bk_fail(&r, NULL, "cần đối tượng JSON");
	switch (im->kind) {
	case K_UNITS: {
		struct unit u;
		if (!(rc = bk_unit_from(&r, o, &u)) && !(rc = store_unit_put(t, &u, e))) {
			note_id(im, u.id);
			note_unit_refs(im, &u);
		}
		unit_free(&u);
		break;
	}
	case K_DOCS: {
		struct doc d;
		if (!(rc = bk_doc_from(&r, o, &d)) && !(rc = ref(im, &r, "issuer", K_UNITS, d.issuer, 0)) &&
		    !(rc = store_doc_put(t, &d, e)))
			note_id(im, d.id);
		doc_free(&d);
		break;
	}
	case K_TASKS: {
		struct task k;
		if (!(rc = bk_task_from(&r, o, &k)) && !(rc = task_refs(im, &r, &k)) &&
		    !(rc = store_task_put(t, &k, e)))
			note_id(im, k.id);
		task_free(&k);
		break;
	}
	case K_UPDATES: {
		struct update u;
		if (!(rc = bk_update_from(&r, o, &u)) &&
		    !(rc = ref(im, &r, "task_id", K_TASKS, u.task_id, 1)) &&
		    !(rc = store_update_add(t, &u, e)))
			note_id(im, u.id);
		update_free(&u);
		break;
	}
	case K_EXTENSIONS: {
		struct extension x;
		if (!(rc = bk_extension_from(&r, o, &x)) &&
		    !(rc = ref(im, &r, "task_id", K_TASKS, x.task_id, 1)) &&
		    !(rc = store_extension_add(t, &x, e)))
			note_id(im, x.id);
		extension_free(&x);
		break;
	}
	case K_INDICATORS: {
		struct indicator i;
		if (!(rc = bk_indicator_from(&r, o, &i)) &&
		    !(rc = ref(im, &r, "doc_id", K_DOCS, i.doc_id, 0)) &&
		    !(rc = ref(im, &r, "lead", K_UNITS, i.lead, 0)) &&
		    !(rc = store_indicator_put(t, &i, e)))
			note_id(im, i.id);
		indicator_free(&i);
		break;
	}
	case K_MEASURES: {
		struct measure m;
		if (!(rc = bk_measure_from(&r, o, &m)) &&
		    !(rc = ref(im, &r, "indicator_id", K_INDICATORS, m.indicator_id, 1)) &&
		    !(rc = store_measure_add(t, &m, e)))
			note_id(im, m.id);
		measure_free(&m);
		break;
	}
	default: {
		struct audit a;
		uint64_t want;
		if ((rc = bk_audit_from(&r, o, &a)) == 0) {
			want = a.seq;
			if ((rc = store_audit_add(t, &a, e)) == 0 && a.seq != want)
				rc = bk_fail(&r, "seq", "nhật ký phải liên tục từ 1: gặp %llu ở vị trí của %llu",
				          (unsigned long long)want, (unsigned long long)a.seq);
		}
		audit_free(&a);
		break;
	}
	}
	if (rc && e && !e->field[0]) {
		/* a refusal of the store: say which record */
		char msg[sizeof e->msg];
		str_copy(msg, e->msg, sizeof msg);
		rc = bk_fail(&r, NULL, "%s", msg);
	}
	return rc;
}

struct batch {
	struct imp *im;
	size_t pos0, index0, nids0;
	uint64_t count0;
	size_t nurefs0;
};

/* Up to BATCH elements of the current array in one write transaction.  Run
 * again from the same place if the map had to grow. */
static int batch_fn(struct txn *t, void *ctx, struct err *e)
{
	struct batch *b = ctx;
	struct imp *im = b->im;
	uint64_t *count = count_of(&im->n, im->kind);
	im->rd.pos = b->pos0;
	im->index = b->index0;
	im->nids = b->nids0;
	im->nurefs = b->nurefs0;
	*count = b->count0;
	im->ended = 0;
	for (int i = 0; i < BATCH && !im->ended; i++) {
		json_t *o;
		int rc = value(&im->rd, &o, im->path, e);
		if (rc)
			return rc;
		rc = put_one(t, im, o, e);
		json_decref(o);
		if (rc)
			return rc;
		im->index++;
		(*count)++;
		ws(&im->rd);
		if (im->rd.pos < im->rd.n && im->rd.b[im->rd.pos] == ',')
			im->rd.pos++;
		else if ((rc = expect(&im->rd, ']', im->path, e)))
			return rc;
		else
			im->ended = 1;
	}
	return 0;
}

/* The parents and successors of the units, now that all are known. */
static int check_unit_refs(struct imp *im)
{
	for (size_t i = 0; i < im->nurefs; i++) {
		const struct unit_ref *u = &im->urefs[i];
		struct rctx r = {im->path, kind_names[K_UNITS], u->index, im->e};
		int rc;
		if ((rc = ref(im, &r, "parent", K_UNITS, u->parent, 0)) ||
		    (rc = ref(im, &r, "successor", K_UNITS, u->successor, 0)))
			return rc;
	}
	return 0;
}

static int read_array(struct imp *im)
{
	int rc = expect(&im->rd, '[', im->path, im->e);
	if (rc)
		return rc;
	im->index = 0;
	im->nids = 0;
	ws(&im->rd);
	if (im->rd.pos < im->rd.n && im->rd.b[im->rd.pos] == ']') {
		im->rd.pos++;
		return 0;
	}
	for (im->ended = 0; !im->ended;) {
		struct batch b = {im, im->rd.pos, im->index, im->nids, *count_of(&im->n, im->kind),
		                  im->nurefs};
		if ((rc = store_write(im->c->st, batch_fn, &b, im->e)))
			return rc;
	}
	if (im->nids)
		xqsort(im->ids, im->nids, sizeof *im->ids, cmp_id);
	for (size_t i = 1; i < im->nids; i++)
		if (im->ids[i] == im->ids[i - 1])
			return err_at(im->e, ERR_INPUT, im->path, 0, "%s: mã %llu xuất hiện hai lần",
			              kind_names[im->kind], (unsigned long long)im->ids[i]);
	/* the ids stay, for the references of the arrays after this one */
	im->known[im->kind] = im->ids;
	im->nknown[im->kind] = im->nids;
	im->ids = NULL;
	im->nids = im->cap = 0;
	return im->kind == K_UNITS ? check_unit_refs(im) : 0;
}

/* A header value: format, version, schema, meta or sequences. */
static int header(struct imp *im, const char *key, json_t *v, int *have_format)
{
	struct err *e = im->e;
	if (!strcmp(key, "format")) {
		if (!json_is_string(v) || strcmp(json_string_value(v), "theodoi-export"))
			return err_at(e, ERR_INPUT, im->path, 0, "không phải bản xuất JSON của theodoi");
		*have_format = 1;
	} else if (!strcmp(key, "version")) {
		if (!json_is_integer(v) || json_integer_value(v) < 1)
			return err_at(e, ERR_INPUT, im->path, 0, "version: cần số nguyên dương");
		if (json_integer_value(v) > 1)
			return err_at(e, ERR_INPUT, im->path, 0, "bản xuất phiên bản %lld mới hơn phiên bản "
			              "này đọc được (1): hãy cập nhật theodoi",
			              (long long)json_integer_value(v));
	} else if (!strcmp(key, "schema")) {
		if (!json_is_integer(v) || json_integer_value(v) < 1 ||
		    json_integer_value(v) > STORE_SCHEMA)
			return err_at(e, ERR_INPUT, im->path, 0, "schema: lược đồ kho %s không đọc được "
			              "(phiên bản này: %d)", json_is_integer(v) ? "mới hơn" : "lạ",
			              STORE_SCHEMA);
	} else if (!strcmp(key, "meta") || !strcmp(key, "sequences")) {
		int seqs = key[0] == 's';
		const char *k;
		json_t *x;
		if (!json_is_object(v))
			return err_at(e, ERR_INPUT, im->path, 0, "%s: cần đối tượng", key);
		json_object_foreach(v, k, x) {
			int ok = seqs ? json_is_integer(x) && json_integer_value(x) >= 0
			              : json_is_string(x) && strcmp(k, "schema") && strncmp(k, "seq.", 4) &&
			                        *k && strlen(k) <= 400;
			if (ok && seqs) {
				ok = 0;
				for (int i = 0; i < K_AUDIT && !ok; i++)
					ok = !strncmp(k, kind_names[i], strlen(kind_names[i]) - 1) &&
					     strlen(k) == strlen(kind_names[i]) - 1;
			}
			if (!ok)
				return err_at(e, ERR_INPUT, im->path, 0, "%s.%s: giá trị không hợp lệ", key, k);
		}
		json_decref(seqs ? im->seqs : im->meta);
		if (seqs)
			im->seqs = json_incref(v);
		else
			im->meta = json_incref(v);
	} else {
		return err_at(e, ERR_INPUT, im->path, 0, "khóa lạ ở mức ngoài cùng: '%s'", key);
	}
	return 0;
}

/* The whole document. */
static int read_all(struct imp *im)
{
	int rc, have_format = 0, last = -1, first = 1;
	if ((rc = expect(&im->rd, '{', im->path, im->e)))
		return rc;
	ws(&im->rd);
	if (im->rd.pos < im->rd.n && im->rd.b[im->rd.pos] == '}')
		return err_at(im->e, ERR_INPUT, im->path, 0, "không phải bản xuất JSON của theodoi");
	for (;;) {
		json_t *k;
		size_t at = im->rd.pos;
		if ((rc = value(&im->rd, &k, im->path, im->e)))
			return rc;
		if (!json_is_string(k)) {
			json_decref(k);
			return syntax(&im->rd, im->path, at, "cần tên trường", im->e);
		}
		char key[32];
		str_copy(key, json_string_value(k), sizeof key);
		json_decref(k);
		if (first && strcmp(key, "format"))
			return err_at(im->e, ERR_INPUT, im->path, 0,
			              "không phải bản xuất JSON của theodoi (thiếu \"format\" ở đầu)");
		first = 0;
		if ((rc = expect(&im->rd, ':', im->path, im->e)))
			return rc;
		int kind = -1;
		for (int i = 0; i < K_COUNT; i++)
			if (!strcmp(key, kind_names[i]))
				kind = i;
		if (kind >= 0) {
			if (kind <= last)
				return err_at(im->e, ERR_INPUT, im->path, line_at(&im->rd, at),
				              "mảng \"%s\" sai thứ tự (cần: units, docs, tasks, updates, "
				              "extensions, indicators, measures, audit)", key);
			last = kind;
			im->kind = (enum kind)kind;
			if ((rc = read_array(im)))
				return rc;
		} else {
			json_t *v;
			if ((rc = value(&im->rd, &v, im->path, im->e)))
				return rc;
			rc = last >= 0 && (!strcmp(key, "format") || !strcmp(key, "version"))
			         ? err_at(im->e, ERR_INPUT, im->path, 0, "\"%s\" phải đứng trước các bản ghi", key)
			         : header(im, key, v, &have_format);
			json_decref(v);
			if (rc)
				return rc;
		}
		ws(&im->rd);
		if (im->rd.pos < im->rd.n && im->rd.b[im->rd.pos] == ',') {
			im->rd.pos++;
			continue;
		}
		if ((rc = expect(&im->rd, '}', im->path, im->e)))
			return rc;
		break;
	}
	ws(&im->rd);
	if (im->rd.pos != im->rd.n)
		return syntax(&im->rd, im->path, im->rd.pos, "còn dữ liệu sau đối tượng ngoài cùng", im->e);
	return have_format ? 0 : err_at(im->e, ERR_INPUT, im->path, 0, "thiếu \"format\"");
}

/* Meta, sequences and the import's own audit entry, in one transaction. */
static int finish_fn(struct txn *t, void *ctx, struct err *e)
{
	struct imp *im = ctx;
	const char *k;
	json_t *v;
	int rc = 0;
	json_object_foreach(im->meta, k, v) {
		if ((rc = store_meta_put(t, k, json_string_value(v), e)))
			return rc;
	}
	json_object_foreach(im->seqs, k, v) {
		if ((rc = store_seq_bump(t, k, (uint64_t)json_integer_value(v), e)))
			return rc;
	}
	/* an export of schema 1 carries dues by the older rules (period.h) */
	const struct periods *months = im->c->cfg ? &im->c->cfg->periods : NULL;
	if ((rc = per_fix_dues(t, months, NULL, e)) || (rc = per_record_months(t, months, e)))
		return rc;
	/* the opened group tasks (an export does not carry the mark): those with
	 * obligations, out of the counters */
	size_t nmarked;
	if ((rc = ops_group_marks(t, NULL, &nmarked, e)))
		return rc;
	json_t *after = json_pack("{s:s?, s:I, s:I, s:I, s:I, s:I}", "file", im->path, "units",
	                          (json_int_t)im->n.units, "docs", (json_int_t)im->n.docs, "tasks",
	                          (json_int_t)im->n.tasks, "updates", (json_int_t)im->n.updates,
	                          "audit", (json_int_t)im->n.audit);
	return ops_audit(t, im->c, "import-json", "store", NULL, after, e);
}

static int check_new(struct store *st, const char *path, struct err *e)
{
	struct txn *t;
	char *report = NULL;
	int rc = store_read_begin(st, &t, e);
	if (rc)
		return rc;
	rc = store_check(t, &report, e);
	store_read_end(t);
	if (rc == ERR_STORE) {
		char first[300];
		str_copy(first, report ? report : "", sizeof first);
		char *nl = strchr(first, '\n');
		if (nl)
			*nl = '\0';
		rc = err_at(e, ERR_INPUT, path, 0, "các bản ghi không khớp nhau: %s", first);
	}
	free(report);
	return rc;
}

/* Map the file read-only through the bounded reader (a regular file of at
 * most INFILE_JSON_MAX bytes); an empty file is refused. */
static int map_file(const char *path, const char **buf, size_t *len, struct err *e)
{
	int rc = infile_map(path, INFILE_JSON_MAX, "tệp JSON", buf, len, e);
	if (!rc && *len == 0)
		rc = err_at(e, ERR_INPUT, path, 0, "tệp rỗng");
	if (rc)
		return rc;
	/* a backup, a compressed export, or a plan given by mistake: say what it
	 * is, as restore does (plain text: at the line of its first word) */
	enum filekind k = filekind_of((const unsigned char *)*buf,
	                              *len < FILEKIND_HEAD ? *len : FILEKIND_HEAD);
	char advice[256];
	if (k != FK_JSON && filekind_advice(k, "theodoi import-json", advice, sizeof advice)) {
		if (k == FK_TEXT) {
			struct rd d = {*buf, *len, 0};
			ws(&d);
			rc = err_at(e, ERR_INPUT, path, line_at(&d, d.pos), "không phải bản xuất JSON: %s",
			            advice);
		} else {
			rc = err_set(e, ERR_INPUT, "%s không phải bản xuất JSON: %s", path, advice);
		}
		infile_unmap(*buf, *len);
	}
	return rc;
}

int backup_import_json(struct ops_ctx *c, const char *path, const char *dir,
                       struct backup_counts *n, struct err *e)
{
	char tmp[PATH_MAX];
	enum bk_target state;
	struct store *st = NULL;
	struct ops_ctx nc;
	struct imp im;
	int rc = ops_require(c, PA_MAINTAIN, e);
	if (rc || (rc = bk_target_state(dir, &state, e)))
		return rc;
	if (state != BK_MISSING && state != BK_EMPTY)
		return err_set(e, ERR_CONFLICT, "%s đã có dữ liệu: import-json chỉ nhập vào một kho mới "
		               "(thư mục chưa có hoặc rỗng)", dir);
	memset(&im, 0, sizeof im);
	if ((rc = map_file(path, &im.rd.b, &im.rd.n, e)))
		return rc;
	if ((rc = bk_make_beside(dir, "import", tmp, sizeof tmp, e)))
		goto unmap;
	if ((rc = store_open(tmp, STORE_CREATE, &st, e)))
		goto out;
	nc = *c;
	nc.st = st;
	im.c = &nc;
	im.path = path;
	im.e = e;
	im.meta = json_object();
	im.seqs = json_object();
	if (!(rc = read_all(&im)) && !(rc = store_write(st, finish_fn, &im, e)))
		rc = check_new(st, path, e);
	store_close(st);
	st = NULL;
	if (!rc)
		rc = bk_place(tmp, dir, state, "import", NULL, 0, e);
out:
	if (rc)
		bk_remove_dir(tmp);
	json_decref(im.meta);
	json_decref(im.seqs);
	free(im.ids);
	free(im.urefs);
	for (int k = 0; k < K_COUNT; k++)
		free(im.known[k]);
	if (!rc && n)
		*n = im.n;
unmap:
	infile_unmap(im.rd.b, im.rd.n);
	return rc;
}
