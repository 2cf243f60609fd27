-- Every example, run as the demo runs it (a subprocess from the repository
-- root) against the emulator: it exits 0, prints what it did and leaves
-- nothing behind, even when a step fails.
local datadog = require "datadog"
local emu = require "spec.helpers.emulator"

local q = emu.shell_quote
local info

-- Runs examples/<name>.lua with arguments; returns exit code, stdout, stderr.
local function run(name, args, env)
  local vars = { DD_BASE_URL = info.base_url, DATADOG_EMULATOR_API_KEY = info.api_key,
                 DATADOG_EMULATOR_APP_KEY = info.app_key }
  for k, v in pairs(env or {}) do vars[k] = v end
  local parts = { "cd", q(emu.root), "&&", "env -u DD_API_KEY -u DD_APP_KEY -u DD_SITE -u DD_BASE_URL" }
  for k, v in pairs(vars) do parts[#parts + 1] = k .. "=" .. q(v) end
  parts[#parts + 1] = emu.lua .. " examples/" .. name .. ".lua"
  for _, a in ipairs(args or {}) do parts[#parts + 1] = q(a) end
  return emu.sh(table.concat(parts, " "))
end

local client = require("spec.helpers.client").new

-- What the emulator holds, by kind (PagerDuty: the names created and not
-- deleted, from the request log, since the v1 API cannot list them).
local function leftovers()
  local dd = client()
  local left = {
    incidents = #assert(dd:list_incidents()).data,
    incident_types = #assert(dd:list_incident_types()).data,
    opsgenie = #assert(dd:list_opsgenie_services()).data,
    pagerduty = 0,
  }
  for _, r in ipairs(emu.requests()) do
    if r.method == "POST" and r.path:match("/pagerduty/") and r.status == 201 then
      local name = datadog.decode(r.body).service_name
      if dd:get_pager_duty_integration_service(name) then left.pagerduty = left.pagerduty + 1 end
    end
  end
  return left
end
local NOTHING = { incidents = 0, incident_types = 0, opsgenie = 0, pagerduty = 0 }

local function lines_in_order(out, patterns)
  local pos = 1
  for _, p in ipairs(patterns) do
    local s, e = out:find(p, pos)
    assert(s, "expected /" .. p .. "/ after position " .. pos .. " in:\n" .. out)
    pos = e + 1
  end
end

describe("examples", function()
  info = emu.per_spec()

  it("are all covered here", function()
    local code, out = emu.sh("ls " .. q(emu.root .. "/examples"))
    assert.equal(0, code)
    local names = {}
    for f in out:gmatch("[^\n]+") do names[#names + 1] = f end
    -- (nginx.conf is docs/NGINX.md's, run by spec/nginx/docs_spec.lua; haproxy/ is
    -- docs/HAPROXY.md's, run by spec/haproxy/docs_spec.lua)
    assert.same({ "connect.lua", "declare_incident.lua", "haproxy", "latency_report.lua",
      "nginx.conf", "rename_incident_type.lua", "rotate_opsgenie_key.lua",
      "sync_pagerduty_services.lua" }, names)
  end)

  it("latency_report prints each operation's calls and latency from on_event", function()
    local code, out, err = run("latency_report", { "3" })
    assert.equal(0, code, err .. out)
    for _, op in ipairs({ "ListIncidentTypes", "ListIncidents", "ListOpsgenieServices" }) do
      -- 3 calls, 3 attempts, no wait, none failed, then two figures
      assert.matches(op .. "%s+3%s+3%s+0%s+0%s+[%d.]+%s+[%d.]+", out)
    end
    local code2, _, err2 = run("latency_report", { "none" })
    assert.equal(2, code2)
    assert.matches("ROUNDS must be a whole number", err2, 1, true)
  end)

  it("declare_incident attaches Slack, Jira and Teams, then removes everything", function()
    local code, out, err = run("declare_incident")
    assert.equal(0, code, err .. out)
    lines_in_order(out, {
      "^talking to the emulator at " .. info.base_url:gsub("%p", "%%%0") .. "\n",
      "declared incident %S+ %(public id 1%): Checkout latency above SLO\n",
      "attached Slack channel #inc%-checkout%-latency %(integration %S+, integration_type 1%)\n",
      "attached Jira issue INC%-1042 %(integration %S+, integration_type 8%)\n",
      "attached Teams channel Checkout incidents %(integration %S+, integration_type 7%)\n",
      "the incident now has 3 integrations:\n",
      "deleted integration ", "deleted integration ", "deleted integration ",
      "deleted incident %S+\n$",
    })
    assert.equal("", err)
    -- the Slack link was made by the builder, percent-encoded
    local slack
    for _, r in ipairs(emu.requests()) do
      if r.method == "POST" and r.path:match("/integrations$") and not slack then slack = r end
    end
    assert.equal("https://slack.com/app_redirect?channel=C0123456789&team=T01234567",
      datadog.decode(slack.body).data.attributes.metadata.channels[1].redirect_url)
    assert.same(NOTHING, leftovers())
  end)

  it("declare_incident cleans up when a step fails, and exits 1", function()
    emu.fault{ path = "/relationships/integrations$", method = "POST", status = 400 }
    local code, out, err = run("declare_incident")
    assert.equal(1, code)
    assert.matches("declared incident", out, 1, true)
    assert.matches("deleted incident", out, 1, true)
    assert.matches("example failed: datadog: CreateIncidentIntegration: HTTP 400", err, 1, true)
    assert.same(NOTHING, leftovers())
  end)

  it("rename_incident_type renames a type of its own and deletes it", function()
    local code, out, err = run("rename_incident_type")
    assert.equal(0, code, err .. out)
    lines_in_order(out, {
      "created incident type (%S+): Security Incident %(lua%-datadog example%)\n",
      "renamed incident type %S+: Security Incident %(lua%-datadog example%) %-> "
        .. "Security %(lua%-datadog example%)\n",
      "deleted incident type %S+\n$",
    })
    assert.same(NOTHING, leftovers())
  end)

  it("rename_incident_type renames an existing type by name and keeps it", function()
    local dd = client()
    local t = assert(dd:create_incident_type(datadog.incident_type{ name = "Outage" })).data
    local code, out, err = run("rename_incident_type", { "Outage", "Major outage" })
    assert.equal(0, code, err .. out)
    assert.matches("renamed incident type " .. t.id .. ": Outage -> Major outage\n", out, 1, true)
    assert.not_matches("deleted", out)
    assert.equal("Major outage", assert(dd:get_incident_type(t.id)).data.attributes.name)
    local _
    code, _, err = run("rename_incident_type", { "No such type", "x" })
    assert.equal(1, code)
    assert.equal("example failed: no incident type is called 'No such type'\n", err)
    code, _, err = run("rename_incident_type", { "only one" })
    assert.equal(2, code)
    assert.equal("rename_incident_type.lua: give both names, or none (usage: lua5.4 "
      .. "examples/rename_incident_type.lua [OLD_NAME NEW_NAME])\n", err)
  end)

  it("rotate_opsgenie_key rotates the key of a service of its own without showing it", function()
    local code, out, err = run("rotate_opsgenie_key", {}, { OPSGENIE_API_KEY = "new-secret-0123" })
    assert.equal(0, code, err .. out)
    lines_in_order(out, {
      "created Opsgenie service (%S+): lua%-datadog%-example%-%d+ %(region us%)\n",
      "rotated the API key of Opsgenie service %S+ %(lua%-datadog%-example%-%d+%); the key is not shown\n",
      "deleted Opsgenie service %S+\n$",
    })
    assert.not_matches("new%-secret", out .. err)
    local patch
    for _, r in ipairs(emu.requests()) do
      if r.method == "PATCH" then patch = r end
    end
    -- the key sent is the one from the environment
    assert.equal("new-secret-0123", datadog.decode(patch.body).data.attributes.opsgenie_api_key)
    assert.same(NOTHING, leftovers())
  end)

  it("rotate_opsgenie_key rotates an existing service's key from OPSGENIE_API_KEY", function()
    local dd = client()
    local svc = assert(dd:create_opsgenie_service(datadog.opsgenie_service{ name = "payments",
      opsgenie_api_key = "old-key", region = "eu" })).data
    local code, out, err = run("rotate_opsgenie_key", { "payments" }, { OPSGENIE_API_KEY = "new-secret-4567" })
    assert.equal(0, code, err .. out)
    assert.matches("rotated the API key of Opsgenie service " .. svc.id .. " (payments)", out, 1, true)
    assert.not_matches("deleted", out)
    assert.not_matches("new%-secret", out .. err)
    assert.equal(1, #assert(dd:list_opsgenie_services()).data)
    local _
    local requests = #emu.requests()
    code, _, err = run("rotate_opsgenie_key", { "payments" })
    assert.equal(2, code)
    assert.equal("rotate_opsgenie_key.lua: set OPSGENIE_API_KEY to the new key (never on the command "
      .. "line, where ps shows it)\n", err)
    assert.equal(requests, #emu.requests()) -- refused before connecting
  end)

  it("sync_pagerduty_services creates, updates and deletes, then removes what it made", function()
    local code, out, err = run("sync_pagerduty_services")
    assert.equal(0, code, err .. out)
    lines_in_order(out, {
      "first sync: payments, search, checkout\n",
      "  created lua%-datadog%-example%-%d+%-payments\n",
      "  created lua%-datadog%-example%-%d+%-search\n",
      "  created lua%-datadog%-example%-%d+%-checkout\n",
      "second sync:",
      "  unchanged lua%-datadog%-example%-%d+%-payments\n",
      "  updated the key of lua%-datadog%-example%-%d+%-search\n",
      "  created lua%-datadog%-example%-%d+%-billing\n",
      "  deleted lua%-datadog%-example%-%d+%-checkout\n",
      "deleted the 3 services it made\n$",
    })
    assert.same(NOTHING, leftovers())
  end)

  it("sync_pagerduty_services syncs from a file and remembers what it applied", function()
    local file = os.tmpname()
    local function write(text)
      local f = assert(io.open(file, "wb"))
      f:write(text)
      f:close()
    end
    write('[{"service_name":"payments","service_key":"k1"},{"service_name":"search","service_key":"k2"}]')
    local code, out, err = run("sync_pagerduty_services", { file })
    assert.equal(0, code, err .. out)
    assert.matches("syncing 2 PagerDuty services from", out, 1, true)
    assert.matches("  created payments\n  created search\n", out, 1, true)

    write('[{"service_name":"payments","service_key":"k1"},{"service_name":"billing","service_key":"k3"}]')
    code, out, err = run("sync_pagerduty_services", { file })
    assert.equal(0, code, err .. out)
    assert.matches("  unchanged payments\n  created billing\n  deleted search\n", out, 1, true)

    local dd = client()
    assert.truthy(dd:get_pager_duty_integration_service("payments"))
    assert.truthy(dd:get_pager_duty_integration_service("billing"))
    local _, gone = dd:get_pager_duty_integration_service("search")
    assert.equal(404, gone.status)
    assert.same({ billing = "k3", payments = "k1" }, datadog.decode(io.open(file .. ".applied"):read("*a")))
    os.remove(file)
    os.remove(file .. ".applied")
  end)

  it("sync_pagerduty_services refuses a file of another shape, sending nothing", function()
    local file = os.tmpname()
    local SHAPE = 'a JSON list of {"service_name": "...", "service_key": "..."}'
    for _, case in ipairs({
      { '{"payments":"k1"}', file .. " is not " .. SHAPE },
      { '[{"service_name":"payments"}]', file .. ": entry 1 has no service_key (the file must be " .. SHAPE .. ")" },
      { '[{"service_name":"a","service_key":"k"},"b"]',
        file .. ": entry 2 has no service_name (the file must be " .. SHAPE .. ")" },
      { '[{"service_name":"a","service_key":"k"},{"service_name":"a","service_key":"j"}]',
        file .. ": entry 2 repeats service a" },
      { "services:\n  - payments", "cannot read the services: " .. file .. ": invalid JSON: " },
    }) do
      local f = assert(io.open(file, "wb"))
      f:write(case[1])
      f:close()
      local code, out, err = run("sync_pagerduty_services", { file })
      assert.equal(2, code, case[1])
      assert.equal("", out)
      assert.equal("sync_pagerduty_services.lua: " .. case[2], err:sub(1, #case[2] + 29))
      assert.not_matches("traceback", err)
    end
    os.remove(file)
    local code, _, err = run("sync_pagerduty_services", { file })
    assert.equal(2, code)
    assert.matches("cannot read the services: " .. file .. ": No such file", err, 1, true)
    assert.equal(0, #emu.requests())
  end)
end)
