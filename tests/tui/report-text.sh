#!/bin/sh
# The report's prose written on the screen (W): an editor of Thành ủy
# Bình Giang opens its report for 2026, sees what Ban Tổ chức (a unit
# below) wrote, types a Vietnamese paragraph longer than the width (word-
# wrapped, its start and its end shown at once) and a second paragraph,
# writes another section, is asked before Esc throws the text away, saves
# with F2 and reads it back with `theodoi report-text --show`.  Then Esc
# after typing, answered c, leaves the store as it was; a viewer is
# refused.  At 80x24.
NAME=report-text
. tests/tui/lib.inc

setup
# The command's usage names the screen's key as the screen has it: W.
cli report-text --help | grep -qF "phím W mở cả bốn phần" || fail "report-text --help does not name the key W"
cli report-text --help | grep -qF "phím w " && fail "report-text --help names the key w"
me=$(id -un)
sed -i "/^$me *=/d" "$CONF"
sed -i "/^\[users\]/a $me = ttu, editor" "$CONF"
echo "Ban Tổ chức: đã kiện toàn 12 chi bộ trực thuộc." >"$TMP/below.txt"
cli report-text --unit ttu-btc --period 2026 --section danh-gia --file "$TMP/below.txt" >/dev/null ||
	fail "report-text of the unit below"

p1="Năm 2026, Ban Thường vụ Thành ủy đã lãnh đạo triển khai đồng bộ các nhiệm vụ chuyển đổi số, hoàn thành vượt mức chỉ tiêu cải cách hành chính và nâng cao chất lượng sinh hoạt chi bộ ở cơ sở"
p2="Các cấp ủy trực thuộc đã ban hành kế hoạch đúng thời hạn."
start_tui 80 24 own
keys W
wait_for "Kỳ báo cáo (Enter" || fail "W does not ask the period"
keys Enter
wait_for "1 Kết quả" || fail "Enter does not open the sections of 2026"
screen | grep -qF "Báo cáo của Thành ủy Bình Giang, năm 2026" || fail "the title does not name the unit and the period"
screen | grep -qF "Ban Tổ chức: đã kiện toàn 12 chi bộ" || fail "what the unit below wrote is not shown"
type_text "$p1"
keys Enter
type_text "$p2"
s=$(screen)
echo "$s" | grep -qF "Năm 2026, Ban Thường vụ Thành ủy" || fail "the paragraph's start is not shown"
echo "$s" | grep -qF "sinh hoạt chi bộ ở cơ sở" || fail "the paragraph's end is not shown (not wrapped)"
echo "$s" | grep -qF "$p2" || fail "the second paragraph is not on its own line"
[ "$(echo "$s" | max_width)" -le 80 ] || fail "a line is drawn past 80 columns"
# the cursor follows the typing: up to the first paragraph, a word in it
keys Up Up Home
type_text "Tóm lại: "
wait_for "Tóm lại:" || fail "typing after Up and Home shows nothing"
keys Tab
wait_for "2. Hạn chế, khuyết điểm và nguyên nhân" || fail "Tab does not go to the next section"
wait_for "chưa viết phần này" || fail "no word that the units below wrote nothing here"
type_text "Tiến độ số hóa hồ sơ còn chậm."
screen | grep -qF "1 Kết quả*" || fail "the changed section is not marked"
keys Escape
wait_for "Bỏ nội dung đã nhập" || fail "Esc with typed text does not ask"
keys k
wait_gone "Bỏ nội dung đã nhập" || fail "another key does not keep the editor"
screen | grep -qF "Tiến độ số hóa hồ sơ còn chậm." || fail "the text is lost after answering no"
keys F2
wait_for "Đã lưu 2 phần" || fail "F2 does not save: $(screen | tail -n 3)"

cli report-text --unit ttu --period 2026 --section danh-gia --show >"$TMP/show" || fail "report-text --show"
head -n 2 "$TMP/show" | grep -qF "$p2" || fail "the second paragraph is not read back: $(cat "$TMP/show")"
head -n 1 "$TMP/show" | grep -qF "Tóm lại: " || fail "the insertion is not read back: $(cat "$TMP/show")"
head -n 1 "$TMP/show" | sed 's/Tóm lại: //' | grep -qxF "$p1" ||
	fail "the first paragraph is not read back whole: $(head -n 1 "$TMP/show")"
cli report-text --unit ttu --period 2026 --section han-che --show | head -n 1 |
	grep -qxF "Tiến độ số hóa hồ sơ còn chậm." || fail "the second section is not read back"
cli log --format json 2>/dev/null | grep -qF '"report-text"' || fail "the save is not in the audit log"

# Esc after typing, answered c: nothing written
keys End
type_text " Không lưu câu này."
keys Escape
wait_for "Bỏ nội dung đã nhập" || fail "Esc with typed text does not ask (2)"
keys c
wait_gone "Kết quả đạt được" || fail "c does not close the editor"
cli report-text --unit ttu --period 2026 --section han-che --show | grep -qF "Không lưu" &&
	fail "text thrown away was written"
# a period that is not one is refused where it is typed
keys W
wait_for "Kỳ báo cáo (Enter" || fail "W does not open again"
type_text "2026-Q7"
keys Enter
wait_for "2026-Q7" || fail "the bad period is not named"
screen | grep -qF "1 Kết quả" && fail "a bad period opens the sections"
keys Escape
wait_gone "Kỳ báo cáo (Enter" || fail "Esc does not close the period prompt"
quit_and_check_restored
tmux -L "$SOCK" kill-server 2>/dev/null
sleep 0.3

# a viewer may not write the report
sed -i "s/^$me = ttu, editor/$me = ttu, viewer/" "$CONF"
start_tui 80 24 own
keys W
wait_for "không có quyền" || fail "W is not refused for a viewer"
screen | grep -qF "Kỳ báo cáo (Enter" && fail "the editor opens for a viewer"
quit_and_check_restored
pass
