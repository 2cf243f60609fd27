/*
 * compat.h - the few Lua C API differences between Lua 5.4 and LuaJIT 2.1
 * (Lua 5.1 API), so one source builds for both.
 *
 * Every shim is a static inline with a dd_ prefix: LuaJIT 2.1 already exports
 * some 5.2 functions (luaL_setfuncs, luaL_testudata, luaL_setmetatable), and
 * defining shims under those names would collide.
 */
#ifndef DD_COMPAT_H
#define DD_COMPAT_H

#include <lua.h>
#include <lauxlib.h>

#if LUA_VERSION_NUM >= 502
#define dd_rawlen(L, i) lua_rawlen((L), (i))
#define dd_absindex(L, i) lua_absindex((L), (i))
#else
#define dd_rawlen(L, i) lua_objlen((L), (i))
static inline int dd_absindex(lua_State *L, int i)
{
    return (i > 0 || i <= LUA_REGISTRYINDEX) ? i : lua_gettop(L) + i + 1;
}
#endif

#ifndef LUA_OK
#define LUA_OK 0
#endif

/* Lua 5.3+ has real integers; on 5.1/LuaJIT every number is a double. */
#if LUA_VERSION_NUM >= 503
#define DD_HAVE_INTEGERS 1
#else
#define DD_HAVE_INTEGERS 0
#endif

/* Registry keys are addresses of static chars: unique without globals that
 * hold state (the chars are never written). */
static inline void dd_rawgetp_registry(lua_State *L, const void *key)
{
    lua_pushlightuserdata(L, (void *)key);
    lua_rawget(L, LUA_REGISTRYINDEX);
}

#endif
