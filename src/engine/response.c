/*
 * response.c - from (status, header lines, body) to what a call returns:
 * the decoded body and a response object, or nil and an error object.
 *
 * The error object is a table with the metatable datadog.error: kind,
 * status, errors (what Datadog sent: strings or JSON:API objects; always a
 * list), body (raw), headers, ratelimit, operation, attempts, message;
 * tostring gives one line. Messages are built from statuses, Datadog's
 * errors (masked) and transport texts, never from request headers, so they
 * cannot carry keys.
 *
 * Misuse errors (kind "invalid": a call refused before it was sent) are
 * made here too, by dd_misuse, the one constructor every raise site uses.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine.h"

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

/* Every error carries an errors list, empty unless Datadog sent one, so
 * that err.errors[1] is safe whatever the kind of failure. */
static void push_list(lua_State *L)
{
    lua_newtable(L);
    dd_rawgetp_registry(L, dd_key_array_mt);
    lua_setmetatable(L, -2);
}

/* One line: "datadog: <operation>: <message>". A misuse error may have no
 * operation ("datadog: client is closed"), name a function of the Lua layer
 * ("datadog.slack_channel: ..."), or sit in a batch ("datadog: batch:
 * calls[2]: GetIncident: ..."). Fields are read raw: tostring of an error
 * never runs a caller's code. */
static int error_tostring(lua_State *L)
{
    const char *op, *msg;
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_pushliteral(L, "operation");
    lua_rawget(L, 1);
    lua_pushliteral(L, "message");
    lua_rawget(L, 1);
    lua_pushliteral(L, "call");
    lua_rawget(L, 1);
    op = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : NULL;
    msg = lua_type(L, 3) == LUA_TSTRING ? lua_tostring(L, 3) : "error";
    /* a sentence that starts with its operation ("GetIncident is a beta
     * operation ...") is not prefixed with it again */
    if (op && strncmp(msg, op, strlen(op)) == 0 && msg[strlen(op)] == ' ')
        op = NULL;
    if (lua_type(L, 4) == LUA_TNUMBER)
        lua_pushfstring(L, "datadog: batch: calls[%d]: %s%s%s", (int)lua_tonumber(L, 4),
                        op ? op : "", op ? ": " : "", msg);
    else if (!op)
        lua_pushfstring(L, "datadog: %s", msg);
    else if (strncmp(op, "datadog.", 8) == 0)
        lua_pushfstring(L, "%s: %s", op, msg);
    else
        lua_pushfstring(L, "datadog: %s: %s", op, msg);
    return 1;
}

/* ---------------------------------------------------------------- misuse */

/* Replaces the string at the top with a copy masked by c's keys. */
static void mask_keys(lua_State *L, const dd_client *c)
{
    dd_secrets sec;
    if (!c)
        return;
    dd_secrets_init(&sec);
    dd_client_secrets(c, &sec);
    dd_secrets_mask(L, &sec, -1);
    dd_secrets_free(&sec);
}

/* The one constructor of misuse errors (kind "invalid"): every raise site
 * of the C core and, through core.misuse, of the Lua layer. Its texts are
 * masked with the client's keys (a caller may have put one anywhere: in a
 * path, a parameter name); op and field may be NULL. */
void dd_misuse_push(lua_State *L, const dd_client *c, const char *op,
                    const char *field, const char *msg)
{
    lua_createtable(L, 0, 6);
    dd_rawgetp_registry(L, dd_key_error_mt);
    lua_setmetatable(L, -2);
    lua_pushliteral(L, "invalid");
    lua_setfield(L, -2, "kind");
    if (op) { /* dd:request's is "METHOD path" */
        lua_pushstring(L, op);
        mask_keys(L, c);
        lua_setfield(L, -2, "operation");
    }
    if (field) {
        lua_pushstring(L, field);
        mask_keys(L, c);
        lua_setfield(L, -2, "field");
    }
    lua_pushstring(L, msg);
    mask_keys(L, c);
    lua_setfield(L, -2, "message");
    push_list(L);
    lua_setfield(L, -2, "errors");
}

int dd_misuse(lua_State *L, const dd_client *c, const char *op,
              const char *field, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    lua_pushvfstring(L, fmt, ap);
    va_end(ap);
    dd_misuse_push(L, c, op, field, lua_tostring(L, -1));
    return lua_error(L);
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
    push_list(L);
    lua_setfield(L, -2, "errors");
}

