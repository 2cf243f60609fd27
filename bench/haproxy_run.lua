-- Inside HAProxy: datadog.haproxy against the libcurl client in the same HAProxy.
--
-- HAProxy 2.6 with one thread (nbthread 1: the libcurl client then blocks all of it, as
-- it blocks an nginx worker); the emulator answers GetOpsgenieService after 200 ms; wrk
-- keeps 20 requests in flight for BENCH_HAPROXY_SECONDS (10), each making one call in a
-- Lua service; then again while a second wrk pings /ping (a Lua service of the same
-- HAProxy). Printed per client: calls/s, call latency p50/p99, /ping p50/p99 during the
-- calls, HAProxy's CPU time per call (/proc/<pid>/schedstat); then the CPU per call with
-- no added latency and one connection. Written to bench/haproxy_results.json, never
-- asserted.
--
--   lua5.4 bench/haproxy_run.lua     (make bench-haproxy; needs wrk, haproxy, the emulator)
package.path = "./?.lua;./lua/?.lua;./lua/?/init.lua;" .. package.path
local emu = require "spec.helpers.emulator"
local hap = require "spec.helpers.haproxy"

local SECONDS = tonumber(os.getenv("BENCH_HAPROXY_SECONDS") or "10")
local CONC = tonumber(os.getenv("BENCH_HAPROXY_CONCURRENCY") or "20")
local DELAY_MS = tonumber(os.getenv("BENCH_HAPROXY_DELAY_MS") or "200")

local function sh(cmd)
  local p = assert(io.popen(cmd .. " 2>&1"))
  local out = p:read("a")
  p:close()
  return out
end

local function cpu_seconds(pid)
  local f = assert(io.open("/proc/" .. pid .. "/schedstat"))
  local ns = tonumber(f:read("l"):match("^(%d+)"))
  f:close()
  return ns / 1e9
end

-- wrk's requests/s, request count and latency percentiles (ms).
local function parse_wrk(out)
  local function ms(s)
    local v, unit = s:match("([%d.]+)(%a+)")
    v = tonumber(v)
    if unit == "us" then return v / 1000 end
    if unit == "s" then return v * 1000 end
    return v
  end
  return {
    rps = tonumber(out:match("Requests/sec:%s*([%d.]+)")),
    total = tonumber(out:match("(%d+) requests in")),
    p50 = ms(out:match("\n%s*50%%%s+(%S+)") or "0ms"),
    p99 = ms(out:match("\n%s*99%%%s+(%S+)") or "0ms"),
    errors = out:match("Non%-2xx or 3xx responses: (%d+)"),
  }
end

local function wrk(conc, url)
  return parse_wrk(sh(("wrk -t%d -c%d -d%ds --timeout 30s --latency %s")
    :format(math.min(conc, 2), conc, SECONDS, url)))
end

-- The calls alone (rate, latency, CPU), then again beside a pinger (/ping latency).
local function run(srv, path)
  local url = "http://127.0.0.1:" .. srv.port
  local cpu0 = cpu_seconds(srv.pid)
  local calls = wrk(CONC, url .. path)
  calls.cpu_us = calls.total and calls.total > 0
    and (cpu_seconds(srv.pid) - cpu0) / calls.total * 1e6 or nil
  local ping_out = os.tmpname()
  os.execute(("wrk -t1 -c1 -d%ds --timeout 30s --latency %s/ping > %s 2>&1 &"):format(SECONDS, url, ping_out))
  wrk(CONC, url .. path)
  os.execute("sleep 1")
  local f = assert(io.open(ping_out))
  local ping = parse_wrk(f:read("a"))
  f:close()
  os.remove(ping_out)
  return { calls = calls, ping = ping }
end

local info = emu.start()
emu.reset()
local _, created = emu.call("POST", "/api/v2/integration/opsgenie/services", {
  data = { type = "opsgenie-service", attributes = { name = "bench",
    opsgenie_api_key = "og-bench-0001", region = "us" } } })
local id = created.data.id
emu.fault{ path = "^/api/v2/integration/opsgenie/services/", count = 100000000,
  delay_ms = DELAY_MS }

local srv = hap.start{
  nbthread = 1,
  body = ([[
    local keys = { base_url = %q, api_key = %q, app_key = %q, retry = false }
    local HAP = require("datadog.haproxy").new(keys)
    local CURL = require("datadog").new(keys)
    local ID = %q
    local function serve(dd)
      return function(applet)
        local res, err = dd:get_opsgenie_service(ID)
        local body = res and res.data.id or tostring(err)
        applet:set_status(res and 200 or 502)
        applet:add_header("content-length", #body)
        applet:start_response()
        applet:send(body)
      end
    end
    core.register_service("bench_haproxy", "http", serve(HAP))
    core.register_service("bench_curl", "http", serve(CURL))
  ]]):format(info.base_url, info.api_key, info.app_key, id),
  cfg = [[
frontend bench
    bind 127.0.0.1:$PORT(bench)
    http-request use-service lua.ping if { path /ping }
    http-request use-service lua.bench_haproxy if { path /haproxy }
    http-request use-service lua.bench_curl if { path /curl }
]],
}
srv.port = srv.ports.bench

local results = {
  setup = { nbthread = 1, concurrency = CONC, seconds = SECONDS, delay_ms = DELAY_MS,
            ideal_calls_per_s = CONC * 1000 / DELAY_MS,
            haproxy = sh("haproxy -v"):match("version (%S+)") },
}
local ok, err = pcall(function()
  results.haproxy = run(srv, "/haproxy")
  results.curl = run(srv, "/curl")
  emu.clear_faults()
  local url = "http://127.0.0.1:" .. srv.port
  for _, name in ipairs({ "haproxy", "curl" }) do
    local cpu0 = cpu_seconds(srv.pid)
    local r = wrk(1, url .. "/" .. name)
    results[name].fast = { rps = r.rps, cpu_us = (cpu_seconds(srv.pid) - cpu0) / r.total * 1e6 }
  end
end)
srv:stop()
emu.clear_faults()
if not ok then error(err) end

local function row(name, r)
  local pinged = (r.ping.total or 0) > 0
  return ("%-22s %9.1f %9.1f %9.1f %11s %11s %10.0f %s"):format(name, r.calls.rps or 0,
    r.calls.p50 or 0, r.calls.p99 or 0,
    pinged and ("%.2f"):format(r.ping.p50) or "none", pinged and ("%.2f"):format(r.ping.p99) or "none",
    r.calls.cpu_us or 0, r.calls.errors and ("(" .. r.calls.errors .. " non-2xx)") or "")
end
print(("inside HAProxy %s: 1 thread, %d concurrent requests for %d s, the API answering "
  .. "after %d ms"):format(results.setup.haproxy, CONC, SECONDS, DELAY_MS))
print(("%-22s %9s %9s %9s %11s %11s %10s"):format("client", "calls/s", "p50 ms", "p99 ms",
  "ping p50", "ping p99", "CPU us/call"))
print(row("datadog.haproxy", results.haproxy))
print(row("datadog.new (libcurl)", results.curl))
print(("no added latency, 1 connection: datadog.haproxy %.1f us CPU/call (%.0f calls/s), "
  .. "libcurl %.1f us (%.0f calls/s)"):format(results.haproxy.fast.cpu_us,
  results.haproxy.fast.rps, results.curl.fast.cpu_us, results.curl.fast.rps))
results.cpu_ratio = results.haproxy.fast.cpu_us / results.curl.fast.cpu_us

local out = assert(io.open("bench/haproxy_results.json", "w"))
out:write(emu.encode(results), "\n")
out:close()
