/* rd-layout.c — the layout of a Party document, the same in every format
 * (render-internal.h): which parts come in which order, each paragraph in
 * its role.  The writers (rd-docx.c, rd-odt.c) say how a role looks and
 * how a table, a row, a cell or a list is written. */
#include <string.h>

#include "render-internal.h"

size_t rd_table_columns(enum rd_table kind, const json_t *table)
{
	return kind == RD_BODY_TABLE ? json_array_size(json_object_get(table, "head")) : 2;
}

const json_t *rd_body_table(const json_t *b)
{
	if (json_is_string(json_object_get(b, "h")) || json_is_string(json_object_get(b, "p")))
		return NULL;
	return json_object_get(b, "table");
}

int rd_column_width(enum rd_table kind, const json_t *table, size_t col, int total)
{
	if (kind == RD_HEADER_TABLE) /* the issuer's side takes two fifths */
		return col ? total - total * 40 / 100 : total * 40 / 100;
	if (kind == RD_SIGN_TABLE)
		return col ? total - total / 2 : total / 2;
	size_t n = rd_table_columns(kind, table);
	json_int_t p = json_integer_value(json_array_get(json_object_get(table, "widths"), col));
	return p > 0 ? (int)(total * p / 100) : total / (int)n;
}

/* A numbered paragraph of the body (a heading never is one). */
static int numbered(const json_t *b)
{
	return !json_is_string(json_object_get(b, "h")) && json_is_string(json_object_get(b, "p")) &&
	       rd_bool(b, "num");
}

int rd_count_lists(const json_t *spec)
{
	const json_t *b;
	size_t i;
	int n = 0, in_list = 0;
	json_array_foreach(rd_arr(spec, "body"), i, b) {
		int num = numbered(b);
		n += num && !in_list;
		in_list = num;
	}
	return n;
}

static void header_table(const json_t *spec, const struct rd_look *k, void *ctx)
{
	k->table_begin(ctx, RD_HEADER_TABLE, NULL, 0);
	k->row_begin(ctx, RD_ROW_PLAIN);
	k->cell_begin(ctx, 0);
	if (*rd_str(spec, "superior"))
		k->para(ctx, RD_SUPERIOR, rd_str(spec, "superior"));
	k->para(ctx, RD_ISSUER, rd_str(spec, "issuer"));
	k->para(ctx, RD_STAR, "*");
	k->para(ctx, RD_NUMBER, rd_str(spec, "number"));
	k->cell_end(ctx);
	k->cell_begin(ctx, 1);
	k->para(ctx, RD_NATIONAL, "ĐẢNG CỘNG SẢN VIỆT NAM");
	k->para(ctx, RD_BLANK, "");
	k->para(ctx, RD_PLACE_DATE, rd_str(spec, "place_date"));
	k->cell_end(ctx);
	k->row_end(ctx, RD_ROW_PLAIN);
	k->table_end(ctx);
}

/* A table of the body, the index-th (1, 2, ...): its header row repeats at
 * the top of every page the table runs onto. */
static void body_table(const json_t *t, size_t index, const struct rd_look *k, void *ctx)
{
	const json_t *row, *v;
	size_t i, r;
	k->table_begin(ctx, RD_BODY_TABLE, t, index);
	k->row_begin(ctx, RD_ROW_HEAD);
	json_array_foreach(json_object_get(t, "head"), i, v) {
		k->cell_begin(ctx, i);
		k->para(ctx, RD_CELL_HEAD, json_string_value(v));
		k->cell_end(ctx);
	}
	k->row_end(ctx, RD_ROW_HEAD);
	json_array_foreach(json_object_get(t, "rows"), r, row) {
		k->row_begin(ctx, RD_ROW_KEEP);
		json_array_foreach(row, i, v) {
			const char *s = json_string_value(v);
			/* numbers read best centred, words from the left */
			int figure = s[0] && strspn(s, "0123456789,.%-") == strlen(s);
			k->cell_begin(ctx, i);
			k->para(ctx, figure ? RD_CELL_FIGURE : RD_CELL_TEXT, s);
			k->cell_end(ctx);
		}
		k->row_end(ctx, RD_ROW_KEEP);
	}
	k->table_end(ctx);
	k->para(ctx, RD_AFTER_TABLE, "");
}

static void body(const json_t *spec, const struct rd_look *k, void *ctx)
{
	const json_t *b;
	size_t i, ntables = 0;
	int list = 0, in_list = 0;
	json_array_foreach(rd_arr(spec, "body"), i, b) {
		const char *h = json_string_value(json_object_get(b, "h"));
		const char *p = json_string_value(json_object_get(b, "p"));
		int num = numbered(b);
		if (in_list && !num) {
			k->list_end(ctx);
			in_list = 0;
		}
		if (h) {
			k->heading(ctx, json_integer_value(json_object_get(b, "level")) == 2 ? 2 : 1, h);
		} else if (p) {
			if (num && !in_list) {
				k->list_begin(ctx, ++list);
				in_list = 1;
			}
			k->text(ctx, p, rd_bool(b, "bold"), rd_bool(b, "italic"), num ? list : 0);
		} else {
			body_table(rd_body_table(b), ++ntables, k, ctx);
		}
	}
	if (in_list)
		k->list_end(ctx);
}

static void signature(const json_t *spec, const struct rd_look *k, void *ctx)
{
	const json_t *sign = json_object_get(spec, "sign"), *v;
	size_t i;
	k->table_begin(ctx, RD_SIGN_TABLE, NULL, 0);
	k->row_begin(ctx, RD_ROW_KEEP);
	k->cell_begin(ctx, 0);
	k->para(ctx, RD_RECIPIENTS_HEAD, "Nơi nhận:");
	json_array_foreach(rd_arr(spec, "recipients"), i, v)
		k->para(ctx, RD_RECIPIENT, json_string_value(v));
	k->cell_end(ctx);
	k->cell_begin(ctx, 1);
	if (*rd_str(sign, "authority"))
		k->para(ctx, RD_SIGNER, rd_str(sign, "authority"));
	if (*rd_str(sign, "title"))
		k->para(ctx, RD_SIGNER, rd_str(sign, "title"));
	for (int n = 0; n < 4; n++) /* room for the signature */
		k->para(ctx, RD_BLANK, "");
	k->para(ctx, RD_SIGNER, rd_str(sign, "name"));
	k->cell_end(ctx);
	k->row_end(ctx, RD_ROW_KEEP);
	k->table_end(ctx);
}

void rd_layout(const json_t *spec, const struct rd_look *k, void *ctx)
{
	const json_t *v;
	size_t i;
	if (rd_bool(spec, "draft"))
		k->para(ctx, RD_DRAFT, "DỰ THẢO");
	header_table(spec, k, ctx);
	k->para(ctx, RD_AFTER_HEADER, "");
	if (*rd_str(spec, "kind"))
		k->para(ctx, RD_KIND, rd_str(spec, "kind"));
	k->para(ctx, RD_SUBJECT, rd_str(spec, "subject"));
	k->para(ctx, RD_RULE, "-----");
	json_array_foreach(rd_arr(spec, "to"), i, v)
		k->para(ctx, RD_TO, json_string_value(v));
	body(spec, k, ctx);
	signature(spec, k, ctx);
}
