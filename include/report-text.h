/* report-text.h — the prose of a report that people write (đánh giá,
 * phương hướng, kiến nghị), kept in the store per unit, period and section,
 * and put by report-doc.c into every report of that unit and period.
 *
 * Kept as meta entries "rtext.<unit id>.<period key>.<section key>" (the
 * period key of report_period_key: "2026", "2026-Q3", "2026-H1",
 * "2023-2025"), which `export` and `import-json` carry; every change is
 * audited by the caller (cli-report-text.c). */
#ifndef THEODOI_REPORT_TEXT_H
#define THEODOI_REPORT_TEXT_H

#include <stdint.h>

struct err;
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

#endif
