/*
 * json_decode.c - JSON text to Lua values, straight from the response buffer.
 *
 * Why not lua-cjson: Debian's 2.1.0 turns every number into a float under
 * Lua 5.4 and rounds 64-bit integers. Here integers stay lua_Integer when
 * they fit, null becomes the lightuserdata NULL sentinel (the same value as
 * cjson.null), and arrays get the module's array metatable so that a decoded
 * body re-encodes with [] for empty lists.
 *
 * The decoder never raises while it holds no resources of its own: Lua
 * allocation errors may longjmp out, which is safe because all state lives
 * on the C stack and in Lua values.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "../base/swar.h"

typedef struct dec {
    lua_State *L;
    const char *p, *end, *start;
    char *err;
    size_t errsz;
    int array_mt; /* stack index of the array metatable */
    int cache;    /* stack index of the string cache's table */
    dd_strcache *sc;
    int depth;
} dec;

static int dec_fail(dec *d, const char *what)
{
    if (d->err[0] == '\0')
        snprintf(d->err, d->errsz, "%s at byte %lu", what,
                 (unsigned long)(d->p - d->start));
    return 0;
}

static void dec_ws(dec *d)
{
    while (d->p < d->end &&
           (*d->p == ' ' || *d->p == '\t' || *d->p == '\n' || *d->p == '\r'))
        d->p++;
}

static int dec_value(dec *d);

static int dec_hex4(dec *d, unsigned *out)
{
    unsigned v = 0;
    int i, h;
    if (d->end - d->p < 4)
        return dec_fail(d, "truncated \\u escape");
    for (i = 0; i < 4; i++) {
        h = dd_hexval((unsigned char)d->p[i]);
        if (h < 0)
            return dec_fail(d, "bad \\u escape");
        v = (v << 4) | (unsigned)h;
    }
    d->p += 4;
    *out = v;
    return 1;
}

/* A string with escapes; s is the first backslash or control character
 * after d->p (just past the opening quote).
 *
 * No luaL_Buffer: a buffer that grows past its first kilobyte becomes a
 * to-be-closed slot, and abandoning one on a decode error left a slot that
 * lua_settop had to close, which Lua 5.4.4 can get wrong (its "lua_settop
 * may use an invalid pointer to stack" bug; fuzz_request found the crash).
 * Instead a first pass finds the closing quote and checks the escapes;
 * the second writes the string, which escapes only shorten, into a C array
 * or, when longer, a plain userdata, and pushes it. Kept out of dec_string
 * so that the common case does not set up the array. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int dec_string_escaped(dec *d, const char *s)
{
    const char *e, *in;
    char small[256] = {0}, *out, *o; /* zeroed: gcc cannot see every byte written */
    size_t n;
    int boxed = 0;
    for (e = s; e < d->end && *e != '"'; e = dd_json_plain_run(e, d->end)) {
        if (*e != '\\') {
            d->p = e;
            return dec_fail(d, "control character in string");
        }
        if (d->end - e < 2)
            break;
        if (!strchr("\"\\/bfnrtu", e[1]) || e[1] == '\0') {
            d->p = e + 1;
            return dec_fail(d, "bad escape");
        }
        e += 2;
    }
    if (e >= d->end) {
        d->p = d->end;
        return dec_fail(d, "unterminated string");
    }
    n = (size_t)(e - d->p);
    if (n <= sizeof small) {
        out = small;
    } else {
        out = lua_newuserdata(d->L, n); /* garbage once the string is made */
        boxed = 1;
    }
    for (o = out, in = d->p; in < e;) {
        const char *run = dd_json_plain_run(in, e);
        memcpy(o, in, (size_t)(run - in));
        o += run - in;
        if (run >= e)
            break;
        d->p = run + 1; /* at the escape letter, for error positions */
        in = run + 2;
        switch (run[1]) {
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            unsigned cp, lo;
            d->p = in;
            if (!dec_hex4(d, &cp))
                return 0;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (e - d->p >= 6 && d->p[0] == '\\' && d->p[1] == 'u') {
                    d->p += 2;
                    if (!dec_hex4(d, &lo))
                        return 0;
                    if (lo < 0xDC00 || lo > 0xDFFF)
                        return dec_fail(d, "bad surrogate pair");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                } else {
                    return dec_fail(d, "lone surrogate");
                }
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                return dec_fail(d, "lone surrogate");
            }
            o += dd_utf8_put(o, cp);
            in = d->p;
            break;
        }
        default: /* '"', '\\' and '/' stand for themselves */
            *o++ = run[1];
        }
    }
    lua_pushlstring(d->L, out, (size_t)(o - out));
    if (boxed)
        lua_remove(d->L, -2);
    d->p = e + 1;
    return 1;
}

