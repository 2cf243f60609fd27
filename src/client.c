/*
 * client.c - the client userdata and the one engine behind all operations.
 *
 * A client is made closed (everything NULL), then filled from a resolved
 * configuration table (the Lua layer reads the environment and sites), so
 * that a failure half-way leaves something __gc can release. close, __gc
 * and __close share dd_client_release, which is idempotent and wipes keys.
 *
 * Every operation method is the same C function with the operation as an
 * upvalue; dd:call finds the operation by name. Both end in engine():
 * beta gate, build (raises on misuse, before any I/O), send, interpret.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>

#include "dd.h"

#define CLIENT_NAME "datadog.client"

static dd_client *check_client(lua_State *L, int idx)
{
    dd_client *c;
    dd_rawgetp_registry(L, dd_key_client_mt);
    c = lua_touserdata(L, idx);
    if (!c || !lua_getmetatable(L, idx) || !lua_rawequal(L, -1, -2))
        luaL_error(L, "datadog: expected a client as self (use dd:method(...), "
                      "not dd.method(...))");
    lua_pop(L, 2);
    return c;
}

dd_client *dd_check_open(lua_State *L, int idx)
{
    dd_client *c = check_client(L, idx);
    if (!c->open)
        luaL_error(L, "datadog: client is closed");
    return c;
}

static void wipe_free(char *s)
{
    if (s) {
        volatile char *p = s;
        while (*p)
            *p++ = '\0';
        free(s);
    }
}

static void client_release(lua_State *L, dd_client *c)
{
    dd_curl_close(c);
    if (c->req) {
        dd_request_free(c->req);
        free(c->req);
        c->req = NULL;
    }
    if (c->res) {
        dd_buf_free(&c->res->headers);
        dd_buf_free(&c->res->body);
        free(c->res);
        c->res = NULL;
    }
    wipe_free(c->api_key);
    wipe_free(c->app_key);
    c->api_key = c->app_key = NULL;
    free(c->base_url);
    free(c->site);
    free(c->ca_file);
    free(c->ca_path);
    wipe_free(c->proxy); /* a proxy URL may hold credentials */
    free(c->noproxy);
    c->ca_file = c->ca_path = c->proxy = c->noproxy = NULL;
    free(c->user_agent);
    c->base_url = c->site = c->user_agent = NULL;
    if (c->transport_ref != LUA_NOREF) {
        luaL_unref(L, LUA_REGISTRYINDEX, c->transport_ref);
        c->transport_ref = LUA_NOREF;
    }
    if (c->debug_ref != LUA_NOREF) {
        luaL_unref(L, LUA_REGISTRYINDEX, c->debug_ref);
        c->debug_ref = LUA_NOREF;
    }
    c->open = 0;
}

/* ---------------------------------------------------------------- new */

static char *dup_string(lua_State *L, const char *s)
{
    char *d = malloc(strlen(s) + 1);
    if (!d)
        luaL_error(L, "datadog: out of memory");
    strcpy(d, s);
    return d;
}

/* A caller's name (an operation, a key, a method) as it may appear in a
 * message: at most 60 bytes, control characters shown as '?', so that a
 * message stays one line whatever the caller passed. */
static const char *shown(const char *s, char out[72])
{
    size_t i;
    for (i = 0; s[i] && i < 60; i++)
        out[i] = ((unsigned char)s[i] < 0x20 || s[i] == 0x7f) ? '?' : s[i];
    if (s[i])
        out[i++] = '.', out[i++] = '.', out[i++] = '.';
    out[i] = '\0';
    return out;
}

/* An optional string option, copied; NULL when absent. */
static char *opt_string(lua_State *L, int cfg, const char *name)
{
    char *v = NULL;
    lua_getfield(L, cfg, name);
    if (lua_type(L, -1) == LUA_TSTRING)
        v = dup_string(L, lua_tostring(L, -1));
    else if (!lua_isnil(L, -1))
        luaL_error(L, "datadog: %s must be a string (got %s)", name,
                   luaL_typename(L, -1));
    lua_pop(L, 1);
    return v;
}

/* The first of two environment variables that is set and not empty,
 * copied; NULL when neither is. */
static char *env_string(lua_State *L, const char *name, const char *alt)
{
    const char *v = getenv(name);
    if ((!v || !*v) && alt)
        v = getenv(alt);
    return v && *v ? dup_string(L, v) : NULL;
}

/* The proxy, read once here. libcurl reads the same variables by itself,
 * but on every transfer (six getenv calls, each a walk through the whole
 * environment); the client gives it both options instead, "" meaning none,
 * so that it never does. The rules are libcurl's: no_proxy (or NO_PROXY)
 * applies to the proxy option too; then https_proxy or HTTPS_PROXY for
 * https://, only the lower-case http_proxy for http:// (an upper-case
 * HTTP_PROXY can be set by a CGI request header: "httpoxy"); then all_proxy
 * or ALL_PROXY. */
