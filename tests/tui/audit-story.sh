#!/bin/sh
# One audit story: the audit view (L) lists the changes newest first by
# time (a backdated demo entry goes where its time says), its days as
# dd/mm/yyyy and roles in Vietnamese, as `theodoi log` prints them.  At
# 80x24 and 120x40.
NAME=audit-story
. tests/tui/lib.inc

setup
cli extend 30 --to 2027-03-31 --reason "Chờ kinh phí" >/dev/null || fail "cli extend"
cli log --limit 1 | grep -qF "31/03/2027" || fail "theodoi log does not write the day dd/mm/yyyy"
cli log --limit 1 | grep -qF "quản trị" || fail "theodoi log does not name the role in Vietnamese"
for size in "80 24" "120 40"; do
	set -- $size
	start_tui "$1" "$2"
	keys L
	wait_for "Nhật ký thay đổi — toàn bộ" || fail "$1x$2: L opens no audit trail"
	s=$(screen)
	echo "$s" | grep -qF "2027-03-31" && fail "$1x$2: an ISO day is shown"
	echo "$s" | grep -qF "31/03/2027" || fail "$1x$2: the extension's day is not shown as dd/mm/yyyy"
	echo "$s" | grep -qF "quản trị" || fail "$1x$2: the role is not in Vietnamese"
	# Newest first by time, down the whole screen.
	echo "$s" | python3 -c '
import re, sys
t = [tuple(map(int, (m.group(3), m.group(2), m.group(1), m.group(4), m.group(5))))
     for m in (re.match(r"^  (\d\d)/(\d\d)/(\d{4}) (\d\d):(\d\d)", l) for l in sys.stdin) if m]
assert len(t) >= 5, t
assert t == sorted(t, reverse=True), t' || fail "$1x$2: the entries are not newest first by time"
	keys Escape
	quit_and_check_restored
	tmux -L "$SOCK" kill-server 2>/dev/null
	sleep 0.3
done
pass
