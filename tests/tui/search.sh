#!/bin/sh
# / searches the current pane ignoring case and diacritics: "to chuc"
# finds "Ban Tổ chức" among the units and a task about "tổ chức"; n goes
# to the next match; a search that finds nothing says so.
NAME=search
. tests/tui/lib.inc

setup
start_tui 120 40
keys g   # search forward from the top of the tree
keys /
type_text "to chuc"
keys Enter
wait_for "Ban Tổ chức Tỉnh ủy (Ban, mã tu-btc)" || fail "units: 'to chuc' does not find Ban Tổ chức"
keys n
wait_for "Ban Tổ chức Thành ủy (Ban, mã ttu-btc)" || fail "units: n does not go to the next match"

# Tasks of the Tỉnh ủy's program.
keys /
type_text "TINH UY SON HA"
keys Enter
wait_for "Tỉnh ủy Sơn Hà (Tỉnh ủy, mã tu)" || fail "units: upper case without accents fails"
keys Tab Tab
wait_for "Chi tiết nhiệm vụ" || fail "no task detail"
first=$(screen | sed -n 's/.*Nhiệm vụ #\([0-9][0-9]*\).*/\1/p' | head -n 1)
keys /
type_text "to chuc hoi nghi"
keys Enter
wait_gone "Nhiệm vụ #$first " || fail "tasks: the selection did not move"
# The detail of the match holds the words, with their accents.
screen | sed -n '/Chi tiết nhiệm vụ/,$p' | tr '\n' ' ' | grep -qiE "tổ chức +hội nghị" ||
	fail "tasks: the match is not about 'tổ chức hội nghị'"

keys /
type_text "khong co dau vet nao"
keys Enter
wait_for "Không tìm thấy: khong co dau vet nao" || fail "a failed search says nothing"
quit_and_check_restored
pass
