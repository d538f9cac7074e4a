/* store.c — the LMDB environment: the table of named databases, opening
 * (and creating) a store, transactions with map growth, sequences, meta
 * strings and statistics.  Raw LMDB access: store-raw.c. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "store-impl.h"
#include "syserr.h"

#define DEFAULT_MAPSIZE ((size_t)64 << 20)
#define MAX_READERS 256
#define MAX_GROWTHS 40

const struct store_db_info store_db_table[DB_COUNT] = {
	[DB_META] = {"meta", 0, 0},
	[DB_UNITS] = {"units", 0, 0},
	[DB_UNIT_CODE] = {"unit_code", 0, 1},
	[DB_DOCS] = {"docs", 0, 0},
	[DB_DOC_NUMBER] = {"doc_number", MDB_DUPSORT | MDB_DUPFIXED, 1},
	[DB_DOC_ISSUER] = {"doc_issuer", 0, 1},
	[DB_TASKS] = {"tasks", 0, 0},
	[DB_JOURNAL] = {"journal", 0, 0},
	[DB_EXTENSIONS] = {"extensions", 0, 0},
	[DB_EXT_TASK] = {"ext_task", 0, 1},
	[DB_INDICATORS] = {"indicators", 0, 0},
	[DB_IND_DOC] = {"ind_doc", 0, 1},
	[DB_MEASURES] = {"measures", 0, 0},
	[DB_MEAS_IND] = {"meas_ind", 0, 1},
	[DB_AUDIT] = {"audit", 0, 0},
	/* schema 4: sorted duplicates of fixed size under the owner's key, so
	 * that an entry costs its value, not a node and a key of its own */
	[DB_DUE] = {"due_tasks", MDB_DUPSORT | MDB_DUPFIXED, 1},
	[DB_UNIT_DUE] = {"lead_due", MDB_DUPSORT | MDB_DUPFIXED, 1},
	[DB_TASK_LEAD] = {"lead_tasks", MDB_DUPSORT | MDB_DUPFIXED, 1},
	[DB_TASK_DOC] = {"doc_tasks", MDB_DUPSORT | MDB_DUPFIXED, 1},
	[DB_COUNTS] = {"counts", 0, 1},
	[DB_TRASH] = {"trash", 0, 0},
	[DB_TASK_PARTNER] = {"task_partner", 0, 1},
	[DB_UNITSNAP] = {"unitsnap", 0, 0},
	[DB_DICT] = {"dict", 0, 0},
	[DB_DICT_STR] = {"dict_str", 0, 0},
	/* schema 5: a row per entry of due_tasks, in its order (store-cover.c) */
	[DB_DUE_ROW] = {"due_rows", 0, 1},
};

/* ---- opening ----------------------------------------------------------- */

/* Starting map size: THEODOI_MAPSIZE, or the default. */
static int initial_mapsize(size_t *out, struct err *e)
{
	const char *s = getenv("THEODOI_MAPSIZE");
	char *end;
	unsigned long long v;

	*out = DEFAULT_MAPSIZE;
	if (!s || !*s)
		return 0;
	errno = 0;
	v = strtoull(s, &end, 10);
	switch (*end) {
	case 'k': case 'K': v <<= 10; end++; break;
	case 'm': case 'M': v <<= 20; end++; break;
	case 'g': case 'G': v <<= 30; end++; break;
	default: break;
	}
	if (errno || *end || end == s || v < 4096 || v > SIZE_MAX / 4)
		return err_set(e, ERR_CONFIG, "THEODOI_MAPSIZE không hợp lệ: %s", s);
	*out = (size_t)v;
	return 0;
}

/* mkdir with 0775 less the umask, then the setgid bit so that files made
 * inside belong to the directory's group (staff share one store). */
static int make_store_dir(const char *dir, struct err *e)
{
	struct stat sb;
	char parent[PATH_MAX];

	/* Missing parents are made as plain directories (mkdir -p). */
	str_copy(parent, dir, sizeof parent);
	for (char *p = parent + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(parent, 0775) != 0 && errno != EEXIST)
			return err_set(e, ERR_STORE, "không tạo được thư mục %s: %s", parent,
			               syserr_str(errno));
		*p = '/';
	}
	if (mkdir(dir, 0775) != 0)
		return err_set(e, ERR_STORE, "không tạo được thư mục kho dữ liệu %s: %s", dir,
		               syserr_str(errno));
	if (stat(dir, &sb) != 0 || chmod(dir, (sb.st_mode & 07777) | S_ISGID) != 0)
		return err_set(e, ERR_STORE, "không đặt được quyền cho thư mục kho dữ liệu %s: %s",
		               dir, syserr_str(errno));
	return 0;
}

