/*
 * json_encode.c - Lua values to JSON, walking the operation's body schema at
 * the same time.
 *
 * One walk does two jobs: it validates the body against the schema (when
 * validation is on) and it knows, from the schema, that an empty table at
 * metadata.channels is a list ([]) and one at data.attributes an object ({}).
 * Fields the schema does not know pass through unchanged; there an empty
 * table is {} unless it carries datadog.array's metatable.
 *
 * Errors never raise: they are written to a dd_enc_err with the path of the
 * offending value (body.data.attributes.metadata.channels[1].redirect_url)
 * so that the caller can free its buffers first.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "../base/swar.h"

typedef struct seg {
    const char *key; /* NULL: an array index */
    size_t klen;
    lua_Integer idx;
} seg;

typedef struct enc {
    lua_State *L;
    dd_buf *out;
    int validate;
    dd_enc_err *err;
    dd_secrets *secrets;
    int array_mt; /* stack index */
    int depth;
    seg path[DD_MAX_DEPTH + 2];
    const void *tables[DD_MAX_DEPTH + 2]; /* tables on the path: cycles */
} enc;

static const char *const type_names[] = {
    "any value", "an object", "an array", "a string", "an integer",
    "a boolean", "an object", "a number", "an object", "any value"};

/* ---------------------------------------------------------------- errors */

static void path_write(enc *e, const char *extra)
{
    dd_enc_err *er = e->err;
    size_t n = 0, cap = sizeof er->path;
    int i, w;
    w = snprintf(er->path, cap, "body");
    n = (size_t)w;
    for (i = 0; i < e->depth && n < cap; i++) {
        if (e->path[i].key) {
            char key[64 + 4];
            dd_shown(key, sizeof key, e->path[i].key, e->path[i].klen, 60);
            w = snprintf(er->path + n, cap - n, ".%s", key);
        } else {
            w = snprintf(er->path + n, cap - n, "[%lld]",
                         (long long)e->path[i].idx);
        }
        if (w < 0)
            break;
        n += (size_t)w;
    }
    if (extra && n < cap)
        snprintf(er->path + n, cap - n, ".%s", extra);
}

static int fail_at(enc *e, const char *extra, const char *fmt, ...)
{
    va_list ap;
    path_write(e, extra);
    va_start(ap, fmt);
    vsnprintf(e->err->msg, sizeof e->err->msg, fmt, ap);
    va_end(ap);
    return 0;
}

#define fail(e, ...) fail_at((e), NULL, __VA_ARGS__)

static const char *lua_type_word(lua_State *L, int idx)
{
    if (lua_type(L, idx) == LUA_TLIGHTUSERDATA && !lua_touserdata(L, idx))
        return "null";
    return lua_typename(L, lua_type(L, idx));
}

static int type_error(enc *e, int idx, const dd_schema *s)
{
    return fail(e, "must be %s (got %s)", type_names[s->kind],
                lua_type_word(e->L, idx));
}

/* ---------------------------------------------------------------- scalars */

/* Checks UTF-8 and counts code points; -1 when invalid. ASCII, most of
 * what is sent, is skipped eight bytes at a time. */
static long utf8_count(const unsigned char *s, size_t len)
{
    const char *p = (const char *)s, *end = p + len;
    long n = 0;
    while (p < end) {
        const char *q = dd_ascii_run(p, end);
        long k;
        n += (long)(q - p);
        if (q >= end)
            break;
        k = dd_utf8_seq((const unsigned char *)q, (size_t)(end - q));
        if (k < 0)
            return -1;
        p = q + k;
        n++;
    }
    return n;
}

/* Appends s[0..len), already checked to be UTF-8, as a JSON string: runs of
 * plain bytes are copied whole, the rest escaped. */
static void add_string_checked(dd_buf *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    const char *p = s, *end = s + len;
    if (!dd_buf_reserve(out, len + 2))
        return;
    dd_buf_addc(out, '"');
    for (;;) {
        const char *q = dd_json_plain_run(p, end);
        unsigned char c;
        dd_buf_add(out, p, (size_t)(q - p));
        if (q >= end)
            break;
        c = (unsigned char)*q;
        p = q + 1;
        switch (c) {
        case '"': dd_buf_add(out, "\\\"", 2); break;
        case '\\': dd_buf_add(out, "\\\\", 2); break;
        case '\n': dd_buf_add(out, "\\n", 2); break;
        case '\r': dd_buf_add(out, "\\r", 2); break;
        case '\t': dd_buf_add(out, "\\t", 2); break;
        case '\b': dd_buf_add(out, "\\b", 2); break;
        case '\f': dd_buf_add(out, "\\f", 2); break;
        default: {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            dd_buf_add(out, u, 6);
        }
        }
    }
    dd_buf_addc(out, '"');
}

