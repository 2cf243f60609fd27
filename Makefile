# lua-datadog - build, install, test.
#
# Overridable: LUA_VERSION, LUA_INCDIR, LUA_CMOD, LUA_LMOD, PREFIX, DESTDIR,
# CC, CFLAGS, LDFLAGS. The module does not link liblua: the interpreter that
# loads it provides the Lua API.

LUA_VERSION ?= 5.4
PKG_CONFIG  ?= pkg-config
LUA_PC      ?= lua$(LUA_VERSION)
LUA_INCDIR  ?= $(patsubst -I%,%,$(firstword $(shell $(PKG_CONFIG) --cflags-only-I $(LUA_PC) 2>/dev/null)))
PREFIX      ?= /usr/local
LUA_CMOD    ?= $(PREFIX)/lib/lua/$(LUA_VERSION)
LUA_LMOD    ?= $(PREFIX)/share/lua/$(LUA_VERSION)
DESTDIR     ?=

CURL_CFLAGS := $(shell curl-config --cflags 2>/dev/null)
CURL_LIBS   := $(shell curl-config --libs 2>/dev/null || echo -lcurl) -lz

CC       ?= cc
OPT      ?= -O2
CFLAGS   ?= $(OPT) -g
WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wno-missing-field-initializers
ALL_CFLAGS = -std=c99 -D_POSIX_C_SOURCE=200809L -fPIC $(WARN) $(CFLAGS) \
             -I$(LUA_INCDIR) $(CURL_CFLAGS)
LDFLAGS  ?=
SHARED   := -shared

SRC := $(wildcard src/*.c)
HDR := $(wildcard src/*.h)
OUT ?= datadog/core.so
OBJDIR ?= build/obj-$(LUA_VERSION)
OBJ := $(patsubst src/%.c,$(OBJDIR)/%.o,$(SRC))
LUA_SRC := $(shell find lua -name '*.lua')

.PHONY: all install uninstall clean test check luajit

all: $(OUT)

$(OBJDIR)/%.o: src/%.c $(HDR) | $(OBJDIR)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(OBJDIR):
	mkdir -p $@

$(OUT): $(OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(SHARED) $(LDFLAGS) -o $@ $(OBJ) $(CURL_LIBS)

# The same sources against LuaJIT 2.1 (the Lua 5.1 C API), as nginx will use.
luajit:
	$(MAKE) LUA_VERSION=5.1 LUA_PC=luajit OUT=build/luajit/datadog/core.so \
	    OBJDIR=build/obj-luajit

install: $(OUT)
	install -d $(DESTDIR)$(LUA_CMOD)/datadog $(DESTDIR)$(LUA_LMOD)/datadog
	install -m 0755 $(OUT) $(DESTDIR)$(LUA_CMOD)/datadog/core.so
	cd lua && for f in $$(find datadog -name '*.lua'); do \
	    install -d $(DESTDIR)$(LUA_LMOD)/$$(dirname $$f); \
	    install -m 0644 $$f $(DESTDIR)$(LUA_LMOD)/$$f; done

uninstall:
	rm -f $(DESTDIR)$(LUA_CMOD)/datadog/core.so
	rm -rf $(DESTDIR)$(LUA_LMOD)/datadog

clean:
	rm -rf build datadog

# The whole test suite, as README.md gives it (installs nothing).
test: $(OUT)
	bash scripts/test --no-deps

-include emulator/Makefile.inc
-include bench/Makefile.inc
