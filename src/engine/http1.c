/*
 * http1.c - HTTP/1.1 on the engine's side: the request's bytes, and a
 * response framer fed bytes as they arrive.
 *
 * A driver that moves bytes itself (an nginx cosocket, HAProxy's core.tcp,
 * a cqueues socket) frames nothing: the engine writes the request here and
 * reads the answer here, so every host gets the same header set, the same
 * limits and the same verdicts, and a hostile server meets one parser, the
 * one the fuzzer (fuzz/fuzz_http1.c) runs. Sans-I/O: no socket, no clock.
 *
 * What the framer accepts is deliberately narrow, as a client may be: a
 * status line of exactly "HTTP/1.x" SP three digits (100 to 599), header
 * lines "name: value" (CRLF or bare LF), a body framed by chunked (the
 * final coding), Content-Length or the close of the connection. Anything
 * else is `network` (the framing cannot be trusted), an over-long
 * chunk-size line included; a head, a header count or a body past its
 * bound is `too_large`, the kind the libcurl path gives an oversized
 * answer (curl.c counts the head by the same bounds).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "engine.h"

enum {
    H1_STATUS,     /* the status line, not complete yet */
    H1_HEADERS,    /* header lines up to the blank one */
    H1_LENGTH,     /* Content-Length bytes to come */
    H1_CHUNK_LINE, /* a chunk-size line */
    H1_CHUNK_EXT,  /* its extensions, skipped up to the end of the line */
    H1_CHUNK_DATA, /* the bytes of a chunk */
    H1_CHUNK_END,  /* the CRLF after a chunk's bytes */
    H1_TRAILERS,   /* trailer lines up to the blank one */
    H1_TO_CLOSE,   /* the body runs to the end of the connection */
    H1_DONE,
    H1_FAILED
};

/* header_line's word for the blank line that ends a head */
#define HEAD_END 2

/* ---------------------------------------------------------------- failures */

static int fail(dd_h1 *p, const char *kind, const char *what)
{
    dd_result *res = p->res;
    p->state = H1_FAILED;
    p->keep = 0;
    res->kind = kind;
    if (strcmp(kind, "too_large") == 0)
        snprintf(res->message, sizeof res->message, "too_large: %s", what);
    else
        snprintf(res->message, sizeof res->message, DD_H1_NOT_HTTP "%s", what);
    return DD_H1_FAILED;
}

static int too_large_body(dd_h1 *p)
{
    char what[96];
    snprintf(what, sizeof what, "the response body is larger than max_body (%zu bytes)",
             p->max_body);
    return fail(p, "too_large", what);
}

/* The response is complete: only now may the connection be kept. */
static int done(dd_h1 *p)
{
    p->state = H1_DONE;
    p->keep = p->may_keep;
    return DD_H1_DONE;
}

/* ---------------------------------------------------------------- lines */

/* Takes one line (without its CRLF or LF) from the bytes at *s, keeping a
 * partial line in p->line across feeds. Returns 1 with the line in
 * (*line, *len), 0 when more bytes are needed (all taken), -1 when the
 * line passes max bytes. */
static int take_line(dd_h1 *p, const char **s, const char *end, size_t max,
                     const char **line, size_t *len)
{
    const char *nl = memchr(*s, '\n', (size_t)(end - *s));
    size_t n = (size_t)((nl ? nl : end) - *s);
    if (p->line.len + n > max)
        return -1;
    if (p->state != H1_CHUNK_LINE && p->state != H1_CHUNK_END)
        p->head_bytes += n + (nl ? 1 : 0);
    if (!nl) {
        dd_buf_add(&p->line, *s, n);
        *s = end;
        return 0;
    }
    if (p->line.len) {
        dd_buf_add(&p->line, *s, n);
        *line = p->line.data ? p->line.data : "";
        *len = p->line.len;
    } else {
        *line = *s;
        *len = n;
    }
    *s = nl + 1;
    if (*len && (*line)[*len - 1] == '\r')
        (*len)--;
    return 1;
}

