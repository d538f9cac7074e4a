/* gen.h — a synthetic store at national scale, for benchmarks.
 *
 * gen_build() writes a complete setup into a directory: units.ini (a
 * hierarchy of tens of thousands of invented units: the centre, 34
 * provinces with their agencies, district and bloc committees with theirs,
 * and grassroots units, coded like "p12-d07-c31"), theodoi.ini pointing at
 * it, and the store itself with the hierarchy synchronised and N tasks
 * spread over many documents, with a realistic mix of deadline kinds,
 * statuses and update histories.  Due dates lie around `today`, about 40%
 * of the open dated tasks overdue.  Everything comes from a PRNG seeded
 * with `seed`: one (seed, N, units, today) always gives the same store.
 *
 * The bulk load writes some tens of thousands of tasks per transaction
 * without fsync, then makes the whole store durable at the end.
 */
#ifndef THEODOI_GEN_H
#define THEODOI_GEN_H

#include <stdint.h>
#include "date.h"

struct err;

#define GEN_DEFAULT_UNITS 20000L
#define GEN_MAX_TASKS 20000000L
#define GEN_MAX_UNITS 200000L

/* Called after each step of the build: phase is a Vietnamese word for
 * what is being written ("đơn vị", "nhiệm vụ"), done out of total. */
typedef void (*gen_progress_fn)(void *ctx, const char *phase, long done, long total);

struct gen_opts {
	long units;               /* approximate number of units; 0: GEN_DEFAULT_UNITS */
	date_t today;             /* centre of the due dates; DATE_NONE: the clock */
	long batch;               /* tasks per write transaction; 0: 20,000 */
	gen_progress_fn progress; /* may be NULL */
	void *progress_ctx;
};

/* What was built. */
struct gen_stats {
	long units;
	long docs;
	long tasks;
	long updates;
	uint64_t open_dated;  /* open tasks with a due date */
	uint64_t overdue;     /* of those, due before today */
	uint64_t store_bytes; /* used size of the store's data file */
};

/* Build the setup in directory `dir` (created if missing; it must not
 * already hold theodoi.ini, units.ini or a store: ERR_CONFLICT).  ntasks
 * in 1..GEN_MAX_TASKS, opts->units up to GEN_MAX_UNITS, else ERR_USAGE.
 * opts may be NULL (defaults); out may be NULL.  Returns 0, ERR_IO when a
 * file cannot be written, or the error of the configuration, hierarchy or
 * store step that failed (a partly written directory is left for
 * inspection). */
int gen_build(const char *dir, long ntasks, unsigned long seed, const struct gen_opts *opts,
              struct gen_stats *out, struct err *e);

#endif
