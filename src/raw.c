/*
 * raw.c - dd:request(method, path [, opts]): an endpoint the operation table
 * does not have yet, with everything else a call has (the keys, retries,
 * timeouts, masking, decoding, error objects): the request is built here and
 * run by the same engine and drivers as any operation.
 *
 *   dd:request("GET", "/api/v2/incidents/{incident_id}/todos",
 *              { params = { incident_id = id }, query = { ["page[size]"] = 10 } })
 *
 * The path is the caller's text, so it is checked before anything is sent:
 * it starts with "/", has no query or fragment, no control or space bytes,
 * no empty, "." or ".." segment (not even percent-encoded), and percent
 * signs only in valid escapes. A {name} segment takes params[name],
 * encoded whole like every path parameter (request.c): a value can never
 * leave its segment. The request carries a synthetic operation row whose id
 * is "METHOD path", which is what error objects and log lines name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dd.h"

#define WHO "request"


/* RFC 3986 pchar, less '%' (checked apart) and with '{' '}' for names. */
static int path_byte_ok(unsigned char c)
{
    return dd_unreserved(c) || strchr("!$&'()*+,;=:@/{}", c) != NULL;
}

/* A segment that is ".", "..", or those percent-encoded (%2E, %2e). */
static int dot_segment(const char *s, size_t n)
{
    size_t dots = 0, i = 0;
    while (i < n) {
        if (s[i] == '.') {
            i++;
        } else if (i + 2 < n && s[i] == '%' && s[i + 1] == '2' &&
                   (s[i + 2] == 'E' || s[i + 2] == 'e')) {
            i += 3;
        } else {
            return 0;
        }
        dots++;
    }
    return dots == 1 || dots == 2;
}

/* Checks the path template; raises naming what is wrong. */
static void check_path(lua_State *L, const char *p, size_t len)
{
    size_t i, seg = 1;
    char shown[DD_SHOWN];
    dd_shown(shown, sizeof shown, p, len, 60);
    if (len == 0 || p[0] != '/')
        luaL_error(L, "datadog: " WHO ": path must start with / (got '%s')", shown);
    if (len > 2048)
        luaL_error(L, "datadog: " WHO ": path is too long (%d bytes; at most 2048)", (int)len);
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == '?' || c == '#')
            luaL_error(L, "datadog: " WHO ": path must not hold a query or fragment ('%c' "
                          "in '%s'): pass query parameters as opts.query",
                       c, shown);
        if (c == '%') {
            if (i + 2 >= len || dd_hexval(p[i + 1]) < 0 || dd_hexval(p[i + 2]) < 0)
                luaL_error(L, "datadog: " WHO ": path has a '%%' that is not a "
                              "percent-escape in '%s'",
                           shown);
            continue;
        }
        if (!path_byte_ok(c)) {
            char hex[8]; /* lua_pushfstring has no %02X */
            snprintf(hex, sizeof hex, "0x%02X", (unsigned)c);
            luaL_error(L, "datadog: " WHO ": path holds a byte that must be "
                          "percent-encoded (%s) in '%s'",
                       hex, shown);
        }
        if (c == '/' && i > 0) {
            if (i == seg || dot_segment(p + seg, i - seg))
                luaL_error(L, "datadog: " WHO ": path has an empty, '.' or '..' "
                              "segment in '%s'",
                           shown);
            seg = i + 1;
        }
    }
    if (seg < len && dot_segment(p + seg, len - seg))
        luaL_error(L, "datadog: " WHO ": path has an empty, '.' or '..' segment in '%s'",
                   shown);
}

/* The path with each {name} segment replaced by params[name] (table at
 * params, or none), into url. Every param must be used. */