static void set_proxy(lua_State *L, dd_client *c, int cfg)
{
    c->proxy = opt_string(L, cfg, "proxy");
    c->noproxy = env_string(L, "no_proxy", "NO_PROXY");
    if (!c->proxy)
        c->proxy = strncmp(c->base_url, "https:", 6) == 0
                       ? env_string(L, "https_proxy", "HTTPS_PROXY")
                       : env_string(L, "http_proxy", NULL);
    if (!c->proxy)
        c->proxy = env_string(L, "all_proxy", "ALL_PROXY");
}

/* An optional number option in [lo, hi]; prefix ("retry." or "") names the
 * table it is in, for the message. */
static double opt_number_in(lua_State *L, int cfg, const char *prefix,
                            const char *name, double dflt, double lo, double hi)
{
    double v;
    lua_getfield(L, cfg, name);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return dflt;
    }
    if (lua_type(L, -1) != LUA_TNUMBER)
        luaL_error(L, "datadog: %s%s must be a number (got %s)", prefix, name,
                   luaL_typename(L, -1));
    v = (double)lua_tonumber(L, -1);
    lua_pop(L, 1);
    if (!(v >= lo && v <= hi)) {
        char range[64]; /* lua_pushfstring has no %g */
        snprintf(range, sizeof range, "between %g and %g", lo, hi);
        luaL_error(L, "datadog: %s%s must be %s", prefix, name, range);
    }
    return v;
}

/* An optional number option of the configuration table itself. */
static double opt_number(lua_State *L, int cfg, const char *name, double dflt,
                         double lo, double hi)
{
    return opt_number_in(L, cfg, "", name, dflt, lo, hi);
}

unsigned dd_method_bit(const char *m)
{
    static const char *const names[] = {"GET", "POST", "PUT", "PATCH", "DELETE"};
    unsigned i;
    for (i = 0; i < 5; i++)
        if (strcmp(m, names[i]) == 0)
            return 1u << i;
    return 0;
}

/* retry = false | { max =, base =, multiplier =, max_wait =, methods = {...} } */
static void set_retry(lua_State *L, dd_client *c, int cfg)
{
    int t;
    double max;
    c->retry_max = 3;
    c->retry_base = 2;
    c->retry_mult = 2;
    c->retry_max_wait = 60;
    c->retry_methods = DD_M_GET | DD_M_PUT | DD_M_DELETE;
    lua_getfield(L, cfg, "retry");
    t = lua_gettop(L);
    if (lua_isnil(L, t) || (lua_type(L, t) == LUA_TBOOLEAN && lua_toboolean(L, t))) {
        lua_pop(L, 1);
        return;
    }
    if (lua_type(L, t) == LUA_TBOOLEAN) { /* retry = false */
        c->retry_max = 0;
        lua_pop(L, 1);
        return;
    }
    if (lua_type(L, t) != LUA_TTABLE)
        luaL_error(L, "datadog: retry must be false or a table (got %s)",
                   luaL_typename(L, t));
    max = opt_number_in(L, t, "retry.", "max", 3, 0, 100);
    if (max != floor(max)) /* checked before the cast, which would hide it */
        luaL_error(L, "datadog: retry.max must be a whole number");
    c->retry_max = (int)max;
    c->retry_base = opt_number_in(L, t, "retry.", "base", 2, 0, 3600);
    c->retry_mult = opt_number_in(L, t, "retry.", "multiplier", 2, 1, 100);
    c->retry_max_wait = opt_number_in(L, t, "retry.", "max_wait", 60, 0, 86400);
    lua_getfield(L, t, "methods");
    if (!lua_isnil(L, -1)) {
        int i, n;
        if (lua_type(L, -1) != LUA_TTABLE)
            luaL_error(L, "datadog: retry.methods must be a list of HTTP methods");
        c->retry_methods = 0;
        n = (int)dd_rawlen(L, -1);
        for (i = 1; i <= n; i++) {
            unsigned bit;
            lua_rawgeti(L, -1, i);
            bit = lua_type(L, -1) == LUA_TSTRING ? dd_method_bit(lua_tostring(L, -1)) : 0;
            if (!bit)
                luaL_error(L, "datadog: retry.methods[%d] must be one of GET, POST, "
                              "PUT, PATCH, DELETE",
                           i);
            c->retry_methods |= bit;
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1); /* methods; the retry table stays at t */
    /* reject unknown keys: a typo would silently keep a default */
    lua_pushnil(L);
    while (lua_next(L, t)) {
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
        lua_pop(L, 1);
        if (strcmp(k, "max") && strcmp(k, "base") && strcmp(k, "multiplier") &&
            strcmp(k, "max_wait") && strcmp(k, "methods"))
        {
            char buf[72];
            luaL_error(L, "datadog: retry: unknown field '%s' (max, base, "
                          "multiplier, max_wait, methods)",
                       shown(k, buf));
        }
    }
    lua_pop(L, 1);
}

/* debug = true (stderr) | function(line) */
static void set_debug(lua_State *L, dd_client *c, int cfg)
{
    lua_getfield(L, cfg, "debug");
    if (lua_isfunction(L, -1)) {
        c->debug = 2;
        c->debug_ref = luaL_ref(L, LUA_REGISTRYINDEX);
        return;
    }
    if (lua_type(L, -1) == LUA_TBOOLEAN)
        c->debug = lua_toboolean(L, -1);
    else if (!lua_isnil(L, -1))
        luaL_error(L, "datadog: debug must be a boolean or a function (got %s)",
                   luaL_typename(L, -1));
    lua_pop(L, 1);
}

/* A key goes into a header line: no control characters, never echoed. */
static const char *check_key(lua_State *L, int cfg, const char *name)
{
    const char *s;
    size_t len, i;
    lua_getfield(L, cfg, name);
    if (lua_type(L, -1) != LUA_TSTRING)
        luaL_error(L, "datadog: %s must be a string (got %s)", name,
                   luaL_typename(L, -1));
    s = lua_tolstring(L, -1, &len);
    if (len == 0)
        luaL_error(L, "datadog: %s is empty", name);
    if (len > 512)
        luaL_error(L, "datadog: %s is too long (%d bytes)", name, (int)len);
    for (i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch < 0x20 || ch == 0x7f)
            luaL_error(L, "datadog: %s contains a control character (CR, LF, "
                          "NUL or similar) at byte %d",
                       name, (int)i + 1);
    }
    lua_pop(L, 1); /* still referenced by the config table */
    return s;
}

