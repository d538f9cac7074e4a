/* import.h — read a Vietnamese plan from text: its header, its tasks with
 * leads, partners and deadlines, its indicators, and what could not be
 * understood (warnings); turn the result into the JSON contract of
 * `theodoi import --dry-run --format json`, into a text summary, or store
 * it.
 *
 * Parsing is separate from storing: imp_parse() never touches the store
 * (the hierarchy it is given is only read), and imp_store() writes one
 * parsed result in one transaction.  See shared/domain.md for the shapes
 * of the documents and the meaning of every field.
 */
#ifndef THEODOI_IMPORT_H
#define THEODOI_IMPORT_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "deadline.h"
#include "model.h"

struct err;
struct hier;
struct ops_ctx;
struct sbuf;
struct store;
struct txn;

/* Where a task's deadline came from. */
enum imp_dl_source {
	IMP_DL_NONE = 0, /* no deadline stated or inherited */
	IMP_DL_INLINE,   /* a phrase in the task's own text (parenthesis or sentence) */
	IMP_DL_SECTION   /* a "Thời gian thực hiện: ..." line of an enclosing section */
};

/* The document's header, signature and preamble.  Strings are malloc'd and
 * owned by the result (NULL when the text does not carry them). */
struct imp_doc {
	char kind[DOCKIND_LEN];      /* "KH", "CTr", ... or "" if unknown */
	char number[DOCNUM_LEN];     /* "52-CTr/TU", or "" when the text carries none */
	date_t date;                 /* date of issue, or DATE_NONE */
	char *title;                 /* "Chương trình hành động thực hiện Nghị quyết ..." */
	char *issuer;                /* as written: "Ban Thường vụ Thành ủy" */
	uint32_t issuer_unit;        /* resolved unit id (or the hint), 0 if none */
	int nimplements;
	char (*implements)[DOCNUM_LEN]; /* numbers this document implements, in order */
	char *signer;                /* "Bùi Thị Quỳnh Vân" */
	char *signer_role;           /* "BÍ THƯ" */
	date_t plan_due;             /* by when subordinate units must issue their own
	                                plan (from a dated "xây dựng kế hoạch" task), or
	                                DATE_NONE */
};

/* One task.  Strings are malloc'd and owned by the result. */
struct imp_task {
	char section[SECTION_LEN];   /* the document's own numbering: "IV.1#3",
	                                "III.1#4+2", "III.5.1(4)" */
	char *lead;                  /* lead unit as written, or NULL */
	uint32_t lead_unit;          /* resolved lead unit id, or 0 */
	int lead_group;              /* 1: lead names bodies that act together, among
	                                them a collective ("Văn phòng, các ban xây dựng
	                                Đảng, ..., MTTQ và các tổ chức chính trị - xã
	                                hội"; "Các huyện ủy, thị ủy, ..."): a group
	                                task that no single unit leads.  lead keeps
	                                the text and lead_unit stays 0.  "X và các tổ
	                                chức ..." right after X is X with the bodies
	                                it leads, not a collective of its own. */
	int npartners;
	char **partners;             /* partner units as written */
	uint32_t *partner_units;     /* their resolved ids, 0 where unresolved */
	char *text;                  /* the task's text (Markdown marks removed) */
	char *dl_phrase;             /* deadline phrase exactly as written, or NULL */
	struct deadline dl;          /* its normalised form (DL_NONE if none) */
	enum imp_dl_source dl_source;
	int line;                    /* 1-based line of the task in the input */
};

/* One measurable target ("chỉ tiêu"). */
struct imp_indicator {
	char section[SECTION_LEN];
	char *text;                  /* malloc'd, owned by the result */
	int year;                    /* target year, or 0 */
	int yearly;                  /* "hằng năm": judged year by year (ind_text_yearly) */
	double min;                  /* "tối thiểu 80%": 80, or NAN */
	double target;               /* "phấn đấu 90%": 90, or NAN */
	char unit[16];               /* "%", "đảng viên", ... or "" */
	int line;
};

