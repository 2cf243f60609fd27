-- Report each operation's latency, attempts and waits from on_event: the
-- module tells a table per attempt, wait and finished call, so metrics need
-- no parsing of debug text.
--   lua5.4 examples/latency_report.lua [ROUNDS]
-- Read-only: it lists incident types, Opsgenie services and a page of
-- incidents ROUNDS times (default 5) and prints, per operation, the calls,
-- attempts, waits and the median and slowest call.
local example = require "examples.connect" -- first: it finds the checkout's module

local rounds = tonumber(arg[1] or "5")
if not rounds or rounds < 1 or rounds % 1 ~= 0 or arg[2] then
  example.usage("ROUNDS must be a whole number from 1 (usage: lua5.4 "
    .. "examples/latency_report.lua [ROUNDS])")
end

local stats = {} -- operation -> { times = {...}, attempts = n, waits = n, failed = n }
local function on_event(e)
  local s = stats[e.operation]
  if not s then
    s = { times = {}, attempts = 0, waits = 0, failed = 0 }
    stats[e.operation] = s
  end
  if e.type == "attempt" then
    s.attempts = s.attempts + 1
  elseif e.type == "wait" then
    s.waits = s.waits + 1
  elseif e.type == "done" then
    s.times[#s.times + 1] = e.elapsed
    if not e.ok then s.failed = s.failed + 1 end
  end
end

local dd, where = example.connect{ on_event = on_event }
print("talking to " .. where)
for _ = 1, rounds do
  example.check(dd:list_incident_types())
  example.check(dd:list_opsgenie_services())
  example.check(dd:list_incidents{ page_size = 5 })
end
dd:close()

local names = {}
for name in pairs(stats) do names[#names + 1] = name end
table.sort(names)
print(("%-22s %5s %8s %5s %6s %10s %10s"):format("operation", "calls", "attempts", "waits",
  "failed", "median ms", "slowest ms"))
for _, name in ipairs(names) do
  local s = stats[name]
  table.sort(s.times)
  print(("%-22s %5d %8d %5d %6d %10.1f %10.1f"):format(name, #s.times, s.attempts, s.waits,
    s.failed, s.times[math.ceil(#s.times / 2)] * 1e3, s.times[#s.times] * 1e3))
end
