/* cli-opts.c — option parsing that several commands share (cli-opts.h). */
#include "cli-opts.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "deadline.h"
#include "text.h"
#include "util.h"

int cli_opts_none(struct cli *c, int argc, char **argv, const char *cmd, const char *help,
                  int *done, struct err *e)
{
	static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, {0}};
	int o = getopt_long(argc, argv, "h", opts, NULL);
	*done = 0;
	if (o == -1)
		return 0;
	if (o != 'h')
		return cli_bad_option(cmd, e);
	fputs(help, c->out);
	*done = 1;
	return 0;
}

int cli_opts_format(struct cli *c, int argc, char **argv, const char *cmd, const char *help,
                    int *fmt, int *done, struct err *e)
{
	static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
	                                     {"help", no_argument, NULL, 'h'},
	                                     {0}};
	int o, rc = 0;
	*fmt = FMT_TEXT;
	*done = 0;
	while (!rc && (o = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (o == 'h') {
			fputs(help, c->out);
			*done = 1;
			return 0;
		}
		rc = o == 'f' ? cli_parse_format(optarg, fmt, e) : cli_bad_option(cmd, e);
	}
	if (!rc && optind < argc)
		rc = err_set(e, ERR_USAGE, "lệnh %s không nhận tham số: '%s'", cmd, argv[optind]);
	return rc;
}

const struct option cli_doc_options[] = {{"title", required_argument, NULL, 't'},
                                         {"number", required_argument, NULL, 'n'},
                                         {"kind", required_argument, NULL, 'k'},
                                         {"date", required_argument, NULL, 'd'},
                                         {"issuer", required_argument, NULL, 'i'},
                                         {"implements", required_argument, NULL, 'I'},
                                         {"plan-due", required_argument, NULL, 'P'},
                                         {"help", no_argument, NULL, 'h'},
                                         {0}};

int cli_doc_numbers(const char *list, char (**out)[DOCNUM_LEN], int *n, struct err *e)
{
	char *copy = xstrdup(list), *save = NULL;
	int rc = 0;
	*out = NULL;
	*n = 0;
	for (char *tok = strtok_r(copy, ",;", &save); tok && !rc; tok = strtok_r(NULL, ",;", &save)) {
		while (*tok == ' ')
			tok++;
		if (!*tok)
			continue;
		if (strlen(tok) >= DOCNUM_LEN) {
			rc = err_set(e, ERR_USAGE, "số văn bản quá dài: '%s'", tok);
			break;
		}
		*out = xrealloc(*out, (size_t)(*n + 1) * sizeof **out);
		str_copy((*out)[(*n)++], tok, DOCNUM_LEN);
	}
	free(copy);
	return rc;
}

int cli_deadline_opt(const char *arg, char **phrase, struct deadline *dl, struct err *e)
{
	free(*phrase);
	*phrase = NULL;
	dl_init(dl);
	int rc = txt_clean_input(arg, 1000, 0, phrase, e);
	if (!rc && !dl_parse(*phrase, dl))
		rc = err_set(e, ERR_INPUT, "không hiểu thời hạn: '%s' (ví dụ: \"hoàn thành trong quý "
		             "II/2027\", \"trước ngày 30/6/2027\", \"thực hiện thường xuyên\")", arg);
	return rc;
}
