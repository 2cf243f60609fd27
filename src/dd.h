/*
 * dd.h - shared declarations of the datadog.core C module.
 *
 * Layers (see docs/ARCHITECTURE.md):
 *   ops_gen.c  the operations and body schemas, as data (generated:
 *              scripts/gen-ops)
 *   ops_rules.c the cross-field rules the generated schemas point at
 *   ops.c      finding an operation by name; its path parameters
 *   json_*.c   JSON decoding, and schema-guided validation + encoding
 *   request.c  turning (operation, arguments) into method, URL, headers, body
 *   response.c turning (status, headers, body) into results or error objects
 *   curl.c     the default transport (libcurl easy handle per client)
 *   client.c   the client userdata and the one engine behind every operation
 *   core.c     luaopen_datadog_core
 */
#ifndef DD_H
#define DD_H

#include <stddef.h>
#include <stdint.h>

#include "compat.h"

#define DD_VERSION "0.1.0"
#define DD_MAX_DEPTH 100 /* nesting limit for encoded and decoded JSON */

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
    DD_T_ONEOF,  /* one of several object shapes, picked by a key */
    DD_T_NUMBER, /* any finite number */
    DD_T_MAP,    /* an object whose values all have one schema (items) */
    DD_T_UNION   /* the first of several schemas (oneof) the value fits */
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
    const dd_schema *items;        /* ARRAY, MAP */
    const dd_schema *const *oneof; /* ONEOF: NULL terminated; each picked by
                                      its first field's name (required);
                                      UNION: tried in turn */
    const char *const *enums;      /* STRING: NULL terminated */
    long long min, max;            /* INT32 value / STRING length range */
    dd_rule rule;                  /* OBJECT: extra check */
};

/* ---------------------------------------------------------------- operations */

#define DD_OP_BETA 1u       /* must be enabled with unstable = {...} */
#define DD_OP_ACCEPT_ANY 2u /* sends Accept: star/star (DELETE, PagerDuty PUT) */

typedef enum dd_qtype {
    DD_QT_BOOL,   /* true / false */
    DD_QT_CSV,    /* a string, or a list of strings joined with "," */
    DD_QT_INT,    /* a non-negative integer */
    DD_QT_STRING
} dd_qtype;

#define DD_QP_REQUIRED 1u

typedef struct dd_qparam {
    const char *name; /* Lua-side name, as the Python client's: page_size */
    const char *wire; /* query key: page[size] */
    dd_qtype type;
    unsigned flags;   /* DD_QP_* */
    const char *const *enums; /* NULL, or the values allowed (each, in a CSV) */
    const char *doc;  /* starts with the type in words: "boolean: ..." */
} dd_qparam;

typedef struct dd_op {
    const char *id;     /* official operation id: UpdateIncidentIntegration */
    const char *method; /* Lua method name: update_incident_integration */
    const char *http;   /* GET, POST, PATCH, PUT, DELETE */
    const char *path;   /* template with {param} segments */
    const dd_qparam *query; /* its query parameters, in the official order */
    int nquery;
    const dd_schema *body; /* NULL: the operation takes no body */
    unsigned flags;     /* DD_OP_* */
    const char *summary;
    int success;        /* documented success status */
} dd_op;

/* The operation table's room: the client keeps a bit per operation
 * (unstable) and name lookups keep candidate lists on the C stack. ops_gen.c
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

/* ops_rules.c: the cross-field rules (dd_rule) of the generated schemas. */
const char *dd_rule_integration_type(lua_State *L, int idx, const char **field);
const char *dd_rule_custom_url(lua_State *L, int idx, const char **field);

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
 * DD_F_SECRET. Pointers into Lua strings that outlive the call. */
#define DD_MAX_SECRETS 8
typedef struct dd_secrets {
    const char *s[DD_MAX_SECRETS];
    size_t len[DD_MAX_SECRETS];
    int n;
} dd_secrets;

void dd_secrets_add(dd_secrets *sec, const char *s, size_t len);
/* Replaces the string at idx with a copy where every secret reads "****". */
void dd_secrets_mask(lua_State *L, const dd_secrets *sec, int idx);

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

/* The client userdata. Made in a closed state, then filled; everything it
 * owns is released by dd_client_release, shared by close, __gc and
 * __close. */
typedef struct dd_client {
    int open;
    char *base_url; /* no trailing slash */
    char *site;     /* NULL with a custom base_url */
    char *api_key, *app_key;
    char *user_agent;
    uint64_t unstable[DD_MAX_OPS / 64]; /* bit i: beta dd_ops[i] is enabled */
    int validate;
    long timeout_ms, connect_timeout_ms;
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
    char *ca_file, *ca_path;
    char *proxy;       /* the proxy option, else the environment's; NULL: none */
    char *noproxy;     /* no_proxy / NO_PROXY; NULL: none */
    int transport_ref; /* LUA_NOREF: libcurl */
    void *curl;        /* CURL * */
    void *share;       /* CURLSH *: connections, DNS and TLS sessions shared
                        * by the handles of every dd:batch (not curl) */
    void *headers[8];  /* struct curl_slist *, by accept-any x body x gzip */
    /* What curl was last given (dd_curl_prepare), so that a call like the
     * one before it sets only what differs: its URL, the method and header
     * list as one key (-1 when not known), and the result. */
    dd_buf curl_url;
    long curl_key;
    const void *curl_res;
    char *curl_error;  /* CURL_ERROR_SIZE bytes */
    struct dd_request *req; /* reused from call to call */
    struct dd_result *res;
} dd_client;

