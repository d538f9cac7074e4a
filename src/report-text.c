/* report-text.c — the prose of a report kept in the store (report-text.h). */
#include "report-text.h"

#include <stdio.h>
#include <string.h>

#include "store.h"
#include "util.h"

static const char *const keys[RT_COUNT] = {"danh-gia", "han-che", "phuong-huong", "kien-nghi"};
static const char *const titles[RT_COUNT] = {
	"Kết quả đạt được", "Hạn chế, khuyết điểm và nguyên nhân",
	"Phương hướng, nhiệm vụ thời gian tới", "Kiến nghị, đề xuất"};

const char *rtext_key(enum rtext_section s)
{
	return (unsigned)s < RT_COUNT ? keys[s] : "";
}

const char *rtext_title(enum rtext_section s)
{
	return (unsigned)s < RT_COUNT ? titles[s] : "";
}

int rtext_parse(const char *key)
{
	for (int i = 0; key && i < RT_COUNT; i++)
		if (!strcmp(key, keys[i]))
			return i;
	return -1;
}

static void meta_key(char *buf, size_t len, uint32_t unit, const char *period, enum rtext_section s)
{
	snprintf(buf, len, "rtext.%u.%s.%s", (unsigned)unit, period, rtext_key(s));
}

int rtext_get(struct txn *t, uint32_t unit, const char *period, enum rtext_section s, char **out,
              struct err *e)
{
	char key[64];
	*out = NULL;
	meta_key(key, sizeof key, unit, period, s);
	int rc = store_meta_get(t, key, out, e);
	if (rc == ERR_NOTFOUND) {
		err_clear(e);
		return 0;
	}
	if (!rc && *out && !**out) {
		free(*out);
		*out = NULL;
	}
	return rc;
}

int rtext_put(struct txn *t, uint32_t unit, const char *period, enum rtext_section s,
              const char *text, struct err *e)
{
	char key[64];
	meta_key(key, sizeof key, unit, period, s);
	return store_meta_put(t, key, text, e);
}
