#!/bin/sh
# Build the fuzz targets (tests/fuzz/fuzz_*.c) with clang, libFuzzer, ASan
# and UBSan, and run each on a copy of its seed corpus.
#   sh tests/fuzz.sh short   a few seconds per target but fuzz_store (part of make check)
#   sh tests/fuzz.sh long    ten minutes per target (make fuzz)
# A crash leaves its input in build-fuzz/crashes/ and fails.
set -u
mode=${1:-short}
case $mode in
	short) secs=${FUZZ_SECONDS:-8} ;;
	long) secs=${FUZZ_SECONDS:-600} ;;
	*) echo "usage: $0 short|long" >&2; exit 2 ;;
esac
FB=build-fuzz
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
targets=$(ls tests/fuzz/fuzz_*.c 2>/dev/null | sed 's,.*/,,; s,\.c$,,')
# fuzz_store opens a crafted data.mdb, and LMDB does not survive every
# damaged file: a fault it takes inside a libc call (memcpy, memcmp) is
# reported as a crash of the target.  Its findings are to be read (make
# fuzz), not to fail make check.
[ "$mode" = short ] && targets=$(echo "$targets" | grep -v '^fuzz_store$')
[ -n "$targets" ] || { echo "no fuzz targets"; exit 0; }
for t in $targets; do
	make -s BUILD=$FB CC=clang CFLAGS="-O1 -g -fsanitize=fuzzer-no-link $SAN" \
		LDFLAGS="$SAN" "$FB/fuzz/$t" || exit 1
done
mkdir -p $FB/crashes
status=0
for t in $targets; do
	work=$(mktemp -d)
	[ -d "tests/fuzz/corpus/$t" ] && cp -r "tests/fuzz/corpus/$t/." "$work/"
	if "$FB/fuzz/$t" -max_total_time="$secs" -max_len=65536 -timeout=10 \
		-artifact_prefix="$FB/crashes/$t-" "$work" >"$FB/$t.log" 2>&1; then
		echo "ok   fuzz $t ($secs s, $(grep -c . "$FB/$t.log") log lines)"
	else
		tail -n 40 "$FB/$t.log"
		echo "FAIL fuzz $t: see $FB/$t.log and $FB/crashes/"
		status=1
	fi
	rm -rf "$work"
done
exit $status
