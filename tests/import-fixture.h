/* import-fixture.h — what the importer's tests share: a task of a parse
 * result found by its section, and whether a warning says something.
 * Each test binary gets its own copy. */
#ifndef THEODOI_TEST_IMPORT_FIXTURE_H
#define THEODOI_TEST_IMPORT_FIXTURE_H

#include <criterion/criterion.h>
#include <string.h>

#include "import.h"

/* The task of r whose section is `section`; the test fails when there is
 * none. */
static inline const struct imp_task *ix_task_at(const struct imp_result *r, const char *section)
{
	for (size_t k = 0; k < r->ntasks; k++)
		if (!strcmp(r->tasks[k].section, section))
			return &r->tasks[k];
	cr_assert_fail("no task %s", section);
	return NULL;
}

/* 1 when a warning of r contains needle. */
static inline int ix_warned(const struct imp_result *r, const char *needle)
{
	for (size_t k = 0; k < r->nwarnings; k++)
		if (strstr(r->warnings[k].msg, needle))
			return 1;
	return 0;
}

#endif
