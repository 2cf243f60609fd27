-- Rename an incident type.
--   lua5.4 examples/rename_incident_type.lua "Old name" "New name"
-- Without arguments it makes a type of its own, renames it and deletes it.
local example = require "examples.connect" -- first: it finds the checkout's module
local datadog = require "datadog"

local old_name, new_name = arg[1], arg[2]
if (old_name == nil) ~= (new_name == nil) or arg[3] then
  example.usage("give both names, or none (usage: lua5.4 examples/rename_incident_type.lua [OLD_NAME NEW_NAME])")
end

-- The incident type called `name`, or nil.
local function find_type(dd, name)
  local types = example.check(dd:list_incident_types())
  for _, t in ipairs(types.data) do
    if t.attributes.name == name then return t end
  end
  return nil
end

example.run(function(dd, defer)
  local incident_type
  if old_name then
    incident_type = find_type(dd, old_name)
    if not incident_type then example.fail("no incident type is called '" .. old_name .. "'") end
  else
    old_name, new_name = "Security Incident (lua-datadog example)", "Security (lua-datadog example)"
    incident_type = example.check(dd:create_incident_type(datadog.incident_type{
      name = old_name, description = "Made by examples/rename_incident_type.lua", prefix = "SEC",
    })).data
    defer(function()
      example.check(dd:delete_incident_type(incident_type.id))
      print("deleted incident type " .. incident_type.id)
    end)
    print(("created incident type %s: %s"):format(incident_type.id, old_name))
  end

  -- A patch names only what changes; the builder fills in data.id and data.type.
  local res = example.check(dd:update_incident_type(incident_type.id,
    datadog.incident_type_patch(incident_type.id, { name = new_name })))
  print(("renamed incident type %s: %s -> %s"):format(res.data.id, old_name, res.data.attributes.name))
  assert(res.data.attributes.name == new_name, "the rename did not take")
end)
