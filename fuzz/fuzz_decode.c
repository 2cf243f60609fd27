/*
 * fuzz_decode.c - libFuzzer target for the response side: the JSON decoder
 * (dd_json_decode), the encoder it round-trips through, and dd:finish, which
 * runs the call engine's feed (call.c: a Content-Encoding gzip, x-gzip or
 * deflate body is inflated, as for any Lua driver, under max_body) and
 * response.c (status, raw header lines, rate-limit headers, Datadog's
 * errors list, secret masking) on whatever a server could send.
 *
 * Input: byte 0 picks the operation, bytes 1-2 the status (100-599); the
 * rest is raw header lines, then "\r\n\r\n", then the body (no separator:
 * all body). Properties checked, beyond "no sanitizer report":
 *   - what the encoder makes of a decoded value decodes again;
 *   - dd:finish never raises on any response;
 *   - no field of an error object holds the client's keys, nor any string
 *     anywhere inside err.errors (keys included), which is always a list;
 *   - the message is one line of at most 511 bytes.
 */
#include <string.h>

#include "harness.h"

static const char checks[] =
    "local op, status, headers, body = ...\n"
    "local res, err = strict_:finish(op, status, headers, body)\n"
    "if res ~= nil then return end\n"
    "local function clean(where, s)\n"
    "  if type(s) ~= 'string' then return end\n"
    "  if s:find('fuzz-api-key-00000001', 1, true) or s:find('fuzz-app-key-00000002', 1, true) then\n"
    "    error('PROPERTY: a key in ' .. where .. ': ' .. s)\n"
    "  end\n"
    "end\n"
    "local function deep(where, v)\n"
    "  if type(v) ~= 'table' then return clean(where, v) end\n"
    "  for k, x in pairs(v) do deep(where, k); deep(where, x) end\n"
    "end\n"
    "clean('tostring', tostring(err))\n"
    "clean('message', err.message)\n"
    "clean('body', err.body)\n"
    "if type(err.errors) ~= 'table' then error('PROPERTY: no errors list') end\n"
    "deep('errors', err.errors)\n"
    "if #err.message > 511 then error('PROPERTY: a message of ' .. #err.message .. ' bytes') end\n"
    "for k, v in pairs(err.headers or {}) do clean('header ' .. k, v) end\n"
    "if tostring(err):find('[\\r\\n]') and err.kind == 'http' then\n"
    "  error('PROPERTY: an http error on two lines: ' .. tostring(err))\n"
    "end\n";

static int checks_ref = LUA_NOREF;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lua_State *L = fuzz_state();
    int top = lua_gettop(L), nops, status;
    const char *rest, *sep;
    size_t n;
    char err[160];
    dd_buf out;
    dd_enc_err eerr;

    if (checks_ref == LUA_NOREF) {
        if (luaL_loadstring(L, checks) != LUA_OK)
            fuzz_die("checks");
        checks_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    }

    /* 1. the decoder alone, on all the bytes; then the round trip */
    if (dd_json_decode(L, (const char *)data, size, err, sizeof err)) {
        dd_buf_init(&out);
        if (dd_json_encode(L, -1, NULL, 0, &out, &eerr, NULL)) {
            lua_settop(L, top);
            if (!dd_json_decode(L, out.data ? out.data : "", out.len, err, sizeof err)) {
                fprintf(stderr, "re-decoding our own output failed: %s\n%.*s\n", err,
                        (int)(out.len > 500 ? 500 : out.len), out.data);
                abort();
            }
        }
        dd_buf_free(&out);
    }
    lua_settop(L, top);
    if (size < 3)
        return 0;

    /* 2. dd:finish on (operation, status, headers, body) */
    lua_getglobal(L, "ops_");
    nops = (int)dd_rawlen(L, -1);
    lua_rawgeti(L, -1, 1 + data[0] % nops);
    lua_remove(L, -2);
    status = 100 + ((data[1] << 8) | data[2]) % 500;
    rest = (const char *)data + 3;
    n = size - 3;
    sep = NULL;
    for (size_t i = 0; i + 4 <= n; i++)
        if (memcmp(rest + i, "\r\n\r\n", 4) == 0) {
            sep = rest + i;
            break;
        }
    lua_rawgeti(L, LUA_REGISTRYINDEX, checks_ref);
    lua_insert(L, -2);
    lua_pushinteger(L, status);
    if (sep) {
        lua_pushlstring(L, rest, (size_t)(sep - rest) + 2);
        lua_pushlstring(L, sep + 4, n - (size_t)(sep - rest) - 4);
    } else {
        lua_pushliteral(L, "");
        lua_pushlstring(L, rest, n);
    }
    if (lua_pcall(L, 4, 0, 0) != LUA_OK)
        fuzz_die("dd:finish");
    lua_settop(L, top);
    fuzz_step_gc(L);
    return 0;
}
