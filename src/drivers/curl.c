/*
 * curl.c - the default driver: one libcurl easy handle per client, so
 * connections (and TLS sessions) are reused from call to call. It runs the
 * call engine (call.c) to the end: send with libcurl, feed the outcome,
 * sleep when told to wait. The handle setup is shared with batch.c.
 *
 * libcurl's callbacks only append to C buffers, so no Lua error can unwind
 * through libcurl (the engine's debug function runs between transfers,
 * under pcall). The eight header lists a client can need (Accept json or
 * star/star, with or without a body, gzip or not) are built once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "curl.h"

static size_t on_body(char *ptr, size_t size, size_t nmemb, void *ud)
{
    dd_xfer *x = ud;
    dd_result *res = x->res;
    size_t n = size * nmemb;
    if (x->max_body > 0 && res->body.len + n > (size_t)x->max_body) {
        x->too_large = 1;
        return 0; /* libcurl stops the transfer: CURLE_WRITE_ERROR */
    }
    if (x->budget && !dd_budget_take(x->budget, res, n))
        return 0; /* the batch holds enough already: the same, its message set */
    dd_buf_add(&res->body, ptr, n);
    if (res->body.failed && x->budget) /* not held after all */
        x->budget->used -= n;
    return res->body.failed ? 0 : n;
}

/* Ends the transfer from on_header with the framer's kind and words. */
static size_t head_refused(dd_result *res, const char *kind, const char *what)
{
    res->kind = kind;
    snprintf(res->message, sizeof res->message, "%s%s",
             strcmp(kind, "network") == 0 ? DD_H1_NOT_HTTP : "too_large: ", what);
    return 0; /* libcurl stops the transfer: CURLE_WRITE_ERROR, kind kept */
}

/* libcurl hands over each line of the head: the status line, header lines,
 * the blank line, then those of the next response after a 1xx, and the
 * trailers of a chunked body. Its own bound on a head is 300 KiB (Debian's
 * 7.88) and it takes any number of lines and of 1xx responses; the framer
 * every other driver uses (http1.c) takes 64 KiB, 100 lines, 10 interim
 * responses. The same server must get the same verdict from both, so the
 * framer's bounds are applied here too, counted the same way: a head's
 * bytes from its status line, its lines from its status line on (trailers
 * included), trailers' bytes on their own. Trailers are dropped, as the
 * framer drops them. */
static size_t on_header(char *ptr, size_t size, size_t nitems, void *ud)
{
    dd_xfer *x = ud;
    dd_result *res = x->res;
    size_t n = size * nitems;
    int blank = n == 1 ? ptr[0] == '\n' : n == 2 && ptr[0] == '\r' && ptr[1] == '\n';
    if (n >= 5 && memcmp(ptr, "HTTP/", 5) == 0) {
        /* A new status line starts a new response (after 100 Continue, or a
         * proxy's answer to CONNECT): only the final response's headers are
         * kept. (No header or trailer name holds a '/'.) */
        const char *sp = memchr(ptr, ' ', n);
        dd_buf_reset(&res->headers);
        x->trailers = 0;
        x->head_bytes = 0;
        x->nheaders = 0;
        x->head_status = 0;
        if (sp && (size_t)(ptr + n - sp) > 3)
            x->head_status = (sp[1] - '0') * 100 + (sp[2] - '0') * 10 + (sp[3] - '0');
        x->head_bytes += n;
        return x->head_bytes > DD_H1_MAX_HEAD
                   ? head_refused(res, "too_large", DD_H1_HEAD_TOO_LARGE)
                   : n;
    }
    x->head_bytes += n;
    if (x->head_bytes > DD_H1_MAX_HEAD)
        return head_refused(res, "too_large", DD_H1_HEAD_TOO_LARGE);
    if (blank) {
        if (x->trailers)
            return n;
        if (x->head_status >= 100 && x->head_status < 200) {
            if (++x->interim > DD_H1_MAX_INTERIM)
                return head_refused(res, "network", DD_H1_TOO_MANY_INTERIM);
        } else {
            x->trailers = 1;
            x->head_bytes = 0;
        }
    } else if (++x->nheaders > DD_H1_MAX_HEADERS) {
        return head_refused(res, "too_large", DD_H1_TOO_MANY_HEADERS);
    }
    if (!x->trailers || blank)
        dd_buf_add(&res->headers, ptr, n);
    return res->headers.failed ? 0 : n;
}

