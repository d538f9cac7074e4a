/* ui-form.h — the TUI's small modal forms: the daily update (note,
 * progress %, status, the day the work was done), status only, extension
 * of a deadline (granted, or asked for by a unit that may not grant it),
 * granting or refusing a request for one, confirming or returning a
 * reported completion, a measured value of an indicator,
 * the task filter, the search prompt and the import prompt with its
 * preview.
 *
 * A form is a few fields (UTF-8 text lines, see ui-line.h, a choice among
 * labels, or a list of labels in groups).  Enter saves it as one write
 * through ops.h (ui-form-save.c); Esc closes it, asking first when text
 * was typed.  A refused or failed save keeps the form open with the
 * reason shown in it.
 */
#ifndef THEODOI_UI_FORM_H
#define THEODOI_UI_FORM_H

#include <stdint.h>

#include "ui-keys.h"
#include "ui-line.h"

struct err;
struct imp_result;
struct ui;
struct ui_reimport;

enum ui_form_kind {
	UF_UPDATE = 0, /* u */
	UF_STATUS,     /* s */
	UF_EXTEND,     /* e */
	UF_FILTER,     /* f */
	UF_SEARCH,     /* / : drawn on the message line */
	UF_IMPORT,     /* i */
	UF_CONFIRM,    /* x: confirm a completion, optional note */
	UF_RETURN,     /* T: return a completion, reason required */
	UF_MEASURE,    /* u / Enter in the indicators view */
	UF_EXT_REQUEST, /* e when the actor may ask but not grant */
	UF_EXT_GRANT,  /* x on a request in the queue: to the day asked or another */
	UF_EXT_REFUSE, /* T on a request in the queue: reason required */
	/* ui-form-edit.c: correcting records (E, M, D, R, U) */
	UF_EDIT,       /* E: becomes UF_EDIT_TASK or UF_EDIT_DOC when built */
	UF_EDIT_TASK,  /* text, section, lead, partners, deadline phrase */
	UF_EDIT_DOC,   /* number, kind, date, issuer, implements, title, plan due */
	UF_MOVE,       /* M: the task to another document */
	UF_DELETE,     /* D: becomes UF_DELETE_TASK or UF_DELETE_DOC when built */
	UF_DELETE_TASK, /* a reason, and whether recorded work goes too */
	UF_DELETE_DOC,
	UF_RESTORE,    /* Enter in the view of what was deleted: nothing to type */
	UF_LINK        /* a name linked to the unit picked in the tree */
};

/* UFF_CHOICE: one label at a time, ←/→ or a digit; UFF_LIST: every label
 * on its own row under group headings, ↑/↓ (j/k) to move; Enter, or the
 * row's letter (or number), picks it: the form is saved at once. */
enum ui_field_kind { UFF_TEXT = 0, UFF_CHOICE, UFF_LIST };

#define UI_FORM_FIELDS 8
#define UI_CHOICES_MAX 24

struct ui_field {
	int kind;                 /* enum ui_field_kind */
	const char *label;
	struct ui_line line;      /* UFF_TEXT */
	int digits;               /* UFF_TEXT: only 0-9 may be typed */
	int fresh;                /* UFF_TEXT: prefilled; the first key typed replaces it */
	int rows;                 /* UFF_TEXT: lines shown, word-wrapped (a note); 0: one */
	int units;                /* UFF_TEXT: a unit (1) or a list of units "A; B" (2)
	                             is typed; Ctrl-T picks one in the tree */
	const char *choices[UI_CHOICES_MAX]; /* UFF_CHOICE, UFF_LIST */
	const char *heads[UI_CHOICES_MAX];   /* UFF_LIST: a group heading before choice i, or NULL */
	int nchoices, choice, initial;
	int top;                  /* UFF_LIST: first row shown */
};

struct ui_form {
	int kind;                 /* enum ui_form_kind */
	char title[160];
	uint64_t task;            /* the task written to, or 0 */
	uint64_t indicator;       /* UF_MEASURE: the indicator written to */
	uint64_t ext;             /* UF_EXT_GRANT, UF_EXT_REFUSE: the request */
	uint64_t doc;             /* UF_EDIT_DOC, UF_DELETE_DOC, UF_RESTORE of a document;
	                             UF_IMPORT: the one pointed at when the form
	                             opened (it may be chosen to replace), or 0 */
	int rkind;                /* UF_RESTORE: enum trash_kind */
	uint64_t rid;             /* UF_RESTORE: the record's id */
	char *name;               /* UF_LINK: the name linked; owned */
	uint32_t unit;            /* UF_LINK: the unit picked; UF_EDIT_TASK: the
	                             issuer units are named near */
	char *orig[UI_FORM_FIELDS]; /* the edit forms: each field's text when the
	                             form opened (owned), to save what changed */
	int progress0;            /* the task's progress when the form opened */
	struct ui_field f[UI_FORM_FIELDS];
	int nf, cur;
	int asking;               /* "bỏ nội dung đã nhập?" is shown */
	char err[512];            /* why the last save failed, or "" */
	char info[512];           /* what the form has found so far (import preview) */
	int stage;                /* UF_IMPORT: 0 file name, 1 preview read, 2 asking
	                             whether to delete recorded work (--force) */
	struct imp_result *imp;   /* UF_IMPORT: the parsed plan, owned */
	struct ui_reimport *re;   /* UF_IMPORT: the difference with the stored
	                             document the plan replaces, owned; NULL for
	                             a new document (ui-import.c) */
	char doc_label[96];       /* UF_IMPORT: that choice's label */
	size_t ptop;              /* UF_IMPORT: first preview row shown */
	int prows;                /* UF_IMPORT: preview rows on screen at the last draw */
};

