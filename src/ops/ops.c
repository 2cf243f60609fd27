/*
 * ops.c - finding an operation by name, and the path parameters of its
 * template. The operations themselves are data, generated into ops_gen.c
 * (scripts/gen-ops); one engine (client.c) serves them all.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "ops.h"

/* Operations by id and by method name: an open-addressing hash table,
 * built once per process (pthread_once: Lua states in several threads may
 * load the module at once). dd:call and dd:batch look an operation up on
 * every call; a walk down the list took some 30 strcmp. */
#define BY_NAME_SLOTS (4 * DD_MAX_OPS) /* two names an operation: at most
                                         half full, so probe runs are short */
typedef char by_name_pow2[(BY_NAME_SLOTS & (BY_NAME_SLOTS - 1)) == 0 ? 1 : -1];
static const dd_op *by_name[BY_NAME_SLOTS];
static pthread_once_t by_name_once = PTHREAD_ONCE_INIT;

static unsigned name_hash(const char *s)
{
    unsigned h = 2166136261u; /* FNV-1a */
    while (*s)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

static const char *op_name(const dd_op *op, int which)
{
    return which ? op->method : op->id;
}

static void by_name_add(const dd_op *op, int which)
{
    unsigned i = name_hash(op_name(op, which)) & (BY_NAME_SLOTS - 1);
    while (by_name[i])
        i = (i + 1) & (BY_NAME_SLOTS - 1);
    by_name[i] = (const dd_op *)((uintptr_t)op | (uintptr_t)which);
}

static void by_name_build(void)
{
    int i;
    for (i = 0; i < dd_nops; i++) {
        by_name_add(&dd_ops[i], 0);
        by_name_add(&dd_ops[i], 1);
    }
}

static const dd_op *op_find(const char *id)
{
    unsigned i;
    const dd_op *e;
    if (strncmp(id, "v1.", 3) == 0 || strncmp(id, "v2.", 3) == 0)
        id += 3;
    (void)pthread_once(&by_name_once, by_name_build); /* fails only on bad arguments */
    /* an entry is an operation with, in its lowest bit, which of its names
     * it is filed under (dd_op is pointer-aligned) */
    for (i = name_hash(id) & (BY_NAME_SLOTS - 1); (e = by_name[i]) != NULL;
         i = (i + 1) & (BY_NAME_SLOTS - 1)) {
        const dd_op *op = (const dd_op *)((uintptr_t)e & ~(uintptr_t)1);
        if (strcmp(op_name(op, (int)((uintptr_t)e & 1)), id) == 0)
            return op;
    }
    return NULL;
}

const dd_op *dd_op_findl(const char *id, size_t len)
{
    if (!id || strlen(id) != len) /* an embedded NUL: no operation's name */
        return NULL;
    return op_find(id);
}

int dd_op_path_param(const dd_op *op, int n, char *out, size_t outsz)
{
    const char *p = op->path, *open, *close;
    int i = 0;
    while ((open = strchr(p, '{')) != NULL) {
        close = strchr(open, '}');
        if (!close)
            return 0;
        if (i++ == n) {
            size_t len = (size_t)(close - open - 1);
            if (len >= outsz)
                return 0;
            memcpy(out, open + 1, len);
            out[len] = '\0';
            return 1;
        }
        p = close + 1;
    }
    return 0;
}

int dd_op_is_path_param(const dd_op *op, const char *k, size_t klen)
{
    const char *p = op->path, *open, *close;
    while ((open = strchr(p, '{')) != NULL && (close = strchr(open, '}')) != NULL) {
        if ((size_t)(close - open - 1) == klen && memcmp(open + 1, k, klen) == 0)
            return 1;
        p = close + 1;
    }
    return 0;
}

int dd_op_path_param_count(const dd_op *op)
{
    const char *p;
    int n = 0;
    for (p = op->path; (p = strchr(p, '{')) != NULL; p++)
        n++;
    return n;
}
