/* hier.h — the unit hierarchy in memory, and its synchronisation from
 * units.ini into the store.
 *
 * The store is the record of every unit ever configured; units.ini is the
 * current hierarchy.  hier_sync() brings the store in line with the file
 * (in one audited write transaction, and only when the file changed);
 * hier_load() gives the interfaces the tree: the store's image of it
 * (unitsnap.h), read in place, so that loading costs neither a read of
 * every unit nor a sort.
 */
#ifndef THEODOI_HIER_H
#define THEODOI_HIER_H

#include <stddef.h>
#include <stdint.h>
#include "model.h"

struct err;
struct store;
struct txn;
struct config;

/* If units.ini changed since the store last saw it (cfg_units_stamp), load
 * and validate it and, in one write transaction: add new units, update
 * names, abbreviations, kinds and parents, mark units missing from the
 * file as historical (never deleting them or their records), hand the
 * open tasks of a unit with a successor to that unit, rebuild the counters
 * if any parent changed, audit each change as done by `login`, and store
 * the new stamp.  Config errors come back before the store is touched.
 * *changed (may be NULL) is set to the number of units changed. */
int hier_sync(struct store *st, struct config *c, const char *login, int *changed,
              struct err *e);

struct hier;

/* The tree of the store's units as t sees them.  The names the office
 * linked to a unit (store-alias.h) are added to that unit's
 * abbreviations, so that names and imports resolve them.  Read in place
 * from the store's image of the tree when that image is of t's units
 * (store_units_gen); built from the units otherwise (an image missing,
 * stale or damaged, or units changed in the write transaction t), so the
 * answers are the same either way.  The tree stays valid after t ends and
 * across later transactions and store_close(); it holds a pin on the
 * store (store.h), so free it when the command is done, or hier_detach()
 * it.  Caller frees with hier_free(). */
int hier_load(struct txn *t, struct hier **out, struct err *e);
/* The same tree, always built from the units (never the image): for
 * checking the image. */
int hier_build(struct txn *t, struct hier **out, struct err *e);
/* Move h off the store: its image copied to the heap (some MB for a
 * national hierarchy) and its read transaction ended, for a program that
 * keeps a tree while it waits on its user (the screen: a reader held
 * while the program is stopped or idle would keep the store's freed pages
 * from reuse, and the file would grow).  Answers are unchanged. */
void hier_detach(struct hier *h);
/* 1 if h was read from the store's image, 0 if built from the units. */
int hier_stored(const struct hier *h);
void hier_free(struct hier *h);

/* Units in tree order (pre-order: a unit, then its subtree; siblings in id
 * order, which is the order of units.ini).  Indexes are 0..hier_count()-1. */
size_t hier_count(const struct hier *h);
/* The unit at index i, NULL if none; owned by h, valid until hier_free. */
const struct unit *hier_at(const struct hier *h, size_t i);
int hier_depth(const struct hier *h, size_t i);      /* 0 for a root */
/* One past the last index of the subtree rooted at i: [i, end) is it. */
size_t hier_subtree_end(const struct hier *h, size_t i);

/* Index of a unit by id or code; (size_t)-1 if absent. */
size_t hier_find_id(const struct hier *h, uint32_t id);
size_t hier_find_code(const struct hier *h, const char *code);
const struct unit *hier_unit(const struct hier *h, uint32_t id); /* NULL if absent */

/* 1 if `unit` is `root` or below it. O(1). */
int hier_in_subtree(const struct hier *h, uint32_t unit, uint32_t root);

/* Resolve a unit named by a user: code, exact name or abbreviation,
 * case and diacritics ignored.  Returns the index or (size_t)-1.
 * A code match beats a name match, which beats an abbreviation; at the same
 * level a current unit beats a historical one.  When two units remain at
 * the best level the name is ambiguous ("Ban Tổ chức Huyện ủy" with two
 * districts) and (size_t)-1 is returned: see hier_resolve_all(). */
size_t hier_resolve(const struct hier *h, const char *name);

/* Every unit whose code, name or an abbreviation matches `name` (case and
 * diacritics ignored), in tree order: the first `max` indexes go to out
 * (may be NULL when max is 0).  Returns the number of matches, which may
 * exceed max.  For callers that narrow an ambiguous name themselves, e.g.
 * to the subtree of a document's issuer with hier_in_subtree(). */
size_t hier_resolve_all(const struct hier *h, const char *name, size_t *out, size_t max);

#endif
