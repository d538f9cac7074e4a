#!/bin/sh
# The periods of a recurring task: the detail lists them with their state;
# the update form has a "Kỳ báo cáo" field that names the period a report
# is for ("2025"), read back by `theodoi show`; a period not yet come is
# refused in the form and nothing is written.
NAME=periods
. tests/tui/lib.inc

setup
# Task #27 (Ban Nội chính Tỉnh ủy, "nhiệm vụ thường xuyên") has never
# reported: 2025 is missed.
cli show 27 --format json | python3 -c '
import json, sys
t = json.load(sys.stdin)
assert t["deadline"]["kind"] == "ongoing" and not t["updates"], t
' || fail "the demo store changed: task #27 is not an unreported ongoing task"
start_tui 120 40
keys /
type_text "tinh uy son ha"
keys Enter
wait_for "Tỉnh ủy Sơn Hà (Tỉnh ủy, mã tu)" || fail "unit not found"
keys Tab Tab
wait_for "Chi tiết nhiệm vụ" || fail "no task detail"
keys /
type_text "tham muu lanh dao cong tac phong, chong tham nhung"
keys Enter
wait_for "Nhiệm vụ #27 ·" || fail "task #27 not found in the program's tasks"
wait_for "Kỳ báo cáo: năm 2025 chưa báo cáo · năm 2026 chưa đến hạn" ||
	fail "the detail does not list the periods"

# A period that has not come: refused, nothing written.
keys u
wait_for "Cập nhật nhiệm vụ #27" || fail "u opens no update form"
wait_for "Kỳ báo cáo" || fail "the form has no period field"
type_text "báo cáo thử"
keys Tab Tab Tab Tab   # note, progress, status, "Xong ngày", "Kỳ báo cáo"
type_text "2027"
keys Enter
wait_for "năm 2027 chưa đến" || fail "a future period is not refused"
keys Escape
wait_for "Bỏ nội dung đã nhập?" || fail "Esc does not ask"
keys c
wait_gone "Cập nhật nhiệm vụ" || fail "the form does not close"
[ "$(cli show 27 --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["updates"]))')" = 0 ] ||
	fail "a refused period wrote an update"

# The report for 2025, named in the form.
keys u
wait_for "Cập nhật nhiệm vụ #27" || fail "u opens no update form"
type_text "báo cáo năm 2025"
keys Tab Tab Tab Tab   # note, progress, status, "Xong ngày", "Kỳ báo cáo"
type_text "2025"
keys Enter
wait_for "Đã lưu cập nhật cho nhiệm vụ #27." || fail "the update was not saved"
wait_for "Kỳ báo cáo: năm 2025 báo cáo muộn 327 ngày · năm 2026 chưa đến hạn" ||
	fail "the detail does not show 2025 reported late"
cli show 27 --format json | python3 -c '
import json, sys
t = json.load(sys.stdin)
assert t["updates"][0]["period"] == "2025-12-31", t["updates"][0]
assert t["due"] == "2026-12-31", t["due"]
' || fail "show does not read the period back"
quit_and_check_restored
pass
