/* store-digest.h — one SHA-256 over what a generated store holds, for the
 * tests that pin the demo and gen stores to a recorded digest: units,
 * documents, tasks with their updates and extensions, indicators with
 * their measures and the audit trail, field by field through the store
 * API, in the store's order.  The hierarchy's own audit entries ("unit.*") are left
 * out: they carry the clock's time.  Reading the fields rather than the
 * JSON export keeps the digest to what the generator decides: a new field
 * in the export or a new record layout does not change it.
 *
 * When the digest is not the recorded one, the text it was taken over is
 * kept in a file (its path is in the failure message), so that the same
 * file from another build can be compared line by line.  Included by
 * tests/test_demo.c and tests/test_gen.c only. */
#ifndef THEODOI_TEST_STORE_DIGEST_H
#define THEODOI_TEST_STORE_DIGEST_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "model.h"
#include "sha256.h"
#include "store.h"
#include "util.h"

struct sd_ctx {
	struct txn *t;
	struct sbuf text;
};

static const char *sd_str(const char *s)
{
	return s ? s : "(null)";
}

static int sd_update(const struct update *u, void *ctx)
{
	struct sd_ctx *c = ctx;
	sbuf_printf(&c->text, "  update %llu time=%lld day=%ld login=%s progress=%d status=%d>%d "
	                      "done_on=%ld period=%ld note=%s\n",
	            (unsigned long long)u->id, (long long)u->time, (long)u->day, u->login,
	            u->progress, u->status_before, u->status_after, (long)u->done_on,
	            (long)u->period, sd_str(u->note));
	return 0;
}

static int sd_task(const struct task *tk, void *ctx)
{
	struct sd_ctx *c = ctx;
	struct err e;
	sbuf_printf(&c->text, "task %llu doc=%llu section=%s lead=%u status=%d progress=%d "
	                      "confirm=%d start=%ld last=%ld done=%ld due=%ld extended=%ld "
	                      "updates=%u created=%lld partners=",
	            (unsigned long long)tk->id, (unsigned long long)tk->doc_id, tk->section,
	            tk->lead, tk->status, tk->progress, tk->confirm, (long)tk->start,
	            (long)tk->last_update, (long)tk->done_date, (long)tk->due,
	            (long)tk->extended_to, tk->nupdates, (long long)tk->created);
	for (int i = 0; i < tk->npartners; i++)
		sbuf_printf(&c->text, "%s%u", i ? "," : "", tk->partners[i]);
	sbuf_printf(&c->text, " deadline=%s text=%s\n", sd_str(tk->dl_phrase), sd_str(tk->text));
	err_clear(&e);
	cr_assert_eq(store_updates_of_task(c->t, tk->id, sd_update, c, &e), 0, "%s", e.msg);
	return 0;
}

static int sd_unit(const struct unit *u, void *ctx)
{
	struct sd_ctx *c = ctx;
	sbuf_printf(&c->text, "unit %u %s kind=%d parent=%u name=%s\n", u->id, u->code, u->kind,
	            u->parent, sd_str(u->name));
	return 0;
}

static int sd_doc(const struct doc *d, void *ctx)
{
	struct sd_ctx *c = ctx;
	sbuf_printf(&c->text, "doc %llu %s %s date=%ld issuer=%u plan_due=%ld created=%lld "
	                      "signer=%s title=%s implements=",
	            (unsigned long long)d->id, d->kind, d->number, (long)d->date, d->issuer,
	            (long)d->plan_due, (long long)d->created, sd_str(d->signer), sd_str(d->title));
	for (int i = 0; i < d->nimplements; i++)
		sbuf_printf(&c->text, "%s%s", i ? "," : "", d->implements[i]);
	sbuf_putc(&c->text, '\n');
	return 0;
}

static int sd_extension(const struct extension *x, void *ctx)
{
	struct sd_ctx *c = ctx;
	sbuf_printf(&c->text, "extension %llu task=%llu time=%lld day=%ld login=%s from=%ld to=%ld "
	                      "state=%d reason=%s\n",
	            (unsigned long long)x->id, (unsigned long long)x->task_id, (long long)x->time,
	            (long)x->day, x->login, (long)x->from, (long)x->to, x->state, sd_str(x->reason));
	return 0;
}

static int sd_measure(const struct measure *m, void *ctx)
{
	struct sd_ctx *c = ctx;
	sbuf_printf(&c->text, "  measure %llu date=%ld value=%.17g time=%lld login=%s note=%s\n",
	            (unsigned long long)m->id, (long)m->date, m->value, (long long)m->time,
	            m->login, sd_str(m->note));
	return 0;
}

static int sd_indicator(const struct indicator *i, void *ctx)
{
	struct sd_ctx *c = ctx;
	struct err e;
	sbuf_printf(&c->text, "indicator %llu doc=%llu section=%s lead=%u year=%d min=%.17g "
	                      "target=%.17g unit=%s text=%s\n",
	            (unsigned long long)i->id, (unsigned long long)i->doc_id, i->section, i->lead,
	            i->year, i->min, i->target, i->unit_of, sd_str(i->text));
	err_clear(&e);
	cr_assert_eq(store_measures_of(c->t, i->id, sd_measure, c, &e), 0, "%s", e.msg);
	return 0;
}

static int sd_audit(const struct audit *a, void *ctx)
{
	struct sd_ctx *c = ctx;
	if (!strncmp(a->action, "unit.", 5))
		return 0;
	sbuf_printf(&c->text, "audit %llu time=%lld login=%s role=%s %s %s before=%s after=%s\n",
	            (unsigned long long)a->seq, (long long)a->time, a->login, a->role, a->action,
	            a->object, sd_str(a->before), sd_str(a->after));
	return 0;
}

/* Assert that the store st holds what digest `want` (64 hex digits) was
 * taken over; `what` names the store in the message and the kept file. */
static void sd_assert_digest(struct store *st, const char *what, const char *want)
{
	struct sd_ctx c = {0};
	struct sha256 h;
	struct err e;
	char hex[65];

	err_clear(&e);
	cr_assert_eq(store_read_begin(st, &c.t, &e), 0, "%s", e.msg);
	cr_assert_eq(store_units_each(c.t, sd_unit, &c, &e), 0, "%s", e.msg);
	cr_assert_eq(store_docs_each(c.t, sd_doc, &c, &e), 0, "%s", e.msg);
	cr_assert_eq(store_tasks_each(c.t, sd_task, &c, &e), 0, "%s", e.msg);
	cr_assert_eq(store_extensions_each(c.t, sd_extension, &c, &e), 0, "%s", e.msg);
	cr_assert_eq(store_indicators_each(c.t, sd_indicator, &c, &e), 0, "%s", e.msg);
	cr_assert_eq(store_audit_each(c.t, 0, sd_audit, &c, &e), 0, "%s", e.msg);
	store_read_end(c.t);
	sha256_init(&h);
	sha256_add(&h, c.text.s ? c.text.s : "", c.text.len);
	sha256_hex(&h, hex);
	if (strcmp(hex, want) != 0) {
		char path[128];
		snprintf(path, sizeof path, "/tmp/theodoi-digest-%s-%ld.txt", what, (long)getpid());
		FILE *f = fopen(path, "w");
		if (f) {
			fwrite(c.text.s ? c.text.s : "", 1, c.text.len, f);
			fclose(f);
		}
		cr_assert_fail("the %s store's digest is %s, not %s: it is no longer what the gcc "
		               "build made; its records are in %s",
		               what, hex, want, f ? path : "(not written)");
	}
	sbuf_free(&c.text);
}

#endif
