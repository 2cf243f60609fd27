/*
 * config.c - the client's options, checked in one place.
 *
 * The Lua layer (lua/datadog/init.lua) only resolves where a value comes
 * from: the option, else its environment variable, else its default. Every
 * rule about what a value may be lives here, whoever calls core.new: which
 * options exist (with "did you mean"), their types, ranges, and what may go
 * into a URL or a header line. A message names the option and shows a
 * caller's text only escaped and shortened (dd_shown), so it stays one line
 * whatever was passed.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/utsname.h>
#include <time.h>

#include "module.h"

/* lua.h does not say it is LuaJIT; luajit.h, beside it, does. */
#if LUA_VERSION_NUM == 501 && defined(__has_include)
#if __has_include(<luajit.h>)
#include <luajit.h>
#endif
#endif

#define PREFIX "datadog.new: "

enum { T_STRING = 1, T_NUMBER = 2, T_BOOLEAN = 4, T_TABLE = 8, T_FUNCTION = 16 };

static const struct option {
    const char *name;
    unsigned types;
} options[] = {
    {"site", T_STRING},
    {"base_url", T_STRING},
    {"api_key", T_STRING},
    {"app_key", T_STRING},
    {"unstable", T_BOOLEAN | T_TABLE},
    {"timeout", T_NUMBER},
    {"connect_timeout", T_NUMBER},
    {"deadline", T_NUMBER},
    {"keepalive_timeout", T_NUMBER},
    {"windows", T_BOOLEAN | T_STRING},
    {"access_token", T_STRING},
    {"headers", T_TABLE},
    {"user_agent", T_STRING},
    {"on_event", T_FUNCTION},
    {"pace", T_BOOLEAN},
    {"validate", T_BOOLEAN},
    {"compress", T_BOOLEAN},
    {"verify", T_BOOLEAN},
    {"ca_file", T_STRING},
    {"ca_path", T_STRING},
    {"proxy", T_STRING},
    {"retry", T_BOOLEAN | T_TABLE},
    {"debug", T_BOOLEAN | T_FUNCTION},
    {"max_body", T_NUMBER},
    {"max_batch_body", T_NUMBER},
    {"gzip_requests", T_BOOLEAN | T_NUMBER},
    {"transport", T_FUNCTION},
    {"raw_body", T_BOOLEAN},
};
#define NOPTIONS (sizeof options / sizeof options[0])

/* Datadog's sites: the API is at https://api.<site>. */
const char *const dd_sites[] = {
    "datadoghq.com",     "us3.datadoghq.com", "us5.datadoghq.com",
    "ap1.datadoghq.com", "ap2.datadoghq.com", "datadoghq.eu",
    "ddog-gov.com",      "us2.ddog-gov.com",  "uk1.datadoghq.com",
};
const int dd_nsites = (int)(sizeof dd_sites / sizeof dd_sites[0]);

static const char *type_bit_names[] = {"string", "number", "boolean", "table",
                                       "function"};

static unsigned type_bit(int t)
{
    switch (t) {
    case LUA_TSTRING: return T_STRING;
    case LUA_TNUMBER: return T_NUMBER;
    case LUA_TBOOLEAN: return T_BOOLEAN;
    case LUA_TTABLE: return T_TABLE;
    case LUA_TFUNCTION: return T_FUNCTION;
    default: return 0;
    }
}

/* "a boolean or table" */
static const char *types_label(unsigned types, char *buf, size_t bufsz)
{
    size_t n = 0, i;
    for (i = 0; i < 5; i++)
        if (types & (1u << i))
            n += (size_t)snprintf(buf + n, bufsz - n, "%s%s",
                                  n ? " or " : "a ",
                                  type_bit_names[i]);
    return buf;
}

