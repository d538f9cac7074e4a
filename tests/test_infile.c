/* test_infile.c — the bounded reader: regular files within the limit are
 * read whole; devices, FIFOs, directories and files over the limit are
 * refused at once with the file and the limit named. */
#include <criterion/criterion.h>

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "infile.h"
#include "file-fixture.h"
#include "util.h"

static void setup(void)
{
	tf_mkdir("infile");
}

static void path_in(char *out, size_t len, const char *name)
{
	snprintf(out, len, "%s/%s", tf_dir, name);
}

TestSuite(infile, .init = setup, .fini = tf_rmdir);

Test(infile, a_regular_file_within_the_limit_is_read_whole)
{
	char p[PATH_MAX];
	struct sbuf b = {0};
	struct err e = {0};

	path_in(p, sizeof p, "a.txt");
	tf_write(p, "12345678", 8);
	cr_assert_eq(infile_read(p, 0, 8, "tệp nhập", &b, &e), 0, "%s", e.msg);
	cr_assert_eq(b.len, 8);
	cr_assert_str_eq(b.s, "12345678");
	sbuf_free(&b);
}

Test(infile, an_empty_file_reads_as_the_empty_string)
{
	char p[PATH_MAX];
	struct sbuf b = {0};

	path_in(p, sizeof p, "empty");
	tf_write(p, "", 0);
	cr_assert_eq(infile_read(p, 0, 8, "tệp nhập", &b, NULL), 0);
	cr_assert_not_null(b.s);
	cr_assert_str_eq(b.s, "");
	sbuf_free(&b);
}

Test(infile, one_byte_over_the_limit_is_refused_naming_the_file_and_limit)
{
	char p[PATH_MAX];
	struct sbuf b = {0};
	struct err e = {0};

	path_in(p, sizeof p, "big");
	tf_write(p, "123456789", 9);
	cr_assert_eq(infile_read(p, 0, 8, "tệp nhập", &b, &e), ERR_INPUT);
	cr_assert_str_eq(e.file, p);
	cr_assert_str_eq(e.msg, "tệp nhập quá lớn: vượt giới hạn 8 byte");
	sbuf_free(&b);
}

Test(infile, a_huge_sparse_file_is_refused_before_reading)
{
	char p[PATH_MAX];
	struct sbuf b = {0};
	struct err e = {0};
	int fd;

	path_in(p, sizeof p, "sparse");
	fd = open(p, O_WRONLY | O_CREAT, 0600);
	cr_assert_geq(fd, 0);
	cr_assert_eq(ftruncate(fd, (off_t)INFILE_INI_MAX + 1), 0);
	close(fd);
	cr_assert_eq(infile_read(p, 0, INFILE_INI_MAX, "tệp cấu hình", &b, &e), ERR_INPUT);
	cr_assert_str_eq(e.msg, "tệp cấu hình quá lớn: vượt giới hạn 64 MB");
	cr_assert_null(b.s, "nothing was read");
}

Test(infile, a_link_to_dev_zero_is_refused_as_a_device)
{
	char p[PATH_MAX];
	struct sbuf b = {0};
	struct err e = {0};

	path_in(p, sizeof p, "units.ini");
	cr_assert_eq(symlink("/dev/zero", p), 0);
	cr_assert_eq(infile_read(p, 0, INFILE_INI_MAX, "tệp cấu hình", &b, &e), ERR_INPUT);
	cr_assert_str_eq(e.file, p);
	cr_assert_str_eq(e.msg, "tệp cấu hình là một thiết bị, không phải tệp thường: không đọc "
	                        "(chỉ đọc tệp thường, tối đa 64 MB)");
	cr_assert_null(b.s);
}

Test(infile, a_fifo_is_refused_without_waiting_for_a_writer)
{
	char p[PATH_MAX];
	struct sbuf b = {0};
	struct err e = {0};

	path_in(p, sizeof p, "fifo");
	cr_assert_eq(mkfifo(p, 0600), 0);
	cr_assert_eq(infile_read(p, 0, 100, "tệp nhập", &b, &e), ERR_INPUT);
	cr_assert(strstr(e.msg, "một ống (FIFO)"), "%s", e.msg);
}

Test(infile, a_directory_is_refused)
{
	struct sbuf b = {0};
	struct err e = {0};

	cr_assert_eq(infile_read(tf_dir, 0, 100, "tệp nhập", &b, &e), ERR_INPUT);
	cr_assert(strstr(e.msg, "một thư mục"), "%s", e.msg);
}

Test(infile, a_missing_file_is_not_found)
{
	char p[PATH_MAX];
	struct sbuf b = {0};
	struct err e = {0};

	path_in(p, sizeof p, "nothing");
	cr_assert_eq(infile_read(p, 0, 100, "tệp nhập", &b, &e), ERR_NOTFOUND);
	cr_assert_str_eq(e.file, p);
}

Test(infile, standard_input_may_be_a_pipe_and_is_bounded_too)
{
	int fds[2];
	struct sbuf b = {0};
	struct err e = {0};
	int saved = dup(0);

	cr_assert_eq(pipe(fds), 0);
	cr_assert_eq(write(fds[1], "0123456789", 10), 10);
	close(fds[1]);
	dup2(fds[0], 0);
	close(fds[0]);
	cr_assert_eq(infile_read("-", 1, 9, "tệp nhập", &b, &e), ERR_INPUT);
	cr_assert_str_eq(e.msg, "tệp nhập quá lớn: vượt giới hạn 9 byte");
	dup2(saved, 0);
	close(saved);
	sbuf_free(&b);
}

Test(infile, map_refuses_what_read_refuses)
{
	char p[PATH_MAX];
	const char *buf;
	size_t len;
	struct err e = {0};

	path_in(p, sizeof p, "zero");
	cr_assert_eq(symlink("/dev/zero", p), 0);
	cr_assert_eq(infile_map(p, INFILE_JSON_MAX, "tệp JSON", &buf, &len, &e), ERR_INPUT);
	cr_assert(strstr(e.msg, "tối đa 16 GB"), "%s", e.msg);
	path_in(p, sizeof p, "small");
	tf_write(p, "{}", 2);
	cr_assert_eq(infile_map(p, 1, "tệp JSON", &buf, &len, &e), ERR_INPUT);
	cr_assert_eq(infile_map(p, 2, "tệp JSON", &buf, &len, &e), 0);
	cr_assert_eq(len, 2);
	cr_assert_eq(memcmp(buf, "{}", 2), 0);
	infile_unmap(buf, len);
}
