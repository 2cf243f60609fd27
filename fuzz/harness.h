/*
 * harness.h - what both libFuzzer targets share: one Lua state for the whole
 * run, datadog.core loaded into it, and clients whose transport refuses to
 * do I/O (the fuzzers only build requests and interpret responses).
 *
 * A fuzz target is a program, not the library: the Lua state lives in a
 * static here because libFuzzer calls LLVMFuzzerTestOneInput with no
 * context of its own.
 */
#ifndef DD_FUZZ_HARNESS_H
#define DD_FUZZ_HARNESS_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <lualib.h>

#include "../src/module/module.h"

LUALIB_API int luaopen_datadog_core(lua_State *L);

static lua_State *fuzz_L;

/* Lua code run once: the clients the targets use, as globals of the state.
 * The transport answers 599 so that nothing leaves the process even if an
 * entry point were to send. */
static const char fuzz_setup[] =
    "local core = ...\n"
    "core_ = core\n"
    "ops_ = {}\n"
    "for i, op in ipairs(core.operations()) do ops_[i] = op.id end\n"
    "local function opts(extra)\n"
    "  local o = { base_url = 'http://fuzz.invalid', api_key = 'fuzz-api-key-00000001',\n"
    "    app_key = 'fuzz-app-key-00000002', unstable = true, retry = false, max_body = 1048576,\n"
    "    transport = function() return { status = 599, headers = {}, body = '' } end }\n"
    "  for k, v in pairs(extra or {}) do o[k] = v end\n"
    "  return o\n"
    "end\n"
    "strict_ = core.new(opts())\n"
    "loose_ = core.new(opts({ validate = false, gzip_requests = 1 }))\n";

static void fuzz_die(const char *what)
{
    fprintf(stderr, "fuzz harness: %s: %s\n", what,
            fuzz_L && lua_isstring(fuzz_L, -1) ? lua_tostring(fuzz_L, -1) : "?");
    abort();
}

static lua_State *fuzz_state(void)
{
    if (fuzz_L)
        return fuzz_L;
    fuzz_L = luaL_newstate();
    if (!fuzz_L)
        fuzz_die("luaL_newstate");
    luaL_openlibs(fuzz_L);
    luaL_requiref(fuzz_L, "datadog.core", luaopen_datadog_core, 0);
    if (luaL_loadstring(fuzz_L, fuzz_setup) != LUA_OK)
        fuzz_die("setup code");
    lua_insert(fuzz_L, -2);
    if (lua_pcall(fuzz_L, 1, 0, 0) != LUA_OK)
        fuzz_die("setup");
    return fuzz_L;
}

/* Keeps the Lua heap from growing without bound across millions of runs
 * (the collector would get there; this makes memory use steady). */
static void fuzz_step_gc(lua_State *L)
{
    lua_gc(L, LUA_GCSTEP, 0);
}

#endif