/* 1 if dir holds nothing but perhaps a lock file, 0 if it holds other
 * files, -1 (errno set) if it cannot be read. */
static int dir_is_empty(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int empty = 1;

	if (!d)
		return -1;
	while ((de = readdir(d))) {
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..") &&
		    strcmp(de->d_name, "lock.mdb")) {
			empty = 0;
			break;
		}
	}
	closedir(d);
	return empty;
}

static int env_open_err(const char *dir, int rc, struct err *e);

/* Decide, before LMDB sees it, whether dir is a store, an empty place for
 * one (*create set) or something else. */
static int probe_dir(const char *dir, int flags, int *create, struct err *e)
{
	struct stat sb;
	char *data;
	int has_data, empty;

	*create = 0;
	if (stat(dir, &sb) != 0) {
		if (errno == EACCES || errno == EPERM)
			return env_open_err(dir, EACCES, e);
		if (errno != ENOENT)
			return err_set(e, ERR_STORE, "không mở được kho dữ liệu %s: %s", dir,
			               syserr_str(errno));
		if (!(flags & STORE_CREATE) || (flags & STORE_RDONLY))
			return err_set(e, ERR_STORE, "không tìm thấy kho dữ liệu %s", dir);
		*create = 1;
		return make_store_dir(dir, e);
	}
	if (!S_ISDIR(sb.st_mode))
		return err_set(e, ERR_STORE, "%s không phải là thư mục kho dữ liệu", dir);
	data = xmalloc(strlen(dir) + sizeof "/data.mdb");
	strcpy(data, dir);
	strcat(data, "/data.mdb");
	has_data = stat(data, &sb) == 0;
	if (!has_data && (errno == EACCES || errno == EPERM)) {
		free(data);
		return env_open_err(dir, EACCES, e);
	}
	free(data);
	if (has_data)
		return 0; /* checked once LMDB has it open (store_check_data_fd) */
	empty = dir_is_empty(dir);
	if (empty < 0 && (errno == EACCES || errno == EPERM))
		return env_open_err(dir, EACCES, e);
	if (empty < 0)
		return err_set(e, ERR_STORE, "không đọc được thư mục kho dữ liệu %s: %s", dir,
		               syserr_str(errno));
	if (!empty)
		return err_set(e, ERR_STORE, "thư mục %s không phải là kho dữ liệu theodoi "
		               "(có tệp khác nhưng không có data.mdb)", dir);
	if (!(flags & STORE_CREATE) || (flags & STORE_RDONLY))
		return err_set(e, ERR_STORE, "không tìm thấy kho dữ liệu %s (thư mục rỗng)", dir);
	*create = 1;
	return 0;
}

static int env_open_err(const char *dir, int rc, struct err *e)
{
	switch (rc) {
	case MDB_INVALID:
		return err_set(e, ERR_STORE, "thư mục %s không phải là kho dữ liệu theodoi "
		               "(data.mdb không phải tệp LMDB)", dir);
	case MDB_VERSION_MISMATCH:
		return err_set(e, ERR_STORE, "kho dữ liệu %s được tạo bởi phiên bản LMDB khác", dir);
	case EACCES:
	case EPERM:
		return err_set(e, ERR_STORE, "không có quyền mở kho dữ liệu %s: tài khoản cần quyền "
		               "đọc và ghi thư mục kho và các tệp data.mdb, lock.mdb trong đó (thường "
		               "là: thuộc nhóm sở hữu kho; xem theodoi(1), mục TỆP)", dir);
	case EROFS:
		return err_set(e, ERR_STORE, "không mở được kho dữ liệu %s: hệ thống tệp chỉ đọc",
		               dir);
	case ENOSPC:
		return err_set(e, ERR_STORE, "không mở được kho dữ liệu %s: đĩa đầy", dir);
	case EDQUOT:
		return err_set(e, ERR_STORE, "không mở được kho dữ liệu %s: hết hạn mức (quota) dung "
		               "lượng đĩa", dir);
	default:
		return err_set(e, ERR_STORE, "không mở được kho dữ liệu %s: %s", dir,
		               rc > 0 ? syserr_str(rc) : mdb_strerror(rc));
	}
}

