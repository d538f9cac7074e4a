#!/bin/sh
# The screen at 80x24 and 120x40: the user's own work first (the tasks the
# unit and its subtree lead, the most urgent first, each row with its due
# day, lead, progress and at least 40 characters of text), the unit tree
# scrolled to show the unit's parent, and z giving a pane the whole width.
NAME=layout
. tests/tui/lib.inc

setup
json=$(cli tasks --unit tu-vp --subtree --format json) || fail "cli tasks"
# The most urgent task: the open one due first.
read -r first due text40 <<EOS
$(echo "$json" | python3 -c 'import json,sys
t = [x for x in json.load(sys.stdin) if x["status"] in ("not_started", "in_progress") and x["due"]]
t.sort(key=lambda x: (x["due"], x["id"]))
x = t[0]
print(x["id"], x["due"][8:10] + "/" + x["due"][5:7], x["text"][:40].replace(" ", "\x01"))')
EOS
text40=$(printf '%s' "$text40" | tr '\001' ' ')
ntasks=$(echo "$json" | json_len)

for size in "80 24" "120 40"; do
	set -- $size
	start_tui "$1" "$2" own
	wait_for "» Nhiệm vụ đơn vị chủ trì" || fail "$1x$2: the first screen is not the unit's tasks"
	screen | grep -qE "Nhiệm vụ đơn vị chủ trì.* $ntasks *$" ||
		screen | grep -qE "Nhiệm vụ đơn vị chủ trì.* $ntasks │" ||
		fail "$1x$2: the tasks pane does not count $ntasks tasks"
	row=$(screen | grep -F "#$first " | head -n 1)
	[ -n "$row" ] || fail "$1x$2: the most urgent task #$first is not shown"
	echo "$row" | grep -qF "$due" || fail "$1x$2: the row of #$first lacks its due day $due: $row"
	echo "$row" | grep -qF "VP Tỉnh ủy" || fail "$1x$2: the row of #$first lacks its lead: $row"
	echo "$row" | grep -qE " [0-9]+%" || fail "$1x$2: the row of #$first lacks its progress: $row"
	echo "$row" | grep -qF "$text40" || fail "$1x$2: the row of #$first shows less than 40 characters of its text: $row"
	# The status line has room for the keys of the task at 80 columns too.
	screen | tail -n 1 | grep -qF "u:cập nhật" || fail "$1x$2: the status line lacks u:cập nhật"
	# The first row of the list is the most urgent one.
	screen | sed -n 2p | grep -qF "#$first " || fail "$1x$2: #$first is not the first row"
	# u works from there: the update form opens on the selected task.
	keys u
	wait_for "#$first" || fail "$1x$2: u opens nothing"
	screen | grep -qF "Cập nhật" || fail "$1x$2: u does not open the update form"
	keys Escape
	wait_gone "Cập nhật nhiệm vụ" 3
	# The unit tree shows the unit's parent above it.
	keys BTab BTab
	wait_for "» Đơn vị" || fail "$1x$2: S-Tab does not reach the unit tree"
	screen | grep -qF "Tỉnh ủy Sơn Hà" || fail "$1x$2: the unit's parent is not in view"
	screen | grep -qF "Văn phòng Tỉnh ủy" || fail "$1x$2: the unit is not in view"
	# z: the focused pane over the whole width, and back.
	keys z
	wait_gone "Văn bản giao" || fail "$1x$2: z leaves the documents pane"
	screen | grep -q "│" && fail "$1x$2: z leaves a pane separator"
	keys z
	wait_for "│" || fail "$1x$2: z again does not bring the panes back"
	# Nothing drawn past the edge.
	w=$(screen | max_width)
	[ "$w" -le "$1" ] || fail "$1x$2: a line is $w columns wide"
	quit_and_check_restored
	tmux -L "$SOCK" kill-server 2>/dev/null
	sleep 0.3
done
pass