/* Import (ui-import.c), the steps of the UF_IMPORT form: read and parse
 * the file named in the form (stage 0 -> 1, fills f->imp, f->re and
 * f->info; a refusal to replace is told in f->info), then store it (stage
 * 1) and show it in the panes.  A re-import whose difference deletes
 * tasks with recorded work first asks (stage 1 -> 2, the question in
 * f->err, returns 1); stored from stage 2 it is forced.  Return 0, 1 (the
 * form stays open) or an error code with e filled. */
int ui_import_parse(struct ui *u, struct ui_form *f, struct err *e);
int ui_import_store(struct ui *u, struct ui_form *f, struct err *e);
/* The answer to stage 2's question: 1 to store (yes), else 0 (back to the
 * preview, f->err saying nothing was stored). */
int ui_import_confirm(struct ui_form *f, struct ui_key k);
/* The field choosing what a re-import replaces: the stored document the
 * file repeats, or the document pointed at (u's panes) when there is one;
 * sets f->doc and f->doc_label. */
void ui_import_target_field(struct ui *u, struct ui_form *f, struct ui_field *fd);
/* Drop the preview (f->imp, f->re, f->info): back to stage 0. */
void ui_import_reset(struct ui_form *f);
/* The form's hint line at its stage. */
const char *ui_import_hint(const struct ui_form *f);
/* The preview's rows: for a new document the tasks (section, lead,
 * deadline, text), for a re-import the difference's lines as wrapped at
 * the last draw; then the warnings. */
size_t ui_import_rows(const struct ui_form *f);
/* Draw the preview of stage 1 in the box (y, x, h, w); sets f->prows. */
void ui_import_draw(struct ui *u, struct ui_form *f, int y, int x, int h, int w);
/* Scroll the preview: 1 if the key was a move (↑ ↓ PgUp PgDn Home End). */
int ui_import_scroll(struct ui_form *f, struct ui_key k);

/* Save the open form (ui-form-save.c): one write through ops.h, or the
 * filter, search or import step.  Returns 0 when the form is done (the
 * caller closes it), 1 when it stays open (the import preview), or an
 * error code with e filled (the form stays open showing it). */
int ui_form_save(struct ui *u, struct ui_form *f, struct err *e);

/* The forms that correct records (ui-form-edit.c).  ui_form_edit_build
 * fills a form of kind UF_EDIT, UF_MOVE or UF_DELETE for the selected
 * document (the documents pane has the focus) or task, after the same
 * permission checks as the command line (ops_may, ops_require: perm.h);
 * -1 (said on the message line) when refused or nothing is selected.
 * ui_form_edit_save saves one of them (or UF_RESTORE, UF_LINK) as one
 * audited write of ops-edit.h or ops-link.h. */
int ui_form_edit_build(struct ui *u, struct ui_form *f);
int ui_form_edit_save(struct ui *u, struct ui_form *f, struct err *e);
/* Open the form that restores deleted record `id` (`kind` enum
 * trash_kind), described by `what`; refused for who may not delete. */
int ui_form_open_restore(struct ui *u, int kind, uint64_t id, const char *what);
/* Open the form that links `name` to `unit` (ops_link); refused for who
 * may not change the hierarchy. */
int ui_form_open_link(struct ui *u, const char *name, uint32_t unit);

/* Ctrl-T in a field of units (struct ui_field.units): the form is put
 * aside while the user picks a unit in the tree (ui_pick_start); Enter on
 * a unit writes its name into the field (a list: appended), Esc leaves it
 * as it was; either way the form comes back with the screen as it was
 * under it (the list view, the tree's selection, the focus). */
void ui_form_pick_unit(struct ui *u);
/* The end of that pick: unit (0: given up) into the field, the form back. */
void ui_form_pick_back(struct ui *u, uint32_t unit);

/* Open a form on the selected task (u, s, e) or for the list (f, /, i).
 * Checks the actor's permission first and, when refused, says why on the
 * message line and opens nothing.  Returns 1 if a form was opened. */
int ui_form_open(struct ui *u, int kind);

/* Handle a key in the open form: edit, move, save (Enter) or close (Esc).
 * Closes and frees the form (u->form = NULL) when done. */
void ui_form_key(struct ui *u, struct ui_key k);

/* Draw the open form (a box over the panes; the search prompt on the
 * message line) and place the terminal cursor in the current field. */
void ui_form_draw(struct ui *u);

/* 1 if any text field has text the user typed and has not saved (in
 * the edit forms: a field changed from the value it showed). */
int ui_form_dirty(const struct ui_form *f);

void ui_form_free(struct ui_form *f);

/* A list field's rows: group headings and choices.  rowof[i] (may be
 * NULL) receives choice i's row; returns the number of rows. */
int ui_form_list_rows(const struct ui_field *fd, int *rowof);
/* The letter shown before choice i of a list: a, b, ... leaving out j and
 * k, which move as everywhere else. */
char ui_form_list_letter(int i);
/* The task filter (enum ui_filter_kind and its value) that choice
 * `choice` of the filter's list stands for. */
void ui_form_filter_of(int choice, int *kind, int *value);

#endif
