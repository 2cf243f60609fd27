-- The REPL: datadog.help and dd:help, datadog.pretty, tostring(dd) and
-- "did you mean" on a misspelt method.
local datadog = require "datadog"
local core = require "datadog.core"
local helpmod = require "datadog.help"

-- Runs f with io.stdout replaced; returns what it wrote and f's result.
-- luacheck: push ignore 122 (io.stdout is replaced on purpose)
local function captured(f, ...)
  local real = io.stdout
  local out = {}
  io.stdout = { write = function(self, ...)
    for _, s in ipairs({ ... }) do out[#out + 1] = tostring(s) end
    return self
  end }
  local ok, res = pcall(f, ...)
  io.stdout = real
  assert(ok, res)
  return table.concat(out), res
end
-- luacheck: pop

local function client(extra)
  local opts = { base_url = "http://127.0.0.1:9", api_key = "key-that-is-secret",
                 app_key = "app-key-that-is-secret", retry = false }
  for k, v in pairs(extra or {}) do opts[k] = v end
  return datadog.new(opts)
end

describe("datadog.help", function()
  it("prints an operation's call forms, parameters, body shape and example, once", function()
    local out, returned = captured(datadog.help, "update_incident_integration")
    -- nothing returned: the 5.4 REPL prints what an expression returns
    assert.is_nil(returned)
    local text = datadog.help("update_incident_integration", { print = false })
    assert.equal(text .. "\n", out)
    for _, want in ipairs({
      "UpdateIncidentIntegration (beta): Update an existing incident integration metadata.",
      "PATCH /api/v2/incidents/{incident_id}/relationships/integrations/{integration_metadata_id}  -> 200",
      "dd:update_incident_integration(incident_id, integration_metadata_id, body)",
      'dd:call("UpdateIncidentIntegration", { incident_id = ..., integration_metadata_id = ..., body = ... })',
      "datadog-lua UpdateIncidentIntegration --incident-id INCIDENT_ID --integration-metadata-id "
        .. "INTEGRATION_METADATA_ID --body FILE.json",
      'beta: enable with datadog.new{ unstable = { "UpdateIncidentIntegration" } } (or unstable = true);'
        .. ' datadog-lua enables it itself',
      "Parameters\n  incident_id              string, required (path)\n"
        .. "  integration_metadata_id  string, required (path)",
      "Body: IncidentIntegrationMetadataRequest  (* required; other fields pass through)",
      "      integration_type*       int32: 1 Slack, 7 Microsoft Teams, 8 Jira",
      "      metadata*               one of:  -- channels, issues or teams",
      "        SlackIntegrationMetadata\n          channels*           array of SlackChannel",
      "            redirect_url*     string  -- URL redirecting to the Slack channel",
      "            team_id           string  -- Slack team ID",
      "        MSTeamsIntegrationMetadata",
      "            ms_tenant_id*     string  -- Microsoft Teams tenant ID",
      "      status                  int32: 0 unknown .. 5 failed",
      "Example\n  local body = datadog.incident_integration{",
      "  local res, err = dd:update_incident_integration(incident_id, integration_metadata_id, body)",
      '  -- the body it sends:\n  {\n    "data": {\n      "attributes": {\n        "integration_type": 8,',
    }) do
      assert.matches(want, text, 1, true)
    end
  end)

  it("gives the whole text of a small operation", function()
    local text = datadog.help("GetOpsgenieService", { print = false })
    assert.equal([[
GetOpsgenieService: Get an Opsgenie service.

  GET /api/v2/integration/opsgenie/services/{integration_service_id}  -> 200
  dd:get_opsgenie_service(integration_service_id)
  dd:call("GetOpsgenieService", { integration_service_id = ... })
  datadog-lua GetOpsgenieService --integration-service-id INTEGRATION_SERVICE_ID

Parameters
  integration_service_id  string, required (path)

Response: OpsgenieServiceResponse  (-> 200; * always present)
  data*           OpsgenieServiceResponseData  -- Opsgenie service data from a response.
    attributes*   OpsgenieServiceResponseAttributes  -- The attributes from an Opsgenie service response.
      custom_url  string  -- The custom URL for a custom region.
      name        string  -- The name for the Opsgenie service.
      region      "us" | "eu" | "custom"  -- The region for the Opsgenie service.
    id*           string  -- The ID of the Opsgenie service.
    type*         "opsgenie-service"  -- Opsgenie service resource type.

Example
  local res, err = dd:get_opsgenie_service(integration_service_id)
  if not res then print(err) else datadog.pretty(res) end]], text)
  end)

  it("shows every operation's response model, or that it answers without a body", function()
    for _, op in ipairs(datadog.operations()) do
      local text = datadog.help(op.id, { print = false })
      local line = text:match("\nResponse: ([^\n]*)")
      assert.is_not_nil(line, op.id)
      if op.success == 204 then assert.matches("^none; a success returns true", line) end
    end
  end)

  it("shows the shape of the items each paginated iterator yields", function()
    local list = datadog.help("list_incidents_with_pagination", { print = false })
    assert.matches("\nEach item of dd:list_incidents_with_pagination%(...%): IncidentResponseData  "
      .. "%(data%[i%] of each page%)\n  attributes ", list)
    -- a search yields { data = incident }, not the incident itself
    local search = datadog.help("SearchIncidents", { print = false })
    assert.matches("\nEach item of dd:search_incidents_with_pagination%(...%): "
      .. "IncidentSearchResponseIncidentsData  %(data%.attributes%.incidents%[i%] of each page%)\n"
      .. "  data%* +IncidentResponseData", search)
    for id in pairs(datadog.PAGINATED) do
      assert.matches("\nEach item of dd:", datadog.help(id, { print = false }), 1, false, id)
    end
  end)

  it("loads the response models only when a text shows one", function()
    local status, out, err = require("spec.reliability.support").lua([[
local datadog = require "datadog"
print("after require", package.loaded["datadog.responses_gen"] ~= nil)
datadog.help("get_incident", { print = false })
print("after help", package.loaded["datadog.responses_gen"] ~= nil)
]])
    assert.equal(0, status, out .. err)
    assert.matches("after require\tfalse\nafter help\ttrue", out)
  end)

  it("shows enums, length limits, nullable fields and query parameters", function()
    local text = datadog.help("CreateOpsgenieService", { print = false })
    assert.matches('region*            "us" | "eu" | "custom"', text, 1, true)
    assert.matches("name*              string (1 to 100 characters)", text, 1, true)
    assert.matches("custom_url         string or null", text, 1, true)
    text = datadog.help("ListIncidents", { print = false })
    assert.matches("page_size    query page[size]: integer: items per page", text, 1, true)
    assert.matches("datadog-lua ListIncidents [--include VALUE] [--page-size VALUE] [--page-offset VALUE]",
      text, 1, true)
    assert.matches("dd:list_incidents{ include = \"users\", page_size = 25, page_offset = 0 }", text, 1, true)
    text = datadog.help("ListIncidentTypes", { print = false })
    assert.matches("[--include-deleted]", text, 1, true)
  end)

  it("accepts ids, v2. ids, method names, command-line spellings and any case", function()
    local want = datadog.help("GetIncident", { print = false })
    for _, name in ipairs({ "v2.GetIncident", "get_incident", "get-incident", "getincident",
        "GETINCIDENT", "dd:get_incident", "datadog.get_incident" }) do
      assert.equal(want, datadog.help(name, { print = false }), name)
    end
  end)

  it("says what was meant for a misspelt name", function()
    assert.has_error(function() datadog.help("updte_incident_integration") end,
      "datadog.help: no operation or builder 'updte_incident_integration'; did you mean "
      .. "'update_incident_integration'? (datadog.help() lists them)")
    -- in the spelling that was typed
    assert.has_error(function() datadog.help("UpdateIncidentIntegraton") end,
      "datadog.help: no operation or builder 'UpdateIncidentIntegraton'; did you mean "
      .. "'UpdateIncidentIntegration'? (datadog.help() lists them)")
    assert.has_error(function() datadog.help("slack_chanel") end,
      "datadog.help: no operation or builder 'slack_chanel'; did you mean 'slack_channel'? "
      .. "(datadog.help() lists them)")
    assert.has_error(function() datadog.help("zzz") end,
      "datadog.help: no operation or builder 'zzz' (datadog.help() lists them)")
    assert.has_error(function() datadog.help(42) end,
      "datadog.help: expects an operation or builder name (got number)")
  end)

  it("lists every operation and builder without a name", function()
    local text = datadog.help(nil, { print = false })
    assert.matches("^datadog " .. datadog._VERSION:gsub("%.", "%%.") .. ": 105 operations", text)
    for _, op in ipairs(datadog.operations()) do
      assert.matches("  " .. op.method .. " +" .. op.id .. (op.beta and " %(beta%)" or "") .. "\n", text)
    end
    assert.matches("datadog.incident_integration     Create/UpdateIncidentIntegration body", text, 1, true)
  end)

  it("explains builders", function()
    local text = datadog.help("slack_channel", { print = false })
    assert.equal("datadog.slack_channel{channel_id=, channel_name=, team_id=, redirect_url=}: "
      .. "a Slack channel; redirect_url made from the ids when omitted\n"
      .. "  goes into datadog.incident_integration{ ... } (the body of Create/UpdateIncidentIntegration)\n"
      .. "  redirect_url defaults to https://slack.com/app_redirect?channel=<channel_id>&team=<team_id>",
      text)
    assert.matches("one kind per body", datadog.help("incident_integration", { print = false }), 1, true)
  end)

  it("has an example for every operation with a body, and each one validates", function()
    for _, op in ipairs(datadog.operations()) do
      if op.body then
        local body = helpmod.example_body(op.id)
        assert.is_table(body, op.id)
        assert.has_no_error(function() core.encode(body, op.id) end, op.id)
        local text = datadog.help(op.id, { print = false })
        assert.matches("-- the body it sends:", text, 1, true)
      else
        assert.is_nil(helpmod.example_body(op.id))
      end
    end
  end)

  it("shows every body field core.schema knows", function()
    for _, op in ipairs(datadog.operations()) do
      if op.body then
        local text = datadog.help(op.id, { print = false })
        local function walk(s)
          for _, f in ipairs(s.fields or {}) do
            assert.matches("\n +" .. f.name:gsub("%p", "%%%0") .. "%*? ", text, nil, op.id .. "." .. f.name)
            walk(f.schema.items or f.schema)
            for _, alt in ipairs(f.schema.oneof or {}) do walk(alt) end
          end
        end
        walk(core.schema(op.id))
      end
    end
  end)
end)

describe("dd:help", function()
  it("is datadog.help on a client", function()
    local dd = client()
    local out, returned = captured(dd.help, dd, "UpdateIncidentIntegration")
    assert.is_nil(returned)
    assert.equal(datadog.help("UpdateIncidentIntegration", { print = false }) .. "\n", out)
    assert.equal(datadog.help(nil, { print = false }), dd:help(nil, { print = false }))
  end)

  it("is among the methods a misspelt name is matched against", function()
    local dd = client()
    assert.error_matches(function() return dd.hlep end,
      "client has no method 'hlep'; did you mean 'help'%?")
  end)
end)

describe("misspelt methods", function()
  it("say what was meant", function()
    local dd = client()
    assert.error_matches(function() return dd.update_incident_integraton end,
      "datadog: client has no method 'update_incident_integraton'; did you mean "
      .. "'update_incident_integration'%?")
    assert.error_matches(function() dd:list_opsgenie_service() end,
      "did you mean 'list_opsgenie_services'%?")
  end)
end)

describe("tostring(dd)", function()
  it("shows site, base URL and enabled beta operations, never keys", function()
    local dd = datadog.new{ site = "datadoghq.eu", api_key = "key-that-is-secret",
      app_key = "app-key-that-is-secret", unstable = { "CreateIncident", "v2.GetIncident" } }
    local s = tostring(dd)
    assert.equal("datadog.client{site=datadoghq.eu, base_url=https://api.datadoghq.eu, "
      .. "unstable={CreateIncident, GetIncident}, keys hidden}", s)
    assert.not_matches("secret", s)
  end)

  it("shows a custom base URL and no beta operations", function()
    local s = tostring(client())
    assert.equal("datadog.client{base_url=http://127.0.0.1:9, unstable={}, keys hidden}", s)
  end)

  it("never shows keys, even when every beta operation is on", function()
    local s = tostring(client{ unstable = true })
    local beta = 0
    for _, op in ipairs(datadog.operations()) do if op.beta then beta = beta + 1 end end
    assert.matches("unstable=all (" .. beta .. " beta operations), keys hidden}", s, 1, true)
    assert.not_matches("secret", s)
  end)
end)

describe("datadog.pretty", function()
  local function P(v, opts)
    opts = opts or {}
    opts.print = false
    return datadog.pretty(v, opts)
  end

  it("prints sorted keys with indentation, returning nothing (or only returns the text)", function()
    local out, returned = captured(datadog.pretty, { b = 1, a = { c = "x" } })
    assert.is_nil(returned)
    assert.equal('{\n  "a": {\n    "c": "x"\n  },\n  "b": 1\n}\n', out)
    assert.equal(out, P({ b = 1, a = { c = "x" } }) .. "\n")
  end)

  it("tells arrays from objects, also when empty", function()
    assert.equal('[\n  1,\n  "two",\n  true\n]', P({ 1, "two", true }))
    assert.equal("{}", P({}))
    assert.equal("[]", P(datadog.array()))
    assert.equal('{\n  "list": [],\n  "map": {}\n}', P(datadog.decode('{"list":[],"map":{}}')))
  end)

  it("shows datadog.null as null and keeps integers and floats apart", function()
    assert.equal('{\n  "f": 1.5,\n  "g": 2.0,\n  "i": 3,\n  "n": null\n}',
      P({ n = datadog.null, i = 3, f = 1.5, g = 2.0 }))
    assert.equal("null", P(datadog.null))
  end)

  it("escapes strings as JSON does", function()
    assert.equal('"a\\"b\\\\c\\n\\u0001é"', P('a"b\\c\n\1é'))
  end)

  it("is safe on cycles and shows a table met twice in full", function()
    local t = { name = "loop" }
    t.self = t
    assert.equal('{\n  "name": "loop",\n  "self": <cycle>\n}', P(t))
    local shared = { 1 }
    assert.equal('{\n  "a": [\n    1\n  ],\n  "b": [\n    1\n  ]\n}', P({ a = shared, b = shared }))
  end)

  it("shows what JSON cannot hold without failing", function()
    local text = P({ f = print, [1] = "x", [2.5] = true })
    assert.matches("^{\n  %[1%]: \"x\",\n  %[2%.5%]: true,\n  \"f\": <function: 0x%x+>\n}$", text)
    assert.matches("^<datadog%.client{", P(client()))
    assert.equal('"\\xFFok\\x0A"', P("\255ok\n"))
  end)

  it("prints decoded API responses as valid JSON", function()
    local doc = '{"data":[{"id":"a","attributes":{"n":12345678901234,"x":null,"t":[]}}],"meta":{}}'
    local text = P(datadog.decode(doc))
    assert.same(datadog.decode(doc), datadog.decode(text))
  end)

  it("takes an indent, and writes through a function", function()
    assert.equal('{\n    "a": 1\n}', P({ a = 1 }, { indent = 4 }))
    local got
    datadog.pretty({ 1 }, { write = function(s) got = s end })
    assert.equal("[\n  1\n]\n", got)
  end)

  it("prints a call's result or its error when wrapped around the call", function()
    local res, resp = { data = { id = "x" } }, { status = 200, headers = {} }
    assert.equal('{\n  "data": {\n    "id": "x"\n  }\n}\n',
      (captured(datadog.pretty, res, resp)))
    local dd = datadog.new{ base_url = "http://x", api_key = "k", app_key = "a",
      transport = function() return { status = 404, headers = {}, body = '{"errors":["Not found"]}' } end }
    local text = captured(datadog.pretty, dd:get_opsgenie_service("nope"))
    assert.matches('"status": 404', text, 1, true)
    assert.matches('"errors": [\n    "Not found"\n  ]', text, 1, true)
  end)
end)
