/* gen.c — the synthetic national-scale setup for benchmarks.
 *
 * Three steps: the hierarchy is drawn in memory and written as units.ini
 * with a theodoi.ini beside it; the store is created and the hierarchy
 * synchronised into it through hier_sync, as any user would; then the
 * documents and tasks are generated in batches, one write transaction per
 * batch.  A batch may run twice (the map grows): everything it changes in
 * memory is restored from a snapshot at its start.
 */
#include "gen.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"
#include "deadline.h"
#include "hier.h"
#include "model.h"
#include "store.h"
#include "timeliness.h"
#include "util.h"

#define DEFAULT_BATCH 20000L
#define PROVINCES_MAX 34
#define AGENCIES_PROVINCE 15
#define AGENCIES_DISTRICT 8
#define AGENCIES_BLOC 4
#define MAX_UPDATES 6
/* Percentages that set the overdue share (about 40% of the open dated
 * tasks): tasks done among those whose deadline passed, and periodic
 * tasks that never reported. */
#define DONE_PAST 30
#define STALE_PERIODIC 45

/* ---- PRNG (splitmix64) ---- */

struct rng {
	uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static long rng_range(struct rng *r, long lo, long hi)
{
	if (hi <= lo)
		return lo;
	return lo + (long)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

static int rng_pct(struct rng *r)
{
	return (int)(rng_next(r) % 100);
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(r, a) ((a)[rng_range((r), 0, (long)COUNT(a) - 1)])

/* ---- the hierarchy ---- */

enum gen_role { GR_CENTRE, GR_PROVINCE, GR_PAGENCY, GR_DISTRICT, GR_DAGENCY, GR_GRASS };

struct gen_unit {
	char code[CODE_LEN];
	char *name;
	uint32_t id;        /* store id, after the sync */
	int32_t parent;     /* index, -1 for the root */
	int16_t province;   /* index of its province, -1 for the centre */
	uint8_t kind;       /* enum unit_kind */
	uint8_t role;       /* enum gen_role */
};

struct gen_district {
	int unit;           /* index of the committee */
	int province;
	int agencies, nagencies;
	int grass, ngrass;
};

struct gen_province {
	int unit;
	int agencies;       /* AGENCIES_PROVINCE of them */
	int districts, ndistricts; /* range in the district array */
};

struct hierarchy {
	struct gen_unit *u;
	int n, cap;
	struct gen_province p[PROVINCES_MAX];
	int np;
	struct gen_district *d;
	int nd, capd;
};

static const char *const first_syll[] = {
	"An", "Bình", "Đông", "Hòa", "Kim", "Long", "Minh", "Ninh", "Phú", "Quảng", "Sơn",
	"Tân", "Thanh", "Vĩnh", "Hải", "Lạc", "Nam", "Bắc", "Trung", "Hưng", "Phước", "Tây",
	"Gia", "Yên", "Hà", "Cẩm", "Đức", "Lâm", "Thái", "Xuân", "Mỹ", "Quế", "Hoàng", "Diên",
	"Cao", "Lương", "Thạch", "Vạn", "Tiên", "Bảo",
};
static const char *const second_syll[] = {
	"Giang", "Hà", "Sơn", "Lâm", "Phú", "Bình", "Thạnh", "Hòa", "Điền", "Xuyên", "Lộc",
	"Thủy", "Khánh", "Định", "Thành", "Đông", "Lợi", "Phong", "Mỹ", "Trạch", "Yên", "Hưng",
	"Ninh", "Tiến", "Quang", "Lạc", "An", "Trung", "Đức", "Linh", "Thịnh", "Tường", "Nguyên",
};

/* An invented place name: two syllables drawn from the lists. */
static void place_name(struct rng *r, char *buf, size_t len)
{
	const char *a = PICK(r, first_syll), *b = PICK(r, second_syll);
	if (!strcmp(a, b))
		b = "Xuân";
	snprintf(buf, len, "%s %s", a, b);
}

static const struct {
	const char *name;
	uint8_t kind;
} province_agencies[AGENCIES_PROVINCE] = {
	{"Ban Tổ chức %s", UK_BAN}, {"Ban Tuyên giáo %s", UK_BAN},
	{"Ủy ban Kiểm tra %s", UK_BAN}, {"Ban Dân vận %s", UK_BAN},
	{"Ban Nội chính %s", UK_BAN}, {"Văn phòng %s", UK_BAN},
	{"Trường Chính trị %s", UK_CO_QUAN}, {"Đảng đoàn Hội đồng nhân dân %s", UK_CO_QUAN},
	{"Ban cán sự đảng Ủy ban nhân dân %s", UK_CO_QUAN},
	{"Đảng đoàn Ủy ban MTTQ Việt Nam %s", UK_TO_CHUC}, {"Đoàn Thanh niên %s", UK_TO_CHUC},
	{"Hội Liên hiệp Phụ nữ %s", UK_TO_CHUC}, {"Hội Nông dân %s", UK_TO_CHUC},
	{"Hội Cựu chiến binh %s", UK_TO_CHUC}, {"Liên đoàn Lao động %s", UK_TO_CHUC},
};
static const char *const district_agencies[AGENCIES_DISTRICT] = {
	"Ban Tổ chức %s", "Ban Tuyên giáo %s", "Ủy ban Kiểm tra %s", "Văn phòng %s",
	"Ban Dân vận %s", "Trung tâm Chính trị %s", "Ủy ban nhân dân %s",
	"Ủy ban MTTQ Việt Nam %s",
};

static int add_unit(struct hierarchy *h, int parent, uint8_t kind, uint8_t role,
                    const char *code, const char *name)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 1024;
		h->u = xrealloc(h->u, (size_t)h->cap * sizeof *h->u);
	}
	struct gen_unit *u = &h->u[h->n];
	memset(u, 0, sizeof *u);
	str_copy(u->code, code, sizeof u->code);
	u->name = xstrdup(name);
	u->parent = parent;
	u->province = (int16_t)(h->np - 1);
	u->kind = kind;
	u->role = role;
	return h->n++;
}

/* Shape: how many provinces, districts per province and grassroots units
 * per district to come near `units` in total. */
struct shape {
	int provinces;
	int districts;  /* mean per province */
	int grass;      /* mean per district */
};

static struct shape shape_for(long units)
{
	struct shape s = {PROVINCES_MAX, 15, 30};
	long per_province = 1 + AGENCIES_PROVINCE + 15L * (1 + AGENCIES_DISTRICT + 30);
	long p = (units + per_province / 2) / per_province;

