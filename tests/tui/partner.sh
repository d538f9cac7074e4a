#!/bin/sh
# A unit's partner tasks (P), apart from those it leads, at 80x24 and
# 120x40: on Văn phòng Tỉnh ủy the list has the tasks `theodoi tasks
# --partner tu-vp --subtree` lists, none of them led by the unit; on the
# Tỉnh ủy the subtree's, each saying in its first column where it stands
# ("trễ 146 ngày", "còn 44 ngày", "hoàn thành": not cut at 80 columns);
# Enter shows the task in its panes.
NAME=partner
. tests/tui/lib.inc

setup
cli tasks --partner tu-vp --subtree --format json >"$TMP/vp.json" || fail "cli tasks --partner"
n=$(json_len <"$TMP/vp.json")
[ "$n" -gt 0 ] || fail "the demo has no partner task of tu-vp"
ntu=$(cli tasks --partner tu --subtree --format json | json_len)
led=$(cli tasks --unit tu-vp --format json | python3 -c 'import json,sys; print(" ".join(str(t["id"]) for t in json.load(sys.stdin)))')
[ -n "$led" ] || fail "tu-vp leads no task"
ids=$(python3 -c 'import json,sys; print(" ".join(str(t["id"]) for t in json.load(open(sys.argv[1]))))' "$TMP/vp.json")
# An overdue partner task of the Tỉnh ủy's subtree and one with days left,
# with the days the detail states ("quá hạn N ngày", "còn N ngày").
read -r od_id od_days ok_id ok_days <<EOS
$(cli tasks --partner tu --subtree --format json | python3 -c 'import json, sys
from datetime import date
t = json.load(sys.stdin)
today = date.fromisoformat(sys.argv[1])
od = [x for x in t if x["timeliness"] == "overdue"][0]
ok = [x for x in t if x["timeliness"] == "on_track"][0]
print(od["id"], od["days_overdue"], ok["id"], (date.fromisoformat(ok["due"]) - today).days)' "$TODAY")
EOS
[ -n "$ok_days" ] || fail "the demo has no overdue and on-track partner tasks under tu"
cli show "$od_id" | grep -qF "quá hạn $od_days ngày" || fail "show #$od_id does not say $od_days days late"
cli show "$ok_id" | grep -qF "còn $ok_days ngày" || fail "show #$ok_id does not say $ok_days days left"
for size in "80 24" "120 40"; do
	set -- $size
	start_tui "$1" "$2"
	detail_area
	keys /
	type_text "tu-vp"
	keys Enter
	wait_for "(Ban, mã tu-vp)" || fail "$1x$2: unit tu-vp not found"
	keys P
	wait_for "Nhiệm vụ phối hợp — Văn phòng Tỉnh ủy và cấp dưới: $n nhiệm vụ" ||
		fail "$1x$2: P does not list the $n partner tasks"
	shown=$(screen | sed -n '3,$p' | sed '/^── /q' | grep -oE '^.{0,24} #[0-9]+ ' | grep -oE '[0-9]+ $' | tr -d ' ')
	[ -n "$shown" ] || fail "$1x$2: no row shows a task"
	for id in $shown; do
		case " $ids " in *" $id "*) ;; *) fail "$1x$2: #$id is not a partner task of tu-vp";; esac
	done
	for id in $shown; do
		case " $led " in *" $id "*) fail "$1x$2: #$id, led by the unit, is among its partner tasks";; esac
	done
	first=$(echo "$shown" | head -n 1)
	keys Enter
	wait_for "» Nhiệm vụ" || fail "$1x$2: Enter does not show the task in the panes"
	wait_for "Nhiệm vụ #$first · mục" || fail "$1x$2: task #$first is not selected"
	# The Tỉnh ủy: its whole subtree.
	keys BTab BTab
	keys /
	type_text "tinh uy son ha"
	keys Enter
	wait_for "(Tỉnh ủy, mã tu)" || fail "$1x$2: unit tu not found"
	keys P
	wait_for "Nhiệm vụ phối hợp — Tỉnh ủy Sơn Hà và cấp dưới: $ntu nhiệm vụ" ||
		fail "$1x$2: P on the Tỉnh ủy does not count its subtree's $ntu"
	# The first column says late or left in words, as the detail does,
	# and the status words are not cut.
	rows=$(screen | sed -n '3,$p' | sed '/^── /q')
	echo "$rows" | grep -qE "^! +trễ $od_days ngày +#$od_id " ||
		fail "$1x$2: overdue #$od_id does not say \"trễ $od_days ngày\""
	echo "$rows" | grep -qE "^. +còn $ok_days ngày +#$ok_id " ||
		fail "$1x$2: #$ok_id does not say \"còn $ok_days ngày\""
	echo "$rows" | grep -qE "^\+ +hoàn thành +#" || fail "$1x$2: a task done on time is not \"hoàn thành\""
	echo "$rows" | grep -qE "^- +chưa có hạn +#" || fail "$1x$2: an undated task is not \"chưa có hạn\""
	echo "$rows" | grep -E '^.. [^#]*… +#' && fail "$1x$2: the first column is cut"
	keys q
	wait_for "» Đơn vị" || fail "$1x$2: q does not close the list"
	quit_and_check_restored
	tmux -L "$SOCK" kill-server 2>/dev/null
	sleep 0.3
done
pass
