/* ops-link.h — linking the names plans write to the units they mean, once:
 * the names of leads and issuers a store holds but could not resolve, and
 * linking one of them to a unit, which updates every task and document
 * with that name and remembers it (store-alias.h) for later imports. */
#ifndef THEODOI_OPS_LINK_H
#define THEODOI_OPS_LINK_H

#include <stddef.h>
#include "ops.h"

enum unresolved_role { UR_LEAD = 0, UR_PARTNER, UR_ISSUER };

struct hier;
struct txn;

/* One unresolved name: as first written, whether a lead, a partner or an
 * issuer, the number of tasks it leads or is a partner on (0 for an
 * issuer) and the documents it is in (or that it issues), in id order. */
struct unresolved_name {
	char *name;
	enum unresolved_role role;
	size_t ntasks;
	size_t ndocs;
	uint64_t *docs;
};

/* Every unresolved lead (tasks with no lead unit but a lead as written,
 * not a group of bodies such as "các huyện ủy..."), partner (a name of a
 * task's partners as written that resolves to no unit of h, relative to
 * the document's issuer as the importer reads it; groups such as "các cơ
 * quan liên quan" left out) and issuer (documents with no issuer unit),
 * names compared folded (case and diacritics ignored), leads first, then
 * partners, then issuers, each by name.  Leads and issuers are read
 * through their indexes; partners have none, so every task is read once.
 * *out owned by the caller: ops_unresolved_free. */
int ops_unresolved(const struct ops_ctx *c, const struct hier *h, struct unresolved_name **out,
                   size_t *n, struct err *e);
void ops_unresolved_free(struct unresolved_name *v, size_t n);

/* The same list read in slices, for a screen that must not wait on a
 * store of a million tasks: ops_unres_open reads the leads and issuers
 * (through their indexes) in transaction t; each ops_unres_step reads up
 * to `budget` more tasks (0: every one left) for their partners' names,
 * in id order, in the transaction it is given (a later one will do);
 * ops_unres_names gives the names found so far in the order above (*out
 * owned by the caller: ops_unresolved_free).  ops_unresolved is open,
 * one step of every task and names.  *out of open owned by the caller:
 * ops_unres_free. */
struct ops_unres;
int ops_unres_open(const struct ops_ctx *c, struct txn *t, const struct hier *h,
                   struct ops_unres **out, struct err *e);
int ops_unres_step(struct ops_unres *s, struct txn *t, size_t budget, struct err *e);
/* 1 once every task has been read. */
int ops_unres_done(const struct ops_unres *s);
/* Tasks read so far, and partner names (with repeats) found so far. */
size_t ops_unres_read(const struct ops_unres *s);
size_t ops_unres_partners_seen(const struct ops_unres *s);
void ops_unres_names(struct ops_unres *s, struct unresolved_name **out, size_t *n);
void ops_unres_free(struct ops_unres *s);

/* Link `name` to unit `unit` in one write transaction (PA_HIERARCHY,
 * admins): every task whose lead is written so and has no unit, every
 * task that names it among its partners as written without having the
 * unit among its partners (a scan of the tasks), and every document whose
 * issuer is written so and has no unit, get the unit, and the name is
 * remembered for later imports (replacing an earlier link).
 * A name with a comma (a list of units), an empty one, an unknown or
 * dissolved unit is refused (ERR_INPUT, ERR_NOTFOUND).  Audited as "link"
 * with the counts.  *ntasks, *ndocs (may be NULL) get what changed. */
int ops_link(struct ops_ctx *c, const char *name, uint32_t unit, size_t *ntasks, size_t *ndocs,
             struct err *e);
/* Each name of a partners-as-written text ("A; B"), trimmed, in order:
 * cb(name, ctx); stops at cb's non-zero and returns it. */
int ops_partner_names(const char *text, int (*cb)(const char *name, void *ctx), void *ctx);

#endif
