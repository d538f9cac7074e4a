#!/bin/sh
# setgid-attacks.sh — the shared server's security model (theodoi(1),
# SECURITY), attacked by its own users.  As root: make a store group and
# three unprivileged logins (a viewer, an editor, one the office did not
# register), `make install` under a temporary prefix with the setgid bit,
# configure an office (root's configuration, [access] unmapped = none) and
# make its store; then, as those users, replay the attacks of issue 14:
#   backup / export --out / remind --out / report --format docx|odt|html
#   --out onto or into the live store, report-text --file reading it,
#   --config naming a root-owned sample elsewhere or the user's own file,
#   $THEODOI_CONFIG, a symbolic link swapped under --config in a race loop,
#   a store directory of one's own whose data.mdb links to the live one,
#   --store naming another directory, restore and import-json,
#   the system configuration replaced by a symbolic link or writable by
#   others, the store's files replaced by a link or not the group's.
# Each must fail with a clear message, and the store must stay
# byte-identical: the checksum of `theodoi export` (as root) before and
# after, and no new file in the store's directory.  What the users may do
# (read; an editor's update) still works, through the descriptors opened
# before the group was dropped.
# Skipped (exit 0, "skipped: needs root") when not root.  Cleans up its
# users, group and files.  Run from the repository root:
#   sh tests/sh/setgid-attacks.sh
set -u
BUILD=${BUILD:-build}
if [ "$(id -u)" != 0 ]; then
	echo "setgid-attacks: skipped: needs root"
	exit 0
fi
case $BUILD in *asan*) echo "setgid-attacks: skipped: a sanitized program cannot run setgid"; exit 0;; esac
for tool in useradd groupadd userdel groupdel runuser sha256sum; do
	command -v $tool >/dev/null 2>&1 || { echo "setgid-attacks: skipped: no $tool"; exit 0; }
done

