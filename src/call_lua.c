/*
 * call_lua.c - the call engine for drivers written in Lua.
 *
 *   local call = dd:start(operation_id, params)  -- checked and built; raises on misuse
 *   (or dd:start_named(operation_id, ...): the arguments of the named method)
 *   local what, a, b = call:step()               -- "send", request
 *   what, a, b = call:step(response)             -- or call:step(nil, err)
 *     -> "wait", seconds     sleep your way (ngx.sleep), then call:step()
 *     -> "send", request     (after a wait) send it again
 *     -> "done", res, response  |  "done", nil, err   as dd:call returns
 *
 * A response is { status =, headers = (table or raw lines), body = } as it
 * came off the wire (gzip/deflate decoded here); a failure is nil and a
 * string, or a table { kind =, message = }. The same machine as libcurl's
 * (call.c): the same retries, waits, attempts, masking and error objects.
 * Nothing here blocks or yields, so a driver may yield between steps: this
 * is how a call runs inside nginx.
 *
 * Also here: the request table every Lua-facing driver receives, reading a
 * response or failure from Lua values, and dd:prepare / dd:finish, the
 * one-shot forms of the same two halves.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "dd.h"

#define CALL_MT "datadog.call"

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
    lua_pushboolean(L, (c->retry_methods & dd_method_bit(op->http)) == 0);
    lua_setfield(L, -2, "send_once");
    /* this attempt's: less than the client's timeout near the deadline */
    lua_pushnumber(L, (lua_Number)(k ? dd_call_attempt_ms(c, k) : c->timeout_ms) / 1000);
    lua_setfield(L, -2, "timeout");
    lua_pushnumber(L, (lua_Number)c->connect_timeout_ms / 1000);
    lua_setfield(L, -2, "connect_timeout");
    lua_pushnumber(L, (lua_Number)c->max_body);
    lua_setfield(L, -2, "max_body");
    lua_createtable(L, 0, 7);
    lua_pushstring(L, (op->flags & DD_OP_ACCEPT_ANY) ? "*/*" : "application/json");
    lua_setfield(L, -2, "Accept");
    if (c->compress) {
        lua_pushliteral(L, "gzip,deflate");
        lua_setfield(L, -2, "Accept-Encoding");
    }
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

/* ---------------------------------------------------------------- the call object */

typedef struct lcall {
    dd_call k;
    dd_client *c;
    int client_ref; /* keeps the client alive while the call is */
    int sent;       /* "send" was handed out: a response is due */
} lcall;

static lcall *check_call(lua_State *L)
{
    return luaL_checkudata(L, 1, CALL_MT);
}

static int call_gc(lua_State *L)
{
    lcall *lc = check_call(L);
    dd_call_free(&lc->k);
    if (lc->client_ref != LUA_NOREF) {
        luaL_unref(L, LUA_REGISTRYINDEX, lc->client_ref);
        lc->client_ref = LUA_NOREF;
    }
    return 0;
}

static const char *const state_names[] = {"send", "wait", "done"};

static int call_tostring(lua_State *L)
{
    lcall *lc = check_call(L);
    lua_pushfstring(L, "datadog.call{%s, attempt %d, %s}",
                    lc->k.req.op ? lc->k.req.op->id : "?", lc->k.attempts,
                    lc->sent ? "awaiting the response" : state_names[lc->k.state]);
    return 1;
}

/* Makes the call object below the arguments (at 1) and builds its request
 * from them: named, the positional arguments of the operation's method from
 * argi; else the params table at argi; raw, dd:request's (method, path,
 * opts). The object owns every buffer, so a raise while building leaks
 * nothing. */
enum { FROM_PARAMS, FROM_NAMED, FROM_RAW };

static int start(lua_State *L, int from)
{
    dd_client *c = dd_check_open(L, 1);
    const dd_op *op = from == FROM_RAW ? NULL : dd_check_op(L, 2, 0);
    lcall *lc;
    double deadline = c->deadline;
    if (from == FROM_PARAMS) { /* dd:start(id, params [, { deadline = }]) */
        lua_settop(L, 4);
        if (!lua_isnil(L, 4)) {
            if (lua_type(L, 4) != LUA_TTABLE)
                dd_misuse(L, NULL, op->id, "options", "options must be a table "
                                                      "(got %s)",
                          luaL_typename(L, 4));
            deadline = dd_opt_deadline(L, 4, "start", deadline);
        }
        lua_settop(L, 3);
    } else if (from == FROM_RAW) {
        lua_settop(L, 4);
    }
    if (op)
        dd_check_enabled(L, c, op);
    if (c->building)
        dd_check_idle(L, c, op ? op->id : "request");
    lc = lua_newuserdata(L, sizeof *lc);
    dd_call_init(&lc->k);
    lc->c = c;
    lc->client_ref = LUA_NOREF;
    lc->sent = 0;
    luaL_getmetatable(L, CALL_MT);
    lua_setmetatable(L, -2);
    lua_insert(L, 1); /* call, client, operation or method, arguments... */
    dd_build_guarded(L, c, op, op ? 4 : 3, from == FROM_NAMED, &lc->k.req);
    lua_pushvalue(L, 2);
    lc->client_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    dd_call_begin(c, &lc->k);
    dd_call_set_deadline(&lc->k, deadline);
    lua_settop(L, 1);
    return 1;
}

