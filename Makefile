# verdict - build, report and test.  See README.md.
#
#   make            build build/verdict (installing what the build lacks)
#   make report     install what is missing, build, write output/ from input/
#   make test       install what is missing, tests' tools too, build, run every test
#   make install    the binary, fonts, schema, man page and completion under
#                   PREFIX (/usr/local), staged under DESTDIR; make uninstall
#   make regen      rewrite the golden files and bad-input expectations
#   make asan       the tests again under AddressSanitizer/UBSan
#   make bench      benchmarks (kept out of make test)
#   make fuzz       libFuzzer targets, FUZZ_SECONDS each (needs clang)
#   make docs       the README's picture of a first page

CC      ?= cc
VERSION := 0.1.0
BUILD   ?= build

# make install: GNU's PREFIX and DESTDIR.  The share folder is compiled into
# the binary (src/cli/fontdir.c), so make and make install take one PREFIX.
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
SHAREDIR ?= $(PREFIX)/share/verdict
MAN1DIR  ?= $(PREFIX)/share/man/man1
COMPDIR  ?= $(PREFIX)/share/bash-completion/completions
INSTALL  ?= install

# Debian's libhpdf-dev ships no pkg-config file: ask pkg-config first (a
# later libharu has one), else link it by name.
PKGS        := libxml-2.0 libpcre2-8 libmd libpng
HPDF_CFLAGS := $(shell pkg-config --cflags libhpdf 2>/dev/null)
HPDF_LIBS   := $(shell pkg-config --libs libhpdf 2>/dev/null || echo -lhpdf)
PKG_CFLAGS  := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS    := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lxml2 -lpcre2-8 -lmd -lpng16)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

WARN     := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wformat=2
CFLAGS   ?= -O2 -g
# -ffp-contract=off: no fused multiply-adds, so scores and the sampled
# acceptability (SPEC 6.7) round alike on every machine (GCC's ISO mode
# does this already; clang's does not).
ALL_CFLAGS = -std=c17 -ffp-contract=off $(WARN) $(CFLAGS) -D_POSIX_C_SOURCE=200809L \
             -DVERDICT_VERSION='"$(VERSION)"' -Iinclude \
             $(HPDF_CFLAGS) $(PKG_CFLAGS) $(EXTRA_CFLAGS)
LIBS     = $(HPDF_LIBS) $(PKG_LIBS) -lz -lm $(EXTRA_LIBS)

