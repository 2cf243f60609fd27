/*
 * swar.h - scanning JSON text eight bytes at a time ("SIMD within a
 * register"), for the decoder and the encoder.
 *
 * Most bytes of a request or response body are plain string bytes: no
 * quote, no backslash, no control character. Finding the end of such a run
 * one byte at a time is most of a naive coder's work; here eight bytes are
 * loaded into a 64-bit word (memcpy: no alignment needed) and tested at
 * once with the classic "find a zero byte" trick (Hacker's Delight 6-1).
 */
#ifndef DD_SWAR_H
#define DD_SWAR_H

#include <stdint.h>
#include <string.h>

#define DD_REP8(c) ((uint64_t)0x0101010101010101ULL * (uint64_t)(c))

/* The top bit of each byte of the result is set where x (eight bytes read
 * in memory order) has a quote, a backslash or a byte below 0x20; zero when
 * it has none. A byte of (x ^ rep('"')) is zero where x has a quote;
 * x - rep(0x20) borrows into the top bit of a byte below 0x20, and & ~x
 * drops the bytes at 0x80 and above. A borrow may mark bytes after the
 * first hit, never before it, so the lowest marked byte is exact. */
static inline uint64_t dd_swar_special(uint64_t x)
{
    uint64_t q = x ^ DD_REP8('"'), b = x ^ DD_REP8('\\');
    return (((q - DD_REP8(1)) & ~q) | ((b - DD_REP8(1)) & ~b) |
            ((x - DD_REP8(0x20)) & ~x)) & DD_REP8(0x80);
}

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* On a little-endian machine the first byte in memory is the lowest. */
#define DD_FIRST_MARKED(t) ((unsigned)__builtin_ctzll(t) >> 3)
#endif

/* The end of the run of plain bytes (no quote, backslash or control
 * character) that starts at s. Bytes of 0x80 and above are plain: UTF-8
 * passes through. */
static inline const char *dd_json_plain_run(const char *s, const char *end)
{
    while (end - s >= 8) {
        uint64_t x, t;
        memcpy(&x, s, 8);
        t = dd_swar_special(x);
        if (t) {
#ifdef DD_FIRST_MARKED
            return s + DD_FIRST_MARKED(t);
#else
            break; /* the byte loop below finds it */
#endif
        }
        s += 8;
    }
    while (s < end && *s != '"' && *s != '\\' && (unsigned char)*s >= 0x20)
        s++;
    return s;
}

/* The end of the run of ASCII bytes (below 0x80) that starts at s. */
static inline const char *dd_ascii_run(const char *s, const char *end)
{
    while (end - s >= 8) {
        uint64_t x;
        memcpy(&x, s, 8);
        if (x & DD_REP8(0x80))
            break;
        s += 8;
    }
    while (s < end && (unsigned char)*s < 0x80)
        s++;
    return s;
}

#endif
