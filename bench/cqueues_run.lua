-- In a cqueues controller: datadog.cqueues against the libcurl client in the same controller.
--
-- One Lua 5.4 process, one controller; the emulator answers GetOpsgenieService after 200 ms
-- (a delay fault on every request); 20 coroutines each make calls one after another for
-- BENCH_CQUEUES_SECONDS (10), while the same controller also serves a line protocol on a
-- TCP port that another process pings every 10 ms ("ping" -> "pong": the host's other
-- work). Printed per client: calls/s, call latency p50/p99, ping latency p50/p99/max during
-- the calls, and the process's CPU time per call. Then the CPU per call again with no added
-- latency, one call at a time. Figures are printed and written to
-- bench/cqueues_results.json, never asserted.
--
--   lua5.4 bench/cqueues_run.lua     (make bench-cqueues; needs lua-cqueues and the emulator)
package.path = "./?.lua;./lua/?.lua;./lua/?/init.lua;" .. package.path
package.cpath = "./?.so;" .. package.cpath
local cqueues = require "cqueues"
local csocket = require "cqueues.socket"
local errno = require "cqueues.errno"
local datadog = require "datadog"
local dcq = require "datadog.cqueues"
local emu = require "spec.helpers.emulator"

local SECONDS = tonumber(os.getenv("BENCH_CQUEUES_SECONDS") or "10")
local CONC = tonumber(os.getenv("BENCH_CQUEUES_CONCURRENCY") or "20")
local DELAY_MS = tonumber(os.getenv("BENCH_CQUEUES_DELAY_MS") or "200")
local FAST_N = tonumber(os.getenv("BENCH_CQUEUES_FAST_N") or "3000")

