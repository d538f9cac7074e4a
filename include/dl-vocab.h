/* dl-vocab.h — the one vocabulary of deadline phrases.
 *
 * Two readers look at the deadlines of plans: the importer's finder
 * (import-deadline.c) decides WHERE a deadline phrase is in a task's
 * sentence, and dl_parse() (deadline-parse.c) decides WHAT a phrase means.
 * Both cut their text into the tokens made here and recognise the words of
 * deadlines with the recognisers here, so a form one of them knows ("quý
 * hai năm 2024", "6 tháng một lần", "định kỳ hằng năm hoặc đột xuất") the
 * other knows too.  Every word list of deadline phrases lives in dl-vocab.c
 * and nowhere else.
 *
 * Tokens.  The text is folded (txt_fold_map: lower case, no diacritics,
 * đ -> d, dashes -> '-') and cut into words (runs of letters and digits)
 * and single punctuation marks; Markdown marks ('*', '_', '#', '`') are
 * dropped like spaces.  "quý II/2023" is the tokens "quy", "ii", "/",
 * "2023".  Each token keeps its byte range in the folded text, and through
 * the fold map the text as written can be cut back out (dv_cut, dv_span).
 *
 * Recognisers take the text, a token index i and an end hi (tokens at or
 * after hi are not looked at) and return the number of tokens they matched
 * at i, 0 when nothing matched; what the words mean goes to an out
 * parameter.  Tokens marked `skip` (a document number, its date of issue,
 * see dv_mark_documents) name no period.
 */
#ifndef THEODOI_DL_VOCAB_H
#define THEODOI_DL_VOCAB_H

#include <stddef.h>

#include "date.h"
#include "deadline.h"

struct dv_tok {
	const char *f;      /* folded text of the token (not NUL-terminated) */
	size_t fl;          /* its length */
	size_t a, b;        /* byte range in the folded text */
	int num;            /* value of an all-digit token (up to 9 digits), else -1 */
	int ndig;           /* number of digits when num >= 0 */
	unsigned char skip; /* set by dv_mark_documents: names no period */
};

struct dv_text {
	const char *src;    /* the text as given (not owned) */
	size_t n;
	char *fold;         /* folded text (owned) */
	size_t flen;
	size_t *map;        /* txt_fold_map() of src (owned) */
	struct dv_tok *t;   /* tokens (owned) */
	int nt;
};

/* Cut s[0..n) into tokens.  s is not copied: it must outlive x.  Release
 * with dv_free().  Never fails. */
void dv_lex(struct dv_text *x, const char *s, size_t n);
void dv_free(struct dv_text *x);

/* ---- tokens ------------------------------------------------------------ */

/* 1 if token i (< hi) is the folded word w. */
int dv_is(const struct dv_text *x, int i, int hi, const char *w);
/* The punctuation byte of token i, or 0 for a word, a number or i >= hi. */
char dv_punct(const struct dv_text *x, int i, int hi);
/* Value of all-digit token i, else -1. */
int dv_num(const struct dv_text *x, int i, int hi);
/* Token i as a four-digit year (1900..2199), else 0. */
int dv_year(const struct dv_text *x, int i, int hi);
/* 1 if token i directly follows token i-1 with no space between. */
int dv_glued(const struct dv_text *x, int i);
/* 1 if punctuation token i sits inside a word ("10.8", "1,5", "a-b"):
 * glued to a word on both sides.  Such a mark does not end a clause. */
int dv_inside_word(const struct dv_text *x, int i, int hi);
/* Tokens matched by the space-separated folded words at i, or 0. */
int dv_seq(const struct dv_text *x, int i, int hi, const char *words);
/* First index in [lo, hi) where words start, or -1. */
int dv_find(const struct dv_text *x, int lo, int hi, const char *words);
/* The longest entry of the NULL-terminated list matching at i: its index,
 * and its token count in *len (may be NULL); -1 if none matches. */
int dv_any(const struct dv_text *x, int i, int hi, const char *const *list, int *len);
/* Copy the text as written of tokens [i, j) into buf (NUL-terminated, cut
 * on a character boundary): Markdown marks left out, white space collapsed
 * to one space.  "" when i >= j. */
void dv_cut(const struct dv_text *x, int i, int j, char *buf, size_t len);
/* Byte range [*start, *end) in x->src of tokens [i, j), j > i. */
void dv_span(const struct dv_text *x, int i, int j, size_t *start, size_t *end);

