/* test_outfile.c — the one way output files are written: never over a
 * link, device, FIFO or directory (also when replacing is allowed), only
 * over a regular file when allowed, nothing left behind on failure, on a
 * signal, or (on the next run) after a kill. */
#include <criterion/criterion.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "file-fixture.h"
#include "outfile.h"
#include "util.h"

static void setup(void)
{
	tf_mkdir("outfile");
}

static const char *in_dir(const char *name)
{
	static char p[4][PATH_MAX];
	static int k;

	k = (k + 1) % 4;
	snprintf(p[k], sizeof p[k], "%s/%s", tf_dir, name);
	return p[k];
}

/* Entries of tf_dir other than . and .. */
static int entries(void)
{
	char cmd[PATH_MAX + 32];
	FILE *p;
	int n = 0;

	snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l", tf_dir);
	p = popen(cmd, "r");
	cr_assert_not_null(p);
	cr_assert_eq(fscanf(p, "%d", &n), 1);
	pclose(p);
	return n;
}

static int write_whole(const char *path, int flags, const char *text, struct err *e)
{
	struct outfile o;
	int rc = outfile_open(&o, path, flags, 0644, e);

	if (rc)
		return rc;
	fputs(text, outfile_stream(&o));
	return outfile_commit(&o, e);
}

TestSuite(outfile, .init = setup, .fini = tf_rmdir);

Test(outfile, a_new_file_is_written_whole_and_nothing_else_is_left)
{
	struct err e = {0};

	cr_assert_eq(write_whole(in_dir("out.txt"), 0, "nội dung\n", &e), 0, "%s", e.msg);
	tf_assert_text(in_dir("out.txt"), "nội dung\n");
	cr_assert_eq(entries(), 1, "no temporary file left");
}

Test(outfile, an_existing_file_is_kept_unless_replacing_is_allowed)
{
	struct err e = {0};

	tf_put(in_dir("out.txt"), "cũ");
	cr_assert_eq(write_whole(in_dir("out.txt"), 0, "mới", &e), ERR_CONFLICT);
	cr_assert(strstr(e.msg, "đã có"), "%s", e.msg);
	tf_assert_text(in_dir("out.txt"), "cũ");
	cr_assert_eq(write_whole(in_dir("out.txt"), OUTFILE_REPLACE, "mới", &e), 0, "%s", e.msg);
	tf_assert_text(in_dir("out.txt"), "mới");
	cr_assert_eq(entries(), 1);
}

Test(outfile, a_symlink_is_never_replaced_nor_written_through)
{
	struct err e = {0};
	struct stat sb;

	tf_put(in_dir("victim"), "dữ liệu quý");
	cr_assert_eq(symlink(in_dir("victim"), in_dir("link")), 0);
	cr_assert_eq(write_whole(in_dir("link"), OUTFILE_REPLACE, "ghi đè", &e), ERR_CONFLICT);
	cr_assert(strstr(e.msg, "liên kết tượng trưng") && strstr(e.msg, "kể cả với --force"),
	          "%s", e.msg);
	tf_assert_text(in_dir("victim"), "dữ liệu quý");
	cr_assert_eq(lstat(in_dir("link"), &sb), 0);
	cr_assert(S_ISLNK(sb.st_mode), "the link is still a link");
	cr_assert_eq(entries(), 2);
}

Test(outfile, a_dangling_symlink_is_refused_too)
{
	struct err e = {0};

	cr_assert_eq(symlink(in_dir("nowhere"), in_dir("link")), 0);
	cr_assert_eq(write_whole(in_dir("link"), OUTFILE_REPLACE, "x", &e), ERR_CONFLICT);
	cr_assert_eq(access(in_dir("nowhere"), F_OK), -1, "nothing created through the link");
}

Test(outfile, devices_fifos_and_directories_are_refused)
{
	struct err e = {0};

	cr_assert_eq(write_whole("/dev/null", OUTFILE_REPLACE, "x", &e), ERR_CONFLICT);
	cr_assert(strstr(e.msg, "một thiết bị"), "%s", e.msg);
	cr_assert_eq(mkfifo(in_dir("fifo"), 0600), 0);
	cr_assert_eq(write_whole(in_dir("fifo"), OUTFILE_REPLACE, "x", &e), ERR_CONFLICT);
	cr_assert(strstr(e.msg, "FIFO"), "%s", e.msg);
	cr_assert_eq(mkdir(in_dir("sub"), 0700), 0);
	cr_assert_eq(write_whole(in_dir("sub"), OUTFILE_REPLACE, "x", &e), ERR_CONFLICT);
	cr_assert(strstr(e.msg, "một thư mục"), "%s", e.msg);
	cr_assert_eq(entries(), 2, "no temporary file left beside them");
}