static long seconds_ms(lua_State *L, int cfg, const char *name, long dflt)
{
    lua_Number v;
    lua_getfield(L, cfg, name);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return dflt;
    }
    if (lua_type(L, -1) != LUA_TNUMBER)
        luaL_error(L, "datadog: %s must be a number of seconds (got %s)", name,
                   luaL_typename(L, -1));
    v = lua_tonumber(L, -1);
    lua_pop(L, 1);
    if (!(v > 0) || v > 86400)
        luaL_error(L, "datadog: %s must be between 0 and 86400 seconds", name);
    return (long)(v * 1000 + 0.5) ? (long)(v * 1000 + 0.5) : 1;
}

static void set_unstable(lua_State *L, dd_client *c, int cfg)
{
    int i, n;
    lua_getfield(L, cfg, "unstable");
    if (lua_isnil(L, -1) || (lua_type(L, -1) == LUA_TBOOLEAN && !lua_toboolean(L, -1))) {
        memset(c->unstable, 0, sizeof c->unstable);
    } else if (lua_type(L, -1) == LUA_TBOOLEAN) {
        for (i = 0; i < dd_nops; i++)
            if (dd_ops[i].flags & DD_OP_BETA)
                dd_bit_set(c->unstable, i);
    } else if (lua_type(L, -1) == LUA_TTABLE) {
        n = (int)dd_rawlen(L, -1);
        for (i = 1; i <= n; i++) {
            const dd_op *op;
            lua_rawgeti(L, -1, i);
            if (lua_type(L, -1) != LUA_TSTRING)
                luaL_error(L, "datadog: unstable[%d] must be an operation id "
                              "(got %s)",
                           i, luaL_typename(L, -1));
            op = dd_op_findl(lua_tostring(L, -1), dd_rawlen(L, -1));
            if (!op) {
                const char *cands[DD_MAX_OPS], *hint;
                int k;
                for (k = 0; k < dd_nops; k++)
                    cands[k] = dd_ops[k].id;
                hint = dd_suggest(lua_tostring(L, -1), cands, dd_nops);
                char buf[72];
                if (hint)
                    luaL_error(L, "datadog: unstable: unknown operation '%s'; "
                                  "did you mean '%s'?",
                               shown(lua_tostring(L, -1), buf), hint);
                luaL_error(L, "datadog: unstable: unknown operation '%s'",
                           shown(lua_tostring(L, -1), buf));
            }
            dd_bit_set(c->unstable, (int)(op - dd_ops));
            lua_pop(L, 1);
        }
    } else {
        luaL_error(L, "datadog: unstable must be true or a list of operation "
                      "ids (got %s)",
                   luaL_typename(L, -1));
    }
    lua_pop(L, 1);
}

static void set_user_agent(lua_State *L, dd_client *c)
{
    struct utsname u;
    char ua[256];
    const char *lua_ver;
#ifdef LUAJIT_VERSION
    lua_ver = &LUAJIT_VERSION[sizeof "LuaJIT"];
#else
    lua_ver = &LUA_RELEASE[sizeof "Lua"];
#endif
    if (uname(&u) != 0) {
        strcpy(u.sysname, "unknown");
        strcpy(u.machine, "unknown");
    }
#ifdef LUAJIT_VERSION
    snprintf(ua, sizeof ua, "datadog-api-client-lua/%s (luajit %s; os %s; arch %s)",
             DD_VERSION, lua_ver, u.sysname, u.machine);
#else
    snprintf(ua, sizeof ua, "datadog-api-client-lua/%s (lua %s; os %s; arch %s)",
             DD_VERSION, lua_ver, u.sysname, u.machine);
#endif
    c->user_agent = dup_string(L, ua);
}