/* Pushes a copy of the decoded JSON value at idx in which every string,
 * keys included, has the secrets masked: Datadog's error objects can echo
 * what was sent anywhere inside them (a detail, a source, meta). The
 * decoder's depth limit bounds the recursion. */
static void push_masked_copy(lua_State *L, const dd_secrets *sec, int idx)
{
    idx = dd_absindex(L, idx);
    luaL_checkstack(L, 4, "datadog: error body nested too deeply");
    if (lua_type(L, idx) != LUA_TTABLE) {
        lua_pushvalue(L, idx);
        dd_secrets_mask(L, sec, -1);
        return;
    }
    lua_newtable(L);
    if (lua_getmetatable(L, idx)) /* the array marker, so [] stays [] */
        lua_setmetatable(L, -2);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        push_masked_copy(L, sec, -2); /* key */
        push_masked_copy(L, sec, -2); /* value */
        lua_rawset(L, -5);
        lua_pop(L, 1);
    }
}

static int is_list(lua_State *L, int idx)
{
    int is;
    if (lua_type(L, idx) != LUA_TTABLE || !lua_getmetatable(L, idx))
        return 0;
    dd_rawgetp_registry(L, dd_key_array_mt);
    is = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    return is;
}

/* Sets "errors" on the error at -1 to what the decoded body at index body
 * (0: none) holds there, masked: a list is kept whole, whatever its items
 * (strings, JSON:API objects, junk); any other value but null becomes a
 * one-item list, so that errors is always a list and nothing sent is
 * dropped. */
static void set_errors(lua_State *L, int body, const dd_secrets *sec)
{
    if (!body || lua_type(L, body) != LUA_TTABLE || is_list(L, body))
        return; /* keeps the empty list of dd_error_push */
    lua_getfield(L, body, "errors");
    if (is_list(L, -1)) {
        push_masked_copy(L, sec, -1);
    } else if (!lua_isnil(L, -1) && !(lua_type(L, -1) == LUA_TLIGHTUSERDATA &&
                                      lua_touserdata(L, -1) == NULL)) {
        push_list(L);
        push_masked_copy(L, sec, -2);
        lua_rawseti(L, -2, 1);
    } else {
        lua_pop(L, 1);
        return;
    }
    lua_setfield(L, -3, "errors");
    lua_pop(L, 1);
}

/* ------------------------------------------------- the error's one line */

/* The message of an HTTP error: "HTTP 404 Not Found: what Datadog said",
 * one line of at most DD_MSG_MAX bytes, whatever the server sent. */
#define DD_MSG_MAX 512
#define DD_ITEM_MAX 200 /* so that one long item leaves room for the next */

/* One item's text as Datadog wrote it, before dd_shown fits it to the line:
 * a little more than an item may show, so that a longer one shows cut. */
typedef struct item_text {
    char s[DD_ITEM_MAX + 8];
    size_t n;
} item_text;

static void item_add(item_text *t, const char *s, size_t len)
{
    size_t room = sizeof t->s - t->n;
    memcpy(t->s + t->n, s, len < room ? len : room);
    t->n += len < room ? len : room;
}

static void item_adds(item_text *t, const char *s)
{
    item_add(t, s, strlen(s));
}

/* The string at field of the table at idx (strings only), or NULL. */
static const char *str_field(lua_State *L, int idx, const char *field, size_t *len)
{
    const char *s = NULL;
    lua_getfield(L, idx, field);
    if (lua_type(L, -1) == LUA_TSTRING)
        s = lua_tolstring(L, -1, len);
    lua_pop(L, 1); /* the table still holds the string */
    return s && *len > 0 ? s : NULL;
}

static int same_text(const char *a, size_t alen, const char *b)
{
    return a && alen == strlen(b) && strncasecmp(a, b, alen) == 0;
}

/* A JSON:API error object as "title: detail (pointer /data/...)". The
 * title is left out when it only repeats the HTTP reason ("Not Found" on a
 * 404) and the detail when it repeats the title, so {"status":"404",
 * "title":"Not Found"} adds nothing to "HTTP 404 Not Found". */
