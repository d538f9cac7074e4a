/* demo.c — build the demo store from the plan tables of demo-plans.c.
 *
 * Two steps.  Planning, outside any transaction: templates are expanded
 * for today, deadlines parsed, and every task given a status and a history
 * of updates drawn from a PRNG seeded with today.  Writing: one write
 * transaction puts the documents, tasks, updates, extensions, indicators,
 * measures and audit entries, so the store gets all of it or none.
 * Statuses and histories are drawn in demo-history.c.
 */
#include "demo-internal.h"
#include "period.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "config.h"
#include "deadline.h"
#include "ops.h"
#include "store.h"
#include "util.h"

/* ---- templates ---- */

static const char *const roman[] = {"I", "II", "III", "IV"};

const char *demo_roman(int quarter)
{
	return quarter >= 1 && quarter <= 4 ? roman[quarter - 1] : "";
}

/* Year and month of today shifted by `months`. */
static void shift_month(date_t today, int months, int *y, int *m)
{
	int d;
	date_split(today, y, m, &d);
	int k = *y * 12 + (*m - 1) + months;
	*y = k / 12;
	*m = k % 12 + 1;
}

int demo_expand(const char *tmpl, date_t today, char *buf, size_t len, struct err *e)
{
	struct sbuf b = {0};
	const char *p = tmpl;

	while (*p) {
		const char *open = strchr(p, '{');
		if (!open) {
			sbuf_puts(&b, p);
			break;
		}
		sbuf_add(&b, p, (size_t)(open - p));
		const char *close = strchr(open, '}');
		char what = open[1];
		long n;
		char num[16];
		size_t nl = close ? (size_t)(close - open - 2) : 0;
		if (!close || nl == 0 || nl >= sizeof num || !strchr("YQMD", what) ||
		    (open[2] != '+' && open[2] != '-')) {
			sbuf_free(&b);
			return err_set(e, ERR_INTERNAL, "mẫu ngày không hợp lệ trong dữ liệu trình diễn: %s",
			               tmpl);
		}
		memcpy(num, open + 2, nl);
		num[nl] = '\0';
		if (str_to_long(num[0] == '+' ? num + 1 : num, -1000, 1000, &n)) {
			sbuf_free(&b);
			return err_set(e, ERR_INTERNAL, "mẫu ngày không hợp lệ trong dữ liệu trình diễn: %s",
			               tmpl);
		}
		int y, m, d;
		char day[11];
		switch (what) {
		case 'Y':
			date_split(today, &y, &m, &d);
			sbuf_printf(&b, "%d", y + (int)n);
			break;
		case 'Q':
			shift_month(today, (int)n, &y, &m);
			sbuf_printf(&b, "%s/%d", roman[(m - 1) / 3], y);
			break;
		case 'M':
			shift_month(today, (int)n, &y, &m);
			sbuf_printf(&b, "%02d/%d", m, y);
			break;
		default:
			sbuf_puts(&b, date_vn(today + (date_t)n, day));
			break;
		}
		p = close + 1;
	}
	str_copy(buf, b.s ? b.s : "", len);
	sbuf_free(&b);
	return 0;
}

/* ---- planning ---- */

int64_t demo_unix_at(date_t day, int hour, int minute)
{
	/* Office hours in Vietnam (UTC+7). */
	return (int64_t)day * 86400 + (int64_t)(hour - 7) * 3600 + minute * 60;
}

/* A unit of the store by code; ERR_CONFIG when the hierarchy lacks it. */
static int unit_of(struct txn *t, const char *code, struct unit *out, struct err *e)
{
	int rc = store_unit_by_code(t, code, out, NULL);
	if (rc == ERR_NOTFOUND)
		return err_set(e, ERR_CONFIG,
		               "kho dữ liệu không có đơn vị '%s' mà dữ liệu trình diễn cần "
		               "(dùng conf/units.ini mẫu)",
		               code);
	if (rc)
		return err_set(e, rc, "không đọc được đơn vị '%s'", code);
	return 0;
}

/* The login that writes the updates of a task led by `code`: a user of that
 * unit, else one of the same committee (same code before the first '-'),
 * else any editor or admin, else the actor. */
