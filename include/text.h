/* text.h — UTF-8 text: validation, normalisation, matching keys, display
 * width, truncation, padding, wrapping and sanitising (libunistring).
 *
 * All functions are locale-independent: they never consult setlocale(), so
 * the library behaves the same under the C locale, in tests and in the TUI.
 *
 * Lengths: functions that take (s, n) read exactly n bytes of s, which need
 * not be NUL-terminated; pass TXT_NUL as n to mean strlen(s).  Functions
 * that take only s expect a NUL-terminated string.
 *
 * Display functions (txt_width, txt_fit, txt_trunc, txt_pad, txt_wrap)
 * measure in terminal columns: combining marks and other zero-width
 * characters 0, wide East Asian characters 2, everything else 1; an
 * invalid byte counts 1 (it is shown as one replacement mark).  Control
 * characters count 0: pass text that may hold them through txt_sanitize()
 * first.  A "cluster" below is a character followed by the zero-width,
 * non-control characters after it (its combining marks): display
 * functions never separate them, so decomposed (NFD) Vietnamese is
 * measured and cut exactly like its composed (NFC) form.
 *
 * Memory: every char * returned is malloc'd, NUL-terminated and owned by
 * the caller, who releases it with free().  Allocation failure aborts, as
 * in xmalloc() (util.h); no function returns NULL except where stated.
 */
#ifndef THEODOI_TEXT_H
#define THEODOI_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Pass as the length n to mean "s is NUL-terminated: use strlen(s)". */
#define TXT_NUL ((size_t)-1)

/* ---- validation and normalisation ------------------------------------ */

/* Check that s[0..n) is well-formed UTF-8 (no overlong forms, surrogates
 * or code points above U+10FFFF).  Returns 0 if valid.  Otherwise returns
 * ERR_INPUT and, when line/col are non-NULL, stores the 1-based line and
 * the 1-based column (counted in characters, i.e. code points, from the
 * start of that line) of the first bad byte.  On success *line and *col
 * are left untouched. */
int txt_validate(const char *s, size_t n, int *line, int *col);

/* NFC-normalised copy of s[0..n).  Stores the result length (without the
 * NUL) in *outlen when outlen is non-NULL.  Returns NULL only when s is not
 * valid UTF-8 (see txt_validate for the position). */
char *txt_nfc(const char *s, size_t n, size_t *outlen);

/* Lower-case (u8_tolower) and upper-case (u8_toupper) NFC copies of s,
 * keeping diacritics: "Ban Tổ chức" -> "ban tổ chức" / "BAN TỔ CHỨC".
 * Invalid bytes are replaced by U+FFFD.  Never NULL. */
char *txt_lower(const char *s);
char *txt_upper(const char *s);

/* ---- matching keys ------------------------------------------------- */

/* Folded key of s[0..n) for matching that ignores case, diacritics and
 * spacing:
 *   - compatibility decomposition (NFKD), then every combining mark is
 *     dropped, so "Tổ chức" gives "to chuc" whether s is NFC or NFD;
 *   - lower case; đ and Đ give d;
 *   - runs of white space of any kind (ASCII space, tab, newline, NBSP
 *     U+00A0, the U+2000 spaces, ...) give one ASCII space; leading and
 *     trailing space is dropped;
 *   - dashes (U+2010..U+2015, U+2212) give '-', curly quotes give '"' or
 *     '\'', the ellipsis gives "...";
 *   - control and format characters (C0/C1 other than white space,
 *     soft hyphen, zero-width space/joiners, BOM, bidi controls) are
 *     dropped; each invalid byte gives '?'.
 * Vietnamese text therefore folds to ASCII: "ĐẢNG ỦY KHỐI" -> "dang uy
 * khoi".  Other scripts stay as lower-case UTF-8.  *outlen (if non-NULL)
 * receives strlen of the result.  Never NULL. */
char *txt_fold(const char *s, size_t n, size_t *outlen);