/* ---------------------------------------------------------------- the head */

static int is_token_char(unsigned char c)
{
    return c > 32 && c < 127 && !strchr("()<>@,;:\\\"/[]?={}", c);
}

/* Whether the comma-separated header value v holds token (any case). */
static int has_token(const char *v, size_t len, const char *token)
{
    size_t tl = strlen(token), i = 0;
    while (i < len) {
        size_t j;
        while (i < len && (v[i] == ' ' || v[i] == '\t' || v[i] == ','))
            i++;
        j = i;
        while (j < len && v[j] != ',')
            j++;
        {
            size_t e = j;
            while (e > i && (v[e - 1] == ' ' || v[e - 1] == '\t'))
                e--;
            if (e - i == tl && strncasecmp(v + i, token, tl) == 0)
                return 1;
        }
        i = j;
    }
    return 0;
}

static int status_line(dd_h1 *p, const char *l, size_t n)
{
    long st;
    if (n < 12 || memcmp(l, "HTTP/1.", 7) != 0 || (l[7] != '0' && l[7] != '1') ||
        l[8] != ' ' || l[9] < '0' || l[9] > '9' || l[10] < '0' || l[10] > '9' ||
        l[11] < '0' || l[11] > '9' || (n > 12 && l[12] != ' '))
        return fail(p, "network", "the status line is not \"HTTP/1.x NNN reason\"");
    st = (l[9] - '0') * 100 + (l[10] - '0') * 10 + (l[11] - '0');
    if (st < 100 || st > 599)
        return fail(p, "network", "the status is not from 100 to 599");
    p->res->status = st;
    p->minor = l[7] - '0';
    p->state = H1_HEADERS;
    p->chunked = 0;
    p->has_length = 0;
    p->conn_close = 0;
    p->conn_keep_alive = 0;
    p->nheaders = 0;
    dd_buf_reset(&p->res->headers);
    return DD_H1_MORE;
}

/* Content-Length: digits only (a list of one value repeated is what some
 * servers send; different values cannot be trusted). */
static int content_length(dd_h1 *p, const char *v, size_t n)
{
    unsigned long long len = 0;
    size_t i = 0;
    int digits = 0;
    while (i < n) {
        unsigned long long one = 0;
        digits = 0;
        while (i < n && (v[i] == ' ' || v[i] == '\t'))
            i++;
        while (i < n && v[i] >= '0' && v[i] <= '9') {
            if (one > (0x7fffffffffffffffULL - 9) / 10)
                return fail(p, "network", "Content-Length is too large to be real");
            one = one * 10 + (unsigned)(v[i] - '0');
            i++;
            digits++;
        }
        while (i < n && (v[i] == ' ' || v[i] == '\t'))
            i++;
        if (!digits || (i < n && v[i] != ','))
            return fail(p, "network", "Content-Length is not a number");
        if (p->has_length && one != len)
            return fail(p, "network", "two different Content-Length values");
        len = one;
        p->has_length = 1;
        if (i < n)
            i++; /* the comma */
    }
    if (!p->has_length)
        return fail(p, "network", "Content-Length is empty");
    p->remaining = len;
    return DD_H1_MORE;
}