static void object_text(lua_State *L, int idx, const char *why, item_text *t)
{
    static const char *const sources[] = {"pointer", "parameter", "header"};
    size_t tlen = 0, dlen = 0, slen = 0;
    const char *title = str_field(L, idx, "title", &tlen);
    const char *detail = str_field(L, idx, "detail", &dlen);
    int i;
    if (same_text(title, tlen, why))
        title = NULL;
    if (same_text(detail, dlen, why) ||
        (title && dlen == tlen && strncasecmp(detail, title, tlen) == 0))
        detail = NULL;
    if (title)
        item_add(t, title, tlen);
    if (detail) {
        if (title)
            item_adds(t, ": ");
        item_add(t, detail, dlen);
    }
    lua_getfield(L, idx, "source");
    for (i = 0; i < 3 && lua_type(L, -1) == LUA_TTABLE; i++) {
        const char *src = str_field(L, -1, sources[i], &slen);
        if (!src)
            continue;
        item_adds(t, t->n ? " (" : "(");
        item_adds(t, sources[i]);
        item_adds(t, " ");
        item_add(t, src, slen);
        item_adds(t, ")");
        break;
    }
    lua_pop(L, 1);
}

/* Whether the table at idx looks like a JSON:API error object. */
static int is_error_object(lua_State *L, int idx)
{
    static const char *const keys[] = {"status", "title", "detail", "source",
                                       "code", "meta"};
    int i, found = 0;
    for (i = 0; i < 6 && !found; i++) {
        lua_getfield(L, idx, keys[i]);
        found = !lua_isnil(L, -1);
        lua_pop(L, 1);
    }
    return found;
}

/* Anything else as compact JSON: a number, a boolean, a nested list or an
 * object of another shape reads as what it is. */
static void json_text(lua_State *L, int idx, item_text *t)
{
    dd_buf out;
    dd_enc_err err;
    dd_buf_init(&out);
    if (dd_json_encode(L, idx, NULL, 0, &out, &err, NULL) && out.data)
        item_add(t, out.data, out.len);
    else
        item_adds(t, "(unreadable value)");
    dd_buf_free(&out); /* dd_json_encode never raises: nothing in between */
}

/* The text of item i of the list at idx; empty when it says nothing. */
static void item_text_of(lua_State *L, int list, int i, const char *why, item_text *t)
{
    size_t len;
    const char *s;
    t->n = 0;
    lua_rawgeti(L, list, i);
    switch (lua_type(L, -1)) {
    case LUA_TSTRING: /* "Forbidden" on a 403 says nothing more either */
        s = lua_tolstring(L, -1, &len);
        if (!same_text(s, len, why))
            item_add(t, s, len);
        break;
    case LUA_TTABLE:
        if (!is_list(L, -1) && is_error_object(L, -1))
            object_text(L, lua_gettop(L), why, t);
        else
            json_text(L, -1, t);
        break;
    case LUA_TLIGHTUSERDATA: /* null says nothing */
        break;
    default:
        json_text(L, -1, t);
    }
    lua_pop(L, 1);
}

/* Pushes the message from the status and the (masked) errors list at
 * list: the items that say something, each as dd_shown shows a text in a
 * message (one line, at most DD_ITEM_MAX bytes, "..." where cut), joined
 * with "; "; the items past DD_MSG_MAX are counted, not cut. */
static void push_http_message(lua_State *L, long status, int list)
{
    const char *why = reason(status);
    char line[DD_MSG_MAX], shown[DD_ITEM_MAX + 4];
    item_text t;
    size_t n, len;
    int i, count = (int)dd_rawlen(L, list), left = 0, said = 0;
    const size_t room = DD_MSG_MAX - 1 - (sizeof " (+2147483647 more)" - 1);
    snprintf(line, sizeof line, "HTTP %ld %s", status, why);
    n = strlen(line);
    for (i = 1; i <= count; i++) {
        item_text_of(L, list, i, why, &t);
        if (t.n == 0)
            continue;
        len = strlen(dd_shown(shown, sizeof shown, t.s, t.n, DD_ITEM_MAX));
        if (n + 2 + len > room) {
            left = count - i + 1;
            break;
        }
        memcpy(line + n, said++ ? "; " : ": ", 2);
        memcpy(line + n + 2, shown, len);
        n += 2 + len;
    }
    if (left > 0)
        n += (size_t)snprintf(line + n, sizeof line - n, " (+%d more)", left);
    lua_pushlstring(L, line, n);
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
        /* An HTTP error: keep what Datadog sent and say it in one line,
         * from the masked copy, so a cut can never leave half a key. */
        dd_error_push(L, op, "http", res->status, "");
        set_errors(L, body, sec);
        lua_getfield(L, -1, "errors");
        push_http_message(L, res->status, lua_gettop(L));
        dd_secrets_mask(L, sec, -1);
        lua_setfield(L, -3, "message");
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
