/*
 * response.c - from (status, header lines, body) to what a call returns:
 * the decoded body and a response object, or nil and an error object.
 *
 * The error object is a table with the metatable datadog.error: kind,
 * status, errors (Datadog's list), body (raw), headers, ratelimit,
 * operation, attempts, message; tostring gives one line. Messages are built
 * from statuses, Datadog's error strings and transport texts, never from
 * request headers, so they cannot carry keys.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dd.h"

static const char *reason(long status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return status >= 500 ? "Server Error" : "Error";
    }
}

/* ---------------------------------------------------------------- headers */

/* Pushes s[0..len) with the secrets in it masked; from the string cache
 * (sc, its table at cache) if there is nothing to mask and sc is not NULL. */
static void push_masked(lua_State *L, const dd_secrets *sec, const char *s,
                        size_t len, dd_strcache *sc, int cache)
{
    size_t n;
    if (!sec || sec->n == 0 || !dd_secrets_find(sec, s, s + len, &n)) {
        if (sc)
            dd_strcache_push(L, sc, cache, DD_SC_NAMES, s, len);
        else
            lua_pushlstring(L, s, len);
        return;
    }
    dd_secrets_push_masked(L, sec, s, len);
}

/* A header name holding a secret (a server that echoes the keys as header
 * names): pushed lower-cased with each secret masked, as found in the raw
 * name (lower-casing keeps every position). Returns -1: not from the cache. */
static int push_masked_name(lua_State *L, const dd_secrets *sec, const char *raw,
                            const char *lower, size_t nlen)
{
    const char *p = raw, *end = raw + nlen, *hit;
    size_t n;
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (; (hit = dd_secrets_find(sec, p, end, &n)) != NULL; p = hit + n) {
        luaL_addlstring(&b, lower + (p - raw), (size_t)(hit - p));
        luaL_addstring(&b, "****");
    }
    luaL_addlstring(&b, lower + (p - raw), (size_t)(end - p));
    luaL_pushresult(&b);
    return -1;
}

/* Pushes a table of the header lines, names lower-cased, repeated headers
 * joined with ", ", values with the secrets masked: a server or proxy that
 * echoes request headers back (some debugging endpoints do) must not hand
 * the keys to whoever logs err.headers. The table is sized from the number
 * of lines less the blank one that ends them (libcurl's status line is not
 * kept; one that a Lua transport passes only makes the size one too large),
 * so it is never rehashed while filled (it is built on every call: this is
 * on the hot path); names and values come through the string cache.
 * Returns whether there is an X-RateLimit-* header. */
static int push_headers(lua_State *L, const dd_buf *h, const dd_secrets *sec,
                        dd_strcache *sc, int cache)
{
    const char *p = h->data, *end = h->data + h->len, *q;
    char name[128];
    int lines = 0, ratelimit = 0, e;
    /* The cache entries of the names met so far: a name whose entry is not
     * among them is not in the table yet (equal names share an entry), so
     * only a repeated entry costs a lookup in the table. */
    uint64_t seen[DD_SC_SLOTS / 64] = {0};
    size_t slen;
    /* A secret that is nowhere in the block is in no value: one scan of
     * the block, instead of one per value (usually none is there) */
    if (sec && sec->n > 0 && p && !dd_secrets_find(sec, p, end, &slen))
        sec = NULL;
    for (q = p; q && q < end && (q = memchr(q, '\n', (size_t)(end - q))) != NULL; q++)
        lines++;
    lua_createtable(L, 0, lines > 1 ? lines - 1 : lines);
    if (!p)
        return 0;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        const char *line_end = eol ? eol : end, *colon, *v, *ve;
        size_t nlen, i;
        colon = memchr(p, ':', (size_t)(line_end - p));
        if (colon && (nlen = (size_t)(colon - p)) > 0 && nlen < sizeof name) {
            for (i = 0; i < nlen; i++) {
                unsigned char c = (unsigned char)p[i];
                name[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            }
            v = colon + 1;
            ve = line_end;
            while (v < ve && (*v == ' ' || *v == '\t'))
                v++;
            while (ve > v && (ve[-1] == '\r' || ve[-1] == ' ' || ve[-1] == '\t'))
                ve--;
            if (nlen > 12 && memcmp(name, "x-ratelimit-", 12) == 0)
                ratelimit = 1;
            if (sec && dd_secrets_find(sec, p, colon, &slen))
                e = push_masked_name(L, sec, p, name, nlen);
            else
                e = dd_strcache_push(L, sc, cache, DD_SC_NAMES, name, nlen);
            if (e >= 0 && !((seen[e >> 6] >> (e & 63)) & 1)) {
                /* not met yet, so not in the table */
                seen[e >> 6] |= (uint64_t)1 << (e & 63);
                push_masked(L, sec, v, (size_t)(ve - v), sc, cache);
            } else {
                lua_pushvalue(L, -1);
                lua_rawget(L, -3); /* returns void under LuaJIT */
                if (lua_type(L, -1) == LUA_TSTRING) { /* a repeated header */
                    lua_pushliteral(L, ", ");
                    push_masked(L, sec, v, (size_t)(ve - v), NULL, 0);
                    lua_concat(L, 3);
                } else {
                    lua_pop(L, 1);
                    push_masked(L, sec, v, (size_t)(ve - v), sc, cache);
                }
            }
            lua_rawset(L, -3);
        }
        p = eol ? eol + 1 : end;
    }
    return ratelimit;
}

