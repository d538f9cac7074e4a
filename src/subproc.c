/* subproc.c — run a helper program with a time limit (subproc.h). */
#define _GNU_SOURCE /* pipe2 */
#include "subproc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

extern char **environ;

int subproc_capture(char *const argv[], int seconds, size_t max_out, const char *what,
                  struct sbuf *out, struct subproc_result *r, struct err *e)
{
	int po[2], pe[2];
	memset(r, 0, sizeof *r);
	if (pipe2(po, O_CLOEXEC))
		return err_set(e, ERR_IO, "không tạo được ống dẫn: %s", strerror(errno));
	if (pipe2(pe, O_CLOEXEC)) {
		close(po[0]);
		close(po[1]);
		return err_set(e, ERR_IO, "không tạo được ống dẫn: %s", strerror(errno));
	}
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, po[1], 1);
	posix_spawn_file_actions_adddup2(&fa, pe[1], 2);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	pid_t pid;
	int rc = strchr(argv[0], '/') ? posix_spawn(&pid, argv[0], &fa, NULL, argv, environ)
	                              : posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(po[1]);
	close(pe[1]);
	if (rc) {
		close(po[0]);
		close(pe[0]);
		if (rc == ENOENT)
			return err_set(e, ERR_NOTFOUND, "không có chương trình %s", argv[0]);
		return err_set(e, ERR_IO, "không chạy được %s: %s", argv[0], strerror(rc));
	}
	size_t elen = 0;
	int open_fds = 2, fail = 0;
	time_t deadline = time(NULL) + seconds;
	struct pollfd p[2] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}};
	char buf[65536];
	while (open_fds && !fail) {
		long left = (long)(deadline - time(NULL));
		if (left <= 0) {
			fail = 1;
			break;
		}
		int k = poll(p, 2, (int)(left * 1000));
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			fail = k == 0 ? 1 : 3;
			break;
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
	for (int i = 0; i < 2; i++)
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
		return err_set(e, ERR_IO, "%s: lỗi khi đọc kết quả: %s", what, strerror(errno));
	return 0;
}
