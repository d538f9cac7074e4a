#!/bin/sh
# The views opened "for the selected unit" on the tree's row of the tasks
# without a lead unit (two leads of a plan that name no unit, one overdue,
# one due soon): o and d list those of them that are overdue or due
# soon (as many as the row's figure says, under a title that says whose
# they are), not the whole store; the unit summary (b), the partner tasks
# (P), lint (r) and the indicators (m), which need a unit there, say so
# and do not open.  At 80x24 and
# 120x40.
NAME=nolead-views
. tests/tui/lib.inc

setup
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

3. Ban Kinh tế Đảng ủy Khối chủ trì sơ kết việc tuyên truyền (hoàn thành trước ngày 30/11/2026).

III. TỔ CHỨC THỰC HIỆN

Văn phòng Tỉnh ủy theo dõi, đôn đốc.
EOP
cli import "$TMP/plan.txt" >"$TMP/import.log" 2>&1 || fail "import: $(tail -n 1 "$TMP/import.log")"
grep -qF 'theodoi link "Ban Kinh tế Đảng ủy Khối"' "$TMP/import.log" ||
	fail "the plan's leads are not left unresolved: $(cat "$TMP/import.log")"
ids=$(cli tasks --format json --limit 100000 | python3 -c 'import json, sys
r = [x for x in json.load(sys.stdin) if x.get("doc_number") == "88-KH/TU" and not x.get("lead_code")]
print(" ".join(str(x["id"]) for x in sorted(r, key=lambda x: x["id"])))')
set -- $ids
[ $# -eq 2 ] || fail "expected 2 tasks of 88-KH/TU without a lead unit, got: $ids"
late=$1
soon=$2
# the store-wide figures, which o and d must not show here
all=$(cli overdue --count) || fail "overdue --count"
[ "$all" -gt 2 ] || fail "the demo has $all overdue tasks"

for size in "80 24" "120 40"; do
	start_tui ${size% *} ${size#* }
	keys End
	wait_for "Nhiệm vụ chưa xác định đơn vị chủ trì (không thuộc đơn vị nào): 2; quá hạn 1" ||
		fail "$size: the row of the tasks without a lead does not count them"
	keys o
	wait_for "Quá hạn — chưa xác định đơn vị chủ trì: 1 nhiệm vụ" ||
		fail "$size: o does not list the overdue task without a lead: $(screen | head -n 1)"
	screen | grep -qF "#$late " || fail "$size: #$late is not in the overdue list"
	screen | grep -qF "#$soon " && fail "$size: #$soon, due soon, is in the overdue list"
	keys Escape
	keys d
	wait_for "Sắp đến hạn — chưa xác định đơn vị chủ trì: 1 nhiệm vụ" ||
		fail "$size: d does not list the task without a lead due soon: $(screen | head -n 1)"
	screen | grep -qF "#$soon " || fail "$size: #$soon is not in the due-soon list"
	keys Enter
	wait_for "» Nhiệm vụ" || fail "$size: Enter does not go to the task"
	detail_area
	wait_for "Nhiệm vụ #$soon · mục" || fail "$size: Enter does not select #$soon"
	keys BTab BTab
	wait_for "» Đơn vị" || fail "$size: S-Tab does not reach the unit tree"
	keys End
	for k in P r m; do
		keys "$k"
		wait_for "không phải một đơn vị" || fail "$size: $k on the row does not say it needs a unit"
		screen | grep -qF "» Đơn vị" || fail "$size: $k opened a view on the row"
	done
	quit_and_check_restored
	tmux -L "$SOCK" kill-server 2>/dev/null
	sleep 0.3
done
pass
