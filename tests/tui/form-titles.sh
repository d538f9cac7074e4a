#!/bin/sh
# A form's title too long for the box's top edge at 80 columns goes on
# under it, between words, never cut: the request for an extension (an
# editor of the unit that owes the task, e) and its grant (the office
# that monitors it, x in the queue), whose titles name the deadline and
# the day asked.  The form still saves.
NAME=form-titles
. tests/tui/lib.inc

setup
TODAY=$(date +%F)
me=$(id -un)
sed -i "s/^confirm_done *=.*/confirm_done = no\nmonitors = tu-vp:tu/" "$CONF"
as_user() { sed -i "/^$me *=/d" "$CONF"; echo "$me = $1" >>"$CONF"; }
doc=$(cli add-doc --title "Kế hoạch thử tiêu đề" --date 2023-06-01) || fail "add-doc"
a=$(cli add-task --doc "$doc" --lead tu-btc --text "Đề án thử tiêu đề dài" \
	--deadline "hoàn thành trước ngày 01/01/2024") || fail "add-task"

# The title whole on the box's first rows: their text joined by single
# spaces (a word cut across two rows would read as two) holds it, and
# nothing is cut with "…".
title_whole() {
	box=$(screen | grep -E '[│┌]' | sed 's/^[^┌│]*[┌│]//; s/[┐│][^┐│]*$//; s/─/ /g')
	echo "$box" | head -n 3 | grep -qF "…" && fail "$2: the title is cut: $(echo "$box" | head -n 3)"
	echo "$box" | head -n 3 | tr '\n' ' ' | tr -s ' ' | grep -qF -- "$1" ||
		fail "$2: the title is not whole: $(echo "$box" | head -n 3)"
}

as_user "tu-btc, editor"
start_tui 80 24
keys g
keys o
wait_for "#$a " || fail "#$a is not among the overdue tasks"
keys e
wait_for "Đề nghị gia hạn nhiệm vụ #$a" || fail "e does not open the request form"
wait_for "quyết định)" || fail "the request form's title is cut"
title_whole "Đề nghị gia hạn nhiệm vụ #$a (hạn hiện tại: 31/12/2023; văn phòng theo dõi quyết định)" request
type_text "31/03/2027"
keys Tab
type_text "chờ hướng dẫn của Trung ương"
keys Enter
wait_for "Đã gửi đề nghị gia hạn #" || fail "the request was not saved"
keys Escape
quit_and_check_restored
tmux -L "$SOCK" kill-server 2>/dev/null
sleep 0.3

as_user "tu-vp, editor"
start_tui 80 24
keys p
wait_for "đề nghị gia hạn: 1" || fail "the queue does not count the request"
i=0
while ! screen | grep -E '^» ' | grep -qF "#$a " && [ "$i" -lt 20 ]; do
	keys j
	i=$((i + 1))
done
keys x
wait_for "Chấp nhận đề nghị gia hạn #" || fail "x on the request opens no grant form"
wait_for "31/03/2027)" || fail "the grant form's title is cut"
title_whole "của nhiệm vụ #$a (hạn hiện tại 31/12/2023, đề nghị đến 31/03/2027)" grant
keys Enter
wait_for "Đã chấp nhận đề nghị gia hạn #" || fail "the grant was not saved"
keys Escape
quit_and_check_restored
cli show "$a" | grep -qF "31/03/2027" || fail "show does not read the extension back"
pass
