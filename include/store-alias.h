/* store-alias.h — names of units the office linked once (`theodoi link`):
 * a lead, partner or issuer written in plans ("Ban Tuyên giáo Thành ủy")
 * that the hierarchy did not know, remembered with the unit it means so
 * that later imports resolve it.  Kept as meta entries "alias.<folded
 * name>" (txt_fold: case and diacritics ignored) -> "<unit code>\t<name as
 * linked>", so backups, exports and JSON imports carry them. */
#ifndef THEODOI_STORE_ALIAS_H
#define THEODOI_STORE_ALIAS_H

#include <stdint.h>

struct err;
struct txn;

/* Remember (or replace) name -> unit inside the write transaction t.
 * *previous (may be NULL) gets the unit it named before, 0 if none. */
int store_alias_put(struct txn *t, const char *name, uint32_t unit, uint32_t *previous,
                    struct err *e);

/* The unit a name was linked to; ERR_NOTFOUND if none. */
int store_alias_get(struct txn *t, const char *name, uint32_t *unit, struct err *e);

/* Every alias in folded-name order: cb(name as linked, unit, ctx); stops
 * at cb's non-zero and returns it. */
int store_aliases_each(struct txn *t, int (*cb)(const char *name, uint32_t unit, void *ctx),
                       void *ctx, struct err *e);

#endif