/* Every key of the table at cfg is a known option of the right type. */
static void check_names_and_types(lua_State *L, int cfg)
{
    lua_pushnil(L);
    while (lua_next(L, cfg)) {
        size_t i, len;
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tolstring(L, -2, &len) : NULL;
        const struct option *o = NULL;
        for (i = 0; k && i < NOPTIONS; i++)
            if (strcmp(k, options[i].name) == 0 && strlen(k) == len)
                o = &options[i];
        if (!o) {
            char shown[DD_SHOWN];
            const char *cands[NOPTIONS], *hint = NULL;
            if (k) {
                for (i = 0; i < NOPTIONS; i++)
                    cands[i] = options[i].name;
                hint = dd_suggest(k, cands, (int)NOPTIONS);
                dd_shown(shown, sizeof shown, k, len, 60);
            } else {
                lua_pushvalue(L, -2); /* a number key: tostring a copy */
                k = lua_tolstring(L, -1, &len);
                dd_shown(shown, sizeof shown, k ? k : "?", k ? len : 1, 60);
            }
            if (hint)
                dd_misuse(L, NULL, "datadog.new", NULL, "unknown option '%s'; did you mean '%s'?", shown, hint);
            dd_misuse(L, NULL, "datadog.new", NULL, "unknown option '%s'", shown);
        }
        if (!(type_bit(lua_type(L, -1)) & o->types)) {
            char label[64];
            dd_misuse(L, NULL, "datadog.new", o->name, "option %s must be %s (got %s)", o->name,
                       types_label(o->types, label, sizeof label), luaL_typename(L, -1));
        }
        lua_pop(L, 1);
    }
}

/* ---------------------------------------------------------------- values */

static char *dup_string(lua_State *L, const char *s, size_t len)
{
    char *d = malloc(len + 1);
    if (!d)
        luaL_error(L, "datadog: out of memory");
    memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

/* A string option goes into C strings (a URL, a path, a header): a NUL
 * inside would cut it there, and the request would go elsewhere than the
 * string says. Returns NULL when absent. */
static const char *opt_cstring(lua_State *L, int cfg, const char *name, size_t *len)
{
    const char *s;
    lua_getfield(L, cfg, name);
    s = lua_tolstring(L, -1, len);
    lua_pop(L, 1); /* still referenced by the config table */
    if (s && strlen(s) != *len)
        dd_misuse(L, NULL, "datadog.new", name, "option %s contains a NUL byte", name);
    return s;
}

static char *opt_string(lua_State *L, int cfg, const char *name)
{
    size_t len;
    const char *s = opt_cstring(L, cfg, name, &len);
    return s ? dup_string(L, s, len) : NULL;
}

/* The first of two environment variables that is set and not empty,
 * copied; NULL when neither is. */
static char *env_string(lua_State *L, const char *name, const char *alt)
{
    const char *v = getenv(name);
    if ((!v || !*v) && alt)
        v = getenv(alt);
    return v && *v ? dup_string(L, v, strlen(v)) : NULL;
}

/* A boolean option; dflt when absent. */
static int opt_bool(lua_State *L, int cfg, const char *name, int dflt)
{
    int v;
    lua_getfield(L, cfg, name);
    v = lua_isnil(L, -1) ? dflt : lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

/* An optional number in [lo, hi] (NaN is outside every range); prefix
 * ("retry." or "") names the table it is in, for the message. */
static double opt_number_in(lua_State *L, const char *who, int cfg, const char *prefix,
                            const char *name, double dflt, double lo, double hi)
{
    double v;
    lua_getfield(L, cfg, name);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return dflt;
    }
    if (lua_type(L, -1) != LUA_TNUMBER)
        dd_misuse(L, NULL, who, NULL, "option %s%s must be a number (got %s)", prefix, name,
                   luaL_typename(L, -1));
    v = (double)lua_tonumber(L, -1);
    lua_pop(L, 1);
    if (!(v >= lo && v <= hi)) {
        char range[64]; /* lua_pushfstring has no %g */
        snprintf(range, sizeof range, "between %g and %g", lo, hi);
        dd_misuse(L, NULL, who, NULL, "option %s%s must be %s", prefix, name, range);
    }
    return v;
}

/* Seconds, (0, 86400], as milliseconds (at least 1). */
static long seconds_ms(lua_State *L, const char *who, int cfg, const char *name, long dflt)
{
    lua_Number v;
    lua_getfield(L, cfg, name);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return dflt;
    }
    v = lua_tonumber(L, -1);
    lua_pop(L, 1);
    if (!(v > 0) || v > 86400)
        dd_misuse(L, NULL, who, name, "option %s must be between 0 and 86400 seconds", name);
    return (long)(v * 1000 + 0.5) ? (long)(v * 1000 + 0.5) : 1;
}