/* core.new(config): config is resolved by the Lua layer; every field is
 * checked again here, since core can be used on its own. */
static int client_new(lua_State *L)
{
    dd_client *c;
    const char *s;
    luaL_checktype(L, 1, LUA_TTABLE);
    c = lua_newuserdata(L, sizeof *c);
    memset(c, 0, sizeof *c);
    c->transport_ref = LUA_NOREF;
    c->debug_ref = LUA_NOREF;
    dd_rawgetp_registry(L, dd_key_client_mt);
    lua_setmetatable(L, -2);

    lua_getfield(L, 1, "base_url");
    s = lua_tostring(L, -1);
    if (lua_type(L, -1) != LUA_TSTRING || !*s)
        luaL_error(L, "datadog: base_url must be a non-empty string");
    if (strncmp(s, "http://", 7) != 0 && strncmp(s, "https://", 8) != 0)
        luaL_error(L, "datadog: base_url must start with http:// or https://");
    if (strpbrk(s, " \t\r\n"))
        luaL_error(L, "datadog: base_url must not contain spaces or line breaks");
    c->base_url = dup_string(L, s);
    {
        size_t n = strlen(c->base_url);
        while (n > 0 && c->base_url[n - 1] == '/')
            c->base_url[--n] = '\0';
    }
    lua_pop(L, 1);
    lua_getfield(L, 1, "site");
    if (lua_type(L, -1) == LUA_TSTRING)
        c->site = dup_string(L, lua_tostring(L, -1));
    lua_pop(L, 1);

    c->api_key = dup_string(L, check_key(L, 1, "api_key"));
    c->app_key = dup_string(L, check_key(L, 1, "app_key"));
    set_unstable(L, c, 1);

    lua_getfield(L, 1, "validate");
    c->validate = lua_isnil(L, -1) ? 1 : lua_toboolean(L, -1);
    lua_pop(L, 1);
    c->timeout_ms = seconds_ms(L, 1, "timeout", 60000);
    lua_getfield(L, 1, "compress");
    c->compress = lua_isnil(L, -1) ? 1 : lua_toboolean(L, -1);
    lua_getfield(L, 1, "verify");
    c->verify = lua_isnil(L, -1) ? 1 : lua_toboolean(L, -1);
    lua_pop(L, 2);
    c->max_body = (long)opt_number(L, 1, "max_body", 64.0 * 1024 * 1024, 1, 2e9);
    lua_getfield(L, 1, "gzip_requests");
    if (lua_type(L, -1) == LUA_TBOOLEAN)
        c->gzip_min = lua_toboolean(L, -1) ? 1024 : 0;
    else if (!lua_isnil(L, -1))
        c->gzip_min = (long)opt_number(L, 1, "gzip_requests", 0, 1, 2e9);
    lua_pop(L, 1);
    set_retry(L, c, 1);
    set_debug(L, c, 1);
    c->ca_file = opt_string(L, 1, "ca_file");
    c->ca_path = opt_string(L, 1, "ca_path");
    set_proxy(L, c, 1);
    c->connect_timeout_ms = seconds_ms(L, 1, "connect_timeout", 10000);
    set_user_agent(L, c);
    c->rng = (uint64_t)time(NULL) ^ ((uint64_t)(uintptr_t)c << 16) ^ 0x9E3779B97F4A7C15ull;

    lua_getfield(L, 1, "transport");
    if (lua_isfunction(L, -1)) {
        c->transport_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    } else if (!lua_isnil(L, -1)) {
        luaL_error(L, "datadog: transport must be a function (got %s)",
                   luaL_typename(L, -1));
    } else {
        lua_pop(L, 1);
    }

    c->req = calloc(1, sizeof *c->req);
    c->res = calloc(1, sizeof *c->res);
    if (!c->req || !c->res)
        luaL_error(L, "datadog: out of memory");
    dd_request_init(c->req);
    dd_buf_init(&c->res->headers);
    dd_buf_init(&c->res->body);
    c->open = 1; /* libcurl is loaded, and the handle made, on the first call */
    return 1;
}

/* ---------------------------------------------------------------- request tables */

static int request_tostring(lua_State *L)
{
    lua_getfield(L, 1, "method");
    lua_getfield(L, 1, "url");
    lua_pushfstring(L, "datadog.request{%s %s, keys hidden}",
                    lua_tostring(L, -2), lua_tostring(L, -1));
    return 1;
}

/* Pushes the request as a table for a Lua transport: method, url, headers,
 * body, operation. Its tostring hides the keys. */
