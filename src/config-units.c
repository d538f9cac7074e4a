/* config-units.c — loading and validating units.ini, the hierarchy of
 * units: one section per unit code with name, abbrevs, kind, parent and
 * successor.
 *
 * The file is read by our own scanner (config-ini.c), which finds the
 * value of every key as iniparser 4.1 would: iniparser's dictionary finds
 * and inserts keys by a linear scan, so loading a national hierarchy of
 * 150,000 units through it took minutes.  The load is O(n log n).
 *
 * Checks run in two passes.  The first walks the file's sections and keys
 * in order (bad code, duplicate code, unknown key, bad kind, missing name
 * or kind); the second checks what refers to other units (unknown parent
 * or successor, cycles) and the users of theodoi.ini, so a parent may be
 * declared after its children.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "config-internal.h"
#include "mail.h"
#include "text.h"
#include "util.h"

/* What the loader knows about a unit beyond struct cfg_unit. */
struct unit_aux {
	int parent_line, successor_line, kind_line;
	int has_name, has_kind;
};

struct code_ix {
	const char *code;
	int i;
};

struct loader {
	struct config *c;
	const char *path;     /* units.ini */
	struct unit_aux *aux; /* parallel to c->units */
	int cap;
	struct code_ix *by_code; /* c->units sorted by code */
	struct err *e;
};

static const char *const unit_keys[] = { "name", "abbrevs", "kind", "parent", "successor" };

static const char *const doc_keys[CFG_DOC_NKEYS] = {
	"place", "superior", "issuer", "symbol", "sign_authority", "sign_title", "signer", "recipients",
	"email"
};

const char *cfg_doc_key_name(enum cfg_doc_key k)
{
	return (unsigned)k < CFG_DOC_NKEYS ? doc_keys[k] : "";
}

/* The enum cfg_doc_key of k, or -1. */
static int doc_key(const char *k)
{
	for (int i = 0; i < CFG_DOC_NKEYS; i++)
		if (!strcmp(k, doc_keys[i]))
			return i;
	return -1;
}

static int known_key(const char *k)
{
	size_t i;

	for (i = 0; i < sizeof unit_keys / sizeof unit_keys[0]; i++)
		if (!strcmp(k, unit_keys[i]))
			return 1;
	return doc_key(k) >= 0;
}

/* ---- lookup by code -------------------------------------------------- */

static int code_cmp(const void *a, const void *b)
{
	return strcmp(((const struct code_ix *)a)->code, ((const struct code_ix *)b)->code);
}

static void build_index(struct loader *ld)
{
	int i, n = ld->c->nunits;

	ld->by_code = xmalloc((size_t)(n ? n : 1) * sizeof *ld->by_code);
	for (i = 0; i < n; i++) {
		ld->by_code[i].code = ld->c->units[i].code;
		ld->by_code[i].i = i;
	}
	xqsort(ld->by_code, (size_t)n, sizeof *ld->by_code, code_cmp);
}

/* Index in c->units of code, or -1. */
static int find_code(const struct loader *ld, const char *code)
{
	struct code_ix key = { code, 0 };
	const struct code_ix *hit = bsearch(&key, ld->by_code, (size_t)ld->c->nunits,
					    sizeof *ld->by_code, code_cmp);

	return hit ? hit->i : -1;
}

const struct cfg_unit *cfg_unit(const struct config *c, const char *code)
{
	int i;

	if (!code)
		return NULL;
	for (i = 0; i < c->nunits; i++)
		if (!strcmp(c->units[i].code, code))
			return &c->units[i];
	return NULL;
}

/* ---- first pass: sections and keys in file order --------------------- */