Test(outfile, a_link_put_in_place_while_writing_is_not_replaced)
{
	struct err e = {0};
	struct outfile o;

	tf_put(in_dir("victim"), "dữ liệu quý");
	cr_assert_eq(outfile_open(&o, in_dir("out"), OUTFILE_REPLACE, 0644, &e), 0);
	fputs("x", outfile_stream(&o));
	cr_assert_eq(symlink(in_dir("victim"), in_dir("out")), 0);
	cr_assert_eq(outfile_commit(&o, &e), ERR_CONFLICT);
	tf_assert_text(in_dir("victim"), "dữ liệu quý");
	cr_assert_eq(entries(), 2, "the temporary file is removed");
}

Test(outfile, abort_leaves_the_destination_as_it_was)
{
	struct err e = {0};
	struct outfile o;

	tf_put(in_dir("out"), "cũ");
	cr_assert_eq(outfile_open(&o, in_dir("out"), OUTFILE_REPLACE, 0644, &e), 0);
	fputs("mới", outfile_stream(&o));
	outfile_abort(&o);
	tf_assert_text(in_dir("out"), "cũ");
	cr_assert_eq(entries(), 1);
}

/* A child writes and gets sig before committing; returns its status. */
static int child_killed(int sig)
{
	pid_t pid = fork();

	cr_assert_geq(pid, 0);
	if (pid == 0) {
		struct outfile o;

		if (outfile_open(&o, in_dir("out"), OUTFILE_REPLACE, 0644, NULL))
			_exit(3);
		if (write(o.fd, "half", 4) != 4)
			_exit(4);
		raise(sig);
		_exit(5);
	}
	int status;
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	return status;
}

Test(outfile, sigterm_sigint_and_sighup_remove_the_temporary_file)
{
	int sigs[] = {SIGTERM, SIGINT, SIGHUP};

	for (size_t i = 0; i < 3; i++) {
		int status = child_killed(sigs[i]);

		cr_assert(WIFSIGNALED(status) && WTERMSIG(status) == sigs[i],
		          "the child dies of the signal (status %d)", status);
		cr_assert_eq(entries(), 0, "signal %d left a temporary file", sigs[i]);
	}
}

Test(outfile, a_temporary_file_left_by_a_kill_is_removed_on_the_next_run)
{
	struct err e = {0};
	int status = child_killed(SIGKILL);

	cr_assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	cr_assert_eq(entries(), 1, "SIGKILL cannot be caught: the file stays");
	cr_assert_eq(write_whole(in_dir("out"), OUTFILE_REPLACE, "ok", &e), 0, "%s", e.msg);
	cr_assert_eq(entries(), 1, "only the destination is left");
	tf_assert_text(in_dir("out"), "ok");
}

Test(outfile, a_temporary_file_of_a_running_process_is_kept)
{
	char name[64];
	struct err e = {0};

	/* this process is alive: its name pattern must not be swept */
	snprintf(name, sizeof name, "out.tmp-%ld-7", (long)getppid());
	tf_put(in_dir(name), "đang ghi");
	cr_assert_eq(write_whole(in_dir("out"), OUTFILE_REPLACE, "ok", &e), 0, "%s", e.msg);
	cr_assert_eq(access(in_dir(name), F_OK), 0);
	cr_assert_eq(outfile_clean_stale(in_dir("out")), 0);
}

Test(outfile, guarded_paths_go_newest_first_on_a_signal)
{
	pid_t pid;
	int status;

	cr_assert_eq(mkdir(in_dir("made"), 0700), 0);
	pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		outfile_guard(in_dir("made"));
		tf_put(in_dir("made/a"), "a");
		outfile_guard(in_dir("made/a"));
		raise(SIGTERM);
		_exit(5);
	}
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFSIGNALED(status));
	cr_assert_eq(entries(), 0, "the file, then its directory, are gone");
}

Test(outfile, full_disk_and_quota_have_their_own_words)
{
	cr_assert_str_eq(outfile_strerror(ENOSPC), "đĩa đầy");
	cr_assert_str_eq(outfile_strerror(EDQUOT), "hết hạn mức (quota) đĩa");
}
