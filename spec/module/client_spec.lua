-- The client: configuration, beta gating, misuse errors (with proof that
-- nothing was sent), path safety, lifecycle, failure kinds and transports.
local datadog = require "datadog"
local core = require "datadog.core"
local emu = require "spec.helpers.emulator"

local info

local client = require("spec.helpers.client").new

local function env(vars)
  return function(name) return vars[name] end
end

local function sent()
  return #emu.requests()
end

local OPSGENIE = { data = { type = "opsgenie-service", attributes = {
  name = "svc", opsgenie_api_key = "og-key", region = "us" } } }

describe("datadog.new", function()
  setup(function() info = emu.start{ tls = true } end)
  before_each(function() emu.reset() end)

  -- config() resolves (option, else environment, else default); the core
  -- checks and turns the site into a base URL, which tostring shows.
  local function made(opts, vars)
    return tostring(core.new(datadog.config(opts, env(vars))))
  end

  it("takes site and keys from DD_SITE, DD_API_KEY and DD_APP_KEY", function()
    local cfg = datadog.config(nil, env{ DD_SITE = "datadoghq.eu", DD_API_KEY = "a", DD_APP_KEY = "b" })
    assert.equal("datadoghq.eu", cfg.site)
    assert.equal("a", cfg.api_key)
    assert.equal("b", cfg.app_key)
    assert.matches("base_url=https://api.datadoghq.eu,",
      made(nil, { DD_SITE = "datadoghq.eu", DD_API_KEY = "a-key", DD_APP_KEY = "b-key" }), 1, true)
  end)

  it("lets options win over the environment", function()
    local cfg = datadog.config({ site = "us5.datadoghq.com", api_key = "x" },
      env{ DD_SITE = "datadoghq.eu", DD_API_KEY = "a", DD_APP_KEY = "b" })
    assert.equal("us5.datadoghq.com", cfg.site)
    assert.equal("x", cfg.api_key)
    assert.matches("base_url=https://api.us5.datadoghq.com,", made({ site = "us5.datadoghq.com" },
      { DD_SITE = "datadoghq.eu", DD_API_KEY = "a-key", DD_APP_KEY = "b-key" }), 1, true)
  end)

  it("takes a base URL from DD_BASE_URL, over DD_SITE; the options win over both", function()
    local keys = { DD_API_KEY = "a", DD_APP_KEY = "b" }
    local function with(vars)
      for k, v in pairs(keys) do vars[k] = v end
      return vars
    end
    local url = "http://127.0.0.1:18080"
    local cfg = datadog.config(nil, env(with{ DD_BASE_URL = url, DD_SITE = "datadoghq.eu" }))
    assert.equal(url, cfg.base_url)
    assert.is_nil(cfg.site)
    assert.matches("base_url=https://api.us5.datadoghq.com,",
      made({ site = "us5.datadoghq.com" }, with{ DD_BASE_URL = url }), 1, true)
    assert.equal("http://x", datadog.config({ base_url = "http://x" }, env(with{ DD_BASE_URL = url })).base_url)
    -- a process with only the environment set talks to the emulator
    local q = emu.shell_quote
    local code, out, err = emu.sh(("cd %s && DD_BASE_URL=%s DD_API_KEY=%s DD_APP_KEY=%s "
      .. "LUA_PATH='./lua/?.lua;./lua/?/init.lua' LUA_CPATH='./?.so' lua5.4 -e %s"):format(
      q(emu.root), q(info.base_url), q(info.api_key), q(info.app_key),
      q("print(assert(require('datadog').new{}:list_opsgenie_services()).data ~= nil)")))
    assert.equal(0, code, err)
    assert.equal("true\n", out)
    assert.equal(1, sent())
  end)

  it("defaults to datadoghq.com", function()
    assert.matches("base_url=https://api.datadoghq.com,",
      made(nil, { DD_API_KEY = "a-key", DD_APP_KEY = "b-key" }), 1, true)
  end)

  it("accepts every site of the reference", function()
    local sites = { "datadoghq.com", "us3.datadoghq.com", "us5.datadoghq.com",
        "ap1.datadoghq.com", "ap2.datadoghq.com", "datadoghq.eu", "ddog-gov.com",
        "us2.ddog-gov.com", "uk1.datadoghq.com" }
    assert.same(sites, datadog.SITES)
    for _, site in ipairs(sites) do
      assert.matches("base_url=https://api." .. site .. ",",
        tostring(datadog.new{ site = site, api_key = "a-key", app_key = "b-key" }), 1, true)
    end
  end)

  it("names the missing variable when a key is missing", function()
    assert.error_matches(function() core.new(datadog.config(nil, env{ DD_APP_KEY = "b" })) end,
      "no API key: pass api_key or set DD_API_KEY")
    assert.error_matches(function() core.new(datadog.config(nil, env{ DD_API_KEY = "a" })) end,
      "no application key: pass app_key or set DD_APP_KEY")
  end)

  it("rejects an unknown site with a suggestion", function()
    assert.error_matches(function()
      datadog.new({ site = "datadoghq.ue", api_key = "a", app_key = "b" })
    end, "unknown site 'datadoghq.ue'; did you mean 'datadoghq.eu'?")
  end)

  it("rejects unknown options and wrong types", function()
    assert.error_matches(function() datadog.new{ timout = 3 } end,
      "unknown option 'timout'; did you mean 'timeout'?")
    assert.error_matches(function() datadog.new{ timeout = "3", api_key = "a", app_key = "b" } end,
      "option timeout must be a number")
    assert.error_matches(function() datadog.new("x") end, "options must be a table")
  end)

  it("rejects keys with line breaks without echoing them", function()
    local ok, err = pcall(client, { api_key = "secret\r\nX-Evil: 1" })
    assert.is_false(ok)
    assert.matches("api_key contains a control character", err)
    assert.not_matches("secret", err)
  end)

  it("takes a retry table and rejects unknown fields in it", function()
    local dd = client({ retry = { max = 1, base = 0.01, multiplier = 3, max_wait = 1,
                                  methods = { "GET", "POST" } } })
    assert.truthy(dd:list_opsgenie_services())
    assert.error_matches(function() client({ retry = { maximum = 2 } }) end,
      "retry: unknown field 'maximum'")
    assert.error_matches(function() client({ retry = { methods = { "FETCH" } } }) end,
      "retry.methods%[1%] must be one of GET, POST, PUT, PATCH, DELETE")
    assert.error_matches(function() client({ retry = { max = -1 } }) end,
      "max must be between 0 and 100")
  end)

  it("checks unstable names, with a suggestion", function()
    assert.error_matches(function() client({ unstable = { "UpdateIncidentIntegraton" } }) end,
      "unknown operation 'UpdateIncidentIntegraton'; did you mean 'UpdateIncidentIntegration'%?")
  end)

  it("shows site, base URL and enabled beta operations in tostring, never keys", function()
    local dd = datadog.new{ site = "datadoghq.eu", api_key = "k-very-secret",
      app_key = "a-very-secret", unstable = { "GetIncident", "v2.ListIncidents" } }
    local s = tostring(dd)
    assert.matches("site=datadoghq.eu", s, 1, true)
    assert.matches("base_url=https://api.datadoghq.eu", s, 1, true)
    assert.matches("unstable={ListIncidents, GetIncident}", s, 1, true)
    assert.not_matches("secret", s)
  end)
end)