static int add_unit(struct loader *ld, const struct cfg_entry *en)
{
	struct config *c = ld->c;
	struct cfg_unit *u;

	if (!cfg_code_valid(en->raw))
		return err_at(ld->e, ERR_CONFIG, ld->path, en->line,
			      "mã đơn vị không hợp lệ: [%s] (1 đến %d ký tự: chữ ASCII, số, '.', "
			      "'_', '-')", en->raw, CODE_LEN - 1);
	if (en->dup_line)
		return err_at(ld->e, ERR_CONFIG, ld->path, en->line,
			      "mã đơn vị trùng với mục ở dòng %d: [%s]", en->dup_line, en->raw);
	if (c->nunits == ld->cap) {
		ld->cap = ld->cap ? 2 * ld->cap : 64;
		c->units = xrealloc(c->units, (size_t)ld->cap * sizeof *c->units);
		ld->aux = xrealloc(ld->aux, (size_t)ld->cap * sizeof *ld->aux);
	}
	u = &c->units[c->nunits];
	memset(u, 0, sizeof *u);
	memset(&ld->aux[c->nunits], 0, sizeof ld->aux[c->nunits]);
	cfg_lower(u->code, en->raw, sizeof u->code);
	u->line = en->line;
	c->nunits++;
	return 0;
}

/* NFC copy of a UTF-8 value, or an error naming the line. */
static int text_value(struct loader *ld, const struct cfg_entry *en, const char *val,
		      char **out)
{
	int l = 0, col = 0;

	if (txt_validate(val, TXT_NUL, &l, &col))
		return err_at(ld->e, ERR_CONFIG, ld->path, en->line,
			      "%s: không phải văn bản UTF-8 hợp lệ (ký tự thứ %d)", en->raw, col);
	*out = txt_nfc(val, TXT_NUL, NULL);
	return 0;
}

/* "a,  b ,,c" -> "a, b, c"; NULL when nothing is left. */
static char *normalise_list(const char *s)
{
	struct sbuf b = {0};

	while (*s) {
		const char *comma = strchr(s, ',');
		size_t n = comma ? (size_t)(comma - s) : strlen(s);
		char *item = cfg_strip_dup(s, n);

		if (item[0])
			sbuf_printf(&b, "%s%s", b.len ? ", " : "", item);
		free(item);
		s += n;
		if (*s == ',')
			s++;
	}
	return b.s; /* NULL if nothing was added */
}

/* A code value (parent, successor): lower-cased into out. */
static int code_value(struct loader *ld, const struct cfg_entry *en, const char *val,
		      char *out)
{
	if (!cfg_code_valid(val))
		return err_at(ld->e, ERR_CONFIG, ld->path, en->line,
			      "%s: mã đơn vị không hợp lệ: '%s'", en->raw, val);
	cfg_lower(out, val, CODE_LEN);
	return 0;
}

static int set_key(struct loader *ld, const struct cfg_entry *en, const char *val)
{
	struct cfg_unit *u = &ld->c->units[ld->c->nunits - 1];
	struct unit_aux *a = &ld->aux[ld->c->nunits - 1];
	char *txt = NULL;
	int rc, k;

	if (!strcmp(en->key, "name")) {
		rc = text_value(ld, en, val, &txt);
		if (rc)
			return rc;
		if (!txt[0]) {
			free(txt);
			return err_at(ld->e, ERR_CONFIG, ld->path, en->line,
				      "tên đơn vị trống: [%s]", u->code);
		}
		u->name = txt;
		a->has_name = 1;
	} else if (!strcmp(en->key, "abbrevs")) {
		rc = text_value(ld, en, val, &txt);
		if (rc)
			return rc;
		u->abbrevs = normalise_list(txt);
		free(txt);
	} else if (!strcmp(en->key, "kind")) {
		k = unit_kind_parse(val);
		if (k < 0) {
			struct sbuf all = {0};
			int i;

			for (i = 0; i < UK_COUNT; i++)
				sbuf_printf(&all, "%s%s", i ? ", " : "",
					    unit_kind_key((enum unit_kind)i));
			rc = err_at(ld->e, ERR_CONFIG, ld->path, en->line,
				    "loại đơn vị không hợp lệ: '%s' (cần một trong: %s)", val, all.s);
			sbuf_free(&all);
			return rc;
		}
		u->kind = (enum unit_kind)k;
		a->has_kind = 1;
		a->kind_line = en->line;
	} else if (!strcmp(en->key, "parent")) {
		a->parent_line = en->line;
		if (val[0])
			return code_value(ld, en, val, u->parent);
	} else if (!strcmp(en->key, "successor")) {
		a->successor_line = en->line;
		if (val[0])
			return code_value(ld, en, val, u->successor);
	} else if ((k = doc_key(en->key)) >= 0) {
		rc = text_value(ld, en, val, &txt);
		if (rc)
			return rc;
		if (k == CFG_DOC_EMAIL && !mail_address_ok(txt)) {
			rc = err_at(ld->e, ERR_CONFIG, ld->path, en->line,
				    "email: địa chỉ thư không hợp lệ: '%s' (dạng ten@mien.vn)", txt);
			free(txt);
			return rc;
		}
		free(u->doc[k]);
		u->doc[k] = txt;
	}
	return 0;
}

