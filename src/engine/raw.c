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
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

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

/* An escape a server may decode before it splits the path or resolves its
 * dot segments (nginx decodes %2F first): "..%2F..%2Fv1" would leave the
 * segment it stands in. '/' and '\' split paths; '?' and '#' end them; NUL
 * cuts them. */
static int separator_escape(const char *p)
{
    int c = dd_hexval(p[1]) * 16 + dd_hexval(p[2]);
    return c == '/' || c == '\\' || c == '?' || c == '#' || c == 0;
}

/* Raises naming the segment of p[0..len) that holds position i. */
static void bad_segment(lua_State *L, const dd_client *c, const char *p, size_t len,
                        size_t i, const char *why)
{
    size_t a = i, b = i;
    char seg[DD_SHOWN];
    while (a > 0 && p[a - 1] != '/')
        a--;
    while (b < len && p[b] != '/')
        b++;
    dd_shown(seg, sizeof seg, p + a, b - a, 60);
    dd_misuse(L, c, WHO, "path", "path segment '%s' %s", seg, why);
}

/* Checks the path template; raises naming what is wrong. */
static void check_path(lua_State *L, const dd_client *c, const char *p, size_t len)
{
    size_t i, seg = 1;
    char shown[DD_SHOWN];
    dd_shown(shown, sizeof shown, p, len, 60);
    if (len == 0 || p[0] != '/')
        dd_misuse(L, c, WHO, "path", "path must start with / (got '%s')", shown);
    if (len > 2048)
        dd_misuse(L, c, WHO, "path", "path is too long (%d bytes; at most 2048)", (int)len);
    for (i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)p[i];
        if (ch == '?' || ch == '#')
            dd_misuse(L, c, WHO, "path", "path must not hold a query or fragment "
                                         "('%c' in '%s'): pass query parameters as "
                                         "opts.query",
                      ch, shown);
        if (ch == '%') {
            if (i + 2 >= len || dd_hexval(p[i + 1]) < 0 || dd_hexval(p[i + 2]) < 0)
                dd_misuse(L, c, WHO, "path", "path has a '%%' that is not a "
                                             "percent-escape in '%s'",
                          shown);
            if (separator_escape(p + i))
                bad_segment(L, c, p, len, i, "holds an encoded separator (%2F, "
                            "%5C, %3F, %23 or %00): a server that decodes it "
                            "would read other segments");
            continue;
        }
        if (!path_byte_ok(ch)) {
            char hex[8]; /* lua_pushfstring has no %02X */
            snprintf(hex, sizeof hex, "0x%02X", (unsigned)ch);
            dd_misuse(L, c, WHO, "path", "path holds a byte that must be "
                                         "percent-encoded (%s) in '%s'",
                      hex, shown);
        }
        if (ch == '/' && i > 0) {
            if (i == seg || dot_segment(p + seg, i - seg))
                dd_misuse(L, c, WHO, "path", "path has an empty, '.' or '..' "
                                             "segment in '%s'",
                          shown);
            seg = i + 1;
        }
    }
    if (seg < len && dot_segment(p + seg, len - seg))
        dd_misuse(L, c, WHO, "path", "path has an empty, '.' or '..' segment in '%s'",
                  shown);
}

/* The path with each {name} segment replaced by params[name] (table at
 * params, or none), into url. Every param must be used. */
static void add_path(lua_State *L, const dd_client *c, const char *p, size_t len,
                     int params, dd_buf *url)
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
            dd_misuse(L, c, WHO, "path", "a {name} in the path must be a whole "
                          "segment of letters, digits and _");
        memcpy(name, open + 1, nlen);
        name[nlen] = '\0';
        if (strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != nlen)
            dd_misuse(L, c, WHO, "path", "a {name} in the path must be a whole "
                          "segment of letters, digits and _");
        dd_buf_add(url, p + i, (size_t)(open - (p + i)));
        if (!params)
            dd_misuse(L, c, WHO, name, "path parameter %s is not in opts.params", name);
        lua_pushstring(L, name); /* raw, as the count below: params is data */
        lua_rawget(L, params);
        if (lua_isnil(L, -1))
            dd_misuse(L, c, WHO, name, "path parameter %s is not in opts.params", name);
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
            dd_misuse(L, c, WHO, "params", "opts.params has %d value%s the path does not "
                          "name (it names %d)",
                       n - used, n - used == 1 ? "" : "s", used);
    }
}

/* A number as query text, exact on every Lua: an integer in full (LuaJIT's
 * tostring would send 1.2345678901235e+14), any other the shortest text that
 * reads back as the same double. */
