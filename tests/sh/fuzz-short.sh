#!/bin/sh
# A short fuzz run of every fuzz target, as part of make check.
exec sh tests/fuzz.sh short
