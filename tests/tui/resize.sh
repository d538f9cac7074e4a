#!/bin/sh
# Resizing redraws: at 100x30 the panes, detail and status line fit; at
# 60x20 (below the 80x24 minimum) the screen says so plainly; back at
# 120x40 the panes return with the same selection.  A task selected far
# down its list stays selected and visible after shrinking to 80x24, where
# the units pane still shows whole agency names.
NAME=resize
. tests/tui/lib.inc

setup
start_tui 120 40
keys /
type_text "ban tuyen giao tinh uy"
keys Enter
wait_for "Ban Tuyên giáo Tỉnh ủy (Ban, mã tu-btg)" || fail "unit not found"

tmux -L "$SOCK" resize-window -t "$SESSION" -x 100 -y 30
wait_for "Nhiệm vụ của đơn vị và cấp dưới" || fail "100x30: no detail"
s=$(screen)
[ "$(echo "$s" | wc -l)" -eq 30 ] || fail "100x30: not 30 lines"
for want in "» Đơn vị" "Văn bản" "Nhiệm vụ" "Ban Tuyên giáo Tỉnh ủy (Ban, mã tu-btg)" "$TODAY_VN"; do
	echo "$s" | grep -qF -- "$want" || fail "100x30 lacks '$want'"
done
echo "$s" | tail -n 1 | grep -qF "$(id -un) · " || fail "100x30: status line is not on the last line"
wide=$(echo "$s" | python3 -c 'import sys; print(sum(len(l.rstrip("\n")) > 100 for l in sys.stdin))')
[ "$wide" -eq 0 ] || fail "100x30: $wide lines wider than the screen"

tmux -L "$SOCK" resize-window -t "$SESSION" -x 60 -y 20
wait_for "Cửa sổ quá nhỏ: cần ít nhất 80×24, hiện 60×20." || fail "60x20: no minimum-size message"
screen | grep -qF "Đơn vị" && fail "60x20: panes drawn on a too small screen"

tmux -L "$SOCK" resize-window -t "$SESSION" -x 120 -y 40
wait_for "Ban Tuyên giáo Tỉnh ủy (Ban, mã tu-btg)" || fail "120x40: selection lost after resizing"

# A task far down a long list stays selected and on screen at 80x24, and
# the units pane, focused, shows names that tell the units apart.
keys /
type_text "tinh uy son ha"
keys Enter
keys Tab Tab
wait_for "Chi tiết nhiệm vụ" || fail "no task detail"
keys PageDown PageDown j j j
id=$(screen | sed -n 's/.*Nhiệm vụ #\([0-9][0-9]*\) · mục.*/\1/p' | head -n 1)
[ -n "$id" ] || fail "no selected task"
tmux -L "$SOCK" resize-window -t "$SESSION" -x 80 -y 24
wait_for "Cửa sổ quá nhỏ" 1 && fail "80x24 is said to be too small"
sleep 0.3
# The list took the height (a preview under it, tests/tui/preview.sh):
# the selected task is on one of its rows; V shows its detail.
screen | sed -n 2,18p | grep -qE "^.. +#$id " || fail "80x24: the selected task #$id is not in the list"
keys V
screen | grep -qF "Nhiệm vụ #$id · mục" || fail "80x24: the detail no longer shows #$id"
screen | sed -n 2,12p | grep -qE "^.. +#$id " || fail "80x24: the selected task #$id is not on screen"
# At 80 columns the focused tasks pane has the whole width; the tree
# comes back with the focus.
keys BTab BTab
wait_for "» Đơn vị" || fail "80x24: S-Tab does not reach the unit tree"
for name in "Ban Tổ chức Tỉnh ủy" "Ban Dân vận Tỉnh ủy" "Văn phòng Tỉnh ủy"; do
	screen | grep -qF "$name" || fail "80x24: the units pane cuts '$name'"
done
[ "$(screen | max_width)" -le 80 ] || fail "80x24: a line is wider than the screen"
quit_and_check_restored
pass
