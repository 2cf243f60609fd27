/*
 * values.c - a call's request and outcome as Lua values: the request table
 * a driver in Lua receives (dd:start's "send", a `transport` function,
 * dd:prepare), and a response or failure read back from Lua values. Shared
 * by the drivers that hand requests to Lua (transport.c, call_lua.c), below
 * both.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "engine.h"

/* ---------------------------------------------------------------- requests */

/* The text is made with the request, masked by its secrets (a caller may
 * have put a key in a query value): a driver may change the table's fields,
 * and the secrets are not the table's to keep. */
static int request_tostring(lua_State *L)
{
    lua_pushvalue(L, lua_upvalueindex(1));
    return 1;
}

/* The request as a table: method, url, headers, body, operation, and what a
 * driver needs to move it like libcurl does: send_once (a write the server
 * may have acted on: never resend it on another connection by yourself),
 * timeout and connect_timeout (seconds), max_body (bytes). Its tostring
 * hides the keys. */
void dd_push_request(lua_State *L, dd_client *c, const dd_request *r,
                     const dd_call *k)
{
    const dd_op *op = r->op;
    lua_createtable(L, 0, 9);
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
    const dd_policy *pol = k ? &k->pol : &c->pol;
    lua_pushboolean(L, (pol->retry_methods & dd_method_bit(op->http)) == 0);
    lua_setfield(L, -2, "send_once");
    /* this attempt's: less than the client's timeout near the deadline */
    lua_pushnumber(L, (lua_Number)(k ? dd_call_attempt_ms(c, k) : c->pol.timeout_ms) / 1000);
    lua_setfield(L, -2, "timeout");
    lua_pushnumber(L, (lua_Number)pol->connect_timeout_ms / 1000);
    lua_setfield(L, -2, "connect_timeout");
    lua_pushnumber(L, (lua_Number)c->max_body);
    lua_setfield(L, -2, "max_body");
    {
        dd_header h[DD_MAX_HEADERS];
        int n = dd_request_headers(c, k, (op->flags & DD_OP_ACCEPT_ANY) != 0, r->has_body,
                                   r->gzipped, h), i;
        lua_createtable(L, 0, n);
        for (i = 0; i < n; i++) {
            lua_pushstring(L, h[i].value);
            lua_setfield(L, -2, h[i].name);
        }
    }
    lua_setfield(L, -2, "headers");
    lua_newtable(L);
    lua_pushfstring(L, "datadog.request{%s ", op->http);
    dd_secrets_push_masked(L, &r->secrets, r->url.data ? r->url.data : "", r->url.len);
    lua_pushliteral(L, ", keys hidden}");
    lua_concat(L, 3);
    lua_pushcclosure(L, request_tostring, 1);
    lua_setfield(L, -2, "__tostring");
    lua_setmetatable(L, -2);
}

/* ---------------------------------------------------------------- responses */

/* Casting NaN or 1e300 to long would be undefined behaviour: the status is
 * checked first. */
int dd_result_from_lua(lua_State *L, int idx, dd_result *res)
{
    size_t len;
    const char *s;
    lua_Number st = lua_tonumber(L, idx);
    dd_result_reset(res);
    if (lua_type(L, idx) != LUA_TNUMBER || !(st >= 100 && st <= 999 && st == floor(st)))
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
    res->encoded = 1;
    return 1;
}

/* The kinds a driver may report; anything else counts as network. */
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

/* A message is masked before it is cut to fit in res->message: cut first,
 * a key at the cut would leave a piece that no longer matches the key, and
 * so would never be masked. */
void dd_result_fail_from_lua(lua_State *L, int idx, const dd_secrets *sec,
                             const char *prefix, dd_result *res)
{
    const char *msg = "transport failed";
    int top = lua_gettop(L);
    idx = dd_absindex(L, idx);
    res->kind = "network";
    res->status = 0;
    if (lua_type(L, idx) == LUA_TTABLE) {
        /* read raw: this runs after the transport's pcall, where a raising
         * __index would escape the call and leave the client busy */
        lua_pushliteral(L, "kind");
        lua_rawget(L, idx);
        res->kind = known_kind(lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL);
        lua_pushliteral(L, "message");
        lua_rawget(L, idx);
        if (lua_isstring(L, -1)) {
            lua_pushvalue(L, -1);
            dd_secrets_mask(L, sec, -1);
            msg = lua_tostring(L, -1);
        }
    } else if (lua_isstring(L, idx)) {
        lua_pushvalue(L, idx);
        dd_secrets_mask(L, sec, -1);
        msg = lua_tostring(L, -1);
    } else if (prefix) {
        msg = "(not a string)";
    }
    snprintf(res->message, sizeof res->message, "%s%s", prefix ? prefix : "", msg);
    lua_settop(L, top);
}