/* How long a connection may have been idle and still carry a request that
 * is sent at most once (see dd_curl_prepare; any other request: the
 * keepalive_timeout option, as on every driver). libcurl compares whole
 * seconds, idle > max: 1 means idle less than 2 s. */
#define DD_WRITE_MAX_IDLE 1

#if LIBCURL_VERSION_NUM >= 0x075000
#define DD_HAVE_PREREQ 1
/* libcurl calls this each time it is about to send the request, on a new
 * or a reused connection. A second call within one transfer is libcurl's
 * own resend after a reused connection closed before any byte of answer.
 * The server may have acted on the first one, so for a request that must
 * go out at most once the resend is refused and the call fails instead. */
static int on_prereq(void *ud, char *conn_primary_ip, char *conn_local_ip,
                     int conn_primary_port, int conn_local_port)
{
    dd_xfer *x = ud;
    (void)conn_primary_ip;
    (void)conn_local_ip;
    (void)conn_primary_port;
    (void)conn_local_port;
    if (++x->sends > 1 && x->send_once) {
        x->resend_refused = 1;
        return CURL_PREREQFUNC_ABORT;
    }
    return CURL_PREREQFUNC_OK;
}
#else
#define DD_HAVE_PREREQ 0
#endif

/* The header set's Accept-Encoding value, for libcurl to send and decode. */
static const char *accept_encoding(const dd_client *c)
{
    dd_header h[DD_MAX_HEADERS];
    int n = dd_request_headers(c, NULL, 0, 0, 0, h), i;
    for (i = 0; i < n; i++)
        if (strcmp(h[i].name, "Accept-Encoding") == 0)
            return h[i].value;
    return NULL;
}

static struct curl_slist *header_list(dd_client *c, const dd_call *k, int accept_any,
                                      int body, int gzip)
{
    struct curl_slist *l = NULL, *t;
    char line[8300];
    dd_header h[DD_MAX_HEADERS];
    int n = dd_request_headers(c, k, accept_any, body, gzip, h), i;
    for (i = 0; i < n; i++) {
        /* libcurl writes Accept-Encoding itself (CURLOPT_ACCEPT_ENCODING,
         * the same value): then it also decodes what comes back */
        if (strcmp(h[i].name, "Accept-Encoding") == 0)
            continue;
        snprintf(line, sizeof line, "%s: %s", h[i].name, h[i].value);
        if (!(t = curl_slist_append(l, line)))
            goto fail;
        l = t;
    }
    /* no 100-continue round trip for large bodies */
    if (body && !(t = curl_slist_append(l, "Expect:")))
        goto fail;
    l = body ? t : l;
    memset(line, 0, sizeof line); /* no key left on the stack */
    return l;
fail:
    memset(line, 0, sizeof line);
    curl_slist_free_all(l);
    return NULL;
}

/* ---------------------------------------------------------------- fork */

/* After fork() the child holds the parent's connections: the same sockets,
 * and for TLS the same session state. Using one mixes the two processes'
 * answers (the parent got the child's incident, as a success); closing one
 * the libcurl way (curl_easy_cleanup, curl_share_cleanup) shuts a TLS
 * connection down with a close_notify the server then applies to the
 * parent. So a client made in another process never calls libcurl on its
 * old handles again: it leaks them on purpose (their memory, a few tens of
 * kB per client and fork, is the price) and opens new ones. The sockets
 * themselves are closed with close(2) alone, which sends nothing while the
 * parent still holds them, and spares the child descriptors it cannot use:
 * libcurl opens and closes every socket of the client through the two
 * callbacks below, so the list is exact and no descriptor number that has
 * since been reused by something else is ever closed. The check is one
 * getpid() per send (no atfork handler: a handler needs a process-wide
 * list of clients, and misses a fork made with the raw system call). */