/* txt_fold, and also a malloc'd array *map of *outlen + 1 entries (caller
 * frees it): map[i] is the byte offset in s of the character that produced
 * folded byte i (for a space, the first white-space character of the run),
 * and map[*outlen] == n.  A match of folded bytes [a, b) therefore comes
 * from s[map[a] .. map[b]), which may end with white space or dropped
 * characters that followed the match; txt_fold_span() trims those.
 * outlen must not be NULL.  Never NULL. */
char *txt_fold_map(const char *s, size_t n, size_t *outlen, size_t **map);

/* Given s, n and the map of txt_fold_map(), the byte range [*start, *end)
 * of s that produced folded bytes [a, b) (a <= b <= outlen), without the
 * white space and dropped characters that follow the last matched
 * character.  Combining marks of the last character are kept. */
void txt_fold_span(const char *s, size_t n, const size_t *map, size_t a, size_t b,
		   size_t *start, size_t *end);

/* Non-zero if needle_folded occurs in hay_folded (both from txt_fold).
 * An empty needle is found everywhere. */
int txt_contains(const char *hay_folded, const char *needle_folded);

/* Where needle_folded occurs in hay_folded as whole words: the match must
 * not be preceded or followed by an ASCII letter or digit or by a
 * non-ASCII byte ("btc" is found in "ban btc tinh" but not in "abtcd").
 * Returns the byte offset of the first such match, or -1 if none (also
 * for an empty needle). */
long txt_find_word(const char *hay_folded, const char *needle_folded);

/* Non-zero if the folded keys of a and b are equal ("Ủy ban" and
 * "ủy  BAN" are). */
int txt_fold_eq(const char *a, const char *b);

/* ---- display width --------------------------------------------------- */

/* Display columns of s (see the header comment). */
int txt_width(const char *s);

/* Display columns of s[0..n). */
int txt_width_n(const char *s, size_t n);

/* How many leading bytes of s fit in cols columns without cutting a
 * character or a cluster; *used (if non-NULL) receives their width.
 * cols <= 0 gives 0. */
size_t txt_fit(const char *s, int cols, int *used);

/* Copy of s cut to at most cols columns.  When s is wider than cols it is
 * cut at a cluster boundary and ends in "…" (U+2026, one column), which is
 * counted in cols.  Control characters are left out of the copy.
 * cols <= 0 gives "". */
char *txt_trunc(const char *s, int cols);

/* txt_trunc(s, cols) appended to b; returns the columns appended. */
int txt_trunc_into(struct sbuf *b, const char *s, int cols);

/* The same for an s known to be wider than cols (cols >= 1), as its width
 * says: the clusters within cols - 1 columns and "…", without first trying
 * whether s fits. */
int txt_cut_into(struct sbuf *b, const char *s, int cols);

/* Append s to b truncated as by txt_trunc() and padded with spaces to
 * exactly cols columns: on the right (left-aligned text) when right_align
 * is 0, on the left otherwise.  Control characters of s are left out.
 * Nothing is appended when cols <= 0. */
void txt_pad(struct sbuf *b, const char *s, int cols, int right_align);

/* Byte offset of the cluster after / before the one at off in s[0..len)
 * (for cursor movement in an input field).  txt_next returns len at the
 * end; txt_prev returns 0 at the start. */
size_t txt_next(const char *s, size_t len, size_t off);
size_t txt_prev(const char *s, size_t len, size_t off);

/* Number of characters (code points) in s[0..n); an invalid byte counts
 * as one. */
size_t txt_chars(const char *s, size_t n);

/* ---- wrapping -------------------------------------------------------- */

/* Called by txt_wrap() for each line: line[0..len) points into the text
 * given to txt_wrap (not NUL-terminated).  Return 0 to go on, non-zero to
 * stop. */
typedef int (*txt_line_fn)(const char *line, size_t len, void *ctx);