/* The leading number of a header value, defensively: "7", " 7", "7, 7" all
 * give 7. Returns 0 when there is none, or when it is 2^53 or more, past
 * which a double no longer holds every integer; so callers convert it to an
 * integer without overflow ("9223372036854775807" and "1e999" are refused,
 * not wrapped). */
static int leading_number(const char *v, const char *end, double *out)
{
    char tmp[64], *stop;
    size_t n;
    double d;
    while (v < end && (*v == ' ' || *v == '\t'))
        v++;
    if (v >= end || *v < '0' || *v > '9')
        return 0;
    n = (size_t)(end - v) < sizeof tmp - 1 ? (size_t)(end - v) : sizeof tmp - 1;
    memcpy(tmp, v, n); /* strtod needs a terminated string */
    tmp[n] = '\0';
    d = strtod(tmp, &stop);
    if (stop == tmp || !(d >= 0 && d < 9007199254740992.0))
        return 0;
    *out = d;
    return 1;
}

const char *dd_header_value(const dd_buf *h, const char *name, size_t *len)
{
    size_t nlen = strlen(name);
    const char *p = h->data, *end = h->data + h->len;
    if (!p)
        return NULL;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        const char *le = eol ? eol : end;
        if ((size_t)(le - p) > nlen && p[nlen] == ':' && strncasecmp(p, name, nlen) == 0) {
            const char *v = p + nlen + 1;
            while (v < le && (*v == ' ' || *v == '\t'))
                v++;
            while (le > v && (le[-1] == '\r' || le[-1] == ' ' || le[-1] == '\t'))
                le--;
            *len = (size_t)(le - v);
            return v;
        }
        p = eol ? eol + 1 : end;
    }
    return NULL;
}

/* Reads a header's leading number from raw header lines (see
 * leading_number). Returns 0 when absent or not a number. */
int dd_header_number(const dd_buf *h, const char *name, double *out)
{
    size_t len;
    const char *v = dd_header_value(h, name, &len);
    return v ? leading_number(v, v + len, out) : 0;
}

/* Sets field to the leading number of the header name (lower-case) of the
 * headers table at headers, when there is one. */
static void set_header_int(lua_State *L, int headers, const char *name,
                           const char *field)
{
    size_t len;
    const char *v;
    double d;
    lua_getfield(L, headers, name);
    v = lua_tolstring(L, -1, &len);
    if (!v || !leading_number(v, v + len, &d)) {
        lua_pop(L, 1);
        return;
    }
    lua_pop(L, 1);
#if DD_HAVE_INTEGERS
    lua_pushinteger(L, (lua_Integer)d);
#else
    lua_pushnumber(L, (lua_Number)(long long)d);
#endif
    lua_setfield(L, -2, field);
}

/* Pushes {limit, period, remaining, reset, name} from the headers table at
 * headers; an empty table when there is no X-RateLimit-* header (any). */
