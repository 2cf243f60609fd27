/*
 * request.c - from an operation and its Lua arguments to method, URL and
 * body. Everything here is checked before anything is sent: misuse raises,
 * naming the operation and the parameter.
 *
 * Raising is safe: the buffers being filled belong to a dd_request that the
 * caller keeps in collectable memory (the client, or a userdata), never to a
 * malloc this file would have to free.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dd.h"

void dd_request_init(dd_request *r)
{
    r->op = NULL;
    r->gzipped = 0;
    r->secrets.n = 0;
    dd_buf_init(&r->url);
    dd_buf_init(&r->body);
    r->has_body = 0;
}

void dd_request_free(dd_request *r)
{
    dd_buf_free(&r->url);
    dd_buf_free(&r->body);
    r->has_body = 0;
}

/* RFC 3986's unreserved bytes, A-Z a-z 0-9 - . _ ~, as a bitmap: bit c of
 * the 256. */
static const uint64_t unreserved_bits[4] = {
    0x03ff600000000000ULL, /* - . 0-9 */
    0x47fffffe87fffffeULL, /* A-Z _ a-z ~ */
    0, 0,
};

static inline int unreserved(unsigned char c)
{
    return (int)((unreserved_bits[c >> 6] >> (c & 63)) & 1);
}

int dd_unreserved(unsigned char c)
{
    return unreserved(c);
}

/* Appends s[0..len) percent-encoded: runs of unreserved bytes (an id is
 * usually all of it) are copied whole. */
void dd_percent_encode(dd_buf *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t i = 0, run;
    dd_buf_reserve(out, len * 3);
    while (i < len) {
        for (run = i; run < len && unreserved((unsigned char)s[run]); run++)
            ;
        dd_buf_add(out, s + i, run - i);
        if (run < len) {
            unsigned char c = (unsigned char)s[run];
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            dd_buf_add(out, e, 3);
            run++;
        }
        i = run;
    }
}

/* ---------------------------------------------------------------- suggestions */

static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), i, j;
    size_t row[64];
    if (la >= 63 || lb >= 63)
        return (size_t)-1;
    for (j = 0; j <= lb; j++)
        row[j] = j;
    for (i = 1; i <= la; i++) {
        size_t prev = row[0], tmp;
        row[0] = i;
        for (j = 1; j <= lb; j++) {
            size_t best = prev + (a[i - 1] != b[j - 1]);
            tmp = row[j];
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            prev = tmp;
        }
    }
    return row[lb];
}

const char *dd_suggest(const char *word, const char *const *cands, int n)
{
    const char *best = NULL;
    size_t bestd = (size_t)-1, limit = strlen(word) / 3 + 2;
    int i;
    for (i = 0; i < n; i++) {
        size_t d = edit_distance(word, cands[i]);
        if (d < bestd) {
            bestd = d;
            best = cands[i];
        }
    }
    return bestd <= limit ? best : NULL;
}

/* ---------------------------------------------------------------- arguments */

static const char *typename_at(lua_State *L, int idx)
{
    return luaL_typename(L, idx);
}

/* The value of a path parameter must be a non-empty string. */
static void add_path_value(lua_State *L, const dd_op *op, const char *name,
                           int idx, dd_buf *url)
{
    size_t len;
    const char *s;
    if (lua_type(L, idx) != LUA_TSTRING)
        luaL_error(L, "datadog: %s: %s must be a string (got %s)", op->id, name,
                   typename_at(L, idx));
    s = lua_tolstring(L, idx, &len);
    if (len == 0)
        luaL_error(L, "datadog: %s: %s must not be empty", op->id, name);
    /* A segment of dots would be read as "." or "..": encode them too, so a
     * value can never move the request to another path. */
    if (strspn(s, ".") == len) {
        size_t i;
        for (i = 0; i < len; i++)
            dd_buf_add(url, "%2E", 3);
        return;
    }
    dd_percent_encode(url, s, len);
}