	if (p >= PROVINCES_MAX) {
		long g = ((units / PROVINCES_MAX) - 1 - AGENCIES_PROVINCE) / 15 - 1 - AGENCIES_DISTRICT;
		s.grass = (int)(g < 30 ? 30 : g);
		return s;
	}
	s.provinces = p < 1 ? 1 : (int)p;
	if (p < 1) {
		long d = (units - 1 - 1 - AGENCIES_PROVINCE) / (1 + AGENCIES_DISTRICT + 30);
		s.districts = d < 1 ? 1 : (int)d;
		long g = (units - 2 - AGENCIES_PROVINCE) / s.districts - 1 - AGENCIES_DISTRICT;
		s.grass = g < 2 ? 2 : g > 30 ? 30 : (int)g;
	}
	return s;
}

static void gen_district(struct hierarchy *h, struct rng *r, int pi, int di, int ngrass)
{
	struct gen_province *p = &h->p[pi];
	const char *pname = strchr(h->u[p->unit].name, ' ') + 1; /* after "Tỉnh" */
	char code[64], name[200], place[64], committee[128];
	uint8_t kind;
	int nag = AGENCIES_DISTRICT;

	pname = strchr(pname, ' ') + 1; /* after "ủy" */
	place_name(r, place, sizeof place);
	if (di == 0) {
		kind = UK_THANH_UY;
		snprintf(committee, sizeof committee, "Thành ủy %s", place);
	} else if (di == 1 && p->ndistricts > 4) {
		kind = UK_DANG_UY_KHOI;
		snprintf(committee, sizeof committee, "Đảng ủy Khối các cơ quan tỉnh %s", pname);
		nag = AGENCIES_BLOC;
	} else if (di % 7 == 3) {
		kind = UK_THANH_UY;
		snprintf(committee, sizeof committee, "Thị ủy %s", place);
	} else {
		kind = UK_HUYEN_UY;
		snprintf(committee, sizeof committee, "Huyện ủy %s", place);
	}
	if (h->nd == h->capd) {
		h->capd = h->capd ? h->capd * 2 : 256;
		h->d = xrealloc(h->d, (size_t)h->capd * sizeof *h->d);
	}
	struct gen_district *d = &h->d[h->nd++];
	snprintf(code, sizeof code, "%s-d%02d", h->u[p->unit].code, di + 1);
	d->province = pi;
	d->unit = add_unit(h, p->unit, kind, GR_DISTRICT, code, committee);
	d->agencies = h->n;
	d->nagencies = nag;
	for (int k = 0; k < nag; k++) {
		char acode[96];
		snprintf(acode, sizeof acode, "%s-a%02d", code, k + 1);
		if (k < 6 || kind == UK_DANG_UY_KHOI)
			snprintf(name, sizeof name, district_agencies[k], committee);
		else /* the people's committee and the front are the place's */
			snprintf(name, sizeof name, district_agencies[k],
			         kind == UK_HUYEN_UY ? "huyện" : "thành phố");
		if (k >= 6)
			snprintf(name + strlen(name), sizeof name - strlen(name), " %s", place);
		add_unit(h, d->unit, k < 5 ? UK_BAN : UK_CO_QUAN, GR_DAGENCY, acode, name);
	}
	d->grass = h->n;
	d->ngrass = ngrass;
	for (int k = 0; k < ngrass; k++) {
		char gcode[96], gplace[64];
		int x = rng_pct(r);
		uint8_t gk = UK_DANG_UY_CO_SO;
		place_name(r, gplace, sizeof gplace);
		snprintf(gcode, sizeof gcode, "%s-c%02d", code, k + 1);
		if (kind == UK_DANG_UY_KHOI) {
			snprintf(name, sizeof name, x < 50 ? "Đảng ủy Sở %s" : "Chi bộ Sở %s", gplace);
			gk = x < 50 ? UK_DANG_UY_CO_SO : UK_CHI_BO;
		} else if (x < 65) {
			snprintf(name, sizeof name, "Đảng ủy xã %s", gplace);
		} else if (x < 85) {
			snprintf(name, sizeof name, "Đảng ủy phường %s", gplace);
		} else {
			snprintf(name, sizeof name, "Chi bộ Trường Trung học phổ thông %s", gplace);
			gk = UK_CHI_BO;
		}
		add_unit(h, d->unit, gk, GR_GRASS, gcode, name);
	}
}

static void gen_hierarchy(struct hierarchy *h, struct rng *r, long units)
{
	struct shape s = shape_for(units);
	char code[64], name[200], place[64], committee[128];

	add_unit(h, -1, UK_TRUNG_UONG, GR_CENTRE, "tw", "Ban Chấp hành Trung ương");
	for (int pi = 0; pi < s.provinces; pi++) {
		struct gen_province *p = &h->p[pi];
		h->np = pi + 1;
		int city = pi % 6 == 0;
		place_name(r, place, sizeof place);
		snprintf(code, sizeof code, "p%02d", pi + 1);
		snprintf(committee, sizeof committee, "%s %s", city ? "Thành ủy" : "Tỉnh ủy", place);
		p->unit = add_unit(h, 0, UK_TINH_UY, GR_PROVINCE, code, committee);
		p->agencies = h->n;
		for (int k = 0; k < AGENCIES_PROVINCE; k++) {
			char acode[96];
			const char *of = k < 7 ? committee : city ? "thành phố" : "tỉnh";
			snprintf(acode, sizeof acode, "%s-a%02d", code, k + 1);
			snprintf(name, sizeof name, province_agencies[k].name, of);
			if (k >= 7)
				snprintf(name + strlen(name), sizeof name - strlen(name), " %s", place);
			add_unit(h, p->unit, province_agencies[k].kind, GR_PAGENCY, acode, name);
		}
		int nd = (int)rng_range(r, s.districts - s.districts / 3, s.districts + s.districts / 3);
		p->districts = h->nd;
		p->ndistricts = nd < 1 ? 1 : nd;
		for (int di = 0; di < p->ndistricts; di++)
			gen_district(h, r, pi, di,
			             (int)rng_range(r, s.grass - s.grass / 3, s.grass + s.grass / 3));
	}
}

static void free_hierarchy(struct hierarchy *h)
{
	for (int i = 0; i < h->n; i++)
		free(h->u[i].name);
	free(h->u);
	free(h->d);
	memset(h, 0, sizeof *h);
}

/* ---- the files ---- */

static int write_units_ini(const char *path, const struct hierarchy *h, struct err *e)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return err_at(e, ERR_IO, path, 0, "không tạo được tệp: %s", strerror(errno));
	fprintf(f, "; units.ini — synthetic hierarchy written by `theodoi gen` for benchmarks.\n"
	           "; %d units; every name is invented.\n",
	        h->n);
	for (int i = 0; i < h->n; i++) {
		const struct gen_unit *u = &h->u[i];
		fprintf(f, "\n[%s]\nname = %s\nkind = %s\n", u->code, u->name,
		        unit_kind_key((enum unit_kind)u->kind));
		if (u->parent >= 0)
			fprintf(f, "parent = %s\n", h->u[u->parent].code);
	}
	if (fclose(f) != 0)
		return err_at(e, ERR_IO, path, 0, "không ghi được tệp: %s", strerror(errno));
	return 0;
}

