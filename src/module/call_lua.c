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
 * Also here: dd:prepare / dd:finish, the one-shot forms of the same two
 * halves, and core.local_store().
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "module.h"

#define CALL_MT "datadog.call"

/* ---------------------------------------------------------------- the call object */

/* How a call is driven: chosen by the first step, kept to the end. */
enum { MODE_NONE, MODE_STEP, MODE_WIRE };

typedef struct lcall {
    dd_call k;
    dd_client *c;
    int client_ref; /* keeps the client alive while the call is */
    int clock_ref;  /* LUA_NOREF: the monotonic clock; else a Lua function */
    int budget_ref; /* dd:start_batch: the batch's budget userdata, held */
    int sent;       /* "send" was handed out: a response is due */
    int mode;
    int phase;      /* MODE_WIRE: PH_* */
    dd_edge e;      /* MODE_WIRE: the attempt's connection and bytes */
} lcall;

/* Where a wire-driven attempt is: asking the driver's store before the
 * send, moving bytes, telling the store what the answer said. */
enum { PH_TAKE, PH_EDGE, PH_NOTE };

/* The time, for the engine: the call's clock. A test gives a clock of its
 * own (dd:start's `clock` option) and runs retries, waits and deadlines
 * without sleeping. A clock that raises or returns no number stops here,
 * before the engine is touched. */
static double lcall_now(lua_State *L, lcall *lc)
{
    double t;
    if (lc->clock_ref == LUA_NOREF)
        return dd_now();
    lua_rawgeti(L, LUA_REGISTRYINDEX, lc->clock_ref);
    lua_call(L, 0, 1);
    if (lua_type(L, -1) != LUA_TNUMBER)
        dd_misuse(L, NULL, lc->k.req.op->id, "clock", "the call's clock returned %s, not "
                  "a number", luaL_typename(L, -1));
    t = (double)lua_tonumber(L, -1);
    lua_pop(L, 1);
    return t;
}

static lcall *check_call(lua_State *L)
{
    return luaL_checkudata(L, 1, CALL_MT);
}

