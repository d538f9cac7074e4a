/* ops-fixture.h — a small hierarchy in a fresh store and an ops context
 * with an actor of any role and unit, for the tests of permissions,
 * confirmation and audit (test_perm.c, test_confirm.c, test_audit.c).
 *
 *   tu        Tỉnh ủy (root)
 *   ├ tu-btc     Ban Tổ chức          the actor's usual unit
 *   │ └ tu-btc-p1  Phòng 1 of it      (subtree of tu-btc)
 *   ├ tu-btg     Ban Tuyên giáo       (elsewhere; partner of one task)
 *   └ tu-vp      Văn phòng            monitoring office of tu
 *
 * Tasks (ids in ox_task[]):
 *   OX_OWN       led by tu-btc
 *   OX_SUBTREE   led by tu-btc-p1
 *   OX_PARTNER   led by tu-btg, tu-btc a partner
 *   OX_ELSEWHERE led by tu-btg
 * all "hoàn thành trong năm 2026" (due 2026-12-31), in progress, 40 %. */
#ifndef THEODOI_TESTS_OPS_FIXTURE_H
#define THEODOI_TESTS_OPS_FIXTURE_H

#include "store-fixture.h"

#include "config.h"
#include "ops.h"
#include "perm.h"

enum { OX_OWN = 0, OX_SUBTREE, OX_PARTNER, OX_ELSEWHERE, OX_NTASKS };
enum { OU_TU = 0, OU_BTC, OU_BTC_P1, OU_BTG, OU_VP, OU_COUNT };

static const char *const ox_codes[OU_COUNT] = {"tu", "tu-btc", "tu-btc-p1", "tu-btg", "tu-vp"};
static uint32_t ox_unit[OU_COUNT];
static uint64_t ox_task[OX_NTASKS];
static struct config ox_cfg;
static struct cfg_monitor ox_monitor = {"tu-vp", "tu", 1};
static struct ops_ctx ox;

#define OX_TODAY date_make(2026, 11, 23)

static inline void ox_setup(void)
{
	fx_setup();
	ox_unit[OU_TU] = fx_unit("tu", 0);
	ox_unit[OU_BTC] = fx_unit("tu-btc", ox_unit[OU_TU]);
	ox_unit[OU_BTC_P1] = fx_unit("tu-btc-p1", ox_unit[OU_BTC]);
	ox_unit[OU_BTG] = fx_unit("tu-btg", ox_unit[OU_TU]);
	ox_unit[OU_VP] = fx_unit("tu-vp", ox_unit[OU_TU]);
	static const int leads[OX_NTASKS] = {OU_BTC, OU_BTC_P1, OU_BTG, OU_BTG};
	for (int i = 0; i < OX_NTASKS; i++) {
		struct task t;
		fx_task_init(&t, ox_unit[leads[i]], 0, ST_IN_PROGRESS, date_make(2026, 12, 31));
		t.progress = 40;
		t.start = date_make(2026, 1, 1);
		if (i == OX_PARTNER) {
			t.npartners = 1;
			t.partners = malloc(sizeof *t.partners);
			t.partners[0] = ox_unit[OU_BTC];
		}
		fx_write(fx_w_task, &t);
		ox_task[i] = t.id;
		task_free(&t);
	}
	memset(&ox_cfg, 0, sizeof ox_cfg);
	ox_cfg.unmapped_can_read = 1;
	ox_cfg.extend = CFG_EXTEND_MONITORS;
	ox_cfg.confirm_done = 1;
	ox_cfg.periods.months = 1u << 11;
	ox_cfg.soon_days = 14;
	ox_cfg.nmonitors = 1;
	ox_cfg.monitors = &ox_monitor;
	memset(&ox, 0, sizeof ox);
	ox.st = fx_st;
	ox.cfg = &ox_cfg;
	ox.today = OX_TODAY;
	ox.clock = OX_TODAY; /* the "real" day of these tests */
}

static inline void ox_teardown(void)
{
	fx_teardown();
}

/* Act as `role` of unit index u (-1: no unit). */
static inline void ox_as(enum role role, int u)
{
	snprintf(ox.who.login, sizeof ox.who.login, "%s", role == ROLE_NONE ? "khach" : "nv.test");
	ox.who.role = role;
	ox.who.unit = u >= 0 ? ox_unit[u] : 0;
}

static inline struct task ox_get(uint64_t id)
{
	struct txn *t = fx_read();
	struct task k;
	struct err e = {0};
	cr_assert_eq(store_task_get(t, id, &k, &e), 0, "%s", e.msg);
	store_read_end(t);
	return k;
}

/* Put a task's status and confirmation directly (a claim to work on). */
static inline void ox_set(uint64_t id, int status, int confirm)
{
	struct task k = ox_get(id);
	k.status = (uint8_t)status;
	k.confirm = (uint8_t)confirm;
	k.done_date = status == ST_DONE ? date_make(2026, 11, 20) : DATE_NONE;
	fx_write(fx_w_task, &k);
	task_free(&k);
}

static inline uint64_t ox_audit_count(void)
{
	struct txn *t = fx_read();
	struct store_stat ss;
	struct err e = {0};
	cr_assert_eq(store_stat(t, &ss, &e), 0, "%s", e.msg);
	store_read_end(t);
	return ss.audit;
}

#endif
