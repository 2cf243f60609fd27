/*
 * gzip.c - gzip for request bodies (Content-Encoding: gzip), with zlib.
 * Responses are decoded by libcurl itself (CURLOPT_ACCEPT_ENCODING).
 */
#include <string.h>

#include <zlib.h>

#include "dd.h"

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