/* Something the importer could not settle, for the user to check. */
struct imp_warning {
	int line;                    /* 1-based line, or 0 for the whole document */
	char *msg;                   /* Vietnamese, malloc'd */
};

/* Everything read from one text.  Created by imp_parse(), released with
 * imp_free(); every pointer inside belongs to it.
 *
 * The warnings, in this order: the document's own (issuer not found or
 * not resolved, no number, no date); then, in task order and only when a
 * hierarchy was given, one per distinct unresolved name per kind: one for
 * each lead name that names no unit (names compared ignoring case and
 * diacritics; lead_names_unresolved of them), one for each group lead
 * (lead_group), one for each lead that lists several units of which the
 * first is taken, and one for each partner name that names no unit (a
 * name unresolved as a lead and again as a partner gives one of each);
 * then one that lists the tasks with no lead and one that lists the tasks
 * with no deadline (each only when there are such tasks); structure
 * notes (numbers cut) come where they are met.  At most 200 names of
 * each kind are warned about.  nwarnings is therefore "what to check",
 * not a count of tasks: the counts of tasks are lead_tasks_*. */
struct imp_result {
	char file[256];              /* file name given to imp_parse, or "" */
	int converted;               /* set by the caller: the text was converted
	                                from a Word, OpenDocument or PDF file, whose
	                                lines a reader cannot count: warnings are
	                                located by section and task (imp_warning_where) */
	struct imp_doc doc;
	size_t ntasks;
	struct imp_task *tasks;      /* in document order */
	size_t nindicators;
	struct imp_indicator *indicators;
	size_t nwarnings;
	struct imp_warning *warnings;
	/* Leads, counted whether or not a hierarchy was given (without one,
	 * every written lead that is not a group counts as unresolved, and no
	 * warning is given). */
	size_t lead_tasks_none;        /* tasks with no lead written */
	size_t lead_tasks_group;       /* tasks with a group lead (lead_group) */
	size_t lead_tasks_unresolved;  /* tasks whose written lead names no unit
	                                  (groups not included) */
	size_t lead_names_unresolved;  /* distinct such names, at most 200: with a
	                                  hierarchy, the number of warnings about them */
	char *source;                /* the text as read: NFC, LF line ends, no BOM */
	size_t source_len;
};

/* Parse a plan: text[0..len) in UTF-8 (NFC or NFD; BOM, CRLF, tabs and
 * non-breaking spaces accepted; Markdown marks present or not).  filename
 * (may be NULL) is used in messages.  h (may be NULL: then no unit
 * resolves and leads are kept as text) is the hierarchy units are resolved
 * against, relative to the issuer.  issuer_hint (a unit id, or 0)
 * overrides the issuer found in the text.
 * On success returns 0 and *out is a new result the caller releases with
 * imp_free().  Errors (*out is then NULL): ERR_INPUT for text that is not
 * UTF-8 (e->file, e->line and e->col name the first bad byte) or in which
 * no task can be recognised ("không tìm thấy nhiệm vụ nào ..."). */
int imp_parse(const char *text, size_t len, const char *filename, const struct hier *h,
              uint32_t issuer_hint, struct imp_result **out, struct err *e);

/* Release a result and everything it owns.  r may be NULL. */
void imp_free(struct imp_result *r);

/* The import JSON contract:
 *   {"doc": {"kind", "number", "date", "title", "issuer", "implements": [...],
 *            "signer", "signer_role"},
 *    "tasks": [{"section", "lead", "lead_unit", "lead_group", "partners": [...],
 *               "text", "deadline_phrase", "deadline": {...}}],
 *    "indicators": [{"text", "year", "min", "target", "unit"}],
 *    "warnings": [{"line", "message", "where"}],
 *    "leads": {"none", "group", "unresolved", "unresolved_names"}}
 * Absent values are JSON null; "lead_unit" is the resolved unit's code (h
 * may be NULL: then null), "lead_group" true or false, "leads" the
 * lead_tasks_* and lead_names_unresolved counts, "deadline" is dl_to_json(),
 * a warning's "where" imp_warning_where() without the file (null for the
 * whole document).  The caller owns
 * the returned reference (json_decref). */
