# theodoi — follow and urge on the implementation of Party plans.
# Plain GNU make; `make -j` safe.  See README.md for the two commands.

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(PREFIX)/bin
MANDIR   = $(PREFIX)/share/man
DATADIR  = $(PREFIX)/share/theodoi
LIBEXECDIR ?= $(PREFIX)/libexec/theodoi
SYSCONFDIR    ?= /etc
LOCALSTATEDIR ?= /var/lib
STORE_GROUP   ?= theodoi

CC      ?= cc
BUILD   ?= build
PKGS     = ncursesw lmdb jansson
# Debian packages the build and the tests need: "package:probe" where the
# probe is a pkg-config name or a header under /usr/include.
DEB_DEPS = libncurses-dev:ncursesw liblmdb-dev:lmdb libjansson-dev:jansson \
           libcriterion-dev:criterion libunistring-dev:unistr.h \
           libiniparser-dev:iniparser/iniparser.h pkg-config:pkg-config \
           tmux:tmux python3:python3 clang:clang libclang-rt-14-dev:$(FUZZ_RT) \
           libzip-dev:libzip libxml2-dev:libxml-2.0 libpoppler-glib-dev:poppler-glib \
           antiword:antiword poppler-utils:pdftotext \
           python3-docx:/usr/lib/python3/dist-packages/docx \
           libreoffice-writer-nogui:/usr/bin/soffice chromium:/usr/bin/chromium \
           lmdb-utils:/usr/bin/mdb_stat
# libFuzzer's runtime, for the fuzz targets (a short run is part of `check`).
FUZZ_RT  = /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CRIT_LIBS  := $(shell pkg-config --libs criterion 2>/dev/null || echo -lcriterion)

WARN     = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) $(CFLAGS) \
             -Iinclude -I/usr/include/iniparser $(PKG_CFLAGS) -MMD -MP
LDLIBS   = $(PKG_LIBS) -liniparser -lunistring -lpthread -lm
# Start-up is part of every command's time: no library a program does not
# call (--as-needed), the GNU hash table only.  The helpers bind symbols
# lazily (poppler, glib: thousands of them); theodoi, installed setgid and
# down to liblmdb and libc, binds its few hundred at start and makes its
# GOT read-only (full RELRO: about 65,000 instructions, some 20 us), and
# so does the screen module it loads.
LINK_OPT = -Wl,-O1 -Wl,--as-needed -Wl,--hash-style=gnu
BIN_LINK = -Wl,-z,relro -Wl,-z,now
HELPER_LINK = -Wl,-z,lazy
# The programs take jansson, iniparser and libunistring from their static
# archives (shipped by the same -dev packages): only the functions used are
# copied in, bound when linked, so that no command pays for mapping and
# relocating them (libunistring alone was two thirds of the symbol
# bindings of a count).  LMDB stays shared, as the store's engine.  Tests
# link the shared ones (LDLIBS).
PROG_LIBS = $(filter-out -ljansson -lncursesw -ltinfo,$(PKG_LIBS)) \
            -Wl,-Bstatic -ljansson -liniparser -lunistring -Wl,-Bdynamic -lpthread -lm

