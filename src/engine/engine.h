/*
 * engine.h - the call engine, sans-I/O: no socket, no sleep, no clock.
 *   request.c   (operation, arguments) -> method, URL, body; raises on misuse
 *   raw.c       dd:request: (method, path, opts) for an endpoint not in the
 *               table, checked so a value never leaves its segment
 *   entry.c     the checks every entry point makes; the guarded build
 *   values.c    a request and an outcome as Lua values (drivers in Lua)
 *   response.c  (status, headers, body) -> results, error objects, misuse
 *   call.c      a call as a state machine: send, wait, done; retry policy,
 *               attempts, deadline, the debug log
 *   window.c    rate-limit windows as a budget, in a store of six operations
 *   http1.c     HTTP/1.1 request bytes and the response framer
 *   edge.c      one attempt for a driver that moves bytes itself
 *   zlib.c      gzip request bodies; inflate bodies as they came
 */
#ifndef DD_ENGINE_H
#define DD_ENGINE_H

#include "../json/json.h"

#define DD_MAX_PATH_PARAM 2048 /* bytes of one path parameter, before encoding */
#define DD_MAX_URL 8000 /* bytes of a whole URL, query included: a request
                           line that fits nginx's default buffer (8 KiB) and
                           Apache's LimitRequestLine (8190) */

/* ---------------------------------------------------------------- client */

/* What a call may do: how long an attempt and a connect may take, and
 * which failures are retried how. The client's are every call's, unless a
 * call is given its own (per-call options, dd:with). */
typedef struct dd_policy {
    long timeout_ms, connect_timeout_ms;
    int retry_max;          /* retries after the first attempt; 0: none */
    double retry_base, retry_mult, retry_max_wait;
    unsigned retry_methods; /* DD_M_* bits: 5xx/connection retries */
} dd_policy;

/* The client userdata. Made in a closed state, then filled by config.c;
 * everything it owns is released by one idempotent function shared by
 * close, __gc and __close. Only what every driver needs is here: libcurl's
 * state is behind `curl` (curl.h). */
typedef struct dd_client {
    int open;
    char *base_url; /* no trailing slash */
    char *site;     /* NULL with a custom base_url */
    char *api_key, *app_key; /* NULL when an access token stands for them */
    char *access_token;      /* OAuth2: Authorization: Bearer <token>, or NULL */
    char *bearer;            /* "Bearer <token>", the header's value */
    char *user_agent;        /* the module's, then the caller's product token */
    char **headers;          /* the headers option: name, value, name, value... */
    int nheaders;
    uint64_t unstable[DD_MAX_OPS / 64]; /* bit i: beta dd_ops[i] is enabled */
    int validate;
    dd_policy pol;     /* timeouts and retries; a call may have its own */
    char scope[256];   /* rate-limit store keys: site or base URL, key hash */
    size_t scope_len;
    int windows;       /* rate-limit windows: DD_WIN_* */
    int pace;          /* spread a known window's sends over its time left */
    struct dd_local_store *store; /* DD_WIN_LOCAL: made on the first call */
    double deadline;   /* seconds a call may last, attempts and waits */
    double keepalive;  /* seconds a kept connection may idle before a read
                          uses it (writes: 2 s, see edge.c) */
    double max_batch_body; /* decoded response bytes a batch may hold */
    int compress;      /* Accept-Encoding: gzip,deflate */
    long gzip_min;     /* gzip request bodies of at least this many bytes; 0 off */
    long max_body;     /* largest response body accepted, bytes */
    int debug;         /* 1: lines go to the Lua function debug_ref */
    int event_ref;     /* on_event: a Lua function, or LUA_NOREF */
    int event_failed;  /* on_event raised once: told through debug already */
    int debug_ref;
    int busy;          /* inside a call: a transport must not re-enter */
    int building;      /* a request is being built: a metamethod of the
                          caller's tables must not re-enter or close */
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
    dd_op raw_op;       /* dd:request: the row made for the endpoint (raw.c) */
    dd_buf raw_text;    /* its "METHOD path" id, and the path after it */
} dd_request;

