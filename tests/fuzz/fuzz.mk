# fuzz.mk - libFuzzer targets (included by the Makefile).  See tests/fuzz/run.sh.
#
#   make fuzz                  build with clang, run each target FUZZ_SECONDS
#   make fuzz FUZZ_SECONDS=1800
#
# The targets link the library objects built again with clang and the
# fuzzer's instrumentation in build/fuzz; crashes land in build/fuzz/.

FUZZ_SECONDS ?= 60
FUZZ_FLAGS   := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ_TARGETS := check report
FUZZ_BIN     := $(FUZZ_TARGETS:%=$(BUILD)/fuzz_%)

.PHONY: fuzz fuzz-build fuzz-smoke

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.c tests/fuzz/fuzz_common.h $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< tests/fuzz/fuzz_common.c \
	  $(LIB_OBJ) $(LIBS)

fuzz-build: $(FUZZ_BIN) $(FONTS) $(LATIN)

fuzz:
	@$(MAKE) -f $(firstword $(MAKEFILE_LIST)) --no-print-directory BUILD=build/fuzz CC=clang CFLAGS='-O1 -g' \
	  EXTRA_CFLAGS='$(FUZZ_FLAGS)' EXTRA_LIBS='-fsanitize=address,undefined' fuzz-build
	@sh tests/fuzz/run.sh build/fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# A short run of each target, for make test; skipped (and said so) without clang.
fuzz-smoke:
	@if command -v clang >/dev/null 2>&1; then \
	  $(MAKE) -f $(firstword $(MAKEFILE_LIST)) --no-print-directory fuzz FUZZ_SECONDS=15; \
	else echo "fuzz: skipped, clang is not installed (apt-get install clang)"; fi
