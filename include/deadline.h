/* deadline.h — the deadline kinds of Vietnamese plans and their meaning.
 *
 * A deadline keeps the phrase as written (elsewhere, on the task) and this
 * normalised form.  See shared/domain.md, "Deadlines", for the kinds.
 */
#ifndef THEODOI_DEADLINE_H
#define THEODOI_DEADLINE_H

#include <jansson.h>
#include <stdint.h>

#include "date.h"

/* Stored (codec.h) and in the import contract: values are only ever
 * appended, never renumbered or reused. */
enum dl_kind {
	DL_NONE = 0,        /* nothing stated or inherited */
	DL_BY,              /* due: end of year/quarter/month, or day before "trước ngày" */
	DL_FROM,            /* start; ongoing afterwards */
	DL_RANGE,           /* start .. due */
	DL_ONGOING,         /* thường xuyên: a report every period (see dl_every) */
	DL_ANNUAL,          /* hằng năm, in month if given */
	DL_TERM,            /* theo nhiệm kỳ */
	DL_ON_REQUEST,      /* theo yêu cầu của <by> */
	DL_AFTER_DIRECTIVE, /* sau khi có văn bản của <by>, expected in <year> */
	DL_PER_DOCUMENT,    /* theo Kế hoạch số <ref> */
	DL_ROADMAP,         /* theo lộ trình */
	DL_MULTI,           /* one deadline per level: parts[] */
	DL_KIND_COUNT
};

/* The rhythm of a recurring duty: how often it owes a report.
 *   DL_EVERY_NONE     no rhythm of its own: "thường xuyên", "định kỳ" alone;
 *                     it reports in the configured reporting months
 *   DL_EVERY_YEAR     "hằng năm": the rhythm of DL_ANNUAL (its month is
 *                     `month`)
 *   DL_EVERY_HALF     "6 tháng một lần", "định kỳ 6 tháng": periods end 30/6
 *                     and 31/12
 *   DL_EVERY_QUARTER  "hằng quý": periods end with each quarter
 *   DL_EVERY_MONTH    "hằng tháng", "định kỳ hằng tháng"
 * Stored (codec.h) and in the import contract: values are only ever
 * appended, never renumbered or reused.  A finer rhythm has a larger
 * value. */
enum dl_every {
	DL_EVERY_NONE = 0,
	DL_EVERY_YEAR,
	DL_EVERY_HALF,
	DL_EVERY_QUARTER,
	DL_EVERY_MONTH,
	DL_EVERY_COUNT
};

#define DL_MAX_PARTS 6
#define DL_BY_LEN 96
#define DL_REF_LEN 48
#define DL_LEVEL_LEN 32

/* The fields that apply to one kind; the others are DATE_NONE / 0 / "".
 *
 * Recurring duties: DL_ANNUAL is yearly, in `month` when given; DL_ONGOING
 * ("thường xuyên", "hằng quý", ...) and DL_FROM (ongoing once started) carry
 * their rhythm in `every` (DL_EVERY_HALF, _QUARTER, _MONTH, or
 * DL_EVERY_NONE for the configured reporting months).  A phrase whose
 * rhythm is yearly is DL_ANNUAL, never DL_ONGOING with DL_EVERY_YEAR; when
 * a phrase names several rhythms ("định kỳ 6 tháng, hằng năm") the finest
 * one is kept.  DL_ANNUAL leaves `every` 0: ask dl_every() for the rhythm
 * of any part. */
struct dl_part {
	enum dl_kind kind;
	char level[DL_LEVEL_LEN]; /* for a part of DL_MULTI: "tỉnh", "huyện", "cơ sở" */
	date_t due;               /* DL_BY, DL_RANGE */
	date_t start;             /* DL_FROM, DL_RANGE */
	int month;                /* DL_ANNUAL: 1..12, or 0 if not given */
	int year;                 /* DL_AFTER_DIRECTIVE: expected year, or 0 */
	uint8_t every;            /* DL_ONGOING, DL_FROM: enum dl_every */
	char by[DL_BY_LEN];       /* DL_ON_REQUEST, DL_AFTER_DIRECTIVE: the body */
	char ref[DL_REF_LEN];     /* DL_PER_DOCUMENT, DL_MULTI: document number */
};