/* ---------------------------------------------------------------- windows */

/* windows: true (the default: this client's own table), false (none kept:
 * every call goes out, and a 429 is only retried), or "driver" (a driver
 * in Lua keeps them in its host's store: datadog.resty's shared_dict). */
static void set_windows(lua_State *L, dd_client *c, int cfg)
{
    lua_getfield(L, cfg, "windows");
    if (lua_isnil(L, -1) || (lua_type(L, -1) == LUA_TBOOLEAN && lua_toboolean(L, -1)))
        c->windows = DD_WIN_LOCAL;
    else if (lua_type(L, -1) == LUA_TBOOLEAN)
        c->windows = DD_WIN_OFF;
    else if (strcmp(lua_tostring(L, -1), "driver") == 0)
        c->windows = DD_WIN_DRIVER;
    else
        dd_misuse(L, NULL, "datadog.new", "windows", "option windows must be true, false "
                                                     "or \"driver\"");
    lua_pop(L, 1);
    dd_window_scope(c);
}

/* ---------------------------------------------------------------- where to */

/* base_url, or https://api.<site>: one of Datadog's sites. */
static void set_base_url(lua_State *L, dd_client *c, int cfg)
{
    size_t len, n;
    const char *s = opt_cstring(L, cfg, "base_url", &len);
    const char *site = opt_cstring(L, cfg, "site", &n);
    if (site)
        c->site = dup_string(L, site, n);
    if (!s) {
        char shown[DD_SHOWN], url[128], list[256];
        int i;
        size_t k = 0;
        if (!site)
            dd_misuse(L, NULL, "datadog.new", NULL, "no site and no base_url");
        for (i = 0; i < dd_nsites; i++)
            if (strcmp(site, dd_sites[i]) == 0)
                break;
        if (i == dd_nsites) {
            const char *hint = dd_suggest(site, dd_sites, dd_nsites);
            for (i = 0; i < dd_nsites; i++)
                k += (size_t)snprintf(list + k, sizeof list - k, "%s%s",
                                      i ? ", " : "", dd_sites[i]);
            dd_shown(shown, sizeof shown, site, n, 60);
            dd_misuse(L, NULL, "datadog.new", "site", "unknown site '%s'%s%s%s (sites: %s; or pass base_url)",
                       shown, hint ? "; did you mean '" : "", hint ? hint : "",
                       hint ? "'?" : "", list);
        }
        snprintf(url, sizeof url, "https://api.%s", dd_sites[i]);
        c->base_url = dup_string(L, url, strlen(url));
        return;
    }
    if (len == 0)
        dd_misuse(L, NULL, "datadog.new", "base_url", "option base_url must be a non-empty string");
    if (strncmp(s, "http://", 7) != 0 && strncmp(s, "https://", 8) != 0)
        dd_misuse(L, NULL, "datadog.new", "base_url", "option base_url must start with http:// or https://");
    if (strpbrk(s, " \t\r\n"))
        dd_misuse(L, NULL, "datadog.new", "base_url", "option base_url must not contain spaces or line breaks");
    if (len > 2048)
        dd_misuse(L, NULL, "datadog.new", "base_url", "option base_url is too long (%d bytes; at most 2048)", (int)len);
    c->base_url = dup_string(L, s, len);
    while (len > 0 && c->base_url[len - 1] == '/')
        c->base_url[--len] = '\0';
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

/* A key goes into a header line: no control characters, never echoed.
 * The Lua layer has looked in the environment (env) already. */
/* A credential: a non-empty string of at most max bytes, no control
 * character. Absent: NULL when optional, else a misuse naming where to
 * give it. */
static char *check_key(lua_State *L, int cfg, const char *name, const char *what,
                       const char *env, int optional, size_t max)
{
    const char *s;
    size_t len, i;
    lua_getfield(L, cfg, name);
    if (lua_isnil(L, -1) && optional) {
        lua_pop(L, 1);
        return NULL;
    }
    if (lua_isnil(L, -1))
        dd_misuse(L, NULL, "datadog.new", name, "no %s: pass %s or set %s (or give "
                  "access_token)", what, name, env);
    if (lua_type(L, -1) != LUA_TSTRING)
        dd_misuse(L, NULL, "datadog.new", name, "option %s must be a string (got %s)", name,
                   luaL_typename(L, -1));
    s = lua_tolstring(L, -1, &len);
    lua_pop(L, 1); /* still referenced by the config table */
    if (len == 0)
        dd_misuse(L, NULL, "datadog.new", name, "option %s is empty", name);
    if (len > max)
        dd_misuse(L, NULL, "datadog.new", name, "option %s is too long (%d bytes)", name, (int)len);
    for (i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch < 0x20 || ch == 0x7f)
            dd_misuse(L, NULL, "datadog.new", name, "option %s contains a control character (CR, LF, "
                              "NUL or similar) at byte %d",
                       name, (int)i + 1);
    }
    return dup_string(L, s, len);
}

