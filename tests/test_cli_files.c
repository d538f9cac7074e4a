/* test_cli_files.c — the files the commands read and write, end to end:
 * outputs never replace a link, device or directory (also with --force);
 * inputs must be regular files within their limits; a refused demo leaves
 * no directory; a full disk is named as such; a backup killed outright
 * leaves a temporary file the next backup removes. */
#include <errno.h>
#include <sys/mount.h>
#include <sys/stat.h>

#include "cli-run.c.inc"
#include "file-fixture.h"

Test(cli_files, backup_force_never_replaces_a_link_or_a_device)
{
	const char *st = fx_demo();
	struct stat sb;

	tf_put(fx_path("victim"), "không được ghi đè");
	cr_assert_eq(symlink(fx_path("victim"), fx_path("b.mdb")), 0);
	fx_expect(fx_run(NULL, st, "backup", fx_path("b.mdb"), "--force", NULL), 8,
	          "liên kết tượng trưng", "backup --force over a link");
	tf_assert_text(fx_path("victim"), "không được ghi đè");
	cr_assert_eq(lstat(fx_path("b.mdb"), &sb), 0);
	cr_assert(S_ISLNK(sb.st_mode));
	fx_expect(fx_run(NULL, st, "backup", "/dev/null", "--force", NULL), 8, "một thiết bị",
	          "backup --force over a device");
	cr_assert_eq(stat("/dev/null", &sb), 0);
	cr_assert(S_ISCHR(sb.st_mode), "/dev/null is still a device");
}

Test(cli_files, export_out_refuses_links_fifos_and_devices)
{
	const char *st = fx_demo();

	tf_put(fx_path("victim"), "giữ nguyên");
	cr_assert_eq(symlink(fx_path("victim"), fx_path("e.json")), 0);
	fx_expect(fx_run(NULL, st, "export", "--out", fx_path("e.json"), NULL), 8,
	          "liên kết tượng trưng", "export --out a link");
	tf_assert_text(fx_path("victim"), "giữ nguyên");
	cr_assert_eq(mkfifo(fx_path("fifo"), 0600), 0);
	fx_expect(fx_run(NULL, st, "export", "--out", fx_path("fifo"), NULL), 8, "FIFO",
	          "export --out a FIFO");
	fx_expect(fx_run(NULL, st, "export", "--out", "/dev/null", NULL), 8, "một thiết bị",
	          "export --out a device");
	/* a regular file is replaced, as before */
	tf_put(fx_path("old.json"), "cũ");
	fx_ok(fx_run(NULL, st, "export", "--out", fx_path("old.json"), NULL), "export");
	char *json = tf_read(fx_path("old.json"), NULL);
	cr_assert_eq(json[0], '{', "%s", json);
	free(json);
}