/* Begin an LMDB transaction, adopting a map grown by another process. */
static int txn_begin(struct store *st, unsigned flags, MDB_txn **out)
{
	int rc = mdb_txn_begin(st->env, NULL, flags, out);
	if (rc == MDB_MAP_RESIZED) {
		store_pins_detach(st); /* the map moves */
		rc = mdb_env_set_mapsize(st->env, 0);
		if (rc == 0)
			rc = mdb_txn_begin(st->env, NULL, flags, out);
	}
	return rc;
}

/* The schema number stored in meta, or 0 if absent; -1 if unreadable. */
static long read_schema(struct txn *t, struct err *e)
{
	MDB_val v;
	char buf[16];
	long n;
	int rc = store_get(t, DB_META, "schema", 6, &v, e);

	if (rc == MDB_NOTFOUND)
		return 0;
	if (rc)
		return -1;
	if (v.mv_size == 0 || v.mv_size >= sizeof buf)
		return -1;
	memcpy(buf, v.mv_data, v.mv_size);
	buf[v.mv_size] = '\0';
	if (str_to_long(buf, 1, INT32_MAX, &n))
		return -1;
	return n;
}

int store_schema(struct txn *t, long *out, struct err *e)
{
	*out = read_schema(t, e);
	if (*out <= 0)
		return err_set(e, ERR_STORE, "kho dữ liệu %s bị hỏng: không đọc được số lược đồ",
		               t->st->path);
	return 0;
}

int store_schema_set(struct txn *t, long schema, struct err *e)
{
	char buf[16];

	snprintf(buf, sizeof buf, "%ld", schema);
	return store_put(t, DB_META, "schema", 6, buf, strlen(buf), 0, e);
}

struct setup {
	int create;     /* an empty environment may be initialised */
	int probe;      /* a read transaction looking whether a write is needed */
	int need_write; /* set by a probe: something must be created */
};

/* Open (and when allowed create) every named database and check the
 * schema.  Runs as a store_write function (or in a read txn when
 * read-only). */
static int setup_dbs(struct txn *t, void *ctx, struct err *e)
{
	struct setup *s = ctx;
	struct store *st = t->st;
	MDB_dbi dbi;
	MDB_stat ms;
	long schema;
	int rc = mdb_dbi_open(t->txn, "meta", 0, &dbi);

	if (rc == MDB_NOTFOUND && s->probe) {
		s->need_write = 1;
		return 0;
	}
	if (rc == MDB_NOTFOUND) {
		/* no meta: an empty environment may become a store, anything
		 * else is not ours */
		if ((rc = mdb_dbi_open(t->txn, NULL, 0, &dbi)) || (rc = mdb_stat(t->txn, dbi, &ms)))
			return env_open_err(st->path, rc, e);
		if (ms.ms_entries != 0)
			return err_set(e, ERR_STORE, "thư mục %s không phải là kho dữ liệu theodoi "
			               "(tệp LMDB của chương trình khác)", st->path);
		if (!s->create || !t->write)
			return err_set(e, ERR_STORE, "không tìm thấy kho dữ liệu %s (chưa được tạo)",
			               st->path);
	} else if (rc) {
		return env_open_err(st->path, rc, e);
	}
	for (int i = 0; i < DB_COUNT; i++) {
		unsigned fl = store_db_table[i].flags | (t->write ? MDB_CREATE : 0);
		rc = mdb_dbi_open(t->txn, store_db_table[i].name, fl, &st->dbi[i]);
		if (rc == MDB_NOTFOUND && s->probe) {
			s->need_write = 1; /* a database this release adds */
			return 0;
		}
		/* read-only, a store of an older schema lacks what came since */
		if (rc == MDB_NOTFOUND && i > DB_META && (schema = read_schema(t, e)) > 0 &&
		    schema < STORE_SCHEMA)
			return err_set(e, ERR_STORE, "kho dữ liệu %s ở lược đồ %ld của phiên bản trước: "
			               "cần được mở một lần với quyền ghi để nâng cấp", st->path, schema);
		if (rc == MDB_NOTFOUND)
			return err_set(e, ERR_STORE, "kho dữ liệu %s bị hỏng: thiếu cơ sở dữ liệu %s",
			               st->path, store_db_table[i].name);
		if (rc)
			return store_lmdb_err(t, rc, e, store_db_table[i].name);
	}
	schema = read_schema(t, e);
	if (schema < 0)
		return err_set(e, ERR_STORE, "kho dữ liệu %s bị hỏng: không đọc được số lược đồ",
		               st->path);
	if (schema == 0 && s->probe) {
		s->need_write = 1;
		return 0;
	}
	if (schema == 0) {
		char buf[16];
		if (!s->create || !t->write)
			return err_set(e, ERR_STORE, "kho dữ liệu %s bị hỏng: thiếu số lược đồ",
			               st->path);
		snprintf(buf, sizeof buf, "%d", STORE_SCHEMA);
		/* a store built in many transactions says so from its first one */
		if ((st->flags & STORE_UNFINISHED) &&
		    (rc = store_put(t, DB_META, "unfinished", 10, "gen", 3, 0, e)))
			return rc;
		return store_put(t, DB_META, "schema", 6, buf, strlen(buf), 0, e);
	}
	if (!(st->flags & STORE_UNFINISHED)) {
		MDB_val v;
		rc = store_get(t, DB_META, "unfinished", 10, &v, e);
		if (rc == 0 && v.mv_size > 0)
			return err_set(e, ERR_STORE, "kho dữ liệu %s chưa tạo xong (lệnh %.*s bị ngắt "
			               "giữa chừng): không dùng được; hãy xóa thư mục này và tạo lại",
			               st->path, (int)(v.mv_size > 16 ? 16 : v.mv_size),
			               (const char *)v.mv_data);
		if (rc && rc != MDB_NOTFOUND)
			return rc;
	}
	if (schema > STORE_SCHEMA)
		return err_set(e, ERR_STORE, "kho dữ liệu %s được tạo bởi phiên bản mới hơn "
		               "(lược đồ %ld); phiên bản này chỉ đọc được đến lược đồ %d: hãy "
		               "cập nhật theodoi", st->path, schema, STORE_SCHEMA);
	return 0;
}

