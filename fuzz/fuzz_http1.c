/*
 * fuzz_http1.c - libFuzzer target for the HTTP/1.1 response framer
 * (src/http1.c), the parser every byte-moving host driver (nginx
 * cosockets, HAProxy, cqueues) hands a hostile server's bytes to.
 *
 * Input: byte 0 seeds how the rest is cut into feeds (a server may send a
 * byte at a time or all at once), bit 0x80 of byte 1 says whether the
 * connection then closes, its low bits pick max_body; the rest is what
 * the server sent. Properties checked, beyond "no sanitizer report":
 *   - the outcome does not depend on how the bytes were cut: status,
 *     headers, body, kind and the keep verdict are the same fed whole and
 *     fed in pieces;
 *   - a success never holds more than max_body bytes of body, nor a head
 *     over the bound; a failure always has a kind and a one-line message;
 *   - a failed or unfinished response is never kept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/engine/engine.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct outcome {
    dd_result res;
    int rc, keep;
} outcome;

static void property(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "PROPERTY: %s\n", what);
        abort();
    }
}

/* Feeds s[0..n) in pieces whose sizes come from seed (0: whole). */
static void frame(outcome *o, const uint8_t *s, size_t n, unsigned seed, int close,
                  size_t max_body)
{
    dd_h1 p;
    size_t off = 0;
    dd_result_init(&o->res);
    dd_h1_init(&p);
    dd_h1_begin(&p, &o->res, max_body, 0);
    o->rc = DD_H1_MORE;
    while (off < n && o->rc == DD_H1_MORE) {
        size_t piece = n - off;
        if (seed) {
            seed = seed * 1103515245u + 12345u;
            piece = 1 + (seed >> 16) % 7;
            if (piece > n - off)
                piece = n - off;
        }
        o->rc = dd_h1_feed(&p, (const char *)s + off, piece);
        off += piece;
    }
    if (o->rc == DD_H1_DONE && off < n) /* bytes past the end */
        o->rc = dd_h1_feed(&p, (const char *)s + off, n - off);
    if (o->rc == DD_H1_MORE && close)
        o->rc = dd_h1_eof(&p);
    o->keep = p.keep;
    dd_h1_free(&p);
}

static int same_buf(const dd_buf *a, const dd_buf *b)
{
    return a->len == b->len && (a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    outcome whole, cut;
    unsigned seed;
    int close;
    size_t max_body;
    if (size < 2)
        return 0;
    seed = data[0] | 1u;
    close = (data[1] & 0x80) != 0;
    max_body = (size_t)16 << (data[1] & 0x0f); /* 16 B to 512 KiB */
    frame(&whole, data + 2, size - 2, 0, close, max_body);
    frame(&cut, data + 2, size - 2, seed, close, max_body);

    property(whole.rc == cut.rc, "the outcome depends on how the bytes were cut");
    property(whole.res.status == cut.res.status, "the status depends on the cut");
    property((whole.res.kind == NULL) == (cut.res.kind == NULL) &&
                 (!whole.res.kind || strcmp(whole.res.kind, cut.res.kind) == 0),
             "the failure kind depends on the cut");
    if (whole.rc == DD_H1_DONE) {
        property(whole.keep == cut.keep, "the keep verdict depends on the cut");
        property(same_buf(&whole.res.headers, &cut.res.headers), "headers depend on the cut");
        property(same_buf(&whole.res.body, &cut.res.body), "the body depends on the cut");
        property(whole.res.body.len <= max_body, "a body over max_body");
        property(whole.res.headers.len <= DD_H1_MAX_HEAD + 2 * DD_H1_MAX_HEADERS,
                 "a head over its bound");
        property(whole.res.status >= 200 && whole.res.status <= 599, "a final status out of range");
    } else {
        property(!whole.keep && !cut.keep, "an unfinished response kept");
    }
    if (whole.rc == DD_H1_FAILED) {
        property(whole.res.kind != NULL && whole.res.message[0] != '\0', "a failure without a kind");
        property(strchr(whole.res.message, '\n') == NULL, "a message on two lines");
    }
    dd_result_free(&whole.res);
    dd_result_free(&cut.res);
    return 0;
}
