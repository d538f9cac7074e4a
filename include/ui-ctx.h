/* ui-ctx.h — the TUI's one context struct and the functions the ui-*.c
 * files offer each other.  Internal to the screen layer: nothing outside
 * src/ui*.c includes it.
 *
 * Data flow: every frame opens one short read transaction (ui_frame in
 * ui.c), brings the stale lists up to date (units -> documents -> tasks),
 * draws what is visible and closes it.  Lists keep ids only; rows are
 * read from the store when drawn.  Writes go through ops.h between frames,
 * never while a read transaction is open.
 */
#ifndef THEODOI_UI_CTX_H
#define THEODOI_UI_CTX_H

#include <stddef.h>
#include <stdint.h>

#include "audit.h"
#include "cascade.h"
#include "indicator.h"
#include "ops.h"
#include "rollup.h"
#include "tasklist.h"
#include "timeliness.h"
#include "ui-fmt.h"
#include "ui-keys.h"
#include "ui-view.h"

struct err;
struct hier;
struct store;
struct ui_lines;
struct txn;
struct task;
struct ui_form;
struct ui_rtext;

enum ui_pane { UI_UNITS = 0, UI_DOCS, UI_TASKS, UI_NPANES };

/* What fills the screen above the message line: the three panes, a text
 * that scrolls (SOURCE, HELP), or one of the list views of ui-view.h, each
 * a list where the panes are and a detail area of its selected row. */
enum ui_view {
	UI_VIEW_PANES = 0, /* the three panes and the detail area */
	UI_VIEW_SOURCE,    /* a document's original text, a task in full */
	UI_VIEW_HELP,      /* the key table */
#define UI_VIEW_ENUM(id, ops) UI_VIEW_##id,
	UI_LIST_VIEWS(UI_VIEW_ENUM)
#undef UI_VIEW_ENUM
	UI_VIEW_COUNT
};
#define UI_VIEW_FIRST_LIST (UI_VIEW_HELP + 1)

/* Task filter: none, by status, or by timeliness. */
enum ui_filter_kind { UI_FILTER_NONE = 0, UI_FILTER_STATUS, UI_FILTER_TL };

/* A list read a page at a time (ui-pager.c): the rows win0 .. win0 +
 * nwin - 1 of src, around those on screen. */
struct ui_pager {
	struct tkl src;          /* the list; its l.n rows from the counters */
	struct tkl_row *win;
	size_t win0, nwin;
};

struct ui_units {
	struct hier *h;
	size_t count;            /* hier_count(h) */
	unsigned char *open;     /* per hier index: subtree expanded */
	size_t *rows;            /* hier indexes of the visible rows */
	struct ui_list l;
	uint64_t *overdue, *total; /* count cache per hier index ... */
	unsigned char *have;       /* ... valid where have[i] */
	char **folded;           /* folded names for search, built on first use */
	uint64_t rest_overdue, rest_total; /* the tasks without a lead unit (in no
	                            unit's subtree): the row after the tree
	                            (UI_UNITS_NOLEAD), shown while rest_total */
};

/* The row of ui_units.rows that stands for the tasks without a lead unit. */
#define UI_UNITS_NOLEAD ((size_t)-2)

struct ui_docs {
	int assigned;            /* 0: issued by the unit; 1: assigning tasks to it */
	uint32_t unit;           /* unit the list was built for */
	int built;               /* 0: must be (re)built */
	uint64_t *ids;
	struct ui_list l;
	uint64_t want;           /* document to select at the next build, or 0 */
};

struct ui_tasks {
	int led;                 /* 0: tasks of the document; 1: led by the unit's subtree */
	uint64_t key;            /* document or unit id the list was built for */
	int built;
	uint64_t *all;           /* every task of the source, in index order */
	size_t nall;
	uint64_t *ids;           /* what is shown: all, or the filtered part */
	size_t cap;
	struct ui_list l;
	int fkind;               /* enum ui_filter_kind */
	int fvalue;              /* enum task_status or enum timeliness */
	size_t fpos;             /* filtering has looked at all[0..fpos) */
	uint64_t want;           /* task to select once filtering reaches it, or 0 */
	/* Led by a subtree: the rows are read a page at a time from the
	 * indexes (ui-pager.c), never all of them. */
	int paged;               /* ids/all unused: rows from pg */
	struct ui_pager pg;
	struct tkl_key fkey;     /* filtering a led list: scanned up to fkey ... */
	int fkey_set;            /* ... (0: from the first row) */
};

