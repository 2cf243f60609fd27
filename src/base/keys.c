/*
 * keys.c - the registry keys the whole module shares: their addresses are
 * the keys (lua_rawgetp), their text is what a reader sees in a dump. Here,
 * on the ground floor, because the JSON codec (arrays, objects), the engine
 * (error objects, the client as self) and the module all use them.
 */
#include "base.h"

const char dd_key_array_mt[] = "datadog.array";
const char dd_key_object_mt[] = "datadog.object";
const char dd_key_error_mt[] = "datadog.error";
const char dd_key_client_mt[] = "datadog.client";
const char dd_key_methods[] = "datadog.methods";