-- The pinger, another process (blocking luasocket): pings every 10 ms for the given
-- seconds, then prints how many, and p50, p99 and max latency in ms.
local PINGER = [[
local socket = require "socket"
local port, seconds = tonumber(arg[1]), tonumber(arg[2])
local c = assert(socket.connect("127.0.0.1", port))
c:settimeout(30)
local lat, stop = {}, socket.gettime() + seconds
while socket.gettime() < stop do
  local t0 = socket.gettime()
  assert(c:send("ping\n"))
  assert(c:receive("*l") == "pong")
  lat[#lat + 1] = (socket.gettime() - t0) * 1000
  socket.sleep(0.01)
end
c:send("bye\n")
table.sort(lat)
local function q(p) return lat[math.max(1, math.ceil(#lat * p))] end
print(#lat, q(0.5), q(0.99), lat[#lat])
]]

local pinged -- the pinger's connection is over

local function pct(sorted, p)
  return #sorted > 0 and sorted[math.max(1, math.ceil(#sorted * p))] or 0
end

-- The controller's other work: answer "pong" to each "ping", until the pinger says "bye";
-- accept connections until stop() is true.
local function serve(cq, listener, stop)
  cq:wrap(function()
    while not stop() do
      local con = listener:accept(0.1)
      if con then
        cq:wrap(function()
          con:onerror(function(_, _, why) return why end)
          while true do
            local line, why = con:xread("*l", 1)
            if line == "ping" then
              con:xwrite("pong\n", "n", 1)
            elseif line or why ~= errno.ETIMEDOUT then
              break -- the pinger said bye, or left
            end
          end
          con:close()
          pinged = true
        end)
      end
    end
  end)
end

-- A round: CONC coroutines calling for SECONDS, the pinger pinging the same controller.
local function round(dd, id)
  -- before the timing: the operation's rate-limit window learnt, as a running program has it
  -- (a burst's first call of an unknown window goes alone: src/window.c)
  local warm = cqueues.new()
  warm:wrap(function() assert(dd:get_opsgenie_service(id)) end)
  assert(warm:loop())
  local listener = csocket.listen("127.0.0.1", 0)
  listener:onerror(function(_, _, why) return why end)
  assert(listener:listen())
  local _, _, port = listener:localname()
  local script = os.tmpname()
  local f = assert(io.open(script, "w"))
  f:write(PINGER)
  f:close()
  local pinger = assert(io.popen(("lua5.4 %s %d %d"):format(script, port, SECONDS)))
  local cq = cqueues.new()
  local lat, failed, done = {}, 0, false
  pinged = false
  serve(cq, listener, function() return done and pinged end)
  local cpu0, t0 = os.clock(), cqueues.monotime()
  local stop = t0 + SECONDS
  local running = CONC
  for _ = 1, CONC do
    cq:wrap(function()
      while cqueues.monotime() < stop do
        local c0 = cqueues.monotime()
        local res = dd:get_opsgenie_service(id)
        if res then lat[#lat + 1] = (cqueues.monotime() - c0) * 1000 else failed = failed + 1 end
      end
      running = running - 1
      if running == 0 then done = true end
    end)
  end
  assert(cq:loop())
  local wall, cpu = cqueues.monotime() - t0, os.clock() - cpu0
  local n, p50, p99, max = pinger:read("a"):match("(%S+)%s+(%S+)%s+(%S+)%s+(%S+)")
  pinger:close()
  os.remove(script)
  listener:close()
  table.sort(lat)
  return { calls = { rps = #lat / wall, total = #lat, failed = failed, p50 = pct(lat, 0.5),
                     p99 = pct(lat, 0.99), cpu_us = cpu / math.max(1, #lat + failed) * 1e6 },
           ping = { total = tonumber(n), p50 = tonumber(p50), p99 = tonumber(p99),
                    max = tonumber(max) } }
end

-- CPU per call with no added latency: one coroutine, FAST_N calls.
local function fast(dd, id)
  local cq = cqueues.new()
  local cpu0, t0 = os.clock(), cqueues.monotime()
  cq:wrap(function()
    for _ = 1, FAST_N do assert(dd:get_opsgenie_service(id)) end
  end)
  assert(cq:loop())
  return { rps = FAST_N / (cqueues.monotime() - t0), cpu_us = (os.clock() - cpu0) / FAST_N * 1e6 }
end

local info = emu.start()
emu.reset()
local _, created = emu.call("POST", "/api/v2/integration/opsgenie/services", {
  data = { type = "opsgenie-service", attributes = { name = "bench", opsgenie_api_key = "og-bench-0001",
  region = "us" } } })
local id = created.data.id
emu.fault{ path = "^/api/v2/integration/opsgenie/services/", count = 100000000, delay_ms = DELAY_MS }

local keys = { base_url = info.base_url, api_key = info.api_key, app_key = info.app_key, retry = false }
local results = {
  setup = { concurrency = CONC, seconds = SECONDS, delay_ms = DELAY_MS,
            ideal_calls_per_s = CONC * 1000 / DELAY_MS },
}
results.cqueues = round(dcq.new(keys), id)
results.curl = round(datadog.new(keys), id)
emu.clear_faults()
results.cqueues.fast = fast(dcq.new(keys), id)
results.curl.fast = fast(datadog.new(keys), id)

local function row(name, r)
  return ("%-22s %9.1f %9.1f %9.1f %10.2f %10.2f %10.1f %10.0f"):format(name, r.calls.rps,
    r.calls.p50, r.calls.p99, r.ping.p50 or 0, r.ping.p99 or 0, r.ping.max or 0, r.calls.cpu_us)
end
print(("in a cqueues controller: %d coroutines calling for %d s, the API answering after %d ms, "
  .. "another process pinging the controller every 10 ms"):format(CONC, SECONDS, DELAY_MS))
print(("%-22s %9s %9s %9s %10s %10s %10s %10s"):format("client", "calls/s", "p50 ms", "p99 ms",
  "ping p50", "ping p99", "ping max", "CPU us/call"))
print(row("datadog.cqueues", results.cqueues))
print(row("datadog.new (libcurl)", results.curl))
local ideal = results.setup.ideal_calls_per_s
print(("target: >= %.0f calls/s (95%% of %.0f): %.1f, %s"):format(ideal * 0.95, ideal,
  results.cqueues.calls.rps, results.cqueues.calls.rps >= ideal * 0.95 and "met" or "NOT met"))
print(("target: pings answered in < 100 ms during calls (max): %.2f ms, %s"):format(
  results.cqueues.ping.max or -1, (results.cqueues.ping.max or 1e9) < 100 and "met" or "NOT met"))
print(("no added latency, one call at a time: datadog.cqueues %.1f us CPU/call (%.0f calls/s), "
  .. "libcurl %.1f us (%.0f calls/s)"):format(results.cqueues.fast.cpu_us, results.cqueues.fast.rps,
  results.curl.fast.cpu_us, results.curl.fast.rps))
results.cpu_ratio = results.cqueues.fast.cpu_us / results.curl.fast.cpu_us
print(("CPU per call against the libcurl client: %.2fx"):format(results.cpu_ratio))

local out = assert(io.open("bench/cqueues_results.json", "w"))
out:write(emu.encode(results), "\n")
out:close()
