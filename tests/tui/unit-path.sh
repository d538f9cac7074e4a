#!/bin/sh
# The unit tree opens on the path to the user's own unit: the roots and
# every ancestor of that unit open, other subtrees closed (the screen reads
# only those units of the tree, not all of them).
NAME=unit-path
. tests/tui/lib.inc

setup
me=$(id -un)
sed -i "s/^$me *=.*/$me = hkl-xaphuc, admin/" "$CONF"
grep -q "^$me = hkl-xaphuc" "$CONF" || fail "cannot set the login's unit"
start_tui 120 40
s=$(screen)
for want in "▾ Huyện ủy Kim Lâm" "Ban Tổ chức Huyện ủy Ki" "Đảng ủy xã Phúc Thịnh" \
	"▸ Huyện ủy Phước Điền" "▸ Thành ủy Bình Giang" "Văn phòng Tỉnh ủy"; do
	echo "$s" | grep -qF -- "$want" || fail "the path to the user's unit: no '$want'"
done
echo "$s" | grep -qF "Ban Tổ chức Huyện ủy Ph" && fail "another district is open"
quit_and_check_restored
pass
