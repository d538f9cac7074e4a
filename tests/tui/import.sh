#!/bin/sh
# i imports a plan from a file (text, or Word as the end shows): the file is read and previewed (its
# figures as the command line warns, then every task with its section,
# lead, deadline and text, scrolled to the warnings), Enter stores it, the
# panes show the new document under its issuer, and v shows its original
# text.  Importing it again shows that nothing would change.
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
# Every task before storing: section, lead, deadline as written, text.
screen | grep -qE "│ II\.1\(1\) +Ban Tuyên giáo Thành ủy +hoàn thành trong quý III/2026 +Xây dựng thể lệ" ||
	fail "the preview does not list task II.1(1) with its lead, deadline and text"
screen | grep -qE "│ III +Ban Tuyên giáo Thành ủy +trong tháng 12/2026" ||
	fail "the preview does not list the last task"
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

# The same file again is a re-import: the difference (nothing) is shown,
# not a second copy (tests/tui/reimport.sh goes further).
keys i
type_text "$plan"
keys Enter
wait_for "Văn bản 71-KH/ThU: 4 nhiệm vụ" || fail "no preview the second time"
screen | grep -qE "Thay văn bản #[0-9]+ \(71-KH/ThU ngày 12/05/2026\): giữ nguyên 4, sửa 0, xóa 0," ||
	fail "a second import is not shown as replacing the stored document"
keys Escape
wait_for "Bỏ nội dung đã nhập?" || fail "Esc does not ask before dropping the typed path"
keys c
wait_gone "Nhập kế hoạch từ tệp" || fail "c does not close the import form"

# A long plan from ../shared/samples: the lead figures of the preview are
# those the command line warns about, and the preview scrolls to the
# warnings.
sample="$PWD/../shared/samples/thanh-uy-ke-hoach.txt"
if [ -f "$sample" ]; then
	cli import --dry-run --format json "$sample" >"$TMP/dry.json" 2>/dev/null || fail "cli import --dry-run"
	read -r none names unresolved group nwarn <<EOS
$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); l=d["leads"]
print(l["none"], l["unresolved_names"], l["unresolved"], l["group"], len(d["warnings"]))' "$TMP/dry.json")
EOS
	keys i
	type_text "$sample"
	keys Enter
	wait_for "$nwarn cảnh báo; $none nhiệm vụ chưa rõ đơn vị chủ trì; $names tên đơn vị chủ trì" ||
		fail "the preview's lead figures differ from the command line ($none, $names)"
	screen | grep -qF "($unresolved nhiệm vụ); $group nhiệm vụ chung" ||
		fail "the preview does not count $unresolved unresolved and $group group tasks"
	keys End
	wait_for "Cảnh báo ($nwarn):" || fail "End does not scroll the preview to the warnings"
	[ "$(screen | max_width)" -le 120 ] || fail "the preview is wider than the screen"
	keys Escape c
	wait_gone "Nhập kế hoạch từ tệp" || fail "c does not close the import form"
fi
# The same plan as a Word file with automatic numbering: recognised by its
# bytes (the name says .txt), read by the helper, the same tasks.
docx="$PWD/../shared/samples/thanh-uy-ke-hoach.autonum.docx"
if [ -f "$docx" ]; then
	cp "$docx" "$TMP/ke-hoach.txt"
	cli import --dry-run --format json "$TMP/ke-hoach.txt" >"$TMP/dry-docx.json" 2>/dev/null ||
		fail "cli import --dry-run of the .docx"
	ntasks=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["source"]["format"] == "docx", d["source"]; print(len(d["tasks"]))' "$TMP/dry-docx.json") ||
		fail "the command line does not read the .docx as Word"
	keys i
	type_text "$TMP/ke-hoach.txt"
	keys Enter
	wait_for ": $ntasks nhiệm vụ" || fail "the preview of the .docx does not show its $ntasks tasks"
	screen | grep -qF "Định dạng: Word (.docx)" || fail "the preview does not say it read a Word file"
	keys Escape c
	wait_gone "Nhập kế hoạch từ tệp" || fail "c does not close the import form after the .docx"
fi
quit_and_check_restored
pass