static void add_number(lua_State *L, int idx, dd_buf *url)
{
    lua_Number v = lua_tonumber(L, idx);
    char text[48];
    int prec;
#if DD_HAVE_INTEGERS
    if (lua_isinteger(L, idx)) {
        dd_buf_printf(url, "%lld", (long long)lua_tointeger(L, idx));
        return;
    }
#endif
    if (v == floor(v) && fabs(v) < 1e21) {
        dd_buf_printf(url, "%.0f", (double)v);
        return;
    }
    for (prec = 15; prec < 17; prec++) {
        snprintf(text, sizeof text, "%.*g", prec, (double)v);
        if (strtod(text, NULL) == (double)v)
            break;
    }
    snprintf(text, sizeof text, "%.*g", prec, (double)v);
    dd_percent_encode(url, text, strlen(text)); /* "1e-07": nothing to encode,
                                                   "-" and "." are unreserved */
}

/* One query value: a string, a number, a boolean, or a list of strings
 * (joined with ","), percent-encoded whole: any byte, NUL included. */
static void add_query_value(lua_State *L, const dd_client *c, const char *field,
                            int idx, dd_buf *url)
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
            dd_misuse(L, c, WHO, field, "%s must be a finite number", field);
        add_number(L, idx, url);
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
                dd_misuse(L, c, WHO, field, "%s[%d] must be a string", field, i);
            if (i > 1)
                dd_buf_add(url, ",", 1);
            s = lua_tolstring(L, -1, &len);
            dd_percent_encode(url, s, len);
            lua_pop(L, 1);
        }
        return;
    }
    default:
        dd_misuse(L, c, WHO, field, "%s must be a string, number, boolean or "
                                    "list of strings (got %s)",
                  field, luaL_typename(L, idx));
    }
}

typedef struct qkey {
    const char *s; /* held by the query table, which is on the stack */
    size_t len;
} qkey;

/* Byte order, then length: keys with a NUL sort like any other. */
static int compare_keys(const void *a, const void *b)
{
    const qkey *x = a, *y = b;
    int d = memcmp(x->s, y->s, x->len < y->len ? x->len : y->len);
    return d ? d : (x->len > y->len) - (x->len < y->len);
}

/* The query table at idx, keys sorted: the same bytes every time. Keys and
 * values are read raw, so the table's metamethods never run here. */
static void add_query(lua_State *L, const dd_client *c, int idx, dd_buf *url)
{
    qkey keys[64];
    int n = 0, i;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING)
            dd_misuse(L, c, WHO, "query", "opts.query keys must be strings");
        if (n == 64)
            dd_misuse(L, c, WHO, "query", "opts.query has more than 64 keys");
        keys[n].s = lua_tolstring(L, -1, &keys[n].len);
        n++;
    }
    qsort(keys, (size_t)n, sizeof keys[0], compare_keys);
    for (i = 0; i < n; i++) {
        char shown[DD_SHOWN];
        const char *field;
        dd_buf_add(url, i ? "&" : "?", 1);
        dd_percent_encode(url, keys[i].s, keys[i].len);
        dd_buf_add(url, "=", 1);
        field = lua_pushfstring(L, "query %s",
                                dd_shown(shown, sizeof shown, keys[i].s, keys[i].len, 60));
        lua_pushlstring(L, keys[i].s, keys[i].len);
        lua_rawget(L, idx);
        add_query_value(L, c, field, lua_gettop(L), url);
        dd_check_url_length(L, c, WHO, field, url);
        lua_pop(L, 2);
    }
}

/* An optional table field of opts (at idx), pushed; its index, or 0. */
static int opt_table(lua_State *L, const dd_client *c, int opts, const char *name)
{
    if (!opts)
        return 0;
    lua_getfield(L, opts, name);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return 0;
    }
    if (lua_type(L, -1) != LUA_TTABLE)
        dd_misuse(L, c, WHO, name, "opts.%s must be a table (got %s)", name,
                   luaL_typename(L, -1));
    return lua_gettop(L);
}

