-- Every operation against the emulator, both ways (named method and
-- dd:call), with the wire format read back from the emulator's request log,
-- and every error status the reference lists for it. scripts/test runs it
-- under every Lua (math.type exists from 5.3 on).
local datadog = require "datadog"
local emu = require "spec.helpers.emulator"

local unpack = table.unpack or unpack
-- how the User-Agent names the interpreter: "lua 5.4.6", "luajit 2.1.0-beta3"
local UA_LUA = rawget(_G, "jit") and "luajit %S+"
  or "lua " .. _VERSION:match("%d+%.%d+"):gsub("%.", "%%.") .. "%.%d+"

local info

local client = require("spec.helpers.client").new

local function last_request()
  local log = emu.requests()
  return log[#log], #log
end

-- Bodies used by the creates and updates.
local function incident_body(title)
  return { data = { type = "incidents",
    attributes = { title = title or "disk full", customer_impacted = false } } }
end
local function slack_body(incident_id, name)
  return { data = { type = "incident_integrations", attributes = {
    incident_id = incident_id, integration_type = 1,
    metadata = { channels = { {
      channel_id = "C0123456789", channel_name = name or "#incident-1",
      team_id = "T01234567",
      redirect_url = "https://slack.com/app_redirect?channel=C0123456789&team=T01234567",
    } } } } } }
end
local function type_body(name)
  return { data = { type = "incident_types", attributes = {
    name = name or "Security Incident", description = "Harm to data", prefix = "IR" } } }
end
local function opsgenie_body(name)
  return { data = { type = "opsgenie-service", attributes = {
    name = name or "fake-opsgenie-service", opsgenie_api_key = "og-secret-key-0001",
    region = "us" } } }
end

-- One resource of each kind, made through the module itself.
local function fixtures(dd)
  local f = {}
  f.incident = assert(dd:create_incident(incident_body())).data.id
  f.integration = assert(dd:create_incident_integration(f.incident,
    slack_body(f.incident))).data.id
  f.type = assert(dd:create_incident_type(type_body())).data.id
  f.opsgenie = assert(dd:create_opsgenie_service(opsgenie_body())).data.id
  assert(dd:create_pager_duty_integration_service(
    { service_name = "payments api/v2 #1", service_key = "pd-secret-key" }))
  f.pagerduty = "payments api/v2 #1"
  return f
end

local INTEG = "/api/v2/incidents/%s/relationships/integrations"
local TYPES = "/api/v2/incidents/config/types"
local OPSG = "/api/v2/integration/opsgenie/services"
local PD = "/api/v1/integration/pagerduty/configuration/services"

local function enc(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

-- For each operation: named arguments, dd:call params, the expected path and
-- query, the expected status, a check on the result, and the error statuses
-- the reference lists ("missing" makes a 404; "conflict" a 409).
local CASES = {
  { id = "ListIncidentIntegrations", status = 200,
    args = function(f) return { f.incident } end,
    params = function(f) return { incident_id = f.incident } end,
    path = function(f) return INTEG:format(f.incident) end,
    check = function(res, f)
      assert.equal(f.integration, res.data[1].id)
      assert.is_table(res.meta.pagination)
    end,
    missing = function() return { "00000000-0000-0000-0000-00000000dead" } end },
  { id = "CreateIncidentIntegration", status = 201,
    args = function(f) return { f.incident, slack_body(f.incident, "#second") } end,
    params = function(f) return { incident_id = f.incident, body = slack_body(f.incident, "#second") } end,
    path = function(f) return INTEG:format(f.incident) end,
    check = function(res)
      assert.equal("#second", res.data.attributes.metadata.channels[1].channel_name)
      if math.type then assert.equal("integer", math.type(res.data.attributes.integration_type)) end
    end,
    missing = function(f) return { "00000000-0000-0000-0000-00000000dead", slack_body(f.incident) } end },
  { id = "GetIncidentIntegration", status = 200,
    args = function(f) return { f.incident, f.integration } end,
    params = function(f) return { incident_id = f.incident, integration_metadata_id = f.integration } end,
    path = function(f) return INTEG:format(f.incident) .. "/" .. f.integration end,
    check = function(res, f)
      assert.equal(f.integration, res.data.id)
      assert.equal("users", res.data.relationships.created_by_user.data.type)
    end,
    missing = function(f) return { f.incident, "nope" } end },
  { id = "UpdateIncidentIntegration", status = 200,
    args = function(f) return { f.incident, f.integration, slack_body(f.incident, "#renamed") } end,
    params = function(f) return { incident_id = f.incident, integration_metadata_id = f.integration,
                                  body = slack_body(f.incident, "#renamed") } end,
    path = function(f) return INTEG:format(f.incident) .. "/" .. f.integration end,
    check = function(res)
      assert.equal("#renamed", res.data.attributes.metadata.channels[1].channel_name)
    end,
    missing = function(f) return { f.incident, "nope", slack_body(f.incident) } end },
  { id = "DeleteIncidentIntegration", status = 204,
    args = function(f) return { f.incident, f.integration } end,
    params = function(f) return { incident_id = f.incident, integration_metadata_id = f.integration } end,
    path = function(f) return INTEG:format(f.incident) .. "/" .. f.integration end,
    check = function(res) assert.is_true(res) end,
    missing = function(f) return { f.incident, "nope" } end },

  { id = "ListIncidentTypes", status = 200,
    args = function() return { { include_deleted = true } } end,
    params = function() return { include_deleted = true } end,
    path = function() return TYPES end, query = "include_deleted=true",
    check = function(res, f) assert.equal(f.type, res.data[1].id) end },
  { id = "CreateIncidentType", status = 201,
    args = function() return { type_body("Outage") } end,
    params = function() return { body = type_body("Outage") } end,
    path = function() return TYPES end,
    check = function(res) assert.equal("Outage", res.data.attributes.name) end },
  { id = "GetIncidentType", status = 200,
    args = function(f) return { f.type } end,
    params = function(f) return { incident_type_id = f.type } end,
    path = function(f) return TYPES .. "/" .. f.type end,
    check = function(res) assert.equal("Security Incident", res.data.attributes.name) end,
    missing = function() return { "nope" } end },
  { id = "UpdateIncidentType", status = 200,
    args = function(f) return { f.type, { data = { id = f.type, type = "incident_types",
      attributes = { name = "Security Incident-updated" } } } } end,
    params = function(f) return { incident_type_id = f.type, body = { data = { id = f.type,
      type = "incident_types", attributes = { name = "Security Incident-updated" } } } } end,
    path = function(f) return TYPES .. "/" .. f.type end,
    check = function(res) assert.equal("Security Incident-updated", res.data.attributes.name) end,
    missing = function() return { "nope", { data = { id = "nope", type = "incident_types",
      attributes = { name = "x" } } } } end },
  { id = "DeleteIncidentType", status = 204,
    args = function(f) return { f.type } end,
    params = function(f) return { incident_type_id = f.type } end,
    path = function(f) return TYPES .. "/" .. f.type end,
    check = function(res) assert.is_true(res) end,
    missing = function() return { "nope" } end },

  { id = "ListOpsgenieServices", status = 200,
    args = function() return {} end, params = function() return {} end,
    path = function() return OPSG end,
    check = function(res, f) assert.equal(f.opsgenie, res.data[1].id) end },
  { id = "CreateOpsgenieService", status = 201,
    args = function() return { opsgenie_body("second") } end,
    params = function() return { body = opsgenie_body("second") } end,
    path = function() return OPSG end,
    check = function(res)
      assert.equal("second", res.data.attributes.name)
      assert.is_nil(res.data.attributes.opsgenie_api_key)
      assert.equal(datadog.null, res.data.attributes.custom_url)
    end,
    conflict = function() return { opsgenie_body() } end },
  { id = "GetOpsgenieService", status = 200,
    args = function(f) return { f.opsgenie } end,
    params = function(f) return { integration_service_id = f.opsgenie } end,
    path = function(f) return OPSG .. "/" .. f.opsgenie end,
    check = function(res) assert.equal("us", res.data.attributes.region) end,
    missing = function() return { "nope" } end },
  { id = "UpdateOpsgenieService", status = 200,
    args = function(f) return { f.opsgenie, { data = { id = f.opsgenie, type = "opsgenie-service",
      attributes = { region = "eu" } } } } end,
    params = function(f) return { integration_service_id = f.opsgenie, body = { data = {
      id = f.opsgenie, type = "opsgenie-service", attributes = { region = "eu" } } } } end,
    path = function(f) return OPSG .. "/" .. f.opsgenie end,
    check = function(res) assert.equal("eu", res.data.attributes.region) end,
    missing = function() return { "nope", { data = { id = "nope", type = "opsgenie-service",
      attributes = { region = "eu" } } } } end },
  { id = "DeleteOpsgenieService", status = 204,
    args = function(f) return { f.opsgenie } end,
    params = function(f) return { integration_service_id = f.opsgenie } end,
    path = function(f) return OPSG .. "/" .. f.opsgenie end,
    check = function(res) assert.is_true(res) end,
    missing = function() return { "nope" } end },

  { id = "CreatePagerDutyIntegrationService", status = 201,
    args = function() return { { service_name = "second", service_key = "k2" } } end,
    params = function() return { body = { service_name = "second", service_key = "k2" } } end,
    path = function() return PD end,
    check = function(res) assert.same({ service_name = "second" }, res) end,
    conflict = function(f) return { { service_name = f.pagerduty, service_key = "k" } } end },
  { id = "GetPagerDutyIntegrationService", status = 200,
    args = function(f) return { f.pagerduty } end,
    params = function(f) return { service_name = f.pagerduty } end,
    path = function(f) return PD .. "/" .. enc(f.pagerduty) end,
    check = function(res, f) assert.equal(f.pagerduty, res.service_name) end,
    missing = function() return { "nope" } end },
  { id = "UpdatePagerDutyIntegrationService", status = 200,
    args = function(f) return { f.pagerduty, { service_key = "rotated" } } end,
    params = function(f) return { service_name = f.pagerduty, body = { service_key = "rotated" } } end,
    path = function(f) return PD .. "/" .. enc(f.pagerduty) end,
    check = function(res) assert.truthy(res) end,
    missing = function() return { "nope", { service_key = "k" } } end },
  { id = "DeletePagerDutyIntegrationService", status = 204,
    args = function(f) return { f.pagerduty } end,
    params = function(f) return { service_name = f.pagerduty } end,
    path = function(f) return PD .. "/" .. enc(f.pagerduty) end,
    check = function(res) assert.is_true(res) end,
    missing = function() return { "nope" } end },

  { id = "ListIncidents", status = 200,
    args = function() return { { include = { "users" }, page_size = 5, page_offset = 0 } } end,
    params = function() return { include = "users", page_size = 5, page_offset = 0 } end,
    path = function() return "/api/v2/incidents" end,
    query = "include=users&page%5Bsize%5D=5&page%5Boffset%5D=0",
    check = function(res, f)
      assert.equal(f.incident, res.data[1].id)
      if math.type then assert.equal("integer", math.type(res.data[1].attributes.public_id)) end
    end },
  { id = "CreateIncident", status = 201,
    args = function() return { incident_body("second") } end,
    params = function() return { body = incident_body("second") } end,
    path = function() return "/api/v2/incidents" end,
    check = function(res) assert.equal("second", res.data.attributes.title) end },
  { id = "GetIncident", status = 200,
    args = function(f) return { f.incident, { include = "users" } } end,
    params = function(f) return { incident_id = f.incident, include = "users" } end,
    path = function(f) return "/api/v2/incidents/" .. f.incident end, query = "include=users",
    check = function(res, f) assert.equal(f.incident, res.data.id) end,
    missing = function() return { "nope" } end },
  { id = "UpdateIncident", status = 200,
    args = function(f) return { f.incident, { data = { id = f.incident, type = "incidents",
      attributes = { title = "renamed" } } } } end,
    params = function(f) return { incident_id = f.incident, body = { data = { id = f.incident,
      type = "incidents", attributes = { title = "renamed" } } } } end,
    path = function(f) return "/api/v2/incidents/" .. f.incident end,
    check = function(res) assert.equal("renamed", res.data.attributes.title) end,
    missing = function() return { "nope", { data = { id = "nope", type = "incidents",
      attributes = { title = "x" } } } } end },
  { id = "DeleteIncident", status = 204,
    args = function(f) return { f.incident } end,
    params = function(f) return { incident_id = f.incident } end,
    path = function(f) return "/api/v2/incidents/" .. f.incident end,
    check = function(res) assert.is_true(res) end,
    missing = function() return { "nope" } end },
}

local OPS = {}
for _, op in ipairs(datadog.operations()) do OPS[op.id] = op end

describe("operations against the emulator", function()
  setup(function()
    info = emu.start{ tls = true }
  end)

  before_each(function()
    emu.reset()
  end)

  -- the emulator serves these 24 of the 105 (the others: generated_ops_spec.lua)
  it("covers every operation of the reference", function()
    for _, case in ipairs(CASES) do assert.is_table(OPS[case.id], case.id) end
    assert.equal(24, #CASES)
  end)

  -- dd:call, dd:prepare and dd:batch look operations up in a hash table of
  -- ids and method names (src/ops/ops.c): every name of every operation, and
  -- nothing else.
  it("finds every operation by id, v1./v2. id and method name, and no other name", function()
    local dd = client()
    local n = 0
    for id, op in pairs(OPS) do
      for _, name in ipairs({ id, "v1." .. id, "v2." .. id, op.method }) do
        local ok, req = pcall(dd.prepare, dd, name, {})
        -- a missing parameter may raise, but never "unknown operation"
        if ok then
          assert.equal(op.http_method, req.method, name)
        else
          assert.not_matches("unknown operation", req, 1, true)
          assert.matches(id, req, 1, true)
        end
        n = n + 1
      end
    end
    assert.equal(4 * 105, n)
    for _, bad in ipairs({ "", "v2.", "v3.GetIncident", "getincident", "GetIncident ", "get_incident_",
                           "v2.v2.GetIncident", "GetIncidentX", "list", "GetIncident\0" }) do
      assert.error_matches(function() dd:prepare(bad, {}) end, "unknown operation", nil, true)
    end
    assert.error_matches(function() dd:call("GetIncident\0x", {}) end, "holds a NUL byte", nil, true)
    assert.error_matches(function() dd:batch({ { "GetIncident\0", {} } }) end,
      "calls[1]: unknown operation: the name holds a NUL byte", nil, true)
  end)

  for _, case in ipairs(CASES) do
    local op = OPS[case.id]
    describe(case.id, function()
      for _, way in ipairs({ "named", "call" }) do
        it("succeeds with " .. case.status .. " through " .. (way == "named"
            and ("dd:" .. op.method) or "dd:call") .. ", sending what the reference says",
          function()
            local dd = client()
            local f = fixtures(dd)
            local res, resp
            local body
            if way == "named" then
              local args = case.args(f)
              if op.body then body = args[#op.path_params + 1] end
              res, resp = dd[op.method](dd, unpack(args, 1, 4))
            else
              local params = case.params(f)
              body = params.body
              res, resp = dd:call(case.id, params)
            end
            assert.truthy(res, tostring(resp))
            assert.equal(case.status, resp.status)
            case.check(res, f)

            local req = last_request()
            assert.equal(op.http_method, req.method)
            assert.equal(case.path(f), req.path)
            assert.equal(case.query or "", req.query or "")
            assert.equal("ok", req.auth)
            assert.equal(op.accept, req.headers["accept"])
            assert.matches("^datadog%-api%-client%-lua/%d+%.%d+%.%d+ %(" .. UA_LUA
              .. "; os %S+; arch %S+%)$", req.headers["user-agent"])
            if op.body then
              assert.equal("application/json", req.headers["content-type"])
              assert.same(datadog.decode(datadog.encode(body)), datadog.decode(req.body))
            else
              assert.is_nil(req.headers["content-type"])
              assert.equal("", req.body or "")
            end
            -- the request log never holds the keys in the clear
            assert.not_equal(info.api_key, req.headers["dd-api-key"])
            assert.not_equal(info.app_key, req.headers["dd-application-key"])
          end)
      end

      it("returns a structured 403 for a wrong key", function()
        local dd = client()
        local f = fixtures(dd)
        local bad = client({ api_key = "wrong-key" })
        local res, err = bad[op.method](bad, unpack(case.args(f), 1, 4))
        assert.is_nil(res)
        assert.equal("http", err.kind)
        assert.equal(403, err.status)
        assert.same({ "Forbidden" }, err.errors)
        assert.equal(case.id, err.operation)
        assert.equal("datadog: " .. case.id .. ": HTTP 403 Forbidden", tostring(err))
      end)

      for _, status in ipairs({ 401, 429, 500, 502, 503 }) do
        it("returns a structured " .. status .. " error", function()
          local dd = client()
          local f = fixtures(dd)
          emu.fault{ path = "^/api/", count = 10, status = status,
                     headers = { ["X-RateLimit-Reset"] = "0" } }
          local res, err = dd[op.method](dd, unpack(case.args(f), 1, 4))
          assert.is_nil(res)
          assert.equal("http", err.kind)
          assert.equal(status, err.status)
          assert.is_table(err.errors)
          assert.is_string(err.body)
          assert.is_table(err.headers)
          assert.matches("^datadog: " .. case.id .. ": HTTP " .. status, tostring(err))
        end)
      end

      if op.body then
        it("returns the server's 400 when sent a body it rejects", function()
          local dd = client({ validate = false })
          local f = fixtures(dd)
          local args = case.args(f)
          args[#op.path_params + 1] = { data = { type = "wrong" } }
          local res, err = dd[op.method](dd, unpack(args, 1, 4))
          assert.is_nil(res)
          assert.equal(400, err.status)
          assert.is_true(#err.errors > 0)
        end)
      end

      if case.missing then
        it("returns 404 for an unknown resource", function()
          local dd = client()
          local f = fixtures(dd)
          local res, err = dd[op.method](dd, unpack(case.missing(f), 1, 4))
          assert.is_nil(res)
          assert.equal(404, err.status)
          assert.matches("HTTP 404 Not Found", tostring(err))
        end)
      end

      if case.conflict then
        it("returns 409 for a duplicate name", function()
          local dd = client()
          local f = fixtures(dd)
          local res, err = dd[op.method](dd, unpack(case.conflict(f), 1, 4))
          assert.is_nil(res)
          assert.equal(409, err.status)
        end)
      end
    end)
  end
end)
