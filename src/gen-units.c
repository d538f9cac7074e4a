/* gen-units.c — the invented national hierarchy of a benchmark setup:
 * the centre, up to 34 provinces with their agencies, district, town and
 * bloc committees with theirs, and grassroots units; written out as
 * units.ini with the theodoi.ini that points at it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen-internal.h"
#include "syserr.h"
#include "util.h"

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
	const char *a = RNG_PICK(r, first_syll), *b = RNG_PICK(r, second_syll);
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

void gen_hierarchy(struct hierarchy *h, struct rng *r, long units)
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

void gen_free_hierarchy(struct hierarchy *h)
{
	for (int i = 0; i < h->n; i++)
		free(h->u[i].name);
	free(h->u);
	free(h->d);
	memset(h, 0, sizeof *h);
}

static const char *const families[] = {
	"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
	"Lý", "Phan", "Võ", "Trương",
};
static const char *const middles[] = {
	"Văn", "Thị", "Minh", "Quốc", "Hữu", "Thanh", "Đức", "Ngọc", "Xuân", "Thu",
};
static const char *const givens[] = {
	"An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hùng", "Lan", "Long", "Mai", "Nam",
	"Phong", "Quang", "Sơn", "Thảo", "Trung", "Tuấn", "Vân", "Yến", "Khoa", "Nhung",
};

void gen_person_name(struct rng *r, char *buf, size_t len)
{
	const char *f = RNG_PICK(r, families), *m = RNG_PICK(r, middles);
	snprintf(buf, len, "%s %s %s", f, m, RNG_PICK(r, givens));
}

/* ---- the files ---- */

int gen_write_units_ini(const char *path, const struct hierarchy *h, struct err *e)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return err_at(e, ERR_IO, path, 0, "không tạo được tệp: %s", syserr_str(errno));
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
		return err_at(e, ERR_IO, path, 0, "không ghi được tệp: %s", syserr_str(errno));
	return 0;
}

int gen_write_theodoi_ini(const char *path, const struct hierarchy *h, long ntasks,
                          unsigned long seed, struct err *e)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return err_at(e, ERR_IO, path, 0, "không tạo được tệp: %s", syserr_str(errno));
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
		fprintf(f, "vp%02d = %s, editor\n", pi + 1, h->u[h->p[pi].agencies + GEN_OFFICE_AGENCY].code);
	if (fclose(f) != 0)
		return err_at(e, ERR_IO, path, 0, "không ghi được tệp: %s", syserr_str(errno));
	return 0;
}