json_t *imp_to_json(const struct imp_result *r, const struct hier *h);

/* Append where warning i of r is, as import and its --dry-run print it
 * before ": cảnh báo: ": "FILE:LINE" for a text file; for a converted one
 * (r->converted), what a clerk can find in the document: "FILE, mục
 * III.1.1 “the task's first words…”" (the task on that line, else "sau
 * mục" and the nearest one before it); "FILE" alone for a warning about
 * the whole document.  Without with_file (a screen that shows the file
 * already): "dòng LINE", "mục III.1.1 “…”", or nothing. */
void imp_warning_where(const struct imp_result *r, size_t i, int with_file, struct sbuf *out);

/* Append a readable summary with Vietnamese labels (document, then each
 * task with its section, lead, deadline and text, then indicators and
 * warnings), columns aligned by display width, to out.  h (may be NULL)
 * gives unit codes.  width: the terminal's columns, which the task rows
 * fill (a long lead, deadline or text shown whole as far as it fits); 0:
 * fixed columns (lead 26, deadline 28, text 64).  A lead cut short keeps
 * its marker ("(chung)", "(?)") whole and cuts the name. */
void imp_text(const struct imp_result *r, const struct hier *h, int width, struct sbuf *out);

/* Store a parsed document in one write transaction: the document (with
 * r->source as its original text), its tasks (start: the document's date,
 * else c->today; due via ops_refresh_due), its indicators, and an audit
 * entry (action "import", object "doc:<id>").  Only an administrator may
 * import: else ERR_DENIED naming the rule.  A document with the same
 * number, issuer and date (and, when it has no number, the same title) is
 * already stored: ERR_CONFLICT, unless `replace`; then the stored
 * document is updated in place as imp_store_with() does (without force:
 * tasks gone from the text that carry recorded work are ERR_CONFLICT),
 * and indicators whose text still matches keep their measurements.  Group
 * tasks are not opened (imp_store_with with a hierarchy does).  *doc_id
 * (may be NULL) receives the document's id. */
int imp_store(struct ops_ctx *c, const struct imp_result *r, int replace, uint64_t *doc_id,
              struct err *e);

/* ---- importing a new version of a stored document (import-replace.c) ---- */

/* How imp_store_with() treats a document already stored. */
struct imp_store_opts {
	int replace;    /* update the stored document in place (else ERR_CONFLICT) */
	uint64_t doc;   /* the stored document to update: 0 for the one with the
	                   same number, issuer and date (none: a new document) */
	int force;      /* replace a document whose number or issuer differ from
	                   the file's, and delete tasks that carry recorded work */
	const struct hier *h; /* the hierarchy group tasks are opened in (NULL:
	                   they are not): see imp_store_with() */
};

/* What becomes of a task when a new version of its document is imported. */
enum imp_fate {
	IMP_KEPT,       /* matched, nothing to change */
	IMP_CHANGED,    /* matched; the fields in `fields` change */
	IMP_ADDED,      /* new in the text */
	IMP_REMOVED     /* gone from the text: deleted as delete-task does */
};

/* Fields a matched task changes (bits of imp_change.fields). */
enum {
	IMP_F_TEXT = 1, IMP_F_SECTION = 2, IMP_F_LEAD = 4, IMP_F_PARTNERS = 8,
	IMP_F_DEADLINE = 16
};

/* One row of the difference.  `old` is a copy of the stored task (zeroed
 * for IMP_ADDED, but for an added obligation: its section "SECTION@code"
 * and its lead, the unit that will owe it); task indexes r->tasks (-1 for
 * IMP_REMOVED; for an obligation, its group task's new version, -1 when
 * its group task leaves or is not stored). */
