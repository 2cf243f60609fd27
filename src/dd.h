/*
 * dd.h - shared declarations of the datadog.core C module.
 *
 * Rooms (see docs/ARCHITECTURE.md):
 *   the operation table
 *     ops.c        the operations and body schemas, as data
 *     request.c    (operation, arguments) -> method, URL, headers, body
 *     json_*.c     JSON decoding, and schema-guided validation + encoding
 *     strcache.c   a cache of the short strings every response repeats
 *   the call engine (sans-I/O: no socket, no sleep)
 *     call.c       a call as a state machine: send, wait, done; retry policy,
 *                  attempts, the debug log
 *     response.c   (status, headers, body) -> results or error objects
 *     secrets.c    what must never be shown, and masking it
 *     zlib.c       gzip request bodies; inflate bodies a Lua driver feeds
 *   drivers (move bytes and sleep, each in its own way)
 *     curl.c       libcurl, one easy handle per client (curl.h: its state)
 *     batch.c      dd:batch over curl_multi
 *     curl_api.c   libcurl loaded with dlopen on first use
 *     transport.c  the `transport` option: a Lua function called from C
 *     call_lua.c   the machine for drivers written in Lua: dd:start,
 *                  call:step, dd:prepare, dd:finish
 *   the client and the module
 *     config.c     options -> client fields, every option checked here
 *     client.c     the client userdata, its methods, lifecycle
 *     text.c       caller text in messages, percent-encoding, suggestions
 *     buf.c        growable byte buffers
 *     core.c       luaopen_datadog_core
 */
#ifndef DD_H
#define DD_H

#include <stddef.h>
#include <stdint.h>

#include "compat.h"

#define DD_VERSION "0.1.0"
#define DD_MAX_DEPTH 100 /* nesting limit for encoded and decoded JSON */
#define DD_MAX_PATH_PARAM 2048 /* bytes of one path parameter, before encoding */

/* ---------------------------------------------------------------- buffer */

typedef struct dd_buf {
    char *data;
    size_t len, cap;
    int failed; /* an allocation failed; contents are incomplete */
} dd_buf;

