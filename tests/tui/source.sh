#!/bin/sh
# The original text (v) is word-wrapped by display width: a paragraph of
# several hundred characters, a long address with no space in it and a
# paragraph in decomposed (NFD) Vietnamese all show in full, no line goes
# past the edge at 80 columns, scrolling reaches the last line, and after
# a resize the text is wrapped again with the same place on top.
NAME=source
. tests/tui/lib.inc

setup
plan="$PWD/tests/data/ui/ke-hoach-dong-dai.txt"
cli import "$plan" >/dev/null 2>&1 || fail "cli import $plan"
start_tui 80 24
keys /
type_text "thanh uy binh giang"
keys Enter
wait_for "(Thành ủy, mã ttu)" || fail "unit not found"
keys Tab
keys /
type_text "72-KH"
keys Enter
wait_for "Văn bản 72-KH/ThU" || fail "the long document is not selected"
keys v
wait_for "Nguyên văn văn bản" || fail "v shows no original text"
wait_for "trình hành động số 15-CTr/TU" || fail "the first lines are not shown"
[ "$(screen | max_width)" -le 80 ] || fail "a line is wider than 80 columns"
# The end of the long paragraph, wrapped onto a line of its own screen.
screen | grep -qF "KẾTTHÚCĐOẠNDÀI." || fail "the long paragraph is cut"
keys PageDown
wait_for "CUOIDUONGDAN" || fail "the long address is cut"
[ "$(screen | max_width)" -le 80 ] || fail "a line is wider than 80 columns after scrolling"
keys G
wait_for "Lê Minh Khoa" || fail "G does not reach the last line"
screen | python3 -c 'import sys, unicodedata
s = unicodedata.normalize("NFC", sys.stdin.read())
assert "CHUỖITỔHỢP." in s, "the NFD paragraph is cut"' || fail "the NFD paragraph is cut"
# Back to the top, then a wider screen: the text on top stays on top.
keys g
wait_for "dòng 1–" || fail "g does not go back to the first line"
keys j j j j j
top=$(screen | sed -n 2p | sed 's/^ *//' | cut -c1-20)
[ -n "$top" ] || fail "no text on the first line"
tmux -L "$SOCK" resize-window -t "$SESSION" -x 120 -y 30
wait_for "/" 2 || true
sleep 0.3
[ "$(screen | max_width)" -le 120 ] || fail "120x30: a line is wider than the screen"
screen | sed -n 2,4p | grep -qF -- "$top" || fail "after the resize '$top' is no longer near the top"
keys Escape
wait_for "» Văn bản" || fail "Esc does not close the original text"
quit_and_check_restored
pass
