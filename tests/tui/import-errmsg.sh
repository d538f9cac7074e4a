#!/bin/sh
# The i form says what is wrong with the file typed in Vietnamese (a
# missing file: "không có tệp hay thư mục này", not the C library's English),
# and the warnings of a Word file point at the section and the task's first
# words, as `import` prints them, not at a line a clerk cannot find.
NAME=import-errmsg
. tests/tui/lib.inc

setup
start_tui 140 40
keys i
wait_for "Nhập kế hoạch từ tệp" || fail "i opens no import form"
type_text "khong-co-tep.txt"
keys Enter
wait_for "không có tệp hay thư mục này" || fail "a missing file is not said in Vietnamese"
screen | grep -qF "No such file" && fail "the C library's English is shown"
keys Escape
wait_for "Bỏ nội dung đã nhập?" || fail "Esc does not ask before dropping the typed path"
keys c
wait_gone "Nhập kế hoạch từ tệp" || fail "c does not close the import form"

docx="$PWD/../shared/samples/tinh-uy-chuong-trinh.docx"
if [ -f "$docx" ]; then
	cp "$docx" "$TMP/ctr.docx"
	keys i
	type_text "$TMP/ctr.docx"
	keys Enter
	wait_for "Định dạng: Word (.docx)" || fail "no preview of the Word file"
	keys End
	wait_for "Cảnh báo (" || fail "End does not scroll the preview to the warnings"
	screen | grep -qF "  mục III.2.5#1 “Chủ trì, phối hợp với Ban cán sự đảng…”: không xác định" ||
		fail "a warning of the Word file does not name its section and task"
	screen | grep -qE "dòng [0-9]+:" && fail "a warning of the Word file names a line"
	keys Escape c
	wait_gone "Nhập kế hoạch từ tệp" || fail "c does not close the import form after the .docx"
fi
quit_and_check_restored
pass