/* ---- documents ----------------------------------------------------------- */

/* A document number at i ("121-KH/TU", "726/QĐ-UBND"): the index after it,
 * or i when there is none. */
int dv_docnum_end(const struct dv_text *x, int i, int hi);
/* A day date "28/02/2023" (or with '-' or '.') at i: tokens used, or 0;
 * the date in *out. */
int dv_dmy_at(const struct dv_text *x, int i, int hi, date_t *out);
/* Mark the tokens of document numbers and of the date of issue after them
 * ("số 121-KH/TU ngày 10/8/2022") as skip: those dates are no deadlines. */
void dv_mark_documents(struct dv_text *x);
/* A kind of document at i ("Kế hoạch", "Chương trình hành động", ...):
 * tokens, or 0. */
int dv_doc_kind_at(const struct dv_text *x, int i, int hi);
/* Something a unit waits for at i: a document kind or a direction ("chỉ
 * đạo", "ý kiến", "hướng dẫn"): tokens, or 0. */
int dv_directive_at(const struct dv_text *x, int i, int hi);

/* ---- periods -------------------------------------------------------------- */

/* A period named in the text. */
struct dv_period {
	date_t start, end;  /* first and last day */
	int year;           /* the year it falls in (of its end) */
	int is_day;         /* a single day ("ngày 28/02/2023") */
};

/* A quarter at i: "II", "2", "hai" (also "một", "ba", "tư", "bốn"): 1..4
 * with one token used, else 0. */
int dv_quarter_at(const struct dv_text *x, int i, int hi);

/* The period named at i: "ngày 28/02/2023", "28/02/2023", "ngày 15 tháng 12
 * năm 2024", "tháng 12/2022", "tháng 01 năm 2023", "quý II/2023", "quý hai
 * năm 2024", "năm 2024", "6 tháng đầu năm 2024", "sáu tháng cuối năm 2024",
 * "nửa đầu năm 2024", "đầu năm 2024" (its first quarter), "giữa năm 2024"
 * (its first half), "cuối năm 2024" (the year); a bare year "2024" only when
 * bare_year is set (after "giai đoạn", "từ", "đến", a dash).  Tokens used,
 * or 0. */
int dv_period_at(const struct dv_text *x, int i, int hi, int bare_year, struct dv_period *p);

/* After a period ending at j: "- 2026", "đến năm 2026", "đến hết quý
 * IV/2025", "tới năm 2026".  The index after it with *to filled, or j. */
int dv_range_tail(const struct dv_text *x, int j, int hi, struct dv_period *to);

/* Words that put a time before it: "trong", "vào", "đến", "đến hết",
 * "trước", "chậm nhất", "chậm nhất là", "chậm nhất trong", "trong thời
 * gian"...  Tokens, or 0. */
int dv_time_lead_at(const struct dv_text *x, int i, int hi);

/* Words that open a start at i: "từ", "kể từ", "bắt đầu từ" (*from set:
 * what follows is a start) and "giai đoạn" (*from 0: a span of years
 * follows).  After them a bare year counts ("giai đoạn 2021 - 2025").
 * Tokens, or 0. */
int dv_start_at(const struct dv_text *x, int i, int hi, int *from);

/* 1 if a bare year at i names a period: after a start (dv_start_at), after
 * "đến" or "tới", or as the first of "2024 - 2026". */
int dv_bare_year_ok(const struct dv_text *x, int i, int hi);

/* ---- recurring duties ---------------------------------------------------- */

/* The rhythm named at i: "hằng năm", "hàng năm", "mỗi năm" (DL_EVERY_YEAR);
 * "6 tháng một lần", "sáu tháng một lần", "6 tháng/lần", "định kỳ 6 tháng"
 * (DL_EVERY_HALF); "hằng quý", "hàng quý", "mỗi quý", "3 tháng một lần"
 * (DL_EVERY_QUARTER); "hằng tháng", "hàng tháng", "mỗi tháng"
 * (DL_EVERY_MONTH), each also after "định kỳ"; and "định kỳ" alone and
 * "hằng tuần" (DL_EVERY_NONE: the configured reporting months).  Not
 * "thường xuyên" (dv_ongoing_at).  Tokens, or 0; the rhythm in *every. */