static const dd_qparam *qparam_find(const char *name)
{
    int i;
    for (i = 0; i < dd_nqparams; i++)
        if (strcmp(dd_qparams[i].name, name) == 0)
            return &dd_qparams[i];
    return NULL;
}

/* Appends "&key=value" for the query parameter q whose value is at idx. */
static void add_query(lua_State *L, const dd_op *op, const dd_qparam *q, int idx,
                      dd_buf *url, int *first)
{
    size_t len;
    const char *s;
    dd_buf_addc(url, *first ? '?' : '&');
    *first = 0;
    dd_percent_encode(url, q->wire, strlen(q->wire));
    dd_buf_addc(url, '=');
    switch (q->type) {
    case DD_QT_BOOL:
        if (lua_type(L, idx) != LUA_TBOOLEAN)
            luaL_error(L, "datadog: %s: %s must be a boolean (got %s)", op->id,
                       q->name, typename_at(L, idx));
        dd_buf_adds(url, lua_toboolean(L, idx) ? "true" : "false");
        break;
    case DD_QT_INT: {
        lua_Number v;
        if (lua_type(L, idx) != LUA_TNUMBER)
            luaL_error(L, "datadog: %s: %s must be an integer (got %s)", op->id,
                       q->name, typename_at(L, idx));
        v = lua_tonumber(L, idx);
        if (v != floor(v) || v < 0 || v > 9.0e15)
            luaL_error(L, "datadog: %s: %s must be a non-negative integer",
                       op->id, q->name);
        dd_buf_printf(url, "%.0f", (double)v);
        break;
    }
    case DD_QT_CSV:
        if (lua_type(L, idx) == LUA_TSTRING) {
            s = lua_tolstring(L, idx, &len);
            dd_percent_encode(url, s, len);
        } else if (lua_type(L, idx) == LUA_TTABLE) {
            int i, n = (int)dd_rawlen(L, idx);
            for (i = 1; i <= n; i++) {
                lua_rawgeti(L, idx, i);
                if (lua_type(L, -1) != LUA_TSTRING)
                    luaL_error(L, "datadog: %s: %s[%d] must be a string (got %s)",
                               op->id, q->name, i, typename_at(L, -1));
                if (i > 1)
                    dd_buf_add(url, "%2C", 3);
                s = lua_tolstring(L, -1, &len);
                dd_percent_encode(url, s, len);
                lua_pop(L, 1);
            }
        } else {
            luaL_error(L, "datadog: %s: %s must be a string or a list of "
                          "strings (got %s)",
                       op->id, q->name, typename_at(L, idx));
        }
        break;
    }
}

/* A caller's name s[0..len), fit to be echoed in a one-line error: control
 * characters (a CR or LF would split the message, or forge a log line; a
 * NUL would end it early) become '?', and it is cut to 60 bytes, at a UTF-8
 * character boundary. buf must hold 64 bytes. */
