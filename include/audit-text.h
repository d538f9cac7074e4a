/* audit-text.h — an audit entry told for people: the one formatter of
 * what changed, used by `theodoi log` (the text and the CSV's change
 * column) and the screen's audit view (L).  Every field is named in Vietnamese with the terms of the domain
 * (chủ trì, phối hợp, văn bản, số, ngày, hạn, mục, nội dung ...), units
 * by name (their code beside it when the name is shared), documents by
 * number ("văn bản 42-KH/ThU (#2)"), days and times as dd/mm/yyyy
 * [hh:mm:ss], an empty value as "(trống)" (a unit: "(chưa gắn)"), a list
 * of obligations as "2 nghĩa vụ: Thành ủy Bình Giang (#308), ..." and the
 * deletion a restore undid as one phrase.  No stored key (status "done",
 * "lead_text", "task:12") reaches the text.  The machine form stays
 * elsewhere: audit_to_json() (and the CSV's other columns).
 */
#ifndef THEODOI_AUDIT_TEXT_H
#define THEODOI_AUDIT_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "model.h"

struct hier;
struct txn;

/* What names the ids of a trail: the units of a tree, and the numbers of
 * the documents read so far (remembered, so a long listing reads each
 * document once).  Opaque. */
struct audit_names;

/* Names from the tree h (borrowed: it must outlive the names; NULL: units
 * shown by id or code).  Caller frees with audit_names_free(). */
struct audit_names *audit_names_new(const struct hier *h);
/* Take the tree h from now on (the screen reloads its tree when units.ini
 * changed). */
void audit_names_tree(struct audit_names *n, const struct hier *h);
/* Forget the documents remembered (after a write may have renumbered
 * one). */
void audit_names_reset(struct audit_names *n);
void audit_names_free(struct audit_names *n);

/* What changed in entry a, as one line of Vietnamese text safe for a
 * terminal (control characters and escapes removed), each value cut to
 * max_value columns (0: no cut):
 *   "chủ trì: Văn phòng Đảng ủy Khối → Ban Tuyên giáo Tỉnh ủy; hạn:
 *    31/12/2026 → 30/06/2027"
 * Documents are read in t (NULL: shown by id).  n may be NULL (every id
 * shown as such).  Malloc'd; the caller frees. */
char *audit_text(struct audit_names *n, struct txn *t, const struct audit *a, int max_value);

/* The object of an entry for people: "nhiệm vụ #12", "văn bản 42-KH/ThU
 * (#2)", "đơn vị Ban Tổ chức Tỉnh ủy", "chỉ tiêu #11", "kho", "văn bản đi
 * 01-BC/TU", "thư gửi ...", "Hạn chế ... — Tỉnh ủy Sơn Hà, năm 2026".
 * brief: the short form of a narrow column ("NV #12", "VB 42-KH/ThU").
 * Malloc'd, safe for a terminal; the caller frees. */
char *audit_object_text(struct audit_names *n, struct txn *t, const char *object, int brief);

/* The time of a trash note's member "time" (text "YYYY-MM-DDTHH:MM:SS",
 * local time, or unix seconds) as "dd/mm/yyyy hh:mm:ss" into buf (>= 20
 * bytes); "" when it is neither.  Returns buf. */
const char *audit_note_time(const json_t *time, char *buf, size_t len);

#endif
