/*
 * raw_curl: the floor for lua-datadog's benchmark.
 *
 * The same request the official clients send (method, URL, headers, body),
 * through one reused libcurl easy handle; the response body is appended to a
 * growing buffer and never decoded.  Prints one JSON line on stdout.
 *
 *   raw_curl BASE_URL OP N WARMUP
 *
 * OP is GetOpsgenieService, UpdateIncidentIntegration or
 * ListIncidentIntegrations.  Resource ids come from the environment
 * (BENCH_OPSGENIE_ID, BENCH_INCIDENT_ID, BENCH_INTEGRATION_ID) and the server
 * mode label from BENCH_MODE, so every runner sees the same inputs.
 */

#define _POSIX_C_SOURCE 200809L

#include <curl/curl.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* ---------------------------------------------------------------------- */
/* Small helpers                                                           */
/* ---------------------------------------------------------------------- */

struct rc_buf {
    char *data;
    size_t len;
    size_t cap;
};

static double rc_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double rc_cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

/* VmHWM from /proc, the same source the Lua runner uses, in kB. */
static long rc_peak_rss_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    if (f == NULL)
        return -1;
    while (fgets(line, sizeof line, f) != NULL) {
        if (strncmp(line, "VmHWM:", 6) == 0) {
            kb = strtol(line + 6, NULL, 10);
            break;
        }
    }
    fclose(f);
    return kb;
}

static const char *rc_env(const char *name, const char *fallback)
{
    const char *v = getenv(name);
    return (v != NULL && *v != '\0') ? v : fallback;
}

/* Grows geometrically so a 50 KB body settles into one allocation. */
static size_t rc_write(char *ptr, size_t size, size_t nmemb, void *userdata)
{
    struct rc_buf *b = userdata;
    size_t n = size * nmemb;
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        char *p;
        while (cap < b->len + n)
            cap *= 2;
        p = realloc(b->data, cap);
        if (p == NULL)
            return 0; /* makes curl fail the transfer */
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, ptr, n);
    b->len += n;
    return n;
}

/* ---------------------------------------------------------------------- */
/* Main                                                                    */
/* ---------------------------------------------------------------------- */

/* The PATCH body every runner sends for UpdateIncidentIntegration. */
static const char rc_patch_body[] =
    "{\"data\":{\"type\":\"incident_integrations\",\"attributes\":{"
    "\"integration_type\":1,\"metadata\":{\"channels\":[{"
    "\"channel_id\":\"C0123456789\",\"channel_name\":\"#bench\","
    "\"redirect_url\":\"https://slack.com/app_redirect?channel=C0123456789"
    "&team=T01234567\",\"team_id\":\"T01234567\"}]}}}}";