static const char *shown_name(char *buf, const char *s, size_t len)
{
    size_t n = len, i;
    if (n > 60) {
        n = 60;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    for (i = 0; i < n; i++)
        buf[i] = ((unsigned char)s[i] < 0x20 || s[i] == 0x7f) ? '?' : s[i];
    strcpy(buf + n, n < len ? "..." : "");
    return buf;
}

/* Raises "unknown parameter" with a suggestion among what op accepts. */
static void unknown_param(lua_State *L, const dd_op *op, const char *what,
                          const char *name, size_t len)
{
    const char *cands[16];
    char pnames[4][48], shown[64];
    int n = 0, i;
    const char *hint;
    for (i = 0; i < 4 && dd_op_path_param(op, i, pnames[i], sizeof pnames[i]); i++)
        cands[n++] = pnames[i];
    for (i = 0; i < dd_nqparams; i++)
        if (op->query & dd_qparams[i].bit)
            cands[n++] = dd_qparams[i].name;
    if (op->body)
        cands[n++] = "body";
    hint = dd_suggest(name, cands, n);
    shown_name(shown, name, len);
    if (hint)
        luaL_error(L, "datadog: %s: unknown %s '%s'; did you mean '%s'?", op->id,
                   what, shown, hint);
    luaL_error(L, "datadog: %s: unknown %s '%s'", op->id, what, shown);
}

/* Query parameters from the table at idx (nil allowed). When allow_other is
 * set (the params table of dd:call), path parameter names and "body" are
 * skipped rather than rejected. */
static void add_queries(lua_State *L, const dd_op *op, int idx, dd_buf *url,
                        int allow_other, const char *what)
{
    int first = 1, i;
    if (lua_isnoneornil(L, idx))
        return;
    if (lua_type(L, idx) != LUA_TTABLE)
        luaL_error(L, "datadog: %s: %s must be a table (got %s)", op->id, what,
                   typename_at(L, idx));
    /* Check every key first, so a typo is reported whatever the order. */
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        const dd_qparam *q;
        const char *k;
        size_t klen;
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING)
            luaL_error(L, "datadog: %s: %s keys must be strings (got %s)",
                       op->id, what, typename_at(L, -1));
        k = lua_tolstring(L, -1, &klen);
        /* "page_size\0x" is not page_size: C string compares below would
         * stop at the NUL and take it for one, then read nil */
        if (strlen(k) == klen) {
            /* most operations have no query parameter to look for */
            if (op->query && (q = qparam_find(k)) != NULL && (op->query & q->bit))
                continue;
            if (allow_other &&
                ((op->body && strcmp(k, "body") == 0) || dd_op_is_path_param(op, k, klen)))
                continue;
        }
        unknown_param(L, op, "parameter", k, klen); /* k: still on the stack */
    }
    /* Then add them in the operation's documented order. */
    for (i = 0; op->query && i < dd_nqparams; i++) {
        const dd_qparam *q = &dd_qparams[i];
        if (!(op->query & q->bit))
            continue;
        lua_getfield(L, idx, q->name);
        if (!lua_isnil(L, -1))
            add_query(L, op, q, lua_gettop(L), url, &first);
        lua_pop(L, 1);
    }
}

/* The first occurrence of needle in hay, or NULL. */
static const char *find_bytes(const char *hay, size_t hlen, const char *needle,
                              size_t nlen)
{
    size_t i;
    if (nlen == 0 || nlen > hlen)
        return NULL;
    for (i = 0; i + nlen <= hlen; i++)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, nlen) == 0)
            return hay + i;
    return NULL;
}

static void add_body(lua_State *L, dd_client *c, const dd_op *op, int idx,
                     dd_request *r)
{
    dd_enc_err err;
    dd_buf_reset(&r->body);
    r->has_body = 1;
    r->gzipped = 0;
    switch (lua_type(L, idx)) {
    case LUA_TSTRING: {
        /* Sent as given, but first decoded: checked against the schema when
         * validating, and its secret fields noted for masking. */
        size_t len, i;
        const char *s = lua_tolstring(L, idx, &len);
        char derr[160];
        dd_secrets found;
        found.n = 0;
        if (dd_json_decode(L, s, len, derr, sizeof derr)) {
            int ok = dd_json_encode(L, lua_gettop(L), op->body, c->validate,
                                    &r->body, &err, &found);
            /* The values just found live in the decoded table, which may be
             * collected once popped: note where they stand in the caller's
             * text instead, which lives as long as the call. */
            for (i = 0; ok && i < (size_t)found.n; i++) {
                const char *hit = find_bytes(s, len, found.s[i], found.len[i]);
                if (hit)
                    dd_secrets_add(&r->secrets, hit, found.len[i]);
            }
            lua_pop(L, 1);
            if (!ok)
                luaL_error(L, "datadog: %s: %s: %s", op->id, err.path, err.msg);
        } else if (c->validate) {
            luaL_error(L, "datadog: %s: body: a string body is sent as raw JSON, "
                       "and this one is not valid JSON: %s", op->id, derr);
        }
        dd_buf_reset(&r->body);
        dd_buf_add(&r->body, s, len);
        break;
    }
    case LUA_TTABLE:
        if (!dd_json_encode(L, idx, op->body, c->validate, &r->body, &err,
                            &r->secrets))
            luaL_error(L, "datadog: %s: %s: %s", op->id, err.path, err.msg);
        break;
    case LUA_TNIL:
    case LUA_TNONE:
        luaL_error(L, "datadog: %s: body is required", op->id);
        break;
    default:
        luaL_error(L, "datadog: %s: body must be a table or a JSON string (got %s)",
                   op->id, typename_at(L, idx));
    }
    if (r->body.failed)
        luaL_error(L, "datadog: %s: out of memory encoding the body", op->id);
    if (c->gzip_min > 0 && r->body.len >= (size_t)c->gzip_min) {
        dd_buf z;
        dd_buf_init(&z);
        if (dd_gzip(r->body.data, r->body.len, &z)) {
            dd_buf tmp = r->body; /* swap: the request keeps the gzip data */
            r->body = z;
            z = tmp;
            r->gzipped = 1;
        }
        dd_buf_free(&z); /* no raise between init and here */
    }
}