static int write_theodoi_ini(const char *path, const struct hierarchy *h, long ntasks,
                             unsigned long seed, struct err *e)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return err_at(e, ERR_IO, path, 0, "không tạo được tệp: %s", strerror(errno));
	fprintf(f,
	        "; theodoi.ini — benchmark setup written by `theodoi gen`\n"
	        "; (%ld tasks, seed %lu).  See theodoi.ini(5).\n\n"
	        "[store]\npath = store\n\n"
	        "[paths]\nunits = units.ini\n\n"
	        "[tracking]\nreport_months = 12\ndue_soon_days = 14\n\n"
	        "[users]\nroot = tw, admin\n",
	        ntasks, seed);
	/* One editor in the office of each province. */
	for (int pi = 0; pi < h->np; pi++)
		fprintf(f, "vp%02d = %s, editor\n", pi + 1, h->u[h->p[pi].agencies + 5].code);
	if (fclose(f) != 0)
		return err_at(e, ERR_IO, path, 0, "không ghi được tệp: %s", strerror(errno));
	return 0;
}

static int prepare_dir(const char *dir, struct err *e)
{
	static const char *const taken[] = {"theodoi.ini", "units.ini", "store"};
	char path[PATH_MAX];
	struct stat sb;

	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return err_at(e, ERR_IO, dir, 0, "không tạo được thư mục: %s", strerror(errno));
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return err_at(e, ERR_IO, dir, 0, "không phải là thư mục");
	for (size_t i = 0; i < COUNT(taken); i++) {
		snprintf(path, sizeof path, "%s/%s", dir, taken[i]);
		if (stat(path, &sb) == 0)
			return err_at(e, ERR_CONFLICT, path, 0,
			              "đã tồn tại: chọn một thư mục mới cho bộ dữ liệu sinh ra");
	}
	return 0;
}