static void push_request(lua_State *L, dd_client *c, const dd_request *r)
{
    const dd_op *op = r->op;
    lua_createtable(L, 0, 5);
    lua_pushstring(L, op->http);
    lua_setfield(L, -2, "method");
    lua_pushlstring(L, r->url.data, r->url.len);
    lua_setfield(L, -2, "url");
    lua_pushstring(L, op->id);
    lua_setfield(L, -2, "operation");
    if (r->has_body) {
        lua_pushlstring(L, r->body.data ? r->body.data : "", r->body.len);
        lua_setfield(L, -2, "body");
    }
    lua_createtable(L, 0, 6);
    lua_pushstring(L, (op->flags & DD_OP_ACCEPT_ANY) ? "*/*" : "application/json");
    lua_setfield(L, -2, "Accept");
    if (r->has_body) {
        lua_pushliteral(L, "application/json");
        lua_setfield(L, -2, "Content-Type");
    }
    if (r->gzipped) { /* the body holds gzip data (gzip_requests) */
        lua_pushliteral(L, "gzip");
        lua_setfield(L, -2, "Content-Encoding");
    }
    lua_pushstring(L, c->api_key);
    lua_setfield(L, -2, "DD-API-KEY");
    lua_pushstring(L, c->app_key);
    lua_setfield(L, -2, "DD-APPLICATION-KEY");
    lua_pushstring(L, c->user_agent);
    lua_setfield(L, -2, "User-Agent");
    lua_setfield(L, -2, "headers");
    lua_newtable(L);
    lua_pushcfunction(L, request_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_setmetatable(L, -2);
}

/* Fills res from (status, headers, body) Lua values at idx, idx+1, idx+2.
 * headers may be a table or raw header text. Returns 0, filling nothing,
 * when the status is not a whole number from 100 to 999: casting NaN or
 * 1e300 to long would be undefined behaviour. */
static int result_from_lua(lua_State *L, int idx, dd_result *res)
{
    size_t len;
    const char *s;
    lua_Number st = luaL_checknumber(L, idx);
    dd_buf_reset(&res->headers);
    dd_buf_reset(&res->body);
    res->kind = NULL;
    res->message[0] = '\0';
    if (!(st >= 100 && st <= 999 && st == floor(st)))
        return 0;
    res->status = (long)st;
    if (lua_type(L, idx + 1) == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, idx + 1)) {
            if (lua_type(L, -2) == LUA_TSTRING && lua_isstring(L, -1)) {
                dd_buf_adds(&res->headers, lua_tostring(L, -2));
                dd_buf_add(&res->headers, ": ", 2);
                dd_buf_adds(&res->headers, lua_tostring(L, -1));
                dd_buf_add(&res->headers, "\r\n", 2);
            }
            lua_pop(L, 1);
        }
    } else if ((s = lua_tolstring(L, idx + 1, &len)) != NULL) {
        dd_buf_add(&res->headers, s, len);
    }
    if ((s = lua_tolstring(L, idx + 2, &len)) != NULL)
        dd_buf_add(&res->body, s, len);
    return 1;
}

/* The kinds a Lua transport may report; anything else counts as network. */
static const char *known_kind(const char *k)
{
    static const char *const kinds[] = {"timeout", "connect", "tls", "network",
                                        "decode", "too_large"};
    size_t i;
    for (i = 0; k && i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(k, kinds[i]) == 0)
            return kinds[i];
    return "network";
}

/* Calls the Lua transport with the request and fills res from what it
 * returns: a response table, or nil and an error (a string, or a table with
 * kind and message). */
static void send_lua(lua_State *L, dd_client *c, const dd_request *r, dd_result *res)
{
    int top = lua_gettop(L);
    dd_buf_reset(&res->headers);
    dd_buf_reset(&res->body);
    res->status = 0;
    res->kind = NULL;
    res->message[0] = '\0';
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->transport_ref);
    push_request(L, c, r);
    /* A transport's message is masked before it is cut to fit in
     * res->message: cut first, a key at the cut would leave a piece that no
     * longer matches the key, and so would never be masked. */
    if (lua_pcall(L, 1, 2, 0) != LUA_OK) {
        res->kind = "network";
        dd_secrets_mask(L, &r->secrets, -1);
        snprintf(res->message, sizeof res->message, "transport error: %s",
                 lua_isstring(L, -1) ? lua_tostring(L, -1) : "(not a string)");
    } else if (lua_type(L, top + 1) == LUA_TTABLE) {
        lua_getfield(L, top + 1, "status");
        lua_getfield(L, top + 1, "headers");
        lua_getfield(L, top + 1, "body");
        if (lua_type(L, -3) != LUA_TNUMBER || !result_from_lua(L, top + 3, res)) {
            res->kind = "network";
            snprintf(res->message, sizeof res->message,
                     "the transport returned a response without an HTTP status "
                     "(a whole number from 100 to 999)");
        }
    } else {
        const char *msg = "transport failed";
        res->kind = "network";
        if (lua_type(L, top + 2) == LUA_TTABLE) {
            lua_getfield(L, top + 2, "kind");
            lua_getfield(L, top + 2, "message");
            res->kind = known_kind(lua_tostring(L, -2));
            dd_secrets_mask(L, &r->secrets, -1);
            if (lua_isstring(L, -1))
                msg = lua_tostring(L, -1);
        } else if (lua_isstring(L, top + 2)) {
            dd_secrets_mask(L, &r->secrets, top + 2);
            msg = lua_tostring(L, top + 2);
        }
        snprintf(res->message, sizeof res->message, "%s", msg);
    }
    lua_settop(L, top);
}

