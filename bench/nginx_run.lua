-- Inside nginx: datadog.resty against the libcurl client in the same nginx.
--
-- One nginx worker; the emulator answers GetOpsgenieService after 200 ms (a
-- delay fault on every request); wrk keeps 20 requests in flight for
-- BENCH_NGINX_SECONDS (10), each making one call; then again while a second
-- wrk pings /ping on the same worker with one connection. Printed per
-- client: calls/s, call latency p50/p99, /ping latency p50/p99 during the
-- calls, and the worker's CPU time per call (/proc/<pid>/schedstat). Then the
-- CPU per call again with no added latency and one connection (thousands of
-- calls: the figure for the CPU target). Figures are printed
-- and written to bench/nginx_results.json, never asserted.
--
--   lua5.4 bench/nginx_run.lua     (make bench-nginx; needs wrk, nginx and the emulator)
package.path = "./?.lua;./lua/?.lua;./lua/?/init.lua;" .. package.path
local emu = require "spec.helpers.emulator"
local nginx = require "spec.helpers.nginx"

local SECONDS = tonumber(os.getenv("BENCH_NGINX_SECONDS") or "10")
local CONC = tonumber(os.getenv("BENCH_NGINX_CONCURRENCY") or "20")
local DELAY_MS = tonumber(os.getenv("BENCH_NGINX_DELAY_MS") or "200")

local function sh(cmd)
  local p = assert(io.popen(cmd .. " 2>&1"))
  local out = p:read("a")
  p:close()
  return out
end

-- CPU time the process has run, from /proc/<pid>/schedstat (nanoseconds;
-- /proc/<pid>/stat counts 10 ms ticks, too coarse for a few dozen calls).
local function cpu_seconds(pid)
  local f = assert(io.open("/proc/" .. pid .. "/schedstat"))
  local ns = tonumber(f:read("l"):match("^(%d+)"))
  f:close()
  return ns / 1e9
end

-- wrk's figures: requests/s, total requests, and latency percentiles in ms.
local function parse_wrk(out)
  local function ms(s)
    local v, unit = s:match("([%d.]+)(%a+)")
    v = tonumber(v)
    if unit == "us" then return v / 1000 elseif unit == "s" then return v * 1000 end
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

local function wrk(conc, url, extra)
  return parse_wrk(sh(("wrk -t%d -c%d -d%ds --timeout 30s --latency %s%s")
    :format(math.min(conc, 2), conc, SECONDS, extra or "", url)))
end

-- Two rounds per client: the calls alone (calls/s, latency, the worker's CPU
-- per call), then the calls again with the pinger (/ping latency during
-- calls). The pinger is not in the CPU round: wrk pings as fast as it is
-- answered, and those pings would be counted as the calls' CPU.
local function run(srv, path)
  local url = "http://127.0.0.1:" .. srv.port
  local pid = srv:worker_pid()
  local cpu0 = cpu_seconds(pid)
  local calls = wrk(CONC, url .. path)
  local cpu = cpu_seconds(pid) - cpu0
  calls.cpu_us = calls.total and calls.total > 0 and cpu / calls.total * 1e6 or nil
  local ping_out = os.tmpname()
  os.execute(("wrk -t1 -c1 -d%ds --latency %s/ping > %s 2>&1 &"):format(SECONDS, url, ping_out))
  wrk(CONC, url .. path)
  os.execute("sleep 1")
  local pf = assert(io.open(ping_out))
  local ping = parse_wrk(pf:read("a"))
  pf:close()
  os.remove(ping_out)
  return { calls = calls, ping = ping }
end

local info = emu.start()
emu.reset()
local _, created = emu.call("POST", "/api/v2/integration/opsgenie/services", {
  data = { type = "opsgenie-service", attributes = { name = "bench", opsgenie_api_key = "og-bench-0001",
  region = "us" } } })
