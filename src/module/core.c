/*
 * core.c - luaopen_datadog_core: the module table of datadog.core.
 *
 *   core.new(config)        a client (see client.c); the Lua layer resolves
 *                           config from options and the environment
 *   core.operations()       every operation as a table
 *   core.schema(id)         the body schema of an operation, as tables
 *   core.encode(v [, id [, validate]]) / core.decode(s)
 *   core.sites()            Datadog's sites
 *   core.misuse(op, field, message)  a misuse error object (response.c)
 *   core.null, core.array_mt, core.object_mt, core.methods, core.version
 */
#include <string.h>

#include "../drivers/curl_api.h"
#include "module.h"

/* Registry keys: only their addresses matter. */

static const char *const kind_names[] = {
    "any", "object", "array", "string", "integer", "boolean", "oneof",
    "number", "map", "union"};

static void push_schema(lua_State *L, const dd_schema *s)
{
    lua_newtable(L);
    lua_pushstring(L, kind_names[s->kind]);
    lua_setfield(L, -2, "kind");
    lua_pushstring(L, s->name);
    lua_setfield(L, -2, "name");
    if (s->kind == DD_T_INT32 || (s->kind == DD_T_STRING && s->max > 0)) {
        lua_pushinteger(L, (lua_Integer)s->min);
        lua_setfield(L, -2, "min");
        lua_pushinteger(L, (lua_Integer)s->max);
        lua_setfield(L, -2, "max");
    }
    if (s->enums) {
        const char *const *e;
        int i = 0;
        lua_newtable(L);
        for (e = s->enums; *e; e++) {
            lua_pushstring(L, *e);
            lua_rawseti(L, -2, ++i);
        }
        lua_setfield(L, -2, "enum");
    }
    if (s->items) {
        push_schema(L, s->items);
        lua_setfield(L, -2, "items");
    }
    if (s->oneof) {
        const dd_schema *const *o;
        int i = 0;
        lua_newtable(L);
        for (o = s->oneof; *o; o++) {
            push_schema(L, *o);
            lua_rawseti(L, -2, ++i);
        }
        lua_setfield(L, -2, "oneof");
    }
    if (s->fields) {
        const dd_field *f;
        int i = 0;
        lua_newtable(L);
        for (f = s->fields; f->name; f++) {
            lua_newtable(L);
            lua_pushstring(L, f->name);
            lua_setfield(L, -2, "name");
            lua_pushboolean(L, (f->flags & DD_F_REQUIRED) != 0);
            lua_setfield(L, -2, "required");
            lua_pushboolean(L, (f->flags & DD_F_NULLABLE) != 0);
            lua_setfield(L, -2, "nullable");
            if (f->doc) {
                lua_pushstring(L, f->doc);
                lua_setfield(L, -2, "doc");
            }
            push_schema(L, f->schema);
            lua_setfield(L, -2, "schema");
            lua_rawseti(L, -2, ++i);
        }
        lua_setfield(L, -2, "fields");
    }
}

static const dd_op *find_or_raise(lua_State *L, int idx)
{
    size_t len;
    const char *id = luaL_checklstring(L, idx, &len);
    const dd_op *op = dd_op_findl(id, len);
    if (!op)
        dd_misuse(L, NULL, NULL, "operation", "unknown operation '%s'",
                  lua_tostring(L, idx));
    return op;
}