static int header_line(dd_h1 *p, const char *l, size_t n)
{
    size_t i = 0, vs, ve;
    if (n == 0)
        return HEAD_END;
    if (l[0] == ' ' || l[0] == '\t') /* obsolete line folding */
        return fail(p, "network", "a folded header line");
    while (i < n && is_token_char((unsigned char)l[i]))
        i++;
    if (i == 0 || i >= n || l[i] != ':')
        return fail(p, "network", "a header line without a name and a colon");
    if (++p->nheaders > DD_H1_MAX_HEADERS)
        return fail(p, "too_large", DD_H1_TOO_MANY_HEADERS);
    vs = i + 1;
    while (vs < n && (l[vs] == ' ' || l[vs] == '\t'))
        vs++;
    ve = n;
    while (ve > vs && (l[ve - 1] == ' ' || l[ve - 1] == '\t'))
        ve--;
    if (p->state == H1_HEADERS) {
        if (i == 14 && strncasecmp(l, "Content-Length", 14) == 0) {
            if (content_length(p, l + vs, ve - vs) == DD_H1_FAILED)
                return DD_H1_FAILED;
        } else if (i == 17 && strncasecmp(l, "Transfer-Encoding", 17) == 0) {
            /* chunked counts only as the final coding; any other coding
             * means the body runs to the close */
            size_t e = ve;
            while (e > vs && l[e - 1] != ',')
                e--;
            p->chunked = has_token(l + e, ve - e, "chunked") ? 1 : 2;
        } else if (i == 10 && strncasecmp(l, "Connection", 10) == 0) {
            if (has_token(l + vs, ve - vs, "close"))
                p->conn_close = 1;
            if (has_token(l + vs, ve - vs, "keep-alive"))
                p->conn_keep_alive = 1;
        }
        dd_buf_add(&p->res->headers, l, n);
        dd_buf_add(&p->res->headers, "\r\n", 2);
    } /* trailers are read and dropped: nothing of ours is in them */
    return DD_H1_MORE;
}

/* The head is complete: decide how the body is framed, and whether the
 * connection may carry another request after it. */
static int head_done(dd_h1 *p)
{
    long st = p->res->status;
    if (st < 200) {
        if (st == 101)
            return fail(p, "network", "101 Switching Protocols was not asked for");
        if (++p->interim > DD_H1_MAX_INTERIM)
            return fail(p, "network", DD_H1_TOO_MANY_INTERIM);
        p->state = H1_STATUS; /* 100 Continue and kin: the real head follows */
        p->head_bytes = 0;
        return DD_H1_MORE;
    }
    /* HTTP/1.0 connections are never kept: a 1.0 server closes them unless
     * asked otherwise, and we never ask */
    p->may_keep = p->minor == 1 && !p->conn_close;
    if (st == 204 || st == 304 || p->no_body)
        return done(p);
    if (p->chunked == 1) {
        p->state = H1_CHUNK_LINE;
        if (p->has_length) /* both: chunked wins, and the peer is suspect */
            p->may_keep = 0;
        return DD_H1_MORE;
    }
    if (p->chunked == 2 || !p->has_length) {
        p->state = H1_TO_CLOSE;
        p->may_keep = 0;
        return DD_H1_MORE;
    }
    if (p->remaining > p->max_body)
        return too_large_body(p);
    if (!p->remaining)
        return done(p);
    p->state = H1_LENGTH;
    return DD_H1_MORE;
}

/* ---------------------------------------------------------------- chunks */

static int chunk_line(dd_h1 *p, const char *l, size_t n)
{
    unsigned long long size = 0;
    size_t i = 0;
    int digits = 0;
    while (i < n && dd_hexval((unsigned char)l[i]) >= 0) {
        if (++digits > 15)
            return fail(p, "network", "a chunk size of more than 15 hex digits");
        size = size * 16 + (unsigned)dd_hexval((unsigned char)l[i]);
        i++;
    }
    while (i < n && (l[i] == ' ' || l[i] == '\t'))
        i++;
    if (!digits || (i < n && l[i] != ';'))
        return fail(p, "network", "a chunk size that is not hexadecimal");
    if (size == 0) {
        p->state = H1_TRAILERS;
        p->head_bytes = 0;
        return DD_H1_MORE;
    }
    if (size > p->max_body || p->res->body.len + size > p->max_body)
        return too_large_body(p);
    p->remaining = size;
    p->state = H1_CHUNK_DATA;
    return DD_H1_MORE;
}

/* ---------------------------------------------------------------- feeding */

