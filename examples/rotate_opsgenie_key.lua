-- Rotate the API key of an Opsgenie service: the new key replaces the old one
-- and never appears in any output (Datadog does not return it either).
--   OPSGENIE_API_KEY=<new key> lua5.4 examples/rotate_opsgenie_key.lua "service name"
-- Without a service name it makes a service of its own, rotates its key and
-- deletes it. The key comes from the environment, never from the command
-- line, where other users could read it with `ps`.
local example = require "examples.connect" -- first: it finds the checkout's module
local datadog = require "datadog"

local service_name = arg[1]
if service_name and (os.getenv("OPSGENIE_API_KEY") or "") == "" then
  example.usage("set OPSGENIE_API_KEY to the new key (never on the command line, where ps shows it)")
elseif arg[2] then
  example.usage("one service name at most (usage: OPSGENIE_API_KEY=... lua5.4 "
    .. "examples/rotate_opsgenie_key.lua [SERVICE])")
end

-- A made-up key for the self-contained run: 32 hex digits, like Opsgenie's.
local function made_up_key()
  local t = {}
  for i = 1, 32 do t[i] = string.format("%x", math.random(0, 15)) end
  return table.concat(t)
end

example.run(function(dd, defer)
  local new_key = os.getenv("OPSGENIE_API_KEY")
  local service
  if service_name then
    for _, s in ipairs(example.check(dd:list_opsgenie_services()).data) do
      if s.attributes.name == service_name then service = s end
    end
    if not service then example.fail("no Opsgenie service is called '" .. service_name .. "'") end
  else
    new_key = new_key or made_up_key()
    service = example.check(dd:create_opsgenie_service(datadog.opsgenie_service{
      name = "lua-datadog-example-" .. os.time(), opsgenie_api_key = made_up_key(), region = "us",
    })).data
    defer(function()
      example.check(dd:delete_opsgenie_service(service.id))
      print("deleted Opsgenie service " .. service.id)
    end)
    print(("created Opsgenie service %s: %s (region %s)"):format(service.id,
      service.attributes.name, service.attributes.region))
  end

  local res = example.check(dd:update_opsgenie_service(service.id,
    datadog.opsgenie_service_patch(service.id, { opsgenie_api_key = new_key })))
  assert(res.data.attributes.opsgenie_api_key == nil, "the API echoed the key")
  print(("rotated the API key of Opsgenie service %s (%s); the key is not shown"):format(
    res.data.id, res.data.attributes.name))
end)
