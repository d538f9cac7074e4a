#!/bin/sh
# R (đã xóa) at 80x24: the title gives the counts of documents and tasks
# whole, with what they mean when it fits (not cut mid-phrase); the
# restore dialog (Enter) gives a long task's text cut at a word, ending in
# "…", never mid-word.
NAME=trash-fit
. tests/tui/lib.inc

setup
# the longest task text of the demo
id=$(cli tasks --format json --limit 100000 | python3 -c 'import json,sys
ts = json.load(sys.stdin)
print(max(ts, key=lambda t: len(t["text"]))["id"])') || fail "no task"
text=$(cli tasks --format json --limit 100000 | python3 -c 'import json,sys
print([t["text"] for t in json.load(sys.stdin) if t["id"] == int(sys.argv[1])][0])' "$id")
[ "${#text}" -gt 120 ] || fail "the longest task is short: $text"
cli delete-task "$id" --reason "Nhập trùng" --force >"$TMP/del.log" 2>&1 ||
	fail "delete-task: $(tail -n 1 "$TMP/del.log")"
start_tui 80 24
keys R
wait_for "Đã xóa — 0 văn bản, 1 nhiệm vụ · vẫn giữ trong kho, khôi phục được" ||
	fail "the trash's title is not whole"
screen | head -n 1 | grep -qF "…" && fail "the title is cut: $(screen | head -n 1)"
keys Enter
wait_for "Khôi phục nhiệm vụ #$id?" || fail "Enter opens no restore dialog"
screen >"$TMP/dialog.txt"
python3 - "$TMP/dialog.txt" "$text" <<'PY' || fail "the dialog cuts the task's text badly"
import sys
lines = open(sys.argv[1]).read().split("\n")
text = sys.argv[2]
rows = [l.strip().strip("│|").strip() for l in lines]
start = [i for i, l in enumerate(rows) if l.startswith("Nhiệm vụ: ")]
assert start, "no line of the task's text"
shown = rows[start[0]]
assert "…" in shown, shown
part = shown[len("Nhiệm vụ: "):shown.index("…")]
assert text.startswith(part), (part, text)
# cut after a whole word: the text goes on with a space or a punctuation mark
rest = text[len(part):]
assert rest[:1] in (" ", ",", ";", ".", ":"), ("cut mid-word", part, rest[:10])
assert any("trở lại mọi danh sách" in l for l in rows), "the dialog lost its explanation"
print("ok")
PY
keys Escape
keys Escape
quit_and_check_restored
pass
