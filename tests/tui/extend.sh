#!/bin/sh
# Extensions governed and the day the work was done, in the TUI.  As an
# editor of Ban Tổ chức (the unit that owes the task, [access] extend at
# its default, monitors = tu-vp:tu) e on an overdue task opens the request
# form (đề nghị gia hạn), not the extension itself; the update form takes
# the day the work was finished ("Xong ngày").  As an editor of Văn phòng
# Tỉnh ủy, the queue (p) lists the request beside the claims, and x grants
# it to the day asked; `theodoi show` reads it all back.
NAME=extend
. tests/tui/lib.inc

setup
# An editor's writes record the real day, and a day before it is a past day
# whose figures leave later writes out: this test reads as of the real day.
TODAY=$(date +%F)
TODAY_VN=$(date +%d/%m/%Y)
me=$(id -un)
sed -i "s/^confirm_done *=.*/confirm_done = no\nmonitors = tu-vp:tu/" "$CONF"
as_user() { sed -i "/^$me *=/d" "$CONF"; echo "$me = $1" >>"$CONF"; }
# Two tasks of Ban Tổ chức, overdue longer than any of the demo store.
doc=$(cli add-doc --title "Kế hoạch thử gia hạn" --date 2023-06-01) || fail "add-doc"
a=$(cli add-task --doc "$doc" --lead tu-btc --text "Đề án thử gia hạn" \
	--deadline "hoàn thành trước ngày 01/01/2024") || fail "add-task a"
b=$(cli add-task --doc "$doc" --lead tu-btc --text "Quy chế thử ngày hoàn thành" \
	--deadline "hoàn thành trước ngày 01/06/2024") || fail "add-task b"

as_user "tu-btc, editor"
start_tui 120 40
keys g
keys o
wait_for "Nhiệm vụ #$a" || fail "#$a is not the first overdue task"
keys e
wait_for "Đề nghị gia hạn nhiệm vụ #$a" || fail "e does not open the request form for the unit"
type_text "31/03/2027"
keys Tab
type_text "chờ hướng dẫn của Trung ương"
keys Enter
wait_for "Đã gửi đề nghị gia hạn #" || fail "the request was not saved"
# The update form: done on 20/05/2024 (before its deadline), entered today.
keys j
wait_for "Nhiệm vụ #$b" || fail "#$b is not the second overdue task"
keys u
wait_for "Xong ngày" || fail "the update form has no field for the day the work was done"
keys Tab Tab
keys 3
keys Tab
type_text "20/05/2030"
keys Enter
wait_for "ngày hoàn thành 20/05/2030 là ngày trong tương lai" || fail "a future day is not refused"
for i in 1 2 3 4 5 6 7 8 9 10; do keys BSpace; done
type_text "20/05/2024"
keys Enter
wait_for "Đã lưu cập nhật cho nhiệm vụ #$b." || fail "the completion was not saved"
keys Escape
quit_and_check_restored
tmux -L "$SOCK" kill-session -t "$SESSION" 2>/dev/null
cli show "$b" --format json | python3 -c 'import json,sys
t = json.load(sys.stdin)
assert t["done_date"] == "2024-05-20", t["done_date"]
assert t["timeliness"] == "done_on_time", t["timeliness"]
assert t["updates"][0]["day"] == sys.argv[1], t["updates"][0]' "$TODAY" || fail "show does not read the day back"

as_user "tu-vp, editor"
start_tui 120 40
keys p
wait_for "đề nghị gia hạn: 1" || fail "the queue does not count the request"
row=$(screen | grep -n "#$a " | head -n 1 | cut -d: -f1)
[ -n "$row" ] || fail "the queue does not list #$a"
screen | grep -F "#$a " | grep -qF "Đề nghị gia hạn đến 31/03/2027 (sau khi đã quá hạn)" ||
	fail "the request row does not say what is asked"
keys g
i=3
while [ "$i" -lt "$row" ]; do keys j; i=$((i + 1)); done
keys x
wait_for "Chấp nhận đề nghị gia hạn #" || fail "x on a request opens no grant form"
keys Enter
wait_for "Đã chấp nhận đề nghị gia hạn #" || fail "the grant was not saved"
wait_gone "đề nghị gia hạn: 1" || fail "the granted request stays in the queue"
keys Escape
quit_and_check_restored
cli show "$a" --format json | python3 -c 'import json,sys
t = json.load(sys.stdin)
assert t["due"] == "2027-03-31", t["due"]
assert t["original_due"] == "2023-12-31", t["original_due"]
x = t["extensions"][0]
assert x["state"] == "granted" and x["late"], x' || fail "show does not read the grant back"
pass