/* ---------------------------------------------------------------- behaviour */

/* retry = false | { max =, base =, multiplier =, max_wait =, methods = {...} } */
/* retry = false | { max =, base =, multiplier =, max_wait =, methods = {...} }
 * at index t, over the policy *p already holds (the defaults for a client,
 * the client's for a call): a field not given keeps its value. */
static void read_retry(lua_State *L, const char *who, int t, dd_policy *p)
{
    static const char *const fields[] = {"max", "base", "multiplier", "max_wait",
                                         "methods"};
    double max;
    if (lua_type(L, t) != LUA_TTABLE) { /* nil, true: as it is; false: none */
        if (lua_type(L, t) == LUA_TBOOLEAN && !lua_toboolean(L, t))
            p->retry_max = 0;
        return;
    }
    max = opt_number_in(L, who, t, "retry.", "max", p->retry_max, 0, 100);
    if (max != floor(max)) /* checked before the cast, which would hide it */
        dd_misuse(L, NULL, who, "retry", "option retry.max must be a whole number");
    p->retry_max = (int)max;
    p->retry_base = opt_number_in(L, who, t, "retry.", "base", p->retry_base, 0, 3600);
    p->retry_mult = opt_number_in(L, who, t, "retry.", "multiplier", p->retry_mult, 1, 100);
    p->retry_max_wait = opt_number_in(L, who, t, "retry.", "max_wait", p->retry_max_wait, 0, 86400);
    lua_getfield(L, t, "methods");
    if (!lua_isnil(L, -1)) {
        int i, n;
        if (lua_type(L, -1) != LUA_TTABLE)
            dd_misuse(L, NULL, who, "retry", "option retry.methods must be a list of HTTP methods");
        p->retry_methods = 0;
        n = (int)dd_rawlen(L, -1);
        for (i = 1; i <= n; i++) {
            unsigned bit;
            lua_rawgeti(L, -1, i);
            bit = lua_type(L, -1) == LUA_TSTRING ? dd_method_bit(lua_tostring(L, -1)) : 0;
            if (!bit)
                dd_misuse(L, NULL, who, "retry", "option retry.methods[%d] must be one of GET, "
                                  "POST, PUT, PATCH, DELETE",
                           i);
            p->retry_methods |= bit;
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1); /* methods */
    /* reject unknown keys: a typo would silently keep a default */
    lua_pushnil(L);
    while (lua_next(L, t)) {
        size_t len = 1, i;
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tolstring(L, -2, &len) : "?";
        lua_pop(L, 1);
        for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
            if (strcmp(k, fields[i]) == 0)
                break;
        if (i == sizeof fields / sizeof fields[0]) {
            char shown[DD_SHOWN];
            dd_misuse(L, NULL, who, "retry", "option retry: unknown field '%s' (max, base, "
                              "multiplier, max_wait, methods)",
                       dd_shown(shown, sizeof shown, k, len, 60));
        }
    }
}

static void set_retry(lua_State *L, dd_client *c, int cfg)
{
    c->pol.retry_max = 3;
    c->pol.retry_base = 2;
    c->pol.retry_mult = 2;
    c->pol.retry_max_wait = 60;
    c->pol.retry_methods = DD_M_GET | DD_M_PUT | DD_M_DELETE;
    lua_getfield(L, cfg, "retry");
    read_retry(L, "datadog.new", lua_gettop(L), &c->pol);
    lua_pop(L, 1);
}

/* debug = true: each line to stderr. The engine writes nowhere itself: it
 * hands its (masked) lines to a function, this one unless the caller gave
 * one. */
static int debug_stderr(lua_State *L)
{
    fprintf(stderr, "datadog: %s\n", luaL_checkstring(L, 1));
    return 0;
}

/* debug = true (stderr) | function(line) */
static void set_debug(lua_State *L, dd_client *c, int cfg)
{
    lua_getfield(L, cfg, "debug");
    if (lua_isfunction(L, -1) || lua_toboolean(L, -1)) {
        if (!lua_isfunction(L, -1)) {
            lua_pop(L, 1);
            lua_pushcfunction(L, debug_stderr);
        }
        c->debug = 1;
        c->debug_ref = luaL_ref(L, LUA_REGISTRYINDEX);
        return;
    }
    c->debug = 0;
    lua_pop(L, 1);
}

static void set_unstable(lua_State *L, dd_client *c, int cfg)
{
    int i, n;
    memset(c->unstable, 0, sizeof c->unstable);
    lua_getfield(L, cfg, "unstable");
    if (lua_type(L, -1) == LUA_TBOOLEAN && lua_toboolean(L, -1)) {
        for (i = 0; i < dd_nops; i++)
            if (dd_ops[i].flags & DD_OP_BETA)
                dd_bit_set(c->unstable, i);
    } else if (lua_type(L, -1) == LUA_TTABLE) {
        n = (int)dd_rawlen(L, -1);
        for (i = 1; i <= n; i++) {
            const dd_op *op;
            size_t len;
            const char *id;
            lua_rawgeti(L, -1, i);
            if (lua_type(L, -1) != LUA_TSTRING)
                dd_misuse(L, NULL, "datadog.new", "unstable", "option unstable[%d] must be an operation id "
                                  "(got %s)",
                           i, luaL_typename(L, -1));
            id = lua_tolstring(L, -1, &len);
            op = dd_op_findl(id, len);
            if (!op) {
                const char *cands[DD_MAX_OPS], *hint;
                char shown[DD_SHOWN];
                int k;
                for (k = 0; k < dd_nops; k++)
                    cands[k] = dd_ops[k].id;
                hint = dd_suggest(id, cands, dd_nops);
                dd_shown(shown, sizeof shown, id, len, 60);
                if (hint)
                    dd_misuse(L, NULL, "datadog.new", "unstable", "option unstable: unknown operation '%s'; "
                                      "did you mean '%s'?",
                               shown, hint);
                dd_misuse(L, NULL, "datadog.new", "unstable", "option unstable: unknown operation '%s'", shown);
            }
            dd_bit_set(c->unstable, (int)(op - dd_ops));
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
}

/* A header name: an RFC 9110 token. */
static int is_token(const char *s, size_t len)
{
    size_t i;
    if (len == 0)
        return 0;
    for (i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch <= 32 || ch >= 127 || strchr("\"(),/:;<=>?@[\\]{}", ch))
            return 0;
    }
    return 1;
}

/* A header value or product token: no control character (CR, LF and NUL
 * would end the header, or the request, early: another header or request
 * would go out). A tab is whitespace, and allowed. */
static void check_text(lua_State *L, const char *option, const char *what, const char *s,
                       size_t len, size_t max)
{
    size_t i;
    char shown[DD_SHOWN];
    if (len > max)
        dd_misuse(L, NULL, "datadog.new", option, "option %s: %s is too long (%d bytes, at "
                  "most %d)", option, what, (int)len, (int)max);
    for (i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch < 0x20 && ch != '\t') || ch == 0x7f)
            dd_misuse(L, NULL, "datadog.new", option, "option %s: %s '%s' contains a control "
                      "character (CR, LF, NUL or similar) at byte %d", option, what,
                      dd_shown(shown, sizeof shown, s, len, 40), (int)i + 1);
    }
}