Test(cli_files, remind_out_refuses_a_letter_that_is_a_link)
{
	const char *st = fx_demo();
	const char *out = fx_path("thu");
	char letter[600];
	struct run r;

	fx_ok(fx_run(NULL, st, "remind", "--out", out, "--quiet", NULL), "remind");
	r = fx_run(NULL, st, "remind", "--out", out, "--format", "json", NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	json_t *j = fx_json(&r);
	const char *file = json_string_value(json_object_get(json_array_get(j, 0), "file"));
	cr_assert_not_null(file, "%s", r.out);
	snprintf(letter, sizeof letter, "%s/%s", out, file);
	json_decref(j);
	fx_free(&r);
	tf_put(fx_path("victim"), "giữ nguyên");
	cr_assert_eq(unlink(letter), 0);
	cr_assert_eq(symlink(fx_path("victim"), letter), 0);
	fx_expect(fx_run(NULL, st, "remind", "--out", out, "--quiet", NULL), 8,
	          "liên kết tượng trưng", "remind over a link");
	tf_assert_text(fx_path("victim"), "giữ nguyên");
}

Test(cli_files, a_backup_killed_outright_leaves_a_file_the_next_backup_removes)
{
	const char *st = fx_demo();
	char stale[600];
	pid_t dead = fork();

	cr_assert_geq(dead, 0);
	if (dead == 0)
		_exit(0);
	waitpid(dead, NULL, 0); /* a process that no longer runs */
	snprintf(stale, sizeof stale, "%s.tmp-%ld-0", fx_path("b.mdb"), (long)dead);
	tf_put(stale, "nửa chừng");
	fx_ok(fx_run(NULL, st, "backup", fx_path("b.mdb"), NULL), "backup");
	cr_assert_eq(access(stale, F_OK), -1, "the stale temporary file is gone");
	cr_assert_eq(access(fx_path("b.mdb"), F_OK), 0);
}

Test(cli_files, inputs_must_be_regular_files)
{
	const char *st = fx_demo();

	fx_expect(fx_run(NULL, st, "import", "/dev/zero", NULL), 3, "không phải tệp thường",
	          "import a device");
	fx_expect(fx_run(NULL, fx_path("new"), "import-json", "/dev/zero", NULL), 3,
	          "không phải tệp thường", "import-json a device");
	cr_assert_eq(access(fx_path("new"), F_OK), -1, "no store made");
	/* a plan over 64 MB is refused before it is read (a sparse file) */
	int fd = open(fx_path("big.txt"), O_WRONLY | O_CREAT, 0600);
	cr_assert_geq(fd, 0);
	cr_assert_eq(ftruncate(fd, (64 << 20) + 1), 0);
	close(fd);
	fx_expect(fx_run(NULL, st, "import", fx_path("big.txt"), NULL), 3, "tối đa 64 MB",
	          "import of a file over the limit");
}

Test(cli_files, units_ini_linked_to_dev_zero_is_refused_at_once)
{
	tf_put(fx_path("theodoi.ini"), "[paths]\nunits = units.ini\n[users]\nroot = tw, admin\n");
	cr_assert_eq(symlink("/dev/zero", fx_path("units.ini")), 0);
	struct run r = fx_run(fx_path("theodoi.ini"), fx_path("store"), "demo", NULL);
	cr_assert_eq(r.status, 4, "%s", r.err);
	cr_assert(strstr(r.err, fx_path("units.ini")) && strstr(r.err, "64 MB"), "%s", r.err);
	fx_free(&r);
}

Test(cli_files, a_byte_order_mark_in_theodoi_ini_is_accepted)
{
	char text[1200];

	snprintf(text, sizeof text, "\xEF\xBB\xBF[paths]\nunits = %s/conf/units.ini\n"
	         "[users]\nroot = tw, admin\n", getcwd((char[600]){0}, 600));
	tf_put(fx_path("theodoi.ini"), text);
	fx_ok(fx_run(fx_path("theodoi.ini"), fx_path("store"), "demo", NULL), "demo");
}

Test(cli_files, a_refused_demo_leaves_no_directory)
{
	tf_put(fx_path("units.ini"), "[tw]\nname = Trung ương\nkind = trung_uong\n");
	tf_put(fx_path("theodoi.ini"), "[users]\nroot = tw, admin\n");
	fx_expect(fx_run(fx_path("theodoi.ini"), fx_path("a/b/store"), "demo", NULL), 4, "'tu'",
	          "demo without the demo's units");
	cr_assert_eq(access(fx_path("a"), F_OK), -1, "no directory left");
	cr_assert_eq(mkdir(fx_path("empty"), 0775), 0);
	fx_expect(fx_run(fx_path("theodoi.ini"), fx_path("empty"), "demo", NULL), 4, NULL,
	          "demo into an empty directory");
	cr_assert_eq(access(fx_path("empty/data.mdb"), F_OK), -1, "no store left");
	cr_assert_eq(access(fx_path("empty"), F_OK), 0, "the directory was there: it stays");
}

/* A small tmpfs, filled up: needs root (skips otherwise). */
Test(cli_files, a_full_disk_is_called_a_full_disk)
{
	const char *mnt = fx_path("small");
	char store[600], fill[600], note[3901];
	struct run r;

	cr_assert_eq(mkdir(mnt, 0755), 0);
	if (mount("tmpfs", mnt, "tmpfs", 0, "size=4m") != 0) {
		cr_log_warn("cannot mount a tmpfs (%s): skipped", strerror(errno));
		return;
	}
	snprintf(store, sizeof store, "%s/store", mnt);
	snprintf(fill, sizeof fill, "%s/fill", mnt);
	fx_ok(fx_run(NULL, store, "demo", NULL), "demo");
	/* fill the disk but for a few kilobytes: LMDB's write is then cut
	 * short, which it reports as EIO */
	FILE *f = fopen(fill, "w");
	char block[1024] = {0};
	while (fwrite(block, 1, sizeof block, f) == sizeof block && fflush(f) == 0)
		;
	fclose(f);
	struct stat sb;
	cr_assert_eq(stat(fill, &sb), 0);
	cr_assert_eq(truncate(fill, sb.st_size - 8 * 1024), 0);
	memset(note, 'x', sizeof note - 1);
	note[sizeof note - 1] = '\0';
	for (int i = 0; i < 20; i++) {
		r = fx_run(NULL, store, "update", "12", "--note", note, NULL);
		if (r.status)
			break;
		fx_free(&r);
	}
	cr_assert_eq(r.status, 6, "%s", r.err);
	cr_assert(strstr(r.err, "đĩa đầy"), "%s", r.err);
	cr_assert(!strstr(r.err, "lỗi đọc/ghi") && !strstr(r.err, "phục hồi"), "%s", r.err);
	fx_free(&r);
	/* a backup onto the full disk says so too and leaves nothing */
	cr_assert_eq(truncate(fill, sb.st_size), 0);
	char b[600];
	snprintf(b, sizeof b, "%s/b.mdb", mnt);
	fx_expect(fx_run(NULL, store, "backup", b, NULL), 10, "đĩa đầy", "backup on a full disk");
	cr_assert_eq(access(b, F_OK), -1);
	unlink(fill);
	fx_check_store(NULL, store);
	umount(mnt);
}

Test(cli_files, a_store_left_half_built_by_a_killed_import_is_removed_on_the_next_run)
{
	const char *st = fx_demo();
	char stale[600], data[640];
	pid_t dead = fork();

	cr_assert_geq(dead, 0);
	if (dead == 0)
		_exit(0);
	waitpid(dead, NULL, 0);
	fx_ok(fx_run(NULL, st, "export", "--out", fx_path("e.json"), NULL), "export");
	snprintf(stale, sizeof stale, "%s.import-%ld", fx_path("copy"), (long)dead);
	cr_assert_eq(mkdir(stale, 0775), 0);
	snprintf(data, sizeof data, "%s/data.mdb", stale);
	tf_put(data, "nửa chừng");
	fx_ok(fx_run(NULL, fx_path("copy"), "import-json", fx_path("e.json"), NULL), "import-json");
	cr_assert_eq(access(stale, F_OK), -1, "the stale directory is gone");
}
