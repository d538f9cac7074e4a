#!/bin/sh
# i on a file that re-imports a stored plan (80x24): the preview is the
# difference `import --replace --dry-run` prints, line for line (read by
# scrolling it whole); removing a task that carries recorded work asks
# first, and no keeps the store as it was; yes stores what `import
# --replace --force` stores, through the same library call (compared with
# the command line run on a copy of the store).  A different document over
# the one chosen in the form is refused with the reason and the way out.
NAME=reimport
. tests/tui/lib.inc

setup
plan="$PWD/tests/data/ui/thanh-uy-ke-hoach-nhap.txt"
fixed="$PWD/tests/data/ui/thanh-uy-ke-hoach-nhap-sua.txt"
[ -f "$plan" ] && [ -f "$fixed" ] || fail "missing test plans"
doc=$(cli import --format json "$plan" 2>/dev/null |
	python3 -c 'import json, sys; print(json.load(sys.stdin)["doc_id"])')
[ -n "$doc" ] || fail "cli import of the plan"
# the tasks by section, and work recorded on the one the new text drops
cli tasks --doc "$doc" --format json >"$TMP/before.json" || fail "cli tasks"
dropped=$(python3 -c 'import json,sys
print([t["id"] for t in json.load(open(sys.argv[1])) if t["section"] == "II.1(2)"][0])' "$TMP/before.json")
cli update "$dropped" --note "Đã liên hệ Thành đoàn" >/dev/null || fail "cli update"
cli import --replace --dry-run "$fixed" >"$TMP/dry.txt" 2>/dev/null || fail "cli dry run"
grep -qF "xóa 1, thêm 1 nhiệm vụ" "$TMP/dry.txt" || fail "unexpected dry run: $(cat "$TMP/dry.txt")"

# The preview's rows, all of them: scroll page by page, each row put at
# its number (the header's " a–b/n ").
preview_rows() {
	: >"$TMP/rows.txt"
	keys Home
	i=0
	while [ "$i" -lt 40 ]; do
		screen >"$TMP/screen.txt"
		last=$(python3 - "$TMP/screen.txt" "$TMP/rows.txt" <<'PY'
import re, sys
lines = open(sys.argv[1]).read().split("\n")
for k, l in enumerate(lines):
    m = re.search(r"Thay đổi so với văn bản đã lưu.* (\d+)–(\d+)/(\d+) ", l)
    if m:
        break
else:
    print("none"); sys.exit()
a, b, n = (int(x) for x in m.groups())
with open(sys.argv[2], "a") as out:
    for j in range(a, b + 1):
        row = lines[k + 1 + j - a]
        row = row[row.index("│") + 1:row.rindex("│")]
        out.write("%d\t%s\n" % (j, row.rstrip()))
print("end" if b == n else "more")
PY
)
		[ "$last" = none ] && fail "no difference on screen"
		[ "$last" = end ] && return 0
		keys NPage
		i=$((i + 1))
	done
	fail "the preview does not end"
}

start_tui 80 24
keys i
wait_for "Nhập kế hoạch từ tệp" || fail "i opens no import form"
type_text "$fixed"
keys Enter
wait_for "Thay văn bản #$doc (71-KH/ThU ngày 12/05/2026)" || fail "no difference in the preview"
[ "$(screen | max_width)" -le 80 ] || fail "the preview is wider than the screen"
preview_rows
python3 - "$TMP/rows.txt" "$TMP/dry.txt" <<'PY' || fail "the preview is not the dry run's difference"
import sys
rows = {}
for l in open(sys.argv[1]).read().split("\n"):
    if l:
        k, _, text = l.partition("\t")
        rows[int(k)] = text
shown = []
for k in sorted(rows):
    if rows[k].strip().startswith("Cảnh báo ("):
        break
    shown.append(rows[k])
dry = open(sys.argv[2]).read().split("\n")[1:]
squash = lambda ls: "".join("".join(ls).split())
if squash(shown) != squash(dry):
    print("preview:\n" + "\n".join(shown) + "\ndry run:\n" + "\n".join(dry))
    sys.exit(1)
PY
screen | grep -qF "Enter: thay văn bản đã lưu" || fail "the hint does not say Enter replaces"

# Enter asks before deleting recorded work; another key stores nothing.
cli export >"$TMP/export-before.txt" || fail "cli export"
keys Enter
wait_for "Xóa cả 1 nhiệm vụ đã ghi nhận kết quả (như --force)? c: có" ||
	fail "no question before deleting recorded work"
keys n
wait_for "Chưa lưu gì" || fail "no answers nothing was stored"
cli export >"$TMP/export-after.txt" || fail "cli export"
cmp -s "$TMP/export-before.txt" "$TMP/export-after.txt" || fail "a refused re-import changed the store"

# The command line's result on a copy, for comparison.
cp -r "$STORE" "$TMP/copy" || fail "copy the store"
"$BIN" --config "$CONF" --store "$TMP/copy" --today "$TODAY" import --replace --force "$fixed" \
	>/dev/null 2>&1 || fail "cli import --replace --force on the copy"
keys Enter
wait_for "Xóa cả 1 nhiệm vụ" || fail "no question the second time"
keys c
wait_for "Đã thay văn bản 71-KH/ThU (#$doc): giữ nguyên 1, sửa 2, xóa 1, thêm 1 nhiệm vụ." ||
	fail "the re-import was not stored"
screen | grep -qF "» Văn bản ban hành" || fail "the documents pane has not the focus"
cli docs --format json >"$TMP/docs.json"
[ "$(grep -c '"71-KH/ThU"' "$TMP/docs.json")" = 1 ] || fail "not one document 71-KH/ThU"
strip='import json, sys
keep = ("id", "section", "text", "lead", "lead_text", "deadline_phrase", "due", "status",
        "progress")
print(json.dumps([{k: t.get(k) for k in keep} for t in json.load(sys.stdin)], sort_keys=True))'
cli tasks --doc "$doc" --format json | python3 -c "$strip" >"$TMP/tui-tasks.json"
"$BIN" --config "$CONF" --store "$TMP/copy" --today "$TODAY" tasks --doc "$doc" --format json |
	python3 -c "$strip" >"$TMP/cli-tasks.json"
cmp -s "$TMP/tui-tasks.json" "$TMP/cli-tasks.json" ||
	fail "the screen stored otherwise than the command line: $(diff "$TMP/tui-tasks.json" "$TMP/cli-tasks.json")"
grep -qF "\"id\": $dropped," "$TMP/tui-tasks.json" && fail "the dropped task is still listed"
cli deleted --format json | grep -qF "\"id\": $dropped," || fail "the dropped task is not in the trash"
cli log --action delete-task --format json | grep -qF "\"task:$dropped\"" ||
	fail "the deletion is not audited"
cli check-store >/dev/null || fail "check-store after the re-import"

# Another document (another number) over the one selected: refused.
sed 's/Số 71-KH\/ThU/Số 72-KH\/ThU/' "$fixed" >"$TMP/other.txt"
cli export >"$TMP/export-before.txt"
keys i
wait_for "Nhập kế hoạch từ tệp" || fail "i opens no import form the second time"
screen | grep -qF "văn bản đang chọn: #$doc 71-KH/ThU" && fail "the selected document is offered before it is asked for"
type_text "$TMP/other.txt"
keys Tab Tab Right
wait_for "< 2. văn bản đang chọn: #$doc 71-KH/ThU >" || fail "the selected document is not offered"
keys Enter
wait_for "Không thay được: lý do ở trên" || fail "another document over one is not refused"
# the form's text, its lines joined
box() {
	screen | python3 -c 'import sys
ls = sys.stdin.read().split("\n")
top = [k for k, l in enumerate(ls) if "┌─Nhập" in l][0]
out = []
for l in ls[top + 1:]:
    if "└" in l:
        break
    out.append(l[l.index("│") + 1:l.rindex("│")].strip())
print(" ".join(x for x in out if x))'
}
box | grep -qF "tệp là văn bản số 72-KH/ThU của Ban Thường vụ Thành ủy, khác văn bản #$doc (số 71-KH/ThU" ||
	fail "the refusal does not name the two documents"
box | grep -qF "Chỉ làm được bằng lệnh import --replace --doc $doc --force." ||
	fail "the refusal does not say how it can be done"
cli export >"$TMP/export-after.txt"
cmp -s "$TMP/export-before.txt" "$TMP/export-after.txt" || fail "a refused re-import changed the store"
keys Escape c
wait_gone "Nhập kế hoạch từ tệp" || fail "c does not close the import form"
quit_and_check_restored
pass