/* The headers the module writes itself: the framing, the credentials and
 * what the engine decodes. A caller's header of one of these names would
 * send a request other than the one the module checked. */
static const char *const owned_headers[] = {
    "DD-API-KEY", "DD-APPLICATION-KEY", "Authorization", "Host", "Content-Length",
    "Content-Type", "Content-Encoding", "Accept-Encoding", "Transfer-Encoding",
    "Accept", "User-Agent", "Connection", "Expect", NULL};

/* headers = { ["X-Request-Id"] = "...", ... }: sent on every request,
 * after the module's own, in name order (the same bytes each time). */
static void read_headers(lua_State *L, const char *who, int t, char ***out, int *nout)
{
    int n = 0, i;
    if (lua_type(L, t) != LUA_TTABLE)
        dd_misuse(L, NULL, who, "headers", "option headers must be a table of name = value "
                  "(got %s)", luaL_typename(L, t));
    lua_pushnil(L);
    while (lua_next(L, t)) {
        size_t nl, vl, k;
        const char *name, *value;
        char shown[DD_SHOWN];
        if (lua_type(L, -2) != LUA_TSTRING)
            dd_misuse(L, NULL, who, "headers", "option headers: names must be "
                      "strings (got %s)", luaL_typename(L, -2));
        name = lua_tolstring(L, -2, &nl);
        if (!is_token(name, nl))
            dd_misuse(L, NULL, who, "headers", "option headers: '%s' is not a "
                      "header name (letters, digits and !#$%%&'*+-.^_`|~ only)",
                      dd_shown(shown, sizeof shown, name, nl, 40));
        for (k = 0; owned_headers[k]; k++)
            if (strlen(owned_headers[k]) == nl && strncasecmp(owned_headers[k], name, nl) == 0)
                dd_misuse(L, NULL, who, "headers", "option headers: %s is the "
                          "module's own header and cannot be replaced%s", owned_headers[k],
                          strcmp(owned_headers[k], "User-Agent") == 0
                              ? " (add a product token with the user_agent option)"
                              : "");
        if (lua_type(L, -1) != LUA_TSTRING)
            dd_misuse(L, NULL, who, "headers", "option headers: the value of %s "
                      "must be a string (got %s)", dd_shown(shown, sizeof shown, name, nl, 40),
                      luaL_typename(L, -1));
        value = lua_tolstring(L, -1, &vl);
        check_text(L, "headers", "the value", value, vl, 4096);
        if (++n > DD_MAX_USER_HEADERS)
            dd_misuse(L, NULL, who, "headers", "option headers: more than %d "
                      "headers", DD_MAX_USER_HEADERS);
        lua_pop(L, 1);
    }
    /* all checked: now copied, each owned by the client as soon as made */
    *out = calloc((size_t)(2 * n) + 1, sizeof **out);
    if (!*out)
        luaL_error(L, "datadog: out of memory");
    *nout = n;
    i = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        size_t nl, vl;
        const char *name = lua_tolstring(L, -2, &nl), *value = lua_tolstring(L, -1, &vl);
        int j = i;
        /* insertion in name order */
        while (j > 0 && strcmp((*out)[2 * (j - 1)], name) > 0) {
            (*out)[2 * j] = (*out)[2 * (j - 1)];
            (*out)[2 * j + 1] = (*out)[2 * (j - 1) + 1];
            j--;
        }
        (*out)[2 * j] = NULL;
        (*out)[2 * j + 1] = NULL;
        (*out)[2 * j] = dup_string(L, name, nl);
        (*out)[2 * j + 1] = dup_string(L, value, vl);
        i++;
        lua_pop(L, 1);
    }
}

