/*
 * batch.c - dd:batch(calls [, { concurrency = N }]): many calls at once over
 * libcurl's multi interface, results in input order: a driver of the call
 * engine (call.c) for many calls at once.
 *
 * Every call is built (and so checked) before anything is sent: one misuse
 * anywhere raises and sends nothing. Then up to N transfers run at once on a
 * pool of easy handles that share the client's pool of connections (the
 * CURLSH of src/drivers/curl.c), which outlives the batch for the next one. When
 * the engine tells a call to wait (429, or 5xx / lost connection for the
 * retry methods), the call gets a ready time instead of a sleep: the others
 * keep going.
 *
 * All per-call memory hangs off a userdata with __gc, so a raise at any
 * point leaks nothing.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curl.h"

#define BATCH_MT "datadog.batch"

typedef struct call {
    dd_call k;
    double ready_at; /* when a call told to wait may be sent again */
    int running;     /* on a slot now */
} call;

typedef struct slot {
    CURL *h;
    dd_xfer x;
    int call; /* index into calls, -1: idle */
} slot;

typedef struct batch {
    dd_budget budget; /* the bytes of every call's response, together */
    int n, nslots;
    call *calls;
    slot *slots;
    CURLM *multi;
} batch;

/* The easy handles and the multi handle go as soon as the transfers are
 * over, not when the collector finds the batch: until then the handles are
 * attached to the client's share, and a client closed before that
 * collection (dd:close, a <close> scope) could not free the share
 * (CURLSHE_IN_USE): its connections stayed open for the life of the
 * process. Idempotent; __gc calls it too, for a batch that raised. */
static void release_handles(batch *b)
{
    int i;
    for (i = 0; b->slots && i < b->nslots; i++) {
        if (b->slots[i].h) {
            if (b->multi)
                curl_multi_remove_handle(b->multi, b->slots[i].h);
            curl_easy_cleanup(b->slots[i].h);
            b->slots[i].h = NULL;
        }
    }
    if (b->multi)
        curl_multi_cleanup(b->multi);
    b->multi = NULL;
}

static int batch_gc(lua_State *L)
{
    batch *b = luaL_checkudata(L, 1, BATCH_MT);
    int i;
    release_handles(b);
    for (i = 0; b->calls && i < b->n; i++)
        dd_call_free(&b->calls[i].k);
    free(b->calls);
    free(b->slots);
    memset(b, 0, sizeof *b);
    return 0;
}

static batch *batch_new(lua_State *L, int n, int nslots)
{
    batch *b = lua_newuserdata(L, sizeof *b);
    int i;
    memset(b, 0, sizeof *b);
    if (luaL_newmetatable(L, BATCH_MT)) {
        lua_pushcfunction(L, batch_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    b->calls = calloc((size_t)(n ? n : 1), sizeof *b->calls);
    b->slots = calloc((size_t)nslots, sizeof *b->slots);
    if (!b->calls || !b->slots)
        luaL_error(L, "datadog: batch: out of memory");
    b->n = n;
    b->nslots = nslots;
    for (i = 0; i < n; i++)
        dd_call_init(&b->calls[i].k);
    for (i = 0; i < nslots; i++)
        b->slots[i].call = -1;
    return b;
}

/* The operation and params of calls[i]: { id, params } or
 * { operation = id, params = {...} }. Pushes params, returns the operation. */
static const dd_op *call_spec(lua_State *L, int calls, int i)
{
    const dd_op *op;
    lua_rawgeti(L, calls, i);
    if (lua_type(L, -1) != LUA_TTABLE)
        dd_misuse(L, NULL, "batch", "calls", "calls[%d] must be a table { "
                                             "operation_id, params } (got %s)",
                  i, luaL_typename(L, -1));
    /* read raw: no metamethod of the caller's runs outside the guarded
     * build (dd_build_guarded) */
    lua_rawgeti(L, -1, 1);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_pushliteral(L, "operation");
        lua_rawget(L, -2);
    }
    if (lua_type(L, -1) != LUA_TSTRING)
        dd_misuse(L, NULL, "batch", "calls", "calls[%d] has no operation id", i);
    op = dd_check_op(L, lua_gettop(L), i);
    lua_pop(L, 1);
    lua_rawgeti(L, -1, 2);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_pushliteral(L, "params");
        lua_rawget(L, -2);
    }
    lua_remove(L, -2);
    return op;
}

static void start(dd_client *c, batch *b, int ci, int si)
{
    call *k = &b->calls[ci];
    slot *s = &b->slots[si];
    dd_call_sending(c, &k->k, dd_now());
    dd_curl_prepare(c, s->h, &s->x, &k->k, &k->k.res);
    curl_easy_setopt(s->h, CURLOPT_PRIVATE, (void *)s);
    curl_multi_add_handle(b->multi, s->h);
    k->running = 1;
    s->call = ci;
}