/* ---------------------------------------------------------------- engine */

void dd_check_enabled(lua_State *L, dd_client *c, const dd_op *op)
{
    if ((op->flags & DD_OP_BETA) && !dd_bit_get(c->unstable, (int)(op - dd_ops)))
        luaL_error(L, "datadog: %s is a beta operation and is disabled; enable "
                      "it with unstable = { \"%s\" }",
                   op->id, op->id);
}

double dd_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void dd_sleep(double s)
{
    struct timespec ts;
    if (s <= 0)
        return;
    ts.tv_sec = (time_t)s;
    ts.tv_nsec = (long)((s - (double)ts.tv_sec) * 1e9);
    while (nanosleep(&ts, &ts) != 0)
        ;
}

/* Uniform in [0, 1): xorshift64*, per client. */
static double jitter01(dd_client *c)
{
    uint64_t x = c->rng;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    c->rng = x;
    return (double)((x * 0x2545F4914F6CDD1Dull) >> 11) / 9007199254740992.0;
}

/* How long to wait before another attempt, or a negative value for none.
 * 429 means the request was not processed: always worth another try.
 * 5xx and lost connections are retried only for the methods allowed
 * (GET, PUT, DELETE by default: the idempotent ones). */
static double retry_wait(dd_client *c, const dd_op *op, const dd_result *res,
                         int retries_done, const char **why)
{
    double wait, reset;
    int method_ok = (c->retry_methods & dd_method_bit(op->http)) != 0;
    if (retries_done >= c->retry_max)
        return -1;
    if (res->kind == NULL && res->status == 429) {
        *why = "HTTP 429";
        if (dd_header_number(&res->headers, "X-RateLimit-Reset", &reset))
            return reset < c->retry_max_wait ? reset : c->retry_max_wait;
    } else if (res->kind == NULL && res->status >= 500 && method_ok) {
        *why = "a server error";
    } else if (res->kind && method_ok &&
               (strcmp(res->kind, "connect") == 0 || strcmp(res->kind, "network") == 0)) {
        *why = res->kind;
    } else {
        return -1;
    }
    wait = c->retry_base * pow(c->retry_mult, retries_done);
    wait *= 0.5 + 0.5 * jitter01(c); /* spread clients that failed together */
    return wait < c->retry_max_wait ? wait : c->retry_max_wait;
}

/* One line to stderr or to the debug function. Lines are built from the
 * method, the URL (path parameters, never keys), statuses and timings. */
static void debug_line(lua_State *L, dd_client *c, const dd_secrets *sec,
                       const char *line)
{
    if (!c->debug)
        return;
    lua_pushstring(L, line);
    dd_secrets_mask(L, sec, -1);
    if (c->debug == 1) {
        fprintf(stderr, "datadog: %s\n", lua_tostring(L, -1));
        lua_pop(L, 1);
        return;
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->debug_ref);
    lua_insert(L, -2);
    if (lua_pcall(L, 1, 0, 0) != LUA_OK)
        lua_pop(L, 1); /* a broken logger must not break the call */
}

void dd_log_attempt(lua_State *L, dd_client *c, const dd_request *r,
                    const dd_result *res, double t0)
{
    char line[512];
    if (!c->debug)
        return;
    if (res->kind)
        snprintf(line, sizeof line, "%s %s -> %s (attempt %d, %.1f ms)",
                 r->op->http, r->url.data, res->message, res->attempts,
                 (dd_now() - t0) * 1e3);
    else
        snprintf(line, sizeof line, "%s %s -> %ld (attempt %d, %.1f ms)",
                 r->op->http, r->url.data, res->status, res->attempts,
                 (dd_now() - t0) * 1e3);
    debug_line(L, c, &r->secrets, line);
}

double dd_retry_wait(lua_State *L, dd_client *c, const dd_request *r,
                     const dd_result *res)
{
    const char *why = "";
    char line[256];
    double wait = retry_wait(c, r->op, res, res->attempts - 1, &why);
    if (wait >= 0 && c->debug) {
        snprintf(line, sizeof line, "%s: waiting %.2f s before attempt %d (%s)",
                 r->op->id, wait, res->attempts + 1, why);
        debug_line(L, c, &r->secrets, line);
    }
    return wait;
}

void dd_note_attempts(dd_result *res)
{
    if (res->attempts > 1 && res->kind) {
        size_t n = strlen(res->message);
        snprintf(res->message + n, sizeof res->message - n, " (after %d attempts)",
                 res->attempts);
    }
}

