-- All 105 operations through a Lua transport that records what would be
-- sent (every_operation_spec.lua runs each against the emulator, and
-- operations_spec.lua the first 24 with their error statuses): method, URL
-- with path parameters percent-encoded whole,
-- every query parameter of every type, bodies checked and encoded, the
-- beta gate, help and the CLI.
local datadog = require "datadog"
local helpmod = require "datadog.help"
local emu = require "spec.helpers.emulator"

local OPS = datadog.operations()

-- RFC 3986: everything but unreserved bytes is %XX (upper-case hex).
local function pct(s)
  return (s:gsub("[^%w%-%._~]", function(c) return ("%%%02X"):format(c:byte()) end))
end

-- A client whose transport records each request and answers with the
-- operation's success status.
local function recorder(opts)
  local sent = {}
  local o = { base_url = "http://h.test", api_key = "k-secret", app_key = "a-secret",
    unstable = true, retry = false }
  for k, v in pairs(opts or {}) do o[k] = v end
  o.transport = function(req)
    sent[#sent + 1] = req
    local status = sent.status or 200
    return { status = status, headers = { ["Content-Type"] = "application/json" },
      body = status == 204 and "" or '{"data":{"id":"1"}}' }
  end
  return datadog.new(o), sent
end

-- Values for every path parameter, each one awkward: a slash, a space,
-- a query and fragment mark, UTF-8 and a dot segment.
local AWKWARD = { "a/b c", "x?y#z", "caf\xC3\xA9", "..", "%41" }

local function path_args(op)
  local args, params, want = {}, {}, op.path
  for i, p in ipairs(op.path_params) do
    local v = AWKWARD[(i - 1) % #AWKWARD + 1] .. i
    args[#args + 1] = v
    params[p] = v
    want = want:gsub("{" .. p .. "}", (pct(v):gsub("%%", "%%%%")))
  end
  return args, params, want
end

-- A value of each query type, and how it must read on the wire.
local function query_value(q)
  if q.type == "boolean" then return true, "true" end
  if q.type == "integer" then return 25, "25" end
  if q.type == "csv" then
    local a, b = q.enum and q.enum[1] or "a b", q.enum and q.enum[#q.enum] or "c,d"
    return { a, b }, pct(a) .. "%2C" .. pct(b)
  end
  local v = q.enum and q.enum[#q.enum] or "status:active & x=1"
  return v, pct(v)
end

describe("all 105 operations, through a transport", function()
  it("are 92 incident, 9 Opsgenie and 4 PagerDuty operations; 16 stable", function()
    local n, stable = { incidents = 0, opsgenie = 0, pagerduty = 0 }, {}
    for _, op in ipairs(OPS) do
      local tag = op.path:match("/opsgenie/") and "opsgenie" or op.path:match("/pagerduty/")
        and "pagerduty" or "incidents"
      n[tag] = n[tag] + 1
      if not op.beta and tag == "incidents" then stable[#stable + 1] = op.id end
    end
    assert.same({ incidents = 92, opsgenie = 9, pagerduty = 4 }, n)
    table.sort(stable)
    assert.same({ "CreateIncidentImpact", "DeleteIncidentImpact", "ListIncidentImpacts" }, stable)
  end)

  for _, op in ipairs(OPS) do
    describe(op.id, function()
      it("sends the same request by name and through dd:call, as the table says", function()
        local dd, sent = recorder()
        sent.status = op.success
        local args, params, want_path = path_args(op)
        local body = helpmod.example_body(op.id)
        if op.body then
          args[#args + 1] = body
          params.body = body
        end
        -- the required query parameters, which the example gives
        local ex = helpmod.example(op.id)
        local opts = ex.query and assert(load("return " .. ex.query))() or nil
        if opts then
          args[#args + 1] = opts
          for k, v in pairs(opts) do params[k] = v end
        end
        local res1 = dd[op.method](dd, table.unpack(args, 1, #args))
        local res2 = dd:call(op.id, params)
        assert.truthy(res1)
        assert.truthy(res2)
        assert.equal(2, #sent)
        for _, req in ipairs(sent) do
          assert.equal(op.http_method, req.method)
          local path, query = req.url:match("^http://h%.test([^?]*)%??(.*)$")
          assert.equal(want_path, path)
          if not opts then assert.equal("", query) end
          assert.equal(op.accept, req.headers.Accept)
          if op.body then
            assert.equal("application/json", req.headers["Content-Type"])
            assert.same(datadog.decode(datadog.encode(body, op.id)), datadog.decode(req.body))
          else
            assert.is_nil(req.body)
            assert.is_nil(req.headers["Content-Type"])
          end
        end
        assert.equal(sent[1].url, sent[2].url)
        assert.equal(sent[1].body, sent[2].body)
      end)

      if #op.query_params > 0 then
        it("encodes each query parameter, in the official order", function()
          local dd, sent = recorder()
          local args, params = path_args(op)
          local body = op.body and helpmod.example_body(op.id)
          local opts, want = {}, {}
          for _, q in ipairs(op.query_params) do
            local v, wire = query_value(q)
            opts[q.name] = v
            want[#want + 1] = pct(q.wire) .. "=" .. wire
          end
          if body then args[#args + 1] = body end
          args[#args + 1] = opts
          dd[op.method](dd, table.unpack(args, 1, #args))
          for k, v in pairs(opts) do params[k] = v end
          params.body = body or nil
          dd:call(op.id, params)
          for _, req in ipairs(sent) do
            assert.equal(table.concat(want, "&"), req.url:match("%?(.*)$"))
          end
        end)
      end

      if op.beta then
        it("is refused until enabled, by name, before anything is sent", function()
          local dd, sent = recorder{ unstable = false }
          local args = path_args(op)
          assert.error_matches(function() dd[op.method](dd, table.unpack(args)) end,
            op.id, nil, true)
          assert.equal(0, #sent)
          local on = recorder{ unstable = { op.id } }
          assert.matches(op.id, tostring(on), 1, true)
        end)
      end

      it("has help with its call forms and an example", function()
        local text = datadog.help(op.id, { print = false })
        assert.matches("dd:" .. op.method .. "(", text, 1, true)
        assert.matches("datadog-lua " .. op.id, text, 1, true)
        assert.matches("\nExample\n", text, 1, true)
      end)
    end)
  end
end)

describe("validation of the generated bodies", function()
  local dd, sent = recorder()

  local function raises(msg, f)
    local n = #sent
    assert.error_matches(f, msg, nil, true)
    assert.equal(n, #sent, "nothing sent")
  end

  it("names the first missing required field of every body", function()
    for _, op in ipairs(OPS) do
      if op.body then
        local schema = require("datadog.core").schema(op.id)
        local first
        for _, f in ipairs(schema.fields) do
          if f.required then first = first or f.name end
        end
        if not first then goto continue end -- nothing required at the top
        local args = path_args(op)
        args[#args + 1] = {}
        raises("datadog: " .. op.id .. ": body." .. first .. ": required",
          function() dd[op.method](dd, table.unpack(args)) end)
      end
      ::continue::
    end
  end)

  local function todo(assignees)
    return { data = { type = "incident_todos", attributes = { content = "c", assignees = assignees } } }
  end

  it("takes either shape of a union (a todo assignee: a handle or an object)", function()
    assert.truthy(dd:create_incident_todo("i", todo{ "@alice", { icon = "https://i", id = "U1",
      name = "Bob", source = "slack" } }))
    assert.matches('"assignees":["@alice",{', sent[#sent].body, 1, true)
    raises("body.data.attributes.assignees[2].source: required",
      function() dd:create_incident_todo("i", todo{ "@a", { icon = "i", id = "U1", name = "B" } }) end)
    raises("body.data.attributes.assignees[1]: must be one of string | IncidentTodoAnonymousAssignee (got number)",
      function() dd:create_incident_todo("i", todo{ 7 }) end)
    raises("body.data.attributes.assignees[1].source: must be one of slack, microsoft_teams",
      function() dd:create_incident_todo("i", todo{ { icon = "i", id = "U", name = "B", source = "irc" } }) end)
  end)

  it("checks every value of a map (an imported incident's fields)", function()
    local function import(fields)
      return { data = { type = "incidents", attributes = { title = "t", fields = fields } } }
    end
    assert.truthy(dd:import_incident(import{ severity = { type = "dropdown", value = "SEV-1" },
      teams = { type = "multiselect", value = { "a", "b" } } }))
    assert.matches('"value":["a","b"]', sent[#sent].body, 1, true)
    raises("body.data.attributes.fields.severity: must be one of",
      function() dd:import_incident(import{ severity = 5 }) end)
  end)

  it("checks integer ranges, numbers, enums and secrets of new bodies", function()
    local rule = { data = { type = "incident_rules", attributes = {} } }
    assert.error_matches(function() dd:create_incident_rule(rule) end,
      "CreateIncidentRule: body.data.attributes.", nil, true)
    raises("body.data.attributes.api_key: must be a string (got number)", function()
      dd:create_opsgenie_account{ data = { type = "opsgenie-account", attributes = {
        api_key = 5, name = "n", region = "us" } } }
    end)
    -- an Opsgenie account's api_key is a secret: never in an error
    local ok, err = pcall(dd.create_opsgenie_account, dd, { data = { type = "opsgenie-account",
      attributes = { api_key = "og-very-secret", name = "n", region = "mars" } } })
    assert.is_false(ok)
    assert.matches("region: must be one of us, eu, custom", err, 1, true)
    assert.not_matches("og%-very%-secret", err)
  end)

  it("requires, type-checks and restricts query parameters", function()
    raises("datadog: SearchIncidents: query is required", function() dd:search_incidents() end)
    raises("datadog: SearchIncidents: query is required", function() dd:search_incidents{ sort = "created" } end)
    raises("datadog: SearchIncidents: sort must be one of created, -created",
      function() dd:search_incidents{ query = "q", sort = "newest" } end)
    raises("datadog: ListIncidentImpacts: include must be one of",
      function() dd:list_incident_impacts("i", { include = { "nope" } }) end)
    raises("datadog: ListIncidentImpacts: include must be one of",
      function() dd:list_incident_impacts("i", { include = "incident,nope" }) end)
    raises("datadog: ListIncidentUserDefinedFields: include_deleted must be a boolean (got string)",
      function() dd:list_incident_user_defined_fields{ include_deleted = "yes" } end)
    raises("unknown parameter 'page_sise'; did you mean 'page_size'?",
      function() dd:list_org_settings{ page_sise = 3 } end)
    assert.truthy(dd:search_incidents{ query = "state:active", page_size = 5 })
    assert.equal("http://h.test/api/v2/incidents/search?query=state%3Aactive&page%5Bsize%5D=5",
      sent[#sent].url)
  end)
end)

describe("the CLI with the new operations", function()
  local BIN = emu.root .. "/bin/datadog-lua"
  local function cli(args)
    local parts = { "env -u DD_SITE DD_API_KEY=k DD_APP_KEY=a", emu.shell_quote(BIN) }
    for _, a in ipairs(args) do parts[#parts + 1] = emu.shell_quote(a) end
    return emu.sh(table.concat(parts, " "))
  end

  it("lists them and explains one", function()
    local code, out = cli{ "list" }
    assert.equal(0, code)
    assert.matches("\nCreateIncidentTodo +POST +/api/v2/incidents/{incident_id}/relationships/todos  %(beta%)\n", out)
    assert.matches("\nListIncidentImpacts +GET +/api/v2/incidents/{incident_id}/impacts\n", out)
    code, out = cli{ "help", "search-incidents" }
    assert.equal(0, code)
    assert.matches("datadog-lua SearchIncidents [--include VALUE] --query VALUE [--sort VALUE]", out, 1, true)
    assert.matches("dd:search_incidents(opts)", out, 1, true)
  end)

  it("checks a new operation's parameters and body before sending", function()
    local code, _, err = cli{ "CreateIncidentTodo", "--body", "{}", "--base-url", "http://127.0.0.1:9" }
    assert.equal(2, code)
    assert.matches("needs --incident-id", err, 1, true)
    code, _, err = cli{ "SearchIncidents", "--sort", "created", "--base-url", "http://127.0.0.1:9" }
    assert.equal(2, code, err)
    assert.matches("query is required", err, 1, true)
    code, _, err = cli{ "ListIncidentUserDefinedFields", "--page-size", "x", "--base-url", "http://127.0.0.1:9" }
    assert.equal(2, code)
    assert.matches("--page-size must be an integer", err, 1, true)
  end)
end)