const char *demo_author(struct demo *d, const char *code)
{
	const struct config *cfg = d->c->cfg;
	const struct cfg_user *pick[64];
	int n = 0;

	if (!cfg)
		return d->actor;
	size_t plen = strcspn(code, "-");
	for (int pass = 0; pass < 3 && n == 0; pass++) {
		for (int i = 0; i < cfg->nusers && n < 64; i++) {
			const struct cfg_user *u = &cfg->users[i];
			if (u->role < ROLE_EDITOR)
				continue;
			if (pass == 0 && strcmp(u->unit, code) != 0)
				continue;
			if (pass == 1 && (strncmp(u->unit, code, plen) != 0 ||
			                  (u->unit[plen] != '\0' && u->unit[plen] != '-')))
				continue;
			pick[n++] = u;
		}
	}
	if (n == 0)
		return d->actor;
	return pick[rng_range(&d->rng, 0, n - 1)]->login;
}

static int expand_dup(struct demo *d, const char *tmpl, char **out, struct err *e)
{
	char buf[1024];
	*out = NULL;
	if (!tmpl)
		return 0;
	int rc = demo_expand(tmpl, d->today, buf, sizeof buf, e);
	if (!rc)
		*out = xstrdup(buf);
	return rc;
}

static int plan_doc(struct demo *d, struct txn *t, size_t i, struct err *e)
{
	const struct demo_plan *p = &d->plans[i];
	struct doc *doc = &d->docs[i];
	struct unit u = {0};
	int rc = unit_of(t, p->issuer, &u, e);
	if (rc)
		return rc;
	doc->plan_due = DATE_NONE;
	str_copy(doc->kind, p->kind, sizeof doc->kind);
	str_copy(doc->number, p->number, sizeof doc->number);
	doc->date = d->today - p->age;
	doc->title = xstrdup(p->title);
	doc->issuer = u.id;
	unit_free(&u);
	doc->issuer_text = xstrdup(p->issuer_text);
	doc->signer = xstrdup(p->signer);
	doc->signer_role = xstrdup(p->signer_role);
	while (doc->nimplements < 4 && p->implements[doc->nimplements])
		doc->nimplements++;
	doc->implements = xcalloc((size_t)doc->nimplements + 1, sizeof *doc->implements);
	for (int k = 0; k < doc->nimplements; k++)
		str_copy(doc->implements[k], p->implements[k], DOCNUM_LEN);
	if (p->plan_due) {
		char phrase[256];
		struct deadline dl;
		if ((rc = demo_expand(p->plan_due, d->today, phrase, sizeof phrase, e)))
			return rc;
		dl_parse(phrase, &dl);
		doc->plan_due = dl_due(&dl);
	}
	doc->created = demo_unix_at(doc->date, 8, 0);
	return 0;
}

/* Resolve the lead and partners of table task `dt` into task `tk`. */
static int plan_units(struct txn *t, const struct demo_task *dt, struct task *tk,
                      struct err *e)
{
	struct unit u = {0};
	int rc = unit_of(t, dt->lead, &u, e);
	if (rc)
		return rc;
	tk->lead = u.id;
	tk->lead_text = xstrdup(u.name);
	unit_free(&u);
	if (!dt->partners)
		return 0;
	struct sbuf names = {0};
	const char *p = dt->partners;
	while (*p) {
		char code[CODE_LEN];
		size_t n = strcspn(p, ", ");
		if (n == 0) {
			p++;
			continue;
		}
		str_copy(code, p, n + 1 < sizeof code ? n + 1 : sizeof code);
		p += n;
		if ((rc = unit_of(t, code, &u, e))) {
			sbuf_free(&names);
			return rc;
		}
		tk->partners = xrealloc(tk->partners, (size_t)(tk->npartners + 1) * sizeof *tk->partners);
		tk->partners[tk->npartners++] = u.id;
		if (names.len)
			sbuf_puts(&names, "; ");
		sbuf_puts(&names, u.name);
		unit_free(&u);
	}
	tk->partners_text = sbuf_detach(&names);
	return 0;
}

static int classify(const struct demo_task *dt, const struct task *tk, date_t today)
{
	switch (dt->hint) {
	case DH_HOLD:
		return SC_HOLD;
	case DH_EXTEND:
		return SC_EXTEND;
	case DH_STALE:
		return SC_STALE;
	case DH_DONE:
		return SC_DONE;
	default:
		break;
	}
	if (per_recurring(&tk->dl))
		return SC_PERIODIC;
	date_t due = dl_due(&tk->dl);
	if (due == DATE_NONE)
		return SC_UNDATED;
	return due < today ? SC_PAST : SC_FUTURE;
}