struct imp_change {
	enum imp_fate fate;
	long task;
	unsigned fields;
	int worked;     /* IMP_REMOVED: the task carries recorded work (updates,
	                   done, a confirmation): deleting it needs force */
	int obligation; /* a unit's obligation of a group task (section
	                   "SECTION@code"): it follows its group task, changing
	                   section, text and deadline with it, and leaving with it;
	                   it leaves too when the group task's lead changes to a
	                   single unit or to a group without that unit, and one is
	                   added for each unit of the group that has none */
	struct task old;
};

/* The difference between a stored document and a parsed new version.
 * Matching (the threshold documented in theodoi(1)): texts are compared as
 * the multisets of their folded words (case and diacritics ignored) by the
 * Dice coefficient 2|A∩B| / (|A|+|B|).  A stored task is compared by the
 * text it was imported with (the task of its section in the stored
 * document's source, parsed again), so that a text edited since still
 * matches.  A pair qualifies when the folded texts are equal, or the new
 * text is unchanged from the previous version of the stored task's
 * section, or the sections are equal and the coefficient is at least
 * IMP_MATCH_SAME_SECTION, or at least IMP_MATCH_ANY_SECTION whatever the
 * sections.  Pairs are taken greedily: equal texts first (the same section
 * before another), then by coefficient plus IMP_MATCH_SECTION_BONUS for the
 * same section; each task is matched at most once.  A field changes where
 * the new file differs from the stored task, except where the file reads
 * as the previous version did (a text, lead, partner list or deadline
 * corrected in the store since, by edit-task or link, is kept). */
#define IMP_MATCH_SAME_SECTION 0.5
#define IMP_MATCH_ANY_SECTION 0.75
#define IMP_MATCH_SECTION_BONUS 0.25

struct imp_diff {
	uint64_t doc;          /* the stored document replaced; 0: none (a new one) */
	struct doc old_doc;    /* its record (zeroed when doc is 0) */
	size_t n;
	struct imp_change *rows; /* new tasks in document order (kept, changed,
	                            added), then removed ones, then obligations */
	size_t kept, changed, added, removed, worked;
	size_t obl_added, obl_removed; /* obligations opened for units of a
	                            group, and those of units no longer obliged
	                            (not those leaving with their group task) */
	/* filled by imp_store_with(): group tasks opened, obligations made */
	size_t groups_opened, obligations_made;
};

/* Build the difference between the parsed r and stored document `doc` (0:
 * everything is added) in transaction t.  With a hierarchy h (may be
 * NULL), group tasks are read in their new version (the file's lead where
 * the file changes it, else the stored one) as import opens them: a task
 * whose lead names a group of bodies (imp_group_lead), when it is added,
 * has no obligation yet or its lead changes, gets an added obligation for
 * each unit of the group under the document's issuer (ops_group_units)
 * that has none (a group already opened whose lead stays is left as it
 * is); when its lead changes to a single unit, or to another group
 * theodoi reads, the obligations of the units it no longer names are
 * removed (with `worked` as for tasks); a lead changed to a group theodoi
 * cannot read keeps them.  *out is new
 * (imp_diff_free).  Returns 0 or a store error. */
int imp_diff_build(struct txn *t, const struct imp_result *r, uint64_t doc,
                   const struct hier *h, struct imp_diff **out, struct err *e);

/* Release a difference.  d may be NULL. */
void imp_diff_free(struct imp_diff *d);

/* Which stored document an import with options o replaces, in t: *doc is
 * 0 when none (nothing stored matches, or o->replace is 0 and nothing
 * does).  Errors: ERR_USAGE for o->doc without o->replace; ERR_NOTFOUND
 * for an unknown o->doc; ERR_CONFLICT for a
 * document already stored when !o->replace, and for o->doc whose number or
 * issuer differ from the file's when !o->force (the message names both). */
int imp_replace_target(struct txn *t, const struct imp_result *r,
                       const struct imp_store_opts *o, uint64_t *doc, struct err *e);

/* What imp_store_with() would do, without writing: the target and the
 * difference, read in one read transaction of st.  Errors as
 * imp_replace_target. */