static curl_socket_t on_open_socket(void *ud, curlsocktype purpose,
                                    struct curl_sockaddr *a)
{
    struct dd_curl *cu = ud;
    int fd = socket(a->family, a->socktype, a->protocol);
    (void)purpose;
    if (fd >= 0) /* if this fails the socket is only not closed in a child */
        dd_buf_add(&cu->sockets, (const char *)&fd, sizeof fd);
    return fd >= 0 ? fd : CURL_SOCKET_BAD;
}

static int on_close_socket(void *ud, curl_socket_t fd)
{
    struct dd_curl *cu = ud;
    int *v = (int *)(void *)cu->sockets.data;
    size_t i, n = cu->sockets.len / sizeof(int);
    for (i = 0; i < n; i++)
        if (v[i] == fd) { /* the last takes its place */
            v[i] = v[n - 1];
            cu->sockets.len -= sizeof(int);
            break;
        }
    return close(fd);
}

/* What children abandoned, kept whole and reachable for the life of the
 * process: nothing ever frees it, but a leak checker (valgrind in the
 * specs' forked children) sees it held on purpose, not lost. Process-wide
 * because it belongs to no Lua state: it is the parent's. */
static struct dd_curl *abandoned;

/* In the child: the sockets closed with close(2) alone, the libcurl
 * objects (and the header lists and buffers they point to) never touched
 * again. */
static void abandon(dd_client *c)
{
    struct dd_curl *cu = c->curl;
    const int *v = (const int *)(const void *)cu->sockets.data;
    size_t i, n = cu->sockets.len / sizeof(int);
    for (i = 0; i < n; i++)
        close(v[i]);
    cu->sockets.len = 0;
    cu->next_abandoned = __atomic_load_n(&abandoned, __ATOMIC_RELAXED);
    while (!__atomic_compare_exchange_n(&abandoned, &cu->next_abandoned, cu, 0,
                                        __ATOMIC_RELEASE, __ATOMIC_RELAXED))
        ;
    c->curl = NULL;
}

int dd_curl_forked(dd_client *c)
{
    if (!c->curl || c->curl->pid == getpid())
        return 0;
    abandon(c);
    return 1;
}

/* The options every handle of a client shares; its callbacks write to x. */
static void setup_handle(dd_client *c, CURL *h, dd_xfer *x)
{
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, x->error);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, x);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, x);
#if DD_HAVE_PREREQ
    curl_easy_setopt(h, CURLOPT_PREREQDATA, x);
#endif
    curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
    curl_easy_setopt(h, CURLOPT_OPENSOCKETDATA, c->curl);
    curl_easy_setopt(h, CURLOPT_CLOSESOCKETFUNCTION, on_close_socket);
    curl_easy_setopt(h, CURLOPT_CLOSESOCKETDATA, c->curl);
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, c->pol.connect_timeout_ms);
    x->connect_ms = c->pol.connect_timeout_ms;
    x->call_headers = NULL;
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, c->pol.timeout_ms);
    x->timeout_ms = c->pol.timeout_ms;
    /* a Content-Length past max_body is refused at the head, before any of
     * the body, as the framer refuses it (on_body counts what comes when no
     * length is announced) */
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)c->max_body);
    if (c->compress)
        curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, accept_encoding(c));
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, c->verify ? 1L : 0L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, c->verify ? 2L : 0L);
    if (c->ca_file)
        curl_easy_setopt(h, CURLOPT_CAINFO, c->ca_file);
    if (c->ca_path)
        curl_easy_setopt(h, CURLOPT_CAPATH, c->ca_path);
    /* Both always set ("" is none): libcurl then never reads the
     * environment, which the client did once (set_proxy in client.c). */
    curl_easy_setopt(h, CURLOPT_PROXY, c->proxy ? c->proxy : "");
    curl_easy_setopt(h, CURLOPT_NOPROXY, c->noproxy ? c->noproxy : "");
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(h, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
}

CURL *dd_curl_handle(dd_client *c, dd_xfer *x, int shared)
{
    CURL *h = curl_easy_init();
    if (h) {
        setup_handle(c, h, x);
        if (shared && c->curl->share)
            curl_easy_setopt(h, CURLOPT_SHARE, c->curl->share);
    }
    return h;
}

