/* model.h — the records theodoi keeps: units, documents, tasks, updates,
 * extensions, indicators, measurements and audit entries.
 *
 * Plain structs.  Strings are NUL-terminated UTF-8 (NFC) owned by the
 * struct: heap-allocated (or NULL for "none"), released by the matching
 * *_free() function, which leaves the struct zeroed.  Fixed-size arrays
 * hold short ASCII keys only.  Their binary encoding lives in codec.h.
 */
#ifndef THEODOI_MODEL_H
#define THEODOI_MODEL_H

#include <stdint.h>
#include "date.h"
#include "deadline.h"
#include "timeliness.h"

#define CODE_LEN 32   /* unit code: ASCII, stable */
#define LOGIN_LEN 33  /* Unix login */
#define DOCKIND_LEN 8 /* "KH", "CTr", "NQ", ... */
#define DOCNUM_LEN 48 /* "52-CTr/TU" */
#define SECTION_LEN 40

enum unit_kind {
	UK_TRUNG_UONG = 0, UK_TINH_UY, UK_THANH_UY, UK_HUYEN_UY, UK_DANG_UY_KHOI,
	UK_DANG_UY_CO_SO, UK_CHI_BO, UK_BAN, UK_CO_QUAN, UK_TO_CHUC,
	UK_COUNT
};
/* "tinh_uy" <-> UK_TINH_UY; unit_kind_parse returns -1 if unknown. */
const char *unit_kind_key(enum unit_kind k);
const char *unit_kind_label(enum unit_kind k); /* "Tỉnh ủy" */
int unit_kind_parse(const char *s);

struct unit {
	uint32_t id;          /* store id, 1.. ; 0 = none */
	char code[CODE_LEN];  /* from units.ini */
	char *name;           /* "Ban Tổ chức Tỉnh ủy" */
	char *abbrevs;        /* comma-separated: "BTC Tỉnh ủy, BTCTU", or NULL */
	uint8_t kind;         /* enum unit_kind */
	uint32_t parent;      /* parent unit id, 0 for a root */
	uint8_t historical;   /* gone from units.ini but kept: its records stay */
	uint32_t successor;   /* unit that took over its open tasks, or 0 */
};
void unit_free(struct unit *u);

struct doc {
	uint64_t id;
	char kind[DOCKIND_LEN];     /* "KH" */
	char number[DOCNUM_LEN];    /* "52-CTr/TU", or "" when the text carries none */
	date_t date;                /* date of issue, or DATE_NONE */
	char *title;
	uint32_t issuer;            /* unit id, or 0 if unresolved */
	char *issuer_text;          /* "Ban Thường vụ Tỉnh ủy" as written */
	char *signer, *signer_role;
	int nimplements;
	char (*implements)[DOCNUM_LEN]; /* numbers this document implements, in order */
	date_t plan_due;            /* by when subordinate units must issue their
	                               implementing plan, or DATE_NONE */
	char *source;               /* original text when imported, or NULL */
	int64_t created;            /* unix time */
};
void doc_free(struct doc *d);

/* Confirmation of a reported "hoàn thành" (chờ xác nhận / trả lại).
 * Stored: values are only ever appended. */
enum confirm_state { CF_NONE = 0, CF_PENDING, CF_CONFIRMED, CF_RETURNED };

struct task {
	uint64_t id;
	uint64_t doc_id;            /* 0 for a task outside any document */
	char section[SECTION_LEN];  /* "III.2.1#3" */
	uint32_t lead;              /* lead unit id, or 0 if unresolved */
	char *lead_text;            /* lead as written, or NULL */
	int npartners;
	uint32_t *partners;         /* partner unit ids (resolved ones) */
	char *partners_text;        /* partners as written, "; "-separated, or NULL */
	char *text;
	char *dl_phrase;            /* deadline phrase exactly as written, or NULL */
	struct deadline dl;
	date_t extended_to;         /* latest extension, or DATE_NONE */
	uint8_t status;             /* enum task_status */
	uint8_t progress;           /* 0..100 */
	uint8_t confirm;            /* enum confirm_state */
	date_t start;               /* when the task was set (for periodic reports) */
	date_t last_update;         /* day of the latest update, or DATE_NONE */
	date_t done_date;           /* day reported done, or DATE_NONE */
	date_t due;                 /* cached per_task_due() (period.h); indexed */
	uint32_t nupdates;
	int64_t created;            /* unix time */
	uint8_t group_open;         /* 1: a group task opened into one obligation
	                               per unit (ops-group.h): a container, not
	                               counted, indexed by due or listed as
	                               overdue; 0: an ordinary task */
};
void task_free(struct task *t);
/* A deep copy of src into dst (dst is overwritten, not freed). */
void task_copy(struct task *dst, const struct task *src);

