/*
 * entry.c - the checks every entry point makes before a call is built, and
 * the guarded build itself: shared by the client's methods (client.c),
 * dd:batch (batch.c) and the calls of drivers in Lua (call_lua.c), so each
 * rule is written once, below all of them.
 */
#include <stdio.h>
#include <string.h>

#include "engine.h"

dd_client *dd_check_client(lua_State *L, int idx)
{
    dd_client *c;
    dd_rawgetp_registry(L, dd_key_client_mt);
    c = lua_touserdata(L, idx);
    if (!c || !lua_getmetatable(L, idx) || !lua_rawequal(L, -1, -2))
        dd_misuse(L, NULL, NULL, NULL, "expected a client as self (use "
                                       "dd:method(...), not dd.method(...))");
    lua_pop(L, 2);
    return c;
}

dd_client *dd_check_open(lua_State *L, int idx)
{
    dd_client *c = dd_check_client(L, idx);
    if (!c->open)
        dd_misuse(L, NULL, NULL, NULL, "client is closed");
    return c;
}

void dd_check_enabled(lua_State *L, dd_client *c, const dd_op *op)
{
    if ((op->flags & DD_OP_BETA) && !dd_bit_get(c->unstable, (int)(op - dd_ops)))
        dd_misuse(L, NULL, op->id, NULL, "%s is a beta operation and is disabled; "
                                       "enable it with unstable = { \"%s\" }",
                  op->id, op->id);
}

/* At most one call at a time per client: from inside a transport or debug
 * function, a call, prepare or finish would overwrite the request in flight
 * (a retry would then send another request) or its secrets. */
void dd_check_idle(lua_State *L, dd_client *c, const char *what)
{
    if (c->busy || c->building)
        dd_misuse(L, NULL, what, NULL,
                  "the client is already in a call (a transport or debug "
                  "function, or a metamethod of the call's arguments, may not "
                  "call its own client)");
}

typedef struct build_job {
    dd_client *c;
    const dd_op *op; /* NULL: dd:request's */
    int named;
    dd_request *r;
} build_job;

/* Under pcall: the job, then the arguments from 2. */
static int build_job_run(lua_State *L)
{
    build_job *j = lua_touserdata(L, 1);
    if (j->op)
        dd_request_build(L, j->c, j->op, 2, j->named, j->r);
    else
        dd_request_build_raw(L, j->c, 2, j->r);
    return 0;
}

void dd_build_guarded(lua_State *L, dd_client *c, const dd_op *op, int argi,
                      int named, dd_request *r)
{
    build_job j;
    int top = lua_gettop(L), i, rc;
    j.c = c;
    j.op = op;
    j.named = named;
    j.r = r;
    luaL_checkstack(L, top - argi + 4, "datadog: too many arguments");
    lua_pushcfunction(L, build_job_run);
    lua_pushlightuserdata(L, &j);
    for (i = argi; i <= top; i++)
        lua_pushvalue(L, i);
    c->building++;
    rc = lua_pcall(L, 1 + (top >= argi ? top - argi + 1 : 0), 0, 0);
    c->building--;
    if (rc != LUA_OK)
        lua_error(L); /* the error object as it was raised */
}

/* The operation named by the string at idx (an id, "v1."/"v2." + id or a method
 * name), or an error that says what is wrong and suggests the nearest
 * name. call_index > 0: the name is dd:batch's calls[call_index]. */
const dd_op *dd_check_op(lua_State *L, int idx, int call_index)
{
    size_t len;
    const char *id, *hint;
    const dd_op *op;
    const char *cands[2 * DD_MAX_OPS];
    char where[40], buf[DD_SHOWN];
    int k;
    where[0] = '\0';
    if (call_index > 0)
        snprintf(where, sizeof where, "batch: calls[%d]: ", call_index);
    if (!lua_isstring(L, idx)) /* a number reads as its text, as before */
        dd_misuse(L, NULL, NULL, "operation", "%soperation id must be a string (got %s)",
                  where, luaL_typename(L, idx));
    id = lua_tolstring(L, idx, &len);
    op = dd_op_findl(id, len);
    if (op)
        return op;
    if (strlen(id) != len)
        dd_misuse(L, NULL, NULL, "operation",
                  "%sunknown operation: the name holds a NUL byte", where);
    for (k = 0; k < dd_nops; k++) {
        cands[2 * k] = dd_ops[k].id;
        cands[2 * k + 1] = dd_ops[k].method;
    }
    hint = dd_suggest(id, cands, 2 * dd_nops);
    if (hint)
        dd_misuse(L, NULL, NULL, "operation", "%sunknown operation '%s'; did you "
                                              "mean '%s'?",
                  where, dd_shown(buf, sizeof buf, id, len, 60), hint);
    dd_misuse(L, NULL, NULL, "operation", "%sunknown operation '%s' "
                                          "(datadog.operations() lists them)",
              where, dd_shown(buf, sizeof buf, id, len, 60));
    return NULL;
}