struct ui_source {
	uint64_t doc;
	uint64_t task;           /* the text is task `task` in full (ui-taskview.c) */
	char *text;              /* sanitised original text, or NULL */
	size_t *lines;           /* start offsets of the wrapped lines ... */
	size_t *lens;            /* ... and their lengths */
	size_t nlines;
	int width;               /* width the lines were wrapped for */
	struct ui_list l;
};

struct ui_search {
	char *needle;            /* folded, or NULL when nothing was searched */
	int pane;                /* where: enum ui_pane, or -2 a list view */
	int dir;                 /* +1 forward, -1 backward */
	int running;             /* a search over stored rows is in progress */
	size_t pos;              /* next row to look at */
	size_t left;             /* rows still to look at */
	int fresh;               /* typed anew: from the first row, no wrap message */
	size_t from;             /* n / N: the row the search left from */
	int marked;              /* the search form is open: origin_* hold where it began */
	int origin_pane;
	size_t origin_sel, origin_top;
	uint32_t origin_unit;
};

/* Picking a unit in the tree for a form (a name of the unresolved view):
 * the panes show with the focus on the units; Enter on one calls done
 * (Space still opens and closes), Esc gives up and opens the view of
 * action `back` again.  Ends when a list view opens. */
struct ui_pick {
	int active;
	char *arg;               /* what the unit is picked for; owned */
	int (*done)(struct ui *u, const char *arg, uint32_t unit);
	enum ui_act back;
	char prompt[400];        /* said on the message line meanwhile */
	/* A unit picked for a field of a form (ui_form_pick_unit): the form
	 * put aside (owned), its field, and the screen to go back to. */
	struct ui_form *form;
	int field;
	int view, focus;
	uint32_t unit0;
};

struct ui {
	struct ops_ctx *ops;
	struct ui_layout lo;
	int small;               /* the screen is below the minimum */
	int color;               /* colours in use (terminal has them, no NO_COLOR) */
	int utf8;                /* the locale's charset is UTF-8 */
	int focus;               /* enum ui_pane */
	int view;                /* enum ui_view */
	struct ui_units units;
	struct ui_docs docs;
	struct ui_tasks tasks;
	struct ui_source src;
	struct ui_search search;
	struct ui_list help;
	int help_from;           /* the view `?` was pressed on: its keys head the
	                            help, and Esc goes back to it */
	void *vstate[UI_VIEW_COUNT]; /* state blocks of the views (ui_view_state) */
	struct ui_pick pick;     /* a unit being picked in the tree */
	struct ui_form *form;    /* the open form, or NULL */
	struct ui_rtext *rtext;  /* the report's prose being edited (w), or NULL */
	char msg[512];           /* message line */
	int msg_error;
	uint64_t marker;         /* store change marker of the last load */
	int full;                /* z: the focused pane takes the whole width */
	int detail_full;         /* V: on a short screen, the detail area under the
	                          * tasks, not the preview (ui-preview.c) */
	int hskip;               /* w: the long column of list rows from this column on */
	int hroom;               /* that column's width when a row of the last frame
	                          * went past it (0: every row fits) */
	int quit;
	void *frame_log;         /* FILE * of $THEODOI_FRAME_LOG, or NULL (ui.c) */
	int64_t key_us;          /* when the key the next frame answers came, or -1 */
};

