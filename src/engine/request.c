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
#include <strings.h>

#include "engine.h"

void dd_request_init(dd_request *r)
{
    r->op = NULL;
    r->gzipped = 0;
    dd_secrets_init(&r->secrets);
    dd_buf_init(&r->raw_text);
    dd_buf_init(&r->url);
    dd_buf_init(&r->body);
    r->has_body = 0;
}

void dd_request_free(dd_request *r)
{
    dd_buf_free(&r->url);
    dd_buf_free(&r->body);
    dd_secrets_free(&r->secrets);
    dd_buf_free(&r->raw_text);
    r->has_body = 0;
}

/* ---------------------------------------------------------------- arguments */

static const char *typename_at(lua_State *L, int idx)
{
    return luaL_typename(L, idx);
}

/* The value of a path parameter must be a non-empty string. */
void dd_add_path_value(lua_State *L, const char *who, const char *name, int idx,
                       dd_buf *url)
{
    size_t len;
    const char *s;
    if (lua_type(L, idx) != LUA_TSTRING)
        dd_misuse(L, NULL, who, name, "%s must be a string (got %s)", name,
                   typename_at(L, idx));
    s = lua_tolstring(L, idx, &len);
    if (len == 0)
        dd_misuse(L, NULL, who, name, "%s must not be empty", name);
    /* Datadog's ids are short; a huge value would reach libcurl, fail there
     * as "out of memory" and be retried as a lost connection. */
    if (len > DD_MAX_PATH_PARAM)
        dd_misuse(L, NULL, who, name, "%s is too long (%d bytes; at most %d)", name,
                  len > 999999999 ? 999999999 : (int)len, DD_MAX_PATH_PARAM);
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

/* A URL longer than DD_MAX_URL would be refused by a server (or a proxy)
 * with 414, or fail in libcurl and be retried as a lost connection: it is
 * misuse, named by the parameter that made it too long. */
void dd_check_url_length(lua_State *L, const dd_client *c, const char *who,
                         const char *field, const dd_buf *url)
{
    if (url->len <= DD_MAX_URL)
        return;
    if (field)
        dd_misuse(L, c, who, field, "%s makes the URL too long (more than %d bytes)",
                  field, DD_MAX_URL);
    dd_misuse(L, c, who, "path", "the path parameters make the URL too long (more "
                                 "than %d bytes)",
              DD_MAX_URL);
}

/* op's query parameter named k[0..klen), or NULL. */
static const dd_qparam *qparam_find(const dd_op *op, const char *k, size_t klen)
{
    int i;
    for (i = 0; i < op->nquery; i++)
        if (strlen(op->query[i].name) == klen && memcmp(op->query[i].name, k, klen) == 0)
            return &op->query[i];
    return NULL;
}

/* Raises unless s[0..len) is one of q's values (when it has a list). */
static void check_enum(lua_State *L, const dd_op *op, const dd_qparam *q,
                       const char *s, size_t len)
{
    const char *const *v;
    char list[160];
    size_t n = 0;
    if (!q->enums)
        return;
    for (v = q->enums; *v; v++)
        if (strlen(*v) == len && memcmp(*v, s, len) == 0)
            return;
    list[0] = '\0';
    for (v = q->enums; *v && n < sizeof list; v++)
        n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", v == q->enums ? "" : ", ", *v);
    dd_misuse(L, NULL, op->id, q->name, "%s must be one of %s", q->name, list);
}

/* A CSV value given as one string is checked a piece at a time. */
static void check_csv_string(lua_State *L, const dd_op *op, const dd_qparam *q,
                             const char *s, size_t len)
{
    const char *end = s + len, *comma;
    if (!q->enums)
        return;
    for (;;) {
        comma = memchr(s, ',', (size_t)(end - s));
        check_enum(L, op, q, s, (size_t)((comma ? comma : end) - s));
        if (!comma)
            return;
        s = comma + 1;
    }
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
            dd_misuse(L, NULL, op->id, q->name, "%s must be a boolean (got %s)", q->name,
                      typename_at(L, idx));
        dd_buf_adds(url, lua_toboolean(L, idx) ? "true" : "false");
        break;
    case DD_QT_INT: {
        lua_Number v;
        if (lua_type(L, idx) != LUA_TNUMBER)
            dd_misuse(L, NULL, op->id, q->name, "%s must be an integer (got %s)", q->name,
                      typename_at(L, idx));
        v = lua_tonumber(L, idx);
        if (v != floor(v) || v < 0 || v > 9.0e15)
            dd_misuse(L, NULL, op->id, q->name, "%s must be a non-negative integer",
                       q->name);
        dd_buf_printf(url, "%.0f", (double)v);
        break;
    }
    case DD_QT_STRING:
        if (lua_type(L, idx) != LUA_TSTRING)
            dd_misuse(L, NULL, op->id, q->name, "%s must be a string (got %s)", q->name,
                      typename_at(L, idx));
        s = lua_tolstring(L, idx, &len);
        check_enum(L, op, q, s, len);
        dd_percent_encode(url, s, len);
        break;
    case DD_QT_CSV:
        if (lua_type(L, idx) == LUA_TSTRING) {
            s = lua_tolstring(L, idx, &len);
            check_csv_string(L, op, q, s, len);
            dd_percent_encode(url, s, len);
        } else if (lua_type(L, idx) == LUA_TTABLE) {
            int i, n = (int)dd_rawlen(L, idx);
            for (i = 1; i <= n; i++) {
                lua_rawgeti(L, idx, i);
                if (lua_type(L, -1) != LUA_TSTRING)
                    dd_misuse(L, NULL, op->id, q->name, "%s[%d] must be a string (got %s)",
                               q->name, i, typename_at(L, -1));
                if (i > 1)
                    dd_buf_add(url, "%2C", 3);
                s = lua_tolstring(L, -1, &len);
                check_enum(L, op, q, s, len);
                dd_percent_encode(url, s, len);
                lua_pop(L, 1);
            }
        } else {
            dd_misuse(L, NULL, op->id, q->name, "%s must be a string or a list of "
                          "strings (got %s)",
                       q->name, typename_at(L, idx));
        }
        break;
    }
}