static void add_path(lua_State *L, const char *p, size_t len, int params, dd_buf *url)
{
    size_t i = 0;
    int used = 0;
    while (i < len) {
        const char *open = memchr(p + i, '{', len - i), *close;
        char name[64];
        size_t nlen;
        if (!open) {
            dd_buf_add(url, p + i, len - i);
            break;
        }
        close = memchr(open, '}', (size_t)(p + len - open));
        nlen = close ? (size_t)(close - open - 1) : 0;
        if (!close || open[-1] != '/' || (close + 1 < p + len && close[1] != '/') ||
            nlen == 0 || nlen >= sizeof name || memchr(open + 1, '{', nlen))
            luaL_error(L, "datadog: " WHO ": a {name} in the path must be a whole "
                          "segment of letters, digits and _");
        memcpy(name, open + 1, nlen);
        name[nlen] = '\0';
        if (strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != nlen)
            luaL_error(L, "datadog: " WHO ": a {name} in the path must be a whole "
                          "segment of letters, digits and _");
        dd_buf_add(url, p + i, (size_t)(open - (p + i)));
        if (!params)
            luaL_error(L, "datadog: " WHO ": path parameter %s is not in opts.params", name);
        lua_getfield(L, params, name);
        if (lua_isnil(L, -1))
            luaL_error(L, "datadog: " WHO ": path parameter %s is not in opts.params", name);
        dd_add_path_value(L, WHO, name, lua_gettop(L), url);
        lua_pop(L, 1);
        used++;
        i = (size_t)(close + 1 - p);
    }
    if (params) { /* a param the path does not name is a typo */
        int n = 0;
        lua_pushnil(L);
        while (lua_next(L, params)) {
            lua_pop(L, 1);
            n++;
        }
        if (n != used)
            luaL_error(L, "datadog: " WHO ": opts.params has %d value%s the path does not "
                          "name (it names %d)",
                       n - used, n - used == 1 ? "" : "s", used);
    }
}

/* One query value: a string, a number, a boolean, or a list of strings
 * (joined with ","), percent-encoded. */
static void add_query_value(lua_State *L, const char *key, int idx, dd_buf *url)
{
    size_t len;
    const char *s;
    switch (lua_type(L, idx)) {
    case LUA_TBOOLEAN:
        dd_buf_adds(url, lua_toboolean(L, idx) ? "true" : "false");
        return;
    case LUA_TNUMBER: {
        lua_Number v = lua_tonumber(L, idx);
        if (v != v || v - v != 0)
            luaL_error(L, "datadog: " WHO ": query %s must be a finite number", key);
        lua_pushvalue(L, idx);
        s = lua_tolstring(L, -1, &len); /* integers stay integers */
        dd_percent_encode(url, s, len);
        lua_pop(L, 1);
        return;
    }
    case LUA_TSTRING:
        s = lua_tolstring(L, idx, &len);
        dd_percent_encode(url, s, len);
        return;
    case LUA_TTABLE: {
        int i, n = (int)dd_rawlen(L, idx);
        for (i = 1; i <= n; i++) {
            lua_rawgeti(L, idx, i);
            if (lua_type(L, -1) != LUA_TSTRING)
                luaL_error(L, "datadog: " WHO ": query %s[%d] must be a string", key, i);
            if (i > 1)
                dd_buf_add(url, ",", 1);
            s = lua_tolstring(L, -1, &len);
            dd_percent_encode(url, s, len);
            lua_pop(L, 1);
        }
        return;
    }
    default:
        luaL_error(L, "datadog: " WHO ": query %s must be a string, number, boolean or "
                      "list of strings (got %s)",
                   key, luaL_typename(L, idx));
    }
}

static int compare_keys(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The query table at idx, keys sorted: the same bytes every time. */
static void add_query(lua_State *L, int idx, dd_buf *url)
{
    const char *keys[64];
    int n = 0, i;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING)
            luaL_error(L, "datadog: " WHO ": opts.query keys must be strings");
        if (n == 64)
            luaL_error(L, "datadog: " WHO ": opts.query has more than 64 keys");
        keys[n++] = lua_tostring(L, -1); /* held by the table */
    }
    qsort(keys, (size_t)n, sizeof keys[0], compare_keys);
    for (i = 0; i < n; i++) {
        dd_buf_add(url, i ? "&" : "?", 1);
        dd_percent_encode(url, keys[i], strlen(keys[i]));
        dd_buf_add(url, "=", 1);
        lua_getfield(L, idx, keys[i]);
        add_query_value(L, keys[i], lua_gettop(L), url);
        lua_pop(L, 1);
    }
}

/* An optional table field of opts (at idx), pushed; its index, or 0. */
static int opt_table(lua_State *L, int opts, const char *name)
{
    if (!opts)
        return 0;
    lua_getfield(L, opts, name);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return 0;
    }
    if (lua_type(L, -1) != LUA_TTABLE)
        luaL_error(L, "datadog: " WHO ": opts.%s must be a table (got %s)", name,
                   luaL_typename(L, -1));
    return lua_gettop(L);
}