/* Word-wrap s into lines of at most cols display columns.  Each '\n' (or
 * "\r\n") ends a paragraph; an empty paragraph gives an empty line, and a
 * final newline does not add one.  Lines break at runs of spaces, which
 * are not included in either line (spaces leading a paragraph are kept as
 * its indentation); a word wider than cols is broken between clusters.
 * A single cluster wider than cols (a wide character when cols is 1) is
 * put on a line of its own.  cols < 1 is taken as 1.  line_cb may be NULL
 * to only count.  Returns the number of lines delivered, including the
 * one on which line_cb asked to stop. */
int txt_wrap(const char *s, int cols, txt_line_fn line_cb, void *ctx);

/* ---- sanitising and user input -------------------------------------- */

/* Copy of s safe to write to a terminal, its controls shown for what they
 * are: a tab, and a newline, gives one space; "\r\n" counts as a newline;
 * other C0 controls and DEL give their control pictures (ESC "␛", so that
 * an escape sequence reads "␛[2J" and does nothing), C1 controls U+FFFD;
 * bidi override and isolate characters are removed; each invalid byte gives
 * U+FFFD.  Never NULL. */
char *txt_sanitize(const char *s);

/* Like txt_sanitize(), but when keep_newlines is non-zero every newline
 * ("\n", "\r\n" or a lone "\r") is kept as "\n". */
char *txt_sanitize_nl(const char *s, int keep_newlines);

/* txt_sanitize(s), its display width (txt_width of the copy) into *width:
 * one walk for a text that needs no change, as most do. */
char *txt_sanitize_width(const char *s, int *width);

/* Clean a user-supplied field value s (NUL-terminated):
 *   1. it must be valid UTF-8; otherwise ERR_INPUT "văn bản không phải
 *      UTF-8 hợp lệ ở cột N" (and "dòng L" when allow_newlines), with
 *      e->col (and e->line) set;
 *   2. a tab becomes a space; "\r\n" and "\r" become "\n"; a newline is
 *      accepted only when allow_newlines, otherwise ERR_INPUT "không được
 *      xuống dòng trong trường này ở cột N"; any other control character
 *      (C0, DEL, C1) gives ERR_INPUT "ký tự điều khiển không hợp lệ ở cột
 *      N" ("ở dòng L, cột N" when allow_newlines); e->col (and e->line
 *      when allow_newlines, else 0) are set;
 *   3. a leading BOM is dropped, the text is NFC-normalised and trimmed
 *      of white space at both ends (NBSP included);
 *   4. more than maxbytes bytes (0: no limit) gives ERR_INPUT "nội dung quá
 *      dài: N byte, tối đa M byte".
 * On success returns 0 and stores the malloc'd result in *out; on error
 * *out is set to NULL.  e may be NULL.  Positions are 1-based and counted
 * in characters of s as given. */
int txt_clean_input(const char *s, size_t maxbytes, int allow_newlines, char **out,
		    struct err *e);

/* Copy of s[0..n) without the white space (ASCII, NBSP and the other
 * Unicode spaces) at both ends; *outlen (if non-NULL) gets its length. */
char *txt_trim(const char *s, size_t n, size_t *outlen);

/* Non-zero if the code point c is white space for theodoi: ASCII space,
 * \t \n \v \f \r, U+0085, and Unicode categories Zs, Zl, Zp. */
int txt_is_space(uint32_t c);

/* ---- ASCII helpers --------------------------------------------------- */

/* Compare ASCII letters case-insensitively, byte by byte, independent of
 * the locale (other bytes compare as they are).  Like strcmp / strncmp:
 * <0, 0 or >0. */
int txt_ascii_casecmp(const char *a, const char *b);
int txt_ascii_ncasecmp(const char *a, const char *b, size_t n);

/* Lower-case the ASCII letters of s in place; returns s. */
char *txt_ascii_lower(char *s);

/* Non-zero if s starts with prefix (bytes). */
int txt_starts_with(const char *s, const char *prefix);

#endif
