/* docout.h — the documents the office sends (báo cáo, công văn đôn đốc) in
 * the format of Party documents (Hướng dẫn 36-HD/VPTW): built here as data,
 * a JSON description, and written as Word (.docx), OpenDocument (.odt) or
 * PDF by theodoi-render, a helper program run as a child (no shell, a time
 * limit).  Only the helper links libzip and libxml2, so the commands that
 * write no document start as fast as before.  It is looked up beside the
 * theodoi binary first (a build tree), then in THEODOI_LIBEXECDIR.
 *
 * The description, as the helper reads it:
 *   {"draft": bool,                       "DỰ THẢO" above the header
 *    "superior": "ĐẢNG BỘ TỈNH SƠN HÀ",   the body the issuer is under
 *    "issuer": "TỈNH ỦY",                 the issuing body
 *    "number": "Số 45-BC/TU",
 *    "place_date": "Sơn Hà, ngày 23 tháng 11 năm 2026",
 *    "kind": "BÁO CÁO",                   "" for a letter (công văn)
 *    "subject": "...",                    the trích yếu
 *    "to": ["Kính gửi: ..."],             a letter's addressees
 *    "body": [{"h": "I. ...", "level": 1 | 2},
 *             {"p": "...", "num": bool, "bold": bool, "italic": bool},
 *             {"table": {"head": [...], "rows": [[...]], "widths": [%...]}}],
 *    "sign": {"authority": "T/M BAN THƯỜNG VỤ", "title": "PHÓ BÍ THƯ",
 *             "name": ""},
 *    "recipients": ["- ...,", "- Lưu Văn phòng Tỉnh ủy."]}
 * Runs of numbered paragraphs ("num") are lists counted from 1; the header
 * row of a table repeats on every page it runs onto.
 */
#ifndef THEODOI_DOCOUT_H
#define THEODOI_DOCOUT_H

#include <stdint.h>
#include <jansson.h>

#include "model.h"

struct err;
struct hier;

enum docout_format { DF_DOCX = 0, DF_ODT, DF_PDF };

/* "docx", "odt", "pdf" -> the format; -1 for anything else. */
int docout_format_parse(const char *s);
/* "docx", "odt", "pdf": the key, also the file name extension. */
const char *docout_format_key(enum docout_format f);

/* Who a document is from, as its header and signature say it. */
struct docout_sender {
	char superior[256]; /* "ĐẢNG BỘ TỈNH SƠN HÀ"; "" for the root */
	char issuer[256];   /* "TỈNH ỦY", "VĂN PHÒNG TỈNH ỦY" */
	char symbol[64];    /* after the kind in the number: "TU", "VPTU" */
	char place[128];    /* "Sơn Hà" (remind_place), or "" */
	char authority[128]; /* "T/M BAN THƯỜNG VỤ", or "" */
	char title[128];    /* the signer's title: "CHÁNH VĂN PHÒNG", or "" */
	char office[256];   /* the office that files the copy: "Văn phòng Tỉnh ủy" */
	char name[256];     /* the unit's name as units.ini has it */
	char signer[256];   /* who signs (units.ini signer), or "" */
	char recipients[1024]; /* default "Nơi nhận" lines, '|' between, or "" */
};

/* The sender of documents from `unit` (a unit of h), as units.ini says
 * (cfg may be NULL: enum cfg_doc_key: place, superior, issuer, symbol,
 * sign_authority, sign_title, signer, recipients), the rest derived from the
 * hierarchy: a committee (Tỉnh ủy, Huyện ủy, Đảng ủy ...) writes as
 * "<KIND> ỦY" under "ĐẢNG BỘ <KIND> <PLACE>", signed "T/M BAN THƯỜNG VỤ"
 * (T/M ĐẢNG ỦY, T/M CHI ỦY below the district); an agency (ban, văn
 * phòng) writes under its name in capitals, under the Đảng bộ of its
 * committee, signed by its head.  Returns 0, or ERR_NOTFOUND when unit is
 * not in h. */
struct config;
int docout_sender(const struct hier *h, const struct config *cfg, uint32_t unit,
                  struct docout_sender *s, struct err *e);

/* A new description: header from s, kind code ("BC", "CV") for the number
 * ("Số      -BC/TU" while a draft, the number left for the register),
 * the kind's title ("BÁO CÁO", or NULL for a letter), the trích yếu, the
 * day of the document, draft or not; the signature from s.  New
 * reference. */
json_t *docout_new(const struct docout_sender *s, const char *kind_code, const char *kind_title,
                   const char *subject, date_t day, int draft);
/* Give the document its number from the register: "Số <number_text>"
 * ("01-BC/TU"), no longer a draft. */
void docout_set_number(json_t *spec, const char *number_text);
/* Append to the body: a heading (level 1 or 2), a paragraph (numbered or
 * not; every line of text its own paragraph), text in bold. */
void docout_heading(json_t *spec, int level, const char *text);
void docout_para(json_t *spec, const char *text, int numbered);
void docout_para_bold(json_t *spec, const char *text);
void docout_para_italic(json_t *spec, const char *text);
/* Append a table with n columns (head labels, widths in percent of the
 * line, or NULL for equal columns); returns its rows array (borrowed:
 * valid as long as spec) for docout_row. */
json_t *docout_table(json_t *spec, const char *const *head, const int *widths, int n);
/* Append a row of n cells (NULL taken as ""). */
void docout_row(json_t *rows, const char *const *cells, int n);
/* Append a line under "Kính gửi" / "Nơi nhận". */
void docout_to(json_t *spec, const char *line);
void docout_recipient(json_t *spec, const char *line);

/* Write the document described by spec to path in format f, by running
 * the helper (NULL: the one beside theodoi, else in THEODOI_LIBEXECDIR)
 * with the identity of the user who runs theodoi.  The file is written
 * to a temporary name beside path, then renamed; a symbolic link or a
 * device at path is refused.  Returns 0; ERR_INPUT naming path when the
 * helper refuses; ERR_NOTFOUND when the helper, or LibreOffice for PDF,
 * is missing (the message says how to install it); ERR_IO otherwise. */
int docout_write(const json_t *spec, enum docout_format f, const char *path, const char *helper,
                 struct err *e);

#endif
