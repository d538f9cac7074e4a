/* config-internal.h — what config.c and config-units.c share: a line
 * scanner that finds the line of every section and key of an ini file
 * (iniparser gives none) and the value of every key, and an iniparser
 * dictionary built from what it read.
 * Not part of the public interface.
 */
#ifndef THEODOI_CONFIG_INTERNAL_H
#define THEODOI_CONFIG_INTERNAL_H

#include <stddef.h>

#include <dictionary.h>

struct err;
struct config;

/* iniparser reads lines into a 1024-byte buffer: 1022 bytes of text, the
 * newline and the NUL.  A longer line (continuations included) aborts it. */
#define CFG_LINE_MAX 1022

/* One section header or key line, in file order. */
struct cfg_entry {
	int line;     /* 1-based; a continued line counts from its first line */
	char *sec;    /* section name, lower-cased as iniparser stores it; NULL
	                 for a key before any section */
	char *key;    /* key, lower-cased; NULL for a section header */
	char *raw;    /* the section name or key as written (stripped) */
	char *val;    /* a key's value as iniparser reads it; NULL for a section */
	int dup_line; /* line of an earlier key of the same name in the same
	                 section, or of an earlier section of the same name;
	                 0 if none */
};

/* A block of the scan's strings (config-ini.c). */
struct cfg_strings;

struct cfg_scan {
	struct cfg_entry *v;
	int n, cap;
	struct cfg_strings *strings; /* every string of v, a few blocks for
	                                the whole file (freed with it) */
	size_t block;                /* the size of a block of strings */
};

/* Scan the ini file at path the way iniparser 4.1 reads it (comments,
 * continuation lines ending in '\\', sections, `key = value`), recording
 * every section and key with its line and every value.  The file is read
 * once, through one descriptor and the bounded reader (a regular file of
 * at most INFILE_INI_MAX bytes); a UTF-8 byte order mark at its start is
 * skipped.  With `trusted` (a raised program, priv.h) a symbolic link is
 * refused and the descriptor must pass priv_fd_trusted() (ERR_DENIED
 * otherwise).  Lines iniparser would reject (too long, not a section,
 * comment or key = value) are errors (ERR_CONFIG) with file:line; a file
 * that cannot be read, is not a regular file or is too big is ERR_CONFIG
 * too, naming the file (and the limit).  The caller frees *out with
 * cfg_scan_free(), also after a failure. */
int cfg_scan_file(const char *path, int trusted, struct cfg_scan *out, struct err *e);
void cfg_scan_free(struct cfg_scan *s);

/* An iniparser dictionary holding the sections and values of a scanned
 * file, as iniparser_load() would have made it from the same bytes (never
 * from the file again: what was checked is what is read).  path is for
 * messages.  The caller frees the result with iniparser_freedict(); NULL
 * (ERR_NOMEM) on failure. */
dictionary *cfg_ini_load(const struct cfg_scan *scan, const char *path, struct err *e);

/* The value of section:key in d (iniparser's own copy: valid until
 * iniparser_freedict), or NULL if absent.  sec and key lower-case. */
const char *cfg_ini_get(const dictionary *d, const char *sec, const char *key);

/* Values of theodoi.ini in file order.  iniparser's dictionary finds a key
 * by a linear scan, so looking up every key is quadratic in a long [users];
 * its entries are stored in the order of the file, though, so walking them
 * beside the scanned entries costs O(1) per entry.  (units.ini does not go
 * through iniparser at all: its values are the scanner's.)  When an
 * entry is not where expected (a repeated section or key), the lookup falls
 * back to cfg_ini_get. */
struct cfg_ini_walk {
	const dictionary *d; /* NULL: the scanned values (CFG_LEAN) */
	int next; /* index in d->key[] of the entry expected next */
};

/* The value of en (NULL for a section header, or "" if absent); call for
 * every scanned entry in order, starting from a zeroed walk with d set. */
const char *cfg_ini_value(struct cfg_ini_walk *w, const struct cfg_entry *en);

/* Copy of s[0..n) without leading and trailing ASCII white space. */
char *cfg_strip_dup(const char *s, size_t n);

/* The same into out (size bytes, cut to fit, always terminated). */
void cfg_strip_into(char *out, size_t size, const char *s, size_t n);

/* 1 if s is a valid unit code once lower-cased: 1..CODE_LEN-1 bytes of
 * ASCII letters, digits, '.', '_' or '-'. */
int cfg_code_valid(const char *s);

/* Lower-case ASCII copy of s into out (len bytes, truncating). */
void cfg_lower(char *out, const char *s, size_t len);

/* Free c->units and set nunits to 0. */
void cfg_free_units(struct config *c);

#endif