describe("beta operations", function()
  setup(function() info = emu.start{ tls = true } end)
  before_each(function() emu.reset() end)

  it("raises for a disabled one and sends nothing", function()
    local dd = client({ unstable = false })
    assert.has_error(function()
      dd:update_incident_integration("i", "m", {})
    end, "datadog: UpdateIncidentIntegration is a beta operation and is disabled; "
      .. "enable it with unstable = { \"UpdateIncidentIntegration\" }")
    assert.error_matches(function() dd:call("ListIncidents") end, "ListIncidents is a beta operation")
    assert.equal(0, sent())
  end)

  it("enables by id, by v2. id or by method name", function()
    local dd = client({ unstable = { "ListIncidents", "v2.CreateIncident", "list_incident_types" } })
    assert.truthy(dd:list_incidents())
    assert.truthy(dd:list_incident_types())
    assert.error_matches(function() dd:get_incident("x") end, "GetIncident is a beta operation")
  end)

  it("leaves stable operations alone", function()
    local dd = client({ unstable = false })
    assert.truthy(dd:list_opsgenie_services())
  end)
end)

describe("misuse", function()
  local dd
  setup(function() info = emu.start{ tls = true } end)
  before_each(function()
    emu.reset()
    dd = client()
  end)
  after_each(function()
    assert.equal(0, sent(), "misuse must send nothing")
  end)

  it("unknown operation, with did you mean", function()
    assert.has_error(function() dd:call("GetIncidnt", {}) end,
      "datadog: unknown operation 'GetIncidnt'; did you mean 'GetIncident'?")
    assert.error_matches(function() dd:call("Nothing", {}) end, "unknown operation 'Nothing'")
  end)

  it("names that carry line breaks are shown on one line", function()
    for _, f in ipairs({
      function() dd:call("Get\r\nX-Evil: 1", {}) end,
      function() return dd["x\ny"] end,
      function() client({ retry = { ["a\nb"] = 1 } }) end,
      function() client({ unstable = { "Zz\n" } }) end,
    }) do
      local ok, err = pcall(f)
      assert.is_false(ok)
      assert.not_matches("[\r\n]", err)
      assert.matches("\\[nr]", err)
    end
  end)

  it("misspelt method, with did you mean", function()
    assert.error_matches(function() return dd.get_opsgenie_servce end,
      "client has no method 'get_opsgenie_servce'; did you mean 'get_opsgenie_service'%?")
  end)

  it("missing, non-string or empty path parameters", function()
    assert.has_error(function() dd:get_incident() end,
      "datadog: GetIncident: incident_id must be a string (got no value)")
    assert.has_error(function() dd:get_incident_integration("i") end,
      "datadog: GetIncidentIntegration: integration_metadata_id must be a string (got no value)")
    assert.has_error(function() dd:get_incident(42) end,
      "datadog: GetIncident: incident_id must be a string (got number)")
    assert.has_error(function() dd:get_incident("") end,
      "datadog: GetIncident: incident_id must not be empty")
    assert.has_error(function() dd:call("GetIncident", {}) end,
      "datadog: GetIncident: incident_id must be a string (got nil)")
  end)

  it("body of the wrong type or missing", function()
    assert.has_error(function() dd:create_opsgenie_service(42) end,
      "datadog: CreateOpsgenieService: body must be a table or a JSON string (got number)")
    assert.has_error(function() dd:create_opsgenie_service() end,
      "datadog: CreateOpsgenieService: body is required")
  end)

  it("body that breaks the schema, naming the field path", function()
    assert.has_error(function()
      dd:create_incident_integration("i", { data = { type = "incident_integrations",
        attributes = { integration_type = 1, metadata = { channels = {
          { channel_id = "C1", channel_name = "#x" } } } } } })
    end, "datadog: CreateIncidentIntegration: body.data.attributes.metadata.channels[1].redirect_url: required")
    assert.has_error(function()
      dd:create_opsgenie_service({ data = { type = "opsgenie-service",
        attributes = { name = "n", opsgenie_api_key = "k", region = "mars" } } })
    end, 'datadog: CreateOpsgenieService: body.data.attributes.region: must be one of us, eu, custom (got "mars")')
  end)

  it("params and options of the wrong type, unknown or too many", function()
    assert.has_error(function() dd:call("ListIncidents", "x") end,
      "datadog: ListIncidents: params must be a table (got string)")
    assert.has_error(function() dd:list_incidents({ page_sise = 1 }) end,
      "datadog: ListIncidents: unknown parameter 'page_sise'; did you mean 'page_size'?")
    assert.has_error(function() dd:list_incidents({ page_size = "1" }) end,
      "datadog: ListIncidents: page_size must be an integer (got string)")
    assert.has_error(function() dd:list_incident_types({ include_deleted = "yes" }) end,
      "datadog: ListIncidentTypes: include_deleted must be a boolean (got string)")
    assert.error_matches(function() dd:get_incident("a", nil, "extra") end, "too many arguments")
  end)

  it("a method called with a dot instead of a colon", function()
    assert.error_matches(function() dd.list_opsgenie_services() end, "use dd:method")
  end)
end)

