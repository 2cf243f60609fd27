/*
 * json.h - JSON: decoding that keeps integers, and schema-guided
 * validation + encoding in one walk.
 *   json_decode.c  JSON text -> Lua values
 *   json_encode.c  Lua values (+ a schema) -> JSON text, checked
 *   strcache.c     a cache of the short strings every response repeats
 */
#ifndef DD_JSON_H
#define DD_JSON_H

#include "../ops/ops.h"

#define DD_MAX_DEPTH 100 /* nesting limit for encoded and decoded JSON */

/* strcache.c: a cache of short strings. dd_strcache_open pushes its table
 * and returns it; dd_strcache_push pushes s[0..len), from the cache (its
 * table at index cache) when it is there, in one of the regions. */
typedef struct dd_strcache dd_strcache;
enum { DD_SC_NAMES, DD_SC_VALUES, DD_SC_REGIONS };
#define DD_SC_SLOTS 256 /* per region */
dd_strcache *dd_strcache_open(lua_State *L);
/* Returns the entry (0 to DD_SC_SLOTS - 1 in the region) that now holds
 * s, or -1 when s is too long to be cached. Equal strings always get the
 * same entry, which another string may take later. */
int dd_strcache_push(lua_State *L, dd_strcache *sc, int cache, int region,
                     const char *s, size_t len);

/* Decodes s[0..len) and pushes the value. Arrays get the array metatable.
 * On failure pushes nothing and returns 0 with a message in err. */
int dd_json_decode(lua_State *L, const char *s, size_t len, char *err,
                   size_t errsz);
/* The same with the string cache already open (sc, its table at cache). */
int dd_json_decode_cached(lua_State *L, const char *s, size_t len, char *err,
                          size_t errsz, dd_strcache *sc, int cache);

/* The encoder's result: ok, or a message and the path of the bad value. */
typedef struct dd_enc_err {
    char path[256];
    char msg[160];
} dd_enc_err;

/* Encodes the value at idx into out, guided by schema (may be NULL), checking
 * it against the schema when validate is set. String values of DD_F_SECRET
 * fields are added to secrets (may be NULL). Returns 1 on success, or 0 with
 * err filled in (out then holds garbage). Never raises: the caller frees and
 * raises. */
int dd_json_encode(lua_State *L, int idx, const dd_schema *schema,
                   int validate, dd_buf *out, dd_enc_err *err,
                   dd_secrets *secrets);

/* Appends s as a JSON string literal; 0 if s is not valid UTF-8. */
int dd_json_add_string(dd_buf *out, const char *s, size_t len);

#endif
