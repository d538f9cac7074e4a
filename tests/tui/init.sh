#!/bin/sh
# Started where there is no store yet, the program tells an admin how to
# make one and offers to: answering yes makes it and opens the screen on
# it.  Anyone else is told whom to ask, and nothing is made.
NAME=init
. tests/tui/lib.inc

setup
STORE="$TMP/new-store"

# Run the program in tmux on $CONF, as start_tui does, without waiting for
# the first frame (there is none before the question).
run_in_tmux() {
	cat >"$TMP/run.sh" <<EOS
"$BIN" --config "$1" --store "$STORE" --today "$TODAY"
echo EXIT:\$?
sleep 600
EOS
	tmux -L "$SOCK" -f /dev/null new-session -d -s "$SESSION" -x 100 -y 30 \
		"sh $TMP/run.sh" || fail "tmux new-session"
	tmux -L "$SOCK" set-option -t "$SESSION" status off >/dev/null
}

# Someone who is not an admin: whom to ask, no question, nothing made.
me=$(id -un)
grep -v "^$me *=" "$CONF" >"$TMP/editor.ini"
echo "$me = tu-btc, editor" >>"$TMP/editor.ini"
if [ "$(id -u)" != 0 ] || grep -q "^root *=" "$TMP/editor.ini"; then
	run_in_tmux "$TMP/editor.ini"
	wait_for "EXIT:" || fail "the program waits for an editor"
	joined=$(screen | tr -d '\n')
	echo "$joined" | grep -qF "theodoi init" || fail "no word on how the store is made"
	echo "$joined" | grep -qF "hãy nhờ quản trị (vanphong" || fail "the editor is not told whom to ask"
	screen | grep -qF "Tạo kho ngay" && fail "an editor is offered to make the store"
	screen | grep -qF "EXIT:6" || fail "exit status: $(screen | grep EXIT:)"
	[ -e "$STORE" ] && fail "a store was made for an editor"
	SESSION=t2
fi

# An admin: the question; "k" (the default) leaves things as they were.
run_in_tmux "$CONF"
wait_for "Tạo kho ngay" || fail "the admin is not offered to make the store"
screen | grep -qF "$STORE" || fail "the place of the store is not named"
keys Enter
wait_for "EXIT:" || fail "no exit after declining"
screen | grep -qF "EXIT:6" || fail "declining: exit status $(screen | grep EXIT:)"
[ -e "$STORE" ] && fail "declining made a store"
SESSION=t3

# Yes: the store is made and the screen opens on it.
run_in_tmux "$CONF"
wait_for "Tạo kho ngay" || fail "no question the second time"
type_text c
keys Enter
wait_for "Đã tạo kho dữ liệu trống" || fail "the store was not made"
keys Enter
wait_for "Chi tiết nhiệm vụ" || fail "the screen does not open on the new store"
[ -f "$STORE/data.mdb" ] || fail "no data.mdb after yes"
keys q
wait_for "EXIT:0" || fail "exit after q: $(screen | grep EXIT:)"
cli log --action init | grep -qF "tạo kho" || fail "init is not in the log"
pass
