-- Keep Datadog's PagerDuty services in step with a list: create the missing
-- ones, update the keys that changed, delete the ones taken off the list.
--   lua5.4 examples/sync_pagerduty_services.lua services.json
-- services.json: [{"service_name": "payments", "service_key": "..."}, ...]
--
-- The v1 API cannot list services and never returns keys, so the sync
-- remembers what it applied in services.json.applied (names and keys: keep
-- it as private as services.json) and only deletes services it applied.
-- Without a file it syncs two made-up lists in turn, then deletes what it
-- made.
local example = require "examples.connect" -- first: it finds the checkout's module
local datadog = require "datadog"

local function sorted_names(t)
  local names = {}
  for name in pairs(t) do names[#names + 1] = name end
  table.sort(names)
  return names
end

-- Makes Datadog match `desired` (a list of {service_name, service_key});
-- `applied` maps the names the last sync applied to their keys. Returns the
-- new `applied`.
local function sync(dd, desired, applied)
  local now = {}
  for _, s in ipairs(desired) do
    local name = s.service_name
    local found, err = dd:get_pager_duty_integration_service(name)
    if found then
      if applied[name] ~= s.service_key then
        example.check(dd:update_pager_duty_integration_service(name,
          datadog.pagerduty_service_patch(s.service_key)))
        print("  updated the key of " .. name)
      else
        print("  unchanged " .. name)
      end
    elseif err.status == 404 then
      example.check(dd:create_pager_duty_integration_service(datadog.pagerduty_service(s)))
      print("  created " .. name)
    else
      error(err)
    end
    now[name] = s.service_key
  end
  for _, name in ipairs(sorted_names(applied)) do
    if now[name] == nil then
      local ok, err = dd:delete_pager_duty_integration_service(name)
      if not ok and err.status ~= 404 then error(err) end
      print("  deleted " .. name)
    end
  end
  return now
end

-- The JSON in `path`, or nil and why not.
local function read_json(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local text = f:read("*a")
  f:close()
  local value, derr = datadog.decode(text)
  if value == nil then return nil, path .. ": " .. tostring(derr) end
  return value
end

-- The list of services in `path`, or a usage error naming what is wrong:
-- a file of another shape would otherwise sync nothing and say it worked.
local SHAPE = 'a JSON list of {"service_name": "...", "service_key": "..."}'
local function read_services(path)
  local list, err = read_json(path)
  if list == nil then example.usage("cannot read the services: " .. tostring(err)) end
  if type(list) ~= "table" or getmetatable(list) ~= getmetatable(datadog.array()) then
    example.usage(path .. " is not " .. SHAPE)
  end
  local seen = {}
  for i, s in ipairs(list) do
    for _, field in ipairs({ "service_name", "service_key" }) do
      if type(s) ~= "table" or type(s[field]) ~= "string" or s[field] == "" then
        example.usage(("%s: entry %d has no %s (the file must be %s)"):format(path, i, field, SHAPE))
      end
    end
    if seen[s.service_name] then
      example.usage(("%s: entry %d repeats service %s"):format(path, i, s.service_name))
    end
    seen[s.service_name] = true
  end
  return list
end

local file = arg[1]
if arg[2] then example.usage("one file at most (usage: lua5.4 examples/sync_pagerduty_services.lua [FILE.json])") end
local desired = file and read_services(file)

local function write_json(path, value)
  local f = assert(io.open(path, "wb"))
  f:write(datadog.encode(datadog.object(value)), "\n")
  f:close()
end

example.run(function(dd, defer)
  if file then
    local applied = read_json(file .. ".applied") or {}
    print("syncing " .. #desired .. " PagerDuty services from " .. file)
    write_json(file .. ".applied", sync(dd, desired, applied))
    return
  end

  -- The self-contained run: made-up services with names no one else uses.
  local prefix = "lua-datadog-example-" .. os.time() .. "-"
  local function key(n) return string.format("%032x", n) end
  local applied = {}
  defer(function()
    for _, name in ipairs(sorted_names(applied)) do
      example.check(dd:delete_pager_duty_integration_service(name))
    end
    print("deleted the " .. #sorted_names(applied) .. " services it made")
  end)

  print("first sync: payments, search, checkout")
  applied = sync(dd, {
    { service_name = prefix .. "payments", service_key = key(1) },
    { service_name = prefix .. "search", service_key = key(2) },
    { service_name = prefix .. "checkout", service_key = key(3) },
  }, applied)

  print("second sync: payments as it was, search with a new key, checkout gone, billing new")
  applied = sync(dd, {
    { service_name = prefix .. "payments", service_key = key(1) },
    { service_name = prefix .. "search", service_key = key(22) },
    { service_name = prefix .. "billing", service_key = key(4) },
  }, applied)
end)
