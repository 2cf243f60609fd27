/*
 * secrets.c - what must never be shown (the two keys, and body fields marked
 * DD_F_SECRET such as a PagerDuty service_key), and masking it.
 *
 * A call's secrets are copies owned by its request: a transport or debug
 * function may drop every Lua reference to the body it came from, and the
 * call must still mask it afterwards (issue: masking once read strings the
 * collector had freed). The copies are wiped when reset or freed.
 */
#include <string.h>

#include "base.h"

void dd_secrets_init(dd_secrets *sec)
{
    dd_buf_init(&sec->store);
    sec->n = 0;
}

/* Zeroes the copies: they are credentials. */
static void wipe(dd_secrets *sec)
{
    if (sec->store.data) {
        volatile char *p = sec->store.data;
        size_t i;
        for (i = 0; i < sec->store.len; i++)
            p[i] = '\0';
    }
}

void dd_secrets_reset(dd_secrets *sec)
{
    wipe(sec);
    dd_buf_reset(&sec->store);
    sec->n = 0;
}

void dd_secrets_free(dd_secrets *sec)
{
    wipe(sec);
    dd_buf_free(&sec->store);
    sec->n = 0;
}

void dd_secrets_add(dd_secrets *sec, const char *s, size_t len)
{
    /* Very short values would mask ordinary text, and cannot be secrets
     * worth the name. An allocation failure drops the secret from the store
     * (store.failed): masking then refuses to show anything (see find). */
    if (!s || len < 4 || sec->n >= DD_MAX_SECRETS)
        return;
    sec->off[sec->n] = sec->store.len;
    sec->len[sec->n] = len;
    dd_buf_add(&sec->store, s, len);
    sec->n++;
}

const char *dd_secrets_find(const dd_secrets *sec, const char *p,
                            const char *end, size_t *len)
{
    const char *best = NULL;
    int i;
    for (i = 0; i < sec->n; i++) {
        const char *key = sec->store.data + sec->off[i], *q = p;
        size_t n = sec->len[i];
        while ((size_t)(end - q) >= n) {
            const char *hit = memchr(q, key[0], (size_t)(end - q) - n + 1);
            if (!hit)
                break;
            if (memcmp(hit, key, n) == 0) {
                if (!best || hit < best) {
                    best = hit;
                    *len = n;
                }
                break;
            }
            q = hit + 1;
        }
    }
    return best;
}

void dd_secrets_push_masked(lua_State *L, const dd_secrets *sec, const char *s,
                            size_t len)
{
    const char *p, *end = s + len, *hit;
    size_t n;
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (p = s; (hit = dd_secrets_find(sec, p, end, &n)) != NULL; p = hit + n) {
        luaL_addlstring(&b, p, (size_t)(hit - p));
        luaL_addstring(&b, "****");
    }
    luaL_addlstring(&b, p, (size_t)(end - p));
    luaL_pushresult(&b);
}

void dd_secrets_mask(lua_State *L, const dd_secrets *sec, int idx)
{
    size_t len, n;
    const char *s;
    if (!sec || sec->n == 0 || lua_type(L, idx) != LUA_TSTRING)
        return;
    idx = dd_absindex(L, idx);
    s = lua_tolstring(L, idx, &len);
    if (!dd_secrets_find(sec, s, s + len, &n))
        return; /* the string stays as it is: no copy */
    dd_secrets_push_masked(L, sec, s, len);
    lua_replace(L, idx);
}

/* ---------------------------------------------------------------- cut text */

/* Text cut to fit a buffer may end inside a secret, where whole-secret
 * masking no longer sees it: a tail of the text that is the start of a
 * secret (however short) is masked too. Only for text known to be cut,
 * since an ordinary ending may look like a secret's first bytes. */