/* Give a writer room: at least the starting size and twice what is used. */
static int size_map(struct store *st, size_t initial)
{
	MDB_envinfo info;
	MDB_stat ms;
	size_t used, want;

	if (mdb_env_info(st->env, &info) || mdb_env_stat(st->env, &ms))
		return 0;
	used = ((size_t)info.me_last_pgno + 1) * ms.ms_psize;
	want = used > SIZE_MAX / 4 ? used : 2 * used;
	if (want < initial)
		want = initial;
	if (info.me_mapsize >= want)
		return 0;
	return mdb_env_set_mapsize(st->env, want);
}

int store_open(const char *dir, int flags, struct store **out, struct err *e)
{
	struct store *st;
	struct setup s = {0};
	size_t mapsize;
	unsigned envflags = MDB_NOTLS;
	int rc;

	struct store_ident shared = {0};

	*out = NULL;
	if ((rc = initial_mapsize(&mapsize, e)))
		return rc;
	if ((flags & STORE_SHARED) && (rc = store_check_shared(dir, &shared, e)))
		return rc;
	if ((rc = probe_dir(dir, flags, &s.create, e)))
		return rc;
	if (flags & STORE_RDONLY)
		envflags |= MDB_RDONLY;
	if (flags & STORE_NOSYNC)
		envflags |= MDB_NOSYNC;
	st = xcalloc(1, sizeof *st);
	st->path = xstrdup(dir);
	st->flags = flags;
	/* room beyond the table for the databases a migration opens to retire
	 * them (store-compact.c) */
	if ((rc = mdb_env_create(&st->env)) || (rc = mdb_env_set_maxdbs(st->env, DB_COUNT + 8)) ||
	    (rc = mdb_env_set_maxreaders(st->env, MAX_READERS)) ||
	    (rc = mdb_env_set_mapsize(st->env, mapsize)) ||
	    (rc = mdb_env_open(st->env, dir, envflags, 0664))) {
		env_open_err(dir, rc, e);
		store_close(st);
		return ERR_STORE;
	}
	mdb_filehandle_t fd;
	if ((rc = store_check_same_data(st->env, dir, &shared, e)) ||
	    (!mdb_env_get_fd(st->env, &fd) && (rc = store_check_data_fd(fd, dir, e)))) {
		store_close(st);
		return rc;
	}
	mdb_reader_check(st->env, NULL);
	if (flags & STORE_RDONLY) {
		struct txn t = {st, NULL, 0, 0, 0, {0}, NULL, NULL};
		if ((rc = txn_begin(st, MDB_RDONLY, &t.txn))) {
			env_open_err(dir, rc, e);
		} else if ((rc = setup_dbs(&t, &s, e))) {
			mdb_txn_abort(t.txn);
		} else if ((rc = mdb_txn_commit(t.txn))) {
			env_open_err(dir, rc, e);
		}
		free(t.dict_cache);
	} else if ((rc = size_map(st, mapsize))) {
		env_open_err(dir, rc, e);
	} else {
		/* A store in use has every database: they are opened in a read
		 * transaction, and the writer's lock is taken (waiting for a
		 * running import, say) only when something must be created. */
		struct txn t = {st, NULL, 0, 0, 0, {0}, NULL, NULL};
		s.probe = 1;
		if ((rc = txn_begin(st, MDB_RDONLY, &t.txn))) {
			env_open_err(dir, rc, e);
		} else if ((rc = setup_dbs(&t, &s, e)) || s.need_write) {
			mdb_txn_abort(t.txn); /* the handles it opened go with it */
		} else if ((rc = mdb_txn_commit(t.txn))) {
			env_open_err(dir, rc, e);
		}
		free(t.dict_cache);
		s.probe = 0;
		if (!rc && s.need_write)
			rc = store_write(st, setup_dbs, &s, e);
	}
	if (rc) {
		store_close(st);
		return ERR_STORE;
	}
	*out = st;
	return 0;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	store_pins_detach(st);
	if (st->env)
		mdb_env_close(st->env);
	sbuf_free(&st->scratch);
	free(st->chains);
	free(st->path);
	free(st);
}