int dv_rhythm_at(const struct dv_text *x, int i, int hi, enum dl_every *every);

/* The month of a report date written without a year at i: "tháng 12",
 * "ngày 15/12", "ngày 15 tháng 12" (after "trước", the month of the day
 * before: "trước ngày 01/7" is by 30/6), "quý IV" (its last month); the
 * lead words before it ("vào", "trước", "trong", "chậm nhất") are part of
 * it.  Tokens used with the month in *month, or 0.  A time with a year
 * ("tháng 12/2024") is no such month. */
int dv_month_anchor_at(const struct dv_text *x, int i, int hi, int *month);

/* A recurring phrase at i as a whole, with the month of its report date
 * before or after the rhythm and an alternative after it: "định kỳ hằng
 * năm", "vào tháng 12 hằng năm", "hằng năm vào tháng 12", "trước ngày
 * 15/12 hằng năm", "định kỳ 6 tháng một lần", "hằng quý hoặc đột xuất",
 * "định kỳ hằng năm hoặc khi có yêu cầu".  A month counts only with a
 * yearly rhythm.  Tokens, or 0; fills
 * *every, *month (0 if none) and *alt_at (the index where the alternative
 * "hoặc ..." starts, or the end when there is none). */
int dv_recurring_at(const struct dv_text *x, int i, int hi, enum dl_every *every, int *month,
		    int *alt_at);

/* "thường xuyên", "thường xuyên, liên tục", "thường xuyên liên tục",
 * "liên tục": tokens, or 0. */
int dv_ongoing_at(const struct dv_text *x, int i, int hi);

/* ---- other kinds ------------------------------------------------------------ */

/* A level at i: "cấp tỉnh", "cấp huyện", "cấp cơ sở", "cấp xã", "cấp thành
 * phố", "cấp Trung ương": tokens, or 0; the level's own words are tokens
 * [i + 1, i + tokens). */
int dv_level_at(const struct dv_text *x, int i, int hi);

/* The noun of a kind without a date at i: "nhiệm kỳ" (DL_TERM), "lộ trình"
 * (DL_ROADMAP).  dl_parse reads it anywhere in a phrase stated as a
 * deadline ("theo từng nhiệm kỳ"); in a plan's sentence the finder wants a
 * marker (dv_marker_at): "Đại hội (nhiệm kỳ 2020 - 2025)" names no
 * deadline.  Tokens with *kind set, or 0. */
int dv_kind_noun_at(const struct dv_text *x, int i, int hi, enum dl_kind *kind);

/* Markers of the kinds without a date, as they open a phrase. */
struct dv_marker {
	const char *words;  /* folded */
	enum dl_kind kind;  /* DL_TERM, DL_ROADMAP, DL_ON_REQUEST, DL_AFTER_DIRECTIVE */
	int open;           /* the phrase runs on after the words (a body, a document) */
	int subject;        /* "sau khi": who acts may come next ("sau khi Trung ương
			     * sửa đổi ..."), not only what is awaited */
};

/* The marker at i: "theo nhiệm kỳ", "theo lộ trình", "theo yêu cầu của",
 * "khi có yêu cầu", "sau khi", "ngay sau khi", "khi có" + a directive,
 * "chờ" + a directive,
 * "theo" + a document kind + "số": tokens, or 0, with *m set.  DL_PER_DOCUMENT
 * has no entry (its words are dv_doc_kind_at); *m is then NULL. */
int dv_marker_at(const struct dv_text *x, int i, int hi, const struct dv_marker **m);

/* "chờ" before what a unit waits for ("chờ hướng dẫn của Tỉnh ủy"): 1, or
 * 0; not "cho" (for, to give), which folds alike. */
int dv_wait_at(const struct dv_text *x, int i, int hi);

/* Words that may come before a deadline's core: "thực hiện", "hoàn thành",
 * "nhiệm vụ", "cơ bản hoàn thành", "báo cáo", ...  Tokens, or 0. */
int dv_lead_in_at(const struct dv_text *x, int i, int hi);

/* The head of a section line that states the deadline of the tasks under
 * it: "Thời gian thực hiện", "Thời hạn hoàn thành", "Tiến độ", ...  Tokens,
 * or 0. */
int dv_section_head_at(const struct dv_text *x, int i, int hi);

#endif
