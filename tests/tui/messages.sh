#!/bin/sh
# Messages, form hints and errors, and empty-list notices are read whole
# at 80x24: a message longer than the message line takes the lines above
# it (until the next key), a form's hint or error wraps inside the box
# between its parts or words, an empty list's notice wraps inside the
# pane.  At 120x40 the same message fits its one line.
NAME=messages
. tests/tui/lib.inc

setup
# The message's last words, the line above the status line.
start_tui 80 24 own
keys p
wait_for "Chờ xác nhận hoàn thành" || fail "p opens no queue"
wait_for "hàng chờ" || fail "p says nothing of confirm_done = no"
screen | tail -n 2 | head -n 1 | grep -qF "chỉ còn các báo cáo cũ, nếu có." ||
	fail "80x24: the end of p's message is not shown"
screen | grep -qF "Cấu hình không bật xác nhận hoàn thành ([access] confirm_done = no)" ||
	fail "80x24: the start of p's message is not shown"
# The empty queue's notice, whole (wrapped inside the list).
screen | tr -s ' \n' '  ' | grep -qF "không có đề nghị gia hạn nào chờ quyết định." ||
	fail "80x24: the empty queue's notice is cut"
[ "$(screen | max_width)" -le 80 ] || fail "80x24: a line is wider than the screen"
# The next key takes the message away, and what was under it is back.
keys j
wait_gone "nếu có." || fail "80x24: the long message stays after a key"
keys Escape

# D on a task with recorded work, with a reason: the refusal names the
# remedy, whole, in the form.
keys g D
wait_for "Xóa nhiệm vụ #" || fail "D opens no delete form"
type_text "nhập nhầm"
keys Enter
wait_for "đã có kết quả được ghi nhận" || fail "D on recorded work is not refused"
screen | grep -F '│' | sed 's/^[^│]*│//; s/│.*$//' | tr -s ' \n' '  ' |
	grep -qF "chọn “vẫn xóa” để xóa cả những kết quả đó (vẫn khôi phục được)" ||
	fail "80x24: the refusal's remedy is cut"
[ "$(screen | max_width)" -le 80 ] || fail "80x24: the form is wider than the screen"
keys Escape
wait_for "Bỏ nội dung đã nhập?" || fail "Esc does not ask"
keys c
wait_gone "Xóa nhiệm vụ #" || fail "c does not close the form"

# E, Tab to the lead: the hint keeps every part, none cut mid-word.
keys E
wait_for "Sửa nhiệm vụ #" || fail "E opens no edit form"
keys Tab Tab
wait_for "Ctrl-T: chọn đơn vị trong cây" || fail "80x24: the lead field's hint is cut"
screen | grep -qF "Esc: hủy" || fail "80x24: the hint's last part (Esc: hủy) is not shown"
screen | grep -qF "Es…" && fail "80x24: the hint is cut mid-word"
keys Escape
wait_gone "Sửa nhiệm vụ #" || fail "Esc does not close the unchanged form"
quit_and_check_restored
tmux -L "$SOCK" kill-server 2>/dev/null
sleep 0.3

# 120x40: the message fits its line, nothing above it is covered.
start_tui 120 40 own
keys p
wait_for "hàng chờ" || fail "120x40: p says nothing of confirm_done = no"
screen | tail -n 2 | head -n 1 |
	grep -qF "Cấu hình không bật xác nhận hoàn thành ([access] confirm_done = no): hàng chờ chỉ còn các báo cáo cũ, nếu có." ||
	fail "120x40: the message is not whole on the message line"
screen | tail -n 3 | head -n 1 | grep -qF "hàng chờ" && fail "120x40: the message takes two lines"
keys Escape
quit_and_check_restored
pass
