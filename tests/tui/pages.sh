#!/bin/sh
# Long lists read a page at a time: on a generated store, the tasks a
# subtree leads, walked down with PgDn from g and up with PgUp from G,
# are the same rows in the same order, every task of the subtree once,
# the most urgent first (open tasks by due day, then the rest by unit in
# tree order), with the count the tree gives; the filter "quá hạn" and
# the overdue view (o) end, at G, on the task `theodoi overdue` lists
# last; a commit by another process keeps the selected task selected; the
# root's list (every task) opens on the counters' total.  At 80x24.
NAME=pages
. tests/tui/lib.inc

setup
G="$TMP/gen"
"$BIN" --today "$TODAY" gen --tasks 3000 --units 200 "$G" >"$TMP/gen.log" 2>&1 ||
	fail "gen: $(tail -n 1 "$TMP/gen.log")"
me=$(id -un)
grep -q "^$me *=" "$G/theodoi.ini" || sed -i "/^\[users\]/a $me = tw, admin" "$G/theodoi.ini"
CONF="$G/theodoi.ini"
STORE="$G/store"

cli units --format json >"$TMP/units.json" || fail "cli units"
cli tasks --unit tw --subtree --format json >"$TMP/tasks.json" || fail "cli tasks"
# A unit whose subtree leads 60..200 tasks, and its rows in the screen's
# order.
python3 - "$TMP/units.json" "$TMP/tasks.json" "$TMP" <<'PY' || fail "no unit of the right size"
import json, sys
units = json.load(open(sys.argv[1]))
tasks = json.load(open(sys.argv[2]))
out = sys.argv[3]
order = {u["code"]: i for i, u in enumerate(units)}
pick = None
for i, u in enumerate(units):
    if 60 <= u["total"] <= 200 and (pick is None or u["total"] > units[pick]["total"]):
        pick = i
assert pick is not None
root = units[pick]
sub = {root["code"]}
for u in units[pick + 1:]:
    if u["depth"] <= root["depth"]:
        break
    sub.add(u["code"])
mine = [t for t in tasks if t["lead_code"] in sub]
assert len(mine) == root["total"], (len(mine), root["total"])
dated = sorted((t for t in mine if t["status"] in ("not_started", "in_progress") and t["due"]),
               key=lambda t: (t["due"], t["id"]))
ids = {t["id"] for t in dated}
rest = sorted((t for t in mine if t["id"] not in ids), key=lambda t: (order[t["lead_code"]], t["id"]))
open(out + "/unit", "w").write("%s\n%s\n%d\n%d\n" % (root["code"], root["name"], root["total"], root["overdue"]))
open(out + "/expect", "w").write("".join("%d\n" % t["id"] for t in dated + rest))
PY
{ read -r code; read -r name; read -r total; read -r overdue; } <"$TMP/unit"
cli overdue --unit "$code" --subtree --format json >"$TMP/od.json" || fail "cli overdue"
last_od=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d[-1]["id"])' "$TMP/od.json")

# The task ids on the tasks pane's rows (the focus on it, 80x24, with
# the detail area: detail_area below).
rows() {
	screen | sed -n '2,12p' | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^#[0-9]+$/) { print substr($i, 2); break } }'
}
# Append the rows not seen yet to $1 (the list has no duplicates).
collect() {
	rows | while read -r id; do
		grep -qx "$id" "$1" || echo "$id" >>"$1"
	done
}

start_tui 80 24 own
wait_for "» Nhiệm vụ đơn vị chủ trì: Ban Chấp hành Trung ương" ||
	fail "the screen does not open on the root's tasks"
# the panes' 11 rows and the detail area under them, the selected task's
# heading in it (the preview of a short screen has none)
detail_area
wait_for " 3000" || fail "the root's list does not count its 3000 tasks"
keys a t BTab BTab
wait_for "» Đơn vị" || fail "S-Tab does not reach the unit tree"
keys /
type_text "$name"
keys Enter
wait_for "$name" || fail "unit $code not found"
keys t
wait_for "» Nhiệm vụ đơn vị chủ trì" || fail "t does not list the unit's tasks"
screen | sed -n 1p | grep -qE " $total *\$" || fail "the pane does not count the $total tasks"

: >"$TMP/down"
keys g
collect "$TMP/down"
i=0
while [ "$i" -lt $((total / 10 + 3)) ]; do
	keys NPage
	collect "$TMP/down"
	i=$((i + 1))
done
diff "$TMP/expect" "$TMP/down" >"$TMP/d1" || fail "PgDn from the top: $(head -n 5 "$TMP/d1")"

: >"$TMP/up"
keys G
sleep 0.2
rows | tail -n 1 | grep -qx "$(tail -n 1 "$TMP/expect")" || fail "G does not show the last task"
collect "$TMP/up"
i=0
while [ "$i" -lt $((total / 10 + 3)) ]; do
	keys PPage
	rows | tac >"$TMP/page"
	while read -r id; do
		grep -qx "$id" "$TMP/up" || echo "$id" >>"$TMP/up"
	done <"$TMP/page"
	i=$((i + 1))
done
# Collected bottom up on each page after the first: put the first page
# (read top down) in that order too.
python3 - "$TMP/up" "$TMP/expect" <<'PY' || fail "PgUp from G does not give the same rows"
import sys
up = [l.strip() for l in open(sys.argv[1]) if l.strip()]
exp = [l.strip() for l in open(sys.argv[2]) if l.strip()]
assert sorted(up) == sorted(exp), (len(up), len(exp))
# Whatever the order they were gathered in, each page's rows were in
# order on screen: the last rows are the list's last.
assert set(up[:11]) == set(exp[-11:]), (up[:11], exp[-11:])
PY

# A commit by another process that takes a row out from above the
# selection (the first task put on hold): the selection stays on its task.
keys g j j j
sel=$(screen | sed -n 's/^ Nhiệm vụ #\([0-9]*\) .*/\1/p' | head -n 1)
[ "$sel" = "$(sed -n 4p "$TMP/expect")" ] || fail "j j j does not select the 4th task"
cli update "$(head -n 1 "$TMP/expect")" --status tam-dung --note "tạm dừng, báo từ dòng lệnh" >/dev/null ||
	fail "cli update"
sleep 0.5
sleep 1
screen | grep -qF " Nhiệm vụ #$sel " || fail "a commit elsewhere moved the selection off #$sel"
rows | sed -n 3p | grep -qx "$sel" || fail "#$sel is not on the 3rd row now that the first is on hold"
overdue_before=$overdue
overdue=$(cli overdue --unit "$code" --subtree --count) || fail "cli overdue --count"
[ "$overdue" -le "$overdue_before" ] || fail "the overdue count grew"

# The filter "quá hạn": the unit's overdue count, ending on the task that
# `theodoi overdue` lists last.
keys f l
wait_for "lọc tình trạng quá hạn: $overdue" || fail "the filter does not count $overdue"
keys G
sleep 0.2
rows | tail -n 1 | grep -qx "$last_od" || fail "G in the filter does not end on #$last_od"
keys f a
keys BTab BTab o
wait_for "Quá hạn — $name" || fail "o shows no overdue view"
keys G
sleep 0.2
screen | grep -qF " Nhiệm vụ #$last_od " || fail "G in the overdue view does not select #$last_od"
keys Escape
wait_for "» Đơn vị" || fail "Esc does not close the overdue view"
quit_and_check_restored
pass
