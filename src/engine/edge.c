/*
 * edge.c - one attempt of a call, for a driver that moves bytes itself.
 *
 * libcurl decides for itself where to connect, which connection to reuse,
 * how long each read may wait and whether a connection may be kept. A host
 * that gives Lua only sockets (nginx cosockets, HAProxy's core.tcp, a
 * cqueues socket) would have to decide all of that again in Lua, and every
 * such copy drifts. So the engine decides it here, once, in C, and the
 * driver is told one action at a time: connect (and to which pool), do a
 * TLS handshake, write these bytes, read with at most this many seconds,
 * keep or close the connection. What it reports back is framed by http1.c.
 *
 * The rules that live here:
 * - every I/O action gets the time left of the attempt (its timeout, cut by
 *   the call's deadline), computed again at each read: a server that drips
 *   a byte at a time cannot stretch a call;
 * - a write sent at most once (send_once: POST, PATCH unless retried) goes
 *   out only on a connection idle for less than 2 s (its own pool), and
 *   is never sent again on another connection by the driver: the server
 *   may have acted on it;
 * - a request that may be sent again whose kept connection turns out
 *   closed before any byte of answer goes out again at once on a fresh
 *   connection, as libcurl does;
 * - a connection goes back to its pool only when the framer says the
 *   response ended cleanly and the server lets it be kept.
 * Sans-I/O: the time comes in with each step.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "engine.h"

/* How long a connection may idle in the pool and still carry a request
 * sent at most once: the same rule as DD_WRITE_MAX_IDLE in curl.c. */
#define EDGE_WRITE_IDLE 2.0
/* Fresh connections tried after kept ones turned out closed. */
#define EDGE_FRESH_TRIES 2

void dd_edge_init(dd_edge *e)
{
    memset(e, 0, sizeof *e);
    dd_buf_init(&e->out);
    dd_h1_init(&e->h1);
}

void dd_edge_free(dd_edge *e)
{
    /* the bytes hold the keys: wiped before they go */
    if (e->out.data)
        memset(e->out.data, 0, e->out.cap);
    dd_buf_free(&e->out);
    dd_h1_free(&e->h1);
}

/* ---------------------------------------------------------------- outcomes */

static int outcome(dd_call *k, dd_edge *e, const char *kind, const char *fmt,
                   const char *a, const char *b)
{
    dd_result *res = &k->res;
    size_t n;
    res->kind = kind;
    res->status = 0;
    /* (written in two parts: the host's words may be long, and the
     * message is cut to fit, never overflowed) */
    snprintf(res->message, sizeof res->message, "%s: ", kind);
    n = strlen(res->message);
    snprintf(res->message + n, sizeof res->message - n, fmt, a, b);
    return e->action = DD_IO_CLOSE;
}

/* The time left of this attempt, at least a millisecond (a driver that is
 * told 0 would wait forever on some hosts); <= 0 when it is over. */
static double left(const dd_edge *e, double now)
{
    return e->attempt_end - now;
}

static int timed_out(dd_call *k, dd_edge *e, const char *during)
{
    char ms[32];
    snprintf(ms, sizeof ms, "%.0f", (e->attempt_end - k->started) * 1e3);
    return outcome(k, e, "timeout", "no complete answer within %s ms (%s)", ms, during);
}

/* Sets the timeout of the next action, or ends the attempt when no time is
 * left. cap: the action's own bound (connect_timeout), or 0. */
static int act(dd_call *k, dd_edge *e, int action, double cap, double now,
               const char *during)
{
    double t = left(e, now);
    if (t <= 0)
        return timed_out(k, e, during);
    if (cap > 0 && cap < t)
        t = cap;
    e->timeout = t < 0.001 ? 0.001 : t;
    return e->action = action;
}

/* ---------------------------------------------------------------- the target */

/* Splits the request URL: scheme, host (a bracketed IPv6 literal loses its
 * brackets), port, and the target (path and query). 0 when it is not an
 * absolute http(s) URL the driver can reach. */
