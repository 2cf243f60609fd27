/*
 * fuzz_request.c - libFuzzer target for the request side: request.c (path
 * parameters, query parameters, the body), the schema-guided encoder and
 * validator (json_encode.c, every body schema in ops.c) and gzip.c, through
 * dd:prepare, which builds a request exactly as a call would and sends
 * nothing.
 *
 * Input: byte 0 picks the operation, byte 1 the client (bit 0: validation
 * off and request gzip on); the rest is JSON, decoded into the params table
 * of dd:prepare (a non-table becomes the body). Misuse raising is expected
 * (a one-line error object of kind "invalid");
 * properties checked on every request that builds:
 *   - the URL is the base URL, then only unreserved characters, %XX escapes
 *     and the path and query punctuation: nothing can inject a header or
 *     leave a path segment;
 *   - no header value holds a control character;
 *   - a body built from a table (not gzipped) is valid JSON to our own
 *     decoder (a string body is sent as given, by design);
 *   - core.encode of the value, when it succeeds, decodes again.
 */
#include "harness.h"

static const char checks[] =
    "local opn, loose, text = ...\n"
    "local core = core_\n"
    "local op = ops_[1 + opn % #ops_]\n"
    "local value = core.decode(text)\n"
    "if value == nil then return end\n"
    "local params = type(value) == 'table' and value or { body = value }\n"
    "local dd = loose and loose_ or strict_\n"
    "local ok, req = pcall(dd.prepare, dd, op, params)\n"
    "if not ok then\n"
    "  if type(req) ~= 'table' or getmetatable(req) ~= core.error_mt or req.kind ~= 'invalid'\n"
    "      or tostring(req):find('[\\r\\n]') then\n"
    "    error('PROPERTY: a misuse error that is not a one-line error object: ' .. tostring(req))\n"
    "  end\n"
    "else\n"
    "  local base = 'http://fuzz.invalid/api/'\n"
    "  if req.url:sub(1, #base) ~= base then error('PROPERTY: url ' .. req.url) end\n"
    "  if req.url:sub(#base + 1):find('[^%w%-%._~%%/?=&]') then\n"
    "    error('PROPERTY: unescaped character in ' .. req.url)\n"
    "  end\n"
    "  for k, v in pairs(req.headers) do\n"
    "    if v:find('%c') then error('PROPERTY: header ' .. k) end\n"
    "  end\n"
    "  if req.body and type(params.body) == 'table' and req.body:sub(1, 2) ~= '\\31\\139' then\n"
    "    local back, why = core.decode(req.body)\n"
    "    if back == nil then error('PROPERTY: body is not JSON: ' .. why) end\n"
    "  end\n"
    "end\n"
    "local ok2, json = pcall(core.encode, value)\n"
    "if ok2 and core.decode(json) == nil then error('PROPERTY: encode gave bad JSON') end\n"
    "local ok3, json3 = pcall(core.encode, params, op)\n"
    "if ok3 and core.decode(json3) == nil then error('PROPERTY: encode(op) gave bad JSON') end\n";

static int checks_ref = LUA_NOREF;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lua_State *L = fuzz_state();
    int top = lua_gettop(L);
    if (checks_ref == LUA_NOREF) {
        if (luaL_loadstring(L, checks) != LUA_OK)
            fuzz_die("checks");
        checks_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    if (size < 2)
        return 0;
    lua_rawgeti(L, LUA_REGISTRYINDEX, checks_ref);
    lua_pushinteger(L, data[0]);
    lua_pushboolean(L, data[1] & 1);
    lua_pushlstring(L, (const char *)data + 2, size - 2);
    if (lua_pcall(L, 3, 0, 0) != LUA_OK)
        fuzz_die("property");
    lua_settop(L, top);
    fuzz_step_gc(L);
    return 0;
}