/* A transfer ended: the engine decides whether the call is done or when it
 * goes again. */
static void finished(lua_State *L, dd_client *c, batch *b, int si, CURLcode code)
{
    slot *s = &b->slots[si];
    call *k = &b->calls[s->call];
    curl_multi_remove_handle(b->multi, s->h);
    dd_curl_complete(c, s->h, &s->x, (int)code);
    double now = dd_now();
    if (dd_call_feed(L, c, &k->k, now) == DD_CALL_WAIT)
        k->ready_at = now + k->k.wait;
    k->running = 0;
    s->call = -1;
}

/* Under pcall: the beta gate and the request of one call (client, op,
 * request as light userdata, then the call's params). */
static int build_protected(lua_State *L)
{
    dd_client *c = lua_touserdata(L, 1);
    const dd_op *op = lua_touserdata(L, 2);
    dd_check_enabled(L, c, op);
    dd_build_guarded(L, c, op, 4, 0, lua_touserdata(L, 3));
    return 0;
}

/* Builds calls[index]'s request from its params (at the top), raising with
 * the call named: a misuse error gets call = index ("datadog: batch:
 * calls[3]: GetIncident: ..."), as an unknown operation is. */
static void build_call(lua_State *L, dd_client *c, const dd_op *op, int index,
                       dd_request *r);

void dd_batch_build(lua_State *L, dd_client *c, int calls, int i, dd_request *r)
{
    const dd_op *op = call_spec(L, calls, i);
    build_call(L, c, op, i, r);
    lua_pop(L, 1);
}

static void build_call(lua_State *L, dd_client *c, const dd_op *op, int index,
                       dd_request *r)
{
    lua_pushcfunction(L, build_protected);
    lua_pushlightuserdata(L, c);
    lua_pushlightuserdata(L, (void *)(uintptr_t)op);
    lua_pushlightuserdata(L, r);
    lua_pushvalue(L, -5);
    if (lua_pcall(L, 4, 0, 0) != LUA_OK) {
        const char *msg;
        if (lua_type(L, -1) == LUA_TTABLE) {
            /* the beta gate's names no operation: this call's is known */
            lua_pushliteral(L, "operation");
            lua_rawget(L, -2);
            if (lua_isnil(L, -1)) {
                lua_pushstring(L, op->id);
                lua_setfield(L, -3, "operation");
            }
            lua_pop(L, 1);
            lua_pushinteger(L, index);
            lua_setfield(L, -2, "call");
            lua_error(L);
        }
        msg = lua_tostring(L, -1); /* a metamethod's own error */
        luaL_error(L, "datadog: batch: calls[%d]: %s", index, msg ? msg : "?");
    }
}

/* Raises on failure: called before the client is marked busy. */
static void open_handles(lua_State *L, dd_client *c, batch *b)
{
    int i;
    b->multi = curl_multi_init();
    if (!b->multi)
        luaL_error(L, "datadog: batch: cannot create a libcurl multi handle");
    for (i = 0; i < b->nslots; i++) {
        b->slots[i].h = dd_curl_handle(c, &b->slots[i].x, 1);
        if (!b->slots[i].h) {
            release_handles(b); /* none may stay in the share */
            luaL_error(L, "datadog: batch: cannot create a libcurl handle");
        }
    }
}

/* Never raises (debug functions run under pcall). */
static void run_multi(lua_State *L, dd_client *c, batch *b)
{
    int remaining = b->n, i;
    while (remaining > 0) {
        double now = dd_now(), next = -1;
        int running = 0, msgs, si = 0;
        CURLMsg *m;
        /* fill idle slots with calls whose time has come, in input order */
        for (i = 0; i < b->n; i++) {
            call *k = &b->calls[i];
            if (k->running || k->k.state == DD_CALL_DONE || k->ready_at > now)
                continue;
            while (si < b->nslots && b->slots[si].call >= 0)
                si++;
            if (si == b->nslots)
                continue;
            if (dd_call_gate(L, c, &k->k, now) != DD_CALL_SEND) {
                if (k->k.state == DD_CALL_WAIT) /* its window: a ready time */
                    k->ready_at = now + k->k.wait;
                continue;
            }
            start(c, b, i, si);
        }
        curl_multi_perform(b->multi, &running);
        while ((m = curl_multi_info_read(b->multi, &msgs)) != NULL) {
            char *priv = NULL;
            if (m->msg != CURLMSG_DONE)
                continue;
            curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &priv);
            finished(L, c, b, (int)((slot *)(void *)priv - b->slots), m->data.result);
        }
        /* what is left: done, or ready now, or waiting for a retry time */
        remaining = 0;
        next = -1;
        now = dd_now();
        for (i = 0; i < b->n; i++) {
            call *k = &b->calls[i];
            if (k->k.state == DD_CALL_DONE)
                continue;
            remaining++;
            if (!k->running && (next < 0 || k->ready_at < next))
                next = k->ready_at;
        }
        if (remaining == 0)
            break;
        if (running > 0) {
            /* wake for socket activity, or when a retry falls due */
            int ms = 50;
            if (next > 0 && (next - now) * 1e3 < ms)
                ms = next > now ? (int)((next - now) * 1e3) + 1 : 0;
            curl_multi_poll(b->multi, NULL, 0, ms, NULL);
        }
        else if (next > now)
            dd_sleep(next - now); /* nothing in flight: wait for the first retry */
        /* else: calls are ready now; start them at once */
    }
}