void dd_h1_begin(dd_h1 *p, dd_result *res, size_t max_body, int no_body)
{
    dd_buf_reset(&p->line);
    p->res = res;
    p->state = H1_STATUS;
    p->max_body = max_body;
    p->no_body = no_body;
    p->head_bytes = 0;
    p->interim = 0;
    p->nheaders = 0;
    p->remaining = 0;
    p->keep = 0;
    p->may_keep = 0;
    p->any = 0;
    p->minor = 1;
}

void dd_h1_init(dd_h1 *p)
{
    memset(p, 0, sizeof *p);
    dd_buf_init(&p->line);
    p->state = H1_DONE;
}

void dd_h1_free(dd_h1 *p)
{
    dd_buf_free(&p->line);
}

/* A chunk size is at most 16 hex digits: a size part of a kilobyte is not
 * an answer too large for the caller's bounds but framing that cannot be
 * trusted, as libcurl says of it ("Too long hexadecimal number"), so both
 * drivers give network. */
static int chunk_line_too_long(dd_h1 *p)
{
    return fail(p, "network", "a chunk-size line is longer than "
                              DD_STR(DD_H1_MAX_CHUNK_LINE) " bytes");
}

/* Chunk extensions mean nothing to us: skipped to the end of the line,
 * never held, so that only the size part counts against
 * DD_H1_MAX_CHUNK_LINE. libcurl skips them the same way, whatever their
 * length; a long one costs time (bounded by the attempt), not memory. */
static int skip_ext(dd_h1 *p, const char **s, const char *end)
{
    const char *nl = memchr(*s, '\n', (size_t)(end - *s));
    int r;
    if (!nl) {
        *s = end;
        return DD_H1_MORE;
    }
    *s = nl + 1;
    r = chunk_line(p, p->line.data ? p->line.data : "", p->line.len);
    dd_buf_reset(&p->line);
    return r;
}

/* The line-shaped states: one line at a time. */
static int feed_line(dd_h1 *p, const char **s, const char *end)
{
    const char *l;
    int chunky = p->state == H1_CHUNK_LINE || p->state == H1_CHUNK_END;
    size_t n, max = chunky ? DD_H1_MAX_CHUNK_LINE : DD_H1_MAX_HEAD;
    int rc, r;
    if (p->state == H1_CHUNK_EXT)
        return skip_ext(p, s, end);
    if (p->state == H1_CHUNK_LINE) { /* the size part ends at a ';' */
        const char *nl = memchr(*s, '\n', (size_t)(end - *s));
        const char *semi = memchr(*s, ';', (size_t)((nl ? nl : end) - *s));
        if (semi) {
            n = (size_t)(semi - *s);
            if (p->line.len + n > DD_H1_MAX_CHUNK_LINE)
                return chunk_line_too_long(p);
            dd_buf_add(&p->line, *s, n);
            *s = semi + 1;
            p->state = H1_CHUNK_EXT;
            return skip_ext(p, s, end);
        }
    }
    rc = take_line(p, s, end, max, &l, &n);
    if (rc < 0 && p->state == H1_CHUNK_END)
        return fail(p, "network", "a chunk longer than its size");
    if (rc < 0 && p->state == H1_CHUNK_LINE)
        return chunk_line_too_long(p);
    if (rc < 0 || (!chunky && p->head_bytes > DD_H1_MAX_HEAD))
        return fail(p, "too_large", DD_H1_HEAD_TOO_LARGE);
    if (rc == 0)
        return DD_H1_MORE;
    switch (p->state) {
    case H1_STATUS:
        r = status_line(p, l, n);
        break;
    case H1_CHUNK_LINE:
        r = chunk_line(p, l, n);
        break;
    case H1_CHUNK_END:
        r = n == 0 ? DD_H1_MORE : fail(p, "network", "a chunk longer than its size");
        p->state = p->state == H1_FAILED ? H1_FAILED : H1_CHUNK_LINE;
        break;
    default: /* H1_HEADERS, H1_TRAILERS */
        r = header_line(p, l, n);
        if (r == HEAD_END) {
            if (p->state == H1_TRAILERS) {
                r = done(p);
            } else {
                r = head_done(p);
            }
        }
        break;
    }
    dd_buf_reset(&p->line);
    return r;
}

