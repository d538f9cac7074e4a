/* cli-docout.c — writing the report and the letters as documents
 * (report-doc.h) for `report` and `remind`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-report.h"
#include "cli.h"
#include "docout.h"
#include "hier.h"
#include "perm.h"
#include "report-doc.h"
#include "text.h"
#include "util.h"

static int committee(enum unit_kind k)
{
	return k == UK_TINH_UY || k == UK_THANH_UY || k == UK_HUYEN_UY || k == UK_DANG_UY_KHOI ||
	       k == UK_DANG_UY_CO_SO;
}

uint32_t rcli_report_sender(const struct cli *c, const struct hier *h, uint32_t scope)
{
	if (scope)
		return scope;
	/* the committee the user's office works for */
	const struct unit *u = c->ops.who.unit ? hier_unit(h, c->ops.who.unit) : NULL;
	while (u && !committee((enum unit_kind)u->kind) && u->parent)
		u = hier_unit(h, u->parent);
	if (u)
		return u->id;
	return hier_count(h) ? hier_at(h, 0)->id : 0;
}

int rcli_report_write(struct cli *c, const struct hier *h, const struct report *r, uint32_t from,
                      int format, const char *path, struct err *e)
{
	struct docout_sender s;
	int rc = docout_sender(h, from, &s, e);
	if (rc)
		return rc;
	json_t *spec = report_document(r, h, from, &s, 1);
	rc = docout_write(spec, (enum docout_format)format, path, NULL, e);
	json_decref(spec);
	if (!rc)
		fprintf(c->out, "Đã ghi %s (dự thảo báo cáo của %s).\n", path, s.name);
	return rc;
}

int rcli_remind_write(const struct hier *h, uint32_t from, const struct remind_letter *l,
                      date_t today, int days, int format, const char *path, struct err *e)
{
	struct docout_sender s;
	int rc = docout_sender(h, from, &s, e);
	if (rc)
		return rc;
	json_t *spec = remind_document(l, &s, today, days, 1);
	rc = docout_write(spec, (enum docout_format)format, path, NULL, e);
	json_decref(spec);
	return rc;
}

/* The Văn phòng among the units directly under committee unit i, or the
 * committee itself. */
static uint32_t office_of(const struct hier *h, size_t i)
{
	const struct unit *u = hier_at(h, i);
	size_t end = hier_subtree_end(h, i);
	for (size_t k = i + 1; k < end; k++) {
		const struct unit *cu = hier_at(h, k);
		if (cu->parent == u->id && !cu->historical) {
			char *f = txt_fold(cu->name, strlen(cu->name), NULL);
			int vp = txt_starts_with(f, "van phong");
			free(f);
			if (vp)
				return cu->id;
		}
	}
	return u->id;
}

uint32_t rcli_remind_sender(struct txn *t, const struct config *cfg, const struct hier *h,
                            uint32_t unit)
{
	uint32_t office = 0;
	struct err e;
	err_clear(&e);
	if (perm_monitor_office(t, cfg, unit, &office, &e))
		office = 0;
	if (office && office != unit)
		return office;
	/* the Văn phòng of the nearest committee above the unit, never the
	 * unit itself */
	const struct unit *u = hier_unit(h, unit);
	uint32_t up = u ? u->parent : 0;
	while (up) {
		size_t i = hier_find_id(h, up);
		if (i == (size_t)-1)
			break;
		const struct unit *p = hier_at(h, i);
		if (committee((enum unit_kind)p->kind) || !p->parent) {
			uint32_t o = office_of(h, i);
			/* the office itself is urged by its committee */
			return o != unit ? o : p->id;
		}
		up = p->parent;
	}
	return office ? office : unit;
}
