#!/bin/sh
# Search like less and vim: a new search runs as it is typed and starts
# from the first row (not from the cursor), Esc goes back to where it
# began, n goes round the end of the list and says so, and n on the only
# match keeps it (never "không tìm thấy" while a match is selected); the
# match is underlined in its row; the
# list views (here the roll-up) search too.  At 80x24 and 120x40.
NAME=search-live
. tests/tui/lib.inc

setup
for size in "80 24" "120 40"; do
	set -- $size
	start_tui "$1" "$2"
	wait_for "(Ban, mã tu-vp)" || fail "$1x$2: the tree does not open on the user's unit"
	# Incremental, from the top: Ban Tổ chức Tỉnh ủy is above the cursor.
	keys /
	type_text "to chuc"
	wait_for "(Ban, mã tu-btc)" || fail "$1x$2: typing does not search, or not from the top"
	keys Escape
	wait_for "(Ban, mã tu-vp)" || fail "$1x$2: Esc does not go back"
	keys /
	type_text "to chuc"
	keys Enter
	wait_for "(Ban, mã tu-btc)" || fail "$1x$2: / does not start from the top"
	# n round the end: it says so and comes back to the first match.
	i=0
	while ! screen | grep -qF "tiếp tục từ đầu danh sách" && [ "$i" -lt 30 ]; do
		keys n
		i=$((i + 1))
	done
	[ "$i" -ge 2 ] || fail "$1x$2: n wrapped at once"
	screen | grep -qF "tiếp tục từ đầu danh sách" || fail "$1x$2: n never says it wrapped"
	screen | grep -qF "(Ban, mã tu-btc)" || fail "$1x$2: after wrapping n is not on the first match"
	screen | grep -qF "Không tìm thấy" && fail "$1x$2: n says nothing was found"
	quit_and_check_restored
	tmux -L "$SOCK" kill-server 2>/dev/null
	sleep 0.3

	# The only match in the tasks pane: n keeps it and says it wrapped.
	start_tui "$1" "$2" own
	detail_area
	keys /
	type_text "chu ky so"
	keys Enter
	wait_for "Nhiệm vụ #31 · mục" || fail "$1x$2: tasks: the match #31 is not selected"
	# The match is marked in its row: underlined, from its first letter.
	tmux -L "$SOCK" capture-pane -e -p -t "$SESSION" | grep -F "#31 " | python3 -c '
import re, sys
row = sys.stdin.read()
m = re.search(r"\x1b\[([0-9;]*)m(chữ ký số)", row)
assert m and "4" in m.group(1).split(";"), row' ||
		fail "$1x$2: tasks: the match is not marked in its row"
	keys n
	wait_for "tiếp tục từ đầu danh sách" || fail "$1x$2: tasks: n on the only match does not wrap"
	screen | grep -qF "Không tìm thấy" && fail "$1x$2: tasks: n says nothing was found"
	screen | grep -qF "Nhiệm vụ #31 · mục" || fail "$1x$2: tasks: n leaves the only match"
	quit_and_check_restored
	tmux -L "$SOCK" kill-server 2>/dev/null
	sleep 0.3

	# Every list view searches: the roll-up (b) finds a unit's row.
	start_tui "$1" "$2"
	keys /
	type_text "tinh uy son ha"
	keys Enter
	keys b
	wait_for "Tổng hợp — Tỉnh ủy Sơn Hà" || fail "$1x$2: b shows no roll-up"
	keys /
	type_text "van phong"
	keys Enter
	wait_for "» Văn phòng Tỉnh ủy" || fail "$1x$2: / in the roll-up does not select the row"
	screen | grep -A1 -F "── Tổng hợp" | grep -qF "Văn phòng Tỉnh ủy" ||
		fail "$1x$2: the roll-up's detail is not the match's"
	keys Escape
	quit_and_check_restored
	tmux -L "$SOCK" kill-server 2>/dev/null
	sleep 0.3
done
pass
