/* register.h — the register of outgoing documents (sổ đăng ký văn bản đi):
 * per issuing unit, kind ("BC", "CV") and year, numbers from 01 without a
 * gap.  A number is taken (reg_take) in the same write transaction that
 * records the issued document (reg_record) and its audit entry, so two
 * clerks issuing at once get consecutive numbers and an issue that fails
 * takes none.  Drafts take no number.
 *
 * Kept in the store's meta entries: the last number of each register
 * ("regno.<unit id>.<kind>.<year>", decimal) and the records
 * ("reg.<unit id>.<kind>.<year>.<number, 6 digits>", JSON), which `export`
 * and `import-json` carry: the schema is unchanged.
 */
#ifndef THEODOI_REGISTER_H
#define THEODOI_REGISTER_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

struct err;
struct txn;

struct reg_entry {
	uint32_t unit;            /* the issuing unit */
	char kind[DOCKIND_LEN];   /* "BC", "CV" */
	int year;
	uint32_t number;          /* 1, 2, ... */
	char number_text[96];     /* "01-BC/TU" as the document prints it */
	date_t date;              /* the document's date */
	int64_t time;             /* when it was issued (seconds since 1970) */
	char login[LOGIN_LEN];    /* who issued it */
	char file[PATH_MAX];      /* the file written */
	char format[8];           /* "docx", "odt", "pdf" */
	char sha256[65];          /* of that file */
	char subject[512];        /* the trích yếu, cut to fit */
};

/* The next number of (unit, kind, year): 1 for the first.  Inside a write
 * transaction (ERR_INTERNAL otherwise); ERR_USAGE for a kind that is not
 * 1-7 ASCII letters. */
int reg_take(struct txn *t, uint32_t unit, const char *kind, int year, uint32_t *number,
             struct err *e);

/* Record an issued document (write transaction). */
int reg_record(struct txn *t, const struct reg_entry *r, struct err *e);

/* The issued documents of `unit` (0: every unit) and `year` (0: every
 * year), by unit, kind, year and number.  The caller frees *out. */
int reg_list(struct txn *t, uint32_t unit, int year, struct reg_entry **out, size_t *n,
             struct err *e);

#endif
