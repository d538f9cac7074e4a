/* import-table.c — tasks in Markdown pipe tables, as conversions of plans
 * with an appendix ("PHỤ LỤC ... các nhiệm vụ cụ thể") give them:
 *   | STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
 *   |-----|--------------------|-----------------|------------------|-----------|
 *   | 1   | Rà soát quy chế    | Ban Tổ chức     | Văn phòng        | Quý II/2024 |
 */
#include "import-internal.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

int imp_table_line(const char *s, size_t n)
{
	return n >= 2 && s[0] == '|';
}

size_t imp_table_cells(const char *s, size_t n, struct imp_cell *cells, size_t max)
{
	size_t i = 1, k = 0;

	while (i < n && k < max) {
		size_t a = i, b;

		while (i < n && !(s[i] == '|' && s[i - 1] != '\\'))
			i++;
		b = i;
		while (a < b && s[a] == ' ')
			a++;
		while (b > a && s[b - 1] == ' ')
			b--;
		if (i < n || b > a) {
			cells[k].a = a;
			cells[k].b = b;
			k++;
		}
		i++;
	}
	return k;
}

int imp_table_rule(const char *s, const struct imp_cell *cells, size_t n)
{
	if (n == 0)
		return 0;
	for (size_t k = 0; k < n; k++) {
		if (cells[k].b == cells[k].a)
			continue;
		for (size_t i = cells[k].a; i < cells[k].b; i++)
			if (s[i] != '-' && s[i] != ':' && s[i] != ' ')
				return 0;
	}
	return 1;
}

static int has(const char *f, const char *w)
{
	return txt_find_word(f, w) >= 0;
}

int imp_table_header(const char *s, const struct imp_cell *cells, size_t n,
                     struct imp_table *t)
{
	memset(t, 0, sizeof *t);
	t->num = t->text = t->lead = t->partners = t->deadline = -1;
	for (size_t k = 0; k < n && k < 64; k++) {
		char *f = txt_fold(s + cells[k].a, cells[k].b - cells[k].a, NULL);

		if (has(f, "chu tri"))
			t->lead = (int)k;
		else if (has(f, "phoi hop"))
			t->partners = (int)k;
		else if (has(f, "thoi gian") || has(f, "thoi han") || has(f, "tien do") ||
		         has(f, "hoan thanh"))
			t->deadline = (int)k;
		else if (!strcmp(f, "stt") || !strcmp(f, "tt") || !strcmp(f, "so tt") ||
		         !strcmp(f, "so thu tu"))
			t->num = (int)k;
		else if ((has(f, "noi dung") || has(f, "nhiem vu") || has(f, "cong viec") ||
		          has(f, "giai phap")) && t->text < 0)
			t->text = (int)k;
		free(f);
	}
	t->ncols = (int)n;
	return t->text >= 0 && (t->lead >= 0 || t->deadline >= 0);
}
