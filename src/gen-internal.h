/* gen-internal.h — the synthetic hierarchy of gen.c, drawn in memory by
 * gen-units.c, which also writes it out as units.ini and theodoi.ini. */
#ifndef THEODOI_GEN_INTERNAL_H
#define THEODOI_GEN_INTERNAL_H

#include <stdint.h>

#include "model.h"
#include "rng.h"

struct err;

#define PROVINCES_MAX 34
#define AGENCIES_PROVINCE 15
#define AGENCIES_DISTRICT 8
#define AGENCIES_BLOC 4
#define GEN_OFFICE_AGENCY 5 /* index of the Văn phòng among a province's agencies */

enum gen_role { GR_CENTRE, GR_PROVINCE, GR_PAGENCY, GR_DISTRICT, GR_DAGENCY, GR_GRASS };

struct gen_unit {
	char code[CODE_LEN];
	char *name;
	uint32_t id;        /* store id, after the sync */
	int32_t parent;     /* index, -1 for the root */
	int16_t province;   /* index of its province, -1 for the centre */
	uint8_t kind;       /* enum unit_kind */
	uint8_t role;       /* enum gen_role */
};

struct gen_district {
	int unit;           /* index of the committee */
	int province;
	int agencies, nagencies;
	int grass, ngrass;
};

struct gen_province {
	int unit;
	int agencies;       /* AGENCIES_PROVINCE of them */
	int districts, ndistricts; /* range in the district array */
};

struct hierarchy {
	struct gen_unit *u;
	int n, cap;
	struct gen_province p[PROVINCES_MAX];
	int np;
	struct gen_district *d;
	int nd, capd;
};

/* Draw a hierarchy of about `units` units into h (zeroed by the caller).
 * Free with gen_free_hierarchy(). */
void gen_hierarchy(struct hierarchy *h, struct rng *r, long units);
void gen_free_hierarchy(struct hierarchy *h);

/* An invented Vietnamese personal name ("Trần Minh Hải"), into buf. */
void gen_person_name(struct rng *r, char *buf, size_t len);

/* Write h as units.ini, and a theodoi.ini pointing at it and at the
 * directory "store" beside it, with a root admin mapped to the centre and
 * an editor ("vp01", ...) in the office of each province.  ERR_IO names the
 * file that cannot be written. */
int gen_write_units_ini(const char *path, const struct hierarchy *h, struct err *e);
int gen_write_theodoi_ini(const char *path, const struct hierarchy *h, long ntasks,
                          unsigned long seed, struct err *e);

#endif
