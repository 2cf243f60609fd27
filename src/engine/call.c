/*
 * call.c - a call as a state machine, the one place its policy lives.
 *
 * The machine does no I/O of its own: it never touches a socket and never
 * sleeps. Started from a built request (every misuse already raised), it
 * asks its driver to SEND; the driver moves the bytes its own way (libcurl,
 * curl_multi, a Lua function, an nginx cosocket) and feeds back what
 * happened, a response or a failure; the machine then decides: WAIT this
 * long and send again, or DONE. So the retry policy (which statuses and
 * failures, for which methods, how long), the attempt count, decoding,
 * masking and the debug log are written once, and a driver in Lua gets
 * exactly what a libcurl call gets.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine.h"

/* ---------------------------------------------------------------- results */

void dd_result_init(dd_result *res)
{
    memset(res, 0, sizeof *res);
    dd_buf_init(&res->headers);
    dd_buf_init(&res->body);
}

void dd_result_free(dd_result *res)
{
    dd_buf_free(&res->headers);
    dd_buf_free(&res->body);
}

void dd_result_reset(dd_result *res)
{
    dd_buf_reset(&res->headers);
    dd_buf_reset(&res->body);
    res->status = 0;
    res->kind = NULL;
    res->message[0] = '\0';
    res->encoded = 0;
}

/* ---------------------------------------------------------------- retry policy */

/* Uniform in [0, 1): xorshift64*, per client. */
static double jitter01(dd_client *c)
{
    uint64_t x = c->rng;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    c->rng = x;
    return (double)((x * 0x2545F4914F6CDD1Dull) >> 11) / 9007199254740992.0;
}

/* 429 means the request was not processed: always worth another try,
 * after X-RateLimit-Reset when the server says. 5xx and lost connections
 * are retried only for the methods allowed (GET, PUT, DELETE by default:
 * the idempotent ones). Timeouts are not: the timeout is the caller's
 * budget. */
double dd_retry_wait(dd_client *c, const dd_policy *pol, const dd_op *op,
                     const dd_result *res, int retries_done, const char **why)
{
    double wait, reset;
    int method_ok = (pol->retry_methods & dd_method_bit(op->http)) != 0;
    if (retries_done >= pol->retry_max)
        return -1;
    if (res->kind == NULL && res->status == 429) {
        *why = "HTTP 429";
        if (dd_header_number(&res->headers, "X-RateLimit-Reset", &reset))
            return reset < pol->retry_max_wait ? reset : pol->retry_max_wait;
    } else if (res->kind == NULL && res->status >= 500 && method_ok) {
        *why = "a server error";
    } else if (res->kind && method_ok &&
               (strcmp(res->kind, "connect") == 0 || strcmp(res->kind, "network") == 0)) {
        *why = res->kind;
    } else {
        return -1;
    }
    wait = pol->retry_base * pow(pol->retry_mult, retries_done);
    wait *= 0.5 + 0.5 * jitter01(c); /* spread clients that failed together */
    return wait < pol->retry_max_wait ? wait : pol->retry_max_wait;
}

/* ---------------------------------------------------------------- debug log */

/* One line to the debug function (config.c's writes to stderr), masked.
 * The line at -1 is never cut: a key inside a path parameter is masked
 * whole (a cut before masking would leave its first part). */
static void debug_line(lua_State *L, dd_client *c, const dd_secrets *sec)
{
    dd_secrets_mask(L, sec, -1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->debug_ref);
    lua_insert(L, -2);
    if (lua_pcall(L, 1, 0, 0) != LUA_OK)
        lua_pop(L, 1); /* a broken logger must not break the call */
}

/* ---------------------------------------------------------------- events */

/* The on_event function with the event table at the top (popped). A
 * function that raises never breaks the call: the first raise of a client
 * is told once through debug (masked), the others are dropped. */