const char *store_path(const struct store *st)
{
	return st->path;
}

struct store *store_of(struct txn *t)
{
	return t->st;
}

/* ---- transactions -------------------------------------------------------- */

int store_read_begin(struct store *st, struct txn **out, struct err *e)
{
	struct txn *t = xcalloc(1, sizeof *t);
	int rc;

	t->st = st;
	if ((rc = txn_begin(st, MDB_RDONLY, &t->txn))) {
		free(t);
		*out = NULL;
		return store_lmdb_err(NULL, rc, e, "bắt đầu đọc");
	}
	*out = t;
	return 0;
}

void store_read_end(struct txn *t)
{
	if (!t)
		return;
	if (t->row_cur)
		mdb_cursor_close(t->row_cur);
	mdb_txn_abort(t->txn);
	free(t->dict_cache);
	free(t);
}

static int grow_map(struct store *st, struct err *e)
{
	MDB_envinfo info;
	int rc = mdb_env_info(st->env, &info);

	if (rc == 0 && info.me_mapsize > SIZE_MAX / 2)
		rc = ENOMEM;
	if (rc == 0) {
		store_pins_detach(st); /* the map moves */
		rc = mdb_env_set_mapsize(st->env, info.me_mapsize * 2);
	}
	if (rc)
		return err_set(e, ERR_STORE, "kho dữ liệu %s đầy và không mở rộng được: %s",
		               st->path, rc > 0 ? syserr_str(rc) : mdb_strerror(rc));
	return 0;
}

int store_write(struct store *st, store_write_fn fn, void *ctx, struct err *e)
{
	if (st->flags & STORE_RDONLY)
		return err_set(e, ERR_STORE, "kho dữ liệu %s được mở chỉ để đọc", st->path);
	for (int attempt = 0;; attempt++) {
		struct txn t = {st, NULL, 1, 0, 0, {0}, NULL, NULL};
		int rc = txn_begin(st, 0, &t.txn);

		if (rc)
			return store_lmdb_err(NULL, rc, e, "bắt đầu ghi");
		st->chain_gen++; /* another process may have changed the units */
		rc = fn(&t, ctx, e);
		if (!rc) /* a unit changed: the tree image follows, in this transaction */
			rc = store_unitsnap_commit(&t, e);
		if (rc) {
			mdb_txn_abort(t.txn);
		} else if ((rc = mdb_txn_commit(t.txn)) != 0) {
			/* commit fails with MDB_MAP_FULL itself, or with another code
			 * after fn let a full map pass */
			if (rc == MDB_MAP_FULL)
				t.map_full = 1;
			if (!t.map_full || attempt >= MAX_GROWTHS)
				return store_write_err(st, rc, e, "ghi");
		} else {
			return 0;
		}
		if (!t.map_full || attempt >= MAX_GROWTHS)
			return rc;
		err_clear(e);
		if ((rc = grow_map(st, e)))
			return rc;
	}
}

/* ---- sequences and meta ------------------------------------------------ */

static int seq_key(const char *name, char *key, size_t size, struct err *e)
{
	int n = snprintf(key, size, "seq.%s", name);
	if (n < 0 || (size_t)n >= size)
		return err_set(e, ERR_INTERNAL, "tên dãy số quá dài: %s", name);
	return n;
}