int dd_json_add_string(dd_buf *out, const char *s, size_t len)
{
    if (utf8_count((const unsigned char *)s, len) < 0)
        return 0;
    add_string_checked(out, s, len);
    return 1;
}

#if DD_HAVE_INTEGERS
/* Decimal digits of v, without printf's format parsing (every integer of a
 * body goes through here). */
static void add_integer(dd_buf *out, long long v)
{
    char tmp[24], *p = tmp + sizeof tmp;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        *--p = (char)('0' + (int)(u % 10));
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    dd_buf_add(out, p, (size_t)(tmp + sizeof tmp - p));
}
#endif

static void add_double(dd_buf *out, double v)
{
    char tmp[40];
    char *p;
    if (v == floor(v) && fabs(v) < 9.2e18) {
        snprintf(tmp, sizeof tmp, "%.0f", v);
    } else {
        snprintf(tmp, sizeof tmp, "%.15g", v);
        if (strtod(tmp, NULL) != v)
            snprintf(tmp, sizeof tmp, "%.17g", v);
    }
    for (p = tmp; *p; p++) /* a locale may have put a comma there */
        if (*p == ',')
            *p = '.';
    dd_buf_adds(out, tmp);
}

static int enc_number(enc *e, int idx, const dd_schema *s)
{
    lua_State *L = e->L;
    double v = (double)lua_tonumber(L, idx);
    int integral;
#if DD_HAVE_INTEGERS
    if (lua_isinteger(L, idx)) {
        lua_Integer i = lua_tointeger(L, idx);
        if (e->validate && s && s->kind == DD_T_INT32 &&
            (i < s->min || i > s->max))
            return fail(e, "must be an integer from %lld to %lld (got %lld)",
                        s->min, s->max, (long long)i);
        if (e->validate && s && s->kind != DD_T_INT32 && s->kind != DD_T_NUMBER &&
            s->kind != DD_T_ANY)
            return type_error(e, idx, s);
        add_integer(e->out, (long long)i);
        return 1;
    }
#endif
    if (isnan(v) || isinf(v))
        return fail(e, "NaN and infinity cannot be sent as JSON");
    integral = v == floor(v);
    if (e->validate && s && s->kind == DD_T_INT32) {
        if (!integral)
            return fail(e, "must be an integer (got %g)", v);
        if (v < (double)s->min || v > (double)s->max)
            return fail(e, "must be an integer from %lld to %lld (got %.0f)",
                        s->min, s->max, v);
    } else if (e->validate && s && s->kind != DD_T_NUMBER && s->kind != DD_T_ANY) {
        return type_error(e, idx, s);
    }
    add_double(e->out, v);
    return 1;
}

static int enc_string(enc *e, int idx, const dd_schema *s)
{
    size_t len;
    const char *str = lua_tolstring(e->L, idx, &len);
    long chars = utf8_count((const unsigned char *)str, len);
    if (chars < 0)
        return fail(e, "is not valid UTF-8");
    if (e->validate && s && s->kind != DD_T_ANY) {
        if (s->kind != DD_T_STRING)
            return type_error(e, idx, s);
        if (s->enums) {
            const char *const *v;
            char list[160];
            size_t n = 0;
            for (v = s->enums; *v; v++)
                if (strlen(*v) == len && memcmp(*v, str, len) == 0)
                    break;
            if (!*v) {
                char shown[40 + 4];
                list[0] = '\0';
                for (v = s->enums; *v && n < sizeof list; v++)
                    n += (size_t)snprintf(list + n, sizeof list - n, "%s%s",
                                          v == s->enums ? "" : ", ", *v);
                dd_shown(shown, sizeof shown, str, len, 40);
                return fail(e, "must be one of %s (got \"%s\")", list, shown);
            }
        }
        if (s->min > 0 && chars < s->min)
            return fail(e, s->min == 1 ? "must not be empty"
                                       : "must be at least %lld characters",
                        s->min);
        if (s->max > 0 && chars > s->max)
            return fail(e, "must be at most %lld characters (got %ld)", s->max,
                        chars);
    }
    add_string_checked(e->out, str, len);
    return 1;
}

/* ---------------------------------------------------------------- tables */

static int enc_value(enc *e, int idx, const dd_schema *s, unsigned flags);