int dd_h1_feed(dd_h1 *p, const char *data, size_t len)
{
    const char *s = data, *end = data + len;
    int rc = DD_H1_MORE;
    if (p->state == H1_FAILED)
        return DD_H1_FAILED;
    if (len)
        p->any = 1;
    while (s < end) {
        size_t n = (size_t)(end - s);
        switch (p->state) {
        case H1_DONE:
            /* bytes past the end of the response: never reuse this
             * connection, whatever they are */
            p->keep = 0;
            return DD_H1_DONE;
        case H1_LENGTH:
        case H1_CHUNK_DATA:
            if (n > p->remaining)
                n = (size_t)p->remaining;
            dd_buf_add(&p->res->body, s, n);
            s += n;
            p->remaining -= n;
            if (p->remaining == 0) {
                if (p->state == H1_LENGTH) {
                    rc = done(p);
                } else {
                    p->state = H1_CHUNK_END;
                }
            }
            break;
        case H1_TO_CLOSE:
            if (p->res->body.len + n > p->max_body)
                return too_large_body(p);
            dd_buf_add(&p->res->body, s, n);
            s += n;
            break;
        default:
            rc = feed_line(p, &s, end);
            if (rc == DD_H1_FAILED)
                return rc;
            break;
        }
        if (p->res->body.failed || p->res->headers.failed || p->line.failed)
            return fail(p, "too_large", "out of memory for the response");
    }
    return p->state == H1_DONE ? DD_H1_DONE : rc == DD_H1_DONE ? DD_H1_DONE : DD_H1_MORE;
}

int dd_h1_eof(dd_h1 *p)
{
    if (p->state == H1_TO_CLOSE)
        return done(p); /* never kept: may_keep is 0 */
    if (p->state == H1_DONE)
        return DD_H1_DONE;
    if (p->state == H1_FAILED)
        return DD_H1_FAILED;
    p->keep = 0;
    p->state = H1_FAILED;
    p->res->kind = "network";
    snprintf(p->res->message, sizeof p->res->message,
             p->any ? "network: the connection closed before the response was complete"
                    : "network: the server closed the connection without an answer");
    return DD_H1_FAILED;
}

size_t dd_h1_want(const dd_h1 *p)
{
    if (p->state == H1_LENGTH || p->state == H1_CHUNK_DATA)
        return (size_t)p->remaining;
    return 0;
}

int dd_h1_to_close(const dd_h1 *p)
{
    return p->state == H1_TO_CLOSE;
}

int dd_h1_done(const dd_h1 *p)
{
    return p->state == H1_DONE;
}

/* ---------------------------------------------------------------- the request */

void dd_h1_request(dd_buf *out, const char *method, const char *authority,
                   const char *target, size_t target_len, const dd_header *h, int nh,
                   const char *body, size_t body_len, int has_body)
{
    int i;
    dd_buf_adds(out, method);
    dd_buf_addc(out, ' ');
    dd_buf_add(out, target, target_len);
    dd_buf_add(out, " HTTP/1.1\r\nHost: ", 17);
    dd_buf_adds(out, authority);
    dd_buf_add(out, "\r\n", 2);
    for (i = 0; i < nh; i++) {
        dd_buf_adds(out, h[i].name);
        dd_buf_add(out, ": ", 2);
        dd_buf_adds(out, h[i].value);
        dd_buf_add(out, "\r\n", 2);
    }
    if (has_body)
        dd_buf_printf(out, "Content-Length: %zu\r\n", body_len);
    dd_buf_add(out, "\r\n", 2);
    if (has_body)
        dd_buf_add(out, body, body_len);
}
