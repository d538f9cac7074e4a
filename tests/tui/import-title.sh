#!/bin/sh
# What `i` takes is named where the user meets it, whole at 80x24: the
# import form's title and the key's line in `?` say Word, OpenDocument,
# PDF or plain text, as `theodoi import` reads them (not "tệp văn bản
# (UTF-8)").
NAME=import-title
. tests/tui/lib.inc

setup
start_tui 80 24 own
keys i
wait_for "Nhập kế hoạch từ tệp Word, OpenDocument, PDF hoặc văn bản thuần" ||
	fail "the import form's title does not name the formats, whole"
screen | grep -qF "(UTF-8)" && fail "the import form's title still says UTF-8 only"
keys Escape
wait_gone "Nhập kế hoạch từ tệp" || fail "Esc does not close the import form"
keys '?'
wait_for "Trợ giúp" || fail "? opens no help"
found=
n=0
while [ "$n" -lt 12 ]; do
	if screen | grep -qE "^ +i +nhập kế hoạch từ tệp Word, ODT, PDF hoặc văn bản thuần *$"; then
		found=1
		break
	fi
	keys NPage
	n=$((n + 1))
done
[ -n "$found" ] || fail "? does not say, whole, what i imports"
keys Escape
quit_and_check_restored
pass