/* ---- ui.c ---- */
/* Put a message on the message line (error: drawn as such). */
void ui_msg(struct ui *u, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Show e's message (and reset e). */
void ui_msg_err(struct ui *u, struct err *e);
/* Rows of a pane list / of the full-screen views on the current layout. */
int ui_page(const struct ui *u);
int ui_view_page(const struct ui *u);
/* Run fn in a short read transaction; errors go to the message line. */
int ui_with_txn(struct ui *u, int (*fn)(struct ui *u, struct txn *t, struct err *e));
/* Timeliness of a task today with the configured window. */
struct tl_result ui_task_tl(const struct ui *u, const struct task *t);

/* Forget every list and count read from the store, so that the next frame
 * reads them again (after a write, or another process's commit); the
 * selections and scroll positions are kept. */
void ui_reload(struct ui *u);

/* ---- ui-act.c: what the keys do ---- */
/* Handle one key: the open form's, else the action the key table binds. */
void ui_dispatch(struct ui *u, struct ui_key k);
/* 1 while a search, a filter or a lint check has work left for the idle
 * slices. */
int ui_busy(const struct ui *u);
/* Let the user pick a unit in the tree (struct ui_pick): arg is copied;
 * prompt is said on the message line until it ends. */
void ui_pick_start(struct ui *u, const char *arg,
                   int (*done)(struct ui *u, const char *arg, uint32_t unit), enum ui_act back,
                   const char *prompt);
void ui_pick_end(struct ui *u);

/* ---- ui-views.c: the list views (ui-view.h) behind one interface ---- */
/* 1 for the list views (UI_VIEW_FIRST_LIST ..). */
int ui_view_is_list(int view);
/* The table of list view `view`, or NULL for the panes and text views. */
const struct ui_view_ops *ui_view_ops_of(int view);
/* Open the list view that action a opens (o, d, b, c, ...) on the
 * screen's selection (see enum ui_view_scope); a missing scope is said on
 * the message line and leaves the view as it was.  0 if no view opens
 * with a. */
int ui_view_open_act(struct ui *u, enum ui_act a);
/* Bring the current view's list up to date (in the frame's transaction). */
int ui_view_sync(struct ui *u, struct txn *t, struct err *e);
/* Draw the current list view and its detail area. */
void ui_view_draw(struct ui *u, struct txn *t);
/* The cursor of the current view's list (NULL on the panes). */
struct ui_list *ui_view_list(struct ui *u);
/* The task the current view's selected row is about, or 0. */
uint64_t ui_view_task(const struct ui *u);
/* Enter on the current view: show the row's task, document or unit. */
int ui_view_enter(struct ui *u, struct txn *t, struct err *e);
/* A key of the current view's own: 1 if it used it. */
int ui_view_key(struct ui *u, enum ui_act a);
/* The detail area of the current list view into l; *title its title. */
void ui_view_detail(struct ui *u, struct txn *t, struct ui_lines *l, int cols, int rows,
                    const char **title);
/* The status-line hints of the current list view. */
const struct ui_hint *ui_view_hints(const struct ui *u);
/* The same of list view `view` (current or not), and its label. */
const struct ui_hint *ui_view_hints_on(const struct ui *u, int view, const char **label);
/* Close the current view (back to the panes) and free what it holds. */
void ui_view_close(struct ui *u);
/* Forget what every view read from the store (next frame reads again). */
void ui_views_forget(struct ui *u);
void ui_views_free(struct ui *u);
/* Look at up to `budget` rows of the current list view for the search's
 * needle from u->search.pos; selects the match and returns 1. */
int ui_view_search_step(struct ui *u, struct txn *t, size_t budget);
/* 1 while the current view has work left for the idle slices (the lint
 * checks), with what it is doing into msg (may be NULL). */
int ui_views_busy(const struct ui *u, char *msg, size_t len);
void ui_views_step(struct ui *u, struct txn *t, size_t budget);
/* Title line and column header of a list view, over the whole width. */
void ui_view_head(struct ui *u, const char *title, const char *header);
/* Show task `id` in its panes: its lead unit (or its document's issuer),
 * its document, the task selected, focus on the tasks pane. */
int ui_jump_task(struct ui *u, struct txn *t, uint64_t id, struct err *e);
/* Show document `doc` in the panes under its issuer, focus on documents. */
int ui_jump_doc(struct ui *u, struct txn *t, uint64_t doc, struct err *e);
/* The document the user points at: the selected task's document when the
 * tasks pane (or a task list view) has the focus, else the selected
 * document; 0 when none. */
uint64_t ui_pointed_doc(struct ui *u, struct txn *t);

/* ---- ui-hints.c: the status line's keys, from the key table ---- */
/* The widest hint line of the current screen that fits in `room`
 * columns into b (nothing when not even the first hint fits); returns how
 * many levels of hints were left out (0: all of them fit). */
int ui_hints_line(const struct ui *u, int room, struct sbuf *b);
/* The keys of view `view` (a list view, the panes with the pane of the
 * focus, or the tree while a unit is picked) as `?` lists them, every
 * level, and into *title what they are the keys of. */
const struct ui_hint *ui_hints_of_view(const struct ui *u, int view, const char **title);

/* ---- what some views offer the rest of the screen ---- */
/* ui-lint.c: the marker beside a task that breaks a lint rule ("" when none). */
const char *ui_lint_marker(const struct ui *u, const struct task *tk);
/* ui-ind.c: the selected indicator (valid until the next sync), or NULL. */
const struct indicator *ui_ind_selected(const struct ui *u);
/* ui-queue.c: 1 if the actor's role confirms completions anywhere (as a
 * monitoring office or an admin); the rules for one task are checked when
 * asked.  The extension request of the queue's selected row, or 0. */
int ui_may_confirm_some(const struct ui *u);
uint64_t ui_queue_selected_ext(const struct ui *u);

/* ---- ui-search.c ---- */
/* Search the current pane (or the due view) for text, from its first row
 * (as less and vim do for a new search), case and diacritics ignored. */
void ui_search_start(struct ui *u, const char *text);
/* n / N: the next / previous match of the last search, wrapping round the
 * list (the message line says so when it wraps). */
void ui_search_again(struct ui *u, int dir);
/* The search form opened: remember the selection to search from and to
 * go back to on Esc. */
void ui_search_mark(struct ui *u);
/* The search text changed while typing: search again, from the first row,
 * as each character is typed (an empty text goes back to the start). */
void ui_search_live(struct ui *u, const char *text);
/* Esc in the search form: back to the selection it opened on. */
void ui_search_cancel(struct ui *u);
/* Look at up to `budget` rows; called between keys while u->search.running. */
void ui_search_step(struct ui *u, struct txn *t, size_t budget);

/* ---- ui-pager.c: lists read a page at a time ---- */
/* Make the window hold rows [lo, hi) of the list l (and some around);
 * when the list ends before its counters said, l->n is cut to it. */
int ui_pager_fill(struct ui_pager *pg, struct ui_list *l, int page, struct txn *t, size_t lo,
                  size_t hi, struct err *e);
/* Row i's task (0 when it cannot be read). */
uint64_t ui_pager_row(struct ui_pager *pg, struct ui_list *l, int page, struct txn *t,
                      size_t i);
/* The selected row's task without changing the window: read in a read
 * transaction of its own when the selection moved past it. */
uint64_t ui_pager_peek(const struct ui_pager *pg, const struct ui_list *l, struct store *st);
/* Select task id (found from its key: tkl_locate); 0 if not in the list. */
int ui_pager_select(struct ui_pager *pg, struct ui_list *l, int page, struct txn *t,
                    uint64_t id);
/* Drop the window (the list is read again); _free also the list. */
void ui_pager_forget(struct ui_pager *pg);
void ui_pager_free(struct ui_pager *pg);

/* ---- ui-units.c ---- */
int ui_units_load(struct ui *u, struct txn *t, struct err *e);
void ui_units_free(struct ui *u);
/* The selected unit's id; 0 when none, or on the row of the tasks without
 * a lead unit (ui_units_nolead). */
uint32_t ui_units_selected(const struct ui *u);
/* 1 when the row of the tasks without a lead unit is selected: the tasks
 * pane (led by the unit) lists those tasks. */
int ui_units_nolead(const struct ui *u);
/* 1 when the tree is shown and its selected row shows the unit's name
 * whole (not cut by the pane's width). */
int ui_units_name_shown(const struct ui *u);
void ui_units_toggle(struct ui *u);
/* Expand the ancestors of unit `id` and select it; 0 if unknown. */
int ui_units_reveal(struct ui *u, uint32_t id);
void ui_units_forget_counts(struct ui *u);
void ui_units_draw(struct ui *u, struct txn *t);
/* The mark of a unit with units under it in the tree: "▸" collapsed, "▾"
 * open (">" and "v" without UTF-8), apart from the timeliness symbols
 * ("+" done on time, "-" no deadline) of the tasks pane beside it. */
const char *ui_tree_mark(const struct ui *u, int open);
/* Find the next unit (from the selection, or from the first unit for a
 * fresh search, in u->search.dir) whose name, code or abbreviations
 * contain the folded needle; 1 if found, 2 if found after going round
 * the end of the tree, 0 if none. */
int ui_units_search(struct ui *u);
/* Display name of a unit id ("" for 0, "#id" when unknown). */
const char *ui_unit_name(const struct ui *u, uint32_t id);
/* Append to b who leads task tk, as `show` says it: the unit's name; a
 * group lead as written ("Cấp ủy, tổ chức đảng") marked "(nhiệm vụ chung
 * của nhiều cơ quan)" (imp_lead_is_group); any other lead not resolved to
 * a unit marked "(chưa xác định đơn vị)". */
void ui_task_lead(const struct ui *u, const struct task *tk, struct sbuf *b);
/* A short name of unit id for a narrow column: the first of its
 * abbreviations that fits in maxw columns, else the shortest one, else its
 * name (cut when drawn).  Into buf; returns buf ("" for 0). */
char *ui_unit_short(const struct ui *u, uint32_t id, int maxw, char *buf, size_t len);

/* ---- ui-docs.c ---- */
int ui_docs_sync(struct ui *u, struct txn *t, struct err *e);
uint64_t ui_docs_selected(const struct ui *u);
int ui_docs_select_id(struct ui *u, uint64_t id);
void ui_docs_draw(struct ui *u, struct txn *t);
void ui_docs_free(struct ui *u);
/* Look at up to `budget` documents for the search; 1 found, 0 not yet. */
int ui_docs_search_step(struct ui *u, struct txn *t, size_t budget);

/* ---- ui-tasks.c ---- */
int ui_tasks_sync(struct ui *u, struct txn *t, struct err *e);
uint64_t ui_tasks_selected(const struct ui *u);
int ui_tasks_select_id(struct ui *u, uint64_t id);
void ui_tasks_draw(struct ui *u, struct txn *t);
void ui_tasks_free(struct ui *u);
/* Before the unit tree is loaded again: remember the selected task, let
 * go of the list (read again, the selection kept, at the next frame). */
void ui_tasks_forget(struct ui *u);
/* Set the filter and restart filtering (kind UI_FILTER_NONE clears it). */
void ui_tasks_set_filter(struct ui *u, int kind, int value);
/* Filter up to `budget` more tasks; 1 while filtering is unfinished. */
int ui_tasks_filter_step(struct ui *u, struct txn *t, size_t budget);
int ui_tasks_filtering(const struct ui *u);
const char *ui_tasks_filter_label(const struct ui *u, char *buf, size_t len);
int ui_tasks_search_step(struct ui *u, struct txn *t, size_t budget);
/* One row of a task list ("! #12  III.2#3  Tổ chức hội nghị ...") and its
 * attribute; used by the tasks pane and the due view. */
void ui_task_row(struct ui *u, struct txn *t, uint64_t id, int y, int x, int w, int sel,
                 int focused, int with_unit);
/* Columns of the text cell of a tasks pane row `w` columns wide (what
 * ui_task_row draws with with_unit 0): the row cuts a longer text there. */
int ui_task_row_text_cols(int w);
/* The same for a row with its unit (ui_task_row with with_unit 1, the
 * overdue view's rows). */
int ui_task_unit_row_text_cols(int w);

/* ---- ui-detail.c ---- */
void ui_detail_draw(struct ui *u, struct txn *t);
/* The lines of a task's detail (what the detail area shows for it). */
void ui_detail_task(struct ui *u, struct txn *t, uint64_t id, struct ui_lines *l, int cols,
                    int rows);

/* ---- ui-preview.c: the preview under the tasks on a short screen ---- */
/* 1 when the tasks pane has the focus, or the overdue or due-soon view is
 * shown, on a screen of fewer than UI_SHORT_ROWS rows and V has not
 * brought the detail area back. */
int ui_preview_on(const struct ui *u);
/* When the preview is on, give the tasks list the rows it needs above a
 * preview of UI_PREVIEW_ROWS at least (ui_layout_preview on u->lo);
 * returns 1 if the page height changed. */
int ui_preview_layout(struct ui *u);
/* Draw the preview in the detail area of u->lo: the rule and its title,
 * a line of the selected task's facts, the text its row cut. */
void ui_preview_draw(struct ui *u, struct txn *t);

/* ---- ui-help.c ---- */
void ui_help_draw(struct ui *u);
/* Rows of the help: the keys of the view it was opened on, then the key
 * table and the legend. */
size_t ui_help_rows(const struct ui *u);

/* ---- ui-source.c ---- */
int ui_source_open(struct ui *u, struct txn *t, uint64_t doc, struct err *e);
void ui_source_draw(struct ui *u);
void ui_source_free(struct ui *u);

/* ---- ui-rtext.c: the editor of a report's prose (w) ---- */
/* Open the editor on the selected unit (else the actor's), asking the
 * period first; refused on the message line when the actor may not write
 * the unit's report (rtext_may_write). */
void ui_rtext_open(struct ui *u);
/* Every key while the editor is open: type, move, Tab to the next
 * section, F2 / Ctrl-O to save, Esc to close (asking when text is typed). */
void ui_rtext_key(struct ui *u, struct ui_key k);
/* Draw it over the screen above the message line; ui_rtext_cursor then
 * puts the terminal's cursor where the user types. */
void ui_rtext_draw(struct ui *u);
void ui_rtext_cursor(const struct ui *u);
/* 1 while the editor asks the period (before the sections open). */
int ui_rtext_asks_period(const struct ui *u);
void ui_rtext_free(struct ui *u);

/* ---- ui-taskview.c ---- */
/* Enter on a task: the task in full (text, deadline, extensions, every
 * update) in the scrolling text view. */
int ui_taskview_open(struct ui *u, struct txn *t, uint64_t id, struct err *e);

#endif
