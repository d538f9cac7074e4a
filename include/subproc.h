/* subproc.h — run a helper program and collect what it prints: no shell, a
 * time limit, bounded output.  Used to run theodoi-extract (intake.h) and,
 * from it, the converters of old Word files. */
#ifndef THEODOI_SUBPROC_H
#define THEODOI_SUBPROC_H

#include <stddef.h>

struct err;
struct sbuf;

struct subproc_result {
	int status;     /* as waitpid() gives it */
	char err[1024]; /* the start of its standard error, NUL-terminated */
};

/* Run argv[0] (searched in $PATH unless it holds a '/') with argv, standard
 * input from /dev/null, standard output appended to *out (at most max_out
 * bytes), standard error into r->err.  The child is killed after `seconds`.
 * Returns 0 when it ran to its end (whatever its exit status, in
 * r->status); ERR_NOTFOUND when the program does not exist; ERR_INPUT when
 * it ran out of time or printed more than max_out (the message names
 * `what`, a file or a program, and the limit); ERR_IO for other failures. */
int subproc_capture(char *const argv[], int seconds, size_t max_out, const char *what,
                  struct sbuf *out, struct subproc_result *r, struct err *e);

/* subproc_capture() with `in` (inlen bytes) written to the child's standard
 * input, then closed (input NULL: /dev/null, as subproc_capture).  A child
 * that stops reading early is not an error here: its exit status tells. */
int subproc_feed(char *const argv[], const char *in, size_t inlen, int seconds, size_t max_out,
                 const char *what, struct sbuf *out, struct subproc_result *r, struct err *e);

/* The path of the helper program `name` into buf: beside the running
 * program (a build tree) when it is there and executable, else in
 * libexecdir, where `make install` put it. */
void subproc_helper_path(const char *name, const char *libexecdir, char *buf, size_t len);

/* What a helper said: the first line of r->err (cut at its first newline,
 * in place), without the "path: " it starts with when it names the file
 * `path` itself.  Points into r->err; "" when it said nothing. */
const char *subproc_said(struct subproc_result *r, const char *path);

#endif