/* A batch's options (dd:batch, and dd:start_batch for drivers in Lua),
 * checked once here. */
void dd_batch_read_opts(lua_State *L, dd_client *c, int opts, dd_batch_opts *o)
{
    o->concurrency = 8;
    o->deadline = c->deadline;
    o->max_total = c->max_batch_body;
    if (lua_isnoneornil(L, opts))
        return;
    if (lua_type(L, opts) != LUA_TTABLE)
        dd_misuse(L, NULL, "batch", "options", "options must be a table (got %s)",
                  luaL_typename(L, opts));
    lua_getfield(L, opts, "concurrency");
    if (!lua_isnil(L, -1)) {
        lua_Number v = lua_tonumber(L, -1);
        /* NaN fails the range test before any cast (a cast of NaN to int
         * is undefined behaviour) */
        if (lua_type(L, -1) != LUA_TNUMBER || !(v >= 1 && v <= 256) || v != floor(v))
            dd_misuse(L, NULL, "batch", "concurrency", "concurrency must be an integer "
                                                       "from 1 to 256");
        o->concurrency = (int)v;
    }
    lua_pop(L, 1);
    o->deadline = dd_opt_deadline(L, opts, "batch", o->deadline);
    lua_getfield(L, opts, "max_batch_body");
    if (!lua_isnil(L, -1)) {
        lua_Number v = lua_tonumber(L, -1);
        if (lua_type(L, -1) != LUA_TNUMBER || !(v >= 1 && v <= 1e12))
            dd_misuse(L, NULL, "batch", "max_batch_body", "max_batch_body must be a "
                                                          "number of bytes from 1 to 1e12");
        o->max_total = (double)v;
    }
    lua_pop(L, 1);
}

/* dd:batch(calls [, opts]) -> { {res, response_or_err}, ... } */
int dd_batch(lua_State *L)
{
    dd_client *c = dd_check_open(L, 1);
    int n, i, results;
    dd_batch_opts o;
    batch *b;
    if (lua_type(L, 2) != LUA_TTABLE)
        dd_misuse(L, NULL, "batch", "calls", "calls must be a list of calls (got %s)",
                  luaL_typename(L, 2));
    dd_batch_read_opts(L, c, 3, &o);
    lua_settop(L, 3);
    n = (int)dd_rawlen(L, 2);
    dd_check_idle(L, c, "batch");
    dd_check_curl(L, c, "batch");
    b = batch_new(L, n, o.concurrency < n ? o.concurrency : (n ? n : 1));
    /* max_body bounds one response; this bounds them all, since a batch
     * holds every body until it returns (8 gzip bombs at once once
     * reached 536 MB) */
    b->budget.max = (size_t)o.max_total;
    /* build everything first: misuse raises before anything is sent */
    for (i = 0; i < n; i++) {
        dd_batch_build(L, c, 2, i + 1, &b->calls[i].k.req);
        dd_call_begin(c, &b->calls[i].k, dd_now());
        dd_call_set_deadline(&b->calls[i].k, o.deadline, dd_now());
        b->calls[i].k.budget = &b->budget;
    }
    if (c->transport_ref == LUA_NOREF && n > 0)
        open_handles(L, c, b);
    c->busy = 1;
    if (c->transport_ref != LUA_NOREF) {
        /* a Lua transport: one call after another */
        for (i = 0; i < n; i++) {
            if (dd_transport_run(L, c, &b->calls[i].k) < 0) {
                c->busy = 0;
                return luaL_error(L, "datadog: batch: calls[%d]: %s: %s", i + 1,
                                  b->calls[i].k.req.op->id, dd_transport_yield_message);
            }
        }
    } else if (n > 0) {
        run_multi(L, c, b);
        release_handles(b); /* the connections stay in the client's share */
    }
    c->busy = 0;
    lua_createtable(L, n, 0);
    results = lua_gettop(L);
    for (i = 0; i < n; i++) {
        dd_call_push(L, c, &b->calls[i].k); /* res, response | nil, err */
        lua_createtable(L, 2, 1);
        lua_insert(L, -3);
        lua_rawseti(L, -3, 2);
        lua_rawseti(L, -2, 1);
        lua_pushinteger(L, 2);
        lua_setfield(L, -2, "n"); /* table.unpack(r, 1, r.n) keeps a nil */
        lua_rawseti(L, results, i + 1);
    }
    return 1;
}