tag=$$
G=tdst$tag
VIEWER=tdv$tag EDITOR=tde$tag OUTSIDER=tdo$tag
T=$(mktemp -d /tmp/td-attack-XXXXXX)
chmod 755 "$T"
cleanup() {
	for u in $VIEWER $EDITOR $OUTSIDER; do userdel "$u" >/dev/null 2>&1; done
	groupdel "$G" >/dev/null 2>&1
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
fail() { echo "setgid-attacks: FAIL: $*" >&2; exit 1; }

groupadd "$G" || fail "groupadd"
for u in $VIEWER $EDITOR $OUTSIDER; do
	useradd -M -d "$T/home/$u" -s /bin/sh -U "$u" || fail "useradd $u"
	mkdir -p "$T/home/$u" && chown "$u:$u" "$T/home/$u" && chmod 700 "$T/home/$u"
done

# ---- install under a prefix of its own, setgid to the store's group --------
# (a copy of the build directory: only the object with the compiled-in
# paths is rebuilt, and $BUILD keeps its own)
B=$T/build
mkdir -p "$B"
cp -p "$BUILD"/*.o "$BUILD"/libtheodoi.a "$BUILD"/theodoi "$B"/ || fail "copy $BUILD"
make -s BUILD="$B" PREFIX="$T/usr" SYSCONFDIR="$T/etc" LOCALSTATEDIR="$T/var" \
	STORE_GROUP="$G" install >"$T/install.log" 2>&1 || { cat "$T/install.log"; fail "make install"; }
BIN=$T/usr/bin/theodoi
[ "$(stat -c %a "$BIN")" = 2755 ] || fail "installed program: mode $(stat -c %a "$BIN"), want 2755"
[ "$(stat -c %G "$BIN")" = "$G" ] || fail "installed program: group $(stat -c %G "$BIN"), want $G"
STORE=$T/var/theodoi/store
CONF=$T/etc/theodoi/theodoi.ini
cat >"$CONF" <<EOF
[paths]
units = units.ini
[access]
unmapped = none
[users]
root = tu-vp, admin
$VIEWER = tu, viewer
$EDITOR = tu-btc, editor
EOF
chmod 644 "$CONF"
# the office's store, made by root with `init` whatever root's umask: the
# group of LOCALSTATEDIR/theodoi, the directory 2770, the files 660
(umask 022 && "$BIN" --config "$CONF" init >"$T/init.log") || fail "init as root"
grep -q "nhóm $G" "$T/init.log" || fail "init does not name the group: $(cat "$T/init.log")"
[ "$(stat -c %a:%G "$STORE")" = "2770:$G" ] || fail "init made the store $(stat -c %a:%G "$STORE")"
[ "$(stat -c %a:%G "$STORE/data.mdb")" = "660:$G" ] || fail "init made data.mdb $(stat -c %a:%G "$STORE/data.mdb")"
(umask 002 && "$BIN" --config "$CONF" demo >/dev/null) || fail "demo as root"
[ "$(stat -c %G "$STORE/data.mdb")" = "$G" ] || fail "the store does not belong to $G"
chmod 660 "$STORE"/*.mdb
chmod 2770 "$STORE"

as() { # user command... (stdout and stderr to $T/out, $T/err)
	u=$1
	shift
	runuser -u "$u" -- env -i HOME="$T/home/$u" PATH=/usr/bin:/bin LANG=C.UTF-8 "$@" \
		>"$T/out" 2>"$T/err" </dev/null
}
sum() { "$BIN" export | sha256sum; }
listing() { ls -la --time-style=+ "$STORE" | sed 1d; }

# ---- what the users may do -------------------------------------------------
as "$VIEWER" "$BIN" tasks --unit tu-btc
if [ $? -ne 0 ] && grep -q "không có quyền mở kho" "$T/err"; then
	echo "setgid-attacks: skipped: setgid has no effect here (a nosuid file system?)"
	exit 0
fi
[ -s "$T/out" ] || { cat "$T/err"; fail "a viewer cannot read through the setgid program"; }
id=$(sed -n 's/^#\{0,1\}\([0-9][0-9]*\) .*/\1/p' "$T/out" | head -n 1)
[ -n "$id" ] || id=1
as "$EDITOR" "$BIN" update "$id" --note "ghi sau khi bỏ quyền nhóm" ||
	{ cat "$T/err"; fail "an editor cannot write after the group was dropped"; }
"$BIN" log | grep -q "$EDITOR" || fail "the editor's update is not in the log"
# the same store, spelled otherwise: the same directory, so allowed
as "$VIEWER" "$BIN" --store "$T/var/theodoi/../theodoi/store/" tasks --unit tu-btc ||
	{ cat "$T/err"; fail "--store naming the configured store otherwise"; }

before=$(sum)
files=$(listing)
n=0
# attack WHO EXPECTED_MESSAGE COMMAND...: must fail with that message and
# leave the store as it was
attack() {
	who=$1 want=$2
	shift 2
	n=$((n + 1))
	if as "$who" "$@"; then
		fail "attack $n ($who: $*) succeeded"
	fi
	[ -n "${VERBOSE:-}" ] && echo "attack $n: $(cat "$T/err")"
	[ -s "$T/err" ] && grep -q -- "$want" "$T/err" || { cat "$T/err"; fail "attack $n ($who: $*): no '$want'"; }
	[ "$(sum)" = "$before" ] || fail "attack $n ($who: $*) changed the store"
	[ "$(listing)" = "$files" ] || { listing; fail "attack $n ($who: $*) left files in the store"; }
}

for u in $VIEWER $OUTSIDER; do
	attack "$u" "" "$BIN" backup "$STORE/data.mdb"
	attack "$u" "" "$BIN" backup --force "$STORE/data.mdb"
	attack "$u" "" "$BIN" backup "$STORE/copy.mdb"
	attack "$u" "" "$BIN" export --out "$STORE/data.mdb"
	attack "$u" "" "$BIN" export --out "$STORE/x.json"
	attack "$u" "" "$BIN" remind --out "$STORE"
	attack "$u" "" "$BIN" remind --format docx --out "$STORE"
	attack "$u" "" "$BIN" report --format docx --out "$STORE/data.mdb"
	attack "$u" "" "$BIN" report --format odt --out "$STORE/x.odt"
	attack "$u" "" "$BIN" report --format html --out "$STORE/lock.mdb"
	attack "$u" "--config" "$BIN" --config "$T/usr/share/theodoi/theodoi.ini" tasks
	attack "$u" "lệnh restore" "$BIN" restore --force "$T/home/$u"
	attack "$u" "lệnh import-json" "$BIN" --store "$STORE" import-json /dev/null
	attack "$u" "lệnh demo" "$BIN" demo
	attack "$u" "lệnh init" "$BIN" init
	attack "$u" "lệnh init" "$BIN" --store "$T/home/$u/mine" init
	# corrections and links are for admins: refused, the store unchanged
	attack "$u" "" "$BIN" edit-task "$id" --text "x"
	attack "$u" "" "$BIN" delete-doc 1 --reason "x" --force
	attack "$u" "" "$BIN" restore-doc 1
	attack "$u" "" "$BIN" link "Ban Tuyên giáo Đảng ủy Khối" tu-btg
	attack "$u" "" "$BIN" expand-task "$id"
done
# the files a user names are read with the user's rights: not the store's
attack "$EDITOR" "data.mdb" "$BIN" report-text --unit tu-btc --period 2026 --section danh-gia \
	--file "$STORE/data.mdb"
# the login the office did not register reads nothing
attack "$OUTSIDER" "unmapped" "$BIN" tasks
# a viewer writes nothing
attack "$VIEWER" "không có quyền" "$BIN" update "$id" --note "viewer"

# the user's own configuration, making them an admin, by every way in
mine=$T/home/$VIEWER/my.ini
printf '[paths]\nunits = %s\n[users]\n%s = tu-vp, admin\n' "$T/etc/theodoi/units.ini" "$VIEWER" >"$mine"
chown "$VIEWER" "$mine"
attack "$VIEWER" "--config" "$BIN" --config "$mine" update "$id" --note "admin?"
attack "$VIEWER" "THEODOI_CONFIG" env THEODOI_CONFIG="$mine" "$BIN" update "$id" --note "admin?"
# a store of one's own whose data.mdb is the live one
own=$T/home/$VIEWER/store
mkdir "$own" && ln -s "$STORE/data.mdb" "$own/data.mdb" && chown -R -h "$VIEWER" "$own"
attack "$VIEWER" "--config" "$BIN" --store "$own" --config "$mine" update "$id" --note "admin?"
attack "$VIEWER" "--store" "$BIN" --store "$own" update "$id" --note "admin?"
attack "$VIEWER" "--store" "$BIN" --store "$T/home/$VIEWER" tasks

# a symbolic link swapped between a root-owned file and the user's own,
# under --config, while the program runs: never a role from it
link=$T/home/$VIEWER/swap.ini
ln -s "$CONF" "$link" && chown -h "$VIEWER" "$link"
runuser -u "$VIEWER" -- sh -c "end=\$((\$(date +%s) + 2)); while [ \$(date +%s) -lt \$end ]; do
	ln -sfn '$mine' '$link.new' && mv -T '$link.new' '$link'
	ln -sfn '$CONF' '$link.new' && mv -T '$link.new' '$link'
done" &
swapper=$!
tries=0
while kill -0 $swapper 2>/dev/null; do
	tries=$((tries + 1))
	if as "$VIEWER" "$BIN" --config "$link" update "$id" --note "race"; then
		kill $swapper 2>/dev/null
		fail "the race on --config let a write through (try $tries)"
	fi
	grep -q -- "--config" "$T/err" || { cat "$T/err"; kill $swapper; fail "race: unclear message"; }
done
wait $swapper 2>/dev/null
[ "$(sum)" = "$before" ] || fail "the race changed the store"

# the system configuration itself as a link, even to a file of root's
mv "$CONF" "$CONF.real" && ln -s "$CONF.real" "$CONF"
attack "$VIEWER" "liên kết" "$BIN" tasks
rm "$CONF" && mv "$CONF.real" "$CONF"
# ... or writable by others
chmod 666 "$CONF"
attack "$VIEWER" "chmod 644" "$BIN" tasks
chmod 644 "$CONF"
# and the store's data file replaced by a link (as a group member could)
mv "$STORE/data.mdb" "$STORE/real.mdb" && ln -s real.mdb "$STORE/data.mdb"
files=$(listing)
attack "$VIEWER" "liên kết tượng trưng" "$BIN" tasks
rm "$STORE/data.mdb" && mv "$STORE/real.mdb" "$STORE/data.mdb"
files=$(listing)
# ... or lock.mdb not the group's, or the directory writable by others
chgrp root "$STORE/lock.mdb" && chmod 664 "$STORE/lock.mdb"
files=$(listing)
attack "$VIEWER" "lock.mdb phải là tệp thường thuộc nhóm kho" "$BIN" tasks
chgrp "$G" "$STORE/lock.mdb" && chmod 660 "$STORE/lock.mdb"
chmod o+w "$STORE"
files=$(listing)
attack "$VIEWER" "người khác không ghi được" "$BIN" tasks
chmod o-w "$STORE"
files=$(listing)

# the screen's module: a program started setgid loads the installed one
# only, never one beside it.  Root makes the hard link a kernel without
# protected_hardlinks would let the viewer make; the viewer plants a module
# beside it whose ui_main leaves a mark.  A plain copy (no setgid) loads
# the planted module (run by root, who can open the store without the
# group), which shows it would be taken if looked for.
evil=$T/home/$VIEWER/evil
mkdir "$evil" && chown "$VIEWER" "$evil"
printf '#include <stdio.h>\nint ui_main(void *c, void *e);\nint ui_main(void *c, void *e)\n{\n\t(void)c; (void)e;\n\tFILE *f = fopen("%s/mark", "w");\n\tif (f) fclose(f);\n\treturn 0;\n}\n' \
	"$evil" >"$evil/m.c"
cc -shared -fPIC -o "$evil/theodoi-ui.so" "$evil/m.c" || fail "cannot build the planted module"
chown "$VIEWER" "$evil/theodoi-ui.so"
screen_of() { # user program: the screen on a terminal (script), q to leave
	printf q | runuser -u "$1" -- env -i HOME="$T/home/$1" PATH=/usr/bin:/bin LANG=C.UTF-8 \
		TERM=xterm timeout 20 script -qec "$2" /dev/null >/dev/null 2>&1
}
cp "$BIN" "$evil/copy" && chmod 755 "$evil/copy"
screen_of root "$evil/copy --config $CONF"
[ -f "$evil/mark" ] || fail "a plain copy does not load the module beside it: the test proves nothing"
rm -f "$evil/mark"
ln "$BIN" "$evil/theodoi" || fail "hard link"
[ "$(stat -c %a "$evil/theodoi")" = 2755 ] || fail "the link is not setgid"
screen_of "$VIEWER" "$evil/theodoi" ||
	fail "the setgid program's screen did not run from the installed module"
[ -f "$evil/mark" ] && fail "the setgid program loaded a module planted beside it"
rm -rf "$evil"
[ "$(sum)" = "$before" ] || fail "the screen attacks changed the store"

# after all that, the users still work as before
as "$VIEWER" "$BIN" tasks --unit tu-btc || { cat "$T/err"; fail "the viewer after the attacks"; }
[ "$(sum)" = "$before" ] || fail "the store changed"
echo "setgid-attacks: $n attacks as $VIEWER, $EDITOR and $OUTSIDER refused; the store unchanged"
