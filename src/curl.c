/*
 * curl.c - the default transport: one libcurl easy handle per client, so
 * connections (and TLS sessions) are reused from call to call.
 *
 * Nothing here touches Lua: callbacks only append to C buffers, so no Lua
 * error can unwind through libcurl. The eight header lists a client can need
 * (Accept json or star/star, with or without a body) are built once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curl_api.h"
#include "dd.h"

static size_t on_body(char *ptr, size_t size, size_t nmemb, void *ud)
{
    dd_result *res = ud;
    size_t n = size * nmemb;
    if (res->max_body > 0 && res->body.len + n > (size_t)res->max_body) {
        res->too_large = 1;
        return 0; /* libcurl stops the transfer: CURLE_WRITE_ERROR */
    }
    dd_buf_add(&res->body, ptr, n);
    return res->body.failed ? 0 : n;
}

static size_t on_header(char *ptr, size_t size, size_t nitems, void *ud)
{
    dd_result *res = ud;
    size_t n = size * nitems;
    /* A new status line starts a new response (after 100 Continue): only the
     * final response's headers are kept. */
    if (n >= 5 && memcmp(ptr, "HTTP/", 5) == 0)
        dd_buf_reset(&res->headers);
    else
        dd_buf_add(&res->headers, ptr, n);
    return res->headers.failed ? 0 : n;
}

/* How long a connection may have been idle and still carry a request that
 * is sent at most once (see dd_curl_prepare), and any other request
 * (libcurl's own default). libcurl compares whole seconds, idle > max: 1
 * means idle less than 2 s. */
#define DD_WRITE_MAX_IDLE 1
#define DD_MAX_IDLE 118

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
    dd_result *res = ud;
    (void)conn_primary_ip;
    (void)conn_local_ip;
    (void)conn_primary_port;
    (void)conn_local_port;
    if (++res->sends > 1 && res->send_once) {
        res->resend_refused = 1;
        return CURL_PREREQFUNC_ABORT;
    }
    return CURL_PREREQFUNC_OK;
}
#else
#define DD_HAVE_PREREQ 0
#endif

static struct curl_slist *header_list(dd_client *c, int accept_any, int body,
                                      int gzip)
{
    struct curl_slist *l = NULL, *t;
    char line[1024];
    const char *fixed[] = {
        accept_any ? "Accept: */*" : "Accept: application/json",
        body ? "Content-Type: application/json" : NULL,
        body && gzip ? "Content-Encoding: gzip" : NULL,
        body ? "Expect:" : NULL, /* no 100-continue round trip for large bodies */
    };
    size_t i;
    for (i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
        if (!fixed[i])
            continue;
        if (!(t = curl_slist_append(l, fixed[i])))
            goto fail;
        l = t;
    }
    snprintf(line, sizeof line, "DD-API-KEY: %s", c->api_key);
    if (!(t = curl_slist_append(l, line)))
        goto fail;
    l = t;
    snprintf(line, sizeof line, "DD-APPLICATION-KEY: %s", c->app_key);
    if (!(t = curl_slist_append(l, line)))
        goto fail;
    l = t;
    snprintf(line, sizeof line, "User-Agent: %s", c->user_agent);
    if (!(t = curl_slist_append(l, line)))
        goto fail;
    l = t;
    memset(line, 0, sizeof line); /* no key left on the stack */
    return l;
fail:
    memset(line, 0, sizeof line);
    curl_slist_free_all(l);
    return NULL;
}

/* The options every handle of a client shares. errbuf: CURL_ERROR_SIZE. */
static void setup_handle(dd_client *c, CURL *h, char *errbuf)
{
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, c->connect_timeout_ms);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, c->timeout_ms);
    if (c->compress)
        curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
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