/* One pool of connections (and the DNS cache and TLS sessions) for the
 * handles of the client's batches: a batch starts on the connections the
 * batches before it left open. A client is used from one thread at a time,
 * so the share needs no locks. Without a share (out of memory, or a libcurl
 * that cannot share connections) each batch has its own pool, which is
 * slower but still right.
 *
 * The client's own handle, for single calls, keeps a pool of its own:
 * libcurl walks the whole connection cache of a share (103 buckets, and 23
 * for DNS) at the end of every transfer, against 3 (and 7) for a handle's
 * own, which cost single calls about 1,100 instructions each; a batch now
 * opens its first connections itself instead of taking the one a single
 * call left. */
static CURLSH *open_share(void)
{
    CURLSH *sh = curl_share_init();
    if (!sh)
        return NULL;
    if (curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS) != CURLSHE_OK ||
        curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION) != CURLSHE_OK
#if LIBCURL_VERSION_NUM >= 0x073900
        || curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT) != CURLSHE_OK
#endif
    ) {
        curl_share_cleanup(sh);
        return NULL;
    }
    return sh;
}

int dd_curl_open(dd_client *c, char *err, size_t errsz)
{
    int i;
    struct dd_curl *cu;
    const char *why = dd_curl_load();
    if (why) {
        snprintf(err, errsz, "%s", why);
        return 0;
    }
    cu = c->curl = calloc(1, sizeof *cu);
    if (!cu) {
        snprintf(err, errsz, "out of memory");
        return 0;
    }
    dd_buf_init(&cu->url);
    dd_buf_init(&cu->sockets);
    cu->key = -1;
    cu->pid = getpid();
    cu->share = open_share();
    if (!(cu->easy = dd_curl_handle(c, &cu->xfer, 0))) {
        snprintf(err, errsz, "cannot create a libcurl handle");
        return 0;
    }
    for (i = 0; i < 8; i++) {
        cu->headers[i] = header_list(c, NULL, (i >> 1) & 1, i & 1, i >> 2);
        if (!cu->headers[i]) {
            snprintf(err, errsz, "out of memory");
            return 0;
        }
    }
    return 1;
}

void dd_curl_close(dd_client *c)
{
    struct dd_curl *cu = c->curl;
    int i;
    /* Only what was made is freed: a client that never sent (libcurl maybe
     * not even loaded) has none of it. */
    if (!cu)
        return;
    if (cu->pid != getpid()) { /* a child closing what its parent made */
        abandon(c);
        return;
    }
    if (cu->easy)
        curl_easy_cleanup(cu->easy);
    if (cu->share) /* after every handle that used it */
        curl_share_cleanup(cu->share);
    for (i = 0; i < 8; i++)
        if (cu->headers[i])
            curl_slist_free_all(cu->headers[i]);
    dd_buf_free(&cu->url);
    dd_buf_free(&cu->sockets);
    free(cu);
    c->curl = NULL;
}

static const char *failure_kind(CURLcode code)
{
    switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
        return "timeout";
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
        return "connect";
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
        return "tls";
    default:
        return "network";
    }
}

