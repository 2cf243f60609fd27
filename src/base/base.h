/*
 * base.h - the module's ground floor: what every other room uses.
 *   buf.c      growable byte buffers that never raise
 *   text.c     caller text in messages, percent-encoding, suggestions,
 *              HTTP method names
 *   secrets.c  what must never be shown, and masking it
 *   keys.c     the registry keys shared by the whole module
 * compat.h (Lua 5.1 to 5.4 and LuaJIT from one source) and swar.h (word-
 * at-a-time scanning) are here too. Includes nothing of the module's.
 */
#ifndef DD_BASE_H
#define DD_BASE_H

#include <stddef.h>
#include <stdint.h>

#include "compat.h"

#define DD_VERSION "0.1.0"

#define DD_STR_(x) #x
#define DD_STR(x) DD_STR_(x)

/* ---------------------------------------------------------------- buffer */

typedef struct dd_buf {
    char *data;
    size_t len, cap;
    int failed; /* an allocation failed; contents are incomplete */
} dd_buf;

void dd_buf_init(dd_buf *b);
void dd_buf_free(dd_buf *b);
void dd_buf_reset(dd_buf *b);
int dd_buf_reserve(dd_buf *b, size_t extra);
void dd_buf_add(dd_buf *b, const char *s, size_t n);
/* Inline: the encoders add single characters all the time. */
static inline void dd_buf_addc(dd_buf *b, char c)
{
    if (b->len + 1 < b->cap) { /* fast path: room for c and the NUL */
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return;
    }
    dd_buf_add(b, &c, 1);
}
void dd_buf_adds(dd_buf *b, const char *s);
void dd_buf_printf(dd_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* text.c: RFC 3986 unreserved characters, the only ones left as they are. */
int dd_unreserved(unsigned char c);
/* Percent-encodes s whole into out: only unreserved characters stay. */
void dd_percent_encode(dd_buf *out, const char *s, size_t len);
/* "did you mean": the closest of n candidates within a small distance, or
 * NULL. */
const char *dd_suggest(const char *word, const char *const *cands, int n);
/* A caller's text s[0..len) fit to be echoed in a one-line message: at
 * most max bytes (then "..."), control characters and bytes that are not
 * UTF-8 escaped (\n, \xHH), never a character cut. Writes dst (dstsz >=
 * max + 4) and returns it. DD_SHOWN is the size for names (max 60). */
#define DD_SHOWN 64
const char *dd_shown(char *dst, size_t dstsz, const char *s, size_t len,
                     size_t max);
/* The length of the UTF-8 sequence at s (1 to 4), or -1 when invalid. */
long dd_utf8_seq(const unsigned char *s, size_t len);
/* A hex digit's value, or -1 (JSON \u escapes: the decoder, masking). */
static inline int dd_hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}
/* Writes code point cp as UTF-8 at o; returns the number of bytes (1-4). */
static inline size_t dd_utf8_put(char *o, unsigned cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* HTTP methods as bits (retry.methods) */
#define DD_M_GET 1u
#define DD_M_POST 2u
#define DD_M_PUT 4u
#define DD_M_PATCH 8u
#define DD_M_DELETE 16u
unsigned dd_method_bit(const char *m);
/* The method's name as a static string (m is any copy of it), or NULL. */
const char *dd_method_name(const char *m);

/* Values that must never be shown: the keys, and body fields marked
 * DD_F_SECRET. Copies, owned by the request (secrets.c). */
#define DD_MAX_SECRETS 8
typedef struct dd_secrets {
    dd_buf store; /* the values, one after another */
    size_t off[DD_MAX_SECRETS], len[DD_MAX_SECRETS];
    int n;
} dd_secrets;

void dd_secrets_init(dd_secrets *sec);
void dd_secrets_reset(dd_secrets *sec); /* wipes the copies */
void dd_secrets_free(dd_secrets *sec);
/* Copies s[0..len) in (values shorter than 4 bytes are not kept). */
void dd_secrets_add(dd_secrets *sec, const char *s, size_t len);
/* The first secret in p[0..end), its length in *len; NULL when none. */
const char *dd_secrets_find(const dd_secrets *sec, const char *p,
                            const char *end, size_t *len);
/* Pushes s[0..len) with every secret in it replaced by "****". */
void dd_secrets_push_masked(lua_State *L, const dd_secrets *sec, const char *s,
                            size_t len);
/* Replaces the string at idx with a copy where every secret reads "****". */
void dd_secrets_mask(lua_State *L, const dd_secrets *sec, int idx);
/* The same for text that was cut to fit: a tail that starts a secret is
 * masked too. */
void dd_secrets_mask_cut(lua_State *L, const dd_secrets *sec, int idx);
/* The same for JSON text: secrets spelt with string escapes too. */
void dd_secrets_mask_json(lua_State *L, const dd_secrets *sec, int idx);

/* Registry keys for the sentinels and metatables shared by the whole
 * module; their addresses are the keys. */
extern const char dd_key_array_mt[];
extern const char dd_key_object_mt[];
extern const char dd_key_error_mt[];
extern const char dd_key_client_mt[];
extern const char dd_key_methods[];

#endif