void dd_secrets_mask_cut(lua_State *L, const dd_secrets *sec, int idx)
{
    size_t len, tail = 0;
    const char *s;
    int i;
    if (!sec || sec->n == 0 || lua_type(L, idx) != LUA_TSTRING)
        return;
    idx = dd_absindex(L, idx);
    dd_secrets_mask(L, sec, idx);
    s = lua_tolstring(L, idx, &len);
    for (i = 0; i < sec->n; i++) {
        const char *key = sec->store.data + sec->off[i];
        size_t k = sec->len[i] - 1 < len ? sec->len[i] - 1 : len;
        for (; k > tail; k--) /* the longest tail that starts this secret */
            if (memcmp(s + len - k, key, k) == 0) {
                tail = k;
                break;
            }
    }
    if (tail == 0)
        return;
    lua_pushlstring(L, s, len - tail);
    lua_pushliteral(L, "****");
    lua_concat(L, 2);
    lua_replace(L, idx);
}

/* ---------------------------------------------------------------- JSON text */

/* The code point of \uXXXX at p (6 bytes), or -1. */
static long json_u(const char *p, const char *end)
{
    long cp = 0;
    int i, h;
    if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
        return -1;
    for (i = 2; i < 6; i++) {
        if ((h = dd_hexval((unsigned char)p[i])) < 0)
            return -1;
        cp = cp * 16 + h;
    }
    return cp;
}

/* The bytes one JSON string escape at p stands for, in out (up to 4);
 * their count, with the escape's length in *used; 0 when p is not one. */
static size_t json_unescape1(const char *p, const char *end, char *out, size_t *used)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    const char *f;
    long cp;
    if (end - p < 2 || p[0] != '\\')
        return 0;
    if ((f = strchr(from, p[1])) != NULL && p[1]) {
        out[0] = to[f - from];
        *used = 2;
        return 1;
    }
    if ((cp = json_u(p, end)) < 0)
        return 0;
    *used = 6;
    if (cp >= 0xD800 && cp <= 0xDBFF) { /* a surrogate pair */
        long lo = json_u(p + 6, end);
        if (lo < 0xDC00 || lo > 0xDFFF)
            return 0;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        *used = 12;
    }
    return dd_utf8_put(out, (unsigned)cp);
}

/* How many bytes at p spell key[0..n) in JSON string text, each byte as
 * itself or inside an escape (\u0061, \/, a surrogate pair...); 0: none. */
static size_t json_match(const char *p, const char *end, const char *key, size_t n)
{
    const char *q = p;
    size_t i = 0;
    while (i < n) {
        char u[4];
        size_t used, k;
        if (q < end && *q == '\\' && (k = json_unescape1(q, end, u, &used)) > 0) {
            if (k > n - i || memcmp(u, key + i, k) != 0)
                return 0;
            i += k;
            q += used;
        } else if (q < end && *q == key[i]) {
            i++;
            q++;
        } else {
            return 0;
        }
    }
    return (size_t)(q - p);
}

/* Like dd_secrets_push_masked, for JSON text: a secret is masked in every
 * form a JSON string can give it. A server that echoes a key back in an
 * error body may escape any of its characters ("\u0061bcd" is "abcd");
 * the decoded err.errors hold the plain form, err.body the raw one. */
void dd_secrets_mask_json(lua_State *L, const dd_secrets *sec, int idx)
{
    size_t len;
    const char *s, *p, *end, *from;
    luaL_Buffer b;
    int any = 0;
    if (!sec || sec->n == 0 || lua_type(L, idx) != LUA_TSTRING)
        return;
    idx = dd_absindex(L, idx);
    s = lua_tolstring(L, idx, &len);
    if (!memchr(s, '\\', len)) { /* no escape: the plain form is the only one */
        dd_secrets_mask(L, sec, idx);
        return;
    }
    end = s + len;
    luaL_buffinit(L, &b);
    for (p = from = s; p < end;) {
        size_t best = 0;
        int i;
        for (i = 0; i < sec->n; i++) {
            const char *key = sec->store.data + sec->off[i];
            size_t m;
            if ((*p == key[0] || *p == '\\') &&
                (m = json_match(p, end, key, sec->len[i])) > best)
                best = m;
        }
        if (best == 0) {
            p++;
            continue;
        }
        luaL_addlstring(&b, from, (size_t)(p - from));
        luaL_addstring(&b, "****");
        p = from = p + best;
        any = 1;
    }
    luaL_addlstring(&b, from, (size_t)(end - from));
    luaL_pushresult(&b);
    if (any)
        lua_replace(L, idx);
    else
        lua_pop(L, 1);
}
