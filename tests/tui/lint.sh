#!/bin/sh
# Lint (r): on a document, the list has as many findings as `theodoi lint
# DOC --format json`, each with its task and section; the task carries the
# marker in the tasks pane and Enter shows it there.  On a unit (the units
# pane has the focus) the list is the subtree's, as `lint --unit`.
NAME=lint
. tests/tui/lib.inc

setup
cli lint 15-CTr/TU --format json >"$TMP/doc.json" || fail "cli lint DOC"
cli lint --unit tw --format json >"$TMP/unit.json" || fail "cli lint --unit"
read -r ndoc nunit id section <<EOS
$(python3 - "$TMP/doc.json" "$TMP/unit.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
u = json.load(open(sys.argv[2]))
print(len(d), len(u), d[0]["task_id"], d[0]["section"])
PY
)
EOS
[ "$ndoc" -gt 0 ] || fail "the demo program has no lint finding"
start_tui 120 40
keys /
type_text "tinh uy son ha"
keys Enter
wait_for "Tỉnh ủy Sơn Hà (Tỉnh ủy, mã tu)" || fail "unit not found"
keys Tab
wait_for "Văn bản 15-CTr/TU" || fail "the program is not selected"
keys r
wait_for "Rà soát rõ việc, rõ người, rõ tiến độ — văn bản 15-CTr/TU: $ndoc vấn đề" ||
	fail "r does not count $ndoc findings"
screen | sed -n 3p | grep -qF "#$id " || fail "the first row is not task #$id"
screen | sed -n 3p | grep -qF "$section" || fail "the first row lacks section $section"
wait_for "Rà soát:" || fail "the detail does not say what is unclear"
keys Enter
wait_for "» Nhiệm vụ" || fail "Enter does not show the task in the panes"
wait_for "Nhiệm vụ #$id · mục" || fail "the task #$id is not selected"
screen | grep -qE "│.× +#$id " || fail "the tasks pane has no marker beside #$id"
# The units pane: the whole subtree of the root.
keys BTab BTab g
keys r
wait_for "Ban Chấp hành Trung ương và cấp dưới: $nunit vấn đề" ||
	fail "r on the root unit does not count $nunit findings"
keys q
wait_for "» Đơn vị" || fail "q does not close the list"
quit_and_check_restored
pass
