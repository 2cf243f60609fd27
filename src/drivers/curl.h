/*
 * curl.h - the libcurl drivers' own state, shared by curl.c (single calls)
 * and batch.c (curl_multi). Nothing outside the two drivers sees it: the
 * client and the call engine hold only a pointer (dd_client.curl).
 */
#ifndef DD_CURL_H
#define DD_CURL_H

#include <sys/types.h>

#include "curl_api.h"
#include "drivers.h"

/* What one transfer needs beyond the engine's dd_result: libcurl's
 * callbacks write here, and only here. */
typedef struct dd_xfer {
    dd_result *res;
    long max_body;
    dd_budget *budget;  /* the batch's, or NULL */
    int too_large;      /* the body passed max_body, or the budget */
    const char *method;
    int send_once;      /* refuse libcurl's own resend of this request */
    int sends;          /* times the request was handed to a connection */
    int resend_refused;
    long timeout_ms;    /* CURLOPT_TIMEOUT_MS as last set on the handle */
    long connect_ms;    /* CURLOPT_CONNECTTIMEOUT_MS as last set */
    struct curl_slist *call_headers; /* a call's own header list, this transfer's */
    /* the head as on_header counts it, by the framer's bounds (http1.c) */
    size_t head_bytes;  /* of this head (or the trailers) so far */
    int nheaders, interim, head_status;
    int trailers;       /* the final head is over: lines now are trailers */
    char error[CURL_ERROR_SIZE];
} dd_xfer;

struct dd_curl {
    CURL *easy;        /* single calls: connections reused call to call */
    CURLSH *share;     /* connections, DNS and TLS sessions of every
                        * dd:batch (not easy's) */
    struct curl_slist *headers[8]; /* by accept-any x body x gzip */
    dd_xfer xfer;      /* easy's transfer */
    /* What easy was last given (dd_curl_prepare), so that a call like the
     * one before it sets only what differs: its URL, and the method and
     * header list as one key (-1 when not known). */
    dd_buf url;
    long key;
    /* The process that made the handles, and every socket libcurl opened
     * for them (ints in a buffer; see dd_curl_forked in curl.c). */
    pid_t pid;
    dd_buf sockets;
    struct dd_curl *next_abandoned; /* curl.c: abandon */
};

/* A new handle set up like the client's; in the share when shared. Its
 * callbacks write to x. */
CURL *dd_curl_handle(dd_client *c, dd_xfer *x, int shared);
/* The two halves of a transfer around curl_easy_perform or curl_multi. */
void dd_curl_prepare(dd_client *c, CURL *h, dd_xfer *x, const dd_call *k,
                     dd_result *res);
void dd_curl_complete(dd_client *c, CURL *h, dd_xfer *x, int code);

#endif