static void set_headers(lua_State *L, dd_client *c, int cfg)
{
    lua_getfield(L, cfg, "headers");
    if (!lua_isnil(L, -1))
        read_headers(L, "datadog.new", lua_gettop(L), &c->headers, &c->nheaders);
    lua_pop(L, 1);
}

static void set_user_agent(lua_State *L, dd_client *c, int cfg)
{
    struct utsname u;
    char ua[600];
    const char *lua_ver;
    const char *product = NULL;
    size_t plen = 0;
    lua_getfield(L, cfg, "user_agent");
    if (lua_type(L, -1) == LUA_TSTRING) {
        product = lua_tolstring(L, -1, &plen);
        check_text(L, "user_agent", "the product token", product, plen, 256);
    }
    lua_pop(L, 1); /* product is still the config table's */
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
    if (product && plen) { /* after the module's own, as products are listed */
        size_t n = strlen(ua);
        snprintf(ua + n, sizeof ua - n, " %s", product);
    }
    c->user_agent = dup_string(L, ua, strlen(ua));
}

/* ---------------------------------------------------------------- all of it */

void dd_config_apply(lua_State *L, dd_client *c, int cfg)
{
    check_names_and_types(L, cfg);
    set_base_url(L, c, cfg);
    /* an OAuth2 token stands for both keys (Datadog apps, partner
     * integrations); with one, the keys are sent only if given */
    c->access_token = check_key(L, cfg, "access_token", "access token", "", 1, 4096);
    c->api_key = check_key(L, cfg, "api_key", "API key", "DD_API_KEY",
                           c->access_token != NULL, 512);
    c->app_key = check_key(L, cfg, "app_key", "application key", "DD_APP_KEY",
                           c->access_token != NULL, 512);
    if (c->access_token) {
        size_t n = strlen(c->access_token);
        c->bearer = malloc(n + 8);
        if (!c->bearer)
            luaL_error(L, "datadog: out of memory");
        memcpy(c->bearer, "Bearer ", 7);
        memcpy(c->bearer + 7, c->access_token, n + 1);
    }
    set_unstable(L, c, cfg);
    c->validate = opt_bool(L, cfg, "validate", 1);
    c->compress = opt_bool(L, cfg, "compress", 1);
    c->verify = opt_bool(L, cfg, "verify", 1);
    c->raw_body = opt_bool(L, cfg, "raw_body", 0);
    c->pol.timeout_ms = seconds_ms(L, "datadog.new", cfg, "timeout", 60000);
    c->pol.connect_timeout_ms = seconds_ms(L, "datadog.new", cfg, "connect_timeout", 10000);
    /* a call's whole life, attempts and waits: two full timeouts and the
     * usual backoff fit in the default, minutes of 429 waits do not */
    c->deadline = (double)seconds_ms(L, "datadog.new", cfg, "deadline", 150000) / 1000;
    c->keepalive = (double)seconds_ms(L, "datadog.new", cfg, "keepalive_timeout", 60000) / 1000;
    c->max_body = (long)opt_number_in(L, "datadog.new", cfg, "", "max_body", 64.0 * 1024 * 1024, 1, 2e9);
    c->max_batch_body = floor(opt_number_in(L, "datadog.new", cfg, "", "max_batch_body",
                                            256.0 * 1024 * 1024, 1, 1e12));
    lua_getfield(L, cfg, "gzip_requests");
    if (lua_type(L, -1) == LUA_TBOOLEAN)
        c->gzip_min = lua_toboolean(L, -1) ? 1024 : 0;
    else
        c->gzip_min = (long)opt_number_in(L, "datadog.new", cfg, "", "gzip_requests", 0, 1, 2e9);
    lua_pop(L, 1);
    set_retry(L, c, cfg);
    set_debug(L, c, cfg);
    lua_getfield(L, cfg, "on_event");
    if (lua_isfunction(L, -1))
        c->event_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    else
        lua_pop(L, 1);
    c->ca_file = opt_string(L, cfg, "ca_file");
    c->ca_path = opt_string(L, cfg, "ca_path");
    set_proxy(L, c, cfg);
    set_user_agent(L, c, cfg);
    set_headers(L, c, cfg);
    set_windows(L, c, cfg);
    c->pace = opt_bool(L, cfg, "pace", 0);
    if (c->pace && c->windows == DD_WIN_OFF)
        dd_misuse(L, NULL, "datadog.new", "pace", "option pace needs the rate-limit "
                  "windows (windows = false keeps none to pace by)");
    c->rng = (uint64_t)time(NULL) ^ ((uint64_t)(uintptr_t)c << 16) ^ 0x9E3779B97F4A7C15ull;
    lua_getfield(L, cfg, "transport");
    if (lua_isfunction(L, -1))
        c->transport_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    else
        lua_pop(L, 1);
}