void dd_curl_prepare(dd_client *c, CURL *h, dd_xfer *x, const dd_call *k,
                     dd_result *res)
{
    const dd_request *r = &k->req;
    struct dd_curl *cu = c->curl;
    long t = dd_call_attempt_ms(c, k);
    const char *m = r->op->http;
    unsigned mbit = dd_method_bit(m);
    int own = h == cu->easy, hdr;
    long key;
    x->res = res;
    x->too_large = 0;
    x->sends = 0;
    x->resend_refused = 0;
    x->max_body = c->max_body;
    x->budget = k->budget;
    x->error[0] = '\0';
    x->head_bytes = 0;
    x->nheaders = 0;
    x->interim = 0;
    x->head_status = 0;
    x->trailers = 0;
    /* the timeout, or less when the call's deadline is nearer */
    if (x->timeout_ms != t) {
        curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, t);
        x->timeout_ms = t;
    }
    /* libcurl sends a request again, once and silently, when a reused
     * connection closes before any byte of the answer. Harmless for the
     * methods retried anyway; the others (POST and PATCH by default) may
     * have been acted on by the server, so they go out at most once: the
     * prereq callback refuses the resend. They reuse only a connection
     * that was busy within the last 2 seconds (DD_WRITE_MAX_IDLE), far below
     * any server's keep-alive timeout, so that a server closing an idle
     * connection (the usual cause) does not race them. With a libcurl
     * that has no prereq callback (older than 7.80, checked at run time:
     * the libcurl loaded may be older than the headers) they get a
     * connection of their own. */
    if (x->call_headers) { /* (a transfer that never completed) */
        curl_slist_free_all(x->call_headers);
        x->call_headers = NULL;
    }
    x->method = m;
    x->send_once = (k->pol.retry_methods & mbit) == 0;

    /* The options a call sets. The client's own handle keeps them from one
     * call to the next (libcurl copies the URL, and nothing here follows
     * redirects), so it is given only what changed: polling one resource
     * sets none of them, not even the URL, which libcurl would copy again. */
    hdr = (r->gzipped ? 4 : 0) | ((r->op->flags & DD_OP_ACCEPT_ANY) ? 2 : 0) |
          (r->has_body ? 1 : 0);
    /* (send_once follows from the method and the call's retry methods) */
    key = (long)(mbit << 4) | (long)(x->send_once << 3) | hdr;
    if (!own || cu->url.len != r->url.len ||
        memcmp(cu->url.data, r->url.data, r->url.len) != 0) {
        curl_easy_setopt(h, CURLOPT_URL, r->url.data);
        if (own) {
            dd_buf_reset(&cu->url);
            dd_buf_add(&cu->url, r->url.data, r->url.len);
            if (cu->url.failed) /* never equal to a URL */
                cu->url.len = 0;
        }
    }
    if (r->has_body) { /* the body may have moved since the last call */
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, r->body.data ? r->body.data : "");
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)r->body.len);
    }
    if (!own || cu->key != key) {
        if (r->has_body) {
            curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST,
                             strcmp(m, "POST") == 0 ? NULL : m);
        } else {
            curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
            curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST,
                             strcmp(m, "GET") == 0 ? NULL : m);
        }
        curl_easy_setopt(h, CURLOPT_HTTPHEADER, cu->headers[hdr]);
#if DD_HAVE_PREREQ
        if (dd_curl_version_num >= 0x075000) {
            curl_easy_setopt(h, CURLOPT_MAXAGE_CONN,
                             x->send_once ? (long)DD_WRITE_MAX_IDLE
                                          : (long)(c->keepalive + 0.5));
            /* only a request sent at most once needs to see the sends */
            curl_easy_setopt(h, CURLOPT_PREREQFUNCTION,
                             x->send_once ? on_prereq : (curl_prereq_callback)NULL);
        } else
#endif
        {
            curl_easy_setopt(h, CURLOPT_FRESH_CONNECT, x->send_once ? 1L : 0L);
        }
        if (own)
            cu->key = key;
    }
    /* a call with headers of its own: a list for this transfer alone, and
     * the handle's usual list set again before the next call */
    if (k->nheaders) {
        x->call_headers = header_list(c, k, (hdr >> 1) & 1, hdr & 1, hdr >> 2);
        if (x->call_headers)
            curl_easy_setopt(h, CURLOPT_HTTPHEADER, x->call_headers);
        if (own)
            cu->key = -1;
    }
    if (x->connect_ms != k->pol.connect_timeout_ms) { /* a call's own, or back */
        curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, k->pol.connect_timeout_ms);
        x->connect_ms = k->pol.connect_timeout_ms;
    }
}

/* After an answer that has no body by its status, libcurl drops whatever
 * bytes came past it in the same read and keeps the connection (7.88:
 * "Excess found ... (zero-length body)"). Such bytes mean the server and
 * the client no longer agree where answers start, and the framer (http1.c)
 * never keeps a connection that sent them; libcurl cannot be asked whether
 * it dropped any. So the connection's reading half is shut: libcurl then
 * finds it readable at its next use, takes it for dead and opens another,
 * closing this one its usual way. The price is a new connection after each
 * 204 (a DELETE's answer). */
