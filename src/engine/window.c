/*
 * window.c - rate-limit windows as a budget, the one place their rules live.
 *
 * Datadog announces a window on its answers (X-RateLimit-Limit, -Remaining,
 * -Reset in seconds, -Period, -Name) and answers 429 past it. Retrying after
 * a 429 is the retry policy's (call.c); this file keeps calls from sending
 * into the 429 in the first place, across every call that shares a store:
 *
 * - a known window is a count of sends left ("w:NAME", expiring at the
 *   reset): each send takes one, atomically; a count below zero waits for
 *   the reset (the key's time to live);
 * - while a window is unknown (never seen, or expired), one call probes it
 *   ("p:NAME", held no longer than an attempt) and the others of that window
 *   wait for its answer, which tells the count; so a burst does not all go
 *   out at the reset into new 429s;
 * - an operation's window name is learnt from its answers ("n:OP"); an
 *   operation whose answers announce no window is let through for a minute
 *   before it is probed again.
 *
 * The store is six atomic operations on keys with a time to live (get,
 * incr, add, set, ttl, del), so any store can hold it: this file's
 * in-process table (the default, per client), an nginx lua_shared_dict
 * (every worker draws on one count), Redis (every host). Each key starts
 * with the client's scope: the site or base URL and a hash of the API key,
 * never the key. The engine asks for one operation at a time and is fed
 * the reply: sans-I/O, so a store reached over a socket may yield.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine.h"

/* seconds an operation with no announced window is let through unprobed */
#define NO_WINDOW_TTL 60.0
/* seconds an operation's window name is remembered */
#define NAME_TTL 3600.0
/* seconds between looks while another call probes an unknown window */
#define PROBE_POLL 0.02
/* seconds a probe under an operation's name is held once the window's own
 * name is known: longer than a call takes between reading a name and
 * asking for the probe */
#define RENAMED_HOLD 1.0

enum {
    W_IDLE,
    W_TAKE_NAME,  /* get n:OP */
    W_TAKE_COUNT, /* incr w:NAME -1 */
    W_TAKE_TTL,   /* ttl w:NAME (the count is spent) */
    W_TAKE_PROBE, /* add p:NAME (the window is unknown) */
    W_TAKE_FIX,   /* del w:NAME (a count that never resets) */
    W_TAKE_PACE,  /* ttl w:NAME (pace: how long the sends left have) */
    W_NOTE_NAME,  /* set n:OP */
    W_NOTE_COUNT, /* add or set w:NAME */
    W_NOTE_PROBE  /* del p:NAME */
};

const char *const dd_store_op_names[] = {"get", "incr", "add", "set", "ttl", "del"};

/* ---------------------------------------------------------------- asking */

/* Appends n bytes of s at *o, within end (a key cut to fit the buffer is
 * still one key, and scopes and names are bounded well below it). */
static char *put_bytes(char *o, const char *end, const char *s, size_t n)
{
    if (n > (size_t)(end - o))
        n = (size_t)(end - o);
    memcpy(o, s, n);
    return o + n;
}

/* The store operation op on key SCOPE:prefix:name, with a string value
 * (str) or a number (num, when str is NULL). Built by hand: this runs
 * before every send, and a formatted print would cost more than the
 * lookup it prepares. */
static int ask(const dd_client *c, dd_window *w, int phase, int op, char prefix,
               const char *name, const char *str, double num, double ttl)
{
    char *o = w->key, *end = w->key + sizeof w->key - 1;
    char sep[3] = {':', prefix, ':'};
    w->phase = phase;
    w->op = op;
    o = put_bytes(o, end, c->scope, c->scope_len);
    o = put_bytes(o, end, sep, 3);
    o = put_bytes(o, end, name, strlen(name));
    *o = '\0';
    w->is_num = str == NULL;
    w->num = num;
    if (str) {
        size_t n = strlen(str);
        if (n >= sizeof w->value)
            n = sizeof w->value - 1;
        memcpy(w->value, str, n);
        w->value[n] = '\0';
    }
    w->ttl = ttl;
    return DD_W_ASK;
}

static int go(dd_window *w)
{
    w->phase = W_IDLE;
    return DD_W_GO;
}

static int wait_for(dd_window *w, double seconds, const char *why)
{
    w->phase = W_IDLE;
    w->wait = seconds;
    w->why = why;
    return DD_W_WAIT;
}

/* ---------------------------------------------------------------- before a send */

