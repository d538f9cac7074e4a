/* Tests of the TUI's key table (src/ui-keys.c) and of the registration of
 * the list views (ui-view.h, src/ui-views.c): what the help screen and
 * the status line are drawn from. */
#include <criterion/criterion.h>
#include <curses.h>
#include <string.h>

#include "ui-ctx.h"
#include "ui-keys.h"
#include "ui-view.h"

Test(ui_keys, every_action_has_one_row_with_keys_and_help)
{
	int a;

	for (a = UA_NONE + 1; a < UA_COUNT; a++) {
		const struct ui_keydef *d = ui_key_def((enum ui_act)a);

		cr_assert_not_null(d, "action %d has no row in the key table", a);
		cr_assert(d->keys && *d->keys, "action %s has no keys to show", d->name);
		cr_assert(d->help && *d->help, "action %s has no help", d->name);
		cr_assert(d->bind[0].ch != 0 || d->bind[0].fn != 0, "action %s binds no key", d->name);
	}
}

Test(ui_keys, no_key_is_bound_to_two_actions)
{
	size_t n, i, j, k, l;
	const struct ui_keydef *t = ui_keys_table(&n);

	for (i = 0; i < n; i++)
		for (k = 0; k < 5 && (t[i].bind[k].ch || t[i].bind[k].fn); k++)
			for (j = i + 1; j < n; j++)
				for (l = 0; l < 5 && (t[j].bind[l].ch || t[j].bind[l].fn); l++)
					cr_assert(t[i].bind[k].fn != t[j].bind[l].fn ||
					                  t[i].bind[k].ch != t[j].bind[l].ch,
					          "%s and %s share a key", t[i].name, t[j].name);
}

Test(ui_keys, the_keys_that_correct_records_are_bound)
{
	static const struct {
		uint32_t ch;
		enum ui_act act;
		const char *hint;
	} want[] = {
		{ 'E', UA_EDIT, "sửa" },        { 'M', UA_MOVE, "chuyển" },
		{ 'D', UA_DELETE, "xóa" },      { 'R', UA_TRASH, "đã xóa" },
		{ 'U', UA_UNRESOLVED, "chưa gắn" }, { 'P', UA_PARTNER, "phối hợp" },
	};
	size_t i;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		struct ui_key k = { 0, want[i].ch };

		cr_assert_eq(ui_key_action(k), want[i].act, "key %c", (char)want[i].ch);
		cr_assert_str_eq(ui_key_def(want[i].act)->hint, want[i].hint);
	}
}

Test(ui_keys, label_is_the_first_key_as_shown)
{
	char buf[32];

	cr_assert_str_eq(ui_key_label(UA_OPEN, buf, sizeof(buf)), "Enter");
	cr_assert_str_eq(ui_key_label(UA_BACK, buf, sizeof(buf)), "Esc");
	cr_assert_str_eq(ui_key_label(UA_HELP, buf, sizeof(buf)), "?");
	cr_assert_str_eq(ui_key_label(UA_NONE, buf, sizeof(buf)), "");
	cr_assert_str_eq(ui_key_label(UA_OPEN, buf, 3), "En");
}

Test(ui_views, every_registered_view_is_complete_and_opens_with_its_own_key)
{
	int v, w;

	cr_assert_null(ui_view_ops_of(UI_VIEW_PANES));
	cr_assert_null(ui_view_ops_of(UI_VIEW_HELP));
	for (v = UI_VIEW_FIRST_LIST; v < UI_VIEW_COUNT; v++) {
		const struct ui_view_ops *o = ui_view_ops_of(v);

		cr_assert_not_null(o, "view %d is not registered", v);
		cr_assert(o->name && o->open && o->sync && o->list && o->head && o->row && o->free,
		          "view %s lacks an operation", o->name);
		cr_assert_neq(o->opens[0], UA_NONE, "view %s opens with no key", o->name);
		cr_assert_not_null(ui_key_def(o->opens[0]), "view %s", o->name);
		for (w = UI_VIEW_FIRST_LIST; w < v; w++) {
			const struct ui_view_ops *p = ui_view_ops_of(w);

			cr_assert(strcmp(o->name, p->name) != 0, "two views are named %s", o->name);
			cr_assert(o->opens[0] != p->opens[0] && o->opens[0] != p->opens[1],
			          "views %s and %s open with the same key", o->name, p->name);
		}
	}
}