static void emit(lua_State *L, dd_client *c, const dd_call *k)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, c->event_ref);
    lua_insert(L, -2);
    if (lua_pcall(L, 1, 0, 0) == LUA_OK)
        return;
    if (!c->event_failed && c->debug) {
        lua_pushfstring(L, "on_event raised, and its calls' errors are not told again: %s",
                        lua_isstring(L, -1) ? lua_tostring(L, -1) : luaL_typename(L, -1));
        lua_remove(L, -2);
        debug_line(L, c, &k->req.secrets);
    } else {
        lua_pop(L, 1);
    }
    c->event_failed = 1;
}

/* An event table with type, operation, method and path (the template:
 * values are never in an event). */
static void event_begin(lua_State *L, const dd_call *k, const char *type)
{
    const dd_op *op = k->req.op;
    lua_createtable(L, 0, 9);
    lua_pushstring(L, type);
    lua_setfield(L, -2, "type");
    lua_pushstring(L, op->id);
    lua_setfield(L, -2, "operation");
    lua_pushstring(L, op->http);
    lua_setfield(L, -2, "method");
    lua_pushstring(L, op->path);
    lua_setfield(L, -2, "path");
}

static void event_attempt(lua_State *L, dd_client *c, const dd_call *k, double now)
{
    event_begin(L, k, "attempt");
    if (k->res.status) {
        lua_pushinteger(L, (lua_Integer)k->res.status);
        lua_setfield(L, -2, "status");
    }
    if (k->res.kind) {
        lua_pushstring(L, k->res.kind);
        lua_setfield(L, -2, "kind");
    }
    lua_pushinteger(L, k->attempts);
    lua_setfield(L, -2, "attempt");
    lua_pushnumber(L, (lua_Number)(now - k->started));
    lua_setfield(L, -2, "elapsed");
    emit(L, c, k);
}

/* reason: "429", "5xx", "network" (a lost or refused connection) or
 * "window" (a rate-limit window spent or being learnt). */
static void event_wait(lua_State *L, dd_client *c, const dd_call *k, double seconds,
                       const char *reason)
{
    event_begin(L, k, "wait");
    lua_pushnumber(L, (lua_Number)seconds);
    lua_setfield(L, -2, "seconds");
    lua_pushstring(L, reason);
    lua_setfield(L, -2, "reason");
    emit(L, c, k);
}

static void event_done(lua_State *L, dd_client *c, const dd_call *k, double now)
{
    const dd_result *res = &k->res;
    event_begin(L, k, "done");
    lua_pushboolean(L, res->kind == NULL && res->status >= 200 && res->status < 300);
    lua_setfield(L, -2, "ok");
    if (res->status) {
        lua_pushinteger(L, (lua_Integer)res->status);
        lua_setfield(L, -2, "status");
    }
    if (res->kind) {
        lua_pushstring(L, res->kind);
        lua_setfield(L, -2, "kind");
    }
    lua_pushinteger(L, k->attempts);
    lua_setfield(L, -2, "attempts");
    lua_pushnumber(L, (lua_Number)(now - k->began));
    lua_setfield(L, -2, "elapsed");
    emit(L, c, k);
}

static void log_attempt(lua_State *L, dd_client *c, const dd_call *k, double now)
{
    char outcome[300], tail[64];
    const dd_request *r = &k->req;
    if (k->res.kind)
        snprintf(outcome, sizeof outcome, "%s", k->res.message);
    else
        snprintf(outcome, sizeof outcome, "%ld", k->res.status);
    snprintf(tail, sizeof tail, " (attempt %d, %.1f ms)", k->attempts,
             (now - k->started) * 1e3);
    lua_pushstring(L, r->op->http);
    lua_pushliteral(L, " ");
    lua_pushlstring(L, r->url.data ? r->url.data : "", r->url.len);
    lua_pushliteral(L, " -> ");
    lua_pushstring(L, outcome);
    lua_pushstring(L, tail);
    lua_concat(L, 6);
    debug_line(L, c, &r->secrets);
}

