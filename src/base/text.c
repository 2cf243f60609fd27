/*
 * text.c - the module's rules for text: what a caller's text looks like in
 * a message, UTF-8 sequences, percent-encoding, and "did you mean".
 * One implementation each, used by every file that needs it.
 */
#include <stdint.h>
#include <string.h>

#include "base.h"

/* ---------------------------------------------------------------- UTF-8 */

/* The length of the UTF-8 sequence at s (1 to 4 bytes), or -1 when it is
 * not one (overlongs, surrogates, values past U+10FFFF, truncation). */
long dd_utf8_seq(const unsigned char *s, size_t len)
{
    unsigned c = s[0], cp, need, k;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        cp = c & 0x07;
    } else {
        return -1;
    }
    if (len <= need) /* truncated sequence */
        return -1;
    for (k = 1; k <= need; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return -1;
        cp = (cp << 6) | (s[k] & 0x3F);
    }
    if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return -1;
    return (long)need + 1;
}

/* ---------------------------------------------------------------- caller text in messages */

/* Writes at most max bytes of s[0..len) to dst (dstsz >= max + 4) for an
 * error message: control characters become \n, \r, \t or \xHH, and so do
 * bytes that are not UTF-8, so that a key or value echoed in a message can
 * neither break it into two lines (a forged log line) nor make it invalid
 * UTF-8; a multi-byte character is never cut, and "..." marks a cut. */
const char *dd_shown(char *dst, size_t dstsz, const char *s, size_t len,
                     size_t max)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, n = 0;
    while (i < len) {
        char piece[4];
        const char *from = piece;
        size_t plen, adv = 1;
        long seq = u[i] >= 0x80 ? dd_utf8_seq(u + i, len - i) : 1;
        if (u[i] == '\n' || u[i] == '\r' || u[i] == '\t') {
            piece[0] = '\\';
            piece[1] = u[i] == '\n' ? 'n' : u[i] == '\r' ? 'r' : 't';
            plen = 2;
        } else if (u[i] < 0x20 || u[i] == 0x7f || seq < 0) {
            piece[0] = '\\';
            piece[1] = 'x';
            piece[2] = hex[u[i] >> 4];
            piece[3] = hex[u[i] & 15];
            plen = 4;
        } else {
            from = s + i; /* a character, copied whole */
            plen = adv = (size_t)seq;
        }
        if (n + plen > max) {
            memcpy(dst + n, "...", 3);
            n += 3;
            break;
        }
        memcpy(dst + n, from, plen);
        n += plen;
        i += adv;
    }
    dst[n < dstsz ? n : dstsz - 1] = '\0';
    return dst;
}

/* ---------------------------------------------------------------- percent-encoding */

/* RFC 3986's unreserved bytes, A-Z a-z 0-9 - . _ ~, as a bitmap: bit c of
 * the 256. */
static const uint64_t unreserved_bits[4] = {
    0x03ff600000000000ULL, /* - . 0-9 */
    0x47fffffe87fffffeULL, /* A-Z _ a-z ~ */
    0, 0,
};

static inline int unreserved(unsigned char c)
{
    return (int)((unreserved_bits[c >> 6] >> (c & 63)) & 1);
}

int dd_unreserved(unsigned char c)
{
    return unreserved(c);
}

/* Appends s[0..len) percent-encoded: runs of unreserved bytes (an id is
 * usually all of it) are copied whole. */
void dd_percent_encode(dd_buf *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t i = 0, run;
    dd_buf_reserve(out, len * 3);
    while (i < len) {
        for (run = i; run < len && unreserved((unsigned char)s[run]); run++)
            ;
        dd_buf_add(out, s + i, run - i);
        if (run < len) {
            unsigned char c = (unsigned char)s[run];
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            dd_buf_add(out, e, 3);
            run++;
        }
        i = run;
    }
}

/* ---------------------------------------------------------------- suggestions */

static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), i, j;
    size_t row[64];
    if (la >= 63 || lb >= 63)
        return (size_t)-1;
    for (j = 0; j <= lb; j++)
        row[j] = j;
    for (i = 1; i <= la; i++) {
        size_t prev = row[0], tmp;
        row[0] = i;
        for (j = 1; j <= lb; j++) {
            size_t best = prev + (a[i - 1] != b[j - 1]);
            tmp = row[j];
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            prev = tmp;
        }
    }
    return row[lb];
}

const char *dd_suggest(const char *word, const char *const *cands, int n)
{
    const char *best = NULL;
    size_t bestd = (size_t)-1, limit = strlen(word) / 3 + 2;
    int i;
    for (i = 0; i < n; i++) {
        size_t d = edit_distance(word, cands[i]);
        if (d < bestd) {
            bestd = d;
            best = cands[i];
        }
    }
    return bestd <= limit ? best : NULL;
}

/* ---------------------------------------------------------------- HTTP methods */

/* The methods the API uses, as bits (retry.methods) and names: the engine
 * (retries, send-once), raw requests and the options all read this one
 * list. */
static const char *const method_names[] = {"GET", "POST", "PUT", "PATCH", "DELETE"};

unsigned dd_method_bit(const char *m)
{
    unsigned i;
    for (i = 0; i < 5; i++)
        if (strcmp(m, method_names[i]) == 0)
            return 1u << i;
    return 0;
}

const char *dd_method_name(const char *m)
{
    unsigned bit = dd_method_bit(m), i;
    for (i = 0; bit > 1u << i; i++)
        ;
    return bit ? method_names[i] : NULL;
}
