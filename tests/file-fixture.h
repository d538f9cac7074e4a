/* file-fixture.h — a temporary directory per test, and whole files read
 * and written by the tests: a file that cannot be opened fails the test
 * there, naming it.  Each test binary gets its own copy. */
#ifndef THEODOI_TEST_FILE_FIXTURE_H
#define THEODOI_TEST_FILE_FIXTURE_H

#include <criterion/criterion.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static char tf_dir[64]; /* the test's directory, from tf_mkdir() */

/* A new directory /tmp/theodoi-<name>-XXXXXX, its path into tf_dir. */
static inline void tf_mkdir(const char *name)
{
	snprintf(tf_dir, sizeof tf_dir, "/tmp/theodoi-%s-XXXXXX", name);
	cr_assert_not_null(mkdtemp(tf_dir), "%s", tf_dir);
}

/* Remove tf_dir with all it holds (a test's .fini). */
static inline void tf_rmdir(void)
{
	char cmd[PATH_MAX];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tf_dir);
	if (system(cmd))
		cr_log_warn("could not remove %s", tf_dir);
}

/* The whole of path, NUL-terminated (malloc'd: the caller frees it); its
 * length in *len unless len is NULL. */
static inline char *tf_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct sbuf b = {0};
	char chunk[4096];
	size_t n;

	cr_assert_not_null(f, "cannot open %s", path);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sbuf_add(&b, chunk, n);
	fclose(f);
	if (len)
		*len = b.len;
	return sbuf_detach(&b);
}

/* path, created or emptied, holding the n bytes of text. */
static inline void tf_write(const char *path, const char *text, size_t n)
{
	FILE *f = fopen(path, "wb");

	cr_assert_not_null(f, "cannot write %s", path);
	cr_assert_eq(fwrite(text, 1, n, f), n, "%s", path);
	cr_assert_eq(fclose(f), 0, "%s", path);
}

/* path holding the string text. */
static inline void tf_put(const char *path, const char *text)
{
	tf_write(path, text, strlen(text));
}

/* Assert that path holds exactly the string want. */
static inline void tf_assert_text(const char *path, const char *want)
{
	char *got = tf_read(path, NULL);

	cr_assert_str_eq(got, want, "%s", path);
	free(got);
}

#endif
