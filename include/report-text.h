/* report-text.h — the prose of a report that people write (đánh giá,
 * phương hướng, kiến nghị), kept in the store per unit, period and section,
 * and put by report-doc.c into every report of that unit and period.
 *
 * Kept as meta entries "rtext.<unit id>.<period key>.<section key>" (the
 * period key of report_period_key: "2026", "2026-Q3", "2026-H1",
 * "2023-2025"), which `export` and `import-json` carry.  rtext_save() is
 * the one way the command line (cli-report-text.c) and the screen
 * (ui-rtext.c) change them: permission checked, audited. */
#ifndef THEODOI_REPORT_TEXT_H
#define THEODOI_REPORT_TEXT_H

#include <stdint.h>

struct err;
struct hier;
struct ops_ctx;
struct sbuf;
struct txn;

enum rtext_section {
	RT_RESULTS = 0,  /* danh-gia: kết quả đạt được */
	RT_LIMITS,       /* han-che: hạn chế, khuyết điểm và nguyên nhân */
	RT_DIRECTION,    /* phuong-huong: phương hướng, nhiệm vụ thời gian tới */
	RT_PROPOSALS,    /* kien-nghi: kiến nghị, đề xuất */
	RT_COUNT
};

/* Largest text of one section, in bytes. */
#define RTEXT_MAX ((size_t)64 << 10)

/* "danh-gia", "han-che", "phuong-huong", "kien-nghi". */
const char *rtext_key(enum rtext_section s);
/* "Đánh giá kết quả đạt được", ... : the heading of the section. */
const char *rtext_title(enum rtext_section s);
/* The section of a key, or -1. */
int rtext_parse(const char *key);

/* The text of (unit, period, section) into *out (malloc'd; the caller
 * frees), or *out = NULL when none was written.  0 or an error. */
int rtext_get(struct txn *t, uint32_t unit, const char *period, enum rtext_section s, char **out,
              struct err *e);
/* Set it (write transaction); "" removes what was written. */
int rtext_put(struct txn *t, uint32_t unit, const char *period, enum rtext_section s,
              const char *text, struct err *e);

/* 0 if c's actor may write the report text of `unit` (the permission of
 * a note, PA_NOTE: on the unit itself or, for an office, a unit of its
 * subtree), else ERR_DENIED with the rule named in e. */
int rtext_may_write(const struct ops_ctx *c, const struct hier *h, uint32_t unit, struct err *e);

/* Set (unit, period, section) to text as c's actor, in the write
 * transaction t: checks rtext_may_write, writes nothing when the text is
 * unchanged (*changed = 0), else stores it ("" removes it) with one audit
 * entry "report-text" holding the text before and after (*changed = 1). */
int rtext_save(struct txn *t, const struct ops_ctx *c, const struct hier *h, uint32_t unit,
               const char *period, enum rtext_section s, const char *text, int *changed,
               struct err *e);

/* Append to out what the units directly below `unit` wrote for the same
 * period and section: for each, "\n— <name>:\n<text>\n".  Nothing when
 * none wrote. */
int rtext_below(struct sbuf *out, struct txn *t, const struct hier *h, uint32_t unit,
                const char *period, enum rtext_section s, struct err *e);

#endif
