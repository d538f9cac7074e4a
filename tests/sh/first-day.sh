#!/bin/sh
# first-day.sh — an office's first day, end to end through the binary on a
# fresh store: init; import the Tỉnh ủy program and the Thành ủy plan that
# implements it (the program's copy lost its number and date, so cascade
# cannot link the plan until edit-doc gives them); list the names no unit
# was found for and link one; open a group task to its units and have one
# report done; re-import the plan in place (ids, history and obligations
# kept); delete and restore the plan; and at every step the store passes
# check-store.  Run from the repository root.
set -u
BUILD=${BUILD:-build}
BIN=$BUILD/theodoi
S=../shared/samples
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "first-day: $*" >&2; exit 1; }
[ -f "$S/tinh-uy-chuong-trinh.txt" ] || fail "no samples in $S"

printf '[paths]\nunits = %s/conf/units.ini\n[users]\n%s = tu-vp, admin\n' "$(pwd)" "$(id -un)" \
	>"$dir/theodoi.ini"
T="$BIN --config $dir/theodoi.ini --store $dir/store --today 2026-11-23"
checked() { $T check-store >/dev/null || fail "check-store after $1"; }
# value of a python expression over the JSON on stdin (d)
jq() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# 1. the store
$T overview 2>"$dir/err" && fail "a command works before init"
grep -q "theodoi init" "$dir/err" || fail "no word on init: $(cat "$dir/err")"
$T init | grep -q "Đã tạo kho dữ liệu trống" || fail "init"
checked init

# 2. the plans
$T import "$S/tinh-uy-chuong-trinh.txt" >/dev/null 2>&1 || fail "import the program"
$T import "$S/thanh-uy-ke-hoach.txt" >/dev/null 2>&1 || fail "import the plan"
[ "$($T docs --format json | jq 'len(d)')" = 2 ] || fail "two documents"
checked import

# 3. the program has no number: the Thành ủy has "not issued" its plan ...
state() {
	$T cascade 1 --format json |
		jq "[c['state'] for c in d['children'] if c['unit_code']=='ttu'][0]"
}
case $(state) in missing|overdue) ;; *) fail "cascade links the plan already: $(state)";; esac
# ... until the program gets its number and date
$T edit-doc 1 --number 52-CTr/TU --date 10/03/2023 >/dev/null || fail "edit-doc"
case $(state) in undated|on_time|late|issued) ;; *) fail "cascade does not link the plan: $(state)";; esac
checked edit-doc

# 4. names no unit was found for, linked once
names() { $T unresolved --format json | jq "'\n'.join(x['name'] for x in d)"; }
n=$(names)
echo "$n" | grep -qx "Hội Nông dân tỉnh" || fail "Hội Nông dân tỉnh is not unresolved"
$T link "Hội Nông dân tỉnh" tu-mttq >/dev/null || fail "link"
n=$(names)
echo "$n" | grep -qx "Hội Nông dân tỉnh" && fail "Hội Nông dân tỉnh still unresolved"
checked link

# 5. a task on every committee, opened at import: one obligation each; one
# reports done; opening it again makes nothing new
group=$($T tasks --doc 2 --format json |
	jq "[t['id'] for t in d if (t['lead_name'] or '').startswith('Các cấp ủy, tổ chức cơ sở đảng')][0]")
$T expand-task "$group" | grep -q "nhóm gồm 4 đơn vị; đã tạo 0 nghĩa vụ" || fail "expand-task $group"
gsec=$($T show "$group" --format json | jq "d['section']")
ob=$($T tasks --doc 2 --unit ttu-anphu --format json |
	jq "[t['id'] for t in d if t['section'] == '$gsec@ttu-anphu'][0]")
$T update "$ob" --status done --note "Đã ban hành kế hoạch" >/dev/null || fail "update $ob"
$T show "$group" | grep -q "1/4 đơn vị đã thực hiện" || fail "no roll-up on $group"
checked expand-task

# 6. the plan imported again in place: ids, history and obligations kept
ntasks() { $T tasks --doc 2 --format json | jq "len(d)"; }
before=$(ntasks)
$T import --replace "$S/thanh-uy-ke-hoach.txt" >/dev/null 2>&1 || fail "import --replace"
[ "$(ntasks)" = "$before" ] || fail "re-import changed the tasks: $before -> $(ntasks)"
$T show "$group" | grep -q "1/4 đơn vị đã thực hiện" || fail "re-import lost the obligations"
[ "$($T show "$ob" --format json | jq "len(d['updates'])")" = 1 ] || fail "re-import lost history"
checked "import --replace"

# 7. a plan entered by mistake: out of every count, and back
overdue=$($T overdue --count)
$T delete-doc 2 --reason "Nhập nhầm" >/dev/null 2>&1 && fail "deleting recorded work without --force"
$T delete-doc 2 --reason "Nhập nhầm" --force >/dev/null || fail "delete-doc"
[ "$($T docs --format json | jq 'len(d)')" = 1 ] || fail "the deleted plan is still listed"
case $(state) in missing|overdue) ;; *) fail "cascade still sees the deleted plan";; esac
checked delete-doc
$T restore-doc 2 >/dev/null || fail "restore-doc"
[ "$($T overdue --count)" = "$overdue" ] || fail "the counts differ after restore"
[ "$(ntasks)" = "$before" ] || fail "restore lost tasks"
$T show "$group" | grep -q "1/4 đơn vị đã thực hiện" || fail "restore lost the obligations"
checked restore-doc

# every step audited
for a in init import edit-doc link expand-task delete-doc restore-doc; do
	[ "$($T log --action "$a" --format json | jq "len(d)")" != 0 ] || fail "no $a in the log"
done
echo "first-day: init, import, edit-doc, cascade, link, expand-task, re-import, delete, restore: ok"
