/* subproc.c — run a helper program with a time limit (subproc.h). */
#define _GNU_SOURCE /* pipe2 */
#include "subproc.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "syserr.h"
#include "util.h"

extern char **environ;

int subproc_capture(char *const argv[], int seconds, size_t max_out, const char *what,
                  struct sbuf *out, struct subproc_result *r, struct err *e)
{
	return subproc_feed(argv, NULL, 0, seconds, max_out, what, out, r, e);
}

int subproc_feed(char *const argv[], const char *in, size_t inlen, int seconds, size_t max_out,
                 const char *what, struct sbuf *out, struct subproc_result *r, struct err *e)
{
	int po[2], pe[2], pi[2] = {-1, -1};
	memset(r, 0, sizeof *r);
	if (pipe2(po, O_CLOEXEC))
		return err_set(e, ERR_IO, "không tạo được ống dẫn: %s", syserr_str(errno));
	if (pipe2(pe, O_CLOEXEC)) {
		close(po[0]);
		close(po[1]);
		return err_set(e, ERR_IO, "không tạo được ống dẫn: %s", syserr_str(errno));
	}
	if (in && pipe2(pi, O_CLOEXEC)) {
		int saved = errno;
		close(po[0]);
		close(po[1]);
		close(pe[0]);
		close(pe[1]);
		return err_set(e, ERR_IO, "không tạo được ống dẫn: %s", syserr_str(saved));
	}
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, po[1], 1);
	posix_spawn_file_actions_adddup2(&fa, pe[1], 2);
	if (in)
		posix_spawn_file_actions_adddup2(&fa, pi[0], 0);
	else
		posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	pid_t pid;
	int rc = strchr(argv[0], '/') ? posix_spawn(&pid, argv[0], &fa, NULL, argv, environ)
	                              : posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(po[1]);
	close(pe[1]);
	if (in) {
		close(pi[0]);
		/* written as the child reads, in the poll loop, never blocking */
		fcntl(pi[1], F_SETFL, O_NONBLOCK);
	}
	if (rc) {
		close(po[0]);
		close(pe[0]);
		if (in)
			close(pi[1]);
		if (rc == ENOENT)
			return err_set(e, ERR_NOTFOUND, "không có chương trình %s", argv[0]);
		return err_set(e, ERR_IO, "không chạy được %s: %s", argv[0], syserr_str(rc));
	}
	size_t elen = 0, sent = 0;
	int open_fds = 2, fail = 0;
	time_t deadline = time(NULL) + seconds;
	struct pollfd p[3] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}, {in ? pi[1] : -1, POLLOUT, 0}};
	char buf[65536];
	if (in && !inlen) {
		close(p[2].fd);
		p[2].fd = -1;
	}
	/* A child that exits before reading everything must not kill us with
	 * SIGPIPE: block it while writing, and discard one left pending. */
	sigset_t pipe_set, old_set;
	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	if (in)
		pthread_sigmask(SIG_BLOCK, &pipe_set, &old_set);
	while (open_fds && !fail) {
		long left = (long)(deadline - time(NULL));
		if (left <= 0) {
			fail = 1;
			break;
		}
		int k = poll(p, 3, (int)(left * 1000));
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			fail = k == 0 ? 1 : 3;
			break;
		}
		if (p[2].fd >= 0 && (p[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
			ssize_t w = (p[2].revents & POLLOUT) ? write(p[2].fd, in + sent, inlen - sent) : -1;
			if (w > 0)
				sent += (size_t)w;
			/* done, or the child stopped reading (EPIPE): its exit status says why */
			if ((w < 0 && errno != EAGAIN && errno != EINTR) || sent == inlen || w == 0) {
				close(p[2].fd);
				p[2].fd = -1;
			}
		}
		for (int i = 0; i < 2 && !fail; i++) {
			if (p[i].fd < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			ssize_t n = read(p[i].fd, buf, sizeof buf);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				close(p[i].fd);
				p[i].fd = -1;
				open_fds--;
			} else if (i == 0) {
				if (out->len + (size_t)n > max_out)
					fail = 2;
				else
					sbuf_add(out, buf, (size_t)n);
			} else if (elen + 1 < sizeof r->err) {
				size_t c = (size_t)n < sizeof r->err - 1 - elen ? (size_t)n
				                                                : sizeof r->err - 1 - elen;
				memcpy(r->err + elen, buf, c);
				elen += c;
			}
		}
	}
	r->err[elen] = '\0';
	if (in) {
		struct timespec zero = {0, 0};
		while (sigtimedwait(&pipe_set, NULL, &zero) > 0)
			;
		pthread_sigmask(SIG_SETMASK, &old_set, NULL);
	}
	for (int i = 0; i < 3; i++)
		if (p[i].fd >= 0)
			close(p[i].fd);
	if (fail)
		kill(pid, SIGKILL);
	while (waitpid(pid, &r->status, 0) < 0 && errno == EINTR)
		;
	if (fail == 1)
		return err_set(e, ERR_INPUT, "%s: không xong trong %d giây", what, seconds);
	if (fail == 2)
		return err_set(e, ERR_INPUT, "%s: văn bản đọc được dài quá %zu MB", what, max_out >> 20);
	if (fail)
		return err_set(e, ERR_IO, "%s: lỗi khi đọc kết quả: %s", what, syserr_str(errno));
	return 0;
}

void subproc_helper_path(const char *name, const char *libexecdir, char *buf, size_t len)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n > 0) {
		self[n] = '\0';
		char *slash = strrchr(self, '/');
		if (slash) {
			*slash = '\0';
			snprintf(buf, len, "%s/%s", self, name);
			if (access(buf, X_OK) == 0)
				return;
		}
	}
	snprintf(buf, len, "%s/%s", libexecdir, name);
}

const char *subproc_said(struct subproc_result *r, const char *path)
{
	char *nl = strchr(r->err, '\n');
	if (nl)
		*nl = '\0';
	const char *msg = r->err;
	size_t pl = strlen(path);
	if (!strncmp(msg, path, pl) && msg[pl] == ':')
		msg += pl + 1 + (msg[pl + 1] == ' ');
	return msg;
}
