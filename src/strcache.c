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
 * pushes into a memcmp and one array read. There are two regions of 256
 * slots: names (keys, header names and values) and JSON string values, so
 * that a long list of one-off values cannot push the names out. The cached
 * strings stay alive while in their slot: at most 512 strings of at most 40
 * bytes per Lua state, replaced one by one as other strings take their
 * slots.
 */
#include <string.h>

#include "dd.h"

static const char dd_key_strcache[] = "datadog.strcache";

#define SC_BITS 8
#define SC_SLOTS (1 << SC_BITS) /* per region */
#if SC_SLOTS != DD_SC_SLOTS
#error "DD_SC_SLOTS (dd.h) must be 1 << SC_BITS"
#endif
#define SC_MAXLEN 40            /* Lua's own limit for short, interned strings */
#define SC_EMPTY 0xff           /* a length no cached string has */

/* The bytes of every cached string, beside the Lua strings themselves (in
 * the cache table, slot i + 1 for entry i): a lookup compares here, in C,
 * and touches the table only to push a hit. An entry and its slot are
 * always written together, after the Lua string is made (which may raise),
 * so that they never disagree. */
struct dd_strcache {
    unsigned char len[DD_SC_REGIONS * SC_SLOTS];
    char bytes[DD_SC_REGIONS * SC_SLOTS][SC_MAXLEN];
};

dd_strcache *dd_strcache_open(lua_State *L)
{
    dd_strcache *sc;
    dd_rawgetp_registry(L, dd_key_strcache);
    if (lua_type(L, -1) == LUA_TTABLE) {
        lua_rawgeti(L, -1, 0);
        sc = lua_touserdata(L, -1);
        lua_pop(L, 1);
        return sc;
    }
    lua_pop(L, 1);
    /* the slots in the array part, the mirror at [0]: never rehashed */
    lua_createtable(L, DD_SC_REGIONS * SC_SLOTS, 1);
    sc = lua_newuserdata(L, sizeof *sc);
    memset(sc->len, SC_EMPTY, sizeof sc->len);
    lua_rawseti(L, -2, 0);
    lua_pushlightuserdata(L, (void *)dd_key_strcache);
    lua_pushvalue(L, -2);
    lua_rawset(L, LUA_REGISTRYINDEX);
    return sc;
}

/* The entry of s in a region: its length and first and last eight bytes,
 * mixed. */
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
    return (int)(h >> (64 - SC_BITS));
}

int dd_strcache_push(lua_State *L, dd_strcache *sc, int cache, int region,
                     const char *s, size_t len)
{
    int slot, e;
    if (len > SC_MAXLEN) {
        lua_pushlstring(L, s, len);
        return -1;
    }
    slot = slot_of(s, len);
    e = region * SC_SLOTS + slot;
    if (sc->len[e] == len && memcmp(sc->bytes[e], s, len) == 0) {
        lua_rawgeti(L, cache, e + 1);
        return slot;
    }
    lua_pushlstring(L, s, len);
    lua_pushvalue(L, -1);
    lua_rawseti(L, cache, e + 1);
    sc->len[e] = (unsigned char)len;
    memcpy(sc->bytes[e], s, len);
    return slot;
}
