#!/bin/sh
# One audit story: the audit view (L) lists the changes newest first by
# time (a backdated demo entry goes where its time says), its days as
# dd/mm/yyyy and roles in Vietnamese, as `theodoi log` prints them; the
# objects, units and documents in words (no "task:5", no stored key).  At
# 80x24 and 120x40.
NAME=audit-story
. tests/tui/lib.inc

setup
cli extend 30 --to 2027-03-31 --reason "Chờ kinh phí" >/dev/null || fail "cli extend"
cli log --limit 1 | grep -qF "31/03/2027" || fail "theodoi log does not write the day dd/mm/yyyy"
cli log --limit 1 | grep -qF "quản trị" || fail "theodoi log does not name the role in Vietnamese"
# task 100 is led by Văn phòng Đảng ủy Khối; task 5 is in 15-CTr/TU
cli edit-task 100 --lead "Ban Tuyên giáo Tỉnh ủy" >/dev/null || fail "cli edit-task"
cli move-task 5 --doc 2 >/dev/null || fail "cli move-task"
for size in "80 24" "120 40"; do
	set -- $size
	start_tui "$1" "$2"
	keys L
	wait_for "Nhật ký thay đổi — toàn bộ" || fail "$1x$2: L opens no audit trail"
	s=$(screen)
	echo "$s" | grep -qF "quản trị" || fail "$1x$2: the role is not in Vietnamese"
	# Newest first by time, down the whole screen.
	echo "$s" | python3 -c '
import re, sys
t = [tuple(map(int, (m.group(3), m.group(2), m.group(1), m.group(4), m.group(5))))
     for m in (re.match(r"^  (\d\d)/(\d\d)/(\d{4}) (\d\d):(\d\d)", l) for l in sys.stdin) if m]
assert len(t) >= 5, t
assert t == sorted(t, reverse=True), t' || fail "$1x$2: the entries are not newest first by time"
	# The newest entry, selected: the move, its documents by number.
	echo "$s" | grep -qF "văn bản: 15-CTr/TU (#1) → 42-KH/ThU (#2)" ||
		fail "$1x$2: the move does not name its documents"
	echo "$s" | sed -n 3p | grep -qE "(NV|nhiệm vụ) #5 " || fail "$1x$2: the object is not in words"
	keys j
	wait_for "chủ trì: Văn phòng Đảng ủy Khối → Ban Tuyên giáo Tỉnh ủy" ||
		fail "$1x$2: the new lead is not told by name"
	s=$(screen)
	for key in "task:" "doc:" "lead_text" "{\"" ; do
		echo "$s" | grep -qF "$key" && fail "$1x$2: '$key' is shown"
	done
	# Then the extension made first, its days dd/mm/yyyy.
	keys j
	wait_for "30/06/2026 → 31/03/2027" || fail "$1x$2: the extension's day is not shown as dd/mm/yyyy"
	screen | grep -qF "2027-03-31" && fail "$1x$2: an ISO day is shown"
	keys Escape
	quit_and_check_restored
	tmux -L "$SOCK" kill-server 2>/dev/null
	sleep 0.3
done
pass