struct update {
	uint64_t id;
	uint64_t task_id;
	int64_t time;               /* unix time of the commit */
	date_t day;                 /* the day recorded: ops_write_day() (ops.h) */
	char login[LOGIN_LEN];
	char *note;                 /* or NULL */
	int8_t progress;            /* 0..100, or -1 if unchanged */
	int8_t status_before;       /* enum task_status, or -1 if unchanged */
	int8_t status_after;
	/* Since record version 2 (older records decode with the defaults): */
	date_t done_on;             /* day the work was finished, as the user said
	                               (update --done-on), or DATE_NONE: the day */
	date_t period;              /* periodic task: report date of the period this
	                               update reports for; DATE_NONE when it reports
	                               for no period (one-off task, or an entry that
	                               is not the unit's report) or, in a version 1
	                               record, unknown (attributed by its day) */
	int8_t confirm_after;       /* enum confirm_state after this entry, or -1 if
	                               unchanged (or unknown, version 1) */
};
void update_free(struct update *u);
/* Set *u to an empty update: zeroes, dates DATE_NONE, progress and
 * statuses -1 (unchanged), confirm_after -1.  Every new update starts here. */
void update_init(struct update *u);

/* State of an extension (gia hạn).  Stored: values are only ever appended. */
enum ext_state {
	EXT_GRANTED = 0,            /* in force (every version 1 record) */
	EXT_REQUESTED,              /* asked for by the unit, not decided yet */
	EXT_REFUSED                 /* refused by the monitoring office */
};

struct extension {
	uint64_t id;
	uint64_t task_id;
	int64_t time;
	char login[LOGIN_LEN];      /* who granted it, or who asked for it */
	date_t from;                /* due before the extension */
	date_t to;                  /* new due (asked for, while requested) */
	char *reason;
	/* Since record version 2 (older records decode with the defaults): */
	date_t day;                 /* day recorded (version 1: day of `time`, UTC) */
	uint8_t state;              /* enum ext_state */
	uint8_t late;               /* asked for (or granted) after `from` had passed */
	char decided_by[LOGIN_LEN]; /* who granted or refused a request, or "" */
	date_t decided;             /* day of that decision, or DATE_NONE */
	char *decision;             /* reason given with the decision, or NULL */
};
void extension_free(struct extension *x);
/* Set *x to an empty granted extension: zeroes, dates DATE_NONE. */
void extension_init(struct extension *x);

struct indicator {
	uint64_t id;
	uint64_t doc_id;
	char section[SECTION_LEN];
	char *text;
	int year;                   /* target year, or 0 */
	double min;                 /* minimum, or NAN */
	double target;              /* aspiration, or NAN */
	char unit_of[16];           /* "%", "đảng viên", ... (short) */
	uint32_t lead;              /* unit responsible, or 0 */
};
void indicator_free(struct indicator *i);

struct measure {
	uint64_t id;
	uint64_t indicator_id;
	date_t date;
	double value;
	int64_t time;
	char login[LOGIN_LEN];
	char *note;                 /* source of the figure */
};
void measure_free(struct measure *m);

struct audit {
	uint64_t seq;
	int64_t time;
	char login[LOGIN_LEN];
	char role[12];
	char action[24];            /* "update", "extend", "import", ... */
	char object[40];            /* "task:123", "doc:4", "unit:ban-tc" */
	char *before;               /* JSON text of what changed, or NULL */
	char *after;
};
void audit_free(struct audit *a);

#endif
