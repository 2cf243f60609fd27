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
int dd_client_start_request(lua_State *L);
int dd_client_start_batch(lua_State *L);
int dd_client_prepare(lua_State *L);
int dd_client_finish(lua_State *L);

/* ---------------------------------------------------------------- client */

/* config.c: fills c from the configuration table at cfg; raises with a
 * message naming the option. */
void dd_config_apply(lua_State *L, dd_client *c, int cfg);
/* Datadog's sites (the API is at https://api.<site>). */
extern const char *const dd_sites[];
extern const int dd_nsites;

/* Registers the client metatable and methods; pushes core.new. */
void dd_client_open(lua_State *L);

#endif