static void push_op(lua_State *L, const dd_op *op)
{
    char name[48];
    int i;
    lua_newtable(L);
    lua_pushstring(L, op->id);
    lua_setfield(L, -2, "id");
    lua_pushstring(L, op->method);
    lua_setfield(L, -2, "method");
    lua_pushstring(L, op->http);
    lua_setfield(L, -2, "http_method");
    lua_pushstring(L, op->path);
    lua_setfield(L, -2, "path");
    lua_pushboolean(L, (op->flags & DD_OP_BETA) != 0);
    lua_setfield(L, -2, "beta");
    lua_pushboolean(L, op->body != NULL);
    lua_setfield(L, -2, "body");
    lua_pushstring(L, op->summary);
    lua_setfield(L, -2, "summary");
    lua_pushinteger(L, op->success);
    lua_setfield(L, -2, "success");
    lua_pushstring(L, (op->flags & DD_OP_ACCEPT_ANY) ? "*/*" : "application/json");
    lua_setfield(L, -2, "accept");
    lua_newtable(L);
    for (i = 0; dd_op_path_param(op, i, name, sizeof name); i++) {
        lua_pushstring(L, name);
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "path_params");
    lua_createtable(L, op->nquery, 0);
    for (i = 0; i < op->nquery; i++) {
        static const char *const qtypes[] = {"boolean", "csv", "integer", "string"};
        const dd_qparam *q = &op->query[i];
        const char *const *e;
        lua_newtable(L);
        lua_pushstring(L, q->name);
        lua_setfield(L, -2, "name");
        lua_pushstring(L, q->wire);
        lua_setfield(L, -2, "wire");
        lua_pushstring(L, qtypes[q->type]);
        lua_setfield(L, -2, "type");
        lua_pushboolean(L, (q->flags & DD_QP_REQUIRED) != 0);
        lua_setfield(L, -2, "required");
        lua_pushstring(L, q->doc);
        lua_setfield(L, -2, "doc");
        if (q->enums) {
            lua_newtable(L);
            for (e = q->enums; *e; e++) {
                lua_pushstring(L, *e);
                lua_rawseti(L, -2, (int)(e - q->enums) + 1);
            }
            lua_setfield(L, -2, "enum");
        }
        lua_rawseti(L, -2, i + 1);
    }
    lua_setfield(L, -2, "query_params");
}

