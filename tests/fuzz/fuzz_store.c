/* fuzz_store.c — libFuzzer target: opening a crafted store.  The input is
 * written as data.mdb in a temporary directory, which is then opened as
 * `restore` opens a backup before it trusts it (store_open, then
 * store_check in a read transaction).  Any input must give 0 or ERR_STORE
 * (or ERR_CONFIG/ERR_IO) with a message, never a crash, a leak or an
 * out-of-bounds access in theodoi's own code.
 *
 * LMDB itself does not promise to survive a hostile data file: on some
 * damaged pages its own assertions call abort(), on others it faults.
 * Those aborts (raised while LMDB runs for us) and faults (at an address
 * inside liblmdb) are caught here and count as a refusal, and so does a
 * loop through pages that point at each other (three seconds of CPU while
 * LMDB runs for us); a fault anywhere else goes on to the sanitizer's
 * handler: what the target looks for is a fault in theodoi's own code (the
 * checks before LMDB in store-files.c, the decoding of records by
 * store_check).  The environment LMDB left behind is abandoned; its memory
 * is kept from the leak checker, its descriptors are closed.  The seed
 * corpus (tests/fuzz/corpus/fuzz_store) holds two small compacted stores
 * of schema 4 (empty; the units of conf/units.ini).
 *
 * Build and run by hand (tests/fuzz.sh does the same):
 *   make BUILD=build-fuzz CC=clang \
 *        CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" \
 *        LDFLAGS="-fsanitize=address,undefined" build-fuzz/fuzz/fuzz_store
 *   build-fuzz/fuzz/fuzz_store tests/fuzz/corpus/fuzz_store
 */
#define _GNU_SOURCE /* dladdr, REG_RIP */
#include <dlfcn.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <ucontext.h>
#include <unistd.h>

#include <sanitizer/lsan_interface.h>

#include "store.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64], data_path[96], lock_path[96];

static sigjmp_buf in_lmdb;
static volatile sig_atomic_t lmdb_running;

/* SIGABRT while LMDB runs for us: its assertion on a damaged page. */
static void on_abort(int sig)
{
	if (lmdb_running) {
		lmdb_running = 0;
		siglongjmp(in_lmdb, 1);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static struct sigaction prev_segv, prev_bus;

/* 1 if the instruction at the fault lies in liblmdb. */
static int in_liblmdb(void *uctx)
{
#if defined(__x86_64__)
	Dl_info di;
	void *pc = (void *)((ucontext_t *)uctx)->uc_mcontext.gregs[REG_RIP];
	return dladdr(pc, &di) && di.dli_fname && strstr(di.dli_fname, "liblmdb");
#else
	(void)uctx;
	return 0;
#endif
}

/* A fault: LMDB's on a damaged page is a refusal, any other one is the
 * sanitizer's to report. */
static void on_fault(int sig, siginfo_t *si, void *uctx)
{
	struct sigaction *prev = sig == SIGSEGV ? &prev_segv : &prev_bus;
	if (lmdb_running && in_liblmdb(uctx)) {
		lmdb_running = 0;
		siglongjmp(in_lmdb, 1);
	}
	if (prev->sa_flags & SA_SIGINFO)
		prev->sa_sigaction(sig, si, uctx);
	else if (prev->sa_handler != SIG_DFL && prev->sa_handler != SIG_IGN)
		prev->sa_handler(sig);
	else {
		signal(sig, SIG_DFL);
		raise(sig);
	}
}

/* Three seconds of CPU in one open: LMDB going round a cycle of pages. */
static void on_cpu_limit(int sig)
{
	(void)sig;
	if (lmdb_running) {
		lmdb_running = 0;
		siglongjmp(in_lmdb, 1);
	}
}

static void cpu_limit(int secs)
{
	struct itimerval it;
	memset(&it, 0, sizeof it);
	it.it_value.tv_sec = secs;
	setitimer(ITIMER_VIRTUAL, &it, NULL);
}

/* Close the descriptors an abandoned environment held on our two files. */
static void close_abandoned(void)
{
	struct stat d, l, sb;
	int have_d = stat(data_path, &d) == 0, have_l = stat(lock_path, &l) == 0;
	for (int fd = 3; fd < 1024; fd++)
		if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) &&
		    ((have_d && sb.st_ino == d.st_ino && sb.st_dev == d.st_dev) ||
		     (have_l && sb.st_ino == l.st_ino && sb.st_dev == l.st_dev)))
			close(fd);
}

static void cleanup(void)
{
	unlink(data_path);
	unlink(lock_path);
	rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct store *st = NULL;
	struct txn *t;
	struct err e;
	char *report = NULL;

	if (!dir[0]) {
		strcpy(dir, "/tmp/theodoi-fuzz-store-XXXXXX");
		if (!mkdtemp(dir))
			abort();
		snprintf(data_path, sizeof data_path, "%s/data.mdb", dir);
		snprintf(lock_path, sizeof lock_path, "%s/lock.mdb", dir);
		atexit(cleanup);
		setenv("THEODOI_MAPSIZE", "1M", 1); /* an abandoned map costs little */
		signal(SIGABRT, on_abort);
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_sigaction = on_fault;
		sa.sa_flags = SA_SIGINFO | SA_NODEFER;
		sigaction(SIGSEGV, &sa, &prev_segv);
		sigaction(SIGBUS, &sa, &prev_bus);
		signal(SIGVTALRM, on_cpu_limit);
	}
	unlink(lock_path);
	FILE *f = fopen(data_path, "wb");
	if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
		abort();
	err_clear(&e);
	volatile int rc = 0;
	__lsan_disable();
	if (sigsetjmp(in_lmdb, 1)) {
		cpu_limit(0);
		__lsan_enable();
		close_abandoned();
		return 0; /* LMDB refused the file the hard way */
	}
	lmdb_running = 1;
	cpu_limit(3);
	rc = store_open(dir, STORE_RDONLY, &st, &e);
	if (rc == 0) {
		rc = store_read_begin(st, &t, &e);
		if (rc == 0) {
			rc = store_check(t, &report, &e);
			store_read_end(t);
		}
		free(report);
		store_close(st);
	}
	lmdb_running = 0;
	cpu_limit(0);
	__lsan_enable();
	if (rc && (rc != ERR_STORE && rc != ERR_CONFIG && rc != ERR_IO && rc != ERR_INPUT))
		abort();
	if (rc && !e.msg[0])
		abort();
	return 0;
}