/* Raises "unknown parameter" with a suggestion among what op accepts. */
static void unknown_param(lua_State *L, const dd_client *c, const dd_op *op,
                          const char *what,
                          const char *name, size_t len)
{
    const char *cands[16];
    char pnames[4][48], shown[64];
    int n = 0, i;
    const char *hint;
    for (i = 0; i < 4 && dd_op_path_param(op, i, pnames[i], sizeof pnames[i]); i++)
        cands[n++] = pnames[i];
    for (i = 0; i < op->nquery && n < 15; i++)
        cands[n++] = op->query[i].name;
    if (op->body)
        cands[n++] = "body";
    hint = dd_suggest(name, cands, n);
    dd_shown(shown, sizeof shown, name, len, 60);
    if (hint)
        dd_misuse(L, c, op->id, NULL, "unknown %s '%s'; did you mean '%s'?", what, shown,
                  hint);
    dd_misuse(L, c, op->id, NULL, "unknown %s '%s'", what, shown);
}

/* Query parameters from the table at idx (nil allowed). When allow_other is
 * set (the params table of dd:call), path parameter names and "body" are
 * skipped rather than rejected. */
static void add_queries(lua_State *L, const dd_client *c, const dd_op *op, int idx,
                        dd_buf *url,
                        int allow_other, const char *what)
{
    int first = 1, i;
    if (lua_isnoneornil(L, idx)) {
        for (i = 0; i < op->nquery; i++)
            if (op->query[i].flags & DD_QP_REQUIRED)
                dd_misuse(L, NULL, op->id, op->query[i].name, "%s is required",
                          op->query[i].name);
        return;
    }
    if (lua_type(L, idx) != LUA_TTABLE)
        dd_misuse(L, NULL, op->id, NULL, "%s must be a table (got %s)", what,
                   typename_at(L, idx));
    /* Check every key first, so a typo is reported whatever the order. */
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        const char *k;
        size_t klen;
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING)
            dd_misuse(L, NULL, op->id, NULL, "%s keys must be strings (got %s)",
                       what, typename_at(L, -1));
        k = lua_tolstring(L, -1, &klen);
        /* lengths compared: "page_size\0x" is not page_size */
        if (op->nquery && qparam_find(op, k, klen))
            continue;
        if (allow_other &&
            ((op->body && klen == 4 && memcmp(k, "body", 4) == 0) ||
             dd_op_is_path_param(op, k, klen)))
            continue;
        unknown_param(L, c, op, "parameter", k, klen); /* k: still on the stack */
    }
    /* Then add them in the operation's documented order. */
    for (i = 0; i < op->nquery; i++) {
        const dd_qparam *q = &op->query[i];
        lua_getfield(L, idx, q->name);
        if (!lua_isnil(L, -1)) {
            add_query(L, op, q, lua_gettop(L), url, &first);
            dd_check_url_length(L, c, op->id, q->name, url);
        }
        else if (q->flags & DD_QP_REQUIRED)
            dd_misuse(L, NULL, op->id, q->name, "%s is required", q->name);
        lua_pop(L, 1);
    }
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
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        char derr[160];
        if (dd_json_decode(L, s, len, derr, sizeof derr)) {
            /* the secrets found are copied: the call owns what it masks */
            int ok = dd_json_encode(L, lua_gettop(L), op->body, c->validate,
                                    &r->body, &err, &r->secrets);
            lua_pop(L, 1);
            if (!ok)
                dd_misuse(L, c, op->id, err.path, "%s: %s", err.path, err.msg);
        } else if (c->validate) {
            dd_misuse(L, NULL, op->id, "body", "body: a string body is sent as raw JSON, "
                       "and this one is not valid JSON: %s", derr);
        }
        dd_buf_reset(&r->body);
        dd_buf_add(&r->body, s, len);
        break;
    }
    case LUA_TTABLE:
        if (!dd_json_encode(L, idx, op->body, c->validate, &r->body, &err,
                            &r->secrets))
            dd_misuse(L, c, op->id, err.path, "%s: %s", err.path, err.msg);
        break;
    case LUA_TNIL:
    case LUA_TNONE:
        dd_misuse(L, NULL, op->id, "body", "body is required");
        break;
    default:
        dd_misuse(L, NULL, op->id, "body", "body must be a table or a JSON string (got %s)",
                   typename_at(L, idx));
    }
    if (r->body.failed)
        luaL_error(L, "datadog: %s: out of memory encoding the body", op->id);
    if (c->gzip_min > 0 && r->body.len >= (size_t)c->gzip_min)
        dd_request_gzip(r);
}

