/*
 * module.h - the Lua-facing module and client: the top room.
 *   core.c      luaopen_datadog_core
 *   client.c    the client userdata, its methods, lifecycle
 *   config.c    options -> client fields, every option checked here
 *   call_lua.c  dd:start / call:step / call:wire / dd:start_batch, the
 *               machine for drivers written in Lua; dd:prepare, dd:finish
 */
#ifndef DD_MODULE_H
#define DD_MODULE_H

#include "../drivers/drivers.h"

/* ---------------------------------------------------------------- drivers in Lua */

void dd_call_lua_open(lua_State *L);
int dd_client_start(lua_State *L);
int dd_client_start_named(lua_State *L);
int dd_client_start_named_with(lua_State *L);
int dd_client_start_request(lua_State *L);
int dd_client_start_batch(lua_State *L);
int dd_client_prepare(lua_State *L);
int dd_client_finish(lua_State *L);

/* ---------------------------------------------------------------- client */

/* config.c: fills c from the configuration table at cfg; raises with a
 * message naming the option. */
void dd_config_apply(lua_State *L, dd_client *c, int cfg);
/* config.c: a call's own options (the table at idx; 0 or nil: none) over
 * the client's, which dd_call_begin gave k; raises naming who. allow lets
 * through the names another reader takes from the same table. */
#define DD_CALLOPT_CLOCK 1u   /* dd:start's clock */
#define DD_CALLOPT_REQUEST 2u /* dd:request's params, query, body, secrets */
void dd_call_options(lua_State *L, dd_client *c, int idx, const char *who, dd_call *k,
                     unsigned allow, double now);
/* Datadog's sites (the API is at https://api.<site>). */
extern const char *const dd_sites[];
extern const int dd_nsites;

/* Registers the client metatable and methods; pushes core.new. */
void dd_client_open(lua_State *L);

#endif
