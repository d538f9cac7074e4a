/* fuzz_ini.c — libFuzzer target: the configuration loader (cfg_load, then
 * cfg_load_units) on arbitrary files.  The input is split at the first
 * line "%%": what comes before is theodoi.ini, what comes after units.ini
 * (an input without the line gives an empty units.ini).  Both are written
 * to a temporary directory, since the loader reads files.  Any input must
 * give 0 or ERR_CONFIG with a message, never a crash, a leak or an
 * out-of-bounds access; a configuration that loads must keep the promises
 * of config.h.
 *
 * Build and run by hand (tests/fuzz.sh does the same):
 *   make BUILD=build-fuzz CC=clang \
 *        CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" \
 *        LDFLAGS="-fsanitize=address,undefined" build-fuzz/fuzz/fuzz_ini
 *   build-fuzz/fuzz/fuzz_ini tests/fuzz/corpus/fuzz_ini
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64], ini[96], units[96];

static void put(const char *path, const uint8_t *p, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (!f || (n && fwrite(p, 1, n, f) != n) || fclose(f) != 0)
		abort();
}

static void cleanup(void)
{
	unlink(ini);
	unlink(units);
	rmdir(dir);
}

/* What config.h promises of a loaded configuration. */
static void check(const struct config *c)
{
	for (int i = 0; i < c->nusers; i++)
		if (!c->users[i].login[0] || c->users[i].role <= ROLE_NONE ||
		    c->users[i].role > ROLE_ADMIN || !c->users[i].unit[0])
			abort();
	for (int i = 0; i < c->nmonitors; i++)
		if (!c->monitors[i].office[0] || !c->monitors[i].root[0])
			abort();
	for (int i = 0; i < c->nunits; i++) {
		if (!c->units[i].code[0] || !c->units[i].name)
			abort();
		if (c->units[i].parent[0] && !cfg_unit(c, c->units[i].parent))
			abort();
	}
	for (int i = 0; i < c->nusers; i++)
		if (c->nunits && !cfg_unit(c, c->users[i].unit))
			abort();
	if (c->soon_days < 0 || c->soon_days > 365 || (c->periods.months >> 12))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config c;
	struct err e;
	const uint8_t *sep = NULL;

	if (!dir[0]) {
		strcpy(dir, "/tmp/theodoi-fuzz-ini-XXXXXX");
		if (!mkdtemp(dir))
			abort();
		snprintf(ini, sizeof ini, "%s/theodoi.ini", dir);
		snprintf(units, sizeof units, "%s/units.ini", dir);
		atexit(cleanup);
	}
	for (size_t i = 0; i + 3 <= size; i++)
		if ((i == 0 || data[i - 1] == '\n') && !memcmp(data + i, "%%\n", 3)) {
			sep = data + i;
			break;
		}
	put(ini, data, sep ? (size_t)(sep - data) : size);
	put(units, sep ? sep + 3 : data, sep ? size - (size_t)(sep + 3 - data) : 0);
	err_clear(&e);
	int rc = cfg_load(ini, &c, &e);
	if (rc == 0) {
		check(&c);
		rc = cfg_load_units(&c, &e);
		if (rc == 0)
			check(&c);
	}
	if (rc && (rc != ERR_CONFIG || !e.msg[0]))
		abort();
	cfg_free(&c);
	return 0;
}
