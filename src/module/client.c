/*
 * client.c - the client userdata: its lifecycle and its methods.
 *
 * A client is made closed (everything NULL), then filled by config.c, so
 * that a failure half-way leaves something __gc can release. close, __gc
 * and __close share client_release, which is idempotent and wipes keys.
 *
 * Every operation method is the same C function with the operation as an
 * upvalue; dd:call finds the operation by name. Both end in engine(): beta
 * gate, build (raises on misuse, before any I/O), then the client's call
 * run by its driver (libcurl, or the `transport` function) through the
 * call engine of call.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "module.h"

#define CLIENT_NAME "datadog.client"

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
    free(c->store);
    c->store = NULL;
    if (c->call) {
        dd_call_free(c->call);
        free(c->call);
        c->call = NULL;
    }
    wipe_free(c->api_key);
    wipe_free(c->app_key);
    wipe_free(c->access_token);
    wipe_free(c->bearer);
    c->api_key = c->app_key = c->access_token = c->bearer = NULL;
    if (c->headers) {
        int i;
        for (i = 0; i < 2 * c->nheaders; i++)
            free(c->headers[i]);
        free(c->headers);
        c->headers = NULL;
        c->nheaders = 0;
    }
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
    if (c->event_ref != LUA_NOREF) {
        luaL_unref(L, LUA_REGISTRYINDEX, c->event_ref);
        c->event_ref = LUA_NOREF;
    }
    if (c->debug_ref != LUA_NOREF) {
        luaL_unref(L, LUA_REGISTRYINDEX, c->debug_ref);
        c->debug_ref = LUA_NOREF;
    }
    c->open = 0;
}

/* ---------------------------------------------------------------- new */

/* core.new(config): the Lua layer resolves config from options and the
 * environment; config.c checks every field, since core can be used on its
 * own. */
static int client_new(lua_State *L)
{
    dd_client *c;
    if (lua_type(L, 1) != LUA_TTABLE)
        dd_misuse(L, NULL, "datadog.new", NULL, "options must be a table (got %s)",
                  luaL_typename(L, 1));
    c = lua_newuserdata(L, sizeof *c);
    memset(c, 0, sizeof *c);
    c->transport_ref = LUA_NOREF;
    c->debug_ref = LUA_NOREF;
    c->event_ref = LUA_NOREF;
    dd_rawgetp_registry(L, dd_key_client_mt);
    lua_setmetatable(L, -2);
    dd_config_apply(L, c, 1);
    c->call = calloc(1, sizeof *c->call);
    if (!c->call)
        luaL_error(L, "datadog: out of memory");
    dd_call_init(c->call);
    c->open = 1; /* libcurl is loaded, and the handle made, on the first call */
    return 1;
}

/* ---------------------------------------------------------------- engine */

/* Begins the client's call for a new request: the client's policy, then
 * the call's own options (the table at opts; 0: none), before anything is
 * built, so that a misused option raises before the request is made. */
static dd_call *begin(lua_State *L, dd_client *c, int opts, const char *who, unsigned allow)
{
    double now = dd_now();
    dd_call_begin(c, c->call, now);
    dd_call_options(L, c, opts, who, c->call, allow, now);
    return c->call;
}

/* Runs the client's begun and built call k through its driver (libcurl, or
 * the `transport` function), and pushes what it returns. */
static int run(lua_State *L, dd_client *c, dd_call *k)
{
    int rc = 0;
    c->busy = 1;
    if (c->transport_ref != LUA_NOREF)
        rc = dd_transport_run(L, c, k);
    else
        dd_curl_run(L, c, k);
    c->busy = 0;
    if (rc < 0)
        return luaL_error(L, "datadog: %s: %s", k->req.op->id, dd_transport_yield_message);
    return dd_call_push(L, c, k);
}

/* Every operation method and dd:call: check, begin with the call's
 * options, build (raises on misuse, before any I/O), then run. */
static int engine(lua_State *L, dd_client *c, const dd_op *op, int argi, int named,
                  int opts)
{
    dd_call *k;
    dd_check_enabled(L, c, op);
    dd_check_idle(L, c, op->id);
    dd_check_curl(L, c, op->id);
    k = begin(L, c, opts, op->id, 0);
    dd_build_guarded(L, c, op, argi, named, &k->req);
    return run(L, c, k);
}

/* dd:request(method, path [, opts]): an endpoint not in the table (raw.c);
 * opts holds the request (params, query, body, secrets) and the call's own
 * options. */