void dd_request_build_raw(lua_State *L, dd_client *c, int argi, dd_request *r)
{
    size_t mlen, plen, i;
    const char *m, *path, *http;
    int opts = 0, params, query;
    dd_op *op = &r->raw_op;
    if (lua_type(L, argi) != LUA_TSTRING)
        dd_misuse(L, c, WHO, "method", "method must be a string (got %s)",
                  luaL_typename(L, argi));
    if (lua_type(L, argi + 1) != LUA_TSTRING)
        dd_misuse(L, c, WHO, "path", "path must be a string (got %s)",
                  luaL_typename(L, argi + 1));
    m = lua_tolstring(L, argi, &mlen);
    path = lua_tolstring(L, argi + 1, &plen);
    /* a static name: the synthetic row outlives the caller's string */
    http = strlen(m) == mlen ? dd_method_name(m) : NULL;
    if (!http) {
        char shown[DD_SHOWN];
        dd_misuse(L, c, WHO, "method", "method must be GET, POST, PUT, PATCH or DELETE "
                      "(got '%s')",
                   dd_shown(shown, sizeof shown, m, mlen, 60));
    }
    if (strlen(path) != plen)
        dd_misuse(L, c, WHO, "path", "path holds a NUL byte");
    check_path(L, c, path, plen);
    if (!lua_isnoneornil(L, argi + 2)) {
        if (lua_type(L, argi + 2) != LUA_TTABLE)
            dd_misuse(L, c, WHO, "opts", "opts must be a table (got %s)",
                      luaL_typename(L, argi + 2));
        opts = argi + 2;
        lua_pushnil(L);
        while (lua_next(L, opts)) { /* a misspelt option would be ignored */
            const char *key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
            lua_pop(L, 1);
            /* (the call's own options beside them: checked where every
             * call's are, config.c's dd_call_options) */
            if (strcmp(key, "params") && strcmp(key, "query") && strcmp(key, "body") &&
                strcmp(key, "secrets") && strcmp(key, "headers") && strcmp(key, "timeout") &&
                strcmp(key, "connect_timeout") && strcmp(key, "retry") &&
                strcmp(key, "deadline")) {
                char shown[DD_SHOWN];
                dd_misuse(L, c, WHO, "opts", "unknown option '%s' (params, query, "
                              "body, secrets; and a call's headers, timeout, "
                              "connect_timeout, retry, deadline)",
                           dd_shown(shown, sizeof shown, key, strlen(key), 60));
            }
        }
    }
    /* the synthetic row: "METHOD path" names the call, then the path; it
     * is shown in errors and logs, so a key in the path reads "****" */
    dd_request_key_secrets(c, r);
    dd_buf_reset(&r->raw_text);
    dd_buf_adds(&r->raw_text, http);
    dd_buf_add(&r->raw_text, " ", 1);
    dd_secrets_push_masked(L, &r->secrets, path, plen);
    {
        size_t n;
        const char *masked = lua_tolstring(L, -1, &n);
        dd_buf_add(&r->raw_text, masked, n);
        lua_pop(L, 1);
    }
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
    dd_buf_reset(&r->url);
    dd_buf_reset(&r->body);
    dd_buf_adds(&r->url, c->base_url);
    params = opt_table(L, c, opts, "params");
    add_path(L, c, path, plen, params, &r->url);
    dd_check_url_length(L, c, WHO, NULL, &r->url);
    query = opt_table(L, c, opts, "query");
    if (query)
        add_query(L, c, query, &r->url);
    if (opts) {
        int secrets = opt_table(L, c, opts, "secrets");
        for (i = 1; secrets && i <= dd_rawlen(L, secrets); i++) {
            size_t len;
            const char *s;
            lua_rawgeti(L, secrets, (int)i);
            if (lua_type(L, -1) != LUA_TSTRING)
                dd_misuse(L, c, WHO, "secrets", "opts.secrets[%d] must be a string", (int)i);
            s = lua_tolstring(L, -1, &len);
            dd_secrets_add(&r->secrets, s, len);
            lua_pop(L, 1);
        }
        lua_getfield(L, opts, "body");
        if (!lua_isnil(L, -1)) {
            dd_enc_err err;
            if (strcmp(http, "GET") == 0)
                dd_misuse(L, c, WHO, "body", "a GET takes no body");
            r->has_body = 1;
            if (lua_type(L, -1) == LUA_TSTRING) { /* raw JSON, sent as given */
                size_t blen;
                const char *b = lua_tolstring(L, -1, &blen);
                char derr[160];
                if (!dd_json_decode(L, b, blen, derr, sizeof derr))
                    dd_misuse(L, c, WHO, "body", "body: a string body is sent as raw "
                                  "JSON, and this is not JSON: %s",
                               derr);
                lua_pop(L, 1);
                dd_buf_add(&r->body, b, blen);
            } else if (!dd_json_encode(L, lua_gettop(L), NULL, 0, &r->body, &err, NULL)) {
                dd_misuse(L, c, WHO, err.path, "%s: %s", err.path, err.msg);
            }
        }
        lua_pop(L, 1);
    }
    if (r->url.failed || r->body.failed)
        luaL_error(L, "datadog: " WHO ": out of memory building the request");
    if (c->gzip_min > 0 && r->body.len >= (size_t)c->gzip_min)
        dd_request_gzip(r);
}