# One folder per stage with several files (src/load, src/check, src/verdict,
# src/layout, src/report, src/pdf), the command line in src/cli, shared
# helpers in src/util; the single-file stages sit in src/ itself.
# docs/design.md says which is which.
STAGES   := load check verdict layout report pdf util
LIB_SRC  := $(wildcard src/*.c $(STAGES:%=src/%/*.c))
CLI_SRC  := $(wildcard src/cli/*.c)
LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/schema_xsd.o
CLI_OBJ  := $(CLI_SRC:src/%.c=$(BUILD)/obj/%.o)
HEADERS  := $(wildcard include/*.h src/*/*.h)
TEST_SRC := $(wildcard tests/unit/test_*.c)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/%)
TEST_HDR := $(wildcard tests/unit/*.h)
DUMP     := $(BUILD)/golden-dump
FONTS    := fonts/DejaVuSans.ttf fonts/DejaVuSans-Bold.ttf
LATIN    := fonts/DejaVuSans-1252.ttf fonts/DejaVuSans-Bold-1252.ttf
DEJAVU   := /usr/share/fonts/truetype/dejavu

.PHONY: all deps test-deps report test progs unit e2e golden memcheck asan regen bench clean docs \
        install uninstall FORCE
.DELETE_ON_ERROR:

all: $(BUILD)/verdict $(FONTS) $(LATIN)

# The Debian packages (scripts/ensure-deps.sh): deps what building and the
# reports need, checked before anything is built; test-deps the tests' tools too.
deps:
	@sh scripts/ensure-deps.sh

test-deps:
	@sh scripts/ensure-deps.sh --test

$(LIB_OBJ) $(CLI_OBJ) $(BUILD)/gen/schema_xsd.c $(FONTS) $(LATIN): | deps

$(BUILD)/obj/%.o: src/%.c $(HEADERS) | $(BUILD)/obj
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The schema is compiled into the binary (its bytes as a C array), so the
# installed tool validates from any directory.
$(BUILD)/gen/schema_xsd.c: schema/verdict-1.xsd schema/embed.py
	@mkdir -p $(@D)
	python3 schema/embed.py $< load_schema_xsd > $@

$(BUILD)/obj/schema_xsd.o: $(BUILD)/gen/schema_xsd.c | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/obj:
	mkdir -p $@

# Where the installed binary finds its fonts, and the source tree whose
# fonts/ it uses when run there (make report): only fontdir.o has them, and
# it is rebuilt when they change (the stamp is rewritten only then).
$(BUILD)/obj/cli/fontdir.o: ALL_CFLAGS += -DVERDICT_SHARE_DIR='"$(SHAREDIR)"' \
                                         -DVERDICT_SOURCE_DIR='"$(CURDIR)"'
$(BUILD)/obj/cli/fontdir.o: $(BUILD)/paths
$(BUILD)/paths: FORCE
	@mkdir -p $(@D)
	@printf '%s\n' '$(SHAREDIR)' '$(CURDIR)' | cmp -s - $@ || \
	  printf '%s\n' '$(SHAREDIR)' '$(CURDIR)' >$@

$(BUILD)/verdict: $(LIB_OBJ) $(CLI_OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/test_%: tests/unit/test_%.c $(TEST_HDR) $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(LIB_OBJ) $(LIBS) $(CMOCKA_LIBS) $(TEST_LDFLAGS)

# test_check counts the string comparisons the checks make, to show they
# grow linearly with the document (a count, unlike a time, cannot flake).
$(BUILD)/test_check: TEST_LDFLAGS = -Wl,--wrap=strcmp -Wl,--wrap=strcasecmp

# Prints the layout of an input's reports, for the golden files.
$(DUMP): tests/golden/dump.c $(TEST_HDR) $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(LIB_OBJ) $(LIBS)

# The fonts are subsets of Debian's fonts-dejavu-core, made here (not
# committed): Latin, Greek, Cyrillic, punctuation and the symbols the reports
# use (fonts/unicodes.txt), without hinting, glyph names or layout tables.
# libharu embeds every table but glyf whole, so this cuts a report's size by
# two thirds and its font set-up time.  Debian's python3-fonttools lives
# under /usr/bin/python3, which may not be the python3 on PATH.
FONTTOOLS ?= /usr/bin/python3 -m fontTools.subset
# (The faces are looked for when make starts, before deps can install them.)
$(FONTS): fonts/%.ttf: fonts/unicodes.txt $(wildcard $(FONTS:fonts/%=$(DEJAVU)/%))
	@mkdir -p fonts
	$(FONTTOOLS) $(DEJAVU)/$*.ttf --unicodes-file=fonts/unicodes.txt --output-file=$@ \
	  --no-hinting --no-glyph-names --layout-features='' \
	  --drop-tables+=GSUB,GPOS,GDEF,kern,MATH,FFTM 2>/dev/null

# The same faces cut down to windows-1252 and the marks the reports draw
# (fonts/latin.txt): a report whose text fits draws with these through
# single-byte fonts, a tenth of the size to embed (src/pdf/fonts.c).
$(LATIN): fonts/%-1252.ttf: fonts/latin.txt $(wildcard $(FONTS:fonts/%=$(DEJAVU)/%))
	@mkdir -p fonts
	$(FONTTOOLS) $(DEJAVU)/$*.ttf --unicodes-file=fonts/latin.txt --output-file=$@ \
	  --no-hinting --no-glyph-names --layout-features='' \
	  --drop-tables+=GSUB,GPOS,GDEF,kern,MATH,FFTM 2>/dev/null

report: deps
	@$(MAKE) --no-print-directory all
	$(BUILD)/verdict -o output input

# Every program the tests run.
progs: all $(TEST_BIN) $(DUMP)

unit: $(TEST_BIN)
	@set -e; for t in $(TEST_BIN); do $$t; done

e2e: all
	@python3 tests/e2e/run.py $(BUILD)/verdict

golden: all $(DUMP)
	@sh tests/golden/run.sh $(BUILD)/verdict $(DUMP)

memcheck: all $(TEST_BIN)
	@sh tests/memcheck.sh $(BUILD)/verdict $(TEST_BIN)

# The builds use every processor unless make was given -j already (a
# sub-make's own -j would leave the caller's job server).
JOBS ?= $(shell getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
PAR   = $(if $(findstring -j,$(MAKEFLAGS)),,-j$(JOBS))

# README.md (Building and testing) says what each pass covers.
test: test-deps
	@$(MAKE) --no-print-directory $(PAR) progs
	@$(MAKE) --no-print-directory unit e2e golden memcheck
	@$(MAKE) --no-print-directory asan
	@$(MAKE) --no-print-directory fuzz-smoke

# The golden files and the bad-input expectations, rewritten from what the
# build says now: for a deliberate change, then read git diff tests/.
regen: all $(DUMP)
	@sh tests/golden/run.sh --regen $(BUILD)/verdict $(DUMP)
	@python3 tests/bad/regen.py $(BUILD)/verdict

# The unit and end-to-end tests again with AddressSanitizer, UBSan and
# LeakSanitizer, in a separate build tree.
ASAN = BUILD=build/asan CFLAGS='-O1 -g -fno-omit-frame-pointer' \
       EXTRA_CFLAGS='-fsanitize=address,undefined -fno-sanitize-recover=all' \
       EXTRA_LIBS='-fsanitize=address,undefined'
asan:
	@$(MAKE) --no-print-directory $(ASAN) $(PAR) all $(TEST_BIN:$(BUILD)/%=build/asan/%)
	@$(MAKE) --no-print-directory $(ASAN) unit e2e

# The README's picture: page one of the research lab's report, reproducibly.
docs: all
	rm -rf $(BUILD)/docs
	SOURCE_DATE_EPOCH=1764000000 $(BUILD)/verdict -o $(BUILD)/docs -p '^research-lab$$' \
	  input/pytorch-vs-tensorflow-2026.xml
	pdftoppm -png -r 60 -singlefile -f 1 -l 1 \
	  $(BUILD)/docs/ml-frameworks-2026/research-lab.pdf docs/first-page 2>/dev/null

# The man page and the bash completion are installed when present.
MANPAGE    := $(firstword $(wildcard docs/verdict.1 verdict.1))
COMPLETION := $(firstword $(wildcard contrib/verdict.bash-completion contrib/verdict.bash \
                                     contrib/bash-completion/verdict))

install: all
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SHAREDIR)
	$(INSTALL) -m 755 $(BUILD)/verdict $(DESTDIR)$(BINDIR)/verdict
	$(INSTALL) -m 644 $(FONTS) $(LATIN) schema/verdict-1.xsd $(DESTDIR)$(SHAREDIR)/
ifneq ($(MANPAGE),)
	$(INSTALL) -d $(DESTDIR)$(MAN1DIR)
	$(INSTALL) -m 644 $(MANPAGE) $(DESTDIR)$(MAN1DIR)/verdict.1
endif
ifneq ($(COMPLETION),)
	$(INSTALL) -d $(DESTDIR)$(COMPDIR)
	$(INSTALL) -m 644 $(COMPLETION) $(DESTDIR)$(COMPDIR)/verdict
endif

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/verdict $(DESTDIR)$(MAN1DIR)/verdict.1 \
	  $(DESTDIR)$(COMPDIR)/verdict $(FONTS:fonts/%=$(DESTDIR)$(SHAREDIR)/%) \
	  $(LATIN:fonts/%=$(DESTDIR)$(SHAREDIR)/%) \
	  $(DESTDIR)$(SHAREDIR)/verdict-1.xsd
	@rmdir $(DESTDIR)$(SHAREDIR) 2>/dev/null || true

# The ReportLab comparison needs Debian's python3-reportlab: installed here
# when root (never by make test), else the bench says how and skips it.
bench: all
	@/usr/bin/python3 -c 'import reportlab' 2>/dev/null || \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo 'bench: installing python3-reportlab'; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-reportlab >/dev/null 2>&1 || \
	    { apt-get update -q >/dev/null 2>&1 && \
	      DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-reportlab >/dev/null 2>&1; } || \
	    echo 'bench: could not install python3-reportlab'; \
	  else echo 'bench: for the ReportLab comparison: sudo apt-get install python3-reportlab'; fi
	@sh tests/bench.sh $(BUILD)/verdict

clean:
	rm -rf build
	find output -mindepth 1 ! -name .gitignore -exec rm -rf {} +

include tests/fuzz/fuzz.mk