/* ---- documents and tasks ---- */

static const char *const verbs[] = {
	"Tổ chức quán triệt, tuyên truyền", "Rà soát, kiện toàn", "Xây dựng và ban hành",
	"Kiểm tra, giám sát việc thực hiện", "Tham mưu sơ kết, đánh giá",
	"Đẩy mạnh ứng dụng công nghệ thông tin trong", "Nâng cao chất lượng",
	"Đổi mới nội dung, phương thức", "Chỉ đạo triển khai", "Tổng hợp, báo cáo kết quả",
	"Hướng dẫn các tổ chức cơ sở đảng thực hiện", "Chủ trì, phối hợp triển khai",
};
static const char *const objects[] = {
	"công tác cán bộ ở cơ sở", "quy chế làm việc của cấp ủy",
	"thủ tục hành chính trên môi trường điện tử", "sinh hoạt chi bộ",
	"công tác phát triển đảng viên", "hệ thống quản lý văn bản và điều hành",
	"công tác dân vận của chính quyền", "công tác phòng, chống tham nhũng, tiêu cực",
	"dữ liệu đảng viên", "tổ chức bộ máy các cơ quan tham mưu, giúp việc",
	"công tác kiểm tra, giám sát của cấp ủy", "chuyển đổi số trong các cơ quan đảng",
	"đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên",
	"dịch vụ công trực tuyến toàn trình", "công tác bảo vệ chính trị nội bộ",
	"quy hoạch, đào tạo, bồi dưỡng cán bộ", "thực hiện dân chủ ở cơ sở",
};
static const char *const tails[] = {
	"gắn với nhiệm vụ chính trị của địa phương", "bảo đảm đúng quy định",
	"theo hướng tinh gọn, hoạt động hiệu lực, hiệu quả", "phù hợp với tình hình thực tế",
	"báo cáo kết quả về cấp ủy cấp trên", "khắc phục hạn chế đã được chỉ ra",
	"bảo đảm thiết thực, tránh hình thức", "lấy ý kiến Nhân dân trước khi ban hành",
};
static const char *const topics[] = {
	"xây dựng, chỉnh đốn Đảng và hệ thống chính trị", "chuyển đổi số",
	"cải cách hành chính", "công tác cán bộ", "công tác kiểm tra, giám sát",
	"công tác dân vận", "phòng, chống tham nhũng, lãng phí",
};
static const char *const notes[] = {
	"Đã ban hành kế hoạch triển khai", "Đang tổng hợp báo cáo", "Đã tổ chức hội nghị",
	"Đang lấy ý kiến các cơ quan phối hợp", "Đã hoàn thành dự thảo", "Đã báo cáo cấp ủy",
	"Chậm do chờ hướng dẫn", "Đã kiểm tra tại cơ sở",
};
static const char *const authorities[] = {
	"Trung ương", "Tỉnh ủy", "Ban Tổ chức Trung ương", "Ủy ban nhân dân tỉnh",
};

/* The generator's moving state: everything a batch changes in memory. */
struct cursor {
	struct rng rng;
	long tasks;          /* tasks written */
	long updates;
	long docs;
	long doc_left;       /* tasks still to write in the current document */
	uint64_t doc_id;
	int issuer;          /* unit index of the current document's issuer */
	int issuer_level;    /* 0 centre, 1 province, 2 district */
	int scope;           /* province or district index of the issuer */
	int lead;            /* unit index of the task being made */
	date_t doc_date;
	char doc_number[DOCNUM_LEN];
	uint32_t tw_docs;    /* numbers issued at the centre, and per province */
	uint32_t prov_docs[PROVINCES_MAX];
	char prov_last[PROVINCES_MAX][DOCNUM_LEN]; /* latest number of each province */
};

struct gen {
	struct hierarchy h;
	struct periods periods;
	date_t today;
	long ntasks, batch_end;
	struct cursor cur, saved;
	struct sbuf text, phrase;
};

static const char *issuer_suffix(const struct gen_unit *u)
{
	switch (u->kind) {
	case UK_TRUNG_UONG: return "TW";
	case UK_TINH_UY: return "TU";
	case UK_HUYEN_UY: return "HU";
	case UK_DANG_UY_KHOI: return "ĐUK";
	default: return "ThU";
	}
}