void dd_send_with_retries(lua_State *L, dd_client *c, dd_request *r, dd_result *res)
{
    res->attempts = 0;
    for (;;) {
        double t0 = c->debug ? dd_now() : 0, wait; /* only logs use it */
        if (c->transport_ref != LUA_NOREF)
            send_lua(L, c, r, res);
        else
            dd_curl_perform(c, r, res);
        res->attempts++;
        dd_log_attempt(L, c, r, res, t0);
        wait = dd_retry_wait(L, c, r, res);
        if (wait < 0)
            break;
        dd_sleep(wait);
    }
    dd_note_attempts(res);
}

int dd_push_result(lua_State *L, dd_client *c, const dd_request *r, dd_result *res)
{
    int n = dd_response_push(L, r->op, res, &r->secrets);
    (void)c;
    if (lua_isnil(L, -2) && res->attempts > 1 && res->kind == NULL) {
        /* an HTTP error after retries: say how many attempts it took */
        lua_getfield(L, -1, "message");
        lua_pushfstring(L, "%s (after %d attempts)", lua_tostring(L, -1),
                        res->attempts);
        lua_setfield(L, -3, "message");
        lua_pop(L, 1);
    }
    return n;
}

/* At most one call at a time per client: from inside a transport or debug
 * function, a call, prepare or finish would overwrite the request in flight
 * (a retry would then send another request) or its secrets. */
static void check_idle(lua_State *L, dd_client *c, const dd_op *op)
{
    if (c->busy)
        luaL_error(L, "datadog: %s: the client is already in a call (a transport "
                      "or debug function may not call its own client)",
                   op->id);
}

/* Loads libcurl and makes the client's handle, the first time a client
 * without a Lua transport sends. Raises when libcurl cannot be loaded: an
 * installation problem, not a failure of one call. */
void dd_check_curl(lua_State *L, dd_client *c, const char *what)
{
    char err[600];
    if (c->transport_ref != LUA_NOREF || c->curl)
        return;
    if (!dd_curl_open(c, err, sizeof err)) {
        dd_curl_close(c); /* what was made before the failure */
        luaL_error(L, "datadog: %s: %s", what, err);
    }
}

static int engine(lua_State *L, dd_client *c, const dd_op *op, int argi, int named)
{
    dd_check_enabled(L, c, op);
    check_idle(L, c, op);
    dd_check_curl(L, c, op->id);
    dd_request_build(L, c, op, argi, named, c->req);
    c->busy = 1;
    dd_send_with_retries(L, c, c->req, c->res);
    c->busy = 0;
    return dd_push_result(L, c, c->req, c->res);
}

static int op_method(lua_State *L)
{
    const dd_op *op = lua_touserdata(L, lua_upvalueindex(1));
    return engine(L, dd_check_open(L, 1), op, 2, 1);
}

/* The operation named by the string at idx (an id, "v1."/"v2." + id or a method
 * name), or an error that says what is wrong and suggests the nearest
 * name. call_index > 0: the name is dd:batch's calls[call_index]. */
const dd_op *dd_check_op(lua_State *L, int idx, int call_index)
{
    size_t len;
    const char *id = luaL_checklstring(L, idx, &len), *hint;
    const dd_op *op = dd_op_findl(id, len);
    const char *cands[2 * DD_MAX_OPS];
    char where[40], buf[72];
    int k;
    if (op)
        return op;
    where[0] = '\0';
    if (call_index > 0)
        snprintf(where, sizeof where, "batch: calls[%d]: ", call_index);
    if (strlen(id) != len)
        luaL_error(L, "datadog: %sunknown operation: the name holds a NUL byte", where);
    for (k = 0; k < dd_nops; k++) {
        cands[2 * k] = dd_ops[k].id;
        cands[2 * k + 1] = dd_ops[k].method;
    }
    hint = dd_suggest(id, cands, 2 * dd_nops);
    if (hint)
        luaL_error(L, "datadog: %sunknown operation '%s'; did you mean '%s'?", where,
                   shown(id, buf), hint);
    luaL_error(L, "datadog: %sunknown operation '%s' (datadog.operations() lists them)",
               where, shown(id, buf));
    return NULL;
}

/* dd:call(operation_id, params) */
static int client_call(lua_State *L)
{
    dd_client *c = dd_check_open(L, 1);
    const dd_op *op = dd_check_op(L, 2, 0);
    lua_settop(L, 3);
    return engine(L, c, op, 3, 0);
}

/* dd:prepare(operation_id, params) -> request table, nothing sent */
static int client_prepare(lua_State *L)
{
    dd_client *c = dd_check_open(L, 1);
    const dd_op *op = dd_check_op(L, 2, 0);
    lua_settop(L, 3);
    check_idle(L, c, op);
    dd_check_enabled(L, c, op);
    dd_request_build(L, c, op, 3, 0, c->req);
    push_request(L, c, c->req);
    return 1;
}

