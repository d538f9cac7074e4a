/* codec.h — the versioned binary encoding of every record of model.h.
 *
 * This is the one place that says how a record looks on disk.  The store
 * (store.h) keeps these bytes as LMDB values; nothing else reads them.
 *
 * Layout of every encoded value:
 *
 *   byte 0      record version (CODEC_VERSION_* below, 1 for every kind
 *               today); a decoder refuses a version newer than it knows
 *   byte 1..    the fields of the struct, in declaration order (except a
 *               unit's parent, which comes right after its code), each as:
 *     unsigned integer   LEB128 varint: 7 bits a byte, low group first,
 *                        high bit set on every byte but the last
 *     signed integer     zigzag (0,-1,1,-2,... -> 0,1,2,3,...), then varint
 *     date_t             varint 0 for DATE_NONE, else zigzag(day) + 1
 *     uint8_t / int8_t   one raw byte
 *     double             8 bytes, IEEE 754 binary64, little-endian (NAN kept)
 *     heap string        varint 0 for NULL, else varint (length + 1) and the
 *                        bytes, without the NUL
 *     fixed char array   varint length and the bytes (length < array size)
 *     array of n items   varint n, then the items
 *     struct deadline    part d, varint nparts (<= DL_MAX_PARTS), the parts;
 *                        a part is varint kind, one byte of flags saying
 *                        which of level, due, start, month, year, by, ref,
 *                        every follow (bits 0..7, in that order), then
 *                        those fields (absent ones decode as "" /
 *                        DATE_NONE / 0); every is one raw byte (enum
 *                        dl_every, 1.. when present).  Bit 7 came after
 *                        version 1 was first written: a part without a
 *                        rhythm is encoded exactly as before, and a
 *                        decoder that predates the bit refuses the flag
 *     dictionary string  (task version 2, update version 3) a string the
 *                        store's dictionary may stand for: varint 0 for
 *                        NULL; an even 2 * (length + 1) and the bytes
 *                        (a fixed array: 2 * length); or an odd 2 * id + 1,
 *                        id naming the string in the dictionary (struct
 *                        codec_dict below).  Strings of 1..CODEC_DICT_MAX_LEN
 *                        bytes go to the dictionary when one is given
 *   The value ends exactly after the last field: trailing bytes are an
 *   error.  The record id (task id, audit seq, ...) is part of the value
 *   as well as of the LMDB key, so a value can be checked against its key;
 *   except in an update of version 3, which the journal keys by (task id,
 *   update id): its value holds neither, the decoder is given them.
 *
 * Versions: task 2 (since schema 4) codes section, lead_text,
 * partners_text and dl_phrase as dictionary strings, and due as 0 (none),
 * 1 (the same as the deadline's own due, dl.d.due) or a date form plus
 * one (zigzag(day) + 2); the rest as in version 1, then, only for an
 * opened group task (group_open), one byte 1 (a record ending at created
 * is an ordinary task).  Update 3
 * (schema 4) drops id and task_id, codes login as a dictionary string
 * (notes stay inline: mostly written once), day as zigzag(day - the UTC
 * day of time) + 1 (0: none), and after progress one varint for
 * status_before, status_after, confirm_after and which of done_on and
 * period follow ((before + 1) + 5 (after + 1) + 25 (confirm + 1), + 125
 * with done_on, + 250 with period: one byte for most updates), then
 * those dates.
 *
 * Decoders accept any bytes: every length and count is checked against
 * what remains, enumerations against their range (status, kind, ...) and
 * strings for embedded NULs, so truncated, corrupt or hostile input fails
 * cleanly with ERR_STORE and never reads out of bounds.  A version newer
 * than CODEC_VERSION_* fails with ERR_STORE and a message asking for a
 * newer theodoi, never as a misread.
 *
 * Ownership: *_encode appends to out (a struct sbuf of util.h, which the
 * caller owns; it is not reset first).  *_decode fills *out, which the
 * caller owns afterwards and releases with the matching *_free() of
 * model.h; out need not be initialised before the call.  On failure *out
 * is left zeroed with nothing to free.
 *
 * Changing a record: add fields at the end, bump its CODEC_VERSION_*, and
 * make the decoder read the old versions too (their missing fields get
 * defaults).  Never change the meaning of an existing version.
 */
#ifndef THEODOI_CODEC_H
#define THEODOI_CODEC_H

#include <stddef.h>
#include <stdint.h>
#include "model.h"
#include "util.h"

#define CODEC_VERSION_UNIT 1
#define CODEC_VERSION_DOC 1
#define CODEC_VERSION_TASK 2      /* 2: dictionary strings */
#define CODEC_VERSION_UPDATE 3    /* 2: done_on, period, confirm_after; 3: no ids,
                                     dictionary strings, day relative to time */

/* A dictionary of repeated strings (the store keeps one: deadline
 * phrases, names of units as written, logins ...): an encoder given one
 * writes a short string as its id, a decoder looks the id up.  Ids are
 * never reused for another string, so a record stays readable for as long
 * as the dictionary does. */