/* Name and kind are required; checked when a unit's section ends. */
static int check_complete(struct loader *ld)
{
	const struct cfg_unit *u;
	const struct unit_aux *a;

	if (ld->c->nunits == 0)
		return 0;
	u = &ld->c->units[ld->c->nunits - 1];
	a = &ld->aux[ld->c->nunits - 1];
	if (!a->has_name)
		return err_at(ld->e, ERR_CONFIG, ld->path, u->line,
			      "đơn vị [%s] thiếu khóa name (tên đơn vị)", u->code);
	if (!a->has_kind)
		return err_at(ld->e, ERR_CONFIG, ld->path, u->line,
			      "đơn vị [%s] thiếu khóa kind (loại đơn vị)", u->code);
	return 0;
}

static int first_pass(struct loader *ld, const struct cfg_scan *scan)
{
	int i, rc = 0;

	for (i = 0; i < scan->n && !rc; i++) {
		const struct cfg_entry *en = &scan->v[i];
		const char *val = en->val;

		if (!en->key) {
			rc = check_complete(ld);
			if (!rc)
				rc = add_unit(ld, en);
		} else if (!en->sec) {
			rc = err_at(ld->e, ERR_CONFIG, ld->path, en->line,
				    "khóa '%s' nằm ngoài mọi đơn vị ([mã đơn vị])", en->raw);
		} else if (!known_key(en->key)) {
			rc = err_at(ld->e, ERR_CONFIG, ld->path, en->line,
				    "khóa không xác định: '%s' (có các khóa name, abbrevs, kind, "
				    "parent, successor, place, superior, issuer, symbol, "
				    "sign_authority, sign_title, signer, recipients, email)", en->raw);
		} else if (en->dup_line) {
			rc = err_at(ld->e, ERR_CONFIG, ld->path, en->line,
				    "khóa '%s' đã khai báo ở dòng %d", en->raw, en->dup_line);
		} else {
			rc = set_key(ld, en, val);
		}
	}
	if (!rc)
		rc = check_complete(ld);
	return rc;
}

/* ---- second pass: references ----------------------------------------- */

/* Follow parent (which = 0) or successor (which = 1) links. */
static int link_of(const struct loader *ld, int i, int which)
{
	const char *code = which ? ld->c->units[i].successor : ld->c->units[i].parent;

	return code[0] ? find_code(ld, code) : -1;
}

static int check_refs(struct loader *ld)
{
	const struct config *c = ld->c;
	int i;

	for (i = 0; i < c->nunits; i++) {
		const struct cfg_unit *u = &c->units[i];

		if (u->parent[0] && find_code(ld, u->parent) < 0)
			return err_at(ld->e, ERR_CONFIG, ld->path, ld->aux[i].parent_line,
				      "đơn vị cấp trên không tồn tại: '%s'", u->parent);
		if (u->successor[0] && !strcmp(u->successor, u->code))
			return err_at(ld->e, ERR_CONFIG, ld->path, ld->aux[i].successor_line,
				      "đơn vị kế thừa không thể là chính nó: '%s'", u->successor);
		if (u->successor[0] && find_code(ld, u->successor) < 0)
			return err_at(ld->e, ERR_CONFIG, ld->path, ld->aux[i].successor_line,
				      "đơn vị kế thừa không tồn tại: '%s'", u->successor);
	}
	return 0;
}