static int client_request(lua_State *L)
{
    dd_client *c = dd_check_open(L, 1);
    dd_call *k;
    lua_settop(L, 4);
    dd_check_idle(L, c, "request");
    dd_check_curl(L, c, "request");
    k = begin(L, c, 4, "request", DD_CALLOPT_REQUEST);
    dd_build_guarded(L, c, NULL, 2, 0, &k->req);
    return run(L, c, k);
}

static int op_method(lua_State *L)
{
    const dd_op *op = lua_touserdata(L, lua_upvalueindex(1));
    dd_client *c = dd_check_open(L, 1);
    return engine(L, c, op, 2, 1, 0);
}

/* dd:call_with(opts, operation_id, ...): a named method's arguments with
 * the call's own options first (dd:with's views call this). */
static int client_call_with(lua_State *L)
{
    dd_client *c = dd_check_open(L, 1);
    const dd_op *op = dd_check_op(L, 3, 0);
    return engine(L, c, op, 4, 1, 2);
}

/* dd:check_options(opts): raises the misuse a call given opts would (dd:with
 * checks its options when the view is made, not at its first call). */
static int client_check_options(lua_State *L)
{
    dd_client *c = dd_check_open(L, 1);
    double now = dd_now();
    dd_check_idle(L, c, "with");
    dd_call_begin(c, c->call, now); /* the client's own call holds what is read */
    dd_call_options(L, c, 2, "with", c->call, 0, now);
    return 0;
}

/* dd:call(operation_id, params [, opts]): opts are the call's own
 * (headers, timeout, connect_timeout, retry, deadline). */
static int client_call(lua_State *L)
{
    dd_client *c = dd_check_open(L, 1);
    const dd_op *op = dd_check_op(L, 2, 0);
    lua_settop(L, 4);
    lua_insert(L, 3); /* the options below the params: the build reads from 4 on */
    return engine(L, c, op, 4, 0, 3);
}

static int client_close(lua_State *L)
{
    dd_client *c = dd_check_client(L, 1);
    /* From inside the client's own transport or debug function the request
     * and result in flight would be freed under the call: refuse. (__gc
     * cannot run then: the call holds the client.) */
    if (c->busy || c->building)
        return dd_misuse(L, NULL, NULL, NULL, "cannot close a client from inside "
                                              "one of its own calls");
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
    dd_client *c = dd_check_client(L, 1);
    luaL_Buffer b;
    int i, n = 0, nbeta = 0, shown;
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
    /* one readable line: every beta operation reads "all", a long list is
     * cut after three */
    for (i = 0; i < dd_nops; i++)
        if (dd_ops[i].flags & DD_OP_BETA) {
            nbeta++;
            n += dd_bit_get(c->unstable, i);
        }
    luaL_addstring(&b, ", unstable=");
    if (n > 0 && n == nbeta) {
        lua_pushfstring(L, "all (%d beta operations)", n);
        luaL_addvalue(&b);
    } else {
        luaL_addstring(&b, "{");
        for (i = 0, shown = 0; i < dd_nops && shown < 3; i++) {
            if (dd_bit_get(c->unstable, i)) {
                if (shown++)
                    luaL_addstring(&b, ", ");
                luaL_addstring(&b, dd_ops[i].id);
            }
        }
        if (n > shown) {
            lua_pushfstring(L, ", +%d more", n - shown);
            luaL_addvalue(&b);
        }
        luaL_addstring(&b, "}");
    }
    luaL_addstring(&b, ", keys hidden}");
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
        char buf[DD_SHOWN];
        hint = dd_suggest(name, cands, n);
        if (hint)
            return dd_misuse(L, NULL, NULL, NULL, "client has no method '%s'; did "
                                                  "you mean '%s'?",
                             dd_shown(buf, sizeof buf, name, strlen(name), 60), hint);
        return dd_misuse(L, NULL, NULL, NULL, "client has no method '%s'",
                         dd_shown(buf, sizeof buf, name, strlen(name), 60));
    }
}

/* ---------------------------------------------------------------- registration */

void dd_client_open(lua_State *L)
{
    static const luaL_Reg methods[] = {
        {"call", client_call},         {"start", dd_client_start},
        {"call_with", client_call_with},
        {"check_options", client_check_options},
        {"start_named_with", dd_client_start_named_with},
        {"start_named", dd_client_start_named},
        {"request", client_request},   {"start_request", dd_client_start_request},
        {"start_batch", dd_client_start_batch},
        {"prepare", dd_client_prepare}, {"finish", dd_client_finish},
        {"close", client_close},       {"batch", dd_batch},
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