#define CODEC_DICT_MAX_LEN 120
struct codec_dict {
	/* The id (> 0) of the n bytes at s, added to the dictionary if new.
	 * Returns 0, or an error code with e filled. */
	int (*intern)(void *ctx, const char *s, size_t n, uint32_t *id, struct err *e);
	/* The string of id: *s (not NUL-terminated) and *n, valid while the
	 * record is being decoded.  Returns 0, or non-zero if unknown. */
	int (*lookup)(void *ctx, uint32_t id, const char **s, size_t *n, struct err *e);
	void *ctx;
};
#define CODEC_VERSION_EXTENSION 2 /* 2: day, state, late, decided_by, decided, decision */
#define CODEC_VERSION_INDICATOR 1
#define CODEC_VERSION_MEASURE 1
#define CODEC_VERSION_AUDIT 1

/* Encoders: append the encoding of the record to out.  Return 0, or
 * ERR_INTERNAL (with e filled; e may be NULL) when the struct breaks its
 * own invariants (a negative count, an enumeration out of range, an
 * unterminated fixed array): such a record could not be read back, so
 * nothing is appended. */
int codec_unit_encode(const struct unit *u, struct sbuf *out, struct err *e);
int codec_doc_encode(const struct doc *d, struct sbuf *out, struct err *e);
int codec_task_encode(const struct task *t, struct sbuf *out, struct err *e);
int codec_update_encode(const struct update *u, struct sbuf *out, struct err *e);
int codec_extension_encode(const struct extension *x, struct sbuf *out, struct err *e);
int codec_indicator_encode(const struct indicator *i, struct sbuf *out, struct err *e);
int codec_measure_encode(const struct measure *m, struct sbuf *out, struct err *e);
int codec_audit_encode(const struct audit *a, struct sbuf *out, struct err *e);

/* Decoders: read exactly n bytes at buf into *out.  Return 0, or ERR_STORE
 * with a message naming the record kind and the fault ("bản ghi nhiệm vụ
 * bị hỏng: dữ liệu bị cắt cụt", "... phiên bản 3 mới hơn ..."). */
int codec_unit_decode(const void *buf, size_t n, struct unit *out, struct err *e);
int codec_doc_decode(const void *buf, size_t n, struct doc *out, struct err *e);
int codec_task_decode(const void *buf, size_t n, struct task *out, struct err *e);
int codec_update_decode(const void *buf, size_t n, struct update *out, struct err *e);
int codec_extension_decode(const void *buf, size_t n, struct extension *out, struct err *e);
int codec_indicator_decode(const void *buf, size_t n, struct indicator *out, struct err *e);
int codec_measure_decode(const void *buf, size_t n, struct measure *out, struct err *e);
int codec_audit_decode(const void *buf, size_t n, struct audit *out, struct err *e);

/* With a dictionary (NULL: every string inline; a reference then fails to
 * decode).  The encoders return intern's error if it fails (nothing is
 * appended then either).  codec_task_encode and _decode are these with no
 * dictionary. */
int codec_task_encode_d(const struct task *t, const struct codec_dict *d, struct sbuf *out,
                        struct err *e);
int codec_task_decode_d(const void *buf, size_t n, const struct codec_dict *d,
                        struct task *out, struct err *e);
/* An update of version 3 holds no ids: the decoder sets task_id and id from
 * the arguments (for older versions they come from the record and the
 * arguments are ignored).  codec_update_decode is this with ids 0 and no
 * dictionary. */
int codec_update_encode_d(const struct update *u, const struct codec_dict *d,
                          struct sbuf *out, struct err *e);
int codec_update_decode_d(const void *buf, size_t n, uint64_t task, uint64_t id,
                          const struct codec_dict *d, struct update *out, struct err *e);

/* The parent of an encoded unit without decoding its strings (no
 * allocation): the store walks parent chains on every task write.
 * Returns 0, or ERR_STORE as codec_unit_decode would. */
int codec_unit_parent(const void *buf, size_t n, uint32_t *parent, struct err *e);

/* The number of an encoded document into number (DOCNUM_LEN bytes), read
 * without decoding the rest (no allocation): listing rows name a task's
 * document by it.  Returns 0, or ERR_STORE as codec_doc_decode would for a
 * fault before the number. */
int codec_doc_number(const void *buf, size_t n, char *number, struct err *e);

/* Primitive encoders, exposed for keys and meta values that want the same
 * compact forms: append an unsigned varint / a zigzag signed varint to
 * out.  codec_get_uvarint reads one varint from buf[0..n): returns the
 * number of bytes used, or 0 when buf is truncated or the value does not
 * fit 64 bits. */
void codec_put_uvarint(struct sbuf *out, uint64_t v);
void codec_put_svarint(struct sbuf *out, int64_t v);
size_t codec_get_uvarint(const void *buf, size_t n, uint64_t *v);

#endif