/* d->p is just past the opening quote; pushes the string. Most strings
 * have no escapes and are pushed straight from the buffer, through the
 * string cache: object keys are the same from one response to the next,
 * and so are many short values (types, enums, the ids of what is polled).
 * Keys and values have a region each. */
static int dec_string(dec *d, int key)
{
    const char *s = dd_json_plain_run(d->p, d->end);
    if (s < d->end && *s == '"') {
        dd_strcache_push(d->L, d->sc, d->cache, key ? DD_SC_NAMES : DD_SC_VALUES,
                         d->p, (size_t)(s - d->p));
        d->p = s + 1;
        return 1;
    }
    return dec_string_escaped(d, s);
}

static int dec_number(dec *d)
{
    const char *s = d->p;
    int is_int = 1;
    char tmp[64];
    size_t n;
    if (s < d->end && *s == '-')
        s++;
    if (s >= d->end || !(*s >= '0' && *s <= '9'))
        return dec_fail(d, "bad number");
    if (*s == '0') {
        s++;
    } else {
        while (s < d->end && *s >= '0' && *s <= '9')
            s++;
    }
    if (s < d->end && *s == '.') {
        is_int = 0;
        s++;
        if (s >= d->end || !(*s >= '0' && *s <= '9'))
            return dec_fail(d, "bad number");
        while (s < d->end && *s >= '0' && *s <= '9')
            s++;
    }
    if (s < d->end && (*s == 'e' || *s == 'E')) {
        is_int = 0;
        s++;
        if (s < d->end && (*s == '+' || *s == '-'))
            s++;
        if (s >= d->end || !(*s >= '0' && *s <= '9'))
            return dec_fail(d, "bad number");
        while (s < d->end && *s >= '0' && *s <= '9')
            s++;
    }
    n = (size_t)(s - d->p);
    if (n >= sizeof tmp) {
        /* Very long literals: only as a float, via a heap copy. */
        char *big = malloc(n + 1);
        double v;
        if (!big)
            return dec_fail(d, "out of memory");
        memcpy(big, d->p, n);
        big[n] = '\0';
        v = strtod(big, NULL);
        free(big);
        lua_pushnumber(d->L, (lua_Number)v);
        d->p = s;
        return 1;
    }
    memcpy(tmp, d->p, n);
    tmp[n] = '\0';
    d->p = s;
#if DD_HAVE_INTEGERS
    if (is_int) {
        long long v;
        errno = 0;
        v = strtoll(tmp, NULL, 10);
        if (errno == 0) {
            lua_pushinteger(d->L, (lua_Integer)v);
            return 1;
        }
        /* beyond 64 bits: fall through to a float */
    }
#else
    (void)is_int;
#endif
    lua_pushnumber(d->L, (lua_Number)strtod(tmp, NULL));
    return 1;
}

static int dec_literal(dec *d, const char *lit, size_t n)
{
    if ((size_t)(d->end - d->p) < n || memcmp(d->p, lit, n) != 0)
        return dec_fail(d, "unexpected character");
    d->p += n;
    return 1;
}

/* Room for a container's table, a key and a value, each of which may need
 * a second slot while it is made (an escaped string's buffer, a cache
 * entry's copy); checked once per container, not once per value. */
#define DEC_ROOM 4

