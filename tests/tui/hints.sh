#!/bin/sh
# The status line's keys come from the key table: on the panes, in each
# list view and in the unit picker, every "KEY:word" hint names a key
# that the `?` screen lists; an administrator's panes offer E and D (the
# table's words "sửa", "xóa") and a viewer's do not; each list view shows
# its own Enter.  At 160x40 (every hint fits) and 80x24 (the first ones).
NAME=hints
. tests/tui/lib.inc

setup
status() { screen | tail -n 1; }
# The keys of the hints on the status line, one a line ("Esc/q" as two).
hint_keys() {
	status | python3 -c 'import re, sys
line = sys.stdin.read()
for m in re.finditer(r"(?:^|\s)([^\s:·]+):\S", line):
    k = m.group(1)
    for p in ([k] if k == "/" else k.split("/")):
        print(p)'
}
# The first key of each row of the `?` screen, one a line.
help_keys() {
	keys "?"
	wait_for "Trợ giúp — phím" || fail "? opens no help"
	{ screen; keys PageDown; screen; keys PageDown; screen; } |
		sed -n 's/^  \([^ ][^ ]*\).*/\1/p' | sort -u
	keys Escape
}

start_tui 160 40
help_keys >"$TMP/help.txt"
for k in E M D R U P u Enter Esc "?" q; do
	grep -qxF -- "$k" "$TMP/help.txt" || fail "? does not list key $k"
done
check() { # $1: where
	hint_keys >"$TMP/hints.txt"
	[ -s "$TMP/hints.txt" ] || fail "$1: no hint on the status line: $(status)"
	while read -r k; do
		case $k in PgDn|PgUp) k=$k;; esac
		grep -qxF -- "$k" "$TMP/help.txt" || fail "$1: hint key $k is not in the key table: $(status)"
	done <"$TMP/hints.txt"
}
check panes
status | grep -qF "E:sửa" || fail "the admin's status line lacks E:sửa: $(status)"
status | grep -qF "D:xóa" || fail "the admin's status line lacks D:xóa: $(status)"
for v in "o:Quá hạn" "b:Tổng hợp" "L:Nhật ký thay đổi" "p:Chờ xác nhận" "R:Đã xóa" "U:Chưa gắn đơn vị"; do
	key=${v%%:*}
	title=${v#*:}
	keys "$key"
	wait_for "$title" || fail "$key opens no $title view"
	check "$title"
	status | grep -qF "Enter:" || [ "$key" = p ] || fail "$title: the status line does not say what Enter does"
	keys Escape
	wait_for "» Đơn vị" || fail "Esc does not close $title"
done
keys L
wait_for "Nhật ký thay đổi" || fail "L opens nothing"
status | grep -qF "L:của nhiệm vụ/toàn bộ" || fail "the audit view does not hint its own L: $(status)"
keys Escape
quit_and_check_restored
tmux -L "$SOCK" kill-server 2>/dev/null
sleep 0.3

# 80x24: the first hints fit, from the same table.
start_tui 80 24
check "panes at 80x24"
status | grep -qF "?:trợ giúp" || fail "80x24: the status line lacks ?:trợ giúp"
keys R
wait_for "Đã xóa" || fail "80x24: R opens nothing"
status | grep -qF "Enter:khôi phục" || fail "80x24: the view of what was deleted does not hint Enter: $(status)"
keys Escape
quit_and_check_restored
tmux -L "$SOCK" kill-server 2>/dev/null
sleep 0.3

# An editor who may correct its unit's tasks is offered E, not D.
me=$(id -un)
sed -i "/^$me *=/d" "$CONF"
echo "$me = tu-vp, editor" >>"$CONF"
sed -i "s/^editors_edit *= *no/editors_edit = yes/" "$CONF"
start_tui 160 40
check "editor panes"
status | grep -qF "E:sửa" || fail "an editor with editors_edit = yes is not offered E:sửa: $(status)"
status | grep -qF "D:xóa" && fail "an editor is offered D:xóa"
quit_and_check_restored
tmux -L "$SOCK" kill-server 2>/dev/null
sleep 0.3

# A viewer's panes offer no key that corrects records.
sed -i "/^$me *=/d" "$CONF"
echo "$me = tu, viewer" >>"$CONF"
start_tui 160 40
check "viewer panes"
status | grep -qF "E:sửa" && fail "a viewer's status line offers E:sửa"
keys R
wait_for "Đã xóa" || fail "viewer: R opens nothing"
status | grep -qF "Enter:khôi phục" && fail "a viewer's status line offers to restore"
keys Escape
quit_and_check_restored
pass
