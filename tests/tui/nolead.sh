#!/bin/sh
# The tasks no unit leads (leads a plan wrote that are not linked to a
# unit, or no lead at all) belong to no unit's subtree: at 80x24 a row
# "(chưa xác định đơn vị chủ trì)" after the unit tree counts them, so that the
# root's row and that one add up to the store's figures (`overdue --count`,
# `summary`), as the last row of `theodoi units` does; Enter on it lists
# those tasks.  After `link` (and `edit-task --lead` for a lead that lists
# several units) the figures still add up, the linked tasks in the tree.
NAME=nolead
. tests/tui/lib.inc

setup
cli import ../shared/samples/thanh-uy-ke-hoach.txt >"$TMP/import.log" 2>&1 ||
	fail "import: $(tail -n 1 "$TMP/import.log")"
# a lead that names no unit of the hierarchy: one overdue task
cat >"$TMP/plan.txt" <<'EOP'
TỈNH ỦY SƠN HÀ

Số: 88-KH/TU

Sơn Hà, ngày 12 tháng 6 năm 2026

KẾ HOẠCH

về công tác tuyên truyền năm 2026

Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

- Nâng cao nhận thức.

II. NHIỆM VỤ

1. Ban Tuyên giáo Đảng ủy Khối chủ trì tuyên truyền trong các cơ quan khối (hoàn thành trước ngày 30/9/2026).

2. Ban Tổ chức Đảng ủy Khối chủ trì rà soát đội ngũ (hoàn thành trước ngày 30/9/2026).

III. TỔ CHỨC THỰC HIỆN

Văn phòng Tỉnh ủy theo dõi, đôn đốc.
EOP
cli import "$TMP/plan.txt" >"$TMP/import2.log" 2>&1 || fail "import: $(tail -n 1 "$TMP/import2.log")"
grep -qF 'theodoi link "Ban Tuyên giáo Đảng ủy Khối"' "$TMP/import2.log" ||
	fail "the plan's lead is not left unresolved: $(cat "$TMP/import2.log")"

# root=O/T of the first unit row and rest=O/T of the row of the tasks
# without a lead unit in `units --format json`; the store's figures from
# `overdue --count` and `summary`; they must add up.
figures() {
	cli units --format json >"$TMP/units.json" || fail "units"
	eval "$(python3 -c 'import json,sys
rows = json.load(open(sys.argv[1]))
rest = [r for r in rows if r["code"] is None]
print("root=%d/%d" % (rows[0]["overdue"], rows[0]["total"]))
print("rest=%s" % ("%d/%d" % (rest[0]["overdue"], rest[0]["total"]) if rest else "0/0"))' "$TMP/units.json")"
	overdue=$(cli overdue --count) || fail "overdue --count"
	total=$(cli summary --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["total"])') ||
		fail "summary"
	[ $(( ${root%/*} + ${rest%/*} )) = "$overdue" ] ||
		fail "$1: root $root and no lead $rest overdue, overdue --count $overdue"
	[ $(( ${root#*/} + ${rest#*/} )) = "$total" ] ||
		fail "$1: root $root and no lead $rest tasks, summary $total"
}

# The "N/M" at the end of the screen row that shows $1.
row_counts() {
	screen | grep -F -- "$1" | head -n 1 | grep -o '[0-9]*/[0-9]*' | tail -n 1
}

figures "after the imports"
[ "$rest" != 0/0 ] || fail "units has no row for the tasks without a lead unit"
[ "${rest%/*}" -ge 2 ] || fail "expected at least 2 overdue tasks without a lead unit, got $rest"

start_tui 80 24
keys Home
wait_for "Ban Chấp hành Trung ương" || fail "Home does not show the root"
got=$(row_counts "Ban Chấp hành Trung ương")
[ "$got" = "$root" ] || fail "the root row counts $got, units says $root"
keys End
wait_for "(chưa xác định đơn vị chủ trì)" || fail "no row of the tasks without a lead unit"
got=$(row_counts "(chưa xác định đơn vị chủ trì)")
[ "$got" = "$rest" ] || fail "the row counts $got, units says $rest"
wait_for "Nhiệm vụ chưa xác định đơn vị chủ trì (không thuộc đơn vị nào): ${rest#*/}; quá hạn ${rest%/*}" ||
	fail "the detail of the row does not give its figures"
keys Enter
wait_for "» Nhiệm vụ đơn vị chủ trì" || fail "Enter does not go to the tasks"
screen | grep -F "» Nhiệm vụ đơn vị chủ trì" | grep -qE "[^0-9/]${rest#*/}( |\$)" ||
	fail "the tasks pane does not count the ${rest#*/} tasks: $(screen | grep -F 'Nhiệm vụ đơn vị')"
screen | grep -F "» Nhiệm vụ đơn vị chủ trì" | grep -qF "(chưa xác định đơn vị chủ trì)" ||
	fail "the tasks pane's title does not say whose tasks they are"
keys End
# its row (the preview under the list goes on with the text the row cut)
wait_for "Ban Tuyên giáo Đảng ủy Khối chủ trì" || fail "the unresolved lead's task is not listed"
keys q
wait_for "EXIT:" || fail "did not quit"
tmux -L "$SOCK" kill-server 2>/dev/null
sleep 0.3

# the one name, and the lead that lists two units, given their units
cli link "Ban Tuyên giáo Đảng ủy Khối" duk-vp >/dev/null || fail "link"
id=$(cli tasks --format json --limit 100000 | python3 -c 'import json,sys
print([t["id"] for t in json.load(sys.stdin) if (t.get("lead_name") or "").startswith("Chi bộ Tòa án")][0])') ||
	fail "no task led by the list of two units"
cli edit-task "$id" --lead ttu >/dev/null || fail "edit-task --lead"
root0=$root
rest0=$rest
figures "after link"
[ "${rest#*/}" = $(( ${rest0#*/} - 2 )) ] || fail "the row did not lose the 2 tasks given a unit: $rest0 -> $rest"
[ "${root#*/}" = $(( ${root0#*/} + 2 )) ] || fail "the root did not gain the 2 tasks: $root0 -> $root"
start_tui 80 24
keys Home
wait_for "Ban Chấp hành Trung ương" || fail "Home does not show the root"
got=$(row_counts "Ban Chấp hành Trung ương")
[ "$got" = "$root" ] || fail "after link, the root row counts $got, units says $root"
keys End
wait_for "(chưa xác định đơn vị chủ trì)" || fail "no row of the tasks without a lead unit after link"
got=$(row_counts "(chưa xác định đơn vị chủ trì)")
[ "$got" = "$rest" ] || fail "after link, the row counts $got, units says $rest"
quit_and_check_restored
pass
