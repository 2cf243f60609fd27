/*
 * drivers.h - the drivers: each moves a call's bytes and sleeps its own way.
 *   curl.c       libcurl, one easy handle per client; the drivers' clock
 *   curl_api.c   libcurl loaded with dlopen on first use (curl_api.h)
 *   batch.c      dd:batch over curl_multi
 *   transport.c  the `transport` option: a Lua function called from C
 * (curl.h: the libcurl driver's own state.)
 */
#ifndef DD_DRIVERS_H
#define DD_DRIVERS_H

#include "../engine/engine.h"

/* ---------------------------------------------------------------- drivers */

/* The drivers' monotonic clock (curl.c); the engine reads none. */
double dd_now(void);

/* curl.c: libcurl, loaded and set up on the client's first send. */
int dd_curl_open(dd_client *c, char *err, size_t errsz);
void dd_curl_close(dd_client *c);
/* In a process other than the one that made c's handles (after fork):
 * abandons them without a word on their connections and returns 1. */
int dd_curl_forked(dd_client *c);
/* Runs the call k to DONE on the client's own handle (blocking sleeps). */
void dd_curl_run(lua_State *L, dd_client *c, dd_call *k);
/* Blocking sleep, for the drivers that may block. */
void dd_sleep(double seconds);
int dd_batch(lua_State *L);
/* A batch's options, checked (batch.c): for dd:batch and dd:start_batch. */
typedef struct dd_batch_opts {
    int concurrency;
    double deadline, max_total;
} dd_batch_opts;
void dd_batch_read_opts(lua_State *L, dd_client *c, int opts, dd_batch_opts *o);
/* Builds the request of calls[i] (the list at index calls), raising with the
 * call named ("datadog: batch: calls[3]: ..."). */
void dd_batch_build(lua_State *L, dd_client *c, int calls, int i, dd_request *r);

/* transport.c: runs the call k to DONE through the `transport` option's
 * Lua function. Returns 0, or -1 after the function tried to yield (the
 * caller raises dd_transport_yield_message, once the client is idle). */
int dd_transport_run(lua_State *L, dd_client *c, dd_call *k);
extern const char dd_transport_yield_message[];

/* curl.c: loads libcurl and makes the client's handle on its first send;
 * raises when libcurl cannot be loaded. */
void dd_check_curl(lua_State *L, dd_client *c, const char *what);

#endif