struct deadline {
	struct dl_part d;                 /* kind and fields of the whole */
	int nparts;                       /* DL_MULTI: number of parts */
	struct dl_part parts[DL_MAX_PARTS];
};

/* Set dl to kind DL_NONE with every field empty. */
void dl_init(struct deadline *dl);

/* Read a deadline phrase as written in a plan ("hoàn thành trong quý
 * II/2023", "thực hiện thường xuyên", "cấp tỉnh ... tháng 12/2022; cấp
 * huyện ..."), in NFC, any case, with or without the surrounding
 * parentheses and Markdown emphasis.  Returns 1 and fills dl when the
 * phrase states a deadline, 0 (dl set to DL_NONE) when it does not (e.g. a
 * parenthesis that only lists documents).  When the phrase holds both a
 * dated reading and "thường xuyên", the dated one wins.  Texts kept in
 * `by`, `ref` and `level` are cut from the phrase (NFC), not folded. */
int dl_parse(const char *phrase, struct deadline *dl);

/* Stable ASCII names used in JSON and on the command line ("by",
 * "after_directive", ...); dl_kind_from_name returns -1 for an unknown name. */
const char *dl_kind_name(enum dl_kind k);
int dl_kind_from_name(const char *name);

/* Vietnamese explanation of a deadline for the screen and reports, e.g.
 * "hạn 30/06/2023", "thường xuyên, báo cáo định kỳ", into buf. Returns buf. */
char *dl_describe(const struct deadline *dl, char *buf, size_t len);

/* The date a one-off deadline falls due: DL_BY and DL_RANGE their due;
 * DL_MULTI its latest dated part; DATE_NONE for every other kind (their
 * timeliness comes from reporting periods or from waiting; see
 * timeliness.h). */
date_t dl_due(const struct deadline *dl);

/* True for kinds that owe a report every period (ongoing, from, annual). */
int dl_is_periodic(const struct deadline *dl);

/* The rhythm of one part: DL_EVERY_YEAR for DL_ANNUAL, `every` for
 * DL_ONGOING and DL_FROM, DL_EVERY_NONE for every other kind. */
enum dl_every dl_every(const struct dl_part *p);

/* Stable ASCII names of rhythms in JSON and on the command line: "none",
 * "year", "half", "quarter", "month"; dl_every_from_name returns -1 for an
 * unknown name. */
const char *dl_every_name(enum dl_every e);
int dl_every_from_name(const char *name);

/* JSON in the import contract: {"kind": ..., "due": "YYYY-MM-DD", ...},
 * with only the fields of the kind, always present (null when unknown):
 *   none, term, roadmap: {"kind"}
 *   ongoing: "every" ("half", "quarter", "month", or null for the
 *            configured reporting months)
 *   by: "due"; from: "start", "every" (as ongoing);
 *   range: "start", "due" (dates "YYYY-MM-DD")
 *   annual: "month" (1..12 or null)
 *   on_request: "by" (string or null)
 *   after_directive: "by" (string or null), "year" (integer or null)
 *   per_document: "ref" (string or null)
 *   multi: "parts": [{"level": string or null, "kind", fields of its kind}],
 *          and "ref" only when the whole names a document.
 * The caller owns the new reference. */
json_t *dl_to_json(const struct deadline *dl);

/* Inverse of dl_to_json.  Fields not of the kind are ignored, optional
 * ones may be missing or null; dates may also be "dd/mm/yyyy".  Returns 0,
 * or ERR_INPUT with a message naming the field, also put in e->field
 * ("due", "parts[1].due"); dl is then DL_NONE. */
struct err;
int dl_from_json(const json_t *j, struct deadline *dl, struct err *e);

#endif