void *dd_curl_handle(dd_client *c, char *errbuf, int shared)
{
    CURL *h = curl_easy_init();
    if (h) {
        setup_handle(c, h, errbuf);
        if (shared && c->share)
            curl_easy_setopt(h, CURLOPT_SHARE, (CURLSH *)c->share);
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
    const char *why = dd_curl_load();
    if (why) {
        snprintf(err, errsz, "%s", why);
        return 0;
    }
    c->share = open_share();
    dd_buf_init(&c->curl_url);
    c->curl_key = -1;
    c->curl_res = NULL;
    c->curl_error = calloc(1, CURL_ERROR_SIZE);
    if (!c->curl_error || !(c->curl = dd_curl_handle(c, c->curl_error, 0))) {
        snprintf(err, errsz, "cannot create a libcurl handle");
        return 0;
    }
    for (i = 0; i < 8; i++) {
        c->headers[i] = header_list(c, (i >> 1) & 1, i & 1, i >> 2);
        if (!c->headers[i]) {
            snprintf(err, errsz, "out of memory");
            return 0;
        }
    }
    return 1;
}

void dd_curl_close(dd_client *c)
{
    int i;
    /* Only what was made is freed: a client that never sent (libcurl maybe
     * not even loaded) has none of it. */
    if (c->curl) {
        curl_easy_cleanup(c->curl);
        c->curl = NULL;
    }
    if (c->share) { /* after every handle that used it */
        curl_share_cleanup((CURLSH *)c->share);
        c->share = NULL;
    }
    for (i = 0; i < 8; i++) {
        if (c->headers[i])
            curl_slist_free_all(c->headers[i]);
        c->headers[i] = NULL;
    }
    free(c->curl_error);
    c->curl_error = NULL;
    dd_buf_free(&c->curl_url);
    c->curl_key = -1;
    c->curl_res = NULL;
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

void dd_curl_prepare(dd_client *c, void *handle, char *errbuf,
                     const dd_request *r, dd_result *res)
{
    CURL *h = handle;
    const char *m = r->op->http;
    unsigned mbit = dd_method_bit(m);
    int own = h == c->curl, hdr;
    long key;
    dd_buf_reset(&res->headers);
    dd_buf_reset(&res->body);
    res->status = 0;
    res->kind = NULL;
    res->message[0] = '\0';
    res->too_large = 0;
    res->sends = 0;
    res->resend_refused = 0;
    res->max_body = c->max_body;
    errbuf[0] = '\0';
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
    res->method = m;
    res->send_once = (c->retry_methods & mbit) == 0;

    /* The options a call sets. The client's own handle keeps them from one
     * call to the next (libcurl copies the URL, and nothing here follows
     * redirects), so it is given only what changed: polling one resource
     * sets none of them, not even the URL, which libcurl would copy again. */
    hdr = (r->gzipped ? 4 : 0) | ((r->op->flags & DD_OP_ACCEPT_ANY) ? 2 : 0) |
          (r->has_body ? 1 : 0);
    key = (long)(mbit << 3) | hdr; /* send_once follows from the method */
    if (!own || c->curl_url.len != r->url.len ||
        memcmp(c->curl_url.data, r->url.data, r->url.len) != 0) {
        curl_easy_setopt(h, CURLOPT_URL, r->url.data);
        if (own) {
            dd_buf_reset(&c->curl_url);
            dd_buf_add(&c->curl_url, r->url.data, r->url.len);
            if (c->curl_url.failed) /* never equal to a URL */
                c->curl_url.len = 0;
        }
    }
    if (r->has_body) { /* the body may have moved since the last call */
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, r->body.data ? r->body.data : "");
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)r->body.len);
    }
    if (!own || c->curl_key != key) {
        if (r->has_body) {
            curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST,
                             strcmp(m, "POST") == 0 ? NULL : m);
        } else {
            curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
            curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST,
                             strcmp(m, "GET") == 0 ? NULL : m);
        }
        curl_easy_setopt(h, CURLOPT_HTTPHEADER, c->headers[hdr]);
#if DD_HAVE_PREREQ
        if (dd_curl_version_num >= 0x075000) {
            curl_easy_setopt(h, CURLOPT_MAXAGE_CONN,
                             res->send_once ? (long)DD_WRITE_MAX_IDLE : (long)DD_MAX_IDLE);
            /* only a request sent at most once needs to see the sends */
            curl_easy_setopt(h, CURLOPT_PREREQFUNCTION,
                             res->send_once ? on_prereq : (curl_prereq_callback)NULL);
        } else
#endif
        {
            curl_easy_setopt(h, CURLOPT_FRESH_CONNECT, res->send_once ? 1L : 0L);
        }
        if (own)
            c->curl_key = key;
    }
    if (!own || c->curl_res != res) {
        curl_easy_setopt(h, CURLOPT_WRITEDATA, res);
        curl_easy_setopt(h, CURLOPT_HEADERDATA, res);
#if DD_HAVE_PREREQ
        curl_easy_setopt(h, CURLOPT_PREREQDATA, res);
#endif
        if (own)
            c->curl_res = res;
    }
}

void dd_curl_complete(dd_client *c, void *handle, const char *errbuf, int code,
                      dd_result *res)
{
    long status = 0;
    curl_easy_getinfo((CURL *)handle, CURLINFO_RESPONSE_CODE, &status);
    res->status = status;
    if (code != CURLE_OK && res->too_large) {
        res->kind = "too_large";
        snprintf(res->message, sizeof res->message,
                 "too_large: the response body is larger than max_body (%ld bytes)",
                 c->max_body);
    } else if (code != CURLE_OK && res->resend_refused) {
        res->kind = "network";
        snprintf(res->message, sizeof res->message,
                 "network: the connection closed before any answer; the server may "
                 "have acted on the %s, which is sent once (not resent) unless %s is "
                 "in retry.methods", res->method, res->method);
    } else if (code != CURLE_OK) {
        res->kind = failure_kind((CURLcode)code);
        snprintf(res->message, sizeof res->message, "%s: %s", res->kind,
                 errbuf[0] ? errbuf : curl_easy_strerror((CURLcode)code));
    }
}

void dd_curl_perform(dd_client *c, const dd_request *r, dd_result *res)
{
    CURLcode code;
    dd_curl_prepare(c, c->curl, c->curl_error, r, res);
    code = curl_easy_perform(c->curl);
    dd_curl_complete(c, c->curl, c->curl_error, (int)code, res);
}