/* core.operations() -> list, in the table's order; core.operations(id) -> one */
static int core_operations(lua_State *L)
{
    int i;
    if (!lua_isnoneornil(L, 1)) { /* core.operations(id): that one's table */
        push_op(L, find_or_raise(L, 1));
        return 1;
    }
    lua_createtable(L, dd_nops, 0);
    for (i = 0; i < dd_nops; i++) {
        push_op(L, &dd_ops[i]);
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

/* core.schema(id) -> schema table, or nil for operations without a body */
static int core_schema(lua_State *L)
{
    const dd_op *op = find_or_raise(L, 1);
    if (!op->body)
        return 0;
    push_schema(L, op->body);
    return 1;
}

/* core.encode(value [, operation_id [, validate]]) -> JSON text; raises with
 * the path of a bad value. */
static int core_encode(lua_State *L)
{
    const dd_op *op = lua_isnoneornil(L, 2) ? NULL : find_or_raise(L, 2);
    int validate = op && (lua_isnoneornil(L, 3) || lua_toboolean(L, 3));
    dd_buf out;
    dd_enc_err err;
    luaL_checkany(L, 1);
    lua_settop(L, 3);
    dd_buf_init(&out);
    if (!dd_json_encode(L, 1, op ? op->body : NULL, validate, &out, &err, NULL)) {
        dd_buf_free(&out);
        if (op)
            return dd_misuse(L, NULL, op->id, err.path, "%s: %s", err.path, err.msg);
        return dd_misuse(L, NULL, NULL, NULL, "value: %s", err.msg);
    }
    lua_pushlstring(L, out.data ? out.data : "", out.len);
    dd_buf_free(&out);
    return 1;
}

/* core.decode(text) -> value | nil, message */
static int core_decode(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    char err[160];
    if (!dd_json_decode(L, s, len, err, sizeof err)) {
        lua_pushnil(L);
        lua_pushfstring(L, "invalid JSON: %s", err);
        return 2;
    }
    return 1;
}

/* core.suggest(word, candidates) -> the closest candidate, or nil: the
 * "did you mean" rule of the whole module, for the Lua layer too. */
static int core_suggest(lua_State *L)
{
    const char *word = luaL_checkstring(L, 1);
    const char *cands[256];
    const char *hint;
    int i, n;
    luaL_checktype(L, 2, LUA_TTABLE);
    n = (int)dd_rawlen(L, 2);
    if (n > 256)
        n = 256;
    for (i = 0; i < n; i++) {
        lua_rawgeti(L, 2, i + 1);
        cands[i] = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
        lua_pop(L, 1); /* still referenced by the table */
    }
    hint = dd_suggest(word, cands, n);
    if (!hint)
        return 0;
    lua_pushstring(L, hint);
    return 1;
}

/* core.curl_version() -> the version of the libcurl calls go through
 * ("7.88.1"), loading it if no call has yet; or nil and why it cannot be
 * loaded. */
static int core_curl_version(lua_State *L)
{
    const char *why = dd_curl_load();
    if (why) {
        lua_pushnil(L);
        lua_pushstring(L, why);
        return 2;
    }
    lua_pushstring(L, curl_version_info(CURLVERSION_NOW)->version);
    return 1;
}

/* core.percent_encode(s) -> s with everything but unreserved characters
 * encoded, as path parameters are (the one encoder, text.c's). */
static int core_percent_encode(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    dd_buf out;
    dd_buf_init(&out);
    dd_percent_encode(&out, s, len);
    if (out.failed) {
        dd_buf_free(&out);
        return luaL_error(L, "datadog: out of memory");
    }
    lua_pushlstring(L, out.data ? out.data : "", out.len);
    dd_buf_free(&out);
    return 1;
}

/* core.misuse(operation, field, message) -> the misuse error object the
 * C core raises (kind "invalid"), for the Lua layer to raise: one
 * constructor for the whole module. operation and field may be nil. */
static int core_misuse(lua_State *L)
{
    const char *op = luaL_optstring(L, 1, NULL);
    const char *field = luaL_optstring(L, 2, NULL);
    const char *msg = luaL_checkstring(L, 3);
    dd_misuse_push(L, NULL, op, field, msg);
    return 1;
}

/* core.sites() -> Datadog's sites, in config.c's order */
static int core_sites(lua_State *L)
{
    int i;
    lua_createtable(L, dd_nsites, 0);
    for (i = 0; i < dd_nsites; i++) {
        lua_pushstring(L, dd_sites[i]);
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

static void new_marker_mt(lua_State *L, const char *key, const char *name)
{
    lua_pushlightuserdata(L, (void *)key);
    lua_newtable(L);
    lua_pushstring(L, name);
    lua_setfield(L, -2, "__name");
    lua_rawset(L, LUA_REGISTRYINDEX);
}

/* The one symbol the module exports: the Makefile builds with
 * -fvisibility=hidden, and Lua finds this function with dlsym. */
#if defined(__GNUC__)
#define DD_EXPORT __attribute__((visibility("default")))
#else
#define DD_EXPORT
#endif

DD_EXPORT LUALIB_API int luaopen_datadog_core(lua_State *L);
DD_EXPORT LUALIB_API int luaopen_datadog_core(lua_State *L)
{
    static const luaL_Reg funcs[] = {{"operations", core_operations},
                                     {"schema", core_schema},
                                     {"encode", core_encode},
                                     {"decode", core_decode},
                                     {"suggest", core_suggest},
                                     {"percent_encode", core_percent_encode},
                                     {"curl_version", core_curl_version},
                                     {"sites", core_sites},
                                     {"misuse", core_misuse},
                                     {"local_store", dd_local_store_open},
                                     {NULL, NULL}};
    const luaL_Reg *r;
    new_marker_mt(L, dd_key_array_mt, "datadog.array");
    new_marker_mt(L, dd_key_object_mt, "datadog.object");
    dd_error_open(L);
    dd_call_lua_open(L);

    lua_newtable(L);
    for (r = funcs; r->name; r++) {
        lua_pushcfunction(L, r->func);
        lua_setfield(L, -2, r->name);
    }
    dd_client_open(L); /* pushes core.new */
    lua_setfield(L, -2, "new");
    lua_pushlightuserdata(L, NULL);
    lua_setfield(L, -2, "null");
    dd_rawgetp_registry(L, dd_key_array_mt);
    lua_setfield(L, -2, "array_mt");
    dd_rawgetp_registry(L, dd_key_object_mt);
    lua_setfield(L, -2, "object_mt");
    dd_rawgetp_registry(L, dd_key_error_mt);
    lua_setfield(L, -2, "error_mt");
    dd_rawgetp_registry(L, dd_key_methods);
    lua_setfield(L, -2, "methods");
    lua_pushliteral(L, DD_VERSION);
    lua_setfield(L, -2, "version");
    return 1;
}
