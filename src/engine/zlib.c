/*
 * zlib.c - gzip for request bodies (Content-Encoding: gzip), and inflating
 * the response bodies a Lua driver feeds to the call engine as they came
 * (libcurl decodes its own: CURLOPT_ACCEPT_ENCODING).
 */
#include <string.h>

#include <zlib.h>

#include "engine.h"

int dd_gzip(const char *in, size_t len, dd_buf *out)
{
    z_stream z;
    int rc;
    memset(&z, 0, sizeof z);
    /* windowBits 15 + 16: a gzip wrapper rather than zlib's */
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
                     Z_DEFAULT_STRATEGY) != Z_OK)
        return 0;
    z.next_in = (Bytef *)(uintptr_t)in;
    z.avail_in = (uInt)len;
    if ((size_t)z.avail_in != len) { /* over 4 GiB: not worth it */
        deflateEnd(&z);
        return 0;
    }
    dd_buf_reset(out);
    do {
        if (!dd_buf_reserve(out, deflateBound(&z, (uLong)len) + 64)) {
            deflateEnd(&z);
            return 0;
        }
        z.next_out = (Bytef *)(out->data + out->len);
        z.avail_out = (uInt)(out->cap - out->len - 1);
        rc = deflate(&z, Z_FINISH);
        out->len = out->cap - 1 - z.avail_out;
    } while (rc == Z_OK);
    deflateEnd(&z);
    return rc == Z_STREAM_END;
}

/* One inflate pass over in[0..len) into out with the given windowBits. */
static int inflate_into(const char *in, size_t len, int bits, dd_buf *out,
                        size_t max)
{
    z_stream z;
    int rc;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, bits) != Z_OK)
        return -1;
    z.next_in = (Bytef *)(uintptr_t)in;
    z.avail_in = (uInt)len;
    if ((size_t)z.avail_in != len) {
        inflateEnd(&z);
        return -1;
    }
    do {
        size_t room;
        if (!dd_buf_reserve(out, len * 2 + 4096)) {
            inflateEnd(&z);
            return -1;
        }
        room = out->cap - out->len - 1;
        z.next_out = (Bytef *)(out->data + out->len);
        z.avail_out = (uInt)room;
        rc = inflate(&z, Z_NO_FLUSH);
        out->len += room - z.avail_out;
        out->data[out->len] = '\0';
        if (out->len > max) { /* a bomb stops here, not at the end */
            inflateEnd(&z);
            return 1;
        }
    } while (rc == Z_OK && (z.avail_in > 0 || z.avail_out == 0));
    inflateEnd(&z);
    return rc == Z_STREAM_END ? 0 : -1;
}

int dd_inflate(dd_buf *b, size_t max)
{
    dd_buf out;
    int rc;
    dd_buf_init(&out);
    /* 15 + 32: gzip or zlib, told apart by their headers. Servers that
     * say "deflate" sometimes send raw deflate with no zlib header (-15). */
    rc = inflate_into(b->data ? b->data : "", b->len, 15 + 32, &out, max);
    if (rc < 0) {
        dd_buf_reset(&out);
        rc = inflate_into(b->data ? b->data : "", b->len, -15, &out, max);
    }
    if (rc == 0) {
        dd_buf tmp = *b;
        *b = out;
        out = tmp;
    }
    dd_buf_free(&out);
    return rc;
}