static void log_wait(lua_State *L, dd_client *c, const dd_call *k, const char *why)
{
    char line[256];
    snprintf(line, sizeof line, "%s: waiting %.2f s before attempt %d (%s)",
             k->req.op->id, k->wait, k->attempts + 1, why);
    lua_pushstring(L, line);
    debug_line(L, c, &k->req.secrets);
}

/* ---------------------------------------------------------------- the machine */

/* A call's own headers (per-call options): gone when the call is, or when
 * the client's reused call begins another. */
static void free_headers(dd_call *k)
{
    int i;
    for (i = 0; k->headers && i < 2 * k->nheaders; i++)
        free(k->headers[i]);
    free(k->headers);
    k->headers = NULL;
    k->nheaders = 0;
}

void dd_call_init(dd_call *k)
{
    dd_request_init(&k->req);
    dd_result_init(&k->res);
    k->state = DD_CALL_DONE;
    k->attempts = 0;
    memset(&k->pol, 0, sizeof k->pol);
    k->headers = NULL;
    k->nheaders = 0;
    k->wait = 0;
    k->started = 0;
    k->deadline = 0;
    k->deadline_at = 0;
    k->budget = NULL;
    memset(&k->win, 0, sizeof k->win);
}

void dd_call_free(dd_call *k)
{
    free_headers(k);
    dd_request_free(&k->req);
    dd_result_free(&k->res);
}

void dd_call_begin(dd_client *c, dd_call *k, double now)
{
    dd_call_drop_window(c, k, now); /* a call reused after one abandoned */
    k->state = DD_CALL_SEND;
    k->attempts = 0;
    k->pol = c->pol;
    free_headers(k);
    k->wait = 0;
    k->began = now;
    memset(&k->win, 0, sizeof k->win);
    dd_call_set_deadline(k, c->deadline, now);
}

void dd_call_set_deadline(dd_call *k, double seconds, double now)
{
    k->deadline = seconds;
    k->deadline_at = now + seconds;
}

/* The call's body no longer counts against its batch's budget. */
static void budget_release(dd_call *k)
{
    size_t n = k->res.body.len;
    k->budget->used -= n < k->budget->used ? n : k->budget->used;
}

void dd_call_sending(dd_client *c, dd_call *k, double now)
{
    (void)c;
    if (k->budget) /* the last attempt's body is dropped now */
        budget_release(k);
    dd_result_reset(&k->res);
    k->started = now;
}

long dd_call_attempt_ms(const dd_client *c, const dd_call *k)
{
    double left = (k->deadline_at - k->started) * 1e3;
    (void)c;
    if (left >= (double)k->pol.timeout_ms)
        return k->pol.timeout_ms;
    return left >= 1 ? (long)left : 1;
}

double dd_opt_deadline(lua_State *L, int opts, const char *what, double dflt)
{
    lua_Number v;
    lua_getfield(L, opts, "deadline");
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return dflt;
    }
    v = lua_tonumber(L, -1);
    /* NaN fails the test too */
    if (lua_type(L, -1) != LUA_TNUMBER || !(v > 0 && v <= 86400))
        dd_misuse(L, NULL, what, "deadline", "deadline must be a number of seconds, "
                                             "more than 0 and at most 86400");
    lua_pop(L, 1);
    return (double)v;
}

/* The deadline ends the call: an attempt cut short by it, or a wait that
 * would pass it (the call stops now instead of sleeping in vain). Either
 * way the caller learns it as a timeout, with the attempts made. */
static void deadline_passed(dd_call *k, const char *during)
{
    dd_result *res = &k->res;
    char last[48];
    if (k->attempts == 0)
        snprintf(last, sizeof last, "none made");
    else if (res->kind)
        snprintf(last, sizeof last, "%s", res->kind);
    else
        snprintf(last, sizeof last, "HTTP %ld", res->status);
    res->kind = "timeout";
    snprintf(res->message, sizeof res->message,
             "timeout: the call's deadline (%g s) %s (last attempt: %s)", k->deadline,
             during, last);
}