# The screen (src/ui*.c but the curses-free ui-fmt.c and ui-line.c) is a
# module of its own, theodoi-ui.so, loaded by src/screen.c: only it links
# ncursesw.  Its objects are position-independent; the program is linked
# with the whole library and exports its symbols, which the module uses.
UI_SRC   = $(filter-out src/ui-fmt.c src/ui-line.c,$(wildcard src/ui*.c))
UI_OBJ   = $(UI_SRC:src/%.c=$(BUILD)/ui/%.o)
UI_SO    = $(BUILD)/theodoi-ui.so
UI_LIBS := $(shell pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw)
LIB_SRC  = $(filter-out src/main.c $(UI_SRC),$(wildcard src/*.c))
LIB_OBJ  = $(LIB_SRC:src/%.c=$(BUILD)/%.o)
TEST_SRC = $(wildcard tests/test_*.c)
TEST_BIN = $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
LIB      = $(BUILD)/libtheodoi.a
BIN      = $(BUILD)/theodoi

# theodoi-extract: the readers of Word, OpenDocument, PDF and Word 97 files
# that `import` runs.  Only this program links libzip, libxml2 and poppler.
XT_PKGS   = libzip libxml-2.0 poppler-glib
XT_CFLAGS := $(shell pkg-config --cflags $(XT_PKGS) 2>/dev/null)
XT_LIBS   := $(shell pkg-config --libs $(XT_PKGS) 2>/dev/null)
XT_SRC    = $(wildcard src/extract/*.c)
XT_OBJ    = $(XT_SRC:src/extract/%.c=$(BUILD)/extract/%.o)
XT_BIN    = $(BUILD)/theodoi-extract

# theodoi-render: the writer of the documents the office sends (Word,
# OpenDocument; PDF through LibreOffice) that `report` and `remind` run.
# Only this program links libzip and libxml2 for writing.
RD_PKGS   = libzip libxml-2.0
RD_CFLAGS := $(shell pkg-config --cflags $(RD_PKGS) 2>/dev/null)
RD_LIBS   := $(shell pkg-config --libs $(RD_PKGS) 2>/dev/null)
RD_SRC    = $(wildcard src/render/*.c)
RD_OBJ    = $(RD_SRC:src/render/%.c=$(BUILD)/render/%.o)
RD_BIN    = $(BUILD)/theodoi-render

DEMO_DIR = $(BUILD)/demo
RUN_CONF = conf/theodoi.ini
# The day `make run` shows the demo on: the day README.md's examples were
# made on (tests/readme-blocks.py), so that they are what a new user sees.
DEMO_TODAY = 2026-11-23

.PHONY: FORCE all run check check-asan test bench bench-deps bench-readme readme fuzz deps install uninstall clean demo

all: $(BIN) $(UI_SO) $(XT_BIN) $(RD_BIN)

$(BUILD)/%.o: src/%.c | $(BUILD)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The configuration and store an installed program trusts (src/priv.c) and
# where it finds its helper (src/intake.c): compiled in, and rebuilt
# whenever SYSCONFDIR, LOCALSTATEDIR or LIBEXECDIR change, so that `make
# install SYSCONFDIR=...` installs a program that reads them.
PATH_DEFS = -DTHEODOI_SYSCONFDIR='"$(SYSCONFDIR)"' -DTHEODOI_LOCALSTATEDIR='"$(LOCALSTATEDIR)"' \
            -DTHEODOI_LIBEXECDIR='"$(LIBEXECDIR)"'
$(BUILD)/paths.stamp: FORCE | $(BUILD)
	@echo '$(PATH_DEFS)' | cmp -s - $@ || echo '$(PATH_DEFS)' >$@
$(BUILD)/priv.o $(BUILD)/intake.o $(BUILD)/docout-run.o $(BUILD)/screen.o: ALL_CFLAGS += $(PATH_DEFS)
$(BUILD)/priv.o $(BUILD)/intake.o $(BUILD)/docout-run.o $(BUILD)/screen.o: $(BUILD)/paths.stamp
FORCE:

$(LIB): $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(BIN): $(BUILD)/main.o $(LIB)
	$(CC) $(LDFLAGS) $(LINK_OPT) $(BIN_LINK) -Wl,--export-dynamic -o $@ $(BUILD)/main.o \
	  -Wl,--whole-archive $(LIB) -Wl,--no-whole-archive $(PROG_LIBS)

$(BUILD)/ui/%.o: src/%.c | $(BUILD)/ui
	$(CC) $(ALL_CFLAGS) -fPIC -c -o $@ $<

$(UI_SO): $(UI_OBJ)
	$(CC) $(LDFLAGS) $(LINK_OPT) $(BIN_LINK) -shared -o $@ $^ $(UI_LIBS)

$(BUILD)/extract/%.o: src/extract/%.c | $(BUILD)/extract
	$(CC) $(ALL_CFLAGS) $(XT_CFLAGS) -c -o $@ $<

$(XT_BIN): $(XT_OBJ) $(LIB)
	$(CC) $(LDFLAGS) $(LINK_OPT) $(HELPER_LINK) -o $@ $^ $(XT_LIBS) $(PROG_LIBS)

$(BUILD)/render/%.o: src/render/%.c | $(BUILD)/render
	$(CC) $(ALL_CFLAGS) $(RD_CFLAGS) -c -o $@ $<

$(RD_BIN): $(RD_OBJ) $(LIB)
	$(CC) $(LDFLAGS) $(LINK_OPT) $(HELPER_LINK) -o $@ $^ $(RD_LIBS) $(PROG_LIBS)

$(BUILD)/tests/%: tests/%.c $(LIB) | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDFLAGS) $(LDLIBS) $(CRIT_LIBS)

# The tests of the screen's key and view tables and of its line buffers link
# the screen's objects.
$(BUILD)/tests/test_ui_keys $(BUILD)/tests/test_ui_lines: $(BUILD)/tests/%: tests/%.c $(UI_OBJ) $(LIB) | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -o $@ $< $(UI_OBJ) $(LIB) $(LDFLAGS) $(LDLIBS) $(UI_LIBS) $(CRIT_LIBS)

# The bare LMDB programs `make bench` measures start-up against
# (tests/bench/ref-count.c, ref-rows.c, tests/bench-start.sh): liblmdb alone.
REF_BIN = $(BUILD)/ref-count $(BUILD)/ref-rows
$(BUILD)/ref-%: tests/bench/ref-%.c tests/bench/ref-keys.h | $(BUILD)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LDFLAGS) $(LINK_OPT) -llmdb

# Fuzz targets: built by tests/fuzz.sh with CC=clang and sanitizer flags.
$(BUILD)/fuzz/%: tests/fuzz/%.c $(LIB) | $(BUILD)/fuzz
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(LIB) $(LDFLAGS) $(LDLIBS)

# The readers of theodoi-extract, fuzzed on their XML (without main).
$(BUILD)/fuzz/fuzz_extract: tests/fuzz/fuzz_extract.c $(filter-out %/xt-main.o,$(XT_OBJ)) $(LIB) | $(BUILD)/fuzz
	$(CC) $(ALL_CFLAGS) $(XT_CFLAGS) -fsanitize=fuzzer -o $@ $< \
	  $(filter-out %/xt-main.o,$(XT_OBJ)) $(LIB) $(LDFLAGS) $(XT_LIBS) $(LDLIBS)

$(BUILD) $(BUILD)/tests $(BUILD)/fuzz $(BUILD)/extract $(BUILD)/render $(BUILD)/ui:
	mkdir -p $@

# Install what is missing, and say what.  Only when a probe fails, so a
# machine that has everything never runs apt-get.
deps:
	@missing=""; for d in $(DEB_DEPS); do pkg=$${d%%:*}; probe=$${d#*:}; \
	  case $$probe in \
	    *.h) [ -f /usr/include/$$probe ] || missing="$$missing $$pkg";; \
	    /*) ls $$probe >/dev/null 2>&1 || missing="$$missing $$pkg";; \
	    tmux|pkg-config|clang|python3|antiword|pdftotext) command -v $$probe >/dev/null 2>&1 || missing="$$missing $$pkg";; \
	    *) pkg-config --exists $$probe 2>/dev/null || missing="$$missing $$pkg";; \
	  esac; done; \
	if [ -n "$$missing" ]; then \
	  echo "theodoi: installing missing Debian packages:$$missing"; \
	  if [ "$$(id -u)" != 0 ]; then echo "theodoi: run as root, or: sudo apt-get install$$missing" >&2; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# The demo store is rebuilt when the binary or the configuration changes.
$(DEMO_DIR)/.stamp: $(BIN) conf/theodoi.ini conf/units.ini
	rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)
	$(BIN) --config $(RUN_CONF) --store $(DEMO_DIR)/store --today $(DEMO_TODAY) demo
	touch $@

demo: deps
	@$(MAKE) --no-print-directory $(DEMO_DIR)/.stamp

run: deps
	@$(MAKE) --no-print-directory $(DEMO_DIR)/.stamp $(XT_BIN) $(UI_SO)
	$(BIN) --config $(RUN_CONF) --store $(DEMO_DIR)/store --today $(DEMO_TODAY)

check: deps
	@$(MAKE) --no-print-directory $(BIN) $(UI_SO) $(XT_BIN) $(RD_BIN) $(TEST_BIN)
	@BUILD=$(BUILD) sh tests/run-all.sh $(TEST_BIN)

test: check

# The whole suite again, built by clang with AddressSanitizer and UBSan (the
# binary the end-to-end tests run is instrumented too).  The fuzz run is
# left out: it is already sanitized.
ASAN = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
check-asan: deps
	@$(MAKE) --no-print-directory BUILD=build-asan CC=clang CFLAGS="-O1 -g $(ASAN)" \
	  LDFLAGS="$(ASAN)" build-asan/theodoi build-asan/theodoi-ui.so build-asan/theodoi-extract build-asan/theodoi-render $(TEST_BIN:$(BUILD)/%=build-asan/%)
	@BUILD=build-asan SKIP_TESTS="fuzz-short" ASAN_OPTIONS=detect_leaks=1 \
	  sh tests/run-all.sh $(TEST_BIN:$(BUILD)/%=build-asan/%)

# Debian packages only `make bench` needs, not the build or the tests: the
# SQLite it is compared with, and mdb_stat for the sizes of the store's tables.
BENCH_DEB_DEPS = sqlite3:sqlite3 lmdb-utils:mdb_stat
bench-deps: deps
	@missing=""; for d in $(BENCH_DEB_DEPS); do \
	  command -v $${d#*:} >/dev/null 2>&1 || missing="$$missing $${d%%:*}"; done; \
	if [ -n "$$missing" ]; then \
	  echo "theodoi: installing missing Debian packages for make bench:$$missing"; \
	  if [ "$$(id -u)" != 0 ]; then echo "theodoi: run as root, or: sudo apt-get install$$missing" >&2; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# The peak memory of a command, for make bench (tests/bench/peakmem.c).
$(BUILD)/bench/peakmem: tests/bench/peakmem.c
	@mkdir -p $(BUILD)/bench
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $<

bench: bench-deps
	@$(MAKE) --no-print-directory $(BIN) $(UI_SO) $(REF_BIN) $(XT_BIN) $(BUILD)/bench/peakmem
	@BUILD=$(BUILD) sh tests/bench.sh

# README.md's benchmark table, from the results of the last `make bench`.
bench-readme:
	python3 tests/bench/readme-table.py $(BUILD)/bench/results.tsv README.md

# README.md's examples and screens, made again by the program (the test
# tests/sh/readme.sh checks they are).
readme: deps
	@$(MAKE) --no-print-directory $(BIN) $(UI_SO)
	BUILD=$(BUILD) python3 tests/readme-blocks.py write README.md

fuzz: deps
	@BUILD=$(BUILD) sh tests/fuzz.sh long

install: $(BIN) $(UI_SO) $(XT_BIN) $(RD_BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(DATADIR) \
	  $(DESTDIR)$(LIBEXECDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/theodoi
	install -m 755 $(XT_BIN) $(DESTDIR)$(LIBEXECDIR)/theodoi-extract
	install -m 644 $(UI_SO) $(DESTDIR)$(LIBEXECDIR)/theodoi-ui.so
	install -m 755 $(RD_BIN) $(DESTDIR)$(LIBEXECDIR)/theodoi-render
	@# setgid to the store's group, when that group exists (it is not
	@# created here): staff outside it reach the store through theodoi only
	@if chgrp $(STORE_GROUP) $(DESTDIR)$(BINDIR)/theodoi 2>/dev/null; then \
	  chmod 2755 $(DESTDIR)$(BINDIR)/theodoi; \
	else echo "theodoi: no group '$(STORE_GROUP)': $(BINDIR)/theodoi installed without the setgid bit (theodoi(1), SHARED SERVER)" >&2; fi
	install -m 644 man/theodoi.1 $(DESTDIR)$(MANDIR)/man1/theodoi.1
	install -m 644 man/theodoi.ini.5 $(DESTDIR)$(MANDIR)/man5/theodoi.ini.5
	@# The store of the source tree (build/) becomes the installed one.
	sed 's|^path = \.\./build/demo/store$$|path = $(LOCALSTATEDIR)/theodoi/store|' conf/theodoi.ini \
	  > $(DESTDIR)$(DATADIR)/theodoi.ini && chmod 644 $(DESTDIR)$(DATADIR)/theodoi.ini
	install -m 644 conf/units.ini $(DESTDIR)$(DATADIR)/
	@# The office's configuration and store: never overwritten, never
	@# removed by uninstall (they hold the office's records).
	install -d -m 755 $(DESTDIR)$(SYSCONFDIR)/theodoi
	test -e $(DESTDIR)$(SYSCONFDIR)/theodoi/theodoi.ini || { \
	  sed 's|^path = \.\./build/demo/store$$|path = $(LOCALSTATEDIR)/theodoi/store|' conf/theodoi.ini \
	    > $(DESTDIR)$(SYSCONFDIR)/theodoi/theodoi.ini && \
	  chmod 644 $(DESTDIR)$(SYSCONFDIR)/theodoi/theodoi.ini; }
	test -e $(DESTDIR)$(SYSCONFDIR)/theodoi/units.ini || \
	  install -m 644 conf/units.ini $(DESTDIR)$(SYSCONFDIR)/theodoi/units.ini
	install -d -m 2770 $(DESTDIR)$(LOCALSTATEDIR)/theodoi
	-chgrp $(STORE_GROUP) $(DESTDIR)$(LOCALSTATEDIR)/theodoi 2>/dev/null

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/theodoi $(DESTDIR)$(LIBEXECDIR)/theodoi-extract $(DESTDIR)$(LIBEXECDIR)/theodoi-render \
	      $(DESTDIR)$(LIBEXECDIR)/theodoi-ui.so \
	      $(DESTDIR)$(MANDIR)/man1/theodoi.1 \
	      $(DESTDIR)$(MANDIR)/man5/theodoi.ini.5
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(BUILD)

-include $(LIB_OBJ:.o=.d) $(UI_OBJ:.o=.d) $(XT_OBJ:.o=.d) $(RD_OBJ:.o=.d) $(BUILD)/main.d $(TEST_BIN:=.d) $(wildcard $(BUILD)/fuzz/*.d)