void dd_request_init(dd_request *r);
void dd_request_free(dd_request *r);

/* Starts r's secrets afresh with the client's two keys. */
void dd_request_key_secrets(const dd_client *c, dd_request *r);
/* Adds the client's credentials (keys, access token) to sec. */
void dd_client_secrets(const dd_client *c, dd_secrets *sec);

/* Fills r from the arguments on the stack, raising on misuse (after freeing
 * r). named: arguments are positional (path params..., body, opts) starting
 * at argi; otherwise argi holds the params table of dd:call. */
void dd_request_build(lua_State *L, dd_client *c, const dd_op *op, int argi,
                      int named, dd_request *r);

/* raw.c: fills r for dd:request(method, path, opts) from the arguments at
 * argi, argi + 1, argi + 2; raises on misuse. */
void dd_request_build_raw(lua_State *L, dd_client *c, int argi, dd_request *r);
/* request.c: appends the path parameter at idx, encoded whole (a value of
 * dots is encoded too); raises naming who and name when it is not a
 * non-empty string. */
void dd_add_path_value(lua_State *L, const char *who, const char *name, int idx,
                       dd_buf *url);
/* request.c: raises once url is longer than DD_MAX_URL, naming field (the
 * query parameter that made it so), or the path parameters when NULL. */
void dd_check_url_length(lua_State *L, const dd_client *c, const char *who,
                         const char *field, const dd_buf *url);
/* request.c: replaces r's body with its gzip (Content-Encoding: gzip) when
 * that works; the body stays as it was otherwise. */
void dd_request_gzip(dd_request *r);

/* zlib.c: gzip-compresses in[0..len) into out; 0 on failure. */
int dd_gzip(const char *in, size_t len, dd_buf *out);
/* Inflates gzip or zlib/deflate data in b in place, refusing more than
 * max bytes. Returns 0 when done, 1 when larger than max, -1 when the data
 * is not valid (b is then unchanged). */
int dd_inflate(dd_buf *b, size_t max);

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
/* Misuse (kind "invalid"): pushes the error object of a call that was never
 * sent, with msg masked by c's keys (c, op and field may be NULL). */
void dd_misuse_push(lua_State *L, const dd_client *c, const char *op,
                    const char *field, const char *msg);
/* Raises it, the message formatted as lua_pushfstring does. Every misuse
 * raise of the module goes through here (the Lua layer by core.misuse). */
int dd_misuse(lua_State *L, const dd_client *c, const char *op,
              const char *field, const char *fmt, ...);

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

/* A call's walk through the rate-limit store (window.c): the operation it
 * asks the store for, one at a time, and what it learnt. */
enum { DD_ST_GET, DD_ST_INCR, DD_ST_ADD, DD_ST_SET, DD_ST_TTL, DD_ST_DEL };
extern const char *const dd_store_op_names[];
typedef struct dd_window {
    int phase;
    int op;            /* DD_ST_* */
    char key[400];     /* scope (255) ":" prefix ":" name (95) */
    char value[96];    /* a string value (get's answers, names) */
    double num;        /* a number value (counts), when is_num */
    int is_num;
    double ttl;        /* seconds (ADD, SET) */
    char name[96];     /* the window: X-RateLimit-Name, or the operation id */
    char probe_name[96];
    int probe;         /* this call probes an unknown window */
    int paced;         /* pace: waiting out its share, its send already taken */
    double left;       /* pace: the sends left after this one */
    int renamed;       /* the answer named the window: n:OP to write */
    double remaining, reset;
    double wait;       /* DD_W_WAIT: seconds */
    double waited;     /* seconds this call waited on windows (and after
                          429s): at most retry.max_wait in all */
    const char *why;
} dd_window;

/* A store's reply: a number (incr, add: 1 added / 0 present, ttl), a
 * string (get), nothing (absent), or a failure. */
