/*
 * curl_api.h - libcurl, loaded on first use instead of linked.
 *
 * Debian's libcurl pulls in about thirty libraries (OpenSSL, Kerberos,
 * LDAP, SSH, ...): loading them takes 4 to 6 ms, most of what
 * `require "datadog"` would cost. A script that only builds or checks
 * bodies, the CLI's --help, and a client whose transport is a Lua function
 * (an nginx cosocket, a test double) never need libcurl, so the module
 * loads it with dlopen the first time a client sends through it
 * (dd_curl_load), and reaches it through the table dd_curl_fn.
 *
 * Files that call libcurl include this header instead of <curl/curl.h>:
 * the usual names (curl_easy_setopt, ...) are macros for the table's
 * entries, so the code reads as plain libcurl code. Types, constants and
 * LIBCURL_VERSION_NUM still come from the headers the module is built
 * with.
 */
#ifndef DD_CURL_API_H
#define DD_CURL_API_H

#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>

typedef struct dd_curl_api {
    CURLcode (*global_init)(long flags);
    curl_version_info_data *(*version_info)(CURLversion v);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *h, CURLoption o, ...);
    CURLcode (*easy_perform)(CURL *h);
    CURLcode (*easy_getinfo)(CURL *h, CURLINFO i, ...);
    void (*easy_cleanup)(CURL *h);
    const char *(*easy_strerror)(CURLcode c);
    struct curl_slist *(*slist_append)(struct curl_slist *l, const char *s);
    void (*slist_free_all)(struct curl_slist *l);
    CURLSH *(*share_init)(void);
    CURLSHcode (*share_setopt)(CURLSH *sh, CURLSHoption o, ...);
    CURLSHcode (*share_cleanup)(CURLSH *sh);
    CURLM *(*multi_init)(void);
    CURLMcode (*multi_add_handle)(CURLM *m, CURL *h);
    CURLMcode (*multi_remove_handle)(CURLM *m, CURL *h);
    CURLMcode (*multi_perform)(CURLM *m, int *running);
    CURLMcode (*multi_poll)(CURLM *m, struct curl_waitfd *fds, unsigned n,
                            int timeout_ms, int *numfds);
    CURLMsg *(*multi_info_read)(CURLM *m, int *left);
    CURLMcode (*multi_cleanup)(CURLM *m);
} dd_curl_api;

/* Filled by dd_curl_load; all NULL before. */
extern dd_curl_api dd_curl_fn;
/* The loaded libcurl's version as LIBCURL_VERSION_NUM would give it: it may
 * be older than the headers the module was built with. */
extern unsigned dd_curl_version_num;

/* Loads libcurl and runs curl_global_init, once per process (thread-safe).
 * Returns NULL when libcurl is ready, else why it is not (the same text on
 * every later call). */
const char *dd_curl_load(void);

#ifndef DD_CURL_API_IMPL
/* curl.h turns the varargs functions into same-named macros that check the
 * argument count; ours replace them. */
#undef curl_easy_setopt
#undef curl_easy_getinfo
#undef curl_share_setopt
#define curl_global_init dd_curl_fn.global_init
#define curl_version_info dd_curl_fn.version_info
#define curl_easy_init dd_curl_fn.easy_init
#define curl_easy_setopt dd_curl_fn.easy_setopt
#define curl_easy_perform dd_curl_fn.easy_perform
#define curl_easy_getinfo dd_curl_fn.easy_getinfo
#define curl_easy_cleanup dd_curl_fn.easy_cleanup
#define curl_easy_strerror dd_curl_fn.easy_strerror
#define curl_slist_append dd_curl_fn.slist_append
#define curl_slist_free_all dd_curl_fn.slist_free_all
#define curl_share_init dd_curl_fn.share_init
#define curl_share_setopt dd_curl_fn.share_setopt
#define curl_share_cleanup dd_curl_fn.share_cleanup
#define curl_multi_init dd_curl_fn.multi_init
#define curl_multi_add_handle dd_curl_fn.multi_add_handle
#define curl_multi_remove_handle dd_curl_fn.multi_remove_handle
#define curl_multi_perform dd_curl_fn.multi_perform
#define curl_multi_poll dd_curl_fn.multi_poll
#define curl_multi_info_read dd_curl_fn.multi_info_read
#define curl_multi_cleanup dd_curl_fn.multi_cleanup
#endif

#endif