void dd_request_build_raw(lua_State *L, dd_client *c, int argi, dd_request *r)
{
    size_t mlen, plen, i;
    const char *m = luaL_checklstring(L, argi, &mlen);
    const char *path = luaL_checklstring(L, argi + 1, &plen);
    int opts = 0, params, query;
    /* a static name: the synthetic row outlives the caller's string */
    const char *http = strlen(m) == mlen ? dd_method_name(m) : NULL;
    dd_op *op = &r->raw_op;
    if (!http) {
        char shown[DD_SHOWN];
        luaL_error(L, "datadog: " WHO ": method must be GET, POST, PUT, PATCH or DELETE "
                      "(got '%s')",
                   dd_shown(shown, sizeof shown, m, mlen, 60));
    }
    if (strlen(path) != plen)
        luaL_error(L, "datadog: " WHO ": path holds a NUL byte");
    check_path(L, path, plen);
    if (!lua_isnoneornil(L, argi + 2)) {
        luaL_checktype(L, argi + 2, LUA_TTABLE);
        opts = argi + 2;
        lua_pushnil(L);
        while (lua_next(L, opts)) { /* a misspelt option would be ignored */
            const char *key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
            lua_pop(L, 1);
            if (strcmp(key, "params") && strcmp(key, "query") && strcmp(key, "body") &&
                strcmp(key, "secrets")) {
                char shown[DD_SHOWN];
                luaL_error(L, "datadog: " WHO ": unknown option '%s' (params, query, "
                              "body, secrets)",
                           dd_shown(shown, sizeof shown, key, strlen(key), 60));
            }
        }
    }
    /* the synthetic row: "METHOD path" names the call, then the path */
    dd_buf_reset(&r->raw_text);
    dd_buf_adds(&r->raw_text, http);
    dd_buf_add(&r->raw_text, " ", 1);
    dd_buf_add(&r->raw_text, path, plen);
    if (r->raw_text.failed)
        luaL_error(L, "datadog: " WHO ": out of memory");
    memset(op, 0, sizeof *op);
    op->id = op->method = r->raw_text.data;
    op->http = http;
    op->path = r->raw_text.data + strlen(http) + 1;
    op->summary = "";
    /* DELETE sends Accept: star/star, as the table's DELETE operations do */
    op->flags = strcmp(http, "DELETE") == 0 ? DD_OP_ACCEPT_ANY : 0;
    r->op = op;
    r->has_body = 0;
    r->gzipped = 0;
    dd_request_key_secrets(c, r);
    dd_buf_reset(&r->url);
    dd_buf_reset(&r->body);
    dd_buf_adds(&r->url, c->base_url);
    params = opt_table(L, opts, "params");
    add_path(L, path, plen, params, &r->url);
    query = opt_table(L, opts, "query");
    if (query)
        add_query(L, query, &r->url);
    if (opts) {
        int secrets = opt_table(L, opts, "secrets");
        for (i = 1; secrets && i <= dd_rawlen(L, secrets); i++) {
            size_t len;
            const char *s;
            lua_rawgeti(L, secrets, (int)i);
            if (lua_type(L, -1) != LUA_TSTRING)
                luaL_error(L, "datadog: " WHO ": opts.secrets[%d] must be a string", (int)i);
            s = lua_tolstring(L, -1, &len);
            dd_secrets_add(&r->secrets, s, len);
            lua_pop(L, 1);
        }
        lua_getfield(L, opts, "body");
        if (!lua_isnil(L, -1)) {
            dd_enc_err err;
            if (strcmp(http, "GET") == 0)
                luaL_error(L, "datadog: " WHO ": a GET takes no body");
            r->has_body = 1;
            if (lua_type(L, -1) == LUA_TSTRING) { /* raw JSON, sent as given */
                size_t blen;
                const char *b = lua_tolstring(L, -1, &blen);
                char derr[160];
                if (!dd_json_decode(L, b, blen, derr, sizeof derr))
                    luaL_error(L, "datadog: " WHO ": body: a string body is sent as raw "
                                  "JSON, and this is not JSON: %s",
                               derr);
                lua_pop(L, 1);
                dd_buf_add(&r->body, b, blen);
            } else if (!dd_json_encode(L, lua_gettop(L), NULL, 0, &r->body, &err, NULL)) {
                luaL_error(L, "datadog: " WHO ": %s: %s", err.path, err.msg);
            }
        }
        lua_pop(L, 1);
    }
    if (r->url.failed || r->body.failed)
        luaL_error(L, "datadog: " WHO ": out of memory building the request");
    if (c->gzip_min > 0 && r->body.len >= (size_t)c->gzip_min)
        dd_request_gzip(r);
}
