/* ui-keys.h — the TUI's actions and the one table that binds keys to them.
 *
 * Every action has a name, its default keys, a Vietnamese help text and
 * the word the status line gives it; the `?` screen and the status-line
 * hints (ui-hints.c, and each view's list of hints, ui-view.h) are drawn
 * from the same table, so they can never disagree with what the keys do.
 */
#ifndef THEODOI_UI_KEYS_H
#define THEODOI_UI_KEYS_H

#include <stddef.h>
#include <stdint.h>

enum ui_act {
	UA_NONE = 0,
	UA_QUIT,
	UA_HELP,
	UA_NEXT_PANE,
	UA_PREV_PANE,
	UA_DOWN,
	UA_UP,
	UA_PAGE_DOWN,
	UA_PAGE_UP,
	UA_TOP,
	UA_BOTTOM,
	UA_OPEN,        /* Enter / Space: expand a unit, enter a list, jump */
	UA_UPDATE,      /* u: note, progress, status */
	UA_STATUS,      /* s: status only */
	UA_EXTEND,      /* e: extend the deadline */
	UA_OVERDUE,     /* o: overdue view of the selected unit's subtree */
	UA_SOON,        /* d: due within the window */
	UA_SEARCH,      /* / */
	UA_SEARCH_NEXT, /* n */
	UA_SEARCH_PREV, /* N */
	UA_FILTER,      /* f: tasks by status or timeliness */
	UA_DOC_MODE,    /* a: documents issued by / assigning tasks to the unit */
	UA_TASK_MODE,   /* t: tasks of the document / led by the unit's subtree */
	UA_SOURCE,      /* v: original text of the document */
	UA_IMPORT,      /* i: import a plan from a text file */
	UA_DASH,        /* b: roll-up by child unit, with bars */
	UA_CASCADE,     /* c: the plans implementing the document */
	UA_LINT,        /* r: tasks left unclear (rà soát) */
	UA_INDICATORS,  /* m: indicators; u / Enter there records a value */
	UA_AUDIT,       /* L: audit trail of the task, or of everything */
	UA_QUEUE,       /* p: completions waiting for confirmation */
	UA_CONFIRM,     /* x: confirm a completion */
	UA_RETURN,      /* T: return a completion with a reason */
	UA_REPORT_TEXT, /* W: write the report's prose of the unit for a period */
	UA_REDRAW,      /* Ctrl-L: redraw and reload */
	UA_BACK,        /* Esc: close a view */
	UA_FULL,        /* z: the focused pane over the whole width */
	UA_HSCROLL,     /* w: the long column of list rows scrolled sideways */
	UA_EDIT,        /* E: correct the selected document or task */
	UA_MOVE,        /* M: move the selected task to another document */
	UA_DELETE,      /* D: delete the selected document or task, with a reason */
	UA_TRASH,       /* R: what was deleted ("đã xóa"); Enter restores */
	UA_UNRESOLVED,  /* U: names not linked to a unit; Enter links one */
	UA_PARTNER,     /* P: the tasks the selected unit is a partner on */
	UA_DETAIL,      /* V: the detail area or the preview under the tasks (short screen) */
	UA_COUNT
};

/* A key as curses reports it: a character (fn 0, ch a Unicode scalar
 * value) or a function key (fn 1, ch a KEY_* code). */
struct ui_key {
	int fn;
	uint32_t ch;
};

/* One row of the key table. */
struct ui_keydef {
	enum ui_act act;
	const char *name;   /* stable ASCII name, "update" */
	const char *keys;   /* how the keys read on screen: "u" */
	const char *help;   /* what it does, in Vietnamese */
	struct ui_key bind[5]; /* the keys; unused entries are {0, 0} */
	const char *hint;   /* its word on the status line ("cập nhật"), or NULL */
};

/* The table, in the order of the help screen; *n receives its length. */
const struct ui_keydef *ui_keys_table(size_t *n);

/* The action bound to key k, or UA_NONE. */
enum ui_act ui_key_action(struct ui_key k);

/* The table row of an action (never NULL for a valid action). */
const struct ui_keydef *ui_key_def(enum ui_act a);

/* The first of an action's keys as the status line shows it ("Enter" of
 * "Enter  Space"), into buf; "" for UA_NONE. */
const char *ui_key_label(enum ui_act a, char *buf, size_t len);

#endif
