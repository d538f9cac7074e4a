#!/bin/sh
# Indicators (m) of a unit's subtree: a yearly indicator shows "hằng năm"
# and this year's judgement in its row, its past years in the detail area
# ("Theo năm: 2025 không đạt (86,7%)"), as `theodoi indicators ID` judges
# them; reaching the aspiration shows "đạt mức phấn đấu" with its symbol.
NAME=ind-years
. tests/tui/lib.inc

setup
cli indicators 3 --format json >"$TMP/ind.json" || fail "cli indicators 3"
read -r yearly y0 s0 v0 label <<EOS
$(python3 -c 'import json,sys
d=json.load(open(sys.argv[1])); y=d["years"][0]
v=("%g" % y["value"]).replace(".", ",")
print(d["yearly"], y["year"], y["state_label"].replace(" ", "_"), v, d["state_label"])' "$TMP/ind.json")
EOS
[ "$yearly" = True ] || fail "demo indicator #3 is not yearly"
s0=$(echo "$s0" | tr _ ' ')
start_tui 120 40
keys /
type_text "ban to chuc tinh uy"
keys Enter
wait_for "Ban Tổ chức Tỉnh ủy (Ban, mã tu-btc)" || fail "unit not found"
keys m
wait_for "Chỉ tiêu — Ban Tổ chức Tỉnh ủy và cấp dưới" || fail "m does not list the unit's indicators"
row=$(screen | grep -F "#3 ")
echo "$row" | grep -qF "hằng năm" || fail "the yearly row does not say hằng năm: $row"
echo "$row" | grep -qF "$label" || fail "the row is not judged '$label': $row"
wait_for "Theo năm: $y0 $s0 (${v0}%)" || fail "the detail does not show $y0"
wait_for "năm 2026: $label" || fail "the detail does not name the year judged"

keys u
wait_for "Ghi số liệu chỉ tiêu #3" || fail "u opens no measure form"
type_text "96"
keys Enter
wait_for "Đã ghi số liệu chỉ tiêu #3 ngày $TODAY_VN." || fail "the value was not saved"
wait_for "năm 2026: đạt mức phấn đấu" || fail "96% does not reach the aspiration in the detail"
screen | grep -F "#3 " | grep -q "^\* .*đạt mức phấn đấu" || fail "the row has no aspiration symbol"
keys Escape
quit_and_check_restored
pass