static int split_url(dd_edge *e, const char *url, size_t len, const char **target,
                     size_t *tlen)
{
    const char *p = url, *end = url + len, *auth, *slash, *colon = NULL, *h, *he;
    size_t n;
    long port = 0;
    if (len > 8 && strncasecmp(p, "https://", 8) == 0) {
        e->tls = 1;
        p += 8;
    } else if (len > 7 && strncasecmp(p, "http://", 7) == 0) {
        e->tls = 0;
        p += 7;
    } else {
        return 0;
    }
    auth = p;
    slash = memchr(p, '/', (size_t)(end - p));
    if (!slash)
        slash = end;
    if ((size_t)(slash - auth) >= sizeof e->authority || slash == auth)
        return 0;
    memcpy(e->authority, auth, (size_t)(slash - auth));
    e->authority[slash - auth] = '\0';
    if (*auth == '[') {
        h = auth + 1;
        he = memchr(h, ']', (size_t)(slash - h));
        if (!he)
            return 0;
        if (he + 1 < slash) {
            if (he[1] != ':')
                return 0;
            colon = he + 1;
        }
    } else {
        h = auth;
        he = memchr(auth, ':', (size_t)(slash - auth));
        colon = he;
        if (!he)
            he = slash;
    }
    n = (size_t)(he - h);
    if (n == 0 || n >= sizeof e->host)
        return 0;
    memcpy(e->host, h, n);
    e->host[n] = '\0';
    if (colon) {
        const char *d = colon + 1;
        if (d == slash)
            return 0;
        for (; d < slash; d++) {
            if (*d < '0' || *d > '9' || port > 65535)
                return 0;
            port = port * 10 + (*d - '0');
        }
        if (port < 1 || port > 65535)
            return 0;
    }
    e->port = colon ? (int)port : (e->tls ? 443 : 80);
    /* localhost is the loopback address whatever a resolver says (RFC
     * 6761), and hosts that cannot resolve at runtime (HAProxy) or do not
     * read /etc/hosts (nginx) still reach it */
    snprintf(e->addr, sizeof e->addr, "%s",
             strcasecmp(e->host, "localhost") == 0 ? "127.0.0.1" : e->host);
    *target = slash == end ? "/" : slash;
    *tlen = slash == end ? 1 : (size_t)(end - slash);
    return 1;
}

/* ---------------------------------------------------------------- the attempt */

static int connect_action(const dd_client *c, dd_call *k, dd_edge *e, int reuse,
                          double now)
{
    (void)c; /* the call's own connect_timeout, or the client's it copied */
    e->reuse = reuse;
    e->reused = 0;
    return act(k, e, DD_IO_CONNECT, (double)k->pol.connect_timeout_ms / 1e3, now,
               "connecting");
}

int dd_edge_begin(dd_client *c, dd_call *k, dd_edge *e, double now)
{
    const dd_request *r = &k->req;
    dd_header h[DD_MAX_HEADERS];
    const char *target;
    size_t tlen;
    int nh;
    e->attempt_end = k->started + (double)dd_call_attempt_ms(c, k) / 1e3;
    e->send_once = (k->pol.retry_methods & dd_method_bit(r->op->http)) == 0;
    e->verify = c->verify;
    e->fresh_tries = 0;
    if (!split_url(e, r->url.data ? r->url.data : "", r->url.len, &target, &tlen)) {
        outcome(k, e, "connect", "cannot reach %s%s: not an http:// or https:// URL "
                "with a host", c->base_url, "");
        return e->action = DD_IO_FED;
    }
    /* writes and reads in pools of their own: a write is kept only 2 s */
    snprintf(e->pool, sizeof e->pool, "datadog:%s:%d:%s%s", e->host, e->port,
             e->tls ? (e->verify ? "tls" : "tls-noverify") : "plain",
             e->send_once ? ":w" : "");
    e->idle = e->send_once ? EDGE_WRITE_IDLE : c->keepalive;
    nh = dd_request_headers(c, k, (r->op->flags & DD_OP_ACCEPT_ANY) != 0, r->has_body,
                            r->gzipped, h);
    /* the last attempt's bytes (keys) wiped; the buffer is kept for these */
    if (e->out.data)
        memset(e->out.data, 0, e->out.cap);
    dd_buf_reset(&e->out);
    dd_h1_request(&e->out, r->op->http, e->authority, target, tlen, h, nh,
                  r->body.data, r->body.len, r->has_body);
    if (e->out.failed) {
        outcome(k, e, "network", "out of memory for the request%s%s", "", "");
        return e->action = DD_IO_FED;
    }
    return connect_action(c, k, e, 1, now);
}