static int new_doc(struct gen *g, struct txn *t, struct err *e)
{
	struct cursor *c = &g->cur;
	struct doc d = {0};
	int x = rng_pct(&c->rng), rc;
	const struct gen_unit *iu;
	char title[320], implements[2][DOCNUM_LEN];

	if (x < 2) {
		c->issuer_level = 0;
		c->issuer = 0;
	} else if (x < 30) {
		c->issuer_level = 1;
		c->scope = (int)rng_range(&c->rng, 0, g->h.np - 1);
		c->issuer = g->h.p[c->scope].unit;
	} else {
		c->issuer_level = 2;
		c->scope = (int)rng_range(&c->rng, 0, g->h.nd - 1);
		c->issuer = g->h.d[c->scope].unit;
	}
	iu = &g->h.u[c->issuer];
	c->doc_date = g->today - (date_t)rng_range(&c->rng, 20, 900);
	c->doc_left = rng_range(&c->rng, 10, 90);
	d.nimplements = 0;
	if (c->issuer_level == 0) {
		c->tw_docs++;
		snprintf(d.number, sizeof d.number, "%u-KH/TW", c->tw_docs % 99 + 1);
		str_copy(d.kind, "KH", sizeof d.kind);
	} else {
		int pi = c->issuer_level == 1 ? c->scope : g->h.d[c->scope].province;
		const char *kind = x % 5 == 0 ? "CTr" : "KH";
		uint32_t no;
		no = ++c->prov_docs[pi] % 150 + 1;
		snprintf(d.number, sizeof d.number, "%u-%s/%s", no, kind, issuer_suffix(iu));
		str_copy(d.kind, kind, sizeof d.kind);
		snprintf(implements[0], DOCNUM_LEN, "%u-NQ/TW", (unsigned)rng_range(&c->rng, 1, 60));
		d.nimplements = 1;
		if (c->issuer_level == 2 && c->prov_last[pi][0]) {
			str_copy(implements[1], c->prov_last[pi], DOCNUM_LEN);
			d.nimplements = 2;
		}
		if (c->issuer_level == 1)
			str_copy(c->prov_last[pi], d.number, DOCNUM_LEN);
		d.implements = implements;
	}
	str_copy(c->doc_number, d.number, sizeof c->doc_number);
	d.date = c->doc_date;
	snprintf(title, sizeof title, "%s thực hiện nghị quyết của cấp trên về %s",
	         d.kind[0] == 'C' ? "Chương trình hành động" : "Kế hoạch", PICK(&c->rng, topics));
	d.title = title;
	d.issuer = iu->id;
	d.issuer_text = (char *)"Ban Thường vụ";
	d.signer = (char *)"Nguyễn Văn An";
	d.signer_role = (char *)"BÍ THƯ";
	d.plan_due = c->issuer_level < 2 && x % 2 ? c->doc_date + (date_t)rng_range(&c->rng, 60, 150)
	                                          : DATE_NONE;
	d.created = (int64_t)d.date * 86400 + 3600;
	rc = store_doc_put(t, &d, e);
	c->doc_id = d.id;
	c->docs++;
	return rc;
}

/* A lead for the current document's next task: one of the units below
 * its issuer. */
static int pick_lead(struct gen *g)
{
	struct cursor *c = &g->cur;
	const struct hierarchy *h = &g->h;
	int x = rng_pct(&c->rng);

	if (c->issuer_level == 0) {
		const struct gen_province *p = &h->p[rng_range(&c->rng, 0, h->np - 1)];
		return x < 40 ? p->unit : p->agencies + (int)rng_range(&c->rng, 0, 5);
	}
	if (c->issuer_level == 1) {
		const struct gen_province *p = &h->p[c->scope];
		const struct gen_district *d = &h->d[p->districts +
		                                     rng_range(&c->rng, 0, p->ndistricts - 1)];
		if (x < 45)
			return p->agencies + (int)rng_range(&c->rng, 0, AGENCIES_PROVINCE - 1);
		if (x < 65)
			return d->unit;
		return d->agencies + (int)rng_range(&c->rng, 0, d->nagencies - 1);
	}
	const struct gen_district *d = &h->d[c->scope];
	if (x < 40 || d->ngrass == 0)
		return d->agencies + (int)rng_range(&c->rng, 0, d->nagencies - 1);
	return d->grass + (int)rng_range(&c->rng, 0, d->ngrass - 1);
}

/* A deadline phrase as plans write them, for a task of a document issued
 * on doc_date. */
