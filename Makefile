# lua-datadog - build, install, test.
#
# Overridable: LUA_VERSION (5.1 to 5.4), LUA_INCDIR, LUA_CMOD, LUA_LMOD,
# PREFIX, DESTDIR, CC, CFLAGS, LDFLAGS, OPENRESTY_PREFIX. The module does not
# link liblua: the interpreter that loads it provides the Lua API.

LUA_VERSION ?= 5.4
PKG_CONFIG  ?= pkg-config
LUA_PC      ?= lua$(LUA_VERSION)
LUA_INCDIR  ?= $(patsubst -I%,%,$(firstword $(shell $(PKG_CONFIG) --cflags-only-I $(LUA_PC) 2>/dev/null)))
PREFIX      ?= /usr/local
LUA_CMOD    ?= $(PREFIX)/lib/lua/$(LUA_VERSION)
LUA_LMOD    ?= $(PREFIX)/share/lua/$(LUA_VERSION)
DESTDIR     ?=

# libcurl is not linked: src/drivers/curl_api.c loads it with dlopen on the first
# call (docs/ARCHITECTURE.md, "libcurl on first use"). Its headers are
# needed to build; LIBCURL names the library to load first.
CURL_CFLAGS := $(shell curl-config --cflags 2>/dev/null)
LIBCURL     ?= libcurl.so.4
CURL_LIBS   := -ldl -lpthread -lz

# Only luaopen_datadog_core is exported (-fvisibility=hidden): calls between
# the module's own files are then direct, not through the PLT, and with
# link-time optimization (LTO) the small ones are inlined across files
# (docs/PERFORMANCE.md: about 1% per call on a small GET). CFLAGS is passed
# to the link too, which LTO needs.
CC       ?= cc
OPT      ?= -O2
LTO      ?= -flto=auto
CFLAGS   ?= $(OPT) $(LTO) -g
WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wno-missing-field-initializers
ALL_CFLAGS = -std=c99 -D_POSIX_C_SOURCE=200809L -fPIC -fvisibility=hidden $(WARN) $(CFLAGS) \
             -I$(LUA_INCDIR) $(CURL_CFLAGS) -DDD_LIBCURL='"$(LIBCURL)"'
LDFLAGS  ?=
SHARED   := -shared

# One folder per room (docs/ARCHITECTURE.md), each with its header; a
# room includes only the rooms below it.
SRC := $(wildcard src/*/*.c)
HDR := $(wildcard src/*/*.h)
# Lua 5.4's module is the checkout's datadog/core.so (what lua5.4 finds from
# the root, with LUA_CPATH='./?.so;;'); other versions get a tree of their
# own, so that building one never replaces another.
OUT ?= $(if $(filter 5.4,$(LUA_VERSION)),datadog/core.so,build/lua$(LUA_VERSION)/datadog/core.so)
OBJDIR ?= build/obj-$(LUA_VERSION)
OBJ := $(patsubst src/%.c,$(OBJDIR)/%.o,$(SRC))
LUA_SRC := $(shell find lua -name '*.lua')

.PHONY: all install install-lib install-bin uninstall clean test test-quick check luajit \
        install-luajit install-openresty rock-install

all: $(OUT)

$(OBJDIR)/%.o: src/%.c $(HDR) Makefile | $(OBJDIR)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(OBJDIR):
	mkdir -p $@

