/* import-indicator.c — measurable targets ("chỉ tiêu"): "Đến năm 2025,
 * tối thiểu 80%, phấn đấu 90% thủ tục hành chính ..." gives year 2025,
 * minimum 80, target 90, unit "%".  A ceiling ("không quá 10%", "tối đa
 * 10%") is the minimum level of an indicator where lower is better.  A
 * yearly target ("hằng năm kết nạp ít nhất 300 đảng viên") needs no year.
 */
#include "import-internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "indicator.h"
#include "text.h"

/* Counted things a target may be stated in, besides "%". */
static const char *const units[] = {
	"dang vien", "to chuc co so dang", "chi bo", "co so", "xa", "phuong", "don vi", "nguoi",
	"luot", "ho", "can bo", "hoi vien", "doan vien", "lop", "cuoc", "mo hinh", "m2", "ha", "km",
	"ty dong", "trieu dong", NULL
};

/* A figure at token i: "80", "97,5", "97.5" followed by "%" or a unit.
 * Returns 1 with value and unit (as written) set. */
static int figure(const struct imp_toks *tk, size_t i, double *v, char *unit, size_t ulen)
{
	const char *s;
	size_t l, k = i + 1, ul;
	char buf[32];
	char *end;

	if (i >= tk->nt || tk->t[i].punct)
		return 0;
	s = tk->f + tk->t[i].a;
	l = tk->t[i].b - tk->t[i].a;
	if (l == 0 || l >= sizeof buf || !(s[0] >= '0' && s[0] <= '9'))
		return 0;
	memcpy(buf, s, l);
	buf[l] = '\0';
	/* "97,5%": the comma is a separate token */
	if (imp_tok_punct(tk, k, ',') && imp_tok_num(tk, k + 1) >= 0 &&
	    tk->t[k].a == tk->t[i].b && tk->t[k + 1].a == tk->t[k].b && l + 1 < sizeof buf) {
		size_t l2 = tk->t[k + 1].b - tk->t[k + 1].a;

		if (l + 1 + l2 < sizeof buf) {
			buf[l] = '.';
			memcpy(buf + l + 1, tk->f + tk->t[k + 1].a, l2);
			buf[l + 1 + l2] = '\0';
			k += 2;
		}
	}
	*v = strtod(buf, &end);
	if (*end)
		return 0;
	if (imp_tok_punct(tk, k, '%')) {
		str_copy(unit, "%", ulen);
		return 1;
	}
	/* "m2/người": a measure per something */
	if (k < tk->nt && !tk->t[k].punct && memchr(tk->f + tk->t[k].a, '/', tk->t[k].b - tk->t[k].a) &&
	    tk->f[tk->t[k].a] >= 'a' && tk->f[tk->t[k].a] <= 'z') {
		size_t a, b;

		imp_tok_span(tk, k, k + 1, &a, &b);
		if (b - a < ulen) {
			memcpy(unit, tk->s + a, b - a);
			unit[b - a] = '\0';
			return 1;
		}
	}
	if (imp_tok_any(tk, k, units, &ul) >= 0 && !(l == 4 && *v >= 1900 && *v <= 2200)) {
		size_t a, b;

		imp_tok_span(tk, k, k + ul, &a, &b);
		if (b - a < ulen) {
			memcpy(unit, tk->s + a, b - a);
			unit[b - a] = '\0';
			return 1;
		}
	}
	return 0;
}

static int is_year_tok(const struct imp_toks *tk, size_t i)
{
	long y = imp_tok_num(tk, i);

	return y >= 1900 && y <= 2200 && tk->t[i].b - tk->t[i].a == 4;
}

/* A ceiling right before its figure: "không quá 10%", "không vượt quá
 * 10%", "tối đa 10%" (not "huy động tối đa các nguồn lực"). */
static int ceiling(const struct imp_toks *tk, size_t i)
{
	static const char *const words[] = {"khong vuot qua", "khong qua", "toi da", NULL};
	size_t len;
	double v;
	char unit[16];

	return imp_tok_any(tk, i, words, &len) >= 0 && figure(tk, i + len, &v, unit, sizeof unit);
}

void imp_indicator_read(const char *text, size_t n, struct imp_indicator *ind)
{
	struct imp_toks tk;
	double v;
	char unit[sizeof ind->unit];
	int want_min = 0, want_target = 0;
	double first = NAN;
	char first_unit[sizeof ind->unit] = "";

	ind->year = 0;
	ind->min = NAN;
	ind->target = NAN;
	ind->unit[0] = '\0';
	imp_toks_init(&tk, text, n);
	for (size_t i = 0; i < tk.nt; i++) {
		if (!ind->year && imp_tok_is(&tk, i, "nam") && is_year_tok(&tk, i + 1))
			ind->year = (int)imp_tok_num(&tk, i + 1);
		if (imp_tok_seq(&tk, i, "toi thieu") || imp_tok_seq(&tk, i, "it nhat") ||
		    imp_tok_seq(&tk, i, "khong thap hon") || imp_tok_seq(&tk, i, "khong duoi") ||
		    ceiling(&tk, i)) {
			want_min = 1;
			want_target = 0;
			continue;
		}
		if (imp_tok_seq(&tk, i, "phan dau")) {
			want_target = 1;
			want_min = 0;
			continue;
		}
		if (!figure(&tk, i, &v, unit, sizeof unit))
			continue;
		if (want_min && isnan(ind->min)) {
			ind->min = v;
			str_copy(ind->unit, unit, sizeof ind->unit);
		} else if (want_target && isnan(ind->target)) {
			ind->target = v;
			str_copy(ind->unit, unit, sizeof ind->unit);
		} else if (isnan(first)) {
			first = v;
			str_copy(first_unit, unit, sizeof first_unit);
		}
		want_min = want_target = 0;
	}
	/* "Đến năm 2030, 50% hoạt động ...": a single figure is the target */
	if (isnan(ind->target) && isnan(ind->min) && !isnan(first)) {
		ind->target = first;
		str_copy(ind->unit, first_unit, sizeof ind->unit);
	}
	imp_toks_free(&tk);
	ind->yearly = ind_text_yearly(text, n);
}

int imp_indicator_like(const char *text, size_t n)
{
	struct imp_indicator ind;

	imp_indicator_read(text, n, &ind);
	return (ind.year || ind.yearly) && (!isnan(ind.min) || !isnan(ind.target));
}
