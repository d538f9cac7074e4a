#!/bin/sh
# The TUI starts on the demo store with its three panes, the detail area
# and the status line (login, unit, role, today), and q hands the terminal
# back as it was (modes, main screen, cursor).
NAME=start
. tests/tui/lib.inc

setup
start_tui 120 40
s=$(screen)
for want in "Đơn vị" "Văn bản" "Nhiệm vụ" "Ban Chấp hành Trung ương" "$TODAY_VN" "$(id -un)" \
	"?:trợ giúp"; do
	echo "$s" | grep -qF -- "$want" || fail "first frame lacks '$want'"
done
# The help screen is drawn from the key table.
keys '?'
wait_for "Trợ giúp" || fail "? shows no help"
screen | grep -qF "cập nhật tiến độ" || fail "help lacks the update key"
screen | grep -qF "lọc nhiệm vụ theo trạng thái hoặc tình trạng" ||
	fail "help does not call timeliness 'tình trạng'"
# Every key of the table is on the help screen, the views' keys too (its
# last two pages: the legends follow the keys).
keys G
wait_for "Ký hiệu cây kế hoạch" || fail "G does not reach the end of the help"
screen >"$TMP/help.txt"
keys PageUp
sleep 0.3
screen >>"$TMP/help.txt"
for want in "bảng tổng hợp" "cây kế hoạch" "rà soát nhiệm vụ" "chỉ tiêu của văn bản" \
	"nhật ký thay đổi" "chờ xác nhận" "xác nhận hoàn thành" "trả lại, yêu cầu" \
	"Ký hiệu tình trạng"; do
	grep -qF -- "$want" "$TMP/help.txt" || fail "help lacks '$want'"
done
screen | grep -qF "tiến độ (màu" && fail "the legend still says 'tiến độ'"
keys Escape
wait_for "Đơn vị" || fail "Esc does not close the help"
quit_and_check_restored
pass