typedef struct dd_store_reply {
    int failed;
    int has_num, has_str;
    double num;
    const char *str;
    size_t len;
} dd_store_reply;

enum { DD_W_GO, DD_W_ASK, DD_W_WAIT };
/* Where a client keeps its rate-limit windows (the windows option). */
enum { DD_WIN_OFF, DD_WIN_LOCAL, DD_WIN_DRIVER };

typedef struct dd_call {
    dd_request req;
    dd_window win;
    dd_result res;
    int state;
    int attempts;
    dd_policy pol;   /* the client's, or this call's own (dd:finish: no retry) */
    char **headers;  /* this call's own headers: name, value, ... (owned) */
    int nheaders;
    double wait;     /* WAIT: seconds before the next send */
    double started;  /* this attempt's start */
    double began;    /* the call's start (on_event's "done" elapsed) */
    double deadline; /* seconds the whole call may last */
    double deadline_at; /* dd_now() when it ends */
    dd_budget *budget;  /* NULL, or the batch's */
} dd_call;

void dd_call_init(dd_call *k);
void dd_call_free(dd_call *k);
/* After dd_request_build(k->req): the first step is SEND. */
void dd_call_begin(dd_client *c, dd_call *k, double now);
/* Counts n more bytes of res against b; 0 (res then fails as too_large,
 * unless it failed already) when they do not fit. */
int dd_budget_take(dd_budget *b, dd_result *res, size_t n);
/* The call's deadline, in seconds from now (dd_call_begin sets the
 * client's; a driver may give a call its own). */
void dd_call_set_deadline(dd_call *k, double seconds, double now);
/* The deadline field of the options table at opts (dd:start, dd:batch),
 * checked; dflt when absent. what names the method in the message. */
double dd_opt_deadline(lua_State *L, int opts, const char *what, double dflt);
/* Before each send: empties k->res, notes the time. */
void dd_call_sending(dd_client *c, dd_call *k, double now);
/* The time this attempt may take, in ms: the client's timeout, or less
 * when the call's deadline is nearer (at least 1). After dd_call_sending. */
long dd_call_attempt_ms(const dd_client *c, const dd_call *k);
/* The attempt's outcome is in k->res: decodes it, logs it, and decides.
 * Never raises (a debug function runs under pcall). */
int dd_call_feed(lua_State *L, dd_client *c, dd_call *k, double now);
/* DONE: pushes res, response or nil, err. Returns 2. */
int dd_call_push(lua_State *L, dd_client *c, dd_call *k);
/* The retry policy, for a response or failure (never raises): seconds to
 * wait before retry number retries_done + 1, or negative for none. */
double dd_retry_wait(dd_client *c, const dd_policy *pol, const dd_op *op,
                     const dd_result *res, int retries_done, const char **why);

/* ---------------------------------------------------------------- windows (window.c) */

/* Before a send: DD_W_ASK (k->win holds the store operation: answer it and
 * call again with the reply), DD_W_GO, or DD_W_WAIT (k->win.wait). r is
 * NULL on the first call. */
int dd_window_take(const dd_client *c, dd_call *k, const dd_store_reply *r);
/* After an attempt (k->res): DD_W_ASK as above, or DD_W_GO when done. */
int dd_window_note(const dd_client *c, dd_call *k, const dd_store_reply *r);
/* A call ending without an answer: DD_W_ASK (give back its probe) or DD_W_GO. */
int dd_window_drop(const dd_client *c, dd_call *k);
typedef struct dd_local_store dd_local_store;
dd_local_store *dd_local_store_new(void);
void dd_local_store_run(dd_local_store *st, const dd_window *w, dd_store_reply *r,
                        double now);
void dd_window_scope(dd_client *c);
/* core.local_store(): the in-process table as a Lua store function. */
int dd_local_store_open(lua_State *L);
/* Before each send, with the client's own store: DD_CALL_SEND (go),
 * DD_CALL_WAIT (k->wait) or DD_CALL_DONE (the deadline would pass). */
