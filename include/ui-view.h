/* ui-view.h — a list view of the TUI as one file, tig-style.
 *
 * A list view (the overdue list, the dashboard, the audit trail ...) shows
 * a list where the panes are, with a title and a column header, and the
 * detail of its selected row in the detail area.  Each view is one file
 * that defines a `const struct ui_view_ops` and is registered by one line
 * of UI_LIST_VIEWS below; ui-views.c dispatches through that table, so
 * nothing else in the screen layer names a view.  The keys a view adds
 * are actions of the key table (ui-keys.h): the view says which keys
 * open it, which it handles itself and which the status line hints at.
 *
 * A view keeps its state in a block of its own, defined in its file:
 * ui_view_state(u, UI_VIEW_X, sizeof(struct x)), allocated zeroed on
 * first use and freed when the screen ends (forget and free are only
 * called once the block exists).
 */
#ifndef THEODOI_UI_VIEW_H
#define THEODOI_UI_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "ui-keys.h"

struct err;
struct sbuf;
struct txn;
struct ui;
struct ui_lines;
struct ui_list;

/* The list views, one line each: X(ID, ops), ID naming UI_VIEW_ID of enum
 * ui_view and ops the view's table (defined in its file). */
#define UI_LIST_VIEWS(X)                \
	X(DUE, ui_due_view)             \
	X(DASH, ui_dash_view)           \
	X(CASCADE, ui_casc_view)        \
	X(LINT, ui_lint_view)           \
	X(IND, ui_ind_view)             \
	X(AUDIT, ui_audit_view)         \
	X(QUEUE, ui_queue_view)         \
	X(PARTNER, ui_partner_view)     \
	X(TRASH, ui_trash_view)         \
	X(UNRESOLVED, ui_unres_view)

/* What a view is opened on, taken from the screen when its key is
 * pressed (see scope below). */
struct ui_view_where {
	enum ui_act act;  /* the key's action (o or d for the due view) */
	uint64_t doc;     /* the document pointed at (UVS_DOC, UVS_DOC_OR_UNIT) */
	uint32_t unit;    /* the unit (UVS_UNIT, UVS_DOC_OR_UNIT on the unit pane) */
	uint64_t task;    /* the task pointed at, or 0 (UVS_TASK) */
};

/* What a view needs to open. */
enum ui_view_scope {
	UVS_NONE = 0,    /* nothing: the whole store */
	UVS_UNIT,        /* the selected unit (of the tree) */
	UVS_DOC,         /* the document pointed at (ui_pointed_doc) */
	UVS_DOC_OR_UNIT, /* the unit when the tree has the focus, else the document */
	UVS_TASK         /* the task pointed at, if any */
};

/* One hint of the status line: the keys of `act` (and of `act2`, shown as
 * "Esc/q") from the key table, then the label (NULL: the key table's
 * short hint).  Hints of a higher level are left out first when the line
 * is short; a list ends with act UA_NONE. */
struct ui_hint {
	enum ui_act act, act2;
	int level;
	const char *label;
};

struct ui_view_ops {
	const char *name;               /* stable ASCII name: "due", "dash" */
	const char *label;              /* its name as `?` says it: "Đã xóa" */
	enum ui_act opens[2];           /* the actions that open it (UA_NONE: unused) */
	int scope;                      /* enum ui_view_scope */
	const char *no_scope;           /* said when the scope is missing */
	/* UVS_UNIT on the tree's row of the tasks without a lead unit: 1, the
	 * view opens on those tasks (ui_units_nolead says so; the roll-up on
	 * the whole store with that row selected); 0, it is not opened and
	 * the message line says that it needs a unit. */
	int nolead;
	const char *detail_title;       /* title of the detail area */
	/* Start on w (the view's earlier state freed); the view is current
	 * from then on.  A non-zero return (said on the message line) leaves
	 * the screen as it was. */
	int (*open)(struct ui *u, const struct ui_view_where *w);
	/* Bring the list up to date in the frame's transaction (after a
	 * forget: read it again, keeping the selection where it can). */
	int (*sync)(struct ui *u, struct txn *t, struct err *e);
	struct ui_list *(*list)(struct ui *u);
	/* The title line and the column header over the whole width. */
	void (*head)(struct ui *u, struct txn *t, struct sbuf *title, struct sbuf *header);
	/* Draw row i at line y (selected: sel). */
	void (*row)(struct ui *u, struct txn *t, size_t i, int y, int sel);
	/* A line to show under the rows (an empty list), or NULL. */
	const char *(*empty)(const struct ui *u);
	/* The detail area of the selected row; NULL: the task of `task`. */
	void (*detail)(struct ui *u, struct txn *t, struct ui_lines *l, int cols, int rows);
	/* The task the selected row is about, or 0; NULL: none ever. */
	uint64_t (*task)(const struct ui *u);
	/* Enter; NULL: show the row's task in the panes. */
	int (*enter)(struct ui *u, struct txn *t, struct err *e);
	/* A key of the view's own (before the common meaning): 1 if used. */
	int (*key)(struct ui *u, enum ui_act a);
	/* The words a search looks at in row i. */
	void (*words)(struct ui *u, struct txn *t, size_t i, struct sbuf *b);
	/* Work for the idle slices: 1 and a message while some is left. */
	int (*busy)(const struct ui *u, char *msg, size_t len);
	void (*step)(struct ui *u, struct txn *t, size_t budget);
	/* Forget what was read from the store (built = 0). */
	void (*forget)(struct ui *u);
	/* Free what the view holds (it may be opened again). */
	void (*free)(struct ui *u);
	/* The status-line hints for the actor (NULL, or a NULL return: Enter
	 * and Esc/q); `?` lists them all over the key table, each with its
	 * label (NULL: the key table's help). */
	const struct ui_hint *(*hints)(const struct ui *u);
};

#define UI_VIEW_DECLARE(id, ops) extern const struct ui_view_ops ops;
UI_LIST_VIEWS(UI_VIEW_DECLARE)
#undef UI_VIEW_DECLARE

/* The state block of view `view` (zeroed at first use, `size` bytes);
 * freed with the screen. */
void *ui_view_state(struct ui *u, int view, size_t size);

/* Draw row i as a task row of the task lists (ui_task_row). */
void ui_view_task_row(struct ui *u, struct txn *t, uint64_t id, int y, int sel);

/* "#id section text" of a task, for a search. */
void ui_view_task_words(struct txn *t, uint64_t id, struct sbuf *b);

/* The number of document doc ("(không số)", "" for 0) into buf. */
void ui_view_doc_number(struct txn *t, uint64_t doc, char *buf, size_t len);

#endif