local id = created.data.id
emu.fault{ path = "^/api/v2/integration/opsgenie/services/", count = 100000000, delay_ms = DELAY_MS }

local srv = nginx.start{
  workers = 1,
  init_worker = ([[
    local keys = { base_url = %q, api_key = %q, app_key = %q, retry = false }
    RESTY = require("datadog.resty").new(keys)
    CURL = require("datadog").new(keys)
    ID = %q
  ]]):format(info.base_url, info.api_key, info.app_key, id),
  server = [[
    location = /resty { content_by_lua_block {
      local res, err = RESTY:get_opsgenie_service(ID)
      if not res then ngx.status = 502 ngx.say(tostring(err)) return end
      ngx.say(res.data.id)
    } }
    location = /curl { content_by_lua_block {
      local res, err = CURL:get_opsgenie_service(ID)
      if not res then ngx.status = 502 ngx.say(tostring(err)) return end
      ngx.say(res.data.id)
    } }
  ]],
}

local results = {
  setup = { workers = 1, concurrency = CONC, seconds = SECONDS, delay_ms = DELAY_MS,
            ideal_calls_per_s = CONC * 1000 / DELAY_MS },
}
local ok, err = pcall(function()
  results.resty = run(srv, "/resty")
  results.curl = run(srv, "/curl")
  -- CPU per call with no added latency, one connection
  emu.clear_faults()
  local url = "http://127.0.0.1:" .. srv.port
  local pid = srv:worker_pid()
  for _, name in ipairs({ "resty", "curl" }) do
    local cpu0 = cpu_seconds(pid)
    local r = wrk(1, url .. "/" .. name)
    results[name].fast = { rps = r.rps, cpu_us = (cpu_seconds(pid) - cpu0) / r.total * 1e6 }
  end
end)
srv:stop()
emu.clear_faults()
if not ok then error(err) end

local function row(name, r)
  return ("%-22s %9.1f %9.1f %9.1f %11.2f %11.2f %10.0f %s"):format(name, r.calls.rps or 0,
    r.calls.p50 or 0, r.calls.p99 or 0, r.ping.p50 or 0, r.ping.p99 or 0, r.calls.cpu_us or 0,
    r.calls.errors and ("(" .. r.calls.errors .. " non-2xx)") or "")
end
print(("inside nginx: 1 worker, %d concurrent requests for %d s, the API answering after %d ms")
  :format(CONC, SECONDS, DELAY_MS))
print(("%-22s %9s %9s %9s %11s %11s %10s"):format("client", "calls/s", "p50 ms", "p99 ms",
  "ping p50", "ping p99", "CPU us/call"))
print(row("datadog.resty", results.resty))
print(row("datadog.new (libcurl)", results.curl))
local ideal = results.setup.ideal_calls_per_s
print(("target: >= %.0f calls/s (95%% of %.0f): %.1f, %s"):format(ideal * 0.95, ideal,
  results.resty.calls.rps, results.resty.calls.rps >= ideal * 0.95 and "met" or "NOT met"))
print(("target: /ping p99 < 5 ms during calls: %.2f ms, %s"):format(results.resty.ping.p99,
  results.resty.ping.p99 < 5 and "met" or "NOT met"))
print(("no added latency, 1 connection: datadog.resty %.1f us CPU/call (%.0f calls/s), "
  .. "libcurl %.1f us (%.0f calls/s)"):format(results.resty.fast.cpu_us, results.resty.fast.rps,
  results.curl.fast.cpu_us, results.curl.fast.rps))
local ratio = results.resty.fast.cpu_us / results.curl.fast.cpu_us
results.cpu_ratio = ratio
print(("target: CPU per call within 1.5x of the C path: %.2fx, %s"):format(ratio,
  ratio <= 1.5 and "met" or "NOT met"))

local out = assert(io.open("bench/nginx_results.json", "w"))
out:write(emu.encode(results), "\n")
out:close()
