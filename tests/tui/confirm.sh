#!/bin/sh
# Confirmation of completions ([access] confirm_done = yes, monitors =
# tu-vp:tu): an editor of Ban Tuyên giáo reports two tasks done from the
# command line, which makes them claims; as an editor of Văn phòng Tỉnh ủy
# (the monitoring office) the queue (p) lists both, the detail says "chờ
# xác nhận", x confirms one and T returns the other with a reason, as
# `theodoi show` and `theodoi log` then read.  An editor outside the
# office sees the queue read only and x is refused with the rule.
NAME=confirm
. tests/tui/lib.inc

setup
me=$(id -un)
sed -i "s/^confirm_done *=.*/confirm_done = yes\nmonitors = tu-vp:tu/" "$CONF"
as_user() { sed -i "/^$me *=/d" "$CONF"; echo "$me = $1" >>"$CONF"; }
as_user "tu-btg, editor"
set -- $(cli tasks --unit tu-btg --format json | python3 -c 'import json,sys
print(" ".join([str(t["id"]) for t in json.load(sys.stdin) if t["status"] in ("not_started", "in_progress")][:3]))')
[ $# -ge 3 ] || fail "Ban Tuyên giáo has fewer than three open tasks"
id1=$1 id2=$2 id3=$3
for id in "$id1" "$id2" "$id3"; do
	cli update "$id" --status hoan-thanh --note "đã xong" >/dev/null || fail "cli update $id"
done
cli confirm --list --all --format json | grep -qF "\"id\": $id1" || fail "#$id1 is not a claim"
# Select the row of task $1 in the queue.
select_row() {
	row=$(screen | grep -n "#$1 " | head -n 1 | cut -d: -f1)
	[ -n "$row" ] || fail "the queue does not list #$1"
	keys g
	i=3
	while [ "$i" -lt "$row" ]; do keys j; i=$((i + 1)); done
	wait_for "Nhiệm vụ #$1 · mục" || fail "#$1 is not selected"
}

as_user "tu-vp, editor"
start_tui 120 40
keys p
wait_for "Chờ xác nhận hoàn thành — đơn vị bạn theo dõi: 3 nhiệm vụ" || fail "p does not list the 3 claims"
select_row "$id1"
screen | grep -qF "Trạng thái: hoàn thành (chờ xác nhận)" || fail "the detail does not say chờ xác nhận"
keys x
wait_for "Xác nhận hoàn thành nhiệm vụ #$id1" || fail "x opens no confirmation"
type_text "đúng kết quả"
keys Enter
wait_for "Đã xác nhận hoàn thành nhiệm vụ #$id1." || fail "the confirmation was not saved"
wait_for "đơn vị bạn theo dõi: 2 nhiệm vụ" || fail "the queue still counts the confirmed task"
select_row "$id2"
keys T
wait_for "Trả lại nhiệm vụ #$id2" || fail "T opens no return form"
keys Enter
wait_for "cần ghi lý do trả lại" || fail "a return without a reason is not refused"
type_text "chưa có báo cáo kèm theo"
keys Enter
wait_for "Đã trả lại nhiệm vụ #$id2: thực hiện lại." || fail "the return was not saved"
keys Escape
quit_and_check_restored
for id in "$id1" "$id2"; do
	cli show "$id" --format json >"$TMP/show$id.json" || fail "cli show $id"
	cli log --task "$id" --format json >"$TMP/log$id.json" || fail "cli log $id"
done
cli confirm --list --all --format json >"$TMP/pending.json" || fail "cli confirm --list"
python3 - "$TMP" "$id1" "$id2" <<'PY' || fail "the command line does not read the confirmation and the return"
import json, sys
d, a, b = sys.argv[1], sys.argv[2], sys.argv[3]
load = lambda name: json.load(open("%s/%s.json" % (d, name)))
assert load("show" + a)["status"] == "done", "#%s is not done" % a
assert load("log" + a)[0]["action"] == "confirm", load("log" + a)[0]
assert load("show" + b)["status"] == "in_progress", "#%s is not back in progress" % b
assert load("log" + b)[0]["action"] == "return", load("log" + b)[0]
pending = [t["id"] for t in load("pending")]
assert int(a) not in pending and int(b) not in pending, pending
PY
tmux -L "$SOCK" kill-session -t "$SESSION" 2>/dev/null

# An editor outside the office: the queue is read only, x is refused.
as_user "tu-btg, editor"
start_tui 120 40
keys p
wait_for "mọi đơn vị: 1 nhiệm vụ (chỉ xem" || fail "the queue is not read only for an editor outside the office"
keys x
wait_for "Không được phép" || fail "x is not refused outside the office"
keys Escape
quit_and_check_restored
pass