/* A body fed as it came: undo its Content-Encoding as libcurl would have
 * (only when the client asked for compression), with max_body counting
 * decoded bytes, so a small bomb cannot grow past it. */
static void decode_body(dd_client *c, dd_result *res)
{
    size_t len;
    const char *enc = dd_header_value(&res->headers, "Content-Encoding", &len);
    int rc;
    if (!enc || !c->compress || res->body.len == 0 ||
        !((len == 4 && strncasecmp(enc, "gzip", 4) == 0) ||
          (len == 6 && strncasecmp(enc, "x-gzip", 6) == 0) ||
          (len == 7 && strncasecmp(enc, "deflate", 7) == 0)))
        return;
    rc = dd_inflate(&res->body, (size_t)c->max_body);
    if (rc == 1) {
        res->kind = "too_large";
        snprintf(res->message, sizeof res->message,
                 "too_large: the response body is larger than max_body (%ld bytes)",
                 c->max_body);
    } else if (rc < 0) {
        res->kind = "network";
        snprintf(res->message, sizeof res->message,
                 "network: the response body is not valid %.*s data", (int)len, enc);
    }
}

int dd_budget_take(dd_budget *b, dd_result *res, size_t n)
{
    if (b->used + n <= b->max) {
        b->used += n;
        return 1;
    }
    if (!res->kind) {
        res->kind = "too_large";
        snprintf(res->message, sizeof res->message,
                 "too_large: the batch's responses together are larger than "
                 "max_batch_body (%zu bytes)", b->max);
    }
    return 0;
}

/* ---------------------------------------------------------------- windows */

int dd_call_window_wait(lua_State *L, dd_client *c, dd_call *k, double now)
{
    /* retry.max_wait is what the caller will wait for a window, in all:
     * past it the call goes out anyway, and a 429 is the retry policy's */
    double left = k->pol.retry_max_wait - k->win.waited;
    double wait = k->win.wait < left ? k->win.wait : left;
    if (wait <= 0) {
        k->win.paced = 0; /* (a pacing wait cut to nothing: its send goes now) */
        return k->state = DD_CALL_SEND;
    }
    k->win.waited += wait;
    if (now + wait >= k->deadline_at) {
        dd_result_reset(&k->res);
        k->res.attempts = k->attempts;
        deadline_passed(k, "would pass waiting for the rate-limit window");
        if (c->event_ref != LUA_NOREF)
            event_done(L, c, k, now);
        return k->state = DD_CALL_DONE;
    }
    k->wait = wait;
    if (c->event_ref != LUA_NOREF)
        event_wait(L, c, k, wait, "window");
    if (c->debug) {
        char line[320];
        snprintf(line, sizeof line, "%s: waiting %.2f s before attempt %d (%s: %s)",
                 k->req.op->id, wait, k->attempts + 1, k->win.why, k->win.name);
        lua_pushstring(L, line);
        debug_line(L, c, &k->req.secrets);
    }
    return k->state = DD_CALL_WAIT;
}

int dd_call_gate(lua_State *L, dd_client *c, dd_call *k, double now)
{
    dd_store_reply r;
    int rc;
    if (c->windows == DD_WIN_LOCAL && !c->store)
        c->store = dd_local_store_new(); /* NULL: out of memory, no windows */
    if (!c->store)
        return k->state = DD_CALL_SEND;
    rc = dd_window_take(c, k, NULL);
    while (rc == DD_W_ASK) {
        dd_local_store_run(c->store, &k->win, &r, now);
        rc = dd_window_take(c, k, &r);
    }
    if (rc == DD_W_WAIT)
        return dd_call_window_wait(L, c, k, now);
    return k->state = DD_CALL_SEND;
}