void dd_request_gzip(dd_request *r)
{
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

void dd_client_secrets(const dd_client *c, dd_secrets *sec)
{
    const char *const creds[] = {c->api_key, c->app_key, c->access_token};
    size_t i;
    for (i = 0; i < sizeof creds / sizeof creds[0]; i++)
        if (creds[i])
            dd_secrets_add(sec, creds[i], strlen(creds[i]));
}

void dd_request_key_secrets(const dd_client *c, dd_request *r)
{
    dd_secrets_reset(&r->secrets);
    dd_client_secrets(c, &r->secrets);
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
            dd_misuse(L, NULL, op->id, "params", "params must be a table (got %s)",
                      typename_at(L, argi));
        if (lua_isnoneornil(L, argi)) {
            lua_newtable(L);
            lua_replace(L, argi);
        }
    } else {
        int extra = argi + nparams + (op->body ? 1 : 0) + 1;
        if (lua_gettop(L) >= extra && !lua_isnoneornil(L, extra)) {
            dd_misuse(L, NULL, op->id, NULL, "too many arguments (expected %d path "
                          "parameter%s%s, then an options table)",
                       nparams, nparams == 1 ? "" : "s",
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
            dd_add_path_value(L, op->id, pname, argi + np, &r->url);
        } else {
            lua_getfield(L, argi, pname);
            dd_add_path_value(L, op->id, pname, lua_gettop(L), &r->url);
            lua_pop(L, 1);
        }
        np++;
        p = close + 1;
    }
    dd_buf_adds(&r->url, p);
    dd_check_url_length(L, c, op->id, NULL, &r->url); /* encoded, a value triples */
    if (named) {
        int bodyi = argi + nparams, opti = bodyi + (op->body ? 1 : 0);
        add_queries(L, c, op, opti, &r->url, 0, "options");
        if (op->body)
            add_body(L, c, op, bodyi, r);
    } else {
        add_queries(L, c, op, argi, &r->url, 1, "params");
        if (op->body) {
            lua_getfield(L, argi, "body");
            add_body(L, c, op, lua_gettop(L), r);
            lua_pop(L, 1);
        }
    }
    if (r->url.failed)
        luaL_error(L, "datadog: %s: out of memory building the URL", op->id);
}

/* ---------------------------------------------------------------- headers */

/* The one header set: libcurl's lists, the request table of a Lua driver
 * and the bytes the engine writes for a byte-moving driver are all made
 * from this. Accept-Encoding is written as the official clients write it. */
/* Whether call k gives a header of this name itself (any case). */
static int call_header(const dd_call *k, const char *name)
{
    int i;
    for (i = 0; i < k->nheaders; i++)
        if (strcasecmp(k->headers[2 * i], name) == 0)
            return 1;
    return 0;
}

int dd_request_headers(const dd_client *c, const dd_call *k, int accept_any, int has_body,
                       int gzipped, dd_header *out)
{
    int n = 0, i;
    out[n].name = "Accept";
    out[n++].value = accept_any ? "*/*" : "application/json";
    if (c->compress) {
        out[n].name = "Accept-Encoding";
        out[n++].value = "gzip,deflate";
    }
    if (has_body && gzipped) {
        out[n].name = "Content-Encoding";
        out[n++].value = "gzip";
    }
    if (has_body) {
        out[n].name = "Content-Type";
        out[n++].value = "application/json";
    }
    if (c->access_token) {
        out[n].name = "Authorization";
        out[n++].value = c->bearer;
    }
    if (c->api_key) {
        out[n].name = "DD-API-KEY";
        out[n++].value = c->api_key;
    }
    if (c->app_key) {
        out[n].name = "DD-APPLICATION-KEY";
        out[n++].value = c->app_key;
    }
    out[n].name = "User-Agent";
    out[n++].value = c->user_agent;
    for (i = 0; i < c->nheaders; i++) { /* the caller's, checked at new */
        if (k && call_header(k, c->headers[2 * i]))
            continue; /* the call's own value instead */
        out[n].name = c->headers[2 * i];
        out[n++].value = c->headers[2 * i + 1];
    }
    for (i = 0; k && i < k->nheaders; i++) { /* the call's, checked by its options */
        out[n].name = k->headers[2 * i];
        out[n++].value = k->headers[2 * i + 1];
    }
    return n;
}
