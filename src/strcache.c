/*
 * strcache.c - a small cache of the short strings every response repeats:
 * JSON object keys ("data", "attributes", "type"...), header names and
 * header values.
 *
 * lua_pushlstring hashes every byte of a short string and looks it up in
 * Lua's string table, and a string that died since the last call is
 * allocated again and later swept. Most of a response's keys and headers
 * are the same from one call to the next, so a direct-mapped table of 256
 * Lua strings (the cache table, in the registry) turns most of those
 * pushes into one array read and a memcmp. The cached strings stay alive
 * while in their slot: at most 256 strings of at most 40 bytes per Lua
 * state, replaced one by one as other strings take their slots.
 */
#include <string.h>

#include "dd.h"

static const char dd_key_strcache[] = "datadog.strcache";

#define SC_BITS 8
#define SC_MAXLEN 40 /* Lua's own limit for short, interned strings */

void dd_strcache_push_table(lua_State *L)
{
    dd_rawgetp_registry(L, dd_key_strcache);
    if (lua_type(L, -1) == LUA_TTABLE)
        return;
    lua_pop(L, 1);
    lua_createtable(L, 1 << SC_BITS, 0);
    lua_pushlightuserdata(L, (void *)dd_key_strcache);
    lua_pushvalue(L, -2);
    lua_rawset(L, LUA_REGISTRYINDEX);
}

/* The slot of s: its length and first and last eight bytes, mixed. */
static int slot_of(const char *s, size_t len)
{
    uint64_t a = 0, b = 0, h;
    if (len >= 8) {
        memcpy(&a, s, 8);
        memcpy(&b, s + len - 8, 8);
    } else {
        memcpy(&a, s, len);
    }
    h = (a ^ (b * 0x9E3779B97F4A7C15ULL) ^ (uint64_t)len) * 0xBF58476D1CE4E5B9ULL;
    return (int)(h >> (64 - SC_BITS)) + 1;
}

void dd_strcache_push(lua_State *L, int cache, const char *s, size_t len)
{
    const char *c;
    size_t clen;
    int slot;
    if (len > SC_MAXLEN) {
        lua_pushlstring(L, s, len);
        return;
    }
    slot = slot_of(s, len);
    lua_rawgeti(L, cache, slot);
    c = lua_tolstring(L, -1, &clen); /* NULL for an empty slot */
    if (c && clen == len && memcmp(c, s, len) == 0)
        return;
    lua_pop(L, 1);
    lua_pushlstring(L, s, len);
    lua_pushvalue(L, -1);
    lua_rawseti(L, cache, slot);
}