static int plan_tasks(struct demo *d, struct txn *t, struct err *e)
{
	size_t n = 0;
	for (size_t i = 0; i < d->nplans; i++)
		n += d->plans[i].ntasks;
	d->tasks = xcalloc(n, sizeof *d->tasks);
	for (size_t i = 0; i < d->nplans; i++) {
		const struct demo_plan *p = &d->plans[i];
		for (size_t k = 0; k < p->ntasks; k++) {
			const struct demo_task *dt = &p->tasks[k];
			struct demo_ptask *pt = &d->tasks[d->ntasks++];
			struct task *tk = &pt->t;
			int rc;
			tk->extended_to = tk->last_update = tk->done_date = tk->due = DATE_NONE;
			pt->doc = (int)i;
			pt->lead_code = dt->lead;
			str_copy(tk->section, dt->section, sizeof tk->section);
			if ((rc = plan_units(t, dt, tk, e)))
				return rc;
			tk->text = xstrdup(dt->text);
			if ((rc = expand_dup(d, dt->deadline, &tk->dl_phrase, e)))
				return rc;
			if (tk->dl_phrase)
				dl_parse(tk->dl_phrase, &tk->dl);
			else
				dl_init(&tk->dl);
			tk->start = d->docs[i].date;
			tk->created = d->docs[i].created;
			pt->scenario = classify(dt, tk, d->today);
		}
	}
	return 0;
}

/* ---- indicators ---- */

static int plan_indicators(struct demo *d, struct txn *t, struct err *e)
{
	size_t n = 0;
	for (size_t i = 0; i < d->nplans; i++)
		n += d->plans[i].nindicators;
	d->inds = xcalloc(n ? n : 1, sizeof *d->inds);
	for (size_t i = 0; i < d->nplans; i++) {
		const struct demo_plan *p = &d->plans[i];
		for (size_t k = 0; k < p->nindicators; k++) {
			const struct demo_indicator *di = &p->indicators[k];
			struct demo_pind *pi = &d->inds[d->ninds];
			struct unit u = {0};
			int y, m, dd, rc;
			pi->doc = (int)i;
			str_copy(pi->i.section, di->section, sizeof pi->i.section);
			if ((rc = expand_dup(d, di->text, &pi->i.text, e)) ||
			    (rc = unit_of(t, di->lead, &u, e)))
				return rc;
			pi->i.lead = u.id;
			unit_free(&u);
			date_split(d->today, &y, &m, &dd);
			pi->i.year = y + di->year;
			pi->i.min = di->min;
			pi->i.target = di->target;
			str_copy(pi->i.unit_of, di->unit_of, sizeof pi->i.unit_of);
			demo_plan_measures(d, (int)d->ninds, di, d->docs[i].date);
			d->ninds++;
		}
	}
	return 0;
}

/* ---- writing ---- */

static int check_empty(struct txn *t, struct err *e)
{
	struct store_stat s;
	int rc = store_stat(t, &s, e);
	if (rc)
		return rc;
	if (s.docs > 0)
		return err_set(e, ERR_CONFLICT,
		               "kho dữ liệu %s đã có %llu văn bản: chỉ tạo dữ liệu trình diễn "
		               "trong kho trống (dùng --store với một thư mục mới)",
		               store_path(store_of(t)), (unsigned long long)s.docs);
	return 0;
}

