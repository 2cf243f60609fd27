-- Runner for this module (lua-datadog), run from the repository root:
--
--   lua5.4 bench/lua/bench_module.lua VARIANT BASE_URL OP N WARMUP
--
-- VARIANT
--   named        dd:get_opsgenie_service(...) and friends, one call at a time
--   call         dd:call("GetOpsgenieService", {...}), one call at a time
--   rss-growth   N calls (named), VmRSS after the warm-up against VmRSS at the end
--   batch:C      dd:batch(calls, { concurrency = C }) over N calls
--
-- Prints one JSON line.  Ids, the mode label and the section come from the
-- environment (BENCH_OPSGENIE_ID, BENCH_INCIDENT_ID, BENCH_INTEGRATION_ID,
-- BENCH_MODE, BENCH_SECTION), as for the other runners.
-- Exit status: 0 ok, 1 some calls failed, 2 usage, 3 module not built,
-- 4 module failed to load.

package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path
package.cpath = "./?.so;" .. package.cpath

local variant, base, op, n_arg, warm_arg = ...
local n, warmup = tonumber(n_arg), tonumber(warm_arg)
if not (variant and base and op and n and warmup) or n < 1 or warmup < 0 then
  io.stderr:write("usage: lua5.4 bench/lua/bench_module.lua " ..
    "named|call|rss-growth|batch:C BASE_URL OP N WARMUP\n")
  os.exit(2)
end
n, warmup = math.tointeger(n) or n, math.tointeger(warmup) or warmup

local function env(name, fallback)
  local v = os.getenv(name)
  if v == nil or v == "" then return fallback end
  return v
end

local MODE = env("BENCH_MODE", "unknown")
local SECTION = env("BENCH_SECTION", "seq")
local OPSGENIE_ID = env("BENCH_OPSGENIE_ID", "596da4af-0563-4097-90ff-07230c3f9db3")
local INCIDENT_ID = env("BENCH_INCIDENT_ID", "00000000-aaaa-0000-0000-000000000000")
local INTEGRATION_ID = env("BENCH_INTEGRATION_ID", "00000000-0000-0000-1234-000000000000")

-- ---------------------------------------------------------------------------
-- Clocks, memory, JSON output (no JSON library: the output is flat)
-- ---------------------------------------------------------------------------

local has_system, system = pcall(require, "system")
if not has_system or not system.monotime then
  io.stderr:write("bench_module: lua-system (Debian lua-system) is required for a wall clock\n")
  os.exit(2)
end
local monotime = system.monotime
local cpu_seconds = os.clock -- clock(3): user + system time of this process

local function proc_status_kb(field)
  local f = io.open("/proc/self/status", "r")
  if not f then return nil end
  for line in f:lines() do
    local v = line:match("^" .. field .. ":%s*(%d+)")
    if v then f:close(); return tonumber(v) end
  end
  f:close()
  return nil
end

local function json_value(v)
  local t = type(v)
  if t == "string" then
    return '"' .. v:gsub('[%c"\\]', function(c)
      return string.format("\\u%04x", c:byte())
    end) .. '"'
  elseif t == "number" then
    if math.type(v) == "integer" then return tostring(v) end
    return string.format("%.6f", v)
  elseif t == "boolean" then
    return tostring(v)
  elseif t == "table" then -- arrays of numbers only
    local parts = {}
    for i = 1, #v do parts[i] = string.format("%.1f", v[i]) end
    return "[" .. table.concat(parts, ",") .. "]"
  end
  return "null"
end

