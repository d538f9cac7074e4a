#!/bin/sh
# The dashboard (b) with [access] confirm_done = yes: a task Ban Tuyên giáo
# reports done is a claim waiting for the monitoring office, so the
# dashboard's "Xong" leaves it out (as `theodoi summary` does) and the
# detail of the total row counts it on a line of its own, "Chờ xác nhận",
# beside the report sentence that says so.
NAME=dashboard-confirm
. tests/tui/lib.inc

setup
# An editor's writes record the real day, and a day before it is a past day
# whose figures leave later writes out: this test reads as of the real day.
TODAY=$(date +%F)
TODAY_VN=$(date +%d/%m/%Y)
me=$(id -un)
sed -i "s/^confirm_done *=.*/confirm_done = yes\nmonitors = tu-vp:tu/" "$CONF"
as_user() { sed -i "/^$me *=/d" "$CONF"; echo "$me = $1" >>"$CONF"; }
as_user "tu-vp, admin"
done_before=$(cli summary --unit tu --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["done"])')
as_user "tu-btg, editor"
id=$(cli tasks --unit tu-btg --format json | python3 -c 'import json,sys
print([t["id"] for t in json.load(sys.stdin) if t["status"] in ("not_started", "in_progress")][0])')
cli update "$id" --status hoan-thanh --note "đã xong" >/dev/null || fail "cli update $id"
as_user "tu-vp, admin"
cli summary --unit tu --format json >"$TMP/tu.json" || fail "cli summary tu"
python3 - "$TMP/tu.json" "$done_before" <<'PY' || fail "summary counts the claim as done"
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
assert s["pending_confirm"] == 1, s["pending_confirm"]
assert s["done"] == int(sys.argv[2]), (s["done"], sys.argv[2])
PY
done_now=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["done"])' "$TMP/tu.json")

start_tui 120 40
keys /
type_text "tinh uy son ha"
keys Enter
wait_for "Tỉnh ủy Sơn Hà (Tỉnh ủy, mã tu)" || fail "unit not found"
keys b
wait_for "Tổng hợp — Tỉnh ủy Sơn Hà và các đơn vị trực thuộc" || fail "b shows no dashboard"
keys G
wait_for "Chờ xác nhận: 1 nhiệm vụ báo cáo hoàn thành, chưa tính là hoàn thành." ||
	fail "the total's detail does not count the claim"
wait_for "đang chờ xác nhận" || fail "the sentence does not say so"
# The total row: "Cộng", total, done (the claim left out).
screen | grep "Cộng" | python3 -c 'import sys
row = sys.stdin.read().split("Cộng", 1)[1].split()
assert int(row[1].replace(".", "")) == int(sys.argv[1]), (row, sys.argv[1])' "$done_now" ||
	fail "the dashboard's Xong differs from theodoi summary"
keys Escape
wait_for "» Đơn vị" || fail "Esc does not close the dashboard"
quit_and_check_restored
pass