static int is_timeout(const char *err)
{
    return err && strcmp(err, "timeout") == 0;
}

static int is_closed(const char *err)
{
    return err && (strcmp(err, "closed") == 0 || strstr(err, "reset") != NULL ||
                   strstr(err, "broken pipe") != NULL);
}

/* A kept connection failed before any byte of answer: it was closed while
 * it idled. A read goes out again on a fresh one; a write is not resent. */
static int stale(dd_call *k, dd_edge *e, double now)
{
    if (e->send_once) {
        const char *m = k->req.op->http;
        char msg[200];
        snprintf(msg, sizeof msg,
                 "the connection closed before any answer; the server may have acted "
                 "on the %s, which is sent once (not resent) unless %s is in "
                 "retry.methods", m, m);
        return outcome(k, e, "network", "%s%s", msg, "");
    }
    (void)now;
    if (++e->fresh_tries > EDGE_FRESH_TRIES)
        return outcome(k, e, "network", "kept connections kept closing (%s)%s",
                       "the server closes idle connections", "");
    e->action = DD_IO_CLOSE;
    e->reuse = -1; /* after the close: a fresh connection */
    return DD_IO_CLOSE;
}

static int read_failed(dd_call *k, dd_edge *e, const char *err, double now)
{
    if (is_timeout(err))
        return timed_out(k, e, "reading the response");
    if (e->reused && !e->h1.any && is_closed(err))
        return stale(k, e, now);
    if (is_closed(err)) {
        dd_h1_eof(&e->h1); /* a body that ran to the close, or res says why */
        return e->action = DD_IO_CLOSE;
    }
    return outcome(k, e, "network", "reading the response: %s%s", err, "");
}

int dd_edge_step(dd_client *c, dd_call *k, dd_edge *e, const dd_io_in *in, double now)
{
    switch (e->action) {
    case DD_IO_CONNECT:
        if (!in->ok) {
            if (is_timeout(in->err))
                return outcome(k, e, "timeout", "connecting to %s timed out%s", e->authority, "");
            return outcome(k, e, "connect", "cannot connect to %s: %s", e->authority,
                           in->err ? in->err : "failed");
        }
        e->reused = in->reused;
        dd_h1_begin(&e->h1, &k->res, (size_t)c->max_body, 0);
        k->res.encoded = 1; /* as it came: the engine undoes its encoding */
        if (e->tls && !e->reused)
            return act(k, e, DD_IO_TLS, (double)k->pol.connect_timeout_ms / 1e3, now,
                       "the TLS handshake");
        return act(k, e, DD_IO_WRITE, 0, now, "sending the request");
    case DD_IO_TLS:
        if (!in->ok) {
            if (is_timeout(in->err))
                return outcome(k, e, "timeout", "the TLS handshake with %s timed out%s",
                               e->host, "");
            return outcome(k, e, "tls", "TLS handshake with %s failed: %s", e->host,
                           in->err ? in->err : "failed");
        }
        return act(k, e, DD_IO_WRITE, 0, now, "sending the request");
    case DD_IO_WRITE:
        if (!in->ok) {
            if (is_timeout(in->err))
                return timed_out(k, e, "sending the request");
            if (e->reused && is_closed(in->err))
                return stale(k, e, now);
            return outcome(k, e, "network", "sending the request: %s%s",
                           in->err ? in->err : "failed", "");
        }
        return act(k, e, DD_IO_READ, 0, now, "reading the response");
    case DD_IO_READ:
        if (in->data && in->len) {
            int rc = dd_h1_feed(&e->h1, in->data, in->len);
            if (rc == DD_H1_FAILED)
                return e->action = DD_IO_CLOSE;
            if (rc == DD_H1_DONE)
                return e->action = e->h1.keep && !in->err ? DD_IO_KEEP : DD_IO_CLOSE;
        }
        if (in->err)
            return read_failed(k, e, in->err, now);
        return act(k, e, DD_IO_READ, 0, now, "reading the response");
    case DD_IO_KEEP:
    case DD_IO_CLOSE:
        if (e->reuse == -1) { /* a stale kept connection was closed */
            dd_result_reset(&k->res);
            return connect_action(c, k, e, 0, now);
        }
        return e->action = DD_IO_FED;
    default:
        return e->action = DD_IO_FED;
    }
}
