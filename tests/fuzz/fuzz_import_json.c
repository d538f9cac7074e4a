/* fuzz_import_json.c — libFuzzer target: import-json (backup_import_json)
 * of arbitrary bytes into a new store.  Bad input must come back as an
 * error with a message, never as a crash, a leak or a store left behind;
 * what it accepts must pass store_check (no dangling reference, no broken
 * index) and hold no control character where text may not have one.
 *
 * Build and run by hand (tests/fuzz.sh does the same for `make fuzz`):
 *   make BUILD=build-fuzz CC=clang \
 *        CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" \
 *        LDFLAGS="-fsanitize=address,undefined" build-fuzz/fuzz/fuzz_import_json
 *   build-fuzz/fuzz/fuzz_import_json tests/fuzz/corpus/fuzz_import_json
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backup.h"
#include "ops.h"
#include "store.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];

static void remove_store(const char *path);

/* At exit: the input file and the directory go. */
static void remove_work_dir(void)
{
	char p[128];
	snprintf(p, sizeof p, "%s/in.json", dir);
	unlink(p);
	snprintf(p, sizeof p, "%s/store", dir);
	remove_store(p);
	rmdir(dir);
}

/* A directory of this process for the input file and the new stores. */
static const char *work_dir(void)
{
	if (!dir[0]) {
		const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
		snprintf(dir, sizeof dir, "%s/theodoi-fuzz-XXXXXX", base);
		if (!mkdtemp(dir))
			abort();
		atexit(remove_work_dir);
		setenv("THEODOI_MAPSIZE", "16M", 1);
	}
	return dir;
}

static void remove_store(const char *path)
{
	char p[128];
	snprintf(p, sizeof p, "%s/data.mdb", path);
	unlink(p);
	snprintf(p, sizeof p, "%s/lock.mdb", path);
	unlink(p);
	rmdir(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char file[96], target[96];
	struct ops_ctx c;
	struct err e;
	struct stat sb;
	snprintf(file, sizeof file, "%s/in.json", work_dir());
	snprintf(target, sizeof target, "%s/store", work_dir());
	FILE *f = fopen(file, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	memset(&c, 0, sizeof c);
	c.who.role = ROLE_ADMIN;
	strcpy(c.who.login, "fuzz");
	err_clear(&e);
	int rc = backup_import_json(&c, file, target, NULL, &e);
	if (rc) {
		/* refused: a message, and nothing left where the store would be */
		if (!e.msg[0] || stat(target, &sb) == 0)
			abort();
		return 0;
	}
	struct store *st = NULL;
	if (store_open(target, 0, &st, &e))
		abort();
	struct txn *t;
	char *report = NULL;
	if (store_read_begin(st, &t, &e))
		abort();
	if (store_check(t, &report, &e))
		abort(); /* import-json let something through that check-store refuses */
	store_read_end(t);
	free(report);
	store_close(st);
	remove_store(target);
	return 0;
}