describe("paths", function()
  setup(function() info = emu.start{ tls = true } end)
  before_each(function() emu.reset() end)

  it("keep every path parameter inside its segment", function()
    local dd = client()
    local cases = {
      ["../../v1/x"] = "..%2F..%2Fv1%2Fx",
      [".."] = "%2E%2E",
      ["."] = "%2E",
      ["a b?c#d&e=f"] = "a%20b%3Fc%23d%26e%3Df",
      ["é"] = "%C3%A9",
      ["line\r\nX-Injected: 1"] = "line%0D%0AX-Injected%3A%201",
      ["nul\0byte"] = "nul%00byte",
    }
    local base = info.base_url .. "/api/v2/integration/opsgenie/services/"
    for value, encoded in pairs(cases) do
      -- what the client would send...
      local req = dd:prepare("GetOpsgenieService", { integration_service_id = value })
      assert.equal(base .. encoded, req.url)
      -- ...and what the server received (nginx itself answers 400 to %00
      -- before any handler runs, so that one never reaches the log)
      emu.clear_requests()
      local res, err = dd:get_opsgenie_service(value)
      assert.is_nil(res)
      if value:find("\0", 1, true) then
        assert.equal(400, err.status)
        assert.equal(0, #emu.requests())
      else
        assert.equal(404, err.status)
        local got = emu.requests()[1]
        assert.equal("/api/v2/integration/opsgenie/services/" .. encoded, got.path)
        assert.is_nil(got.headers["x-injected"])
      end
    end
  end)

  it("percent-encode every byte that is not unreserved, at any place in a value", function()
    local dd = client()
    local base = info.base_url .. "/api/v2/integration/opsgenie/services/"
    local function reference(v)
      return (v:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
    end
    for b = 0, 255 do
      local c = string.char(b)
      for _, value in ipairs({ c .. "id", "id" .. c, "a-b_c" .. c .. c .. "x.y~z", c:rep(3) }) do
        if not value:match("^%.+$") then -- dot-only segments: see the test above
          local req = dd:prepare("GetOpsgenieService", { integration_service_id = value })
          assert.equal(base .. reference(value), req.url)
        end
      end
    end
  end)
end)

describe("results", function()
  setup(function() info = emu.start{ tls = true } end)
  before_each(function() emu.reset() end)

  it("come with a response object: status, headers, rate limits as numbers", function()
    local dd = client()
    local res, resp = dd:list_opsgenie_services()
    assert.is_table(res.data)
    assert.equal(200, resp.status)
    assert.equal("application/json", resp.headers["content-type"]:match("^[^;]+"))
    assert.equal("integer", math.type(resp.ratelimit.limit))
    assert.equal("integer", math.type(resp.ratelimit.remaining))
    assert.equal("integer", math.type(resp.ratelimit.period))
    assert.is_string(resp.ratelimit.name)
  end)

  it("go out right when calls of every kind follow one another on one handle", function()
    -- The client's handle keeps its options from call to call and is given
    -- only what changed (src/drivers/curl.c): each request must still be exactly its
    -- own, whatever came before it.
    local dd = client({ gzip_requests = 160 })
    local a = assert(dd:create_opsgenie_service(OPSGENIE)).data.id
    local b = assert(dd:create_opsgenie_service({ data = { type = "opsgenie-service",
      attributes = { name = "other", opsgenie_api_key = "og-key", region = "eu" } } })).data.id
    local function big(id, c) -- over gzip_requests: sent gzipped
      return { data = { id = id, type = "opsgenie-service", attributes = {
        name = (c or "n"):rep(100), opsgenie_api_key = "og-key", region = "us" } } }
    end
    local ty = assert(dd:create_incident_type({ data = { type = "incident_types",
      attributes = { name = "seq" } } })).data.id
    emu.clear_requests()
    local OG = "/api/v2/integration/opsgenie/services"
    local PD = "/api/v1/integration/pagerduty/configuration/services"
    local steps = {
      { "GET", OG .. "/" .. a, function() return dd:get_opsgenie_service(a) end },
      { "GET", OG .. "/" .. a, function() return dd:get_opsgenie_service(a) end },
      { "GET", OG .. "/" .. b, function() return dd:get_opsgenie_service(b) end },
      { "PATCH", OG .. "/" .. a, function() return dd:update_opsgenie_service(a, { data = {
        id = a, type = "opsgenie-service", attributes = { region = "eu" } } }) end, "region" },
      { "GET", OG .. "/" .. a, function() return dd:get_opsgenie_service(a) end },
      { "POST", OG, function() return dd:create_opsgenie_service(big()) end, "nnnn", "gzip" },
      { "PATCH", OG .. "/" .. b, function() return dd:update_opsgenie_service(b, { data = {
        id = b, type = "opsgenie-service", attributes = { region = "us" } } }) end, "region" },
      { "PATCH", OG .. "/" .. b, function() return dd:update_opsgenie_service(b, big(b, "m")) end,
        "mmmm", "gzip" },
      { "GET", OG, function() return dd:list_opsgenie_services() end },
      { "DELETE", "/api/v2/incidents/config/types/" .. ty,
        function() return dd:delete_incident_type(ty) end, nil, nil, "*/*" },
      { "DELETE", OG .. "/" .. a, function() return dd:delete_opsgenie_service(a) end,
        nil, nil, "*/*" },
      { "POST", PD, function() return dd:create_pager_duty_integration_service({
        service_name = "seq", service_key = "k-0001" }) end, "k-0001" },
      { "PATCH", OG .. "/" .. b, function() return dd:update_opsgenie_service(b, { data = {
        id = b, type = "opsgenie-service", attributes = { region = "eu" } } }) end, "region" },
      { "PUT", PD .. "/seq", function() return dd:update_pager_duty_integration_service(
        "seq", { service_key = "k-0002" }) end, "k-0002", nil, "*/*" },
      { "GET", OG .. "/" .. b, function() return dd:get_opsgenie_service(b) end },
      { "PUT", PD .. "/seq", function() return dd:update_pager_duty_integration_service(
        "seq", { service_key = "k-0003" }) end, "k-0003", nil, "*/*" },
      { "GET", PD .. "/seq", function() return dd:get_pager_duty_integration_service("seq") end },
    }
    for i, st in ipairs(steps) do
      local res, resp = st[3]()
      assert.truthy(res, "step " .. i .. ": " .. tostring(resp))
      local got = emu.requests()[i]
      local what = "step " .. i .. " (" .. st[1] .. " " .. st[2] .. ")"
      assert.equal(st[1], got.method, what)
      assert.equal(st[2], got.path, what)
      assert.equal(st[6] or "application/json", got.headers.accept, what)
      if st[4] then
        assert.matches(st[4], got.body, 1, true, what)
        assert.equal("application/json", got.headers["content-type"], what)
        assert.equal(st[5] or "identity", got.body_encoding, what)
      else
        assert.equal("", got.body, what)
        assert.is_nil(got.headers["content-type"], what)
        assert.is_nil(got.headers["content-length"], what)
      end
    end
    assert.equal(#steps, #emu.requests())
  end)

  it("send JSON null for datadog.null and [] for empty lists", function()
    local dd = client()
    local og = assert(dd:create_opsgenie_service(OPSGENIE))
    assert(dd:update_opsgenie_service(og.data.id, { data = { id = og.data.id,
      type = "opsgenie-service", attributes = { custom_url = datadog.null } } }))
    local req = emu.requests()[2]
    assert.matches('"custom_url":null', req.body, 1, true)

    local inc = assert(dd:create_incident({ data = { type = "incidents",
      attributes = { title = "t", customer_impacted = false } } }))
    local meta = assert(dd:create_incident_integration(inc.data.id, { data = {
      type = "incident_integrations", attributes = { integration_type = 1,
        metadata = { channels = {} } } } }))
    local log = emu.requests()
    assert.matches('"channels":[]', log[#log].body, 1, true)
    assert.same({}, meta.data.attributes.metadata.channels)
  end)

  it("write known fields in the schema's order, whatever Lua's table order", function()
    local body = { data = { attributes = { region = "us", opsgenie_api_key = "k",
      name = "n", zeta = 1 }, type = "opsgenie-service" } }
    assert.equal('{"data":{"type":"opsgenie-service","attributes":{"name":"n",'
      .. '"opsgenie_api_key":"k","region":"us","zeta":1}}}',
      datadog.encode(body, "CreateOpsgenieService"))
  end)

  it("check a string body against the schema, and still send it as given", function()
    local dd = client()
    assert.has_error(function() dd:create_pager_duty_integration_service('{"service_name":1}') end,
      "datadog: CreatePagerDutyIntegrationService: body.service_name: must be a string (got number)")
    assert.has_error(function() dd:create_pager_duty_integration_service('{oops') end,
      "datadog: CreatePagerDutyIntegrationService: body: a string body is sent as raw JSON, "
        .. "and this one is not valid JSON: expected a string key at byte 1")
    assert.equal(0, #emu.requests())
    -- validate = false: sent unchecked
    local res, err = client({ validate = false }):create_pager_duty_integration_service('{oops')
    assert.is_nil(res)
    assert.equal(400, err.status)
    assert.equal("{oops", emu.requests()[1].body)
  end)

  it("mask the secrets of a string body in errors", function()
    local dd = datadog.new{ base_url = "http://x", api_key = "k-123456", app_key = "a-123456",
      retry = false, transport = function()
        return { status = 400, headers = {}, body = '{"errors":["rejected pd-secret-0001"]}' }
      end }
    local _, err = dd:create_pager_duty_integration_service(
      '{"service_name":"svc","service_key":"pd-secret-0001"}')
    assert.not_matches("pd%-secret", tostring(err))
    assert.not_matches("pd%-secret", err.body)
    assert.matches("rejected ****", tostring(err), 1, true)
  end)

  it("send a string body as given", function()
    local dd = client()
    local text = '{"service_name":"raw","service_key":"k"}'
    assert(dd:create_pager_duty_integration_service(text))
    assert.equal(text, emu.requests()[1].body)
  end)
end)

describe("failures", function()
  setup(function() info = emu.start{ tls = true } end)
  before_each(function() emu.reset() end)

  it("connect: nothing listening", function()
    local dd = datadog.new{ base_url = "http://127.0.0.1:9", api_key = "a", app_key = "b",
      retry = false }
    local res, err = dd:list_opsgenie_services()
    assert.is_nil(res)
    assert.equal("connect", err.kind)
    assert.equal("ListOpsgenieServices", err.operation)
    assert.matches("^datadog: ListOpsgenieServices: connect: ", tostring(err))
  end)

  it("timeout: a server slower than the timeout", function()
    emu.fault{ path = "opsgenie", delay_ms = 1500 }
    local dd = client({ timeout = 0.3 })
    local res, err = dd:list_opsgenie_services()
    assert.is_nil(res)
    assert.equal("timeout", err.kind)
  end)

  it("decode: malformed JSON in a 200", function()
    emu.fault{ path = "opsgenie", action = "malformed" }
    local res, err = client():list_opsgenie_services()
    assert.is_nil(res)
    assert.equal("decode", err.kind)
    assert.equal(200, err.status)
    assert.is_string(err.body)
  end)

  it("decode: a truncated body", function()
    emu.fault{ path = "opsgenie", action = "truncate" }
    local res, err = client():list_opsgenie_services()
    assert.is_nil(res)
    assert.equal("decode", err.kind)
  end)

  it("network: the connection closed before or in the middle of the body", function()
    for _, action in ipairs({ "close_before", "close_mid" }) do
      emu.fault{ path = "opsgenie", action = action }
      local res, err = client():list_opsgenie_services()
      assert.is_nil(res)
      assert.equal("network", err.kind, action)
    end
  end)

  it("tls: a self-signed certificate without its CA", function()
    local res, err = client({ base_url = info.tls_url }):list_opsgenie_services()
    assert.is_nil(res)
    assert.equal("tls", err.kind)
  end)

  it("HTTPS works with the CA file", function()
    local res, resp = client({ base_url = info.tls_url, ca_file = info.ca_file }):list_opsgenie_services()
    assert.is_table(res, tostring(resp))
    assert.equal(200, resp.status)
  end)

  it("decodes a gzip-encoded response transparently", function()
    emu.fault{ path = "opsgenie", action = "gzip" }
    local res, resp = client():list_opsgenie_services()
    assert.is_table(res, tostring(resp))
    assert.equal("gzip", resp.headers["content-encoding"])
  end)
end)

describe("lifecycle", function()
  setup(function() info = emu.start{ tls = true } end)
  before_each(function() emu.reset() end)

  it("close is idempotent and a closed client raises", function()
    local dd = client()
    dd:close()
    dd:close()
    assert.equal("datadog.client (closed)", tostring(dd))
    assert.has_error(function() dd:list_opsgenie_services() end, "datadog: client is closed")
  end)

  it("refuses to be closed from inside its own transport or debug function", function()
    local dd
    dd = datadog.new{ base_url = "http://x", api_key = "k", app_key = "a", retry = false,
      transport = function()
        dd:close()
        return { status = 200, headers = {}, body = "{}" }
      end }
    local res, err = dd:list_opsgenie_services()
    assert.is_nil(res)
    assert.matches("cannot close a client from inside one of its own calls", err.message)
    assert.truthy(dd:list_opsgenie_services() == nil) -- still usable, still open
    assert.not_equal("datadog.client (closed)", tostring(dd))
  end)

  it("closes on leaving a <close> scope", function()
    local dd
    do
      local scoped <close> = client()
      dd = scoped
      assert.truthy(dd:list_opsgenie_services())
    end
    assert.equal("datadog.client (closed)", tostring(dd))
  end)

  it("reuses the connection across calls", function()
    local dd = client()
    for _ = 1, 5 do assert.truthy(dd:list_opsgenie_services()) end
    local conns = {}
    for _, r in ipairs(emu.requests()) do conns[r.connection or "?"] = true end
    local n = 0
    for _ in pairs(conns) do n = n + 1 end
    assert.equal(1, n)
  end)
end)

describe("transports", function()
  it("can be a Lua function: it gets the request and returns the response", function()
    local seen = {}
    local dd = datadog.new{ base_url = "http://example.invalid", api_key = "k-secret",
      app_key = "a-secret", transport = function(req)
        seen[#seen + 1] = req
        return { status = 201, headers = { ["X-RateLimit-Remaining"] = "9" },
                 body = '{"service_name":"svc"}' }
      end }
    local res, resp = dd:create_pager_duty_integration_service({ service_name = "svc", service_key = "sk" })
    assert.same({ service_name = "svc" }, res)
    assert.equal(9, resp.ratelimit.remaining)
    assert.equal("POST", seen[1].method)
    assert.equal("http://example.invalid/api/v1/integration/pagerduty/configuration/services", seen[1].url)
    assert.equal("k-secret", seen[1].headers["DD-API-KEY"])
    assert.equal("application/json", seen[1].headers["Content-Type"])
    assert.not_matches("secret", tostring(seen[1]))
  end)

  -- Header names and short values come from a string cache shared by all
  -- responses: values that change from call to call must never be stale.
  it("reports each response's own headers, and an empty ratelimit without X-RateLimit-*", function()
    local n = 0
    local dd = datadog.new{ base_url = "http://example.invalid", api_key = "k", app_key = "a",
      retry = false, transport = function()
        n = n + 1
        local h = { ["Content-Type"] = "application/json", ["X-Count"] = tostring(n),
                    ["X-Long"] = ("v"):rep(40 + n) }
        if n % 2 == 0 then h["X-RateLimit-Remaining"] = tostring(100 - n) end
        return { status = 200, body = "{}", headers = h }
      end }
    for i = 1, 6 do
      local _, resp = dd:list_opsgenie_services()
      assert.equal(tostring(i), resp.headers["x-count"])
      assert.equal(("v"):rep(40 + i), resp.headers["x-long"])
      assert.equal("application/json", resp.headers["content-type"])
      if i % 2 == 0 then
        assert.same({ remaining = 100 - i }, resp.ratelimit)
      else
        assert.same({}, resp.ratelimit)
        assert.is_nil(resp.headers["x-ratelimit-remaining"])
      end
    end
  end)

  -- A name met again is joined to the first with ", ". Which names are new
  -- is told from their string-cache entries (src/engine/response.c): different
  -- names may share an entry, long names have none.
  it("joins repeated headers, however their names share the string cache", function()
    local lines, want = {}, {}
    local function add(name, value)
      lines[#lines + 1] = name .. ": " .. value
      local k = name:lower()
      want[k] = want[k] and (want[k] .. ", " .. value) or value
    end
    for i = 1, 600 do add("X-H" .. i, "v" .. i) end -- more names than cache entries
    for i = 1, 600, 7 do add("x-h" .. i, "again" .. i) end -- repeats, in any case
    local long = "X-" .. ("L"):rep(60)
    add(long, "1"); add("Set-Cookie", "a=1"); add(long, "2"); add("set-cookie", "b=2")
    add("X-Empty", ""); add("x-empty", "")
    local raw = "HTTP/1.1 200 OK\r\n" .. table.concat(lines, "\r\n") .. "\r\n\r\n"
    local dd = datadog.new{ base_url = "http://example.invalid", api_key = "k", app_key = "a",
      retry = false, transport = function()
        return { status = 200, body = "{}", headers = raw }
      end }
    for _ = 1, 3 do
      local _, resp = dd:list_opsgenie_services()
      assert.same(want, resp.headers)
    end
  end)

  it("leaves out rate-limit figures no integer can hold, and keeps the rest", function()
    local huge = { "9223372036854775807", "18446744073709551616", "1e999", "9007199254740992" }
    for _, v in ipairs(huge) do
      local dd = datadog.new{ base_url = "http://example.invalid", api_key = "k", app_key = "a",
        retry = false, transport = function()
          return { status = 200, body = "{}", headers = {
            ["X-RateLimit-Remaining"] = v, ["X-RateLimit-Limit"] = "12",
            ["X-RateLimit-Reset"] = v, ["X-RateLimit-Period"] = "9007199254740991" } }
        end }
      local _, resp = dd:list_opsgenie_services()
      assert.is_nil(resp.ratelimit.remaining, v)
      assert.is_nil(resp.ratelimit.reset, v)
      assert.equal(12, resp.ratelimit.limit)
      assert.equal(9007199254740991, resp.ratelimit.period)
    end
  end)

  it("still retries a 429 whose X-RateLimit-Reset is out of range", function()
    local calls = 0
    local dd = datadog.new{ base_url = "http://example.invalid", api_key = "k", app_key = "a",
      retry = { max = 1, max_wait = 0.01 }, transport = function()
        calls = calls + 1
        return { status = 429, body = "{}", headers = { ["X-RateLimit-Reset"] = "1e999" } }
      end }
    local res, err = dd:list_opsgenie_services()
    assert.is_nil(res)
    assert.equal(429, err.status)
    assert.equal(2, calls)
  end)

  it("reports a transport's failure as an error object", function()
    local dd = datadog.new{ base_url = "http://x", api_key = "k", app_key = "a",
      transport = function() return nil, { kind = "timeout", message = "too slow" } end }
    local res, err = dd:list_opsgenie_services()
    assert.is_nil(res)
    assert.equal("timeout", err.kind)
    assert.equal("datadog: ListOpsgenieServices: too slow", tostring(err))
  end)

  it("prepare and finish split a call for transports driven from Lua", function()
    local dd = datadog.new{ base_url = "http://x", api_key = "k", app_key = "a" }
    local req = dd:prepare("GetOpsgenieService", { integration_service_id = "a/b" })
    assert.equal("GET", req.method)
    assert.equal("http://x/api/v2/integration/opsgenie/services/a%2Fb", req.url)
    local res, resp = dd:finish("GetOpsgenieService", 200, { ["Content-Type"] = "application/json" },
      '{"data":{"id":"a/b"}}')
    assert.equal("a/b", res.data.id)
    assert.equal(200, resp.status)
    local nores, err = dd:finish("GetOpsgenieService", 404, {}, '{"errors":["Not found"]}')
    assert.is_nil(nores)
    assert.equal("datadog: GetOpsgenieService: HTTP 404 Not Found", tostring(err))
    assert.same({ "Not found" }, err.errors)
  end)
end)

describe("datadog.operations", function()
  it("lists 105 operations with id, method, HTTP method, path and beta flag", function()
    local ops = datadog.operations()
    assert.equal(105, #ops)
    local by = {}
    for _, op in ipairs(ops) do by[op.id] = op end
    assert.same({ "incident_id", "integration_metadata_id" }, by.UpdateIncidentIntegration.path_params)
    assert.equal("update_incident_integration", by.UpdateIncidentIntegration.method)
    assert.equal("PATCH", by.UpdateIncidentIntegration.http_method)
    assert.is_true(by.UpdateIncidentIntegration.beta)
    assert.is_false(by.GetOpsgenieService.beta)
    assert.equal("*/*", by.UpdatePagerDutyIntegrationService.accept)
    assert.equal("*/*", by.DeleteIncident.accept)
  end)
end)