static int call_gc(lua_State *L)
{
    lcall *lc = check_call(L);
    if (lc->c && lc->c->open && lc->client_ref != LUA_NOREF)
        dd_call_drop_window(lc->c, &lc->k, dd_now());
    dd_call_free(&lc->k);
    dd_edge_free(&lc->e);
    dd_edge_init(&lc->e);
    if (lc->client_ref != LUA_NOREF) {
        luaL_unref(L, LUA_REGISTRYINDEX, lc->client_ref);
        lc->client_ref = LUA_NOREF;
    }
    if (lc->clock_ref != LUA_NOREF) {
        luaL_unref(L, LUA_REGISTRYINDEX, lc->clock_ref);
        lc->clock_ref = LUA_NOREF;
    }
    if (lc->budget_ref != LUA_NOREF) {
        luaL_unref(L, LUA_REGISTRYINDEX, lc->budget_ref);
        lc->budget_ref = LUA_NOREF;
        lc->k.budget = NULL;
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

/* Pushes a new call object of client c, owning nothing yet (so a raise
 * while its request is built leaks nothing: __gc frees what there is). */
static lcall *new_call(lua_State *L, dd_client *c)
{
    lcall *lc = lua_newuserdata(L, sizeof *lc);
    dd_call_init(&lc->k);
    lc->c = c;
    lc->client_ref = LUA_NOREF;
    lc->clock_ref = LUA_NOREF;
    lc->budget_ref = LUA_NOREF;
    lc->sent = 0;
    lc->mode = MODE_NONE;
    dd_edge_init(&lc->e);
    luaL_getmetatable(L, CALL_MT);
    lua_setmetatable(L, -2);
    return lc;
}

/* Makes the call object below the arguments (at 1) and builds its request
 * from them: named, the positional arguments of the operation's method from
 * argi; else the params table at argi; raw, dd:request's (method, path,
 * opts). The object owns every buffer, so a raise while building leaks
 * nothing. */
enum { FROM_PARAMS, FROM_NAMED, FROM_RAW, FROM_NAMED_WITH };

static int start(lua_State *L, int from)
{
    dd_client *c = dd_check_open(L, 1);
    const dd_op *op = from == FROM_RAW ? NULL : dd_check_op(L, from == FROM_NAMED_WITH ? 3 : 2, 0);
    lcall *lc;
    double now;
    int opts = 0; /* where the call's own options are, once the call is below */
    if (from == FROM_NAMED_WITH) /* dd:start_named_with(opts, id, ...) */
        opts = 3;
    if (from == FROM_PARAMS) { /* dd:start(id, params [, opts]) */
        lua_settop(L, 4);
        if (!lua_isnil(L, 4) && lua_type(L, 4) != LUA_TTABLE)
            dd_misuse(L, NULL, op->id, "options", "options must be a table (got %s)",
                      luaL_typename(L, 4));
        lua_insert(L, 3); /* the options below the params: the build reads from 4 on */
        opts = 4;
    } else if (from == FROM_RAW) { /* dd:start_request(method, path [, opts]) */
        lua_settop(L, 4);
        opts = 5;
    }
    if (op)
        dd_check_enabled(L, c, op);
    if (c->building)
        dd_check_idle(L, c, op ? op->id : "request");
    lc = new_call(L, c);
    lua_insert(L, 1); /* call, client, operation or method, arguments... */
    if (from == FROM_PARAMS && !lua_isnil(L, opts)) {
        lua_getfield(L, opts, "clock");
        if (!lua_isnil(L, -1) && !lua_isfunction(L, -1))
            return dd_misuse(L, NULL, op->id, "clock", "start: clock must be a "
                             "function returning seconds (got %s)", luaL_typename(L, -1));
        if (lua_isfunction(L, -1)) /* the call owns it now: held until __gc */
            lc->clock_ref = luaL_ref(L, LUA_REGISTRYINDEX);
        else
            lua_pop(L, 1);
    }
    lua_pushvalue(L, 2);
    lc->client_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    now = lcall_now(L, lc);
    dd_call_begin(c, &lc->k, now);
    dd_call_options(L, c, opts, op ? op->id : "request", &lc->k,
                    from == FROM_RAW ? DD_CALLOPT_REQUEST : DD_CALLOPT_CLOCK, now);
    dd_build_guarded(L, c, op,
                     op ? (from == FROM_PARAMS || from == FROM_NAMED_WITH ? 5 : 4) : 3,
                     from == FROM_NAMED || from == FROM_NAMED_WITH, &lc->k.req);
    lua_settop(L, 1);
    return 1;
}

/* dd:start_named_with(opts, operation_id, ...) -> call: start_named with
 * the call's own options first (host clients' dd:with views). */
int dd_client_start_named_with(lua_State *L)
{
    return start(L, FROM_NAMED_WITH);
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

/* The checks every step makes; returns the call. */
static lcall *check_step(lua_State *L, int mode, const char *what)
{
    lcall *lc = check_call(L);
    if (!lc->c->open)
        dd_misuse(L, lc->c, lc->k.req.op->id, NULL, "the client of this call is closed");
    if (lc->k.state == DD_CALL_DONE)
        dd_misuse(L, lc->c, lc->k.req.op->id, NULL, "call:%s: the call is done", what);
    if (lc->mode != MODE_NONE && lc->mode != mode)
        dd_misuse(L, lc->c, lc->k.req.op->id, NULL, "call:%s: this call is driven by "
                  "call:%s; a call takes one or the other", what,
                  mode == MODE_STEP ? "wire" : "step");
    lc->mode = mode;
    return lc;
}

/* The attempt's outcome is in k->res: the engine decides. */
static int decide(lua_State *L, lcall *lc, double now)
{
    dd_call *k = &lc->k;
    lc->sent = 0;
    if (dd_call_feed(L, lc->c, k, now) == DD_CALL_WAIT) {
        lua_pushliteral(L, "wait");
        lua_pushnumber(L, (lua_Number)k->wait);
        return 2;
    }
    lua_pushliteral(L, "done");
    dd_call_push(L, lc->c, k);
    return 3;
}

/* dd:start_batch(calls [, opts]) -> { call, ... }, concurrency: every call
 * of a batch built (so every misuse raised) before any is sent, with the
 * options dd:batch takes (concurrency, deadline, max_batch_body), checked
 * by the same code; the calls draw on one budget of response bytes. The
 * driver runs them, up to concurrency at once, its own way. */
int dd_client_start_batch(lua_State *L)
{
    dd_client *c = dd_check_open(L, 1);
    dd_batch_opts o;
    dd_budget *budget;
    int n, i;
    double now = dd_now();
    if (lua_type(L, 2) != LUA_TTABLE)
        dd_misuse(L, NULL, "batch", "calls", "calls must be a list of calls (got %s)",
                  luaL_typename(L, 2));
    dd_batch_read_opts(L, c, 3, &o);
    lua_settop(L, 3);
    n = (int)dd_rawlen(L, 2);
    budget = lua_newuserdata(L, sizeof *budget); /* 4 */
    budget->used = 0;
    budget->max = (size_t)o.max_total;
    lua_createtable(L, n, 0); /* 5 */
    for (i = 1; i <= n; i++) {
        lcall *lc = new_call(L, c);
        dd_batch_build(L, c, 2, i, &lc->k.req);
        lua_pushvalue(L, 1);
        lc->client_ref = luaL_ref(L, LUA_REGISTRYINDEX);
        lua_pushvalue(L, 4);
        lc->budget_ref = luaL_ref(L, LUA_REGISTRYINDEX);
        lc->k.budget = budget;
        dd_call_begin(c, &lc->k, now);
        dd_call_set_deadline(&lc->k, o.deadline, now);
        lua_rawseti(L, 5, i);
    }
    lua_pushinteger(L, o.concurrency);
    return 2;
}

/* The gate said wait (k->wait) or done (the deadline). */
static int gated(lua_State *L, lcall *lc)
{
    if (lc->k.state == DD_CALL_WAIT) {
        lua_pushliteral(L, "wait");
        lua_pushnumber(L, (lua_Number)lc->k.wait);
        return 2;
    }
    lua_pushliteral(L, "done");
    dd_call_push(L, lc->c, &lc->k);
    return 3;
}

/* call:step([response | nil, err]) -> "send", request | "wait", s | "done", ... */
static int call_step(lua_State *L)
{
    lcall *lc = check_step(L, MODE_STEP, "step");
    dd_call *k = &lc->k;
    dd_client *c = lc->c;
    int fed = lua_gettop(L) > 1;
    double now = lcall_now(L, lc);
    if (!lc->sent) {
        int g;
        if (fed)
            return dd_misuse(L, c, k->req.op->id, NULL, "call:step: nothing was sent yet; "
                                 "call step() without arguments to get the "
                                 "request");
        g = c->windows == DD_WIN_LOCAL ? dd_call_gate(L, c, k, now) : DD_CALL_SEND;
        if (g != DD_CALL_SEND)
            return gated(L, lc);
        k->state = DD_CALL_SEND;
        dd_call_sending(c, k, now);
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
    return decide(L, lc, now);
}

/* ---------------------------------------------------------------- the byte-level form */

/* call:wire(...) drives the call for a host that only has sockets: the
 * engine frames HTTP and decides every rule of the connection (edge.c);
 * the driver connects, writes, reads, pools, closes and sleeps as told.
 *
 *   "connect", {host, addr, port, tls, pool, reuse, timeout}
 *                               -> call:wire(true, reused) | (nil, err)
 *   "tls", host, verify, timeout -> call:wire(true) | (nil, err)
 *   "write", bytes, timeout      -> call:wire(true) | (nil, err)
 *   "read", timeout, want, to_close
 *                               -> call:wire(data) | (nil, err) | (data, err)
 *   "keep", idle seconds, pool   -> (connection back in pool) call:wire()
 *   "close"                      -> call:wire()
 *   "wait", seconds              -> call:wire()
 *   "store", op, key, value, ttl -> call:wire(reply) | (nil, err)
 *                                   (windows = "driver" only: op is get,
 *                                   incr, add, set, ttl or del; reply nil is
 *                                   absent, add answers true or false)
 *   "done", res, response | nil, err
 *
 * err is the host's word: "closed" (the peer closed), "timeout", or any
 * other text (a failure of that action). want is the number of bytes
 * certainly due (for hosts that read exact counts), or nil; to_close is
 * true when the body runs to the end of the connection (for hosts whose
 * reads are a line or everything until the close: HAProxy). */
static int note(lua_State *L, lcall *lc, const dd_store_reply *r, double now);

static int push_action(lua_State *L, lcall *lc, int action, double now)
{
    dd_edge *e = &lc->e;
    switch (action) {
    case DD_IO_CONNECT:
        lua_pushliteral(L, "connect");
        lua_createtable(L, 0, 8);
        lua_pushstring(L, e->host);
        lua_setfield(L, -2, "host");
        lua_pushstring(L, e->addr);
        lua_setfield(L, -2, "addr");
        lua_pushinteger(L, e->port);
        lua_setfield(L, -2, "port");
        lua_pushboolean(L, e->tls);
        lua_setfield(L, -2, "tls");
        lua_pushboolean(L, e->verify);
        lua_setfield(L, -2, "verify");
        lua_pushstring(L, e->pool);
        lua_setfield(L, -2, "pool");
        lua_pushboolean(L, e->reuse);
        lua_setfield(L, -2, "reuse");
        lua_pushnumber(L, (lua_Number)e->timeout);
        lua_setfield(L, -2, "timeout");
        return 2;
    case DD_IO_TLS:
        lua_pushliteral(L, "tls");
        lua_pushstring(L, e->host);
        lua_pushboolean(L, e->verify);
        lua_pushnumber(L, (lua_Number)e->timeout);
        return 4;
    case DD_IO_WRITE:
        lua_pushliteral(L, "write");
        lua_pushlstring(L, e->out.data ? e->out.data : "", e->out.len);
        lua_pushnumber(L, (lua_Number)e->timeout);
        return 3;
    case DD_IO_READ: {
        size_t want = dd_h1_want(&e->h1);
        lua_pushliteral(L, "read");
        lua_pushnumber(L, (lua_Number)e->timeout);
        if (want)
            lua_pushinteger(L, (lua_Integer)want);
        else
            lua_pushnil(L);
        lua_pushboolean(L, dd_h1_to_close(&e->h1));
        return 4;
    }
    case DD_IO_KEEP:
        lua_pushliteral(L, "keep");
        lua_pushnumber(L, (lua_Number)e->idle);
        lua_pushstring(L, e->pool);
        return 3;
    case DD_IO_CLOSE:
        lua_pushliteral(L, "close");
        return 1;
    default:
        if (lc->c->windows == DD_WIN_DRIVER) {
            lc->phase = PH_NOTE;
            return note(L, lc, NULL, now);
        }
        return decide(L, lc, now);
    }
}

/* "store", op, key, value, ttl: the window's question to the driver's
 * store (get, incr, add, set, ttl, del). */
static int push_store(lua_State *L, const dd_window *w)
{
    lua_pushliteral(L, "store");
    lua_pushstring(L, dd_store_op_names[w->op]);
    lua_pushstring(L, w->key);
    if (w->op == DD_ST_INCR || w->op == DD_ST_ADD || w->op == DD_ST_SET) {
        if (w->is_num)
            lua_pushinteger(L, (lua_Integer)w->num); /* counts are whole */
        else
            lua_pushstring(L, w->value);
    } else {
        lua_pushnil(L);
    }
    if (w->ttl > 0)
        lua_pushnumber(L, (lua_Number)w->ttl);
    else
        lua_pushnil(L);
    return 5;
}

/* The store's reply at idx (value, err): nil is absent, true/false an add's
 * answer, a number or a string; an error means the store failed. */
static void store_reply(lua_State *L, int idx, dd_store_reply *r)
{
    memset(r, 0, sizeof *r);
    if (!lua_isnil(L, idx + 1) && lua_isnil(L, idx)) {
        r->failed = 1;
        return;
    }
    switch (lua_type(L, idx)) {
    case LUA_TBOOLEAN:
        r->has_num = 1;
        r->num = lua_toboolean(L, idx);
        break;
    case LUA_TNUMBER:
        r->has_num = 1;
        r->num = (double)lua_tonumber(L, idx);
        r->has_str = 1;
        r->str = lua_tolstring(L, idx, &r->len);
        break;
    case LUA_TSTRING:
        r->has_str = 1;
        r->str = lua_tolstring(L, idx, &r->len);
        break;
    default:
        break;
    }
}

/* Before the send (PH_TAKE): the next question, a wait, or the edge. */
static int take(lua_State *L, lcall *lc, const dd_store_reply *r, double now)
{
    dd_call *k = &lc->k;
    int rc = dd_window_take(lc->c, k, r);
    if (rc == DD_W_ASK)
        return push_store(L, &k->win);
    if (rc == DD_W_WAIT && dd_call_window_wait(L, lc->c, k, now) != DD_CALL_SEND) {
        lc->sent = 0;
        return gated(L, lc);
    }
    lc->phase = PH_EDGE;
    k->state = DD_CALL_SEND;
    dd_call_sending(lc->c, k, now);
    return push_action(L, lc, dd_edge_begin(lc->c, k, &lc->e, now), now);
}

/* After the answer (PH_NOTE): the next question, or the engine decides. */
static int note(lua_State *L, lcall *lc, const dd_store_reply *r, double now)
{
    if (dd_window_note(lc->c, &lc->k, r) == DD_W_ASK)
        return push_store(L, &lc->k.win);
    return decide(L, lc, now);
}

static int call_wire(lua_State *L)
{
    lcall *lc = check_step(L, MODE_WIRE, "wire");
    dd_call *k = &lc->k;
    dd_client *c = lc->c;
    dd_edge *e = &lc->e;
    double now = lcall_now(L, lc);
    int fed = lua_gettop(L) > 1, action;
    if (!lc->sent) { /* the first attempt, or the next after a wait */
        if (fed)
            return dd_misuse(L, c, k->req.op->id, NULL, "call:wire: nothing was asked "
                             "yet; call wire() without arguments to begin");
        lc->sent = 1;
        if (c->windows == DD_WIN_DRIVER) {
            lc->phase = PH_TAKE;
            return take(L, lc, NULL, now);
        }
        if (c->windows == DD_WIN_LOCAL && dd_call_gate(L, c, k, now) != DD_CALL_SEND) {
            lc->sent = 0;
            return gated(L, lc);
        }
        lc->phase = PH_EDGE;
        k->state = DD_CALL_SEND;
        dd_call_sending(c, k, now);
        action = dd_edge_begin(c, k, e, now);
    } else if (lc->phase != PH_EDGE) {
        dd_store_reply r;
        lua_settop(L, 3);
        store_reply(L, 2, &r);
        return lc->phase == PH_TAKE ? take(L, lc, &r, now) : note(L, lc, &r, now);
    } else {
        dd_io_in in;
        memset(&in, 0, sizeof in);
        lua_settop(L, 3);
        switch (e->action) {
        case DD_IO_CONNECT:
        case DD_IO_TLS:
        case DD_IO_WRITE:
            in.ok = lua_toboolean(L, 2);
            if (in.ok)
                in.reused = lua_toboolean(L, 3);
            else
                in.err = lua_isstring(L, 3) ? lua_tostring(L, 3) : "failed";
            break;
        case DD_IO_READ:
            if (lua_type(L, 2) == LUA_TSTRING)
                in.data = lua_tolstring(L, 2, &in.len);
            else if (!lua_isnil(L, 2))
                return dd_misuse(L, c, k->req.op->id, NULL, "call:wire: read gives a "
                                 "string, or nil and an error (got %s)",
                                 luaL_typename(L, 2));
            if (!lua_isnil(L, 3))
                in.err = lua_isstring(L, 3) ? lua_tostring(L, 3) : "failed";
            else if (!in.data)
                in.err = "failed";
            break;
        default:
            break;
        }
        action = dd_edge_step(c, k, e, &in, now);
    }
    return push_action(L, lc, action, now);
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
    lua_pushcfunction(L, call_wire);
    lua_setfield(L, -2, "wire");
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
    dd_call_begin(c, k, dd_now());
    k->pol.retry_max = 0;
    dd_call_sending(c, k, dd_now());
    if (!dd_result_from_lua(L, 3, &k->res))
        dd_misuse(L, NULL, op->id, "status", "finish: status must be an HTTP status "
                                             "(a whole number from 100 to 999)");
    dd_call_feed(L, c, k, dd_now());
    return dd_call_push(L, c, k);
}

/* ---------------------------------------------------------------- the table from Lua */

/* core.local_store() -> store: the same in-process table as a function
 * store(op, key, value, ttl) -> reply, for a Lua driver whose own store is
 * down (datadog.resty with Redis falls back to it) or for tests. Time is
 * the drivers' monotonic clock. */
#define LOCAL_STORE_MT "datadog.local_store"

static int local_store_call(lua_State *L)
{
    dd_local_store **ud = luaL_checkudata(L, 1, LOCAL_STORE_MT);
    const char *op = luaL_checkstring(L, 2);
    dd_window w;
    dd_store_reply r;
    int i;
    memset(&w, 0, sizeof w);
    for (i = 0; i <= DD_ST_DEL; i++)
        if (strcmp(op, dd_store_op_names[i]) == 0)
            break;
    if (i > DD_ST_DEL)
        return luaL_argerror(L, 2, "get, incr, add, set, ttl or del");
    w.op = i;
    snprintf(w.key, sizeof w.key, "%s", luaL_checkstring(L, 3));
    if (lua_type(L, 4) == LUA_TNUMBER) {
        w.is_num = 1;
        w.num = (double)lua_tonumber(L, 4);
    } else {
        snprintf(w.value, sizeof w.value, "%s", luaL_optstring(L, 4, ""));
    }
    w.ttl = luaL_optnumber(L, 5, 0);
    dd_local_store_run(*ud, &w, &r, dd_now());
    if (r.failed)
        return lua_pushnil(L), lua_pushliteral(L, "the table is full"), 2;
    if (w.op == DD_ST_ADD)
        lua_pushboolean(L, r.num != 0);
    else if (w.op == DD_ST_INCR && r.has_num)
        lua_pushinteger(L, (lua_Integer)r.num); /* counts are whole */
    else if (r.has_num)
        lua_pushnumber(L, (lua_Number)r.num);
    else if (r.has_str)
        lua_pushlstring(L, r.str, r.len);
    else if (w.op == DD_ST_SET || w.op == DD_ST_DEL)
        lua_pushboolean(L, 1);
    else
        lua_pushnil(L);
    return 1;
}

static int local_store_gc(lua_State *L)
{
    dd_local_store **ud = luaL_checkudata(L, 1, LOCAL_STORE_MT);
    free(*ud);
    *ud = NULL;
    return 0;
}

int dd_local_store_open(lua_State *L)
{
    dd_local_store **ud = lua_newuserdata(L, sizeof *ud);
    *ud = NULL;
    if (luaL_newmetatable(L, LOCAL_STORE_MT)) {
        lua_pushcfunction(L, local_store_call);
        lua_setfield(L, -2, "__call");
        lua_pushcfunction(L, local_store_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    if (!(*ud = dd_local_store_new()))
        return luaL_error(L, "datadog: out of memory");
    return 1;
}