static void make_phrase(struct gen *g, struct sbuf *b)
{
	struct cursor *c = &g->cur;
	date_t target = c->doc_date + (date_t)rng_range(&c->rng, 20, 540);
	int y, m, d, x = rng_pct(&c->rng);
	char day[11];

	date_split(target, &y, &m, &d);
	sbuf_reset(b);
	if (x < 12)
		sbuf_printf(b, "hoàn thành trong năm %d", y);
	else if (x < 26)
		sbuf_printf(b, "hoàn thành trong quý %s/%d",
		            (const char *[]){"I", "II", "III", "IV"}[(m - 1) / 3], y);
	else if (x < 36)
		sbuf_printf(b, "hoàn thành trong tháng %02d/%d", m, y);
	else if (x < 48)
		sbuf_printf(b, "trước ngày %s", date_vn(target, day));
	else if (x < 54) {
		int y0;
		date_split(c->doc_date, &y0, &m, &d);
		sbuf_printf(b, "thực hiện từ năm %d - %d", y0, y0 + (int)rng_range(&c->rng, 1, 3));
	} else if (x < 56) {
		int y2, m2, d2;
		date_split(target + 40, &y2, &m2, &d2);
		sbuf_printf(b, "cấp tỉnh hoàn thành trong tháng %02d/%d; cấp huyện hoàn thành trong "
		               "tháng %02d/%d; cấp cơ sở hoàn thành trước ngày %s",
		            m, y, m2, y2, date_vn(target + 75, day));
	} else if (x < 72)
		sbuf_puts(b, PICK(&c->rng, ((const char *[]){"thực hiện thường xuyên", "thường xuyên",
		                                             "tuyên truyền thường xuyên",
		                                             "thường xuyên, liên tục"})));
	else if (x < 77) {
		date_split(c->doc_date, &y, &m, &d);
		sbuf_printf(b, "thực hiện từ năm %d", y);
	} else if (x < 84)
		sbuf_puts(b, x % 2 ? "vào tháng 12 hằng năm" : "thực hiện hằng năm");
	else if (x < 86)
		sbuf_puts(b, "theo nhiệm kỳ");
	else if (x < 89)
		sbuf_printf(b, "theo yêu cầu của %s", PICK(&c->rng, authorities));
	else if (x < 93)
		sbuf_printf(b, "sau khi có hướng dẫn của %s (năm %d)", PICK(&c->rng, authorities),
		            y);
	else if (x < 96)
		sbuf_printf(b, "thực hiện theo Kế hoạch số %d-KH/TU ngày %s",
		            (int)rng_range(&c->rng, 1, 200), date_vn(c->doc_date - 60, day));
	else if (x < 98)
		sbuf_puts(b, "thực hiện theo lộ trình");
	/* else: no deadline stated */
}

/* A task's status and its updates (kept in ups[], at most MAX_UPDATES;
 * task ids are filled in when written).  Returns the number of updates. */
static int task_history(struct gen *g, struct task *tk, struct update *ups)
{
	struct cursor *c = &g->cur;
	date_t due = dl_due(&tk->dl);
	date_t a = tk->start + (date_t)rng_range(&c->rng, 3, 30), b = g->today - 1, done = DATE_NONE;
	int x = rng_pct(&c->rng), n = 0, final = 0, status = ST_IN_PROGRESS;
	int province = g->h.u[g->cur.lead].province;

	if (a > b)
		a = b;
	if (dl_is_periodic(&tk->dl)) {
		if (x < STALE_PERIODIC)
			status = ST_NOT_STARTED; /* never reported: late once a period ends */
		else
			n = (int)rng_range(&c->rng, 1, MAX_UPDATES), a = a + (b - a) / 2;
	} else if (due != DATE_NONE && due < g->today) {
		if (x < DONE_PAST) {
			done = x < DONE_PAST * 4 / 5 ? due - (date_t)rng_range(&c->rng, 0, 40)
			                             : due + (date_t)rng_range(&c->rng, 1, 60);
			status = ST_DONE;
		} else if (x < DONE_PAST + 1) {
			status = ST_ON_HOLD;
		} else if (x < DONE_PAST + 4 && due > g->today - 60) {
			tk->extended_to = g->today + (date_t)rng_range(&c->rng, 10, 120);
		} else if (x < DONE_PAST + 25) {
			status = ST_NOT_STARTED;
		}
	} else if (due != DATE_NONE) {
		if (x < 10) {
			done = g->today - (date_t)rng_range(&c->rng, 1, 60);
			status = ST_DONE;
		} else if (x < 11) {
			status = ST_ON_HOLD;
		} else if (x < 45) {
			status = ST_NOT_STARTED;
		}
	} else if (x < 25) {
		status = ST_NOT_STARTED;
	} else if (x < 35) {
		done = g->today - (date_t)rng_range(&c->rng, 1, 200);
		status = ST_DONE;
	}
	if (done != DATE_NONE) {
		if (done <= a)
			done = a + 1;
		if (done > b)
			done = b;
		b = done;
	}
	if (status != ST_NOT_STARTED && n == 0)
		n = (int)rng_range(&c->rng, status == ST_DONE ? 2 : 1, 5);
	if (status == ST_IN_PROGRESS)
		final = (int)rng_range(&c->rng, 10, 90);
	if (b < a)
		a = b;
	for (int i = 0; i < n; i++) {
		struct update *u = &ups[i];
		int last = i == n - 1;
		memset(u, 0, sizeof *u);
		u->day = a + (date_t)((long)(b - a) * (i + 1) / n);
		u->time = (int64_t)u->day * 86400 + 3600 + rng_range(&c->rng, 0, 8 * 3600);
		if (province < 0)
			str_copy(u->login, "root", sizeof u->login);
		else
			snprintf(u->login, sizeof u->login, "vp%02d", province + 1);
		u->note = (char *)PICK(&c->rng, notes);
		u->progress = -1;
		u->status_before = u->status_after = -1;
		if (i == 0) {
			u->status_before = ST_NOT_STARTED;
			u->status_after = ST_IN_PROGRESS;
		}
		if (last && status != ST_IN_PROGRESS) {
			u->status_before = (int8_t)(i == 0 ? ST_NOT_STARTED : ST_IN_PROGRESS);
			u->status_after = (int8_t)status;
		}
		if (status == ST_DONE && last)
			u->progress = 100;
		else if (final)
			u->progress = (int8_t)(final * (i + 1) / n);
		if (u->progress >= 0)
			tk->progress = (uint8_t)u->progress;
		tk->last_update = u->day;
	}
	tk->status = (uint8_t)status;
	tk->nupdates = (uint32_t)n;
	tk->done_date = status == ST_DONE ? b : DATE_NONE;
	return n;
}