/* ---------------------------------------------------------------- a call's own */

/* A call's own options (dd:call, dd:start, dd:request and their kin in
 * the host clients, dd:with's views): headers, timeout, connect_timeout,
 * retry and deadline, each checked as the client's option of that name
 * is, over the client's (dd_call_begin copied them into k). A name that is
 * none of these (nor one `allow` lets through) is misuse: a typo would
 * silently keep the client's. */
void dd_call_options(lua_State *L, dd_client *c, int idx, const char *who, dd_call *k,
                     unsigned allow, double now)
{
    static const char *const names[] = {"headers", "timeout", "connect_timeout", "retry",
                                        "deadline", NULL};
    static const char *const request_names[] = {"params", "query", "body", "secrets", NULL};
    if (idx == 0 || lua_isnoneornil(L, idx))
        return;
    idx = dd_absindex(L, idx);
    if (lua_type(L, idx) != LUA_TTABLE)
        dd_misuse(L, NULL, who, "options", "options must be a table (got %s)",
                  luaL_typename(L, idx));
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        const char *key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
        int i, known = 0;
        for (i = 0; key && names[i]; i++)
            known |= strcmp(key, names[i]) == 0;
        for (i = 0; key && (allow & DD_CALLOPT_REQUEST) && request_names[i]; i++)
            known |= strcmp(key, request_names[i]) == 0;
        known |= key && (allow & DD_CALLOPT_CLOCK) && strcmp(key, "clock") == 0;
        if (!known) {
            char shown[DD_SHOWN];
            size_t len = 0;
            const char *k2 = lua_type(L, -2) == LUA_TSTRING ? lua_tolstring(L, -2, &len) : "?";
            dd_misuse(L, NULL, who, "options", "unknown option '%s' (a call takes headers, "
                      "timeout, connect_timeout, retry, deadline%s)",
                      dd_shown(shown, sizeof shown, k2, len ? len : 1, 40),
                      (allow & DD_CALLOPT_REQUEST) ? "; and params, query, body, secrets"
                      : (allow & DD_CALLOPT_CLOCK) ? ", clock" : "");
        }
        lua_pop(L, 1);
    }
    k->pol.timeout_ms = seconds_ms(L, who, idx, "timeout", k->pol.timeout_ms);
    k->pol.connect_timeout_ms = seconds_ms(L, who, idx, "connect_timeout",
                                           k->pol.connect_timeout_ms);
    lua_getfield(L, idx, "retry");
    read_retry(L, who, lua_gettop(L), &k->pol);
    lua_pop(L, 1);
    lua_getfield(L, idx, "headers");
    if (!lua_isnil(L, -1)) /* k owns what it holds at once: a raise leaks nothing */
        read_headers(L, who, lua_gettop(L), &k->headers, &k->nheaders);
    lua_pop(L, 1);
    dd_call_set_deadline(k, dd_opt_deadline(L, idx, who, c->deadline), now);
}