void dd_call_drop_window(dd_client *c, dd_call *k, double now)
{
    dd_store_reply r;
    if (dd_window_drop(c, k) == DD_W_ASK && c->store)
        dd_local_store_run(c->store, &k->win, &r, now);
}

/* What the answer says of its window goes to the client's own store. */
static void note_window(dd_client *c, dd_call *k, double now)
{
    dd_store_reply r;
    int rc = dd_window_note(c, k, NULL);
    while (rc == DD_W_ASK) {
        dd_local_store_run(c->store, &k->win, &r, now);
        rc = dd_window_note(c, k, &r);
    }
}

int dd_call_feed(lua_State *L, dd_client *c, dd_call *k, double now)
{
    dd_result *res = &k->res;
    const char *why = "";
    if (!res->kind && res->encoded) {
        decode_body(c, res);
        if (k->budget) /* libcurl's bodies are counted as they come */
            dd_budget_take(k->budget, res, res->body.len);
    }
    if (!res->kind && (long)res->body.len > c->max_body) {
        res->kind = "too_large";
        snprintf(res->message, sizeof res->message,
                 "too_large: the response body is larger than max_body (%ld bytes)",
                 c->max_body);
    }
    res->attempts = ++k->attempts;
    if (c->store)
        note_window(c, k, now);
    if (c->debug)
        log_attempt(L, c, k, now);
    if (c->event_ref != LUA_NOREF)
        event_attempt(L, c, k, now);
    k->wait = dd_retry_wait(c, &k->pol, k->req.op, res, k->attempts - 1, &why);
    /* (libcurl counts whole ms: an attempt cut by the deadline may end a
     * moment before it) */
    if (res->kind && strcmp(res->kind, "timeout") == 0 &&
        now >= k->deadline_at - 0.005) {
        deadline_passed(k, "passed during the attempt");
        k->wait = -1;
    } else if (k->wait >= 0 && now + k->wait >= k->deadline_at) {
        deadline_passed(k, "would pass before the next attempt");
        k->wait = -1;
    }
    if (k->wait >= 0) {
        if (res->kind == NULL && res->status == 429) /* waiting for the window */
            k->win.waited += k->wait;
        if (c->debug)
            log_wait(L, c, k, why);
        if (c->event_ref != LUA_NOREF)
            event_wait(L, c, k, k->wait, res->kind ? "network"
                                         : res->status == 429 ? "429" : "5xx");
        if (k->budget) { /* its body goes now, not after the wait */
            budget_release(k);
            dd_buf_free(&res->body);
            dd_buf_init(&res->body);
        }
        return k->state = DD_CALL_WAIT;
    }
    if (res->attempts > 1 && res->kind) {
        size_t n = strlen(res->message);
        snprintf(res->message + n, sizeof res->message - n, " (after %d attempts)",
                 res->attempts);
    }
    if (c->event_ref != LUA_NOREF)
        event_done(L, c, k, now);
    return k->state = DD_CALL_DONE;
}

int dd_call_push(lua_State *L, dd_client *c, dd_call *k)
{
    dd_result *res = &k->res;
    dd_response_push(L, k->req.op, res, &k->req.secrets);
    if (c->raw_body && !lua_isnil(L, -2)) {
        /* the body as it came (decompressed), for what cannot be
         * re-encoded from the decoded value: the CLI prints it */
        lua_pushlstring(L, res->body.data ? res->body.data : "", res->body.len);
        lua_setfield(L, -2, "body");
    }
    if (lua_isnil(L, -2) && res->attempts > 1 && res->kind == NULL) {
        /* an HTTP error after retries: say how many attempts it took */
        lua_getfield(L, -1, "message");
        lua_pushfstring(L, "%s (after %d attempts)", lua_tostring(L, -1),
                        res->attempts);
        lua_setfield(L, -3, "message");
        lua_pop(L, 1);
    }
    return 2;
}