int dd_call_gate(lua_State *L, dd_client *c, dd_call *k, double now);
/* A call that ends without an answer (abandoned, or stopped by a misuse)
 * gives back the probe of an unknown window it holds, so that the calls
 * behind it need not wait for the probe's time to live. */
void dd_call_drop_window(dd_client *c, dd_call *k, double now);
/* A wait the window asks for (k->win.wait), bounded like every wait:
 * DD_CALL_WAIT or DD_CALL_DONE. */
int dd_call_window_wait(lua_State *L, dd_client *c, dd_call *k, double now);

/* ---------------------------------------------------------------- HTTP/1.1 (http1.c) */

/* The framer's bounds. A head as large as libcurl's own limit on one
 * response's headers would let a hostile server make a worker hold
 * megabytes per call; Datadog's heads are under 2 KiB. */
#define DD_H1_MAX_HEAD 65536     /* status line, headers (and trailers) */
#define DD_H1_MAX_HEADERS 100    /* header lines */
#define DD_H1_MAX_CHUNK_LINE 1024 /* a chunk-size line's size part (extensions
                                   * are skipped, never held) */
#define DD_H1_MAX_INTERIM 10     /* 1xx responses before the final one */

/* What passing each bound says, word for word on every driver: the framer's,
 * and libcurl's header callback (curl.c), which applies the same bounds. */
#define DD_H1_NOT_HTTP "network: the server's answer is not valid HTTP/1.1: "
#define DD_H1_HEAD_TOO_LARGE "the response head is larger than " DD_STR(DD_H1_MAX_HEAD) " bytes"
#define DD_H1_TOO_MANY_HEADERS "the response has more than " DD_STR(DD_H1_MAX_HEADERS) \
                               " header lines"
#define DD_H1_TOO_MANY_INTERIM "more than " DD_STR(DD_H1_MAX_INTERIM) \
                               " interim (1xx) responses"

enum { DD_H1_FAILED = -1, DD_H1_MORE = 0, DD_H1_DONE = 1 };

/* A response being framed: fed bytes as they arrive, it fills a dd_result
 * (status, raw header lines, body as it came) or fails it (kind and
 * message). */
typedef struct dd_h1 {
    dd_result *res;
    int state;
    dd_buf line;         /* a line cut between two feeds */
    size_t max_body;
    size_t head_bytes;   /* of the head (or trailers) so far */
    int nheaders, interim, minor;
    int chunked;         /* 1: chunked; 2: another coding (read to close) */
    int has_length, conn_close, conn_keep_alive, no_body;
    unsigned long long remaining; /* body or chunk bytes still due */
    int may_keep;        /* what the head allows */
    int keep;            /* done, and the connection may carry another request */
    int any;             /* a byte of the answer came */
} dd_h1;

void dd_h1_init(dd_h1 *p);
void dd_h1_free(dd_h1 *p);
/* Starts framing the answer into res (reset by the caller). no_body: the
 * request was HEAD. */
void dd_h1_begin(dd_h1 *p, dd_result *res, size_t max_body, int no_body);
/* Feeds bytes; DD_H1_MORE, DD_H1_DONE, or DD_H1_FAILED (res says why). */
int dd_h1_feed(dd_h1 *p, const char *data, size_t len);
/* The peer closed the connection: DD_H1_DONE (the body ran to the close)
 * or DD_H1_FAILED. */
int dd_h1_eof(dd_h1 *p);
/* Bytes certainly due next (0: unknown), for drivers that read exact
 * counts. */
size_t dd_h1_want(const dd_h1 *p);
/* Whether the body runs to the close: for drivers whose reads are "a line"
 * or "everything until the close" (HAProxy's Socket:receive). */
int dd_h1_to_close(const dd_h1 *p);
int dd_h1_done(const dd_h1 *p);