/* A request built from an operation and its arguments, ready for a
 * transport. Owned by the caller; dd_request_free releases it. */
typedef struct dd_request {
    const dd_op *op;
    dd_buf url;
    dd_buf body; /* empty when the operation has no body */
    int has_body;
    int gzipped;        /* body holds gzip data: Content-Encoding: gzip */
    dd_secrets secrets; /* body fields that are credentials */
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

/* gzip-compresses in[0..len) into out; 0 on failure. */
int dd_gzip(const char *in, size_t len, dd_buf *out);

/* RFC 3986 unreserved characters: the only ones left as they are. */
int dd_unreserved(unsigned char c);

/* Percent-encodes s whole into out: only unreserved characters stay. */
void dd_percent_encode(dd_buf *out, const char *s, size_t len);

/* "did you mean" helper: the closest of n candidates within a small
 * distance, or NULL. */
const char *dd_suggest(const char *word, const char *const *cands, int n);

/* The curl transport: per-client handle setup and one request. */
int dd_curl_open(dd_client *c, char *err, size_t errsz);
void dd_curl_close(dd_client *c);
struct dd_result;
void dd_curl_perform(dd_client *c, const dd_request *r, struct dd_result *res);
/* For the batch engine: a new handle set up like the client's (errbuf must
 * hold CURL_ERROR_SIZE bytes and outlive it), and the two halves of a
 * transfer around curl_multi. */
void *dd_curl_handle(dd_client *c, char *errbuf, int shared); /* shared: in c->share */
void dd_curl_prepare(dd_client *c, void *handle, char *errbuf,
                     const dd_request *r, struct dd_result *res);
void dd_curl_complete(dd_client *c, void *handle, const char *errbuf, int code,
                      struct dd_result *res);

/* Raw transport outcome, independent of the transport that produced it. */
#define DD_M_GET 1u
#define DD_M_POST 2u
#define DD_M_PUT 4u
#define DD_M_PATCH 8u
#define DD_M_DELETE 16u
unsigned dd_method_bit(const char *m);

typedef struct dd_result {
    long status;     /* 0 when no HTTP response was received */
    int too_large;   /* the body passed max_body */
    long max_body;
    const char *kind;/* NULL, or the failure kind: timeout, connect, tls, network */
    char message[256];
    dd_buf headers;  /* raw header lines of the final response */
    dd_buf body;
    int attempts;
    const char *method;
    int send_once;   /* refuse libcurl's own resend of this request */
    int sends;       /* times the request was handed to a connection */
    int resend_refused;
} dd_result;

/* The leading number of header name in raw header lines, read
 * defensively ("7", " 7", "7, 7" are all 7); 0 when absent or no number. */
int dd_header_number(const dd_buf *h, const char *name, double *out);

/* Pushes the results of an operation: (decoded body | true, response) on
 * success, (nil, err) otherwise. Returns the number of values pushed. */
int dd_response_push(lua_State *L, const dd_op *op, dd_result *res,
                     const dd_secrets *sec);

/* Pushes an error object of the given kind with a message. */
void dd_error_push(lua_State *L, const dd_op *op, const char *kind, long status,
                   const char *message);
void dd_error_open(lua_State *L);

/* The engine's shared steps (client.c), used by batch.c too. */
dd_client *dd_check_open(lua_State *L, int idx);
const dd_op *dd_check_op(lua_State *L, int idx, int call_index);
void dd_check_curl(lua_State *L, dd_client *c, const char *what);
void dd_check_enabled(lua_State *L, dd_client *c, const dd_op *op);
double dd_now(void);
void dd_sleep(double seconds);
void dd_log_attempt(lua_State *L, dd_client *c, const dd_request *r,
                    const dd_result *res, double t0);
/* Seconds before the next attempt (logged), or negative for none. */
double dd_retry_wait(lua_State *L, dd_client *c, const dd_request *r,
                     const dd_result *res);
void dd_note_attempts(dd_result *res);
void dd_send_with_retries(lua_State *L, dd_client *c, dd_request *r, dd_result *res);
/* Pushes res, response or nil, err for a finished call. */
int dd_push_result(lua_State *L, dd_client *c, const dd_request *r, dd_result *res);
int dd_batch(lua_State *L);

/* Registers the client metatable and methods; pushes core.new. */
void dd_client_open(lua_State *L);

#endif
