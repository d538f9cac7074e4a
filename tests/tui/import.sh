#!/bin/sh
# i imports a plan from a text file: the file is read and previewed, Enter
# stores it, the panes show the new document under its issuer, and v shows
# its original text.  Importing it again is refused with the reason.
NAME=import
. tests/tui/lib.inc

setup
plan="$PWD/tests/data/ui/thanh-uy-ke-hoach-nhap.txt"
[ -f "$plan" ] || fail "missing $plan"
start_tui 120 40
keys i
wait_for "Nhập kế hoạch từ tệp" || fail "i opens no import form"
type_text "$plan"
keys Enter
wait_for "Văn bản 71-KH/ThU: 4 nhiệm vụ" || fail "no preview of the plan"
screen | grep -qF "Cảnh báo đầu: " || fail "the preview does not show the warning"
keys Enter
wait_for "Đã nhập văn bản 71-KH/ThU: 4 nhiệm vụ." || fail "the plan was not stored"
screen | grep -qF "» Văn bản ban hành" || fail "the documents pane has not the focus"
screen | grep -qF "Văn bản 71-KH/ThU ngày 12/05/2026" || fail "the new document is not selected"
screen | grep -qF "Thành ủy Bình Giang" || fail "the issuer is not shown"
cli docs --unit ttu --format json | grep -qF '"71-KH/ThU"' || fail "the command line does not see it"

keys v
wait_for "Nguyên văn văn bản" || fail "v shows no original text"
screen | grep -qF "về tổ chức hội thi tìm hiểu lịch sử Đảng bộ thành phố năm 2026" ||
	fail "the original text is not shown"
keys Escape
wait_for "» Văn bản" || fail "Esc does not close the original text"

keys i
type_text "$plan"
keys Enter
wait_for "Văn bản 71-KH/ThU: 4 nhiệm vụ" || fail "no preview the second time"
keys Enter
wait_for "theodoi import --replace" || fail "a second import is not refused with the way out"
keys Escape
wait_for "Bỏ nội dung đã nhập?" || fail "Esc does not ask before dropping the typed path"
keys c
wait_gone "Nhập kế hoạch từ tệp" || fail "c does not close the import form"
quit_and_check_restored
pass