int main(int argc, char **argv)
{
    const char *base, *op, *mode;
    long n, warmup, i, errors = 0, last_status = 0;
    char url[2048], ua[256];
    const char *method = "GET";
    int with_body = 0;
    struct rc_buf buf = {NULL, 0, 0};
    struct curl_slist *hdrs = NULL;
    CURL *h;
    double t0, startup_ms, w0 = 0, c0 = 0, wall, cpu, *lat;
    const curl_version_info_data *vi;

    if (argc != 5) {
        fprintf(stderr, "usage: %s BASE_URL OP N WARMUP\n", argv[0]);
        return 2;
    }
    base = argv[1];
    op = argv[2];
    n = strtol(argv[3], NULL, 10);
    warmup = strtol(argv[4], NULL, 10);
    mode = rc_env("BENCH_MODE", "unknown");
    if (n <= 0 || warmup < 0) {
        fprintf(stderr, "raw_curl: N must be > 0 and WARMUP >= 0\n");
        return 2;
    }

    /* Ids are opaque test values; the bench never puts anything needing
     * percent-encoding in them, so they are pasted as they are. */
    if (strcmp(op, "GetOpsgenieService") == 0) {
        snprintf(url, sizeof url, "%s/api/v2/integration/opsgenie/services/%s",
                 base, rc_env("BENCH_OPSGENIE_ID", "596da4af-0563-4097-90ff-07230c3f9db3"));
    } else if (strcmp(op, "UpdateIncidentIntegration") == 0) {
        snprintf(url, sizeof url, "%s/api/v2/incidents/%s/relationships/integrations/%s",
                 base, rc_env("BENCH_INCIDENT_ID", "00000000-aaaa-0000-0000-000000000000"),
                 rc_env("BENCH_INTEGRATION_ID", "00000000-0000-0000-1234-000000000000"));
        method = "PATCH";
        with_body = 1;
    } else if (strcmp(op, "ListIncidentIntegrations") == 0) {
        snprintf(url, sizeof url, "%s/api/v2/incidents/%s/relationships/integrations",
                 base, rc_env("BENCH_INCIDENT_ID", "00000000-aaaa-0000-0000-000000000000"));
    } else {
        fprintf(stderr, "raw_curl: unknown operation %s\n", op);
        return 2;
    }

    lat = malloc((size_t)n * sizeof *lat);
    if (lat == NULL) {
        fprintf(stderr, "raw_curl: out of memory\n");
        return 1;
    }

    /* "Start-up" for the floor: global init plus a configured handle. */
    t0 = rc_now();
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        fprintf(stderr, "raw_curl: curl_global_init failed\n");
        return 1;
    }
    vi = curl_version_info(CURLVERSION_NOW);
    /* The module's User-Agent when the runner passes it (bench/run does), so
     * that both send the same bytes. */
    if (getenv("BENCH_USER_AGENT") != NULL && *getenv("BENCH_USER_AGENT") != '\0')
        snprintf(ua, sizeof ua, "User-Agent: %s", getenv("BENCH_USER_AGENT"));
    else
        snprintf(ua, sizeof ua, "User-Agent: lua-datadog-bench-raw/1 (libcurl %s)", vi->version);
    h = curl_easy_init();
    if (h == NULL) {
        fprintf(stderr, "raw_curl: curl_easy_init failed\n");
        return 1;
    }
    hdrs = curl_slist_append(hdrs, "Accept: application/json");
    hdrs = curl_slist_append(hdrs, "DD-API-KEY: bench-api-key");
    hdrs = curl_slist_append(hdrs, "DD-APPLICATION-KEY: bench-app-key");
    hdrs = curl_slist_append(hdrs, ua);
    if (with_body)
        hdrs = curl_slist_append(hdrs, "Content-Type: application/json");
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, rc_write);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &buf);
    if (with_body) {
        curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, rc_patch_body);
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)(sizeof rc_patch_body - 1));
    } else {
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    }
    startup_ms = (rc_now() - t0) * 1e3;

    for (i = -warmup; i < n; i++) {
        double s;
        CURLcode rc;
        if (i == 0) {
            w0 = rc_now();
            c0 = rc_cpu_seconds();
        }
        buf.len = 0;
        s = rc_now();
        rc = curl_easy_perform(h);
        if (i >= 0)
            lat[i] = (rc_now() - s) * 1e6;
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &last_status);
        if (rc != CURLE_OK || last_status < 200 || last_status > 299) {
            errors++;
            if (errors == 1)
                fprintf(stderr, "raw_curl: %s %s: %s (HTTP %ld)\n", method, url,
                        curl_easy_strerror(rc), last_status);
        }
    }
    wall = rc_now() - w0;
    cpu = rc_cpu_seconds() - c0;

    printf("{\"runner\":\"raw-libcurl\",\"op\":\"%s\",\"mode\":\"%s\","
           "\"section\":\"%s\",\"kind\":\"seq\",\"n\":%ld,"
           "\"warmup\":%ld,\"wall_s\":%.6f,\"cpu_s\":%.6f,\"peak_rss_kb\":%ld,"
           "\"startup_ms\":%.3f,\"errors\":%ld,\"http_status\":%ld,\"resp_bytes\":%zu,"
           "\"libcurl\":\"%s\",\"latencies_us\":[",
           op, mode, rc_env("BENCH_SECTION", "seq"), n, warmup, wall, cpu, rc_peak_rss_kb(), startup_ms, errors,
           last_status, buf.len, vi->version);
    /* In call order: the report sorts, and the order shows stalls. */
    for (i = 0; i < n; i++)
        printf(i ? ",%.1f" : "%.1f", lat[i]);
    printf("]}\n");

    curl_easy_cleanup(h);
    curl_slist_free_all(hdrs);
    curl_global_cleanup();
    free(buf.data);
    free(lat);
    return errors ? 1 : 0;
}