int imp_replace_preview(struct store *st, const struct imp_result *r,
                        const struct imp_store_opts *o, struct imp_diff **out,
                        struct err *e);

/* The difference as readable text (Vietnamese): a headline with the
 * counts, then the kept tasks, the changed ones with each field old → new,
 * the removed ones (marked when they carry work) and the added ones.  h
 * (may be NULL) names lead units. */
void imp_diff_text(const struct imp_diff *d, const struct imp_result *r, const struct hier *h,
                   struct sbuf *out);

/* The difference as JSON: {"doc", "kept": [{"id", "section"}], "changed":
 * [{"id", "section", "changes": {FIELD: [old, new]}}], "removed": [{"id",
 * "section", "text", "worked"}], "added": [{"section", "text"}],
 * "obligations": [{"id", "section", "fate"}]}; a new reference. */
json_t *imp_diff_to_json(const struct imp_diff *d, const struct imp_result *r,
                         const struct hier *h);

/* imp_store with options: with o->replace and a target (imp_replace_target),
 * the stored document is updated in place in one write transaction: its
 * fields take the file's (those the file leaves empty keep the stored
 * value); matched tasks keep their id, status, progress, updates and
 * extensions and take the new text, section, lead, partners and deadline,
 * each changed task audited as "edit-task" naming the fields; tasks gone
 * from the text are deleted as ops_delete() does (kept in the trash with
 * the reason, audited as "delete-task"), which needs o->force when one
 * carries recorded work (ERR_CONFLICT naming them otherwise); new tasks are
 * added.  Obligations follow their group task.  With o->h, group tasks
 * are read in their new version as imp_diff_build() reads them: the
 * obligations it adds are made as ops_expand_task() makes them
 * (ops-group.h), audited as "expand-task";
 * the obligations of units a changed lead no longer names are deleted as
 * removed tasks are (force when they carry work); a group theodoi does not
 * know, or a document without an issuer unit, leaves the task as it is.  *diff (may be NULL) receives what
 * was done (imp_diff_free); *doc_id as imp_store. */
int imp_store_with(struct ops_ctx *c, const struct imp_result *r,
                   const struct imp_store_opts *o, uint64_t *doc_id, struct imp_diff **diff,
                   struct err *e);

/* Resolve one unit name as the importer does: code, name or abbreviation
 * ignoring case and diacritics, then relative to `issuer` (a unit id, or
 * 0): "Ban Tổ chức" in a Tỉnh ủy document is the Tỉnh ủy's.  Returns the
 * unit id, or 0 when nothing (or nothing unambiguous) matches. */
uint32_t imp_resolve_unit(const struct hier *h, const char *name, uint32_t issuer);

/* imp_resolve_unit for many names: the hierarchy's keys built once.
 * imp_resolver_new returns NULL for a NULL hierarchy (find then gives 0). */
struct imp_units;
struct imp_units *imp_resolver_new(const struct hier *h);
uint32_t imp_resolver_find(const struct imp_units *r, const char *name, uint32_t issuer);
void imp_resolver_free(struct imp_units *r);

/* The kind of committee a name places itself under (enum unit_kind: "Ban
 * Tuyên giáo Đảng ủy Khối" -> UK_DANG_UY_KHOI, "Hội Nông dân tỉnh" ->
 * UK_TINH_UY), read as the importer reads it; -1 when it names none. */
int imp_name_level(const char *name);

/* 1 if a lead as written is a group (see imp_task.lead_group): a list with
 * a collective ("các ...", "những ...") or a bare kind of party body among
 * several items ("Cấp ủy, tổ chức đảng").  The one test of "this lead
 * names a group" that import's warnings and dry run, the opening of group
 * tasks (imp_group_lead, ops_group_names), show, unresolved and link all
 * ask. */
int imp_lead_is_group(const char *lead);

/* Human names of enum imp_dl_source: "inline", "section", "none". */
const char *imp_dl_source_name(enum imp_dl_source s);

#endif