static int write_audit(struct demo *d, struct txn *t, size_t i, struct err *e)
{
	struct audit a = {0};
	char date[11];
	size_t ntasks = d->plans[i].ntasks;
	a.time = demo_unix_at(d->today, 8, 0);
	str_copy(a.login, d->actor, sizeof a.login);
	str_copy(a.role, d->actor_role, sizeof a.role);
	str_copy(a.action, "demo", sizeof a.action);
	snprintf(a.object, sizeof a.object, "doc:%llu", (unsigned long long)d->docs[i].id);
	json_t *after = json_pack("{s:s, s:s, s:I}", "number", d->docs[i].number, "date",
	                          date_iso(d->docs[i].date, date), "tasks", (json_int_t)ntasks);
	a.after = json_dumps(after, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(after);
	int rc = store_audit_add(t, &a, e);
	audit_free(&a);
	return rc;
}

/* The write transaction.  It may run more than once (the map grows): every
 * id is assigned afresh. */
static int write_all(struct txn *t, void *ctx, struct err *e)
{
	struct demo *d = ctx;
	int rc = check_empty(t, e);

	for (size_t i = 0; !rc && i < d->nplans; i++) {
		d->docs[i].id = 0;
		rc = store_doc_put(t, &d->docs[i], e);
	}
	for (size_t i = 0; !rc && i < d->ntasks; i++) {
		struct task *tk = &d->tasks[i].t;
		tk->id = 0;
		tk->doc_id = d->docs[d->tasks[i].doc].id;
		rc = store_task_put(t, tk, e);
	}
	for (size_t i = 0; !rc && i < d->nups; i++) {
		d->ups[i].u.id = 0;
		d->ups[i].u.task_id = d->tasks[d->ups[i].task].t.id;
		rc = store_update_add(t, &d->ups[i].u, e);
	}
	for (size_t i = 0; !rc && i < d->nexts; i++) {
		d->exts[i].x.id = 0;
		d->exts[i].x.task_id = d->tasks[d->exts[i].task].t.id;
		rc = store_extension_add(t, &d->exts[i].x, e);
	}
	/* The stored due with the lead's level and every report counted, as
	 * the period engine gives it. */
	for (size_t i = 0; !rc && i < d->ntasks; i++) {
		struct task *tk = &d->tasks[i].t;
		date_t due;
		rc = per_task_due(t, tk, &d->periods, &due, e);
		if (!rc && due != tk->due) {
			tk->due = due;
			rc = store_task_put(t, tk, e);
		}
	}
	for (size_t i = 0; !rc && i < d->ninds; i++) {
		d->inds[i].i.id = 0;
		d->inds[i].i.doc_id = d->docs[d->inds[i].doc].id;
		rc = store_indicator_put(t, &d->inds[i].i, e);
	}
	for (size_t i = 0; !rc && i < d->nmeas; i++) {
		d->meas[i].m.id = 0;
		d->meas[i].m.indicator_id = d->inds[d->meas[i].ind].i.id;
		rc = store_measure_add(t, &d->meas[i].m, e);
	}
	if (!rc)
		rc = demo_write_history_audit(d, t, e);
	for (size_t i = 0; !rc && i < d->nplans; i++)
		rc = write_audit(d, t, i, e);
	return rc;
}

static void demo_free(struct demo *d)
{
	for (size_t i = 0; i < d->nplans && d->docs; i++)
		doc_free(&d->docs[i]);
	for (size_t i = 0; i < d->ntasks; i++)
		task_free(&d->tasks[i].t);
	for (size_t i = 0; i < d->nups; i++)
		update_free(&d->ups[i].u);
	for (size_t i = 0; i < d->nexts; i++)
		extension_free(&d->exts[i].x);
	for (size_t i = 0; i < d->ninds; i++)
		indicator_free(&d->inds[i].i);
	for (size_t i = 0; i < d->nmeas; i++)
		measure_free(&d->meas[i].m);
	free(d->docs);
	free(d->tasks);
	free(d->ups);
	free(d->inds);
	free(d->meas);
}

static int plan_all(struct demo *d, struct err *e)
{
	struct txn *t;
	int rc = store_read_begin(d->c->st, &t, e);
	if (rc)
		return rc;
	rc = check_empty(t, e);
	d->docs = xcalloc(d->nplans, sizeof *d->docs);
	for (size_t i = 0; !rc && i < d->nplans; i++)
		rc = plan_doc(d, t, i, e);
	if (!rc)
		rc = plan_tasks(d, t, e);
	if (!rc)
		rc = plan_indicators(d, t, e);
	store_read_end(t);
	if (!rc)
		demo_plan_histories(d);
	return rc;
}

int demo_build(struct ops_ctx *c, struct err *e)
{
	struct demo d;
	memset(&d, 0, sizeof d);
	d.c = c;
	d.today = c->today != DATE_NONE ? c->today : date_today();
	d.periods = c->cfg ? c->cfg->periods : (struct periods){1u << 11};
	rng_seed(&d.rng, 0x7468656f646f6931ull ^ (uint64_t)(uint32_t)d.today);
	d.plans = demo_plans(&d.nplans);
	str_copy(d.actor, c->who.login[0] ? c->who.login : "theodoi", sizeof d.actor);
	str_copy(d.actor_role, role_key(c->who.role), sizeof d.actor_role);

	int rc = plan_all(&d, e);
	if (!rc)
		rc = store_write(c->st, write_all, &d, e);
	demo_free(&d);
	return rc;
}
