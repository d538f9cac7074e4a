#!/bin/sh
# The preview's facts line at 80x24 keeps the lead's full name whole: the
# deadline phrase gives way (cut with "…" or left out), not the lead.  On
# the tasks no unit leads (the lead as the plan wrote it) and in the
# overdue view from the root (lead units), row after row, within the wire
# budget that wire.sh measures.
NAME=preview-lead
. tests/tui/lib.inc

setup
cli import ../shared/samples/tinh-uy-chuong-trinh.docx >"$TMP/import1.log" 2>&1 ||
	fail "import: $(tail -n 1 "$TMP/import1.log")"
cli import ../shared/samples/thanh-uy-ke-hoach.txt >"$TMP/import2.log" 2>&1 ||
	fail "import: $(tail -n 1 "$TMP/import2.log")"
cli tasks --format json --limit 100000 >"$TMP/tasks.json" || fail "tasks"

# Walk the first $1 rows of the list on screen with j; for each, the
# preview's first line (under "── Xem nhanh") must hold its lead's name
# whole when that name fits beside the status and the timeliness.
walk() {
	screen >"$TMP/list.txt"
	i=0
	checked=0
	while [ "$i" -lt "$1" ]; do
		screen >"$TMP/now.txt"
		python3 - "$TMP/tasks.json" "$TMP/list.txt" "$TMP/now.txt" "$i" <<'PY' || fail "row $i: the lead is not whole"
import json, re, sys
tasks = {t["id"]: t for t in json.load(open(sys.argv[1]))}
ids = [int(m.group(1)) for l in open(sys.argv[2]).read().split("\n")
       for m in [re.search(r"#(\d+) ", l)] if m and "Xem nhanh" not in l]
now = open(sys.argv[3]).read().split("\n")
i = int(sys.argv[4])
t = tasks[ids[i]]
at = [k for k, l in enumerate(now) if "── Xem nhanh" in l][0]
facts = now[at + 1]
lead = t.get("lead_name") or ""
tl = t["timeliness_label"]
room = 78 + 1 - 16 - (len(tl) + 1)
if lead and len(lead) <= room:
    assert lead in facts, (ids[i], lead, facts)
    if "«" in facts:
        assert facts.index("«") < facts.index(lead)
print(ids[i], "ok")
PY
		checked=$((checked + 1))
		keys j
		sleep 0.2
		i=$((i + 1))
	done
}

start_tui 80 24
keys End
wait_for "Nhiệm vụ chưa xác định đơn vị chủ trì (không thuộc đơn vị nào)" ||
	fail "End does not reach the row of the tasks without a lead unit"
keys Enter
wait_for "── Xem nhanh" || fail "no preview under the tasks without a lead unit"
walk 14
keys BTab BTab
keys Home
wait_for "(Trung ương, mã tw)" || fail "Home does not reach the root"
keys o
wait_for "Quá hạn — Ban Chấp hành Trung ương" || fail "o shows no overdue view"
wait_for "── Xem nhanh" || fail "no preview under the overdue view"
walk 14
keys Escape
quit_and_check_restored
pass
