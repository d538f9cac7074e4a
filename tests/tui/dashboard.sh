#!/bin/sh
# The dashboard (b) of a unit: one row per child unit (and the unit's own
# tasks) with total, done, overdue and due-soon counts equal to `theodoi
# summary --unit U --format json`, a bar per row, a total row; Enter on a
# child opens its own rows, h goes back up.
NAME=dashboard
. tests/tui/lib.inc

setup
cli summary --unit tu --format json >"$TMP/tu.json" || fail "cli summary tu"
cli summary --unit ttu --format json >"$TMP/ttu.json" || fail "cli summary ttu"
start_tui 120 40
keys /
type_text "tinh uy son ha"
keys Enter
wait_for "Tỉnh ủy Sơn Hà (Tỉnh ủy, mã tu)" || fail "unit not found"
keys b
wait_for "Tổng hợp — Tỉnh ủy Sơn Hà và các đơn vị trực thuộc" || fail "b shows no dashboard"
wait_for "Cộng" || fail "no total row"

# Each row against the command line: name, total, done, overdue, due soon.
check_rows() {
	screen >"$TMP/screen.txt"
	python3 - "$1" "$TMP/screen.txt" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
lines = open(sys.argv[2]).read().split("\n")
rows = [l for l in lines[2:] if l.strip() and not l.startswith("──")]
def figures(s):
    return [s["total"], s["done"],
            s["by_timeliness"]["overdue"] + s["by_timeliness"]["unreported"], s["due_soon"]]
want = []
for u in d["units"]:
    name = u["unit_name"] + (" (trực tiếp)" if u["own"] else "")
    want.append((name, figures(u["summary"])))
want.append(("Cộng", figures(d["summary"])))
for i, (name, nums) in enumerate(want):
    row = rows[i]
    shown = row[2:35].rstrip().rstrip("…")
    assert name.startswith(shown) and shown, (i, name, row)
    got = [int(x.replace(".", "")) for x in row[35:].split()[:4]]
    assert got == nums, (name, got, nums)
    if any(nums[1:]):
        assert any(c in row for c in "█▒░"), ("no bar", row)
assert max(len(l) for l in lines) <= 120, "a line is wider than the screen"
# The row of the unit to open next, for the caller.
codes = [u["unit_code"] for u in d["units"]]
print(codes.index("ttu") if "ttu" in codes else -1)
PY
}
n=$(check_rows "$TMP/tu.json") || fail "the rows differ from theodoi summary --unit tu"
wait_for "Tổng số" || fail "the detail shows no report sentence"

# Enter on Thành ủy Bình Giang: its own children.
keys g
# shellcheck disable=SC2046
keys $(python3 -c 'import sys; print(" ".join(["j"] * int(sys.argv[1])))' "$n")
keys Enter
wait_for "Tổng hợp — Thành ủy Bình Giang và các đơn vị trực thuộc" || fail "Enter does not open the child's rows"
check_rows "$TMP/ttu.json" >/dev/null || fail "the rows differ from theodoi summary --unit ttu"
keys h
wait_for "Tổng hợp — Tỉnh ủy Sơn Hà" || fail "h does not go back up"
keys Escape
wait_for "» Đơn vị" || fail "Esc does not close the dashboard"
quit_and_check_restored
pass