static void push_ratelimit(lua_State *L, int headers, int any)
{
    if (!any) {
        lua_createtable(L, 0, 0);
        return;
    }
    lua_createtable(L, 0, 5);
    set_header_int(L, headers, "x-ratelimit-limit", "limit");
    set_header_int(L, headers, "x-ratelimit-period", "period");
    set_header_int(L, headers, "x-ratelimit-remaining", "remaining");
    set_header_int(L, headers, "x-ratelimit-reset", "reset");
    lua_getfield(L, headers, "x-ratelimit-name");
    lua_setfield(L, -2, "name");
}

/* ---------------------------------------------------------------- errors */

static int error_tostring(lua_State *L)
{
    lua_getfield(L, 1, "operation");
    lua_getfield(L, 1, "message");
    lua_pushfstring(L, "datadog: %s: %s",
                    lua_isstring(L, -2) ? lua_tostring(L, -2) : "?",
                    lua_isstring(L, -1) ? lua_tostring(L, -1) : "error");
    return 1;
}

void dd_error_open(lua_State *L)
{
    lua_pushlightuserdata(L, (void *)dd_key_error_mt);
    lua_newtable(L);
    lua_pushcfunction(L, error_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushliteral(L, "datadog.error");
    lua_setfield(L, -2, "__name");
    lua_rawset(L, LUA_REGISTRYINDEX);
}

void dd_error_push(lua_State *L, const dd_op *op, const char *kind, long status,
                   const char *message)
{
    lua_newtable(L);
    dd_rawgetp_registry(L, dd_key_error_mt);
    lua_setmetatable(L, -2);
    lua_pushstring(L, kind);
    lua_setfield(L, -2, "kind");
    if (status > 0) {
        lua_pushinteger(L, (lua_Integer)status);
        lua_setfield(L, -2, "status");
    }
    lua_pushstring(L, op ? op->id : "?");
    lua_setfield(L, -2, "operation");
    lua_pushstring(L, message);
    lua_setfield(L, -2, "message");
}

/* Adds "errors" (a list of strings) to the error at -1 from the decoded
 * body at index body (0: none, giving an empty list). */
static void set_errors(lua_State *L, int body)
{
    int n = 0, i, count;
    lua_newtable(L); /* errors */
    dd_rawgetp_registry(L, dd_key_array_mt);
    lua_setmetatable(L, -2);
    if (body && lua_type(L, body) == LUA_TTABLE) {
        lua_getfield(L, body, "errors");
        if (lua_type(L, -1) == LUA_TTABLE) {
            count = (int)dd_rawlen(L, -1);
            for (i = 1; i <= count; i++) {
                lua_rawgeti(L, -1, i);
                if (lua_type(L, -1) == LUA_TSTRING) {
                    lua_pushvalue(L, -1);
                    lua_rawseti(L, -4, ++n);
                }
                lua_pop(L, 1);
            }
        }
        lua_pop(L, 1);
    }
    lua_setfield(L, -2, "errors");
}

/* ---------------------------------------------------------------- results */

static int push_results(lua_State *L, const dd_op *op, dd_result *res,
                        const dd_secrets *sec);

/* Leaves exactly two values on the stack, whatever the path. */
int dd_response_push(lua_State *L, const dd_op *op, dd_result *res,
                     const dd_secrets *sec)
{
    int base = lua_gettop(L), top;
    push_results(L, op, res, sec);
    top = lua_gettop(L);
    if (top > base + 2) { /* copy the two results down over the extras */
        lua_pushvalue(L, top - 1);
        lua_replace(L, base + 1);
        lua_pushvalue(L, top);
        lua_replace(L, base + 2);
        lua_settop(L, base + 2);
    }
    return 2;
}

static int push_results(lua_State *L, const dd_op *op, dd_result *res,
                        const dd_secrets *sec)
{
    char derr[160];
    int headers, body = 0, decoded, ratelimit, cache;
    dd_strcache *sc;
    const char *data = res->body.data ? res->body.data : "";
    size_t len = res->body.len;

    if (res->kind) {
        dd_error_push(L, op, res->kind, res->status, res->message);
        lua_getfield(L, -1, "message");
        dd_secrets_mask(L, sec, -1);
        lua_setfield(L, -2, "message");
        lua_pushinteger(L, res->attempts);
        lua_setfield(L, -2, "attempts");
        lua_pushnil(L);
        lua_insert(L, -2);
        return 2;
    }
    if (res->body.failed || res->headers.failed) {
        dd_error_push(L, op, "network", res->status,
                      "out of memory reading the response");
        lua_pushnil(L);
        lua_insert(L, -2);
        return 2;
    }

    /* the string cache, for header lines and the body; left below the
     * results, which dd_response_push moves down over it */
    sc = dd_strcache_open(L);
    cache = lua_gettop(L);
    ratelimit = push_headers(L, &res->headers, sec, sc, cache);
    headers = lua_gettop(L);
    /* body: true for no body, else the decoded JSON. A success without a
     * body is a success only for an operation documented to give none
     * (204, or DD_OP_NO_BODY); for the others an empty 200 (or a 204, or
     * headers then a close) is a wrong answer, not `true`. */
    if ((res->status == 204 || len == 0) && res->status >= 200 && res->status < 300 &&
        op->success != 204 && !(op->flags & DD_OP_NO_BODY)) {
        snprintf(derr, sizeof derr, "no body, but %s answers with one", op->id);
        decoded = 0;
    } else if (res->status == 204 || len == 0) {
        lua_pushboolean(L, 1);
        decoded = 1;
    } else {
        decoded = dd_json_decode_cached(L, data, len, derr, sizeof derr, sc, cache);
    }
    if (decoded)
        body = lua_gettop(L);

    if (res->status >= 200 && res->status < 300) {
        if (!decoded) {
            char msg[256];
            snprintf(msg, sizeof msg, "invalid JSON in the response (HTTP %ld): %s",
                     res->status, derr);
            dd_error_push(L, op, "decode", res->status, msg);
        } else {
            lua_createtable(L, 0, 4); /* the response object */
            lua_pushinteger(L, (lua_Integer)res->status);
            lua_setfield(L, -2, "status");
            lua_pushvalue(L, headers);
            lua_setfield(L, -2, "headers");
            push_ratelimit(L, headers, ratelimit);
            lua_setfield(L, -2, "ratelimit");
            lua_pushinteger(L, res->attempts);
            lua_setfield(L, -2, "attempts");
            lua_remove(L, headers);
            return 2; /* body, response */
        }
    } else {
        /* An HTTP error: keep Datadog's errors list and say it in one line. */
        char msg[512];
        size_t n, k;
        int i, count;
        dd_error_push(L, op, "http", res->status, "");
        set_errors(L, body);
        n = (size_t)snprintf(msg, sizeof msg, "HTTP %ld %s", res->status,
                             reason(res->status));
        lua_getfield(L, -1, "errors");
        count = (int)dd_rawlen(L, -1);
        for (i = 1; i <= count && n < sizeof msg - 1; i++) {
            lua_rawgeti(L, -1, i);
            n += (size_t)snprintf(msg + n, sizeof msg - n, "%s%s",
                                  i == 1 ? ": " : "; ", lua_tostring(L, -1));
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        if (n >= sizeof msg)
            n = sizeof msg - 1;
        for (k = 0; k < n; k++) /* one line, whatever the server said */
            if (msg[k] == '\n' || msg[k] == '\r')
                msg[k] = ' ';
        lua_pushlstring(L, msg, n);
        if (n >= sizeof msg - 1) /* cut to fit: no piece of a secret at the cut */
            dd_secrets_mask_cut(L, sec, -1);
        else
            dd_secrets_mask(L, sec, -1);
        lua_setfield(L, -2, "message");
        lua_getfield(L, -1, "errors");
        for (i = 1; i <= count; i++) {
            lua_rawgeti(L, -1, i);
            dd_secrets_mask(L, sec, -1);
            lua_rawseti(L, -2, i);
        }
        lua_pop(L, 1);
    }
    /* the error is at -1: add status facts */
    lua_pushlstring(L, data, len);
    dd_secrets_mask_json(L, sec, -1); /* also "\u0061bcd" for "abcd" */
    lua_setfield(L, -2, "body");
    lua_pushvalue(L, headers);
    lua_setfield(L, -2, "headers");
    push_ratelimit(L, headers, ratelimit);
    lua_setfield(L, -2, "ratelimit");
    lua_pushinteger(L, res->attempts);
    lua_setfield(L, -2, "attempts");
    lua_pushnil(L);
    lua_insert(L, -2);
    return 2;
}
