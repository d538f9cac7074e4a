/* ref-count.c — the floor for `theodoi overdue --count` (make bench only).
 *
 * A bare LMDB program that answers the same question the same way: it
 * opens the store as a plain reader, sums the counters of unit 0 (the
 * whole store) for every due day before today, and prints the sum.  It
 * links liblmdb alone and reads no configuration, so the gap between its
 * time and theodoi's is what the program adds around the query.
 *
 *   ref-count STORE_DIR [YYYY-MM-DD]     (today: the date given, else
 *                                         $THEODOI_TODAY, else the clock)
 *   ref-count STORE_DIR --write          the floor of one durable write:
 *                                         a write transaction that puts
 *                                         meta "schema" back unchanged
 *
 * The key layout is that of include/store.h ("counts": unit|slot, big
 * endian, a day stored as day ^ 0x80000000; the value a u32 count). */
#include <lmdb.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ref-keys.h"

static int today(const char *s, int32_t *out)
{
	int y, m, d;
	if (!s || !*s) {
		time_t now = time(NULL);
		struct tm tm;
		localtime_r(&now, &tm);
		*out = day_of(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
		return 0;
	}
	if (sscanf(s, "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	*out = day_of(y, m, d);
	return 0;
}

/* One durable write transaction that changes nothing the store means:
 * "schema" is read and put back as it is, and the commit is synced. */
static int rewrite(MDB_env *env, const char *dir)
{
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val k = {6, (void *)"schema"}, v;
	char buf[32];
	int rc;

	if ((rc = mdb_env_open(env, dir, MDB_NOTLS, 0664)) ||
	    (rc = mdb_txn_begin(env, NULL, 0, &txn)))
		goto out;
	if ((rc = mdb_dbi_open(txn, "meta", 0, &dbi)) || (rc = mdb_get(txn, dbi, &k, &v)) ||
	    (rc = v.mv_size < sizeof buf ? 0 : MDB_BAD_VALSIZE)) {
		mdb_txn_abort(txn);
		goto out;
	}
	memcpy(buf, v.mv_data, v.mv_size);
	v.mv_data = buf;
	if ((rc = mdb_put(txn, dbi, &k, &v, 0))) {
		mdb_txn_abort(txn);
		goto out;
	}
	rc = mdb_txn_commit(txn);
out:
	mdb_env_close(env);
	if (rc) {
		fprintf(stderr, "ref-count: %s: %s\n", dir, mdb_strerror(rc));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_cursor *cur;
	MDB_val k, v;
	unsigned char key[8];
	unsigned long long sum = 0;
	int32_t day;
	int rc;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: ref-count STORE_DIR [YYYY-MM-DD | --write]\n");
		return 2;
	}
	if (argc == 3 && !strcmp(argv[2], "--write")) {
		if ((rc = mdb_env_create(&env)) || (rc = mdb_env_set_maxdbs(env, 64))) {
			fprintf(stderr, "ref-count: %s\n", mdb_strerror(rc));
			return 1;
		}
		return rewrite(env, argv[1]);
	}
	if (today(argc == 3 ? argv[2] : getenv("THEODOI_TODAY"), &day)) {
		fprintf(stderr, "ref-count: bad date\n");
		return 2;
	}
	if ((rc = mdb_env_create(&env)) || (rc = mdb_env_set_maxdbs(env, 64)) ||
	    (rc = mdb_env_open(env, argv[1], MDB_RDONLY | MDB_NOTLS, 0664)) ||
	    (rc = mdb_txn_begin(env, NULL, MDB_RDONLY, &txn)) ||
	    (rc = mdb_dbi_open(txn, "counts", 0, &dbi)) ||
	    (rc = mdb_cursor_open(txn, dbi, &cur))) {
		fprintf(stderr, "ref-count: %s: %s\n", argv[1], mdb_strerror(rc));
		return 1;
	}
	put32(key, 0);
	put32(key + 4, 0);
	k.mv_size = sizeof key;
	k.mv_data = key;
	uint32_t hi = (uint32_t)(day - 1) ^ 0x80000000u;
	for (rc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE); rc == 0;
	     rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
		if (k.mv_size != 8 || get32(k.mv_data) != 0 ||
		    get32((const unsigned char *)k.mv_data + 4) > hi)
			break;
		if (v.mv_size == 4)
			sum += get32(v.mv_data);
	}
	mdb_cursor_close(cur);
	mdb_txn_abort(txn);
	mdb_env_close(env);
	if (rc && rc != MDB_NOTFOUND) {
		fprintf(stderr, "ref-count: %s\n", mdb_strerror(rc));
		return 1;
	}
	printf("%llu\n", sum);
	return 0;
}
