#!/bin/sh
# The tasks pane's notice when it has no rows is drawn whole, wrapped over
# the pane's rows between words as every other empty list's notice is
# (ui_put_wrap), never cut with "…": at 100x30 the pane beside a unit with
# no documents is 44 columns wide, the notice 51.
NAME=tasks-empty
. tests/tui/lib.inc

setup
start_tui 100 30
keys /
type_text "truong chinh tri"
keys Enter
wait_for "Trường Chính trị tỉnh (Cơ quan, mã tu-ttct)" || fail "unit not found"
wait_for "(không có văn bản)" || fail "the unit has documents"
wait_for "(chưa chọn văn bản, hoặc văn bản không có" || fail "no notice in the tasks pane"
# the notice's end, on the row under it, in the tasks pane
screen | grep -qE "│ nhiệm vụ\) *$" || fail "the notice is cut, not wrapped"
screen | grep -F "(chưa chọn văn bản" | sed "s/.*│//" | grep -qF "…" && fail "the notice ends in …"
quit_and_check_restored
pass