void dd_request_key_secrets(const dd_client *c, dd_request *r)
{
    r->secrets.n = 0;
    dd_secrets_add(&r->secrets, c->api_key, strlen(c->api_key));
    dd_secrets_add(&r->secrets, c->app_key, strlen(c->app_key));
}

void dd_request_build(lua_State *L, dd_client *c, const dd_op *op, int argi,
                      int named, dd_request *r)
{
    const char *p, *open;
    char pname[48];
    int np = 0, nparams = dd_op_path_param_count(op);
    r->op = op;
    r->has_body = 0;
    r->gzipped = 0;
    dd_request_key_secrets(c, r);
    dd_buf_reset(&r->url);
    dd_buf_reset(&r->body);
    if (!named) {
        if (lua_type(L, argi) != LUA_TTABLE && !lua_isnoneornil(L, argi))
            luaL_error(L, "datadog: %s: params must be a table (got %s)", op->id,
                       typename_at(L, argi));
        if (lua_isnoneornil(L, argi)) {
            lua_newtable(L);
            lua_replace(L, argi);
        }
    } else {
        int extra = argi + nparams + (op->body ? 1 : 0) + 1;
        if (lua_gettop(L) >= extra && !lua_isnoneornil(L, extra)) {
            luaL_error(L, "datadog: %s: too many arguments (expected %d path "
                          "parameter%s%s, then an options table)",
                       op->id, nparams, nparams == 1 ? "" : "s",
                       op->body ? ", the body" : "");
        }
    }
    dd_buf_add(&r->url, c->base_url, strlen(c->base_url));
    /* path, with each {param} replaced by its encoded value */
    for (p = op->path; (open = strchr(p, '{')) != NULL;) {
        const char *close = strchr(open, '}');
        size_t plen = (size_t)(close - open - 1);
        dd_buf_add(&r->url, p, (size_t)(open - p));
        /* the templates are ours (ops.c): names are short, braces paired */
        memcpy(pname, open + 1, plen < sizeof pname ? plen : sizeof pname - 1);
        pname[plen < sizeof pname ? plen : sizeof pname - 1] = '\0';
        if (named) {
            add_path_value(L, op, pname, argi + np, &r->url);
        } else {
            lua_getfield(L, argi, pname);
            add_path_value(L, op, pname, lua_gettop(L), &r->url);
            lua_pop(L, 1);
        }
        np++;
        p = close + 1;
    }
    dd_buf_adds(&r->url, p);
    if (named) {
        int bodyi = argi + nparams, opti = bodyi + (op->body ? 1 : 0);
        add_queries(L, op, opti, &r->url, 0, "options");
        if (op->body)
            add_body(L, c, op, bodyi, r);
    } else {
        add_queries(L, op, argi, &r->url, 1, "params");
        if (op->body) {
            lua_getfield(L, argi, "body");
            add_body(L, c, op, lua_gettop(L), r);
            lua_pop(L, 1);
        }
    }
    if (r->url.failed)
        luaL_error(L, "datadog: %s: out of memory building the URL", op->id);
}