local function emit(fields, order)
  local parts = {}
  for _, k in ipairs(order) do
    if fields[k] ~= nil then parts[#parts + 1] = '"' .. k .. '":' .. json_value(fields[k]) end
  end
  io.write("{", table.concat(parts, ","), "}\n")
  io.flush()
end

local ORDER = { "runner", "op", "mode", "section", "kind", "concurrency", "status", "reason",
  "n", "warmup", "wall_s", "cpu_s", "peak_rss_kb", "startup_ms", "first_call_ms", "errors",
  "first_error", "rss_after_warmup_kb", "rss_end_kb", "rss_end_after_gc_kb", "rss_growth_kb", "lua",
  "settings", "latencies_us" }

local RUNNER = "lua-datadog-" .. (variant:match("^batch") and "batch" or variant)
local SETTINGS = "base_url=" .. base .. "; compress=false; unstable=true; other options default"

-- ---------------------------------------------------------------------------
-- Load the module
-- ---------------------------------------------------------------------------

local core = io.open("./datadog/core.so", "rb")
if not core then
  io.stderr:write("bench_module: datadog/core.so not found: build the module first " ..
    "(and run from the repository root)\n")
  os.exit(3)
end
core:close()

local t0 = monotime()
local ok, datadog = pcall(require, "datadog")
local dd, new_err
if ok then
  -- compress = false, as for the TypeScript client: the raw floor asks for
  -- no compression either, and a server gzipping 50 KB would be timed.
  ok, dd = pcall(datadog.new, { base_url = base, api_key = "bench-api-key",
    app_key = "bench-app-key", unstable = true, compress = false })
  if not ok then new_err = dd end
else
  new_err = datadog
end
local startup_ms = (monotime() - t0) * 1e3
if not ok or not dd then
  io.stderr:write("bench_module: loading the module failed: " .. tostring(new_err) .. "\n")
  os.exit(4)
end

-- ---------------------------------------------------------------------------
-- The operations, both ways
-- ---------------------------------------------------------------------------

-- Same PATCH body as the other runners.  Built once, as in the TS runner.
local patch_body = {
  data = {
    type = "incident_integrations",
    attributes = {
      integration_type = 1,
      metadata = {
        channels = {
          { channel_id = "C0123456789", channel_name = "#bench",
            redirect_url = "https://slack.com/app_redirect?channel=C0123456789&team=T01234567",
            team_id = "T01234567" },
        },
      },
    },
  },
}

-- Each operation's call through its named method, as Lua source: the
-- warm-up's function and the timed loop below are both compiled from it.
local NAMED_CALL = {
  GetOpsgenieService = "dd:get_opsgenie_service(OPSGENIE_ID)",
  UpdateIncidentIntegration = "dd:update_incident_integration(INCIDENT_ID, INTEGRATION_ID, patch_body)",
  ListIncidentIntegrations = "dd:list_incident_integrations(INCIDENT_ID)",
}

local params = {
  GetOpsgenieService = { integration_service_id = OPSGENIE_ID },
  UpdateIncidentIntegration = { incident_id = INCIDENT_ID,
    integration_metadata_id = INTEGRATION_ID, body = patch_body },
  ListIncidentIntegrations = { incident_id = INCIDENT_ID },
}

if not NAMED_CALL[op] then
  io.stderr:write("bench_module: unknown operation " .. op .. "\n")
  os.exit(2)
end

local call_params = params[op]
local CALL = variant == "call" and "dd:call(op, call_params)" or NAMED_CALL[op]

-- Compiles `body` with the call written out in it in place of %s, as a
-- chunk whose locals are the names CALL uses (so the call reads them from
-- registers), then `extra`: a function of the values of `extra`.
local function with_call(body, extra)
  local chunk = assert(load("local dd, op, call_params, OPSGENIE_ID, INCIDENT_ID, INTEGRATION_ID, "
    .. "patch_body" .. extra .. " = ...\n" .. body:format(CALL), "=" .. variant .. " " .. op))
  return function(...)
    return chunk(dd, op, call_params, OPSGENIE_ID, INCIDENT_ID, INTEGRATION_ID, patch_body, ...)
  end
end

local fn = with_call("return function() return %s end", "")()

local errors, first_error = 0, nil
local function once()
  local okc, res, err = pcall(fn)
  if not okc then
    err, res = res, nil
  end
  if res == nil then
    errors = errors + 1
    first_error = first_error or tostring(err)
  end
end

-- One probe call before any loop: a dead server would otherwise cost N times
-- the client's retry back-off.
local first_call_ms
local function probe()
  local t = monotime()
  once()
  -- the first call loads libcurl (src/drivers/curl_api.c) and connects: reported
  -- beside start-up so that what lazy loading moved out of it is seen
  first_call_ms = (monotime() - t) * 1e3
  if errors > 0 then
    io.stderr:write("bench_module: first call failed: ", tostring(first_error), "\n")
    os.exit(5)
  end
end

local function record(extra)
  local r = { runner = RUNNER, op = op, mode = MODE, section = SECTION, n = n,
    warmup = warmup, startup_ms = startup_ms, first_call_ms = first_call_ms, lua = _VERSION }
  for k, v in pairs(extra) do r[k] = v end
  r.peak_rss_kb = proc_status_kb("VmHWM")
  r.errors = errors
  r.first_error = first_error
  r.settings = SETTINGS
  emit(r, ORDER)
  os.exit(errors == 0 and 0 or 1)
end

-- ---------------------------------------------------------------------------
-- Variants
-- ---------------------------------------------------------------------------

-- The timed loop, compiled with the call written out in it: what is timed
-- is the call between two clock reads, as in raw_curl's loop, with no pcall
-- or wrapper function around each call (together about 0.07 us). The
-- results are checked after the clock stops. A call that raises ends the
-- loop; it is counted as a failed call.
local timed_loop = with_call([[
local errors, first = 0, nil
for i = 1, n do
  local s = monotime()
  local res, err = %s
  lat[i] = (monotime() - s) * 1e6
  if res == nil then
    errors = errors + 1
    first = first or err
  end
end
return errors, first
]], ", monotime, lat, n")

local function sequential()
  probe()
  for _ = 1, warmup do once() end
  errors, first_error = 0, nil
  local lat = {}
  for i = 1, n do lat[i] = 0.0 end -- preallocate so the loop does not grow it
  local c0, w0 = cpu_seconds(), monotime()
  local okl, e, f = pcall(timed_loop, monotime, lat, n)
  local wall, cpu = monotime() - w0, cpu_seconds() - c0
  if okl then
    errors, first_error = e, f ~= nil and tostring(f) or nil
  else
    errors, first_error = errors + 1, tostring(e)
  end
  record { kind = "seq", wall_s = wall, cpu_s = cpu, latencies_us = lat }
end

local function rss_growth()
  probe()
  for _ = 1, warmup do once() end
  errors, first_error = 0, nil
  local rss0 = proc_status_kb("VmRSS")
  local c0, w0 = cpu_seconds(), monotime()
  for _ = 1, n do once() end
  local wall, cpu = monotime() - w0, cpu_seconds() - c0
  local rss1 = proc_status_kb("VmRSS")
  collectgarbage("collect")
  local rss2 = proc_status_kb("VmRSS")
  record { kind = "rss-growth", wall_s = wall, cpu_s = cpu, rss_after_warmup_kb = rss0,
    rss_end_kb = rss1, rss_end_after_gc_kb = rss2, rss_growth_kb = rss1 - rss0 }
end

-- One entry of dd:batch's list: { operation_id, params }.
local function batch_entry()
  return { op, call_params }
end

-- dd:batch returns { res, response | nil, err } per call, in input order.
local function batch_failed(r)
  return r[1] == nil
end

local function batch(concurrency)
  -- The client's __index may raise on an unknown name ("did you mean"), so
  -- look the method up under pcall.
  local has, method = pcall(function() return dd.batch end)
  if not has or type(method) ~= "function" then
    emit({ runner = RUNNER, op = op, mode = MODE, section = SECTION, kind = "batch",
      concurrency = concurrency, status = "skipped", reason = "dd:batch not available",
      n = n, startup_ms = startup_ms }, ORDER)
    os.exit(0)
  end
  probe()
  for _ = 1, warmup do once() end
  errors, first_error = 0, nil
  local calls = {}
  for i = 1, n do calls[i] = batch_entry() end
  local c0, w0 = cpu_seconds(), monotime()
  local okb, results, berr = pcall(dd.batch, dd, calls, { concurrency = concurrency })
  local wall, cpu = monotime() - w0, cpu_seconds() - c0
  if not okb or type(results) ~= "table" then
    errors = n
    first_error = tostring(okb and berr or results)
  else
    for i = 1, n do
      if batch_failed(results[i]) then
        errors = errors + 1
        if not first_error then
          local r = results[i]
          first_error = tostring(r[2])
        end
      end
    end
  end
  record { kind = "batch", concurrency = concurrency, wall_s = wall, cpu_s = cpu }
end

if variant == "named" or variant == "call" then
  sequential()
elseif variant == "rss-growth" then
  rss_growth()
elseif variant:match("^batch:%d+$") then
  batch(math.tointeger(tonumber(variant:match("%d+"))))
else
  io.stderr:write("bench_module: unknown variant " .. variant .. "\n")
  os.exit(2)
end