static void after_bodyless(CURL *h)
{
    curl_socket_t fd = CURL_SOCKET_BAD;
    long v = 0;
    /* HTTP/1 only: an HTTP/2 connection frames every byte, and may carry a
     * batch's other transfers at this moment */
    if (curl_easy_getinfo(h, CURLINFO_HTTP_VERSION, &v) != CURLE_OK ||
        (v != CURL_HTTP_VERSION_1_0 && v != CURL_HTTP_VERSION_1_1))
        return;
    if (curl_easy_getinfo(h, CURLINFO_ACTIVESOCKET, &fd) == CURLE_OK && fd != CURL_SOCKET_BAD)
        shutdown(fd, SHUT_RD);
}

void dd_curl_complete(dd_client *c, CURL *h, dd_xfer *x, int code)
{
    dd_result *res = x->res;
    long status = 0;
    if (x->call_headers) { /* libcurl keeps no copy past the transfer */
        curl_slist_free_all(x->call_headers);
        x->call_headers = NULL;
    }
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    res->status = status;
    if (code == CURLE_OK && (status == 204 || status == 304))
        after_bodyless(h);
    if (code != CURLE_OK && res->kind) {
        /* the message is set already (the batch's budget) */
    } else if (code != CURLE_OK && (x->too_large || code == CURLE_FILESIZE_EXCEEDED)) {
        res->kind = "too_large";
        snprintf(res->message, sizeof res->message,
                 "too_large: the response body is larger than max_body (%ld bytes)",
                 c->max_body);
    } else if (code != CURLE_OK && x->resend_refused) {
        res->kind = "network";
        snprintf(res->message, sizeof res->message,
                 "network: the connection closed before any answer; the server may "
                 "have acted on the %s, which is sent once (not resent) unless %s is "
                 "in retry.methods", x->method, x->method);
    } else if (code != CURLE_OK) {
        res->kind = failure_kind((CURLcode)code);
        /* a timeout has no status, whatever part of a head had come: the
         * rule of the drivers that frame for themselves (edge.c) */
        if (code == CURLE_OPERATION_TIMEDOUT)
            res->status = 0;
        /* libcurl's text is at most CURL_ERROR_SIZE: bounded so the kind
         * always fits in front of it */
        snprintf(res->message, sizeof res->message, "%s: %.200s", res->kind,
                 x->error[0] ? x->error : curl_easy_strerror((CURLcode)code));
    }
}

/* The clock of the drivers (the engine reads none: time comes in with
 * each step). Monotonic, so a change of the wall clock cannot stretch or
 * cut a deadline. */
double dd_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void dd_sleep(double s)
{
    struct timespec ts;
    if (s <= 0)
        return;
    ts.tv_sec = (time_t)s;
    ts.tv_nsec = (long)((s - (double)ts.tv_sec) * 1e9);
    while (nanosleep(&ts, &ts) != 0)
        ;
}

void dd_curl_run(lua_State *L, dd_client *c, dd_call *k)
{
    struct dd_curl *cu = c->curl;
    while (k->state != DD_CALL_DONE) {
        CURLcode code;
        if (k->state == DD_CALL_WAIT)
            dd_sleep(k->wait);
        if (dd_call_gate(L, c, k, dd_now()) != DD_CALL_SEND)
            continue; /* a rate-limit window to wait for, or the deadline */
        dd_call_sending(c, k, dd_now());
        dd_curl_prepare(c, cu->easy, &cu->xfer, k, &k->res);
        code = curl_easy_perform(cu->easy);
        dd_curl_complete(c, cu->easy, &cu->xfer, (int)code);
        dd_call_feed(L, c, k, dd_now());
    }
}

/* Loads libcurl and makes the client's handle, the first time a client
 * without a Lua transport sends. Raises when libcurl cannot be loaded: an
 * installation problem, not a failure of one call. */
void dd_check_curl(lua_State *L, dd_client *c, const char *what)
{
    char err[600];
    if (c->transport_ref != LUA_NOREF)
        return;
    /* a client made before fork() starts afresh in the child (curl.c) */
    if (c->curl && !dd_curl_forked(c))
        return;
    if (!dd_curl_open(c, err, sizeof err)) {
        dd_curl_close(c); /* what was made before the failure */
        luaL_error(L, "datadog: %s: %s", what, err);
    }
}