static int seq_read(struct txn *t, const char *key, size_t klen, uint64_t *v, struct err *e)
{
	MDB_val val;
	int rc = store_get(t, DB_META, key, klen, &val, e);

	*v = 0;
	if (rc == MDB_NOTFOUND)
		return 0;
	if (rc)
		return rc;
	if (val.mv_size != 8)
		return err_set(e, ERR_STORE, "kho dữ liệu bị hỏng: dãy số %s không đọc được", key);
	*v = be64_get(val.mv_data);
	return 0;
}

static int seq_write(struct txn *t, const char *key, size_t klen, uint64_t v, struct err *e)
{
	unsigned char buf[8];
	be64_put(buf, v);
	return store_put(t, DB_META, key, klen, buf, 8, 0, e);
}

int store_seq_next(struct txn *t, const char *name, uint64_t *out, struct err *e)
{
	char key[64];
	int klen, rc;
	uint64_t v;

	if ((rc = store_need_write(t, e)))
		return rc;
	if ((klen = seq_key(name, key, sizeof key, e)) < 0)
		return ERR_INTERNAL;
	if ((rc = seq_read(t, key, (size_t)klen, &v, e)))
		return rc;
	if (v == UINT64_MAX)
		return err_set(e, ERR_STORE, "dãy số %s đã hết", name);
	if ((rc = seq_write(t, key, (size_t)klen, v + 1, e)))
		return rc;
	*out = v + 1;
	return 0;
}

int store_seq_peek(struct txn *t, const char *name, uint64_t *v, struct err *e)
{
	char key[64];
	int klen;

	*v = 0;
	if ((klen = seq_key(name, key, sizeof key, e)) < 0)
		return ERR_INTERNAL;
	return seq_read(t, key, (size_t)klen, v, e);
}

int store_seq_bump(struct txn *t, const char *name, uint64_t v, struct err *e)
{
	char key[64];
	int klen, rc;
	uint64_t cur;

	if ((klen = seq_key(name, key, sizeof key, e)) < 0)
		return ERR_INTERNAL;
	if ((rc = seq_read(t, key, (size_t)klen, &cur, e)))
		return rc;
	if (cur >= v)
		return 0;
	return seq_write(t, key, (size_t)klen, v, e);
}

int store_meta_get(struct txn *t, const char *key, char **out, struct err *e)
{
	MDB_val v;
	int rc;

	*out = NULL;
	if (!*key || strlen(key) > 400)
		return err_set(e, ERR_INTERNAL, "khóa meta không hợp lệ");
	rc = store_get(t, DB_META, key, strlen(key), &v, e);
	if (rc == MDB_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "không có giá trị meta %s", key);
	if (rc)
		return rc;
	*out = xstrndup(v.mv_data, v.mv_size);
	return 0;
}

int store_meta_put(struct txn *t, const char *key, const char *val, struct err *e)
{
	int rc;

	if ((rc = store_need_write(t, e)))
		return rc;
	if (!*key || strlen(key) > 400)
		return err_set(e, ERR_INTERNAL, "khóa meta không hợp lệ");
	/* a linked name (store-alias.h) is part of the unit tree */
	if (!strncmp(key, "alias.", 6) && (rc = store_units_touched(t, e)))
		return rc;
	return store_put(t, DB_META, key, strlen(key), val, strlen(val), 0, e);
}

/* ---- statistics ---------------------------------------------------------- */

static uint64_t entries(struct txn *t, enum store_db db)
{
	MDB_stat ms;
	if (mdb_stat(t->txn, t->st->dbi[db], &ms))
		return 0;
	return ms.ms_entries;
}

int store_stat(struct txn *t, struct store_stat *out, struct err *e)
{
	MDB_envinfo info;
	MDB_stat ms;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = mdb_env_info(t->st->env, &info)) || (rc = mdb_env_stat(t->st->env, &ms)))
		return store_lmdb_err(t, rc, e, "thống kê");
	out->units = entries(t, DB_UNITS);
	out->docs = entries(t, DB_DOCS);
	out->tasks = entries(t, DB_TASKS);
	out->updates = entries(t, DB_JOURNAL);
	out->audit = entries(t, DB_AUDIT);
	out->map_size = info.me_mapsize;
	out->used_bytes = ((uint64_t)info.me_last_pgno + 1) * ms.ms_psize;
	return 0;
}