$(OUT): $(OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(SHARED) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(CURL_LIBS)

# The same sources against LuaJIT 2.1 (the Lua 5.1 C API), as nginx will use.
luajit:
	$(MAKE) LUA_VERSION=5.1 LUA_PC=luajit OUT=build/luajit/datadog/core.so \
	    OBJDIR=build/obj-luajit

install: install-lib install-bin

install-lib: $(OUT)
	install -d $(DESTDIR)$(LUA_CMOD)/datadog $(DESTDIR)$(LUA_LMOD)/datadog
	install -m 0755 $(OUT) $(DESTDIR)$(LUA_CMOD)/datadog/core.so
	cd lua && for f in $$(find datadog -name '*.lua'); do \
	    install -d $(DESTDIR)$(LUA_LMOD)/$$(dirname $$f); \
	    install -m 0644 $$f $(DESTDIR)$(LUA_LMOD)/$$f; done

# The CLI runs on any Lua: installed, it starts the interpreter its module
# was built for (LUA_INTERP), and looks for the module where install-lib put
# it first (any PREFIX, not only the interpreter's default paths).
LUA_INTERP ?= lua$(LUA_VERSION)
install-bin:
	install -d $(DESTDIR)$(PREFIX)/bin
	sed -e '1s|.*|#!/usr/bin/env $(LUA_INTERP)|' \
	    -e 's|^local INSTALLED = nil$$|local INSTALLED = { "$(LUA_LMOD)", "$(LUA_CMOD)" }|' \
	    bin/datadog-lua > $(DESTDIR)$(PREFIX)/bin/datadog-lua
	chmod 0755 $(DESTDIR)$(PREFIX)/bin/datadog-lua

# LuaJIT reads Lua 5.1's module paths (/usr/local/{lib,share}/lua/5.1); nginx's
# ngx_http_lua (Debian's libnginx-mod-http-lua) is LuaJIT too.
install-luajit:
	$(MAKE) LUA_VERSION=5.1 LUA_PC=luajit LUA_INTERP=luajit OUT=build/luajit/datadog/core.so \
	    OBJDIR=build/obj-luajit install

# OpenResty keeps its own modules apart, both kinds in one directory
# (site/lualib is on its lua_package_path and lua_package_cpath); it has no
# use for the CLI.
OPENRESTY_PREFIX ?= /usr/local/openresty
install-openresty:
	$(MAKE) LUA_VERSION=5.1 LUA_PC=luajit OUT=build/luajit/datadog/core.so \
	    OBJDIR=build/obj-luajit LUA_CMOD=$(OPENRESTY_PREFIX)/site/lualib \
	    LUA_LMOD=$(OPENRESTY_PREFIX)/site/lualib install-lib

# What `luarocks make` runs (rockspec/, build type make): LUA is the
# interpreter luarocks was asked for, and the module is built in a temporary
# directory, so that a rock never replaces the checkout's own build. It keeps
# -Werror: packaging_spec then also checks the sources under luarocks' flags
# (-O2, no LTO).
LUA ?= lua$(LUA_VERSION)
rock-install:
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(MAKE) --no-print-directory LUA_VERSION=$$($(LUA) -e 'io.write((_VERSION:gsub("^Lua ", "")))') \
	    OUT=$$tmp/datadog/core.so OBJDIR=$$tmp/obj install-lib

uninstall:
	rm -f $(DESTDIR)$(LUA_CMOD)/datadog/core.so
	rm -rf $(DESTDIR)$(LUA_LMOD)/datadog
	rm -f $(DESTDIR)$(PREFIX)/bin/datadog-lua

clean:
	rm -rf build datadog

# The test suite, as README.md gives it (installs nothing): make test-quick
# runs every spec on every Lua, make test adds the memory-safety checks, and
# make check runs only those (scripts/check). Each ends with
# "N passed, N failed, N pending"; TEST_JOBS sets how many spec files run
# at once.
test: $(OUT)
	bash scripts/test --no-deps

test-quick: $(OUT)
	bash scripts/test --no-deps --quick

check: $(OUT)
	bash scripts/check

# src/ops/ops_gen.c and the emulator's emulator/lua/emulator/ops_gen.lua again
# from the pinned official TypeScript client (scripts/gen-ops;
# docs/ARCHITECTURE.md, "Operations are data"; docs/EMULATOR.md, "The route
# table"). Needs node and npm; building the module does not.
.PHONY: gen-ops gen-ops-deps
GEN_OPS_PKG := scripts/gen-ops/node_modules/@datadog/datadog-api-client/package.json
gen-ops: $(GEN_OPS_PKG)
	node scripts/gen-ops/gen.js
# only the package (scripts/deps: the specs that compare against it)
gen-ops-deps: $(GEN_OPS_PKG)
$(GEN_OPS_PKG): scripts/gen-ops/package.json
	cd scripts/gen-ops && npm install --no-audit --no-fund --no-package-lock --loglevel=error
	touch $@

-include emulator/Makefile.inc
-include bench/Makefile.inc

# API reference from the sources' doc comments (LDoc; config.ld), in docs/api/,
# with every operation's entry written from the operation table first. LDoc
# runs on Lua 5.1, the version Debian's lua-markdown is packaged for.
LDOC ?= lua5.1 /usr/bin/ldoc
.PHONY: docs lint
docs: $(OUT)
	rm -rf docs/api
	lua5.4 scripts/gen-operations-doc lua/datadog/operations.luadoc
	$(LDOC) .

# luacheck over the whole repository (.luacheckrc says which Lua each part runs on).
lint:
	luacheck .

# ---------------------------------------------------------------- memory safety
# make check-asan, make check-valgrind, make fuzz: see docs/RELIABILITY.md
# (what each runs, why, and the figures). scripts/check runs all three.

BUSTED     ?= lua5.4 /usr/bin/busted
SAN_CC     ?= gcc
ASAN_DIR   := build/asan
ASAN_CFLAGS := -O1 -g -fno-omit-frame-pointer \
               -fsanitize=address,undefined,float-cast-overflow \
               -fno-sanitize-recover=undefined
# lua5.4 is not instrumented, and the ASan runtime must come first in the
# process: a small interpreter linked with it (spec/reliability/asan_lua.c)
# runs busted, rather than LD_PRELOAD, which would reach every child the
# suite starts (sh, nginx, curl, make) and break some of them. Leaks are
# checked too (LeakSanitizer, at exit, in the host and its Lua children).
ASAN_RUN_OPTIONS := detect_leaks=1:halt_on_error=1:detect_stack_use_after_return=1:log_path=$(CURDIR)/$(ASAN_DIR)/logs/asan
UBSAN_RUN_OPTIONS := halt_on_error=1:print_stacktrace=1:log_path=$(CURDIR)/$(ASAN_DIR)/logs/ubsan
LSAN_RUN_OPTIONS := suppressions=$(CURDIR)/spec/reliability/lsan.supp:print_suppressions=0

# The specs that exercise the C core, which the sanitizer and valgrind passes
# run: not the emulator's own (spec/emulator), nginx's (it loads the LuaJIT
# build), the generator's (node), the install routes' or the tooling's. Each
# file is a job of scripts/run-specs (CHECK_JOBS at once, default: the cores).
C_SPECS := $(filter-out spec/module/packaging_spec.lua spec/module/luajit_spec.lua \
             spec/module/gen_ops_spec.lua spec/lua/tooling_spec.lua, \
             $(sort $(wildcard spec/module/*_spec.lua spec/lua/*_spec.lua spec/reliability/*_spec.lua)))
ASAN_SPECS ?= $(C_SPECS)
CHECK_JOBS ?= $(shell nproc)

VALGRIND_DIR   := build/valgrind
VALGRIND_SPECS ?= $(filter spec/module/% spec/reliability/%,$(C_SPECS))
VALGRIND_FLAGS := --tool=memcheck --error-exitcode=99 --leak-check=full \
                  --errors-for-leak-kinds=definite,indirect \
                  --show-leak-kinds=definite,indirect --num-callers=30 \
                  --suppressions=spec/reliability/valgrind.supp

FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 30
FUZZ_TARGETS := fuzz_decode fuzz_request fuzz_http1
FUZZ_DIR     := build/fuzz
FUZZ_CFLAGS  := -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined \
                -fno-sanitize-recover=undefined -std=c99 -D_POSIX_C_SOURCE=200809L \
                $(filter-out -Werror,$(WARN)) -Wno-string-plus-int \
                -I$(LUA_INCDIR) $(CURL_CFLAGS) -DDD_LIBCURL='"$(LIBCURL)"'
FUZZ_LIBS    := $(shell $(PKG_CONFIG) --libs $(LUA_PC) 2>/dev/null || echo -llua$(LUA_VERSION)) \
                $(CURL_LIBS) -lm

.PHONY: check-asan check-valgrind fuzz fuzz-build

# The module built with ASan + UBSan into build/asan, then ASAN_SPECS on it,
# one busted process a file (scripts/run-specs; logs in build/asan/specs).
# Fails on a failing spec or on any sanitizer report: ASan and LeakSanitizer
# write to build/asan/logs/; UBSan (GCC's runtime ignores log_path) prints
# "runtime error:" and, with halt_on_error, ends the process, so a report in
# a child fails the spec that ran it.
check-asan: $(OUT)
	@$(MAKE) --no-print-directory -s CC=$(SAN_CC) OUT=$(ASAN_DIR)/datadog/core.so \
	    OBJDIR=$(ASAN_DIR)/obj CFLAGS="$(ASAN_CFLAGS)" \
	    LDFLAGS="-fsanitize=address,undefined,float-cast-overflow" $(ASAN_DIR)/datadog/core.so
	$(SAN_CC) $(ASAN_CFLAGS) -I$(LUA_INCDIR) spec/reliability/asan_lua.c \
	    $$($(PKG_CONFIG) --libs $(LUA_PC)) -o $(ASAN_DIR)/lua
	@rm -rf $(ASAN_DIR)/logs && mkdir -p $(ASAN_DIR)/logs
	@status=0; \
	for f in $(ASAN_SPECS); do \
	    printf 'asan %s\t%s /usr/bin/busted --output=plainTerminal --cpath=./$(ASAN_DIR)/?.so %s\n' \
	        "$$f" "$(ASAN_DIR)/lua" "$$f"; \
	done | ASAN_OPTIONS=$(ASAN_RUN_OPTIONS) UBSAN_OPTIONS=$(UBSAN_RUN_OPTIONS) \
	LSAN_OPTIONS=$(LSAN_RUN_OPTIONS) DD_CHECK=asan DD_LUA=$(CURDIR)/$(ASAN_DIR)/lua \
	    bash scripts/run-specs -j $(CHECK_JOBS) $(ASAN_DIR)/specs >$(ASAN_DIR)/busted.log 2>&1 || status=$$?; \
	cat $(ASAN_DIR)/busted.log; \
	for f in $(ASAN_DIR)/logs/*; do [ -f "$$f" ] && { echo "== $$f"; cat "$$f"; }; done; \
	reports=$$(ls $(ASAN_DIR)/logs | wc -l); \
	ubsan=$$(cat $(ASAN_DIR)/specs/*.log | grep -c "runtime error:"); \
	echo "check-asan: busted exit $$status, $$reports ASan/LSan report(s), $$ubsan UBSan report(s)"; \
	[ "$$status" -eq 0 ] && [ "$$reports" -eq 0 ] && [ "$$ubsan" -eq 0 ]

# memcheck over VALGRIND_SPECS (the C specs of spec/module and
# spec/reliability), on the normal build, one busted process a file, each
# with its own log (build/valgrind/memcheck.<pid>.log). Any memory error or
# definitely/indirectly lost block fails it; suppressions cover only code
# outside this repository (see the file).
check-valgrind: $(OUT)
	@mkdir -p $(VALGRIND_DIR) && rm -f $(VALGRIND_DIR)/memcheck.*.log
	@status=0; \
	for f in $(VALGRIND_SPECS); do \
	    printf 'valgrind %s\tvalgrind %s --log-file=%s %s --output=plainTerminal %s\n' \
	        "$$f" "$(VALGRIND_FLAGS)" "$(VALGRIND_DIR)/memcheck.%p.log" "$(BUSTED)" "$$f"; \
	done | DD_CHECK=valgrind bash scripts/run-specs -j $(CHECK_JOBS) $(VALGRIND_DIR)/specs || status=$$?; \
	sed 's/^==[0-9]*== *//; s/,//g' $(VALGRIND_DIR)/memcheck.*.log | awk \
	    '/^ERROR SUMMARY:/ { n++; e += $$3 } /^definitely lost:/ { d += $$3 } /^indirectly lost:/ { i += $$3 } \
	    END { printf "valgrind: %d processes, %d errors, %d bytes definitely and %d indirectly lost\n", n, e, d, i }'; \
	if [ "$$status" -ne 0 ]; then grep -A40 -E "Invalid|uninitialised|definitely lost in|indirectly lost in" \
	    $(VALGRIND_DIR)/memcheck.*.log | head -200; fi; \
	echo "check-valgrind: exit $$status"; [ "$$status" -eq 0 ]

$(FUZZ_DIR)/%: fuzz/%.c fuzz/harness.h $(SRC) $(HDR)
	@mkdir -p $(FUZZ_DIR)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $< $(SRC) $(FUZZ_LIBS) -o $@

fuzz-build: $(addprefix $(FUZZ_DIR)/,$(FUZZ_TARGETS))

# Each target for FUZZ_SECONDS from the committed seeds (fuzz/corpus/<t>);
# what it finds goes to fuzz/corpus-run/<t> (git-ignored), a crash to
# build/fuzz/<t>-crash-*.
# The targets run side by side (one core each).
fuzz: fuzz-build
	@pids=; for t in $(FUZZ_TARGETS); do ( \
	    mkdir -p fuzz/corpus-run/$$t; start=$$(date +%s); status=0; \
	    $(FUZZ_DIR)/$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	        -dict=$$( [ -f fuzz/$${t#fuzz_}.dict ] && echo fuzz/$${t#fuzz_}.dict || echo fuzz/json.dict ) \
	        -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
	        -artifact_prefix=$(FUZZ_DIR)/$$t- fuzz/corpus-run/$$t fuzz/corpus/$$t \
	        > $(FUZZ_DIR)/$$t.log 2>&1 || { status=1; tail -n 60 $(FUZZ_DIR)/$$t.log; }; \
	    runs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $(FUZZ_DIR)/$$t.log); \
	    echo "fuzz $$t: $${runs:-?} executions in $$(( $$(date +%s) - start )) s, corpus $$(ls fuzz/corpus-run/$$t | wc -l) inputs"; \
	    exit $$status ) & pids="$$pids $$!"; \
	done; status=0; for p in $$pids; do wait $$p || status=1; done; [ "$$status" -eq 0 ]
