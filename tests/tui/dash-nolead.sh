#!/bin/sh
# The dashboard (b) at 80x24 on the unit tree's row of the tasks no unit
# leads: the roll-up of the whole store read from its tasks (a store of a
# few hundred tasks is never "số liệu nhanh theo bộ đếm"), that row
# selected with its figures, the rate column filled, and the detail area
# giving those tasks' sentence.  The rows it shares with the roll-up from
# the root (Home b) show the same figures: on-hold tasks are not "Xong".
# Enter on that row lists those tasks.
NAME=dash-nolead
. tests/tui/lib.inc

setup
cli import ../shared/samples/tinh-uy-chuong-trinh.docx >"$TMP/import1.log" 2>&1 ||
	fail "import: $(tail -n 1 "$TMP/import1.log")"
cli import ../shared/samples/thanh-uy-ke-hoach.txt >"$TMP/import2.log" 2>&1 ||
	fail "import: $(tail -n 1 "$TMP/import2.log")"
cli units --format json >"$TMP/units.json" || fail "units"
rest=$(python3 -c 'import json,sys
rows = json.load(open(sys.argv[1]))
print([r["total"] for r in rows if r["code"] is None][0])' "$TMP/units.json") ||
	fail "units has no row of the tasks without a lead unit"
# the demo's Ban cán sự đảng Ủy ban nhân dân tỉnh (a row on the first
# screen) has a task on hold, which "Xong" must leave out
cli tasks --unit tu-ubnd --format json | python3 -c 'import json,sys
sys.exit(0 if any(t["status"] == "on_hold" for t in json.load(sys.stdin)) else 1)' ||
	fail "the demo's tu-ubnd has no task on hold"
done_ubnd=$(cli summary --unit tu-ubnd --format json | python3 -c 'import json,sys
print(json.load(sys.stdin)["summary"]["done"])') || fail "summary --unit tu-ubnd"

start_tui 80 24
keys End
wait_for "Nhiệm vụ chưa xác định đơn vị chủ trì (không thuộc đơn vị nào)" ||
	fail "End does not reach the row of the tasks without a lead unit"
keys b
wait_for "Tổng hợp — toàn bộ" || fail "b on the row shows no roll-up"
screen | grep -qF "số liệu nhanh" && fail "a store of a few hundred tasks is rolled up from the counters"
wait_for "» (chưa xác định đơn v" || fail "the row of the tasks without a lead unit is not selected"
row=$(screen | grep -F "» (chưa xác định đơn v")
echo "$row" | grep -qE "[^0-9]$rest +[0-9]+ +[0-9]+ +[0-9]+ +[0-9,]+% " ||
	fail "the row does not give its $rest tasks and a rate: $row"
wait_for "Tổng số $rest nhiệm vụ;" || fail "the detail area does not give the row's sentence"
screen >"$TMP/all.txt"
wait_for "Enter: các nhiệm vụ này" || fail "the detail does not say what Enter does on the row"
keys Enter
wait_for "» Nhiệm vụ đơn vị chủ trì: (chưa xác định đơn vị chủ trì)" ||
	fail "Enter on the row does not list the tasks no unit leads"
keys BTab BTab
wait_for "» Đơn vị" || fail "S-Tab does not reach the unit tree"
keys Home
wait_for "(Trung ương, mã tw)" || fail "Home does not reach the root"
keys b
wait_for "và các đơn vị trực thuộc" || fail "b on the root shows no roll-up"
screen >"$TMP/root.txt"
python3 - "$TMP/all.txt" "$TMP/root.txt" <<'PY' || fail "the two roll-ups differ"
import re, sys
def rows(path):
    out = {}
    for l in open(path).read().split("\n")[2:]:
        m = re.match(r"^[» ] (.{22}) +([0-9.]+) +([0-9.]+) +([0-9.]+) +([0-9.]+) +([0-9,]*%?) ", l)
        if m:
            out[m.group(1).strip()] = m.groups()[1:]
    return out
a, b = rows(sys.argv[1]), rows(sys.argv[2])
common = [k for k in a if k in b]
assert len(common) >= 4, (a, b)
for k in common:
    assert a[k] == b[k], (k, a[k], b[k])
print("ok", len(common))
PY
row=$(grep -F "Ban cán sự đảng Ủy b" "$TMP/root.txt")
echo "$row" | grep -qE "^. Ban cán sự đảng Ủy b… +[0-9]+ +$done_ubnd " ||
	fail "Xong of tu-ubnd is not summary's $done_ubnd: $row"
keys Escape
quit_and_check_restored
pass