/* Find a cycle of parent (which = 0) or successor (which = 1) links and
 * report it from its first unit in file order: "a → b → c → a". */
static int check_cycles(struct loader *ld, int which)
{
	int n = ld->c->nunits, i, rc = 0;
	char *state = xcalloc((size_t)(n ? n : 1), 1); /* 0 new, 1 on path, 2 done */

	for (i = 0; i < n && !rc; i++) {
		int j, k;

		for (j = i; j >= 0 && state[j] == 0; j = link_of(ld, j, which))
			state[j] = 1;
		if (j >= 0 && state[j] == 1) {
			/* j is on the path just walked: the cycle is j, link(j), ... */
			struct sbuf b = {0};
			int start = j;

			for (k = link_of(ld, j, which); k != j; k = link_of(ld, k, which))
				if (k < start)
					start = k;
			sbuf_puts(&b, ld->c->units[start].code);
			k = start;
			do {
				k = link_of(ld, k, which);
				sbuf_printf(&b, " → %s", ld->c->units[k].code);
			} while (k != start);
			rc = err_at(ld->e, ERR_CONFIG, ld->path,
				    which ? ld->aux[start].successor_line : ld->aux[start].parent_line,
				    which ? "vòng lặp đơn vị kế thừa: %s" : "vòng lặp đơn vị cấp trên: %s",
				    b.s);
			sbuf_free(&b);
		}
		for (j = i; j >= 0 && state[j] == 1; j = link_of(ld, j, which))
			state[j] = 2;
	}
	free(state);
	return rc;
}

static int check_users(struct loader *ld)
{
	const struct config *c = ld->c;
	const char *base = strrchr(ld->path, '/');
	int i;

	base = base ? base + 1 : ld->path;
	for (i = 0; i < c->nusers; i++)
		if (find_code(ld, c->users[i].unit) < 0)
			return err_at(ld->e, ERR_CONFIG, c->path, c->users[i].line,
				      "tài khoản '%s' gắn với đơn vị không có trong %s: '%s'",
				      c->users[i].login, base, c->users[i].unit);
	for (i = 0; i < c->nmonitors; i++) {
		const struct cfg_monitor *m = &c->monitors[i];
		const char *bad = find_code(ld, m->office) < 0 ? m->office
				  : find_code(ld, m->root) < 0 ? m->root : NULL;

		if (bad)
			return err_at(ld->e, ERR_CONFIG, c->path, m->line,
				      "monitors: đơn vị không có trong %s: '%s'", base, bad);
	}
	return 0;
}

int cfg_load_units(struct config *c, struct err *e)
{
	struct loader ld = { .c = c, .path = c->units_path, .e = e };
	struct cfg_scan scan;
	int rc;

	cfg_free_units(c);
	rc = cfg_scan_file(c->units_path, c->trusted, &scan, e);
	if (rc)
		goto out;
	rc = first_pass(&ld, &scan);
	if (rc)
		goto out;
	if (c->nunits == 0) {
		rc = err_at(e, ERR_CONFIG, c->units_path, 0, "tệp đơn vị không khai báo đơn vị nào");
		goto out;
	}
	build_index(&ld);
	rc = check_refs(&ld);
	if (!rc)
		rc = check_cycles(&ld, 0);
	if (!rc)
		rc = check_cycles(&ld, 1);
	if (!rc)
		rc = check_users(&ld);
out:
	if (rc)
		cfg_free_units(c);
	cfg_scan_free(&scan);
	free(ld.aux);
	free(ld.by_code);
	return rc;
}
