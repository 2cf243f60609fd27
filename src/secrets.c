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

#include "dd.h"

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
