-- Reads the runners' JSON lines (bench/.work/results.jsonl), prints the
-- tables, ratios and targets, writes bench/results.json, and draws
-- bench/latency.png with gnuplot (data in bench/.work/latency.dat).
--
--   lua5.4 bench/report.lua [RESULTS_JSONL]
--
-- Figures are printed and compared with the targets, never asserted: the exit
-- status is 0 whatever the numbers say.

local cjson = require "cjson"

local here = (arg[0]:match("^(.*)/[^/]*$") or ".")
local BENCH = here
local WORK = BENCH .. "/.work"
local input = arg[1] or (WORK .. "/results.jsonl")

-- Debian's lua-cjson turns every number into a float; that is fine here.
local function read_lines(path)
  local rows = {}
  local f = assert(io.open(path, "r"))
  for line in f:lines() do
    if line:match("^%s*{") then
      local ok, row = pcall(cjson.decode, line)
      if ok then rows[#rows + 1] = row
      else io.stderr:write("report: bad JSON line skipped: ", line:sub(1, 120), "\n") end
    end
  end
  f:close()
  return rows
end

local rows = read_lines(input)

-- ---------------------------------------------------------------------------
-- Statistics
-- ---------------------------------------------------------------------------

local function sorted_copy(t)
  local c = {}
  for i = 1, #t do c[i] = t[i] end
  table.sort(c)
  return c
end

-- Nearest-rank percentile of a sorted array.
local function pct(s, p)
  if #s == 0 then return nil end
  local k = math.ceil(p / 100 * #s)
  if k < 1 then k = 1 end
  return s[k]
end

local function median(list)
  local s = sorted_copy(list)
  if #s == 0 then return nil end
  if #s % 2 == 1 then return s[(#s + 1) // 2] end
  return (s[#s // 2] + s[#s // 2 + 1]) / 2
end

local function summarize(r)
  local s = {}
  if type(r.latencies_us) == "table" and #r.latencies_us > 0 then
    local sorted = sorted_copy(r.latencies_us)
    r._sorted = sorted
    s.median_us = median(sorted)
    s.p90_us = pct(sorted, 90)
    s.p99_us = pct(sorted, 99)
    s.p999_us = pct(sorted, 99.9)
    s.min_us = sorted[1]
    s.max_us = sorted[#sorted]
  end
  if r.wall_s and r.n and r.n > 0 then
    s.mean_us = r.wall_s / r.n * 1e6
    s.calls_per_s = r.n / r.wall_s
  end
  if r.cpu_s and r.n and r.n > 0 then s.cpu_us_per_call = r.cpu_s / r.n * 1e6 end
  if r.peak_rss_kb then s.peak_rss_mb = r.peak_rss_kb / 1024 end
  r._s = s
  return s
end

for _, r in ipairs(rows) do
  if not r.status then summarize(r) end
end

-- ---------------------------------------------------------------------------
-- Indexes
-- ---------------------------------------------------------------------------

local OPS = { "GetOpsgenieService", "UpdateIncidentIntegration", "ListIncidentIntegrations" }
local RUNNERS = { "raw-libcurl", "typescript", "lua-datadog-named", "lua-datadog-call" }
local MODULE_RUNNERS = { "lua-datadog-named", "lua-datadog-call" }

local modes, mode_seen = {}, {}
local seq = {}      -- seq[mode][op][runner] = row
local batch = {}    -- batch[mode] = list of rows
local rss_growth
local meta = {}

local function key_mode(m)
  if not mode_seen[m] then mode_seen[m] = true; modes[#modes + 1] = m end
end

-- The sequential rows come in rounds (BENCH_ROUNDS; BENCH_TS_ROUNDS for the
-- TypeScript client): every runner once per round, the rounds one after another, so that a slow spell of the machine
-- falls on all runners alike instead of on one. A runner's rounds are pooled
-- into one row (all latencies, summed counts and times); each round's own
-- median is kept for the per-round ratios.
local function pool(list)
  local measured_rounds = {}
  for _, r in ipairs(list) do
    if not r.status then measured_rounds[#measured_rounds + 1] = r end
  end
  if #measured_rounds == 0 then return list[1] end
  if #measured_rounds == 1 and #list == 1 then
    measured_rounds[1]._round_medians = { measured_rounds[1]._s.median_us }
    return measured_rounds[1]
  end
  local m = {}
  for k, v in pairs(measured_rounds[1]) do
    if type(k) == "string" and k:sub(1, 1) ~= "_" then m[k] = v end
  end
  local lat, starts, firsts, medians = {}, {}, {}, {}
  m.n, m.wall_s, m.cpu_s, m.errors, m.peak_rss_kb = 0, 0, 0, 0, 0
  for _, r in ipairs(measured_rounds) do
    for _, v in ipairs(r.latencies_us or {}) do lat[#lat + 1] = v end
    m.n = m.n + (r.n or 0)
    m.wall_s = m.wall_s + (r.wall_s or 0)
    m.cpu_s = m.cpu_s + (r.cpu_s or 0)
    m.errors = m.errors + (r.errors or 0)
    m.peak_rss_kb = math.max(m.peak_rss_kb, r.peak_rss_kb or 0)
    starts[#starts + 1] = r.startup_ms
    firsts[#firsts + 1] = r.first_call_ms
    medians[#medians + 1] = r._s.median_us
  end
  m.latencies_us = lat
  m.startup_ms = median(starts)
  m.first_call_ms = median(firsts)
  m.rounds = #measured_rounds
  m.failed_rounds = #list - #measured_rounds
  summarize(m)
  m._round_medians = medians
  return m
end

local seq_lists = {} -- seq_lists[mode][op][runner] = the rows of every round
for _, r in ipairs(rows) do
  local section = r.section or "seq"
  if section == "seq" then
    key_mode(r.mode)
    seq_lists[r.mode] = seq_lists[r.mode] or {}
    local ops = seq_lists[r.mode]
    ops[r.op] = ops[r.op] or {}
    local names = r.runner == "all" and RUNNERS or { r.runner }
    for _, name in ipairs(names) do
      ops[r.op][name] = ops[r.op][name] or {}
      table.insert(ops[r.op][name], r)
    end
  elseif section == "batch" then
    batch[r.mode] = batch[r.mode] or {}
    local list = batch[r.mode]
    list[#list + 1] = r
  elseif section == "rss-growth" then
    rss_growth = r
  elseif section == "meta" then
    meta = r
  end
end

for mode, ops in pairs(seq_lists) do
  seq[mode] = {}
  for op, names in pairs(ops) do
    seq[mode][op] = {}
    for name, list in pairs(names) do seq[mode][op][name] = pool(list) end
  end
end

-- Modes in a stable, meaningful order.
local mode_rank = { static = 1, emulator = 2 }
table.sort(modes, function(a, b)
  return (mode_rank[a] or 9) < (mode_rank[b] or 9) or
    ((mode_rank[a] or 9) == (mode_rank[b] or 9) and a < b)
end)

local function row(mode, op, runner)
  local m = seq[mode]
  local o = m and m[op]
  return o and o[runner]
end

local function measured(r) return r and not r.status and r._s end

-- ---------------------------------------------------------------------------
-- Printing helpers
-- ---------------------------------------------------------------------------

local function fmt(v, spec)
  if v == nil then return "-" end
  return string.format(spec or "%.1f", v)
end

local function pad(s, w, left)
  s = tostring(s)
  local len = utf8.len(s) or #s
  if len >= w then return s end
  if left then return s .. string.rep(" ", w - len) end
  return string.rep(" ", w - len) .. s
end

local out = {}
local function p(...) out[#out + 1] = table.concat({ ... }) end

-- ---------------------------------------------------------------------------
-- Per-call table
-- ---------------------------------------------------------------------------

local COLS = { { "runner", 19, true }, { "median µs", 10 }, { "p99 µs", 10 }, { "calls/s", 9 },
  { "CPU µs/call", 12 }, { "peak RSS MB", 12 }, { "startup ms", 11 }, { "errors", 7 } }

local function header()
  local parts = {}
  for _, c in ipairs(COLS) do parts[#parts + 1] = pad(c[1], c[2], c[3]) end
  return table.concat(parts, " ")
end

local function why(r)
  local reason = r.reason and r.reason:gsub("^bench_module: ", "") or nil
  if reason and #reason > 90 then reason = reason:sub(1, 87) .. "..." end
  return r.status .. (reason and (": " .. reason) or "")
end

local function line_for(name, r)
  if not r then return pad(name, 19, true) .. "  (no data)" end
  if r.status then
    return pad(name, 19, true) .. "  " .. why(r)
  end
  local s = r._s
  local v = { name, fmt(s.median_us), fmt(s.p99_us), fmt(s.calls_per_s, "%.0f"),
    fmt(s.cpu_us_per_call), fmt(s.peak_rss_mb, "%.2f"), fmt(r.startup_ms, "%.2f"),
    fmt(r.errors, "%d") }
  local parts = {}
  for i, c in ipairs(COLS) do parts[i] = pad(v[i], c[2], c[3]) end
  return table.concat(parts, " ")
end

local function body_size(mode, op)
  local r = row(mode, op, "raw-libcurl")
  if measured(r) and r.resp_bytes then return string.format(" (%d B response)", r.resp_bytes) end
  return ""
end

p("lua-datadog benchmark: sequential calls, one process per runner and round; each round runs",
  " raw libcurl and the module back to back (TypeScript's rounds after them), and a row pools",
  " its rounds")
for _, mode in ipairs(modes) do
  for _, op in ipairs(OPS) do
    p("")
    p("== ", mode, " | ", op, body_size(mode, op), " ==")
    p(header())
    for _, name in ipairs(RUNNERS) do p(line_for(name, row(mode, op, name))) end
    for _, name in ipairs(RUNNERS) do
      local r = row(mode, op, name)
      if measured(r) and (r.errors or 0) > 0 then
        p("  ! ", name, ": ", fmt(r.errors, "%d"), " failed calls, figures unreliable; first: ",
          tostring(r.first_error))
      end
    end
  end
end

-- Start-up: each row is a fresh process that measured its own.
do
  local parts = {}
  for _, name in ipairs(RUNNERS) do
    local list = {}
    for _, r in ipairs(rows) do
      if r.runner == name and not r.status and r.startup_ms then list[#list + 1] = r.startup_ms end
    end
    local m = median(list)
    if m then parts[#parts + 1] = string.format("%s %.2f ms", name, m) end
  end
  if #parts > 0 then
    p("")
    p("start-up, median over processes: ", table.concat(parts, "; "))
    p("  (raw: curl_global_init + a configured handle; typescript: require + configuration + API",
      " objects; lua-datadog: require \"datadog\" + datadog.new{})")
  end
end

-- ---------------------------------------------------------------------------
-- Ratios (median per-call latency)
-- ---------------------------------------------------------------------------

local function ratio(a, b)
  if not (measured(a) and measured(b)) then return nil end
  local x, y = a._s.median_us, b._s.median_us
  if not x or not y or y == 0 then return nil end
  return x / y
end

local function mean_ratio(a, b)
  if not (measured(a) and measured(b)) then return nil end
  local x, y = a._s.mean_us, b._s.mean_us
  if not x or not y or y == 0 then return nil end
  return x / y
end

local ratios = {}
p("")
p("== Ratios of median per-call time (mean in brackets) ==")
p(pad("mode", 10, true), " ", pad("operation", 27, true), " ", pad("named/raw", 16), " ",
  pad("call/raw", 16), " ", pad("TS/named", 16), " ", pad("TS/call", 16))
local function rcell(a, b)
  local r, m = ratio(a, b), mean_ratio(a, b)
  if not r then return "-" end
  return string.format("%.2fx (%.2fx)", r, m)
end
for _, mode in ipairs(modes) do
  for _, op in ipairs(OPS) do
    local raw, ts = row(mode, op, "raw-libcurl"), row(mode, op, "typescript")
    local nm, cl = row(mode, op, "lua-datadog-named"), row(mode, op, "lua-datadog-call")
    ratios[#ratios + 1] = { mode = mode, op = op,
      named_over_raw = ratio(nm, raw), call_over_raw = ratio(cl, raw),
      ts_over_named = ratio(ts, nm), ts_over_call = ratio(ts, cl),
      named_over_raw_mean = mean_ratio(nm, raw), call_over_raw_mean = mean_ratio(cl, raw),
      ts_over_named_mean = mean_ratio(ts, nm), ts_over_call_mean = mean_ratio(ts, cl),
      ts_over_raw = ratio(ts, raw) }
    p(pad(mode, 10, true), " ", pad(op, 27, true), " ", pad(rcell(nm, raw), 16), " ",
      pad(rcell(cl, raw), 16), " ", pad(rcell(ts, nm), 16), " ", pad(rcell(ts, cl), 16))
  end
end

-- Round by round: the module's median over raw libcurl's in the same round.
local function per_round(a, b)
  if not (measured(a) and measured(b) and a._round_medians and b._round_medians) then return nil end
  local list = {}
  for i = 1, math.min(#a._round_medians, #b._round_medians) do
    list[i] = a._round_medians[i] / b._round_medians[i]
  end
  return list
end
do
  local shown = false
  for _, mode in ipairs(modes) do
    for _, op in ipairs(OPS) do
      local raw = row(mode, op, "raw-libcurl")
      local parts = {}
      for _, name in ipairs(MODULE_RUNNERS) do
        local list = per_round(row(mode, op, name), raw)
        if list and #list > 1 then
          local cells = {}
          for i, v in ipairs(list) do cells[i] = string.format("%.2f", v) end
          parts[#parts + 1] = name:gsub("^lua%-datadog%-", "") .. "/raw " .. table.concat(cells, " ")
        end
      end
      if #parts > 0 then
        if not shown then
          p("per round (raw libcurl, named and call back to back in each round):")
          shown = true
        end
        p("  ", pad(mode, 8, true), " ", pad(op, 27, true), " ", table.concat(parts, "; "))
      end
    end
  end
end

-- ---------------------------------------------------------------------------
-- Batch
-- ---------------------------------------------------------------------------

local batch_modes = {}
for m in pairs(batch) do batch_modes[#batch_modes + 1] = m end
local function batch_rank(m)
  return m == "static" and 1 or m:match("^static%+") and 2 or m == "emulator" and 3 or 4
end
table.sort(batch_modes, function(a, b)
  local ra, rb = batch_rank(a), batch_rank(b)
  if ra ~= rb then return ra < rb end
  return a < b
end)
local batch_summary = {}

if #batch_modes > 0 then
  p("")
  p("== Batch: GetOpsgenieService, wall time for all calls ==")
  p(pad("mode", 14, true), " ", pad("runner", 19, true), " ", pad("how", 12, true), " ",
    pad("calls", 6), " ", pad("wall ms", 10), " ", pad("calls/s", 9), " ", pad("CPU µs/call", 12),
    " ", pad("vs seq", 8))
  for _, mode in ipairs(batch_modes) do
    local seq_wall = {}
    for _, r in ipairs(batch[mode]) do
      if not r.status and r.kind == "seq" then seq_wall[r.runner:match("^lua") and "lua" or r.runner] = r.wall_s end
    end
    for _, r in ipairs(batch[mode]) do
      local conc = r.concurrency or tonumber((r.kind or ""):match("^batch:(%d+)$"))
      local how = (r.kind or ""):match("^batch") and ("conc " .. fmt(conc, "%d")) or "sequential"
      local family = r.runner:match("^lua") and "lua" or r.runner
      if r.status then
        p(pad(mode, 14, true), " ", pad(r.runner, 19, true), " ", pad(how, 12, true), "  ", why(r))
      else
        local speedup = seq_wall[family] and r.wall_s > 0 and seq_wall[family] / r.wall_s or nil
        p(pad(mode, 14, true), " ", pad(r.runner, 19, true), " ", pad(how, 12, true), " ",
          pad(fmt(r.n, "%d"), 6), " ", pad(fmt(r.wall_s * 1e3), 10), " ",
          pad(fmt(r._s.calls_per_s, "%.0f"), 9), " ", pad(fmt(r._s.cpu_us_per_call), 12), " ",
          pad(speedup and string.format("%.2fx", speedup) or "-", 8))
        batch_summary[#batch_summary + 1] = { mode = mode, runner = r.runner, kind = r.kind,
          concurrency = r.concurrency, n = r.n, wall_s = r.wall_s, cpu_s = r.cpu_s,
          calls_per_s = r._s.calls_per_s, speedup_vs_sequential = speedup, errors = r.errors }
      end
    end
  end
end

-- ---------------------------------------------------------------------------
-- Targets
-- ---------------------------------------------------------------------------

local targets = {}
-- `met` is true, false, or nil/false-y from a missing figure: only a figure
-- decides, so a nil figure is reported as "n/a".
local function target(name, figure, text, met, note)
  if figure == nil then met = nil else met = met and true or false end
  targets[#targets + 1] = { target = name, figure = figure, figure_text = text,
    met = met, note = note }
end

-- 1. module per-call time at most 1.15x raw libcurl on the static server.
-- The issue's floor is "a C program doing the same GET with raw libcurl and
-- a reused handle": the small GET, GetOpsgenieService, judged for both ways
-- of calling (the worse of named and dd:call). The other operations' ratios
-- are printed beside it, not hidden: the floor sends a prebuilt body and
-- never decodes, which is most of what the module does on a PATCH and on a
-- 50 KB list (decoding that list takes longer than fetching it).
do
  local worst, where
  for _, name in ipairs(MODULE_RUNNERS) do
    local r = ratio(row("static", "GetOpsgenieService", name),
      row("static", "GetOpsgenieService", "raw-libcurl"))
    if r and (not worst or r > worst) then worst, where = r, name end
  end
  local others = {}
  for _, op in ipairs(OPS) do
    if op ~= "GetOpsgenieService" then
      local w
      for _, name in ipairs(MODULE_RUNNERS) do
        local r = ratio(row("static", op, name), row("static", op, "raw-libcurl"))
        if r and (not w or r > w) then w = r end
      end
      if w then others[#others + 1] = string.format("%s %.2fx", op, w) end
    end
  end
  target("sequential per-call time <= 1.15x raw libcurl (static server, median, GetOpsgenieService)",
    -- three decimals: at two, a ratio just above the line prints as 1.15x
    worst, worst and string.format("%.3fx (%s)", worst, where) or "not measured",
    worst and worst <= 1.15,
    #others > 0 and ("the floor's GET; the other operations, whose body the floor neither "
      .. "encodes nor decodes: " .. table.concat(others, ", ")) or nil)
end

-- 2. at least 4x faster per call than the TypeScript client, static, worst case.
do
  local worst, where
  for _, op in ipairs(OPS) do
    for _, name in ipairs(MODULE_RUNNERS) do
      local r = ratio(row("static", op, "typescript"), row("static", op, name))
      if r and (not worst or r < worst) then worst, where = r, name .. " " .. op end
    end
  end
  target("at least 4x faster per call than the official TypeScript client (static, median, worst op)",
    worst, worst and string.format("%.2fx (%s)", worst, where) or "not measured",
    worst and worst >= 4)
end

-- 3. batch at concurrency 32 at least 3x faster than sequential.  Judged on
-- the delayed server: with no round trip to hide, two cores shared with the
-- server bound any client's speed-up; the other modes are printed above.
do
  local judged, figure, text
  for _, mode in ipairs(batch_modes) do
    if mode:match("^static%+") then judged = mode end
  end
  judged = judged or batch_modes[1]
  for _, b in ipairs(batch_summary) do
    if b.mode == judged and b.runner == "lua-datadog-batch" and b.concurrency == 32 then
      figure = b.speedup_vs_sequential
    end
  end
  text = figure and string.format("%.2fx (%s server)", figure, judged) or "not measured"
  target("1,000-call dd:batch at concurrency 32 >= 3x faster than sequential", figure, text,
    figure and figure >= 3,
    "judged on the server with an added delay, which stands in for a network round trip")
end

-- 4. start-up under 5 ms: median over every module process.
do
  local list, first = {}, {}
  for _, r in ipairs(rows) do
    if not r.status and r.runner and r.runner:match("^lua%-datadog") and r.startup_ms then
      list[#list + 1] = r.startup_ms
      if r.first_call_ms and r.section == "seq" then first[#first + 1] = r.first_call_ms end
    end
  end
  local m, f = median(list), median(first)
  target("start-up (require \"datadog\" + datadog.new{}) < 5 ms", m,
    m and string.format("%.2f ms (median of %d processes)", m, #list) or "not measured",
    m and m < 5,
    f and string.format("libcurl is loaded by the first call, not at start-up: the first "
      .. "call (loading libcurl, connecting, one request) takes %.2f ms (median)", f) or nil)
end

-- 5. peak RSS under 20 MB: the largest over the module's sequential rows.
do
  local worst
  for _, r in ipairs(rows) do
    if not r.status and r.runner and r.runner:match("^lua%-datadog") and r.peak_rss_kb
      and r.section ~= "rss-growth" then
      local mb = r.peak_rss_kb / 1024
      if not worst or mb > worst then worst = mb end
    end
  end
  target("peak RSS < 20 MB", worst,
    worst and string.format("%.2f MB (largest module process)", worst) or "not measured",
    worst and worst < 20)
end

-- 6. RSS growth under 1 MB over 100,000 calls.
do
  local g = measured(rss_growth) and rss_growth.rss_growth_kb
  target("RSS growth < 1 MB over 100,000 calls", g and g / 1024,
    g and string.format("%.3f MB over %d calls (VmRSS %d -> %d kB; %d kB after a full GC)",
      g / 1024, rss_growth.n, rss_growth.rss_after_warmup_kb, rss_growth.rss_end_kb,
      rss_growth.rss_end_after_gc_kb or -1) or
      (rss_growth and rss_growth.status or "not measured"),
    g and g < 1024,
    rss_growth and rss_growth.n and rss_growth.n < 100000 and
      "fewer calls than the target names (quick run)" or nil)
end

p("")
p("== Targets (printed, never asserted) ==")
for _, t in ipairs(targets) do
  local verdict = t.met == true and "met" or t.met == false and "NOT met" or "n/a"
  p(pad(verdict, 8, true), t.target, ": ", t.figure_text)
  if t.note then p(pad("", 8, true), "(", t.note, ")") end
end

-- ---------------------------------------------------------------------------
-- Machine information
-- ---------------------------------------------------------------------------

local function cmd(c)
  local f = io.popen(c .. " 2>&1")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  s = s and s:gsub("%s+$", "")
  if s == "" then return nil end
  return s
end

local function cpu_model()
  local f = io.open("/proc/cpuinfo", "r")
  if not f then return nil end
  for line in f:lines() do
    local m = line:match("^model name%s*:%s*(.-)%s*$")
    if m then f:close(); return m end
  end
  f:close()
  return nil
end

local function first_of(runner, field)
  for _, r in ipairs(rows) do
    if r.runner == runner and r[field] then return r[field] end
  end
  return nil
end

local machine = {
  nproc = tonumber(cmd("nproc") or ""),
  cpu_model = cpu_model(),
  kernel = cmd("uname -sr"),
  lua = (cmd("lua5.4 -v") or ""):match("^(Lua %S+)"),
  node = cmd("node --version"),
  libcurl = first_of("raw-libcurl", "libcurl") or cmd("curl-config --version"),
  typescript_client = first_of("typescript", "client_version"),
  nginx = cmd("nginx -v"),
  loadavg = cmd("cat /proc/loadavg"),
}

p("")
p("machine: ", tostring(machine.nproc), " cores, ", machine.cpu_model or "?", "; ",
  machine.kernel or "?")
p("versions: ", machine.lua or "?", "; node ", machine.node or "?", "; libcurl ",
  machine.libcurl or "?", "; @datadog/datadog-api-client ", machine.typescript_client or "?")
local ts_settings = first_of("typescript", "settings")
local module_settings = first_of("lua-datadog-named", "settings")
if ts_settings then p("TypeScript client settings: ", ts_settings) end
if module_settings then p("lua-datadog settings: ", module_settings) end
p("raw libcurl: one reused easy handle, same method/URL/headers/body, no Accept-Encoding, body not decoded")
if meta.cpu_mode then
  local where = {
    same = "server worker and the raw/lua runners on CPU " .. tostring(meta.server_cpu),
    split = "server worker on CPU " .. tostring(meta.server_cpu) .. ", raw/lua runners on CPU "
      .. tostring(meta.client_cpu),
    none = "nothing pinned",
  }
  p("CPU placement (BENCH_CPU=", meta.cpu_mode, "): ", where[meta.cpu_mode] or "?",
    meta.cpu_mode ~= "none" and (meta.node_pinned and "; node pinned too" or
      "; node left free (pinning it inflates its p99)") or "")
end
if meta.n then
  p(string.format("counts: %d calls after %d warm-up per row and round, %d rounds (TypeScript %d);"
    .. " batch %d calls; RSS run %d calls%s", meta.n, meta.warmup, meta.rounds or 1,
    meta.ts_rounds or meta.rounds or 1, meta.batch_n, meta.rss_n,
    meta.quick and " (BENCH_QUICK)" or ""))
end
if machine.loadavg then p("load average at report time: ", machine.loadavg) end

-- ---------------------------------------------------------------------------
-- results.json
-- ---------------------------------------------------------------------------

local KEEP = { "runner", "op", "mode", "section", "kind", "concurrency", "status", "reason",
  "n", "warmup", "wall_s", "cpu_s", "peak_rss_kb", "startup_ms", "first_call_ms", "errors",
  "first_error", "resp_bytes", "rss_after_warmup_kb", "rss_end_kb", "rss_end_after_gc_kb", "rss_growth_kb" }

local function int_or_float(v)
  if type(v) == "number" and v == math.floor(v) and math.abs(v) < 2 ^ 53 then
    return math.tointeger(v)
  end
  return v
end

local result_rows = {}
local seen_rounds = {}
for _, r in ipairs(rows) do
  local o = {}
  if (r.section or "seq") == "seq" and r.runner and r.op then
    local k = table.concat({ r.mode or "", r.op, r.runner }, "|")
    seen_rounds[k] = (seen_rounds[k] or 0) + 1
    o.round = seen_rounds[k]
  end
  for _, k in ipairs(KEEP) do
    if r[k] ~= nil then o[k] = int_or_float(r[k]) end
  end
  if r._s then
    for k, v in pairs(r._s) do o[k] = v end
  end
  result_rows[#result_rows + 1] = o
end

-- lua-cjson escapes "/" as "\/": valid, but noisy in URLs and versions.
local function json_string(str)
  return (cjson.encode(str):gsub("\\/", "/"))
end

-- A stable, readable encoder: sorted keys (or the order given for the top
-- level), two-space indent, integral numbers without a fraction.
local function encode(v, indent, order)
  indent = indent or ""
  local t = type(v)
  if t == "table" then
    local n = #v
    local inner = indent .. "  "
    if n > 0 or next(v) == nil then
      if n == 0 then return "[]" end
      local parts = {}
      for i = 1, n do parts[i] = inner .. encode(v[i], inner) end
      return "[\n" .. table.concat(parts, ",\n") .. "\n" .. indent .. "]"
    end
    local keys, rank = {}, {}
    for i, k in ipairs(order or {}) do rank[k] = i end
    for k in pairs(v) do keys[#keys + 1] = tostring(k) end
    table.sort(keys, function(a, b)
      local ra, rb = rank[a] or math.huge, rank[b] or math.huge
      if ra ~= rb then return ra < rb end
      return a < b
    end)
    local parts = {}
    for _, k in ipairs(keys) do
      parts[#parts + 1] = inner .. json_string(k) .. ": " .. encode(v[k], inner)
    end
    return "{\n" .. table.concat(parts, ",\n") .. "\n" .. indent .. "}"
  elseif t == "number" then
    if math.type(v) == "integer" then return tostring(v) end
    if v ~= v or v == math.huge or v == -math.huge then return "null" end
    if v == math.floor(v) and math.abs(v) < 2 ^ 53 then return string.format("%d", v) end
    return (string.format("%.4f", v):gsub("0+$", ""):gsub("%.$", ".0"))
  elseif t == "nil" then
    return "null"
  elseif t == "string" then
    return json_string(v)
  end
  return cjson.encode(v)
end

local results = {
  generated_at = os.date("!%Y-%m-%dT%H:%M:%SZ"),
  machine = machine,
  typescript_settings = ts_settings,
  module_settings = module_settings,
  config = { cpu_mode = meta.cpu_mode, server_cpu = meta.server_cpu, client_cpu = meta.client_cpu,
    node_pinned = meta.node_pinned, calls_per_row = int_or_float(meta.n),
    warmup = int_or_float(meta.warmup), rounds = int_or_float(meta.rounds),
    typescript_rounds = int_or_float(meta.ts_rounds), batch_calls = int_or_float(meta.batch_n),
    rss_calls = int_or_float(meta.rss_n), delay_ms = meta.delay_ms, quick = meta.quick },
  rows = result_rows,
  ratios = ratios,
  batch = batch_summary,
  targets = targets,
  notes = {
    "Per-call figures are medians of per-call latencies; calls/s and CPU are over the measured loop.",
    "CPU is user+system time of the client process during the measured loop (getrusage, os.clock, process.cpuUsage).",
    "Peak RSS is VmHWM (C, Lua) or ru_maxrss (node) of the client process.",
    "Runners ran one after another; nginx had one worker; the emulator is the project's own.",
  },
}
local jf = assert(io.open(BENCH .. "/results.json", "w"))
jf:write(encode(results, "", { "generated_at", "machine", "config", "targets", "ratios",
  "batch", "typescript_settings", "module_settings", "notes", "rows" }), "\n")
jf:close()

-- ---------------------------------------------------------------------------
-- Chart: latency CDFs, one panel per (mode, op), log x
-- ---------------------------------------------------------------------------

local STYLE = { ["raw-libcurl"] = 1, typescript = 2, ["lua-datadog-named"] = 3,
  ["lua-datadog-call"] = 4 }

local function draw_chart()
  os.execute("mkdir -p '" .. WORK .. "'")
  local dat_path = WORK .. "/latency.dat"
  local df = assert(io.open(dat_path, "w"))
  local index = 0
  local panels = {}
  for _, mode in ipairs(modes) do
    for _, op in ipairs(OPS) do
      local curves = {}
      for _, name in ipairs(RUNNERS) do
        local r = row(mode, op, name)
        if measured(r) and r._sorted then
          local s = r._sorted
          df:write(string.format("# %s %s %s\n", mode, op, name))
          -- At most ~400 points per curve: quantiles, denser in the tail.
          local last = 0
          local steps = {}
          for q = 1, 300 do steps[#steps + 1] = q / 300 * 0.99 end
          for q = 1, 100 do steps[#steps + 1] = 0.99 + q / 100 * 0.01 end
          for _, frac in ipairs(steps) do
            local k = math.max(1, math.ceil(frac * #s))
            if k ~= last then
              df:write(string.format("%.1f %.5f\n", s[k], k / #s))
              last = k
            end
          end
          df:write("\n\n")
          curves[#curves + 1] = { index = index, name = name }
          index = index + 1
        end
      end
      if #curves > 0 then panels[#panels + 1] = { mode = mode, op = op, curves = curves } end
    end
  end
  df:close()
  if #panels == 0 then
    p("chart: no latency data to draw")
    return
  end
  -- One x range for every panel, whole decades, so panels compare by eye.
  local lo, hi = math.huge, 0
  for _, mode in ipairs(modes) do
    for _, op in ipairs(OPS) do
      for _, name in ipairs(RUNNERS) do
        local r = row(mode, op, name)
        if measured(r) and r._sorted then
          lo = math.min(lo, r._sorted[1])
          hi = math.max(hi, r._sorted[#r._sorted])
        end
      end
    end
  end
  lo = 10 ^ math.floor(math.log(math.max(lo, 1), 10))
  hi = 10 ^ math.ceil(math.log(math.max(hi, lo * 10), 10))
  local nrows = math.ceil(#panels / 3)
  local gp_path = WORK .. "/latency.gp"
  local g = assert(io.open(gp_path, "w"))
  g:write(string.format([[
set terminal pngcairo size 1500,%d font "sans,9"
set output "%s/latency.png"
set multiplot layout %d,3 title "%s"
set logscale x
set format x "%%g"
set yrange [0:1]
set xrange [%g:%g]
set grid
set key outside below horizontal
set style line 1 lw 2 lc rgb "#555555"
set style line 2 lw 2 lc rgb "#d95f02"
set style line 3 lw 2 lc rgb "#1b9e77"
set style line 4 lw 2 lc rgb "#7570b3" dt 2
]], 420 * nrows, BENCH, nrows,
    string.format("Per-call latency CDF: x = µs per call (log), y = fraction of calls; left is faster"
      .. " - %s, %s cores", (machine.cpu_model or "?"):gsub('"', ""), tostring(machine.nproc)),
    lo, hi))
  for _, panel in ipairs(panels) do
    g:write(string.format('set title "%s | %s"\n', panel.mode, panel.op))
    local plots = {}
    for _, c in ipairs(panel.curves) do
      plots[#plots + 1] = string.format('"%s" index %d using 1:2 with lines ls %d title "%s"',
        dat_path, c.index, STYLE[c.name] or 1, c.name)
    end
    g:write("plot ", table.concat(plots, ", \\\n     "), "\n")
  end
  g:write("unset multiplot\n")
  g:close()
  local ok = os.execute("gnuplot '" .. gp_path .. "'")
  if ok then
    p("chart: ", BENCH, "/latency.png (data: ", dat_path, ")")
  else
    p("chart: gnuplot failed (script: ", gp_path, ")")
  end
end

draw_chart()
p("results: ", BENCH, "/results.json")

io.write(table.concat(out, "\n"), "\n")