static int one_task(struct gen *g, struct txn *t, struct err *e)
{
	struct cursor *c = &g->cur;
	struct task tk;
	struct update ups[MAX_UPDATES];
	uint32_t partner;
	int rc, n;

	if (c->doc_left == 0 && (rc = new_doc(g, t, e)))
		return rc;
	memset(&tk, 0, sizeof tk);
	c->lead = pick_lead(g);
	tk.doc_id = c->doc_id;
	snprintf(tk.section, sizeof tk.section, "III.%d#%ld", (int)rng_range(&c->rng, 1, 3),
	         c->doc_left);
	tk.lead = g->h.u[c->lead].id;
	if (rng_pct(&c->rng) < 25) {
		partner = g->h.u[pick_lead(g)].id;
		if (partner != tk.lead) {
			tk.partners = &partner;
			tk.npartners = 1;
		}
	}
	sbuf_reset(&g->text);
	sbuf_printf(&g->text, "%s %s, %s.", PICK(&c->rng, verbs), PICK(&c->rng, objects),
	            PICK(&c->rng, tails));
	tk.text = g->text.s;
	make_phrase(g, &g->phrase);
	tk.dl_phrase = g->phrase.len ? g->phrase.s : NULL;
	if (!tk.dl_phrase || !dl_parse(tk.dl_phrase, &tk.dl))
		dl_init(&tk.dl);
	tk.start = c->doc_date;
	tk.extended_to = tk.last_update = tk.done_date = DATE_NONE;
	tk.created = (int64_t)c->doc_date * 86400 + 7200;
	n = task_history(g, &tk, ups);
	tk.due = tl_effective_due(&tk.dl, tk.extended_to, tk.start, tk.last_update, &g->periods);
	if ((rc = store_task_put(t, &tk, e)))
		return rc;
	for (int i = 0; i < n; i++) {
		ups[i].task_id = tk.id;
		if ((rc = store_update_add(t, &ups[i], e)))
			return rc;
	}
	if (tk.extended_to != DATE_NONE) {
		struct extension x = {0};
		x.task_id = tk.id;
		x.time = (int64_t)(g->today - 30) * 86400 + 7200;
		str_copy(x.login, "root", sizeof x.login);
		x.from = dl_due(&tk.dl);
		x.to = tk.extended_to;
		x.reason = (char *)"Chờ hướng dẫn của cấp trên";
		if ((rc = store_extension_add(t, &x, e)))
			return rc;
	}
	c->updates += n;
	c->doc_left--;
	c->tasks++;
	return 0;
}

static int write_batch(struct txn *t, void *ctx, struct err *e)
{
	struct gen *g = ctx;
	g->cur = g->saved; /* a rerun after the map grew starts afresh */
	while (g->cur.tasks < g->batch_end) {
		int rc = one_task(g, t, e);
		if (rc)
			return rc;
	}
	return 0;
}
/* ---- the build ---- */

static void report(const struct gen_opts *o, const char *phase, long done, long total)
{
	if (o && o->progress)
		o->progress(o->progress_ctx, phase, done, total);
}

/* Store ids of the generated units, after the sync. */
static int map_ids(struct store *st, struct hierarchy *h, struct err *e)
{
	struct txn *t;
	int rc = store_read_begin(st, &t, e);
	for (int i = 0; !rc && i < h->n; i++) {
		struct unit u = {0};
		rc = store_unit_by_code(t, h->u[i].code, &u, e);
		h->u[i].id = u.id;
		unit_free(&u);
	}
	if (!rc)
		store_read_end(t);
	else
		store_read_end(t);
	return rc;
}

static int stamp_fn(struct txn *t, void *ctx, struct err *e)
{
	return store_meta_put(t, "generated", ctx, e);
}

/* Reopen with fsync and commit one small record: LMDB's commit then
 * flushes the whole data file, making the bulk load durable. */