typedef struct shape {
    size_t n;         /* number of keys */
    lua_Integer max;  /* largest positive integer key */
    int strings;      /* keys that are strings */
    int others;       /* keys that are neither strings nor positive integers */
} shape;

static void table_shape(lua_State *L, int idx, shape *sh)
{
    memset(sh, 0, sizeof *sh);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        sh->n++;
        if (lua_type(L, -1) == LUA_TSTRING) {
            sh->strings++;
        } else if (lua_type(L, -1) == LUA_TNUMBER) {
            lua_Number k = lua_tonumber(L, -1);
            if (k >= 1 && k == floor(k) && k < 9.2e18) {
                if ((lua_Integer)k > sh->max)
                    sh->max = (lua_Integer)k;
            } else {
                sh->others++;
            }
        } else {
            sh->others++;
        }
    }
}

static int has_mt(lua_State *L, int idx, int mt)
{
    int r;
    if (!lua_getmetatable(L, idx))
        return 0;
    r = lua_rawequal(L, -1, mt);
    lua_pop(L, 1);
    return r;
}

static int push_level(enc *e, int idx)
{
    const void *p = lua_topointer(e->L, idx);
    int i;
    for (i = 0; i < e->depth; i++)
        if (e->tables[i] == p)
            return fail(e, "table contains a cycle");
    if (e->depth >= DD_MAX_DEPTH)
        return fail(e, "nesting deeper than %d levels", DD_MAX_DEPTH);
    if (!lua_checkstack(e->L, 6))
        return fail(e, "nesting too deep");
    e->tables[e->depth] = p;
    e->path[e->depth].key = NULL;
    e->path[e->depth].idx = 0;
    e->depth++;
    return 1;
}

static int enc_array_items(enc *e, int idx, lua_Integer n, const dd_schema *items)
{
    lua_Integer i;
    if (!push_level(e, idx))
        return 0;
    dd_buf_addc(e->out, '[');
    for (i = 1; i <= n; i++) {
        if (i > 1)
            dd_buf_addc(e->out, ',');
        e->path[e->depth - 1].key = NULL;
        e->path[e->depth - 1].idx = i;
        lua_rawgeti(e->L, idx, (int)i);
        if (!enc_value(e, lua_gettop(e->L), items, 0))
            return 0;
        lua_pop(e->L, 1);
    }
    dd_buf_addc(e->out, ']');
    e->depth--;
    return 1;
}

/* The field named exactly k[0..klen). Lengths are compared first: a key
 * with a NUL inside ("type\0") must neither pass for "type" nor make the
 * compare read past the end of the shorter name. */
static const dd_field *find_field(const dd_field *f, const char *k, size_t klen)
{
    for (; f && f->name; f++)
        if (strlen(f->name) == klen && memcmp(f->name, k, klen) == 0)
            return f;
    return NULL;
}

/* One member "k":value, the value at vidx; f is its field in the schema, if
 * any. */
static int enc_member(enc *e, int vidx, const char *k, size_t klen,
                      const dd_field *f, int *first)
{
    lua_State *L = e->L;
    e->path[e->depth - 1].key = k;
    e->path[e->depth - 1].klen = klen;
    if (!*first)
        dd_buf_addc(e->out, ',');
    *first = 0;
    if (!dd_json_add_string(e->out, k, klen))
        return fail(e, "key is not valid UTF-8");
    dd_buf_addc(e->out, ':');
    if (f && (f->flags & DD_F_SECRET) && e->secrets &&
        lua_type(L, vidx) == LUA_TSTRING) {
        size_t slen;
        const char *sv = lua_tolstring(L, vidx, &slen);
        dd_secrets_add(e->secrets, sv, slen);
    }
    return enc_value(e, vidx, f ? f->schema : NULL, f ? f->flags : DD_F_NULLABLE);
}

/* An object: the schema's fields first, in the schema's order, then the
 * keys it does not know, each encoded as the field rest says (NULL: passed
 * through; a map's value schema). The order makes the bytes sent and the
 * error reported for a body with several faults the same on every run,
 * whatever Lua's table order. */
