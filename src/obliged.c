/* obliged.c — the bodies a document obliges, with what each owes. */
#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "model.h"
#include "obliged.h"
#include "store.h"
#include "timeliness.h"
#include "util.h"

struct walk {
	struct txn *t;
	date_t today;
	const struct periods *periods;
	const struct hist_day *past;
	struct obliged *o;
	struct err *e;
	int rc;
	char (*loose)[SECTION_LEN];  /* sections of the tasks without a lead unit */
	char (*opened)[SECTION_LEN]; /* group sections with obligations (SECTION@code) */
	size_t nloose, nopened;
};

static void push_section(char (**v)[SECTION_LEN], size_t *n, const char *s, size_t len)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	if (len >= SECTION_LEN)
		len = SECTION_LEN - 1;
	memcpy((*v)[*n], s, len);
	(*v)[*n][len] = '\0';
	(*n)++;
}

static int one_task(uint64_t id, void *ctx)
{
	struct walk *w = ctx;
	struct task k = {0};
	if ((w->rc = store_task_get(w->t, id, &k, w->e)))
		return 1;
	if (w->past) {
		struct task then = {0};
		int exists = 1;
		w->rc = hist_task_as_of(w->t, &k, w->past, &then, &exists, w->e);
		task_free(&k);
		if (w->rc) {
			task_free(&then);
			return 1;
		}
		if (!exists) {
			task_free(&then);
			return 0;
		}
		k = then;
	}
	const char *at = strchr(k.section, '@');
	if (at)
		push_section(&w->opened, &w->nopened, k.section, (size_t)(at - k.section));
	if (!k.lead) {
		push_section(&w->loose, &w->nloose, k.section, strlen(k.section));
		task_free(&k);
		return 0;
	}
	struct obliged_body *b = NULL;
	for (size_t i = 0; i < w->o->n && !b; i++)
		if (w->o->v[i].unit == k.lead)
			b = &w->o->v[i];
	if (!b) {
		w->o->v = xrealloc(w->o->v, (w->o->n + 1) * sizeof *w->o->v);
		b = &w->o->v[w->o->n++];
		memset(b, 0, sizeof *b);
		b->unit = k.lead;
		b->next_due = DATE_NONE;
	}
	b->tasks++;
	int open = k.status == ST_NOT_STARTED || k.status == ST_IN_PROGRESS;
	struct tl_input in = {k.status, &k.dl, k.due, k.done_date, w->periods};
	struct tl_result r = tl_compute(&in, w->today, 0);
	if (k.status == ST_DONE)
		b->done++;
	if (r.tl == TL_OVERDUE || r.tl == TL_UNREPORTED)
		b->overdue++;
	if (open && k.due != DATE_NONE && (b->next_due == DATE_NONE || k.due < b->next_due))
		b->next_due = k.due;
	task_free(&k);
	return 0;
}

int obliged_of_doc(struct txn *t, uint64_t doc, date_t today, const struct periods *periods,
                   const struct hist_day *past, struct obliged *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	struct walk w = {t, today, periods, past, out, e, 0, NULL, NULL, 0, 0};
	int rc = store_tasks_by_doc(t, doc, one_task, &w, e);
	if (!rc)
		rc = w.rc;
	/* a group task opened to its units owes nothing itself */
	for (size_t i = 0; i < w.nloose; i++) {
		int opened = 0;
		for (size_t j = 0; j < w.nopened && !opened; j++)
			opened = !strcmp(w.loose[i], w.opened[j]);
		out->no_unit += !opened;
	}
	free(w.loose);
	free(w.opened);
	if (rc)
		obliged_free(out);
	return rc;
}

void obliged_free(struct obliged *o)
{
	free(o->v);
	memset(o, 0, sizeof *o);
}