int dd_window_take(const dd_client *c, dd_call *k, const dd_store_reply *r)
{
    dd_window *w = &k->win;
    if (r && r->failed) /* a store that fails never stops a call */
        return go(w);
    switch (w->phase) {
    case W_IDLE:
        if (w->paced) { /* back from a pacing wait: its send was taken already */
            w->paced = 0;
            return go(w);
        }
        w->probe = 0;
        return ask(c, w, W_TAKE_NAME, DD_ST_GET, 'n', k->req.op->id, "", 0, 0);
    case W_TAKE_NAME:
        if (r->has_str && r->len == 1 && r->str[0] == '-')
            return go(w); /* this operation announces no window */
        if (r->has_str && r->len > 0 && r->len < sizeof w->name) {
            memcpy(w->name, r->str, r->len);
            w->name[r->len] = '\0';
        } else {
            snprintf(w->name, sizeof w->name, "%s", k->req.op->id);
        }
        return ask(c, w, W_TAKE_COUNT, DD_ST_INCR, 'w', w->name, NULL, -1, 0);
    case W_TAKE_COUNT:
        if (!r->has_num) /* unknown or expired: probe it, or wait for the probe */
            /* held no longer than an attempt can last */
            return ask(c, w, W_TAKE_PROBE, DD_ST_ADD, 'p', w->name, NULL, 1,
                       (double)k->pol.timeout_ms / 1e3 + 1);
        if (r->num >= 0) { /* the window is known and counted */
            if (c->pace) { /* the sends left spread over the time left */
                w->left = r->num;
                return ask(c, w, W_TAKE_PACE, DD_ST_TTL, 'w', w->name, "", 0, 0);
            }
            return go(w);
        }
        return ask(c, w, W_TAKE_TTL, DD_ST_TTL, 'w', w->name, "", 0, 0);
    case W_TAKE_PACE: {
        /* this send is taken: it goes after its share of the time left, so
         * that the last of the window's sends leaves just before the reset
         * instead of all of them at once and then a wait */
        double share = r->has_num && r->num > 0 ? r->num / (w->left + 1) : 0;
        if (share < 0.001)
            return go(w);
        w->paced = 1;
        return wait_for(w, share, "pacing the rate-limit window");
    }
    case W_TAKE_TTL:
        /* spent: wait for the reset; a count with no reset (no time to
         * live: written by something else) would hold every call for ever,
         * so it goes, and this call with it */
        if (r->has_num && r->num > 0)
            return wait_for(w, r->num, "the rate-limit window is spent");
        if (r->has_num)
            return ask(c, w, W_TAKE_FIX, DD_ST_DEL, 'w', w->name, "", 0, 0);
        return wait_for(w, 0.001, "the rate-limit window is spent"); /* just reset */
    case W_TAKE_PROBE:
        if (r->has_num && r->num != 0) {
            w->probe = 1;
            snprintf(w->probe_name, sizeof w->probe_name, "%s", w->name);
            return go(w);
        }
        return wait_for(w, PROBE_POLL, "another call is learning the rate-limit window");
    default:
        return go(w);
    }
}

/* A call that ends without an answer gives back the probe it holds:
 * DD_W_ASK (the del, in k->win) or DD_W_GO when it holds none. */
int dd_window_drop(const dd_client *c, dd_call *k)
{
    dd_window *w = &k->win;
    if (!w->probe)
        return DD_W_GO;
    w->probe = 0;
    return ask(c, w, W_NOTE_PROBE, DD_ST_DEL, 'p', w->probe_name, "", 0, 0);
}

/* ---------------------------------------------------------------- after an answer */

/* The window an answer announces: 1 with its name, remaining and reset. */
static int announced(const dd_result *res, char *name, size_t namesz, double *remaining,
                     double *reset)
{
    size_t len;
    const char *v;
    if (!dd_header_number(&res->headers, "X-RateLimit-Reset", reset) || !(*reset > 0) ||
        *reset > 86400 ||
        !dd_header_number(&res->headers, "X-RateLimit-Remaining", remaining))
        return 0;
    v = dd_header_value(&res->headers, "X-RateLimit-Name", &len);
    if (v && len > 0 && len < namesz) {
        memcpy(name, v, len);
        name[len] = '\0';
    } else {
        name[0] = '\0';
    }
    return 1;
}

int dd_window_note(const dd_client *c, dd_call *k, const dd_store_reply *r)
{
    dd_window *w = &k->win;
    const dd_result *res = &k->res;
    if (r && r->failed)
        return go(w);
    switch (w->phase) {
    case W_IDLE: {
        double remaining, reset;
        char name[sizeof w->name];
        w->renamed = 0;
        if (res->status == 0) {
            /* no answer: a probe hands the window to the next call */
            if (w->probe)
                return ask(c, w, W_NOTE_PROBE, DD_ST_DEL, 'p', w->probe_name, "", 0, 0);
            return go(w);
        }
        /* Only a call that probed the window writes its count, and any
         * 429 writes it spent. Another answer has nothing to tell: its call
         * took from a known count, or went without one (no window, a store
         * that failed, retry.max_wait passed), and its Remaining may be the
         * last window's, read after that window's count expired: written
         * as a new count it would let that many more calls into the new
         * window. */
        if (!w->probe && res->status != 429)
            return go(w);
        if (!announced(res, name, sizeof name, &remaining, &reset))
            return ask(c, w, W_NOTE_PROBE, DD_ST_SET, 'n', k->req.op->id, "-", 0,
                       NO_WINDOW_TTL);
        if (name[0] && strcmp(name, w->name) != 0) {
            snprintf(w->name, sizeof w->name, "%s", name);
            w->renamed = 1;
        }
        w->reset = reset;
        w->remaining = res->status == 429 ? 0 : remaining;
        /* the server's count is the truth at its moment, but calls in
         * flight since then have taken theirs: a count already kept is
         * left as it is, unless the server says the window is spent.
         * The count is written before the name: a call that reads the
         * new name must find its count, or it would probe the window
         * again beside this call's probe (two probes, one send too many) */
        return ask(c, w, W_NOTE_COUNT, w->remaining <= 0 ? DD_ST_SET : DD_ST_ADD, 'w',
                   w->name, NULL, w->remaining, w->reset);
    }
    case W_NOTE_COUNT:
        if (w->renamed)
            return ask(c, w, W_NOTE_NAME, DD_ST_SET, 'n', k->req.op->id, w->name, 0, NAME_TTL);
        /* fall through */
    case W_NOTE_NAME:
        if (w->probe && strcmp(w->probe_name, w->name) != 0)
            /* probed under another name (the operation's, before its
             * window's was known): a call that read the old name just
             * before the new one was written must still find this probe,
             * wait, and read the name again, not probe a second time */
            return ask(c, w, W_NOTE_PROBE, DD_ST_SET, 'p', w->probe_name, NULL, 1, RENAMED_HOLD);
        if (w->probe)
            return ask(c, w, W_NOTE_PROBE, DD_ST_DEL, 'p', w->probe_name, "", 0, 0);
        return go(w);
    default:
        return go(w);
    }
}

