-- libcurl is loaded on the first call that needs it, not by require or
-- datadog.new (src/drivers/curl_api.c). Each case runs in a child process, so that
-- what is mapped into it (/proc/self/maps) shows what was loaded.

local R = require "spec.reliability.support"

-- Runs code in a child (R.lua: this process's module paths, the check build's
-- interpreter under make check-asan) with curl_mapped() defined; returns its
-- output and whether it exited 0.
local function run_child(code, env)
  local status, out, err = R.lua([[
local function curl_mapped()
  local maps = assert(io.open("/proc/self/maps")):read("a")
  return maps:find("libcurl", 1, true) ~= nil
end
]] .. code, env)
  return out .. err, status == 0
end

describe("libcurl on first use", function()
  it("is not loaded by require and datadog.new, and is by the first call", function()
    local out, ok = run_child([[
local datadog = require "datadog"
local dd = datadog.new{ base_url = "http://127.0.0.1:9", api_key = "k", app_key = "a",
  retry = false, connect_timeout = 2 }
print("after new", curl_mapped())
local body = datadog.encode({ data = { type = "opsgenie-service", attributes = {
  name = "x", opsgenie_api_key = "k", region = "us" } } }, "CreateOpsgenieService")
print("after encode", curl_mapped(), #body > 0)
local res, err = dd:list_opsgenie_services()
print("after call", curl_mapped(), res, err and err.kind)
]])
    assert.is_true(ok, out)
    assert.matches("after new\tfalse", out, 1, true)
    assert.matches("after encode\tfalse\ttrue", out, 1, true)
    assert.matches("after call\ttrue\tnil\tconnect", out, 1, true)
  end)

  it("is never loaded for a client whose transport is a Lua function", function()
    local out, ok = run_child([[
local datadog = require "datadog"
local dd = datadog.new{ base_url = "http://x.invalid", api_key = "k", app_key = "a",
  transport = function() return { status = 200, headers = {}, body = '{"data":[]}' } end }
assert(dd:list_opsgenie_services())
assert(dd:batch({ { "ListOpsgenieServices" }, { "ListOpsgenieServices" } }))
dd:close()
print("mapped", curl_mapped())
]])
    assert.is_true(ok, out)
    assert.matches("mapped\tfalse", out, 1, true)
  end)

  it("raises a clear error when libcurl cannot be loaded, and again on the next call", function()
    local out, ok = run_child([[
local datadog = require "datadog"
local dd = datadog.new{ base_url = "http://127.0.0.1:9", api_key = "k", app_key = "a" }
for _ = 1, 2 do print(pcall(dd.list_opsgenie_services, dd)) end
print(pcall(dd.batch, dd, { { "ListOpsgenieServices" } }))
print(require("datadog.core").curl_version())
dd:close()
print("closed")
]], { LUA_DATADOG_LIBCURL = "/nonexistent/libcurl-missing.so.4" })
    assert.is_true(ok, out)
    local lines = {}
    for line in out:gmatch("[^\n]+") do lines[#lines + 1] = line end
    local want = "cannot load libcurl (/nonexistent/libcurl-missing.so.4: cannot open shared object file"
    assert.matches("^false\tdatadog: ListOpsgenieServices: " .. want:gsub("%p", "%%%0"), lines[1])
    assert.equal(lines[1], lines[2])
    assert.matches("^false\tdatadog: batch: cannot load libcurl", lines[3])
    assert.matches("^nil\t" .. want:gsub("%p", "%%%0"), lines[4])
    assert.equal("closed", lines[5])
  end)

  it("reports the version of the libcurl it loaded", function()
    local v = require("datadog.core").curl_version()
    assert.matches("^%d+%.%d+%.%d+", v)
  end)
end)