void dd_buf_init(dd_buf *b);
void dd_buf_free(dd_buf *b);
void dd_buf_reset(dd_buf *b);
int dd_buf_reserve(dd_buf *b, size_t extra);
void dd_buf_add(dd_buf *b, const char *s, size_t n);
/* Inline: the encoders add single characters all the time. */
static inline void dd_buf_addc(dd_buf *b, char c)
{
    if (b->len + 1 < b->cap) { /* fast path: room for c and the NUL */
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return;
    }
    dd_buf_add(b, &c, 1);
}
void dd_buf_adds(dd_buf *b, const char *s);
void dd_buf_printf(dd_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* ---------------------------------------------------------------- schemas */

typedef enum dd_kind {
    DD_T_ANY,    /* anything JSON can hold */
    DD_T_OBJECT, /* known fields; unknown ones pass through */
    DD_T_ARRAY,  /* items all of one schema */
    DD_T_STRING, /* optional length range, optional enum */
    DD_T_INT32,  /* integer in [min, max] */
    DD_T_BOOL,
    DD_T_ONEOF /* one of several object shapes, picked by a key */
} dd_kind;

#define DD_F_REQUIRED 1u /* field must be present */
#define DD_F_NULLABLE 2u /* JSON null is accepted */
#define DD_F_SECRET 4u   /* a credential: masked in errors and logs */

typedef struct dd_schema dd_schema;
typedef struct dd_field {
    const char *name;
    const dd_schema *schema;
    unsigned flags;
    const char *doc;
} dd_field;

/* A cross-field rule run after an object's fields are checked. It returns
 * NULL when the object at idx is fine, or a static message and sets *field to
 * the name of the offending field. */
typedef const char *(*dd_rule)(lua_State *L, int idx, const char **field);

struct dd_schema {
    dd_kind kind;
    const char *name;              /* shown in help: "SlackChannel" */
    const dd_field *fields;        /* OBJECT: NULL-name terminated */
    const dd_schema *items;        /* ARRAY */
    const dd_schema *const *oneof; /* ONEOF: NULL terminated; each picked by
                                      its first required field's name */
    const char *const *enums;      /* STRING: NULL terminated */
    long long min, max;            /* INT32 value / STRING length range */
    dd_rule rule;                  /* OBJECT: extra check */
};

/* ---------------------------------------------------------------- operations */

#define DD_OP_BETA 1u       /* must be enabled with unstable = {...} */
#define DD_OP_ACCEPT_ANY 2u /* sends Accept: star/star (DELETE, PagerDuty PUT) */
#define DD_OP_NO_BODY 4u    /* documented to succeed without a body though its
                               success status is not 204 (PagerDuty's update) */
#define DD_OP_NO_BODY 4u    /* documented to succeed without a body though its
                               success status is not 204 (PagerDuty's update) */

/* query parameters, as a bit each */
enum {
    DD_Q_INCLUDE_DELETED = 1u << 0,
    DD_Q_INCLUDE = 1u << 1,
    DD_Q_PAGE_SIZE = 1u << 2,
    DD_Q_PAGE_OFFSET = 1u << 3
};

typedef enum dd_qtype { DD_QT_BOOL, DD_QT_CSV, DD_QT_INT } dd_qtype;

typedef struct dd_qparam {
    unsigned bit;
    const char *name; /* Lua-side name: page_size */
    const char *wire; /* query key: page[size] */
    dd_qtype type;
    const char *doc;
} dd_qparam;

typedef struct dd_op {
    const char *id;     /* official operation id: UpdateIncidentIntegration */
    const char *method; /* Lua method name: update_incident_integration */
    const char *http;   /* GET, POST, PATCH, PUT, DELETE */
    const char *path;   /* template with {param} segments */
    unsigned query;     /* DD_Q_* bits accepted */
    const dd_schema *body; /* NULL: the operation takes no body */
    unsigned flags;     /* DD_OP_* */
    const char *summary;
    int success;        /* documented success status */
} dd_op;

/* The operation table's room: the client keeps a bit per operation
 * (unstable) and name lookups keep candidate lists on the C stack. ops.c
 * checks the table fits at compile time. */
#define DD_MAX_OPS 256

extern const dd_op dd_ops[];
extern const int dd_nops;

/* Bit i of a set of operations (an array of uint64_t). */
static inline void dd_bit_set(uint64_t *set, int i)
{
    set[i >> 6] |= (uint64_t)1 << (i & 63);
}
static inline int dd_bit_get(const uint64_t *set, int i)
{
    return (int)((set[i >> 6] >> (i & 63)) & 1);
}
extern const dd_qparam dd_qparams[];
extern const int dd_nqparams;

/* By id, "v1."/"v2."+id or method name, for a Lua string of len bytes:
 * NULL when there is none or it holds a NUL. */
const dd_op *dd_op_findl(const char *id, size_t len);
/* Copies the n-th ({...}) path parameter name of op into out; 0 when none. */
int dd_op_path_param(const dd_op *op, int n, char *out, size_t outsz);
/* Whether k[0..klen) names one of op's path parameters ({k} in its path). */
int dd_op_is_path_param(const dd_op *op, const char *k, size_t klen);
int dd_op_path_param_count(const dd_op *op);

/* ---------------------------------------------------------------- JSON */

/* Registry keys for the sentinels and metatables shared by the whole
 * module; their addresses are the keys. */
extern const char dd_key_array_mt[];
extern const char dd_key_object_mt[];
extern const char dd_key_error_mt[];
extern const char dd_key_client_mt[];
extern const char dd_key_methods[];

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

/* Values that must never be shown: the keys, and body fields marked
 * DD_F_SECRET. Copies, owned by the request (secrets.c). */
#define DD_MAX_SECRETS 8
typedef struct dd_secrets {
    dd_buf store; /* the values, one after another */
    size_t off[DD_MAX_SECRETS], len[DD_MAX_SECRETS];
    int n;
} dd_secrets;

void dd_secrets_init(dd_secrets *sec);
void dd_secrets_reset(dd_secrets *sec); /* wipes the copies */
void dd_secrets_free(dd_secrets *sec);
/* Copies s[0..len) in (values shorter than 4 bytes are not kept). */
void dd_secrets_add(dd_secrets *sec, const char *s, size_t len);
/* The first secret in p[0..end), its length in *len; NULL when none. */
const char *dd_secrets_find(const dd_secrets *sec, const char *p,
                            const char *end, size_t *len);
/* Pushes s[0..len) with every secret in it replaced by "****". */
void dd_secrets_push_masked(lua_State *L, const dd_secrets *sec, const char *s,
                            size_t len);
/* Replaces the string at idx with a copy where every secret reads "****". */
void dd_secrets_mask(lua_State *L, const dd_secrets *sec, int idx);
/* The same for text that was cut to fit: a tail that starts a secret is
 * masked too. */
void dd_secrets_mask_cut(lua_State *L, const dd_secrets *sec, int idx);
/* The same for JSON text: secrets spelt with string escapes too. */
void dd_secrets_mask_json(lua_State *L, const dd_secrets *sec, int idx);

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

/* ---------------------------------------------------------------- client */

/* The client userdata. Made in a closed state, then filled by config.c;
 * everything it owns is released by one idempotent function shared by
 * close, __gc and __close. Only what every driver needs is here: libcurl's
 * state is behind `curl` (curl.h). */
typedef struct dd_client {
    int open;
    char *base_url; /* no trailing slash */
    char *site;     /* NULL with a custom base_url */
    char *api_key, *app_key;
    char *user_agent;
    uint64_t unstable[DD_MAX_OPS / 64]; /* bit i: beta dd_ops[i] is enabled */
    int validate;
    long timeout_ms, connect_timeout_ms;
    double deadline;   /* seconds a call may last, attempts and waits */
    double max_batch_body; /* decoded response bytes a batch may hold */
    int compress;      /* Accept-Encoding: gzip, deflate */
    long gzip_min;     /* gzip request bodies of at least this many bytes; 0 off */
    long max_body;     /* largest response body accepted, bytes */
    int retry_max;     /* retries after the first attempt; 0: none */
    double retry_base, retry_mult, retry_max_wait;
    unsigned retry_methods; /* DD_M_* bits: 5xx/connection retries */
    int debug;         /* 0 off, 1 stderr, 2 the Lua function debug_ref */
    int debug_ref;
    int busy;          /* inside a call: a transport must not re-enter */
    uint64_t rng;      /* jitter */
    int verify;        /* TLS peer and host verification */
    int raw_body;      /* successes also give response.body, as it came */
    char *ca_file, *ca_path;
    char *proxy;       /* the proxy option, else the environment's; NULL: none */
    char *noproxy;     /* no_proxy / NO_PROXY; NULL: none */
    int transport_ref; /* LUA_NOREF: libcurl */
    struct dd_curl *curl; /* the libcurl driver's state; NULL until it sends */
    struct dd_call *call; /* the call single calls reuse */
} dd_client;

/* A request built from an operation and its arguments, ready for a
 * driver. Owned by the caller; dd_request_free releases it. */
typedef struct dd_request {
    const dd_op *op;
    dd_buf url;
    dd_buf body; /* empty when the operation has no body */
    int has_body;
    int gzipped;        /* body holds gzip data: Content-Encoding: gzip */
    dd_secrets secrets; /* the keys, and body fields that are credentials */
} dd_request;

void dd_request_init(dd_request *r);
void dd_request_free(dd_request *r);

/* Starts r's secrets afresh with the client's two keys. */
void dd_request_key_secrets(const dd_client *c, dd_request *r);

/* Fills r from the arguments on the stack, raising on misuse (after freeing
 * r). named: arguments are positional (path params..., body, opts) starting
 * at argi; otherwise argi holds the params table of dd:call. */
void dd_request_build(lua_State *L, dd_client *c, const dd_op *op, int argi,
                      int named, dd_request *r);

/* zlib.c: gzip-compresses in[0..len) into out; 0 on failure. */
int dd_gzip(const char *in, size_t len, dd_buf *out);
/* Inflates gzip or zlib/deflate data in b in place, refusing more than
 * max bytes. Returns 0 when done, 1 when larger than max, -1 when the data
 * is not valid (b is then unchanged). */
int dd_inflate(dd_buf *b, size_t max);

/* text.c: RFC 3986 unreserved characters, the only ones left as they are. */
int dd_unreserved(unsigned char c);
/* Percent-encodes s whole into out: only unreserved characters stay. */
void dd_percent_encode(dd_buf *out, const char *s, size_t len);
/* "did you mean": the closest of n candidates within a small distance, or
 * NULL. */
const char *dd_suggest(const char *word, const char *const *cands, int n);
/* A caller's text s[0..len) fit to be echoed in a one-line message: at
 * most max bytes (then "..."), control characters and bytes that are not
 * UTF-8 escaped (\n, \xHH), never a character cut. Writes dst (dstsz >=
 * max + 4) and returns it. DD_SHOWN is the size for names (max 60). */
#define DD_SHOWN 64
const char *dd_shown(char *dst, size_t dstsz, const char *s, size_t len,
                     size_t max);
/* The length of the UTF-8 sequence at s (1 to 4), or -1 when invalid. */
long dd_utf8_seq(const unsigned char *s, size_t len);
/* A hex digit's value, or -1 (JSON \u escapes: the decoder, masking). */
static inline int dd_hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}
/* Writes code point cp as UTF-8 at o; returns the number of bytes (1-4). */
static inline size_t dd_utf8_put(char *o, unsigned cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* HTTP methods as bits (retry.methods) */
#define DD_M_GET 1u
#define DD_M_POST 2u
#define DD_M_PUT 4u
#define DD_M_PATCH 8u
#define DD_M_DELETE 16u
unsigned dd_method_bit(const char *m);

/* One attempt's outcome, as a driver reports it: an HTTP response (kind
 * NULL), or a failure before one was complete. */
typedef struct dd_result {
    long status;     /* 0 when no HTTP response was received */
    const char *kind;/* NULL, or the failure kind: timeout, connect, tls,
                        network, too_large, decode */
    char message[256];
    dd_buf headers;  /* raw header lines of the final response */
    dd_buf body;
    int encoded;     /* body is as sent (a Lua driver's): the machine decodes
                        its Content-Encoding; libcurl's is decoded already */
    int attempts;    /* set by the machine */
} dd_result;

void dd_result_init(dd_result *res);
void dd_result_free(dd_result *res);
/* Empties res for the next attempt. */
void dd_result_reset(dd_result *res);

/* The leading number of header name in raw header lines, read
 * defensively ("7", " 7", "7, 7" are all 7); 0 when absent or no number. */
int dd_header_number(const dd_buf *h, const char *name, double *out);
/* The value of header name in raw header lines, trimmed; NULL if absent. */
const char *dd_header_value(const dd_buf *h, const char *name, size_t *len);

/* Pushes the results of an operation: (decoded body | true, response) on
 * success, (nil, err) otherwise. Returns the number of values pushed. */
int dd_response_push(lua_State *L, const dd_op *op, dd_result *res,
                     const dd_secrets *sec);

/* Pushes an error object of the given kind with a message. */
void dd_error_push(lua_State *L, const dd_op *op, const char *kind, long status,
                   const char *message);
void dd_error_open(lua_State *L);

/* ---------------------------------------------------------------- the call engine */

/* A call as a state machine (call.c). It does no I/O: each step tells the
 * driver what to do, and the driver feeds back what happened.
 *
 *   dd_call_begin        request built (misuse already raised) -> SEND
 *   SEND   the driver calls dd_call_sending, moves the request, fills
 *          k->res (a response, or a failure kind and message), then
 *          dd_call_feed      -> WAIT (k->wait seconds) or DONE
 *   WAIT   the driver sleeps its own way, then sends again
 *   DONE   dd_call_push pushes what the call returns
 */
enum { DD_CALL_SEND, DD_CALL_WAIT, DD_CALL_DONE };

/* Response bytes that calls sharing it may hold at once (a batch's): the
 * bodies of every call, in flight or done, as decoded. */
typedef struct dd_budget {
    size_t used, max;
} dd_budget;

typedef struct dd_call {
    dd_request req;
    dd_result res;
    int state;
    int attempts;
    int retry_max;   /* this call's retries (dd:finish: none) */
    double wait;     /* WAIT: seconds before the next send */
    double started;  /* this attempt's start */
    double deadline; /* seconds the whole call may last */
    double deadline_at; /* dd_now() when it ends */
    dd_budget *budget;  /* NULL, or the batch's */
} dd_call;

void dd_call_init(dd_call *k);
void dd_call_free(dd_call *k);
/* After dd_request_build(k->req): the first step is SEND. */
void dd_call_begin(dd_client *c, dd_call *k);
/* Counts n more bytes of res against b; 0 (res then fails as too_large,
 * unless it failed already) when they do not fit. */
int dd_budget_take(dd_budget *b, dd_result *res, size_t n);
/* The call's deadline, in seconds from now (dd_call_begin sets the
 * client's; a driver may give a call its own). */
void dd_call_set_deadline(dd_call *k, double seconds);
/* The deadline field of the options table at opts (dd:start, dd:batch),
 * checked; dflt when absent. what names the method in the message. */
double dd_opt_deadline(lua_State *L, int opts, const char *what, double dflt);
/* Before each send: empties k->res, notes the time. */
void dd_call_sending(dd_client *c, dd_call *k);
/* The time this attempt may take, in ms: the client's timeout, or less
 * when the call's deadline is nearer (at least 1). After dd_call_sending. */
long dd_call_attempt_ms(const dd_client *c, const dd_call *k);
/* The attempt's outcome is in k->res: decodes it, logs it, and decides.
 * Never raises (a debug function runs under pcall). */
int dd_call_feed(lua_State *L, dd_client *c, dd_call *k);
/* DONE: pushes res, response or nil, err. Returns 2. */
int dd_call_push(lua_State *L, dd_client *c, dd_call *k);
/* The retry policy, for a response or failure (never raises): seconds to
 * wait before retry number retries_done + 1, or negative for none. */
double dd_retry_wait(dd_client *c, const dd_op *op, const dd_result *res,
                     int retries_done, int retry_max, const char **why);
double dd_now(void);

/* ---------------------------------------------------------------- drivers */

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

/* transport.c: runs the call k to DONE through the `transport` option's
 * Lua function. Returns 0, or -1 after the function tried to yield (the
 * caller raises dd_transport_yield_message, once the client is idle). */
int dd_transport_run(lua_State *L, dd_client *c, dd_call *k);
extern const char dd_transport_yield_message[];

/* call_lua.c: the machine for drivers in Lua, and the request table (its
 * timeout is k's attempt's; the client's when k is NULL). */
void dd_push_request(lua_State *L, dd_client *c, const dd_request *r,
                     const dd_call *k);
/* Fills res from (status, headers, body) at idx..idx+2; 0 when the status
 * is not a whole number from 100 to 999. Raises only on a raising
 * metamethod of the values. */
int dd_result_from_lua(lua_State *L, int idx, dd_result *res);
/* Fills res with a failure from a Lua error value (a string, or a table
 * with kind and message), masked and cut to fit after masking. */
void dd_result_fail_from_lua(lua_State *L, int idx, const dd_secrets *sec,
                             const char *prefix, dd_result *res);
void dd_call_lua_open(lua_State *L);
int dd_client_start(lua_State *L);
int dd_client_prepare(lua_State *L);
int dd_client_finish(lua_State *L);

/* ---------------------------------------------------------------- client */

/* config.c: fills c from the configuration table at cfg; raises with a
 * message naming the option. */
void dd_config_apply(lua_State *L, dd_client *c, int cfg);
/* Datadog's sites (the API is at https://api.<site>). */
extern const char *const dd_sites[];
extern const int dd_nsites;

/* client.c: the steps every entry point shares. */
dd_client *dd_check_open(lua_State *L, int idx);
const dd_op *dd_check_op(lua_State *L, int idx, int call_index);
void dd_check_curl(lua_State *L, dd_client *c, const char *what);
void dd_check_enabled(lua_State *L, dd_client *c, const dd_op *op);
/* Registers the client metatable and methods; pushes core.new. */
void dd_client_open(lua_State *L);

#endif