/* dd:start(operation_id, params) -> call */
int dd_client_start(lua_State *L)
{
    return start(L, FROM_PARAMS);
}

/* dd:start_named(operation_id, ...) -> call, from the arguments the
 * operation's method takes (path parameters, body, options): for wrappers
 * that offer every method, such as datadog.resty. */
int dd_client_start_named(lua_State *L)
{
    return start(L, FROM_NAMED);
}

/* dd:start_request(method, path [, opts]) -> call: dd:request's endpoint,
 * driven from Lua. */
int dd_client_start_request(lua_State *L)
{
    return start(L, FROM_RAW);
}

/* call:step([response | nil, err]) -> "send", request | "wait", s | "done", ... */
static int call_step(lua_State *L)
{
    lcall *lc = check_call(L);
    dd_call *k = &lc->k;
    dd_client *c = lc->c;
    int fed = lua_gettop(L) > 1;
    if (!c->open)
        return dd_misuse(L, c, k->req.op->id, NULL, "the client of this call is closed");
    if (k->state == DD_CALL_DONE)
        return dd_misuse(L, c, k->req.op->id, NULL, "call:step: the call is done");
    if (!lc->sent) {
        if (fed)
            return dd_misuse(L, c, k->req.op->id, NULL, "call:step: nothing was sent yet; "
                                 "call step() without arguments to get the "
                                 "request");
        k->state = DD_CALL_SEND;
        dd_call_sending(c, k);
        lc->sent = 1;
        lua_pushliteral(L, "send");
        dd_push_request(L, c, &k->req, k);
        return 2;
    }
    lua_settop(L, 3);
    if (lua_type(L, 2) == LUA_TTABLE) {
        lua_getfield(L, 2, "status");
        lua_getfield(L, 2, "headers");
        lua_getfield(L, 2, "body");
        if (!dd_result_from_lua(L, 4, &k->res))
            return dd_misuse(L, c, k->req.op->id, NULL, "call:step: the response needs "
                                 "status, a whole number from 100 to 999");
    } else if (lua_isnil(L, 2) && !lua_isnil(L, 3)) {
        dd_result_reset(&k->res);
        dd_result_fail_from_lua(L, 3, &k->req.secrets, NULL, &k->res);
    } else {
        return dd_misuse(L, c, k->req.op->id, NULL, "call:step: expected the response "
                             "({status =, headers =, body =}) or nil and an "
                             "error (got %s)",
                          luaL_typename(L, 2));
    }
    lc->sent = 0;
    if (dd_call_feed(L, c, k) == DD_CALL_WAIT) {
        lua_pushliteral(L, "wait");
        lua_pushnumber(L, (lua_Number)k->wait);
        return 2;
    }
    lua_pushliteral(L, "done");
    dd_call_push(L, c, k);
    return 3;
}

void dd_call_lua_open(lua_State *L)
{
    static const luaL_Reg meta[] = {{"__gc", call_gc},
                                    {"__tostring", call_tostring},
                                    {NULL, NULL}};
    const luaL_Reg *r;
    luaL_newmetatable(L, CALL_MT);
    for (r = meta; r->name; r++) {
        lua_pushcfunction(L, r->func);
        lua_setfield(L, -2, r->name);
    }
    lua_newtable(L);
    lua_pushcfunction(L, call_step);
    lua_setfield(L, -2, "step");
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, CALL_MT);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
}

/* ---------------------------------------------------------------- one-shot forms */


/* dd:prepare(operation_id, params) -> request table, nothing sent */
int dd_client_prepare(lua_State *L)
{
    dd_client *c = dd_check_open(L, 1);
    const dd_op *op = dd_check_op(L, 2, 0);
    lua_settop(L, 3);
    dd_check_idle(L, c, op->id);
    dd_check_enabled(L, c, op);
    dd_build_guarded(L, c, op, 3, 0, &c->call->req);
    dd_push_request(L, c, &c->call->req, NULL);
    return 1;
}

/* dd:finish(operation_id, status, headers, body) -> res, err: one response,
 * no retry, as the machine interprets it. */
int dd_client_finish(lua_State *L)
{
    dd_client *c = dd_check_open(L, 1);
    const dd_op *op = dd_check_op(L, 2, 0);
    dd_call *k = c->call;
    lua_settop(L, 5);
    dd_check_idle(L, c, op->id);
    if (lua_type(L, 3) != LUA_TNUMBER)
        dd_misuse(L, NULL, op->id, "status", "finish: status must be a number (got %s)",
                  luaL_typename(L, 3));
    k->req.op = op;
    dd_buf_reset(&k->req.url); /* nothing was sent: no URL in the log */
    dd_request_key_secrets(c, &k->req);
    dd_call_begin(c, k);
    k->retry_max = 0;
    dd_call_sending(c, k);
    if (!dd_result_from_lua(L, 3, &k->res))
        dd_misuse(L, NULL, op->id, "status", "finish: status must be an HTTP status "
                                             "(a whole number from 100 to 999)");
    dd_call_feed(L, c, k);
    return dd_call_push(L, c, k);
}
