#!/bin/sh
# The names not linked to a unit (U), at 80x24: after importing the Tỉnh
# ủy's program the screen lists what `theodoi unresolved` lists, with the
# tasks of each; Enter on a name opens the unit tree, Esc comes back, and
# Enter on a unit found with / asks and links it (one audited write): the
# name leaves both lists and `theodoi show` finds the unit among the
# task's partners.  A viewer is refused.
NAME=unresolved
. tests/tui/lib.inc

setup
cli import ../shared/samples/tinh-uy-chuong-trinh.txt >/dev/null 2>&1 || fail "import the sample"
cli unresolved --format json >"$TMP/u.json" || fail "cli unresolved"
n=$(json_len <"$TMP/u.json")
[ "$n" -gt 0 ] || fail "the sample leaves no name unresolved"
name="Hội Nông dân tỉnh"
python3 -c 'import json,sys; assert sys.argv[2] in [x["name"] for x in json.load(open(sys.argv[1]))]' \
	"$TMP/u.json" "$name" || fail "$name is not unresolved"
task=$( (cli tasks --partner "$name" --format json | json_first id) 2>/dev/null)
if [ -z "$task" ]; then
	# the name is no unit yet: the task whose partners are written with it
	for t in $(cli tasks --format json | python3 -c 'import json,sys; print(" ".join(str(t["id"]) for t in json.load(sys.stdin)))'); do
		if cli show "$t" --format json | python3 -c 'import json,sys
sys.exit(0 if sys.argv[1] in (json.load(sys.stdin).get("partners_text") or "") else 1)' "$name"; then
			task=$t
			break
		fi
	done
fi
[ -n "$task" ] || fail "no task names $name as a partner"
cli show "$task" --format json | python3 -c 'import json,sys
assert "tu-bdv" not in [p["code"] for p in json.load(sys.stdin)["partners"]]' ||
	fail "task #$task has tu-bdv among its partners before the link"

start_tui 80 24
keys U
wait_for "Chưa gắn đơn vị — $n tên" || fail "U does not list the $n unresolved names"
screen | grep -qE "phối hợp +1 +$name" || fail "the row of $name lacks its role and task count"
keys /
type_text "hoi nong dan"
keys Enter
wait_for "Enter:gắn đơn vị" || fail "the status line does not say what Enter does"
keys Enter
wait_for "Chọn đơn vị cho “$name”" || fail "Enter does not ask for a unit in the tree"
wait_for "» Đơn vị" || fail "the unit tree has no focus"
keys Escape
wait_for "Chưa gắn đơn vị — $n tên" || fail "Esc does not come back to the names"
screen | grep -F "»" | grep -qF "$name" || fail "Esc does not come back to $name"
keys Enter
wait_for "Chọn đơn vị cho “$name”" || fail "Enter does not ask again"
keys /
type_text "tu-bdv"
keys Enter
n0=$(cli log --format json | json_len)
keys Enter
wait_for "Gắn “$name” với" || fail "Enter on a unit does not ask to link"
keys Enter
wait_for "Đã gắn “$name” với Ban Dân vận Tỉnh ủy: 1 nhiệm vụ" || fail "the name was not linked to its one task"
wait_for "Chưa gắn đơn vị — $((n - 1)) tên" || fail "the list does not come back without the name"
screen | sed '/^── /q' | grep -qF "$name" && fail "the linked name is still listed"
cli unresolved --format json | python3 -c 'import json,sys; assert sys.argv[1] not in [x["name"] for x in json.load(sys.stdin)]' "$name" ||
	fail "theodoi unresolved still lists $name"
cli show "$task" --format json | python3 -c 'import json,sys
assert "tu-bdv" in [p["code"] for p in json.load(sys.stdin)["partners"]]' ||
	fail "task #$task does not have the unit among its partners"
[ "$(cli log --format json | json_len)" = $((n0 + 1)) ] || fail "linking is not one audited write"
keys q
quit_and_check_restored
tmux -L "$SOCK" kill-server 2>/dev/null
sleep 0.3

# A viewer sees the names but may not link them.
me=$(id -un)
sed -i "/^$me *=/d" "$CONF"
echo "$me = tu, viewer" >>"$CONF"
start_tui 80 24
keys U
wait_for "Chưa gắn đơn vị — $((n - 1)) tên" || fail "a viewer does not see the names"
screen | tail -n 1 | grep -qF "Enter:gắn đơn vị" && fail "the viewer's status line offers to link"
keys Enter
wait_for "Không được phép" || fail "Enter is not refused for a viewer"
keys q
quit_and_check_restored
pass
