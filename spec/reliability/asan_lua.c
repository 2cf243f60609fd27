/*
 * asan_lua.c - a minimal Lua 5.4 interpreter for make check-asan.
 *
 * Debian's lua5.4 is not built with AddressSanitizer, and the ASan runtime
 * must be in the process before anything calls malloc. Preloading it
 * (LD_PRELOAD) would reach every program the suite starts (sh, nginx, curl,
 * make, openssl), instrumenting and sometimes breaking them. Linking the
 * runtime into this small host instead keeps it in the one process that
 * loads the instrumented datadog.core, and in the Lua children the specs
 * start on purpose (spec/reliability/support.lua runs them with $DD_LUA).
 *
 *   asan_lua script.lua [args...]     like lua5.4 script.lua (arg as usual)
 *   asan_lua -e 'code'                like lua5.4 -e 'code'
 *
 * Errors print a traceback to stderr and exit 1; os.exit works as in lua5.4.
 */
#include <stdio.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

static int traceback(lua_State *L)
{
    const char *msg = lua_tostring(L, 1);
    if (!msg)
        msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    luaL_traceback(L, L, msg, 1);
    return 1;
}

int main(int argc, char **argv)
{
    lua_State *L;
    int i, first, status, n = 0;
    if (argc < 2 || (strcmp(argv[1], "-e") == 0 && argc < 3)) {
        fprintf(stderr, "usage: %s script [args...] | -e code\n", argv[0]);
        return 2;
    }
    L = luaL_newstate();
    if (!L) {
        fprintf(stderr, "%s: cannot create a Lua state\n", argv[0]);
        return 1;
    }
    luaL_openlibs(L);

    /* arg: the script at 0, the interpreter at -1, the rest from 1 */
    first = strcmp(argv[1], "-e") == 0 ? 2 : 1;
    lua_createtable(L, argc, 2);
    for (i = 0; i < argc; i++) {
        lua_pushstring(L, argv[i]);
        lua_rawseti(L, -2, i - first);
    }
    lua_setglobal(L, "arg");

    lua_pushcfunction(L, traceback);
    if (first == 2)
        status = luaL_loadbuffer(L, argv[2], strlen(argv[2]), "=(command line)");
    else
        status = luaL_loadfile(L, argv[1]); /* skips a #! line */
    if (status == LUA_OK) {
        for (i = first + 1; i < argc; i++, n++)
            lua_pushstring(L, argv[i]);
        status = lua_pcall(L, n, 0, 1);
    }
    if (status != LUA_OK)
        fprintf(stderr, "%s: %s\n", argv[0], lua_tostring(L, -1));
    lua_close(L);
    return status == LUA_OK ? 0 : 1;
}
