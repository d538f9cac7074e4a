/* cli-report.h — the commands of reports, reminders, the cascade and
 * indicators (src/cli-report.c, src/cli-remind.c), and the helpers they
 * share.  Each command is a cli_cmd_fn (cli.h). */
#ifndef THEODOI_CLI_REPORT_H
#define THEODOI_CLI_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "date.h"

struct cli;
struct err;

/* summary [--unit U] [--doc D] [--quick] [--format text|csv|json] */
int cmd_summary(struct cli *c, int argc, char **argv, struct err *e);
/* cascade DOC [--depth N] [--format text|csv|json] */
int cmd_cascade(struct cli *c, int argc, char **argv, struct err *e);
/* lint [DOC] [--unit U] [--rule R] [--format text|csv|json] */
int cmd_lint(struct cli *c, int argc, char **argv, struct err *e);
/* report [--unit U] [--doc D] [--period YYYY|YYYY-Qn] [--format md|txt|csv|json] */
int cmd_report(struct cli *c, int argc, char **argv, struct err *e);
/* remind [--unit U] [--days N] [--out DIR] [--quiet] [--format text|json] */
int cmd_remind(struct cli *c, int argc, char **argv, struct err *e);
/* report-text --unit U --period P --section S [--file F | --show | --clear]
 * (src/cli-report-text.c) */
int cmd_report_text(struct cli *c, int argc, char **argv, struct err *e);
/* register [--unit U] [--year Y] [--format text|csv|json] (src/cli-docout.c) */
int cmd_register(struct cli *c, int argc, char **argv, struct err *e);
/* measure IND VALUE [--date D] [--note TEXT] */
int cmd_measure(struct cli *c, int argc, char **argv, struct err *e);
/* indicators [IND] [--doc D] [--unit U] [--format text|csv|json] */
int cmd_indicators(struct cli *c, int argc, char **argv, struct err *e);

/* Shared by those commands. */

/* Print j to c->out, indented, reals with 10 significant digits; ERR_IO. */
int rcli_json_print(json_t *j, struct cli *c, struct err *e);
struct hier;
struct sbuf;
/* The store opened and the hierarchy loaded (cli_store, cli_hier). */
int rcli_need_hier(struct cli *c, const struct hier **h, struct err *e);
/* Write b to c->out; ERR_IO. */
int rcli_print_sbuf(struct cli *c, struct sbuf *b, struct err *e);
/* A document's name for headings, appended to b: "Kế hoạch số 42-KH/ThU
 * ngày 19/10/2025" (no number, no date: left out). */
void rcli_doc_title(struct sbuf *b, const char *kind, const char *number, date_t date);

/* Documents (src/cli-docout.c). */
struct hier;
struct report;
struct remind_letter;

/* The unit a report is from: the scope unit when one is given, else the
 * committee the user's unit works for (its nearest committee at or above
 * it), else the root of the hierarchy; 0 when h is empty. */
uint32_t rcli_report_sender(const struct cli *c, const struct hier *h, uint32_t scope);
/* Write r as a document from unit `from` in format (enum docout_format)
 * to path, and say so on c->out: a draft, or with `issue` a document
 * numbered from the register (register.h) in one write transaction with
 * its record and audit entry; ERR_CONFIG when units.ini names no signer
 * for the unit, and nothing is numbered.  mail_to (NULL: none): an address,
 * or a unit whose units.ini email receives the document (rcli_mail_file);
 * checked before anything is written. */
int rcli_report_write(struct cli *c, const struct hier *h, const struct report *r, uint32_t from,
                      int format, const char *path, int issue, const char *mail_to,
                      struct err *e);
/* Append parts IV-VI of a report (the texts of report-text.h of unit
 * `from` for r's period) to out: Markdown or plain text of 80 columns. */
struct sbuf;
void rcli_report_append_texts(struct cli *c, const struct hier *h, const struct report *r,
                              uint32_t from, int markdown, struct sbuf *out);
/* r as one HTML page (report_html) from unit `from`, to path (a
 * temporary file renamed over it; a link or device refused), or to c->out
 * when path is NULL. */
int rcli_report_html(struct cli *c, const struct hier *h, const struct report *r, uint32_t from,
                     const char *path, struct err *e);
/* The mail address units.ini gives unit u (key email), or NULL. */
struct unit;
const char *rcli_unit_email(struct cli *c, const struct unit *u);
/* Mail the file at path to `to` ([mail] sendmail, from), the subject and
 * the plain-text body given, and record the attempt with the MTA's answer
 * in the audit log (action mail; unit_code may be NULL).  0 when the MTA
 * took it; otherwise its error (the record says it failed). */
int rcli_mail_file(struct cli *c, const char *to, const char *unit_code, const char *path,
                   const char *subject, const char *body, struct err *e);
/* 0 when documents from `from` may be issued (units.ini names a signer),
 * else ERR_CONFIG saying which key to add. */
int rcli_can_issue(struct cli *c, const struct hier *h, uint32_t from, struct err *e);
/* The unit a letter to `unit` is from: the monitoring office of the unit
 * ([access] monitors), else the Văn phòng of the nearest committee above
 * it (the committee itself when it has none); never `unit` itself. */
struct txn;
struct config;
uint32_t rcli_remind_sender(struct txn *t, const struct config *cfg, const struct hier *h,
                            uint32_t unit);
/* Write the letter l as a document from unit `from` to path, a draft or
 * issued as rcli_report_write; the number given into number ("" for a
 * draft). */
int rcli_remind_write(struct cli *c, const struct hier *h, uint32_t from,
                      const struct remind_letter *l, int32_t today, int days, int32_t reply_by,
                      int format, const char *path, int issue, char *number, size_t len,
                      struct err *e);

#endif