static int enc_object(enc *e, int idx, const dd_schema *s, const dd_field *rest)
{
    lua_State *L = e->L;
    int first = 1;
    uint64_t seen = 0;
    const dd_field *f;
    if (!push_level(e, idx))
        return 0;
    dd_buf_addc(e->out, '{');
    for (f = s ? s->fields : NULL; f && f->name; f++) {
        lua_pushstring(L, f->name);
        lua_rawget(L, idx);
        if (!lua_isnil(L, -1)) {
            seen |= (uint64_t)1 << (f - s->fields);
            if (!enc_member(e, lua_gettop(L), f->name, strlen(f->name), f, &first))
                return 0;
        }
        lua_pop(L, 1);
    }
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        size_t klen;
        const char *k;
        if (lua_type(L, -2) != LUA_TSTRING) {
            e->path[e->depth - 1].key = NULL;
            e->depth--;
            return fail(e, "object keys must be strings (got a %s key)",
                        lua_typename(L, lua_type(L, -2)));
        }
        k = lua_tolstring(L, -2, &klen);
        if (!(s && find_field(s->fields, k, klen)) &&
            !enc_member(e, lua_gettop(L), k, klen, rest, &first))
            return 0;
        lua_pop(L, 1);
    }
    dd_buf_addc(e->out, '}');
    e->path[e->depth - 1].key = NULL;
    e->depth--;
    if (e->validate && s) {
        const char *bad = NULL, *msg;
        for (f = s->fields; f && f->name; f++)
            if ((f->flags & DD_F_REQUIRED) &&
                !(seen & ((uint64_t)1 << (f - s->fields))))
                return fail_at(e, f->name, "required");
        if (s->rule && (msg = s->rule(L, idx, &bad)) != NULL)
            return fail_at(e, bad, "%s", msg);
    }
    return 1;
}

/* A table with no schema: its keys decide between array and object. */
static int enc_table_any(enc *e, int idx)
{
    shape sh;
    table_shape(e->L, idx, &sh);
    if (sh.n == 0) {
        dd_buf_adds(e->out, has_mt(e->L, idx, e->array_mt) ? "[]" : "{}");
        return 1;
    }
    if (sh.strings == 0 && sh.others == 0) {
        if ((size_t)sh.max != sh.n)
            return fail(e, "array has holes (%lu items, largest index %lld)",
                        (unsigned long)sh.n, (long long)sh.max);
        return enc_array_items(e, idx, sh.max, NULL);
    }
    if (sh.strings == (int)sh.n)
        return enc_object(e, idx, NULL, NULL);
    if (sh.others)
        return fail(e, "table has keys that are neither strings nor array "
                       "indexes");
    return fail(e, "table mixes array items and object keys");
}

static int enc_table(enc *e, int idx, const dd_schema *s)
{
    shape sh;
    if (!s || s->kind == DD_T_ANY)
        return enc_table_any(e, idx);
    switch (s->kind) {
    case DD_T_OBJECT:
        if (e->validate) {
            table_shape(e->L, idx, &sh);
            if (sh.strings != (int)sh.n)
                return fail(e, "must be an object (got %s)",
                            sh.others ? "a table with non-string keys"
                                      : "an array");
        }
        return enc_object(e, idx, s, NULL);
    case DD_T_MAP: {
        dd_field value = {NULL, NULL, DD_F_NULLABLE, NULL};
        table_shape(e->L, idx, &sh);
        if (sh.n > 0 && sh.strings != (int)sh.n) {
            if (e->validate)
                return fail(e, "must be an object (got %s)",
                            sh.others ? "a table with non-string keys" : "an array");
            return enc_table_any(e, idx);
        }
        value.schema = s->items;
        return enc_object(e, idx, NULL, &value);
    }
    case DD_T_ARRAY:
        table_shape(e->L, idx, &sh);
        if (sh.n == 0) {
            dd_buf_add(e->out, "[]", 2);
            return 1;
        }
        if (sh.strings || sh.others) {
            if (e->validate)
                return fail(e, "must be an array (got an object)");
            return enc_table_any(e, idx);
        }
        if ((size_t)sh.max != sh.n)
            return fail(e, "array has holes (%lu items, largest index %lld)",
                        (unsigned long)sh.n, (long long)sh.max);
        return enc_array_items(e, idx, sh.max, s->items);
    case DD_T_ONEOF: {
        const dd_schema *const *o;
        const dd_schema *pick = NULL;
        int found = 0;
        for (o = s->oneof; *o; o++) {
            lua_pushstring(e->L, (*o)->fields[0].name);
            lua_rawget(e->L, idx);
            if (!lua_isnil(e->L, -1)) {
                found++;
                if (!pick)
                    pick = *o;
            }
            lua_pop(e->L, 1);
        }
        if (e->validate && found != 1) { /* the list, only for the message */
            char names[120];
            size_t n = 0;
            names[0] = '\0';
            for (o = s->oneof; *o && n < sizeof names; o++)
                n += (size_t)snprintf(names + n, sizeof names - n, "%s%s",
                                      o == s->oneof ? "" : ", ", (*o)->fields[0].name);
            return fail(e, found == 0 ? "must have one of %s" : "must have only one of %s",
                        names);
        }
        return pick ? enc_table(e, idx, pick) : enc_table_any(e, idx);
    }
    default:
        if (e->validate)
            return type_error(e, idx, s);
        return enc_table_any(e, idx);
    }
}

