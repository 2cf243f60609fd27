/*
 * curl_api.c - loads libcurl with dlopen on first use (see curl_api.h).
 */
#define DD_CURL_API_IMPL 1
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "curl_api.h"
#include "drivers.h"

#ifndef DD_LIBCURL
#define DD_LIBCURL "libcurl.so.4"
#endif

dd_curl_api dd_curl_fn;
unsigned dd_curl_version_num;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const char *load_error = "libcurl was not loaded";
static char load_message[512];

#define FN(name, field) {name, offsetof(dd_curl_api, field)}
static const struct {
    const char *name;
    size_t offset;
} symbols[] = {
    FN("curl_global_init", global_init),
    FN("curl_version_info", version_info),
    FN("curl_easy_init", easy_init),
    FN("curl_easy_setopt", easy_setopt),
    FN("curl_easy_perform", easy_perform),
    FN("curl_easy_getinfo", easy_getinfo),
    FN("curl_easy_cleanup", easy_cleanup),
    FN("curl_easy_strerror", easy_strerror),
    FN("curl_slist_append", slist_append),
    FN("curl_slist_free_all", slist_free_all),
    FN("curl_share_init", share_init),
    FN("curl_share_setopt", share_setopt),
    FN("curl_share_cleanup", share_cleanup),
    FN("curl_multi_init", multi_init),
    FN("curl_multi_add_handle", multi_add_handle),
    FN("curl_multi_remove_handle", multi_remove_handle),
    FN("curl_multi_perform", multi_perform),
    FN("curl_multi_poll", multi_poll),
    FN("curl_multi_info_read", multi_info_read),
    FN("curl_multi_cleanup", multi_cleanup),
};

static void load(void)
{
    /* LUA_DATADOG_LIBCURL (a name or a path) when set, and only it. Else
     * the name the module was built for first (Debian: libcurl4, the
     * OpenSSL flavour), then the GnuTLS flavour, then the development
     * link. The handle is never closed: libcurl stays for the process,
     * as a linked library would. */
    const char *names[] = {DD_LIBCURL, "libcurl.so.4", "libcurl-gnutls.so.4",
                           "libcurl.so"};
    size_t nnames = sizeof names / sizeof names[0];
    const char *chosen = getenv("LUA_DATADOG_LIBCURL");
    dd_curl_api api;
    void *lib = NULL;
    const char *first_error = NULL;
    size_t i;
    if (chosen && *chosen) { /* that one and no other */
        names[0] = chosen;
        nnames = 1;
    }
    for (i = 0; i < nnames && !lib; i++) {
        lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        if (!lib && !first_error) {
            const char *e = dlerror();
            snprintf(load_message, sizeof load_message,
                     "cannot load libcurl (%s)", e ? e : names[i]);
            first_error = load_message;
        }
    }
    if (!lib) {
        load_error = first_error;
        return;
    }
    memset(&api, 0, sizeof api);
    for (i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
        void *p = dlsym(lib, symbols[i].name);
        if (!p) {
            snprintf(load_message, sizeof load_message,
                     "the libcurl found has no %s (libcurl 7.66 or later is needed)",
                     symbols[i].name);
            load_error = load_message;
            return;
        }
        /* POSIX guarantees that a function's address survives void *. */
        memcpy((char *)&api + symbols[i].offset, &p, sizeof p);
    }
    /* Reference counted by libcurl; here it runs once per process anyway. */
    if (api.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        load_error = "libcurl failed to initialise";
        return;
    }
    dd_curl_version_num = api.version_info(CURLVERSION_NOW)->version_num;
    dd_curl_fn = api;
    load_error = NULL;
}

const char *dd_curl_load(void)
{
    if (pthread_once(&load_once, load) != 0)
        return "cannot load libcurl (pthread_once failed)";
    return load_error;
}
