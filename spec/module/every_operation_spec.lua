-- Every operation of the table, through the module and real libcurl, against the emulator:
-- each answers with its documented success status. Bodies and required query parameters are
-- `datadog.help`'s examples (generated valid bodies where no hand-written one exists); path
-- parameters name objects made first through the module (the incident, and the item an
-- operation reads, updates or deletes). Odd rows go through the named method, even ones
-- through dd:call, so both ways meet every kind of operation. Then the same checks for every
-- route: an empty body is a 400 naming a required field, an unknown item a 404.
local datadog = require "datadog"
local core = require "datadog.core"
local helpmod = require "datadog.help"
local emu = require "spec.helpers.emulator"

local OPS = datadog.operations()
local BY_PATH = {}
for _, op in ipairs(OPS) do
  BY_PATH[op.http_method .. " " .. op.path] = op
end

local dd, unchecked
local GHOST = "00000000-0000-4000-8000-00000000dead"

-- An example's query options, evaluated (free names become "<name>", as help does for bodies).
local function example_query(id)
  local ex = helpmod.example(id)
  if not ex.query then return {} end
  local env = setmetatable({}, { __index = function(_, name) return "<" .. name .. ">" end })
  return assert(load("return " .. ex.query, "=query " .. id, "t", env))()
end

local function must(id, params)
  local res, err = dd:call(id, params)
  assert(res, id .. ": " .. tostring(err))
  return res
end

-- The operation that creates the items `op` addresses by its last path parameter: the POST on
-- the path without that parameter (nil when there is none: the parameter is no item's id).
local function creator_of(op)
  local base, param = op.path:match("^(.*)/{([%w_]+)}$")
  return base and BY_PATH["POST " .. base], param
end

-- Path parameters for `op`: a fresh incident for {incident_id}, a fresh incident type for
-- {incident_type_id}, and for the item it addresses, one made by its create operation.
local function path_params(op)
  local params = {}
  for _, p in ipairs(op.path_params) do
    if p == "incident_id" then
      params[p] = must("CreateIncident", { body = datadog.incident { title = "every op",
        customer_impacted = false } }).data.id
    elseif p == "incident_type_id" then
      params[p] = must("CreateIncidentType", { body = datadog.incident_type { name = "t" } }).data.id
    end
  end
  local create, item = creator_of(op)
  if create and not params[item] then
    local args = { body = helpmod.example_body(create.id) }
    for k, v in pairs(example_query(create.id)) do args[k] = v end
    for k, v in pairs(params) do args[k] = v end
    local made = must(create.id, args)
    -- PagerDuty services are named by the caller, not given an id.
    params[item] = type(made) == "table" and made.data and made.data.id or args.body.service_name
  end
  return params
end

describe("every operation against the emulator", function()
  local info
  setup(function()
    info = emu.start()
    local opts = { base_url = info.base_url, api_key = info.api_key, app_key = info.app_key,
      unstable = true, retry = false }
    dd = datadog.new(opts)
    opts.validate = false -- lets bodies the emulator must refuse through
    unchecked = datadog.new(opts)
  end)
  before_each(function() emu.reset() end)
  teardown(function() emu.check_internal_errors() end)

  it("has every operation to run", function()
    local _, doc = emu.control("GET", "routes")
    assert.equal(#OPS, #doc.routes)
  end)

  for n, op in ipairs(OPS) do
    local way = n % 2 == 1 and "named method" or "dd:call"
    it(op.id .. " answers " .. op.success .. " through " .. way, function()
      local params = path_params(op)
      local body = helpmod.example_body(op.id)
      -- an update body names its item: the one just made
      if type(body) == "table" and type(body.data) == "table" and body.data.id ~= nil then
        body.data.id = params[op.path_params[#op.path_params]]
      end
      local query = example_query(op.id)
      local res, response
      if way == "dd:call" then
        local args = { body = body }
        for k, v in pairs(query) do args[k] = v end
        for k, v in pairs(params) do args[k] = v end
        res, response = dd:call(op.id, args)
      else
        local args = {}
        for _, p in ipairs(op.path_params) do args[#args + 1] = params[p] end
        if op.body then args[#args + 1] = body end
        args[#args + 1] = query
        res, response = dd[op.method](dd, table.unpack(args))
      end
      assert(res, op.id .. ": " .. tostring(response))
      assert.equal(op.success, response.status)
      local log = emu.requests()
      local last = log[#log]
      assert.equal(op.http_method, last.method)
    end)

    -- (a body whose model requires nothing, like CreateIncidentAttachment's, may be empty)
    local required = {}
    for _, f in ipairs(op.body and core.schema(op.id).fields or {}) do
      if f.required then required[#required + 1] = f.name end
    end
    if #required > 0 then
      it(op.id .. " refuses an empty body with 400 naming a required field", function()
        local params = path_params(op)
        params.body = {}
        for _, q in ipairs(op.query_params) do
          if q.required then params[q.name] = example_query(op.id)[q.name] end
        end
        local res, err = unchecked:call(op.id, params)
        assert.is_nil(res, op.id)
        assert.equal(400, err.status, tostring(err))
        assert.matches(required[1] .. ": is required", tostring(err), 1, true)
      end)
    end

    local create, item = creator_of(op)
    if create and create ~= op then
      it(op.id .. " answers 404 for an unknown " .. item, function()
        local params = path_params(op)
        params[item] = GHOST
        params.body = helpmod.example_body(op.id)
        local res, err = dd:call(op.id, params)
        assert.is_nil(res, op.id)
        assert.equal(404, err.status, tostring(err))
      end)
    end
  end
end)
