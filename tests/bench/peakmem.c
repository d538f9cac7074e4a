/* peakmem.c — the memory a command uses, for `make bench`:
 *
 *     peakmem CMD [ARG...]
 *
 * runs CMD with stdin and stdout on /dev/null (stderr kept) and prints
 * "PEAK_RSS_KB PRIVATE_KB": the high-water mark of its resident set
 * (VmHWM, read when the command exits, so it is its own and not this
 * program's), which counts the pages of a mapped store it read, and the
 * peak of its private anonymous memory (RssAnon), the largest of samples
 * taken every 200 µs and of the value at exit.  The command is traced
 * only to be stopped at its exit (PTRACE_O_TRACEEXIT), never per system
 * call.  Exits 1 if CMD cannot run or fails. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Value in kB of field `name` ("VmHWM:") of /proc/PID/status, or -1. */
static long status_kb(pid_t pid, const char *name)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "r");
	long v = -1;
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (!strncmp(line, name, strlen(name))) {
			v = strtol(line + strlen(name), NULL, 10);
			break;
		}
	fclose(f);
	return v;
}

static void child(char **argv)
{
	int null = open("/dev/null", O_RDWR);
	if (null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0)
		_exit(126);
	if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) != 0 || raise(SIGSTOP) != 0)
		_exit(126);
	execvp(argv[0], argv);
	fprintf(stderr, "peakmem: %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: peakmem CMD [ARG...]\n");
		return 1;
	}
	pid_t pid = fork();
	if (pid < 0) {
		perror("peakmem: fork");
		return 1;
	}
	if (pid == 0)
		child(argv + 1);
	int st;
	if (waitpid(pid, &st, 0) != pid || !WIFSTOPPED(st) ||
	    ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)(long)PTRACE_O_TRACEEXIT) != 0 ||
	    ptrace(PTRACE_CONT, pid, NULL, NULL) != 0) {
		fprintf(stderr, "peakmem: cannot trace %s\n", argv[1]);
		kill(pid, SIGKILL);
		return 1;
	}
	long hwm = -1, anon = 0;
	const struct timespec tick = {0, 200000};
	for (;;) {
		pid_t w = waitpid(pid, &st, WNOHANG);
		if (w == 0) {
			long a = status_kb(pid, "RssAnon:");
			if (a > anon)
				anon = a;
			nanosleep(&tick, NULL);
			continue;
		}
		if (w < 0) {
			perror("peakmem: waitpid");
			return 1;
		}
		if (WIFEXITED(st) || WIFSIGNALED(st))
			break;
		if (WIFSTOPPED(st) && (st >> 8) == (SIGTRAP | (PTRACE_EVENT_EXIT << 8))) {
			/* About to exit: the address space is still there. */
			long a = status_kb(pid, "RssAnon:");
			hwm = status_kb(pid, "VmHWM:");
			if (a > anon)
				anon = a;
			ptrace(PTRACE_CONT, pid, NULL, NULL);
		} else if (WIFSTOPPED(st)) {
			/* Another stop (the exec's SIGTRAP, a signal): pass signals on. */
			int sig = WSTOPSIG(st) == SIGTRAP ? 0 : WSTOPSIG(st);
			ptrace(PTRACE_CONT, pid, NULL, (void *)(long)sig);
		}
	}
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		fprintf(stderr, "peakmem: %s failed (%s %d)\n", argv[1],
		        WIFEXITED(st) ? "status" : "signal", WIFEXITED(st) ? WEXITSTATUS(st) : WTERMSIG(st));
		return 1;
	}
	printf("%ld %ld\n", hwm, anon);
	return 0;
}