/* Whether a value of Lua type t can be of schema s at all. */
static int kind_fits(int t, const dd_schema *s)
{
    switch (s->kind) {
    case DD_T_STRING: return t == LUA_TSTRING;
    case DD_T_INT32:
    case DD_T_NUMBER: return t == LUA_TNUMBER;
    case DD_T_BOOL: return t == LUA_TBOOLEAN;
    case DD_T_OBJECT:
    case DD_T_ARRAY:
    case DD_T_MAP:
    case DD_T_ONEOF: return t == LUA_TTABLE;
    default: return 1;
    }
}

/* The first alternative the value fits, each tried with validation on
 * (what it wrote is taken back when it does not fit). With validation
 * off and none fitting, the value goes as it is. Kept out of enc_value,
 * which every value goes through. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int enc_union(enc *e, int idx, const dd_schema *s, unsigned flags)
{
    lua_State *L = e->L;
    const dd_schema *const *o;
    const dd_schema *only = NULL;
    size_t mark = e->out->len;
    int depth = e->depth, validate = e->validate, top = lua_gettop(L), fits = 0;
    e->validate = 1;
    for (o = s->oneof; *o; o++) {
        if (enc_value(e, idx, *o, flags)) {
            e->validate = validate;
            return 1;
        }
        e->out->len = mark; /* the failed attempt's bytes */
        if (e->out->data)
            e->out->data[mark] = '\0';
        e->depth = depth;
        lua_settop(L, top);
        if (kind_fits(lua_type(L, idx), *o)) {
            fits++;
            only = *o;
        }
    }
    e->validate = validate;
    if (!validate)
        return enc_value(e, idx, NULL, flags);
    if (fits == 1) /* its own error says what is wrong, and where */
        return enc_value(e, idx, only, flags);
    return fail(e, "must be one of %s (got %s)", s->name, lua_type_word(L, idx));
}

static int enc_value(enc *e, int idx, const dd_schema *s, unsigned flags)
{
    lua_State *L = e->L;
    if (s && s->kind == DD_T_ANY)
        s = NULL;
    if (s && s->kind == DD_T_UNION &&
        !(lua_type(L, idx) == LUA_TLIGHTUSERDATA && lua_touserdata(L, idx) == NULL))
        return enc_union(e, idx, s, flags);
    switch (lua_type(L, idx)) {
    case LUA_TSTRING:
        return enc_string(e, idx, s);
    case LUA_TNUMBER:
        return enc_number(e, idx, s);
    case LUA_TBOOLEAN:
        if (e->validate && s && s->kind != DD_T_BOOL)
            return type_error(e, idx, s);
        dd_buf_adds(e->out, lua_toboolean(L, idx) ? "true" : "false");
        return 1;
    case LUA_TTABLE:
        return enc_table(e, idx, s);
    case LUA_TLIGHTUSERDATA:
        if (lua_touserdata(L, idx) == NULL) {
            if (e->validate && s && !(flags & DD_F_NULLABLE))
                return fail(e, "must not be null");
            dd_buf_add(e->out, "null", 4);
            return 1;
        }
        /* fall through */
    default:
        return fail(e, "cannot be sent as JSON (got a %s)",
                    lua_typename(L, lua_type(L, idx)));
    }
}

int dd_json_encode(lua_State *L, int idx, const dd_schema *schema,
                   int validate, dd_buf *out, dd_enc_err *err,
                   dd_secrets *secrets)
{
    enc state; /* on the C stack: a Lua error unwinding past us leaks nothing */
    enc *e = &state;
    int ok, top = lua_gettop(L);
    idx = dd_absindex(L, idx);
    err->path[0] = err->msg[0] = '\0';
    e->L = L;
    e->out = out;
    e->validate = validate;
    e->err = err;
    e->secrets = secrets;
    e->depth = 0;
    dd_rawgetp_registry(L, dd_key_array_mt);
    e->array_mt = lua_gettop(L);
    ok = enc_value(e, idx, schema, 0);
    if (ok && out->failed) {
        snprintf(err->path, sizeof err->path, "body");
        snprintf(err->msg, sizeof err->msg, "out of memory");
        ok = 0;
    }
    lua_settop(L, top);
    return ok;
}
