/* remind.h — reminders (đôn đốc): for each unit with overdue or soon-due
 * tasks it leads itself, a letter addressed to that unit listing its
 * items, their deadlines as written, and how late they are.
 *
 * The items are the open tasks (chưa thực hiện, đang thực hiện) with an
 * effective due date up to today + days, read from the due index (nothing
 * else is scanned): overdue ones (quá hạn, and periodic tasks whose report
 * is missing) first, most late first; then those due from today on,
 * nearest first.  Tasks with no resolved lead have no addressee and are
 * left out (theodoi lint lists them).
 */
#ifndef THEODOI_REMIND_H
#define THEODOI_REMIND_H

#include <stddef.h>
#include <stdint.h>
#include "model.h"

struct err;
struct txn;
struct hier;
struct hist_day;

struct remind_item {
	uint64_t task;
	char doc_kind[DOCKIND_LEN];
	char doc_number[DOCNUM_LEN];  /* "" for a task outside any document */
	char section[SECTION_LEN];
	char *text;
	char *dl_phrase;              /* as written, or NULL */
	date_t due;                   /* effective due date */
	date_t extended_to;           /* or DATE_NONE */
	date_t original_due;          /* due before any extension, when extended */
	int days_late_original;       /* days late against it, 0 if not late */
	int periodic;                 /* due is a report date */
	struct tl_result tl;          /* TL_OVERDUE / TL_UNREPORTED / TL_DUE_SOON / TL_ON_TRACK */
};

struct remind_letter {
	uint32_t unit;
	char code[CODE_LEN];
	char *name;
	size_t n, noverdue;           /* items; of them overdue (the first noverdue) */
	struct remind_item *items;
};

struct remind_opts {
	uint32_t root;  /* the units of this subtree; 0: every unit */
	int days;       /* soon window: due up to today + days (0: only overdue and today) */
	date_t today;
	const struct periods *periods; /* reporting months, for the due before an
	                                  extension; NULL: December */
	/* NULL, or the past day `today` is: the tasks as they stood then
	 * (history.h), not as the due index has them now */
	const struct hist_day *past;
};

/* The letters, one per unit with items, in tree order.  h is required.
 * ERR_NOTFOUND for a root not in h.  The caller frees with remind_free(). */
int remind_build(struct txn *t, const struct hier *h, const struct remind_opts *o,
                 struct remind_letter **out, size_t *n, struct err *e);
void remind_free(struct remind_letter *l, size_t n);

/* The place name a letter from unit `unit` is dated at ("<địa danh>, ngày
 * ... tháng ... năm ..."): the words after "Tỉnh ủy", "Thành ủy", "Thị ủy",
 * "Huyện ủy", "Quận ủy" or "Đảng ủy xã/phường/thị trấn" in the name of
 * the unit or, when its name carries none ("Ban Tổ chức Tỉnh ủy", "Đảng
 * ủy Khối các cơ quan tỉnh"), of the nearest unit above it that does:
 * "Sơn Hà" for "Văn phòng Tỉnh ủy" under "Tỉnh ủy Sơn Hà".  Into buf
 * (the name's own spelling); "" when no unit on the way names a place
 * (or unit is 0 or not in h).  Returns buf. */
char *remind_place(const struct hier *h, uint32_t unit, char *buf, size_t len);

/* The letter as plain text, lines of at most 80 display columns: the
 * sender (may be NULL or ""), "<place>, ngày 23 tháng 11 năm 2026" (just
 * "Ngày ..." when place is NULL or ""), "ĐÔN ĐỐC THỰC HIỆN NHIỆM VỤ",
 * "Kính gửi: <unit>", the items by group with their deadlines as written
 * and how late, and the request.  malloc'd: the caller frees. */
char *remind_text(const struct remind_letter *l, const char *sender, const char *place,
                  date_t today, int days);

/* The file name for a letter: its unit code with ".txt" ("hkl-btc.txt"),
 * a leading '.' replaced by '_' so that no name is hidden or "..".  Into
 * buf; returns buf. */
char *remind_file_name(const struct remind_letter *l, char *buf, size_t len);

#endif
