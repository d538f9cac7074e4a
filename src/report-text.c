/* report-text.c — the prose of a report kept in the store (report-text.h). */
#include "report-text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "hier.h"
#include "ops.h"
#include "perm.h"
#include "store.h"
#include "util.h"

static const char *const keys[RT_COUNT] = {"danh-gia", "han-che", "phuong-huong", "kien-nghi"};
static const char *const titles[RT_COUNT] = {
	"Kết quả đạt được", "Hạn chế, khuyết điểm và nguyên nhân",
	"Phương hướng, nhiệm vụ thời gian tới", "Kiến nghị, đề xuất"};

const char *rtext_key(enum rtext_section s)
{
	return (unsigned)s < RT_COUNT ? keys[s] : "";
}

const char *rtext_title(enum rtext_section s)
{
	return (unsigned)s < RT_COUNT ? titles[s] : "";
}

int rtext_parse(const char *key)
{
	for (int i = 0; key && i < RT_COUNT; i++)
		if (!strcmp(key, keys[i]))
			return i;
	return -1;
}

static void meta_key(char *buf, size_t len, uint32_t unit, const char *period, enum rtext_section s)
{
	snprintf(buf, len, "rtext.%u.%s.%s", (unsigned)unit, period, rtext_key(s));
}

int rtext_get(struct txn *t, uint32_t unit, const char *period, enum rtext_section s, char **out,
              struct err *e)
{
	char key[64];
	*out = NULL;
	meta_key(key, sizeof key, unit, period, s);
	int rc = store_meta_get(t, key, out, e);
	if (rc == ERR_NOTFOUND) {
		err_clear(e);
		return 0;
	}
	if (!rc && *out && !**out) {
		free(*out);
		*out = NULL;
	}
	return rc;
}

int rtext_put(struct txn *t, uint32_t unit, const char *period, enum rtext_section s,
              const char *text, struct err *e)
{
	char key[64];
	meta_key(key, sizeof key, unit, period, s);
	return store_meta_put(t, key, text, e);
}

int rtext_may_write(const struct ops_ctx *c, const struct hier *h, uint32_t unit, struct err *e)
{
	const struct unit *u = hier_unit(h, unit);
	enum perm_rel rel = c->who.unit == unit                       ? PR_OWN
	                    : hier_in_subtree(h, unit, c->who.unit) ? PR_SUBTREE
	                                                            : PR_ELSEWHERE;
	struct perm_opts o = perm_opts_of(c->cfg);
	const struct perm_rule *r = perm_check(c->who.role, PA_NOTE, rel, 0, &o);

	return r ? perm_deny(r, PA_NOTE, u ? u->name : NULL, e) : 0;
}

int rtext_save(struct txn *t, const struct ops_ctx *c, const struct hier *h, uint32_t unit,
               const char *period, enum rtext_section s, const char *text, int *changed,
               struct err *e)
{
	const struct unit *u = hier_unit(h, unit);
	char *old, object[40];
	int rc;

	*changed = 0;
	if ((rc = rtext_may_write(c, h, unit, e)) || (rc = rtext_get(t, unit, period, s, &old, e)))
		return rc;
	if (!strcmp(old ? old : "", text)) {
		free(old);
		return 0;
	}
	if ((rc = rtext_put(t, unit, period, s, text, e))) {
		free(old);
		return rc;
	}
	*changed = 1;
	snprintf(object, sizeof object, "text:%.11s:%.9s:%.12s", u ? u->code : "?", period,
	         rtext_key(s));
	json_t *before = old ? json_pack("{s:s}", "text", old) : NULL;
	json_t *after = json_pack("{s:s, s:s, s:s, s:s}", "unit", u ? u->code : "", "period",
	                          period, "section", rtext_key(s), "text", text);
	free(old);
	return ops_audit(t, c, "report-text", object, before, after, e);
}

int rtext_below(struct sbuf *out, struct txn *t, const struct hier *h, uint32_t unit,
                const char *period, enum rtext_section s, struct err *e)
{
	size_t i = hier_find_id(h, unit);
	if (i == (size_t)-1)
		return 0;
	size_t end = hier_subtree_end(h, i);
	int rc = 0;
	for (size_t k = i + 1; k < end && !rc; k++) {
		const struct unit *u = hier_at(h, k);
		char *text;
		if (u->parent != unit || (rc = rtext_get(t, u->id, period, s, &text, e)) || !text)
			continue;
		sbuf_printf(out, "\n— %s:\n%s\n", u->name, text);
		free(text);
	}
	return rc;
}
