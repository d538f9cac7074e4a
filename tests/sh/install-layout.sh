#!/bin/sh
# install-layout.sh — `make install` into a temporary DESTDIR gives the
# layout of a shared office server (theodoi(1), FILES):
#   $PREFIX/bin/theodoi                      0755 (2755, setgid, when the
#                                            group theodoi exists)
#   $PREFIX/libexec/theodoi/theodoi-extract  0755 (the reader of Word, PDF files)
#   $PREFIX/libexec/theodoi/theodoi-ui.so    0644 (the screen, loaded by theodoi)
#   $PREFIX/share/man/man1/theodoi.1         0644
#   $PREFIX/share/man/man5/theodoi.ini.5     0644
#   /etc/theodoi/theodoi.ini                 0644, [store] path = /var/lib/theodoi/store
#   /etc/theodoi/units.ini                   0644
#   /var/lib/theodoi/                        2770 (setgid: files keep its group)
# and an existing /etc/theodoi/theodoi.ini is not overwritten by a second
# install.  Then the installed program, with the installed configuration,
# makes a store there whose files are group-writable under umask 002 and
# belong to the directory's group, and `init` makes one with the group's
# modes whatever the umask, on which the program works.
# Uses the install target of the Makefile; run from the repository root:
#   sh tests/sh/install-layout.sh
set -u
BUILD=${BUILD:-build}
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
fail() { echo "install-layout: $*" >&2; exit 1; }

mode() { stat -c %a "$1"; }

make -s BUILD="$BUILD" DESTDIR="$dest" PREFIX=/usr/local install >"$dest.log" 2>&1 ||
	{ cat "$dest.log"; rm -f "$dest.log"; fail "make install failed"; }
rm -f "$dest.log"

check() { # path mode
	[ -e "$dest$1" ] || fail "missing: $1"
	[ "$(mode "$dest$1")" = "$2" ] || fail "$1: mode $(mode "$dest$1"), want $2"
}
if getent group theodoi >/dev/null 2>&1; then
	check /usr/local/bin/theodoi 2755
else
	check /usr/local/bin/theodoi 755
fi
check /usr/local/libexec/theodoi/theodoi-extract 755
check /usr/local/libexec/theodoi/theodoi-ui.so 644
check /usr/local/share/man/man1/theodoi.1 644
check /usr/local/share/man/man5/theodoi.ini.5 644
check /etc/theodoi 755
check /etc/theodoi/theodoi.ini 644
check /etc/theodoi/units.ini 644
check /var/lib/theodoi 2770
grep -q '^path *= */var/lib/theodoi/store *$' "$dest/etc/theodoi/theodoi.ini" ||
	fail "/etc/theodoi/theodoi.ini: [store] path is not /var/lib/theodoi/store"
# the source tree's store (under build/) is nowhere in what is installed
for f in "$dest/etc/theodoi/theodoi.ini" "$dest/usr/local/share/theodoi/theodoi.ini"; do
	[ -f "$f" ] || fail "missing: ${f#$dest}"
	grep -q 'build/demo' "$f" && fail "${f#$dest} names the source tree's store"
	grep -q '^path *= */var/lib/theodoi/store *$' "$f" || fail "${f#$dest}: [store] path is not /var/lib/theodoi/store"
done

# a second install keeps the administrator's configuration
echo "; edited by the administrator" >>"$dest/etc/theodoi/theodoi.ini"
make -s BUILD="$BUILD" DESTDIR="$dest" PREFIX=/usr/local install >/dev/null 2>&1 || fail "reinstall"
grep -q "edited by the administrator" "$dest/etc/theodoi/theodoi.ini" ||
	fail "a second install overwrote /etc/theodoi/theodoi.ini"

# the installed program makes a shared store in the installed place
"$dest/usr/local/bin/theodoi" --version >/dev/null || fail "the installed program does not run"
sed -i "s|^units *=.*|units = $dest/etc/theodoi/units.ini|" "$dest/etc/theodoi/theodoi.ini"
(umask 002 && "$dest/usr/local/bin/theodoi" --config "$dest/etc/theodoi/theodoi.ini" \
	--store "$dest/var/lib/theodoi/store" demo >/dev/null) || fail "demo in the installed place"
[ "$(mode "$dest/var/lib/theodoi/store")" = 2775 ] || fail "store directory: $(mode "$dest/var/lib/theodoi/store")"
for f in data.mdb lock.mdb; do
	[ "$(mode "$dest/var/lib/theodoi/store/$f")" = 664 ] || fail "$f: mode $(mode "$dest/var/lib/theodoi/store/$f")"
	[ "$(stat -c %g "$dest/var/lib/theodoi/store/$f")" = "$(stat -c %g "$dest/var/lib/theodoi")" ] ||
		fail "$f does not have the group of /var/lib/theodoi"
done
# the first day: `init` makes the office's store whatever the umask, with the
# group's modes, and the program then works on it
init_store="$dest/var/lib/theodoi/office"
(umask 022 && "$dest/usr/local/bin/theodoi" --config "$dest/etc/theodoi/theodoi.ini" \
	--store "$init_store" init >/dev/null) || fail "init in the installed place"
[ "$(mode "$init_store")" = 2770 ] || fail "init: store directory $(mode "$init_store")"
for f in data.mdb lock.mdb; do
	[ "$(mode "$init_store/$f")" = 660 ] || fail "init: $f mode $(mode "$init_store/$f")"
	[ "$(stat -c %g "$init_store/$f")" = "$(stat -c %g "$dest/var/lib/theodoi")" ] ||
		fail "init: $f does not have the group of /var/lib/theodoi"
done
"$dest/usr/local/bin/theodoi" --config "$dest/etc/theodoi/theodoi.ini" --store "$init_store" \
	overview >/dev/null || fail "the program does not work on the store init made"
# uninstall takes the program and its parts, and leaves the office's files
make -s BUILD="$BUILD" DESTDIR="$dest" PREFIX=/usr/local uninstall >/dev/null 2>&1 || fail "make uninstall"
for f in /usr/local/bin/theodoi /usr/local/libexec/theodoi/theodoi-extract \
	/usr/local/libexec/theodoi/theodoi-render /usr/local/libexec/theodoi/theodoi-ui.so \
	/usr/local/share/man/man1/theodoi.1; do
	[ -e "$dest$f" ] && fail "make uninstall left $f"
done
[ -f "$dest/etc/theodoi/theodoi.ini" ] || fail "make uninstall removed /etc/theodoi/theodoi.ini"
echo "install-layout: bin, man pages, /etc/theodoi, /var/lib/theodoi (2770) and a shared store: ok"
