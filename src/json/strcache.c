/*
 * strcache.c - a small cache of the short strings every response repeats:
 * JSON object keys ("data", "attributes", "type"...), header names and
 * header values.
 *
 * lua_pushlstring hashes every byte of a short string and looks it up in
 * Lua's string table, and a string that died since the last call is
 * allocated again and later swept. Most of a response's keys and headers
 * are the same from one call to the next, so a direct-mapped table of Lua
 * strings (the cache table, in the registry) turns most of those pushes
 * into a compare and one array read. There are two regions of 256 slots:
 * names (keys, header names and values) and JSON string values, so that a
 * long list of one-off values cannot push the names out. The cached strings
 * stay alive while in their slot: at most 512 strings of at most 40 bytes
 * per Lua state, replaced one by one as other strings take their slots.
 */
#include <string.h>

#include "json.h"

static const char dd_key_strcache[] = "datadog.strcache";

#define SC_BITS 8
#define SC_SLOTS (1 << SC_BITS) /* per region */
#if SC_SLOTS != DD_SC_SLOTS
#error "DD_SC_SLOTS (json.h) must be 1 << SC_BITS"
#endif
#define SC_MAXLEN 40            /* Lua's own limit for short, interned strings */
#define SC_EMPTY 0xff           /* a length no cached string has */

/* Every cached string's bytes, beside the Lua strings themselves (in the
 * cache table, slot i + 1 for entry i): a lookup compares here, in C, and
 * touches the table only to push a hit. A string is kept as its first and
 * last eight bytes (the words its slot is hashed from, zero-padded when
 * shorter than 8) and the bytes between them; up to 16 bytes, the two words
 * are the whole string. An entry and its slot are always written together,
 * after the Lua string is made (which may raise), so they never disagree. */
typedef struct sc_entry {
    uint64_t head, tail;
    unsigned char len;
    char mid[SC_MAXLEN - 16];
} sc_entry; /* 48 bytes: a lookup reads one cache line, seldom two */

struct dd_strcache {
    sc_entry e[DD_SC_REGIONS * SC_SLOTS];
};

dd_strcache *dd_strcache_open(lua_State *L)
{
    dd_strcache *sc;
    int e;
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
    memset(sc, 0, sizeof *sc);
    for (e = 0; e < DD_SC_REGIONS * SC_SLOTS; e++)
        sc->e[e].len = SC_EMPTY;
    lua_rawseti(L, -2, 0);
    lua_pushlightuserdata(L, (void *)dd_key_strcache);
    lua_pushvalue(L, -2);
    lua_rawset(L, LUA_REGISTRYINDEX);
    return sc;
}

int dd_strcache_push(lua_State *L, dd_strcache *sc, int cache, int region,
                     const char *s, size_t len)
{
    uint64_t head = 0, tail = 0;
    sc_entry *en;
    int slot, e;
    if (len > SC_MAXLEN) {
        lua_pushlstring(L, s, len);
        return -1;
    }
    if (len >= 8) {
        memcpy(&head, s, 8);
        memcpy(&tail, s + len - 8, 8);
    } else {
        memcpy(&head, s, len);
    }
    /* the slot: length and both words, mixed */
    slot = (int)(((head ^ (tail * 0x9E3779B97F4A7C15ULL) ^ (uint64_t)len) *
                  0xBF58476D1CE4E5B9ULL) >> (64 - SC_BITS));
    e = region * SC_SLOTS + slot;
    en = &sc->e[e];
    if (en->len == len && en->head == head && en->tail == tail &&
        (len <= 16 || memcmp(en->mid, s + 8, len - 16) == 0)) {
        lua_rawgeti(L, cache, e + 1);
        return slot;
    }
    lua_pushlstring(L, s, len);
    lua_pushvalue(L, -1);
    lua_rawseti(L, cache, e + 1);
    en->len = (unsigned char)len;
    en->head = head;
    en->tail = tail;
    if (len > 16)
        memcpy(en->mid, s + 8, len - 16);
    return slot;
}
