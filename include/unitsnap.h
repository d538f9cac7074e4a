/* unitsnap.h — the unit tree as one flat, read-in-place image.
 *
 * The store keeps, beside the unit records, an image of the whole tree
 * (store.h: database "unitsnap") built by unitsnap_build() in the same
 * write transaction as any change of a unit or of a linked name.  A reader
 * maps it where it lies: no copy, no sort, and a command touches only the
 * parts of it that it looks at (hier.h reads it).
 *
 * Layout, all integers in the machine's byte order (an LMDB file is not
 * portable across byte orders either), each section 8-byte aligned:
 *   head     magic, version, the units generation it was built from
 *            (store_units_gen), counts and the offset of every section;
 *   units    n entries in tree order (pre-order; siblings in id order):
 *            id, parent, successor, one past the subtree's end, offsets
 *            of code, name and abbreviations in the string area, depth,
 *            kind, historical flag;
 *   ids      by id: position + 1 (0 = none) when ids are dense, else
 *            (id, position) pairs sorted by id;
 *   codes    positions sorted by code (byte order);
 *   keys     (folded string, position * 4 + level) sorted by folded
 *            string, level, position: code, name and each abbreviation
 *            (linked names included) of every unit, folded (txt_fold);
 *   strings  NUL-terminated strings; the area ends with a NUL.
 * A reader checks the head and the section bounds once, and every
 * position and offset it follows, so a damaged image gives "not found",
 * never a read outside it.
 */
#ifndef THEODOI_UNITSNAP_H
#define THEODOI_UNITSNAP_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

struct err;
struct sbuf;
struct txn;

#define UNITSNAP_VERSION 1
#define UNITSNAP_NONE UINT32_MAX /* offset of an absent string */

/* Levels of a name key: a lower one wins when a name is resolved. */
enum unitsnap_level { USNAP_CODE = 0, USNAP_NAME, USNAP_ABBREV };

struct unitsnap_unit {
	uint32_t id, parent, successor;
	uint32_t end;                  /* one past the subtree: [pos, end) */
	uint32_t code, name, abbrevs;  /* string offsets; UNITSNAP_NONE: NULL */
	uint16_t depth;                /* 0 for a root */
	uint8_t kind, historical;
};

struct unitsnap_key {
	uint32_t folded;               /* string offset */
	uint32_t pos_level;            /* position * 4 + enum unitsnap_level */
};

/* A checked view of an image; points into the image's bytes. */
struct unitsnap {
	uint64_t gen;
	size_t n, nkeys, nids;
	int dense;                     /* ids: 1 position + 1 by id, 0 pairs */
	const struct unitsnap_unit *u;
	const uint32_t *ids, *codes;
	const struct unitsnap_key *keys;
	const char *str;
	size_t nstr;
};

/* Every unit of the store in id order, with the names the office linked
 * to a unit (store-alias.h) appended to its abbreviations: what the tree
 * is built from.  *out (n entries, may be NULL when n is 0) is the
 * caller's: unit_free() each, then free(). */
int unitsnap_collect(struct txn *t, struct unit **out, size_t *n, struct err *e);

/* Build the image of units (any order; n may be 0) stamped with gen into
 * out (reset first).  A unit whose parent is absent is a root; so is the
 * first unit met of a parent cycle. */
void unitsnap_build(const struct unit *units, size_t n, uint64_t gen, struct sbuf *out);

/* Check an image's head and section bounds and fill *v.  data must be
 * 8-byte aligned.  Returns 0, or -1 when it is not an image this version
 * reads (damaged, another version or byte order). */
int unitsnap_view(const void *data, size_t len, struct unitsnap *v);

/* The string at offset off: NULL for UNITSNAP_NONE or an offset outside
 * the area. */
const char *unitsnap_str(const struct unitsnap *v, uint32_t off);

/* The step of the migration to schema 3 (per_migrate, period.h): have
 * the image built in the migrating write transaction t. */
int unitsnap_migrate_3(struct txn *t, struct err *e);

#endif
