#!/bin/sh
# A unit's partner tasks (P), apart from those it leads, at 80x24 and
# 120x40: on Văn phòng Tỉnh ủy the list has the tasks `theodoi tasks
# --partner tu-vp --subtree` lists, none of them led by the unit; on the
# Tỉnh ủy the subtree's; Enter shows the task in its panes.
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
for size in "80 24" "120 40"; do
	set -- $size
	start_tui "$1" "$2"
	detail_area
	keys /
	type_text "tu-vp"
	keys Enter
	wait_for "Văn phòng Tỉnh ủy (Ban, mã tu-vp)" || fail "$1x$2: unit tu-vp not found"
	keys P
	wait_for "Nhiệm vụ phối hợp — Văn phòng Tỉnh ủy và cấp dưới: $n nhiệm vụ" ||
		fail "$1x$2: P does not list the $n partner tasks"
	shown=$(screen | sed -n '3,$p' | sed '/^── /q' | grep -oE '^.{0,16} #[0-9]+ ' | grep -oE '[0-9]+ $' | tr -d ' ')
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
	wait_for "Tỉnh ủy Sơn Hà (Tỉnh ủy, mã tu)" || fail "$1x$2: unit tu not found"
	keys P
	wait_for "Nhiệm vụ phối hợp — Tỉnh ủy Sơn Hà và cấp dưới: $ntu nhiệm vụ" ||
		fail "$1x$2: P on the Tỉnh ủy does not count its subtree's $ntu"
	keys q
	wait_for "» Đơn vị" || fail "$1x$2: q does not close the list"
	quit_and_check_restored
	tmux -L "$SOCK" kill-server 2>/dev/null
	sleep 0.3
done
pass
