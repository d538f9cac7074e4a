/* ui-form-keys.c — the keys of an open form: typing in a text field,
 * moving in a list or a choice, Tab between fields, Enter to save (one
 * write through ui-form-save.c), Esc to close, asking first when typed
 * text would be lost.
 */
#include "ui-form.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "text.h"
#include "ui-ctx.h"
#include "util.h"

static void close_form(struct ui *u)
{
	ui_form_free(u->form);
	u->form = NULL;
}

/* ---- saving ---- */

static void save(struct ui *u)
{
	struct ui_form *f = u->form;
	struct err e;
	int rc;

	err_clear(&e);
	rc = ui_form_save(u, f, &e);
	if (rc == 1)
		return; /* stays open */
	if (rc) {
		char buf[600];

		str_copy(f->err, err_str(&e, buf, sizeof(buf)), sizeof(f->err));
		return;
	}
	close_form(u);
}

/* ---- keys ---- */

int ui_form_list_rows(const struct ui_field *fd, int *rowof)
{
	int i, r = 0;

	for (i = 0; i < fd->nchoices; i++) {
		if (fd->heads[i])
			r++;
		if (rowof)
			rowof[i] = r;
		r++;
	}
	return r;
}

char ui_form_list_letter(int i)
{
	char c = (char)('a' + i);

	return c >= 'j' ? (char)(c + 2) : c;
}

/* The choice a letter (either case) picks, or -1. */
static int letter_choice(uint32_t ch, int n)
{
	int i;

	if (ch >= 'A' && ch <= 'Z')
		ch = ch - 'A' + 'a';
	for (i = 0; i < n; i++)
		if ((uint32_t)ui_form_list_letter(i) == ch)
			return i;
	return -1;
}

/* ↑ ↓ j k PgUp PgDn Home End move in a list (returns 1); a row's letter
 * (or, as in the other choices, its number) selects it and returns 2: the
 * item is picked, as Enter picks the highlighted one.  0 if the key was
 * not used. */
static int list_key(struct ui_field *fd, struct ui_key k)
{
	int n = fd->nchoices, c;

	if (!k.fn && (k.ch == 'j' || k.ch == 'k')) {
		k.fn = 1;
		k.ch = k.ch == 'j' ? KEY_DOWN : KEY_UP;
	}
	if (k.fn) {
		switch (k.ch) {
		case KEY_UP: fd->choice = fd->choice > 0 ? fd->choice - 1 : 0; return 1;
		case KEY_DOWN: fd->choice = fd->choice + 1 < n ? fd->choice + 1 : n - 1; return 1;
		case KEY_PPAGE: case KEY_HOME: fd->choice = 0; return 1;
		case KEY_NPAGE: case KEY_END: fd->choice = n - 1; return 1;
		default: return 0;
		}
	}
	if ((c = letter_choice(k.ch, n)) >= 0) {
		fd->choice = c;
		return 2;
	}
	if (k.ch >= '1' && k.ch <= '9' && (int)(k.ch - '1') < n) {
		fd->choice = (int)(k.ch - '1');
		return 2;
	}
	return 0;
}

static void field_key(struct ui_field *fd, struct ui_key k)
{
	struct ui_line *l = &fd->line;

	if (fd->kind == UFF_LIST) {
		if (!list_key(fd, k))
			beep();
		return;
	}
	if (fd->kind == UFF_CHOICE) {
		if ((k.fn && k.ch == KEY_LEFT) || (!k.fn && k.ch == '-'))
			fd->choice = (fd->choice + fd->nchoices - 1) % fd->nchoices;
		else if ((k.fn && k.ch == KEY_RIGHT) || (!k.fn && (k.ch == ' ' || k.ch == '+')))
			fd->choice = (fd->choice + 1) % fd->nchoices;
		else if (!k.fn && k.ch >= '1' && k.ch <= '9' && (int)(k.ch - '1') < fd->nchoices)
			fd->choice = (int)(k.ch - '1');
		else
			beep();
		return;
	}
	if (k.fn) {
		switch (k.ch) {
		case KEY_LEFT: uil_left(l); break;
		case KEY_RIGHT: uil_right(l); break;
		case KEY_HOME: uil_home(l); break;
		case KEY_END: uil_end(l); break;
		case KEY_BACKSPACE: uil_backspace(l); break;
		case KEY_DC: uil_delete(l); break;
		default: beep(); return;
		}
		fd->fresh = 0;
		return;
	}
	switch (k.ch) {
	case 1: uil_home(l); break;          /* Ctrl-A */
	case 5: uil_end(l); break;           /* Ctrl-E */
	case 8: case 127: uil_backspace(l); break;
	case 4: uil_delete(l); break;        /* Ctrl-D */
	case 21: uil_kill_start(l); break;   /* Ctrl-U */
	default:
		if (k.ch < 0x20 || (fd->digits && (k.ch < '0' || k.ch > '9'))) {
			beep();
			return;
		}
		if (fd->fresh)
			uil_set(l, "");
		if (uil_insert_char(l, k.ch) != 0)
			beep();
	}
	fd->fresh = 0;
}

void ui_form_key(struct ui *u, struct ui_key k)
{
	struct ui_form *f = u->form;
	struct ui_field *cur;
	int picked;

	if (!f)
		return;
	if (f->asking) {
		f->asking = 0;
		if (!k.fn && (k.ch == 'c' || k.ch == 'C' || k.ch == 'y' || k.ch == 'Y'))
			close_form(u);
		return;
	}
	if (f->kind == UF_IMPORT && f->stage == 2) {
		if (ui_import_confirm(f, k))
			save(u);
		return;
	}
	if (!k.fn && k.ch == 27 && f->kind == UF_SEARCH) {
		ui_search_cancel(u);
		close_form(u);
		return;
	}
	if (!k.fn && k.ch == 27) {
		if (ui_form_dirty(f))
			f->asking = 1;
		else
			close_form(u);
		return;
	}
	if ((!k.fn && (k.ch == '\n' || k.ch == '\r')) || (k.fn && k.ch == KEY_ENTER)) {
		save(u);
		return;
	}
	if (f->nf == 0) {
		beep(); /* a form that only asks: Enter or Esc */
		return;
	}
	cur = &f->f[f->cur];
	if (cur->kind == UFF_LIST && (picked = list_key(cur, k)) != 0) {
		if (picked == 2)
			save(u); /* the letter picks at once, as Enter would */
		return;
	}
	if (f->kind == UF_IMPORT && f->stage >= 1 && ui_import_scroll(f, k))
		return;
	if ((!k.fn && k.ch == '\t') || (k.fn && k.ch == KEY_DOWN)) {
		f->cur = (f->cur + 1) % f->nf;
		return;
	}
	if ((k.fn && (k.ch == KEY_BTAB || k.ch == KEY_UP))) {
		f->cur = (f->cur + f->nf - 1) % f->nf;
		return;
	}
	if (!k.fn && k.ch == 20 && cur->kind == UFF_TEXT && cur->units) { /* Ctrl-T */
		f->err[0] = '\0';
		ui_form_pick_unit(u);
		return;
	}
	f->err[0] = '\0';
	if (f->kind == UF_IMPORT)
		ui_import_reset(f); /* changing the file or a choice discards the preview */
	if (f->kind == UF_SEARCH) {
		/* Incremental: each change of the text searches again. */
		char *before = xstrdup(cur->line.s);

		field_key(cur, k);
		if (strcmp(before, cur->line.s) != 0)
			ui_search_live(u, cur->line.s);
		free(before);
		return;
	}
	field_key(cur, k);
}