static int make_durable(const char *path, const char *stamp, struct gen_stats *s,
                        struct err *e)
{
	struct store *st;
	struct txn *t;
	struct store_stat ss;
	int rc = store_open(path, 0, &st, e);
	if (rc)
		return rc;
	rc = store_write(st, stamp_fn, (void *)stamp, e);
	if (!rc && !(rc = store_read_begin(st, &t, e))) {
		rc = store_stat(t, &ss, e);
		s->store_bytes = ss.used_bytes;
		store_read_end(t);
	}
	store_close(st);
	return rc;
}

static int count_due(struct store *st, date_t today, int soon, struct gen_stats *s,
                     struct err *e)
{
	struct txn *t;
	struct store_counts sc;
	int rc = store_read_begin(st, &t, e);
	if (rc)
		return rc;
	rc = store_unit_counts(t, 0, today, soon, &sc, e);
	if (!rc)
		rc = store_count(t, 0, DATE_NONE, STORE_SLOT_NODUE - 1, &s->open_dated, e);
	s->overdue = sc.overdue;
	store_read_end(t);
	return rc;
}

static int load_store(struct gen *g, const char *dir, const struct gen_opts *o,
                      struct gen_stats *s, struct err *e)
{
	char ini[PATH_MAX], path[PATH_MAX], stamp[128];
	struct config cfg;
	struct store *st = NULL;
	long batch = o && o->batch > 0 ? o->batch : DEFAULT_BATCH;
	int rc;

	memset(&cfg, 0, sizeof cfg);
	snprintf(ini, sizeof ini, "%s/theodoi.ini", dir);
	snprintf(path, sizeof path, "%s/store", dir);
	if ((rc = cfg_load(ini, &cfg, e)))
		goto out;
	g->periods = cfg.periods;
	if ((rc = store_open(path, STORE_CREATE | STORE_NOSYNC, &st, e)))
		goto out;
	report(o, "đơn vị", 0, g->h.n);
	if ((rc = hier_sync(st, &cfg, "root", NULL, e)) || (rc = map_ids(st, &g->h, e)))
		goto out;
	report(o, "đơn vị", g->h.n, g->h.n);
	while (g->cur.tasks < g->ntasks) {
		g->batch_end = g->cur.tasks + batch < g->ntasks ? g->cur.tasks + batch : g->ntasks;
		g->saved = g->cur;
		if ((rc = store_write(st, write_batch, g, e)))
			goto out;
		report(o, "nhiệm vụ", g->cur.tasks, g->ntasks);
	}
	if ((rc = count_due(st, g->today, cfg.soon_days, s, e)))
		goto out;
	store_close(st);
	st = NULL;
	snprintf(stamp, sizeof stamp, "tasks=%ld units=%d docs=%ld updates=%ld", g->cur.tasks,
	         g->h.n, g->cur.docs, g->cur.updates);
	rc = make_durable(path, stamp, s, e);
out:
	if (st)
		store_close(st);
	cfg_free(&cfg);
	return rc;
}

int gen_build(const char *dir, long ntasks, unsigned long seed, const struct gen_opts *opts,
              struct gen_stats *out, struct err *e)
{
	struct gen g;
	struct gen_stats s;
	struct rng shape_rng;
	long units = opts && opts->units ? opts->units : GEN_DEFAULT_UNITS;
	char path[PATH_MAX];
	int rc;

	if (ntasks < 1 || ntasks > GEN_MAX_TASKS)
		return err_set(e, ERR_USAGE, "số nhiệm vụ phải từ 1 đến %ld, không phải %ld",
		               GEN_MAX_TASKS, ntasks);
	if (units < 1 || units > GEN_MAX_UNITS)
		return err_set(e, ERR_USAGE, "số đơn vị phải từ 1 đến %ld, không phải %ld",
		               GEN_MAX_UNITS, units);
	if ((rc = prepare_dir(dir, e)))
		return rc;
	memset(&g, 0, sizeof g);
	memset(&s, 0, sizeof s);
	g.ntasks = ntasks;
	g.today = opts && opts->today != DATE_NONE ? opts->today : date_today();
	g.periods.months = 1u << 11;
	shape_rng.s = (uint64_t)seed * 0x2545F4914F6CDD1Dull + 1;
	g.cur.rng.s = (uint64_t)seed ^ 0x6765, rng_next(&g.cur.rng);
	gen_hierarchy(&g.h, &shape_rng, units);

	snprintf(path, sizeof path, "%s/units.ini", dir);
	if ((rc = write_units_ini(path, &g.h, e)))
		goto out;
	snprintf(path, sizeof path, "%s/theodoi.ini", dir);
	if ((rc = write_theodoi_ini(path, &g.h, ntasks, seed, e)))
		goto out;
	if ((rc = load_store(&g, dir, opts, &s, e)))
		goto out;
	s.units = g.h.n;
	s.docs = g.cur.docs;
	s.tasks = g.cur.tasks;
	s.updates = g.cur.updates;
	if (out)
		*out = s;
out:
	free_hierarchy(&g.h);
	sbuf_free(&g.text);
	sbuf_free(&g.phrase);
	return rc;
}
