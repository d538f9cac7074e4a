/* cascade.h — plans of plans: for a document, which subordinate
 * committees have issued their implementing plan, when, on time or late
 * against the date the document sets (plan_due), and which have not; and
 * so on down for the plans they issued (shared/domain.md, "Plans cascade").
 *
 * Definitions:
 * - A document Y implements X when one of Y's `implements` numbers folds
 *   to X's number (case and diacritics ignored), Y is not dated before X,
 *   and no other document with that number is dated between X and Y
 *   (numbers restart every term).
 * - The committees that must issue a plan implementing X are the current
 *   (not historical) direct children of X's issuer that are committees
 *   (cascade_must_plan): Tỉnh ủy, Thành ủy / Thị ủy, Huyện ủy, Đảng ủy
 *   Khối, Đảng ủy cơ sở, and a Chi bộ cơ sở directly under a committee
 *   above the grassroots.  The agencies (ban, cơ quan, tổ chức) do not.
 * - When a committee issued several documents implementing X, its plan is
 *   the one that best answers "has it issued its plan, and on time?":
 *   (1) a plan-like document before a report, notice, letter or
 *   submission (kinds BC, TB, CV, TTr: they tell about implementing, they
 *   do not plan it); (2) a dated document before an undated one; (3) the
 *   earliest date, so that a plan issued on or before plan_due wins over a
 *   later one; (4) the document entered first.  The others are listed
 *   after it as "other documents".
 * - A committee's plan is on time when dated on or before X's plan_due,
 *   late after it; undated when X sets plan_due but the plan carries no
 *   date (it counts as issued, neither on time nor late); a missing plan
 *   is overdue once today is past plan_due.  Without plan_due a plan is
 *   just "issued" and a missing one "not yet".
 * - Other documents implementing X (by an agency, or by X's issuer
 *   itself, or a second plan of the same committee) are listed too.
 *
 * The counts of struct cascade always add up: required = issued +
 * missing; issued = on_time + late + undated when X sets plan_due (and
 * all "issued" otherwise); missing = overdue + the not yet due.
 */
#ifndef THEODOI_CASCADE_H
#define THEODOI_CASCADE_H

#include <stddef.h>
#include <stdint.h>
#include "model.h"

struct err;
struct txn;
struct hier;

enum cascade_state {
	CS_ROOT = 0,   /* the document asked about */
	CS_ON_TIME,    /* a committee's plan, issued by plan_due */
	CS_LATE,       /* a committee's plan, issued after plan_due */
	CS_ISSUED,     /* a committee's plan; the upper document set no date */
	CS_OTHER,      /* another document implementing it */
	CS_MISSING,    /* not issued; plan_due not passed or not set */
	CS_OVERDUE,    /* not issued and plan_due has passed */
	CS_UNDATED,    /* a committee's plan with no date; the upper document set plan_due */
	CS_COUNT
};
const char *cascade_state_key(enum cascade_state s);   /* "on_time", ... */
const char *cascade_state_label(enum cascade_state s); /* "đúng hạn", ... */

/* One node of the tree, in pre-order (a node, then its subtree). */
struct cascade_node {
	int depth;                /* 0 for the root */
	size_t parent;            /* index of the parent node; (size_t)-1 for the root */
	enum cascade_state state;
	uint32_t unit;            /* issuer, or the committee that must issue; 0 unknown */
	uint64_t doc;             /* the document; 0 when missing */
	char kind[DOCKIND_LEN];
	char number[DOCNUM_LEN];
	date_t date;              /* date of issue, or DATE_NONE */
	char *title;              /* or NULL */
	date_t due;               /* plan_due of the parent document, or DATE_NONE */
	int days;                 /* CS_LATE: days after due; CS_OVERDUE: days since due */
	int cut;                  /* 1: a cycle or the depth limit stopped here */
};

struct cascade {
	struct cascade_node *nodes;
	size_t n;
	/* The root's own subordinates (depth 1 committee nodes). */
	int required;             /* committees that must issue a plan */
	int issued, on_time, late, missing, overdue;
	int undated;              /* issued plans without a date (CS_UNDATED) */
	date_t plan_due;          /* the root's plan_due, or DATE_NONE */
};

/* The headline of a cascade for text and screens, parts that add up to
 * their whole: "Cấp ủy trực thuộc phải ban hành: 4; đã ban hành 3 (đúng
 * hạn 1, chậm 1, chưa rõ ngày 1); chưa ban hành 1 (quá hạn 1)."  Without
 * plan_due there is no judgement and no parenthesis; a zero "chưa rõ
 * ngày" or "chưa đến hạn" is left out.  Appended to out. */
struct sbuf;
void cascade_headline(const struct cascade *c, struct sbuf *out);

/* Build the tree of document `doc` as of `today`, down to max_depth
 * levels below it (0: no limit).  Reads every document's header once (the
 * store has no index of `implements`).  ERR_NOTFOUND for an unknown
 * document.  The caller frees with cascade_free(). */
int cascade_build(struct txn *t, const struct hier *h, uint64_t doc, date_t today,
                  int max_depth, struct cascade *out, struct err *e);
void cascade_free(struct cascade *c);

/* Every document's header with indexes of numbers and of what each
 * implements, for building many cascades from one read (a report asks one
 * per document).  Owned by the caller: cascade_docs_free(). */
struct cascade_docs;
int cascade_docs_load(struct txn *t, struct cascade_docs **out, struct err *e);
/* The same, as the store held them at the end of a past day: documents
 * entered after `day` (doc.created, history.h) are left out.  DATE_NONE:
 * every document (cascade_docs_load). */
int cascade_docs_load_on(struct txn *t, date_t day, struct cascade_docs **out, struct err *e);
/* cascade_build() for a past day `today`: over the documents the store held
 * then (cascade_docs_load_on); a document entered later is not found. */
int cascade_build_past(struct txn *t, const struct hier *h, uint64_t doc, date_t today,
                       int max_depth, struct cascade *out, struct err *e);
void cascade_docs_free(struct cascade_docs *d);
/* cascade_build() over headers already loaded; the transaction they came
 * from may have ended. */
int cascade_build_from(const struct cascade_docs *d, const struct hier *h, uint64_t doc,
                       date_t today, int max_depth, struct cascade *out, struct err *e);

/* 1 if `child` (a direct child of `parent`) is a committee that must
 * issue its own plan to implement a plan of `parent` (see above). */
int cascade_must_plan(const struct unit *parent, const struct unit *child);

#endif
