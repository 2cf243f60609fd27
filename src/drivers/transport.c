/*
 * transport.c - the `transport` option: a Lua function, called from C, that
 * moves one request (a test double, a recorder, a custom HTTP stack). A
 * driver of the call engine like libcurl: it sends through the function,
 * feeds what it returns, and sleeps (blocking) when told to wait.
 *
 * Called from C, the function cannot yield: a cosocket (nginx) or a
 * coroutine.yield inside it fails. That is misuse, not a network failure:
 * it is reported once, raised, and never retried. Drivers that must yield
 * drive the engine from Lua instead (dd:start, call:step; datadog.resty).
 */
#include <stdio.h>
#include <string.h>

#include "drivers.h"

const char dd_transport_yield_message[] =
    "the transport function tried to yield (a cosocket or coroutine.yield), "
    "which a function called from C cannot do; drive the call from Lua "
    "instead: local call = dd:start(op, params), then call:step(...) (inside "
    "nginx, use require \"datadog.resty\")";

/* Lua error texts of a yield refused under a C call: Lua 5.2-5.4 say
 * "attempt to yield across a C-call boundary", LuaJIT "across C-call
 * boundary", and on a main thread "attempt to yield from outside a
 * coroutine". */
static int is_yield_error(lua_State *L, int idx)
{
    const char *m = lua_type(L, idx) == LUA_TSTRING ? lua_tostring(L, idx) : NULL;
    return m && (strstr(m, "attempt to yield across") ||
                 strstr(m, "attempt to yield from outside"));
}

/* Under pcall: transport(request), then what it returned read into the
 * call's result, so that a raising metamethod on the returned values is
 * caught like a raising transport. Upvalue-free: the call is a light
 * userdata argument. */
static int attempt(lua_State *L)
{
    dd_call *k = lua_touserdata(L, 1);
    dd_result *res = &k->res;
    int top;
    lua_settop(L, 3); /* call, transport, request */
    lua_pushvalue(L, 2);
    lua_pushvalue(L, 3);
    lua_call(L, 1, 2);
    top = lua_gettop(L) - 1; /* the two results: top, top + 1 */
    if (lua_type(L, top) == LUA_TTABLE) {
        lua_getfield(L, top, "status");
        lua_getfield(L, top, "headers");
        lua_getfield(L, top, "body");
        if (lua_type(L, -3) != LUA_TNUMBER || !dd_result_from_lua(L, top + 2, res)) {
            res->kind = "network";
            snprintf(res->message, sizeof res->message,
                     "the transport returned a response without an HTTP status "
                     "(a whole number from 100 to 999)");
        }
        res->encoded = 1;
    } else {
        dd_result_fail_from_lua(L, top + 1, &k->req.secrets, NULL, res);
    }
    return 0;
}

int dd_transport_run(lua_State *L, dd_client *c, dd_call *k)
{
    int top = lua_gettop(L);
    while (k->state != DD_CALL_DONE) {
        if (k->state == DD_CALL_WAIT)
            dd_sleep(k->wait);
        if (dd_call_gate(L, c, k, dd_now()) != DD_CALL_SEND)
            continue;
        dd_call_sending(c, k, dd_now());
        lua_pushcfunction(L, attempt);
        lua_pushlightuserdata(L, k);
        lua_rawgeti(L, LUA_REGISTRYINDEX, c->transport_ref);
        dd_push_request(L, c, &k->req, k);
        if (lua_pcall(L, 3, 0, 0) != LUA_OK) {
            if (is_yield_error(L, -1)) {
                lua_settop(L, top);
                k->state = DD_CALL_DONE;
                dd_call_drop_window(c, k, dd_now());
                return -1;
            }
            dd_result_reset(&k->res);
            dd_result_fail_from_lua(L, -1, &k->req.secrets, "transport error: ",
                                    &k->res);
        }
        lua_settop(L, top);
        dd_call_feed(L, c, k, dd_now());
    }
    return 0;
}