/* dd:finish(operation_id, status, headers, body) -> res, err */
static int client_finish(lua_State *L)
{
    dd_client *c = dd_check_open(L, 1);
    const dd_op *op = dd_check_op(L, 2, 0);
    lua_settop(L, 5);
    check_idle(L, c, op);
    luaL_argcheck(L, result_from_lua(L, 3, c->res), 3,
                  "an HTTP status (a whole number from 100 to 999)");
    c->res->attempts = 1;
    dd_request_key_secrets(c, c->req);
    return dd_response_push(L, op, c->res, &c->req->secrets);
}

static int client_close(lua_State *L)
{
    dd_client *c = check_client(L, 1);
    /* From inside the client's own transport or debug function the request
     * and result in flight would be freed under the call: refuse. (__gc
     * cannot run then: the call holds the client.) */
    if (c->busy)
        return luaL_error(L, "datadog: cannot close a client from inside one "
                             "of its own calls");
    client_release(L, c);
    return 0;
}

static int client_gc(lua_State *L)
{
    dd_client *c = lua_touserdata(L, 1);
    if (c)
        client_release(L, c);
    return 0;
}

static int client_tostring(lua_State *L)
{
    dd_client *c = check_client(L, 1);
    luaL_Buffer b;
    int i, n = 0;
    if (!c->open) {
        lua_pushliteral(L, "datadog.client (closed)");
        return 1;
    }
    luaL_buffinit(L, &b);
    luaL_addstring(&b, "datadog.client{");
    if (c->site) {
        luaL_addstring(&b, "site=");
        luaL_addstring(&b, c->site);
        luaL_addstring(&b, ", ");
    }
    luaL_addstring(&b, "base_url=");
    luaL_addstring(&b, c->base_url);
    luaL_addstring(&b, ", unstable={");
    for (i = 0; i < dd_nops; i++) {
        if (dd_bit_get(c->unstable, i)) {
            if (n++)
                luaL_addstring(&b, ", ");
            luaL_addstring(&b, dd_ops[i].id);
        }
    }
    luaL_addstring(&b, "}, keys hidden}");
    luaL_pushresult(&b);
    return 1;
}

/* methods[name] misses: say what was meant instead of "attempt to call a
 * nil value". */
static int methods_missing(lua_State *L)
{
    const char *name = lua_tostring(L, 2), *hint = NULL;
    const char *cands[2 * DD_MAX_OPS];
    int n = 0;
    if (!name)
        return 0;
    lua_pushnil(L);
    while (lua_next(L, 1) && n < 2 * DD_MAX_OPS) {
        if (lua_type(L, -2) == LUA_TSTRING)
            cands[n++] = lua_tostring(L, -2);
        lua_pop(L, 1);
    }
    {
        char buf[72];
        hint = dd_suggest(name, cands, n);
        if (hint)
            return luaL_error(L, "datadog: client has no method '%s'; did you "
                                 "mean '%s'?",
                              shown(name, buf), hint);
        return luaL_error(L, "datadog: client has no method '%s'",
                          shown(name, buf));
    }
}

/* ---------------------------------------------------------------- registration */

void dd_client_open(lua_State *L)
{
    static const luaL_Reg methods[] = {
        {"call", client_call},       {"prepare", client_prepare},
        {"finish", client_finish},   {"close", client_close},
        {"batch", dd_batch},
        {NULL, NULL}};
    static const luaL_Reg metamethods[] = {
        {"__gc", client_gc},
        {"__close", client_close}, /* refuses inside the client's own call */
        {"__tostring", client_tostring},
        {NULL, NULL}};
    const luaL_Reg *r;
    int i;

    /* the shared methods table, kept in the registry */
    lua_pushlightuserdata(L, (void *)dd_key_methods);
    lua_newtable(L);
    for (r = methods; r->name; r++) {
        lua_pushcfunction(L, r->func);
        lua_setfield(L, -2, r->name);
    }
    for (i = 0; i < dd_nops; i++) {
        lua_pushlightuserdata(L, (void *)&dd_ops[i]);
        lua_pushcclosure(L, op_method, 1);
        lua_setfield(L, -2, dd_ops[i].method);
    }
    lua_newtable(L);
    lua_pushcfunction(L, methods_missing);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    lua_rawset(L, LUA_REGISTRYINDEX);

    /* the client metatable */
    lua_pushlightuserdata(L, (void *)dd_key_client_mt);
    lua_newtable(L);
    for (r = metamethods; r->name; r++) {
        lua_pushcfunction(L, r->func);
        lua_setfield(L, -2, r->name);
    }
    lua_pushliteral(L, CLIENT_NAME);
    lua_setfield(L, -2, "__name");
    dd_rawgetp_registry(L, dd_key_methods);
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "datadog.client");
    lua_setfield(L, -2, "__metatable");
    lua_rawset(L, LUA_REGISTRYINDEX);

    lua_pushcfunction(L, client_new);
}