static int dec_array(dec *d)
{
    lua_Integer i = 0;
    if (!lua_checkstack(d->L, DEC_ROOM))
        return dec_fail(d, "nesting too deep");
    lua_createtable(d->L, 4, 0); /* sized for small lists: fewer rehashes */
    lua_pushvalue(d->L, d->array_mt);
    lua_setmetatable(d->L, -2);
    dec_ws(d);
    if (d->p < d->end && *d->p == ']') {
        d->p++;
        return 1;
    }
    for (;;) {
        if (!dec_value(d))
            return 0;
        lua_rawseti(d->L, -2, (int)++i);
        dec_ws(d);
        if (d->p < d->end && *d->p == ',') {
            d->p++;
            continue;
        }
        if (d->p < d->end && *d->p == ']') {
            d->p++;
            return 1;
        }
        return dec_fail(d, "expected ',' or ']'");
    }
}

static int dec_object(dec *d)
{
    if (!lua_checkstack(d->L, DEC_ROOM))
        return dec_fail(d, "nesting too deep");
    lua_createtable(d->L, 0, 4); /* API objects are small: fewer rehashes */
    dec_ws(d);
    if (d->p < d->end && *d->p == '}') {
        d->p++;
        return 1;
    }
    for (;;) {
        dec_ws(d);
        if (d->p >= d->end || *d->p != '"')
            return dec_fail(d, "expected a string key");
        d->p++;
        if (!dec_string(d, 1))
            return 0;
        dec_ws(d);
        if (d->p >= d->end || *d->p != ':')
            return dec_fail(d, "expected ':'");
        d->p++;
        if (!dec_value(d))
            return 0;
        lua_rawset(d->L, -3);
        dec_ws(d);
        if (d->p < d->end && *d->p == ',') {
            d->p++;
            continue;
        }
        if (d->p < d->end && *d->p == '}') {
            d->p++;
            return 1;
        }
        return dec_fail(d, "expected ',' or '}'");
    }
}

static int dec_value(dec *d)
{
    int ok;
    dec_ws(d);
    if (d->p >= d->end)
        return dec_fail(d, "unexpected end of input");
    if (++d->depth > DD_MAX_DEPTH)
        return dec_fail(d, "nesting too deep");
    switch (*d->p) {
    case '{': d->p++; ok = dec_object(d); break;
    case '[': d->p++; ok = dec_array(d); break;
    case '"': d->p++; ok = dec_string(d, 0); break;
    case 't':
        ok = dec_literal(d, "true", 4);
        if (ok)
            lua_pushboolean(d->L, 1);
        break;
    case 'f':
        ok = dec_literal(d, "false", 5);
        if (ok)
            lua_pushboolean(d->L, 0);
        break;
    case 'n':
        ok = dec_literal(d, "null", 4);
        if (ok)
            lua_pushlightuserdata(d->L, NULL);
        break;
    default:
        ok = dec_number(d);
    }
    d->depth--;
    return ok;
}

int dd_json_decode_cached(lua_State *L, const char *s, size_t len, char *err,
                          size_t errsz, dd_strcache *sc, int cache)
{
    dec d;
    int top = lua_gettop(L);
    err[0] = '\0';
    if (!lua_checkstack(L, DEC_ROOM)) { /* the metatable and a top-level value */
        snprintf(err, errsz, "out of stack space");
        return 0;
    }
    dd_rawgetp_registry(L, dd_key_array_mt);
    d.L = L;
    d.p = d.start = s;
    d.end = s + len;
    d.err = err;
    d.errsz = errsz;
    d.array_mt = lua_gettop(L);
    d.sc = sc;
    d.cache = cache;
    d.depth = 0;
    if (!dec_value(&d)) {
        lua_settop(L, top);
        return 0;
    }
    dec_ws(&d);
    if (d.p != d.end) {
        dec_fail(&d, "trailing characters");
        lua_settop(L, top);
        return 0;
    }
    lua_remove(L, d.array_mt);
    return 1;
}

int dd_json_decode(lua_State *L, const char *s, size_t len, char *err,
                   size_t errsz)
{
    dd_strcache *sc = dd_strcache_open(L);
    int cache = lua_gettop(L);
    if (!dd_json_decode_cached(L, s, len, err, errsz, sc, cache)) {
        lua_pop(L, 1);
        return 0;
    }
    lua_remove(L, cache);
    return 1;
}
