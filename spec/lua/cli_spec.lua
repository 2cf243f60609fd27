-- bin/datadog-lua, run as a subprocess against the emulator: outputs, exit
-- codes (0 ok, 2 usage, 3 API error, 4 transport error) and what reached
-- the wire. Run by the interpreter running the specs (scripts/test runs
-- this file under every Lua), with the module `make` built for it.
local datadog = require "datadog"
local emu = require "spec.helpers.emulator"
local S = require "spec.emulator.support"

local q = emu.shell_quote
local BIN = emu.root .. "/bin/datadog-lua"
local info

-- Runs the CLI with `args` (a list), optional stdin text and environment
-- overrides; returns exit code, stdout, stderr. The Datadog variables of the
-- caller's environment never leak in.
local function cli(args, opts)
  opts = opts or {}
  local env = { DD_API_KEY = info.api_key, DD_APP_KEY = info.app_key }
  for k, v in pairs(opts.env or {}) do env[k] = v end
  local parts = { "env -u DD_API_KEY -u DD_APP_KEY -u DD_SITE -u DD_BASE_URL" }
  for k, v in pairs(env) do
    if v ~= false then parts[#parts + 1] = k .. "=" .. q(v) end
  end
  parts[#parts + 1] = emu.lua .. " " .. q(BIN)
  for _, a in ipairs(args) do parts[#parts + 1] = q(a) end
  local cmd = table.concat(parts, " ")
  local input
  if opts.stdin then
    input = os.tmpname()
    local f = assert(io.open(input, "wb"))
    f:write(opts.stdin)
    f:close()
    cmd = cmd .. " < " .. q(input)
  end
  if opts.cwd then cmd = "cd " .. q(opts.cwd) .. " && " .. cmd end
  local code, out, err = emu.sh(cmd)
  if input then os.remove(input) end
  return code, out, err
end

-- The CLI pointed at the emulator.
local function api(args, opts)
  local full = {}
  for i, a in ipairs(args) do full[i] = a end
  full[#full + 1] = "--base-url"
  full[#full + 1] = info.base_url
  return cli(full, opts)
end

local function tmpfile(text)
  local path = os.tmpname()
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
  return path
end

local INCIDENT = '{"data":{"type":"incidents","attributes":{"title":"From the CLI","customer_impacted":false}}}'

local function create_incident()
  local code, out, err = api({ "CreateIncident", "--body", INCIDENT })
  assert.equal(0, code, err)
  return datadog.decode(out).data.id
end

describe("datadog-lua", function()
  info = emu.per_spec()

  describe("list and help", function()
    it("lists every operation, one a line", function()
      local code, out, err = cli({ "list" })
      assert.equal(0, code, err)
      local n = 0
      for line in out:gmatch("[^\n]+") do
        n = n + 1
        assert.matches("^%u%a+ +%u+ +/api/v%d/%S+", line)
      end
      assert.equal(105, n)
      assert.matches("CreateIncidentIntegration +POST +/api/v2/incidents/{incident_id}/relationships/"
        .. "integrations  %(beta%)\n", out)
      assert.matches("GetOpsgenieService +GET +/api/v2/integration/opsgenie/services/"
        .. "{integration_service_id}\n", out)
      assert.equal("", err)
    end)

    it("prints its usage with --help and exits 0; without arguments exits 2", function()
      local code, out = cli({ "--help" })
      assert.equal(0, code)
      assert.matches("^usage: datadog%-lua list", out)
      assert.matches("Exit codes: 0 ok, 1 internal error, 2 usage", out, 1, true)
      assert.equal(0, (cli({ "-h" })))
      assert.equal(0, (cli({ "help" })))
      local code2, out2, err2 = cli({})
      assert.equal(2, code2)
      assert.equal("", out2)
      assert.matches("^datadog%-lua: no operation given\n\nusage:", err2)
    end)

    it("prints the module's help for an operation", function()
      local want = datadog.help("UpdateIncidentIntegration", { print = false }) .. "\n"
      for _, args in ipairs({ { "help", "UpdateIncidentIntegration" },
          { "help", "update-incident-integration" }, { "UpdateIncidentIntegration", "--help" } }) do
        local code, out = cli(args)
        assert.equal(0, code)
        assert.equal(want, out)
      end
      local code, _, err = cli({ "help", "update-incident-integraton" })
      assert.equal(2, code)
      assert.equal("datadog-lua: unknown operation 'update-incident-integraton'; did you mean "
        .. "'update-incident-integration'? (datadog-lua list shows them)\n", err)
    end)

    it("prints its version", function()
      local code, out = cli({ "--version" })
      assert.equal(0, code)
      assert.equal("datadog-lua " .. datadog._VERSION .. "\n", out)
    end)

    it("finds the checkout's module from any directory", function()
      local code, out = cli({ "list" }, { cwd = "/" })
      assert.equal(0, code)
      assert.matches("ListIncidents", out, 1, true)
    end)
  end)

  describe("operations", function()
    it("sends a body from a file and prints the response as JSON", function()
      local path = tmpfile(INCIDENT)
      local code, out, err = api({ "CreateIncident", "--body", path })
      os.remove(path)
      assert.equal(0, code, err)
      assert.equal("", err)
      local res = datadog.decode(out)
      assert.equal("From the CLI", res.data.attributes.title)
      if math.type then assert.equal("integer", math.type(res.data.attributes.public_id)) end
      assert.matches("^{.*}\n$", out) -- one line of JSON
      local req = emu.requests()[1]
      assert.equal("POST", req.method)
      assert.same(datadog.decode(INCIDENT), datadog.decode(req.body))
    end)

    it("reads the body from stdin with --body - and from the argument itself", function()
      local code, out, err = api({ "create-incident", "--body", "-" }, { stdin = INCIDENT })
      assert.equal(0, code, err)
      assert.equal("From the CLI", datadog.decode(out).data.attributes.title)
      code, out, err = api({ "create_incident", "--body=" .. INCIDENT })
      assert.equal(0, code, err)
      assert.equal("From the CLI", datadog.decode(out).data.attributes.title)
      assert.equal(2, #emu.requests())
    end)

    it("takes path parameters as --kebab-case options, with or without =", function()
      local id = create_incident()
      local body = '{"data":{"type":"incident_integrations","attributes":{"integration_type":1,'
        .. '"metadata":{"channels":[{"channel_id":"C1","channel_name":"#cli",'
        .. '"redirect_url":"https://slack.com/app_redirect?channel=C1"}]}}}}'
      local code, out, err = api({ "CreateIncidentIntegration", "--incident-id", id, "--body", body })
      assert.equal(0, code, err)
      local meta = datadog.decode(out).data.id
      code, out, err = api({ "v2.GetIncidentIntegration", "--incident-id=" .. id,
        "--integration-metadata-id", meta })
      assert.equal(0, code, err)
      assert.equal("#cli", datadog.decode(out).data.attributes.metadata.channels[1].channel_name)
      local log = emu.requests()
      assert.equal("/api/v2/incidents/" .. id .. "/relationships/integrations/" .. meta, log[#log].path)
    end)

    it("takes query parameters: booleans, integers and lists", function()
      create_incident()
      emu.clear_requests()
      assert.equal(0, (api({ "ListIncidents", "--include", "users", "--page-size", "5",
        "--page-offset", "0" })))
      assert.equal(0, (api({ "ListIncidentTypes", "--include-deleted" })))
      assert.equal(0, (api({ "ListIncidentTypes", "--include-deleted=false" })))
      assert.equal(0, (api({ "ListIncidentTypes", "--include-deleted", "false" })))
      assert.equal(0, (api({ "ListIncidentTypes", "--include-deleted", "true", "--pretty" })))
      local log = emu.requests()
      assert.equal("include=users&page%5Bsize%5D=5&page%5Boffset%5D=0", log[1].query)
      assert.equal("include_deleted=true", log[2].query)
      assert.equal("include_deleted=false", log[3].query)
      assert.equal("include_deleted=false", log[4].query)
      assert.equal("include_deleted=true", log[5].query)
    end)

    it("percent-encodes a service name given on the command line", function()
      local code, _, err = api({ "CreatePagerDutyIntegrationService", "--body",
        '{"service_name":"payments api/v2","service_key":"pd-key"}' })
      assert.equal(0, code, err)
      local out
      code, out, err = api({ "GetPagerDutyIntegrationService", "--service-name", "payments api/v2" })
      assert.equal(0, code, err)
      assert.same({ service_name = "payments api/v2" }, datadog.decode(out))
      local log = emu.requests()
      assert.equal("/api/v1/integration/pagerduty/configuration/services/payments%20api%2Fv2",
        log[#log].path)
    end)

    it("prints sorted, indented JSON with --pretty", function()
      local id = create_incident()
      local code, out, err = api({ "GetIncident", "--incident-id", id, "--pretty" })
      assert.equal(0, code, err)
      local res = datadog.decode(out)
      assert.equal(datadog.pretty(res, { print = false }) .. "\n", out)
      assert.matches('^{\n  "data": {\n    "attributes": {\n', out)
    end)

    it("prints nothing for 204 and exits 0", function()
      local id = create_incident()
      local code, out, err = api({ "DeleteIncident", "--incident-id", id })
      assert.equal(0, code, err)
      assert.equal("", out)
      assert.equal("", err)
    end)

    it("takes its endpoint from DD_BASE_URL, as the module does; --base-url wins", function()
      local code, out, err = cli({ "ListOpsgenieServices" }, { env = { DD_BASE_URL = info.base_url } })
      assert.equal(0, code, err)
      assert.equal('{"data":[]}\n', out)
      code, out, err = cli({ "ListOpsgenieServices", "--base-url", info.base_url, "--no-retry" },
        { env = { DD_BASE_URL = "http://127.0.0.1:9" } })
      assert.equal('{"data":[]}\n', out)
      assert.equal(0, code, err)
      assert.equal(2, #emu.requests())
    end)

    it("logs every attempt on stderr with --debug, keys masked", function()
      local code, out, err = api({ "ListOpsgenieServices", "--debug" })
      assert.equal(0, code, err)
      assert.equal('{"data":[]}\n', out)
      assert.matches("GET " .. info.base_url .. "/api/v2/integration/opsgenie/services -> 200 (attempt 1,",
        err, 1, true)
      assert.not_matches(info.api_key, err, 1, true)
      assert.not_matches(info.app_key, err, 1, true)
      -- every line starts with the program's name, as its errors do
      for line in err:gmatch("[^\n]+") do assert.matches("^datadog%-lua: ", line) end
    end)

    it("says the status and rate limit on stderr with --verbose", function()
      local code, out, err = api({ "ListOpsgenieServices", "--verbose" })
      assert.equal(0, code)
      assert.equal('{"data":[]}\n', out)
      assert.matches("^HTTP 200 %(rate limit: %d+ of %d+ left%)\n$", err)
    end)

    it("enables beta operations by default", function()
      assert.equal(0, (api({ "ListIncidents" })))
      assert.equal(0, (api({ "ListIncidents", "--unstable" })))
    end)
  end)

  describe("API errors exit 3", function()
    it("for a 404, with the error on stderr and nothing on stdout", function()
      local code, out, err = api({ "GetIncident", "--incident-id", "nope" })
      assert.equal(3, code)
      assert.equal("", out)
      -- the program's name replaces the module's "datadog: "
      assert.equal("datadog-lua: GetIncident: HTTP 404 Not Found\n", err)
    end)

    it("prints a JSON:API error in the module's one line", function()
      local dd = datadog.new{ base_url = info.base_url, api_key = info.api_key,
        app_key = info.app_key, unstable = true }
      local incident = assert(dd:create_incident(datadog.incident{ title = "cli",
        customer_impacted = false })).data.id
      local ghost = "00000000-0000-4000-8000-000000000000"
      local _, e = dd:get_incident_integration(incident, ghost)
      assert.equal("HTTP 404 Not Found: Generic Error: incident integration doesn't exist", e.message)
      local code, out, err = api({ "GetIncidentIntegration", "--incident-id", incident,
        "--integration-metadata-id", ghost })
      assert.equal(3, code)
      assert.equal("", out)
      assert.equal(1, select(2, err:gsub("\n", "")))
      assert.equal(": " .. e.message .. "\n", err:sub(-#e.message - 3))
    end)

    it("for a wrong key, which never appears in the output", function()
      local code, out, err = api({ "ListOpsgenieServices" }, { env = { DD_API_KEY = "wrong-secret-key" } })
      assert.equal(3, code)
      assert.equal("", out)
      assert.matches("HTTP 403 Forbidden", err, 1, true)
      assert.not_matches("wrong%-secret%-key", err)
    end)

    it("for a 500 after retries, and at once with --no-retry", function()
      emu.fault{ path = "opsgenie", count = 10, status = 500, headers = { ["X-RateLimit-Reset"] = "0" } }
      local code, _, err = api({ "ListOpsgenieServices", "--no-retry" })
      assert.equal(3, code)
      assert.matches("HTTP 500", err, 1, true)
      assert.equal(1, #emu.requests())
    end)

    it("for a response that is not JSON", function()
      emu.fault{ path = "opsgenie", action = "malformed" }
      local code, out = api({ "ListOpsgenieServices" })
      assert.equal(3, code)
      assert.equal("", out)
    end)
  end)

  describe("transport errors exit 4", function()
    it("when nothing listens", function()
      local code, out, err = cli({ "ListOpsgenieServices", "--base-url", "http://127.0.0.1:9",
        "--no-retry" })
      assert.equal(4, code)
      assert.equal("", out)
      assert.matches("^datadog%-lua: ListOpsgenieServices: connect: ", err)
    end)

    it("on a timeout", function()
      emu.fault{ path = "opsgenie", delay_ms = 1500 }
      local code, _, err = api({ "ListOpsgenieServices", "--timeout", "0.3", "--no-retry" })
      assert.equal(4, code)
      assert.matches("ListOpsgenieServices", err, 1, true)
    end)
  end)

  describe("usage errors exit 2 and send nothing", function()
    local CASES = {
      -- the hint in the spelling that was typed
      { { "GetIncidnt" }, "unknown operation 'GetIncidnt'; did you mean 'GetIncident'? "
        .. "(datadog-lua list shows them)" },
      { { "get_incidnt" }, "unknown operation 'get_incidnt'; did you mean 'get_incident'? "
        .. "(datadog-lua list shows them)" },
      { { "get-incidnt" }, "unknown operation 'get-incidnt'; did you mean 'get-incident'? "
        .. "(datadog-lua list shows them)" },
      { { "GetIncident", "--incident-idd", "x" },
        "unknown option --incident-idd; did you mean --incident-id? (datadog-lua help GetIncident)" },
      { { "--pretti", "list" }, "unknown option --pretti; did you mean --pretty? (datadog-lua --help)" },
      -- only what the operation takes is suggested: ListIncidents has no body
      { { "ListIncidents", "--bogus" }, "unknown option --bogus (datadog-lua help ListIncidents)" },
      { { "ListIncidents", "--api-key", "k" }, "no option --api-key: keys are read from DD_API_KEY and "
        .. "DD_APP_KEY only (on the command line, ps would show them)" },
      { { "GetIncident", "-x" }, "unknown option -x (datadog-lua --help)" },
      { { "GetIncident" }, "GetIncident needs --incident-id (datadog-lua help GetIncident)" },
      { { "GetIncident", "--incident-id" }, "--incident-id needs a value (got the option --base-url; "
        .. "write --incident-id=--base-url if that is the value)" },
      { { "GetIncident", "--incident-id", "a", "--incident-id", "b" }, "--incident-id given twice" },
      { { "GetIncident", "--incident-id", "a", "stray" },
        "unexpected argument 'stray' (parameters are --name value)" },
      { { "GetIncident", "--incident-id", "a", "--page-size", "3" },
        "GetIncident has no parameter --page-size (datadog-lua help GetIncident)" },
      { { "CreateIncident" }, "CreateIncident needs --body FILE.json (or - for stdin; "
        .. "datadog-lua help CreateIncident)" },
      { { "GetIncident", "--incident-id", "a", "--body", "{}" }, "GetIncident takes no body" },
      { { "CreateIncident", "--body", "/nonexistent/body.json" },
        "--body: cannot read /nonexistent/body.json: No such file or directory" },
      { { "CreateIncident", "--body", "{not json" }, "--body: invalid JSON: " },
      { { "CreateIncident", "--body", '{"data":{"type":"incidents","attributes":{"title":"t"}}}' },
        "CreateIncident: body.data.attributes.customer_impacted: required" },
      { { "ListIncidents", "--page-size", "ten" }, "--page-size must be an integer (got 'ten')" },
      { { "ListIncidentTypes", "--include-deleted=maybe" },
        "--include-deleted is true or false (got 'maybe')" },
      { { "ListIncidents", "--pretty=yes" }, "--pretty takes no value" },
      { { "ListIncidents", "--timeout", "soon" }, "--timeout must be a number of seconds (got 'soon')" },
    }
    for _, case in ipairs(CASES) do
      it(table.concat(case[1], " "), function()
        local code, out, err = api(case[1])
        assert.equal(2, code, err)
        assert.equal("", out)
        assert.equal("datadog-lua: " .. case[2], err:sub(1, #("datadog-lua: " .. case[2])))
        assert.equal(0, #emu.requests())
      end)
    end

    it("without keys, naming the variable", function()
      local code, out, err = api({ "ListOpsgenieServices" }, { env = { DD_API_KEY = false } })
      assert.equal(2, code)
      assert.equal("", out)
      assert.equal("datadog-lua: no API key: set DD_API_KEY (and DD_APP_KEY)\n", err)
      code, out, err = api({ "ListOpsgenieServices" }, { env = { DD_APP_KEY = false } })
      assert.equal(2, code)
      assert.equal("", out)
      assert.matches("set DD_APP_KEY", err, 1, true)
      assert.equal(0, #emu.requests())
    end)

    it("for an unknown site, with a suggestion", function()
      local code, _, err = cli({ "ListOpsgenieServices", "--site", "datadoghq.ue" })
      assert.equal(2, code)
      assert.matches("unknown site 'datadoghq.ue'; did you mean 'datadoghq.eu'?", err, 1, true)
      code, _, err = cli({ "ListOpsgenieServices" }, { env = { DD_SITE = "datadoghq.ue" } })
      assert.equal(2, code)
      assert.matches("unknown site 'datadoghq.ue'", err, 1, true)
    end)
  end)

  describe("--all", function()
    local function incidents(n)
      local ids = S.create_incidents(n)
      emu.clear_requests()
      return ids
    end

    local function ids_of(list)
      local ids = {}
      for i, item in ipairs(list) do ids[i] = item.id end
      return ids
    end

    it("writes every item of every page as one JSON array", function()
      local ids = incidents(23)
      local code, out, err = api({ "ListIncidents", "--all", "--page-size", "10" })
      assert.equal(0, code, err)
      assert.equal("", err)
      local list = datadog.decode(out)
      assert.same(ids, ids_of(list))
      assert.equal(3, #emu.requests())
      -- the same items, indented, with --pretty; from an offset
      code, out = api({ "ListIncidents", "--all", "--pretty", "--page-offset", "20" })
      assert.equal(0, code)
      assert.same({ ids[21], ids[22], ids[23] }, ids_of(datadog.decode(out)))
      assert.matches('^%[\n  {\n    "attributes": {', out)
    end)

    it("writes [] for an empty list", function()
      for _, extra in ipairs{ {}, { "--pretty" } } do
        local code, out = api({ "ListIncidents", "--all", table.unpack(extra) })
        assert.equal(0, code)
        assert.equal("[]\n", out)
      end
    end)

    it("leaves the array open when a later page fails, and exits 3", function()
      local ids = incidents(12)
      emu.fault{ path = "^/api/v2/incidents$", count = 1, status = 200,
                 body = '{"data":[{"id":"' .. ids[1] .. '"},{"id":"' .. ids[2] .. '"}]}' }
      emu.fault{ path = "^/api/v2/incidents$", count = 5, status = 503 }
      local code, out, err = api({ "ListIncidents", "--all", "--page-size", "2", "--no-retry" })
      assert.equal(3, code)
      assert.equal("[" .. datadog.encode({ id = ids[1] }) .. "," .. datadog.encode({ id = ids[2] })
        .. "\n", out)
      assert.is_nil(datadog.decode(out), "not readable as a whole list")
      assert.matches("ListIncidents: HTTP 503 Service Unavailable\n$", err)
    end)

    it("is a usage error for an operation that is not paginated", function()
      local code, out, err = api({ "GetIncident", "--incident-id", "x", "--all" })
      assert.equal(2, code)
      assert.equal("", out)
      assert.matches("GetIncident is not paginated (paginated: ListIncidents", err, 1, true)
      assert.equal(0, #emu.requests())
    end)
  end)
end)
