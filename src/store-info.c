/* store-info.c — a cheap marker of the store's latest commit, for readers
 * that poll for changes made by other processes (the TUI). */
#include <lmdb.h>

#include "store-impl.h"
#include "syserr.h"

int store_last_txn(struct store *st, uint64_t *out, struct err *e)
{
	MDB_envinfo info;
	int rc = mdb_env_info(st->env, &info);

	if (rc)
		return err_set(e, ERR_STORE, "%s: không đọc được thông tin kho: %s", st->path,
		               rc > 0 ? syserr_str(rc) : mdb_strerror(rc));
	*out = (uint64_t)info.me_last_txnid;
	return 0;
}