/* A request header as every driver sends it (request.c makes the set). */
typedef struct dd_header {
    const char *name, *value;
} dd_header;
#define DD_MAX_USER_HEADERS 32 /* the headers option */
#define DD_MAX_HEADERS (8 + 2 * DD_MAX_USER_HEADERS) /* the client's and a call's */
/* The module's header set for a request, in the order they are sent;
 * returns how many. Host and Content-Length are the driver's framing. */
int dd_request_headers(const dd_client *c, const dd_call *k, int accept_any, int has_body,
                       int gzipped, dd_header *out);
/* The request's bytes on the wire. */
void dd_h1_request(dd_buf *out, const char *method, const char *authority,
                   const char *target, size_t target_len, const dd_header *h, int nh,
                   const char *body, size_t body_len, int has_body);

/* ---------------------------------------------------------------- the edge (edge.c) */

/* What a driver that moves bytes itself is told to do next. */
enum {
    DD_IO_CONNECT, /* a connection to e->host / e->port (TLS: e->tls); a
                      kept one from pool e->pool when e->reuse */
    DD_IO_TLS,     /* a handshake on the new connection (SNI e->host) */
    DD_IO_WRITE,   /* write e->out */
    DD_IO_READ,    /* read what comes, within e->timeout seconds */
    DD_IO_KEEP,    /* put the connection back in its pool, idle at most
                      e->idle seconds */
    DD_IO_CLOSE,   /* close the connection */
    DD_IO_FED      /* the attempt's outcome is in k->res: feed the engine */
};

/* What the driver reports of the action it was given. */
typedef struct dd_io_in {
    int ok;            /* CONNECT, TLS, WRITE: done */
    int reused;        /* CONNECT: the connection came from the pool */
    const char *data;  /* READ: bytes (may be with err) */
    size_t len;
    const char *err;   /* the host's words: "closed", "timeout" or other */
} dd_io_in;

typedef struct dd_edge {
    int action;
    char host[256];  /* for connect and SNI */
    char addr[256];  /* what to connect to (localhost: 127.0.0.1) */
    char authority[300]; /* Host: */
    char pool[400];
    int port, tls, verify, reuse, reused, send_once, fresh_tries;
    double timeout;  /* seconds for the action at hand */
    double idle;     /* KEEP: seconds the connection may idle in its pool */
    double attempt_end;
    dd_buf out;      /* the request's bytes */
    dd_h1 h1;
} dd_edge;

void dd_edge_init(dd_edge *e);
void dd_edge_free(dd_edge *e);
/* After dd_call_sending: the first action of the attempt. */
int dd_edge_begin(dd_client *c, dd_call *k, dd_edge *e, double now);
/* The driver's report of e->action; returns the next action. */
int dd_edge_step(dd_client *c, dd_call *k, dd_edge *e, const dd_io_in *in, double now);

/* ---------------------------------------------------------------- entry and values */

/* entry.c: the steps every entry point shares. */
/* The client at idx (a misuse error when it is not one), open or not. */
dd_client *dd_check_client(lua_State *L, int idx);
dd_client *dd_check_open(lua_State *L, int idx);
const dd_op *dd_check_op(lua_State *L, int idx, int call_index);
void dd_check_enabled(lua_State *L, dd_client *c, const dd_op *op);
/* At most one call at a time on the client's own call (named methods,
 * dd:call, dd:request, prepare, finish): from inside a transport or debug
 * function another would overwrite the request in flight or its secrets.
 * Raises naming what (an operation id, "request"). */
void dd_check_idle(lua_State *L, dd_client *c, const char *what);
/* Builds r (dd_request_build, or dd_request_build_raw when op is NULL)
 * from the arguments argi..top, under pcall with c marked building: a
 * metamethod of the caller's tables that calls the client gets "already in
 * a call", one that closes it gets an error, and either raise leaves the
 * client as it was. Raises what the build raised. */
void dd_build_guarded(lua_State *L, dd_client *c, const dd_op *op, int argi,
                      int named, dd_request *r);
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

#endif