/* ---------------------------------------------------------------- the in-process store */

/* A small table of keys with expiry times, per client: the store when no
 * other is given. A key is kept as its 64-bit hash (a client has a few
 * hundred keys at most); open addressing over a power of two; an expired
 * entry is a free one. About 30 KiB, made on the client's first call. */
#define LOCAL_SLOTS 256

typedef struct entry {
    uint64_t key; /* 0: never used */
    char str[96];
    double num;
    int is_num;
    double expires;
} entry;

struct dd_local_store {
    entry e[LOCAL_SLOTS];
};

static uint64_t hash(const char *s)
{
    uint64_t h = 14695981039346656037ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h ? h : 1;
}

/* The live entry of key, or a free slot for it (NULL when full). */
static entry *slot(dd_local_store *st, uint64_t key, double now, int *found)
{
    unsigned i = (unsigned)(key & (LOCAL_SLOTS - 1)), n;
    entry *free_slot = NULL;
    *found = 0;
    for (n = 0; n < LOCAL_SLOTS; n++, i = (i + 1) & (LOCAL_SLOTS - 1)) {
        entry *e = &st->e[i];
        if (e->key == 0)
            return free_slot ? free_slot : e;
        if (e->expires <= now) {
            if (!free_slot)
                free_slot = e;
            if (e->key == key)
                return free_slot;
            continue;
        }
        if (e->key == key) {
            *found = 1;
            return e;
        }
    }
    return free_slot;
}

static void put(entry *e, uint64_t key, const dd_window *w, double now)
{
    e->key = key;
    e->is_num = w->is_num;
    e->num = w->is_num ? w->num : 0;
    if (w->is_num)
        e->str[0] = '\0';
    else
        memcpy(e->str, w->value, sizeof e->str);
    e->expires = now + w->ttl;
}

void dd_local_store_run(dd_local_store *st, const dd_window *w, dd_store_reply *r, double now)
{
    int found;
    uint64_t key = hash(w->key);
    entry *e = slot(st, key, now, &found);
    memset(r, 0, sizeof *r);
    if (!e) { /* full: as a store that failed, it stops nothing */
        r->failed = 1;
        return;
    }
    switch (w->op) {
    case DD_ST_GET:
        if (found && e->is_num) {
            r->has_num = 1;
            r->num = e->num;
        } else if (found) {
            r->has_str = 1;
            r->str = e->str;
            r->len = strlen(e->str);
        }
        break;
    case DD_ST_INCR:
        if (found && e->is_num) {
            e->num += w->num;
            r->has_num = 1;
            r->num = e->num;
        }
        break;
    case DD_ST_ADD:
        r->has_num = 1;
        r->num = found ? 0 : 1;
        if (!found)
            put(e, key, w, now);
        break;
    case DD_ST_SET:
        put(e, key, w, now);
        break;
    case DD_ST_TTL:
        if (found) {
            r->has_num = 1;
            r->num = e->expires - now;
        }
        break;
    case DD_ST_DEL:
        if (found)
            e->expires = now; /* free, and the probe chain stays intact */
        break;
    }
}

dd_local_store *dd_local_store_new(void)
{
    return calloc(1, sizeof(dd_local_store));
}

/* ---------------------------------------------------------------- the scope */

/* The prefix of every key: the site or base URL, and a hash of the API key
 * (FNV-1a, 64 bits), so that two organisations never share a count and no
 * store ever holds a key. */
void dd_window_scope(dd_client *c)
{
    /* the organisation's: its API key, or the token that stands for it */
    uint64_t h = hash(c->api_key ? c->api_key : c->access_token ? c->access_token : "");
    snprintf(c->scope, sizeof c->scope, "datadog:%.200s:%016llx",
             c->site ? c->site : c->base_url, (unsigned long long)h);
    c->scope_len = strlen(c->scope);
}
